/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NZCV after logical and conditional-compare instructions: ANDS and BICS
 * set N and Z from the result and clear C and V whatever they were
 * before (Arm ARM, the ANDS and BICS instruction descriptions); CCMP and CCMN compare when the condition
 * holds on the incoming flags and otherwise load the immediate NZCV, in
 * register and immediate forms, 64 and 32 bits, over all condition codes.
 * Self-checking: prints one line and exits 0, or exits with the number of
 * the first failing check (see gen-flags.h).
 */
#include "gen-flags.h"

    FLAGS_TEST_START

    /* T_X/T_W op, a, b, result, expected NZCV, incoming NZCV */
    T_X ands, 0xff00, 0xff, 0x0, 0b0100, 0b0011
    T_W ands, 0xff00, 0xff, 0x0, 0b0100, 0b0011
    T_X ands, 0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, 0b1000, 0b0111
    T_W ands, 0x0, 0xffffffff, 0x0, 0b0100, 0b0111
    T_X ands, 0xffffffffffffffff, 0x1, 0x1, 0b0000, 0b1111
    T_W ands, 0xffffffff, 0x1, 0x1, 0b0000, 0b1111
    T_X ands, 0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x0, 0b0100, 0b0010
    T_W ands, 0x55555555, 0xaaaaaaaa, 0x0, 0b0100, 0b0010
    T_X bics, 0xff00, 0xff, 0xff00, 0b0000, 0b0011
    T_W bics, 0xff00, 0xff, 0xff00, 0b0000, 0b0011
    T_X bics, 0x8000000000000000, 0xffffffffffffffff, 0x0, 0b0100, 0b0111
    T_W bics, 0x0, 0xffffffff, 0x0, 0b0100, 0b0111
    T_X bics, 0xffffffffffffffff, 0x1, 0xfffffffffffffffe, 0b1000, 0b1111
    T_W bics, 0xffffffff, 0x1, 0xfffffffe, 0b1000, 0b1111
    T_X bics, 0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x5555555555555555, 0b0000, 0b0010
    T_W bics, 0x55555555, 0xaaaaaaaa, 0x55555555, 0b0000, 0b0010

    /* T_GEN a, b, result, NZCV, incoming NZCV, insn */
    T_GEN 0x1234, 0x0, 0x1200, 0b0000, 0b0011, ands x2, x0, #0xff00
    T_GEN 0xffffffffffffffff, 0x0, 0x8000000000000000, 0b1000, 0b0111, ands x2, x0, #0x8000000000000000
    T_GEN 0x7fffffff, 0x0, 0x0, 0b0100, 0b1011, ands w2, w0, #0x80000000
    T_GEN 0xf0, 0xf, 0xf0, 0b0000, 0b0001, ands x2, x0, x1, lsl #4
    T_GEN 0x8000000000000000, 0x1, 0x8000000000000000, 0b1000, 0b0000, ands x2, x0, x1, ror #1
    T_GEN 0xffffffff, 0xfffffffe, 0x80000000, 0b1000, 0b0110, bics w2, w0, w1, lsr #1

    /* T_CC/T_CCW op, a, b, cond, immediate NZCV, expected NZCV, incoming NZCV */
    T_CC ccmp, 0x1, 0x2, eq, 0b1111, 0b1000, 0b0100
    T_CCW ccmp, 0x1, 0x2, eq, 0b1111, 0b1000, 0b0100
    T_CC ccmp, 0x1, 0x2, eq, 0b1111, 0b1111, 0b0000
    T_CCW ccmp, 0x1, 0x2, eq, 0b1111, 0b1111, 0b0000
    T_CC ccmp, 0x5, 0x5, cs, 0b0001, 0b0110, 0b0010
    T_CCW ccmp, 0x5, 0x5, cs, 0b0001, 0b0110, 0b0010
    T_CC ccmp, 0x5, 0x5, cs, 0b0001, 0b0001, 0b0000
    T_CCW ccmp, 0x5, 0x5, cs, 0b0001, 0b0001, 0b0000
    T_CC ccmp, 0x8000000000000000, 0x1, mi, 0b0100, 0b0011, 0b1000
    T_CCW ccmp, 0x0, 0x1, mi, 0b0100, 0b1000, 0b1000
    T_CC ccmp, 0x8000000000000000, 0x1, vs, 0b0100, 0b0011, 0b0001
    T_CCW ccmp, 0x0, 0x1, vs, 0b0100, 0b1000, 0b0001
    T_CC ccmp, 0x3, 0x4, hi, 0b1010, 0b1010, 0b0110
    T_CCW ccmp, 0x3, 0x4, hi, 0b1010, 0b1010, 0b0110
    T_CC ccmp, 0x3, 0x4, hi, 0b1010, 0b1000, 0b0010
    T_CCW ccmp, 0x3, 0x4, hi, 0b1010, 0b1000, 0b0010
    T_CC ccmp, 0x7, 0x7, ge, 0b0000, 0b0110, 0b1001
    T_CCW ccmp, 0x7, 0x7, ge, 0b0000, 0b0110, 0b1001
    T_CC ccmp, 0x7, 0x7, ge, 0b0000, 0b0000, 0b1000
    T_CCW ccmp, 0x7, 0x7, ge, 0b0000, 0b0000, 0b1000
    T_CC ccmp, 0x0, 0xffffffffffffffff, gt, 0b0111, 0b0000, 0b0000
    T_CCW ccmp, 0x0, 0xffffffff, gt, 0b0111, 0b0000, 0b0000
    T_CC ccmp, 0x0, 0xffffffffffffffff, gt, 0b0111, 0b0111, 0b0100
    T_CCW ccmp, 0x0, 0xffffffff, gt, 0b0111, 0b0111, 0b0100
    T_CC ccmp, 0x0, 0xffffffffffffffff, lt, 0b0000, 0b0000, 0b1000
    T_CCW ccmp, 0x0, 0xffffffff, lt, 0b0000, 0b0000, 0b1000
    T_CC ccmp, 0x2, 0x1, le, 0b1100, 0b0010, 0b0100
    T_CCW ccmp, 0x2, 0x1, le, 0b1100, 0b0010, 0b0100
    T_CC ccmp, 0x2, 0x1, le, 0b1100, 0b1100, 0b0000
    T_CCW ccmp, 0x2, 0x1, le, 0b1100, 0b1100, 0b0000
    T_CC ccmp, 0x9, 0x9, al, 0b1111, 0b0110, 0b0000
    T_CCW ccmp, 0x9, 0x9, al, 0b1111, 0b0110, 0b0000
    T_CC ccmn, 0x1, 0xffffffffffffffff, eq, 0b0000, 0b0110, 0b0100
    T_CCW ccmn, 0x1, 0xffffffff, eq, 0b0000, 0b0110, 0b0100
    T_CC ccmn, 0x7fffffffffffffff, 0x1, ne, 0b0000, 0b1001, 0b0000
    T_CCW ccmn, 0xffffffff, 0x1, ne, 0b0000, 0b0110, 0b0000
    T_CC ccmn, 0x7fffffffffffffff, 0x1, ne, 0b0010, 0b0010, 0b0100
    T_CCW ccmn, 0xffffffff, 0x1, ne, 0b0010, 0b0010, 0b0100
    T_CC ccmp, 0x1, 0x1, ls, 0b1000, 0b0110, 0b0100
    T_CCW ccmp, 0x1, 0x1, ls, 0b1000, 0b0110, 0b0100
    T_CC ccmp, 0x6, 0x9, cc, 0b0001, 0b1000, 0b0000
    T_CCW ccmp, 0x6, 0x9, cc, 0b0001, 0b1000, 0b0000
    T_CC ccmp, 0x6, 0x9, pl, 0b0001, 0b1000, 0b0000
    T_CCW ccmp, 0x6, 0x9, pl, 0b0001, 0b1000, 0b0000
    T_CC ccmp, 0x6, 0x9, vc, 0b0101, 0b0101, 0b0001
    T_CCW ccmp, 0x6, 0x9, vc, 0b0101, 0b0101, 0b0001

    /* T_CCI op, a, 5-bit immediate b, cond, immediate NZCV, expected, incoming */
    T_CCI ccmp, 0x1, 2, eq, 0b1111, 0b1000, 0b0100
    T_CCI ccmp, 0x1, 2, eq, 0b1111, 0b1111, 0b0000
    T_CCI ccmp, 0x5, 5, cs, 0b0001, 0b0110, 0b0010
    T_CCI ccmp, 0x5, 5, cs, 0b0001, 0b0001, 0b0000
    T_CCI ccmp, 0x8000000000000000, 1, mi, 0b0100, 0b0011, 0b1000
    T_CCI ccmp, 0x8000000000000000, 1, vs, 0b0100, 0b0011, 0b0001
    T_CCI ccmp, 0x3, 4, hi, 0b1010, 0b1010, 0b0110
    T_CCI ccmp, 0x3, 4, hi, 0b1010, 0b1000, 0b0010
    T_CCI ccmp, 0x7, 7, ge, 0b0000, 0b0110, 0b1001
    T_CCI ccmp, 0x7, 7, ge, 0b0000, 0b0000, 0b1000
    T_CCI ccmp, 0x2, 1, le, 0b1100, 0b0010, 0b0100
    T_CCI ccmp, 0x2, 1, le, 0b1100, 0b1100, 0b0000
    T_CCI ccmp, 0x9, 9, al, 0b1111, 0b0110, 0b0000
    T_CCI ccmn, 0x7fffffffffffffff, 1, ne, 0b0000, 0b1001, 0b0000
    T_CCI ccmn, 0x7fffffffffffffff, 1, ne, 0b0010, 0b0010, 0b0100
    T_CCI ccmp, 0x1, 1, ls, 0b1000, 0b0110, 0b0100
    T_CCI ccmp, 0x6, 9, cc, 0b0001, 0b1000, 0b0000
    T_CCI ccmp, 0x6, 9, pl, 0b0001, 0b1000, 0b0000
    T_CCI ccmp, 0x6, 9, vc, 0b0101, 0b0101, 0b0001

    FLAGS_TEST_END okmsg, okmsg_len
okmsg:
    .ascii "gen-flags-logic: all checks passed\n"
    .equ okmsg_len, . - okmsg
