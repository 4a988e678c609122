/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, strings: generates a text of pseudo-random words,
 * then repeatedly splits it into lines (strchr), measures them (strlen),
 * finds words (strspn/strcspn), counts them in a hash table compared with
 * memcmp/strcmp, and searches for substrings (strstr).  Most time goes to
 * glibc's NEON string routines and short loops around them.  argv[1]
 * scales the work (default 1.0); prints counts and a checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_BYTES (1u << 20)
#define TABLE 4096

typedef struct Entry {
    char word[24];
    unsigned len, count;
} Entry;

static Entry table[TABLE];
static uint32_t rng = 12345;

static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static void make_text(char *text)
{
    static const char *const syll[] = {
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "qua", "zen",
        "ph", "str", "ing", "tion", "er", "ox",
    };
    size_t pos = 0;
    while (pos < TEXT_BYTES - 64) {
        unsigned n = 1 + next_rand() % 3;
        for (unsigned s = 0; s < n; s++) {
            const char *p = syll[next_rand() % 16];
            size_t l = strlen(p);
            memcpy(text + pos, p, l);
            pos += l;
        }
        text[pos++] = next_rand() % 9 == 0 ? '\n' : ' ';
    }
    text[pos] = 0;
}

static unsigned hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void count_word(const char *w, size_t n)
{
    if (n >= sizeof(table[0].word))
        n = sizeof(table[0].word) - 1;
    unsigned h = hash(w, n) % TABLE;
    for (;;) {
        Entry *e = &table[h];
        if (e->len == 0) {
            memcpy(e->word, w, n);
            e->word[n] = 0;
            e->len = (unsigned)n;
            e->count = 1;
            return;
        }
        if (e->len == n && memcmp(e->word, w, n) == 0) {
            e->count++;
            return;
        }
        h = (h + 1) % TABLE;
    }
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    int rounds = (int)(200 * scale);
    char *text = malloc(TEXT_BYTES), *line = malloc(4096);
    unsigned long lines = 0, chars = 0, words = 0, found = 0;
    if (!text || !line)
        return 1;
    make_text(text);

    for (int r = 0; r < rounds; r++) {
        const char *p = text;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            if (n >= 4096)
                n = 4095;
            memcpy(line, p, n);
            line[n] = 0;
            chars += strlen(line);
            lines++;
            for (char *w = line + strspn(line, " "); *w; ) {
                size_t wl = strcspn(w, " ");
                count_word(w, wl);
                words++;
                w += wl;
                w += strspn(w, " ");
            }
            if (strstr(line, "zenquation") || strstr(line, "strox"))
                found++;
            p = nl ? nl + 1 : p + n;
        }
    }
    unsigned distinct = 0, best = 0;
    const char *best_word = "";
    for (unsigned i = 0; i < TABLE; i++) {
        if (table[i].len) {
            distinct++;
            if (table[i].count > best ||
                (table[i].count == best && strcmp(table[i].word, best_word) < 0)) {
                best = table[i].count;
                best_word = table[i].word;
            }
        }
    }
    printf("text: %lu lines, %lu chars, %lu words, %u distinct, most \"%s\" x%u,"
           " %lu lines matched\n", lines, chars, words, distinct, best_word, best, found);
    free(text);
    free(line);
    return 0;
}
