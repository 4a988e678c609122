/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the x86-64 backend (translate/x86_64/), part two: whole
 * blocks, run on the fake CPU state of test-x64.h.  Helper calls with five
 * arguments of every kind and each IR_HELPER_* flag; more live values than
 * registers; labels with locals and globals live across them; loops;
 * blocks that loop on themselves; exits, chaining, goto_ptr and the
 * exit_request check; relocatable copies of a block (the persistent
 * translation cache); the guest pc map and precise faults; the
 * X64_GEN_TOO_BIG and X64_GEN_FULL failures; and random blocks run both
 * here and in the IR interpreter, which must agree (a divergence prints
 * the differing state; X64_TEST_DUMP=1 in the environment adds the block's
 * IR).  Part one (encoder and op semantics) is test-x64.c.  Prints
 * "N passed, N failed"; exit status 0 on success.
 */
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <ucontext.h>
#include "test-x64.h"
#include "xorshift.h"

/* ---- helper calls ---- */

static uint64_t seen[6];

static uint64_t h_five(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e)
{
    seen[0] = a, seen[1] = b, seen[2] = c, seen[3] = d, seen[4] = e;
    return a * 1 + b * 3 + c * 5 + d * 7 + e * 11;
}

static uint64_t h_write_r6(uint64_t envp)
{
    ((TestEnv *)envp)->r[6] = 1234;
    return 0;
}

static uint64_t h_read_r7(uint64_t envp)
{
    return ((TestEnv *)envp)->r[7];
}

static uint64_t h_inc(uint64_t a)
{
    return a + 1;
}

static IRHelper helper_five = { (void *)h_five, "five", 5, 0, 0 };
static IRHelper helper_write = { (void *)h_write_r6, "write_r6", 1, 0, 0 };
static IRHelper helper_read = { (void *)h_read_r7, "read_r7", 1, IR_HELPER_READ_GLOBALS, 0 };
static IRHelper helper_inc = { (void *)h_inc, "inc", 1, IR_HELPER_NO_GLOBALS | IR_HELPER_PURE, 0 };

