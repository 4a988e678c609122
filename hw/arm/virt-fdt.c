/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virt board's device tree (Documentation/devicetree bindings; node
 * names, properties and values as QEMU's virt machine makes them, so a
 * kernel sees the same machine): root, psci, memory, cpus with cpu-map,
 * timer, GIC (v2 or v3), apb-pclk, pl011, pl031, pl061 with gpio-keys,
 * fw-cfg, 32 virtio_mmio nodes, chosen.  Built with libfdt's read-write
 * tree API; -dtb replaces it with the user's file.
 */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "hw/arm/virt.h"

#define FDT_SIZE (64 * 1024)

/* Phandles in QEMU's allocation order (apb-pclk first). */
enum { PH_CLK = 0x8000, PH_CPU0 = 0x8001 };

typedef struct {
    void *fdt;
    int err;
} Fdt;

static int node(Fdt *f, const char *parent, const char *name)
{
    int p = fdt_path_offset(f->fdt, parent), r;
    if (p < 0 || (r = fdt_add_subnode(f->fdt, p, name)) < 0) {
        f->err = 1;
        return -1;
    }
    return r;
}

static void prop(Fdt *f, int n, const char *name, const void *v, int len)
{
    if (n < 0 || fdt_setprop(f->fdt, n, name, v, len) < 0)
        f->err = 1;
}

static void prop_str(Fdt *f, int n, const char *name, const char *s)
{
    prop(f, n, name, s, (int)strlen(s) + 1);
}

/* A "\0"-separated string list given with explicit total length. */
#define PROP_STRS(f, n, name, lit) prop(f, n, name, lit, (int)sizeof(lit))

static void prop_cells(Fdt *f, int n, const char *name, const uint32_t *c, int count)
{
    fdt32_t be[32];
    for (int i = 0; i < count; i++)
        be[i] = cpu_to_fdt32(c[i]);
    prop(f, n, name, be, count * 4);
}

static void prop_u32(Fdt *f, int n, const char *name, uint32_t v)
{
    prop_cells(f, n, name, &v, 1);
}

/* reg = <addr size> with 2 address and 2 size cells. */
static void prop_reg(Fdt *f, int n, uint64_t a, uint64_t s)
{
    uint32_t c[4] = { (uint32_t)(a >> 32), (uint32_t)a, (uint32_t)(s >> 32), (uint32_t)s };
    prop_cells(f, n, "reg", c, 4);
}

static int primecell(Fdt *f, const char *name, uint64_t base, uint32_t irq,
                     const char *compat, size_t compat_len)
{
    char path[64];
    snprintf(path, sizeof(path), "%s@%llx", name, (unsigned long long)base);
    int n = node(f, "/", path);
    uint32_t ints[3] = { 0, irq, 4 };       /* SPI, level high */
    prop(f, n, "compatible", compat, (int)compat_len);
    prop_reg(f, n, base, 0x1000);
    prop_cells(f, n, "interrupts", ints, 3);
    prop_u32(f, n, "clocks", PH_CLK);
    prop_str(f, n, "clock-names", "apb_pclk");
    return n;
}

static const char *cpu_compatible(const char *cpu)
{
    static const struct { const char *model, *compat; } tab[] = {
        { "cortex-a53", "arm,cortex-a53" }, { "cortex-a57", "arm,cortex-a57" },
        { "cortex-a72", "arm,cortex-a72" }, { "neoverse-n1", "arm,neoverse-n1" },
        { "max", "arm,cortex-a57" },        /* what QEMU's "max" claims */
    };
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
        if (!strcmp(tab[i].model, cpu))
            return tab[i].compat;
    return "arm,cortex-a57";
}

