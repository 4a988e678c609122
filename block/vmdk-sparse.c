/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vmdk hosted sparse extents: the 512-byte "KDMV" header, the grain
 * directory (GD) and its redundant copy (RGD), grain tables (GT) of up to
 * 512 sector numbers, and the grains themselves -- plain, or zlib streams
 * behind a 12-byte marker (LBA, size) in streamOptimized files.  A stream
 * file may keep its real header in a footer (GD offset "at end").
 *
 * Reads walk GD -> GT -> grain (one GT cached).  Writes to an allocated
 * plain grain go in place; anything else builds the whole grain (from the
 * parent image, zeros, or the old compressed grain), appends it at the end
 * of the file, then points GT and RGT at it: data reaches the file before
 * the table entry that names it.  Grain tables the directory lacks are
 * appended the same way.  Entry points are declared in vmdk.h.
 */
#include "block/vmdk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define MARKER_LEN 12

/* Header fields at their byte offsets (VMDK 1.1, SparseExtentHeader). */
typedef struct VmdkHeader {
    uint32_t version, flags, gtes;
    uint64_t capacity, grain, desc_off, desc_size, rgd, gd, overhead;
    uint16_t algo;
} VmdkHeader;

static void header_get(const uint8_t *b, VmdkHeader *h)
{
    h->version = le32_get(b + 4);
    h->flags = le32_get(b + 8);
    h->capacity = le64_get(b + 12);
    h->grain = le64_get(b + 20);
    h->desc_off = le64_get(b + 28);
    h->desc_size = le64_get(b + 36);
    h->gtes = le32_get(b + 44);
    h->rgd = le64_get(b + 48);
    h->gd = le64_get(b + 56);
    h->overhead = le64_get(b + 64);
    h->algo = (uint16_t)(b[77] | b[78] << 8);
}

static void header_put(uint8_t *b, const VmdkHeader *h)
{
    memset(b, 0, VMDK_SECTOR);
    le32_put(b, VMDK_MAGIC);
    le32_put(b + 4, h->version);
    le32_put(b + 8, h->flags);
    le64_put(b + 12, h->capacity);
    le64_put(b + 20, h->grain);
    le64_put(b + 28, h->desc_off);
    le64_put(b + 36, h->desc_size);
    le32_put(b + 44, h->gtes);
    le64_put(b + 48, h->rgd);
    le64_put(b + 56, h->gd);
    le64_put(b + 64, h->overhead);
    /* The newline-detection characters ("\n", " ", "\r\n"). */
    b[73] = '\n'; b[74] = ' '; b[75] = '\r'; b[76] = '\n';
    b[77] = (uint8_t)h->algo; b[78] = (uint8_t)(h->algo >> 8);
}

int vmdk_sparse_descriptor(int fd, const uint8_t *hdr, char **text)
{
    VmdkHeader h;
    header_get(hdr, &h);
    *text = NULL;
    if (!h.desc_off || !h.desc_size) {
        return 0;
    }
    if (h.desc_size > VMDK_MAX_DESC / VMDK_SECTOR || h.desc_off > (1ull << 40)) {
        return blk_err(-EINVAL, "vmdk embedded descriptor is too large");
    }
    size_t n = (size_t)h.desc_size * VMDK_SECTOR;
    char *t = malloc(n + 1);
    if (!t) {
        return -ENOMEM;
    }
    int ret = blk_file_pread(fd, h.desc_off * VMDK_SECTOR, t, n);
    if (ret < 0) {
        free(t);
        return ret;
    }
    t[n] = 0;
    *text = t;
    return 0;
}

