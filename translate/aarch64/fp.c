/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 scalar floating-point encodings ("Data Processing -- Scalar
 * Floating-Point and Advanced SIMD", the scalar FP classes): moves, the
 * one/two/three-source arithmetic, compares, conditional select, and the
 * conversions between precisions, integers and fixed point.
 *
 * Scalar values live in the low bits of V registers in the CPU state and
 * travel through IR temps as bit patterns (S in the low 32 bits, D in 64,
 * H in 16).  Anything that can round or raise an exception is a call to a
 * helper (helper-fp.c, over fpu.c), which reads FPCR and sets FPSR; sign
 * manipulation, moves and selects are plain IR.  Writing a scalar result
 * zeroes the rest of the 128-bit register.  The decode table at the end is
 * chained by translate.c.
 *
 * ftype: 00 single, 01 double, 11 half, 10 unallocated except for FMOV to
 * and from the top half of a V register.  Half precision is FEAT_FP16
 * (FPHP) except in FCVT: with it every group here takes H operands but
 * FRINT32/64 (fpu-host.c computes half arithmetic exactly).
 */
#include "fpu.h"
#include "translate.h"

/* helper-fp.c */
#define FP_HSD(X, name) X(name##_h) X(name##_s) X(name##_d)
#define FP_HELPERS(X) \
    FP_HSD(X, fadd) FP_HSD(X, fsub) FP_HSD(X, fmul) FP_HSD(X, fdiv) FP_HSD(X, fmax) \
    FP_HSD(X, fmin) FP_HSD(X, fmaxnm) FP_HSD(X, fminnm) FP_HSD(X, fsqrt) \
    FP_HSD(X, fmuladd) FP_HSD(X, frint) FP_HSD(X, fcmp) FP_HSD(X, cvtf) \
    X(frint_n_s) X(frint_n_d) X(fcvt_sd) X(fcvt_ds) X(fcvt_sh) X(fcvt_dh) X(fcvt_hs) \
    X(fcvt_hd) X(fcvt_h2i) X(fcvt_s2i) X(fcvt_d2i) X(fjcvtzs)
#define DECLARE_HELPER(name) extern IRHelper helper_desc_##name;
FP_HELPERS(DECLARE_HELPER)
#undef DECLARE_HELPER

/* The helpers of an operation for half, single and double precision (h is
 * NULL where half precision is unallocated). */
typedef struct FpHelpers {
    IRHelper *h, *s, *d;
} FpHelpers;
#define FP_PAIR(name) \
    ((FpHelpers){ &helper_desc_##name##_h, &helper_desc_##name##_s, &helper_desc_##name##_d })
#define FP_PAIR_SD(name) ((FpHelpers){ NULL, &helper_desc_##name##_s, &helper_desc_##name##_d })

/* Descriptor bits shared with helper-fp.c.  Bits 2:0 are an FpuRounding,
 * or FP_RM_FPCR for FPCR's mode (FPCR is not part of the block key, so it
 * is read when the instruction runs). */
#define FP_RM_FPCR        7
#define FP_DESC_EXACT     8          /* FRINTX */
#define FP_DESC_FBITS(n)  ((n) << 4)
#define FP_DESC_64        (1u << 12)
#define FP_DESC_UNSIGNED  (1u << 13)

/* ---- operands ---- */

/* log2 of the byte size for an ftype, or -1 if this group does not take
 * it: S and D always, H only where allowed (half). */
static int fp_size(DisasContext *s, uint32_t insn, bool half)
{
    switch (ftype(insn)) {
    case 0: return IR_MO_32;
    case 1: return IR_MO_64;
    case 3: return half && A64_HAS(s->env, A64_FEAT_FPHP) ? IR_MO_16 : -1;
    default: return -1;
    }
}

/* The low 16/32/64 bits of V[n], zero-extended. */
static IRTemp gen_read_fp(DisasContext *s, unsigned n, int size)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_ldenv(IRB(s), IR_I64, t, vreg_off(n, 0), (unsigned)size);
    return t;
}

/* V[d] = v truncated to the size, bits 127:size zeroed. */
static void gen_write_fp(DisasContext *s, unsigned d, IRTemp v, int size)
{
    IRBlock *B = IRB(s);
    IRTemp t = a64_tmp(s, IR_I64);

    if (size == IR_MO_16)
        ir_ext16u(B, IR_I64, t, v);
    else if (size == IR_MO_32)
        ir_ext32u(B, t, v);
    else
        ir_mov(B, IR_I64, t, v);
    ir_stenv(B, IR_I64, t, vreg_off(d, 0), IR_MO_64);
    ir_stenv(B, IR_I64, a64_const(s, IR_I64, 0), vreg_off(d, 1), IR_MO_64);
}

static IRTemp gen_call(DisasContext *s, IRHelper *h, IRTemp a, IRTemp b, IRTemp c)
{
    IRTemp r = a64_tmp(s, IR_I64);
    ir_call(IRB(s), h, r, IR_ENV, a, b, c, IR_NONE);
    return r;
}

static IRHelper *fp_pick(FpHelpers h, int size)
{
    return size == IR_MO_64 ? h.d : size == IR_MO_32 ? h.s : h.h;
}

/* The host-FPU conditions of fpop (ir.h): round to nearest without FZ;
 * IXC already set. */
const IRFpFast a64_fp_fast = {
    .ctl_off = env_off(fpcr),
    .ctl_mask = 3u << FPU_FPCR_RMODE_SHIFT | FPU_FPCR_FZ,
    .sticky_off = env_off(fpsr),
    .sticky_bit = FPU_FPSR_IXC,
};

/* An arithmetic helper call of S and D values as an fpop of kind (an
 * IRFpKind without IR_FP_64), which a backend may compute on the host;
 * H values call the helper. */
static IRTemp gen_fp_arith(DisasContext *s, FpHelpers h, int size, unsigned kind, IRTemp a,
                           IRTemp b, IRTemp c)
{
    IRTemp r;

    if (size == IR_MO_16)
        return gen_call(s, h.h, a, b, c);
    r = a64_tmp(s, IR_I64);
    ir_fpop(IRB(s), kind | (size == IR_MO_64 ? IR_FP_64 : 0), fp_pick(h, size), r, a, b, c);
    return r;
}

static uint64_t fp_signbit(int size)
{
    return 1ull << ((8u << size) - 1);
}

/* v with its sign bit flipped (FPNeg) or cleared (FPAbs). */
static IRTemp gen_fneg(DisasContext *s, IRTemp v, int size)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_xor(IRB(s), IR_I64, t, v, a64_const(s, IR_I64, fp_signbit(size)));
    return t;
}

static IRTemp gen_fabs(DisasContext *s, IRTemp v, int size)
{
    IRTemp t = a64_tmp(s, IR_I64);
    ir_andc(IRB(s), IR_I64, t, v, a64_const(s, IR_I64, fp_signbit(size)));
    return t;
}

/* ---- moves ---- */

/* FMOV (register), FABS, FNEG: op 0 copy, 1 clear sign, 2 flip sign. */
static bool gen_fp_move(DisasContext *s, uint32_t insn, unsigned op)
{
    int size = fp_size(s, insn, true);
    IRTemp v;

    if (size < 0)
        return false;
    v = gen_read_fp(s, rn(insn), size);
    if (op == 1)
        v = gen_fabs(s, v, size);
    else if (op == 2)
        v = gen_fneg(s, v, size);
    gen_write_fp(s, rd(insn), v, size);
    return true;
}

static bool trans_fmov_reg(DisasContext *s, uint32_t insn) { return gen_fp_move(s, insn, 0); }
static bool trans_fabs(DisasContext *s, uint32_t insn)     { return gen_fp_move(s, insn, 1); }
static bool trans_fneg(DisasContext *s, uint32_t insn)     { return gen_fp_move(s, insn, 2); }

/* VFPExpandImm: imm8 = a:b:cdefgh is (-1)^a * 2^(NOT(b):bb..b:cd - bias)
 * * 1.efgh. */
static uint64_t vfp_expand_imm(unsigned imm8, int size)
{
    unsigned n = 8u << size, e = size == IR_MO_16 ? 5 : size == IR_MO_32 ? 8 : 11;
    unsigned f = n - e - 1, b6 = (imm8 >> 6) & 1;
    uint64_t exp = (uint64_t)!b6 << (e - 1) | (b6 ? (1ull << (e - 3)) - 1 : 0) << 2 |
                   ((imm8 >> 4) & 3);

    return (uint64_t)(imm8 >> 7) << (n - 1) | exp << f | (uint64_t)(imm8 & 0xf) << (f - 4);
}

static bool trans_fmov_imm(DisasContext *s, uint32_t insn)
{
    int size = fp_size(s, insn, true);

    if (size < 0)
        return false;
    gen_write_fp(s, rd(insn), a64_const(s, IR_I64, vfp_expand_imm(bits(insn, 13, 8), size)), size);
    return true;
}

/* FMOV (general): bit 16 (opcode<0>) selects general -> FP. */
static bool trans_fmov_gen(DisasContext *s, uint32_t insn)
{
    bool to_fp = bits(insn, 16, 1);
    int size = fp_size(s, insn, true);

    /* W <-> S, X <-> D, W/X <-> H. */
    if (size < 0 || (size == IR_MO_32 && sf(insn)) || (size == IR_MO_64 && !sf(insn)))
        return false;
    if (to_fp)
        gen_write_fp(s, rd(insn), a64_reg(s, rn(insn)), size);
    else
        a64_set_reg(s, rd(insn), gen_read_fp(s, rn(insn), size), sf(insn));
    return true;
}

/* FMOV Xd, Vn.D[1] / FMOV Vd.D[1], Xn: the other 64 bits are kept. */
static bool trans_fmov_top(DisasContext *s, uint32_t insn)
{
    IRTemp t;

    if (bits(insn, 16, 1)) {
        ir_stenv(IRB(s), IR_I64, a64_reg(s, rn(insn)), vreg_off(rd(insn), 1), IR_MO_64);
    } else {
        t = a64_tmp(s, IR_I64);
        ir_ldenv(IRB(s), IR_I64, t, vreg_off(rn(insn), 1), IR_MO_64);
        a64_set_reg(s, rd(insn), t, true);
    }
    return true;
}

/* FCSEL: V[d] = cond ? V[n] : V[m]. */
static bool trans_fcsel(DisasContext *s, uint32_t insn)
{
    int size = fp_size(s, insn, true);
    IRTemp c, n, m, r;

    if (size < 0)
        return false;
    c = gen_cond_val(s, cond4(insn));
    n = gen_read_fp(s, rn(insn), size);
    m = gen_read_fp(s, rm(insn), size);
    r = a64_tmp(s, IR_I64);
    ir_movcond(IRB(s), IR_I64, IR_COND_NE, r, c, a64_const(s, IR_I64, 0), n, m);
    gen_write_fp(s, rd(insn), r, size);
    return true;
}

/* ---- arithmetic ---- */

/* V[d] = helper(V[n][, desc]); desc < 0 for a one-operand helper. */
static bool gen_fp_unary(DisasContext *s, uint32_t insn, FpHelpers h, int64_t desc)
{
    int size = fp_size(s, insn, h.h != NULL);
    IRTemp r;

    if (size < 0)
        return false;
    r = gen_call(s, fp_pick(h, size), gen_read_fp(s, rn(insn), size),
                 desc < 0 ? IR_NONE : a64_const(s, IR_I64, (uint64_t)desc), IR_NONE);
    gen_write_fp(s, rd(insn), r, size);
    return true;
}

/* FRINTN/P/M/Z/A/X/I: rm is an FpuRounding or FP_RM_FPCR. */
static bool gen_frint(DisasContext *s, uint32_t insn, unsigned rm, bool exact)
{
    return gen_fp_unary(s, insn, FP_PAIR(frint), rm | (exact ? FP_DESC_EXACT : 0));
}

static bool trans_frintn(DisasContext *s, uint32_t i) { return gen_frint(s, i, FPU_RN, false); }
static bool trans_frintp(DisasContext *s, uint32_t i) { return gen_frint(s, i, FPU_RP, false); }
static bool trans_frintm(DisasContext *s, uint32_t i) { return gen_frint(s, i, FPU_RM, false); }
static bool trans_frintz(DisasContext *s, uint32_t i) { return gen_frint(s, i, FPU_RZ, false); }
static bool trans_frinta(DisasContext *s, uint32_t i) { return gen_frint(s, i, FPU_RA, false); }
static bool trans_frintx(DisasContext *s, uint32_t i) { return gen_frint(s, i, FP_RM_FPCR, true); }
static bool trans_frinti(DisasContext *s, uint32_t i) { return gen_frint(s, i, FP_RM_FPCR, false); }

/* FRINT32Z/32X/64Z/64X (FEAT_FRINTTS): opcode<1> is the size, <0> X. */
static bool trans_frint_n(DisasContext *s, uint32_t insn)
{
    unsigned rm = bits(insn, 15, 1) ? FP_RM_FPCR : FPU_RZ;

    if (!A64_HAS(s->env, A64_FEAT_FRINT))
        return false;
    return gen_fp_unary(s, insn, FP_PAIR_SD(frint_n), rm | (bits(insn, 16, 1) ? 64 : 32));
}

static bool trans_fsqrt(DisasContext *s, uint32_t insn)
{
    int size = fp_size(s, insn, true);

    if (size < 0)
        return false;
    gen_write_fp(s, rd(insn), gen_fp_arith(s, FP_PAIR(fsqrt), size, IR_FP_SQRT,
                                           gen_read_fp(s, rn(insn), size), IR_NONE, IR_NONE),
                 size);
    return true;
}

/* kind: an IRFpKind, or -1 for operations fpop does not name. */
static bool gen_fp_binary(DisasContext *s, uint32_t insn, FpHelpers h, bool negate, int kind)
{
    int size = fp_size(s, insn, true);
    IRTemp r, a, b;

    if (size < 0)
        return false;
    a = gen_read_fp(s, rn(insn), size);
    b = gen_read_fp(s, rm(insn), size);
    r = kind < 0 ? gen_call(s, fp_pick(h, size), a, b, IR_NONE)
                 : gen_fp_arith(s, h, size, (unsigned)kind, a, b, IR_NONE);
    /* FNMUL is FPNeg(FPMul()): a NaN result is negated too. */
    if (negate)
        r = gen_fneg(s, r, size);
    gen_write_fp(s, rd(insn), r, size);
    return true;
}

static bool trans_fmul(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fmul), false, IR_FP_MUL); }
static bool trans_fdiv(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fdiv), false, IR_FP_DIV); }
static bool trans_fadd(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fadd), false, IR_FP_ADD); }
static bool trans_fsub(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fsub), false, IR_FP_SUB); }
static bool trans_fmax(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fmax), false, -1); }
static bool trans_fmin(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fmin), false, -1); }
static bool trans_fmaxnm(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fmaxnm), false, -1); }
static bool trans_fminnm(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fminnm), false, -1); }
static bool trans_fnmul(DisasContext *s, uint32_t i) { return gen_fp_binary(s, i, FP_PAIR(fmul), true, IR_FP_MUL); }

