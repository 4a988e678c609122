/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the virt board as a whole: builds it as the program does
 * (GICv2 and GICv3, with a virtio disk and an entropy device), checks each
 * device answers at QEMU's address (PrimeCell IDs, virtio magic and device
 * IDs at the transports the first -device lands on, fw_cfg signature, RAM
 * at 0x40000000, unassigned holes), that system_powerdown presses the
 * gpio-keys button through the PL061 to SPI 7 of the GIC, and then throws
 * 200000 random accesses of random sizes and values at the device windows:
 * guise must stay up (the guest can write anything anywhere).  Last, Linux
 * boot placement, as qemu-system-aarch64 7.2 places the same files (read
 * back with its monitor's xp): Image at RAM + 2 MiB + text_offset, initrd
 * at RAM + min(RAM/2, 128 MiB), DTB at the next 2 MiB boundary.
 */
#include <stdlib.h>
#include <string.h>
#include "hw/arm/virt.h"
#include "system/runstate.h"
#include "test-sys.h"
#include "xorshift.h"

static uint64_t rd(SysMachine *m, hwaddr a, unsigned size)
{
    uint64_t v = 0;
    sys_as_read(&m->as, a, size, &v, SYS_ATTRS_CPU(0));
    return v;
}

static void wr(SysMachine *m, hwaddr a, unsigned size, uint64_t v)
{
    sys_as_write(&m->as, a, size, v, SYS_ATTRS_CPU(0));
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t next_rand(void) { return xorshift64(&rng_state); }

static void test_board(const char *gic, const char *disk)
{
    SysMachine *m = calloc(1, sizeof(*m));
    char err[100], drive[200];
    int ok;

    snprintf(drive, sizeof(drive), "file=%s,format=raw,if=none,id=d0", disk);
    ok = sys_opts_parse(gic, "type", &m->props, err, sizeof(err));
    ok &= sys_opts_parse(drive, NULL, &m->drives[m->ndrives++], err, sizeof(err));
    ok &= sys_opts_parse("virtio-blk-device,drive=d0", "driver", &m->devices[m->ndevices++], err, sizeof(err));
    ok &= sys_opts_parse("virtio-rng-device", "driver", &m->devices[m->ndevices++], err, sizeof(err));
    CHECK(ok);
    m->mc = &sys_virt_machine;
    m->ram_size = 64 << 20;
    m->smp = 2;
    m->cpu_type = "cortex-a53";
    CHECK_EQ(m->mc->init(m), 0);
    VirtBoard *b = m->board;

    CHECK_EQ(rd(m, VIRT_UART + 0xfe0, 4), 0x11);
    CHECK_EQ(rd(m, VIRT_RTC + 0xfe0, 4), 0x31);
    CHECK_EQ(rd(m, VIRT_GPIO + 0xfe0, 4), 0x61);
    CHECK(rd(m, VIRT_RTC, 4) > 1600000000);     /* host time */
    CHECK_EQ(rd(m, VIRT_MMIO, 4), 0x74726976);
    CHECK_EQ(rd(m, VIRT_MMIO + 8, 4), 0);         /* empty transport */
    CHECK_EQ(rd(m, VIRT_MMIO + 31 * 0x200 + 8, 4), 2);   /* first -device: top */
    CHECK_EQ(rd(m, VIRT_MMIO + 30 * 0x200 + 8, 4), 4);
    wr(m, VIRT_FW_CFG + 8, 2, 0);
    CHECK_EQ(rd(m, VIRT_FW_CFG, 4), 0x554d4551);
    if (b->gic_version == 3)
        CHECK_EQ(rd(m, VIRT_GIC_DIST + 0xffe8, 4), 0x3b);
    else
        CHECK_EQ(rd(m, VIRT_GIC_DIST + 4, 4), 8 | 1 << 5);
    wr(m, VIRT_MEM + 0x100, 8, 0x0123456789abcdefull);
    CHECK_EQ(rd(m, VIRT_MEM + 0x100, 8), 0x0123456789abcdefull);
    uint64_t v = 1;
    CHECK_EQ(sys_as_read(&m->as, 0x0b000000, 4, &v, SYS_ATTRS_CPU(0)), SYS_MEM_DECODE_ERROR);
    CHECK_EQ(v, 0);

    /* Power button: PL061 line 3, rising edge, to SPI 7 = INTID 39. */
    wr(m, VIRT_GPIO + 0x40c, 4, 1 << 3);        /* IEV: rising */
    wr(m, VIRT_GPIO + 0x410, 4, 1 << 3);        /* IE */
    int st;
    sys_request_powerdown();
    CHECK(!sys_runstate_handle_requests(&st));
    CHECK_EQ(rd(m, VIRT_GPIO + 0x418, 4), 1 << 3);
    CHECK(gic_is_pending(&b->gic, 0, 32 + VIRT_GPIO_IRQ));
    wr(m, VIRT_GPIO + 0x41c, 4, 1 << 3);
    CHECK(!gic_is_pending(&b->gic, 0, 32 + VIRT_GPIO_IRQ));

    /* Anything, anywhere: nothing may crash or hang. */
    static const struct { hwaddr base, size; } win[] = {
        { VIRT_GIC_DIST, 0x10000 }, { VIRT_GIC_CPU, 0x2000 },
        { VIRT_GIC_REDIST, 0x40000 }, { VIRT_UART, 0x1000 }, { VIRT_RTC, 0x1000 },
        { VIRT_FW_CFG, 0x18 }, { VIRT_GPIO, 0x1000 }, { VIRT_MMIO, 0x4000 },
        { 0, 0x0c000000 },
    };
    for (int i = 0; i < 200000; i++) {
        uint64_t r = next_rand();
        unsigned w = (unsigned)(r % (sizeof(win) / sizeof(win[0])));
        hwaddr a = win[w].base + (next_rand() % win[w].size);
        unsigned size = 1u << (r >> 8 & 3);
        if (r >> 12 & 1)
            wr(m, a, size, next_rand());
        else
            rd(m, a, size);
    }
    sys_system_reset();
    CHECK_EQ(rd(m, VIRT_MMIO + 31 * 0x200 + 0x70, 4), 0);   /* status reset */
    CHECK(1);   /* still here */
    blk_close(m->blocks[0].bs);
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f))
        exit(2);
}

