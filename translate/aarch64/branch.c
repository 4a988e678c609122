/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 frontend, branches and exception generation: the "Branches,
 * Exception Generating and System instructions" class of the Arm ARM
 * (C4.1.87) except the system instructions proper (sys.c).
 *
 * Every handler here ends the block, but for the early exits of a loop
 * trace (trace.c), conditional branches that continue the block, and its
 * inner branches, which jump to a label inside it.  Direct
 * branches exit through goto_tb slots so the dispatcher can chain them:
 * unconditional ones use slot 0; conditional ones fall through on slot 0
 * and take the branch on slot 1.
 * Register branches leave through goto_ptr (a lookup of the new pc).
 * SVC and BRK leave with an exception code for the OS layer.
 *
 * The pointer-authenticated branches (RETAA, BRAA, BLRAAZ...) authenticate
 * the target first (pauth.c; a failure traps, FEAT_FPACCombine) on models
 * with FEAT_PAuth.  With FEAT_BTI, BR/BLR and their PAC forms set BTYPE
 * (gen_bti_branch) for the landing-pad check at the target.
 *
 * Not implemented on our models, hence UNDEF: BC.cond (FEAT_HBC), and the
 * instructions that are undefined at EL0 anyway (HVC, SMC, HLT, DCPS*,
 * ERET, ERETAA, DRPS).
 *
 * Entry point: the a64_branch_patterns table at the end of the file.
 */
#include "translate.h"
#include "pauth.h"

/* Branch to s->pc + off if x cond y (IR comparison at width t), else fall
 * through to the next instruction. */
static void gen_branch_if(DisasContext *s, IRType t, IRCond c, IRTemp x, IRTemp y, int64_t off)
{
    uint32_t taken;

    if (a64_trace_branch(s, s->pc + off, &taken)) {
        ir_brcond(IRB(s), t, c, x, y, taken);
        return;
    }
    taken = ir_new_label(IRB(s));
    ir_brcond(IRB(s), t, c, x, y, taken);
    gen_goto_pc(s, 0, s->pc + 4);
    ir_label(IRB(s), taken);
    gen_goto_pc(s, 1, s->pc + off);
}

/* ---- immediate branches ---- */

/* B; inside a loop trace, forward to the label of its target. */
static bool gen_b(DisasContext *s, uint64_t dest)
{
    uint32_t label;

    if (a64_trace_inner(s, dest, &label))
        ir_br(IRB(s), label);
    else
        gen_goto_pc(s, 0, dest);
    return true;
}

static bool trans_b(DisasContext *s, uint32_t insn)
{
    return gen_b(s, s->pc + imm26(insn) * 4);
}

static bool trans_bl(DisasContext *s, uint32_t insn)
{
    a64_set_reg(s, 30, a64_const(s, IR_I64, s->pc + 4), true);
    gen_call_pc(s, s->pc + imm26(insn) * 4);
    return true;
}

/* B.cond; AL and NV branch always. */
static bool trans_b_cond(DisasContext *s, uint32_t insn)
{
    unsigned cond = bits(insn, 0, 4);
    uint32_t taken;

    if (cond >= 14)
        return gen_b(s, s->pc + imm19(insn) * 4);
    if (a64_trace_branch(s, s->pc + imm19(insn) * 4, &taken)) {
        gen_brcond_cc(s, cond, taken);
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

/* RET (a hint to the branch predictor only; any Rn; BTYPE stays 0). */
static bool trans_ret(DisasContext *s, uint32_t insn)
{
    gen_goto_reg(s, a64_reg(s, rn(insn)), IR_PTR_RET);
    return true;
}

static bool trans_br(DisasContext *s, uint32_t insn)
{
    gen_bti_branch(s, false, rn(insn));
    gen_goto_reg(s, a64_reg(s, rn(insn)), IR_PTR_JUMP);
    return true;
}

/* BLR to dest: the target is read before X30 is written (BLR X30). */
static void gen_blr(DisasContext *s, IRTemp target)
{
    IRTemp dest = a64_tmp(s, IR_I64);

    ir_mov(IRB(s), IR_I64, dest, target);
    gen_bti_branch(s, true, 0);
    a64_set_reg(s, 30, a64_const(s, IR_I64, s->pc + 4), true);
    gen_goto_reg(s, dest, IR_PTR_CALL);
}

static bool trans_blr(DisasContext *s, uint32_t insn)
{
    gen_blr(s, a64_reg(s, rn(insn)));
    return true;
}

/* ---- pointer-authenticated branches (FEAT_PAuth) ---- */

/* The target Xn authenticated with key A or B (bit 10) and modifier mod. */
static IRTemp gen_auth_target(DisasContext *s, uint32_t insn, IRTemp mod)
{
    return gen_pac_auth(s, a64_reg(s, rn(insn)), mod,
                        bits(insn, 10, 1) ? A64_KEY_IB : A64_KEY_IA);
}

/* The modifier: Xm|SP for BRAA/BLRAA, zero for the Z forms (Rm = 11111). */
static IRTemp gen_auth_mod(DisasContext *s, uint32_t insn)
{
    return bits(insn, 24, 1) ? a64_reg_sp(s, rd(insn)) : a64_const(s, IR_I64, 0);
}

/* RETAA, RETAB: X30 authenticated against SP. */
static bool trans_retaa(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_PACA))
        return false;
    gen_goto_reg(s, gen_pac_auth(s, cpu_x[30], cpu_x[31],
                                 bits(insn, 10, 1) ? A64_KEY_IB : A64_KEY_IA), IR_PTR_RET);
    return true;
}

/* BRAA, BRAB, BRAAZ, BRABZ. */
static bool trans_braa(DisasContext *s, uint32_t insn)
{
    IRTemp dest;

    if (!A64_HAS(s, A64_FEAT_PACA))
        return false;
    dest = gen_auth_target(s, insn, gen_auth_mod(s, insn));
    gen_bti_branch(s, false, rn(insn));
    gen_goto_reg(s, dest, IR_PTR_JUMP);
    return true;
}

/* BLRAA, BLRAB, BLRAAZ, BLRABZ. */
static bool trans_blraa(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_PACA))
        return false;
    gen_blr(s, gen_auth_target(s, insn, gen_auth_mod(s, insn)));
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
    { "1101011 0010 11111 000000 nnnnn 00000", trans_ret, "RET" },
    { "1101011 0100 11111 000000 11111 00000", trans_undef, "ERET" },
    { "1101011 0101 11111 000000 11111 00000", trans_undef, "DRPS" },
    { "1101011 0000 11111 00001 m nnnnn 11111", trans_braa, "BRAAZ/BRABZ" },
    { "1101011 0001 11111 00001 m nnnnn 11111", trans_blraa, "BLRAAZ/BLRABZ" },
    { "1101011 0010 11111 00001 m 11111 11111", trans_retaa, "RETAA/RETAB" },
    { "1101011 1000 11111 00001 m nnnnn kkkkk", trans_braa, "BRAA/BRAB" },
    { "1101011 1001 11111 00001 m nnnnn kkkkk", trans_blraa, "BLRAA/BLRAB" },
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
