/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Scalar FP conversions bit for bit, with FPSR: FCVTZS/ZU/NS/AS/MS/PU at
 * the int32/int64 saturation boundaries (IOC and no IXC when saturating,
 * NaN to 0), fixed point in both directions, SCVTF/UCVTF from W (sign/zero
 * extension) and X, FCVT between S, D and H (IEEE and alternative half),
 * FRINT* and FRINT32Z/64X (FEAT_FRINTTS), FJCVTZS and its Z flag
 * (FEAT_JSCVT).  Self-checking: exits with the number of the first
 * failing check.
 */
#include "a64-fp-check.h"

    .arch armv8.5-a
    .text
    .globl _start
_start:
    adr x28, scratch
    msr fpsr, xzr
    msr fpcr, xzr

    /* FP -> integer */
    LDS 0, 0x4f000000               /* 2^31 */
    fcvtzs w1, s0
    CHK x1, 0x7fffffff
    CHKFPSR IOC
    fcvtzu w1, s0
    CHK x1, 0x80000000
    fcvtzs x1, s0
    CHK x1, 0x80000000
    CHKFPSR 0
    LDD 2, 0xc1e0000000200000       /* -2^31 - 1 */
    fcvtzs w1, d2
    CHK x1, 0x80000000
    CHKFPSR IOC
    LDD 2, 0xc1e00000001fffff       /* -2^31 - 0.99... */
    fcvtzs w1, d2
    CHK x1, 0x80000000
    CHKFPSR IXC
    fcvtms w1, d2
    CHK x1, 0x80000000
    CHKFPSR IOC
    LDD 3, 0x43e0000000000000       /* 2^63 */
    fcvtzs x1, d3
    CHK x1, 0x7fffffffffffffff
    CHKFPSR IOC
    fcvtzu x1, d3
    CHK x1, 0x8000000000000000
    CHKFPSR 0
    LDD 3, 0x43f0000000000000       /* 2^64 */
    fcvtzu x1, d3
    CHK x1, 0xffffffffffffffff
    CHKFPSR IOC
    LDS 4, 0xbf000000               /* -0.5 */
    fcvtzu w1, s4
    CHK x1, 0
    CHKFPSR IXC
    fcvtmu x1, s4
    CHK x1, 0
    CHKFPSR IOC
    fcvtas x1, s4
    CHK x1, 0xffffffffffffffff
    fcvtns x1, s4
    CHK x1, 0
    fcvtps w1, s4
    CHK x1, 0
    CHKFPSR IXC
    LDS 5, 0x40200000               /* 2.5 */
    fcvtns w1, s5
    CHK x1, 2
    fcvtas w1, s5
    CHK x1, 3
    fcvtpu x1, s5
    CHK x1, 3
    LDS 6, 0x7fc00000
    fcvtns x1, s6
    CHK x1, 0
    CHKFPSR (IOC | IXC)
    LDD 7, 0xfff0000000000000       /* -inf */
    fcvtzs x1, d7
    CHK x1, 0x8000000000000000
    fcvtau w1, d7
    CHK x1, 0
    CHKFPSR IOC

    /* fixed point */
    LDS 8, 0x3fc00000               /* 1.5 */
    fcvtzs w1, s8, #4
    CHK x1, 24
    fcvtzu x1, s8, #64
    CHK x1, 0xffffffffffffffff
    CHKFPSR IOC
    LDD 9, 0xbfe0000000000000       /* -0.5 */
    fcvtzs x1, d9, #64
    CHK x1, 0x8000000000000000
    fcvtzs w1, d9, #32
    CHK x1, 0x80000000
    CHKFPSR 0
    mov w10, #-3
    scvtf s11, w10, #1
    CHKQ q11, 0xbfc00000, 0
    ucvtf s11, w10, #32
    CHKQ q11, 0x3f800000, 0         /* (2^32 - 3) / 2^32 rounds to 1 */
    CHKFPSR IXC
    mov x12, #1
    ucvtf d13, x12, #64
    CHKQ q13, 0x3bf0000000000000, 0
    CHKFPSR 0

    /* integer -> FP: W sources extend by signedness */
    mov x14, #0xffffffff
    scvtf d15, w14
    CHKQ q15, 0xbff0000000000000, 0
    ucvtf d15, w14
    CHKQ q15, 0x41efffffffe00000, 0
    scvtf s15, x14
    CHKQ q15, 0x4f800000, 0
    CHKFPSR IXC
    mov x14, #-1
    lsr x14, x14, #1
    scvtf d15, x14
    CHKQ q15, 0x43e0000000000000, 0
    CHKFPSR IXC
    FPCR RZ
    scvtf d15, x14
    CHKQ q15, 0x43dfffffffffffff, 0
    ucvtf s15, x14
    CHKQ q15, 0x5effffff, 0
    FPCR 0
    ldr x14, =0x1000001
    scvtf s15, w14
    CHKQ q15, 0x4b800000, 0
    CHKFPSR IXC

    /* precision: S <-> D <-> H */
    LDD 16, 0x3ff0000010000000      /* 1 + 2^-24: a tie for single */
    fcvt s17, d16
    CHKQ q17, 0x3f800000, 0
    CHKFPSR IXC
    LDD 16, 0x7e37e43c8800759c      /* 1e300 */
    fcvt s17, d16
    CHKQ q17, 0x7f800000, 0
    CHKFPSR (OFC | IXC)
    LDS 18, 0x7f800001              /* sNaN */
    fcvt d19, s18
    CHKQ q19, 0x7ff8000020000000, 0
    CHKFPSR IOC
    LDS 18, 0x33800000              /* 2^-24: the smallest half */
    fcvt h19, s18
    CHKQ q19, 0x0001, 0
    CHKFPSR 0
    LDS 18, 0x477ff000              /* 65520 */
    fcvt h19, s18
    CHKQ q19, 0x7c00, 0
    CHKFPSR (OFC | IXC)
    FPCR AHP
    fcvt h19, s18
    CHKQ q19, 0x7c00, 0             /* 65536 in the alternative format */
    CHKFPSR IXC
    LDS 18, 0x7fc00000
    fcvt h19, s18
    CHKQ q19, 0, 0
    CHKFPSR IOC
    LDS 18, 0xff800000
    fcvt h19, s18
    CHKQ q19, 0xffff, 0
    CHKFPSR IOC
    mov w20, #0x7c00
    fmov s21, w20
    fcvt d22, h21
    CHKQ q22, 0x40f0000000000000, 0
    FPCR 0
    fcvt d22, h21
    CHKQ q22, 0x7ff0000000000000, 0
    mov w20, #0x0001
    fmov s21, w20
    FPCR FZ
    fcvt s22, h21                   /* half denormals are never flushed */
    CHKQ q22, 0x33800000, 0
    CHKFPSR 0
    FPCR 0

    /* FRINT */
    LDS 23, 0x40200000              /* 2.5 */
    frintn s24, s23
    CHKQ q24, 0x40000000, 0
    frinta s24, s23
    CHKQ q24, 0x40400000, 0
    frintp s24, s23
    CHKQ q24, 0x40400000, 0
    frintm s24, s23
    CHKQ q24, 0x40000000, 0
    frintz s24, s23
    CHKQ q24, 0x40000000, 0
    frinti s24, s23
    CHKQ q24, 0x40000000, 0
    CHKFPSR 0
    frintx s24, s23
    CHKQ q24, 0x40000000, 0
    CHKFPSR IXC
    FPCR RP
    frinti s24, s23
    CHKQ q24, 0x40400000, 0
    FPCR 0
    LDD 25, 0xbfe0000000000000      /* -0.5 */
    frintn d26, d25
    CHKQ q26, 0x8000000000000000, 0
    frintp d26, d25
    CHKQ q26, 0x8000000000000000, 0
    frintm d26, d25
    CHKQ q26, 0xbff0000000000000, 0
    CHKFPSR 0
    LDS 27, 0x4f000000              /* 2^31 */
    frint32z s24, s27
    CHKQ q24, 0xcf000000, 0
    CHKFPSR IOC
    frint64x s24, s27
    CHKQ q24, 0x4f000000, 0
    CHKFPSR 0
    LDD 2, 0xc1e00000001fffff       /* -2^31 - 0.99... */
    frint32z d26, d2
    CHKQ q26, 0xc1e0000000000000, 0
    CHKFPSR IXC
    frint32x d26, d2
    CHKQ q26, 0xc1e0000000000000, 0
    CHKFPSR IOC
    LDD 25, 0x7ff8000000000000
    frint64z d26, d25
    CHKQ q26, 0xc3e0000000000000, 0
    CHKFPSR IOC

    /* FJCVTZS: Z when exact and in range (NZCV is read before the CHK
     * compares) */
    fmov d29, #-3.0
    fjcvtzs w30, d29
    CHKNZCV 0x4
    CHK x30, 0xfffffffd
    CHKFPSR 0
    fmov d29, #1.5
    fjcvtzs w30, d29
    CHKNZCV 0x0
    CHK x30, 1
    CHKFPSR IXC
    LDD 29, 0x41f0000000500000      /* 2^32 + 5 */
    fjcvtzs w30, d29
    CHKNZCV 0x0
    CHK x30, 5
    CHKFPSR IOC
    movi d29, #0
    fneg d29, d29
    fjcvtzs w30, d29
    CHKNZCV 0x0
    CHK x30, 0
    CHKFPSR 0

    FINISH a64-fp-cvt
