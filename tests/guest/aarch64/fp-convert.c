/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Conversions: FCVTZS/FCVTZU/FCVTNS/FCVTAS/FCVTMS/FCVTPS/FCVTNU/... to 32
 * and 64-bit integers at the saturation boundaries (with IOC, not IXC, on
 * saturation; NaN gives 0), fixed-point FCVTZS/SCVTF/UCVTF with several
 * fbits, SCVTF/UCVTF from W and X to S and D, FCVT between single, double and half
 * (IEEE and the alternative half format, FPCR.AHP), FRINT32Z/32X/64Z/64X,
 * FJCVTZS with its Z flag, and FMOV immediates.
 */
#include <math.h>
#include <stdint.h>
#include "fp-common.h"

#define ASM1(name, type_r, type_a, insn, cr, ca) \
    OP type_r name(type_a a) { type_r r; __asm__ volatile(insn : "=" cr(r) : ca(a)); return r; }

/* float/double -> W/X */
ASM1(fcvtzs_ws, int32_t, float, "fcvtzs %w0, %s1", "r", "w")
ASM1(fcvtzu_ws, uint32_t, float, "fcvtzu %w0, %s1", "r", "w")
ASM1(fcvtzs_xs, int64_t, float, "fcvtzs %x0, %s1", "r", "w")
ASM1(fcvtzu_xd, uint64_t, double, "fcvtzu %x0, %d1", "r", "w")
ASM1(fcvtzu_wd, uint32_t, double, "fcvtzu %w0, %d1", "r", "w")
ASM1(fcvtzu_xs, uint64_t, float, "fcvtzu %x0, %s1", "r", "w")
ASM1(fcvtzs_wd, int32_t, double, "fcvtzs %w0, %d1", "r", "w")
ASM1(fcvtzs_xd, int64_t, double, "fcvtzs %x0, %d1", "r", "w")
ASM1(fcvtns_wd, int32_t, double, "fcvtns %w0, %d1", "r", "w")
ASM1(fcvtnu_xs, uint64_t, float, "fcvtnu %x0, %s1", "r", "w")
ASM1(fcvtas_xd, int64_t, double, "fcvtas %x0, %d1", "r", "w")
ASM1(fcvtau_wd, uint32_t, double, "fcvtau %w0, %d1", "r", "w")
ASM1(fcvtms_ws, int32_t, float, "fcvtms %w0, %s1", "r", "w")
ASM1(fcvtmu_xd, uint64_t, double, "fcvtmu %x0, %d1", "r", "w")
ASM1(fcvtps_xd, int64_t, double, "fcvtps %x0, %d1", "r", "w")
ASM1(fcvtpu_ws, uint32_t, float, "fcvtpu %w0, %s1", "r", "w")
/* fixed point */
ASM1(fcvtzs_ws_8, int32_t, float, "fcvtzs %w0, %s1, #8", "r", "w")
ASM1(fcvtzu_ws_32, uint32_t, float, "fcvtzu %w0, %s1, #32", "r", "w")
ASM1(fcvtzs_xd_1, int64_t, double, "fcvtzs %x0, %d1, #1", "r", "w")
ASM1(fcvtzu_xd_64, uint64_t, double, "fcvtzu %x0, %d1, #64", "r", "w")
ASM1(scvtf_sw_16, float, int32_t, "scvtf %s0, %w1, #16", "w", "r")
ASM1(ucvtf_sw_32, float, uint32_t, "ucvtf %s0, %w1, #32", "w", "r")
ASM1(scvtf_dx_64, double, int64_t, "scvtf %d0, %x1, #64", "w", "r")
ASM1(ucvtf_dx_3, double, uint64_t, "ucvtf %d0, %x1, #3", "w", "r")
/* integer -> FP */
ASM1(scvtf_dw, double, int32_t, "scvtf %d0, %w1", "w", "r")
ASM1(ucvtf_sx, float, uint64_t, "ucvtf %s0, %x1", "w", "r")
ASM1(scvtf_sx, float, int64_t, "scvtf %s0, %x1", "w", "r")
ASM1(ucvtf_dw, double, uint32_t, "ucvtf %d0, %w1", "w", "r")
ASM1(ucvtf_dx, double, uint64_t, "ucvtf %d0, %x1", "w", "r")
ASM1(ucvtf_sw, float, uint32_t, "ucvtf %s0, %w1", "w", "r")
/* precision */
ASM1(fcvt_hs, uint32_t, float, "fcvt h16, %s1\n fmov %w0, s16", "r", "w")
ASM1(fcvt_hd, uint32_t, double, "fcvt h16, %d1\n fmov %w0, s16", "r", "w")
ASM1(fcvt_sh, float, uint32_t, "fmov s16, %w1\n fcvt %s0, h16", "w", "r")
ASM1(fcvt_dh, double, uint32_t, "fmov s16, %w1\n fcvt %d0, h16", "w", "r")
ASM1(fcvt_ds, double, float, "fcvt %d0, %s1", "w", "w")
ASM1(fcvt_sd, float, double, "fcvt %s0, %d1", "w", "w")
/* FEAT_FRINTTS, FEAT_JSCVT */
ASM1(frint32z_s, float, float, "frint32z %s0, %s1", "w", "w")
ASM1(frint32x_d, double, double, "frint32x %d0, %d1", "w", "w")
ASM1(frint64z_d, double, double, "frint64z %d0, %d1", "w", "w")
ASM1(frint64x_s, float, float, "frint64x %s0, %s1", "w", "w")

