/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARM PrimeCell PL061 GPIO (DDI 0190): 8 lines with direction, masked data
 * access (address bits 9:2 select the bits), level/edge/both-edges
 * interrupt detection and one combined interrupt.  The board drives input
 * lines through in[] (virt: line 3 is the power button of gpio-keys).
 *
 * Entry points: pl061_init(), pl061_reset(), and the inputs in[].
 */
#ifndef GUISE_HW_PL061_H
#define GUISE_HW_PL061_H

#include <stdint.h>
#include "system/irq.h"
#include "system/memory.h"

typedef struct Pl061 {
    uint8_t data, dir, is, ibe, iev, ie, ris, afsel;
    uint8_t in_level;           /* levels driven on the input lines */
    const SysIrq *irq;
    SysIrq in[8];
} Pl061;

int pl061_init(Pl061 *s, SysAddressSpace *as, hwaddr base, const SysIrq *irq);
void pl061_reset(void *opaque);

#endif
