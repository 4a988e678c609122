/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD decoding, part 3: the integer "shift by immediate" groups,
 * vector and scalar (C4.1.96): SHL, SSHR/USHR and their rounding and
 * accumulating forms, SRI/SLI, the saturating left shifts, the narrowing
 * right shifts (SHRN ... SQRSHRUN) and the long left shifts (SSHLL/USHLL,
 * alias SXTL/UXTL).  The fixed-point conversions of the same groups are in
 * simd-fp.c.
 *
 * immh:immb encodes both the element size (the highest set bit of immh)
 * and the shift: right shifts by 2 * esize - immh:immb, left shifts by
 * immh:immb - esize (in bits).  A narrowing shift is the right shift on the
 * wide elements followed by the narrowing step of helper_simd (simd.h).
 */
#include "simd.h"

/* immh:immb. */
static unsigned immhb(uint32_t insn)
{
    return bits(insn, 16, 7);
}

enum { SH_VEC, SH_SCALAR_D, SH_SCALAR };

/* Vector forms need Q for D elements; most scalar forms are D only. */
static bool shift_size_ok(uint32_t insn, unsigned esize, unsigned form)
{
    if (esize > 3)
        return false;
    if (form == SH_VEC)
        return esize != 3 || Q(insn);
    return form == SH_SCALAR || esize == 3;
}

static bool gen_shift(DisasContext *s, uint32_t insn, unsigned op, unsigned form, bool left)
{
    unsigned esize = simd_immh_size(insn);
    if (!shift_size_ok(insn, esize, form))
        return false;
    SimdDesc d = simd_desc(insn, op, esize);
    d.imm = left ? immhb(insn) - (8u << esize) : (16u << esize) - immhb(insn);
    if (form != SH_VEC)
        d.oprsz = 1u << esize;
    gen_simd_call(s, &d);
    return true;
}

/* Right shift of wide elements then narrow (mode), to the lower or upper
 * half (Q) of Vd, or a scalar. */
static bool gen_shrn(DisasContext *s, uint32_t insn, unsigned op, unsigned mode, bool scalar)
{
    unsigned esize = simd_immh_size(insn);
    if (esize > 2)
        return false;
    SimdDesc d = simd_desc(insn, op, esize + 1);
    d.imm = (16u << esize) - immhb(insn);
    d.narrow = mode;
    d.oprsz = scalar ? 2u << esize : 16;
    d.hi = !scalar && Q(insn);
    gen_simd_call(s, &d);
    return true;
}

/* SHRN(2): IR (simd-ir.c). */
static bool trans_SHRN(DisasContext *s, uint32_t insn)
{
    unsigned esize = simd_immh_size(insn);
    return esize <= 2 && gen_ir_shrn(s, insn, esize, (16u << esize) - immhb(insn));
}

/* SSHLL/USHLL(2): widen the lower or upper half, then shift left. */
static bool gen_shll(DisasContext *s, uint32_t insn, unsigned w)
{
    unsigned esize = simd_immh_size(insn);
    if (esize > 2)
        return false;
    SimdDesc d = simd_desc(insn, SIMD_OP_SHL, esize + 1);
    d.imm = immhb(insn) - (8u << esize);
    d.wn = w;
    d.oprsz = 16;
    d.hi = Q(insn);
    gen_simd_call(s, &d);
    return true;
}

