/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The floating-point lane operations of the Advanced SIMD helper
 * (simd_fp_fns, dispatched from helper_simd() in helper-simd.c): vector and
 * SIMD-scalar arithmetic, comparisons, conversions, rounding and
 * reductions, one element at a time through the fpu.h functions, which
 * read FPCR and accumulate the FPSR exception bits.  Half precision is
 * element size 1 (FEAT_FP16: everything but FRINT32/64 and the
 * conversions between precisions), single 2, double 3.  FMLAL/FMLSL
 * (FEAT_FHM) accumulate products of halves into singles.
 */
#include "simd.h"
#include "fpu.h"

#define SIGN16 0x8000u
#define SIGN32 0x80000000u
#define SIGN64 0x8000000000000000ull

/* An elementwise function pair from expressions over x, y, acc (the
 * elements of Vn, Vm and the old Vd) and env. */
#define FELEM_N(name, EXPR, B) \
static unsigned name##_##B(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    CPUArm64State *env = a->env; \
    for (unsigned i = 0; i < a->cnt; i++) { \
        uint##B##_t x = n->u##B[i], y = m->u##B[i], acc = d->u##B[i]; \
        (void)x; (void)y; (void)acc; (void)env; \
        d->u##B[i] = (EXPR); \
    } \
    return a->cnt * (B / 8); \
}
#define FELEM(name, E32, E64) FELEM_N(name, E32, 32) FELEM_N(name, E64, 64)
#define FELEM3(name, E16, E32, E64) FELEM_N(name, E16, 16) FELEM(name, E32, E64)
/* Binary through fpu_<stem>16/32/64. */
#define FBIN(name, stem) \
    FELEM3(name, fpu_##stem##16(env, x, y), fpu_##stem##32(env, x, y), \
           fpu_##stem##64(env, x, y))
#define FUN(name, stem) \
    FELEM3(name, fpu_##stem##16(env, x), fpu_##stem##32(env, x), fpu_##stem##64(env, x))
#define FNS(name) { NULL, name##_16, name##_32, name##_64 }
#define FNS_SD(name) { NULL, NULL, name##_32, name##_64 }

FBIN(fadd, add)
FBIN(fsub, sub)
FBIN(fmul, mul)
FBIN(fdiv, div)
FBIN(fmulx, mulx)
FBIN(fabd, abd)
FBIN(fmax, max)
FBIN(fmin, min)
FBIN(fmaxnm, maxnm)
FBIN(fminnm, minnm)
FBIN(frecps, recps)
FBIN(frsqrts, rsqrts)
FBIN(fcmeq, cmpeq)
FBIN(fcmge, cmpge)
FBIN(fcmgt, cmpgt)
FBIN(facge, acge)
FBIN(facgt, acgt)
/* FMLS negates the first multiplicand, NaNs included (C7.2.126). */
FELEM3(fmla, fpu_muladd16(env, acc, x, y), fpu_muladd32(env, acc, x, y),
       fpu_muladd64(env, acc, x, y))
FELEM3(fmls, fpu_muladd16(env, acc, x ^ SIGN16, y), fpu_muladd32(env, acc, x ^ SIGN32, y),
       fpu_muladd64(env, acc, x ^ SIGN64, y))
/* Comparisons with zero; LE and LT swap the operands (C7.2.61, C7.2.64). */
FELEM3(fcmeq0, fpu_cmpeq16(env, x, 0), fpu_cmpeq32(env, x, 0), fpu_cmpeq64(env, x, 0))
FELEM3(fcmge0, fpu_cmpge16(env, x, 0), fpu_cmpge32(env, x, 0), fpu_cmpge64(env, x, 0))
FELEM3(fcmgt0, fpu_cmpgt16(env, x, 0), fpu_cmpgt32(env, x, 0), fpu_cmpgt64(env, x, 0))
FELEM3(fcmle0, fpu_cmpge16(env, 0, x), fpu_cmpge32(env, 0, x), fpu_cmpge64(env, 0, x))
FELEM3(fcmlt0, fpu_cmpgt16(env, 0, x), fpu_cmpgt32(env, 0, x), fpu_cmpgt64(env, 0, x))
/* FABS/FNEG only touch the sign bit, NaNs included, and raise nothing. */
FELEM3(fabs, x & ~SIGN16, x & ~SIGN32, x & ~SIGN64)
FELEM3(fneg, x ^ SIGN16, x ^ SIGN32, x ^ SIGN64)
FUN(fsqrt, sqrt)
FUN(frecpe, recpe)
FUN(frsqrte, rsqrte)
FUN(frecpx, recpx)

/* Rounding mode of an imm holding an FpuRounding or SIMD_FRINT_FPCR. */
static inline FpuRounding imm_rm(const CPUArm64State *env, unsigned imm)
{
    return (imm & SIMD_FRINT_FPCR) ? fpu_fpcr_rmode(env) : (FpuRounding)(imm & 7);
}

FELEM3(frint, fpu_frint16(env, x, imm_rm(env, a->imm), a->imm & SIMD_FRINT_EXACT),
       fpu_frint32(env, x, imm_rm(env, a->imm), a->imm & SIMD_FRINT_EXACT),
       fpu_frint64(env, x, imm_rm(env, a->imm), a->imm & SIMD_FRINT_EXACT))
FELEM(frint32, fpu_frint_n32(env, x, imm_rm(env, a->imm), 32),
      fpu_frint_n64(env, x, imm_rm(env, a->imm), 32))
FELEM(frint64, fpu_frint_n32(env, x, imm_rm(env, a->imm), 64),
      fpu_frint_n64(env, x, imm_rm(env, a->imm), 64))
FELEM3(fcvts, fpu_f16_to_fixed(env, x, a->imm >> 3, (FpuRounding)(a->imm & 7), 16, false),
       fpu_f32_to_s32(env, x, a->imm >> 3, (FpuRounding)(a->imm & 7)),
       fpu_f64_to_s64(env, x, a->imm >> 3, (FpuRounding)(a->imm & 7)))
FELEM3(fcvtu, fpu_f16_to_fixed(env, x, a->imm >> 3, (FpuRounding)(a->imm & 7), 16, true),
       fpu_f32_to_u32(env, x, a->imm >> 3, (FpuRounding)(a->imm & 7)),
       fpu_f64_to_u64(env, x, a->imm >> 3, (FpuRounding)(a->imm & 7)))
FELEM3(scvtf, fpu_s64_to_f16(env, (int16_t)x, a->imm, fpu_fpcr_rmode(env)),
       fpu_s64_to_f32(env, (int32_t)x, a->imm, fpu_fpcr_rmode(env)),
       fpu_s64_to_f64(env, (int64_t)x, a->imm, fpu_fpcr_rmode(env)))
FELEM3(ucvtf, fpu_u64_to_f16(env, x, a->imm, fpu_fpcr_rmode(env)),
       fpu_u64_to_f32(env, x, a->imm, fpu_fpcr_rmode(env)),
       fpu_u64_to_f64(env, x, a->imm, fpu_fpcr_rmode(env)))

/* RecipEstimate / RecipSqrtEstimate on 9-bit fixed-point operands, for
 * URECPE and URSQRTE (C7.2.373, C7.2.380). */
static unsigned recip_estimate(unsigned a)
{
    unsigned b = (1u << 19) / (a * 2 + 1);
    return (b + 1) / 2;
}

static unsigned rsqrt_estimate(unsigned a)
{
    unsigned b = 512;
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a >> 1) << 1) * 2 + 2;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (b + 1) / 2;
}

