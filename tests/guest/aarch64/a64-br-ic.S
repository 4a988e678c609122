/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One BR site and the blocks it reaches (the backend's inline cache for
 * register branches keeps the first target it sees chained): the same
 * target many times; two targets in turn (the second must not take the
 * first one's jump); the first target's code rewritten, twice (the
 * chained jump must lead to the new code, the cache's pc still matching);
 * and a third target never seen before.  The targets are on a page made
 * writable with mprotect.  Self-checking: exits with the number of the
 * failing check (100: the alternating targets); on success prints
 * "ok a64-br-ic".
 */
#include "a64-fp-check.h"

#define SYS_mprotect 226
#define PROT_RWX 7
#define MOVZ_X0 0xd2800000      /* MOVZ X0, #imm16: imm16 in bits 20:5 */

/* x0 = what the site's target returns, for x17 = \target, 60 times; each
 * must be \val. */
.macro RUN target, val
    mov x19, #60
1000:
    adr x17, \target
    bl site
    CHK x0, \val
    subs x19, x19, #1
    b.ne 1000b
.endm

/* \target's first instruction becomes MOVZ X0, #\val. */
.macro PATCH target, val
    adr x20, \target
    ldr w21, =(MOVZ_X0 | (\val << 5))
    str w21, [x20]
    SYNC_ICACHE x20
.endm

    .text
    .globl _start
_start:
    adr x28, scratch
    adr x0, targets
    mov x1, #4096
    mov x2, #PROT_RWX
    mov x8, #SYS_mprotect
    svc #0
    CHK x0, 0

    RUN t1, 1                   /* checks 2-3 */

    /* two targets in turn */
    mov x19, #60
1:  adr x17, t1
    tst x19, #1
    b.eq 2f
    adr x17, t2
2:  bl site
    mov x1, #1
    tst x19, #1
    b.eq 3f
    mov x1, #2
3:  cmp x0, x1
    b.eq 4f
    mov x0, #100                /* exit 100: the wrong target's value */
    b fail
4:  subs x19, x19, #1
    b.ne 1b

    PATCH t1, 5
    RUN t1, 5
    PATCH t1, 6
    RUN t1, 6
    RUN t2, 2
    RUN t3, 3

    FINISH a64-br-ic

    .text
    .p2align 2
site:                           /* a BR of its own: the target returns to our caller */
    br x17

    .p2align 12
targets:
t1: mov x0, #1
    ret
t2: mov x0, #2
    ret
t3: mov x0, #3
    ret
    .p2align 12
