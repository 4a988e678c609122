/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARM PrimeCell PL031 real-time clock (DDI 0224): a seconds counter that
 * starts at the host's wall-clock time and then follows the virtual clock
 * (so it stands still while the machine is stopped), load and match
 * registers, the match interrupt.
 *
 * Entry points: pl031_init(), pl031_reset().
 */
#ifndef GUISE_HW_PL031_H
#define GUISE_HW_PL031_H

#include <stdint.h>
#include "system/irq.h"
#include "system/memory.h"
#include "system/timer.h"

typedef struct Pl031 {
    int64_t base_ns;            /* virtual-clock time of the last load */
    uint32_t base_sec;          /* counter value at base_ns */
    uint32_t mr, imsc, ris;
    SysTimer match_timer;
    const SysIrq *irq;
} Pl031;

int pl031_init(Pl031 *s, SysAddressSpace *as, hwaddr base, const SysIrq *irq);
void pl031_reset(void *opaque);
/* The counter now (RTCDR). */
uint32_t pl031_now(Pl031 *s);

#endif
