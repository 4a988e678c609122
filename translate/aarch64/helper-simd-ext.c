/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * C helper of the Advanced SIMD extensions decoded by simd-ext.c: the
 * 8-bit integer matrix multiplies and mixed-sign dot products (FEAT_I8MM:
 * SMMLA, UMMLA, USMMLA, USDOT, SUDOT), the complex arithmetic of
 * FEAT_FCMA (FCADD, FCMLA) on half, single and double elements, and FEAT_BF16
 * (BFCVT, BFCVTN, BFDOT, BFMMLA, BFMLALB/T).
 *
 * helper_simd_ext(env, desc) unpacks the SimdExtDesc simd-ext.c packed,
 * reads Vd, Vn, Vm, computes the whole result and writes Vd (zeroing the
 * upper half for the 64-bit forms).  The complex operations go through
 * fpu.h one element at a time (FPAdd, FPMulAdd with FPCR's rounding, NaN
 * and flush rules and FPSR flags), in the element order of the pseudocode
 * so that the exception flags accumulate the same way.
 *
 * BFDOT and BFMMLA (without FEAT_EBF16) ignore FPCR and leave FPSR alone:
 * BFDotAdd flushes denormal inputs and outputs to zero, gives the default
 * NaN, and rounds each product and sum to single precision with round to
 * odd (overflow gives infinity).  The products are exact in double; sums
 * are done in double under round-towards-zero with the host's inexact flag
 * as the sticky bit, then rounded to odd again: two roundings to odd give
 * the single rounding to odd, as 53 >= 24 + 2.
 */
#include <fenv.h>
#include <math.h>
#include <string.h>
#include "util/log.h"
#include "simd-ext.h"
#include "fpu.h"

A64_HELPER(simd_ext, 2, IR_HELPER_NO_GLOBALS);

#define SIGN16 0x8000u
#define SIGN32 0x80000000u
#define SIGN64 0x8000000000000000ull

/* ---- FEAT_I8MM ---- */

static int32_t byte_val(uint8_t b, bool sign)
{
    return sign ? (int32_t)(int8_t)b : (int32_t)b;
}

/* Dot product of the bytes 4i..4i+3 of n with 4j..4j+3 of m. */
static int32_t dot4(const SimdVec *n, unsigned i, bool ns, const SimdVec *m,
                    unsigned j, bool ms)
{
    int32_t sum = 0;

    for (unsigned k = 0; k < 4; k++)
        sum += byte_val(n->u8[4 * i + k], ns) * byte_val(m->u8[4 * j + k], ms);
    return sum;
}

/* USDOT/SUDOT: each 32-bit lane i adds the dot of n's group i with m's
 * group i, or with group idx (by element). */
static void do_mixed_dot(SimdVec *d, const SimdVec *n, const SimdVec *m,
                         const SimdExtDesc *x, bool ns, bool ms)
{
    for (unsigned i = 0; i < x->oprsz / 4; i++)
        d->u32[i] += (uint32_t)dot4(n, i, ns, m, x->idx >= 0 ? (unsigned)x->idx : i, ms);
}

/* SMMLA/UMMLA/USMMLA: d (2x2 of int32) += n (2x8, row-major) times the
 * transpose of m (2x8). */
static void do_mmla(SimdVec *d, const SimdVec *n, const SimdVec *m, bool ns, bool ms)
{
    for (unsigned i = 0; i < 2; i++)
        for (unsigned j = 0; j < 2; j++)
            d->u32[2 * i + j] += (uint32_t)(dot4(n, 2 * i, ns, m, 2 * j, ms) +
                                            dot4(n, 2 * i + 1, ns, m, 2 * j + 1, ms));
}

/* ---- FEAT_FCMA ---- */

