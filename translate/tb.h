/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A translation block: one guest block's host code (or optimised IR for the
 * interpreter), its chaining slots and the map from host code back to guest
 * instructions used for precise faults.  Owned by the code cache (cache.c).
 */
#ifndef GUISE_TB_H
#define GUISE_TB_H

#include <stdbool.h>
#include <stdint.h>

struct IRBlock;

typedef struct TBInsn {
    uint32_t host_off;   /* offset of the instruction's code in host_code */
    uint64_t pc;         /* its guest pc */
} TBInsn;

#define TB_NO_JUMP UINT32_MAX

typedef struct TB {
    /* What a lookup reads, in the first cache line (cache_alloc_tb
     * aligns the record). */
    uint64_t pc;             /* guest pc of the first instruction */
    uint64_t phys;           /* its physical address (user mode: = pc) */
    uint32_t flags;          /* the CPU state it was translated for (tb_id) */
    bool invalid;
    struct TB *hash_next;
    uint8_t *host_code;      /* executable address; NULL when interpreted */

    uint32_t guest_size;     /* bytes of guest code covered */
    uint32_t guest_before;   /* and bytes before pc the translation read */
    uint32_t ninsns;
    uint32_t host_size;
    struct IRBlock *ir;      /* the optimised IR (interpreter, logging) */
    struct InterpCode *icode; /* the interpreter's pre-decoded form of ir */

    /* Direct chaining.  goto_tb slot n is a jmp (or a guest call's call)
     * whose rel32 sits at host_code + jmp_insn_off[n]; unchained it
     * targets host_code + jmp_reset_off[n] (the exit that follows it). */
    uint32_t jmp_insn_off[2];
    uint32_t jmp_reset_off[2];
    struct TB *jmp_dest[2];
    /* The guest pc an unchained slot n exit leaves with, where the exit's
     * code does not store it itself (x86_64/lower.c epilogue_pc); else 0. */
    uint64_t exit_pc[2];
    struct TBLink *incoming;   /* blocks whose slots jump here */
    /* A register branch's inline cache (x86_64/lower.c): the offset of
     * the 8-byte guest pc that slot 1's chained jump is for, 0 if none. */
    uint32_t ic_imm_off;

    TBInsn *insns;            /* ninsns entries, ascending host_off */

    struct TB *page_next;     /* blocks on the same guest page */
} TB;

typedef struct TBLink {
    TB *from;
    int slot;
    struct TBLink *next;
} TBLink;

/* Value the generated code returns to the dispatcher:
 *   (uintptr_t)tb | slot     chained exit request from tb's goto_tb slot 0/1
 *   (uintptr_t)tb | 2        exit with no chaining (env->pc is set)
 *   code << 2 | 3            exception code (EXCP_*), env->pc set */
#define TB_EXIT_MASK    3
#define TB_EXIT_NOCHAIN 2
#define TB_EXIT_EXCP    3

#endif
