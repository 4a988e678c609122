/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 refcounts: entries of any width (1 to 64 bits, refcount_order
 * 0-6), lookups through the refcount table and the refcount block cache,
 * cluster allocation, and growth of the refcount table.
 *
 * Allocation scans for free clusters from a hint; clusters past the last
 * refcount block are free.  A missing refcount block for group k is put
 * in the group's first cluster and counts itself, so it needs no other
 * block.  When the table itself is full, a bigger one is written in fresh
 * clusters past the end of the file together with the refcount blocks
 * that cover it, synced, and only then named in the header; the old table
 * is freed afterwards.  Frees that could let a cluster be reused while an
 * on-disk L2 table still names it wait in a pending list until the next
 * flush (qcow2_defer_free).
 */
#include "block/qcow2.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

uint64_t qcow2_rc_read(const uint8_t *blk, uint64_t i, uint32_t order)
{
    switch (order) {
    case 0: case 1: case 2: {
        uint32_t bits = 1u << order, per = 8 / bits;
        uint32_t shift = (uint32_t)(i % per) * bits;
        return (blk[i / per] >> shift) & ((1u << bits) - 1);
    }
    case 3: return blk[i];
    case 4: return be16_get(blk + i * 2);
    case 5: return be32_get(blk + i * 4);
    default: return be64_get(blk + i * 8);
    }
}

void qcow2_rc_write(uint8_t *blk, uint64_t i, uint32_t order, uint64_t v)
{
    switch (order) {
    case 0: case 1: case 2: {
        uint32_t bits = 1u << order, per = 8 / bits;
        uint32_t shift = (uint32_t)(i % per) * bits;
        uint8_t mask = (uint8_t)(((1u << bits) - 1) << shift);
        blk[i / per] = (uint8_t)((blk[i / per] & ~mask) | ((v << shift) & mask));
        break;
    }
    case 3: blk[i] = (uint8_t)v; break;
    case 4: be16_put(blk + i * 2, (uint16_t)v); break;
    case 5: be32_put(blk + i * 4, (uint32_t)v); break;
    default: be64_put(blk + i * 8, v); break;
    }
}

static uint64_t rc_max(const Qcow2State *s)
{
    return s->refcount_bits == 64 ? UINT64_MAX : (1ull << s->refcount_bits) - 1;
}

static int refblock_offset(BlkDev *bs, uint64_t group, uint64_t *off)
{
    Qcow2State *s = bs->opaque;
    *off = 0;
    if (group >= s->reftable_size) {
        return 0;
    }
    uint64_t e = s->reftable[group];
    if (e & QCOW2_REFT_RESERVED) {
        return blk_err(-EIO, "qcow2 refcount table entry %llu (%#llx) is "
                       "corrupt", (unsigned long long)group,
                       (unsigned long long)e);
    }
    *off = e;
    return 0;
}

int qcow2_get_refcount(BlkDev *bs, uint64_t cluster, uint64_t *rc)
{
    Qcow2State *s = bs->opaque;
    uint64_t off;
    uint8_t *blk;
    *rc = 0;
    int ret = refblock_offset(bs, cluster / s->rpb, &off);
    if (ret < 0 || !off) {
        return ret;
    }
    ret = qcow2_cache_get(bs, &s->rc_cache, off, false, &blk);
    if (ret < 0) {
        return ret;
    }
    *rc = qcow2_rc_read(blk, cluster % s->rpb, s->h.refcount_order);
    return 0;
}

/* Writes reftable entries [first, first+n) to the on-disk table. */
static int write_reftable_entries(BlkDev *bs, uint64_t first, uint64_t n)
{
    Qcow2State *s = bs->opaque;
    uint8_t buf[8 * 64];
    while (n) {
        uint64_t k = n < 64 ? n : 64;
        for (uint64_t i = 0; i < k; i++) {
            be64_put(buf + i * 8, s->reftable[first + i]);
        }
        int ret = blk_file_pwrite(bs->fd, s->h.refcount_table_offset + first * 8,
                                  buf, (size_t)k * 8);
        if (ret < 0) {
            return ret;
        }
        first += k;
        n -= k;
    }
    return 0;
}

static uint64_t file_clusters(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    int64_t sz = blk_file_size(bs->fd);
    return sz < 0 ? 0 : ((uint64_t)sz + s->cluster_size - 1) >> s->h.cluster_bits;
}