/* Reads and bounds-checks one directory (n entries at sector sect). */
static int load_gd(VmdkExtent *e, uint64_t sect, uint64_t fsects,
                   uint32_t **out)
{
    size_t bytes = (size_t)e->gd_entries * 4;
    uint8_t *raw = malloc(bytes);
    uint32_t *gd = malloc(bytes);
    int ret = raw && gd ? 0 : -ENOMEM;
    if (ret == 0 && (sect >= fsects || (bytes + VMDK_SECTOR - 1) / VMDK_SECTOR >
                     fsects - sect)) {
        ret = blk_err(-EINVAL, "vmdk grain directory of '%s' lies past the "
                      "end of the file", e->path);
    }
    if (ret == 0) {
        ret = blk_file_pread(e->fd, sect * VMDK_SECTOR, raw, bytes);
    }
    for (uint32_t i = 0; ret == 0 && i < e->gd_entries; i++) {
        gd[i] = le32_get(raw + 4 * i);
        if (gd[i] && (gd[i] >= fsects || e->gt_sectors > fsects - gd[i])) {
            ret = blk_err(-EINVAL, "vmdk grain table %u of '%s' lies past "
                          "the end of the file", i, e->path);
        }
    }
    free(raw);
    if (ret < 0) {
        free(gd);
        return ret;
    }
    *out = gd;
    return 0;
}

/* Validates the header fields; fills e. */
static int apply_header(VmdkExtent *e, const VmdkHeader *h)
{
    if (h->version < 1 || h->version > 3) {
        return blk_err(-ENOTSUP, "vmdk version %u of '%s' is not supported",
                       h->version, e->path);
    }
    if (!h->grain || h->grain > VMDK_MAX_GRAIN_SECTORS) {
        return blk_err(-EINVAL, "vmdk grain size %llu of '%s' is invalid",
                       (unsigned long long)h->grain, e->path);
    }
    if (!h->gtes || h->gtes > VMDK_MAX_GTES) {
        return blk_err(-EINVAL, "vmdk grain table size %u of '%s' is invalid",
                       h->gtes, e->path);
    }
    if (h->capacity > (1ull << 50)) {
        return blk_err(-EINVAL, "vmdk capacity of '%s' is too large", e->path);
    }
    if ((h->flags & VMDK_FLAG_COMPRESS) && h->algo != 1) {
        return blk_err(-ENOTSUP, "vmdk compression %u of '%s' is not "
                       "supported", h->algo, e->path);
    }
    uint64_t per_gt = h->grain * h->gtes;
    uint64_t n = (h->capacity + per_gt - 1) / per_gt;
    if (n * 4 > VMDK_MAX_GD_BYTES) {
        return blk_err(-EINVAL, "vmdk grain directory of '%s' is too large",
                       e->path);
    }
    e->version = h->version;
    e->flags = h->flags;
    e->capacity = h->capacity;
    e->grain = h->grain * VMDK_SECTOR;
    e->gtes = h->gtes;
    e->gt_sectors = (h->gtes * 4 + VMDK_SECTOR - 1) / VMDK_SECTOR;
    e->gd_entries = (uint32_t)n;
    e->gd_sect = h->gd;
    e->rgd_sect = (h->flags & VMDK_FLAG_RGD) ? h->rgd : 0;
    return 0;
}

int vmdk_sparse_open(VmdkExtent *e, bool writable)
{
    uint8_t b[VMDK_SECTOR];
    VmdkHeader h;
    int64_t fsize = blk_file_size(e->fd);
    if (fsize < 0) {
        return (int)fsize;
    }
    if (fsize < (int64_t)VMDK_SECTOR) {
        return blk_err(-EINVAL, "vmdk extent '%s' is truncated", e->path);
    }
    int ret = blk_file_pread(e->fd, 0, b, sizeof(b));
    if (ret < 0) {
        return ret;
    }
    if (le32_get(b) != VMDK_MAGIC) {
        return blk_err(-EINVAL, "'%s' is not a vmdk sparse extent", e->path);
    }
    header_get(b, &h);
    bool footer = h.gd == VMDK_GD_AT_END;
    if (footer) {
        /* streamOptimized: the header that counts is 1 KiB before the end. */
        if (fsize < 3 * (int64_t)VMDK_SECTOR) {
            return blk_err(-EINVAL, "vmdk stream '%s' has no footer", e->path);
        }
        ret = blk_file_pread(e->fd, (uint64_t)fsize - 2 * VMDK_SECTOR, b,
                             sizeof(b));
        if (ret < 0) {
            return ret;
        }
        header_get(b, &h);
        if (le32_get(b) != VMDK_MAGIC || h.gd == VMDK_GD_AT_END) {
            return blk_err(-EINVAL, "vmdk footer of '%s' is invalid", e->path);
        }
        if (writable) {
            return blk_err(-ENOTSUP, "vmdk stream '%s' with a footer can only "
                           "be read", e->path);
        }
    }
    ret = apply_header(e, &h);
    if (ret < 0) {
        return ret;
    }
    uint64_t fsects = ((uint64_t)fsize + VMDK_SECTOR - 1) / VMDK_SECTOR;
    if (e->gd_entries) {
        ret = load_gd(e, e->gd_sect, fsects, &e->gd);
        if (ret == 0 && e->rgd_sect) {
            ret = load_gd(e, e->rgd_sect, fsects, &e->rgd);
        }
        if (ret < 0) {
            return ret;
        }
    }
    e->gt = malloc((size_t)e->gtes * 4);
    e->gbuf = malloc(e->grain);
    e->zcap = e->grain + e->grain / 2 + 1024;
    e->zbuf = malloc(e->zcap);
    if (!e->gt || !e->gbuf || !e->zbuf) {
        return -ENOMEM;
    }
    e->gt_index = UINT32_MAX;
    e->next_sect = fsects;
    return 0;
}

