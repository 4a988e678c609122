/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diff-gen: writes one random aarch64 test program for the differential
 * check of tests/diff/ (run.sh runs it under guise and qemu-aarch64, and
 * diff-cmp compares the outputs).
 *
 * Instruction words come from the frontend's own decode tables
 * (translate/aarch64/, linked in): a random row is picked, its free bits
 * filled at random, and the word is kept only if the real decoder, run on a
 * scratch context with the "max" model, gives it to that row and the
 * handler accepts it without ending the block.  So the stream covers every
 * implemented encoding class and only encodings the model advertises.
 * Classes: data processing (int, fp, simd, crypto tables) as is; load/store
 * and atomics with their base register pointed into a scratch buffer just
 * before the access (ADRP+ADD) and register offsets masked; the flag
 * manipulation instructions and MRS/MSR of NZCV, FPCR (masked) and FPSR.
 * Left out: branches, exclusives, literal loads, other system
 * instructions, and what known-ref-bugs.txt lists.
 *
 * The program (gen-asm.c writes it) loads X0-X30, SP, NZCV, FPCR and
 * V0-V31 from a block of random values rich in edge values, runs the
 * instructions in blocks, dumps the state to stdout after each block and
 * the scratch buffer at the end.  The listing names each block's
 * instructions for diff-cmp.
 *
 * Also writes prog.lst.init, the initial state record.
 *
 * Usage: diff-gen [-s seed] [-b blocks] [-n insns-per-block] [-x excludes]
 *                 [-r listing block state-file] -o prog.S -l prog.lst
 *   -r replays one block of an earlier listing one instruction per block,
 *      starting from a dumped state (to pin down a divergence).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tests/diff/diff.h"
#include "translate/aarch64/translate.h"
#include "util/log.h"

extern const DecodePattern a64_branch_patterns[] __attribute__((weak));
extern const DecodePattern a64_sys_patterns[] __attribute__((weak));
extern const DecodePattern a64_int_patterns[] __attribute__((weak));
extern const DecodePattern a64_atomic_patterns[] __attribute__((weak));
extern const DecodePattern a64_ldst_patterns[] __attribute__((weak));
extern const DecodePattern a64_fp_patterns[] __attribute__((weak));
extern const DecodePattern a64_simd_patterns[] __attribute__((weak));
extern const DecodePattern a64_simd_int_patterns[] __attribute__((weak));
extern const DecodePattern a64_simd_shift_patterns[] __attribute__((weak));
extern const DecodePattern a64_simd_fp_patterns[] __attribute__((weak));
extern const DecodePattern a64_crypto_patterns[] __attribute__((weak));

/* How a table's rows are used. */
enum { K_SKIP, K_DATA, K_MEM, K_SYS };

/* Priority order, as translate.c chains them. */
static const struct { const DecodePattern *rows; int kind; } tables[] = {
    { a64_branch_patterns, K_SKIP }, { a64_sys_patterns, K_SYS },
    { a64_int_patterns, K_DATA },    { a64_atomic_patterns, K_MEM },
    { a64_ldst_patterns, K_MEM },    { a64_fp_patterns, K_DATA },
    { a64_simd_patterns, K_DATA },   { a64_simd_int_patterns, K_DATA },
    { a64_simd_shift_patterns, K_DATA }, { a64_simd_fp_patterns, K_DATA },
    { a64_crypto_patterns, K_DATA },
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* System rows that only touch registers and flags. */
static const char *const sys_allowed[] = {
    "NOP", "CFINV", "XAFLAG", "AXFLAG", "RMIF", "SETF8", "SETF16",
    "MRS", "MSR (register)",
};

/* The system registers MRS/MSR may name here (bits 20:5: o0 op1 CRn CRm
 * op2), and the mask an MSR's value gets first: FPCR only takes the bits
 * both guise's model and the reference keep (AHP DN FZ RMode; FZ16 is
 * RES0 without FEAT_FP16), FPSR the cumulative IEEE flags.  In programs
 * where FJCVTZS runs (FZ clear, see known-ref-bugs.txt) MSR FPCR keeps FZ
 * clear: RMode only, or DN and AHP only. */
#define SYSREG_FIELD(op1, crn, crm, op2) \
    (3u << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))
