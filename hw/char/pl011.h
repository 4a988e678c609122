/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARM PrimeCell PL011 UART (DDI 0183): data register with receive FIFO,
 * flag, line-control, interrupt mask/raw/masked/clear registers and the
 * PrimeCell ID registers, one combined interrupt line.  Transmission is
 * immediate (bytes go straight to the character backend), so the transmit
 * FIFO always reads empty and TXIS rises after every write; received bytes
 * queue in a 16-entry FIFO (1 entry with FIFOs disabled), raising RXIS at
 * the IFLS trigger level and RTIS for bytes waiting below it.
 *
 * Entry points: pl011_init() (registers its MMIO region at base),
 * pl011_reset(), pl011_receive() (what the backend feeds, also for tests).
 */
#ifndef GUISE_HW_PL011_H
#define GUISE_HW_PL011_H

#include <stdint.h>
#include "system/chardev.h"
#include "system/irq.h"
#include "system/memory.h"

#define PL011_FIFO_DEPTH 16

typedef struct Pl011 {
    uint32_t rsr, lcr, cr, ifls, imsc, ris, dmacr, ilpr, ibrd, fbrd;
    uint16_t fifo[PL011_FIFO_DEPTH];    /* data with error bits 8..11 */
    unsigned head, count;
    const SysIrq *irq;
    SysChardev *chr;
} Pl011;

/* Maps the UART at base (4 KiB) wired to irq and chr (either may be NULL). */
int pl011_init(Pl011 *s, SysAddressSpace *as, hwaddr base, const SysIrq *irq,
               SysChardev *chr);
void pl011_reset(void *opaque);
/* Queues received bytes (as many as fit). */
void pl011_receive(void *opaque, const uint8_t *buf, size_t len);
/* Room in the receive FIFO. */
int pl011_can_receive(void *opaque);

#endif
