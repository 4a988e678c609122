/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 loads and stores (Arm ARM C4.1.94 "Loads and Stores", the
 * non-atomic part): single registers in every addressing form (unsigned
 * offset, pre/post-index, unscaled, unprivileged, register offset, literal),
 * integer and FP/SIMD registers, pairs, prefetches (hints: no access), and
 * the Advanced SIMD structure loads and stores LD1-4/ST1-4/LDnR, and
 * LDRAA/LDRAB (FEAT_PAuth: the base authenticated first, pauth.c).  The
 * exclusive, ordered and LSE forms are in atomic.c.
 *
 * Faults are precise: every load goes into a temp first and registers
 * (destinations, then the base writeback) are written only after the last
 * access, so a fault leaves the guest state as before the instruction.
 * When a load writes back its base and Rt == Rn (CONSTRAINED UNPREDICTABLE)
 * the loaded value wins.  An access based on a misaligned SP raises the SP
 * alignment fault Linux delivers as SIGBUS (SCTLR_EL1.SA0 is set at EL0).
 *
 * Entry points: a64_ldst_patterns (the table at the end), and
 * gen_ldst_base()/gen_check_align() shared with atomic.c.
 */
#include "translate.h"
#include "ldst-decode.h"
#include "pauth.h"
#include "simd.h"

/* An addressing form after its base register was read. */
typedef enum { AM_OFFSET, AM_PRE, AM_POST } A64Index;

typedef struct A64Addr {
    IRTemp addr;     /* address of the first access */
    IRTemp wb;       /* added to Rn after the accesses, or IR_NONE */
    unsigned rn;
} A64Addr;

/* The loaded value of one register, held until the instruction commits. */
typedef struct A64Val {
    IRTemp lo, hi;   /* hi: Q registers only */
} A64Val;

/* ---- addresses and alignment ---- */

/* Raise EXCP_ALIGN at this instruction unless cond(x, y) holds. */
static void gen_align_fault_unless(DisasContext *s, IRCond c, IRTemp x, IRTemp y,
                                   IRTemp fault_addr)
{
    IRBlock *b = IRB(s);
    uint32_t ok = ir_new_label(b);

    ir_brcond(b, IR_I64, c, x, y, ok);
    ir_stenv(b, IR_I64, fault_addr, env_off(common.fault_addr), IR_MO_64);
    ir_movi(b, IR_I64, cpu_pc, s->pc);
    ir_exit_excp(b, EXCP_ALIGN);
    ir_label(b, ok);
}

void gen_check_align(DisasContext *s, IRTemp addr, unsigned bytes, bool granule)
{
    IRTemp t;

    if (bytes <= 1)
        return;
    if (!granule) {
        gen_align_fault_unless(s, IR_COND_TSTEQ, addr, a64_const(s, IR_I64, bytes - 1), addr);
        return;
    }
    /* B2.2.1 with FEAT_LSE2: aligned enough if first and last byte share
     * their 16-byte granule, i.e. ((addr + bytes - 1) ^ addr) & ~15 == 0. */
    t = a64_tmp(s, IR_I64);
    ir_add(IRB(s), IR_I64, t, addr, a64_const(s, IR_I64, bytes - 1));
    ir_xor(IRB(s), IR_I64, t, t, addr);
    gen_align_fault_unless(s, IR_COND_TSTEQ, t, a64_const(s, IR_I64, ~(uint64_t)15), addr);
}

/* Is op a write to SP that keeps its alignment: SP plus or minus a
 * multiple of 16, in place (our writebacks) or through the temp the op
 * just before computed (int.c's "sub t, sp, #imm; mov sp, t")? */
static bool sp_write_keeps_align(const IRBlock *b, uint32_t i)
{
    const IROp *op = &b->ops[i];

    if (op->opc == IR_OP_mov && i > 0 && b->ops[i - 1].args[0] == op->args[1] &&
        b->temps[op->args[1]].kind == IR_TEMP_LOCAL)
        op = &b->ops[i - 1];
    return (op->opc == IR_OP_add || op->opc == IR_OP_sub) && op->type == IR_I64 &&
           op->args[1] == cpu_x[31] && ir_is_const(b, op->args[2]) &&
           (b->temps[op->args[2]].value & 15) == 0;
}

