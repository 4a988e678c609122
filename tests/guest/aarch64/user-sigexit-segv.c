/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A fault the program cannot take: SIGSEGV is blocked (and has a handler),
 * so Linux kills the process with it anyway; the parent sees a death by
 * SIGSEGV (shell status 139) and the handler never runs.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void handler(int sig)
{
    (void)sig;
    printf("handler ran\n");
}

int main(void)
{
    sigset_t set;
    volatile int *volatile null = NULL;

    signal(SIGSEGV, handler);
    sigemptyset(&set);
    sigaddset(&set, SIGSEGV);
    sigprocmask(SIG_BLOCK, &set, NULL);
    printf("faulting with SIGSEGV blocked\n");
    fflush(stdout);
    *null = 1;
    printf("still alive\n");
    return 0;
}
