/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signal delivery as arm64 Linux does it: faults caught by handlers that
 * siglongjmp out (SIGSEGV with si_addr and si_code, SIGILL from UDF,
 * SIGTRAP from BRK, SIGBUS from a misaligned exclusive load), handlers that
 * return (registers and FP/SIMD state restored by rt_sigreturn, the pc
 * moved on through the ucontext), raise() with SA_SIGINFO, masks and
 * pending signals, SA_NODEFER, SA_RESETHAND, sigaltstack, a timer signal
 * interrupting pause(), and system calls restarted (SA_RESTART) or failing
 * with EINTR.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile int got_sig, got_code, depth, max_depth, count;
static void *volatile got_addr;
static volatile pid_t got_pid;

static void catch_jump(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = si->si_addr;
    siglongjmp(jb, 1);
}

static void on(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO | flags };
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

extern char udf_insn[], brk_insn[];

static void fault_tests(void)
{
    volatile int *volatile bad = (volatile int *)16;
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    static _Alignas(16) uint64_t words[4];

    on(SIGSEGV, catch_jump, 0);
    on(SIGILL, catch_jump, 0);
    on(SIGTRAP, catch_jump, 0);
    on(SIGBUS, catch_jump, 0);

    if (!sigsetjmp(jb, 1))
        (void)*bad;
    printf("NULL+16 read: sig %d, SEGV_MAPERR %s, si_addr %p\n", got_sig,
           got_code == SEGV_MAPERR ? "yes" : "no", got_addr);
    if (!sigsetjmp(jb, 1))
        ro[24] = 1;
    printf("write to read-only: sig %d, SEGV_ACCERR %s, si_addr exact %s\n", got_sig,
           got_code == SEGV_ACCERR ? "yes" : "no", got_addr == ro + 24 ? "yes" : "no");
    if (!sigsetjmp(jb, 1))
        __asm__ volatile(".globl udf_insn\nudf_insn: .inst 0x00000000");
    printf("UDF #0: sig %d, ILL_ILLOPC %s, si_addr at the insn %s\n", got_sig,
           got_code == ILL_ILLOPC ? "yes" : "no", got_addr == udf_insn ? "yes" : "no");
    if (!sigsetjmp(jb, 1))
        __asm__ volatile(".globl brk_insn\nbrk_insn: brk #0");
    printf("BRK #0: sig %d, TRAP_BRKPT %s, si_addr at the insn %s\n", got_sig,
           got_code == TRAP_BRKPT ? "yes" : "no", got_addr == brk_insn ? "yes" : "no");
    if (!sigsetjmp(jb, 1)) {
        uint64_t v;
        __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"((char *)words + 4) : "memory");
    }
    printf("misaligned LDXR: sig %d, BUS_ADRALN %s, si_addr exact %s\n", got_sig,
           got_code == BUS_ADRALN ? "yes" : "no", got_addr == (char *)words + 4 ? "yes" : "no");
    munmap(ro, 4096);
}

static volatile uint64_t frame_pc, frame_x20, frame_sp, frame_v8;
static volatile uint32_t frame_magic, frame_size;
static volatile int frame_aligned, frame_uc_ok;

/* A handler that returns: skip the UDF and clobber registers on the way;
 * first note what the frame says (the fpsimd_context record leads
 * __reserved: magic, size, fpsr, fpcr, then V0-V31). */
static void skip_insn(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    const unsigned char *res = (const unsigned char *)uc->uc_mcontext.__reserved;
    uint64_t local;

    (void)sig;
    frame_pc = uc->uc_mcontext.pc;
    frame_x20 = uc->uc_mcontext.regs[20];
    frame_sp = uc->uc_mcontext.sp;
    memcpy((void *)&frame_magic, res, 4);
    memcpy((void *)&frame_size, res + 4, 4);
    memcpy(&local, res + 16 + 8 * 16, 8);
    frame_v8 = local;
    frame_aligned = ((uintptr_t)&local & 7) == 0 && ((uintptr_t)uc & 15) == 0;
    frame_uc_ok = (void *)si < (void *)uc && si->si_addr == (void *)uc->uc_mcontext.pc;
    uc->uc_mcontext.pc += 4;
    __asm__ volatile("mov x19, #0\n\tmov x20, #0\n\tmovi v8.2d, #0\n\tfmov d9, xzr"
                     ::: "x19", "x20", "v8", "v9");
    count++;
}

