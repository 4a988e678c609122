/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private to the x86-64 backend: the per-block code generation context
 * shared by the register allocator (regalloc.c) and the op lowering
 * (lower.c), the host feature flags, and the fixed register roles.
 *
 * Register roles (see lower.c for the frame):
 *   rbp   env, the guest CPU state, for the whole time generated code runs;
 *   rsp   the host stack: the prologue's frame, then guest calls' return-
 *         address frames (lower.c); spill slots are in env (x64_frame);
 *   r15   guest_base when it is nonzero at code generation time;
 *   r11   scratch for lowering sequences (never allocated);
 *   the others hold temps, chosen by regalloc.c.
 */
#ifndef GUISE_X64_INTERNAL_H
#define GUISE_X64_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "translate/exec.h"
#include "translate/ir.h"
#include "translate/tb.h"
#include "encode.h"

#define X64_ENV      X64_RBP
#define X64_SCRATCH  X64_R11
#define X64_GBASE    X64_R15

/* Spill slots in env's ExecJitFrame (8 bytes each), then the 16-byte
 * slots of v128 temps (lower-vec.c), then the vector constants below. */
#define X64_NSLOTS 256
#define X64_NVSLOTS 64

/* Vector constants the prologue stores in env's frame, each as its low and
 * high 64 bits, so that lowering loads one with a single movdqa instead of
 * building it (lower-vec.c's splats: the FP lane classes, the narrowing
 * masks; the pshufb masks of IR_VEC_REV). */
extern const uint64_t x64_frame_consts[][2];
#define X64_NCONSTS 12
#define X64_CONSTS_OFF (8 * X64_NSLOTS + 16 * X64_NVSLOTS)
/* The frame (ExecJitFrame, at x64_frame_off in env): the bounds of the
 * return-address frames (lower.c), then the slots and constants. */
#define X64_RAS_BASE_OFF  0
#define X64_RAS_LIMIT_OFF 8
#define X64_SLOTS_OFF     16
_Static_assert(X64_SLOTS_OFF + X64_CONSTS_OFF + 16 * X64_NCONSTS <= sizeof(ExecJitFrame),
               "the frame fits ExecJitFrame");
extern int32_t x64_frame_off;
/* Byte off of the frame's slots and constants, in env. */
#define x64_frame(off) x64_mem(X64_ENV, x64_frame_off + X64_SLOTS_OFF + (int32_t)(off))

#define X64_REG_BIT(r) ((uint16_t)(1u << (r)))
/* Registers the SysV ABI lets a callee clobber. */
#define X64_CALLER_SAVED                                                    \
    (X64_REG_BIT(X64_RAX) | X64_REG_BIT(X64_RCX) | X64_REG_BIT(X64_RDX) |  \
     X64_REG_BIT(X64_RSI) | X64_REG_BIT(X64_RDI) | X64_REG_BIT(X64_R8) |   \
     X64_REG_BIT(X64_R9) | X64_REG_BIT(X64_R10) | X64_REG_BIT(X64_R11))

/* Optional host instructions, from cpuid at x64_init (tests may clear
 * them to exercise the plain paths). */
typedef struct X64Features {
    bool lzcnt, bmi1, bmi2, popcnt, movbe;
    bool ssse3, sse41, sse42, fma;
} X64Features;
extern X64Features x64_features;
extern X64Relocs x64_last_relocs;   /* lower.c: the last block's, when recorded */
extern size_t x64_stubs_end;        /* lower.c: end of the shared code */

/* Where a temp's value is: in reg (if >= 0), and/or in its backing memory
 * (the env slot of a global, the spill slot of a local) if mem_ok.  A
 * constant is always "in memory" (it can be rematerialised). */
typedef struct X64TempState {
    int8_t reg;
    bool mem_ok;
    bool multi_bb;       /* local used in more than one basic block */
    bool folded;         /* an address base + disp, never computed */
    bool xshadow;        /* an xmm cache register may hold a copy (lower-vec.c) */
    int16_t slot;        /* spill slot of a local, -1 = none yet */
    int16_t vslot;       /* v128 local: its 16-byte slot, -1 = none yet */
    uint16_t nuses, ndefs;   /* saturating counts over the block */
    uint32_t first;      /* first op that mentions the temp */
    uint32_t last_use;   /* last op that reads it (liveness, see regalloc.c) */
    IRTemp fold_base;    /* folded: a global or env */
    int32_t fold_disp;
    IRTemp fold_index;   /* folded: a global scaled by 1 << fold_shift, or IR_NONE */
    uint8_t fold_shift;
} X64TempState;