OP uint64_t fjcvtzs(double a)
{
    uint64_t r, nzcv;
    __asm__ volatile("msr nzcv, xzr\n fjcvtzs %w0, %d2\n mrs %1, nzcv"
                     : "=r"(r), "=r"(nzcv) : "w"(a) : "cc");
    return r | nzcv << 4;
}

static volatile double dv[] = {
    0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 255.99609375, 2147483647.0,
    2147483647.5, 2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0,
    4294967295.0, 4294967295.5, 4294967296.0, 0x1p53 + 1, 0x1.fffffffffffffp+62,
    0x1p63, -0x1p63, -0x1.0000000000001p+63, 0x1.fffffffffffffp+63, 0x1p64,
    1e300, -1e300, INFINITY, -INFINITY, NAN, 0x1p-1074, -0x1p-1074, 0x1p-1022,
};
static volatile float fv[] = {
    0.0f, -0.0f, 0.5f, -0.5f, 1.5f, -2.5f, 16777215.0f, 2147483520.0f, 0x1p31f,
    -0x1p31f, -0x1.000002p31f, 4294967040.0f, 0x1p32f, 0x1p63f, -0x1p63f, 0x1p64f,
    65504.0f, 65519.99f, 65520.0f, 0x1p-24f, 0x1p-25f, 0x1.8p-25f, 0x1p-14f,
    0x1.ff8p-15f, 1e-40f, INFINITY, -INFINITY, NAN,
};
static volatile int64_t iv[] = {
    0, 1, -1, 16777217, 0x7fffffff, INT32_MIN, INT64_MAX, INT64_MIN, 0x20000000000001,
};
static volatile uint16_t hv[] = {
    0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0x7bff, 0x7c00, 0xfc00, 0x7c01,
    0x7e00, 0xfe55,
};

