/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vfpop (ir.h's ir_vfpop): vector FP arithmetic on SSE when the result is
 * what the guest's exact helper would give, the helper otherwise.  The
 * inline code, in the xmm cache of lower-vec.c:
 *
 *     test [env + ctl_off], ctl_mask    ; jnz call   (not RN, or FZ)
 *     test [env + sticky_off], bit      ; jz probe   (Inexact not yet raised)
 *   compute:
 *     r = a op b, or a +- b * c (FMA3)  ; movq r, r for 8-byte vectors
 *     xmm0 = the special lanes of r     ; pmovmskb ; jnz zero
 *   resume:
 *
 * and after the block's ops, its stub:
 *
 *   probe: the operation again from clean MXCSR flags; FPSR.IXC |= PE;
 *          jmp compute (so a program whose arithmetic is exact, which
 *          never raises IXC, still computes on the host)
 *   zero:  the special lanes that are not exact zeros (a zero sum or
 *          difference, a product or quotient of a zero operand: the
 *          operands are read from env, where the frontend guarantees
 *          they are) ; none: jmp resume
 *   call:  lower-slow.c's stub, keeping the live xmm registers (every
 *          one is caller-saved, and the cache keeps going past the op):
 *          helper(env, desc), r = env[off_d], jmp resume
 *
 * No label is involved, so the cache and the allocator's registers carry
 * straight through the op: a chain of FP instructions stays in xmm
 * registers.  The conditions are those of the scalar fpop (lower-fp.c):
 * with round-to-nearest, no flushing and Inexact already raised, a normal
 * result above the smallest normal raised nothing else the guest
 * could see and chose no NaN.
 */
#include "x64-internal.h"
#include "util/log.h"

#define XA 0
#define XB 1
#define XC 2

/* The operation on inputs in registers ra, rb (rc: the product's second
 * factor of a fused kind), into register x (none of them; x = ra first). */
static void emit_op(X64Ctx *c, unsigned kind, bool dbl, int x, int ra, int rb, int rc)
{
    if (x != ra)
        emit_sse_rr(&c->e, X64_MOVDQA_XX, x, ra);
    if (kind == IR_VEC_FMA || kind == IR_VEC_FMS)
        emit_fma231(&c->e, dbl, kind == IR_VEC_FMS, x, rb, rc);
    else
        emit_sse_rr(&c->e, x64_fp_ops[dbl][kind - IR_VEC_FADD], x, rb);
}

/* Flags: are any of the lanes of an oprsz-byte vector set in xmm x? */
static void test_lanes(X64Ctx *c, int x, unsigned oprsz)
{
    emit_pmovmskb(&c->e, X64_SCRATCH, x);
    emit_test_ri(&c->e, false, X64_SCRATCH, oprsz == 16 ? 0xffff : 0xff);
}

void x64_lower_vfpop(X64Ctx *c, const IROp *op)
{
    uint32_t p = op->args[4];
    unsigned kind = IR_VFP_KIND(p), esize = IR_VFP_ESIZE(p), oprsz = IR_VFP_OPRSZ(p);
    bool fused = kind == IR_VEC_FMA || kind == IR_VEC_FMS, dbl = esize == 3;
    IRTemp d = op->args[0], a = op->args[1], b = op->args[2];
    X64SlowPath *sp = x64_slow_new(c, (uintptr_t)ir_helper_get(op->args[5])->fn);
    int ra, rb, rc = -1, rd;

    BUG_ON(esize < 2 || (oprsz != 8 && oprsz != 16));
    BUG_ON(!fused && (kind < IR_VEC_FADD || kind > IR_VEC_FDIV));
    sp->vfp = true;
    sp->vfp_pack = p;
    sp->vfp_zoffs = op->args[7];
    x64_slow_arg_val(sp, op->args[6]);   /* helper(env, desc) */
    if (!ir_fp_fast || !x64_fspecial_ok(esize) || (fused && !x64_features.fma)) {
        rd = x64_vdst(c, d, IR_NONE, -1);   /* always the helper */
        x64_slow_jmp(c, sp);
    } else {
        /* the inputs in registers first: the Inexact probe reads them */
        if (fused)
            rc = x64_vsrc(c, XC, op->args[3]);
        rb = x64_vsrc(c, XB, b);
        ra = x64_vsrc(c, XA, a);
        x64_fp_mode_tests(c, sp, true);
        sp->ixc_in[0] = (int8_t)ra;
        sp->ixc_in[1] = (int8_t)rb;
        sp->ixc_in[2] = (int8_t)rc;
        sp->compute = (uint32_t)c->e.pos;
        rd = x64_vdst(c, d, a, ra);
        if (rd == rb && rb != ra) {
            emit_sse_rr(&c->e, X64_MOVDQA_XX, XB, rb);
            rb = XB;
        }
        if (rd == rc && rc != ra) {
            emit_sse_rr(&c->e, X64_MOVDQA_XX, XC, rc);
            rc = XC;
        }
        emit_op(c, kind, dbl, rd, ra, rb, rc);
        if (oprsz == 8)
            emit_sse_rr(&c->e, X64_MOVQ_XX, rd, rd);
        x64_emit_fspecial(c, XA, rd, esize);
        test_lanes(c, XA, oprsz);
        sp->special_at = (uint32_t)emit_jcc32(&c->e, X64_CC_NE);
    }
    sp->vout_reg = (int8_t)rd;
    sp->vout_off = (int32_t)IR_VFP_OFFD(p);
    sp->xsave = x64_live_xmm(c, rd);
    sp->resume = (uint32_t)c->e.pos;
    /* the stub writes env's copy: a pinned one is stale until the
     * frontend's vstenv of the result */
    x64_vpin_env_write(c, (int32_t)IR_VFP_OFFD(p), 4);
}