/*
 * Replaces the refcount table by one of at least `need` entries, written
 * with m new refcount blocks (for groups g..g+m-1) in fresh clusters.
 */
static int grow_reftable(BlkDev *bs, uint64_t need)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size, rpb = s->rpb;
    uint64_t g = (file_clusters(bs) + rpb - 1) / rpb;
    if (g < s->reftable_size) {
        g = s->reftable_size;
    }
    uint64_t m = 1, t;
    for (;;) {
        uint64_t entries = g + m > need ? g + m : need;
        if (entries < (uint64_t)s->reftable_size * 2) {
            entries = (uint64_t)s->reftable_size * 2;
        }
        t = (entries * 8 + cs - 1) / cs;
        if (m * rpb >= m + t) {
            break;
        }
        m++;
    }
    if (t * cs > QCOW2_MAX_REFTABLE_BYTES) {
        return blk_err(-EFBIG, "qcow2 refcount table would exceed %u bytes",
                       QCOW2_MAX_REFTABLE_BYTES);
    }
    uint64_t start = g * rpb, entries = t * cs / 8;
    uint8_t *area = calloc(m + t, cs);
    uint64_t *table = calloc(entries, 8);
    int ret = -ENOMEM;
    if (!area || !table) {
        goto out;
    }
    for (uint64_t c = 0; c < m + t; c++) {      /* the new clusters count 1 */
        qcow2_rc_write(area + (c / rpb) * cs, c % rpb, s->h.refcount_order, 1);
    }
    memcpy(table, s->reftable, (size_t)s->reftable_size * 8);
    for (uint64_t j = 0; j < m; j++) {
        table[g + j] = (start + j) * cs;
    }
    for (uint64_t i = 0; i < entries; i++) {
        be64_put(area + m * cs + i * 8, table[i]);
    }
    ret = blk_file_pwrite(bs->fd, start * cs, area, (m + t) * cs);
    if (ret == 0) {
        ret = qcow2_cache_flush(bs, &s->rc_cache);
    }
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    if (ret < 0) {
        goto out;
    }
    uint64_t old_off = s->h.refcount_table_offset;
    uint64_t old_len = (uint64_t)s->h.refcount_table_clusters * cs;
    s->h.refcount_table_offset = (start + m) * cs;
    s->h.refcount_table_clusters = (uint32_t)t;
    ret = qcow2_update_header_fields(bs);
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    if (ret < 0) {
        goto out;
    }
    free(s->reftable);
    s->reftable = table;
    s->reftable_size = (uint32_t)entries;
    s->reft_dirty_lo = s->reft_dirty_hi = 0;   /* the new table has them all */
    table = NULL;
    ret = qcow2_free_range(bs, old_off, old_len);
out:
    free(area);
    free(table);
    return ret;
}

/* Makes sure group k has a refcount block; returns its offset. */
static int ensure_refblock(BlkDev *bs, uint64_t k, uint64_t *off)
{
    Qcow2State *s = bs->opaque;
    int ret;
    if (k >= s->reftable_size && (ret = grow_reftable(bs, k + 1)) < 0) {
        return ret;
    }
    if ((ret = refblock_offset(bs, k, off)) < 0 || *off) {
        return ret;
    }
    uint64_t at = k * s->rpb * s->cluster_size;
    uint8_t *blk;
    ret = qcow2_cache_get(bs, &s->rc_cache, at, true, &blk);
    if (ret < 0) {
        return ret;
    }
    qcow2_rc_write(blk, 0, s->h.refcount_order, 1);
    qcow2_cache_mark_dirty(&s->rc_cache, blk);
    /* The table entry reaches the disk after the block (flush_refcounts). */
    s->reftable[k] = at;
    *off = at;
    if (s->reft_dirty_lo >= s->reft_dirty_hi) {
        s->reft_dirty_lo = (uint32_t)k;
        s->reft_dirty_hi = (uint32_t)k + 1;
    } else {
        s->reft_dirty_lo = s->reft_dirty_lo < k ? s->reft_dirty_lo : (uint32_t)k;
        s->reft_dirty_hi = s->reft_dirty_hi > k + 1 ? s->reft_dirty_hi
                                                     : (uint32_t)k + 1;
    }
    return 0;
}