void vmdk_sparse_close(VmdkExtent *e)
{
    free(e->gd);
    free(e->rgd);
    free(e->gt);
    free(e->gbuf);
    free(e->zbuf);
}

/* Grain table entry of grain g (0: unallocated). */
static int lookup(VmdkExtent *e, uint64_t g, uint32_t *gte)
{
    uint64_t di = g / e->gtes;
    *gte = 0;
    if (di >= e->gd_entries || !e->gd[di]) {
        return 0;
    }
    if (e->gt_index != di) {
        uint8_t raw[VMDK_MAX_GTES * 4];
        int ret = blk_file_pread(e->fd, (uint64_t)e->gd[di] * VMDK_SECTOR, raw,
                                 (size_t)e->gtes * 4);
        if (ret < 0) {
            e->gt_index = UINT32_MAX;
            return ret;
        }
        for (uint32_t i = 0; i < e->gtes; i++) {
            e->gt[i] = le32_get(raw + 4 * i);
        }
        e->gt_index = (uint32_t)di;
    }
    *gte = e->gt[g % e->gtes];
    return 0;
}

static bool is_zero_gte(const VmdkExtent *e, uint32_t gte)
{
    return gte == VMDK_GTE_ZERO && (e->flags & VMDK_FLAG_ZERO_GRAIN);
}

/* Inflates the compressed grain at sector gte into e->gbuf. */
static int read_compressed(VmdkExtent *e, uint32_t gte)
{
    uint64_t off = (uint64_t)gte * VMDK_SECTOR;
    size_t zlen = e->zcap;
    if (e->flags & VMDK_FLAG_MARKER) {
        uint8_t m[MARKER_LEN];
        int ret = blk_file_pread(e->fd, off, m, sizeof(m));
        if (ret < 0) {
            return ret;
        }
        zlen = le32_get(m + 8);
        if (!zlen || zlen > e->zcap) {
            return blk_err(-EIO, "vmdk compressed grain at sector %u of '%s' "
                           "has a bad length", gte, e->path);
        }
        off += MARKER_LEN;
    }
    int ret = blk_file_pread(e->fd, off, e->zbuf, zlen);
    if (ret < 0) {
        return ret;
    }
    z_stream z;
    memset(&z, 0, sizeof(z));
    if (inflateInit(&z) != Z_OK) {
        return -ENOMEM;
    }
    z.next_in = e->zbuf;
    z.avail_in = (uInt)zlen;
    z.next_out = e->gbuf;
    z.avail_out = (uInt)e->grain;
    int zr = inflate(&z, Z_FINISH);
    size_t got = e->grain - z.avail_out;
    inflateEnd(&z);
    if (zr != Z_STREAM_END) {
        return blk_err(-EIO, "vmdk compressed grain at sector %u of '%s' is "
                       "corrupt", gte, e->path);
    }
    memset(e->gbuf + got, 0, e->grain - got);
    return 0;
}

