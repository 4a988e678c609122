/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 frontend's core: the guest register globals, the block loop
 * hooks, and the gen_ helpers shared by the decode groups (register access
 * with SP/XZR, NZCV production and condition evaluation, block exits).
 * The encodings themselves live in the group files, one table each.
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include "translate.h"
#include "pauth.h"
#include "util/log.h"

IRTemp cpu_pc, cpu_x[32], cpu_nf, cpu_zf, cpu_cf, cpu_vf;

static Decoder a64_decoder;

/* ---- registers ---- */

IRTemp a64_reg(DisasContext *s, unsigned r)
{
    return r == 31 ? a64_const(s, IR_I64, 0) : cpu_x[r];
}

IRTemp a64_reg_sp(DisasContext *s, unsigned r)
{
    (void)s;
    return cpu_x[r];
}

void a64_set_reg_sp(DisasContext *s, unsigned r, IRTemp v, bool sf)
{
    if (sf)
        ir_mov(IRB(s), IR_I64, cpu_x[r], v);
    else
        ir_ext32u(IRB(s), cpu_x[r], v);
}

void a64_set_reg(DisasContext *s, unsigned r, IRTemp v, bool sf)
{
    if (r != 31)
        a64_set_reg_sp(s, r, v, sf);
}

/* ---- flags ---- */

/* N and Z from a result of the operation width. */
static void gen_nz(DisasContext *s, bool sf, IRTemp res)
{
    if (sf) {
        ir_mov(IRB(s), IR_I64, cpu_nf, res);
        ir_mov(IRB(s), IR_I64, cpu_zf, res);
    } else {
        ir_ext32s(IRB(s), cpu_nf, res);
        ir_ext32u(IRB(s), cpu_zf, res);
    }
}

/* Direct conditions.  A condition read soon after the instruction that set
 * NZCV (CMP + B.cond, SUBS + CSEL, TST + CSET) is evaluated on that
 * instruction's operands and result instead of on the flag globals: one
 * host compare instead of flag arithmetic, and the flag writes become dead
 * for opt_dce when nothing else reads them before they are overwritten.
 * The flags are still written (a later block or a fault may read them).
 * The record is trusted only while the IR emitted since it contains no
 * control flow, no call, no write to a flag global, to the result or
 * (for the conditions that use them) to the operands; see cc_valid(). */
enum { CC_NONE, CC_SUB, CC_ADD, CC_LOGIC };

static void cc_record(DisasContext *s, unsigned kind, bool sf, IRTemp a, IRTemp b, IRTemp r)
{
    s->cc.kind = (uint8_t)kind;
    s->cc.sf = sf;
    s->cc.a = a;
    s->cc.b = b;
    s->cc.r = r;
    s->cc.cond = IR_NONE;
    s->cc.at = IRB(s)->nops;
}

void gen_cc_only_if(DisasContext *s, IRTemp cond, unsigned nzcv)
{
    if (s->cc.kind == CC_NONE)
        return;
    s->cc.cond = cond;
    s->cc.nzcv = (uint8_t)nzcv;
    s->cc.at = IRB(s)->nops;   /* the flag writes so far are the selection */
}

/* Does op write t, or may it change t's env slot behind the IR's back? */
static bool cc_clobbers(const IRBlock *B, const IROp *op, IRTemp t)
{
    const IROpDef *def = &ir_op_defs[op->opc];

    if (t == IR_NONE || B->temps[t].kind == IR_TEMP_CONST)
        return false;
    if (op->opc == IR_OP_stenv && B->temps[t].kind == IR_TEMP_GLOBAL) {
        int32_t off = (int32_t)op->args[1], size = 1 << (op->args[2] & IR_MO_SIZE);
        int32_t g = B->temps[t].env_offset;
        return off < g + 8 && g < off + size;
    }
    for (unsigned k = 0; k < def->nout; k++)
        if (op->args[k] == t)
            return true;
    return false;
}

