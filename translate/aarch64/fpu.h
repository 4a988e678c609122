/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 floating point, one element at a time, bit-exact to the Arm ARM
 * pseudocode (FPAdd, FPMulAdd, FPRound, FPToFixed, FPRecipEstimate ...).
 * The scalar FP decoder (fp.c, through helper-fp.c) and the SIMD decoders
 * call these from their helpers; nothing here emits IR.
 *
 * Values are raw bit patterns: f16 in the low 16 bits of a uint32_t, f32 in
 * a uint32_t, f64 in a uint64_t; most operations come in the three sizes
 * (fpu_add16/32/64).  Every operation reads FPCR (DN, FZ, FZ16, AHP,
 * RMode) from env->fpcr and ORs the exceptions it raises into the FPSR
 * cumulative bits of env->fpsr; none of them traps (the trap-enable bits of
 * FPCR are ignored, as on cores that do not implement trapping).  FPCR.AH
 * (FEAT_AFP) is not implemented: the AH=0 behaviour is used throughout.
 *
 * NaN rules, as FPProcessNaNs: a signalling NaN operand wins (first one in
 * operand order), returned quieted with IOC raised; otherwise the first quiet
 * NaN; with FPCR.DN the default NaN replaces it.  With FPCR.FZ, denormal
 * inputs read as signed zeros (raising IDC) and results that are tiny before
 * rounding become signed zeros (raising UFC, not IXC).  FPCR.FZ16 does the
 * same for half precision arithmetic, independently of FZ, except that a
 * flushed half input raises no IDC (FPUnpackBase); conversions between
 * precisions never flush a half (FPUnpackCV, FPRoundCV).  FPCR.AHP only
 * affects those conversions.
 *
 * Implementation: fpu-host.c rounds arithmetic on the host FPU (SSE under
 * the operation's rounding mode, with a fast path in round-to-nearest) and
 * fixes up the Arm-specific parts (NaNs, flushing, tininess before
 * rounding) in C; fpu.c does comparisons, conversions, rounding to integral
 * and the estimates in integer C.  Neither allocates; all are thread-safe.
 */
#ifndef GUISE_A64_FPU_H
#define GUISE_A64_FPU_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu.h"

/* FPCR fields (D13.2.48). */
#define FPU_FPCR_AHP      (1u << 26)
#define FPU_FPCR_DN       (1u << 25)
#define FPU_FPCR_FZ       (1u << 24)
#define FPU_FPCR_RMODE_SHIFT 22
#define FPU_FPCR_FZ16     (1u << 19)

/* FPSR cumulative exception bits (D13.2.52). */
#define FPU_FPSR_IOC      (1u << 0)   /* invalid operation */
#define FPU_FPSR_DZC      (1u << 1)   /* divide by zero */
#define FPU_FPSR_OFC      (1u << 2)   /* overflow */
#define FPU_FPSR_UFC      (1u << 3)   /* underflow */
#define FPU_FPSR_IXC      (1u << 4)   /* inexact */
#define FPU_FPSR_IDC      (1u << 7)   /* input denormal */

/* Default NaNs (FPDefaultNaN). */
#define FPU_DNAN16 0x7e00u
#define FPU_DNAN32 0x7fc00000u
#define FPU_DNAN64 0x7ff8000000000000ull

/* Rounding modes.  The first four are FPCR.RMode's encoding. */
typedef enum FpuRounding {
    FPU_RN = 0,   /* to nearest, ties to even */
    FPU_RP = 1,   /* towards +infinity */
    FPU_RM = 2,   /* towards -infinity */
    FPU_RZ = 3,   /* towards zero */
    FPU_RA = 4,   /* to nearest, ties away from zero (FCVTA*, FRINTA) */
    FPU_RO = 5,   /* to odd (FCVTXN); only for narrowing conversions */
} FpuRounding;

/* The rounding mode FPCR selects. */
static inline FpuRounding fpu_fpcr_rmode(const CPUArm64State *env)
{
    return (FpuRounding)((env->fpcr >> FPU_FPCR_RMODE_SHIFT) & 3);
}

/* OR exception bits (FPU_FPSR_*) into FPSR. */
static inline void fpu_raise(CPUArm64State *env, uint32_t flags)
{
    env->fpsr |= flags;
}

/* ---- arithmetic (FPAdd, FPSub, FPMul, FPDiv, FPMulX, FPSqrt) ---- */
uint32_t fpu_add16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_add32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_add64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_sub16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_sub32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_sub64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_mul16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_mul32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_mul64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_div16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_div32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_div64(CPUArm64State *env, uint64_t a, uint64_t b);
/* FMULX: as mul, but infinity * zero gives 2.0 with the product's sign. */
uint32_t fpu_mulx16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_mulx32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_mulx64(CPUArm64State *env, uint64_t a, uint64_t b);
/* FABD: FPAbs(FPSub(a, b)); the sign of a NaN result is cleared too. */
uint32_t fpu_abd16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_abd32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_abd64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_sqrt16(CPUArm64State *env, uint32_t a);
uint32_t fpu_sqrt32(CPUArm64State *env, uint32_t a);
uint64_t fpu_sqrt64(CPUArm64State *env, uint64_t a);

/* FPMulAdd: addend + op1 * op2 with a single rounding.  NaN priority is
 * addend, op1, op2; a quiet NaN addend with op1 * op2 = infinity * zero gives
 * the default NaN and IOC.  FMSUB/FNMADD/FNMSUB/FMLS negate operands first
 * (flip the sign bit, NaNs included) as the Arm ARM does. */
uint32_t fpu_muladd16(CPUArm64State *env, uint32_t addend, uint32_t op1, uint32_t op2);
uint32_t fpu_muladd32(CPUArm64State *env, uint32_t addend, uint32_t op1, uint32_t op2);
uint64_t fpu_muladd64(CPUArm64State *env, uint64_t addend, uint64_t op1, uint64_t op2);

/* ---- min/max (FPMax, FPMin, FPMaxNum, FPMinNum) ----
 * max(+0, -0) = +0 and min(+0, -0) = -0 in either order.  The NM forms treat
 * a single quiet NaN operand as missing. */
uint32_t fpu_max16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_max32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_max64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_min16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_min32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_min64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_maxnm16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_maxnm32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_maxnm64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_minnm16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_minnm32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_minnm64(CPUArm64State *env, uint64_t a, uint64_t b);

/* ---- estimates and Newton-Raphson steps ----
 * recpe/rsqrte: FPRecipEstimate / FPRSqrtEstimate (8-bit tables).
 * recps: 2.0 - op1 * op2, rsqrts: (3.0 - op1 * op2) / 2, each fused, with
 * infinity * zero giving 2.0 / 1.5.  recpx: FRECPX (exponent reciprocal). */
uint32_t fpu_recpe16(CPUArm64State *env, uint32_t a);
uint32_t fpu_recpe32(CPUArm64State *env, uint32_t a);
uint64_t fpu_recpe64(CPUArm64State *env, uint64_t a);
uint32_t fpu_rsqrte16(CPUArm64State *env, uint32_t a);
uint32_t fpu_rsqrte32(CPUArm64State *env, uint32_t a);
uint64_t fpu_rsqrte64(CPUArm64State *env, uint64_t a);
uint32_t fpu_recps16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_recps32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_recps64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_rsqrts16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_rsqrts32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_rsqrts64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_recpx16(CPUArm64State *env, uint32_t a);
uint32_t fpu_recpx32(CPUArm64State *env, uint32_t a);
uint64_t fpu_recpx64(CPUArm64State *env, uint64_t a);

/* ---- comparisons ----
 * fpu_cmp: FPCompare, the NZCV nibble (bit 3 = N): 0110 equal, 1000 less,
 * 0010 greater, 0011 unordered.  IOC for a signalling NaN, or for any NaN
 * when signal_all (FCMPE).
 * cmpeq/ge/gt: FCMEQ/FCMGE/FCMGT masks (all ones when true, else 0); acge/
 * acgt compare absolute values (FACGE/FACGT).  eq raises IOC only for a
 * signalling NaN, the others for any NaN. */
uint32_t fpu_cmp16(CPUArm64State *env, uint32_t a, uint32_t b, bool signal_all);
uint32_t fpu_cmp32(CPUArm64State *env, uint32_t a, uint32_t b, bool signal_all);
uint32_t fpu_cmp64(CPUArm64State *env, uint64_t a, uint64_t b, bool signal_all);
uint32_t fpu_cmpeq16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_cmpeq32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_cmpeq64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_cmpge16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_cmpge32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_cmpge64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_cmpgt16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_cmpgt32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_cmpgt64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_acge16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_acge32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_acge64(CPUArm64State *env, uint64_t a, uint64_t b);
uint32_t fpu_acgt16(CPUArm64State *env, uint32_t a, uint32_t b);
uint32_t fpu_acgt32(CPUArm64State *env, uint32_t a, uint32_t b);
uint64_t fpu_acgt64(CPUArm64State *env, uint64_t a, uint64_t b);

/* ---- floating-point conversions (FPConvert) ----
 * Widening is exact.  Narrowing rounds with rm (FPU_RO for FCVTXN).  f16 is
 * IEEE half, or Arm's alternative half format when FPCR.AHP is set (no
 * infinities or NaNs: NaN -> +-0 and infinity/overflow -> +-max, with IOC).
 * f16 denormals are never flushed (FZ16 does not apply to conversions). */
uint64_t fpu_f32_to_f64(CPUArm64State *env, uint32_t a);
uint32_t fpu_f64_to_f32(CPUArm64State *env, uint64_t a, FpuRounding rm);
uint32_t fpu_f16_to_f32(CPUArm64State *env, uint32_t a);
uint64_t fpu_f16_to_f64(CPUArm64State *env, uint32_t a);
uint32_t fpu_f32_to_f16(CPUArm64State *env, uint32_t a, FpuRounding rm);
uint32_t fpu_f64_to_f16(CPUArm64State *env, uint64_t a, FpuRounding rm);

/* ---- float -> integer (FPToFixed) ----
 * a * 2^fbits rounded with rm (fbits 0 for the integer forms, up to the
 * result width), saturated; NaN gives 0.  Saturation and NaN raise IOC
 * (and not IXC); otherwise an inexact result raises IXC. */
uint64_t fpu_f16_to_fixed(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm,
                          unsigned width, bool is_unsigned);
uint32_t fpu_f32_to_s32(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm);
uint32_t fpu_f32_to_u32(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm);
uint64_t fpu_f32_to_s64(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm);
uint64_t fpu_f32_to_u64(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm);
uint32_t fpu_f64_to_s32(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);
uint32_t fpu_f64_to_u32(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);
uint64_t fpu_f64_to_s64(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);
uint64_t fpu_f64_to_u64(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);

/* FJCVTZS (FPToFixedJS): a toward zero, modulo 2^32.  *z is set when the
 * conversion was exact and in int32 range (and not -0), else cleared. */
uint32_t fpu_fjcvtzs(CPUArm64State *env, uint64_t a, bool *z);

/* ---- integer -> float (FixedToFP) ----
 * a / 2^fbits rounded with rm.  Callers sign- or zero-extend 32-bit
 * sources. */
uint32_t fpu_s64_to_f16(CPUArm64State *env, int64_t a, unsigned fbits, FpuRounding rm);
uint32_t fpu_u64_to_f16(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);
uint32_t fpu_s64_to_f32(CPUArm64State *env, int64_t a, unsigned fbits, FpuRounding rm);
uint32_t fpu_u64_to_f32(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);
uint64_t fpu_s64_to_f64(CPUArm64State *env, int64_t a, unsigned fbits, FpuRounding rm);
uint64_t fpu_u64_to_f64(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm);

/* ---- round to integral ----
 * fpu_frint (FPRoundInt): FRINTN/P/M/Z/A with their mode, FRINTI/X with
 * fpu_fpcr_rmode(); exact (FRINTX) raises IXC when the value changed.
 * fpu_frint_n (FPRoundIntN, FEAT_FRINTTS): FRINT32Z/32X/64Z/64X with
 * intsize 32 or 64; out of range, infinity or NaN gives the most negative
 * integer of that size, with IOC. */
uint32_t fpu_frint16(CPUArm64State *env, uint32_t a, FpuRounding rm, bool exact);
uint32_t fpu_frint32(CPUArm64State *env, uint32_t a, FpuRounding rm, bool exact);
uint64_t fpu_frint64(CPUArm64State *env, uint64_t a, FpuRounding rm, bool exact);
uint32_t fpu_frint_n32(CPUArm64State *env, uint32_t a, FpuRounding rm, unsigned intsize);
uint64_t fpu_frint_n64(CPUArm64State *env, uint64_t a, FpuRounding rm, unsigned intsize);

/* ---- FPMulAddH (FEAT_FHM: FMLAL, FMLSL and their "2" forms) ----
 * addend (single) + op1 * op2 (halves, in the low 16 bits) with a single
 * rounding to single precision; FMLSL negates op1 first.  The halves are
 * unpacked with FZ16, the addend and the result with FZ. */
uint32_t fpu_muladd_h32(CPUArm64State *env, uint32_t addend, uint32_t op1, uint32_t op2);

#endif