/* Is SP known to be 16-byte aligned at the end of the block so far?  Yes
 * if an earlier SP check (brcond sp TSTEQ 15) is followed only by writes
 * that keep the alignment.  Control flow inside an instruction cannot
 * bypass a check emitted by an earlier instruction, so a backward scan is
 * enough; it gives up after a few hundred ops. */
static bool sp_known_aligned(const IRBlock *b)
{
    uint32_t stop = b->nops > 256 ? b->nops - 256 : 0;

    for (uint32_t i = b->nops; i-- > stop;) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_brcond && op->args[0] == cpu_x[31] &&
            op->args[2] == IR_COND_TSTEQ && ir_is_const(b, op->args[1]) &&
            b->temps[op->args[1]].value == 15)
            return true;
        if (op->opc == IR_OP_call &&
            !(ir_helper_get(op->args[6])->flags & (IR_HELPER_NO_GLOBALS | IR_HELPER_READ_GLOBALS)))
            return false;                /* may write any register */
        if (ir_op_defs[op->opc].nout && op->args[0] == cpu_x[31] && !sp_write_keeps_align(b, i))
            return false;
    }
    return false;
}

IRTemp gen_ldst_base(DisasContext *s, unsigned rn)
{
    IRTemp base = a64_reg_sp(s, rn);

    /* D1.3.10 SP alignment checking: Linux enables it for EL0, so an access
     * based on SP with SP<3:0> != 0 faults (SIGBUS, si_addr = SP).  One
     * check covers the later accesses of the block while SP stays aligned. */
    if (rn == 31 && !sp_known_aligned(IRB(s)))
        gen_check_align(s, base, 16, false);
    return base;
}

IRTemp gen_add_imm(DisasContext *s, IRTemp base, int64_t off)
{
    IRTemp t;

    if (off == 0)
        return base;
    t = a64_tmp(s, IR_I64);
    ir_add(IRB(s), IR_I64, t, base, a64_const(s, IR_I64, (uint64_t)off));
    return t;
}

/* Base plus immediate in one of the three index modes. */
static A64Addr gen_addr_imm(DisasContext *s, unsigned rn, int64_t off, A64Index mode)
{
    IRTemp base = gen_ldst_base(s, rn);
    A64Addr a = { base, IR_NONE, rn };

    if (mode != AM_POST)
        a.addr = gen_add_imm(s, base, off);
    if (mode != AM_OFFSET)
        a.wb = a64_const(s, IR_I64, (uint64_t)off);
    return a;
}

/* Base plus register: C6.2 "ExtendReg" for option UXTW/LSL/SXTW/SXTX. */
static bool gen_addr_reg(DisasContext *s, uint32_t insn, unsigned size, A64Addr *a)
{
    unsigned option = option3(insn), shift = bits(insn, 12, 1) ? size : 0;
    IRTemp base, off = a64_reg(s, rm(insn));
    IRBlock *b = IRB(s);

    if (!(option & 2))
        return false;
    base = gen_ldst_base(s, rn(insn));
    if (option == 2 || option == 6) {
        IRTemp t = a64_tmp(s, IR_I64);
        if (option == 2)
            ir_ext32u(b, t, off);
        else
            ir_ext32s(b, t, off);
        off = t;
    }
    if (shift) {
        IRTemp t = a64_tmp(s, IR_I64);
        ir_shl(b, IR_I64, t, off, a64_const(s, IR_I64, shift));
        off = t;
    }
    a->addr = a64_tmp(s, IR_I64);
    ir_add(b, IR_I64, a->addr, base, off);
    a->wb = IR_NONE;
    a->rn = rn(insn);
    return true;
}

/* Rn += offset, in place: nothing wrote Rn since the address was formed. */
static void gen_writeback(DisasContext *s, const A64Addr *a)
{
    if (a->wb != IR_NONE)
        ir_add(IRB(s), IR_I64, cpu_x[a->rn], cpu_x[a->rn], a->wb);
}

/* ---- one register ---- */