int vmdk_sparse_pread(BlkDev *bs, VmdkExtent *e, uint64_t off, void *buf,
                      size_t len)
{
    uint8_t *p = buf;
    while (len) {
        uint64_t g = off / e->grain, in = off % e->grain;
        size_t n = e->grain - in < len ? (size_t)(e->grain - in) : len;
        uint32_t gte;
        int ret = lookup(e, g, &gte);
        if (ret == 0 && !gte) {
            ret = vmdk_backing_read(bs, e->start + off, p, n);
        } else if (ret == 0 && is_zero_gte(e, gte)) {
            memset(p, 0, n);
        } else if (ret == 0 && (e->flags & VMDK_FLAG_COMPRESS)) {
            ret = read_compressed(e, gte);
            if (ret == 0) {
                memcpy(p, e->gbuf + in, n);
            }
        } else if (ret == 0) {
            ret = blk_file_pread(e->fd, (uint64_t)gte * VMDK_SECTOR + in, p, n);
        }
        if (ret < 0) {
            return ret;
        }
        p += n;
        off += n;
        len -= n;
    }
    return 0;
}

/* Writes one 32-bit entry at sector sect, index i. */
static int put_entry(VmdkExtent *e, uint64_t sect, uint64_t i, uint32_t v)
{
    uint8_t b[4];
    le32_put(b, v);
    return blk_file_pwrite(e->fd, sect * VMDK_SECTOR + i * 4, b, 4);
}

/* Appends a zeroed grain table for directory slot di (and its copy). */
static int alloc_gt(VmdkExtent *e, uint64_t di)
{
    static const uint8_t zero[VMDK_MAX_GTES * 4];
    size_t bytes = (size_t)e->gt_sectors * VMDK_SECTOR;
    for (int copy = 0; copy < (e->rgd ? 2 : 1); copy++) {
        uint64_t at = e->next_sect;
        int ret = blk_file_pwrite(e->fd, at * VMDK_SECTOR, zero, bytes);
        if (ret < 0) {
            return ret;
        }
        e->next_sect += e->gt_sectors;
        ret = put_entry(e, copy ? e->rgd_sect : e->gd_sect, di, (uint32_t)at);
        if (ret < 0) {
            return ret;
        }
        (copy ? e->rgd : e->gd)[di] = (uint32_t)at;
    }
    return 0;
}

/* Points grain g at sector v in the table and in its redundant copy. */
static int set_gte(VmdkExtent *e, uint64_t g, uint32_t v)
{
    uint64_t di = g / e->gtes, ti = g % e->gtes;
    if (di >= e->gd_entries) {
        return blk_err(-EIO, "vmdk write past the grain directory of '%s'",
                       e->path);
    }
    if (!e->gd[di] || (e->rgd && !e->rgd[di])) {
        int ret = alloc_gt(e, di);
        if (ret < 0) {
            return ret;
        }
    }
    uint32_t old;
    int ret = lookup(e, g, &old);
    if (ret < 0) {
        return ret;
    }
    e->gt[ti] = v;
    ret = put_entry(e, e->gd[di], ti, v);
    if (ret == 0 && e->rgd) {
        ret = put_entry(e, e->rgd[di], ti, v);
    }
    return ret;
}

/* Appends e->gbuf as a zlib stream behind a grain marker. */
static int append_compressed(VmdkExtent *e, uint64_t g, uint32_t *at)
{
    uLongf zlen = (uLongf)(e->zcap - MARKER_LEN);
    if (compress2(e->zbuf + MARKER_LEN, &zlen, e->gbuf, (uLong)e->grain,
                  Z_DEFAULT_COMPRESSION) != Z_OK) {
        return -EIO;
    }
    le64_put(e->zbuf, g * (e->grain / VMDK_SECTOR));
    le32_put(e->zbuf + 8, (uint32_t)zlen);
    size_t total = MARKER_LEN + zlen;
    size_t padded = (total + VMDK_SECTOR - 1) & ~(size_t)(VMDK_SECTOR - 1);
    memset(e->zbuf + total, 0, padded - total);
    *at = (uint32_t)e->next_sect;
    int ret = blk_file_pwrite(e->fd, e->next_sect * VMDK_SECTOR, e->zbuf, padded);
    if (ret == 0) {
        e->next_sect += padded / VMDK_SECTOR;
    }
    return ret;
}

static bool all_zero(const uint8_t *p, size_t n)
{
    return n == 0 || (p[0] == 0 && memcmp(p, p + 1, n - 1) == 0);
}

