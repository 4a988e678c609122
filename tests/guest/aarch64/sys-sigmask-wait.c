/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The signal mask of ppoll, pselect and epoll_pwait: SIGUSR1 is blocked
 * and pending, each call unblocks it for its duration, so it returns
 * EINTR after the handler ran (under the call's mask), and the old mask
 * is back afterwards; a call that is not interrupted restores the mask
 * at once.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

static volatile int got;
static void on_usr1(int s) { (void)s; got++; }

int main(void)
{
    sigset_t block, empty, cur;
    struct sigaction sa;
    struct timespec ts = { 2, 0 };
    int p[2], r, ep;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    sigemptyset(&empty);
    pipe(p);
    struct pollfd pfd = { .fd = p[0], .events = POLLIN };

    raise(SIGUSR1);
    r = ppoll(&pfd, 1, &ts, &empty);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("ppoll: %d %s, handler ran %d, still blocked %d\n", r, r < 0 ? strerror(errno) : "",
           got, sigismember(&cur, SIGUSR1));
    raise(SIGUSR1);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    r = pselect(p[0] + 1, &rs, NULL, NULL, &ts, &empty);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("pselect: %d %s, handler ran %d, still blocked %d\n", r, r < 0 ? strerror(errno) : "",
           got, sigismember(&cur, SIGUSR1));
    ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN }, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    raise(SIGUSR1);
    r = epoll_pwait(ep, &out, 1, 2000, &empty);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("epoll_pwait: %d %s, handler ran %d, still blocked %d\n", r, r < 0 ? strerror(errno) : "",
           got, sigismember(&cur, SIGUSR1));
    /* Not interrupted: the mask is back at once. */
    write(p[1], "x", 1);
    r = ppoll(&pfd, 1, &ts, &empty);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("ppoll ready: %d, handler ran %d, still blocked %d\n", r, got, sigismember(&cur, SIGUSR1));
    return 0;
}