/* Load one register's value.  dst, if not IR_NONE, is where an integer
 * load may go directly (an X register nothing else writes). */
static A64Val gen_load_reg(DisasContext *s, const A64Mem *m, IRTemp addr, IRTemp dst)
{
    IRBlock *b = IRB(s);
    A64Val v = { IR_NONE, IR_NONE };

    if (!m->vec) {
        /* A sign extension to Wt is an i32 load (zero-extended to 64). */
        IRType t = (m->sign && !m->ext64) ? IR_I32 : IR_I64;
        v.lo = (dst != IR_NONE && t == IR_I64) ? dst : a64_tmp(s, t);
        ir_ld(b, t, v.lo, addr, m->size | (m->sign ? IR_MO_SIGN : 0));
        return v;
    }
    if (m->size == 4 && a64_vec_ir && b->softmmu_idx < 0) {   /* one v128 load (simd-vec.c) */
        v.lo = a64_tmp(s, IR_V128);
        ir_vld(b, v.lo, addr, 4);
        return v;
    }
    v.lo = a64_tmp(s, IR_I64);
    ir_ld(b, IR_I64, v.lo, addr, m->size > 3 ? IR_MO_64 : m->size);
    if (m->size == 4) {
        v.hi = a64_tmp(s, IR_I64);
        ir_ld(b, IR_I64, v.hi, gen_add_imm(s, addr, 8), IR_MO_64);
    }
    return v;
}

/* Write a loaded value to Xt/Wt or Vt; a scalar FP/SIMD load clears the
 * rest of the 128-bit register. */
static void gen_commit_reg(DisasContext *s, const A64Mem *m, unsigned rt, A64Val v)
{
    IRBlock *b = IRB(s);

    if (!m->vec) {
        if (v.lo != cpu_x[rt])
            a64_set_reg(s, rt, v.lo, m->sign ? m->ext64 : true);
        return;
    }
    if (b->temps[v.lo].type == IR_V128) {
        ir_vstenv(b, v.lo, vreg_off(rt, 0));
        return;
    }
    ir_stenv(b, IR_I64, v.lo, vreg_off(rt, 0), IR_MO_64);
    ir_stenv(b, IR_I64, v.hi != IR_NONE ? v.hi : a64_const(s, IR_I64, 0),
             vreg_off(rt, 1), IR_MO_64);
}

static void gen_store_reg(DisasContext *s, const A64Mem *m, unsigned rt, IRTemp addr)
{
    IRBlock *b = IRB(s);
    IRTemp lo, hi;

    if (!m->vec) {
        ir_st(b, IR_I64, a64_reg(s, rt), addr, m->size);
        return;
    }
    if (m->size == 4 && a64_vec_ir && b->softmmu_idx < 0) {
        lo = a64_tmp(s, IR_V128);
        ir_vldenv(b, lo, vreg_off(rt, 0));
        ir_vst(b, lo, addr, 4);
        return;
    }
    lo = a64_tmp(s, IR_I64);
    ir_ldenv(b, IR_I64, lo, vreg_off(rt, 0), m->size > 3 ? IR_MO_64 : m->size);
    ir_st(b, IR_I64, lo, addr, m->size > 3 ? IR_MO_64 : m->size);
    if (m->size == 4) {
        hi = a64_tmp(s, IR_I64);
        ir_ldenv(b, IR_I64, hi, vreg_off(rt, 1), IR_MO_64);
        ir_st(b, IR_I64, hi, gen_add_imm(s, addr, 8), IR_MO_64);
    }
}

/* A single-register load or store at an address already formed. */
static bool gen_ldst(DisasContext *s, const A64Mem *m, bool load, unsigned rt, A64Addr a)
{
    if (load) {
        bool direct = !m->vec && a.wb == IR_NONE && rt != 31;
        A64Val v = gen_load_reg(s, m, a.addr, direct ? cpu_x[rt] : IR_NONE);
        gen_writeback(s, &a);
        gen_commit_reg(s, m, rt, v);
    } else {
        gen_store_reg(s, m, rt, a.addr);
        gen_writeback(s, &a);
    }
    return true;
}

/* ---- single register (ldst-decode.h says what is accessed) ---- */

