/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD decoding, part 1: the helpers every SIMD group shares (the
 * call of helper_simd with a SimdDesc, 64-bit halves of vector registers as
 * IR, the common instruction shapes) and the data movement encodings:
 * copy (DUP, INS, UMOV, SMOV), modified immediate (MOVI, MVNI, ORR, BIC,
 * FMOV), permute (ZIP, UZP, TRN), EXT and table lookup (TBL, TBX).
 *
 * Element copies, immediates and EXT are IR on the register halves; the
 * permutes and table lookups go through helper_simd.  The other groups are
 * in simd-int.c (integer arithmetic), simd-shift.c (shifts by immediate)
 * and simd-fp.c (floating point); see simd.h for the helper's data flow.
 */
#include "simd.h"

/* ---- shared helpers ---- */

SimdDesc simd_desc(uint32_t insn, unsigned op, unsigned esize)
{
    return (SimdDesc){
        .op = op, .rd = rd(insn), .rn = rn(insn), .rm = rm(insn),
        .esize = esize, .oprsz = simd_vlen(insn), .idx = -1,
    };
}

void gen_simd_call(DisasContext *s, const SimdDesc *d)
{
    if (gen_vec_desc(s, d) || gen_vec_fp3(s, d))
        return;
    ir_call(IRB(s), &helper_desc_simd, IR_NONE, IR_ENV, a64_const(s, IR_I64, simd_desc_pack(d)),
            IR_NONE, IR_NONE, IR_NONE);
}

IRTemp gen_vreg_ld(DisasContext *s, unsigned reg, unsigned half)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_ldenv(IRB(s), IR_I64, t, vreg_off(reg, half), IR_MO_64);
    return t;
}

void gen_vreg_st(DisasContext *s, unsigned reg, unsigned half, IRTemp v)
{
    ir_stenv(IRB(s), IR_I64, v, vreg_off(reg, half), IR_MO_64);
}

void gen_vreg_st2(DisasContext *s, unsigned reg, IRTemp lo, IRTemp hi, bool q)
{
    gen_vreg_st(s, reg, 0, lo);
    gen_vreg_st(s, reg, 1, q ? hi : a64_const(s, IR_I64, 0));
}

/* Element idx of esize in V[reg], zero- or sign-extended to 64 bits. */
static IRTemp gen_elem_ld(DisasContext *s, unsigned reg, unsigned esize,
                          unsigned idx, bool sign)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_ldenv(IRB(s), IR_I64, t, vreg_off(reg, 0) + (int32_t)(idx << esize),
             esize | (sign ? IR_MO_SIGN : 0));
    return t;
}

static void gen_elem_st(DisasContext *s, unsigned reg, unsigned esize,
                        unsigned idx, IRTemp v)
{
    ir_stenv(IRB(s), IR_I64, v, vreg_off(reg, 0) + (int32_t)(idx << esize), esize);
}

IRTemp gen_dup_const(DisasContext *s, unsigned esize, IRTemp v)
{
    static const uint64_t rep[3] = {
        0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull,
    };
    IRBlock *B = IRB(s);
    IRTemp t = a64_tmp(s, IR_I64);

    switch (esize) {
    case 0: ir_ext8u(B, IR_I64, t, v); break;
    case 1: ir_ext16u(B, IR_I64, t, v); break;
    case 2: ir_ext32u(B, t, v); break;
    default: return v;
    }
    ir_mul(B, IR_I64, t, t, a64_const(s, IR_I64, rep[esize]));
    return t;
}

static bool size_ok(unsigned size, unsigned sizes, bool q)
{
    return ((sizes >> size) & 1) && !(size == 3 && !q);
}

bool gen_simd_3same(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes)
{
    unsigned size = simd_size(insn);
    if (!size_ok(size, sizes, Q(insn)))
        return false;
    SimdDesc d = simd_desc(insn, op, size);
    gen_simd_call(s, &d);
    return true;
}

