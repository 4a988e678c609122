/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 frontend, system instructions as an EL0 program under Linux sees
 * them (Arm ARM C4.1.87 "System", C5 "System register encodings"):
 *
 *  - hints (NOP, YIELD, WFE, WFI, SEV, SEVL, DGH, ESB, CSDB, BTI...): NOPs.
 *    WFE/WFI do not sleep: Linux lets EL0 run them, and a spurious wake-up
 *    is always allowed.  The hint-space PAC instructions (PACIASP, AUTIASP,
 *    PACIA1716, XPACLRI...) sign, authenticate or strip X30/X17 through
 *    pauth.c on a model with FEAT_PAuth, and are NOPs on one without, as
 *    on such a CPU.  BTI's own work is done at block entry (pauth.c).
 *  - barriers: DMB/DSB become IR barriers, ISB and SB end the block,
 *    CLREX clears the exclusive monitor;
 *  - PSTATE access: MSR (immediate) for DIT and SSBS, and FEAT_FlagM/M2
 *    (CFINV, RMIF, SETF8/16, AXFLAG, XAFLAG);
 *  - MRS/MSR (register) through the a64_sysregs table: NZCV, FPCR, FPSR,
 *    DIT, SSBS, TPIDR_EL0, TPIDRRO_EL0, the generic timer counters, CTR,
 *    DCZID, and the ID registers Linux emulates for EL0 (MIDR, MPIDR,
 *    REVIDR and the ID_AA64* space), with the values Linux shows: only
 *    the user-visible fields, derived from the model's features so they
 *    agree with AT_HWCAP.  Anything else is UNDEF, as at EL0;
 *  - SYS: the EL0 cache maintenance operations (DC ZVA zeroes a block; the
 *    clean/invalidate operations and IC IVAU are NOPs since guise keeps
 *    translated code coherent by write-protecting it).
 *
 * The generic timer runs at A64_CNTFRQ = 1 GHz (as Armv8.6 mandates), so
 * CNTVCT_EL0 is CLOCK_MONOTONIC in nanoseconds (helper-int.c).
 *
 * Entry point: the a64_sys_patterns table at the end of the file.
 */
#include "translate.h"
#include "sysregs.h"
#include "pauth.h"

/* helper-int.c */
extern IRHelper helper_desc_dc_zva, helper_desc_counter;

#define A64_CNTFRQ 1000000000ull

static bool trans_undef(DisasContext *s, uint32_t insn)
{
    (void)s;
    (void)insn;
    return false;
}

/* ---- hints and barriers ---- */

static bool trans_nop(DisasContext *s, uint32_t insn)
{
    (void)s;
    (void)insn;
    return true;
}

/* ---- hint-space pointer authentication (FEAT_PAuth) ---- */

/* The PAC hints: op is CRm<1>:op2 (CRm = 0001 for the 1716 forms, 0011 for
 * the X30 ones): bit 2 = AUT, bit 1 = key B, and for the X30 forms bit 0
 * = modifier SP (else zero).  X17 is signed with X16 as the modifier. */
static bool gen_pac_hint(DisasContext *s, unsigned reg, IRTemp mod, unsigned op)
{
    unsigned key = (op >> 1) & 1 ? A64_KEY_IB : A64_KEY_IA;
    IRTemp r;

    if (!A64_HAS(s, A64_FEAT_PACA))
        return true;                       /* a NOP without FEAT_PAuth */
    if (op & 4)
        r = gen_pac_auth(s, cpu_x[reg], mod, key);
    else
        r = gen_pac_add(s, cpu_x[reg], mod, key);
    a64_set_reg(s, reg, r, true);
    return true;
}

/* PACIA1716, PACIB1716, AUTIA1716, AUTIB1716 (op2 even; odd ones are
 * plain hints). */
static bool trans_pac_1716(DisasContext *s, uint32_t insn)
{
    unsigned op = bits(insn, 5, 3);

    if (op & 1)
        return true;
    return gen_pac_hint(s, 17, cpu_x[16], op);
}

/* PACIAZ, PACIASP, PACIBZ, PACIBSP, AUTIAZ, AUTIASP, AUTIBZ, AUTIBSP. */
static bool trans_pac_x30(DisasContext *s, uint32_t insn)
{
    unsigned op = bits(insn, 5, 3);

    return gen_pac_hint(s, 30, (op & 1) ? cpu_x[31] : a64_const(s, IR_I64, 0), op);
}