static bool trans_ldst_uimm(DisasContext *s, uint32_t insn)
{
    A64Mem m;
    bool load;
    int k = a64_ldst_decode(insn, &m, &load);

    if (k != LDST_ACCESS)
        return k == LDST_PREFETCH;
    return gen_ldst(s, &m, load, rt(insn),
                    gen_addr_imm(s, rn(insn), (int64_t)imm12(insn) << m.size, AM_OFFSET));
}

static bool trans_ldst_reg(DisasContext *s, uint32_t insn)
{
    A64Mem m;
    A64Addr a;
    bool load;
    int k = a64_ldst_decode(insn, &m, &load);

    if (k == LDST_UNALLOC || !(option3(insn) & 2))
        return false;
    if (k == LDST_PREFETCH)
        return true;
    return gen_addr_reg(s, insn, m.size, &a) && gen_ldst(s, &m, load, rt(insn), a);
}

/* The imm9 forms: unscaled, pre/post-index and unprivileged (which is the
 * normal access at EL0).  Prefetch exists only unscaled (PRFUM). */
static bool gen_ldst_imm9(DisasContext *s, uint32_t insn, A64Index mode, bool unpriv)
{
    A64Mem m;
    bool load;
    int k = a64_ldst_decode(insn, &m, &load);

    if (k == LDST_UNALLOC || (unpriv && m.vec))
        return false;
    if (k == LDST_PREFETCH)
        return mode == AM_OFFSET && !unpriv;
    if (unpriv && IRB(s)->softmmu_idx > 0) {
        /* Full-system mode at EL1: LDTR/STTR are checked as EL0's (MMU
         * index 0, cpu-system.h), PAN or not. */
        int idx = IRB(s)->softmmu_idx;
        IRB(s)->softmmu_idx = 0;
        bool ok = gen_ldst(s, &m, load, rt(insn), gen_addr_imm(s, rn(insn), imm9(insn), mode));
        IRB(s)->softmmu_idx = idx;
        return ok;
    }
    return gen_ldst(s, &m, load, rt(insn), gen_addr_imm(s, rn(insn), imm9(insn), mode));
}

static bool trans_ldst_unscaled(DisasContext *s, uint32_t insn)
{
    return gen_ldst_imm9(s, insn, AM_OFFSET, false);
}

static bool trans_ldst_post(DisasContext *s, uint32_t insn)
{
    return gen_ldst_imm9(s, insn, AM_POST, false);
}

static bool trans_ldst_pre(DisasContext *s, uint32_t insn)
{
    return gen_ldst_imm9(s, insn, AM_PRE, false);
}

static bool trans_ldst_unpriv(DisasContext *s, uint32_t insn)
{
    return gen_ldst_imm9(s, insn, AM_OFFSET, true);
}

/* LDRAA, LDRAB: Xt = [AuthDA/DB(Xn|SP, 0) + SignExtend(S:imm9) * 8], the
 * sum written back to Xn|SP with W (pre-index).  A failed authentication
 * traps before the access (FEAT_FPACCombine). */
static bool trans_ldraa(DisasContext *s, uint32_t insn)
{
    unsigned n = rn(insn);
    int64_t off = sbits(bits(insn, 22, 1) << 9 | bits(insn, 12, 9), 0, 10) * 8;
    IRTemp base, addr, v = a64_tmp(s, IR_I64);

    if (!A64_HAS(s, A64_FEAT_PACA))
        return false;
    base = gen_pac_auth(s, gen_ldst_base(s, n), a64_const(s, IR_I64, 0),
                        bits(insn, 23, 1) ? A64_KEY_DB : A64_KEY_DA);
    addr = gen_add_imm(s, base, off);
    ir_ld(IRB(s), IR_I64, v, addr, IR_MO_64);
    if (bits(insn, 11, 1))
        a64_set_reg_sp(s, n, addr, true);
    a64_set_reg(s, rt(insn), v, true);
    return true;
}

