/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest threads: one host thread per guest thread (DESIGN.md, "Threads
 * and atomics").  thread_create() starts a detached host thread with a
 * CPU state cloned from the parent's (target_cpu_clone); the thread does
 * what the kernel does for the child of clone(2) before it first returns
 * to user space (CLONE_CHILD_SETTID, CLONE_PARENT_SETTID, remembering
 * CLONE_CHILD_CLEARTID), registers its CPU with the dispatcher
 * (exec_cpu_init) and runs the architecture's CPU loop.  The parent waits
 * until the child has its thread id, which clone returns.  Guest thread
 * ids are the host thread ids, so gettid, tgkill and PI futexes (whose
 * words hold thread ids) need no translation.
 *
 * thread_exit() is exit(2) of one thread, in the kernel's order
 * (kernel/exit.c, mm_release): walk the robust futex list, then zero the
 * clear_child_tid word and wake one waiter on it (pthread_join waits
 * there), then end the host thread.  The guest may free the thread's
 * stack as soon as that word is zero, so nothing touches guest memory
 * afterwards.  The last thread to exit ends the process, with the status
 * of the main thread (the group leader), as wait(2) would report it.
 * exit_group(2) from any thread is user_exit(): the host exit_group ends
 * every thread.
 *
 * clone with CLONE_VM but not CLONE_THREAD (vfork, posix_spawn, a raw
 * clone(CLONE_VM|SIGCHLD)) is a process sharing our memory, as in Linux:
 * thread_create_vm_process() has a fresh "donor" host thread make a host
 * clone(CLONE_VM) whose child runs the guest CPU on a stack of its own
 * and on the donor's TLS (the donor sleeps until the host clears its
 * CLONE_CHILD_CLEARTID word at the child's exec or exit, then cleans up).
 * With CLONE_VFORK the host suspends the donor, and the guest parent waits
 * for the donor.  Such a child ends with exit_group, uses its parent's
 * table of signal actions or, without CLONE_SIGHAND, a copy of it, and
 * starts with its parent's alternate signal stack if CLONE_VFORK, with
 * none otherwise (Linux's copy_process).
 *
 * Forks are syscall/process.c's; fork handlers installed with the first
 * thread hold the code cache's locks and this file's across the fork, so
 * that the child, where only the forking thread survives, finds them free
 * (exec_fork_child).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux-user/thread.h"
#include "translate/exec.h"
#include "util/log.h"

/* The calling thread's kernel-task records. */
static __thread guest_addr clear_child_tid;
static __thread guest_addr robust_head;
static __thread guest_ulong robust_len;

/* Live guest threads, and the main thread's status once it has exited. */
static pthread_mutex_t thread_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned live_threads = 1;
static bool main_exited;
static int main_status;

/* Handed from thread_create to the new thread; lives on the parent's
 * stack until the child posts ready. */
typedef struct ThreadStart {
    void *env;
    ThreadCloneArgs ca;
    void *sigactions;          /* the creator's table of signal actions */
    sem_t ready;
    pid_t tid;
} ThreadStart;

static pid_t host_gettid(void)
{
    return (pid_t)syscall(SYS_gettid);
}

static long host_futex(void *addr, int op, uint32_t val)
{
    return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

/* Store a thread id into guest memory; a bad address is ignored, as the
 * kernel ignores a failed put_user there. */
static void put_tid(guest_addr addr, pid_t tid)
{
    uint32_t v = (uint32_t)tid;

    if (addr && guest_prepare_write(addr, sizeof(v)))
        __atomic_store_n((uint32_t *)g2h(addr), v, __ATOMIC_SEQ_CST);
}

void thread_set_clear_tid(guest_addr addr)
{
    clear_child_tid = addr;
}

void thread_set_robust_list(guest_addr head, guest_ulong len)
{
    robust_head = head;
    robust_len = len;
}

void thread_get_robust_list(guest_addr *head, guest_ulong *len)
{
    *head = robust_head;
    *len = robust_len;
}

unsigned thread_count(void)
{
    return __atomic_load_n(&live_threads, __ATOMIC_RELAXED);
}

/* ---- creation ---- */

static void install_fork_handlers(void);

static void *thread_main(void *arg)
{
    ThreadStart *ts = arg;
    void *env = ts->env;
    pid_t tid = host_gettid();

    if (ts->ca.flags & CLONE_CHILD_SETTID)
        put_tid(ts->ca.child_tid, tid);
    if (ts->ca.flags & CLONE_PARENT_SETTID)
        put_tid(ts->ca.parent_tid, tid);
    clear_child_tid = (ts->ca.flags & CLONE_CHILD_CLEARTID) ? ts->ca.child_tid : 0;
    robust_head = 0;
    robust_len = 0;
    signal_actions_adopt(ts->sigactions);
    exec_cpu_init(env);
    ts->tid = tid;
    sem_post(&ts->ready);             /* ts is gone after this */
    target_info.cpu_loop(env);
    unreachable();
}

guest_long thread_create(void *parent_env, const ThreadCloneArgs *ca)
{
    static pthread_once_t fork_handlers = PTHREAD_ONCE_INIT;
    ThreadStart ts = { .ca = *ca, .sigactions = signal_actions_current() };
    pthread_attr_t attr;
    pthread_t th;
    int err;

    pthread_once(&fork_handlers, install_fork_handlers);

    ts.env = target_cpu_clone(parent_env, ca->stack, (ca->flags & CLONE_SETTLS) != 0, ca->tls);
    if (!ts.env)
        return -ENOMEM;
    sem_init(&ts.ready, 0, 0);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    __atomic_add_fetch(&live_threads, 1, __ATOMIC_SEQ_CST);
    /* The host thread starts with this thread's host signal mask, which
     * mirrors the guest's: the child inherits the mask, as with clone. */
    err = pthread_create(&th, &attr, thread_main, &ts);
    pthread_attr_destroy(&attr);
    if (err) {
        __atomic_sub_fetch(&live_threads, 1, __ATOMIC_SEQ_CST);
        target_cpu_free(ts.env);
        sem_destroy(&ts.ready);
        return err == EAGAIN ? -EAGAIN : -ENOMEM;
    }
    while (sem_wait(&ts.ready) != 0)
        ;                               /* EINTR: a signal for us; keep waiting */
    sem_destroy(&ts.ready);
    return ts.tid;
}

/* ---- processes that share our memory (CLONE_VM without CLONE_THREAD) ---- */

/* Handed from thread_create_vm_process to the donor thread and the child;
 * freed by the donor once the child is gone. */
typedef struct VmProcStart {
    void *env;
    ThreadCloneArgs ca;
    sigset_t guest_mask;       /* the parent's mask, the child's at start */
    void *sigactions;          /* the parent's table of signal actions */
    GuestStack altstack;       /* the child's sigaltstack at start */
    uint32_t started;          /* the donor has the child's pid (or an error) */
    uint32_t refs;             /* the parent and the donor: the last frees */
    long pid;
    uint32_t host_ctid;        /* the host clears it when the child execs or exits */
    bool cpu_done;             /* the child left the dispatcher itself */
    void *stack;
} VmProcStart;

#define VM_CHILD_STACK (8u << 20)
/* Host clone flags a memory-sharing guest process keeps from the guest. */
#define VM_PASSED_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_SYSVSEM | \
                         CLONE_VFORK | CLONE_PARENT | 0xff)

/* This thread is the only thread of a process sharing the parent's memory. */
static __thread VmProcStart *vm_child;

static int vm_child_main(void *arg)
{
    VmProcStart *vp = arg;
    pid_t tid = host_gettid();

    vm_child = vp;
    signal_actions_adopt(vp->sigactions);
    if (!(vp->ca.flags & CLONE_SIGHAND))
        signal_vm_child_init();
    signal_altstack_set(&vp->altstack);
    pthread_sigmask(SIG_SETMASK, &vp->guest_mask, NULL);
    if (vp->ca.flags & CLONE_CHILD_SETTID)
        put_tid(vp->ca.child_tid, tid);
    clear_child_tid = (vp->ca.flags & CLONE_CHILD_CLEARTID) ? vp->ca.child_tid : 0;
    robust_head = 0;
    robust_len = 0;
    exec_cpu_init(vp->env);
    target_info.cpu_loop(vp->env);
    unreachable();
}

static void vm_put(VmProcStart *vp)
{
    if (__atomic_sub_fetch(&vp->refs, 1, __ATOMIC_SEQ_CST) == 0)
        free(vp);
}

static void vm_started(VmProcStart *vp)
{
    __atomic_store_n(&vp->started, 1, __ATOMIC_SEQ_CST);
    host_futex(&vp->started, FUTEX_WAKE, 1);
}

/* The donor: a host thread whose TLS the child process takes over (the
 * child has no glibc thread of its own), which makes the clone, reports
 * the pid and then sleeps, touching neither its TLS nor guest state,
 * until the host clears host_ctid (the child exec'd or exited); then it
 * takes the child's CPU off the dispatcher, even one a signal killed in
 * guest code (exec_cpu_drop), and frees what it used. */
static void *vm_donor_main(void *arg)
{
    VmProcStart *vp = arg;
    int host_flags = (int)(vp->ca.flags & VM_PASSED_FLAGS) | CLONE_CHILD_CLEARTID;
    uint32_t v;

    vp->host_ctid = 1;
    vp->pid = clone(vm_child_main, (char *)vp->stack + VM_CHILD_STACK, host_flags, vp,
                    NULL, NULL, &vp->host_ctid);
    if (vp->pid < 0) {
        vp->pid = -errno;
        __atomic_store_n(&vp->host_ctid, 0, __ATOMIC_SEQ_CST);
        vp->cpu_done = true;
    } else if (vp->ca.flags & CLONE_PARENT_SETTID) {
        put_tid(vp->ca.parent_tid, (pid_t)vp->pid);    /* before clone returns, as Linux */
    }
    /* With CLONE_VFORK the clone returned once the child exec'd or exited. */
    vm_started(vp);
    while ((v = __atomic_load_n(&vp->host_ctid, __ATOMIC_SEQ_CST)) != 0)
        host_futex(&vp->host_ctid, FUTEX_WAIT, v);
    /* Not through thread_exit: the child exec'd (from a system call) or
     * was killed by a signal, maybe in the middle of a block. */
    if (!__atomic_load_n(&vp->cpu_done, __ATOMIC_SEQ_CST))
        exec_cpu_drop(vp->env);
    target_cpu_free(vp->env);
    munmap(vp->stack, VM_CHILD_STACK);
    vm_put(vp);
    return NULL;
}

guest_long thread_create_vm_process(void *parent_env, const ThreadCloneArgs *ca)
{
    VmProcStart *vp = calloc(1, sizeof(*vp));
    pthread_attr_t attr;
    sigset_t all;
    pthread_t th;
    long pid;
    int err;

    if (!vp)
        return -ENOMEM;
    vp->ca = *ca;
    vp->sigactions = signal_actions_current();
    if (ca->flags & CLONE_VFORK)
        signal_altstack_get(&vp->altstack);    /* else none: calloc's zeros */
    vp->stack = mmap(NULL, VM_CHILD_STACK, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    vp->env = target_cpu_clone(parent_env, ca->stack, (ca->flags & CLONE_SETTLS) != 0, ca->tls);
    if (vp->stack == MAP_FAILED || !vp->env)
        goto fail;
    vp->refs = 2;
    /* The donor runs with every signal blocked, so none is queued in the
     * TLS the child inherits; the child sets the guest's mask itself. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &vp->guest_mask);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    err = pthread_create(&th, &attr, vm_donor_main, vp);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &vp->guest_mask, NULL);
    if (err)
        goto fail;
    while (!__atomic_load_n(&vp->started, __ATOMIC_SEQ_CST))
        host_futex(&vp->started, FUTEX_WAIT, 0);     /* EINTR: look again */
    pid = vp->pid;
    vm_put(vp);
    return pid;
fail:
    if (vp->env)
        target_cpu_free(vp->env);
    if (vp->stack != MAP_FAILED && vp->stack)
        munmap(vp->stack, VM_CHILD_STACK);
    free(vp);
    return -ENOMEM;
}

/* ---- exit ---- */

#define ROBUST_LIST_LIMIT 2048       /* the kernel's bound on the walk */

/* A futex the dying thread held (handle_futex_death in the kernel): mark
 * it FUTEX_OWNER_DIED, keep FUTEX_WAITERS, and wake one waiter. */
static void futex_death(guest_addr uaddr, pid_t tid, bool pi, bool pending_op)
{
    uint32_t *p, uval;

    if ((uaddr & 3) || !guest_prepare_write(uaddr, sizeof(*p)))
        return;
    p = g2h(uaddr);
    uval = __atomic_load_n(p, __ATOMIC_SEQ_CST);
    for (;;) {
        /* Died between taking the lock and setting the tid: wake a waiter
         * that may be blocked behind the half-done operation. */
        if (pending_op && !pi && !uval) {
            host_futex(p, FUTEX_WAKE, 1);
            return;
        }
        if ((uval & FUTEX_TID_MASK) != (uint32_t)tid)
            return;
        uint32_t mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (__atomic_compare_exchange_n(p, &uval, mval, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST))
            break;
    }
    if (!pi && (uval & FUTEX_WAITERS))
        host_futex(p, FUTEX_WAKE, 1);
}

/* Read one robust-list pointer: the entry address and its PI bit. */
static bool robust_fetch(guest_addr at, guest_addr *entry, bool *pi)
{
    uint64_t v;

    if (!guest_range_ok(at, sizeof(v), PAGE_READ))
        return false;
    v = __atomic_load_n((uint64_t *)g2h(at), __ATOMIC_RELAXED);
    *entry = v & ~(uint64_t)1;
    *pi = v & 1;
    return true;
}

/* The kernel's exit_robust_list for a 64-bit guest: head is
 * { next, futex_offset, list_op_pending }. */
static void robust_list_walk(pid_t tid)
{
    guest_addr head = robust_head, entry, pending, next;
    bool pi, pending_pi, next_pi;
    int64_t offset;
    unsigned limit = ROBUST_LIST_LIMIT;

    if (!head || !robust_fetch(head, &entry, &pi) ||
        !guest_range_ok(head + 8, 16, PAGE_READ))
        return;
    memcpy(&offset, g2h(head + 8), sizeof(offset));
    if (!robust_fetch(head + 16, &pending, &pending_pi))
        return;
    while (entry != head) {
        /* Fetch the next entry first: the death may let the lock's new
         * owner unlink and reuse this one. */
        bool ok = robust_fetch(entry, &next, &next_pi);
        if (entry != pending)
            futex_death(entry + (guest_addr)offset, tid, pi, false);
        if (!ok || !--limit)
            break;
        entry = next;
        pi = next_pi;
    }
    if (pending)
        futex_death(pending + (guest_addr)offset, tid, pending_pi, true);
}

void thread_exit(void *cpu_env, int status)
{
    pid_t tid = host_gettid();
    sigset_t all;
    bool last;
    int code;

    /* A dying thread takes no more signals: one sent to the process goes
     * to a thread that will run its handler. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    exec_cpu_exit(cpu_env);
    robust_list_walk(tid);
    if (clear_child_tid && guest_prepare_write(clear_child_tid, sizeof(uint32_t))) {
        uint32_t *p = g2h(clear_child_tid);
        __atomic_store_n(p, 0, __ATOMIC_SEQ_CST);
        host_futex(p, FUTEX_WAKE, 1);
    }
    if (vm_child) {
        /* The only thread of a memory-sharing process: the process ends;
         * the donor thread frees the CPU state. */
        __atomic_store_n(&vm_child->cpu_done, true, __ATOMIC_SEQ_CST);
        syscall(SYS_exit_group, status);
    }
    pthread_mutex_lock(&thread_lock);
    if (tid == getpid()) {
        main_exited = true;
        main_status = status;
    }
    last = __atomic_sub_fetch(&live_threads, 1, __ATOMIC_SEQ_CST) == 0;
    code = main_exited ? main_status : status;
    pthread_mutex_unlock(&thread_lock);
    if (last)
        user_exit(code);
    target_cpu_free(cpu_env);
    pthread_exit(NULL);
}

/* ---- fork ---- */

/* Forks (syscall/process.c) happen while other threads may hold the
 * emulator's locks: the fork handlers hold them across the fork, and the
 * child, where only the forking thread survives, starts with them free
 * and itself as the only thread. */
static void fork_prepare(void)
{
    pthread_mutex_lock(&thread_lock);
    exec_fork_prepare();
    mmap_fork_lock();                 /* taken after the code cache's locks */
    signal_fork_lock();
}

static void fork_parent(void)
{
    signal_fork_unlock(false);
    mmap_fork_unlock(false);
    exec_fork_parent();
    pthread_mutex_unlock(&thread_lock);
}

static void fork_child(void)
{
    signal_fork_unlock(true);
    mmap_fork_unlock(true);
    exec_fork_child();
    pthread_mutex_init(&thread_lock, NULL);
    live_threads = 1;
    main_exited = false;
}

static void install_fork_handlers(void)
{
    pthread_atfork(fork_prepare, fork_parent, fork_child);
}