static bool trans_xpaclri(DisasContext *s, uint32_t insn)
{
    (void)insn;
    if (A64_HAS(s, A64_FEAT_PACA))
        a64_set_reg(s, 30, gen_pac_strip(s, cpu_x[30], true), true);
    return true;
}

static bool trans_clrex(DisasContext *s, uint32_t insn)
{
    (void)insn;
    ir_stenv(IRB(s), IR_I64, a64_const(s, IR_I64, ~0ull), env_off(excl_addr), IR_MO_64);
    return true;
}

/* DMB: CRm<1:0> is the access type (1 loads, 2 stores, 3 all).  Load-only
 * and store-only barriers need no host fence on a TSO host; the IR says
 * which ordering is asked for and the backend decides. */
static bool trans_dmb(DisasContext *s, uint32_t insn)
{
    static const unsigned kind[4] = { IR_MB_SC, IR_MB_LD, IR_MB_ST, IR_MB_SC };
    ir_mb(IRB(s), kind[bits(insn, 8, 2)]);
    return true;
}

/* DSB (and SSBB/PSSBB, which share its encoding): a full barrier. */
static bool trans_dsb(DisasContext *s, uint32_t insn)
{
    (void)insn;
    ir_mb(IRB(s), IR_MB_SC);
    return true;
}

/* ISB and SB: later instructions must see earlier context changes, so the
 * block ends and the next one is looked up (chained) afresh. */
static bool trans_isb(DisasContext *s, uint32_t insn)
{
    (void)insn;
    s->base.is_jmp = DISAS_TOO_MANY;
    return true;
}

static bool trans_sb(DisasContext *s, uint32_t insn)
{
    return A64_HAS(s, A64_FEAT_SB) && trans_isb(s, insn);
}

/* ---- PSTATE: DIT, SSBS and the flag manipulation instructions ---- */

/* The env->pstate bit of A64_PSTATE_DIT/SSBS (mask) = low bit of v. */
static void gen_set_pstate_bit(DisasContext *s, uint32_t mask, IRTemp v)
{
    IRBlock *B = IRB(s);
    IRTemp p = a64_tmp(s, IR_I64);

    ir_ldenv(B, IR_I64, p, env_off(pstate), IR_MO_64);
    ir_deposit(B, IR_I64, p, p, v, (unsigned)__builtin_ctz(mask), 1);
    ir_stenv(B, IR_I64, p, env_off(pstate), IR_MO_64);
}

static IRTemp gen_get_pstate_bit(DisasContext *s, uint32_t mask)
{
    IRTemp p = a64_tmp(s, IR_I64);

    ir_ldenv(IRB(s), IR_I64, p, env_off(pstate), IR_MO_64);
    ir_and(IRB(s), IR_I64, p, p, a64_const(s, IR_I64, mask));
    return p;
}

/* MSR DIT, #imm / MSR SSBS, #imm: the value is CRm<0>. */
static bool trans_msr_dit_imm(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_DIT))
        return false;
    gen_set_pstate_bit(s, A64_PSTATE_DIT, a64_const(s, IR_I64, bits(insn, 8, 1)));
    return true;
}

static bool trans_msr_ssbs_imm(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_SSBS))
        return false;
    gen_set_pstate_bit(s, A64_PSTATE_SSBS, a64_const(s, IR_I64, bits(insn, 8, 1)));
    return true;
}

/* CFINV: C = NOT(C). */
static bool trans_cfinv(DisasContext *s, uint32_t insn)
{
    (void)insn;
    if (!A64_HAS(s, A64_FEAT_FLAGM))
        return false;
    ir_xor(IRB(s), IR_I64, cpu_cf, cpu_cf, a64_const(s, IR_I64, 1));
    return true;
}

/* Z and V of the current flags as 0/1 values, read before any is written. */
static IRTemp gen_flag_z(DisasContext *s)
{
    IRTemp z = a64_tmp(s, IR_I64);
    ir_setcond(IRB(s), IR_I64, IR_COND_EQ, z, cpu_zf, a64_const(s, IR_I64, 0));
    return z;
}

/* AXFLAG (FEAT_FlagM2, from the Arm floating-point condition format to the
 * external one): Z = Z OR V, C = C AND NOT(V), N = V = 0. */
