/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Plain C loops of the kinds gcc -O3 turns into Advanced SIMD code (see
 * simd-loops.cflags): element-wise integer and floating-point arithmetic
 * at every element size, widening and narrowing conversions, multiply-
 * accumulate into wider sums, min/max and conditional selects, shifts by
 * constants and by variables, rounding averages, absolute differences,
 * reductions and byte reversal.  Array lengths are not multiples of the
 * vector length, so the scalar tails run too.  Each loop's output is
 * folded into a hash and printed with a few of its elements.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 203

static int8_t s8a[N], s8b[N];
static uint8_t u8a[N], u8b[N];
static int16_t s16a[N], s16b[N];
static uint16_t u16a[N];
static int32_t s32a[N], s32b[N];
static uint32_t u32a[N];
static int64_t s64a[N], s64b[N];
static float f32a[N], f32b[N];
static double f64a[N], f64b[N];

static union {
    int8_t s8[N];
    uint8_t u8[N];
    int16_t s16[N];
    uint16_t u16[N];
    int32_t s32[N];
    uint32_t u32[N];
    int64_t s64[N];
    float f32[N];
    double f64[N];
} out;

/* FNV-1a over the output bytes; prints the hash and some elements. */
static void report(const char *name, size_t elem)
{
    const uint8_t *p = (const uint8_t *)&out;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < N * elem; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    printf("%-14s %016llx", name, (unsigned long long)h);
    for (int k = 0; k < 3; k++) {
        uint64_t v = 0;
        memcpy(&v, p + (size_t)(k * 97) * elem, elem);
        printf(" %0*llx", (int)elem * 2, (unsigned long long)v);
    }
    printf("\n");
    memset(&out, 0, sizeof(out));
}

static uint32_t seed = 12345;

static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 7;
}

static void init(void)
{
    for (int i = 0; i < N; i++) {
        uint32_t r = rnd(), q = rnd();
        s8a[i] = (int8_t)r;
        s8b[i] = (int8_t)(q >> 3);
        u8a[i] = (uint8_t)(r >> 8);
        u8b[i] = (uint8_t)(q >> 11);
        s16a[i] = (int16_t)(r ^ q);
        s16b[i] = (int16_t)(q >> 5);
        u16a[i] = (uint16_t)(r >> 4);
        s32a[i] = (int32_t)(r * 2654435761u);
        s32b[i] = (int32_t)(q ^ (r << 9));
        u32a[i] = r * 40503u;
        s64a[i] = (int64_t)(((uint64_t)r << 32) ^ q);
        s64b[i] = (int64_t)q - (int64_t)r * 1000;
        f32a[i] = (float)((int32_t)r % 20000) / 64.0f;
        f32b[i] = (float)((int32_t)q % 3000) / 7.0f - 100.0f;
        f64a[i] = (double)((int32_t)(r ^ q)) / 1024.0;
        f64b[i] = (double)(q % 1000) * 0.37 - 180.0;
    }
    /* edge values */
    s8a[0] = -128; s8b[0] = -128; s8a[1] = 127; s8b[1] = 127;
    s16a[2] = -32768; s16b[2] = -1; s32a[3] = INT32_MIN; s32b[3] = -1;
    u8a[4] = 255; u8b[4] = 255; f32a[5] = -0.0f; f32b[5] = 0.0f;
    f32a[6] = 1e30f; f32b[6] = 1e30f; f64a[7] = -1e300; f64b[7] = 1e300;
}