/* A label: where it is, and the registers known on entry to it.  A
 * private label (ra_private) is reached by one forward brcond alone, not
 * by falling into it; its code leaves the block for other guest code
 * before any other label or branch, and the code after the brcond does
 * not (a loop trace's early exit, aarch64/trace.c): the label's code starts
 * with the registers as they were at that branch (snap_temp, with the
 * dirty ones in snap_dirty), so the branch writes nothing back, and the
 * way on keeps the guest registers it has.  (At a block's last branch,
 * where both ways leave, writing back once before the branch is smaller
 * code for the same work, unless the label's way is a self-loop's back
 * edge, which keeps the loop's globals in registers.) */
typedef struct X64Label {
    int64_t pos;             /* buffer offset, -1 = not yet bound */
    bool backward;           /* also reached by a backward branch */
    bool jumped;             /* regs holds what every forward jump so far had */
    uint8_t vpin_in;         /* pinned v128 globals valid on every jump so far */
    IRTemp regs[16];         /* clean globals and constants, or IR_NONE */
    uint32_t at;             /* op index of the label */
    uint16_t nbrcond, nbr;   /* forward and backward jumps to it, by kind */
    bool fallthrough;        /* the op before it may continue into it */
    bool exits;              /* its code leaves for other guest code before any branch */
    bool way_on_exits;       /* the code after its brcond leaves before any branch */
    bool snap;               /* private, and its branch has been lowered */
    uint16_t snap_dirty;
    IRTemp snap_temp[16];
} X64Label;

/* Globals a self-looping block keeps in registers around its loop, and
 * v128 globals it keeps in the top xmm registers (lower-vec.c). */
#define X64_LOOP_GLOBALS 8
#define X64_VPINS 4

typedef struct X64Fixup {
    uint32_t at;         /* buffer offset of a rel32 */
    uint32_t label;
} X64Fixup;

/* An out-of-line slow path (lower-slow.c): where the inline code branches
 * to it, the helper it calls with env and up to four arguments (each from
 * a register, whose value at the branch it sees, or a constant), the
 * register that takes the result, and where it jumps back.  Every
 * general register but that one is preserved, and the xmm registers in
 * xsave; vout_reg, when set, is loaded from env after the call. */
typedef struct X64SlowPath {
    uint32_t jcc_at[3];  /* rel32s of the branches to the stub */
    unsigned njcc;
    uint32_t resume;
    uintptr_t fn;
    unsigned nargs;
    int8_t arg_reg[4];   /* -1: arg_val */
    uint64_t arg_val[4];
    int8_t out_reg;      /* -1: none */
    uint16_t sync_regs;  /* registers of dirty globals stored on entry */
    IRTemp sync_temp[16];
    uint16_t xsave;      /* xmm registers the call must not lose */
    int8_t vout_reg;     /* -1: none; else xmm = the 16 bytes at env + vout_off */
    int32_t vout_off;
    int8_t xout_reg;     /* -1: none; else movq xmm, out_reg after the call */
    /* vfpop's (lower-vfp.c): special_at, when nonzero, branches to the
     * exact-zero test, which goes on to the call */
    bool vfp;
    uint32_t special_at;
    uint32_t vfp_pack, vfp_zoffs;
    /* FP ops (lower-fp.c, lower-vfp.c): the branch taken while FPSR.IXC
     * is clear (0: none), to the Inexact probe, which recomputes from the
     * inputs' registers then and goes back to compute */
    uint32_t ixc_at, compute;
    int8_t ixc_in[3];
    uint8_t ixc_kind;
} X64SlowPath;

/* A fault site being recorded (faultmap.c). */
typedef struct X64FaultSite {
    uint32_t start, len;
    unsigned n;
} X64FaultSite;

