/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virt board (see virt.h): -M properties, RAM, the GIC, PL011, PL031,
 * PL061 with the power button, fw_cfg, the 32 virtio-mmio transports with
 * the -device virtio devices plugged in (the first -device gets the
 * highest transport, as in QEMU; virtio-net on its -netdev), the device
 * tree, Linux loading, and
 * -machine dumpdtb.
 */
#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hw/arm/virt.h"
#include "system/net.h"
#include "system/runstate.h"

static const char *const virt_props[] = { "gic-version", "dumpdtb", NULL };
static const char *const virt_cpus[] = { "cortex-a53", "cortex-a57", "cortex-a72",
                                         "neoverse-n1", "max", NULL };

static int err1(const char *fmt, const char *arg)
{
    fprintf(stderr, "guise-system-aarch64: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    return -1;
}

static void power_release(void *opaque)
{
    VirtBoard *b = opaque;
    sys_irq_lower(&b->gpio.in[VIRT_POWER_GPIO]);
}

/* system_powerdown: press the gpio-keys power button for 100 ms. */
static void virt_powerdown(void *opaque)
{
    VirtBoard *b = opaque;
    sys_irq_raise(&b->gpio.in[VIRT_POWER_GPIO]);
    sys_timer_mod(&b->power_release, sys_clock_ns(SYS_CLOCK_REALTIME) + 100000000);
}

static const SysOpts *find_opts(const SysOpts *list, int n, const char *id)
{
    for (int i = 0; i < n; i++) {
        const char *v = sys_opts_get(&list[i], "id");
        if (v && !strcmp(v, id))
            return &list[i];
    }
    return NULL;
}

/* Opens drive d (name id) and plugs a virtio-blk for it into transport k. */
static int plug_blk(SysMachine *m, VirtBoard *b, const SysOpts *d, const char *id,
                    const char *serial, int *nblk, int k)
{
    const char *file = sys_opts_get(d, "file"), *fmt = sys_opts_get(d, "format");
    const char *ro = sys_opts_get(d, "readonly");
    BlkDev *bs;
    int r;

    if (*nblk == 8 || m->nblocks == 8)
        return err1("too many disks (at most 8)%s", "");
    if (k >= VIRT_MMIO_COUNT)
        return err1("no free virtio-mmio transport for drive %s", id);
    if (!file)
        return err1("-drive %s has no file=", id);
    r = blk_open(&bs, file, fmt, ro && !strcmp(ro, "on") ? 0 : BLK_O_RDWR);
    if (r < 0) {
        fprintf(stderr, "guise-system-aarch64: cannot open disk image '%s': %s\n", file,
                *blk_last_error() ? blk_last_error() : strerror(-r));
        return -1;
    }
    SysBlockEntry *e = &m->blocks[m->nblocks++];
    snprintf(e->id, sizeof(e->id), "%s", id);
    snprintf(e->file, sizeof(e->file), "%s", file);
    snprintf(e->format, sizeof(e->format), "%s", bs->drv->name);
    snprintf(e->qdev, sizeof(e->qdev), "/machine/peripheral-anon/device[%d]", k);
    e->bs = bs;
    virtio_blk_init(&b->blk[*nblk], bs, serial);
    b->slot[VIRT_MMIO_COUNT - 1 - k] = &b->blk[(*nblk)++].vdev;
    return 0;
}

/* -device virtio-blk-device,drive=ID: the -drive with that id. */
static int add_blk(SysMachine *m, VirtBoard *b, const SysOpts *dev, int *nblk, int k)
{
    const char *id = sys_opts_get(dev, "drive");
    const SysOpts *d;

    if (!id)
        return err1("-device virtio-blk-device needs drive=ID%s", "");
    if (!(d = find_opts(m->drives, m->ndrives, id)))
        return err1("-device virtio-blk-device: no -drive with id=%s", id);
    return plug_blk(m, b, d, id, sys_opts_get(dev, "serial"), nblk, k);
}

/*
 * -drive if=virtio (virt's default interface when if= is absent) makes its
 * own virtio-blk, after the -device ones; if=none waits for a -device.
 */
static int add_drives(SysMachine *m, VirtBoard *b, int *nblk, int k)
{
    char name[32];

    for (int i = 0; i < m->ndrives; i++) {
        const char *itf = sys_opts_get(&m->drives[i], "if"), *id = sys_opts_get(&m->drives[i], "id");
        if (itf && !strcmp(itf, "none"))
            continue;
        if (itf && strcmp(itf, "virtio"))
            return err1("-drive if=%s is not available on virt (if=none with -device, or if=virtio)", itf);
        snprintf(name, sizeof(name), "virtio%d", i);
        if (plug_blk(m, b, &m->drives[i], id ? id : name, NULL, nblk, k++) < 0)
            return -1;
    }
    return 0;
}

/*
 * -device virtio-net-device,netdev=ID[,mac=X]: the -netdev with that id;
 * QEMU's default MAC 52:54:00:12:34:56, one more for each further NIC.
 */
static int add_net(VirtBoard *b, const SysOpts *dev, int *nnet, int k)
{
    const char *id = sys_opts_get(dev, "netdev"), *mac_s = sys_opts_get(dev, "mac");
    uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, (uint8_t)(0x56 + *nnet) };
    SysNetdev *nd;
    int r;

    if (*nnet == 4)
        return err1("too many virtio-net-device (at most 4)%s", "");
    if (!id)
        return err1("-device virtio-net-device needs netdev=ID (and a -netdev user,id=ID)%s", "");
    if (!(nd = sys_netdev_find(id)))
        return err1("-device virtio-net-device: no -netdev with id=%s", id);
    if (mac_s && !virtio_net_parse_mac(mac_s, mac))
        return err1("-device virtio-net-device: bad mac=%s (expected a unicast address like 52:54:00:12:34:56)", mac_s);
    if ((r = virtio_net_init(&b->net[*nnet], nd, mac)) < 0)
        return r == -EBUSY ? err1("-netdev %s is already used by another device", id)
                           : err1("-netdev %s: out of memory", id);
    b->slot[VIRT_MMIO_COUNT - 1 - k] = &b->net[(*nnet)++].vdev;
    return 0;
}

