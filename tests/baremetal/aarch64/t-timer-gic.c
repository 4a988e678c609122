/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interrupts: the EL1 virtual timer (PPI 27) through the GIC, taken at
 * the IRQ vector while the CPU sleeps in WFI, acknowledged and ended at
 * the CPU interface; a software-generated interrupt to the CPU itself;
 * masked interrupts stay pending until PSTATE.I is cleared.  Works with
 * GICv2 (memory-mapped CPU interface) and GICv3 (system registers, the
 * redistributor woken first), chosen by ID_AA64PFR0_EL1.GIC, with the
 * same output for both.
 */
#include "lib.h"

#define GICD 0x08000000ull
#define GICC 0x08010000ull
#define GICR 0x080a0000ull
#define SGI_BASE (GICR + 0x10000)
#define TIMER_IRQ 27

static bool v3;
static volatile unsigned ticks, sgis, spurious;

static uint32_t ack(void)
{
    if (v3) {
        uint64_t v;
        __asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(v));     /* ICC_IAR1_EL1 */
        return (uint32_t)v;
    }
    return mmio_read32(GICC + 0xc);
}

static void eoi(uint32_t iar)
{
    if (v3)
        __asm__ volatile("msr S3_0_C12_C12_1, %0" :: "r"((uint64_t)iar));   /* ICC_EOIR1_EL1 */
    else
        mmio_write32(GICC + 0x10, iar);
}

static void send_sgi_self(unsigned id)
{
    if (v3) {
        /* ICC_SGI1R_EL1: target list bit 0 (Aff0 0), Aff1-3 0, INTID. */
        __asm__ volatile("msr S3_0_C12_C11_5, %0" :: "r"((uint64_t)id << 24 | 1));
        isb();
    } else {
        mmio_write32(GICD + 0xf00, 2u << 24 | id);                /* to self */
    }
}

void exception(struct frame *f, unsigned kind)
{
    (void)f;
    if (kind != 5) {
        printf("unexpected exception kind %u ESR %lx\n", kind, read_sysreg(esr_el1));
        system_off();
    }
    uint32_t iar = ack(), id = iar & 0x3ff;
    if (id == TIMER_IRQ) {
        ticks++;
        if (ticks < 3)
            write_sysreg(cntv_tval_el0, read_sysreg(cntfrq_el0) / 200);   /* 5 ms */
        else
            write_sysreg(cntv_ctl_el0, 0);
        isb();
    } else if (id < 16) {
        sgis++;
    } else if (id >= 1020) {
        spurious++;
        return;
    }
    eoi(iar);
}

static void gic_init(void)
{
    v3 = ((read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf) != 0;
    if (v3) {
        /* Wake the redistributor, group 1 for SGI 1 and the timer. */
        mmio_write32(GICR + 0x14, mmio_read32(GICR + 0x14) & ~2u);
        while (mmio_read32(GICR + 0x14) & 4)
            ;
        mmio_write32(GICD, 1u << 4 | 1u << 1);             /* ARE, EnableGrp1 */
        mmio_write32(SGI_BASE + 0x80, 1u << TIMER_IRQ | 1u << 1);
        mmio_write32(SGI_BASE + 0x400 + 24, 0x80u << 24);  /* priority of 27 */
        mmio_write32(SGI_BASE + 0x400, 0x80u << 8);        /* priority of 1 */
        mmio_write32(SGI_BASE + 0x100, 1u << TIMER_IRQ | 1u << 1);
        __asm__ volatile("msr S3_0_C12_C12_5, %0" :: "r"(7ull));       /* ICC_SRE_EL1 */
        isb();
        __asm__ volatile("msr S3_0_C4_C6_0, %0" :: "r"(0xffull));      /* ICC_PMR_EL1 */
        __asm__ volatile("msr S3_0_C12_C12_7, %0" :: "r"(1ull));       /* ICC_IGRPEN1_EL1 */
        isb();
    } else {
        mmio_write32(GICD, 1);
        mmio_write32(GICD + 0x400 + 24, 0x80u << 24);
        mmio_write32(GICD + 0x400, 0x80u << 8);
        mmio_write32(GICD + 0x100, 1u << TIMER_IRQ | 1u << 1);
        mmio_write32(GICC + 4, 0xff);
        mmio_write32(GICC, 1);
    }
}

int main(void)
{
    gic_init();
    printf("GIC ready, counter frequency nonzero %d\n", read_sysreg(cntfrq_el0) != 0);
    write_sysreg(cntv_tval_el0, read_sysreg(cntfrq_el0) / 200);
    write_sysreg(cntv_ctl_el0, 1);
    isb();
    __asm__ volatile("msr daifclr, #2");
    while (ticks < 3)
        __asm__ volatile("wfi");
    printf("timer interrupts %u, CTL %lx\n", ticks, read_sysreg(cntv_ctl_el0));

    /* A masked SGI waits for PSTATE.I to clear. */
    __asm__ volatile("msr daifset, #2");
    send_sgi_self(1);
    for (volatile int i = 0; i < 10000; i++)
        ;
    printf("masked: SGIs taken %u, ISR.I %lu\n", sgis, (read_sysreg(isr_el1) >> 7) & 1);
    __asm__ volatile("msr daifclr, #2");
    isb();
    for (volatile int i = 0; i < 10000 && !sgis; i++)
        ;
    printf("unmasked: SGIs taken %u\n", sgis);
    return 0;
}
