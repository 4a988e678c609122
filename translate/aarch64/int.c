/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 frontend, integer data processing: the "Data Processing --
 * Immediate" and "Data Processing -- Register" classes of the Arm ARM
 * (C4.1.86, C4.1.88), minus the FEAT_FlagM flag instructions (sys.c).
 * Each handler decodes its fields and emits IR through the shared helpers
 * of translate.c (register access with SP/XZR, NZCV production, condition
 * values); CRC32/CRC32C call C helpers (helper-int.c); the pointer
 * authentication forms (PACIA, AUTDB, XPACI, PACGA...) go through pauth.c.
 *
 * Width convention: 64-bit operations use IR_I64 ops; 32-bit ones use
 * IR_I32 ops where the upper input bits matter (right shifts, rotates,
 * division, counting) and plain IR_I64 ops where they do not (add, logic,
 * multiply), the result being truncated by a64_set_reg(.., sf = false).
 *
 * Entry point: the a64_int_patterns table at the end of the file.
 */
#include "translate.h"
#include "pauth.h"
#include "util/log.h"

/* helper-int.c */
extern IRHelper helper_desc_crc32, helper_desc_crc32c;

static inline IRType ty(bool is64)
{
    return is64 ? IR_I64 : IR_I32;
}

static inline unsigned width_of(bool is64)
{
    return is64 ? 64 : 32;
}

/* ---- operand 2 helpers ---- */

/* The four shift kinds of DecodeShift(), as IR builders (ROR only for the
 * logical instructions). */
typedef void (*IRBinFn)(IRBlock *, IRType, IRTemp, IRTemp, IRTemp);
static const IRBinFn shift_ops[4] = { ir_shl, ir_shr, ir_sar, ir_rotr };

/* v shifted by kind (LSL, LSR, ASR, ROR) by amt, at the operation width. */
static IRTemp gen_shift(DisasContext *s, bool is64, unsigned kind, IRTemp v, IRTemp amt)
{
    IRTemp r = a64_tmp(s, ty(is64));
    shift_ops[kind](IRB(s), ty(is64), r, v, amt);
    return r;
}

/* Rm shifted by imm6 (the shifted-register forms). */
static IRTemp gen_shifted_rm(DisasContext *s, uint32_t insn)
{
    IRTemp m = a64_reg(s, rm(insn));
    if (imm6(insn) == 0)
        return m;
    return gen_shift(s, sf(insn), shift2(insn), m,
                     a64_const(s, ty(sf(insn)), imm6(insn)));
}

/* ExtendReg(): Rm extended by option (UXTB..SXTX) and shifted left by
 * imm3 (0-4). */
static IRTemp gen_extended_rm(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    unsigned option = option3(insn), len = 8u << (option & 3);
    IRTemp v = a64_reg(s, rm(insn)), r = v;

    if (len < 64) {
        r = a64_tmp(s, IR_I64);
        if (option & 4)
            ir_sextract(B, IR_I64, r, v, 0, len);
        else
            ir_extract(B, IR_I64, r, v, 0, len);
    }
    if (imm3(insn)) {
        IRTemp t = a64_tmp(s, IR_I64);
        ir_shl(B, IR_I64, t, r, a64_const(s, IR_I64, imm3(insn)));
        r = t;
    }
    return r;
}

/* ---- add / subtract ---- */

/* Rd = a +/- b, setting NZCV if setflags.  Rd names SP when d_sp. */
static void gen_addsub(DisasContext *s, bool is64, bool sub, bool setflags,
                       unsigned d, bool d_sp, IRTemp a, IRTemp b)
{
    IRTemp r;

    if (setflags) {
        r = sub ? gen_sub_cc(s, is64, a, b) : gen_add_cc(s, is64, a, b);
    } else {
        r = a64_tmp(s, IR_I64);
        (sub ? ir_sub : ir_add)(IRB(s), IR_I64, r, a, b);
    }
    if (d_sp)
        a64_set_reg_sp(s, d, r, is64);
    else
        a64_set_reg(s, d, r, is64);
}

/* ADD/ADDS/SUB/SUBS (immediate): Rn is SP; Rd is SP unless flags are set. */
static bool gen_addsub_imm(DisasContext *s, uint32_t insn, bool sub, bool setflags)
{
    uint64_t imm = (uint64_t)imm12(insn) << (bits(insn, 22, 1) ? 12 : 0);
    gen_addsub(s, sf(insn), sub, setflags, rd(insn), !setflags,
               a64_reg_sp(s, rn(insn)), a64_const(s, IR_I64, imm));
    return true;
}

/* Shifted register: no SP; ROR is reserved, as are 32-bit shifts >= 32. */
static bool gen_addsub_shift(DisasContext *s, uint32_t insn, bool sub, bool setflags)
{
    if (shift2(insn) == 3 || (!sf(insn) && imm6(insn) >= 32))
        return false;
    gen_addsub(s, sf(insn), sub, setflags, rd(insn), false,
               a64_reg(s, rn(insn)), gen_shifted_rm(s, insn));
    return true;
}

/* Extended register: Rn is SP; Rd is SP unless flags are set. */
static bool gen_addsub_ext(DisasContext *s, uint32_t insn, bool sub, bool setflags)
{
    if (imm3(insn) > 4)
        return false;
    gen_addsub(s, sf(insn), sub, setflags, rd(insn), !setflags,
               a64_reg_sp(s, rn(insn)), gen_extended_rm(s, insn));
    return true;
}

static bool trans_add_imm(DisasContext *s, uint32_t i)  { return gen_addsub_imm(s, i, false, false); }
static bool trans_adds_imm(DisasContext *s, uint32_t i) { return gen_addsub_imm(s, i, false, true); }
static bool trans_sub_imm(DisasContext *s, uint32_t i)  { return gen_addsub_imm(s, i, true, false); }
static bool trans_subs_imm(DisasContext *s, uint32_t i) { return gen_addsub_imm(s, i, true, true); }
static bool trans_add_shift(DisasContext *s, uint32_t i)  { return gen_addsub_shift(s, i, false, false); }
static bool trans_adds_shift(DisasContext *s, uint32_t i) { return gen_addsub_shift(s, i, false, true); }
static bool trans_sub_shift(DisasContext *s, uint32_t i)  { return gen_addsub_shift(s, i, true, false); }
static bool trans_subs_shift(DisasContext *s, uint32_t i) { return gen_addsub_shift(s, i, true, true); }
static bool trans_add_ext(DisasContext *s, uint32_t i)  { return gen_addsub_ext(s, i, false, false); }
static bool trans_adds_ext(DisasContext *s, uint32_t i) { return gen_addsub_ext(s, i, false, true); }
static bool trans_sub_ext(DisasContext *s, uint32_t i)  { return gen_addsub_ext(s, i, true, false); }
static bool trans_subs_ext(DisasContext *s, uint32_t i) { return gen_addsub_ext(s, i, true, true); }

/* ADC/ADCS/SBC/SBCS: Rn + Rm + C, Rm inverted for the subtractions. */
static bool gen_adc_sbc(DisasContext *s, uint32_t insn, bool sub, bool setflags)
{
    bool is64 = sf(insn);
    IRTemp m = a64_reg(s, rm(insn)), r;

    if (sub) {
        IRTemp t = a64_tmp(s, IR_I64);
        ir_not(IRB(s), IR_I64, t, m);
        m = t;
    }
    if (setflags)
        r = gen_adc_cc(s, is64, a64_reg(s, rn(insn)), m);
    else
        r = gen_adc(s, is64, a64_reg(s, rn(insn)), m);
    a64_set_reg(s, rd(insn), r, is64);
    return true;
}

static bool trans_adc(DisasContext *s, uint32_t i)  { return gen_adc_sbc(s, i, false, false); }
static bool trans_adcs(DisasContext *s, uint32_t i) { return gen_adc_sbc(s, i, false, true); }
static bool trans_sbc(DisasContext *s, uint32_t i)  { return gen_adc_sbc(s, i, true, false); }
static bool trans_sbcs(DisasContext *s, uint32_t i) { return gen_adc_sbc(s, i, true, true); }

/* ---- PC-relative addressing ---- */

static int64_t adr_offset(uint32_t insn)
{
    return (int64_t)((uint64_t)imm19(insn) << 2) | bits(insn, 29, 2);
}

static bool trans_adr(DisasContext *s, uint32_t insn)
{
    a64_set_reg(s, rd(insn), a64_const(s, IR_I64, s->pc + adr_offset(insn)), true);
    return true;
}

static bool trans_adrp(DisasContext *s, uint32_t insn)
{
    uint64_t page = (s->pc & ~0xfffull) + ((uint64_t)adr_offset(insn) << 12);
    a64_set_reg(s, rd(insn), a64_const(s, IR_I64, page), true);
    return true;
}

/* ---- logical ---- */

/* DecodeBitMasks() for the logical immediates (the "wmask" only): an
 * element of esize = 2^len bits holding S+1 ones rotated right by R,
 * replicated to the register width.  False for the reserved encodings
 * (len < 1, all-ones element, N = 1 in 32-bit). */
bool a64_logic_imm(bool is64, unsigned n, unsigned immr, unsigned imms, uint64_t *out)
{
    unsigned sel = (n << 6) | (~imms & 0x3f), len, esize, levels, S, R;
    uint64_t emask, elem;

    if (sel < 2 || (!is64 && n))
        return false;
    len = 31 - (unsigned)__builtin_clz(sel);
    esize = 1u << len;
    levels = esize - 1;
    S = imms & levels;
    R = immr & levels;
    if (S == levels)
        return false;
    emask = esize == 64 ? ~0ull : (1ull << esize) - 1;
    elem = (1ull << (S + 1)) - 1;
    if (R)
        elem = ((elem >> R) | (elem << (esize - R))) & emask;
    for (unsigned e = esize; e < 64; e *= 2)
        elem |= elem << e;
    *out = is64 ? elem : (uint32_t)elem;
    return true;
}