/* FPSR.IXC is clear: the operation again on the inputs' registers, to
 * see whether it was inexact; then the inline code goes on.  The upper
 * lanes of an 8-byte operation are zeros in the first operand (and the
 * product's first factor), which makes them exact. */
static void emit_ixc_probe(X64Ctx *c, const X64SlowPath *sp)
{
    unsigned kind = IR_VFP_KIND(sp->vfp_pack), esize = IR_VFP_ESIZE(sp->vfp_pack);
    bool half = IR_VFP_OPRSZ(sp->vfp_pack) == 8;
    int ra = sp->ixc_in[0], rb = sp->ixc_in[1], rc = sp->ixc_in[2], x = -1, y = -1;

    for (int k = X64_VREG_FIRST; k < 16 && y < 0; k++)
        if (k != ra && k != rb && k != rc) {
            if (x < 0)
                x = k;
            else
                y = k;
        }
    emit_patch32(&c->e, sp->ixc_at, c->e.pos);
    x64_ixc_begin(c, (uint16_t)(1u << x | 1u << y));
    if (half) {
        emit_sse_rr(&c->e, X64_MOVQ_XX, x, ra);
        ra = x;
        if (rc >= 0) {
            emit_sse_rr(&c->e, X64_MOVQ_XX, y, rb);
            rb = y;
        }
    }
    emit_op(c, kind, esize == 3, x, ra, rb, rc);
    x64_ixc_end(c, (uint16_t)(1u << x | 1u << y), sp->compute);
}

/* xmm x = all ones in the esize lanes of xmm x that are +0 or -0 (xmm
 * zero holds zeros). */
static void zero_lanes(X64Ctx *c, int x, unsigned esize, int zero)
{
    emit_sse_shift(&c->e, esize == 3 ? X64_PSLLQ : X64_PSLLD, x, 1);
    emit_sse_rr(&c->e, esize == 3 ? X64_PCMPEQQ : X64_PCMPEQD, x, zero);
}

/* The special lanes of r that are exact zeros need no helper: back to
 * resume if those are all. */
static void emit_zero_test(X64Ctx *c, const X64SlowPath *sp)
{
    unsigned kind = IR_VFP_KIND(sp->vfp_pack), esize = IR_VFP_ESIZE(sp->vfp_pack);
    unsigned z1 = sp->vfp_zoffs & 0xffff, z2 = sp->vfp_zoffs >> 16;
    int r = sp->vout_reg;

    emit_patch32(&c->e, sp->special_at, c->e.pos);
    emit_sse_rr(&c->e, X64_PXOR, XC, XC);
    if (z1 != IR_VFP_NOZ) {
        /* xmm1 = a zero lane in either operand that makes a zero exact */
        emit_sse_load(&c->e, 4, XB, x64_mem(X64_ENV, (int32_t)z1));
        zero_lanes(c, XB, esize, XC);
        if (z2 != IR_VFP_NOZ) {
            emit_sse_load(&c->e, 4, XA, x64_mem(X64_ENV, (int32_t)z2));
            zero_lanes(c, XA, esize, XC);
            emit_sse_rr(&c->e, X64_POR, XB, XA);
        }
    } else {
        BUG_ON(kind != IR_VEC_FADD && kind != IR_VEC_FSUB);
    }
    emit_sse_rr(&c->e, X64_MOVDQA_XX, XA, r);
    zero_lanes(c, XA, esize, XC);
    if (z1 != IR_VFP_NOZ)
        emit_sse_rr(&c->e, X64_PAND, XA, XB);
    x64_emit_fspecial(c, XB, r, esize);
    emit_sse_rr(&c->e, X64_PANDN, XA, XB);   /* special and not an exact zero */
    test_lanes(c, XA, IR_VFP_OPRSZ(sp->vfp_pack));
    emit_patch32(&c->e, emit_jcc32(&c->e, X64_CC_E), sp->resume);
}

void x64_vfp_prelude(X64Ctx *c, const X64SlowPath *sp)
{
    if (sp->ixc_at)
        emit_ixc_probe(c, sp);
    if (sp->special_at)
        emit_zero_test(c, sp);
}
