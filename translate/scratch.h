/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scratch memory for translation passes (scratch.c): per-thread stack
 * allocation instead of malloc/free of the per-block arrays.  A pass
 * takes a mark, allocates, and releases back to the mark when it is done,
 * which frees everything allocated since, in any order of allocation:
 *
 *     ScratchMark m = scratch_mark();
 *     uint8_t *live = scratch_zalloc(b->ntemps);
 *     ...
 *     scratch_release(m);
 *
 * Marks nest (a pass inside the backend's generation); a release frees
 * the blocks of inner marks not yet released too.  Allocations are
 * 16-byte aligned; scratch_grow resizes the most recent one in place
 * when it can.  Host out of memory is fatal, as for malloc in the
 * translator.
 */
#ifndef GUISE_SCRATCH_H
#define GUISE_SCRATCH_H

#include <stddef.h>

typedef struct ScratchMark {
    size_t used;
    void *big;       /* the big-allocation list head at the mark */
} ScratchMark;

ScratchMark scratch_mark(void);
void scratch_release(ScratchMark m);
void *scratch_alloc(size_t n);
void *scratch_zalloc(size_t n);
/* p (from scratch_alloc, n_old bytes; NULL: none) grown to n bytes,
 * contents kept. */
void *scratch_grow(void *p, size_t n_old, size_t n);
/* The array p of *cap elements of size bytes with room for element n:
 * doubled (16 to start) when full, *cap updated. */
void *scratch_room(void *p, unsigned n, unsigned *cap, size_t size);

#endif