static void add_cpus(Fdt *f, SysMachine *m)
{
    int n = node(f, "/", "cpus");
    char path[96];

    prop_u32(f, n, "#address-cells", 1);
    prop_u32(f, n, "#size-cells", 0);
    node(f, "/cpus", "cpu-map");
    node(f, "/cpus/cpu-map", "socket0");
    node(f, "/cpus/cpu-map/socket0", "cluster0");
    for (unsigned i = 0; i < m->smp; i++) {
        /* QEMU numbers phandles from the last CPU down. */
        uint32_t ph = PH_CPU0 + (m->smp - 1 - i);
        snprintf(path, sizeof(path), "cpu@%u", i);
        int c = node(f, "/cpus", path);
        prop_str(f, c, "device_type", "cpu");
        prop_str(f, c, "compatible", cpu_compatible(m->cpu_type));
        if (m->smp > 1)
            prop_str(f, c, "enable-method", "psci");
        prop_u32(f, c, "reg", i);
        prop_u32(f, c, "phandle", ph);
        snprintf(path, sizeof(path), "core%u", i);
        int k = node(f, "/cpus/cpu-map/socket0/cluster0", path);
        prop_u32(f, k, "cpu", ph);
    }
}

static void add_gic(Fdt *f, SysMachine *m, VirtBoard *b, uint32_t ph)
{
    int n = node(f, "/", "intc@8000000");
    prop_u32(f, n, "#interrupt-cells", 3);
    prop(f, n, "interrupt-controller", NULL, 0);
    prop_u32(f, n, "#address-cells", 2);
    prop_u32(f, n, "#size-cells", 2);
    prop(f, n, "ranges", NULL, 0);
    if (b->gic_version == 3) {
        uint32_t reg[8] = { 0, (uint32_t)VIRT_GIC_DIST, 0, 0x10000,
                            0, (uint32_t)VIRT_GIC_REDIST, 0, (uint32_t)VIRT_GIC_REDIST_SIZE };
        prop_str(f, n, "compatible", "arm,gic-v3");
        prop_u32(f, n, "#redistributor-regions", 1);
        prop_cells(f, n, "reg", reg, 8);
    } else {
        uint32_t reg[8] = { 0, (uint32_t)VIRT_GIC_DIST, 0, 0x10000,
                            0, (uint32_t)VIRT_GIC_CPU, 0, 0x10000 };
        prop_str(f, n, "compatible", "arm,cortex-a15-gic");
        prop_cells(f, n, "reg", reg, 8);
    }
    prop_u32(f, n, "phandle", ph);
    (void)m;
}

static void add_timer(Fdt *f, SysMachine *m, VirtBoard *b)
{
    /* PPIs 13 (secure), 14 (non-secure), 11 (virtual), 10 (hyp), level
     * high; GICv2 adds the CPU mask in bits 15:8 (bindings/interrupt-
     * controller/arm,gic.yaml). */
    uint32_t fl = 4 | (b->gic_version == 2 ? ((1u << m->smp) - 1) << 8 : 0);
    uint32_t ints[12] = { 1, 13, fl, 1, 14, fl, 1, 11, fl, 1, 10, fl };
    int n = node(f, "/", "timer");
    PROP_STRS(f, n, "compatible", "arm,armv8-timer\0arm,armv7-timer");
    prop(f, n, "always-on", NULL, 0);
    prop_cells(f, n, "interrupts", ints, 12);
}

