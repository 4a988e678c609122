/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the Advanced SIMD extension decoder (simd-ext.c) and its C
 * helper (helper-simd-ext.c): FEAT_I8MM, FEAT_FCMA and FEAT_BF16.  Each instruction is
 * one call of helper_simd_ext(env, desc); desc packs a SimdExtDesc.
 */
#ifndef GUISE_A64_SIMD_EXT_H
#define GUISE_A64_SIMD_EXT_H

#include "simd.h"

enum {
    SIMD_EXT_USDOT, SIMD_EXT_SUDOT,                     /* FEAT_I8MM */
    SIMD_EXT_SMMLA, SIMD_EXT_UMMLA, SIMD_EXT_USMMLA,
    SIMD_EXT_FCADD, SIMD_EXT_FCMLA,                     /* FEAT_FCMA */
    SIMD_EXT_BFDOT, SIMD_EXT_BFMMLA, SIMD_EXT_BFMLAL,   /* FEAT_BF16 */
    SIMD_EXT_BFCVTN, SIMD_EXT_BFCVT,
};

typedef struct SimdExtDesc {
    unsigned op;          /* SIMD_EXT_* */
    unsigned rd, rn, rm;
    unsigned esize;       /* log2 element bytes (FCMA: 1, 2 or 3) */
    unsigned oprsz;       /* 8 or 16 */
    int idx;              /* by-element index (of a 32-bit group, a
                             complex pair or a BF16 element), or -1 */
    unsigned rot;         /* FCADD: 0 = 90, 1 = 270; FCMLA: 0..3 x 90;
                             BFMLAL: 1 for T (odd elements); BFCVTN: 1
                             for BFCVTN2 (upper half) */
} SimdExtDesc;

static inline uint64_t simd_ext_pack(const SimdExtDesc *x)
{
    return (uint64_t)x->rd | (uint64_t)x->rn << 5 | (uint64_t)x->rm << 10 |
           (uint64_t)x->op << 15 | (uint64_t)x->esize << 20 |
           (uint64_t)(x->oprsz == 16) << 22 | (uint64_t)x->rot << 23 |
           (uint64_t)(x->idx >= 0 ? 8 | x->idx : 0) << 25;
}

static inline void simd_ext_unpack(uint64_t v, SimdExtDesc *x)
{
    x->rd = v & 31;
    x->rn = (v >> 5) & 31;
    x->rm = (v >> 10) & 31;
    x->op = (v >> 15) & 31;
    x->esize = (v >> 20) & 3;
    x->oprsz = (v >> 22) & 1 ? 16 : 8;
    x->rot = (v >> 23) & 3;
    x->idx = (v >> 25) & 8 ? (int)((v >> 25) & 7) : -1;
}

uint64_t helper_simd_ext(uint64_t env, uint64_t desc);
extern IRHelper helper_desc_simd_ext;

#endif
