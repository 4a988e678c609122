/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The C library's memory routines (memcpy, memmove, memset, memchr,
 * memcmp) at every source alignment 0..31 and every length 0..300, each
 * checked against a plain byte loop, with guard bytes around the
 * destination.  glibc's aarch64 versions use NEON and unaligned
 * loads/stores with overlapping tails, so this covers many load/store
 * forms.  A final pass runs memchr up to the end of a page followed by an
 * inaccessible page.  Prints one line per routine; exits 1 on a mismatch.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAXLEN 300
#define NALIGN 32
#define BUFSZ (MAXLEN + 2 * 64 + NALIGN)
#define GUARD 0xa5

static unsigned char src_buf[BUFSZ] __attribute__((aligned(64)));
static unsigned char dst_buf[BUFSZ] __attribute__((aligned(64)));
static unsigned char ref_buf[BUFSZ] __attribute__((aligned(64)));
static int failures;

static void fail(const char *what, unsigned align, unsigned len)
{
    if (failures++ < 10)
        printf("FAIL %s align %u len %u\n", what, align, len);
}

static void fill_pattern(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)((i * 131 + seed * 17 + (i >> 3)) | 1);
}

/* Asks the compiler not to turn the reference loops into library calls. */
#define NOVEC __attribute__((optimize("no-tree-loop-distribute-patterns")))

static NOVEC void ref_copy(unsigned char *d, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}

static NOVEC void ref_move(unsigned char *d, const unsigned char *s, size_t n)
{
    if (d < s) {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else {
        for (size_t i = n; i-- > 0;)
            d[i] = s[i];
    }
}

static NOVEC void ref_set(unsigned char *d, int c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = (unsigned char)c;
}

static const void *ref_chr(const unsigned char *s, int c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == (unsigned char)c)
            return s + i;
    return NULL;
}

static int ref_cmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static int sign(int x)
{
    return (x > 0) - (x < 0);
}

static void test_memcpy(void)
{
    uint32_t h = 0;
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            unsigned d = (a * 7 + len) % NALIGN;
            fill_pattern(src_buf, BUFSZ, a + len);
            memset(dst_buf, GUARD, BUFSZ);
            memset(ref_buf, GUARD, BUFSZ);
            memcpy(dst_buf + 64 + d, src_buf + a, len);
            ref_copy(ref_buf + 64 + d, src_buf + a, len);
            if (memcmp(dst_buf, ref_buf, BUFSZ) != 0)
                fail("memcpy", a, len);
            h = h * 31 + dst_buf[64 + d + len / 2];
        }
    }
    printf("memcpy done %08x\n", (unsigned)h);
}

static void test_memmove(void)
{
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            /* Overlap in both directions, by up to 40 bytes either way. */
            int delta = (int)((len * 13 + a) % 81) - 40;
            unsigned char *s = dst_buf + 64 + a, *d = s + delta;
            fill_pattern(dst_buf, BUFSZ, a ^ len);
            memcpy(ref_buf, dst_buf, BUFSZ);
            memmove(d, s, len);
            ref_move(ref_buf + (d - dst_buf), ref_buf + (s - dst_buf), len);
            if (memcmp(dst_buf, ref_buf, BUFSZ) != 0)
                fail("memmove", a, len);
        }
    }
    printf("memmove done\n");
}

static void test_memset(void)
{
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            int c = (int)((a * 37 + len) & 0xff);
            memset(dst_buf, GUARD, BUFSZ);
            memset(ref_buf, GUARD, BUFSZ);
            /* c == 0 takes glibc's DC ZVA path for long lengths. */
            if (len % 5 == 0)
                c = 0;
            memset(dst_buf + 64 + a, c, len);
            ref_set(ref_buf + 64 + a, c, len);
            if (memcmp(dst_buf, ref_buf, BUFSZ) != 0)
                fail("memset", a, len);
        }
    }
    printf("memset done\n");
}

static void test_memchr(void)
{
    unsigned found = 0;
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            unsigned char *s = src_buf + a;
            unsigned pos = (len * 7 + a) % (len + 1);
            int c = 0x80 + (int)(len & 0x3f);
            ref_set(src_buf, 0x11, BUFSZ);
            if (pos < len)
                s[pos] = (unsigned char)c;
            s[len] = (unsigned char)c;        /* just past the end: not found */
            if (len > 3)
                s[pos / 2] = (unsigned char)(c ^ 0x100 ^ 1);
            const void *got = memchr(s, c, len);
            if (got != ref_chr(s, c, len))
                fail("memchr", a, len);
            found += got != NULL;
        }
    }
    printf("memchr done, found %u\n", found);
}

static void test_memcmp(void)
{
    unsigned counts[3] = { 0, 0, 0 };
    for (unsigned a = 0; a < NALIGN; a++) {
        for (unsigned len = 0; len <= MAXLEN; len++) {
            unsigned char *x = src_buf + a, *y = dst_buf + (a * 3 + 1) % NALIGN;
            unsigned pos = (len * 11 + a) % (len + 1);
            fill_pattern(src_buf, BUFSZ, len);
            ref_copy(y, x, len + 1);
            if (pos < len) {
                /* Differ in the top bit too: memcmp compares unsigned bytes. */
                y[pos] = (len & 1) ? (unsigned char)(x[pos] ^ 0x80)
                                   : (unsigned char)(x[pos] + 1);
            }
            int got = sign(memcmp(x, y, len)), want = ref_cmp(x, y, len);
            if (got != want)
                fail("memcmp", a, len);
            counts[got + 1]++;
        }
    }
    printf("memcmp done: %u less, %u equal, %u greater\n",
           counts[0], counts[1], counts[2]);
}

/* memchr/memcpy ending exactly at a page followed by an unreadable page. */
static void test_page_end(void)
{
    long psz = sysconf(_SC_PAGESIZE);
    unsigned char *p = mmap(NULL, (size_t)psz * 2, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED || mprotect(p + psz, (size_t)psz, PROT_NONE) != 0) {
        printf("FAIL mmap\n");
        failures++;
        return;
    }
    unsigned char *end = p + psz;
    memset(p, 0x22, (size_t)psz);
    for (unsigned len = 0; len <= 64; len++) {
        const unsigned char *s = end - len;
        if (memchr(s, 0x33, len) != NULL)
            fail("memchr page end", 0, len);
        if (len && memchr(s, 0x22, len) != s)
            fail("memchr page end hit", 0, len);
        memcpy(dst_buf, s, len);
        if (ref_cmp(dst_buf, s, len) != 0 || memcmp(dst_buf, s, len) != 0)
            fail("memcpy page end", 0, len);
    }
    munmap(p, (size_t)psz * 2);
    printf("page end done\n");
}

int main(void)
{
    test_memcpy();
    test_memmove();
    test_memset();
    test_memchr();
    test_memcmp();
    test_page_end();
    printf("%s\n", failures ? "FAIL" : "ok");
    return failures != 0;
}
