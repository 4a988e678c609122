/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 amend (guise-img amend -o KEY=VALUE): changing what the header
 * says about an existing image, in place, as qemu-img amend does:
 *   lazy_refcounts  on/off (version 3 only; off leaves a clean image)
 *   compat          1.1 -> 0.10: zero clusters expanded first (unallocated
 *                   again, or zeros written over a backing file), refused
 *                   with v3-only features (refcount width, extended L2,
 *                   zstd, data file, bitmaps, snapshots holding zeros);
 *                   0.10 -> 1.1: the header grows to the v3 layout.
 * The header cluster is rebuilt whole (fixed fields, the extensions kept,
 * the backing file name moved after them) and synced, after the data and
 * tables it describes are on disk.  Other options are refused with the
 * option's name.  Entry point: qcow2_amend() (qcow2.h).
 */
#include "block/qcow2.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define V3_HEADER_BYTES 112     /* with the compression type byte, padded */

/* Rebuilds the header cluster for s->h (version already set). */
static int rewrite_header(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    size_t cs = s->cluster_size;
    uint8_t *old = malloc(cs), *c = calloc(1, cs);
    int ret = old && c ? blk_file_pread(bs->fd, 0, old, cs) : -ENOMEM;
    if (ret < 0) {
        goto out;
    }
    size_t end = s->h.backing_file_offset && s->h.backing_file_offset < cs ?
                 (size_t)s->h.backing_file_offset : cs;
    size_t p = s->h.header_length;
    size_t q = s->h.version == 3 ? V3_HEADER_BYTES : QCOW2_V2_HEADER_LEN;
    size_t blen = s->h.backing_file_offset ? s->h.backing_file_size : 0;
    char name[QCOW2_MAX_BACKING_NAME + 1];
    memcpy(name, old + (blen ? s->h.backing_file_offset : 0), blen);
    /* The extensions, unchanged, after the new fixed part. */
    while (p + 8 <= end) {
        uint32_t type = be32_get(old + p), len = be32_get(old + p + 4);
        size_t padded = (len + 7u) & ~(size_t)7;
        if (type == QCOW2_EXT_END || len > end - p - 8) {
            break;
        }
        if (q + 8 + padded + 8 + blen > cs) {
            ret = blk_err(-ENOSPC, "qcow2 header cluster is full");
            goto out;
        }
        memcpy(c + q, old + p, 8 + len);
        q += 8 + padded;
        p += 8 + padded;
    }
    q += 8;                                 /* end-of-extensions marker */
    memcpy(c + q, name, blen);
    s->h.backing_file_offset = blen ? q : 0;
    s->h.header_length = s->h.version == 3 ? V3_HEADER_BYTES
                                           : QCOW2_V2_HEADER_LEN;
    ret = blk_file_pwrite(bs->fd, 0, c, cs);
    if (ret == 0) {
        ret = qcow2_update_header_fields(bs);
    }
    if (ret == 0 && s->h.version == 3) {
        uint8_t ct = s->h.compression_type;
        ret = blk_file_pwrite(bs->fd, 104, &ct, 1);
    }
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
out:
    free(old);
    free(c);
    return ret;
}

/* Replaces every zero cluster of the active table with v2 equivalents. */
static int expand_zero_clusters(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size;
    uint8_t *zero = calloc(1, cs);
    int ret = zero ? 0 : -ENOMEM;
    for (uint64_t off = 0; ret == 0 && off < bs->size; off += cs) {
        uint64_t pnum, host;
        int st = qcow2_block_status(bs, off, cs, &pnum, &host);
        if (st < 0) {
            ret = st;
        } else if ((st & BLK_STAT_ZERO) && (st & BLK_STAT_ALLOCATED)) {
            /* Unallocated reads zeros without a backing file; over one,
             * zeros must be stored. */
            ret = qcow2_discard_cluster(bs, off);
            if (ret == 0 && bs->backing_file[0]) {
                uint64_t n = bs->size - off < cs ? bs->size - off : cs;
                ret = qcow2_pwrite(bs, off, zero, (size_t)n);
            }
        }
    }
    free(zero);
    return ret < 0 ? ret : qcow2_flush(bs);
}