static bool trans_axflag(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    IRTemp v = a64_tmp(s, IR_I64), z;

    (void)insn;
    if (!A64_HAS(s, A64_FEAT_FLAGM2))
        return false;
    ir_shr(B, IR_I64, v, cpu_vf, a64_const(s, IR_I64, 63));
    z = gen_flag_z(s);
    ir_or(B, IR_I64, z, z, v);
    ir_xor(B, IR_I64, cpu_zf, z, a64_const(s, IR_I64, 1));
    ir_andc(B, IR_I64, cpu_cf, cpu_cf, v);
    ir_movi(B, IR_I64, cpu_nf, 0);
    ir_movi(B, IR_I64, cpu_vf, 0);
    return true;
}

/* XAFLAG (the reverse conversion): N = NOT(C) AND NOT(Z), Z = Z AND C,
 * C = C OR Z, V = NOT(C) AND Z, all from the old flags. */
static bool trans_xaflag(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    IRTemp z, c = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64);

    (void)insn;
    if (!A64_HAS(s, A64_FEAT_FLAGM2))
        return false;
    z = gen_flag_z(s);
    ir_mov(B, IR_I64, c, cpu_cf);
    ir_or(B, IR_I64, cpu_cf, c, z);
    ir_sub(B, IR_I64, cpu_nf, cpu_cf, a64_const(s, IR_I64, 1));   /* -1 iff C|Z == 0 */
    ir_and(B, IR_I64, t, z, c);
    ir_xor(B, IR_I64, cpu_zf, t, a64_const(s, IR_I64, 1));
    ir_andc(B, IR_I64, t, z, c);
    ir_neg(B, IR_I64, cpu_vf, t);
    return true;
}

/* RMIF: rotate Xn right by imm6 and copy its bits 3:0 into the flags
 * selected by mask (N, Z, C, V from bit 3 down). */
static bool trans_rmif(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    unsigned mask = bits(insn, 0, 4);
    IRTemp t = a64_tmp(s, IR_I64);

    if (!A64_HAS(s, A64_FEAT_FLAGM))
        return false;
    ir_rotr(B, IR_I64, t, a64_reg(s, rn(insn)), a64_const(s, IR_I64, bits(insn, 15, 6)));
    if (mask & 8)
        ir_shl(B, IR_I64, cpu_nf, t, a64_const(s, IR_I64, 60));
    if (mask & 4) {
        IRTemp z = a64_tmp(s, IR_I64);
        ir_extract(B, IR_I64, z, t, 2, 1);
        ir_xor(B, IR_I64, cpu_zf, z, a64_const(s, IR_I64, 1));
    }
    if (mask & 2)
        ir_extract(B, IR_I64, cpu_cf, t, 1, 1);
    if (mask & 1)
        ir_shl(B, IR_I64, cpu_vf, t, a64_const(s, IR_I64, 63));
    return true;
}

/* SETF8/SETF16: N = Wn<msb>, Z = (Wn<msb:0> == 0), V = Wn<msb+1> XOR
 * Wn<msb>, C unchanged; msb is 7 or 15. */
static bool gen_setf(DisasContext *s, uint32_t insn, unsigned msb)
{
    IRBlock *B = IRB(s);
    IRTemp x = a64_reg(s, rn(insn)), t = a64_tmp(s, IR_I64);

    if (!A64_HAS(s, A64_FEAT_FLAGM))
        return false;
    ir_shl(B, IR_I64, cpu_nf, x, a64_const(s, IR_I64, 63 - msb));
    ir_shl(B, IR_I64, t, x, a64_const(s, IR_I64, 62 - msb));
    ir_xor(B, IR_I64, cpu_vf, t, cpu_nf);
    ir_extract(B, IR_I64, cpu_zf, x, 0, msb + 1);
    return true;
}

static bool trans_setf8(DisasContext *s, uint32_t i)  { return gen_setf(s, i, 7); }
static bool trans_setf16(DisasContext *s, uint32_t i) { return gen_setf(s, i, 15); }

/* ---- system registers ---- */

/* op0:op1:CRn:CRm:op2, as bits 20:5 of MRS/MSR/SYS. */
#define SYSREG(op0, op1, crn, crm, op2) \
    ((uint32_t)(op0) << 14 | (uint32_t)(op1) << 11 | (uint32_t)(crn) << 7 | \
     (uint32_t)(crm) << 3 | (uint32_t)(op2))

static inline uint32_t sysreg_key(uint32_t insn)
{
    return bits(insn, 5, 16);
}

