/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cold-code interpreter (translate/aarch64/cold.c) against the
 * reference: for random words matching each row of the translator's
 * integer, load/store, branch, system and atomic tables, the instruction
 * runs once through a64_cold_run and once translated (a one-instruction
 * block) in the IR interpreter, from the same random state and memory.
 * Where the cold interpreter takes the word, everything must agree: the
 * exception (system call, SP alignment fault, pointer authentication
 * failure, undefined), the next pc,
 * X0-X30 and SP, NZCV, the V registers, and every byte of memory.  It
 * must never take a word the translator finds undefined.
 *
 * Memory: one 4 MiB mapping (guest_base is 0): the instruction at +1 MiB
 * (literal loads reach +-1 MiB), followed by UDF #0 so that the cold
 * interpreter stops after one instruction; load/store bases point into
 * the data at +3 MiB (SP misaligned by 8 in one run of 8, for the
 * alignment fault), register offsets are small.
 *
 * Prints "N passed, N failed" (one test per row) and the number of words
 * compared; exits 1 on any failure.
 * Usage: test-a64-cold [words-per-row [seed]]   (-v lists each divergence)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "translate/aarch64/pauth.h"
#include "translate/aarch64/translate.h"
#include "translate/backend.h"
#include "translate/tb.h"
#include "xorshift.h"

#define SPAN (4u << 20)
static uint8_t *mem;           /* the 4 MiB */
static uint64_t code_pc, data;
static bool verbose;

/* ---- the OS-layer hooks: the mapping is fetchable, nothing is watched
 * (no-guarded-pages.c: no BTI) ---- */

bool guest_code_fetchable(uint64_t addr, size_t len)
{
    return addr >= (uint64_t)(uintptr_t)mem && addr + len <= (uint64_t)(uintptr_t)mem + SPAN;
}

const void *guest_code_ptr(uint64_t addr)
{
    return (const void *)(uintptr_t)addr;
}

void guest_code_page_watch(uint64_t addr)
{
    (void)addr;
}

bool guest_code_writable(uint64_t addr)
{
    (void)addr;
    return false;
}

/* ---- one instruction both ways ---- */

typedef struct Outcome {
    CPUArm64State env;
    int excp;              /* 0: went on normally */
    uint8_t *data;         /* a copy of the data area */
} Outcome;

#define DATA_BYTES (256u << 10)

static bool is_ldst(uint32_t insn)
{
    return (insn & 0x0a000000) == 0x08000000;
}

/* Load/store register (register offset): Rm is an index. */
static bool is_reg_offset(uint32_t insn)
{
    return (insn & 0x3b200c00) == 0x38200800;
}

static void random_state(CPUArm64State *env, uint32_t insn, uint64_t *rng)
{
    for (int i = 0; i < 32; i++)
        env->x[i] = xorshift64(rng) >> (xorshift64(rng) & 63);
    for (int i = 0; i < 32; i++) {
        env->v[i][0] = xorshift64(rng);
        env->v[i][1] = xorshift64(rng);
    }
    a64_set_nzcv(env, (uint32_t)(xorshift64(rng) & 15) << 28);
    env->tpidr_el0 = xorshift64(rng);
    for (int k = 0; k < A64_NKEYS; k++) {
        env->pac_keys[k][0] = xorshift64(rng);
        env->pac_keys[k][1] = xorshift64(rng);
    }
    env->pac_enabled = (uint32_t)xorshift64(rng) & 0x1f;
    if (is_ldst(insn)) {
        /* every register a valid base, SP 16-byte aligned (mostly) */
        for (int i = 0; i < 31; i++)
            env->x[i] = data + DATA_BYTES / 2 + (xorshift64(rng) & 0xff) * 16;
        env->x[31] = data + DATA_BYTES / 2 + ((xorshift64(rng) & 7) ? 0 : 8);
        if (is_reg_offset(insn))
            env->x[bits(insn, 16, 5)] = xorshift64(rng) & 0xfff;
    }
}

/* The cold interpreter: one instruction (exit_request stops it at a
 * branch, UDF after the instruction stops it otherwise). *taken: it ran
 * the instruction rather than leave it to the translator. */
static void run_cold(Outcome *o, bool *taken)
{
    int r;

    o->env.common.pc = code_pc;
    o->env.common.exit_request = 1;
    r = a64_cold_run(&o->env.common);
    *taken = !(r == EXEC_COLD_TRANSLATE && o->env.common.pc == code_pc);
    o->excp = r > 0 ? r : 0;
    o->env.common.exit_request = 0;
    memcpy(o->data, (void *)(uintptr_t)data, DATA_BYTES);
}

static void run_translated(Outcome *o)
{
    IRBlock b = { 0 };
    TB tb = { 0 };
    uintptr_t r;

    o->env.common.pc = code_pc;
    ir_block_init(&b, &a64_guest_arch.globals);
    a64_guest_arch.translate(&b, &o->env.common, code_pc, 1);
    tb.pc = code_pc;
    tb.ir = &b;
    interp_prepare(&tb);
    r = interp_run(&tb, &o->env.common);
    interp_free(&tb);
    ir_block_free(&b);
    switch (r & TB_EXIT_MASK) {
    case 0: case 1: case TB_EXIT_NOCHAIN: o->excp = 0; break;
    default: o->excp = (int)(r >> 2); break;
    }
    memcpy(o->data, (void *)(uintptr_t)data, DATA_BYTES);
}