/* LDR (literal): W, X, LDRSW, PRFM; S, D, Q. */
static bool trans_ldr_lit(DisasContext *s, uint32_t insn)
{
    A64Addr a = { a64_const(s, IR_I64, s->pc + (uint64_t)(imm19(insn) * 4)), IR_NONE, 0 };
    A64Mem m;
    bool prefetch;

    if (!a64_literal_decode(insn, &m, &prefetch))
        return prefetch;                     /* PRFM (literal) is a hint */
    return gen_ldst(s, &m, true, rt(insn), a);
}

/* ---- pairs ---- */

/* LDP/STP of two X registers as one 16-byte access (user mode; the
 * software MMU splits its accesses).  With FEAT_LSE2 such a pair aligned
 * to 16 bytes is single-copy atomic as a whole, and otherwise each
 * register is as long as it does not cross a 16-byte boundary (Arm ARM
 * B2.2.1).  An SSE load or store of 16 aligned bytes is atomic on AVX
 * hosts (Intel SDM vol. 3 9.1.1, AMD APM vol. 2 7.3.2); unaligned, its
 * 8-byte halves stay within a cache line whenever they do not cross 16
 * bytes, as the two separate accesses did. */
static void gen_pair_x(DisasContext *s, unsigned t1, unsigned t2, const A64Addr *a, bool load)
{
    IRBlock *b = IRB(s);
    IRTemp v = a64_tmp(s, IR_V128);

    if (load) {
        IRTemp x1 = a64_tmp(s, IR_I64), x2 = a64_tmp(s, IR_I64);
        ir_vld(b, v, a->addr, 4);
        ir_vget(b, 3, x1, v, 0);
        ir_vget(b, 3, x2, v, 1);
        gen_writeback(s, a);
        a64_set_reg(s, t1, x1, true);
        a64_set_reg(s, t2, x2, true);
    } else {
        IRTemp w = a64_tmp(s, IR_V128);
        ir_vdup(b, 3, v, a64_reg(s, t1));
        ir_vset(b, 3, w, v, a64_reg(s, t2), 1);
        ir_vst(b, w, a->addr, 4);
        gen_writeback(s, a);
    }
}

/* LDP/STP/LDPSW/LDNP/STNP, integer and FP/SIMD (C4.1.94 "Load/store
 * register pair"): both loads complete before either register is written. */
static bool gen_ldst_pair(DisasContext *s, uint32_t insn, A64Index mode, bool nt)
{
    unsigned t1 = rt(insn), t2 = rt2(insn);
    bool load = bits(insn, 22, 1);
    A64Mem m;
    A64Addr a;
    IRTemp addr2;
    int64_t off;

    if (!a64_pair_decode(insn, nt, &m))
        return false;
    off = imm7(insn) * (1 << m.size);
    a = gen_addr_imm(s, rn(insn), off, mode);
    if (a64_pair_x_whole(&m, rn(insn), mode == AM_POST, off) && IRB(s)->softmmu_idx < 0) {
        gen_pair_x(s, t1, t2, &a, load);
        return true;
    }
    addr2 = gen_add_imm(s, a.addr, 1 << m.size);
    if (load) {
        A64Val v1 = gen_load_reg(s, &m, a.addr, IR_NONE);
        A64Val v2 = gen_load_reg(s, &m, addr2, IR_NONE);
        gen_writeback(s, &a);
        gen_commit_reg(s, &m, t1, v1);
        gen_commit_reg(s, &m, t2, v2);
    } else {
        gen_store_reg(s, &m, t1, a.addr);
        gen_store_reg(s, &m, t2, addr2);
        gen_writeback(s, &a);
    }
    return true;
}

static bool trans_ldst_pair_nt(DisasContext *s, uint32_t insn)
{
    return gen_ldst_pair(s, insn, AM_OFFSET, true);
}

static bool trans_ldst_pair_post(DisasContext *s, uint32_t insn)
{
    return gen_ldst_pair(s, insn, AM_POST, false);
}

static bool trans_ldst_pair_off(DisasContext *s, uint32_t insn)
{
    return gen_ldst_pair(s, insn, AM_OFFSET, false);
}

static bool trans_ldst_pair_pre(DisasContext *s, uint32_t insn)
{
    return gen_ldst_pair(s, insn, AM_PRE, false);
}

/* ---- Advanced SIMD structures ---- */

