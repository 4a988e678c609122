/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The physical address space (see memory.h): region list, the flat view
 * rebuilt on every change, and access dispatch to RAM memcpy or device ops
 * with width adaptation.  Unassigned accesses read zero, drop writes, are
 * logged once per address under -d guest_errors and report
 * SYS_MEM_DECODE_ERROR when the board asked for bus errors.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "system/memory.h"
#include "util/log.h"

typedef unsigned __int128 u128;

void sys_as_init(SysAddressSpace *as, bool unassigned_fault)
{
    memset(as, 0, sizeof(*as));
    as->unassigned_fault = unassigned_fault;
}

void sys_as_destroy(SysAddressSpace *as)
{
    for (size_t i = 0; i < as->nregions; i++) {
        SysRegion *r = as->regions[i];
        if (r->host)
            munmap(r->host, r->size);
        free(r);
    }
    free(as->regions);
    free(as->flat);
    memset(as, 0, sizeof(*as));
}

/* Does a beat b where both cover an address? */
static bool region_wins(const SysRegion *a, const SysRegion *b)
{
    if (a->priority != b->priority)
        return a->priority > b->priority;
    return a->order > b->order;
}

static int cmp_u128(const void *a, const void *b)
{
    u128 x = *(const u128 *)a, y = *(const u128 *)b;
    return x < y ? -1 : x > y;
}

/* Rebuilds as->flat: each boundary interval goes to its winning region. */
static int rebuild_flat(SysAddressSpace *as)
{
    size_t np = 0, nf = 0;
    u128 *pts = malloc(sizeof(*pts) * (2 * as->nregions + 1));
    SysFlatRange *flat = malloc(sizeof(*flat) * (2 * as->nregions + 1));

    if (!pts || !flat) {
        free(pts);
        free(flat);
        return -ENOMEM;
    }
    for (size_t i = 0; i < as->nregions; i++) {
        pts[np++] = as->regions[i]->base;
        pts[np++] = (u128)as->regions[i]->base + as->regions[i]->size;
    }
    qsort(pts, np, sizeof(*pts), cmp_u128);
    for (size_t i = 0; i + 1 < np; i++) {
        SysRegion *best = NULL;
        if (pts[i] == pts[i + 1])
            continue;
        for (size_t j = 0; j < as->nregions; j++) {
            SysRegion *r = as->regions[j];
            if (r->base <= pts[i] && pts[i] < (u128)r->base + r->size &&
                (!best || region_wins(r, best)))
                best = r;
        }
        if (!best)
            continue;
        if (nf && flat[nf - 1].region == best &&
            (u128)flat[nf - 1].last + 1 == pts[i]) {
            flat[nf - 1].last = (hwaddr)(pts[i + 1] - 1);
            continue;
        }
        flat[nf++] = (SysFlatRange){ (hwaddr)pts[i], (hwaddr)(pts[i + 1] - 1), best };
    }
    free(pts);
    free(as->flat);
    as->flat = flat;
    as->nflat = nf;
    return 0;
}

static SysRegion *add_region(SysAddressSpace *as, const char *name,
                             SysRegionKind kind, hwaddr base, uint64_t size,
                             int priority)
{
    SysRegion *r, **v;

    if (!size || base + (size - 1) < base) {
        errno = EINVAL;
        return NULL;
    }
    r = calloc(1, sizeof(*r));
    v = realloc(as->regions, sizeof(*v) * (as->nregions + 1));
    if (!r || !v) {
        free(r);
        if (v)
            as->regions = v;
        errno = ENOMEM;
        return NULL;
    }
    as->regions = v;
    snprintf(r->name, sizeof(r->name), "%s", name);
    r->kind = kind;
    r->base = base;
    r->size = size;
    r->priority = priority;
    r->order = as->next_order++;
    as->regions[as->nregions++] = r;
    if (rebuild_flat(as) < 0) {
        as->nregions--;
        free(r);
        errno = ENOMEM;
        return NULL;
    }
    return r;
}

SysRegion *sys_as_add_ram(SysAddressSpace *as, const char *name, hwaddr base,
                          uint64_t size, int priority, bool readonly)
{
    void *host = mmap(NULL, size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    SysRegion *r;

    if (host == MAP_FAILED)
        return NULL;
    r = add_region(as, name, readonly ? SYS_REGION_ROM : SYS_REGION_RAM,
                   base, size, priority);
    if (!r) {
        munmap(host, size);
        return NULL;
    }
    r->host = host;
    return r;
}

SysRegion *sys_as_add_mmio(SysAddressSpace *as, const char *name, hwaddr base,
                           uint64_t size, int priority, const SysMemOps *ops,
                           void *opaque)
{
    SysRegion *r = add_region(as, name, SYS_REGION_MMIO, base, size, priority);
    if (r) {
        r->ops = ops;
        r->opaque = opaque;
    }
    return r;
}

static const SysFlatRange *flat_find(const SysAddressSpace *as, hwaddr addr)
{
    size_t lo = 0, hi = as->nflat;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const SysFlatRange *f = &as->flat[mid];
        if (addr < f->start)
            hi = mid;
        else if (addr > f->last)
            lo = mid + 1;
        else
            return f;
    }
    return NULL;
}

SysRegion *sys_as_lookup(SysAddressSpace *as, hwaddr addr)
{
    const SysFlatRange *f = flat_find(as, addr);
    return f ? f->region : NULL;
}

static SysMemResult unassigned(SysAddressSpace *as, hwaddr addr, unsigned size,
                               bool is_write)
{
    log_once(LOG_GUEST_ERROR, addr ^ 0x5e5e000000000000ull,
             "guise: unassigned %s of %u bytes at physical 0x%llx\n",
             is_write ? "write" : "read", size, (unsigned long long)addr);
    return as->unassigned_fault ? SYS_MEM_DECODE_ERROR : SYS_MEM_OK;
}

