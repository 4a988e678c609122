/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System calls of threads: clone and clone3 (threads through
 * linux-user/thread.c, processes through process.c), exit of one
 * thread, set_tid_address, the robust futex list, futex and futex_waitv,
 * membarrier and the sched_* family.  futex_wake, futex_wait and
 * futex_requeue (futex2, Linux 6.7) pass to the host like futex_waitv; a
 * host kernel without them answers ENOSYS, which the guest then sees.
 * Blocking waits go through the safe-syscall stub (linux-user/safe-syscall.h).
 *
 * Guest threads are host threads of this one process and guest memory is
 * host memory at guest_base, so futex words are host futex words: every
 * futex operation, PI ones included, is the host's on the translated
 * addresses (a PI futex word holds a thread id, and guest thread ids are
 * host ones).  The structures involved (timespec, sched_param,
 * sched_attr, futex_waitv) have the same layout on arm64 and x86-64.
 *
 * Clone flags accepted for a thread: the set glibc, musl, Go and Rust
 * use (CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|
 * CHILD_CLEARTID|CHILD_SETTID|DETACHED, with exit signal 0).  Without
 * CLONE_THREAD the clone makes a process: process.c's sys_clone_process
 * (fork).  CLONE_VM without CLONE_THREAD (vfork, posix_spawn, a raw
 * clone(CLONE_VM|SIGCHLD)) makes a host process that shares our memory,
 * as in Linux (linux-user/thread.c, thread_create_vm_process).  clone3 takes the same flags; its
 * extras (pidfd, set_tid, cgroup) give ENOSYS, from which glibc falls
 * back to clone.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"
#include "linux-user/thread.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
                      CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |              \
                      CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | CLONE_DETACHED)
#define CSIGNAL_MASK 0xffull
/* clone3-only flags (include/uapi/linux/sched.h); CLONE_PIDFD works with
 * clone too, but guise has no pidfds for its threads yet. */
#define G_CLONE_PIDFD         0x00001000ull
#define G_CLONE_CLEAR_SIGHAND 0x100000000ull
#define G_CLONE_INTO_CGROUP   0x200000000ull
#define UNIMP_CLONE 0x434c000000000000ull    /* sys_unimp key tag "CL" */

/* ---- clone ---- */

static guest_long clone_refuse(void *env, uint64_t flags)
{
    sys_unimp(env, UNIMP_CLONE | (flags & 0xffffffffffull),
              "clone flags 0x%llx not supported: returning EINVAL",
              (unsigned long long)flags);
    return sys_err(EINVAL);
}

static guest_long do_clone(void *env, const ThreadCloneArgs *ca)
{
    uint64_t flags = ca->flags & ~CSIGNAL_MASK;

    /* The kernel's own consistency rules (copy_process). */
    if (((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) ||
        ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)))
        return sys_err(EINVAL);
    if (flags & CLONE_THREAD) {
        /* The exit signal is ignored for threads, as by the kernel. */
        if ((flags & ~THREAD_FLAGS) ||
            (flags & (CLONE_FS | CLONE_FILES)) != (CLONE_FS | CLONE_FILES))
            return clone_refuse(env, ca->flags);
        return thread_create(env, ca);
    }
    /* A process sharing our memory: a host process made with CLONE_VM. */
    if (flags & CLONE_VM) {
        if (flags & ~(THREAD_FLAGS | CLONE_VFORK | CLONE_PARENT))
            return clone_refuse(env, ca->flags);
        return thread_create_vm_process(env, ca);
    }
    return sys_clone_process(env, ca->flags, ca->stack, ca->parent_tid, ca->tls,
                             ca->child_tid);
}

/* arm64 (CONFIG_CLONE_BACKWARDS): flags, stack, parent_tid, tls, child_tid. */
guest_long sys_clone(void *env, const guest_ulong *a)
{
    ThreadCloneArgs ca = { .flags = a[0], .stack = a[1], .parent_tid = a[2],
                           .tls = a[3], .child_tid = a[4] };
    return do_clone(env, &ca);
}

/* struct clone_args (include/uapi/linux/sched.h), all __aligned_u64. */
enum { CA_FLAGS, CA_PIDFD, CA_CHILD_TID, CA_PARENT_TID, CA_EXIT_SIGNAL, CA_STACK,
       CA_STACK_SIZE, CA_TLS, CA_SET_TID, CA_SET_TID_SIZE, CA_CGROUP, CA_WORDS };
#define CLONE_ARGS_SIZE_VER0 64

