/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rounding modes (fesetround, i.e. FPCR.RMode) applied to every scalar
 * operation that rounds: FADD/FMUL/FDIV/FSQRT/FMADD, FCVT double to single
 * and to half, SCVTF/UCVTF from 32 and 64 bits, FRINTX/FRINTI (rint,
 * nearbyint); and the instructions with a fixed mode, which must ignore
 * it: FRINTM/P/Z/A (floor, ceil, trunc, round), FCVTZS/ZU (casts),
 * FCVTAS (lround), FCVTMS/PS (via floor/ceil casts).
 */
#include <math.h>
#include <stdint.h>
#include "fp-common.h"

OP double sqrt_d(double a) { return sqrt(a); }
OP float sqrt_f(float a) { return sqrtf(a); }
OP double fma_d(double a, double b, double c) { return fma(a, b, c); }
OP float d2f(double a) { return (float)a; }
OP __fp16 f2h(float a) { return (__fp16)a; }
OP float i2f(int32_t a) { return (float)a; }
OP float u2f_(uint32_t a) { return (float)a; }
OP float l2f(int64_t a) { return (float)a; }
OP double ul2d(uint64_t a) { return (double)a; }
OP double rint_d(double a) { return rint(a); }
OP float rint_f(float a) { return rintf(a); }
OP double nearbyint_d(double a) { return nearbyint(a); }
OP double floor_d(double a) { return floor(a); }
OP float ceil_f(float a) { return ceilf(a); }
OP double trunc_d(double a) { return trunc(a); }
OP float round_f(float a) { return roundf(a); }
OP int32_t cvt_ws(float a) { return (int32_t)a; }
OP int64_t cvt_xd(double a) { return (int64_t)a; }
OP uint32_t cvt_wd_u(double a) { return (uint32_t)a; }
OP long lround_d(double a) { return lround(a); }
OP long lrint_d(double a) { return lrint(a); }

static volatile double dv[] = { 2.5, -2.5, 0.5, -0.5, 1.5, 3.7, -3.7, 1e10 + 0.5, 0x1.fffffffffffffp+52 };
static volatile float fv[] = { 2.5f, -2.5f, 0.5f, -1.5f, 3.7f, 8388607.5f };
static volatile int64_t iv[] = { 16777217, -16777219, INT64_MAX, INT64_MIN + 1, 0x7fffff7fffffffff };
static volatile uint64_t uv[] = { UINT64_MAX, 0x8000000000000401ull, 0xffffffff };

static const struct { int mode; const char *name; } modes[] = {
    { FE_TONEAREST, "nearest" }, { FE_UPWARD, "upward" },
    { FE_DOWNWARD, "downward" }, { FE_TOWARDZERO, "towardzero" },
};

int main(void)
{
    char what[64];

    for (unsigned m = 0; m < 4; m++) {
        fesetround(modes[m].mode);
        printf("== %s: fegetround ok %d, FPCR.RMode %u\n", modes[m].name,
               fegetround() == modes[m].mode, (unsigned)(get_fpcr() >> 22) & 3);
        flags();
        show_d("1/3", div_d(1.0, dv[4] * 2));
        show_d("-1/3", div_d(-1.0, dv[4] * 2));
        show_f("1 + 2^-24", add_f(1.0f, 0x1p-24f));
        show_f("-1 - 2^-24", sub_f(-1.0f, 0x1p-24f));
        show_d("1 - 1", sub_d(dv[4] - 0.5, 1.0));
        show_d("max * 2", mul_d(0x1.fffffffffffffp+1023, dv[0] - 0.5));
        show_d("-max * 2", mul_d(-0x1.fffffffffffffp+1023, dv[0] - 0.5));
        show_f("min * 0.75", mul_f(0x1p-126f, 0.75f));
        show_f("-denorm / 3", div_f(-0x1p-149f, 3.0f));
        show_d("sqrt 2", sqrt_d(dv[0] - 0.5));
        show_f("sqrt 3.7f", sqrt_f(fv[4]));
        show_d("fma 0.1 10 -1", fma_d(0.1, 10.0, -1.0));
        show_f("(float)0.1", d2f(0.1));
        show_f("(float)-0.1", d2f(-0.1));
        show_f("(float)1e39", d2f(1e39));
        {
            __fp16 h = f2h(0.1f);
            uint16_t hb;
            memcpy(&hb, &h, 2);
            printf("%-24s %04x %s\n", "(half)0.1f", hb, flags());
            h = f2h(65520.0f);
            memcpy(&hb, &h, 2);
            printf("%-24s %04x %s\n", "(half)65520.0f", hb, flags());
        }
        for (unsigned i = 0; i < sizeof(iv) / sizeof(iv[0]); i++) {
            snprintf(what, sizeof(what), "(float)%lld", (long long)iv[i]);
            show_f(what, l2f(iv[i]));
        }
        show_f("(float)16777217 (w)", i2f(16777217));
        show_f("(float)0xffffffffu", u2f_(0xffffffffu));
        for (unsigned i = 0; i < sizeof(uv) / sizeof(uv[0]); i++) {
            snprintf(what, sizeof(what), "(double)%llu", (unsigned long long)uv[i]);
            show_d(what, ul2d(uv[i]));
        }
        for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++) {
            double x = dv[i];
            printf("%-8a rint %a %s", x, rint_d(x), flags());
            printf(" nearbyint %a %s", nearbyint_d(x), flags());
            printf(" floor %a trunc %a %s", floor_d(x), trunc_d(x), flags());
            printf(" lrint %ld %s", lrint_d(x), flags());
            printf(" lround %ld (int64)%lld (uint32)%u %s\n", lround_d(x),
                   (long long)cvt_xd(x), cvt_wd_u(x), flags());
        }
        for (unsigned i = 0; i < sizeof(fv) / sizeof(fv[0]); i++) {
            float x = fv[i];
            printf("%-8a rintf %a %s", (double)x, (double)rint_f(x), flags());
            printf(" ceilf %a roundf %a %s", (double)ceil_f(x), (double)round_f(x), flags());
            printf(" (int32) %d %s\n", cvt_ws(x), flags());
        }
    }
    fesetround(FE_TONEAREST);
    return 0;
}
