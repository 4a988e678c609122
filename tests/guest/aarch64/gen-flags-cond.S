/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Conditions read straight after the instruction that set the flags.  The
 * translator evaluates such a condition (B.cond, CSET/CSEL) on the
 * operands and result of the CMP/CMN/TST/SUBS/ADDS/ANDS before it instead
 * of on NZCV; this test checks that shortcut against the flags themselves.
 * For each operand pair and flag-setting form, the 14 conditions are
 * collected as a bit mask three ways: CSET right after the instruction,
 * CSET after the flags went through MRS/MSR (which forces the flag path),
 * and B.cond right after the instruction (a fresh block each time); the
 * three masks must agree.  32-bit forms see the upper halves of the
 * 64-bit values as garbage.  Self-checking: prints one line and exits 0,
 * or exits with the number of the first failing check (see gen-flags.h).
 */
#include "gen-flags.h"

/* x20 = the 14 conditions as bits (EQ first), by CSET. */
.macro CSET_MASK reg
    mov \reg, #0
    .irp c, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le
    cset x3, \c
    orr \reg, x3, \reg, lsl #1
    .endr
.endm

/* One check: insn (on x0/w0 and x1/w1) with x0 = a, x1 = b. */
.macro T_COND a, b, insn:vararg
    add x28, x28, #1
    ldr x0, =\a
    ldr x1, =\b
    \insn
    CSET_MASK x20
    mrs x9, nzcv
    msr nzcv, x9
    CSET_MASK x21
    cmp x20, x21
    b.ne fail
    mov x22, #0
    .irp c, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le
    ldr x0, =\a
    ldr x1, =\b
    \insn
    mov x3, #1
    b.\c 1f
    mov x3, #0
1:  orr x22, x3, x22, lsl #1
    .endr
    cmp x20, x22
    b.ne fail
.endm

.macro T_PAIR a, b
    T_COND \a, \b, cmp x0, x1
    T_COND \a, \b, cmn x0, x1
    T_COND \a, \b, tst x0, x1
    T_COND \a, \b, subs x0, x0, x1
    T_COND \a, \b, adds x1, x0, x1
    T_COND \a, \b, ands x0, x0, x1
    T_COND \a, \b, cmp w0, w1
    T_COND \a, \b, cmn w0, w1
    T_COND \a, \b, tst w0, w1
    T_COND \a, \b, subs w0, w0, w1
    T_COND \a, \b, adds w1, w0, w1
    T_COND \a, \b, ands w0, w0, w1
.endm

    FLAGS_TEST_START

    .irp a, 0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0xa5a5a5a580000000, 0x5a5a5a5a7fffffff, 0x00000000ffffffff
    .irp b, 0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0xa5a5a5a580000000, 0x5a5a5a5a7fffffff, 0x00000000ffffffff
    T_PAIR \a, \b
    .endr
    .endr
    /* The immediate forms. */
    .irp a, 0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0xa5a5a5a580000000
    T_COND \a, 0, cmp x0, #1
    T_COND \a, 0, cmn x0, #1
    T_COND \a, 0, cmp w0, #1
    T_COND \a, 0, subs x0, x0, #4095
    T_COND \a, 0, adds w0, w0, #1
    T_COND \a, 0, tst x0, #0x8000000000000000
    .endr

    FLAGS_TEST_END okmsg, okmsg_len
okmsg:
    .ascii "gen-flags-cond: all checks passed\n"
    .equ okmsg_len, . - okmsg