static uint32_t urecpe(uint32_t x)
{
    return (x >> 31) ? recip_estimate(x >> 23) << 23 : 0xffffffffu;
}

static uint32_t ursqrte(uint32_t x)
{
    return (x >> 30) ? rsqrt_estimate(x >> 23) << 23 : 0xffffffffu;
}

FELEM_N(urecpe, urecpe(x), 32)
FELEM_N(ursqrte, ursqrte(x), 32)

/* FCVTL(2): esize is the result's; the source elements come from the half
 * a->hi selects. */
static unsigned fcvtl_32(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    unsigned base = a->hi ? 4 : 0;
    (void)m;
    for (unsigned i = 0; i < a->cnt; i++)
        d->u32[i] = fpu_f16_to_f32(a->env, n->u16[base + i]);
    return a->cnt * 4;
}

static unsigned fcvtl_64(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    unsigned base = a->hi ? 2 : 0;
    (void)m;
    for (unsigned i = 0; i < a->cnt; i++)
        d->u64[i] = fpu_f32_to_f64(a->env, n->u32[base + i]);
    return a->cnt * 8;
}

/* FCVTN(2), FCVTXN: esize is the source's; the narrow results are packed
 * at the bottom of d (SIMD_NARROW_PACKED places them). */
static unsigned fcvtn_32(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    SimdVec src = *n;
    (void)m;
    for (unsigned i = 0; i < a->cnt; i++)
        d->u16[i] = (uint16_t)fpu_f32_to_f16(a->env, src.u32[i], fpu_fpcr_rmode(a->env));
    return a->cnt * 2;
}

static unsigned fcvtn_64(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    SimdVec src = *n;
    (void)m;
    for (unsigned i = 0; i < a->cnt; i++)
        d->u32[i] = fpu_f64_to_f32(a->env, src.u64[i], fpu_fpcr_rmode(a->env));
    return a->cnt * 4;
}

static unsigned fcvtxn_64(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    (void)m;
    for (unsigned i = 0; i < a->cnt; i++)
        d->u32[i] = fpu_f64_to_f32(a->env, n->u64[i], FPU_RO);
    return a->cnt * 4;
}

