/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Checks the aarch64 decode tables (translate/aarch64/, one per encoding
 * group) against each other and against capstone:
 *
 *  1. every row's pattern describes exactly 32 bits;
 *  2. rows of one table do not overlap unless the pair is listed in
 *     intended_overlaps[] (a specific row before a general one);
 *  3. for random words matching each row, the word is decoded the way the
 *     translator does (rows in priority order, first handler that accepts
 *     wins, on a "max" CPU), and then:
 *       - a handler that rejects a word must not have emitted any IR;
 *       - an accepted word must disassemble under capstone (CS_ARCH_ARM64)
 *         to a mnemonic of the accepting row's family: a word of its name
 *         ("ADDS (immediate)" -> adds) or one of its aliases[] (cmn);
 *       - a word no row accepts (SIGILL in the guest) should not
 *         disassemble, unless its row is UNDEF by design (undef_rows[]).
 *     Capstone 4 predates some extensions: its answer is not checked for
 *     the rows of capstone_unknown[]; capstone_rejects_ok[] lists the rows
 *     where it may call a word we execute invalid (CONSTRAINED
 *     UNPREDICTABLE forms, capstone quirks).
 *
 * The tables are walked as linked: tables of groups not built yet are weak
 * references and are skipped.  Prints "N passed, N failed"; exits 1 on any
 * failure.
 *
 * Usage: test-a64-decode [words-per-row [seed]]   (-v lists every failure)
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "translate/aarch64/translate.h"
#include "util/log.h"
#include "xorshift.h"

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
extern const DecodePattern a64_simd_ext_patterns[] __attribute__((weak));

