/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bitfield moves and their aliases: LSL/LSR/ASR (immediate), SXTB/SXTH/
 * SXTW/UXTB/UXTH, SBFX/UBFX, SBFIZ/UBFIZ, BFI/BFXIL/BFC at the field
 * edges (bit 0, bit 63, full width) in both widths, and EXTR/ROR
 * (immediate) including lsb 0 and 63.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-int-bitfield".
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

    .arch armv8.2-a
    .text
    .globl _start
_start:
    LI x1, 0x0123456789abcdef
    LI x2, 0xfedcba9876543210

    /* UBFM/SBFM shift aliases */
    lsl x3, x1, #4
    CHK x3, 0x123456789abcdef0
    lsl w3, w1, #4
    CHK x3, 0x9abcdef0
    lsl x3, x1, #63
    CHK x3, 0x8000000000000000
    lsr x3, x1, #8
    CHK x3, 0x000123456789abcd
    lsr w3, w1, #8
    CHK x3, 0x0089abcd
    lsr x3, x2, #63
    CHK x3, 1
    asr x3, x1, #8
    CHK x3, 0x000123456789abcd
    asr x3, x2, #63
    CHK x3, -1
    asr x3, x2, #4
    CHK x3, 0xffedcba987654321
    asr w3, w1, #8
    CHK x3, 0xff89abcd
    asr w3, w1, #31
    CHK x3, 0xffffffff

    /* Extensions */
    sxtb x3, w1
    CHK x3, 0xffffffffffffffef
    sxtb w3, w1
    CHK x3, 0xffffffef
    sxth x3, w1
    CHK x3, 0xffffffffffffcdef
    sxth w3, w2
    CHK x3, 0x3210
    sxtw x3, w1
    CHK x3, 0xffffffff89abcdef
    sxtw x3, w2
    CHK x3, 0x76543210
    uxtb w3, w1
    CHK x3, 0xef
    uxth w3, w1
    CHK x3, 0xcdef

    /* Bitfield extract and insert-in-zero */
    sbfx x3, x1, #4, #8
    CHK x3, 0xffffffffffffffde
    ubfx x3, x1, #4, #8
    CHK x3, 0xde
    ubfx x3, x1, #60, #4
    CHK x3, 0
    sbfx x3, x1, #36, #28
    CHK x3, 0x0123456
    sbfx x3, x2, #0, #64
    CHK x3, 0xfedcba9876543210
    ubfx x3, x2, #1, #63
    CHK x3, 0x7f6e5d4c3b2a1908
    ubfx w3, w1, #28, #4
    CHK x3, 0x8
    sbfx w3, w1, #28, #4
    CHK x3, 0xfffffff8
    sbfx w3, w1, #0, #32
    CHK x3, 0x89abcdef
    sbfiz x3, x1, #8, #8
    CHK x3, 0xffffffffffffef00
    ubfiz x3, x1, #8, #8
    CHK x3, 0xef00
    sbfiz x3, x1, #60, #4
    CHK x3, 0xf000000000000000
    ubfiz w3, w1, #24, #8
    CHK x3, 0xef000000
    sbfiz w3, w1, #4, #4
    CHK x3, 0xfffffff0
    sbfiz x3, x2, #1, #4
    CHK x3, 0

    /* BFM: BFI, BFXIL, BFC keep the other bits */
    mov x3, #-1
    bfi x3, x1, #8, #16
    CHK x3, 0xffffffffffcdefff
    mov x3, #0
    bfxil x3, x1, #16, #16
    CHK x3, 0x89ab
    mov x3, #-1
    bfxil x3, x1, #16, #16
    CHK x3, 0xffffffffffff89ab
    mov x3, #-1
    bfc x3, #8, #8
    CHK x3, 0xffffffffffff00ff
    bfxil w3, w1, #4, #4
    CHK x3, 0xffff00fe
    mov x3, #-1
    bfi w3, w2, #28, #4
    CHK x3, 0x0fffffff
    mov x3, #0
    bfxil x3, x1, #0, #64
    CHK x3, 0x0123456789abcdef
    mov x3, #0
    bfi x3, x2, #63, #1
    CHK x3, 0
    mov x3, #0
    bfi x3, x1, #63, #1
    CHK x3, 0x8000000000000000
    mov x3, #0x55
    bfxil x3, x2, #63, #1
    CHK x3, 0x55

    /* 32-bit bitfields must not see bits 63:32 */
    LI x4, 0xffffffff00000080
    sxtb x3, w4
    CHK x3, 0xffffffffffffff80
    lsr w3, w4, #4
    CHK x3, 0x8
    asr w3, w4, #4
    CHK x3, 0x8
    ubfx w3, w4, #0, #32
    CHK x3, 0x80

    /* EXTR and ROR (immediate) */
    extr x3, x1, x2, #8
    CHK x3, 0xeffedcba98765432
    extr x3, x1, x2, #0
    CHK x3, 0xfedcba9876543210
    extr x3, x1, x2, #63
    CHK x3, 0x02468acf13579bdf
    ror x3, x1, #4
    CHK x3, 0xf0123456789abcde
    ror x3, x1, #0
    CHK x3, 0x0123456789abcdef
    extr w3, w1, w2, #8
    CHK x3, 0xef765432
    extr w3, w1, w2, #31
    CHK x3, 0x13579bde
    extr w3, w1, w2, #0
    CHK x3, 0x76543210
    ror w3, w1, #16
    CHK x3, 0xcdef89ab
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
    .ascii "ok a64-int-bitfield\n"
okmsg_end:
