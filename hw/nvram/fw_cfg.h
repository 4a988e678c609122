/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QEMU's firmware configuration device (docs/specs/fw_cfg.rst), MMIO
 * flavour as on the virt board: data register at 0x0 (1-8 bytes, read in
 * item order), big-endian 16-bit selector at 0x8, big-endian 64-bit DMA
 * address at 0x10 (writing the low half at 0x14 starts the transfer).
 * Items: the signature "QEMU", the feature bitmap (traditional + DMA),
 * UUID, RAM size, CPU counts, kernel/initrd/command line when given, and
 * named files listed in the directory item 0x19.
 *
 * Entry points: fw_cfg_init(), fw_cfg_add_bytes(), fw_cfg_add_i32/i64(),
 * fw_cfg_add_file().
 */
#ifndef GUISE_HW_FW_CFG_H
#define GUISE_HW_FW_CFG_H

#include <stddef.h>
#include <stdint.h>
#include "system/memory.h"

enum {
    FW_CFG_SIGNATURE = 0x00, FW_CFG_ID = 0x01, FW_CFG_UUID = 0x02,
    FW_CFG_RAM_SIZE = 0x03, FW_CFG_NOGRAPHIC = 0x04, FW_CFG_NB_CPUS = 0x05,
    FW_CFG_MACHINE_ID = 0x06, FW_CFG_KERNEL_ADDR = 0x07, FW_CFG_KERNEL_SIZE = 0x08,
    FW_CFG_KERNEL_CMDLINE = 0x09, FW_CFG_INITRD_ADDR = 0x0a, FW_CFG_INITRD_SIZE = 0x0b,
    FW_CFG_BOOT_DEVICE = 0x0c, FW_CFG_NUMA = 0x0d, FW_CFG_BOOT_MENU = 0x0e,
    FW_CFG_MAX_CPUS = 0x0f, FW_CFG_KERNEL_ENTRY = 0x10, FW_CFG_KERNEL_DATA = 0x11,
    FW_CFG_INITRD_DATA = 0x12, FW_CFG_CMDLINE_ADDR = 0x13, FW_CFG_CMDLINE_SIZE = 0x14,
    FW_CFG_CMDLINE_DATA = 0x15, FW_CFG_SETUP_ADDR = 0x16, FW_CFG_SETUP_SIZE = 0x17,
    FW_CFG_SETUP_DATA = 0x18, FW_CFG_FILE_DIR = 0x19, FW_CFG_FILE_FIRST = 0x20,
};

#define FW_CFG_MAX_ITEMS 64

typedef struct FwCfgItem {
    uint16_t key;
    uint8_t *data;              /* owned */
    uint32_t len;
    char name[56];              /* files only */
} FwCfgItem;

typedef struct FwCfg {
    SysAddressSpace *as;        /* DMA goes through it */
    FwCfgItem items[FW_CFG_MAX_ITEMS];
    int nitems, nfiles;
    int cur;                    /* selected item index, -1 none */
    uint32_t offset;            /* read position in it */
    uint64_t dma_addr;
} FwCfg;

/* Maps the device (0x18 bytes) at base with the fixed items. */
int fw_cfg_init(FwCfg *f, SysAddressSpace *as, hwaddr base);
/* Adds or replaces item key with a copy of data; 0 or -errno. */
int fw_cfg_add_bytes(FwCfg *f, uint16_t key, const void *data, uint32_t len);
int fw_cfg_add_i32(FwCfg *f, uint16_t key, uint32_t v);   /* little-endian */
int fw_cfg_add_i64(FwCfg *f, uint16_t key, uint64_t v);
/* A named file (key assigned in name order from 0x20, as QEMU sorts). */
int fw_cfg_add_file(FwCfg *f, const char *name, const void *data, uint32_t len);

#endif
