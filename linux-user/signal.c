/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signals in Linux user mode: the host handlers, the guest's dispositions,
 * masks and alternate stacks, and delivery.
 *
 * Host side.  SIGSEGV/SIGBUS/SIGILL/SIGFPE/SIGTRAP always have guise's
 * fault handler (on an alternate stack): a write to a page that holds
 * translated code is let through (mmap.c), a fault in guest code goes back
 * to cpu_exec as a guest exception (exec_guest_fault), anything else is a
 * crash of guise itself.  Every other host signal mirrors the guest's
 * disposition: SIG_DFL and SIG_IGN are left to the host kernel (so a
 * SIGINT kills us exactly as it would kill the guest, and SIGCHLD reaping
 * follows SIG_IGN/SA_NOCLDWAIT), and a guest handler becomes forward_handler,
 * which queues the signal on the thread and sets exit_request so that the
 * guest leaves generated code at the next block.  The core-dumping signals
 * (SIGQUIT, SIGABRT...) are caught too, so that guise dies of them without
 * writing a core of the emulator.  The host thread's signal mask mirrors the
 * guest's (fault signals aside), so the host kernel picks the thread,
 * interrupts system calls and keeps signals pending as it would for the
 * guest.
 *
 * Guest side.  process_pending_signals(), called by the CPU loop between
 * blocks, delivers the synchronous signal of a guest fault first
 * (queue_guest_signal), then pending asynchronous ones: default actions
 * (terminate and core dump: flush the logs and kill ourselves with the same
 * signal; ignore; stop), or a frame built by the architecture's
 * signal-frame.c (target_setup_frame).  The rt_sigaction family, sigaltstack,
 * sigsuspend, sigtimedwait, kill and tgkill are here too.
 *
 * A signal queued while a system call is about to block must not wait for
 * the call to end by itself: blocking host calls go through the
 * safe-syscall stub (safe-syscall.h), which tests this thread's
 * pending & ~blocked words right before the syscall instruction, and the
 * host handlers move a thread caught between that test and the syscall to
 * the stub's -EINTR exit (safe_syscall_fixup).
 *
 * Guest signal numbers are the generic Linux ones, which x86-64 shares for
 * 1-31; guest real-time signals 32-62 use host SIGRTMIN.. (glibc keeps the
 * first two host real-time signals for itself), so guest signals 63 and 64
 * cannot come from outside the process.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include "linux-user/safe-syscall.h"
#include "linux-user/signal-map.h"
#include "linux-user/thread.h"
#include "linux-user/user.h"
#include "translate/exec.h"
#include "translate/tcache.h"
#include "util/log.h"

#define GUEST_NSIG 64
#define SIGBIT(g) (1ull << ((g) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/* Guest sa_flags (generic Linux values). */
#define G_SA_NOCLDSTOP 0x00000001u
#define G_SA_NOCLDWAIT 0x00000002u
#define G_SA_SIGINFO   0x00000004u
#define G_SA_EXPOSE_TAGBITS 0x00000800u
#define G_SA_RESTORER  0x04000000u
#define G_SA_ONSTACK   0x08000000u
#define G_SA_RESTART   0x10000000u
#define G_SA_NODEFER   0x40000000u
#define G_SA_RESETHAND 0x80000000u
#define G_SA_KNOWN (G_SA_NOCLDSTOP | G_SA_NOCLDWAIT | G_SA_SIGINFO | G_SA_EXPOSE_TAGBITS | \
                    G_SA_RESTORER | G_SA_ONSTACK | G_SA_RESTART | G_SA_NODEFER | G_SA_RESETHAND)
#define G_SIG_DFL 0
#define G_SIG_IGN 1
#define G_SS_ONSTACK 1
#define G_SS_DISABLE 2
#define G_SS_AUTODISARM (1u << 31)
#define G_MINSIGSTKSZ 5120       /* what sigaltstack(2) requires */
#define G_SI_KERNEL 0x80

