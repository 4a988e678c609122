/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Cross-thread self-modifying code: a writer thread rewrites the
 * instruction "mov w0, #k" of a function in an RWX page for k = 1..N
 * (cache maintenance, then publishing k with a release store) while a
 * runner thread keeps calling the function.  After it reads k (acquire)
 * and an ISB, the runner must see code at least as new as k: the value
 * never goes backwards and never lags behind what was published.  Then
 * both threads run code from two pages each rewrites in turn.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

#define N 2000
#define MOVZ_W0(imm) (0x52800000u | ((uint32_t)(imm) << 5))
#define RET 0xd65f03c0u

static uint32_t *code;
static _Atomic int published;
static _Atomic int done;
static long lagging, backwards, calls;

static void set_value(uint32_t *fn, int k)
{
    fn[0] = MOVZ_W0(k);
    __builtin___clear_cache((char *)fn, (char *)(fn + 2));
}

static void *writer(void *arg)
{
    (void)arg;
    for (int k = 1; k <= N; k++) {
        set_value(code, k);
        atomic_store_explicit(&published, k, memory_order_release);
        /* Let the runner see most values. */
        while (atomic_load(&published) == k && calls < (long)k * 3 && !atomic_load(&done))
            ;
    }
    atomic_store(&done, 1);
    return NULL;
}

static void *runner(void *arg)
{
    int (*fn)(void) = (int (*)(void))(uintptr_t)code;
    int last = 0;
    (void)arg;

    while (!atomic_load(&done) || last < N) {
        int k = atomic_load_explicit(&published, memory_order_acquire);
        __asm__ volatile("isb" ::: "memory");
        int v = fn();
        if (v < k)
            lagging++;
        if (v < last)
            backwards++;
        last = v;
        calls++;
    }
    return NULL;
}

/* Each thread owns one page and rewrites it between calls of its code. */
static void *own_page(void *arg)
{
    uint32_t *fn = arg;
    int (*call)(void) = (int (*)(void))(uintptr_t)fn;
    long bad = 0;

    for (int k = 0; k < 500; k++) {
        set_value(fn, k);
        if (call() != k)
            bad++;
    }
    return (void *)bad;
}

int main(void)
{
    pthread_t w, r, a, b;
    void *bad_a, *bad_b;
    uint32_t *pages = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (pages == MAP_FAILED)
        return printf("mmap failed\n"), 1;
    code = pages;
    code[1] = RET;
    set_value(code, 0);
    pthread_create(&r, NULL, runner, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(w, NULL);
    pthread_join(r, NULL);
    printf("shared page: lagging %ld, backwards %ld, final %d\n", lagging, backwards,
           ((int (*)(void))(uintptr_t)code)());

    pages[1024 + 1] = RET;
    pages[2048 + 1] = RET;
    pthread_create(&a, NULL, own_page, pages + 1024);
    pthread_create(&b, NULL, own_page, pages + 2048);
    pthread_join(a, &bad_a);
    pthread_join(b, &bad_b);
    printf("own pages: wrong results %ld %ld\n", (long)bad_a, (long)bad_b);
    return 0;
}
