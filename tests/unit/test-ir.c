/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Differential test of the IR pipeline: random blocks of IR (every pure
 * op at both widths, edge constants, forward branches, guest memory
 * accesses, helper calls, and the v128 ops: every vector kind at every
 * element size, vector loads and stores) are run three ways -- the interpreter on the raw
 * IR, the interpreter on the optimised IR, and the x86-64 backend on the
 * optimised IR -- and the resulting CPU state and memory must agree.  Any
 * difference prints the seed and the block.
 *
 * The second half of the iterations runs with the optional host
 * instructions turned off, so the backend's plain paths are checked too.
 *
 * Usage: test-ir [iterations] [seed]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "translate/backend.h"
#include "translate/codebuf.h"
#include "translate/ir.h"
#include "translate/opt.h"
#include "translate/tb.h"
#include "translate/x86_64/x64-internal.h"
#include "util/log.h"
#include "xorshift.h"

#define NG 8   /* globals g0..g7 */

#define NV 4   /* vector registers v0..v3 (vldenv/vstenv) */

typedef struct TestEnv {
    CPUCommon common;
    uint64_t g[NG];
    uint64_t side;        /* written by helper_side */
    _Alignas(16) IRVec v[NV];
    ExecJitFrame jit_frame;
} TestEnv;

static IRGlobals globals;
static IRTemp gl[NG], gpc;
static uint8_t scratch[512] __attribute__((aligned(16)));

static uint64_t helper_mix(uint64_t a, uint64_t b) { return a * 31 + (b ^ (b >> 7)); }
static uint64_t helper_side(uint64_t env, uint64_t v)
{
    TestEnv *e = (TestEnv *)(uintptr_t)env;
    e->g[3] ^= v;          /* writes a global behind the IR's back */
    e->side += v;
    return e->g[0] + v;
}
static uint64_t helper_five(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e)
{
    return a + 3 * b + 5 * c + 7 * d + 11 * e;
}
static IRHelper h_mix = { (void *)helper_mix, "mix", 2, IR_HELPER_PURE | IR_HELPER_NO_GLOBALS, 0 };
static IRHelper h_side = { (void *)helper_side, "side", 2, 0, 0 };
static IRHelper h_five = { (void *)helper_five, "five", 5, IR_HELPER_NO_GLOBALS, 0 };

/* ---- random generation ---- */

static uint64_t rng_state;
static uint64_t rnd(void) { return xorshift64(&rng_state); }
static unsigned rndn(unsigned n) { return (unsigned)(rnd() % n); }

static uint64_t edge_value(void)
{
    static const uint64_t edges[] = {
        0, 1, 2, 31, 32, 63, 64, ~0ull, 0x7fffffffull, 0x80000000ull, 0xffffffffull,
        0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffff80000000ull,
    };
    return rndn(3) ? edges[rndn(sizeof(edges) / sizeof(edges[0]))] : rnd();
}

typedef struct Gen {
    IRBlock *b;
    IRTemp pool[256];
    unsigned npool;
    IRTemp vpool[64];    /* v128 temps with a value */
    unsigned nvpool;
    IRTemp fpool[32];    /* v128 temps of finite floats (no NaN payloads:
                          * the host's NaN choice is not the IR's business) */
    unsigned nfpool;
} Gen;

static IRTemp pick_input(Gen *g, IRType t)
{
    switch (rndn(4)) {
    case 0: return ir_const(g->b, t, edge_value());
    case 1: return gl[rndn(NG)];
    default: return g->npool ? g->pool[rndn(g->npool)] : gl[rndn(NG)];
    }
}

static IRTemp pick_output(Gen *g, IRType t)
{
    if (rndn(3) == 0)
        return gl[rndn(NG)];
    IRTemp d = ir_new_temp(g->b, t);
    if (g->npool < 256)
        g->pool[g->npool++] = d;
    return d;
}

static const IROpcode bin_ops[] = {
    IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_divs, IR_OP_divu,
    IR_OP_rems, IR_OP_remu, IR_OP_and, IR_OP_or, IR_OP_xor, IR_OP_andc, IR_OP_orc,
    IR_OP_eqv, IR_OP_shl, IR_OP_shr, IR_OP_sar, IR_OP_rotr, IR_OP_rotl,
};
static const IROpcode un_ops[] = {
    IR_OP_mov, IR_OP_neg, IR_OP_not, IR_OP_clz, IR_OP_ctz, IR_OP_ctpop, IR_OP_bswap,
    IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s, IR_OP_ext16u,
};

/* ---- vectors ---- */

static IRTemp vnew(Gen *g, bool fp)
{
    IRTemp d = ir_new_temp(g->b, IR_V128);
    if (fp && g->nfpool < 32)
        g->fpool[g->nfpool++] = d;
    else if (!fp && g->nvpool < 64)
        g->vpool[g->nvpool++] = d;
    return d;
}

static IRTemp vpick(Gen *g)
{
    IRTemp d;
    if (g->nvpool && rndn(4))
        return g->vpool[rndn(g->nvpool)];
    d = vnew(g, false);
    if (rndn(2))
        ir_vldenv(g->b, d, (int32_t)(offsetof(TestEnv, v) + 16 * rndn(NV)));
    else
        ir_vdup(g->b, rndn(4), d, pick_input(g, IR_I64));
    return d;
}