static const struct { uint32_t field, mask; } sysregs[] = {
    { SYSREG_FIELD(3, 4, 2, 0), 0 },            /* NZCV: no mask */
    { SYSREG_FIELD(3, 4, 4, 0), 0x07c00000 },   /* FPCR */
    { SYSREG_FIELD(3, 4, 4, 1), 0x0000001f },   /* FPSR */
};
#define SYSREG_FPCR 1
static const uint32_t fpcr_masks_fz_clear[] = { 0x00c00000, 0x06000000 };
static bool program_fz;    /* the program starts with FPCR.FZ set */
static bool program_fz16;  /* FPCR.FZ16 exists (FEAT_FP16) */

/* Memory rows that cannot be made safe and deterministic: PC-relative
 * loads, and exclusives (the monitor is implementation-defined). */
static const char *const mem_excluded[] = {
    "LDR (literal)", "STXR/STLXR", "LDXR/LDAXR", "STXP/STLXP", "LDXP/LDAXP",
};

/* Memory rows with an imm9 offset (bits 20:12) that must keep the access
 * aligned to its size (bits 31:30): see known-ref-bugs.txt (LSE2). */
static const char *const mem_aligned_imm9[] = { "LDAPUR/STLUR" };

/* Load/store pair rows: a load (bit 22) with Rt == Rt2 (bits 4:0, 14:10)
 * is CONSTRAINED UNPREDICTABLE, so it is not generated. */
static const char *const mem_pair[] = {
    "LDNP/STNP", "LDP/STP (post-index)", "LDP/STP (signed offset)", "LDP/STP (pre-index)",
};

/* Memory rows whose Rm (bits 20:16) is an address offset to be masked. */
static const char *const mem_reg_offset[] = { "LDR/STR (register)" };

typedef struct GenRow {
    uint32_t mask, value;
    const DecodePattern *pat;
    int kind;
    unsigned misses;          /* consecutive words the decoder refused */
} GenRow;

static GenRow rows[4096];
static unsigned nrows;

/* Exclusions from known-ref-bugs.txt: whole rows or mask/value pairs. */
static char *excl_rows[256], *excl_fz_rows[256];
static unsigned nexcl_rows, nexcl_fz_rows;
static uint32_t excl_mask[256], excl_value[256];
static unsigned nexcl_bits;

static CPUArm64State env;
static IRBlock block;

static bool in_list(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return true;
    return false;
}
#define IN_LIST(list, name) in_list(list, sizeof(list) / sizeof(list[0]), name)

/* ---- random numbers (xorshift64*) ---- */

static uint64_t rng_state = 1;

void diff_srand(uint64_t seed)
{
    rng_state = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
    if (!rng_state)
        rng_state = 1;
}