static void add_devices(Fdt *f, uint32_t ph_gpio)
{
    int n = node(f, "/", "apb-pclk");
    prop_str(f, n, "compatible", "fixed-clock");
    prop_u32(f, n, "#clock-cells", 0);
    prop_u32(f, n, "clock-frequency", 24000000);
    prop_str(f, n, "clock-output-names", "clk24mhz");
    prop_u32(f, n, "phandle", PH_CLK);

    n = primecell(f, "pl011", VIRT_UART, VIRT_UART_IRQ, "arm,pl011\0arm,primecell",
                  sizeof("arm,pl011\0arm,primecell"));
    uint32_t clks[2] = { PH_CLK, PH_CLK };
    prop_cells(f, n, "clocks", clks, 2);
    PROP_STRS(f, n, "clock-names", "uartclk\0apb_pclk");
    primecell(f, "pl031", VIRT_RTC, VIRT_RTC_IRQ, "arm,pl031\0arm,primecell",
              sizeof("arm,pl031\0arm,primecell"));
    n = primecell(f, "pl061", VIRT_GPIO, VIRT_GPIO_IRQ, "arm,pl061\0arm,primecell",
                  sizeof("arm,pl061\0arm,primecell"));
    prop_u32(f, n, "#gpio-cells", 2);
    prop(f, n, "gpio-controller", NULL, 0);
    prop_u32(f, n, "phandle", ph_gpio);

    n = node(f, "/", "gpio-keys");
    prop_str(f, n, "compatible", "gpio-keys");
    n = node(f, "/gpio-keys", "poweroff");
    prop_str(f, n, "label", "GPIO Key Poweroff");
    prop_u32(f, n, "linux,code", 116);          /* KEY_POWER */
    uint32_t gpios[3] = { ph_gpio, VIRT_POWER_GPIO, 0 };
    prop_cells(f, n, "gpios", gpios, 3);

    n = node(f, "/", "fw-cfg@9020000");
    prop_str(f, n, "compatible", "qemu,fw-cfg-mmio");
    prop_reg(f, n, VIRT_FW_CFG, 0x18);
    prop(f, n, "dma-coherent", NULL, 0);

    for (int i = 0; i < VIRT_MMIO_COUNT; i++) {
        char name[40];
        uint64_t base = VIRT_MMIO + VIRT_MMIO_SIZE * (uint64_t)i;
        uint32_t ints[3] = { 0, VIRT_MMIO_IRQ + (uint32_t)i, 1 };   /* edge rising */
        snprintf(name, sizeof(name), "virtio_mmio@%llx", (unsigned long long)base);
        n = node(f, "/", name);
        prop_str(f, n, "compatible", "virtio,mmio");
        prop_reg(f, n, base, VIRT_MMIO_SIZE);
        prop_cells(f, n, "interrupts", ints, 3);
        prop(f, n, "dma-coherent", NULL, 0);
    }
}

static void add_chosen(Fdt *f)
{
    uint8_t seed[32], kaslr[8];
    int n = node(f, "/", "chosen");

    if (getrandom(seed, sizeof(seed), 0) != sizeof(seed) ||
        getrandom(kaslr, sizeof(kaslr), 0) != sizeof(kaslr)) {
        f->err = 1;
        return;
    }
    prop(f, n, "kaslr-seed", kaslr, sizeof(kaslr));
    prop(f, n, "rng-seed", seed, sizeof(seed));
    prop_str(f, n, "stdout-path", "/pl011@9000000");
}

int virt_build_fdt(SysMachine *m, VirtBoard *b)
{
    Fdt f = { malloc(FDT_SIZE), 0 };
    int n;
    uint32_t ph_gic = PH_CPU0 + m->smp, ph_gpio = ph_gic + 2;

    if (!f.fdt || fdt_create_empty_tree(f.fdt, FDT_SIZE) < 0) {
        fprintf(stderr, "guise-system-aarch64: cannot create the device tree\n");
        free(f.fdt);
        return -1;
    }
    n = fdt_path_offset(f.fdt, "/");
    PROP_STRS(&f, n, "compatible", "linux,dummy-virt");
    prop_u32(&f, n, "#address-cells", 2);
    prop_u32(&f, n, "#size-cells", 2);
    prop_str(&f, n, "model", "linux,dummy-virt");
    prop_u32(&f, n, "interrupt-parent", ph_gic);

    n = node(&f, "/", "psci");
    PROP_STRS(&f, n, "compatible", "arm,psci-1.0\0arm,psci-0.2\0arm,psci");
    prop_str(&f, n, "method", "hvc");
    /* PSCI 0.1 function IDs for old kernels: the SMC64 ones (0xc4...)
     * where a call takes 64-bit arguments, as QEMU gives AArch64 CPUs. */
    prop_u32(&f, n, "cpu_suspend", 0xc4000001);
    prop_u32(&f, n, "cpu_off", 0x84000002);
    prop_u32(&f, n, "cpu_on", 0xc4000003);
    prop_u32(&f, n, "migrate", 0xc4000005);

    n = node(&f, "/", "memory@40000000");
    prop_str(&f, n, "device_type", "memory");
    prop_reg(&f, n, VIRT_MEM, m->ram_size);

    add_cpus(&f, m);
    add_timer(&f, m, b);
    add_gic(&f, m, b, ph_gic);
    add_devices(&f, ph_gpio);
    add_chosen(&f);
    if (f.err) {
        fprintf(stderr, "guise-system-aarch64: the device tree does not fit in %d KiB\n", FDT_SIZE / 1024);
        free(f.fdt);
        return -1;
    }
    b->fdt = f.fdt;
    return 0;
}