static bool same(const Outcome *a, const Outcome *b, uint32_t insn)
{
    const CPUArm64State *x = &a->env, *y = &b->env;
    bool ok = a->excp == b->excp && x->common.pc == y->common.pc &&
              !memcmp(x->x, y->x, sizeof(x->x)) && !memcmp(x->v, y->v, sizeof(x->v)) &&
              a64_get_nzcv(x) == a64_get_nzcv(y) && x->btype == y->btype &&
              !memcmp(a->data, b->data, DATA_BYTES);

    if (a->excp == EXCP_ALIGN && b->excp == EXCP_ALIGN)
        ok = ok && x->common.fault_addr == y->common.fault_addr;
    if (!ok && verbose) {
        printf("  %08x: excp %d/%d pc %" PRIx64 "/%" PRIx64 " nzcv %x/%x\n", insn, a->excp,
               b->excp, x->common.pc, y->common.pc, a64_get_nzcv(x), a64_get_nzcv(y));
        for (int i = 0; i < 32; i++)
            if (x->x[i] != y->x[i])
                printf("    x%d %016" PRIx64 " / %016" PRIx64 "\n", i, x->x[i], y->x[i]);
        for (int i = 0; i < 32; i++)
            if (memcmp(x->v[i], y->v[i], 16))
                printf("    v%d differs\n", i);
        if (memcmp(a->data, b->data, DATA_BYTES))
            printf("    memory differs\n");
    }
    return ok;
}

/* ---- rows ---- */

extern const DecodePattern a64_branch_patterns[], a64_sys_patterns[], a64_int_patterns[],
    a64_atomic_patterns[], a64_ldst_patterns[];

static const DecodePattern *const tables[] = {
    a64_branch_patterns, a64_sys_patterns, a64_int_patterns, a64_atomic_patterns,
    a64_ldst_patterns,
};

static Outcome cold, ref;
static uint8_t *data_start;
static unsigned long compared;

/* words random words of the row: false on a divergence. */
static bool test_row(const DecodePattern *row, unsigned words, uint64_t *rng)
{
    uint32_t mask, value;
    bool ok = true;

    decode_parse(row->bits, &mask, &value);
    for (unsigned n = 0; n < words; n++) {
        uint32_t insn = value | ((uint32_t)xorshift64(rng) & ~mask);
        CPUArm64State start = { 0 };
        bool taken;

        if (is_reg_offset(insn) && bits(insn, 16, 5) == bits(insn, 5, 5))
            continue;                   /* the index cannot be the base too */
        start.model = a64_model_find("max");
        random_state(&start, insn, rng);
        ((uint32_t *)(uintptr_t)code_pc)[0] = insn;
        cold.env = start;
        memcpy((void *)(uintptr_t)data, data_start, DATA_BYTES);
        run_cold(&cold, &taken);
        if (!taken)
            continue;
        ref.env = start;
        memcpy((void *)(uintptr_t)data, data_start, DATA_BYTES);
        run_translated(&ref);
        compared++;
        if (ref.excp == EXCP_UDEF && cold.excp != EXCP_UDEF) {
            if (verbose)
                printf("  %08x: taken by the cold interpreter, undefined when translated\n", insn);
            ok = false;
        } else if (!same(&cold, &ref, insn)) {
            ok = false;
        }
    }
    return ok;
}

int main(int argc, char **argv)
{
    unsigned words = 200, passed = 0, failed = 0;
    uint64_t rng;

    if (argc > 1 && !strcmp(argv[1], "-v")) {
        verbose = true;
        argc--;
        argv++;
    }
    if (argc > 1)
        words = (unsigned)strtoul(argv[1], NULL, 0);
    rng = argc > 2 ? strtoull(argv[2], NULL, 0) : 20261127;
    if (!rng)
        rng = 1;
    mem = mmap(NULL, SPAN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cold.data = malloc(DATA_BYTES);
    ref.data = malloc(DATA_BYTES);
    data_start = malloc(DATA_BYTES);
    if (mem == MAP_FAILED || !cold.data || !ref.data || !data_start) {
        printf("test-a64-cold: out of memory\n0 passed, 1 failed\n");
        return 1;
    }
    code_pc = (uint64_t)(uintptr_t)mem + (1u << 20);
    data = (uint64_t)(uintptr_t)mem + (3u << 20);
    ((uint32_t *)(uintptr_t)code_pc)[1] = 0;      /* UDF #0 */
    for (unsigned i = 0; i < DATA_BYTES; i++)
        data_start[i] = (uint8_t)xorshift64(&rng);
    a64_guest_arch.init(&a64_guest_arch);
    for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        for (const DecodePattern *row = tables[t]; row->bits; row++) {
            if (test_row(row, words, &rng)) {
                passed++;
            } else {
                failed++;
                printf("FAIL: cold/%s\n", row->name);
            }
        }
    }
    printf("test-a64-cold: %lu words compared\n", compared);
    printf("%u passed, %u failed\n", passed, failed);
    return failed != 0;
}
