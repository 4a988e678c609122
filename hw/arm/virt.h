/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QEMU's aarch64 "virt" board: the memory map and interrupt numbers of
 * QEMU's hw/arm/virt.c (docs/system/arm/virt.rst), its devices, the device
 * tree the kernel boots from, and the Linux boot placement (boot.c).
 *
 *   0x08000000 GIC distributor      0x08010000 GICv2 CPU interface
 *   0x080a0000 GICv3 redistributors 0x09000000 PL011 (SPI 1)
 *   0x09010000 PL031 (SPI 2)        0x09020000 fw_cfg
 *   0x09030000 PL061 (SPI 7)        0x0a000000 32 virtio-mmio, 0x200 apart (SPI 16+)
 *   0x40000000 RAM
 *
 * Entry points: sys_virt_machine (the SysMachineClass), virt_build_fdt(),
 * virt_load_linux().
 */
#ifndef GUISE_HW_VIRT_H
#define GUISE_HW_VIRT_H

#include <stdint.h>
#include "hw/char/pl011.h"
#include "hw/gpio/pl061.h"
#include "hw/intc/gic.h"
#include "hw/net/virtio-net.h"
#include "hw/nvram/fw_cfg.h"
#include "hw/rtc/pl031.h"
#include "hw/virtio/virtio-devices.h"
#include "system/machine.h"

#define VIRT_GIC_DIST     0x08000000ull
#define VIRT_GIC_CPU      0x08010000ull
#define VIRT_GIC_REDIST   0x080a0000ull
#define VIRT_GIC_REDIST_SIZE 0xf60000ull
#define VIRT_UART         0x09000000ull
#define VIRT_RTC          0x09010000ull
#define VIRT_FW_CFG       0x09020000ull
#define VIRT_GPIO         0x09030000ull
#define VIRT_MMIO         0x0a000000ull
#define VIRT_MMIO_SIZE    0x200ull
#define VIRT_MMIO_COUNT   32
#define VIRT_MEM          0x40000000ull
#define VIRT_UART_IRQ     1
#define VIRT_RTC_IRQ      2
#define VIRT_GPIO_IRQ     7
#define VIRT_MMIO_IRQ     16
#define VIRT_POWER_GPIO   3

typedef struct VirtBoot {
    uint64_t kernel_addr, kernel_size;  /* where it lies in RAM */
    uint64_t entry;                     /* the Image's start, or an ELF's e_entry */
    uint64_t initrd_start, initrd_size;
    uint64_t dtb_addr;                  /* x0 at entry */
} VirtBoot;

typedef struct VirtBoard {
    int gic_version;
    Gic gic;
    Pl011 uart;
    Pl031 rtc;
    Pl061 gpio;
    FwCfg fw_cfg;
    VirtioDevice *slot[VIRT_MMIO_COUNT];
    VirtioDevice empty[VIRT_MMIO_COUNT];
    VirtioBlk blk[8];
    VirtioDevice rng[4];
    VirtioConsole console[2];
    VirtioNet net[4];
    SysTimer power_release;
    void *fdt;
    VirtBoot boot;
} VirtBoard;

extern const SysMachineClass sys_virt_machine;

/* Builds the device tree into b->fdt (malloc'd); -1 after a message. */
int virt_build_fdt(SysMachine *m, VirtBoard *b);
/* Loads -kernel/-initrd, places and patches the DTB; -1 after a message. */
int virt_load_linux(SysMachine *m, VirtBoard *b);

#endif
