/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by thr-atomic-lse.c (LSE instructions: LDADD, CAS, SWP) and
 * thr-atomic-llsc.c (exclusive pairs: LDXR/STXR loops): 4 threads hammer
 * shared words with C11 atomics -- fetch_add on a 64-bit and a 32-bit
 * counter, fetch_or/fetch_and of per-thread bits, a compare-exchange
 * loop, and a spin lock made of atomic_flag (test-and-set) protecting a
 * plain counter -- and the totals must be exact.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define THREADS 4
#define ROUNDS 30000

static _Atomic uint64_t add64;
static _Atomic uint32_t add32;
static _Atomic uint64_t cas64;
static _Atomic uint64_t bits;
static atomic_flag spin = ATOMIC_FLAG_INIT;
static uint64_t plain;
static _Atomic int start_gate;

static void *hammer(void *arg)
{
    unsigned id = (unsigned)(uintptr_t)arg;

    atomic_fetch_add(&start_gate, 1);
    while (atomic_load(&start_gate) < THREADS)
        ;                                  /* start together: contention */
    for (int i = 0; i < ROUNDS; i++) {
        atomic_fetch_add_explicit(&add64, id + 1, memory_order_relaxed);
        atomic_fetch_add(&add32, 1);
        uint64_t seen = atomic_load_explicit(&cas64, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&cas64, &seen, seen + 2))
            ;
        atomic_fetch_or(&bits, 1ull << (id * 8 + (i & 7)));
        if ((i & 1023) == 1023)
            atomic_fetch_and(&bits, ~(0xffull << (id * 8)));
        while (atomic_flag_test_and_set_explicit(&spin, memory_order_acquire))
            ;
        plain++;
        atomic_flag_clear_explicit(&spin, memory_order_release);
    }
    atomic_fetch_or(&bits, 0xffull << (id * 8));
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];

    for (uintptr_t i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, hammer, (void *)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("add64 %lu (want %lu)\n", (unsigned long)add64,
           (unsigned long)ROUNDS * (1 + 2 + 3 + 4));
    printf("add32 %u (want %u)\n", (unsigned)add32, (unsigned)ROUNDS * THREADS);
    printf("cas64 %lu (want %lu)\n", (unsigned long)cas64, 2ul * ROUNDS * THREADS);
    printf("bits %#lx\n", (unsigned long)bits);
    printf("spin-locked %lu (want %lu)\n", (unsigned long)plain,
           (unsigned long)ROUNDS * THREADS);
    return 0;
}
