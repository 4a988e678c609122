/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD floating point through arm_neon.h: vector and SIMD-scalar
 * arithmetic, fused multiply-add (by vector and by element), min/max in
 * their NaN-propagating and NaN-ignoring forms, pairwise and across-lane
 * reductions, comparisons (register and zero), rounding in every mode,
 * conversions to and from integers (also fixed-point) and between single
 * and double, and the reciprocal estimates and steps.  Inputs include
 * zeros of both signs, infinities, quiet and signalling NaNs, denormals
 * and values at the integer conversion limits; each result prints as hex
 * with the FPSR exception flags it raised.  A second pass repeats the
 * arithmetic with FPCR.FZ and FPCR.DN set and rounding towards +infinity.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static float32x4_t FA, FB, FC;
static float64x2_t DA, DB, DC;

static uint64_t get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}

static void set_fpsr(uint64_t v)
{
    __asm__ volatile("msr fpsr, %0" : : "r"(v));
}

static void set_fpcr(uint64_t v)
{
    __asm__ volatile("msr fpcr, %0" : : "r"(v));
}

/* Print a result and the FPSR cumulative flags, then clear them. */
__attribute__((noinline)) static void pq(const char *name, uint8x16_t v)
{
    uint8_t b[16];
    vst1q_u8(b, v);
    printf("%-24s ", name);
    for (int i = 15; i >= 0; i--)
        printf("%02x%s", b[i], i % 4 == 0 && i ? "_" : "");
    printf(" fpsr=%02x\n", (unsigned)(get_fpsr() & 0x9f));
    set_fpsr(0);
}

__attribute__((noinline)) static void px(const char *name, uint64_t v)
{
    printf("%-24s %016llx fpsr=%02x\n", name, (unsigned long long)v,
           (unsigned)(get_fpsr() & 0x9f));
    set_fpsr(0);
}

#define QF(name, e) pq(name, vreinterpretq_u8_f32(e))
#define QD(name, e) pq(name, vreinterpretq_u8_f64(e))
#define QU(name, e) pq(name, vreinterpretq_u8_u32(e))
#define QUD(name, e) pq(name, vreinterpretq_u8_u64(e))
#define QS(name, e) pq(name, vreinterpretq_u8_s32(e))
#define QSD(name, e) pq(name, vreinterpretq_u8_s64(e))
#define DF(name, e) pq(name, vreinterpretq_u8_f32(vcombine_f32(e, vdup_n_f32(0))))

