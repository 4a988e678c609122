/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fpop (ir-ops.def): a scalar FP operation on the host FPU when the
 * frontend's ir_fp_fast conditions hold, its exact helper otherwise.
 *
 *     test [env + ctl_off], ctl_mask     ; jnz slow   (not RN, or FZ...)
 *     test [env + sticky_off], bit       ; jz probe   (IXC not yet set)
 *   compute:
 *     movdqa xd, xx ; op xd, xy          (packed: the unused lanes hold
 *                                         zeros or NaNs, never denormals,
 *                                         which would be slow)
 *     (|xd| + bias > limit: not normal, special_test) ; jg slow
 *     movq d, xd
 *   resume:
 *
 * Values stay in xmm registers from one operation to the next: the
 * result d keeps a clean copy xd in lower-vec.c's xmm cache beside its
 * general register (x64_xshadow_new), an input read again later gets one
 * at its first read (input_copy), and an operation reads its inputs'
 * copies where they exist, else movq's them in; the dependency chain of
 * a computation then never crosses to the general registers.  The
 * general register stays the value's home: env stores, other ops and the
 * stub's helper arguments read it.  The stub keeps the other live xmm
 * registers over its call and puts the helper's result in xd too.
 *
 * Compares (IR_FP_CMP) are ucomiss/ucomisd, and the helper for NaNs;
 * conversions (IR_FP_CVTZS/CVTZU, IR_FP_SCVTF/UCVTF) cvtt*2si and
 * cvtsi2s*.
 *
 * The probe (out of line, before the stub's helper call) runs while
 * FPSR.IXC is clear: the operation again from clean MXCSR flags, IXC set
 * if the host saw Inexact, then back to compute (a conversion: back if
 * it is exact, else to the helper) -- so a program whose arithmetic
 * stays exact (integers in doubles), which never raises IXC, does not
 * call the helper for every operation.
 *
 * The host computes IEEE 754 in round-to-nearest without flushing (guise
 * never changes MXCSR's defaults outside a helper), as the guest asked;
 * with Inexact already raised, an operation whose result is a finite
 * normal number can have raised nothing else the guest could see, and
 * needed no NaN to be chosen and nothing flushed.  Everything else (NaN,
 * infinity, zero, denormal results and the smallest normal: special_test;
 * the first inexact operation, other rounding modes) goes to the helper,
 * from the same inputs.
 *
 * The packed forms compute on whatever the unused lanes hold (0/0 raises
 * Invalid in the host flags only, which nobody reads: helpers start from
 * clean flags); a single result is cut to its 32 bits.
 */
#include <stddef.h>
#include "x64-internal.h"
#include "util/log.h"

/* S values sit in the low 32 bits of the temp and of xmm: the packed
 * single op on [v, 0, 0, 0]. */
const X64SseOp x64_fp_ops[2][4] = {
    { X64_ADDPS, X64_SUBPS, X64_MULPS, X64_DIVPS },
    { X64_ADDPD, X64_SUBPD, X64_MULPD, X64_DIVPD },
};

/* xmm i = an input from general register r; exact: a single's upper
 * lanes zero, where the inline code leaves whatever the register's upper
 * half holds (the Inexact probe must not see those lanes round).
 * Returns i. */
static int load_input(X64Ctx *c, int i, int r, bool dbl, bool exact)
{
    if (exact && !dbl)
        emit_movd_xr(&c->e, i, r);
    else
        emit_movq_xr(&c->e, i, r);
    return i;
}

static int ninputs(unsigned kind)
{
    unsigned k = kind & ~(unsigned)IR_FP_64;
    return k == IR_FP_SQRT ? 1 : k == IR_FP_FMA ? 3 : 2;
}

/* xmm x = the operation of kind (an IRFpKind with IR_FP_64) on its
 * inputs: input i from xmm xin[i] (a cache copy) or, if that is -1, from
 * general register in[i] through scratch xmm i (load_input; the first
 * straight into x).  x is scratch 0 or a cache register: never a scratch
 * another input takes, nor another input's copy. */
static void emit_op(X64Ctx *c, unsigned kind, int x, const int in[3], const int xin[3],
                    bool exact)
{
    unsigned k = kind & ~(unsigned)IR_FP_64;
    bool dbl = kind & IR_FP_64;
    int r[3];

    for (int i = 0; i < ninputs(kind); i++)
        if (xin[i] >= 0)
            r[i] = xin[i];
        else if (i == 0 && k != IR_FP_SQRT)   /* straight into x */
            r[i] = load_input(c, x, in[i], dbl, exact);
        else
            r[i] = load_input(c, i, in[i], dbl, exact);
    if (k == IR_FP_SQRT) {
        emit_sse_rr(&c->e, dbl ? X64_SQRTPD : X64_SQRTPS, x, r[0]);
        return;
    }
    if (x != r[0])
        emit_sse_rr(&c->e, X64_MOVDQA_XX, x, r[0]);
    if (k == IR_FP_FMA)
        emit_fma231(&c->e, dbl, false, x, r[1], r[2]);   /* x + y * z */
    else
        emit_sse_rr(&c->e, x64_fp_ops[dbl][k], x, r[1]);
}

/* Flags "greater" (signed) if xmm x's value is not a normal number above
 * the smallest normal: NaN, infinity, zero, denormal, or exactly the
 * smallest normal, which a result rounded up from a tiny value becomes,
 * where the guest's tininess-before-rounding sees an underflow the host
 * (after rounding) did not.  x64_emit_fbias (lower-vec.c) in xmm tmp,
 * then one compare in X64_SCRATCH: the integer side of the host stays
 * free for the guest's work. */
static void special_test(X64Ctx *c, int x, int tmp, bool dbl)
{
    unsigned esize = dbl ? 3 : 2;

    x64_emit_fbias(c, tmp, x, esize);
    emit_movq_rx(&c->e, X64_SCRATCH, tmp);
    emit_alu_rm(&c->e, X64_CMP, dbl, X64_SCRATCH, x64_fspecial_limit(esize));
}

/* A sum or difference r = x +- y of a normal result is exact iff
 * r - x == +-y and r -+ y == x (with |x| >= |y| the first difference is
 * computed exactly, and equals y only if nothing was rounded off; the
 * other way round for |y| > |x|).  xmm0 = x, xmm1 = y: raise IXC unless
 * both hold, without touching MXCSR (ldmxcsr is slow; exact integer
 * arithmetic in doubles would pay it at every operation).  Results that
 * are not normal say nothing here: the inline code hands them to the
 * helper, which raises what they raise.  xmm3, a cache register, is kept
 * on the stack meanwhile. */
static void sum_probe(X64Ctx *c, const X64SlowPath *sp, bool dbl, bool sub)
{
    const IRFpFast *f = ir_fp_fast;
    X64SseOp add = x64_fp_ops[dbl][0], subop = x64_fp_ops[dbl][1];
    X64SseOp cmp = dbl ? X64_UCOMISD : X64_UCOMISS;
    size_t other, inexact, exact;

    x64_xmm_save(c, 1u << 3, 0);
    emit_sse_rr(&c->e, X64_MOVDQA_XX, 2, 0);
    emit_sse_rr(&c->e, sub ? subop : add, 2, 1);          /* r */
    special_test(c, 2, 3, dbl);
    other = emit_jcc8(&c->e, X64_CC_G);                   /* not normal */
    emit_sse_rr(&c->e, X64_MOVDQA_XX, 3, 2);
    emit_sse_rr(&c->e, sub ? add : subop, 3, 1);          /* r -+ y == x? */
    emit_sse_rr(&c->e, cmp, 3, 0);
    inexact = emit_jcc8(&c->e, X64_CC_NE);
    emit_sse_rr(&c->e, X64_MOVDQA_XX, 3, sub ? 0 : 2);
    emit_sse_rr(&c->e, subop, 3, sub ? 2 : 0);            /* r - x (x - r) == y? */
    emit_sse_rr(&c->e, cmp, 3, 1);
    exact = emit_jcc8(&c->e, X64_CC_E);
    emit_patch8(&c->e, inexact, c->e.pos);
    emit_alu_mi(&c->e, X64_OR, false, x64_mem(X64_ENV, f->sticky_off), (int32_t)f->sticky_bit);
    emit_patch8(&c->e, other, c->e.pos);
    emit_patch8(&c->e, exact, c->e.pos);
    x64_xmm_restore(c, 1u << 3, 0);
    emit_patch32(&c->e, emit_jmp32(&c->e), sp->compute);
}

/* X64_SCRATCH = xmm x toward zero, as IR_FP_CVTZS or CVTZU (kind) wants
 * it: cvtt*2si, which truncates whatever the rounding mode.  Returns the
 * condition, after the code, under which the helper must decide: the
 * integer indefinite (NaN, out of range -- and the one valid -2^63 or
 * -2^31) for CVTZS; for CVTZU (the 64-bit cvtt*2si) anything but 0 to
 * 2^63 - 1, or to 2^32 - 1 for W: negative (-1 or less: Invalid; above
 * -1 the result is 0 and inexact, as the guest's), too large, the
 * indefinite.  (ROR leaves ZF alone.) */
static X64Cond emit_cvtz(X64Ctx *c, unsigned kind, int x)
{
    bool dbl = kind & IR_FP_64, w = !(kind & IR_FP_I32);

    if ((kind & 0xf) == IR_FP_CVTZS) {
        emit_cvtt2si(&c->e, dbl, w, X64_SCRATCH, x);
        emit_alu_ri(&c->e, X64_CMP, w, X64_SCRATCH, 1);
        return X64_CC_O;
    }
    emit_cvtt2si(&c->e, dbl, true, X64_SCRATCH, x);
    if (w) {
        emit_test_rr(&c->e, true, X64_SCRATCH, X64_SCRATCH);
        return X64_CC_S;
    }
    emit_shift_ri(&c->e, X64_ROL, true, X64_SCRATCH, 32);
    emit_test_rr(&c->e, false, X64_SCRATCH, X64_SCRATCH);   /* the high half */
    emit_shift_ri(&c->e, X64_ROR, true, X64_SCRATCH, 32);
    return X64_CC_NE;
}

/* The conversions: IR_FP_CVTZS/CVTZU by emit_cvtz, the rest (FZ: a
 * flushed denormal raises IDC) to the helper; IR_FP_SCVTF cvtsi2s*,
 * round to nearest; IR_FP_UCVTF the same below 2^63.  While FPSR.IXC is
 * clear the stub's probe (cvt_probe) comes first.  The result goes
 * through X64_SCRATCH: rd may be the input, which the stub passes. */
static void lower_cvt(X64Ctx *c, X64SlowPath *sp, unsigned kind, int in, int xin, int rd)
{
    bool dbl = kind & IR_FP_64;
    unsigned k = kind & 0xf;

    x64_fp_mode_tests(c, sp, true);
    sp->ixc_kind = (uint8_t)kind;
    sp->ixc_in[0] = (int8_t)in;
    sp->compute = (uint32_t)c->e.pos;
    if (k == IR_FP_CVTZS || k == IR_FP_CVTZU) {
        x64_slow_jcc(c, sp, emit_cvtz(c, kind, xin >= 0 ? xin : load_input(c, 0, in, dbl, false)));
        emit_mov_rr(&c->e, true, rd, X64_SCRATCH);
    } else {
        if (k == IR_FP_UCVTF) {
            emit_test_rr(&c->e, true, in, in);
            x64_slow_jcc(c, sp, X64_CC_S);
        }
        emit_sse_rr(&c->e, X64_PXOR, 0, 0);
        emit_cvtsi2f(&c->e, dbl, 0, in);
        emit_movq_rx(&c->e, rd, 0);
        if (!dbl)
            emit_mov_rr(&c->e, false, rd, rd);
    }
}

/* The conversion's probe while FPSR.IXC is clear: back to the inline
 * code when the conversion is in range and exact (converted back, the
 * result is the input), else on to the helper, which raises what it
 * raises (IXC once: it is sticky, and from then on the inline code
 * runs).  xmm0 the FP input, xmm2 the value converted back. */
static void cvt_probe(X64Ctx *c, const X64SlowPath *sp, unsigned kind, int in)
{
    bool dbl = kind & IR_FP_64;
    unsigned k = kind & 0xf;
    size_t helper[2];

    if (k == IR_FP_CVTZS || k == IR_FP_CVTZU) {
        helper[0] = emit_jcc8(&c->e, emit_cvtz(c, kind, load_input(c, 0, in, dbl, true)));
        if (k == IR_FP_CVTZS && (kind & IR_FP_I32))
            emit_movsx_rr(&c->e, 2, true, X64_SCRATCH, X64_SCRATCH);
        emit_cvtsi2f(&c->e, dbl, 2, X64_SCRATCH);
        emit_sse_rr(&c->e, dbl ? X64_UCOMISD : X64_UCOMISS, 2, 0);
    } else {
        helper[0] = 0;
        if (k == IR_FP_UCVTF) {
            emit_test_rr(&c->e, true, in, in);
            helper[0] = emit_jcc8(&c->e, X64_CC_S);
        }
        emit_cvtsi2f(&c->e, dbl, 2, in);
        emit_cvtt2si(&c->e, dbl, true, X64_SCRATCH, 2);
        emit_alu_rr(&c->e, X64_CMP, true, X64_SCRATCH, in);
    }
    helper[1] = emit_jcc8(&c->e, X64_CC_NE);
    emit_patch32(&c->e, emit_jmp32(&c->e), sp->compute);
    if (helper[0])
        emit_patch8(&c->e, helper[0], c->e.pos);
    emit_patch8(&c->e, helper[1], c->e.pos);
}

/* The stub's first part while FPSR.IXC is clear: raise IXC if the
 * operation is inexact, then back to the inline code.  Sums and
 * differences by sum_probe; the rest from clean MXCSR flags
 * (lower-slow.c's probe). */
void x64_fp_ixc_probe(X64Ctx *c, const X64SlowPath *sp)
{
    static const int none[3] = { -1, -1, -1 };
    int in[3] = { sp->ixc_in[0], sp->ixc_in[1], sp->ixc_in[2] };
    unsigned k = sp->ixc_kind & ~(unsigned)IR_FP_64;
    bool dbl = sp->ixc_kind & IR_FP_64;

    emit_patch32(&c->e, sp->ixc_at, c->e.pos);
    if ((k & 0xf) >= IR_FP_CVTZS) {
        cvt_probe(c, sp, sp->ixc_kind, in[0]);
        return;
    }
    if (k == IR_FP_ADD || k == IR_FP_SUB) {
        load_input(c, 0, in[0], dbl, true);
        load_input(c, 1, in[1], dbl, true);
        sum_probe(c, sp, dbl, k == IR_FP_SUB);
        return;
    }
    x64_ixc_begin(c, 0);   /* the operation in scratch registers alone */
    emit_op(c, sp->ixc_kind, 0, in, none, true);
    x64_ixc_end(c, 0, sp->compute);
}

/* Flags from the 32-bit word at env + off and mask. */
static void test_env32(X64Ctx *c, int32_t off, uint32_t mask)
{
    emit_test_mi(&c->e, false, x64_mem(X64_ENV, off), (int32_t)mask);
}

void x64_fp_mode_tests(X64Ctx *c, X64SlowPath *sp, bool probe)
{
    const IRFpFast *f = ir_fp_fast;

    test_env32(c, f->ctl_off, f->ctl_mask);
    x64_slow_jcc(c, sp, X64_CC_NE);
    test_env32(c, f->sticky_off, f->sticky_bit);
    if (probe)
        sp->ixc_at = (uint32_t)emit_jcc32(&c->e, X64_CC_E);
    else
        x64_slow_jcc(c, sp, X64_CC_E);
}

/* IR_FP_CMP: ucomis sets ZF, PF, CF (11x unordered, 010 equal, 001 less,
 * 000 greater); an unordered compare (NaN: Invalid, maybe) goes to the
 * helper, else NZCV is 0010, then 0110 if equal, 1000 if less (mov and
 * cmov leave the flags alone). */
static void lower_fcmp(X64Ctx *c, X64SlowPath *sp, const int in[3], const int xin[3], int rd,
                       bool dbl, const IRFpFast *f)
{
    int x = xin[0] >= 0 ? xin[0] : load_input(c, 0, in[0], dbl, false);
    int y = xin[1] >= 0 ? xin[1] : load_input(c, 1, in[1], dbl, false);

    test_env32(c, f->ctl_off, f->ctl_mask);
    x64_slow_jcc(c, sp, X64_CC_NE);
    emit_sse_rr(&c->e, dbl ? X64_UCOMISD : X64_UCOMISS, x, y);
    x64_slow_jcc(c, sp, X64_CC_P);
    emit_mov_ri(&c->e, rd, 0x2u << 28);
    emit_mov_ri(&c->e, X64_SCRATCH, 0x6u << 28);
    emit_cmov(&c->e, X64_CC_E, false, rd, X64_SCRATCH);
    emit_mov_ri(&c->e, X64_SCRATCH, 0x8u << 28);
    emit_cmov(&c->e, X64_CC_B, false, rd, X64_SCRATCH);
}

/* An FP input local that is read again later (a loaded value several
 * operations take) gets a copy in the cache now: one movq for all its
 * reads.  Its register, or -1 for a global, a last read or the op's
 * output. */
static int input_copy(X64Ctx *c, IRTemp t, int r)
{
    int x;

    if (c->b->temps[t].kind != IR_TEMP_LOCAL || c->ts[t].last_use <= c->op_index ||
        ir_op_mentions(&c->b->ops[c->op_index], t, true))
        return -1;
    x = x64_xshadow_new(c, t, IR_NONE, -1);
    emit_movq_xr(&c->e, x, r);
    c->ts[t].xshadow = true;
    return x;
}

void x64_lower_fpop(X64Ctx *c, const IROp *op)
{
    const IRFpFast *f = ir_fp_fast;
    unsigned kind = op->args[4], k = kind & 0xf;
    bool dbl = kind & IR_FP_64;
    const IRHelper *h = ir_helper_get(op->args[5]);
    IRTemp d = op->args[0];
    int in[3] = { -1, -1, -1 }, xin[3] = { -1, -1, -1 }, rd, x = -1;
    X64SlowPath *sp;
    bool host;

    BUG_ON(h == NULL);
    host = f && !(k == IR_FP_FMA && !x64_features.fma) && k <= IR_FP_UCVTF;
    if (c->ts[d].xshadow)
        x64_xshadow_drop(c, d);   /* an input's copy, if d is one too */
    for (int i = 0; i < 3; i++) {
        IRTemp t = op->args[1 + i];
        if (t == IR_NONE)
            continue;
        in[i] = ra_use(c, t);
        /* (a copy input_copy made for an earlier input: "fmul d0, d1, d1") */
        xin[i] = x64_xshadow_find(c, t);
        if (xin[i] < 0 && host && k != IR_FP_SCVTF && k != IR_FP_UCVTF)   /* (an integer) */
            xin[i] = input_copy(c, t, in[i]);
    }
    rd = x64_out3(c, op);
    sp = x64_slow_new(c, (uintptr_t)h->fn);
    for (int i = 0; i < 3 && in[i] >= 0; i++)
        x64_slow_arg_reg(sp, in[i]);
    sp->out_reg = (int8_t)rd;
    if (!host) {
        x64_slow_jmp(c, sp);    /* always the helper */
    } else if (k == IR_FP_CMP) {
        lower_fcmp(c, sp, in, xin, rd, dbl, f);
    } else if (k >= IR_FP_CVTZS) {
        lower_cvt(c, sp, kind, in[0], xin[0], rd);
    } else {
        x64_fp_mode_tests(c, sp, true);
        sp->ixc_kind = (uint8_t)kind;
        for (int i = 0; i < 3; i++)
            sp->ixc_in[i] = (int8_t)in[i];
        /* the result in a cache register, where the next operation finds
         * it; the stub's result goes there too */
        x = x64_xshadow_new(c, d, op->args[1], xin[0]);
        sp->xout_reg = (int8_t)x;
        sp->compute = (uint32_t)c->e.pos;
        emit_op(c, kind, x, in, xin, false);
        special_test(c, x, 0, dbl);
        x64_slow_jcc(c, sp, X64_CC_G);
        emit_movq_rx(&c->e, rd, x);
        if (!dbl)
            emit_mov_rr(&c->e, false, rd, rd);   /* lane 1 is not ours */
    }
    sp->xsave = x64_live_xmm(c, x);   /* every xmm register is caller-saved */
    sp->resume = (uint32_t)c->e.pos;
    ra_def(c, d, rd);
    if (x >= 0)
        c->ts[d].xshadow = true;
}
