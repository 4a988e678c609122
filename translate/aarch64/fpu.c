/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 floating-point element operations (fpu.h) done in integer C,
 * following the Arm ARM shared pseudocode (library/float): comparisons and
 * min/max, FPRound (fpu_round(), the one rounding routine), conversions
 * between precisions and to and from integers and fixed point, FJCVTZS,
 * rounding to integral, the reciprocal (square root) estimates with the
 * architecture's tables, and FEAT_FHM's FPMulAddH.  Every operation comes
 * in half, single and double precision.  The arithmetic that rounds on the
 * host FPU is in fpu-host.c; the shared format helpers in fpu-impl.h.
 */
#include <math.h>
#include <string.h>
#include "fpu-impl.h"

/* ---- comparisons and min/max ---- */

/* Order two non-NaN values: -1, 0 or 1 (+0 equals -0). */
static int fpu_order(const FpuFmt *f, uint64_t a, uint64_t b)
{
    int64_t ka = (int64_t)f_mag(f, a), kb = (int64_t)f_mag(f, b);

    if (f_sign(f, a))
        ka = -ka;
    if (f_sign(f, b))
        kb = -kb;
    return (ka > kb) - (ka < kb);
}

/* FPCompare: the NZCV nibble. */
static uint32_t fpu_cmp(CPUArm64State *env, const FpuFmt *f, uint64_t a, uint64_t b, bool signal_all)
{
    static const uint8_t nzcv[3] = { 0x8, 0x6, 0x2 };

    a = fpu_in(env, f, a);
    b = fpu_in(env, f, b);
    if (f_is_nan(f, a) || f_is_nan(f, b)) {
        if (signal_all || f_is_snan(f, a) || f_is_snan(f, b))
            fpu_raise(env, FPU_FPSR_IOC);
        return 0x3;
    }
    return nzcv[fpu_order(f, a, b) + 1];
}

/* FPCompareEQ/GE/GT: is the order of a against b one of want (bit 0
 * less, bit 1 equal, bit 2 greater)?  Unordered is false. */
static bool fpu_cmp_in(CPUArm64State *env, const FpuFmt *f, uint64_t a, uint64_t b,
                       unsigned want, bool signal_all)
{
    uint32_t nzcv = fpu_cmp(env, f, a, b, signal_all);
    unsigned got = nzcv == 0x8 ? 1 : nzcv == 0x6 ? 2 : nzcv == 0x2 ? 4 : 0;
    return (got & want) != 0;
}

/* FPMax/FPMin and, with num, FPMaxNum/FPMinNum. */
static uint64_t fpu_minmax(CPUArm64State *env, const FpuFmt *f, uint64_t a, uint64_t b,
                           bool is_max, bool num)
{
    uint64_t r, pick;
    int ord;

    a = fpu_in(env, f, a);
    b = fpu_in(env, f, b);
    if (num && f_is_qnan(f, a) != f_is_qnan(f, b)) {
        /* A single quiet NaN is treated as the infinity that loses. */
        if (f_is_qnan(f, a))
            a = f_inf(f, is_max);
        else
            b = f_inf(f, is_max);
    }
    if (fpu_nans2(env, f, a, b, &r))
        return r;
    ord = fpu_order(f, a, b);
    pick = (is_max ? ord > 0 : ord < 0) ? a : b;
    if (f_is_zero(f, pick)) {
        bool sa = f_sign(f, a), sb = f_sign(f, b);
        return f_zero(f, is_max ? (sa && sb) : (sa || sb));
    }
    return pick;
}

uint32_t fpu_cmp16(CPUArm64State *env, uint32_t a, uint32_t b, bool signal_all)
{ return fpu_cmp(env, &fmt16, a & 0xffff, b & 0xffff, signal_all); }
uint32_t fpu_cmp32(CPUArm64State *env, uint32_t a, uint32_t b, bool signal_all)
{ return fpu_cmp(env, &fmt32, a, b, signal_all); }
uint32_t fpu_cmp64(CPUArm64State *env, uint64_t a, uint64_t b, bool signal_all)
{ return fpu_cmp(env, &fmt64, a, b, signal_all); }
/* Masks of all ones (of the format's width) or zero.  FACGE/FACGT compare
 * FPAbs() of the operands, NaNs included. */