/* Is the record still good for r (and, with operands, for a and b)? */
static bool cc_valid(DisasContext *s, bool operands)
{
    const IRBlock *B = IRB(s);
    const IRTemp watch[8] = { cpu_nf, cpu_zf, cpu_cf, cpu_vf, s->cc.r,
                              operands ? s->cc.a : IR_NONE, operands ? s->cc.b : IR_NONE,
                              s->cc.cond };

    if (s->cc.kind == CC_NONE)
        return false;
    for (uint32_t i = s->cc.at; i < B->nops; i++) {
        const IROp *op = &B->ops[i];
        if (ir_op_defs[op->opc].flags & (IR_F_BB_END | IR_F_EXIT | IR_F_CALL))
            return false;
        for (unsigned k = 0; k < 8; k++)
            if (cc_clobbers(B, op, watch[k]))
                return false;
    }
    return true;
}

void gen_logic_cc(DisasContext *s, bool sf, IRTemp res)
{
    gen_nz(s, sf, res);
    ir_movi(IRB(s), IR_I64, cpu_cf, 0);
    ir_movi(IRB(s), IR_I64, cpu_vf, 0);
    cc_record(s, CC_LOGIC, sf, IR_NONE, IR_NONE, res);
}

/* V for a + b = r: (r ^ a) & ~(a ^ b), sign bit of the width. */
static void gen_add_overflow(DisasContext *s, bool sf, IRTemp r, IRTemp a, IRTemp b)
{
    IRBlock *B = IRB(s);
    IRTemp t1 = a64_tmp(s, IR_I64), t2 = a64_tmp(s, IR_I64);
    ir_xor(B, IR_I64, t1, r, a);
    ir_xor(B, IR_I64, t2, a, b);
    ir_andc(B, IR_I64, t1, t1, t2);
    if (sf)
        ir_mov(B, IR_I64, cpu_vf, t1);
    else
        ir_ext32s(B, cpu_vf, t1);
}

IRTemp gen_add_cc(DisasContext *s, bool sf, IRTemp a, IRTemp b)
{
    IRBlock *B = IRB(s);
    IRTemp r = a64_tmp(s, IR_I64);

    if (sf) {
        ir_add(B, IR_I64, r, a, b);
        ir_setcond(B, IR_I64, IR_COND_LTU, cpu_cf, r, a);
    } else {
        IRTemp a32 = a64_tmp(s, IR_I64), b32 = a64_tmp(s, IR_I64);
        IRTemp wide = a64_tmp(s, IR_I64);
        ir_ext32u(B, a32, a);
        ir_ext32u(B, b32, b);
        ir_add(B, IR_I64, wide, a32, b32);
        ir_shr(B, IR_I64, cpu_cf, wide, a64_const(s, IR_I64, 32));
        ir_ext32u(B, r, wide);
    }
    gen_add_overflow(s, sf, r, a, b);
    gen_nz(s, sf, r);
    cc_record(s, CC_ADD, sf, a, b, r);
    return r;
}

IRTemp gen_sub_cc(DisasContext *s, bool sf, IRTemp a, IRTemp b)
{
    IRBlock *B = IRB(s);
    IRType t = sf ? IR_I64 : IR_I32;
    IRTemp r = a64_tmp(s, t);
    IRTemp t1 = a64_tmp(s, IR_I64), t2 = a64_tmp(s, IR_I64);

    ir_sub(B, t, r, a, b);
    ir_setcond(B, t, IR_COND_GEU, cpu_cf, a, b);
    /* V = (a ^ b) & (a ^ r) */
    ir_xor(B, IR_I64, t1, a, b);
    ir_xor(B, IR_I64, t2, a, r);
    ir_and(B, IR_I64, t1, t1, t2);
    if (sf)
        ir_mov(B, IR_I64, cpu_vf, t1);
    else
        ir_ext32s(B, cpu_vf, t1);
    gen_nz(s, sf, r);
    cc_record(s, CC_SUB, sf, a, b, r);
    return r;
}

IRTemp gen_adc(DisasContext *s, bool sf, IRTemp a, IRTemp b)
{
    IRBlock *B = IRB(s);
    IRType t = sf ? IR_I64 : IR_I32;
    IRTemp r = a64_tmp(s, t);
    ir_add(B, t, r, a, b);
    ir_add(B, t, r, r, cpu_cf);
    return r;
}

