/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IR expansions of the integer SIMD operations that dominate the C
 * library's string routines (strlen, memchr, strchr ...) and vectorised
 * loops: ADD and SUB, CMEQ and CMTST, the unsigned pairwise ADDP/UMAXP/
 * UMINP and the narrowing SHRN/XTN (the last four become vector IR,
 * simd-vec.c, unless GUISE_SIMD_HELPERS turns that off).  They
 * work on the two 64-bit halves of the registers with SWAR arithmetic
 * (all lanes of a half in one 64-bit integer, with masks that keep carries
 * inside their lane), so the hottest loops need no helper call.  The
 * decoders in simd-int.c and simd-shift.c call these for the element
 * sizes they cover and use helper_simd for the rest.
 *
 * Lane masks for lanes of b bits: H has each lane's top bit, L each lane's
 * low half; a lane with a single set bit times 2^b - 1 becomes all ones.
 */
#include "simd.h"

/* v replicated over 64 bits in lanes of b bits. */
static uint64_t rep(uint64_t v, unsigned b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i += b)
        r |= v << i;
    return r;
}

static uint64_t ones(unsigned b)
{
    return b == 64 ? ~0ull : (1ull << b) - 1;
}

#define C(v) a64_const(s, IR_I64, (v))

/* All ones in each b-bit lane of t that is zero (or nonzero), else 0. */
static IRTemp gen_lane_zero(DisasContext *s, unsigned b, IRTemp t, bool nonzero)
{
    IRBlock *B = IRB(s);
    IRTemp y = a64_tmp(s, IR_I64);
    uint64_t h = rep(1ull << (b - 1), b);

    if (b == 64) {
        ir_setcond(B, IR_I64, nonzero ? IR_COND_NE : IR_COND_EQ, y, t, C(0));
        ir_neg(B, IR_I64, y, y);
        return y;
    }
    /* The top bit of ((t & ~H) + ~H) | t is set iff the lane is nonzero;
     * the add cannot carry out of a lane. */
    ir_and(B, IR_I64, y, t, C(~h));
    ir_add(B, IR_I64, y, y, C(~h));
    ir_or(B, IR_I64, y, y, t);
    if (nonzero)
        ir_and(B, IR_I64, y, y, C(h));
    else
        ir_andc(B, IR_I64, y, C(h), y);
    ir_shr(B, IR_I64, y, y, C(b - 1));
    ir_mul(B, IR_I64, y, y, C(ones(b)));
    return y;
}

/* CMEQ (register, zero), CMTST on the halves; scalar forms are D only. */
bool gen_ir_cmeq(DisasContext *s, uint32_t insn, unsigned kind, bool scalar)
{
    unsigned size = simd_size(insn), halves = scalar || !Q(insn) ? 1 : 2;
    IRTemp r[2] = { IR_NONE, IR_NONE };

    if ((scalar && size != 3) || (!scalar && size == 3 && !Q(insn)))
        return false;
    if (!scalar) {   /* vector IR (simd-vec.c) where it applies */
        static const unsigned ops[] = { SIMD_OP_CMEQ, SIMD_OP_CMEQ0, SIMD_OP_CMTST };
        SimdDesc d = simd_desc(insn, ops[kind], size);
        if (gen_vec_desc(s, &d))
            return true;
    }
    for (unsigned h = 0; h < halves; h++) {
        IRTemp t = gen_vreg_ld(s, rn(insn), h);
        if (kind != SIMD_IR_CMEQ0) {
            IRTemp m = gen_vreg_ld(s, rm(insn), h), u = a64_tmp(s, IR_I64);
            if (kind == SIMD_IR_CMTST)
                ir_and(IRB(s), IR_I64, u, t, m);
            else
                ir_xor(IRB(s), IR_I64, u, t, m);
            t = u;
        }
        r[h] = gen_lane_zero(s, 8u << size, t, kind == SIMD_IR_CMTST);
    }
    gen_vreg_st2(s, rd(insn), r[0], r[1], halves == 2);
    return true;
}

