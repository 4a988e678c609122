/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signals and children: the rt_sig* calls (sigtimedwait and sigqueueinfo
 * included), sigaltstack and kill/tkill/tgkill are handed to the guest
 * signal layer (linux-user/signal.c), which owns dispositions, masks and
 * delivery; wait4 and waitid are the host calls with the wait status,
 * struct rusage and siginfo converted.
 *
 * Signal numbers and the wait status encoding are the same for the
 * asm-generic ABIs and x86-64; the 64-bit siginfo_t of a child event
 * (si_pid, si_uid, si_status, si_utime, si_stime) has one layout on both,
 * so waitid copies it whole.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"

/* ---- to signal.c ---- */

guest_long sys_rt_sigaction(void *env, const guest_ulong *a)
{
    return do_rt_sigaction(env, (int)a[0], a[1], a[2], a[3]);
}

guest_long sys_rt_sigprocmask(void *env, const guest_ulong *a)
{
    return do_rt_sigprocmask(env, (int)a[0], a[1], a[2], a[3]);
}

guest_long sys_rt_sigreturn(void *env, const guest_ulong *a)
{
    (void)a;
    return do_rt_sigreturn(env);
}

guest_long sys_rt_sigpending(void *env, const guest_ulong *a)
{
    return do_rt_sigpending(env, a[0], a[1]);
}

guest_long sys_rt_sigsuspend(void *env, const guest_ulong *a)
{
    return do_rt_sigsuspend(env, a[0], a[1]);
}

guest_long sys_rt_sigtimedwait(void *env, const guest_ulong *a)
{
    return do_rt_sigtimedwait(env, a[0], a[1], a[2], a[3]);
}

guest_long sys_rt_sigqueueinfo(void *env, const guest_ulong *a)
{
    return do_rt_sigqueueinfo(env, (pid_t)a[0], -1, (int)a[1], a[2]);
}

guest_long sys_rt_tgsigqueueinfo(void *env, const guest_ulong *a)
{
    if ((pid_t)a[0] <= 0 || (pid_t)a[1] <= 0)
        return -EINVAL;
    return do_rt_sigqueueinfo(env, (pid_t)a[0], (pid_t)a[1], (int)a[2], a[3]);
}

guest_long sys_sigaltstack(void *env, const guest_ulong *a)
{
    return do_sigaltstack(env, a[0], a[1]);
}

guest_long sys_kill(void *env, const guest_ulong *a)
{
    return do_kill(env, (pid_t)a[0], (int)a[1]);
}

guest_long sys_tgkill(void *env, const guest_ulong *a)
{
    return do_tgkill(env, (pid_t)a[0], (pid_t)a[1], (int)a[2]);
}

/* True if tid is a thread of this process. */
static bool own_thread(pid_t tid)
{
    char path[64];

    if (tid == (pid_t)syscall(SYS_gettid))
        return true;
    snprintf(path, sizeof(path), "/proc/self/task/%d", (int)tid);
    return tid > 0 && access(path, F_OK) == 0;
}

/* tkill names no process: aim it through tgkill when the thread is ours,
 * so the signal layer sees it; else the host call. */
guest_long sys_tkill(void *env, const guest_ulong *a)
{
    pid_t tid = (pid_t)a[0];

    if (own_thread(tid))
        return do_tgkill(env, getpid(), tid, (int)a[1]);
    return sys_ret(syscall(SYS_tkill, tid, (int)a[1]));
}

/* ---- children ---- */

guest_long sys_wait4(void *env, const guest_ulong *a)
{
    struct rusage ru;
    int status;
    long pid;

    (void)env;
    /* Check the pointers first: the child's status must not be lost. */
    if ((a[1] && !sys_write_ptr(a[1], sizeof(int))) ||
        (a[3] && !sys_write_ptr(a[3], sys_guest_size(SL_RUSAGE))))
        return sys_err(EFAULT);
    pid = safe_syscall(SYS_wait4, (pid_t)a[0], (long)&status, (int)a[2],
                       a[3] ? (long)&ru : 0, 0, 0);
    if (pid < 0)
        return sys_raw_ret(pid);
    if (pid > 0 && a[1])
        sys_copy_to(a[1], &status, sizeof(status));
    if (a[3])
        sys_put(SL_RUSAGE, a[3], &ru);
    return pid;
}

guest_long sys_waitid(void *env, const guest_ulong *a)
{
    siginfo_t info;
    struct rusage ru;
    long r;

    (void)env;
    if ((a[2] && !sys_write_ptr(a[2], sizeof(info))) ||
        (a[4] && !sys_write_ptr(a[4], sys_guest_size(SL_RUSAGE))))
        return sys_err(EFAULT);
    memset(&info, 0, sizeof(info));
    r = safe_syscall(SYS_waitid, (int)a[0], (long)(id_t)a[1], (long)&info, (int)a[3],
                     a[4] ? (long)&ru : 0, 0);
    if (r != 0)
        return sys_raw_ret(r);
    if (a[2])
        sys_copy_to(a[2], &info, sizeof(info));
    if (a[4])
        sys_put(SL_RUSAGE, a[4], &ru);
    return 0;
}