static void test_calls(void)
{
    IRTemp t[16], d, x;

    /* Five arguments of every kind: global, dying local, constant, env,
     * a local that lives on after the call. */
    begin();
    x = L(IR_I64);
    t[0] = L(IR_I64);
    ir_add(&blk, IR_I64, x, R[2], K(IR_I64, 1));
    ir_add(&blk, IR_I64, t[0], R[3], K(IR_I64, 2));
    d = L(IR_I64);
    ir_call(&blk, &helper_five, d, R[1], x, K(IR_I64, 0x123456789ull), IR_ENV, t[0]);
    ir_add(&blk, IR_I64, R[0], d, t[0]);
    if (finish()) {
        env.r[1] = 10, env.r[2] = 20, env.r[3] = 30;
        run(&cur_tb);
        check(seen[0] == 10 && seen[1] == 21 && seen[2] == 0x123456789ull &&
              seen[3] == (uintptr_t)&env && seen[4] == 32, "call: arguments");
        check(env.r[0] == h_five(10, 21, 0x123456789ull, (uintptr_t)&env, 32) + 32,
              "call: result %#" PRIx64, env.r[0]);
    }

    /* Arguments sitting in each other's registers: fill the registers with
     * live locals so that the argument moves have cycles to break. */
    begin();
    for (int i = 0; i < 13; i++) {
        t[i] = L(IR_I64);
        ir_add(&blk, IR_I64, t[i], R[1], K(IR_I64, (uint64_t)i * 100));
    }
    d = L(IR_I64);
    ir_call(&blk, &helper_five, d, t[6], t[5], t[11], t[10], t[8]);
    ir_mov(&blk, IR_I64, R[0], d);
    for (int i = 0; i < 13; i++)
        ir_add(&blk, IR_I64, R[0], R[0], t[i]);
    if (finish()) {
        uint64_t want = h_five(600, 500, 1100, 1000, 800);
        for (int i = 0; i < 13; i++)
            want += (uint64_t)i * 100;
        env.r[1] = 0;
        run(&cur_tb);
        check(seen[0] == 600 && seen[1] == 500 && seen[2] == 1100 && seen[3] == 1000 &&
              seen[4] == 800 && env.r[0] == want, "call: permuted arguments");
    }

    /* Default helper: dirty globals are written back before and reloaded
     * after (the helper changes r6). */
    begin();
    ir_movi(&blk, IR_I64, R[6], 5);
    ir_add(&blk, IR_I64, R[8], R[1], K(IR_I64, 1));
    ir_call(&blk, &helper_write, IR_NONE, IR_ENV, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
    ir_add(&blk, IR_I64, R[0], R[6], R[8]);
    if (finish()) {
        env.r[1] = 41;
        run(&cur_tb);
        check(env.r[0] == 1234 + 42 && env.r[6] == 1234, "call: helper writes a global");
    }

    /* IR_HELPER_READ_GLOBALS sees the current value. */
    begin();
    ir_add(&blk, IR_I64, R[7], R[1], K(IR_I64, 3));
    d = L(IR_I64);
    ir_call(&blk, &helper_read, d, IR_ENV, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
    ir_add(&blk, IR_I64, R[0], d, R[7]);
    if (finish()) {
        env.r[1] = 100;
        run(&cur_tb);
        check(env.r[0] == 206, "call: helper reads a global (%" PRIu64 ")", env.r[0]);
    }

    /* IR_HELPER_NO_GLOBALS with many live values in caller-saved registers,
     * dirty globals among them, and an i32 result. */
    begin();
    for (int i = 0; i < 14; i++) {
        t[i] = L(IR_I64);
        ir_mul(&blk, IR_I64, t[i], R[1], K(IR_I64, (uint64_t)i + 1));
    }
    ir_movi(&blk, IR_I64, R[5], 0x55);
    d = L(IR_I32);
    ir_call(&blk, &helper_inc, d, t[13], IR_NONE, IR_NONE, IR_NONE, IR_NONE);
    ir_add(&blk, IR_I64, R[0], d, R[5]);
    for (int i = 0; i < 14; i++)
        ir_add(&blk, IR_I64, R[0], R[0], t[i]);
    if (finish()) {
        env.r[1] = 0x100000000ull;
        run(&cur_tb);
        check(env.r[0] == 1 + 0x55 + 0x100000000ull * 105 && env.r[5] == 0x55,
              "call: no-globals helper keeps registers (%#" PRIx64 ")", env.r[0]);
    }
}

/* ---- register pressure, branches, loops ---- */

static void test_pressure(void)
{
    enum { N = 40 };
    IRTemp t[N];
    uint64_t want = 0;
    uint32_t l1 = 0, l2 = 0;

    /* N live locals and all globals dirty at once, a branch in the middle. */
    begin();
    for (int i = 0; i < N; i++) {
        t[i] = L(IR_I64);
        ir_mul(&blk, IR_I64, t[i], R[1], K(IR_I64, (uint64_t)i * 7 + 1));
    }
    for (int i = 2; i < 16; i++)
        ir_add(&blk, IR_I64, R[i], R[i], t[i]);
    l1 = ir_new_label(&blk);
    l2 = ir_new_label(&blk);
    ir_brcond(&blk, IR_I64, IR_COND_EQ, R[1], K(IR_I64, 3), l1);
    ir_add(&blk, IR_I64, t[0], t[0], K(IR_I64, 1000));
    ir_br(&blk, l2);
    ir_label(&blk, l1);
    ir_add(&blk, IR_I64, t[1], t[1], K(IR_I64, 2000));
    ir_label(&blk, l2);
    ir_movi(&blk, IR_I64, R[0], 0);
    for (int i = N; i-- > 0;) {
        IRTemp u = L(IR_I64);
        ir_xor(&blk, IR_I64, u, t[i], K(IR_I64, (uint64_t)i));
        ir_add(&blk, IR_I64, R[0], R[0], u);
        ir_add(&blk, IR_I64, R[0], R[0], t[i]);
    }
    if (!finish())
        return;
    for (uint64_t v = 2; v <= 3; v++) {
        uint64_t r[16];
        for (int i = 0; i < 16; i++)
            env.r[i] = r[i] = (uint64_t)i << 40;
        env.r[1] = v;
        run(&cur_tb);
        want = 0;
        for (int i = 0; i < N; i++) {
            uint64_t x = v * ((uint64_t)i * 7 + 1);
            if (i == 0 && v != 3)
                x += 1000;
            if (i == 1 && v == 3)
                x += 2000;
            want += (x ^ (uint64_t)i) + x;
        }
        bool ok = env.r[0] == want;
        for (int i = 2; i < 16; i++)
            ok = ok && env.r[i] == r[i] + v * ((uint64_t)i * 7 + 1);
        check(ok, "pressure with branch (v=%" PRIu64 "): %#" PRIx64 ", want %#" PRIx64,
              v, env.r[0], want);
    }
}

static void test_loop(void)
{
    IRTemp sum, i, keep;
    uint32_t top;

    /* sum = 1 + ... + r1 by a backward branch; keep lives around the loop. */
    begin();
    sum = L(IR_I64);
    i = L(IR_I64);
    keep = L(IR_I64);
    ir_mul(&blk, IR_I64, keep, R[2], K(IR_I64, 3));
    ir_movi(&blk, IR_I64, sum, 0);
    ir_mov(&blk, IR_I64, i, R[1]);
    top = ir_new_label(&blk);
    ir_label(&blk, top);
    ir_add(&blk, IR_I64, sum, sum, i);
    ir_sub(&blk, IR_I64, i, i, K(IR_I64, 1));
    ir_brcond(&blk, IR_I64, IR_COND_NE, i, K(IR_I64, 0), top);
    ir_add(&blk, IR_I64, R[0], sum, keep);
    if (finish()) {
        env.r[1] = 1000;
        env.r[2] = 7;
        run(&cur_tb);
        check(env.r[0] == 500500 + 21, "loop: %" PRIu64, env.r[0]);
    }
}

/* Registers carried into labels by forward jumps. */
static uint64_t h_ret(uint64_t a)
{
    return a * 2;
}

static IRHelper helper_ret = { (void *)h_ret, "ret", 1, 0, 0 };

static void test_labels(void)
{
    uint32_t l1, l2;
    IRTemp t;

    for (int variant = 0; variant < 4; variant++) {
        begin();
        t = L(IR_I64);
        l1 = ir_new_label(&blk);
        l2 = ir_new_label(&blk);
        ir_add(&blk, IR_I64, t, R[1], K(IR_I64, 0x123456789ull));
        ir_add(&blk, IR_I64, R[3], R[3], K(IR_I64, 1));
        ir_brcond(&blk, IR_I64, IR_COND_EQ, R[2], K(IR_I64, 0), l1);
        if (variant == 0)
            ir_add(&blk, IR_I64, R[1], R[1], K(IR_I64, 100));
        else if (variant == 1)
            ir_call(&blk, &helper_ret, R[1], R[1], IR_NONE, IR_NONE, IR_NONE, IR_NONE);
        else if (variant == 2)
            ir_add(&blk, IR_I64, R[1], R[3], K(IR_I64, 0x123456789ull));
        if (variant == 3) {
            ir_brcond(&blk, IR_I64, IR_COND_EQ, R[2], K(IR_I64, 1), l2);
            ir_movi(&blk, IR_I64, R[1], 7);
            ir_br(&blk, l1);
            ir_label(&blk, l2);
            ir_add(&blk, IR_I64, R[3], R[1], K(IR_I64, 0x123456789ull));
            ir_mov(&blk, IR_I64, R[1], R[3]);
        }
        ir_label(&blk, l1);
        ir_add(&blk, IR_I64, R[0], R[1], t);
        ir_add(&blk, IR_I64, R[0], R[0], R[3]);
        ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 0x123456789ull));
        if (!finish())
            return;
        for (uint64_t cond = 0; cond < 3; cond++) {
            uint64_t r1 = 1000, r3 = 5, want;
            env.r[1] = r1;
            env.r[2] = cond;
            env.r[3] = r3;
            run(&cur_tb);
            r3 += 1;
            if (cond != 0) {
                if (variant == 0)
                    r1 += 100;
                else if (variant == 1)
                    r1 *= 2;
                else if (variant == 2)
                    r1 = r3 + 0x123456789ull;
                else if (cond == 1)
                    r3 = r1 + 0x123456789ull, r1 = r3;
                else
                    r1 = 7;
            }
            want = r1 + 1000 + 0x123456789ull + r3 + 0x123456789ull;
            check(env.r[0] == want && env.r[1] == r1 && env.r[3] == r3,
                  "labels variant %d cond %" PRIu64 ": %#" PRIx64 ", want %#" PRIx64,
                  variant, cond, env.r[0], want);
        }
    }
}

/* A block that jumps back to its own start loops without leaving. */
static unsigned stop_after;
static TB *stop_tb;

/* Stops the loop after stop_after calls: by exit_request, or by
 * invalidating stop_tb as exec.c does (the block marked invalid, and
 * exit_request set on every thread: the back edge tests only that). */
static uint64_t h_count(uint64_t envp)
{
    if (stop_after && --stop_after == 0) {
        if (stop_tb)
            stop_tb->invalid = true;
        ((TestEnv *)envp)->common.exit_request = 1;
    }
    return 0;
}

static IRHelper helper_count = { (void *)h_count, "count", 1, IR_HELPER_NO_GLOBALS, 0 };

