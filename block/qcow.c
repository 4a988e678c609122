/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qcow format (version 1, qcow2's predecessor), read-only for now:
 * a 48-byte big-endian header, an L1 table of L2 table offsets, L2
 * entries that are host cluster offsets or (bit 63) zlib-compressed
 * clusters with their length in the bits below, and an optional backing
 * file (no format recorded: probed).  Layout facts from QEMU's
 * block/qcow.c documentation of the format; no code is shared with it.
 *
 * Header fields are validated before use and every table entry before it
 * is followed, so a hostile image is an error, not an overrun.  Writing
 * (and creating) qcow images is not written yet: opening read/write is
 * refused with a message.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define QCOW_MAGIC        0x514649fbu
#define QCOW_HEADER_LEN   48
#define QCOW_COMPRESSED   (1ull << 63)

typedef struct QcowState {
    uint32_t cluster_bits, l2_bits;
    uint64_t *l1;
    uint64_t l1_size;
    uint64_t *l2;               /* one cached L2 table */
    uint64_t l2_off;
    uint8_t *zbuf, *cluster;    /* compressed input, decompressed cluster */
    uint64_t cluster_off;       /* the compressed entry in `cluster`, or 0 */
} QcowState;

static int qcow_probe(const uint8_t *buf, size_t len, const char *filename)
{
    (void)filename;
    return len >= 8 && be32_get(buf) == QCOW_MAGIC && be32_get(buf + 4) == 1
           ? 100 : 0;
}

static int qcow_parse(BlkDev *bs, const uint8_t *h, uint64_t fsize, QcowState *s,
                      uint64_t *l1_off)
{
    uint64_t bfo = be64_get(h + 8);
    uint32_t bfs = be32_get(h + 16);
    bs->size = be64_get(h + 24);
    s->cluster_bits = h[32];
    s->l2_bits = h[33];
    if (s->cluster_bits < 9 || s->cluster_bits > 16) {
        return blk_err(-EINVAL, "qcow cluster size 2^%u is invalid (512 to 64k)",
                       s->cluster_bits);
    }
    if (s->l2_bits < 6 || s->l2_bits > 13) {
        return blk_err(-EINVAL, "qcow L2 table size 2^%u entries is invalid",
                       s->l2_bits);
    }
    if (be32_get(h + 36)) {
        return blk_err(-ENOTSUP, "encrypted qcow images are not supported");
    }
    uint32_t shift = s->cluster_bits + s->l2_bits;
    if (bs->size > (1ull << 62)) {
        return blk_err(-EINVAL, "qcow virtual size %llu is too large",
                       (unsigned long long)bs->size);
    }
    s->l1_size = (bs->size + (1ull << shift) - 1) >> shift;
    *l1_off = be64_get(h + 40);
    if (s->l1_size * 8 > QCOW2_MAX_L1_BYTES || *l1_off > fsize ||
        s->l1_size * 8 > fsize - *l1_off || (*l1_off & 7)) {
        return blk_err(-EINVAL, "qcow L1 table (%llu entries at %#llx) is "
                       "invalid", (unsigned long long)s->l1_size,
                       (unsigned long long)*l1_off);
    }
    if (bfo) {
        if (bfs == 0 || bfs >= sizeof(bs->backing_file) || bfo > fsize ||
            bfs > fsize - bfo) {
            return blk_err(-EINVAL, "qcow backing file name is invalid");
        }
        int ret = blk_file_pread(bs->fd, bfo, bs->backing_file, bfs);
        if (ret < 0) {
            return ret;
        }
        bs->backing_file[bfs] = 0;
    }
    return 0;
}

static void qcow_close(BlkDev *bs)
{
    QcowState *s = bs->opaque;
    if (s) {
        free(s->l1);
        free(s->l2);
        free(s->zbuf);
        free(s->cluster);
        free(s);
    }
    bs->opaque = NULL;
}

static int qcow_open(BlkDev *bs, int flags)
{
    (void)flags;
    uint8_t h[QCOW_HEADER_LEN];
    if (!bs->read_only) {
        return blk_err(-ENOTSUP, "qcow (version 1) images can only be opened "
                       "read-only for now");
    }
    int64_t fsize = blk_file_size(bs->fd);
    QcowState *s = calloc(1, sizeof(*s));
    if (!s || fsize < 0) {
        free(s);
        return fsize < 0 ? (int)fsize : -ENOMEM;
    }
    bs->opaque = s;
    uint64_t l1_off = 0;
    int ret = fsize < QCOW_HEADER_LEN
        ? blk_err(-EINVAL, "qcow header is truncated")
        : blk_file_pread(bs->fd, 0, h, sizeof(h));
    if (ret == 0) {
        ret = qcow_parse(bs, h, (uint64_t)fsize, s, &l1_off);
    }
    size_t cs = (size_t)1 << s->cluster_bits;
    if (ret == 0) {
        s->l1 = calloc(s->l1_size ? s->l1_size : 1, 8);
        s->l2 = malloc((size_t)8 << s->l2_bits);
        s->zbuf = malloc(cs);
        s->cluster = malloc(cs);
        ret = s->l1 && s->l2 && s->zbuf && s->cluster ? 0 : -ENOMEM;
    }
    if (ret == 0) {
        ret = blk_file_pread(bs->fd, l1_off, s->l1, s->l1_size * 8);
    }
    for (uint64_t i = 0; ret == 0 && i < s->l1_size; i++) {
        s->l1[i] = be64_get((const uint8_t *)&s->l1[i]);
    }
    if (ret < 0) {
        qcow_close(bs);
    }
    return ret;
}

/* The L2 entry of guest offset off (0: unallocated). */
static int qcow_entry(BlkDev *bs, uint64_t off, uint64_t *entry)
{
    QcowState *s = bs->opaque;
    uint64_t l1i = off >> (s->cluster_bits + s->l2_bits);
    uint64_t l2i = (off >> s->cluster_bits) & ((1ull << s->l2_bits) - 1);
    uint64_t l2off = l1i < s->l1_size ? s->l1[l1i] : 0;
    *entry = 0;
    if (!l2off) {
        return 0;
    }
    if (l2off & 7) {
        return blk_err(-EIO, "qcow image '%s' is corrupt: bad L1 entry %#llx",
                       bs->filename, (unsigned long long)l2off);
    }
    if (s->l2_off != l2off) {
        int ret = blk_file_pread(bs->fd, l2off, s->l2, (size_t)8 << s->l2_bits);
        if (ret < 0) {
            s->l2_off = 0;
            return ret;
        }
        s->l2_off = l2off;
    }
    *entry = be64_get((const uint8_t *)&s->l2[l2i]);
    if (!(*entry & QCOW_COMPRESSED) && (*entry & ((1ull << s->cluster_bits) - 1))) {
        return blk_err(-EIO, "qcow image '%s' is corrupt: unaligned L2 entry "
                       "%#llx", bs->filename, (unsigned long long)*entry);
    }
    return 0;
}

static int qcow_decompress(BlkDev *bs, uint64_t entry)
{
    QcowState *s = bs->opaque;
    uint32_t cb = s->cluster_bits;
    uint64_t csize = (entry >> (63 - cb)) & ((1ull << cb) - 1);
    uint64_t coff = entry & ((1ull << (63 - cb)) - 1);
    if (s->cluster_off == entry) {
        return 0;
    }
    int ret = blk_file_pread(bs->fd, coff, s->zbuf, (size_t)csize);
    if (ret < 0) {
        return ret;
    }
    ret = blk_inflate_cluster(s->zbuf, (size_t)csize, s->cluster, 1u << cb);
    if (ret == -ENOMEM) {
        return ret;
    }
    if (ret < 0) {
        return blk_err(-EIO, "qcow image '%s' is corrupt: compressed cluster "
                       "at %#llx does not decompress", bs->filename,
                       (unsigned long long)coff);
    }
    s->cluster_off = entry;
    return 0;
}

static int qcow_pread(BlkDev *bs, uint64_t off, void *buf, size_t len)
{
    QcowState *s = bs->opaque;
    uint64_t cs = 1ull << s->cluster_bits;
    uint8_t *p = buf;
    while (len) {
        uint64_t in = off & (cs - 1), entry;
        size_t n = cs - in < len ? (size_t)(cs - in) : len;
        int ret = qcow_entry(bs, off, &entry);
        if (ret < 0) {
            return ret;
        }
        if (!entry) {
            memset(p, 0, n);
            if (bs->backing && off < bs->backing->size) {
                uint64_t k = bs->backing->size - off;
                ret = blk_pread(bs->backing, off, p, k < n ? (size_t)k : n);
            }
        } else if (entry & QCOW_COMPRESSED) {
            ret = qcow_decompress(bs, entry);
            if (ret == 0) {
                memcpy(p, s->cluster + in, n);
            }
        } else {
            ret = blk_file_pread(bs->fd, entry + in, p, n);
        }
        if (ret < 0) {
            return ret;
        }
        off += n;
        p += n;
        len -= n;
    }
    return 0;
}

static int qcow_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                             uint64_t *pnum, uint64_t *host_off)
{
    QcowState *s = bs->opaque;
    uint64_t cs = 1ull << s->cluster_bits, entry;
    int ret = qcow_entry(bs, off, &entry);
    if (ret < 0) {
        return ret;
    }
    uint64_t n = cs - (off & (cs - 1));
    *pnum = n < len ? n : len;
    if (!entry) {
        return 0;
    }
    if (entry & QCOW_COMPRESSED) {
        return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_COMPRESSED;
    }
    *host_off = entry + (off & (cs - 1));
    return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
}

static int qcow_get_info(BlkDev *bs, BlkInfo *info)
{
    QcowState *s = bs->opaque;
    info->cluster_size = 1u << s->cluster_bits;
    return 0;
}

const BlkDriver blk_qcow_driver = {
    .name = "qcow",
    .probe = qcow_probe,
    .open = qcow_open,
    .close = qcow_close,
    .pread = qcow_pread,
    .block_status = qcow_block_status,
    .get_info = qcow_get_info,
};
