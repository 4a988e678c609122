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
 * Half precision arithmetic (FEAT_FP16) is not implemented.
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
 * 2 * esize - immh:immb; immh selects S or D (H needs FEAT_FP16). */
static bool gen_fcvt_fixed(DisasContext *s, uint32_t insn, unsigned op, bool scalar)
{
    unsigned esize = simd_immh_size(insn);
    if (esize < 2 || esize > 3 || (!scalar && esize == 3 && !Q(insn)))
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
    { NULL },
};
