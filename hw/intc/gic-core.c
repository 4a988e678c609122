/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The GIC state machine shared by v2 and v3 (see gic.h): per-interrupt
 * enable/pending/active/priority/group/trigger, the choice of the
 * interrupt each CPU interface signals (IHI 0048B 3.2.2, IHI 0069 4.7),
 * acknowledge, priority drop and deactivation, input lines, and the
 * distributor register blocks both versions lay out alike.
 */
#include <string.h>
#include "hw/intc/gic.h"
#include "util/log.h"

GicIrq *gic_irq(Gic *g, unsigned cpu, unsigned intid)
{
    return intid < 32 ? &g->cpu[cpu].priv[intid] : &g->spi[intid - 32];
}

bool gic_is_pending(Gic *g, unsigned cpu, unsigned intid)
{
    GicIrq *p = gic_irq(g, cpu, intid);
    return p->pending || (!p->edge && p->level);
}

/* Does SPI intid go to cpu? v2: ITARGETSR bit; v3: IROUTER affinity. */
static bool spi_targets(const Gic *g, unsigned intid, unsigned cpu)
{
    if (g->version == 2)
        return g->target[intid - 32] >> cpu & 1;
    uint64_t r = g->route[intid - 32];
    if (r & (1u << 31))         /* IRM: any participating CPU: CPU 0 here */
        return cpu == 0;
    uint64_t aff = (r & 0xffffff) | ((r >> 32 & 0xff) << 24);
    return aff == g->cpu[cpu].affinity;
}

static bool group_enabled(const Gic *g, const GicCpu *c, const GicIrq *p)
{
    if (g->version == 2) {
        bool cen = p->group1 ? c->ctlr & 2 : c->ctlr & 1;
        return (p->group1 ? g->grp1_en : g->grp0_en) && cen;
    }
    return p->group1 ? g->grp1_en && c->grpen1 : g->grp0_en && c->grpen0;
}

unsigned gic_highest_pending(Gic *g, unsigned cpu, uint8_t *prio)
{
    GicCpu *c = &g->cpu[cpu];
    unsigned best = GIC_SPURIOUS;
    unsigned bprio = 0x100;

    for (unsigned i = 0; i < GIC_NR_IRQS; i++) {
        GicIrq *p = gic_irq(g, cpu, i);
        if (!p->enabled || p->active || p->prio >= bprio ||
            !gic_is_pending(g, cpu, i) || !group_enabled(g, c, p))
            continue;
        if (i >= 32 && !spi_targets(g, i, cpu))
            continue;
        best = i;
        bprio = p->prio;
    }
    if (prio)
        *prio = (uint8_t)(bprio & 0xff);
    return best;
}

uint8_t gic_running_priority(const Gic *g, unsigned cpu)
{
    const GicCpu *c = &g->cpu[cpu];
    return c->depth ? c->stack_prio[c->depth - 1] : 0xff;
}

/* Group priority under the binary point: may p preempt the running one? */
static bool preempts(const Gic *g, unsigned cpu, uint8_t prio)
{
    const GicCpu *c = &g->cpu[cpu];
    uint8_t mask = (uint8_t)(0xff << (c->bpr + 1));

    if (prio >= c->pmr)
        return false;
    if (!c->depth)
        return true;
    return (prio & mask) < (gic_running_priority(g, cpu) & mask);
}

void gic_update(Gic *g)
{
    for (unsigned cpu = 0; cpu < g->ncpu; cpu++) {
        GicCpu *c = &g->cpu[cpu];
        uint8_t prio;
        unsigned irq = gic_highest_pending(g, cpu, &prio);
        int irq_l = 0, fiq_l = 0;

        if (irq != GIC_SPURIOUS && preempts(g, cpu, prio)) {
            bool group0 = !gic_irq(g, cpu, irq)->group1;
            /* v2: group 0 is FIQ only with GICC_CTLR.FIQEn; v3 (DS=1): always. */
            if (group0 && (g->version == 3 || (c->ctlr & 8)))
                fiq_l = 1;
            else
                irq_l = 1;
        }
        if (irq_l != c->irq_level) {
            c->irq_level = irq_l;
            sys_irq_set(c->irq_out, irq_l);
        }
        if (fiq_l != c->fiq_level) {
            c->fiq_level = fiq_l;
            sys_irq_set(c->fiq_out, fiq_l);
        }
    }
}

