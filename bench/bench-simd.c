/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, vector: loops the compiler vectorises (built at -O3,
 * see bench-simd.cflags): an int8 dot product with widening, a float
 * multiply-add over arrays, a saturating byte add and a 16-bit minimum
 * search -- Advanced SIMD in the aarch64 build, SSE/AVX natively.  argv[1]
 * scales the work; prints a checksum that must match between runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 16384

static int8_t a8[N], b8[N];
static uint8_t u8[N], v8[N];
static int16_t s16[N];
static float fx[N], fy[N];

static int32_t dot8(const int8_t *a, const int8_t *b, int n)
{
    int32_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

static void axpy(float *y, const float *x, float k, int n)
{
    for (int i = 0; i < n; i++)
        y[i] = y[i] * 0.5f + k * x[i];
}

static void add_sat(uint8_t *d, const uint8_t *s, int n)
{
    for (int i = 0; i < n; i++) {
        unsigned t = d[i] + s[i];
        d[i] = (uint8_t)(t > 255 ? 255 : t);
    }
}

static int16_t min16(const int16_t *v, int n)
{
    int16_t m = INT16_MAX;
    for (int i = 0; i < n; i++)
        m = v[i] < m ? v[i] : m;
    return m;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long rounds = (long)(40000 * scale);
    uint32_t seed = 1;
    uint64_t sum = 0;

    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        a8[i] = (int8_t)(seed >> 16);
        b8[i] = (int8_t)(seed >> 8);
        u8[i] = (uint8_t)(seed >> 20);
        v8[i] = (uint8_t)(seed >> 3);
        s16[i] = (int16_t)(seed >> 12);
        fx[i] = (float)(seed % 1000) / 1000.0f;
        fy[i] = 0.0f;
    }
    for (long r = 0; r < rounds; r++) {
        sum += (uint32_t)dot8(a8, b8, N);
        axpy(fy, fx, (float)(r & 7), N);
        if ((r & 63) == 0)
            add_sat(u8, v8, N);
        s16[r % N] = (int16_t)(s16[r % N] - 1);
        sum += (uint16_t)min16(s16, N);
    }
    for (int i = 0; i < N; i++)
        sum = sum * 31 + u8[i] + (uint64_t)(fy[i] * 16.0f);
    printf("simd: %ld rounds, checksum %016llx\n", rounds, (unsigned long long)sum);
    return 0;
}
