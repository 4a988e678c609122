/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scalar FP arithmetic on single and double precision: FADD, FSUB, FMUL,
 * FDIV, FSQRT, fused multiply-add (fma(), FMADD/FMSUB/FNMADD/FNMSUB), FABS
 * and FNEG, over normal values, zeros of both signs, infinities, NaNs,
 * denormals and the limits, printing each result's bits and the exception
 * flags it raised.
 */
#include <float.h>
#include <math.h>
#include "fp-common.h"

OP float sqrt_f(float a) { return sqrtf(a); }
OP double sqrt_d(double a) { return sqrt(a); }
OP float neg_abs_f(float a) { return fabsf(-a); }
OP float fma_f(float a, float b, float c) { return fmaf(a, b, c); }
OP double fma_d(double a, double b, double c) { return fma(a, b, c); }
/* FNMADD/FNMSUB as GCC emits them for these shapes */
OP float fnmadd_f(float a, float b, float c) { return -fmaf(a, b, c); }
OP double fnmsub_d(double a, double b, double c) { return fma(a, b, -c); }
OP double fmsub_d(double a, double b, double c) { return fma(-a, b, c); }

static volatile float fv[] = {
    0.0f, -0.0f, 1.0f, -1.5f, 3.0f, 0.1f, 1e30f, -1e-30f, FLT_MAX, FLT_MIN,
    1.4e-45f, -5.877472e-39f, INFINITY, -INFINITY, NAN,
};
static volatile double dv[] = {
    0.0, -0.0, 1.0, -1.5, 3.0, 0.1, 1e300, -1e-300, DBL_MAX, DBL_MIN,
    4.9406564584124654e-324, -1.1125369292536007e-308, INFINITY, -INFINITY, NAN,
};
#define NF (sizeof(fv) / sizeof(fv[0]))
#define ND (sizeof(dv) / sizeof(dv[0]))

int main(void)
{
    char what[64];

    feclearexcept(FE_ALL_EXCEPT);
    set_fpsr(FPSR_START);
    for (unsigned i = 0; i < NF; i++)
        for (unsigned j = 0; j < NF; j += 2) {
            float a = fv[i], b = fv[j];
            snprintf(what, sizeof(what), "s[%u] + s[%u]", i, j);
            show_f(what, add_f(a, b));
            snprintf(what, sizeof(what), "s[%u] - s[%u]", i, j);
            show_f(what, sub_f(a, b));
            snprintf(what, sizeof(what), "s[%u] * s[%u]", i, j);
            show_f(what, mul_f(a, b));
            snprintf(what, sizeof(what), "s[%u] / s[%u]", i, j);
            show_f(what, div_f(a, b));
        }
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 1; j < ND; j += 2) {
            double a = dv[i], b = dv[j];
            snprintf(what, sizeof(what), "d[%u] + d[%u]", i, j);
            show_d(what, add_d(a, b));
            snprintf(what, sizeof(what), "d[%u] - d[%u]", i, j);
            show_d(what, sub_d(a, b));
            snprintf(what, sizeof(what), "d[%u] * d[%u]", i, j);
            show_d(what, mul_d(a, b));
            snprintf(what, sizeof(what), "d[%u] / d[%u]", i, j);
            show_d(what, div_d(a, b));
        }
    for (unsigned i = 0; i < NF; i++) {
        snprintf(what, sizeof(what), "sqrtf s[%u]", i);
        show_f(what, sqrt_f(fv[i]));
        snprintf(what, sizeof(what), "fabsf -s[%u]", i);
        show_f(what, neg_abs_f(fv[i]));
        snprintf(what, sizeof(what), "sqrt d[%u]", i);
        show_d(what, sqrt_d(dv[i]));
    }
    /* fused: one rounding (fmaf(x, x, -x*x) is the rounding error) */
    for (unsigned i = 0; i < NF; i++)
        for (unsigned j = 2; j < 8; j++) {
            float a = fv[i], b = fv[j];
            float p = mul_f(a, b);
            flags();
            snprintf(what, sizeof(what), "fmaf s[%u] s[%u] -p", i, j);
            show_f(what, fma_f(a, b, -p));
            snprintf(what, sizeof(what), "fmaf s[%u] s[%u] s[9]", i, j);
            show_f(what, fma_f(a, b, fv[9]));
            snprintf(what, sizeof(what), "-fmaf s[%u] s[%u] 1", i, j);
            show_f(what, fnmadd_f(a, b, 1.0f));
        }
    for (unsigned i = 0; i < ND; i++)
        for (unsigned j = 2; j < 8; j++) {
            double a = dv[i], b = dv[j];
            double p = mul_d(a, b);
            flags();
            snprintf(what, sizeof(what), "fma d[%u] d[%u] -p", i, j);
            show_d(what, fma_d(a, b, -p));
            snprintf(what, sizeof(what), "fma(d[%u], d[%u], -1)", i, j);
            show_d(what, fnmsub_d(a, b, 1.0));
            snprintf(what, sizeof(what), "fma(-d[%u], d[%u], 1)", i, j);
            show_d(what, fmsub_d(a, b, 1.0));
        }
    /* the classic: 0.1 + 0.2 and friends */
    show_d("0.1 + 0.2", add_d(dv[5], 2 * dv[5]));
    show_f("1/3 (single)", div_f(fv[2], fv[4]));
    show_d("1/3 (double)", div_d(dv[2], dv[4]));
    show_d("(1 + 2^-53) tie", add_d(dv[2], 0x1p-53));
    show_d("(1 + 3*2^-53) tie", add_d(dv[2], 0x3p-53));
    /* tininess at the smallest normal: Arm detects it before rounding, so
     * a product that rounds up to 2^-1022 (2^-126) underflows; one at or
     * above it, exact or rounded, does not */
    {
        static volatile double dt[] = {
            0x1.fffffffffffffp-1, 0x1p+0, 0x1.0000000000001p+0, 0x1.ffffffffffffep-1,
        };
        static volatile double dm[] = { 0x1p-1022, 0x1.0000000000001p-1022, 0x1.0000000000002p-1022 };
        static volatile float ft[] = { 0x1.fffffep-1f, 0x1p+0f, 0x1.000002p+0f, 0x1.fffffcp-1f };
        static volatile float fm[] = { 0x1p-126f, 0x1.000002p-126f, 0x1.000004p-126f };
        for (unsigned i = 0; i < 4; i++)
            for (unsigned j = 0; j < 3; j++) {
                snprintf(what, sizeof(what), "tiny d %u * %u", i, j);
                show_d(what, mul_d(dt[i], dm[j]));
                snprintf(what, sizeof(what), "tiny d %u / %u", j, i);
                show_d(what, div_d(dm[j], dt[i]));
                snprintf(what, sizeof(what), "tiny s %u * %u", i, j);
                show_f(what, mul_f(ft[i], fm[j]));
                snprintf(what, sizeof(what), "tiny s %u / %u", j, i);
                show_f(what, div_f(fm[j], ft[i]));
            }
        show_d("tiny d sum", add_d(dm[1], -0x1p-1074));
        show_d("tiny d sqrt", sqrt_d(0x1p-2044));
        show_f("tiny s sum", add_f(fm[1], -0x1p-149f));
    }
    return 0;
}
