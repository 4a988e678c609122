/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The futex2 system calls: futex_waitv (449), futex_wake (454),
 * futex_wait (455) and futex_requeue (456) on 32-bit private futexes:
 * a value mismatch (EAGAIN), absolute timeouts on CLOCK_MONOTONIC and
 * CLOCK_REALTIME (ETIMEDOUT), wake-ups across threads, waiting on several
 * words at once (the index of the one woken), requeueing waiters from one
 * word to another, and the kernel's argument checks (unsupported sizes
 * and flags, misalignment, bad addresses, a bad clock).  A kernel without
 * a call answers ENOSYS (futex_wake and friends are Linux 6.7): the checks
 * of that call then report "ok" too, since guise passes the host's answer on.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NR_futex_waitv 449
#define NR_futex_wake 454
#define NR_futex_wait 455
#define NR_futex_requeue 456
#define F2_U8 0x00
#define F2_U32 0x02
#define F2_PRIVATE 0x80
#define F2_FLAGS (F2_U32 | F2_PRIVATE)
#define ALL_BITS 0xfffffffful   /* a 32-bit futex takes a 32-bit mask */

struct waitv { uint64_t val, uaddr; uint32_t flags, reserved; };

static uint32_t w1 = 5, w2 = 7;
static int have_new = 1, have_waitv = 1;

static long r_err(long r) { return r < 0 ? -errno : r; }

static long f_wake(void *a, int n) { return r_err(syscall(NR_futex_wake, a, ALL_BITS, n, F2_FLAGS)); }

static long f_wait(void *a, unsigned long v, const struct timespec *ts, int clk)
{
    return r_err(syscall(NR_futex_wait, a, v, ALL_BITS, F2_FLAGS, ts, clk));
}

static void check(const char *what, int ok, int needs_new)
{
    if (needs_new == 1 && !have_new)
        ok = 1;
    if (needs_new == 2 && !have_waitv)
        ok = 1;
    printf("%-44s %s\n", what, ok ? "ok" : "WRONG");
}

static struct timespec in_ms(clockid_t clk, long ms)
{
    struct timespec t;
    clock_gettime(clk, &t);
    t.tv_nsec += ms * 1000000;
    t.tv_sec += t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return t;
}

static volatile int stage;
static long waiter_result[3];

static void *waiter(void *arg)
{
    long i = (long)arg;
    __atomic_add_fetch(&stage, 1, __ATOMIC_SEQ_CST);
    waiter_result[i] = f_wait(&w1, 5, NULL, CLOCK_MONOTONIC);
    return NULL;
}

static void *waitv_waiter(void *arg)
{
    struct waitv v[2] = {
        { .val = 5, .uaddr = (uintptr_t)&w1, .flags = F2_FLAGS },
        { .val = 7, .uaddr = (uintptr_t)&w2, .flags = F2_FLAGS },
    };
    (void)arg;
    __atomic_add_fetch(&stage, 1, __ATOMIC_SEQ_CST);
    waiter_result[2] = r_err(syscall(NR_futex_waitv, v, 2, 0, NULL, CLOCK_MONOTONIC));
    return NULL;
}

/* Wake until n waiters are woken (they may not be asleep yet). */
static long wake_all(void *a, int n)
{
    long got = 0;
    for (int tries = 0; got < n && tries < 20000; tries++) {
        long r = f_wake(a, n - (int)got);
        if (r > 0)
            got += r;
        else
            usleep(100);
    }
    return got;
}

