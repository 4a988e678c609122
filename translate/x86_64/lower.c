/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86-64 backend's entry points (backend.h) and the lowering of block
 * structure, memory and calls: x64_init emits the shared prologue and
 * epilogue, x64_gen_tb walks a block's optimised IR once, asking
 * regalloc.c for registers and emitting host code through encode.c, and
 * x64_set_jump patches chained jumps.  Arithmetic, logic and comparisons
 * are lowered in lower-alu.c; lower_table below names the function for
 * every op of ir-ops.def.
 *
 * The frame: x64_enter calls the prologue, which pushes the callee-saved
 * registers, loads env into rbp and guest_base into r15, puts the bottom
 * return-address frame on the stack (rsp stays 16-byte aligned, so
 * helpers are called without adjusting it; guest calls push frames of 16
 * bytes, see "return-address frames" below), stores the vector constants
 * (x64_frame_consts) in env's ExecJitFrame, where the spill slots are too
 * (x64_frame), and jumps to the block.  Blocks leave by jumping to the
 * epilogue with the TB exit value (tb.h) in rax, or by a chained jmp (or a
 * guest call's call, a return's ret) straight into the next block, which
 * runs in the same frame.
 *
 * A block's code: its ops, then out-of-line stubs.  exit_request (a
 * signal, a flush, an invalidation: leave soon, with env exact) is tested
 * where control can come back round, not at every block's start: before
 * a goto_tb whose target does not lie past this block's start (every
 * cycle of chained blocks has such an edge, since the start pcs cannot
 * grow all the way round), before the indirect jump of goto_ptr's probe,
 * at a self-loop's back edge and in the dispatcher before it runs a
 * block.  goto_tb slots are a jmp rel32 with the rel32 4-byte aligned,
 * so x64_set_jump can retarget it with one atomic store; its test jumps
 * to the unchained exit after it, which returns tb | slot through
 * epilogue_pc when the next pc is a constant: the epilogue stores
 * tb->exit_pc[slot] in env->pc, so the exit's code holds no pc.
 * tb->insns maps host offsets back to guest pcs; where an op may fault
 * (IR_F_SYNC) env is exact: a user-mode guest load or store notes the
 * dirty globals' registers in the block's fault map, which the fault
 * handler reads back into env (faultmap.c);
 * other such ops write the dirty globals back first (full-system loads
 * and stores do it in their slow path, where alone they fault:
 * lower-softmmu.c).
 *
 * Self-looping blocks: a goto_tb followed by "mov pc, tb->pc; exit_tb",
 * the back edge of a loop that is the whole block, is not a chaining slot.
 * The block first loads the globals it reads into fixed registers (the
 * loop head); the back edge writes the other dirty globals back, puts the
 * loop globals into those registers again (dirty ones stay unwritten:
 * regalloc.c), checks exit_request (which invalidating the block sets,
 * see exec.c; on the way out it writes the loop globals back, then its
 * stub stores pc and returns tb | TB_EXIT_NOCHAIN), and jumps to the loop
 * head: hot loops keep their values in registers instead of loading and
 * storing them in env at each iteration (v128 globals too, in the top
 * xmm registers: lower-vec.c).  Not with -chain off.
 */
#include <sys/platform/x86.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "translate/scratch.h"
#include "x64-internal.h"
#include "translate/backend.h"
#include "translate/cache.h"
#include "translate/codebuf.h"
#include "util/log.h"

X64Features x64_features;
bool exec_lookup_inline;
bool x64_record_relocs;
X64Relocs x64_last_relocs;    /* the last x64_gen_tb's (tb_lock) */

/* Shared code emitted by x64_init (rx addresses); x64_stubs_end is the
 * buffer offset where it ends. */
static uintptr_t prologue_rx, epilogue_rx, epilogue_pc_rx, lookup_exit_rx;
static uintptr_t epilogue_off_rx, epilogue_off_pc_rx;   /* rax = TB offset | low */
size_t x64_stubs_end;
int32_t x64_frame_off;

/* Bytes of host stack the return-address frames of guest calls may take
 * (16 each) before the oldest are dropped. */
#define RAS_BYTES (32 << 10)

#define SPLAT(v) { v, v }
const uint64_t x64_frame_consts[X64_NCONSTS][2] = {
    /* FP32 classes: |x|, bias, limit (lower-vec.c x64_emit_fspecial) */
    SPLAT(0x7fffffff7fffffffull), SPLAT(0x7f7fffff7f7fffffull), SPLAT(0xfefffffefefffffeull),
    /* FP64 classes */
    SPLAT(0x7fffffffffffffffull), SPLAT(0x7fefffffffffffffull), SPLAT(0xffdffffffffffffeull),
    /* narrowing masks, TBL's index bias */
    SPLAT(0x00ff00ff00ff00ffull), SPLAT(0x0000ffff0000ffffull), SPLAT(0x7070707070707070ull),
    /* bytes reversed in 16-, 32-, 64-bit containers (REV16, REV32, REV64) */
    { 0x0607040502030001ull, 0x0e0f0c0d0a0b0809ull },
    { 0x0405060700010203ull, 0x0c0d0e0f08090a0bull },
    { 0x0001020304050607ull, 0x08090a0b0c0d0e0full },
};
#undef SPLAT

static const int8_t saved_regs[] = {
    X64_RBP, X64_RBX, X64_R12, X64_R13, X64_R14, X64_R15,
};

/* ---- guest memory ---- */

/* The host operand for guest address temp a: [a], or [x + k] or
 * [x + g << s] for a folded a (see regalloc.c); plus guest_base when it
 * is nonzero (never with an index). */
X64Mem x64_guest_addr(X64Ctx *c, IRTemp a)
{
    const X64TempState *s = &c->ts[a];
    int32_t disp = s->folded ? s->fold_disp : 0;
    int r = ra_use(c, s->folded ? s->fold_base : a);
    X64Mem m;

    if (s->folded && s->fold_index != IR_NONE) {
        m = x64_mem_idx(r, ra_use(c, s->fold_index), disp);
        m.shift = s->fold_shift;
        return m;
    }
    return guest_base ? x64_mem_idx(X64_GBASE, r, disp) : x64_mem(r, disp);
}

/* Reverse the low 2^size bytes of r (the rest is left as it is for 16
 * bits, zeroed for 32). */
static void swap_reg(X64Ctx *c, unsigned size, int r)
{
    if (size == 1)
        emit_rol16_8(&c->e, r);
    else if (size >= 2)
        emit_bswap(&c->e, size == 3, r);
}

static uint64_t swap_value(uint64_t v, unsigned size)
{
    switch (size) {
    case 1: return (uint16_t)((v & 0xff) << 8 | ((v >> 8) & 0xff));
    case 2: return __builtin_bswap32((uint32_t)v);
    case 3: return __builtin_bswap64(v);
    default: return v & 0xff;
    }
}

