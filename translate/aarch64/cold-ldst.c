/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cold-code interpreter's loads and stores (cold.h): the single
 * register forms (unsigned offset, register offset, unscaled, pre/post
 * index, unprivileged, literal) and the pairs, integer and FP/SIMD, as
 * ldst.c translates them: the same encodings (ldst-decode.h), the same
 * accesses (an X pair or a Q register in one 16-byte access), every load
 * done before any register is written and the base written back before
 * the loaded registers, and the SP alignment check of an SP base.
 * Structure loads and stores (LD1-4...), the exclusive, ordered and
 * atomic forms and LDRAA/LDRAB are left to the translator.
 *
 * Entry point: a64_cold_ldst_patterns, the table at the end.
 */
#include "cold.h"
#include "ldst-decode.h"

typedef enum { COLD_OFFSET, COLD_PRE, COLD_POST } ColdIndex;

/* The index mode by a 2-bit field that both the imm9 forms (bits 11:10:
 * unscaled, post, unprivileged, pre) and the pairs (bits 24:23:
 * no-allocate, post, offset, pre) encode alike. */
static const ColdIndex cold_modes[4] = { COLD_OFFSET, COLD_POST, COLD_OFFSET, COLD_PRE };

/* An access's address and the base's writeback. */
typedef struct ColdAddr {
    uint64_t addr;
    int64_t wb;
    bool has_wb;
    unsigned rn;
} ColdAddr;

/* Rn|SP as a base: an SP with SP<3:0> != 0 raises the SP alignment fault
 * (SIGBUS at the instruction, si_addr = SP), as ldst.c's gen_ldst_base. */
static bool cold_base(ColdCtx *s, unsigned n, uint64_t *base)
{
    *base = cold_xsp(s, n);
    if (n != 31 || !(*base & 15))
        return true;
    s->env->common.fault_addr = *base;
    s->env->common.pc = s->pc;
    s->excp = EXCP_ALIGN;
    return false;
}

static bool cold_addr_imm(ColdCtx *s, unsigned n, int64_t off, ColdIndex mode, ColdAddr *a)
{
    uint64_t base;

    if (!cold_base(s, n, &base))
        return false;
    *a = (ColdAddr){ .addr = mode == COLD_POST ? base : base + (uint64_t)off,
                     .wb = off, .has_wb = mode != COLD_OFFSET, .rn = n };
    return true;
}

static void cold_writeback(ColdCtx *s, const ColdAddr *a)
{
    if (a->has_wb)
        s->env->x[a->rn] += (uint64_t)a->wb;
}

/* ---- one register ---- */

/* A loaded value: lo (an integer register's, extended as m says), and hi
 * for a Q register. */
static void cold_load_reg(const A64Mem *m, uint64_t addr, uint64_t v[2])
{
    v[1] = 0;
    if (m->size == 4) {
        cold_load16(addr, v);
        return;
    }
    v[0] = cold_load(addr, m->size);
    if (m->sign) {
        unsigned sh = 64 - (8u << m->size);
        v[0] = (uint64_t)((int64_t)(v[0] << sh) >> sh);
        if (!m->ext64)
            v[0] = (uint32_t)v[0];
    }
}

/* Xt/Wt, or Vt with the rest of its 128 bits cleared. */
static void cold_commit_reg(ColdCtx *s, const A64Mem *m, unsigned rt, const uint64_t v[2])
{
    if (!m->vec) {
        cold_set_x(s, rt, v[0], true);
        return;
    }
    s->env->v[rt][0] = v[0];
    s->env->v[rt][1] = v[1];
}

static void cold_store_reg(ColdCtx *s, const A64Mem *m, unsigned rt, uint64_t addr)
{
    if (!m->vec)
        cold_store(addr, m->size, cold_x(s, rt));
    else if (m->size == 4)
        cold_store16(addr, s->env->v[rt][0], s->env->v[rt][1]);
    else
        cold_store(addr, m->size, s->env->v[rt][0]);
}

static bool cold_ldst(ColdCtx *s, const A64Mem *m, bool load, unsigned rt, const ColdAddr *a)
{
    if (load) {
        uint64_t v[2];
        cold_load_reg(m, a->addr, v);
        cold_writeback(s, a);
        cold_commit_reg(s, m, rt, v);
    } else {
        cold_store_reg(s, m, rt, a->addr);
        cold_writeback(s, a);
    }
    return true;
}

static bool cold_ldst_uimm(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    A64Mem m;
    ColdAddr a;
    bool load;
    int k = a64_ldst_decode(insn, &m, &load);

    if (k != LDST_ACCESS)
        return k == LDST_PREFETCH;
    if (!cold_addr_imm(s, rn(insn), (int64_t)imm12(insn) << m.size, COLD_OFFSET, &a))
        return true;
    return cold_ldst(s, &m, load, rt(insn), &a);
}

