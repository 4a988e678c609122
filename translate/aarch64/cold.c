/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cold-code interpreter: runs aarch64 code that has not yet run often
 * enough to be worth translating (user mode; the dispatcher's tiering is
 * in exec.c, "cold code").  Most code a program runs, runs a few times
 * only (cc1 compiling a small file: 44% of its 84,000 blocks once, 79% at
 * most 16 times), and translating a block costs as much as running it a
 * hundred times here, so the dispatcher sends a block without a
 * translation here until it has run exec_opts.warm times.
 *
 * Instructions are decoded from guest memory each time they run (so there
 * is nothing to keep or invalidate) by a table of the rows the interpreter
 * knows: the integer data processing (cold-int.c), loads and stores
 * (cold-ldst.c), and here the branches, SVC and the system instructions
 * that need no helper, with the hint-space pointer authentication
 * (PACIASP, AUTIASP... which Debian 13's programs have in every
 * function) and BTI's BTYPE and landing-pad check.  Any other
 * instruction ends the run: the dispatcher translates from it, so
 * anything unusual (FP and SIMD arithmetic, atomics, the other PAC forms,
 * undefined encodings) is done by the translator alone.
 *
 * A run goes on across branches while the dispatcher agrees that the
 * target is still cold (exec_cold_next); it returns at a block with a
 * translation, at one that just became warm, for an exception or a system
 * call, and when exit_request is set.  Faults: a guest access that faults
 * leaves through the host signal handler with interp_current_pc as the
 * guest pc (exec.c's exec_restore_pc), and the handlers write registers
 * only after their last access, so the state is the instruction's before.
 *
 * Entry points: a64_cold_init, a64_cold_run.
 */
#include <emmintrin.h>
#include "cold.h"
#include "pauth.h"

/* The IR interpreter's record of the instruction being interpreted, which
 * exec_restore_pc reads after a fault (interp/interp.c). */
extern __thread uint64_t interp_current_pc;
extern __thread bool interp_active;

static Decoder cold_decoder;

bool cold_cond(const CPUArm64State *env, unsigned cond)
{
    return a64_cond_holds(env->nf, env->zf, env->cf, env->vf, cond);
}

void cold_load16(uint64_t addr, uint64_t out[2])
{
    __m128i v = _mm_loadu_si128((const __m128i *)cold_host(addr));

    out[0] = (uint64_t)_mm_cvtsi128_si64(v);
    out[1] = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v));
}

void cold_store16(uint64_t addr, uint64_t lo, uint64_t hi)
{
    _mm_storeu_si128((__m128i *)cold_host(addr), _mm_set_epi64x((long long)hi, (long long)lo));
}

/* ---- branches (branch.c's rows without the PAC forms) ---- */

static void cold_jump(ColdCtx *s, uint64_t target)
{
    s->next = target;
    s->ends = true;
}

/* A conditional branch: to pc + off if taken, else on. */
static void cold_branch_if(ColdCtx *s, bool taken, int64_t off)
{
    cold_jump(s, taken ? s->pc + (uint64_t)off : s->pc + 4);
}

static bool cold_b(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);

    if (bits(insn, 31, 1))
        cold_set_x(s, 30, s->pc + 4, true);
    cold_jump(s, s->pc + (uint64_t)(imm26(insn) * 4));
    return true;
}

static bool cold_b_cond(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);

    cold_branch_if(s, cold_cond(s->env, bits(insn, 0, 4)), imm19(insn) * 4);
    return true;
}

/* CBZ/CBNZ (bit 24 set: branch if nonzero), on Wt or Xt. */
static bool cold_cbz(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    uint64_t v = cold_x(s, rt(insn));

    if (!sf(insn))
        v = (uint32_t)v;
    cold_branch_if(s, (v != 0) == bits(insn, 24, 1), imm19(insn) * 4);
    return true;
}

/* TBZ/TBNZ (bit 24 set: branch if the bit is one). */
static bool cold_tbz(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    unsigned bit = (unsigned)(cold_x(s, rt(insn)) >> b5b40(insn)) & 1;

    cold_branch_if(s, bit == bits(insn, 24, 1), imm14(insn) * 4);
    return true;
}

/* BR, BLR, RET (opc 0, 1, 2): BR and BLR set BTYPE when BTI is at work
 * (the target's check is in a64_cold_run). */