typedef struct X64Ctx {
    X64Emit e;
    IRBlock *b;
    TB *tb;
    X64TempState *ts;             /* b->ntemps entries */

    /* Register file. */
    IRTemp reg_temp[16];          /* occupant, or IR_NONE */
    uint32_t reg_stamp[16];       /* op index of the last use (LRU) */
    uint16_t alloc_mask;          /* registers the allocator may hand out */
    uint16_t locked;              /* in use by the current op */
    uint32_t op_index;            /* current op */
    bool unreachable;             /* after an exit or br, until a label */
    uint32_t skip_op;             /* an op a fused lowering already did */

    /* Spill slots: a free list of single-block slots, the next unused. */
    int16_t slot_free[X64_NSLOTS];
    unsigned nslot_free, nslots;
    bool too_big;

    /* v128 slots: a free list, the next unused.  The xmm cache of v128
     * temps (lower-vec.c): occupant of xmm r (r >= X64_VREG_FIRST) or
     * IR_NONE, newer than its slot, last use. */
    int16_t vslot_free[X64_NVSLOTS];
    unsigned nvslot_free, nvslots;
    IRTemp vreg[16];
    bool vdirty[16];
    uint32_t vstamp[16];
    int vreg_end;                 /* the cache is xmm X64_VREG_FIRST..vreg_end-1 */

    /* Self-loops: env offsets of the v128 globals pinned in xmm15, xmm14...
     * and which of those registers hold env's current value now. */
    int32_t vpin_off[X64_VPINS];
    unsigned nvpin;
    uint8_t vpin_valid;

    /* Locals used in more than one basic block (their slots are fixed). */
    IRTemp *multi;
    unsigned nmulti;

    /* Labels and forward references to them. */
    X64Label *labels;
    X64Fixup *fixups;
    unsigned nfixups, fixups_cap;

    /* Guest pc map and chaining slots being built (tb->insns, jmp_*). */
    TBInsn *insns;
    uint32_t ninsns, insns_cap;
    uint32_t jmp_insn_off[2], jmp_reset_off[2];
    uint64_t exit_pc[2];      /* TB.exit_pc */
    uint32_t ic_imm_off;      /* TB.ic_imm_off */
    bool slot_taken;              /* the exit_tb after a goto_tb whose slot was */

    /* Jumps to the exit_request stub, patched at the end: one from each
     * self-looping goto_tb (one per slot). */
    size_t stub_jumps[2];
    unsigned nstub_jumps;
    /* A call's too-deep test (lower.c emit_ras_push): its jcc, and where
     * the out-of-line reset of rsp resumes. */
    size_t ras_reset_jcc, ras_reset_back;

    /* Slow paths (full-system loads and stores, FP), emitted after the
     * block's ops. */
    X64SlowPath *slow;
    unsigned nslow, slow_cap;

    /* A block that jumps back to its own start (see lower.c). */
    IRTemp pc_global;             /* the global at CPUCommon.pc, or IR_NONE */
    IRTemp loop_g[X64_LOOP_GLOBALS];
    int8_t loop_reg[X64_LOOP_GLOBALS];
    unsigned nloop;
    size_t loop_header;           /* buffer offset of the loop's head */

    /* User-mode guest accesses and the dirty globals in registers at each
     * (faultmap.c): sites, then their packed entries. */
    X64FaultSite *fsites;
    unsigned nfsites, fsites_cap;
    uint16_t *fregs;
    unsigned nfregs, fregs_cap;
    bool fsite_open;
    uint32_t *glast_write;        /* per global: the last op writing it, +1 (0: none;
                                   * regalloc.c's liveness) */
} X64Ctx;

static inline bool x64_dies(const IROp *op, unsigned arg)
{
    return (op->life >> arg) & 1;
}

static inline bool x64_is_local(const X64Ctx *c, IRTemp t)
{
    return c->b->temps[t].kind == IR_TEMP_LOCAL;
}

/* ---- lower.c ---- */

/* Is op i "goto_tb n; mov pc, tb->pc; exit_tb n": a jump back to the start
 * of this very block? */
bool x64_is_self_goto(const X64Ctx *c, uint32_t i);

/* ---- faultmap.c ---- */

/* Right before the host instruction of a user-mode guest access: note the
 * dirty globals in registers (instead of writing them back); the site
 * ends with the op (gen_ops calls x64_fault_site_end).  Appending the map
 * after the block's code: x64_fault_map_emit. */
void x64_fault_site(X64Ctx *c);
void x64_fault_site_end(X64Ctx *c);
void x64_fault_map_emit(X64Ctx *c);

/* ---- regalloc.c ---- */

/* Fill op->life and the per-temp liveness of c->b. */
void ra_liveness(X64Ctx *c);
/* Is label l private (see X64Label)? */
bool ra_private(const X64Ctx *c, uint32_t l);
/* At the brcond to private label l, after its jcc: keep the registers'
 * state for the label, and free the locals that only its code reads. */
void ra_jump_private(X64Ctx *c, uint32_t l);
/* At private label l: the registers as its branch left them. */
void ra_label_private(X64Ctx *c, uint32_t l);
/* Write reg r's occupant back to its home if it is newer there. */
void ra_flush_reg(X64Ctx *c, int r);
/* Reset the register file for a new block. */
void ra_start(X64Ctx *c);

