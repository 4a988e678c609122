/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Logical instructions: immediate (bitmask immediates of every element
 * size, rotations, 32-bit forms, ORR into SP), ANDS/TST flags (C and V
 * cleared), shifted register (AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS with
 * LSL/LSR/ASR/ROR, 32-bit shifts ignoring bits 63:32), MOVZ/MOVN/MOVK and
 * ADR/ADRP (page arithmetic, against :lo12: relocations).
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-int-logic".
 */

/* LI loads a 64-bit constant with MOVZ/MOVK; CHK compares a register
 * with a constant, CHKF the NZCV flags with a 4-bit value (clobbering x16,
 * x17 and the flags); FAILNOW fails unconditionally. */
    .macro LI reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
    .endm
    .set ncheck, 0
    .macro FAIL_IF_NE
    .set ncheck, ncheck + 1
    b.eq 1f
    mov x0, #ncheck
    b fail
1:
    .endm
    .macro FAILNOW
    .set ncheck, ncheck + 1
    mov x0, #ncheck
    b fail
    .endm
    .macro CHK reg, val
    LI x16, \val
    cmp \reg, x16
    FAIL_IF_NE
    .endm
    .macro CHKF nzcv
    mrs x17, nzcv
    LI x16, (\nzcv) << 28
    cmp x17, x16
    FAIL_IF_NE
    .endm
    .macro SETF nzcv
    LI x17, (\nzcv) << 28
    msr nzcv, x17
    .endm

    .text
    .globl _start