/* One device access of exactly the sizes the device implements. */
static SysMemResult mmio_access(SysRegion *r, hwaddr off, unsigned size,
                                uint64_t *val, bool is_write, SysMemAttrs at)
{
    const SysMemOps *ops = r->ops;
    unsigned min = ops->min_size ? ops->min_size : 1;
    unsigned max = ops->max_size ? ops->max_size : 8;
    SysMemResult res = SYS_MEM_OK;

    if (size > max) {
        /* Split little-endian: piece i holds bits [i*max*8, ...). */
        uint64_t out = 0, piece;
        for (unsigned i = 0; i < size / max; i++) {
            unsigned sh = i * max * 8;
            piece = is_write ? (*val >> sh) & (~0ull >> (64 - max * 8)) : 0;
            res |= mmio_access(r, off + i * max, max, &piece, is_write, at);
            out |= piece << sh;
        }
        if (!is_write)
            *val = out;
        return res;
    }
    if (size < min) {
        hwaddr aligned = off & ~(hwaddr)(min - 1);
        unsigned sh = (unsigned)(off - aligned) * 8;
        uint64_t wide = 0, mask = ~0ull >> (64 - size * 8);
        if (is_write) {
            wide = (*val & mask) << sh;
            return ops->write ? ops->write(r->opaque, aligned, min, wide, at) : SYS_MEM_OK;
        }
        res = ops->read ? ops->read(r->opaque, aligned, min, &wide, at) : SYS_MEM_OK;
        *val = (wide >> sh) & mask;
        return res;
    }
    if (is_write)
        return ops->write ? ops->write(r->opaque, off, size, *val, at) : SYS_MEM_OK;
    *val = 0;
    return ops->read ? ops->read(r->opaque, off, size, val, at) : SYS_MEM_OK;
}

static SysMemResult access_one(SysAddressSpace *as, hwaddr addr, unsigned size,
                               uint64_t *val, bool is_write, SysMemAttrs at)
{
    const SysFlatRange *f = flat_find(as, addr);

    if (!f || addr + (size - 1) > f->last || addr + (size - 1) < addr) {
        /* Straddles ranges (or unassigned): a byte at a time. */
        SysMemResult res = SYS_MEM_OK;
        uint64_t out = 0, b;
        if (!f && size == 1) {
            if (!is_write)
                *val = 0;
            return unassigned(as, addr, size, is_write);
        }
        for (unsigned i = 0; i < size; i++) {
            b = is_write ? (*val >> (8 * i)) & 0xff : 0;
            res |= access_one(as, addr + i, 1, &b, is_write, at);
            out |= b << (8 * i);
        }
        if (!is_write)
            *val = out;
        return res;
    }
    SysRegion *r = f->region;
    hwaddr off = addr - r->base;
    switch (r->kind) {
    case SYS_REGION_ROM:
        if (is_write) {
            log_once(LOG_GUEST_ERROR, addr ^ 0x20e0000000000000ull,
                     "guise: write to read-only %s at 0x%llx ignored\n",
                     r->name, (unsigned long long)addr);
            return SYS_MEM_OK;
        }
        /* fall through */
    case SYS_REGION_RAM:
        if (is_write) {
            memcpy(r->host + off, val, size);   /* host is little-endian */
        } else {
            *val = 0;
            memcpy(val, r->host + off, size);
        }
        return SYS_MEM_OK;
    case SYS_REGION_MMIO:
        return mmio_access(r, off, size, val, is_write, at);
    }
    unreachable();
}

SysMemResult sys_as_read(SysAddressSpace *as, hwaddr addr, unsigned size,
                         uint64_t *val, SysMemAttrs attrs)
{
    BUG_ON(size != 1 && size != 2 && size != 4 && size != 8);
    return access_one(as, addr, size, val, false, attrs);
}

SysMemResult sys_as_write(SysAddressSpace *as, hwaddr addr, unsigned size,
                          uint64_t val, SysMemAttrs attrs)
{
    BUG_ON(size != 1 && size != 2 && size != 4 && size != 8);
    return access_one(as, addr, size, &val, true, attrs);
}

SysMemResult sys_as_rw(SysAddressSpace *as, hwaddr addr, void *buf,
                       size_t len, bool is_write, SysMemAttrs attrs)
{
    SysMemResult res = SYS_MEM_OK;
    uint8_t *p = buf;

    while (len) {
        const SysFlatRange *f = flat_find(as, addr);
        size_t n = 1;
        if (f && f->region->kind != SYS_REGION_MMIO &&
            !(is_write && f->region->kind == SYS_REGION_ROM)) {
            uint64_t room = f->last - addr;
            n = room >= len - 1 ? len : (size_t)room + 1;
            uint8_t *h = f->region->host + (addr - f->region->base);
            memcpy(is_write ? h : p, is_write ? p : h, n);
        } else {
            uint64_t b = is_write ? *p : 0;
            res |= access_one(as, addr, 1, &b, is_write, attrs);
            if (!is_write)
                *p = (uint8_t)b;
        }
        p += n;
        addr += n;
        len -= n;
    }
    return res;
}

void *sys_as_ram_ptr(SysAddressSpace *as, hwaddr addr, uint64_t len)
{
    const SysFlatRange *f = flat_find(as, addr);

    if (!f || f->region->kind == SYS_REGION_MMIO || !len ||
        len - 1 > f->last - addr)
        return NULL;
    return f->region->host + (addr - f->region->base);
}
