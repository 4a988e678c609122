/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A process sharing our memory (clone(CLONE_VM|SIGCHLD), no CLONE_SIGHAND)
 * killed while it runs guest code: the child spins in a loop that never
 * makes a system call, the parent waits until the loop runs, then sends
 * SIGKILL, SIGTERM (default action: the host kernel ends the child in the
 * middle of a block) or SIGUSR1 (a handler the child inherited, run in the
 * child, which then exits with a status of its own).  waitpid must report
 * each as Linux does, and the parent must carry on: a later code-cache
 * flush (the first PROT_BTI mapping makes guise drop every block) must not
 * wait for the dead child's CPU, and new code must still be translated.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PROT_BTI
#define PROT_BTI 0x10
#endif

static volatile unsigned long spins;
static volatile int got_usr1;
static char child_stack[64 * 1024] __attribute__((aligned(16)));

static int spin_child(void *arg)
{
    (void)arg;
    /* No system call in the loop: the signal finds the child in guest
     * code (or in the dispatcher between blocks). */
    for (;;) {
        spins++;
        if (got_usr1)
            _exit(9);
    }
    return 0;
}

static void on_usr1(int sig)
{
    (void)sig;
    got_usr1 = 1;
}

static void pause_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* Start a spinning child, wait until it runs, send sig, reap it. */
static void kill_spinner(int sig, const char *what)
{
    int status;
    pid_t pid;

    spins = 0;
    got_usr1 = 0;
    pid = clone(spin_child, child_stack + sizeof(child_stack), CLONE_VM | SIGCHLD, NULL);
    if (pid < 0) {
        perror("clone");
        return;
    }
    for (int i = 0; i < 2000 && spins < 100000; i++)
        pause_ms(1);
    pause_ms(5);                           /* well inside the loop */
    if (kill(pid, sig) != 0)
        perror("kill");
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        return;
    }
    if (WIFSIGNALED(status))
        printf("%s: killed by %s, spun %s\n", what, strsignal(WTERMSIG(status)),
               spins >= 100000 ? "yes" : "no");
    else
        printf("%s: exit %d, spun %s\n", what, WEXITSTATUS(status),
               spins >= 100000 ? "yes" : "no");
}

static unsigned later_work(unsigned n)
{
    unsigned s = 0;

    for (unsigned i = 0; i < n; i++)
        s += (i * 7) ^ (s >> 3);
    return s;
}

int main(void)
{
    struct sigaction sa;
    void *p;

    setvbuf(stdout, NULL, _IONBF, 0);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);

    kill_spinner(SIGKILL, "SIGKILL");
    kill_spinner(SIGTERM, "SIGTERM");
    kill_spinner(SIGUSR1, "SIGUSR1 with a handler");
    kill_spinner(SIGKILL, "SIGKILL again");

    /* A code-cache flush after the deaths (guise drops its blocks at the
     * first guarded page); then code never run before. */
    p = mmap(NULL, 4096, PROT_READ | PROT_EXEC | PROT_BTI, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("PROT_BTI mapping: %s\n", p == MAP_FAILED ? "failed" : "ok");
    printf("later work: %u\n", later_work(1000));
    kill_spinner(SIGTERM, "SIGTERM after the flush");
    printf("parent done\n");
    return 0;
}