/* x + y or x - y in lanes of b bits: the top bits are left out of the
 * arithmetic (so nothing carries or borrows into the next lane) and put
 * back with their own sum bit. */
static IRTemp gen_lane_add(DisasContext *s, unsigned b, IRTemp x, IRTemp y, bool sub)
{
    IRBlock *B = IRB(s);
    IRTemp r = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64), u = a64_tmp(s, IR_I64);
    uint64_t h = rep(1ull << (b - 1), b);

    if (b == 64) {
        if (sub)
            ir_sub(B, IR_I64, r, x, y);
        else
            ir_add(B, IR_I64, r, x, y);
        return r;
    }
    ir_and(B, IR_I64, u, y, C(~h));
    ir_xor(B, IR_I64, t, x, y);
    if (sub) {
        /* (x | H) - (y & ~H) never borrows out of a lane; its top bit is
         * the inverse of the low borrow, so flip it with ~(x ^ y). */
        ir_or(B, IR_I64, r, x, C(h));
        ir_sub(B, IR_I64, r, r, u);
        ir_andc(B, IR_I64, t, C(h), t);
    } else {
        ir_and(B, IR_I64, r, x, C(~h));
        ir_add(B, IR_I64, r, r, u);
        ir_and(B, IR_I64, t, t, C(h));
    }
    ir_xor(B, IR_I64, r, r, t);
    return r;
}

/* ADD, SUB (vector); the scalar forms are D only. */
bool gen_ir_addsub(DisasContext *s, uint32_t insn, bool sub, bool scalar)
{
    unsigned size = simd_size(insn), halves = scalar || !Q(insn) ? 1 : 2;
    IRTemp r[2] = { IR_NONE, IR_NONE };

    if ((scalar && size != 3) || (!scalar && size == 3 && !Q(insn)))
        return false;
    if (!scalar) {   /* vector IR (simd-vec.c) where it applies */
        SimdDesc d = simd_desc(insn, sub ? SIMD_OP_SUB : SIMD_OP_ADD, size);
        if (gen_vec_desc(s, &d))
            return true;
    }
    for (unsigned h = 0; h < halves; h++)
        r[h] = gen_lane_add(s, 8u << size, gen_vreg_ld(s, rn(insn), h),
                            gen_vreg_ld(s, rm(insn), h), sub);
    gen_vreg_st2(s, rd(insn), r[0], r[1], halves == 2);
    return true;
}

/* Pack the low halves of the lanes of w (lanes of 2b bits, the upper half
 * of each already zero) into its low 32 bits. */
static IRTemp gen_pack(DisasContext *s, unsigned b, IRTemp w)
{
    IRBlock *B = IRB(s);
    for (unsigned lb = 2 * b; lb < 64; lb *= 2) {
        IRTemp t = a64_tmp(s, IR_I64);
        ir_shr(B, IR_I64, t, w, C(lb / 2));
        ir_or(B, IR_I64, t, t, w);
        ir_and(B, IR_I64, t, t, C(rep(ones(lb), 2 * lb)));
        w = t;
    }
    return w;
}

/* One 64-bit word of pairs of b-bit elements -> 32 bits of results. */
static IRTemp gen_pair_word(DisasContext *s, unsigned op, unsigned b, IRTemp w)
{
    IRBlock *B = IRB(s);
    uint64_t l = rep(ones(b), 2 * b);
    IRTemp x = a64_tmp(s, IR_I64), y = a64_tmp(s, IR_I64), r = a64_tmp(s, IR_I64);

    ir_and(B, IR_I64, x, w, C(l));
    ir_shr(B, IR_I64, y, w, C(b));
    ir_and(B, IR_I64, y, y, C(l));
    if (op == SIMD_OP_ADD) {
        ir_add(B, IR_I64, r, x, y);
        ir_and(B, IR_I64, r, r, C(l));
    } else {
        /* Bit b of (x | 2^b) - y is x >= y; widen it to a lane mask and
         * pick x or y by it: y ^ ((x ^ y) & mask) is the max. */
        IRTemp ge = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64);
        ir_or(B, IR_I64, ge, x, C(rep(1ull << b, 2 * b)));
        ir_sub(B, IR_I64, ge, ge, y);
        ir_shr(B, IR_I64, ge, ge, C(b));
        ir_and(B, IR_I64, ge, ge, C(rep(1, 2 * b)));
        ir_mul(B, IR_I64, ge, ge, C(ones(b)));
        ir_xor(B, IR_I64, t, x, y);
        ir_and(B, IR_I64, t, t, ge);
        ir_xor(B, IR_I64, r, op == SIMD_OP_UMAX ? y : x, t);
    }
    return gen_pack(s, b, r);
}