uint32_t gic_acknowledge(Gic *g, unsigned cpu, int group)
{
    GicCpu *c = &g->cpu[cpu];
    uint8_t prio;
    unsigned irq = gic_highest_pending(g, cpu, &prio);
    uint32_t ret;

    if (irq == GIC_SPURIOUS || !preempts(g, cpu, prio))
        return GIC_SPURIOUS;
    GicIrq *p = gic_irq(g, cpu, irq);
    if (group >= 0 && p->group1 != (group == 1))
        return g->version == 3 ? 1023 : 1022;   /* wrong group */
    ret = irq;
    if (g->version == 2 && irq < 16) {
        /* The lowest-numbered source CPU is reported and cleared first. */
        unsigned src = (unsigned)__builtin_ctz(c->sgi_sources[irq] | 0x100);
        src &= 7;
        c->sgi_sources[irq] &= (uint8_t)~(1u << src);
        p->pending = c->sgi_sources[irq] != 0;
        ret |= src << 10;
    } else {
        p->pending = false;
    }
    p->active = true;
    if (c->depth < (int)(sizeof(c->stack_irq) / sizeof(c->stack_irq[0]))) {
        c->stack_irq[c->depth] = (uint16_t)irq;
        c->stack_prio[c->depth++] = p->prio;
    }
    gic_update(g);
    return ret;
}

void gic_deactivate(Gic *g, unsigned cpu, uint32_t intid)
{
    if (intid >= GIC_NR_IRQS)
        return;
    gic_irq(g, cpu, intid)->active = false;
    gic_update(g);
}

void gic_end_of_interrupt(Gic *g, unsigned cpu, uint32_t intid, bool deactivate)
{
    GicCpu *c = &g->cpu[cpu];

    intid &= 0x3ff;
    if (intid >= GIC_NR_IRQS)
        return;                 /* spurious IDs: ignored (IHI 0048B 4.4.5) */
    for (int i = c->depth - 1; i >= 0; i--) {
        if (c->stack_irq[i] != intid)
            continue;
        if (i != c->depth - 1)
            log_once(LOG_GUEST_ERROR, 0x91c0e01, "gic: EOI out of order (INTID %u)\n", intid);
        memmove(&c->stack_irq[i], &c->stack_irq[i + 1], sizeof(c->stack_irq[0]) * (size_t)(c->depth - 1 - i));
        memmove(&c->stack_prio[i], &c->stack_prio[i + 1], (size_t)(c->depth - 1 - i));
        c->depth--;
        break;
    }
    if (deactivate)
        gic_irq(g, cpu, intid)->active = false;
    gic_update(g);
}

void gic_send_sgi(Gic *g, unsigned source, unsigned target, unsigned intid)
{
    if (target >= g->ncpu || intid >= 16)
        return;
    if (g->version == 2)
        g->cpu[target].sgi_sources[intid] |= (uint8_t)(1u << (source & 7));
    g->cpu[target].priv[intid].pending = true;
    gic_update(g);
}

/* An input line changed: n indexes SPIs, then 32 per CPU. */
static void gic_set_input(void *opaque, int n, int level)
{
    Gic *g = opaque;
    unsigned cpu = 0, intid;
    GicIrq *p;

    if (n < GIC_NR_SPIS) {
        intid = (unsigned)n + 32;
    } else {
        cpu = (unsigned)(n - GIC_NR_SPIS) / 32;
        intid = (unsigned)(n - GIC_NR_SPIS) % 32;
    }
    p = gic_irq(g, cpu, intid);
    if (p->edge && level && !p->level)
        p->pending = true;
    p->level = level != 0;
    gic_update(g);
}