#define F_MASK(f, cond) ((cond) ? ~0ull >> (64 - (f)->n) : 0)
#define F_ABS(f, x) ((x) & ~f_signbit(f))
FPU_OP2(cmpeq, F_MASK(f, fpu_cmp_in(env, f, a, b, 2, false)))
FPU_OP2(cmpge, F_MASK(f, fpu_cmp_in(env, f, a, b, 6, true)))
FPU_OP2(cmpgt, F_MASK(f, fpu_cmp_in(env, f, a, b, 4, true)))
FPU_OP2(acge, F_MASK(f, fpu_cmp_in(env, f, F_ABS(f, a), F_ABS(f, b), 6, true)))
FPU_OP2(acgt, F_MASK(f, fpu_cmp_in(env, f, F_ABS(f, a), F_ABS(f, b), 4, true)))
FPU_OP2(max, fpu_minmax(env, f, a, b, true, false))
FPU_OP2(min, fpu_minmax(env, f, a, b, false, false))
FPU_OP2(maxnm, fpu_minmax(env, f, a, b, true, true))
FPU_OP2(minnm, fpu_minmax(env, f, a, b, false, true))

/* ---- FPRound ---- */

#define ERR_HALF (1ull << 63)

/* m >> s, with the bits shifted out left-aligned in *err (bit 63 is worth
 * half a unit of the result) and any lost below that ORed into bit 0. */
static uint64_t shr_err(uint64_t m, unsigned s, uint64_t *err)
{
    if (s == 0) {
        *err = 0;
        return m;
    }
    if (s < 64) {
        *err = m << (64 - s);
        return m >> s;
    }
    *err = s == 64 ? m : (m != 0);
    return 0;
}

/* Does rounding the magnitude up follow from the mode?  lsb is the low bit
 * of the truncated magnitude, err as from shr_err(). */
static bool round_up(FpuRounding rm, bool sign, bool lsb, uint64_t err)
{
    switch (rm) {
    case FPU_RN: return err > ERR_HALF || (err == ERR_HALF && lsb);
    case FPU_RA: return err >= ERR_HALF;
    case FPU_RP: return err && !sign;
    case FPU_RM: return err && sign;
    default:     return false;          /* RZ, RO */
    }
}

/* FPRoundBase (fpu-impl.h). */
uint64_t fpu_round(CPUArm64State *env, const FpuFmt *f, FpuReal v, FpuRounding rm, bool fz,
                   bool ahp)
{
    int minexp = 1 - f_bias(f);
    unsigned bexp, shift = 63 - f->fbits;
    uint64_t mant, err, r;
    uint32_t flags = 0;

    if (v.exp < minexp) {
        if (fz) {
            fpu_raise(env, FPU_FPSR_UFC);
            return f_zero(f, v.sign);
        }
        bexp = 0;
        shift += (unsigned)(minexp - v.exp);
    } else {
        bexp = (unsigned)(v.exp - minexp + 1);
    }
    mant = shr_err(v.mant, shift, &err);
    err |= v.sticky;
    if (bexp == 0 && err)
        flags |= FPU_FPSR_UFC;          /* tiny before rounding, inexact */
    if (round_up(rm, v.sign, mant & 1, err)) {
        mant++;
        if (mant == 1ull << f->fbits)           /* denormal became normal */
            bexp = 1;
        if (mant == 1ull << (f->fbits + 1)) {   /* carried into the exponent */
            bexp++;
            mant >>= 1;
        }
    }
    if (rm == FPU_RO && err)
        mant |= 1;
    if (err)
        flags |= FPU_FPSR_IXC;
    if (!ahp && bexp >= f_emax(f)) {
        bool to_inf = rm == FPU_RN || rm == FPU_RA || (rm == FPU_RP && !v.sign) ||
                      (rm == FPU_RM && v.sign);
        r = to_inf ? f_inf(f, v.sign) : f_max_normal(f, v.sign);
        flags |= FPU_FPSR_OFC | FPU_FPSR_IXC;
    } else if (ahp && bexp > f_emax(f)) {
        r = f_zero(f, v.sign) | (f_signbit(f) - 1);
        flags = FPU_FPSR_IOC;
    } else {
        r = f_zero(f, v.sign) | (uint64_t)bexp << f->fbits | f_frac(f, mant);
    }
    fpu_raise(env, flags);
    return r;
}

