/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IR for pointer authentication and BTI (see pauth.h for the architecture
 * guise implements and why).  The decoders call these gen_ functions: the
 * hint-space PAC instructions (sys.c), PACIA/AUTIA/XPACI/PACGA and friends
 * (int.c), RETAA/BRAA/BLRAA (branch.c), LDRAA/LDRAB (ldst.c), and the BTI
 * landing-pad check at the start of a block (translate.c).
 *
 * The pseudocode followed is the Arm ARM's AddPAC, Auth and Strip
 * (shared/functions/pac) with bottom_PAC_bit = 48, PAuth2 and FPAC, and
 * Linux's TCR_EL1: TBI0 = 1, TBID0 = 0 for user (bit 55 clear) pointers;
 * TBI1 = TBID1 = 1 (CONFIG_ARM64_MTE) for the upper half, where the top
 * byte is thus part of the PAC field for the instruction keys only.  With
 * field = bits 54:48, plus 63:56 for an instruction pointer with bit 55 set:
 *   ext    = ptr with the field replaced by copies of bit 55
 *   PAC    = ComputePAC(ext, modifier, Key<127:64>, Key<63:0>)
 *   AddPAC = ptr XOR (PAC AND field)
 *   Auth   = ptr XOR (PAC AND field), which must equal ext (else FPAC)
 *   Strip  = ext
 * The key's SCTLR_EL1.EnXX bit (env->pac_enabled) is tested at run time, so
 * blocks stay valid across PR_PAC_SET_ENABLED_KEYS and between threads.
 */
#include "translate.h"
#include "pauth.h"

/* helper-pauth.c */
extern IRHelper helper_desc_pac_qarma5;

#define PAC_MASK (((1ull << A64_PAC_BITS) - 1) << A64_PAC_LO)

static IRTemp gen_key_half(DisasContext *s, unsigned key, unsigned half)
{
    IRTemp t = a64_tmp(s, IR_I64);

    ir_ldenv(IRB(s), IR_I64, t, env_off(pac_keys[key][half]), IR_MO_64);
    return t;
}

/* ComputePAC(data, mod, key).  Address PACs use bits 54:48 only, which the
 * impdef hash's final fold (a64_pac_impdef) leaves alone: full = false
 * skips it. */
static IRTemp gen_compute_pac(DisasContext *s, IRTemp data, IRTemp mod, unsigned key, bool full)
{
    IRBlock *B = IRB(s);
    IRTemp k0 = gen_key_half(s, key, 1), k1 = gen_key_half(s, key, 0);
    IRTemp t = a64_tmp(s, IR_I64), u = a64_tmp(s, IR_I64);

    if (A64_HAS(s, A64_FEAT_PAUTH_QARMA5)) {
        ir_call(B, &helper_desc_pac_qarma5, t, data, mod, k0, k1, IR_NONE);
        return t;
    }
    ir_xor(B, IR_I64, t, data, k1);
    ir_mul(B, IR_I64, t, t, a64_const(s, IR_I64, A64_PAC_IMPDEF_MUL1));
    ir_xor(B, IR_I64, t, t, mod);
    ir_shr(B, IR_I64, u, t, a64_const(s, IR_I64, 32));
    ir_xor(B, IR_I64, t, t, u);
    ir_mul(B, IR_I64, t, t, a64_const(s, IR_I64, A64_PAC_IMPDEF_MUL2));
    ir_xor(B, IR_I64, t, t, k0);
    ir_shr(B, IR_I64, u, t, a64_const(s, IR_I64, 29));
    ir_xor(B, IR_I64, t, t, u);
    ir_mul(B, IR_I64, t, t, a64_const(s, IR_I64, A64_PAC_IMPDEF_MUL3));
    if (full) {
        ir_shr(B, IR_I64, u, t, a64_const(s, IR_I64, 32));
        ir_xor(B, IR_I64, t, t, u);
    }
    return t;
}

/* The PAC field of ptr and ptr with the field replaced by copies of bit 55
 * (Strip, and the pointer a PAC is computed over); insn: for an
 * instruction key (the top byte is in the field when bit 55 is set). */
typedef struct A64PacPtr { IRTemp ext, field; } A64PacPtr;

