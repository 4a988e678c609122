/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_LSE2 single-copy atomicity of 16-byte accesses (Arm ARM B2.2.1):
 * an LDP/STP of two X registers aligned to 16 bytes, and an LDR/STR of a
 * Q register aligned to 16 bytes, are single-copy atomic.  A writer
 * thread stores pairs of equal 64-bit values (STP Xn, Xn; STR Qn of a
 * duplicated value); the main thread loads them (LDP; LDR Q) and counts
 * pairs whose halves differ, which an emulator doing two 8-byte accesses
 * shows within a few thousand iterations on a multi-core host.  Each
 * phase loads for 0.3 s once the writer runs (at most 100,000,000 times),
 * so the IR interpreter, much slower, checks fewer loads in the same time.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static _Alignas(16) volatile uint64_t cell[2];
static volatile int stop;
static int use_q;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *writer(void *arg)
{
    uint64_t v = 1;

    (void)arg;
    while (!stop) {
        for (int i = 0; i < 256; i++, v += 0x0101010101010101ull) {
            if (use_q)
                __asm__ volatile("dup v0.2d, %0\n str q0, [%1]"
                                 : : "r"(v), "r"(cell) : "v0", "memory");
            else
                __asm__ volatile("stp %0, %0, [%1]" : : "r"(v), "r"(cell) : "memory");
        }
    }
    return NULL;
}

/* Loads until the limit; the number of torn pairs seen. */
static long reader(void)
{
    long torn = 0;
    double end;

    while (cell[0] == 0)
        ;   /* the writer runs */
    end = now() + 0.3;
    for (long n = 0; n < 100000000; n++) {
        uint64_t x, y;
        if (use_q)
            __asm__ volatile("ldr q1, [%2]\n mov %0, v1.d[0]\n mov %1, v1.d[1]"
                             : "=r"(x), "=r"(y) : "r"(cell) : "v1", "memory");
        else
            __asm__ volatile("ldp %0, %1, [%2]" : "=r"(x), "=r"(y) : "r"(cell) : "memory");
        torn += x != y;
        if ((n & 0xffff) == 0 && now() > end)
            break;
    }
    return torn;
}

static void phase(const char *what, int q)
{
    pthread_t t;

    use_q = q;
    stop = 0;
    cell[0] = cell[1] = 0;
    if (pthread_create(&t, NULL, writer, NULL)) {
        printf("pthread_create failed\n");
        return;
    }
    long torn = reader();
    stop = 1;
    pthread_join(t, NULL);
    printf("%s: %s\n", what, torn ? "TORN reads seen" : "no torn reads");
}

int main(void)
{
    phase("ldp/stp x, 16-byte aligned", 0);
    phase("ldr/str q, 16-byte aligned", 1);
    return 0;
}
