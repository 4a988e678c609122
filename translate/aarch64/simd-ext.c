/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decoding of Advanced SIMD extension instructions not in the base groups
 * (Arm ARM C4.1.95 "Advanced SIMD three-register extension" and "vector x
 * indexed element"):
 *
 *   FEAT_I8MM  SMMLA, UMMLA, USMMLA, USDOT (vector, by element),
 *              SUDOT (by element)
 *   FEAT_FCMA  FCADD, FCMLA (vector, by element), half, single and double
 *              precision (half precision needs FEAT_FP16: UNDEF without it)
 *   FEAT_BF16  BFDOT (vector, by element), BFMMLA, BFMLALB/T (vector, by
 *              element), BFCVTN/BFCVTN2, and the scalar BFCVT (which sits
 *              in the FP data-processing group)
 *
 * Each is one call of helper_simd_ext (helper-simd-ext.c) with a packed
 * SimdExtDesc (simd-ext.h).  Rows are gated on the -cpu model's feature.
 */
#include "simd-ext.h"

static void gen_simd_ext(DisasContext *s, const SimdExtDesc *x)
{
    IRTemp desc = a64_const(s, IR_I64, simd_ext_pack(x));
    ir_call(IRB(s), &helper_desc_simd_ext, IR_NONE, IR_ENV, desc, IR_NONE, IR_NONE, IR_NONE);
}

static SimdExtDesc ext_desc(uint32_t insn, unsigned op, unsigned esize)
{
    return (SimdExtDesc){
        .op = op, .rd = rd(insn), .rn = rn(insn), .rm = rm(insn),
        .esize = esize, .oprsz = simd_vlen(insn), .idx = -1,
    };
}

/* ---- FEAT_I8MM ---- */

/* SMMLA/UMMLA/USMMLA (128-bit only) and USDOT (vector). */
static bool gen_i8mm(DisasContext *s, uint32_t insn, unsigned op)
{
    if (!A64_HAS(s, A64_FEAT_I8MM))
        return false;
    SimdExtDesc x = ext_desc(insn, op, 2);
    gen_simd_ext(s, &x);
    return true;
}

/* USDOT/SUDOT (by element): Vm is 4 bits (M:Rm), the group index H:L. */
static bool gen_i8mm_elem(DisasContext *s, uint32_t insn, unsigned op)
{
    if (!A64_HAS(s, A64_FEAT_I8MM))
        return false;
    SimdExtDesc x = ext_desc(insn, op, 2);
    x.idx = (int)(bits(insn, 11, 1) << 1 | bits(insn, 21, 1));
    gen_simd_ext(s, &x);
    return true;
}

/* ---- FEAT_FCMA ---- */

/* Sizes: H (with FEAT_FP16's vector forms), S, or D (only as 2D). */
static bool fcma_size_ok(DisasContext *s, uint32_t insn)
{
    unsigned size = simd_size(insn);
    return (size == 1 && A64_HAS(s, A64_FEAT_ASIMDHP)) || size == 2 || (size == 3 && Q(insn));
}

static bool gen_fcadd(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_FCMA) || !fcma_size_ok(s, insn))
        return false;
    SimdExtDesc x = ext_desc(insn, SIMD_EXT_FCADD, simd_size(insn));
    x.rot = bits(insn, 12, 1);
    gen_simd_ext(s, &x);
    return true;
}

static bool gen_fcmla(DisasContext *s, uint32_t insn)
{
    if (!A64_HAS(s, A64_FEAT_FCMA) || !fcma_size_ok(s, insn))
        return false;
    SimdExtDesc x = ext_desc(insn, SIMD_EXT_FCMLA, simd_size(insn));
    x.rot = bits(insn, 11, 2);
    gen_simd_ext(s, &x);
    return true;
}

/* FCMLA (by element), Rm is M:Rm: half precision (4H with pair index L,
 * 8H with H:L) or single precision (4S only, pair index H, L zero). */
static bool gen_fcmla_elem(DisasContext *s, uint32_t insn)
{
    unsigned size = simd_size(insn), h = bits(insn, 11, 1), l = bits(insn, 21, 1);

    if (!A64_HAS(s, A64_FEAT_FCMA))
        return false;
    if (size == 1 ? !A64_HAS(s, A64_FEAT_ASIMDHP) || (h && !Q(insn))
                  : size != 2 || !Q(insn) || l)
        return false;
    SimdExtDesc x = ext_desc(insn, SIMD_EXT_FCMLA, size);
    x.rm = bits(insn, 16, 5);
    x.idx = (int)(size == 1 ? h << 1 | l : h);
    x.rot = bits(insn, 13, 2);
    gen_simd_ext(s, &x);
    return true;
}

/* ---- FEAT_BF16 ---- */

/* kind: what the by-element index and Rm look like. */
enum { BF_VEC, BF_DOT_ELEM, BF_MLAL_ELEM };

