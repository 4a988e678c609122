/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flags for one exit only (opt.h's opt_loop).  Most blocks end in
 *
 *     body ; brcond c, L ; tail ; L: tail
 *     tail: [discard g ...] ; goto_tb ; mov pc, K ; exit_tb
 *
 * and compute guest flags (NZCV) at the end of the body that only one
 * tail's path reads: the branch tests its operands directly, and on the
 * other path they are dead -- it is a loop back to the block's own start,
 * which sets the flags again before reading them, or the frontend
 * discarded them there (the next block sets them first: nzcv-live.c).
 * Those computations move from the body to the head of the tail that
 * needs them, so the other path skips them (opt_dce, which runs next,
 * removes what both paths discard, and the discards).
 *
 * A loop trace (aarch64/trace.c) has early exits in its body as well:
 *
 *     ... ; brcond c, S ; more body ... ; S: [discard g ...] ; mov pc, K ; goto_ptr
 *
 * and the flags computed for such a branch are usually dead on the way
 * on, where the body sets them again before the next branch: they move
 * to the early exit's code S.
 *
 * A loop trace's inner branches (to labels inside the body) join paths:
 * only ops after the last label or branch move.
 *
 * A pure op between a branch and the branch before it (or the body's
 * last op before it that may fault, call or write memory, or label)
 * moves when each output is either a global dead on the other path (no
 * path from there reads it before writing it: for a loop's back edge,
 * from the block's start) and nothing after the op up to the branch
 * reads, or a local only moved ops read; and nothing after it up to the
 * branch writes its inputs.  A guest fault on the other path resumes at
 * its instruction with the state it had, where the flags are dead too.
 * Asynchronous exits happen at a block's start, where the moved flags are
 * dead: a signal handler there sees older flags in its context, which no
 * path of the guest program reads.
 */
#include <stddef.h>
#include <string.h>
#include "opt.h"
#include "exec.h"
#include "scratch.h"

/* Is ops[i..i+2] "goto_tb; mov pc, $K; exit_tb"?  Sets *k. */
static bool is_tail(const IRBlock *b, uint32_t i, IRTemp pc, uint64_t *k)
{
    const IROp *o = &b->ops[i];

    if (i + 2 >= b->nops || o[0].opc != IR_OP_goto_tb || o[1].opc != IR_OP_mov ||
        o[1].args[0] != pc || !ir_is_const(b, o[1].args[1]) || o[2].opc != IR_OP_exit_tb)
        return false;
    *k = b->temps[o[1].args[1]].value;
    return true;
}

/* Does op read global g, explicitly or as a helper that reads globals? */
static bool reads_global(const IROp *op, IRTemp g)
{
    if (op->opc == IR_OP_call &&
        !(ir_helper_get(op->args[6])->flags & IR_HELPER_NO_GLOBALS))
        return true;
    return ir_op_mentions(op, g, false);
}

/* The block being worked on: its pc global and where each label is. */
typedef struct LoopCtx {
    const IRBlock *b;
    IRTemp pc;
    uint32_t *label_at;   /* op index of each label, UINT32_MAX: none */
} LoopCtx;

static uint32_t find_label(const LoopCtx *x, uint32_t lab)
{
    return lab < x->b->nlabels ? x->label_at[lab] : UINT32_MAX;
}

/* Is global g dead from op `from` on: written (or discarded) before any
 * path reads it or leaves the block?  A branch's path to its label counts
 * as well as the way on; the back edge of a self-loop continues at the
 * block's start (depth bounds how often). */
static bool dead_from(const LoopCtx *x, IRTemp g, uint32_t from, unsigned depth)
{
    const IRBlock *b = x->b;

    for (uint32_t i = from; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        uint64_t k;

        switch (op->opc) {
        case IR_OP_NOP: case IR_OP_label: case IR_OP_insn_start:
            continue;
        case IR_OP_discard:
            if (op->args[0] == g)
                return true;
            continue;
        case IR_OP_brcond: {
            uint32_t at = find_label(x, op->args[3]);
            if (reads_global(op, g) || at == UINT32_MAX || at <= i || depth == 0 ||
                !dead_from(x, g, at + 1, depth - 1))
                return false;
            continue;
        }
        case IR_OP_goto_tb:
            return is_tail(b, i, x->pc, &k) && k == b->pc_start && depth > 0 &&
                   dead_from(x, g, 0, depth - 1);
        default:
            break;
        }
        if ((ir_op_defs[op->opc].flags & (IR_F_EXIT | IR_F_BB_END)) || reads_global(op, g))
            return false;
        if (ir_op_mentions(op, g, true))
            return true;
    }
    return false;
}

/* The exit code from op i: [discard g ...] then "goto_tb; mov pc, $K;
 * exit_tb" (*k = K) or "mov pc, $K; goto_ptr" (an early exit). */
static bool is_exit_code(const IRBlock *b, uint32_t i, IRTemp pc, uint64_t *k, bool *discards)
{
    uint32_t j = ir_past_discards(b, i);

    *discards = j > i;
    if (is_tail(b, j, pc, k))
        return true;
    if (j + 1 >= b->nops || b->ops[j].opc != IR_OP_mov || b->ops[j].args[0] != pc ||
        !ir_is_const(b, b->ops[j].args[1]) || b->ops[j + 1].opc != IR_OP_goto_ptr)
        return false;
    *k = b->temps[b->ops[j].args[1]].value;
    return true;
}

/* For the branch at br: where its flags go (*into, the first op of that
 * path's code) and where the other path starts (*other); false when
 * neither path is the one to move them to. */
static bool pick_paths(const LoopCtx *x, uint32_t br, uint32_t *into, uint32_t *other)
{
    const IRBlock *b = x->b;
    IRTemp pc = x->pc;
    uint32_t lab = find_label(x, b->ops[br].args[3]);
    uint64_t kt, kf;
    bool dt, df;

    if (lab == UINT32_MAX || lab <= br || !is_exit_code(b, lab + 1, pc, &kt, &dt))
        return false;
    if (!is_exit_code(b, br + 1, pc, &kf, &df)) {
        /* an early exit: the body goes on */
        *into = lab + 1;
        *other = br + 1;
        return true;
    }
    /* Two exits: away from the loop's back edge, else away from the exit
     * that discards; not when both discard (opt_dce drops them) or
     * neither does. */
    if (kt == b->pc_start || kf == b->pc_start) {
        if ((kt == b->pc_start) == (kf == b->pc_start))
            return false;
        dt = kt == b->pc_start;
    } else if (dt == df) {
        return false;
    }
    *into = dt ? br + 1 : lab + 1;
    *other = dt ? lab + 1 : br + 1;
    return true;
}

/* May op i move past the ops after it up to br (moved[] marks the ops
 * that move) into the path other than the one starting at `other`? */
static bool movable(const LoopCtx *x, uint32_t i, uint32_t br, const bool *moved, uint32_t other)
{
    const IRBlock *b = x->b;
    const IROp *op = &b->ops[i];
    const IROpDef *d = &ir_op_defs[op->opc];

    if (!opt_is_pure(op) || d->nout == 0)
        return false;
    for (unsigned k = 0; k < d->nout; k++) {
        IRTemp t = op->args[k];
        bool global = ir_is_global(b, t);
        if (t == IR_NONE || t == x->pc)
            return false;
        if (b->temps[t].kind != IR_TEMP_GLOBAL && b->temps[t].kind != IR_TEMP_LOCAL)
            return false;
        /* read later only by moving ops (never by the branch) */
        for (uint32_t j = i + 1; j <= br; j++)
            if (!moved[j] && (ir_op_mentions(&b->ops[j], t, false) ||
                              (global && ir_op_mentions(&b->ops[j], t, true))))
                return false;
        if (global && !dead_from(x, t, other, 3))
            return false;
        /* a local the way on still reads (after an early exit's branch) */
        for (uint32_t j = br + 1; !global && other == br + 1 && j < b->nops; j++)
            if (ir_op_mentions(&b->ops[j], t, false))
                return false;
    }
    /* its inputs keep their values up to the branch */
    for (unsigned k = d->nout; k < d->nout + d->nin; k++) {
        IRTemp t = op->args[k];
        for (uint32_t j = i + 1; t != IR_NONE && j <= br; j++)
            if (!moved[j] && ir_op_mentions(&b->ops[j], t, true))
                return false;
    }
    return true;
}

void opt_loop(IRBlock *b)
{
    LoopCtx x = { b, IR_NONE, NULL };
    uint32_t n = b->nops, nmoved = 0, floor = 0, nbr = 0;

    for (IRTemp g = 1; g <= b->nglobals; g++)
        if (b->temps[g].env_offset == (int32_t)offsetof(CPUCommon, pc) &&
            b->temps[g].type == IR_I64)
            x.pc = g;
    if (x.pc == IR_NONE)
        return;
    ScratchMark mark = scratch_mark();
    x.label_at = scratch_alloc((b->nlabels + 1) * sizeof(uint32_t));
    for (uint32_t l = 0; l < b->nlabels; l++)
        x.label_at[l] = UINT32_MAX;
    for (uint32_t i = 0; i < n; i++) {
        if (b->ops[i].opc == IR_OP_label && b->ops[i].args[0] < b->nlabels)
            x.label_at[b->ops[i].args[0]] = i;
        nbr += b->ops[i].opc == IR_OP_brcond;
    }
    if (!nbr) {   /* nothing to do without a branch */
        scratch_release(mark);
        return;
    }
    bool *moved = scratch_zalloc(n * sizeof(bool));
    bool *target = scratch_zalloc(n * sizeof(bool));   /* some into[] is this index */
    uint32_t *into = scratch_alloc(n * sizeof(uint32_t));
    /* The body's branches, each with the ops between it and the one before. */
    for (uint32_t br = 0; br < n; br++) {
        const IROp *bop = &b->ops[br];
        uint32_t to, other;
        if (bop->opc == IR_OP_NOP)   /* opt_dce, which runs next, compacts them */
            continue;
        unsigned f = ir_op_defs[bop->opc].flags;
        if (bop->opc == IR_OP_label || bop->opc == IR_OP_br) {
            floor = br + 1;     /* a loop trace's join: nothing moves past it */
            continue;
        }
        if (bop->opc != IR_OP_brcond) {
            if (f & (IR_F_EXIT | IR_F_BB_END))
                break;          /* the end of the body */
            if (bop->opc != IR_OP_insn_start && (f & (IR_F_SYNC | IR_F_CALL | IR_F_SIDE |
                                                      IR_F_READ_ENV)))
                floor = br + 1;
            continue;
        }
        if (pick_paths(&x, br, &to, &other))
            for (uint32_t i = br; i-- > floor;) {
                if (b->ops[i].opc == IR_OP_NOP || b->ops[i].opc == IR_OP_insn_start)
                    continue;
                if (movable(&x, i, br, moved, other)) {
                    moved[i] = true;
                    into[i] = to;
                    target[to] = true;
                    nmoved++;
                }
            }
        floor = br + 1;
    }
    if (nmoved) {
        IROp *ops = scratch_alloc(n * sizeof(IROp));
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++) {
            for (uint32_t j = 0; target[i] && j < i; j++)
                if (moved[j] && into[j] == i)
                    ops[m++] = b->ops[j];
            if (!moved[i])
                ops[m++] = b->ops[i];
        }
        memcpy(b->ops, ops, n * sizeof(IROp));
    }
    scratch_release(mark);
}
