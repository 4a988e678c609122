/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * More vector kinds of the IR, continuing ir.h's IRVecKind after
 * IR_VEC_COUNT (ir_vec_eval accepts kinds below IR_VEC_XCOUNT): the
 * saturating narrowings (the SSE packs), one AES round step, the 64-bit
 * carry-less multiply and the SHA-256 steps.  Frontends emit them as
 * vec1/vec2/vec3 ops; the x86-64 backend lowers them to PACKSS/PACKUS,
 * AES-NI, PCLMULQDQ and SHA-NI (lower-vec.c) where the host has them, and
 * ir_vec_eval() (ir-vec.c, with ir-vec-crypto.c for the cryptographic
 * ones) is the C definition the interpreter and the backend's fallback
 * share.  They belong in IRVecKind itself (after IR_VEC_FMS, so that
 * the vec2/vec1 ranges test-ir.c draws from stay as they are); then
 * IR_VEC_EXT_FIRST becomes IR_VEC_SQXTN there, IR_VEC_XCOUNT IR_VEC_COUNT,
 * and this header keeps only the two functions.
 *
 * The byte, word and lane orders are the guest's little-endian vectors:
 * an AES state is the 16 bytes in FIPS-197 order (byte i is row i % 4 of
 * column i / 4), a SHA-256 state vector holds a, b, c, d (or e, f, g, h)
 * in 32-bit lanes 0..3.
 */
#ifndef GUISE_IR_VEC_EXT_H
#define GUISE_IR_VEC_EXT_H

#include "ir.h"

enum {
    /* vec2: the lanes of a (esize 1..3, the wide size) then those of b,
     * each narrowed to half its width with saturation, as one vector
     * (d's lower half from a, upper half from b) */
    IR_VEC_SQXTN = IR_VEC_COUNT,   /* signed to signed */
    IR_VEC_UQXTN,                  /* unsigned to unsigned */
    IR_VEC_SQXTUN,                 /* signed to unsigned */
    /* vec2 */
    IR_VEC_AESE,                  /* SubBytes(ShiftRows(a ^ b)) */
    IR_VEC_AESD,                  /* InvSubBytes(InvShiftRows(a ^ b)) */
    IR_VEC_CLMUL,      /* 128-bit carry-less product of a.u64[imm & 1]
                        * and b.u64[(imm >> 4) & 1] (the PCLMULQDQ imm) */
    IR_VEC_SHA256SU0,  /* Arm SHA256SU0: a = Vd (w0..w3), b = Vn (w4..w7) */
    /* vec1 */
    IR_VEC_AESMC,      /* MixColumns(a) */
    IR_VEC_AESIMC,     /* InvMixColumns(a) */
    /* vec3 */
    IR_VEC_SHA256H,    /* Arm SHA256H: four rounds, a = abcd, b = efgh,
                        * c = w + k; the new abcd */
    IR_VEC_SHA256H2,   /* Arm SHA256H2: a = efgh, b = abcd, c = w + k;
                        * the new efgh */
    IR_VEC_SHA256SU1,  /* Arm SHA256SU1: a = Vd, b = Vn, c = Vm */
    IR_VEC_XCOUNT
};
/* The first of them: code tells them from ir.h's kinds by this. */
#define IR_VEC_EXT_FIRST IR_VEC_SQXTN

/* d = kind(a, b, c) for the cryptographic kinds (IR_VEC_AESE on; imm:
 * IR_VEC_CLMUL's lanes); called by ir_vec_eval.  d may alias the inputs. */
void ir_vec_eval_crypto(unsigned kind, unsigned imm, IRVec *d, const IRVec *a,
                        const IRVec *b, const IRVec *c);
const char *ir_vec_ext_name(unsigned kind);

#endif
