/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qcow format (version 1, qcow2's predecessor), read and write:
 * a 48-byte big-endian header, an L1 table of L2 table offsets, L2
 * entries that are host cluster offsets or (bit 63) zlib-compressed
 * clusters with their length in the bits below, and an optional backing
 * file (no format recorded: probed).  Layout facts from QEMU's
 * block/qcow.c documentation of the format; no code is shared with it.
 *
 * Header fields are validated before use and every table entry before it
 * is followed, so a hostile image is an error, not an overrun.
 *
 * Writes: qcow has no refcounts, so new L2 tables and clusters go at the
 * end of the file (cluster-aligned, as qemu-img does); data is written
 * before the L2 entry naming it and a new L2 table before its L1 entry.
 * A partial write to an unallocated or compressed cluster fills the rest
 * from the backing file or the old data.  convert -c stores raw-deflate
 * clusters (pwrite_compressed).  Create lays the file out as qemu-img
 * does: 4 KiB clusters, or 512-byte ones with a backing file.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    uint64_t l1_off;
    uint64_t meta_end;          /* header, backing name and L1 end here */
    uint64_t file_end;          /* where allocations go (unaligned) */
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
    /* cluster_bits is only meaningful (and a valid shift) once parsed. */
    size_t cs = ret == 0 ? (size_t)1 << s->cluster_bits : 0;
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
        return ret;
    }
    s->l1_off = l1_off;
    s->meta_end = l1_off + s->l1_size * 8;
    s->file_end = (uint64_t)fsize;
    return 0;
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

/* Room for len bytes at the end of the file, aligned to align. */
static uint64_t alloc_end(QcowState *s, uint64_t len, uint64_t align)
{
    uint64_t at = (s->file_end + align - 1) & ~(align - 1);
    s->file_end = at + len;
    return at;
}

/* Writes entry v at index i of the table at off (and the cached L2). */
static int put_entry(BlkDev *bs, uint64_t off, uint64_t i, uint64_t v)
{
    QcowState *s = bs->opaque;
    uint8_t b[8];
    be64_put(b, v);
    if (off == s->l2_off && off != s->l1_off) {
        s->l2[i] = *(uint64_t *)b;
    }
    return blk_file_pwrite(bs->fd, off + i * 8, b, 8);
}

/* The L2 table of guest offset off, appended (zeroed) if missing. */
static int qcow_l2_alloc(BlkDev *bs, uint64_t off, uint64_t *l2off)
{
    QcowState *s = bs->opaque;
    uint64_t cs = 1ull << s->cluster_bits, l1i = off >> (s->cluster_bits +
                                                          s->l2_bits);
    if (l1i >= s->l1_size) {
        return blk_err(-EIO, "qcow write past the L1 table");
    }
    *l2off = s->l1[l1i];
    if (*l2off) {
        return 0;
    }
    size_t bytes = (size_t)8 << s->l2_bits;
    uint8_t *zero = calloc(1, bytes);
    if (!zero) {
        return -ENOMEM;
    }
    uint64_t at = alloc_end(s, bytes, cs);
    int ret = blk_file_pwrite(bs->fd, at, zero, bytes);
    free(zero);
    if (ret == 0) {
        ret = put_entry(bs, s->l1_off, l1i, at);
    }
    if (ret == 0) {
        s->l1[l1i] = at;
        *l2off = at;
    }
    return ret;
}

/* Points guest cluster off at entry v. */
static int qcow_set_entry(BlkDev *bs, uint64_t off, uint64_t v)
{
    QcowState *s = bs->opaque;
    uint64_t l2off;
    int ret = qcow_l2_alloc(bs, off, &l2off);
    if (ret < 0) {
        return ret;
    }
    if (l2off < s->meta_end) {
        return blk_err(-EIO, "qcow image '%s' is corrupt: L2 table overlaps "
                       "the header", bs->filename);
    }
    uint64_t l2i = (off >> s->cluster_bits) & ((1ull << s->l2_bits) - 1);
    return put_entry(bs, l2off, l2i, v);
}

