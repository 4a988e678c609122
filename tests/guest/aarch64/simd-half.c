/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Half precision from C (FEAT_FP16, FEAT_FHM): _Float16 scalar arithmetic
 * and conversions as the compiler emits them, loops over _Float16 arrays
 * that -O2 -ftree-vectorize turns into .8H vector code, and the arm_neon.h
 * float16 intrinsic families (arithmetic, fused multiply-add by lane,
 * reductions, pairwise, rounding, conversions, estimates and steps,
 * compares, FMLAL/FMLSL).  Results print as bits and as decimals.
 */
#include <arm_fp16.h>
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint16_t hb(float16_t x) { uint16_t u; memcpy(&u, &x, 2); return u; }

static void show(const char *name, float16x8_t v)
{
    printf("%-12s", name);
    for (int i = 0; i < 8; i++)
        printf(" %04x", hb(v[i]));
    printf("  (%g %g)\n", (double)v[0], (double)v[7]);
}

static void show_u(const char *name, uint16x8_t v)
{
    printf("%-12s", name);
    for (int i = 0; i < 8; i++)
        printf(" %04x", (unsigned)v[i]);
    printf("\n");
}

static void show_s(const char *name, float32x4_t v)
{
    printf("%-12s %a %a %a %a\n", name, (double)v[0], (double)v[1], (double)v[2], (double)v[3]);
}

/* Opaque to the optimiser, so the -O0 and -O2 builds compute alike. */
__attribute__((noipa)) static _Float16 axpy(_Float16 a, _Float16 x, _Float16 y)
{
    return a * x + y;
}

#define LEN 203
static _Float16 xa[LEN], ya[LEN], za[LEN];

__attribute__((noipa)) static void vec_loop(void)
{
    for (int i = 0; i < LEN; i++)
        za[i] = xa[i] * ya[i] - (xa[i] + (_Float16)1.5f) / ya[i];
}

__attribute__((noipa)) static float dot(void)
{
    _Float16 s = 0;
    for (int i = 0; i < LEN; i++)
        s += za[i];
    return (float)s;
}

int main(void)
{
    volatile _Float16 a = 3.140625f16, b = -0.0999755859375f16, c = 65504.0f16, t = 6.1e-5f16;
    volatile int i = -1234;
    volatile unsigned long long u = 70000ull;

    printf("scalar %04x %04x %04x %04x %04x\n", hb(a + b), hb(a * b), hb(a / b), hb(c + c),
           hb(t * b));
    printf("axpy %04x %04x\n", hb(axpy(a, b, c)), hb(axpy(t, t, -t)));
    printf("conv %d %u %04x %04x %g\n", (int)(a * 100), (unsigned)(c / 3), hb((_Float16)i),
           hb((_Float16)u), (double)(float)b);
    printf("cmp %d %d %d\n", a < b, b <= a, c == c + 1);
    printf("fp16 %04x %04x %04x %04x\n", hb(vsqrth_f16(a)), hb(vrndah_f16(b * 100)),
           hb(vrecpeh_f16(a)), hb(vfmah_f16(a, b, c)));

    for (int k = 0; k < LEN; k++) {
        xa[k] = (_Float16)(k * 0.37f - 20);
        ya[k] = (_Float16)(k % 17 - 8.25f);
    }
    vec_loop();
    uint32_t h = 0;
    for (int k = 0; k < LEN; k++)
        h = h * 31 + hb(za[k]);
    printf("loop %08x %g\n", (unsigned)h, (double)dot());

    const float16_t in[8] = { 1.5, -2.25, 0.0, -0.0, 1000, 6e-8, 0.333, -7.75 };
    const float16_t in2[8] = { 3, 0.5, -4, 2, 0.001, 65000, -1, 0.125 };
    float16x8_t x = vld1q_f16(in), y = vld1q_f16(in2);
    show("add", vaddq_f16(x, y));
    show("sub", vsubq_f16(x, y));
    show("mul", vmulq_f16(x, y));
    show("div", vdivq_f16(x, y));
    show("fma", vfmaq_f16(x, y, y));
    show("fms_lane", vfmsq_laneq_f16(x, y, x, 6));
    show("mul_lane", vmulq_laneq_f16(x, y, 5));
    show("mulx", vmulxq_f16(x, y));
    show("abd", vabdq_f16(x, y));
    show("max", vmaxq_f16(x, y));
    show("minnm", vminnmq_f16(x, y));
    show("padd", vpaddq_f16(x, y));
    show("pmaxnm", vpmaxnmq_f16(x, y));
    show("abs", vabsq_f16(x));
    show("neg", vnegq_f16(x));
    show("sqrt", vsqrtq_f16(vabsq_f16(x)));
    show("rndn", vrndnq_f16(vmulq_n_f16(x, 3.3)));
    show("rndm", vrndmq_f16(vmulq_n_f16(x, 3.3)));
    show("rndx", vrndxq_f16(vmulq_n_f16(x, 3.3)));
    show("recpe", vrecpeq_f16(x));
    show("rsqrte", vrsqrteq_f16(y));
    show("recps", vrecpsq_f16(x, y));
    show("rsqrts", vrsqrtsq_f16(x, y));
    show("cvt_f_s", vcvtq_f16_s16(vcvtq_s16_f16(vmulq_n_f16(x, 10))));
    show("cvt_f_u_n", vcvtq_n_f16_u16(vcvtaq_u16_f16(y), 3));
    show_u("cvtn_s", vreinterpretq_u16_s16(vcvtnq_s16_f16(vmulq_n_f16(x, 3.5))));
    show_u("cvtp_u_n", vcvtq_n_u16_f16(y, 4));
    show_u("cmge", vcgeq_f16(x, y));
    show_u("cagt", vcagtq_f16(x, y));
    show_u("clt0", vcltzq_f16(x));
    printf("reduce %04x %04x %04x %04x\n", hb(vmaxnmvq_f16(x)), hb(vminvq_f16(y)),
           hb(vmaxv_f16(vget_low_f16(x))), hb(vminnmv_f16(vget_high_f16(y))));

    float32x4_t acc = { 1.0f, -2.0f, 0x1p-30f, 1e30f };
    show_s("fmlal_low", vfmlalq_low_f16(acc, x, y));
    show_s("fmlal_high", vfmlalq_high_f16(acc, x, y));
    show_s("fmlsl_low", vfmlslq_low_f16(acc, x, y));
    show_s("fmlsl_high", vfmlslq_high_f16(acc, x, y));
    show_s("fmlal_lane", vfmlalq_laneq_low_f16(acc, x, y, 5));
    show_s("fmlsl_lane", vfmlslq_lane_high_f16(acc, x, vget_low_f16(y), 2));
    float32x2_t acc2 = { 0.5f, 3.0f };
    float32x2_t r2 = vfmlal_low_f16(acc2, vget_low_f16(x), vget_high_f16(y));
    printf("fmlal_2s %a %a\n", (double)r2[0], (double)r2[1]);
    return 0;
}