enum {
    SR_MIDR = SYSREG(3, 0, 0, 0, 0),
    SR_MPIDR = SYSREG(3, 0, 0, 0, 5),
    SR_REVIDR = SYSREG(3, 0, 0, 0, 6),
    SR_PFR0 = SYSREG(3, 0, 0, 4, 0),
    SR_PFR1 = SYSREG(3, 0, 0, 4, 1),
    SR_ZFR0 = SYSREG(3, 0, 0, 4, 4),
    SR_DFR0 = SYSREG(3, 0, 0, 5, 0),
    SR_DFR1 = SYSREG(3, 0, 0, 5, 1),
    SR_ISAR0 = SYSREG(3, 0, 0, 6, 0),
    SR_ISAR1 = SYSREG(3, 0, 0, 6, 1),
    SR_ISAR2 = SYSREG(3, 0, 0, 6, 2),
    SR_MMFR0 = SYSREG(3, 0, 0, 7, 0),
    SR_MMFR1 = SYSREG(3, 0, 0, 7, 1),
    SR_MMFR2 = SYSREG(3, 0, 0, 7, 2),
};

/* ID register fields that report a feature: the field at shift of key
 * reads val when the model has feat (the largest such val wins).  The
 * HWCAPs Linux derives from these (arm64_elf_hwcaps) are the features. */
static const struct A64IdField {
    uint32_t key;
    uint8_t shift, val, feat;
} a64_id_fields[] = {
    { SR_PFR0, 16, 1, A64_FEAT_FPHP },   { SR_PFR0, 20, 1, A64_FEAT_ASIMDHP },
    { SR_PFR0, 32, 1, A64_FEAT_SVE },    { SR_PFR0, 48, 1, A64_FEAT_DIT },
    { SR_PFR1, 0, 1, A64_FEAT_BTI },     { SR_PFR1, 4, 2, A64_FEAT_SSBS },
    { SR_ISAR0, 4, 1, A64_FEAT_AES },    { SR_ISAR0, 4, 2, A64_FEAT_PMULL },
    { SR_ISAR0, 8, 1, A64_FEAT_SHA1 },   { SR_ISAR0, 12, 1, A64_FEAT_SHA2 },
    { SR_ISAR0, 12, 2, A64_FEAT_SHA512 }, { SR_ISAR0, 16, 1, A64_FEAT_CRC32 },
    { SR_ISAR0, 20, 2, A64_FEAT_ATOMICS }, { SR_ISAR0, 28, 1, A64_FEAT_ASIMDRDM },
    { SR_ISAR0, 32, 1, A64_FEAT_SHA3 },  { SR_ISAR0, 36, 1, A64_FEAT_SM3 },
    { SR_ISAR0, 40, 1, A64_FEAT_SM4 },   { SR_ISAR0, 44, 1, A64_FEAT_ASIMDDP },
    { SR_ISAR0, 48, 1, A64_FEAT_ASIMDFHM }, { SR_ISAR0, 52, 1, A64_FEAT_FLAGM },
    { SR_ISAR0, 52, 2, A64_FEAT_FLAGM2 }, { SR_ISAR0, 60, 1, A64_FEAT_RNG },
    { SR_ISAR1, 0, 1, A64_FEAT_DCPOP },  { SR_ISAR1, 0, 2, A64_FEAT_DCPODP },
    /* APA/GPA (QARMA5) or API/GPI (IMPLEMENTATION DEFINED): 5 = PAuth2,
     * FPAC and FPACCombine; PACA and PACG come with one of these. */
    { SR_ISAR1, 4, 5, A64_FEAT_PAUTH_QARMA5 }, { SR_ISAR1, 8, 5, A64_FEAT_PAUTH_IMPDEF },
    { SR_ISAR1, 24, 1, A64_FEAT_PAUTH_QARMA5 }, { SR_ISAR1, 28, 1, A64_FEAT_PAUTH_IMPDEF },
    { SR_ISAR1, 12, 1, A64_FEAT_JSCVT }, { SR_ISAR1, 16, 1, A64_FEAT_FCMA },
    { SR_ISAR1, 20, 1, A64_FEAT_LRCPC }, { SR_ISAR1, 20, 2, A64_FEAT_ILRCPC },
    { SR_ISAR1, 32, 1, A64_FEAT_FRINT }, { SR_ISAR1, 36, 1, A64_FEAT_SB },
    { SR_ISAR1, 44, 1, A64_FEAT_BF16 },  { SR_ISAR1, 52, 1, A64_FEAT_I8MM },
    { SR_MMFR2, 32, 1, A64_FEAT_USCAT },
};