/* Post-index of a structure access: by Xm, or by the bytes moved if Rm is 31. */
static A64Addr gen_addr_simd(DisasContext *s, uint32_t insn, bool post, unsigned bytes)
{
    A64Addr a = { gen_ldst_base(s, rn(insn)), IR_NONE, rn(insn) };

    if (post)
        a.wb = rm(insn) == 31 ? a64_const(s, IR_I64, bytes) : cpu_x[rm(insn)];
    return a;
}

/* The 64-bit halves of the registers a structure load builds. */
typedef struct A64Regs {
    IRTemp half[4][2];
} A64Regs;

/* Load element e of structure register r (memory element j) into acc. */
static void gen_ld_elem(DisasContext *s, A64Regs *acc, IRTemp base, unsigned r,
                        unsigned e, unsigned j, unsigned size)
{
    IRBlock *b = IRB(s);
    unsigned bit = (e << (size + 3)) & 63, h = (e << size) >> 3;
    IRTemp v = a64_tmp(s, IR_I64);

    ir_ld(b, IR_I64, v, gen_add_imm(s, base, (int64_t)j << size), size);
    if (bit == 0) {
        acc->half[r][h] = v;      /* the first element of a half: loads zero-extend */
        return;
    }
    ir_deposit(b, IR_I64, acc->half[r][h], acc->half[r][h], v, bit, 8u << size);
}

static void gen_st_elem(DisasContext *s, const A64Regs *src, IRTemp base, unsigned r,
                        unsigned e, unsigned j, unsigned size)
{
    IRBlock *b = IRB(s);
    unsigned bit = (e << (size + 3)) & 63, h = (e << size) >> 3;
    IRTemp v = src->half[r][h];

    if (bit) {
        v = a64_tmp(s, IR_I64);
        ir_extract(b, IR_I64, v, src->half[r][h], bit, 8u << size);
    }
    ir_st(b, IR_I64, v, gen_add_imm(s, base, (int64_t)j << size), size);
}

/* LD1/ST1 of nregs consecutive whole registers: 64-bit accesses only
 * (the common case: glibc's memcpy and string functions). */
static void gen_ldst_whole_regs(DisasContext *s, A64Addr a, unsigned t, unsigned nregs,
                                bool q, bool load)
{
    A64Mem m = { .size = q ? 4 : 3, .vec = true };
    A64Val v[4];

    for (unsigned r = 0; r < nregs; r++) {
        IRTemp addr = gen_add_imm(s, a.addr, r * (q ? 16 : 8));
        if (load)
            v[r] = gen_load_reg(s, &m, addr, IR_NONE);
        else
            gen_store_reg(s, &m, (t + r) % 32, addr);
    }
    gen_writeback(s, &a);
    for (unsigned r = 0; load && r < nregs; r++)
        gen_commit_reg(s, &m, (t + r) % 32, v[r]);
}

/* LD2-4/ST2-4: selem registers of elements interleaved in memory, moved
 * element by element; loads build the registers in temps first. */
static void gen_ldst_interleaved(DisasContext *s, A64Addr a, unsigned t, unsigned selem,
                                 unsigned size, bool q, bool load)
{
    unsigned halves = q ? 2 : 1;
    A64Regs regs = { 0 };

    for (unsigned r = 0; !load && r < selem; r++) {
        for (unsigned h = 0; h < halves; h++) {
            regs.half[r][h] = a64_tmp(s, IR_I64);
            ir_ldenv(IRB(s), IR_I64, regs.half[r][h], vreg_off((t + r) % 32, h), IR_MO_64);
        }
    }
    for (unsigned e = 0; e < (halves * 8 >> size); e++) {
        for (unsigned r = 0; r < selem; r++) {
            if (load)
                gen_ld_elem(s, &regs, a.addr, r, e, e * selem + r, size);
            else
                gen_st_elem(s, &regs, a.addr, r, e, e * selem + r, size);
        }
    }
    gen_writeback(s, &a);
    for (unsigned r = 0; load && r < selem; r++) {
        A64Val v = { regs.half[r][0], q ? regs.half[r][1] : IR_NONE };
        gen_commit_reg(s, &(A64Mem){ .size = 4, .vec = true }, (t + r) % 32, v);
    }
}

