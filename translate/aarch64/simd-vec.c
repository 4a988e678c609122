/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD as vector IR: the translation of a SimdDesc (simd.h) into
 * the IR's v128 ops (vldenv, vec1, vec2, ... see ir-ops.def), which the
 * x86-64 backend maps to SSE and the interpreter runs through
 * ir_vec_eval().  gen_simd_call() tries gen_vec_desc() first and calls
 * helper_simd only for the descs it declines, so every decoder that builds
 * a SimdDesc (three same, two-register misc, three different long and wide
 * forms, shifts by immediate, by element, permutes, TBL) gets the fast
 * path where the recipe table below has a row for its operation.
 *
 * What is covered: lane-wise integer arithmetic, compares, min/max,
 * saturating add/sub (FPSR.QC from a comparison with the wrapping
 * result), URHADD, ABS/NEG, shifts by immediate and their accumulating
 * forms, the long/wide forms (sources widened with SXTL/UXTL), MLA/MLS,
 * by-element forms (the element duplicated first), ZIP, EXT, single-
 * register TBL; the vector narrowings (XTN, SQXTN, UQXTN, SQXTUN and the
 * narrowing shifts SQSHRN ..., from H and S: the SSE packs of
 * ir-vec-ext.h, FPSR.QC where a lane widened back differs), the integer
 * pairwise forms (SMAXP ...: the op on UZP1 and UZP2), the across-lanes
 * reductions (ADDV, S/UMAXV, S/UMINV, S/UADDLV: halving EXT steps) and
 * the widening pairwise adds (S/UADDLP, S/UADALP: shifts within the wide
 * lanes).  Declined (helper): scalar forms narrower than 64 bits, the
 * rounding narrowings, and element sizes whose operation has no single
 * SSE instruction (they would only become a C call per op in the
 * backend: 8-bit multiply, 64-bit min/max/saturation...).
 *
 * The FP entry gen_vec_fp3() (FADD, FSUB, FMUL, FDIV, FMLA, FMLS vectors,
 * also by element) is one vfpop each: the backend computes with the
 * host's IEEE arithmetic and keeps helper_simd as the slow path, taken at
 * run time whenever the host result might differ from the Arm one in
 * value or in FPSR flags; see its comment.
 */
#include <stdlib.h>
#include "simd.h"
#include "translate/ir-vec-ext.h"
#include "util/log.h"

bool a64_vec_ir = true;

__attribute__((constructor)) static void vec_ir_init(void)
{
    a64_vec_ir = getenv("GUISE_SIMD_HELPERS") == NULL;
}

/* How a recipe combines its operands. */
enum {
    V_NONE,
    V_BIN,     /* kind(n, m) */
    V_TST,     /* CMTST: NOT(CMEQ(n & m, 0)) */
    V_UN,      /* kind(n) */
    V_CMP0,    /* kind(n, 0) (or kind(0, n) with SWAP) */
    V_SHIFT,   /* kind(n) by desc imm */
    V_ACC,     /* d + kind(n, m) (SUB flag: d - ...) */
    V_ACCSH,   /* d + kind(n) by desc imm */
    V_SAT,     /* kind(n, m), FPSR.QC if it differs from the wrapping op */
};
enum { VF_SWAP = 1, VF_NOT = 2, VF_SUB = 4, VF_Q = 8, VF_NARROW = 16 };

typedef struct VecRecipe {
    uint8_t form, kind, sizes, flags;
} VecRecipe;

#define B SZ_B
#define H SZ_H
#define S SZ_S
#define D SZ_D