/* The feature fields of ID register key for model m (sysregs.h); FP and AdvSIMD read
 * 0xf (not implemented) when the model lacks them. */
uint64_t a64_id_feature_bits(const Arm64Model *m, uint32_t key)
{
    uint64_t v = 0;

    for (size_t i = 0; i < sizeof(a64_id_fields) / sizeof(a64_id_fields[0]); i++) {
        const struct A64IdField *f = &a64_id_fields[i];
        uint64_t cur = (v >> f->shift) & 0xf;
        if (f->key == key && ((m->features >> f->feat) & 1) && f->val > cur)
            v = (v & ~(0xfull << f->shift)) | ((uint64_t)f->val << f->shift);
    }
    if (key == SR_PFR0 && !((m->features >> A64_FEAT_FP) & 1))
        v |= 0xfull << 16;
    if (key == SR_PFR0 && !((m->features >> A64_FEAT_ASIMD) & 1))
        v |= 0xfull << 20;
    return v;
}

typedef struct A64SysReg {
    uint32_t key;
    const char *name;
    int feat;                 /* A64_FEAT_* the register needs, or -1 */
    uint64_t fixed;           /* constant registers: value (plus a64_id_feature_bits) */
    IRTemp (*read)(DisasContext *s);            /* NULL: the constant above */
    void (*write)(DisasContext *s, IRTemp v);   /* NULL: read-only at EL0 */
} A64SysReg;

/* FPCR bits we keep: AHP, DN, FZ, RMode, and FZ16 with FEAT_FP16.  The trap
 * enables read as zero (trapping is not implemented, as on most cores);
 * Len and Stride are AArch32 only. */
#define FPCR_MASK      0x07c00000u
#define FPCR_FZ16      (1u << 19)
/* FPSR: QC and the cumulative exception bits. */
#define FPSR_MASK      0x0800009fu

static IRTemp gen_ld_env32(DisasContext *s, int32_t off)
{
    IRTemp v = a64_tmp(s, IR_I32);
    ir_ldenv(IRB(s), IR_I32, v, off, IR_MO_32);
    return v;
}

static void gen_st_env32_masked(DisasContext *s, int32_t off, IRTemp v, uint32_t mask)
{
    IRTemp t = a64_tmp(s, IR_I32);
    ir_and(IRB(s), IR_I32, t, v, a64_const(s, IR_I32, mask));
    ir_stenv(IRB(s), IR_I32, t, off, IR_MO_32);
}

static IRTemp read_fpcr(DisasContext *s) { return gen_ld_env32(s, env_off(fpcr)); }
static IRTemp read_fpsr(DisasContext *s) { return gen_ld_env32(s, env_off(fpsr)); }

static void write_fpcr(DisasContext *s, IRTemp v)
{
    gen_st_env32_masked(s, env_off(fpcr), v,
                        FPCR_MASK | (A64_HAS(s, A64_FEAT_FPHP) ? FPCR_FZ16 : 0));
}

static void write_fpsr(DisasContext *s, IRTemp v)
{
    gen_st_env32_masked(s, env_off(fpsr), v, FPSR_MASK);
}

static IRTemp read_dit(DisasContext *s)  { return gen_get_pstate_bit(s, A64_PSTATE_DIT); }
static IRTemp read_ssbs(DisasContext *s) { return gen_get_pstate_bit(s, A64_PSTATE_SSBS); }

static void write_dit(DisasContext *s, IRTemp v)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_extract(IRB(s), IR_I64, t, v, 24, 1);
    gen_set_pstate_bit(s, A64_PSTATE_DIT, t);
}

static void write_ssbs(DisasContext *s, IRTemp v)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_extract(IRB(s), IR_I64, t, v, 12, 1);
    gen_set_pstate_bit(s, A64_PSTATE_SSBS, t);
}

static IRTemp read_tpidr(DisasContext *s)
{
    IRTemp v = a64_tmp(s, IR_I64);
    ir_ldenv(IRB(s), IR_I64, v, env_off(tpidr_el0), IR_MO_64);
    return v;
}

static void write_tpidr(DisasContext *s, IRTemp v)
{
    ir_stenv(IRB(s), IR_I64, v, env_off(tpidr_el0), IR_MO_64);
}

