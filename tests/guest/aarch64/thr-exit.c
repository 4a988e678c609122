/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main thread leaves with pthread_exit while other threads still
 * run: the process lives on until the last thread ends, and its exit
 * status is the main thread's (0), whatever the last thread passes to
 * pthread_exit.  Each worker waits for the main thread to be gone: its
 * thread-id word is cleared (CLONE_CHILD_CLEARTID) when it exits.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static pthread_t main_thread;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_cond = PTHREAD_COND_INITIALIZER;
static int order;

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;

    /* Joining the exited main thread returns once it is gone. */
    if (id == 1) {
        void *r;
        int e = pthread_join(main_thread, &r);
        printf("worker 1 joined main: %d, value %ld\n", e, (long)(intptr_t)r);
        fflush(stdout);
    }
    /* Worker 1 goes first, having seen main gone; then 2, then 3. */
    pthread_mutex_lock(&out_lock);
    while (order != id - 1)
        pthread_cond_wait(&turn_cond, &out_lock);
    printf("worker %d still running after main exited (%d)\n", id, ++order);
    fflush(stdout);
    pthread_cond_broadcast(&turn_cond);
    pthread_mutex_unlock(&out_lock);
    pthread_exit((void *)(intptr_t)(40 + id));
}

int main(void)
{
    pthread_t t;

    main_thread = pthread_self();
    for (intptr_t i = 1; i <= 3; i++)
        pthread_create(&t, NULL, worker, (void *)i);
    printf("main exits\n");
    fflush(stdout);
    pthread_exit((void *)7);
}