/* Two words of pairs -> one 64-bit result (lo's results first). */
static IRTemp gen_pair_two(DisasContext *s, unsigned op, unsigned b, IRTemp lo, IRTemp hi)
{
    IRBlock *B = IRB(s);
    IRTemp r = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64);
    if (b == 64) {
        ir_add(B, IR_I64, r, lo, hi);
        return r;
    }
    ir_shl(B, IR_I64, t, gen_pair_word(s, op, b, hi), C(32));
    ir_or(B, IR_I64, r, gen_pair_word(s, op, b, lo), t);
    return r;
}

/* ADDP (any size), UMAXP and UMINP (B, H, S): Vd = pairs of Vm:Vn. */
bool gen_ir_pair(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned size = simd_size(insn), b = 8u << size;
    IRTemp lo, hi = IR_NONE;

    if ((size == 3 && (!Q(insn) || op != SIMD_OP_ADD)))
        return false;
    if (Q(insn)) {
        IRTemp n0 = gen_vreg_ld(s, rn(insn), 0), n1 = gen_vreg_ld(s, rn(insn), 1);
        IRTemp m0 = gen_vreg_ld(s, rm(insn), 0), m1 = gen_vreg_ld(s, rm(insn), 1);
        lo = gen_pair_two(s, op, b, n0, n1);
        hi = gen_pair_two(s, op, b, m0, m1);
    } else {
        lo = gen_pair_two(s, op, b, gen_vreg_ld(s, rn(insn), 0), gen_vreg_ld(s, rm(insn), 0));
    }
    gen_vreg_st2(s, rd(insn), lo, hi, Q(insn));
    return true;
}

/* ADDP Dd, Vn.2D. */
bool gen_ir_addp_scalar(DisasContext *s, uint32_t insn)
{
    IRTemp r = gen_pair_two(s, SIMD_OP_ADD, 64, gen_vreg_ld(s, rn(insn), 0),
                            gen_vreg_ld(s, rn(insn), 1));
    gen_vreg_st2(s, rd(insn), r, IR_NONE, false);
    return true;
}

/* SHRN(2) by sh (XTN(2) with sh 0): elements of size nsize from the
 * 2 * nsize elements of Vn, into the lower half or, for Q, the upper. */
bool gen_ir_shrn(DisasContext *s, uint32_t insn, unsigned nsize, unsigned sh)
{
    if (gen_vec_shrn(s, rd(insn), rn(insn), nsize, sh, Q(insn)))
        return true;
    IRBlock *B = IRB(s);
    unsigned b = 8u << nsize;
    IRTemp w[2], r = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64);

    for (unsigned h = 0; h < 2; h++) {
        /* sh <= b, so the kept bits stay inside their own wide lane */
        IRTemp x = a64_tmp(s, IR_I64);
        ir_shr(B, IR_I64, x, gen_vreg_ld(s, rn(insn), h), C(sh));
        ir_and(B, IR_I64, x, x, C(rep(ones(b), 2 * b)));
        w[h] = gen_pack(s, b, x);
    }
    ir_shl(B, IR_I64, t, w[1], C(32));
    ir_or(B, IR_I64, r, w[0], t);
    if (Q(insn))
        gen_vreg_st(s, rd(insn), 1, r);
    else
        gen_vreg_st2(s, rd(insn), r, IR_NONE, false);
    return true;
}
