/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Dead code elimination, including dead stores to globals (guest registers
 * and the lazily kept guest flags).  A backward walk keeps a liveness bit per
 * temp.  Globals are live at the block's exits, at labels and branches, at
 * every op that may fault (so the guest state is exact at a fault) and at
 * helper calls that may read them; a write to a global that is overwritten
 * before any of those is dropped, which is how flag results nobody reads
 * disappear.  Locals used outside the basic block that defines them (across
 * a label or branch) are never removed.  Finally the block is compacted.
 */
#include <stdlib.h>
#include <string.h>
#include "scratch.h"
#include "opt.h"
#include "util/log.h"

/* Mark locals read in a basic block before being written in it. */
static void find_cross_block_locals(const IRBlock *b, uint8_t *cross)
{
    ScratchMark mark = scratch_mark();
    uint8_t *written = scratch_zalloc(b->ntemps);
    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];
        if (def->flags & IR_F_BB_END)
            memset(written, 0, b->ntemps);
        for (unsigned k = 0; k < def->nin; k++) {
            IRTemp t = op->args[def->nout + k];
            if (t != IR_NONE && b->temps[t].kind == IR_TEMP_LOCAL && !written[t])
                cross[t] = 1;
        }
        for (unsigned k = 0; k < def->nout; k++) {
            IRTemp t = op->args[k];
            if (t != IR_NONE)
                written[t] = 1;
        }
    }
    scratch_release(mark);
}

static void globals_live(const IRBlock *b, uint8_t *live)
{
    memset(live + 1, 1, b->nglobals);
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

void opt_dce(IRBlock *b)
{
    ScratchMark mark = scratch_mark();
    uint8_t *live = scratch_zalloc(b->ntemps);
    uint8_t *cross = scratch_zalloc(b->ntemps);
    find_cross_block_locals(b, cross);
    globals_live(b, live);

    for (uint32_t i = b->nops; i-- > 0;) {
        IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];

        if (def->flags & (IR_F_BB_END | IR_F_EXIT))
            globals_live(b, live);
        if (op_removable(b, op, live, cross)) {
            opt_make_nop(op);
            continue;
        }
        for (unsigned k = 0; k < def->nout; k++)
            if (op->args[k] != IR_NONE)
                live[op->args[k]] = 0;
        /* Globals are read before an op that may fault (the state must be
         * exact there) and by helpers that may read them.  A call that may
         * write globals kills none but its explicit output. */
        if ((def->flags & IR_F_SYNC) ||
            (op->opc == IR_OP_call && !(ir_helper_get(op->args[6])->flags & IR_HELPER_NO_GLOBALS)))
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
