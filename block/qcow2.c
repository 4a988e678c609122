/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 driver: the header (parsing with every field validated, header
 * extensions, feature bits), open and close, image creation, resize and
 * the info qemu-img shows.  The cluster mapping, refcounts and check live
 * in the other qcow2-*.c files (see qcow2.h for the map).
 *
 * A corrupt or hostile header is refused with one line naming the field;
 * features guise does not implement yet (encryption, external data files,
 * extended L2 entries, zstd) are refused clearly rather than misread.
 * Opening read/write clears the autoclear bits (guise keeps no bitmaps)
 * and repairs an image left dirty by lazy refcounts.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define L2_CACHE_TABLES 64
#define RC_CACHE_TABLES 16

static int qcow2_probe(const uint8_t *buf, size_t len, const char *filename)
{
    (void)filename;
    if (len >= 8 && be32_get(buf) == QCOW2_MAGIC) {
        uint32_t v = be32_get(buf + 4);
        return (v == 2 || v == 3) ? 100 : 0;
    }
    return 0;
}

static bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return alen && blen && a < b + blen && b < a + alen;
}

/* Walks the header extensions between `start` and `end` of buf. */
static int parse_extensions(const uint8_t *buf, size_t start, size_t end,
                            Qcow2Header *h)
{
    size_t p = start;
    while (p + 8 <= end) {
        uint32_t type = be32_get(buf + p), len = be32_get(buf + p + 4);
        p += 8;
        if (type == QCOW2_EXT_END) {
            return 0;
        }
        if (len > end - p) {
            return blk_err(-EINVAL, "qcow2 header extension %#x overruns the "
                           "header cluster (length %u)", type, len);
        }
        switch (type) {
        case QCOW2_EXT_BACKING_FMT:
            if (len >= sizeof(h->backing_fmt)) {
                return blk_err(-EINVAL, "qcow2 backing format name too long "
                               "(%u bytes)", len);
            }
            memcpy(h->backing_fmt, buf + p, len);
            h->backing_fmt[len] = 0;
            break;
        case QCOW2_EXT_BITMAPS:
            if (len < 24 || be32_get(buf + p + 4)) {
                return blk_err(-EINVAL, "qcow2 bitmaps extension is invalid");
            }
            h->has_bitmaps = true;
            h->nb_bitmaps = be32_get(buf + p);
            h->bitmap_dir_size = be64_get(buf + p + 8);
            h->bitmap_dir_offset = be64_get(buf + p + 16);
            if (h->nb_bitmaps > 65535) {
                return blk_err(-EINVAL, "qcow2 image has too many bitmaps (%u)",
                               h->nb_bitmaps);
            }
            break;
        case QCOW2_EXT_CRYPTO:
            return blk_err(-ENOTSUP, "encrypted qcow2 images are not supported");
        case QCOW2_EXT_DATA_FILE:
            if (!len || len >= sizeof(h->data_file) ||
                memchr(buf + p, 0, len)) {
                return blk_err(-EINVAL, "qcow2 data file name is invalid");
            }
            memcpy(h->data_file, buf + p, len);
            h->data_file[len] = 0;
            break;
        default:
            break;          /* feature names, bitmaps, unknown: skipped */
        }
        p += (len + 7u) & ~7u;
    }
    return 0;
}

static int validate_features(Qcow2Header *h)
{
    uint64_t unknown = h->incompatible_features & ~QCOW2_INCOMPAT_KNOWN;
    if (unknown) {
        return blk_err(-ENOTSUP, "qcow2 image uses unknown incompatible "
                       "features %#llx", (unsigned long long)unknown);
    }
    if ((h->incompatible_features & QCOW2_INCOMPAT_EXTL2) &&
        h->cluster_bits < 14) {
        return blk_err(-EINVAL, "qcow2 extended L2 entries need clusters of "
                       "16k or more (subclusters of 512 bytes)");
    }
    bool ctype = h->incompatible_features & QCOW2_INCOMPAT_COMPRESSION;
    if (ctype != (h->compression_type != 0)) {
        return blk_err(-EINVAL, "qcow2 compression type %u disagrees with the "
                       "compression feature bit", h->compression_type);
    }
    if (h->compression_type > BLK_COMPRESS_ZSTD) {
        return blk_err(-EINVAL, "qcow2 unknown compression type %u",
                       h->compression_type);
    }
    if (h->crypt_method) {
        return blk_err(-ENOTSUP, "encrypted qcow2 images are not supported");
    }
    return 0;
}

