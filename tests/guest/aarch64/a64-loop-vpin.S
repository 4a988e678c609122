/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loops that are one self-looping block with vector registers carried
 * from one iteration to the next (the x86-64 backend keeps those in xmm
 * registers across the back edge): a plain accumulator; one whose
 * register a scalar FP instruction rewrites inside the loop; one with an
 * FP helper call in the body; one with a label inside (an SP-based load
 * and its alignment check); an accumulator fed by another carried
 * register; a loop constant; five accumulators at once (more than are
 * kept in registers).
 * Self-checking: the first wrong value exits with the number of its check;
 * on success prints "ok a64-loop-vpin".
 */
#include "a64-fp-check.h"

    .text
    .globl _start
_start:
    adr x28, scratch
    adr x0, k1234
    ldr q1, [x0]                /* {1, 2, 3, 4} */
    ldr q7, [x0, #16]           /* {5, 6, 7, 8} */

    /* 1: a plain accumulator */
    movi v0.2d, #0
    mov x2, #10
1:  add v0.4s, v0.4s, v1.4s
    subs x2, x2, #1
    b.ne 1b
    CHKQ q0, 0x000000140000000a, 0x000000280000001e

    /* 2: fneg s0 rewrites v0 whole (sign of lane 0 flipped, upper lanes
     * zero) every iteration: lane 0 goes 0x80000001, 2, 0x80000003... */
    movi v0.2d, #0
    mov x2, #9
1:  add v0.4s, v0.4s, v1.4s
    fneg s0, s0
    subs x2, x2, #1
    b.ne 1b
    CHKQ q0, 0x80000009, 0

    /* 3: an FP operation that calls its helper (the first inexact one,
     * then exact ones with FPSR.IXC clear again each time) */
    movi v0.2d, #0
    fmov s3, #1.0
    fmov s4, #0.5
    mov x2, #10
1:  msr fpsr, xzr
    fadd s3, s3, s4
    add v0.4s, v0.4s, v1.4s
    subs x2, x2, #1
    b.ne 1b
    CHKQ q0, 0x000000140000000a, 0x000000280000001e
    fmov w10, s3
    CHK x10, 0x40c00000         /* 6.0 */

    /* 4: an SP-based load inside (its alignment check is a branch) */
    sub sp, sp, #32
    str q1, [sp]
    movi v0.2d, #0
    mov x2, #10
1:  ldr q5, [sp]
    add v0.4s, v0.4s, v5.4s
    subs x2, x2, #1
    b.ne 1b
    add sp, sp, #32
    CHKQ q0, 0x000000140000000a, 0x000000280000001e

    /* 5: v6 carried too, and read before it is written */
    movi v0.2d, #0
    movi v6.4s, #1
    mov x2, #10
1:  add v0.4s, v0.4s, v6.4s
    add v6.4s, v6.4s, v1.4s
    subs x2, x2, #1
    b.ne 1b
    CHKQ q0, 0x0000006400000037, 0x000000be00000091
    CHKQ q6, 0x000000150000000b, 0x000000290000001f

    /* 6: a loop constant */
    movi v0.2d, #0
    mov x2, #10
1:  add v0.4s, v0.4s, v7.4s
    subs x2, x2, #1
    b.ne 1b
    CHKQ q0, 0x0000003c00000032, 0x0000005000000046

    /* 7: five accumulators */
    movi v16.2d, #0
    movi v17.2d, #0
    movi v18.2d, #0
    movi v19.2d, #0
    movi v20.2d, #0
    mov x2, #10
1:  add v16.4s, v16.4s, v1.4s
    add v17.4s, v17.4s, v16.4s
    add v18.4s, v18.4s, v7.4s
    add v19.4s, v19.4s, v18.4s
    add v20.4s, v20.4s, v1.4s
    subs x2, x2, #1
    b.ne 1b
    CHKQ q16, 0x000000140000000a, 0x000000280000001e
    CHKQ q17, 0x0000006e00000037, 0x000000dc000000a5
    CHKQ q18, 0x0000003c00000032, 0x0000005000000046
    CHKQ q19, 0x0000014a00000113, 0x000001b800000181
    CHKQ q20, 0x000000140000000a, 0x000000280000001e

    FINISH a64-loop-vpin

    .text
    .p2align 4
k1234:
    .word 1, 2, 3, 4, 5, 6, 7, 8