/* rd = the low 2^size bytes of rs, extended per memop to the op width. */
static void extend(X64Ctx *c, unsigned mo, bool w, int rd, int rs)
{
    unsigned size = mo & IR_MO_SIZE;
    bool sign = mo & IR_MO_SIGN;

    if (size < 2 && sign)
        emit_movsx_rr(&c->e, size, w, rd, rs);
    else if (size < 2)
        emit_movzx_rr(&c->e, size, rd, rs);
    else if (size == 2 && sign && w)
        emit_movsx_rr(&c->e, 2, true, rd, rs);
    else if (!w || size == 2)
        emit_mov_rr(&c->e, false, rd, rs);
    else if (rd != rs)
        emit_mov_rr(&c->e, true, rd, rs);
}

void x64_load_value(X64Ctx *c, unsigned mo, bool w, int rd, X64Mem m)
{
    unsigned size = mo & IR_MO_SIZE;
    bool sign = mo & IR_MO_SIGN;

    if (!(mo & IR_MO_BE) || size == 0) {
        emit_load(&c->e, size, sign, w, rd, m);
    } else if (size == 1) {
        emit_load(&c->e, 1, false, false, rd, m);
        emit_rol16_8(&c->e, rd);
        if (sign)
            emit_movsx_rr(&c->e, 1, w, rd, rd);
    } else {
        if (x64_features.movbe) {
            emit_movbe_load(&c->e, size, rd, m);
        } else {
            emit_load(&c->e, size, false, size == 3, rd, m);
            emit_bswap(&c->e, size == 3, rd);
        }
        if (size == 2 && sign && w)
            emit_movsx_rr(&c->e, 2, true, rd, rd);
        else if (size == 3 && !w)
            emit_mov_rr(&c->e, false, rd, rd);
    }
}

void x64_store_value(X64Ctx *c, unsigned mo, bool w, IRTemp v, X64Mem m)
{
    unsigned size = mo & IR_MO_SIZE;
    bool be = (mo & IR_MO_BE) && size > 0;
    int rv;

    if (ir_is_const(c->b, v)) {
        uint64_t x = w ? c->b->temps[v].value : (uint32_t)c->b->temps[v].value;
        if (be)
            x = swap_value(x, size);
        if (size < 3 || x64_fits_s32((int64_t)x)) {
            emit_store_imm(&c->e, size, m, (int32_t)x);
        } else {
            emit_mov_ri(&c->e, X64_SCRATCH, x);
            emit_store(&c->e, 3, X64_SCRATCH, m);
        }
        return;
    }
    rv = ra_use(c, v);
    if (!be && (w || size < 3)) {
        emit_store(&c->e, size, rv, m);
    } else if (be && x64_features.movbe && (w || size < 3)) {
        emit_movbe_store(&c->e, size, rv, m);
    } else {
        /* A copy to swap, or an i32 value zero-extended to 64 bits. */
        emit_mov_rr(&c->e, w, X64_SCRATCH, rv);
        if (be)
            swap_reg(c, size, X64_SCRATCH);
        emit_store(&c->e, size, X64_SCRATCH, m);
    }
}

static void lower_ld(X64Ctx *c, const IROp *op)
{
    X64Mem m;
    int rd;

    if (op->args[2] & IR_MO_MMU) {
        x64_softmmu_ld(c, op);
        return;
    }
    m = x64_guest_addr(c, op->args[1]);
    rd = x64_out3(c, op);
    x64_fault_site(c);
    x64_load_value(c, op->args[2], op->type == IR_I64, rd, m);
    ra_def(c, op->args[0], rd);
}

static void lower_st(X64Ctx *c, const IROp *op)
{
    X64Mem m;

    if (op->args[2] & IR_MO_MMU) {
        x64_softmmu_st(c, op);
        return;
    }
    m = x64_guest_addr(c, op->args[1]);
    if (!ir_is_const(c->b, op->args[0]))
        ra_use(c, op->args[0]);   /* in its register before the site */
    x64_fault_site(c);
    x64_store_value(c, op->args[2], op->type == IR_I64, op->args[0], m);
}

/* d = old [addr]; if old == expected: [addr] = new. */
static void lower_cmpxchg(X64Ctx *c, const IROp *op)
{
    unsigned mo = op->args[4], size = mo & IR_MO_SIZE;
    bool be = (mo & IR_MO_BE) && size > 0, w = op->type == IR_I64;
    IRTemp newv = op->args[3];
    X64Mem m;
    int rn;

    ra_sync_globals(c);
    ra_reserve(c, X64_RAX);
    m = x64_guest_addr(c, op->args[1]);
    if (be || ir_is_const(c->b, newv) || (!w && size == 3)) {
        ra_load_into(c, newv, X64_SCRATCH, w);
        if (be)
            swap_reg(c, size, X64_SCRATCH);
        rn = X64_SCRATCH;
    } else {
        rn = ra_use(c, newv);
    }
    ra_load_into(c, op->args[2], X64_RAX, w);
    if (be)
        swap_reg(c, size, X64_RAX);
    emit_atomic(&c->e, X64_CMPXCHG, size, rn, m);
    if (be)
        swap_reg(c, size, X64_RAX);
    extend(c, mo, w, X64_RAX, X64_RAX);
    ra_def(c, op->args[0], X64_RAX);
}

static void lower_xchg(X64Ctx *c, const IROp *op)
{
    unsigned mo = op->args[3], size = mo & IR_MO_SIZE;
    bool be = (mo & IR_MO_BE) && size > 0;
    X64Mem m;
    int rd;

    ra_sync_globals(c);
    m = x64_guest_addr(c, op->args[1]);
    ra_load_into(c, op->args[2], X64_SCRATCH, op->type == IR_I64);
    if (be)
        swap_reg(c, size, X64_SCRATCH);
    emit_atomic(&c->e, X64_XCHG, size, X64_SCRATCH, m);
    if (be)
        swap_reg(c, size, X64_SCRATCH);
    rd = x64_out3(c, op);
    extend(c, mo, op->type == IR_I64, rd, X64_SCRATCH);
    ra_def(c, op->args[0], rd);
}

/* Big-endian fetch_add: x86 adds little-endian, so loop on cmpxchg. */
static void fetch_add_be(X64Ctx *c, const IROp *op, unsigned size)
{
    X64Mem m;
    size_t loop, at;
    int rv;

    ra_reserve(c, X64_RAX);
    m = x64_guest_addr(c, op->args[1]);
    rv = ra_alloc(c, 0xffff);
    ra_load_into(c, op->args[2], rv, op->type == IR_I64);
    emit_load(&c->e, size, false, size == 3, X64_RAX, m);
    loop = c->e.pos;
    emit_mov_rr(&c->e, true, X64_SCRATCH, X64_RAX);
    swap_reg(c, size, X64_SCRATCH);
    emit_alu_rr(&c->e, X64_ADD, true, X64_SCRATCH, rv);
    swap_reg(c, size, X64_SCRATCH);
    emit_atomic(&c->e, X64_CMPXCHG, size, X64_SCRATCH, m);
    at = emit_jcc8(&c->e, X64_CC_NE);
    emit_patch8(&c->e, at, loop);
    swap_reg(c, size, X64_RAX);
    extend(c, op->args[3], op->type == IR_I64, X64_RAX, X64_RAX);
    ra_def(c, op->args[0], X64_RAX);
}