/* A finite nonzero value of format f as an FpuReal. */
FpuReal fpu_real(const FpuFmt *f, uint64_t x)
{
    FpuReal v = { .sign = f_sign(f, x) };
    unsigned e = f_exp(f, x);
    uint64_t frac = f_frac(f, x);

    if (e == 0) {
        int lz = __builtin_clzll(frac);
        v.mant = frac << lz;
        v.exp = 1 - f_bias(f) - (int)f->fbits + 63 - lz;
    } else {
        v.mant = (frac | 1ull << f->fbits) << (63 - f->fbits);
        v.exp = (int)e - f_bias(f);
    }
    return v;
}

/* An integer magnitude (nonzero) as an FpuReal scaled by 2^-fbits. */
static FpuReal fpu_real_int(bool sign, uint64_t mag, unsigned fbits)
{
    int lz = __builtin_clzll(mag);
    return (FpuReal){ .sign = sign, .exp = 63 - lz - (int)fbits, .mant = mag << lz };
}

/* ---- FPConvert ---- */

static bool fpu_ahp(const CPUArm64State *env, const FpuFmt *f)
{
    return f->n == 16 && (env->fpcr & FPU_FPCR_AHP);
}

static uint64_t fpu_convert(CPUArm64State *env, const FpuFmt *from, const FpuFmt *to,
                            uint64_t x, FpuRounding rm)
{
    bool ahp_in = fpu_ahp(env, from), ahp_out = fpu_ahp(env, to);
    bool sign = f_sign(from, x);
    uint64_t frac;

    if (from->n != 16)
        x = fpu_in(env, from, x);        /* FPUnpackCV: FZ, but never FZ16 */
    if (!ahp_in && f_is_nan(from, x)) {
        if (f_is_snan(from, x) || ahp_out)
            fpu_raise(env, FPU_FPSR_IOC);
        if (ahp_out)
            return f_zero(to, sign);
        if (env->fpcr & FPU_FPCR_DN)
            return f_dnan(to);
        /* FPConvertNaN: the payload's top bits, quieted. */
        frac = f_frac(from, x);
        frac = from->fbits > to->fbits ? frac >> (from->fbits - to->fbits)
                                       : frac << (to->fbits - from->fbits);
        return f_inf(to, sign) | frac | f_quietbit(to);
    }
    if (!ahp_in && f_is_inf(from, x)) {
        if (!ahp_out)
            return f_inf(to, sign);
        fpu_raise(env, FPU_FPSR_IOC);
        return f_zero(to, sign) | (f_signbit(to) - 1);
    }
    if (f_is_zero(from, x))
        return f_zero(to, sign);
    return fpu_round(env, to, fpu_real(from, x), rm,
                     to->n != 16 && (env->fpcr & FPU_FPCR_FZ), ahp_out);
}

uint64_t fpu_f32_to_f64(CPUArm64State *env, uint32_t a)
{ return fpu_convert(env, &fmt32, &fmt64, a, FPU_RN); }
uint32_t fpu_f64_to_f32(CPUArm64State *env, uint64_t a, FpuRounding rm)
{ return (uint32_t)fpu_convert(env, &fmt64, &fmt32, a, rm); }
uint32_t fpu_f16_to_f32(CPUArm64State *env, uint32_t a)
{ return (uint32_t)fpu_convert(env, &fmt16, &fmt32, a & 0xffff, FPU_RN); }
uint64_t fpu_f16_to_f64(CPUArm64State *env, uint32_t a)
{ return fpu_convert(env, &fmt16, &fmt64, a & 0xffff, FPU_RN); }
uint32_t fpu_f32_to_f16(CPUArm64State *env, uint32_t a, FpuRounding rm)
{ return (uint32_t)fpu_convert(env, &fmt32, &fmt16, a, rm); }
uint32_t fpu_f64_to_f16(CPUArm64State *env, uint64_t a, FpuRounding rm)
{ return (uint32_t)fpu_convert(env, &fmt64, &fmt16, a, rm); }