bool gen_simd_3same_scalar(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes)
{
    unsigned size = simd_size(insn);
    if (!((sizes >> size) & 1))
        return false;
    SimdDesc d = simd_desc(insn, op, size);
    d.oprsz = 1u << size;
    gen_simd_call(s, &d);
    return true;
}

bool gen_simd_2misc(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes)
{
    return gen_simd_3same(s, insn, op, sizes);
}

bool gen_simd_2misc_scalar(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes)
{
    return gen_simd_3same_scalar(s, insn, op, sizes);
}

bool gen_simd_fp_3same(DisasContext *s, uint32_t insn, unsigned op, unsigned pair)
{
    unsigned esize = 2 + bits(insn, 22, 1);
    if (esize == 3 && !Q(insn))
        return false;
    SimdDesc d = simd_desc(insn, op, esize);
    d.pair = pair;
    gen_simd_call(s, &d);
    return true;
}

bool gen_simd_fp_3same_scalar(DisasContext *s, uint32_t insn, unsigned op)
{
    unsigned esize = 2 + bits(insn, 22, 1);
    SimdDesc d = simd_desc(insn, op, esize);
    d.oprsz = 1u << esize;
    gen_simd_call(s, &d);
    return true;
}

/* ---- copy (C4.1.96.x "Advanced SIMD copy") ---- */

/* imm5 = index:1:zeros(size): the element size, or 4 when reserved. */
static unsigned imm5_size(uint32_t insn)
{
    unsigned imm5 = bits(insn, 16, 5);
    return imm5 ? (unsigned)__builtin_ctz(imm5) : 4;
}

static unsigned imm5_index(uint32_t insn)
{
    return bits(insn, 16, 5) >> (imm5_size(insn) + 1);
}

static bool trans_DUP_elem(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (size > 3 || (size == 3 && !Q(insn)))
        return false;
    IRTemp v = gen_dup_const(s, size, gen_elem_ld(s, rn(insn), size, imm5_index(insn), false));
    gen_vreg_st2(s, rd(insn), v, v, Q(insn));
    return true;
}

static bool trans_DUP_gen(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (size > 3 || (size == 3 && !Q(insn)))
        return false;
    IRTemp v = gen_dup_const(s, size, a64_reg(s, rn(insn)));
    if (!gen_vec_dup64(s, rd(insn), v, Q(insn)))
        gen_vreg_st2(s, rd(insn), v, v, Q(insn));
    return true;
}

/* DUP Vd, Vn.T[i] in its scalar form (the MOV alias): zeroes the rest. */
static bool trans_DUP_scalar(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (size > 3)
        return false;
    IRTemp v = gen_elem_ld(s, rn(insn), size, imm5_index(insn), false);
    gen_vreg_st2(s, rd(insn), v, IR_NONE, false);
    return true;
}

static bool trans_INS_gen(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (size > 3)
        return false;
    gen_elem_st(s, rd(insn), size, imm5_index(insn), a64_reg(s, rn(insn)));
    return true;
}

static bool trans_INS_elem(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (size > 3)
        return false;
    IRTemp v = gen_elem_ld(s, rn(insn), size, bits(insn, 11, 4) >> size, false);
    gen_elem_st(s, rd(insn), size, imm5_index(insn), v);
    return true;
}

/* UMOV: Wd from a B, H or S element; Xd (Q=1) only from a D element. */
static bool trans_UMOV(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (Q(insn) ? size != 3 : size > 2)
        return false;
    a64_set_reg(s, rd(insn), gen_elem_ld(s, rn(insn), size, imm5_index(insn), false), Q(insn));
    return true;
}

/* SMOV: Wd from B or H, Xd from B, H or S. */
static bool trans_SMOV(DisasContext *s, uint32_t insn)
{
    unsigned size = imm5_size(insn);
    if (size > (Q(insn) ? 2u : 1u))
        return false;
    a64_set_reg(s, rd(insn), gen_elem_ld(s, rn(insn), size, imm5_index(insn), true), Q(insn));
    return true;
}