/* AND, ORR, EOR, ANDS (opc 0-3), with operand 2 inverted when N is set in
 * the shifted-register forms (BIC, ORN, EON, BICS). */
static const IRBinFn logic_ops[2][4] = {
    { ir_and, ir_or, ir_xor, ir_and },
    { ir_andc, ir_orc, ir_eqv, ir_andc },
};

static void gen_logic(DisasContext *s, bool is64, unsigned opc, bool invert,
                      unsigned d, bool d_sp, IRTemp a, IRTemp b)
{
    IRTemp r = a64_tmp(s, IR_I64);

    logic_ops[invert][opc](IRB(s), IR_I64, r, a, b);
    if (opc == 3)
        gen_logic_cc(s, is64, r);
    if (d_sp)
        a64_set_reg_sp(s, d, r, is64);
    else
        a64_set_reg(s, d, r, is64);
}

/* Logical (immediate): Rd is SP except for ANDS. */
static bool trans_logic_imm(DisasContext *s, uint32_t insn)
{
    unsigned opc = opc2(insn);
    uint64_t imm;

    if (!a64_logic_imm(sf(insn), N_(insn), immr(insn), imms(insn), &imm))
        return false;
    gen_logic(s, sf(insn), opc, false, rd(insn), opc != 3,
              a64_reg(s, rn(insn)), a64_const(s, IR_I64, imm));
    return true;
}

/* Logical (shifted register); all four shifts are allowed. */
static bool trans_logic_shift(DisasContext *s, uint32_t insn)
{
    if (!sf(insn) && imm6(insn) >= 32)
        return false;
    gen_logic(s, sf(insn), opc2(insn), bits(insn, 21, 1), rd(insn), false,
              a64_reg(s, rn(insn)), gen_shifted_rm(s, insn));
    return true;
}

/* ---- move wide ---- */

static bool gen_movw(DisasContext *s, uint32_t insn, unsigned opc)
{
    unsigned pos = hw(insn) * 16;
    uint64_t imm = (uint64_t)imm16(insn) << pos;

    if (!sf(insn) && pos >= 32)
        return false;
    if (opc == 3) {            /* MOVK: keep the other bits */
        IRTemp r = a64_tmp(s, IR_I64);
        ir_deposit(IRB(s), IR_I64, r, a64_reg(s, rd(insn)),
                   a64_const(s, IR_I64, imm16(insn)), pos, 16);
        a64_set_reg(s, rd(insn), r, sf(insn));
        return true;
    }
    a64_set_reg(s, rd(insn), a64_const(s, IR_I64, opc == 0 ? ~imm : imm), sf(insn));
    return true;
}

static bool trans_movn(DisasContext *s, uint32_t i) { return gen_movw(s, i, 0); }
static bool trans_movz(DisasContext *s, uint32_t i) { return gen_movw(s, i, 2); }
static bool trans_movk(DisasContext *s, uint32_t i) { return gen_movw(s, i, 3); }

/* ---- bitfield and extract ---- */

enum { BF_SIGNED, BF_INSERT, BF_UNSIGNED };   /* SBFM, BFM, UBFM (opc) */

/* SBFM/BFM/UBFM (C6.2 "UBFM" pseudocode, restated as field moves): with
 * imms >= immr the field Rn[imms:immr] goes to bit 0 (the *BFX, BFXIL,
 * LSR, ASR and extend aliases); otherwise Rn[imms:0] goes to bit
 * width - immr (the *BFIZ, BFI and LSL aliases).  SBFM sign-extends the
 * field, UBFM zero-fills, BFM keeps the other bits of Rd. */
static bool gen_bitfield(DisasContext *s, uint32_t insn, unsigned kind)
{
    IRBlock *B = IRB(s);
    bool is64 = sf(insn);
    unsigned r = immr(insn), sv = imms(insn), from = 0, to = 0, len;
    IRTemp src = a64_reg(s, rn(insn)), d = a64_tmp(s, IR_I64);

    if (N_(insn) != is64 || (!is64 && (r | sv) >= 32))
        return false;
    if (sv >= r) {
        from = r;
        len = sv - r + 1;
    } else {
        to = width_of(is64) - r;
        len = sv + 1;
    }
    if (kind != BF_INSERT && !is64 && (sv == 31 || (kind == BF_UNSIGNED && to && len == 32 - to))) {
        /* the W shift aliases ASR, LSR and LSL as 32-bit shifts: one host
         * shift instead of a 64-bit field move and a truncation */
        IRBinFn op = sv != 31 ? ir_shl : kind == BF_SIGNED ? ir_sar : ir_shr;
        d = a64_tmp(s, IR_I32);
        op(B, IR_I32, d, src, a64_const(s, IR_I32, sv != 31 ? to : from));
    } else if (kind == BF_INSERT) {
        IRTemp field = src;
        if (from) {
            field = a64_tmp(s, IR_I64);
            ir_extract(B, IR_I64, field, src, from, len);
        }
        ir_deposit(B, IR_I64, d, a64_reg(s, rd(insn)), field, to, len);
    } else if (kind == BF_UNSIGNED && to) {
        ir_deposit(B, IR_I64, d, a64_const(s, IR_I64, 0), src, to, len);
    } else if (len == 64) {
        ir_mov(B, IR_I64, d, src);
    } else {
        (kind == BF_SIGNED ? ir_sextract : ir_extract)(B, IR_I64, d, src, from, len);
        if (to)
            ir_shl(B, IR_I64, d, d, a64_const(s, IR_I64, to));
    }
    a64_set_reg(s, rd(insn), d, is64);
    return true;
}

