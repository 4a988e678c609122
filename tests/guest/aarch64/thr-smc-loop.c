/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A thread spinning in a loop that is its own whole block ("add x0, x0,
 * #1; b 0b" in an RWX page) while another thread rewrites the loop's
 * first instruction into RET: the spinning thread must leave the loop
 * (the translator keeps such a loop in host code that jumps to itself, and
 * has to notice that its guest code changed).  Then the same with a
 * conditional loop whose exit test the writer turns around.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

#define RET 0xd65f03c0u

static uint32_t *code;
static _Atomic int started;

static void *spin(void *arg)
{
    uint64_t (*fn)(void) = (uint64_t (*)(void))arg;
    atomic_store(&started, 1);
    return (void *)(uintptr_t)fn();
}

static void pause_ms(long ms)
{
    struct timespec ts = { 0, ms * 1000000 };
    nanosleep(&ts, NULL);
}

/* Start fn on a thread, wait until it spins, store insn at *at, and join. */
static uint64_t run(uint32_t *fn, uint32_t *at, uint32_t insn)
{
    pthread_t t;
    void *ret;

    atomic_store(&started, 0);
    __builtin___clear_cache((char *)fn, (char *)(fn + 8));
    if (pthread_create(&t, NULL, spin, fn) != 0)
        return 0;
    while (!atomic_load(&started))
        pause_ms(1);
    pause_ms(50);
    __atomic_store_n(at, insn, __ATOMIC_RELEASE);
    __builtin___clear_cache((char *)at, (char *)(at + 1));
    pthread_join(t, &ret);
    return (uint64_t)(uintptr_t)ret;
}

int main(void)
{
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS,
                -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    /* 1: mov x0, #0 ; 0: add x0, x0, #1 ; b 0b */
    code[0] = 0xd2800000u;
    code[1] = 0x91000400u;
    code[2] = 0x17ffffffu;
    uint64_t n = run(code, &code[1], RET);
    printf("unconditional loop left: %s\n", n > 0 ? "yes" : "no");

    /* 2: mov x0, #0 ; mov x1, #-1 ; 0: add x0, x0, #1 ; cmp x0, x1 ;
     * b.ne 0b ; ret -- the writer makes the compare "cmp x1, x1" */
    uint32_t *f = code + 16;
    f[0] = 0xd2800000u;
    f[1] = 0x92800001u;
    f[2] = 0x91000400u;
    f[3] = 0xeb01001fu;
    f[4] = 0x54ffffc1u;
    f[5] = RET;
    n = run(f, &f[3], 0xeb01003fu);
    printf("conditional loop left: %s\n", n > 0 ? "yes" : "no");
    return 0;
}