static bool gen_bf16(DisasContext *s, uint32_t insn, unsigned op, unsigned kind)
{
    if (!A64_HAS(s, A64_FEAT_BF16))
        return false;
    SimdExtDesc x = ext_desc(insn, op, 2);
    if (op == SIMD_EXT_BFMLAL) {
        x.rot = Q(insn);          /* T: the odd elements */
        x.oprsz = 16;
    }
    if (kind == BF_DOT_ELEM) {
        x.idx = (int)(bits(insn, 11, 1) << 1 | bits(insn, 21, 1));
    } else if (kind == BF_MLAL_ELEM) {
        x.idx = (int)(bits(insn, 11, 1) << 2 | bits(insn, 21, 1) << 1 | bits(insn, 20, 1));
        x.rm = bits(insn, 16, 4);
    }
    gen_simd_ext(s, &x);
    return true;
}

/* BFCVTN writes the lower half (upper zeroed), BFCVTN2 the upper. */
static bool gen_bfcvtn(DisasContext *s, uint32_t insn, unsigned op)
{
    if (!A64_HAS(s, A64_FEAT_BF16))
        return false;
    SimdExtDesc x = ext_desc(insn, op, 2);
    x.rot = op == SIMD_EXT_BFCVTN && Q(insn);
    gen_simd_ext(s, &x);
    return true;
}

TRANS(SMMLA, gen_i8mm, SIMD_EXT_SMMLA)
TRANS(UMMLA, gen_i8mm, SIMD_EXT_UMMLA)
TRANS(USMMLA, gen_i8mm, SIMD_EXT_USMMLA)
TRANS(USDOT, gen_i8mm, SIMD_EXT_USDOT)
TRANS(USDOT_x, gen_i8mm_elem, SIMD_EXT_USDOT)
TRANS(SUDOT_x, gen_i8mm_elem, SIMD_EXT_SUDOT)

TRANS(BFDOT, gen_bf16, SIMD_EXT_BFDOT, BF_VEC)
TRANS(BFDOT_x, gen_bf16, SIMD_EXT_BFDOT, BF_DOT_ELEM)
TRANS(BFMMLA, gen_bf16, SIMD_EXT_BFMMLA, BF_VEC)
TRANS(BFMLAL, gen_bf16, SIMD_EXT_BFMLAL, BF_VEC)
TRANS(BFMLAL_x, gen_bf16, SIMD_EXT_BFMLAL, BF_MLAL_ELEM)
TRANS(BFCVTN, gen_bfcvtn, SIMD_EXT_BFCVTN)
TRANS(BFCVT, gen_bfcvtn, SIMD_EXT_BFCVT)

static bool trans_FCADD(DisasContext *s, uint32_t insn) { return gen_fcadd(s, insn); }
static bool trans_FCMLA(DisasContext *s, uint32_t insn) { return gen_fcmla(s, insn); }
static bool trans_FCMLA_x(DisasContext *s, uint32_t insn) { return gen_fcmla_elem(s, insn); }

const DecodePattern a64_simd_ext_patterns[] = {
    /* Advanced SIMD three-register extension */
    { "0 1 0 01110 10 0 mmmmm 1 0100 1 nnnnn ddddd", trans_SMMLA, "SMMLA (vector)" },
    { "0 1 1 01110 10 0 mmmmm 1 0100 1 nnnnn ddddd", trans_UMMLA, "UMMLA (vector)" },
    { "0 1 0 01110 10 0 mmmmm 1 0101 1 nnnnn ddddd", trans_USMMLA, "USMMLA (vector)" },
    { "0 q 0 01110 10 0 mmmmm 1 0011 1 nnnnn ddddd", trans_USDOT, "USDOT (vector)" },
    { "0 q 1 01110 ss 0 mmmmm 1 10 rr 1 nnnnn ddddd", trans_FCMLA, "FCMLA" },
    { "0 q 1 01110 ss 0 mmmmm 1 11 r 0 1 nnnnn ddddd", trans_FCADD, "FCADD" },
    { "0 q 1 01110 01 0 mmmmm 1 1111 1 nnnnn ddddd", trans_BFDOT, "BFDOT (vector)" },
    { "0 1 1 01110 01 0 mmmmm 1 1101 1 nnnnn ddddd", trans_BFMMLA, "BFMMLA" },
    { "0 q 1 01110 11 0 mmmmm 1 1111 1 nnnnn ddddd", trans_BFMLAL, "BFMLALB/BFMLALT (vector)" },
    /* Advanced SIMD two-register miscellaneous */
    { "0 q 0 01110 10 10000 10110 10 nnnnn ddddd", trans_BFCVTN, "BFCVTN/BFCVTN2" },
    /* Floating-point data-processing (1 source) */
    { "0 0 0 11110 01 1 000110 10000 nnnnn ddddd", trans_BFCVT, "BFCVT" },
    /* Advanced SIMD vector x indexed element */
    { "0 q 0 01111 10 l m mmmm 1111 h 0 nnnnn ddddd", trans_USDOT_x, "USDOT (by element)" },
    { "0 q 0 01111 00 l m mmmm 1111 h 0 nnnnn ddddd", trans_SUDOT_x, "SUDOT (by element)" },
    { "0 q 1 01111 ss l m mmmm 0 rr 1 h 0 nnnnn ddddd", trans_FCMLA_x, "FCMLA (by element)" },
    { "0 q 0 01111 01 l m mmmm 1111 h 0 nnnnn ddddd", trans_BFDOT_x, "BFDOT (by element)" },
    { "0 q 0 01111 11 l m mmmm 1111 h 0 nnnnn ddddd", trans_BFMLAL_x, "BFMLALB/BFMLALT (by element)" },
    { NULL },
};
