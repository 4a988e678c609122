/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fork from a multi-threaded process: while worker threads run (and
 * keep the translator busy with fresh code paths), one of them forks.
 * Only the forking thread exists in the child, which must find the
 * emulator's locks free: it runs new code, creates and joins threads of
 * its own and exits with a status the parent checks.  Done several
 * times, from the main thread and from a worker.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static _Atomic int stop;

/* Many small functions, so that the workers keep translating. */
#define F(n) static __attribute__((noinline)) unsigned f##n(unsigned x) { return x * (n + 3) + n; }
F(0) F(1) F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9) F(10) F(11) F(12) F(13) F(14) F(15)
static unsigned (*const fns[16])(unsigned) = {
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15,
};

static void *busy(void *arg)
{
    unsigned x = (unsigned)(uintptr_t)arg;
    while (!atomic_load(&stop))
        for (int i = 0; i < 16; i++)
            x = fns[(x >> 3) & 15](x);
    return (void *)(uintptr_t)x;
}

static void *child_thread(void *arg)
{
    return (void *)((uintptr_t)arg + 1);
}

/* In the child: threads work, then the exit status says so. */
static void child_body(int round)
{
    pthread_t t[3];
    uintptr_t sum = 0;

    for (uintptr_t i = 0; i < 3; i++)
        if (pthread_create(&t[i], NULL, child_thread, (void *)i) != 0)
            _exit(100);
    for (int i = 0; i < 3; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (uintptr_t)r;
    }
    exit((int)sum + round * 10);       /* 6 + 10 * round */
}

static int fork_and_wait(int round)
{
    int status;
    pid_t pid;

    fflush(stdout);                    /* or the child prints it again */
    pid = fork();

    if (pid == 0)
        child_body(round);
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

static void *forking_worker(void *arg)
{
    return (void *)(intptr_t)fork_and_wait((int)(intptr_t)arg);
}

int main(void)
{
    pthread_t t[3], f;
    void *r;

    for (uintptr_t i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, busy, (void *)(i + 1));
    for (int round = 0; round < 3; round++)
        printf("fork from main, round %d: child status %d\n", round, fork_and_wait(round));
    pthread_create(&f, NULL, forking_worker, (void *)(intptr_t)5);
    pthread_join(f, &r);
    printf("fork from a worker: child status %d\n", (int)(intptr_t)r);
    atomic_store(&stop, 1);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("ok\n");
    return 0;
}
