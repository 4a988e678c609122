/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of fw_cfg (docs/specs/fw_cfg.rst): the signature and feature
 * items through the selector and data registers at the widths Linux and
 * firmware use, the file directory, and DMA (select + read, skip, an
 * unknown item, a bad address).
 */
#include <string.h>
#include "hw/nvram/fw_cfg.h"
#include "test-sys.h"

#define BASE 0x09020000ull
#define RAM 0x40000000ull

static SysAddressSpace as;

static void select_item(uint16_t key)
{
    /* The selector is big-endian: a little-endian CPU stores it swapped. */
    sys_as_write(&as, BASE + 8, 2, (uint16_t)(key >> 8 | key << 8), SYS_ATTRS_CPU(0));
}

static uint64_t data(unsigned size)
{
    uint64_t v = 0;
    sys_as_read(&as, BASE, size, &v, SYS_ATTRS_CPU(0));
    return v;
}

static uint64_t be64(uint64_t v) { return __builtin_bswap64(v); }

/* Runs one DMA descriptor at RAM; returns its control word after. */
static uint32_t dma(uint32_t control, uint32_t len, uint64_t addr)
{
    uint8_t *d = sys_as_ram_ptr(&as, RAM, 16);
    uint32_t c = __builtin_bswap32(control), l = __builtin_bswap32(len);
    uint64_t a = be64(addr);
    memcpy(d, &c, 4);
    memcpy(d + 4, &l, 4);
    memcpy(d + 8, &a, 8);
    sys_as_write(&as, BASE + 0x10, 8, be64(RAM), SYS_ATTRS_CPU(0));
    memcpy(&c, d, 4);
    return __builtin_bswap32(c);
}

int main(void)
{
    static FwCfg f;
    char buf[64];

    sys_as_init(&as, true);
    sys_as_add_ram(&as, "ram", RAM, 1 << 20, 0, false);
    CHECK_EQ(fw_cfg_init(&f, &as, BASE), 0);
    CHECK_EQ(fw_cfg_add_i64(&f, FW_CFG_RAM_SIZE, 512ull << 20), 0);
    CHECK_EQ(fw_cfg_add_file(&f, "etc/zzz", "last", 4), 0);
    CHECK_EQ(fw_cfg_add_file(&f, "bootorder", "/virtio@a003e00\n", 16), 0);

    /* Signature a byte at a time, then 4 bytes in one read. */
    select_item(FW_CFG_SIGNATURE);
    for (int i = 0; i < 4; i++)
        buf[i] = (char)data(1);
    CHECK(!memcmp(buf, "QEMU", 4));
    select_item(FW_CFG_SIGNATURE);
    CHECK_EQ(data(4), 0x554d4551);              /* "QEMU" in memory order */
    CHECK_EQ(data(1), 0);                       /* past the end: zero */
    select_item(FW_CFG_ID);
    CHECK_EQ(data(4), 3);                       /* traditional + DMA */
    select_item(FW_CFG_RAM_SIZE);
    CHECK_EQ(data(8), 512ull << 20);
    /* The DMA register reads back "QEMU CFG". */
    uint64_t sig;
    sys_as_read(&as, BASE + 0x10, 8, &sig, SYS_ATTRS_CPU(0));
    CHECK(!memcmp(&sig, "GFC UMEQ", 8) || be64(sig) == 0x51454d5520434647ull);

    /* Directory: big-endian count, sorted entries. */
    select_item(FW_CFG_FILE_DIR);
    uint32_t count = (uint32_t)data(4);
    CHECK_EQ(__builtin_bswap32(count), 2);
    uint8_t ent[64];
    for (int i = 0; i < 64; i++)
        ent[i] = (uint8_t)data(1);
    CHECK(!strcmp((char *)ent + 8, "bootorder"));
    CHECK_EQ(ent[3], 16);                       /* size, big-endian */
    CHECK_EQ(ent[4] << 8 | ent[5], FW_CFG_FILE_FIRST);

    /* DMA: select bootorder, read it into RAM. */
    uint32_t ctl = dma((uint32_t)FW_CFG_FILE_FIRST << 16 | 8 | 2, 16, RAM + 0x100);
    CHECK_EQ(ctl, 0);
    CHECK(!memcmp(sys_as_ram_ptr(&as, RAM + 0x100, 16), "/virtio@a003e00\n", 16));
    /* Select the other file, skip 2, read 2. */
    CHECK_EQ(dma((uint32_t)(FW_CFG_FILE_FIRST + 1) << 16 | 8 | 4, 2, 0), 0);
    CHECK_EQ(dma(2, 2, RAM + 0x200), 0);
    CHECK(!memcmp(sys_as_ram_ptr(&as, RAM + 0x200, 2), "st", 2));
    /* Writes are refused with the error bit; so is a bad address. */
    CHECK_EQ(dma(0x10, 4, RAM + 0x200), 1);
    CHECK_EQ(dma((uint32_t)FW_CFG_SIGNATURE << 16 | 8 | 2, 4, 0x1000), 1);
    /* An unknown item reads zeros. */
    memset(sys_as_ram_ptr(&as, RAM + 0x300, 4), 0xff, 4);
    CHECK_EQ(dma(0x1234u << 16 | 8 | 2, 4, RAM + 0x300), 0);
    CHECK_EQ(*(uint32_t *)sys_as_ram_ptr(&as, RAM + 0x300, 4), 0);
    sys_as_destroy(&as);
    return unit_summary();
}
