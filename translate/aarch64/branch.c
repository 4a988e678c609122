/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 frontend, branches and exception generation: the "Branches,
 * Exception Generating and System instructions" class of the Arm ARM
 * (C4.1.87) except the system instructions proper (sys.c).
 *
 * Every handler here ends the block.  Direct branches exit through goto_tb
 * slots so the dispatcher can chain them: unconditional ones use slot 0;
 * conditional ones fall through on slot 0 and take the branch on slot 1.
 * Register branches leave through goto_ptr (a lookup of the new pc).
 * SVC and BRK leave with an exception code for the OS layer.
 *
 * Not implemented on our models, hence UNDEF: the pointer-authenticated
 * branches (BRAA, RETAA...: no FEAT_PAuth), BC.cond (FEAT_HBC), and the
 * instructions that are undefined at EL0 anyway (HVC, SMC, HLT, DCPS*,
 * ERET, DRPS).
 *
 * Entry point: the a64_branch_patterns table at the end of the file.
 */
#include "translate.h"

/* Branch to s->pc + off if x cond y (IR comparison at width t), else fall
 * through to the next instruction. */
static void gen_branch_if(DisasContext *s, IRType t, IRCond c, IRTemp x, IRTemp y, int64_t off)
{
    uint32_t taken = ir_new_label(IRB(s));

    ir_brcond(IRB(s), t, c, x, y, taken);
    gen_goto_pc(s, 0, s->pc + 4);
    ir_label(IRB(s), taken);
    gen_goto_pc(s, 1, s->pc + off);
}

/* ---- immediate branches ---- */

static bool trans_b(DisasContext *s, uint32_t insn)
{
    gen_goto_pc(s, 0, s->pc + imm26(insn) * 4);
    return true;
}

static bool trans_bl(DisasContext *s, uint32_t insn)
{
    a64_set_reg(s, 30, a64_const(s, IR_I64, s->pc + 4), true);
    gen_goto_pc(s, 0, s->pc + imm26(insn) * 4);
    return true;
}

/* B.cond; AL and NV branch always. */
static bool trans_b_cond(DisasContext *s, uint32_t insn)
{
    unsigned cond = bits(insn, 0, 4);
    uint32_t taken;

    if (cond >= 14) {
        gen_goto_pc(s, 0, s->pc + imm19(insn) * 4);
        return true;
    }
    taken = ir_new_label(IRB(s));
    gen_brcond_cc(s, cond, taken);
    gen_goto_pc(s, 0, s->pc + 4);
    ir_label(IRB(s), taken);
    gen_goto_pc(s, 1, s->pc + imm19(insn) * 4);
    return true;
}

/* CBZ/CBNZ: compare Rt (W or X) with zero. */
static bool gen_cbz(DisasContext *s, uint32_t insn, IRCond c)
{
    gen_branch_if(s, sf(insn) ? IR_I64 : IR_I32, c, a64_reg(s, rt(insn)),
                  a64_const(s, IR_I64, 0), imm19(insn) * 4);
    return true;
}

static bool trans_cbz(DisasContext *s, uint32_t i)  { return gen_cbz(s, i, IR_COND_EQ); }
static bool trans_cbnz(DisasContext *s, uint32_t i) { return gen_cbz(s, i, IR_COND_NE); }

/* TBZ/TBNZ: test bit b5:b40 of Rt. */
static bool gen_tbz(DisasContext *s, uint32_t insn, IRCond c)
{
    gen_branch_if(s, IR_I64, c, a64_reg(s, rt(insn)),
                  a64_const(s, IR_I64, 1ull << b5b40(insn)), imm14(insn) * 4);
    return true;
}

static bool trans_tbz(DisasContext *s, uint32_t i)  { return gen_tbz(s, i, IR_COND_TSTEQ); }
static bool trans_tbnz(DisasContext *s, uint32_t i) { return gen_tbz(s, i, IR_COND_TSTNE); }

/* ---- register branches ---- */

/* BR and RET (a hint to the branch predictor only; any Rn). */
static bool trans_br(DisasContext *s, uint32_t insn)
{
    gen_goto_reg(s, a64_reg(s, rn(insn)));
    return true;
}