static bool trans_sbfm(DisasContext *s, uint32_t i) { return gen_bitfield(s, i, BF_SIGNED); }
static bool trans_bfm(DisasContext *s, uint32_t i)  { return gen_bitfield(s, i, BF_INSERT); }
static bool trans_ubfm(DisasContext *s, uint32_t i) { return gen_bitfield(s, i, BF_UNSIGNED); }

/* EXTR: bits [lsb + width - 1 : lsb] of the concatenation Rn:Rm (ROR when
 * Rn == Rm). */
static bool trans_extr(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    bool is64 = sf(insn);
    unsigned lsb = imms(insn);
    IRTemp n = a64_reg(s, rn(insn)), m = a64_reg(s, rm(insn)), d = a64_tmp(s, IR_I64);

    if (N_(insn) != is64 || (!is64 && lsb >= 32))
        return false;
    if (rn(insn) == rm(insn) && lsb != 0) {
        /* ROR (immediate): one host rotate */
        ir_rotr(B, is64 ? IR_I64 : IR_I32, d, n, a64_const(s, IR_I64, lsb));
    } else if (!is64) {
        ir_deposit(B, IR_I64, d, m, n, 32, 32);
        ir_extract(B, IR_I64, d, d, lsb, 32);
    } else if (lsb == 0) {
        ir_mov(B, IR_I64, d, m);
    } else {
        ir_extract(B, IR_I64, d, m, lsb, 64 - lsb);
        ir_deposit(B, IR_I64, d, d, n, 64 - lsb, lsb);
    }
    a64_set_reg(s, rd(insn), d, is64);
    return true;
}

/* ---- conditional select and compare ---- */

/* CSEL/CSINC/CSINV/CSNEG: Rd = cond ? Rn : op(Rm). */
enum { CS_SEL, CS_INC, CS_INV, CS_NEG };

static bool gen_csel(DisasContext *s, uint32_t insn, unsigned kind)
{
    IRBlock *B = IRB(s);
    IRType t = ty(sf(insn));       /* W forms select at 32 bits (opt_fold: */
    IRTemp c = gen_cond_val(s, cond4(insn));   /* a W compare folds in) */
    IRTemp m = a64_reg(s, rm(insn)), alt = m, d = a64_tmp(s, t);

    if (kind != CS_SEL) {
        alt = a64_tmp(s, t);
        if (kind == CS_INC)
            ir_add(B, t, alt, m, a64_const(s, t, 1));
        else if (kind == CS_INV)
            ir_not(B, t, alt, m);
        else
            ir_neg(B, t, alt, m);
    }
    ir_movcond(B, t, IR_COND_NE, d, c, a64_const(s, t, 0), a64_reg(s, rn(insn)), alt);
    a64_set_reg(s, rd(insn), d, sf(insn));
    return true;
}

static bool trans_csel(DisasContext *s, uint32_t i)  { return gen_csel(s, i, CS_SEL); }
static bool trans_csinc(DisasContext *s, uint32_t i) { return gen_csel(s, i, CS_INC); }
static bool trans_csinv(DisasContext *s, uint32_t i) { return gen_csel(s, i, CS_INV); }
static bool trans_csneg(DisasContext *s, uint32_t i) { return gen_csel(s, i, CS_NEG); }

/* CCMN/CCMP: if cond, NZCV = flags of Rn +/- op2, else NZCV = #nzcv.  The
 * condition is read before the comparison overwrites the flags; the
 * fallback values are selected afterwards without a branch. */
static bool gen_ccmp(DisasContext *s, uint32_t insn, bool sub, IRTemp b)
{
    IRBlock *B = IRB(s);
    unsigned nzcv = bits(insn, 0, 4);
    IRTemp c = gen_cond_val(s, cond4(insn)), zero = a64_const(s, IR_I64, 0);
    IRTemp flag[4] = { cpu_nf, cpu_zf, cpu_cf, cpu_vf };
    uint64_t alt[4];

    a64_nzcv_words(nzcv, alt);
    if (sub)
        gen_sub_cc(s, sf(insn), a64_reg(s, rn(insn)), b);
    else
        gen_add_cc(s, sf(insn), a64_reg(s, rn(insn)), b);
    for (int i = 0; i < 4; i++)
        ir_movcond(B, IR_I64, IR_COND_NE, flag[i], c, zero, flag[i],
                   a64_const(s, IR_I64, alt[i]));
    gen_cc_only_if(s, c, nzcv);
    return true;
}

