/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Lowering of the IR's vector ops (vldenv, vstenv, vld, vst, vec1, vec2,
 * vdup, vget, vset) to SSE2..SSE4.1.  Called from lower.c's table; the
 * register allocator calls x64_vec_kill() when a v128 local dies.
 *
 * Where v128 temps live: an op copies its inputs into the scratch
 * registers xmm0..xmm2, computes into xmm0 and keeps the result in one of
 * xmm3..xmm15, a small cache of v128 temps beside regalloc.c's general
 * registers (least recently used out; a temp that dies there is never
 * stored).  Behind the cache each temp has a 16-byte slot in the frame,
 * above the 8-byte spill slots (lower.c's FRAME_SIZE), taken when it is
 * first stored and returned when it dies.  Newer values go to their
 * slots when evicted and at every basic block end (x64_vec_flush before
 * a branch or label), and the cache is emptied at labels and calls: SysV
 * makes every xmm register caller-saved, so no xmm value has to survive a
 * call, and every way into a label finds the values in the slots.
 *
 * The cache also holds copies of scalar FP values (lower-fp.c's fpop
 * results, x64_xshadow_new): an I64 local whose home is its general
 * register has a clean entry here too, so that the next FP operation
 * reads it without a movq from the general register on the dependency
 * chain.  Such an entry is never stored and goes like any other; ra_def
 * and the local's death drop it (x64_xshadow_drop).
 *
 * Self-looping blocks (lower.c) also keep up to X64_VPINS v128 globals
 * in xmm15, xmm14... across their back edge: those the loop reads before
 * it writes them (an accumulator, a constant).  env stays exact: a vstenv
 * still stores, and also copies into the pinned register; a vldenv of a
 * pinned global copies the register instead of loading, which takes the
 * store-to-load forwarding off each iteration's dependency chain.  A call
 * (xmm registers are caller-saved), an integer stenv into the 16 bytes or
 * a label some way into which had lost them make a pinned register stale
 * (vpin_valid); a stale one is loaded again at its next read and at the
 * back edge.
 *
 * Each (kind, element size) of vec1/vec2 is either a row of sse_table
 * (one instruction, maybe with its operands swapped), one of the short
 * sequences below, or -- for the pairs SSE lacks (8-bit shifts, 64-bit
 * multiply, min/max and compares) and on hosts without SSSE3/SSE4.1 --
 * a call of ir_vec_eval_packed(), the C definition the interpreter uses.
 * The kinds of ir-vec-ext.h become the SSE packs and, when cpuid has
 * them, AES-NI, PCLMULQDQ and SHA-NI instructions.
 */
#include <stddef.h>
#include <sys/platform/x86.h>
#include "x64-internal.h"
#include "translate/ir-vec-ext.h"
#include "util/log.h"

#define XA 0   /* xmm0: first operand and result */
#define XB 1
#define XC 2

/* ---- slots and the xmm register cache ---- */

void x64_vec_start(X64Ctx *c)
{
    c->nvslot_free = 0;
    c->nvslots = 0;
    for (int r = 0; r < 16; r++)
        c->vreg[r] = IR_NONE;
    c->vreg_end = 16;
    c->nvpin = 0;
    c->vpin_valid = 0;
}

static X64Mem vhome(X64Ctx *c, IRTemp t)
{
    X64TempState *s = &c->ts[t];

    BUG_ON(c->b->temps[t].kind != IR_TEMP_LOCAL || c->b->temps[t].type != IR_V128);
    if (s->vslot < 0) {
        if (c->nvslot_free)
            s->vslot = c->vslot_free[--c->nvslot_free];
        else if (c->nvslots < X64_NVSLOTS)
            s->vslot = (int16_t)c->nvslots++;
        else
            c->too_big = true;   /* the block is retranslated smaller */
    }
    return x64_frame(8 * X64_NSLOTS + 16 * (s->vslot < 0 ? 0 : s->vslot));
}

static int vfind(const X64Ctx *c, IRTemp t)
{
    for (int r = X64_VREG_FIRST; r < c->vreg_end; r++)
        if (c->vreg[r] == t)
            return r;
    return -1;
}

/* Store cache register r to its temp's slot if it is newer. */
static void vclean(X64Ctx *c, int r)
{
    if (c->vreg[r] != IR_NONE && c->vdirty[r]) {
        emit_sse_store(&c->e, 4, r, vhome(c, c->vreg[r]));
        c->vdirty[r] = false;
    }
}

void x64_vec_flush(X64Ctx *c, bool keep)
{
    for (int r = X64_VREG_FIRST; r < c->vreg_end; r++) {
        if (!c->unreachable)
            vclean(c, r);
        if (!keep)
            c->vreg[r] = IR_NONE;
    }
    if (!keep)
        c->vpin_valid = 0;   /* a call follows, or x64_vpin_label sets them */
}

void x64_vec_kill(X64Ctx *c, IRTemp t)
{
    X64TempState *s = &c->ts[t];
    int r = vfind(c, t);

    if (r >= 0)
        c->vreg[r] = IR_NONE;   /* dead: never stored */
    /* Also a local of several basic blocks: control flow only goes
     * forward but for loops, and regalloc.c's liveness extends a value
     * used in a loop to its end, so nothing reads t's slot after this. */
    if (s->vslot >= 0) {
        c->vslot_free[c->nvslot_free++] = s->vslot;
        s->vslot = -1;
    }
}

/* ---- copies of scalar values ---- */

int x64_xshadow_find(X64Ctx *c, IRTemp t)
{
    int r = c->ts[t].xshadow ? vfind(c, t) : -1;

    if (r >= 0)
        c->vstamp[r] = c->op_index;
    return r;
}

void x64_xshadow_drop(X64Ctx *c, IRTemp t)
{
    int r = vfind(c, t);

    if (r >= 0)
        c->vreg[r] = IR_NONE;
    c->ts[t].xshadow = false;
}

uint16_t x64_live_xmm(const X64Ctx *c, int r)
{
    uint16_t m = 0;

    for (int k = X64_VREG_FIRST; k < 16; k++)
        if (k != r && (k >= c->vreg_end || c->vreg[k] != IR_NONE))
            m |= (uint16_t)(1u << k);
    return m;
}

/* xmm x = t's value. */
static void vget(X64Ctx *c, int x, IRTemp t)
{
    int r = vfind(c, t);

    if (r >= 0) {
        c->vstamp[r] = c->op_index;
        emit_sse_rr(&c->e, X64_MOVDQA_XX, x, r);
    } else {
        emit_sse_load(&c->e, 4, x, vhome(c, t));
    }
}

/* xmm x = the 128-bit constant hi:lo when the frame holds it; false if
 * not. */
static bool frame_const128(X64Ctx *c, int x, uint64_t lo, uint64_t hi)
{
    for (int k = 0; k < X64_NCONSTS; k++)
        if (x64_frame_consts[k][0] == lo && x64_frame_consts[k][1] == hi) {
            emit_sse_load(&c->e, 4, x, x64_frame(X64_CONSTS_OFF + 16 * k));
            return true;
        }
    return false;
}

/* xmm x = the 32-bit (esize 2) or 64-bit v in every lane, from the
 * frame's constants when it is one of them; false if not. */
static bool frame_const(X64Ctx *c, int x, unsigned esize, uint64_t v)
{
    if (esize == 2)
        v = (v & 0xffffffffu) << 32 | (v & 0xffffffffu);
    return frame_const128(c, x, v, v);
}

/* xmm x = the 32-bit constant v in every lane (through X64_SCRATCH). */
static void vconst32(X64Ctx *c, int x, uint32_t v)
{
    if (frame_const(c, x, 2, v))
        return;
    emit_mov_ri(&c->e, X64_SCRATCH, v);
    emit_movq_xr(&c->e, x, X64_SCRATCH);
    emit_pshufd(&c->e, x, x, 0);
}

/* Inputs a (to xmm0) and b (to xmm1, if any). */
static void vget2(X64Ctx *c, IRTemp a, IRTemp b)
{
    if (b != IR_NONE)
        vget(c, XB, b);
    vget(c, XA, a);
}

/* d's value is now in its slot, not in a cache register. */
static void vdrop(X64Ctx *c, IRTemp d)
{
    int r = vfind(c, d);
    if (r >= 0)
        c->vreg[r] = IR_NONE;
}

/* xmm0 holds d's new value: keep it in a cache register (the least
 * recently used one makes room, stored first if it is newer than its
 * slot); it reaches the slot only when evicted or at a flush. */
static void vput(X64Ctx *c, IRTemp d)
{
    int r = vfind(c, d);

    for (int k = X64_VREG_FIRST; r < 0 && k < c->vreg_end; k++)
        if (c->vreg[k] == IR_NONE)
            r = k;
    if (r < 0) {
        r = X64_VREG_FIRST;
        for (int k = X64_VREG_FIRST + 1; k < c->vreg_end; k++)
            if (c->vstamp[k] < c->vstamp[r])
                r = k;
        vclean(c, r);
    }
    emit_sse_rr(&c->e, X64_MOVDQA_XX, r, XA);
    c->vreg[r] = d;
    c->vdirty[r] = true;
    c->vstamp[r] = c->op_index;
}

/* ---- operating in the cache registers ---- */

/* The register holding t: its cache register, or scratch x loaded from
 * its slot. */
static int vsrc(X64Ctx *c, int x, IRTemp t)
{
    int r = vfind(c, t);

    if (r >= 0) {
        c->vstamp[r] = c->op_index;
        return r;
    }
    emit_sse_load(&c->e, 4, x, vhome(c, t));
    return x;
}

/* A cache register to compute d in (its value from now on, newer than
 * its slot), nothing emitted: d's own, or that of a source a in ra which
 * dies at this op, or a free or least recently used one.  The sources'
 * registers were stamped by vsrc, so they are not the ones evicted. */
static int vdst(X64Ctx *c, IRTemp d, IRTemp a, int ra)
{
    int r = vfind(c, d);

    if (r < 0 && a != IR_NONE && ra >= X64_VREG_FIRST && c->ts[a].last_use <= c->op_index)
        r = ra;   /* ra_end_op kills a next: its register is d's */
    for (int k = X64_VREG_FIRST; r < 0 && k < c->vreg_end; k++)
        if (c->vreg[k] == IR_NONE)
            r = k;
    if (r < 0) {
        r = X64_VREG_FIRST;
        for (int k = X64_VREG_FIRST + 1; k < c->vreg_end; k++)
            if (c->vstamp[k] < c->vstamp[r])
                r = k;
        vclean(c, r);
    }
    c->vreg[r] = d;
    c->vdirty[r] = true;
    c->vstamp[r] = c->op_index;
    return r;
}

/* d = a op b as "op rd, rb" after rd = a; d's register. */
static int vbin(X64Ctx *c, X64SseOp op, IRTemp d, IRTemp a, IRTemp b)
{
    int rb = vsrc(c, XB, b), ra = vsrc(c, XA, a), rd;

    rd = vdst(c, d, a, ra);
    if (rd == rb && rb != ra) {
        /* d is b, written in place: keep b */
        emit_sse_rr(&c->e, X64_MOVDQA_XX, XB, rb);
        rb = XB;
    }
    if (rd != ra)
        emit_sse_rr(&c->e, X64_MOVDQA_XX, rd, ra);
    emit_sse_rr(&c->e, op, rd, rb);
    return rd;
}

/* d = a, then d's register for an in-place op. */
static int vcopy(X64Ctx *c, IRTemp d, IRTemp a)
{
    int ra = vsrc(c, XA, a), rd = vdst(c, d, a, ra);

    if (rd != ra)
        emit_sse_rr(&c->e, X64_MOVDQA_XX, rd, ra);
    return rd;
}

int x64_vsrc(X64Ctx *c, int x, IRTemp t)
{
    return vsrc(c, x, t);
}

int x64_xshadow_new(X64Ctx *c, IRTemp d, IRTemp a, int ra)
{
    int r;

    BUG_ON(vfind(c, d) >= 0);   /* (ts[d].xshadow may be left from an evicted copy) */
    r = vdst(c, d, a, ra);
    c->vdirty[r] = false;   /* the general register is its home */
    return r;
}

int x64_vdst(X64Ctx *c, IRTemp d, IRTemp a, int ra)
{
    return vdst(c, d, a, ra);
}

/* ---- the C fallback ---- */

static void vec_call(X64Ctx *c, const IROp *op, unsigned kind, unsigned esize,
                     unsigned imm, IRTemp d, IRTemp a, IRTemp b, IRTemp cc)
{
    uint64_t packed = kind | esize << 8 | (uint64_t)imm << 16;

    x64_vec_flush(c, false);
    ra_before_call(c, op, IR_HELPER_NO_GLOBALS);
    emit_lea(&c->e, true, X64_RSI, vhome(c, a));
    emit_lea(&c->e, true, X64_RDX, vhome(c, b == IR_NONE ? a : b));
    emit_lea(&c->e, true, X64_R8, vhome(c, cc == IR_NONE ? a : cc));
    emit_lea(&c->e, true, X64_RDI, vhome(c, d));
    emit_mov_ri(&c->e, X64_RCX, packed);
    emit_call_abs(&c->e, (uintptr_t)ir_vec_eval_packed, X64_SCRATCH);
    ra_after_call(c, IR_HELPER_NO_GLOBALS);
}

/* ---- one-instruction kinds ---- */

enum { NEED_SSE2, NEED_SSSE3, NEED_SSE41, NEED_SSE42, NEED_NONE_AVAILABLE };
enum { SSE_SWAP = 1 };   /* xmm0 = b, xmm1 = a: "op b, a" */

typedef struct SseRow {
    uint8_t ok;          /* 0: no single instruction for this pair */
    uint8_t op;          /* X64SseOp */
    uint8_t need;        /* NEED_* */
    uint8_t flags;       /* SSE_SWAP */
} SseRow;

#define R(o, n) { 1, X64_##o, NEED_##n, 0 }
#define RS(o, n) { 1, X64_##o, NEED_##n, SSE_SWAP }
#define NO { 0, 0, 0, 0 }
#define ALL4(o) { R(o, SSE2), R(o, SSE2), R(o, SSE2), R(o, SSE2) }

static const SseRow sse_table[IR_VEC_BIN_COUNT][4] = {
    [IR_VEC_ADD] = { R(PADDB, SSE2), R(PADDW, SSE2), R(PADDD, SSE2), R(PADDQ, SSE2) },
    [IR_VEC_SUB] = { R(PSUBB, SSE2), R(PSUBW, SSE2), R(PSUBD, SSE2), R(PSUBQ, SSE2) },
    [IR_VEC_MUL] = { NO, R(PMULLW, SSE2), R(PMULLD, SSE41), NO },
    [IR_VEC_AND] = ALL4(PAND), [IR_VEC_OR] = ALL4(POR), [IR_VEC_XOR] = ALL4(PXOR),
    [IR_VEC_ANDC] = { RS(PANDN, SSE2), RS(PANDN, SSE2), RS(PANDN, SSE2), RS(PANDN, SSE2) },
    [IR_VEC_CMEQ] = { R(PCMPEQB, SSE2), R(PCMPEQW, SSE2), R(PCMPEQD, SSE2), R(PCMPEQQ, SSE41) },
    [IR_VEC_CMGT] = { R(PCMPGTB, SSE2), R(PCMPGTW, SSE2), R(PCMPGTD, SSE2), R(PCMPGTQ, SSE42) },
    [IR_VEC_MINS] = { R(PMINSB, SSE41), R(PMINSW, SSE2), R(PMINSD, SSE41), NO },
    [IR_VEC_MINU] = { R(PMINUB, SSE2), R(PMINUW, SSE41), R(PMINUD, SSE41), NO },
    [IR_VEC_MAXS] = { R(PMAXSB, SSE41), R(PMAXSW, SSE2), R(PMAXSD, SSE41), NO },
    [IR_VEC_MAXU] = { R(PMAXUB, SSE2), R(PMAXUW, SSE41), R(PMAXUD, SSE41), NO },
    [IR_VEC_SQADD] = { R(PADDSB, SSE2), R(PADDSW, SSE2), NO, NO },
    [IR_VEC_UQADD] = { R(PADDUSB, SSE2), R(PADDUSW, SSE2), NO, NO },
    [IR_VEC_SQSUB] = { R(PSUBSB, SSE2), R(PSUBSW, SSE2), NO, NO },
    [IR_VEC_UQSUB] = { R(PSUBUSB, SSE2), R(PSUBUSW, SSE2), NO, NO },
    [IR_VEC_URHADD] = { R(PAVGB, SSE2), R(PAVGW, SSE2), NO, NO },
    [IR_VEC_ZIPLO] = { R(PUNPCKLBW, SSE2), R(PUNPCKLWD, SSE2), R(PUNPCKLDQ, SSE2),
                       R(PUNPCKLQDQ, SSE2) },
    [IR_VEC_ZIPHI] = { R(PUNPCKHBW, SSE2), R(PUNPCKHWD, SSE2), R(PUNPCKHDQ, SSE2),
                       R(PUNPCKHQDQ, SSE2) },
    [IR_VEC_FADD] = { NO, NO, R(ADDPS, SSE2), R(ADDPD, SSE2) },
    [IR_VEC_FSUB] = { NO, NO, R(SUBPS, SSE2), R(SUBPD, SSE2) },
    [IR_VEC_FMUL] = { NO, NO, R(MULPS, SSE2), R(MULPD, SSE2) },
    [IR_VEC_FDIV] = { NO, NO, R(DIVPS, SSE2), R(DIVPD, SSE2) },
};

static bool have(unsigned need)
{
    switch (need) {
    case NEED_SSE2: return true;
    case NEED_SSSE3: return x64_features.ssse3;
    case NEED_SSE41: return x64_features.sse41;
    case NEED_SSE42: return x64_features.sse42;
    default: return false;
    }
}

/* xmm x = all ones. */
static void emit_ones(X64Ctx *c, int x)
{
    emit_sse_rr(&c->e, X64_PCMPEQD, x, x);
}

/* ---- ir-vec-ext.h: narrowing packs, AES-NI, PCLMULQDQ, SHA-NI ---- */

static struct { bool aes, clmul, sha; } host_crypto;

__attribute__((constructor)) static void crypto_features(void)
{
    host_crypto.aes = CPU_FEATURE_ACTIVE(AES);
    host_crypto.clmul = CPU_FEATURE_ACTIVE(PCLMULQDQ);
    host_crypto.sha = CPU_FEATURE_ACTIVE(SHA) && CPU_FEATURE_ACTIVE(SSSE3);
}

/* AESE/AESD: with a zero round key, AESENCLAST is ShiftRows then
 * SubBytes and AESDECLAST their inverses (the order does not matter:
 * SubBytes works byte by byte).  The fused AESEMC/AESDIMC are a whole
 * AESENC/AESDEC round with a zero key. */
static bool lower_aes2(X64Ctx *c, unsigned kind, IRTemp d, IRTemp a, IRTemp b)
{
    X64SseOp2 step = kind == IR_VEC_AESE ? X64_AESENCLAST : kind == IR_VEC_AESD ? X64_AESDECLAST
                   : kind == IR_VEC_AESEMC ? X64_AESENC : X64_AESDEC;
    int rd;

    if (!host_crypto.aes)
        return false;
    rd = vbin(c, X64_PXOR, d, a, b);
    emit_sse_rr(&c->e, X64_PXOR, XC, XC);
    emit_sse2_rr(&c->e, step, rd, XC);
    return true;
}

/* AESMC: AESENC with a zero key is MixColumns(SubBytes(ShiftRows(x))),
 * so AESDECLAST undoes the first two beforehand; AESIMC is the inverse
 * MixColumns itself. */
static bool lower_aes1(X64Ctx *c, unsigned kind, IRTemp d, IRTemp a)
{
    int rd;

    if (!host_crypto.aes)
        return false;
    rd = vcopy(c, d, a);
    if (kind == IR_VEC_AESIMC) {
        emit_sse2_rr(&c->e, X64_AESIMC, rd, rd);
    } else {
        emit_sse_rr(&c->e, X64_PXOR, XC, XC);
        emit_sse2_rr(&c->e, X64_AESDECLAST, rd, XC);
        emit_sse2_rr(&c->e, X64_AESENC, rd, XC);
    }
    return true;
}

static bool lower_clmul(X64Ctx *c, unsigned imm, IRTemp d, IRTemp a, IRTemp b)
{
    if (!host_crypto.clmul)
        return false;
    vget2(c, a, b);
    emit_pclmulqdq(&c->e, XA, XB, imm & 0x11);
    vput(c, d);
    return true;
}

/* SHA256SU0 is SHA256MSG1 (dst = w0..w3, src = w4..w7). */
static bool lower_sha256su0(X64Ctx *c, IRTemp d, IRTemp a, IRTemp b)
{
    if (!host_crypto.sha)
        return false;
    vget2(c, a, b);
    emit_sse2_rr(&c->e, X64_SHA256MSG1, XA, XB);
    vput(c, d);
    return true;
}

/* SHA256SU1: SHA256MSG2 adds sigma1 of src's upper words (and of its own
 * first two results) to dst, so dst = Vd + (Vm:Vn >> 32 bits), src = Vm. */
static bool lower_sha256su1(X64Ctx *c, IRTemp d, IRTemp vd, IRTemp vn, IRTemp vm)
{
    if (!host_crypto.sha)
        return false;
    vget(c, XC, vm);
    vget(c, XB, vn);
    emit_sse_rr(&c->e, X64_MOVDQA_XX, XA, XC);
    emit_palignr(&c->e, XA, XB, 4);
    vget(c, XB, vd);
    emit_sse_rr(&c->e, X64_PADDD, XA, XB);
    emit_sse2_rr(&c->e, X64_SHA256MSG2, XA, XC);
    vput(c, d);
    return true;
}

/* SHA256H/H2: Arm keeps abcd and efgh in lanes 0..3, SHA256RNDS2 wants
 * ABEF and CDGH from lane 3 down (A in lane 3) and does two rounds with
 * the two low words of xmm0, leaving the new ABEF (the new CDGH is the
 * old ABEF).  With X' and Y' the lanes of abcd and efgh reversed,
 * ABEF = punpckhqdq(Y', X') and CDGH = punpcklqdq(Y', X'); after four
 * rounds shufps picks a, b, c, d (0xbb) or e, f, g, h (0x11) back. */
static bool lower_sha256h(X64Ctx *c, unsigned kind, IRTemp d, IRTemp a, IRTemp b, IRTemp w)
{
    bool h2 = kind == IR_VEC_SHA256H2;

    if (!host_crypto.sha)
        return false;
    vget(c, XB, h2 ? b : a);   /* abcd */
    vget(c, XC, h2 ? a : b);   /* efgh */
    emit_pshufd(&c->e, XB, XB, 0x1b);
    emit_pshufd(&c->e, XC, XC, 0x1b);
    emit_sse_rr(&c->e, X64_MOVDQA_XX, XA, XC);
    emit_sse_rr(&c->e, X64_PUNPCKHQDQ, XA, XB);      /* ABEF */
    emit_sse_rr(&c->e, X64_PUNPCKLQDQ, XC, XB);      /* CDGH */
    emit_sse_rr(&c->e, X64_MOVDQA_XX, XB, XA);
    vget(c, XA, w);
    emit_sse2_rr(&c->e, X64_SHA256RNDS2, XC, XB);    /* rounds 0, 1 */
    emit_pshufd(&c->e, XA, XA, 0x0e);
    emit_sse2_rr(&c->e, X64_SHA256RNDS2, XB, XC);    /* rounds 2, 3 */
    emit_sse_rr(&c->e, X64_MOVDQA_XX, XA, XB);
    emit_shufps(&c->e, XA, XC, h2 ? 0x11 : 0xbb);
    vput(c, d);
    return true;
}

/* The saturating narrowings are the packs; for unsigned sources the
 * lanes are first clamped to the narrow maximum (an unsigned min), which
 * the signed-source PACKUS then keeps.  64-bit lanes have no pack. */
static bool lower_narrow(X64Ctx *c, unsigned kind, unsigned esize, IRTemp d, IRTemp a, IRTemp b)
{
    if (esize == 1 && kind != IR_VEC_UQXTN) {
        vget2(c, a, b);
        if (kind == IR_VEC_SQXTN)
            emit_sse2_rr(&c->e, X64_PACKSSWB, XA, XB);
        else
            emit_sse_rr(&c->e, X64_PACKUSWB, XA, XB);
    } else if (esize == 2 && kind == IR_VEC_SQXTN) {
        vget2(c, a, b);
        emit_sse2_rr(&c->e, X64_PACKSSDW, XA, XB);
    } else if ((esize == 1 || esize == 2) && x64_features.sse41) {
        vget2(c, a, b);
        if (kind == IR_VEC_UQXTN) {
            X64SseOp min = esize == 1 ? X64_PMINUW : X64_PMINUD;
            vconst32(c, XC, esize == 1 ? 0x00ff00ffu : 0xffffu);
            emit_sse_rr(&c->e, min, XA, XC);
            emit_sse_rr(&c->e, min, XB, XC);
        }
        emit_sse_rr(&c->e, esize == 1 ? X64_PACKUSWB : X64_PACKUSDW, XA, XB);
    } else {
        return false;
    }
    vput(c, d);
    return true;
}

/* One of ir-vec-ext.h's kinds, or false for the C fallback. */
static bool lower_ext(X64Ctx *c, const IROp *op)
{
    IRTemp d = op->args[0], a = op->args[1], b = op->args[2];

    switch (op->opc == IR_OP_vec1 ? op->args[2] : op->opc == IR_OP_vec2 ? op->args[3]
                                                                         : op->args[4]) {
    case IR_VEC_SQXTN: case IR_VEC_UQXTN: case IR_VEC_SQXTUN:
        return op->opc == IR_OP_vec2 && lower_narrow(c, op->args[3], op->args[4], d, a, b);
    case IR_VEC_AESE: case IR_VEC_AESD: case IR_VEC_AESEMC: case IR_VEC_AESDIMC:
        return lower_aes2(c, op->args[3], d, a, b);
    case IR_VEC_AESMC: case IR_VEC_AESIMC:
        return lower_aes1(c, op->args[2], d, a);
    case IR_VEC_CLMUL:
        return lower_clmul(c, op->args[5], d, a, b);
    case IR_VEC_SHA256SU0:
        return lower_sha256su0(c, d, a, b);
    case IR_VEC_SHA256SU1:
        return lower_sha256su1(c, d, a, b, op->args[3]);
    case IR_VEC_SHA256H: case IR_VEC_SHA256H2:
        return lower_sha256h(c, op->args[4], d, a, b, op->args[3]);
    default:
        return false;
    }
}

/* ---- vec2 ---- */

/* The vec1 NOT that follows op (the next op) when it is the only reader
 * of op's result: its output, else IR_NONE. */
static IRTemp negated_next(const X64Ctx *c, const IROp *op)
{
    const IROp *next = op + 1;

    if (c->op_index + 1 >= c->b->nops || next->opc != IR_OP_vec1 ||
        next->args[2] != IR_VEC_NOT || next->args[1] != op->args[0] ||
        c->ts[op->args[0]].last_use != c->op_index + 1)
        return IR_NONE;
    return next->args[0];
}

static const uint8_t max_ops[2][3] = {
    { X64_PMAXSB, X64_PMAXSW, X64_PMAXSD }, { X64_PMAXUB, X64_PMAXUW, X64_PMAXUD },
};
static const uint8_t eq_ops[3] = { X64_PCMPEQB, X64_PCMPEQW, X64_PCMPEQD };

/* xmm0 = all ones in the lanes where a <= b (max(a, b) == b), signed or
 * unsigned. */
static void emit_le(X64Ctx *c, bool uns, unsigned esize, IRTemp a, IRTemp b)
{
    vget2(c, a, b);
    emit_sse_rr(&c->e, max_ops[uns][esize], XA, XB);
    emit_sse_rr(&c->e, eq_ops[esize], XA, XB);
}

/* a > b unsigned: not a <= b.  A NOT right after (CMHS, the recipe's
 * swapped and negated CMHI) cancels: a <= b goes into the NOT's output,
 * which lower.c then skips. */
static bool lower_cmgtu(X64Ctx *c, const IROp *op, unsigned esize, IRTemp d, IRTemp a, IRTemp b)
{
    IRTemp neg = negated_next(c, op);

    if (esize > 2 || (esize > 0 && !x64_features.sse41))
        return false;
    emit_le(c, true, esize, a, b);
    if (neg != IR_NONE) {
        vput(c, neg);
        c->skip_op = c->op_index + 1;
        return true;
    }
    emit_ones(c, XB);
    emit_sse_rr(&c->e, X64_PXOR, XA, XB);
    vput(c, d);
    return true;
}

/* CMGT followed by a NOT of it alone (CMGE, CMGE0, CMLE0): a <= b signed
 * (B, H, S lanes) into the NOT's output; else CMGT's sse_table row. */
static bool lower_cmgt_not(X64Ctx *c, const IROp *op, unsigned esize, IRTemp a, IRTemp b)
{
    IRTemp neg = negated_next(c, op);

    if (neg == IR_NONE || esize > 2 || (esize != 1 && !x64_features.sse41))
        return false;
    emit_le(c, false, esize, a, b);
    vput(c, neg);
    c->skip_op = c->op_index + 1;
    return true;
}

/* TBL: pshufb zeroes a lane whose index has bit 7 set and otherwise uses
 * its low four bits; Arm zeroes every index >= 16.  Adding 0x70 with
 * unsigned saturation maps 0..15 to 0x70..0x7f and 16..255 to >= 0x80. */
static bool lower_tbl(X64Ctx *c, IRTemp d, IRTemp a, IRTemp b)
{
    if (!x64_features.ssse3)
        return false;
    vget2(c, a, b);
    vconst32(c, XC, 0x70707070);
    emit_sse_rr(&c->e, X64_PADDUSB, XB, XC);
    emit_sse_rr(&c->e, X64_PSHUFB, XA, XB);
    vput(c, d);
    return true;
}

/* UZP1/UZP2: the even (odd) lanes of a then b.  64-bit lanes are the
 * qword unpacks, 32-bit a shufps; narrower lanes are isolated in the low
 * half of each double-width lane (masked or shifted down), then packed
 * with unsigned saturation, which cannot saturate what fits. */
static bool lower_uzp(X64Ctx *c, unsigned kind, unsigned esize, IRTemp d, IRTemp a, IRTemp b)
{
    bool odd = kind == IR_VEC_UZP2;

    if (esize == 1 && !x64_features.sse41)
        return false;
    vget2(c, a, b);
    if (esize == 3) {
        emit_sse_rr(&c->e, odd ? X64_PUNPCKHQDQ : X64_PUNPCKLQDQ, XA, XB);
    } else if (esize == 2) {
        emit_shufps(&c->e, XA, XB, odd ? 0xdd : 0x88);
    } else {
        X64SseShift sh = esize == 0 ? X64_PSRLW : X64_PSRLD;
        unsigned bits = 8u << esize;
        if (odd) {
            emit_sse_shift(&c->e, sh, XA, bits);
            emit_sse_shift(&c->e, sh, XB, bits);
        } else {
            emit_ones(c, XC);
            emit_sse_shift(&c->e, sh, XC, bits);
            emit_sse_rr(&c->e, X64_PAND, XA, XC);
            emit_sse_rr(&c->e, X64_PAND, XB, XC);
        }
        emit_sse_rr(&c->e, esize == 0 ? X64_PACKUSWB : X64_PACKUSDW, XA, XB);
    }
    vput(c, d);
    return true;
}

static bool lower_vec2(X64Ctx *c, const IROp *op)
{
    IRTemp d = op->args[0], a = op->args[1], b = op->args[2];
    unsigned kind = op->args[3], esize = op->args[4], imm = op->args[5];
    const SseRow *r;

    if (kind >= IR_VEC_EXT_FIRST)
        return lower_ext(c, op);
    switch (kind) {
    case IR_VEC_CMGTU:
        return lower_cmgtu(c, op, esize, d, a, b);
    case IR_VEC_CMGT:
        if (lower_cmgt_not(c, op, esize, a, b))
            return true;
        break;
    case IR_VEC_TBL:
        return lower_tbl(c, d, a, b);
    case IR_VEC_UZP1: case IR_VEC_UZP2:
        return lower_uzp(c, kind, esize, d, a, b);
    case IR_VEC_EXT:
        /* palignr dst, src, n: bytes n.. of dst:src, src the low half. */
        if (!x64_features.ssse3)
            return false;
        vget2(c, b, a);
        emit_palignr(&c->e, XA, XB, imm & 15);
        vput(c, d);
        return true;
    default:
        break;
    }
    r = &sse_table[kind][esize];
    if (!r->ok || !have(r->need))
        return false;
    if (r->flags & SSE_SWAP)
        vbin(c, r->op, d, b, a);
    else
        vbin(c, r->op, d, a, b);
    return true;
}

/* ---- vec1 ---- */

static const uint8_t shift_ops[3][4] = {
    /* by esize 0..3; 0xff: none */
    [0] = { 0xff, X64_PSLLW, X64_PSLLD, X64_PSLLQ },
    [1] = { 0xff, X64_PSRLW, X64_PSRLD, X64_PSRLQ },
    [2] = { 0xff, X64_PSRAW, X64_PSRAD, 0xff },
};

static bool lower_widen(X64Ctx *c, unsigned kind, unsigned esize, unsigned hi,
                        IRTemp d, IRTemp a)
{
    static const uint8_t sx[3] = { X64_PMOVSXBW, X64_PMOVSXWD, X64_PMOVSXDQ };
    static const uint8_t zx[3] = { X64_PMOVZXBW, X64_PMOVZXWD, X64_PMOVZXDQ };

    int ra, rd;

    if (esize > 2 || !x64_features.sse41)
        return false;
    ra = vsrc(c, XA, a);
    if (hi) {
        if (ra != XA)
            emit_sse_rr(&c->e, X64_MOVDQA_XX, XA, ra);
        emit_sse_shift(&c->e, X64_PSRLDQ, XA, 8);
        ra = XA;
    }
    rd = vdst(c, d, a, ra);
    emit_sse_rr(&c->e, (kind == IR_VEC_SXTL ? sx : zx)[esize], rd, ra);
    return true;
}

/* xmm x = all ones in the FP lanes (esize 2, 3) of xmm src that are not
 * a normal number above the smallest normal (IR_VEC_FSPECIAL): with
 * t = |lane| as an integer, t + bias wraps t = min normal + 1 to the
 * smallest signed number and the largest finite number to limit, so
 * "t + bias > limit" (signed) is the rest.  Three ops on the frame's
 * aligned constants; false on a host without pcmpgtq for doubles. */
bool x64_fspecial_ok(unsigned esize)
{
    return esize == 2 || (esize == 3 && x64_features.sse42);
}

void x64_emit_fbias(X64Ctx *c, int x, int src, unsigned esize)
{
    int k = esize == 3 ? 3 : 0;

    if (x != src)
        emit_sse_rr(&c->e, X64_MOVDQA_XX, x, src);
    emit_sse_rm(&c->e, X64_PAND, x, x64_frame(X64_CONSTS_OFF + 16 * k));
    emit_sse_rm(&c->e, esize == 3 ? X64_PADDQ : X64_PADDD, x,
                x64_frame(X64_CONSTS_OFF + 16 * (k + 1)));
}

X64Mem x64_fspecial_limit(unsigned esize)
{
    return x64_frame(X64_CONSTS_OFF + 16 * (esize == 3 ? 5 : 2));
}

bool x64_emit_fspecial(X64Ctx *c, int x, int src, unsigned esize)
{
    if (!x64_fspecial_ok(esize))
        return false;
    x64_emit_fbias(c, x, src, esize);
    emit_sse_rm(&c->e, esize == 3 ? X64_PCMPGTQ : X64_PCMPGTD, x, x64_fspecial_limit(esize));
    return true;
}

static bool lower_fspecial(X64Ctx *c, unsigned esize, IRTemp d, IRTemp a)
{
    if (!x64_emit_fspecial(c, XA, vsrc(c, XA, a), esize))
        return false;
    vput(c, d);
    return true;
}

/* IR_VEC_REV: bytes through pshufb with the frame's mask; 16-bit lanes
 * with pshuflw and pshufhw, 32-bit ones with pshufd, each by the lane
 * indices with the flipped bits (ir_vec_rev_flip) applied. */
static bool lower_rev(X64Ctx *c, unsigned esize, unsigned imm, IRTemp d, IRTemp a)
{
    unsigned flip = ir_vec_rev_flip(esize, imm), sel = 0;

    for (unsigned j = 0; j < 4; j++)
        sel |= (j ^ (flip >> esize)) << (2 * j);
    if (esize == 0) {
        uint64_t m[2] = { 0, 0 };
        for (unsigned i = 0; i < 16; i++)
            m[i / 8] |= (uint64_t)(i ^ flip) << (8 * (i % 8));
        if (!x64_features.ssse3)
            return false;
        vget(c, XA, a);
        if (!frame_const128(c, XB, m[0], m[1]))
            return false;
        emit_sse_rr(&c->e, X64_PSHUFB, XA, XB);
    } else if (esize == 1) {
        vget(c, XA, a);
        emit_pshufw(&c->e, false, XA, XA, sel);
        emit_pshufw(&c->e, true, XA, XA, sel);
    } else {
        vget(c, XA, a);
        emit_pshufd(&c->e, XA, XA, sel);
    }
    vput(c, d);
    return true;
}

static bool lower_vec1(X64Ctx *c, const IROp *op)
{
    static const uint8_t abs_ops[3] = { X64_PABSB, X64_PABSW, X64_PABSD };
    static const uint8_t sub_ops[4] = { X64_PSUBB, X64_PSUBW, X64_PSUBD, X64_PSUBQ };
    IRTemp d = op->args[0], a = op->args[1];
    unsigned kind = op->args[2], esize = op->args[3], imm = op->args[4];

    if (kind >= IR_VEC_EXT_FIRST)
        return lower_ext(c, op);
    switch (kind) {
    case IR_VEC_NOT:
        vget2(c, a, IR_NONE);
        emit_ones(c, XB);
        emit_sse_rr(&c->e, X64_PXOR, XA, XB);
        break;
    case IR_VEC_ABS:
        if (esize > 2 || !x64_features.ssse3)
            return false;
        vget2(c, a, IR_NONE);
        emit_sse_rr(&c->e, abs_ops[esize], XA, XA);
        break;
    case IR_VEC_NEG:
        vget(c, XB, a);
        emit_sse_rr(&c->e, X64_PXOR, XA, XA);
        emit_sse_rr(&c->e, sub_ops[esize], XA, XB);
        break;
    case IR_VEC_SHLI: case IR_VEC_SHRI: case IR_VEC_SARI: {
        uint8_t s = shift_ops[kind - IR_VEC_SHLI][esize];
        if (s == 0xff)
            return false;
        /* counts past the lane width give 0 (sign fill for sar), as the
         * IR defines; keep the immediate within a byte */
        emit_sse_shift(&c->e, s, vcopy(c, d, a), imm > 64 ? 64 : imm);
        return true;
    }
    case IR_VEC_SXTL: case IR_VEC_UXTL:
        return lower_widen(c, kind, esize, imm, d, a);
    case IR_VEC_FSPECIAL:
        return lower_fspecial(c, esize, d, a);
    case IR_VEC_REV:
        return lower_rev(c, esize, imm, d, a);
    case IR_VEC_MOV:
        vcopy(c, d, a);
        return true;
    case IR_VEC_ZEXT64:
        vget2(c, a, IR_NONE);
        emit_sse_rr(&c->e, X64_MOVQ_XX, XA, XA);
        break;
    case IR_VEC_FSQRT:
        if (esize < 2)
            return false;
        vget2(c, a, IR_NONE);
        emit_sse_rr(&c->e, esize == 2 ? X64_SQRTPS : X64_SQRTPD, XA, XA);
        break;
    default:
        return false;
    }
    vput(c, d);
    return true;
}

/* ---- vec3: FMA3 (VEX), when the host has it ---- */

static bool lower_vec3(X64Ctx *c, const IROp *op)
{
    unsigned kind = op->args[4], esize = op->args[5];

    if (kind >= IR_VEC_EXT_FIRST)
        return lower_ext(c, op);
    if (!x64_features.fma || esize < 2)
        return false;
    vget(c, XC, op->args[3]);
    vget(c, XB, op->args[2]);
    vget(c, XA, op->args[1]);
    emit_fma231(&c->e, esize == 3, kind == IR_VEC_FMS, XA, XB, XC);
    vput(c, op->args[0]);
    return true;
}

/* ---- v128 globals pinned around a self-loop ---- */

static int vpin_reg(unsigned k)
{
    return 15 - (int)k;
}

/* The pin of the v128 global at env + off, or -1. */
static int vpin_find(const X64Ctx *c, int32_t off)
{
    for (unsigned k = 0; k < c->nvpin; k++)
        if (c->vpin_off[k] == off)
            return (int)k;
    return -1;
}

/* Do [a, a + alen) and [b, b + blen) of env meet? */
static bool overlap(int32_t a, unsigned alen, int32_t b, unsigned blen)
{
    return a < b + (int32_t)blen && b < a + (int32_t)alen;
}

void x64_vpin_entry(X64Ctx *c)
{
    enum { MAXC = 16 };
    int32_t off[MAXC];
    bool read_first[MAXC], written[MAXC], bad[MAXC];
    unsigned n = 0;

    /* Candidates: the 16 bytes each vldenv or vstenv names; bad where
     * another vector access overlaps them at another offset. */
    for (uint32_t i = 0; i < c->b->nops; i++) {
        const IROp *op = &c->b->ops[i];
        bool st = op->opc == IR_OP_vstenv;
        int32_t o;
        unsigned k;

        if (!st && op->opc != IR_OP_vldenv)
            continue;
        o = (int32_t)op->args[1];
        for (k = 0; k < n && off[k] != o; k++)
            ;
        if (k == n) {
            if (n == MAXC)
                return;
            off[n] = o;
            read_first[n] = !st;
            written[n] = bad[n] = false;
            for (unsigned j = 0; j < n; j++)
                if (overlap(o, 16, off[j], 16))
                    bad[n] = bad[j] = true;
            n++;
        }
        written[k] |= st;
    }
    /* Carried values (read, then written) first, then loop constants;
     * a global written before it is read gains nothing. */
    for (int pass = 0; pass < 2; pass++)
        for (unsigned k = 0; k < n && c->nvpin < X64_VPINS; k++)
            if (read_first[k] && !bad[k] && written[k] == !pass)
                c->vpin_off[c->nvpin++] = off[k];
    c->vreg_end = 16 - (int)c->nvpin;
    for (unsigned k = 0; k < c->nvpin; k++)
        emit_sse_load(&c->e, 4, vpin_reg(k), x64_mem(X64_ENV, c->vpin_off[k]));
    c->vpin_valid = (uint8_t)((1u << c->nvpin) - 1);
}

void x64_vpin_back(X64Ctx *c)
{
    for (unsigned k = 0; k < c->nvpin; k++)
        if (!(c->vpin_valid & (1u << k)))
            emit_sse_load(&c->e, 4, vpin_reg(k), x64_mem(X64_ENV, c->vpin_off[k]));
}

/* Before ra_jump marks the label jumped. */
void x64_vpin_jump(X64Ctx *c, uint32_t l)
{
    X64Label *lab = &c->labels[l];

    lab->vpin_in = lab->jumped ? lab->vpin_in & c->vpin_valid : c->vpin_valid;
}

/* Instead of lower.c's x64_vec_flush at label l, before ra_label. */
void x64_vpin_label(X64Ctx *c, uint32_t l)
{
    const X64Label *lab = &c->labels[l];
    uint8_t in = c->unreachable ? 0xff : c->vpin_valid;

    if (lab->backward || (c->unreachable && !lab->jumped))
        in = 0;
    else if (lab->jumped)
        in &= lab->vpin_in;
    x64_vec_flush(c, false);
    c->vpin_valid = in;
}

void x64_vpin_env_write(X64Ctx *c, int32_t off, unsigned size)
{
    for (unsigned k = 0; k < c->nvpin; k++)
        if (overlap(off, 1u << size, c->vpin_off[k], 16))
            c->vpin_valid &= (uint8_t)~(1u << k);
}

/* ---- moves between vectors, env, memory and integers ---- */

static void lower_env(X64Ctx *c, const IROp *op)
{
    bool st = op->opc == IR_OP_vstenv;
    int32_t off = (int32_t)op->args[1];
    int pin = vpin_find(c, off), r;

    /* a global that overlaps the 16 bytes is written back (or forgotten) */
    ra_env_access(c, off, 3, st);
    ra_env_access(c, off + 8, 3, st);
    if (st) {
        r = vsrc(c, XA, op->args[0]);
        emit_sse_store(&c->e, 4, r, x64_mem(X64_ENV, off));
    } else if (pin >= 0 && (c->vpin_valid & (1u << pin))) {
        emit_sse_rr(&c->e, X64_MOVDQA_XX, vdst(c, op->args[0], IR_NONE, -1), vpin_reg(pin));
        return;
    } else {
        r = vdst(c, op->args[0], IR_NONE, -1);
        emit_sse_load(&c->e, 4, r, x64_mem(X64_ENV, off));
    }
    if (pin >= 0) {
        emit_sse_rr(&c->e, X64_MOVDQA_XX, vpin_reg(pin), r);
        c->vpin_valid |= (uint8_t)(1u << pin);
    }
}

/* Guest memory: a fault inside is precise (the host pc maps to the
 * instruction through insn_start, the dirty globals come from the fault
 * map: faultmap.c). */
static void lower_mem(X64Ctx *c, const IROp *op)
{
    unsigned lg = op->args[2];
    X64Mem m;

    BUG_ON(lg < 2 || lg > 4);
    if (op->opc == IR_OP_vst) {
        int r = vsrc(c, XA, op->args[0]);
        m = x64_guest_addr(c, op->args[1]);
        x64_fault_site(c);
        emit_sse_store(&c->e, lg, r, m);
    } else {
        int r;
        m = x64_guest_addr(c, op->args[1]);
        r = vdst(c, op->args[0], IR_NONE, -1);
        x64_fault_site(c);
        emit_sse_load(&c->e, lg, r, m);
    }
}

/* vdup: movq, then spread lane 0, in d's cache register.  A 64-bit dup
 * whose only reader is the next op, a vset of lane 1 (an X register pair
 * built for one 16-byte store), leaves lane 1 alone: the vset writes it. */
static bool lower_dup(X64Ctx *c, const IROp *op)
{
    unsigned esize = op->args[2];
    const IROp *next = op + 1;
    int r, rd;

    if (esize == 0 && !x64_features.ssse3)
        return false;
    r = ra_use(c, op->args[1]);
    rd = vdst(c, op->args[0], IR_NONE, -1);
    emit_movq_xr(&c->e, rd, r);
    switch (esize) {
    case 0:
        emit_sse_rr(&c->e, X64_PXOR, XB, XB);
        emit_sse_rr(&c->e, X64_PSHUFB, rd, XB);
        break;
    case 1:
        emit_sse_rr(&c->e, X64_PUNPCKLWD, rd, rd);
        emit_pshufd(&c->e, rd, rd, 0);
        break;
    case 2:
        emit_pshufd(&c->e, rd, rd, 0);
        break;
    default:
        if (c->op_index + 1 < c->b->nops && next->opc == IR_OP_vset &&
            next->args[1] == op->args[0] && next->args[3] == 3 && next->args[4] == 1 &&
            x64_features.sse41 && c->ts[op->args[0]].last_use == c->op_index + 1)
            break;
        emit_sse_rr(&c->e, X64_PUNPCKLQDQ, rd, rd);
        break;
    }
    return true;
}

static void lower_get(X64Ctx *c, const IROp *op)
{
    unsigned esize = op->args[2], idx = op->args[3];
    int rv = vsrc(c, XA, op->args[1]);
    int rd = ra_out(c, op, op->args[0]);

    if (x64_features.sse41) {
        emit_pextr(&c->e, esize, rd, rv, idx);
    } else {
        if (rv != XA)
            emit_sse_rr(&c->e, X64_MOVDQA_XX, XA, rv);
        /* plain SSE2: the lane's quadword, then shift and mask */
        unsigned bits = 8u << esize, pos = (idx << esize) * 8;
        if (pos >= 64) {
            emit_pshufd(&c->e, XB, XA, 0xee);
            emit_movq_rx(&c->e, rd, XB);
        } else {
            emit_movq_rx(&c->e, rd, XA);
        }
        if (pos % 64)
            emit_shift_ri(&c->e, X64_SHR, true, rd, pos % 64);
        if (bits < 32)
            emit_movzx_rr(&c->e, esize, rd, rd);
        else if (bits == 32)
            emit_mov_rr(&c->e, false, rd, rd);
    }
    ra_def(c, op->args[0], rd);
}

static bool lower_set(X64Ctx *c, const IROp *op)
{
    unsigned esize = op->args[3], idx = op->args[4];
    int r;

    if (esize != 1 && !x64_features.sse41)
        return false;
    r = ra_use(c, op->args[2]);
    emit_pinsr(&c->e, esize, vcopy(c, op->args[0], op->args[1]), r, idx);
    return true;
}

/* vdup/vset without the needed extension (no SSSE3/SSE4.1 host, rare):
 * integer stores into d's slot. */
static void lower_dup_set_plain(X64Ctx *c, const IROp *op)
{
    bool set = op->opc == IR_OP_vset;
    unsigned esize = op->args[set ? 3 : 2];
    X64Mem dm = vhome(c, op->args[0]);
    int r = ra_use(c, op->args[set ? 2 : 1]);

    if (set)
        vget(c, XA, op->args[1]);
    /* d is written in its slot: a cached older value must go */
    vdrop(c, op->args[0]);
    if (set) {
        emit_sse_store(&c->e, 4, XA, dm);
        dm.disp += (int32_t)(op->args[4] << esize);
        emit_store(&c->e, esize, r, dm);
        return;
    }
    for (unsigned i = 0; i < 16u >> esize; i++) {
        X64Mem m = dm;
        m.disp += (int32_t)(i << esize);
        emit_store(&c->e, esize, r, m);
    }
}

void x64_lower_vec(X64Ctx *c, const IROp *op)
{
    bool done = true;

    switch (op->opc) {
    case IR_OP_vldenv: case IR_OP_vstenv:
        lower_env(c, op);
        break;
    case IR_OP_vld: case IR_OP_vst:
        lower_mem(c, op);
        break;
    case IR_OP_vec2:
        if (!lower_vec2(c, op))
            vec_call(c, op, op->args[3], op->args[4], op->args[5], op->args[0],
                     op->args[1], op->args[2], IR_NONE);
        break;
    case IR_OP_vec3:
        if (!lower_vec3(c, op))
            vec_call(c, op, op->args[4], op->args[5], op->args[6], op->args[0],
                     op->args[1], op->args[2], op->args[3]);
        break;
    case IR_OP_vec1:
        if (!lower_vec1(c, op))
            vec_call(c, op, op->args[2], op->args[3], op->args[4], op->args[0],
                     op->args[1], IR_NONE, IR_NONE);
        break;
    case IR_OP_vdup:
        done = lower_dup(c, op);
        break;
    case IR_OP_vget:
        lower_get(c, op);
        break;
    case IR_OP_vset:
        done = lower_set(c, op);
        break;
    default:
        unreachable();
    }
    if (!done)
        lower_dup_set_plain(c, op);
}
