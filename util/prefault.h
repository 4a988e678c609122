/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * prefault_write: make the whole pages inside [p, p + len) present and
 * writable with one madvise(MADV_POPULATE_WRITE) (Linux 5.14), for
 * zeroed tables touched all over at random soon after start (the code
 * cache's hash tables): a read fault then a write fault per page cost
 * more than the one call.  Best effort: older kernels fault
 * the pages in as they are touched.
 */
#ifndef GUISE_PREFAULT_H
#define GUISE_PREFAULT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static inline void prefault_write(void *p, size_t len)
{
    uintptr_t start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)p + len) & ~(uintptr_t)4095;

    if (end > start)
        (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}

#endif