/* Default actions, POSIX / signal(7). */
enum { ACT_TERM, ACT_CORE, ACT_IGN, ACT_STOP };
static const uint8_t default_action[32] = {
    [SIGHUP] = ACT_TERM, [SIGINT] = ACT_TERM, [SIGQUIT] = ACT_CORE, [SIGILL] = ACT_CORE,
    [SIGTRAP] = ACT_CORE, [SIGABRT] = ACT_CORE, [SIGBUS] = ACT_CORE, [SIGFPE] = ACT_CORE,
    [SIGKILL] = ACT_TERM, [SIGUSR1] = ACT_TERM, [SIGSEGV] = ACT_CORE, [SIGUSR2] = ACT_TERM,
    [SIGPIPE] = ACT_TERM, [SIGALRM] = ACT_TERM, [SIGTERM] = ACT_TERM, [SIGSTKFLT] = ACT_TERM,
    [SIGCHLD] = ACT_IGN, [SIGCONT] = ACT_IGN, [SIGSTOP] = ACT_STOP, [SIGTSTP] = ACT_STOP,
    [SIGTTIN] = ACT_STOP, [SIGTTOU] = ACT_STOP, [SIGURG] = ACT_IGN, [SIGXCPU] = ACT_CORE,
    [SIGXFSZ] = ACT_CORE, [SIGVTALRM] = ACT_TERM, [SIGPROF] = ACT_TERM, [SIGWINCH] = ACT_IGN,
    [SIGIO] = ACT_TERM, [SIGPWR] = ACT_TERM, [SIGSYS] = ACT_CORE,
};

static int sig_default(int g)
{
    return g < 32 ? default_action[g] : ACT_TERM;
}

/* Signals raised by faults in generated code: always guise's handler. */
static bool is_fault_sig(int g)
{
    return g == SIGSEGV || g == SIGBUS || g == SIGILL || g == SIGFPE || g == SIGTRAP;
}

/* Per-thread signal state (each guest thread is a host thread). */
typedef struct SigThread {
    /* pending then blocked: safe_syscall tests pending & ~blocked. */
    uint64_t pending;               /* asynchronous, SIGBIT */
    uint64_t blocked;
    CPUCommon *cpu;
    bool ready;
    bool saved_valid;               /* rt_sigsuspend: mask to restore */
    uint64_t saved_mask;
    GuestStack alt;                 /* size 0: disabled; flags: SS_AUTODISARM */
    siginfo_t info[GUEST_NSIG];     /* as the host handler received them */
    int sync_sig;                   /* a guest fault's signal, or 0 */
    uint8_t sync_info[GUEST_SIGINFO_SIZE];
    int host_sigbus_code;           /* si_code of a host SIGBUS in guest code */
} SigThread;

static __thread SigThread sig_thread;

const uint64_t *signal_pending_words(void)
{
    return &sig_thread.pending;
}
/* The guest's signal actions: the process's table, reached through a
 * per-thread pointer because a child process that shares our memory
 * without CLONE_SIGHAND has a table of its own (signal_vm_child_init). */
static GuestSigaction sigact_main[GUEST_NSIG + 1];
static __thread GuestSigaction *sigact = sigact_main;
static pthread_mutex_t sigact_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t altstack_key;
#define HOST_ALTSTACK_SIZE (256 * 1024)

void signal_fork_lock(void)
{
    pthread_mutex_lock(&sigact_lock);
}

void signal_fork_unlock(bool child)
{
    if (child)
        pthread_mutex_init(&sigact_lock, NULL);
    else
        pthread_mutex_unlock(&sigact_lock);
}

uint64_t signal_syscall_mask_begin(uint64_t guest_mask, uint64_t *host_mask)
{
    SigThread *t = &sig_thread;
    uint64_t old = t->blocked;

    *host_mask = signal_mask_to_host(guest_mask);
    t->blocked = guest_mask & ~UNBLOCKABLE;
    return old;
}

void signal_syscall_mask_end(uint64_t old, bool interrupted)
{
    SigThread *t = &sig_thread;

    /* Interrupted: as after rt_sigsuspend, the handler runs under the
     * call's mask and its frame saves the old one; with no handler to
     * run, process_pending_signals puts the old one back. */
    if (interrupted && !t->saved_valid) {
        t->saved_valid = true;
        t->saved_mask = old;
        return;
    }
    t->blocked = old;
}

void *signal_actions_current(void)
{
    return sigact;
}

void signal_actions_adopt(void *table)
{
    sigact = table;
}

void signal_vm_child_init(void)
{
    GuestSigaction *copy = malloc(sizeof(sigact_main));

    if (!copy)
        return;                       /* share the parent's, as with CLONE_SIGHAND */
    pthread_mutex_lock(&sigact_lock);
    memcpy(copy, sigact, sizeof(sigact_main));
    pthread_mutex_unlock(&sigact_lock);
    sigact = copy;
}

