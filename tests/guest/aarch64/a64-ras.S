/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Calls and returns the way guise predicts them (host call/ret frames,
 * translate/x86_64/lower.c) against everything that breaks the pairing:
 * a loop of calls, recursion far deeper than the frames may go, a return
 * to another address than the call's (X30 changed, always or every other
 * time, RET Xn), a return by BR X30, tail calls, BLR, calls that never
 * return (a million), a longjmp-style escape out of deep recursion, and a
 * return to a call site long after the call returned.  Self-checking: the first wrong value
 * exits with its check's number; on success prints "ok a64-ras".
 */

#include "a64-fp-check.h"

    .text
    .globl _start
_start:
    mov x25, sp                 /* the stack to come back to */

    /* 1. a loop of calls */
    mov x0, #0
    ldr x1, =100000
1:  bl inc1
    subs x1, x1, #1
    b.ne 1b
    CHK x0, 100000

    /* 2. recursion 10,000 and 100,000 deep (frames go 2,048 deep) */
    ldr x0, =10000
    bl sum_rec
    CHK x0, 50005000
    ldr x0, =100000
    bl sum_rec
    CHK x0, 5000050000
    mov x9, sp
    cmp x9, x25
    b.eq 1f
    mov x0, #99
    b fail
1:
    /* 3. the callee returns past the instruction after the call */
    mov x0, #0
    mov x1, #1000
2:  bl skip4
    b fail_skip                 /* skipped */
    add x0, x0, #1
    subs x1, x1, #1
    b.ne 2b
    CHK x0, 1000
    /* ...every other time: one call site, two places returned to (the
     * continuation must not go on to the address after the call when
     * the return went past it) */
    mov x0, #0
    mov x1, #1000
2:  bl skip4_odd
    add x0, x0, #100            /* skipped when x1 is odd */
    add x0, x0, #1
    subs x1, x1, #1
    b.ne 2b
    CHK x0, 51000

    /* 4. RET Xn to another place */
    mov x0, #0
    bl ret_x1
    b fail_skip
ret_x1_target:
    CHK x0, 5

    /* 5. a return by BR X30, then ordinary ones */
    mov x0, #0
    bl via_br
    bl inc1
    bl inc1
    CHK x0, 12

    /* 6. tail calls: the callee of the callee returns to the first caller */
    mov x0, #0
    bl tail_a
    CHK x0, 3
    bl tail_a
    CHK x0, 6

    /* 7. BLR in a loop, and BLR to a function that calls */
    mov x0, #0
    adr x9, inc1
    mov x1, #1000
3:  blr x9
    subs x1, x1, #1
    b.ne 3b
    CHK x0, 1000
    adr x9, calls_two
    blr x9
    CHK x0, 1002

    /* 8. calls that never return: a million (16 MiB of frames, were they
     * kept), then ordinary calls */
    mov x0, #0
    ldr x1, =1000000
4:  bl no_return
no_return_back:
    subs x1, x1, #1
    b.ne 4b
    CHK x0, 1000000
    mov x0, #0
    bl inc1
    bl calls_two
    CHK x0, 3

    /* 9. an escape from 300 calls deep, 50 times, calls in between */
    mov x20, #0                 /* escapes */
    mov x21, #0                 /* calls made after them */
5:  mov x0, #300
    adr x19, escaped
    mov x27, sp
    bl dive
    b fail_skip                 /* dive never returns */
escaped:
    mov sp, x27
    add x20, x20, #1
    mov x0, #0
    bl calls_two
    add x21, x21, x0
    cmp x20, #50
    b.ne 5b
    CHK x20, 50
    CHK x21, 100

    /* 10. a return to a call site whose call returned long ago */
    mov x0, #0
    mov x22, #0
    bl save_lr                  /* x23 = the address after this call */
after_save:
    add x22, x22, #1
    cmp x22, #2
    b.eq 6f
    bl inc1                     /* other frames in between */
    bl calls_two
    mov x30, x23
    ret                         /* back to after_save, once */
6:  CHK x0, 3
    adr x9, after_save
    cmp x23, x9
    b.ne fail_skip
    b done

/* x0 += 1 */
inc1:
    add x0, x0, #1
    ret

/* x0 = x0 + (x0 - 1) + ... + 1, one frame per level */
sum_rec:
    cbz x0, 1f
    stp x29, x30, [sp, #-32]!
    str x0, [sp, #16]
    sub x0, x0, #1
    bl sum_rec
    ldr x1, [sp, #16]
    add x0, x0, x1
    ldp x29, x30, [sp], #32
1:  ret

skip4:
    add x30, x30, #4
    ret

skip4_odd:
    tbz x1, #0, 1f
    add x30, x30, #4
1:  ret

ret_x1:
    mov x0, #5
    adr x1, ret_x1_target
    ret x1

via_br:
    mov x0, #10
    br x30

tail_a:
    add x0, x0, #1
    b tail_b
tail_b:
    add x0, x0, #2
    ret

calls_two:
    stp x29, x30, [sp, #-16]!
    bl inc1
    bl inc1
    ldp x29, x30, [sp], #16
    ret

no_return:
    add x0, x0, #1
    b no_return_back

/* x0 levels deep, then to x19 (the stack is reset there) */
dive:
    stp x29, x30, [sp, #-16]!
    subs x0, x0, #1
    b.eq 1f
    bl dive
    ldp x29, x30, [sp], #16
    ret
1:  br x19

save_lr:
    mov x23, x30
    ret

fail_skip:
    mov x0, #98
    b fail

done:
    FINISH a64-ras
