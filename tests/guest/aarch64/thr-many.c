/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Many threads: 1000 short-lived threads created and joined one after
 * the other (thread stacks and ids are recycled, CLONE_CHILD_CLEARTID
 * wakes each join), then a storm of 100 threads alive at once that
 * update shared counters under 4 mutexes and meet at a condition
 * variable before they end, then 200 threads in batches of 50.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define SHORT 1000
#define STORM 100
#define LOCKS 4
#define STORM_ADDS 300

static unsigned long short_sum;
static pthread_mutex_t locks[LOCKS];
static unsigned long counters[LOCKS];
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate = PTHREAD_COND_INITIALIZER;
static int arrived;

static void *short_lived(void *arg)
{
    return (void *)((uintptr_t)arg * 3 + 1);
}

static void *storm(void *arg)
{
    unsigned id = (unsigned)(uintptr_t)arg;

    for (int i = 0; i < STORM_ADDS; i++) {
        unsigned k = (id + (unsigned)i) % LOCKS;
        pthread_mutex_lock(&locks[k]);
        counters[k] += id + 1;
        pthread_mutex_unlock(&locks[k]);
    }
    /* Everybody waits until all have arrived. */
    pthread_mutex_lock(&gate_lock);
    if (++arrived == STORM)
        pthread_cond_broadcast(&gate);
    while (arrived < STORM)
        pthread_cond_wait(&gate, &gate_lock);
    pthread_mutex_unlock(&gate_lock);
    return NULL;
}

int main(void)
{
    static pthread_t t[STORM];
    unsigned long total = 0, want = 0;

    for (uintptr_t i = 0; i < SHORT; i++) {
        void *r;
        pthread_t th;
        if (pthread_create(&th, NULL, short_lived, (void *)i) != 0)
            return printf("create %lu failed\n", (unsigned long)i), 1;
        pthread_join(th, &r);
        short_sum += (uintptr_t)r;
    }
    printf("%d short threads: sum %lu (want %lu)\n", SHORT, short_sum,
           (unsigned long)(3ul * SHORT * (SHORT - 1) / 2 + SHORT));

    for (int k = 0; k < LOCKS; k++)
        pthread_mutex_init(&locks[k], NULL);
    for (uintptr_t i = 0; i < STORM; i++)
        if (pthread_create(&t[i], NULL, storm, (void *)i) != 0)
            return printf("storm create %lu failed\n", (unsigned long)i), 1;
    for (int i = 0; i < STORM; i++)
        pthread_join(t[i], NULL);
    for (int k = 0; k < LOCKS; k++)
        total += counters[k];
    for (unsigned long id = 0; id < STORM; id++)
        want += (id + 1) * STORM_ADDS;
    printf("storm of %d: total %lu (want %lu), all met: %s\n", STORM, total, want,
           arrived == STORM ? "yes" : "no");

    unsigned long batch_sum = 0;
    for (int b = 0; b < 4; b++) {
        for (uintptr_t i = 0; i < 50; i++)
            pthread_create(&t[i], NULL, short_lived, (void *)(i + 50 * b));
        for (int i = 0; i < 50; i++) {
            void *r;
            pthread_join(t[i], &r);
            batch_sum += (uintptr_t)r;
        }
    }
    printf("batches: sum %lu\n", batch_sum);
    printf("ok\n");
    return 0;
}
