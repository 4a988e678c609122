/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * C helpers of the Advanced SIMD decoder: helper_simd(), called once per
 * instruction from generated code, runs the data flow a SimdDesc describes
 * (simd.h: by-element duplication, widening, pairing, the lane operation,
 * narrowing, zeroing, FPSR.QC) on copies of the vector registers, and the
 * integer lane operations it dispatches to (simd_int_fns).  The floating
 * point lane operations are in simd-fp-helper.c.
 *
 * Lane operations are written once as expressions over 64-bit values
 * (x, y: the zero-extended elements of Vn, Vm; acc: the old element of Vd;
 * b: the element width in bits) and expanded for the four element sizes.
 * Semantics follow the Arm ARM pseudocode of each instruction (C7.2);
 * intermediate results are exact (128-bit) before saturation or truncation.
 */
#include <string.h>
#include "simd.h"
#include "crypto.h"
#include "util/log.h"

typedef __int128 i128;

A64_HELPER(simd, 2, IR_HELPER_NO_GLOBALS);
A64_HELPER(simd32, 2, IR_HELPER_NO_GLOBALS);

/* ---- element arithmetic ---- */

static inline int64_t sx(uint64_t x, unsigned b)
{
    return (int64_t)(x << (64 - b)) >> (64 - b);
}

static inline uint64_t mask_b(unsigned b)
{
    return b == 64 ? ~0ull : (1ull << b) - 1;
}

/* SignedSatQ / UnsignedSatQ: clamp v to b bits, noting saturation. */
static inline uint64_t sat_s(i128 v, unsigned b, SimdArgs *a)
{
    i128 max = ((i128)1 << (b - 1)) - 1, min = -max - 1;
    if (v > max || v < min) {
        a->qc = true;
        v = v > max ? max : min;
    }
    return (uint64_t)v;
}

static inline uint64_t sat_u(i128 v, unsigned b, SimdArgs *a)
{
    i128 max = ((i128)1 << b) - 1;
    if (v > max || v < 0) {
        a->qc = true;
        v = v > max ? max : 0;
    }
    return (uint64_t)v;
}

static inline uint64_t ones_if(bool c)
{
    return c ? ~0ull : 0;
}

static inline uint64_t absdiff_s(uint64_t x, uint64_t y, unsigned b)
{
    i128 d = (i128)sx(x, b) - sx(y, b);
    return (uint64_t)(d < 0 ? -d : d);
}

static inline uint64_t absdiff_u(uint64_t x, uint64_t y)
{
    return x > y ? x - y : y - x;
}

/* Polynomial (carry-less) product, truncated by the caller. */
static inline uint64_t clmul(uint64_t x, uint64_t y, unsigned b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < b; i++)
        if ((y >> i) & 1)
            r ^= x << i;
    return r;
}

static inline unsigned bitlen(uint64_t x)
{
    return x ? 64 - (unsigned)__builtin_clzll(x) : 0;
}

/* CountLeadingSignBits: leading zeros of x<b-1:1> EOR x<b-2:0>. */
static inline uint64_t cls_b(uint64_t x, unsigned b)
{
    return (b - 1) - bitlen((x ^ (x >> 1)) & mask_b(b - 1));
}

static inline uint64_t rbit8(uint64_t x)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i++)
        r |= ((x >> i) & 1) << (7 - i);
    return r;
}

/* v << sh without the undefined behaviour of shifting negative values. */
static inline i128 shl128(i128 v, unsigned sh)
{
    return (i128)((unsigned __int128)v << sh);
}

/* x shifted by the signed count sh (right when negative), rounding the
 * right shifts when rnd, exactly: the caller truncates or saturates.
 * (SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL.) */
