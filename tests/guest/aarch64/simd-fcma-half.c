/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_FCMA on half-precision vectors (with FEAT_FP16): FCADD #90/#270 and
 * FCMLA #0/#90/#180/#270 on .4H and .8H, and FCMLA by element (pair index
 * 0 and 1 of .4H, 0-3 of .8H), over values that include signed zeros,
 * infinities, NaNs and half subnormals; the raw halves and FPSR printed.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const uint16_t in_a[8] = { 0x3c00, 0xc000, 0x3555, 0x7bff, 0x8000, 0x0001, 0x7c00, 0x4248 };
static const uint16_t in_b[8] = { 0x4000, 0x3800, 0xbc00, 0x3c01, 0x7e00, 0x03ff, 0x3c00, 0xc400 };
static const uint16_t in_c[8] = { 0x3c00, 0x3c00, 0x0000, 0x8000, 0x5640, 0xfbff, 0x0400, 0x3e00 };

static float16x8_t ld(const uint16_t *p)
{
    float16x8_t v;
    memcpy(&v, p, 16);
    return v;
}

static uint64_t fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    __asm__ volatile("msr fpsr, %0" :: "r"(0ull));
    return v;
}

static void show(const char *name, float16x8_t v, unsigned lanes)
{
    uint16_t o[8];
    memcpy(o, &v, 16);
    printf("%-24s", name);
    for (unsigned i = 0; i < lanes; i++)
        printf(" %04x", o[i]);
    printf("  fpsr %02llx\n", (unsigned long long)fpsr() & 0x9f);
}

#define SHOW4(name, expr) show(name, vcombine_f16(expr, vdup_n_f16(0)), 4)

int main(void)
{
    float16x8_t a = ld(in_a), b = ld(in_b), c = ld(in_c);
    float16x4_t a4 = vget_low_f16(a), b4 = vget_low_f16(b), c4 = vget_low_f16(c);

    fpsr();
    show("fcadd #90 .8h", vcaddq_rot90_f16(a, b), 8);
    show("fcadd #270 .8h", vcaddq_rot270_f16(a, b), 8);
    SHOW4("fcadd #90 .4h", vcadd_rot90_f16(a4, b4));
    show("fcmla #0 .8h", vcmlaq_f16(c, a, b), 8);
    show("fcmla #90 .8h", vcmlaq_rot90_f16(c, a, b), 8);
    show("fcmla #180 .8h", vcmlaq_rot180_f16(c, a, b), 8);
    show("fcmla #270 .8h", vcmlaq_rot270_f16(c, a, b), 8);
    SHOW4("fcmla #90 .4h", vcmla_rot90_f16(c4, a4, b4));
    SHOW4("fcmla .4h[0]", vcmla_lane_f16(c4, a4, b4, 0));
    SHOW4("fcmla .4h[1]", vcmla_lane_f16(c4, a4, b4, 1));
    show("fcmla .8h[3]", vcmlaq_laneq_f16(c, a, b, 3), 8);
    show("fcmla #270 .8h[2]", vcmlaq_rot270_laneq_f16(c, a, b, 2), 8);
    show("fcmla #180 .8h[1]", vcmlaq_rot180_laneq_f16(c, a, b, 1), 8);
    return 0;
}
