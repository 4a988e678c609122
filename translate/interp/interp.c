/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IR interpreter: the portable backend (-jit off) and the reference the
 * tests compare the x86-64 backend against.  interp_prepare() pre-decodes a
 * block's optimised IR once (operands resolved to value-array slots or CPU
 * state offsets, labels to op indices); interp_run() then executes it op by
 * op.  Globals are read and written in the CPU state directly, so the state
 * is exact at any fault; locals and constants live in a value array.
 * The semantics of every op are those documented in ir-ops.def and ir.h;
 * where this file and the x86-64 backend disagree, this file is right.
 */
#include <stdlib.h>
#include <string.h>
#include "translate/backend.h"
#include "translate/ir.h"
#include "translate/opt.h"
#include "translate/tb.h"
#include "util/log.h"

/* Guest pc of the instruction being interpreted (for faults). */
__thread uint64_t interp_current_pc;
__thread bool interp_active;

static uint64_t width_mask(IRType t) { return t == IR_I32 ? 0xffffffffull : ~0ull; }
static unsigned width_bits(IRType t) { return t == IR_I32 ? 32 : 64; }
static int64_t as_signed(IRType t, uint64_t v) { return t == IR_I32 ? (int32_t)v : (int64_t)v; }

static uint64_t do_divs(IRType t, uint64_t a, uint64_t b)
{
    int64_t sa = as_signed(t, a), sb = as_signed(t, b);
    int64_t min = t == IR_I32 ? INT32_MIN : INT64_MIN;
    if (sb == 0)
        return 0;
    if (sa == min && sb == -1)
        return (uint64_t)min;
    return (uint64_t)(sa / sb);
}

static uint64_t do_rems(IRType t, uint64_t a, uint64_t b)
{
    int64_t sa = as_signed(t, a), sb = as_signed(t, b);
    if (sb == 0)
        return a;
    if (sb == -1)
        return 0;
    return (uint64_t)(sa % sb);
}

