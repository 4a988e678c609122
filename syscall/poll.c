/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Waiting on file descriptors: ppoll and pselect6 (the asm-generic ABI has
 * no poll or select; glibc builds those and pause() on these two).  struct
 * pollfd and fd_set have the same layout on every Linux ABI; the timeout
 * crosses as the guest's struct timespec and is written back with the time
 * left, as the kernel does.  The optional signal mask is the guest's
 * kernel sigset (64 bits; real-time signals numbered apart from the
 * host's, signal-map.h) and is the thread's mask for the duration of the
 * wait; a handler that interrupts the wait runs under it (Linux's
 * pselect/ppoll semantics).
 */
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"
#include "linux-user/signal-map.h"

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
    if (sys_copy_from(mask, g, sizeof(*mask)) < 0)
        return sys_err(EFAULT);
    return 0;
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
    uint64_t mask, hmask = 0, old = 0;
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
    if (has_mask)
        old = signal_syscall_mask_begin(mask, &hmask);
    long hr = safe_syscall(SYS_ppoll, nfds ? (long)(uintptr_t)g2h(fds) : 0, (long)nfds,
                           has_ts ? (long)&ts : 0, has_mask ? (long)&hmask : 0, KSIGSET_SIZE, 0);
    if (has_mask)
        signal_syscall_mask_end(old, hr == -EINTR);
    if (hr < 0)
        return sys_raw_ret(hr);
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
    uint64_t mask, hmask = 0, old = 0;
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
    struct { const void *ss; size_t size; } hsig = { has_mask ? &hmask : NULL, KSIGSET_SIZE };
    if (has_mask)
        old = signal_syscall_mask_begin(mask, &hmask);
    long hr = safe_syscall(SYS_pselect6, nfds, a[1] ? (long)&sets[0] : 0,
                           a[2] ? (long)&sets[1] : 0, a[3] ? (long)&sets[2] : 0,
                           has_ts ? (long)&ts : 0, (long)&hsig);
    if (has_mask)
        signal_syscall_mask_end(old, hr == -EINTR);
    if (hr < 0)
        return sys_raw_ret(hr);
    for (int i = 0; i < 3; i++)
        if ((r = fdset_io(a[1 + i], &sets[i], nfds, false)) < 0)
            return r;
    if (has_ts && sys_put(SL_TIMESPEC, a[4], &ts) < 0)
        return sys_err(EFAULT);
    return hr;
}
