/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The little library of the bare-metal tests: PL011 output, a printf with
 * %d %u %x %lx %s %c, PSCI calls through HVC, system register access,
 * and the exception frame crt0.S builds.  The virt machine's addresses
 * are QEMU's (UART 0x09000000, GIC distributor 0x08000000, CPU interface
 * 0x08010000, RAM from 0x40000000).
 */
#ifndef BAREMETAL_LIB_H
#define BAREMETAL_LIB_H

#include <stdbool.h>
#include <stdint.h>

struct frame {
    uint64_t x[31];
    uint64_t sp_el0, elr, spsr;
};

/* Called by the vectors: kind 0-15 as the vector table orders them
 * (4 = synchronous from the current EL with SP_ELx, 5 = IRQ ...). */
void exception(struct frame *f, unsigned kind);
/* Tests define these; a return from either powers off. */
int main(void);
void secondary_main(uint64_t arg);

void putc_uart(char c);
void puts_uart(const char *s);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

uint64_t psci(uint64_t fn, uint64_t a, uint64_t b, uint64_t c);
void system_off(void) __attribute__((noreturn));
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_ON 0xc4000003u
#define PSCI_AFFINITY_INFO 0xc4000004u
#define PSCI_SYSTEM_OFF 0x84000008u

#define read_sysreg(r) ({ uint64_t v_; __asm__ volatile("mrs %0, " #r : "=r"(v_)); v_; })
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" :: "r"((uint64_t)(v)))
#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb() __asm__ volatile("dsb sy" ::: "memory")

static inline void mmio_write32(uint64_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline uint32_t mmio_read32(uint64_t a) { return *(volatile uint32_t *)a; }

/* A xorshift generator, for tests that want reproducible randomness. */
static inline uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#endif