static void return_tests(void)
{
    uint64_t x19, x20, d8, d9, sp, udf;
    double f;

    on(SIGILL, skip_insn, 0);
    __asm__ volatile(
        "mov x19, #0x1234\n\t"
        "movk x19, #0xabcd, lsl #48\n\t"
        "mov x20, #42\n\t"
        "fmov d8, #1.5\n\t"
        "fmov d9, #-2.0\n\t"
        "adr %5, 1f\n\t"
        "mov %4, sp\n\t"
        "1: .inst 0x00000000\n\t"
        "mov %0, x19\n\tmov %1, x20\n\tfmov %2, d8\n\tfmov %3, d9"
        : "=r"(x19), "=r"(x20), "=r"(d8), "=r"(d9), "=r"(sp), "=r"(udf)
        :: "x19", "x20", "v8", "v9");
    printf("frame: pc is the UDF %s, x20 %llu, sp is the interrupted one %s, "
           "fpsimd magic %#x size %u, v8 holds 1.5 %s, aligned %s, info below uc %s\n",
           frame_pc == udf ? "yes" : "no", (unsigned long long)frame_x20,
           frame_sp == sp ? "yes" : "no", frame_magic, frame_size,
           frame_v8 == 0x3ff8000000000000ull ? "yes" : "no", frame_aligned ? "yes" : "no",
           frame_uc_ok ? "yes" : "no");
    memcpy(&f, &d8, sizeof(f));
    printf("handler returned past UDF: %d call(s), x19 %#llx x20 %llu d8 %g", count,
           (unsigned long long)x19, (unsigned long long)x20, f);
    memcpy(&f, &d9, sizeof(f));
    printf(" d9 %g\n", f);
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    got_pid = si->si_pid;
    count++;
}

static void nested(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (++count < 3)
        raise(sig);
    depth--;
}

static void mask_tests(void)
{
    sigset_t set, old, pend;
    struct sigaction sa;

    on(SIGUSR1, info_handler, 0);
    count = 0;
    raise(SIGUSR1);
    printf("raise(SIGUSR1): handled %d, sig %d, SI_TKILL %s, si_pid is us %s\n", count, got_sig,
           got_code == SI_TKILL ? "yes" : "no", got_pid == getpid() ? "yes" : "no");
    kill(getpid(), SIGUSR1);
    printf("kill(self): handled %d, SI_USER %s\n", count, got_code == SI_USER ? "yes" : "no");

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    count = 0;
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: handled %d, pending %s\n", count, sigismember(&pend, SIGUSR1) ? "yes" : "no");
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigpending(&pend);
    printf("unblocked: handled %d, still pending %s\n", count,
           sigismember(&pend, SIGUSR1) ? "yes" : "no");

    /* sigsuspend: the pending signal runs under the temporary mask, then
     * the old mask (blocking it) comes back. */
    sigprocmask(SIG_BLOCK, &set, &old);
    count = 0;
    raise(SIGUSR1);
    {
        sigset_t none, now;
        int r;
        sigemptyset(&none);
        r = sigsuspend(&none);
        sigprocmask(SIG_SETMASK, NULL, &now);
        printf("sigsuspend: %d %s, handled %d, mask restored %s\n", r,
               errno == EINTR ? "EINTR" : "?", count, sigismember(&now, SIGUSR1) ? "yes" : "no");
    }
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* Without SA_NODEFER the handler's own signal waits until it returns. */
    depth = max_depth = count = 0;
    on(SIGUSR2, nested, 0);
    raise(SIGUSR2);
    printf("nesting without SA_NODEFER: %d calls, depth %d\n", count, max_depth);
    depth = max_depth = count = 0;
    on(SIGUSR2, nested, SA_NODEFER);
    raise(SIGUSR2);
    printf("nesting with SA_NODEFER: %d calls, depth %d\n", count, max_depth);

    on(SIGUSR2, info_handler, SA_RESETHAND);
    count = 0;
    raise(SIGUSR2);
    sigaction(SIGUSR2, NULL, &sa);
    printf("SA_RESETHAND: handled %d, now SIG_DFL %s\n", count,
           sa.sa_handler == SIG_DFL ? "yes" : "no");

    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    printf("SIG_IGN: still here\n");
}