TRANS(SSHR, gen_shift, SIMD_OP_SSHR, SH_VEC, false)
TRANS(USHR, gen_shift, SIMD_OP_USHR, SH_VEC, false)
TRANS(SSRA, gen_shift, SIMD_OP_SSRA, SH_VEC, false)
TRANS(USRA, gen_shift, SIMD_OP_USRA, SH_VEC, false)
TRANS(SRSHR, gen_shift, SIMD_OP_SRSHR, SH_VEC, false)
TRANS(URSHR, gen_shift, SIMD_OP_URSHR, SH_VEC, false)
TRANS(SRSRA, gen_shift, SIMD_OP_SRSRA, SH_VEC, false)
TRANS(URSRA, gen_shift, SIMD_OP_URSRA, SH_VEC, false)
TRANS(SRI, gen_shift, SIMD_OP_SRI, SH_VEC, false)
TRANS(SHL, gen_shift, SIMD_OP_SHL, SH_VEC, true)
TRANS(SLI, gen_shift, SIMD_OP_SLI, SH_VEC, true)
TRANS(SQSHLU, gen_shift, SIMD_OP_SQSHLU, SH_VEC, true)
TRANS(SQSHL, gen_shift, SIMD_OP_SQSHLI, SH_VEC, true)
TRANS(UQSHL, gen_shift, SIMD_OP_UQSHLI, SH_VEC, true)
TRANS(RSHRN, gen_shrn, SIMD_OP_URSHR, SIMD_NARROW_TRUNC, false)
TRANS(SQSHRUN, gen_shrn, SIMD_OP_SSHR, SIMD_NARROW_SQXTUN, false)
TRANS(SQRSHRUN, gen_shrn, SIMD_OP_SRSHR, SIMD_NARROW_SQXTUN, false)
TRANS(SQSHRN, gen_shrn, SIMD_OP_SSHR, SIMD_NARROW_SQXTN, false)
TRANS(UQSHRN, gen_shrn, SIMD_OP_USHR, SIMD_NARROW_UQXTN, false)
TRANS(SQRSHRN, gen_shrn, SIMD_OP_SRSHR, SIMD_NARROW_SQXTN, false)
TRANS(UQRSHRN, gen_shrn, SIMD_OP_URSHR, SIMD_NARROW_UQXTN, false)
TRANS(SSHLL, gen_shll, SIMD_WIDEN_S)
TRANS(USHLL, gen_shll, SIMD_WIDEN_U)

TRANS(SSHR_s, gen_shift, SIMD_OP_SSHR, SH_SCALAR_D, false)
TRANS(USHR_s, gen_shift, SIMD_OP_USHR, SH_SCALAR_D, false)
TRANS(SSRA_s, gen_shift, SIMD_OP_SSRA, SH_SCALAR_D, false)
TRANS(USRA_s, gen_shift, SIMD_OP_USRA, SH_SCALAR_D, false)
TRANS(SRSHR_s, gen_shift, SIMD_OP_SRSHR, SH_SCALAR_D, false)
TRANS(URSHR_s, gen_shift, SIMD_OP_URSHR, SH_SCALAR_D, false)
TRANS(SRSRA_s, gen_shift, SIMD_OP_SRSRA, SH_SCALAR_D, false)
TRANS(URSRA_s, gen_shift, SIMD_OP_URSRA, SH_SCALAR_D, false)
TRANS(SRI_s, gen_shift, SIMD_OP_SRI, SH_SCALAR_D, false)
TRANS(SHL_s, gen_shift, SIMD_OP_SHL, SH_SCALAR_D, true)
TRANS(SLI_s, gen_shift, SIMD_OP_SLI, SH_SCALAR_D, true)
TRANS(SQSHLU_s, gen_shift, SIMD_OP_SQSHLU, SH_SCALAR, true)
TRANS(SQSHL_s, gen_shift, SIMD_OP_SQSHLI, SH_SCALAR, true)
TRANS(UQSHL_s, gen_shift, SIMD_OP_UQSHLI, SH_SCALAR, true)
TRANS(SQSHRUN_s, gen_shrn, SIMD_OP_SSHR, SIMD_NARROW_SQXTUN, true)
TRANS(SQRSHRUN_s, gen_shrn, SIMD_OP_SRSHR, SIMD_NARROW_SQXTUN, true)
TRANS(SQSHRN_s, gen_shrn, SIMD_OP_SSHR, SIMD_NARROW_SQXTN, true)
TRANS(UQSHRN_s, gen_shrn, SIMD_OP_USHR, SIMD_NARROW_UQXTN, true)
TRANS(SQRSHRN_s, gen_shrn, SIMD_OP_SRSHR, SIMD_NARROW_SQXTN, true)
TRANS(UQRSHRN_s, gen_shrn, SIMD_OP_URSHR, SIMD_NARROW_UQXTN, true)

