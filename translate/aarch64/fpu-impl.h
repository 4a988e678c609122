/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to the fpu*.c files: the float formats as bit patterns, FPUnpack's
 * flushing and the NaN processing every operation starts with (Arm ARM
 * shared pseudocode, library/float), FPRound's interface, and the macros
 * that define the public H/S/D entry points of fpu.h.  fpu-host.c does
 * the arithmetic that rounds on the host FPU, fpu.c everything done in
 * integer C.
 */
#ifndef GUISE_A64_FPU_IMPL_H
#define GUISE_A64_FPU_IMPL_H

#include "fpu.h"

/* ---- formats ---- */

typedef struct FpuFmt {
    unsigned n, ebits, fbits;   /* width, exponent bits, fraction bits */
} FpuFmt;

static const FpuFmt fmt16 = { 16, 5, 10 };
static const FpuFmt fmt32 = { 32, 8, 23 };
static const FpuFmt fmt64 = { 64, 11, 52 };

static inline uint64_t f_signbit(const FpuFmt *f) { return 1ull << (f->n - 1); }
static inline bool f_sign(const FpuFmt *f, uint64_t x) { return (x >> (f->n - 1)) & 1; }
static inline uint64_t f_frac(const FpuFmt *f, uint64_t x) { return x & ((1ull << f->fbits) - 1); }
static inline unsigned f_emax(const FpuFmt *f) { return (1u << f->ebits) - 1; }
static inline int f_bias(const FpuFmt *f) { return (1 << (f->ebits - 1)) - 1; }
static inline unsigned f_exp(const FpuFmt *f, uint64_t x)
{
    return (unsigned)(x >> f->fbits) & f_emax(f);
}
static inline uint64_t f_mag(const FpuFmt *f, uint64_t x) { return x & (f_signbit(f) - 1); }
static inline uint64_t f_quietbit(const FpuFmt *f) { return 1ull << (f->fbits - 1); }

static inline bool f_is_nan(const FpuFmt *f, uint64_t x)
{
    return f_exp(f, x) == f_emax(f) && f_frac(f, x) != 0;
}
static inline bool f_is_snan(const FpuFmt *f, uint64_t x)
{
    return f_is_nan(f, x) && !(x & f_quietbit(f));
}
static inline bool f_is_qnan(const FpuFmt *f, uint64_t x)
{
    return f_is_nan(f, x) && (x & f_quietbit(f));
}
static inline bool f_is_inf(const FpuFmt *f, uint64_t x)
{
    return f_mag(f, x) == (uint64_t)f_emax(f) << f->fbits;
}
static inline bool f_is_zero(const FpuFmt *f, uint64_t x) { return f_mag(f, x) == 0; }

static inline uint64_t f_zero(const FpuFmt *f, bool sign) { return sign ? f_signbit(f) : 0; }
static inline uint64_t f_inf(const FpuFmt *f, bool sign)
{
    return f_zero(f, sign) | (uint64_t)f_emax(f) << f->fbits;
}
static inline uint64_t f_max_normal(const FpuFmt *f, bool sign)
{
    return f_inf(f, sign) - 1;
}
static inline uint64_t f_dnan(const FpuFmt *f)
{
    return (uint64_t)f_emax(f) << f->fbits | f_quietbit(f);
}
/* 2^e (e in the normal range) with the given sign. */
static inline uint64_t f_pow2(const FpuFmt *f, bool sign, int e)
{
    return f_zero(f, sign) | (uint64_t)(e + f_bias(f)) << f->fbits;
}

/* ---- FPUnpack and NaN processing ---- */

/* FPCR's flush-to-zero control for format f: FZ16 for half precision,
 * FZ for single and double. */
static inline bool fpu_fz(const CPUArm64State *env, const FpuFmt *f)
{
    return (env->fpcr & (f->n == 16 ? FPU_FPCR_FZ16 : FPU_FPCR_FZ)) != 0;
}

/* FPUnpack's input flushing: under fpu_fz() a denormal reads as a signed
 * zero.  FPUnpackBase raises IDC for single and double only: a half
 * denormal flushed by FZ16 raises nothing.  (Conversions use FPUnpackCV,
 * which never flushes half: they do not call this for f16 sources.) */
