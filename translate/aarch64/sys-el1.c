/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The instructions full-system mode adds to user mode's decoder, matched
 * first (a handler returning false hands the word on to user mode's
 * rows): MRS/MSR of the EL1 system registers and of PSTATE fields, SYS
 * (TLBI, AT, cache maintenance), ERET, SVC with its immediate, HVC and
 * SMC, WFI.  The exception level is the one the block is translated for
 * (part of its identity, cpu-system.c), so accesses EL0 may never make are
 * UNDEFINED at translation time and the conditional ones (CNTKCTL_EL1,
 * SCTLR_EL1.UCT/UMA) are checked by the helpers at run time.
 *
 * A write whose effect the rest of the block must see (translation
 * registers, timers, DAIF, PAN, TLBI) ends the block; interrupts it
 * unmasks are taken by the dispatcher before the next block.
 */
#include "translate.h"
#include "cpu-system.h"

extern IRHelper helper_desc_sysreg_read, helper_desc_sysreg_write, helper_desc_sys_insn,
    helper_desc_eret, helper_desc_msr_pstate;

static unsigned cur_el(DisasContext *s)
{
    return a64_psr_el(s->env->pstate);
}

static inline uint32_t key_of(uint32_t insn)
{
    return bits(insn, 5, 16);
}

static void store_pc(DisasContext *s)
{
    ir_movi(IRB(s), IR_I64, cpu_pc, s->pc);
}

static IRTemp pstate_bits(DisasContext *s, uint64_t mask)
{
    IRTemp v = a64_tmp(s, IR_I64);

    ir_ldenv(IRB(s), IR_I64, v, env_off(pstate), IR_MO_64);
    ir_and(IRB(s), IR_I64, v, v, a64_const(s, IR_I64, mask));
    return v;
}

/* MRS of PSTATE fields (CurrentEL, DAIF, SPSel, PAN, UAO) at EL1. */
static bool mrs_pstate(DisasContext *s, uint32_t insn)
{
    IRTemp v;

    switch (key_of(insn)) {
    case A64_SYSREG(3, 0, 4, 2, 2): v = a64_const(s, IR_I64, (uint64_t)cur_el(s) << 2); break;
    case A64_SYSREG(3, 3, 4, 2, 1): v = pstate_bits(s, A64_PSR_DAIF); break;
    case A64_SYSREG(3, 0, 4, 2, 0): v = pstate_bits(s, A64_PSR_SP); break;
    case A64_SYSREG(3, 0, 4, 2, 3): v = pstate_bits(s, A64_PSR_PAN); break;
    case A64_SYSREG(3, 0, 4, 2, 4): v = pstate_bits(s, A64_PSR_UAO); break;
    default: return false;
    }
    if (cur_el(s) == 0 && key_of(insn) != A64_SYSREG(3, 3, 4, 2, 1))
        return false;                              /* only DAIF, and only with UMA */
    if (cur_el(s) == 0) {
        /* DAIF at EL0 depends on SCTLR_EL1.UMA: let the helper decide by
         * an MSR-shaped check that changes nothing (DAIFSet #0). */
        store_pc(s);
        ir_call(IRB(s), &helper_desc_msr_pstate, IR_NONE, IR_ENV,
                a64_const(s, IR_I64, 3 << 3 | 6), a64_const(s, IR_I64, 0), IR_NONE, IR_NONE);
    }
    a64_set_reg(s, rt(insn), v, true);
    return true;
}

static bool trans_mrs(DisasContext *s, uint32_t insn)
{
    uint32_t key = key_of(insn);
    const A64SysRegDesc *d = a64_sysreg_lookup(key);
    IRTemp v;

    if (mrs_pstate(s, insn))
        return true;
    /* Registers only user mode's table knows (NZCV, FPCR...), or not
     * accessible from EL0 at all: user mode's rows decide. */
    if (!d || (cur_el(s) == 0 && !(d->flags & A64_SR_EL0_READ)))
        return false;
    store_pc(s);
    v = a64_tmp(s, IR_I64);
    ir_call(IRB(s), &helper_desc_sysreg_read, v, IR_ENV, a64_const(s, IR_I64, key), IR_NONE,
            IR_NONE, IR_NONE);
    a64_set_reg(s, rt(insn), v, true);
    return true;
}

static bool end_block(DisasContext *s)
{
    s->base.is_jmp = DISAS_UPDATE;
    return true;
}

static bool trans_msr_reg(DisasContext *s, uint32_t insn)
{
    uint32_t key = key_of(insn);
    const A64SysRegDesc *d = a64_sysreg_lookup(key);
    unsigned field;

    switch (key) {
    case A64_SYSREG(3, 3, 4, 2, 1): field = A64_MSR_DAIF_REG; break;     /* DAIF */
    case A64_SYSREG(3, 0, 4, 2, 0): field = 0 << 3 | 5; break;           /* SPSel */
    case A64_SYSREG(3, 0, 4, 2, 3): field = 0 << 3 | 4; break;           /* PAN */
    case A64_SYSREG(3, 0, 4, 2, 4): field = 0 << 3 | 3; break;           /* UAO */
    default: field = 0; break;
    }
    if (field) {
        IRTemp v = a64_reg(s, rt(insn));
        if (field != A64_MSR_DAIF_REG) {
            /* The bit of SPSel (0), PAN (22) or UAO (23) to bit 0. */
            unsigned shift = field == (0 << 3 | 5) ? 0 : field == (0 << 3 | 4) ? 22 : 23;
            IRTemp b = a64_tmp(s, IR_I64);
            ir_shr(IRB(s), IR_I64, b, v, a64_const(s, IR_I64, shift));
            v = b;
        }
        if (cur_el(s) == 0 && field != A64_MSR_DAIF_REG)
            return false;
        store_pc(s);
        ir_call(IRB(s), &helper_desc_msr_pstate, IR_NONE, IR_ENV, a64_const(s, IR_I64, field), v,
                IR_NONE, IR_NONE);
        return end_block(s);
    }
    if (!d || (cur_el(s) == 0 && !(d->flags & A64_SR_EL0_WRITE)))
        return false;
    store_pc(s);
    ir_call(IRB(s), &helper_desc_sysreg_write, IR_NONE, IR_ENV, a64_const(s, IR_I64, key),
            a64_reg(s, rt(insn)), IR_NONE, IR_NONE);
    if (d->flags & A64_SR_END_TB)
        return end_block(s);
    return true;
}

