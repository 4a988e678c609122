/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the PL011 UART model through the address space: reset
 * values and PrimeCell IDs, transmission to the backend, the receive FIFO
 * in character and FIFO mode with its trigger levels, flag register, and
 * the interrupt line (mask, raw/masked status, clear).
 */
#include <string.h>
#include "hw/char/pl011.h"
#include "test-sys.h"

#define BASE 0x09000000
static SysAddressSpace as;
static int irq_level[1];

static uint32_t rd(hwaddr off) { return t_rd32(&as, BASE + off); }
static void wr(hwaddr off, uint32_t v) { t_wr32(&as, BASE + off, v); }

int main(void)
{
    static Pl011 uart;
    SysIrq line;
    int rdfd;
    char out[64];
    SysChardev *chr = t_pipe_chardev(&rdfd);

    sys_as_init(&as, true);
    sys_irq_init_array(&line, 1, t_irq_record, irq_level);
    CHECK_EQ(pl011_init(&uart, &as, BASE, &line, chr), 0);

    /* Reset state (TRM 3.2): FR = TXFE|RXFE, CR = TXE|RXE, IFLS = 1/2. */
    CHECK_EQ(rd(0x18), 0x90);
    CHECK_EQ(rd(0x30), 0x300);
    CHECK_EQ(rd(0x34), 0x12);
    CHECK_EQ(rd(0x38), 0);
    static const uint8_t id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };
    for (int i = 0; i < 8; i++)
        CHECK_EQ(rd(0xfe0 + 4 * i), id[i]);

    /* Transmit: bytes reach the backend; TXIS rises, masked until IMSC. */
    wr(0x00, 'h');
    wr(0x00, 'i');
    t_pipe_read(rdfd, out, sizeof(out));
    CHECK(!strcmp(out, "hi"));
    CHECK_EQ(rd(0x3c) & 0x20, 0x20);
    CHECK_EQ(irq_level[0], 0);
    wr(0x38, 0x20);
    CHECK_EQ(irq_level[0], 1);
    CHECK_EQ(rd(0x40), 0x20);
    wr(0x44, 0x20);                 /* ICR */
    CHECK_EQ(irq_level[0], 0);
    CHECK_EQ(rd(0x3c) & 0x20, 0);
    wr(0x38, 0);

    /* Character mode: a one-byte holding register. */
    CHECK_EQ(pl011_can_receive(&uart), 1);
    pl011_receive(&uart, (const uint8_t *)"ab", 2);   /* 'b' does not fit */
    CHECK_EQ(rd(0x18) & 0x50, 0x40);                  /* RXFF, not RXFE */
    CHECK_EQ(rd(0x3c) & 0x10, 0x10);                  /* RXIS */
    wr(0x38, 0x50);
    CHECK_EQ(irq_level[0], 1);
    CHECK_EQ(rd(0x00), 'a');
    CHECK_EQ(rd(0x18) & 0x10, 0x10);
    CHECK_EQ(irq_level[0], 0);
    CHECK_EQ(rd(0x00), 0);          /* empty: reads 0 */

    /* FIFO mode, trigger at 1/2 (8 of 16): below it only the time-out. */
    wr(0x2c, 0x70);                 /* FEN, 8 bits */
    CHECK_EQ(pl011_can_receive(&uart), 16);
    pl011_receive(&uart, (const uint8_t *)"0123456", 7);
    CHECK_EQ(rd(0x3c) & 0x50, 0x40);                  /* RTIS */
    CHECK_EQ(irq_level[0], 1);
    pl011_receive(&uart, (const uint8_t *)"7", 1);
    CHECK_EQ(rd(0x3c) & 0x50, 0x10);                  /* RXIS */
    pl011_receive(&uart, (const uint8_t *)"89abcdefXYZ", 11);
    CHECK_EQ(rd(0x18) & 0x40, 0x40);                  /* full at 16 */
    CHECK_EQ(pl011_can_receive(&uart), 0);
    char got[17] = { 0 };
    for (int i = 0; i < 16; i++)
        got[i] = (char)rd(0x00);
    CHECK(!strcmp(got, "0123456789abcdef"));
    CHECK_EQ(rd(0x18) & 0x10, 0x10);
    CHECK_EQ(rd(0x3c) & 0x50, 0);
    CHECK_EQ(irq_level[0], 0);
    /* IFLS 1/8: two bytes trigger RXIS. */
    wr(0x34, 0);
    pl011_receive(&uart, (const uint8_t *)"xy", 2);
    CHECK_EQ(rd(0x3c) & 0x10, 0x10);
    /* Turning the FIFO off flushes it. */
    wr(0x2c, 0x60);
    CHECK_EQ(rd(0x18) & 0x10, 0x10);

    /* Other registers keep what is written (within their widths). */
    wr(0x24, 0x12345);
    CHECK_EQ(rd(0x24), 0x2345);
    wr(0x28, 0xff);
    CHECK_EQ(rd(0x28), 0x3f);
    /* A bad offset is ignored and reads zero. */
    wr(0x800, 1);
    CHECK_EQ(rd(0x800), 0);

    pl011_reset(&uart);
    CHECK_EQ(rd(0x38), 0);
    CHECK_EQ(irq_level[0], 0);
    sys_as_destroy(&as);
    return unit_summary();
}
