/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD decoding, part 2: integer arithmetic, vector and scalar.
 * The groups of the Arm ARM's index (C4.1.96) "three same", "two-register
 * miscellaneous", "across lanes", "three different", "x indexed element"
 * and scalar "pairwise", and the FEAT_RDM, FEAT_DotProd and PMULL 1Q
 * encodings (each only when the CPU model has the feature), as rows of
 * a64_simd_int_patterns.
 *
 * Bitwise operations (AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF, NOT) are IR
 * on the two 64-bit halves, and so are ADD, SUB, CMEQ, CMTST, ADDP, UMAXP,
 * UMINP and XTN through simd-ir.c; the rest is one helper_simd call whose
 * SimdDesc (simd.h) names the lane operation and the widening, pairing or
 * narrowing around it: the long forms widen their sources (hi selects the
 * "2" upper half), the narrowing forms narrow the result, SMAXP and friends
 * pair their sources first.
 */
#include "simd.h"
#include "translate/ir-vec-ext.h"

/* ---- bitwise, as IR ---- */

enum { LOGIC_AND, LOGIC_BIC, LOGIC_ORR, LOGIC_ORN, LOGIC_EOR,
       LOGIC_BSL, LOGIC_BIT, LOGIC_BIF, LOGIC_NOT };

static IRTemp gen_logic_half(DisasContext *s, uint32_t insn, unsigned kind, unsigned h)
{
    IRBlock *B = IRB(s);
    IRTemp n = gen_vreg_ld(s, rn(insn), h), r = a64_tmp(s, IR_I64);
    IRTemp m = kind == LOGIC_NOT ? IR_NONE : gen_vreg_ld(s, rm(insn), h);
    IRTemp d = kind >= LOGIC_BSL && kind != LOGIC_NOT ? gen_vreg_ld(s, rd(insn), h) : IR_NONE;

    switch (kind) {
    case LOGIC_AND: ir_and(B, IR_I64, r, n, m); break;
    case LOGIC_BIC: ir_andc(B, IR_I64, r, n, m); break;
    case LOGIC_ORR: ir_or(B, IR_I64, r, n, m); break;
    case LOGIC_ORN: ir_orc(B, IR_I64, r, n, m); break;
    case LOGIC_EOR: ir_xor(B, IR_I64, r, n, m); break;
    case LOGIC_NOT: ir_not(B, IR_I64, r, n); break;
    case LOGIC_BSL:  /* d ? n : m, bitwise: m ^ ((n ^ m) & d) */
        ir_xor(B, IR_I64, r, n, m);
        ir_and(B, IR_I64, r, r, d);
        ir_xor(B, IR_I64, r, r, m);
        break;
    case LOGIC_BIT:  /* m ? n : d: d ^ ((d ^ n) & m) */
    case LOGIC_BIF:  /* m ? d : n: d ^ ((d ^ n) & ~m) */
        ir_xor(B, IR_I64, r, d, n);
        if (kind == LOGIC_BIT)
            ir_and(B, IR_I64, r, r, m);
        else
            ir_andc(B, IR_I64, r, r, m);
        ir_xor(B, IR_I64, r, r, d);
        break;
    }
    return r;
}

static bool gen_logic(DisasContext *s, uint32_t insn, unsigned kind)
{
    if (gen_vec_logic(s, insn, kind))
        return true;
    IRTemp lo = gen_logic_half(s, insn, kind, 0);
    IRTemp hi = Q(insn) ? gen_logic_half(s, insn, kind, 1) : IR_NONE;
    gen_vreg_st2(s, rd(insn), lo, hi, Q(insn));
    return true;
}

/* ---- shapes ---- */

/* Pairwise: op over the pairs of Vm:Vn. */
static bool gen_pair(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes)
{
    unsigned size = simd_size(insn);
    if (!((sizes >> size) & 1) || (size == 3 && !Q(insn)))
        return false;
    SimdDesc d = simd_desc(insn, op, size);
    d.pair = SIMD_PAIR_VEC;
    gen_simd_call(s, &d);
    return true;
}

/* ADDP, UMAXP, UMINP: as vectors (UZP1/UZP2 and the op, see simd-vec.c)
 * where the vector IR is on, else simd-ir.c's 64-bit SWAR forms. */
static bool gen_pair_ir(DisasContext *s, uint32_t insn, unsigned op)
{
    if (a64_vec_ir)
        return gen_pair(s, insn, op, op == SIMD_OP_ADD ? SZ_BHSD : SZ_BHS);
    return gen_ir_pair(s, insn, op);
}

/* REV16/REV32/REV64: elements reversed within containers of 1 << clog
 * bytes, which must be larger than the elements. */
static bool gen_rev(DisasContext *s, uint32_t insn, unsigned clog)
{
    unsigned size = simd_size(insn);
    if (size >= clog)
        return false;
    SimdDesc d = simd_desc(insn, SIMD_OP_REV, size);
    d.imm = clog;
    gen_simd_call(s, &d);
    return true;
}

/* Saturating narrowing to size (B, H, S) from twice that (SQXTN ...); the
 * vector form writes the lower or (Q, the "2" form) upper half. */