static void lower_fetch_add(X64Ctx *c, const IROp *op)
{
    unsigned mo = op->args[3], size = mo & IR_MO_SIZE;
    X64Mem m;
    int rd;

    ra_sync_globals(c);
    if ((mo & IR_MO_BE) && size > 0) {
        fetch_add_be(c, op, size);
        return;
    }
    m = x64_guest_addr(c, op->args[1]);
    ra_load_into(c, op->args[2], X64_SCRATCH, op->type == IR_I64);
    emit_atomic(&c->e, X64_XADD, size, X64_SCRATCH, m);
    rd = x64_out3(c, op);
    extend(c, mo, op->type == IR_I64, rd, X64_SCRATCH);
    ra_def(c, op->args[0], rd);
}

static void lower_mb(X64Ctx *c, const IROp *op)
{
    /* x86 is TSO: only store-load ordering needs a fence. */
    if (op->args[0] & IR_MB_SC)
        emit_mfence(&c->e);
}

static void lower_ldenv(X64Ctx *c, const IROp *op)
{
    int32_t off = (int32_t)op->args[1];
    unsigned mo = op->args[2];
    int rd;

    ra_env_access(c, off, mo & IR_MO_SIZE, false);
    rd = ra_out(c, op, op->args[0]);
    x64_load_value(c, mo, op->type == IR_I64, rd, x64_mem(X64_ENV, off));
    ra_def(c, op->args[0], rd);
}

static void lower_stenv(X64Ctx *c, const IROp *op)
{
    int32_t off = (int32_t)op->args[1];
    unsigned mo = op->args[2];

    ra_env_access(c, off, mo & IR_MO_SIZE, true);
    x64_vpin_env_write(c, off, mo & IR_MO_SIZE);
    x64_store_value(c, mo, op->type == IR_I64, op->args[0], x64_mem(X64_ENV, off));
}

/* ---- helper calls ---- */

static void lower_call(X64Ctx *c, const IROp *op)
{
    static const int8_t arg_regs[5] = { X64_RDI, X64_RSI, X64_RDX, X64_RCX, X64_R8 };
    const IRHelper *h = ir_helper_get(op->args[6]);
    IRTemp d = op->args[0];

    BUG_ON(h == NULL);
    x64_vec_flush(c, false);
    ra_before_call(c, op, h->flags);
    ra_load_args(c, &op->args[1], 5, arg_regs);
    emit_call_abs(&c->e, (uintptr_t)h->fn, X64_SCRATCH);
    ra_after_call(c, h->flags);
    if (d != IR_NONE) {
        if (c->b->temps[d].type == IR_I32)
            emit_mov_rr(&c->e, false, X64_RAX, X64_RAX);
        ra_def(c, d, X64_RAX);
    }
}

/* ---- control flow inside the block ---- */

static void jump_to_label(X64Ctx *c, size_t at, uint32_t label)
{
    c->fixups = scratch_room(c->fixups, c->nfixups, &c->fixups_cap, sizeof(X64Fixup));
    c->fixups[c->nfixups++] = (X64Fixup){ (uint32_t)at, label };
}

/* Is a way into label l one that keeps a self-looping block's globals
 * in their loop registers (ra_loop_join)?  Forward ones: a label a
 * backward branch reaches starts with empty registers. */
static bool is_join(const X64Ctx *c, uint32_t l)
{
    return c->nloop && c->labels[l].pos < 0 && !c->labels[l].backward;
}

/* The basic block ends on the way into label l. */
static void bb_end_into(X64Ctx *c, uint32_t l)
{
    bool join = is_join(c, l);

    ra_bb_end(c, join);
    if (join)
        ra_loop_join(c);
}

static void lower_label(X64Ctx *c, const IROp *op)
{
    x64_vpin_label(c, op->args[0]);
    if (c->labels[op->args[0]].snap) {
        ra_label_private(c, op->args[0]);
    } else {
        bb_end_into(c, op->args[0]);
        ra_label(c, op->args[0]);
    }
    c->labels[op->args[0]].pos = (int64_t)c->e.pos;
    c->unreachable = false;
}

/* An unconditional jump to label l. */
static void jump_to(X64Ctx *c, uint32_t l)
{
    bb_end_into(c, l);
    ra_jump(c, l);
    jump_to_label(c, emit_jmp32(&c->e), l);
    c->unreachable = true;
}

static void lower_br(X64Ctx *c, const IROp *op)
{
    x64_vec_flush(c, true);
    jump_to(c, op->args[0]);
}

static void lower_brcond(X64Ctx *c, const IROp *op)
{
    IRCond cond = op->args[2];
    IRTemp x = op->args[0], y = op->args[1];
    bool w = op->type == IR_I64, known;
    X64Opnd o;
    X64Cond cc;
    int rx;
    bool join = is_join(c, op->args[3]);

    x64_vec_flush(c, true);
    if (!x64_cond_prepare(c, &cond, &x, &y, w, &known)) {
        if (known)
            jump_to(c, op->args[3]);
        else
            ra_bb_end(c, false);   /* never taken */
        return;
    }
    rx = ra_use(c, x);
    o = x64_cmp_operand(c, cond, y, w);
    if (ra_private(c, op->args[3])) {
        /* the label's code starts from the registers as they are */
        jump_to_label(c, emit_jcc32(&c->e, x64_emit_cmp(c, cond, w, rx, o)), op->args[3]);
        ra_jump_private(c, op->args[3]);
        return;
    }
    ra_bb_end(c, join);
    cc = x64_emit_cmp(c, cond, w, rx, o);
    if (join)
        ra_loop_join(c);   /* moves only: the flags of the compare live */
    ra_jump(c, op->args[3]);
    jump_to_label(c, emit_jcc32(&c->e, cc), op->args[3]);
}

/* ---- block structure and exits ---- */

/* discard (ir-ops.def): env keeps its older value, which is as good, so
 * a dirty register of it goes without a store. */
static void lower_discard(X64Ctx *c, const IROp *op)
{
    if (op->args[0] <= c->b->nglobals && op->args[0] != IR_ENV)
        ra_discard(c, op->args[0]);
}

static void lower_insn_start(X64Ctx *c, const IROp *op)
{
    c->insns = scratch_room(c->insns, c->ninsns, &c->insns_cap, sizeof(TBInsn));
    c->insns[c->ninsns++] = (TBInsn){
        .host_off = (uint32_t)c->e.pos,
        .pc = op->args[0] | (uint64_t)op->args[1] << 32,
    };
}

/* Is op i followed by "mov pc, $K"?  Sets *k. */
static bool sets_pc_next(const X64Ctx *c, uint32_t i, uint64_t *k)
{
    const IROp *mov = &c->b->ops[i + 1];
    const IRTempInfo *src;

    if (i + 1 >= c->b->nops || c->pc_global == IR_NONE || mov->opc != IR_OP_mov ||
        mov->type != IR_I64 || mov->args[0] != c->pc_global)
        return false;
    src = &c->b->temps[mov->args[1]];
    *k = src->value;
    return src->kind == IR_TEMP_CONST;
}