_start:
    /* Logical (immediate): element sizes 2-64, rotations, 32-bit */
    LI x1, 0x0123456789abcdef
    and x2, x1, #0xff
    CHK x2, 0xef
    and x2, x1, #0xffff0000ffff0000
    CHK x2, 0x0123000089ab0000
    eor x2, x1, #0x8000000000000001
    CHK x2, 0x8123456789abcdee
    and w2, w1, #0xf0f0f0f0
    CHK x2, 0x80a0c0e0
    orr w2, w1, #0x1
    CHK x2, 0x89abcdef
    eor w2, w1, #0xffff
    CHK x2, 0x89ab3210
    and x2, x1, #0x3
    CHK x2, 3
    mov x2, #0x5555555555555555
    CHK x2, 0x5555555555555555
    orr x2, xzr, #0xaaaaaaaaaaaaaaaa
    CHK x2, 0xaaaaaaaaaaaaaaaa
    orr x2, xzr, #0x1111111111111111
    CHK x2, 0x1111111111111111
    orr x2, xzr, #0x0101010101010101
    CHK x2, 0x0101010101010101
    orr x2, xzr, #0x00ff00ff00ff00ff
    CHK x2, 0x00ff00ff00ff00ff
    orr x2, xzr, #0x0000000100000001
    CHK x2, 0x0000000100000001
    orr x2, xzr, #0xfffffffffffffffe
    CHK x2, 0xfffffffffffffffe
    orr x2, xzr, #0x7ffffffffffffffe
    CHK x2, 0x7ffffffffffffffe
    orr x2, xzr, #0x8000000000000000
    CHK x2, 0x8000000000000000
    orr x2, xzr, #0xc00000000000003f
    CHK x2, 0xc00000000000003f
    orr w2, wzr, #0xfffffffe
    CHK x2, 0xfffffffe
    orr w2, wzr, #0x80000001
    CHK x2, 0x80000001
    orr w2, wzr, #0x3c3c3c3c
    CHK x2, 0x3c3c3c3c
    /* ORR immediate writes SP */
    mov x19, sp
    orr sp, xzr, #0x10000
    mov x2, sp
    mov sp, x19
    CHK x2, 0x10000

    /* ANDS/TST (immediate): N and Z, C = V = 0 */
    ands x2, x1, #0x8000000000000000
    CHKF 0b0100
    LI x1, 0x8000000000000001
    ands x2, x1, #0x8000000000000000
    CHKF 0b1000
    tst w1, #0x1
    CHKF 0b0000
    tst w1, #0x80000000
    CHKF 0b0100
    SETF 0b1111
    ands x2, x1, #1
    CHKF 0b0000
    CHK x2, 1
    SETF 0b0011
    ands w2, w1, #0x80000001
    CHKF 0b0000

    /* Logical (shifted register) */
    LI x1, 0xf0f0f0f0f0f0f0f0
    LI x2, 0x0123456789abcdef
    and x3, x1, x2
    CHK x3, 0x0020406080a0c0e0
    bic x3, x1, x2
    CHK x3, 0xf0d0b09070503010
    orr x3, x1, x2, lsl #4
    CHK x3, 0xf2f4f6f8fafcfef0
    mvn x3, x2
    CHK x3, 0xfedcba9876543210
    eor x3, x1, x2, lsr #4
    CHK x3, 0xf0e2c4a6886a4c2e
    eon x3, x1, x2
    CHK x3, 0x0e2c4a6886a4c2e0
    orr x3, xzr, x2, ror #8
    CHK x3, 0xef0123456789abcd
    orr w3, wzr, w2, ror #8
    CHK x3, 0xef89abcd
    orr x3, xzr, x1, asr #60
    CHK x3, 0xffffffffffffffff
    orr w3, wzr, w1, asr #28
    CHK x3, 0xffffffff
    orn w3, wzr, w2, lsr #4
    CHK x3, 0xf7654321
    eor w3, w1, w2, lsl #31
    CHK x3, 0x70f0f0f0
    ands x3, x1, x2, lsl #4
    CHKF 0b0000
    CHK x3, 0x1030507090b0d0f0
    bics x3, x1, x1
    CHKF 0b0100
    bics w3, w1, w2
    CHKF 0b0000
    CHK x3, 0x70503010
    ands w3, w1, w1
    CHKF 0b1000
    CHK x3, 0xf0f0f0f0
    SETF 0b0011
    tst x1, x2, ror #4
    CHKF 0b1000
    /* 32-bit shifts must not see bits 63:32 */
    LI x4, 0xffffffff00000001
    orr w3, wzr, w4, ror #1
    CHK x3, 0x80000000
    LI x4, 0x0000000180000000
    orr w3, wzr, w4, asr #4
    CHK x3, 0xf8000000
    orr w3, wzr, w4, lsr #4
    CHK x3, 0x08000000
    mov w3, w4
    CHK x3, 0x80000000

    /* MOVZ/MOVN/MOVK */
    movz x3, #0x1234, lsl #48
    CHK x3, 0x1234000000000000
    movn x3, #0x1234, lsl #16
    CHK x3, 0xffffffffedcbffff
    movn w3, #0x1234, lsl #16
    CHK x3, 0xedcbffff
    movn w3, #0
    CHK x3, 0xffffffff
    movn x3, #0
    CHK x3, -1
    mov x3, #-1
    movk x3, #0x5678, lsl #32
    CHK x3, 0xffff5678ffffffff
    movk w3, #0xabcd
    CHK x3, 0xffffabcd
    movk x3, #0, lsl #48
    CHK x3, 0xffffabcd
    movz w3, #0xbeef, lsl #16
    CHK x3, 0xbeef0000
    movz x3, #0
    CHK x3, 0

    /* ADR/ADRP */
    adr x3, lbl_a
    adr x4, lbl_b
    sub x5, x4, x3
    CHK x5, 16
    adr x4, _start
    sub x5, x3, x4
    LI x6, (lbl_a - _start)
    cmp x5, x6
    FAIL_IF_NE
    adrp x4, lbl_a
    add x4, x4, #:lo12:lbl_a
    cmp x3, x4
    FAIL_IF_NE
    adrp x4, lbl_a
    and x5, x3, #~0xfff
    cmp x4, x5
    FAIL_IF_NE
    adrp x4, far_data
    add x4, x4, #:lo12:far_data
    adr x5, lbl_a
    sub x5, x4, x5
    LI x6, (far_data - lbl_a)
    cmp x5, x6
    FAIL_IF_NE
    adr x5, back
back:
    adr x6, back
    cmp x5, x6
    FAIL_IF_NE
    b pass
lbl_a:
    .word 0, 0, 0, 0
lbl_b:
    .word 0

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
    .ascii "ok a64-int-logic\n"
okmsg_end:

    .balign 4096
    .space 8192
far_data:
    .quad 0