/* FCADD: rot 0 adds i*m (90 degrees), rot 1 subtracts it (270). */
static void do_fcadd(CPUArm64State *env, SimdVec *d, const SimdVec *n,
                     const SimdVec *m, const SimdExtDesc *x)
{
    bool r270 = x->rot & 1;

    if (x->esize == 1) {
        for (unsigned e = 0; e < x->oprsz / 2; e += 2) {
            uint32_t e3 = m->u16[e + 1] ^ (r270 ? 0 : SIGN16);
            uint32_t e4 = m->u16[e] ^ (r270 ? SIGN16 : 0);
            d->u16[e] = (uint16_t)fpu_add16(env, n->u16[e], e3);
            d->u16[e + 1] = (uint16_t)fpu_add16(env, n->u16[e + 1], e4);
        }
    } else if (x->esize == 2) {
        for (unsigned e = 0; e < x->oprsz / 4; e += 2) {
            uint32_t e3 = m->u32[e + 1] ^ (r270 ? 0 : SIGN32);
            uint32_t e4 = m->u32[e] ^ (r270 ? SIGN32 : 0);
            d->u32[e] = fpu_add32(env, n->u32[e], e3);
            d->u32[e + 1] = fpu_add32(env, n->u32[e + 1], e4);
        }
    } else {
        uint64_t e3 = m->u64[1] ^ (r270 ? 0 : SIGN64);
        uint64_t e4 = m->u64[0] ^ (r270 ? SIGN64 : 0);
        d->u64[0] = fpu_add64(env, n->u64[0], e3);
        d->u64[1] = fpu_add64(env, n->u64[1], e4);
    }
}

/* FCMLA, per complex pair (re at e, im at e + 1), with the pair of m at
 * pm (its own or the indexed one):
 *   rot 0: re += n.re *  m.re   im += n.re *  m.im
 *   rot 1: re += n.im * -m.im   im += n.im *  m.re
 *   rot 2: re += n.re * -m.re   im += n.re * -m.im
 *   rot 3: re += n.im *  m.im   im += n.im * -m.re
 * The negations flip the sign bit (FPNeg), NaNs included. */
static const struct { uint8_t nsel, m1sel, m1neg, m3sel, m3neg; } fcmla_rot[4] = {
    { 0, 0, 0, 1, 0 }, { 1, 1, 1, 0, 0 }, { 0, 0, 1, 1, 1 }, { 1, 1, 0, 0, 1 },
};

static void do_fcmla(CPUArm64State *env, SimdVec *d, const SimdVec *n,
                     const SimdVec *m, const SimdExtDesc *x)
{
    const typeof(fcmla_rot[0]) *r = &fcmla_rot[x->rot & 3];
    unsigned cnt = x->oprsz >> x->esize;

    for (unsigned e = 0; e < cnt; e += 2) {
        unsigned pm = x->idx >= 0 ? 2 * (unsigned)x->idx : e;
        if (x->esize == 1) {
            uint32_t nv = n->u16[e + r->nsel];
            uint32_t m1 = m->u16[pm + r->m1sel] ^ (r->m1neg ? SIGN16 : 0);
            uint32_t m3 = m->u16[pm + r->m3sel] ^ (r->m3neg ? SIGN16 : 0);
            d->u16[e] = (uint16_t)fpu_muladd16(env, d->u16[e], nv, m1);
            d->u16[e + 1] = (uint16_t)fpu_muladd16(env, d->u16[e + 1], nv, m3);
        } else if (x->esize == 2) {
            uint32_t nv = n->u32[e + r->nsel];
            uint32_t m1 = m->u32[pm + r->m1sel] ^ (r->m1neg ? SIGN32 : 0);
            uint32_t m3 = m->u32[pm + r->m3sel] ^ (r->m3neg ? SIGN32 : 0);
            d->u32[e] = fpu_muladd32(env, d->u32[e], nv, m1);
            d->u32[e + 1] = fpu_muladd32(env, d->u32[e + 1], nv, m3);
        } else {
            uint64_t nv = n->u64[e + r->nsel];
            uint64_t m1 = m->u64[pm + r->m1sel] ^ (r->m1neg ? SIGN64 : 0);
            uint64_t m3 = m->u64[pm + r->m3sel] ^ (r->m3neg ? SIGN64 : 0);
            d->u64[e] = fpu_muladd64(env, d->u64[e], nv, m1);
            d->u64[e + 1] = fpu_muladd64(env, d->u64[e + 1], nv, m3);
        }
    }
}

/* ---- FEAT_BF16 ---- */

