/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PL031 RTC model (see pl031.h); registers from DDI 0224 3.2.
 */
#include <errno.h>
#include <string.h>
#include "hw/rtc/pl031.h"
#include "util/log.h"

enum { RTC_DR = 0x00, RTC_MR = 0x04, RTC_LR = 0x08, RTC_CR = 0x0c,
       RTC_IMSC = 0x10, RTC_RIS = 0x14, RTC_MIS = 0x18, RTC_ICR = 0x1c };

static const uint8_t pl031_id[8] = { 0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

uint32_t pl031_now(Pl031 *s)
{
    int64_t dt = sys_clock_ns(SYS_CLOCK_VIRTUAL) - s->base_ns;
    return s->base_sec + (uint32_t)(dt / 1000000000);
}

static void update_irq(Pl031 *s)
{
    sys_irq_set(s->irq, (s->ris & s->imsc) != 0);
}

/* Arms the timer for the second the counter reaches the match value. */
static void arm_match(Pl031 *s)
{
    uint32_t ahead = s->mr - pl031_now(s);
    int64_t now = sys_clock_ns(SYS_CLOCK_VIRTUAL);
    int64_t into = (now - s->base_ns) % 1000000000;
    sys_timer_mod(&s->match_timer, now - into + (int64_t)ahead * 1000000000);
}

static void match_fired(void *opaque)
{
    Pl031 *s = opaque;
    s->ris = 1;
    update_irq(s);
}

void pl031_reset(void *opaque)
{
    Pl031 *s = opaque;
    s->base_ns = sys_clock_ns(SYS_CLOCK_VIRTUAL);
    s->base_sec = (uint32_t)(sys_clock_ns(SYS_CLOCK_HOST) / 1000000000);
    s->mr = s->imsc = s->ris = 0;
    sys_timer_del(&s->match_timer);
    update_irq(s);
}

static SysMemResult rtc_read(void *opaque, hwaddr off, unsigned size,
                             uint64_t *val, SysMemAttrs at)
{
    Pl031 *s = opaque;
    (void)size;
    (void)at;
    switch (off) {
    case RTC_DR: *val = pl031_now(s); break;
    case RTC_MR: *val = s->mr; break;
    case RTC_LR: *val = s->base_sec; break;
    case RTC_CR: *val = 1; break;          /* always started */
    case RTC_IMSC: *val = s->imsc; break;
    case RTC_RIS: *val = s->ris; break;
    case RTC_MIS: *val = s->ris & s->imsc; break;
    default:
        *val = off >= 0xfe0 && off < 0x1000 ? pl031_id[(off - 0xfe0) >> 2] : 0;
    }
    return SYS_MEM_OK;
}

static SysMemResult rtc_write(void *opaque, hwaddr off, unsigned size,
                              uint64_t val, SysMemAttrs at)
{
    Pl031 *s = opaque;
    (void)size;
    (void)at;
    switch (off) {
    case RTC_MR: s->mr = (uint32_t)val; arm_match(s); break;
    case RTC_LR:
        s->base_ns = sys_clock_ns(SYS_CLOCK_VIRTUAL);
        s->base_sec = (uint32_t)val;
        arm_match(s);
        break;
    case RTC_CR: break;
    case RTC_IMSC: s->imsc = val & 1; update_irq(s); break;
    case RTC_ICR: s->ris &= ~(uint32_t)val; update_irq(s); break;
    default:
        log_once(LOG_GUEST_ERROR, 0x31000 + off, "pl031: write to read-only or reserved offset 0x%x\n", (unsigned)off);
    }
    return SYS_MEM_OK;
}

static const SysMemOps rtc_ops = { rtc_read, rtc_write, 4, 4 };

int pl031_init(Pl031 *s, SysAddressSpace *as, hwaddr base, const SysIrq *irq)
{
    memset(s, 0, sizeof(*s));
    s->irq = irq;
    sys_timer_init(&s->match_timer, SYS_CLOCK_VIRTUAL, match_fired, s);
    pl031_reset(s);
    return sys_as_add_mmio(as, "pl031", base, 0x1000, 0, &rtc_ops, s) ? 0 : -errno;
}
