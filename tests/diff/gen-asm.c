/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The second half of diff-gen (gen.c picks the instructions): random
 * register contents rich in edge values, the listing file, and the guest
 * assembly program itself.
 *
 * The program is static and libc-free.  _start sets FPCR and loads every
 * register from the state record `st` (diff.h).  Each block is the
 * instructions as .inst words (memory forms preceded by ADRP+ADD of their
 * base into the scratch buffer, and an AND masking a register offset),
 * then an epilogue that keeps X0 in TPIDR_EL0 and X30 in the record, calls
 * `dump` (store everything, write(1, st, 800), reload everything with FPSR
 * cleared, so each block's flags are its own) and reloads X30 with a
 * PC-relative LDR.  After the last block the scratch buffer is written
 * out and the program exits 0.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/diff/diff.h"

/* ---- edge values ---- */

static const uint64_t int_edges[] = {
    0, 1, 2, ~0ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0x7fffffff, 0x80000000, 0xffffffff, 0xffffffff80000000ull,
    0x100000000ull, 0xff, 0x80, 0x7f, 0xffff, 0x8000, 0x7fff, 63, 64, 32,
};

static const uint64_t f64_edges[] = {
    0, 0x7ff0000000000000ull,            /* 0, inf */
    0x7ff8000000000000ull, 0x7ff8000000000abcull,   /* quiet NaNs */
    0x7ff0000000000001ull, 0x7ff4000000012345ull,   /* signalling NaNs */
    1, 0x000fffffffffffffull,            /* denormals */
    0x0010000000000000ull, 0x7fefffffffffffffull,   /* min, max normal */
    0x3ff0000000000000ull, 0x3fe0000000000000ull,   /* 1.0, 0.5 */
    0x43e0000000000000ull, 0x41e0000000000000ull,   /* 2^63, 2^31 */
    0x3ff8000000000000ull, 0x4000000000000000ull,   /* 1.5, 2.0 */
};

static const uint32_t f32_edges[] = {
    0, 0x7f800000, 0x7fc00000, 0x7fc00123, 0x7f800001, 0x7fa00042,
    1, 0x007fffff, 0x00800000, 0x7f7fffff, 0x3f800000, 0x3f000000,
    0x5f000000, 0x4f000000, 0x3fc00000, 0x40000000,
};

static const uint16_t f16_edges[] = {
    0, 0x7c00, 0x7e00, 0x7e12, 0x7c01, 0x7d00, 1, 0x03ff, 0x0400, 0x7bff,
    0x3c00, 0x3800, 0x3e00, 0x4000,
    0x0200, 0x0401, 0x3bff, 0x3c01, 0x1000,     /* tiny, ties with 1.0 */
    0x7800, 0x7400, 0x5bf8, 0x6800,             /* 2^15, 2^14, 255, 2048 */
};

#define PICK(a) (a[diff_rand() % (sizeof(a) / sizeof(a[0]))])

static uint64_t rand_sign(uint64_t v, unsigned bits)
{
    return (diff_rand() & 1) ? v | (1ull << (bits - 1)) : v;
}

/* A random ordinary number of the format: exponent near the bias. */
static uint64_t rand_float(unsigned bits)
{
    uint64_t r = diff_rand();
    switch (bits) {
    case 64: return (r & 0x800fffffffffffffull) | ((uint64_t)(1023 - 8 + r % 24) << 52);
    case 32: return (r & 0x807fffff) | ((uint64_t)(127 - 8 + r % 24) << 23);
    default: return (r & 0x83ff) | ((uint64_t)(15 - 4 + r % 10) << 10);
    }
}

static uint64_t rand_f(unsigned bits)
{
    uint64_t v;
    if (diff_rand() % 3 == 0)
        return rand_float(bits);
    v = bits == 64 ? PICK(f64_edges) : bits == 32 ? PICK(f32_edges) : PICK(f16_edges);
    return rand_sign(v, bits);
}

static uint64_t rand_int(void)
{
    uint64_t v = diff_rand();
    switch (v % 4) {
    case 0: return v;
    case 1: return (uint64_t)(int64_t)(int8_t)(v >> 8);
    default: return PICK(int_edges);
    }
}

/* 64 bits of a vector register: one double, two floats, four halves,
 * integer lanes of edge values, or random bits. */
static uint64_t rand_vhalf(void)
{
    uint64_t v = 0;
    switch (diff_rand() % 6) {
    case 0: return rand_f(64);
    case 1: return rand_f(32) | rand_f(32) << 32;
    case 2:
        for (unsigned i = 0; i < 4; i++)
            v |= rand_f(16) << (16 * i);
        return v;
    case 3:
        for (unsigned i = 0; i < 8; i++)
            v |= (uint64_t)(uint8_t)PICK(int_edges) << (8 * i);
        return v;
    case 4: return (rand_int() & 0xffffffff) | rand_int() << 32;
    default: return diff_rand();
    }
}

static void put64(uint8_t *p, uint64_t v)
{
    for (unsigned i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

void diff_random_state(DiffProgram *p)
{
    uint64_t fpcr = 0;

    memset(p->state, 0, sizeof(p->state));
    for (unsigned i = 0; i < 31; i++)
        put64(p->state + DIFF_OFF_X(i), rand_int());
    put64(p->state + DIFF_OFF_SP, diff_rand() & ~15ull);
    put64(p->state + DIFF_OFF_NZCV, (diff_rand() & 15) << 28);
    /* FPCR: AHP (26), DN (25), FZ (24), RMode (23:22), FZ16 (19) when
     * the model has FP16 (else it is RES0 and reads back as 0) */
    for (unsigned b = 0; b < 3; b++)
        if (diff_rand() % 4 == 0)
            fpcr |= 1ull << (24 + b);
    if (diff_rand() % 4 == 0)
        fpcr |= (1 + diff_rand() % 3) << 22;
    if (p->fz16 && diff_rand() % 4 == 0)
        fpcr |= 1ull << 19;
    put64(p->state + DIFF_OFF_FPCR, fpcr);
    for (unsigned i = 0; i < 32; i++) {
        put64(p->state + DIFF_OFF_V(i), rand_vhalf());
        put64(p->state + DIFF_OFF_V(i) + 8, rand_vhalf());
    }
}

/* ---- replay ---- */

bool diff_replay_setup(DiffProgram *p, const char *lst, unsigned block, const char *state)
{
    FILE *f = fopen(lst, "r"), *s = fopen(state, "rb");
    char line[512];
    unsigned n = 0, cap = 64;

    if (!f || !s || fread(p->state, 1, DIFF_STATE_SIZE, s) != DIFF_STATE_SIZE) {
        fprintf(stderr, "diff-gen: cannot read %s or %s\n", lst, state);
        if (f)
            fclose(f);
        if (s)
            fclose(s);
        return false;
    }
    fclose(s);
    p->no_refresh = true;
    p->insns = calloc(cap, sizeof(DiffInsn));
    while (p->insns && fgets(line, sizeof(line), f)) {
        if (diff_apply_refresh(p->state, line, block))
            continue;
        unsigned b, w, mask;
        int base, and_reg, pos = 0;
        if (sscanf(line, "%u %x %d %d %x %n", &b, &w, &base, &and_reg, &mask, &pos) < 5 ||
            b != block)
            continue;
        if (n == cap)
            p->insns = realloc(p->insns, (cap *= 2) * sizeof(DiffInsn));
        if (!p->insns)
            break;
        line[strcspn(line, "\n")] = 0;
        p->insns[n++] = (DiffInsn){ w, strdup(line + pos), base, and_reg, mask };
    }
    fclose(f);
    if (!n) {
        fprintf(stderr, "diff-gen: block %u is not in %s\n", block, lst);
        return false;
    }
    p->nblocks = n;
    p->per_block = 1;
    return true;
}

/* ---- the program ---- */

/* Save everything to st (x0 = st; guest X0 in TPIDR_EL0, guest X30
 * already stored), write the record, reload with FPSR cleared; returns
 * through X30 with every register but X30 restored. */
static const char dump_routine[] =
    "dump:\n"
    "\tstp x1, x2, [x0, #8]\n\tstp x3, x4, [x0, #24]\n\tstp x5, x6, [x0, #40]\n"
    "\tstp x7, x8, [x0, #56]\n\tstp x9, x10, [x0, #72]\n\tstp x11, x12, [x0, #88]\n"
    "\tstp x13, x14, [x0, #104]\n\tstp x15, x16, [x0, #120]\n"
    "\tstp x17, x18, [x0, #136]\n\tstp x19, x20, [x0, #152]\n"
    "\tstp x21, x22, [x0, #168]\n\tstp x23, x24, [x0, #184]\n"
    "\tstp x25, x26, [x0, #200]\n\tstp x27, x28, [x0, #216]\n"
    "\tstr x29, [x0, #232]\n"
    "\tmrs x1, tpidr_el0\n\tstr x1, [x0]\n"
    "\tmov x1, sp\n\tstr x1, [x0, #248]\n"
    "\tmrs x1, nzcv\n\tstr x1, [x0, #256]\n"
    "\tmrs x1, fpsr\n\tstr x1, [x0, #264]\n"
    "\tmrs x1, fpcr\n\tstr x1, [x0, #272]\n"
    "\tadd x1, x0, #288\n"
    "\tst1 {v0.16b-v3.16b}, [x1], #64\n\tst1 {v4.16b-v7.16b}, [x1], #64\n"
    "\tst1 {v8.16b-v11.16b}, [x1], #64\n\tst1 {v12.16b-v15.16b}, [x1], #64\n"
    "\tst1 {v16.16b-v19.16b}, [x1], #64\n\tst1 {v20.16b-v23.16b}, [x1], #64\n"
    "\tst1 {v24.16b-v27.16b}, [x1], #64\n\tst1 {v28.16b-v31.16b}, [x1], #64\n"
    "\tmov x29, x30\n"
    "\tmov x1, x0\n\tmov x0, #1\n\tmov x2, #800\n\tmov x8, #64\n\tsvc #0\n"
    "\tadrp x0, st\n\tadd x0, x0, :lo12:st\n"
    "\tmov x30, x29\n"
    "restore:\n"
    "\tadd x1, x0, #288\n"
    "\tld1 {v0.16b-v3.16b}, [x1], #64\n\tld1 {v4.16b-v7.16b}, [x1], #64\n"
    "\tld1 {v8.16b-v11.16b}, [x1], #64\n\tld1 {v12.16b-v15.16b}, [x1], #64\n"
    "\tld1 {v16.16b-v19.16b}, [x1], #64\n\tld1 {v20.16b-v23.16b}, [x1], #64\n"
    "\tld1 {v24.16b-v27.16b}, [x1], #64\n\tld1 {v28.16b-v31.16b}, [x1], #64\n"
    "\tldr x1, [x0, #248]\n\tmov sp, x1\n"
    "\tldr x1, [x0, #256]\n\tmsr nzcv, x1\n"
    "\tmsr fpsr, xzr\n"
    "\tldp x2, x3, [x0, #16]\n\tldp x4, x5, [x0, #32]\n\tldp x6, x7, [x0, #48]\n"
    "\tldp x8, x9, [x0, #64]\n\tldp x10, x11, [x0, #80]\n"
    "\tldp x12, x13, [x0, #96]\n\tldp x14, x15, [x0, #112]\n"
    "\tldp x16, x17, [x0, #128]\n\tldp x18, x19, [x0, #144]\n"
    "\tldp x20, x21, [x0, #160]\n\tldp x22, x23, [x0, #176]\n"
    "\tldp x24, x25, [x0, #192]\n\tldp x26, x27, [x0, #208]\n"
    "\tldp x28, x29, [x0, #224]\n"
    "\tldr x1, [x0, #8]\n\tldr x0, [x0]\n"
    "\tret\n";

/* SP as a base is set through the lowest X register the word's register
 * fields (bits 4:0, 14:10, 20:16) do not name. */
static unsigned sp_temp(uint32_t w)
{
    unsigned t = 0;
    while (t == (w & 31) || t == ((w >> 10) & 31) || t == ((w >> 16) & 31))
        t++;
    return t;
}

static void write_insn(FILE *f, const DiffInsn *in)
{
    if (in->base == 31) {
        unsigned t = sp_temp(in->word);
        fprintf(f, "\tadrp x%u, scratch + %d\n", t, DIFF_SCRATCH_BASE);
        fprintf(f, "\tadd sp, x%u, :lo12:scratch + %d\n", t, DIFF_SCRATCH_BASE);
    } else if (in->base >= 0) {
        fprintf(f, "\tadrp x%d, scratch + %d\n", in->base, DIFF_SCRATCH_BASE);
        fprintf(f, "\tadd x%d, x%d, :lo12:scratch + %d\n", in->base, in->base, DIFF_SCRATCH_BASE);
    }
    if (in->and_reg >= 0 && in->and_reg != 31)
        fprintf(f, "\tand x%d, x%d, #0x%" PRIx32 "\n", in->and_reg, in->and_reg, in->and_mask);
    fprintf(f, "\t.inst 0x%08" PRIx32 "\t/* %s */\n", in->word, in->name);
}

/* Before block b: reload DIFF_REFRESH random registers (X0-X30, V0-V31)
 * from literals placed in the code, and list them for diff-cmp. */
static void write_refresh(FILE *f, FILE *l, unsigned b)
{
    for (unsigned k = 0; k < DIFF_REFRESH; k++) {
        unsigned r = (unsigned)(diff_rand() % 63);
        uint64_t lo = r < 31 ? rand_int() : rand_vhalf(), hi = r < 31 ? 0 : rand_vhalf();
        if (r >= 31)
            r++;            /* V registers are 32-63 */
        fprintf(f, "\tb 1f\n\t.balign 16\n0:\t.quad 0x%016" PRIx64 ", 0x%016" PRIx64 "\n"
                "1:\tldr %c%u, 0b\n", lo, hi, r < 32 ? 'x' : 'q', r & 31);
        fprintf(l, "R %u %u %" PRIx64 " %" PRIx64 "\n", b, r, lo, hi);
    }
}

static void write_bytes(FILE *f, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v = 0;
        for (unsigned j = 0; j < 8; j++)
            v |= (uint64_t)b[i + j] << (8 * j);
        fprintf(f, "\t.quad 0x%016" PRIx64 "\n", v);
    }
}

/* The initial state record, as lst_path + ".init", for diff-cmp. */
static bool write_init(const DiffProgram *p, const char *lst_path)
{
    char path[4096];
    FILE *f;
    bool ok;

    snprintf(path, sizeof(path), "%s.init", lst_path);
    f = fopen(path, "wb");
    if (!f)
        return false;
    ok = fwrite(p->state, 1, DIFF_STATE_SIZE, f) == DIFF_STATE_SIZE;
    return (fclose(f) == 0) && ok;
}

bool diff_write_program(const DiffProgram *p, const char *asm_path, const char *lst_path)
{
    FILE *f = fopen(asm_path, "w"), *l = fopen(lst_path, "w");
    bool ok;

    if (!f || !l) {
        fprintf(stderr, "diff-gen: cannot write %s or %s\n", asm_path, lst_path);
        if (f)
            fclose(f);
        if (l)
            fclose(l);
        return false;
    }
    fprintf(f, "/* generated by tests/diff/diff-gen: %u blocks of %u instructions */\n"
            "\t.text\n\t.globl _start\n_start:\n"
            "\tadrp x0, st\n\tadd x0, x0, :lo12:st\n"
            "\tldr x1, [x0, #%d]\n\tmsr fpcr, x1\n"
            "\tbl restore\n\tldr x30, st + 240\n",
            p->nblocks, p->per_block, DIFF_OFF_FPCR);
    for (unsigned b = 0; b < p->nblocks; b++) {
        fprintf(f, "/* block %u */\n", b);
        if (!p->no_refresh)
            write_refresh(f, l, b);
        for (unsigned i = 0; i < p->per_block; i++) {
            const DiffInsn *in = &p->insns[b * p->per_block + i];
            write_insn(f, in);
            fprintf(l, "%u %08" PRIx32 " %d %d %" PRIx32 " %s\n", b, in->word, in->base,
                    in->and_reg, in->and_mask, in->name);
        }
        fprintf(f, "\tmsr tpidr_el0, x0\n\tadrp x0, st\n\tadd x0, x0, :lo12:st\n"
                "\tstr x30, [x0, #240]\n\tbl dump\n\tldr x30, st + 240\n");
    }
    fprintf(f, "\tadrp x1, scratch\n\tadd x1, x1, :lo12:scratch\n"
            "\tmov x0, #1\n\tmov x2, #0x%x\n\tmovk x2, #0x%x, lsl #16\n"
            "\tmov x8, #64\n\tsvc #0\n"
            "\tmov x0, #0\n\tmov x8, #93\n\tsvc #0\n\n%s\n"
            "\t.data\n\t.balign 16\nst:\n", DIFF_SCRATCH_SIZE & 0xffff,
            DIFF_SCRATCH_SIZE >> 16, dump_routine);
    write_bytes(f, p->state, DIFF_STATE_SIZE);
    fprintf(f, "\t.balign 4096\nscratch:\n");
    for (size_t i = 0; i < DIFF_SCRATCH_SIZE; i += 8) {
        uint64_t v = (diff_rand() & 1) ? rand_vhalf() : rand_int();
        fprintf(f, "\t.quad 0x%016" PRIx64 "\n", v);
    }
    ok = !ferror(f) && !ferror(l);
    ok &= fclose(f) == 0;
    ok &= fclose(l) == 0;
    ok &= write_init(p, lst_path);
    if (!ok)
        fprintf(stderr, "diff-gen: error writing %s or %s\n", asm_path, lst_path);
    return ok;
}
