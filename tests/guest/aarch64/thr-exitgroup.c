/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * exit_group from a thread other than the main one: exit(3) in a worker
 * ends the whole process with status 3 while the main thread is blocked
 * in pthread_join on a thread that never ends and a third thread spins.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int spin_started;

static void *sleeper(void *arg)
{
    (void)arg;
    for (;;)
        pause();
}

static void *spinner(void *arg)
{
    (void)arg;
    spin_started = 1;
    for (volatile unsigned long i = 0;; i++)
        ;
}

static void *exiter(void *arg)
{
    (void)arg;
    while (!spin_started)
        sched_yield();
    printf("worker calls exit(3)\n");
    exit(3);
}

int main(void)
{
    pthread_t a, b, c;

    pthread_create(&a, NULL, sleeper, NULL);
    pthread_create(&b, NULL, spinner, NULL);
    pthread_create(&c, NULL, exiter, NULL);
    pthread_join(a, NULL);
    printf("not reached\n");
    return 0;
}