static bool gen_narrow(DisasContext *s, uint32_t insn, unsigned mode, bool scalar)
{
    unsigned size = simd_size(insn);
    if (size == 3)
        return false;
    SimdDesc d = simd_desc(insn, SIMD_OP_MOV, size + 1);
    d.narrow = mode;
    d.oprsz = scalar ? 2u << size : 16;
    d.hi = !scalar && Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* RBIT (vector): bytes, whatever the size field (01) says. */
static bool trans_RBIT(DisasContext *s, uint32_t insn)
{
    SimdDesc d = simd_desc(insn, SIMD_OP_RBIT, 0);
    gen_simd_call(s, &d);
    return true;
}

/* XTN(2): IR on the halves (simd-ir.c); the saturating narrowings go
 * through gen_simd_call (vector IR for the vector forms, simd-vec.c). */
static bool trans_XTN(DisasContext *s, uint32_t insn)
{
    return simd_size(insn) != 3 && gen_ir_shrn(s, insn, simd_size(insn), 0);
}

/* SADDLP and friends: result elements of twice the size field's. */
static bool gen_addlp(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned size = simd_size(insn);
    if (size == 3)
        return false;
    SimdDesc d = simd_desc(insn, op, size + 1);
    gen_simd_call(s, &d);
    return true;
}

/* SHLL(2): widen and shift left by the source element size. */
static bool trans_SHLL(DisasContext *s, uint32_t insn)
{
    unsigned size = simd_size(insn);
    if (size == 3)
        return false;
    SimdDesc d = simd_desc(insn, SIMD_OP_SHL, size + 1);
    d.wn = SIMD_WIDEN_U;
    d.imm = 8u << size;
    d.oprsz = 16;
    d.hi = Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* Across lanes: 8B, 16B, 4H, 8H, 4S. */
static bool gen_across(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned size = simd_size(insn);
    if (size == 3 || (size == 2 && !Q(insn)))
        return false;
    SimdDesc d = simd_desc(insn, op, size);
    gen_simd_call(s, &d);
    return true;
}

/* Three different, long and wide forms: op at twice the size field's
 * element size, on Vn and/or Vm widened (w) from the half Q selects. */
static bool gen_long(DisasContext *s, uint32_t insn, unsigned op, unsigned w,
                     bool wide_n, unsigned sizes)
{
    unsigned size = simd_size(insn);
    if (!((sizes >> size) & 1) || size == 3)
        return false;
    SimdDesc d = simd_desc(insn, op, size + 1);
    d.wn = wide_n ? SIMD_WIDEN_NONE : w;
    d.wm = w;
    d.oprsz = 16;
    d.hi = Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* ADDHN, SUBHN, RADDHN, RSUBHN: the high halves of wide results. */
static bool gen_addhn(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned size = simd_size(insn);
    if (size == 3)
        return false;
    SimdDesc d = simd_desc(insn, op, size + 1);
    d.narrow = SIMD_NARROW_HIGH;
    d.oprsz = 16;
    d.hi = Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* SQDMULL, SQDMLAL, SQDMLSL scalar: Sd from Hn, Hm or Dd from Sn, Sm. */
static bool gen_long_scalar(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned size = simd_size(insn);
    if (size != 1 && size != 2)
        return false;
    SimdDesc d = simd_desc(insn, op, size + 1);
    d.wn = d.wm = SIMD_WIDEN_S;
    d.oprsz = 2u << size;
    gen_simd_call(s, &d);
    return true;
}

/* x indexed element, H and S elements only: Vm[index] with index H:L:M
 * and a 4-bit Rm for H, index H:L and M:Rm for S.  Long forms (w) widen. */
enum { ELEM_VEC, ELEM_SCALAR };

static bool gen_by_elem(DisasContext *s, uint32_t insn, unsigned op, unsigned w,
                        unsigned form)
{
    unsigned size = simd_size(insn), hl = bits(insn, 11, 1) << 1 | bits(insn, 21, 1);
    if (size != 1 && size != 2)
        return false;
    SimdDesc d = simd_desc(insn, op, w ? size + 1 : size);
    if (size == 1) {
        d.idx = (int)(hl << 1 | bits(insn, 20, 1));
        d.rm = bits(insn, 16, 4);
    } else {
        d.idx = (int)hl;
    }
    d.wn = d.wm = w;
    if (form == ELEM_SCALAR)
        d.oprsz = 1u << d.esize;
    else if (w) {
        d.oprsz = 16;
        d.hi = Q(insn);
    }
    gen_simd_call(s, &d);
    return true;
}

/* PMULL(2): 8B -> 8H, or 1D -> 1Q with FEAT_PMULL. */
static bool trans_PMULL(DisasContext *s, uint32_t insn)
{
    if (simd_size(insn) != 3)
        return gen_long(s, insn, SIMD_OP_PMUL, SIMD_WIDEN_U, false, SZ_B);
    if (!A64_HAS(s, A64_FEAT_PMULL))
        return false;
    if (a64_vec_ir) {
        /* the IR's carry-less multiply (PCLMULQDQ): lane Q of Vn and Vm */
        IRTemp n = a64_tmp(s, IR_V128), m = a64_tmp(s, IR_V128), r = a64_tmp(s, IR_V128);
        ir_vldenv(IRB(s), n, vreg_off(rn(insn), 0));
        ir_vldenv(IRB(s), m, vreg_off(rm(insn), 0));
        ir_vec2(IRB(s), (IRVecKind)IR_VEC_CLMUL, 3, r, n, m, Q(insn) ? 0x11 : 0x00);
        ir_vstenv(IRB(s), r, vreg_off(rd(insn), 0));
        return true;
    }
    SimdDesc d = simd_desc(insn, SIMD_OP_PMULL64, 3);
    d.oprsz = 16;
    d.hi = Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* ---- FEAT_RDM and FEAT_DotProd ---- */

/* SQRDMLAH/SQRDMLSH in the vector, scalar and by-element shapes. */
enum { RDM_VEC, RDM_SCALAR, RDM_ELEM, RDM_ELEM_SCALAR };

static bool gen_rdm(DisasContext *s, uint32_t insn, unsigned op, unsigned form)
{
    if (!A64_HAS(s, A64_FEAT_ASIMDRDM))
        return false;
    switch (form) {
    case RDM_VEC: return gen_simd_3same(s, insn, op, SZ_HS);
    case RDM_SCALAR: return gen_simd_3same_scalar(s, insn, op, SZ_HS);
    case RDM_ELEM: return gen_by_elem(s, insn, op, SIMD_WIDEN_NONE, ELEM_VEC);
    default: return gen_by_elem(s, insn, op, SIMD_WIDEN_NONE, ELEM_SCALAR);
    }
}

/* SDOT/UDOT: 2S/4S accumulating byte quadruples; by element, the
 * quadruple index H:L of Vm (M:Rm). */
static bool gen_dot(DisasContext *s, uint32_t insn, unsigned op, bool elem)
{
    if (!A64_HAS(s, A64_FEAT_ASIMDDP) || simd_size(insn) != 2)
        return false;
    SimdDesc d = simd_desc(insn, op, 2);
    if (elem)
        d.idx = (int)(bits(insn, 11, 1) << 1 | bits(insn, 21, 1));
    gen_simd_call(s, &d);
    return true;
}

TRANS(SQRDMLAH, gen_rdm, SIMD_OP_SQRDMLAH, RDM_VEC)
TRANS(SQRDMLSH, gen_rdm, SIMD_OP_SQRDMLSH, RDM_VEC)
TRANS(SQRDMLAH_s, gen_rdm, SIMD_OP_SQRDMLAH, RDM_SCALAR)
TRANS(SQRDMLSH_s, gen_rdm, SIMD_OP_SQRDMLSH, RDM_SCALAR)
TRANS(SQRDMLAH_x, gen_rdm, SIMD_OP_SQRDMLAH, RDM_ELEM)
TRANS(SQRDMLSH_x, gen_rdm, SIMD_OP_SQRDMLSH, RDM_ELEM)
TRANS(SQRDMLAH_xs, gen_rdm, SIMD_OP_SQRDMLAH, RDM_ELEM_SCALAR)
TRANS(SQRDMLSH_xs, gen_rdm, SIMD_OP_SQRDMLSH, RDM_ELEM_SCALAR)
TRANS(SDOT, gen_dot, SIMD_OP_SDOT, false)
TRANS(UDOT, gen_dot, SIMD_OP_UDOT, false)
TRANS(SDOT_x, gen_dot, SIMD_OP_SDOT, true)
TRANS(UDOT_x, gen_dot, SIMD_OP_UDOT, true)

/* ---- three same ---- */
TRANS(AND, gen_logic, LOGIC_AND)
TRANS(BIC, gen_logic, LOGIC_BIC)
TRANS(ORR, gen_logic, LOGIC_ORR)
TRANS(ORN, gen_logic, LOGIC_ORN)
TRANS(EOR, gen_logic, LOGIC_EOR)
TRANS(BSL, gen_logic, LOGIC_BSL)
TRANS(BIT, gen_logic, LOGIC_BIT)
TRANS(BIF, gen_logic, LOGIC_BIF)
TRANS(NOT, gen_logic, LOGIC_NOT)
TRANS(SHADD, gen_simd_3same, SIMD_OP_SHADD, SZ_BHS)
TRANS(UHADD, gen_simd_3same, SIMD_OP_UHADD, SZ_BHS)
TRANS(SRHADD, gen_simd_3same, SIMD_OP_SRHADD, SZ_BHS)
TRANS(URHADD, gen_simd_3same, SIMD_OP_URHADD, SZ_BHS)
TRANS(SHSUB, gen_simd_3same, SIMD_OP_SHSUB, SZ_BHS)
TRANS(UHSUB, gen_simd_3same, SIMD_OP_UHSUB, SZ_BHS)
TRANS(SQADD, gen_simd_3same, SIMD_OP_SQADD, SZ_BHSD)
TRANS(UQADD, gen_simd_3same, SIMD_OP_UQADD, SZ_BHSD)
TRANS(SQSUB, gen_simd_3same, SIMD_OP_SQSUB, SZ_BHSD)
TRANS(UQSUB, gen_simd_3same, SIMD_OP_UQSUB, SZ_BHSD)
TRANS(CMGT, gen_simd_3same, SIMD_OP_CMGT, SZ_BHSD)
TRANS(CMGE, gen_simd_3same, SIMD_OP_CMGE, SZ_BHSD)
TRANS(CMHI, gen_simd_3same, SIMD_OP_CMHI, SZ_BHSD)
TRANS(CMHS, gen_simd_3same, SIMD_OP_CMHS, SZ_BHSD)
TRANS(CMEQ, gen_ir_cmeq, SIMD_IR_CMEQ, false)
TRANS(CMTST, gen_ir_cmeq, SIMD_IR_CMTST, false)
TRANS(SSHL, gen_simd_3same, SIMD_OP_SSHL, SZ_BHSD)
TRANS(USHL, gen_simd_3same, SIMD_OP_USHL, SZ_BHSD)
TRANS(SQSHL, gen_simd_3same, SIMD_OP_SQSHL, SZ_BHSD)
TRANS(UQSHL, gen_simd_3same, SIMD_OP_UQSHL, SZ_BHSD)
TRANS(SRSHL, gen_simd_3same, SIMD_OP_SRSHL, SZ_BHSD)
TRANS(URSHL, gen_simd_3same, SIMD_OP_URSHL, SZ_BHSD)
TRANS(SQRSHL, gen_simd_3same, SIMD_OP_SQRSHL, SZ_BHSD)
TRANS(UQRSHL, gen_simd_3same, SIMD_OP_UQRSHL, SZ_BHSD)
TRANS(SMAX, gen_simd_3same, SIMD_OP_SMAX, SZ_BHS)
TRANS(UMAX, gen_simd_3same, SIMD_OP_UMAX, SZ_BHS)
TRANS(SMIN, gen_simd_3same, SIMD_OP_SMIN, SZ_BHS)
TRANS(UMIN, gen_simd_3same, SIMD_OP_UMIN, SZ_BHS)
TRANS(SABD, gen_simd_3same, SIMD_OP_SABD, SZ_BHS)
TRANS(UABD, gen_simd_3same, SIMD_OP_UABD, SZ_BHS)
TRANS(SABA, gen_simd_3same, SIMD_OP_SABA, SZ_BHS)
TRANS(UABA, gen_simd_3same, SIMD_OP_UABA, SZ_BHS)
TRANS(ADD, gen_ir_addsub, false, false)
TRANS(SUB, gen_ir_addsub, true, false)
TRANS(MLA, gen_simd_3same, SIMD_OP_MLA, SZ_BHS)
TRANS(MLS, gen_simd_3same, SIMD_OP_MLS, SZ_BHS)
TRANS(MUL, gen_simd_3same, SIMD_OP_MUL, SZ_BHS)
TRANS(PMUL, gen_simd_3same, SIMD_OP_PMUL, SZ_B)
TRANS(SQDMULH, gen_simd_3same, SIMD_OP_SQDMULH, SZ_HS)
TRANS(SQRDMULH, gen_simd_3same, SIMD_OP_SQRDMULH, SZ_HS)
TRANS(ADDP, gen_pair_ir, SIMD_OP_ADD)
TRANS(SMAXP, gen_pair, SIMD_OP_SMAX, SZ_BHS)
TRANS(UMAXP, gen_pair_ir, SIMD_OP_UMAX)
TRANS(SMINP, gen_pair, SIMD_OP_SMIN, SZ_BHS)
TRANS(UMINP, gen_pair_ir, SIMD_OP_UMIN)

/* ADDP Dd, Vn.2D. */
static bool trans_ADDP_s(DisasContext *s, uint32_t insn)
{
    return gen_ir_addp_scalar(s, insn);
}

/* ---- scalar three same ---- */
TRANS(SQADD_s, gen_simd_3same_scalar, SIMD_OP_SQADD, SZ_BHSD)
TRANS(UQADD_s, gen_simd_3same_scalar, SIMD_OP_UQADD, SZ_BHSD)
TRANS(SQSUB_s, gen_simd_3same_scalar, SIMD_OP_SQSUB, SZ_BHSD)
TRANS(UQSUB_s, gen_simd_3same_scalar, SIMD_OP_UQSUB, SZ_BHSD)
TRANS(CMGT_s, gen_simd_3same_scalar, SIMD_OP_CMGT, SZ_D)
TRANS(CMGE_s, gen_simd_3same_scalar, SIMD_OP_CMGE, SZ_D)
TRANS(CMHI_s, gen_simd_3same_scalar, SIMD_OP_CMHI, SZ_D)
TRANS(CMHS_s, gen_simd_3same_scalar, SIMD_OP_CMHS, SZ_D)
TRANS(CMEQ_s, gen_ir_cmeq, SIMD_IR_CMEQ, true)
TRANS(CMTST_s, gen_ir_cmeq, SIMD_IR_CMTST, true)
TRANS(SSHL_s, gen_simd_3same_scalar, SIMD_OP_SSHL, SZ_D)
TRANS(USHL_s, gen_simd_3same_scalar, SIMD_OP_USHL, SZ_D)
TRANS(SRSHL_s, gen_simd_3same_scalar, SIMD_OP_SRSHL, SZ_D)
TRANS(URSHL_s, gen_simd_3same_scalar, SIMD_OP_URSHL, SZ_D)
TRANS(SQSHL_s, gen_simd_3same_scalar, SIMD_OP_SQSHL, SZ_BHSD)
TRANS(UQSHL_s, gen_simd_3same_scalar, SIMD_OP_UQSHL, SZ_BHSD)
TRANS(SQRSHL_s, gen_simd_3same_scalar, SIMD_OP_SQRSHL, SZ_BHSD)
TRANS(UQRSHL_s, gen_simd_3same_scalar, SIMD_OP_UQRSHL, SZ_BHSD)
TRANS(ADD_s, gen_ir_addsub, false, true)
TRANS(SUB_s, gen_ir_addsub, true, true)
TRANS(SQDMULH_s, gen_simd_3same_scalar, SIMD_OP_SQDMULH, SZ_HS)
TRANS(SQRDMULH_s, gen_simd_3same_scalar, SIMD_OP_SQRDMULH, SZ_HS)

/* ---- two-register miscellaneous ---- */
TRANS(REV64, gen_rev, 3)
TRANS(REV32, gen_rev, 2)
TRANS(REV16, gen_rev, 1)
TRANS(SADDLP, gen_addlp, SIMD_OP_SADDLP)
TRANS(UADDLP, gen_addlp, SIMD_OP_UADDLP)
TRANS(SADALP, gen_addlp, SIMD_OP_SADALP)
TRANS(UADALP, gen_addlp, SIMD_OP_UADALP)
TRANS(SUQADD, gen_simd_2misc, SIMD_OP_SUQADD, SZ_BHSD)
TRANS(USQADD, gen_simd_2misc, SIMD_OP_USQADD, SZ_BHSD)
TRANS(CLS, gen_simd_2misc, SIMD_OP_CLS, SZ_BHS)
TRANS(CLZ, gen_simd_2misc, SIMD_OP_CLZ, SZ_BHS)
TRANS(CNT, gen_simd_2misc, SIMD_OP_CNT, SZ_B)
TRANS(SQABS, gen_simd_2misc, SIMD_OP_SQABS, SZ_BHSD)
TRANS(SQNEG, gen_simd_2misc, SIMD_OP_SQNEG, SZ_BHSD)
TRANS(CMGT0, gen_simd_2misc, SIMD_OP_CMGT0, SZ_BHSD)
TRANS(CMGE0, gen_simd_2misc, SIMD_OP_CMGE0, SZ_BHSD)
TRANS(CMEQ0, gen_ir_cmeq, SIMD_IR_CMEQ0, false)
TRANS(CMLE0, gen_simd_2misc, SIMD_OP_CMLE0, SZ_BHSD)
TRANS(CMLT0, gen_simd_2misc, SIMD_OP_CMLT0, SZ_BHSD)
TRANS(ABS, gen_simd_2misc, SIMD_OP_ABS, SZ_BHSD)
TRANS(NEG, gen_simd_2misc, SIMD_OP_NEG, SZ_BHSD)
TRANS(SQXTN, gen_narrow, SIMD_NARROW_SQXTN, false)
TRANS(UQXTN, gen_narrow, SIMD_NARROW_UQXTN, false)
TRANS(SQXTUN, gen_narrow, SIMD_NARROW_SQXTUN, false)

/* ---- scalar two-register miscellaneous ---- */
TRANS(SUQADD_s, gen_simd_2misc_scalar, SIMD_OP_SUQADD, SZ_BHSD)
TRANS(USQADD_s, gen_simd_2misc_scalar, SIMD_OP_USQADD, SZ_BHSD)
TRANS(SQABS_s, gen_simd_2misc_scalar, SIMD_OP_SQABS, SZ_BHSD)
TRANS(SQNEG_s, gen_simd_2misc_scalar, SIMD_OP_SQNEG, SZ_BHSD)
TRANS(CMGT0_s, gen_simd_2misc_scalar, SIMD_OP_CMGT0, SZ_D)
TRANS(CMGE0_s, gen_simd_2misc_scalar, SIMD_OP_CMGE0, SZ_D)
TRANS(CMEQ0_s, gen_ir_cmeq, SIMD_IR_CMEQ0, true)
TRANS(CMLE0_s, gen_simd_2misc_scalar, SIMD_OP_CMLE0, SZ_D)
TRANS(CMLT0_s, gen_simd_2misc_scalar, SIMD_OP_CMLT0, SZ_D)
TRANS(ABS_s, gen_simd_2misc_scalar, SIMD_OP_ABS, SZ_D)
TRANS(NEG_s, gen_simd_2misc_scalar, SIMD_OP_NEG, SZ_D)
TRANS(SQXTN_s, gen_narrow, SIMD_NARROW_SQXTN, true)
TRANS(UQXTN_s, gen_narrow, SIMD_NARROW_UQXTN, true)
TRANS(SQXTUN_s, gen_narrow, SIMD_NARROW_SQXTUN, true)

/* ---- across lanes ---- */
TRANS(ADDV, gen_across, SIMD_OP_ADDV)
TRANS(SMAXV, gen_across, SIMD_OP_SMAXV)
TRANS(UMAXV, gen_across, SIMD_OP_UMAXV)
TRANS(SMINV, gen_across, SIMD_OP_SMINV)
TRANS(UMINV, gen_across, SIMD_OP_UMINV)
TRANS(SADDLV, gen_across, SIMD_OP_SADDLV)
TRANS(UADDLV, gen_across, SIMD_OP_UADDLV)

/* ---- three different ---- */
TRANS(SADDL, gen_long, SIMD_OP_ADD, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(UADDL, gen_long, SIMD_OP_ADD, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SSUBL, gen_long, SIMD_OP_SUB, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(USUBL, gen_long, SIMD_OP_SUB, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SADDW, gen_long, SIMD_OP_ADD, SIMD_WIDEN_S, true, SZ_BHS)
TRANS(UADDW, gen_long, SIMD_OP_ADD, SIMD_WIDEN_U, true, SZ_BHS)
TRANS(SSUBW, gen_long, SIMD_OP_SUB, SIMD_WIDEN_S, true, SZ_BHS)
TRANS(USUBW, gen_long, SIMD_OP_SUB, SIMD_WIDEN_U, true, SZ_BHS)
TRANS(SABAL, gen_long, SIMD_OP_SABA, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(UABAL, gen_long, SIMD_OP_UABA, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SABDL, gen_long, SIMD_OP_SABD, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(UABDL, gen_long, SIMD_OP_UABD, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SMLAL, gen_long, SIMD_OP_MLA, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(UMLAL, gen_long, SIMD_OP_MLA, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SMLSL, gen_long, SIMD_OP_MLS, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(UMLSL, gen_long, SIMD_OP_MLS, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SMULL, gen_long, SIMD_OP_MUL, SIMD_WIDEN_S, false, SZ_BHS)
TRANS(UMULL, gen_long, SIMD_OP_MUL, SIMD_WIDEN_U, false, SZ_BHS)
TRANS(SQDMLAL, gen_long, SIMD_OP_SQDMLAL, SIMD_WIDEN_S, false, SZ_HS)
TRANS(SQDMLSL, gen_long, SIMD_OP_SQDMLSL, SIMD_WIDEN_S, false, SZ_HS)
TRANS(SQDMULL, gen_long, SIMD_OP_SQDMULL, SIMD_WIDEN_S, false, SZ_HS)
TRANS(ADDHN, gen_addhn, SIMD_OP_ADD)
TRANS(SUBHN, gen_addhn, SIMD_OP_SUB)
TRANS(RADDHN, gen_addhn, SIMD_OP_RADDHN)
TRANS(RSUBHN, gen_addhn, SIMD_OP_RSUBHN)
TRANS(SQDMLAL_s, gen_long_scalar, SIMD_OP_SQDMLAL)
TRANS(SQDMLSL_s, gen_long_scalar, SIMD_OP_SQDMLSL)
TRANS(SQDMULL_s, gen_long_scalar, SIMD_OP_SQDMULL)

/* ---- x indexed element ---- */
TRANS(MUL_x, gen_by_elem, SIMD_OP_MUL, SIMD_WIDEN_NONE, ELEM_VEC)
TRANS(MLA_x, gen_by_elem, SIMD_OP_MLA, SIMD_WIDEN_NONE, ELEM_VEC)
TRANS(MLS_x, gen_by_elem, SIMD_OP_MLS, SIMD_WIDEN_NONE, ELEM_VEC)
TRANS(SQDMULH_x, gen_by_elem, SIMD_OP_SQDMULH, SIMD_WIDEN_NONE, ELEM_VEC)
TRANS(SQRDMULH_x, gen_by_elem, SIMD_OP_SQRDMULH, SIMD_WIDEN_NONE, ELEM_VEC)
TRANS(SMULL_x, gen_by_elem, SIMD_OP_MUL, SIMD_WIDEN_S, ELEM_VEC)
TRANS(UMULL_x, gen_by_elem, SIMD_OP_MUL, SIMD_WIDEN_U, ELEM_VEC)
TRANS(SMLAL_x, gen_by_elem, SIMD_OP_MLA, SIMD_WIDEN_S, ELEM_VEC)
TRANS(UMLAL_x, gen_by_elem, SIMD_OP_MLA, SIMD_WIDEN_U, ELEM_VEC)
TRANS(SMLSL_x, gen_by_elem, SIMD_OP_MLS, SIMD_WIDEN_S, ELEM_VEC)
TRANS(UMLSL_x, gen_by_elem, SIMD_OP_MLS, SIMD_WIDEN_U, ELEM_VEC)
TRANS(SQDMULL_x, gen_by_elem, SIMD_OP_SQDMULL, SIMD_WIDEN_S, ELEM_VEC)
TRANS(SQDMLAL_x, gen_by_elem, SIMD_OP_SQDMLAL, SIMD_WIDEN_S, ELEM_VEC)
TRANS(SQDMLSL_x, gen_by_elem, SIMD_OP_SQDMLSL, SIMD_WIDEN_S, ELEM_VEC)
TRANS(SQDMULH_xs, gen_by_elem, SIMD_OP_SQDMULH, SIMD_WIDEN_NONE, ELEM_SCALAR)
TRANS(SQRDMULH_xs, gen_by_elem, SIMD_OP_SQRDMULH, SIMD_WIDEN_NONE, ELEM_SCALAR)
TRANS(SQDMULL_xs, gen_by_elem, SIMD_OP_SQDMULL, SIMD_WIDEN_S, ELEM_SCALAR)
TRANS(SQDMLAL_xs, gen_by_elem, SIMD_OP_SQDMLAL, SIMD_WIDEN_S, ELEM_SCALAR)
TRANS(SQDMLSL_xs, gen_by_elem, SIMD_OP_SQDMLSL, SIMD_WIDEN_S, ELEM_SCALAR)

/* Rows: fixed bits as in the manual's encoding diagrams (C4.1.96). */
#define V3S(u, opc) "0 q " u " 01110 ss 1 mmmmm " opc " 1 nnnnn ddddd"
#define S3S(u, opc) "01 " u " 11110 ss 1 mmmmm " opc " 1 nnnnn ddddd"
#define V2M(u, opc) "0 q " u " 01110 ss 10000 " opc " 10 nnnnn ddddd"
#define S2M(u, opc) "01 " u " 11110 ss 10000 " opc " 10 nnnnn ddddd"
#define VAL(u, opc) "0 q " u " 01110 ss 11000 " opc " 10 nnnnn ddddd"
#define V3D(u, opc) "0 q " u " 01110 ss 1 mmmmm " opc " 00 nnnnn ddddd"
#define S3D(u, opc) "01 " u " 11110 ss 1 mmmmm " opc " 00 nnnnn ddddd"
#define VXE(u, opc) "0 q " u " 01111 ss l m mmmm " opc " h 0 nnnnn ddddd"
#define SXE(u, opc) "01 " u " 11111 ss l m mmmm " opc " h 0 nnnnn ddddd"

const DecodePattern a64_simd_int_patterns[] = {
    /* Advanced SIMD three same */
    { "0 q 0 01110 00 1 mmmmm 00011 1 nnnnn ddddd", trans_AND, "AND (vector)" },
    { "0 q 0 01110 01 1 mmmmm 00011 1 nnnnn ddddd", trans_BIC, "BIC (vector, register)" },
    { "0 q 0 01110 10 1 mmmmm 00011 1 nnnnn ddddd", trans_ORR, "ORR (vector, register)" },
    { "0 q 0 01110 11 1 mmmmm 00011 1 nnnnn ddddd", trans_ORN, "ORN (vector)" },
    { "0 q 1 01110 00 1 mmmmm 00011 1 nnnnn ddddd", trans_EOR, "EOR (vector)" },
    { "0 q 1 01110 01 1 mmmmm 00011 1 nnnnn ddddd", trans_BSL, "BSL" },
    { "0 q 1 01110 10 1 mmmmm 00011 1 nnnnn ddddd", trans_BIT, "BIT" },
    { "0 q 1 01110 11 1 mmmmm 00011 1 nnnnn ddddd", trans_BIF, "BIF" },
    { V3S("0", "00000"), trans_SHADD, "SHADD" },
    { V3S("1", "00000"), trans_UHADD, "UHADD" },
    { V3S("0", "00001"), trans_SQADD, "SQADD" },
    { V3S("1", "00001"), trans_UQADD, "UQADD" },
    { V3S("0", "00010"), trans_SRHADD, "SRHADD" },
    { V3S("1", "00010"), trans_URHADD, "URHADD" },
    { V3S("0", "00100"), trans_SHSUB, "SHSUB" },
    { V3S("1", "00100"), trans_UHSUB, "UHSUB" },
    { V3S("0", "00101"), trans_SQSUB, "SQSUB" },
    { V3S("1", "00101"), trans_UQSUB, "UQSUB" },
    { V3S("0", "00110"), trans_CMGT, "CMGT (register)" },
    { V3S("1", "00110"), trans_CMHI, "CMHI (register)" },
    { V3S("0", "00111"), trans_CMGE, "CMGE (register)" },
    { V3S("1", "00111"), trans_CMHS, "CMHS (register)" },
    { V3S("0", "01000"), trans_SSHL, "SSHL" },
    { V3S("1", "01000"), trans_USHL, "USHL" },
    { V3S("0", "01001"), trans_SQSHL, "SQSHL (register)" },
    { V3S("1", "01001"), trans_UQSHL, "UQSHL (register)" },
    { V3S("0", "01010"), trans_SRSHL, "SRSHL" },
    { V3S("1", "01010"), trans_URSHL, "URSHL" },
    { V3S("0", "01011"), trans_SQRSHL, "SQRSHL" },
    { V3S("1", "01011"), trans_UQRSHL, "UQRSHL" },
    { V3S("0", "01100"), trans_SMAX, "SMAX" },
    { V3S("1", "01100"), trans_UMAX, "UMAX" },
    { V3S("0", "01101"), trans_SMIN, "SMIN" },
    { V3S("1", "01101"), trans_UMIN, "UMIN" },
    { V3S("0", "01110"), trans_SABD, "SABD" },
    { V3S("1", "01110"), trans_UABD, "UABD" },
    { V3S("0", "01111"), trans_SABA, "SABA" },
    { V3S("1", "01111"), trans_UABA, "UABA" },
    { V3S("0", "10000"), trans_ADD, "ADD (vector)" },
    { V3S("1", "10000"), trans_SUB, "SUB (vector)" },
    { V3S("0", "10001"), trans_CMTST, "CMTST" },
    { V3S("1", "10001"), trans_CMEQ, "CMEQ (register)" },
    { V3S("0", "10010"), trans_MLA, "MLA (vector)" },
    { V3S("1", "10010"), trans_MLS, "MLS (vector)" },
    { V3S("0", "10011"), trans_MUL, "MUL (vector)" },
    { V3S("1", "10011"), trans_PMUL, "PMUL" },
    { V3S("0", "10100"), trans_SMAXP, "SMAXP" },
    { V3S("1", "10100"), trans_UMAXP, "UMAXP" },
    { V3S("0", "10101"), trans_SMINP, "SMINP" },
    { V3S("1", "10101"), trans_UMINP, "UMINP" },
    { V3S("0", "10110"), trans_SQDMULH, "SQDMULH (vector)" },
    { V3S("1", "10110"), trans_SQRDMULH, "SQRDMULH (vector)" },
    { V3S("0", "10111"), trans_ADDP, "ADDP (vector)" },
    /* Advanced SIMD scalar three same */
    { S3S("0", "00001"), trans_SQADD_s, "SQADD (scalar)" },
    { S3S("1", "00001"), trans_UQADD_s, "UQADD (scalar)" },
    { S3S("0", "00101"), trans_SQSUB_s, "SQSUB (scalar)" },
    { S3S("1", "00101"), trans_UQSUB_s, "UQSUB (scalar)" },
    { S3S("0", "00110"), trans_CMGT_s, "CMGT (register, scalar)" },
    { S3S("1", "00110"), trans_CMHI_s, "CMHI (register, scalar)" },
    { S3S("0", "00111"), trans_CMGE_s, "CMGE (register, scalar)" },
    { S3S("1", "00111"), trans_CMHS_s, "CMHS (register, scalar)" },
    { S3S("0", "01000"), trans_SSHL_s, "SSHL (scalar)" },
    { S3S("1", "01000"), trans_USHL_s, "USHL (scalar)" },
    { S3S("0", "01001"), trans_SQSHL_s, "SQSHL (register, scalar)" },
    { S3S("1", "01001"), trans_UQSHL_s, "UQSHL (register, scalar)" },
    { S3S("0", "01010"), trans_SRSHL_s, "SRSHL (scalar)" },
    { S3S("1", "01010"), trans_URSHL_s, "URSHL (scalar)" },
    { S3S("0", "01011"), trans_SQRSHL_s, "SQRSHL (scalar)" },
    { S3S("1", "01011"), trans_UQRSHL_s, "UQRSHL (scalar)" },
    { S3S("0", "10000"), trans_ADD_s, "ADD (vector, scalar)" },
    { S3S("1", "10000"), trans_SUB_s, "SUB (vector, scalar)" },
    { S3S("0", "10001"), trans_CMTST_s, "CMTST (scalar)" },
    { S3S("1", "10001"), trans_CMEQ_s, "CMEQ (register, scalar)" },
    { S3S("0", "10110"), trans_SQDMULH_s, "SQDMULH (vector, scalar)" },
    { S3S("1", "10110"), trans_SQRDMULH_s, "SQRDMULH (vector, scalar)" },
    /* Advanced SIMD scalar pairwise */
    { "01 0 11110 11 11000 11011 10 nnnnn ddddd", trans_ADDP_s, "ADDP (scalar)" },
    /* Advanced SIMD two-register miscellaneous */
    { "0 q 1 01110 00 10000 00101 10 nnnnn ddddd", trans_NOT, "NOT" },
    { "0 q 1 01110 01 10000 00101 10 nnnnn ddddd", trans_RBIT, "RBIT (vector)" },
    { V2M("0", "00000"), trans_REV64, "REV64" },
    { V2M("1", "00000"), trans_REV32, "REV32 (vector)" },
    { V2M("0", "00001"), trans_REV16, "REV16 (vector)" },
    { V2M("0", "00010"), trans_SADDLP, "SADDLP" },
    { V2M("1", "00010"), trans_UADDLP, "UADDLP" },
    { V2M("0", "00011"), trans_SUQADD, "SUQADD" },
    { V2M("1", "00011"), trans_USQADD, "USQADD" },
    { V2M("0", "00100"), trans_CLS, "CLS (vector)" },
    { V2M("1", "00100"), trans_CLZ, "CLZ (vector)" },
    { V2M("0", "00101"), trans_CNT, "CNT" },
    { V2M("0", "00110"), trans_SADALP, "SADALP" },
    { V2M("1", "00110"), trans_UADALP, "UADALP" },
    { V2M("0", "00111"), trans_SQABS, "SQABS" },
    { V2M("1", "00111"), trans_SQNEG, "SQNEG" },
    { V2M("0", "01000"), trans_CMGT0, "CMGT (zero)" },
    { V2M("1", "01000"), trans_CMGE0, "CMGE (zero)" },
    { V2M("0", "01001"), trans_CMEQ0, "CMEQ (zero)" },
    { V2M("1", "01001"), trans_CMLE0, "CMLE (zero)" },
    { V2M("0", "01010"), trans_CMLT0, "CMLT (zero)" },
    { V2M("0", "01011"), trans_ABS, "ABS" },
    { V2M("1", "01011"), trans_NEG, "NEG (vector)" },
    { V2M("0", "10010"), trans_XTN, "XTN" },
    { V2M("1", "10010"), trans_SQXTUN, "SQXTUN" },
    { V2M("1", "10011"), trans_SHLL, "SHLL" },
    { V2M("0", "10100"), trans_SQXTN, "SQXTN" },
    { V2M("1", "10100"), trans_UQXTN, "UQXTN" },
    /* Advanced SIMD scalar two-register miscellaneous */
    { S2M("0", "00011"), trans_SUQADD_s, "SUQADD (scalar)" },
    { S2M("1", "00011"), trans_USQADD_s, "USQADD (scalar)" },
    { S2M("0", "00111"), trans_SQABS_s, "SQABS (scalar)" },
    { S2M("1", "00111"), trans_SQNEG_s, "SQNEG (scalar)" },
    { S2M("0", "01000"), trans_CMGT0_s, "CMGT (zero, scalar)" },
    { S2M("1", "01000"), trans_CMGE0_s, "CMGE (zero, scalar)" },
    { S2M("0", "01001"), trans_CMEQ0_s, "CMEQ (zero, scalar)" },
    { S2M("1", "01001"), trans_CMLE0_s, "CMLE (zero, scalar)" },
    { S2M("0", "01010"), trans_CMLT0_s, "CMLT (zero, scalar)" },
    { S2M("0", "01011"), trans_ABS_s, "ABS (scalar)" },
    { S2M("1", "01011"), trans_NEG_s, "NEG (vector, scalar)" },
    { S2M("1", "10010"), trans_SQXTUN_s, "SQXTUN (scalar)" },
    { S2M("0", "10100"), trans_SQXTN_s, "SQXTN (scalar)" },
    { S2M("1", "10100"), trans_UQXTN_s, "UQXTN (scalar)" },
    /* Advanced SIMD across lanes */
    { VAL("0", "00011"), trans_SADDLV, "SADDLV" },
    { VAL("1", "00011"), trans_UADDLV, "UADDLV" },
    { VAL("0", "01010"), trans_SMAXV, "SMAXV" },
    { VAL("1", "01010"), trans_UMAXV, "UMAXV" },
    { VAL("0", "11010"), trans_SMINV, "SMINV" },
    { VAL("1", "11010"), trans_UMINV, "UMINV" },
    { VAL("0", "11011"), trans_ADDV, "ADDV" },
    /* Advanced SIMD three different */
    { V3D("0", "0000"), trans_SADDL, "SADDL" },
    { V3D("1", "0000"), trans_UADDL, "UADDL" },
    { V3D("0", "0001"), trans_SADDW, "SADDW" },
    { V3D("1", "0001"), trans_UADDW, "UADDW" },
    { V3D("0", "0010"), trans_SSUBL, "SSUBL" },
    { V3D("1", "0010"), trans_USUBL, "USUBL" },
    { V3D("0", "0011"), trans_SSUBW, "SSUBW" },
    { V3D("1", "0011"), trans_USUBW, "USUBW" },
    { V3D("0", "0100"), trans_ADDHN, "ADDHN" },
    { V3D("1", "0100"), trans_RADDHN, "RADDHN" },
    { V3D("0", "0101"), trans_SABAL, "SABAL" },
    { V3D("1", "0101"), trans_UABAL, "UABAL" },
    { V3D("0", "0110"), trans_SUBHN, "SUBHN" },
    { V3D("1", "0110"), trans_RSUBHN, "RSUBHN" },
    { V3D("0", "0111"), trans_SABDL, "SABDL" },
    { V3D("1", "0111"), trans_UABDL, "UABDL" },
    { V3D("0", "1000"), trans_SMLAL, "SMLAL (vector)" },
    { V3D("1", "1000"), trans_UMLAL, "UMLAL (vector)" },
    { V3D("0", "1001"), trans_SQDMLAL, "SQDMLAL (vector)" },
    { V3D("0", "1010"), trans_SMLSL, "SMLSL (vector)" },
    { V3D("1", "1010"), trans_UMLSL, "UMLSL (vector)" },
    { V3D("0", "1011"), trans_SQDMLSL, "SQDMLSL (vector)" },
    { V3D("0", "1100"), trans_SMULL, "SMULL (vector)" },
    { V3D("1", "1100"), trans_UMULL, "UMULL (vector)" },
    { V3D("0", "1101"), trans_SQDMULL, "SQDMULL (vector)" },
    { V3D("0", "1110"), trans_PMULL, "PMULL" },
    /* Advanced SIMD scalar three different */
    { S3D("0", "1001"), trans_SQDMLAL_s, "SQDMLAL (vector, scalar)" },
    { S3D("0", "1011"), trans_SQDMLSL_s, "SQDMLSL (vector, scalar)" },
    { S3D("0", "1101"), trans_SQDMULL_s, "SQDMULL (vector, scalar)" },
    /* Advanced SIMD vector x indexed element (integer) */
    { VXE("0", "1000"), trans_MUL_x, "MUL (by element)" },
    { VXE("1", "0000"), trans_MLA_x, "MLA (by element)" },
    { VXE("1", "0100"), trans_MLS_x, "MLS (by element)" },
    { VXE("0", "1100"), trans_SQDMULH_x, "SQDMULH (by element)" },
    { VXE("0", "1101"), trans_SQRDMULH_x, "SQRDMULH (by element)" },
    { VXE("0", "1010"), trans_SMULL_x, "SMULL (by element)" },
    { VXE("1", "1010"), trans_UMULL_x, "UMULL (by element)" },
    { VXE("0", "0010"), trans_SMLAL_x, "SMLAL (by element)" },
    { VXE("1", "0010"), trans_UMLAL_x, "UMLAL (by element)" },
    { VXE("0", "0110"), trans_SMLSL_x, "SMLSL (by element)" },
    { VXE("1", "0110"), trans_UMLSL_x, "UMLSL (by element)" },
    { VXE("0", "1011"), trans_SQDMULL_x, "SQDMULL (by element)" },
    { VXE("0", "0011"), trans_SQDMLAL_x, "SQDMLAL (by element)" },
    { VXE("0", "0111"), trans_SQDMLSL_x, "SQDMLSL (by element)" },
    { VXE("1", "1101"), trans_SQRDMLAH_x, "SQRDMLAH (by element)" },
    { VXE("1", "1111"), trans_SQRDMLSH_x, "SQRDMLSH (by element)" },
    { VXE("0", "1110"), trans_SDOT_x, "SDOT (by element)" },
    { VXE("1", "1110"), trans_UDOT_x, "UDOT (by element)" },
    /* Advanced SIMD scalar x indexed element (integer) */
    { SXE("0", "1100"), trans_SQDMULH_xs, "SQDMULH (by element, scalar)" },
    { SXE("0", "1101"), trans_SQRDMULH_xs, "SQRDMULH (by element, scalar)" },
    { SXE("0", "1011"), trans_SQDMULL_xs, "SQDMULL (by element, scalar)" },
    { SXE("0", "0011"), trans_SQDMLAL_xs, "SQDMLAL (by element, scalar)" },
    { SXE("0", "0111"), trans_SQDMLSL_xs, "SQDMLSL (by element, scalar)" },
    { SXE("1", "1101"), trans_SQRDMLAH_xs, "SQRDMLAH (by element, scalar)" },
    { SXE("1", "1111"), trans_SQRDMLSH_xs, "SQRDMLSH (by element, scalar)" },
    /* Advanced SIMD (scalar) three-register extension */
    { "0 q 1 01110 ss 0 mmmmm 1 0000 1 nnnnn ddddd", trans_SQRDMLAH, "SQRDMLAH (vector)" },
    { "0 q 1 01110 ss 0 mmmmm 1 0001 1 nnnnn ddddd", trans_SQRDMLSH, "SQRDMLSH (vector)" },
    { "01 1 11110 ss 0 mmmmm 1 0000 1 nnnnn ddddd", trans_SQRDMLAH_s, "SQRDMLAH (vector, scalar)" },
    { "01 1 11110 ss 0 mmmmm 1 0001 1 nnnnn ddddd", trans_SQRDMLSH_s, "SQRDMLSH (vector, scalar)" },
    { "0 q 0 01110 ss 0 mmmmm 1 0010 1 nnnnn ddddd", trans_SDOT, "SDOT (vector)" },
    { "0 q 1 01110 ss 0 mmmmm 1 0010 1 nnnnn ddddd", trans_UDOT, "UDOT (vector)" },
    { NULL },
};