/* Priority order, as translate.c chains them. */
static const struct { const char *name; const DecodePattern *rows; } tables[] = {
    { "branch", a64_branch_patterns }, { "sys", a64_sys_patterns },
    { "int", a64_int_patterns },       { "atomic", a64_atomic_patterns },
    { "ldst", a64_ldst_patterns },     { "fp", a64_fp_patterns },
    { "simd", a64_simd_patterns },     { "simd_int", a64_simd_int_patterns },
    { "simd_shift", a64_simd_shift_patterns }, { "simd_fp", a64_simd_fp_patterns },
    { "crypto", a64_crypto_patterns }, { "simd_ext", a64_simd_ext_patterns },
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* Mnemonics capstone prints for a row besides the words of its name:
 * preferred aliases (MOV for ORR, LSL for UBFM...). */
static const struct { const char *row; const char *mnemonics; } aliases[] = {
    { "ADD (immediate)", "mov" },
    { "ADDS (immediate)", "cmn" },
    { "SUBS (immediate)", "cmp" },
    { "AND/ORR/EOR/ANDS (immediate)", "mov tst" },
    { "MOVN", "mov" },
    { "MOVZ", "mov" },
    { "SBFM", "asr sbfiz sbfx sxtb sxth sxtw" },
    { "BFM", "bfi bfxil bfc" },
    { "UBFM", "lsl lsr ubfiz ubfx uxtb uxth" },
    { "EXTR", "ror" },
    { "AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register)", "mov mvn tst" },
    { "ADDS (shifted register)", "cmn" },
    { "SUB (shifted register)", "neg" },
    { "SUBS (shifted register)", "cmp negs" },
    { "ADD (extended register)", "mov" },
    { "ADDS (extended register)", "cmn" },
    { "SUBS (extended register)", "cmp" },
    { "SBC", "ngc" },
    { "SBCS", "ngcs" },
    { "CSINC", "cset cinc" },
    { "CSINV", "csetm cinv" },
    { "CSNEG", "cneg" },
    { "LSLV", "lsl" },
    { "LSRV", "lsr" },
    { "ASRV", "asr" },
    { "RORV", "ror" },
    { "CRC32B/H/W/X", "crc32b crc32h crc32w crc32x" },
    { "CRC32CB/H/W/X", "crc32cb crc32ch crc32cw crc32cx" },
    { "MADD", "mul" },
    { "MSUB", "mneg" },
    { "SMADDL", "smull" },
    { "SMSUBL", "smnegl" },
    { "UMADDL", "umull" },
    { "UMSUBL", "umnegl" },
    { "DSB", "ssbb pssbb" },
    { "SYS", "dc ic at tlbi" },
    { "MSR (immediate) DIT", "msr" },
    { "MSR (immediate) SSBS", "msr" },
    { "CFINV", "msr" },
    /* capstone 4 prints the Armv8.2+ hints as HINT #imm */
    { "DGH", "hint" }, { "XPACLRI", "hint" }, { "ESB", "hint" }, { "CSDB", "hint" },
    { "PACIA1716/PACIB1716/AUTIA1716/AUTIB1716", "hint" }, { "BTI", "hint" },
    { "PACIAZ/PACIASP/PACIBZ/PACIBSP/AUTIAZ/AUTIASP/AUTIBZ/AUTIBSP", "hint" },
    /* other groups */
    { "LDR/STR (immediate, unsigned offset)", "prfm" },
    { "LDR/STR (register)", "prfm" },
    { "LDR (literal)", "prfm" },
    { "LDUR/STUR", "prfum" },
    { "LD1-4/ST1-4/LDnR (single structure)", "ld1r ld2r ld3r ld4r" },
    { "LD1-4/ST1-4/LDnR (single structure, post-index)", "ld1r ld2r ld3r ld4r" },
    { "UMOV", "mov" },
    { "ORR (vector, register)", "mov" },
    { "NOT", "mvn" },
    { "INS (general)", "mov" },
    { "INS (element)", "mov" },
    { "DUP (element, scalar)", "mov" },
};

/* Rows whose extension capstone 4 does not know or misdecodes (it has no
 * FEAT_LSE, LRCPC, FlagM, SB...): its answer is not checked. */
static const char *const capstone_unknown[] = {
    "CFINV", "XAFLAG", "AXFLAG", "RMIF", "SETF8", "SETF16", "SB", "DGH",
    "BTI", "MSR (immediate) DIT", "MSR (immediate) SSBS",
    "CAS", "CASP", "SWP", "LD<op>/ST<op>", "LDAPR", "LDAPUR/STLUR",
    "FJCVTZS", "FRINT32Z (scalar)", "FRINT32X (scalar)", "FRINT64Z (scalar)",
    "FRINT64X (scalar)", "FRINT32Z (vector)", "FRINT32X (vector)",
    "FRINT64Z (vector)", "FRINT64X (vector)",
    /* Armv8.2 crypto (FEAT_SHA512, FEAT_SHA3, FEAT_SM3, FEAT_SM4) */
    "SHA512H", "SHA512H2", "SHA512SU0", "SHA512SU1", "EOR3", "BCAX", "RAX1",
    "XAR", "SM3SS1", "SM3TT1A", "SM3TT1B", "SM3TT2A", "SM3TT2B", "SM3PARTW1",
    "SM3PARTW2", "SM4E", "SM4EKEY",
    /* FEAT_DotProd, FEAT_RDM, FEAT_I8MM, FEAT_FCMA */
    "SDOT (vector)", "UDOT (vector)", "SDOT (by element)", "UDOT (by element)",
    "SQRDMLAH (vector)", "SQRDMLSH (vector)", "SQRDMLAH (vector, scalar)",
    "SQRDMLSH (vector, scalar)", "SQRDMLAH (by element)", "SQRDMLSH (by element)",
    "SQRDMLAH (by element, scalar)", "SQRDMLSH (by element, scalar)",
    "SMMLA (vector)", "UMMLA (vector)", "USMMLA (vector)", "USDOT (vector)",
    "USDOT (by element)", "SUDOT (by element)", "FCMLA", "FCADD", "FCMLA (by element)",
    /* FEAT_BF16 */
    "BFCVT", "BFCVTN/BFCVTN2", "BFDOT (vector)", "BFDOT (by element)", "BFMMLA",
    "BFMLALB/BFMLALT (vector)", "BFMLALB/BFMLALT (by element)",
    /* FEAT_PAuth */
    "PACGA", "PACIA/PACIB/PACDA/PACDB/AUTIA/AUTIB/AUTDA/AUTDB (and Z forms)",
    "XPACI/XPACD", "LDRAA/LDRAB", "BRAAZ/BRABZ", "BLRAAZ/BLRABZ", "RETAA/RETAB",
    "BRAA/BRAB", "BLRAA/BLRAB",
};

/* Rows where capstone calling a word we accept "invalid" is tolerated:
 *  - CONSTRAINED UNPREDICTABLE register overlaps (writeback base equal to
 *    the transfer register, load pairs to one register) and should-be-one
 *    fields that are not ones: LLVM rejects them, guise executes them;
 *  - capstone 4 requiring ignored bits to be zero (DUP (general) imm5,
 *    INS (element) imm4) or rejecting LDTR/LDUR-class words with Rn == Rt. */
static const char *const capstone_rejects_ok[] = {
    "LDR/STR (immediate, pre-index)", "LDR/STR (immediate, post-index)",
    "LDP/STP (pre-index)", "LDP/STP (post-index)", "LDP/STP (signed offset)",
    "LDNP/STNP", "LDTR/STTR",
    "LDXP/LDAXP", "STLR/STLLR", "LDAR/LDLAR", "DUP (general)", "INS (element)",
};

/* Rows that are UNDEF in guise by design, though capstone decodes them:
 * EL1+ only, or extensions our models do not advertise. */
static const char *const undef_rows[] = {
    "BC.cond", "HVC", "SMC", "HLT", "DCPS1/2/3", "ERET", "DRPS",
    "BRAAZ/BLRAAZ/RETAA/ERETAA (pointer authentication)",
    "BRAA/BLRAA (pointer authentication)",
    "MSR (immediate)", "SYS", "SYSL", "MSR (register)", "MRS",
    "PMULL",
};

/* Pairs of rows in one table that overlap on purpose: the first, more
 * specific row is tried before the second. */
static const struct { const char *first, *second; } intended_overlaps[] = {
    { "NOP", "HINT" }, { "YIELD", "HINT" }, { "WFE", "HINT" }, { "WFI", "HINT" },
    { "SEV", "HINT" }, { "SEVL", "HINT" }, { "DGH", "HINT" }, { "XPACLRI", "HINT" },
    { "PACIA1716/PACIB1716/AUTIA1716/AUTIB1716", "HINT" }, { "ESB", "HINT" },
    { "CSDB", "HINT" },
    { "PACIAZ/PACIASP/PACIBZ/PACIBSP/AUTIAZ/AUTIASP/AUTIBZ/AUTIBSP", "HINT" },
    { "BTI", "HINT" },
    { "BRAAZ/BRABZ", "BRAAZ/BLRAAZ/RETAA/ERETAA (pointer authentication)" },
    { "BLRAAZ/BLRABZ", "BRAAZ/BLRAAZ/RETAA/ERETAA (pointer authentication)" },
    { "RETAA/RETAB", "BRAAZ/BLRAAZ/RETAA/ERETAA (pointer authentication)" },
    { "BRAA/BRAB", "BRAA/BLRAA (pointer authentication)" },
    { "BLRAA/BLRAB", "BRAA/BLRAA (pointer authentication)" },
    { "CFINV", "MSR (immediate)" }, { "XAFLAG", "MSR (immediate)" },
    { "AXFLAG", "MSR (immediate)" }, { "MSR (immediate) DIT", "MSR (immediate)" },
    { "MSR (immediate) SSBS", "MSR (immediate)" },
};

static bool in_list(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return true;
    return false;
}
#define IN_LIST(list, name) in_list(list, sizeof(list) / sizeof(list[0]), name)

static unsigned passed, failed;
static bool verbose;

/* Report a failure; without -v, only the first few per row. */
static void fail(unsigned *row_fails, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(unsigned *row_fails, const char *fmt, ...)
{
    va_list ap;

    failed++;
    if (row_fails && (*row_fails)++ >= 3 && !verbose)
        return;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

/* ---- 1 and 2: pattern shape and overlaps ---- */

static bool overlap_intended(const char *a, const char *b)
{
    for (size_t i = 0; i < sizeof(intended_overlaps) / sizeof(intended_overlaps[0]); i++)
        if (!strcmp(intended_overlaps[i].first, a) && !strcmp(intended_overlaps[i].second, b))
            return true;
    return false;
}

static void check_table_shape(const char *tname, const DecodePattern *rows)
{
    for (const DecodePattern *p = rows; p->bits; p++) {
        uint32_t m1, v1;
        if (!decode_parse(p->bits, &m1, &v1)) {
            fail(NULL, "FAIL %s: row \"%s\" (%s) is not 32 bits\n", tname, p->name, p->bits);
            continue;
        }
        passed++;
        for (const DecodePattern *q = p + 1; q->bits; q++) {
            uint32_t m2, v2;
            if (!decode_parse(q->bits, &m2, &v2) || ((v1 ^ v2) & m1 & m2))
                continue;
            if (overlap_intended(p->name, q->name))
                passed++;
            else
                fail(NULL, "FAIL %s: rows \"%s\" and \"%s\" overlap (e.g. 0x%08x)\n",
                     tname, p->name, q->name, v1 | v2);
        }
    }
}

/* ---- 3: decoding random words ---- */

static CPUArm64State env;
static IRBlock block;
static csh cs;

/* Decode w as translate.c does; returns the accepting row or NULL.
 * *emitted_on_reject names a row that emitted IR and then said no. */
static const DecodePattern *decode_word(uint32_t w, const DecodePattern **emitted_on_reject)
{
    *emitted_on_reject = NULL;
    for (size_t t = 0; t < NTABLES; t++) {
        if (!tables[t].rows)
            continue;
        for (const DecodePattern *p = tables[t].rows; p->bits; p++) {
            uint32_t m, v;
            DisasContext s = { 0 };

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
            if (p->fn(&s, w))
                return p;
            if (block.nops && !*emitted_on_reject)
                *emitted_on_reject = p;
        }
    }
    return NULL;
}

/* Does mnemonic mn belong to the family named by token tok: the same, or
 * tok with a size/sign suffix (LDR: ldrsb, STXR: stxrh) or the upper-half
 * suffix (XTN: xtn2), or the same but for a trailing count (LD1: ld3)? */
static bool family_matches(const char *tok, const char *mn)
{
    static const char *const suffixes[] = { "b", "h", "w", "sb", "sh", "sw", "2" };
    size_t tl = strlen(tok), ml = strlen(mn);

    if (!strcmp(tok, mn))
        return true;
    if (tl >= 2 && ml > tl && !strncmp(tok, mn, tl) && IN_LIST(suffixes, mn + tl))
        return true;
    while (tl && tok[tl - 1] >= '0' && tok[tl - 1] <= '9' && ml && mn[ml - 1] >= '0' && mn[ml - 1] <= '9') {
        tl--;
        ml--;
    }
    return tl >= 2 && tl == ml && tl < strlen(tok) && !strncmp(tok, mn, tl);
}

/* Is mn of the family of one of the words of name, or one of its aliases? */
static bool mnemonic_matches(const char *name, const char *mn)
{
    char buf[256], *save = NULL;
    size_t len = strlen(mn);

    snprintf(buf, sizeof(buf), "%s", name);
    for (char *p = buf; *p; p++)
        *p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
    for (char *tok = strtok_r(buf, " /(),-", &save); tok; tok = strtok_r(NULL, " /(),-", &save)) {
        if (family_matches(tok, mn))
            return true;
        /* "b.cond" matches b.eq, b.ne ... */
        if (!strcmp(tok, "b.cond") && !strncmp(mn, "b.", 2))
            return true;
    }
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
        const char *a = aliases[i].mnemonics;
        if (strcmp(aliases[i].row, name))
            continue;
        while ((a = strstr(a, mn)) != NULL) {
            bool start = a == aliases[i].mnemonics || a[-1] == ' ';
            if (start && (a[len] == ' ' || a[len] == 0))
                return true;
            a += len;
        }
    }
    return false;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd32(void) { return (uint32_t)xorshift64(&rng); }

/* Capstone 4 has no FEAT_FP16 or FEAT_FHM: it calls invalid the half
 * precision rows, FMLAL/FMLSL, the scalar FP words with ftype 11 and the
 * fixed-point conversions with immh 001x. */
static bool capstone_lacks_fp16(const DecodePattern *acc, uint32_t w)
{
    bool scalar_fp = ((w >> 24) & 0x5e) == 0x1e;

    return strstr(acc->name, "half") || !strncmp(acc->name, "FMLAL", 5) ||
           !strncmp(acc->name, "FMLSL", 5) || (scalar_fp && ((w >> 22) & 3) == 3) ||
           (strstr(acc->name, "fixed-point") && ((w >> 20) & 7) == 1);
}

static void check_word(const char *tname, const DecodePattern *row, uint32_t w, unsigned *rf)
{
    const DecodePattern *emitted, *acc = decode_word(w, &emitted);
    cs_insn *insn = NULL;
    size_t n = cs_disasm(cs, (const uint8_t *)&w, 4, 0x400000, 1, &insn);
    const char *mn = n ? insn->mnemonic : NULL;

    if (emitted) {
        fail(rf, "FAIL %s: 0x%08x: \"%s\" emitted IR, then rejected the word\n",
             tname, w, emitted->name);
    } else if (acc) {
        if (IN_LIST(capstone_unknown, acc->name))
            passed++;
        else if (!mn && (IN_LIST(capstone_rejects_ok, acc->name) ||
                         capstone_lacks_fp16(acc, w)))
            passed++;
        else if (!mn)
            fail(rf, "FAIL %s: 0x%08x: accepted by \"%s\", capstone says invalid\n",
                 tname, w, acc->name);
        else if (mnemonic_matches(acc->name, mn))
            passed++;
        else
            fail(rf, "FAIL %s: 0x%08x: accepted by \"%s\", capstone says %s %s\n",
                 tname, w, acc->name, mn, insn->op_str);
    } else {
        if (!mn || IN_LIST(undef_rows, row->name))
            passed++;
        else
            fail(rf, "FAIL %s: 0x%08x: of row \"%s\" is UNDEF, capstone says %s %s\n",
                 tname, w, row->name, mn, insn->op_str);
    }
    if (n)
        cs_free(insn, n);
}

static void check_table_words(const char *tname, const DecodePattern *rows, unsigned per_row)
{
    for (const DecodePattern *p = rows; p->bits; p++) {
        uint32_t m, v;
        unsigned row_fails = 0;

        if (!decode_parse(p->bits, &m, &v))
            continue;
        for (unsigned i = 0; i < per_row; i++)
            check_word(tname, p, v | (rnd32() & ~m), &row_fails);
        if (row_fails > 3 && !verbose)
            printf("     ... %u failures for \"%s\" in all\n", row_fails, p->name);
    }
}

int main(int argc, char **argv)
{
    unsigned per_row = 64;
    int ai = 1;

    if (ai < argc && !strcmp(argv[ai], "-v")) {
        verbose = true;
        ai++;
    }
    if (ai < argc)
        per_row = (unsigned)strtoul(argv[ai++], NULL, 0);
    if (ai < argc)
        rng = strtoull(argv[ai++], NULL, 0) | 1;
    log_file = stderr;

    a64_guest_arch.init(&a64_guest_arch);
    env.model = a64_model_find("max");
    env.excl_addr = ~0ull;
    if (!env.model || cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &cs) != CS_ERR_OK) {
        printf("setup failed\n");
        return 1;
    }
    for (size_t t = 0; t < NTABLES; t++) {
        if (!tables[t].rows) {
            printf("(table %s not linked: skipped)\n", tables[t].name);
            continue;
        }
        check_table_shape(tables[t].name, tables[t].rows);
        check_table_words(tables[t].name, tables[t].rows, per_row);
    }
    cs_close(&cs);
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
