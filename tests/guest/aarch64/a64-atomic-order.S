/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Ordered loads and stores, single-threaded values: LDAR/STLR and
 * LDLAR/STLLR of B/H/W/X, LDAPR/LDAPRB/LDAPRH (FEAT_LRCPC), and the
 * FEAT_LRCPC2 unscaled forms LDAPUR{B,H,}/LDAPURS{B,H,W} to W and X and
 * STLUR{B,H,} at the imm9 limits: sizes, zero and sign extension, and that
 * stores write only their size.  SP as base too.
 * Self-checking: the first wrong value exits with the check's number.
 */
    .arch armv8.4-a
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
    .macro MEM off, val
    ldr x15, [x1, #\off]
    CHK x15, \val
    .endm

    .text
    .globl _start
_start:
    adr x1, buf
    ldr x20, =0x8899aabbccddeeff
    ldr x21, =0x0123456789abcdef
    str x20, [x1]
    str x21, [x1, #8]
    add x9, x1, #8

    /* LDAR / LDLAR */
    ldar x2, [x1]
    CHK x2, 0x8899aabbccddeeff
    ldar w2, [x1]
    CHK x2, 0xccddeeff
    ldarh w2, [x1]
    CHK x2, 0xeeff
    ldarb w2, [x1]
    CHK x2, 0xff
    ldlar x2, [x9]
    CHK x2, 0x0123456789abcdef
    ldlar w2, [x9]
    CHK x2, 0x89abcdef
    ldlarh w2, [x9]
    CHK x2, 0xcdef
    ldlarb w2, [x9]
    CHK x2, 0xef

    /* LDAPR */
    ldapr x2, [x1]
    CHK x2, 0x8899aabbccddeeff
    ldapr w2, [x9]
    CHK x2, 0x89abcdef
    ldaprh w2, [x1]
    CHK x2, 0xeeff
    ldaprb w2, [x9]
    CHK x2, 0xef

    /* STLR / STLLR write only their size */
    add x10, x1, #16
    str x20, [x10]
    stlrb w21, [x10]
    MEM 16, 0x8899aabbccddeeef
    stlrh w21, [x10]
    MEM 16, 0x8899aabbccddcdef
    stlr w21, [x10]
    MEM 16, 0x8899aabb89abcdef
    stlr x21, [x10]
    MEM 16, 0x0123456789abcdef
    stllr xzr, [x10]
    MEM 16, 0
    stllrb w20, [x10]
    MEM 16, 0xff
    stllrh w20, [x10]
    MEM 16, 0xeeff
    stllr w20, [x10]
    MEM 16, 0xccddeeff

    /* LDAPUR family, zero and sign extension */
    add x11, x1, #16
    str x20, [x11]
    ldapur x2, [x11, #-8]
    CHK x2, 0x0123456789abcdef
    ldapur w2, [x11]
    CHK x2, 0xccddeeff
    ldapurh w2, [x11, #6]
    CHK x2, 0x8899
    ldapurb w2, [x11, #7]
    CHK x2, 0x88
    ldapursb w2, [x11, #7]
    CHK x2, 0xffffff88
    ldapursb x2, [x11, #7]
    CHK x2, 0xffffffffffffff88
    ldapursb x2, [x11, #-1]
    CHK x2, 0x01
    ldapursh w2, [x11, #6]
    CHK x2, 0xffff8899
    ldapursh x2, [x11, #6]
    CHK x2, 0xffffffffffff8899
    ldapursh x2, [x11, #-2]
    CHK x2, 0x0123
    ldapursw x2, [x11, #4]
    CHK x2, 0xffffffff8899aabb
    ldapursw x2, [x11, #-4]
    CHK x2, 0x01234567
    add x12, x1, #256
    ldapur x2, [x12, #-256]
    CHK x2, 0x8899aabbccddeeff
    sub x12, x1, #255
    ldapurb w2, [x12, #255]
    CHK x2, 0xff

    /* STLUR family */
    add x11, x1, #32
    str xzr, [x11]
    stlurb w21, [x11, #1]
    MEM 32, 0xef00
    stlurh w21, [x11, #2]
    MEM 32, 0xcdefef00
    stlur w20, [x11, #4]
    MEM 32, 0xccddeeffcdefef00
    stlur x21, [x11, #-8]
    MEM 24, 0x0123456789abcdef
    add x12, x1, #256
    stlur xzr, [x12, #-256 + 32]
    MEM 32, 0

    /* SP as base */
    mov x10, sp
    sub sp, sp, #16
    stlr x21, [sp]
    ldar x2, [sp]
    CHK x2, 0x0123456789abcdef
    ldapur w2, [sp, #4]
    CHK x2, 0x01234567
    add sp, sp, #16

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
    .ascii "ok a64-atomic-order\n"
msg_end:

    .data
    .balign 64
buf:
    .space 64