/* The generic timer counters (physical and virtual are the same here). */
static IRTemp read_counter(DisasContext *s)
{
    IRTemp v = a64_tmp(s, IR_I64);
    ir_call(IRB(s), &helper_desc_counter, v, IR_NONE, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
    return v;
}

static IRTemp read_midr(DisasContext *s)
{
    return a64_const(s, IR_I64, s->model->midr);
}

/* Registers an EL0 MRS/MSR may name.  ID_AA64* registers not listed here
 * read as zero (below); everything else is UNDEF. */
static const A64SysReg a64_sysregs[] = {
    { SYSREG(3, 3, 4, 2, 0), "NZCV", -1, 0, gen_get_nzcv, gen_set_nzcv },
    { SYSREG(3, 3, 4, 2, 5), "DIT", A64_FEAT_DIT, 0, read_dit, write_dit },
    { SYSREG(3, 3, 4, 2, 6), "SSBS", A64_FEAT_SSBS, 0, read_ssbs, write_ssbs },
    { SYSREG(3, 3, 4, 4, 0), "FPCR", -1, 0, read_fpcr, write_fpcr },
    { SYSREG(3, 3, 4, 4, 1), "FPSR", -1, 0, read_fpsr, write_fpsr },
    { SYSREG(3, 3, 13, 0, 2), "TPIDR_EL0", -1, 0, read_tpidr, write_tpidr },
    { SYSREG(3, 3, 13, 0, 3), "TPIDRRO_EL0", -1, 0, NULL, NULL },
    /* CTR_EL0: RES1 bit 31, IDC = DIC = 0, CWG = ERG = 16 words, 64-byte
     * D and I lines (DminLine = IminLine = 4), PIPT I-cache. */
    { SYSREG(3, 3, 0, 0, 1), "CTR_EL0", -1, 0x8444c004, NULL, NULL },
    /* DCZID_EL0: DC ZVA allowed (DZP = 0), 16-word (64-byte) blocks. */
    { SYSREG(3, 3, 0, 0, 7), "DCZID_EL0", -1, 4, NULL, NULL },
    { SYSREG(3, 3, 14, 0, 0), "CNTFRQ_EL0", -1, A64_CNTFRQ, NULL, NULL },
    { SYSREG(3, 3, 14, 0, 1), "CNTPCT_EL0", -1, 0, read_counter, NULL },
    { SYSREG(3, 3, 14, 0, 2), "CNTVCT_EL0", -1, 0, read_counter, NULL },
    { SYSREG(3, 3, 14, 0, 5), "CNTPCTSS_EL0", -1, 0, read_counter, NULL },
    { SYSREG(3, 3, 14, 0, 6), "CNTVCTSS_EL0", -1, 0, read_counter, NULL },
    /* Emulated by Linux for EL0 (Documentation/arch/arm64/cpu-feature-registers.rst):
     * MIDR as is, MPIDR as the safe value (bit 31), REVIDR as zero. */
    { SR_MIDR, "MIDR_EL1", A64_FEAT_CPUID, 0, read_midr, NULL },
    { SR_MPIDR, "MPIDR_EL1", A64_FEAT_CPUID, 1ull << 31, NULL, NULL },
    { SR_REVIDR, "REVIDR_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    /* Hidden fields read as Linux's safe values: EL0 and EL1 AArch64-only. */
    { SR_PFR0, "ID_AA64PFR0_EL1", A64_FEAT_CPUID, 0x11, NULL, NULL },
    { SR_PFR1, "ID_AA64PFR1_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    { SR_ZFR0, "ID_AA64ZFR0_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    /* DebugVer reads Armv8.0 debug (6), its safe value. */
    { SR_DFR0, "ID_AA64DFR0_EL1", A64_FEAT_CPUID, 6, NULL, NULL },
    { SR_DFR1, "ID_AA64DFR1_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    { SR_ISAR0, "ID_AA64ISAR0_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    { SR_ISAR1, "ID_AA64ISAR1_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    { SR_ISAR2, "ID_AA64ISAR2_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    /* TGran4 and TGran64 hidden at their safe value "not implemented". */
    { SR_MMFR0, "ID_AA64MMFR0_EL1", A64_FEAT_CPUID, 0xff000000, NULL, NULL },
    { SR_MMFR1, "ID_AA64MMFR1_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
    { SR_MMFR2, "ID_AA64MMFR2_EL1", A64_FEAT_CPUID, 0, NULL, NULL },
};

/* Linux emulates MRS for op0 = 3, op1 = 0, CRn = 0, CRm = 0 or 2-7 (the ID
 * space); untracked registers there read as zero. */
static const A64SysReg a64_id_raz = { 0, "ID register (RAZ)", A64_FEAT_CPUID, 0, NULL, NULL };

static const A64SysReg *a64_sysreg_find(DisasContext *s, uint32_t key)
{
    const A64SysReg *r = NULL;
    unsigned crm = (key >> 3) & 0xf;

    for (size_t i = 0; i < sizeof(a64_sysregs) / sizeof(a64_sysregs[0]); i++)
        if (a64_sysregs[i].key == key)
            r = &a64_sysregs[i];
    if (!r && (key & ~SYSREG(0, 0, 0, 0xf, 7)) == SYSREG(3, 0, 0, 0, 0) && crm >= 2)
        r = &a64_id_raz;
    if (r && r->feat >= 0 && !((s->model->features >> r->feat) & 1))
        r = NULL;
    return r;
}

static bool trans_mrs(DisasContext *s, uint32_t insn)
{
    uint32_t key = sysreg_key(insn);
    const A64SysReg *r = a64_sysreg_find(s, key);
    IRTemp v;

    if (!r)
        return false;
    if (r->read)
        v = r->read(s);
    else
        v = a64_const(s, IR_I64, r->fixed | a64_id_feature_bits(s->model, key));
    a64_set_reg(s, rt(insn), v, true);
    return true;
}

static bool trans_msr_reg(DisasContext *s, uint32_t insn)
{
    const A64SysReg *r = a64_sysreg_find(s, sysreg_key(insn));

    if (!r || !r->write)
        return false;
    r->write(s, a64_reg(s, rt(insn)));
    return true;
}

/* ---- SYS: cache maintenance ---- */

/* DC ZVA: zero the DCZID-sized (64-byte) block holding Xt.  User mode:
 * eight 8-byte stores, a guest store each (memset's loops run it once per
 * 64 bytes, where a helper call cost more than the stores); the aligned
 * block never crosses a page, so the first store faults or none does.
 * Full system: the helper (MMIO too), which can fault, so the pc is in
 * env for a precise guest fault. */
static void gen_dc_zva(DisasContext *s, IRTemp addr)
{
    IRBlock *b = IRB(s);

    if (!a64_system_mode) {
        IRTemp base = a64_tmp(s, IR_I64), zero = a64_const(s, IR_I64, 0);
        ir_and(b, IR_I64, base, addr, a64_const(s, IR_I64, ~(uint64_t)63));
        for (int64_t k = 0; k < 64; k += 8)
            ir_st(b, IR_I64, zero, gen_add_imm(s, base, k), IR_MO_64);
        return;
    }
    ir_movi(b, IR_I64, cpu_pc, s->pc);
    ir_call(b, &helper_desc_dc_zva, IR_NONE, addr, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
}

static void gen_cache_nop(DisasContext *s, IRTemp addr)
{
    (void)s;
    (void)addr;
}

static const struct A64SysOp {
    uint32_t key;
    int feat;
    void (*gen)(DisasContext *s, IRTemp addr);
} a64_sysops[] = {
    { SYSREG(1, 3, 7, 4, 1), -1, gen_dc_zva },               /* DC ZVA */
    { SYSREG(1, 3, 7, 10, 1), -1, gen_cache_nop },           /* DC CVAC */
    { SYSREG(1, 3, 7, 11, 1), -1, gen_cache_nop },           /* DC CVAU */
    { SYSREG(1, 3, 7, 12, 1), A64_FEAT_DCPOP, gen_cache_nop },   /* DC CVAP */
    { SYSREG(1, 3, 7, 13, 1), A64_FEAT_DCPODP, gen_cache_nop },  /* DC CVADP */
    { SYSREG(1, 3, 7, 14, 1), -1, gen_cache_nop },           /* DC CIVAC */
    { SYSREG(1, 3, 7, 5, 1), -1, gen_cache_nop },            /* IC IVAU */
};

static bool trans_sys(DisasContext *s, uint32_t insn)
{
    uint32_t key = sysreg_key(insn);

    for (size_t i = 0; i < sizeof(a64_sysops) / sizeof(a64_sysops[0]); i++) {
        const struct A64SysOp *op = &a64_sysops[i];
        if (op->key != key)
            continue;
        if (op->feat >= 0 && !((s->model->features >> op->feat) & 1))
            return false;
        op->gen(s, a64_reg(s, rt(insn)));
        return true;
    }
    return false;
}

/* Manual order: C4.1.87 (system instruction classes), then the FlagM rows
 * of C4.1.88 (data processing -- register). */
const DecodePattern a64_sys_patterns[] = {
    /* Hints: named ones first, then the rest of the space (all NOPs) */
    { "1101010100 0 00 011 0010 0000 000 11111", trans_nop, "NOP" },
    { "1101010100 0 00 011 0010 0000 001 11111", trans_nop, "YIELD" },
    { "1101010100 0 00 011 0010 0000 010 11111", trans_nop, "WFE" },
    { "1101010100 0 00 011 0010 0000 011 11111", trans_nop, "WFI" },
    { "1101010100 0 00 011 0010 0000 100 11111", trans_nop, "SEV" },
    { "1101010100 0 00 011 0010 0000 101 11111", trans_nop, "SEVL" },
    { "1101010100 0 00 011 0010 0000 110 11111", trans_nop, "DGH" },
    { "1101010100 0 00 011 0010 0000 111 11111", trans_xpaclri, "XPACLRI" },
    { "1101010100 0 00 011 0010 0001 ppp 11111", trans_pac_1716, "PACIA1716/PACIB1716/AUTIA1716/AUTIB1716" },
    { "1101010100 0 00 011 0010 0010 000 11111", trans_nop, "ESB" },
    { "1101010100 0 00 011 0010 0010 100 11111", trans_nop, "CSDB" },
    { "1101010100 0 00 011 0010 0011 ppp 11111", trans_pac_x30, "PACIAZ/PACIASP/PACIBZ/PACIBSP/AUTIAZ/AUTIASP/AUTIBZ/AUTIBSP" },
    { "1101010100 0 00 011 0010 0100 pp0 11111", trans_nop, "BTI" },
    { "1101010100 0 00 011 0010 mmmm ppp 11111", trans_nop, "HINT" },
    /* Barriers */
    { "1101010100 0 00 011 0011 mmmm 010 11111", trans_clrex, "CLREX" },
    { "1101010100 0 00 011 0011 mmmm 100 11111", trans_dsb, "DSB" },
    { "1101010100 0 00 011 0011 mmmm 101 11111", trans_dmb, "DMB" },
    { "1101010100 0 00 011 0011 mmmm 110 11111", trans_isb, "ISB" },
    { "1101010100 0 00 011 0011 0000 111 11111", trans_sb, "SB" },
    /* PSTATE */
    { "1101010100 0 00 000 0100 0000 000 11111", trans_cfinv, "CFINV" },
    { "1101010100 0 00 000 0100 0000 001 11111", trans_xaflag, "XAFLAG" },
    { "1101010100 0 00 000 0100 0000 010 11111", trans_axflag, "AXFLAG" },
    { "1101010100 0 00 011 0100 mmmm 010 11111", trans_msr_dit_imm, "MSR (immediate) DIT" },
    { "1101010100 0 00 011 0100 mmmm 001 11111", trans_msr_ssbs_imm, "MSR (immediate) SSBS" },
    { "1101010100 0 00 ooo 0100 mmmm ppp 11111", trans_undef, "MSR (immediate)" },
    /* System instructions */
    { "1101010100 0 01 ooo nnnn mmmm ppp ttttt", trans_sys, "SYS" },
    { "1101010100 1 01 ooo nnnn mmmm ppp ttttt", trans_undef, "SYSL" },
    /* System register move */
    { "1101010100 0 1 o ooo nnnn mmmm ppp ttttt", trans_msr_reg, "MSR (register)" },
    { "1101010100 1 1 o ooo nnnn mmmm ppp ttttt", trans_mrs, "MRS" },
    /* Rotate right into flags, evaluate into flags (FEAT_FlagM) */
    { "1 0 1 11010000 iiiiii 00001 nnnnn 0 mmmm", trans_rmif, "RMIF" },
    { "0 0 1 11010000 000000 0 0010 nnnnn 0 1101", trans_setf8, "SETF8" },
    { "0 0 1 11010000 000000 1 0010 nnnnn 0 1101", trans_setf16, "SETF16" },
    { NULL },
};