static const VecRecipe recipes[SIMD_OP_INT_COUNT] = {
    [SIMD_OP_MOV] = { V_UN, IR_VEC_MOV, H | S | D, VF_NARROW },   /* XTN, SQXTN ... */
    [SIMD_OP_ADD] = { V_BIN, IR_VEC_ADD, B | H | S | D, 0 },
    [SIMD_OP_SUB] = { V_BIN, IR_VEC_SUB, B | H | S | D, 0 },
    [SIMD_OP_MUL] = { V_BIN, IR_VEC_MUL, H | S, 0 },
    [SIMD_OP_MLA] = { V_ACC, IR_VEC_MUL, H | S, 0 },
    [SIMD_OP_MLS] = { V_ACC, IR_VEC_MUL, H | S, VF_SUB },
    [SIMD_OP_CMEQ] = { V_BIN, IR_VEC_CMEQ, B | H | S | D, 0 },
    [SIMD_OP_CMGT] = { V_BIN, IR_VEC_CMGT, B | H | S | D, 0 },
    [SIMD_OP_CMHI] = { V_BIN, IR_VEC_CMGTU, B | H | S, 0 },
    [SIMD_OP_CMGE] = { V_BIN, IR_VEC_CMGT, B | H | S | D, VF_SWAP | VF_NOT },
    [SIMD_OP_CMHS] = { V_BIN, IR_VEC_CMGTU, B | H | S, VF_SWAP | VF_NOT },
    [SIMD_OP_CMTST] = { V_TST, IR_VEC_CMEQ, B | H | S | D, 0 },
    [SIMD_OP_SMAX] = { V_BIN, IR_VEC_MAXS, B | H | S, 0 },
    [SIMD_OP_SMIN] = { V_BIN, IR_VEC_MINS, B | H | S, 0 },
    [SIMD_OP_UMAX] = { V_BIN, IR_VEC_MAXU, B | H | S, 0 },
    [SIMD_OP_UMIN] = { V_BIN, IR_VEC_MINU, B | H | S, 0 },
    [SIMD_OP_URHADD] = { V_BIN, IR_VEC_URHADD, B | H, 0 },
    [SIMD_OP_SQADD] = { V_SAT, IR_VEC_SQADD, B | H, 0 },
    [SIMD_OP_UQADD] = { V_SAT, IR_VEC_UQADD, B | H, 0 },
    [SIMD_OP_SQSUB] = { V_SAT, IR_VEC_SQSUB, B | H, 0 },
    [SIMD_OP_UQSUB] = { V_SAT, IR_VEC_UQSUB, B | H, 0 },
    [SIMD_OP_ABS] = { V_UN, IR_VEC_ABS, B | H | S, 0 },
    [SIMD_OP_NEG] = { V_UN, IR_VEC_NEG, B | H | S | D, 0 },
    [SIMD_OP_CMGT0] = { V_CMP0, IR_VEC_CMGT, B | H | S | D, 0 },
    [SIMD_OP_CMGE0] = { V_CMP0, IR_VEC_CMGT, B | H | S | D, VF_SWAP | VF_NOT },
    [SIMD_OP_CMEQ0] = { V_CMP0, IR_VEC_CMEQ, B | H | S | D, 0 },
    [SIMD_OP_CMLE0] = { V_CMP0, IR_VEC_CMGT, B | H | S | D, VF_NOT },
    [SIMD_OP_CMLT0] = { V_CMP0, IR_VEC_CMGT, B | H | S | D, VF_SWAP },
    [SIMD_OP_SHL] = { V_SHIFT, IR_VEC_SHLI, H | S | D, 0 },
    [SIMD_OP_SSHR] = { V_SHIFT, IR_VEC_SARI, H | S, 0 },
    [SIMD_OP_USHR] = { V_SHIFT, IR_VEC_SHRI, H | S | D, 0 },
    [SIMD_OP_SSRA] = { V_ACCSH, IR_VEC_SARI, H | S, 0 },
    [SIMD_OP_USRA] = { V_ACCSH, IR_VEC_SHRI, H | S | D, 0 },
    [SIMD_OP_ZIP1] = { V_BIN, IR_VEC_ZIPLO, B | H | S | D, 0 },
    [SIMD_OP_ZIP2] = { V_BIN, IR_VEC_ZIPHI, B | H | S | D, VF_Q },
    [SIMD_OP_UZP1] = { V_BIN, IR_VEC_UZP1, B | H | S | D, VF_Q },
    [SIMD_OP_UZP2] = { V_BIN, IR_VEC_UZP2, B | H | S | D, VF_Q },
    [SIMD_OP_REV] = { V_SHIFT, IR_VEC_REV, B | H | S, 0 },   /* imm: log2 container */
};

#undef B
#undef H
#undef S
#undef D

static IRTemp vtmp(DisasContext *s)
{
    return a64_tmp(s, IR_V128);
}

static IRTemp gen_vreg(DisasContext *s, unsigned reg)
{
    IRTemp t = vtmp(s);
    ir_vldenv(IRB(s), t, vreg_off(reg, 0));
    return t;
}

