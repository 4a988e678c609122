/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Threads: four POSIX threads (clone with CLONE_SETTLS and futexes
 * underneath) each add to a shared counter 50000 times with an atomic
 * add, 20000 times under a mutex and 20000 times through a compare-and-
 * swap loop, keep a _Thread_local tally (TPIDR_EL0), and hand results back
 * through pthread_join; then a condition variable ping-pong between two
 * threads.  The totals are exact whatever the interleaving.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define THREADS 4
#define ATOMIC_ADDS 50000
#define LOCKED_ADDS 20000
#define CAS_ADDS 20000
#define PINGS 2000

static uint64_t atomic_counter, locked_counter, cas_counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local unsigned long tally;

static void *worker(void *arg)
{
    uintptr_t id = (uintptr_t)arg;
    for (int i = 0; i < ATOMIC_ADDS; i++) {
        __atomic_fetch_add(&atomic_counter, id, __ATOMIC_RELAXED);
        tally++;
    }
    for (int i = 0; i < LOCKED_ADDS; i++) {
        pthread_mutex_lock(&lock);
        locked_counter += id;
        pthread_mutex_unlock(&lock);
        tally++;
    }
    for (int i = 0; i < CAS_ADDS; i++) {
        uint64_t seen = __atomic_load_n(&cas_counter, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_counter, &seen, seen + id, 1,
                                            __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            ;
        tally++;
    }
    return (void *)(uintptr_t)(tally * 10 + id);
}

static pthread_mutex_t pp_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pp_cond = PTHREAD_COND_INITIALIZER;
static int turn, pp_rounds;

/* Two threads take turns: each waits for its turn, then passes it on. */
static void *ping_pong(void *arg)
{
    int me = (int)(uintptr_t)arg;
    for (int i = 0; i < PINGS; i++) {
        pthread_mutex_lock(&pp_lock);
        while (turn != me)
            pthread_cond_wait(&pp_cond, &pp_lock);
        pp_rounds++;
        turn = !me;
        pthread_cond_broadcast(&pp_cond);
        pthread_mutex_unlock(&pp_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    unsigned long results[THREADS];
    uint64_t want = 0;

    for (uintptr_t i = 0; i < THREADS; i++) {
        if (pthread_create(&t[i], NULL, worker, (void *)(i + 1)) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
        want += i + 1;
    }
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        results[i] = (unsigned long)(uintptr_t)r;
    }
    for (int i = 0; i < THREADS; i++)
        printf("thread %d returned %lu\n", i + 1, results[i]);
    printf("main thread tally %lu\n", tally);
    printf("atomic %llu (want %llu)\n", (unsigned long long)atomic_counter,
           (unsigned long long)(want * ATOMIC_ADDS));
    printf("locked %llu (want %llu)\n", (unsigned long long)locked_counter,
           (unsigned long long)(want * LOCKED_ADDS));
    printf("cas %llu (want %llu)\n", (unsigned long long)cas_counter,
           (unsigned long long)(want * CAS_ADDS));

    pthread_t a, b;
    pthread_create(&a, NULL, ping_pong, (void *)0);
    pthread_create(&b, NULL, ping_pong, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("ping-pong rounds %d, final turn %d\n", pp_rounds, turn);

    int ok = atomic_counter == want * ATOMIC_ADDS &&
             locked_counter == want * LOCKED_ADDS &&
             cas_counter == want * CAS_ADDS && pp_rounds == 2 * PINGS;
    printf("%s\n", ok ? "ok" : "FAIL");
    return !ok;
}
