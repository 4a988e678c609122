/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * 32-bit results written straight to their destination.  A frontend
 * writes a 32-bit register as "op t, a, b; ext32u d, t": the op at 64 bits,
 * then its low half zero-extended.  When t is read by that ext32u alone and
 * the ext32u follows the op directly, the op itself becomes 32-bit with d
 * as its output (i32 results are kept zero-extended, so it computes the
 * same value), and the ext32u goes: on x86-64 one 32-bit instruction
 * instead of a 64-bit one and a mov.
 *
 * An op may change width only if the low 32 bits of its result depend on
 * the low 32 bits of its inputs alone (add, sub, mul, the bitwise ops);
 * an op that is 32-bit already (rotr_i32 ...) just takes d as its output.
 * Nothing lies between the two ops, so no reader of d sees it early and no
 * fault or exit sees it late.  opt_copy's walk finds the pairs and counts
 * the reads (opt_copy.c).
 */
#include "opt.h"

static bool low_half_closed(unsigned opc)
{
    switch (opc) {
    case IR_OP_mov: case IR_OP_add: case IR_OP_sub: case IR_OP_mul:
    case IR_OP_and: case IR_OP_or: case IR_OP_xor: case IR_OP_andc:
    case IR_OP_orc: case IR_OP_eqv: case IR_OP_not: case IR_OP_neg:
        return true;
    default:
        return false;
    }
}

/* op can compute its result as i32 into any i64 destination. */
static bool narrowable(const IROp *op)
{
    if (op->opc == IR_OP_NOP || !opt_is_pure(op) || (ir_op_defs[op->opc].flags & IR_F_VEC) ||
        ir_op_defs[op->opc].nout != 1)
        return false;
    if (op->type == IR_I32)   /* ext32s/ext32u give i64 whatever their type */
        return op->opc != IR_OP_ext32s && op->opc != IR_OP_ext32u;
    return low_half_closed(op->opc);
}

void opt_narrow(IRBlock *b, const uint32_t *uses, const uint32_t *pairs, unsigned npairs)
{
    for (unsigned k = 0; k < npairs; k++) {
        IROp *p = &b->ops[pairs[2 * k]], *x = &b->ops[pairs[2 * k + 1]];
        IRTemp t = x->args[1];
        /* t read by the ext32u alone (the reads counted are all of them) */
        if (x->opc == IR_OP_ext32u && p->args[0] == t && t < b->ntemps &&
            b->temps[t].kind == IR_TEMP_LOCAL && uses[t] == 1 && narrowable(p)) {
            p->type = IR_I32;
            p->args[0] = x->args[0];
            opt_make_nop(x);
        }
    }
}
