/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The safe-syscall race: one thread blocks in read() on a pipe, another
 * sends it SIGUSR1 thousands of times, each time after the previous
 * handler has run, at a varying moment of the reader's way back into
 * read().  A signal queued just before the blocking host call starts must
 * still interrupt it (EINTR without SA_RESTART, a restart after the
 * handler with it): otherwise the reader sleeps on and the test hangs.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ROUNDS 3000
static volatile int handled;
static int pipefd[2];
static int eintr;

static void on_usr1(int sig) { (void)sig; __atomic_add_fetch(&handled, 1, __ATOMIC_SEQ_CST); }

static void *reader(void *arg)
{
    char c;
    (void)arg;
    for (;;) {
        ssize_t r = read(pipefd[0], &c, 1);
        if (r == 1 && c == 'q')
            break;
        if (r < 0 && errno == EINTR)
            eintr++;
    }
    return NULL;
}

static int phase(int restart)
{
    struct sigaction sa;
    pthread_t th;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGUSR1, &sa, NULL);
    handled = 0;
    eintr = 0;
    pthread_create(&th, NULL, reader, NULL);
    for (int i = 1; i <= ROUNDS; i++) {
        /* A varying delay sweeps the moment of the signal across the
         * reader's way back into read(). */
        for (volatile int k = 0; k < (i * 37) % 500; k++)
            ;
        pthread_kill(th, SIGUSR1);
        while (__atomic_load_n(&handled, __ATOMIC_SEQ_CST) < i)
            sched_yield();
    }
    write(pipefd[1], "q", 1);
    pthread_join(th, NULL);
    printf("%s: handled %d of %d, %s\n", restart ? "SA_RESTART" : "no SA_RESTART",
           handled, ROUNDS, restart ? (eintr == 0 ? "no EINTR" : "EINTR seen")
                                    : (eintr > 0 && eintr <= ROUNDS ? "EINTR seen" : "no EINTR"));
    return 0;
}

int main(void)
{
    pipe(pipefd);
    phase(0);
    phase(1);
    return 0;
}
