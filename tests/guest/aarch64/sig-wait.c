/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rt_sigtimedwait: sigwait takes a blocked pending SIGUSR1, sigtimedwait
 * times out with EAGAIN when nothing is pending, and a real-time signal
 * queued with sigqueue comes back through sigwaitinfo with its si_value
 * and si_code SI_QUEUE; a second one waits in a thread's sigtimedwait.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void *sender(void *arg)
{
    union sigval v = { .sival_int = 77 };
    struct timespec d = { 0, 20 * 1000 * 1000 };

    (void)arg;
    nanosleep(&d, NULL);
    sigqueue(getpid(), SIGRTMIN + 3, v);
    return NULL;
}

int main(void)
{
    sigset_t set;
    siginfo_t si;
    struct timespec ts = { 0, 10 * 1000 * 1000 };
    union sigval v = { .sival_int = 4242 };
    pthread_t th;
    int sig = 0, r;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN + 3);
    sigprocmask(SIG_BLOCK, &set, NULL);

    raise(SIGUSR1);
    r = sigwait(&set, &sig);
    printf("sigwait: r=%d sig=%s\n", r, sig == SIGUSR1 ? "SIGUSR1" : "other");

    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait empty: r=%d errno=%s\n", r, errno == EAGAIN ? "EAGAIN" : strerror(errno));

    ts.tv_sec = 0;
    ts.tv_nsec = 0;
    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait poll: r=%d errno=%s\n", r, errno == EAGAIN ? "EAGAIN" : strerror(errno));

    ts.tv_nsec = 2000000000L;
    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait bad timeout: r=%d errno=%s\n", r, errno == EINVAL ? "EINVAL" : strerror(errno));

    sigqueue(getpid(), SIGRTMIN + 3, v);
    memset(&si, 0, sizeof(si));
    r = sigwaitinfo(&set, &si);
    printf("sigwaitinfo: rtmin+%d signo=rtmin+%d code=%s value=%d pid_ok=%d\n",
           r - SIGRTMIN, si.si_signo - SIGRTMIN, si.si_code == SI_QUEUE ? "SI_QUEUE" : "other",
           si.si_value.sival_int, si.si_pid == getpid());

    /* Nothing pending: the wait blocks until the thread's sigqueue. */
    pthread_create(&th, NULL, sender, NULL);
    ts.tv_sec = 5;
    ts.tv_nsec = 0;
    memset(&si, 0, sizeof(si));
    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait blocked: rtmin+%d value=%d\n", r - SIGRTMIN, si.si_value.sival_int);
    pthread_join(th, NULL);
    return 0;
}
