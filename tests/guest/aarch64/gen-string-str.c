/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The C library's string routines (strlen, strnlen, strchr, strrchr,
 * strcmp, strncmp, strcpy, stpcpy) on strings at every alignment 0..31 and
 * every length 0..300, each checked against a plain byte loop.  glibc's
 * aarch64 versions read whole aligned vectors past the terminator (never
 * past the page), so a final pass puts strings at the very end of a page
 * followed by an inaccessible page.  Prints one line per routine; exits 1
 * on a mismatch.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAXLEN 300
#define NALIGN 32
#define BUFSZ (MAXLEN + 2 * 64 + NALIGN)

static char buf_a[BUFSZ] __attribute__((aligned(64)));
static char buf_b[BUFSZ] __attribute__((aligned(64)));
static char buf_c[BUFSZ] __attribute__((aligned(64)));
static int failures;

static void fail(const char *what, unsigned align, unsigned len)
{
    if (failures++ < 10)
        printf("FAIL %s align %u len %u\n", what, align, len);
}

/* A string of len non-zero bytes, high-bit bytes included, at s. */
static void make_string(char *s, unsigned len, unsigned seed)
{
    for (unsigned i = 0; i < len; i++) {
        unsigned v = (i * 29 + seed * 13) % 255 + 1;
        if (v == 'x')     /* keep 'x' for the search tests */
            v = 'y';
        s[i] = (char)v;
    }
    s[len] = 0;
}

static size_t ref_len(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static const char *ref_chr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return s;
        if (!*s)
            return NULL;
    }
}

static const char *ref_rchr(const char *s, int c)
{
    const char *last = NULL;
    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (!*s)
            return last;
    }
}

static int ref_ncmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x != y)
            return x < y ? -1 : 1;
        if (!x)
            return 0;
    }
    return 0;
}

static int sign(int x)
{
    return (x > 0) - (x < 0);
}

static void test_strlen(void)
{
    size_t total = 0;
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            memset(buf_a, 'q', BUFSZ);
            make_string(buf_a + a, len, a);
            size_t n = strlen(buf_a + a);
            if (n != len || ref_len(buf_a + a) != len)
                fail("strlen", a, len);
            if (strnlen(buf_a + a, len / 2) != len / 2 ||
                strnlen(buf_a + a, len + 5) != len)
                fail("strnlen", a, len);
            total += n;
        }
    }
    printf("strlen done, total %zu\n", total);
}

static void test_strchr(void)
{
    unsigned hits = 0;
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            char *s = buf_a + a;
            memset(buf_a, 'x', BUFSZ);   /* 'x' also after the terminator */
            make_string(s, len, len);
            unsigned p1 = (len * 5 + a) % (len + 1), p2 = (len * 3 + 7) % (len + 1);
            if (p1 < len)
                s[p1] = 'x';
            if (p2 < len)
                s[p2] = 'x';
            const char *got = strchr(s, 'x');
            if (got != ref_chr(s, 'x'))
                fail("strchr", a, len);
            if (strrchr(s, 'x') != ref_rchr(s, 'x'))
                fail("strrchr", a, len);
            if (strchr(s, 0) != s + len || strrchr(s, 0) != s + len)
                fail("strchr nul", a, len);
            if (len && strchr(s, s[len - 1]) != ref_chr(s, s[len - 1]))
                fail("strchr last", a, len);
            hits += got != NULL;
        }
    }
    printf("strchr done, hits %u\n", hits);
}

static void test_strcmp(void)
{
    unsigned counts[3] = { 0, 0, 0 };
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            char *x = buf_a + a, *y = buf_b + (a * 5 + 3) % NALIGN;
            unsigned pos = (len * 11 + a) % (len + 2);
            make_string(x, len, len ^ a);
            memcpy(y, x, len + 1);
            if (pos < len) {
                unsigned char c = (unsigned char)x[pos];
                y[pos] = (char)(len & 1 ? c ^ 0x80 : c % 254 + 1);
            } else if (pos == len) {
                y[len] = 'z';                    /* y is longer */
                y[len + 1] = 0;
            }
            int want = ref_ncmp(x, y, (size_t)-1);
            int got = sign(strcmp(x, y));
            if (got != want)
                fail("strcmp", a, len);
            if (sign(strcmp(y, x)) != -want)
                fail("strcmp swapped", a, len);
            size_t n = len / 2 + a % 3;
            if (sign(strncmp(x, y, n)) != ref_ncmp(x, y, n))
                fail("strncmp", a, len);
            if (sign(strncmp(x, y, len + 10)) != want)
                fail("strncmp long", a, len);
            counts[got + 1]++;
        }
    }
    printf("strcmp done: %u less, %u equal, %u greater\n",
           counts[0], counts[1], counts[2]);
}

static void test_strcpy(void)
{
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            unsigned d = (a * 9 + len) % NALIGN;
            make_string(buf_a + a, len, a + len);
            memset(buf_b, 0x5a, BUFSZ);
            memset(buf_c, 0x5a, BUFSZ);
            char *r1 = strcpy(buf_b + 64 + d, buf_a + a);
            memcpy(buf_c + 64 + d, buf_a + a, len + 1);
            if (r1 != buf_b + 64 + d || memcmp(buf_b, buf_c, BUFSZ) != 0)
                fail("strcpy", a, len);
            memset(buf_b, 0x5a, BUFSZ);
            char *r2 = stpcpy(buf_b + 64 + d, buf_a + a);
            if (r2 != buf_b + 64 + d + len || memcmp(buf_b, buf_c, BUFSZ) != 0)
                fail("stpcpy", a, len);
        }
    }
    printf("strcpy done\n");
}

/* Strings whose terminator is the last byte before an unreadable page. */
static void test_page_end(void)
{
    long psz = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, (size_t)psz * 2, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED || mprotect(p + psz, (size_t)psz, PROT_NONE) != 0) {
        printf("FAIL mmap\n");
        failures++;
        return;
    }
    for (unsigned len = 0; len <= 80; len++) {
        char *s = p + psz - 1 - len;
        make_string(s, len, len);
        if (strlen(s) != len)
            fail("strlen page end", 0, len);
        if (strchr(s, 'x') != NULL || strrchr(s, 'x') != NULL)
            fail("strchr page end", 0, len);
        if (strcmp(s, s) != 0)
            fail("strcmp page end", 0, len);
        strcpy(buf_b, s);
        if (strcmp(buf_b, s) != 0 || strlen(buf_b) != len)
            fail("strcpy page end", 0, len);
    }
    munmap(p, (size_t)psz * 2);
    printf("page end done\n");
}

int main(void)
{
    test_strlen();
    test_strchr();
    test_strcmp();
    test_strcpy();
    test_page_end();
    printf("%s\n", failures ? "FAIL" : "ok");
    return failures != 0;
}