static char altstack[65536];
static volatile int on_alt, alt_flags;

static void alt_handler(int sig)
{
    char local;
    stack_t cur;
    (void)sig;
    on_alt = &local >= altstack && &local < altstack + sizeof(altstack);
    sigaltstack(NULL, &cur);
    alt_flags = cur.ss_flags;
}

static void altstack_tests(void)
{
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;
    struct sigaction sa = { .sa_handler = alt_handler, .sa_flags = SA_ONSTACK };

    printf("sigaltstack: %d\n", sigaltstack(&ss, &old));
    printf("old stack disabled: %s\n", old.ss_flags == SS_DISABLE ? "yes" : "no");
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("SA_ONSTACK handler on the alternate stack: %s, SS_ONSTACK %s\n",
           on_alt ? "yes" : "no", alt_flags == SS_ONSTACK ? "yes" : "no");
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("handler without SA_ONSTACK on it: %s\n", on_alt ? "yes" : "no");
    ss.ss_size = 1024;
    printf("too small a stack: %s\n", sigaltstack(&ss, NULL) == -1 && errno == ENOMEM ?
           "ENOMEM" : "accepted");
    ss.ss_flags = SS_DISABLE;
    printf("disable: %d\n", sigaltstack(&ss, NULL));
}

static int pipe_fds[2];

static void tick(int sig)
{
    (void)sig;
    count++;
}

/* Makes the interrupted read's data arrive: it can only be read if the
 * read runs again after this handler. */
static void tick_feed(int sig)
{
    (void)sig;
    count++;
    if (write(pipe_fds[1], "z", 1) != 1)
        count = -100;
}

static void timer_tests(void)
{
    struct itimerval it = { .it_value = { 0, 20000 } };
    struct sigaction sa = { .sa_handler = tick };
    int r;
    char c;

    sigaction(SIGALRM, &sa, NULL);
    count = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    r = pause();
    printf("pause: %d %s, handled %d\n", r, errno == EINTR ? "EINTR" : "?", count);

    {
        sigset_t none;
        sigemptyset(&none);
        count = 0;
        setitimer(ITIMER_REAL, &it, NULL);
        r = sigsuspend(&none);
        printf("sigsuspend until SIGALRM: %d %s, handled %d\n", r,
               errno == EINTR ? "EINTR" : "?", count);
    }

    /* A read interrupted without SA_RESTART fails with EINTR... */
    if (pipe(pipe_fds))
        return;
    setitimer(ITIMER_REAL, &it, NULL);
    r = (int)read(pipe_fds[0], &c, 1);
    printf("read without SA_RESTART: %d %s\n", r, r < 0 && errno == EINTR ? "EINTR" : "?");
    /* ...and runs again after the handler with it. */
    sa.sa_handler = tick_feed;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    count = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    r = (int)read(pipe_fds[0], &c, 1);
    printf("read with SA_RESTART: %d '%c', handled %d\n", r, r == 1 ? c : '?', count);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    fault_tests();
    return_tests();
    mask_tests();
    altstack_tests();
    timer_tests();
    return 0;
}
