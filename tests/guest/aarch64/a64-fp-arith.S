/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scalar FP arithmetic bit for bit, with FPSR after each check: NaN
 * selection (signalling first, then the first quiet one, quieted; FMADD's
 * addend first and its default NaN for 0 * inf + qNaN; the negations of
 * FMSUB/FNMADD/FNMSUB/FNMUL applied to NaNs too), FPCR.DN, FPCR.FZ on
 * inputs (IDC) and outputs (UFC without IXC), underflow detected before
 * rounding, each rounding mode, overflow, FMAX/FMIN/FMAXNM/FMINNM with
 * signed zeros.  Self-checking: exits with the number of the first
 * failing check.
 */
#include "a64-fp-check.h"

    .text
    .globl _start
_start:
    adr x28, scratch
    msr fpsr, xzr
    msr fpcr, xzr

    /* NaN selection */
    LDS 0, 0x7fc00001           /* qNaN */
    LDS 1, 0x7f800002           /* sNaN */
    LDS 2, 0x3f800000           /* 1.0 */
    fadd s3, s0, s1
    CHKQ q3, 0x7fc00002, 0
    CHKFPSR IOC
    fmul s3, s2, s0
    CHKQ q3, 0x7fc00001, 0
    CHKFPSR 0
    fsub s3, s1, s1
    CHKQ q3, 0x7fc00002, 0
    CHKFPSR IOC
    LDD 4, 0xfff8000000000abc   /* -qNaN */
    LDD 5, 0x7ff0000000000def   /* sNaN */
    LDD 6, 0x3ff0000000000000   /* 1.0 */
    fdiv d7, d4, d6
    CHKQ q7, 0xfff8000000000abc, 0
    fdiv d7, d6, d5
    CHKQ q7, 0x7ff8000000000def, 0
    CHKFPSR IOC
    fsqrt d7, d5
    CHKQ q7, 0x7ff8000000000def, 0
    CHKFPSR IOC
    /* FMADD d = a + n * m: the addend's sNaN, then n's, m's; qNaNs likewise */
    fmadd d7, d6, d6, d4
    CHKQ q7, 0xfff8000000000abc, 0
    fmadd d7, d4, d6, d5
    CHKQ q7, 0x7ff8000000000def, 0
    CHKFPSR IOC
    fmadd d7, d5, d6, d4
    CHKQ q7, 0x7ff8000000000def, 0
    CHKFPSR IOC
    /* 0 * inf + qNaN: default NaN and IOC */
    movi d8, #0
    LDD 9, 0x7ff0000000000000
    fmadd d7, d8, d9, d4
    CHKQ q7, 0x7ff8000000000000, 0
    CHKFPSR IOC
    /* 0 * inf + 1: default NaN */
    fmadd d7, d9, d8, d6
    CHKQ q7, 0x7ff8000000000000, 0
    CHKFPSR IOC
    /* negations reach NaNs: FMSUB negates n, FNMADD a and n, FNMSUB a */
    fmsub d7, d4, d6, d6
    CHKQ q7, 0x7ff8000000000abc, 0
    fnmadd d7, d6, d6, d4
    CHKQ q7, 0x7ff8000000000abc, 0
    fnmsub d7, d6, d6, d4
    CHKQ q7, 0x7ff8000000000abc, 0
    fnmadd s3, s2, s2, s0
    CHKQ q3, 0xffc00001, 0
    fnmul s3, s0, s2
    CHKQ q3, 0xffc00001, 0
    fnmul d7, d6, d6
    CHKQ q7, 0xbff0000000000000, 0
    CHKFPSR 0
    /* FMADD/FMSUB/FNMADD/FNMSUB on numbers: 2*3 +- 1 */
    fmov d10, #2.0
    fmov d11, #3.0
    fmadd d12, d10, d11, d6
    CHKQ q12, 0x401c000000000000, 0      /* 7 */
    fmsub d12, d10, d11, d6
    CHKQ q12, 0xc014000000000000, 0      /* -5 */
    fnmadd d12, d10, d11, d6
    CHKQ q12, 0xc01c000000000000, 0      /* -7 */
    fnmsub d12, d10, d11, d6
    CHKQ q12, 0x4014000000000000, 0      /* 5 */
    /* fused: (1 + 2^-24)^2 - 1 keeps the 2^-48 term */
    LDD 13, 0x3ff0000010000000
    fmov d14, #-1.0
    fmadd d12, d13, d13, d14
    CHKQ q12, 0x3e80000008000000, 0
    CHKFPSR 0

    /* FPCR.DN */
    FPCR DN
    fadd s3, s0, s2
    CHKQ q3, 0x7fc00000, 0
    fadd d7, d5, d6
    CHKQ q7, 0x7ff8000000000000, 0
    CHKFPSR IOC
    /* FABS/FNEG/FMOV are not arithmetic: the NaN passes */
    fneg d7, d5
    CHKQ q7, 0xfff0000000000def, 0
    CHKFPSR 0
    FPCR 0

    /* underflow: (1 - 2^-13) * 2^-126 (1 + 2^-13) is tiny but rounds to
     * 2^-126; Arm raises UFC (before rounding) */
    LDS 16, 0x3f7ff800
    LDS 17, 0x00800400
    fmul s18, s16, s17
    CHKQ q18, 0x00800000, 0
    CHKFPSR (UFC | IXC)
    fmadd s18, s16, s17, s18
    CHKQ q18, 0x01000000, 0
    CHKFPSR IXC
    /* an exact denormal result: no flags */
    LDS 19, 0x3f000000
    fmul s18, s17, s19
    CHKQ q18, 0x00400200, 0
    CHKFPSR 0
    /* FZ: the tiny results flush to zero, UFC without IXC */
    FPCR FZ
    fmul s18, s16, s17
    CHKQ q18, 0, 0
    CHKFPSR UFC
    fmul s18, s17, s19
    CHKQ q18, 0, 0
    CHKFPSR UFC
    fnmul s18, s17, s19
    CHKQ q18, 0x80000000, 0
    CHKFPSR UFC
    /* FZ: denormal inputs read as zero, IDC */
    LDS 20, 0x00000123
    fadd s18, s20, s2
    CHKQ q18, 0x3f800000, 0
    CHKFPSR IDC
    fcmp s20, #0.0
    CHKNZCV 0x6
    CHKFPSR IDC
    fmax s18, s20, s2
    CHKQ q18, 0x3f800000, 0
    CHKFPSR IDC
    /* FZ + DN + sNaN + denormal: every flag the pseudocode raises */
    FPCR (FZ | DN)
    fadd s18, s20, s1
    CHKQ q18, 0x7fc00000, 0
    CHKFPSR (IOC | IDC)
    FPCR 0

    /* rounding modes: 1 + 2^-24 */
    LDS 21, 0x33800000
    fadd s22, s2, s21
    CHKQ q22, 0x3f800000, 0
    CHKFPSR IXC
    FPCR RP
    fadd s22, s2, s21
    CHKQ q22, 0x3f800001, 0
    fneg s23, s2
    fsub s22, s23, s21
    CHKQ q22, 0xbf800000, 0
    FPCR RM
    fsub s22, s23, s21
    CHKQ q22, 0xbf800001, 0
    fsub s22, s2, s2
    CHKQ q22, 0x80000000, 0
    FPCR RZ
    fadd s22, s2, s21
    CHKQ q22, 0x3f800000, 0
    CHKFPSR IXC
    /* overflow: to infinity or to the largest finite number */
    LDD 24, 0x7fefffffffffffff
    fadd d25, d24, d24
    CHKQ q25, 0x7fefffffffffffff, 0
    CHKFPSR (OFC | IXC)
    FPCR RM
    fadd d25, d24, d24
    CHKQ q25, 0x7fefffffffffffff, 0
    fneg d26, d24
    fadd d25, d26, d26
    CHKQ q25, 0xfff0000000000000, 0
    FPCR 0
    fmul d25, d24, d10
    CHKQ q25, 0x7ff0000000000000, 0
    CHKFPSR (OFC | IXC)
    fdiv d25, d6, d8
    CHKQ q25, 0x7ff0000000000000, 0
    CHKFPSR DZC

    /* FMAX/FMIN/FMAXNM/FMINNM */
    movi d27, #0
    fneg d28, d27
    fmax d29, d27, d28
    CHKQ q29, 0, 0
    fmax d29, d28, d27
    CHKQ q29, 0, 0
    fmin d29, d27, d28
    CHKQ q29, 0x8000000000000000, 0
    fmin d29, d28, d27
    CHKQ q29, 0x8000000000000000, 0
    fmaxnm d29, d4, d6
    CHKQ q29, 0x3ff0000000000000, 0
    fminnm d29, d6, d4
    CHKQ q29, 0x3ff0000000000000, 0
    fmax d29, d6, d4
    CHKQ q29, 0xfff8000000000abc, 0
    CHKFPSR 0
    fmaxnm d29, d5, d6
    CHKQ q29, 0x7ff8000000000def, 0
    CHKFPSR IOC
    fminnm s3, s0, s0
    CHKQ q3, 0x7fc00001, 0
    CHKFPSR 0

    FINISH a64-fp-arith
