/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and sleeping: clock_gettime, clock_getres, clock_nanosleep,
 * nanosleep, gettimeofday, times, getitimer and setitimer.  Times cross
 * as the guest's struct timespec/timeval/tms through their layouts;
 * clock ids (including the negative per-process CPU clock ids) and
 * timer kinds are the same on every Linux ABI and pass through.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"

guest_long sys_clock_gettime(void *env, const guest_ulong *a)
{
    struct timespec ts;

    (void)env;
    if (clock_gettime((clockid_t)a[0], &ts) != 0)
        return sys_err(errno);
    return sys_put(SL_TIMESPEC, a[1], &ts);
}

guest_long sys_clock_getres(void *env, const guest_ulong *a)
{
    struct timespec ts;

    (void)env;
    if (clock_getres((clockid_t)a[0], &ts) != 0)
        return sys_err(errno);
    return a[1] ? sys_put(SL_TIMESPEC, a[1], &ts) : 0;
}

/* The sleeps: req in, and on EINTR the time left into rem (if given). */
static guest_long do_sleep(clockid_t clk, int flags, guest_addr req, guest_addr rem, bool nano)
{
    struct timespec t, left;
    guest_long r = sys_get(SL_TIMESPEC, &t, req);
    long hr;

    if (r < 0)
        return r;
    left = t;                         /* interrupted before it started: all of it */
    if (nano)
        hr = safe_syscall(SYS_nanosleep, (long)&t, (long)&left, 0, 0, 0, 0);
    else
        hr = safe_syscall(SYS_clock_nanosleep, clk, flags, (long)&t, (long)&left, 0, 0);
    if (hr == 0)
        return 0;
    r = sys_raw_ret(hr);
    if (hr == -EINTR && rem && !(flags & TIMER_ABSTIME) && sys_put(SL_TIMESPEC, rem, &left) < 0)
        return sys_err(EFAULT);
    return r;
}

guest_long sys_nanosleep(void *env, const guest_ulong *a)
{
    (void)env;
    return do_sleep(CLOCK_MONOTONIC, 0, a[0], a[1], true);
}

guest_long sys_clock_nanosleep(void *env, const guest_ulong *a)
{
    (void)env;
    return do_sleep((clockid_t)a[0], (int)a[1], a[2], a[3], false);
}

guest_long sys_gettimeofday(void *env, const guest_ulong *a)
{
    struct timeval tv;
    struct timezone tz;
    guest_long r = 0;

    (void)env;
    if (gettimeofday(&tv, &tz) != 0)
        return sys_err(errno);
    if (a[0])
        r = sys_put(SL_TIMEVAL, a[0], &tv);
    /* struct timezone is two ints on every ABI. */
    if (r == 0 && a[1])
        r = sys_copy_to(a[1], &tz, sizeof(tz));
    return r;
}

guest_long sys_times(void *env, const guest_ulong *a)
{
    struct tms t;
    clock_t ticks = times(&t);

    (void)env;
    if (ticks == (clock_t)-1)
        return sys_err(errno);
    if (a[0] && sys_put(SL_TMS, a[0], &t) < 0)
        return sys_err(EFAULT);
    return (guest_long)ticks;
}

/* struct itimerval: interval then value, each a struct timeval. */
static guest_long put_itimerval(guest_addr g, const struct itimerval *v)
{
    guest_long r = sys_put(SL_TIMEVAL, g, &v->it_interval);

    return r < 0 ? r : sys_put(SL_TIMEVAL, g + sys_guest_size(SL_TIMEVAL), &v->it_value);
}

guest_long sys_getitimer(void *env, const guest_ulong *a)
{
    struct itimerval v;

    (void)env;
    if (getitimer((int)a[0], &v) != 0)
        return sys_err(errno);
    return put_itimerval(a[1], &v);
}

guest_long sys_setitimer(void *env, const guest_ulong *a)
{
    struct itimerval v, old;
    guest_long r = 0;

    (void)env;
    if (a[1]) {
        r = sys_get(SL_TIMEVAL, &v.it_interval, a[1]);
        if (r == 0)
            r = sys_get(SL_TIMEVAL, &v.it_value, a[1] + sys_guest_size(SL_TIMEVAL));
        if (r < 0)
            return r;
    } else {
        memset(&v, 0, sizeof(v));   /* NULL new value: disarm, like the kernel */
    }
    if (setitimer((int)a[0], &v, &old) != 0)
        return sys_err(errno);
    return a[2] ? put_itimerval(a[2], &old) : 0;
}