/* Put t (any kind) in a register and lock it for the current op. */
int ra_use(X64Ctx *c, IRTemp t);
/* Copy t's value into reg without binding it there; with !w only the low
 * 32 bits, zero-extended.  reg must not be t's own register. */
void ra_load_into(X64Ctx *c, IRTemp t, int reg, bool w);
/* A free register from mask (evicting if need be), locked. */
int ra_alloc(X64Ctx *c, uint16_t mask);
/* Empty reg (moving or spilling its occupant) and lock it. */
void ra_reserve(X64Ctx *c, int reg);
/* The register to receive output d of op: d's own register if d is not
 * also an input, else a fresh one; locked. */
int ra_out(X64Ctx *c, const IROp *op, IRTemp d);
/* Forget t's register copy (its backing store is, or is made, current
 * by the caller). */
void ra_drop(X64Ctx *c, IRTemp t);
/* d's value is now in reg (dirty); reg's previous occupant is dropped. */
void ra_def(X64Ctx *c, IRTemp d, int reg);
/* Input arg i of op dies here and is a local in a register: hand that
 * register over (returns it, unbound, locked) so the output can reuse it. */
bool ra_can_take(X64Ctx *c, const IROp *op, unsigned arg);
int ra_take(X64Ctx *c, const IROp *op, unsigned arg);
/* After an op: free inputs that die, unlock everything. */
void ra_end_op(X64Ctx *c, const IROp *op);

/* Write dirty globals back to env (they stay in registers, clean). */
void ra_sync_globals(X64Ctx *c);
/* The registers that hold dirty globals (bit per register), their
 * globals into temps[]: what a slow path stores when it is taken
 * instead of ra_sync_globals on the fast path. */
uint16_t ra_dirty_globals(const X64Ctx *c, IRTemp temps[16]);
/* Store register r's copy of global t to env, state unchanged. */
void ra_store_global(X64Ctx *c, IRTemp t, int r);
/* discard g: a register holding it is let go without writing it back. */
void ra_discard(X64Ctx *c, IRTemp g);
/* The global at env offset [off, off + size) is about to be read or
 * written by ldenv/stenv: write it back (and forget it for a write). */
void ra_env_access(X64Ctx *c, int32_t off, unsigned size, bool write);
/* End of a basic block (br, brcond, label): dirty globals to env, locals
 * that live past it to their slots.  Registers keep their (now clean)
 * values.  join: on a forward way into a label of a self-looping block,
 * where the loop globals stay as they are (ra_loop_join). */
void ra_bb_end(X64Ctx *c, bool join);
/* A forward jump to label l leaves now: note the registers it carries. */
void ra_jump(X64Ctx *c, uint32_t l);
/* At label l: keep the registers every way in agrees on, forget the rest. */
void ra_label(X64Ctx *c, uint32_t l);
/* Self-loop: load the loop's globals into their registers (the loop head
 * state), and at the back edge put their current values there again.  A
 * loop global the block writes is dirty at the head: the back edge keeps
 * it in its register (the other dirty globals go to env), and every way
 * out of the loop writes it back (exits, the exit_request path of the
 * back edge; a fault through the fault map). */
void ra_loop_entry(X64Ctx *c);
void ra_loop_back(X64Ctx *c);
/* After ra_bb_end(c, true), on a forward way into a label of a
 * self-looping block: the loop globals into their loop registers (moves
 * and env loads only, which keep the host flags). */
void ra_loop_join(X64Ctx *c);
bool ra_is_loop_global(const X64Ctx *c, IRTemp t);
/* Prepare for a helper call with IR_HELPER_* flags: free the
 * caller-saved registers, keeping values that live on. */
void ra_before_call(X64Ctx *c, const IROp *op, unsigned hflags);
/* Load the n helper arguments into regs[] (a parallel move). */
void ra_load_args(X64Ctx *c, const IRTemp *args, unsigned n, const int8_t *regs);
/* After the call: drop what the callee may have changed. */
void ra_after_call(X64Ctx *c, unsigned hflags);

/* Memory operand of a temp's backing store (global or spill slot). */
X64Mem ra_home(X64Ctx *c, IRTemp t);

/* ---- lower-vec.c ---- */

/* xmm0..2 are lower-vec.c's scratch; from X64_VREG_FIRST on they cache
 * v128 temps. */
#define X64_VREG_FIRST 3

