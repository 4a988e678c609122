/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Dead code elimination, including dead stores to globals (guest registers
 * and the lazily kept guest flags).  A backward walk keeps a liveness bit per
 * temp.  Globals are live at the block's exits, at every op that may fault
 * (so the guest state is exact at a fault; in user mode, not the flags:
 * IR_GLOBAL_STALE_AT_FAULT) and at helper calls that may
 * read them; at a forward branch they are live as they are at its label
 * (and, for brcond, on the fall-through), at a backward one all of them.
 * A discard op (a frontend's word that the next block overwrites the
 * global before reading it) kills its global like a write; it stays for
 * the backend, which need not write back a value it finds dirty there.  A
 * write to a global that is overwritten or discarded before any of those
 * is dropped, which is how flag results nobody reads disappear.  Locals
 * used outside the basic block that defines them (across a label or
 * branch) are never removed.  Finally the block is compacted.
 */
#include <stdlib.h>
#include <string.h>
#include "scratch.h"
#include "opt.h"
#include "util/log.h"

/* Mark locals read in a basic block before being written in it
 * (written[t] is the number of the basic block that last wrote t). */
static void find_cross_block_locals(const IRBlock *b, uint8_t *cross)
{
    ScratchMark mark = scratch_mark();
    uint32_t *written = scratch_zalloc(b->ntemps * sizeof(uint32_t)), bb = 1;
    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];
        if (def->flags & IR_F_BB_END)
            bb++;
        for (unsigned k = 0; k < def->nin; k++) {
            IRTemp t = op->args[def->nout + k];
            if (t != IR_NONE && b->temps[t].kind == IR_TEMP_LOCAL && written[t] != bb)
                cross[t] = 1;
        }
        for (unsigned k = 0; k < def->nout; k++) {
            IRTemp t = op->args[k];
            if (t != IR_NONE)
                written[t] = bb;
        }
    }
    scratch_release(mark);
}

static void globals_live(const IRBlock *b, uint8_t *live)
{
    memset(live + 1, 1, b->nglobals);
}

static void globals_live_at_fault(const IRBlock *b, uint8_t *live)
{
    if (b->softmmu_idx >= 0) {
        globals_live(b, live);
        return;
    }
    for (uint32_t g = 1; g <= b->nglobals; g++)
        if (!(b->temps[g].flags & IR_GLOBAL_STALE_AT_FAULT))
            live[g] = 1;
}

static bool op_removable(const IRBlock *b, const IROp *op, const uint8_t *live,
                         const uint8_t *cross)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    if (op->opc == IR_OP_call) {
        if (!(ir_helper_get(op->args[6])->flags & IR_HELPER_PURE))
            return false;
    } else if (!opt_is_pure(op)) {
        return false;
    }
    for (unsigned k = 0; k < def->nout; k++) {
        IRTemp t = op->args[k];
        if (t != IR_NONE && (live[t] || cross[t]))
            return false;
    }
    (void)b;
    return true;
}

/* At a branch to label l: the globals live there (lab: the globals' bits
 * at each label the walk has passed, seen[l] once it has), with the
 * fall-through's too for a brcond. */
static void globals_at_branch(const IRBlock *b, const IROp *op, uint8_t *live,
                              const uint8_t *lab, const uint8_t *seen)
{
    uint32_t l = op->opc == IR_OP_br ? op->args[0] : op->args[3];
    const uint8_t *at = lab + (size_t)l * (b->nglobals + 1);

    if (!seen[l]) {
        globals_live(b, live);   /* a backward branch */
        return;
    }
    for (uint32_t g = 1; g <= b->nglobals; g++)
        live[g] = at[g] | (op->opc == IR_OP_brcond ? live[g] : 0);
}

void opt_dce(IRBlock *b)
{
    ScratchMark mark = scratch_mark();
    uint8_t *live = scratch_zalloc(b->ntemps);
    uint8_t *cross = scratch_zalloc(b->ntemps);
    uint8_t *lab = scratch_zalloc((size_t)(b->nlabels + 1) * (b->nglobals + 1));
    uint8_t *seen = scratch_zalloc(b->nlabels + 1);
    find_cross_block_locals(b, cross);
    globals_live(b, live);

    for (uint32_t i = b->nops; i-- > 0;) {
        IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];

        if (op->opc == IR_OP_discard) {
            /* kept: the backend drops a dirty register of g there */
            live[op->args[0]] = 0;
            continue;
        }
        if (op->opc == IR_OP_label) {
            memcpy(lab + (size_t)op->args[0] * (b->nglobals + 1), live, b->nglobals + 1u);
            seen[op->args[0]] = 1;
        } else if (op->opc == IR_OP_br || op->opc == IR_OP_brcond) {
            globals_at_branch(b, op, live, lab, seen);
        } else if (def->flags & (IR_F_BB_END | IR_F_EXIT)) {
            globals_live(b, live);
        }
        if (op_removable(b, op, live, cross)) {
            opt_make_nop(op);
            continue;
        }
        for (unsigned k = 0; k < def->nout; k++)
            if (op->args[k] != IR_NONE)
                live[op->args[k]] = 0;
        /* Globals are read before an op that may fault (the state must be
         * exact there, but for the user-mode globals that may be stale
         * there: ir.h) and by helpers that may read them.  A call that may
         * write globals kills none but its explicit output. */
        if (def->flags & IR_F_SYNC)
            globals_live_at_fault(b, live);
        else if (op->opc == IR_OP_call && !(ir_helper_get(op->args[6])->flags & IR_HELPER_NO_GLOBALS))
            globals_live(b, live);
        for (unsigned k = 0; k < def->nin; k++) {
            IRTemp t = op->args[def->nout + k];
            if (t != IR_NONE)
                live[t] = 1;
        }
    }

    uint32_t n = 0;
    for (uint32_t i = 0; i < b->nops; i++)
        if (b->ops[i].opc != IR_OP_NOP)
            b->ops[n++] = b->ops[i];
    b->nops = n;
    scratch_release(mark);
}
