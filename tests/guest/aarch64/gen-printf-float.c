/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * printf of floats and doubles in many formats: %f %e %g %a (and upper
 * case) with precisions, widths and flags, on normal values, powers of
 * two and ten, the limits, denormals, infinities, NaN and -0.0.  glibc's
 * conversions exercise integer multi-precision arithmetic and the FP
 * register file moves; the output must match the reference byte for byte.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Keep values in memory so the -O2 build cannot fold the conversions. */
static volatile double dvals[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.0 / 3.0, 1e-5, 123456.789, 1e21,
    -1e-300, 3.141592653589793, 2.718281828459045, 9.5, 0.125, 1e100,
    DBL_MAX, DBL_MIN, DBL_EPSILON, 4.9406564584124654e-324,
    2.2250738585072009e-308, 1.7976931348623157e308 / 3.0, 1024.0,
    999999.5, 0.000123456789, 5e-324 * 3, 65536.0 * 65536.0 * 65536.0,
};

static volatile float fvals[] = {
    0.0f, -0.0f, 1.0f, 0.1f, 1.0f / 3.0f, 16777216.0f, 16777217.0f,
    FLT_MAX, FLT_MIN, FLT_EPSILON, 1.4e-45f, 1.17549421e-38f, 3.4e-39f,
    -2.5f, 1e10f, 123.456f,
};

static const char *const dformats[] = {
    "%f", "%.0f", "%.1f", "%.3f", "%.17f", "%e", "%.0e", "%.3e", "%.16e",
    "%E", "%g", "%.0g", "%.1g", "%.6g", "%.17g", "%G", "%#g", "%#.0f",
    "%a", "%.0a", "%.3a", "%.13a", "%A", "%+f", "% e", "%12.4f", "%-12.3e|",
    "%012.3g", "%+.2a",
};

static void print_one(const char *fmt, double v)
{
    char buf[512];
    int n = snprintf(buf, sizeof(buf), fmt, v);
    printf("[%s] %s (%d)\n", fmt, buf, n);
}

int main(void)
{
    volatile double zero = 0.0;
    double specials[] = { INFINITY, -INFINITY, NAN, -NAN, zero / zero, -(zero / zero) };

    for (unsigned i = 0; i < sizeof(dvals) / sizeof(dvals[0]); i++) {
        printf("double #%u\n", i);
        for (unsigned f = 0; f < sizeof(dformats) / sizeof(dformats[0]); f++)
            print_one(dformats[f], dvals[i]);
    }
    for (unsigned i = 0; i < sizeof(fvals) / sizeof(fvals[0]); i++) {
        float v = fvals[i];
        printf("float #%u: %.9g %e %a %.10f %g\n", i, v, v, v, v, (double)v * 2);
    }
    for (unsigned i = 0; i < sizeof(specials) / sizeof(specials[0]); i++) {
        /* The sign of a default NaN differs between ISAs: show only its kind. */
        double v = isnan(specials[i]) ? NAN : specials[i];
        printf("special #%u: %f %e %g %a %F %E %G %A %10.3f| %-8g|\n",
               i, v, v, v, v, v, v, v, v, v, v);
    }
    printf("neg zero: %f %e %g %a %+.0f\n", -0.0, -0.0, -0.0, -0.0, -0.0);
    printf("rounding: %.0f %.0f %.0f %.0f %.1f %.1f %.2f\n",
           0.5, 1.5, 2.5, -0.5, 0.25, 0.35, 1.005);
    printf("long double: %.15Lg %.3Le %Lf\n", 1.0L / 3.0L, 12345.678L, -0.75L);
    printf("star: %*.*f|%-*.*e|\n", 10, 2, 3.14159, 14, 3, -2.5e-7);
    printf("powers:");
    for (int e = -10; e <= 10; e++)
        printf(" %g", ldexp(1.0, e * 7));
    printf("\n");
    return 0;
}