/* BLR: the target is read before X30 is written (BLR X30). */
static bool trans_blr(DisasContext *s, uint32_t insn)
{
    IRTemp dest = a64_tmp(s, IR_I64);

    ir_mov(IRB(s), IR_I64, dest, a64_reg(s, rn(insn)));
    a64_set_reg(s, 30, a64_const(s, IR_I64, s->pc + 4), true);
    gen_goto_reg(s, dest);
    return true;
}

/* ---- exception generation ---- */

/* SVC: the OS layer runs the system call (number in X8) and resumes at the
 * next instruction. */
static bool trans_svc(DisasContext *s, uint32_t insn)
{
    (void)insn;
    gen_exception(s, EXCP_SYSCALL, s->pc + 4);
    return true;
}

/* BRK: SIGTRAP with the pc of the BRK and its immediate (ESR.ISS). */
static bool trans_brk(DisasContext *s, uint32_t insn)
{
    ir_stenv(IRB(s), IR_I32, a64_const(s, IR_I32, imm16(insn)),
             env_off(common.excp_arg), IR_MO_32);
    gen_exception(s, EXCP_BKPT, s->pc);
    return true;
}

/* Named rows for encodings that are UNDEF at EL0 or on our models, so that
 * -d unimp names them; the decoder then raises SIGILL. */
static bool trans_undef(DisasContext *s, uint32_t insn)
{
    (void)s;
    (void)insn;
    return false;
}

/* Manual order: C4.1.87, by op0. */
const DecodePattern a64_branch_patterns[] = {
    /* Conditional branch (immediate) */
    { "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc", trans_b_cond, "B.cond" },
    { "0101010 0 iiiiiiiiiiiiiiiiiii 1 cccc", trans_undef, "BC.cond" },
    /* Exception generation */
    { "11010100 000 iiiiiiiiiiiiiiii 000 01", trans_svc, "SVC" },
    { "11010100 000 iiiiiiiiiiiiiiii 000 10", trans_undef, "HVC" },
    { "11010100 000 iiiiiiiiiiiiiiii 000 11", trans_undef, "SMC" },
    { "11010100 001 iiiiiiiiiiiiiiii 000 00", trans_brk, "BRK" },
    { "11010100 010 iiiiiiiiiiiiiiii 000 00", trans_undef, "HLT" },
    { "11010100 101 iiiiiiiiiiiiiiii 000 ll", trans_undef, "DCPS1/2/3" },
    /* Unconditional branch (register) */
    { "1101011 0000 11111 000000 nnnnn 00000", trans_br, "BR" },
    { "1101011 0001 11111 000000 nnnnn 00000", trans_blr, "BLR" },
    { "1101011 0010 11111 000000 nnnnn 00000", trans_br, "RET" },
    { "1101011 0100 11111 000000 11111 00000", trans_undef, "ERET" },
    { "1101011 0101 11111 000000 11111 00000", trans_undef, "DRPS" },
    { "1101011 0 ooo 11111 00001 m nnnnn kkkkk", trans_undef, "BRAAZ/BLRAAZ/RETAA/ERETAA (pointer authentication)" },
    { "1101011 100 o 11111 00001 m nnnnn kkkkk", trans_undef, "BRAA/BLRAA (pointer authentication)" },
    /* Unconditional branch (immediate) */
    { "0 00101 iiiiiiiiiiiiiiiiiiiiiiiiii", trans_b, "B" },
    { "1 00101 iiiiiiiiiiiiiiiiiiiiiiiiii", trans_bl, "BL" },
    /* Compare and branch (immediate) */
    { "s 011010 0 iiiiiiiiiiiiiiiiiii ttttt", trans_cbz, "CBZ" },
    { "s 011010 1 iiiiiiiiiiiiiiiiiii ttttt", trans_cbnz, "CBNZ" },
    /* Test and branch (immediate) */
    { "b 011011 0 bbbbb iiiiiiiiiiiiii ttttt", trans_tbz, "TBZ" },
    { "b 011011 1 bbbbb iiiiiiiiiiiiii ttttt", trans_tbnz, "TBNZ" },
    { NULL },
};