void gic_reset(void *opaque)
{
    Gic *g = opaque;

    g->grp0_en = g->grp1_en = false;
    for (unsigned i = 0; i < GIC_NR_SPIS; i++) {
        bool level = g->spi[i].level;
        g->spi[i] = (GicIrq){ .level = level };
        g->target[i] = 0;
        g->route[i] = 0;
    }
    for (unsigned c = 0; c < g->ncpu; c++) {
        GicCpu *cpu = &g->cpu[c];
        for (unsigned i = 0; i < 32; i++) {
            bool level = cpu->priv[i].level;
            /* SGIs are edge-triggered and always enabled on v2. */
            cpu->priv[i] = (GicIrq){ .level = level, .edge = i < 16,
                                     .enabled = g->version == 2 && i < 16 };
        }
        memset(cpu->sgi_sources, 0, sizeof(cpu->sgi_sources));
        cpu->pmr = 0;
        cpu->bpr = 0;
        cpu->abpr = 1;
        cpu->ctlr = 0;
        cpu->grpen0 = cpu->grpen1 = false;
        cpu->sleep = true;
        cpu->depth = 0;
    }
    gic_update(g);
}

void gic_core_init(Gic *g, int version, unsigned ncpu)
{
    memset(g, 0, sizeof(*g));
    g->version = version;
    g->ncpu = ncpu;
    for (unsigned c = 0; c < ncpu; c++)
        g->cpu[c].affinity = (uint64_t)(c / 16) << 8 | (c % 16);
    sys_irq_init_array(g->in, GIC_NR_SPIS + 32 * ncpu, gic_set_input, g);
    gic_reset(g);
}

/* ---- distributor register blocks shared by v2 and v3 ---- */

typedef uint32_t (*FieldGet)(Gic *g, unsigned cpu, unsigned irq);
typedef void (*FieldSet)(Gic *g, unsigned cpu, unsigned irq, uint32_t v);

static uint32_t get_group(Gic *g, unsigned c, unsigned i) { return gic_irq(g, c, i)->group1; }
static void set_group(Gic *g, unsigned c, unsigned i, uint32_t v) { gic_irq(g, c, i)->group1 = v; }
static uint32_t get_enable(Gic *g, unsigned c, unsigned i) { return gic_irq(g, c, i)->enabled; }
static void set_enable(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (v && !(g->version == 2 && i < 16))
        gic_irq(g, c, i)->enabled = true;
}
static void clear_enable(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (v && !(g->version == 2 && i < 16))  /* v2 SGIs: always enabled */
        gic_irq(g, c, i)->enabled = false;
}
static uint32_t get_pending(Gic *g, unsigned c, unsigned i) { return gic_is_pending(g, c, i); }
static void set_pending(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (v && !(g->version == 2 && i < 16))  /* v2: SGIs via SPENDSGIR */
        gic_irq(g, c, i)->pending = true;
}
static void clear_pending(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (v && !(g->version == 2 && i < 16))
        gic_irq(g, c, i)->pending = false;
}
static uint32_t get_active(Gic *g, unsigned c, unsigned i) { return gic_irq(g, c, i)->active; }
static void set_active(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (v)
        gic_irq(g, c, i)->active = true;
}
static void clear_active(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (v)
        gic_irq(g, c, i)->active = false;
}
static uint32_t get_prio(Gic *g, unsigned c, unsigned i) { return gic_irq(g, c, i)->prio; }
static void set_prio(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    /* v3 implements 5 priority bits: the low 3 read as zero. */
    gic_irq(g, c, i)->prio = (uint8_t)(g->version == 3 ? v & 0xf8 : v);
}
static uint32_t get_cfg(Gic *g, unsigned c, unsigned i) { return gic_irq(g, c, i)->edge ? 2 : 0; }
static void set_cfg(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    if (i >= 16)                /* SGIs are fixed edge-triggered */
        gic_irq(g, c, i)->edge = (v & 2) != 0;
}
static uint32_t get_target(Gic *g, unsigned c, unsigned i)
{
    /* Private interrupts read as the reading CPU's own bit. */
    return i < 32 ? 1u << c : g->target[i - 32];
}
static void set_target(Gic *g, unsigned c, unsigned i, uint32_t v)
{
    (void)c;
    if (i >= 32)
        g->target[i - 32] = (uint8_t)(v & ((1u << g->ncpu) - 1));
}
static uint32_t get_grpmod(Gic *g, unsigned c, unsigned i) { return gic_irq(g, c, i)->grpmod; }
static void set_grpmod(Gic *g, unsigned c, unsigned i, uint32_t v) { gic_irq(g, c, i)->grpmod = v; }

