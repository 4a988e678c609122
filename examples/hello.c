/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The bundled example: a static aarch64 program that computes and prints
 * a little, run by `make run-example` under guise-aarch64. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

static unsigned long fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    struct utsname u;
    double x = 1.0;

    uname(&u);
    for (int i = 0; i < 10; i++)
        x = x / 2 + 1.0 / x;    /* converges to sqrt(2) */
    printf("Hello from %s! fib(30) = %lu, sqrt(2) ~ %.12f\n", u.machine, fib(30), x);
    printf("argv[0] = %s, %d argument(s)\n", strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0], argc - 1);
    return 0;
}
