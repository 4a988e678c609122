/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Full-system loads and stores (ld/st with IR_MO_MMU): the software TLB
 * probe inline, the access to RAM at host = va + addend, and an
 * out-of-line slow path per access (lower-slow.c) that calls
 * ir_softmmu's helper.
 *
 * The probe (softtlb.h's layout; r11 is the scratch register, t one the
 * allocator lends):
 *
 *     mov  r11, va ; shr r11, page_bits ; and r11d, entries - 1
 *     shl  r11, 5 ; add r11, [env + tlb_off + idx * sizeof index]  -> entry
 *     mov  t, va ; and t, page_mask | (size - 1)
 *     cmp  t, [r11 + cmp_read or cmp_write] ; jne slow
 *     mov  t, [r11 + addend] ; access [t + va]
 *   resume:
 *
 * A compare word with a flag bit (MMIO, not dirty, invalid) or an
 * unaligned va never matches, so all of those go to the slow path; it
 * passes the helper va, the value, desc and an address inside the
 * access's code (for a fault's guest pc).  Host vector registers are not
 * saved there: the cached v128 values are flushed before each access, as
 * before a call.  Only the slow path can fault (a TLB hit is plain RAM),
 * so the dirty globals are written back there, first thing in the stub
 * (x64_slow_sync), not before every access: env is exact wherever a fault
 * is raised, and the fast path keeps its values in registers.
 */
#include <stddef.h>
#include "x64-internal.h"
#include "translate/softtlb.h"
#include "util/log.h"

_Static_assert(sizeof(SoftTlbEntry) == 32, "the probe scales the index by 32");

/* The guest address in a register: the temp's own, or for a folded
 * address base + disp computed into a fresh one. */
static int va_reg(X64Ctx *c, IRTemp a)
{
    const X64TempState *s = &c->ts[a];
    int base, r;

    if (!s->folded)
        return ra_use(c, a);
    base = ra_use(c, s->fold_base);
    if (s->fold_index != IR_NONE) {
        X64Mem m = x64_mem_idx(base, ra_use(c, s->fold_index), s->fold_disp);
        m.shift = s->fold_shift;
        r = ra_alloc(c, 0xffff);
        emit_lea(&c->e, true, r, m);
        return r;
    }
    r = ra_alloc(c, 0xffff);
    emit_lea(&c->e, true, r, x64_mem(base, s->fold_disp));
    return r;
}

/* Emits the probe for an access of mo at va (in a register), branching
 * to sp on a miss; on a hit t holds the entry's addend.  Returns the
 * address of the branch (inside the access's code). */
static uintptr_t probe(X64Ctx *c, X64SlowPath *sp, unsigned mo, bool write, int va, int t)
{
    const IRSoftmmu *m = ir_softmmu;
    unsigned idx = mo >> IR_MO_IDX_SHIFT, size = 1u << (mo & IR_MO_SIZE);
    int32_t table = m->tlb_off + (int32_t)(offsetof(SoftTlb, idx) + idx * sizeof(SoftTlbIndex) +
                                           offsetof(SoftTlbIndex, e));
    int32_t cmp = write ? (int32_t)offsetof(SoftTlbEntry, cmp_write)
                        : (int32_t)offsetof(SoftTlbEntry, cmp_read);
    int32_t mask = (int32_t)(~(((uint64_t)1 << m->page_bits) - 1) | (size - 1));
    uintptr_t site;

    BUG_ON(idx >= SOFTTLB_MAX_MMU_IDX || m->page_bits > 30 || m->tlb_bits > 20);
    emit_mov_rr(&c->e, true, X64_SCRATCH, va);
    emit_shift_ri(&c->e, X64_SHR, true, X64_SCRATCH, m->page_bits);
    emit_alu_ri(&c->e, X64_AND, false, X64_SCRATCH, (int32_t)((1u << m->tlb_bits) - 1));
    emit_shift_ri(&c->e, X64_SHL, true, X64_SCRATCH, 5);
    emit_alu_rm(&c->e, X64_ADD, true, X64_SCRATCH, x64_mem(X64_ENV, table));
    emit_mov_rr(&c->e, true, t, va);
    emit_alu_ri(&c->e, X64_AND, true, t, mask);
    emit_alu_rm(&c->e, X64_CMP, true, t, x64_mem(X64_SCRATCH, cmp));
    site = c->e.rx + c->e.pos;
    x64_slow_jcc(c, sp, X64_CC_NE);
    emit_load(&c->e, 3, false, true, t,
              x64_mem(X64_SCRATCH, (int32_t)offsetof(SoftTlbEntry, addend)));
    return site;
}

static unsigned desc_of(const IROp *op)
{
    return op->args[2] | (op->type == IR_I64 ? IR_MO_W64 : 0);
}

void x64_softmmu_ld(X64Ctx *c, const IROp *op)
{
    X64SlowPath *sp;
    int va, t, rd;

    x64_vec_flush(c, false);
    va = va_reg(c, op->args[1]);
    t = ra_alloc(c, 0xffff);
    rd = x64_out3(c, op);
    sp = x64_slow_new(c, (uintptr_t)ir_softmmu->ld);
    x64_slow_arg_reg(sp, va);
    x64_slow_arg_val(sp, desc_of(op));
    sp->out_reg = (int8_t)rd;
    x64_slow_sync(c, sp);
    x64_slow_arg_val(sp, probe(c, sp, op->args[2], false, va, t));
    x64_load_value(c, op->args[2], op->type == IR_I64, rd, x64_mem_idx(t, va, 0));
    sp->resume = (uint32_t)c->e.pos;
    ra_def(c, op->args[0], rd);
}

void x64_softmmu_st(X64Ctx *c, const IROp *op)
{
    IRTemp v = op->args[0];
    bool w = op->type == IR_I64;
    X64SlowPath *sp;
    int va, t;

    x64_vec_flush(c, false);
    va = va_reg(c, op->args[1]);
    sp = x64_slow_new(c, (uintptr_t)ir_softmmu->st);
    x64_slow_arg_reg(sp, va);
    /* The value is in its register before the probe branches. */
    if (ir_is_const(c->b, v))
        x64_slow_arg_val(sp, w ? c->b->temps[v].value : (uint32_t)c->b->temps[v].value);
    else
        x64_slow_arg_reg(sp, ra_use(c, v));
    t = ra_alloc(c, 0xffff);
    x64_slow_arg_val(sp, desc_of(op));
    x64_slow_sync(c, sp);
    x64_slow_arg_val(sp, probe(c, sp, op->args[2], true, va, t));
    x64_store_value(c, op->args[2], w, v, x64_mem_idx(t, va, 0));
    sp->resume = (uint32_t)c->e.pos;
}
