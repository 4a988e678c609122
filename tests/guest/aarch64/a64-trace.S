/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loops with early exits, which guise translates as one self-looping
 * block with side exits (translate/aarch64/trace.c): a search loop whose
 * exit is taken on the first, a middle and no iteration; three exits
 * (CBZ, TBNZ, B.HI) each taken in its own run, with the flags the exit's
 * target reads (computed only on that exit's path: opt_loop) and W
 * registers counted inside; the same loop entered again and again (the
 * chained first exit, the probed others); and a load that faults in the
 * middle of the loop, where the SIGSEGV handler must see every register
 * and the flags (live after the loop) as they were before that
 * instruction, then the loop goes on to its end.  Self-checking: the first wrong value exits with the number of its
 * check; on success prints "ok a64-trace".
 */
#include "a64-fp-check.h"
#include "a64-trace-fault.h"

    .text
    .globl _start
_start:
    adr x28, scratch

    /* 1-6: search for 'x' in a buffer, at 0, at 5, nowhere in 16 */
    adr x1, text
    mov x3, #16
    mov x2, #0
    mov x6, #1                  /* 'x' at 0 */
    bl search
    CHK x2, 0
    CHK x5, 1
    adr x1, text + 16
    mov x2, #0
    bl search
    CHK x2, 5
    CHK x5, 1
    adr x1, text + 32
    mov x2, #0
    bl search
    CHK x2, 16
    CHK x5, 0

    /* 7-18: three exits, each in its own run */
    mov x0, #0                  /* exit 1: CBZ when x10 hits 0 */
    mov x10, #3
    mov x11, #0
    mov x12, #1000
    bl three
    CHK x0, 1
    CHK x13, 4                  /* iterations (a W counter) */
    CHK x14, 0                  /* flags of the last ADDS, read at the exit: no carry */
    mov x0, #0                  /* exit 2: TBNZ when bit 4 of x11 sets */
    mov x10, #100
    mov x11, #1
    mov x12, #1000
    bl three
    CHK x0, 2
    CHK x11, 16
    CHK x14, 0x4                /* Z clear, from the CMP before: x15 = lo */
    mov x0, #0                  /* exit 3: B.HI when x12 drops below x11 */
    mov x10, #100
    mov x11, #32
    mov x12, #0x100000
    bl three
    CHK x0, 3
    CHK x13, 15
    CHK x14, 1                  /* hi at the exit */
    CHK x12, 0xffff1
    CHK x11, 0x100000

    /* 19-20: the same loop 200 times (exits chained and probed) */
    mov x20, #200
    mov x21, #0
1:  mov x0, #0
    and x10, x20, #3            /* 0 on every fourth run: exit 1 at once, */
    lsl x10, x10, #2            /* else exit 2 at the fourth iteration */
    mov x11, #1
    mov x12, #1000
    bl three
    add x21, x21, x0
    subs x20, x20, #1
    b.ne 1b
    CHK x21, 350                /* 50 runs of exit 1, 150 of exit 2 */
    CHK x20, 0

    /* 21-30: a fault inside the loop: the handler sees the registers and
     * NZCV of the faulting instruction, then skips it */
    TRACE_FAULT_SETUP
    mov x2, #0
    mov x9, #0
    mov w7, #0
    mov x22, #4
2:  add x9, x9, #3              /* dirty before the load */
    add w7, w7, #1
    cmp x9, #100                /* flags: lo, so C clear, N set */
    ldr x4, [x1, x2, lsl #3]    /* faults on the fourth (last) iteration */
    cbnz x4, 3f                 /* the words are 0: never */
    add x2, x2, #1
    subs x22, x22, #1
    b.ne 2b
3:  cset x23, mi               /* flags live on both ways out: exact at the fault */
    /* one fault; x9 at the fault: 4 iterations, x2 = 3, w7 = 4, NZCV = N at the load */
    TRACE_FAULT_CHECK 12, 3, 4, 0x8, 2b + 12
    CHK x9, 12                  /* and the loop went on to its end */
    CHK x22, 0
    CHK x23, 0

    FINISH a64-trace

    .text
    .p2align 2
/* x2 = index of the first byte 1 in x1[0..x3), or x3; x5 = found */
search:
    mov x5, #0
1:  ldrb w4, [x1, x2]
    cmp w4, w6
    b.eq 2f
    add x2, x2, #1
    cmp x2, x3
    b.ne 1b
    ret
2:  cset x5, eq
    ret

/* Until an exit: x10 counts down (CBZ exits at 0: x0 = 1), x11 doubles
 * (TBNZ bit 4 exits: x0 = 2), x12 counts down below x11 (B.HI exits:
 * x0 = 3); x13 counts iterations in a W register; x14 = flags the exit
 * read (exit 1: C of the ADDS, exit 2: Z of the CMP as bit 2, exit 3:
 * hi). */
three:
    mov w13, #0
1:  add w13, w13, #1
    adds x15, x10, #0           /* C clear */
    cbz x10, 2f
    sub x10, x10, #1
    lsl x11, x11, #1
    cmp x11, #17                /* lo until 32 */
    tbnz x11, #4, 3f
    sub x12, x12, #1
    cmp x11, x12
    b.hi 4f
    b 1b
2:  cset x14, cs
    mov x0, #1
    ret
3:  cset x14, ne
    lsl x14, x14, #2
    mov x0, #2
    ret
4:  cset x14, hi
    mov x0, #3
    ret

    TRACE_FAULT_CODE

    .data
    .balign 8
text:
    .byte 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    .byte 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    .byte 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    TRACE_FAULT_DATA