/* Self-loops: pin the loop's v128 globals (load them, before the loop
 * head); at the back edge make the pinned registers current again; at a
 * forward jump to label l and at label l, carry which are current. */
void x64_vpin_entry(X64Ctx *c);
void x64_vpin_back(X64Ctx *c);
void x64_vpin_jump(X64Ctx *c, uint32_t l);
void x64_vpin_label(X64Ctx *c, uint32_t l);
/* An integer stenv of [off, off + size) bytes. */
void x64_vpin_env_write(X64Ctx *c, int32_t off, unsigned size);

/* Start of a block: no v128 slot in use, nothing in the xmm cache. */
void x64_vec_start(X64Ctx *c);
/* A v128 local dies: its slot returns to the free list (regalloc.c). */
void x64_vec_kill(X64Ctx *c, IRTemp t);
/* Store the cached v128 values newer than their slots; !keep also empties
 * the cache (before calls and at labels).  Before every branch, label and
 * call. */
void x64_vec_flush(X64Ctx *c, bool keep);
void x64_lower_vec(X64Ctx *c, const IROp *op);
/* lower-vec.c's cache for lower-vfp.c: t's register (its cache register,
 * or scratch xmm x loaded from its slot); d's register (a's when a dies
 * here and is in ra), nothing emitted. */
int x64_vsrc(X64Ctx *c, int x, IRTemp t);
int x64_vdst(X64Ctx *c, IRTemp d, IRTemp a, int ra);
/* xmm x = all ones in the lanes of xmm src that IR_VEC_FSPECIAL names;
 * false (nothing emitted) if the host lacks what esize needs, which
 * x64_fspecial_ok tells beforehand. */
bool x64_fspecial_ok(unsigned esize);
bool x64_emit_fspecial(X64Ctx *c, int x, int src, unsigned esize);
/* Its first two steps, SSE2 only: xmm x = t + bias for the lanes t of
 * xmm src taken as integers with their sign cleared; a lane is special
 * iff that is above (signed) the lane at x64_fspecial_limit, which a
 * scalar compares in a general register. */
void x64_emit_fbias(X64Ctx *c, int x, int src, unsigned esize);
X64Mem x64_fspecial_limit(unsigned esize);
/* Copies of scalar locals in the xmm cache (lower-fp.c's fpop results):
 * find t's (-1: none); make a clean entry for d, a's register ra when a
 * dies here (as x64_vdst; the caller sets ts[d].xshadow once d is
 * defined); drop t's.  x64_live_xmm: the cache registers holding values
 * (and the pinned ones), but r -- what a stub must keep over its call. */
int x64_xshadow_find(X64Ctx *c, IRTemp t);
int x64_xshadow_new(X64Ctx *c, IRTemp d, IRTemp a, int ra);
void x64_xshadow_drop(X64Ctx *c, IRTemp t);
uint16_t x64_live_xmm(const X64Ctx *c, int r);
/* vfpop (lower-vfp.c): the host's SSE when ir_fp_fast and the result
 * allow, else the helper from an out-of-line stub. */
void x64_lower_vfpop(X64Ctx *c, const IROp *op);
/* Its stub's parts before the call: the Inexact probe, the zero test. */
void x64_vfp_prelude(X64Ctx *c, const X64SlowPath *sp);

/* ---- lower.c / lower-alu.c ---- */

/* The host operand of guest address temp a (see lower.c). */
X64Mem x64_guest_addr(X64Ctx *c, IRTemp a);
/* rd = memop load from m, extended to the op width (w); store the low
 * bytes of v (read at width w) to m.  Both may use X64_SCRATCH. */
void x64_load_value(X64Ctx *c, unsigned mo, bool w, int rd, X64Mem m);
void x64_store_value(X64Ctx *c, unsigned mo, bool w, IRTemp v, X64Mem m);

/* ---- lower-slow.c, lower-softmmu.c, lower-fp.c ---- */

/* A new slow path calling fn (no branch, argument or result yet). */
X64SlowPath *x64_slow_new(X64Ctx *c, uintptr_t fn);
void x64_slow_arg_reg(X64SlowPath *sp, int reg);
void x64_slow_arg_val(X64SlowPath *sp, uint64_t val);
/* The slow path stores the globals that are dirty now (instead of the
 * fast path's ra_sync_globals): for an op that may fault only there. */
