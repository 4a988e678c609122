/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Comparisons and selects: FCMP/FCMPE (register and #0.0) read back as NZCV,
 * the C relational operators (signalling < <= > >=, quiet == != and the
 * isless() family), FCCMP/FCCMPE (compound conditions, and directly: the
 * compare must not happen, nor raise, when the condition fails), FCSEL,
 * FMAX/FMIN/FMAXNM/FMINNM with signed zeros and NaNs.
 */
#include <math.h>
#include "fp-common.h"

#define NZCV_ASM(name, type, insn, c) \
    OP unsigned name(type a, type b) \
    { \
        uint64_t r; \
        __asm__ volatile("msr nzcv, xzr\n" insn "\n mrs %0, nzcv" \
                         : "=r"(r) : c(a), c(b) : "cc"); \
        return (unsigned)(r >> 28); \
    }
NZCV_ASM(fcmp_s, float, "fcmp %s1, %s2", "w")
NZCV_ASM(fcmpe_d, double, "fcmpe %d1, %d2", "w")
NZCV_ASM(fcmp0_d, double, "fcmp %d1, #0.0", "w")
NZCV_ASM(fcmpe0_s, float, "fcmpe %s1, #0.0", "w")
/* NZCV = 1001 first: GE (N == V) holds, so the compare happens */
NZCV_ASM(fccmp_ge_s, float, "mov x9, #0x90000000\n msr nzcv, x9\n fccmp %s1, %s2, #0x5, ge", "w")
/* the condition fails (EQ with Z clear): NZCV = #nzcv, no exception */
NZCV_ASM(fccmpe_eq_d, double, "fccmpe %d1, %d2, #0x9, eq", "w")
NZCV_ASM(fccmpe_ne_d, double, "fccmpe %d1, %d2, #0x9, ne", "w")

OP int lt(double a, double b) { return a < b; }
OP int le(float a, float b) { return a <= b; }
OP int gt(double a, double b) { return a > b; }
OP int ge(float a, float b) { return a >= b; }
OP int eq(double a, double b) { return a == b; }
OP int ne(float a, float b) { return a != b; }
OP int q_less(double a, double b) { return isless(a, b); }
OP int q_unord(double a, double b) { return isunordered(a, b); }
OP int both_lt(double a, double b, double c, double d) { return a < b && c < d; }
OP int either_eq(float a, float b, float c, float d) { return a == b || c == d; }
OP double sel(double a, double b, double x, double y) { return a < b ? x : y; }
OP float self(float a, float b, float x, float y) { return a == b ? x : y; }
OP double max_d(double a, double b) { return fmax(a, b); }
OP float min_f(float a, float b) { return fminf(a, b); }
OP double fmax_asm(double a, double b) { double r; __asm__("fmax %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b)); return r; }
OP float fmin_asm(float a, float b) { float r; __asm__("fmin %s0, %s1, %s2" : "=w"(r) : "w"(a), "w"(b)); return r; }
OP double fmaxnm_asm(double a, double b) { double r; __asm__("fmaxnm %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b)); return r; }
OP float fminnm_asm(float a, float b) { float r; __asm__("fminnm %s0, %s1, %s2" : "=w"(r) : "w"(a), "w"(b)); return r; }

static volatile double dv[] = { -INFINITY, -1.0, -0.0, 0.0, 0x1p-1074, 1.0, INFINITY, NAN };
static volatile uint64_t snan_d = 0x7ff0000000000001ull;
#define N (sizeof(dv) / sizeof(dv[0]))

int main(void)
{
    flags();
    for (unsigned i = 0; i < N + 1; i++)
        for (unsigned j = 0; j < N + 1; j++) {
            double a = i < N ? dv[i] : u2d(snan_d), b = j < N ? dv[j] : u2d(snan_d);
            float fa = (float)a, fb = (float)b;
            flags();
            printf("%-10a %-10a fcmp %x %s", a, b, fcmp_s(fa, fb), flags());
            printf(" fcmpe %x %s", fcmpe_d(a, b), flags());
            printf(" fccmp %x %s", fccmp_ge_s(fa, fb), flags());
            printf(" eq-fails %x %s", fccmpe_eq_d(a, b), flags());
            printf(" ne %x %s\n", fccmpe_ne_d(a, b), flags());
            printf("   < %d %s", lt(a, b), flags());
            printf(" <= %d %s", le(fa, fb), flags());
            printf(" > %d %s", gt(a, b), flags());
            printf(" >= %d %s", ge(fa, fb), flags());
            printf(" == %d %s", eq(a, b), flags());
            printf(" != %d %s", ne(fa, fb), flags());
            printf(" isless %d %s", q_less(a, b), flags());
            printf(" unord %d %s\n", q_unord(a, b), flags());
            printf("   fmax %016llx %s", (unsigned long long)d2u(fmax_asm(a, b)), flags());
            printf(" fmin %08x %s", (unsigned)f2u(fmin_asm(fa, fb)), flags());
            printf(" fmaxnm %016llx %s", (unsigned long long)d2u(fmaxnm_asm(a, b)), flags());
            printf(" fminnm %08x %s", (unsigned)f2u(fminnm_asm(fa, fb)), flags());
            printf(" sel %a %s\n", sel(a, b, 1.0, 2.0), flags());
        }
    for (unsigned i = 0; i < N; i++) {
        printf("%a: fcmp #0 %x %s", dv[i], fcmp0_d(dv[i], 0), flags());
        printf(" fcmpe #0 %x %s", fcmpe0_s((float)dv[i], 0), flags());
        printf(" both %d %s", both_lt(dv[i], 1.0, 0.0, dv[i]), flags());
        printf(" either %d %s", either_eq((float)dv[i], 1.0f, (float)dv[i], 0.0f), flags());
        printf(" self %a %s", (double)self((float)dv[i], 0.0f, 3.0f, 4.0f), flags());
        printf(" fmax %a fminf %a %s\n", max_d(dv[i], -0.0), (double)min_f((float)dv[i], 0.0f), flags());
    }
    return 0;
}
