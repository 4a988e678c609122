/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signals and threads: each thread has its own signal mask; a signal
 * sent with pthread_kill (tgkill) runs its handler on the target thread
 * only, even while that thread spins in a tight loop; a process-directed
 * signal (kill) goes to the one thread that does not block it; a thread
 * in sigsuspend receives a real-time signal all the others block.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#define WORKERS 3

static pid_t worker_tid[WORKERS];
static _Atomic pid_t handled_on[WORKERS + 1];
static _Atomic int ready, stop, got_usr2;
static _Atomic pid_t usr2_tid, rt_tid;
static _Atomic int waiter_ready;

static pid_t my_tid(void)
{
    return (pid_t)syscall(SYS_gettid);
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si, (void)uc;
    for (int i = 0; i < WORKERS; i++)
        if (worker_tid[i] == my_tid())
            atomic_store(&handled_on[i], my_tid());
}

static void on_usr2(int sig)
{
    (void)sig;
    atomic_store(&usr2_tid, my_tid());
    atomic_store(&got_usr2, 1);
}

static void on_rt(int sig)
{
    (void)sig;
    atomic_store(&rt_tid, my_tid());
}

static void *spinner(void *arg)
{
    int id = (int)(intptr_t)arg;
    sigset_t set;

    /* Worker 0 alone takes SIGUSR2. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(id == 0 ? SIG_UNBLOCK : SIG_BLOCK, &set, NULL);
    worker_tid[id] = my_tid();
    atomic_fetch_add(&ready, 1);
    for (volatile unsigned long n = 0; !atomic_load(&stop); n++)
        ;
    return NULL;
}

static void *waiter(void *arg)
{
    sigset_t wait_mask;
    (void)arg;
    pthread_sigmask(SIG_BLOCK, NULL, &wait_mask);
    sigdelset(&wait_mask, SIGRTMIN + 1);
    atomic_store(&waiter_ready, 1);
    sigsuspend(&wait_mask);               /* returns after the handler */
    return (void *)(intptr_t)(atomic_load(&rt_tid) == my_tid());
}

int main(void)
{
    struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
    pthread_t t[WORKERS], w;
    sigset_t set;
    void *waited;

    sigaction(SIGUSR1, &sa, NULL);
    signal(SIGUSR2, on_usr2);
    signal(SIGRTMIN + 1, on_rt);
    /* Main and new threads block SIGUSR2 and the real-time signal. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGRTMIN + 1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    for (intptr_t i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, spinner, (void *)i);
    pthread_create(&w, NULL, waiter, NULL);
    while (atomic_load(&ready) < WORKERS)
        sched_yield();

    pthread_kill(t[1], SIGUSR1);
    while (!atomic_load(&handled_on[1]))
        sched_yield();
    printf("SIGUSR1 to worker 1: handled there %s, elsewhere %s\n",
           handled_on[1] == worker_tid[1] ? "yes" : "no",
           handled_on[0] || handled_on[2] ? "yes" : "no");

    kill(getpid(), SIGUSR2);
    while (!atomic_load(&got_usr2))
        sched_yield();
    printf("SIGUSR2 to the process: taken by worker 0: %s\n",
           usr2_tid == worker_tid[0] ? "yes" : "no");

    while (!atomic_load(&waiter_ready))
        sched_yield();
    kill(getpid(), SIGRTMIN + 1);
    pthread_join(w, &waited);
    printf("real-time signal handled by the thread in sigsuspend: %s\n",
           waited ? "yes" : "no");

    atomic_store(&stop, 1);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("ok\n");
    return 0;
}