void x64_slow_sync(X64Ctx *c, X64SlowPath *sp);
/* A conditional branch to the slow path, here. */
void x64_slow_jcc(X64Ctx *c, X64SlowPath *sp, X64Cond cc);
void x64_slow_jmp(X64Ctx *c, X64SlowPath *sp);
/* An FP stub's probe of Inexact (lower-slow.c): begin saves the xmm
 * registers in save and clears MXCSR's flags; the caller computes; end
 * ors ir_fp_fast's sticky bit into env if the host saw Inexact, restores
 * and jumps to back. */
void x64_ixc_begin(X64Ctx *c, uint16_t save);
void x64_ixc_end(X64Ctx *c, uint16_t save, uint32_t back);
/* The xmm registers in save to the stack, from rsp + below up (below:
 * bytes the caller keeps for itself), and back. */
void x64_xmm_save(X64Ctx *c, uint16_t save, int below);
void x64_xmm_restore(X64Ctx *c, uint16_t save, int below);
/* Emits every slow path of the block (after its ops). */
void x64_slow_stubs(X64Ctx *c);

/* ld/st with IR_MO_MMU: the inline TLB probe and the access. */
void x64_softmmu_ld(X64Ctx *c, const IROp *op);
void x64_softmmu_st(X64Ctx *c, const IROp *op);
/* fpop: the host FPU when ir_fp_fast allows, else its helper; its
 * stub's Inexact probe. */
void x64_lower_fpop(X64Ctx *c, const IROp *op);
void x64_fp_ixc_probe(X64Ctx *c, const X64SlowPath *sp);
/* The packed add, sub, mul, div of singles [0] and doubles [1]. */
extern const X64SseOp x64_fp_ops[2][4];
/* ir_fp_fast's tests of the control and sticky words: to the slow path
 * unless round to nearest without flushing; with IXC clear, to the slow
 * path too, or (probe) to the Inexact probe, noting sp->ixc_at. */
void x64_fp_mode_tests(X64Ctx *c, X64SlowPath *sp, bool probe);

/* A source operand: a sign-extended imm32, or a register. */
typedef struct X64Opnd {
    bool imm;
    int32_t val;
    int reg;
    int8_t bit;      /* x64_cmp_operand: a TST of bit - 1 alone, when nonzero */
} X64Opnd;

/* t as an immediate if it is a constant that fits the op width (w), else
 * in a (locked) register. */
X64Opnd x64_operand(X64Ctx *c, IRTemp t, bool w);
/* y of a comparison by cond: as x64_operand, but a TSTEQ/TSTNE mask of
 * one bit that no sign-extended imm32 holds (bits 31..63 at 64 bits) is
 * marked for x64_emit_cmp's bt or sign test instead of loaded. */
X64Opnd x64_cmp_operand(X64Ctx *c, IRCond cond, IRTemp y, bool w);
/* Output register of an op that reads all its (already locked) inputs
 * before writing the output: d's own register if d is an input, else a
 * dying input's register, else a fresh one. */
int x64_out3(X64Ctx *c, const IROp *op);
/* Normalise cond(x, y) for emit_cmp (a lone constant goes to y); false
 * when the outcome is known at translation time, given in *known. */
bool x64_cond_prepare(X64Ctx *c, IRCond *cond, IRTemp *x, IRTemp *y, bool w,
                      bool *known);
/* Set the flags for cond(rx, y); returns the x86 condition to test. */
X64Cond x64_emit_cmp(X64Ctx *c, IRCond cond, bool w, int rx, X64Opnd y);

void x64_lower_mov(X64Ctx *c, const IROp *op);
void x64_lower_alu(X64Ctx *c, const IROp *op);
void x64_lower_mul(X64Ctx *c, const IROp *op);
void x64_lower_mulh(X64Ctx *c, const IROp *op);
void x64_lower_div(X64Ctx *c, const IROp *op);
void x64_lower_andc(X64Ctx *c, const IROp *op);
void x64_lower_eqv(X64Ctx *c, const IROp *op);
void x64_lower_shift(X64Ctx *c, const IROp *op);
void x64_lower_unary(X64Ctx *c, const IROp *op);
void x64_lower_clz_ctz(X64Ctx *c, const IROp *op);
void x64_lower_ctpop(X64Ctx *c, const IROp *op);
void x64_lower_ext(X64Ctx *c, const IROp *op);
void x64_lower_extract(X64Ctx *c, const IROp *op);
void x64_lower_deposit(X64Ctx *c, const IROp *op);
void x64_lower_setcond(X64Ctx *c, const IROp *op);
void x64_lower_movcond(X64Ctx *c, const IROp *op);

#endif
