/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main loop (see mainloop.h) and its clocks and timers (timer.h): the
 * fd table polled with the next timer as time-out, an eventfd to be woken
 * from other threads, the big lock; the virtual clock, which is the
 * monotonic clock minus the time spent stopped (it starts stopped at 0 and
 * runs once the machine is started), and the armed-timer lists the loop
 * fires.  Poll hooks (libslirp) add their fds to each iteration's set.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "system/mainloop.h"
#include "system/runstate.h"
#include "system/timer.h"

/* ---- clocks and timers ---- */

static SysTimer *armed[SYS_CLOCK_COUNT];
static int64_t virt_offset;             /* virtual = monotonic - offset */
static int64_t virt_frozen;             /* value while stopped */
static bool virt_running;

static int64_t host_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t sys_clock_ns(SysClockType clock)
{
    switch (clock) {
    case SYS_CLOCK_VIRTUAL:
        return virt_running ? host_ns(CLOCK_MONOTONIC) - virt_offset : virt_frozen;
    case SYS_CLOCK_REALTIME:
        return host_ns(CLOCK_MONOTONIC);
    default:
        return host_ns(CLOCK_REALTIME);
    }
}

void sys_clock_virtual_stop(void)
{
    if (!virt_running)
        return;
    virt_frozen = sys_clock_ns(SYS_CLOCK_VIRTUAL);
    virt_running = false;
}

void sys_clock_virtual_start(void)
{
    if (virt_running)
        return;
    virt_offset = host_ns(CLOCK_MONOTONIC) - virt_frozen;
    virt_running = true;
}

bool sys_clock_virtual_running(void)
{
    return virt_running;
}

void sys_timer_init(SysTimer *t, SysClockType clock, SysTimerCb cb, void *opaque)
{
    *t = (SysTimer){ .clock = clock, .cb = cb, .opaque = opaque };
}

void sys_timer_del(SysTimer *t)
{
    if (!t->armed)
        return;
    for (SysTimer **p = &armed[t->clock]; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            break;
        }
    }
    t->armed = false;
    t->next = NULL;
}

void sys_timer_mod(SysTimer *t, int64_t expire_ns)
{
    SysTimer **p;

    sys_timer_del(t);
    t->expire = expire_ns;
    t->armed = true;
    for (p = &armed[t->clock]; *p && (*p)->expire <= expire_ns; p = &(*p)->next)
        ;
    t->next = *p;
    *p = t;
}

int sys_timers_run(void)
{
    int fired = 0;

    for (int c = 0; c < SYS_CLOCK_COUNT; c++) {
        if (c == SYS_CLOCK_VIRTUAL && !virt_running)
            continue;
        int64_t now = sys_clock_ns(c);
        /* A callback may re-arm or delete timers: take the head each time. */
        while (armed[c] && armed[c]->expire <= now) {
            SysTimer *t = armed[c];
            armed[c] = t->next;
            t->armed = false;
            t->next = NULL;
            t->cb(t->opaque);
            fired++;
        }
    }
    return fired;
}

int64_t sys_timers_deadline_ns(void)
{
    int64_t best = -1;

    for (int c = 0; c < SYS_CLOCK_COUNT; c++) {
        if (!armed[c] || (c == SYS_CLOCK_VIRTUAL && !virt_running))
            continue;
        int64_t d = armed[c]->expire - sys_clock_ns(c);
        if (d < 0)
            d = 0;
        if (best < 0 || d < best)
            best = d;
    }
    return best;
}

/* ---- the loop ---- */

#define MAX_FDS 64

typedef struct {
    int fd;
    short events;
    SysFdHandler cb;
    void *opaque;
} FdEntry;

static FdEntry fds[MAX_FDS];
static int nfds;
static int wake_fd = -1;
static int exit_status;
static pthread_mutex_t big_lock = PTHREAD_MUTEX_INITIALIZER;

pthread_mutex_t *sys_big_lock_mutex(void) { return &big_lock; }
void sys_lock(void) { pthread_mutex_lock(&big_lock); }
void sys_unlock(void) { pthread_mutex_unlock(&big_lock); }