/* A vector of floats (esize 2 or 3) from a few finite values. */
static IRTemp fpick(Gen *g, unsigned esize)
{
    static const float fv[] = { 1.5f, -2.25f, 3e10f, 1e-30f, 0.0f, -0.0f, 7.0f, 1e38f,
                                1.17549435e-38f, 3e-39f, 0.1f };
    static const double dv[] = { 1.5, -2.25, 3e300, 1e-300, 0.0, -0.0, 0.1, 2.2250738585072014e-308,
                                 5e-324, 1e308 };
    IRTemp d, x;
    uint64_t bits;

    if (g->nfpool && rndn(3))
        return g->fpool[rndn(g->nfpool)];
    d = vnew(g, true);
    x = ir_new_temp(g->b, IR_I64);
    if (esize == 2) {
        float f = fv[rndn(sizeof(fv) / sizeof(fv[0]))];
        uint32_t u;
        memcpy(&u, &f, 4);
        bits = u;
    } else {
        double f = dv[rndn(sizeof(dv) / sizeof(dv[0]))];
        memcpy(&bits, &f, 8);
    }
    ir_movi(g->b, IR_I64, x, bits);
    ir_vdup(g->b, esize, d, x);
    if (rndn(2)) {   /* different lanes */
        IRTemp e = vnew(g, true), y = ir_new_temp(g->b, IR_I64);
        ir_movi(g->b, IR_I64, y, esize == 2 ? 0x40490fdbu : 0x400921fb54442d18ull);
        ir_vset(g->b, esize, e, d, y, rndn(esize == 2 ? 4 : 2));
        d = e;
    }
    return d;
}

static bool vec_fp_kind(unsigned k)
{
    return (k >= IR_VEC_FADD && k <= IR_VEC_FDIV) || k == IR_VEC_FSQRT ||
           k == IR_VEC_FMA || k == IR_VEC_FMS;
}

static void gen_vec_op(Gen *g)
{
    IRBlock *b = g->b;
    unsigned esize = rndn(4), k;
    IRTemp x, y, z;

    /* inputs are picked before the output temp exists (the pools only
     * hold temps that have a value) */
    switch (rndn(10)) {
    case 0: case 1: case 2:
        k = rndn(IR_VEC_BIN_COUNT);
        if (vec_fp_kind(k)) {
            esize = 2 + rndn(2);
            x = fpick(g, esize);
            y = fpick(g, esize);
            ir_vec2(b, k, esize, vnew(g, true), x, y, 0);
        } else {
            x = vpick(g);
            y = vpick(g);
            ir_vec2(b, k, esize, vnew(g, false), x, y, rndn(16));
        }
        break;
    case 3: case 4:
        k = IR_VEC_BIN_COUNT + rndn(IR_VEC_FMA - IR_VEC_BIN_COUNT);
        if (vec_fp_kind(k)) {
            esize = 2 + rndn(2);
            x = fpick(g, esize);
            ir_vec1(b, k, esize, vnew(g, true), x, 0);
            break;
        }
        if (k == IR_VEC_SXTL || k == IR_VEC_UXTL)
            esize = rndn(3);
        if (k == IR_VEC_REV) {
            esize = rndn(3);
            ir_vec1(b, k, esize, vnew(g, false), vpick(g), esize + 1 + rndn(3 - esize));
            break;
        }
        if (k == IR_VEC_FSPECIAL) {
            esize = 2 + rndn(2);
            x = rndn(2) ? vpick(g) : fpick(g, esize);
            ir_vec1(b, k, esize, vnew(g, false), x, 0);
            break;
        }
        x = vpick(g);
        ir_vec1(b, k, esize, vnew(g, false), x,
                k == IR_VEC_SXTL || k == IR_VEC_UXTL ? rndn(2) : rndn((8u << esize) + 1));
        break;
    case 5:
        esize = 2 + rndn(2);
        x = fpick(g, esize);
        y = fpick(g, esize);
        z = fpick(g, esize);
        ir_vec3(b, rndn(2) ? IR_VEC_FMA : IR_VEC_FMS, esize, vnew(g, true), x, y, z);
        break;
    case 6:
        x = vpick(g);
        ir_vget(b, esize, pick_output(g, IR_I64), x, rndn(16u >> esize));
        break;
    case 7:
        x = vpick(g);
        y = pick_input(g, IR_I64);
        ir_vset(b, esize, vnew(g, false), x, y, rndn(16u >> esize));
        break;
    default: {
        /* guest memory in the scratch buffer, any alignment */
        IRTemp off = ir_new_temp(b, IR_I64), addr = ir_new_temp(b, IR_I64);
        unsigned lg = 2 + rndn(3);
        ir_and(b, IR_I64, off, pick_input(g, IR_I64), ir_const(b, IR_I64, 0x1e0));
        ir_add(b, IR_I64, addr, off, ir_const(b, IR_I64, (uintptr_t)scratch + rndn(8)));
        if (rndn(2)) {
            x = rndn(3) || !g->nfpool ? vpick(g) : g->fpool[0];
            ir_vst(b, x, addr, lg);
        } else {
            ir_vld(b, vnew(g, false), addr, lg);
        }
        break;
    }
    }
    if (rndn(3) == 0) {
        x = rndn(4) || !g->nfpool ? vpick(g) : g->fpool[rndn(g->nfpool)];
        ir_vstenv(b, x, (int32_t)(offsetof(TestEnv, v) + 16 * rndn(NV)));
    }
    if (rndn(4) == 0) {
        /* scalar access to the vector registers' bytes (opt_vec must see
         * it, and forwards a scalar stored or loaded at the same offset) */
        int32_t off = (int32_t)(offsetof(TestEnv, v) + 4 * rndn(4 * NV));
        unsigned size = rndn(4);
        IRType t = size < 3 && rndn(2) ? IR_I32 : IR_I64;
        if (size == 3)
            off &= ~7;
        if (rndn(2))
            ir_stenv(b, t, pick_input(g, t), off, size);
        else
            ir_ldenv(b, t, pick_output(g, t), off, size);
    }
}

