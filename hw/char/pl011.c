/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PL011 UART model (see pl011.h).  Register offsets and bits from the
 * PL011 Technical Reference Manual (DDI 0183), chapter 3.
 */
#include <errno.h>
#include <string.h>
#include "hw/char/pl011.h"
#include "util/log.h"

enum {
    UART_DR = 0x000, UART_RSR = 0x004, UART_FR = 0x018, UART_ILPR = 0x020,
    UART_IBRD = 0x024, UART_FBRD = 0x028, UART_LCR_H = 0x02c, UART_CR = 0x030,
    UART_IFLS = 0x034, UART_IMSC = 0x038, UART_RIS = 0x03c, UART_MIS = 0x040,
    UART_ICR = 0x044, UART_DMACR = 0x048,
};

enum {
    FR_BUSY = 1 << 3, FR_RXFE = 1 << 4, FR_TXFF = 1 << 5, FR_RXFF = 1 << 6,
    FR_TXFE = 1 << 7,
};

enum { INT_RX = 1 << 4, INT_TX = 1 << 5, INT_RT = 1 << 6, INT_ALL = 0x7ff };
enum { LCR_FEN = 1 << 4 };

/* PrimeCell identification, 0xfe0..0xffc (TRM 3.3.14-15). */
static const uint8_t pl011_id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static unsigned fifo_depth(const Pl011 *s)
{
    return (s->lcr & LCR_FEN) ? PL011_FIFO_DEPTH : 1;
}

/* RX trigger level from IFLS.RXIFLSEL (1/8 .. 7/8 full). */
static unsigned rx_trigger(const Pl011 *s)
{
    static const unsigned eighths[8] = { 1, 2, 4, 6, 7, 7, 7, 7 };
    if (!(s->lcr & LCR_FEN))
        return 1;
    return PL011_FIFO_DEPTH * eighths[(s->ifls >> 3) & 7] / 8;
}

static void update_irq(Pl011 *s)
{
    sys_irq_set(s->irq, (s->ris & s->imsc) != 0);
}

/* Recomputes the receive interrupts from the FIFO level. */
static void update_rx(Pl011 *s)
{
    s->ris &= ~(uint32_t)(INT_RX | INT_RT);
    if (s->count >= rx_trigger(s))
        s->ris |= INT_RX;
    else if (s->count)
        s->ris |= INT_RT;   /* stands for the receive time-out */
    update_irq(s);
}

void pl011_reset(void *opaque)
{
    Pl011 *s = opaque;
    s->rsr = s->lcr = s->imsc = s->ris = s->dmacr = s->ilpr = 0;
    s->ibrd = s->fbrd = 0;
    s->cr = 0x300;
    s->ifls = 0x12;
    s->head = s->count = 0;
    update_irq(s);
}

int pl011_can_receive(void *opaque)
{
    Pl011 *s = opaque;
    return (int)(fifo_depth(s) - s->count);
}

void pl011_receive(void *opaque, const uint8_t *buf, size_t len)
{
    Pl011 *s = opaque;
    for (size_t i = 0; i < len && s->count < fifo_depth(s); i++) {
        s->fifo[(s->head + s->count) % PL011_FIFO_DEPTH] = buf[i];
        s->count++;
    }
    update_rx(s);
}

static uint32_t read_dr(Pl011 *s)
{
    uint32_t v = 0;
    if (s->count) {
        v = s->fifo[s->head];
        s->head = (s->head + 1) % PL011_FIFO_DEPTH;
        s->count--;
    }
    s->rsr = v >> 8;
    update_rx(s);
    sys_chardev_accept_input(s->chr);
    return v;
}

static uint32_t read_fr(const Pl011 *s)
{
    uint32_t fr = FR_TXFE;
    if (!s->count)
        fr |= FR_RXFE;
    if (s->count == fifo_depth(s))
        fr |= FR_RXFF;
    return fr;
}

static SysMemResult pl011_read(void *opaque, hwaddr off, unsigned size,
                               uint64_t *val, SysMemAttrs attrs)
{
    Pl011 *s = opaque;
    (void)size;
    (void)attrs;
    switch (off) {
    case UART_DR: *val = read_dr(s); break;
    case UART_RSR: *val = s->rsr; break;
    case UART_FR: *val = read_fr(s); break;
    case UART_ILPR: *val = s->ilpr; break;
    case UART_IBRD: *val = s->ibrd; break;
    case UART_FBRD: *val = s->fbrd; break;
    case UART_LCR_H: *val = s->lcr; break;
    case UART_CR: *val = s->cr; break;
    case UART_IFLS: *val = s->ifls; break;
    case UART_IMSC: *val = s->imsc; break;
    case UART_RIS: *val = s->ris; break;
    case UART_MIS: *val = s->ris & s->imsc; break;
    case UART_DMACR: *val = s->dmacr; break;
    default:
        if (off >= 0xfe0 && off < 0x1000) {
            *val = pl011_id[(off - 0xfe0) >> 2];
            break;
        }
        log_once(LOG_GUEST_ERROR, 0x011000 + off, "pl011: read of bad offset 0x%x\n", (unsigned)off);
        *val = 0;
    }
    return SYS_MEM_OK;
}

static void write_dr(Pl011 *s, uint32_t v)
{
    uint8_t c = (uint8_t)v;
    if (s->chr)
        sys_chardev_write(s->chr, &c, 1);
    s->ris |= INT_TX;
    update_irq(s);
}

static SysMemResult pl011_write(void *opaque, hwaddr off, unsigned size,
                                uint64_t val, SysMemAttrs attrs)
{
    Pl011 *s = opaque;
    uint32_t v = (uint32_t)val;
    (void)size;
    (void)attrs;
    switch (off) {
    case UART_DR: write_dr(s, v); break;
    case UART_RSR: s->rsr = 0; break;           /* ECR: clears errors */
    case UART_ILPR: s->ilpr = v & 0xff; break;
    case UART_IBRD: s->ibrd = v & 0xffff; break;
    case UART_FBRD: s->fbrd = v & 0x3f; break;
    case UART_LCR_H:
        /* Switching FIFOs off or on flushes them (TRM 3.3.7). */
        if ((v ^ s->lcr) & LCR_FEN)
            s->head = s->count = 0;
        s->lcr = v & 0xff;
        update_rx(s);
        break;
    case UART_CR: s->cr = v & 0xff87; break;
    case UART_IFLS: s->ifls = v & 0x3f; update_rx(s); break;
    case UART_IMSC: s->imsc = v & INT_ALL; update_irq(s); break;
    case UART_ICR: s->ris &= ~v; update_irq(s); break;
    case UART_DMACR:
        s->dmacr = v & 7;
        if (v & 3)
            log_once(LOG_UNIMP, 0x011dac, "pl011: DMA is not implemented\n");
        break;
    default:
        log_once(LOG_GUEST_ERROR, 0x011100 + off, "pl011: write to bad offset 0x%x\n", (unsigned)off);
    }
    return SYS_MEM_OK;
}

static const SysMemOps pl011_ops = {
    .read = pl011_read, .write = pl011_write, .min_size = 4, .max_size = 4,
};

int pl011_init(Pl011 *s, SysAddressSpace *as, hwaddr base, const SysIrq *irq,
               SysChardev *chr)
{
    memset(s, 0, sizeof(*s));
    s->irq = irq;
    s->chr = chr;
    pl011_reset(s);
    if (chr)
        sys_chardev_set_frontend(chr, pl011_can_receive, pl011_receive, NULL, s);
    return sys_as_add_mmio(as, "pl011", base, 0x1000, 0, &pl011_ops, s) ? 0 : -errno;
}
