/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The guest frontend contract.  A frontend describes itself with a
 * GuestArch; its translate hook runs translator_loop() with its
 * TranslatorOps, which walks guest instructions and calls the frontend once
 * per instruction.  The loop stops at a branch (the frontend sets is_jmp),
 * at max_insns, or before an instruction that would leave the first page.
 */
#ifndef GUISE_TRANSLATOR_H
#define GUISE_TRANSLATOR_H

#include <stdint.h>
#include <stdio.h>
#include "exec.h"
#include "ir.h"

enum {
    DISAS_NEXT,       /* keep translating */
    DISAS_TOO_MANY,   /* stop; the block continues at pc_next (tb_stop chains) */
    DISAS_NORETURN,   /* stop; the frontend has emitted the block's exit */
    DISAS_ARCH,       /* first frontend-specific value */
};

typedef struct DisasBase {
    IRBlock *b;
    CPUCommon *env;
    uint64_t pc_first;     /* pc of the block */
    uint64_t pc_next;      /* pc of the next instruction to translate */
    unsigned num_insns, max_insns;
    int is_jmp;
} DisasBase;

typedef struct TranslatorOps {
    /* Translate the instruction at db->pc_next and advance pc_next. */
    void (*translate_insn)(DisasBase *db);
    /* The first instruction cannot be fetched: emit the fetch fault. */
    void (*fetch_fault)(DisasBase *db);
    /* Emit the block's end when is_jmp is not DISAS_NORETURN. */
    void (*tb_stop)(DisasBase *db);
    /* Optional: before the instruction at pc (its insn_start), such as
     * the label of branches to it from inside the block. */
    void (*before_insn)(DisasBase *db, uint64_t pc);
} TranslatorOps;

/* Fill db->b with the block at pc.  db's frontend part must be set up. */
void translator_loop(const TranslatorOps *ops, DisasBase *db, CPUCommon *env,
                     uint64_t pc, unsigned max_insns);

/* Fetch a 32-bit instruction word (after the loop checked the page). */
uint32_t translator_ldl(DisasBase *db, uint64_t pc);

typedef struct GuestArch {
    const char *name;
    IRGlobals globals;
    void (*init)(struct GuestArch *arch);   /* declare globals, build tables */
    /* Build the IR of the block at pc into b (already ir_block_init'ed with
     * the globals above); returns the guest bytes covered. */
    uint32_t (*translate)(IRBlock *b, CPUCommon *env, uint64_t pc,
                          unsigned max_insns);
    /* Full-system mode: the flags of the CPU state a block at pc is
     * translated for (exception level, MMU regime...) and the physical
     * address of pc; false when pc cannot be fetched now (the dispatcher
     * returns EXCP_FAULT_FETCH).  NULL in user mode: flags 0, physical =
     * virtual.  Blocks are found by all three. */
    bool (*tb_id)(CPUCommon *env, uint64_t pc, uint32_t *flags, uint64_t *phys);
    /* Optional, with tb_id: the flags alone, cheaply.  Then a jump-cache
     * entry of the same pc and flags is used without working out the
     * physical address, which the CPU layer allows by clearing the jump
     * cache (exec_jmp_cache_clear) whenever its translations may change,
     * and direct chaining stays within a guest page (a jump to another
     * page looks its block up again). */
    uint32_t (*tb_flags)(CPUCommon *env);
    /* Optional, user mode: run guest code from env->pc in an interpreter
     * that needs no translation (the cold-code tier, exec.c).  Returns an
     * exception code (env->pc set as a block's exit would), 0 to have the
     * dispatcher go on at env->pc, or EXEC_COLD_TRANSLATE: translate the
     * block at env->pc (an instruction the interpreter leaves to the
     * translator). */
    int (*run_cold)(CPUCommon *env);
    int cs_arch, cs_mode;                    /* capstone, for -d in_asm */
    size_t jit_frame_off;                    /* the state's ExecJitFrame (exec.h) */
    void (*dump_state)(FILE *f, const CPUCommon *env);  /* -d cpu */
} GuestArch;

#endif
