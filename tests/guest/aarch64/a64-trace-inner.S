/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loop traces with inner branches (translate/aarch64/trace.c): forward
 * branches that stay inside the loop jump to labels in the one block, and
 * the back end keeps the loop's registers across the joins
 * (x86_64/regalloc.c ra_loop_join).  An if without else twice per
 * iteration (a running maximum and a count); an if/else whose then-arm
 * ends in B to the join (Collatz steps, each arm writing other
 * registers); flags set on two ways into a join and read there by CSET
 * (the translator must not take the last compare it saw for both); and a
 * load that faults after a join, where the SIGSEGV handler must see the
 * registers each arm left and the flags as they were before that
 * instruction; a loop whose translation stops at an instruction
 * that ends it (UDF, jumped over) before the join; and a fault where the
 * flags are dead (set again before any read).  Each loop runs often
 * enough to be translated.
 * Self-checking: the first wrong value exits with the number of its
 * check; on success prints "ok a64-trace-inner".
 */
#include "a64-fp-check.h"
#include "a64-trace-fault.h"

    .text
    .globl _start
_start:
    adr x28, scratch

    /* 1-4: maximum, its index and the count above 50, 20 times */
    mov x20, #20
    mov x21, #0
1:  adr x1, values
    mov x2, #16
    bl ifmax
    add x21, x21, x4
    subs x20, x20, #1
    b.ne 1b
    CHK x0, 200
    CHK x3, 13                  /* the first 120 stays until 200 */
    CHK x4, 9
    CHK x21, 180

    /* 5-10: Collatz steps of 27 and 97, ten times each */
    mov x20, #10
    mov x21, #0
2:  mov x0, #27
    bl collatz
    add x21, x21, x1
    subs x20, x20, #1
    b.ne 2b
    CHK x1, 111
    CHK x2, 9232
    CHK x3, 41
    CHK x21, 1110
    mov x0, #97
    bl collatz
    CHK x1, 118
    CHK x3, 43

    /* 11-13: CSET at a join, the flags from either arm */
    mov x0, #20
    bl flagjoin
    CHK x12, 12
    mov x0, #200
    bl flagjoin
    CHK x12, 192                /* odd i > 5: 97, even i > 8: 95 */
    CHK x9, 200

    /* 14-24: a fault after a join: the handler sees the registers and
     * NZCV of the faulting instruction, then skips it */
    TRACE_FAULT_SETUP
    mov x2, #0
    mov x9, #0
    mov w7, #0
    mov x22, #4
3:  tbz x2, #0, 4f
    add x9, x9, #5              /* odd x2 */
    b 5f
4:  add x9, x9, #3              /* even x2 */
5:  add w7, w7, #1
    cmp x9, #100                /* lo: N set */
    ldr x4, [x1, x2, lsl #3]    /* faults on the fourth (last) iteration */
    cbnz x4, 6f                 /* the words are 0: never */
    add x2, x2, #1
    subs x22, x22, #1
    b.ne 3b
6:  cset x23, mi
    /* one fault; x9 at the fault: 3 + 5 + 3 + 5, x2 = 3, w7 = 4, NZCV = N at the load */
    TRACE_FAULT_CHECK 16, 3, 4, 0x8, 5b + 8
    CHK x9, 16                  /* and the loop went on to its end */
    CHK x22, 0
    CHK x23, 0

    /* 25-26: an instruction that ends the translation inside the loop
     * (UDF, always jumped over): the join after it is left to the next
     * block (trace.c's a64_trace_finish) */
    mov x9, #0
    mov x10, #0
7:  tbz x9, #63, 8f
    udf #0
8:  add x10, x10, #2
    add x9, x9, #1
    cmp x9, #50
    b.ne 7b
    CHK x10, 100
    CHK x9, 50

    /* 27-34: a fault at a load after a B.cond to a join, with the flags
     * set again (SUBS) before anything reads them: the handler sees the registers
     * of the faulting instruction (the flags may be older ones there in
     * user mode, ir.h IR_GLOBAL_STALE_AT_FAULT, and are not checked), and
     * the loop goes on to its end */
    adr x27, state
    str xzr, [x27]
    add x1, x20, #4096 - 24
    mov x2, #0
    mov x9, #0
    mov w7, #0
    mov x22, #4
9:  add x9, x9, #2
    cmp x9, #100
    b.hs 10f                    /* never: to the join */
    ldr x4, [x1, x2, lsl #3]    /* faults on the fourth iteration */
    add w7, w7, #1
10: add x2, x2, #1
    subs x22, x22, #1
    b.ne 9b
    ldr x15, [x27]
    CHK x15, 1
    ldr x15, [x27, #8]
    CHK x15, 8
    ldr x15, [x27, #16]
    CHK x15, 3
    ldr x15, [x27, #24]
    CHK x15, 3
    adr x16, 9b + 12
    ldr x15, [x27, #40]
    sub x15, x15, x16
    CHK x15, 0
    CHK x2, 4
    CHK x7, 4
    CHK x22, 0

    FINISH a64-trace-inner

    .text
    .p2align 2
/* x1[0..x2): x0 = the maximum (0 if none above 0), x3 = the index of its
 * first occurrence, x4 = how many are above 50 */
ifmax:
    mov x0, #0
    mov x3, #0
    mov x4, #0
    mov x5, #0
1:  ldr x6, [x1, x5, lsl #3]
    cmp x6, x0
    b.ls 2f
    mov x0, x6
    mov x3, x5
2:  cmp x6, #50
    b.ls 3f
    add x4, x4, #1
3:  add x5, x5, #1
    cmp x5, x2
    b.ne 1b
    ret

/* x0 = n > 0: x1 = steps to 1, x2 = the highest value, w3 = odd steps */
collatz:
    mov x1, #0
    mov x2, x0
    mov w3, #0
1:  tbnz x0, #0, 2f
    lsr x0, x0, #1
    b 3f
2:  add x0, x0, x0, lsl #1
    add x0, x0, #1
    add w3, w3, #1
    cmp x0, x2
    csel x2, x0, x2, hi
3:  add x1, x1, #1
    cmp x0, #1
    b.ne 1b
    ret

/* i = x9 from 0 to x0: x12 = how many odd i are above 5 and even i
 * above 8, the compare made on each arm and read after the join */
flagjoin:
    mov x9, #0
    mov x12, #0
1:  tbz x9, #0, 2f
    cmp x9, #5
    b 3f
2:  cmp x9, #8
3:  cset x13, gt
    add x12, x12, x13
    add x9, x9, #1
    cmp x9, x0
    b.ne 1b
    ret

    TRACE_FAULT_CODE

    .data
    .balign 8
values:
    .quad 10, 70, 3, 99, 51, 50, 120, 7, 120, 60, 0, 45, 88, 200, 1, 55
    TRACE_FAULT_DATA