static inline i128 shift_exact(i128 v, int sh, bool rnd)
{
    if (sh >= 0) {
        /* |v| < 2^64: shifts below 64 are exact; past that any nonzero
         * value saturates, and truncates to zero. */
        if (sh >= 64 && v != 0)
            return v < 0 ? -((i128)1 << 126) : (i128)1 << 126;
        return shl128(v, sh >= 64 ? 0 : (unsigned)sh);
    }
    sh = -sh > 65 ? 65 : -sh;
    if (rnd)
        v += (i128)1 << (sh - 1);
    return v >> sh;
}

static inline int shcount(uint64_t y)
{
    return (int8_t)(y & 0xff);
}

/* Right shift by an immediate 1..b, exact, optionally rounded. */
static inline i128 shr_imm(i128 v, unsigned sh, bool rnd)
{
    if (rnd)
        v += (i128)1 << (sh - 1);
    return v >> sh;
}

/* SQDMULL's doubled product. */
static inline uint64_t sqdmull(uint64_t x, uint64_t y, unsigned b, SimdArgs *a)
{
    return sat_s(2 * (i128)sx(x, b) * sx(y, b), b, a);
}

/* SQDMULH / SQRDMULH: high half of the doubled product. */
static inline uint64_t sqdmulh(uint64_t x, uint64_t y, unsigned b, bool rnd, SimdArgs *a)
{
    i128 p = 2 * (i128)sx(x, b) * sx(y, b);
    if (rnd)
        p += (i128)1 << (b - 1);
    return sat_s(p >> b, b, a);
}

/* SQRDMLAH / SQRDMLSH: acc plus or minus the doubled product, rounded,
 * high half, saturated once (FEAT_RDM). */
static inline uint64_t sqrdmlah(uint64_t acc, uint64_t x, uint64_t y, unsigned b,
                                bool sub, SimdArgs *a)
{
    i128 p = 2 * (i128)sx(x, b) * sx(y, b);
    i128 v = shl128(sx(acc, b), b) + (sub ? -p : p) + ((i128)1 << (b - 1));
    return sat_s(v >> b, b, a);
}

/* SRI: x >> sh over the bits it covers, acc elsewhere. */
static inline uint64_t sri(uint64_t x, uint64_t acc, unsigned sh, unsigned b)
{
    uint64_t m = sh >= 64 ? 0 : mask_b(b) >> sh;
    return (sh >= 64 ? 0 : x >> sh) | (acc & ~m);
}

static inline uint64_t sli(uint64_t x, uint64_t acc, unsigned sh, unsigned b)
{
    uint64_t m = mask_b(b) << sh;
    return ((x << sh) & m) | (acc & ~m);
}

/* ---- expansion over element sizes ---- */

#define ELEM_N(name, EXPR, B) \
static unsigned name##_##B(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    const unsigned b = B; \
    for (unsigned i = 0; i < a->cnt; i++) { \
        uint64_t x = n->u##B[i], y = m->u##B[i], acc = d->u##B[i]; \
        (void)x; (void)y; (void)acc; (void)b; \
        d->u##B[i] = (uint##B##_t)(EXPR); \
    } \
    return a->cnt * (B / 8); \
}
#define ELEM(name, EXPR) \
    ELEM_N(name, EXPR, 8) ELEM_N(name, EXPR, 16) ELEM_N(name, EXPR, 32) ELEM_N(name, EXPR, 64)
#define FNS(name) { name##_8, name##_16, name##_32, name##_64 }

