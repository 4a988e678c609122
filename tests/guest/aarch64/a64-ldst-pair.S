/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Integer pairs: LDP/STP of W and X, LDPSW, LDNP/STNP, in the signed
 * offset, pre-index and post-index forms at the imm7 limits, with SP as base
 * (the prologue/epilogue pattern), XZR stored, and a base register that is
 * also a destination without writeback (well defined: the loads win).
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

    /* LDP W / X, signed offset */
    ldp w2, w3, [x1]
    CHK x2, 0xb4a39281
    CHK x3, 0xf8e7d6c5
    ldp w2, w3, [x1, #8]
    CHK x2, 0x44332211
    CHK x3, 0x08776655
    ldp x2, x3, [x1]
    CHK x2, 0xf8e7d6c5b4a39281
    CHK x3, 0x0877665544332211
    ldp x2, x3, [x1, #8]
    CHK x2, 0x0877665544332211
    CHK x3, 0x0000000080000080
    /* imm7 limits */
    add x4, x1, #256
    ldp w2, w3, [x4, #-256]
    CHK x2, 0xb4a39281
    sub x4, x1, #252
    ldp w2, w3, [x4, #252]
    CHK x3, 0xf8e7d6c5
    add x4, x1, #512
    ldp x2, x3, [x4, #-512]
    CHK x2, 0xf8e7d6c5b4a39281
    sub x4, x1, #504
    ldp x2, x3, [x4, #504]
    CHK x3, 0x0877665544332211

    /* LDPSW */
    ldpsw x2, x3, [x1]
    CHK x2, 0xffffffffb4a39281
    CHK x3, 0xfffffffff8e7d6c5
    ldpsw x2, x3, [x1, #8]
    CHK x2, 0x44332211
    CHK x3, 0x08776655
    mov x4, x1
    ldpsw x2, x3, [x4, #16]!
    CHK x2, 0xffffffff80000080
    CHK x3, 0
    add x5, x1, #16
    CHKR x4, x5
    ldpsw x2, x3, [x4], #-16
    CHK x2, 0xffffffff80000080
    CHKR x4, x1

    /* pre/post-index */
    mov x4, x1
    ldp x2, x3, [x4, #8]!
    CHK x2, 0x0877665544332211
    add x5, x1, #8
    CHKR x4, x5
    ldp w2, w3, [x4], #-8
    CHK x2, 0x44332211
    CHK x3, 0x08776655
    CHKR x4, x1
    ldp x2, x3, [x4], #504
    add x5, x1, #504
    CHKR x4, x5
    mov x4, x1
    ldp w2, w3, [x4], #-256
    sub x5, x1, #256
    CHKR x4, x5

    /* LDNP/STNP */
    ldnp w2, w3, [x1, #4]
    CHK x2, 0xf8e7d6c5
    CHK x3, 0x44332211
    ldnp x2, x3, [x1, #16]
    CHK x2, 0x0000000080000080
    CHK x3, 0xffffffffffffffff
    ldr x6, =0x1111222233334444
    ldr x7, =0x5555666677778888
    stnp x6, x7, [x9]
    ldr x2, [x9]
    CHKR x2, x6
    ldr x2, [x9, #8]
    CHKR x2, x7
    stnp w7, w6, [x9, #4]
    ldr x2, [x9]
    CHK x2, 0x7777888833334444
    ldr x2, [x9, #8]
    CHK x2, 0x5555666633334444

    /* STP W / X, all modes */
    stp xzr, xzr, [x9]
    stp xzr, xzr, [x9, #16]
    stp w6, w7, [x9, #8]
    ldr x2, [x9, #8]
    CHK x2, 0x7777888833334444
    ldr x2, [x9]
    CHK x2, 0
    mov x4, x9
    stp x7, x6, [x4, #16]!
    add x5, x9, #16
    CHKR x4, x5
    ldr x2, [x9, #16]
    CHKR x2, x7
    ldr x2, [x9, #24]
    CHKR x2, x6
    stp wzr, w6, [x4], #-16
    CHKR x4, x9
    ldr x2, [x9, #16]
    CHK x2, 0x3333444400000000
    stp x6, xzr, [x4], #8
    add x5, x9, #8
    CHKR x4, x5
    ldp x2, x3, [x9]
    CHKR x2, x6
    CHK x3, 0
    stp w7, w7, [x4, #-8]!
    CHKR x4, x9
    ldr x2, [x9]
    CHK x2, 0x7777888877778888

    /* SP as base: prologue and epilogue */
    mov x10, sp
    ldr x29, =0x2929292929292929
    ldr x30, =0x3030303030303030
    stp x29, x30, [sp, #-32]!
    stp x6, x7, [sp, #16]
    mov x29, #0
    mov x30, #0
    ldp x2, x3, [sp, #16]
    CHKR x2, x6
    CHKR x3, x7
    ldp x29, x30, [sp], #32
    CHK x29, 0x2929292929292929
    CHK x30, 0x3030303030303030
    mov x11, sp
    CHKR x11, x10

    /* base register also loaded, no writeback */
    mov x12, x1
    ldp x12, x13, [x12]
    CHK x12, 0xf8e7d6c5b4a39281
    CHK x13, 0x0877665544332211
    mov x13, x1
    ldp x12, x13, [x13, #8]
    CHK x12, 0x0877665544332211
    CHK x13, 0x0000000080000080
    mov x12, x1
    ldp w12, w13, [x12]
    CHK x12, 0xb4a39281

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
msg:
    .ascii "ok a64-ldst-pair\n"
msg_end:

    .data
    .balign 64
src:
    .byte 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8
    .byte 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x08
    .byte 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00
    .byte 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
    .balign 64
dst:
    .space 64
