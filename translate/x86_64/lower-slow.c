/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Out-of-line slow paths (x64-internal.h's X64SlowPath): inline code
 * that handles the common case itself (a TLB hit, an FP operation the
 * host computes exactly) branches here for the rest, which a C helper
 * does.  Each stub follows the block's last op:
 *
 *     (an FP op's Inexact probe, vfpop's zero test: lower-fp.c,
 *      lower-vfp.c, which may jump back instead)
 *     store the dirty globals it was given (x64_slow_sync)
 *     the xmm registers in xsave to the stack
 *     push the eight caller-saved registers the allocator hands out
 *     rdi = env; rsi, rdx, rcx, r8 = the arguments
 *     call fn
 *     the result over the pushed copy of its register
 *     pop them, reload the xmm registers; vout_reg = env[vout_off], or
 *     xout_reg = the result (a scalar's copy in the xmm cache)
 *     jmp resume
 *
 * An even number of pushes keeps rsp 16-byte aligned for the call.  An
 * argument register is read from its pushed copy (or, callee-saved, from
 * itself), so no register assignment can make the argument moves clash.
 * Other host vector registers are not saved: callers flush the v128
 * cache first, as before any call, or name the live ones in xsave.
 */
#include <stdlib.h>
#include "translate/scratch.h"
#include "x64-internal.h"
#include "util/log.h"

static const int8_t stub_saved[8] = {
    X64_RAX, X64_RCX, X64_RDX, X64_RSI, X64_RDI, X64_R8, X64_R9, X64_R10,
};
static const int8_t arg_regs[4] = { X64_RSI, X64_RDX, X64_RCX, X64_R8 };

X64SlowPath *x64_slow_new(X64Ctx *c, uintptr_t fn)
{
    c->slow = scratch_room(c->slow, c->nslow, &c->slow_cap, sizeof(X64SlowPath));
    X64SlowPath *sp = &c->slow[c->nslow++];
    *sp = (X64SlowPath){ .fn = fn, .out_reg = -1, .vout_reg = -1, .xout_reg = -1 };
    return sp;
}

void x64_slow_arg_reg(X64SlowPath *sp, int reg)
{
    BUG_ON(sp->nargs == 4);
    sp->arg_reg[sp->nargs++] = (int8_t)reg;
}

void x64_slow_arg_val(X64SlowPath *sp, uint64_t val)
{
    BUG_ON(sp->nargs == 4);
    sp->arg_reg[sp->nargs] = -1;
    sp->arg_val[sp->nargs++] = val;
}

void x64_slow_sync(X64Ctx *c, X64SlowPath *sp)
{
    sp->sync_regs = ra_dirty_globals(c, sp->sync_temp);
}

void x64_slow_jcc(X64Ctx *c, X64SlowPath *sp, X64Cond cc)
{
    BUG_ON(sp->njcc == 3);
    sp->jcc_at[sp->njcc++] = (uint32_t)emit_jcc32(&c->e, cc);
}

void x64_slow_jmp(X64Ctx *c, X64SlowPath *sp)
{
    BUG_ON(sp->njcc == 3);
    sp->jcc_at[sp->njcc++] = (uint32_t)emit_jmp32(&c->e);
}

/* The xmm registers in save to the stack, from rsp + below up (below:
 * bytes the caller keeps for itself); x64_xmm_restore undoes it. */
void x64_xmm_save(X64Ctx *c, uint16_t save, int below)
{
    int n = __builtin_popcount(save);

    if (n + below)
        emit_alu_ri(&c->e, X64_SUB, true, X64_RSP, below + 16 * n);
    for (int k = 0, i = 0; k < 16; k++)
        if ((save >> k) & 1)
            emit_sse_store(&c->e, 4, k, x64_mem(X64_RSP, below + 16 * i++));
}

void x64_xmm_restore(X64Ctx *c, uint16_t save, int below)
{
    int n = __builtin_popcount(save);

    for (int k = 0, i = 0; k < 16; k++)
        if ((save >> k) & 1)
            emit_sse_load(&c->e, 4, k, x64_mem(X64_RSP, below + 16 * i++));
    if (n + below)
        emit_alu_ri(&c->e, X64_ADD, true, X64_RSP, below + 16 * n);
}

/* The Inexact probe of an FP stub (lower-fp.c, lower-vfp.c): the guest's
 * FPSR.IXC is clear, so the host's result may only be kept if the stub
 * raises IXC when the operation was inexact.  Between these two, the
 * caller recomputes it in xmm registers, from clean MXCSR flags (guise
 * reads them nowhere else: helpers start from their own); the xmm
 * registers in save are kept on the stack meanwhile. */
void x64_ixc_begin(X64Ctx *c, uint16_t save)
{
    x64_xmm_save(c, save, 16);   /* MXCSR's copy at rsp */
    emit_mxcsr(&c->e, false, x64_mem(X64_RSP, 0));
    emit_alu_mi(&c->e, X64_AND, false, x64_mem(X64_RSP, 0), ~0x3f);
    emit_mxcsr(&c->e, true, x64_mem(X64_RSP, 0));
}

/* ...then raise the sticky bit if MXCSR.PE says so, and jump back. */
void x64_ixc_end(X64Ctx *c, uint16_t save, uint32_t back)
{
    const IRFpFast *f = ir_fp_fast;
    size_t skip;

    emit_mxcsr(&c->e, false, x64_mem(X64_RSP, 0));
    emit_test_mi(&c->e, false, x64_mem(X64_RSP, 0), 0x20);
    skip = emit_jcc8(&c->e, X64_CC_E);
    emit_alu_mi(&c->e, X64_OR, false, x64_mem(X64_ENV, f->sticky_off), (int32_t)f->sticky_bit);
    emit_patch8(&c->e, skip, c->e.pos);
    x64_xmm_restore(c, save, 16);
    emit_patch32(&c->e, emit_jmp32(&c->e), back);
}

/* Where register r's value is inside a stub: the slot of its pushed copy,
 * or -1 when the callee preserves r itself. */
static int pushed_slot(int r)
{
    for (int k = 0; k < 8; k++)
        if (stub_saved[k] == r)
            return 7 - k;
    return -1;
}

static void emit_stub(X64Ctx *c, const X64SlowPath *sp)
{
    if (sp->vfp)
        x64_vfp_prelude(c, sp);
    else if (sp->ixc_at)
        x64_fp_ixc_probe(c, sp);
    for (unsigned j = 0; j < sp->njcc; j++)
        emit_patch32(&c->e, sp->jcc_at[j], c->e.pos);
    for (int r = 0; r < 16; r++)
        if (sp->sync_regs & X64_REG_BIT(r))
            ra_store_global(c, sp->sync_temp[r], r);
    x64_xmm_save(c, sp->xsave, 0);   /* first: the pushed copies stay at rsp */
    for (int k = 0; k < 8; k++)
        emit_push(&c->e, stub_saved[k]);
    for (unsigned i = 0; i < sp->nargs; i++) {
        int r = sp->arg_reg[i], k = r >= 0 ? pushed_slot(r) : -1;
        if (r < 0)
            emit_mov_ri(&c->e, arg_regs[i], sp->arg_val[i]);
        else if (k >= 0)
            emit_load(&c->e, 3, false, true, arg_regs[i], x64_mem(X64_RSP, 8 * k));
        else
            emit_mov_rr(&c->e, true, arg_regs[i], r);
    }
    emit_mov_rr(&c->e, true, X64_RDI, X64_ENV);
    emit_call_abs(&c->e, sp->fn, X64_SCRATCH);
    if (sp->out_reg >= 0) {
        int k = pushed_slot(sp->out_reg);
        if (k >= 0)
            emit_store(&c->e, 3, X64_RAX, x64_mem(X64_RSP, 8 * k));
        else
            emit_mov_rr(&c->e, true, sp->out_reg, X64_RAX);
    }
    for (int k = 8; k-- > 0;)
        emit_pop(&c->e, stub_saved[k]);
    x64_xmm_restore(c, sp->xsave, 0);
    if (sp->vout_reg >= 0)
        emit_sse_load(&c->e, 4, sp->vout_reg, x64_mem(X64_ENV, sp->vout_off));
    if (sp->xout_reg >= 0)
        emit_movq_xr(&c->e, sp->xout_reg, sp->out_reg);
    emit_patch32(&c->e, emit_jmp32(&c->e), sp->resume);
}

void x64_slow_stubs(X64Ctx *c)
{
    for (unsigned i = 0; i < c->nslow; i++)
        emit_stub(c, &c->slow[i]);
}