ELEM(mov, x)
ELEM(add, x + y)
ELEM(sub, x - y)
ELEM(mul, x * y)
ELEM(mla, acc + x * y)
ELEM(mls, acc - x * y)
ELEM(pmul, clmul(x, y, b))
ELEM(cmeq, ones_if(x == y))
ELEM(cmge, ones_if(sx(x, b) >= sx(y, b)))
ELEM(cmgt, ones_if(sx(x, b) > sx(y, b)))
ELEM(cmhi, ones_if(x > y))
ELEM(cmhs, ones_if(x >= y))
ELEM(cmtst, ones_if((x & y) != 0))
ELEM(smax, sx(x, b) > sx(y, b) ? x : y)
ELEM(smin, sx(x, b) < sx(y, b) ? x : y)
ELEM(umax, x > y ? x : y)
ELEM(umin, x < y ? x : y)
ELEM(sabd, absdiff_s(x, y, b))
ELEM(uabd, absdiff_u(x, y))
ELEM(saba, acc + absdiff_s(x, y, b))
ELEM(uaba, acc + absdiff_u(x, y))
ELEM(shadd, (uint64_t)(((i128)sx(x, b) + sx(y, b)) >> 1))
ELEM(uhadd, (uint64_t)(((i128)x + y) >> 1))
ELEM(srhadd, (uint64_t)(((i128)sx(x, b) + sx(y, b) + 1) >> 1))
ELEM(urhadd, (uint64_t)(((i128)x + y + 1) >> 1))
ELEM(shsub, (uint64_t)(((i128)sx(x, b) - sx(y, b)) >> 1))
ELEM(uhsub, (uint64_t)(((i128)x - y) >> 1))
ELEM(sqadd, sat_s((i128)sx(x, b) + sx(y, b), b, a))
ELEM(uqadd, sat_u((i128)x + y, b, a))
ELEM(sqsub, sat_s((i128)sx(x, b) - sx(y, b), b, a))
ELEM(uqsub, sat_u((i128)x - y, b, a))
ELEM(suqadd, sat_s((i128)sx(acc, b) + x, b, a))
ELEM(usqadd, sat_u((i128)acc + sx(x, b), b, a))
ELEM(sshl, (uint64_t)shift_exact(sx(x, b), shcount(y), false))
ELEM(ushl, (uint64_t)shift_exact(x, shcount(y), false))
ELEM(srshl, (uint64_t)shift_exact(sx(x, b), shcount(y), true))
ELEM(urshl, (uint64_t)shift_exact(x, shcount(y), true))
ELEM(sqshl, sat_s(shift_exact(sx(x, b), shcount(y), false), b, a))
ELEM(uqshl, sat_u(shift_exact(x, shcount(y), false), b, a))
ELEM(sqrshl, sat_s(shift_exact(sx(x, b), shcount(y), true), b, a))
ELEM(uqrshl, sat_u(shift_exact(x, shcount(y), true), b, a))
ELEM(sqdmulh, sqdmulh(x, y, b, false, a))
ELEM(sqrdmulh, sqdmulh(x, y, b, true, a))
ELEM(sqdmull, sqdmull(x, y, b, a))
ELEM(sqdmlal, sat_s((i128)sx(acc, b) + sx(sqdmull(x, y, b, a), b), b, a))
ELEM(sqdmlsl, sat_s((i128)sx(acc, b) - sx(sqdmull(x, y, b, a), b), b, a))
ELEM(sqrdmlah, sqrdmlah(acc, x, y, b, false, a))
ELEM(sqrdmlsh, sqrdmlah(acc, x, y, b, true, a))
ELEM(raddhn, x + y + (1ull << (b / 2 - 1)))
ELEM(rsubhn, x - y + (1ull << (b / 2 - 1)))

ELEM(abs, sx(x, b) < 0 ? -x : x)
ELEM(neg, -x)
ELEM(sqabs, sat_s(sx(x, b) < 0 ? -(i128)sx(x, b) : sx(x, b), b, a))
ELEM(sqneg, sat_s(-(i128)sx(x, b), b, a))
ELEM(cls, cls_b(x, b))
ELEM(clz, b - bitlen(x))
ELEM(cnt, (uint64_t)__builtin_popcountll(x))
ELEM(rbit, rbit8(x))
ELEM(cmgt0, ones_if(sx(x, b) > 0))
ELEM(cmge0, ones_if(sx(x, b) >= 0))
ELEM(cmeq0, ones_if(x == 0))
ELEM(cmle0, ones_if(sx(x, b) <= 0))
ELEM(cmlt0, ones_if(sx(x, b) < 0))

