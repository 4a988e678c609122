/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the Advanced SIMD decoder and its C helpers.  The decode
 * tables are split by the manual's encoding groups: simd.c (copies,
 * immediates, permutes, and the shared gen_ helpers below), simd-int.c
 * (integer arithmetic), simd-shift.c (shifts by immediate) and simd-fp.c
 * (floating point); simd-ir.c has IR expansions of a few hot integer
 * operations; helper-simd.c and simd-fp-helper.c are the C helpers.
 *
 * Bitwise operations, moves, element copies and those hot operations (ADD,
 * SUB, CMEQ, CMTST, ADDP, UMAXP, UMINP, SHRN, XTN) are emitted as IR on the
 * two 64-bit halves of the vector registers.  Everything else is one call per
 * instruction of helper_simd(env, desc): desc packs a SimdDesc, which names
 * a lane operation (SIMD_OP_*) and the data flow around it, in this order:
 *
 *   load Vn, Vm, Vd -> Vm := DUP(Vm[idx])         (by-element forms)
 *                   -> widen Vn and/or Vm          (long and wide forms)
 *                   -> Vn, Vm := UZP1, UZP2(Vn, Vm) (pairwise forms)
 *                   -> Vd := op(Vd, Vn, Vm)        (esize, oprsz bytes)
 *                   -> narrow Vd                    (narrowing forms)
 *                   -> zero the rest, store Vd, FPSR.QC |= saturated
 *
 * So SMAXP is SMAX after the pairwise step, SMLAL2 is MLA on sign-widened
 * upper halves, SQRSHRN is SRSHR then a signed saturating narrow, and the
 * 64-bit (Q=0) and scalar forms differ from the 128-bit ones only in oprsz.
 */
#ifndef GUISE_A64_SIMD_H
#define GUISE_A64_SIMD_H

#include <stdbool.h>
#include <stdint.h>
#include "translate.h"

/* Lane operations.  Each has a function per element size (helper side);
 * "acc" forms read the old destination element. */
enum {
    SIMD_OP_NONE,
    /* integer arithmetic (helper-simd.c) */
    SIMD_OP_MOV, SIMD_OP_ADD, SIMD_OP_SUB, SIMD_OP_MUL, SIMD_OP_MLA, SIMD_OP_MLS,
    SIMD_OP_PMUL,
    SIMD_OP_CMEQ, SIMD_OP_CMGE, SIMD_OP_CMGT, SIMD_OP_CMHI, SIMD_OP_CMHS,
    SIMD_OP_CMTST,
    SIMD_OP_SMAX, SIMD_OP_SMIN, SIMD_OP_UMAX, SIMD_OP_UMIN,
    SIMD_OP_SABD, SIMD_OP_UABD, SIMD_OP_SABA, SIMD_OP_UABA,
    SIMD_OP_SHADD, SIMD_OP_UHADD, SIMD_OP_SRHADD, SIMD_OP_URHADD,
    SIMD_OP_SHSUB, SIMD_OP_UHSUB,
    SIMD_OP_SQADD, SIMD_OP_UQADD, SIMD_OP_SQSUB, SIMD_OP_UQSUB,
    SIMD_OP_SUQADD, SIMD_OP_USQADD,
    SIMD_OP_SSHL, SIMD_OP_USHL, SIMD_OP_SRSHL, SIMD_OP_URSHL,
    SIMD_OP_SQSHL, SIMD_OP_UQSHL, SIMD_OP_SQRSHL, SIMD_OP_UQRSHL,
    SIMD_OP_SQDMULH, SIMD_OP_SQRDMULH,
    SIMD_OP_SQDMULL, SIMD_OP_SQDMLAL, SIMD_OP_SQDMLSL,
    SIMD_OP_RADDHN, SIMD_OP_RSUBHN,
    SIMD_OP_SQRDMLAH, SIMD_OP_SQRDMLSH,     /* FEAT_RDM */
    SIMD_OP_SDOT, SIMD_OP_UDOT,             /* FEAT_DotProd: esize 2 */
    SIMD_OP_PMULL64,    /* PMULL 1Q (FEAT_PMULL): the D elements hi selects */
    /* integer unary (Vm unused) */
    SIMD_OP_ABS, SIMD_OP_NEG, SIMD_OP_SQABS, SIMD_OP_SQNEG,
    SIMD_OP_CLS, SIMD_OP_CLZ, SIMD_OP_CNT, SIMD_OP_RBIT,
    SIMD_OP_CMGT0, SIMD_OP_CMGE0, SIMD_OP_CMEQ0, SIMD_OP_CMLE0, SIMD_OP_CMLT0,
    /* shifts by the immediate imm */
    SIMD_OP_SHL, SIMD_OP_SSHR, SIMD_OP_USHR, SIMD_OP_SRSHR, SIMD_OP_URSHR,
    SIMD_OP_SSRA, SIMD_OP_USRA, SIMD_OP_SRSRA, SIMD_OP_URSRA,
    SIMD_OP_SRI, SIMD_OP_SLI, SIMD_OP_SQSHLI, SIMD_OP_UQSHLI, SIMD_OP_SQSHLU,
    /* lane-crossing integer operations; esize is the result's */
    SIMD_OP_SADDLP, SIMD_OP_UADDLP, SIMD_OP_SADALP, SIMD_OP_UADALP,
    SIMD_OP_ADDV, SIMD_OP_SMAXV, SIMD_OP_SMINV, SIMD_OP_UMAXV, SIMD_OP_UMINV,
    SIMD_OP_SADDLV, SIMD_OP_UADDLV,
    /* permutes; REV reverses elements in containers of 1 << imm bytes,
     * TBL/TBX read imm + 1 table registers from Vn */
    SIMD_OP_ZIP1, SIMD_OP_ZIP2, SIMD_OP_UZP1, SIMD_OP_UZP2,
    SIMD_OP_TRN1, SIMD_OP_TRN2, SIMD_OP_REV, SIMD_OP_TBL, SIMD_OP_TBX,
    SIMD_OP_INT_COUNT,

    /* floating point (simd-fp-helper.c): esize 1 (half), 2 (single), 3 (double) */
    SIMD_OP_FP_FIRST = SIMD_OP_INT_COUNT,
    SIMD_OP_FADD = SIMD_OP_FP_FIRST, SIMD_OP_FSUB, SIMD_OP_FMUL, SIMD_OP_FDIV,
    SIMD_OP_FMULX, SIMD_OP_FABD, SIMD_OP_FMLA, SIMD_OP_FMLS,
    SIMD_OP_FMAX, SIMD_OP_FMIN, SIMD_OP_FMAXNM, SIMD_OP_FMINNM,
    SIMD_OP_FRECPS, SIMD_OP_FRSQRTS,
    SIMD_OP_FCMEQ, SIMD_OP_FCMGE, SIMD_OP_FCMGT, SIMD_OP_FACGE, SIMD_OP_FACGT,
    SIMD_OP_FCMEQ0, SIMD_OP_FCMGE0, SIMD_OP_FCMGT0, SIMD_OP_FCMLE0, SIMD_OP_FCMLT0,
    SIMD_OP_FABS, SIMD_OP_FNEG, SIMD_OP_FSQRT,
    SIMD_OP_FRECPE, SIMD_OP_FRSQRTE, SIMD_OP_FRECPX,
    SIMD_OP_URECPE, SIMD_OP_URSQRTE,
    SIMD_OP_FRINT,      /* imm: SIMD_FRINT_* */
    SIMD_OP_FRINT32, SIMD_OP_FRINT64,   /* imm: rounding, FPU_RZ or FPCR */
    SIMD_OP_FCVTS, SIMD_OP_FCVTU,       /* imm: SIMD_FCVT_IMM(rm, fbits) */
    SIMD_OP_SCVTF, SIMD_OP_UCVTF,       /* imm: fbits */
    SIMD_OP_FCVTL,      /* esize: the result's; reads the half hi */
    SIMD_OP_FCVTN, SIMD_OP_FCVTXN,      /* esize: the source's; packs */
    SIMD_OP_FMAXV, SIMD_OP_FMINV, SIMD_OP_FMAXNMV, SIMD_OP_FMINNMV,
    SIMD_OP_FMLAL, SIMD_OP_FMLSL,       /* FEAT_FHM: esize 2, from halves (hi: the
                                         * "2" forms); imm 8 | index by element */
    SIMD_OP_COUNT
};

/* Widening of a source before the op: from esize - 1 elements of the half
 * the desc selects (hi) to esize elements. */
enum { SIMD_WIDEN_NONE, SIMD_WIDEN_S, SIMD_WIDEN_U };

/* Narrowing of the esize result to esize - 1 elements, placed in the low
 * half (upper half zeroed) or, when hi, the upper half (lower kept).
 * PACKED: the op itself already produced the narrow elements. */
enum {
    SIMD_NARROW_NONE, SIMD_NARROW_TRUNC, SIMD_NARROW_HIGH,
    SIMD_NARROW_SQXTN, SIMD_NARROW_UQXTN, SIMD_NARROW_SQXTUN,
    SIMD_NARROW_PACKED,
};

/* Pairwise step: VEC pairs the concatenation Vm:Vn; SCALAR pairs the two
 * elements of Vn (ADDP Dd, Vn.2D). */
enum { SIMD_PAIR_NONE, SIMD_PAIR_VEC, SIMD_PAIR_SCALAR };

/* imm of SIMD_OP_FRINT: a rounding mode (FpuRounding), or FPCR's. */
#define SIMD_FRINT_FPCR   8u
#define SIMD_FRINT_EXACT  16u
/* imm of SIMD_OP_FCVTS/U. */
#define SIMD_FCVT_IMM(rm, fbits) ((unsigned)(rm) | ((unsigned)(fbits) << 3))

typedef struct SimdDesc {
    unsigned op;          /* SIMD_OP_* */
    unsigned rd, rn, rm;
    unsigned esize;       /* log2 of the op's element size in bytes */
    unsigned oprsz;       /* bytes the op covers: 16, 8, or one element */
    unsigned wn, wm;      /* SIMD_WIDEN_* */
    bool hi;              /* "2" forms: the upper half */
    unsigned narrow;      /* SIMD_NARROW_* */
    unsigned pair;        /* SIMD_PAIR_* */
    int idx;              /* by-element index into Vm, or -1 */
    unsigned imm;         /* shift, table length, rounding... (10 bits) */
} SimdDesc;

/* The packed form passed to helper_simd. */
static inline uint64_t simd_desc_pack(const SimdDesc *d)
{
    return (uint64_t)d->rd | (uint64_t)d->rn << 5 | (uint64_t)d->rm << 10 |
           (uint64_t)d->op << 15 | (uint64_t)d->esize << 24 |
           (uint64_t)d->oprsz << 26 | (uint64_t)d->wn << 31 |
           (uint64_t)d->wm << 33 | (uint64_t)d->hi << 35 |
           (uint64_t)d->narrow << 36 | (uint64_t)d->pair << 39 |
           (uint64_t)(d->imm & 0x3ff) << 41 |
           (uint64_t)(d->idx >= 0 ? 0x10 | d->idx : 0) << 51;
}

static inline void simd_desc_unpack(uint64_t v, SimdDesc *d)
{
    d->rd = v & 31;
    d->rn = (v >> 5) & 31;
    d->rm = (v >> 10) & 31;
    d->op = (v >> 15) & 0x1ff;
    d->esize = (v >> 24) & 3;
    d->oprsz = (v >> 26) & 31;
    d->wn = (v >> 31) & 3;
    d->wm = (v >> 33) & 3;
    d->hi = (v >> 35) & 1;
    d->narrow = (v >> 36) & 7;
    d->pair = (v >> 39) & 3;
    d->imm = (v >> 41) & 0x3ff;
    d->idx = ((v >> 51) & 0x10) ? (int)((v >> 51) & 15) : -1;
}

/* ---- helper side ---- */

/* A vector register's 16 bytes, by element size. */
typedef union SimdVec {
    uint8_t u8[16];
    uint16_t u16[8];
    uint32_t u32[4];
    uint64_t u64[2];
} SimdVec;

/* What a lane function gets besides its vectors. */
typedef struct SimdArgs {
    CPUArm64State *env;
    unsigned cnt;         /* elements to produce (oprsz >> esize) */
    unsigned imm;         /* SimdDesc.imm */
    unsigned rn;          /* for TBL's register list */
    bool hi;              /* for FCVTL */
    bool qc;              /* set on saturation: FPSR.QC */
} SimdArgs;

/* Lane function: computes d from d (old value), n, m; returns the bytes of
 * d that hold the result (the helper zeroes the rest). */
typedef unsigned SimdFn(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a);

/* The lane functions of op for sizes 0..3 (NULL where not defined). */
extern SimdFn *const simd_int_fns[SIMD_OP_INT_COUNT][4];
extern SimdFn *const simd_fp_fns[SIMD_OP_COUNT - SIMD_OP_FP_FIRST][4];

#define SIMD_FPSR_QC (1u << 27)

uint64_t helper_simd(uint64_t env, uint64_t desc);
extern IRHelper helper_desc_simd;

/* A plain op (no widening, narrowing, pairs nor immediate; 8 or 16 bytes;
 * maybe an element of Vm) in 32 bits, for vfpop's constant: rd, rn, rm,
 * op and esize as simd_desc_pack has them, Q (26), the element index + 1
 * (29:27, 0 for none); helper_simd32 takes that form. */
static inline bool simd_desc_fits32(const SimdDesc *d)
{
    return !d->wn && !d->wm && !d->hi && !d->narrow && !d->pair && !d->imm &&
           d->op < 512 && d->idx < 7 && (d->oprsz == 8 || d->oprsz == 16);
}

static inline uint32_t simd_desc_pack32(const SimdDesc *d)
{
    return d->rd | d->rn << 5 | d->rm << 10 | d->op << 15 | d->esize << 24 |
           (d->oprsz == 16) << 26 | (uint32_t)(d->idx + 1) << 27;
}

static inline void simd_desc_unpack32(uint32_t v, SimdDesc *d)
{
    *d = (SimdDesc){
        .rd = v & 31, .rn = (v >> 5) & 31, .rm = (v >> 10) & 31, .op = (v >> 15) & 0x1ff,
        .esize = (v >> 24) & 3, .oprsz = (v >> 26) & 1 ? 16 : 8,
        .idx = (int)((v >> 27) & 7) - 1,
    };
}

uint64_t helper_simd32(uint64_t env, uint64_t desc32);
extern IRHelper helper_desc_simd32;

/* ---- translator side (simd.c) ---- */

/* Size masks: bit i allows the size field value i (B, H, S, D). */
enum { SZ_B = 1, SZ_H = 2, SZ_S = 4, SZ_D = 8 };
#define SZ_BHS  (SZ_B | SZ_H | SZ_S)
#define SZ_BHSD (SZ_B | SZ_H | SZ_S | SZ_D)
#define SZ_HS   (SZ_H | SZ_S)

/* One-line decode handlers: trans_NAME calls fn(s, insn, args...). */
#define TRANS(name, fn, ...) \
    static bool trans_##name(DisasContext *s, uint32_t insn) \
    { return fn(s, insn, __VA_ARGS__); }

static inline unsigned simd_size(uint32_t insn) { return bits(insn, 22, 2); }
static inline unsigned simd_vlen(uint32_t insn) { return Q(insn) ? 16 : 8; }
/* Shift by immediate: the element size is the highest set bit of immh
 * (4 when immh is zero: another group). */
static inline unsigned simd_immh_size(uint32_t insn)
{
    unsigned immh = bits(insn, 19, 4);
    return immh ? 31 - (unsigned)__builtin_clz(immh) : 4;
}

/* A default desc: op on Vd, Vn, Vm of insn, vector of Q's length. */
SimdDesc simd_desc(uint32_t insn, unsigned op, unsigned esize);
/* Emit d: as vector IR where simd-vec.c can, else the helper call. */
void gen_simd_call(DisasContext *s, const SimdDesc *d);

/* Vector IR (simd-vec.c); each returns false (emitting nothing) for what
 * it does not cover.  a64_vec_ir is false to keep every SIMD instruction
 * on the helper path (GUISE_SIMD_HELPERS=1 in the environment: for
 * comparisons and bisection). */
extern bool a64_vec_ir;
bool gen_vec_desc(DisasContext *s, const SimdDesc *d);
bool gen_vec_fp3(DisasContext *s, const SimdDesc *d);
bool gen_vec_ext(DisasContext *s, unsigned rd, unsigned rn, unsigned rm,
                 unsigned pos, bool q);
bool gen_vec_tbl1(DisasContext *s, unsigned rd, unsigned rn, unsigned rm, bool q);
/* AND, BIC, ORR, ORN, EOR, BSL, BIT, BIF, NOT (kind: simd-int.c's LOGIC_*,
 * in that order). */
bool gen_vec_logic(DisasContext *s, uint32_t insn, unsigned kind);
/* SHRN(2)/XTN(2) to elements of nsize (B, H, S), shifting by sh. */
bool gen_vec_shrn(DisasContext *s, unsigned rd, unsigned rn, unsigned nsize, unsigned sh, bool q);
/* Vd = the 64-bit value v in both halves, or (!q) the low half only. */
bool gen_vec_dup64(DisasContext *s, unsigned rd, IRTemp v, bool q);

/* 64-bit halves of vector registers as IR. */
IRTemp gen_vreg_ld(DisasContext *s, unsigned reg, unsigned half);
void gen_vreg_st(DisasContext *s, unsigned reg, unsigned half, IRTemp v);
/* Store lo (and hi, or zero when !q) as the whole of Vd. */
void gen_vreg_st2(DisasContext *s, unsigned reg, IRTemp lo, IRTemp hi, bool q);
/* Replicate the low 8 << esize bits of v over 64 bits. */
IRTemp gen_dup_const(DisasContext *s, unsigned esize, IRTemp v);

/* Common shapes.  Each reads Q, size, Rd, Rn, Rm from insn, returns false
 * for a size outside sizes (or an unallocated 1D arrangement) and emits. */
bool gen_simd_3same(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes);
bool gen_simd_3same_scalar(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes);
bool gen_simd_2misc(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes);
bool gen_simd_2misc_scalar(DisasContext *s, uint32_t insn, unsigned op, unsigned sizes);
/* IR expansions of hot integer operations (simd-ir.c); same contract. */
enum { SIMD_IR_CMEQ, SIMD_IR_CMEQ0, SIMD_IR_CMTST };
bool gen_ir_cmeq(DisasContext *s, uint32_t insn, unsigned kind, bool scalar);
bool gen_ir_addsub(DisasContext *s, uint32_t insn, bool sub, bool scalar);
bool gen_ir_pair(DisasContext *s, uint32_t insn, unsigned op);   /* ADD, UMAX, UMIN */
bool gen_ir_addp_scalar(DisasContext *s, uint32_t insn);
/* SHRN/XTN to elements of nsize, shifting by sh; Q writes the upper half. */
bool gen_ir_shrn(DisasContext *s, uint32_t insn, unsigned nsize, unsigned sh);

/* Floating point: sz (bit 22) selects single or double. */
bool gen_simd_fp_3same(DisasContext *s, uint32_t insn, unsigned op, unsigned pair);
bool gen_simd_fp_3same_scalar(DisasContext *s, uint32_t insn, unsigned op);

#endif