/* ---- FPToFixed and FixedToFP ---- */

/* The magnitude of x (finite, nonzero) times 2^fbits rounded to an
 * integer with rm; *err as shr_err().  *big if it is 2^64 or more. */
static uint64_t fpu_int_mag(const FpuFmt *f, uint64_t x, int fbits, FpuRounding rm,
                            uint64_t *err, bool *big)
{
    FpuReal v = fpu_real(f, x);
    int e = v.exp + fbits;
    uint64_t mag;

    *big = e >= 64;
    if (*big) {
        *err = 0;
        return 0;
    }
    mag = shr_err(v.mant, (unsigned)(63 - e), err);
    if (round_up(rm, v.sign, mag & 1, *err)) {
        mag++;
        *big = mag == 0;
    }
    return mag;
}

static uint64_t fpu_to_fixed(CPUArm64State *env, const FpuFmt *f, uint64_t x, unsigned fbits,
                             FpuRounding rm, unsigned width, bool is_unsigned)
{
    uint64_t umax = width == 64 ? ~0ull : (1ull << width) - 1;
    uint64_t limit, mag = 0, err = 0;
    bool sign, big = false;

    x = fpu_in(env, f, x);
    if (f_is_nan(f, x)) {
        fpu_raise(env, FPU_FPSR_IOC);
        return 0;
    }
    sign = f_sign(f, x);
    if (f_is_inf(f, x))
        big = true;
    else if (!f_is_zero(f, x))
        mag = fpu_int_mag(f, x, (int)fbits, rm, &err, &big);
    /* SatQ: the largest magnitude each sign can have; as bits, also the
     * saturated result. */
    if (is_unsigned)
        limit = sign ? 0 : umax;
    else
        limit = (umax >> 1) + sign;
    if (big || mag > limit) {
        fpu_raise(env, FPU_FPSR_IOC);
        return limit;
    }
    if (err)
        fpu_raise(env, FPU_FPSR_IXC);
    return (sign ? -mag : mag) & umax;
}

uint32_t fpu_f32_to_s32(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_to_fixed(env, &fmt32, a, fbits, rm, 32, false); }
uint32_t fpu_f32_to_u32(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_to_fixed(env, &fmt32, a, fbits, rm, 32, true); }
uint64_t fpu_f32_to_s64(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm)
{ return fpu_to_fixed(env, &fmt32, a, fbits, rm, 64, false); }
uint64_t fpu_f32_to_u64(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm)
{ return fpu_to_fixed(env, &fmt32, a, fbits, rm, 64, true); }
uint32_t fpu_f64_to_s32(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_to_fixed(env, &fmt64, a, fbits, rm, 32, false); }
uint32_t fpu_f64_to_u32(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_to_fixed(env, &fmt64, a, fbits, rm, 32, true); }
uint64_t fpu_f64_to_s64(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return fpu_to_fixed(env, &fmt64, a, fbits, rm, 64, false); }
uint64_t fpu_f64_to_u64(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return fpu_to_fixed(env, &fmt64, a, fbits, rm, 64, true); }

/* Half precision: any width up to 64, signed or not (FCVTZS Wd, Hn and
 * FCVTZS Vd.8H alike). */
uint64_t fpu_f16_to_fixed(CPUArm64State *env, uint32_t a, unsigned fbits, FpuRounding rm,
                          unsigned width, bool is_unsigned)
{ return fpu_to_fixed(env, &fmt16, a & 0xffff, fbits, rm, width, is_unsigned); }

static uint64_t fpu_from_fixed(CPUArm64State *env, const FpuFmt *f, bool sign, uint64_t mag,
                               unsigned fbits, FpuRounding rm)
{
    if (mag == 0)
        return 0;
    return fpu_round(env, f, fpu_real_int(sign, mag, fbits), rm, fpu_fz(env, f), false);
}

static uint64_t mag_of(int64_t a) { return a < 0 ? -(uint64_t)a : (uint64_t)a; }

