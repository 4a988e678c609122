/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Constant folding and propagation.  A forward walk over each basic block
 * remembers which temps hold a known constant (reset at labels, and for
 * globals at helper calls that may write them), substitutes constant temps
 * for them, evaluates pure ops whose inputs are all constant with the
 * interpreter's semantics, folds constant branches, and applies a few
 * identities (x+0, x&0, x|0, x*1, shifts by 0...).  A branch on whether
 * a difference is zero compares the two values instead (brcond_on_sub):
 * the difference is then only computed where something else reads it; a
 * select on a condition's 0/1 value selects on the condition itself
 * (movcond_on_setcond).
 */
#include <stdlib.h>
#include "scratch.h"
#include "opt.h"
#include "util/log.h"

typedef struct FoldState {
    IRBlock *b;
    uint8_t *known;      /* per temp: value known */
    uint64_t *val;
} FoldState;

static bool is_known(FoldState *s, IRTemp t, uint64_t *v)
{
    const IRTempInfo *ti = &s->b->temps[t];
    if (ti->kind == IR_TEMP_CONST) {
        *v = ti->value;
        return true;
    }
    if (t < s->b->ntemps && s->known[t]) {
        *v = s->val[t];
        return true;
    }
    return false;
}

static void forget_globals(FoldState *s)
{
    for (uint32_t t = 1; t <= s->b->nglobals; t++)
        s->known[t] = 0;
}

static void forget_all(FoldState *s, uint32_t n)
{
    for (uint32_t t = 0; t < n; t++)
        s->known[t] = 0;
}

static void set_out(FoldState *s, IRTemp t, bool known, uint64_t v)
{
    s->known[t] = known;
    s->val[t] = v;
}

/* x op c identities; returns true if op was rewritten. */
static bool fold_identity(FoldState *s, IROp *op, IRTemp x, uint64_t c, bool c_is_rhs)
{
    IRType t = (IRType)op->type;
    uint64_t all = t == IR_I32 ? 0xffffffffull : ~0ull;
    IRTemp d = op->args[0];

    switch (op->opc) {
    case IR_OP_add: case IR_OP_or: case IR_OP_xor:
        if ((c & all) == 0) { opt_make_mov(op, d, x); return true; }
        break;
    case IR_OP_sub:
        if (c_is_rhs && (c & all) == 0) { opt_make_mov(op, d, x); return true; }
        break;
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar:
    case IR_OP_rotr: case IR_OP_rotl:
        if (c_is_rhs && (c & (t == IR_I32 ? 31 : 63)) == 0) { opt_make_mov(op, d, x); return true; }
        break;
    case IR_OP_and:
        if ((c & all) == 0) { opt_make_mov(op, d, ir_const(s->b, t, 0)); return true; }
        if ((c & all) == all) { opt_make_mov(op, d, x); return true; }
        break;
    case IR_OP_mul:
        if ((c & all) == 1) { opt_make_mov(op, d, x); return true; }
        break;
    default:
        break;
    }
    return false;
}

static void fold_op(FoldState *s, IROp *op)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    uint64_t in[IR_MAX_ARGS];
    bool all_known = true;

    /* Substitute known values of locals/globals by constant temps. */
    for (unsigned i = 0; i < def->nin; i++) {
        IRTemp t = op->args[def->nout + i];
        if (t == IR_NONE || s->b->temps[t].kind == IR_TEMP_ENV) {
            all_known = false;
            continue;
        }
        if (is_known(s, t, &in[i])) {
            if (s->b->temps[t].kind != IR_TEMP_CONST)
                op->args[def->nout + i] = ir_const(s->b, (IRType)s->b->temps[t].type, in[i]);
        } else {
            all_known = false;
        }
    }
    /* Vector ops are opaque: no v128 value is ever known. */
    if (!opt_is_pure(op) || (def->flags & IR_F_VEC))
        return;
    IRTemp d = op->args[0];
    if (all_known) {
        uint64_t v = ir_eval_pure(op, in);
        IRType ot = (op->opc == IR_OP_ext32s || op->opc == IR_OP_ext32u) ? IR_I64 : (IRType)op->type;
        opt_make_mov(op, d, ir_const(s->b, ot, v));
        op->type = ot;
        return;
    }
    if (def->nin == 2) {
        IRTemp a = op->args[1], c = op->args[2];
        uint64_t v;
        if (ir_is_const(s->b, c) && is_known(s, c, &v) && fold_identity(s, op, a, v, true))
            return;
        if (ir_is_const(s->b, a) && is_known(s, a, &v) && op->opc != IR_OP_sub &&
            fold_identity(s, op, c, v, false))
            return;
    }
}

static void fold_branch(FoldState *s, IROp *op)
{
    uint64_t a, c;
    if (!is_known(s, op->args[0], &a) || !is_known(s, op->args[1], &c))
        return;
    uint32_t label = op->args[3];
    if (ir_cond_eval((IRCond)op->args[2], (IRType)op->type, a, c)) {
        op->opc = IR_OP_br;
        op->args[0] = label;
    } else {
        opt_make_nop(op);
    }
}

/* t's writer among the window ops before op at, when that is an opc op
 * of the given type whose inputs keep their values up to at (and are not
 * its own output); else NULL.  Passed over: pure ops and guest memory accesses, whose
 * writes are their outputs (helpers and env stores may change globals). */