/* ---- modified immediate ---- */

static uint64_t rep32(uint64_t v) { return v | v << 32; }
static uint64_t rep16(uint64_t v) { return rep32(v | v << 16); }

/* AdvSIMDExpandImm (J1.3, shared/functions/vector). */
static uint64_t expand_imm(unsigned op, unsigned cmode, uint64_t imm8)
{
    switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:
        return rep32(imm8 << (8 * (cmode >> 1)));
    case 4: case 5:
        return rep16(imm8 << (8 * ((cmode >> 1) & 1)));
    case 6:
        return rep32((cmode & 1) ? (imm8 << 16) | 0xffff : (imm8 << 8) | 0xff);
    }
    if (!(cmode & 1) && !op)
        return rep16(imm8 | imm8 << 8);
    if (!(cmode & 1)) {
        uint64_t r = 0;
        for (unsigned i = 0; i < 8; i++)
            r |= ((imm8 >> i) & 1) ? 0xffull << (8 * i) : 0;
        return r;
    }
    uint64_t sign = imm8 >> 7, b6 = (imm8 >> 6) & 1, low = imm8 & 0x3f;
    if (!op)   /* single: a:NOT(b):bbbbb:cdefgh:Zeros(19) */
        return rep32(sign << 31 | (b6 ^ 1) << 30 | (b6 ? 0x1full : 0) << 25 | low << 19);
    return sign << 63 | (b6 ^ 1) << 62 | (b6 ? 0xffull : 0) << 54 | low << 48;
}

enum { MODIMM_SET, MODIMM_NOT, MODIMM_ORR, MODIMM_BIC };

static bool gen_modimm(DisasContext *s, uint32_t insn, unsigned kind)
{
    IRBlock *B = IRB(s);
    unsigned imm8 = bits(insn, 16, 3) << 5 | bits(insn, 5, 5);
    uint64_t imm = expand_imm(bits(insn, 29, 1), bits(insn, 12, 4), imm8);
    IRTemp c, lo, hi;

    if (kind == MODIMM_SET || kind == MODIMM_NOT) {
        c = a64_const(s, IR_I64, kind == MODIMM_NOT ? ~imm : imm);
        if (!gen_vec_dup64(s, rd(insn), c, Q(insn)))
            gen_vreg_st2(s, rd(insn), c, c, Q(insn));
        return true;
    }
    c = a64_const(s, IR_I64, imm);
    lo = gen_vreg_ld(s, rd(insn), 0);
    hi = gen_vreg_ld(s, rd(insn), 1);
    if (kind == MODIMM_ORR) {
        ir_or(B, IR_I64, lo, lo, c);
        ir_or(B, IR_I64, hi, hi, c);
    } else {
        ir_andc(B, IR_I64, lo, lo, c);
        ir_andc(B, IR_I64, hi, hi, c);
    }
    gen_vreg_st2(s, rd(insn), lo, hi, Q(insn));
    return true;
}

TRANS(MOVI, gen_modimm, MODIMM_SET)
TRANS(MVNI, gen_modimm, MODIMM_NOT)
TRANS(ORR_vi, gen_modimm, MODIMM_ORR)
TRANS(BIC_vi, gen_modimm, MODIMM_BIC)

/* FMOV (vector, immediate), half precision (FEAT_FP16). */
static bool trans_FMOV_vi_h(DisasContext *s, uint32_t insn)
{
    uint64_t imm8 = bits(insn, 16, 3) << 5 | bits(insn, 5, 5);
    uint64_t b6 = (imm8 >> 6) & 1;
    if (!A64_HAS(s, A64_FEAT_ASIMDHP))
        return false;
    uint64_t h = (imm8 >> 7) << 15 | (b6 ^ 1) << 14 | (b6 ? 3ull : 0) << 12 | (imm8 & 0x3f) << 6;
    IRTemp c = a64_const(s, IR_I64, rep16(h));
    gen_vreg_st2(s, rd(insn), c, c, Q(insn));
    return true;
}