static void gen_random_op(Gen *g)
{
    IRBlock *b = g->b;
    IRType t = rndn(2) ? IR_I64 : IR_I32;
    unsigned w = t == IR_I32 ? 32 : 64;
    unsigned kind = rndn(125);

    if (kind >= 100) {
        gen_vec_op(g);
    } else if (kind < 40) {
        IROpcode opc = bin_ops[rndn(sizeof(bin_ops) / sizeof(bin_ops[0]))];
        uint32_t a[3];
        a[1] = pick_input(g, t);
        a[2] = pick_input(g, t);
        a[0] = pick_output(g, t);
        ir_emit(b, opc, t, a);
    } else if (kind < 55) {
        IROpcode opc = un_ops[rndn(sizeof(un_ops) / sizeof(un_ops[0]))];
        uint32_t a[2];
        a[1] = pick_input(g, t);
        a[0] = pick_output(g, t);
        ir_emit(b, opc, t, a);
    } else if (kind < 62) {
        IRTemp x = pick_input(g, IR_I64);
        switch (rndn(3)) {
        case 0: ir_ext32s(b, pick_output(g, IR_I64), x); break;
        case 1: ir_ext32u(b, pick_output(g, IR_I64), x); break;
        default: ir_trunc(b, pick_output(g, IR_I32), x); break;
        }
    } else if (kind < 70) {
        unsigned len = 1 + rndn(w), pos = rndn(w - len + 1);
        IRTemp x = pick_input(g, t);
        switch (rndn(3)) {
        case 0: ir_extract(b, t, pick_output(g, t), x, pos, len); break;
        case 1: ir_sextract(b, t, pick_output(g, t), x, pos, len); break;
        default: ir_deposit(b, t, pick_output(g, t), x, pick_input(g, t), pos, len); break;
        }
    } else if (kind < 78) {
        IRCond c = (IRCond)rndn(IR_COND_TSTNE + 1);
        IRTemp x = pick_input(g, t), y = pick_input(g, t);
        if (rndn(2))
            ir_setcond(b, t, c, pick_output(g, t), x, y);
        else
            ir_movcond(b, t, c, pick_output(g, t), x, y, pick_input(g, t), pick_input(g, t));
    } else if (kind < 88) {
        /* guest memory in the scratch buffer: addr = base + (x & 0x1f8) */
        IRTemp off = ir_new_temp(b, IR_I64), addr = ir_new_temp(b, IR_I64);
        unsigned mo = rndn(4) | (rndn(2) ? IR_MO_SIGN : 0) | (rndn(4) == 0 ? IR_MO_BE : 0);
        ir_and(b, IR_I64, off, pick_input(g, IR_I64), ir_const(b, IR_I64, 0x1f8));
        ir_add(b, IR_I64, addr, off, ir_const(b, IR_I64, (uintptr_t)scratch));
        if (t == IR_I32 && (mo & IR_MO_SIZE) == IR_MO_64)
            mo &= ~IR_MO_SIZE;
        switch (rndn(5)) {
        case 0: ir_st(b, t, pick_input(g, t), addr, mo & ~IR_MO_SIGN); break;
        case 1: ir_cmpxchg(b, t, pick_output(g, t), addr, pick_input(g, t), pick_input(g, t), mo & (IR_MO_SIZE | IR_MO_SIGN)); break;
        case 2: ir_xchg(b, t, pick_output(g, t), addr, pick_input(g, t), mo & (IR_MO_SIZE | IR_MO_SIGN)); break;
        case 3: ir_fetch_add(b, t, pick_output(g, t), addr, pick_input(g, t), mo & (IR_MO_SIZE | IR_MO_SIGN)); break;
        default: ir_ld(b, t, pick_output(g, t), addr, mo); break;
        }
    } else if (kind < 92) {
        switch (rndn(3)) {
        case 0: ir_call(b, &h_mix, pick_output(g, IR_I64), pick_input(g, IR_I64), pick_input(g, IR_I64), IR_NONE, IR_NONE, IR_NONE); break;
        case 1: ir_call(b, &h_side, pick_output(g, IR_I64), IR_ENV, pick_input(g, IR_I64), IR_NONE, IR_NONE, IR_NONE); break;
        default: ir_call(b, &h_five, pick_output(g, IR_I64), pick_input(g, IR_I64), pick_input(g, IR_I64),
                         pick_input(g, IR_I64), pick_input(g, IR_I64), pick_input(g, IR_I64)); break;
        }
    } else {
        ir_stenv(b, IR_I64, pick_input(g, IR_I64), offsetof(TestEnv, side), IR_MO_64);
    }
}

