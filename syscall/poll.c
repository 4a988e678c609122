/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Waiting on file descriptors: ppoll and pselect6 (the asm-generic ABI has
 * no poll or select; glibc builds those and pause() on these two).  struct
 * pollfd and fd_set have the same layout on every Linux ABI; the timeout
 * crosses as the guest's struct timespec and is written back with the time
 * left, as the kernel does.  The optional signal mask is the guest's
 * kernel sigset (64 bits; asm-generic and x86-64 number signals alike) and
 * is applied for the duration of the wait.
 */
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "syscall.h"

/* The kernel's view of a sigset: 64 bits. */
#define KSIGSET_SIZE 8

/* Read an optional guest sigset (size must be the kernel's). */
static guest_long get_sigmask(guest_addr g, guest_ulong size, uint64_t *mask, bool *present)
{
    *present = g != 0;
    if (!g)
        return 0;
    if (size != KSIGSET_SIZE)
        return sys_err(EINVAL);
    return sys_copy_from(mask, g, sizeof(*mask));
}

/* Read an optional timeout. */
static guest_long get_timeout(guest_addr g, struct timespec *ts, bool *present)
{
    *present = g != 0;
    return g ? sys_get(SL_TIMESPEC, ts, g) : 0;
}

guest_long sys_ppoll(void *env, const guest_ulong *a)
{
    guest_addr fds = a[0];
    guest_ulong nfds = a[1];
    struct timespec ts;
    uint64_t mask;
    bool has_ts, has_mask;
    guest_long r;

    (void)env;
    if (nfds > 1u << 20)
        return sys_err(EINVAL);
    if ((r = get_timeout(a[2], &ts, &has_ts)) < 0 ||
        (r = get_sigmask(a[3], a[4], &mask, &has_mask)) < 0)
        return r;
    /* pollfd is 8 bytes everywhere: poll the guest's array in place. */
    if (nfds && !guest_prepare_write(fds, nfds * sizeof(struct pollfd)))
        return sys_err(EFAULT);
    long hr = syscall(SYS_ppoll, nfds ? g2h(fds) : NULL, (unsigned long)nfds,
                      has_ts ? &ts : NULL, has_mask ? &mask : NULL, (size_t)KSIGSET_SIZE);
    if (hr < 0)
        return sys_err(errno);
    if (has_ts && sys_put(SL_TIMESPEC, a[2], &ts) < 0)
        return sys_err(EFAULT);
    return hr;
}

/* Copy an optional fd_set of nfds bits in or out. */
static guest_long fdset_io(guest_addr g, fd_set *set, int nfds, bool in)
{
    size_t bytes = ((size_t)nfds + 63) / 64 * 8;
    if (!g)
        return 0;
    if (in) {
        memset(set, 0, sizeof(*set));
        return sys_copy_from(set, g, bytes);
    }
    return sys_copy_to(g, set, bytes);
}

guest_long sys_pselect6(void *env, const guest_ulong *a)
{
    int nfds = (int)a[0];
    fd_set sets[3];
    struct timespec ts;
    uint64_t mask;
    bool has_ts, has_mask = false;
    guest_long r;
    struct { guest_ulong ss, size; } sigarg;   /* { const sigset_t *, size_t } */

    (void)env;
    if (nfds < 0 || nfds > FD_SETSIZE)
        return sys_err(EINVAL);
    for (int i = 0; i < 3; i++)
        if ((r = fdset_io(a[1 + i], &sets[i], nfds, true)) < 0)
            return r;
    if ((r = get_timeout(a[4], &ts, &has_ts)) < 0)
        return r;
    if (a[5]) {
        if ((r = sys_copy_from(&sigarg, a[5], sizeof(sigarg))) < 0 ||
            (r = get_sigmask(sigarg.ss, sigarg.size, &mask, &has_mask)) < 0)
            return r;
    }
    struct { const void *ss; size_t size; } hsig = { has_mask ? &mask : NULL, KSIGSET_SIZE };
    long hr = syscall(SYS_pselect6, nfds, a[1] ? &sets[0] : NULL, a[2] ? &sets[1] : NULL,
                      a[3] ? &sets[2] : NULL, has_ts ? &ts : NULL, &hsig);
    if (hr < 0)
        return sys_err(errno);
    for (int i = 0; i < 3; i++)
        if ((r = fdset_io(a[1 + i], &sets[i], nfds, false)) < 0)
            return r;
    if (has_ts && sys_put(SL_TIMESPEC, a[4], &ts) < 0)
        return sys_err(EFAULT);
    return hr;
}