/* FMADD/FMSUB/FNMADD/FNMSUB: FPMulAdd(addend, op1, op2) with the addend
 * negated when o1 is set and op1 negated when o0 != o1 (C7.2, FMADD). */
static bool trans_fmadd(DisasContext *s, uint32_t insn)
{
    int size = fp_size(s, insn, true);
    bool o1 = bits(insn, 21, 1), o0 = bits(insn, 15, 1);
    IRTemp a, n, r;

    if (size < 0)
        return false;
    a = gen_read_fp(s, ra(insn), size);
    n = gen_read_fp(s, rn(insn), size);
    if (o1)
        a = gen_fneg(s, a, size);
    if (o0 != o1)
        n = gen_fneg(s, n, size);
    r = gen_fp_arith(s, FP_PAIR(fmuladd), size, IR_FP_FMA, a, n, gen_read_fp(s, rm(insn), size));
    gen_write_fp(s, rd(insn), r, size);
    return true;
}

/* ---- compares ---- */

/* NZCV from a helper result in bits 31:28. */
static void gen_fp_compare(DisasContext *s, uint32_t insn, int size, IRTemp m, IRTemp desc)
{
    IRTemp r = gen_call(s, fp_pick(FP_PAIR(fcmp), size), gen_read_fp(s, rn(insn), size), m, desc);
    gen_set_nzcv(s, r);
}

