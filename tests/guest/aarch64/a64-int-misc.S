/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One-source and conditional instructions: CLZ/CLS/RBIT/REV/REV16/REV32
 * in both widths, CRC32* and CRC32C* (the standard check values, built up
 * from every data size), CSEL/CSINC/CSINV/CSNEG and their aliases, every
 * condition code under every NZCV value, and CCMP/CCMN (register and
 * immediate) on both the compare and the #nzcv path.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-int-misc".
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

    .arch armv8-a+crc
    .text
    .globl _start
_start:
    /* CLZ/CLS/RBIT/REV */
    LI x1, 0x0
    clz x3, x1
    CHK x3, 0x40
    cls x3, x1
    CHK x3, 0x3f
    clz w3, w1
    CHK x3, 0x20
    cls w3, w1
    CHK x3, 0x1f
    LI x1, 0xffffffffffffffff
    clz x3, x1
    CHK x3, 0x0
    cls x3, x1
    CHK x3, 0x3f
    clz w3, w1
    CHK x3, 0x0
    cls w3, w1
    CHK x3, 0x1f
    LI x1, 0xffff00000000
    clz x3, x1
    CHK x3, 0x10
    cls x3, x1
    CHK x3, 0xf
    clz w3, w1
    CHK x3, 0x20
    cls w3, w1
    CHK x3, 0x1f
    LI x1, 0xffffffff
    clz x3, x1
    CHK x3, 0x20
    cls x3, x1
    CHK x3, 0x1f
    clz w3, w1
    CHK x3, 0x0
    cls w3, w1
    CHK x3, 0x1f
    LI x1, 0xe000000000000000
    clz x3, x1
    CHK x3, 0x0
    cls x3, x1
    CHK x3, 0x2
    clz w3, w1
    CHK x3, 0x20
    cls w3, w1
    CHK x3, 0x1f
    LI x1, 0x70000000
    clz x3, x1
    CHK x3, 0x21
    cls x3, x1
    CHK x3, 0x20
    clz w3, w1
    CHK x3, 0x1
    cls w3, w1
    CHK x3, 0x0
    LI x1, 0x123456789abcdef
    clz x3, x1
    CHK x3, 0x7
    cls x3, x1
    CHK x3, 0x6
    clz w3, w1
    CHK x3, 0x0
    cls w3, w1
    CHK x3, 0x0
    rbit x3, x1
    CHK x3, 0xf7b3d591e6a2c480
    rev x3, x1
    CHK x3, 0xefcdab8967452301
    rev16 x3, x1
    CHK x3, 0x23016745ab89efcd
    rbit w3, w1
    CHK x3, 0xf7b3d591
    rev w3, w1
    CHK x3, 0xefcdab89
    rev16 w3, w1
    CHK x3, 0xab89efcd
    rev32 x3, x1
    CHK x3, 0x67452301efcdab89
    LI x1, 0xffffffff00000001
    clz x3, x1
    CHK x3, 0x0
    cls x3, x1
    CHK x3, 0x1f
    clz w3, w1
    CHK x3, 0x1f
    cls w3, w1
    CHK x3, 0x1e
    rbit x3, x1
    CHK x3, 0x80000000ffffffff
    rev x3, x1
    CHK x3, 0x1000000ffffffff
    rev16 x3, x1
    CHK x3, 0xffffffff00000100
    rbit w3, w1
    CHK x3, 0x80000000
    rev w3, w1
    CHK x3, 0x1000000
    rev16 w3, w1
    CHK x3, 0x100
    rev32 x3, x1
    CHK x3, 0xffffffff01000000
    LI x1, 0x1
    clz x3, x1
    CHK x3, 0x3f
    cls x3, x1
    CHK x3, 0x3e
    clz w3, w1
    CHK x3, 0x1f
    cls w3, w1
    CHK x3, 0x1e
    /* CRC32 and CRC32C of "123456789" (check values 0xcbf43926, 0xe3069283) */
    LI x1, 0x3837363534333231
    LI x2, 0xdeadbeef00000039
    mov w3, #-1
    crc32x w3, w3, x1
    crc32b w3, w3, w2
    mvn w3, w3
    CHK x3, 0xcbf43926
    mov w3, #-1
    crc32w w3, w3, w1
    lsr x4, x1, #32
    crc32h w3, w3, w4
    lsr x4, x1, #48
    crc32b w3, w3, w4
    lsr x4, x1, #56
    crc32b w3, w3, w4
    crc32b w3, w3, w2
    mvn w3, w3
    CHK x3, 0xcbf43926
    mov w3, #-1
    crc32cx w3, w3, x1
    crc32cb w3, w3, w2
    mvn w3, w3
    CHK x3, 0xe3069283
    mov w3, #-1
    crc32cw w3, w3, w1
    lsr x4, x1, #32
    crc32ch w3, w3, w4
    lsr x4, x1, #48
    crc32cb w3, w3, w4
    lsr x4, x1, #56
    crc32cb w3, w3, w4
    crc32cb w3, w3, w2
    mvn w3, w3
    CHK x3, 0xe3069283
    /* the accumulator is 32 bits: garbage above it is ignored */
    LI x3, 0x12345678ffffffff
    crc32b w3, w3, w2
    LI x5, 0xffffffff
    crc32b w5, w5, w2
    cmp x3, x5
    FAIL_IF_NE
    /* CSEL/CSINC/CSINV/CSNEG and aliases */
    LI x1, 10
    LI x2, 20
    cmp x1, x2
    csel x3, x1, x2, lt
    CHK x3, 0xa
    cmp x1, x2
    csel x3, x1, x2, ge
    CHK x3, 0x14
    cmp x1, x2
    csinc x3, x1, x2, eq
    CHK x3, 0x15
    cmp x1, x2
    csinc x3, x1, x2, ne
    CHK x3, 0xa
    cmp x1, x2
    csinv x3, x1, x2, eq
    CHK x3, 0xffffffffffffffeb
    cmp x1, x2
    csneg x3, x1, x2, eq
    CHK x3, 0xffffffffffffffec
    cmp x1, x2
    csneg w3, w1, w2, eq
    CHK x3, 0xffffffec
    cmp x1, x2
    csinv w3, w1, w2, eq
    CHK x3, 0xffffffeb
    cmp x1, x2
    csinc w3, w2, w1, vs
    CHK x3, 0xb
    cmp x1, x2
    cset x3, lo
    CHK x3, 0x1
    cmp x1, x2
    csetm x3, hi
    CHK x3, 0x0
    cmp x1, x2
    csetm w3, lo
    CHK x3, 0xffffffff
    cmp x1, x2
    cinc x3, x1, mi
    CHK x3, 0xb
    cmp x1, x2
    cneg x3, x1, pl
    CHK x3, 0xa
    cmp x1, x2
    cneg x3, x1, mi
    CHK x3, 0xfffffffffffffff6
    cmp x1, x2
    cinv w3, w1, mi
    CHK x3, 0xfffffff5
    cmp x1, x2
    csel x3, x1, x2, al
    CHK x3, 0xa
    cmp x1, x2
    csel x3, x1, x2, nv
    CHK x3, 0xa
    LI x4, 0xffffffff00000000
    csinc w3, w4, w4, ne
    CHK x3, 0x1
    /* every condition under every NZCV: one bit per condition */
    mov x7, #1
    SETF 0
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x556b
    SETF 1
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x5657
    SETF 2
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x65ab
    SETF 3
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x6697
    SETF 4
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9567
    SETF 5
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9657
    SETF 6
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0xa567
    SETF 7
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0xa657
    SETF 8
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x5957
    SETF 9
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x5a6b
    SETF 10
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x6997
    SETF 11
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x6aab
    SETF 12
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9957
    SETF 13
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0x9a67
    SETF 14
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0xa957
    SETF 15
    mov x5, #0
    csel x6, x7, xzr, eq
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ne
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, cc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, mi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, pl
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vs
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, vc
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, hi
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ls
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, ge
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, lt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, gt
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, le
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, al
    orr x5, x6, x5, lsl #1
    csel x6, x7, xzr, nv
    orr x5, x6, x5, lsl #1
    CHK x5, 0xaa67
    /* CCMP/CCMN: the comparison when the condition holds, #nzcv otherwise */
    LI x1, 5
    LI x2, -5
    LI x8, 0xfffffffa
    cmp x1, #5
    ccmp x1, #3, #0b1000, eq
    CHKF 2
    cmp x1, #4
    ccmp x1, #3, #0b1001, eq
    CHKF 9
    cmp x1, #5
    ccmn x1, #3, #0b0101, ne
    CHKF 5
    cmp x1, #5
    ccmn x1, x2, #0b1111, eq
    CHKF 6
    cmp x1, #5
    ccmp w1, w8, #0, eq
    CHKF 0
    cmp x1, #5
    ccmp x1, #31, #0b0100, al
    CHKF 8
    cmp x1, #5
    ccmp x1, x1, #0b0000, nv
    CHKF 6
    cmp x1, #6
    ccmp x1, #6, #0b0010, lt
    CHKF 8
    cmp x1, #6
    ccmp x1, #6, #0b0010, gt
    CHKF 2
    cmp x1, #5
    ccmn w2, w1, #0, eq
    CHKF 6
    cmp x1, #5
    ccmp w8, #0x1f, #0, hs
    CHKF 10
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
    .ascii "ok a64-int-misc\n"
okmsg_end:
