/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GICv3 front end (see gic.h): the distributor (IHI 0069 12.9) and one
 * redistributor per CPU (12.10: RD_base then SGI_base, 64 KiB each) as
 * MMIO, and the system-register CPU interface (12.2) as functions.  The
 * GIC has a single security state (GICD_CTLR.DS reads 1) and affinity
 * routing always on (ARE reads 1); no LPIs or ITS yet.
 */
#include <errno.h>
#include "hw/intc/gic.h"
#include "util/log.h"

enum {
    GICD_CTLR = 0x0000, GICD_TYPER = 0x0004, GICD_IIDR = 0x0008,
    GICD_TYPER2 = 0x000c, GICD_IROUTER = 0x6000, GICD_PIDR2 = 0xffe8,
};
enum {
    GICR_CTLR = 0x0000, GICR_IIDR = 0x0004, GICR_TYPER = 0x0008,
    GICR_WAKER = 0x0014, GICR_PIDR2 = 0xffe8, GICR_SGI_BASE = 0x10000,
};
enum { CTLR_ENABLE_G0 = 1, CTLR_ENABLE_G1 = 2, CTLR_ARE = 1 << 4, CTLR_DS = 1 << 6 };

#define GICV3_REDIST_SIZE 0x20000

static unsigned requester_cpu(const Gic *g, SysMemAttrs at)
{
    return at.requester < g->ncpu ? at.requester : 0;
}

static SysMemResult dist_read(void *opaque, hwaddr off, unsigned size,
                              uint64_t *val, SysMemAttrs at)
{
    Gic *g = opaque;

    /* Private interrupts live in the redistributors: RAZ here (ARE=1). */
    if (gic_dist_common_read(g, requester_cpu(g, at), off, size, val, 32, GIC_NR_SPIS))
        return SYS_MEM_OK;
    if (off >= GICD_IROUTER + 8 * 32 && off < GICD_IROUTER + 8 * GIC_NR_IRQS) {
        uint64_t r = g->route[(off - GICD_IROUTER) / 8 - 32];
        *val = off & 4 ? r >> 32 : (size == 8 ? r : (uint32_t)r);
        return SYS_MEM_OK;
    }
    switch (off) {
    case GICD_CTLR:
        *val = g->grp0_en | g->grp1_en << 1 | CTLR_ARE | CTLR_DS;
        break;
    case GICD_TYPER:
        /* ITLinesNumber, IDbits = 15 (16-bit INTIDs). */
        *val = (GIC_NR_IRQS / 32 - 1) | 15u << 19;
        break;
    case GICD_IIDR: *val = 0x0300043b; break;
    case GICD_PIDR2: *val = 0x3b; break;    /* ArchRev 3 */
    default: *val = 0;
    }
    return SYS_MEM_OK;
}

static SysMemResult dist_write(void *opaque, hwaddr off, unsigned size,
                               uint64_t val, SysMemAttrs at)
{
    Gic *g = opaque;

    if (gic_dist_common_write(g, requester_cpu(g, at), off, size, val, 32, GIC_NR_SPIS))
        return SYS_MEM_OK;
    if (off >= GICD_IROUTER + 8 * 32 && off < GICD_IROUTER + 8 * GIC_NR_IRQS) {
        uint64_t *r = &g->route[(off - GICD_IROUTER) / 8 - 32];
        const uint64_t valid = 0xff800000ffffffull & ~0x7f000000ull;
        if (size == 8)
            *r = val & valid;
        else if (off & 4)
            *r = ((*r & 0xffffffffull) | val << 32) & valid;
        else
            *r = ((*r & ~0xffffffffull) | (uint32_t)val) & valid;
        gic_update(g);
        return SYS_MEM_OK;
    }
    if (off == GICD_CTLR) {
        g->grp0_en = val & CTLR_ENABLE_G0;
        g->grp1_en = (val & CTLR_ENABLE_G1) != 0;
        gic_update(g);
        return SYS_MEM_OK;
    }
    log_once(LOG_GUEST_ERROR, 0x3d000000 + off, "gicv3: write to read-only or reserved GICD offset 0x%x\n", (unsigned)off);
    return SYS_MEM_OK;
}

static SysMemResult redist_read(void *opaque, hwaddr off, unsigned size,
                                uint64_t *val, SysMemAttrs at)
{
    Gic *g = opaque;
    unsigned cpu = (unsigned)(off / GICV3_REDIST_SIZE);
    hwaddr r = off % GICV3_REDIST_SIZE;
    GicCpu *c = &g->cpu[cpu];
    (void)at;

    if (cpu >= g->ncpu) {
        *val = 0;
        return SYS_MEM_OK;
    }
    if (r >= GICR_SGI_BASE) {
        if (!gic_dist_common_read(g, cpu, r - GICR_SGI_BASE, size, val, 0, 32))
            *val = 0;
        return SYS_MEM_OK;
    }
    switch (r) {
    case GICR_IIDR: *val = 0x0300043b; break;
    case GICR_TYPER:
    case GICR_TYPER + 4: {
        /* Affinity 63:32, processor number 23:8, Last (bit 4). */
        uint64_t t = (c->affinity & 0xffffff) << 32 | (uint64_t)cpu << 8 |
                     (cpu == g->ncpu - 1 ? 1u << 4 : 0);
        *val = r & 4 ? t >> 32 : (size == 8 ? t : (uint32_t)t);
        break;
    }
    case GICR_WAKER: *val = c->sleep ? 6 : 0; break;    /* ProcessorSleep, ChildrenAsleep */
    case GICR_PIDR2: *val = 0x3b; break;
    default: *val = 0;
    }
    return SYS_MEM_OK;
}

static SysMemResult redist_write(void *opaque, hwaddr off, unsigned size,
                                 uint64_t val, SysMemAttrs at)
{
    Gic *g = opaque;
    unsigned cpu = (unsigned)(off / GICV3_REDIST_SIZE);
    hwaddr r = off % GICV3_REDIST_SIZE;
    (void)at;

    if (cpu >= g->ncpu)
        return SYS_MEM_OK;
    if (r >= GICR_SGI_BASE) {
        gic_dist_common_write(g, cpu, r - GICR_SGI_BASE, size, val, 0, 32);
        return SYS_MEM_OK;
    }
    if (r == GICR_WAKER)
        g->cpu[cpu].sleep = (val & 2) != 0;
    return SYS_MEM_OK;
}

static const SysMemOps dist_ops = { dist_read, dist_write, 1, 8 };
static const SysMemOps redist_ops = { redist_read, redist_write, 1, 8 };

int gicv3_init(Gic *g, SysAddressSpace *as, hwaddr dist, hwaddr redist, unsigned ncpu)
{
    if (!ncpu || ncpu > GIC_MAX_CPUS)
        return -EINVAL;
    gic_core_init(g, 3, ncpu);
    if (!sys_as_add_mmio(as, "gicv3-dist", dist, 0x10000, 0, &dist_ops, g) ||
        !sys_as_add_mmio(as, "gicv3-redist", redist, (uint64_t)GICV3_REDIST_SIZE * ncpu,
                         0, &redist_ops, g))
        return -errno;
    return 0;
}

/* ICC_SGI1R_EL1: TargetList 15:0, Aff1 23:16, INTID 27:24, Aff2 39:32,
 * IRM 40, Aff3 55:48 (IHI 0069 12.2.23). */
static void write_sgi1r(Gic *g, unsigned cpu, uint64_t v)
{
    unsigned intid = v >> 24 & 0xf;
    uint64_t aff = (v >> 16 & 0xff) << 8 | (v >> 32 & 0xff) << 16 | (v >> 48 & 0xff) << 24;
    bool all = v >> 40 & 1;

    for (unsigned t = 0; t < g->ncpu; t++) {
        uint64_t a = g->cpu[t].affinity;
        if (all ? t != cpu : ((a & ~0xffull) == aff && (v & 0xffff) >> (a & 0xf) & 1 && (a & 0xff) < 16))
            gic_send_sgi(g, cpu, t, intid);
    }
}

uint64_t gicv3_sysreg_read(Gic *g, unsigned cpu, GicSysreg reg)
{
    GicCpu *c = &g->cpu[cpu];
    uint8_t prio;

    switch (reg) {
    case ICC_PMR_EL1: return c->pmr;
    case ICC_IAR0_EL1: return gic_acknowledge(g, cpu, 0);
    case ICC_IAR1_EL1: return gic_acknowledge(g, cpu, 1);
    case ICC_HPPIR0_EL1:
    case ICC_HPPIR1_EL1: return gic_highest_pending(g, cpu, &prio);
    case ICC_BPR0_EL1: return c->bpr;
    case ICC_BPR1_EL1: return c->abpr;
    case ICC_RPR_EL1: return gic_running_priority(g, cpu);
    /* PRIbits 10:8 = 4 (5 bits), IDbits 0 (16), EOImode bit 1. */
    case ICC_CTLR_EL1: return (c->ctlr & 2) | 4u << 8;
    case ICC_SRE_EL1: return 7;     /* SRE, DFB, DIB: system registers only */
    case ICC_IGRPEN0_EL1: return c->grpen0;
    case ICC_IGRPEN1_EL1: return c->grpen1;
    case ICC_AP0R0_EL1:
    case ICC_AP1R0_EL1: {
        uint64_t apr = 0;
        for (int i = 0; i < c->depth; i++)
            apr |= 1ull << (c->stack_prio[i] >> 3);
        return (uint32_t)apr;
    }
    default: return 0;              /* write-only registers read as zero */
    }
}

void gicv3_sysreg_write(Gic *g, unsigned cpu, GicSysreg reg, uint64_t v)
{
    GicCpu *c = &g->cpu[cpu];

    switch (reg) {
    case ICC_PMR_EL1: c->pmr = (uint8_t)(v & 0xf8); break;
    case ICC_EOIR0_EL1:
    case ICC_EOIR1_EL1:
        gic_end_of_interrupt(g, cpu, (uint32_t)v & 0xffffff, !(c->ctlr & 2));
        return;
    case ICC_DIR_EL1: gic_deactivate(g, cpu, (uint32_t)v & 0xffffff); return;
    case ICC_BPR0_EL1: c->bpr = v & 7; break;
    case ICC_BPR1_EL1: c->abpr = (v & 7) ? v & 7 : 1; break;
    case ICC_CTLR_EL1: c->ctlr = (uint32_t)v & 2; break;
    case ICC_IGRPEN0_EL1: c->grpen0 = v & 1; break;
    case ICC_IGRPEN1_EL1: c->grpen1 = v & 1; break;
    case ICC_SGI0R_EL1:
    case ICC_SGI1R_EL1:
    case ICC_ASGI1R_EL1: write_sgi1r(g, cpu, v); return;
    default: return;                /* read-only: ignored */
    }
    gic_update(g);
}

/* Encodings of the ICC_*_EL1 registers (Arm ARM D19, "GIC system registers"). */
enum { ICC_R = 1, ICC_W = 2, ICC_RW = 3 };
static const struct {
    uint32_t key;
    GicSysreg reg;
    unsigned access;
} icc_regs[] = {
    { GIC_ICC_KEY(3, 0, 4, 6, 0), ICC_PMR_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 8, 0), ICC_IAR0_EL1, ICC_R },
    { GIC_ICC_KEY(3, 0, 12, 8, 1), ICC_EOIR0_EL1, ICC_W },
    { GIC_ICC_KEY(3, 0, 12, 8, 2), ICC_HPPIR0_EL1, ICC_R },
    { GIC_ICC_KEY(3, 0, 12, 8, 3), ICC_BPR0_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 8, 4), ICC_AP0R0_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 9, 0), ICC_AP1R0_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 11, 1), ICC_DIR_EL1, ICC_W },
    { GIC_ICC_KEY(3, 0, 12, 11, 3), ICC_RPR_EL1, ICC_R },
    { GIC_ICC_KEY(3, 0, 12, 11, 5), ICC_SGI1R_EL1, ICC_W },
    { GIC_ICC_KEY(3, 0, 12, 11, 6), ICC_ASGI1R_EL1, ICC_W },
    { GIC_ICC_KEY(3, 0, 12, 11, 7), ICC_SGI0R_EL1, ICC_W },
    { GIC_ICC_KEY(3, 0, 12, 12, 0), ICC_IAR1_EL1, ICC_R },
    { GIC_ICC_KEY(3, 0, 12, 12, 1), ICC_EOIR1_EL1, ICC_W },
    { GIC_ICC_KEY(3, 0, 12, 12, 2), ICC_HPPIR1_EL1, ICC_R },
    { GIC_ICC_KEY(3, 0, 12, 12, 3), ICC_BPR1_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 12, 4), ICC_CTLR_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 12, 5), ICC_SRE_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 12, 6), ICC_IGRPEN0_EL1, ICC_RW },
    { GIC_ICC_KEY(3, 0, 12, 12, 7), ICC_IGRPEN1_EL1, ICC_RW },
};

bool gicv3_sysreg_access(Gic *g, unsigned cpu, uint32_t key, bool write, uint64_t *val)
{
    if (g->version != 3 || cpu >= g->ncpu)
        return false;
    for (size_t i = 0; i < sizeof(icc_regs) / sizeof(icc_regs[0]); i++) {
        if (icc_regs[i].key != key)
            continue;
        if (!(icc_regs[i].access & (write ? ICC_W : ICC_R)))
            return false;
        if (write)
            gicv3_sysreg_write(g, cpu, icc_regs[i].reg, *val);
        else
            *val = gicv3_sysreg_read(g, cpu, icc_regs[i].reg);
        return true;
    }
    return false;
}