static A64PacPtr gen_pac_ext(DisasContext *s, IRTemp ptr, bool insn)
{
    IRBlock *B = IRB(s);
    IRTemp sx = a64_tmp(s, IR_I64), top;
    A64PacPtr r = { a64_tmp(s, IR_I64), a64_const(s, IR_I64, PAC_MASK) };

    ir_sextract(B, IR_I64, sx, ptr, 55, 1);
    ir_deposit(B, IR_I64, r.ext, ptr, sx, A64_PAC_LO, A64_PAC_BITS);
    if (insn) {
        top = a64_tmp(s, IR_I64);
        ir_and(B, IR_I64, top, sx, a64_const(s, IR_I64, 0xff00000000000000ull));
        ir_or(B, IR_I64, r.ext, r.ext, top);
        r.field = a64_tmp(s, IR_I64);
        ir_or(B, IR_I64, r.field, top, a64_const(s, IR_I64, PAC_MASK));
    }
    return r;
}

static bool key_is_insn(unsigned key)
{
    return key == A64_KEY_IA || key == A64_KEY_IB;
}

/* The key's enable bit (SCTLR_EL1.EnXX), 0 or 1. */
static IRTemp gen_key_enabled(DisasContext *s, unsigned key)
{
    IRTemp en = a64_tmp(s, IR_I64);

    ir_ldenv(IRB(s), IR_I32, en, env_off(pac_enabled), IR_MO_32);
    ir_extract(IRB(s), IR_I64, en, en, key, 1);
    return en;
}

/* ptr XOR the PAC of its extension: AddPAC's result, and what Auth checks. */
static IRTemp gen_pac_xor(DisasContext *s, IRTemp ptr, A64PacPtr p, IRTemp mod, unsigned key)
{
    IRBlock *B = IRB(s);
    IRTemp pac = gen_compute_pac(s, p.ext, mod, key, false);
    IRTemp r = a64_tmp(s, IR_I64);

    ir_and(B, IR_I64, pac, pac, p.field);
    ir_xor(B, IR_I64, r, ptr, pac);
    return r;
}

/* Both compute unconditionally and select on the enable bit: straight-line
 * code, no branch around the hash. */
IRTemp gen_pac_add(DisasContext *s, IRTemp ptr, IRTemp mod, unsigned key)
{
    IRTemp en = gen_key_enabled(s, key), res = a64_tmp(s, IR_I64);
    IRTemp sig = gen_pac_xor(s, ptr, gen_pac_ext(s, ptr, key_is_insn(key)), mod, key);

    ir_movcond(IRB(s), IR_I64, IR_COND_NE, res, en, a64_const(s, IR_I64, 0), sig, ptr);
    return res;
}

IRTemp gen_pac_auth(DisasContext *s, IRTemp ptr, IRTemp mod, unsigned key)
{
    IRBlock *B = IRB(s);
    IRTemp en = gen_key_enabled(s, key), res = a64_tmp(s, IR_I64), bad = a64_tmp(s, IR_I64);
    A64PacPtr p = gen_pac_ext(s, ptr, key_is_insn(key));
    uint32_t ok = ir_new_label(B);

    ir_setcond(B, IR_I64, IR_COND_NE, bad, gen_pac_xor(s, ptr, p, mod, key), p.ext);
    ir_and(B, IR_I64, bad, bad, en);
    ir_movcond(B, IR_I64, IR_COND_NE, res, en, a64_const(s, IR_I64, 0), p.ext, ptr);
    /* FEAT_FPAC: a bad PAC traps here, nothing is written. */
    ir_brcond(B, IR_I64, IR_COND_EQ, bad, a64_const(s, IR_I64, 0), ok);
    ir_movi(B, IR_I64, cpu_pc, s->pc);
    ir_exit_excp(B, EXCP_A64_FPAC);
    ir_label(B, ok);
    return res;
}

IRTemp gen_pac_strip(DisasContext *s, IRTemp ptr, bool insn)
{
    return gen_pac_ext(s, ptr, insn).ext;
}

/* PACGA: ComputePAC(Xn, Xm|SP, APGAKey)<63:32>:Zeros(32).  The generic key
 * has no enable bit. */