/* op on (A, B) in 2S, 4S and 2D. */
#define F3(op) \
    QF(#op "q_f32", op##q_f32(FA, FB)); \
    DF(#op "_f32", op##_f32(vget_low_f32(FA), vget_high_f32(FB))); \
    QD(#op "q_f64", op##q_f64(DA, DB));
#define F3U(op) \
    QU(#op "q_f32", op##q_f32(FA, FB)); \
    QUD(#op "q_f64", op##q_f64(DA, DB));
#define F2(op) \
    QF(#op "q_f32", op##q_f32(FA)); \
    QD(#op "q_f64", op##q_f64(DA));

static void arith(void)
{
    F3(vadd) F3(vsub) F3(vmul) F3(vdiv) F3(vmulx) F3(vabd)
    F3(vmax) F3(vmin) F3(vmaxnm) F3(vminnm)
    F3(vpadd) F3(vpmax) F3(vpmin) F3(vpmaxnm) F3(vpminnm)
    F3(vrecps) F3(vrsqrts)
    QF("vfmaq_f32", vfmaq_f32(FC, FA, FB));
    QF("vfmsq_f32", vfmsq_f32(FC, FA, FB));
    QD("vfmaq_f64", vfmaq_f64(DC, DA, DB));
    QD("vfmsq_f64", vfmsq_f64(DC, DA, DB));
    QF("vfmaq_laneq_f32", vfmaq_laneq_f32(FC, FA, FB, 3));
    QF("vfmsq_laneq_f32", vfmsq_laneq_f32(FC, FA, FB, 0));
    QD("vfmaq_laneq_f64", vfmaq_laneq_f64(DC, DA, DB, 1));
    QF("vmulq_laneq_f32", vmulq_laneq_f32(FA, FB, 2));
    QD("vmulq_laneq_f64", vmulq_laneq_f64(DA, DB, 0));
    QF("vmulxq_laneq_f32", vmulxq_laneq_f32(FA, FB, 1));
    F2(vabs) F2(vneg) F2(vsqrt) F2(vrecpe) F2(vrsqrte)
    px("vrecpxs_f32", vreinterpret_u32_f32(vdup_n_f32(vrecpxs_f32(vgetq_lane_f32(FA, 2))))[0]);
    px("vpadds_f32", vreinterpret_u32_f32(vdup_n_f32(vpadds_f32(vget_high_f32(FA))))[0]);
    px("vpaddd_f64", vreinterpretq_u64_f64(vdupq_n_f64(vpaddd_f64(DB)))[0]);
    px("vpmaxs_f32", vreinterpret_u32_f32(vdup_n_f32(vpmaxs_f32(vget_low_f32(FB))))[0]);
    px("vpminnmqd_f64", vreinterpretq_u64_f64(vdupq_n_f64(vpminnmqd_f64(DA)))[0]);
    px("vmaxvq_f32", vreinterpret_u32_f32(vdup_n_f32(vmaxvq_f32(FA)))[0]);
    px("vminvq_f32", vreinterpret_u32_f32(vdup_n_f32(vminvq_f32(FB)))[0]);
    px("vmaxnmvq_f32", vreinterpret_u32_f32(vdup_n_f32(vmaxnmvq_f32(FA)))[0]);
    px("vminnmvq_f32", vreinterpret_u32_f32(vdup_n_f32(vminnmvq_f32(FB)))[0]);
}

static void compare(void)
{
    F3U(vceq) F3U(vcge) F3U(vcgt) F3U(vcle) F3U(vclt) F3U(vcage) F3U(vcagt)
    QU("vceqzq_f32", vceqzq_f32(FA));
    QU("vcgezq_f32", vcgezq_f32(FA));
    QU("vcgtzq_f32", vcgtzq_f32(FB));
    QU("vclezq_f32", vclezq_f32(FB));
    QUD("vcltzq_f64", vcltzq_f64(DA));
    QUD("vcgezq_f64", vcgezq_f64(DB));
    px("vceqs_f32", vceqs_f32(vgetq_lane_f32(FA, 0), vgetq_lane_f32(FB, 0)));
    px("vcgtd_f64", vcgtd_f64(vgetq_lane_f64(DA, 0), vgetq_lane_f64(DB, 0)));
    px("vcages_f32", vcages_f32(vgetq_lane_f32(FA, 1), vgetq_lane_f32(FB, 1)));
    px("vcltzd_f64", vcltzd_f64(vgetq_lane_f64(DA, 1)));
}

static void rounding(void)
{
    F2(vrndn) F2(vrndm) F2(vrndp) F2(vrnd) F2(vrnda) F2(vrndx) F2(vrndi)
    QS("vcvtq_s32_f32", vcvtq_s32_f32(FA));
    QU("vcvtq_u32_f32", vcvtq_u32_f32(FA));
    QS("vcvtnq_s32_f32", vcvtnq_s32_f32(FB));
    QS("vcvtmq_s32_f32", vcvtmq_s32_f32(FB));
    QS("vcvtpq_s32_f32", vcvtpq_s32_f32(FB));
    QS("vcvtaq_s32_f32", vcvtaq_s32_f32(FB));
    QU("vcvtaq_u32_f32", vcvtaq_u32_f32(FB));
    QSD("vcvtq_s64_f64", vcvtq_s64_f64(DA));
    QUD("vcvtq_u64_f64", vcvtq_u64_f64(DB));
    QSD("vcvtnq_s64_f64", vcvtnq_s64_f64(DB));
    QUD("vcvtpq_u64_f64", vcvtpq_u64_f64(DA));
    QS("vcvtq_n_s32_f32_8", vcvtq_n_s32_f32(FB, 8));
    QU("vcvtq_n_u32_f32_32", vcvtq_n_u32_f32(FB, 32));
    QSD("vcvtq_n_s64_f64_1", vcvtq_n_s64_f64(DB, 1));
    QF("vcvtq_f32_s32", vcvtq_f32_s32(vreinterpretq_s32_f32(FA)));
    QF("vcvtq_f32_u32", vcvtq_f32_u32(vreinterpretq_u32_f32(FB)));
    QD("vcvtq_f64_s64", vcvtq_f64_s64(vreinterpretq_s64_f64(DA)));
    QD("vcvtq_f64_u64", vcvtq_f64_u64(vreinterpretq_u64_f64(DB)));
    QF("vcvtq_n_f32_s32_4", vcvtq_n_f32_s32(vreinterpretq_s32_f32(FA), 4));
    QD("vcvtq_n_f64_u64_60", vcvtq_n_f64_u64(vreinterpretq_u64_f64(DB), 60));
    px("vcvts_s32_f32", (uint32_t)vcvts_s32_f32(vgetq_lane_f32(FA, 3)));
    px("vcvtd_u64_f64", vcvtd_u64_f64(vgetq_lane_f64(DB, 1)));
    px("vcvtad_s64_f64", (uint64_t)vcvtad_s64_f64(vgetq_lane_f64(DA, 0)));
    QD("vcvt_f64_f32", vcvt_f64_f32(vget_low_f32(FA)));
    QD("vcvt_high_f64_f32", vcvt_high_f64_f32(FB));
    DF("vcvt_f32_f64", vcvt_f32_f64(DA));
    QF("vcvt_high_f32_f64", vcvt_high_f32_f64(vget_low_f32(FC), DB));
    DF("vcvtx_f32_f64", vcvtx_f32_f64(DB));
    QF("vcvt_f32_f16", vcvt_f32_f16(vreinterpret_f16_u16(vget_low_u16(vreinterpretq_u16_f32(FB)))));
    pq("vcvt_f16_f32", vreinterpretq_u8_f16(vcombine_f16(vcvt_f16_f32(FA), vdup_n_f16(0))));
    QU("vrecpeq_u32", vrecpeq_u32(vreinterpretq_u32_f32(FA)));
    QU("vrsqrteq_u32", vrsqrteq_u32(vreinterpretq_u32_f32(FB)));
}

static const uint32_t init_fa[4] = { 0x3fc00000, 0xc0200000, 0x7f800000, 0x00000001 };  /* 1.5 -2.5 inf denormal */
static const uint32_t init_fb[4] = { 0x80000000, 0x7fa00000, 0x4f000000, 0xcb800003 };  /* -0 sNaN 2^31 -16777222 */
static const uint32_t init_fc[4] = { 0x7fc00001, 0x3f800000, 0xff800000, 0x00800000 };  /* qNaN 1 -inf min normal */
static const uint64_t init_da[2] = { 0xc00c000000000000ull, 0x7ff0000000000000ull };  /* -3.5 inf */
static const uint64_t init_db[2] = { 0x43e0000000000000ull, 0x3fe0000000000001ull };  /* 2^63 0.5+ulp */
static const uint64_t init_dc[2] = { 0x7ff4000000000000ull, 0x0008000000000000ull };  /* sNaN denormal */

static void load(int argc)
{
    uint32_t f[4];
    uint64_t d[2];
    for (int i = 0; i < 4; i++)
        f[i] = init_fa[i] ^ (uint32_t)(argc - 1);
    FA = vreinterpretq_f32_u32(vld1q_u32(f));
    for (int i = 0; i < 4; i++)
        f[i] = init_fb[i] ^ (uint32_t)(argc - 1);
    FB = vreinterpretq_f32_u32(vld1q_u32(f));
    for (int i = 0; i < 4; i++)
        f[i] = init_fc[i] ^ (uint32_t)(argc - 1);
    FC = vreinterpretq_f32_u32(vld1q_u32(f));
    for (int i = 0; i < 2; i++)
        d[i] = init_da[i] ^ (uint64_t)(argc - 1);
    DA = vreinterpretq_f64_u64(vld1q_u64(d));
    for (int i = 0; i < 2; i++)
        d[i] = init_db[i] ^ (uint64_t)(argc - 1);
    DB = vreinterpretq_f64_u64(vld1q_u64(d));
    for (int i = 0; i < 2; i++)
        d[i] = init_dc[i] ^ (uint64_t)(argc - 1);
    DC = vreinterpretq_f64_u64(vld1q_u64(d));
}

int main(int argc, char **argv)
{
    (void)argv;
    load(argc);
    set_fpsr(0);
    printf("== FPCR 0\n");
    arith();
    compare();
    rounding();
    /* FZ (24), DN (25), RMode = +infinity (22). */
    set_fpcr((1u << 24) | (1u << 25) | (1u << 22));
    printf("== FPCR FZ DN RP\n");
    arith();
    rounding();
    set_fpcr(0);
    return 0;
}
