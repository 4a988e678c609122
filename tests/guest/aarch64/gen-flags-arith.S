/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NZCV after flag-setting arithmetic: ADDS, SUBS, ADCS and SBCS on 64- and
 * 32-bit registers at the edge values (0, 1, INT_MIN, INT_MAX, -1, -2)
 * with every interesting incoming carry, then the immediate, shifted
 * register and extended register forms and NEGS/NGCS.  The expected
 * results and flags follow the Arm ARM's shared pseudocode function
 * AddWithCarry() (SUBS is x + NOT(y) + 1, SBCS is x + NOT(y) + C).
 * Self-checking: prints one line and exits 0, or exits with the number of
 * the first failing check (see gen-flags.h).
 */
#include "gen-flags.h"

    FLAGS_TEST_START

    /* T_X/T_W op, a, b, result, expected NZCV, incoming NZCV */
    T_X adds, 0x0, 0x0, 0x0, 0b0100, 0b0000
    T_X adds, 0x1, 0xffffffffffffffff, 0x0, 0b0110, 0b0000
    T_X adds, 0x7fffffffffffffff, 0x1, 0x8000000000000000, 0b1001, 0b0000
    T_X adds, 0x8000000000000000, 0x8000000000000000, 0x0, 0b0111, 0b0000
    T_X adds, 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe, 0b1010, 0b0000
    T_X adds, 0x0, 0x1, 0x1, 0b0000, 0b0000
    T_X adds, 0x1, 0x0, 0x1, 0b0000, 0b0000
    T_X adds, 0x8000000000000000, 0x1, 0x8000000000000001, 0b1000, 0b0000
    T_X adds, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7ffffffffffffffe, 0b0010, 0b0000
    T_X adds, 0x8000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff, 0b1000, 0b0000
    T_X adds, 0x123456789abcdef0, 0x123456789abcdef0, 0x2468acf13579bde0, 0b0000, 0b0000
    T_X adds, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffd, 0b1010, 0b0000
    T_W adds, 0x0, 0x0, 0x0, 0b0100, 0b0000
    T_W adds, 0x1, 0xffffffff, 0x0, 0b0110, 0b0000
    T_W adds, 0x7fffffff, 0x1, 0x80000000, 0b1001, 0b0000
    T_W adds, 0x80000000, 0x80000000, 0x0, 0b0111, 0b0000
    T_W adds, 0xffffffff, 0xffffffff, 0xfffffffe, 0b1010, 0b0000
    T_W adds, 0x0, 0x1, 0x1, 0b0000, 0b0000
    T_W adds, 0x1, 0x0, 0x1, 0b0000, 0b0000
    T_W adds, 0x80000000, 0x1, 0x80000001, 0b1000, 0b0000
    T_W adds, 0x7fffffff, 0xffffffff, 0x7ffffffe, 0b0010, 0b0000
    T_W adds, 0x80000000, 0x7fffffff, 0xffffffff, 0b1000, 0b0000
    T_W adds, 0xfffffffe, 0xffffffff, 0xfffffffd, 0b1010, 0b0000
    T_X subs, 0x0, 0x0, 0x0, 0b0110, 0b0000
    T_X subs, 0x1, 0xffffffffffffffff, 0x2, 0b0000, 0b0000
    T_X subs, 0x7fffffffffffffff, 0x1, 0x7ffffffffffffffe, 0b0010, 0b0000
    T_X subs, 0x8000000000000000, 0x8000000000000000, 0x0, 0b0110, 0b0000
    T_X subs, 0xffffffffffffffff, 0xffffffffffffffff, 0x0, 0b0110, 0b0000
    T_X subs, 0x0, 0x1, 0xffffffffffffffff, 0b1000, 0b0000
    T_X subs, 0x1, 0x0, 0x1, 0b0010, 0b0000
    T_X subs, 0x8000000000000000, 0x1, 0x7fffffffffffffff, 0b0011, 0b0000
    T_X subs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, 0b1001, 0b0000
    T_X subs, 0x8000000000000000, 0x7fffffffffffffff, 0x1, 0b0011, 0b0000
    T_X subs, 0x123456789abcdef0, 0x123456789abcdef0, 0x0, 0b0110, 0b0000
    T_X subs, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff, 0b1000, 0b0000
    T_W subs, 0x0, 0x0, 0x0, 0b0110, 0b0000
    T_W subs, 0x1, 0xffffffff, 0x2, 0b0000, 0b0000
    T_W subs, 0x7fffffff, 0x1, 0x7ffffffe, 0b0010, 0b0000
    T_W subs, 0x80000000, 0x80000000, 0x0, 0b0110, 0b0000
    T_W subs, 0xffffffff, 0xffffffff, 0x0, 0b0110, 0b0000
    T_W subs, 0x0, 0x1, 0xffffffff, 0b1000, 0b0000
    T_W subs, 0x1, 0x0, 0x1, 0b0010, 0b0000
    T_W subs, 0x80000000, 0x1, 0x7fffffff, 0b0011, 0b0000
    T_W subs, 0x7fffffff, 0xffffffff, 0x80000000, 0b1001, 0b0000
    T_W subs, 0x80000000, 0x7fffffff, 0x1, 0b0011, 0b0000
    T_W subs, 0xfffffffe, 0xffffffff, 0xffffffff, 0b1000, 0b0000
    T_X adcs, 0x0, 0x0, 0x0, 0b0100, 0b0000
    T_X adcs, 0x1, 0xffffffffffffffff, 0x0, 0b0110, 0b0000
    T_X adcs, 0x7fffffffffffffff, 0x1, 0x8000000000000000, 0b1001, 0b0000
    T_X adcs, 0x8000000000000000, 0x8000000000000000, 0x0, 0b0111, 0b0000
    T_X adcs, 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe, 0b1010, 0b0000
    T_X adcs, 0x0, 0x1, 0x1, 0b0000, 0b0000
    T_X adcs, 0x1, 0x0, 0x1, 0b0000, 0b0000
    T_X adcs, 0x8000000000000000, 0x1, 0x8000000000000001, 0b1000, 0b0000
    T_X adcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7ffffffffffffffe, 0b0010, 0b0000
    T_W adcs, 0x0, 0x0, 0x0, 0b0100, 0b0000
    T_W adcs, 0x1, 0xffffffff, 0x0, 0b0110, 0b0000
    T_W adcs, 0x7fffffff, 0x1, 0x80000000, 0b1001, 0b0000
    T_W adcs, 0x80000000, 0x80000000, 0x0, 0b0111, 0b0000
    T_W adcs, 0xffffffff, 0xffffffff, 0xfffffffe, 0b1010, 0b0000
    T_W adcs, 0x0, 0x1, 0x1, 0b0000, 0b0000
    T_X adcs, 0x0, 0x0, 0x1, 0b0000, 0b0010
    T_X adcs, 0x1, 0xffffffffffffffff, 0x1, 0b0010, 0b0010
    T_X adcs, 0x7fffffffffffffff, 0x1, 0x8000000000000001, 0b1001, 0b0010
    T_X adcs, 0x8000000000000000, 0x8000000000000000, 0x1, 0b0011, 0b0010
    T_X adcs, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0b1010, 0b0010
    T_X adcs, 0x0, 0x1, 0x2, 0b0000, 0b0010
    T_X adcs, 0x1, 0x0, 0x2, 0b0000, 0b0010
    T_X adcs, 0x8000000000000000, 0x1, 0x8000000000000002, 0b1000, 0b0010
    T_X adcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff, 0b0010, 0b0010
    T_W adcs, 0x0, 0x0, 0x1, 0b0000, 0b0010
    T_W adcs, 0x1, 0xffffffff, 0x1, 0b0010, 0b0010
    T_W adcs, 0x7fffffff, 0x1, 0x80000001, 0b1001, 0b0010
    T_W adcs, 0x80000000, 0x80000000, 0x1, 0b0011, 0b0010
    T_W adcs, 0xffffffff, 0xffffffff, 0xffffffff, 0b1010, 0b0010
    T_W adcs, 0x0, 0x1, 0x2, 0b0000, 0b0010
    T_X adcs, 0x0, 0x0, 0x1, 0b0000, 0b1111
    T_X adcs, 0x1, 0xffffffffffffffff, 0x1, 0b0010, 0b1111
    T_X adcs, 0x7fffffffffffffff, 0x1, 0x8000000000000001, 0b1001, 0b1111
    T_X adcs, 0x8000000000000000, 0x8000000000000000, 0x1, 0b0011, 0b1111
    T_X adcs, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0b1010, 0b1111
    T_X adcs, 0x0, 0x1, 0x2, 0b0000, 0b1111
    T_X adcs, 0x1, 0x0, 0x2, 0b0000, 0b1111
    T_X adcs, 0x8000000000000000, 0x1, 0x8000000000000002, 0b1000, 0b1111
    T_X adcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff, 0b0010, 0b1111
    T_W adcs, 0x0, 0x0, 0x1, 0b0000, 0b1111
    T_W adcs, 0x1, 0xffffffff, 0x1, 0b0010, 0b1111
    T_W adcs, 0x7fffffff, 0x1, 0x80000001, 0b1001, 0b1111
    T_W adcs, 0x80000000, 0x80000000, 0x1, 0b0011, 0b1111
    T_W adcs, 0xffffffff, 0xffffffff, 0xffffffff, 0b1010, 0b1111
    T_W adcs, 0x0, 0x1, 0x2, 0b0000, 0b1111
    T_X adcs, 0x0, 0x0, 0x0, 0b0100, 0b1101
    T_X adcs, 0x1, 0xffffffffffffffff, 0x0, 0b0110, 0b1101
    T_X adcs, 0x7fffffffffffffff, 0x1, 0x8000000000000000, 0b1001, 0b1101
    T_X adcs, 0x8000000000000000, 0x8000000000000000, 0x0, 0b0111, 0b1101
    T_X adcs, 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe, 0b1010, 0b1101
    T_X adcs, 0x0, 0x1, 0x1, 0b0000, 0b1101
    T_X adcs, 0x1, 0x0, 0x1, 0b0000, 0b1101
    T_X adcs, 0x8000000000000000, 0x1, 0x8000000000000001, 0b1000, 0b1101
    T_X adcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7ffffffffffffffe, 0b0010, 0b1101
    T_W adcs, 0x0, 0x0, 0x0, 0b0100, 0b1101
    T_W adcs, 0x1, 0xffffffff, 0x0, 0b0110, 0b1101
    T_W adcs, 0x7fffffff, 0x1, 0x80000000, 0b1001, 0b1101
    T_W adcs, 0x80000000, 0x80000000, 0x0, 0b0111, 0b1101
    T_W adcs, 0xffffffff, 0xffffffff, 0xfffffffe, 0b1010, 0b1101
    T_W adcs, 0x0, 0x1, 0x1, 0b0000, 0b1101
    T_X sbcs, 0x0, 0x0, 0xffffffffffffffff, 0b1000, 0b0000
    T_X sbcs, 0x1, 0xffffffffffffffff, 0x1, 0b0000, 0b0000
    T_X sbcs, 0x7fffffffffffffff, 0x1, 0x7ffffffffffffffd, 0b0010, 0b0000
    T_X sbcs, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff, 0b1000, 0b0000
    T_X sbcs, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0b1000, 0b0000
    T_X sbcs, 0x0, 0x1, 0xfffffffffffffffe, 0b1000, 0b0000
    T_X sbcs, 0x1, 0x0, 0x0, 0b0110, 0b0000
    T_X sbcs, 0x8000000000000000, 0x1, 0x7ffffffffffffffe, 0b0011, 0b0000
    T_X sbcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff, 0b0000, 0b0000
    T_W sbcs, 0x0, 0x0, 0xffffffff, 0b1000, 0b0000
    T_W sbcs, 0x1, 0xffffffff, 0x1, 0b0000, 0b0000
    T_W sbcs, 0x7fffffff, 0x1, 0x7ffffffd, 0b0010, 0b0000
    T_W sbcs, 0x80000000, 0x80000000, 0xffffffff, 0b1000, 0b0000
    T_W sbcs, 0xffffffff, 0xffffffff, 0xffffffff, 0b1000, 0b0000
    T_W sbcs, 0x0, 0x1, 0xfffffffe, 0b1000, 0b0000
    T_X sbcs, 0x0, 0x0, 0x0, 0b0110, 0b0010
    T_X sbcs, 0x1, 0xffffffffffffffff, 0x2, 0b0000, 0b0010
    T_X sbcs, 0x7fffffffffffffff, 0x1, 0x7ffffffffffffffe, 0b0010, 0b0010
    T_X sbcs, 0x8000000000000000, 0x8000000000000000, 0x0, 0b0110, 0b0010
    T_X sbcs, 0xffffffffffffffff, 0xffffffffffffffff, 0x0, 0b0110, 0b0010
    T_X sbcs, 0x0, 0x1, 0xffffffffffffffff, 0b1000, 0b0010
    T_X sbcs, 0x1, 0x0, 0x1, 0b0010, 0b0010
    T_X sbcs, 0x8000000000000000, 0x1, 0x7fffffffffffffff, 0b0011, 0b0010
    T_X sbcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, 0b1001, 0b0010
    T_W sbcs, 0x0, 0x0, 0x0, 0b0110, 0b0010
    T_W sbcs, 0x1, 0xffffffff, 0x2, 0b0000, 0b0010
    T_W sbcs, 0x7fffffff, 0x1, 0x7ffffffe, 0b0010, 0b0010
    T_W sbcs, 0x80000000, 0x80000000, 0x0, 0b0110, 0b0010
    T_W sbcs, 0xffffffff, 0xffffffff, 0x0, 0b0110, 0b0010
    T_W sbcs, 0x0, 0x1, 0xffffffff, 0b1000, 0b0010
    T_X sbcs, 0x0, 0x0, 0x0, 0b0110, 0b1111
    T_X sbcs, 0x1, 0xffffffffffffffff, 0x2, 0b0000, 0b1111
    T_X sbcs, 0x7fffffffffffffff, 0x1, 0x7ffffffffffffffe, 0b0010, 0b1111
    T_X sbcs, 0x8000000000000000, 0x8000000000000000, 0x0, 0b0110, 0b1111
    T_X sbcs, 0xffffffffffffffff, 0xffffffffffffffff, 0x0, 0b0110, 0b1111
    T_X sbcs, 0x0, 0x1, 0xffffffffffffffff, 0b1000, 0b1111
    T_X sbcs, 0x1, 0x0, 0x1, 0b0010, 0b1111
    T_X sbcs, 0x8000000000000000, 0x1, 0x7fffffffffffffff, 0b0011, 0b1111
    T_X sbcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, 0b1001, 0b1111
    T_W sbcs, 0x0, 0x0, 0x0, 0b0110, 0b1111
    T_W sbcs, 0x1, 0xffffffff, 0x2, 0b0000, 0b1111
    T_W sbcs, 0x7fffffff, 0x1, 0x7ffffffe, 0b0010, 0b1111
    T_W sbcs, 0x80000000, 0x80000000, 0x0, 0b0110, 0b1111
    T_W sbcs, 0xffffffff, 0xffffffff, 0x0, 0b0110, 0b1111
    T_W sbcs, 0x0, 0x1, 0xffffffff, 0b1000, 0b1111
    T_X sbcs, 0x0, 0x0, 0xffffffffffffffff, 0b1000, 0b1101
    T_X sbcs, 0x1, 0xffffffffffffffff, 0x1, 0b0000, 0b1101
    T_X sbcs, 0x7fffffffffffffff, 0x1, 0x7ffffffffffffffd, 0b0010, 0b1101
    T_X sbcs, 0x8000000000000000, 0x8000000000000000, 0xffffffffffffffff, 0b1000, 0b1101
    T_X sbcs, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0b1000, 0b1101
    T_X sbcs, 0x0, 0x1, 0xfffffffffffffffe, 0b1000, 0b1101
    T_X sbcs, 0x1, 0x0, 0x0, 0b0110, 0b1101
    T_X sbcs, 0x8000000000000000, 0x1, 0x7ffffffffffffffe, 0b0011, 0b1101
    T_X sbcs, 0x7fffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff, 0b0000, 0b1101
    T_W sbcs, 0x0, 0x0, 0xffffffff, 0b1000, 0b1101
    T_W sbcs, 0x1, 0xffffffff, 0x1, 0b0000, 0b1101
    T_W sbcs, 0x7fffffff, 0x1, 0x7ffffffd, 0b0010, 0b1101
    T_W sbcs, 0x80000000, 0x80000000, 0xffffffff, 0b1000, 0b1101
    T_W sbcs, 0xffffffff, 0xffffffff, 0xffffffff, 0b1000, 0b1101
    T_W sbcs, 0x0, 0x1, 0xfffffffe, 0b1000, 0b1101

    /* Other encodings: T_GEN a, b, result, NZCV, incoming NZCV, insn */
    T_GEN 0xfffffffffffff001, 0x0, 0x0, 0b0110, 0b0000, adds x2, x0, #4095
    T_GEN 0x7ffffffffffff000, 0x0, 0x8000000000000000, 0b1001, 0b0000, adds x2, x0, #1, lsl #12
    T_GEN 0x0, 0x0, 0xffffffffffffffff, 0b1000, 0b0000, subs x2, x0, #1
    T_GEN 0xfff000, 0x0, 0x0, 0b0110, 0b0000, subs x2, x0, #4095, lsl #12
    T_GEN 0x7fffffff, 0x0, 0x80000000, 0b1001, 0b0000, adds w2, w0, #1
    T_GEN 0x1, 0x0, 0xffffffff, 0b1000, 0b0000, subs w2, w0, #2
    T_GEN 0x8000000000000000, 0x1, 0x0, 0b0111, 0b0000, adds x2, x0, x1, lsl #63
    T_GEN 0x4000000000000000, 0x8000000000000000, 0x8000000000000000, 0b1001, 0b0000, adds x2, x0, x1, lsr #1
    T_GEN 0x5, 0x8000000000000000, 0x800000000000005, 0b0000, 0b0000, subs x2, x0, x1, asr #4
    T_GEN 0x0, 0x80000000, 0x1, 0b0000, 0b0000, subs w2, w0, w1, asr #31
    T_GEN 0x0, 0x80000000, 0xffffffff80000000, 0b1000, 0b0000, adds x2, x0, w1, sxtw
    T_GEN 0x1, 0xc0000000, 0x300000001, 0b0000, 0b0000, adds x2, x0, w1, uxtw #2
    T_GEN 0x0, 0x80, 0x100, 0b0000, 0b0000, subs x2, x0, w1, sxtb #1
    T_GEN 0xffff, 0x1ffff, 0x0, 0b0110, 0b0000, subs x2, x0, w1, uxth
    T_GEN 0x7ffffff0, 0x8000, 0x7ff7fff0, 0b0010, 0b0000, adds w2, w0, w1, sxth #4
    T_GEN 0x0, 0x8000000000000000, 0x8000000000000000, 0b1001, 0b0000, negs x2, x1
    T_GEN 0x0, 0x0, 0x0, 0b0110, 0b0000, negs x2, x1
    T_GEN 0x0, 0x1, 0xffffffff, 0b1000, 0b0000, negs w2, w1
    T_GEN 0x0, 0x0, 0xffffffffffffffff, 0b1000, 0b0000, ngcs x2, x1
    T_GEN 0x0, 0x0, 0x0, 0b0110, 0b0010, ngcs x2, x1
    T_GEN 0x0, 0x7fffffff, 0x80000000, 0b1000, 0b0000, ngcs w2, w1

    FLAGS_TEST_END okmsg, okmsg_len
okmsg:
    .ascii "gen-flags-arith: all checks passed\n"
    .equ okmsg_len, . - okmsg
