/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Chains of dependent scalar FP operations in one block, each result the
 * next operation's input, with a vector value live across them: guise
 * keeps such results in xmm registers between operations
 * (translate/x86_64/lower-fp.c), so a special value in the middle of a
 * chain (a NaN, an infinity, a zero, a denormal, the smallest normal)
 * takes the helper there and the chain must go on from its result.  Run
 * over edge values with FPSR.IXC clear and set; prints each chain's
 * result bits, the vector's and the flags raised.
 */
#include <arm_neon.h>
#include <float.h>
#include <math.h>
#include "fp-common.h"

OP double chain_d(double a, double b, double c, float64x2_t *v)
{
    float64x2_t w = *v;
    double t1 = a * b;
    double t2 = t1 + c;
    double t3 = t2 / a;
    double t4, t5, t6;

    w = vaddq_f64(w, vdupq_n_f64(t3));
    t4 = t3 * t3 - b;
    t5 = sqrt(fabs(t4));
    t6 = fma(t5, a, t1);
    *v = vmulq_f64(w, vdupq_n_f64(t6));
    return t6 + t2 * t5 - (t1 < t6 ? t3 : t4);
}

OP float chain_f(float a, float b, float c, float32x4_t *v)
{
    float32x4_t w = *v;
    float t1 = a * b;
    float t2 = t1 - c;
    float t3 = t2 / b;
    float t4, t5;

    w = vmulq_f32(w, vdupq_n_f32(t3));
    t4 = sqrtf(fabsf(t3 * t2));
    t5 = fmaf(t4, c, t3);
    *v = vaddq_f32(w, vdupq_n_f32(t5));
    return (t5 + t4) * t1 + (t2 > t5 ? t2 : a);
}

static volatile double dv[] = {
    1.5, -3.25, 0.1, 0.0, -0.0, 1e300, 1e-300, DBL_MIN, 0x1.fffffffffffffp-1,
    4.9406564584124654e-324, INFINITY, NAN, 7.0,
};
static volatile float fv[] = {
    1.5f, -3.25f, 0.1f, 0.0f, -0.0f, 1e30f, 1e-30f, FLT_MIN, 0x1.fffffep-1f,
    1.4e-45f, INFINITY, NAN, 7.0f,
};
#define ND (sizeof(dv) / sizeof(dv[0]))
#define NF (sizeof(fv) / sizeof(fv[0]))

int main(void)
{
    for (int sticky = 0; sticky < 2; sticky++) {
        uint64_t start = sticky ? 0x10 : 0;

        for (unsigned i = 0; i < ND; i++)
            for (unsigned j = 0; j < ND; j += 2) {
                float64x2_t v = { 2.0, dv[(i + j) % ND] };
                double r;

                feclearexcept(FE_ALL_EXCEPT);
                set_fpsr(start);
                r = chain_d(dv[i], dv[j], dv[(i * 3 + j) % ND], &v);
                printf("d%d %2u %2u %016llx %016llx %016llx %s\n", sticky, i, j,
                       (unsigned long long)d2u(r), (unsigned long long)d2u(v[0]),
                       (unsigned long long)d2u(v[1]), fpsr_flags());
            }
        for (unsigned i = 0; i < NF; i++)
            for (unsigned j = 1; j < NF; j += 2) {
                float32x4_t v = { 2.0f, fv[(i + j) % NF], -1.0f, fv[j] };
                float r;

                feclearexcept(FE_ALL_EXCEPT);
                set_fpsr(start);
                r = chain_f(fv[i], fv[j], fv[(i * 5 + j) % NF], &v);
                printf("s%d %2u %2u %08x %08x %08x %08x %08x %s\n", sticky, i, j,
                       (unsigned)f2u(r), (unsigned)f2u(v[0]), (unsigned)f2u(v[1]),
                       (unsigned)f2u(v[2]), (unsigned)f2u(v[3]), fpsr_flags());
            }
    }
    return 0;
}