/* Table placement: aligned, inside the file, off cluster 0, no overlap. */
static int validate_tables(const Qcow2Header *h, uint64_t file_size)
{
    uint64_t cs = 1ull << h->cluster_bits, mask = cs - 1;
    uint64_t l1_bytes = (uint64_t)h->l1_size * 8;
    uint64_t rt_bytes = (uint64_t)h->refcount_table_clusters << h->cluster_bits;

    if (h->refcount_table_clusters == 0 || rt_bytes > QCOW2_MAX_REFTABLE_BYTES) {
        return blk_err(-EINVAL, "qcow2 refcount table size %u clusters is "
                       "invalid", h->refcount_table_clusters);
    }
    if ((h->refcount_table_offset & mask) || h->refcount_table_offset < cs ||
        h->refcount_table_offset > file_size ||
        rt_bytes > file_size - h->refcount_table_offset) {
        return blk_err(-EINVAL, "qcow2 refcount table offset %#llx is invalid "
                       "(unaligned, in the header or past the end of the file)",
                       (unsigned long long)h->refcount_table_offset);
    }
    if (l1_bytes > QCOW2_MAX_L1_BYTES) {
        return blk_err(-EINVAL, "qcow2 L1 table too large (%u entries)",
                       h->l1_size);
    }
    if (h->l1_size && ((h->l1_table_offset & mask) || h->l1_table_offset < cs ||
                       h->l1_table_offset > file_size ||
                       l1_bytes > file_size - h->l1_table_offset)) {
        return blk_err(-EINVAL, "qcow2 L1 table offset %#llx is invalid "
                       "(unaligned, in the header or past the end of the file)",
                       (unsigned long long)h->l1_table_offset);
    }
    if (ranges_overlap(h->l1_table_offset, l1_bytes, h->refcount_table_offset,
                       rt_bytes)) {
        return blk_err(-EINVAL, "qcow2 L1 table overlaps the refcount table");
    }
    if (h->nb_snapshots > QCOW2_MAX_SNAPSHOTS ||
        (h->nb_snapshots && ((h->snapshots_offset & mask) ||
                             h->snapshots_offset < cs ||
                             h->snapshots_offset >= file_size))) {
        return blk_err(-EINVAL, "qcow2 snapshot table (%u at %#llx) is invalid",
                       h->nb_snapshots, (unsigned long long)h->snapshots_offset);
    }
    return 0;
}

/* The size must be reachable through the L1 table as sized. */
static int validate_size(const Qcow2Header *h)
{
    uint32_t l2_bits = h->cluster_bits -
                       ((h->incompatible_features & QCOW2_INCOMPAT_EXTL2) ? 4 : 3);
    uint32_t shift = h->cluster_bits + l2_bits;
    if (h->size > (1ull << 62)) {
        return blk_err(-EINVAL, "qcow2 virtual size %llu is too large",
                       (unsigned long long)h->size);
    }
    uint64_t need = (h->size + (1ull << shift) - 1) >> shift;
    if (need > h->l1_size) {
        return blk_err(-EINVAL, "qcow2 L1 table (%u entries) is too small for "
                       "the virtual size %llu", h->l1_size,
                       (unsigned long long)h->size);
    }
    return 0;
}

