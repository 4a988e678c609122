/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the GIC models.  GICv2 through its MMIO distributor and
 * banked CPU interface: enables, priorities and masking, acknowledge and
 * EOI (with split EOImode), level and edge inputs, pending/active
 * registers, targets and SGIs with their source CPU.  GICv3 through the
 * redistributors, IROUTER and the system-register CPU interface.
 */
#include <string.h>
#include "hw/intc/gic.h"
#include "test-sys.h"

#define DIST 0x08000000
#define CPUI 0x08010000
#define REDIST 0x080a0000

static SysAddressSpace as;
static int irq_out[4], fiq_out[4];

static uint32_t rd(hwaddr a, unsigned cpu)
{
    uint64_t v = 0;
    sys_as_read(&as, a, 4, &v, SYS_ATTRS_CPU(cpu));
    return (uint32_t)v;
}

static void wr(hwaddr a, uint32_t v, unsigned cpu)
{
    sys_as_write(&as, a, 4, v, SYS_ATTRS_CPU(cpu));
}

static void wire(Gic *g, SysIrq *irqs, SysIrq *fiqs, unsigned n)
{
    sys_irq_init_array(irqs, n, t_irq_record, irq_out);
    sys_irq_init_array(fiqs, n, t_irq_record, fiq_out);
    for (unsigned i = 0; i < n; i++) {
        g->cpu[i].irq_out = &irqs[i];
        g->cpu[i].fiq_out = &fiqs[i];
    }
}

