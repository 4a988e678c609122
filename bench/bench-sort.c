/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, branchy: sorts arrays of pseudo-random ints with a
 * hand-written quicksort (median of three, insertion sort for short runs)
 * and a heap sort -- data-dependent branches that no predictor learns and
 * short blocks ending in conditional branches, which stress block
 * chaining and the dispatcher.  argv[1] scales the work (default 1.0);
 * prints a checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 200000

static uint32_t seed = 2463534242u;

static uint32_t xorshift(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

static void insertion(int32_t *a, long lo, long hi)
{
    for (long i = lo + 1; i <= hi; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quick(int32_t *a, long lo, long hi)
{
    while (hi - lo > 16) {
        long mid = lo + (hi - lo) / 2;
        int32_t x = a[lo], y = a[mid], z = a[hi];
        int32_t pivot = x < y ? (y < z ? y : (x < z ? z : x))
                              : (x < z ? x : (y < z ? z : y));
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                int32_t t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j - lo < hi - i) {
            quick(a, lo, j);
            lo = i;
        } else {
            quick(a, i, hi);
            hi = j;
        }
    }
    insertion(a, lo, hi);
}

static void sift(int32_t *a, long start, long end)
{
    long root = start;
    while (2 * root + 1 <= end) {
        long child = 2 * root + 1;
        if (child + 1 <= end && a[child] < a[child + 1])
            child++;
        if (a[root] >= a[child])
            return;
        int32_t t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

static void heap(int32_t *a, long n)
{
    for (long start = n / 2 - 1; start >= 0; start--)
        sift(a, start, n - 1);
    for (long end = n - 1; end > 0; end--) {
        int32_t t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift(a, 0, end - 1);
    }
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    int rounds = (int)(96 * scale);
    int32_t *a = malloc(N * sizeof(*a));
    uint64_t check = 0;
    if (!a)
        return 1;
    for (int r = 0; r < rounds; r++) {
        for (long i = 0; i < N; i++)
            a[i] = (int32_t)(xorshift() % 1000000);
        if (r & 1)
            heap(a, N);
        else
            quick(a, 0, N - 1);
        for (long i = 1; i < N; i++)
            if (a[i - 1] > a[i])
                return 2;
        check = check * 31 + (uint64_t)a[N / 3] + (uint64_t)a[N - 1];
    }
    printf("sort: %d rounds of %d, checksum %llu\n", rounds, N,
           (unsigned long long)check);
    free(a);
    return 0;
}
