/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Random values written to (and read from) random registers of the virt
 * board's devices and the holes between them, with interrupts masked:
 * the machine must survive (no crash, no hang) and the UART must still
 * print afterwards.  Accesses the architecture may answer with an
 * external abort are skipped by the handler.  fw_cfg's DMA address
 * register is left out: a random DMA descriptor address could rewrite
 * this program.
 */
#include "lib.h"

static const struct { uint64_t base, size; } windows[] = {
    { 0x08000000, 0x10000 },      /* GIC distributor */
    { 0x08010000, 0x10000 },      /* GICv2 CPU interface / GICv3 ITS hole */
    { 0x080a0000, 0x40000 },      /* GICv3 redistributors */
    { 0x09000000, 0x1000 },       /* PL011 */
    { 0x09010000, 0x1000 },       /* PL031 */
    { 0x09020000, 0x10 },         /* fw_cfg data and selector */
    { 0x09030000, 0x1000 },       /* PL061 */
    { 0x0a000000, 0x4000 },       /* virtio-mmio transports */
    { 0x0b000000, 0x10000 },      /* unassigned */
};

static volatile unsigned aborts;

void exception(struct frame *f, unsigned kind)
{
    (void)kind;
    aborts++;
    f->elr += 4;
}

int main(void)
{
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    unsigned n = sizeof(windows) / sizeof(windows[0]);

    __asm__ volatile("msr daifset, #0xf");
    for (unsigned i = 0; i < 20000; i++) {
        uint64_t r = rnd(&seed);
        unsigned w = (unsigned)(r % n);
        uint64_t addr = windows[w].base + ((r >> 8) % windows[w].size & ~3ull);
        uint32_t v = (uint32_t)rnd(&seed);
        if ((r >> 40) & 1)
            mmio_write32(addr, v);
        else
            (void)mmio_read32(addr);
    }
    /* The UART back to a known state: enabled, 8 bits, FIFOs. */
    mmio_write32(0x09000030, 0x301);
    mmio_write32(0x0900002c, 0x70);
    printf("survived 20000 random device accesses\n");
    return 0;
}