/* ---- EXT, permutes, table lookup ---- */

/* The 64 bits at byte pos of the little-endian concatenation c[]. */
static IRTemp gen_extract_bytes(DisasContext *s, const IRTemp *c, unsigned pos)
{
    unsigned w = pos / 8, sh = (pos % 8) * 8;
    if (sh == 0)
        return c[w];
    IRTemp r = a64_tmp(s, IR_I64), t = a64_tmp(s, IR_I64);
    ir_shr(IRB(s), IR_I64, r, c[w], a64_const(s, IR_I64, sh));
    ir_shl(IRB(s), IR_I64, t, c[w + 1], a64_const(s, IR_I64, 64 - sh));
    ir_or(IRB(s), IR_I64, r, r, t);
    return r;
}

static bool trans_EXT(DisasContext *s, uint32_t insn)
{
    unsigned pos = bits(insn, 11, 4);
    bool q = Q(insn);
    IRTemp c[4], zero = a64_const(s, IR_I64, 0);

    if (!q && pos >= 8)
        return false;
    if (a64_vec_ir)
        return gen_vec_ext(s, rd(insn), rn(insn), rm(insn), pos, q);
    c[0] = gen_vreg_ld(s, rn(insn), 0);
    c[1] = q ? gen_vreg_ld(s, rn(insn), 1) : gen_vreg_ld(s, rm(insn), 0);
    c[2] = q ? gen_vreg_ld(s, rm(insn), 0) : zero;
    c[3] = q ? gen_vreg_ld(s, rm(insn), 1) : zero;
    IRTemp lo = gen_extract_bytes(s, c, pos);
    IRTemp hi = q ? gen_extract_bytes(s, c, pos + 8) : zero;
    gen_vreg_st2(s, rd(insn), lo, hi, q);
    return true;
}

TRANS(UZP1, gen_simd_3same, SIMD_OP_UZP1, SZ_BHSD)
TRANS(UZP2, gen_simd_3same, SIMD_OP_UZP2, SZ_BHSD)
TRANS(TRN1, gen_simd_3same, SIMD_OP_TRN1, SZ_BHSD)
TRANS(TRN2, gen_simd_3same, SIMD_OP_TRN2, SZ_BHSD)
TRANS(ZIP1, gen_simd_3same, SIMD_OP_ZIP1, SZ_BHSD)
TRANS(ZIP2, gen_simd_3same, SIMD_OP_ZIP2, SZ_BHSD)

static bool gen_tbl(DisasContext *s, uint32_t insn, unsigned op)
{
    if (op == SIMD_OP_TBL && bits(insn, 13, 2) == 0 && a64_vec_ir)
        return gen_vec_tbl1(s, rd(insn), rn(insn), rm(insn), Q(insn));
    SimdDesc d = simd_desc(insn, op, 0);
    d.imm = bits(insn, 13, 2);
    gen_simd_call(s, &d);
    return true;
}

TRANS(TBL, gen_tbl, SIMD_OP_TBL)
TRANS(TBX, gen_tbl, SIMD_OP_TBX)

