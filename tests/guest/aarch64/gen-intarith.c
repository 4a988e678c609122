/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Integer arithmetic edge cases: signed and unsigned division at the limits
 * (INT_MIN / -1, division by zero through SDIV/UDIV, which the architecture
 * defines as 0), truncation of negative quotients, wrapping and overflow
 * detection, 128-bit products and quotients via __int128, shifts and
 * rotates by variable amounts, bit counting builtins and byte swaps.
 * Values pass through opq() so the -O2 build computes them at run time;
 * the output is compared with the .expect made under the reference.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

/* Hide a value from the optimiser so the guest really computes with it. */
static inline uint64_t opq(uint64_t x)
{
    __asm__ volatile("" : "+r"(x));
    return x;
}

static const uint64_t vals64[] = {
    0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0xfffffffffffffffeull, 0x123456789abcdef0ull, 0xdeadbeefcafebabeull,
    0x8000000000000001ull, 0x0000000100000001ull, 0xfffffffffffffff9ull,
};
#define NVALS (sizeof(vals64) / sizeof(vals64[0]))

/* SDIV/UDIV directly: C leaves INT_MIN / -1 and x / 0 undefined. */
static int32_t sdiv32(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint32_t udiv32(uint32_t a, uint32_t b)
{
    uint32_t r;
    __asm__("udiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static int64_t sdiv64(int64_t a, int64_t b)
{
    int64_t r;
    __asm__("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static uint64_t udiv64(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static void test_division_limits(void)
{
    printf("sdiv32 INT_MIN/-1 = %" PRId32 "\n", sdiv32(INT32_MIN, -1));
    printf("sdiv32 5/0 = %" PRId32 "\n", sdiv32(5, 0));
    printf("udiv32 5/0 = %" PRIu32 "\n", udiv32(5, 0));
    printf("udiv32 ffffffff/1 = %" PRIx32 "\n", udiv32(0xffffffffu, 1));
    printf("sdiv64 INT64_MIN/-1 = %" PRId64 "\n", sdiv64(INT64_MIN, -1));
    printf("sdiv64 -5/0 = %" PRId64 "\n", sdiv64(-5, 0));
    printf("udiv64 5/0 = %" PRIu64 "\n", udiv64(5, 0));
    printf("udiv64 max/3 = %" PRIx64 "\n", udiv64(UINT64_MAX, 3));
    printf("sdiv64 INT64_MIN/2 = %" PRId64 "\n", sdiv64(INT64_MIN, 2));
}

/* C division truncates toward zero; % takes the sign of the dividend. */
static void test_division_signs(void)
{
    static const int32_t a[] = { 7, -7, 7, -7, 1, -1, 0, INT32_MIN, INT32_MAX };
    static const int32_t b[] = { 2, 2, -2, -2, 3, 3, 5, 7, -3 };
    for (unsigned i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
        int32_t x = (int32_t)opq((uint32_t)a[i]), y = (int32_t)opq((uint32_t)b[i]);
        int64_t xl = x * 1000000007ll, yl = y;
        printf("%" PRId32 " / %" PRId32 " = %" PRId32 " r %" PRId32
               "; 64: %" PRId64 " r %" PRId64 "\n",
               x, y, x / y, x % y, xl / yl, xl % yl);
    }
    for (unsigned i = 0; i < NVALS; i++) {
        uint64_t x = opq(vals64[i]);
        uint64_t d = opq(vals64[(i * 7 + 3) % NVALS]) | 1;
        printf("u64 %" PRIx64 " / %" PRIx64 " = %" PRIx64 " r %" PRIx64
               "; u32 %" PRIx32 " r %" PRIx32 "\n",
               x, d, x / d, x % d, (uint32_t)x / (uint32_t)d,
               (uint32_t)x % (uint32_t)d);
    }
}

static void test_overflow(void)
{
    for (unsigned i = 0; i < NVALS; i++) {
        uint64_t x = opq(vals64[i]), y = opq(vals64[NVALS - 1 - i]);
        int64_t sres;
        int32_t sres32;
        uint64_t ures;
        uint32_t ures32;
        int o1 = __builtin_add_overflow((int64_t)x, (int64_t)y, &sres);
        int o2 = __builtin_sub_overflow((int64_t)x, (int64_t)y, &sres);
        int o3 = __builtin_mul_overflow((int64_t)x, (int64_t)y, &sres);
        int o4 = __builtin_add_overflow(x, y, &ures);
        int o5 = __builtin_sub_overflow(x, y, &ures);
        int o6 = __builtin_mul_overflow(x, y, &ures);
        int o7 = __builtin_add_overflow((int32_t)x, (int32_t)y, &sres32);
        int o8 = __builtin_mul_overflow((uint32_t)x, (uint32_t)y, &ures32);
        int o9 = __builtin_mul_overflow((int32_t)x, (int32_t)y, &sres32);
        printf("ovf %016" PRIx64 " %016" PRIx64 ": %d%d%d %d%d%d %d%d%d"
               " wrap +%016" PRIx64 " *%016" PRIx64 " -%08" PRIx32 "\n",
               x, y, o1, o2, o3, o4, o5, o6, o7, o8, o9,
               x + y, x * y, (uint32_t)x - (uint32_t)y);
    }
}

static void test_int128(void)
{
    for (unsigned i = 0; i < NVALS; i++) {
        uint64_t x = opq(vals64[i]), y = opq(vals64[(i * 5 + 1) % NVALS]);
        unsigned __int128 up = (unsigned __int128)x * y;
        __int128 sp = (__int128)(int64_t)x * (int64_t)y;
        unsigned __int128 big = ((unsigned __int128)x << 64) | y;
        unsigned __int128 q = big / (y | 1), r = big % (y | 1);
        __int128 sq = (__int128)big / -(__int128)((x >> 3) | 1);
        printf("u128 %016" PRIx64 "%016" PRIx64 " s128 %016" PRIx64 "%016" PRIx64
               " q %016" PRIx64 "%016" PRIx64 " r %016" PRIx64
               " sq %016" PRIx64 "%016" PRIx64 "\n",
               (uint64_t)(up >> 64), (uint64_t)up,
               (uint64_t)((unsigned __int128)sp >> 64), (uint64_t)sp,
               (uint64_t)(q >> 64), (uint64_t)q, (uint64_t)r,
               (uint64_t)((unsigned __int128)sq >> 64), (uint64_t)sq);
    }
    unsigned __int128 acc = 1;
    for (unsigned i = 0; i < 128; i += 9) {
        unsigned s = (unsigned)opq(i);
        acc = acc * 0x9e3779b97f4a7c15ull + ((unsigned __int128)1 << s);
        __int128 sh = (__int128)acc >> s;
        printf("acc %3u %016" PRIx64 "%016" PRIx64 " sar %016" PRIx64 "%016" PRIx64 "\n",
               s, (uint64_t)(acc >> 64), (uint64_t)acc,
               (uint64_t)((unsigned __int128)sh >> 64), (uint64_t)sh);
    }
}

static void test_shifts(void)
{
    uint64_t x = opq(0x8123456789abcdefull);
    uint32_t w = (uint32_t)opq(0x80f00f01u);
    uint64_t h = 0;
    for (unsigned s = 0; s < 64; s++) {
        unsigned n = (unsigned)opq(s);
        uint64_t l = x << n, r = x >> n;
        int64_t a = (int64_t)x >> n;
        uint64_t rot = n ? (x >> n) | (x << (64 - n)) : x;
        uint32_t l32 = w << (n & 31), r32 = w >> (n & 31);
        int32_t a32 = (int32_t)w >> (n & 31);
        uint32_t rot32 = (n & 31) ? (w >> (n & 31)) | (w << (32 - (n & 31))) : w;
        if (s % 8 == 0 || s == 63 || s == 31 || s == 33)
            printf("shift %2u: %016" PRIx64 " %016" PRIx64 " %016" PRIx64
                   " %016" PRIx64 " | %08" PRIx32 " %08" PRIx32 " %08" PRIx32
                   " %08" PRIx32 "\n",
                   s, l, r, (uint64_t)a, rot, l32, r32, (uint32_t)a32, rot32);
        h = (h ^ l ^ r ^ (uint64_t)a ^ rot ^ l32 ^ r32 ^ (uint32_t)a32 ^ rot32)
            * 0x100000001b3ull;
    }
    printf("shift hash %016" PRIx64 "\n", h);
}

static void test_bits(void)
{
    for (unsigned i = 0; i < NVALS; i++) {
        uint64_t x = opq(vals64[i]);
        uint32_t w = (uint32_t)x;
        printf("bits %016" PRIx64 ": pop %2d/%2d clz %2d/%2d ctz %2d/%2d"
               " clrsb %2d/%2d par %d ffs %2d"
               " bswap %016" PRIx64 " %08" PRIx32 " %04x\n",
               x, __builtin_popcountll(x), __builtin_popcount(w),
               x ? __builtin_clzll(x) : 64, w ? __builtin_clz(w) : 32,
               x ? __builtin_ctzll(x) : 64, w ? __builtin_ctz(w) : 32,
               __builtin_clrsbll((long long)x), __builtin_clrsb((int)w),
               __builtin_parityll(x), __builtin_ffsll((long long)x),
               __builtin_bswap64(x), __builtin_bswap32(w),
               (unsigned)__builtin_bswap16((uint16_t)w));
    }
}

static void test_extend_and_madd(void)
{
    for (unsigned i = 0; i < NVALS; i++) {
        uint64_t x = opq(vals64[i]), y = opq(vals64[(i + 3) % NVALS]);
        int64_t sx8 = (int8_t)x, sx16 = (int16_t)x, sx32 = (int32_t)x;
        uint64_t zx8 = (uint8_t)x, zx16 = (uint16_t)x, zx32 = (uint32_t)x;
        int64_t smaddl = (int64_t)(int32_t)x * (int32_t)y + (int64_t)y;
        uint64_t umaddl = (uint64_t)(uint32_t)x * (uint32_t)y - x;
        uint64_t umulh = (uint64_t)(((unsigned __int128)x * y) >> 64);
        int64_t smulh = (int64_t)(((__int128)(int64_t)x * (int64_t)y) >> 64);
        int64_t mx = (int64_t)x > (int64_t)y ? (int64_t)x : (int64_t)y;
        uint64_t mn = x < y ? x : y;
        int64_t ab = (int64_t)x < 0 ? -(uint64_t)x : x;
        printf("ext %" PRId64 " %" PRId64 " %" PRId64 " %" PRIu64 " %" PRIu64
               " %" PRIu64 " madd %" PRIx64 " %" PRIx64 " mulh %" PRIx64
               " %" PRIx64 " mm %" PRIx64 " %" PRIx64 " %" PRIx64 "\n",
               sx8, sx16, sx32, zx8, zx16, zx32, (uint64_t)smaddl, umaddl,
               umulh, (uint64_t)smulh, (uint64_t)mx, mn, (uint64_t)ab);
    }
}

int main(void)
{
    test_division_limits();
    test_division_signs();
    test_overflow();
    test_int128();
    test_shifts();
    test_bits();
    test_extend_and_madd();
    return 0;
}