/* A block: ops, with forward branches whose targets only see locals
 * defined before the branch. */
static void gen_block(IRBlock *b, unsigned nops)
{
    Gen g = { .b = b };
    ir_block_init(b, &globals);
    ir_insn_start(b, 0x1000);
    for (unsigned i = 0; i < nops; i++) {
        if (rndn(12) == 0 && i + 4 < nops) {
            uint32_t l = ir_new_label(b);
            IRType t = rndn(2) ? IR_I64 : IR_I32;
            unsigned saved = g.npool, vsaved = g.nvpool, fsaved = g.nfpool;
            ir_brcond(b, t, (IRCond)rndn(IR_COND_TSTNE + 1), pick_input(&g, t), pick_input(&g, t), l);
            unsigned inner = 1 + rndn(6);
            for (unsigned k = 0; k < inner; k++)
                gen_random_op(&g);
            ir_label(b, l);
            g.npool = saved;
            g.nvpool = vsaved;
            g.nfpool = fsaved;
            i += inner;
        } else {
            gen_random_op(&g);
        }
    }
    ir_exit_tb(b, IR_EXIT_NOCHAIN);
}

/* ---- running ---- */

typedef struct Result {
    TestEnv env;
    uint8_t mem[sizeof(scratch)];
    uintptr_t ret;
} Result;

static void run_interp(IRBlock *b, const TestEnv *init, const uint8_t *mem, Result *r)
{
    TB tb = { 0 };
    tb.ir = b;
    r->env = *init;
    memcpy(scratch, mem, sizeof(scratch));
    r->ret = interp_run(&tb, &r->env.common) & 3;
    memcpy(r->mem, scratch, sizeof(scratch));
}

static bool run_jit(IRBlock *b, const TestEnv *init, const uint8_t *mem, Result *r)
{
    TB tb = { 0 };
    if (x64_gen_tb(&tb, b) != X64_GEN_OK)
        return false;
    r->env = *init;
    memcpy(scratch, mem, sizeof(scratch));
    r->ret = x64_enter(&r->env.common, tb.host_code) & 3;
    memcpy(r->mem, scratch, sizeof(scratch));
    codebuf_flush();
    return true;
}

static bool same(const Result *a, const Result *b)
{
    return !memcmp(a->env.g, b->env.g, sizeof(a->env.g)) && a->env.side == b->env.side &&
           !memcmp(a->env.v, b->env.v, sizeof(a->env.v)) &&
           !memcmp(a->mem, b->mem, sizeof(a->mem)) && a->ret == b->ret;
}

static void report(const char *what, const IRBlock *raw, const Result *want, const Result *got)
{
    printf("MISMATCH (%s)\n", what);
    ir_dump(stdout, raw);
    for (int i = 0; i < NG; i++)
        if (want->env.g[i] != got->env.g[i])
            printf("  g%d: want %016" PRIx64 " got %016" PRIx64 "\n", i, want->env.g[i], got->env.g[i]);
    if (memcmp(want->mem, got->mem, sizeof(want->mem)))
        printf("  memory differs\n");
    if (want->env.side != got->env.side)
        printf("  side differs\n");
    for (int i = 0; i < NV; i++)
        if (memcmp(&want->env.v[i], &got->env.v[i], 16))
            printf("  v%d: want %016" PRIx64 "%016" PRIx64 " got %016" PRIx64 "%016" PRIx64 "\n", i,
                   want->env.v[i].u64[1], want->env.v[i].u64[0], got->env.v[i].u64[1],
                   got->env.v[i].u64[0]);
}

/* ---- fixed checks of what the optimiser must achieve ---- */

static unsigned count_ops(const IRBlock *b, IROpcode opc)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < b->nops; i++)
        n += b->ops[i].opc == opc;
    return n;
}

/* The index of the last op with opcode opc, or UINT32_MAX. */
/* A chained exit: goto_tb slot; mov pc, $k; exit_tb slot. */
static void exit_to(IRBlock *b, IRTemp pc, unsigned slot, uint64_t k)
{
    ir_goto_tb(b, slot);
    ir_movi(b, IR_I64, pc, k);
    ir_exit_tb(b, slot);
}

static uint32_t last_op(const IRBlock *b, IROpcode opc)
{
    uint32_t at = UINT32_MAX;
    for (uint32_t i = 0; i < b->nops; i++)
        if (b->ops[i].opc == opc)
            at = i;
    return at;
}

static unsigned writes_to(const IRBlock *b, IRTemp t)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < b->nops; i++) {
        const IROpDef *d = &ir_op_defs[b->ops[i].opc];
        for (unsigned k = 0; k < d->nout; k++)
            n += b->ops[i].args[k] == t;
    }
    return n;
}

static bool check(bool cond, const char *what, unsigned *passed, unsigned *failed)
{
    printf("%s: %s\n", cond ? "PASS" : "FAIL", what);
    if (cond)
        ++*passed;
    else
        ++*failed;
    return cond;
}

