/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The harness shared by the x86-64 backend tests (test-x64.c: encoder and
 * op semantics; test-x64-block.c: whole blocks).  Each includes it once:
 * it supplies what exec.c would (guest_base, exec_opts,
 * helper_lookup_tb_ptr), the pass/fail counters, a fake CPU state whose
 * registers are declared as IR globals (r0..r15 i64, w0..w3 i32, pc), and
 * the steps of a test: begin() a block, build it with the ir_ builders and
 * K()/L(), finish() it with an exit and generate it, run() it.
 */
#ifndef GUISE_TEST_X64_H
#define GUISE_TEST_X64_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "translate/backend.h"
#include "translate/cache.h"
#include "translate/codebuf.h"
#include "translate/x86_64/x64-internal.h"

/* Supplied by exec.c in guise proper. */
uintptr_t guest_base;
ExecOptions exec_opts;
static const void *lookup_result __attribute__((unused));
const void *helper_lookup_tb_ptr(CPUCommon *env)
{
    (void)env;
    return lookup_result;
}

static unsigned passed, failed;

static inline bool check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline bool check(bool ok, const char *fmt, ...)
{
    if (ok) {
        passed++;
        return true;
    }
    if (failed++ < 40) {
        va_list ap;
        va_start(ap, fmt);
        printf("FAIL: ");
        vprintf(fmt, ap);
        printf("\n");
        va_end(ap);
    }
    return false;
}

typedef struct TestEnv {
    CPUCommon common;
    uint64_t r[16];
    uint32_t w[4];
    uint64_t other;          /* state reached with ldenv/stenv only */
    uint32_t fpcr, fpsr;     /* test-vfp's ir_fp_fast words */
    _Alignas(16) uint8_t v[4][16];   /* and its vector registers */
    ExecJitFrame jit_frame;
} TestEnv;

static TestEnv env;
static IRGlobals globals;
static IRTemp R[16], W[4], PC;
static IRBlock blk;
static TB cur_tb;

#define ENV_OFF(f) ((int32_t)offsetof(TestEnv, f))

/* Code memory, the backend and the globals; false if unavailable. */
static inline bool setup(void)
{
    static char names[16][8];

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!codebuf_init(16u << 20, false)) {
        printf("cannot map code memory\n");
        return false;
    }
    cache_init(16u << 20);    /* the TB records' region, before the epilogues name it */
    x64_init(ENV_OFF(jit_frame));
    code_buf.reset_to = code_buf.used;
    PC = ir_global_declare(&globals, IR_I64, ENV_OFF(common.pc), "pc");
    for (int i = 0; i < 16; i++) {
        snprintf(names[i], sizeof(names[i]), "r%u", (unsigned)i & 15);
        R[i] = ir_global_declare(&globals, IR_I64, ENV_OFF(r[i]), names[i]);
    }
    for (int i = 0; i < 4; i++)
        W[i] = ir_global_declare(&globals, IR_I32, ENV_OFF(w[i]), "w");
    return true;
}

/* Print the summary; the exit status. */
static inline int finish_tests(void)
{
    ir_block_free(&blk);
    printf("%u passed, %u failed\n", passed, failed);
    return failed != 0;
}

static inline IRBlock *begin(void)
{
    if (code_buf.used > code_buf.size / 2)
        codebuf_flush();
    ir_block_init(&blk, &globals);
    blk.pc_start = 0x1000;
    return &blk;
}

static inline IRTemp K(IRType t, uint64_t v)
{
    return ir_const(&blk, t, v);
}

static inline IRTemp L(IRType t)
{
    return ir_new_temp(&blk, t);
}

/* Generate blk as a block of its own into tb; false on failure. */
static inline bool gen(TB *tb)
{
    memset(tb, 0, sizeof(*tb));   /* tb->insns stays in cache_mem's arena */
    tb->pc = blk.pc_start;
    int r = x64_gen_tb(tb, &blk);
    return check(r == X64_GEN_OK, "x64_gen_tb returned %d", r);
}

static inline uintptr_t run(const TB *tb)
{
    return x64_enter(&env.common, tb->host_code);
}

/* Finish the block with an exit and generate it into cur_tb. */
static inline bool finish(void)
{
    ir_exit_tb(&blk, IR_EXIT_NOCHAIN);
    return gen(&cur_tb);
}

#endif
