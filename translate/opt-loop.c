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
 * A pure op at the end of the body moves when each output is either a
 * global dead on the other path (for the loop: written before it is read
 * from the block's start) and nothing after the op reads, or a local only
 * moved ops read; and nothing after it up to the branch writes its inputs.
 * Only ops after the body's last op that may fault, call or write memory
 * move: a guest fault there resumes at its instruction with the state it
 * had, so every flag an instruction after it reads is computed again.
 * Asynchronous exits happen at a block's start, where the moved flags are
 * dead: a signal handler there sees older flags in its context, which no
 * path of the guest program reads.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "exec.h"

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

/* Is global g unread in ops[0, end] until something writes it?  ops[end]
 * is the op that would move: it must not read g either ("add_i32 x3, x3,
 * 1" left out of the loop's path would lose every increment but the
 * last). */
static bool dead_at_start(const IRBlock *b, IRTemp g, uint32_t end)
{
    for (uint32_t i = 0; i <= end; i++) {
        if (reads_global(&b->ops[i], g))
            return false;
        if (ir_op_mentions(&b->ops[i], g, true))
            return true;
    }
    return true;
}

/* One of the two tails: ops [from, to), discards then the exit to K. */
typedef struct Tail {
    uint32_t from, to;
    uint64_t k;
    bool discards;
} Tail;

static bool parse_tail(const IRBlock *b, uint32_t from, uint32_t to, IRTemp pc, Tail *t)
{
    uint32_t i = from;

    while (i < to && b->ops[i].opc == IR_OP_discard)
        i++;
    t->from = from;
    t->to = to;
    t->discards = i > from;
    return to - i == 3 && is_tail(b, i, pc, &t->k);
}

/* Is global g dead on the path through tail t, for an op at body index i? */
static bool dead_on(const IRBlock *b, const Tail *t, IRTemp g, uint32_t i)
{
    if (t->k == b->pc_start)
        return dead_at_start(b, g, i);
    for (uint32_t j = t->from; j < t->to && b->ops[j].opc == IR_OP_discard; j++)
        if (b->ops[j].args[0] == g)
            return true;
    return false;
}

/* May op i move past the ops after it up to br (moved[] marks the ops
 * that move) into the tail other than dead? */
static bool movable(const IRBlock *b, uint32_t i, uint32_t br, const bool *moved, IRTemp pc,
                    const Tail *dead)
{
    const IROp *op = &b->ops[i];
    const IROpDef *d = &ir_op_defs[op->opc];

    if (!opt_is_pure(op) || d->nout == 0)
        return false;
    for (unsigned k = 0; k < d->nout; k++) {
        IRTemp t = op->args[k];
        if (t == IR_NONE || t == pc)
            return false;
        if (ir_is_global(b, t) && !dead_on(b, dead, t, i))
            return false;
        if (b->temps[t].kind != IR_TEMP_GLOBAL && b->temps[t].kind != IR_TEMP_LOCAL)
            return false;
        /* read later only by moving ops (never by the branch) */
        for (uint32_t j = i + 1; j <= br; j++)
            if (!moved[j] && (ir_op_mentions(&b->ops[j], t, false) ||
                              (ir_is_global(b, t) && ir_op_mentions(&b->ops[j], t, true))))
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
    IRTemp pc = IR_NONE;
    uint32_t br = UINT32_MAX, label_at = UINT32_MAX, exit_at, n = b->nops;
    Tail t0, t1;
    const Tail *dead;

    for (IRTemp g = 1; g <= b->nglobals; g++)
        if (b->temps[g].env_offset == (int32_t)offsetof(CPUCommon, pc) &&
            b->temps[g].type == IR_I64)
            pc = g;
    /* The shape: straight-line body, brcond, a tail, its label, a tail. */
    for (uint32_t i = 0; i < n; i++) {
        if (b->ops[i].opc == IR_OP_NOP)   /* opt_dce, which runs next, compacts them */
            continue;
        unsigned f = ir_op_defs[b->ops[i].opc].flags;
        if (b->ops[i].opc == IR_OP_brcond && br == UINT32_MAX) {
            br = i;
        } else if (b->ops[i].opc == IR_OP_label && br != UINT32_MAX && label_at == UINT32_MAX) {
            label_at = i;
        } else if ((f & (IR_F_BB_END | IR_F_EXIT)) && br == UINT32_MAX) {
            return;
        }
    }
    if (pc == IR_NONE || br == UINT32_MAX || label_at == UINT32_MAX ||
        b->ops[label_at].args[0] != b->ops[br].args[3] ||
        !parse_tail(b, br + 1, label_at, pc, &t0) || !parse_tail(b, label_at + 1, n, pc, &t1))
        return;
    /* The flags go to the tail that reads them: away from the loop's back
     * edge, else away from the tail that discards them; not when both
     * discard (opt_dce drops them) or neither does. */
    if (t0.k == b->pc_start || t1.k == b->pc_start) {
        if ((t0.k == b->pc_start) == (t1.k == b->pc_start))
            return;
        dead = t0.k == b->pc_start ? &t0 : &t1;
    } else {
        if (t0.discards == t1.discards)
            return;
        dead = t0.discards ? &t0 : &t1;
    }
    exit_at = dead == &t0 ? t1.from : t0.from;

    bool *moved = calloc(n, sizeof(bool));
    if (!moved)
        return;
    unsigned nmoved = 0;
    for (uint32_t i = br; i-- > 0;) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        unsigned f = ir_op_defs[op->opc].flags;
        if (op->opc != IR_OP_insn_start &&
            (f & (IR_F_SYNC | IR_F_CALL | IR_F_SIDE | IR_F_READ_ENV)))
            break;
        if (movable(b, i, br, moved, pc, dead)) {
            moved[i] = true;
            nmoved++;
        }
    }
    if (nmoved) {
        IROp *ops = malloc(n * sizeof(IROp));
        uint32_t m = 0;
        if (ops) {
            for (uint32_t i = 0; i < n; i++) {
                if (i == exit_at)
                    for (uint32_t j = 0; j < br; j++)
                        if (moved[j])
                            ops[m++] = b->ops[j];
                if (!moved[i])
                    ops[m++] = b->ops[i];
            }
            memcpy(b->ops, ops, n * sizeof(IROp));
            free(ops);
        }
    }
    free(moved);
}