void signal_altstack_get(GuestStack *alt)
{
    *alt = sig_thread.alt;
}

void signal_altstack_set(const GuestStack *alt)
{
    sig_thread.alt = *alt;
}

/* ---- signal numbers and masks ---- */

static int host_sig(int g)
{
    if (g < 1 || g > GUEST_NSIG)
        return 0;
    if (g < 32)
        return g;
    return SIGRTMIN + (g - 32) <= SIGRTMAX ? SIGRTMIN + (g - 32) : 0;
}

static int guest_sig(int h)
{
    if (h > 0 && h < 32)
        return h;
    if (h >= SIGRTMIN && h <= SIGRTMAX && 32 + (h - SIGRTMIN) <= GUEST_NSIG)
        return 32 + (h - SIGRTMIN);
    return 0;
}

uint64_t signal_mask_to_host(uint64_t guest_mask)
{
    uint64_t m = 0;
    for (int g = 1; g <= GUEST_NSIG; g++)
        if ((guest_mask & SIGBIT(g)) && host_sig(g))
            m |= 1ull << (host_sig(g) - 1);
    return m;
}

int signal_to_guest(int h)
{
    return guest_sig(h);
}

static void host_mask_of(uint64_t guest_mask, sigset_t *set)
{
    sigemptyset(set);
    for (int g = 1; g <= GUEST_NSIG; g++)
        if ((guest_mask & SIGBIT(g)) && host_sig(g) && !is_fault_sig(g))
            sigaddset(set, host_sig(g));
}

static uint64_t guest_mask_of(const sigset_t *set)
{
    uint64_t m = 0;
    for (int g = 1; g <= GUEST_NSIG; g++)
        if (host_sig(g) && sigismember(set, host_sig(g)))
            m |= SIGBIT(g);
    return m;
}

/* The guest's mask, mirrored on the host thread. */
static void set_blocked(SigThread *t, uint64_t mask)
{
    sigset_t set;
    t->blocked = mask & ~UNBLOCKABLE;
    host_mask_of(t->blocked, &set);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

/* Block every host signal a handler of ours might queue. */
static void block_async(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    for (int g = 1; g < 32; g++)
        if (is_fault_sig(g))
            sigdelset(&all, g);
    pthread_sigmask(SIG_BLOCK, &all, old);
}

/* ---- host handlers ---- */

static void queue_async(int hsig, const siginfo_t *si)
{
    SigThread *t = &sig_thread;
    int g = guest_sig(hsig);

    if (!g)
        return;
    t->info[g - 1] = *si;
    __atomic_or_fetch(&t->pending, SIGBIT(g), __ATOMIC_SEQ_CST);
    if (t->cpu)
        t->cpu->exit_request = 1;
}

static void forward_handler(int hsig, siginfo_t *si, void *uc)
{
    int saved = errno;
    queue_async(hsig, si);
    safe_syscall_fixup(uc);           /* a blocking call about to start returns -EINTR */
    errno = saved;
}

static void __attribute__((noreturn)) internal_crash(int hsig, uintptr_t host_pc, void *addr)
{
    uint64_t gpc = log_current_pc;
    struct sigaction dfl = { .sa_handler = SIG_DFL };

    exec_host_pc_to_guest(host_pc, &gpc);
    fflush(NULL);
    fprintf(stderr, "guise: internal error: host signal %d at host pc 0x%" PRIxPTR
            " (guest pc 0x%" PRIx64 "), address %p\n", hsig, host_pc, gpc, addr);
    sigaction(SIGABRT, &dfl, NULL);
    abort();
}

/* The host's general registers at a fault, in x86 encoding order
 * (rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8..r15). */
static void host_regs_of(const ucontext_t *uc, uint64_t regs[16])
{
    static const int8_t greg[16] = {
        REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
        REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
    };
    for (int r = 0; r < 16; r++)
        regs[r] = (uint64_t)uc->uc_mcontext.gregs[greg[r]];
}

static void fault_handler(int hsig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    guest_addr addr = h2g(si->si_addr);
    uint64_t regs[16];
    int saved = errno;

    if (si->si_code <= 0) {          /* sent with kill/tgkill/sigqueue */
        queue_async(hsig, si);
        safe_syscall_fixup(uc);
        errno = saved;
        return;
    }
    if (hsig == SIGSEGV) {
        /* x86 page-fault error code: bit 1 set for a write. */
        bool write = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
        if (write && si->si_code == SEGV_ACCERR && page_unwatch_on_write(addr)) {
            errno = saved;
            return;                   /* the store runs again */
        }
        if (exec_in_guest()) {
            host_regs_of(uc, regs);
            exec_guest_fault(pc, regs, addr, write ? EXCP_FAULT_WRITE : EXCP_FAULT_READ);
        }
    } else if (hsig == SIGBUS && exec_in_guest()) {
        sig_thread.host_sigbus_code = si->si_code;
        host_regs_of(uc, regs);
        exec_guest_fault(pc, regs, addr, EXCP_ALIGN);
        sig_thread.host_sigbus_code = 0;
    }
    internal_crash(hsig, pc, si->si_addr);
}

static void install(int hsig, void (*fn)(int, siginfo_t *, void *), int extra_flags)
{
    struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO | extra_flags };
    sigfillset(&sa.sa_mask);
    for (int g = 1; g < 32; g++)
        if (is_fault_sig(g))
            sigdelset(&sa.sa_mask, g);
    if (fn == fault_handler)
        sigemptyset(&sa.sa_mask);
    sigaction(hsig, &sa, NULL);
}