uint32_t fpu_s64_to_f16(CPUArm64State *env, int64_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_from_fixed(env, &fmt16, a < 0, mag_of(a), fbits, rm); }
uint32_t fpu_u64_to_f16(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_from_fixed(env, &fmt16, false, a, fbits, rm); }
uint32_t fpu_s64_to_f32(CPUArm64State *env, int64_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_from_fixed(env, &fmt32, a < 0, mag_of(a), fbits, rm); }
uint32_t fpu_u64_to_f32(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return (uint32_t)fpu_from_fixed(env, &fmt32, false, a, fbits, rm); }
uint64_t fpu_s64_to_f64(CPUArm64State *env, int64_t a, unsigned fbits, FpuRounding rm)
{ return fpu_from_fixed(env, &fmt64, a < 0, mag_of(a), fbits, rm); }
uint64_t fpu_u64_to_f64(CPUArm64State *env, uint64_t a, unsigned fbits, FpuRounding rm)
{ return fpu_from_fixed(env, &fmt64, false, a, fbits, rm); }

/* FPToFixedJS: truncate, then keep the low 32 bits of the integer. */
uint32_t fpu_fjcvtzs(CPUArm64State *env, uint64_t a, bool *z)
{
    const FpuFmt *f = &fmt64;
    uint64_t x = fpu_in(env, f, a), mag = 0, err = 0;
    bool sign = f_sign(f, x), big = false;

    if (f_is_nan(f, x)) {
        fpu_raise(env, FPU_FPSR_IOC);
        *z = false;
        return 0;
    }
    if (f_is_inf(f, x)) {
        big = true;
    } else if (!f_is_zero(f, x)) {
        FpuReal v = fpu_real(f, x);
        big = v.exp >= 64;
        /* Bits above 2^64 do not reach the low 32 bits. */
        mag = v.exp >= 64 + 63 ? 0 : v.exp >= 63 ? v.mant << (v.exp - 63)
                                   : shr_err(v.mant, (unsigned)(63 - v.exp), &err);
    }
    *z = false;
    if (big || mag > 0x7fffffffull + sign)
        fpu_raise(env, FPU_FPSR_IOC);
    else if (err)
        fpu_raise(env, FPU_FPSR_IXC);
    else if (!f_is_zero(f, x) || (!sign && f_is_zero(f, a)))
        *z = true;     /* exact, in range, not -0, not a flushed denormal */
    if (f_is_inf(f, x))
        return 0;
    return (uint32_t)(sign ? -mag : mag);
}

/* ---- FPRoundInt and FPRoundIntN ---- */

/* An integer magnitude (nonzero, exactly representable) in format f. */
static uint64_t f_from_int(const FpuFmt *f, bool sign, uint64_t mag)
{
    int lz = __builtin_clzll(mag);
    uint64_t frac = (mag << lz << 1) >> (64 - f->fbits);
    return f_pow2(f, sign, 63 - lz) | frac;
}

static uint64_t fpu_round_int(CPUArm64State *env, const FpuFmt *f, uint64_t x,
                              FpuRounding rm, bool exact)
{
    uint64_t mag, err;
    bool sign, big;

    x = fpu_in(env, f, x);
    if (f_is_nan(f, x))
        return fpu_nan(env, f, x);
    if (f_is_inf(f, x) || f_is_zero(f, x) || (int)f_exp(f, x) - f_bias(f) >= (int)f->fbits)
        return x;                        /* already integral */
    sign = f_sign(f, x);
    mag = fpu_int_mag(f, x, 0, rm, &err, &big);
    if (err && exact)
        fpu_raise(env, FPU_FPSR_IXC);
    return mag ? f_from_int(f, sign, mag) : f_zero(f, sign);
}

static uint64_t fpu_round_int_n(CPUArm64State *env, const FpuFmt *f, uint64_t x,
                                FpuRounding rm, unsigned intsize)
{
    uint64_t limit = 1ull << (intsize - 1), mag = 0, err = 0;
    bool sign, big = true;

    x = fpu_in(env, f, x);
    sign = f_sign(f, x);
    if (f_is_zero(f, x))
        return x;
    if (!f_is_nan(f, x) && !f_is_inf(f, x))
        mag = fpu_int_mag(f, x, 0, rm, &err, &big);
    if (big || mag > limit - !sign) {
        /* Out of range, infinity or NaN: the most negative integer. */
        fpu_raise(env, FPU_FPSR_IOC);
        return f_pow2(f, true, (int)intsize - 1);
    }
    if (err)
        fpu_raise(env, FPU_FPSR_IXC);
    return mag ? f_from_int(f, sign, mag) : f_zero(f, sign);
}

