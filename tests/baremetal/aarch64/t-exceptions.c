/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Synchronous exceptions taken to EL1 from EL1: SVC and BRK with their
 * immediates in ESR, an undefined instruction (EC 0), an alignment fault
 * under SCTLR_EL1.A, the saved ELR/SPSR and returning past the faulting
 * instruction; PSTATE on entry (DAIF masked, SPSel 1) and after ERET.
 */
#include "lib.h"

static volatile unsigned taken;
static volatile uint64_t expect_far;

void exception(struct frame *f, unsigned kind)
{
    uint64_t esr = read_sysreg(esr_el1);
    uint64_t daif = read_sysreg(daif);

    printf("exception kind %u EC %lx ISS %lx IL %lu", kind, esr >> 26, esr & 0x1ffffff,
           (esr >> 25) & 1);
    if ((esr >> 26) == 0x25)
        printf(" FAR %s", read_sysreg(far_el1) == expect_far ? "right" : "wrong");
    printf(" DAIF %lx SPSel %lu\n", daif >> 6, read_sysreg(spsel));
    /* The return address of SVC is the next instruction already. */
    if ((esr >> 26) != 0x15)
        f->elr += 4;
    f->x[0] = 0x1234;
    taken++;
}

static uint64_t buf[4];

int main(void)
{
    register uint64_t x0 __asm__("x0");

    __asm__ volatile("msr daifclr, #0xf");
    printf("DAIF before %lx\n", read_sysreg(daif) >> 6);
    __asm__ volatile("mov x0, #0\n svc #0x42" : "=r"(x0) :: "memory");
    printf("after SVC x0 %lx taken %u\n", x0, taken);
    __asm__ volatile("mov x0, #0\n brk #0x7" : "=r"(x0) :: "memory");
    printf("after BRK x0 %lx taken %u\n", x0, taken);
    __asm__ volatile("mov x0, #0\n .inst 0x00000000" : "=r"(x0) :: "memory");   /* UDF #0 */
    printf("after UDF x0 %lx taken %u\n", x0, taken);
    /* Unaligned load with alignment checking on. */
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | 2);
    isb();
    volatile uint64_t *p = (volatile uint64_t *)((char *)buf + 3);
    expect_far = (uint64_t)p;
    uint64_t v = *p;
    (void)v;
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) & ~2ull);
    isb();
    printf("after unaligned load taken %u\n", taken);
    printf("DAIF after %lx\n", read_sysreg(daif) >> 6);
    return 0;
}