/* Loads a fake Image (text_offset 0, image_size 2 MiB) and an initrd. */
static void test_boot(uint64_t ram, bool with_initrd, uint64_t initrd_at, uint64_t dtb_at)
{
    SysMachine *m = calloc(1, sizeof(*m));
    char err[100];
    uint8_t img[4096] = { 'M', 'Z' };
    char initrd[10000];
    const char *kpath = "/tmp/guise-test-virt-Image", *ipath = "/tmp/guise-test-virt-initrd";

    img[16 + 2] = 0x20;                         /* image_size = 0x200000 */
    memcpy(img + 56, "ARM\x64", 4);
    write_file(kpath, img, sizeof(img));
    memset(initrd, 'x', sizeof(initrd));
    write_file(ipath, initrd, sizeof(initrd));
    CHECK(sys_opts_parse("virt", "type", &m->props, err, sizeof(err)));
    m->mc = &sys_virt_machine;
    m->ram_size = ram;
    m->smp = 1;
    m->cpu_type = "cortex-a53";
    m->kernel = kpath;
    m->initrd = with_initrd ? ipath : NULL;
    m->append = "console=ttyAMA0";
    CHECK_EQ(m->mc->init(m), 0);
    VirtBoard *b = m->board;
    CHECK_EQ(b->boot.kernel_addr, 0x40200000);
    CHECK_EQ(rd(m, 0x40200000, 2), 0x5a4d);
    if (with_initrd) {
        CHECK_EQ(b->boot.initrd_start, initrd_at);
        CHECK_EQ(rd(m, initrd_at, 4), 0x78787878);
    }
    CHECK_EQ(b->boot.dtb_addr, dtb_at);
    CHECK_EQ(rd(m, dtb_at, 4), 0xedfe0dd0);    /* FDT magic, big-endian */
    CHECK_EQ(m->boot_pc, 0x40200000);           /* CPU 0 enters the Image */
    CHECK_EQ(m->boot_x0, dtb_at);               /* with x0 = DTB */
    unlink(kpath);
    unlink(ipath);
}

int main(void)
{
    char path[] = "/tmp/guise-test-virt.XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || ftruncate(fd, 1 << 20) < 0)
        return 2;
    close(fd);
    test_board("virt", path);
    test_board("virt,gic-version=3", path);
    unlink(path);
    test_boot(512 << 20, true, 0x48000000, 0x48200000);
    test_boot(64 << 20, false, 0, 0x42000000);
    return unit_summary();
}
