/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FP/SIMD register loads and stores: B/H/S/D/Q in every addressing form
 * (unsigned offset incl. the largest immediate, unscaled, pre/post-index,
 * register offset with each extension), LDR (literal) S/D/Q, and LDP/STP/
 * LDNP/STNP of S/D/Q at the imm7 limits.  A scalar load must clear the rest
 * of the 128-bit register; V31 is a vector register, not SP.
 * Self-checking: the first wrong value exits with the check's number.
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
    .macro CHKR reg, reg2
    .set ncheck, ncheck + 1
    cmp \reg, \reg2
    b.eq 1f
    mov x0, #(ncheck & 255)
    b fail
1:
    .endm
    /* the 128 bits of Qn through memory */
    .macro CHKQ q, lo, hi
    str \q, [x28]
    ldr x15, [x28]
    CHK x15, \lo
    ldr x15, [x28, #8]
    CHK x15, \hi
    .endm
    .macro FILL q
    ldr \q, garbage
    .endm

    .text
    .globl _start
_start:
    adr x1, src
    adr x9, dst
    adr x28, scratch

    /* unsigned offset; scalar loads clear the upper bits */
    FILL q0
    ldr b0, [x1]
    CHKQ q0, 0x01, 0
    sub x2, x1, #4095
    FILL q0
    ldr b0, [x2, #4095]
    CHKQ q0, 0x01, 0
    FILL q1
    ldr h1, [x1, #2]
    CHKQ q1, 0x0403, 0
    FILL q2
    ldr s2, [x1, #4]
    CHKQ q2, 0x08070605, 0
    FILL q3
    ldr d3, [x1, #8]
    CHKQ q3, 0x100f0e0d0c0b0a09, 0
    FILL q4
    ldr q4, [x1, #16]
    CHKQ q4, 0x1817161514131211, 0x201f1e1d1c1b1a19
    mov x3, #4095 * 16
    sub x2, x1, x3
    ldr q5, [x2, #4095 * 16]
    CHKQ q5, 0x0807060504030201, 0x100f0e0d0c0b0a09
    ldr q31, [x1]
    CHKQ q31, 0x0807060504030201, 0x100f0e0d0c0b0a09

    /* unscaled */
    add x2, x1, #32
    FILL q0
    ldur b0, [x2, #-31]
    CHKQ q0, 0x02, 0
    FILL q0
    ldur h0, [x2, #-29]
    CHKQ q0, 0x0504, 0
    FILL q0
    ldur s0, [x2, #-1]
    CHKQ q0, 0x23222120, 0
    FILL q0
    ldur d0, [x2, #-9]
    CHKQ q0, 0x1f1e1d1c1b1a1918, 0
    FILL q0
    ldur q0, [x2, #-31]
    CHKQ q0, 0x0908070605040302, 0x11100f0e0d0c0b0a
    ldur q0, [x2, #255 - 256]
    CHKQ q0, 0x2726252423222120, 0x2f2e2d2c2b2a2928

    /* pre/post-index */
    mov x2, x1
    FILL q0
    ldr b0, [x2, #1]!
    CHKQ q0, 0x02, 0
    add x3, x1, #1
    CHKR x2, x3
    ldr h0, [x2], #-1
    CHKQ q0, 0x0302, 0
    CHKR x2, x1
    FILL q0
    ldr s0, [x2, #16]!
    CHKQ q0, 0x14131211, 0
    ldr d0, [x2], #-16
    CHKQ q0, 0x1817161514131211, 0
    CHKR x2, x1
    FILL q0
    ldr q0, [x2, #32]!
    CHKQ q0, 0x2827262524232221, 0x302f2e2d2c2b2a29
    add x3, x1, #32
    CHKR x2, x3
    ldr q0, [x2], #-256
    sub x3, x1, #224
    CHKR x2, x3

    /* register offset */
    mov x3, #1
    FILL q0
    ldr b0, [x1, x3]
    CHKQ q0, 0x02, 0
    FILL q0
    ldr b0, [x1, x3, lsl #0]
    CHKQ q0, 0x02, 0
    FILL q0
    ldr h0, [x1, x3, lsl #1]
    CHKQ q0, 0x0403, 0
    FILL q0
    ldr s0, [x1, w3, uxtw #2]
    CHKQ q0, 0x08070605, 0
    add x4, x1, #32
    ldr x5, =0x00000001ffffffff
    FILL q0
    ldr d0, [x4, w5, sxtw #3]
    CHKQ q0, 0x201f1e1d1c1b1a19, 0
    ldr q0, [x1, x3, lsl #4]
    CHKQ q0, 0x1817161514131211, 0x201f1e1d1c1b1a19
    mov x6, #-32
    ldr q0, [x4, x6, sxtx]
    CHKQ q0, 0x0807060504030201, 0x100f0e0d0c0b0a09
    ldr q0, [x4, w5, sxtw #4]
    CHKQ q0, 0x1817161514131211, 0x201f1e1d1c1b1a19

    /* literal */
    FILL q0
    ldr s0, lit
    CHKQ q0, 0x33221100, 0
    FILL q0
    ldr d0, lit
    CHKQ q0, 0x7766554433221100, 0
    ldr q0, lit
    CHKQ q0, 0x7766554433221100, 0xffeeddccbbaa9988

    /* stores, every size and form */
    stp xzr, xzr, [x9]
    stp xzr, xzr, [x9, #16]
    ldr q7, lit
    str b7, [x9]
    str h7, [x9, #2]
    str s7, [x9, #4]
    ldr x2, [x9]
    CHK x2, 0x3322110011000000
    str d7, [x9, #8]
    ldr x2, [x9, #8]
    CHK x2, 0x7766554433221100
    str q7, [x9, #16]
    ldp x2, x3, [x9, #16]
    CHK x2, 0x7766554433221100
    CHK x3, 0xffeeddccbbaa9988
    stp xzr, xzr, [x9]
    add x2, x9, #16
    stur q7, [x2, #-15]
    ldp x3, x4, [x9]
    CHK x3, 0x6655443322110000
    CHK x4, 0xeeddccbbaa998877
    stur b7, [x2, #-1]
    stur h7, [x2, #-16]
    ldp x3, x4, [x9]
    CHK x3, 0x6655443322111100
    CHK x4, 0x00ddccbbaa998877
    mov x2, x9
    str s7, [x2, #4]!
    add x3, x9, #4
    CHKR x2, x3
    str d7, [x2], #-4
    CHKR x2, x9
    ldp x3, x4, [x9]
    CHK x3, 0x3322110022111100
    CHK x4, 0x00ddccbb77665544
    str q7, [x2], #16
    add x3, x9, #16
    CHKR x2, x3
    str h7, [x2, #-16]!
    CHKR x2, x9
    mov x3, #1
    str q7, [x9, x3, lsl #4]
    stp xzr, xzr, [x9]
    str h7, [x9, x3, lsl #1]
    str b7, [x9, x3]
    str d7, [x9, x3, lsl #3]
    ldp x3, x4, [x9]
    CHK x3, 0x0000000011000000
    CHK x4, 0x7766554433221100
    ldp x3, x4, [x9, #16]
    CHK x3, 0x7766554433221100
    CHK x4, 0xffeeddccbbaa9988
    ldr q31, lit
    add x5, x9, #16
    mov x6, #-16
    str q31, [x5, x6, sxtx]
    ldp x3, x4, [x9]
    CHK x3, 0x7766554433221100
    CHK x4, 0xffeeddccbbaa9988

    /* pairs: S, D, Q, all modes */
    FILL q0
    FILL q1
    ldp s0, s1, [x1]
    CHKQ q0, 0x04030201, 0
    CHKQ q1, 0x08070605, 0
    FILL q0
    FILL q1
    ldp d0, d1, [x1, #8]
    CHKQ q0, 0x100f0e0d0c0b0a09, 0
    CHKQ q1, 0x1817161514131211, 0
    ldp q0, q1, [x1]
    CHKQ q0, 0x0807060504030201, 0x100f0e0d0c0b0a09
    CHKQ q1, 0x1817161514131211, 0x201f1e1d1c1b1a19
    mov x2, x1
    ldp q2, q3, [x2, #16]!
    CHKQ q2, 0x1817161514131211, 0x201f1e1d1c1b1a19
    CHKQ q3, 0x2827262524232221, 0x302f2e2d2c2b2a29
    add x3, x1, #16
    CHKR x2, x3
    ldp d2, d3, [x2], #-16
    CHKQ q2, 0x1817161514131211, 0
    CHKQ q3, 0x201f1e1d1c1b1a19, 0
    CHKR x2, x1
    add x2, x1, #1024
    ldp q2, q3, [x2, #-1024]
    CHKQ q2, 0x0807060504030201, 0x100f0e0d0c0b0a09
    sub x2, x1, #1008
    ldp q2, q3, [x2, #1008]
    CHKQ q3, 0x1817161514131211, 0x201f1e1d1c1b1a19
    add x2, x1, #256
    ldp s2, s3, [x2, #-256]!
    CHKR x2, x1
    CHKQ q2, 0x04030201, 0
    sub x2, x1, #252
    ldp s2, s3, [x2, #252]
    CHKQ q3, 0x08070605, 0
    FILL q4
    FILL q5
    ldnp s4, s5, [x1, #8]
    CHKQ q4, 0x0c0b0a09, 0
    CHKQ q5, 0x100f0e0d, 0
    ldnp d4, d5, [x1]
    CHKQ q5, 0x100f0e0d0c0b0a09, 0
    ldnp q4, q5, [x1, #32]
    CHKQ q4, 0x2827262524232221, 0x302f2e2d2c2b2a29
    CHKQ q5, 0x3837363534333231, 0x403f3e3d3c3b3a39

    ldr q6, lit
    ldr q7, lit2
    stp q6, q7, [x9]
    ldp x2, x3, [x9]
    CHK x2, 0x7766554433221100
    CHK x3, 0xffeeddccbbaa9988
    ldp x2, x3, [x9, #16]
    CHK x2, 0x0123456789abcdef
    CHK x3, 0xfedcba9876543210
    stp d7, d6, [x9]
    ldp x2, x3, [x9]
    CHK x2, 0x0123456789abcdef
    CHK x3, 0x7766554433221100
    stp s6, s7, [x9, #4]
    ldp x2, x3, [x9]
    CHK x2, 0x3322110089abcdef
    CHK x3, 0x7766554489abcdef
    mov x2, x9
    stnp q7, q6, [x2]
    stp s7, s6, [x2, #8]!
    add x3, x9, #8
    CHKR x2, x3
    stp d6, d7, [x2], #-8
    CHKR x2, x9
    ldp x2, x3, [x9]
    CHK x2, 0x0123456789abcdef
    CHK x3, 0x7766554433221100
    ldp x2, x3, [x9, #16]
    CHK x2, 0x0123456789abcdef
    CHK x3, 0xffeeddccbbaa9988
    stnp d6, d6, [x9]
    stnp s7, s7, [x9, #16]
    ldp x2, x3, [x9]
    CHK x2, 0x7766554433221100
    CHK x3, 0x7766554433221100
    ldr x2, [x9, #16]
    CHK x2, 0x89abcdef89abcdef

    mov x0, #1
    adr x1, msg
    mov x2, #msg_end - msg
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
fail:
    mov x8, #93
    svc #0
    .ltorg
    .balign 16
garbage:
    .quad 0xdeadbeefdeadbeef, 0xcafebabecafebabe
lit:
    .quad 0x7766554433221100, 0xffeeddccbbaa9988
lit2:
    .quad 0x0123456789abcdef, 0xfedcba9876543210
msg:
    .ascii "ok a64-ldst-fp\n"
msg_end:

    .data
    .balign 64
src:
    .byte  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16
    .byte 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
    .byte 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48
    .byte 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64
    .balign 64
dst:
    .space 64
scratch:
    .space 16