/* Shifts by an immediate: left 0..b-1, right 1..b. */
ELEM(shl, x << a->imm)
ELEM(sshr, (uint64_t)shr_imm(sx(x, b), a->imm, false))
ELEM(ushr, (uint64_t)shr_imm(x, a->imm, false))
ELEM(srshr, (uint64_t)shr_imm(sx(x, b), a->imm, true))
ELEM(urshr, (uint64_t)shr_imm(x, a->imm, true))
ELEM(ssra, acc + (uint64_t)shr_imm(sx(x, b), a->imm, false))
ELEM(usra, acc + (uint64_t)shr_imm(x, a->imm, false))
ELEM(srsra, acc + (uint64_t)shr_imm(sx(x, b), a->imm, true))
ELEM(ursra, acc + (uint64_t)shr_imm(x, a->imm, true))
ELEM(sri, sri(x, acc, a->imm, b))
ELEM(sli, sli(x, acc, a->imm, b))
ELEM(sqshli, sat_s(shl128(sx(x, b), a->imm), b, a))
ELEM(uqshli, sat_u(shl128(x, a->imm), b, a))
ELEM(sqshlu, sat_u(shl128(sx(x, b), a->imm), b, a))

/* ---- lane-crossing operations ---- */

/* Pairwise long (SADDLP ...): esize is the result's, elements of half its
 * width come in pairs from Vn. */
#define ADDLP_N(name, B, NB, EXT, ACC) \
static unsigned name##_##B(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    (void)m; \
    for (unsigned i = 0; i < a->cnt; i++) { \
        uint64_t s = (uint64_t)EXT(n->u##NB[2 * i], NB) + (uint64_t)EXT(n->u##NB[2 * i + 1], NB); \
        d->u##B[i] = (uint##B##_t)((ACC ? d->u##B[i] : 0) + s); \
    } \
    return a->cnt * (B / 8); \
}
#define ZX(x, b) (x)
#define ADDLP(name, EXT, ACC) \
    ADDLP_N(name, 16, 8, EXT, ACC) ADDLP_N(name, 32, 16, EXT, ACC) ADDLP_N(name, 64, 32, EXT, ACC)
ADDLP(saddlp, sx, 0)
ADDLP(uaddlp, ZX, 0)
ADDLP(sadalp, sx, 1)
ADDLP(uadalp, ZX, 1)
#define LONG_FNS(name) { NULL, name##_16, name##_32, name##_64 }

/* SDOT/UDOT: each 32-bit element accumulates the four byte products of
 * its lane. */
#define DOT(name, T) \
static unsigned name##_32(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    for (unsigned i = 0; i < a->cnt; i++) { \
        int32_t sum = 0; \
        for (unsigned k = 4 * i; k < 4 * i + 4; k++) \
            sum += (T)n->u8[k] * (T)m->u8[k]; \
        d->u32[i] += (uint32_t)sum; \
    } \
    return a->cnt * 4; \
}
DOT(sdot, int8_t)
DOT(udot, uint8_t)

/* PMULL(2) 1Q: the 128-bit polynomial product of two D elements. */
static unsigned pmull64_64(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    /* PCLMULQDQ when the host has it (helper-crypto.c) */
    a64_clmul64(n->u64[a->hi], m->u64[a->hi], d->u64);
    return 16;
}

/* Across lanes: reduce Vn's cnt elements with a pairwise tree, as the
 * pseudocode's Reduce() does; the result is one element of RB bits. */
#define ACROSS_N(name, B, RB, EXT, OP) \
static unsigned name##_##B(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    uint64_t v[16]; \
    (void)m; \
    for (unsigned i = 0; i < a->cnt; i++) \
        v[i] = (uint64_t)EXT(n->u##B[i], B); \
    for (unsigned w = a->cnt; w > 1; w /= 2) \
        for (unsigned i = 0; i < w / 2; i++) { \
            uint64_t p = v[2 * i], q = v[2 * i + 1]; \
            v[i] = OP; \
        } \
    memset(d, 0, sizeof(*d)); \
    d->u64[0] = v[0] & mask_b(RB); \
    return RB / 8; \
}
#define ACROSS(name, EXT, OP, W) \
    ACROSS_N(name, 8, 8 * W, EXT, OP) ACROSS_N(name, 16, 16 * W, EXT, OP) \
    ACROSS_N(name, 32, 32 * W, EXT, OP)