/* MSR (immediate) to DAIFSet/DAIFClr/SPSel/PAN/UAO. */
static bool trans_msr_imm(DisasContext *s, uint32_t insn)
{
    unsigned op1 = bits(insn, 16, 3), op2 = bits(insn, 5, 3), crm = bits(insn, 8, 4);
    unsigned field = op1 << 3 | op2;

    if (field != (3 << 3 | 6) && field != (3 << 3 | 7) && field != (0 << 3 | 5) &&
        field != (0 << 3 | 4) && field != (0 << 3 | 3))
        return false;                              /* user mode's: DIT, SSBS, flags */
    if (cur_el(s) == 0 && op1 != 3)
        return false;
    store_pc(s);
    ir_call(IRB(s), &helper_desc_msr_pstate, IR_NONE, IR_ENV, a64_const(s, IR_I64, field),
            a64_const(s, IR_I64, crm), IR_NONE, IR_NONE);
    return end_block(s);
}

/* SYS: TLBI, AT, DC and IC by set/way at EL1 (EL0's cache maintenance by
 * VA and DC ZVA stay user mode's). */
static bool trans_sys(DisasContext *s, uint32_t insn)
{
    uint32_t key = key_of(insn);

    if (cur_el(s) == 0 || !a64_sys_insn_known(key))
        return false;
    store_pc(s);
    ir_call(IRB(s), &helper_desc_sys_insn, IR_NONE, IR_ENV, a64_const(s, IR_I64, key),
            a64_reg(s, rt(insn)), IR_NONE, IR_NONE);
    /* A TLBI must be seen by the next access; end the block to be plain. */
    return bits(insn, 12, 4) == 8 ? end_block(s) : true;
}

static bool trans_eret(DisasContext *s, uint32_t insn)
{
    (void)insn;
    if (cur_el(s) == 0)
        return false;
    store_pc(s);
    ir_call(IRB(s), &helper_desc_eret, IR_NONE, IR_ENV, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
    /* The helper set the pc; the next block is looked up under the new
     * PSTATE. */
    ir_exit_tb(IRB(s), IR_EXIT_NOCHAIN);
    s->base.is_jmp = DISAS_NORETURN;
    return true;
}

static void set_excp_arg(DisasContext *s, uint32_t insn)
{
    ir_stenv(IRB(s), IR_I32, a64_const(s, IR_I32, imm16(insn)), env_off(common.excp_arg),
             IR_MO_32);
}

static bool trans_svc(DisasContext *s, uint32_t insn)
{
    set_excp_arg(s, insn);
    gen_exception(s, EXCP_SYSCALL, s->pc + 4);
    return true;
}

static bool trans_hvc_smc(DisasContext *s, uint32_t insn)
{
    if (cur_el(s) == 0)
        return false;
    set_excp_arg(s, insn);
    gen_exception(s, (insn & 3) == 2 ? EXCP_A64_HVC : EXCP_A64_SMC, s->pc + 4);
    return true;
}

static bool trans_wfi(DisasContext *s, uint32_t insn)
{
    (void)insn;
    gen_exception(s, EXCP_A64_WFI, s->pc + 4);
    return true;
}

static const DecodePattern a64_sys_el1_patterns[] = {
    { "1101010100 11 o ppp nnnn mmmm qqq ttttt", trans_mrs, "MRS (system)" },
    { "1101010100 01 o ppp nnnn mmmm qqq ttttt", trans_msr_reg, "MSR (system register)" },
    { "1101010100 000 ppp 0100 mmmm qqq 11111", trans_msr_imm, "MSR (immediate, PSTATE)" },
    { "1101010100 001 ppp nnnn mmmm qqq ttttt", trans_sys, "SYS (system)" },
    { "1101011 0100 11111 000000 11111 00000", trans_eret, "ERET" },
    { "11010100 000 iiiiiiiiiiiiiiii 000 01", trans_svc, "SVC (system)" },
    { "11010100 000 iiiiiiiiiiiiiiii 000 1x", trans_hvc_smc, "HVC/SMC" },
    { "11010101000000110010 0000 011 11111", trans_wfi, "WFI (system)" },
    { NULL },
};

/* The decoder of full-system mode: this table, then user mode's. */
static Decoder a64_sys_decoder;

void a64_sys_arch_init(void)
{
    static const DecodePattern *tables[32];
    size_t n = 0;

    tables[n++] = a64_sys_el1_patterns;
    for (size_t i = 0; a64_user_tables[i]; i++)
        tables[n++] = a64_user_tables[i];
    tables[n] = NULL;
    decode_build(&a64_sys_decoder, 25, 4, tables);
    a64_system_mode = true;
}

bool a64_sys_decode(DisasContext *s, uint32_t insn)
{
    return decode_run(&a64_sys_decoder, s, insn);
}
