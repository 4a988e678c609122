/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Integer single-register loads and stores in every addressing form:
 * unsigned offset (incl. the largest scaled immediate), unscaled (imm9
 * limits), pre/post-index writeback, register offset with LSL/UXTW/SXTW/SXTX
 * (negative SXTW, garbage above a W index), literal (LDR W/X, LDRSW, PRFM),
 * prefetches (no access even to unmapped memory), LDTR/STTR, SP as base,
 * and every size with sign extension to W and X at the sign edges.
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

    .text
    .globl _start
_start:
    adr x1, src
    adr x9, dst

    /* unsigned offset, every size and extension */
    ldrb w0, [x1]
    CHK x0, 0x81
    ldrb w0, [x1, #9]
    CHK x0, 0x22
    ldrsb w0, [x1]
    CHK x0, 0xffffff81
    ldrsb x0, [x1]
    CHK x0, 0xffffffffffffff81
    ldrsb x0, [x1, #8]
    CHK x0, 0x11
    ldrsb w0, [x1, #15]
    CHK x0, 0x08
    ldrh w0, [x1]
    CHK x0, 0x9281
    ldrsh w0, [x1]
    CHK x0, 0xffff9281
    ldrsh x0, [x1, #2]
    CHK x0, 0xffffffffffffb4a3
    ldrsh x0, [x1, #8]
    CHK x0, 0x2211
    ldrsh w0, [x1, #20]
    CHK x0, 0x7fff
    ldr w0, [x1]
    CHK x0, 0xb4a39281
    ldrsw x0, [x1]
    CHK x0, 0xffffffffb4a39281
    ldrsw x0, [x1, #8]
    CHK x0, 0x44332211
    ldrsw x0, [x1, #16]
    CHK x0, 0xffffffff80000080
    ldr x0, [x1]
    CHK x0, 0xf8e7d6c5b4a39281
    ldr x0, [x1, #8]
    CHK x0, 0x0877665544332211
    /* largest scaled immediates */
    mov x15, #4095 * 8
    sub x2, x1, x15
    ldr x0, [x2, #4095 * 8]
    CHK x0, 0xf8e7d6c5b4a39281
    mov x15, #4095 * 4
    sub x2, x1, x15
    ldr w0, [x2, #4095 * 4]
    CHK x0, 0xb4a39281
    mov x15, #4095 * 2
    sub x2, x1, x15
    ldrsh w0, [x2, #4095 * 2]
    CHK x0, 0xffff9281
    sub x2, x1, #4095
    ldrb w0, [x2, #4095]
    CHK x0, 0x81

    /* unscaled, imm9 limits */
    ldur x0, [x1, #1]
    CHK x0, 0x11f8e7d6c5b4a392
    add x3, x1, #16
    ldur w0, [x3, #-8]
    CHK x0, 0x44332211
    ldursb x0, [x3, #-16]
    CHK x0, 0xffffffffffffff81
    ldursb w0, [x3, #-16]
    CHK x0, 0xffffff81
    ldurh w0, [x3, #-15]
    CHK x0, 0xa392
    ldursh x0, [x3, #-15]
    CHK x0, 0xffffffffffffa392
    ldursh w0, [x3, #-15]
    CHK x0, 0xffffa392
    ldursw x0, [x3, #-13]
    CHK x0, 0xffffffffe7d6c5b4
    add x4, x1, #256
    ldurb w0, [x4, #-256]
    CHK x0, 0x81
    sub x5, x1, #255
    ldurb w0, [x5, #255]
    CHK x0, 0x81

    /* pre-index */
    mov x2, x1
    ldr x0, [x2, #8]!
    CHK x0, 0x0877665544332211
    add x3, x1, #8
    CHKR x2, x3
    ldrsb w0, [x2, #-1]!
    CHK x0, 0xfffffff8
    add x3, x1, #7
    CHKR x2, x3
    ldrsh x0, [x2, #-256]!
    sub x3, x1, #249
    CHKR x2, x3
    add x2, x1, #4
    ldrsw x0, [x2, #-4]!
    CHK x0, 0xffffffffb4a39281
    CHKR x2, x1

    /* post-index */
    mov x2, x1
    ldrh w0, [x2], #2
    CHK x0, 0x9281
    add x3, x1, #2
    CHKR x2, x3
    ldrsw x0, [x2], #-2
    CHK x0, 0xffffffffd6c5b4a3
    CHKR x2, x1
    ldrsb x0, [x2], #255
    CHK x0, 0xffffffffffffff81
    add x3, x1, #255
    CHKR x2, x3
    mov x2, x1
    ldr x0, [x2], #-256
    CHK x0, 0xf8e7d6c5b4a39281
    sub x3, x1, #256
    CHKR x2, x3
    mov x2, x1
    ldrb w0, [x2], #0
    CHKR x2, x1

    /* register offset */
    mov x3, #1
    ldr x0, [x1, x3, lsl #3]
    CHK x0, 0x0877665544332211
    ldrb w0, [x1, x3]
    CHK x0, 0x92
    ldrsb x0, [x1, x3, lsl #0]
    CHK x0, 0xffffffffffffff92
    ldrh w0, [x1, x3, lsl #1]
    CHK x0, 0xb4a3
    ldrsh w0, [x1, x3]
    CHK x0, 0xffffa392
    ldr w0, [x1, w3, uxtw #2]
    CHK x0, 0xf8e7d6c5
    ldrsw x0, [x1, x3, lsl #2]
    CHK x0, 0xfffffffff8e7d6c5
    add x4, x1, #16
    ldr x5, =0x12345678ffffffff
    ldr x0, [x4, w5, sxtw #3]
    CHK x0, 0x0877665544332211
    ldrsh x0, [x4, w5, sxtw]
    CHK x0, 0xffffffffffff8008
    ldrsb w0, [x4, w5, sxtw #0]
    CHK x0, 0x08
    ldr x6, =0xffffffff00000008
    ldr x0, [x1, w6, uxtw]
    CHK x0, 0x0877665544332211
    ldr w0, [x1, w6, uxtw #0]
    CHK x0, 0x44332211
    mov x7, #-8
    ldr x0, [x4, x7, sxtx]
    CHK x0, 0x0877665544332211
    mov x7, #-2
    ldr w0, [x4, x7, sxtx #2]
    CHK x0, 0x44332211
    ldr x0, [x1, xzr]
    CHK x0, 0xf8e7d6c5b4a39281
    ldr x0, [x1, wzr, sxtw #3]
    CHK x0, 0xf8e7d6c5b4a39281

    /* literal */
    ldr w0, lit_w
    CHK x0, 0x89abcdef
    ldrsw x0, lit_w
    CHK x0, 0xffffffff89abcdef
    ldr x0, lit_x
    CHK x0, 0x0123456789abcdef
    ldr x0, lit_back
    CHK x0, 0xfedcba9876543210
    prfm pldl1keep, lit_x

    /* prefetches never access memory */
    mov x10, #0
    prfm pldl1keep, [x10]
    prfm pstl2strm, [x10, #4095 * 8]
    prfm plil3keep, [x10, x3, lsl #3]
    prfum pldl1strm, [x10, #-3]
    prfm #0x1f, [x10]

    /* loads to XZR access memory but keep SP */
    mov x10, sp
    ldr xzr, [x1]
    ldrb wzr, [x1, #1]
    mov x11, sp
    CHKR x11, x10

    /* stores, every size */
    ldr x0, =0x1122334455667788
    str xzr, [x9]
    str xzr, [x9, #8]
    strb w0, [x9]
    ldr x12, [x9]
    CHK x12, 0x88
    strh w0, [x9, #2]
    ldr x12, [x9]
    CHK x12, 0x77880088
    str w0, [x9, #4]
    ldr x12, [x9]
    CHK x12, 0x5566778877880088
    str x0, [x9, #8]
    ldr x12, [x9, #8]
    CHK x12, 0x1122334455667788
    str xzr, [x9, #8]
    ldr x12, [x9, #8]
    CHK x12, 0
    add x2, x9, #16
    sturb w0, [x2, #-15]
    sturh w0, [x2, #-14]
    ldr x12, [x9]
    CHK x12, 0x5566778877888888
    stur x0, [x2, #-7]
    ldr x12, [x9, #8]
    CHK x12, 0x2233445566778800
    stur wzr, [x2, #-4]
    ldr x12, [x9, #8]
    CHK x12, 0x0000000066778800
    /* store writeback */
    mov x2, x9
    str x0, [x2, #8]!
    add x3, x9, #8
    CHKR x2, x3
    strb wzr, [x2], #-8
    CHKR x2, x9
    ldr x12, [x9, #8]
    CHK x12, 0x1122334455667700
    strh w0, [x2], #2
    add x3, x9, #2
    CHKR x2, x3
    ldrh w12, [x9]
    CHK x12, 0x7788
    str w0, [x2, #-2]!
    CHKR x2, x9
    ldr x12, [x9]
    CHK x12, 0x5566778855667788
    /* register offset stores */
    mov x3, #1
    str xzr, [x9, x3, lsl #3]
    ldr x12, [x9, #8]
    CHK x12, 0
    strb w0, [x9, x3]
    strh w0, [x9, x3, lsl #1]
    ldr x12, [x9]
    CHK x12, 0x5566778877888888
    add x4, x9, #16
    ldr x5, =0x12345678ffffffff
    str w0, [x4, w5, sxtw #2]
    ldr x12, [x9, #8]
    CHK x12, 0x5566778800000000
    mov x7, #-16
    str x0, [x4, x7, sxtx]
    ldr x12, [x9]
    CHK x12, 0x1122334455667788

    /* unprivileged forms behave as normal ones at EL0 */
    ldtr x0, [x1]
    CHK x0, 0xf8e7d6c5b4a39281
    ldtr w0, [x1, #4]
    CHK x0, 0xf8e7d6c5
    ldtrb w0, [x1, #1]
    CHK x0, 0x92
    ldtrsb x0, [x1]
    CHK x0, 0xffffffffffffff81
    ldtrsb w0, [x1]
    CHK x0, 0xffffff81
    ldtrh w0, [x1, #-0]
    CHK x0, 0x9281
    ldtrsh x0, [x1, #2]
    CHK x0, 0xffffffffffffb4a3
    ldtrsh w0, [x1, #2]
    CHK x0, 0xffffb4a3
    ldtrsw x0, [x1, #1]
    CHK x0, 0xffffffffc5b4a392
    ldr x0, =0xa1b2c3d4e5f60718
    add x2, x9, #8
    sttr x0, [x2, #-8]
    ldr x12, [x9]
    CHK x12, 0xa1b2c3d4e5f60718
    sttr wzr, [x9, #4]
    sttrb wzr, [x9]
    sttrh w0, [x9, #2]
    ldr x12, [x9]
    CHK x12, 0x0000000007180700

    /* SP as base, aligned */
    mov x10, sp
    sub sp, sp, #64
    ldr x0, =0x0102030405060708
    str x0, [sp, #-16]!
    mov x11, sp
    add x12, x10, #-80
    CHKR x11, x12
    ldr x13, [sp], #16
    CHK x13, 0x0102030405060708
    ldrb w13, [sp, #-16]
    CHK x13, 0x08
    ldr x13, [sp, x3, lsl #3]
    mov x3, #-16
    ldr x13, [sp, x3]
    CHK x13, 0x0102030405060708
    add sp, sp, #64
    mov x11, sp
    CHKR x11, x10

    /* success */
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

lit_back:
    .quad 0xfedcba9876543210
    .ltorg
    .balign 8
lit_w:
    .word 0x89abcdef
    .word 0
lit_x:
    .quad 0x0123456789abcdef
msg:
    .ascii "ok a64-ldst-int\n"
msg_end:

    .data
    .balign 64
src:
    .byte 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8
    .byte 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x08
    .byte 0x80, 0x00, 0x00, 0x80, 0xff, 0x7f, 0x00, 0x00
    .byte 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
    .balign 64
dst:
    .space 64
