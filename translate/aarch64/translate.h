/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the aarch64 decode groups (int.c, ldst.c, branch.c, sys.c, fp.c,
 * simd.c): the disassembly context, the guest register globals and the
 * gen_ helpers every group uses.  Each group file ends with its decode table
 * (decode.h); translate.c chains the tables and runs the block loop.
 */
#ifndef GUISE_A64_TRANSLATE_H
#define GUISE_A64_TRANSLATE_H

#include <stddef.h>
#include "translate/decode.h"
#include "translate/ir.h"
#include "translate/translator.h"
#include "cpu.h"
#include "fields.h"

#define A64_TRACE_SIDE_MAX 8
#define A64_TRACE_SCAN_MAX 32    /* instructions trace.c looks at for the branch back */

typedef struct DisasContext {
    DisasBase base;
    CPUArm64State *env;
    const Arm64Model *model;
    uint64_t pc;          /* address of the instruction being translated */
    uint32_t insn;
    /* The last NZCV producer, for direct conditions (translate.c); a
     * CCMP/CCMN's holds where cond is nonzero, else NZCV is nzcv. */
    struct { uint8_t kind, nzcv; bool sf; uint32_t at; IRTemp a, b, r, cond; } cc;
    /* A loop trace (trace.c): the branch back to the start is at
     * trace_end (0: not a trace); the early exits taken so far. */
    uint64_t trace_end;
    unsigned nside;
    struct { uint32_t label; uint64_t dest; } side[A64_TRACE_SIDE_MAX];
    /* Its inner branches' targets, each with the label put before it. */
    unsigned ninner;
    struct { uint32_t label; uint64_t pc; bool placed; } inner[A64_TRACE_SCAN_MAX];
} DisasContext;

/* Block ended by a write to state the block was translated under. */
#define DISAS_UPDATE DISAS_ARCH

/* Globals (temp numbers, same in every block). */
extern IRTemp cpu_pc, cpu_x[32], cpu_nf, cpu_zf, cpu_cf, cpu_vf;

/* Decode tables of the groups, each ending with { NULL }. */
/* fp.c: the host-FPU conditions of fpop for aarch64 (ir_fp_fast). */
extern const IRFpFast a64_fp_fast;
extern const DecodePattern a64_int_patterns[];
extern const DecodePattern a64_branch_patterns[];
extern const DecodePattern a64_sys_patterns[];
extern const DecodePattern a64_ldst_patterns[];
extern const DecodePattern a64_atomic_patterns[];
extern const DecodePattern a64_fp_patterns[];
extern const DecodePattern a64_simd_patterns[];
extern const DecodePattern a64_simd_int_patterns[];
extern const DecodePattern a64_simd_shift_patterns[];
extern const DecodePattern a64_simd_fp_patterns[];
extern const DecodePattern a64_crypto_patterns[];
extern const DecodePattern a64_simd_ext_patterns[];
/* All of the above in priority order, NULL-terminated (translate.c). */
extern const DecodePattern *const a64_user_tables[];
/* Full-system mode (sys-el1.c): its decoder runs instead of user mode's. */
extern bool a64_system_mode;
bool a64_sys_decode(struct DisasContext *s, uint32_t insn);
/* The cold-code interpreter (cold.c): its decoder, built once, and the
 * GuestArch.run_cold hook. */
void a64_cold_init(void);
int a64_cold_run(CPUCommon *env);
/* The MMU index (cpu-system.h) of a block translated for env's state. */
unsigned a64_sys_block_mmu_idx(const CPUArm64State *env);

#define IRB(s) ((s)->base.b)

static inline IRTemp a64_tmp(DisasContext *s, IRType t) { return ir_new_temp(IRB(s), t); }
static inline IRTemp a64_const(DisasContext *s, IRType t, uint64_t v) { return ir_const(IRB(s), t, v); }

/* X[r] with r == 31 reading as zero (XZR) or as SP. */
IRTemp a64_reg(DisasContext *s, unsigned r);
IRTemp a64_reg_sp(DisasContext *s, unsigned r);
/* Write v to X[r]: zero-extended from 32 bits unless sf; XZR discards / SP. */
void a64_set_reg(DisasContext *s, unsigned r, IRTemp v, bool sf);
void a64_set_reg_sp(DisasContext *s, unsigned r, IRTemp v, bool sf);

/* base + off in a new temp; base itself when off is 0 (ldst.c). */
IRTemp gen_add_imm(DisasContext *s, IRTemp base, int64_t off);