static IRTemp gen_v2(DisasContext *s, unsigned kind, unsigned esize, IRTemp a, IRTemp b)
{
    IRTemp t = vtmp(s);
    ir_vec2(IRB(s), kind, esize, t, a, b, 0);
    return t;
}

static IRTemp gen_v1(DisasContext *s, unsigned kind, unsigned esize, IRTemp a, unsigned imm)
{
    IRTemp t = vtmp(s);
    ir_vec1(IRB(s), kind, esize, t, a, imm);
    return t;
}

static IRTemp gen_vzero(DisasContext *s)
{
    IRTemp t = vtmp(s);
    ir_vdup(IRB(s), 3, t, a64_const(s, IR_I64, 0));
    return t;
}

/* A source as the op sees it: Vm's element idx duplicated first (at its
 * own, narrow size when it is widened), then widened (w) from the half hi
 * selects to esize. */
static IRTemp gen_source(DisasContext *s, const SimdDesc *d, unsigned reg,
                         unsigned w, int idx)
{
    unsigned from = w ? d->esize - 1 : d->esize;
    IRTemp v = gen_vreg(s, reg);

    if (idx >= 0) {
        IRTemp x = a64_tmp(s, IR_I64), t = vtmp(s);
        ir_vget(IRB(s), from, x, v, (unsigned)idx);
        ir_vdup(IRB(s), from, t, x);
        v = t;
    }
    if (w)
        v = gen_v1(s, w == SIMD_WIDEN_S ? IR_VEC_SXTL : IR_VEC_UXTL, from, v, d->hi);
    return v;
}

/* FPSR.QC |= any lane of r differs from the same lane of w. */
static void gen_qc(DisasContext *s, IRTemp r, IRTemp w, unsigned oprsz)
{
    IRBlock *b = IRB(s);
    IRTemp x = gen_v2(s, IR_VEC_XOR, 0, r, w);
    IRTemp lo = a64_tmp(s, IR_I64), hi = a64_tmp(s, IR_I64), f = a64_tmp(s, IR_I64);

    ir_vget(b, 3, lo, x, 0);
    if (oprsz == 16) {
        ir_vget(b, 3, hi, x, 1);
        ir_or(b, IR_I64, lo, lo, hi);
    }
    ir_setcond(b, IR_I64, IR_COND_NE, lo, lo, a64_const(s, IR_I64, 0));
    ir_shl(b, IR_I64, lo, lo, a64_const(s, IR_I64, 27));
    ir_ldenv(b, IR_I64, f, env_off(fpsr), IR_MO_32);
    ir_or(b, IR_I64, f, f, lo);
    ir_stenv(b, IR_I64, f, env_off(fpsr), IR_MO_32);
}

/* The narrowing steps gen_narrow_step does: vector forms, and the
 * saturating ones only where the backend has a pack (not from D). */
static bool narrow_ok(const SimdDesc *d)
{
    if (d->oprsz != 16 || d->esize == 0 || d->wn || d->wm)
        return false;
    if (d->narrow == SIMD_NARROW_TRUNC)
        return true;
    return d->esize <= 2 && (d->narrow == SIMD_NARROW_SQXTN || d->narrow == SIMD_NARROW_UQXTN ||
                             d->narrow == SIMD_NARROW_SQXTUN);
}

/* The narrowing step of a desc (simd.h, SIMD_NARROW_*) on the wide result
 * w: the narrow lanes in the lower half with the upper half zero, or for
 * the "2" forms in the upper half with Vd's lower half kept; FPSR.QC if
 * a saturating narrowing saturated: its lanes widened back differ from w. */
static IRTemp gen_narrow_step(DisasContext *s, const SimdDesc *d, IRTemp w)
{
    IRTemp z = gen_vzero(s), r;
    unsigned kind = d->narrow == SIMD_NARROW_SQXTN ? IR_VEC_SQXTN
                  : d->narrow == SIMD_NARROW_UQXTN ? IR_VEC_UQXTN : IR_VEC_SQXTUN;

    if (d->narrow == SIMD_NARROW_TRUNC) {
        r = gen_v2(s, IR_VEC_UZP1, d->esize - 1, w, z);
    } else {
        r = gen_v2(s, kind, d->esize, w, z);
        gen_qc(s, gen_v1(s, kind == IR_VEC_SQXTN ? IR_VEC_SXTL : IR_VEC_UXTL, d->esize - 1,
                         r, 0), w, 16);
    }
    if (d->hi)
        r = gen_v2(s, IR_VEC_ZIPLO, 3, gen_vreg(s, d->rd), r);
    return r;
}

