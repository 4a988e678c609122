/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Synchronisation under contention (futex underneath): a mutex-protected
 * counter from 6 threads, a bounded queue with two condition variables
 * (3 producers, 3 consumers; every item consumed exactly once), a
 * read-write lock, a barrier that separates phases and a timed wait
 * that times out.  The totals are exact whatever the interleaving.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define WORKERS 6
#define ADDS 20000
#define PRODUCERS 3
#define ITEMS 3000
#define QSIZE 8

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t counter;

static void *adder(void *arg)
{
    (void)arg;
    for (int i = 0; i < ADDS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

/* ---- bounded queue ---- */
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int queue[QSIZE], qhead, qcount;
static int seen[PRODUCERS * ITEMS];

static void *producer(void *arg)
{
    int base = (int)(intptr_t)arg * ITEMS;
    for (int i = 0; i < ITEMS; i++) {
        pthread_mutex_lock(&qlock);
        while (qcount == QSIZE)
            pthread_cond_wait(&not_full, &qlock);
        queue[(qhead + qcount++) % QSIZE] = base + i;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&qlock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    long sum = 0;
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        while (qcount == 0)
            pthread_cond_wait(&not_empty, &qlock);
        int v = queue[qhead];
        qhead = (qhead + 1) % QSIZE;
        qcount--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&qlock);
        if (v < 0)
            return (void *)sum;
        seen[v]++;
        sum += v;
    }
}

static void put_item(int v)
{
    pthread_mutex_lock(&qlock);
    while (qcount == QSIZE)
        pthread_cond_wait(&not_full, &qlock);
    queue[(qhead + qcount++) % QSIZE] = v;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&qlock);
}

/* ---- rwlock and barrier ---- */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t barrier;
static int shared_table[64];
static long reader_sums[4];

static void *rw_worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int round = 0; round < 200; round++) {
        if (round % 10 == id) {
            pthread_rwlock_wrlock(&rw);
            for (int i = 0; i < 64; i++)
                shared_table[i]++;
            pthread_rwlock_unlock(&rw);
        } else {
            pthread_rwlock_rdlock(&rw);
            int first = shared_table[0];
            for (int i = 1; i < 64; i++)
                if (shared_table[i] != first)
                    reader_sums[id] = -1000000;      /* a torn read */
            pthread_rwlock_unlock(&rw);
        }
    }
    pthread_barrier_wait(&barrier);
    /* After the barrier every write is visible. */
    if (reader_sums[id] == 0)
        reader_sums[id] = shared_table[63];
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS + PRODUCERS];
    long total = 0;

    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, adder, NULL);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("mutex counter %lu (want %d)\n", (unsigned long)counter, WORKERS * ADDS);

    for (int i = 0; i < PRODUCERS; i++)
        pthread_create(&t[i], NULL, producer, (void *)(intptr_t)i);
    for (int i = 0; i < PRODUCERS; i++)
        pthread_create(&t[PRODUCERS + i], NULL, consumer, NULL);
    for (int i = 0; i < PRODUCERS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < PRODUCERS; i++)
        put_item(-1);
    for (int i = 0; i < PRODUCERS; i++) {
        void *r;
        pthread_join(t[PRODUCERS + i], &r);
        total += (long)r;
    }
    int once = 1;
    for (int i = 0; i < PRODUCERS * ITEMS; i++)
        once &= seen[i] == 1;
    printf("queue total %ld (want %ld), each item once: %s\n", total,
           (long)PRODUCERS * ITEMS * (PRODUCERS * ITEMS - 1) / 2, once ? "yes" : "no");

    pthread_barrier_init(&barrier, NULL, 4);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, rw_worker, (void *)(intptr_t)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("rwlock writes %d, readers saw %ld %ld %ld %ld\n", shared_table[0],
           reader_sums[0], reader_sums[1], reader_sums[2], reader_sums[3]);

    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&qlock);
    int r = pthread_cond_timedwait(&not_empty, &qlock, &ts);
    pthread_mutex_unlock(&qlock);
    printf("timed wait: %s\n", r == ETIMEDOUT ? "ETIMEDOUT" : "other");

    printf("ok\n");
    return 0;
}