static inline uint64_t fpu_in(CPUArm64State *env, const FpuFmt *f, uint64_t x)
{
    if (f_exp(f, x) == 0 && f_frac(f, x) != 0 && fpu_fz(env, f)) {
        if (f->n != 16)
            fpu_raise(env, FPU_FPSR_IDC);
        return x & f_signbit(f);
    }
    return x;
}

/* FPProcessNaN: quiet a signalling NaN (IOC); default NaN under FPCR.DN. */
static inline uint64_t fpu_nan(CPUArm64State *env, const FpuFmt *f, uint64_t x)
{
    if (f_is_snan(f, x)) {
        fpu_raise(env, FPU_FPSR_IOC);
        x |= f_quietbit(f);
    }
    return (env->fpcr & FPU_FPCR_DN) ? f_dnan(f) : x;
}

/* FPProcessNaNs / FPProcessNaNs3 over n operands: signalling NaNs first,
 * then quiet ones, each in operand order.  False if there is no NaN. */
static inline bool fpu_nans(CPUArm64State *env, const FpuFmt *f, const uint64_t *op,
                            unsigned n, uint64_t *res)
{
    for (unsigned i = 0; i < n; i++)
        if (f_is_snan(f, op[i])) {
            *res = fpu_nan(env, f, op[i]);
            return true;
        }
    for (unsigned i = 0; i < n; i++)
        if (f_is_nan(f, op[i])) {
            *res = fpu_nan(env, f, op[i]);
            return true;
        }
    return false;
}

static inline bool fpu_nans2(CPUArm64State *env, const FpuFmt *f, uint64_t a, uint64_t b,
                             uint64_t *res)
{
    uint64_t op[2] = { a, b };
    return fpu_nans(env, f, op, 2, res);
}

/* ---- FPRound, shared by fpu.c and fpu-host.c ---- */

/* An unrounded finite nonzero value (-1)^sign * mant * 2^(exp - 63), with
 * bit 63 of mant set; sticky says nonzero bits were lost below mant. */
typedef struct FpuReal {
    bool sign;
    int exp;
    uint64_t mant;
    bool sticky;
} FpuReal;

/* A finite nonzero value of format f as an FpuReal (exact). */
FpuReal fpu_real(const FpuFmt *f, uint64_t x);

/* FPRoundBase of v into format f with rm: fz flushes results tiny before
 * rounding to signed zeros with UFC (fpu_fz() for FPRound, false for
 * FPRoundCV into half), ahp selects the alternative half format.  Raises
 * UFC, OFC, IXC (IOC for AHP overflow) into FPSR. */
uint64_t fpu_round(CPUArm64State *env, const FpuFmt *f, FpuReal v, FpuRounding rm,
                   bool fz, bool ahp);

/* The public entry points come in H/S/D triples: FPU_OPn(name, expr)
 * defines fpu_<name>16, fpu_<name>32 and fpu_<name>64 evaluating expr with
 * f the format (a half operand's upper bits are ignored). */
#define FPU_OP1(name, expr) \
    uint32_t fpu_##name##16(CPUArm64State *env, uint32_t a) \
    { const FpuFmt *f = &fmt16; a &= 0xffff; return (uint32_t)(expr); } \
    uint32_t fpu_##name##32(CPUArm64State *env, uint32_t a) \
    { const FpuFmt *f = &fmt32; return (uint32_t)(expr); } \
    uint64_t fpu_##name##64(CPUArm64State *env, uint64_t a) \
    { const FpuFmt *f = &fmt64; return (expr); }
#define FPU_OP2(name, expr) \
    uint32_t fpu_##name##16(CPUArm64State *env, uint32_t a, uint32_t b) \
    { const FpuFmt *f = &fmt16; a &= 0xffff; b &= 0xffff; return (uint32_t)(expr); } \
    uint32_t fpu_##name##32(CPUArm64State *env, uint32_t a, uint32_t b) \
    { const FpuFmt *f = &fmt32; return (uint32_t)(expr); } \
    uint64_t fpu_##name##64(CPUArm64State *env, uint64_t a, uint64_t b) \
    { const FpuFmt *f = &fmt64; return (expr); }

#endif
