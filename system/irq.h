/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interrupt lines.  A SysIrq is the input end of a wire: an interrupt
 * controller (or a CPU) owns an array of them, one per input, and a device
 * holds a pointer to the one the board wired it to.  Raising or lowering
 * the line calls the owner's handler with the input number and the level
 * (1 or 0); an unwired line (NULL) goes nowhere.  Lines are driven under
 * the big lock (mainloop.h).
 *
 * Entry points: sys_irq_init_array(), sys_irq_set(), sys_irq_raise(),
 * sys_irq_lower(), sys_irq_pulse().
 */
#ifndef GUISE_SYSTEM_IRQ_H
#define GUISE_SYSTEM_IRQ_H

#include <stddef.h>

typedef void (*SysIrqHandler)(void *opaque, int n, int level);

typedef struct SysIrq {
    SysIrqHandler handler;
    void *opaque;
    int n;
} SysIrq;

/* Makes irqs[0..count) the inputs n = 0..count-1 of handler/opaque. */
static inline void sys_irq_init_array(SysIrq *irqs, size_t count,
                                      SysIrqHandler handler, void *opaque)
{
    for (size_t i = 0; i < count; i++)
        irqs[i] = (SysIrq){ handler, opaque, (int)i };
}

static inline void sys_irq_set(const SysIrq *irq, int level)
{
    if (irq && irq->handler)
        irq->handler(irq->opaque, irq->n, level != 0);
}

static inline void sys_irq_raise(const SysIrq *irq) { sys_irq_set(irq, 1); }
static inline void sys_irq_lower(const SysIrq *irq) { sys_irq_set(irq, 0); }
/* An edge: raise then lower (for edge-triggered inputs). */
static inline void sys_irq_pulse(const SysIrq *irq)
{
    sys_irq_set(irq, 1);
    sys_irq_set(irq, 0);
}

#endif