/* The immediate forms hold imm5 where the register forms hold Rm. */
static IRTemp ccmp_imm5(DisasContext *s, uint32_t i) { return a64_const(s, IR_I64, rm(i)); }

static bool trans_ccmn_reg(DisasContext *s, uint32_t i) { return gen_ccmp(s, i, false, a64_reg(s, rm(i))); }
static bool trans_ccmp_reg(DisasContext *s, uint32_t i) { return gen_ccmp(s, i, true, a64_reg(s, rm(i))); }
static bool trans_ccmn_imm(DisasContext *s, uint32_t i) { return gen_ccmp(s, i, false, ccmp_imm5(s, i)); }
static bool trans_ccmp_imm(DisasContext *s, uint32_t i) { return gen_ccmp(s, i, true, ccmp_imm5(s, i)); }

/* ---- multiply ---- */

/* MADD/MSUB and the widening forms: Rd = Ra +/- ext(Rn) * ext(Rm), where
 * ext is none (0), sign (1) or zero (2) extension from 32 bits. */
enum { MUL_PLAIN, MUL_SIGNED, MUL_UNSIGNED };

static IRTemp gen_ext32(DisasContext *s, IRTemp v, unsigned ext)
{
    IRTemp r;
    if (ext == MUL_PLAIN)
        return v;
    r = a64_tmp(s, IR_I64);
    if (ext == MUL_SIGNED)
        ir_ext32s(IRB(s), r, v);
    else
        ir_ext32u(IRB(s), r, v);
    return r;
}

static bool gen_muladd(DisasContext *s, uint32_t insn, unsigned ext, bool sub)
{
    IRBlock *B = IRB(s);
    IRTemp p = a64_tmp(s, IR_I64), d = a64_tmp(s, IR_I64);

    ir_mul(B, IR_I64, p, gen_ext32(s, a64_reg(s, rn(insn)), ext),
           gen_ext32(s, a64_reg(s, rm(insn)), ext));
    (sub ? ir_sub : ir_add)(B, IR_I64, d, a64_reg(s, ra(insn)), p);
    a64_set_reg(s, rd(insn), d, ext != MUL_PLAIN || sf(insn));
    return true;
}

static bool trans_madd(DisasContext *s, uint32_t i)   { return gen_muladd(s, i, MUL_PLAIN, false); }
static bool trans_msub(DisasContext *s, uint32_t i)   { return gen_muladd(s, i, MUL_PLAIN, true); }
static bool trans_smaddl(DisasContext *s, uint32_t i) { return gen_muladd(s, i, MUL_SIGNED, false); }
static bool trans_smsubl(DisasContext *s, uint32_t i) { return gen_muladd(s, i, MUL_SIGNED, true); }
static bool trans_umaddl(DisasContext *s, uint32_t i) { return gen_muladd(s, i, MUL_UNSIGNED, false); }
static bool trans_umsubl(DisasContext *s, uint32_t i) { return gen_muladd(s, i, MUL_UNSIGNED, true); }

/* Two-operand register forms: Rd = op(Rn, Rm) at the operation width. */
static bool gen_binop(DisasContext *s, uint32_t insn, bool is64, IRBinFn op)
{
    IRTemp d = a64_tmp(s, ty(is64));
    op(IRB(s), ty(is64), d, a64_reg(s, rn(insn)), a64_reg(s, rm(insn)));
    a64_set_reg(s, rd(insn), d, is64);
    return true;
}

static bool trans_smulh(DisasContext *s, uint32_t i) { return gen_binop(s, i, true, ir_mulsh); }
static bool trans_umulh(DisasContext *s, uint32_t i) { return gen_binop(s, i, true, ir_muluh); }

/* ---- data processing, two sources ---- */

/* The IR's divs/divu already give the A64 results for a zero divisor (0)
 * and for MIN / -1 (MIN). */
static bool trans_udiv(DisasContext *s, uint32_t i) { return gen_binop(s, i, sf(i), ir_divu); }
static bool trans_sdiv(DisasContext *s, uint32_t i) { return gen_binop(s, i, sf(i), ir_divs); }
/* Shift counts are taken modulo the width, by the IR as by the Arm ARM. */
static bool trans_lslv(DisasContext *s, uint32_t i) { return gen_binop(s, i, sf(i), ir_shl); }
static bool trans_lsrv(DisasContext *s, uint32_t i) { return gen_binop(s, i, sf(i), ir_shr); }
static bool trans_asrv(DisasContext *s, uint32_t i) { return gen_binop(s, i, sf(i), ir_sar); }
static bool trans_rorv(DisasContext *s, uint32_t i) { return gen_binop(s, i, sf(i), ir_rotr); }

