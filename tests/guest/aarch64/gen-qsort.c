/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sorting: 10000 pseudo-random ints (a fixed LCG, so the run is
 * deterministic) through the C library's qsort with a comparison callback,
 * then the same data through a hand-written insertion/merge sort.  Checks
 * order and that both results hold the same multiset (by checksum), and
 * prints a few samples and the checksums.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 10000

static uint32_t lcg_state = 12345;

static int32_t next_rand(void)
{
    lcg_state = lcg_state * 1103515245u + 12345u;
    return (int32_t)(lcg_state ^ (lcg_state >> 15)) - 0x40000000;
}

static int cmp_int(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Bottom-up merge sort into tmp and back: an independent reference. */
static void merge_sort(int32_t *v, int32_t *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof(*v));
    }
}

static uint64_t checksum(const int32_t *v, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)v[i]) * 1099511628211ull;
    return h;
}

int main(void)
{
    static int32_t a[N], b[N], tmp[N];
    uint64_t sum = 0;
    int fails = 0;

    for (size_t i = 0; i < N; i++) {
        a[i] = b[i] = next_rand();
        sum += (uint32_t)a[i];
    }
    /* A run of duplicates and the extremes, which sorts mishandle. */
    for (size_t i = 100; i < 140; i++)
        a[i] = b[i] = 77;
    a[5] = b[5] = INT32_MIN;
    a[6] = b[6] = INT32_MAX;

    qsort(a, N, sizeof(a[0]), cmp_int);
    merge_sort(b, tmp, N);

    for (size_t i = 1; i < N; i++) {
        if (a[i - 1] > a[i]) {
            printf("qsort out of order at %zu\n", i);
            fails++;
            break;
        }
    }
    if (memcmp(a, b, sizeof(a)) != 0) {
        printf("qsort and merge sort disagree\n");
        fails++;
    }
    printf("min %d max %d median %d\n", (int)a[0], (int)a[N - 1], (int)a[N / 2]);
    for (size_t i = 0; i < N; i += 1111)
        printf("a[%zu] = %d\n", i, (int)a[i]);
    printf("sum %llu checksum %016llx\n", (unsigned long long)sum,
           (unsigned long long)checksum(a, N));
    printf("%s\n", fails ? "FAIL" : "ok");
    return fails != 0;
}