/* Is op i "goto_tb n; mov pc, k; exit_tb n", k constant?  *k = k. */
static bool goto_pc_exit(const X64Ctx *c, uint32_t i, uint64_t *k)
{
    const IROp *ops = c->b->ops;

    return ops[i].opc == IR_OP_goto_tb && i + 2 < c->b->nops && sets_pc_next(c, i, k) &&
           ops[i + 2].opc == IR_OP_exit_tb && ops[i + 2].args[0] == ops[i].args[0];
}

bool x64_is_self_goto(const X64Ctx *c, uint32_t i)
{
    uint64_t k;

    return goto_pc_exit(c, i, &k) && k == c->tb->pc;
}

/* cmp [env + exit_request], 0 (the jcc after it is the caller's). */
static void emit_test_exit_request(X64Ctx *c)
{
    emit_alu_mi(&c->e, X64_CMP, false, x64_mem(X64_ENV, offsetof(CPUCommon, exit_request)), 0);
}

/* The back edge of a self-looping block: the loop's globals go back to
 * their registers and, unless an exit is requested (also when the block
 * is invalidated: exec.c's jmp_cache_forget asks every thread to leave),
 * control returns to the loop head without a trip through env or the
 * dispatcher. */
static void emit_loop_back(X64Ctx *c)
{
    size_t out;

    ra_loop_back(c);
    x64_vpin_back(c);
    emit_test_exit_request(c);
    out = emit_jcc32(&c->e, X64_CC_NE);
    emit_patch32(&c->e, emit_jmp32(&c->e), c->loop_header);
    /* leaving: the loop's dirty globals go to env first */
    emit_patch32(&c->e, out, c->e.pos);
    ra_sync_globals(c);
    c->stub_jumps[c->nstub_jumps++] = emit_jmp32(&c->e);
    c->unreachable = true;
}

/* Nops so that the rel32 of a 5-byte jmp or call emitted next is 4-byte
 * aligned: x64_set_jump retargets it with one atomic store. */
static void align_rel32(X64Ctx *c)
{
    emit_nops(&c->e, (unsigned)((4 - ((c->e.rx + c->e.pos + 1) & 3)) & 3));
}

/* Emit a jmp rel32 for goto_tb slot `slot`, unchained: to the code that
 * follows it. */
static size_t emit_slot_jump(X64Ctx *c, unsigned slot)
{
    size_t at;

    align_rel32(c);
    at = emit_jmp32(&c->e);
    c->jmp_insn_off[slot] = (uint32_t)at;
    c->jmp_reset_off[slot] = (uint32_t)at + 4;
    return at;
}

static void lower_call_tb(X64Ctx *c, uint64_t ret, size_t request);

/* Leave with rax = tb | low (a slot, or TB_EXIT_NOCHAIN), storing
 * tb->exit_pc[low] in env->pc first if pc_in_tb.  A TB in the records'
 * region (cache.c) is named by its offset: mov eax, imm32, 5 bytes less
 * than movabs, to an epilogue entry that adds cache_tb_base. */
static void emit_exit_tb(X64Ctx *c, unsigned low, bool pc_in_tb)
{
    uintptr_t v = (uintptr_t)c->tb | low;

    if ((uintptr_t)c->tb - cache_tb_base < cache_tb_span) {
        emit_mov_tb_off(&c->e, X64_RAX, v, cache_tb_base);
        emit_jmp_abs(&c->e, pc_in_tb ? epilogue_off_pc_rx : epilogue_off_rx);
    } else {
        emit_mov_addr(&c->e, X64_RAX, v);
        emit_jmp_abs(&c->e, pc_in_tb ? epilogue_pc_rx : epilogue_rx);
    }
}

/* The unchained exit of goto_tb slot `slot`, when the next ops are
 * "mov pc, k; exit_tb slot": k goes into the TB, and the exit leaves
 * through epilogue_pc, which stores it.  8 to 14 bytes less code an exit
 * than storing k here (exit stubs were a quarter of cc1's code). */
static void exit_with_pc_in_tb(X64Ctx *c, unsigned slot)
{
    uint64_t k;

    if (!goto_pc_exit(c, c->op_index, &k))
        return;
    c->exit_pc[slot] = k;
    emit_exit_tb(c, slot, true);
    c->unreachable = true;
}

static void lower_goto_tb(X64Ctx *c, const IROp *op)
{
    unsigned slot = op->args[0];
    size_t at, request = 0;
    uint64_t k;

    BUG_ON(slot > 1);
    if (c->loop_header && c->nstub_jumps < 2 && x64_is_self_goto(c, c->op_index)) {
        emit_loop_back(c);
        return;
    }
    ra_sync_globals(c);
    if (c->jmp_insn_off[slot] != TB_NO_JUMP) {
        /* the slot has its jump already: this exit does not chain */
        c->slot_taken = true;
        return;
    }
    /* not to a pc past the block's start: the edge may close a cycle */
    if (!sets_pc_next(c, c->op_index, &k) || k <= c->tb->pc) {
        emit_test_exit_request(c);
        request = emit_jcc32(&c->e, X64_CC_NE);
    }
    if (ir_call_ret(op) && slot == 0 && c->jmp_insn_off[1] == TB_NO_JUMP && !exec_opts.no_chain) {
        lower_call_tb(c, ir_call_ret(op), request);
    } else {
        at = emit_slot_jump(c, slot);
        /* an exit is requested: leave through the unchained exit, below */
        if (request)
            emit_patch32(&c->e, request, at + 4);
    }
    exit_with_pc_in_tb(c, slot);
}

static void exit_with(X64Ctx *c, uint64_t value)
{
    emit_mov_ri(&c->e, X64_RAX, value);
    emit_jmp_abs(&c->e, epilogue_rx);
    c->unreachable = true;
}

/* Leave with tb | low (a chaining request or TB_EXIT_NOCHAIN). */
static void exit_with_tb(X64Ctx *c, unsigned low)
{
    emit_exit_tb(c, low, false);
    c->unreachable = true;
}

static void lower_exit_tb(X64Ctx *c, const IROp *op)
{
    BUG_ON(op->args[0] > IR_EXIT_NOCHAIN);
    ra_sync_globals(c);
    exit_with_tb(c, c->slot_taken ? IR_EXIT_NOCHAIN : op->args[0]);
    c->slot_taken = false;
}

static void lower_exit_excp(X64Ctx *c, const IROp *op)
{
    ra_sync_globals(c);
    exit_with(c, (uint64_t)op->args[0] << 2 | TB_EXIT_EXCP);
}

/* The host register holding the pc global, or -1. */
static int pc_reg(const X64Ctx *c)
{
    for (int k = 0; k < 16 && c->pc_global != IR_NONE; k++)
        if (c->reg_temp[k] == c->pc_global)
            return k;
    return -1;
}

