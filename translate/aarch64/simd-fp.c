/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD decoding, part 4: floating point on vectors and SIMD
 * scalars (C4.1.96): three same (FADD ... FDIV, the pairwise forms and the
 * comparisons), two-register miscellaneous (FABS, FNEG, FSQRT, rounding,
 * conversions to and from integers, FCVTL/FCVTN/FCVTXN, estimates), across
 * lanes (FMAXV ...), scalar pairwise (FADDP ...), x indexed element (FMLA,
 * FMLS, FMUL, FMULX) and the fixed-point conversions of the shift by
 * immediate groups.  Scalar FP data processing (FADD Sd, Sn, Sm ...) is
 * fp.c's.
 *
 * Every instruction here is one helper_simd call whose lane operation
 * (simd-fp-helper.c) runs the fpu.h function for each element.  sz (bit 22)
 * selects single or double precision; double needs Q in vector forms.
 * Half precision (FEAT_FP16, the ASIMDHP feature) has encoding groups of
 * its own, decoded by the gen_h_* functions with element size 1, and
 * FEAT_FHM adds FMLAL/FMLSL(2), vector and by element.
 */
#include "simd.h"
#include "fpu.h"

static unsigned fp_esize(uint32_t insn)
{
    return 2 + bits(insn, 22, 1);
}

/* Two-register forms; imm is the op's rounding or conversion control. */
static bool gen_fp_2misc(DisasContext *s, uint32_t insn, unsigned op, unsigned imm)
{
    unsigned esize = fp_esize(insn);
    if (esize == 3 && !Q(insn))
        return false;
    SimdDesc d = simd_desc(insn, op, esize);
    d.imm = imm;
    gen_simd_call(s, &d);
    return true;
}

static bool gen_fp_2misc_scalar(DisasContext *s, uint32_t insn, unsigned op, unsigned imm)
{
    SimdDesc d = simd_desc(insn, op, fp_esize(insn));
    d.oprsz = 1u << d.esize;
    d.imm = imm;
    gen_simd_call(s, &d);
    return true;
}

/* FRINT32Z/X, FRINT64Z/X need FEAT_FRINTTS. */
static bool gen_frint_n(DisasContext *s, uint32_t insn, unsigned op, unsigned imm)
{
    return A64_HAS(s, A64_FEAT_FRINT) && gen_fp_2misc(s, insn, op, imm);
}

/* URECPE, URSQRTE: 32-bit elements only. */
static bool gen_u_estimate(DisasContext *s, uint32_t insn, unsigned op)
{
    return fp_esize(insn) == 2 && gen_fp_2misc(s, insn, op, 0);
}