IRTemp gen_pacga(DisasContext *s, IRTemp x, IRTemp mod)
{
    IRTemp pac = gen_compute_pac(s, x, mod, A64_KEY_GA, true);

    ir_and(IRB(s), IR_I64, pac, pac, a64_const(s, IR_I64, 0xffffffff00000000ull));
    return pac;
}

/* ---- BTI ---- */

bool a64_bti_on(const CPUArm64State *env)
{
    return A64_HAS(env, A64_FEAT_BTI) && __atomic_load_n(&guest_guarded_pages, __ATOMIC_RELAXED);
}

unsigned a64_bti_branch_type(bool link, unsigned rn, uint64_t pc)
{
    if (link)
        return A64_BTYPE_C;
    if (rn == 16 || rn == 17 || !guest_page_guarded(pc))
        return A64_BTYPE_JC;
    return A64_BTYPE_J;
}

void gen_bti_branch(DisasContext *s, bool link, unsigned rn)
{
    if (!a64_bti_on(s->env))
        return;
    ir_stenv(IRB(s), IR_I32, a64_const(s, IR_I32, a64_bti_branch_type(link, rn, s->pc)),
             env_off(btype), IR_MO_32);
}

/* The BTYPE values (bit n = BTYPE n) instruction insn accepts on a guarded
 * page: BTI c/j/jc, PACIASP and PACIBSP (as BTI c with SCTLR_EL1.BT0 = 1),
 * and BRK/HLT, whose own exception comes first. */
unsigned a64_bti_accepts(uint32_t insn)
{
    static const struct { uint32_t mask, val; uint8_t ok; } pads[] = {
        { 0xffffffff, 0xd503245f, 0x7 },   /* BTI c */
        { 0xffffffff, 0xd503249f, 0xb },   /* BTI j */
        { 0xffffffff, 0xd50324df, 0xf },   /* BTI jc */
        { 0xffffffff, 0xd503233f, 0x7 },   /* PACIASP */
        { 0xffffffff, 0xd503237f, 0x7 },   /* PACIBSP */
        { 0xffe0001f, 0xd4200000, 0xf },   /* BRK */
        { 0xffe0001f, 0xd4400000, 0xf },   /* HLT */
    };

    for (size_t i = 0; i < sizeof(pads) / sizeof(pads[0]); i++)
        if ((insn & pads[i].mask) == pads[i].val)
            return pads[i].ok;
    return 1;
}

/* At the first instruction of a block: on a guarded page, a nonzero BTYPE
 * the instruction does not accept raises the Branch Target exception
 * (SIGILL ILL_ILLOPC at the instruction, BTYPE kept for the signal frame);
 * then BTYPE is zero again, as after any instruction that is not a
 * branch.  Blocks only ever begin at branch targets or after a block that
 * did not end in an indirect branch, so this is the only check needed. */
void gen_bti_entry(DisasContext *s)
{
    IRBlock *B = IRB(s);
    IRTemp bt, t;
    uint32_t done, clear;
    unsigned ok;

    if (!a64_bti_on(s->env))
        return;
    if (!guest_page_guarded(s->pc)) {
        ir_stenv(B, IR_I32, a64_const(s, IR_I32, 0), env_off(btype), IR_MO_32);
        return;
    }
    ok = a64_bti_accepts(s->insn);
    bt = a64_tmp(s, IR_I32);
    done = ir_new_label(B);
    clear = ir_new_label(B);
    ir_ldenv(B, IR_I32, bt, env_off(btype), IR_MO_32);
    ir_brcond(B, IR_I32, IR_COND_EQ, bt, a64_const(s, IR_I32, 0), done);
    if (ok != 0xf) {
        t = a64_tmp(s, IR_I32);
        ir_shr(B, IR_I32, t, a64_const(s, IR_I32, ok), bt);
        ir_brcond(B, IR_I32, IR_COND_TSTNE, t, a64_const(s, IR_I32, 1), clear);
        ir_movi(B, IR_I64, cpu_pc, s->pc);
        ir_exit_excp(B, EXCP_A64_BTI);
    }
    ir_label(B, clear);
    ir_stenv(B, IR_I32, a64_const(s, IR_I32, 0), env_off(btype), IR_MO_32);
    ir_label(B, done);
}