/* FCMP/FCMPE, with Rm or #0.0: opcode2<4> signals, <3> compares with zero. */
static bool trans_fcmp(DisasContext *s, uint32_t insn)
{
    int size = fp_size(s, insn, true);
    IRTemp m;

    if (size < 0)
        return false;
    m = bits(insn, 3, 1) ? a64_const(s, IR_I64, 0) : gen_read_fp(s, rm(insn), size);
    /* an fpop for S and D: the backend may compare on the host */
    gen_set_nzcv(s, gen_fp_arith(s, FP_PAIR(fcmp), size, IR_FP_CMP, gen_read_fp(s, rn(insn), size),
                                 m, a64_const(s, IR_I64, 2 | bits(insn, 4, 1))));
    return true;
}

/* FCCMP/FCCMPE: compare if cond holds (only then can it raise exceptions),
 * else NZCV = #nzcv.  The helper gets the condition's value. */
static bool trans_fccmp(DisasContext *s, uint32_t insn)
{
    int size = fp_size(s, insn, true);
    IRBlock *B = IRB(s);
    IRTemp desc;

    if (size < 0)
        return false;
    desc = a64_tmp(s, IR_I64);
    ir_shl(B, IR_I64, desc, gen_cond_val(s, cond4(insn)), a64_const(s, IR_I64, 1));
    ir_or(B, IR_I64, desc, desc, a64_const(s, IR_I64, bits(insn, 4, 1) | bits(insn, 0, 4) << 4));
    gen_fp_compare(s, insn, size, gen_read_fp(s, rm(insn), size), desc);
    return true;
}

/* ---- conversions ---- */

/* FCVT: ftype is the source, opc (bits 16:15) the destination precision. */
static bool trans_fcvt(DisasContext *s, uint32_t insn)
{
    /* [source][destination] in ftype encoding: 0 S, 1 D, 3 H. */
    static IRHelper *const cvt[4][4] = {
        [0] = { [1] = &helper_desc_fcvt_sd, [3] = &helper_desc_fcvt_sh },
        [1] = { [0] = &helper_desc_fcvt_ds, [3] = &helper_desc_fcvt_dh },
        [3] = { [0] = &helper_desc_fcvt_hs, [1] = &helper_desc_fcvt_hd },
    };
    static const int size[4] = { IR_MO_32, IR_MO_64, -1, IR_MO_16 };
    unsigned from = ftype(insn), to = bits(insn, 15, 2);
    IRTemp r;

    if (!cvt[from][to])
        return false;
    r = gen_call(s, cvt[from][to], gen_read_fp(s, rn(insn), size[from]), IR_NONE, IR_NONE);
    gen_write_fp(s, rd(insn), r, size[to]);
    return true;
}

/* FP -> integer or fixed point in X/W[d] (sf), rounding rm. */
static bool gen_fcvt_to_int(DisasContext *s, uint32_t insn, unsigned rm, unsigned fbits)
{
    int size = fp_size(s, insn, true);
    uint64_t desc = rm | FP_DESC_FBITS(fbits) | (sf(insn) ? FP_DESC_64 : 0) |
                    (bits(insn, 16, 1) ? FP_DESC_UNSIGNED : 0);
    IRHelper *h = fp_pick((FpHelpers){ &helper_desc_fcvt_h2i, &helper_desc_fcvt_s2i,
                                       &helper_desc_fcvt_d2i }, size);

    IRTemp r;

    if (size < 0)
        return false;
    if (rm == FPU_RZ && !fbits && size != IR_MO_16) {
        /* FCVTZS/FCVTZU to X or W: the backend may truncate on the host */
        r = a64_tmp(s, IR_I64);
        ir_fpop(IRB(s), (bits(insn, 16, 1) ? IR_FP_CVTZU : IR_FP_CVTZS) |
                        (size == IR_MO_64 ? IR_FP_64 : 0) | (sf(insn) ? 0 : IR_FP_I32),
                h, r, gen_read_fp(s, rn(insn), size), a64_const(s, IR_I64, desc), IR_NONE);
    } else {
        r = gen_call(s, h, gen_read_fp(s, rn(insn), size), a64_const(s, IR_I64, desc),
                     IR_NONE);
    }
    a64_set_reg(s, rd(insn), r, sf(insn));
    return true;
}

/* Integer or fixed point in X/W[n] (sf) -> FP, rounding per FPCR. */
static bool gen_cvtf(DisasContext *s, uint32_t insn, unsigned fbits)
{
    int size = fp_size(s, insn, true);
    bool is_unsigned = bits(insn, 16, 1);
    IRTemp v = a64_reg(s, rn(insn)), r, desc;

    if (size < 0)
        return false;
    if (!sf(insn)) {
        IRTemp t = a64_tmp(s, IR_I64);
        if (is_unsigned)
            ir_ext32u(IRB(s), t, v);
        else
            ir_ext32s(IRB(s), t, v);
        v = t;
    }
    desc = a64_const(s, IR_I64, FP_RM_FPCR | FP_DESC_FBITS(fbits) |
                                (is_unsigned ? FP_DESC_UNSIGNED : 0));
    if (!fbits && size != IR_MO_16) {
        /* SCVTF/UCVTF from X or W: the backend may convert on the host (a
         * zero-extended W is a signed 64-bit integer of the same value) */
        r = a64_tmp(s, IR_I64);
        ir_fpop(IRB(s), (is_unsigned && sf(insn) ? IR_FP_UCVTF : IR_FP_SCVTF) |
                        (size == IR_MO_64 ? IR_FP_64 : 0),
                fp_pick(FP_PAIR(cvtf), size), r, v, desc, IR_NONE);
    } else {
        r = gen_call(s, fp_pick(FP_PAIR(cvtf), size), v, desc, IR_NONE);
    }
    gen_write_fp(s, rd(insn), r, size);
    return true;
}

/* FCVTNS..FCVTZU (integer): rmode (bits 20:19) is the FpuRounding. */
static bool trans_fcvt_int(DisasContext *s, uint32_t insn)
{
    return gen_fcvt_to_int(s, insn, bits(insn, 19, 2), 0);
}

/* FCVTAS/FCVTAU: to nearest, ties away. */
static bool trans_fcvta_int(DisasContext *s, uint32_t insn)
{
    return gen_fcvt_to_int(s, insn, FPU_RA, 0);
}

/* Fixed point: fbits = 64 - scale, at most the register width. */
static bool fixed_fbits(uint32_t insn, unsigned *fbits)
{
    *fbits = 64 - bits(insn, 10, 6);
    return sf(insn) || *fbits <= 32;
}

static bool trans_fcvtz_fixed(DisasContext *s, uint32_t insn)
{
    unsigned fbits;
    return fixed_fbits(insn, &fbits) && gen_fcvt_to_int(s, insn, FPU_RZ, fbits);
}

static bool trans_cvtf_int(DisasContext *s, uint32_t insn) { return gen_cvtf(s, insn, 0); }

static bool trans_cvtf_fixed(DisasContext *s, uint32_t insn)
{
    unsigned fbits;
    return fixed_fbits(insn, &fbits) && gen_cvtf(s, insn, fbits);
}

/* FJCVTZS (FEAT_JSCVT): W[d] = result, NZCV = 0:Z:0:0. */
static bool trans_fjcvtzs(DisasContext *s, uint32_t insn)
{
    IRBlock *B = IRB(s);
    IRTemp r, z;

    if (!A64_HAS(s->env, A64_FEAT_JSCVT))
        return false;
    r = gen_call(s, &helper_desc_fjcvtzs, gen_read_fp(s, rn(insn), IR_MO_64), IR_NONE, IR_NONE);
    z = a64_tmp(s, IR_I64);
    ir_extract(B, IR_I64, z, r, 32, 1);
    ir_shl(B, IR_I64, z, z, a64_const(s, IR_I64, 30));
    gen_set_nzcv(s, z);
    a64_set_reg(s, rd(insn), r, false);
    return true;
}

/* ---- the table (Arm ARM C4.1.96 "Data Processing -- Scalar Floating-Point
 * and Advanced SIMD", the scalar FP classes).  Field letters: t ftype,
 * n Rn, d Rd, m Rm, a Ra, c cond, f nzcv, i imm8, s scale, x sf. ---- */
const DecodePattern a64_fp_patterns[] = {
    /* Floating-point data-processing (1 source) */
    { "0 0 0 11110 tt 1 000000 10000 nnnnn ddddd", trans_fmov_reg, "FMOV (register)" },
    { "0 0 0 11110 tt 1 000001 10000 nnnnn ddddd", trans_fabs, "FABS (scalar)" },
    { "0 0 0 11110 tt 1 000010 10000 nnnnn ddddd", trans_fneg, "FNEG (scalar)" },
    { "0 0 0 11110 tt 1 000011 10000 nnnnn ddddd", trans_fsqrt, "FSQRT (scalar)" },
    { "0 0 0 11110 tt 1 0001 oo 10000 nnnnn ddddd", trans_fcvt, "FCVT" },
    { "0 0 0 11110 tt 1 001000 10000 nnnnn ddddd", trans_frintn, "FRINTN (scalar)" },
    { "0 0 0 11110 tt 1 001001 10000 nnnnn ddddd", trans_frintp, "FRINTP (scalar)" },
    { "0 0 0 11110 tt 1 001010 10000 nnnnn ddddd", trans_frintm, "FRINTM (scalar)" },
    { "0 0 0 11110 tt 1 001011 10000 nnnnn ddddd", trans_frintz, "FRINTZ (scalar)" },
    { "0 0 0 11110 tt 1 001100 10000 nnnnn ddddd", trans_frinta, "FRINTA (scalar)" },
    { "0 0 0 11110 tt 1 001110 10000 nnnnn ddddd", trans_frintx, "FRINTX (scalar)" },
    { "0 0 0 11110 tt 1 001111 10000 nnnnn ddddd", trans_frinti, "FRINTI (scalar)" },
    { "0 0 0 11110 tt 1 010000 10000 nnnnn ddddd", trans_frint_n, "FRINT32Z (scalar)" },
    { "0 0 0 11110 tt 1 010001 10000 nnnnn ddddd", trans_frint_n, "FRINT32X (scalar)" },
    { "0 0 0 11110 tt 1 010010 10000 nnnnn ddddd", trans_frint_n, "FRINT64Z (scalar)" },
    { "0 0 0 11110 tt 1 010011 10000 nnnnn ddddd", trans_frint_n, "FRINT64X (scalar)" },
    /* Floating-point compare */
    { "0 0 0 11110 tt 1 mmmmm 00 1000 nnnnn 00000", trans_fcmp, "FCMP" },
    { "0 0 0 11110 tt 1 mmmmm 00 1000 nnnnn 01000", trans_fcmp, "FCMP (zero)" },
    { "0 0 0 11110 tt 1 mmmmm 00 1000 nnnnn 10000", trans_fcmp, "FCMPE" },
    { "0 0 0 11110 tt 1 mmmmm 00 1000 nnnnn 11000", trans_fcmp, "FCMPE (zero)" },
    /* Floating-point immediate */
    { "0 0 0 11110 tt 1 iiiiiiii 100 00000 ddddd", trans_fmov_imm, "FMOV (scalar, immediate)" },
    /* Floating-point conditional compare */
    { "0 0 0 11110 tt 1 mmmmm cccc 01 nnnnn 0 ffff", trans_fccmp, "FCCMP" },
    { "0 0 0 11110 tt 1 mmmmm cccc 01 nnnnn 1 ffff", trans_fccmp, "FCCMPE" },
    /* Floating-point data-processing (2 source) */
    { "0 0 0 11110 tt 1 mmmmm 0000 10 nnnnn ddddd", trans_fmul, "FMUL (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0001 10 nnnnn ddddd", trans_fdiv, "FDIV (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0010 10 nnnnn ddddd", trans_fadd, "FADD (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0011 10 nnnnn ddddd", trans_fsub, "FSUB (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0100 10 nnnnn ddddd", trans_fmax, "FMAX (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0101 10 nnnnn ddddd", trans_fmin, "FMIN (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0110 10 nnnnn ddddd", trans_fmaxnm, "FMAXNM (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 0111 10 nnnnn ddddd", trans_fminnm, "FMINNM (scalar)" },
    { "0 0 0 11110 tt 1 mmmmm 1000 10 nnnnn ddddd", trans_fnmul, "FNMUL (scalar)" },
    /* Floating-point conditional select */
    { "0 0 0 11110 tt 1 mmmmm cccc 11 nnnnn ddddd", trans_fcsel, "FCSEL" },
    /* Floating-point data-processing (3 source) */
    { "0 0 0 11111 tt 0 mmmmm 0 aaaaa nnnnn ddddd", trans_fmadd, "FMADD" },
    { "0 0 0 11111 tt 0 mmmmm 1 aaaaa nnnnn ddddd", trans_fmadd, "FMSUB" },
    { "0 0 0 11111 tt 1 mmmmm 0 aaaaa nnnnn ddddd", trans_fmadd, "FNMADD" },
    { "0 0 0 11111 tt 1 mmmmm 1 aaaaa nnnnn ddddd", trans_fmadd, "FNMSUB" },
    /* Conversion between floating-point and fixed-point */
    { "x 0 0 11110 tt 0 00 010 ssssss nnnnn ddddd", trans_cvtf_fixed, "SCVTF (scalar, fixed-point)" },
    { "x 0 0 11110 tt 0 00 011 ssssss nnnnn ddddd", trans_cvtf_fixed, "UCVTF (scalar, fixed-point)" },
    { "x 0 0 11110 tt 0 11 000 ssssss nnnnn ddddd", trans_fcvtz_fixed, "FCVTZS (scalar, fixed-point)" },
    { "x 0 0 11110 tt 0 11 001 ssssss nnnnn ddddd", trans_fcvtz_fixed, "FCVTZU (scalar, fixed-point)" },
    /* Conversion between floating-point and integer */
    { "x 0 0 11110 tt 1 00 000 000000 nnnnn ddddd", trans_fcvt_int, "FCVTNS (scalar)" },
    { "x 0 0 11110 tt 1 00 001 000000 nnnnn ddddd", trans_fcvt_int, "FCVTNU (scalar)" },
    { "x 0 0 11110 tt 1 00 010 000000 nnnnn ddddd", trans_cvtf_int, "SCVTF (scalar, integer)" },
    { "x 0 0 11110 tt 1 00 011 000000 nnnnn ddddd", trans_cvtf_int, "UCVTF (scalar, integer)" },
    { "x 0 0 11110 tt 1 00 100 000000 nnnnn ddddd", trans_fcvta_int, "FCVTAS (scalar)" },
    { "x 0 0 11110 tt 1 00 101 000000 nnnnn ddddd", trans_fcvta_int, "FCVTAU (scalar)" },
    { "x 0 0 11110 tt 1 00 110 000000 nnnnn ddddd", trans_fmov_gen, "FMOV (general)" },
    { "x 0 0 11110 tt 1 00 111 000000 nnnnn ddddd", trans_fmov_gen, "FMOV (general)" },
    { "x 0 0 11110 tt 1 01 000 000000 nnnnn ddddd", trans_fcvt_int, "FCVTPS (scalar)" },
    { "x 0 0 11110 tt 1 01 001 000000 nnnnn ddddd", trans_fcvt_int, "FCVTPU (scalar)" },
    { "1 0 0 11110 10 1 01 110 000000 nnnnn ddddd", trans_fmov_top, "FMOV (general)" },
    { "1 0 0 11110 10 1 01 111 000000 nnnnn ddddd", trans_fmov_top, "FMOV (general)" },
    { "x 0 0 11110 tt 1 10 000 000000 nnnnn ddddd", trans_fcvt_int, "FCVTMS (scalar)" },
    { "x 0 0 11110 tt 1 10 001 000000 nnnnn ddddd", trans_fcvt_int, "FCVTMU (scalar)" },
    { "x 0 0 11110 tt 1 11 000 000000 nnnnn ddddd", trans_fcvt_int, "FCVTZS (scalar, integer)" },
    { "x 0 0 11110 tt 1 11 001 000000 nnnnn ddddd", trans_fcvt_int, "FCVTZU (scalar, integer)" },
    { "0 0 0 11110 01 1 11 110 000000 nnnnn ddddd", trans_fjcvtzs, "FJCVTZS" },
    { NULL },
};
