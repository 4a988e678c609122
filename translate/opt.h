/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IR optimiser: cheap passes run on every block between the frontend
 * and the backend.  Each pass rewrites the block in place:
 *   opt_fold   constant folding and propagation, algebraic identities
 *   opt_copy   copy propagation of locals; in its walk, opt_narrow: a
 *              64-bit op and the ext32u of its result as one 32-bit op
 *   opt_dce    dead code and dead global (incl. guest flag) stores
 *   opt_vec    vector and FP registers in env: loads forwarded from the
 *              value stored or loaded before, stores overwritten unread
 *              removed
 *   opt_loop   flag computations only one exit reads (a loop's exit, an
 *              early exit of a trace, or the exit whose next block does
 *              not set them first) moved to that exit
 *   opt_cold   a check's exception path moved behind the block's last
 *              exit, so the check falls through when it passes
 */
#ifndef GUISE_OPT_H
#define GUISE_OPT_H

#include "ir.h"

void opt_run(IRBlock *b);

void opt_fold(IRBlock *b);
bool opt_copy(IRBlock *b);     /* and opt_narrow; true: some read was replaced */
void opt_dce(IRBlock *b);
void opt_retarget(IRBlock *b);   /* op t; mov g, t -> op g (opt-copy.c) */
bool opt_vec(IRBlock *b);      /* true: some ldenv became a mov */
void opt_loop(IRBlock *b);
void opt_cold(IRBlock *b);
/* pairs: npairs (def op, ext32u op) index pairs; uses: reads per temp
 * (opt_copy calls it). */
void opt_narrow(IRBlock *b, const uint32_t *uses, const uint32_t *pairs, unsigned npairs);

/* Turn op into "mov d, src" (keeping its type). */
void opt_make_mov(IROp *op, IRTemp d, IRTemp src);
/* Turn op into a nop (a removed op; opt_dce compacts them away). */
void opt_make_nop(IROp *op);
#define IR_OP_NOP IR_OP_COUNT

/* Is op a pure computation (no memory, no control flow, no side effect)? */
bool opt_is_pure(const IROp *op);
/* Evaluate a pure op on constant inputs (in[] in input order); the
 * interpreter's semantics, which are the reference. */
uint64_t ir_eval_pure(const IROp *op, const uint64_t *in);

#endif