static inline float f32_of(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }
static inline uint32_t bits_of(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline double d_of(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static inline uint64_t dbits_of(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

/* A BFDotAdd input: denormals read as zeros of their sign. */
static double bf_in(uint32_t a)
{
    if (!(a & 0x7f800000))
        a &= SIGN32;
    return (double)f32_of(a);
}

/* x rounded to single precision to odd; denormal results flush to zero,
 * overflow gives infinity, any NaN the default NaN. */
static uint32_t bf_round_odd(double x)
{
    if (isnan(x))
        return FPU_DNAN32;
    if (fabs(x) >= 0x1p128)
        return (signbit(x) ? SIGN32 : 0) | 0x7f800000;
    if (fabs(x) < 0x1p-126)
        return signbit(x) ? SIGN32 : 0;
    /* Truncate the mantissa to 24 bits; a lost bit makes the result odd. */
    uint64_t b = dbits_of(x), lost = b & ((1ull << 29) - 1);
    uint32_t r = bits_of((float)d_of(b & ~((1ull << 29) - 1)));
    return lost ? r | 1 : r;
}

/* a + b to double precision rounded to odd (see the file comment). */
static double add_odd(double a, double b)
{
    fenv_t saved;
    volatile double va = a, vb = b, r;

    fegetenv(&saved);
    fesetround(FE_TOWARDZERO);
    feclearexcept(FE_INEXACT);
    r = va + vb;
    bool inexact = fetestexcept(FE_INEXACT);
    fesetenv(&saved);
    return inexact && !isinf(r) ? d_of(dbits_of(r) | 1) : r;
}

/* BFDotAdd: sum + n.lo * m.lo + n.hi * m.hi, the two 16-bit halves of the
 * 32-bit n and m being BF16 values. */
static uint32_t bfdotadd(uint32_t sum, uint32_t n, uint32_t m)
{
    uint32_t t1 = bf_round_odd(bf_in(n << 16) * bf_in(m << 16));
    uint32_t t2 = bf_round_odd(bf_in(n & 0xffff0000u) * bf_in(m & 0xffff0000u));
    uint32_t t = bf_round_odd(add_odd(bf_in(t1), bf_in(t2)));
    return bf_round_odd(add_odd(bf_in(sum), bf_in(t)));
}

static void do_bfdot(SimdVec *d, const SimdVec *n, const SimdVec *m, const SimdExtDesc *x)
{
    for (unsigned i = 0; i < x->oprsz / 4; i++)
        d->u32[i] = bfdotadd(d->u32[i], n->u32[i], m->u32[x->idx >= 0 ? (unsigned)x->idx : i]);
}

/* BFMMLA: d (2x2 single) += n (2x4 BF16) times the transpose of m (2x4). */
static void do_bfmmla(SimdVec *d, const SimdVec *n, const SimdVec *m)
{
    for (unsigned i = 0; i < 2; i++)
        for (unsigned j = 0; j < 2; j++) {
            uint32_t *acc = &d->u32[2 * i + j];
            *acc = bfdotadd(*acc, n->u32[2 * i], m->u32[2 * j]);
            *acc = bfdotadd(*acc, n->u32[2 * i + 1], m->u32[2 * j + 1]);
        }
}

/* BFMLALB/T: a fused single-precision multiply-add (FPCR honoured) of the
 * even (B) or odd (T) BF16 elements, widened exactly. */
static void do_bfmlal(CPUArm64State *env, SimdVec *d, const SimdVec *n,
                      const SimdVec *m, const SimdExtDesc *x)
{
    for (unsigned i = 0; i < 4; i++) {
        uint32_t a = (uint32_t)n->u16[2 * i + x->rot] << 16;
        uint32_t b = (uint32_t)m->u16[x->idx >= 0 ? (unsigned)x->idx : 2 * i + x->rot] << 16;
        d->u32[i] = fpu_muladd32(env, d->u32[i], a, b);
    }
}

/* BFCVT (FPConvertBF): single to BF16 under FPCR (FZ, DN, RMode), with the
 * exceptions it raises.  BF16 has single's exponent range, so only
 * denormal inputs can give tiny results. */
static uint16_t bfcvt(CPUArm64State *env, uint32_t a)
{
    uint32_t sign = a & SIGN32, exp = (a >> 23) & 0xff;

    if (exp == 0xff && (a & 0x7fffff)) {
        if (!(a & 0x400000))
            fpu_raise(env, FPU_FPSR_IOC);
        return (uint16_t)(((env->fpcr & FPU_FPCR_DN) ? FPU_DNAN32 : a | 0x400000) >> 16);
    }
    if (exp == 0 && (a & 0x7fffff) && (env->fpcr & FPU_FPCR_FZ)) {
        fpu_raise(env, FPU_FPSR_IDC);
        return (uint16_t)(sign >> 16);
    }
    uint32_t lower = a & 0xffff, r = a >> 16;
    if (exp == 0xff || !lower)
        return (uint16_t)r;
    bool inc;
    switch (fpu_fpcr_rmode(env)) {
    case FPU_RN: inc = lower > 0x8000 || (lower == 0x8000 && (r & 1)); break;
    case FPU_RP: inc = !sign; break;
    case FPU_RM: inc = sign != 0; break;
    default: inc = false; break;
    }
    r += inc;
    uint32_t flags = FPU_FPSR_IXC;
    if (exp == 0)
        flags |= FPU_FPSR_UFC;
    if (((r >> 7) & 0xff) == 0xff)
        flags |= FPU_FPSR_OFC;
    fpu_raise(env, flags);
    return (uint16_t)r;
}

/* BFCVTN(2): four singles to BF16 in the lower half (upper zeroed) or the
 * upper half (lower kept); BFCVT: one, in H (the rest of V zeroed). */
static void do_bfcvtn(CPUArm64State *env, SimdVec *d, const SimdVec *n, const SimdExtDesc *x)
{
    uint16_t r[4];

    if (x->op == SIMD_EXT_BFCVT) {
        *d = (SimdVec){ .u16 = { bfcvt(env, n->u32[0]) } };
        return;
    }
    for (unsigned i = 0; i < 4; i++)
        r[i] = bfcvt(env, n->u32[i]);
    if (x->rot) {
        memcpy(&d->u16[4], r, 8);
    } else {
        memcpy(&d->u16[0], r, 8);
        d->u64[1] = 0;
    }
}

uint64_t helper_simd_ext(uint64_t envp, uint64_t desc)
{
    CPUArm64State *env = (CPUArm64State *)(uintptr_t)envp;
    SimdExtDesc x;
    SimdVec d, n, m;

    simd_ext_unpack(desc, &x);
    memcpy(&d, env->v[x.rd], 16);
    memcpy(&n, env->v[x.rn], 16);
    memcpy(&m, env->v[x.rm], 16);
    switch (x.op) {
    case SIMD_EXT_USDOT: do_mixed_dot(&d, &n, &m, &x, false, true); break;
    case SIMD_EXT_SUDOT: do_mixed_dot(&d, &n, &m, &x, true, false); break;
    case SIMD_EXT_SMMLA: do_mmla(&d, &n, &m, true, true); break;
    case SIMD_EXT_UMMLA: do_mmla(&d, &n, &m, false, false); break;
    case SIMD_EXT_USMMLA: do_mmla(&d, &n, &m, false, true); break;
    case SIMD_EXT_FCADD: do_fcadd(env, &d, &n, &m, &x); break;
    case SIMD_EXT_FCMLA: do_fcmla(env, &d, &n, &m, &x); break;
    case SIMD_EXT_BFDOT: do_bfdot(&d, &n, &m, &x); break;
    case SIMD_EXT_BFMMLA: do_bfmmla(&d, &n, &m); break;
    case SIMD_EXT_BFMLAL: do_bfmlal(env, &d, &n, &m, &x); break;
    case SIMD_EXT_BFCVTN: case SIMD_EXT_BFCVT: do_bfcvtn(env, &d, &n, &x); break;
    default: unreachable();
    }
    if (x.oprsz == 8)
        d.u64[1] = 0;
    memcpy(env->v[x.rd], &d, 16);
    return 0;
}
