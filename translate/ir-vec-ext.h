/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The last vector kinds of ir.h's IRVecKind, from IR_VEC_EXT_FIRST on:
 * the saturating narrowings (the SSE packs), one AES round step, the
 * 64-bit carry-less multiply and the SHA-256 steps.  Frontends emit them as
 * vec1/vec2/vec3 ops; the x86-64 backend lowers them to PACKSS/PACKUS,
 * AES-NI, PCLMULQDQ and SHA-NI (lower-vec.c) where the host has them, and
 * ir_vec_eval() (ir-vec.c, with ir-vec-crypto.c for the cryptographic
 * ones) is the C definition the interpreter and the backend's fallback
 * share.  They come after IR_VEC_FMS, so that the vec2/vec1 ranges
 * test-ir.c draws from stay as they are.
 *
 * The byte, word and lane orders are the guest's little-endian vectors:
 * an AES state is the 16 bytes in FIPS-197 order (byte i is row i % 4 of
 * column i / 4), a SHA-256 state vector holds a, b, c, d (or e, f, g, h)
 * in 32-bit lanes 0..3.
 */
#ifndef GUISE_IR_VEC_EXT_H
#define GUISE_IR_VEC_EXT_H

#include "ir.h"

/* The first of them: code tells them from the others by this. */
#define IR_VEC_EXT_FIRST IR_VEC_SQXTN

/* d = kind(a, b, c) for the cryptographic kinds (IR_VEC_AESE on; imm:
 * IR_VEC_CLMUL's lanes); called by ir_vec_eval.  d may alias the inputs. */
void ir_vec_eval_crypto(unsigned kind, unsigned imm, IRVec *d, const IRVec *a,
                        const IRVec *b, const IRVec *c);
const char *ir_vec_ext_name(unsigned kind);

#endif
