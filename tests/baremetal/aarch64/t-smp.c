/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Several CPUs: the secondaries started by PSCI CPU_ON with a context
 * argument, AFFINITY_INFO, and shared memory between them: a counter
 * under a spinlock of exclusive loads and stores (LDAXR/STLXR), and one
 * updated with an LSE atomic (LDADD), both exact at the end.  Run with
 * -smp 2 and -smp 4.
 */
#include "lib.h"

#define ROUNDS 20000

extern char _start[];
static volatile uint64_t started[8], done;
static uint64_t lock_word, locked_count, atomic_count;

static void lock(void)
{
    uint64_t tmp, one = 1;
    __asm__ volatile(
        "1: ldaxr %0, [%1]\n"
        "   cbnz %0, 1b\n"
        "   stxr %w0, %2, [%1]\n"
        "   cbnz %w0, 1b\n"
        : "=&r"(tmp) : "r"(&lock_word), "r"(one) : "memory");
}

static void unlock(void)
{
    __asm__ volatile("stlr xzr, [%0]" :: "r"(&lock_word) : "memory");
}

static void work(void)
{
    for (unsigned i = 0; i < ROUNDS; i++) {
        lock();
        locked_count++;
        unlock();
        __asm__ volatile("ldadd %0, xzr, [%1]" :: "r"(1ull), "r"(&atomic_count) : "memory");
    }
    __asm__ volatile("ldaddal %0, xzr, [%1]" :: "r"(1ull), "r"(&done) : "memory");
}

void secondary_main(uint64_t arg)
{
    started[read_sysreg(mpidr_el1) & 0xff] = arg;
    work();
    for (;;)
        __asm__ volatile("wfi");
}

int main(void)
{
    unsigned n = 0;

    for (unsigned cpu = 1; cpu < 8; cpu++) {
        int64_t r = (int64_t)psci(PSCI_CPU_ON, cpu, (uint64_t)_start, 0x100 + cpu);
        if (r == -2)                  /* INVALID_PARAMETERS: no such CPU */
            break;
        if (r != 0) {
            printf("CPU_ON %u failed: %ld\n", cpu, r);
            return 0;
        }
        n++;
    }
    printf("started %u secondary CPUs\n", n);
    work();
    while (done < n + 1)
        __asm__ volatile("yield");
    for (unsigned cpu = 1; cpu <= n; cpu++)
        printf("CPU %u got context %lx, affinity info %ld\n", cpu, started[cpu],
               (int64_t)psci(PSCI_AFFINITY_INFO, cpu, 0, 0));
    printf("CPU_ON of a running CPU: %ld\n", (int64_t)psci(PSCI_CPU_ON, 1, (uint64_t)_start, 0));
    printf("locked count %s, atomic count %s\n",
           locked_count == (n + 1) * (uint64_t)ROUNDS ? "exact" : "WRONG",
           atomic_count == (n + 1) * (uint64_t)ROUNDS ? "exact" : "WRONG");
    return 0;
}