IRTemp gen_adc_cc(DisasContext *s, bool sf, IRTemp a, IRTemp b)
{
    IRBlock *B = IRB(s);
    IRTemp r = a64_tmp(s, IR_I64);

    if (sf) {
        IRTemp t = a64_tmp(s, IR_I64), c1 = a64_tmp(s, IR_I64);
        IRTemp c2 = a64_tmp(s, IR_I64);
        ir_add(B, IR_I64, t, a, cpu_cf);
        ir_setcond(B, IR_I64, IR_COND_LTU, c1, t, a);
        ir_add(B, IR_I64, r, t, b);
        ir_setcond(B, IR_I64, IR_COND_LTU, c2, r, t);
        gen_add_overflow(s, sf, r, a, b);
        ir_or(B, IR_I64, cpu_cf, c1, c2);
    } else {
        IRTemp a32 = a64_tmp(s, IR_I64), b32 = a64_tmp(s, IR_I64);
        IRTemp wide = a64_tmp(s, IR_I64);
        ir_ext32u(B, a32, a);
        ir_ext32u(B, b32, b);
        ir_add(B, IR_I64, wide, a32, b32);
        ir_add(B, IR_I64, wide, wide, cpu_cf);
        ir_shr(B, IR_I64, cpu_cf, wide, a64_const(s, IR_I64, 32));
        ir_ext32u(B, r, wide);
        gen_add_overflow(s, sf, r, a, b);
    }
    gen_nz(s, sf, r);
    return r;
}

void gen_set_nzcv_const(DisasContext *s, unsigned nzcv)
{
    const IRTemp flag[4] = { cpu_nf, cpu_zf, cpu_cf, cpu_vf };
    uint64_t f[4];

    a64_nzcv_words(nzcv, f);
    for (int i = 0; i < 4; i++)
        ir_movi(IRB(s), IR_I64, flag[i], f[i]);
}

void gen_set_nzcv(DisasContext *s, IRTemp v)
{
    IRBlock *B = IRB(s);
    IRTemp t = a64_tmp(s, IR_I64);
    /* N: bit 31 to bit 63 */
    ir_shl(B, IR_I64, cpu_nf, v, a64_const(s, IR_I64, 32));
    /* Z: zf = !bit 30 */
    ir_extract(B, IR_I64, t, v, 30, 1);
    ir_xor(B, IR_I64, cpu_zf, t, a64_const(s, IR_I64, 1));
    ir_extract(B, IR_I64, cpu_cf, v, 29, 1);
    /* V: bit 28 to bit 63 */
    ir_shl(B, IR_I64, cpu_vf, v, a64_const(s, IR_I64, 35));
}

IRTemp gen_get_nzcv(DisasContext *s)
{
    IRBlock *B = IRB(s);
    IRTemp r = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64);
    ir_shr(B, IR_I64, r, cpu_nf, a64_const(s, IR_I64, 63));
    ir_shl(B, IR_I64, r, r, a64_const(s, IR_I64, 31));
    ir_setcond(B, IR_I64, IR_COND_EQ, t, cpu_zf, a64_const(s, IR_I64, 0));
    ir_shl(B, IR_I64, t, t, a64_const(s, IR_I64, 30));
    ir_or(B, IR_I64, r, r, t);
    ir_shl(B, IR_I64, t, cpu_cf, a64_const(s, IR_I64, 29));
    ir_or(B, IR_I64, r, r, t);
    ir_shr(B, IR_I64, t, cpu_vf, a64_const(s, IR_I64, 63));
    ir_shl(B, IR_I64, t, t, a64_const(s, IR_I64, 28));
    ir_or(B, IR_I64, r, r, t);
    return r;
}

/* ---- conditions ---- */

/* The even condition (cond & ~1) as "x cmp y", where possible directly. */
typedef struct A64Cmp { IRCond c; IRTemp x, y; IRType t; } A64Cmp;

