/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Side exits out of the way (opt.h's opt_cold).  A guest check that
 * rarely fails -- SP alignment before an SP-based access, a BTI landing
 * pad, a pointer authentication -- is translated as
 *
 *     brcond ok, L ; <the exception's state> ; exit_excp ; L: <the rest>
 *
 * so the host code jumps over the exception path every time the check
 * passes, and that path sits inside the hot code.  This pass inverts the
 * branch and moves the path after the block's last exit:
 *
 *     brcond !ok, C ; <the rest> ... ; C: <the exception's state> ; exit_excp
 *
 * so the check falls through when it passes.  Only paths of pure ops,
 * env stores and movs that end in exit_excp move, none that may fault or
 * call (the host-pc map of the moved code names the block's last
 * instruction), and only when L has no other way in.  It runs last: the
 * other passes see the block in guest order.
 */
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "scratch.h"
#include "util/log.h"

/* May ops (from, to] -- the exit path after the brcond at from, ending
 * in exit_excp at to -- move? */
static bool movable_path(const IRBlock *b, uint32_t from, uint32_t to)
{
    if (b->ops[to].opc != IR_OP_exit_excp)
        return false;
    for (uint32_t i = from + 1; i < to; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *def;
        if (op->opc == IR_OP_NOP)
            continue;
        if (!opt_is_pure(op) && op->opc != IR_OP_stenv && op->opc != IR_OP_mov)
            return false;
        /* no local from before: it would live to the block's end */
        def = &ir_op_defs[op->opc];
        for (unsigned k = def->nout; k < def->nout + def->nin; k++) {
            IRTemp t = op->args[k];
            bool inside = false;
            if (t == IR_NONE || b->temps[t].kind != IR_TEMP_LOCAL)
                continue;
            for (uint32_t j = from + 1; j < i && !inside; j++)
                inside = ir_op_mentions(&b->ops[j], t, true);
            if (!inside)
                return false;
        }
    }
    return true;
}

/* Is ops[i] a brcond whose taken label follows a movable exit path?
 * Sets *end to the path's exit_excp. */
static bool side_exit(const IRBlock *b, uint32_t i, const uint32_t *refs, uint32_t *end)
{
    const IROp *op = &b->ops[i];
    uint32_t j = i + 1, n = b->nops;

    if (op->opc != IR_OP_brcond || refs[op->args[3]] != 1)
        return false;
    while (j < n && b->ops[j].opc < IR_OP_COUNT &&
           !(ir_op_defs[b->ops[j].opc].flags & (IR_F_EXIT | IR_F_BB_END)))
        j++;
    *end = j;
    return j + 1 < n && movable_path(b, i, j) && b->ops[j + 1].opc == IR_OP_label &&
           b->ops[j + 1].args[0] == op->args[3];
}

void opt_cold(IRBlock *b)
{
    ScratchMark mark;
    uint32_t *refs, n = b->nops, m = 0, ncold = 0, end;
    IROp *ops, *cold;
    bool any = false;

    /* Most blocks have no exception exit before their last op: done. */
    for (uint32_t i = 0; i + 1 < n && !any; i++)
        any = b->ops[i].opc == IR_OP_exit_excp;
    if (!any)
        return;
    mark = scratch_mark();
    refs = scratch_zalloc((b->nlabels + 1) * sizeof(uint32_t));

    for (uint32_t i = 0; i < n; i++) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_br)
            refs[op->args[0]]++;
        else if (op->opc == IR_OP_brcond)
            refs[op->args[3]]++;
    }
    ops = scratch_alloc(n * sizeof(IROp));
    cold = scratch_alloc(n * sizeof(IROp));
    /* The block without the paths (brcond inverted, old label gone), then
     * each path behind the label, whose number moves with it. */
    for (uint32_t i = 0; i < n; i++) {
        const IROp *op = &b->ops[i];
        if (!side_exit(b, i, refs, &end)) {
            ops[m++] = *op;
            continue;
        }
        ops[m] = *op;
        ops[m].args[2] = ir_cond_invert((IRCond)op->args[2]);
        m++;
        cold[ncold++] = b->ops[end + 1];
        for (uint32_t k = i + 1; k <= end; k++)
            cold[ncold++] = b->ops[k];
        i = end + 1;
    }
    if (ncold) {
        memcpy(ops + m, cold, ncold * sizeof(IROp));
        memcpy(b->ops, ops, (m + ncold) * sizeof(IROp));
        BUG_ON(m + ncold != n);
    }
    scratch_release(mark);
}