static const IROp *kept_writer(const IRBlock *b, uint32_t at, IRTemp t, IROpcode opc,
                               uint8_t type, uint32_t window)
{
    if (b->temps[t].kind == IR_TEMP_CONST)
        return NULL;
    for (uint32_t i = at; i-- > 0 && at - i <= window;) {
        const IROp *d = &b->ops[i];
        if (d->opc == IR_OP_NOP || d->opc == IR_OP_insn_start)
            continue;
        if (!opt_is_pure(d) && !(ir_op_defs[d->opc].flags & IR_F_SYNC))
            return NULL;
        if (!ir_op_mentions(d, t, true))
            continue;
        /* not one that overwrote an input ("sub x1, x1, x2") */
        if (d->opc != opc || d->type != type || d->args[0] == d->args[1] ||
            d->args[0] == d->args[2])
            return NULL;
        for (uint32_t j = i + 1; j < at; j++)
            if (ir_op_mentions(&b->ops[j], d->args[1], true) ||
                ir_op_mentions(&b->ops[j], d->args[2], true))
                return NULL;
        return d;
    }
    return NULL;
}

/* For a test of t against zero (eq|ne) at op at: kept_writer's opc op
 * of the test's width that computed t. */
static const IROp *zero_test_source(const IRBlock *b, uint32_t at, IRTemp t, IRTemp zero,
                                    IRCond c, IROpcode opc, uint8_t type)
{
    if ((c != IR_COND_EQ && c != IR_COND_NE) || !ir_is_const(b, zero) ||
        b->temps[zero].value != 0)
        return NULL;
    return kept_writer(b, at, t, opc, type, UINT32_MAX);
}

/* "sub t, a, b ... brcond t, 0, eq|ne" -> "brcond a, b, eq|ne" when a and
 * b keep their values in between (a - b == 0 iff a == b at any width). */
static void brcond_on_sub(IRBlock *b, uint32_t br)
{
    IROp *op = &b->ops[br];
    const IROp *d = zero_test_source(b, br, op->args[0], op->args[1], (IRCond)op->args[2],
                                     IR_OP_sub, op->type);

    if (d) {
        op->args[0] = d->args[1];
        op->args[1] = d->args[2];
    }
}

/* "setcond t, x, y, c ... movcond d, t, 0, v1, v2, ne|eq" -> "movcond d,
 * x, y, v1, v2, c (or its inverse)" at the same width, when x and y keep
 * their values in between: one host compare instead of a setcc and a
 * test (CSEL, CSINC... on a condition evaluated as a value). */
static void movcond_on_setcond(IRBlock *b, uint32_t at)
{
    IROp *op = &b->ops[at];
    IRCond c = (IRCond)op->args[5];
    const IROp *d = zero_test_source(b, at, op->args[1], op->args[2], c, IR_OP_setcond, op->type);

    if (d) {
        op->args[1] = d->args[1];
        op->args[2] = d->args[2];
        op->args[5] = c == IR_COND_NE ? d->args[3] : ir_cond_invert((IRCond)d->args[3]);
    }
}

/* "add a, x, k1 ... add d, a, k2" -> "add d, x, k1 + k2" when x keeps
 * its value in between: the second address of a pair or a Q register
 * (base + off, then + 8) no longer depends on the first, so the backend
 * folds both into their accesses ([x + k], regalloc.c) instead of
 * computing each. */
static void reassoc_add(IRBlock *b, uint32_t at)
{
    IROp *op = &b->ops[at];
    const IROp *d;

    if (op->type != IR_I64 || !ir_is_const(b, op->args[2]) ||
        b->temps[op->args[1]].kind != IR_TEMP_LOCAL)
        return;
    d = kept_writer(b, at, op->args[1], IR_OP_add, IR_I64, 16);
    if (!d || !ir_is_const(b, d->args[2]) || ir_is_const(b, d->args[1]))
        return;
    op->args[1] = d->args[1];
    op->args[2] = ir_const(b, IR_I64, b->temps[op->args[2]].value + b->temps[d->args[2]].value);
}

void opt_fold(IRBlock *b)
{
    /* Temps created while folding (new constants) are never "known". */
    uint32_t n = b->ntemps;
    ScratchMark mark = scratch_mark();
    FoldState s = { b, scratch_zalloc(n + 1), scratch_zalloc((n + 1) * sizeof(uint64_t)) };

    for (uint32_t i = 0; i < b->nops; i++) {
        IROp *op = &b->ops[i];
        if (op->opc == IR_OP_NOP)
            continue;
        const IROpDef *def = &ir_op_defs[op->opc];

        if (op->opc == IR_OP_label) {
            forget_all(&s, n);
            continue;
        }
        if (op->opc == IR_OP_brcond) {
            fold_op(&s, op);
            fold_branch(&s, op);
            if (op->opc == IR_OP_brcond)
                brcond_on_sub(b, i);
            continue;
        }
        fold_op(&s, op);
        if (op->opc == IR_OP_movcond)
            movcond_on_setcond(b, i);
        if (op->opc == IR_OP_add)
            reassoc_add(b, i);
        if (op->opc == IR_OP_call) {
            const IRHelper *h = ir_helper_get(op->args[6]);
            if (!(h->flags & (IR_HELPER_NO_GLOBALS | IR_HELPER_READ_GLOBALS)))
                forget_globals(&s);
        }
        for (unsigned k = 0; k < def->nout; k++) {
            IRTemp d = op->args[k];
            if (d == IR_NONE || d >= n)
                continue;
            uint64_t v;
            bool known = op->opc == IR_OP_mov && ir_is_const(b, op->args[1]) &&
                         is_known(&s, op->args[1], &v);
            set_out(&s, d, known, known ? ir_trunc_to((IRType)op->type, v) : 0);
        }
    }
    scratch_release(mark);
}
