/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scalar FP moves and selects, which never round or raise: FMOV between
 * general and FP registers (W/S, X/D, X and the top half of V), FMOV
 * (register) and FMOV (immediate), FABS and FNEG (also of NaNs, which are
 * not quieted), FCSEL, FCCMP with a failing condition (no compare, no
 * exception, NZCV from the instruction), and the zeroing of bits 127:N by
 * every scalar write.  Self-checking: exits with the number of the first
 * failing check.
 */
#include "a64-fp-check.h"

    .text
    .globl _start
_start:
    adr x28, scratch
    msr fpsr, xzr
    msr fpcr, xzr

    /* FMOV Sd, Wn / Dd, Xn clear the rest of the register */
    ldr q0, garbage
    ldr x1, =0xffffffff3f800000
    fmov s0, w1
    CHKQ q0, 0x3f800000, 0
    ldr q1, garbage
    fmov d1, x1
    CHKQ q1, 0xffffffff3f800000, 0
    /* FMOV Wd, Sn zero-extends; FMOV Xd, Dn */
    ldr q2, garbage
    fmov w3, s2
    CHK x3, 0xdeadbeef
    fmov x3, d2
    CHK x3, 0xdeadbeefdeadbeef
    /* the top half: FMOV Vd.D[1], Xn keeps the low half */
    ldr q4, garbage
    ldr x5, =0x0123456789abcdef
    fmov v4.d[1], x5
    CHKQ q4, 0xdeadbeefdeadbeef, 0x0123456789abcdef
    fmov x6, v4.d[1]
    CHK x6, 0x0123456789abcdef
    /* XZR as a source */
    ldr q7, garbage
    fmov d7, xzr
    CHKQ q7, 0, 0

    /* FMOV (register) */
    ldr q8, garbage
    LDS 9, 0x7f800001
    fmov s8, s9
    CHKQ q8, 0x7f800001, 0
    LDD 10, 0xfff0000000000001
    fmov d8, d10
    CHKQ q8, 0xfff0000000000001, 0

    /* FMOV (immediate): a:b:cd:efgh */
    ldr q11, garbage
    fmov s11, #1.0
    CHKQ q11, 0x3f800000, 0
    fmov s11, #-0.5
    CHKQ q11, 0xbf000000, 0
    fmov d11, #31.0
    CHKQ q11, 0x403f000000000000, 0
    fmov d11, #0.125
    CHKQ q11, 0x3fc0000000000000, 0
    fmov s11, #-1.9375
    CHKQ q11, 0xbff80000, 0
    fmov d11, #0.1328125
    CHKQ q11, 0x3fc1000000000000, 0

    /* FABS / FNEG: sign only, NaNs untouched otherwise, no flags */
    LDS 12, 0xff800001
    fabs s13, s12
    CHKQ q13, 0x7f800001, 0
    fneg s13, s12
    CHKQ q13, 0x7f800001, 0
    LDD 12, 0x7ff0000000000001
    fneg d13, d12
    CHKQ q13, 0xfff0000000000001, 0
    LDD 12, 0x8000000000000000
    fabs d13, d12
    CHKQ q13, 0, 0
    CHKFPSR 0

    /* FCSEL (the checks compare, so set the flags before each) */
    LDD 14, 0x1111111111111111
    LDD 15, 0x2222222222222222
    mov x1, #1
    cmp x1, #2
    fcsel d16, d14, d15, lt
    CHKQ q16, 0x1111111111111111, 0
    cmp x1, #2
    fcsel d16, d14, d15, ge
    CHKQ q16, 0x2222222222222222, 0
    cmp x1, #2
    fcsel s16, s14, s15, ne
    CHKQ q16, 0x11111111, 0
    fcsel s16, s14, s15, al
    CHKQ q16, 0x11111111, 0
    fcsel s16, s14, s15, nv
    CHKQ q16, 0x11111111, 0

    /* FCCMP/FCCMPE with a failing condition: no compare, no exception */
    LDD 17, 0x7ff0000000000001
    mov x1, #0
    cmp x1, #1
    fccmpe d17, d17, #0xa, eq
    CHKNZCV 0xa
    CHKFPSR 0
    /* ... and with a holding one: the compare, unordered, IOC */
    cmp x1, #0
    fccmp d17, d17, #0xa, eq
    CHKNZCV 0x3
    CHKFPSR IOC
    fmov s18, #2.0
    fmov s19, #1.0
    fccmp s18, s19, #0x0, al
    CHKNZCV 0x2
    cmp x1, #1
    fccmpe s19, s18, #0xf, ne
    CHKNZCV 0x8
    cmp x1, #1
    fccmp s19, s18, #0x4, eq
    CHKNZCV 0x4

    /* FCMP #0.0, FCMPE with a quiet NaN */
    fmov d20, #-1.0
    fcmp d20, #0.0
    CHKNZCV 0x8
    movi d21, #0
    fneg d21, d21
    fcmp d21, #0.0
    CHKNZCV 0x6
    CHKFPSR 0
    LDS 22, 0x7fc00000
    fcmp s22, #0.0
    CHKNZCV 0x3
    CHKFPSR 0
    fcmpe s22, #0.0
    CHKNZCV 0x3
    CHKFPSR IOC

    /* arithmetic results clear bits 127:N too */
    ldr q23, garbage
    fmov s24, #1.0
    fadd s23, s24, s24
    CHKQ q23, 0x40000000, 0
    ldr q23, garbage
    fcvt h23, s24
    CHKQ q23, 0x3c00, 0
    ldr q23, garbage
    scvtf d23, x1
    CHKQ q23, 0, 0
    ldr q23, garbage
    fmadd d23, d20, d20, d20
    CHKQ q23, 0, 0
    /* an FP result into a W register zero-extends */
    mov x25, #-1
    fcvtzs w25, s24
    CHK x25, 1
    CHKFPSR 0

    FINISH a64-fp-move