static void test_self_loop(void)
{
    for (int variant = 0; variant < 4; variant++) {
        uint32_t l = 0;
        uintptr_t r;
        exec_opts.no_chain = variant == 3;
        begin();
        blk.pc_start = 0x4000;
        l = ir_new_label(&blk);
        ir_insn_start(&blk, 0x4000);
        ir_add(&blk, IR_I64, R[0], R[0], R[1]);
        ir_xor(&blk, IR_I64, R[4], R[4], R[0]);
        if (variant == 1 || variant == 2)
            ir_call(&blk, &helper_count, IR_NONE, IR_ENV, IR_NONE, IR_NONE, IR_NONE, IR_NONE);
        ir_insn_start(&blk, 0x4004);
        ir_sub(&blk, IR_I64, R[2], R[2], K(IR_I64, 1));
        ir_brcond(&blk, IR_I64, IR_COND_NE, R[2], K(IR_I64, 0), l);
        ir_goto_tb(&blk, 0);
        ir_movi(&blk, IR_I64, PC, 0x4008);
        ir_exit_tb(&blk, 0);
        ir_label(&blk, l);
        ir_goto_tb(&blk, 1);
        ir_movi(&blk, IR_I64, PC, 0x4000);
        ir_exit_tb(&blk, 1);
        if (!finish())
            break;
        env.r[0] = 0;
        env.r[1] = 3;
        env.r[2] = 1000;
        env.r[4] = 0;
        stop_after = variant == 1 || variant == 2 ? 10 : 0;
        stop_tb = variant == 2 ? &cur_tb : NULL;
        r = run(&cur_tb);
        uint64_t iters = variant == 0 ? 1000 : variant == 3 ? 1 : 10, x = 0;
        for (uint64_t i = 1; i <= iters; i++)
            x ^= 3 * i;
        if (variant == 0)
            check(r == ((uintptr_t)&cur_tb | 0) && env.common.pc == 0x4008 && env.r[0] == 3000 &&
                  env.r[2] == 0 && env.r[4] == x, "self loop runs to the end");
        else if (variant == 3)
            check(r == ((uintptr_t)&cur_tb | 1) && env.r[0] == 3 && env.r[2] == 999,
                  "self loop with chaining off");
        else
            check(r == ((uintptr_t)&cur_tb | TB_EXIT_NOCHAIN) && env.common.pc == 0x4000 &&
                  env.r[0] == 30 && env.r[2] == 990 && env.r[4] == x,
                  "self loop stops on %s", variant == 1 ? "exit_request" : "invalidation");
        env.common.exit_request = 0;
        cur_tb.invalid = false;
    }
    exec_opts.no_chain = false;
}

/* Early exits of a loop trace: brconds to labels at the end whose code
 * leaves, while the way on goes through more code (private labels: the
 * exit's code starts from the registers as the branch left them, dirty
 * globals and locals included; the way on writes nothing back there). */
static void test_early_exits(void)
{
    for (uint64_t which = 0; which < 3; which++) {
        uint32_t s1, s2;
        IRTemp t, u;
        uintptr_t r;

        begin();
        t = L(IR_I64);
        u = L(IR_I64);
        s1 = ir_new_label(&blk);
        s2 = ir_new_label(&blk);
        ir_add(&blk, IR_I64, R[0], R[0], R[1]);           /* dirty at the first exit */
        ir_mul(&blk, IR_I64, t, R[2], K(IR_I64, 3));      /* read by the exits only */
        ir_add(&blk, IR_I64, u, R[3], K(IR_I64, 5));      /* and by the way on */
        ir_brcond(&blk, IR_I64, IR_COND_EQ, R[4], K(IR_I64, 1), s1);
        ir_add(&blk, IR_I64, R[5], u, K(IR_I64, 1));
        ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 100));
        ir_brcond(&blk, IR_I64, IR_COND_EQ, R[4], K(IR_I64, 2), s2);
        ir_add(&blk, IR_I64, R[6], R[5], u);
        ir_movi(&blk, IR_I64, PC, 0x2000);
        ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
        ir_label(&blk, s1);
        ir_add(&blk, IR_I64, R[7], t, u);
        ir_movi(&blk, IR_I64, PC, 0x3000);
        ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
        ir_label(&blk, s2);
        ir_add(&blk, IR_I64, R[7], t, R[5]);
        ir_movi(&blk, IR_I64, PC, 0x4000);
        ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
        if (!finish())
            return;
        for (int i = 0; i < 8; i++)
            env.r[i] = (uint64_t)i << 8;
        env.r[4] = which;
        r = run(&cur_tb);
        uint64_t r0 = 0 + (1 << 8), tv = (2 << 8) * 3, uv = (3 << 8) + 5;
        bool ok = r == ((uintptr_t)&cur_tb | TB_EXIT_NOCHAIN);
        if (which == 1)
            ok = ok && env.common.pc == 0x3000 && env.r[0] == r0 && env.r[7] == tv + uv &&
                 env.r[5] == 5 << 8 && env.r[6] == 6 << 8;
        else if (which == 2)
            ok = ok && env.common.pc == 0x4000 && env.r[0] == r0 + 100 && env.r[5] == uv + 1 &&
                 env.r[7] == tv + uv + 1 && env.r[6] == 6 << 8;
        else
            ok = ok && env.common.pc == 0x2000 && env.r[0] == r0 + 100 && env.r[5] == uv + 1 &&
                 env.r[6] == 2 * uv + 1 && env.r[7] == 7 << 8;
        check(ok, "early exit %" PRIu64 " of a trace-shaped block", which);
    }
}

/* ---- exits, chaining, the pc map, faults ---- */

/* B of the exit tests: r0 += 1, then exception 7 with pc 0x2004. */
static bool gen_excp_block(TB *tb)
{
    begin();
    ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 1));
    ir_movi(&blk, IR_I64, PC, 0x2004);
    ir_exit_excp(&blk, 7);
    return gen(tb);
}

/* End the block begun at 0x1000 with an instruction at 0x1004 that takes
 * goto_tb 1 to 0x3000 when r1 == 99, else goto_tb 0 to 0x2000; generate
 * it into tb. */
static bool gen_two_exits(TB *tb)
{
    uint32_t l = ir_new_label(&blk);

    ir_insn_start(&blk, 0x1004);
    ir_brcond(&blk, IR_I64, IR_COND_EQ, R[1], K(IR_I64, 99), l);
    ir_goto_tb(&blk, 0);
    ir_movi(&blk, IR_I64, PC, 0x2000);
    ir_exit_tb(&blk, 0);
    ir_label(&blk, l);
    ir_goto_tb(&blk, 1);
    ir_movi(&blk, IR_I64, PC, 0x3000);
    ir_exit_tb(&blk, 1);
    return gen(tb);
}

/* discard: a global dirty in a register at an early exit (a private
 * label's code: regalloc.c) that discards it is not written back there,
 * env keeping its older value; at the block's other exit it is. */
