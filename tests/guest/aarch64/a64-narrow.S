/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * 32-bit results written straight to their W register (opt-narrow.c turns
 * "64-bit op; zero-extend" into one 32-bit op): inputs with their upper
 * halves set, for each op that narrows (add, sub, mul, the bitwise ops,
 * neg, mvn, a rotate); a result also read by the flags; and self-looping
 * blocks whose counter is such an op, which opt_loop must not move to
 * the loop's exit (the TBZ loop, the SUBS loop).
 * Self-checking: the first wrong value exits with the number of its check;
 * on success prints "ok a64-narrow".
 */
#include "a64-fp-check.h"

    .text
    .globl _start
_start:
    adr x28, scratch
    mov x0, #-1                         /* upper half set */
    movk x0, #3                         /* 0xffffffffffff0003 */
    mov x9, #0x1234
    movk x9, #0x8000, lsl #48           /* 0x8000000000001234 */

    /* 1-9: each op with inputs whose upper halves are set */
    add w1, w0, #1
    CHK x1, 0xffff0004
    add w1, w0, w9
    CHK x1, 0xffff1237
    sub w1, w9, w0
    CHK x1, 0x00011231
    mul w1, w0, w9
    CHK x1, 0xedcc369c
    and w1, w0, w9
    CHK x1, 0x00000000
    orr w1, w9, w0, lsl #4
    CHK x1, 0xfff01234
    eor w1, w0, w9, ror #4
    CHK x1, 0xbfff0120
    neg w1, w0
    CHK x1, 0x0000fffd
    mvn w1, w9
    CHK x1, 0xffffedcb

    /* 10-11: bic, eon, orn */
    bic w1, w0, w9
    eon w2, w1, w9
    orn w3, w2, w0
    CHK x1, 0xffff0003
    CHK x3, 0x0000fffc

    /* 12-13: a result the flags read too (not narrowed: two readers) */
    adds w1, w0, #0xffd
    cset x2, mi
    CHK x1, 0xffff1000
    CHK x2, 1

    /* 14: a TBZ loop counting in a W register */
    mov x3, #-1
    lsl x3, x3, #32                     /* w3 = 0, upper half set */
    mov x1, #0x100
1:  add w3, w3, #1
    lsr x1, x1, #1
    tbz w1, #0, 1b
    CHK x3, 8

    /* 15-16: a SUBS loop adding in a W register */
    mov x3, #-1
    mov x2, #10
1:  add w3, w3, #2
    subs x2, x2, #1
    b.ne 1b
    CHK x3, 19
    CHK x2, 0

    /* 17: a rotate into the register it reads, in a CBNZ loop */
    mov w4, #1
    mov x2, #5
1:  ror w4, w4, #31
    sub x2, x2, #1
    cbnz x2, 1b
    CHK x4, 32

    FINISH a64-narrow