/* The even conditions (index cond >> 1: EQ CS MI VS HI GE GT) on the last
 * flag producer: the comparison, and whether it reads the operands (else
 * it compares the result with zero); IR_COND_NEVER = not expressible. */
typedef struct CCDirect { IRCond c; bool operands; } CCDirect;
static const CCDirect cc_direct[4][7] = {
    [CC_SUB] = {                                  /* a - b */
        { IR_COND_EQ, false }, { IR_COND_GEU, true }, { IR_COND_LT, false },
        { IR_COND_NEVER, false }, { IR_COND_GTU, true }, { IR_COND_GE, true },
        { IR_COND_GT, true },
    },
    [CC_ADD] = {                                  /* a + b: C = r <u a */
        { IR_COND_EQ, false }, { IR_COND_LTU, true }, { IR_COND_LT, false },
        { IR_COND_NEVER, false }, { IR_COND_NEVER, false }, { IR_COND_NEVER, false },
        { IR_COND_NEVER, false },
    },
    [CC_LOGIC] = {                                /* C = V = 0 */
        { IR_COND_EQ, false }, { IR_COND_NEVER, false }, { IR_COND_LT, false },
        { IR_COND_NEVER, false }, { IR_COND_NEVER, false }, { IR_COND_GE, false },
        { IR_COND_GT, false },
    },
};

static bool gen_cmp_direct(DisasContext *s, unsigned cond, A64Cmp *out)
{
    unsigned i = cond >> 1;
    CCDirect d;

    if (i >= 7 || s->cc.kind == CC_NONE)
        return false;
    d = cc_direct[s->cc.kind][i];
    if (d.c == IR_COND_NEVER || !cc_valid(s, d.operands))
        return false;
    out->t = s->cc.sf ? IR_I64 : IR_I32;
    out->c = d.c;
    if (!d.operands) {
        out->x = s->cc.r;
        out->y = a64_const(s, out->t, 0);
    } else if (s->cc.kind == CC_ADD) {
        out->x = s->cc.r;
        out->y = s->cc.a;
    } else {
        out->x = s->cc.a;
        out->y = s->cc.b;
    }
    if (cond & 1)
        out->c = ir_cond_invert(out->c);
    if (s->cc.cond != IR_NONE) {
        /* CCMP: the comparison where cond held, else the constant flags'
         * answer -- two host compares for CCMP + B.cond instead of
         * the four flags selected and combined */
        uint64_t f[4];
        bool k;
        IRTemp t = a64_tmp(s, IR_I64), r = a64_tmp(s, IR_I64), zero = a64_const(s, IR_I64, 0);

        a64_nzcv_words(s->cc.nzcv, f);
        k = a64_cond_holds(f[0], f[1], f[2], f[3], cond);
        ir_setcond(IRB(s), out->t, out->c, t, out->x, out->y);
        ir_movcond(IRB(s), IR_I64, IR_COND_NE, r, s->cc.cond, zero, t, a64_const(s, IR_I64, k));
        *out = (A64Cmp){ IR_COND_NE, r, zero, IR_I64 };
    }
    return true;
}