static void test_v2(void)
{
    static Gic g;
    SysIrq irqs[2], fiqs[2];

    sys_as_init(&as, true);
    CHECK_EQ(gicv2_init(&g, &as, DIST, CPUI, 2), 0);
    wire(&g, irqs, fiqs, 2);

    /* TYPER: 9 lines of 32 (288 INTIDs), 2 CPUs. */
    CHECK_EQ(rd(DIST + 0x004, 0), 8 | 1 << 5);
    CHECK_EQ(rd(DIST + 0x100, 0), 0xffff);      /* SGIs always enabled */
    /* SPI 1 (INTID 33): enable, priority 0x80, target CPU 0. */
    wr(DIST + 0x104, 1 << 1, 0);
    CHECK_EQ(rd(DIST + 0x104, 0), 2);
    sys_as_write(&as, DIST + 0x400 + 33, 1, 0x80, SYS_ATTRS_CPU(0));
    CHECK_EQ(rd(DIST + 0x420, 0), 0x8000);
    sys_as_write(&as, DIST + 0x800 + 33, 1, 1, SYS_ATTRS_CPU(0));
    CHECK_EQ(rd(DIST + 0x800, 1), 0x02020202);  /* private: own CPU bit */

    sys_irq_raise(gic_spi(&g, 1));
    CHECK_EQ(rd(DIST + 0x204, 0), 2);           /* pending (level) */
    CHECK_EQ(irq_out[0], 0);                    /* nothing enabled yet */
    wr(DIST + 0x000, 1, 0);
    wr(CPUI + 0x00, 1, 0);
    CHECK_EQ(irq_out[0], 0);                    /* PMR 0 masks everything */
    wr(CPUI + 0x04, 0xf0, 0);
    CHECK_EQ(irq_out[0], 1);
    CHECK_EQ(irq_out[1], 0);                    /* not a target */
    CHECK_EQ(rd(CPUI + 0x18, 0), 33);           /* HPPIR */
    CHECK_EQ(rd(CPUI + 0x0c, 1), 1023);         /* CPU 1: spurious */
    /* Priority at or below PMR is masked. */
    wr(CPUI + 0x04, 0x80, 0);
    CHECK_EQ(irq_out[0], 0);
    wr(CPUI + 0x04, 0xf0, 0);

    CHECK_EQ(rd(CPUI + 0x0c, 0), 33);           /* IAR: acknowledge */
    CHECK_EQ(rd(DIST + 0x304, 0), 2);           /* active */
    CHECK_EQ(rd(CPUI + 0x14, 0), 0x80);         /* RPR */
    CHECK_EQ(irq_out[0], 0);                    /* active: not signalled again */
    /* A higher-priority edge SPI preempts. */
    wr(DIST + 0xc08, 2 << 4, 0);                /* ICFGR: INTID 34 edge */
    sys_as_write(&as, DIST + 0x400 + 34, 1, 0x40, SYS_ATTRS_CPU(0));
    sys_as_write(&as, DIST + 0x800 + 34, 1, 1, SYS_ATTRS_CPU(0));
    wr(DIST + 0x104, 1 << 2, 0);
    wr(DIST + 0x204, 1 << 2, 0);                /* ISPENDR: software pending */
    CHECK_EQ(irq_out[0], 1);
    CHECK_EQ(rd(CPUI + 0x0c, 0), 34);
    CHECK_EQ(rd(CPUI + 0x14, 0), 0x40);
    wr(CPUI + 0x10, 34, 0);                     /* EOI 34 */
    CHECK_EQ(rd(CPUI + 0x14, 0), 0x80);
    CHECK_EQ(rd(DIST + 0x304, 0), 2);
    /* EOI of the level SPI with the line still high: pending again. */
    wr(CPUI + 0x10, 33, 0);
    CHECK_EQ(rd(CPUI + 0x14, 0), 0xff);
    CHECK_EQ(irq_out[0], 1);
    sys_irq_lower(gic_spi(&g, 1));
    CHECK_EQ(irq_out[0], 0);
    CHECK_EQ(rd(CPUI + 0x0c, 0), 1023);

    /* Split EOImode: EOIR drops priority, DIR deactivates. */
    wr(CPUI + 0x00, 1 | 1 << 9, 0);
    wr(DIST + 0x204, 1 << 2, 0);
    CHECK_EQ(rd(CPUI + 0x0c, 0), 34);
    wr(CPUI + 0x10, 34, 0);
    CHECK_EQ(rd(CPUI + 0x14, 0), 0xff);
    CHECK_EQ(rd(DIST + 0x304, 0), 4);           /* still active */
    wr(CPUI + 0x1000, 34, 0);
    CHECK_EQ(rd(DIST + 0x304, 0), 0);
    wr(CPUI + 0x00, 1, 0);

    /* ICENABLER / ICPENDR. */
    wr(DIST + 0x204, 1 << 2, 0);
    wr(DIST + 0x184, 1 << 2, 0);
    CHECK_EQ(irq_out[0], 0);
    wr(DIST + 0x284, 1 << 2, 0);
    CHECK_EQ(rd(DIST + 0x204, 0), 0);

    /* SGI 5 from CPU 0 to CPU 1 (GICD_SGIR target list). */
    wr(DIST + 0xf00, 1 << 17 | 5, 0);
    CHECK_EQ(irq_out[1], 0);                    /* CPU 1 interface off */
    wr(CPUI + 0x00, 1, 1);
    wr(CPUI + 0x04, 0xff, 1);
    CHECK_EQ(irq_out[1], 1);
    CHECK_EQ(rd(DIST + 0xf24, 1) >> 8 & 0xff, 1);  /* SPENDSGIR: source CPU 0 */
    CHECK_EQ(rd(CPUI + 0x0c, 1), 5);            /* source 0 in bits 12:10 */
    wr(CPUI + 0x10, 5, 1);
    /* "All but self" from CPU 1 reaches CPU 0 with source 1. */
    wr(DIST + 0xf00, 1 << 24 | 3, 1);
    CHECK_EQ(rd(CPUI + 0x0c, 0), 1 << 10 | 3);
    wr(CPUI + 0x10, 1 << 10 | 3, 0);
    CHECK_EQ(rd(CPUI + 0x0c, 1), 1023);         /* not to itself */

    /* Group 0 with FIQEn signals FIQ. */
    wr(CPUI + 0x00, 1 | 8, 0);
    wr(DIST + 0x204, 1 << 2, 0);
    wr(DIST + 0x104, 1 << 2, 0);
    CHECK_EQ(fiq_out[0], 1);
    CHECK_EQ(irq_out[0], 0);
    gic_reset(&g);
    CHECK_EQ(fiq_out[0], 0);
    CHECK_EQ(rd(DIST + 0x104, 0), 0);
    sys_as_destroy(&as);
}

