/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Copy propagation.  After "mov d, s" with d a local, later reads of d read
 * s directly, until d or s is written again (or, for a global s, a helper
 * that may write globals runs, or a label merges control flow).  The mov
 * itself is left for opt_dce to remove when d becomes unused.
 *
 * The same walk counts the reads of every temp (after the rewriting) and
 * notes each ext32u right after the op that defines its input, for
 * opt_narrow, which runs on them at the end (one walk for both passes:
 * each walk of a block's ops costs about a percent of a start-up).
 */
#include <stdlib.h>
#include "scratch.h"
#include "opt.h"
#include "util/log.h"

bool opt_copy(IRBlock *b)
{
    bool changed = false;
    uint32_t n = b->ntemps;
    ScratchMark mark = scratch_mark();
    IRTemp *copy_of = scratch_alloc(n * sizeof(IRTemp));
    for (uint32_t t = 0; t < n; t++)
        copy_of[t] = IR_NONE;

    /* Active copies, to invalidate by source. */
    IRTemp *active = scratch_alloc(n * sizeof(IRTemp));
    uint32_t nactive = 0;
    /* for opt_narrow: reads per temp, (def, ext32u) op index pairs */
    uint32_t *uses = scratch_zalloc(n * sizeof(uint32_t));
    uint32_t *pairs = NULL, npairs = 0, pairs_cap = 0, prev = UINT32_MAX;

    for (uint32_t i = 0; i < b->nops; i++) {
        IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];
        if (op->opc == IR_OP_ext32u && prev != UINT32_MAX && b->ops[prev].args[0] == op->args[1] &&
            ir_op_defs[b->ops[prev].opc].nout == 1) {
            pairs = scratch_room(pairs, npairs, &pairs_cap, 2 * sizeof(uint32_t));
            pairs[2 * npairs] = prev;
            pairs[2 * npairs++ + 1] = i;
        }
        prev = i;

        if (op->opc == IR_OP_label) {
            for (uint32_t k = 0; k < nactive; k++)
                copy_of[active[k]] = IR_NONE;
            nactive = 0;
            continue;
        }
        for (unsigned k = 0; k < def->nin; k++) {
            IRTemp *a = &op->args[def->nout + k];
            if (*a != IR_NONE && *a < n && copy_of[*a] != IR_NONE) {
                *a = copy_of[*a];
                changed = true;
            }
            if (*a != IR_NONE && *a < n)
                uses[*a]++;
        }
        bool clobber_globals = false;
        if (op->opc == IR_OP_call) {
            const IRHelper *h = ir_helper_get(op->args[6]);
            clobber_globals = !(h->flags & (IR_HELPER_NO_GLOBALS | IR_HELPER_READ_GLOBALS));
        }
        /* Invalidate copies whose destination or source is written here. */
        for (uint32_t k = 0; k < nactive;) {
            IRTemp d = active[k], src = copy_of[d];
            bool dead = clobber_globals && ir_is_global(b, src);
            for (unsigned o = 0; o < def->nout && !dead; o++)
                dead = op->args[o] == d || op->args[o] == src;
            if (dead) {
                copy_of[d] = IR_NONE;
                active[k] = active[--nactive];
            } else {
                k++;
            }
        }
        if (op->opc == IR_OP_mov) {
            IRTemp d = op->args[0], src = op->args[1];
            /* Only a same-width copy: mov_i32 of an i64 value truncates. */
            if (d < n && b->temps[d].kind == IR_TEMP_LOCAL && src != d &&
                b->temps[src].type == b->temps[d].type && op->type == b->temps[d].type &&
                b->temps[src].kind != IR_TEMP_ENV) {
                copy_of[d] = src;
                active[nactive++] = d;
            }
        }
    }
    opt_narrow(b, uses, pairs, npairs);   /* exposes nothing to fold */
    scratch_release(mark);
    return changed;
}

/* Retargeting: "op t, ... ; mov g, t" with g a global and t a local that
 * only that mov reads becomes "op g, ...": the backend then computes into
 * g's register, in place when g is also an input (x = x - y), where it
 * copied g first and moved the result back.  Pure ops of one output only,
 * at the mov's width, right before it. */
void opt_retarget(IRBlock *b)
{
    ScratchMark mark = scratch_mark();
    uint16_t *reads = scratch_zalloc(b->ntemps * sizeof(uint16_t));
    uint16_t *writes = scratch_zalloc(b->ntemps * sizeof(uint16_t));
    uint32_t n = 0;

    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *def = &ir_op_defs[op->opc];
        for (unsigned k = 0; k < def->nout + def->nin; k++) {
            IRTemp t = op->args[k];
            uint16_t *c = k < def->nout ? writes : reads;
            if (t != IR_NONE && t < b->ntemps && c[t] < UINT16_MAX)
                c[t]++;
        }
    }
    for (uint32_t i = 0; i < b->nops; i++) {
        IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        if (op->opc == IR_OP_mov && n > 0) {
            IROp *prev = &b->ops[n - 1];
            IRTemp g = op->args[0], t = op->args[1];
            if (ir_is_global(b, g) && b->temps[t].kind == IR_TEMP_LOCAL &&
                reads[t] == 1 && writes[t] == 1 && ir_op_defs[prev->opc].nout == 1 &&
                prev->args[0] == t && prev->type == op->type &&
                b->temps[t].type == op->type && opt_is_pure(prev)) {
                prev->args[0] = g;
                continue;
            }
        }
        b->ops[n++] = *op;
    }
    b->nops = n;
    scratch_release(mark);
}