uint64_t diff_rand(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

/* ---- decoding ---- */

/* The row the translator would give w to (first accepting handler), or
 * NULL; a handler that ends the block (UNDEF, exception) does not count. */
static const DecodePattern *decode_word(uint32_t w)
{
    for (size_t t = 0; t < NTABLES; t++) {
        if (!tables[t].rows)
            continue;
        for (const DecodePattern *p = tables[t].rows; p->bits; p++) {
            uint32_t m, v;
            DisasContext s = { 0 };
            bool ok;

            if (!decode_parse(p->bits, &m, &v) || (w & m) != v)
                continue;
            ir_block_init(&block, &a64_guest_arch.globals);
            s.env = &env;
            s.model = env.model;
            s.base.b = &block;
            s.base.env = &env.common;
            s.base.pc_first = 0x400000;
            s.base.pc_next = 0x400004;
            s.base.max_insns = 1;
            s.pc = 0x400000;
            s.insn = w;
            ok = p->fn(&s, w);
            ir_block_free(&block);
            if (ok)
                return s.base.is_jmp == DISAS_NORETURN ? NULL : p;
        }
    }
    return NULL;
}

static bool excluded_bits(uint32_t w)
{
    for (unsigned i = 0; i < nexcl_bits; i++)
        if ((w & excl_mask[i]) == excl_value[i])
            return true;
    return false;
}

/* fz: the program runs with FPCR.FZ set. */
static bool excluded_row(const char *name, bool fz)
{
    for (unsigned i = 0; i < nexcl_rows; i++)
        if (!strcmp(excl_rows[i], name))
            return true;
    for (unsigned i = 0; fz && i < nexcl_fz_rows; i++)
        if (!strcmp(excl_fz_rows[i], name))
            return true;
    return false;
}

/* Collect the usable rows of every linked table. */
static void collect_rows(bool fz)
{
    for (size_t t = 0; t < NTABLES; t++) {
        if (!tables[t].rows || tables[t].kind == K_SKIP)
            continue;
        for (const DecodePattern *p = tables[t].rows; p->bits; p++) {
            GenRow *r = &rows[nrows];
            if (nrows == sizeof(rows) / sizeof(rows[0]))
                break;
            if (!decode_parse(p->bits, &r->mask, &r->value) || excluded_row(p->name, fz))
                continue;
            if (tables[t].kind == K_SYS && !IN_LIST(sys_allowed, p->name))
                continue;
            if (tables[t].kind == K_MEM && IN_LIST(mem_excluded, p->name))
                continue;
            r->pat = p;
            r->kind = tables[t].kind;
            nrows++;
        }
    }
}

/* A memory word's base register: SP, or none of the fields that may be
 * transfer or status registers (bits 4:0, 14:10, 20:16), so that the
 * access has no CONSTRAINED UNPREDICTABLE overlap with its writeback. */
static uint32_t fix_mem_word(uint32_t w, unsigned *rn)
{
    unsigned a = w & 31, b = (w >> 10) & 31, c = (w >> 16) & 31, n;

    /* One in eight uses SP (gen-asm.c sets it through a scratch X
     * register); Rt == 31 is then XZR, no overlap. */
    if (diff_rand() % 8 == 0) {
        *rn = 31;
        return w | (31u << 5);
    }
    do {
        n = (unsigned)(diff_rand() % 31);
    } while (n == a || n == b || n == c);
    *rn = n;
    return (w & ~(31u << 5)) | (n << 5);
}

/* MRS/MSR (register): name one of sysregs[]; *and_mask is what an MSR's
 * value is masked with first. */
static uint32_t fix_sysreg_word(uint32_t w, uint32_t *and_mask)
{
    unsigned i = (unsigned)(diff_rand() % (sizeof(sysregs) / sizeof(sysregs[0])));

    *and_mask = sysregs[i].mask;
    if (i == SYSREG_FPCR && !program_fz)
        *and_mask = fpcr_masks_fz_clear[diff_rand() & 1];
    /* One in four FPCR writes (with FEAT_FP16) sets FZ16 alone: the mask
     * must stay a logical immediate. */
    if (i == SYSREG_FPCR && program_fz16 && diff_rand() % 4 == 0)
        *and_mask = 1u << 19;
    return (w & ~(0xffffu << 5)) | sysregs[i].field << 5;
}

/* Pick one accepted instruction; fills *ins.  False if no row is left. */
static bool pick_insn(DiffInsn *ins)
{
    for (unsigned tries = 0; tries < 100000; tries++) {
        GenRow *r = &rows[diff_rand() % nrows];
        uint32_t w = r->value | ((uint32_t)diff_rand() & ~r->mask);
        unsigned rn = 0;
        uint32_t and_mask = 0;

        if (r->misses > 400)
            continue;
        if (r->kind == K_MEM)
            w = fix_mem_word(w, &rn);
        if (IN_LIST(mem_aligned_imm9, r->pat->name))
            w &= ~(((1u << (w >> 30)) - 1) << 12);
        if (!strcmp(r->pat->name, "MRS") || !strcmp(r->pat->name, "MSR (register)"))
            w = fix_sysreg_word(w, &and_mask);
        if (IN_LIST(mem_pair, r->pat->name) && (w >> 22 & 1) && (w & 31) == ((w >> 10) & 31))
            continue;
        if (excluded_bits(w) || decode_word(w) != r->pat) {
            r->misses++;
            continue;
        }
        r->misses = 0;
        memset(ins, 0, sizeof(*ins));
        ins->word = w;
        ins->name = r->pat->name;
        ins->base = r->kind == K_MEM ? (int)rn : -1;
        ins->and_reg = -1;
        if (IN_LIST(mem_reg_offset, r->pat->name)) {
            ins->and_reg = (int)((w >> 16) & 31);
            ins->and_mask = 0xfff;
        } else if (!strcmp(r->pat->name, "MSR (register)") && and_mask) {
            ins->and_reg = (int)(w & 31);
            ins->and_mask = and_mask;
        }
        return true;
    }
    return false;
}

/* ---- known-ref-bugs.txt ---- */

/* Lines: "row NAME", "fz-row NAME" (only in programs run with FPCR.FZ set)
 * or "bits MASK VALUE"; '#' starts a comment. */
static void read_excludes(const char *path)
{
    char line[512];
    FILE *f = fopen(path, "r");

    if (!f) {
        fprintf(stderr, "diff-gen: cannot read %s\n", path);
        exit(1);
    }
    while (fgets(line, sizeof(line), f)) {
        char *hash = strchr(line, '#');
        char *p = line;
        if (hash)
            *hash = 0;
        while (*p == ' ' || *p == '\t')
            p++;
        p[strcspn(p, "\r\n")] = 0;
        for (size_t l = strlen(p); l && (p[l - 1] == ' ' || p[l - 1] == '\t'); l--)
            p[l - 1] = 0;
        if (!strncmp(p, "row ", 4) && nexcl_rows < 256) {
            excl_rows[nexcl_rows++] = strdup(p + 4);
        } else if (!strncmp(p, "fz-row ", 7) && nexcl_fz_rows < 256) {
            excl_fz_rows[nexcl_fz_rows++] = strdup(p + 7);
        } else if (!strncmp(p, "bits ", 5) && nexcl_bits < 256) {
            char *end;
            excl_mask[nexcl_bits] = (uint32_t)strtoul(p + 5, &end, 0);
            excl_value[nexcl_bits] = (uint32_t)strtoul(end, NULL, 0);
            nexcl_bits++;
        } else if (*p) {
            fprintf(stderr, "diff-gen: %s: cannot parse \"%s\"\n", path, p);
            exit(1);
        }
    }
    fclose(f);
}

/* ---- main ---- */

static void usage(void)
{
    fprintf(stderr, "usage: diff-gen [-s seed] [-b blocks] [-n insns-per-block] "
            "[-x excludes] [-r listing block state] -o prog.S -l prog.lst\n");
    exit(1);
}

int main(int argc, char **argv)
{
    DiffProgram prog = { .nblocks = 64, .per_block = 8 };
    const char *out = NULL, *lst = NULL, *replay = NULL, *state = NULL;
    unsigned replay_block = 0;
    uint64_t seed = 1;
    int c;

    while ((c = getopt(argc, argv, "s:b:n:x:r:o:l:")) != -1) {
        switch (c) {
        case 's': seed = strtoull(optarg, NULL, 0); break;
        case 'b': prog.nblocks = (unsigned)strtoul(optarg, NULL, 0); break;
        case 'n': prog.per_block = (unsigned)strtoul(optarg, NULL, 0); break;
        case 'x': read_excludes(optarg); break;
        case 'r':
            if (optind + 1 >= argc)
                usage();
            replay = optarg;
            replay_block = (unsigned)strtoul(argv[optind++], NULL, 0);
            state = argv[optind++];
            break;
        case 'o': out = optarg; break;
        case 'l': lst = optarg; break;
        default: usage();
        }
    }
    if (!out || !lst || !prog.nblocks || !prog.per_block)
        usage();
    log_file = stderr;
    diff_srand(seed);

    if (replay) {
        if (!diff_replay_setup(&prog, replay, replay_block, state))
            return 1;
    } else {
        a64_guest_arch.init(&a64_guest_arch);
        env.model = a64_model_find("max");
        env.excl_addr = ~0ull;
        BUG_ON(!env.model);
        prog.fz16 = A64_HAS(&env, A64_FEAT_FPHP);
        diff_random_state(&prog);
        program_fz = prog.state[DIFF_OFF_FPCR + 3] & 1;
        program_fz16 = prog.fz16;
        collect_rows(program_fz);
        if (!nrows) {
            fprintf(stderr, "diff-gen: no decode table rows linked\n");
            return 1;
        }
        prog.insns = calloc((size_t)prog.nblocks * prog.per_block, sizeof(DiffInsn));
        BUG_ON(!prog.insns);
        for (size_t i = 0; i < (size_t)prog.nblocks * prog.per_block; i++)
            if (!pick_insn(&prog.insns[i])) {
                fprintf(stderr, "diff-gen: no decodable row left\n");
                return 1;
            }
    }
    return diff_write_program(&prog, out, lst) ? 0 : 1;
}