/* A register branch's inline cache, for one target: the pc it was
 * chained for (a patched immediate, 8-byte aligned for one atomic
 * store) and a jump through goto_tb slot 1 to its block:
 *
 *     movabs r11, ic_pc ; cmp rax, r11 ; jne probe ; jmp slot1
 *
 * Unchained, slot 1 goes to an exit that asks the dispatcher to chain it
 * (cache_chain: x64_set_ic, then the jump).  ic_pc starts as
 * X64_IC_EMPTY, which no block has: the probe, when it finds a block
 * there, takes that exit too, and the first block found is the one
 * cached.  A later target goes through the probe.  An invalidated
 * target resets the jump (tb_unlink_incoming), not ic_pc, whose pc then
 * leads to the exit and the dispatcher, which chains its new block: the
 * immediate only ever changes from X64_IC_EMPTY.  Threads running the
 * code see the old or the new immediate, and the jump is then right for
 * either.  PLT stubs (BR X17 to the GOT's target), tail calls and
 * interpreters' dispatch (where one target dominates, as in perl's and
 * python's, half of the time) are its cases; BLR's continuation has
 * slot 1, and RET has the return-address frames. */
#define X64_IC_EMPTY 1

static void emit_ic(X64Ctx *c)
{
    size_t miss;

    emit_nops(&c->e, (unsigned)((8 - ((c->e.rx + c->e.pos + 2) & 7)) & 7));
    c->ic_imm_off = (uint32_t)(c->e.pos + 2);
    emit_movabs(&c->e, X64_SCRATCH, X64_IC_EMPTY);
    emit_alu_rr(&c->e, X64_CMP, true, X64_RAX, X64_SCRATCH);
    miss = emit_jcc8(&c->e, X64_CC_NE);
    align_rel32(c);
    c->jmp_insn_off[1] = (uint32_t)emit_jmp32(&c->e);   /* reset: below */
    emit_patch8(&c->e, miss, c->e.pos);
}

/* The jump-cache probe (backend.h): rax = pc, rcx = its entry
 * (tb_jmp_hash, scaled by the entry size), pc and tag (the block's flags
 * with env's jump-cache epoch, cache.h) compared, then a jump to the
 * entry's host code; a miss falls through to the helper.  The pc comes
 * from the register that holds it, when one does: just stored, env's copy
 * would come back through store-to-load forwarding, several cycles more on
 * the way to the jump.  With the inline cache (ic_fill given), a hit
 * while the cache is empty (r11 still X64_IC_EMPTY) leaves for the
 * chaining exit, whose jcc the caller patches (*ic_fill). */
static void emit_lookup_probe(X64Ctx *c, size_t *ic_fill)
{
    size_t miss_pc, miss_flags, miss_request;
    int r = pc_reg(c);

    emit_test_exit_request(c);
    miss_request = emit_jcc8(&c->e, X64_CC_NE);

    if (r >= 0)
        emit_mov_rr(&c->e, true, X64_RAX, r);
    else
        emit_load(&c->e, 3, false, true, X64_RAX, x64_mem(X64_ENV, offsetof(CPUCommon, pc)));
    if (ic_fill)
        emit_ic(c);
    emit_mov_rr(&c->e, true, X64_RCX, X64_RAX);
    emit_shift_ri(&c->e, X64_SHR, true, X64_RCX, 12);
    emit_alu_rr(&c->e, X64_XOR, true, X64_RCX, X64_RAX);
    emit_shift_ri(&c->e, X64_SHR, true, X64_RCX, 2);
    emit_alu_ri(&c->e, X64_AND, false, X64_RCX, (1 << TB_JMP_CACHE_BITS) - 1);
    emit_shift_ri(&c->e, X64_SHL, false, X64_RCX, 5);
    emit_alu_rm(&c->e, X64_ADD, true, X64_RCX, x64_mem(X64_ENV, offsetof(CPUCommon, jmp_cache)));
    emit_alu_rm(&c->e, X64_CMP, true, X64_RAX, x64_mem(X64_RCX, offsetof(TBJmpEntry, pc)));
    miss_pc = emit_jcc8(&c->e, X64_CC_NE);
    emit_load(&c->e, 2, false, false, X64_RDX, x64_mem(X64_ENV, offsetof(CPUCommon, jmp_epoch)));
    if (c->tb->flags)
        emit_alu_ri(&c->e, X64_OR, false, X64_RDX, (int32_t)c->tb->flags);
    emit_alu_rm(&c->e, X64_CMP, false, X64_RDX, x64_mem(X64_RCX, offsetof(TBJmpEntry, tag)));
    miss_flags = emit_jcc8(&c->e, X64_CC_NE);
    if (ic_fill) {
        emit_alu_ri(&c->e, X64_CMP, true, X64_SCRATCH, X64_IC_EMPTY);
        *ic_fill = emit_jcc32(&c->e, X64_CC_E);
    }
    emit_load(&c->e, 3, false, true, X64_RAX, x64_mem(X64_RCX, offsetof(TBJmpEntry, host)));
    emit_jmp_reg(&c->e, X64_RAX);
    emit_patch8(&c->e, miss_pc, c->e.pos);
    emit_patch8(&c->e, miss_flags, c->e.pos);
    emit_patch8(&c->e, miss_request, c->e.pos);
}

/* ---- return-address frames ----
 *
 * Guest calls and returns (IR_PTR_*, user mode) use the host's call and
 * ret, so that the host CPU's return predictor sees them.  A call pushes
 * a frame of two words on the host stack, a padding word and (by the
 * call instruction) the host address of the call's continuation: code
 * that checks that env->pc is the guest return address it was made for
 * and goes on, through goto_tb slot 1, to that address's block.  A return
 * (env->pc written back, no exit requested) returns into the top frame's
 * continuation, whatever it is: a continuation that finds another pc
 * leaves for the dispatcher, which looks the pc up, and a frame left
 * behind by a longjmp or a coroutine switch costs one such trip.  rsp is
 * 16-byte aligned before a call and after its push, so helpers are
 * called as before.
 *
 * The prologue puts a bottom frame (whose continuation is lookup_exit_rx)
 * at env's ras_base; ras_limit lies RAS_BYTES below, and a call that
 * finds rsp there first drops every frame (rsp = ras_base).  Leaving for
 * the dispatcher drops them all too: the epilogue restores rsp from
 * ras_base.  The dispatcher is where flags change and blocks are flushed,
 * so a continuation a frame names is current while the frame lives;
 * invalidating one sets exit_request, which returns test before they
 * return.  Spill slots are in env (x64_frame), not in the host frame, so
 * that the pushes do not move them. */

/* The reset of rsp is out of line (emit_ras_reset): inline, the mov to
 * rsp slows each call severalfold on AMD hosts even when jumped over. */
static void emit_ras_push(X64Ctx *c)
{
    BUG_ON(c->ras_reset_jcc);     /* one call per block */
    emit_alu_rm(&c->e, X64_CMP, true, X64_RSP,
                x64_mem(X64_ENV, x64_frame_off + X64_RAS_LIMIT_OFF));
    c->ras_reset_jcc = emit_jcc32(&c->e, X64_CC_B);
    c->ras_reset_back = c->e.pos;
    emit_lea(&c->e, true, X64_RSP, x64_mem(X64_RSP, -8));
}