/* Plugs each -device into the next free transport, from the top down. */
static int add_devices(SysMachine *m, VirtBoard *b)
{
    int nblk = 0, nrng = 0, ncon = 0, nnet = 0;

    for (int k = 0; k < m->ndevices; k++) {
        const SysOpts *dev = &m->devices[k];
        const char *drv = sys_opts_get(dev, "driver");
        if (k >= VIRT_MMIO_COUNT)
            return err1("too many -device options (%s)", drv);
        if (!strcmp(drv, "virtio-blk-device")) {
            if (add_blk(m, b, dev, &nblk, k) < 0)
                return -1;
        } else if (!strcmp(drv, "virtio-rng-device")) {
            if (nrng == 4)
                return err1("too many %s", drv);
            virtio_rng_init(&b->rng[nrng]);
            b->slot[VIRT_MMIO_COUNT - 1 - k] = &b->rng[nrng++];
        } else if (!strcmp(drv, "virtio-serial-device") || !strcmp(drv, "virtconsole")) {
            /* One port per device: virtconsole,chardev=ID names its backend. */
            const char *cid = sys_opts_get(dev, "chardev");
            SysChardev *chr = cid ? sys_chardev_find(cid) : NULL;
            if (cid && !chr)
                return err1("-device virtconsole: no -chardev with id=%s", cid);
            if (ncon == 2)
                return err1("too many %s", drv);
            virtio_console_init(&b->console[ncon], chr);
            b->slot[VIRT_MMIO_COUNT - 1 - k] = &b->console[ncon++].vdev;
        } else if (!strcmp(drv, "virtio-net-device")) {
            if (add_net(b, dev, &nnet, k) < 0)
                return -1;
        } else {
            return err1("-device '%s' is not available on this machine (virtio-blk-device, virtio-net-device, virtio-rng-device, virtio-serial-device, virtconsole)", drv);
        }
    }
    return add_drives(m, b, &nblk, m->ndevices);
}

static int dump_dtb(VirtBoard *b, const char *file)
{
    FILE *fp = fopen(file, "wb");
    if (!fp || fwrite(b->fdt, 1, fdt_totalsize(b->fdt), fp) != fdt_totalsize(b->fdt) ||
        fclose(fp) != 0)
        return err1("cannot write the device tree to '%s'", file);
    fprintf(stderr, "guise-system-aarch64: info: dtb dumped to %s. Exiting.\n", file);
    return 1;
}