/* CRC32{B,H,W,X} and CRC32C*: sz selects the data size (1 << sz bytes);
 * only CRC32X/CRC32CX are 64-bit (sf must match). */
static bool gen_crc32(DisasContext *s, uint32_t insn, IRHelper *h)
{
    unsigned sz = bits(insn, 10, 2);
    IRTemp d = a64_tmp(s, IR_I64);

    if (!A64_HAS(s, A64_FEAT_CRC32) || sf(insn) != (sz == 3))
        return false;
    ir_call(IRB(s), h, d, a64_reg(s, rn(insn)), a64_reg(s, rm(insn)),
            a64_const(s, IR_I64, 1u << sz), IR_NONE, IR_NONE);
    a64_set_reg(s, rd(insn), d, false);
    return true;
}

static bool trans_crc32(DisasContext *s, uint32_t i)  { return gen_crc32(s, i, &helper_desc_crc32); }
static bool trans_crc32c(DisasContext *s, uint32_t i) { return gen_crc32(s, i, &helper_desc_crc32c); }

/* ---- pointer authentication (FEAT_PAuth; pauth.c) ---- */

/* PACIA, PACIB, PACDA, PACDB, AUTIA, AUTIB, AUTDA, AUTDB on Xd with Xn|SP
 * as the modifier, and their Z forms (modifier zero, Rn must be 11111):
 * bit 12 = AUT, bits 11:10 = the key (A64_KEY_IA..DB). */
static bool trans_pac_dp(DisasContext *s, uint32_t insn)
{
    bool z = bits(insn, 13, 1);
    unsigned key = bits(insn, 10, 2);
    IRTemp mod, ptr, r;

    if (!A64_HAS(s, A64_FEAT_PACA) || (z && rn(insn) != 31))
        return false;
    mod = z ? a64_const(s, IR_I64, 0) : a64_reg_sp(s, rn(insn));
    ptr = a64_reg(s, rd(insn));
    r = bits(insn, 12, 1) ? gen_pac_auth(s, ptr, mod, key) : gen_pac_add(s, ptr, mod, key);
    a64_set_reg(s, rd(insn), r, true);
    return true;
}

/* XPACI, XPACD (bit 10 = D): an instruction pointer in the upper half
 * also loses its top byte (pauth.c). */
static bool trans_xpac(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_PACA))
        return false;
    a64_set_reg(s, rd(insn), gen_pac_strip(s, a64_reg(s, rd(insn)), !bits(insn, 10, 1)), true);
    return true;
}

static bool trans_pacga(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_PACG))
        return false;
    a64_set_reg(s, rd(insn), gen_pacga(s, a64_reg(s, rn(insn)), a64_reg_sp(s, rm(insn))), true);
    return true;
}

/* ---- data processing, one source ---- */

/* Swap the bit groups selected by mask with their neighbours sh bits up. */
static IRTemp gen_swap_bits(DisasContext *s, IRType t, IRTemp v, unsigned sh, uint64_t mask)
{
    IRBlock *B = IRB(s);
    IRTemp m = a64_const(s, t, ir_trunc_to(t, mask)), c = a64_const(s, t, sh);
    IRTemp lo = a64_tmp(s, t), hi = a64_tmp(s, t), r = a64_tmp(s, t);

    ir_shr(B, t, lo, v, c);
    ir_and(B, t, lo, lo, m);
    ir_and(B, t, hi, v, m);
    ir_shl(B, t, hi, hi, c);
    ir_or(B, t, r, lo, hi);
    return r;
}

/* RBIT: reverse the bytes, then the bits within each byte. */
static bool trans_rbit(DisasContext *s, uint32_t insn)
{
    IRType t = ty(sf(insn));
    IRTemp v = a64_tmp(s, t);

    ir_bswap(IRB(s), t, v, a64_reg(s, rn(insn)));
    v = gen_swap_bits(s, t, v, 4, 0x0f0f0f0f0f0f0f0full);
    v = gen_swap_bits(s, t, v, 2, 0x3333333333333333ull);
    v = gen_swap_bits(s, t, v, 1, 0x5555555555555555ull);
    a64_set_reg(s, rd(insn), v, sf(insn));
    return true;
}

/* REV16: swap the bytes of each halfword. */
static bool trans_rev16(DisasContext *s, uint32_t insn)
{
    IRType t = ty(sf(insn));
    IRTemp v = gen_swap_bits(s, t, a64_reg(s, rn(insn)), 8, 0x00ff00ff00ff00ffull);
    a64_set_reg(s, rd(insn), v, sf(insn));
    return true;
}

/* REV (32- and 64-bit): reverse all the bytes. */
static bool trans_rev(DisasContext *s, uint32_t insn)
{
    IRTemp v = a64_tmp(s, ty(sf(insn)));
    ir_bswap(IRB(s), ty(sf(insn)), v, a64_reg(s, rn(insn)));
    a64_set_reg(s, rd(insn), v, sf(insn));
    return true;
}