static void test_discard(void)
{
    TB a = { 0 };
    uint32_t l, l2;
    uintptr_t r;

    begin();
    l = ir_new_label(&blk);
    ir_insn_start(&blk, 0x1000);
    ir_add(&blk, IR_I64, R[1], R[2], K(IR_I64, 1));
    ir_brcond(&blk, IR_I64, IR_COND_EQ, R[3], K(IR_I64, 0), l);
    ir_add(&blk, IR_I64, R[4], R[1], K(IR_I64, 2));
    l2 = ir_new_label(&blk);   /* the way on does not leave at once */
    ir_brcond(&blk, IR_I64, IR_COND_EQ, R[5], K(IR_I64, 99), l2);
    ir_label(&blk, l2);
    ir_movi(&blk, IR_I64, PC, 0x2000);
    ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
    ir_label(&blk, l);
    ir_discard(&blk, IR_I64, R[1]);
    ir_movi(&blk, IR_I64, PC, 0x3000);
    ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
    if (!gen(&a))
        return;
    env.r[1] = 7;
    env.r[2] = 40;
    env.r[3] = 0;
    r = run(&a);
    check(r == ((uintptr_t)&a | TB_EXIT_NOCHAIN) && env.common.pc == 0x3000 && env.r[1] == 7,
          "discarded global not written back (r1 %#lx)", (unsigned long)env.r[1]);
    env.r[3] = 1;
    r = run(&a);
    check(r == ((uintptr_t)&a | TB_EXIT_NOCHAIN) && env.common.pc == 0x2000 && env.r[1] == 41 &&
          env.r[4] == 43, "written back on the other exit");
}

/* Guest calls and returns on the host's call and ret (lower.c's
 * return-address frames): A (0x1000) calls F (0x5000) with return address
 * 0x1004, F returns to r2 (its X30), C (0x1004) ends in exception 7; B
 * (0x2000) calls r3's block (BLR: lookup_result stands in for the jump
 * cache) with return address 0x2004. */
static void test_guest_calls(void)
{
    TB a = { 0 }, f = { 0 }, cb = { 0 }, b = { 0 };
    uintptr_t r;

    begin();
    blk.pc_start = 0x5000;
    ir_insn_start(&blk, 0x5000);
    ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 10));
    ir_mov(&blk, IR_I64, PC, R[2]);
    ir_goto_ret(&blk);
    if (!gen(&f))
        return;
    begin();
    blk.pc_start = 0x1004;
    ir_insn_start(&blk, 0x1004);
    ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 100));
    ir_movi(&blk, IR_I64, PC, 0x1008);
    ir_exit_excp(&blk, 7);
    if (!gen(&cb))
        return;
    begin();
    ir_insn_start(&blk, 0x1000);
    ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 1));
    ir_call_tb(&blk, 0, 0x1004);
    ir_movi(&blk, IR_I64, PC, 0x5000);
    ir_exit_tb(&blk, 0);
    if (!gen(&a))
        return;
    check(a.jmp_insn_off[0] != TB_NO_JUMP && a.jmp_insn_off[1] != TB_NO_JUMP &&
          ((uintptr_t)a.host_code + a.jmp_insn_off[0]) % 4 == 0 &&
          ((uintptr_t)a.host_code + a.jmp_insn_off[1]) % 4 == 0 &&
          a.jmp_reset_off[0] > a.jmp_insn_off[1] && a.jmp_reset_off[1] == a.jmp_insn_off[1] + 4,
          "call slots: the call, then the continuation's jump");

    env.r[0] = 0;
    env.r[2] = 0x1004;
    r = run(&a);
    check(r == ((uintptr_t)&a | 0) && env.common.pc == 0x5000 && env.r[0] == 1, "unchained call");
    x64_set_jump(&a, 0, f.host_code);
    r = run(&a);
    check(r == ((uintptr_t)&a | 1) && env.common.pc == 0x1004 && env.r[0] == 12,
          "return into the continuation, unchained (%#lx)", (unsigned long)r);
    x64_set_jump(&a, 1, cb.host_code);
    r = run(&a);
    check(r == (7u << 2 | TB_EXIT_EXCP) && env.common.pc == 0x1008 && env.r[0] == 123,
          "call, return, chained on (%#lx)", (unsigned long)r);
    /* a return elsewhere: the continuation sees another pc and leaves */
    env.r[2] = 0x7777;
    r = run(&a);
    check(r == TB_EXIT_NOCHAIN && env.common.pc == 0x7777 && env.r[0] == 134,
          "return to another address (%#lx)", (unsigned long)r);
    /* no frame: the bottom one's continuation leaves for the lookup */
    env.r[2] = 0x1004;
    r = run(&f);
    check(r == TB_EXIT_NOCHAIN && env.common.pc == 0x1004 && env.r[0] == 144,
          "return without a call");
    /* exit_request: the return looks up instead (here: leaves) */
    env.common.exit_request = 1;
    r = run(&a);
    check(r == TB_EXIT_NOCHAIN && env.common.pc == 0x1004 && env.r[0] == 155,
          "exit_request: no return into a frame");
    env.common.exit_request = 0;
    x64_set_jump(&a, 0, a.host_code + a.jmp_reset_off[0]);
    r = run(&a);
    check(r == ((uintptr_t)&a | 0) && env.common.pc == 0x5000, "call unchained again");

    /* BLR: a call into the lookup; F returns through the frame it made */
    begin();
    blk.pc_start = 0x2000;
    ir_insn_start(&blk, 0x2000);
    ir_mov(&blk, IR_I64, PC, R[3]);
    ir_call_ptr(&blk, 0x2004);
    if (!gen(&b))
        return;
    env.r[0] = 0;
    env.r[2] = 0x2004;
    env.r[3] = 0x5000;
    lookup_result = f.host_code;
    r = run(&b);
    check(r == ((uintptr_t)&b | 1) && env.common.pc == 0x2004 && env.r[0] == 10,
          "BLR call and return (%#lx)", (unsigned long)r);
    lookup_result = x64_lookup_exit();
}