static int parse_props(SysMachine *m, VirtBoard *b)
{
    const char *gv = sys_machine_prop(m, "gic-version");

    b->gic_version = 2;
    if (gv && (!strcmp(gv, "3") || !strcmp(gv, "max")))
        b->gic_version = 3;
    else if (gv && strcmp(gv, "2"))
        return err1("gic-version=%s is not supported (2, 3 or max)", gv);
    if (b->gic_version == 2 && m->smp > 8)
        return err1("-smp %s: GICv2 serves at most 8 CPUs (use -M virt,gic-version=3)", "N");
    if (m->smp > GIC_MAX_CPUS)
        return err1("-smp: at most 16 CPUs on virt for now%s", "");
    if (m->ram_size > 255ull << 30)
        return err1("-m: the virt board takes at most 255 GiB of low RAM%s", "");
    return 0;
}

static int virt_init(SysMachine *m)
{
    VirtBoard *b = calloc(1, sizeof(*b));
    const char *dump = sys_machine_prop(m, "dumpdtb");
    int r;

    if (!b)
        return err1("out of memory%s", "");
    m->board = b;
    if (parse_props(m, b) < 0)
        return -1;
    sys_as_init(&m->as, true);  /* unassigned accesses: external aborts */
    if (!sys_as_add_ram(&m->as, "ram", VIRT_MEM, m->ram_size, 0, false))
        return err1("cannot reserve guest RAM: %s", strerror(errno));
    r = b->gic_version == 3
        ? gicv3_init(&b->gic, &m->as, VIRT_GIC_DIST, VIRT_GIC_REDIST, m->smp)
        : gicv2_init(&b->gic, &m->as, VIRT_GIC_DIST, VIRT_GIC_CPU, m->smp);
    if (r < 0 ||
        pl011_init(&b->uart, &m->as, VIRT_UART, gic_spi(&b->gic, VIRT_UART_IRQ), m->serial) < 0 ||
        pl031_init(&b->rtc, &m->as, VIRT_RTC, gic_spi(&b->gic, VIRT_RTC_IRQ)) < 0 ||
        pl061_init(&b->gpio, &m->as, VIRT_GPIO, gic_spi(&b->gic, VIRT_GPIO_IRQ)) < 0 ||
        fw_cfg_init(&b->fw_cfg, &m->as, VIRT_FW_CFG) < 0)
        return err1("cannot create the board's devices%s", "");
    uint8_t ncpu[2] = { (uint8_t)m->smp, (uint8_t)(m->smp >> 8) };
    fw_cfg_add_bytes(&b->fw_cfg, FW_CFG_NB_CPUS, ncpu, 2);
    fw_cfg_add_bytes(&b->fw_cfg, FW_CFG_MAX_CPUS, ncpu, 2);
    fw_cfg_add_i64(&b->fw_cfg, FW_CFG_RAM_SIZE, m->ram_size);
    sys_timer_init(&b->power_release, SYS_CLOCK_REALTIME, power_release, b);
    sys_powerdown_register(virt_powerdown, b);
    if (add_devices(m, b) < 0)
        return -1;
    for (int i = 0; i < VIRT_MMIO_COUNT; i++) {
        VirtioDevice *v = b->slot[i] ? b->slot[i] : &b->empty[i];
        if (virtio_mmio_init(v, &m->as, VIRT_MMIO + VIRT_MMIO_SIZE * (uint64_t)i,
                             gic_spi(&b->gic, VIRT_MMIO_IRQ + (unsigned)i)) < 0)
            return err1("cannot create the virtio-mmio transports%s", "");
        sys_reset_register(virtio_reset, v);
    }
    sys_reset_register(gic_reset, &b->gic);
    sys_reset_register(pl011_reset, &b->uart);
    sys_reset_register(pl031_reset, &b->rtc);
    sys_reset_register(pl061_reset, &b->gpio);
    if (virt_build_fdt(m, b) < 0 || virt_load_linux(m, b) < 0)
        return -1;
    if (dump)
        return dump_dtb(b, dump);
    return 0;
}

const SysMachineClass sys_virt_machine = {
    .name = "virt",
    .desc = "QEMU's ARM Virtual Machine (aarch64 Linux: GICv2/v3, PL011, virtio-mmio)",
    .props = virt_props,
    .default_cpu = "max",
    .default_ram = 128ull << 20,
    .max_cpus = GIC_MAX_CPUS,
    .cpus = virt_cpus,
    .init = virt_init,
};