/* Flags.  sf selects 64-bit (true) or 32-bit operation. */
void gen_logic_cc(DisasContext *s, bool sf, IRTemp res);      /* N,Z; C=V=0 */
IRTemp gen_add_cc(DisasContext *s, bool sf, IRTemp a, IRTemp b);
IRTemp gen_sub_cc(DisasContext *s, bool sf, IRTemp a, IRTemp b);
IRTemp gen_adc(DisasContext *s, bool sf, IRTemp a, IRTemp b);      /* a + b + C */
IRTemp gen_adc_cc(DisasContext *s, bool sf, IRTemp a, IRTemp b);
/* Set NZCV from a 4-bit value (bit 3 = N). */
void gen_set_nzcv_const(DisasContext *s, unsigned nzcv);
/* After CCMP/CCMN's flag selection: the comparison's record (the last
 * gen_sub_cc/gen_add_cc) stands for conditions where cond is nonzero;
 * elsewhere NZCV is nzcv. */
void gen_cc_only_if(DisasContext *s, IRTemp cond, unsigned nzcv);
/* Set NZCV from bits 31:28 of an i64 temp, and read them back. */
void gen_set_nzcv(DisasContext *s, IRTemp v);
IRTemp gen_get_nzcv(DisasContext *s);

/* Condition codes (the 4-bit cond field): 0/1 value, or branch if true. */
IRTemp gen_cond_val(DisasContext *s, unsigned cond);
void gen_brcond_cc(DisasContext *s, unsigned cond, uint32_t label);

/* Block ends.  Each sets is_jmp = DISAS_NORETURN. */
void gen_goto_pc(DisasContext *s, unsigned slot, uint64_t dest);
/* BL to dest (slot 0), the return address noted for the backend. */
void gen_call_pc(DisasContext *s, uint64_t dest);
/* Does the code at pc (on the block's page) set N, Z, C and V before it
 * reads them or branches (nzcv-live.c)? */
bool a64_nzcv_dead_at(DisasContext *s, uint64_t pc);
/* Discard NZCV on the path to dest when a64_nzcv_dead_at says so. */
void gen_discard_nzcv_if_dead(DisasContext *s, uint64_t dest);

/* Loop traces (trace.c).  a64_trace_scan: is the block from start a loop
 * with early exits and inner forward branches only?  a64_trace_inner: for
 * a branch to dest, forward inside the trace, the label of dest, true.
 * a64_trace_branch: for a conditional branch inside the trace, the label
 * its brcond jumps to (dest's, or a new side exit's), true; false at the
 * end of the trace or outside one (the branch ends the block).
 * a64_trace_insn_start: before the instruction at pc, the label of the
 * inner branches to it, if any.  a64_trace_finish: the side exits' code,
 * after the block's last exit. */
void a64_trace_scan(DisasContext *s, uint64_t start, unsigned max_insns);
bool a64_trace_inner(DisasContext *s, uint64_t dest, uint32_t *label);
bool a64_trace_branch(DisasContext *s, uint64_t dest, uint32_t *label);
void a64_trace_finish(DisasContext *s);
void a64_trace_insn_start(DisasContext *s, uint64_t pc);
/* A branch to a register's address: a jump, return or call (IR_PTR_*). */
void gen_goto_reg(DisasContext *s, IRTemp dest, unsigned kind);
void gen_exception(DisasContext *s, unsigned excp, uint64_t pc);
/* Undefined or unimplemented encoding at s->pc: SIGILL in the guest,
 * reported once under -d unimp. */
void gen_undef(DisasContext *s);

/* Memory accesses (ldst.c, used by atomic.c).  gen_ldst_base: Xn|SP as the
 * base of an access, raising the SP alignment fault first when it is a
 * misaligned SP.  gen_check_align: EXCP_ALIGN (fault_addr = addr) at s->pc
 * unless addr is aligned to bytes (a power of 2), or with granule (the
 * FEAT_LSE2 rule) unless [addr, addr + bytes) is within 16 aligned bytes. */
IRTemp gen_ldst_base(DisasContext *s, unsigned rn);
void gen_check_align(DisasContext *s, IRTemp addr, unsigned bytes, bool granule);
/* 128-bit compare-and-swap helpers (helper-mem.c). */
extern IRHelper helper_desc_stxp128, helper_desc_casp128;

/* Offset of the 64-bit half (0 low, 1 high) of V[n] in the CPU state. */
static inline int32_t vreg_off(unsigned n, unsigned half)
{
    return (int32_t)(offsetof(CPUArm64State, v) + n * 16 + half * 8);
}
#define env_off(field) ((int32_t)offsetof(CPUArm64State, field))

/* Helpers: declare with A64_HELPER(name, nargs, flags) next to the C
 * function uint64_t helper_name(...). */
#define A64_HELPER(fname, n, fl) \
    IRHelper helper_desc_##fname = { (void *)helper_##fname, #fname, n, fl, 0 }

#endif
