/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the aarch64 floating-point element operations
 * (translate/aarch64/fpu.c) against known bit patterns: NaN selection and
 * quieting, the default NaN, FZ flushing of inputs (IDC) and outputs (UFC),
 * tininess detected before rounding, every rounding mode, overflow,
 * conversions between precisions (with the alternative half format),
 * to and from integers and fixed point at their saturation boundaries,
 * rounding to integral, FJCVTZS, the estimates and Newton-Raphson steps;
 * and the same for half precision (FEAT_FP16: FZ16 flushing without IDC,
 * independent of FZ, a fused multiply-add that must not round twice) and
 * FEAT_FHM's FPMulAddH.
 *
 * Each case names an instruction; the expected result and FPSR are those
 * of the Arm ARM pseudocode (checked against qemu-aarch64, which agrees on
 * all but the case marked).  Standalone: links only fpu.c and fpu-host.c.
 * Prints "N passed, N failed" and exits 1 on any failure (-v lists each
 * case).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "translate/aarch64/fpu.h"

typedef uint64_t FpuCall(CPUArm64State *env, uint64_t a, uint64_t b, uint64_t c);

/* Adapters from instruction names to fpu.c calls.  S operands are the low
 * 32 bits, H the low 16; W sources are sign- or zero-extended as the
 * instruction does. */
#define SIGN32 0x80000000u
#define SIGN64 (1ull << 63)
#define RM(env) fpu_fpcr_rmode(env)
#define CALL(name, expr) \
    static uint64_t call_##name(CPUArm64State *env, uint64_t a, uint64_t b, uint64_t c) \
    { (void)env; (void)a; (void)b; (void)c; return (expr); }