int qcow2_flush_refcounts(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    int ret = qcow2_cache_flush(bs, &s->rc_cache);
    if (ret < 0 || s->reft_dirty_lo >= s->reft_dirty_hi) {
        return ret;
    }
    if (fdatasync(bs->fd) < 0) {
        return -errno;
    }
    ret = write_reftable_entries(bs, s->reft_dirty_lo,
                                 s->reft_dirty_hi - s->reft_dirty_lo);
    if (ret == 0) {
        s->reft_dirty_lo = s->reft_dirty_hi = 0;
    }
    return ret;
}

int qcow2_set_refcount(BlkDev *bs, uint64_t cluster, uint64_t rc)
{
    Qcow2State *s = bs->opaque;
    uint64_t off;
    uint8_t *blk;
    if (rc > rc_max(s)) {
        return blk_err(-ERANGE, "qcow2 refcount of cluster %llu would overflow "
                       "%u bits", (unsigned long long)cluster, s->refcount_bits);
    }
    int ret = ensure_refblock(bs, cluster / s->rpb, &off);
    if (ret < 0) {
        return ret;
    }
    ret = qcow2_cache_get(bs, &s->rc_cache, off, false, &blk);
    if (ret < 0) {
        return ret;
    }
    qcow2_rc_write(blk, cluster % s->rpb, s->h.refcount_order, rc);
    qcow2_cache_mark_dirty(&s->rc_cache, blk);
    if (rc == 0 && cluster < s->free_hint) {
        s->free_hint = cluster;
    }
    /* A freed cluster takes no more packed compressed data. */
    if (rc == 0 && s->free_byte_offset &&
        cluster == s->free_byte_offset >> s->h.cluster_bits) {
        s->free_byte_offset = 0;
    }
    return 0;
}

int64_t qcow2_alloc_clusters(BlkDev *bs, uint64_t n)
{
    Qcow2State *s = bs->opaque;
    uint64_t start = s->free_hint, run = 0, i = start;
    while (run < n) {
        uint64_t rc;
        uint64_t off;
        /* A group without a block gets one first, in its first cluster. */
        if (i % s->rpb == 0 || i == start) {
            int ret = ensure_refblock(bs, i / s->rpb, &off);
            if (ret < 0) {
                return ret;
            }
        }
        int ret = qcow2_get_refcount(bs, i, &rc);
        if (ret < 0) {
            return ret;
        }
        if (rc) {
            run = 0;
            start = i + 1;
        } else {
            run++;
        }
        i++;
        if (i > (1ull << (62 - s->h.cluster_bits))) {
            return blk_err(-ENOSPC, "qcow2 image is full");
        }
    }
    for (uint64_t c = start; c < start + n; c++) {
        int ret = qcow2_set_refcount(bs, c, 1);
        if (ret < 0) {
            return ret;
        }
    }
    /* Everything from the old hint up to start + n is in use now. */
    s->free_hint = start + n;
    return (int64_t)(start << s->h.cluster_bits);
}

int qcow2_free_range(BlkDev *bs, uint64_t off, uint64_t len)
{
    Qcow2State *s = bs->opaque;
    uint64_t first = off >> s->h.cluster_bits;
    uint64_t last = (off + len - 1) >> s->h.cluster_bits;
    for (uint64_t c = first; len && c <= last; c++) {
        uint64_t rc;
        int ret = qcow2_get_refcount(bs, c, &rc);
        if (ret < 0) {
            return ret;
        }
        if (rc == 0) {
            return blk_err(-EIO, "qcow2 cluster %llu freed twice (refcount 0); "
                           "run guise-img check", (unsigned long long)c);
        }
        if (rc == 1) {
            qcow2_cache_discard(&s->l2_cache, c << s->h.cluster_bits);
        }
        ret = qcow2_set_refcount(bs, c, rc - 1);
        if (ret < 0) {
            return ret;
        }
    }
    return 0;
}

int qcow2_defer_free(BlkDev *bs, uint64_t off)
{
    Qcow2State *s = bs->opaque;
    if (s->n_pending == s->cap_pending) {
        size_t cap = s->cap_pending ? s->cap_pending * 2 : 64;
        uint64_t *p = realloc(s->pending_free, cap * sizeof(*p));
        if (!p) {
            return -ENOMEM;
        }
        s->pending_free = p;
        s->cap_pending = cap;
    }
    s->pending_free[s->n_pending++] = off;
    return 0;
}

int qcow2_process_pending_free(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    for (size_t i = 0; i < s->n_pending; i++) {
        int ret = qcow2_free_range(bs, s->pending_free[i], 1);
        if (ret < 0) {
            return ret;
        }
    }
    s->n_pending = 0;
    return 0;
}
