/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Advanced SIMD edge cases, self-checking: 64-bit (Q=0) and scalar forms
 * clear bits 127:64 of the destination on both the IR and the helper
 * paths; "2" forms keep the lower half; destinations that are also sources
 * (ZIP, EXT, TBL, BSL, widening ops); FPSR.QC set by saturation only, and
 * sticky; shifts by register counts past the element size (both signs)
 * and by the largest immediates; TBL/TBX indices out of range and table
 * lists wrapping past V31; every MOVI/MVNI/ORR/BIC immediate shape and
 * FMOV; INS/UMOV/SMOV at the highest indices; FP NaN propagation and
 * saturating conversions with their FPSR flags.  The expected values
 * follow the Arm ARM pseudocode and were checked under qemu-aarch64.  The
 * first wrong value exits with the check's number (modulo 256).
 */
    .set ncheck, 0
    .macro CHK reg, val
    .set ncheck, ncheck + 1
    ldr x16, =\val
    cmp \reg, x16
    b.eq 1f
    mov x0, #(ncheck & 255)
    b fail
1:
    .endm
    /* the 128 bits of Qn through memory */
    .macro CHKQ q, hi, lo
    str \q, [x28]
    ldr x15, [x28]
    CHK x15, \lo
    ldr x15, [x28, #8]
    CHK x15, \hi
    .endm
    /* Qn := hi:lo */
    .macro LQ q, hi, lo
    ldr x16, =\lo
    ldr x17, =\hi
    stp x16, x17, [x28]
    ldr \q, [x28]
    .endm
    /* FPSR must be val; then clear it */
    .macro CHKFPSR val
    mrs x15, fpsr
    CHK x15, \val
    msr fpsr, xzr
    .endm

    .set QC, 0x08000000
    .set GARB_HI, 0xdeadbeefcafef00d
    .set GARB_LO, 0x0123456789abcdef

    .text
    .globl _start
_start:
    adr x28, scratch
    msr fpsr, xzr

    /* ---- Q=0 and scalar forms zero the upper half ---- */
    LQ q1, 0x1111111111111111, 0x0102030405060708
    LQ q2, 0x2222222222222222, 0x1020304050607080
    LQ q0, GARB_HI, GARB_LO
    and v0.8b, v1.8b, v2.8b
    CHKQ q0, 0, 0x0000000000000000
    LQ q0, GARB_HI, GARB_LO
    orr v0.8b, v1.8b, v2.8b
    CHKQ q0, 0, 0x1122334455667788
    LQ q0, GARB_HI, GARB_LO
    not v0.8b, v1.8b
    CHKQ q0, 0, 0xfefdfcfbfaf9f8f7
    LQ q0, GARB_HI, GARB_LO
    bsl v0.8b, v1.8b, v2.8b         /* d=garbage selects n (1) else m (0) */
    CHKQ q0, 0, 0x1102310451423508
    LQ q0, GARB_HI, GARB_LO
    add v0.8b, v1.8b, v2.8b
    CHKQ q0, 0, 0x1122334455667788
    LQ q0, GARB_HI, GARB_LO
    dup v0.4h, v1.h[0]
    CHKQ q0, 0, 0x0708070807080708
    LQ q0, GARB_HI, GARB_LO
    movi v0.2s, #0x12, lsl #8
    CHKQ q0, 0, 0x0000120000001200
    LQ q0, GARB_HI, GARB_LO
    orr v0.4h, #0x80
    CHKQ q0, 0, 0x01a345e789abcdef
    LQ q0, GARB_HI, GARB_LO
    ext v0.8b, v1.8b, v2.8b, #3
    CHKQ q0, 0, 0x6070800102030405
    LQ q0, GARB_HI, GARB_LO
    uzp1 v0.2s, v1.2s, v2.2s
    CHKQ q0, 0, 0x5060708005060708
    LQ q0, GARB_HI, GARB_LO
    cnt v0.8b, v1.8b
    CHKQ q0, 0, 0x0101020102020301
    LQ q0, GARB_HI, GARB_LO
    addv b0, v1.16b
    CHKQ q0, 0, 0x00000000000000ac
    LQ q0, GARB_HI, GARB_LO
    sqxtn v0.8b, v2.8h
    CHKQ q0, 0, 0x7f7f7f7f7f7f7f7f
    LQ q0, GARB_HI, GARB_LO
    mov b0, v1.b[15]
    CHKQ q0, 0, 0x11
    LQ q0, GARB_HI, GARB_LO
    add d0, d1, d2
    CHKQ q0, 0, 0x1122334455667788
    LQ q0, GARB_HI, GARB_LO
    fadd v0.2s, v1.2s, v2.2s
    CHKQ q0, 0, 0x1020304050607080
    LQ q0, GARB_HI, GARB_LO
    movi d0, #0xff00ff00ff00ff00
    CHKQ q0, 0, 0xff00ff00ff00ff00
    CHKFPSR (QC | 0x10)         /* SQXTN saturated, FADD inexact */

    /* ---- "2" forms keep the lower half ---- */
    LQ q3, 0x8000000180007fff, 0x0001fffe7fff8000
    LQ q0, GARB_HI, GARB_LO
    xtn2 v0.8h, v3.4s
    CHKQ q0, 0x00017ffffffe8000, GARB_LO
    LQ q0, GARB_HI, GARB_LO
    sqxtn2 v0.8h, v3.4s
    CHKQ q0, 0x800080007fff7fff, GARB_LO
    CHKFPSR QC
    LQ q0, GARB_HI, GARB_LO
    shrn2 v0.16b, v3.8h, #8
    CHKQ q0, 0x8000807f00ff7f80, GARB_LO
    LQ q0, GARB_HI, GARB_LO
    addhn2 v0.8h, v3.4s, v3.4s
    CHKQ q0, 0x000000000003ffff, GARB_LO
    LQ q0, GARB_HI, GARB_LO
    fcvtn2 v0.4s, v1.2d
    CHKQ q0, 0x0000000000000000, GARB_LO
    CHKFPSR 0x18

    /* ---- destination also a source ---- */
    LQ q4, 0x0f0e0d0c0b0a0908, 0x0706050403020100
    mov v5.16b, v4.16b
    zip1 v5.16b, v5.16b, v5.16b
    CHKQ q5, 0x0707060605050404, 0x0303020201010000
    mov v5.16b, v4.16b
    ext v5.16b, v5.16b, v5.16b, #9
    CHKQ q5, 0x0807060504030201, 0x000f0e0d0c0b0a09
    mov v5.16b, v4.16b
    tbl v5.16b, {v5.16b}, v5.16b
    CHKQ q5, 0x0f0e0d0c0b0a0908, 0x0706050403020100
    mov v5.16b, v4.16b
    uzp2 v5.4s, v4.4s, v5.4s
    CHKQ q5, 0x0f0e0d0c07060504, 0x0f0e0d0c07060504
    mov v5.16b, v4.16b
    saddl2 v5.8h, v5.16b, v5.16b
    CHKQ q5, 0x001e001c001a0018, 0x0016001400120010
    mov v5.16b, v4.16b
    rev64 v5.4s, v5.4s
    CHKQ q5, 0x0b0a09080f0e0d0c, 0x0302010007060504

    /* ---- FPSR.QC: only on saturation, and sticky ---- */
    msr fpsr, xzr
    LQ q6, 0x7fffffffffffffff, 0x7f80017f80ff0001
    sqsub v7.16b, v6.16b, v6.16b
    CHKQ q7, 0, 0
    CHKFPSR 0
    sqadd v7.8h, v6.8h, v6.8h
    CHKQ q7, 0x7ffffffefffefffe, 0x7fff02fe80000002
    CHKFPSR QC
    sqadd d7, d6, d6
    sqsub v8.2d, v6.2d, v6.2d
    CHKQ q7, 0, 0x7fffffffffffffff
    CHKQ q8, 0, 0
    CHKFPSR QC
    LQ q9, 0x8000800080008000, 0x8000800080001234
    sqdmulh v10.8h, v9.8h, v9.8h
    CHKQ q10, 0x7fff7fff7fff7fff, 0x7fff7fff7fff0296
    CHKFPSR QC
    sqrdmulh h10, h9, h9
    CHKQ q10, 0, 0x0297
    CHKFPSR 0
    LQ q11, 0, 0xff
    uqshl b12, b11, #1
    CHKQ q12, 0, 0xff
    CHKFPSR QC
    sqshlu v12.2s, v6.2s, #1
    CHKQ q12, 0, 0xff0002fe00000000
    CHKFPSR QC

    /* ---- shifts by register counts out of range ---- */
    LQ q13, 0x8000000000000001, 0xffffffffffff8000
    LQ q14, 0x00000000000000c0, 0x0000000000000040  /* -64, 64 */
    ushl v15.2d, v13.2d, v14.2d
    CHKQ q15, 0, 0
    sshl v15.2d, v13.2d, v14.2d
    CHKQ q15, 0xffffffffffffffff, 0
    LQ q14, 0x00000000000000c1, 0x0000000000000080  /* -63, -128 */
    sshl v15.2d, v13.2d, v14.2d
    CHKQ q15, 0xffffffffffffffff, 0xffffffffffffffff
    srshl v15.2d, v13.2d, v14.2d
    CHKQ q15, 0xffffffffffffffff, 0
    urshl v15.2d, v13.2d, v14.2d
    CHKQ q15, 0x1, 0
    LQ q14, 0x000000000000007f, 0x000000000000003f  /* 127, 63 */
    sqshl v15.2d, v13.2d, v14.2d
    CHKQ q15, 0x8000000000000000, 0x8000000000000000
    CHKFPSR QC
    uqrshl v15.2d, v14.2d, v14.2d
    CHKQ q15, 0xffffffffffffffff, 0xffffffffffffffff
    CHKFPSR QC
    LQ q14, 0, 0x08f8
    ushl v15.8h, v13.8h, v14.8h                   /* lane 0 by -8 */
    CHKQ q15, 0x8000000000000001, 0xffffffffffff0080
    ushl v15.4h, v13.4h, v13.4h                   /* by 0xff, 0x00 */
    CHKQ q15, 0, 0x7fff7fff7fff8000

    /* ---- shifts by the largest immediates ---- */
    sshr d15, d13, #64
    CHKQ q15, 0, 0xffffffffffffffff
    ushr v15.2d, v13.2d, #64
    CHKQ q15, 0, 0
    srshr v15.2d, v13.2d, #64
    CHKQ q15, 0, 0
    ursra v15.2d, v13.2d, #64
    CHKQ q15, 0x1, 0x1
    LQ q15, GARB_HI, GARB_LO
    sri v15.2d, v13.2d, #64
    CHKQ q15, GARB_HI, GARB_LO
    sli v15.2d, v13.2d, #0
    CHKQ q15, 0x8000000000000001, 0xffffffffffff8000
    shl v15.2d, v13.2d, #63
    CHKQ q15, 0x8000000000000000, 0
    LQ q15, GARB_HI, GARB_LO
    sri v15.8h, v13.8h, #3
    CHKQ q15, 0xd000a000c000e000, 0x1fff5fff9fffd000
    rshrn v16.2s, v13.2d, #32
    CHKQ q16, 0, 0x8000000000000000
    sqrshrun v16.4h, v13.4s, #16
    CHKQ q16, 0, 0
    CHKFPSR QC

    /* ---- TBL/TBX index range and register wrap ---- */
    LQ q31, 0x1f1e1d1c1b1a1918, 0x1716151413121110
    LQ q0, 0x2f2e2d2c2b2a2928, 0x2726252423222120
    LQ q1, 0xff80402f20100f00, 0x1f1e1d1c1b1a1918
    LQ q2, GARB_HI, GARB_LO
    tbl v3.16b, {v31.16b, v0.16b}, v1.16b
    CHKQ q3, 0x0000000000201f10, 0x2f2e2d2c2b2a2928
    tbx v2.16b, {v31.16b, v0.16b}, v1.16b
    CHKQ q2, 0xdeadbeefca201f10, 0x2f2e2d2c2b2a2928
    tbl v3.8b, {v31.16b}, v1.8b
    CHKQ q3, 0, 0
    tbx v3.16b, {v31.16b, v0.16b, v1.16b, v2.16b}, v1.16b
    CHKQ q3, 0x000000ff18201f10, 0x2f2e2d2c2b2a2928

    /* ---- modified immediates ---- */
    movi v4.4s, #0xab, lsl #24
    CHKQ q4, 0xab000000ab000000, 0xab000000ab000000
    mvni v4.4s, #0xab, lsl #16
    CHKQ q4, 0xff54ffffff54ffff, 0xff54ffffff54ffff
    movi v4.4s, #0xab, msl #16
    CHKQ q4, 0x00abffff00abffff, 0x00abffff00abffff
    mvni v4.2s, #0xab, msl #8
    CHKQ q4, 0, 0xffff5400ffff5400
    movi v4.8h, #0xcd, lsl #8
    CHKQ q4, 0xcd00cd00cd00cd00, 0xcd00cd00cd00cd00
    bic v4.8h, #0x41, lsl #8
    CHKQ q4, 0x8c008c008c008c00, 0x8c008c008c008c00
    orr v4.4s, #0x12
    CHKQ q4, 0x8c008c128c008c12, 0x8c008c128c008c12
    movi v4.2d, #0x00ff0000ff0000ff
    CHKQ q4, 0x00ff0000ff0000ff, 0x00ff0000ff0000ff
    fmov v4.4s, #-1.25
    CHKQ q4, 0xbfa00000bfa00000, 0xbfa00000bfa00000
    fmov v4.2d, #31.0
    CHKQ q4, 0x403f000000000000, 0x403f000000000000
    fmov v4.2s, #0.125
    CHKQ q4, 0, 0x3e0000003e000000

    /* ---- element moves ---- */
    LQ q5, 0x8081828384858687, 0xf0f1f2f3f4f5f6f7
    smov x6, v5.b[15]
    CHK x6, 0xffffffffffffff80
    smov w6, v5.h[7]
    CHK x6, 0x00000000ffff8081
    smov x6, v5.s[1]
    CHK x6, 0xfffffffff0f1f2f3
    umov w6, v5.b[8]
    CHK x6, 0x87
    mov x6, v5.d[1]
    CHK x6, 0x8081828384858687
    mov w6, v5.s[3]
    CHK x6, 0x80818283
    ldr x7, =0x1122334455667788
    mov v5.b[15], w7
    mov v5.h[0], w7
    CHKQ q5, 0x8881828384858687, 0xf0f1f2f3f4f57788
    mov v5.s[2], v5.s[0]
    CHKQ q5, 0x88818283f4f57788, 0xf0f1f2f3f4f57788
    mov v5.d[1], x7
    CHKQ q5, 0x1122334455667788, 0xf0f1f2f3f4f57788
    dup v6.2d, x7
    CHKQ q6, 0x1122334455667788, 0x1122334455667788
    dup v6.16b, v5.b[15]
    CHKQ q6, 0x1111111111111111, 0x1111111111111111
    mov s6, v5.s[1]
    CHKQ q6, 0, 0xf0f1f2f3

    /* ---- floating point: NaNs and saturation ---- */
    msr fpsr, xzr
    LQ q7, 0x7ff8000000000000, 0x7fc000003f800000  /* s: 1.0 qNaN 0 qNaN; d: a number, qNaN */
    LQ q8, 0x3ff0000000000000, 0x40000000ff800000  /* s: -inf 2.0 0 1.875; d: a number, 1.0 */
    fmaxnm v9.4s, v7.4s, v8.4s
    CHKQ q9, 0x3ff0000000000000, 0x400000003f800000
    fmax v9.4s, v7.4s, v8.4s
    CHKQ q9, 0x7ff8000000000000, 0x7fc000003f800000
    fmaxnm v9.2d, v7.2d, v8.2d
    CHKQ q9, 0x3ff0000000000000, 0x7fc000003f800000
    fcmeq v9.4s, v7.4s, v7.4s
    CHKQ q9, 0x00000000ffffffff, 0x00000000ffffffff
    CHKFPSR 0
    fcmge v9.4s, v7.4s, v8.4s
    CHKQ q9, 0x00000000ffffffff, 0x00000000ffffffff
    CHKFPSR 0x1
    LQ q10, 0x7fa000004f000000, 0xcf000001c0000000  /* sNaN 2^31 | -2^31-ulp -2 */
    fcvtzs v11.4s, v10.4s
    CHKQ q11, 0x000000007fffffff, 0x80000000fffffffe
    CHKFPSR 0x1
    fcvtzu v11.4s, v10.4s
    CHKQ q11, 0x0000000080000000, 0x0000000000000000
    CHKFPSR 0x1
    fadd v11.4s, v10.4s, v8.4s
    CHKQ q11, 0x7fe000004f000000, 0xcf000001ff800000
    CHKFPSR 0x11
    faddp s11, v8.2s
    CHKQ q11, 0, 0xff800000
    fmaxv s11, v10.4s
    CHKQ q11, 0, 0x7fe00000
    CHKFPSR 0x1
    b pass

pass:
    mov x0, #1
    adr x1, okmsg
    mov x2, #(okmsg_end - okmsg)
    mov x8, #64                 /* write */
    svc #0
    mov x0, #0
fail:
    mov x8, #93                 /* exit */
    svc #0

okmsg:
    .ascii "ok a64-simd-edge\n"
okmsg_end:
    .ltorg

    .data
    .balign 16
scratch:
    .space 32