#define CALL2(name, fn) \
    CALL(name##_s, fn##32(env, (uint32_t)a, (uint32_t)b)) CALL(name##_d, fn##64(env, a, b))
#define CALL1(name, fn) \
    CALL(name##_s, fn##32(env, (uint32_t)a)) CALL(name##_d, fn##64(env, a))
#define FRINT(name, rm, exact) \
    CALL(name##_s, fpu_frint32(env, (uint32_t)a, rm, exact)) \
    CALL(name##_d, fpu_frint64(env, a, rm, exact))
#define FRINTN(name, rm, size) \
    CALL(name##_s, fpu_frint_n32(env, (uint32_t)a, rm, size)) \
    CALL(name##_d, fpu_frint_n64(env, a, rm, size))

CALL2(fadd, fpu_add) CALL2(fsub, fpu_sub) CALL2(fmul, fpu_mul) CALL2(fdiv, fpu_div)
CALL2(fmax, fpu_max) CALL2(fmin, fpu_min) CALL2(fmaxnm, fpu_maxnm) CALL2(fminnm, fpu_minnm)
CALL2(fmulx, fpu_mulx) CALL2(fabd, fpu_abd) CALL2(frecps, fpu_recps) CALL2(frsqrts, fpu_rsqrts)
CALL2(fcmeq, fpu_cmpeq) CALL2(fcmge, fpu_cmpge) CALL2(fcmgt, fpu_cmpgt)
CALL2(facge, fpu_acge) CALL2(facgt, fpu_acgt)
CALL1(fsqrt, fpu_sqrt) CALL1(frecpe, fpu_recpe) CALL1(frsqrte, fpu_rsqrte) CALL1(frecpx, fpu_recpx)
CALL(fnmul_s, fpu_mul32(env, (uint32_t)a, (uint32_t)b) ^ SIGN32)
CALL(fcmp_s, fpu_cmp32(env, (uint32_t)a, (uint32_t)b, false))
CALL(fcmp_d, fpu_cmp64(env, a, b, false))
CALL(fcmpe_s, fpu_cmp32(env, (uint32_t)a, (uint32_t)b, true))
CALL(fmadd_s, fpu_muladd32(env, (uint32_t)c, (uint32_t)a, (uint32_t)b))
CALL(fmadd_d, fpu_muladd64(env, c, a, b))
CALL(fnmadd_s, fpu_muladd32(env, (uint32_t)c ^ SIGN32, (uint32_t)a ^ SIGN32, (uint32_t)b))
CALL(fcvt_sd, fpu_f32_to_f64(env, (uint32_t)a))
CALL(fcvt_ds, fpu_f64_to_f32(env, a, RM(env)))
CALL(fcvt_sh, fpu_f32_to_f16(env, (uint32_t)a, RM(env)))
CALL(fcvt_dh, fpu_f64_to_f16(env, a, RM(env)))
CALL(fcvt_hs, fpu_f16_to_f32(env, (uint32_t)a))
CALL(fcvt_hd, fpu_f16_to_f64(env, (uint32_t)a))
CALL(fcvtxn, fpu_f64_to_f32(env, a, FPU_RO))
FRINT(frintn, FPU_RN, false) FRINT(frintp, FPU_RP, false) FRINT(frintm, FPU_RM, false)
FRINT(frintz, FPU_RZ, false) FRINT(frinta, FPU_RA, false) FRINT(frintx, RM(env), true)
FRINT(frinti, RM(env), false)
FRINTN(frint32z, FPU_RZ, 32) FRINTN(frint32x, RM(env), 32)
FRINTN(frint64z, FPU_RZ, 64) FRINTN(frint64x, RM(env), 64)
CALL(fcvtns_ws, fpu_f32_to_s32(env, (uint32_t)a, 0, FPU_RN))
CALL(fcvtps_xs, fpu_f32_to_s64(env, (uint32_t)a, 0, FPU_RP))
CALL(fcvtpu_wd, fpu_f64_to_u32(env, a, 0, FPU_RP))
CALL(fcvtms_wd, fpu_f64_to_s32(env, a, 0, FPU_RM))
CALL(fcvtmu_xs, fpu_f32_to_u64(env, (uint32_t)a, 0, FPU_RM))
CALL(fcvtzs_ws, fpu_f32_to_s32(env, (uint32_t)a, 0, FPU_RZ))
CALL(fcvtzs_wd, fpu_f64_to_s32(env, a, 0, FPU_RZ))
CALL(fcvtzs_xd, fpu_f64_to_s64(env, a, 0, FPU_RZ))
CALL(fcvtzu_ws, fpu_f32_to_u32(env, (uint32_t)a, 0, FPU_RZ))
CALL(fcvtzu_xd, fpu_f64_to_u64(env, a, 0, FPU_RZ))
CALL(fcvtas_wd, fpu_f64_to_s32(env, a, 0, FPU_RA))
CALL(fcvtau_xs, fpu_f32_to_u64(env, (uint32_t)a, 0, FPU_RA))
CALL(fcvtzs_ws5, fpu_f32_to_s32(env, (uint32_t)a, 5, FPU_RZ))
CALL(fcvtzu_xd40, fpu_f64_to_u64(env, a, 40, FPU_RZ))
CALL(fcvtzs_xd64, fpu_f64_to_s64(env, a, 64, FPU_RZ))
CALL(fcvtzu_ws32, fpu_f32_to_u32(env, (uint32_t)a, 32, FPU_RZ))
CALL(scvtf_sw, fpu_s64_to_f32(env, (int32_t)a, 0, RM(env)))
CALL(scvtf_sx, fpu_s64_to_f32(env, (int64_t)a, 0, RM(env)))
CALL(scvtf_dx, fpu_s64_to_f64(env, (int64_t)a, 0, RM(env)))
CALL(ucvtf_sx, fpu_u64_to_f32(env, a, 0, RM(env)))
CALL(ucvtf_dw, fpu_u64_to_f64(env, (uint32_t)a, 0, RM(env)))
CALL(scvtf_sw7, fpu_s64_to_f32(env, (int32_t)a, 7, RM(env)))
CALL(ucvtf_dx64, fpu_u64_to_f64(env, a, 64, RM(env)))

/* Half precision (FEAT_FP16, FEAT_FHM). */
#define CALLH2(name, fn) CALL(name##_h, fn##16(env, (uint32_t)a, (uint32_t)b))
#define CALLH1(name, fn) CALL(name##_h, fn##16(env, (uint32_t)a))
CALLH2(fadd, fpu_add) CALLH2(fsub, fpu_sub) CALLH2(fmul, fpu_mul) CALLH2(fdiv, fpu_div)
CALLH2(fmax, fpu_max) CALLH2(fminnm, fpu_minnm) CALLH2(fmulx, fpu_mulx) CALLH2(fabd, fpu_abd)
CALLH2(frecps, fpu_recps) CALLH2(frsqrts, fpu_rsqrts) CALLH2(fcmge, fpu_cmpge)
CALLH2(facgt, fpu_acgt)
CALLH1(fsqrt, fpu_sqrt) CALLH1(frecpe, fpu_recpe) CALLH1(frsqrte, fpu_rsqrte)
CALLH1(frecpx, fpu_recpx)
CALL(fcmp_h, fpu_cmp16(env, (uint32_t)a, (uint32_t)b, false))
CALL(fmadd_h, fpu_muladd16(env, (uint32_t)c, (uint32_t)a, (uint32_t)b))
CALL(frintn_h, fpu_frint16(env, (uint32_t)a, FPU_RN, false))
CALL(frinta_h, fpu_frint16(env, (uint32_t)a, FPU_RA, false))
CALL(frintx_h, fpu_frint16(env, (uint32_t)a, RM(env), true))
CALL(fcvtzs_wh, fpu_f16_to_fixed(env, (uint32_t)a, 0, FPU_RZ, 32, false))
CALL(fcvtzs_hh, fpu_f16_to_fixed(env, (uint32_t)a, 0, FPU_RZ, 16, false))
CALL(fcvtnu_hh, fpu_f16_to_fixed(env, (uint32_t)a, 0, FPU_RN, 16, true))
CALL(fcvtzu_xh20, fpu_f16_to_fixed(env, (uint32_t)a, 20, FPU_RZ, 64, true))
CALL(scvtf_hw, fpu_s64_to_f16(env, (int32_t)a, 0, RM(env)))
CALL(ucvtf_hw24, fpu_u64_to_f16(env, (uint32_t)a, 24, RM(env)))
CALL(fmlal, fpu_muladd_h32(env, (uint32_t)c, (uint32_t)a, (uint32_t)b))

/* FJCVTZS: the result, with Z in bit 34 (where NZCV.Z lands when the
 * test programs OR NZCV << 4 into the result). */
static uint64_t call_fjcvtzs(CPUArm64State *env, uint64_t a, uint64_t b, uint64_t c)
{
    bool z;
    uint32_t r = fpu_fjcvtzs(env, a, &z);
    (void)b;
    (void)c;
    return r | (uint64_t)z << 34;
}

static const struct {
    const char *name;
    FpuCall *fn;
} calls[] = {
#define C(name) { #name, call_##name },
#define C2(name) C(name##_s) C(name##_d)
    C2(fadd) C2(fsub) C2(fmul) C2(fdiv) C2(fmax) C2(fmin) C2(fmaxnm) C2(fminnm) C2(fmulx)
    C2(fabd) C2(frecps) C2(frsqrts) C2(fcmeq) C2(fcmge) C2(fcmgt) C2(facge) C2(facgt)
    C2(fsqrt) C2(frecpe) C2(frsqrte) C2(frecpx) C(fnmul_s) C(fcmp_s) C(fcmp_d) C(fcmpe_s)
    C2(fmadd) C(fnmadd_s) C(fcvt_sd) C(fcvt_ds) C(fcvt_sh) C(fcvt_dh) C(fcvt_hs) C(fcvt_hd)
    C(fcvtxn) C2(frintn) C2(frintp) C2(frintm) C2(frintz) C2(frinta) C2(frintx) C2(frinti)
    C2(frint32z) C2(frint32x) C2(frint64z) C2(frint64x)
    C(fcvtns_ws) C(fcvtps_xs) C(fcvtpu_wd) C(fcvtms_wd) C(fcvtmu_xs) C(fcvtzs_ws)
    C(fcvtzs_wd) C(fcvtzs_xd) C(fcvtzu_ws) C(fcvtzu_xd) C(fcvtas_wd) C(fcvtau_xs)
    C(fcvtzs_ws5) C(fcvtzu_xd40) C(fcvtzs_xd64) C(fcvtzu_ws32) C(fjcvtzs)
    C(scvtf_sw) C(scvtf_sx) C(scvtf_dx) C(ucvtf_sx) C(ucvtf_dw) C(scvtf_sw7) C(ucvtf_dx64)
    C(fadd_h) C(fsub_h) C(fmul_h) C(fdiv_h) C(fmax_h) C(fminnm_h) C(fmulx_h) C(fabd_h)
    C(frecps_h) C(frsqrts_h) C(fcmge_h) C(facgt_h) C(fsqrt_h) C(frecpe_h) C(frsqrte_h)
    C(frecpx_h) C(fcmp_h) C(fmadd_h) C(frintn_h) C(frinta_h) C(frintx_h) C(fcvtzs_wh)
    C(fcvtzs_hh) C(fcvtnu_hh) C(fcvtzu_xh20) C(scvtf_hw) C(ucvtf_hw24) C(fmlal)
#undef C
#undef C2
};

typedef struct FpuCase {
    const char *op;
    uint32_t fpcr;       /* FZ16 19, RMode 23:22, FZ 24, DN 25, AHP 26 */
    uint64_t a, b, c;    /* operands (c: FMADD's addend) */
    uint64_t res;
    uint32_t fpsr;       /* IOC 0, DZC 1, OFC 2, UFC 3, IXC 4, IDC 7 */
    const char *what;
} FpuCase;

static const FpuCase cases[] = {
    /* NaN propagation */
    { "fadd_s", 0x0, 0x7fc00001, 0x7f800002, 0x0, 0x7fc00002, 0x1, "sNaN second operand wins over qNaN first, quieted" },
    { "fadd_s", 0x0, 0x7f800003, 0x7f800002, 0x0, 0x7fc00003, 0x1, "two sNaNs: the first" },
    { "fadd_s", 0x0, 0x7fc12345, 0xffc00001, 0x0, 0x7fc12345, 0x0, "two qNaNs: the first" },
    { "fadd_s", 0x0, 0x3f800000, 0xffc0abcd, 0x0, 0xffc0abcd, 0x0, "qNaN payload and sign kept" },
    { "fadd_s", 0x2000000, 0x7fc12345, 0x3f800000, 0x0, 0x7fc00000, 0x0, "DN: default NaN" },
    { "fadd_s", 0x2000000, 0x7f800001, 0x3f800000, 0x0, 0x7fc00000, 0x1, "DN: default NaN, IOC for sNaN" },
    { "fsub_d", 0x0, 0x7ff0000000000000, 0x7ff0000000000000, 0x0, 0x7ff8000000000000, 0x1, "inf - inf" },
    { "fmul_s", 0x0, 0x0, 0xff800000, 0x0, 0x7fc00000, 0x1, "* -inf" },
    { "fdiv_s", 0x0, 0x3f800000, 0x0, 0x0, 0x7f800000, 0x2, "1/0" },
    { "fdiv_s", 0x0, 0xbf800000, 0x0, 0x0, 0xff800000, 0x2, "-1/+0" },
    { "fdiv_s", 0x0, 0x0, 0x80000000, 0x0, 0x7fc00000, 0x1, "0/-0" },
    { "fdiv_d", 0x0, 0x7ff0000000000000, 0x0, 0x0, 0x7ff0000000000000, 0x0, "inf/0: no DZC" },
    { "fsqrt_s", 0x0, 0xbf800000, 0x0, 0x0, 0x7fc00000, 0x1, "sqrt(-1)" },
    { "fsqrt_s", 0x0, 0x80000000, 0x0, 0x0, 0x80000000, 0x0, "sqrt(-0)" },
    { "fsqrt_d", 0x0, 0x4000000000000000, 0x0, 0x0, 0x3ff6a09e667f3bcd, 0x10, "sqrt(2) inexact" },
    { "fmadd_s", 0x0, 0x0, 0x7f800000, 0x7fc00005, 0x7fc00000, 0x1, "qNaN addend with 0*inf: default NaN, IOC" },
    { "fmadd_s", 0x0, 0x7f800001, 0x3f800000, 0x7fc00005, 0x7fc00001, 0x1, "sNaN op1 beats qNaN addend" },
    { "fmadd_s", 0x0, 0x7fc00001, 0x3f800000, 0x7fc00005, 0x7fc00005, 0x0, "qNaN addend beats qNaN op1" },
    { "fmadd_d", 0x0, 0x7ff0000000000001, 0x3ff0000000000000, 0x7ff0000000000002, 0x7ff8000000000002, 0x1, "sNaN addend first" },
    { "fnmadd_s", 0x0, 0x7fc00001, 0x3f800000, 0x0, 0xffc00001, 0x0, "FNMADD negates the NaN of op1" },
    { "fnmul_s", 0x0, 0x7fc00001, 0x3f800000, 0x0, 0xffc00001, 0x0, "FNMUL negates a NaN result" },
    { "fabd_s", 0x0, 0xffc00001, 0x3f800000, 0x0, 0x7fc00001, 0x0, "FABD clears a NaN's sign" },
    { "fmulx_s", 0x0, 0x7f800000, 0x80000000, 0x0, 0xc0000000, 0x0, "FMULX inf * -0 = -2" },
    /* rounding modes: 1 + 2^-24 is a tie */
    { "fadd_s", 0x0, 0x3f800000, 0x33800000, 0x0, 0x3f800000, 0x10, "RN tie to even" },
    { "fadd_s", 0x400000, 0x3f800000, 0x33800000, 0x0, 0x3f800001, 0x10, "RP" },
    { "fadd_s", 0x800000, 0x3f800000, 0x33800000, 0x0, 0x3f800000, 0x10, "RM" },
    { "fadd_s", 0xc00000, 0x3f800000, 0x33800000, 0x0, 0x3f800000, 0x10, "RZ" },
    { "fadd_s", 0x800000, 0xbf800000, 0xb3800000, 0x0, 0xbf800001, 0x10, "RM negative rounds away" },
    { "fadd_s", 0x0, 0x3f800000, 0x34000000, 0x0, 0x3f800001, 0x0, "exact" },
    { "fadd_s", 0x0, 0x3f800001, 0x33800000, 0x0, 0x3f800002, 0x10, "RN tie to even, up" },
    { "fadd_s", 0x800000, 0x3f800000, 0xbf800000, 0x0, 0x80000000, 0x0, "x - x in RM is -0" },
    { "fadd_s", 0x0, 0x3f800000, 0xbf800000, 0x0, 0x0, 0x0, "x - x in RN is +0" },
    { "fadd_d", 0x0, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, 0x3ff0000000000000, 0x10, "double RN tie" },
    { "fadd_d", 0x400000, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, 0x3ff0000000000001, 0x10, "double RP" },
    /* overflow */
    { "fmul_s", 0x0, 0x7f7fffff, 0x40000000, 0x0, 0x7f800000, 0x14, "RN overflow to inf" },
    { "fmul_s", 0xc00000, 0x7f7fffff, 0x40000000, 0x0, 0x7f7fffff, 0x14, "RZ overflow to max" },
    { "fmul_s", 0x400000, 0xff7fffff, 0x40000000, 0x0, 0xff7fffff, 0x14, "RP negative overflow to -max" },
    { "fmul_s", 0x800000, 0xff7fffff, 0x40000000, 0x0, 0xff800000, 0x14, "RM negative overflow to -inf" },
    { "fmul_d", 0x0, 0x7fefffffffffffff, 0x4000000000000000, 0x0, 0x7ff0000000000000, 0x14, "double overflow" },
    /* underflow: tininess before rounding */
    { "fmul_s", 0x0, 0x800000, 0x3f000000, 0x0, 0x400000, 0x0, "exact denormal: no flags" },
    { "fmul_s", 0x0, 0x3f7ff800, 0x800400, 0x0, 0x800000, 0x18, "rounds up to the smallest normal: UFC (Arm), x86 would not" },
    { "fmul_s", 0x1000000, 0x3f7ff800, 0x800400, 0x0, 0x0, 0x8, "same with FZ: +0, UFC only" },
    { "fmul_s", 0x1c00000, 0x3f7ff800, 0x800400, 0x0, 0x0, 0x8, "FZ and RZ" },
    { "fmul_s", 0xc00000, 0x3f7ff800, 0x800400, 0x0, 0x7fffff, 0x18, "RZ: denormal, UFC" },
    { "fmul_s", 0x0, 0x800000, 0x3f7fffff, 0x0, 0x800000, 0x18, "tiny before and after rounding" },
    { "fmul_s", 0x0, 0x1, 0x3f000000, 0x0, 0x0, 0x18, "smallest denormal / 2: ties to zero" },
    { "fmul_s", 0x400000, 0x1, 0x3f000000, 0x0, 0x1, 0x18, "RP: rounds up to the smallest denormal" },
    { "fmul_s", 0x1000000, 0x800000, 0x3f000000, 0x0, 0x0, 0x8, "FZ: exact denormal result flushed, UFC" },
    { "fmul_s", 0x1000000, 0x80800000, 0x3f000000, 0x0, 0x80000000, 0x8, "FZ: flushed to -0" },
    { "fadd_s", 0x1000000, 0x400000, 0x0, 0x0, 0x0, 0x80, "FZ: denormal input flushed, IDC" },
    { "fadd_s", 0x0, 0x400000, 0x0, 0x0, 0x400000, 0x0, "no FZ: denormal kept" },
    { "fmul_d", 0x0, 0x3feffffffc000000, 0x0010000020000000, 0x0, 0x1000001dfffffc, 0x0, "double rounds up to the smallest normal" },
    { "fmul_d", 0x1000000, 0x3feffffffc000000, 0x0010000020000000, 0x0, 0x1000001dfffffc, 0x0, "double FZ flush" },
    { "fdiv_s", 0x0, 0x800000, 0x3f800001, 0x0, 0x7fffff, 0x18, "division underflow" },
    { "fmadd_s", 0x0, 0x3f7ff800, 0x800400, 0x80000000, 0x800000, 0x18, "fused underflow to smallest normal" },
    /* min/max */
    { "fmax_s", 0x0, 0x0, 0x80000000, 0x0, 0x0, 0x0, "max(+0, -0) = +0" },
    { "fmax_s", 0x0, 0x80000000, 0x0, 0x0, 0x0, 0x0, "max(-0, +0) = +0" },
    { "fmin_s", 0x0, 0x0, 0x80000000, 0x0, 0x80000000, 0x0, "min(+0, -0) = -0" },
    { "fmin_s", 0x0, 0x80000000, 0x0, 0x0, 0x80000000, 0x0, "min(-0, +0) = -0" },
    { "fmax_s", 0x0, 0x7fc00001, 0x3f800000, 0x0, 0x7fc00001, 0x0, "FMAX returns the NaN" },
    { "fmaxnm_s", 0x0, 0x7fc00001, 0x3f800000, 0x0, 0x3f800000, 0x0, "FMAXNM ignores one qNaN" },
    { "fminnm_s", 0x0, 0x3f800000, 0xffc00001, 0x0, 0x3f800000, 0x0, "FMINNM ignores one qNaN" },
    { "fmaxnm_s", 0x0, 0x7f800001, 0x3f800000, 0x0, 0x7fc00001, 0x1, "FMAXNM: sNaN still wins, IOC" },
    { "fmaxnm_s", 0x0, 0x7fc00001, 0x7fc00002, 0x0, 0x7fc00001, 0x0, "FMAXNM two qNaNs: the first" },
    { "fmaxnm_d", 0x0, 0xfff8000000000000, 0xfff0000000000000, 0x0, 0xfff0000000000000, 0x0, "FMAXNM(qNaN, -inf) = -inf" },
    { "fmax_s", 0x1000000, 0x400000, 0x80000000, 0x0, 0x0, 0x80, "FZ: max(denormal, -0) = +0, IDC" },
    { "fmin_d", 0x0, 0x8000000000000001, 0x1, 0x0, 0x8000000000000001, 0x0, "denormals compare" },
    /* compare */
    { "fcmp_s", 0x0, 0x3f800000, 0x40000000, 0x0, 0x8, 0x0, "less" },
    { "fcmp_s", 0x0, 0x40000000, 0x40000000, 0x0, 0x6, 0x0, "equal" },
    { "fcmp_s", 0x0, 0x40000000, 0x3f800000, 0x0, 0x2, 0x0, "greater" },
    { "fcmp_s", 0x0, 0x0, 0x80000000, 0x0, 0x6, 0x0, "+0 == -0" },
    { "fcmp_s", 0x0, 0x7fc00000, 0x3f800000, 0x0, 0x3, 0x0, "unordered, quiet: no IOC" },
    { "fcmpe_s", 0x0, 0x7fc00000, 0x3f800000, 0x0, 0x3, 0x1, "FCMPE: IOC for a quiet NaN" },
    { "fcmp_d", 0x0, 0x7ff0000000000001, 0x0, 0x0, 0x3, 0x1, "FCMP: IOC for a signalling NaN" },
    { "fcmp_d", 0x1000000, 0x1, 0x8000000000000000, 0x0, 0x6, 0x80, "FZ: denormal equals -0, IDC" },
    { "fcmeq_s", 0x0, 0x7fc00000, 0x7fc00000, 0x0, 0x0, 0x0, "FCMEQ NaN: false, no IOC" },
    { "fcmge_s", 0x0, 0x7fc00000, 0x3f800000, 0x0, 0x0, 0x1, "FCMGE NaN: false, IOC" },
    { "fcmgt_d", 0x0, 0x4000000000000000, 0x3ff0000000000000, 0x0, 0xffffffffffffffff, 0x0, "FCMGT true" },
    { "facgt_s", 0x0, 0xc0000000, 0x3f800000, 0x0, 0xffffffff, 0x0, "FACGT |-2| > |1|" },
    { "facge_d", 0x0, 0x8000000000000000, 0x0, 0x0, 0xffffffffffffffff, 0x0, "FACGE |-0| >= |0|" },
    /* precision conversions */
    { "fcvt_ds", 0x0, 0x3ff0000010000000, 0x0, 0x0, 0x3f800000, 0x10, "double to single, tie to even" },
    { "fcvt_ds", 0x0, 0x3ff0000030000000, 0x0, 0x0, 0x3f800002, 0x10, "double to single, tie up" },
    { "fcvt_ds", 0x0, 0x7e37e43c8800759c, 0x0, 0x0, 0x7f800000, 0x14, "1e300: overflow" },
    { "fcvt_ds", 0xc00000, 0x7e37e43c8800759c, 0x0, 0x0, 0x7f7fffff, 0x14, "1e300 RZ: max" },
    { "fcvt_ds", 0x0, 0x3800000000000000, 0x0, 0x0, 0x400000, 0x0, "2^-127: denormal single, exact" },
    { "fcvt_ds", 0x0, 0x3690000000000000, 0x0, 0x0, 0x0, 0x18, "2^-150: tie to zero, UFC IXC" },
    { "fcvt_ds", 0x1000000, 0x3800000000000000, 0x0, 0x0, 0x0, 0x8, "FZ: denormal single result flushed" },
    { "fcvt_ds", 0x0, 0x7ff0000000000001, 0x0, 0x0, 0x7fc00000, 0x1, "sNaN payload truncated, quieted" },
    { "fcvt_ds", 0x0, 0x7ff4000020000000, 0x0, 0x0, 0x7fe00001, 0x1, "sNaN with payload in the top bits" },
    { "fcvt_sd", 0x0, 0x7f800001, 0x0, 0x0, 0x7ff8000020000000, 0x1, "sNaN widened, quieted" },
    { "fcvt_sd", 0x0, 0x1, 0x0, 0x0, 0x36a0000000000000, 0x0, "smallest single denormal is a normal double" },
    { "fcvt_sd", 0x1000000, 0x1, 0x0, 0x0, 0x0, 0x80, "FZ flushes the single input, IDC" },
    { "fcvt_sh", 0x0, 0x477ff000, 0x0, 0x0, 0x7c00, 0x14, "65520: overflows half" },
    { "fcvt_sh", 0x0, 0x477fe000, 0x0, 0x0, 0x7bff, 0x0, "65504: half max" },
    { "fcvt_sh", 0x0, 0x33800000, 0x0, 0x0, 0x1, 0x0, "2^-24: smallest half denormal" },
    { "fcvt_sh", 0x1000000, 0x33800000, 0x0, 0x0, 0x1, 0x0, "FZ does not flush half results" },
    { "fcvt_sh", 0x0, 0x33000000, 0x0, 0x0, 0x0, 0x18, "2^-25: tie to zero" },
    { "fcvt_sh", 0x4000000, 0x7f800000, 0x0, 0x0, 0x7fff, 0x1, "AHP: infinity saturates, IOC" },
    { "fcvt_sh", 0x4000000, 0x7fc00000, 0x0, 0x0, 0x0, 0x1, "AHP: NaN becomes 0, IOC" },
    { "fcvt_sh", 0x4000000, 0x47800000, 0x0, 0x0, 0x7c00, 0x0, "AHP: 65536 is representable" },
    { "fcvt_sh", 0x4000000, 0x48000000, 0x0, 0x0, 0x7fff, 0x1, "AHP: 131072 overflows, IOC not OFC" },
    { "fcvt_hs", 0x0, 0x7c00, 0x0, 0x0, 0x7f800000, 0x0, "half infinity" },
    { "fcvt_hs", 0x4000000, 0x7c00, 0x0, 0x0, 0x47800000, 0x0, "AHP: exponent 31 is a number" },
    { "fcvt_hs", 0x0, 0x7d00, 0x0, 0x0, 0x7fe00000, 0x1, "half sNaN" },
    { "fcvt_hs", 0x1000000, 0x1, 0x0, 0x0, 0x33800000, 0x0, "half denormal: never flushed" },
    { "fcvt_dh", 0x0, 0x3f10000000000000, 0x0, 0x0, 0x400, 0x0, "double 2^-14 is the smallest normal half" },
    { "fcvt_hd", 0x0, 0xfe01, 0x0, 0x0, 0xfff8040000000000, 0x0, "half qNaN to double" },
    { "fcvtxn", 0x0, 0x3ff0000040000000, 0x0, 0x0, 0x3f800002, 0x0, "FCVTXN rounds to odd" },
    { "fcvtxn", 0x0, 0x3ff0000000000000, 0x0, 0x0, 0x3f800000, 0x0, "FCVTXN exact" },
    { "fcvtxn", 0x0, 0x7fefffffffffffff, 0x0, 0x0, 0x7f7fffff, 0x14, "FCVTXN overflow: max, not inf" },
    /* float -> int */
    { "fcvtzs_ws", 0x0, 0x4f000000, 0x0, 0x0, 0x7fffffff, 0x1, "2^31 saturates" },
    { "fcvtzs_ws", 0x0, 0xcf000000, 0x0, 0x0, 0x80000000, 0x0, "-2^31 fits" },
    { "fcvtzs_wd", 0x0, 0xc1e0000000200000, 0x0, 0x0, 0x80000000, 0x1, "-2^31 - 1 saturates" },
    { "fcvtzs_wd", 0x0, 0xc1e00000001fffff, 0x0, 0x0, 0x80000000, 0x10, "-2^31 - 0.99 truncates into range, IXC" },
    { "fcvtzs_ws", 0x0, 0x7fc00000, 0x0, 0x0, 0x0, 0x1, "NaN -> 0, IOC" },
    { "fcvtzs_xd", 0x0, 0xfff0000000000000, 0x0, 0x0, 0x8000000000000000, 0x1, "-inf saturates" },
    { "fcvtzu_ws", 0x0, 0xbf000000, 0x0, 0x0, 0x0, 0x10, "-0.5 -> 0, inexact only" },
    { "fcvtzu_ws", 0x0, 0xbf800000, 0x0, 0x0, 0x0, 0x1, "-1 -> 0, IOC" },
    { "fcvtzu_xd", 0x0, 0x43f0000000000000, 0x0, 0x0, 0xffffffffffffffff, 0x1, "2^64 saturates" },
    { "fcvtzu_xd", 0x0, 0x43efffffffffffff, 0x0, 0x0, 0xfffffffffffff800, 0x0, "largest double below 2^64" },
    { "fcvtns_ws", 0x0, 0x3fc00000, 0x0, 0x0, 0x2, 0x10, "1.5 -> 2" },
    { "fcvtns_ws", 0x0, 0x40200000, 0x0, 0x0, 0x2, 0x10, "2.5 -> 2" },
    { "fcvtns_ws", 0x0, 0xc0200000, 0x0, 0x0, 0xfffffffe, 0x10, "-2.5 -> -2" },
    { "fcvtas_wd", 0x0, 0x4004000000000000, 0x0, 0x0, 0x3, 0x10, "2.5 -> 3" },
    { "fcvtas_wd", 0x0, 0xc004000000000000, 0x0, 0x0, 0xfffffffd, 0x10, "-2.5 -> -3" },
    { "fcvtau_xs", 0x0, 0x3f000000, 0x0, 0x0, 0x1, 0x10, "0.5 -> 1" },
    { "fcvtms_wd", 0x0, 0xbfe0000000000000, 0x0, 0x0, 0xffffffff, 0x10, "-0.5 -> -1" },
    { "fcvtmu_xs", 0x0, 0xbf000000, 0x0, 0x0, 0x0, 0x1, "-0.5 -> -1 saturates to 0, IOC" },
    { "fcvtps_xs", 0x0, 0x3f000000, 0x0, 0x0, 0x1, 0x10, "0.5 -> 1" },
    { "fcvtps_xs", 0x0, 0xbf000000, 0x0, 0x0, 0x0, 0x10, "-0.5 -> 0" },
    { "fcvtpu_wd", 0x0, 0x41efffffffe00000, 0x0, 0x0, 0xffffffff, 0x0, "2^32 - 1 exact" },
    { "fcvtpu_wd", 0x0, 0x41effffffff00000, 0x0, 0x0, 0xffffffff, 0x1, "2^32 - 0.5 rounds up out of range" },
    { "fcvtzs_ws5", 0x0, 0x3fc00000, 0x0, 0x0, 0x30, 0x0, "1.5 * 2^5" },
    { "fcvtzs_ws5", 0x0, 0x4b800000, 0x0, 0x0, 0x20000000, 0x0, "2^24 * 2^5 fits" },
    { "fcvtzs_ws5", 0x0, 0x4c800000, 0x0, 0x0, 0x7fffffff, 0x1, "2^26 * 2^5 saturates" },
    { "fcvtzu_xd40", 0x0, 0x3ff8000000000000, 0x0, 0x0, 0x18000000000, 0x0, "1.5 * 2^40" },
    { "fcvtzs_xd64", 0x0, 0xbfe0000000000000, 0x0, 0x0, 0x8000000000000000, 0x0, "-0.5 * 2^64 = -2^63" },
    { "fcvtzs_xd64", 0x0, 0x3fe0000000000000, 0x0, 0x0, 0x7fffffffffffffff, 0x1, "0.5 * 2^64 saturates" },
    { "fcvtzu_ws32", 0x0, 0x3f7fffff, 0x0, 0x0, 0xffffff00, 0x0, "(1 - 2^-24) * 2^32" },
    { "fcvtzs_ws", 0x1000000, 0x80000001, 0x0, 0x0, 0x0, 0x80, "FZ: denormal input, IDC and no IXC" },
    { "fcvtzs_ws", 0x0, 0x80000001, 0x0, 0x0, 0x0, 0x10, "denormal input: IXC" },
    /* int -> float */
    { "scvtf_dx", 0x0, 0x7fffffffffffffff, 0x0, 0x0, 0x43e0000000000000, 0x10, "INT64_MAX rounds to 2^63" },
    { "scvtf_dx", 0xc00000, 0x7fffffffffffffff, 0x0, 0x0, 0x43dfffffffffffff, 0x10, "RZ" },
    { "scvtf_sx", 0x0, 0x8000000000000000, 0x0, 0x0, 0xdf000000, 0x0, "INT64_MIN exact" },
    { "ucvtf_sx", 0x0, 0xffffffffffffffff, 0x0, 0x0, 0x5f800000, 0x10, "UINT64_MAX rounds to 2^64" },
    { "ucvtf_sx", 0xc00000, 0xffffffffffffffff, 0x0, 0x0, 0x5f7fffff, 0x10, "RZ" },
    { "scvtf_sw", 0x0, 0xffffffff, 0x0, 0x0, 0xbf800000, 0x0, "W source sign-extended: -1" },
    { "ucvtf_dw", 0x0, 0xffffffff, 0x0, 0x0, 0x41efffffffe00000, 0x0, "W source zero-extended" },
    { "scvtf_sw", 0x0, 0x1000001, 0x0, 0x0, 0x4b800000, 0x10, "2^24 + 1 tie to even" },
    { "scvtf_sw", 0x400000, 0x1000001, 0x0, 0x0, 0x4b800001, 0x10, "2^24 + 1 RP" },
    { "scvtf_sw7", 0x0, 0x80, 0x0, 0x0, 0x3f800000, 0x0, "128 / 2^7 = 1" },
    { "scvtf_sw7", 0x0, 0xffffffff, 0x0, 0x0, 0xbc000000, 0x0, "-1 / 2^7" },
    { "ucvtf_dx64", 0x0, 0x1, 0x0, 0x0, 0x3bf0000000000000, 0x0, "1 / 2^64" },
    { "scvtf_dx", 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, "zero is +0" },
    /* round to integral */
    { "frintn_s", 0x0, 0x40200000, 0x0, 0x0, 0x40000000, 0x0, "2.5 -> 2" },
    { "frinta_s", 0x0, 0x40200000, 0x0, 0x0, 0x40400000, 0x0, "2.5 -> 3" },
    { "frintn_s", 0x0, 0xbf000000, 0x0, 0x0, 0x80000000, 0x0, "-0.5 -> -0" },
    { "frintp_s", 0x0, 0xbf000000, 0x0, 0x0, 0x80000000, 0x0, "-0.5 -> -0" },
    { "frintm_s", 0x0, 0x3f000000, 0x0, 0x0, 0x0, 0x0, "0.5 -> +0" },
    { "frintm_s", 0x0, 0xbf000000, 0x0, 0x0, 0xbf800000, 0x0, "-0.5 -> -1" },
    { "frintz_d", 0x0, 0xc00c000000000000, 0x0, 0x0, 0xc008000000000000, 0x0, "-3.5 -> -3" },
    { "frintx_s", 0x0, 0x3fc00000, 0x0, 0x0, 0x40000000, 0x10, "FRINTX 1.5: IXC" },
    { "frinti_s", 0x0, 0x3fc00000, 0x0, 0x0, 0x40000000, 0x0, "FRINTI 1.5: no IXC" },
    { "frinti_s", 0x800000, 0x3fc00000, 0x0, 0x0, 0x3f800000, 0x0, "FRINTI 1.5 in RM" },
    { "frintx_d", 0x0, 0x4330000000000001, 0x0, 0x0, 0x4330000000000001, 0x0, "large value already integral" },
    { "frintz_s", 0x0, 0x7f800001, 0x0, 0x0, 0x7fc00001, 0x1, "sNaN quieted" },
    { "frintp_s", 0x0, 0x1, 0x0, 0x0, 0x3f800000, 0x0, "denormal up to 1" },
    { "frintp_s", 0x1000000, 0x1, 0x0, 0x0, 0x0, 0x80, "FZ: denormal is 0, IDC" },
    { "frint32z_s", 0x0, 0x4f000000, 0x0, 0x0, 0xcf000000, 0x1, "2^31 out of range" },
    { "frint32z_d", 0x0, 0xc1e00000001fffff, 0x0, 0x0, 0xc1e0000000000000, 0x10, "-2^31 - 0.99 -> -2^31, IXC" },
    { "frint32z_d", 0x0, 0xc1e0000000200000, 0x0, 0x0, 0xc1e0000000000000, 0x1, "-2^31 - 1 out of range" },
    { "frint32x_s", 0x0, 0x3fc00000, 0x0, 0x0, 0x40000000, 0x10, "1.5 -> 2, IXC" },
    { "frint64x_d", 0x0, 0x43e158e460913d00, 0x0, 0x0, 0xc3e0000000000000, 0x1, "1e19 out of range" },
    { "frint64z_s", 0x0, 0x7fc00000, 0x0, 0x0, 0xdf000000, 0x1, "NaN -> -2^63, IOC" },
    { "frint64z_s", 0x0, 0xdf000000, 0x0, 0x0, 0xdf000000, 0x0, "-2^63 fits" },
    { "frint32z_s", 0x0, 0x80000000, 0x0, 0x0, 0x80000000, 0x0, "-0 stays" },
    /* FJCVTZS */
    { "fjcvtzs", 0x0, 0x3ff0000000000000, 0x0, 0x0, 0x400000001, 0x0, "1.0 -> 1, Z" },
    { "fjcvtzs", 0x0, 0x41f0000000500000, 0x0, 0x0, 0x5, 0x1, "2^32 + 5 -> 5, IOC" },
    { "fjcvtzs", 0x0, 0x8000000000000000, 0x0, 0x0, 0x0, 0x0, "-0 -> 0, not Z" },
    { "fjcvtzs", 0x0, 0xbff8000000000000, 0x0, 0x0, 0xffffffff, 0x10, "-1.5 -> -1, IXC" },
    { "fjcvtzs", 0x0, 0x7ff8000000000000, 0x0, 0x0, 0x0, 0x1, "NaN -> 0, IOC" },
    { "fjcvtzs", 0x0, 0x7ff0000000000000, 0x0, 0x0, 0x0, 0x1, "inf -> 0, IOC" },
    { "fjcvtzs", 0x0, 0x41e0000000000000, 0x0, 0x0, 0x80000000, 0x1, "2^31 wraps, IOC" },
    { "fjcvtzs", 0x0, 0xc1e0000000000000, 0x0, 0x0, 0x480000000, 0x0, "-2^31 exact, Z" },
    { "fjcvtzs", 0x0, 0x4540000000000001, 0x0, 0x0, 0x0, 0x1, "2^85 + 2^33: low bits zero, IOC" },
    /* estimates and steps */
    { "frecpe_s", 0x0, 0x3f800000, 0x0, 0x0, 0x3f7f8000, 0x0, "1/1" },
    { "frecpe_s", 0x0, 0x40400000, 0x0, 0x0, 0x3eaa8000, 0x0, "1/3" },
    { "frecpe_s", 0x0, 0x0, 0x0, 0x0, 0x7f800000, 0x2, "1/+0: inf, DZC" },
    { "frecpe_s", 0x0, 0x1, 0x0, 0x0, 0x7f800000, 0x14, "1/tiny: overflow" },
    { "frecpe_s", 0xc00000, 0x80000001, 0x0, 0x0, 0xff7fffff, 0x14, "1/tiny RZ: -max" },
    { "frecpe_s", 0x1000000, 0x7f000000, 0x0, 0x0, 0x0, 0x8, "FZ: 1/2^127 flushed, UFC" },
    { "frecpe_s", 0x0, 0x7f000000, 0x0, 0x0, 0x3fe000, 0x0, "1/2^127 is a denormal" },
    { "frecpe_s", 0x0, 0x300000, 0x0, 0x0, 0x7f2a8000, 0x0, "denormal input" },
    { "frecpe_d", 0x0, 0x3ff8000000000000, 0x0, 0x0, 0x3fe5500000000000, 0x0, "1/1.5 double" },
    { "frsqrte_s", 0x0, 0x40800000, 0x0, 0x0, 0x3eff8000, 0x0, "1/sqrt(4)" },
    { "frsqrte_s", 0x0, 0x40000000, 0x0, 0x0, 0x3f348000, 0x0, "1/sqrt(2)" },
    { "frsqrte_s", 0x0, 0xbf800000, 0x0, 0x0, 0x7fc00000, 0x1, "negative: default NaN, IOC" },
    { "frsqrte_s", 0x0, 0x80000000, 0x0, 0x0, 0xff800000, 0x2, "-0: -inf, DZC" },
    { "frsqrte_s", 0x0, 0x7f800000, 0x0, 0x0, 0x0, 0x0, "inf: +0" },
    { "frsqrte_s", 0x0, 0x1, 0x0, 0x0, 0x64b48000, 0x0, "smallest denormal" },
    { "frsqrte_d", 0x0, 0x3fd5555555555555, 0x0, 0x0, 0x3ffbc00000000000, 0x0, "1/sqrt(1/3) double" },
    { "frecps_s", 0x0, 0x7f800000, 0x0, 0x0, 0x40000000, 0x0, "FRECPS inf * 0: 2" },
    { "frecps_s", 0x0, 0x40000000, 0x3f000000, 0x0, 0x3f800000, 0x0, "FRECPS 2 - 2 * 0.5 = 1" },
    { "frecps_s", 0x0, 0x7fc00001, 0x3f800000, 0x0, 0xffc00001, 0x0, "FRECPS negates a NaN op1" },
    { "frsqrts_s", 0x0, 0x0, 0xff800000, 0x0, 0x3fc00000, 0x0, "FRSQRTS 0 * inf: 1.5" },
    { "frsqrts_s", 0x0, 0x3f800000, 0x3f800000, 0x0, 0x3f800000, 0x0, "FRSQRTS (3 - 1) / 2 = 1" },
    { "frsqrts_d", 0x0, 0x800000000000001, 0x800000000000001, 0x0, 0x3ff8000000000000, 0x10, "FRSQRTS tiny * tiny" },
    { "frecpx_s", 0x0, 0x40000000, 0x0, 0x0, 0x3f800000, 0x0, "FRECPX 2" },
    { "frecpx_s", 0x0, 0x1, 0x0, 0x0, 0x7f000000, 0x0, "FRECPX denormal" },
    { "frecpx_d", 0x0, 0xfff0000000000000, 0x0, 0x0, 0x8000000000000000, 0x0, "FRECPX -inf" },
    { "fjcvtzs", 0x1000000, 0x1, 0x0, 0x0, 0x0, 0x80, "FZ: a flushed positive denormal is not exact (QEMU 7.2 sets Z; fixed upstream, QEMU issue 2375)" },    /* Operands well inside the range: fpu-host.c's fast paths (IEEE results) */
    { "fadd_d", 0x0, 0x4008000000000000, 0x3fb999999999999a, 0x0, 0x4008cccccccccccd, 0x10, "in range: host fast path" },
    { "fsub_d", 0x0, 0x4008000000000000, 0x3fb999999999999a, 0x0, 0x4007333333333333, 0x10, "in range: host fast path" },
    { "fmul_d", 0x0, 0x4008000000000000, 0x3fb999999999999a, 0x0, 0x3fd3333333333334, 0x10, "in range: host fast path" },
    { "fdiv_d", 0x0, 0x4008000000000000, 0x3fb999999999999a, 0x0, 0x403e000000000000, 0x10, "in range: host fast path" },
    { "fmadd_d", 0x0, 0x4008000000000000, 0x3fb999999999999a, 0x3ff8000000000000, 0x3ffccccccccccccd, 0x10, "in range: host fast path" },
    { "fadd_s", 0x0, 0x40400000, 0x3dcccccd, 0x0, 0x40466666, 0x10, "in range: host fast path" },
    { "fsub_s", 0x0, 0x40400000, 0x3dcccccd, 0x0, 0x4039999a, 0x10, "in range: host fast path" },
    { "fmul_s", 0x0, 0x40400000, 0x3dcccccd, 0x0, 0x3e99999a, 0x10, "in range: host fast path" },
    { "fdiv_s", 0x0, 0x40400000, 0x3dcccccd, 0x0, 0x41f00000, 0x10, "in range: host fast path" },
    { "fadd_d", 0x0, 0x3fb999999999999a, 0x4008000000000000, 0x0, 0x4008cccccccccccd, 0x10, "in range: host fast path" },
    { "fsub_d", 0x0, 0x3fb999999999999a, 0x4008000000000000, 0x0, 0xc007333333333333, 0x10, "in range: host fast path" },
    { "fmul_d", 0x0, 0x3fb999999999999a, 0x4008000000000000, 0x0, 0x3fd3333333333334, 0x10, "in range: host fast path" },
    { "fdiv_d", 0x0, 0x3fb999999999999a, 0x4008000000000000, 0x0, 0x3fa1111111111111, 0x10, "in range: host fast path" },
    { "fmadd_d", 0x0, 0x3fb999999999999a, 0x4008000000000000, 0x3ff8000000000000, 0x3ffccccccccccccd, 0x10, "in range: host fast path" },
    { "fadd_s", 0x0, 0x3dcccccd, 0x40400000, 0x0, 0x40466666, 0x10, "in range: host fast path" },
    { "fsub_s", 0x0, 0x3dcccccd, 0x40400000, 0x0, 0xc039999a, 0x10, "in range: host fast path" },
    { "fmul_s", 0x0, 0x3dcccccd, 0x40400000, 0x0, 0x3e99999a, 0x10, "in range: host fast path" },
    { "fdiv_s", 0x0, 0x3dcccccd, 0x40400000, 0x0, 0x3d088889, 0x10, "in range: host fast path" },
    { "fadd_d", 0x0, 0xc01d000000000000, 0x3fd5555555555555, 0x0, 0xc01baaaaaaaaaaab, 0x10, "in range: host fast path" },
    { "fsub_d", 0x0, 0xc01d000000000000, 0x3fd5555555555555, 0x0, 0xc01e555555555555, 0x10, "in range: host fast path" },
    { "fmul_d", 0x0, 0xc01d000000000000, 0x3fd5555555555555, 0x0, 0xc003555555555555, 0x10, "in range: host fast path" },
    { "fdiv_d", 0x0, 0xc01d000000000000, 0x3fd5555555555555, 0x0, 0xc035c00000000000, 0x10, "in range: host fast path" },
    { "fmadd_d", 0x0, 0xc01d000000000000, 0x3fd5555555555555, 0x3ff8000000000000, 0xbfed555555555554, 0x10, "in range: host fast path" },
    { "fadd_s", 0x0, 0xc0e80000, 0x3eaaaaab, 0x0, 0xc0dd5555, 0x10, "in range: host fast path" },
    { "fsub_s", 0x0, 0xc0e80000, 0x3eaaaaab, 0x0, 0xc0f2aaab, 0x10, "in range: host fast path" },
    { "fmul_s", 0x0, 0xc0e80000, 0x3eaaaaab, 0x0, 0xc01aaaab, 0x10, "in range: host fast path" },
    { "fdiv_s", 0x0, 0xc0e80000, 0x3eaaaaab, 0x0, 0xc1ae0000, 0x10, "in range: host fast path" },
    { "fadd_d", 0x0, 0x4202a05f20000000, 0xbf647ae147ae147b, 0x0, 0x4202a05f1ffffae1, 0x10, "in range: host fast path" },
    { "fsub_d", 0x0, 0x4202a05f20000000, 0xbf647ae147ae147b, 0x0, 0x4202a05f2000051f, 0x10, "in range: host fast path" },
    { "fmul_d", 0x0, 0x4202a05f20000000, 0xbf647ae147ae147b, 0x0, 0xc177d78400000000, 0x10, "in range: host fast path" },
    { "fdiv_d", 0x0, 0x4202a05f20000000, 0xbf647ae147ae147b, 0x0, 0xc28d1a94a2000000, 0x10, "in range: host fast path" },
    { "fmadd_d", 0x0, 0x4202a05f20000000, 0xbf647ae147ae147b, 0x3ff8000000000000, 0xc177d783e8000000, 0x10, "in range: host fast path" },
    { "fadd_s", 0x0, 0x501502f9, 0xbb23d70a, 0x0, 0x501502f9, 0x10, "in range: host fast path" },
    { "fsub_s", 0x0, 0x501502f9, 0xbb23d70a, 0x0, 0x501502f9, 0x10, "in range: host fast path" },
    { "fmul_s", 0x0, 0x501502f9, 0xbb23d70a, 0x0, 0xcbbebc20, 0x10, "in range: host fast path" },
    { "fdiv_s", 0x0, 0x501502f9, 0xbb23d70a, 0x0, 0xd468d4a5, 0x10, "in range: host fast path" },
    { "fsqrt_d", 0x0, 0x4000000000000000, 0x0, 0x0, 0x3ff6a09e667f3bcd, 0x10, "in range: host fast path" },
    { "fsqrt_s", 0x0, 0x40000000, 0x0, 0x0, 0x3fb504f3, 0x10, "in range: host fast path" },
    { "fsqrt_d", 0x0, 0x4030000000000000, 0x0, 0x0, 0x4010000000000000, 0x0, "in range: host fast path" },
    { "fsqrt_s", 0x0, 0x41800000, 0x0, 0x0, 0x40800000, 0x0, "in range: host fast path" },
    { "fsqrt_d", 0x0, 0x3fb999999999999a, 0x0, 0x0, 0x3fd43d136248490f, 0x10, "in range: host fast path" },
    { "fsqrt_s", 0x0, 0x3dcccccd, 0x0, 0x0, 0x3ea1e89b, 0x10, "in range: host fast path" },
    /* Half precision (FEAT_FP16): 1 + 2^-11 is a tie */
    { "fadd_h", 0x0, 0x3c00, 0x1000, 0x0, 0x3c00, 0x10, "half RN tie to even" },
    { "fadd_h", 0x400000, 0x3c00, 0x1000, 0x0, 0x3c01, 0x10, "half RP" },
    { "fadd_h", 0x800000, 0x3c00, 0x1000, 0x0, 0x3c00, 0x10, "half RM" },
    { "fadd_h", 0xc00000, 0xbc00, 0x9000, 0x0, 0xbc00, 0x10, "half RZ negative" },
    { "fadd_h", 0x0, 0x3c01, 0x1000, 0x0, 0x3c02, 0x10, "half RN tie to even, up" },
    { "fadd_h", 0x800000, 0x3c00, 0xbc00, 0x0, 0x8000, 0x0, "half x - x in RM is -0" },
    { "fsub_h", 0x0, 0x3c00, 0x3c00, 0x0, 0x0, 0x0, "half x - x in RN is +0" },
    { "fadd_h", 0x0, 0x7e01, 0x7d00, 0x0, 0x7f00, 0x1, "half sNaN second wins, quieted" },
    { "fadd_h", 0x2000000, 0x7e01, 0x3c00, 0x0, 0x7e00, 0x0, "half DN: default NaN" },
    { "fmul_h", 0x0, 0x7c00, 0x8000, 0x0, 0x7e00, 0x1, "half inf * -0" },
    { "fmul_h", 0x0, 0x7bff, 0x4000, 0x0, 0x7c00, 0x14, "half RN overflow to inf" },
    { "fmul_h", 0xc00000, 0x7bff, 0x4000, 0x0, 0x7bff, 0x14, "half RZ overflow to max" },
    { "fmul_h", 0x800000, 0xfbff, 0x4000, 0x0, 0xfc00, 0x14, "half RM negative overflow to -inf" },
    { "fmul_h", 0x0, 0x0400, 0x3800, 0x0, 0x0200, 0x0, "half exact denormal: no flags" },
    { "fmul_h", 0x80000, 0x0400, 0x3800, 0x0, 0x0, 0x8, "FZ16: denormal result flushed, UFC" },
    { "fmul_h", 0x0, 0x3bff, 0x0400, 0x0, 0x0400, 0x18, "half tiny before rounding, rounds to the smallest normal: UFC" },
    { "fmul_h", 0x80000, 0x3bff, 0x0400, 0x0, 0x0, 0x8, "FZ16: flushed, UFC only" },
    { "fmul_h", 0x1000000, 0x3bff, 0x0400, 0x0, 0x0400, 0x18, "FZ alone does not flush half" },
    { "fmul_h", 0x0, 0x0001, 0x3800, 0x0, 0x0, 0x18, "smallest half denormal / 2: ties to zero" },
    { "fadd_h", 0x80000, 0x0001, 0x0, 0x0, 0x0, 0x0, "FZ16: denormal input flushed without IDC" },
    { "fadd_h", 0x1000000, 0x0001, 0x0, 0x0, 0x0001, 0x0, "FZ alone keeps a half denormal" },
    { "fmax_h", 0x80000, 0x8001, 0x0, 0x0, 0x0, 0x0, "FZ16: max(-denormal, +0) = +0, no IDC" },
    { "fcmp_h", 0x80000, 0x0001, 0x8000, 0x0, 0x6, 0x0, "FZ16: denormal equals -0, no IDC" },
    { "fcmp_h", 0x0, 0x7e00, 0x3c00, 0x0, 0x3, 0x0, "half unordered" },
    { "fcmge_h", 0x0, 0x7e00, 0x3c00, 0x0, 0x0, 0x1, "half FCMGE NaN: IOC" },
    { "facgt_h", 0x0, 0xc000, 0x3c00, 0x0, 0xffff, 0x0, "half FACGT |-2| > |1|" },
    { "fminnm_h", 0x0, 0x7e00, 0xbc00, 0x0, 0xbc00, 0x0, "half FMINNM ignores one qNaN" },
    { "fdiv_h", 0x0, 0x3c00, 0x4200, 0x0, 0x3555, 0x10, "half 1/3" },
    { "fdiv_h", 0x400000, 0x3c00, 0x4200, 0x0, 0x3556, 0x10, "half 1/3 RP" },
    { "fdiv_h", 0x0, 0xbc00, 0x0, 0x0, 0xfc00, 0x2, "half -1/0: DZC" },
    { "fdiv_h", 0x0, 0x0400, 0x7bff, 0x0, 0x0, 0x18, "half tiny quotient" },
    { "fsqrt_h", 0x0, 0x4000, 0x0, 0x0, 0x3da8, 0x10, "half sqrt(2)" },
    { "fsqrt_h", 0x0, 0xbc00, 0x0, 0x0, 0x7e00, 0x1, "half sqrt(-1)" },
    { "fsqrt_h", 0x800000, 0x8000, 0x0, 0x0, 0x8000, 0x0, "half sqrt(-0)" },
    { "fmadd_h", 0x800000, 0x0001, 0x8001, 0x6800, 0x67ff, 0x10, "2048 - 2^-48 in RM: 2047, where rounding in double first would give 2048" },
    { "fmadd_h", 0x0, 0x0001, 0x8001, 0x6800, 0x6800, 0x10, "2048 - 2^-48 in RN" },
    { "fmadd_h", 0x0, 0x7c00, 0x0, 0x7e05, 0x7e00, 0x1, "half qNaN addend with inf*0: default NaN" },
    { "fmadd_h", 0x0, 0x3c00, 0x3c00, 0xbc00, 0x0, 0x0, "half 1*1 - 1 = +0" },
    { "fmulx_h", 0x0, 0xfc00, 0x0, 0x0, 0xc000, 0x0, "half FMULX -inf * 0 = -2" },
    { "fabd_h", 0x0, 0x3c00, 0x4200, 0x0, 0x4000, 0x0, "half |1 - 3|" },
    { "frecps_h", 0x0, 0x7c00, 0x0, 0x0, 0x4000, 0x0, "half FRECPS inf * 0: 2" },
    { "frecps_h", 0x0, 0x4000, 0x3800, 0x0, 0x3c00, 0x0, "half FRECPS 2 - 2 * 0.5" },
    { "frsqrts_h", 0x0, 0x0, 0xfc00, 0x0, 0x3e00, 0x0, "half FRSQRTS 0 * inf: 1.5" },
    { "frsqrts_h", 0x0, 0x3c00, 0x3c00, 0x0, 0x3c00, 0x0, "half FRSQRTS (3 - 1) / 2" },
    { "frecpe_h", 0x0, 0x3c00, 0x0, 0x0, 0x3bfc, 0x0, "half 1/1 estimate" },
    { "frecpe_h", 0x0, 0x0, 0x0, 0x0, 0x7c00, 0x2, "half 1/+0: DZC" },
    { "frecpe_h", 0x0, 0x0001, 0x0, 0x0, 0x7c00, 0x14, "half 1/2^-24 overflows" },
    { "frecpe_h", 0x80000, 0x7400, 0x0, 0x0, 0x0, 0x8, "FZ16: 1/2^14 flushed, UFC" },
    { "frecpe_h", 0x1000000, 0x7400, 0x0, 0x0, 0x03fe, 0x0, "FZ alone: 1/2^14 is a half denormal" },
    { "frsqrte_h", 0x0, 0x4400, 0x0, 0x0, 0x37fc, 0x0, "half 1/sqrt(4) estimate" },
    { "frsqrte_h", 0x0, 0xbc00, 0x0, 0x0, 0x7e00, 0x1, "half negative: default NaN" },
    { "frecpx_h", 0x0, 0x4000, 0x0, 0x0, 0x3c00, 0x0, "half FRECPX 2" },
    { "frecpx_h", 0x0, 0x8001, 0x0, 0x0, 0xf800, 0x0, "half FRECPX denormal" },
    { "frintn_h", 0x0, 0x4100, 0x0, 0x0, 0x4000, 0x0, "half 2.5 -> 2" },
    { "frinta_h", 0x0, 0x4100, 0x0, 0x0, 0x4200, 0x0, "half 2.5 -> 3" },
    { "frintx_h", 0x0, 0x3e00, 0x0, 0x0, 0x4000, 0x10, "half FRINTX 1.5: IXC" },
    { "frintx_h", 0x80000, 0x8001, 0x0, 0x0, 0x8000, 0x0, "FZ16: denormal rounds as -0, no flags" },
    { "fcvtzs_wh", 0x0, 0x7bff, 0x0, 0x0, 0xffe0, 0x0, "half max to W" },
    { "fcvtzs_hh", 0x0, 0x7bff, 0x0, 0x0, 0x7fff, 0x1, "half max to int16 saturates" },
    { "fcvtzs_hh", 0x0, 0xf800, 0x0, 0x0, 0x8000, 0x0, "-32768 fits int16" },
    { "fcvtnu_hh", 0x0, 0x3e00, 0x0, 0x0, 0x2, 0x10, "half 1.5 -> 2" },
    { "fcvtnu_hh", 0x0, 0xfc00, 0x0, 0x0, 0x0, 0x1, "-inf to uint16: IOC" },
    { "fcvtzu_xh20", 0x0, 0x7bff, 0x0, 0x0, 0xffe000000, 0x0, "65504 * 2^20" },
    { "fcvtzs_wh", 0x80000, 0x8001, 0x0, 0x0, 0x0, 0x0, "FZ16: denormal input, no IXC, no IDC" },
    { "scvtf_hw", 0x0, 65520, 0x0, 0x0, 0x7c00, 0x14, "65520 rounds to 65536: overflow" },
    { "scvtf_hw", 0x0, 65519, 0x0, 0x0, 0x7bff, 0x10, "65519 -> 65504" },
    { "scvtf_hw", 0x0, 0xfffff801, 0x0, 0x0, 0xe7ff, 0x0, "-2047 exact" },
    { "ucvtf_hw24", 0x0, 1, 0x0, 0x0, 0x0001, 0x0, "2^-24 exact" },
    { "ucvtf_hw24", 0x80000, 1, 0x0, 0x0, 0x0, 0x8, "FZ16 flushes a fixed-point conversion's result" },
    /* FEAT_FHM: FPMulAddH */
    { "fmlal", 0x0, 0x3c00, 0x4000, 0x3f800000, 0x40400000, 0x0, "1 + 1 * 2" },
    { "fmlal", 0x0, 0x7d00, 0x3c00, 0x7fc00001, 0x7fe00000, 0x1, "half sNaN op1 beats qNaN addend, widened and quieted" },
    { "fmlal", 0x2000000, 0x7d00, 0x3c00, 0x3f800000, 0x7fc00000, 0x1, "DN: default single NaN" },
    { "fmlal", 0x0, 0x7c00, 0x0, 0x7fc00001, 0x7fc00000, 0x1, "qNaN addend with inf*0: default NaN" },
    { "fmlal", 0x0, 0x0001, 0x3c00, 0x3f800000, 0x3f800000, 0x10, "1 + 2^-24: single tie to even" },
    { "fmlal", 0x400000, 0x0001, 0x3c00, 0x3f800000, 0x3f800001, 0x10, "1 + 2^-24 RP" },
    { "fmlal", 0x80000, 0x0001, 0x3c00, 0x3f800000, 0x3f800000, 0x0, "FZ16 flushes the half operand, no IDC" },
    { "fmlal", 0x1000000, 0x0001, 0x3c00, 0x0, 0x33800000, 0x0, "FZ does not flush a half operand" },
    { "fmlal", 0x1000000, 0x3c00, 0x3c00, 0x1, 0x3f800000, 0x80, "FZ flushes the single addend, IDC" },
};

static FpuCall *find_call(const char *name)
{
    for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
        if (!strcmp(calls[i].name, name))
            return calls[i].fn;
    return NULL;
}

int main(int argc, char **argv)
{
    bool verbose = argc > 1 && !strcmp(argv[1], "-v");
    unsigned pass = 0, fail = 0;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const FpuCase *t = &cases[i];
        FpuCase again;
        bool ok;
        FpuCall *fn = find_call(t->op);
        CPUArm64State env;
        uint64_t r = 0;

        memset(&env, 0, sizeof(env));
        env.fpcr = t->fpcr;
        if (fn)
            r = fn(&env, t->a, t->b, t->c);
        ok = fn && r == t->res && env.fpsr == t->fpsr;
        /* Again with IXC already set (fpu-host.c's sticky fast path). */
        if (ok) {
            env.fpsr = 0x10;
            r = fn(&env, t->a, t->b, t->c);
            ok = r == t->res && env.fpsr == (t->fpsr | 0x10);
            if (!ok) {
                again = *t;
                again.fpsr |= 0x10;
                again.what = "again with IXC set beforehand";
                t = &again;
            }
        }
        if (ok) {
            pass++;
            if (verbose)
                printf("ok   %s %s\n", t->op, t->what);
            continue;
        }
        fail++;
        printf("FAIL %s fpcr=%08x %" PRIx64 " %" PRIx64 " %" PRIx64 " (%s): got %" PRIx64
               " fpsr %02x, want %" PRIx64 " fpsr %02x%s\n", t->op, t->fpcr, t->a, t->b, t->c,
               t->what, r, env.fpsr, t->res, t->fpsr, fn ? "" : " [no such op]");
    }
    printf("%u passed, %u failed\n", pass, fail);
    return fail != 0;
}