static A64Cmp gen_cmp_cc(DisasContext *s, unsigned cond)
{
    IRBlock *B = IRB(s);
    IRTemp zero = a64_const(s, IR_I64, 0);
    IRTemp t, u;
    A64Cmp r = { .t = IR_I64 };

    if (gen_cmp_direct(s, cond, &r))
        return r;
    t = a64_tmp(s, IR_I64);
    u = a64_tmp(s, IR_I64);
    switch (cond >> 1) {
    case 0: r = (A64Cmp){ IR_COND_EQ, cpu_zf, zero, IR_I64 }; break;      /* EQ */
    case 1: r = (A64Cmp){ IR_COND_NE, cpu_cf, zero, IR_I64 }; break;      /* CS */
    case 2: r = (A64Cmp){ IR_COND_LT, cpu_nf, zero, IR_I64 }; break;      /* MI */
    case 3: r = (A64Cmp){ IR_COND_LT, cpu_vf, zero, IR_I64 }; break;      /* VS */
    case 4:                                                       /* HI: C && !Z */
        ir_neg(B, IR_I64, t, cpu_cf);
        ir_and(B, IR_I64, t, t, cpu_zf);
        r = (A64Cmp){ IR_COND_NE, t, zero, IR_I64 };
        break;
    case 5:                                                       /* GE: N == V */
        ir_xor(B, IR_I64, t, cpu_nf, cpu_vf);
        r = (A64Cmp){ IR_COND_GE, t, zero, IR_I64 };
        break;
    case 6:                                                       /* GT: !Z && N == V */
        ir_xor(B, IR_I64, t, cpu_nf, cpu_vf);
        ir_sar(B, IR_I64, t, t, a64_const(s, IR_I64, 63));   /* -1 if N != V */
        ir_setcond(B, IR_I64, IR_COND_NE, u, cpu_zf, zero);
        ir_andc(B, IR_I64, t, u, t);
        r = (A64Cmp){ IR_COND_NE, t, zero, IR_I64 };
        break;
    default:                                                      /* AL, NV */
        return (A64Cmp){ IR_COND_ALWAYS, zero, zero, IR_I64 };
    }
    if ((cond & 1) && cond != 15)
        r.c = ir_cond_invert(r.c);
    return r;
}

IRTemp gen_cond_val(DisasContext *s, unsigned cond)
{
    A64Cmp c = gen_cmp_cc(s, cond);
    IRTemp r = a64_tmp(s, IR_I64);
    if (c.c == IR_COND_ALWAYS)
        ir_movi(IRB(s), IR_I64, r, 1);
    else
        ir_setcond(IRB(s), c.t, c.c, r, c.x, c.y);
    return r;
}

void gen_brcond_cc(DisasContext *s, unsigned cond, uint32_t label)
{
    A64Cmp c = gen_cmp_cc(s, cond);
    if (c.c == IR_COND_ALWAYS)
        ir_br(IRB(s), label);
    else
        ir_brcond(IRB(s), c.t, c.c, c.x, c.y, label);
}

/* ---- block exits ---- */

/* Full-system blocks chain only within a 4 KiB page (exec.c): a direct
 * jump elsewhere looks its block up from the generated code (goto_ptr)
 * instead of returning to the dispatcher. */
void gen_discard_nzcv_if_dead(DisasContext *s, uint64_t dest)
{
    if (a64_nzcv_dead_at(s, dest)) {
        const IRTemp flags[4] = { cpu_nf, cpu_zf, cpu_cf, cpu_vf };
        for (unsigned i = 0; i < 4; i++)
            ir_discard(IRB(s), IR_I64, flags[i]);
    }
}

/* Calls and returns are marked for the backend's return prediction in
 * user mode only: in full-system mode the address space or the exception
 * level can change between a call and its return. */
static uint64_t call_ret(DisasContext *s, bool call)
{
    return call && !a64_system_mode ? s->pc + 4 : 0;
}

static void goto_pc(DisasContext *s, unsigned slot, uint64_t dest, uint64_t ret)
{
    if (a64_system_mode && ((dest ^ IRB(s)->pc_start) >> 12) != 0) {
        ir_movi(IRB(s), IR_I64, cpu_pc, dest);
        ir_goto_ptr(IRB(s));
        s->base.is_jmp = DISAS_NORETURN;
        return;
    }
    gen_discard_nzcv_if_dead(s, dest);
    if (ret)
        ir_call_tb(IRB(s), slot, ret);
    else
        ir_goto_tb(IRB(s), slot);
    ir_movi(IRB(s), IR_I64, cpu_pc, dest);
    ir_exit_tb(IRB(s), slot);
    s->base.is_jmp = DISAS_NORETURN;
}

void gen_goto_pc(DisasContext *s, unsigned slot, uint64_t dest)
{
    goto_pc(s, slot, dest, 0);
}

void gen_call_pc(DisasContext *s, uint64_t dest)
{
    goto_pc(s, 0, dest, call_ret(s, true));
}