uint32_t fpu_frint16(CPUArm64State *env, uint32_t a, FpuRounding rm, bool exact)
{ return (uint32_t)fpu_round_int(env, &fmt16, a & 0xffff, rm, exact); }
uint32_t fpu_frint32(CPUArm64State *env, uint32_t a, FpuRounding rm, bool exact)
{ return (uint32_t)fpu_round_int(env, &fmt32, a, rm, exact); }
uint64_t fpu_frint64(CPUArm64State *env, uint64_t a, FpuRounding rm, bool exact)
{ return fpu_round_int(env, &fmt64, a, rm, exact); }
uint32_t fpu_frint_n32(CPUArm64State *env, uint32_t a, FpuRounding rm, unsigned intsize)
{ return (uint32_t)fpu_round_int_n(env, &fmt32, a, rm, intsize); }
uint64_t fpu_frint_n64(CPUArm64State *env, uint64_t a, FpuRounding rm, unsigned intsize)
{ return fpu_round_int_n(env, &fmt64, a, rm, intsize); }

/* ---- estimates (FPRecipEstimate, FPRSqrtEstimate, FPRecpX) ---- */

/* RecipEstimate: a in [256, 512) is 0.5 <= x < 1 in steps of 1/512; the
 * result in [256, 512) is 1/x in steps of 1/256, rounded to nearest. */
static unsigned recip_estimate(unsigned a)
{
    unsigned b = (1u << 19) / (a * 2 + 1);
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in [128, 512) is 0.25 <= x < 1; the result in
 * [256, 512) is 1/sqrt(x) in steps of 1/256. */
static unsigned rsqrt_estimate(unsigned a)
{
    uint64_t b;

    /* To units of 1/1024 at the middle of the input's step: the step is
     * 1/512 below 0.5 and 1/256 above (the bottom bit is dropped). */
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a & ~1u) + 1) * 2;
    /* b: the first b >= 512 with a * (b + 1)^2 >= 2^28, searched from just
     * below the square root so that the loop runs a step or two. */
    b = (uint64_t)sqrt((double)(1u << 28) / a);
    b = b > 514 ? b - 2 : 512;
    while (a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (unsigned)((b + 1) / 2);
}

static uint64_t fpu_recpe(CPUArm64State *env, const FpuFmt *f, uint64_t x)
{
    const uint64_t mask52 = (1ull << 52) - 1;
    uint64_t frac;
    int exp, rexp;
    bool sign;

    x = fpu_in(env, f, x);
    sign = f_sign(f, x);
    if (f_is_nan(f, x))
        return fpu_nan(env, f, x);
    if (f_is_inf(f, x))
        return f_zero(f, sign);
    if (f_is_zero(f, x)) {
        fpu_raise(env, FPU_FPSR_DZC);
        return f_inf(f, sign);
    }
    exp = (int)f_exp(f, x);
    frac = f_frac(f, x) << (52 - f->fbits);
    if (exp == 0 && !(frac >> 50)) {
        /* Below 2^-(bias+1): the reciprocal overflows. */
        FpuRounding rm = fpu_fpcr_rmode(env);
        bool to_inf = rm == FPU_RN || (rm == FPU_RP && !sign) || (rm == FPU_RM && sign);
        fpu_raise(env, FPU_FPSR_OFC | FPU_FPSR_IXC);
        return to_inf ? f_inf(f, sign) : f_max_normal(f, sign);
    }
    if (fpu_fz(env, f) && exp >= 2 * f_bias(f) - 1) {
        /* The reciprocal would be a denormal: flushed. */
        fpu_raise(env, FPU_FPSR_UFC);
        return f_zero(f, sign);
    }
    if (exp == 0) {
        if (frac >> 51) {
            frac = (frac << 1) & mask52;
        } else {
            exp = -1;
            frac = (frac << 2) & mask52;
        }
    }
    rexp = 2 * f_bias(f) - 1 - exp;
    frac = (uint64_t)(recip_estimate(256 | (unsigned)(frac >> 44)) & 0xff) << 44;
    if (rexp == 0) {
        frac = 1ull << 51 | frac >> 1;
    } else if (rexp == -1) {
        frac = 1ull << 50 | frac >> 2;
        rexp = 0;
    }
    return f_zero(f, sign) | (uint64_t)rexp << f->fbits | frac >> (52 - f->fbits);
}

