/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, memory: pointer chasing around a random cycle through
 * a 1 MiB array (each load's address depends on the previous load; the
 * array fits the second-level TLB and the outer caches, so the time is
 * the emulated load's, not the host's page walks), then memcpy/memmove of
 * blocks of many sizes between two buffers (glibc's vector copy
 * routines).  Measures the cost of each guest load and store and of calls
 * into the C library.  argv[1] scales the work (default 1.0); prints a
 * checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NODES (128u << 10)          /* 128K 8-byte links: 1 MiB */
#define COPY_BUF (1u << 20)

static uint64_t rng = 0x853c49e6748fea9bull;

static uint32_t next_rand(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng >> 33);
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    uint64_t *next = malloc(NODES * sizeof(*next));
    uint32_t *order = malloc(NODES * sizeof(*order));
    unsigned char *src = malloc(COPY_BUF), *dst = malloc(COPY_BUF);
    if (!next || !order || !src || !dst)
        return 1;

    /* A single random cycle (Sattolo's shuffle) visits every node. */
    for (uint32_t i = 0; i < NODES; i++)
        order[i] = i;
    for (uint32_t i = NODES - 1; i > 0; i--) {
        uint32_t j = next_rand() % i, t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (uint32_t i = 0; i < NODES; i++)
        next[order[i]] = order[(i + 1) % NODES];

    long steps = (long)(50000000 * scale);
    uint64_t p = 0, sum = 0;
    for (long i = 0; i < steps; i++) {
        p = next[p];
        sum += p;
    }

    for (uint32_t i = 0; i < COPY_BUF; i++)
        src[i] = (unsigned char)next_rand();
    long copies = (long)(400000 * scale);
    uint64_t csum = 0;
    for (long i = 0; i < copies; i++) {
        size_t len = 16 + next_rand() % 4096;
        size_t from = next_rand() % (COPY_BUF - len), to = next_rand() % (COPY_BUF - len);
        if (i & 1)
            memcpy(dst + to, src + from, len);
        else
            memmove(dst + to, dst + from, len);
        csum += dst[to + len / 2];
    }
    printf("memory: %ld steps sum %llu, %ld copies checksum %llu\n", steps,
           (unsigned long long)sum, copies, (unsigned long long)csum);
    free(next);
    free(order);
    free(src);
    free(dst);
    return 0;
}