static void test_exits(void)
{
    TB a = { 0 }, b2 = { 0 }, c = { 0 };
    uintptr_t r;

    if (!gen_excp_block(&b2))
        return;
    /* A: r0 = 11, goto_tb 0 to 0x2000, and a second slot never taken. */
    begin();
    ir_insn_start(&blk, 0x1000);
    ir_movi(&blk, IR_I64, R[0], 11);
    if (!gen_two_exits(&a))
        return;
    check(a.ninsns == 2 && a.insns && a.insns[0].pc == 0x1000 && a.insns[1].pc == 0x1004 &&
          a.insns[0].host_off < a.insns[1].host_off && a.insns[1].host_off < a.host_size,
          "insn map");
    for (int s = 0; s < 2; s++)
        check(a.jmp_insn_off[s] != TB_NO_JUMP && ((uintptr_t)a.host_code + a.jmp_insn_off[s]) % 4 == 0 &&
              a.jmp_reset_off[s] == a.jmp_insn_off[s] + 4, "goto_tb slot %d layout", s);
    check(b2.jmp_insn_off[0] == TB_NO_JUMP && b2.jmp_insn_off[1] == TB_NO_JUMP, "unused slots");

    /* Their pcs are the TB's (epilogue_pc stores them): no pc store in
     * the exit code. */
    check(a.exit_pc[0] == 0x2000 && a.exit_pc[1] == 0x3000, "exit pcs in the TB");
    env.r[1] = 0;
    env.common.pc = 0;
    r = run(&a);
    check(r == ((uintptr_t)&a | 0) && env.common.pc == 0x2000 && env.r[0] == 11, "exit_tb 0");
    env.r[1] = 99;
    env.common.pc = 0;
    r = run(&a);
    check(r == ((uintptr_t)&a | 1) && env.common.pc == 0x3000, "exit_tb 1");

    x64_set_jump(&a, 0, b2.host_code);
    env.r[1] = 0;
    env.common.pc = 0;
    r = run(&a);
    check(r == (7u << 2 | TB_EXIT_EXCP) && env.r[0] == 12 && env.common.pc == 0x2004,
          "chained goto_tb then exit_excp (%#lx)", (unsigned long)r);
    x64_set_jump(&a, 0, a.host_code + a.jmp_reset_off[0]);
    r = run(&a);
    check(r == ((uintptr_t)&a | 0), "unchained again");

    /* exit_request is not looked at by a goto_tb to a later pc (the
     * chain goes on into B)... */
    env.common.exit_request = 1;
    env.r[0] = 0;
    env.r[1] = 0;
    x64_set_jump(&a, 0, b2.host_code);
    r = run(&a);
    check(r == (7u << 2 | TB_EXIT_EXCP) && env.r[0] == 12, "exit_request: forward chain goes on");
    x64_set_jump(&a, 0, a.host_code + a.jmp_reset_off[0]);
    /* ...but a goto_tb back to an earlier pc leaves through its unchained
     * exit, chained or not. */
    begin();
    blk.pc_start = 0x4000;
    ir_insn_start(&blk, 0x4000);
    ir_add(&blk, IR_I64, R[0], R[0], K(IR_I64, 1));
    ir_goto_tb(&blk, 0);
    ir_movi(&blk, IR_I64, PC, 0x2000);
    ir_exit_tb(&blk, 0);
    if (gen(&c)) {
        x64_set_jump(&c, 0, b2.host_code);
        env.r[0] = 0;
        env.common.pc = 0;
        r = run(&c);
        check(r == ((uintptr_t)&c | 0) && env.common.pc == 0x2000 && env.r[0] == 1,
              "exit_request: backward goto_tb leaves");
        env.common.exit_request = 0;
        r = run(&c);
        check(r == (7u << 2 | TB_EXIT_EXCP) && env.r[0] == 3, "backward goto_tb chained");
    }
    env.common.exit_request = 0;

    /* goto_ptr: into B, or back to the dispatcher on a miss. */
    begin();
    ir_add(&blk, IR_I64, PC, R[1], K(IR_I64, 4));
    ir_goto_ptr(&blk);
    if (gen(&c)) {
        lookup_result = b2.host_code;
        env.r[0] = 1;
        r = run(&c);
        check(r == (7u << 2 | TB_EXIT_EXCP) && env.r[0] == 2, "goto_ptr hit");
        lookup_result = x64_lookup_exit();
        env.r[1] = 0x5000;
        r = run(&c);
        check(r == TB_EXIT_NOCHAIN && env.common.pc == 0x5004, "goto_ptr miss");
    }
}

/* ---- relocatable code (the persistent translation cache) ---- */

static IRHelper helper_labs = { (void *)labs, "labs", 1, IR_HELPER_NO_GLOBALS, 0 };

/* A TB from cache.c's region: its exits name it by a 32-bit offset
 * (mov eax, imm32, 5 bytes less an exit than a TB elsewhere), the
 * epilogue adds cache_tb_base back; and the code placed for another
 * region TB returns that TB. */
static void test_region_exits(void)
{
    TB *t = cache_alloc_tb(), *t2 = cache_alloc_tb(), out = { 0 };
    TCReloc rel[X64_MAX_RELOCS];
    uint8_t copy[512];
    uintptr_t r;
    int n, off32 = 0;

    if (!check(t && t2 && (uintptr_t)t - cache_tb_base < cache_tb_span, "a TB from the region"))
        return;
    begin();
    ir_insn_start(&blk, 0x1000);
    if (!gen_two_exits(&out))
        return;
    begin();
    ir_insn_start(&blk, 0x1000);
    x64_record_relocs = true;
    if (!gen_two_exits(t))
        return;
    x64_record_relocs = false;
    for (unsigned slot = 0; slot < 2; slot++) {
        uint8_t mov[5] = { 0xb8 };
        uint32_t off = (uint32_t)((uintptr_t)t - cache_tb_base) | slot;
        memcpy(mov + 1, &off, 4);
        check(memmem(codebuf_rw(t->host_code), t->host_size, mov, 5) != NULL,
              "slot %u exit: mov eax, offset", slot);
    }
    check(t->host_size < out.host_size, "shorter than a TB's outside the region (%u, %u)",
          t->host_size, out.host_size);
    env.r[1] = 0;
    env.common.pc = 0;
    r = run(t);
    check(r == ((uintptr_t)t | 0) && env.common.pc == 0x2000, "region TB: exit_tb 0");
    env.r[1] = 99;
    env.common.pc = 0;
    r = run(t);
    check(r == ((uintptr_t)t | 1) && env.common.pc == 0x3000, "region TB: exit_tb 1");

    n = x64_tc_relocs(t, rel, X64_MAX_RELOCS);
    for (int i = 0; i < n; i++)
        off32 += rel[i].kind == TC_RELOC_TB_OFF32;
    if (!check(n > 0 && off32 == 2 && t->host_size <= sizeof(copy), "TB offset relocations: %d", off32))
        return;
    memcpy(copy, codebuf_rw(t->host_code), t->host_size);
    codebuf_populate(code_buf.used + 4096);
    if (!check(x64_tc_place(t2, copy, t->host_size, rel, (unsigned)n), "placed for another TB"))
        return;
    memcpy(t2->exit_pc, t->exit_pc, sizeof(t->exit_pc));
    env.r[1] = 99;
    env.common.pc = 0;
    r = run(t2);
    check(r == ((uintptr_t)t2 | 1) && env.common.pc == 0x3000, "placed: returns the new TB");
}