/* REV32: reverse the bytes of each word (a 64-bit swap rotated by 32). */
static bool trans_rev32(DisasContext *s, uint32_t insn)
{
    IRTemp v = a64_tmp(s, IR_I64);
    ir_bswap(IRB(s), IR_I64, v, a64_reg(s, rn(insn)));
    ir_rotr(IRB(s), IR_I64, v, v, a64_const(s, IR_I64, 32));
    a64_set_reg(s, rd(insn), v, true);
    return true;
}

static bool trans_clz(DisasContext *s, uint32_t insn)
{
    IRTemp v = a64_tmp(s, ty(sf(insn)));
    ir_clz(IRB(s), ty(sf(insn)), v, a64_reg(s, rn(insn)));
    a64_set_reg(s, rd(insn), v, sf(insn));
    return true;
}

/* CLS: leading bits equal to the sign bit, not counting it, which is
 * clz(x ^ (x >> 1)) - 1 with an arithmetic shift. */
static bool trans_cls(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    IRType t = ty(sf(insn));
    IRTemp x = a64_reg(s, rn(insn)), v = a64_tmp(s, t);

    ir_sar(B, t, v, x, a64_const(s, t, 1));
    ir_xor(B, t, v, v, x);
    ir_clz(B, t, v, v);
    ir_sub(B, t, v, v, a64_const(s, t, 1));
    a64_set_reg(s, rd(insn), v, sf(insn));
    return true;
}

