/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FPCR modes and FPSR flags on scalar FP: FZ (denormal inputs read as zero
 * and raise IDC; tiny results become zero and raise UFC but not IXC), DN
 * (default NaN instead of propagation), NaN propagation and quieting
 * without DN, underflow detected before rounding (a result that rounds up
 * to the smallest normal still underflows), and FPSR reads and writes.
 * FPSR is printed as letters: I Z O U X and D for IDC.
 */
#include <float.h>
#include <math.h>
#include "fp-common.h"

OP double sqrt_d(double a) { return sqrt(a); }
OP double fma_d(double a, double b, double c) { return fma(a, b, c); }
OP float fma_f(float a, float b, float c) { return fmaf(a, b, c); }
OP double f2d(float a) { return a; }
OP float d2f(double a) { return (float)a; }
OP int cmp_lt(double a, double b) { return a < b; }
OP int cmp_eq(float a, float b) { return a == b; }
OP double max_d(double a, double b) { return fmax(a, b); }
OP float min_f(float a, float b) { return fminf(a, b); }
OP int32_t cvt_ws(float a) { return (int32_t)a; }

static void showf(const char *what, float r)
{
    printf("%-28s %08x %s\n", what, (unsigned)f2u(r), fpsr_flags());
}

static void showd(const char *what, double r)
{
    printf("%-28s %016llx %s\n", what, (unsigned long long)d2u(r), fpsr_flags());
}

static volatile float den_f = 0x1p-140f, nden_f = -0x1.8p-130f, one_f = 1.0f;
static volatile double den_d = 0x1p-1070, one_d = 1.0;
static volatile uint32_t snan_f = 0x7f800123, qnan_f = 0xffc00456;
static volatile uint64_t snan_d = 0x7ff0000000000789ull, qnan_d = 0x7ff8000000000abcull;

static void run(const char *mode)
{
    printf("== %s (FPCR %08llx)\n", mode, (unsigned long long)get_fpcr());
    set_fpsr(FPSR_START);
    showf("denorm + 0", add_f(den_f, 0.0f));
    showf("denorm * 2^20", mul_f(den_f, 0x1p20f));
    showf("-denorm * 1", mul_f(nden_f, one_f));
    showd("denorm_d * 2^60", mul_d(den_d, 0x1p60));
    showd("sqrt(denorm_d)", sqrt_d(den_d));
    showf("2^-126 * 0.5 (exact tiny)", mul_f(0x1p-126f, 0.5f));
    showf("2^-126 / 3 (inexact tiny)", div_f(0x1p-126f, 3.0f));
    showf("-2^-126 / 3", div_f(-0x1p-126f, 3.0f));
    /* (1 - 2^-13) * 2^-126 (1 + 2^-13) = 2^-126 (1 - 2^-26): tiny, but
     * rounds up to 2^-126 (x86 would call it not tiny) */
    showf("rounds to min normal", mul_f(0x1.fffp-1f, 0x1.0008p-126f));
    showd("rounds to min normal (d)", mul_d(0x1.ffffffcp-1, 0x1.0000002p-1022));
    showf("fma to min normal", fma_f(0x1.fffp-1f, 0x1.0008p-126f, 0.0f));
    showd("min_d - min_d/2^52", sub_d(DBL_MIN, 0x1p-1074));
    showd("(double)denorm_f", f2d(den_f));
    showf("(float)denorm_d", d2f(0x1p-140));
    showf("(float)1e-50", d2f(1e-50));
    printf("%-28s %d %s\n", "denorm < 0 (fcmpe)", cmp_lt(den_d, 0.0), fpsr_flags());
    printf("%-28s %d %s\n", "denorm == 0 (fcmp)", cmp_eq(den_f, 0.0f), fpsr_flags());
    showd("fmax(-0, denorm)", max_d(-0.0, den_d));
    showf("fminf(denorm, -0)", min_f(den_f, -0.0f));
    printf("%-28s %d %s\n", "(int)-denorm", cvt_ws(nden_f), fpsr_flags());
    /* NaNs */
    showf("sNaN + 1", add_f(u2f(snan_f), one_f));
    showf("1 + qNaN", add_f(one_f, u2f(qnan_f)));
    showf("qNaN + sNaN", add_f(u2f(qnan_f), u2f(snan_f)));
    showd("qNaN * sNaN (d)", mul_d(u2d(qnan_d), u2d(snan_d)));
    showd("sqrt(sNaN)", sqrt_d(u2d(snan_d)));
    showd("fma(qNaN, 1, sNaN)", fma_d(u2d(qnan_d), one_d, u2d(snan_d)));
    showd("fma(0, inf, qNaN)", fma_d(0.0, INFINITY, u2d(qnan_d)));
    showd("(double)sNaN_f", f2d(u2f(snan_f)));
    showf("(float)qNaN_d", d2f(u2d(qnan_d)));
    showd("inf - inf", sub_d(INFINITY, INFINITY));
    showd("fmax(qNaN, 1)", max_d(u2d(qnan_d), one_d));
    showd("fmax(sNaN, 1)", max_d(u2d(snan_d), one_d));
    printf("%-28s %d %s\n", "qNaN < 1 (fcmpe)", cmp_lt(u2d(qnan_d), one_d), fpsr_flags());
    printf("%-28s %d %s\n", "qNaN == 1 (fcmp)", cmp_eq(u2f(qnan_f), one_f), fpsr_flags());
    printf("%-28s %d %s\n", "sNaN == 1 (fcmp)", cmp_eq(u2f(snan_f), one_f), fpsr_flags());
    showf("1 / 0", div_f(one_f, 0.0f));
    showf("max * max", mul_f(FLT_MAX, FLT_MAX));
}

int main(void)
{
    static const struct { uint32_t fpcr; const char *name; } modes[] = {
        { 0, "IEEE" }, { FPCR_FZ, "FZ" }, { FPCR_DN, "DN" },
        { FPCR_FZ | FPCR_DN | (3u << 22), "FZ DN RZ" }, { FPCR_FZ | (1u << 22), "FZ RP" },
    };

    for (unsigned i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        set_fpcr(modes[i].fpcr);
        run(modes[i].name);
    }
    set_fpcr(0);
    /* flags are cumulative */
    set_fpsr(FPSR_START);
    add_f(den_f, 1.0f);
    mul_f(FLT_MAX, 2.0f);
    printf("cumulative: %s\n", fpsr_flags());
    /* FPCR bits read back */
    set_fpcr(FPCR_AHP | FPCR_DN | FPCR_FZ | (2u << 22));
    printf("FPCR readback: %08llx\n", (unsigned long long)get_fpcr());
    set_fpcr(0);
    return 0;
}