static bool cold_br(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    unsigned opc = bits(insn, 21, 2);
    uint64_t target = cold_x(s, rn(insn));

    if (opc == 3)
        return false;
    if (opc != 2 && a64_bti_on(s->env))
        s->env->btype = a64_bti_branch_type(opc == 1, rn(insn), s->pc);
    if (opc == 1)
        cold_set_x(s, 30, s->pc + 4, true);
    cold_jump(s, target);
    return true;
}

static bool cold_svc(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);

    (void)insn;
    s->env->common.pc = s->pc + 4;
    s->excp = EXCP_SYSCALL;
    return true;
}

/* ---- the hint-space pointer authentication (pauth.c's, in C) ---- */

#define COLD_PAC_MASK (((1ull << A64_PAC_BITS) - 1) << A64_PAC_LO)

/* An instruction pointer with its PAC field replaced by copies of bit
 * 55; *field: the field (with the top byte when bit 55 is set).  The
 * hints use the instruction keys only. */
static uint64_t cold_pac_ext(uint64_t ptr, uint64_t *field)
{
    uint64_t sx = (uint64_t)((int64_t)(ptr << 8) >> 63);

    *field = COLD_PAC_MASK | (sx & 0xff00000000000000ull);
    return (ptr & ~*field) | (sx & *field);
}

/* ptr XOR the PAC of ext under key (IA or IB): AddPAC's result, and what
 * Auth compares with ext.  The impdef hash's last fold does not reach the
 * field, so the full a64_pac_impdef is the same there. */
static uint64_t cold_pac_xor(const CPUArm64State *env, uint64_t ptr, uint64_t ext,
                             uint64_t field, uint64_t mod, unsigned key)
{
    uint64_t k0 = env->pac_keys[key][1], k1 = env->pac_keys[key][0];
    uint64_t pac = A64_HAS(env, A64_FEAT_PAUTH_QARMA5) ? a64_pac_qarma5(ext, mod, k0, k1)
                                                       : a64_pac_impdef(ext, mod, k0, k1);
    return ptr ^ (pac & field);
}

/* PACIA/PACIB or AUTIA/AUTIB (FPAC: a bad PAC traps, nothing written) of
 * Xreg with modifier mod. */
static void cold_pac(ColdCtx *s, unsigned reg, uint64_t mod, unsigned key, bool auth)
{
    CPUArm64State *env = s->env;
    uint64_t ptr = env->x[reg], field, ext = cold_pac_ext(ptr, &field);
    uint64_t x = cold_pac_xor(env, ptr, ext, field, mod, key);

    if (!((env->pac_enabled >> key) & 1))
        return;
    if (!auth) {
        env->x[reg] = x;
    } else if (x == ext) {
        env->x[reg] = ext;
    } else {
        env->common.pc = s->pc;
        s->excp = EXCP_A64_FPAC;
    }
}

/* The hint space: NOPs, but for the PAC hints of a model with FEAT_PAuth
 * (sys.c): XPACLRI (CRm 0000, op2 7); PACIA1716...AUTIB1716 (CRm 0001,
 * op2 even: X17 with X16); PACIAZ...AUTIBSP (CRm 0011: X30 with zero or
 * SP).  op2 bit 2: authenticate, bit 1: key B. */
static bool cold_hint(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    CPUArm64State *env = s->env;
    unsigned crm = bits(insn, 8, 4), op2 = bits(insn, 5, 3);
    unsigned key = (op2 & 2) ? A64_KEY_IB : A64_KEY_IA;
    uint64_t field;

    if (!A64_HAS(env, A64_FEAT_PACA))
        return true;
    if (crm == 0 && op2 == 7)
        env->x[30] = cold_pac_ext(env->x[30], &field);
    else if (crm == 1 && !(op2 & 1))
        cold_pac(s, 17, env->x[16], key, op2 & 4);
    else if (crm == 3)
        cold_pac(s, 30, (op2 & 1) ? env->x[31] : 0, key, op2 & 4);
    return true;
}

/* ---- system (sys.c's rows that need no helper) ---- */

/* DSB, and DMB of all accesses (CRm<1:0> 00 or 11): a full fence; the
 * load-only and store-only DMBs order nothing a TSO host would not. */