int sys_main_loop_init(void)
{
    if (wake_fd >= 0)
        return 0;
    wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    return wake_fd < 0 ? -errno : 0;
}

void sys_main_loop_notify(void)
{
    uint64_t one = 1;
    if (wake_fd >= 0 && write(wake_fd, &one, sizeof(one)) < 0) {
        /* EAGAIN: the counter is already non-zero, the loop will wake. */
    }
}

int sys_fd_add(int fd, short events, SysFdHandler cb, void *opaque)
{
    for (int i = 0; i < nfds; i++) {
        if (fds[i].fd == fd) {
            fds[i] = (FdEntry){ fd, events, cb, opaque };
            return 0;
        }
    }
    if (nfds == MAX_FDS)
        return -EMFILE;
    fds[nfds++] = (FdEntry){ fd, events, cb, opaque };
    return 0;
}

void sys_fd_del(int fd)
{
    for (int i = 0; i < nfds; i++) {
        if (fds[i].fd == fd) {
            fds[i] = fds[--nfds];
            return;
        }
    }
}

/* Dispatches the revents of one poll; handlers may add or remove fds. */
static void dispatch(struct pollfd *pfd, int n)
{
    for (int i = 0; i < n; i++) {
        if (!pfd[i].revents)
            continue;
        if (pfd[i].fd == wake_fd) {
            uint64_t v;
            if (read(wake_fd, &v, sizeof(v)) < 0) {
                /* nothing to drain */
            }
            continue;
        }
        for (int j = 0; j < nfds; j++) {
            if (fds[j].fd == pfd[i].fd) {
                fds[j].cb(fds[j].opaque, fds[j].fd, pfd[i].revents);
                break;
            }
        }
    }
}

/* ---- poll hooks ---- */

#define MAX_HOOKS 4
#define MAX_HOOK_FDS 256

static const SysPollHook *hooks[MAX_HOOKS];
static int nhooks;
/* The set of the current iteration: fds[] and wake_fd, then hook fds.
 * Static so that sys_poll_add/revents reach it; only the main loop polls. */
static struct pollfd pfd[MAX_FDS + 1 + MAX_HOOK_FDS];
static int npfd;

int sys_poll_hook_add(const SysPollHook *hook)
{
    if (nhooks == MAX_HOOKS)
        return -ENOSPC;
    hooks[nhooks++] = hook;
    return 0;
}

int sys_poll_add(int fd, short events)
{
    if (npfd == (int)(sizeof(pfd) / sizeof(pfd[0])))
        return -1;
    pfd[npfd] = (struct pollfd){ .fd = fd, .events = events };
    return npfd++;
}

short sys_poll_revents(int idx)
{
    return idx >= 0 && idx < npfd ? pfd[idx].revents : 0;
}

bool sys_main_loop_wait(int timeout_ms)
{
    int64_t dl = sys_timers_deadline_ns();
    int nbase;

    npfd = 0;
    for (int i = 0; i < nfds; i++)
        pfd[npfd++] = (struct pollfd){ .fd = fds[i].fd, .events = fds[i].events };
    if (wake_fd >= 0)
        pfd[npfd++] = (struct pollfd){ .fd = wake_fd, .events = POLLIN };
    nbase = npfd;
    if (dl >= 0) {
        int ms = (int)((dl + 999999) / 1000000);
        if (timeout_ms < 0 || ms < timeout_ms)
            timeout_ms = ms;
    }
    for (int i = 0; i < nhooks; i++)
        hooks[i]->fill(hooks[i]->opaque, &timeout_ms);
    sys_unlock();
    int r = poll(pfd, (nfds_t)npfd, timeout_ms);
    bool failed = r < 0 && errno != EINTR;
    sys_lock();
    if (r > 0)
        dispatch(pfd, nbase);
    for (int i = 0; i < nhooks; i++)
        hooks[i]->dispatch(hooks[i]->opaque, failed);
    sys_timers_run();
    return !sys_runstate_handle_requests(&exit_status);
}

int sys_main_loop_run(void)
{
    while (sys_main_loop_wait(-1))
        ;
    return exit_status;
}