static void test_tcache_relocs(void)
{
    TB a = { 0 }, a2 = { 0 }, b2 = { 0 }, c = { 0 };
    static uint8_t copy[4096];
    TCReloc rel[X64_MAX_RELOCS];
    int n, kinds = 0;
    size_t used;
    uintptr_t r;

    x64_record_relocs = true;
    /* B: an exception exit, to chain to. */
    if (!gen_excp_block(&b2))
        return;
    /* A: a helper of guise's image, two goto_tb exits (tb | slot). */
    begin();
    IRTemp d = L(IR_I64);
    ir_insn_start(&blk, 0x1000);
    ir_call(&blk, &helper_five, d, R[1], K(IR_I64, 2), K(IR_I64, 3), IR_ENV, K(IR_I64, 5));
    ir_mov(&blk, IR_I64, R[0], d);
    if (!gen_two_exits(&a))
        return;
    n = x64_tc_relocs(&a, rel, X64_MAX_RELOCS);
    for (int i = 0; i < n; i++)
        kinds |= 1 << rel[i].kind;
    check(n > 0 && (kinds & 1 << TC_RELOC_TB_ABS64) && (kinds & 1 << TC_RELOC_STUB_REL32) &&
          (kinds & (1 << TC_RELOC_IMAGE_REL32 | 1 << TC_RELOC_IMAGE_ABS64)),
          "relocations: %d of kinds %#x", n, kinds);
    if (n <= 0 || !check(a.host_size <= sizeof(copy), "block fits the copy"))
        return;
    memcpy(copy, codebuf_rw(a.host_code), a.host_size);

    /* The copy placed elsewhere behaves as A, but is A2. */
    codebuf_populate(code_buf.used + 4096);
    code_buf.used += 64;
    if (!check(x64_tc_place(&a2, copy, a.host_size, rel, (unsigned)n), "placed"))
        return;
    for (int s = 0; s < 2; s++) {
        a2.jmp_insn_off[s] = a.jmp_insn_off[s];
        a2.jmp_reset_off[s] = a.jmp_reset_off[s];
        a2.exit_pc[s] = a.exit_pc[s];     /* as tcache.c keeps them */
    }
    check(a2.host_code != a.host_code && a2.host_size == a.host_size, "a new place");
    env.r[1] = 7;
    r = run(&a2);
    check(r == ((uintptr_t)&a2 | 0) && env.common.pc == 0x2000 &&
          env.r[0] == h_five(7, 2, 3, (uintptr_t)&env, 5), "relocated: helper and exit_tb 0");
    env.r[1] = 99;
    r = run(&a2);
    check(r == ((uintptr_t)&a2 | 1) && env.common.pc == 0x3000, "relocated: exit_tb 1");
    x64_set_jump(&a2, 0, b2.host_code);
    env.r[1] = 0;
    r = run(&a2);
    check(r == (7u << 2 | TB_EXIT_EXCP) && env.common.pc == 0x2004, "relocated: chained");

    /* A relocation out of range is refused, nothing committed. */
    used = code_buf.used;
    rel[0].value = ~0ull >> 1;
    check(!x64_tc_place(&c, copy, a.host_size, rel, (unsigned)n) && code_buf.used == used,
          "bad relocation refused");
    rel[0].value = 0;
    rel[0].off = a.host_size - 2;
    check(!x64_tc_place(&c, copy, a.host_size, rel, (unsigned)n) && code_buf.used == used,
          "relocation past the code refused");

    /* A call outside guise's image (libc's labs) cannot be kept. */
    begin();
    d = L(IR_I64);
    ir_call(&blk, &helper_labs, d, R[1], IR_NONE, IR_NONE, IR_NONE, IR_NONE);
    ir_mov(&blk, IR_I64, R[0], d);
    if (finish())
        check(x64_tc_relocs(&cur_tb, rel, X64_MAX_RELOCS) < 0, "a call into libc is not kept");
    x64_record_relocs = false;
}

static sigjmp_buf fault_jmp;
static volatile uintptr_t fault_pc;
static uint64_t fault_regs[16];   /* x86 encoding order */

static void on_segv(int sig, siginfo_t *info, void *ucv)
{
    static const int8_t greg[16] = {
        REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
        REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
    };
    const ucontext_t *uc = ucv;

    (void)sig;
    (void)info;
    fault_pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    for (int r = 0; r < 16; r++)
        fault_regs[r] = (uint64_t)uc->uc_mcontext.gregs[greg[r]];
    siglongjmp(fault_jmp, 1);
}

static void test_fault(void)
{
    struct sigaction sa = { 0 }, old;
    IRTemp d;

    begin();
    d = L(IR_I64);
    ir_insn_start(&blk, 0x100);
    ir_add(&blk, IR_I64, R[3], R[1], K(IR_I64, 1));
    ir_insn_start(&blk, 0x104);
    ir_add(&blk, IR_I64, R[4], R[3], K(IR_I64, 1));
    ir_ld(&blk, IR_I64, d, R[2], IR_MO_64);
    ir_mov(&blk, IR_I64, R[0], d);
    ir_insn_start(&blk, 0x108);
    ir_st(&blk, IR_I64, R[4], R[2], IR_MO_64);
    ir_add(&blk, IR_I64, R[4], R[4], K(IR_I64, 1));   /* written again: r4 stays in its register */
    if (!finish())
        return;
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, &old);
    env.r[1] = 50;
    env.r[2] = 8;           /* unmapped */
    env.r[3] = env.r[4] = 0;
    if (!sigsetjmp(fault_jmp, 1)) {
        run(&cur_tb);
        check(false, "no fault");
    } else {
        uint32_t off = (uint32_t)(fault_pc - (uintptr_t)cur_tb.host_code);
        uint64_t pc = 0;
        for (uint32_t i = 0; i < cur_tb.ninsns && cur_tb.insns[i].host_off <= off; i++)
            pc = cur_tb.insns[i].pc;
        check(fault_pc >= (uintptr_t)cur_tb.host_code && off < cur_tb.host_size && pc == 0x104,
              "fault maps to guest pc %#" PRIx64, pc);
        /* r3, not written again, is in env; r4, written again after, is
         * in a host register that the load's fault map names */
        check(env.r[3] == 51 && env.r[4] == 0, "only the global not written again is in env");
        check(x64_fault_restore(&cur_tb, fault_pc, &env.common, fault_regs) &&
              env.r[3] == 51 && env.r[4] == 52, "the fault map completes env");
    }
    sigaction(SIGSEGV, &old, NULL);
}

static void test_failures(void)
{
    TB tb = { 0 };
    size_t used, size = code_buf.size;

    /* More simultaneously live values than spill slots. */
    begin();
    enum { N = X64_NSLOTS + 20 };
    static IRTemp t[N];
    for (int i = 0; i < N; i++) {
        t[i] = L(IR_I64);
        ir_add(&blk, IR_I64, t[i], R[1], K(IR_I64, (uint64_t)i));
    }
    for (int i = 0; i < N; i++)
        ir_add(&blk, IR_I64, R[0], R[0], t[i]);
    ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
    used = code_buf.used;
    check(x64_gen_tb(&tb, &blk) == X64_GEN_TOO_BIG && code_buf.used == used && !tb.host_code,
          "too many spills gives X64_GEN_TOO_BIG");

    /* A buffer that is nearly full. */
    begin();
    for (int i = 0; i < 50; i++)
        ir_add(&blk, IR_I64, R[i % 16], R[(i + 1) % 16], R[(i + 5) % 16]);
    ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
    used = code_buf.used;
    code_buf.size = used + 100;
    check(x64_gen_tb(&tb, &blk) == X64_GEN_FULL && code_buf.used == used && !tb.host_code,
          "full buffer gives X64_GEN_FULL");
    code_buf.size = size;
}

