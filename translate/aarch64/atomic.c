/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 exclusive, ordered and atomic memory instructions: LDXR/STXR and
 * pairs, LDAR/STLR/LDLAR/STLLR, LDAPR (FEAT_LRCPC), LDAPUR/STLUR
 * (FEAT_LRCPC2), and the FEAT_LSE atomics CAS, CASP, SWP and LD<op>/ST<op>.
 *
 * The exclusive monitor is the value seen (DESIGN.md, "Threads and
 * atomics"): LDXR records the address in excl_addr and the value in
 * excl_val(2); STXR succeeds only at that address and only if a host
 * compare-and-swap from the recorded value succeeds, and it always clears
 * the monitor.  LSE operations map to host locked instructions (cmpxchg,
 * xchg, fetch_add) or to a compare-and-swap loop.  x86-64 is TSO, so
 * acquire needs nothing; a store-release is an xchg so that a later
 * load-acquire cannot pass it (RCsc).  128-bit compare-and-swap (STXP and
 * CASP of X registers) calls helper-mem.c after a probe that makes any
 * fault precise.
 *
 * Misaligned exclusives fault (SIGBUS); the other forms fault unless the
 * model has FEAT_LSE2 (USCAT) and the access stays in a 16-byte granule.
 * Entry point: a64_atomic_patterns (the table at the end).
 */
#include "translate.h"

static bool has_feature(DisasContext *s, unsigned f)
{
    return (s->model->features >> f) & 1;
}

/* v zero- or sign-extended from 8 << size bits. */
static IRTemp gen_ext(DisasContext *s, IRTemp v, unsigned size, bool sign)
{
    IRBlock *b = IRB(s);
    IRTemp d;

    if (size == 3)
        return v;
    d = a64_tmp(s, IR_I64);
    switch (size) {
    case 0:
        sign ? ir_ext8s(b, IR_I64, d, v) : ir_ext8u(b, IR_I64, d, v);
        break;
    case 1:
        sign ? ir_ext16s(b, IR_I64, d, v) : ir_ext16u(b, IR_I64, d, v);
        break;
    default:
        sign ? ir_ext32s(b, d, v) : ir_ext32u(b, d, v);
        break;
    }
    return d;
}

/* Base address of a non-exclusive atomic or ordered access, checked. */
static IRTemp gen_atomic_addr(DisasContext *s, unsigned rn, unsigned bytes)
{
    IRTemp addr = gen_ldst_base(s, rn);
    gen_check_align(s, addr, bytes, has_feature(s, A64_FEAT_USCAT));
    return addr;
}

/* Address of an exclusive access: always aligned to its whole size. */
static IRTemp gen_excl_addr(DisasContext *s, unsigned rn, unsigned bytes)
{
    IRTemp addr = gen_ldst_base(s, rn);
    gen_check_align(s, addr, bytes, false);
    return addr;
}

/* ---- exclusives ---- */

static void gen_monitor_arm(DisasContext *s, IRTemp addr, IRTemp v, IRTemp v2)
{
    IRBlock *b = IRB(s);

    ir_stenv(b, IR_I64, addr, env_off(excl_addr), IR_MO_64);
    ir_stenv(b, IR_I64, v, env_off(excl_val), IR_MO_64);
    if (v2 != IR_NONE)
        ir_stenv(b, IR_I64, v2, env_off(excl_val2), IR_MO_64);
}

/* Status of a store-exclusive (0 = stored) of newv, 8 << size bits wide, or
 * for size 4 the pair (newv, newv2) through the 128-bit helper. */
static IRTemp gen_store_excl(DisasContext *s, IRTemp addr, unsigned size, IRTemp newv,
                             IRTemp newv2)
{
    IRBlock *b = IRB(s);
    uint32_t fail = ir_new_label(b);
    IRTemp status = a64_tmp(s, IR_I64), ea = a64_tmp(s, IR_I64);
    IRTemp ev = a64_tmp(s, IR_I64), old = a64_tmp(s, IR_I64);

    ir_movi(b, IR_I64, status, 1);
    ir_ldenv(b, IR_I64, ea, env_off(excl_addr), IR_MO_64);
    ir_brcond(b, IR_I64, IR_COND_NE, addr, ea, fail);
    /* A narrow ldenv truncates the recorded value to the access size. */
    ir_ldenv(b, IR_I64, ev, env_off(excl_val), size > 3 ? IR_MO_64 : size);
    if (size <= 3) {
        ir_cmpxchg(b, IR_I64, old, addr, ev, newv, size);
        ir_setcond(b, IR_I64, IR_COND_NE, status, old, ev);
    } else {
        IRTemp ev2 = a64_tmp(s, IR_I64), zero = a64_const(s, IR_I64, 0);
        ir_ldenv(b, IR_I64, ev2, env_off(excl_val2), IR_MO_64);
        /* Probe for write access: a fault here is precise, the helper's is not. */
        ir_cmpxchg(b, IR_I64, old, addr, zero, zero, IR_MO_64);
        ir_call(b, &helper_desc_stxp128, status, addr, ev, ev2, newv, newv2);
    }
    ir_label(b, fail);
    ir_stenv(b, IR_I64, a64_const(s, IR_I64, ~0ull), env_off(excl_addr), IR_MO_64);
    return status;
}

/* LDXR/LDAXR (B, H, W, X). */
static bool trans_ldxr(DisasContext *s, uint32_t insn)
{
    unsigned size = size2(insn);
    IRTemp addr = gen_excl_addr(s, rn(insn), 1u << size), v = a64_tmp(s, IR_I64);

    ir_ld(IRB(s), IR_I64, v, addr, size);
    gen_monitor_arm(s, addr, v, IR_NONE);
    a64_set_reg(s, rt(insn), v, true);
    return true;
}

/* STXR/STLXR (B, H, W, X). */
static bool trans_stxr(DisasContext *s, uint32_t insn)
{
    unsigned size = size2(insn);
    IRTemp addr = gen_excl_addr(s, rn(insn), 1u << size);
    IRTemp status = gen_store_excl(s, addr, size, a64_reg(s, rt(insn)), IR_NONE);

    a64_set_reg(s, rs(insn), status, true);
    return true;
}

/* LDXP/LDAXP: a pair of W is one 64-bit access; a pair of X two, checked
 * as a whole by the 128-bit compare-and-swap of STXP. */
static bool trans_ldxp(DisasContext *s, uint32_t insn)
{
    IRBlock *b = IRB(s);
    bool x = bits(insn, 30, 1);
    IRTemp addr = gen_excl_addr(s, rn(insn), x ? 16 : 8);
    IRTemp lo = a64_tmp(s, IR_I64), hi = a64_tmp(s, IR_I64);

    ir_ld(b, IR_I64, lo, addr, IR_MO_64);
    if (x) {
        IRTemp a8 = a64_tmp(s, IR_I64);
        ir_add(b, IR_I64, a8, addr, a64_const(s, IR_I64, 8));
        ir_ld(b, IR_I64, hi, a8, IR_MO_64);
        gen_monitor_arm(s, addr, lo, hi);
    } else {
        gen_monitor_arm(s, addr, lo, IR_NONE);
        ir_extract(b, IR_I64, hi, lo, 32, 32);
    }
    a64_set_reg(s, rt(insn), lo, x);
    a64_set_reg(s, rt2(insn), hi, true);
    return true;
}

/* STXP/STLXP. */
static bool trans_stxp(DisasContext *s, uint32_t insn)
{
    bool x = bits(insn, 30, 1);
    IRTemp addr = gen_excl_addr(s, rn(insn), x ? 16 : 8), status;
    IRTemp v1 = a64_reg(s, rt(insn)), v2 = a64_reg(s, rt2(insn));

    if (x) {
        status = gen_store_excl(s, addr, 4, v1, v2);
    } else {
        IRTemp v = a64_tmp(s, IR_I64);
        ir_deposit(IRB(s), IR_I64, v, v1, v2, 32, 32);
        status = gen_store_excl(s, addr, 3, v, IR_NONE);
    }
    a64_set_reg(s, rs(insn), status, true);
    return true;
}

/* ---- ordered ---- */

/* LDAR/LDLAR, LDAPR, LDAPUR*: TSO loads are acquire loads already. */
static void gen_load_acquire(DisasContext *s, IRTemp addr, unsigned mo, unsigned rt, bool sf)
{
    IRType t = (mo & IR_MO_SIGN) && !sf ? IR_I32 : IR_I64;
    IRTemp v = a64_tmp(s, t);

    ir_ld(IRB(s), t, v, addr, mo);
    a64_set_reg(s, rt, v, t == IR_I64);
}

/* STLR/STLLR, STLUR*: xchg orders the store before later loads (RCsc). */
static void gen_store_release(DisasContext *s, IRTemp addr, unsigned size, unsigned rt)
{
    ir_xchg(IRB(s), IR_I64, a64_tmp(s, IR_I64), addr, a64_reg(s, rt), size);
}

static bool trans_ldar(DisasContext *s, uint32_t insn)
{
    unsigned size = size2(insn);
    gen_load_acquire(s, gen_atomic_addr(s, rn(insn), 1u << size), size, rt(insn), true);
    return true;
}

static bool trans_stlr(DisasContext *s, uint32_t insn)
{
    unsigned size = size2(insn);
    gen_store_release(s, gen_atomic_addr(s, rn(insn), 1u << size), size, rt(insn));
    return true;
}

static bool trans_ldapr(DisasContext *s, uint32_t insn)
{
    return has_feature(s, A64_FEAT_LRCPC) && trans_ldar(s, insn);
}

/* LDAPUR/STLUR family (C4.1.94 "LDAPR/STLR (unscaled immediate)"). */
static bool trans_ldapur(DisasContext *s, uint32_t insn)
{
    unsigned size = size2(insn), opc = bits(insn, 22, 2);
    IRTemp base, addr;

    if (!has_feature(s, A64_FEAT_ILRCPC) || (opc == 2 && size == 3) || (opc == 3 && size >= 2))
        return false;
    base = gen_ldst_base(s, rn(insn));
    addr = a64_tmp(s, IR_I64);
    ir_add(IRB(s), IR_I64, addr, base, a64_const(s, IR_I64, (uint64_t)imm9(insn)));
    gen_check_align(s, addr, 1u << size, has_feature(s, A64_FEAT_USCAT));
    if (opc == 0)
        gen_store_release(s, addr, size, rt(insn));
    else
        gen_load_acquire(s, addr, size | (opc >= 2 ? IR_MO_SIGN : 0), rt(insn), opc != 3);
    return true;
}

/* ---- LSE: compare and swap ---- */

/* CAS/CASA/CASL/CASAL (B, H, W, X): Rs is compared and gets the old value. */
static bool trans_cas(DisasContext *s, uint32_t insn)
{
    unsigned size = size2(insn);
    IRTemp addr, old = a64_tmp(s, IR_I64);

    if (!has_feature(s, A64_FEAT_ATOMICS))
        return false;
    addr = gen_atomic_addr(s, rn(insn), 1u << size);
    ir_cmpxchg(IRB(s), IR_I64, old, addr, gen_ext(s, a64_reg(s, rs(insn)), size, false),
               a64_reg(s, rt(insn)), size);
    a64_set_reg(s, rs(insn), old, true);
    return true;
}

/* CASP family: pairs of W (one 64-bit cmpxchg) or of X (the helper, which
 * reads Rs/Rt pairs and writes the Rs pair in the CPU state). */
static bool trans_casp(DisasContext *s, uint32_t insn)
{
    IRBlock *b = IRB(s);
    unsigned s0 = rs(insn), t0 = rt(insn);
    bool x = bits(insn, 30, 1);
    IRTemp addr, exp, newv, old, zero = a64_const(s, IR_I64, 0);

    if (!has_feature(s, A64_FEAT_ATOMICS) || (s0 & 1) || (t0 & 1))
        return false;
    addr = gen_atomic_addr(s, rn(insn), x ? 16 : 8);
    old = a64_tmp(s, IR_I64);
    if (x) {
        ir_cmpxchg(b, IR_I64, old, addr, zero, zero, IR_MO_64);   /* probe */
        ir_call(b, &helper_desc_casp128, IR_NONE, IR_ENV, addr,
                a64_const(s, IR_I64, s0), a64_const(s, IR_I64, t0), IR_NONE);
        return true;
    }
    exp = a64_tmp(s, IR_I64);
    newv = a64_tmp(s, IR_I64);
    ir_deposit(b, IR_I64, exp, a64_reg(s, s0), a64_reg(s, s0 + 1), 32, 32);
    ir_deposit(b, IR_I64, newv, a64_reg(s, t0), a64_reg(s, t0 + 1), 32, 32);
    ir_cmpxchg(b, IR_I64, old, addr, exp, newv, IR_MO_64);
    a64_set_reg(s, s0, old, false);
    if (s0 + 1 != 31) {
        IRTemp hi = a64_tmp(s, IR_I64);
        ir_extract(b, IR_I64, hi, old, 32, 32);
        a64_set_reg(s, s0 + 1, hi, true);
    }
    return true;
}

/* ---- LSE: read-modify-write ---- */

enum { RMW_ADD, RMW_CLR, RMW_EOR, RMW_SET, RMW_SMAX, RMW_SMIN, RMW_UMAX, RMW_UMIN, RMW_SWP };

/* The new memory value of an LD<op> from old (zero-extended) and operand
 * v (already extended for the min/max comparisons). */
static IRTemp gen_rmw_value(DisasContext *s, unsigned op, unsigned size, IRTemp old, IRTemp v)
{
    static const IRCond conds[4] = { IR_COND_GT, IR_COND_LT, IR_COND_GTU, IR_COND_LTU };
    IRBlock *b = IRB(s);
    IRTemp n = a64_tmp(s, IR_I64), a = old;

    switch (op) {
    case RMW_CLR: ir_andc(b, IR_I64, n, old, v); break;
    case RMW_EOR: ir_xor(b, IR_I64, n, old, v); break;
    case RMW_SET: ir_or(b, IR_I64, n, old, v); break;
    default:
        if (op <= RMW_SMIN)
            a = gen_ext(s, old, size, true);
        ir_movcond(b, IR_I64, conds[op - RMW_SMAX], n, a, v, a, v);
        break;
    }
    return n;
}

/* Ops without a host instruction: a compare-and-swap loop. */
static IRTemp gen_rmw_loop(DisasContext *s, unsigned op, unsigned size, IRTemp addr, IRTemp v)
{
    IRBlock *b = IRB(s);
    uint32_t again = ir_new_label(b), done = ir_new_label(b);
    IRTemp old = a64_tmp(s, IR_I64), prev = a64_tmp(s, IR_I64), n;

    if (op >= RMW_SMAX)
        v = gen_ext(s, v, size, op <= RMW_SMIN);
    ir_ld(b, IR_I64, old, addr, size);
    ir_label(b, again);
    n = gen_rmw_value(s, op, size, old, v);
    ir_cmpxchg(b, IR_I64, prev, addr, old, n, size);
    ir_brcond(b, IR_I64, IR_COND_EQ, prev, old, done);
    ir_mov(b, IR_I64, old, prev);
    ir_br(b, again);
    ir_label(b, done);
    return prev;
}

/* LD<op>{A,L,AL}{B,H,} and SWP: Rt gets the old value (ST<op> is Rt = XZR);
 * the host's locked instructions are full barriers, so A and L are free. */
static bool gen_atomic_rmw(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned size = size2(insn);
    IRTemp addr, old, v;

    if (!has_feature(s, A64_FEAT_ATOMICS))
        return false;
    addr = gen_atomic_addr(s, rn(insn), 1u << size);
    v = a64_reg(s, rs(insn));
    if (op == RMW_ADD || op == RMW_SWP) {
        old = a64_tmp(s, IR_I64);
        if (op == RMW_ADD)
            ir_fetch_add(IRB(s), IR_I64, old, addr, v, size);
        else
            ir_xchg(IRB(s), IR_I64, old, addr, v, size);
    } else {
        old = gen_rmw_loop(s, op, size, addr, v);
    }
    a64_set_reg(s, rt(insn), old, true);
    return true;
}

static bool trans_ldop(DisasContext *s, uint32_t insn)
{
    return gen_atomic_rmw(s, insn, bits(insn, 12, 3));
}

static bool trans_swp(DisasContext *s, uint32_t insn)
{
    return gen_atomic_rmw(s, insn, RMW_SWP);
}

/* Field letters: s size (or sz), L load, r Rs, o o0 (release) / opc,
 * u Rt2, n Rn, t Rt, A acquire, R release, i imm9. */
const DecodePattern a64_atomic_patterns[] = {
    { "ss 001000 0 0 0 rrrrr o uuuuu nnnnn ttttt", trans_stxr, "STXR/STLXR" },
    { "ss 001000 0 1 0 rrrrr o uuuuu nnnnn ttttt", trans_ldxr, "LDXR/LDAXR" },
    { "1s 001000 0 0 1 rrrrr o uuuuu nnnnn ttttt", trans_stxp, "STXP/STLXP" },
    { "1s 001000 0 1 1 rrrrr o uuuuu nnnnn ttttt", trans_ldxp, "LDXP/LDAXP" },
    { "0s 001000 0 L 1 rrrrr o 11111 nnnnn ttttt", trans_casp, "CASP" },
    { "ss 001000 1 0 0 rrrrr o uuuuu nnnnn ttttt", trans_stlr, "STLR/STLLR" },
    { "ss 001000 1 1 0 rrrrr o uuuuu nnnnn ttttt", trans_ldar, "LDAR/LDLAR" },
    { "ss 001000 1 L 1 rrrrr o 11111 nnnnn ttttt", trans_cas, "CAS" },
    { "ss 111000 1 0 1 11111 1 100 00 nnnnn ttttt", trans_ldapr, "LDAPR" },
    { "ss 111000 A R 1 rrrrr 0 ooo 00 nnnnn ttttt", trans_ldop, "LD<op>/ST<op>" },
    { "ss 111000 A R 1 rrrrr 1 000 00 nnnnn ttttt", trans_swp, "SWP" },
    { "ss 011001 oo 0 iiiiiiiii 00 nnnnn ttttt", trans_ldapur, "LDAPUR/STLUR" },
    { NULL },
};