static uint64_t do_mulh(IRType t, uint64_t a, uint64_t b, bool sign)
{
    if (t == IR_I32) {
        if (sign)
            return (uint64_t)(((int64_t)(int32_t)a * (int32_t)b) >> 32);
        return ((uint64_t)(uint32_t)a * (uint32_t)b) >> 32;
    }
    if (sign)
        return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static uint64_t do_bswap(IRType t, uint64_t a)
{
    return t == IR_I32 ? __builtin_bswap32((uint32_t)a) : __builtin_bswap64(a);
}

/* Binary and unary arithmetic; inputs already truncated to the width. */
static uint64_t alu(IROpcode opc, IRType t, uint64_t a, uint64_t b)
{
    unsigned w = width_bits(t);
    unsigned sh = (unsigned)(b & (w - 1));

    switch (opc) {
    case IR_OP_mov: return a;
    case IR_OP_add: return a + b;
    case IR_OP_sub: return a - b;
    case IR_OP_mul: return a * b;
    case IR_OP_mulsh: return do_mulh(t, a, b, true);
    case IR_OP_muluh: return do_mulh(t, a, b, false);
    case IR_OP_divs: return do_divs(t, a, b);
    case IR_OP_divu: return b ? a / b : 0;
    case IR_OP_rems: return do_rems(t, a, b);
    case IR_OP_remu: return b ? a % b : a;
    case IR_OP_and: return a & b;
    case IR_OP_or: return a | b;
    case IR_OP_xor: return a ^ b;
    case IR_OP_andc: return a & ~b;
    case IR_OP_orc: return a | ~b;
    case IR_OP_eqv: return a ^ ~b;
    case IR_OP_shl: return a << sh;
    case IR_OP_shr: return a >> sh;
    case IR_OP_sar: return (uint64_t)(as_signed(t, a) >> sh);
    case IR_OP_rotr: return sh ? (a >> sh) | (a << (w - sh)) : a;
    case IR_OP_rotl: return sh ? (a << sh) | (a >> (w - sh)) : a;
    case IR_OP_neg: return -a;
    case IR_OP_not: return ~a;
    case IR_OP_clz: return a ? (unsigned)__builtin_clzll(a) - (64 - w) : w;
    case IR_OP_ctz: return a ? (unsigned)__builtin_ctzll(a) : w;
    case IR_OP_ctpop: return (unsigned)__builtin_popcountll(a);
    case IR_OP_bswap: return do_bswap(t, a);
    case IR_OP_ext8s: return (uint64_t)(int64_t)(int8_t)a;
    case IR_OP_ext8u: return (uint8_t)a;
    case IR_OP_ext16s: return (uint64_t)(int64_t)(int16_t)a;
    case IR_OP_ext16u: return (uint16_t)a;
    case IR_OP_ext32s: return (uint64_t)(int64_t)(int32_t)a;
    case IR_OP_ext32u: return (uint32_t)a;
    case IR_OP_trunc: return (uint32_t)a;
    default: unreachable();
    }
}

static uint64_t bitfield(const IROp *op, uint64_t a, uint64_t b)
{
    unsigned pos = op->args[op->opc == IR_OP_deposit ? 3 : 2];
    unsigned len = op->args[op->opc == IR_OP_deposit ? 4 : 3];
    uint64_t mask = len >= 64 ? ~0ull : (1ull << len) - 1;

    switch (op->opc) {
    case IR_OP_extract:
        return (a >> pos) & mask;
    case IR_OP_sextract:
        return (uint64_t)((int64_t)(a << (64 - pos - len)) >> (64 - len));
    default:
        return (a & ~(mask << pos)) | ((b & mask) << pos);
    }
}

uint64_t ir_eval_pure(const IROp *op, const uint64_t *in)
{
    IRType t = (IRType)op->type;
    uint64_t m = width_mask(t);

    switch (op->opc) {
    case IR_OP_ext32s: case IR_OP_ext32u:
        return alu((IROpcode)op->opc, IR_I64, in[0], 0);
    case IR_OP_extract: case IR_OP_sextract:
        return ir_trunc_to(t, bitfield(op, in[0] & m, 0));
    case IR_OP_deposit:
        return ir_trunc_to(t, bitfield(op, in[0] & m, in[1] & m));
    case IR_OP_setcond:
        return ir_cond_eval((IRCond)op->args[3], t, in[0], in[1]);
    case IR_OP_movcond:
        return ir_trunc_to(t, ir_cond_eval((IRCond)op->args[5], t, in[0], in[1]) ? in[2] : in[3]);
    default:
        return ir_trunc_to(t, alu((IROpcode)op->opc, t, in[0] & m,
                                  ir_op_defs[op->opc].nin > 1 ? in[1] & m : 0));
    }
}

/* ---- guest memory ---- */

static void *host_addr(uint64_t addr)
{
    return (void *)(uintptr_t)(guest_base + addr);
}

static uint64_t mem_load(uint64_t addr, unsigned mo, IRType t)
{
    void *p = host_addr(addr);
    uint64_t v;
    switch (mo & IR_MO_SIZE) {
    case IR_MO_8: v = *(volatile uint8_t *)p; break;
    case IR_MO_16: { uint16_t x; memcpy(&x, p, 2); v = (mo & IR_MO_BE) ? __builtin_bswap16(x) : x; break; }
    case IR_MO_32: { uint32_t x; memcpy(&x, p, 4); v = (mo & IR_MO_BE) ? __builtin_bswap32(x) : x; break; }
    default: { uint64_t x; memcpy(&x, p, 8); v = (mo & IR_MO_BE) ? __builtin_bswap64(x) : x; break; }
    }
    if (mo & IR_MO_SIGN) {
        unsigned sh = 64 - (8u << (mo & IR_MO_SIZE));
        v = (uint64_t)((int64_t)(v << sh) >> sh);
    }
    return ir_trunc_to(t, v);
}

static void mem_store(uint64_t addr, unsigned mo, uint64_t v)
{
    void *p = host_addr(addr);
    switch (mo & IR_MO_SIZE) {
    case IR_MO_8: *(volatile uint8_t *)p = (uint8_t)v; break;
    case IR_MO_16: { uint16_t x = (mo & IR_MO_BE) ? __builtin_bswap16((uint16_t)v) : (uint16_t)v; memcpy(p, &x, 2); break; }
    case IR_MO_32: { uint32_t x = (mo & IR_MO_BE) ? __builtin_bswap32((uint32_t)v) : (uint32_t)v; memcpy(p, &x, 4); break; }
    default: { uint64_t x = (mo & IR_MO_BE) ? __builtin_bswap64(v) : v; memcpy(p, &x, 8); break; }
    }
}

/* Atomic read-modify-write; kind is the opcode.  Byte order: the value is
 * swapped in and out for big-endian memops. */
static uint64_t swap_mo(unsigned mo, uint64_t v)
{
    if (!(mo & IR_MO_BE))
        return v;
    switch (mo & IR_MO_SIZE) {
    case IR_MO_16: return __builtin_bswap16((uint16_t)v);
    case IR_MO_32: return __builtin_bswap32((uint32_t)v);
    case IR_MO_64: return __builtin_bswap64(v);
    default: return v;
    }
}

#define ATOMIC_CASE(T, p, kind, cmpv, newv, out)                                      \
    do {                                                                              \
        T *q_ = (T *)(p), e_ = (T)(cmpv);                                             \
        if ((kind) == IR_OP_cmpxchg) {                                                \
            __atomic_compare_exchange_n(q_, &e_, (T)(newv), false, __ATOMIC_SEQ_CST,  \
                                        __ATOMIC_SEQ_CST);                            \
            out = e_;                                                                 \
        } else if ((kind) == IR_OP_xchg) {                                            \
            out = __atomic_exchange_n(q_, (T)(newv), __ATOMIC_SEQ_CST);               \
        } else {                                                                      \
            out = __atomic_fetch_add(q_, (T)(newv), __ATOMIC_SEQ_CST);                \
        }                                                                             \
    } while (0)

static uint64_t mem_atomic(IROpcode kind, uint64_t addr, unsigned mo, uint64_t cmpv,
                           uint64_t newv)
{
    void *p = host_addr(addr);
    uint64_t out;
    cmpv = swap_mo(mo, cmpv);
    if (kind != IR_OP_fetch_add)
        newv = swap_mo(mo, newv);
    BUG_ON((mo & IR_MO_BE) && kind == IR_OP_fetch_add);
    switch (mo & IR_MO_SIZE) {
    case IR_MO_8: ATOMIC_CASE(uint8_t, p, kind, cmpv, newv, out); break;
    case IR_MO_16: ATOMIC_CASE(uint16_t, p, kind, cmpv, newv, out); break;
    case IR_MO_32: ATOMIC_CASE(uint32_t, p, kind, cmpv, newv, out); break;
    default: ATOMIC_CASE(uint64_t, p, kind, cmpv, newv, out); break;
    }
    out = swap_mo(mo, out);
    if (mo & IR_MO_SIGN) {   /* the old value, sign-extended like a load */
        unsigned sh = 64 - (8u << (mo & IR_MO_SIZE));
        out = (uint64_t)((int64_t)(out << sh) >> sh);
    }
    return out;
}

static uint64_t env_load(CPUCommon *env, int32_t off, unsigned mo)
{
    const uint8_t *p = (const uint8_t *)env + off;
    uint64_t v;
    switch (mo & IR_MO_SIZE) {
    case IR_MO_8: v = *p; break;
    case IR_MO_16: { uint16_t x; memcpy(&x, p, 2); v = x; break; }
    case IR_MO_32: { uint32_t x; memcpy(&x, p, 4); v = x; break; }
    default: memcpy(&v, p, 8); break;
    }
    if (mo & IR_MO_SIGN) {
        unsigned sh = 64 - (8u << (mo & IR_MO_SIZE));
        v = (uint64_t)((int64_t)(v << sh) >> sh);
    }
    return v;
}

static void env_store(CPUCommon *env, int32_t off, unsigned mo, uint64_t v)
{
    uint8_t *p = (uint8_t *)env + off;
    memcpy(p, &v, 1u << (mo & IR_MO_SIZE));
}


/* ---- pre-decoded form ---- */

/* An operand: >= 0 is a slot of the value array (constants first, then
 * locals); < 0 is a global, encoded -(offset * 2 + is_i32) - 1; IENV is the
 * CPU state pointer; INONE an absent operand. */
#define IENV  INT32_MIN
#define INONE (INT32_MIN + 1)

typedef struct IInsn {
    uint16_t opc;
    uint8_t type;
    int32_t a[IR_MAX_ARGS];
} IInsn;

typedef struct InterpCode {
    uint32_t ninsns, nvals, nconsts, nlabels;
    uint64_t *consts;     /* initial values of slots [0, nconsts) */
    uint32_t *labels;     /* label -> instruction index */
    IInsn insns[];
} InterpCode;

static int32_t encode_temp(const IRBlock *b, IRTemp t, const int32_t *slot)
{
    if (t == IR_NONE)
        return INONE;
    const IRTempInfo *ti = &b->temps[t];
    switch (ti->kind) {
    case IR_TEMP_ENV:
        return IENV;
    case IR_TEMP_GLOBAL:
        return -(ti->env_offset * 2 + (ti->type == IR_I32)) - 1;
    default:
        return slot[t];
    }
}

void interp_prepare(TB *tb)
{
    const IRBlock *b = tb->ir;
    InterpCode *c = calloc(1, sizeof(*c) + b->nops * sizeof(IInsn));
    int32_t *slot = malloc(b->ntemps * sizeof(int32_t));
    BUG_ON(!c || !slot);

    for (uint32_t t = 0; t < b->ntemps; t++)
        if (b->temps[t].kind == IR_TEMP_CONST)
            slot[t] = (int32_t)c->nconsts++;
    c->nvals = c->nconsts;
    /* A v128 local takes two consecutive slots. */
    for (uint32_t t = 0; t < b->ntemps; t++)
        if (b->temps[t].kind == IR_TEMP_LOCAL) {
            slot[t] = (int32_t)c->nvals;
            c->nvals += b->temps[t].type == IR_V128 ? 2 : 1;
        }
    c->consts = malloc((c->nconsts + 1) * sizeof(uint64_t));
    c->nlabels = b->nlabels;
    c->labels = malloc((b->nlabels + 1) * sizeof(uint32_t));
    BUG_ON(!c->consts || !c->labels);
    for (uint32_t t = 0; t < b->ntemps; t++)
        if (b->temps[t].kind == IR_TEMP_CONST)
            c->consts[slot[t]] = b->temps[t].value;

    for (uint32_t i = 0; i < b->nops; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *d = &ir_op_defs[op->opc];
        IInsn *in = &c->insns[c->ninsns++];
        unsigned k = 0;
        in->opc = op->opc;
        in->type = op->type;
        for (; k < (unsigned)(d->nout + d->nin); k++)
            in->a[k] = encode_temp(b, op->args[k], slot);
        for (unsigned j = 0; j < d->nconst; j++, k++)
            in->a[k] = (int32_t)op->args[k];
        if (op->opc == IR_OP_label)
            c->labels[op->args[0]] = i;
    }
    free(slot);
    tb->icode = c;
}

void interp_free(TB *tb)
{
    InterpCode *c = tb->icode;
    if (!c)
        return;
    free(c->consts);
    free(c->labels);
    free(c);
    tb->icode = NULL;
}

static uint64_t global_load(uint8_t *env, int32_t x)
{
    uint32_t enc = (uint32_t)(-(x + 1));
    if (enc & 1)
        return *(uint32_t *)(env + (enc >> 1));
    return *(uint64_t *)(env + (enc >> 1));
}

static void global_store(uint8_t *env, int32_t x, uint64_t v)
{
    uint32_t enc = (uint32_t)(-(x + 1));
    if (enc & 1)
        *(uint32_t *)(env + (enc >> 1)) = (uint32_t)v;
    else
        *(uint64_t *)(env + (enc >> 1)) = v;
}

static inline uint64_t rd(const uint64_t *vals, uint8_t *env, int32_t x)
{
    if (__builtin_expect(x >= 0, 1))
        return vals[x];
    if (x == IENV)
        return (uintptr_t)env;
    return global_load(env, x);
}

static inline void wr(uint64_t *vals, uint8_t *env, int32_t x, IRType t, uint64_t v)
{
    v = ir_trunc_to(t, v);
    if (__builtin_expect(x >= 0, 1))
        vals[x] = v;
    else
        global_store(env, x, v);
}

static uint64_t do_call(const IInsn *in, const uint64_t *vals, uint8_t *env)
{
    typedef uint64_t (*Fn)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
    const IRHelper *h = ir_helper_get((uint32_t)in->a[6]);
    uint64_t a[5] = { 0 };
    for (unsigned i = 0; i < 5; i++)
        if (in->a[1 + i] != INONE)
            a[i] = rd(vals, env, in->a[1 + i]);
    return ((Fn)h->fn)(a[0], a[1], a[2], a[3], a[4]);
}

/* ---- vectors: v128 locals are two value slots ---- */

static IRVec *vslot(uint64_t *vals, int32_t x)
{
    BUG_ON(x < 0);
    return (IRVec *)&vals[x];
}

static void exec_vec(const IInsn *in, uint64_t *vals, uint8_t *envp)
{
    const int32_t *a = in->a;
    IRVec v = { .u64 = { 0, 0 } };

    switch (in->opc) {
    case IR_OP_vldenv:
        memcpy(vslot(vals, a[0]), envp + a[1], 16);
        break;
    case IR_OP_vstenv:
        memcpy(envp + a[1], vslot(vals, a[0]), 16);
        break;
    case IR_OP_vld:
        memcpy(&v, host_addr(rd(vals, envp, a[1])), 1u << a[2]);
        *vslot(vals, a[0]) = v;
        break;
    case IR_OP_vst:
        memcpy(host_addr(rd(vals, envp, a[1])), vslot(vals, a[0]), 1u << a[2]);
        break;
    case IR_OP_vec2:
        ir_vec_eval((unsigned)a[3], (unsigned)a[4], (unsigned)a[5], vslot(vals, a[0]),
                    vslot(vals, a[1]), vslot(vals, a[2]), NULL);
        break;
    case IR_OP_vec3:
        ir_vec_eval((unsigned)a[4], (unsigned)a[5], (unsigned)a[6], vslot(vals, a[0]),
                    vslot(vals, a[1]), vslot(vals, a[2]), vslot(vals, a[3]));
        break;
    case IR_OP_vec1:
        ir_vec_eval((unsigned)a[2], (unsigned)a[3], (unsigned)a[4], vslot(vals, a[0]),
                    vslot(vals, a[1]), NULL, NULL);
        break;
    case IR_OP_vdup: {
        uint64_t x = rd(vals, envp, a[1]);
        unsigned n = 16u >> a[2];
        for (unsigned i = 0; i < n; i++)
            memcpy(v.u8 + (i << a[2]), &x, 1u << a[2]);
        *vslot(vals, a[0]) = v;
        break;
    }
    case IR_OP_vget: {
        uint64_t x = 0;
        memcpy(&x, vslot(vals, a[1])->u8 + ((unsigned)a[3] << a[2]), 1u << a[2]);
        wr(vals, envp, a[0], IR_I64, x);
        break;
    }
    case IR_OP_vset: {
        uint64_t x = rd(vals, envp, a[2]);
        v = *vslot(vals, a[1]);
        memcpy(v.u8 + ((unsigned)a[4] << a[3]), &x, 1u << a[3]);
        *vslot(vals, a[0]) = v;
        break;
    }
    default:
        unreachable();
    }
}

/* Every op but the hottest few and the exits. */
static void exec_other(const IInsn *in, uint64_t *vals, uint8_t *envp)
{
    CPUCommon *env = (CPUCommon *)envp;
    IRType t = (IRType)in->type;
    const int32_t *a = in->a;
    uint64_t m = width_mask(t);
    IROp op;   /* bitfield() reads its constants from an IROp */

    switch (in->opc) {
    case IR_OP_ext32s: case IR_OP_ext32u:
        wr(vals, envp, a[0], IR_I64, alu((IROpcode)in->opc, IR_I64, rd(vals, envp, a[1]), 0));
        break;
    case IR_OP_mov: case IR_OP_neg: case IR_OP_not: case IR_OP_clz:
    case IR_OP_ctz: case IR_OP_ctpop: case IR_OP_bswap: case IR_OP_ext8s:
    case IR_OP_ext8u: case IR_OP_ext16s: case IR_OP_ext16u: case IR_OP_trunc:
        wr(vals, envp, a[0], t, alu((IROpcode)in->opc, t, rd(vals, envp, a[1]) & m, 0));
        break;
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
        op.opc = in->opc;
        for (unsigned i = 0; i < IR_MAX_ARGS; i++)
            op.args[i] = (uint32_t)a[i];
        wr(vals, envp, a[0], t, bitfield(&op, rd(vals, envp, a[1]) & m,
                                         in->opc == IR_OP_deposit ? rd(vals, envp, a[2]) & m : 0));
        break;
    case IR_OP_setcond:
        wr(vals, envp, a[0], t, ir_cond_eval((IRCond)a[3], t, rd(vals, envp, a[1]), rd(vals, envp, a[2])));
        break;
    case IR_OP_movcond:
        wr(vals, envp, a[0], t, ir_cond_eval((IRCond)a[5], t, rd(vals, envp, a[1]), rd(vals, envp, a[2]))
                                    ? rd(vals, envp, a[3]) : rd(vals, envp, a[4]));
        break;
    case IR_OP_cmpxchg:
        wr(vals, envp, a[0], t, mem_atomic(IR_OP_cmpxchg, rd(vals, envp, a[1]), (unsigned)a[4],
                                           rd(vals, envp, a[2]), rd(vals, envp, a[3])));
        break;
    case IR_OP_xchg: case IR_OP_fetch_add:
        wr(vals, envp, a[0], t, mem_atomic((IROpcode)in->opc, rd(vals, envp, a[1]), (unsigned)a[3], 0,
                                           rd(vals, envp, a[2])));
        break;
    case IR_OP_mb:
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        break;
    case IR_OP_ldenv:
        wr(vals, envp, a[0], t, env_load(env, a[1], (unsigned)a[2]));
        break;
    case IR_OP_stenv:
        env_store(env, a[1], (unsigned)a[2], rd(vals, envp, a[0]));
        break;
    case IR_OP_fpop: {
        typedef uint64_t (*Fn)(uint8_t *, uint64_t, uint64_t, uint64_t);
        uint64_t x[3] = { 0, 0, 0 };
        for (unsigned i = 0; i < 3; i++)
            if (a[1 + i] != INONE)
                x[i] = rd(vals, envp, a[1 + i]);
        wr(vals, envp, a[0], IR_I64,
           ((Fn)ir_helper_get((uint32_t)a[5])->fn)(envp, x[0], x[1], x[2]));
        break;
    }
    case IR_OP_vfpop: {
        /* the exact helper, which takes the operands from env */
        typedef uint64_t (*Fn)(uint8_t *, uint64_t);
        ((Fn)ir_helper_get((uint32_t)a[5])->fn)(envp, a[6]);
        memcpy(vslot(vals, a[0]), envp + IR_VFP_OFFD(a[4]), 16);
        break;
    }
    case IR_OP_call: {
        uint64_t r = do_call(in, vals, envp);
        if (a[0] != INONE)
            wr(vals, envp, a[0], IR_I64, r);
        break;
    }
    case IR_OP_label: case IR_OP_goto_tb: case IR_OP_discard:
        break;
    case IR_OP_vldenv: case IR_OP_vstenv: case IR_OP_vld: case IR_OP_vst:
    case IR_OP_vec2: case IR_OP_vec1: case IR_OP_vdup: case IR_OP_vget: case IR_OP_vset:
    case IR_OP_vec3:
        exec_vec(in, vals, envp);
        break;
    default:
        wr(vals, envp, a[0], t, alu((IROpcode)in->opc, t, rd(vals, envp, a[1]) & m,
                                    rd(vals, envp, a[2]) & m));
        break;
    }
}

uintptr_t interp_run(TB *tb, CPUCommon *env)
{
    if (!tb->icode)
        interp_prepare(tb);
    const InterpCode *c = tb->icode;
    uint64_t small[512], *vals = c->nvals <= 512 ? small : malloc(c->nvals * sizeof(uint64_t));
    uint8_t *envp = (uint8_t *)env;
    uintptr_t ret = (uintptr_t)tb | TB_EXIT_NOCHAIN;

    BUG_ON(!vals);
    memcpy(vals, c->consts, c->nconsts * sizeof(uint64_t));
    interp_active = true;
    if (env->exit_request)
        goto out;
    for (uint32_t i = 0; i < c->ninsns; i++) {
        const IInsn *in = &c->insns[i];
        const int32_t *a = in->a;
        IRType t = (IRType)in->type;

        switch (in->opc) {
        case IR_OP_insn_start:
            interp_current_pc = (uint32_t)a[0] | ((uint64_t)(uint32_t)a[1] << 32);
            break;
        case IR_OP_add:
            wr(vals, envp, a[0], t, rd(vals, envp, a[1]) + rd(vals, envp, a[2]));
            break;
        case IR_OP_sub:
            wr(vals, envp, a[0], t, rd(vals, envp, a[1]) - rd(vals, envp, a[2]));
            break;
        case IR_OP_and:
            wr(vals, envp, a[0], t, rd(vals, envp, a[1]) & rd(vals, envp, a[2]));
            break;
        case IR_OP_xor:
            wr(vals, envp, a[0], t, rd(vals, envp, a[1]) ^ rd(vals, envp, a[2]));
            break;
        case IR_OP_br:
            i = c->labels[a[0]];
            break;
        case IR_OP_brcond:
            if (ir_cond_eval((IRCond)a[2], t, rd(vals, envp, a[0]), rd(vals, envp, a[1])))
                i = c->labels[a[3]];
            break;
        case IR_OP_ld:
            if (a[2] & IR_MO_MMU)
                wr(vals, envp, a[0], t,
                   ir_softmmu->ld((uintptr_t)envp, rd(vals, envp, a[1]),
                                  (uint32_t)a[2] | (t == IR_I64 ? IR_MO_W64 : 0),
                                  EXEC_HOST_PC_INTERP));
            else
                wr(vals, envp, a[0], t, mem_load(rd(vals, envp, a[1]), (unsigned)a[2], t));
            break;
        case IR_OP_st:
            if (a[2] & IR_MO_MMU)
                ir_softmmu->st((uintptr_t)envp, rd(vals, envp, a[1]), rd(vals, envp, a[0]),
                               (uint32_t)a[2] | (t == IR_I64 ? IR_MO_W64 : 0),
                               EXEC_HOST_PC_INTERP);
            else
                mem_store(rd(vals, envp, a[1]), (unsigned)a[2], rd(vals, envp, a[0]));
            break;
        case IR_OP_exit_tb:
            ret = (uintptr_t)tb | (uint32_t)a[0];
            goto out;
        case IR_OP_exit_excp:
            ret = ((uintptr_t)(uint32_t)a[0] << 2) | TB_EXIT_EXCP;
            goto out;
        case IR_OP_goto_ptr:
            ret = (uintptr_t)tb | TB_EXIT_NOCHAIN;
            goto out;
        default:
            exec_other(in, vals, envp);
            break;
        }
    }
    bug_at(__FILE__, __LINE__, "block at 0x%llx ends without an exit",
           (unsigned long long)tb->pc);
out:
    interp_active = false;
    if (vals != small)
        free(vals);
    return ret;
}