/* ---- random blocks against the IR interpreter ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(uint64_t n) { return xorshift64(&rng) % n; }

static const uint64_t rvals[] = {
    0, 1, 2, 5, 31, 32, 63, 64, 0x7f, 0x80, 0xffff, 0x7fffffff, 0x80000000,
    0xffffffff, 0x100000000ull, 0x8000000000000000ull, 0xffffffffffffffffull,
    0x123456789abcdef0ull, 0xfffffffffffffff0ull,
};

static uint64_t h_mix(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e)
{
    return (a * 3) ^ (b + c) ^ (d << 7) ^ (e >> 3);
}

static uint64_t h_bump(uint64_t envp)
{
    TestEnv *e = (TestEnv *)envp;
    e->r[5] += 0x101;
    return e->r[6];
}

static uint64_t h_peek(uint64_t envp, uint64_t x)
{
    return ((TestEnv *)envp)->r[7] + x;
}

static IRHelper helper_mix = { (void *)h_mix, "mix", 5, IR_HELPER_NO_GLOBALS | IR_HELPER_PURE, 0 };
static IRHelper helper_bump = { (void *)h_bump, "bump", 1, 0, 0 };
static IRHelper helper_peek = { (void *)h_peek, "peek", 2, IR_HELPER_READ_GLOBALS, 0 };

enum { NLOC = 24, RIDX = 13, RBASE = 14, RCNT = 15 };
static uint8_t dmem[2][128] __attribute__((aligned(64)));
static IRTemp loc[NLOC];

/* A value of type t: mostly locals, some globals and constants. */
static IRTemp rnd_src(IRType t)
{
    uint64_t k = rnd(10);
    if (k < 6)
        return loc[rnd(NLOC)];
    if (k < 8)
        return rnd(5) ? R[rnd(RIDX)] : W[rnd(4)];
    if (rnd(8) == 0)
        return IR_ENV;   /* the same pointer in both runs */
    return K(t, rvals[rnd(sizeof(rvals) / sizeof(rvals[0]))]);
}

/* A destination for an op of type t (an i64 result needs an i64 temp). */
static IRTemp rnd_dst(IRType t)
{
    for (;;) {
        IRTemp d = rnd(3) ? loc[rnd(NLOC)] : rnd(5) ? R[rnd(RIDX)] : W[rnd(4)];
        if (t == IR_I32 || blk.temps[d].type == IR_I64)
            return d;
    }
}

/* A guest address in dmem, aligned to n: R14 (the base) plus an offset,
 * or plus R15 (the loop counter, at most 3) or R13's sign-extended low
 * half (-4..3) scaled by 1..8 (the backend folds the forms without an
 * extension into the access: regalloc.c).  Random ops write neither. */
static IRTemp rnd_addr(unsigned n)
{
    IRTemp a = L(IR_I64), x = R[RCNT];
    unsigned s = (unsigned)__builtin_ctz(n);

    if (rnd(3)) {
        ir_add(&blk, IR_I64, a, R[RBASE], K(IR_I64, (rnd(120 / n) * n) - 32));
        return a;
    }
    s += (unsigned)rnd(4 - s);
    if (rnd(2)) {   /* [Xn, Wm, SXTW|UXTW #s]: R13's low half is -4..3 */
        x = L(IR_I64);
        if (rnd(2))
            ir_ext32s(&blk, x, R[RIDX]);
        else
            ir_ext32u(&blk, x, R[RCNT]);
    }
    if (s) {
        IRTemp y = L(IR_I64);
        ir_shl(&blk, IR_I64, y, x, K(IR_I64, s));
        x = y;
    }
    if (rnd(2))
        ir_add(&blk, IR_I64, a, R[RBASE], x);
    else
        ir_add(&blk, IR_I64, a, x, R[RBASE]);
    return a;
}

static void rnd_op(void)
{
    static const IROpcode bin[] = {
        IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_divs,
        IR_OP_divu, IR_OP_rems, IR_OP_remu, IR_OP_and, IR_OP_or, IR_OP_xor,
        IR_OP_andc, IR_OP_orc, IR_OP_eqv, IR_OP_shl, IR_OP_shr, IR_OP_sar,
        IR_OP_rotl, IR_OP_rotr,
    };
    static const IROpcode un[] = {
        IR_OP_mov, IR_OP_neg, IR_OP_not, IR_OP_clz, IR_OP_ctz, IR_OP_ctpop,
        IR_OP_bswap, IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s, IR_OP_ext16u,
    };
    IRType t = rnd(2) ? IR_I64 : IR_I32;
    unsigned width = t == IR_I64 ? 64 : 32, pos = (unsigned)rnd(width);
    unsigned len = 1 + (unsigned)rnd(width - pos), mo = (unsigned)rnd(16), n = 1u << (mo & 3);
    uint32_t a[3];

    /* A 64-bit access by an i32 op has no agreed meaning: not generated. */
    if (t == IR_I32 && (mo & IR_MO_SIZE) == IR_MO_64)
        mo &= ~1u, n = 4;
    switch (rnd(12)) {
    case 0: case 1: case 2: case 3:
        a[0] = rnd_dst(t), a[1] = rnd_src(t), a[2] = rnd_src(t);
        ir_emit(&blk, bin[rnd(sizeof(bin) / sizeof(bin[0]))], t, a);
        break;
    case 4:
        a[0] = rnd_dst(t), a[1] = rnd_src(t);
        ir_emit(&blk, un[rnd(sizeof(un) / sizeof(un[0]))], t, a);
        break;
    case 5:
        if (rnd(2))
            ir_extract(&blk, t, rnd_dst(t), rnd_src(t), pos, len);
        else if (rnd(2))
            ir_sextract(&blk, t, rnd_dst(t), rnd_src(t), pos, len);
        else
            ir_deposit(&blk, t, rnd_dst(t), rnd_src(t), rnd_src(t), pos, len);
        break;
    case 6:
        if (rnd(2))
            ir_setcond(&blk, t, (IRCond)rnd(IR_COND_NEVER + 1), rnd_dst(t), rnd_src(t), rnd_src(t));
        else
            ir_movcond(&blk, t, (IRCond)rnd(IR_COND_NEVER + 1), rnd_dst(t), rnd_src(t),
                       rnd_src(t), rnd_src(t), rnd_src(t));
        break;
    case 7:
        ir_ld(&blk, t, rnd_dst(t), rnd_addr(1), mo);
        break;
    case 8:
        ir_st(&blk, t, rnd_src(t), rnd_addr(1), mo);
        break;
    case 9:
        /* The interpreter ignores IR_MO_SIGN in atomics (the backend
         * extends the old value like a load): not compared here. */
        mo &= ~(unsigned)IR_MO_SIGN;
        if ((mo & IR_MO_BE) && rnd(2))
            ir_cmpxchg(&blk, t, rnd_dst(t), rnd_addr(n), rnd_src(t), rnd_src(t), mo);
        else if (rnd(2))
            ir_xchg(&blk, t, rnd_dst(t), rnd_addr(n), rnd_src(t), mo);
        else
            ir_fetch_add(&blk, t, rnd_dst(t), rnd_addr(n), rnd_src(t), mo & ~IR_MO_BE);
        break;
    case 10:
        /* Results are 64-bit: into i64 temps only. */
        if (rnd(3) == 0)
            ir_call(&blk, &helper_mix, rnd_dst(IR_I64), rnd_src(IR_I64), rnd_src(IR_I64),
                    rnd_src(IR_I64), rnd_src(IR_I64), rnd_src(IR_I64));
        else if (rnd(2))
            ir_call(&blk, &helper_bump, rnd_dst(IR_I64), IR_ENV, IR_NONE, IR_NONE, IR_NONE,
                    IR_NONE);
        else
            ir_call(&blk, &helper_peek, rnd_dst(IR_I64), IR_ENV, rnd_src(IR_I64), IR_NONE,
                    IR_NONE, IR_NONE);
        break;
    default:
        ir_ldenv(&blk, t, rnd_dst(t), ENV_OFF(other) + (int32_t)(rnd(9 - n)), mo & ~IR_MO_BE);
        ir_stenv(&blk, t, rnd_src(t), ENV_OFF(r[rnd(RIDX)]), mo & 3);
        break;
    }
}