static const struct {
    hwaddr base;
    unsigned bits;              /* per interrupt */
    int version;                /* 0: both */
    FieldGet get;
    FieldSet set;
} dist_blocks[] = {
    { 0x080, 1, 0, get_group, set_group },          /* IGROUPR */
    { 0x100, 1, 0, get_enable, set_enable },        /* ISENABLER */
    { 0x180, 1, 0, get_enable, clear_enable },      /* ICENABLER */
    { 0x200, 1, 0, get_pending, set_pending },      /* ISPENDR */
    { 0x280, 1, 0, get_pending, clear_pending },    /* ICPENDR */
    { 0x300, 1, 0, get_active, set_active },        /* ISACTIVER */
    { 0x380, 1, 0, get_active, clear_active },      /* ICACTIVER */
    { 0x400, 8, 0, get_prio, set_prio },            /* IPRIORITYR */
    { 0x800, 8, 2, get_target, set_target },        /* ITARGETSR */
    { 0xc00, 2, 0, get_cfg, set_cfg },              /* ICFGR */
    { 0xd00, 1, 3, get_grpmod, set_grpmod },        /* IGRPMODR */
};

/* Finds the block of off: returns its row and the first INTID of the access. */
static int find_block(const Gic *g, hwaddr off, unsigned *intid)
{
    for (size_t i = 0; i < sizeof(dist_blocks) / sizeof(dist_blocks[0]); i++) {
        hwaddr len = GIC_NR_IRQS * dist_blocks[i].bits / 8;
        if (dist_blocks[i].version && dist_blocks[i].version != g->version)
            continue;
        if (off >= dist_blocks[i].base && off < dist_blocks[i].base + len) {
            *intid = (unsigned)((off - dist_blocks[i].base) * 8 / dist_blocks[i].bits);
            return (int)i;
        }
    }
    return -1;
}

bool gic_dist_common_read(Gic *g, unsigned cpu, hwaddr off, unsigned size,
                          uint64_t *val, unsigned first_irq, unsigned nirq)
{
    unsigned intid;
    int b = find_block(g, off, &intid);
    uint64_t v = 0;

    if (b < 0)
        return false;
    unsigned bits = dist_blocks[b].bits, n = size * 8 / bits;
    for (unsigned i = 0; i < n; i++) {
        unsigned irq = intid + i;
        if (irq < first_irq || irq >= first_irq + nirq)
            continue;       /* outside this frame: RAZ */
        v |= (uint64_t)dist_blocks[b].get(g, cpu, irq) << (i * bits);
    }
    *val = v;
    return true;
}

bool gic_dist_common_write(Gic *g, unsigned cpu, hwaddr off, unsigned size,
                           uint64_t val, unsigned first_irq, unsigned nirq)
{
    unsigned intid;
    int b = find_block(g, off, &intid);

    if (b < 0)
        return false;
    unsigned bits = dist_blocks[b].bits, n = size * 8 / bits;
    uint32_t mask = bits == 32 ? ~0u : (1u << bits) - 1;
    for (unsigned i = 0; i < n; i++) {
        unsigned irq = intid + i;
        if (irq < first_irq || irq >= first_irq + nirq)
            continue;       /* WI */
        dist_blocks[b].set(g, cpu, irq, (uint32_t)(val >> (i * bits)) & mask);
    }
    gic_update(g);
    return true;
}