guest_long sys_clone3(void *env, const guest_ulong *a)
{
    uint64_t w[CA_WORDS] = { 0 };
    size_t size = a[1];
    ThreadCloneArgs ca;

    if (size < CLONE_ARGS_SIZE_VER0 || size > 4096)
        return sys_err(EINVAL);
    if (sys_copy_from(w, a[0], size < sizeof(w) ? size : sizeof(w)) < 0)
        return sys_err(EFAULT);
    if (w[CA_EXIT_SIGNAL] & ~CSIGNAL_MASK)
        return sys_err(EINVAL);
    /* Features clone cannot express: let the caller fall back. */
    if ((w[CA_FLAGS] & (G_CLONE_PIDFD | G_CLONE_CLEAR_SIGHAND | G_CLONE_INTO_CGROUP)) ||
        w[CA_SET_TID_SIZE] || size > sizeof(w))
        return sys_err(ENOSYS);
    if ((w[CA_STACK] == 0) != (w[CA_STACK_SIZE] == 0))
        return sys_err(EINVAL);
    ca = (ThreadCloneArgs){
        .flags = w[CA_FLAGS] | w[CA_EXIT_SIGNAL],
        .stack = w[CA_STACK] ? w[CA_STACK] + w[CA_STACK_SIZE] : 0,
        .parent_tid = w[CA_PARENT_TID],
        .child_tid = w[CA_CHILD_TID],
        .tls = w[CA_TLS],
    };
    return do_clone(env, &ca);
}

/* exit(2): this thread only; exit_group (proc.c) ends them all. */
guest_long sys_thread_exit(void *env, const guest_ulong *a)
{
    thread_exit(env, (int)(a[0] & 0xff));
}

/* ---- the kernel's per-thread records ---- */

guest_long sys_thread_set_tid_address(void *env, const guest_ulong *a)
{
    (void)env;
    thread_set_clear_tid(a[0]);
    return sys_ret(syscall(SYS_gettid));
}

#define ROBUST_HEAD_SIZE 24       /* struct robust_list_head, 64-bit */

guest_long sys_thread_set_robust_list(void *env, const guest_ulong *a)
{
    (void)env;
    if (a[1] != ROBUST_HEAD_SIZE)
        return sys_err(EINVAL);
    thread_set_robust_list(a[0], a[1]);
    return 0;
}

/* Only the caller's list is known here (another thread's lives in that
 * thread): other ids get EPERM. */
guest_long sys_thread_get_robust_list(void *env, const guest_ulong *a)
{
    guest_addr head;
    guest_ulong len;

    (void)env;
    if ((pid_t)a[0] != 0 && (pid_t)a[0] != (pid_t)syscall(SYS_gettid))
        return sys_err((pid_t)a[0] < 0 ? ESRCH : EPERM);
    thread_get_robust_list(&head, &len);
    if (sys_copy_to(a[1], &head, sizeof(head)) < 0 || sys_copy_to(a[2], &len, sizeof(len)) < 0)
        return sys_err(EFAULT);
    return 0;
}

/* ---- futex ---- */

/* How each futex command uses its arguments. */
enum {
    FU_TIMEOUT = 1,    /* arg 4 is a struct timespec pointer (else val2) */
    FU_ADDR2 = 2,      /* arg 5 is a second futex address */
    FU_WRITES = 4,     /* the kernel writes the futex word(s) */
    FU_OK = 8,         /* a command guise passes on */
};

static const uint8_t futex_cmds[] = {
    [FUTEX_WAIT] = FU_OK | FU_TIMEOUT,
    [FUTEX_WAKE] = FU_OK,
    [FUTEX_REQUEUE] = FU_OK | FU_ADDR2,
    [FUTEX_CMP_REQUEUE] = FU_OK | FU_ADDR2,
    [FUTEX_WAKE_OP] = FU_OK | FU_ADDR2 | FU_WRITES,
    [FUTEX_LOCK_PI] = FU_OK | FU_TIMEOUT | FU_WRITES,
    [FUTEX_UNLOCK_PI] = FU_OK | FU_WRITES,
    [FUTEX_TRYLOCK_PI] = FU_OK | FU_WRITES,
    [FUTEX_WAIT_BITSET] = FU_OK | FU_TIMEOUT,
    [FUTEX_WAKE_BITSET] = FU_OK,
    [FUTEX_WAIT_REQUEUE_PI] = FU_OK | FU_TIMEOUT | FU_ADDR2 | FU_WRITES,
    [FUTEX_CMP_REQUEUE_PI] = FU_OK | FU_ADDR2 | FU_WRITES,
    [13] = FU_OK | FU_TIMEOUT | FU_WRITES,     /* FUTEX_LOCK_PI2 */
};    /* FUTEX_FD (2) is gone from Linux since 2.6.26 */
#define N_FUTEX_CMDS (sizeof(futex_cmds) / sizeof(futex_cmds[0]))
#define FUTEX_TIMESPEC_SIZE 16