/* A block of random ops with forward branches and at most one loop. */
static void build_random(void)
{
    uint32_t open[8], top = 0;
    unsigned nopen = 0, nops = 20 + (unsigned)rnd(60);
    int loop_end = -1;

    begin();
    for (int i = 0; i < NLOC; i++) {
        IRType t = rnd(2) ? IR_I64 : IR_I32;
        loc[i] = L(t);
        ir_mov(&blk, t, loc[i], rnd(2) ? R[rnd(RIDX)] : K(t, rnd(1000)));
    }
    for (unsigned i = 0; i < nops; i++) {
        uint64_t k = rnd(20);
        if (k == 0 && nopen < 8) {
            open[nopen] = ir_new_label(&blk);
            ir_brcond(&blk, rnd(2) ? IR_I64 : IR_I32, (IRCond)rnd(IR_COND_NEVER + 1),
                      rnd_src(IR_I64), rnd_src(IR_I64), open[nopen]);
            nopen++;
        } else if (k == 1 && nopen > 0) {
            unsigned j = (unsigned)rnd(nopen);
            if (rnd(4) == 0)
                ir_br(&blk, open[rnd(nopen)]);
            ir_label(&blk, open[j]);
            open[j] = open[--nopen];
        } else if (k == 2 && loop_end < 0 && top == 0) {
            /* R15 counts iterations of every entry to the loop: it ends. */
            top = ir_new_label(&blk);
            ir_label(&blk, top);
            ir_add(&blk, IR_I64, R[RCNT], R[RCNT], K(IR_I64, 1));
            loop_end = (int)(i + 3 + rnd(15));
        } else if ((int)i == loop_end) {
            ir_brcond(&blk, IR_I64, IR_COND_LTU, R[RCNT], K(IR_I64, 3), top);
            loop_end = -2;
        } else {
            rnd_op();
        }
    }
    while (nopen > 0)
        ir_label(&blk, open[--nopen]);
}

/* Show where a random block's two runs differ (with X64_TEST_DUMP set in
 * the environment, also its IR, then stop). */
static void report_divergence(const TestEnv *jit, const TestEnv *ref, const IRBlock *b)
{
    for (int i = 0; i < 16; i++)
        if (jit->r[i] != ref->r[i])
            printf("  r%d: jit %#" PRIx64 ", interp %#" PRIx64 "\n", i, jit->r[i], ref->r[i]);
    for (int i = 0; i < 4; i++)
        if (jit->w[i] != ref->w[i])
            printf("  w%d: jit %#x, interp %#x\n", i, jit->w[i], ref->w[i]);
    if (jit->other != ref->other)
        printf("  other: jit %#" PRIx64 ", interp %#" PRIx64 "\n", jit->other, ref->other);
    for (unsigned i = 0; i < sizeof(dmem[0]); i++)
        if (dmem[0][i] != dmem[1][i])
            printf("  memory +%u: jit %#x, interp %#x\n", i, dmem[0][i], dmem[1][i]);
    if (getenv("X64_TEST_DUMP")) {
        ir_dump(stdout, b);
        exit(1);
    }
}

/* Random initial state; R14 points into dmem[m]. */
static void random_state(TestEnv *s, unsigned n)
{
    memset(s, 0, sizeof(*s));
    for (int i = 0; i < 16; i++)
        s->r[i] = rvals[rnd(sizeof(rvals) / sizeof(rvals[0]))] ^ rnd(4);
    for (int i = 0; i < 4; i++)
        s->w[i] = (uint32_t)rnd(1u << 31) * 3;
    s->other = 0x1122334455667788ull;
    s->r[RCNT] = 0;
    s->r[RIDX] = (uint64_t)rnd(1u << 31) << 32 | (uint32_t)((int32_t)rnd(8) - 4);
    for (int m = 0; m < 2; m++)
        for (unsigned i = 0; i < sizeof(dmem[m]); i++)
            dmem[m][i] = (uint8_t)(i * 29 + n);
}

static void test_random(void)
{
    X64Features all = x64_features;
    TB itb = { 0 };

    for (unsigned n = 0; n < 20000; n++) {
        TestEnv start, jit;
        uintptr_t rj, ri;

        if (n == 10000)
            memset(&x64_features, 0, sizeof(x64_features));
        if (n == 15000)
            guest_base = 0x10000;   /* r15 is reserved from here on */
        build_random();
        ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
        itb.pc = blk.pc_start;
        itb.ir = ir_block_clone(&blk);
        if (!gen(&cur_tb))
            break;
        random_state(&start, n);
        env = start;
        env.r[RBASE] = (uintptr_t)dmem[0] + 32 - guest_base;
        rj = run(&cur_tb);
        jit = env;
        env = start;
        env.r[RBASE] = (uintptr_t)dmem[1] + 32 - guest_base;
        ri = interp_run(&itb, &env.common);
        jit.r[RBASE] = env.r[RBASE];
        /* the generated code's own scratch memory is no guest state */
        jit.jit_frame = env.jit_frame;
        if (!check(rj == ((uintptr_t)&cur_tb | TB_EXIT_NOCHAIN) &&
                   ri == ((uintptr_t)&itb | TB_EXIT_NOCHAIN) &&
                   !memcmp(&jit, &env, sizeof(env)) && !memcmp(dmem[0], dmem[1], sizeof(dmem[0])),
                   "random block %u differs from the interpreter", n))
            report_divergence(&jit, &env, itb.ir);
        interp_free(&itb);
        ir_block_free(itb.ir);
        free(itb.ir);
        itb.ir = NULL;
    }
    x64_features = all;
    guest_base = 0;
}

int main(void)
{
    if (!setup())
        return 1;
    test_calls();
    test_pressure();
    test_loop();
    test_labels();
    test_self_loop();
    test_early_exits();
    test_exits();
    test_region_exits();
    test_guest_calls();
    test_discard();
    test_tcache_relocs();
    test_fault();
    test_failures();
    test_random();
    return finish_tests();
}