const DecodePattern a64_simd_patterns[] = {
    /* Advanced SIMD copy */
    { "0 q 0 01110000 iiiii 0 0000 1 nnnnn ddddd", trans_DUP_elem, "DUP (element)" },
    { "0 q 0 01110000 iiiii 0 0001 1 nnnnn ddddd", trans_DUP_gen, "DUP (general)" },
    { "0 q 0 01110000 iiiii 0 0101 1 nnnnn ddddd", trans_SMOV, "SMOV" },
    { "0 q 0 01110000 iiiii 0 0111 1 nnnnn ddddd", trans_UMOV, "UMOV" },
    { "0 1 0 01110000 iiiii 0 0011 1 nnnnn ddddd", trans_INS_gen, "INS (general)" },
    { "0 1 1 01110000 iiiii 0 jjjj 1 nnnnn ddddd", trans_INS_elem, "INS (element)" },
    /* Advanced SIMD scalar copy */
    { "01 0 11110000 iiiii 0 0000 1 nnnnn ddddd", trans_DUP_scalar, "DUP (element, scalar)" },
    /* Advanced SIMD modified immediate */
    { "0 q 0 0111100000 iii 0xx0 01 iiiii ddddd", trans_MOVI, "MOVI (32-bit shifted)" },
    { "0 q 1 0111100000 iii 0xx0 01 iiiii ddddd", trans_MVNI, "MVNI (32-bit shifted)" },
    { "0 q 0 0111100000 iii 0xx1 01 iiiii ddddd", trans_ORR_vi, "ORR (vector, immediate, 32-bit)" },
    { "0 q 1 0111100000 iii 0xx1 01 iiiii ddddd", trans_BIC_vi, "BIC (vector, immediate, 32-bit)" },
    { "0 q 0 0111100000 iii 10x0 01 iiiii ddddd", trans_MOVI, "MOVI (16-bit shifted)" },
    { "0 q 1 0111100000 iii 10x0 01 iiiii ddddd", trans_MVNI, "MVNI (16-bit shifted)" },
    { "0 q 0 0111100000 iii 10x1 01 iiiii ddddd", trans_ORR_vi, "ORR (vector, immediate, 16-bit)" },
    { "0 q 1 0111100000 iii 10x1 01 iiiii ddddd", trans_BIC_vi, "BIC (vector, immediate, 16-bit)" },
    { "0 q 0 0111100000 iii 110x 01 iiiii ddddd", trans_MOVI, "MOVI (32-bit shifting ones)" },
    { "0 q 1 0111100000 iii 110x 01 iiiii ddddd", trans_MVNI, "MVNI (32-bit shifting ones)" },
    { "0 q 0 0111100000 iii 1110 01 iiiii ddddd", trans_MOVI, "MOVI (8-bit)" },
    { "0 q 1 0111100000 iii 1110 01 iiiii ddddd", trans_MOVI, "MOVI (64-bit)" },
    { "0 q 0 0111100000 iii 1111 01 iiiii ddddd", trans_MOVI, "FMOV (vector, immediate, single)" },
    { "0 1 1 0111100000 iii 1111 01 iiiii ddddd", trans_MOVI, "FMOV (vector, immediate, double)" },
    { "0 q 0 0111100000 iii 1111 11 iiiii ddddd", trans_FMOV_vi_h, "FMOV (vector, immediate, half)" },
    /* Advanced SIMD permute */
    { "0 q 001110 ss 0 mmmmm 0 001 10 nnnnn ddddd", trans_UZP1, "UZP1" },
    { "0 q 001110 ss 0 mmmmm 0 010 10 nnnnn ddddd", trans_TRN1, "TRN1" },
    { "0 q 001110 ss 0 mmmmm 0 011 10 nnnnn ddddd", trans_ZIP1, "ZIP1" },
    { "0 q 001110 ss 0 mmmmm 0 101 10 nnnnn ddddd", trans_UZP2, "UZP2" },
    { "0 q 001110 ss 0 mmmmm 0 110 10 nnnnn ddddd", trans_TRN2, "TRN2" },
    { "0 q 001110 ss 0 mmmmm 0 111 10 nnnnn ddddd", trans_ZIP2, "ZIP2" },
    /* Advanced SIMD extract, table lookup */
    { "0 q 101110 00 0 mmmmm 0 iiii 0 nnnnn ddddd", trans_EXT, "EXT" },
    { "0 q 001110 00 0 mmmmm 0 ll 0 00 nnnnn ddddd", trans_TBL, "TBL" },
    { "0 q 001110 00 0 mmmmm 0 ll 1 00 nnnnn ddddd", trans_TBX, "TBX" },
    { NULL },
};