#define ACROSS_FNS(name) { name##_8, name##_16, name##_32, NULL }
ACROSS(addv, ZX, p + q, 1)
ACROSS(smaxv, sx, (int64_t)p > (int64_t)q ? p : q, 1)
ACROSS(sminv, sx, (int64_t)p < (int64_t)q ? p : q, 1)
ACROSS(umaxv, ZX, p > q ? p : q, 1)
ACROSS(uminv, ZX, p < q ? p : q, 1)
ACROSS(saddlv, sx, p + q, 2)
ACROSS(uaddlv, ZX, p + q, 2)

/* Permutes over cnt elements; d is a private copy, so Vd may be Vn/Vm. */
#define PERM_N(name, B, BODY) \
static unsigned name##_##B(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a) \
{ \
    unsigned c = a->cnt, h = c / 2; \
    (void)m; \
    (void)h; \
    for (unsigned i = 0; i < c; i++) { BODY; } \
    return c * (B / 8); \
}
#define PERM(name, EXPR) \
    PERM_N(name, 8, d->u8[i] = EXPR(8)) PERM_N(name, 16, d->u16[i] = EXPR(16)) \
    PERM_N(name, 32, d->u32[i] = EXPR(32)) PERM_N(name, 64, d->u64[i] = EXPR(64))
/* Element j of the concatenation Vm:Vn (Vn's c elements first). */
#define CAT(B, j) ((j) < c ? n->u##B[j] : m->u##B[(j) - c])
#define ZIP1(B) ((i & 1) ? m->u##B[i / 2] : n->u##B[i / 2])
#define ZIP2(B) ((i & 1) ? m->u##B[h + i / 2] : n->u##B[h + i / 2])
#define UZP1(B) CAT(B, 2 * i)
#define UZP2(B) CAT(B, 2 * i + 1)
#define TRN1(B) ((i & 1) ? m->u##B[i - 1] : n->u##B[i])
#define TRN2(B) ((i & 1) ? m->u##B[i] : n->u##B[i + 1])
#define REV(B) n->u##B[i ^ ((1u << (a->imm + 3)) / B - 1)]
PERM(zip1_, ZIP1)
PERM(zip2_, ZIP2)
PERM(uzp1_, UZP1)
PERM(uzp2_, UZP2)
PERM(trn1_, TRN1)
PERM(trn2_, TRN2)
PERM(rev_, REV)

/* TBL/TBX: bytes of Vm index the table Vn..Vn+imm (mod 32). */
static unsigned tbl_common(SimdVec *d, const SimdVec *m, SimdArgs *a, bool tbx)
{
    unsigned nbytes = 16 * (a->imm + 1);
    for (unsigned i = 0; i < a->cnt; i++) {
        unsigned idx = m->u8[i];
        if (idx < nbytes) {
            const uint8_t *reg = (const uint8_t *)a->env->v[(a->rn + idx / 16) % 32];
            d->u8[i] = reg[idx % 16];
        } else if (!tbx) {
            d->u8[i] = 0;
        }
    }
    return a->cnt;
}

static unsigned tbl_8(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    (void)n;
    return tbl_common(d, m, a, false);
}

static unsigned tbx_8(SimdVec *d, const SimdVec *n, const SimdVec *m, SimdArgs *a)
{
    (void)n;
    return tbl_common(d, m, a, true);
}

