/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The backend contract (x86-64 code generator, translate/x86_64/).
 *
 *  x64_init          emit the prologue and epilogue once into the code buffer
 *                    (before code_buf.reset_to is set); frame_off is where
 *                    the guest CPU state holds its ExecJitFrame (exec.h).
 *  x64_enter         run generated code: saves host callee-saved registers,
 *                    points the env register at env, jumps to code; returns the
 *                    TB exit value of tb.h.
 *  x64_gen_tb        emit tb's host code from its optimised IR at
 *                    code_buf.rw + code_buf.used and advance used; fill
 *                    tb->host_code/host_size/jmp_*_off/insns/ninsns (insns
 *                    malloc'ed, owned by tb).  Returns X64_GEN_OK, or
 *                    X64_GEN_FULL if the buffer ran out, or X64_GEN_TOO_BIG if
 *                    the block needs more spill slots than the frame has (the
 *                    caller retranslates with fewer instructions); on failure
 *                    nothing is committed.
 *  x64_set_jump      point goto_tb slot n of tb at target (an rx address),
 *                    atomically with respect to threads running tb.
 *  x64_set_ic        make tb's register-branch inline cache (ic_imm_off)
 *                    hold pc, before slot 1 is pointed at pc's block.
 *  x64_lookup_exit   rx address that returns 0|TB_EXIT_NOCHAIN to the
 *                    dispatcher (what helper_lookup_tb_ptr returns on a miss).
 *  x64_fault_restore for a fault at host_pc in tb's code: the guest
 *                    registers its fault map (faultmap.c) says were only in
 *                    host registers at that access, from regs[] (the host's,
 *                    in x86 encoding order) into env; false if none.
 *  x64_code_bytes    the length of tb's code without the map after it.
 *
 * goto_ptr: when exec_lookup_inline, generated code probes env's jump
 * cache (cache.h TBJmpCache) for env->pc and the block's own flags (flags
 * change only at exits to the dispatcher, never across goto_ptr) and jumps
 * to the entry's host code; otherwise, or on a miss, it calls exec.c's
 * helper_lookup_tb_ptr(env) and jumps to the address it returns.  Guest
 * calls and returns (ir.h IR_PTR_*) go through the host's call and ret
 * unless -chain off (x86_64/lower.c, "return-address frames"); a call's
 * goto_tb then uses both slots: 0 is the call (its unchained target is
 * jmp_reset_off[0], past the continuation), 1 the continuation's jump to
 * the return address.
 */
#ifndef GUISE_BACKEND_H
#define GUISE_BACKEND_H

#include <stdbool.h>
#include <stdint.h>
#include "exec.h"
#include "ir.h"
#include "tb.h"

void x64_init(int32_t frame_off);
uintptr_t x64_enter(CPUCommon *env, const void *code);
enum { X64_GEN_OK = 0, X64_GEN_FULL = -1, X64_GEN_TOO_BIG = -2 };
int x64_gen_tb(TB *tb, IRBlock *b);
void x64_set_jump(TB *tb, int slot, const void *target);
void x64_set_ic(TB *tb, uint64_t pc);
const void *x64_lookup_exit(void);
bool x64_fault_restore(const TB *tb, uintptr_t host_pc, CPUCommon *env, const uint64_t regs[16]);
uint32_t x64_code_bytes(const TB *tb);

/* The persistent translation cache (tcache.h) stores a block's host code
 * with the host addresses in it as relocations: a rel32 or imm64 at byte
 * off of the code, whose value is image-relative (guise's own functions),
 * relative to the code buffer's start (the shared epilogue) or relative
 * to the block's TB record.
 *  x64_tc_relocs   after x64_gen_tb with x64_record_relocs set: the
 *                  relocations of the block just generated, into out[max];
 *                  returns their number, or -1 when the code holds an
 *                  address none of these can express (then it is not kept).
 *  x64_tc_place    copy such code into the buffer for tb and apply the
 *                  relocations; fills tb->host_code/host_size and advances
 *                  code_buf.used.  False (nothing committed) when the buffer
 *                  is full or a rel32 no longer reaches its target. */
enum { TC_RELOC_IMAGE_REL32, TC_RELOC_IMAGE_ABS64, TC_RELOC_STUB_REL32, TC_RELOC_TB_ABS64,
       TC_RELOC_TB_OFF32, TC_RELOC_KINDS };
typedef struct TCReloc {
    uint32_t off;
    uint32_t kind;
    uint64_t value;
} TCReloc;
extern bool x64_record_relocs;
/* Hash of what else shapes the code: host CPU features, options. */
uint64_t x64_config_hash(void);
int x64_tc_relocs(const TB *tb, TCReloc *out, unsigned max);
bool x64_tc_place(TB *tb, const uint8_t *code, uint32_t size, const TCReloc *r, unsigned n);

/* Defined in exec.c: host code for the block at env->pc, or x64_lookup_exit(). */
const void *helper_lookup_tb_ptr(CPUCommon *env);
/* May goto_ptr probe the jump cache inline?  Set by exec_init. */
extern bool exec_lookup_inline;

/* Guest memory base added to every guest address (0 for 64-bit guests). */
extern uintptr_t guest_base;

/* The IR interpreter (translate/interp/): interp_prepare pre-decodes
 * tb->ir into tb->icode (owned by tb, freed by interp_free); interp_run
 * runs it and returns a TB exit value. */
void interp_prepare(TB *tb);
void interp_free(TB *tb);
uintptr_t interp_run(TB *tb, CPUCommon *env);

#endif