static void emit_ras_reset(X64Ctx *c)
{
    if (!c->ras_reset_jcc)
        return;
    emit_patch32(&c->e, c->ras_reset_jcc, c->e.pos);
    emit_load(&c->e, 3, false, true, X64_RSP, x64_mem(X64_ENV, x64_frame_off + X64_RAS_BASE_OFF));
    emit_patch32(&c->e, emit_jmp32(&c->e), c->ras_reset_back);
}

/* The continuation of a call returning to ret: drop the padding; if the
 * return went elsewhere, leave for the dispatcher (env->pc is set); else
 * go to ret's block through slot 1 (unchained: return tb | 1, env->pc
 * being ret). */
static void emit_continuation(X64Ctx *c, uint64_t ret)
{
    X64Mem pc = x64_mem(X64_ENV, offsetof(CPUCommon, pc));
    size_t other;

    emit_lea(&c->e, true, X64_RSP, x64_mem(X64_RSP, 8));
    if (x64_fits_s32((int64_t)ret)) {
        emit_alu_mi(&c->e, X64_CMP, true, pc, (int32_t)ret);
    } else {
        emit_mov_ri(&c->e, X64_SCRATCH, ret);
        emit_alu_rm(&c->e, X64_CMP, true, X64_SCRATCH, pc);
    }
    other = emit_jcc8(&c->e, X64_CC_NE);
    emit_slot_jump(c, 1);
    emit_exit_tb(c, 1, false);
    emit_patch8(&c->e, other, c->e.pos);
    emit_jmp_abs(&c->e, lookup_exit_rx);
}

/* A call's goto_tb: its slot 0 is the call instruction, whose unchained
 * target is the exit that follows the continuation (the next ops). */
static void lower_call_tb(X64Ctx *c, uint64_t ret, size_t request)
{
    size_t at;

    emit_ras_push(c);
    align_rel32(c);
    at = emit_call32(&c->e);
    c->jmp_insn_off[0] = (uint32_t)at;
    emit_continuation(c, ret);
    c->jmp_reset_off[0] = (uint32_t)c->e.pos;
    emit_patch32(&c->e, at, c->e.pos);
    if (request)
        emit_patch32(&c->e, request, c->e.pos);
}

/* A return: into the top frame's continuation unless an exit is
 * requested (then on to the lookup that follows). */
static void emit_ras_return(X64Ctx *c)
{
    size_t request;

    emit_test_exit_request(c);
    request = emit_jcc8(&c->e, X64_CC_NE);
    emit_ret(&c->e);
    emit_patch8(&c->e, request, c->e.pos);
}

static void lower_goto_ptr(X64Ctx *c, const IROp *op)
{
    bool ras = !exec_opts.no_chain;   /* as lower_goto_tb's calls */
    bool ic;
    size_t call_at = 0, ic_fill = 0;

    x64_vec_flush(c, false);
    ra_sync_globals(c);
    if (ras && op->args[0] == IR_PTR_RET) {
        emit_ras_return(c);
    } else if (ras && op->args[0] == IR_PTR_CALL && ir_call_ret(op) &&
               c->jmp_insn_off[1] == TB_NO_JUMP) {
        /* a call into the lookup below, which jumps to the callee */
        emit_ras_push(c);
        call_at = emit_call32(&c->e);
        emit_continuation(c, ir_call_ret(op));
        emit_patch32(&c->e, call_at, c->e.pos);
    }
    /* (user mode: blocks there have no flags, and chain across pages) */
    ic = ras && exec_lookup_inline && op->args[0] != IR_PTR_RET && c->b->softmmu_idx < 0 &&
         c->jmp_insn_off[1] == TB_NO_JUMP;
    if (exec_lookup_inline)
        emit_lookup_probe(c, ic ? &ic_fill : NULL);
    emit_mov_rr(&c->e, true, X64_RDI, X64_ENV);
    emit_call_abs(&c->e, (uintptr_t)helper_lookup_tb_ptr, X64_SCRATCH);
    emit_jmp_reg(&c->e, X64_RAX);
    if (ic) {   /* the inline cache's exit: chain slot 1 (env->pc is stored) */
        c->jmp_reset_off[1] = (uint32_t)c->e.pos;
        emit_patch32(&c->e, c->jmp_insn_off[1], c->e.pos);
        emit_patch32(&c->e, ic_fill, c->e.pos);
        exit_with_tb(c, 1);
    }
    c->unreachable = true;
}

typedef void LowerFn(X64Ctx *c, const IROp *op);

static LowerFn *const lower_table[IR_OP_COUNT] = {
    [IR_OP_mov] = x64_lower_mov,
    [IR_OP_add] = x64_lower_alu, [IR_OP_sub] = x64_lower_alu,
    [IR_OP_and] = x64_lower_alu, [IR_OP_or] = x64_lower_alu,
    [IR_OP_xor] = x64_lower_alu,
    [IR_OP_mul] = x64_lower_mul,
    [IR_OP_mulsh] = x64_lower_mulh, [IR_OP_muluh] = x64_lower_mulh,
    [IR_OP_divs] = x64_lower_div, [IR_OP_divu] = x64_lower_div,
    [IR_OP_rems] = x64_lower_div, [IR_OP_remu] = x64_lower_div,
    [IR_OP_andc] = x64_lower_andc, [IR_OP_orc] = x64_lower_andc,
    [IR_OP_eqv] = x64_lower_eqv,
    [IR_OP_shl] = x64_lower_shift, [IR_OP_shr] = x64_lower_shift,
    [IR_OP_sar] = x64_lower_shift, [IR_OP_rotl] = x64_lower_shift,
    [IR_OP_rotr] = x64_lower_shift,
    [IR_OP_neg] = x64_lower_unary, [IR_OP_not] = x64_lower_unary,
    [IR_OP_bswap] = x64_lower_unary,
    [IR_OP_clz] = x64_lower_clz_ctz, [IR_OP_ctz] = x64_lower_clz_ctz,
    [IR_OP_ctpop] = x64_lower_ctpop,
    [IR_OP_ext8s] = x64_lower_ext, [IR_OP_ext8u] = x64_lower_ext,
    [IR_OP_ext16s] = x64_lower_ext, [IR_OP_ext16u] = x64_lower_ext,
    [IR_OP_ext32s] = x64_lower_ext, [IR_OP_ext32u] = x64_lower_ext,
    [IR_OP_trunc] = x64_lower_ext,
    [IR_OP_extract] = x64_lower_extract, [IR_OP_sextract] = x64_lower_extract,
    [IR_OP_deposit] = x64_lower_deposit,
    [IR_OP_setcond] = x64_lower_setcond,
    [IR_OP_movcond] = x64_lower_movcond,
    [IR_OP_label] = lower_label,
    [IR_OP_br] = lower_br,
    [IR_OP_brcond] = lower_brcond,
    [IR_OP_ld] = lower_ld,
    [IR_OP_st] = lower_st,
    [IR_OP_cmpxchg] = lower_cmpxchg,
    [IR_OP_xchg] = lower_xchg,
    [IR_OP_fetch_add] = lower_fetch_add,
    [IR_OP_mb] = lower_mb,
    [IR_OP_ldenv] = lower_ldenv,
    [IR_OP_stenv] = lower_stenv,
    [IR_OP_call] = lower_call,
    [IR_OP_fpop] = x64_lower_fpop,
    [IR_OP_vfpop] = x64_lower_vfpop,
    [IR_OP_insn_start] = lower_insn_start,
    [IR_OP_discard] = lower_discard,
    [IR_OP_goto_tb] = lower_goto_tb,
    [IR_OP_exit_tb] = lower_exit_tb,
    [IR_OP_exit_excp] = lower_exit_excp,
    [IR_OP_goto_ptr] = lower_goto_ptr,
    [IR_OP_vldenv] = x64_lower_vec, [IR_OP_vstenv] = x64_lower_vec,
    [IR_OP_vld] = x64_lower_vec, [IR_OP_vst] = x64_lower_vec,
    [IR_OP_vec2] = x64_lower_vec, [IR_OP_vec1] = x64_lower_vec,
    [IR_OP_vec3] = x64_lower_vec,
    [IR_OP_vdup] = x64_lower_vec, [IR_OP_vget] = x64_lower_vec,
    [IR_OP_vset] = x64_lower_vec,
};

