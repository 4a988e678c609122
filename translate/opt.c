/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The optimiser driver: runs the passes in order on one block, and the
 * small utilities they share.
 */
#include <string.h>
#include "opt.h"

bool opt_is_pure(const IROp *op)
{
    if (ir_op_defs[op->opc < IR_OP_COUNT ? op->opc : 0].flags & (IR_F_SIDE | IR_F_READ_ENV))
        return false;
    switch (op->opc) {
    case IR_OP_label: case IR_OP_br: case IR_OP_brcond: case IR_OP_ld:
    case IR_OP_st: case IR_OP_cmpxchg: case IR_OP_xchg: case IR_OP_fetch_add:
    case IR_OP_mb: case IR_OP_ldenv: case IR_OP_stenv: case IR_OP_call:
    case IR_OP_insn_start: case IR_OP_goto_tb: case IR_OP_exit_tb:
    case IR_OP_exit_excp: case IR_OP_goto_ptr: case IR_OP_NOP:
        return false;
    default:
        return true;
    }
}

void opt_make_mov(IROp *op, IRTemp d, IRTemp src)
{
    uint8_t type = op->type;
    memset(op, 0, sizeof(*op));
    op->opc = IR_OP_mov;
    op->type = type;
    op->args[0] = d;
    op->args[1] = src;
}

void opt_make_nop(IROp *op)
{
    memset(op, 0, sizeof(*op));
    op->opc = IR_OP_NOP;
}

void opt_run(IRBlock *b)
{
    opt_fold(b);
    /* A second fold finds only what the copies exposed; opt_vec works on
     * env loads and stores alone. */
    if (opt_copy(b))   /* with opt_narrow */
        opt_fold(b);
    if (b->env_ops && opt_vec(b))
        opt_copy(b);
    /* opt_loop reads the frontend's discards, which opt_dce removes */
    opt_loop(b);
    opt_dce(b);
    opt_retarget(b);
    opt_cold(b);
}
