/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Non-local jumps: setjmp/longjmp out of nested calls and back into a
 * loop, the value 0 turned into 1, callee-saved registers and volatile
 * locals after the jump, sigsetjmp/siglongjmp restoring the signal mask,
 * and a longjmp out of a signal handler.  glibc's setjmp saves x19-x30,
 * sp and d8-d15 (and mangles the pointers), so the frontend's loads,
 * stores and indirect branches all take part.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static jmp_buf env;
static sigjmp_buf sigenv;
static int depth_reached;

static void dive(int depth, int target)
{
    char pad[64];
    memset(pad, depth, sizeof(pad));
    depth_reached = depth + pad[depth % 64] - depth;
    if (depth >= target)
        longjmp(env, depth * 10);
    if (depth > 100)
        return;
    dive(depth + 1, target);
    printf("dive returned\n");
}

static void test_nested(void)
{
    for (volatile int target = 0; target < 5; target++) {
        volatile int tries = 0;
        int r = setjmp(env);
        tries++;
        if (r == 0)
            dive(0, target * 3);
        printf("nested: target %d returned %d after %d tries, depth %d\n",
               target * 3, r, tries, depth_reached);
    }
}

static void test_zero_value(void)
{
    int r = setjmp(env);
    if (r == 0)
        longjmp(env, 0);
    printf("longjmp(env, 0) made setjmp return %d\n", r);
}

static double fp_work(double x)
{
    for (int i = 0; i < 10; i++)
        x = x * 1.5 + 0.25;
    return x;
}

static void clobber_and_jump(void)
{
    /* Use many registers, FP included, before jumping. */
    volatile double a = fp_work(1.0), b = fp_work(2.0);
    volatile long c = 12345, d = 67890;
    if (a + b + (double)(c + d) > 0)
        longjmp(env, 7);
}

static void test_preserved(void)
{
    volatile long counter = 0;
    volatile double acc = 0.5;
    long reg_a = 1111;
    double fp_keep = 3.25;
    int r = setjmp(env);
    counter++;
    acc *= 2;
    if (r == 0)
        clobber_and_jump();
    printf("preserved: r %d counter %ld acc %g a %ld fp %g\n",
           r, (long)counter, (double)acc, reg_a, fp_keep);
}

static void on_usr1(int sig)
{
    siglongjmp(sigenv, sig);
}

static void test_signal_jump(void)
{
    sigset_t set, old;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);

    int r = sigsetjmp(sigenv, 1);
    if (r == 0) {
        raise(SIGUSR1);
        printf("not reached\n");
    }
    sigprocmask(SIG_BLOCK, NULL, &old);
    printf("siglongjmp from handler: %d, SIGUSR1 blocked after: %d\n",
           r, sigismember(&old, SIGUSR1));

    /* With savemask 0 the mask that the handler blocked stays blocked. */
    sigemptyset(&set);
    sigprocmask(SIG_SETMASK, &set, NULL);
    r = sigsetjmp(sigenv, 0);
    if (r == 0)
        raise(SIGUSR1);
    sigprocmask(SIG_BLOCK, NULL, &old);
    printf("savemask 0: %d, SIGUSR1 blocked after: %d\n",
           r, sigismember(&old, SIGUSR1));
}

static void test_loop(void)
{
    volatile int i = 0;
    volatile unsigned sum = 0;
    if (setjmp(env) < 100) {
        sum += (unsigned)i * 3;
        i++;
        if (i < 50)
            longjmp(env, i);
    }
    printf("loop via longjmp: i %d sum %u\n", i, sum);
}

int main(void)
{
    test_nested();
    test_zero_value();
    test_preserved();
    test_signal_jump();
    test_loop();
    return 0;
}