/* ---- entry points ---- */

/* From the C library's record of cpuid (made once at its start-up):
 * cpuid traps to the hypervisor in a virtual machine, tens of
 * microseconds a time on some.  "Active" means usable: FMA3, which is
 * VEX-encoded, only when the OS saves the AVX state. */
static void detect_features(void)
{
    memset(&x64_features, 0, sizeof(x64_features));
    x64_features.ssse3 = CPU_FEATURE_ACTIVE(SSSE3);
    x64_features.sse41 = CPU_FEATURE_ACTIVE(SSE4_1);
    x64_features.sse42 = CPU_FEATURE_ACTIVE(SSE4_2);
    x64_features.fma = CPU_FEATURE_ACTIVE(FMA);
    x64_features.popcnt = CPU_FEATURE_ACTIVE(POPCNT);
    x64_features.movbe = CPU_FEATURE_ACTIVE(MOVBE);
    x64_features.bmi1 = CPU_FEATURE_ACTIVE(BMI1);
    x64_features.bmi2 = CPU_FEATURE_ACTIVE(BMI2);
    x64_features.lzcnt = CPU_FEATURE_ACTIVE(LZCNT);
}

static X64Emit emit_at_used(size_t start)
{
    return (X64Emit){
        .buf = code_buf.rw + start,
        .rx = (uintptr_t)code_buf.rx + start,
        .pos = 0,
        .cap = start < code_buf.size ? code_buf.size - start : 0,
    };
}

void x64_init(int32_t frame_off)
{
    X64Emit e = emit_at_used(code_buf.used);
    X64Mem base = x64_mem(X64_ENV, frame_off + X64_RAS_BASE_OFF);
    X64Mem limit = x64_mem(X64_ENV, frame_off + X64_RAS_LIMIT_OFF);
    X64Mem exit_pc;
    size_t epilogue_skip, epilogue_off_skip;

    x64_frame_off = frame_off;
    detect_features();

    /* Exits with rax = the TB's offset in its region | low: rax +=
     * cache_tb_base, then as below. */
    epilogue_off_pc_rx = e.rx;
    emit_mov_ri(&e, X64_RCX, cache_tb_base);
    emit_alu_rr(&e, X64_ADD, true, X64_RAX, X64_RCX);
    /* A goto_tb exit whose pc is in the TB (rax = tb | slot): store
     * tb->exit_pc[slot] as env->pc, then the epilogue. */
    epilogue_pc_rx = e.rx + e.pos;
    emit_mov_rr(&e, true, X64_RCX, X64_RAX);
    emit_alu_ri(&e, X64_AND, false, X64_RCX, TB_EXIT_MASK);
    emit_alu_ri(&e, X64_AND, true, X64_RAX, ~(int32_t)TB_EXIT_MASK);
    exit_pc = x64_mem_idx(X64_RAX, X64_RCX, offsetof(TB, exit_pc));
    exit_pc.shift = 3;
    emit_load(&e, 3, false, true, X64_RDX, exit_pc);
    emit_store(&e, 3, X64_RDX, x64_mem(X64_ENV, offsetof(CPUCommon, pc)));
    emit_alu_rr(&e, X64_OR, true, X64_RAX, X64_RCX);
    epilogue_skip = emit_jmp8(&e);
    epilogue_off_rx = e.rx + e.pos;
    emit_mov_ri(&e, X64_RCX, cache_tb_base);
    emit_alu_rr(&e, X64_ADD, true, X64_RAX, X64_RCX);
    epilogue_off_skip = emit_jmp8(&e);

    /* helper_lookup_tb_ptr's miss, a return into the bottom frame and a
     * continuation that finds another pc: return 0 | TB_EXIT_NOCHAIN
     * (env->pc is set). */
    lookup_exit_rx = e.rx + e.pos;
    emit_mov_ri(&e, X64_RAX, TB_EXIT_NOCHAIN);

    /* Whatever return-address frames are on the stack go with rsp. */
    emit_patch8(&e, epilogue_skip, e.pos);
    emit_patch8(&e, epilogue_off_skip, e.pos);
    epilogue_rx = e.rx + e.pos;
    emit_load(&e, 3, false, true, X64_RSP, base);
    emit_alu_ri(&e, X64_ADD, true, X64_RSP, 24);
    emit_pop(&e, X64_SCRATCH);
    emit_store(&e, 3, X64_SCRATCH, limit);
    emit_pop(&e, X64_SCRATCH);
    emit_store(&e, 3, X64_SCRATCH, base);
    for (size_t i = sizeof(saved_regs); i-- > 0;)
        emit_pop(&e, saved_regs[i]);
    emit_ret(&e);

    prologue_rx = e.rx + e.pos;
    for (size_t i = 0; i < sizeof(saved_regs); i++)
        emit_push(&e, saved_regs[i]);
    emit_mov_rr(&e, true, X64_ENV, X64_RDI);
    /* env's frame bounds are saved (should generated code ever run inside
     * a helper), then the bottom frame: rsp is 16-byte aligned after it */
    emit_load(&e, 3, false, true, X64_SCRATCH, base);
    emit_push(&e, X64_SCRATCH);
    emit_load(&e, 3, false, true, X64_SCRATCH, limit);
    emit_push(&e, X64_SCRATCH);
    emit_alu_ri(&e, X64_SUB, true, X64_RSP, 16);
    emit_mov_ri(&e, X64_SCRATCH, lookup_exit_rx);
    emit_push(&e, X64_SCRATCH);
    emit_store(&e, 3, X64_RSP, base);
    emit_lea(&e, true, X64_SCRATCH, x64_mem(X64_RSP, -RAS_BYTES));
    emit_store(&e, 3, X64_SCRATCH, limit);
    for (int k = 0; k < X64_NCONSTS; k++) {
        for (int h = 0; h < 2; h++) {
            if (h == 0 || x64_frame_consts[k][1] != x64_frame_consts[k][0])
                emit_mov_ri(&e, X64_SCRATCH, x64_frame_consts[k][h]);
            emit_store(&e, 3, X64_SCRATCH, x64_frame(X64_CONSTS_OFF + 16 * k + 8 * h));
        }
    }
    emit_mov_ri(&e, X64_GBASE, (uintptr_t)&guest_base);
    emit_load(&e, 3, false, true, X64_GBASE, x64_mem(X64_GBASE, 0));
    emit_jmp_reg(&e, X64_RSI);
    BUG_ON(x64_emit_overflowed(&e));
    code_buf.used += (e.pos + 15) & ~(size_t)15;
    x64_stubs_end = code_buf.used;
}