static uint64_t fpu_rsqrte(CPUArm64State *env, const FpuFmt *f, uint64_t x)
{
    const uint64_t mask52 = (1ull << 52) - 1;
    unsigned scaled;
    uint64_t frac;
    int exp;

    x = fpu_in(env, f, x);
    if (f_is_nan(f, x))
        return fpu_nan(env, f, x);
    if (f_is_zero(f, x)) {
        fpu_raise(env, FPU_FPSR_DZC);
        return f_inf(f, f_sign(f, x));
    }
    if (f_sign(f, x)) {
        fpu_raise(env, FPU_FPSR_IOC);
        return f_dnan(f);
    }
    if (f_is_inf(f, x))
        return 0;
    exp = (int)f_exp(f, x);
    frac = f_frac(f, x) << (52 - f->fbits);
    if (exp == 0) {
        /* Normalise a denormal, keeping the exponent's parity meaningful. */
        while (!(frac >> 51)) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & mask52;
    }
    /* An odd biased exponent is an even power of two: x in [0.25, 0.5). */
    if (exp & 1)
        scaled = 128 | (unsigned)(frac >> 45);
    else
        scaled = 256 | (unsigned)(frac >> 44);
    return (uint64_t)((3 * f_bias(f) - 1 - exp) / 2) << f->fbits |
           (uint64_t)(rsqrt_estimate(scaled) & 0xff) << (f->fbits - 8);
}

static uint64_t fpu_recpx(CPUArm64State *env, const FpuFmt *f, uint64_t x)
{
    unsigned exp;

    x = fpu_in(env, f, x);
    if (f_is_nan(f, x))
        return fpu_nan(env, f, x);
    exp = f_exp(f, x);
    exp = exp == 0 ? f_emax(f) - 1 : ~exp & f_emax(f);
    return (x & f_signbit(f)) | (uint64_t)exp << f->fbits;
}

FPU_OP1(recpe, fpu_recpe(env, f, a))
FPU_OP1(rsqrte, fpu_rsqrte(env, f, a))
FPU_OP1(recpx, fpu_recpx(env, f, a))

/* ---- FPMulAddH (FEAT_FHM: FMLAL, FMLSL) ---- */

/* A half operand of FPMulAddH as single precision: unpacked as half (FZ16
 * flushes it, without IDC), then widened exactly.  NaNs keep their payload
 * and stay signalling, so that FPMulAdd's NaN processing in single picks
 * and quiets the same operand (with the same IOC and default NaN) as
 * FPProcessNaNs3H followed by FPConvertNaN would. */
static uint32_t fpu_h_operand(CPUArm64State *env, uint32_t h)
{
    const FpuFmt *f = &fmt16;
    uint64_t x = fpu_in(env, f, h & 0xffff);
    bool sign = f_sign(f, x);
    FpuReal v;

    if (f_is_nan(f, x))
        return (uint32_t)(f_inf(&fmt32, sign) | f_frac(f, x) << (23 - 10));
    if (f_is_inf(f, x))
        return (uint32_t)f_inf(&fmt32, sign);
    if (f_is_zero(f, x))
        return (uint32_t)f_zero(&fmt32, sign);
    v = fpu_real(f, x);
    return (uint32_t)(f_pow2(&fmt32, sign, v.exp) | ((v.mant << 1) >> (64 - 23)));
}

uint32_t fpu_muladd_h32(CPUArm64State *env, uint32_t addend, uint32_t op1, uint32_t op2)
{
    uint32_t a = fpu_h_operand(env, op1), b = fpu_h_operand(env, op2);
    return fpu_muladd32(env, addend, a, b);
}