int qcow2_parse_header(const uint8_t *buf, size_t len, uint64_t file_size,
                       Qcow2Header *h, char *backing, size_t backing_len)
{
    memset(h, 0, sizeof(*h));
    if (len < QCOW2_V2_HEADER_LEN || be32_get(buf) != QCOW2_MAGIC) {
        return blk_err(-EINVAL, "not a qcow2 image (bad magic or truncated "
                       "header)");
    }
    h->version = be32_get(buf + 4);
    if (h->version != 2 && h->version != 3) {
        return blk_err(-ENOTSUP, "qcow2 version %u is not supported", h->version);
    }
    h->backing_file_offset = be64_get(buf + 8);
    h->backing_file_size = be32_get(buf + 16);
    h->cluster_bits = be32_get(buf + 20);
    h->size = be64_get(buf + 24);
    h->crypt_method = be32_get(buf + 32);
    h->l1_size = be32_get(buf + 36);
    h->l1_table_offset = be64_get(buf + 40);
    h->refcount_table_offset = be64_get(buf + 48);
    h->refcount_table_clusters = be32_get(buf + 56);
    h->nb_snapshots = be32_get(buf + 60);
    h->snapshots_offset = be64_get(buf + 64);
    h->refcount_order = 4;
    h->header_length = QCOW2_V2_HEADER_LEN;
    if (h->cluster_bits < QCOW2_MIN_CLUSTER_BITS ||
        h->cluster_bits > QCOW2_MAX_CLUSTER_BITS) {
        return blk_err(-EINVAL, "qcow2 cluster size 2^%u is invalid (must be "
                       "512 bytes to 2 MiB)", h->cluster_bits);
    }
    uint64_t cs = 1ull << h->cluster_bits;
    if (h->version == 3) {
        if (len < QCOW2_V3_HEADER_LEN) {
            return blk_err(-EINVAL, "qcow2 v3 header is truncated");
        }
        h->incompatible_features = be64_get(buf + 72);
        h->compatible_features = be64_get(buf + 80);
        h->autoclear_features = be64_get(buf + 88);
        h->refcount_order = be32_get(buf + 96);
        h->header_length = be32_get(buf + 100);
        if (h->header_length < QCOW2_V3_HEADER_LEN || h->header_length > cs ||
            h->header_length > len || (h->header_length & 7)) {
            return blk_err(-EINVAL, "qcow2 header length %u is invalid",
                           h->header_length);
        }
        if (h->header_length > QCOW2_V3_HEADER_LEN) {
            h->compression_type = buf[104];
        }
        if (h->refcount_order > 6) {
            return blk_err(-EINVAL, "qcow2 refcount order %u is invalid (0-6)",
                           h->refcount_order);
        }
    }
    int ret = validate_features(h);
    if (ret < 0) {
        return ret;
    }
    if (h->backing_file_offset) {
        if (h->backing_file_size > QCOW2_MAX_BACKING_NAME ||
            h->backing_file_size == 0 || h->backing_file_offset >= cs ||
            h->backing_file_size > cs - h->backing_file_offset ||
            h->backing_file_offset + h->backing_file_size > len ||
            h->backing_file_size >= backing_len) {
            return blk_err(-EINVAL, "qcow2 backing file name (offset %#llx, "
                           "%u bytes) is invalid",
                           (unsigned long long)h->backing_file_offset,
                           h->backing_file_size);
        }
        memcpy(backing, buf + h->backing_file_offset, h->backing_file_size);
        backing[h->backing_file_size] = 0;
        if (strlen(backing) != h->backing_file_size) {
            return blk_err(-EINVAL, "qcow2 backing file name contains a NUL");
        }
    } else if (backing_len) {
        backing[0] = 0;
    }
    size_t ext_end = len < cs ? len : (size_t)cs;
    if (h->backing_file_offset && h->backing_file_offset < ext_end) {
        ext_end = (size_t)h->backing_file_offset;
    }
    ret = parse_extensions(buf, h->header_length, ext_end, h);
    if (ret < 0) {
        return ret;
    }
    if ((h->incompatible_features & QCOW2_INCOMPAT_DATA_FILE) &&
        !h->data_file[0]) {
        return blk_err(-ENOTSUP, "qcow2 image needs an external data file "
                       "it does not name");
    }
    ret = validate_tables(h, file_size);
    return ret < 0 ? ret : validate_size(h);
}

/* Serialises the fixed header fields (not the extensions) to disk. */
int qcow2_update_header_fields(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    const Qcow2Header *h = &s->h;
    uint8_t b[QCOW2_V3_HEADER_LEN];
    be32_put(b, QCOW2_MAGIC);
    be32_put(b + 4, h->version);
    be64_put(b + 8, h->backing_file_offset);
    be32_put(b + 16, h->backing_file_size);
    be32_put(b + 20, h->cluster_bits);
    be64_put(b + 24, h->size);
    be32_put(b + 32, h->crypt_method);
    be32_put(b + 36, h->l1_size);
    be64_put(b + 40, h->l1_table_offset);
    be64_put(b + 48, h->refcount_table_offset);
    be32_put(b + 56, h->refcount_table_clusters);
    be32_put(b + 60, h->nb_snapshots);
    be64_put(b + 64, h->snapshots_offset);
    be64_put(b + 72, h->incompatible_features);
    be64_put(b + 80, h->compatible_features);
    be64_put(b + 88, h->autoclear_features);
    be32_put(b + 96, h->refcount_order);
    be32_put(b + 100, h->header_length);
    size_t n = h->version == 3 ? QCOW2_V3_HEADER_LEN : QCOW2_V2_HEADER_LEN;
    return blk_file_pwrite(bs->fd, 0, b, n);
}