/* Does the desc have the shape the recipes handle? */
static bool desc_ok(const SimdDesc *d, const VecRecipe *r)
{
    if (d->op >= SIMD_OP_INT_COUNT || r->form == V_NONE)
        return false;
    /* pairwise: a plain binary op on the even and odd lanes (gen_pairs) */
    if (d->pair && (d->pair != SIMD_PAIR_VEC || r->form != V_BIN || r->flags || d->narrow ||
                    d->wn || d->wm || d->idx >= 0))
        return false;
    if (d->narrow ? !narrow_ok(d) : (r->flags & VF_NARROW) != 0)
        return false;
    if (!((r->sizes >> d->esize) & 1) || (d->oprsz != 16 && d->oprsz != 8))
        return false;
    if ((r->flags & VF_Q) && d->oprsz != 16)
        return false;
    /* widened sources come from a narrower element */
    if ((d->wn || d->wm) && d->esize == 0)
        return false;
    return true;
}

/* The pairwise forms (SMAXP ...) take the pairs of Vm:Vn: op of the even
 * lanes (UZP1) and the odd ones (UZP2).  A 64-bit form first joins the
 * low halves, Vn's below Vm's, into one vector whose lower half then
 * holds the result. */
static void gen_pairs(DisasContext *s, const SimdDesc *d, IRTemp *n, IRTemp *m)
{
    IRTemp a = *n, b = *m;

    if (d->oprsz == 8)
        a = b = gen_v2(s, IR_VEC_ZIPLO, 3, *n, *m);
    *n = gen_v2(s, IR_VEC_UZP1, d->esize, a, b);
    *m = gen_v2(s, IR_VEC_UZP2, d->esize, a, b);
}

/* The sums of adjacent pairs of v's lanes, widened to lanes of esize
 * (the wide size): the odd lane is the wide lane shifted right by half
 * its width, the even one shifted left and back (arithmetic shifts when
 * signed), so the sum cannot carry out of the wide lane. */
static IRTemp gen_addlp_lanes(DisasContext *s, IRTemp v, unsigned esize, bool sign)
{
    unsigned half = 4u << esize, sh = sign ? IR_VEC_SARI : IR_VEC_SHRI;
    IRTemp odd = gen_v1(s, sh, esize, v, half);
    IRTemp even = gen_v1(s, sh, esize, gen_v1(s, IR_VEC_SHLI, esize, v, half), half);

    return gen_v2(s, IR_VEC_ADD, esize, even, odd);
}

/* SADDLP, UADDLP, SADALP, UADALP (esize: the result's). */
static bool gen_vec_addlp(DisasContext *s, const SimdDesc *d)
{
    bool sign = d->op == SIMD_OP_SADDLP || d->op == SIMD_OP_SADALP;
    IRTemp r;

    if (d->esize == 0 || (sign && d->esize == 3) || (d->oprsz != 16 && d->oprsz != 8))
        return false;
    r = gen_addlp_lanes(s, gen_vreg(s, d->rn), d->esize, sign);
    if (d->op == SIMD_OP_SADALP || d->op == SIMD_OP_UADALP)
        r = gen_v2(s, IR_VEC_ADD, d->esize, gen_vreg(s, d->rd), r);
    if (d->oprsz == 8)
        r = gen_v1(s, IR_VEC_ZEXT64, 0, r, 0);
    ir_vstenv(IRB(s), r, vreg_off(d->rd, 0));
    return true;
}

/* ADDV, SMAXV, SMINV, UMAXV, UMINV, SADDLV, UADDLV: halving steps, each
 * combining the vector with itself rotated by half the remaining width
 * (EXT), until lane 0 holds the whole reduction; lanes beyond the width
 * hold garbage no later step reads.  The long forms first add pairs into
 * lanes of twice the size, over the same bytes (the sums fit).  The result is lane 0, the rest
 * of Vd zeroed. */