/* Writes n bytes at in of the guest cluster at base (entry: its entry). */
static int write_cluster(BlkDev *bs, uint64_t base, uint64_t entry,
                         uint64_t in, const uint8_t *p, size_t n)
{
    QcowState *s = bs->opaque;
    uint64_t cs = 1ull << s->cluster_bits;
    if (entry && !(entry & QCOW_COMPRESSED)) {
        if (entry < s->meta_end) {
            return blk_err(-EIO, "qcow image '%s' is corrupt: cluster overlaps "
                           "the header", bs->filename);
        }
        return blk_file_pwrite(bs->fd, entry + in, p, n);
    }
    uint8_t *full = malloc(cs);
    if (!full) {
        return -ENOMEM;
    }
    int ret = 0;
    if (n < cs) {
        uint64_t vlen = bs->size - base < cs ? bs->size - base : cs;
        memset(full, 0, cs);
        ret = qcow_pread(bs, base, full, (size_t)vlen);
    }
    memcpy(full + in, p, n);
    uint64_t at = alloc_end(s, cs, cs);
    if (ret == 0) {
        ret = blk_file_pwrite(bs->fd, at, full, cs);
    }
    free(full);
    return ret < 0 ? ret : qcow_set_entry(bs, base, at);
}

static int qcow_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len)
{
    QcowState *s = bs->opaque;
    uint64_t cs = 1ull << s->cluster_bits;
    const uint8_t *p = buf;
    while (len) {
        uint64_t in = off & (cs - 1), entry;
        size_t n = cs - in < len ? (size_t)(cs - in) : len;
        int ret = qcow_entry(bs, off, &entry);
        if (ret == 0) {
            ret = write_cluster(bs, off - in, entry, in, p, n);
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

static int qcow_write_compressed(BlkDev *bs, uint64_t off, const void *z,
                                 size_t zlen)
{
    QcowState *s = bs->opaque;
    uint32_t cb = s->cluster_bits;
    uint64_t at = alloc_end(s, zlen, 512);
    if (zlen >= (1ull << cb) || at >= (1ull << (63 - cb))) {
        return blk_err(-EIO, "qcow compressed cluster does not fit an entry");
    }
    int ret = blk_file_pwrite(bs->fd, at, z, zlen);
    return ret < 0 ? ret : qcow_set_entry(bs, off, QCOW_COMPRESSED |
                                          ((uint64_t)zlen << (63 - cb)) | at);
}

static int qcow_flush(BlkDev *bs)
{
    return fdatasync(bs->fd) < 0 ? -errno : 0;
}

/* qemu-img's layout: header, backing name, L1 table padded to a sector. */
static int qcow_create(const char *filename, const BlkCreateOpts *o)
{
    size_t blen = o->backing_file ? strlen(o->backing_file) : 0;
    uint32_t cb = blen ? 9 : 12, l2b = blen ? 12 : 9, shift = cb + l2b;
    if (blen >= BLK_NAME_MAX || o->size > (1ull << 62)) {
        return blk_err(-EINVAL, "qcow image parameters are invalid");
    }
    uint64_t l1_size = (o->size + (1ull << shift) - 1) >> shift;
    uint64_t l1_off = (QCOW_HEADER_LEN + blen + 7) & ~7ull;
    uint64_t l1_bytes = (l1_size * 8 + 511) & ~511ull;
    if (l1_bytes > QCOW2_MAX_L1_BYTES) {
        return blk_err(-EINVAL, "qcow image of %llu bytes is too large",
                       (unsigned long long)o->size);
    }
    uint8_t *b = calloc(1, l1_off + l1_bytes);
    if (!b) {
        return -ENOMEM;
    }
    be32_put(b, QCOW_MAGIC);
    be32_put(b + 4, 1);
    if (blen) {
        be64_put(b + 8, QCOW_HEADER_LEN);
        be32_put(b + 16, (uint32_t)blen);
        memcpy(b + QCOW_HEADER_LEN, o->backing_file, blen);
    }
    be64_put(b + 24, o->size);
    b[32] = (uint8_t)cb;
    b[33] = (uint8_t)l2b;
    be64_put(b + 40, l1_off);
    int fd = open(filename, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int ret = fd < 0 ? blk_err(-errno, "Could not create '%s': %s", filename,
                               strerror(errno))
                     : blk_file_pwrite(fd, 0, b, l1_off + l1_bytes);
    if (fd >= 0) {
        close(fd);
    }
    free(b);
    return ret;
}

const BlkDriver blk_qcow_driver = {
    .name = "qcow",
    .probe = qcow_probe,
    .open = qcow_open,
    .close = qcow_close,
    .create = qcow_create,
    .pread = qcow_pread,
    .pwrite = qcow_pwrite,
    .flush = qcow_flush,
    .pwrite_compressed = qcow_write_compressed,
    .block_status = qcow_block_status,
    .get_info = qcow_get_info,
};
