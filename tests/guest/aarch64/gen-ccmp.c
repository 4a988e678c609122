/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CMP; CCMP/CCMN; B.cond or CSET -- the way compilers write "a == b &&
 * x <= y".  guise evaluates the condition after a CCMP as "cond ? compare
 * : constant" instead of from the four flags (translate.c's direct
 * conditions), so every first condition, several NZCV immediates and
 * every second condition run over operands that set each flag, in 64 and
 * 32 bits; NZCV is read back after the branch (the flags stay live there).
 * One line per variant: a checksum of its results and flags.
 */
#include <stdint.h>
#include <stdio.h>

typedef uint64_t (*Fn)(int64_t a, int64_t b, int64_t x, int64_t y);

/* The branch form: result 1 if taken, then NZCV in bits 31:28. */
#define BR(c1, nz, c2, W)                                                      \
    static uint64_t br_##W##c1##_##nz##_##c2(int64_t a, int64_t b, int64_t x, int64_t y) \
    {                                                                          \
        uint64_t r, f;                                                         \
        __asm__ volatile("cmp %2, %3\n\t"                                      \
                         "ccmp %" #W "4, %" #W "5, #" #nz ", " #c1 "\n\t"     \
                         "b." #c2 " 1f\n\t"                                    \
                         "mov %0, #0\n\t"                                      \
                         "b 2f\n"                                              \
                         "1:\tmov %0, #1\n"                                    \
                         "2:\tmrs %1, nzcv"                                    \
                         : "=&r"(r), "=&r"(f) : "r"(a), "r"(b), "r"(x), "r"(y) : "cc"); \
        return r | f;                                                          \
    }
/* The value form (CCMN, CSET). */
#define SET(c1, nz, c2, W)                                                     \
    static uint64_t set_##W##c1##_##nz##_##c2(int64_t a, int64_t b, int64_t x, int64_t y) \
    {                                                                          \
        uint64_t r;                                                            \
        __asm__ volatile("cmp %1, %2\n\t"                                      \
                         "ccmn %" #W "3, %" #W "4, #" #nz ", " #c1 "\n\t"     \
                         "cset %w0, " #c2                                      \
                         : "=r"(r) : "r"(a), "r"(b), "r"(x), "r"(y) : "cc");   \
        return r;                                                              \
    }

#define C2(F, c1, nz, W)                                                       \
    F(c1, nz, eq, W) F(c1, nz, ne, W) F(c1, nz, hs, W) F(c1, nz, lo, W)        \
    F(c1, nz, mi, W) F(c1, nz, pl, W) F(c1, nz, vs, W) F(c1, nz, vc, W)        \
    F(c1, nz, hi, W) F(c1, nz, ls, W) F(c1, nz, ge, W) F(c1, nz, lt, W)        \
    F(c1, nz, gt, W) F(c1, nz, le, W)
#define NZ(F, c1, W)                                                           \
    C2(F, c1, 0, W) C2(F, c1, 2, W) C2(F, c1, 4, W) C2(F, c1, 6, W)            \
    C2(F, c1, 8, W) C2(F, c1, 9, W) C2(F, c1, 15, W)
#define ALL(F, W) NZ(F, eq, W) NZ(F, ne, W) NZ(F, hs, W) NZ(F, lt, W) NZ(F, hi, W)

ALL(BR, x)
ALL(BR, w)
ALL(SET, x)

#define BR_ENTRY(c1, nz, c2, W) { #c1 " #" #nz " " #c2, br_##W##c1##_##nz##_##c2 },
#define SET_ENTRY(c1, nz, c2, W) { #c1 " #" #nz " " #c2, set_##W##c1##_##nz##_##c2 },
typedef struct Variant { const char *name; Fn fn; } Variant;
static const Variant br_x[] = { ALL(BR_ENTRY, x) }, br_w[] = { ALL(BR_ENTRY, w) };
static const Variant set_x[] = { ALL(SET_ENTRY, x) };

static const int64_t vals[] = {
    0, 1, 2, -1, INT64_MIN, INT64_MAX, 0x80000000, 0x7fffffff, 0xffffffff, -0x80000000ll,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

static void run(const char *kind, const char *name, Fn fn)
{
    uint64_t h = 1469598103934665603ull;

    /* the first compare equal, above and below (unsigned and signed) */
    for (unsigned i = 0; i < NV; i += 2)
        for (unsigned e = 0; e < 3; e++)
            for (unsigned j = 0; j < NV; j++)
                for (unsigned k = 0; k < NV; k++) {
                    h ^= fn(vals[i], vals[(i + e * 3) % NV], vals[j], vals[k]);
                    h *= 1099511628211ull;
                }
    printf("%s %-12s %016llx\n", kind, name, (unsigned long long)h);
}

int main(void)
{
    for (unsigned i = 0; i < sizeof(br_x) / sizeof(br_x[0]); i++)
        run("ccmp x b.", br_x[i].name, br_x[i].fn);
    for (unsigned i = 0; i < sizeof(br_w) / sizeof(br_w[0]); i++)
        run("ccmp w b.", br_w[i].name, br_w[i].fn);
    for (unsigned i = 0; i < sizeof(set_x) / sizeof(set_x[0]); i++)
        run("ccmn x cset", set_x[i].name, set_x[i].fn);
    return 0;
}