uintptr_t x64_enter(CPUCommon *env, const void *code)
{
    uintptr_t (*prologue)(CPUCommon *, const void *) =
        (uintptr_t (*)(CPUCommon *, const void *))prologue_rx;
    return prologue(env, code);
}

const void *x64_lookup_exit(void)
{
    return (const void *)lookup_exit_rx;
}

/* Store v over the size (4 or 8) bytes of generated code at rx address
 * at, aligned so that a thread running there sees the old or the new
 * value whole. */
static void patch_code(uint8_t *at, uint64_t v, unsigned size)
{
    BUG_ON((uintptr_t)at & (size - 1));
    if (size == 8)
        __atomic_store_n((uint64_t *)codebuf_rw(at), v, __ATOMIC_RELEASE);
    else
        __atomic_store_n((uint32_t *)codebuf_rw(at), (uint32_t)v, __ATOMIC_RELEASE);
    codebuf_patched();
}

void x64_set_jump(TB *tb, int slot, const void *target)
{
    uint8_t *rel = tb->host_code + tb->jmp_insn_off[slot];
    int64_t d = (int64_t)((uintptr_t)target - (uintptr_t)(rel + 4));

    BUG_ON(tb->jmp_insn_off[slot] == TB_NO_JUMP || !x64_fits_s32(d));
    patch_code(rel, (uint32_t)d, 4);
}

void x64_set_ic(TB *tb, uint64_t pc)
{
    BUG_ON(!tb->ic_imm_off);
    patch_code(tb->host_code + tb->ic_imm_off, pc, 8);
}

/* The exit_request stub: env->pc = tb->pc, return tb | TB_EXIT_NOCHAIN. */
static void emit_exit_request_stub(X64Ctx *c)
{
    X64Mem pc = x64_mem(X64_ENV, offsetof(CPUCommon, pc));

    if (x64_fits_s32((int64_t)c->tb->pc)) {
        emit_store_imm(&c->e, 3, pc, (int32_t)c->tb->pc);
    } else {
        emit_mov_ri(&c->e, X64_RAX, c->tb->pc);
        emit_store(&c->e, 3, X64_RAX, pc);
    }
    exit_with_tb(c, TB_EXIT_NOCHAIN);
}

/* Does the block jump back to its own start (and may it do so inside)? */
static bool has_self_loop(X64Ctx *c)
{
    if (exec_opts.no_chain)
        return false;
    for (uint32_t i = 0; i < c->b->nops; i++)
        if (x64_is_self_goto(c, i))
            return true;
    return false;
}

static int gen_ops(X64Ctx *c)
{
    IRBlock *b = c->b;
    for (IRTemp g = 1; g <= b->nglobals; g++)
        if (b->temps[g].env_offset == offsetof(CPUCommon, pc) && b->temps[g].type == IR_I64)
            c->pc_global = g;
    if (has_self_loop(c)) {
        ra_loop_entry(c);
        x64_vpin_entry(c);
        c->loop_header = c->e.pos;
    }

    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        c->op_index = i;
        if (i == c->skip_op) {
            /* done with the op before (lower-vec.c's compare + NOT,
             * lower-alu.c's shl + add) */
        } else if (!c->unreachable || op->opc == IR_OP_label || op->opc == IR_OP_insn_start) {
            BUG_ON(op->opc >= IR_OP_COUNT || lower_table[op->opc] == NULL);
            lower_table[op->opc](c, op);
        }
        if (c->fsite_open)
            x64_fault_site_end(c);
        ra_end_op(c, op);
        if (x64_emit_overflowed(&c->e))
            return X64_GEN_FULL;
        if (c->too_big)
            return X64_GEN_TOO_BIG;
    }
    /* Every block ends in an exit (exit_tb, exit_excp or goto_ptr). */
    BUG_ON(!c->unreachable);

    for (unsigned k = 0; k < c->nstub_jumps; k++)
        emit_patch32(&c->e, c->stub_jumps[k], c->e.pos);
    if (c->nstub_jumps)
        emit_exit_request_stub(c);
    emit_ras_reset(c);
    x64_slow_stubs(c);
    for (unsigned k = 0; k < c->nfixups; k++) {
        int64_t to = c->labels[c->fixups[k].label].pos;
        BUG_ON(to < 0);
        emit_patch32(&c->e, c->fixups[k].at, (size_t)to);
    }
    x64_fault_map_emit(c);
    return x64_emit_overflowed(&c->e) ? X64_GEN_FULL : X64_GEN_OK;
}

int x64_gen_tb(TB *tb, IRBlock *b)
{
    size_t start = (code_buf.used + 15) & ~(size_t)15;
    codebuf_populate(start + 4096);
    X64Ctx c = {
        .e = emit_at_used(start),
        .b = b,
        .tb = tb,
        .jmp_insn_off = { TB_NO_JUMP, TB_NO_JUMP },
        .jmp_reset_off = { TB_NO_JUMP, TB_NO_JUMP },
        .pc_global = IR_NONE,
        .skip_op = UINT32_MAX,
    };
    int ret;

    ScratchMark mark = scratch_mark();

    if (x64_record_relocs) {
        x64_last_relocs.n = 0;
        x64_last_relocs.overflow = false;
        c.e.relocs = &x64_last_relocs;
    }
    c.ts = scratch_alloc(b->ntemps * sizeof(X64TempState));
    c.labels = scratch_alloc(b->nlabels * sizeof(X64Label));
    for (uint32_t l = 0; l < b->nlabels; l++)
        c.labels[l] = (X64Label){ .pos = -1 };
    ra_liveness(&c);
    ra_start(&c);
    x64_vec_start(&c);

    ret = gen_ops(&c);
    if (ret == X64_GEN_OK) {
        tb->host_code = code_buf.rx + start;
        tb->host_size = (uint32_t)c.e.pos;
        for (int s = 0; s < 2; s++) {
            tb->jmp_insn_off[s] = c.jmp_insn_off[s];
            tb->jmp_reset_off[s] = c.jmp_reset_off[s];
            tb->exit_pc[s] = c.exit_pc[s];
        }
        tb->ic_imm_off = c.ic_imm_off;
        tb->insns = cache_mem(c.ninsns * sizeof(TBInsn), 8);
        if (c.ninsns)   /* a test's block may have no insn_start */
            memcpy(tb->insns, c.insns, c.ninsns * sizeof(TBInsn));
        tb->ninsns = c.ninsns;
        code_buf.used = start + c.e.pos;
    }
    scratch_release(mark);
    return ret;
}