/* Host disposition for guest signal g after its action changed. */
static void update_host_action(int g)
{
    const GuestSigaction *ka = &sigact[g];
    int h = host_sig(g);
    bool core_async = sig_default(g) == ACT_CORE;
    struct sigaction sa = { .sa_handler = SIG_DFL };

    if (!h || is_fault_sig(g) || g == SIGKILL || g == SIGSTOP)
        return;
    if (ka->handler == G_SIG_IGN) {
        sa.sa_handler = SIG_IGN;
    } else if (ka->handler != G_SIG_DFL || core_async) {
        install(h, forward_handler, 0);
        return;
    }
    if (g == SIGCHLD)
        sa.sa_flags = (int)(ka->flags & (G_SA_NOCLDSTOP | G_SA_NOCLDWAIT));
    sigaction(h, &sa, NULL);
}

static void free_altstack(void *p)
{
    munmap(p, HOST_ALTSTACK_SIZE);
}

/* First use of the signal layer on this host thread. */
static void thread_setup(SigThread *t)
{
    sigset_t cur;
    stack_t ss = { .ss_size = HOST_ALTSTACK_SIZE };

    if (t->ready)
        return;
    t->ready = true;
    ss.ss_sp = mmap(NULL, HOST_ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    BUG_ON(ss.ss_sp == MAP_FAILED);
    sigaltstack(&ss, NULL);
    pthread_setspecific(altstack_key, ss.ss_sp);
    /* The mask is inherited from the creating thread (or across execve). */
    pthread_sigmask(SIG_SETMASK, NULL, &cur);
    set_blocked(t, guest_mask_of(&cur));
}

void signal_init(void)
{
    static const int faults[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };

    pthread_key_create(&altstack_key, free_altstack);
    thread_setup(&sig_thread);
    /* An ignored signal stays ignored across execve; the rest start at
     * SIG_DFL with no flags, which is what the guest's default action
     * asks of the host too, except for the core-dumping signals we catch
     * (a sigaction call each saved: this runs for every guest process). */
    for (int g = 1; g <= GUEST_NSIG; g++) {
        struct sigaction old = { .sa_handler = SIG_DFL };
        int h = host_sig(g);
        if (!h || g == SIGKILL || g == SIGSTOP)
            continue;
        if (sigaction(h, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            sigact[g].handler = G_SIG_IGN;
        else if (old.sa_handler != SIG_DFL || old.sa_flags || sig_default(g) == ACT_CORE)
            update_host_action(g);
    }
    for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
        install(faults[i], fault_handler, SA_ONSTACK | SA_NODEFER);
}

/* ---- default actions ---- */

static void __attribute__((noreturn)) signal_die(int g)
{
    SigThread *t = &sig_thread;
    int h = host_sig(g);
    struct sigaction dfl = { .sa_handler = SIG_DFL };
    sigset_t unblock;

    if (log_enabled(LOG_GUEST_ERROR))
        log_printf("guise: guest killed by signal %d (%s) at pc 0x%" PRIx64 "\n", g,
                   h ? strsignal(h) : "real-time", t->cpu ? t->cpu->pc : 0);
    tcache_save();
    fflush(NULL);
    if (h) {
        /* The parent must see the signal; a core of the emulator would only
         * mislead, so none is written. */
        if (sig_default(g) == ACT_CORE) {
            struct rlimit none = { 0, 0 };
            setrlimit(RLIMIT_CORE, &none);
        }
        sigaction(h, &dfl, NULL);
        sigemptyset(&unblock);
        sigaddset(&unblock, h);
        pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
        raise(h);
    }
    _exit(128 + g);
}

/* ---- delivery ---- */

static bool on_alt_stack(const SigThread *t, guest_addr sp)
{
    if (t->alt.flags & G_SS_AUTODISARM)
        return false;
    return sp > t->alt.sp && sp - t->alt.sp <= t->alt.size;
}

/* The stack_t a frame saves (Linux's __save_altstack). */
static GuestStack current_altstack(const SigThread *t, guest_addr sp)
{
    GuestStack s = t->alt;
    if (t->alt.size == 0)
        s.flags = G_SS_DISABLE;
    else
        s.flags = (on_alt_stack(t, sp) ? G_SS_ONSTACK : 0) | (t->alt.flags & G_SS_AUTODISARM);
    return s;
}

static void build_info(uint8_t info[GUEST_SIGINFO_SIZE], int sig, int code, guest_addr addr)
{
    int32_t head[3] = { sig, 0, code };
    memset(info, 0, GUEST_SIGINFO_SIZE);
    memcpy(info, head, sizeof(head));
    memcpy(info + 16, &addr, sizeof(addr));
}

void queue_guest_signal(void *cpu_env, int sig, int code, guest_addr addr)
{
    SigThread *t = &sig_thread;
    (void)cpu_env;

    if (sig == SIGBUS && t->host_sigbus_code) {
        code = t->host_sigbus_code;   /* e.g. BUS_ADRERR: past the end of a file */
        t->host_sigbus_code = 0;
    }
    build_info(t->sync_info, sig, code, addr);
    t->sync_sig = sig;
}

/* Frame creation failed: SIGSEGV, fatal if it was SIGSEGV already. */
static void force_sigsegv(SigThread *t, int sig)
{
    if (sig == SIGSEGV)
        signal_die(SIGSEGV);
    build_info(t->sync_info, SIGSEGV, G_SI_KERNEL, 0);
    t->sync_sig = SIGSEGV;
}

/* Run guest signal g: default action, ignore, or a handler frame. */
static void deliver(SigThread *t, int g, const uint8_t info[GUEST_SIGINFO_SIZE])
{
    GuestSigaction ka;
    guest_addr sp = target_get_sp(t->cpu), frame_sp = sp;
    GuestStack uc_stack;
    uint64_t mask;

    pthread_mutex_lock(&sigact_lock);
    ka = sigact[g];
    if (ka.handler != G_SIG_DFL && ka.handler != G_SIG_IGN && (ka.flags & G_SA_RESETHAND)) {
        sigact[g].handler = G_SIG_DFL;
        update_host_action(g);
    }
    pthread_mutex_unlock(&sigact_lock);

    if (ka.handler == G_SIG_IGN)
        return;
    if (ka.handler == G_SIG_DFL) {
        switch (sig_default(g)) {
        case ACT_IGN:  return;
        case ACT_STOP: kill(getpid(), SIGSTOP); return;
        default:       signal_die(g);
        }
    }
    uc_stack = current_altstack(t, sp);
    if ((ka.flags & G_SA_ONSTACK) && t->alt.size && !on_alt_stack(t, sp))
        frame_sp = t->alt.sp + t->alt.size;
    if (t->alt.flags & G_SS_AUTODISARM)
        t->alt = (GuestStack){ 0 };
    mask = t->saved_valid ? t->saved_mask : t->blocked;
    t->saved_valid = false;
    if (!target_setup_frame(t->cpu, g, &ka, info, frame_sp, &uc_stack, mask)) {
        force_sigsegv(t, g);
        return;
    }
    mask = t->blocked | ka.mask;
    if (!(ka.flags & G_SA_NODEFER))
        mask |= SIGBIT(g);
    set_blocked(t, mask);
}

/* A guest fault's signal: a blocked or ignored one kills, as in Linux. */
static void deliver_sync(SigThread *t)
{
    int g = t->sync_sig;
    uint8_t info[GUEST_SIGINFO_SIZE];
    guest_addr handler;

    t->sync_sig = 0;
    memcpy(info, t->sync_info, sizeof(info));
    pthread_mutex_lock(&sigact_lock);
    handler = sigact[g].handler;
    pthread_mutex_unlock(&sigact_lock);
    if ((t->blocked & SIGBIT(g)) || handler == G_SIG_IGN)
        signal_die(g);
    deliver(t, g, info);
}

/* A host siginfo as the guest's: x86-64 and the generic 64-bit ABIs share
 * the 128-byte layout, only the number of a real-time signal differs. */
static void info_to_guest(uint8_t info[GUEST_SIGINFO_SIZE], const siginfo_t *si, int g)
{
    int32_t signo = g;

    memcpy(info, si, GUEST_SIGINFO_SIZE);
    memcpy(info, &signo, sizeof(signo));
}

/* Take the lowest pending signal of want (0 if none) and its siginfo. */
static int take_pending_of(SigThread *t, uint64_t want, uint8_t info[GUEST_SIGINFO_SIZE])
{
    uint64_t ready = __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & want;
    sigset_t old;
    int g;

    if (!ready)
        return 0;
    g = __builtin_ctzll(ready) + 1;
    block_async(&old);
    __atomic_and_fetch(&t->pending, ~SIGBIT(g), __ATOMIC_SEQ_CST);
    info_to_guest(info, &t->info[g - 1], g);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return g;
}

/* Take the lowest pending unblocked signal (0 if none) and its siginfo. */
static int take_pending(SigThread *t, uint8_t info[GUEST_SIGINFO_SIZE])
{
    return take_pending_of(t, ~t->blocked, info);
}

void process_pending_signals(void *cpu_env)
{
    SigThread *t = &sig_thread;
    uint8_t info[GUEST_SIGINFO_SIZE];
    int g;

    if (!t->cpu) {
        thread_setup(t);
        t->cpu = cpu_env;
    }
    t->cpu->exit_request = 0;
    for (;;) {
        if (t->sync_sig)
            deliver_sync(t);
        else if ((g = take_pending(t, info)) != 0)
            deliver(t, g, info);
        else
            break;
    }
    if (t->saved_valid) {               /* sigsuspend woke, no handler ran */
        t->saved_valid = false;
        set_blocked(t, t->saved_mask);
    }
}

bool signal_restart_syscall(void *cpu_env)
{
    SigThread *t = &sig_thread;
    uint64_t ready = __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~t->blocked;
    GuestSigaction ka;
    int g;

    (void)cpu_env;
    if (!ready || t->saved_valid)
        return false;
    g = __builtin_ctzll(ready) + 1;
    pthread_mutex_lock(&sigact_lock);
    ka = sigact[g];
    pthread_mutex_unlock(&sigact_lock);
    if (ka.handler == G_SIG_DFL || ka.handler == G_SIG_IGN)
        return true;
    return (ka.flags & G_SA_RESTART) != 0;
}

/* ---- system calls ---- */

static bool read_guest(void *dst, guest_addr src, size_t len)
{
    if (!guest_range_ok(src, len, PAGE_READ))
        return false;
    memcpy(dst, g2h(src), len);
    return true;
}

static bool write_guest(guest_addr dst, const void *src, size_t len)
{
    if (!guest_prepare_write(dst, len))
        return false;
    memcpy(g2h(dst), src, len);
    return true;
}

guest_long do_rt_sigaction(void *cpu_env, int sig, guest_addr act, guest_addr oact,
                           guest_ulong sigsetsize)
{
    GuestSigaction nact, old;
    (void)cpu_env;

    if (sigsetsize != sizeof(uint64_t) || sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    if (act && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if (act && !read_guest(&nact, act, sizeof(nact)))
        return -EFAULT;
    pthread_mutex_lock(&sigact_lock);
    old = sigact[sig];
    if (act) {
        nact.flags &= G_SA_KNOWN;       /* Linux clears unknown flags (since 5.11) */
        nact.mask &= ~UNBLOCKABLE;
        sigact[sig] = nact;
        update_host_action(sig);
        /* Setting SIG_IGN (or a default of ignore) discards a pending one. */
        if (nact.handler == G_SIG_IGN ||
            (nact.handler == G_SIG_DFL && sig_default(sig) == ACT_IGN))
            __atomic_and_fetch(&sig_thread.pending, ~SIGBIT(sig), __ATOMIC_SEQ_CST);
    }
    pthread_mutex_unlock(&sigact_lock);
    if (oact && !write_guest(oact, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

guest_long do_rt_sigprocmask(void *cpu_env, int how, guest_addr set, guest_addr oset,
                             guest_ulong sigsetsize)
{
    SigThread *t = &sig_thread;
    uint64_t old = t->blocked, m;
    (void)cpu_env;

    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    if (set) {
        if (!read_guest(&m, set, sizeof(m)))
            return -EFAULT;
        switch (how) {
        case SIG_BLOCK:   m = old | m; break;
        case SIG_UNBLOCK: m = old & ~m; break;
        case SIG_SETMASK: break;
        default:          return -EINVAL;
        }
        set_blocked(t, m);
    }
    if (oset && !write_guest(oset, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

/* sigaltstack(2) proper; also restores a frame's uc_stack (errors ignored). */
static guest_long set_altstack(SigThread *t, const GuestStack *ss, guest_addr sp)
{
    uint32_t mode = (uint32_t)ss->flags & ~G_SS_AUTODISARM;

    if (on_alt_stack(t, sp))
        return -EPERM;
    if (mode != 0 && mode != G_SS_ONSTACK && mode != G_SS_DISABLE)
        return -EINVAL;
    if (mode == G_SS_DISABLE) {
        t->alt = (GuestStack){ 0 };
        return 0;
    }
    if (ss->size < G_MINSIGSTKSZ)
        return -ENOMEM;
    t->alt = (GuestStack){ .sp = ss->sp, .size = ss->size,
                           .flags = (int32_t)((uint32_t)ss->flags & G_SS_AUTODISARM) };
    return 0;
}

guest_long do_sigaltstack(void *cpu_env, guest_addr ss, guest_addr old_ss)
{
    SigThread *t = &sig_thread;
    guest_addr sp = target_get_sp(cpu_env);
    GuestStack old = current_altstack(t, sp), nss;
    guest_long r;

    if (ss) {
        if (!read_guest(&nss, ss, sizeof(nss)))
            return -EFAULT;
        r = set_altstack(t, &nss, sp);
        if (r < 0)
            return r;
    }
    old.pad = 0;
    if (old_ss && !write_guest(old_ss, &old, sizeof(old)))
        return -EFAULT;
    return 0;
}

guest_long do_rt_sigreturn(void *cpu_env)
{
    SigThread *t = &sig_thread;
    uint64_t mask;
    GuestStack st;

    if (!target_restore_frame(cpu_env, &mask, &st)) {
        queue_guest_signal(cpu_env, SIGSEGV, SEGV_MAPERR, target_get_sp(cpu_env));
        return SYSCALL_NO_RESULT;
    }
    set_blocked(t, mask);
    set_altstack(t, &st, target_get_sp(cpu_env));
    return SYSCALL_NO_RESULT;
}

guest_long do_rt_sigpending(void *cpu_env, guest_addr set, guest_ulong sigsetsize)
{
    SigThread *t = &sig_thread;
    sigset_t host;
    uint64_t m;
    (void)cpu_env;

    if (sigsetsize > sizeof(uint64_t))
        return -EINVAL;
    sigpending(&host);
    m = (guest_mask_of(&host) | __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST)) & t->blocked;
    if (!write_guest(set, &m, sigsetsize))
        return -EFAULT;
    return 0;
}

guest_long do_rt_sigsuspend(void *cpu_env, guest_addr set, guest_ulong sigsetsize)
{
    SigThread *t = &sig_thread;
    uint64_t m, old = t->blocked;
    sigset_t host_old, wait;
    (void)cpu_env;

    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    if (!read_guest(&m, set, sizeof(m)))
        return -EFAULT;
    m &= ~UNBLOCKABLE;
    /* No signal may slip in between the check and the wait. */
    block_async(&host_old);
    t->blocked = m;
    if (!(__atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~m)) {
        host_mask_of(m, &wait);
        sigsuspend(&wait);
    }
    t->saved_valid = true;
    t->saved_mask = old;
    set_blocked(t, m);
    return -EINTR;
}

/* Wait in the host for a signal of want (a host set), with the guest's
 * other unblocked signals able to interrupt: returns the guest signal, or
 * -EAGAIN/-EINTR.  Signals already queued on the thread were looked at by
 * the caller, with every host signal blocked (old is the mask to restore). */
static guest_long host_timedwait(SigThread *t, uint64_t want, const struct timespec *ts,
                                 const sigset_t *old, uint8_t info[GUEST_SIGINFO_SIZE])
{
    sigset_t hwant, during;
    siginfo_t si;
    int h, err;

    host_mask_of(want, &hwant);
    /* The waited-for signals must stay blocked so the kernel keeps them for
     * us; a handled one that slipped in meanwhile is caught below. */
    host_mask_of(t->blocked | want, &during);
    pthread_sigmask(SIG_SETMASK, &during, NULL);
    if (__atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~t->blocked) {
        pthread_sigmask(SIG_SETMASK, old, NULL);
        return take_pending_of(t, want, info) ?: -EINTR;
    }
    memset(&si, 0, sizeof(si));
    /* Through the stub: a handled signal that arrives between the check
     * above and the wait ends it with -EINTR. */
    h = (int)safe_syscall(SYS_rt_sigtimedwait, (long)&hwant, (long)&si, (long)ts,
                          _NSIG / 8, 0, 0);
    err = -h;
    pthread_sigmask(SIG_SETMASK, old, NULL);
    if (h < 0)
        return -err;
    info_to_guest(info, &si, guest_sig(h));
    return guest_sig(h);
}

guest_long do_rt_sigtimedwait(void *cpu_env, guest_addr set, guest_addr uinfo,
                              guest_addr uts, guest_ulong sigsetsize)
{
    SigThread *t = &sig_thread;
    uint8_t info[GUEST_SIGINFO_SIZE];
    struct timespec ts;
    sigset_t old;
    uint64_t want;
    guest_long r;
    (void)cpu_env;

    if (sigsetsize != sizeof(uint64_t))
        return -EINVAL;
    if (!read_guest(&want, set, sizeof(want)))
        return -EFAULT;
    want &= ~UNBLOCKABLE;
    if (uts) {
        /* struct timespec is two 64-bit words on both sides. */
        if (!read_guest(&ts, uts, sizeof(ts)))
            return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
            return -EINVAL;
    }
    block_async(&old);
    r = take_pending_of(t, want, info);
    if (r == 0)
        r = host_timedwait(t, want, uts ? &ts : NULL, &old, info);
    else
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (r > 0 && uinfo && !write_guest(uinfo, info, sizeof(info)))
        return -EFAULT;
    return r;
}

/* rt_sigqueueinfo (tid -1) and rt_tgsigqueueinfo: the guest's siginfo goes
 * to the host as is, with the host's number for the signal. */
guest_long do_rt_sigqueueinfo(void *cpu_env, pid_t tgid, pid_t tid, int sig, guest_addr uinfo)
{
    siginfo_t si;
    int h = host_sig(sig);
    long r;
    (void)cpu_env;

    if (sig < 1 || sig > GUEST_NSIG || !h)
        return -EINVAL;
    if (!read_guest(&si, uinfo, GUEST_SIGINFO_SIZE))
        return -EFAULT;
    si.si_signo = h;
    if (tid == -1)
        r = syscall(SYS_rt_sigqueueinfo, tgid, h, &si);
    else
        r = syscall(SYS_rt_tgsigqueueinfo, tgid, tid, h, &si);
    return r < 0 ? -errno : 0;
}

/* A signal for this very process that the host cannot carry (guest 63/64). */
static guest_long queue_self(int g)
{
    siginfo_t si = { .si_signo = host_sig(g) };
    si.si_code = SI_USER;
    si.si_pid = getpid();
    si.si_uid = getuid();
    sig_thread.info[g - 1] = si;
    __atomic_or_fetch(&sig_thread.pending, SIGBIT(g), __ATOMIC_SEQ_CST);
    return 0;
}

guest_long do_kill(void *cpu_env, pid_t pid, int sig)
{
    int h = host_sig(sig);
    (void)cpu_env;

    if (sig < 0 || sig > GUEST_NSIG)
        return -EINVAL;
    if (sig && !h)
        return pid == getpid() ? queue_self(sig) : -EINVAL;
    return kill(pid, h) < 0 ? -errno : 0;
}

/* tgkill; tgid -1 makes it tkill (for the syscall table's tkill). */
guest_long do_tgkill(void *cpu_env, pid_t tgid, pid_t tid, int sig)
{
    int h = host_sig(sig);
    long r;
    (void)cpu_env;

    if (sig < 0 || sig > GUEST_NSIG)
        return -EINVAL;
    if (sig && !h)
        return tid == gettid() ? queue_self(sig) : -EINVAL;
    if (tgid == -1)
        r = syscall(SYS_tkill, tid, h);
    else
        r = syscall(SYS_tgkill, tgid, tid, h);
    return r < 0 ? -errno : 0;
}