/* Host address of a futex word the kernel will read (and maybe write). */
static void *futex_word(guest_addr addr, bool writes)
{
    if (writes)
        return sys_write_ptr(addr, sizeof(uint32_t));
    return (void *)sys_read_ptr(addr, sizeof(uint32_t));
}

/* Commands that block: they go through the safe-syscall stub.  The PI
 * lock commands are restarted by the kernel whatever SA_RESTART says
 * (ERESTARTNOINTR), the plain waits follow SA_RESTART. */
static bool futex_blocks(unsigned cmd, bool *always_restart)
{
    *always_restart = cmd == FUTEX_LOCK_PI || cmd == 13 || cmd == FUTEX_WAIT_REQUEUE_PI;
    return cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET || *always_restart;
}

guest_long sys_futex(void *env, const guest_ulong *a)
{
    int op = (int)a[1];
    unsigned cmd = (unsigned)op & FUTEX_CMD_MASK;
    const void *timeout = NULL;
    void *uaddr, *uaddr2 = NULL;
    unsigned kind;
    bool always_restart;
    long r;

    if (cmd >= N_FUTEX_CMDS || !(futex_cmds[cmd] & FU_OK)) {
        sys_unimp(env, 0x4655000000000000ull | cmd, "futex command %u: returning ENOSYS", cmd);
        return sys_err(ENOSYS);
    }
    kind = futex_cmds[cmd];
    uaddr = futex_word(a[0], kind & FU_WRITES);
    if (!uaddr)
        return sys_err(EFAULT);
    if (kind & FU_ADDR2) {
        uaddr2 = futex_word(a[4], kind & FU_WRITES);
        if (!uaddr2)
            return sys_err(EFAULT);
    }
    if ((kind & FU_TIMEOUT) && a[3]) {
        timeout = sys_read_ptr(a[3], FUTEX_TIMESPEC_SIZE);
        if (!timeout)
            return sys_err(EFAULT);
    }
    /* Without FU_TIMEOUT, val2 (a count) travels in the timeout argument. */
    if (!(kind & FU_TIMEOUT))
        timeout = (const void *)(uintptr_t)a[3];
    if (!futex_blocks(cmd, &always_restart))
        return sys_ret(syscall(SYS_futex, uaddr, op, (uint32_t)a[2], timeout, uaddr2,
                               (uint32_t)a[5]));
    r = safe_syscall(SYS_futex, (long)uaddr, op, (uint32_t)a[2], (long)timeout, (long)uaddr2,
                     (uint32_t)a[5]);
    if (r == -EINTR && always_restart)
        return SYSCALL_RESTART_ALWAYS;
    return sys_raw_ret(r);
}

/* ---- futex2: futex_waitv, futex_wake, futex_wait, futex_requeue ---- */

/* The futex2 calls are passed to the host with every check left to it, so
 * the guest gets the host kernel's errors in the host kernel's order
 * (flags, alignment, then access).  A guest address the guest cannot read
 * becomes a host address no process can (above the user half), with the
 * same low bits, so the host finds the same misalignment or faults. */
#define FUTEX2_SIZE_MASK 0x03u
#define FUTEX2_NUMA      0x04u
#define FUTEX_WAITV_MAX 128
#define HOST_BAD_ADDR 0xffff800000000000ull

static uintptr_t futex2_host(guest_addr g, size_t len)
{
    const void *p = sys_read_ptr(g, len);

    return p ? (uintptr_t)p : (uintptr_t)(HOST_BAD_ADDR | (g & 0xfff));
}

/* Bytes of a futex2 word with these flags (a NUMA futex is followed by
 * its node id, of the same size). */
static size_t futex2_span(unsigned flags)
{
    return ((size_t)1 << (flags & FUTEX2_SIZE_MASK)) << ((flags & FUTEX2_NUMA) ? 1 : 0);
}

/* struct futex_waitv: val, uaddr, flags, reserved (same on both sides). */
typedef struct FutexWaitv {
    uint64_t val, uaddr;
    uint32_t flags, reserved;
} FutexWaitv;

/* Copy n guest waiters at g into w with host addresses; false when the
 * array itself cannot be read (the host is then given a bad pointer). */
static bool futex2_waiters(FutexWaitv *w, guest_addr g, unsigned n)
{
    if (sys_copy_from(w, g, n * sizeof(*w)) < 0)
        return false;
    for (unsigned i = 0; i < n; i++)
        w[i].uaddr = futex2_host(w[i].uaddr, futex2_span(w[i].flags));
    return true;
}

static long futex2_timeout(guest_addr g)
{
    return g ? (long)futex2_host(g, FUTEX_TIMESPEC_SIZE) : 0;
}

