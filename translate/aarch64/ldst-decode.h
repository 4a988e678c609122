/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a load/store encoding accesses (Arm ARM C4.1.94: size, V and opc),
 * shared by the translator (ldst.c) and the cold-code interpreter
 * (cold-ldst.c) so that both accept and reject the same encodings.
 */
#ifndef GUISE_A64_LDST_DECODE_H
#define GUISE_A64_LDST_DECODE_H

#include "fields.h"

/* One register's worth of memory access. */
typedef struct A64Mem {
    unsigned size;   /* log2 of the bytes: 0..3, 4 = Q register */
    bool sign;       /* sign-extending integer load */
    bool ext64;      /* ... to Xt (else to Wt) */
    bool vec;        /* FP/SIMD register */
} A64Mem;

enum { LDST_UNALLOC, LDST_ACCESS, LDST_PREFETCH };

/* "Load/store register" size:V:opc: LDST_ACCESS with *m and *load,
 * LDST_PREFETCH (PRFM) or LDST_UNALLOC. */
static inline int a64_ldst_decode(uint32_t insn, A64Mem *m, bool *load)
{
    unsigned size = size2(insn), opc = bits(insn, 22, 2);

    *m = (A64Mem){ .size = size };
    if (bits(insn, 26, 1)) {
        /* B/H/S/D by size; Q is size 00 with opc<1> set. */
        m->vec = true;
        m->size = size | ((opc >> 1) << 2);
        *load = opc & 1;
        return m->size <= 4 ? LDST_ACCESS : LDST_UNALLOC;
    }
    *load = opc != 0;
    switch (opc) {
    case 0: case 1:
        return LDST_ACCESS;
    case 2:                      /* LDRS* to Xt; PRFM for size 11 */
        if (size == 3)
            return LDST_PREFETCH;
        m->sign = m->ext64 = true;
        return LDST_ACCESS;
    default:                     /* LDRSB/LDRSH to Wt */
        m->sign = true;
        return size <= 1 ? LDST_ACCESS : LDST_UNALLOC;
    }
}

/* "Load/store register pair" opc:V (nt: LDNP/STNP): false if reserved
 * (STGP, MTE's, is not implemented). */
static inline bool a64_pair_decode(uint32_t insn, bool nt, A64Mem *m)
{
    unsigned opc = size2(insn);
    bool load = bits(insn, 22, 1);

    *m = (A64Mem){ 0 };
    if (bits(insn, 26, 1)) {
        if (opc == 3)
            return false;
        *m = (A64Mem){ .size = 2 + opc, .vec = true };
    } else if (opc == 1) {
        if (!load || nt)
            return false;
        *m = (A64Mem){ .size = 2, .sign = true, .ext64 = true };
    } else if (opc == 3) {
        return false;
    } else {
        m->size = 2 + (opc >> 1);
    }
    return true;
}

/* Is a pair one 16-byte access (user mode)?  An X pair is (FEAT_LSE2's
 * single-copy atomicity), unless based on SP (16-byte aligned, checked)
 * plus 8 * odd, where two 8-byte accesses are exact and cheaper. */
static inline bool a64_pair_x_whole(const A64Mem *m, unsigned rn, bool post, int64_t off)
{
    return !m->vec && m->size == 3 && !(rn == 31 && !post && (off & 15));
}

/* "Load register (literal)" opc:V: false for PRFM (*prefetch set) or the
 * reserved V=1 opc=11. */
static inline bool a64_literal_decode(uint32_t insn, A64Mem *m, bool *prefetch)
{
    static const A64Mem ints[3] = {
        { .size = 2 }, { .size = 3 }, { .size = 2, .sign = true, .ext64 = true },
    };
    unsigned opc = size2(insn);

    *prefetch = opc == 3 && !bits(insn, 26, 1);
    if (opc == 3)
        return false;
    *m = bits(insn, 26, 1) ? (A64Mem){ .size = 2 + opc, .vec = true } : ints[opc];
    return true;
}

#endif