static void test_v3(void)
{
    static Gic g;
    SysIrq irqs[2], fiqs[2];
    const hwaddr sgi1 = REDIST + 0x20000 + 0x10000;

    sys_as_init(&as, true);
    CHECK_EQ(gicv3_init(&g, &as, DIST, REDIST, 2), 0);
    wire(&g, irqs, fiqs, 2);

    CHECK_EQ(rd(DIST + 0xffe8, 0) >> 4 & 0xf, 3);       /* ArchRev */
    CHECK_EQ(rd(DIST + 0x000, 0) & 0x50, 0x50);         /* ARE, DS */
    /* GICR_TYPER of CPU 1: affinity 1, processor 1, Last. */
    uint64_t t;
    sys_as_read(&as, REDIST + 0x20008, 8, &t, SYS_ATTRS_CPU(0));
    CHECK_EQ(t, 1ull << 32 | 1 << 8 | 1 << 4);
    CHECK_EQ(rd(REDIST + 0x14, 0), 6);                  /* asleep */
    wr(REDIST + 0x14, 0, 0);
    CHECK_EQ(rd(REDIST + 0x14, 0), 0);

    /* Enable group 1 everywhere. */
    wr(DIST + 0x000, 2, 0);
    for (unsigned c = 0; c < 2; c++) {
        gicv3_sysreg_write(&g, c, ICC_PMR_EL1, 0xff);
        gicv3_sysreg_write(&g, c, ICC_IGRPEN1_EL1, 1);
    }
    CHECK_EQ(gicv3_sysreg_read(&g, 0, ICC_SRE_EL1) & 1, 1);
    /* By encoding, as MRS/MSR give it: PMR keeps 5 bits, IAR1 is
     * read-only, EOIR1 write-only, an unknown key is UNDEFINED. */
    uint64_t v = 0xff;
    CHECK(gicv3_sysreg_access(&g, 0, GIC_ICC_KEY(3, 0, 4, 6, 0), true, &v));
    CHECK(gicv3_sysreg_access(&g, 0, GIC_ICC_KEY(3, 0, 4, 6, 0), false, &v));
    CHECK_EQ(v, 0xf8);
    CHECK(!gicv3_sysreg_access(&g, 0, GIC_ICC_KEY(3, 0, 12, 12, 0), true, &v));
    CHECK(!gicv3_sysreg_access(&g, 0, GIC_ICC_KEY(3, 0, 12, 12, 1), false, &v));
    CHECK(!gicv3_sysreg_access(&g, 0, GIC_ICC_KEY(3, 0, 12, 13, 0), false, &v));
    CHECK(gicv3_sysreg_access(&g, 0, GIC_ICC_KEY(3, 0, 12, 12, 4), false, &v));
    CHECK_EQ(v >> 8 & 7, 4);                            /* PRIbits: 5 bits */
    v = 0xff;
    gicv3_sysreg_access(&g, 1, GIC_ICC_KEY(3, 0, 4, 6, 0), true, &v);

    /* PPI 30 (timer) on CPU 1, group 1, via its redistributor. */
    wr(sgi1 + 0x080, 1u << 30, 0);
    wr(sgi1 + 0x100, 1u << 30, 0);
    sys_as_write(&as, sgi1 + 0x400 + 30, 1, 0x20, SYS_ATTRS_CPU(0));
    sys_irq_raise(gic_ppi(&g, 1, 30));
    CHECK_EQ(irq_out[1], 1);
    CHECK_EQ(irq_out[0], 0);
    CHECK_EQ(gicv3_sysreg_read(&g, 1, ICC_HPPIR1_EL1), 30);
    CHECK_EQ(gicv3_sysreg_read(&g, 1, ICC_IAR1_EL1), 30);
    CHECK_EQ(gicv3_sysreg_read(&g, 1, ICC_RPR_EL1), 0x20);
    sys_irq_lower(gic_ppi(&g, 1, 30));
    gicv3_sysreg_write(&g, 1, ICC_EOIR1_EL1, 30);
    CHECK_EQ(gicv3_sysreg_read(&g, 1, ICC_RPR_EL1), 0xff);
    CHECK_EQ(irq_out[1], 0);

    /* SPI 7 routed to CPU 1 by IROUTER. */
    wr(DIST + 0x084, 1 << 7, 0);                        /* group 1 */
    wr(DIST + 0x104, 1 << 7, 0);
    sys_as_write(&as, DIST + 0x6000 + 8 * 39, 8, 1, SYS_ATTRS_CPU(0));
    sys_irq_raise(gic_spi(&g, 7));
    CHECK_EQ(irq_out[1], 1);
    CHECK_EQ(irq_out[0], 0);
    CHECK(gicv3_sysreg_access(&g, 1, GIC_ICC_KEY(3, 0, 12, 12, 0), false, &v));
    CHECK_EQ(v, 39);
    sys_irq_lower(gic_spi(&g, 7));
    gicv3_sysreg_write(&g, 1, ICC_EOIR1_EL1, 39);

    /* SGI 2 from CPU 0 to CPU 1 through ICC_SGI1R_EL1 (TargetList bit 1). */
    wr(REDIST + 0x10000 + 0x080, 0xffff, 0);            /* SGIs group 1, CPU 0 */
    wr(sgi1 + 0x080, 0xffff | 1u << 30, 0);
    wr(sgi1 + 0x100, 1 << 2, 0);
    gicv3_sysreg_write(&g, 0, ICC_SGI1R_EL1, 2ull << 24 | 2);
    CHECK_EQ(irq_out[1], 1);
    CHECK_EQ(gicv3_sysreg_read(&g, 1, ICC_IAR1_EL1), 2);
    /* Split EOI (ICC_CTLR_EL1.EOImode). */
    gicv3_sysreg_write(&g, 1, ICC_CTLR_EL1, 2);
    gicv3_sysreg_write(&g, 1, ICC_EOIR1_EL1, 2);
    CHECK_EQ(rd(sgi1 + 0x300, 0) & 4, 4);
    gicv3_sysreg_write(&g, 1, ICC_DIR_EL1, 2);
    CHECK_EQ(rd(sgi1 + 0x300, 0) & 4, 0);
    /* IRM=1: all but self. */
    wr(REDIST + 0x10000 + 0x100, 1 << 3, 0);
    gicv3_sysreg_write(&g, 1, ICC_SGI1R_EL1, 1ull << 40 | 3ull << 24);
    CHECK_EQ(irq_out[0], 1);
    CHECK_EQ(gicv3_sysreg_read(&g, 0, ICC_IAR1_EL1), 3);
    gicv3_sysreg_write(&g, 0, ICC_EOIR1_EL1, 3);
    /* Group 0 signals FIQ on v3. */
    wr(DIST + 0x000, 3, 0);
    gicv3_sysreg_write(&g, 0, ICC_IGRPEN0_EL1, 1);
    wr(DIST + 0x088, 0, 0);
    wr(DIST + 0x108, 1, 0);                             /* INTID 64 */
    sys_as_write(&as, DIST + 0x6000 + 8 * 64, 8, 0, SYS_ATTRS_CPU(0));
    sys_irq_raise(gic_spi(&g, 32));
    CHECK_EQ(fiq_out[0], 1);
    sys_as_destroy(&as);
}

int main(void)
{
    test_v2();
    memset(irq_out, 0, sizeof(irq_out));
    memset(fiq_out, 0, sizeof(fiq_out));
    test_v3();
    return unit_summary();
}