SimdFn *const simd_int_fns[SIMD_OP_INT_COUNT][4] = {
    [SIMD_OP_MOV] = FNS(mov), [SIMD_OP_ADD] = FNS(add), [SIMD_OP_SUB] = FNS(sub),
    [SIMD_OP_MUL] = FNS(mul), [SIMD_OP_MLA] = FNS(mla), [SIMD_OP_MLS] = FNS(mls),
    [SIMD_OP_PMUL] = FNS(pmul),
    [SIMD_OP_CMEQ] = FNS(cmeq), [SIMD_OP_CMGE] = FNS(cmge), [SIMD_OP_CMGT] = FNS(cmgt),
    [SIMD_OP_CMHI] = FNS(cmhi), [SIMD_OP_CMHS] = FNS(cmhs), [SIMD_OP_CMTST] = FNS(cmtst),
    [SIMD_OP_SMAX] = FNS(smax), [SIMD_OP_SMIN] = FNS(smin),
    [SIMD_OP_UMAX] = FNS(umax), [SIMD_OP_UMIN] = FNS(umin),
    [SIMD_OP_SABD] = FNS(sabd), [SIMD_OP_UABD] = FNS(uabd),
    [SIMD_OP_SABA] = FNS(saba), [SIMD_OP_UABA] = FNS(uaba),
    [SIMD_OP_SHADD] = FNS(shadd), [SIMD_OP_UHADD] = FNS(uhadd),
    [SIMD_OP_SRHADD] = FNS(srhadd), [SIMD_OP_URHADD] = FNS(urhadd),
    [SIMD_OP_SHSUB] = FNS(shsub), [SIMD_OP_UHSUB] = FNS(uhsub),
    [SIMD_OP_SQADD] = FNS(sqadd), [SIMD_OP_UQADD] = FNS(uqadd),
    [SIMD_OP_SQSUB] = FNS(sqsub), [SIMD_OP_UQSUB] = FNS(uqsub),
    [SIMD_OP_SUQADD] = FNS(suqadd), [SIMD_OP_USQADD] = FNS(usqadd),
    [SIMD_OP_SSHL] = FNS(sshl), [SIMD_OP_USHL] = FNS(ushl),
    [SIMD_OP_SRSHL] = FNS(srshl), [SIMD_OP_URSHL] = FNS(urshl),
    [SIMD_OP_SQSHL] = FNS(sqshl), [SIMD_OP_UQSHL] = FNS(uqshl),
    [SIMD_OP_SQRSHL] = FNS(sqrshl), [SIMD_OP_UQRSHL] = FNS(uqrshl),
    [SIMD_OP_SQDMULH] = FNS(sqdmulh), [SIMD_OP_SQRDMULH] = FNS(sqrdmulh),
    [SIMD_OP_SQDMULL] = FNS(sqdmull), [SIMD_OP_SQDMLAL] = FNS(sqdmlal),
    [SIMD_OP_SQDMLSL] = FNS(sqdmlsl),
    [SIMD_OP_RADDHN] = FNS(raddhn), [SIMD_OP_RSUBHN] = FNS(rsubhn),
    [SIMD_OP_SQRDMLAH] = FNS(sqrdmlah), [SIMD_OP_SQRDMLSH] = FNS(sqrdmlsh),
    [SIMD_OP_SDOT] = { NULL, NULL, sdot_32 }, [SIMD_OP_UDOT] = { NULL, NULL, udot_32 },
    [SIMD_OP_PMULL64] = { NULL, NULL, NULL, pmull64_64 },
    [SIMD_OP_ABS] = FNS(abs), [SIMD_OP_NEG] = FNS(neg),
    [SIMD_OP_SQABS] = FNS(sqabs), [SIMD_OP_SQNEG] = FNS(sqneg),
    [SIMD_OP_CLS] = FNS(cls), [SIMD_OP_CLZ] = FNS(clz),
    [SIMD_OP_CNT] = FNS(cnt), [SIMD_OP_RBIT] = FNS(rbit),
    [SIMD_OP_CMGT0] = FNS(cmgt0), [SIMD_OP_CMGE0] = FNS(cmge0),
    [SIMD_OP_CMEQ0] = FNS(cmeq0), [SIMD_OP_CMLE0] = FNS(cmle0),
    [SIMD_OP_CMLT0] = FNS(cmlt0),
    [SIMD_OP_SHL] = FNS(shl), [SIMD_OP_SSHR] = FNS(sshr), [SIMD_OP_USHR] = FNS(ushr),
    [SIMD_OP_SRSHR] = FNS(srshr), [SIMD_OP_URSHR] = FNS(urshr),
    [SIMD_OP_SSRA] = FNS(ssra), [SIMD_OP_USRA] = FNS(usra),
    [SIMD_OP_SRSRA] = FNS(srsra), [SIMD_OP_URSRA] = FNS(ursra),
    [SIMD_OP_SRI] = FNS(sri), [SIMD_OP_SLI] = FNS(sli),
    [SIMD_OP_SQSHLI] = FNS(sqshli), [SIMD_OP_UQSHLI] = FNS(uqshli),
    [SIMD_OP_SQSHLU] = FNS(sqshlu),
    [SIMD_OP_SADDLP] = LONG_FNS(saddlp), [SIMD_OP_UADDLP] = LONG_FNS(uaddlp),
    [SIMD_OP_SADALP] = LONG_FNS(sadalp), [SIMD_OP_UADALP] = LONG_FNS(uadalp),
    [SIMD_OP_ADDV] = ACROSS_FNS(addv), [SIMD_OP_SMAXV] = ACROSS_FNS(smaxv),
    [SIMD_OP_SMINV] = ACROSS_FNS(sminv), [SIMD_OP_UMAXV] = ACROSS_FNS(umaxv),
    [SIMD_OP_UMINV] = ACROSS_FNS(uminv), [SIMD_OP_SADDLV] = ACROSS_FNS(saddlv),
    [SIMD_OP_UADDLV] = ACROSS_FNS(uaddlv),
    [SIMD_OP_ZIP1] = FNS(zip1_), [SIMD_OP_ZIP2] = FNS(zip2_),
    [SIMD_OP_UZP1] = FNS(uzp1_), [SIMD_OP_UZP2] = FNS(uzp2_),
    [SIMD_OP_TRN1] = FNS(trn1_), [SIMD_OP_TRN2] = FNS(trn2_),
    [SIMD_OP_REV] = FNS(rev_),
    [SIMD_OP_TBL] = { tbl_8 }, [SIMD_OP_TBX] = { tbx_8 },
};

