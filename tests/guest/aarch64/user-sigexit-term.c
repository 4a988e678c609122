/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Death by an asynchronous signal: SIGTERM is first caught, then set back
 * to SIG_DFL and sent again; the process dies of it (shell status 143)
 * with its output flushed before.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile int caught;

static void handler(int sig)
{
    caught = sig;
}

int main(void)
{
    signal(SIGTERM, handler);
    kill(getpid(), SIGTERM);
    printf("caught signal %d\n", caught);
    signal(SIGTERM, SIG_DFL);
    printf("sending SIGTERM with SIG_DFL\n");
    fflush(stdout);
    kill(getpid(), SIGTERM);
    pause();
    printf("still alive\n");
    return 0;
}
