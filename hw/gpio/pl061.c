/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PL061 GPIO model (see pl061.h); registers from DDI 0190 3.3.
 */
#include <errno.h>
#include <string.h>
#include "hw/gpio/pl061.h"
#include "util/log.h"

enum { GPIODIR = 0x400, GPIOIS = 0x404, GPIOIBE = 0x408, GPIOIEV = 0x40c,
       GPIOIE = 0x410, GPIORIS = 0x414, GPIOMIS = 0x418, GPIOIC = 0x41c,
       GPIOAFSEL = 0x420 };

static const uint8_t pl061_id[8] = { 0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

/* What the pins read: outputs from DATA, inputs from the lines. */
static uint8_t pins(const Pl061 *s)
{
    return (uint8_t)((s->data & s->dir) | (s->in_level & ~s->dir));
}

static void update(Pl061 *s, uint8_t old_pins)
{
    uint8_t now = pins(s), changed = now ^ old_pins;
    /* Level-sensitive lines follow the level; edge ones latch (3.3.4). */
    uint8_t level_hit = (uint8_t)(s->is & ~(now ^ s->iev));
    uint8_t edge_hit = (uint8_t)(~s->is & changed & (s->ibe | ~(now ^ s->iev)));
    s->ris = (uint8_t)((s->ris & ~s->is) | level_hit | edge_hit);
    sys_irq_set(s->irq, (s->ris & s->ie) != 0);
}

static void pl061_set_input(void *opaque, int n, int level)
{
    Pl061 *s = opaque;
    uint8_t old = pins(s);
    s->in_level = (uint8_t)((s->in_level & ~(1u << n)) | (level ? 1u << n : 0));
    update(s, old);
}

void pl061_reset(void *opaque)
{
    Pl061 *s = opaque;
    uint8_t in = s->in_level;
    s->data = s->dir = s->is = s->ibe = s->iev = s->ie = s->ris = s->afsel = 0;
    s->in_level = in;
    sys_irq_set(s->irq, 0);
}

static SysMemResult gpio_read(void *opaque, hwaddr off, unsigned size,
                              uint64_t *val, SysMemAttrs at)
{
    Pl061 *s = opaque;
    (void)size;
    (void)at;
    if (off < 0x400) {
        *val = pins(s) & (off >> 2);
        return SYS_MEM_OK;
    }
    switch (off) {
    case GPIODIR: *val = s->dir; break;
    case GPIOIS: *val = s->is; break;
    case GPIOIBE: *val = s->ibe; break;
    case GPIOIEV: *val = s->iev; break;
    case GPIOIE: *val = s->ie; break;
    case GPIORIS: *val = s->ris; break;
    case GPIOMIS: *val = s->ris & s->ie; break;
    case GPIOAFSEL: *val = s->afsel; break;
    default:
        *val = off >= 0xfe0 && off < 0x1000 ? pl061_id[(off - 0xfe0) >> 2] : 0;
    }
    return SYS_MEM_OK;
}

static SysMemResult gpio_write(void *opaque, hwaddr off, unsigned size,
                               uint64_t val, SysMemAttrs at)
{
    Pl061 *s = opaque;
    uint8_t v = (uint8_t)val, old = pins(s);
    (void)size;
    (void)at;
    if (off < 0x400) {
        uint8_t mask = (uint8_t)(off >> 2);
        s->data = (uint8_t)((s->data & ~mask) | (v & mask));
    } else {
        switch (off) {
        case GPIODIR: s->dir = v; break;
        case GPIOIS: s->is = v; break;
        case GPIOIBE: s->ibe = v; break;
        case GPIOIEV: s->iev = v; break;
        case GPIOIE: s->ie = v; break;
        case GPIOIC: s->ris &= (uint8_t)~v; break;
        case GPIOAFSEL: s->afsel = v; break;
        default:
            log_once(LOG_GUEST_ERROR, 0x61000 + off, "pl061: write to read-only or reserved offset 0x%x\n", (unsigned)off);
        }
    }
    update(s, old);
    return SYS_MEM_OK;
}

static const SysMemOps gpio_ops = { gpio_read, gpio_write, 4, 4 };

int pl061_init(Pl061 *s, SysAddressSpace *as, hwaddr base, const SysIrq *irq)
{
    memset(s, 0, sizeof(*s));
    s->irq = irq;
    sys_irq_init_array(s->in, 8, pl061_set_input, s);
    pl061_reset(s);
    return sys_as_add_mmio(as, "pl061", base, 0x1000, 0, &gpio_ops, s) ? 0 : -errno;
}