/* ---- the data flow around the lane operation ---- */

static uint64_t vget(const SimdVec *v, unsigned esize, unsigned i)
{
    switch (esize) {
    case 0: return v->u8[i];
    case 1: return v->u16[i];
    case 2: return v->u32[i];
    default: return v->u64[i];
    }
}

static void vset(SimdVec *v, unsigned esize, unsigned i, uint64_t x)
{
    switch (esize) {
    case 0: v->u8[i] = (uint8_t)x; break;
    case 1: v->u16[i] = (uint16_t)x; break;
    case 2: v->u32[i] = (uint32_t)x; break;
    default: v->u64[i] = x; break;
    }
}

/* Vm := every element Vm[idx]. */
static void dup_lane(SimdVec *v, unsigned esize, unsigned idx)
{
    uint64_t x = vget(v, esize, idx);
    for (unsigned i = 0; i < (16u >> esize); i++)
        vset(v, esize, i, x);
}

/* cnt elements of esize from the esize - 1 elements of one half. */
static void widen(SimdVec *v, unsigned esize, unsigned mode, bool hi, unsigned cnt)
{
    SimdVec src = *v;
    unsigned ne = esize - 1, base = hi ? 8u >> ne : 0;
    for (unsigned i = 0; i < cnt; i++) {
        uint64_t x = vget(&src, ne, base + i);
        if (mode == SIMD_WIDEN_S)
            x = (uint64_t)sx(x, 8u << ne);
        vset(v, esize, i, x);
    }
}