static bool gen_vec_across(DisasContext *s, const SimdDesc *d)
{
    bool lng = d->op == SIMD_OP_SADDLV || d->op == SIMD_OP_UADDLV;
    unsigned kind = d->op == SIMD_OP_SMAXV ? IR_VEC_MAXS : d->op == SIMD_OP_SMINV ? IR_VEC_MINS
                  : d->op == SIMD_OP_UMAXV ? IR_VEC_MAXU : d->op == SIMD_OP_UMINV ? IR_VEC_MINU
                  : IR_VEC_ADD;
    unsigned es = d->esize + lng, w = d->oprsz / 2;
    IRTemp v, x, r;

    if (d->esize > 2 || (d->oprsz != 16 && d->oprsz != 8) ||
        (d->op == SIMD_OP_SADDLV && es == 3))
        return false;
    v = gen_vreg(s, d->rn);
    x = a64_tmp(s, IR_I64);
    r = vtmp(s);
    if (lng)
        v = gen_addlp_lanes(s, v, es, d->op == SIMD_OP_SADDLV);
    for (; w >= 1u << es; w /= 2) {
        IRTemp t = vtmp(s);
        ir_vec2(IRB(s), IR_VEC_EXT, 0, t, v, v, w);
        v = gen_v2(s, kind, es, v, t);
    }
    ir_vget(IRB(s), es, x, v, 0);
    ir_vdup(IRB(s), 3, r, x);
    ir_vstenv(IRB(s), gen_v1(s, IR_VEC_ZEXT64, 0, r, 0), vreg_off(d->rd, 0));
    return true;
}

bool gen_vec_desc(DisasContext *s, const SimdDesc *d)
{
    const VecRecipe *r = d->op < SIMD_OP_INT_COUNT ? &recipes[d->op] : NULL;
    IRTemp n, m = IR_NONE, res = IR_NONE, t;
    unsigned es;

    if (a64_vec_ir && d->op >= SIMD_OP_ADDV && d->op <= SIMD_OP_UADDLV)
        return gen_vec_across(s, d);
    if (a64_vec_ir && d->op >= SIMD_OP_SADDLP && d->op <= SIMD_OP_UADALP)
        return gen_vec_addlp(s, d);
    if (!a64_vec_ir || !r || !desc_ok(d, r))
        return false;
    es = d->esize;
    n = gen_source(s, d, d->rn, d->wn, -1);
    if (r->form == V_BIN || r->form == V_TST || r->form == V_ACC || r->form == V_SAT)
        m = gen_source(s, d, d->rm, d->wm, d->idx);
    else if (d->idx >= 0)
        return false;   /* not reached: by-element forms have an m */

    if (d->pair)
        gen_pairs(s, d, &n, &m);
    switch (r->form) {
    case V_BIN: case V_SAT:
        res = (r->flags & VF_SWAP) ? gen_v2(s, r->kind, es, m, n) : gen_v2(s, r->kind, es, n, m);
        if (r->flags & VF_NOT)
            res = gen_v1(s, IR_VEC_NOT, es, res, 0);
        break;
    case V_TST:
        t = gen_v2(s, IR_VEC_AND, es, n, m);
        res = gen_v1(s, IR_VEC_NOT, es, gen_v2(s, IR_VEC_CMEQ, es, t, gen_vzero(s)), 0);
        break;
    case V_UN:
        res = gen_v1(s, r->kind, es, n, 0);
        break;
    case V_CMP0:
        t = gen_vzero(s);
        res = (r->flags & VF_SWAP) ? gen_v2(s, r->kind, es, t, n) : gen_v2(s, r->kind, es, n, t);
        if (r->flags & VF_NOT)
            res = gen_v1(s, IR_VEC_NOT, es, res, 0);
        break;
    case V_SHIFT:
        res = gen_v1(s, r->kind, es, n, d->imm);
        break;
    case V_ACC: case V_ACCSH:
        t = r->form == V_ACC ? gen_v2(s, r->kind, es, n, m) : gen_v1(s, r->kind, es, n, d->imm);
        res = gen_v2(s, (r->flags & VF_SUB) ? IR_VEC_SUB : IR_VEC_ADD, es, gen_vreg(s, d->rd), t);
        break;
    default:
        unreachable();
    }
    if (d->narrow)
        res = gen_narrow_step(s, d, res);
    if (d->oprsz == 8)
        res = gen_v1(s, IR_VEC_ZEXT64, 0, res, 0);
    ir_vstenv(IRB(s), res, vreg_off(d->rd, 0));
    if (r->form == V_SAT) {
        unsigned wrap = r->kind == IR_VEC_SQADD || r->kind == IR_VEC_UQADD ? IR_VEC_ADD : IR_VEC_SUB;
        gen_qc(s, res, gen_v2(s, wrap, es, n, m), d->oprsz);
    }
    return true;
}

