/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Differential test of the IR pipeline: random blocks of IR (every pure
 * op at both widths, edge constants, forward branches, guest memory
 * accesses, helper calls) are run three ways -- the interpreter on the raw
 * IR, the interpreter on the optimised IR, and the x86-64 backend on the
 * optimised IR -- and the resulting CPU state and memory must agree.  Any
 * difference prints the seed and the block.
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
#include "util/log.h"

#define NG 8   /* globals g0..g7 */

typedef struct TestEnv {
    CPUCommon common;
    uint64_t g[NG];
    uint64_t side;        /* written by helper_side */
} TestEnv;

static IRGlobals globals;
static IRTemp gl[NG];
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
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
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

static void gen_random_op(Gen *g)
{
    IRBlock *b = g->b;
    IRType t = rndn(2) ? IR_I64 : IR_I32;
    unsigned w = t == IR_I32 ? 32 : 64;
    unsigned kind = rndn(100);

    if (kind < 40) {
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
            unsigned saved = g.npool;
            ir_brcond(b, t, (IRCond)rndn(IR_COND_TSTNE + 1), pick_input(&g, t), pick_input(&g, t), l);
            unsigned inner = 1 + rndn(6);
            for (unsigned k = 0; k < inner; k++)
                gen_random_op(&g);
            ir_label(b, l);
            g.npool = saved;
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
    free(tb.insns);
    codebuf_flush();
    return true;
}

static bool same(const Result *a, const Result *b)
{
    return !memcmp(a->env.g, b->env.g, sizeof(a->env.g)) && a->env.side == b->env.side &&
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
}

/* ---- fixed checks of what the optimiser must achieve ---- */

static unsigned count_ops(const IRBlock *b, IROpcode opc)
{
    unsigned n = 0;
    for (uint32_t i = 0; i < b->nops; i++)
        n += b->ops[i].opc == opc;
    return n;
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

    /* ...but not across an op that may fault: the state must be exact there. */
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_add(&b, IR_I64, gl[1], gl[2], gl[3]);
    ir_ld(&b, IR_I64, t1, gl[6], IR_MO_64);
    ir_sub(&b, IR_I64, gl[1], gl[4], t1);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(writes_to(&b, gl[1]) == 2, "global store kept before a faulting load", passed, failed);

    /* Copy propagation lets the intermediate local die. */
    ir_block_init(&b, &globals);
    t1 = ir_new_temp(&b, IR_I64);
    ir_mov(&b, IR_I64, t1, gl[2]);
    ir_add(&b, IR_I64, gl[0], t1, gl[3]);
    ir_exit_tb(&b, IR_EXIT_NOCHAIN);
    opt_run(&b);
    check(b.nops == 2 && b.ops[0].opc == IR_OP_add && b.ops[0].args[1] == gl[2],
          "copy propagation", passed, failed);

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
    ir_block_free(&b);
}

int main(int argc, char **argv)
{
    unsigned iters = argc > 1 ? (unsigned)atoi(argv[1]) : 3000;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x5eed;
    unsigned passed = 0, failed = 0;
    bool jit = getenv("NOJIT") ? false : codebuf_init(64u << 20);

    static const char *const names[NG] = { "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7" };
    for (int i = 0; i < NG; i++)
        gl[i] = ir_global_declare(&globals, IR_I64, offsetof(TestEnv, g[i]), names[i]);
    if (jit) {
        x64_init();
        code_buf.reset_to = code_buf.used;
    }

    shape_tests(&passed, &failed);
    for (unsigned it = 0; it < iters; it++) {
        IRBlock raw = { 0 };
        rng_state = seed * 0x9e3779b97f4a7c15ull + it + 1;
        gen_block(&raw, 8 + rndn(60));

        TestEnv init = { 0 };
        uint8_t mem[sizeof(scratch)];
        for (int i = 0; i < NG; i++)
            init.g[i] = edge_value();
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
    printf("test-ir: %u random blocks, optimiser%s checked against the interpreter\n",
           passed + failed, jit ? " and x86-64 backend" : "");
    printf("%u passed, %u failed\n", passed, failed);
    return failed != 0;
}