/* LD1-4/ST1-4 (multiple structures), C7.2 "LD1 (multiple structures)":
 * opcode gives rpt registers of selem-interleaved structures. */
static bool gen_ldst_multiple(DisasContext *s, uint32_t insn, bool post)
{
    static const uint8_t rpt_selem[16][2] = {
        [0] = { 1, 4 }, [2] = { 4, 1 }, [4] = { 1, 3 }, [6] = { 3, 1 },
        [7] = { 1, 1 }, [8] = { 1, 2 }, [10] = { 2, 1 },
    };
    unsigned opcode = bits(insn, 12, 4), size = bits(insn, 10, 2);
    unsigned rpt = rpt_selem[opcode][0], selem = rpt_selem[opcode][1];
    bool load = bits(insn, 22, 1), q = Q(insn);
    A64Addr a;

    if (!rpt || (size == 3 && !q && selem != 1))
        return false;
    a = gen_addr_simd(s, insn, post, rpt * selem * (q ? 16 : 8));
    if (selem == 1)
        gen_ldst_whole_regs(s, a, rt(insn), rpt, q, load);
    else
        gen_ldst_interleaved(s, a, rt(insn), selem, size, q, load);
    return true;
}

/* Replicate the low 8 << size bits of v over 64 bits. */
static IRTemp gen_dup64(DisasContext *s, IRTemp v, unsigned size)
{
    static const uint64_t ones[4] = {
        0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1,
    };
    IRTemp d;

    if (size == 3)
        return v;
    d = a64_tmp(s, IR_I64);
    ir_mul(IRB(s), IR_I64, d, v, a64_const(s, IR_I64, ones[size]));
    return d;
}

/* The element of a single-structure access (C7.2 "LD1 (single
 * structure)" decoding): log2 of its bytes, the lane, or LDnR. */
typedef struct A64Lane {
    unsigned scale, index;
    bool replicate;
} A64Lane;

static bool decode_lane(uint32_t insn, A64Lane *l)
{
    unsigned opcode = bits(insn, 13, 3), size = bits(insn, 10, 2), S = bits(insn, 12, 1);
    unsigned q = Q(insn);

    *l = (A64Lane){ .scale = opcode >> 1 };
    switch (l->scale) {
    case 3:                                      /* LDnR: L = 1, S = 0 */
        l->scale = size;
        l->replicate = true;
        return bits(insn, 22, 1) && !S;
    case 0:
        l->index = (q << 3) | (S << 2) | size;
        return true;
    case 1:
        l->index = (q << 2) | (S << 1) | (size >> 1);
        return !(size & 1);
    default:                                     /* S (size 00) or D (size 01, S = 0) */
        l->index = (size & 1) ? q : ((q << 1) | S);
        l->scale = 2 + (size & 1);
        return !(size & 2) && !((size & 1) && S);
    }
}

/* LD1-4/ST1-4 (single structure) and LD1R-LD4R: selem elements to or from
 * one lane (or every lane) of consecutive registers. */
static bool gen_ldst_single_struct(DisasContext *s, uint32_t insn, bool post)
{
    unsigned selem = (((bits(insn, 13, 1)) << 1) | bits(insn, 21, 1)) + 1, t = rt(insn);
    bool load = bits(insn, 22, 1);
    IRBlock *b = IRB(s);
    IRTemp v[4];
    A64Lane l;
    A64Addr a;

    if (!decode_lane(insn, &l))
        return false;
    a = gen_addr_simd(s, insn, post, selem << l.scale);
    for (unsigned i = 0; i < selem; i++) {
        IRTemp addr = gen_add_imm(s, a.addr, (int64_t)i << l.scale);
        int32_t lane = vreg_off((t + i) % 32, 0) + (int32_t)(l.index << l.scale);
        v[i] = a64_tmp(s, IR_I64);
        if (load) {
            ir_ld(b, IR_I64, v[i], addr, l.scale);
        } else {
            ir_ldenv(b, IR_I64, v[i], lane, l.scale);
            ir_st(b, IR_I64, v[i], addr, l.scale);
        }
    }
    gen_writeback(s, &a);
    for (unsigned i = 0; load && i < selem; i++) {
        unsigned r = (t + i) % 32;
        if (l.replicate) {
            IRTemp d = gen_dup64(s, v[i], l.scale);
            A64Val val = { d, Q(insn) ? d : IR_NONE };
            gen_commit_reg(s, &(A64Mem){ .size = 4, .vec = true }, r, val);
        } else {
            ir_stenv(b, IR_I64, v[i], vreg_off(r, 0) + (int32_t)(l.index << l.scale), l.scale);
        }
    }
    return true;
}

