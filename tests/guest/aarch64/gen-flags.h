/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Assembler macros shared by the gen-flags-*.S tests.  Each T_* macro is
 * one numbered check: it loads the operands, sets the incoming NZCV with
 * MSR, runs one flag-setting instruction, then compares the result
 * register (x2) and NZCV (read back with MRS) with the expected values.
 * x28 counts the checks; on the first mismatch the test prints a line and
 * exits with the check's number, so the exit status names the failing
 * line (the Nth T_* in the file).  32-bit forms get operands with garbage
 * in the upper halves, which must neither leak into the flags nor survive
 * in the zero-extended result.
 */

/* Incoming flags, 4 bits NZCV. */
.macro SET_NZCV nzcv
    mov x9, #(\nzcv << 28)
    msr nzcv, x9
.endm

/* Compare the flags with a 4-bit NZCV value; clobbers x9, x10. */
.macro EXPECT_NZCV nzcv
    mrs x9, nzcv
    mov x10, #(\nzcv << 28)
    cmp x9, x10
    b.ne fail
.endm

.macro EXPECT_X2 res
    ldr x10, =\res
    cmp x2, x10
    b.ne fail
.endm

/* op x2, x0, x1 on 64-bit registers. */
.macro T_X op, a, b, res, nzcv, cin
    add x28, x28, #1
    ldr x0, =\a
    ldr x1, =\b
    mov x2, #0x5555
    SET_NZCV \cin
    \op x2, x0, x1
    EXPECT_NZCV \nzcv
    EXPECT_X2 \res
.endm

/* op w2, w0, w1: 32-bit, garbage above the operands. */
.macro T_W op, a, b, res, nzcv, cin
    add x28, x28, #1
    ldr x0, =(\a | 0xa5a5a5a500000000)
    ldr x1, =(\b | 0x5a5a5a5a00000000)
    mov x2, #-1
    SET_NZCV \cin
    \op w2, w0, w1
    EXPECT_NZCV \nzcv
    EXPECT_X2 \res
.endm

/* Any instruction writing x2/w2 from x0/x1 (w0/w1). */
.macro T_GEN a, b, res, nzcv, cin, insn:vararg
    add x28, x28, #1
    ldr x0, =\a
    ldr x1, =\b
    mov x2, #0x5555
    SET_NZCV \cin
    \insn
    EXPECT_NZCV \nzcv
    EXPECT_X2 \res
.endm

/* Conditional compare, register form: flags of x0 - x1 (CCMN: x0 + x1)
 * if cond holds on the incoming flags, else the immediate. */
.macro T_CC op, a, b, cond, imm, nzcv, fin
    add x28, x28, #1
    ldr x0, =\a
    ldr x1, =\b
    SET_NZCV \fin
    \op x0, x1, #\imm, \cond
    EXPECT_NZCV \nzcv
.endm

.macro T_CCW op, a, b, cond, imm, nzcv, fin
    add x28, x28, #1
    ldr x0, =(\a | 0xa5a5a5a500000000)
    ldr x1, =(\b | 0x5a5a5a5a00000000)
    SET_NZCV \fin
    \op w0, w1, #\imm, \cond
    EXPECT_NZCV \nzcv
.endm

/* Conditional compare with a 5-bit immediate operand. */
.macro T_CCI op, a, b, cond, imm, nzcv, fin
    add x28, x28, #1
    ldr x0, =\a
    SET_NZCV \fin
    \op x0, #\b, #\imm, \cond
    EXPECT_NZCV \nzcv
.endm

/* Entry, exit and the failure path around the checks. */
.macro FLAGS_TEST_START
    .text
    .global _start
_start:
    mov x28, #0
.endm

.macro FLAGS_TEST_END okmsg, oklen
    mov x0, #1
    adr x1, \okmsg
    mov x2, #\oklen
    mov x8, #64             /* write */
    svc #0
    mov x0, #0
    mov x8, #93             /* exit */
    svc #0
fail:
    mov x0, #1
    adr x1, failmsg
    mov x2, #failmsg_len
    mov x8, #64
    svc #0
    and x0, x28, #0xff
    mov x8, #93
    svc #0
    .ltorg
failmsg:
    .ascii "FAIL: the exit status is the failing check number\n"
    .equ failmsg_len, . - failmsg
.endm