int main(void)
{
    flags();
    for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++) {
        double x = dv[i];
        printf("d %-24a zs.w %d %s", x, fcvtzs_wd(x), flags());
        printf(" zs.x %lld %s", (long long)fcvtzs_xd(x), flags());
        printf(" zu.x %llu %s", (unsigned long long)fcvtzu_xd(x), flags());
        printf(" zu.w %u %s", fcvtzu_wd(x), flags());
        printf(" ns.w %d %s", fcvtns_wd(x), flags());
        printf(" as.x %lld %s", (long long)fcvtas_xd(x), flags());
        printf(" au.w %u %s\n", fcvtau_wd(x), flags());
        printf("  mu.x %llu %s", (unsigned long long)fcvtmu_xd(x), flags());
        printf(" ps.x %lld %s", (long long)fcvtps_xd(x), flags());
        printf(" zs.x#1 %lld %s", (long long)fcvtzs_xd_1(x), flags());
        printf(" zu.x#64 %llx %s", (unsigned long long)fcvtzu_xd_64(x), flags());
        printf(" js %llx %s", (unsigned long long)fjcvtzs(x), flags());
        printf(" r32x %a %s", frint32x_d(x), flags());
        printf(" r64z %a %s", frint64z_d(x), flags());
        printf(" s %a %s\n", (double)fcvt_sd(x), flags());
    }
    for (unsigned i = 0; i < sizeof(fv) / sizeof(fv[0]); i++) {
        float x = fv[i];
        printf("s %-16a zs.w %d %s", (double)x, fcvtzs_ws(x), flags());
        printf(" zu.w %u %s", fcvtzu_ws(x), flags());
        printf(" zs.x %lld %s", (long long)fcvtzs_xs(x), flags());
        printf(" zu.x %llu %s", (unsigned long long)fcvtzu_xs(x), flags());
        printf(" nu.x %llu %s", (unsigned long long)fcvtnu_xs(x), flags());
        printf(" ms.w %d %s", fcvtms_ws(x), flags());
        printf(" pu.w %u %s\n", fcvtpu_ws(x), flags());
        printf("  zs.w#8 %d %s", fcvtzs_ws_8(x), flags());
        printf(" zu.w#32 %u %s", fcvtzu_ws_32(x), flags());
        printf(" r32z %a %s", (double)frint32z_s(x), flags());
        printf(" r64x %a %s", (double)frint64x_s(x), flags());
        printf(" d %a %s", fcvt_ds(x), flags());
        printf(" h %04x %s", fcvt_hs(x), flags());
        set_fpcr(FPCR_AHP);
        printf(" ahp %04x %s\n", fcvt_hs(x), flags());
        set_fpcr(0);
    }
    for (unsigned i = 0; i < sizeof(iv) / sizeof(iv[0]); i++) {
        int64_t x = iv[i];
        printf("i %lld: scvtf.dw %a %s", (long long)x, scvtf_dw((int32_t)x), flags());
        printf(" ucvtf.dw %a %s", ucvtf_dw((uint32_t)x), flags());
        printf(" scvtf.sx %a %s", (double)scvtf_sx(x), flags());
        printf(" ucvtf.sx %a %s", (double)ucvtf_sx((uint64_t)x), flags());
        printf(" ucvtf.dx %a %s", ucvtf_dx((uint64_t)x), flags());
        printf(" ucvtf.sw %a %s\n", (double)ucvtf_sw((uint32_t)x), flags());
        printf("  scvtf.sw#16 %a %s", (double)scvtf_sw_16((int32_t)x), flags());
        printf(" ucvtf.sw#32 %a %s", (double)ucvtf_sw_32((uint32_t)x), flags());
        printf(" scvtf.dx#64 %a %s", scvtf_dx_64(x), flags());
        printf(" ucvtf.dx#3 %a %s\n", ucvtf_dx_3((uint64_t)x), flags());
    }
    for (unsigned i = 0; i < sizeof(hv) / sizeof(hv[0]); i++) {
        uint32_t h = hv[i];
        printf("h %04x: s %08x %s", h, (unsigned)f2u(fcvt_sh(h)), flags());
        printf(" d %016llx %s", (unsigned long long)d2u(fcvt_dh(h)), flags());
        set_fpcr(FPCR_AHP);
        printf(" ahp s %08x %s\n", (unsigned)f2u(fcvt_sh(h)), flags());
        set_fpcr(0);
    }
    for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++)
        printf("d %a -> h %04x %s\n", dv[i], fcvt_hd(dv[i]), flags());
    /* FMOV (scalar, immediate): the compiler materialises these with FMOV */
    {
        volatile double k[] = { 1.0, -2.0, 0.125, 31.0, 1.9375, -0.1328125 };
        volatile float kf[] = { 0.5f, -15.5f, 0.25f, 3.0f };
        for (unsigned i = 0; i < 6; i++)
            printf("imm %a\n", k[i]);
        for (unsigned i = 0; i < 4; i++)
            printf("immf %a\n", (double)kf[i]);
    }
    return 0;
}