void gen_goto_reg(DisasContext *s, IRTemp dest, unsigned kind)
{
    uint64_t ret = call_ret(s, kind == IR_PTR_CALL);

    ir_mov(IRB(s), IR_I64, cpu_pc, dest);
    if (ret)
        ir_call_ptr(IRB(s), ret);
    else if (kind == IR_PTR_RET && !a64_system_mode)
        ir_goto_ret(IRB(s));
    else
        ir_goto_ptr(IRB(s));
    s->base.is_jmp = DISAS_NORETURN;
}

void gen_exception(DisasContext *s, unsigned excp, uint64_t pc)
{
    ir_movi(IRB(s), IR_I64, cpu_pc, pc);
    ir_exit_excp(IRB(s), excp);
    s->base.is_jmp = DISAS_NORETURN;
}

void gen_undef(DisasContext *s)
{
    const char *name = decode_name(&a64_decoder, s->insn);
    log_once(LOG_UNIMP, ((uint64_t)1 << 32) | s->insn,
             "guise: pc 0x%" PRIx64 ": instruction 0x%08x%s%s%s is not implemented "
             "or undefined: raising SIGILL in the guest\n",
             s->pc, s->insn, name ? " (" : "", name ? name : "", name ? ")" : "");
    gen_exception(s, EXCP_UDEF, s->pc);
}

/* ---- the block loop ---- */

static void a64_translate_insn(DisasBase *db)
{
    DisasContext *s = (DisasContext *)db;

    s->pc = db->pc_next;
    s->insn = translator_ldl(db, s->pc);
    db->pc_next += 4;
    if (db->num_insns == 1)
        gen_bti_entry(s);        /* BTI landing-pad check (pauth.c) */
    if (!(a64_system_mode ? a64_sys_decode(s, s->insn) : decode_run(&a64_decoder, s, s->insn)))
        gen_undef(s);
}

static void a64_fetch_fault(DisasBase *db)
{
    DisasContext *s = (DisasContext *)db;
    s->pc = db->pc_next;
    gen_exception(s, EXCP_FAULT_FETCH, s->pc);
}

static void a64_tb_stop(DisasBase *db)
{
    DisasContext *s = (DisasContext *)db;

    switch (db->is_jmp) {
    case DISAS_NORETURN:
        break;
    case DISAS_UPDATE:
        ir_movi(IRB(s), IR_I64, cpu_pc, db->pc_next);
        ir_exit_tb(IRB(s), IR_EXIT_NOCHAIN);
        break;
    default:
        gen_goto_pc(s, 0, db->pc_next);
        break;
    }
    a64_trace_finish(s);
}

static void a64_before_insn(DisasBase *db, uint64_t pc)
{
    a64_trace_insn_start((DisasContext *)db, pc);
}

static const TranslatorOps a64_translator_ops = {
    .translate_insn = a64_translate_insn,
    .fetch_fault = a64_fetch_fault,
    .tb_stop = a64_tb_stop,
    .before_insn = a64_before_insn,
};

static uint32_t a64_translate(IRBlock *b, CPUCommon *env, uint64_t pc, unsigned max_insns)
{
    DisasContext s = { 0 };

    s.env = (CPUArm64State *)env;
    s.model = s.env->model;
    s.base.b = b;
    /* Full-system mode: loads and stores go through the software MMU
     * under the exception level (and PAN) the block runs at. */
    if (a64_system_mode)
        b->softmmu_idx = (int)a64_sys_block_mmu_idx(s.env);
    if (pc & 3) {
        /* A misaligned pc faults before any fetch (PC alignment fault). */
        b->pc_start = pc;
        ir_insn_start(b, pc);
        s.pc = pc;
        gen_exception(&s, EXCP_ALIGN, pc);
        b->ninsns = 1;
        return 4;
    }
    a64_trace_scan(&s, pc, max_insns);
    translator_loop(&a64_translator_ops, &s.base, env, pc, max_insns);
    return (uint32_t)(s.base.pc_next - pc);
}