int main(void)
{
    struct timespec ts;
    pthread_t th[2];
    long r;

    r = f_wake(&w1, 1);
    have_new = r != -ENOSYS;
    r = r_err(syscall(NR_futex_waitv, NULL, 0, 0, NULL, CLOCK_MONOTONIC));
    have_waitv = r != -ENOSYS;

    /* futex_wake / futex_wait */
    check("futex_wake with no waiter: 0", f_wake(&w1, 1) == 0, 1);
    check("futex_wait on a changed value: EAGAIN", f_wait(&w1, 6, NULL, CLOCK_MONOTONIC) == -EAGAIN, 1);
    ts = in_ms(CLOCK_MONOTONIC, 20);
    check("futex_wait, CLOCK_MONOTONIC deadline: ETIMEDOUT", f_wait(&w1, 5, &ts, CLOCK_MONOTONIC) == -ETIMEDOUT, 1);
    ts = in_ms(CLOCK_REALTIME, 20);
    check("futex_wait, CLOCK_REALTIME deadline: ETIMEDOUT", f_wait(&w1, 5, &ts, CLOCK_REALTIME) == -ETIMEDOUT, 1);
    check("futex_wait, bad clock: EINVAL", f_wait(&w1, 5, &ts, CLOCK_PROCESS_CPUTIME_ID) == -EINVAL, 1);
    check("futex_wake, 8-bit size: EINVAL",
          r_err(syscall(NR_futex_wake, &w1, ALL_BITS, 1, F2_U8 | F2_PRIVATE)) == -EINVAL, 1);
    check("futex_wake, unknown flag: EINVAL",
          r_err(syscall(NR_futex_wake, &w1, ALL_BITS, 1, F2_FLAGS | 0x1000)) == -EINVAL, 1);
    check("futex_wait, misaligned word: EINVAL",
          f_wait((char *)&w1 + 1, 5, NULL, CLOCK_MONOTONIC) == -EINVAL, 1);
    check("futex_wait, unmapped word: EFAULT",
          f_wait((void *)16, 5, NULL, CLOCK_MONOTONIC) == -EFAULT, 1);
    check("futex_wait, empty mask: EINVAL",
          r_err(syscall(NR_futex_wait, &w1, 5, 0ul, F2_FLAGS, NULL, CLOCK_MONOTONIC)) == -EINVAL, 1);
    check("futex_wait, mask wider than the word: EINVAL",
          r_err(syscall(NR_futex_wait, &w1, 5, ~0ul, F2_FLAGS, NULL, CLOCK_MONOTONIC)) == -EINVAL, 1);
    if (have_new) {
        stage = 0;
        pthread_create(&th[0], NULL, waiter, (void *)0);
        pthread_create(&th[1], NULL, waiter, (void *)1);
        while (stage < 2)
            usleep(100);
        r = wake_all(&w1, 2);
        pthread_join(th[0], NULL);
        pthread_join(th[1], NULL);
        check("futex_wake wakes two futex_wait threads", r == 2 && !waiter_result[0] && !waiter_result[1], 1);
    } else {
        check("futex_wake wakes two futex_wait threads", 1, 1);
    }

    /* futex_requeue: one waiter on w1 moved to w2, then woken there */
    if (have_new) {
        struct waitv rq[2] = {
            { .val = 5, .uaddr = (uintptr_t)&w1, .flags = F2_FLAGS },
            { .uaddr = (uintptr_t)&w2, .flags = F2_FLAGS },
        };
        long moved = 0;
        stage = 0;
        pthread_create(&th[0], NULL, waiter, (void *)0);
        while (stage < 1)
            usleep(100);
        for (int tries = 0; moved == 0 && tries < 20000; tries++) {
            moved = r_err(syscall(NR_futex_requeue, rq, 0, 0, 1));
            if (moved == 0)
                usleep(100);
        }
        r = wake_all(&w2, 1);
        if (r != 1)
            wake_all(&w1, 1);                   /* not moved: let it go */
        pthread_join(th[0], NULL);
        check("futex_requeue moves a waiter to another word", moved == 1 && r == 1 && !waiter_result[0], 1);
        rq[0].val = 6;
        check("futex_requeue on a changed value: EAGAIN",
              r_err(syscall(NR_futex_requeue, rq, 0, 0, 1)) == -EAGAIN, 1);
        check("futex_requeue, flags: EINVAL",
              r_err(syscall(NR_futex_requeue, rq, F2_FLAGS, 0, 1)) == -EINVAL, 1);
    } else {
        check("futex_requeue moves a waiter to another word", 1, 1);
        check("futex_requeue on a changed value: EAGAIN", 1, 1);
        check("futex_requeue, flags: EINVAL", 1, 1);
    }

    /* futex_waitv */
    {
        struct waitv v[2] = {
            { .val = 5, .uaddr = (uintptr_t)&w1, .flags = F2_FLAGS },
            { .val = 8, .uaddr = (uintptr_t)&w2, .flags = F2_FLAGS },
        };
        check("futex_waitv, one value changed: EAGAIN",
              r_err(syscall(NR_futex_waitv, v, 2, 0, NULL, CLOCK_MONOTONIC)) == -EAGAIN, 2);
        v[1].val = 7;
        ts = in_ms(CLOCK_MONOTONIC, 20);
        check("futex_waitv deadline: ETIMEDOUT",
              r_err(syscall(NR_futex_waitv, v, 2, 0, &ts, CLOCK_MONOTONIC)) == -ETIMEDOUT, 2);
        check("futex_waitv, flags: EINVAL",
              r_err(syscall(NR_futex_waitv, v, 2, 1, NULL, CLOCK_MONOTONIC)) == -EINVAL, 2);
        check("futex_waitv, no waiters: EINVAL",
              r_err(syscall(NR_futex_waitv, v, 0, 0, NULL, CLOCK_MONOTONIC)) == -EINVAL, 2);
        check("futex_waitv, unmapped array: EFAULT",
              r_err(syscall(NR_futex_waitv, (void *)16, 2, 0, NULL, CLOCK_MONOTONIC)) == -EFAULT, 2);
        v[0].reserved = 1;
        check("futex_waitv, reserved field: EINVAL",
              r_err(syscall(NR_futex_waitv, v, 2, 0, NULL, CLOCK_MONOTONIC)) == -EINVAL, 2);
        if (have_waitv) {
            stage = 0;
            pthread_create(&th[0], NULL, waitv_waiter, NULL);
            while (stage < 1)
                usleep(100);
            r = 0;
            for (int tries = 0; r == 0 && tries < 20000; tries++) {
                r = r_err(syscall(SYS_futex, &w2, 0x81 /* FUTEX_WAKE_PRIVATE */, 1, NULL, NULL, 0));
                if (r == 0)
                    usleep(100);
            }
            pthread_join(th[0], NULL);
            check("futex_waitv returns the index woken (1)", r == 1 && waiter_result[2] == 1, 2);
        } else {
            check("futex_waitv returns the index woken (1)", 1, 2);
        }
    }
    return 0;
}