#define VSH(u, opc) "0 q " u " 011110 hhhh bbb " opc " 1 nnnnn ddddd"
#define SSH(u, opc) "01 " u " 111110 hhhh bbb " opc " 1 nnnnn ddddd"

const DecodePattern a64_simd_shift_patterns[] = {
    /* Advanced SIMD shift by immediate (immh == 0 is modified immediate) */
    { VSH("0", "00000"), trans_SSHR, "SSHR" },
    { VSH("1", "00000"), trans_USHR, "USHR" },
    { VSH("0", "00010"), trans_SSRA, "SSRA" },
    { VSH("1", "00010"), trans_USRA, "USRA" },
    { VSH("0", "00100"), trans_SRSHR, "SRSHR" },
    { VSH("1", "00100"), trans_URSHR, "URSHR" },
    { VSH("0", "00110"), trans_SRSRA, "SRSRA" },
    { VSH("1", "00110"), trans_URSRA, "URSRA" },
    { VSH("1", "01000"), trans_SRI, "SRI" },
    { VSH("0", "01010"), trans_SHL, "SHL" },
    { VSH("1", "01010"), trans_SLI, "SLI" },
    { VSH("1", "01100"), trans_SQSHLU, "SQSHLU" },
    { VSH("0", "01110"), trans_SQSHL, "SQSHL (immediate)" },
    { VSH("1", "01110"), trans_UQSHL, "UQSHL (immediate)" },
    { VSH("0", "10000"), trans_SHRN, "SHRN" },
    { VSH("1", "10000"), trans_SQSHRUN, "SQSHRUN" },
    { VSH("0", "10001"), trans_RSHRN, "RSHRN" },
    { VSH("1", "10001"), trans_SQRSHRUN, "SQRSHRUN" },
    { VSH("0", "10010"), trans_SQSHRN, "SQSHRN" },
    { VSH("1", "10010"), trans_UQSHRN, "UQSHRN" },
    { VSH("0", "10011"), trans_SQRSHRN, "SQRSHRN" },
    { VSH("1", "10011"), trans_UQRSHRN, "UQRSHRN" },
    { VSH("0", "10100"), trans_SSHLL, "SSHLL" },
    { VSH("1", "10100"), trans_USHLL, "USHLL" },
    /* Advanced SIMD scalar shift by immediate */
    { SSH("0", "00000"), trans_SSHR_s, "SSHR (scalar)" },
    { SSH("1", "00000"), trans_USHR_s, "USHR (scalar)" },
    { SSH("0", "00010"), trans_SSRA_s, "SSRA (scalar)" },
    { SSH("1", "00010"), trans_USRA_s, "USRA (scalar)" },
    { SSH("0", "00100"), trans_SRSHR_s, "SRSHR (scalar)" },
    { SSH("1", "00100"), trans_URSHR_s, "URSHR (scalar)" },
    { SSH("0", "00110"), trans_SRSRA_s, "SRSRA (scalar)" },
    { SSH("1", "00110"), trans_URSRA_s, "URSRA (scalar)" },
    { SSH("1", "01000"), trans_SRI_s, "SRI (scalar)" },
    { SSH("0", "01010"), trans_SHL_s, "SHL (scalar)" },
    { SSH("1", "01010"), trans_SLI_s, "SLI (scalar)" },
    { SSH("1", "01100"), trans_SQSHLU_s, "SQSHLU (scalar)" },
    { SSH("0", "01110"), trans_SQSHL_s, "SQSHL (immediate, scalar)" },
    { SSH("1", "01110"), trans_UQSHL_s, "UQSHL (immediate, scalar)" },
    { SSH("1", "10000"), trans_SQSHRUN_s, "SQSHRUN (scalar)" },
    { SSH("1", "10001"), trans_SQRSHRUN_s, "SQRSHRUN (scalar)" },
    { SSH("0", "10010"), trans_SQSHRN_s, "SQSHRN (scalar)" },
    { SSH("1", "10010"), trans_UQSHRN_s, "UQSHRN (scalar)" },
    { SSH("0", "10011"), trans_SQRSHRN_s, "SQRSHRN (scalar)" },
    { SSH("1", "10011"), trans_UQRSHRN_s, "UQRSHRN (scalar)" },
    { NULL },
};