/* futex_waitv(waiters, nr_futexes, flags, timeout, clockid) */
guest_long sys_futex_waitv(void *env, const guest_ulong *a)
{
    FutexWaitv w[FUTEX_WAITV_MAX];
    unsigned n = (unsigned)a[1];
    long hw = (long)HOST_BAD_ADDR;

    (void)env;
    if (a[0] && n && n <= FUTEX_WAITV_MAX && futex2_waiters(w, a[0], n))
        hw = (long)w;
    else if (!a[0])
        hw = 0;
    return sys_raw_ret(safe_syscall(SYS_futex_waitv, hw, n, (unsigned)a[2],
                                    futex2_timeout(a[3]), (int)a[4], 0));
}

/* futex_wake(uaddr, mask, nr, flags) */
guest_long sys_futex_wake(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(454, (long)futex2_host(a[0], futex2_span((unsigned)a[3])),
                               (unsigned long)a[1], (int)a[2], (unsigned)a[3]));
}

/* futex_wait(uaddr, val, mask, flags, timeout, clockid) */
guest_long sys_futex_wait(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_raw_ret(safe_syscall(455, (long)futex2_host(a[0], futex2_span((unsigned)a[3])),
                                    (long)a[1], (long)a[2], (unsigned)a[3],
                                    futex2_timeout(a[4]), (int)a[5]));
}

/* futex_requeue(waiters[2], flags, nr_wake, nr_requeue) */
guest_long sys_futex_requeue(void *env, const guest_ulong *a)
{
    FutexWaitv w[2];
    long hw = a[0] ? (long)HOST_BAD_ADDR : 0;

    (void)env;
    if (a[0] && futex2_waiters(w, a[0], 2))
        hw = (long)w;
    return sys_ret(syscall(456, hw, (unsigned)a[1], (int)a[2], (int)a[3]));
}

/* ---- membarrier and scheduling ---- */

/* Guest threads are host threads: the host's barrier covers them. */
guest_long sys_membarrier(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_membarrier, (int)a[0], (unsigned)a[1], (int)a[2]));
}

guest_long sys_sched_setaffinity(void *env, const guest_ulong *a)
{
    const void *mask = sys_read_ptr(a[2], a[1]);

    (void)env;
    if (!mask)
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_sched_setaffinity, (pid_t)a[0], (size_t)a[1], mask));
}

#define SCHED_PARAM_SIZE 4         /* struct sched_param: one int */

guest_long sys_sched_setparam(void *env, const guest_ulong *a)
{
    const void *p = sys_read_ptr(a[1], SCHED_PARAM_SIZE);

    (void)env;
    return p ? sys_ret(syscall(SYS_sched_setparam, (pid_t)a[0], p)) : sys_err(EFAULT);
}

guest_long sys_sched_getparam(void *env, const guest_ulong *a)
{
    void *p = sys_write_ptr(a[1], SCHED_PARAM_SIZE);

    (void)env;
    return p ? sys_ret(syscall(SYS_sched_getparam, (pid_t)a[0], p)) : sys_err(EFAULT);
}

guest_long sys_sched_setscheduler(void *env, const guest_ulong *a)
{
    const void *p = sys_read_ptr(a[2], SCHED_PARAM_SIZE);

    (void)env;
    if (!p)
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_sched_setscheduler, (pid_t)a[0], (int)a[1], p));
}

guest_long sys_sched_getscheduler(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_sched_getscheduler, (pid_t)a[0]));
}

guest_long sys_sched_get_priority_max(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_sched_get_priority_max, (int)a[0]));
}

guest_long sys_sched_get_priority_min(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_sched_get_priority_min, (int)a[0]));
}

guest_long sys_sched_rr_get_interval(void *env, const guest_ulong *a)
{
    void *ts = sys_write_ptr(a[1], FUTEX_TIMESPEC_SIZE);

    (void)env;
    return ts ? sys_ret(syscall(SYS_sched_rr_get_interval, (pid_t)a[0], ts)) : sys_err(EFAULT);
}

/* struct sched_attr starts with its own size (u32); the host checks it. */
guest_long sys_sched_setattr(void *env, const guest_ulong *a)
{
    uint32_t size;
    const void *attr;

    (void)env;
    if (sys_copy_from(&size, a[1], sizeof(size)) < 0)
        return sys_err(EFAULT);
    attr = sys_read_ptr(a[1], size < 48 ? 48 : size);   /* SCHED_ATTR_SIZE_VER0 */
    if (!attr)
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_sched_setattr, (pid_t)a[0], attr, (unsigned)a[2]));
}

guest_long sys_sched_getattr(void *env, const guest_ulong *a)
{
    void *attr = sys_write_ptr(a[1], (uint32_t)a[2]);

    (void)env;
    if (!attr)
        return sys_err(EFAULT);
    return sys_ret(syscall(SYS_sched_getattr, (pid_t)a[0], attr, (unsigned)a[2], (unsigned)a[3]));
}
