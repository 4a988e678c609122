/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Alternate signal stacks across processes that share our memory.  Linux
 * (copy_process) gives a vfork child (CLONE_VM|CLONE_VFORK) its parent's
 * sigaltstack and a plain clone(CLONE_VM) child none; either child's
 * changes are its own.  The parent sets stack A and an SA_ONSTACK handler
 * that records which stack it ran on; then
 *   - a vfork child sees A, takes a signal on it, installs stack B, takes
 *     a signal on B and exits;
 *   - a clone(CLONE_VM|SIGCHLD) child sees no stack;
 *   - a vfork made inside the handler, on A: the child sees SS_ONSTACK,
 *     cannot change the stack (EPERM), and a nested signal stays on A
 *     below the interrupted frame;
 * and after each the parent still has A and its handler still runs there.
 * The output matches the same program built for x86-64 and run natively.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ALT_SIZE (64 * 1024)

static char stack_a[ALT_SIZE] __attribute__((aligned(16)));
static char stack_b[ALT_SIZE] __attribute__((aligned(16)));
static char clone_stack[64 * 1024] __attribute__((aligned(16)));
static const char *volatile where;      /* what the last handler ran on */
static volatile uintptr_t where_sp;     /* and an address in its frame */
static volatile int nested_vfork;       /* the SIGUSR2 handler vforks */
static char line[256];                  /* the child's report, in shared memory */

/* Addresses as integers, hidden from the compiler: a local's address is
 * compared with the stacks' bounds at run time. */
static uintptr_t addr_of(const void *p)
{
    uintptr_t u = (uintptr_t)p;

    __asm__ volatile("" : "+r"(u));
    return u;
}

static const char *stack_name(const void *p)
{
    uintptr_t c = addr_of(p), a = addr_of(stack_a), b = addr_of(stack_b);

    if (c >= a && c < a + ALT_SIZE)
        return "A";
    if (c >= b && c < b + ALT_SIZE)
        return "B";
    return "main";
}

static const char *alt_name(void)
{
    stack_t ss;
    static char buf[64];

    if (sigaltstack(NULL, &ss) != 0)
        return "error";
    if (ss.ss_flags & SS_DISABLE)
        return "disabled";
    snprintf(buf, sizeof(buf), "%s%s", stack_name(ss.ss_sp),
             (ss.ss_flags & SS_ONSTACK) ? " (on it)" : "");
    return buf;
}

static void set_alt(char *base)
{
    stack_t ss = { .ss_sp = base, .ss_size = ALT_SIZE, .ss_flags = 0 };
    int r = sigaltstack(&ss, NULL);

    if (r != 0)
        printf("sigaltstack: %s\n", strerror(errno));
}

static void on_usr1(int sig)
{
    char here;

    (void)sig;
    where = stack_name(&here);
    where_sp = addr_of(&here);
}

/* Inside: a vfork on the alternate stack. */
static void on_usr2(int sig)
{
    char here;
    stack_t ss = { .ss_sp = stack_b, .ss_size = ALT_SIZE, .ss_flags = 0 };
    pid_t pid;
    int status, r;

    (void)sig;
    if (!nested_vfork)
        return;
    pid = vfork();
    if (pid == 0) {
        const char *before = alt_name();
        r = sigaltstack(&ss, NULL);
        where = "none";
        raise(SIGUSR1);
        snprintf(line, sizeof(line), "child: altstack %s, change: %s, SIGUSR1 on %s (%s)",
                 before, r ? strerror(errno) : "allowed", where,
                 where_sp < addr_of(&here) ? "below our frame" : "above our frame");
        _exit(0);
    }
    waitpid(pid, &status, 0);
}

static int clone_child(void *arg)
{
    (void)arg;
    snprintf(line, sizeof(line), "clone(CLONE_VM) child: altstack %s", alt_name());
    return 0;
}

static void parent_check(const char *after)
{
    where = "none";
    raise(SIGUSR1);
    printf("parent after %s: altstack %s, SIGUSR1 on %s\n", after, alt_name(), where);
}

int main(void)
{
    struct sigaction sa;
    int status;
    pid_t pid;

    setvbuf(stdout, NULL, _IONBF, 0);
    memset(&sa, 0, sizeof(sa));
    sa.sa_flags = SA_ONSTACK;
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    set_alt(stack_a);
    parent_check("setting A");

    /* vfork: the child starts with A, then makes B its own. */
    pid = vfork();
    if (pid == 0) {
        const char *first, *second;
        char before[64];
        snprintf(before, sizeof(before), "%s", alt_name());
        where = "none";
        raise(SIGUSR1);
        first = where;
        set_alt(stack_b);
        where = "none";
        raise(SIGUSR1);
        second = where;
        snprintf(line, sizeof(line), "vfork child: altstack %s, SIGUSR1 on %s; then %s, SIGUSR1 on %s",
                 before, first, alt_name(), second);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    printf("%s\n", line);
    parent_check("the vfork child");

    /* clone(CLONE_VM) without CLONE_VFORK: no alternate stack. */
    pid = clone(clone_child, clone_stack + sizeof(clone_stack), CLONE_VM | SIGCHLD, NULL);
    if (pid > 0) {
        waitpid(pid, &status, 0);
        printf("%s\n", line);
    } else {
        printf("clone: %s\n", strerror(errno));
    }
    parent_check("the clone child");

    /* vfork from a handler running on A. */
    nested_vfork = 1;
    raise(SIGUSR2);
    printf("%s\n", line);
    parent_check("the vfork in a handler");
    return 0;
}
