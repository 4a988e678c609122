/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Conversions between numbers and text and back: sprintf then strtod with
 * %.17g must give the same double bits; strtol/strtoul/strtoll in bases 0,
 * 2, 8, 10, 16 and 36 with signs, prefixes, overflow (errno ERANGE) and
 * end pointers; sscanf with several conversions in one format.  Prints the
 * interesting cases and a count of round trips; exits 1 on a mismatch.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static uint64_t bits_of(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof(u));
    return u;
}

static double double_of(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof(d));
    return d;
}

/* %.17g, %a and %.40e all round-trip a double exactly through strtod. */
static void test_double_roundtrip(void)
{
    uint64_t state = 0x243f6a8885a308d3ull;
    unsigned ok = 0;
    for (unsigned i = 0; i < 1000; i++) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t u = state;
        if ((u >> 52 & 0x7ff) == 0x7ff)    /* skip inf/nan encodings */
            u ^= 1ull << 62;
        double d = double_of(u);
        char buf[128];
        static const char *const fmts[] = { "%.17g", "%a", "%.40e" };
        for (unsigned f = 0; f < 3; f++) {
            snprintf(buf, sizeof(buf), fmts[f], d);
            double back = strtod(buf, NULL);
            if (bits_of(back) != u) {
                if (failures++ < 10)
                    printf("FAIL roundtrip %016" PRIx64 " via %s\n", u, buf);
            } else {
                ok++;
            }
        }
        if (i % 200 == 0)
            printf("sample %016" PRIx64 " = %.17g\n", u, d);
    }
    printf("double round trips ok: %u\n", ok);
}

static void test_strtod_strings(void)
{
    static const char *const inputs[] = {
        "0", "-0", "1e308", "1e309", "-1e309", "4.9e-324", "2e-324", "1e-400",
        "0x1.8p1", "0X.1P4", "inf", "-Infinity", "nan", "  +12.5e+2xyz",
        "1.7976931348623157e308", "2.2250738585072011e-308", ".5", "5.",
        "1e", "e5", "0.1", "123456789012345678901234567890",
        "3.14159265358979323846264338327950288",
    };
    for (unsigned i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        char *end;
        errno = 0;
        double d = strtod(inputs[i], &end);
        int e = errno;
        printf("strtod(\"%s\") = %.17g [%016" PRIx64 "] used %d %s\n",
               inputs[i], d, d != d ? 0 : bits_of(d), (int)(end - inputs[i]),
               e == ERANGE ? "ERANGE" : "");
        float f = strtof(inputs[i], NULL);
        printf("  strtof = %.9g\n", (double)f);
    }
}

static void test_strtol(void)
{
    static const struct { const char *s; int base; } inputs[] = {
        { "0", 10 }, { "-1", 10 }, { "9223372036854775807", 10 },
        { "9223372036854775808", 10 }, { "-9223372036854775808", 10 },
        { "-9223372036854775809", 10 }, { "0x7fffffffffffffff", 0 },
        { "0777", 0 }, { "0b101", 0 }, { "101", 2 }, { "zz", 36 },
        { "ZZZZZZZZZZZZZ", 36 }, { "  -0x10", 16 }, { "12abc", 10 },
        { "ffffffffffffffff", 16 }, { "18446744073709551616", 10 },
        { "-18446744073709551615", 10 }, { "+42", 0 }, { "", 10 },
        { "0x", 16 }, { "2147483648", 10 },
    };
    for (unsigned i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        char *end1, *end2;
        errno = 0;
        long l = strtol(inputs[i].s, &end1, inputs[i].base);
        int e1 = errno;
        errno = 0;
        unsigned long ul = strtoul(inputs[i].s, &end2, inputs[i].base);
        int e2 = errno;
        int at = atoi(inputs[i].s);
        printf("strtol(\"%s\", %d) = %ld%s used %d; strtoul = %lu%s used %d;"
               " atoi %d\n", inputs[i].s, inputs[i].base, l,
               e1 == ERANGE ? " ERANGE" : "", (int)(end1 - inputs[i].s), ul,
               e2 == ERANGE ? " ERANGE" : "", (int)(end2 - inputs[i].s),
               inputs[i].base == 10 && e1 == 0 && l == (int)l ? at : 0);
    }
}

static void test_int_roundtrip(void)
{
    uint64_t state = 99;
    unsigned ok = 0;
    for (unsigned i = 0; i < 800; i++) {
        state = state * 2862933555777941757ull + 3037000493ull;
        int64_t v = (int64_t)state >> (i % 64);
        char buf[80];
        static const int bases[] = { 2, 8, 10, 16, 36 };
        snprintf(buf, sizeof(buf), "%" PRId64, v);
        if (strtoll(buf, NULL, 10) != v)
            failures++;
        else
            ok++;
        snprintf(buf, sizeof(buf), "%#" PRIx64, (uint64_t)v);
        if (strtoull(buf, NULL, 0) != (uint64_t)v)
            failures++;
        else
            ok++;
        snprintf(buf, sizeof(buf), "%#" PRIo64, (uint64_t)v);
        if (strtoull(buf, NULL, 0) != (uint64_t)v)
            failures++;
        else
            ok++;
        /* Base 36 and 2 by hand, parsed back by strtoull. */
        int base = bases[i % 5];
        char digits[80], *p = digits + sizeof(digits);
        uint64_t u = (uint64_t)v;
        *--p = 0;
        do {
            *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        if (strtoull(p, NULL, base) != (uint64_t)v)
            failures++;
        else
            ok++;
    }
    printf("integer round trips ok: %u\n", ok);
}

static void test_sscanf(void)
{
    int i, n, consumed;
    unsigned x;
    double d;
    float f;
    char word[32], rest[32];
    long long ll;
    short sh;
    unsigned char uc;
    int got = sscanf("  -42 0x1F 3.5e2 hello 2.25 -9000000000 77 300 tail",
                     "%d %x %lf %31s %f %lld %hd %hhu %n%31s",
                     &i, &x, &d, word, &f, &ll, &sh, &uc, &consumed, rest);
    printf("sscanf %d: %d %u %g %s %g %lld %hd %u consumed %d rest %s\n",
           got, i, x, d, word, (double)f, ll, sh, (unsigned)uc, consumed, rest);
    got = sscanf("12:34:56", "%d:%d:%d%n", &i, &n, &consumed, &x);
    printf("sscanf time %d: %d %d %d\n", got, i, n, consumed);
    got = sscanf("abc", "%d", &i);
    printf("sscanf no match %d\n", got);
    got = sscanf("", "%d", &i);
    printf("sscanf empty %d\n", got);
    got = sscanf("[a-z]xyz123", "[a-z]%[a-z]%d", word, &i);
    printf("sscanf set %d: %s %d\n", got, word, i);
    got = sscanf("nan inf -inf 0x1p-3", "%lf %lf %lf %lf", &d, &d, &d, &d);
    printf("sscanf specials %d: last %g\n", got, d);
}

int main(void)
{
    test_double_roundtrip();
    test_strtod_strings();
    test_strtol();
    test_int_roundtrip();
    test_sscanf();
    printf("%s\n", failures ? "FAIL" : "ok");
    return failures != 0;
}