static void shape_tests(unsigned *passed, unsigned *failed)
{
    IRBlock b = { 0 };
    IRTemp t1, t2;

    /* Constants fold through a chain of ops into one move. */
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    t2 = ir_new_temp(&b, IR_I64);
    ir_add(&b, IR_I64, t1, ir_const(&b, IR_I64, 40), ir_const(&b, IR_I64, 2));
    ir_shl(&b, IR_I64, t2, t1, ir_const(&b, IR_I64, 1));
    ir_mov(&b, IR_I64, gl[0], t2);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(b.nops == 2 && b.ops[0].opc == IR_OP_mov && ir_is_const(&b, b.ops[0].args[1]) &&
          b.temps[b.ops[0].args[1]].value == 84, "constant folding and propagation", passed, failed);

    /* A flag written twice with nothing between: the first write is dead. */
    ir_block_init(&b, &globals);
    ir_add(&b, IR_I64, gl[1], gl[2], gl[3]);
    ir_sub(&b, IR_I64, gl[1], gl[4], gl[5]);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(writes_to(&b, gl[1]) == 1 && count_ops(&b, IR_OP_add) == 0,
          "dead global store eliminated", passed, failed);

    /* ...but not across an op that may fault: the state must be exact
     * there; except a flag's (IR_GLOBAL_STALE_AT_FAULT) in user mode. */
    for (int k = 0; k < 3; k++) {
        static const char *const what[3] = {
            "global store kept before a faulting load",
            "flag store dropped before a faulting load (user mode)",
            "flag store kept before a faulting load (full system)",
        };
        ir_block_init(&b, &globals);
        if (k)
            b.temps[gl[1]].flags |= IR_GLOBAL_STALE_AT_FAULT;
        b.softmmu_idx = k == 2 ? 0 : -1;
        t1 = ir_new_temp(&b, IR_I64);
        ir_add(&b, IR_I64, gl[1], gl[2], gl[3]);
        ir_ld(&b, IR_I64, t1, gl[6], IR_MO_64);
        ir_sub(&b, IR_I64, gl[1], gl[4], t1);
        ir_exit_tb(&b, IR_EXIT_NOCHAIN);
        opt_run(&b);
        check(writes_to(&b, gl[1]) == (k == 1 ? 1u : 2u), what[k], passed, failed);
    }

    /* An op whose result only a move into a global reads computes into
     * the global (in place when the global is an input); not when the
     * result is read again, nor at another width. */
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_sub(&b, IR_I64, t1, gl[1], gl[2]);
    ir_mov(&b, IR_I64, gl[1], t1);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(b.nops == 2 && b.ops[0].opc == IR_OP_sub && b.ops[0].args[0] == gl[1] &&
          b.ops[0].args[1] == gl[1] && b.ops[0].args[2] == gl[2],
          "result computed into the global it is moved to", passed, failed);
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_sub(&b, IR_I64, t1, gl[1], gl[2]);
    ir_mov(&b, IR_I64, gl[1], t1);
    ir_add(&b, IR_I64, gl[3], t1, gl[4]);
    t2 = ir_new_temp(&b, IR_I64);
    ir_add(&b, IR_I64, t2, gl[5], gl[6]);
    ir_mov(&b, IR_I32, gl[5], t2);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(count_ops(&b, IR_OP_mov) == 2 && writes_to(&b, gl[1]) == 1 && writes_to(&b, gl[5]) == 1,
          "result read twice or moved at another width kept in its local", passed, failed);

    /* Copy propagation lets the intermediate local die. */
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_mov(&b, IR_I64, t1, gl[2]);
    ir_add(&b, IR_I64, gl[0], t1, gl[3]);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(b.nops == 2 && b.ops[0].opc == IR_OP_add && b.ops[0].args[1] == gl[2],
          "copy propagation", passed, failed);

    /* A select on a condition's 0/1 value selects on the condition (EQ on
     * the value: the inverse), and the value's setcond goes; not at
     * another width, nor when an input changes in between. */
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_setcond(&b, IR_I64, IR_COND_LTU, t1, gl[1], gl[2]);
    ir_movcond(&b, IR_I64, IR_COND_EQ, gl[0], t1, ir_const(&b, IR_I64, 0), gl[3], gl[4]);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    {
        uint32_t m = last_op(&b, IR_OP_movcond);
        check(count_ops(&b, IR_OP_setcond) == 0 && m != UINT32_MAX &&
              b.ops[m].args[1] == gl[1] && b.ops[m].args[2] == gl[2] &&
              b.ops[m].args[5] == IR_COND_GEU, "movcond on a setcond's value", passed, failed);
    }
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_setcond(&b, IR_I32, IR_COND_LTU, t1, gl[1], gl[2]);
    ir_movcond(&b, IR_I64, IR_COND_NE, gl[0], t1, ir_const(&b, IR_I64, 0), gl[3], gl[4]);
    ir_setcond(&b, IR_I64, IR_COND_LT, t1, gl[1], gl[2]);
    ir_add(&b, IR_I64, gl[1], gl[1], ir_const(&b, IR_I64, 1));
    ir_movcond(&b, IR_I64, IR_COND_NE, gl[5], t1, ir_const(&b, IR_I64, 0), gl[3], gl[4]);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(count_ops(&b, IR_OP_setcond) == 2, "movcond kept on a value of another width or "
          "whose compare's input changed", passed, failed);

    /* A branch on constants folds away. */
    ir_block_init(&b, &globals);
    uint32_t l = ir_new_label(&b);
    ir_brcond(&b, IR_I64, IR_COND_LT, ir_const(&b, IR_I64, 1), ir_const(&b, IR_I64, 2), l);
    ir_mov(&b, IR_I64, gl[0], gl[1]);
    ir_label(&b, l);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(count_ops(&b, IR_OP_brcond) == 0 && count_ops(&b, IR_OP_br) == 1,
          "constant branch folded", passed, failed);

    /* A vector register stored then read back: the load is forwarded, and
     * a store overwritten before anything reads it goes. */
    int32_t v0 = (int32_t)offsetof(TestEnv, v[0]), v1 = (int32_t)offsetof(TestEnv, v[1]);
    IRTemp a, c, d;
    ir_block_init(&b, &globals);
    a = ir_new_temp(&b, IR_V128);
    c = ir_new_temp(&b, IR_V128);
    d = ir_new_temp(&b, IR_V128);
    ir_vldenv(&b, a, v1);
    ir_vstenv(&b, a, v0);
    ir_vldenv(&b, c, v0);
    ir_vec2(&b, IR_VEC_ADD, 2, d, c, a, 0);
    ir_vstenv(&b, d, v0);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(count_ops(&b, IR_OP_vldenv) == 1 && count_ops(&b, IR_OP_vstenv) == 1,
          "vector register forwarded, dead store removed", passed, failed);

    /* ...but not across a scalar write of the same bytes or a fault. */
    ir_block_init(&b, &globals);
    a = ir_new_temp(&b, IR_V128);
    c = ir_new_temp(&b, IR_V128);
    t1 = ir_new_temp(&b, IR_I64);
    ir_vldenv(&b, a, v1);
    ir_vstenv(&b, a, v0);
    ir_stenv(&b, IR_I64, gl[1], v0 + 8, IR_MO_32);
    ir_vldenv(&b, c, v0);
    ir_ld(&b, IR_I64, t1, gl[6], IR_MO_64);
    ir_vstenv(&b, c, v0);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(count_ops(&b, IR_OP_vldenv) == 2 && count_ops(&b, IR_OP_vstenv) == 2,
          "vector register reloaded after a scalar store, stored before a load", passed,
          failed);

    /* A check's exception path goes behind the block's last exit, its
     * branch inverted; not when the path reads a local from before. */
    for (int local = 0; local < 2; local++) {
        uint32_t lab;
        ir_block_init(&b, &globals);
        lab = ir_new_label(&b);
        t1 = ir_new_temp(&b, IR_I64);
        ir_add(&b, IR_I64, t1, gl[2], gl[3]);
        ir_brcond(&b, IR_I64, IR_COND_TSTEQ, gl[1], ir_const(&b, IR_I64, 15), lab);
        ir_mov(&b, IR_I64, gl[4], local ? t1 : gl[1]);
        ir_movi(&b, IR_I64, gpc, 0x1000);
        ir_exit_excp(&b, 8);
        ir_label(&b, lab);
        ir_mov(&b, IR_I64, gl[0], t1);
        ir_movi(&b, IR_I64, gpc, 0x1004);
        ir_exit_tb(&b, IR_EXIT_NOCHAIN);
        opt_run(&b);
        uint32_t br = last_op(&b, IR_OP_brcond);
        bool moved = b.ops[b.nops - 1].opc == IR_OP_exit_excp && br != UINT32_MAX &&
                     b.ops[br].args[2] == IR_COND_TSTNE;
        check(moved == !local, local ? "exception path reading a local stays"
                                     : "exception path moved behind the last exit",
              passed, failed);
        ir_block_free(&b);
    }

    /* "sub t, a, b; brcond t, 0, ne" compares a and b, unless a changes
     * in between (variant 1), or the sub writes its own input ("sub a,
     * a, b; brcond a, 0": the branch reads the new a; variant 2). */
    for (int change = 0; change < 3; change++) {
        static const char *const what[3] = {
            "branch on a difference compares its inputs",
            "branch on a difference whose input changed kept",
            "branch on a difference written over its input kept",
        };
        uint32_t lab;
        ir_block_init(&b, &globals);
        lab = ir_new_label(&b);
        t1 = change == 2 ? gl[2] : ir_new_temp(&b, IR_I64);
        ir_sub(&b, IR_I64, t1, gl[2], gl[3]);
        if (change < 2)
            ir_mov(&b, IR_I64, gl[0], t1);
        if (change == 1)
            ir_add(&b, IR_I64, gl[2], gl[2], gl[4]);
        ir_brcond(&b, IR_I64, IR_COND_NE, t1, ir_const(&b, IR_I64, 0), lab);
        ir_movi(&b, IR_I64, gl[5], 1);
        ir_label(&b, lab);
        ir_exit_tb(&b, IR_EXIT_NOCHAIN);
        opt_run(&b);
        uint32_t br = last_op(&b, IR_OP_brcond);
        bool cmp = br != UINT32_MAX && b.ops[br].args[0] == gl[2] && b.ops[br].args[1] == gl[3];
        /* variant 2: still the branch on the new value against zero */
        bool on_new = br != UINT32_MAX && b.ops[br].args[0] == gl[2] &&
                      ir_is_const(&b, b.ops[br].args[1]);
        check(change == 0 ? cmp : !cmp && (change == 1 || on_new), what[change], passed, failed);
        ir_block_free(&b);
    }

    /* A flag computed before a conditional exit: discarded on both
     * tails (the next blocks set it first), it goes; discarded on one, it
     * moves to the other tail, after the label. */
    for (int both = 1; both >= 0; both--) {
        uint32_t exit1, at, lab;
        ir_block_init(&b, &globals);
        exit1 = ir_new_label(&b);
        t1 = ir_new_temp(&b, IR_I64);
        ir_sub(&b, IR_I64, t1, gl[2], gl[3]);
        ir_setcond(&b, IR_I64, IR_COND_LTU, gl[1], gl[2], gl[3]);
        ir_mov(&b, IR_I64, gl[0], t1);
        ir_brcond(&b, IR_I64, IR_COND_NE, t1, ir_const(&b, IR_I64, 0), exit1);
        ir_discard(&b, IR_I64, gl[1]);
        exit_to(&b, gpc, 0, 0x1000);
        ir_label(&b, exit1);
        if (both)
            ir_discard(&b, IR_I64, gl[1]);
        exit_to(&b, gpc, 1, 0x2000);
        opt_run(&b);
        lab = last_op(&b, IR_OP_label);
        at = last_op(&b, IR_OP_setcond);
        /* the discards stay for the backend (a dirty register of the
         * flag goes unwritten there) */
        if (both)
            check(count_ops(&b, IR_OP_setcond) == 0 && count_ops(&b, IR_OP_discard) == 2,
                  "flag discarded on both exits: computed nowhere", passed, failed);
        else
            check(count_ops(&b, IR_OP_setcond) == 1 && lab != UINT32_MAX && at > lab &&
                  count_ops(&b, IR_OP_discard) == 1,
                  "flag discarded on one exit: computed on the other", passed, failed);
        ir_block_free(&b);
    }

    /* "op t; ext32u g, t" is one 32-bit op into g when t has no other
     * reader and the op's low half depends on its inputs' low halves
     * only (add: yes; shl: no), or when the op is 32-bit already; not
     * for ext32s, whose i32 form still gives i64. */
    for (int k = 0; k < 5; k++) {
        static const char *const what[5] = {
            "add; ext32u: one add_i32", "shl; ext32u: kept", "add read twice; ext32u: kept",
            "rotr_i32; ext32u: one rotr_i32", "ext32s_i32; ext32u: kept",
        };
        ir_block_init(&b, &globals);
        t1 = ir_new_temp(&b, IR_I64);
        if (k == 1)
            ir_shl(&b, IR_I64, t1, gl[2], gl[3]);
        else if (k == 3)
            ir_rotr(&b, IR_I32, t1, gl[2], gl[3]);
        else if (k == 4)
            ir_ext32s(&b, t1, gl[2]);
        else
            ir_add(&b, IR_I64, t1, gl[2], gl[3]);
        if (k == 4)
            b.ops[b.nops - 1].type = IR_I32;
        ir_ext32u(&b, gl[1], t1);
        if (k == 2)
            ir_mov(&b, IR_I64, gl[4], t1);
        ir_exit_tb(&b, IR_EXIT_NOCHAIN);
        opt_run(&b);
        bool narrowed = count_ops(&b, IR_OP_ext32u) == 0;
        check(narrowed == (k == 0 || k == 3) &&
              (!narrowed || (b.ops[0].args[0] == gl[1] && b.ops[0].type == IR_I32)),
              what[k], passed, failed);
        ir_block_free(&b);
    }

    /* A self-loop's counter, "add_i32 g, g, 1" before the branch, stays
     * on the back edge's path (it reads what it writes). */
    {
        uint32_t back, at, lab;
        ir_block_init(&b, &globals);
        b.pc_start = 0x1000;
        back = ir_new_label(&b);
        ir_add(&b, IR_I32, gl[1], gl[1], ir_const(&b, IR_I64, 1));
        ir_brcond(&b, IR_I64, IR_COND_NE, gl[2], ir_const(&b, IR_I64, 0), back);
        exit_to(&b, gpc, 0, 0x2000);
        ir_label(&b, back);
        exit_to(&b, gpc, 1, 0x1000);
        opt_run(&b);
        lab = last_op(&b, IR_OP_brcond);
        at = last_op(&b, IR_OP_add);
        check(at != UINT32_MAX && at < lab, "a self-loop's counter stays before the branch",
              passed, failed);
        ir_block_free(&b);
    }

    /* A loop trace's early exit (aarch64/trace.c): a flag computed before
     * the branch to it, written again on the way on before anything reads
     * it, moves to the exit's code; when the way on reads it first, it
     * stays. */
    for (int read = 0; read < 2; read++) {
        uint32_t side, back, lab, at;
        ir_block_init(&b, &globals);
        b.pc_start = 0x1000;
        side = ir_new_label(&b);
        back = ir_new_label(&b);
        ir_setcond(&b, IR_I64, IR_COND_LTU, gl[1], gl[2], gl[3]);
        ir_brcond(&b, IR_I64, IR_COND_EQ, gl[2], gl[3], side);
        if (read)
            ir_add(&b, IR_I64, gl[4], gl[4], gl[1]);
        ir_setcond(&b, IR_I64, IR_COND_LTU, gl[1], gl[4], gl[5]);
        ir_brcond(&b, IR_I64, IR_COND_NE, gl[1], ir_const(&b, IR_I64, 0), back);
        exit_to(&b, gpc, 0, 0x2000);
        ir_label(&b, back);
        exit_to(&b, gpc, 1, 0x1000);
        ir_label(&b, side);
        ir_movi(&b, IR_I64, gpc, 0x3000);
        ir_goto_ptr(&b);
        opt_run(&b);
        lab = last_op(&b, IR_OP_label);
        at = UINT32_MAX;
        for (uint32_t i = 0; i < b.nops; i++)
            if (b.ops[i].opc == IR_OP_setcond && b.ops[i].args[1] == gl[2])
                at = i;
        check(at != UINT32_MAX && (at > lab) == !read,
              read ? "flag the way on reads stays before the early exit"
                   : "flag dead on the way on moves to the early exit", passed, failed);
        ir_block_free(&b);
    }

    /* AESE then AESMC of its result (through a copy) is one fused op, but
     * not when something else reads the AESE result. */
    for (int other = 0; other < 2; other++) {
        IRTemp e, m, r;
        ir_block_init(&b, &globals);
        a = ir_new_temp(&b, IR_V128);
        c = ir_new_temp(&b, IR_V128);
        e = ir_new_temp(&b, IR_V128);
        m = ir_new_temp(&b, IR_V128);
        r = ir_new_temp(&b, IR_V128);
        ir_vldenv(&b, a, v0);
        ir_vldenv(&b, c, v1);
        ir_vec2(&b, IR_VEC_AESE, 0, e, a, c, 0);
        ir_vec1(&b, IR_VEC_MOV, 0, m, e, 0);
        ir_vec1(&b, IR_VEC_AESMC, 0, r, m, 0);
        ir_vstenv(&b, r, v0);
        if (other)
            ir_vstenv(&b, e, v1);
        ir_exit_tb(&b, IR_EXIT_NOCHAIN);
        opt_run(&b);
        bool fused = false;
        for (uint32_t i = 0; i < b.nops; i++)
            fused |= b.ops[i].opc == IR_OP_vec2 && b.ops[i].args[3] == IR_VEC_AESEMC;
        check(fused == !other, other ? "AESE read twice: not fused" : "AESE + AESMC fused",
              passed, failed);
        ir_block_free(&b);
    }
}