/* FMAXV and friends: the pairwise tree of Reduce() (C7.2.100). */
#define FACROSS_N(name, stem, B) \
static unsigned name##_##B(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    uint32_t v[8]; \
    (void)m; \
    for (unsigned i = 0; i < a->cnt; i++) \
        v[i] = n->u##B[i]; \
    for (unsigned w = a->cnt; w > 1; w /= 2) \
        for (unsigned i = 0; i < w / 2; i++) \
            v[i] = fpu_##stem##B(a->env, v[2 * i], v[2 * i + 1]); \
    d->u64[0] = v[0]; \
    return B / 8; \
}
#define FACROSS(name, stem) FACROSS_N(name, stem, 16) FACROSS_N(name, stem, 32)
FACROSS(fmaxv, max)
FACROSS(fminv, min)
FACROSS(fmaxnmv, maxnm)
FACROSS(fminnmv, minnm)

/* FMLAL/FMLSL(2) (FEAT_FHM, FPMulAddH): single accumulators plus products
 * of the halves in the lower (upper, for the "2" forms: a->hi) half of the
 * operand size; by element (imm bit 3), Vm's half imm<2:0> for every lane.
 * FMLSL negates the Vn element (FPNeg, NaNs included). */
static unsigned fmlal_common(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a,
                             uint32_t neg)
{
    unsigned base = a->hi ? a->cnt : 0;
    for (unsigned i = 0; i < a->cnt; i++) {
        uint32_t y = (a->imm & 8) ? m->u16[a->imm & 7] : m->u16[base + i];
        d->u32[i] = fpu_muladd_h32(a->env, d->u32[i], n->u16[base + i] ^ neg, y);
    }
    return a->cnt * 4;
}

static unsigned fmlal_32(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    return fmlal_common(d, n, m, a, 0);
}

static unsigned fmlsl_32(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    return fmlal_common(d, n, m, a, SIGN16);
}

#define FP(op) [SIMD_OP_##op - SIMD_OP_FP_FIRST]
SimdFn *const simd_fp_fns[SIMD_OP_COUNT - SIMD_OP_FP_FIRST][4] = {
    FP(FADD) = FNS(fadd), FP(FSUB) = FNS(fsub), FP(FMUL) = FNS(fmul),
    FP(FDIV) = FNS(fdiv), FP(FMULX) = FNS(fmulx), FP(FABD) = FNS(fabd),
    FP(FMLA) = FNS(fmla), FP(FMLS) = FNS(fmls),
    FP(FMAX) = FNS(fmax), FP(FMIN) = FNS(fmin),
    FP(FMAXNM) = FNS(fmaxnm), FP(FMINNM) = FNS(fminnm),
    FP(FRECPS) = FNS(frecps), FP(FRSQRTS) = FNS(frsqrts),
    FP(FCMEQ) = FNS(fcmeq), FP(FCMGE) = FNS(fcmge), FP(FCMGT) = FNS(fcmgt),
    FP(FACGE) = FNS(facge), FP(FACGT) = FNS(facgt),
    FP(FCMEQ0) = FNS(fcmeq0), FP(FCMGE0) = FNS(fcmge0), FP(FCMGT0) = FNS(fcmgt0),
    FP(FCMLE0) = FNS(fcmle0), FP(FCMLT0) = FNS(fcmlt0),
    FP(FABS) = FNS(fabs), FP(FNEG) = FNS(fneg), FP(FSQRT) = FNS(fsqrt),
    FP(FRECPE) = FNS(frecpe), FP(FRSQRTE) = FNS(frsqrte), FP(FRECPX) = FNS(frecpx),
    FP(URECPE) = { NULL, NULL, urecpe_32 }, FP(URSQRTE) = { NULL, NULL, ursqrte_32 },
    FP(FRINT) = FNS(frint), FP(FRINT32) = FNS_SD(frint32), FP(FRINT64) = FNS_SD(frint64),
    FP(FCVTS) = FNS(fcvts), FP(FCVTU) = FNS(fcvtu),
    FP(SCVTF) = FNS(scvtf), FP(UCVTF) = FNS(ucvtf),
    FP(FCVTL) = FNS_SD(fcvtl), FP(FCVTN) = FNS_SD(fcvtn),
    FP(FCVTXN) = { NULL, NULL, NULL, fcvtxn_64 },
    FP(FMAXV) = { NULL, fmaxv_16, fmaxv_32 }, FP(FMINV) = { NULL, fminv_16, fminv_32 },
    FP(FMAXNMV) = { NULL, fmaxnmv_16, fmaxnmv_32 }, FP(FMINNMV) = { NULL, fminnmv_16, fminnmv_32 },
    FP(FMLAL) = { NULL, NULL, fmlal_32 }, FP(FMLSL) = { NULL, NULL, fmlsl_32 },
};
