/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An ordinary C program built as Debian builds its packages for arm64
 * (-mbranch-protection=standard): every non-leaf function signs its
 * return address with PACIASP and authenticates it with AUTIASP, and
 * starts with a landing pad.  Recursion, callbacks through qsort, a
 * function-pointer table, setjmp/longjmp across signed frames and a
 * signal handler must all run as without protection.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int __attribute__((noinline)) fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int cmp_desc(const void *a, const void *b)
{
    return *(const int *)b - *(const int *)a;
}

static int op_add(int a, int b) { return a + b; }
static int op_mul(int a, int b) { return a * b; }
static int op_sub(int a, int b) { return a - b; }

static jmp_buf jb;

static void __attribute__((noinline)) deep(int n)
{
    char pad[32];
    memset(pad, n, sizeof(pad));
    if (n == 0)
        longjmp(jb, 7);
    deep(n - 1);
    __asm__ volatile("" : : "r"(pad) : "memory");
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = sig;
}

int main(void)
{
    int v[8] = { 3, 9, 1, 7, 5, 8, 2, 6 };
    int (*const ops[3])(int, int) = { op_add, op_mul, op_sub };
    int r;

    printf("fib(20) = %d\n", fib(20));
    qsort(v, 8, sizeof(v[0]), cmp_desc);
    printf("sorted:");
    for (int i = 0; i < 8; i++)
        printf(" %d", v[i]);
    printf("\n");
    for (int i = 0; i < 3; i++)
        printf("op %d: %d\n", i, ops[i](6, 7));
    r = setjmp(jb);
    if (r == 0)
        deep(10);
    printf("longjmp returned %d\n", r);
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    printf("handler saw signal %d\n", (int)got);
    return 0;
}
