/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fpop (ir-ops.def): a scalar FP operation on the host FPU when the
 * frontend's ir_fp_fast conditions hold, its exact helper otherwise.
 *
 *     test [env + ctl_off], ctl_mask     ; jnz slow   (not RN, or FZ...)
 *     test [env + sticky_off], bit       ; jz slow    (IXC not yet set)
 *     movq xmm0, x ; movq xmm1, y ; op xmm0, xmm1     (packed: the upper
 *                                                     lanes are zeros)
 *     movq r11, xmm0 ; exponent field - 1 >= max - 1 ; ja slow
 *     movq d, xmm0
 *   resume:
 *
 * Compares (IR_FP_CMP) are ucomiss/ucomisd, and the helper for NaNs.
 *
 * The host computes IEEE 754 in round-to-nearest without flushing (guise
 * never changes MXCSR's defaults outside a helper), as the guest asked;
 * with Inexact already raised, an operation whose result is a finite
 * normal number can have raised nothing else the guest could see, and
 * needed no NaN to be chosen and nothing flushed.  Everything else (NaN,
 * infinity, zero, denormal results, the first inexact operation, other
 * rounding modes) goes to the helper, from the same inputs.
 *
 * The packed forms compute on zeros in the unused lanes (0/0 raises
 * Invalid in the host flags only, which nobody reads: helpers start from
 * clean flags); a single result is cut to its 32 bits.
 */
#include <stddef.h>
#include "x64-internal.h"
#include "util/log.h"

/* S values sit in the low 32 bits of the temp and of xmm: the packed
 * single op on [v, 0, 0, 0]. */
static const X64SseOp fp_ops[2][4] = {
    { X64_ADDPS, X64_SUBPS, X64_MULPS, X64_DIVPS },
    { X64_ADDPD, X64_SUBPD, X64_MULPD, X64_DIVPD },
};

/* To the slow path unless xmm0's result has an exponent field from 2 to
 * all-ones - 1: finite, normal, and not the smallest normal binade, where
 * the guest's tininess-before-rounding could see an underflow the host
 * (after rounding) did not.  Zero and denormals wrap around to the top. */
static void exponent_check(X64Ctx *c, X64SlowPath *sp, bool dbl)
{
    unsigned ebits = dbl ? 11 : 8, width = dbl ? 64 : 32;

    emit_movq_rx(&c->e, X64_SCRATCH, 0);
    emit_shift_ri(&c->e, X64_SHL, dbl, X64_SCRATCH, 1);
    emit_shift_ri(&c->e, X64_SHR, dbl, X64_SCRATCH, width - ebits);
    emit_alu_ri(&c->e, X64_SUB, false, X64_SCRATCH, 2);
    emit_alu_ri(&c->e, X64_CMP, false, X64_SCRATCH, (int32_t)((1u << ebits) - 4));
    x64_slow_jcc(c, sp, X64_CC_A);
}

/* Flags from the 32-bit word at env + off and mask. */
static void test_env32(X64Ctx *c, int32_t off, uint32_t mask)
{
    emit_test_mi(&c->e, false, x64_mem(X64_ENV, off), (int32_t)mask);
}

/* IR_FP_CMP: ucomis sets ZF, PF, CF (11x unordered, 010 equal, 001 less,
 * 000 greater); an unordered compare (NaN: Invalid, maybe) goes to the
 * helper, else NZCV is 0010, then 0110 if equal, 1000 if less (mov and
 * cmov leave the flags alone). */
static void lower_fcmp(X64Ctx *c, X64SlowPath *sp, const int in[3], int rd, bool dbl,
                       const IRFpFast *f)
{
    test_env32(c, f->ctl_off, f->ctl_mask);
    x64_slow_jcc(c, sp, X64_CC_NE);
    emit_movq_xr(&c->e, 0, in[0]);
    emit_movq_xr(&c->e, 1, in[1]);
    emit_sse_rr(&c->e, dbl ? X64_UCOMISD : X64_UCOMISS, 0, 1);
    x64_slow_jcc(c, sp, X64_CC_P);
    emit_mov_ri(&c->e, rd, 0x2u << 28);
    emit_mov_ri(&c->e, X64_SCRATCH, 0x6u << 28);
    emit_cmov(&c->e, X64_CC_E, false, rd, X64_SCRATCH);
    emit_mov_ri(&c->e, X64_SCRATCH, 0x8u << 28);
    emit_cmov(&c->e, X64_CC_B, false, rd, X64_SCRATCH);
}

void x64_lower_fpop(X64Ctx *c, const IROp *op)
{
    const IRFpFast *f = ir_fp_fast;
    unsigned kind = op->args[4], k = kind & ~(unsigned)IR_FP_64;
    bool dbl = kind & IR_FP_64;
    const IRHelper *h = ir_helper_get(op->args[5]);
    int in[3] = { -1, -1, -1 }, rd;
    X64SlowPath *sp;

    BUG_ON(h == NULL);
    x64_vec_flush(c, false);
    for (int i = 0; i < 3; i++)
        if (op->args[1 + i] != IR_NONE)
            in[i] = ra_use(c, op->args[1 + i]);
    rd = x64_out3(c, op);
    sp = x64_slow_new(c, (uintptr_t)h->fn);
    for (int i = 0; i < 3 && in[i] >= 0; i++)
        x64_slow_arg_reg(sp, in[i]);
    sp->out_reg = (int8_t)rd;
    if (!f || (k == IR_FP_FMA && !x64_features.fma) || k > IR_FP_CMP) {
        x64_slow_jmp(c, sp);    /* always the helper */
    } else if (k == IR_FP_CMP) {
        lower_fcmp(c, sp, in, rd, dbl, f);
    } else {
        test_env32(c, f->ctl_off, f->ctl_mask);
        x64_slow_jcc(c, sp, X64_CC_NE);
        test_env32(c, f->sticky_off, f->sticky_bit);
        x64_slow_jcc(c, sp, X64_CC_E);
        switch (k) {
        case IR_FP_SQRT:
            emit_movq_xr(&c->e, 0, in[0]);
            emit_sse_rr(&c->e, dbl ? X64_SQRTPD : X64_SQRTPS, 0, 0);
            break;
        case IR_FP_FMA:
            /* x + y * z: xmm0 = x, += xmm1 * xmm2. */
            emit_movq_xr(&c->e, 0, in[0]);
            emit_movq_xr(&c->e, 1, in[1]);
            emit_movq_xr(&c->e, 2, in[2]);
            emit_fma231(&c->e, dbl, false, 0, 1, 2);
            break;
        default:
            emit_movq_xr(&c->e, 0, in[0]);
            emit_movq_xr(&c->e, 1, in[1]);
            emit_sse_rr(&c->e, fp_ops[dbl][k], 0, 1);
            break;
        }
        exponent_check(c, sp, dbl);
        emit_movq_rx(&c->e, rd, 0);
        if (!dbl)
            emit_mov_rr(&c->e, false, rd, rd);   /* lane 1 is not ours */
    }
    sp->resume = (uint32_t)c->e.pos;
    ra_def(c, op->args[0], rd);
}