/* Writes n bytes at in of grain g whose entry is gte (not a plain grain). */
static int write_new_grain(BlkDev *bs, VmdkExtent *e, uint64_t g,
                           uint32_t gte, uint64_t in, const uint8_t *p,
                           size_t n)
{
    bool compressed = e->flags & VMDK_FLAG_COMPRESS;
    int ret = 0;
    if (n < e->grain) {
        if (!gte) {
            ret = vmdk_backing_read(bs, e->start + g * e->grain, e->gbuf,
                                    e->grain);
        } else if (is_zero_gte(e, gte)) {
            memset(e->gbuf, 0, e->grain);
        } else {
            ret = read_compressed(e, gte);
        }
        if (ret < 0) {
            return ret;
        }
    }
    memcpy(e->gbuf + in, p, n);
    if (!gte && !bs->backing && all_zero(e->gbuf, e->grain)) {
        return 0;   /* still reads as zeros: nothing to store */
    }
    uint32_t at;
    if (e->next_sect + e->grain / VMDK_SECTOR + 2 > UINT32_MAX) {
        return blk_err(-ENOSPC, "vmdk extent '%s' is full", e->path);
    }
    if (compressed) {
        ret = append_compressed(e, g, &at);
    } else {
        at = (uint32_t)e->next_sect;
        ret = blk_file_pwrite(e->fd, e->next_sect * VMDK_SECTOR, e->gbuf,
                              e->grain);
        e->next_sect += e->grain / VMDK_SECTOR;
    }
    return ret < 0 ? ret : set_gte(e, g, at);
}

/* A grain a hostile table places over the header or a grain directory
 * must not be written in place. */
static bool overlaps_metadata(const VmdkExtent *e, uint32_t gte)
{
    uint64_t a = gte, b = gte + e->grain / VMDK_SECTOR;
    uint64_t gd_sects = ((uint64_t)e->gd_entries * 4 + VMDK_SECTOR - 1) /
                        VMDK_SECTOR;
    return a < 1 || (a < e->gd_sect + gd_sects && e->gd_sect < b) ||
           (e->rgd_sect && a < e->rgd_sect + gd_sects && e->rgd_sect < b);
}

int vmdk_sparse_pwrite(BlkDev *bs, VmdkExtent *e, uint64_t off,
                       const void *buf, size_t len)
{
    const uint8_t *p = buf;
    while (len) {
        uint64_t g = off / e->grain, in = off % e->grain;
        size_t n = e->grain - in < len ? (size_t)(e->grain - in) : len;
        uint32_t gte;
        int ret = lookup(e, g, &gte);
        if (ret < 0) {
            return ret;
        }
        if (gte && !is_zero_gte(e, gte) && !(e->flags & VMDK_FLAG_COMPRESS)) {
            ret = overlaps_metadata(e, gte) ? blk_err(-EIO, "vmdk grain at "
                                                      "sector %u of '%s' "
                                                      "overlaps its tables",
                                                      gte, e->path)
                  : blk_file_pwrite(e->fd, (uint64_t)gte * VMDK_SECTOR + in, p, n);
        } else {
            ret = write_new_grain(bs, e, g, gte, in, p, n);
        }
        if (ret < 0) {
            return ret;
        }
        p += n;
        off += n;
        len -= n;
    }
    return 0;
}

/* Kind of a grain entry, for merging runs in block status. */
static int gte_status(const VmdkExtent *e, uint32_t gte)
{
    if (!gte) {
        return 0;
    }
    if (is_zero_gte(e, gte)) {
        return BLK_STAT_ZERO | BLK_STAT_ALLOCATED;
    }
    if (e->flags & VMDK_FLAG_COMPRESS) {
        return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_COMPRESSED;
    }
    return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
}

int vmdk_sparse_status(VmdkExtent *e, uint64_t off, uint64_t len,
                       uint64_t *pnum, uint64_t *host_off)
{
    uint64_t g = off / e->grain, in = off % e->grain;
    uint32_t gte;
    int ret = lookup(e, g, &gte);
    if (ret < 0) {
        return ret;
    }
    int st = gte_status(e, gte);
    *host_off = (uint64_t)gte * VMDK_SECTOR + in;
    uint64_t n = e->grain - in;
    uint32_t step = (uint32_t)(e->grain / VMDK_SECTOR);
    while (n < len) {
        uint32_t next;
        ret = lookup(e, ++g, &next);
        if (ret < 0 || gte_status(e, next) != st ||
            ((st & BLK_STAT_OFFSET) && next != gte + step)) {
            break;
        }
        gte = next;
        n += e->grain;
    }
    *pnum = n < len ? n : len;
    return st;
}