/* Narrow the bytes of d holding esize elements; returns the new size. */
static unsigned narrow(SimdVec *d, unsigned esize, unsigned mode, unsigned bytes, SimdArgs *a)
{
    SimdVec src = *d;
    unsigned b = 8u << esize, nb = b / 2, cnt = bytes >> esize;
    for (unsigned i = 0; i < cnt; i++) {
        uint64_t x = vget(&src, esize, i);
        switch (mode) {
        case SIMD_NARROW_HIGH:   x >>= nb; break;
        case SIMD_NARROW_SQXTN:  x = sat_s(sx(x, b), nb, a); break;
        case SIMD_NARROW_UQXTN:  x = sat_u(x, nb, a); break;
        case SIMD_NARROW_SQXTUN: x = sat_u(sx(x, b), nb, a); break;
        default: break;
        }
        vset(d, esize - 1, i, x);
    }
    return bytes / 2;
}

static SimdFn *lane_fn(unsigned op, unsigned esize)
{
    if (op < SIMD_OP_INT_COUNT)
        return simd_int_fns[op][esize];
    if (op < SIMD_OP_COUNT)
        return simd_fp_fns[op - SIMD_OP_FP_FIRST][esize];
    return NULL;
}

/* The instruction f describes, on env's registers. */
static uint64_t simd_exec(CPUArm64State *env, SimdDesc f)
{
    SimdVec n, m, d, old;
    SimdFn *fn;
    unsigned bytes;

    fn = lane_fn(f.op, f.esize);
    BUG_ON(fn == NULL || f.oprsz == 0 || f.oprsz > 16);
    memcpy(&n, env->v[f.rn], 16);
    memcpy(&m, env->v[f.rm], 16);
    memcpy(&d, env->v[f.rd], 16);
    old = d;

    SimdArgs a = { env, f.oprsz >> f.esize, f.imm, f.rn, f.hi, false };
    if (f.idx >= 0)
        dup_lane(&m, f.esize - (f.wm != SIMD_WIDEN_NONE), (unsigned)f.idx);
    if (f.wn)
        widen(&n, f.esize, f.wn, f.hi, a.cnt);
    if (f.wm)
        widen(&m, f.esize, f.wm, f.hi, a.cnt);
    if (f.pair) {
        /* Vn, Vm := the even and odd elements of Vm:Vn (UZP1, UZP2). */
        SimdVec p = n, q = f.pair == SIMD_PAIR_SCALAR ? n : m;
        SimdArgs pa = a;
        pa.cnt = f.pair == SIMD_PAIR_SCALAR ? 2 : a.cnt;
        simd_int_fns[SIMD_OP_UZP1][f.esize](&n, &p, &q, &pa);
        simd_int_fns[SIMD_OP_UZP2][f.esize](&m, &p, &q, &pa);
    }
    bytes = fn(&d, &n, &m, &a);
    if (f.narrow != SIMD_NARROW_NONE) {
        if (f.narrow != SIMD_NARROW_PACKED)
            bytes = narrow(&d, f.esize, f.narrow, bytes, &a);
        if (f.hi) {
            memmove(&d.u8[8], &d.u8[0], 8);
            memcpy(&d.u8[0], &old.u8[0], 8);
            bytes = 16;
        }
    }
    memset(&d.u8[bytes], 0, 16 - bytes);
    if (a.qc)
        env->fpsr |= SIMD_FPSR_QC;
    memcpy(env->v[f.rd], &d, 16);
    return 0;
}

uint64_t helper_simd(uint64_t envp, uint64_t descv)
{
    SimdDesc f;

    simd_desc_unpack(descv, &f);
    return simd_exec((CPUArm64State *)(uintptr_t)envp, f);
}

uint64_t helper_simd32(uint64_t envp, uint64_t desc32)
{
    SimdDesc f;

    simd_desc_unpack32((uint32_t)desc32, &f);
    return simd_exec((CPUArm64State *)(uintptr_t)envp, f);
}