static int downgrade(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    if (s->refcount_bits != 16 || s->extl2 || s->h.compression_type ||
        s->data_fd >= 0 || s->h.has_bitmaps || s->h.nb_snapshots) {
        return blk_err(-ENOTSUP, "Cannot downgrade an image with a refcount "
                       "width other than 16, extended L2 entries, zstd, a data "
                       "file, bitmaps or internal snapshots");
    }
    int ret = expand_zero_clusters(bs);
    if (ret < 0) {
        return ret;
    }
    s->h.version = 2;
    s->h.incompatible_features = 0;
    s->h.compatible_features = 0;
    s->h.autoclear_features = 0;
    s->dirty_marked = false;
    return rewrite_header(bs);
}

static int upgrade(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    int ret = qcow2_flush(bs);
    if (ret < 0) {
        return ret;
    }
    s->h.version = 3;
    s->h.refcount_order = 4;
    s->h.compression_type = 0;
    return rewrite_header(bs);
}

static int set_compat(BlkDev *bs, const char *v)
{
    Qcow2State *s = bs->opaque;
    uint32_t want = !strcmp(v, "0.10") || !strcmp(v, "v2") ? 2 :
                    !strcmp(v, "1.1") || !strcmp(v, "v3") ? 3 : 0;
    if (!want) {
        return blk_err(-EINVAL, "Invalid compatibility level: '%s'", v);
    }
    if (want == s->h.version) {
        return 0;
    }
    return want == 2 ? downgrade(bs) : upgrade(bs);
}

static int set_lazy(BlkDev *bs, const char *v)
{
    Qcow2State *s = bs->opaque;
    bool on = !strcmp(v, "on") || !strcmp(v, "true");
    if (!on && strcmp(v, "off") && strcmp(v, "false")) {
        return blk_err(-EINVAL, "Parameter 'lazy_refcounts' expects 'on' or "
                       "'off'");
    }
    if (on && s->h.version < 3) {
        return blk_err(-EINVAL, "Lazy refcounts only supported with "
                       "compatibility level 1.1 and above (use compat=1.1 or "
                       "greater)");
    }
    /* Off: everything on disk, then the dirty bit and the feature go. */
    int ret = qcow2_flush(bs);
    if (ret < 0) {
        return ret;
    }
    if (on) {
        s->h.compatible_features |= QCOW2_COMPAT_LAZY_REFCOUNTS;
    } else {
        s->h.compatible_features &= ~QCOW2_COMPAT_LAZY_REFCOUNTS;
        s->h.incompatible_features &= ~QCOW2_INCOMPAT_DIRTY;
        s->dirty_marked = false;
    }
    ret = qcow2_update_header_fields(bs);
    return ret == 0 && fdatasync(bs->fd) < 0 ? -errno : ret;
}

/* Options whose value must already be the image's (qemu-img's set). */
static int same_or_refuse(BlkDev *bs, const char *key, const char *v)
{
    Qcow2State *s = bs->opaque;
    char now[32];
    if (!strcmp(key, "cluster_size")) {
        snprintf(now, sizeof(now), "%u", s->cluster_size);
    } else if (!strcmp(key, "refcount_bits")) {
        snprintf(now, sizeof(now), "%u", s->refcount_bits);
    } else if (!strcmp(key, "extended_l2")) {
        snprintf(now, sizeof(now), "%s", s->extl2 ? "on" : "off");
    } else if (!strcmp(key, "compression_type")) {
        snprintf(now, sizeof(now), "%s", s->h.compression_type ? "zstd" : "zlib");
    } else {
        return blk_err(-EINVAL, "Invalid parameter '%s'", key);
    }
    if (strcmp(now, v)) {
        return blk_err(-ENOTSUP, "Changing %s is not supported", key);
    }
    return 0;
}

int qcow2_amend(BlkDev *bs, const char *key, const char *value)
{
    if (!strcmp(key, "compat")) {
        return set_compat(bs, value);
    }
    if (!strcmp(key, "lazy_refcounts")) {
        return set_lazy(bs, value);
    }
    return same_or_refuse(bs, key, value);
}