int vmdk_sparse_check(VmdkExtent *e, BlkCheckResult *res)
{
    int64_t fsize = blk_file_size(e->fd);
    if (fsize < 0) {
        return (int)fsize;
    }
    uint64_t grains = (e->capacity * VMDK_SECTOR + e->grain - 1) / e->grain;
    for (uint64_t g = 0; g < grains; g++) {
        uint32_t gte;
        int ret = lookup(e, g, &gte);
        if (ret < 0) {
            res->check_errors++;
            return 0;
        }
        if (!gte || is_zero_gte(e, gte)) {
            continue;
        }
        uint64_t end = (uint64_t)gte * VMDK_SECTOR +
                       ((e->flags & VMDK_FLAG_COMPRESS) ? 1 : e->grain);
        if (end > (uint64_t)fsize) {
            fprintf(stderr, "ERROR: cluster offset for sector %llu points "
                    "after EOF\n", (unsigned long long)(g * e->grain /
                                                        VMDK_SECTOR));
            res->corruptions++;
        }
    }
    return 0;
}

int vmdk_sparse_format(int fd, uint64_t sectors, bool stream, bool zeroed,
                       const char *desc)
{
    VmdkHeader h = {
        .version = stream ? 3 : zeroed ? 2 : 1,
        .flags = VMDK_FLAG_NL_DETECT | VMDK_FLAG_RGD |
                 (zeroed ? VMDK_FLAG_ZERO_GRAIN : 0) |
                 (stream ? VMDK_FLAG_COMPRESS | VMDK_FLAG_MARKER : 0),
        .capacity = sectors, .grain = 128, .gtes = 512,
        .desc_off = 1, .desc_size = VMDK_DESC_SECTORS,
        .algo = stream ? 1 : 0,
    };
    uint64_t grains = (sectors + h.grain - 1) / h.grain;
    uint64_t gts = (grains + h.gtes - 1) / h.gtes;
    uint64_t gd_sects = (gts * 4 + VMDK_SECTOR - 1) / VMDK_SECTOR;
    uint64_t gt_sects = h.gtes * 4 / VMDK_SECTOR;
    h.rgd = h.desc_off + h.desc_size;
    h.gd = h.rgd + gd_sects + gts * gt_sects;
    h.overhead = (h.gd + gd_sects + gts * gt_sects + h.grain - 1) /
                 h.grain * h.grain;
    if (h.overhead > UINT32_MAX || gts * 4 > VMDK_MAX_GD_BYTES) {
        return blk_err(-EINVAL, "vmdk extent of %llu sectors is too large",
                       (unsigned long long)sectors);
    }
    uint8_t hdr[VMDK_SECTOR];
    header_put(hdr, &h);
    int ret = blk_file_pwrite(fd, 0, hdr, sizeof(hdr));
    if (ret == 0 && desc) {
        ret = blk_file_pwrite(fd, h.desc_off * VMDK_SECTOR, desc, strlen(desc));
    }
    size_t gd_bytes = (size_t)gd_sects * VMDK_SECTOR;
    uint8_t *gd = calloc(1, gd_bytes ? gd_bytes : 1);
    if (!gd) {
        return -ENOMEM;
    }
    /* Both directories, each followed by its (zeroed) grain tables. */
    for (int copy = 0; ret == 0 && copy < 2; copy++) {
        uint64_t base = copy ? h.gd : h.rgd;
        for (uint64_t i = 0; i < gts; i++) {
            le32_put(gd + 4 * i, (uint32_t)(base + gd_sects + i * gt_sects));
        }
        ret = blk_file_pwrite(fd, base * VMDK_SECTOR, gd, gd_bytes);
    }
    free(gd);
    if (ret == 0 && ftruncate(fd, (off_t)(h.overhead * VMDK_SECTOR)) < 0) {
        ret = -errno;
    }
    return ret;
}