int qcow2_mark_dirty(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    if (!s->bitmaps_marked && qcow2_bitmaps_valid(s)) {
        /* Guest data changes that the bitmaps will not record. */
        int ret = qcow2_bitmaps_mark_in_use(bs);
        if (ret < 0) {
            return ret;
        }
        s->bitmaps_marked = true;
    }
    if (s->dirty_marked || s->h.version < 3 ||
        !(s->h.compatible_features & QCOW2_COMPAT_LAZY_REFCOUNTS)) {
        return 0;
    }
    s->h.incompatible_features |= QCOW2_INCOMPAT_DIRTY;
    int ret = qcow2_update_header_fields(bs);
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    s->dirty_marked = ret == 0;
    return ret;
}

static int load_table(BlkDev *bs, uint64_t off, uint32_t n, uint64_t **out)
{
    uint64_t *t = calloc(n ? n : 1, 8);
    if (!t) {
        return blk_err(-ENOMEM, "Out of memory for a %u-entry table", n);
    }
    int ret = blk_file_pread(bs->fd, off, t, (size_t)n * 8);
    if (ret < 0) {
        free(t);
        return ret;
    }
    for (uint32_t i = 0; i < n; i++) {
        t[i] = be64_get((const uint8_t *)&t[i]);
    }
    *out = t;
    return 0;
}

static void qcow2_close(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    if (!s) {
        return;
    }
    if (!bs->read_only) {
        if (qcow2_flush(bs) == 0 && s->dirty_marked) {
            s->h.incompatible_features &= ~QCOW2_INCOMPAT_DIRTY;
            if (qcow2_update_header_fields(bs) == 0) {
                (void)fdatasync(bs->fd);
            }
        }
    }
    qcow2_cache_destroy(&s->l2_cache);
    qcow2_cache_destroy(&s->rc_cache);
    free(s->l1);
    free(s->reftable);
    free(s->pending_free);
    free(s->cbuf);
    if (s->data_fd >= 0) {
        close(s->data_fd);
    }
    free(s);
    bs->opaque = NULL;
}

/* Opening read/write: clear autoclear bits, repair a dirty image. */
static int open_rw_fixups(BlkDev *bs, int flags)
{
    Qcow2State *s = bs->opaque;
    if (s->h.incompatible_features & QCOW2_INCOMPAT_CORRUPT) {
        return blk_err(-EACCES, "qcow2 image '%s' is marked corrupt; it can only "
                       "be opened read-only (run guise-img check -r all)",
                       bs->filename);
    }
    /* Unknown autoclear features are void once we write; bitmaps stay,
     * flagged in-use since our writes do not update them. */
    uint64_t keep = (qcow2_bitmaps_valid(s) ? QCOW2_AUTOCLEAR_BITMAPS : 0) |
                    (s->data_fd >= 0 ? QCOW2_AUTOCLEAR_DATA_RAW : 0);
    if (s->h.autoclear_features & ~keep) {
        s->h.autoclear_features &= keep;
        int ret = qcow2_update_header_fields(bs);
        if (ret < 0) {
            return ret;
        }
    }
    if ((s->h.incompatible_features & QCOW2_INCOMPAT_DIRTY) &&
        !(flags & BLK_O_NO_REPAIR)) {
        BlkCheckResult r;
        memset(&r, 0, sizeof(r));
        int ret = qcow2_check(bs, &r, BLK_FIX_LEAKS | BLK_FIX_ERRORS);
        if (ret < 0) {
            return ret;
        }
        s->h.incompatible_features &= ~QCOW2_INCOMPAT_DIRTY;
        ret = qcow2_update_header_fields(bs);
        if (ret < 0) {
            return ret;
        }
    }
    return 0;
}

