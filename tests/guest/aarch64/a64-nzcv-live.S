/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flags that stay live from one block into the next, where the translator
 * looks ahead (nzcv-live.c) to drop flags the next block sets first: a
 * CSEL right after a B.cond, a B.cond behind a CBZ and a TBNZ on either
 * way, flags read after a B, after a BL by the callee (not what the ABI
 * does, but the architecture allows it), after a loop back edge, on the
 * next page, an ADCS whose carry comes from the block before, a B.cond
 * behind hints, a barrier and an MRS, CFINV and MRS NZCV as readers; and
 * the plain case where the next block sets them first.
 * Self-checking: the first wrong value exits with the number of its check;
 * on success prints "ok a64-nzcv-live".
 */
#include "a64-fp-check.h"

    .text
    .globl _start
_start:
    adr x28, scratch

    /* 1: CSEL after the B.cond's fall-through and at its target */
    mov x0, #3
    mov x1, #5
    cmp x0, x1
    b.eq 1f
    csel x2, x0, x1, lt         /* 3 < 5: x0 */
    b 2f
1:  mov x2, #99
2:  CHK x2, 3
    cmp x1, x0
    b.ne 1f
    mov x2, #99
1:  csel x2, x0, x1, lt         /* 5 < 3 false: x1 */
    CHK x2, 5

    /* 2: CBZ, then a B.cond on both of its ways */
    mov x3, #0
    cmp x0, x1                  /* lt */
    b.eq bad
    cbz x3, 1f
    mov x4, #1
    b.lt 2f
    b bad
1:  mov x4, #2
    b.lt 2f
9:  mov x4, #99
2:  CHK x4, 2

    /* 3: TBNZ both ways, then CSET */
    mov x3, #4
    cmp x1, x0                  /* gt */
    b.eq bad
    tbnz x3, #2, 1f
    cset x5, gt
    b 2f
1:  cset x5, gt
    b 2f
9:  mov x5, #99
2:  CHK x5, 1

    /* 4: flags read by a function reached with BL */
    cmp x0, x1                  /* lt */
    b.eq bad
    bl reads_flags
    CHK x0, 7
    mov x0, #3

    /* 5: a loop whose exit reads the flags its last compare set */
    mov x6, #0
1:  add x6, x6, #1
    cmp x6, #10
    b.lo 1b
    cset x7, hs
    CHK x7, 1
    CHK x6, 10

    /* 6: the next block is on the next page and reads the flags */
    cmp x1, x0                  /* gt */
    b.ne far
back:
    CHK x8, 1

    /* 7: carry into ADCS from the block before */
    mov x9, #-1
    adds x9, x9, #1             /* carry out 1 */
    b.ne bad
    adcs x10, xzr, xzr
    CHK x10, 1

    /* 8: the next block sets the flags first: nothing to see, but the
     * value computed must still be right */
    mov x11, #7
    subs x12, x11, #7
    b.ne bad
    cmp x11, #8
    cset x13, lo
    CHK x13, 1
    CHK x12, 0

    /* 9: hints, barriers and a read of another system register are
     * passed over; the B.cond behind them reads the flags */
    cmp x0, x1                  /* lt */
    b.eq bad
    b 1f
1:  nop
    hint #34                    /* BTI c */
    dmb ish
    mrs x14, tpidr_el0
    b.lt 2f
    b bad
2:

    /* 10: CFINV reads C (as MSR immediate); MRS NZCV reads them all */
    cmp x1, x0                  /* gt: C set */
    b.eq bad
    b 1f
1:  .inst 0xd500401f            /* CFINV */
    cset x14, cs
    CHK x14, 0
    cmp x1, x0
    b.eq bad
    b 1f
1:  mrs x14, nzcv
    CHK x14, 0x20000000

    FINISH a64-nzcv-live

    .text
    .p2align 2
bad:
    mov x0, #200
    b fail

reads_flags:
    mov x0, #7
    b.lt 1f
    mov x0, #8
1:  ret

    .p2align 12
far:
    cset x8, gt
    b back