/* EXT Vd, Vn, Vm, #pos: bytes pos.. of Vm:Vn (Q = 0: of the low halves). */
bool gen_vec_ext(DisasContext *s, unsigned rd, unsigned rn, unsigned rm,
                 unsigned pos, bool q)
{
    IRTemp n = gen_vreg(s, rn), m = gen_vreg(s, rm), r = vtmp(s);

    if (!q) {
        /* the low halves side by side: m's low half above n's */
        IRTemp c = gen_v2(s, IR_VEC_ZIPLO, 3, n, m);
        ir_vec2(IRB(s), IR_VEC_EXT, 0, r, c, c, pos);
        r = gen_v1(s, IR_VEC_ZEXT64, 0, r, 0);
    } else {
        ir_vec2(IRB(s), IR_VEC_EXT, 0, r, n, m, pos);
    }
    ir_vstenv(IRB(s), r, vreg_off(rd, 0));
    return true;
}

/* TBL with one table register: Vd = Vn[Vm], 0 for indices >= 16. */
bool gen_vec_tbl1(DisasContext *s, unsigned rd, unsigned rn, unsigned rm, bool q)
{
    IRTemp r = gen_v2(s, IR_VEC_TBL, 0, gen_vreg(s, rn), gen_vreg(s, rm));

    if (!q)
        r = gen_v1(s, IR_VEC_ZEXT64, 0, r, 0);
    ir_vstenv(IRB(s), r, vreg_off(rd, 0));
    return true;
}

/* SHRN(2)/XTN(2): the wide lanes shifted right by sh, their low halves
 * (UZP1) into Vd's lower half, or for q its upper half beside the lower
 * one Vd keeps. */
bool gen_vec_shrn(DisasContext *s, unsigned rd, unsigned rn, unsigned nsize, unsigned sh, bool q)
{
    IRTemp v, r;

    if (!a64_vec_ir || nsize > 2)
        return false;
    v = gen_vreg(s, rn);
    if (sh)
        v = gen_v1(s, IR_VEC_SHRI, nsize + 1, v, sh);
    r = gen_v2(s, IR_VEC_UZP1, nsize, v, v);
    r = q ? gen_v2(s, IR_VEC_ZIPLO, 3, gen_vreg(s, rd), r) : gen_v1(s, IR_VEC_ZEXT64, 0, r, 0);
    ir_vstenv(IRB(s), r, vreg_off(rd, 0));
    return true;
}

/* AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF, NOT on whole registers. */
bool gen_vec_logic(DisasContext *s, uint32_t insn, unsigned kind)
{
    enum { AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF, NOT };
    IRTemp n, m = IR_NONE, d = IR_NONE, r;

    if (!a64_vec_ir)
        return false;
    n = gen_vreg(s, rn(insn));
    if (kind != NOT)
        m = gen_vreg(s, rm(insn));
    if (kind >= BSL && kind != NOT)
        d = gen_vreg(s, rd(insn));
    switch (kind) {
    case AND: r = gen_v2(s, IR_VEC_AND, 0, n, m); break;
    case BIC: r = gen_v2(s, IR_VEC_ANDC, 0, n, m); break;
    case ORR: r = gen_v2(s, IR_VEC_OR, 0, n, m); break;
    case ORN: r = gen_v2(s, IR_VEC_OR, 0, n, gen_v1(s, IR_VEC_NOT, 0, m, 0)); break;
    case EOR: r = gen_v2(s, IR_VEC_XOR, 0, n, m); break;
    case NOT: r = gen_v1(s, IR_VEC_NOT, 0, n, 0); break;
    case BSL:   /* d ? n : m, bitwise: m ^ ((n ^ m) & d) */
        r = gen_v2(s, IR_VEC_XOR, 0, m,
                   gen_v2(s, IR_VEC_AND, 0, gen_v2(s, IR_VEC_XOR, 0, n, m), d));
        break;
    default:    /* BIT: m ? n : d; BIF: m ? d : n; d ^ ((d ^ n) & (~)m) */
        r = gen_v2(s, kind == BIT ? IR_VEC_AND : IR_VEC_ANDC, 0,
                   gen_v2(s, IR_VEC_XOR, 0, d, n), m);
        r = gen_v2(s, IR_VEC_XOR, 0, d, r);
        break;
    }
    if (!Q(insn))
        r = gen_v1(s, IR_VEC_ZEXT64, 0, r, 0);
    ir_vstenv(IRB(s), r, vreg_off(rd(insn), 0));
    return true;
}

