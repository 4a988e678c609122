/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARM Generic Interrupt Controller, architecture versions 2 and 3 (IHI
 * 0048B, IHI 0069), as the virt board has them: no security extensions
 * (GICD_CTLR.DS = 1 on v3), 256 SPIs, 8 priority bits on v2 and 5 on v3
 * (ICC_CTLR_EL1.PRIbits = 4, as QEMU's, so one AP0R/AP1R register).
 *
 * gic-core.c holds the state both versions share and the pending/priority
 * logic: which interrupt each CPU interface signals, acknowledge,
 * priority drop (EOI) and deactivation.  gicv2.c maps the v2 distributor
 * and the banked CPU interface as MMIO; gicv3.c the v3 distributor and one
 * redistributor per CPU as MMIO, plus the system-register CPU interface
 * (ICC_*_EL1) as functions the CPU layer calls from its MSR/MRS handlers:
 * gicv3_sysreg_access() by instruction encoding, or gicv3_sysreg_read() /
 * gicv3_sysreg_write() by name.
 *
 * Inputs (SysIrq, QEMU's order): SPIs 0..nspi-1 first (gic_spi(g, n) is
 * INTID 32+n), then 32 private inputs per CPU indexed by INTID
 * (gic_ppi(g, cpu, 30) is the EL1 physical timer).  Outputs: per CPU an
 * IRQ and a FIQ line (GicCpu.irq_out/fiq_out) the board wires to the vCPU.
 */
#ifndef GUISE_HW_GIC_H
#define GUISE_HW_GIC_H

#include <stdbool.h>
#include <stdint.h>
#include "system/irq.h"
#include "system/memory.h"

#define GIC_MAX_CPUS 16
#define GIC_NR_IRQS 288             /* 32 private + 256 SPIs */
#define GIC_NR_SPIS (GIC_NR_IRQS - 32)
#define GIC_SPURIOUS 1023

typedef struct GicIrq {
    uint8_t prio;
    bool enabled, pending, active, level, edge, group1, grpmod;
} GicIrq;

typedef struct GicCpu {
    GicIrq priv[32];                /* SGIs and PPIs: banked */
    uint8_t sgi_sources[16];        /* v2: CPUs with the SGI pending */
    uint8_t pmr, bpr, abpr;
    uint32_t ctlr;                  /* v2 GICC_CTLR; v3 ICC_CTLR_EL1 EOImode */
    bool grpen0, grpen1;            /* v3 ICC_IGRPEN0/1_EL1 */
    bool sleep;                     /* v3 GICR_WAKER.ProcessorSleep */
    uint16_t stack_irq[48];         /* active priorities, in ack order */
    uint8_t stack_prio[48];
    int depth;
    const SysIrq *irq_out, *fiq_out;
    int irq_level, fiq_level;
    uint64_t affinity;              /* MPIDR Aff3.Aff2.Aff1.Aff0 (v3) */
} GicCpu;

typedef struct Gic {
    int version;                    /* 2 or 3 */
    unsigned ncpu;
    bool grp0_en, grp1_en;          /* distributor enables */
    GicIrq spi[GIC_NR_SPIS];
    uint8_t target[GIC_NR_SPIS];    /* v2 ITARGETSR */
    uint64_t route[GIC_NR_SPIS];    /* v3 IROUTER */
    GicCpu cpu[GIC_MAX_CPUS];
    SysIrq in[GIC_NR_SPIS + 32 * GIC_MAX_CPUS];
} Gic;

/* v3 CPU-interface registers reachable through gicv3_sysreg_*. */
typedef enum GicSysreg {
    ICC_PMR_EL1, ICC_IAR0_EL1, ICC_IAR1_EL1, ICC_EOIR0_EL1, ICC_EOIR1_EL1,
    ICC_HPPIR0_EL1, ICC_HPPIR1_EL1, ICC_BPR0_EL1, ICC_BPR1_EL1, ICC_DIR_EL1,
    ICC_RPR_EL1, ICC_CTLR_EL1, ICC_SRE_EL1, ICC_IGRPEN0_EL1, ICC_IGRPEN1_EL1,
    ICC_SGI0R_EL1, ICC_SGI1R_EL1, ICC_ASGI1R_EL1, ICC_AP0R0_EL1, ICC_AP1R0_EL1,
} GicSysreg;

/* Core (gic-core.c). */
void gic_core_init(Gic *g, int version, unsigned ncpu);
void gic_reset(void *opaque);
static inline const SysIrq *gic_spi(Gic *g, unsigned n) { return &g->in[n]; }
static inline const SysIrq *gic_ppi(Gic *g, unsigned cpu, unsigned intid)
{
    return &g->in[GIC_NR_SPIS + cpu * 32 + intid];
}
/* The state of intid as seen by cpu (private ones are banked). */
GicIrq *gic_irq(Gic *g, unsigned cpu, unsigned intid);
bool gic_is_pending(Gic *g, unsigned cpu, unsigned intid);
/* Recomputes every CPU's IRQ/FIQ outputs. */
void gic_update(Gic *g);
/* Highest-priority interrupt cpu would take (no side effect) or 1023. */
unsigned gic_highest_pending(Gic *g, unsigned cpu, uint8_t *prio);
/* Acknowledge (IAR): returns INTID (v2: source CPU in bits 12:10), 1023. */
uint32_t gic_acknowledge(Gic *g, unsigned cpu, int group);
/* EOI: priority drop, and deactivation unless EOImode is split. */
void gic_end_of_interrupt(Gic *g, unsigned cpu, uint32_t intid, bool deactivate);
void gic_deactivate(Gic *g, unsigned cpu, uint32_t intid);
/* Running priority of cpu (0xff when idle). */
uint8_t gic_running_priority(const Gic *g, unsigned cpu);
/* Makes intid pending on targets (SGIs from source). */
void gic_send_sgi(Gic *g, unsigned source, unsigned target, unsigned intid);

/*
 * Distributor registers common to v2 and v3: one row per register block
 * (bits per interrupt, accessors); byte-granular.  Returns false if off
 * is none of them.
 */
bool gic_dist_common_read(Gic *g, unsigned cpu, hwaddr off, unsigned size,
                          uint64_t *val, unsigned first_irq, unsigned nirq);
bool gic_dist_common_write(Gic *g, unsigned cpu, hwaddr off, unsigned size,
                           uint64_t val, unsigned first_irq, unsigned nirq);

/* GICv2 (gicv2.c): distributor at dist (4 KiB used of 64), CPU interface at cpuif. */
int gicv2_init(Gic *g, SysAddressSpace *as, hwaddr dist, hwaddr cpuif, unsigned ncpu);
/* GICv3 (gicv3.c): distributor 64 KiB, redistributors 128 KiB each from redist. */
int gicv3_init(Gic *g, SysAddressSpace *as, hwaddr dist, hwaddr redist, unsigned ncpu);
uint64_t gicv3_sysreg_read(Gic *g, unsigned cpu, GicSysreg reg);
void gicv3_sysreg_write(Gic *g, unsigned cpu, GicSysreg reg, uint64_t val);

/* An ICC_* register by its MRS/MSR encoding (instruction bits 20:5). */
#define GIC_ICC_KEY(op0, op1, crn, crm, op2) \
    ((uint32_t)(op0) << 14 | (uint32_t)(op1) << 11 | (uint32_t)(crn) << 7 | \
     (uint32_t)(crm) << 3 | (uint32_t)(op2))
/*
 * MRS (write false) or MSR of the register with that key: false when it is
 * not a CPU-interface register or the direction is not allowed (reading a
 * write-only one, writing a read-only one): the instruction is UNDEFINED.
 */
bool gicv3_sysreg_access(Gic *g, unsigned cpu, uint32_t key, bool write, uint64_t *val);

#endif
