/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translation scratch memory (scratch.h): one reserved region per thread,
 * bumped and cut back.  The region is reserved with MAP_NORESERVE and
 * touched as it is used, so its size costs address space only; a request
 * that does not fit goes to malloc, on a list that releases free.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "scratch.h"
#include "util/log.h"

#define SCRATCH_SIZE ((size_t)64 << 20)

typedef struct Big {
    struct Big *next;
    max_align_t data[];
} Big;

static __thread uint8_t *region;
static __thread size_t used;
static __thread Big *bigs;

ScratchMark scratch_mark(void)
{
    return (ScratchMark){ used, bigs };
}

void scratch_release(ScratchMark m)
{
    while (bigs != m.big) {
        Big *b = bigs;
        bigs = b->next;
        free(b);
    }
    used = m.used;
}

static bool in_region(const void *p)
{
    return region && (const uint8_t *)p >= region && (const uint8_t *)p < region + SCRATCH_SIZE;
}

void *scratch_alloc(size_t n)
{
    size_t size = (n + 15) & ~(size_t)15;

    if (!region) {
        void *r = mmap(NULL, SCRATCH_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        BUG_ON(r == MAP_FAILED);     /* host out of address space while translating */
        region = r;
    }
    if (size <= SCRATCH_SIZE - used) {
        void *p = region + used;
        used += size ? size : 16;
        return p;
    }
    Big *b = malloc(sizeof(Big) + size);
    BUG_ON(b == NULL);
    b->next = bigs;
    bigs = b;
    return b->data;
}

void *scratch_zalloc(size_t n)
{
    void *p = scratch_alloc(n);
    memset(p, 0, n);
    return p;
}

void *scratch_grow(void *p, size_t n_old, size_t n)
{
    size_t size = (n + 15) & ~(size_t)15;
    void *q;

    if (n <= n_old)
        return p;
    /* The latest allocation in the region grows where it is. */
    if (p && in_region(p)) {
        size_t off = (size_t)((uint8_t *)p - region);
        size_t held = n_old ? (n_old + 15) & ~(size_t)15 : 16;
        if (off + held == used && size <= SCRATCH_SIZE - off) {
            used = off + size;
            return p;
        }
    }
    q = scratch_alloc(n);
    if (p && n_old)
        memcpy(q, p, n_old);
    return q;
}

void *scratch_room(void *p, unsigned n, unsigned *cap, size_t size)
{
    unsigned grown;

    if (n < *cap)
        return p;
    grown = *cap ? 2 * *cap : 16;
    p = scratch_grow(p, (size_t)*cap * size, (size_t)grown * size);
    *cap = grown;
    return p;
}
