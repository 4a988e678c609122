/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Heap stress: 40000 operations on 1024 slots, each a malloc, calloc,
 * realloc (growing and shrinking) or free of a pseudo-random size, mostly
 * small, some above glibc's mmap threshold (so brk, mmap, munmap and
 * mremap all take part).  Each block is filled with a pattern derived from
 * its slot and checked before it is freed or after it is moved; the
 * output is the count of operations and a checksum of the data, never of
 * addresses.  Exits 1 on a corrupted block.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 1024
#define OPS 40000

typedef struct Slot {
    unsigned char *p;
    size_t size;
    unsigned char seed;
} Slot;

static Slot slots[SLOTS];
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static int corrupt;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static size_t pick_size(void)
{
    uint64_t r = next();
    switch (r % 32) {
    case 0:
        return 0;
    case 1:
        return 128 * 1024 + (r >> 8) % (512 * 1024);   /* mmap'ed */
    case 2: case 3: case 4: case 5:
        return (r >> 8) % 4096;
    default:
        return (r >> 8) % 256;
    }
}

/* Big blocks are filled and checked at a stride so the run stays short. */
static size_t stride(size_t size)
{
    return size > 4096 ? 61 : 1;
}

static void fill(Slot *s, size_t from)
{
    size_t step = stride(s->size);
    for (size_t i = from - from % step; i < s->size; i += step)
        s->p[i] = (unsigned char)(s->seed + i * 7);
}

static uint64_t check(const Slot *s, size_t upto)
{
    uint64_t sum = 0;
    size_t step = stride(s->size);
    for (size_t i = 0; i < upto; i += step) {
        if (s->p[i] != (unsigned char)(s->seed + i * 7)) {
            if (corrupt++ < 5)
                printf("corrupt block: size %zu at %zu\n", s->size, i);
            return 0;
        }
        sum += s->p[i];
    }
    return sum;
}

int main(void)
{
    uint64_t checksum = 0;
    unsigned long counts[4] = { 0, 0, 0, 0 };
    size_t peak = 0, live = 0;

    for (unsigned op = 0; op < OPS; op++) {
        Slot *s = &slots[next() % SLOTS];
        unsigned kind = (unsigned)(next() % 4);
        if (s->p == NULL && kind == 3)
            kind = 0;
        switch (kind) {
        case 0:   /* malloc (after freeing what was there) */
        case 1:   /* calloc: must come back zeroed */
            if (s->p) {
                checksum += check(s, s->size);
                free(s->p);
                live -= s->size;
            }
            s->size = pick_size();
            s->seed = (unsigned char)next();
            if (kind == 0) {
                s->p = malloc(s->size ? s->size : 1);
            } else {
                s->p = calloc(s->size ? s->size : 1, 1);
                for (size_t i = 0; s->p && i < s->size; i += 1 + i / 64)
                    if (s->p[i] != 0 && corrupt++ < 5)
                        printf("calloc not zeroed at %zu\n", i);
            }
            if (!s->p) {
                printf("allocation of %zu failed\n", s->size);
                return 1;
            }
            fill(s, 0);
            live += s->size;
            break;
        case 2: { /* realloc, keeping the common prefix */
            size_t n = pick_size();
            size_t keep = n < s->size ? n : s->size;
            unsigned char *q = realloc(s->p, n ? n : 1);
            if (!q) {
                printf("realloc to %zu failed\n", n);
                return 1;
            }
            s->p = q;
            checksum += check(s, keep);
            live += n - s->size;
            /* Refill all when the fill stride changes with the size. */
            if (stride(n) != stride(s->size))
                keep = 0;
            s->size = n;
            fill(s, keep);
            break;
        }
        case 3:   /* free */
            checksum += check(s, s->size);
            free(s->p);
            live -= s->size;
            s->p = NULL;
            s->size = 0;
            break;
        }
        counts[kind]++;
        if (live > peak)
            peak = live;
    }
    for (unsigned i = 0; i < SLOTS; i++) {
        if (slots[i].p) {
            checksum += check(&slots[i], slots[i].size);
            free(slots[i].p);
        }
    }
    printf("malloc %lu calloc %lu realloc %lu free %lu\n",
           counts[0], counts[1], counts[2], counts[3]);
    printf("peak live bytes %zu checksum %016llx\n", peak,
           (unsigned long long)checksum);
    printf("%s\n", corrupt ? "FAIL" : "ok");
    return corrupt != 0;
}
