/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bare-metal tests' library (see lib.h): PL011 output, printf, PSCI.
 */
#include <stdarg.h>
#include "lib.h"

#define UART 0x09000000ull

void putc_uart(char c)
{
    while (mmio_read32(UART + 0x18) & (1u << 5))   /* FR.TXFF */
        ;
    mmio_write32(UART, (uint8_t)c);
}

void puts_uart(const char *s)
{
    while (*s)
        putc_uart(*s++);
}

static void put_num(uint64_t v, unsigned base, bool neg)
{
    char buf[24];
    int n = 0;

    if (neg)
        putc_uart('-');
    do {
        buf[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (n)
        putc_uart(buf[--n]);
}

int printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            putc_uart(*fmt);
            continue;
        }
        bool lng = false;
        if (fmt[1] == 'l') {
            lng = true;
            fmt++;
        }
        switch (*++fmt) {
        case 'd': {
            int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
            put_num(v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0);
            break;
        }
        case 'u': put_num(lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 10, false); break;
        case 'x': put_num(lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 16, false); break;
        case 's': puts_uart(va_arg(ap, const char *)); break;
        case 'c': putc_uart((char)va_arg(ap, int)); break;
        case '%': putc_uart('%'); break;
        default: putc_uart('?'); break;
        }
    }
    va_end(ap);
    return 0;
}

uint64_t psci(uint64_t fn, uint64_t a, uint64_t b, uint64_t c)
{
    register uint64_t x0 __asm__("x0") = fn;
    register uint64_t x1 __asm__("x1") = a;
    register uint64_t x2 __asm__("x2") = b;
    register uint64_t x3 __asm__("x3") = c;
    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "memory");
    return x0;
}

void system_off(void)
{
    psci(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;)
        __asm__ volatile("wfi");
}

/* Tests without secondary CPUs or exception handlers get these. */
__attribute__((weak)) void secondary_main(uint64_t arg)
{
    (void)arg;
    for (;;)
        __asm__ volatile("wfi");
}

__attribute__((weak)) void exception(struct frame *f, unsigned kind)
{
    printf("unexpected exception: kind %u ESR %lx ELR %lx FAR %lx\n", kind,
           read_sysreg(esr_el1), f->elr, read_sysreg(far_el1));
    system_off();
}