static bool cold_barrier(struct DisasContext *s_, uint32_t insn)
{
    unsigned kind = bits(insn, 8, 2);

    (void)s_;
    if (bits(insn, 5, 3) == 4 || kind == 0 || kind == 3)
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    else
        __atomic_signal_fence(__ATOMIC_SEQ_CST);
    return true;
}

/* ISB: later instructions see earlier context changes; the run ends. */
static bool cold_isb(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);

    (void)insn;
    cold_jump(s, s->pc + 4);
    s->stop = true;
    return true;
}

static bool cold_mrs_tpidr(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);

    cold_set_x(s, rt(insn), s->env->tpidr_el0, true);
    return true;
}

static const DecodePattern cold_branch_sys_patterns[] = {
    { "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc", cold_b_cond, "B.cond" },
    { "11010100 000 iiiiiiiiiiiiiiii 000 01", cold_svc, "SVC" },
    { "1101011 00 oo 11111 000000 nnnnn 00000", cold_br, "BR/BLR/RET" },
    { "l 00101 iiiiiiiiiiiiiiiiiiiiiiiiii", cold_b, "B/BL" },
    { "s 011010 o iiiiiiiiiiiiiiiiiii ttttt", cold_cbz, "CBZ/CBNZ" },
    { "b 011011 o bbbbb iiiiiiiiiiiiii ttttt", cold_tbz, "TBZ/TBNZ" },
    { "1101010100 0 00 011 0010 mmmm ppp 11111", cold_hint, "HINT" },
    { "1101010100 0 00 011 0011 mmmm 10o 11111", cold_barrier, "DSB/DMB" },
    { "1101010100 0 00 011 0011 mmmm 110 11111", cold_isb, "ISB" },
    { "1101010100 1 1 1 011 1101 0000 010 ttttt", cold_mrs_tpidr, "MRS TPIDR_EL0" },
    { NULL },
};

void a64_cold_init(void)
{
    static const DecodePattern *const tables[] = {
        cold_branch_sys_patterns, a64_cold_int_patterns, a64_cold_ldst_patterns, NULL,
    };

    /* Bucket on bits 31:20: one row to try for almost every instruction
     * (a bucket is made when first used). */
    decode_build_lazy(&cold_decoder, 20, 12, tables);
}

/* The first instruction after a BR or BLR (BTYPE set): on a guarded page
 * it must accept the BTYPE, else the Branch Target exception at pc (BTYPE
 * kept for the signal frame: false); then BTYPE is 0 again, as after any
 * instruction that is not a branch (pauth.c's gen_bti_entry). */
static bool cold_bti_check(CPUArm64State *env, uint64_t pc, uint32_t insn)
{
    if (guest_page_guarded(pc) && !((a64_bti_accepts(insn) >> env->btype) & 1)) {
        env->common.pc = pc;
        return false;
    }
    env->btype = 0;
    return true;
}

/* The smallest guest page: fetch rights are checked once per page. */
#define COLD_PAGE_MASK (~(uint64_t)4095)

int a64_cold_run(CPUCommon *envc)
{
    CPUArm64State *env = (CPUArm64State *)envc;
    uint64_t pc = envc->pc, page = 1;       /* no page is at 1 */
    ColdCtx s = { .env = env };
    uint32_t insn;
    int r;

    /* A misaligned pc faults: the translator does that. */
    if (pc & 3)
        return EXEC_COLD_TRANSLATE;
    interp_active = true;
    for (;;) {
        /* Not fetchable, or not for us: the translator starts at pc. */
        r = EXEC_COLD_TRANSLATE;
        if ((pc & COLD_PAGE_MASK) != page) {
            if (!guest_code_fetchable(pc, 4))
                break;
            page = pc & COLD_PAGE_MASK;
        }
        interp_current_pc = pc;
        s.pc = pc;
        s.next = pc + 4;
        s.ends = s.stop = false;
        insn = *(volatile ColdU32 *)cold_host(pc);
        if (env->btype && !cold_bti_check(env, pc, insn)) {
            r = EXCP_A64_BTI;
            goto out;
        }
        if (!decode_run(&cold_decoder, (struct DisasContext *)(void *)&s, insn))
            break;
        if (s.excp) {
            r = s.excp;
            goto out;
        }
        pc = s.next;
        r = 0;
        if (s.ends && (s.stop || !exec_cold_next(envc, pc)))
            break;
    }
    envc->pc = pc;
out:      /* an exception: its handler set env->pc */
    interp_active = false;
    return r;
}