/* Base plus Rm extended (UXTW, LSL, SXTW, SXTX) and scaled if S. */
static bool cold_ldst_reg(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    unsigned option = option3(insn);
    uint64_t base, off = cold_x(s, rm(insn));
    A64Mem m;
    ColdAddr a;
    bool load;
    int k = a64_ldst_decode(insn, &m, &load);

    if (k == LDST_UNALLOC || !(option & 2))
        return false;
    if (k == LDST_PREFETCH)
        return true;
    if (!cold_base(s, rn(insn), &base))
        return true;
    if (option == 2)
        off = (uint32_t)off;
    else if (option == 6)
        off = (uint64_t)(int64_t)(int32_t)off;
    if (bits(insn, 12, 1))
        off <<= m.size;
    a = (ColdAddr){ .addr = base + off };
    return cold_ldst(s, &m, load, rt(insn), &a);
}

/* The imm9 forms by bits 11:10: unscaled, post-index, unprivileged (the
 * normal access at EL0), pre-index; prefetch only unscaled (PRFUM). */
static bool cold_ldst_imm9(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    unsigned form = bits(insn, 10, 2);
    bool unpriv = form == 2, load;
    A64Mem m;
    ColdAddr a;
    int k = a64_ldst_decode(insn, &m, &load);

    if (k == LDST_UNALLOC || (unpriv && m.vec))
        return false;
    if (k == LDST_PREFETCH)
        return form == 0;
    if (!cold_addr_imm(s, rn(insn), imm9(insn), cold_modes[form], &a))
        return true;
    return cold_ldst(s, &m, load, rt(insn), &a);
}

static bool cold_ldr_lit(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    ColdAddr a = { .addr = s->pc + (uint64_t)(imm19(insn) * 4) };
    A64Mem m;
    bool prefetch;

    if (!a64_literal_decode(insn, &m, &prefetch))
        return prefetch;
    return cold_ldst(s, &m, true, rt(insn), &a);
}

/* ---- pairs ---- */

/* LDP/STP/LDPSW/LDNP/STNP by bits 25:23 (000 no-allocate, 001 post-index,
 * 010 offset, 011 pre-index): both loads before either register is
 * written; an X pair is one 16-byte access unless SP + 8 * odd makes it
 * two exact ones (ldst.c's gen_ldst_pair). */
static bool cold_ldst_pair(struct DisasContext *s_, uint32_t insn)
{
    ColdCtx *s = COLD_CTX(s_);
    unsigned form = bits(insn, 23, 2), t1 = rt(insn), t2 = rt2(insn), n = rn(insn);
    bool load = bits(insn, 22, 1);
    uint64_t v1[2], v2[2], addr2;
    int64_t off;
    A64Mem m;
    ColdAddr a;

    if (!a64_pair_decode(insn, form == 0, &m))
        return false;
    off = imm7(insn) * (1 << m.size);
    if (!cold_addr_imm(s, n, off, cold_modes[form], &a))
        return true;
    if (a64_pair_x_whole(&m, n, cold_modes[form] == COLD_POST, off)) {
        if (load) {
            cold_load16(a.addr, v1);
            cold_writeback(s, &a);
            cold_set_x(s, t1, v1[0], true);
            cold_set_x(s, t2, v1[1], true);
        } else {
            cold_store16(a.addr, cold_x(s, t1), cold_x(s, t2));
            cold_writeback(s, &a);
        }
        return true;
    }
    addr2 = a.addr + (1u << m.size);
    if (load) {
        cold_load_reg(&m, a.addr, v1);
        cold_load_reg(&m, addr2, v2);
        cold_writeback(s, &a);
        cold_commit_reg(s, &m, t1, v1);
        cold_commit_reg(s, &m, t2, v2);
    } else {
        cold_store_reg(s, &m, t1, a.addr);
        cold_store_reg(s, &m, t2, addr2);
        cold_writeback(s, &a);
    }
    return true;
}

/* ldst.c's rows, for the forms above. */
const DecodePattern a64_cold_ldst_patterns[] = {
    { "ss 111 v 01 oo iiiiiiiiiiii nnnnn ttttt", cold_ldst_uimm, "LDR/STR (immediate, unsigned offset)" },
    { "ss 111 v 00 oo 1 mmmmm xxx S 10 nnnnn ttttt", cold_ldst_reg, "LDR/STR (register)" },
    { "ss 111 v 00 oo 0 iiiiiiiii ff nnnnn ttttt", cold_ldst_imm9, "LDUR/STUR, LDTR/STTR, LDR/STR (pre/post-index)" },
    { "oo 011 v 00 iiiiiiiiiiiiiiiiiii ttttt", cold_ldr_lit, "LDR (literal)" },
    { "oo 101 v 0 ff L iiiiiii uuuuu nnnnn ttttt", cold_ldst_pair, "LDP/STP/LDNP/STNP" },
    { NULL },
};
