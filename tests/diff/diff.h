/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the programs of the differential check (tests/diff/): the
 * layout of the state record the generated guest program writes after each
 * block, the scratch buffer memory instructions use, and the generator's
 * program description (gen.c picks the instructions, gen-asm.c writes the
 * assembly and the listing, cmp.c reads both back).
 */
#ifndef GUISE_DIFF_H
#define GUISE_DIFF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* One state record, as the guest program stores it (little-endian):
 * X0-X30, SP, NZCV, FPSR, FPCR, padding, then V0-V31 (16 bytes each). */
#define DIFF_OFF_X(n)    ((n) * 8)
#define DIFF_OFF_SP      248
#define DIFF_OFF_NZCV    256
#define DIFF_OFF_FPSR    264
#define DIFF_OFF_FPCR    272
#define DIFF_OFF_V(n)    (288 + (n) * 16)
#define DIFF_STATE_SIZE  800

/* Memory forms get their base at scratch + DIFF_SCRATCH_BASE: room for
 * negative offsets below, for imm12 << 4 or a 12-bit register offset
 * shifted by 4 plus a 64-byte structure above. */
#define DIFF_SCRATCH_SIZE 0x12000
#define DIFF_SCRATCH_BASE 0x1000

/* Registers reloaded with fresh random values before each block, so edge
 * values keep flowing in after the first results overwrite them. */
#define DIFF_REFRESH 3

/* A listing line "R block reg lo hi" is such a reload: reg < 32 is Xreg
 * (lo), else V(reg - 32) (hi:lo).  If line is one for `block`, apply it
 * to the state record and return true. */
static inline bool diff_apply_refresh(uint8_t *state, const char *line, unsigned block)
{
    unsigned b, r;
    unsigned long long lo, hi;

    if (sscanf(line, "R %u %u %llx %llx", &b, &r, &lo, &hi) != 4 || b != block || r >= 64)
        return false;
    for (unsigned i = 0; i < 16; i++) {
        uint8_t byte = (uint8_t)((i < 8 ? lo : hi) >> (8 * (i & 7)));
        if (r < 32 && i < 8)
            state[DIFF_OFF_X(r) + i] = byte;
        else if (r >= 32)
            state[DIFF_OFF_V(r - 32) + i] = byte;
    }
    return true;
}

typedef struct DiffInsn {
    uint32_t word;
    const char *name;         /* the decode table row */
    int base;                 /* memory forms: Xn to point at scratch, else -1 */
    int and_reg;              /* X register to AND with and_mask first, or -1 */
    uint32_t and_mask;        /* a logical immediate: register offsets, MSR values */
} DiffInsn;

typedef struct DiffProgram {
    unsigned nblocks, per_block;
    DiffInsn *insns;          /* nblocks * per_block */
    uint8_t state[DIFF_STATE_SIZE];   /* initial state */
    bool fz16;                /* FPCR.FZ16 exists (FEAT_FP16) */
    bool no_refresh;          /* replay: the state has the reloads already */
} DiffProgram;

/* Random numbers of one run (gen.c). */
void diff_srand(uint64_t seed);
uint64_t diff_rand(void);

/* Fill p->state with random register values rich in edge values. */
void diff_random_state(DiffProgram *p);

/* Set p up to replay block `block` of listing lst one instruction per
 * block from the state record in file state.  False (message printed) on
 * unreadable input. */
bool diff_replay_setup(DiffProgram *p, const char *lst, unsigned block, const char *state);

/* Write the assembly program and its listing; false on an I/O error. */
bool diff_write_program(const DiffProgram *p, const char *asm_path, const char *lst_path);

#endif
