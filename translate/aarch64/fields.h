/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Named instruction fields, as the Arm ARM names them.  Handlers read
 * fields through these so that a row's pattern and its handler agree.
 */
#ifndef GUISE_A64_FIELDS_H
#define GUISE_A64_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

static inline uint32_t bits(uint32_t insn, unsigned pos, unsigned len)
{
    return (insn >> pos) & ((1u << len) - 1);
}
static inline int64_t sbits(uint32_t insn, unsigned pos, unsigned len)
{
    return (int64_t)((uint64_t)bits(insn, pos, len) << (64 - len)) >> (64 - len);
}

static inline unsigned rd(uint32_t i)     { return bits(i, 0, 5); }
static inline unsigned rt(uint32_t i)     { return bits(i, 0, 5); }
static inline unsigned rn(uint32_t i)     { return bits(i, 5, 5); }
static inline unsigned rt2(uint32_t i)    { return bits(i, 10, 5); }
static inline unsigned ra(uint32_t i)     { return bits(i, 10, 5); }
static inline unsigned rm(uint32_t i)     { return bits(i, 16, 5); }
static inline unsigned rs(uint32_t i)     { return bits(i, 16, 5); }
static inline bool     sf(uint32_t i)     { return bits(i, 31, 1); }
static inline unsigned opc2(uint32_t i)   { return bits(i, 29, 2); }   /* opc of data-proc */
static inline unsigned imm12(uint32_t i)  { return bits(i, 10, 12); }
static inline unsigned imm6(uint32_t i)   { return bits(i, 10, 6); }
static inline unsigned imms(uint32_t i)   { return bits(i, 10, 6); }
static inline unsigned immr(uint32_t i)   { return bits(i, 16, 6); }
static inline unsigned N_(uint32_t i)     { return bits(i, 22, 1); }
static inline unsigned shift2(uint32_t i) { return bits(i, 22, 2); }
static inline unsigned hw(uint32_t i)     { return bits(i, 21, 2); }
static inline unsigned imm16(uint32_t i)  { return bits(i, 5, 16); }
static inline unsigned cond4(uint32_t i)  { return bits(i, 12, 4); }
static inline unsigned size2(uint32_t i)  { return bits(i, 30, 2); }
static inline unsigned option3(uint32_t i){ return bits(i, 13, 3); }
static inline unsigned imm3(uint32_t i)   { return bits(i, 10, 3); }
static inline int64_t  imm26(uint32_t i)  { return sbits(i, 0, 26); }
static inline int64_t  imm19(uint32_t i)  { return sbits(i, 5, 19); }
static inline int64_t  imm14(uint32_t i)  { return sbits(i, 5, 14); }
static inline int64_t  imm9(uint32_t i)   { return sbits(i, 12, 9); }
static inline int64_t  imm7(uint32_t i)   { return sbits(i, 15, 7); }
static inline unsigned b5b40(uint32_t i)  { return (bits(i, 31, 1) << 5) | bits(i, 19, 5); }
static inline unsigned ftype(uint32_t i)  { return bits(i, 22, 2); }
static inline bool     Q(uint32_t i)      { return bits(i, 30, 1); }
static inline bool     U(uint32_t i)      { return bits(i, 29, 1); }

/* DecodeBitMasks() of a logical immediate (int.c): false for the
 * reserved encodings. */
bool a64_logic_imm(bool is64, unsigned n, unsigned immr, unsigned imms, uint64_t *out);

/* The direct branches (immediate offset), for code that looks ahead. */
typedef enum {
    A64_BR_NONE,    /* not a direct branch */
    A64_BR_B,       /* B */
    A64_BR_BL,      /* BL */
    A64_BR_COND,    /* B.cond (AL and NV branch always) */
    A64_BR_CB,      /* CBZ, CBNZ, TBZ, TBNZ */
} A64DirectBranch;

/* insn's kind as a direct branch; *off its byte offset from its own pc. */
static inline A64DirectBranch a64_direct_branch(uint32_t insn, int64_t *off)
{
    if ((insn & 0x7c000000) == 0x14000000) {            /* B, BL */
        *off = imm26(insn) * 4;
        return bits(insn, 31, 1) ? A64_BR_BL : A64_BR_B;
    }
    if ((insn & 0xff000010) == 0x54000000) {            /* B.cond */
        *off = imm19(insn) * 4;
        return A64_BR_COND;
    }
    if ((insn & 0x7e000000) == 0x34000000) {            /* CBZ, CBNZ */
        *off = imm19(insn) * 4;
        return A64_BR_CB;
    }
    if ((insn & 0x7e000000) == 0x36000000) {            /* TBZ, TBNZ */
        *off = imm14(insn) * 4;
        return A64_BR_CB;
    }
    return A64_BR_NONE;
}

#endif