int main(int argc, char **argv)
{
    unsigned iters = argc > 1 ? (unsigned)atoi(argv[1]) : 3000;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x5eed;
    unsigned passed = 0, failed = 0;
    bool jit = getenv("NOJIT") ? false : codebuf_init(64u << 20, false);

    static const char *const names[NG] = { "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7" };
    for (int i = 0; i < NG; i++)
        gl[i] = ir_global_declare(&globals, IR_I64, offsetof(TestEnv, g[i]), names[i]);
    gpc = ir_global_declare(&globals, IR_I64, offsetof(TestEnv, common.pc), "pc");
    if (jit) {
        x64_init((int32_t)offsetof(TestEnv, jit_frame));
        code_buf.reset_to = code_buf.used;
    }

    shape_tests(&passed, &failed);
    X64Features all = x64_features;
    for (unsigned it = 0; it < iters; it++) {
        IRBlock raw = { 0 };
        /* the second half: the plain paths of a host without the optional
         * instructions (SSSE3, SSE4.1, FMA ... and BMI) */
        if (it == iters / 2)
            memset(&x64_features, 0, sizeof(x64_features));
        rng_state = seed * 0x9e3779b97f4a7c15ull + it + 1;
        gen_block(&raw, 8 + rndn(60));

        TestEnv init = { 0 };
        uint8_t mem[sizeof(scratch)];
        for (int i = 0; i < NG; i++)
            init.g[i] = edge_value();
        for (int i = 0; i < NV; i++)
            for (int h = 0; h < 2; h++)
                init.v[i].u64[h] = rndn(2) ? edge_value() : rnd();
        for (size_t i = 0; i < sizeof(mem); i++)
            mem[i] = (uint8_t)rnd();

        IRBlock *opt = ir_block_clone(&raw);
        opt_run(opt);
        Result want, got;
        run_interp(&raw, &init, mem, &want);
        run_interp(opt, &init, mem, &got);
        bool ok = same(&want, &got);
        if (!ok) {
            report("optimised IR in the interpreter", &raw, &want, &got);
            printf("optimised:\n");
            ir_dump(stdout, opt);
        }
        if (ok && jit) {
            IRBlock *o2 = ir_block_clone(opt);
            if (!run_jit(o2, &init, mem, &got)) {
                printf("x64_gen_tb failed\n");
                ok = false;
            } else if (!same(&want, &got)) {
                report("x86-64 backend", &raw, &want, &got);
                ok = false;
            }
            ir_block_free(o2);
            free(o2);
        }
        if (ok) {
            passed++;
        } else {
            failed++;
            printf("  iteration %u, seed 0x%" PRIx64 "\n", it, seed);
            if (failed >= 5) {
                ir_block_free(opt);
                free(opt);
                ir_block_free(&raw);
                break;
            }
        }
        ir_block_free(opt);
        free(opt);
        ir_block_free(&raw);
    }
    x64_features = all;
    printf("test-ir: %u random blocks, optimiser%s checked against the interpreter\n",
           passed + failed, jit ? " and x86-64 backend" : "");
    printf("%u passed, %u failed\n", passed, failed);
    return failed != 0;
}
