/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * diff-cmp: compares the output of a diff-gen program (tests/diff/) run
 * under the reference with its output under guise: one state record
 * (diff.h) per block, then the scratch buffer.  Prints the first block
 * whose record differs: its instructions (word, capstone disassembly,
 * decode table row), and for each differing register its value before the
 * block, the reference's value and guise's.  Then a line
 * "diverged at block N" (run.sh reads it to replay that block one
 * instruction at a time), or "identical".
 *
 * Usage: diff-cmp listing init-state ref-output guise-output
 * Exit status: 0 identical, 1 different, 2 unreadable input.
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/diff/diff.h"

typedef struct Listing {
    unsigned n;
    unsigned *block;
    uint32_t *word;
    char **name;
    unsigned nrefresh;
    char **refresh;           /* the "R" lines */
} Listing;

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (!f)
        return NULL;
    do {
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap = cap ? cap * 2 : 1 << 16);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    fclose(f);
    *len = n;
    return buf;
}

static bool read_listing(const char *path, Listing *l)
{
    FILE *f = fopen(path, "r");
    char line[512];
    unsigned cap = 0;

    if (!f)
        return false;
    memset(l, 0, sizeof(*l));
    while (fgets(line, sizeof(line), f)) {
        unsigned b, w, mask;
        int base, and_reg, pos = 0;
        if (line[0] == 'R') {
            char **nr = realloc(l->refresh, (l->nrefresh + 1) * sizeof(*nr));
            if (!nr) {
                fclose(f);
                return false;
            }
            l->refresh = nr;
            l->refresh[l->nrefresh++] = strdup(line);
            continue;
        }
        if (sscanf(line, "%u %x %d %d %x %n", &b, &w, &base, &and_reg, &mask, &pos) < 5)
            continue;
        if (l->n == cap) {
            cap = cap ? cap * 2 : 1024;
            l->block = realloc(l->block, cap * sizeof(*l->block));
            l->word = realloc(l->word, cap * sizeof(*l->word));
            l->name = realloc(l->name, cap * sizeof(*l->name));
            if (!l->block || !l->word || !l->name) {
                fclose(f);
                return false;
            }
        }
        line[strcspn(line, "\n")] = 0;
        l->block[l->n] = b;
        l->word[l->n] = w;
        l->name[l->n] = strdup(line + pos);
        l->n++;
    }
    fclose(f);
    return true;
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* The fields of a record: name, offset, size (8 or 16). */
typedef struct Field {
    char name[8];
    unsigned off, size;
} Field;

static unsigned fields(Field *f)
{
    unsigned n = 0;
    for (unsigned i = 0; i < 31; i++, n++) {
        snprintf(f[n].name, sizeof(f[n].name), "x%u", i);
        f[n].off = DIFF_OFF_X(i);
        f[n].size = 8;
    }
    f[n++] = (Field){ "sp", DIFF_OFF_SP, 8 };
    f[n++] = (Field){ "nzcv", DIFF_OFF_NZCV, 8 };
    f[n++] = (Field){ "fpsr", DIFF_OFF_FPSR, 8 };
    f[n++] = (Field){ "fpcr", DIFF_OFF_FPCR, 8 };
    for (unsigned i = 0; i < 32; i++, n++) {
        snprintf(f[n].name, sizeof(f[n].name), "v%u", i);
        f[n].off = DIFF_OFF_V(i);
        f[n].size = 16;
    }
    return n;
}

static void print_val(const uint8_t *rec, const Field *f)
{
    if (!rec)
        printf(" %-34s", "-");
    else if (f->size == 8)
        printf(" 0x%016" PRIx64 "%16s", get64(rec + f->off), "");
    else
        printf(" 0x%016" PRIx64 ":%016" PRIx64, get64(rec + f->off + 8), get64(rec + f->off));
}

static void print_block(const Listing *l, unsigned b, csh cs, bool have_cs)
{
    printf("  instructions of block %u:\n", b);
    for (unsigned i = 0; i < l->n; i++) {
        cs_insn *ci = NULL;
        size_t n = 0;
        char dis[sizeof(ci->mnemonic) + sizeof(ci->op_str) + 2];

        if (l->block[i] != b)
            continue;
        if (have_cs)
            n = cs_disasm(cs, (const uint8_t *)&l->word[i], 4, 0, 1, &ci);
        if (n)
            snprintf(dis, sizeof(dis), "%s %s", ci->mnemonic, ci->op_str);
        else
            snprintf(dis, sizeof(dis), "(unknown to capstone)");
        printf("    0x%08" PRIx32 "  %-40s [%s]\n", l->word[i], dis, l->name[i]);
        if (n)
            cs_free(ci, n);
    }
}

/* The state block b started from: the record before it with the block's
 * register reloads applied (a static buffer). */
static uint8_t *state_before(const Listing *l, unsigned b, const uint8_t *prev)
{
    static uint8_t st[DIFF_STATE_SIZE];

    memcpy(st, prev, DIFF_STATE_SIZE);
    for (unsigned i = 0; i < l->nrefresh; i++)
        diff_apply_refresh(st, l->refresh[i], b);
    return st;
}

static unsigned block_size(const Listing *l, unsigned b)
{
    unsigned n = 0;
    for (unsigned i = 0; i < l->n; i++)
        n += l->block[i] == b;
    return n;
}

/* For a one-instruction block: the X and V registers its register fields
 * (bits 4:0, 9:5, 14:10, 20:16) name, before it ran: its inputs. */
static void print_inputs(const Listing *l, unsigned b, const uint8_t *before, const Field *f)
{
    static const unsigned shifts[] = { 0, 5, 10, 16 };
    uint32_t w = 0;

    for (unsigned i = 0; i < l->n; i++)
        if (l->block[i] == b)
            w = l->word[i];
    printf("  register fields' values before it (inputs):\n");
    printf("  %-5s %-34s fields\n", "reg", " value");
    for (unsigned k = 0; k < 4; k++) {
        unsigned r = (w >> shifts[k]) & 31;
        bool dup = false;
        for (unsigned j = 0; j < k; j++)
            dup |= ((w >> shifts[j]) & 31) == r;
        if (dup)
            continue;
        /* x31 reads as SP here: the record holds SP there */
        printf("  %-5s", f[r].name);
        print_val(before, &f[r]);
        printf("\n  %-5s", f[35 + r].name);
        print_val(before, &f[35 + r]);
        printf("\n");
    }
}

int main(int argc, char **argv)
{
    Listing l;
    size_t rlen, glen, ilen;
    uint8_t *ref, *got, *init;
    unsigned nblocks = 0, nf;
    Field f[80];
    csh cs;
    bool have_cs;

    if (argc != 5) {
        fprintf(stderr, "usage: diff-cmp listing init-state ref-output guise-output\n");
        return 2;
    }
    if (!read_listing(argv[1], &l) || !(init = read_all(argv[2], &ilen)) ||
        ilen != DIFF_STATE_SIZE || !(ref = read_all(argv[3], &rlen)) ||
        !(got = read_all(argv[4], &glen))) {
        fprintf(stderr, "diff-cmp: cannot read the inputs\n");
        return 2;
    }
    have_cs = cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &cs) == CS_ERR_OK;
    for (unsigned i = 0; i < l.n; i++)
        if (l.block[i] + 1 > nblocks)
            nblocks = l.block[i] + 1;
    nf = fields(f);

    for (unsigned b = 0; b <= nblocks; b++) {
        size_t off = (size_t)b * DIFF_STATE_SIZE;
        size_t sz = b < nblocks ? DIFF_STATE_SIZE : DIFF_SCRATCH_SIZE;
        uint8_t *before = NULL;
        bool rhas = rlen >= off + sz, ghas = glen >= off + sz;

        if (rhas && ghas && !memcmp(ref + off, got + off, sz))
            continue;
        if (b < nblocks && (!b || rlen >= off))
            before = state_before(&l, b, b ? ref + off - DIFF_STATE_SIZE : init);
        /* Both stopped at the same point (run.sh compares the exit status). */
        if (!rhas && !ghas && rlen == glen && !memcmp(ref, got, rlen)) {
            printf("identical up to block %u, where both stopped\n", b);
            return 0;
        }
        if (b == nblocks) {
            size_t i = 0;
            if (rhas && ghas)
                while (ref[off + i] == got[off + i])
                    i++;
            printf("scratch memory differs at offset 0x%zx (base register offset %+ld)"
                   "%s%s\n", i, (long)i - DIFF_SCRATCH_BASE,
                   rhas ? "" : "; the reference stopped", ghas ? "" : "; guise stopped");
            if (rhas && ghas)
                printf("  reference 0x%016" PRIx64 ", guise 0x%016" PRIx64 " (8 bytes there)\n",
                       get64(ref + off + (i & ~7ul)), get64(got + off + (i & ~7ul)));
            printf("diverged at block %u\n", b);
            return 1;
        }
        printf("first divergence after block %u%s%s\n", b,
               rhas ? "" : " (the reference stopped: see its exit status)",
               ghas ? "" : " (guise stopped: see its exit status)");
        print_block(&l, b, cs, have_cs);
        printf("  %-5s %-34s %-34s %s\n", "reg", " before", " reference", " guise");
        for (unsigned i = 0; i < nf; i++) {
            const uint8_t *r = rhas ? ref + off : NULL, *g = ghas ? got + off : NULL;
            if (r && g && !memcmp(r + f[i].off, g + f[i].off, f[i].size))
                continue;
            if ((!r || !g) && i >= 2)
                break;
            printf("  %-5s", f[i].name);
            print_val(before, &f[i]);
            print_val(r, &f[i]);
            print_val(g, &f[i]);
            printf("\n");
        }
        if (before && block_size(&l, b) == 1)
            print_inputs(&l, b, before, f);
        printf("diverged at block %u\n", b);
        return 1;
    }
    printf("identical (%u blocks)\n", nblocks);
    return 0;
}