static void a64_dump_state(FILE *f, const CPUCommon *c)
{
    const CPUArm64State *env = (const CPUArm64State *)c;
    uint32_t nzcv = a64_get_nzcv(env);

    fprintf(f, " PC=%016" PRIx64 "  NZCV=%c%c%c%c  FPCR=%08x FPSR=%08x\n", env->common.pc,
            nzcv & (1u << 31) ? 'N' : '-', nzcv & (1u << 30) ? 'Z' : '-',
            nzcv & (1u << 29) ? 'C' : '-', nzcv & (1u << 28) ? 'V' : '-',
            env->fpcr, env->fpsr);
    for (int i = 0; i < 32; i++)
        fprintf(f, " %s%-2d=%016" PRIx64 "%s", i == 31 ? "SP" : "X", i == 31 ? 0 : i,
                env->x[i], (i % 4 == 3) ? "\n" : "");
    for (int i = 0; i < 32; i++)
        fprintf(f, " Q%-2d=%016" PRIx64 ":%016" PRIx64 "%s", i, env->v[i][1], env->v[i][0],
                (i % 2 == 1) ? "\n" : "");
}

uint32_t a64_get_nzcv(const CPUArm64State *env)
{
    return ((uint32_t)(env->nf >> 63) << 31) | ((uint32_t)(env->zf == 0) << 30) |
           ((uint32_t)(env->cf & 1) << 29) | ((uint32_t)(env->vf >> 63) << 28);
}

void a64_set_nzcv(CPUArm64State *env, uint32_t nzcv)
{
    uint64_t f[4];

    a64_nzcv_words(nzcv >> 28, f);
    env->nf = f[0];
    env->zf = f[1];
    env->cf = f[2];
    env->vf = f[3];
}

/* User mode's decode tables, in priority order (full-system mode puts
 * its own before them, sys-el1.c). */
const DecodePattern *const a64_user_tables[] = {
    a64_branch_patterns, a64_sys_patterns, a64_int_patterns,
    a64_atomic_patterns, a64_ldst_patterns, a64_fp_patterns,
    a64_simd_patterns, a64_simd_int_patterns, a64_simd_shift_patterns,
    a64_simd_fp_patterns, a64_crypto_patterns, a64_simd_ext_patterns, NULL,
};

bool a64_system_mode;

static void a64_init(GuestArch *arch)
{
    const DecodePattern *const *tables = a64_user_tables;
    static const char *const xnames[32] = {
        "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10",
        "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20",
        "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "x30", "sp",
    };
    IRGlobals *g = &arch->globals;

    cpu_pc = ir_global_declare(g, IR_I64, env_off(common.pc), "pc");
    for (int i = 0; i < 32; i++)
        cpu_x[i] = ir_global_declare(g, IR_I64, env_off(x[i]), xnames[i]);
    cpu_nf = ir_global_declare(g, IR_I64, env_off(nf), "nf");
    cpu_zf = ir_global_declare(g, IR_I64, env_off(zf), "zf");
    cpu_cf = ir_global_declare(g, IR_I64, env_off(cf), "cf");
    cpu_vf = ir_global_declare(g, IR_I64, env_off(vf), "vf");
    for (IRTemp t = cpu_nf; t <= cpu_vf; t++)
        ir_global_flag(g, t, IR_GLOBAL_STALE_AT_FAULT);
    ir_fp_fast = &a64_fp_fast;
    /* Bucket on op0, bits 28:25 (the manual's top-level index); a bucket
     * is made when first used (a short program uses few). */
    decode_build_lazy(&a64_decoder, 25, 4, tables);
    /* User mode (no tb_id: guest addresses are host ones plus guest_base)
     * runs cold code in an interpreter first (cold.c). */
    if (!arch->tb_id) {
        a64_cold_init();
        arch->run_cold = a64_cold_run;
    }
}

GuestArch a64_guest_arch = {
    .name = "aarch64",
    .init = a64_init,
    .translate = a64_translate,
    .cs_arch = CS_ARCH_ARM64,
    .cs_mode = CS_MODE_ARM,
    .dump_state = a64_dump_state,
    .jit_frame_off = offsetof(CPUArm64State, jit_frame),
};
