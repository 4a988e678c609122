/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Processes that share their parent's memory: a raw clone(CLONE_VM|SIGCHLD)
 * child writes a shared word and exits with its own status, a
 * CLONE_VM|CLONE_VFORK child runs before the parent resumes, posix_spawn
 * (CLONE_VM|CLONE_VFORK on a separate stack) starts a program and reports
 * a failed exec's errno through the shared memory, and vfork's child
 * writes into the parent's memory.  The output matches the same program
 * built for x86-64 and run natively.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
static volatile int shared_word;
static char child_stack[64 * 1024] __attribute__((aligned(16)));

static int child_fn(void *arg)
{
    shared_word = 42 + (int)(long)arg;
    return getpid() != getppid() ? 7 : 8;
}

int main(int argc, char **argv)
{
    int status, err;
    pid_t pid;
    if (argc > 1) {                       /* the spawned program */
        printf("spawned child: %s\n", argv[1]);
        return 3;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    /* A raw clone(CLONE_VM|SIGCHLD): its own process, our memory. */
    pid = clone(child_fn, child_stack + sizeof(child_stack), CLONE_VM | SIGCHLD, (void *)1);
    if (pid < 0) { perror("clone"); return 1; }
    if (waitpid(pid, &status, 0) != pid) { perror("waitpid"); return 1; }
    printf("clone(CLONE_VM|SIGCHLD): exit %d, shared word %d, child pid %s\n",
           WEXITSTATUS(status), shared_word, pid != getpid() ? "differs" : "same");
    /* CLONE_VM|CLONE_VFORK: we resume only after the child is gone. */
    shared_word = 0;
    pid = clone(child_fn, child_stack + sizeof(child_stack), CLONE_VM | CLONE_VFORK | SIGCHLD, (void *)2);
    printf("clone(CLONE_VM|CLONE_VFORK) returned, shared word %d\n", shared_word);
    waitpid(pid, &status, 0);
    printf("vfork-like child exit %d\n", WEXITSTATUS(status));
    /* posix_spawn: CLONE_VM|CLONE_VFORK on a separate stack. */
    char *args[] = { argv[0], "hello", NULL };
    err = posix_spawn(&pid, "/proc/self/exe", NULL, NULL, args, environ);
    /* Printed once the child is gone: its own line comes first then,
     * whichever process the host schedules first. */
    waitpid(pid, &status, 0);
    printf("posix_spawn: %s\n", strerror(err));
    printf("spawned exit %d\n", WEXITSTATUS(status));
    /* A failed exec reports its errno through the shared memory. */
    char *bad[] = { "/nonexistent/prog", NULL };
    err = posix_spawn(&pid, "/nonexistent/prog", NULL, NULL, bad, environ);
    printf("posix_spawn of a missing file: %s\n", strerror(err));
    /* vfork proper. */
    pid = vfork();
    if (pid == 0) {
        shared_word = 99;
        _exit(5);
    }
    waitpid(pid, &status, 0);
    printf("vfork: exit %d, shared word %d\n", WEXITSTATUS(status), shared_word);
    return 0;
}
