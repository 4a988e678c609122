/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GICv2 MMIO front end (see gic.h): the distributor (IHI 0048B 4.3) and the
 * CPU interface (4.4), banked by the requesting CPU (SysMemAttrs.requester).
 * No security extensions: GICD_CTLR/GICC_CTLR carry one enable per group.
 */
#include <errno.h>
#include "hw/intc/gic.h"
#include "util/log.h"

enum {
    GICD_CTLR = 0x000, GICD_TYPER = 0x004, GICD_IIDR = 0x008,
    GICD_SGIR = 0xf00, GICD_CPENDSGIR = 0xf10, GICD_SPENDSGIR = 0xf20,
};

enum {
    GICC_CTLR = 0x00, GICC_PMR = 0x04, GICC_BPR = 0x08, GICC_IAR = 0x0c,
    GICC_EOIR = 0x10, GICC_RPR = 0x14, GICC_HPPIR = 0x18, GICC_ABPR = 0x1c,
    GICC_AIAR = 0x20, GICC_AEOIR = 0x24, GICC_AHPPIR = 0x28, GICC_APR0 = 0xd0,
    GICC_IIDR = 0xfc, GICC_DIR = 0x1000,
};

/* Peripheral/component ID of a GIC-400-like distributor (0xfd0..0xffc). */
static const uint8_t gicd_id[12] = { 0x04, 0, 0, 0, 0x90, 0xb4, 0x2b, 0x00,
                                     0x0d, 0xf0, 0x05, 0xb1 };

static unsigned requester_cpu(const Gic *g, SysMemAttrs at)
{
    return at.requester < g->ncpu ? at.requester : 0;
}

/* GICD_SGIR: TargetListFilter 25:24, CPUTargetList 23:16, SGIINTID 3:0. */
static void write_sgir(Gic *g, unsigned cpu, uint32_t v)
{
    unsigned filter = v >> 24 & 3, targets = v >> 16 & 0xff, intid = v & 0xf;

    if (filter == 1)
        targets = ((1u << g->ncpu) - 1) & ~(1u << cpu);
    else if (filter == 2)
        targets = 1u << cpu;
    else if (filter == 3)
        return;
    for (unsigned t = 0; t < g->ncpu; t++)
        if (targets >> t & 1)
            gic_send_sgi(g, cpu, t, intid);
}

/* CPENDSGIR/SPENDSGIR: one byte per SGI, a bit per source CPU. */
static void write_sgi_pend(Gic *g, unsigned cpu, hwaddr off, unsigned size,
                           uint32_t v, bool set)
{
    GicCpu *c = &g->cpu[cpu];
    unsigned first = (unsigned)(off & 0xf);
    for (unsigned i = 0; i < size && first + i < 16; i++) {
        uint8_t bits = (uint8_t)(v >> (8 * i));
        unsigned sgi = first + i;
        c->sgi_sources[sgi] = set ? c->sgi_sources[sgi] | bits : c->sgi_sources[sgi] & ~bits;
        c->priv[sgi].pending = c->sgi_sources[sgi] != 0;
    }
    gic_update(g);
}

static SysMemResult dist_read(void *opaque, hwaddr off, unsigned size,
                              uint64_t *val, SysMemAttrs at)
{
    Gic *g = opaque;
    unsigned cpu = requester_cpu(g, at);

    if (gic_dist_common_read(g, cpu, off, size, val, 0, GIC_NR_IRQS))
        return SYS_MEM_OK;
    if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10) {
        uint64_t v = 0;
        for (unsigned i = 0; i < size && (off & 0xf) + i < 16; i++)
            v |= (uint64_t)g->cpu[cpu].sgi_sources[(off & 0xf) + i] << (8 * i);
        *val = v;
        return SYS_MEM_OK;
    }
    switch (off) {
    case GICD_CTLR: *val = g->grp0_en | g->grp1_en << 1; break;
    case GICD_TYPER: *val = (GIC_NR_IRQS / 32 - 1) | (g->ncpu - 1) << 5; break;
    case GICD_IIDR: *val = 0x0200043b; break;
    default:
        if (off >= 0xfd0 && off < 0x1000) {
            *val = gicd_id[(off - 0xfd0) >> 2];
            break;
        }
        *val = 0;       /* reserved: RAZ */
    }
    return SYS_MEM_OK;
}

static SysMemResult dist_write(void *opaque, hwaddr off, unsigned size,
                               uint64_t val, SysMemAttrs at)
{
    Gic *g = opaque;
    unsigned cpu = requester_cpu(g, at);

    if (gic_dist_common_write(g, cpu, off, size, val, 0, GIC_NR_IRQS))
        return SYS_MEM_OK;
    if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10) {
        write_sgi_pend(g, cpu, off, size, (uint32_t)val, off >= GICD_SPENDSGIR);
        return SYS_MEM_OK;
    }
    switch (off) {
    case GICD_CTLR:
        g->grp0_en = val & 1;
        g->grp1_en = (val >> 1) & 1;
        gic_update(g);
        break;
    case GICD_SGIR: write_sgir(g, cpu, (uint32_t)val); break;
    default:
        log_once(LOG_GUEST_ERROR, 0x9d000000 + off, "gicv2: write to read-only or reserved GICD offset 0x%x\n", (unsigned)off);
    }
    return SYS_MEM_OK;
}

static SysMemResult cpu_read(void *opaque, hwaddr off, unsigned size,
                             uint64_t *val, SysMemAttrs at)
{
    Gic *g = opaque;
    unsigned cpu = requester_cpu(g, at);
    GicCpu *c = &g->cpu[cpu];
    uint8_t prio;
    (void)size;

    switch (off) {
    case GICC_CTLR: *val = c->ctlr; break;
    case GICC_PMR: *val = c->pmr; break;
    case GICC_BPR: *val = c->bpr; break;
    case GICC_ABPR: *val = c->abpr; break;
    case GICC_IAR: *val = gic_acknowledge(g, cpu, -1); break;
    case GICC_AIAR: *val = gic_acknowledge(g, cpu, 1); break;
    case GICC_RPR: *val = gic_running_priority(g, cpu); break;
    case GICC_HPPIR:
    case GICC_AHPPIR: {
        unsigned irq = gic_highest_pending(g, cpu, &prio);
        if (irq < 16)
            irq |= (unsigned)(__builtin_ctz(c->sgi_sources[irq] | 0x100) & 7) << 10;
        *val = irq;
        break;
    }
    case GICC_APR0: {
        uint64_t apr = 0;
        for (int i = 0; i < c->depth; i++)
            apr |= 1ull << (c->stack_prio[i] >> 3);   /* 32 priority groups */
        *val = (uint32_t)apr;
        break;
    }
    case GICC_IIDR: *val = 0x0202043b; break;
    default: *val = 0;
    }
    return SYS_MEM_OK;
}

static SysMemResult cpu_write(void *opaque, hwaddr off, unsigned size,
                              uint64_t val, SysMemAttrs at)
{
    Gic *g = opaque;
    unsigned cpu = requester_cpu(g, at);
    GicCpu *c = &g->cpu[cpu];
    uint32_t v = (uint32_t)val;
    (void)size;

    switch (off) {
    case GICC_CTLR: c->ctlr = v & 0x26f; gic_update(g); break;
    case GICC_PMR: c->pmr = (uint8_t)v; gic_update(g); break;
    case GICC_BPR: c->bpr = v & 7; gic_update(g); break;
    case GICC_ABPR: c->abpr = (v & 7) ? v & 7 : 1; break;
    case GICC_EOIR:
    case GICC_AEOIR:
        /* GICC_CTLR.EOImodeNS (bit 9): EOIR only drops priority. */
        gic_end_of_interrupt(g, cpu, v & 0x3ff, !(c->ctlr & (1u << 9)));
        break;
    case GICC_DIR: gic_deactivate(g, cpu, v & 0x3ff); break;
    case GICC_APR0: break;
    default:
        log_once(LOG_GUEST_ERROR, 0x9c000000 + off, "gicv2: write to read-only or reserved GICC offset 0x%x\n", (unsigned)off);
    }
    return SYS_MEM_OK;
}

static const SysMemOps dist_ops = { dist_read, dist_write, 1, 4 };
static const SysMemOps cpu_ops = { cpu_read, cpu_write, 4, 4 };

int gicv2_init(Gic *g, SysAddressSpace *as, hwaddr dist, hwaddr cpuif, unsigned ncpu)
{
    if (ncpu > 8 || !ncpu)
        return -EINVAL;     /* GICv2 targets at most 8 CPUs */
    gic_core_init(g, 2, ncpu);
    if (!sys_as_add_mmio(as, "gicv2-dist", dist, 0x10000, 0, &dist_ops, g) ||
        !sys_as_add_mmio(as, "gicv2-cpu", cpuif, 0x10000, 0, &cpu_ops, g))
        return -errno;
    return 0;
}
