/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Exclusives, single-threaded: LDXR/STXR and LDAXR/STLXR of B/H/W/X and
 * the pairs LDXP/STXP/LDAXP/STLXP of W and X: success (status 0, memory
 * written, only the access size), failure with no prior load, after a
 * successful store, after CLREX and at another address (status 1, memory
 * untouched), success across a store to another address, zero-extension of
 * the loaded values, and the usual retry loop.
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
    .macro MEM off, val
    ldr x15, [x1, #\off]
    CHK x15, \val
    .endm

    .text
    .globl _start
_start:
    adr x1, buf
    ldr x20, =0x8877665544332211
    ldr x21, =0xf0e0d0c0b0a09080

    /* X: success */
    str x20, [x1]
    ldxr x2, [x1]
    CHK x2, 0x8877665544332211
    stxr w5, x21, [x1]
    CHK x5, 0
    MEM 0, 0xf0e0d0c0b0a09080
    /* the monitor is clear after a store-exclusive: fails, no write */
    mov x5, #7
    stxr w5, x20, [x1]
    CHK x5, 1
    MEM 0, 0xf0e0d0c0b0a09080
    /* CLREX */
    ldxr x2, [x1]
    clrex
    stxr w5, x20, [x1]
    CHK x5, 1
    MEM 0, 0xf0e0d0c0b0a09080
    /* another address */
    ldxr x2, [x1]
    add x10, x1, #8
    stxr w5, x20, [x10]
    CHK x5, 1
    MEM 8, 0
    stxr w5, x20, [x1]
    CHK x5, 1
    /* a store elsewhere does not break the reservation */
    ldaxr x2, [x1]
    str x20, [x1, #64]
    stlxr w5, x20, [x1]
    CHK x5, 0
    MEM 0, 0x8877665544332211

    /* W */
    str x20, [x1]
    add x10, x1, #4
    ldxr w2, [x10]
    CHK x2, 0x88776655
    add x10, x1, #4
    stxr w5, w21, [x10]
    CHK x5, 0
    MEM 0, 0xb0a0908044332211
    ldaxr w2, [x1]
    CHK x2, 0x44332211
    stlxr w6, w21, [x1]
    CHK x6, 0
    MEM 0, 0xb0a09080b0a09080

    /* H */
    str x20, [x1]
    add x10, x1, #2
    ldxrh w2, [x10]
    CHK x2, 0x4433
    add x10, x1, #2
    stxrh w5, w21, [x10]
    CHK x5, 0
    MEM 0, 0x8877665590802211
    add x10, x1, #6
    ldaxrh w2, [x10]
    CHK x2, 0x8877
    add x10, x1, #4
    stlxrh w5, w21, [x10]
    CHK x5, 1
    MEM 0, 0x8877665590802211

    /* B */
    str x20, [x1]
    add x10, x1, #7
    ldxrb w2, [x10]
    CHK x2, 0x88
    add x10, x1, #7
    stxrb w5, w21, [x10]
    CHK x5, 0
    MEM 0, 0x8077665544332211
    ldaxrb w2, [x1]
    CHK x2, 0x11
    stlxrb w5, wzr, [x1]
    CHK x5, 0
    MEM 0, 0x8077665544332200
    clrex
    stxrb w5, w21, [x1]
    CHK x5, 1

    /* pairs of W: one 64-bit exclusive access */
    str x20, [x1]
    ldxp w2, w3, [x1]
    CHK x2, 0x44332211
    CHK x3, 0x88776655
    stxp w5, w21, w20, [x1]
    CHK x5, 0
    MEM 0, 0x44332211b0a09080
    ldaxp w2, w3, [x1]
    CHK x2, 0xb0a09080
    CHK x3, 0x44332211
    clrex
    stlxp w5, w20, w20, [x1]
    CHK x5, 1
    MEM 0, 0x44332211b0a09080

    /* pairs of X: 128 bits */
    stp x20, x21, [x1]
    ldxp x2, x3, [x1]
    CHK x2, 0x8877665544332211
    CHK x3, 0xf0e0d0c0b0a09080
    stxp w5, x21, x20, [x1]
    CHK x5, 0
    MEM 0, 0xf0e0d0c0b0a09080
    MEM 8, 0x8877665544332211
    ldaxp x2, x3, [x1]
    CHK x2, 0xf0e0d0c0b0a09080
    stlxp w5, xzr, x2, [x1]
    CHK x5, 0
    MEM 0, 0
    MEM 8, 0xf0e0d0c0b0a09080
    stxp w5, x20, x20, [x1]
    CHK x5, 1
    MEM 0, 0
    ldxp x2, x3, [x1]
    add x10, x1, #16
    stxp w5, x20, x20, [x10]
    CHK x5, 1
    MEM 16, 0

    /* the retry loop of an atomic increment */
    str xzr, [x1, #32]
    add x7, x1, #32
    mov x8, #100
2:  ldaxr x2, [x7]
    add x2, x2, #3
    stlxr w5, x2, [x7]
    cbnz w5, 2b
    subs x8, x8, #1
    b.ne 2b
    MEM 32, 300

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
    .ascii "ok a64-atomic-excl\n"
msg_end:

    .data
    .balign 64
buf:
    .space 128
