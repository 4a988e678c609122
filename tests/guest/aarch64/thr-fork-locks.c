/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fork while other threads hold the memory map's and the signal
 * dispositions' locks: two workers loop on mmap/munmap/mprotect and on
 * sigaction, the main thread forks again and again, and each child maps
 * memory and changes a disposition itself.  A lock copied in its held
 * state hangs the child (before or after its alarm(), which then turns
 * the hang into a SIGALRM death the parent reports); the test driver's
 * timeout catches the rest.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS 40

static _Atomic int stop;

static void on_usr2(int sig)
{
    (void)sig;
}

static void *mapper(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop)) {
        char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            continue;
        p[0] = 1;
        mprotect(p, 4096, PROT_READ);
        munmap(p, 65536);
    }
    return NULL;
}

static void *sigactor(void *arg)
{
    struct sigaction sa;

    (void)arg;
    memset(&sa, 0, sizeof(sa));
    while (!atomic_load(&stop)) {
        sa.sa_handler = on_usr2;
        sigaction(SIGUSR2, &sa, NULL);
        sa.sa_handler = SIG_DFL;
        sigaction(SIGUSR2, &sa, NULL);
    }
    return NULL;
}

static void child(void)
{
    struct sigaction sa;
    char *p;

    alarm(5);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        _exit(2);
    p[4096] = 3;
    munmap(p, 8192);
    _exit(7);
}

int main(void)
{
    pthread_t t[2];
    int ok = 0;

    pthread_create(&t[0], NULL, mapper, NULL);
    pthread_create(&t[1], NULL, sigactor, NULL);
    for (int i = 0; i < ROUNDS; i++) {
        int status = 0;
        pid_t pid = fork();

        if (pid == 0)
            child();
        if (pid < 0 || waitpid(pid, &status, 0) != pid)
            break;
        if (WIFEXITED(status) && WEXITSTATUS(status) == 7)
            ok++;
        else
            printf("round %d: child status 0x%x\n", i, status);
    }
    atomic_store(&stop, 1);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    printf("%d of %d children ran\n", ok, ROUNDS);
    return 0;
}