/* The external data file, next to the image unless the name is absolute. */
static int open_data_file(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    char *path = blk_backing_path(bs->filename, s->h.data_file);
    if (!path) {
        return -ENOMEM;
    }
    s->data_fd = open(path, (bs->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    int ret = s->data_fd < 0 ? blk_err(-errno, "Could not open data file '%s': "
                                       "%s", path, strerror(errno)) : 0;
    struct stat st;
    if (ret == 0 && (fstat(s->data_fd, &st) < 0 ||
                     !(S_ISREG(st.st_mode) || S_ISBLK(st.st_mode)))) {
        ret = blk_err(-EINVAL, "Data file '%s' is not a regular file", path);
    }
    free(path);
    return ret;
}

static int qcow2_open(BlkDev *bs, int flags)
{
    int64_t fsize = blk_file_size(bs->fd);
    if (fsize < 0) {
        return (int)fsize;
    }
    size_t len = (size_t)(fsize < (1 << QCOW2_MAX_CLUSTER_BITS) ?
                          fsize : (1 << QCOW2_MAX_CLUSTER_BITS));
    uint8_t *buf = malloc(len ? len : 1);
    Qcow2State *s = calloc(1, sizeof(*s));
    int ret = -ENOMEM;
    if (!buf || !s) {
        goto fail;
    }
    bs->opaque = s;
    s->data_fd = -1;
    ret = blk_file_pread(bs->fd, 0, buf, len);
    if (ret < 0) {
        goto fail;
    }
    ret = qcow2_parse_header(buf, len, (uint64_t)fsize, &s->h, bs->backing_file,
                             sizeof(bs->backing_file));
    if (ret < 0) {
        char why[400];
        snprintf(why, sizeof(why), "%s", blk_last_error());
        blk_err(ret, "Could not open '%s': %s", bs->filename, why);
        goto fail;
    }
    snprintf(bs->backing_fmt, sizeof(bs->backing_fmt), "%s", s->h.backing_fmt);
    bs->size = s->h.size;
    s->cluster_size = 1u << s->h.cluster_bits;
    s->extl2 = (s->h.incompatible_features & QCOW2_INCOMPAT_EXTL2) != 0;
    s->l2_entry_bytes = s->extl2 ? 16 : 8;
    s->l2_bits = s->h.cluster_bits - (s->extl2 ? 4 : 3);
    s->sc_size = s->extl2 ? s->cluster_size / QCOW2_SUBCLUSTERS : s->cluster_size;
    s->refcount_bits = 1u << s->h.refcount_order;
    s->rpb = (uint64_t)s->cluster_size * 8 / s->refcount_bits;
    s->reftable_size = (uint32_t)(((uint64_t)s->h.refcount_table_clusters
                                   << s->h.cluster_bits) / 8);
    s->free_hint = 0;
    ret = load_table(bs, s->h.l1_table_offset, s->h.l1_size, &s->l1);
    if (ret == 0) {
        ret = load_table(bs, s->h.refcount_table_offset, s->reftable_size,
                         &s->reftable);
    }
    if (ret == 0) {
        ret = qcow2_cache_init(&s->l2_cache, L2_CACHE_TABLES, s->cluster_size);
    }
    if (ret == 0) {
        ret = qcow2_cache_init(&s->rc_cache, RC_CACHE_TABLES, s->cluster_size);
    }
    s->l2_cache.after_refcounts = true;
    if (ret == 0 && (s->h.incompatible_features & QCOW2_INCOMPAT_DATA_FILE)) {
        ret = open_data_file(bs);
    }
    s->cbuf = malloc(2 * (size_t)s->cluster_size + 512);
    if (ret == 0 && !s->cbuf) {
        ret = -ENOMEM;
    }
    if (ret == 0 && !bs->read_only) {
        ret = open_rw_fixups(bs, flags);
    }
    if (ret < 0) {
        goto fail;
    }
    free(buf);
    return 0;

fail:
    free(buf);
    if (s) {
        bs->read_only = true;   /* nothing to write back */
        qcow2_close(bs);
    }
    return ret;
}

/* Writes the minimal image: header, 1-cluster refcount table, one refcount
 * block, no L1; qcow2_truncate then sizes the L1 table. */
static int write_empty_image(int fd, const BlkCreateOpts *o, uint32_t cbits,
                             uint32_t order, int compat)
{
    uint64_t cs = 1ull << cbits;
    uint8_t *c = calloc(3, cs);
    if (!c) {
        return -ENOMEM;
    }
    size_t hlen = compat == 3 ? 112 : QCOW2_V2_HEADER_LEN;
    be32_put(c, QCOW2_MAGIC);
    be32_put(c + 4, (uint32_t)compat);
    be32_put(c + 20, cbits);
    be64_put(c + 48, cs);
    be32_put(c + 56, 1);
    if (compat == 3) {
        be64_put(c + 72, (o->extended_l2 ? QCOW2_INCOMPAT_EXTL2 : 0) |
                 (o->compression_type ? QCOW2_INCOMPAT_COMPRESSION : 0));
        c[104] = (uint8_t)o->compression_type;
        be64_put(c + 80, o->lazy_refcounts ? QCOW2_COMPAT_LAZY_REFCOUNTS : 0);
        be32_put(c + 96, order);
        be32_put(c + 100, (uint32_t)hlen);
    }
    size_t p = hlen;
    if (o->data_file) {
        size_t n = strlen(o->data_file);
        be64_put(c + 72, be64_get(c + 72) | QCOW2_INCOMPAT_DATA_FILE);
        be64_put(c + 88, o->data_file_raw ? QCOW2_AUTOCLEAR_DATA_RAW : 0);
        be32_put(c + p, QCOW2_EXT_DATA_FILE);
        be32_put(c + p + 4, (uint32_t)n);
        memcpy(c + p + 8, o->data_file, n);
        p += 8 + ((n + 7) & ~(size_t)7);
    }
    if (o->backing_fmt && o->backing_fmt[0]) {
        size_t n = strlen(o->backing_fmt);
        be32_put(c + p, QCOW2_EXT_BACKING_FMT);
        be32_put(c + p + 4, (uint32_t)n);
        memcpy(c + p + 8, o->backing_fmt, n);
        p += 8 + ((n + 7) & ~(size_t)7);
    }
    p += 8;                             /* end-of-extensions marker */
    if (o->backing_file) {
        size_t n = strlen(o->backing_file);
        be64_put(c + 8, p);
        be32_put(c + 16, (uint32_t)n);
        memcpy(c + p, o->backing_file, n);
    }
    be64_put(c + cs, 2 * cs);           /* reftable[0] -> refcount block */
    for (uint64_t i = 0; i < 3; i++) {
        qcow2_rc_write(c + 2 * cs, i, order, 1);
    }
    int ret = blk_file_pwrite(fd, 0, c, 3 * cs);
    free(c);
    return ret;
}

static int qcow2_create(const char *filename, const BlkCreateOpts *o)
{
    uint32_t cs = o->cluster_size ? o->cluster_size : 65536;
    int compat = o->compat ? o->compat : 3;
    int rbits = o->refcount_bits ? o->refcount_bits : 16;
    if (cs < 512 || cs > (2u << 20) || (cs & (cs - 1))) {
        return blk_err(-EINVAL, "Cluster size must be a power of two between "
                       "512 and 2048k");
    }
    if (rbits < 1 || rbits > 64 || (rbits & (rbits - 1))) {
        return blk_err(-EINVAL, "Refcount width must be a power of two and may "
                       "not exceed 64 bits");
    }
    if (o->extended_l2 && cs < 16384) {
        return blk_err(-EINVAL, "Extended L2 entries are only supported with "
                       "cluster sizes of at least 16384 bytes");
    }
    if (compat == 2 && (rbits != 16 || o->lazy_refcounts || o->extended_l2 ||
                        o->compression_type)) {
        return blk_err(-EINVAL, "Different refcount widths and lazy refcounts "
                       "need compat=1.1 or later");
    }
    if (o->data_file && (compat == 2 || strlen(o->data_file) > 1023 ||
                         (o->data_file_raw && o->backing_file))) {
        return blk_err(-EINVAL, "Data files need compat=1.1, a name under 1024 "
                       "bytes and, when raw, no backing file");
    }
    if (o->data_file_raw && !o->data_file) {
        return blk_err(-EINVAL, "data-file-raw requires data-file");
    }
    if (o->backing_file && (strlen(o->backing_file) > QCOW2_MAX_BACKING_NAME ||
        (o->backing_fmt && strlen(o->backing_fmt) > 16))) {
        return blk_err(-EINVAL, "Backing file name or format too long");
    }
    uint32_t cbits = (uint32_t)__builtin_ctz(cs);
    uint32_t order = (uint32_t)__builtin_ctz((unsigned)rbits);
    int fd = open(filename, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return blk_err(-errno, "Could not create '%s': %s", filename,
                       strerror(errno));
    }
    int ret = write_empty_image(fd, o, cbits, order, compat);
    close(fd);
    if (ret == 0 && o->data_file) {
        char *dpath = blk_backing_path(filename, o->data_file);
        int dfd = dpath ? open(dpath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
                               0644) : -1;
        ret = dfd < 0 ? blk_err(-EIO, "Could not create data file '%s'",
                                o->data_file) : 0;
        if (dfd >= 0) {
            close(dfd);
        }
        free(dpath);
    }
    if (ret < 0) {
        return ret;
    }
    BlkDev *bs;
    ret = blk_open(&bs, filename, "qcow2", BLK_O_RDWR | BLK_O_NO_BACKING);
    if (ret < 0) {
        return ret;
    }
    ret = blk_truncate(bs, o->size);
    blk_close(bs);
    return ret;
}

static int qcow2_truncate(BlkDev *bs, uint64_t size)
{
    Qcow2State *s = bs->opaque;
    if (size < s->h.size) {
        return qcow2_shrink(bs, size);
    }
    uint32_t shift = s->h.cluster_bits + s->l2_bits;
    uint64_t need = (size + (1ull << shift) - 1) >> shift;
    if (need * 8 > QCOW2_MAX_L1_BYTES) {
        return blk_err(-EFBIG, "Image size %llu is too large for this cluster "
                       "size", (unsigned long long)size);
    }
    int ret = qcow2_flush(bs);
    /* A data file holds guest offsets as they are: it grows with the disk. */
    if (ret == 0 && s->data_fd >= 0 && ftruncate(s->data_fd, (off_t)size) < 0) {
        ret = blk_err(-errno, "Could not resize the data file: %s",
                      strerror(errno));
    }
    if (ret < 0 || need <= s->h.l1_size) {
        goto set_size;
    }
    uint64_t bytes = (need * 8 + s->cluster_size - 1) & ~(uint64_t)(s->cluster_size - 1);
    uint64_t *l1 = calloc(bytes / 8, 8);
    if (!l1) {
        return -ENOMEM;
    }
    memcpy(l1, s->l1, (size_t)s->h.l1_size * 8);
    int64_t off = qcow2_alloc_clusters(bs, bytes / s->cluster_size);
    ret = off < 0 ? (int)off : qcow2_flush(bs);
    uint8_t *be = (uint8_t *)calloc(bytes / 8, 8);
    if (ret == 0 && be) {
        for (uint64_t i = 0; i < need; i++) {
            be64_put(be + i * 8, l1[i]);
        }
        ret = blk_file_pwrite(bs->fd, (uint64_t)off, be, bytes);
    } else if (ret == 0) {
        ret = -ENOMEM;
    }
    free(be);
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    if (ret < 0) {
        free(l1);
        return ret;
    }
    uint64_t old_off = s->h.l1_table_offset, old_len = (uint64_t)s->h.l1_size * 8;
    free(s->l1);
    s->l1 = l1;
    s->h.l1_table_offset = (uint64_t)off;
    s->h.l1_size = (uint32_t)need;
    s->h.size = size;
    ret = qcow2_update_header_fields(bs);
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    if (ret == 0 && old_len) {
        ret = qcow2_free_range(bs, old_off, old_len);
    }
set_size:
    if (ret < 0) {
        return ret;
    }
    s->h.size = size;
    bs->size = size;
    return qcow2_update_header_fields(bs);
}

/* Appends one header extension at *p of c (cluster-sized); false if full. */
static bool put_ext(uint8_t *c, size_t cs, size_t *p, uint32_t type,
                    const uint8_t *data, size_t len)
{
    size_t padded = (len + 7) & ~(size_t)7;
    if (*p + 8 + padded > cs) {
        return false;
    }
    be32_put(c + *p, type);
    be32_put(c + *p + 4, (uint32_t)len);
    memset(c + *p + 8, 0, padded);
    memcpy(c + *p + 8, data, len);
    *p += 8 + padded;
    return true;
}

/*
 * Rewrites the header cluster: the same fixed fields and extensions except
 * the backing format, then the new backing name after the extensions.
 */
static int qcow2_change_backing(BlkDev *bs, const char *file, const char *fmt)
{
    Qcow2State *s = bs->opaque;
    size_t cs = s->cluster_size, flen = file ? strlen(file) : 0;
    if (flen > QCOW2_MAX_BACKING_NAME || (fmt && strlen(fmt) > 16)) {
        return blk_err(-EINVAL, "Backing file name or format too long");
    }
    uint8_t *old = malloc(cs), *c = calloc(1, cs);
    int ret = old && c ? blk_file_pread(bs->fd, 0, old, cs) : -ENOMEM;
    if (ret < 0) {
        goto out;
    }
    size_t end = s->h.backing_file_offset && s->h.backing_file_offset < cs ?
                 (size_t)s->h.backing_file_offset : cs;
    size_t p = s->h.header_length, q = s->h.header_length;
    memcpy(c, old, s->h.header_length);
    bool ok = true;
    if (file && fmt) {
        ok = put_ext(c, cs, &q, QCOW2_EXT_BACKING_FMT, (const uint8_t *)fmt,
                     strlen(fmt));
    }
    while (ok && p + 8 <= end) {
        uint32_t type = be32_get(old + p), len = be32_get(old + p + 4);
        if (type == QCOW2_EXT_END || len > end - p - 8) {
            break;
        }
        if (type != QCOW2_EXT_BACKING_FMT) {
            ok = put_ext(c, cs, &q, type, old + p + 8, len);
        }
        p += 8 + ((len + 7u) & ~7u);
    }
    ok = ok && q + 8 + flen <= cs;
    if (!ok) {
        ret = blk_err(-ENOSPC, "qcow2 header cluster has no room for the "
                      "backing file name");
        goto out;
    }
    q += 8;                                     /* end-of-extensions marker */
    memcpy(c + q, file ? file : "", flen);
    s->h.backing_file_offset = file ? q : 0;
    s->h.backing_file_size = (uint32_t)flen;
    be64_put(c + 8, s->h.backing_file_offset);
    be32_put(c + 16, s->h.backing_file_size);
    ret = blk_file_pwrite(bs->fd, 0, c, cs);
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
out:
    free(old);
    free(c);
    return ret;
}

static int qcow2_get_info(BlkDev *bs, BlkInfo *info)
{
    Qcow2State *s = bs->opaque;
    info->cluster_size = s->cluster_size;
    info->dirty = (s->h.incompatible_features & QCOW2_INCOMPAT_DIRTY) != 0;
    info->has_specific = true;
    info->compat = (int)s->h.version;
    info->lazy_refcounts = (s->h.compatible_features &
                            QCOW2_COMPAT_LAZY_REFCOUNTS) != 0;
    info->refcount_bits = (int)s->refcount_bits;
    info->corrupt = (s->h.incompatible_features & QCOW2_INCOMPAT_CORRUPT) != 0;
    info->extended_l2 = (s->h.incompatible_features & QCOW2_INCOMPAT_EXTL2) != 0;
    info->compression_type = s->h.compression_type;
    if (s->data_fd >= 0) {
        snprintf(info->data_file, sizeof(info->data_file), "%s", s->h.data_file);
        info->data_file_raw = (s->h.autoclear_features &
                               QCOW2_AUTOCLEAR_DATA_RAW) != 0;
    }
    info->nb_snapshots = (int)s->h.nb_snapshots;
    return 0;
}

const BlkDriver blk_qcow2_driver = {
    .name = "qcow2",
    .probe = qcow2_probe,
    .open = qcow2_open,
    .close = qcow2_close,
    .create = qcow2_create,
    .pread = qcow2_pread,
    .pwrite = qcow2_pwrite,
    .flush = qcow2_flush,
    .discard = qcow2_discard,
    .block_status = qcow2_block_status,
    .get_info = qcow2_get_info,
    .check = qcow2_check,
    .truncate = qcow2_truncate,
    .pwrite_compressed = qcow2_write_compressed,
    .snapshot_list = qcow2_snapshot_list,
    .snapshot = qcow2_snapshot_op,
    .bitmap_list = qcow2_bitmap_list,
    .amend = qcow2_amend,
    .change_backing = qcow2_change_backing,
    .make_empty = qcow2_make_empty,
};