/* Manual order: C4.1.86 (immediate) then C4.1.88 (register). */
const DecodePattern a64_int_patterns[] = {
    /* PC-rel. addressing */
    { "0 ll 10000 iiiiiiiiiiiiiiiiiii ddddd", trans_adr, "ADR" },
    { "1 ll 10000 iiiiiiiiiiiiiiiiiii ddddd", trans_adrp, "ADRP" },
    /* Add/subtract (immediate) */
    { "s 0 0 100010 h iiiiiiiiiiii nnnnn ddddd", trans_add_imm, "ADD (immediate)" },
    { "s 0 1 100010 h iiiiiiiiiiii nnnnn ddddd", trans_adds_imm, "ADDS (immediate)" },
    { "s 1 0 100010 h iiiiiiiiiiii nnnnn ddddd", trans_sub_imm, "SUB (immediate)" },
    { "s 1 1 100010 h iiiiiiiiiiii nnnnn ddddd", trans_subs_imm, "SUBS (immediate)" },
    /* Logical (immediate): AND, ORR, EOR, ANDS */
    { "s oo 100100 N rrrrrr ssssss nnnnn ddddd", trans_logic_imm, "AND/ORR/EOR/ANDS (immediate)" },
    /* Move wide (immediate) */
    { "s 00 100101 hh iiiiiiiiiiiiiiii ddddd", trans_movn, "MOVN" },
    { "s 10 100101 hh iiiiiiiiiiiiiiii ddddd", trans_movz, "MOVZ" },
    { "s 11 100101 hh iiiiiiiiiiiiiiii ddddd", trans_movk, "MOVK" },
    /* Bitfield */
    { "s 00 100110 N rrrrrr ssssss nnnnn ddddd", trans_sbfm, "SBFM" },
    { "s 01 100110 N rrrrrr ssssss nnnnn ddddd", trans_bfm, "BFM" },
    { "s 10 100110 N rrrrrr ssssss nnnnn ddddd", trans_ubfm, "UBFM" },
    /* Extract */
    { "s 00 100111 N 0 mmmmm ssssss nnnnn ddddd", trans_extr, "EXTR" },

    /* Logical (shifted register): AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS */
    { "s oo 01010 tt N mmmmm iiiiii nnnnn ddddd", trans_logic_shift, "AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register)" },
    /* Add/subtract (shifted register) */
    { "s 0 0 01011 tt 0 mmmmm iiiiii nnnnn ddddd", trans_add_shift, "ADD (shifted register)" },
    { "s 0 1 01011 tt 0 mmmmm iiiiii nnnnn ddddd", trans_adds_shift, "ADDS (shifted register)" },
    { "s 1 0 01011 tt 0 mmmmm iiiiii nnnnn ddddd", trans_sub_shift, "SUB (shifted register)" },
    { "s 1 1 01011 tt 0 mmmmm iiiiii nnnnn ddddd", trans_subs_shift, "SUBS (shifted register)" },
    /* Add/subtract (extended register) */
    { "s 0 0 01011 00 1 mmmmm ooo iii nnnnn ddddd", trans_add_ext, "ADD (extended register)" },
    { "s 0 1 01011 00 1 mmmmm ooo iii nnnnn ddddd", trans_adds_ext, "ADDS (extended register)" },
    { "s 1 0 01011 00 1 mmmmm ooo iii nnnnn ddddd", trans_sub_ext, "SUB (extended register)" },
    { "s 1 1 01011 00 1 mmmmm ooo iii nnnnn ddddd", trans_subs_ext, "SUBS (extended register)" },
    /* Add/subtract (with carry) */
    { "s 0 0 11010000 mmmmm 000000 nnnnn ddddd", trans_adc, "ADC" },
    { "s 0 1 11010000 mmmmm 000000 nnnnn ddddd", trans_adcs, "ADCS" },
    { "s 1 0 11010000 mmmmm 000000 nnnnn ddddd", trans_sbc, "SBC" },
    { "s 1 1 11010000 mmmmm 000000 nnnnn ddddd", trans_sbcs, "SBCS" },
    /* Conditional compare (register, immediate) */
    { "s 0 1 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", trans_ccmn_reg, "CCMN (register)" },
    { "s 1 1 11010010 mmmmm cccc 0 0 nnnnn 0 ffff", trans_ccmp_reg, "CCMP (register)" },
    { "s 0 1 11010010 iiiii cccc 1 0 nnnnn 0 ffff", trans_ccmn_imm, "CCMN (immediate)" },
    { "s 1 1 11010010 iiiii cccc 1 0 nnnnn 0 ffff", trans_ccmp_imm, "CCMP (immediate)" },
    /* Conditional select */
    { "s 0 0 11010100 mmmmm cccc 0 0 nnnnn ddddd", trans_csel, "CSEL" },
    { "s 0 0 11010100 mmmmm cccc 0 1 nnnnn ddddd", trans_csinc, "CSINC" },
    { "s 1 0 11010100 mmmmm cccc 0 0 nnnnn ddddd", trans_csinv, "CSINV" },
    { "s 1 0 11010100 mmmmm cccc 0 1 nnnnn ddddd", trans_csneg, "CSNEG" },
    /* Data-processing (2 source) */
    { "s 0 0 11010110 mmmmm 000010 nnnnn ddddd", trans_udiv, "UDIV" },
    { "s 0 0 11010110 mmmmm 000011 nnnnn ddddd", trans_sdiv, "SDIV" },
    { "s 0 0 11010110 mmmmm 001000 nnnnn ddddd", trans_lslv, "LSLV" },
    { "s 0 0 11010110 mmmmm 001001 nnnnn ddddd", trans_lsrv, "LSRV" },
    { "s 0 0 11010110 mmmmm 001010 nnnnn ddddd", trans_asrv, "ASRV" },
    { "s 0 0 11010110 mmmmm 001011 nnnnn ddddd", trans_rorv, "RORV" },
    { "s 0 0 11010110 mmmmm 0100 zz nnnnn ddddd", trans_crc32, "CRC32B/H/W/X" },
    { "s 0 0 11010110 mmmmm 0101 zz nnnnn ddddd", trans_crc32c, "CRC32CB/H/W/X" },
    { "1 0 0 11010110 mmmmm 001100 nnnnn ddddd", trans_pacga, "PACGA" },
    /* Data-processing (1 source) */
    { "s 1 0 11010110 00000 000000 nnnnn ddddd", trans_rbit, "RBIT" },
    { "s 1 0 11010110 00000 000001 nnnnn ddddd", trans_rev16, "REV16" },
    { "0 1 0 11010110 00000 000010 nnnnn ddddd", trans_rev, "REV (32-bit)" },
    { "1 1 0 11010110 00000 000010 nnnnn ddddd", trans_rev32, "REV32" },
    { "1 1 0 11010110 00000 000011 nnnnn ddddd", trans_rev, "REV (64-bit)" },
    { "s 1 0 11010110 00000 000100 nnnnn ddddd", trans_clz, "CLZ" },
    { "s 1 0 11010110 00000 000101 nnnnn ddddd", trans_cls, "CLS" },
    { "1 1 0 11010110 00001 00 z ooo nnnnn ddddd", trans_pac_dp, "PACIA/PACIB/PACDA/PACDB/AUTIA/AUTIB/AUTDA/AUTDB (and Z forms)" },
    { "1 1 0 11010110 00001 0100 0 k 11111 ddddd", trans_xpac, "XPACI/XPACD" },
    /* Data-processing (3 source) */
    { "s 00 11011 000 mmmmm 0 aaaaa nnnnn ddddd", trans_madd, "MADD" },
    { "s 00 11011 000 mmmmm 1 aaaaa nnnnn ddddd", trans_msub, "MSUB" },
    { "1 00 11011 001 mmmmm 0 aaaaa nnnnn ddddd", trans_smaddl, "SMADDL" },
    { "1 00 11011 001 mmmmm 1 aaaaa nnnnn ddddd", trans_smsubl, "SMSUBL" },
    { "1 00 11011 010 mmmmm 0 11111 nnnnn ddddd", trans_smulh, "SMULH" },
    { "1 00 11011 101 mmmmm 0 aaaaa nnnnn ddddd", trans_umaddl, "UMADDL" },
    { "1 00 11011 101 mmmmm 1 aaaaa nnnnn ddddd", trans_umsubl, "UMSUBL" },
    { "1 00 11011 110 mmmmm 0 11111 nnnnn ddddd", trans_umulh, "UMULH" },
    { NULL },
};
