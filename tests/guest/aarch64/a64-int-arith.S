/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Integer add/subtract: immediate (incl. LSL #12), shifted register
 * (LSL/LSR/ASR, 32-bit shifts ignoring bits 63:32), extended register
 * (UXTB..SXTX with shifts, SP operands), with carry (ADC/SBC/NGC and the
 * flag-setting forms), and the NZCV results of ADDS/SUBS/CMP/CMN at the
 * carry and overflow edges in both widths.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-int-arith".
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
    mov x19, sp

    /* ADD/SUB (immediate), shifted imm12, 32-bit wrap */
    LI x1, 0x123456789
    add x2, x1, #0xfff
    CHK x2, 0x123457788
    add x2, x1, #0x123, lsl #12
    CHK x2, 0x123579789
    sub x2, x1, #1, lsl #12
    CHK x2, 0x123455789
    LI x1, -1
    add w2, w1, #1
    CHK x2, 0
    add x2, x1, #2
    CHK x2, 1
    sub w2, w1, #0xfff
    CHK x2, 0xfffff000

    /* SP as source and destination of ADD/SUB (immediate) */
    sub sp, sp, #64
    mov x3, sp
    sub x4, x19, x3
    CHK x4, 64
    add x4, sp, #16
    sub x4, x4, x3
    CHK x4, 16
    add sp, sp, #64
    mov x3, sp
    cmp x3, x19
    FAIL_IF_NE

    /* ADDS/SUBS/CMP/CMN (immediate) flags, 64 and 32 bits */
    LI x1, 0x7fffffffffffffff
    adds x2, x1, #1
    CHKF 0b1001
    CHK x2, 0x8000000000000000
    LI x1, -1
    adds x2, x1, #1
    CHKF 0b0110
    CHK x2, 0
    adds w2, w1, #1
    CHKF 0b0110
    CHK x2, 0
    LI x1, 0x7fffffff
    adds w2, w1, #1
    CHKF 0b1001
    CHK x2, 0x80000000
    adds x2, x1, #1
    CHKF 0b0000
    subs x2, x1, #0x7ff, lsl #12
    CHKF 0b0010
    CHK x2, 0x7f800fff
    LI x1, 0
    subs x2, x1, #1
    CHKF 0b1000
    CHK x2, -1
    LI x1, 0x8000000000000000
    subs x2, x1, #1
    CHKF 0b0011
    CHK x2, 0x7fffffffffffffff
    cmp w1, #1
    CHKF 0b1000
    LI x1, 0x80000000
    cmp w1, #1
    CHKF 0b0011
    cmn x1, #0
    CHKF 0b0000
    cmn w1, #0
    CHKF 0b1000

    /* Shifted register */
    LI x1, 0x1000
    LI x2, 0x8000000000000003
    add x3, x1, x2, lsl #4
    CHK x3, 0x1030
    add x3, x1, x2, lsr #60
    CHK x3, 0x1008
    add x3, x1, x2, asr #60
    CHK x3, 0xff8
    add w3, w1, w2, asr #1
    CHK x3, 0x1001
    LI x2, 0x80000000
    add w3, w1, w2, asr #31
    CHK x3, 0xfff
    add w3, w1, w2, lsr #31
    CHK x3, 0x1001
    sub x3, x1, x2, lsl #1
    CHK x3, 0xffffffff00001000
    neg x3, x1
    CHK x3, 0xfffffffffffff000
    neg w3, w1
    CHK x3, 0xfffff000
    negs x3, xzr
    CHKF 0b0110
    subs x3, x1, x2, lsr #20
    CHKF 0b0010
    CHK x3, 0x800
    cmp x1, x1, lsl #1
    CHKF 0b1000
    cmn w2, w2
    CHKF 0b0111
    /* 32-bit shifts must not see bits 63:32 */
    LI x4, 0xdeadbeef00000010
    add w3, w1, w4, lsr #4
    CHK x3, 0x1001
    add w3, w1, w4, asr #4
    CHK x3, 0x1001
    LI x4, 0x00000001ffffffff
    adds w3, w4, w4, lsl #0
    CHKF 0b1010
    CHK x3, 0xfffffffe

    /* Extended register */
    LI x1, 0x1000
    LI x2, 0xfedcba9876543280
    add x3, x1, w2, uxtb
    CHK x3, 0x1080
    add x3, x1, w2, sxtb
    CHK x3, 0xf80
    add x3, x1, w2, uxth #2
    CHK x3, 0xda00
    add x3, x1, w2, sxth
    CHK x3, 0x4280
    add x3, x1, w2, uxtw
    CHK x3, 0x76544280
    add x3, x1, w2, sxtw #1
    CHK x3, 0xeca87500
    add x3, x1, x2, sxtx #3
    CHK x3, 0xf6e5d4c3b2a1a400
    add x3, x1, x2, uxtx #4
    CHK x3, 0xedcba98765433800
    sub x3, x1, w2, uxtb #1
    CHK x3, 0xf00
    LI x2, 0x80000000
    add x3, x1, w2, sxtw
    CHK x3, 0xffffffff80001000
    add w3, w1, w2, sxth
    CHK x3, 0x1000
    add x3, sp, w1, uxtw
    sub x3, x3, x19
    CHK x3, 0x1000
    add sp, sp, x1
    sub sp, sp, x1
    mov x3, sp
    cmp x3, x19
    FAIL_IF_NE
    subs x3, x1, w2, uxtb
    CHKF 0b0010
    CHK x3, 0x1000
    cmp x1, w2, sxtw
    CHKF 0b0000
    cmn w1, w2, uxth
    CHKF 0b0000

    /* ADC/SBC/NGC keep the flags */
    LI x1, 5
    LI x2, 7
    SETF 0b0010
    adc x3, x1, x2
    CHK x3, 13
    SETF 0b0000
    adc x3, x1, x2
    CHK x3, 12
    SETF 0b0010
    sbc x3, x1, x2
    CHK x3, -2
    SETF 0b0000
    sbc x3, x1, x2
    CHK x3, -3
    SETF 0b0000
    sbc w3, w1, w2
    CHK x3, 0xfffffffd
    SETF 0b1111
    ngc x3, x1
    CHKF 0b1111
    CHK x3, -5

    /* ADCS/SBCS: carry in and out, overflow */
    LI x1, -1
    LI x2, 1
    adds x3, x1, x2
    adcs x4, xzr, xzr
    CHKF 0b0000
    CHK x4, 1
    SETF 0b0010
    adcs x3, x1, xzr
    CHKF 0b0110
    CHK x3, 0
    SETF 0b0010
    adcs x3, x1, x1
    CHKF 0b1010
    CHK x3, -1
    LI x1, 0x7fffffffffffffff
    SETF 0b0010
    adcs x3, x1, xzr
    CHKF 0b1001
    CHK x3, 0x8000000000000000
    LI x1, 0xffffffff
    SETF 0b0010
    adcs w3, w1, wzr
    CHKF 0b0110
    CHK x3, 0
    LI x1, 0x7fffffff
    SETF 0b0010
    adcs w3, w1, wzr
    CHKF 0b1001
    CHK x3, 0x80000000
    LI x1, 0x7ffffffffffffffe
    SETF 0b0010
    adcs x3, x1, xzr
    CHKF 0b0000
    LI x1, 5
    LI x2, 5
    SETF 0b0010
    sbcs x3, x1, x2
    CHKF 0b0110
    CHK x3, 0
    SETF 0b0000
    sbcs x3, x1, x2
    CHKF 0b1000
    CHK x3, -1
    LI x1, 0x8000000000000000
    SETF 0b0000
    sbcs x3, x1, xzr
    CHKF 0b0011
    CHK x3, 0x7fffffffffffffff
    SETF 0b0010
    sbcs w3, wzr, wzr
    CHKF 0b0110
    CHK x3, 0
    SETF 0b0000
    sbcs w3, wzr, wzr
    CHKF 0b1000
    CHK x3, 0xffffffff
    SETF 0b0000
    ngcs x3, xzr
    CHKF 0b1000
    CHK x3, -1

    /* 32-bit ADDS/SUBS with garbage in bits 63:32 of the sources */
    LI x1, 0xffffffff00000001
    LI x2, 0x00000001ffffffff
    adds w3, w1, w2
    CHKF 0b0110
    CHK x3, 0
    subs w3, w1, w2
    CHKF 0b0000
    CHK x3, 2
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
    .ascii "ok a64-int-arith\n"
okmsg_end:
