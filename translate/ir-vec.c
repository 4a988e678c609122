/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The lane semantics of the IR's vector ops vec1 and vec2 (IRVecKind in
 * ir.h), written once in plain C.  The interpreter evaluates vector ops
 * with ir_vec_eval(); the x86-64 backend maps the (kind, element size)
 * pairs that have an exact SSE equivalent to host instructions and calls
 * ir_vec_eval_packed() for the others, so both backends share this
 * definition and the unit tests compare the SSE forms against it.
 *
 * Floating-point kinds compute with the host's C arithmetic in the
 * default environment (round to nearest, no flush to zero): a frontend
 * emits them only where that is the guest's exact semantics (see
 * translate/aarch64/simd-vec.c for the FPCR/FPSR rules it applies).
 * Which NaN a NaN result is (payload, sign) is the host's choice, as in
 * its SSE instructions: frontends must not let one reach guest state.
 * The kinds of ir-vec-ext.h are here too (the saturating narrowings) or,
 * for the cryptographic ones, in ir-vec-crypto.c.
 */
#include <math.h>
#include <string.h>
#include "ir.h"
#include "ir-vec-ext.h"
#include "util/log.h"

static const char *const vec_names[IR_VEC_COUNT] = {
    [IR_VEC_ADD] = "add", [IR_VEC_SUB] = "sub", [IR_VEC_MUL] = "mul",
    [IR_VEC_AND] = "and", [IR_VEC_OR] = "or", [IR_VEC_XOR] = "xor",
    [IR_VEC_ANDC] = "andc", [IR_VEC_CMEQ] = "cmeq", [IR_VEC_CMGT] = "cmgt",
    [IR_VEC_CMGTU] = "cmgtu", [IR_VEC_MINS] = "mins", [IR_VEC_MINU] = "minu",
    [IR_VEC_MAXS] = "maxs", [IR_VEC_MAXU] = "maxu", [IR_VEC_SQADD] = "sqadd",
    [IR_VEC_UQADD] = "uqadd", [IR_VEC_SQSUB] = "sqsub", [IR_VEC_UQSUB] = "uqsub",
    [IR_VEC_URHADD] = "urhadd", [IR_VEC_ZIPLO] = "ziplo", [IR_VEC_ZIPHI] = "ziphi",
    [IR_VEC_UZP1] = "uzp1", [IR_VEC_UZP2] = "uzp2", [IR_VEC_EXT] = "ext", [IR_VEC_TBL] = "tbl",
    [IR_VEC_FADD] = "fadd", [IR_VEC_FSUB] = "fsub", [IR_VEC_FMUL] = "fmul",
    [IR_VEC_FDIV] = "fdiv", [IR_VEC_NOT] = "not", [IR_VEC_ABS] = "abs",
    [IR_VEC_NEG] = "neg", [IR_VEC_MOV] = "mov", [IR_VEC_SHLI] = "shli", [IR_VEC_SHRI] = "shri",
    [IR_VEC_SARI] = "sari", [IR_VEC_SXTL] = "sxtl", [IR_VEC_UXTL] = "uxtl",
    [IR_VEC_ZEXT64] = "zext64", [IR_VEC_FSQRT] = "fsqrt", [IR_VEC_FSPECIAL] = "fspecial",
    [IR_VEC_REV] = "rev",
    [IR_VEC_FMA] = "fma", [IR_VEC_FMS] = "fms",
};

const char *ir_vec_name(unsigned kind)
{
    if (kind >= IR_VEC_EXT_FIRST)
        return ir_vec_ext_name(kind);
    return vec_names[kind] ? vec_names[kind] : "?";
}

/* Lane i of v, esize bytes log2, zero- or sign-extended. */
static uint64_t lane(const IRVec *v, unsigned esize, unsigned i)
{
    switch (esize) {
    case 0: return v->u8[i];
    case 1: return v->u16[i];
    case 2: return v->u32[i];
    default: return v->u64[i];
    }
}

static int64_t slane(const IRVec *v, unsigned esize, unsigned i)
{
    unsigned sh = 64 - (8u << esize);
    return (int64_t)(lane(v, esize, i) << sh) >> sh;
}

static void set_lane(IRVec *v, unsigned esize, unsigned i, uint64_t x)
{
    switch (esize) {
    case 0: v->u8[i] = (uint8_t)x; break;
    case 1: v->u16[i] = (uint16_t)x; break;
    case 2: v->u32[i] = (uint32_t)x; break;
    default: v->u64[i] = x; break;
    }
}

static int64_t clamp_s(int64_t x, unsigned bits)
{
    int64_t max = (int64_t)((1ull << (bits - 1)) - 1), min = -max - 1;
    return x > max ? max : x < min ? min : x;
}

static uint64_t clamp_u(int64_t x, unsigned bits)
{
    int64_t max = (int64_t)((1ull << (bits - 1)) * 2 - 1);
    return x < 0 ? 0 : x > max ? (uint64_t)max : (uint64_t)x;
}

/* Saturating 64-bit lanes, where the C types cannot hold the sum. */
static uint64_t sat64(unsigned kind, uint64_t a, uint64_t b)
{
    switch (kind) {
    case IR_VEC_UQADD: return a + b < a ? ~0ull : a + b;
    case IR_VEC_UQSUB: return a < b ? 0 : a - b;
    case IR_VEC_SQADD: {
        int64_t r;
        if (__builtin_add_overflow((int64_t)a, (int64_t)b, &r))
            return (int64_t)a < 0 ? (uint64_t)INT64_MIN : INT64_MAX;
        return (uint64_t)r;
    }
    default: {
        int64_t r;
        if (__builtin_sub_overflow((int64_t)a, (int64_t)b, &r))
            return (int64_t)a < 0 ? (uint64_t)INT64_MIN : INT64_MAX;
        return (uint64_t)r;
    }
    }
}

/* One lane of a lane-wise integer kind. */
static uint64_t int_lane(unsigned kind, unsigned esize, unsigned imm,
                         const IRVec *a, const IRVec *b, unsigned i)
{
    unsigned bits = 8u << esize;
    uint64_t x = lane(a, esize, i), y = b ? lane(b, esize, i) : 0;
    int64_t sx = slane(a, esize, i), sy = b ? slane(b, esize, i) : 0;
    uint64_t ones = bits == 64 ? ~0ull : (1ull << bits) - 1;

    switch (kind) {
    case IR_VEC_ADD: return x + y;
    case IR_VEC_SUB: return x - y;
    case IR_VEC_MUL: return x * y;
    case IR_VEC_CMEQ: return x == y ? ones : 0;
    case IR_VEC_CMGT: return sx > sy ? ones : 0;
    case IR_VEC_CMGTU: return x > y ? ones : 0;
    case IR_VEC_MINS: return (uint64_t)(sx < sy ? sx : sy);
    case IR_VEC_MINU: return x < y ? x : y;
    case IR_VEC_MAXS: return (uint64_t)(sx > sy ? sx : sy);
    case IR_VEC_MAXU: return x > y ? x : y;
    case IR_VEC_SQADD: case IR_VEC_SQSUB: case IR_VEC_UQADD: case IR_VEC_UQSUB:
        if (bits == 64)
            return sat64(kind, x, y);
        if (kind == IR_VEC_SQADD)
            return (uint64_t)clamp_s(sx + sy, bits);
        if (kind == IR_VEC_SQSUB)
            return (uint64_t)clamp_s(sx - sy, bits);
        return clamp_u(kind == IR_VEC_UQADD ? (int64_t)(x + y) : (int64_t)x - (int64_t)y, bits);
    case IR_VEC_URHADD:
        return (uint64_t)(((unsigned __int128)x + y + 1) >> 1);
    case IR_VEC_ABS: return sx < 0 ? -(uint64_t)sx : (uint64_t)sx;
    case IR_VEC_NEG: return -x;
    case IR_VEC_SHLI: return imm >= bits ? 0 : x << imm;
    case IR_VEC_SHRI: return imm >= bits ? 0 : x >> imm;
    case IR_VEC_SARI: return (uint64_t)(sx >> (imm >= bits ? bits - 1 : imm));
    default: unreachable();
    }
}

static void permute(unsigned kind, unsigned esize, unsigned imm, IRVec *r,
                    const IRVec *a, const IRVec *b)
{
    unsigned n = 16u >> esize;
    uint8_t cat[32];

    switch (kind) {
    case IR_VEC_ZIPLO: case IR_VEC_ZIPHI: {
        unsigned base = kind == IR_VEC_ZIPHI ? n / 2 : 0;
        for (unsigned i = 0; i < n / 2; i++) {
            set_lane(r, esize, 2 * i, lane(a, esize, base + i));
            set_lane(r, esize, 2 * i + 1, lane(b, esize, base + i));
        }
        break;
    }
    case IR_VEC_UZP1: case IR_VEC_UZP2:
        for (unsigned i = 0; i < n; i++) {
            unsigned from = 2 * i + (kind == IR_VEC_UZP2);
            set_lane(r, esize, i, from < n ? lane(a, esize, from) : lane(b, esize, from - n));
        }
        break;
    case IR_VEC_EXT:
        memcpy(cat, a->u8, 16);
        memcpy(cat + 16, b->u8, 16);
        memcpy(r->u8, cat + (imm & 15), 16);
        break;
    default:   /* TBL */
        for (unsigned i = 0; i < 16; i++)
            r->u8[i] = b->u8[i] < 16 ? a->u8[b->u8[i]] : 0;
        break;
    }
}

static void fp_op(unsigned kind, unsigned esize, IRVec *r, const IRVec *a, const IRVec *b)
{
    for (unsigned i = 0; i < (esize == 2 ? 4u : 2u); i++) {
        if (esize == 2) {
            float x = a->f32[i], y = b ? b->f32[i] : 0;
            r->f32[i] = kind == IR_VEC_FADD ? x + y : kind == IR_VEC_FSUB ? x - y
                      : kind == IR_VEC_FMUL ? x * y : kind == IR_VEC_FDIV ? x / y : sqrtf(x);
        } else {
            double x = a->f64[i], y = b ? b->f64[i] : 0;
            r->f64[i] = kind == IR_VEC_FADD ? x + y : kind == IR_VEC_FSUB ? x - y
                      : kind == IR_VEC_FMUL ? x * y : kind == IR_VEC_FDIV ? x / y : sqrt(x);
        }
    }
}

/* a +- b * c with one rounding (C99 fma: exact in glibc). */
static void fused(unsigned kind, unsigned esize, IRVec *r, const IRVec *a,
                  const IRVec *b, const IRVec *c)
{
    /* FMS negates the product, never a NaN operand (as FMA3 does) */
    for (unsigned i = 0; i < (esize == 2 ? 4u : 2u); i++) {
        if (esize == 2) {
            float x = b->f32[i];
            r->f32[i] = fmaf(kind == IR_VEC_FMS && !isnan(x) ? -x : x, c->f32[i], a->f32[i]);
        } else {
            double x = b->f64[i];
            r->f64[i] = fma(kind == IR_VEC_FMS && !isnan(x) ? -x : x, c->f64[i], a->f64[i]);
        }
    }
}

/* Lane i of v (esize, the wide size) narrowed with saturation. */
static uint64_t narrow_sat(unsigned kind, unsigned esize, const IRVec *v, unsigned i)
{
    unsigned bits = 4u << esize;   /* of the result */

    if (kind == IR_VEC_UQXTN) {
        uint64_t x = lane(v, esize, i), max = (1ull << bits) - 1;
        return x > max ? max : x;
    }
    if (kind == IR_VEC_SQXTN)
        return (uint64_t)clamp_s(slane(v, esize, i), bits);
    return clamp_u(slane(v, esize, i), bits);
}

void ir_vec_eval(unsigned kind, unsigned esize, unsigned imm, IRVec *d,
                 const IRVec *a, const IRVec *b, const IRVec *c)
{
    IRVec r = { .u64 = { 0, 0 } };
    unsigned n = 16u >> esize;

    BUG_ON(kind >= IR_VEC_COUNT || esize > 3);
    if (kind >= IR_VEC_SQXTN && kind <= IR_VEC_SQXTUN) {
        BUG_ON(esize < 1);
        for (unsigned i = 0; i < 2 * n; i++)
            set_lane(&r, esize - 1, i, narrow_sat(kind, esize, i < n ? a : b, i % n));
        *d = r;
        return;
    }
    if (kind >= IR_VEC_EXT_FIRST) {
        ir_vec_eval_crypto(kind, imm, d, a, b, c);
        return;
    }
    switch (kind) {
    case IR_VEC_AND: r.u64[0] = a->u64[0] & b->u64[0]; r.u64[1] = a->u64[1] & b->u64[1]; break;
    case IR_VEC_OR: r.u64[0] = a->u64[0] | b->u64[0]; r.u64[1] = a->u64[1] | b->u64[1]; break;
    case IR_VEC_XOR: r.u64[0] = a->u64[0] ^ b->u64[0]; r.u64[1] = a->u64[1] ^ b->u64[1]; break;
    case IR_VEC_ANDC: r.u64[0] = a->u64[0] & ~b->u64[0]; r.u64[1] = a->u64[1] & ~b->u64[1]; break;
    case IR_VEC_NOT: r.u64[0] = ~a->u64[0]; r.u64[1] = ~a->u64[1]; break;
    case IR_VEC_ZEXT64: r.u64[0] = a->u64[0]; break;
    case IR_VEC_MOV: r = *a; break;
    case IR_VEC_REV:
        BUG_ON(imm <= esize || imm > 3);
        for (unsigned i = 0; i < 16; i++)
            r.u8[i] = a->u8[i ^ ir_vec_rev_flip(esize, imm)];
        break;
    case IR_VEC_ZIPLO: case IR_VEC_ZIPHI: case IR_VEC_EXT: case IR_VEC_TBL:
    case IR_VEC_UZP1: case IR_VEC_UZP2:
        permute(kind, esize, imm, &r, a, b);
        break;
    case IR_VEC_FADD: case IR_VEC_FSUB: case IR_VEC_FMUL: case IR_VEC_FDIV:
    case IR_VEC_FSQRT:
        BUG_ON(esize < 2);
        fp_op(kind, esize, &r, a, kind == IR_VEC_FSQRT ? NULL : b);
        break;
    case IR_VEC_FMA: case IR_VEC_FMS:
        BUG_ON(esize < 2);
        fused(kind, esize, &r, a, b, c);
        break;
    case IR_VEC_FSPECIAL:
        BUG_ON(esize < 2);
        for (unsigned i = 0; i < n; i++) {
            uint64_t mag = lane(a, esize, i) & (esize == 2 ? 0x7fffffffu : ~0ull >> 1);
            uint64_t minn = esize == 2 ? 0x00800000u : 0x0010000000000000ull;
            uint64_t inf = esize == 2 ? 0x7f800000u : 0x7ff0000000000000ull;
            set_lane(&r, esize, i, mag <= minn || mag >= inf ? ~0ull : 0);
        }
        break;
    case IR_VEC_SXTL: case IR_VEC_UXTL:
        BUG_ON(esize > 2);
        for (unsigned i = 0; i < n / 2; i++) {
            unsigned from = (imm ? n / 2 : 0) + i;
            set_lane(&r, esize + 1, i, kind == IR_VEC_SXTL ? (uint64_t)slane(a, esize, from)
                                                           : lane(a, esize, from));
        }
        break;
    default:
        for (unsigned i = 0; i < n; i++)
            set_lane(&r, esize, i, int_lane(kind, esize, imm, a,
                                            kind < IR_VEC_BIN_COUNT ? b : NULL, i));
        break;
    }
    *d = r;
}

void ir_vec_eval_packed(IRVec *d, const IRVec *a, const IRVec *b, uint64_t k,
                        const IRVec *c)
{
    ir_vec_eval(k & 0xff, (k >> 8) & 0xff, (unsigned)(k >> 16), d, a, b, c);
}