static void integer_loops(void)
{
    for (int i = 0; i < N; i++)
        out.s8[i] = (int8_t)(s8a[i] + s8b[i]);
    report("add s8", 1);
    for (int i = 0; i < N; i++)
        out.s16[i] = (int16_t)(s16a[i] * s16b[i]);
    report("mul s16", 2);
    for (int i = 0; i < N; i++)
        out.s32[i] = s32a[i] - s32b[i] * 3;
    report("mls s32", 4);
    for (int i = 0; i < N; i++)
        out.s64[i] = s64a[i] + (s64b[i] << 3);
    report("add s64", 8);
    for (int i = 0; i < N; i++)
        out.u8[i] = (uint8_t)((u8a[i] + u8b[i] + 1) >> 1);
    report("urhadd u8", 1);
    for (int i = 0; i < N; i++)
        out.u8[i] = u8a[i] > u8b[i] ? u8a[i] - u8b[i] : u8b[i] - u8a[i];
    report("uabd u8", 1);
    for (int i = 0; i < N; i++)
        out.s8[i] = s8a[i] < 0 ? (int8_t)-s8a[i] : s8a[i];
    report("abs s8", 1);
    for (int i = 0; i < N; i++)
        out.s16[i] = s16a[i] > s16b[i] ? s16a[i] : s16b[i];
    report("smax s16", 2);
    for (int i = 0; i < N; i++)
        out.u32[i] = u32a[i] < (uint32_t)s32b[i] ? u32a[i] : (uint32_t)s32b[i];
    report("umin u32", 4);
    for (int i = 0; i < N; i++)
        out.s32[i] = s32a[i] > 0 ? s32b[i] : s32a[i] ^ 0x55;
    report("select s32", 4);
    for (int i = 0; i < N; i++) {
        int v = s16a[i] >> 4;
        out.s8[i] = (int8_t)(v > 127 ? 127 : v < -128 ? -128 : v);
    }
    report("clamp s16->s8", 1);
    for (int i = 0; i < N; i++)
        out.u8[i] = (uint8_t)(u16a[i] >> 3);
    report("narrow u16>>3", 1);
    for (int i = 0; i < N; i++)
        out.s32[i] = (int32_t)s16a[i] * s16b[i];
    report("smull s16", 4);
    for (int i = 0; i < N; i++)
        out.u16[i] = (uint16_t)(u8a[i] * u8b[i]);
    report("umull u8", 2);
    for (int i = 0; i < N; i++)
        out.s64[i] = (int64_t)s32a[i] * s32b[i];
    report("smull s32", 8);
    for (int i = 0; i < N; i++)
        out.s32[i] = s32a[i] >> (i & 31);
    report("sshl var", 4);
    for (int i = 0; i < N; i++)
        out.u32[i] = u32a[i] << (i % 29);
    report("ushl var", 4);
    for (int i = 0; i < N; i++)
        out.u8[i] = (uint8_t)__builtin_popcount(u8a[i]);
    report("cnt u8", 1);
    for (int i = 0; i < N; i++)
        out.u32[i] = __builtin_bswap32(u32a[i]);
    report("rev32", 4);
    for (int i = 0; i < N; i++)
        out.s64[i] = s8a[i];
    report("sxtl s8->s64", 8);
    for (int i = 0; i < N; i++)
        out.u16[i] = (uint16_t)(u8a[i] << 4) | u8b[i];
    report("uxtl shift", 2);
    for (int i = 0; i < N; i++)
        out.s8[i] = (int8_t)(s8a[i] == s8b[i] ? -1 : s8a[i] & s8b[i]);
    report("cmeq s8", 1);
    for (int i = 0; i < N; i++)
        out.u16[i] = (uint16_t)~(u16a[i] | (uint16_t)s16b[i]);
    report("orn u16", 2);
}

static void reductions(void)
{
    int32_t sum8 = 0, dot = 0;
    int64_t sum32 = 0;
    uint8_t mx = 0;
    int16_t mn = INT16_MAX;
    uint32_t x = 0;
    for (int i = 0; i < N; i++)
        sum8 += s8a[i];
    for (int i = 0; i < N; i++)
        dot += s16a[i] * s16b[i];
    for (int i = 0; i < N; i++)
        sum32 += s32a[i];
    for (int i = 0; i < N; i++)
        mx = u8a[i] > mx ? u8a[i] : mx;
    for (int i = 0; i < N; i++)
        mn = s16a[i] < mn ? s16a[i] : mn;
    for (int i = 0; i < N; i++)
        x ^= u32a[i];
    printf("reductions     %08x %08x %016llx %02x %04x %08x\n", (unsigned)sum8, (unsigned)dot,
           (unsigned long long)sum32, mx, (uint16_t)mn, x);
}

static void float_loops(void)
{
    for (int i = 0; i < N; i++)
        out.f32[i] = f32a[i] * 2.5f + f32b[i];
    report("fmla f32", 4);
    for (int i = 0; i < N; i++)
        out.f32[i] = f32a[i] / (f32b[i] + 0.5f);
    report("fdiv f32", 4);
    for (int i = 0; i < N; i++)
        out.f32[i] = sqrtf(fabsf(f32a[i]));
    report("fsqrt f32", 4);
    for (int i = 0; i < N; i++)
        out.f32[i] = fmaxf(f32a[i], f32b[i]) - fminf(f32a[i], 0.0f);
    report("fmaxnm f32", 4);
    for (int i = 0; i < N; i++)
        out.f32[i] = f32a[i] > f32b[i] ? f32a[i] : -f32b[i];
    report("fcmgt f32", 4);
    for (int i = 0; i < N; i++)
        out.s32[i] = (int32_t)(f32a[i] * 3.0f);
    report("fcvtzs f32", 4);
    for (int i = 0; i < N; i++)
        out.f32[i] = (float)s32a[i] * 0.25f;
    report("scvtf s32", 4);
    for (int i = 0; i < N; i++)
        out.f32[i] = (float)u8a[i];
    report("ucvtf u8", 4);
    for (int i = 0; i < N; i++)
        out.f64[i] = f64a[i] * f64b[i] - f64a[i];
    report("fmul f64", 8);
    for (int i = 0; i < N; i++)
        out.f64[i] = f32a[i] + (double)f32b[i];
    report("fcvtl f32", 8);
    for (int i = 0; i < N; i++)
        out.f32[i] = (float)(f64a[i] * 0.001);
    report("fcvtn f64", 4);
    for (int i = 0; i < N; i++)
        out.s64[i] = (int64_t)f64b[i];
    report("fcvtzs f64", 8);
    for (int i = 0; i < N; i++)
        out.f32[i] = floorf(f32b[i]) + ceilf(f32a[i]) + truncf(f32b[i] * 0.3f) + roundf(f32a[i]);
    report("frint f32", 4);
    for (int i = 0; i < N; i++)
        out.f64[i] = fabs(f64a[i]) - fma(f64a[i], f64b[i], 1.0);
    report("fma f64", 8);
}

int main(void)
{
    init();
    integer_loops();
    reductions();
    float_loops();
    return 0;
}