bool gen_vec_dup64(DisasContext *s, unsigned rd, IRTemp v, bool q)
{
    IRTemp r = vtmp(s);

    if (!a64_vec_ir)
        return false;
    ir_vdup(IRB(s), 3, r, v);
    if (!q)
        r = gen_v1(s, IR_VEC_ZEXT64, 0, r, 0);
    ir_vstenv(IRB(s), r, vreg_off(rd, 0));
    return true;
}

/* ---- floating point ---- */

/*
 * FADD, FSUB, FMUL, FDIV, FMLA, FMLS (vector, single and double; the
 * last two fused, FPMulAdd, as FMA3 is) as one vfpop (ir.h): the backend
 * keeps the host's IEEE result when it is the Arm one (round to nearest,
 * no flushing, Inexact already raised, every lane normal or an exact
 * zero) and calls helper_simd, which recomputes the instruction from the
 * unchanged registers and sets FPSR exactly, otherwise.  The operands are
 * loaded from env just before the op and nothing is stored in between,
 * as vfpop requires.  Zero results are exact for a sum or difference,
 * and for a product (quotient, fused product) with a zero factor
 * (dividend).
 */
bool gen_vec_fp3(DisasContext *s, const SimdDesc *d)
{
    static const uint8_t kinds[] = {
        [SIMD_OP_FADD - SIMD_OP_FP_FIRST] = IR_VEC_FADD + 1,
        [SIMD_OP_FSUB - SIMD_OP_FP_FIRST] = IR_VEC_FSUB + 1,
        [SIMD_OP_FMUL - SIMD_OP_FP_FIRST] = IR_VEC_FMUL + 1,
        [SIMD_OP_FDIV - SIMD_OP_FP_FIRST] = IR_VEC_FDIV + 1,
        [SIMD_OP_FMLA - SIMD_OP_FP_FIRST] = IR_VEC_FMA + 1,
        [SIMD_OP_FMLS - SIMD_OP_FP_FIRST] = IR_VEC_FMS + 1,
    };
    unsigned rel = d->op - SIMD_OP_FP_FIRST, kind, z1 = IR_VFP_NOZ, z2 = IR_VFP_NOZ;
    bool fused;
    IRTemp n, m, r;

    if (!a64_vec_ir || d->op < SIMD_OP_FP_FIRST || rel >= sizeof(kinds) || !kinds[rel] ||
        d->esize < 2 || !simd_desc_fits32(d) || (d->esize == 3 && d->oprsz != 16))
        return false;
    kind = kinds[rel] - 1u;
    fused = kind == IR_VEC_FMA || kind == IR_VEC_FMS;
    r = vtmp(s);
    /* an element of Vm is not in env as the op sees it: a zero result
     * there is exact only by Vn */
    if (kind != IR_VEC_FADD && kind != IR_VEC_FSUB)
        z1 = (unsigned)vreg_off(d->rn, 0);
    if ((kind == IR_VEC_FMUL || fused) && d->idx < 0)
        z2 = (unsigned)vreg_off(d->rm, 0);
    n = gen_vreg(s, d->rn);
    m = gen_source(s, d, d->rm, SIMD_WIDEN_NONE, d->idx);
    ir_vfpop(IRB(s), kind, d->esize, d->oprsz, &helper_desc_simd32, simd_desc_pack32(d), r,
             fused ? gen_vreg(s, d->rd) : n, fused ? n : m, fused ? m : IR_NONE,
             vreg_off(d->rd, 0), z1, z2);
    ir_vstenv(IRB(s), r, vreg_off(d->rd, 0));
    return true;
}