static bool trans_simd_ldst_mult(DisasContext *s, uint32_t insn)
{
    return gen_ldst_multiple(s, insn, false);
}

static bool trans_simd_ldst_mult_post(DisasContext *s, uint32_t insn)
{
    return gen_ldst_multiple(s, insn, true);
}

static bool trans_simd_ldst_single(DisasContext *s, uint32_t insn)
{
    return gen_ldst_single_struct(s, insn, false);
}

static bool trans_simd_ldst_single_post(DisasContext *s, uint32_t insn)
{
    return gen_ldst_single_struct(s, insn, true);
}

/* Field letters: s size, v V (FP/SIMD), o opc, i immediate, m Rm, x option,
 * S scale, n Rn, t Rt, u Rt2, L load, q Q, R the R bit. */
const DecodePattern a64_ldst_patterns[] = {
    { "11 111 0 00 k S 1 iiiiiiiii w 1 nnnnn ttttt", trans_ldraa, "LDRAA/LDRAB" },
    { "ss 111 v 01 oo iiiiiiiiiiii nnnnn ttttt", trans_ldst_uimm,
      "LDR/STR (immediate, unsigned offset)" },
    { "ss 111 v 00 oo 1 mmmmm xxx S 10 nnnnn ttttt", trans_ldst_reg,
      "LDR/STR (register)" },
    { "ss 111 v 00 oo 0 iiiiiiiii 00 nnnnn ttttt", trans_ldst_unscaled, "LDUR/STUR" },
    { "ss 111 v 00 oo 0 iiiiiiiii 01 nnnnn ttttt", trans_ldst_post,
      "LDR/STR (immediate, post-index)" },
    { "ss 111 v 00 oo 0 iiiiiiiii 10 nnnnn ttttt", trans_ldst_unpriv, "LDTR/STTR" },
    { "ss 111 v 00 oo 0 iiiiiiiii 11 nnnnn ttttt", trans_ldst_pre,
      "LDR/STR (immediate, pre-index)" },
    { "oo 011 v 00 iiiiiiiiiiiiiiiiiii ttttt", trans_ldr_lit, "LDR (literal)" },
    { "oo 101 v 000 L iiiiiii uuuuu nnnnn ttttt", trans_ldst_pair_nt, "LDNP/STNP" },
    { "oo 101 v 001 L iiiiiii uuuuu nnnnn ttttt", trans_ldst_pair_post,
      "LDP/STP (post-index)" },
    { "oo 101 v 010 L iiiiiii uuuuu nnnnn ttttt", trans_ldst_pair_off,
      "LDP/STP (signed offset)" },
    { "oo 101 v 011 L iiiiiii uuuuu nnnnn ttttt", trans_ldst_pair_pre,
      "LDP/STP (pre-index)" },
    { "0 q 0011000 L 000000 oooo ss nnnnn ttttt", trans_simd_ldst_mult,
      "LD1-4/ST1-4 (multiple structures)" },
    { "0 q 0011001 L 0 mmmmm oooo ss nnnnn ttttt", trans_simd_ldst_mult_post,
      "LD1-4/ST1-4 (multiple structures, post-index)" },
    { "0 q 0011010 L R 00000 ooo S ss nnnnn ttttt", trans_simd_ldst_single,
      "LD1-4/ST1-4/LDnR (single structure)" },
    { "0 q 0011011 L R mmmmm ooo S ss nnnnn ttttt", trans_simd_ldst_single_post,
      "LD1-4/ST1-4/LDnR (single structure, post-index)" },
    { NULL },
};
