/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Variadic functions: integers of every width, doubles (promoted floats)
 * and pointers mixed in one list, more arguments than the eight integer
 * and eight FP argument registers so the rest come from the stack, va_copy
 * and a second pass, passing a va_list down to vsnprintf, and a structure
 * passed by value through the variable part.  The AAPCS64 va_list has
 * separate general and FP register save areas, so this exercises the
 * prologue's register spills and the va_arg logic.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* fmt letters: i int, l long long, d double, s string, p struct Big. */
typedef struct Big {
    int64_t a, b, c;
} Big;

static double sum_typed(const char *fmt, ...)
{
    va_list ap, copy;
    double total = 0;
    va_start(ap, fmt);
    va_copy(copy, ap);
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': total += va_arg(ap, int); break;
        case 'l': total += (double)va_arg(ap, long long); break;
        case 'd': total += va_arg(ap, double); break;
        case 's': total += (double)strlen(va_arg(ap, const char *)); break;
        case 'p': {
            Big b = va_arg(ap, Big);
            total += (double)(b.a + b.b * 2 + b.c * 3);
            break;
        }
        }
    }
    va_end(ap);
    /* The copy walks the same list again: count the strings' characters. */
    unsigned chars = 0;
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': (void)va_arg(copy, int); break;
        case 'l': (void)va_arg(copy, long long); break;
        case 'd': (void)va_arg(copy, double); break;
        case 's': chars += (unsigned)strlen(va_arg(copy, const char *)); break;
        case 'p': (void)va_arg(copy, Big); break;
        }
    }
    va_end(copy);
    printf("sum_typed(%s) = %.6f, string chars %u\n", fmt, total, chars);
    return total;
}

static int64_t sum_ints(int n, ...)
{
    va_list ap;
    int64_t total = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        total = total * 3 + va_arg(ap, int64_t);
    va_end(ap);
    return total;
}

static double sum_doubles(int n, ...)
{
    va_list ap;
    double total = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        total = total * 0.5 + va_arg(ap, double);
    va_end(ap);
    return total;
}

static int format_into(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int format_into(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

/* Forward a va_list through two levels. */
static void vlog(const char *prefix, const char *fmt, va_list ap)
{
    char buf[256];
    vsnprintf(buf, sizeof(buf), fmt, ap);
    printf("%s%s\n", prefix, buf);
}

static void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void log_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog("log: ", fmt, ap);
    va_end(ap);
}

int main(void)
{
    Big big = { 100, 200, 300 };
    float f = 2.5f;   /* promoted to double */
    char c = 'x';     /* promoted to int */
    short sh = -7;

    sum_typed("iildd", 1, -2, 3ll << 40, 0.25, (double)f);
    sum_typed("iiiiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    sum_typed("dddddddddddd", 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5,
              9.5, 10.5, 11.5);
    sum_typed("idsidsidsidsidsp", c, 1.0, "abc", sh, 2.0, "", 3, 3.0, "hello",
              4, 4.0, "x", 5, 5.0, "yz", big);
    sum_typed("pdpid", big, -1.0, big, 9, 1e10);
    printf("sum_ints: %lld %lld\n",
           (long long)sum_ints(3, (int64_t)1, (int64_t)2, (int64_t)3),
           (long long)sum_ints(11, (int64_t)-1, (int64_t)2, (int64_t)-3,
                               (int64_t)4, (int64_t)-5, (int64_t)6, (int64_t)-7,
                               (int64_t)8, (int64_t)-9, (int64_t)10,
                               (int64_t)INT64_MAX / 100000));
    printf("sum_doubles: %.9g %.9g\n", sum_doubles(2, 1.0, 2.0),
           sum_doubles(10, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));
    char buf[128];
    int n = format_into(buf, sizeof(buf), "%d|%5.2f|%s|%c|%lld|%#x|%p",
                        42, 3.14159, "str", 'Q', -1234567890123ll, 255u,
                        (void *)0);
    printf("format_into: %d \"%s\"\n", n, buf);
    n = format_into(buf, 8, "%s", "truncated string");
    printf("truncated: %d \"%s\"\n", n, buf);
    log_msg("%s=%d %s=%.1e %s=%u", "a", 1, "b", 2.0e-3, "c", 7u);
    return 0;
}