/* FCVTL(2): 4H -> 4S or 2S -> 2D from the half Q selects. */
static bool trans_FCVTL(DisasContext *s, uint32_t insn)
{
    SimdDesc d = simd_desc(insn, SIMD_OP_FCVTL, fp_esize(insn));
    d.oprsz = 16;
    d.hi = Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* FCVTN(2), FCVTXN(2): 4S -> 4H or 2D -> 2S into the half Q selects. */
static bool gen_fcvtn(DisasContext *s, uint32_t insn, unsigned op, bool scalar)
{
    SimdDesc d = simd_desc(insn, op, fp_esize(insn));
    if (op == SIMD_OP_FCVTXN && d.esize != 3)
        return false;
    d.oprsz = scalar ? 8 : 16;
    d.narrow = SIMD_NARROW_PACKED;
    d.hi = !scalar && Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* FMAXV and friends: 4S only. */
static bool gen_fp_across(DisasContext *s, uint32_t insn, unsigned op)
{
    if (!Q(insn) || bits(insn, 22, 1))
        return false;
    SimdDesc d = simd_desc(insn, op, 2);
    gen_simd_call(s, &d);
    return true;
}

/* FADDP Sd, Vn.2S and friends. */
static bool gen_fp_pair_scalar(DisasContext *s, uint32_t insn, unsigned op)
{
    SimdDesc d = simd_desc(insn, op, fp_esize(insn));
    d.oprsz = 1u << d.esize;
    d.pair = SIMD_PAIR_SCALAR;
    gen_simd_call(s, &d);
    return true;
}

/* By element: index H:L for S (Rm is M:Rm), H for D (L must be 0). */
static bool gen_fp_elem(DisasContext *s, uint32_t insn, unsigned op, bool scalar)
{
    unsigned esize = fp_esize(insn), h = bits(insn, 11, 1), l = bits(insn, 21, 1);
    if (esize == 3 && (l || (!scalar && !Q(insn))))
        return false;
    SimdDesc d = simd_desc(insn, op, esize);
    d.idx = (int)(esize == 3 ? h : h << 1 | l);
    if (scalar)
        d.oprsz = 1u << esize;
    gen_simd_call(s, &d);
    return true;
}

/* Fixed-point conversions (shift by immediate groups): fbits is
 * 2 * esize - immh:immb; immh selects H (FEAT_FP16), S or D. */
static bool gen_fcvt_fixed(DisasContext *s, uint32_t insn, unsigned op, bool scalar)
{
    unsigned esize = simd_immh_size(insn);
    if (esize < 1 || esize > 3 || (!scalar && esize == 3 && !Q(insn)))
        return false;
    if (esize == 1 && !A64_HAS(s, A64_FEAT_ASIMDHP))
        return false;
    unsigned fbits = (16u << esize) - bits(insn, 16, 7);
    SimdDesc d = simd_desc(insn, op, esize);
    d.imm = (op == SIMD_OP_FCVTS || op == SIMD_OP_FCVTU) ? SIMD_FCVT_IMM(FPU_RZ, fbits) : fbits;
    if (scalar)
        d.oprsz = 1u << esize;
    gen_simd_call(s, &d);
    return true;
}

#define FRINT_X (SIMD_FRINT_FPCR | SIMD_FRINT_EXACT)

/* ---- half precision (FEAT_FP16): element size 1 ---- */

/* A desc for a half precision op: vector of Q's length, or (scalar) one
 * element; false without ASIMDHP. */
static bool h_desc(DisasContext *s, uint32_t insn, unsigned op, bool scalar, SimdDesc *d)
{
    if (!A64_HAS(s, A64_FEAT_ASIMDHP))
        return false;
    *d = simd_desc(insn, op, 1);
    if (scalar)
        d->oprsz = 2;
    return true;
}

/* Three same and two-register miscellaneous; imm as in gen_fp_2misc. */
static bool gen_h_op(DisasContext *s, uint32_t insn, unsigned op, unsigned imm, bool scalar)
{
    SimdDesc d;
    if (!h_desc(s, insn, op, scalar, &d))
        return false;
    d.imm = imm;
    gen_simd_call(s, &d);
    return true;
}

static bool gen_h_3same(DisasContext *s, uint32_t insn, unsigned op, unsigned pair)
{
    SimdDesc d;
    if (!h_desc(s, insn, op, false, &d))
        return false;
    d.pair = pair;
    gen_simd_call(s, &d);
    return true;
}

/* FMAXV Hd, Vn.4H/8H and friends. */
static bool gen_h_across(DisasContext *s, uint32_t insn, unsigned op)
{
    return gen_h_op(s, insn, op, 0, false);
}

/* FADDP Hd, Vn.2H and friends. */
static bool gen_h_pair_scalar(DisasContext *s, uint32_t insn, unsigned op)
{
    SimdDesc d;
    if (!h_desc(s, insn, op, true, &d))
        return false;
    d.pair = SIMD_PAIR_SCALAR;
    gen_simd_call(s, &d);
    return true;
}

/* By element: Vm is V0-V15 (bits 19:16), the index H:L:M. */
static bool gen_h_elem(DisasContext *s, uint32_t insn, unsigned op, bool scalar)
{
    SimdDesc d;
    if (!h_desc(s, insn, op, scalar, &d))
        return false;
    d.rm = bits(insn, 16, 4);
    d.idx = (int)(bits(insn, 11, 1) << 2 | bits(insn, 20, 2));
    gen_simd_call(s, &d);
    return true;
}

/* FMLAL/FMLSL(2) (FEAT_FHM): 2S/4S accumulators; by element, Vm is V0-V15
 * and the index H:L:M travels in imm. */
static bool gen_fmlal(DisasContext *s, uint32_t insn, unsigned op, bool hi, bool elem)
{
    if (!A64_HAS(s, A64_FEAT_ASIMDFHM))
        return false;
    SimdDesc d = simd_desc(insn, op, 2);
    d.hi = hi;
    if (elem) {
        d.rm = bits(insn, 16, 4);
        d.imm = 8 | bits(insn, 11, 1) << 2 | bits(insn, 20, 2);
    }
    gen_simd_call(s, &d);
    return true;
}

TRANS(FMAXNM_h, gen_h_3same, SIMD_OP_FMAXNM, SIMD_PAIR_NONE)
TRANS(FMINNM_h, gen_h_3same, SIMD_OP_FMINNM, SIMD_PAIR_NONE)
TRANS(FMLA_h, gen_h_3same, SIMD_OP_FMLA, SIMD_PAIR_NONE)
TRANS(FMLS_h, gen_h_3same, SIMD_OP_FMLS, SIMD_PAIR_NONE)
TRANS(FADD_h, gen_h_3same, SIMD_OP_FADD, SIMD_PAIR_NONE)
TRANS(FSUB_h, gen_h_3same, SIMD_OP_FSUB, SIMD_PAIR_NONE)
TRANS(FMULX_h, gen_h_3same, SIMD_OP_FMULX, SIMD_PAIR_NONE)
TRANS(FCMEQ_h, gen_h_3same, SIMD_OP_FCMEQ, SIMD_PAIR_NONE)
TRANS(FMAX_h, gen_h_3same, SIMD_OP_FMAX, SIMD_PAIR_NONE)
TRANS(FMIN_h, gen_h_3same, SIMD_OP_FMIN, SIMD_PAIR_NONE)
TRANS(FRECPS_h, gen_h_3same, SIMD_OP_FRECPS, SIMD_PAIR_NONE)
TRANS(FRSQRTS_h, gen_h_3same, SIMD_OP_FRSQRTS, SIMD_PAIR_NONE)
TRANS(FMAXNMP_h, gen_h_3same, SIMD_OP_FMAXNM, SIMD_PAIR_VEC)
TRANS(FMINNMP_h, gen_h_3same, SIMD_OP_FMINNM, SIMD_PAIR_VEC)
TRANS(FADDP_h, gen_h_3same, SIMD_OP_FADD, SIMD_PAIR_VEC)
TRANS(FABD_h, gen_h_3same, SIMD_OP_FABD, SIMD_PAIR_NONE)
TRANS(FMUL_h, gen_h_3same, SIMD_OP_FMUL, SIMD_PAIR_NONE)
TRANS(FCMGE_h, gen_h_3same, SIMD_OP_FCMGE, SIMD_PAIR_NONE)
TRANS(FCMGT_h, gen_h_3same, SIMD_OP_FCMGT, SIMD_PAIR_NONE)
TRANS(FACGE_h, gen_h_3same, SIMD_OP_FACGE, SIMD_PAIR_NONE)
TRANS(FACGT_h, gen_h_3same, SIMD_OP_FACGT, SIMD_PAIR_NONE)
TRANS(FMAXP_h, gen_h_3same, SIMD_OP_FMAX, SIMD_PAIR_VEC)
TRANS(FMINP_h, gen_h_3same, SIMD_OP_FMIN, SIMD_PAIR_VEC)
TRANS(FDIV_h, gen_h_3same, SIMD_OP_FDIV, SIMD_PAIR_NONE)
TRANS(FMULX_hs, gen_h_op, SIMD_OP_FMULX, 0, true)
TRANS(FCMEQ_hs, gen_h_op, SIMD_OP_FCMEQ, 0, true)
TRANS(FRECPS_hs, gen_h_op, SIMD_OP_FRECPS, 0, true)
TRANS(FRSQRTS_hs, gen_h_op, SIMD_OP_FRSQRTS, 0, true)
TRANS(FABD_hs, gen_h_op, SIMD_OP_FABD, 0, true)
TRANS(FCMGE_hs, gen_h_op, SIMD_OP_FCMGE, 0, true)
TRANS(FCMGT_hs, gen_h_op, SIMD_OP_FCMGT, 0, true)
TRANS(FACGE_hs, gen_h_op, SIMD_OP_FACGE, 0, true)
TRANS(FACGT_hs, gen_h_op, SIMD_OP_FACGT, 0, true)
/* two-register miscellaneous, vector (_h) and scalar (_hs) */
#define H2MISC(name, op, imm) \
    TRANS(name##_h, gen_h_op, op, imm, false) \
    TRANS(name##_hs, gen_h_op, op, imm, true)
TRANS(FRINTN_h, gen_h_op, SIMD_OP_FRINT, FPU_RN, false)
TRANS(FRINTM_h, gen_h_op, SIMD_OP_FRINT, FPU_RM, false)
TRANS(FRINTP_h, gen_h_op, SIMD_OP_FRINT, FPU_RP, false)
TRANS(FRINTZ_h, gen_h_op, SIMD_OP_FRINT, FPU_RZ, false)
TRANS(FRINTA_h, gen_h_op, SIMD_OP_FRINT, FPU_RA, false)
TRANS(FRINTX_h, gen_h_op, SIMD_OP_FRINT, FRINT_X, false)
TRANS(FRINTI_h, gen_h_op, SIMD_OP_FRINT, SIMD_FRINT_FPCR, false)
H2MISC(FCVTNS, SIMD_OP_FCVTS, FPU_RN)
H2MISC(FCVTMS, SIMD_OP_FCVTS, FPU_RM)
H2MISC(FCVTPS, SIMD_OP_FCVTS, FPU_RP)
H2MISC(FCVTZS, SIMD_OP_FCVTS, FPU_RZ)
H2MISC(FCVTAS, SIMD_OP_FCVTS, FPU_RA)
H2MISC(FCVTNU, SIMD_OP_FCVTU, FPU_RN)
H2MISC(FCVTMU, SIMD_OP_FCVTU, FPU_RM)
H2MISC(FCVTPU, SIMD_OP_FCVTU, FPU_RP)
H2MISC(FCVTZU, SIMD_OP_FCVTU, FPU_RZ)
H2MISC(FCVTAU, SIMD_OP_FCVTU, FPU_RA)
H2MISC(SCVTF, SIMD_OP_SCVTF, 0)
H2MISC(UCVTF, SIMD_OP_UCVTF, 0)
H2MISC(FCMGT0, SIMD_OP_FCMGT0, 0)
H2MISC(FCMEQ0, SIMD_OP_FCMEQ0, 0)
H2MISC(FCMLT0, SIMD_OP_FCMLT0, 0)
H2MISC(FCMGE0, SIMD_OP_FCMGE0, 0)
H2MISC(FCMLE0, SIMD_OP_FCMLE0, 0)
H2MISC(FRECPE, SIMD_OP_FRECPE, 0)
H2MISC(FRSQRTE, SIMD_OP_FRSQRTE, 0)
TRANS(FABS_h, gen_h_op, SIMD_OP_FABS, 0, false)
TRANS(FNEG_h, gen_h_op, SIMD_OP_FNEG, 0, false)
TRANS(FSQRT_h, gen_h_op, SIMD_OP_FSQRT, 0, false)
TRANS(FRECPX_hs, gen_h_op, SIMD_OP_FRECPX, 0, true)
/* across lanes, scalar pairwise, by element */
TRANS(FMAXNMV_h, gen_h_across, SIMD_OP_FMAXNMV)
TRANS(FMINNMV_h, gen_h_across, SIMD_OP_FMINNMV)
TRANS(FMAXV_h, gen_h_across, SIMD_OP_FMAXV)
TRANS(FMINV_h, gen_h_across, SIMD_OP_FMINV)
TRANS(FADDP_hs, gen_h_pair_scalar, SIMD_OP_FADD)
TRANS(FMAXP_hs, gen_h_pair_scalar, SIMD_OP_FMAX)
TRANS(FMINP_hs, gen_h_pair_scalar, SIMD_OP_FMIN)
TRANS(FMAXNMP_hs, gen_h_pair_scalar, SIMD_OP_FMAXNM)
TRANS(FMINNMP_hs, gen_h_pair_scalar, SIMD_OP_FMINNM)
TRANS(FMLA_hx, gen_h_elem, SIMD_OP_FMLA, false)
TRANS(FMLS_hx, gen_h_elem, SIMD_OP_FMLS, false)
TRANS(FMUL_hx, gen_h_elem, SIMD_OP_FMUL, false)
TRANS(FMULX_hx, gen_h_elem, SIMD_OP_FMULX, false)
TRANS(FMLA_hxs, gen_h_elem, SIMD_OP_FMLA, true)
TRANS(FMLS_hxs, gen_h_elem, SIMD_OP_FMLS, true)
TRANS(FMUL_hxs, gen_h_elem, SIMD_OP_FMUL, true)
TRANS(FMULX_hxs, gen_h_elem, SIMD_OP_FMULX, true)
/* FEAT_FHM */
TRANS(FMLAL, gen_fmlal, SIMD_OP_FMLAL, false, false)
TRANS(FMLSL, gen_fmlal, SIMD_OP_FMLSL, false, false)
TRANS(FMLAL2, gen_fmlal, SIMD_OP_FMLAL, true, false)
TRANS(FMLSL2, gen_fmlal, SIMD_OP_FMLSL, true, false)
TRANS(FMLAL_x, gen_fmlal, SIMD_OP_FMLAL, false, true)
TRANS(FMLSL_x, gen_fmlal, SIMD_OP_FMLSL, false, true)
TRANS(FMLAL2_x, gen_fmlal, SIMD_OP_FMLAL, true, true)
TRANS(FMLSL2_x, gen_fmlal, SIMD_OP_FMLSL, true, true)

/* ---- three same ---- */
TRANS(FMAXNM, gen_simd_fp_3same, SIMD_OP_FMAXNM, SIMD_PAIR_NONE)
TRANS(FMINNM, gen_simd_fp_3same, SIMD_OP_FMINNM, SIMD_PAIR_NONE)
TRANS(FMLA, gen_simd_fp_3same, SIMD_OP_FMLA, SIMD_PAIR_NONE)
TRANS(FMLS, gen_simd_fp_3same, SIMD_OP_FMLS, SIMD_PAIR_NONE)
TRANS(FADD, gen_simd_fp_3same, SIMD_OP_FADD, SIMD_PAIR_NONE)
TRANS(FSUB, gen_simd_fp_3same, SIMD_OP_FSUB, SIMD_PAIR_NONE)
TRANS(FMULX, gen_simd_fp_3same, SIMD_OP_FMULX, SIMD_PAIR_NONE)
TRANS(FCMEQ, gen_simd_fp_3same, SIMD_OP_FCMEQ, SIMD_PAIR_NONE)
TRANS(FMAX, gen_simd_fp_3same, SIMD_OP_FMAX, SIMD_PAIR_NONE)
TRANS(FMIN, gen_simd_fp_3same, SIMD_OP_FMIN, SIMD_PAIR_NONE)
TRANS(FRECPS, gen_simd_fp_3same, SIMD_OP_FRECPS, SIMD_PAIR_NONE)
TRANS(FRSQRTS, gen_simd_fp_3same, SIMD_OP_FRSQRTS, SIMD_PAIR_NONE)
TRANS(FMAXNMP, gen_simd_fp_3same, SIMD_OP_FMAXNM, SIMD_PAIR_VEC)
TRANS(FMINNMP, gen_simd_fp_3same, SIMD_OP_FMINNM, SIMD_PAIR_VEC)
TRANS(FADDP, gen_simd_fp_3same, SIMD_OP_FADD, SIMD_PAIR_VEC)
TRANS(FABD, gen_simd_fp_3same, SIMD_OP_FABD, SIMD_PAIR_NONE)
TRANS(FMUL, gen_simd_fp_3same, SIMD_OP_FMUL, SIMD_PAIR_NONE)
TRANS(FCMGE, gen_simd_fp_3same, SIMD_OP_FCMGE, SIMD_PAIR_NONE)
TRANS(FCMGT, gen_simd_fp_3same, SIMD_OP_FCMGT, SIMD_PAIR_NONE)
TRANS(FACGE, gen_simd_fp_3same, SIMD_OP_FACGE, SIMD_PAIR_NONE)
TRANS(FACGT, gen_simd_fp_3same, SIMD_OP_FACGT, SIMD_PAIR_NONE)
TRANS(FMAXP, gen_simd_fp_3same, SIMD_OP_FMAX, SIMD_PAIR_VEC)
TRANS(FMINP, gen_simd_fp_3same, SIMD_OP_FMIN, SIMD_PAIR_VEC)
TRANS(FDIV, gen_simd_fp_3same, SIMD_OP_FDIV, SIMD_PAIR_NONE)
TRANS(FMULX_s, gen_simd_fp_3same_scalar, SIMD_OP_FMULX)
TRANS(FCMEQ_s, gen_simd_fp_3same_scalar, SIMD_OP_FCMEQ)
TRANS(FRECPS_s, gen_simd_fp_3same_scalar, SIMD_OP_FRECPS)
TRANS(FRSQRTS_s, gen_simd_fp_3same_scalar, SIMD_OP_FRSQRTS)
TRANS(FABD_s, gen_simd_fp_3same_scalar, SIMD_OP_FABD)
TRANS(FCMGE_s, gen_simd_fp_3same_scalar, SIMD_OP_FCMGE)
TRANS(FCMGT_s, gen_simd_fp_3same_scalar, SIMD_OP_FCMGT)
TRANS(FACGE_s, gen_simd_fp_3same_scalar, SIMD_OP_FACGE)
TRANS(FACGT_s, gen_simd_fp_3same_scalar, SIMD_OP_FACGT)

/* ---- two-register miscellaneous ---- */
TRANS(FCVTN, gen_fcvtn, SIMD_OP_FCVTN, false)
TRANS(FCVTXN, gen_fcvtn, SIMD_OP_FCVTXN, false)
TRANS(FCVTXN_s, gen_fcvtn, SIMD_OP_FCVTXN, true)
TRANS(FRINTN, gen_fp_2misc, SIMD_OP_FRINT, FPU_RN)
TRANS(FRINTM, gen_fp_2misc, SIMD_OP_FRINT, FPU_RM)
TRANS(FRINTP, gen_fp_2misc, SIMD_OP_FRINT, FPU_RP)
TRANS(FRINTZ, gen_fp_2misc, SIMD_OP_FRINT, FPU_RZ)
TRANS(FRINTA, gen_fp_2misc, SIMD_OP_FRINT, FPU_RA)
TRANS(FRINTX, gen_fp_2misc, SIMD_OP_FRINT, FRINT_X)
TRANS(FRINTI, gen_fp_2misc, SIMD_OP_FRINT, SIMD_FRINT_FPCR)
TRANS(FRINT32Z, gen_frint_n, SIMD_OP_FRINT32, FPU_RZ)
TRANS(FRINT32X, gen_frint_n, SIMD_OP_FRINT32, SIMD_FRINT_FPCR)
TRANS(FRINT64Z, gen_frint_n, SIMD_OP_FRINT64, FPU_RZ)
TRANS(FRINT64X, gen_frint_n, SIMD_OP_FRINT64, SIMD_FRINT_FPCR)
TRANS(FCVTNS, gen_fp_2misc, SIMD_OP_FCVTS, FPU_RN)
TRANS(FCVTMS, gen_fp_2misc, SIMD_OP_FCVTS, FPU_RM)
TRANS(FCVTPS, gen_fp_2misc, SIMD_OP_FCVTS, FPU_RP)
TRANS(FCVTZS, gen_fp_2misc, SIMD_OP_FCVTS, FPU_RZ)
TRANS(FCVTAS, gen_fp_2misc, SIMD_OP_FCVTS, FPU_RA)
TRANS(FCVTNU, gen_fp_2misc, SIMD_OP_FCVTU, FPU_RN)
TRANS(FCVTMU, gen_fp_2misc, SIMD_OP_FCVTU, FPU_RM)
TRANS(FCVTPU, gen_fp_2misc, SIMD_OP_FCVTU, FPU_RP)
TRANS(FCVTZU, gen_fp_2misc, SIMD_OP_FCVTU, FPU_RZ)
TRANS(FCVTAU, gen_fp_2misc, SIMD_OP_FCVTU, FPU_RA)
TRANS(SCVTF, gen_fp_2misc, SIMD_OP_SCVTF, 0)
TRANS(UCVTF, gen_fp_2misc, SIMD_OP_UCVTF, 0)
TRANS(FCMGT0, gen_fp_2misc, SIMD_OP_FCMGT0, 0)
TRANS(FCMEQ0, gen_fp_2misc, SIMD_OP_FCMEQ0, 0)
TRANS(FCMLT0, gen_fp_2misc, SIMD_OP_FCMLT0, 0)
TRANS(FCMGE0, gen_fp_2misc, SIMD_OP_FCMGE0, 0)
TRANS(FCMLE0, gen_fp_2misc, SIMD_OP_FCMLE0, 0)
TRANS(FABS, gen_fp_2misc, SIMD_OP_FABS, 0)
TRANS(FNEG, gen_fp_2misc, SIMD_OP_FNEG, 0)
TRANS(FSQRT, gen_fp_2misc, SIMD_OP_FSQRT, 0)
TRANS(FRECPE, gen_fp_2misc, SIMD_OP_FRECPE, 0)
TRANS(FRSQRTE, gen_fp_2misc, SIMD_OP_FRSQRTE, 0)
TRANS(URECPE, gen_u_estimate, SIMD_OP_URECPE)
TRANS(URSQRTE, gen_u_estimate, SIMD_OP_URSQRTE)

/* ---- scalar two-register miscellaneous ---- */
TRANS(FCVTNS_s, gen_fp_2misc_scalar, SIMD_OP_FCVTS, FPU_RN)
TRANS(FCVTMS_s, gen_fp_2misc_scalar, SIMD_OP_FCVTS, FPU_RM)
TRANS(FCVTPS_s, gen_fp_2misc_scalar, SIMD_OP_FCVTS, FPU_RP)
TRANS(FCVTZS_s, gen_fp_2misc_scalar, SIMD_OP_FCVTS, FPU_RZ)
TRANS(FCVTAS_s, gen_fp_2misc_scalar, SIMD_OP_FCVTS, FPU_RA)
TRANS(FCVTNU_s, gen_fp_2misc_scalar, SIMD_OP_FCVTU, FPU_RN)
TRANS(FCVTMU_s, gen_fp_2misc_scalar, SIMD_OP_FCVTU, FPU_RM)
TRANS(FCVTPU_s, gen_fp_2misc_scalar, SIMD_OP_FCVTU, FPU_RP)
TRANS(FCVTZU_s, gen_fp_2misc_scalar, SIMD_OP_FCVTU, FPU_RZ)
TRANS(FCVTAU_s, gen_fp_2misc_scalar, SIMD_OP_FCVTU, FPU_RA)
TRANS(SCVTF_s, gen_fp_2misc_scalar, SIMD_OP_SCVTF, 0)
TRANS(UCVTF_s, gen_fp_2misc_scalar, SIMD_OP_UCVTF, 0)
TRANS(FCMGT0_s, gen_fp_2misc_scalar, SIMD_OP_FCMGT0, 0)
TRANS(FCMEQ0_s, gen_fp_2misc_scalar, SIMD_OP_FCMEQ0, 0)
TRANS(FCMLT0_s, gen_fp_2misc_scalar, SIMD_OP_FCMLT0, 0)
TRANS(FCMGE0_s, gen_fp_2misc_scalar, SIMD_OP_FCMGE0, 0)
TRANS(FCMLE0_s, gen_fp_2misc_scalar, SIMD_OP_FCMLE0, 0)
TRANS(FRECPE_s, gen_fp_2misc_scalar, SIMD_OP_FRECPE, 0)
TRANS(FRSQRTE_s, gen_fp_2misc_scalar, SIMD_OP_FRSQRTE, 0)
TRANS(FRECPX_s, gen_fp_2misc_scalar, SIMD_OP_FRECPX, 0)

/* ---- across lanes, scalar pairwise ---- */
TRANS(FMAXNMV, gen_fp_across, SIMD_OP_FMAXNMV)
TRANS(FMINNMV, gen_fp_across, SIMD_OP_FMINNMV)
TRANS(FMAXV, gen_fp_across, SIMD_OP_FMAXV)
TRANS(FMINV, gen_fp_across, SIMD_OP_FMINV)
TRANS(FADDP_s, gen_fp_pair_scalar, SIMD_OP_FADD)
TRANS(FMAXP_s, gen_fp_pair_scalar, SIMD_OP_FMAX)
TRANS(FMINP_s, gen_fp_pair_scalar, SIMD_OP_FMIN)
TRANS(FMAXNMP_s, gen_fp_pair_scalar, SIMD_OP_FMAXNM)
TRANS(FMINNMP_s, gen_fp_pair_scalar, SIMD_OP_FMINNM)

/* ---- x indexed element ---- */
TRANS(FMLA_x, gen_fp_elem, SIMD_OP_FMLA, false)
TRANS(FMLS_x, gen_fp_elem, SIMD_OP_FMLS, false)
TRANS(FMUL_x, gen_fp_elem, SIMD_OP_FMUL, false)
TRANS(FMULX_x, gen_fp_elem, SIMD_OP_FMULX, false)
TRANS(FMLA_xs, gen_fp_elem, SIMD_OP_FMLA, true)
TRANS(FMLS_xs, gen_fp_elem, SIMD_OP_FMLS, true)
TRANS(FMUL_xs, gen_fp_elem, SIMD_OP_FMUL, true)
TRANS(FMULX_xs, gen_fp_elem, SIMD_OP_FMULX, true)

/* ---- fixed-point conversions ---- */
TRANS(SCVTF_fix, gen_fcvt_fixed, SIMD_OP_SCVTF, false)
TRANS(UCVTF_fix, gen_fcvt_fixed, SIMD_OP_UCVTF, false)
TRANS(FCVTZS_fix, gen_fcvt_fixed, SIMD_OP_FCVTS, false)
TRANS(FCVTZU_fix, gen_fcvt_fixed, SIMD_OP_FCVTU, false)
TRANS(SCVTF_fix_s, gen_fcvt_fixed, SIMD_OP_SCVTF, true)
TRANS(UCVTF_fix_s, gen_fcvt_fixed, SIMD_OP_UCVTF, true)
TRANS(FCVTZS_fix_s, gen_fcvt_fixed, SIMD_OP_FCVTS, true)
TRANS(FCVTZU_fix_s, gen_fcvt_fixed, SIMD_OP_FCVTU, true)

/* Bit 23 ("o") picks between the paired operations of an opcode. */
#define V3F(u, o, opc) "0 q " u " 01110 " o " z 1 mmmmm " opc " 1 nnnnn ddddd"
#define S3F(u, o, opc) "01 " u " 11110 " o " z 1 mmmmm " opc " 1 nnnnn ddddd"
#define V2F(u, o, opc) "0 q " u " 01110 " o " z 10000 " opc " 10 nnnnn ddddd"
#define S2F(u, o, opc) "01 " u " 11110 " o " z 10000 " opc " 10 nnnnn ddddd"
#define VXF(u, opc) "0 q " u " 01111 1 z l m mmmm " opc " h 0 nnnnn ddddd"
#define SXF(u, opc) "01 " u " 11111 1 z l m mmmm " opc " h 0 nnnnn ddddd"
#define VFX(u, opc) "0 q " u " 011110 hhhh bbb " opc " 1 nnnnn ddddd"
#define SFX(u, opc) "01 " u " 111110 hhhh bbb " opc " 1 nnnnn ddddd"
/* Half precision (FEAT_FP16) groups; "a" is bit 23 as in the manual. */
#define V3H(u, a, opc) "0 q " u " 01110 " a " 10 mmmmm 00 " opc " 1 nnnnn ddddd"
#define S3H(u, a, opc) "01 " u " 11110 " a " 10 mmmmm 00 " opc " 1 nnnnn ddddd"
#define V2H(u, a, opc) "0 q " u " 01110 " a " 111100 " opc " 10 nnnnn ddddd"
#define S2H(u, a, opc) "01 " u " 11110 " a " 111100 " opc " 10 nnnnn ddddd"
#define VXH(u, opc) "0 q " u " 01111 00 l m mmmm " opc " h 0 nnnnn ddddd"
#define SXH(u, opc) "01 " u " 11111 00 l m mmmm " opc " h 0 nnnnn ddddd"

const DecodePattern a64_simd_fp_patterns[] = {
    /* Advanced SIMD three same (floating point) */
    { V3F("0", "0", "11000"), trans_FMAXNM, "FMAXNM (vector)" },
    { V3F("0", "1", "11000"), trans_FMINNM, "FMINNM (vector)" },
    { V3F("0", "0", "11001"), trans_FMLA, "FMLA (vector)" },
    { V3F("0", "1", "11001"), trans_FMLS, "FMLS (vector)" },
    { V3F("0", "0", "11010"), trans_FADD, "FADD (vector)" },
    { V3F("0", "1", "11010"), trans_FSUB, "FSUB (vector)" },
    { V3F("0", "0", "11011"), trans_FMULX, "FMULX" },
    { V3F("0", "0", "11100"), trans_FCMEQ, "FCMEQ (register)" },
    { V3F("0", "0", "11110"), trans_FMAX, "FMAX (vector)" },
    { V3F("0", "1", "11110"), trans_FMIN, "FMIN (vector)" },
    { V3F("0", "0", "11111"), trans_FRECPS, "FRECPS" },
    { V3F("0", "1", "11111"), trans_FRSQRTS, "FRSQRTS" },
    { V3F("1", "0", "11000"), trans_FMAXNMP, "FMAXNMP (vector)" },
    { V3F("1", "1", "11000"), trans_FMINNMP, "FMINNMP (vector)" },
    { V3F("1", "0", "11010"), trans_FADDP, "FADDP (vector)" },
    { V3F("1", "1", "11010"), trans_FABD, "FABD" },
    { V3F("1", "0", "11011"), trans_FMUL, "FMUL (vector)" },
    { V3F("1", "0", "11100"), trans_FCMGE, "FCMGE (register)" },
    { V3F("1", "1", "11100"), trans_FCMGT, "FCMGT (register)" },
    { V3F("1", "0", "11101"), trans_FACGE, "FACGE" },
    { V3F("1", "1", "11101"), trans_FACGT, "FACGT" },
    { V3F("1", "0", "11110"), trans_FMAXP, "FMAXP (vector)" },
    { V3F("1", "1", "11110"), trans_FMINP, "FMINP (vector)" },
    { V3F("1", "0", "11111"), trans_FDIV, "FDIV (vector)" },
    /* Advanced SIMD scalar three same (floating point) */
    { S3F("0", "0", "11011"), trans_FMULX_s, "FMULX (scalar)" },
    { S3F("0", "0", "11100"), trans_FCMEQ_s, "FCMEQ (register, scalar)" },
    { S3F("0", "0", "11111"), trans_FRECPS_s, "FRECPS (scalar)" },
    { S3F("0", "1", "11111"), trans_FRSQRTS_s, "FRSQRTS (scalar)" },
    { S3F("1", "1", "11010"), trans_FABD_s, "FABD (scalar)" },
    { S3F("1", "0", "11100"), trans_FCMGE_s, "FCMGE (register, scalar)" },
    { S3F("1", "1", "11100"), trans_FCMGT_s, "FCMGT (register, scalar)" },
    { S3F("1", "0", "11101"), trans_FACGE_s, "FACGE (scalar)" },
    { S3F("1", "1", "11101"), trans_FACGT_s, "FACGT (scalar)" },
    /* Advanced SIMD two-register miscellaneous (floating point) */
    { V2F("0", "0", "10110"), trans_FCVTN, "FCVTN" },
    { V2F("0", "0", "10111"), trans_FCVTL, "FCVTL" },
    { V2F("1", "0", "10110"), trans_FCVTXN, "FCVTXN" },
    { V2F("0", "0", "11000"), trans_FRINTN, "FRINTN (vector)" },
    { V2F("0", "0", "11001"), trans_FRINTM, "FRINTM (vector)" },
    { V2F("0", "1", "11000"), trans_FRINTP, "FRINTP (vector)" },
    { V2F("0", "1", "11001"), trans_FRINTZ, "FRINTZ (vector)" },
    { V2F("1", "0", "11000"), trans_FRINTA, "FRINTA (vector)" },
    { V2F("1", "0", "11001"), trans_FRINTX, "FRINTX (vector)" },
    { V2F("1", "1", "11001"), trans_FRINTI, "FRINTI (vector)" },
    { V2F("0", "0", "11110"), trans_FRINT32Z, "FRINT32Z (vector)" },
    { V2F("1", "0", "11110"), trans_FRINT32X, "FRINT32X (vector)" },
    { V2F("0", "0", "11111"), trans_FRINT64Z, "FRINT64Z (vector)" },
    { V2F("1", "0", "11111"), trans_FRINT64X, "FRINT64X (vector)" },
    { V2F("0", "0", "11010"), trans_FCVTNS, "FCVTNS (vector)" },
    { V2F("0", "0", "11011"), trans_FCVTMS, "FCVTMS (vector)" },
    { V2F("0", "0", "11100"), trans_FCVTAS, "FCVTAS (vector)" },
    { V2F("0", "0", "11101"), trans_SCVTF, "SCVTF (vector, integer)" },
    { V2F("0", "1", "11010"), trans_FCVTPS, "FCVTPS (vector)" },
    { V2F("0", "1", "11011"), trans_FCVTZS, "FCVTZS (vector, integer)" },
    { V2F("0", "1", "11100"), trans_URECPE, "URECPE" },
    { V2F("0", "1", "11101"), trans_FRECPE, "FRECPE" },
    { V2F("1", "0", "11010"), trans_FCVTNU, "FCVTNU (vector)" },
    { V2F("1", "0", "11011"), trans_FCVTMU, "FCVTMU (vector)" },
    { V2F("1", "0", "11100"), trans_FCVTAU, "FCVTAU (vector)" },
    { V2F("1", "0", "11101"), trans_UCVTF, "UCVTF (vector, integer)" },
    { V2F("1", "1", "11010"), trans_FCVTPU, "FCVTPU (vector)" },
    { V2F("1", "1", "11011"), trans_FCVTZU, "FCVTZU (vector, integer)" },
    { V2F("1", "1", "11100"), trans_URSQRTE, "URSQRTE" },
    { V2F("1", "1", "11101"), trans_FRSQRTE, "FRSQRTE" },
    { V2F("0", "1", "01100"), trans_FCMGT0, "FCMGT (zero)" },
    { V2F("0", "1", "01101"), trans_FCMEQ0, "FCMEQ (zero)" },
    { V2F("0", "1", "01110"), trans_FCMLT0, "FCMLT (zero)" },
    { V2F("0", "1", "01111"), trans_FABS, "FABS (vector)" },
    { V2F("1", "1", "01100"), trans_FCMGE0, "FCMGE (zero)" },
    { V2F("1", "1", "01101"), trans_FCMLE0, "FCMLE (zero)" },
    { V2F("1", "1", "01111"), trans_FNEG, "FNEG (vector)" },
    { V2F("1", "1", "11111"), trans_FSQRT, "FSQRT (vector)" },
    /* Advanced SIMD scalar two-register miscellaneous (floating point) */
    { S2F("0", "0", "11010"), trans_FCVTNS_s, "FCVTNS (vector, scalar)" },
    { S2F("0", "0", "11011"), trans_FCVTMS_s, "FCVTMS (vector, scalar)" },
    { S2F("0", "0", "11100"), trans_FCVTAS_s, "FCVTAS (vector, scalar)" },
    { S2F("0", "0", "11101"), trans_SCVTF_s, "SCVTF (vector, integer, scalar)" },
    { S2F("0", "1", "11010"), trans_FCVTPS_s, "FCVTPS (vector, scalar)" },
    { S2F("0", "1", "11011"), trans_FCVTZS_s, "FCVTZS (vector, integer, scalar)" },
    { S2F("0", "1", "11101"), trans_FRECPE_s, "FRECPE (scalar)" },
    { S2F("0", "1", "11111"), trans_FRECPX_s, "FRECPX" },
    { S2F("1", "0", "10110"), trans_FCVTXN_s, "FCVTXN (scalar)" },
    { S2F("1", "0", "11010"), trans_FCVTNU_s, "FCVTNU (vector, scalar)" },
    { S2F("1", "0", "11011"), trans_FCVTMU_s, "FCVTMU (vector, scalar)" },
    { S2F("1", "0", "11100"), trans_FCVTAU_s, "FCVTAU (vector, scalar)" },
    { S2F("1", "0", "11101"), trans_UCVTF_s, "UCVTF (vector, integer, scalar)" },
    { S2F("1", "1", "11010"), trans_FCVTPU_s, "FCVTPU (vector, scalar)" },
    { S2F("1", "1", "11011"), trans_FCVTZU_s, "FCVTZU (vector, integer, scalar)" },
    { S2F("1", "1", "11101"), trans_FRSQRTE_s, "FRSQRTE (scalar)" },
    { S2F("0", "1", "01100"), trans_FCMGT0_s, "FCMGT (zero, scalar)" },
    { S2F("0", "1", "01101"), trans_FCMEQ0_s, "FCMEQ (zero, scalar)" },
    { S2F("0", "1", "01110"), trans_FCMLT0_s, "FCMLT (zero, scalar)" },
    { S2F("1", "1", "01100"), trans_FCMGE0_s, "FCMGE (zero, scalar)" },
    { S2F("1", "1", "01101"), trans_FCMLE0_s, "FCMLE (zero, scalar)" },
    /* Advanced SIMD across lanes (single precision) */
    { "0 q 1 01110 0 0 11000 01100 10 nnnnn ddddd", trans_FMAXNMV, "FMAXNMV" },
    { "0 q 1 01110 1 0 11000 01100 10 nnnnn ddddd", trans_FMINNMV, "FMINNMV" },
    { "0 q 1 01110 0 0 11000 01111 10 nnnnn ddddd", trans_FMAXV, "FMAXV" },
    { "0 q 1 01110 1 0 11000 01111 10 nnnnn ddddd", trans_FMINV, "FMINV" },
    /* Advanced SIMD scalar pairwise (single and double precision) */
    { "01 1 11110 0 z 11000 01100 10 nnnnn ddddd", trans_FMAXNMP_s, "FMAXNMP (scalar)" },
    { "01 1 11110 1 z 11000 01100 10 nnnnn ddddd", trans_FMINNMP_s, "FMINNMP (scalar)" },
    { "01 1 11110 0 z 11000 01101 10 nnnnn ddddd", trans_FADDP_s, "FADDP (scalar)" },
    { "01 1 11110 0 z 11000 01111 10 nnnnn ddddd", trans_FMAXP_s, "FMAXP (scalar)" },
    { "01 1 11110 1 z 11000 01111 10 nnnnn ddddd", trans_FMINP_s, "FMINP (scalar)" },
    /* Advanced SIMD (scalar) x indexed element (floating point) */
    { VXF("0", "0001"), trans_FMLA_x, "FMLA (by element)" },
    { VXF("0", "0101"), trans_FMLS_x, "FMLS (by element)" },
    { VXF("0", "1001"), trans_FMUL_x, "FMUL (by element)" },
    { VXF("1", "1001"), trans_FMULX_x, "FMULX (by element)" },
    { SXF("0", "0001"), trans_FMLA_xs, "FMLA (by element, scalar)" },
    { SXF("0", "0101"), trans_FMLS_xs, "FMLS (by element, scalar)" },
    { SXF("0", "1001"), trans_FMUL_xs, "FMUL (by element, scalar)" },
    { SXF("1", "1001"), trans_FMULX_xs, "FMULX (by element, scalar)" },
    /* Advanced SIMD (scalar) shift by immediate: fixed-point conversions */
    { VFX("0", "11100"), trans_SCVTF_fix, "SCVTF (vector, fixed-point)" },
    { VFX("1", "11100"), trans_UCVTF_fix, "UCVTF (vector, fixed-point)" },
    { VFX("0", "11111"), trans_FCVTZS_fix, "FCVTZS (vector, fixed-point)" },
    { VFX("1", "11111"), trans_FCVTZU_fix, "FCVTZU (vector, fixed-point)" },
    { SFX("0", "11100"), trans_SCVTF_fix_s, "SCVTF (vector, fixed-point, scalar)" },
    { SFX("1", "11100"), trans_UCVTF_fix_s, "UCVTF (vector, fixed-point, scalar)" },
    { SFX("0", "11111"), trans_FCVTZS_fix_s, "FCVTZS (vector, fixed-point, scalar)" },
    { SFX("1", "11111"), trans_FCVTZU_fix_s, "FCVTZU (vector, fixed-point, scalar)" },
    /* Advanced SIMD three same (FP16) */
    { V3H("0", "0", "000"), trans_FMAXNM_h, "FMAXNM (vector, half)" },
    { V3H("0", "0", "001"), trans_FMLA_h, "FMLA (vector, half)" },
    { V3H("0", "0", "010"), trans_FADD_h, "FADD (vector, half)" },
    { V3H("0", "0", "011"), trans_FMULX_h, "FMULX (half)" },
    { V3H("0", "0", "100"), trans_FCMEQ_h, "FCMEQ (register, half)" },
    { V3H("0", "0", "110"), trans_FMAX_h, "FMAX (vector, half)" },
    { V3H("0", "0", "111"), trans_FRECPS_h, "FRECPS (half)" },
    { V3H("0", "1", "000"), trans_FMINNM_h, "FMINNM (vector, half)" },
    { V3H("0", "1", "001"), trans_FMLS_h, "FMLS (vector, half)" },
    { V3H("0", "1", "010"), trans_FSUB_h, "FSUB (vector, half)" },
    { V3H("0", "1", "110"), trans_FMIN_h, "FMIN (vector, half)" },
    { V3H("0", "1", "111"), trans_FRSQRTS_h, "FRSQRTS (half)" },
    { V3H("1", "0", "000"), trans_FMAXNMP_h, "FMAXNMP (vector, half)" },
    { V3H("1", "0", "010"), trans_FADDP_h, "FADDP (vector, half)" },
    { V3H("1", "0", "011"), trans_FMUL_h, "FMUL (vector, half)" },
    { V3H("1", "0", "100"), trans_FCMGE_h, "FCMGE (register, half)" },
    { V3H("1", "0", "101"), trans_FACGE_h, "FACGE (half)" },
    { V3H("1", "0", "110"), trans_FMAXP_h, "FMAXP (vector, half)" },
    { V3H("1", "0", "111"), trans_FDIV_h, "FDIV (vector, half)" },
    { V3H("1", "1", "000"), trans_FMINNMP_h, "FMINNMP (vector, half)" },
    { V3H("1", "1", "010"), trans_FABD_h, "FABD (half)" },
    { V3H("1", "1", "100"), trans_FCMGT_h, "FCMGT (register, half)" },
    { V3H("1", "1", "101"), trans_FACGT_h, "FACGT (half)" },
    { V3H("1", "1", "110"), trans_FMINP_h, "FMINP (vector, half)" },
    /* Advanced SIMD scalar three same FP16 */
    { S3H("0", "0", "011"), trans_FMULX_hs, "FMULX (scalar, half)" },
    { S3H("0", "0", "100"), trans_FCMEQ_hs, "FCMEQ (register, scalar, half)" },
    { S3H("0", "0", "111"), trans_FRECPS_hs, "FRECPS (scalar, half)" },
    { S3H("0", "1", "111"), trans_FRSQRTS_hs, "FRSQRTS (scalar, half)" },
    { S3H("1", "0", "100"), trans_FCMGE_hs, "FCMGE (register, scalar, half)" },
    { S3H("1", "0", "101"), trans_FACGE_hs, "FACGE (scalar, half)" },
    { S3H("1", "1", "010"), trans_FABD_hs, "FABD (scalar, half)" },
    { S3H("1", "1", "100"), trans_FCMGT_hs, "FCMGT (register, scalar, half)" },
    { S3H("1", "1", "101"), trans_FACGT_hs, "FACGT (scalar, half)" },
    /* Advanced SIMD two-register miscellaneous (FP16) */
    { V2H("0", "0", "11000"), trans_FRINTN_h, "FRINTN (vector, half)" },
    { V2H("0", "0", "11001"), trans_FRINTM_h, "FRINTM (vector, half)" },
    { V2H("0", "0", "11010"), trans_FCVTNS_h, "FCVTNS (vector, half)" },
    { V2H("0", "0", "11011"), trans_FCVTMS_h, "FCVTMS (vector, half)" },
    { V2H("0", "0", "11100"), trans_FCVTAS_h, "FCVTAS (vector, half)" },
    { V2H("0", "0", "11101"), trans_SCVTF_h, "SCVTF (vector, integer, half)" },
    { V2H("0", "1", "01100"), trans_FCMGT0_h, "FCMGT (zero, half)" },
    { V2H("0", "1", "01101"), trans_FCMEQ0_h, "FCMEQ (zero, half)" },
    { V2H("0", "1", "01110"), trans_FCMLT0_h, "FCMLT (zero, half)" },
    { V2H("0", "1", "01111"), trans_FABS_h, "FABS (vector, half)" },
    { V2H("0", "1", "11000"), trans_FRINTP_h, "FRINTP (vector, half)" },
    { V2H("0", "1", "11001"), trans_FRINTZ_h, "FRINTZ (vector, half)" },
    { V2H("0", "1", "11010"), trans_FCVTPS_h, "FCVTPS (vector, half)" },
    { V2H("0", "1", "11011"), trans_FCVTZS_h, "FCVTZS (vector, integer, half)" },
    { V2H("0", "1", "11101"), trans_FRECPE_h, "FRECPE (half)" },
    { V2H("1", "0", "11000"), trans_FRINTA_h, "FRINTA (vector, half)" },
    { V2H("1", "0", "11001"), trans_FRINTX_h, "FRINTX (vector, half)" },
    { V2H("1", "0", "11010"), trans_FCVTNU_h, "FCVTNU (vector, half)" },
    { V2H("1", "0", "11011"), trans_FCVTMU_h, "FCVTMU (vector, half)" },
    { V2H("1", "0", "11100"), trans_FCVTAU_h, "FCVTAU (vector, half)" },
    { V2H("1", "0", "11101"), trans_UCVTF_h, "UCVTF (vector, integer, half)" },
    { V2H("1", "1", "01100"), trans_FCMGE0_h, "FCMGE (zero, half)" },
    { V2H("1", "1", "01101"), trans_FCMLE0_h, "FCMLE (zero, half)" },
    { V2H("1", "1", "01111"), trans_FNEG_h, "FNEG (vector, half)" },
    { V2H("1", "1", "11001"), trans_FRINTI_h, "FRINTI (vector, half)" },
    { V2H("1", "1", "11010"), trans_FCVTPU_h, "FCVTPU (vector, half)" },
    { V2H("1", "1", "11011"), trans_FCVTZU_h, "FCVTZU (vector, integer, half)" },
    { V2H("1", "1", "11101"), trans_FRSQRTE_h, "FRSQRTE (half)" },
    { V2H("1", "1", "11111"), trans_FSQRT_h, "FSQRT (vector, half)" },
    /* Advanced SIMD scalar two-register miscellaneous FP16 */
    { S2H("0", "0", "11010"), trans_FCVTNS_hs, "FCVTNS (vector, scalar, half)" },
    { S2H("0", "0", "11011"), trans_FCVTMS_hs, "FCVTMS (vector, scalar, half)" },
    { S2H("0", "0", "11100"), trans_FCVTAS_hs, "FCVTAS (vector, scalar, half)" },
    { S2H("0", "0", "11101"), trans_SCVTF_hs, "SCVTF (vector, integer, scalar, half)" },
    { S2H("0", "1", "01100"), trans_FCMGT0_hs, "FCMGT (zero, scalar, half)" },
    { S2H("0", "1", "01101"), trans_FCMEQ0_hs, "FCMEQ (zero, scalar, half)" },
    { S2H("0", "1", "01110"), trans_FCMLT0_hs, "FCMLT (zero, scalar, half)" },
    { S2H("0", "1", "11010"), trans_FCVTPS_hs, "FCVTPS (vector, scalar, half)" },
    { S2H("0", "1", "11011"), trans_FCVTZS_hs, "FCVTZS (vector, integer, scalar, half)" },
    { S2H("0", "1", "11101"), trans_FRECPE_hs, "FRECPE (scalar, half)" },
    { S2H("0", "1", "11111"), trans_FRECPX_hs, "FRECPX (half)" },
    { S2H("1", "0", "11010"), trans_FCVTNU_hs, "FCVTNU (vector, scalar, half)" },
    { S2H("1", "0", "11011"), trans_FCVTMU_hs, "FCVTMU (vector, scalar, half)" },
    { S2H("1", "0", "11100"), trans_FCVTAU_hs, "FCVTAU (vector, scalar, half)" },
    { S2H("1", "0", "11101"), trans_UCVTF_hs, "UCVTF (vector, integer, scalar, half)" },
    { S2H("1", "1", "01100"), trans_FCMGE0_hs, "FCMGE (zero, scalar, half)" },
    { S2H("1", "1", "01101"), trans_FCMLE0_hs, "FCMLE (zero, scalar, half)" },
    { S2H("1", "1", "11010"), trans_FCVTPU_hs, "FCVTPU (vector, scalar, half)" },
    { S2H("1", "1", "11011"), trans_FCVTZU_hs, "FCVTZU (vector, integer, scalar, half)" },
    { S2H("1", "1", "11101"), trans_FRSQRTE_hs, "FRSQRTE (scalar, half)" },
    /* Advanced SIMD across lanes (half precision) */
    { "0 q 0 01110 0 0 11000 01100 10 nnnnn ddddd", trans_FMAXNMV_h, "FMAXNMV (half)" },
    { "0 q 0 01110 1 0 11000 01100 10 nnnnn ddddd", trans_FMINNMV_h, "FMINNMV (half)" },
    { "0 q 0 01110 0 0 11000 01111 10 nnnnn ddddd", trans_FMAXV_h, "FMAXV (half)" },
    { "0 q 0 01110 1 0 11000 01111 10 nnnnn ddddd", trans_FMINV_h, "FMINV (half)" },
    /* Advanced SIMD scalar pairwise (half precision) */
    { "01 0 11110 0 0 11000 01100 10 nnnnn ddddd", trans_FMAXNMP_hs, "FMAXNMP (scalar, half)" },
    { "01 0 11110 1 0 11000 01100 10 nnnnn ddddd", trans_FMINNMP_hs, "FMINNMP (scalar, half)" },
    { "01 0 11110 0 0 11000 01101 10 nnnnn ddddd", trans_FADDP_hs, "FADDP (scalar, half)" },
    { "01 0 11110 0 0 11000 01111 10 nnnnn ddddd", trans_FMAXP_hs, "FMAXP (scalar, half)" },
    { "01 0 11110 1 0 11000 01111 10 nnnnn ddddd", trans_FMINP_hs, "FMINP (scalar, half)" },
    /* Advanced SIMD (scalar) x indexed element, half precision */
    { VXH("0", "0001"), trans_FMLA_hx, "FMLA (by element, half)" },
    { VXH("0", "0101"), trans_FMLS_hx, "FMLS (by element, half)" },
    { VXH("0", "1001"), trans_FMUL_hx, "FMUL (by element, half)" },
    { VXH("1", "1001"), trans_FMULX_hx, "FMULX (by element, half)" },
    { SXH("0", "0001"), trans_FMLA_hxs, "FMLA (by element, scalar, half)" },
    { SXH("0", "0101"), trans_FMLS_hxs, "FMLS (by element, scalar, half)" },
    { SXH("0", "1001"), trans_FMUL_hxs, "FMUL (by element, scalar, half)" },
    { SXH("1", "1001"), trans_FMULX_hxs, "FMULX (by element, scalar, half)" },
    /* FEAT_FHM: Advanced SIMD three same and x indexed element */
    { "0 q 0 01110 0 0 1 mmmmm 11101 1 nnnnn ddddd", trans_FMLAL, "FMLAL (vector)" },
    { "0 q 0 01110 1 0 1 mmmmm 11101 1 nnnnn ddddd", trans_FMLSL, "FMLSL (vector)" },
    { "0 q 1 01110 0 0 1 mmmmm 11001 1 nnnnn ddddd", trans_FMLAL2, "FMLAL2 (vector)" },
    { "0 q 1 01110 1 0 1 mmmmm 11001 1 nnnnn ddddd", trans_FMLSL2, "FMLSL2 (vector)" },
    { "0 q 0 01111 1 0 l m mmmm 0000 h 0 nnnnn ddddd", trans_FMLAL_x, "FMLAL (by element)" },
    { "0 q 0 01111 1 0 l m mmmm 0100 h 0 nnnnn ddddd", trans_FMLSL_x, "FMLSL (by element)" },
    { "0 q 1 01111 1 0 l m mmmm 1000 h 0 nnnnn ddddd", trans_FMLAL2_x, "FMLAL2 (by element)" },
    { "0 q 1 01111 1 0 l m mmmm 1100 h 0 nnnnn ddddd", trans_FMLSL2_x, "FMLSL2 (by element)" },
    { NULL },
};
