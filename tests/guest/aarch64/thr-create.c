/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Thread creation and results: pthread_create/join with values handed in
 * and out, pthread_exit from a thread, detached threads reporting through
 * a semaphore, C11 thrd_create/thrd_join, distinct thread ids, and TLS
 * (TPIDR_EL0 is per thread): an initialised _Thread_local, a zeroed
 * __thread array and the address of each, checked per thread.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <threads.h>
#include <unistd.h>

#define N 8

static _Thread_local int tls_init = 1234;
static __thread uint64_t tls_array[16];
static pid_t tids[N + 1];
static uintptr_t tls_addrs[N + 1];
static sem_t detached_done;
static int detached_sum;
static pthread_mutex_t sum_lock = PTHREAD_MUTEX_INITIALIZER;

/* Each thread works on its own TLS and returns a value derived from it. */
static uint64_t tls_work(int id)
{
    uint64_t sum = 0;

    if (tls_init != 1234)
        return 0;
    tls_init += id;
    for (int i = 0; i < 16; i++)
        tls_array[i] += (uint64_t)id * (i + 1);
    for (int i = 0; i < 16; i++)
        sum += tls_array[i];
    return sum + (uint64_t)tls_init;
}

static void *worker(void *arg)
{
    int id = (int)(uintptr_t)arg;

    tids[id] = (pid_t)syscall(SYS_gettid);
    tls_addrs[id] = (uintptr_t)&tls_init;
    uint64_t r = tls_work(id);
    if (id % 2)
        pthread_exit((void *)(uintptr_t)r);    /* same as returning */
    return (void *)(uintptr_t)r;
}

static void *detached(void *arg)
{
    pthread_mutex_lock(&sum_lock);
    detached_sum += (int)(uintptr_t)arg;
    pthread_mutex_unlock(&sum_lock);
    sem_post(&detached_done);
    return NULL;
}

static int c11_worker(void *arg)
{
    return (int)tls_work((int)(intptr_t)arg) & 0x7fff;
}

int main(void)
{
    pthread_t t[N + 1];
    pthread_attr_t attr;
    thrd_t ct[4];
    int distinct = 1;

    tids[0] = (pid_t)syscall(SYS_gettid);
    tls_addrs[0] = (uintptr_t)&tls_init;
    for (int i = 1; i <= N; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)i) != 0)
            return printf("pthread_create failed\n"), 1;
    for (int i = 1; i <= N; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        printf("thread %d: %lu\n", i, (unsigned long)(uintptr_t)ret);
    }
    for (int i = 0; i <= N; i++)
        for (int j = 0; j < i; j++)
            if (tids[i] == tids[j] || tls_addrs[i] == tls_addrs[j])
                distinct = 0;
    printf("distinct tids and TLS blocks: %s\n", distinct ? "yes" : "no");
    printf("main TLS untouched: %d %lu\n", tls_init, (unsigned long)tls_array[3]);

    sem_init(&detached_done, 0, 0);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (int i = 1; i <= 5; i++)
        pthread_create(&t[0], &attr, detached, (void *)(uintptr_t)i);
    for (int i = 1; i <= 5; i++)
        sem_wait(&detached_done);
    printf("detached sum %d\n", detached_sum);

    for (int i = 0; i < 4; i++)
        thrd_create(&ct[i], c11_worker, (void *)(intptr_t)(i + 10));
    for (int i = 0; i < 4; i++) {
        int r;
        thrd_join(ct[i], &r);
        printf("c11 thread %d: %d\n", i, r);
    }
    printf("ok\n");
    return 0;
}
