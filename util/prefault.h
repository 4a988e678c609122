/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * prefault_write: make the whole pages inside [p, p + len) present and
 * writable with one madvise(MADV_POPULATE_WRITE) (Linux 5.14), for
 * zeroed memory touched all over soon after (the code cache's hash
 * tables, its arena chunks, the translation cache's index): a fault per
 * page (two for a page read before it is written) cost more than the one
 * call.  Best effort: older kernels fault
 * the pages in as they are touched.  sparse_zalloc is the opposite case;
 * fork_private_zalloc is for what a forked child starts afresh;
 * prefault_heap is for the C library's heap at start-up.
 */
#ifndef GUISE_PREFAULT_H
#define GUISE_PREFAULT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif

static inline void prefault_advise(const void *p, size_t len, int advice)
{
    uintptr_t start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)p + len) & ~(uintptr_t)4095;

    if (end > start)
        (void)madvise((void *)start, end - start, advice);
}

/* len bytes of zeroed memory that fault in page by page as they are
 * touched, for a large table used sparsely (calloc writes the zeros of
 * memory it reuses: a fault per page at once); NULL if none is left.
 * Never freed. */
static inline void *sparse_zalloc(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Zero a page-aligned sparse table without touching the pages it never
 * used: they go back to the kernel and fault in as zeros again. */
static inline void sparse_zero(void *p, size_t len)
{
    if (((uintptr_t)p & 4095) || (len & 4095) || madvise(p, len, MADV_DONTNEED) != 0)
        memset(p, 0, len);
}

/* len bytes of zeroed, page-aligned memory that a forked child gets
 * zeroed again instead of sharing copy-on-write (MADV_WIPEONFORK, Linux
 * 4.14; before it the child gets a copy): for a cache or a count that
 * the child may start over, so that neither process takes a copy fault
 * per page the other wrote.  NULL if none is left; free with munmap. */
#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK 18
#endif
static inline void *fork_private_zalloc(size_t len)
{
    void *p = sparse_zalloc(len);
    if (p)
        (void)madvise(p, len, MADV_WIPEONFORK);
    return p;
}

static inline void prefault_write(void *p, size_t len)
{
    prefault_advise(p, len, MADV_POPULATE_WRITE);
}

/* The C library's heap from its next allocation to the program break:
 * the break is set ahead of use (M_TOP_PAD, 128 KiB), and start-up's
 * allocations (decoder rows, the code cache's tables, the first
 * translations' IR) would touch most of those pages one fault at a time. */
static inline void prefault_heap(void)
{
    void *p = malloc(1);
    char *end = sbrk(0);

    if (p && end != (char *)-1 && (char *)p < end)
        prefault_write(p, (size_t)(end - (char *)p));
    free(p);
}

/* The same for a read-only mapping (of a file): present, not written. */
static inline void prefault_read(const void *p, size_t len)
{
    prefault_advise(p, len, MADV_POPULATE_READ);
}

#endif
