/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small write-back cache of cluster-sized metadata tables for qcow2: one
 * instance holds L2 tables, another refcount blocks.  Tables stay in their
 * on-disk (big-endian) form; lookups are a linear scan over a few dozen
 * entries with LRU replacement.
 *
 * Ordering: before any dirty L2 table is written, the refcount blocks and
 * the refcount table are written and the file synced
 * (qcow2_flush_refcounts), so an L2 entry never reaches the disk before
 * the refcount that protects its cluster.  Evicting a dirty table writes
 * back every dirty table of the cache, so one sync serves them all.
 */
#include "block/qcow2.h"
#include "util/log.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int qcow2_cache_init(Qcow2Cache *c, size_t n, uint32_t size)
{
    memset(c, 0, sizeof(*c));
    c->e = calloc(n, sizeof(*c->e));
    if (!c->e) {
        return -ENOMEM;
    }
    c->n = n;
    for (size_t i = 0; i < n; i++) {
        c->e[i].buf = malloc(size);
        if (!c->e[i].buf) {
            return -ENOMEM;
        }
    }
    return 0;
}

void qcow2_cache_destroy(Qcow2Cache *c)
{
    for (size_t i = 0; c->e && i < c->n; i++) {
        free(c->e[i].buf);
    }
    free(c->e);
    memset(c, 0, sizeof(*c));
}

static uint32_t csize(BlkDev *bs)
{
    return ((Qcow2State *)bs->opaque)->cluster_size;
}

int qcow2_cache_flush(BlkDev *bs, Qcow2Cache *c)
{
    bool any = false;
    for (size_t i = 0; i < c->n; i++) {
        any |= c->e[i].dirty;
    }
    if (!any) {
        return 0;
    }
    if (c->after_refcounts) {
        int ret = qcow2_flush_refcounts(bs);
        if (ret < 0) {
            return ret;
        }
        if (fdatasync(bs->fd) < 0) {
            return -errno;
        }
    }
    for (size_t i = 0; i < c->n; i++) {
        Qcow2CacheEntry *e = &c->e[i];
        if (e->dirty) {
            int ret = blk_file_pwrite(bs->fd, e->offset, e->buf, csize(bs));
            if (ret < 0) {
                return ret;
            }
            e->dirty = false;
        }
    }
    return 0;
}

int qcow2_cache_get(BlkDev *bs, Qcow2Cache *c, uint64_t off, bool fresh,
                    uint8_t **table)
{
    Qcow2CacheEntry *victim = NULL;
    c->tick++;
    for (size_t i = 0; i < c->n; i++) {
        Qcow2CacheEntry *e = &c->e[i];
        if (e->offset == off && off) {
            e->lru = c->tick;
            if (fresh) {
                memset(e->buf, 0, csize(bs));
            }
            *table = e->buf;
            return 0;
        }
        if (!victim || e->lru < victim->lru) {
            victim = e;
        }
    }
    /* Writing back the whole cache at once keeps the syncs few. */
    int ret = victim->dirty ? qcow2_cache_flush(bs, c) : 0;
    if (ret < 0) {
        return ret;
    }
    victim->offset = 0;
    if (fresh) {
        memset(victim->buf, 0, csize(bs));
    } else {
        ret = blk_file_pread(bs->fd, off, victim->buf, csize(bs));
        if (ret < 0) {
            return ret;
        }
    }
    victim->offset = off;
    victim->lru = c->tick;
    *table = victim->buf;
    return 0;
}

void qcow2_cache_mark_dirty(Qcow2Cache *c, const uint8_t *table)
{
    for (size_t i = 0; i < c->n; i++) {
        if (c->e[i].buf == table) {
            c->e[i].dirty = true;
            return;
        }
    }
    BUG_ON(table);      /* not a table of this cache */
}

void qcow2_cache_discard(Qcow2Cache *c, uint64_t off)
{
    for (size_t i = 0; i < c->n; i++) {
        if (c->e[i].offset == off) {
            c->e[i].offset = 0;
            c->e[i].dirty = false;
            c->e[i].lru = 0;
        }
    }
}
