/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PSTATE and hint-space instructions: CFINV, XAFLAG/AXFLAG under every
 * NZCV value, RMIF, SETF8/SETF16 (FEAT_FlagM/FlagM2); MSR/MRS DIT and
 * SSBS; hints (YIELD, WFE after SEVL, CSDB, ESB, BTI, paired PAC hints)
 * executing as NOPs; DMB/DSB/ISB/SB/SSBB; CLREX making a store-exclusive
 * fail; DC CVAU/CVAC/CIVAC and IC IVAU leaving data alone.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-sys-flagm".
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

    .arch armv8.5-a+flagm+ssbs
    .text
    .globl _start
_start:
    /* CFINV */
    SETF 0
    cfinv
    CHKF 2
    SETF 2
    cfinv
    CHKF 0
    SETF 15
    cfinv
    CHKF 13
    SETF 13
    cfinv
    CHKF 15
    /* XAFLAG and AXFLAG under every NZCV */
    SETF 0
    xaflag
    CHKF 8
    SETF 0
    axflag
    CHKF 0
    SETF 1
    xaflag
    CHKF 8
    SETF 1
    axflag
    CHKF 4
    SETF 2
    xaflag
    CHKF 2
    SETF 2
    axflag
    CHKF 2
    SETF 3
    xaflag
    CHKF 2
    SETF 3
    axflag
    CHKF 4
    SETF 4
    xaflag
    CHKF 3
    SETF 4
    axflag
    CHKF 4
    SETF 5
    xaflag
    CHKF 3
    SETF 5
    axflag
    CHKF 4
    SETF 6
    xaflag
    CHKF 6
    SETF 6
    axflag
    CHKF 6
    SETF 7
    xaflag
    CHKF 6
    SETF 7
    axflag
    CHKF 4
    SETF 8
    xaflag
    CHKF 8
    SETF 8
    axflag
    CHKF 0
    SETF 9
    xaflag
    CHKF 8
    SETF 9
    axflag
    CHKF 4
    SETF 10
    xaflag
    CHKF 2
    SETF 10
    axflag
    CHKF 2
    SETF 11
    xaflag
    CHKF 2
    SETF 11
    axflag
    CHKF 4
    SETF 12
    xaflag
    CHKF 3
    SETF 12
    axflag
    CHKF 4
    SETF 13
    xaflag
    CHKF 3
    SETF 13
    axflag
    CHKF 4
    SETF 14
    xaflag
    CHKF 6
    SETF 14
    axflag
    CHKF 6
    SETF 15
    xaflag
    CHKF 6
    SETF 15
    axflag
    CHKF 4
    /* RMIF: rotate, then copy bits 3:0 into the flags selected by the mask */
    LI x1, 0x5
    SETF 0
    rmif x1, #0, #15
    CHKF 5
    LI x1, 0xa
    SETF 15
    rmif x1, #0, #15
    CHKF 10
    LI x1, 0x8000000000000030
    SETF 0
    rmif x1, #4, #15
    CHKF 3
    LI x1, 0xc000000000000000
    SETF 12
    rmif x1, #62, #3
    CHKF 15
    LI x1, 0x1
    SETF 0
    rmif x1, #1, #8
    CHKF 0
    LI x1, 0xf
    SETF 4
    rmif x1, #0, #4
    CHKF 4
    LI x1, 0x123456789abcdef0
    SETF 10
    rmif x1, #63, #5
    CHKF 10
    /* SETF8/SETF16: N, Z, V from the low byte/halfword, C kept */
    LI x1, 0x0
    SETF 0
    setf8 w1
    CHKF 4
    SETF 0
    setf16 w1
    CHKF 4
    LI x1, 0x0
    SETF 15
    setf8 w1
    CHKF 6
    SETF 15
    setf16 w1
    CHKF 6
    LI x1, 0x80
    SETF 0
    setf8 w1
    CHKF 9
    SETF 0
    setf16 w1
    CHKF 0
    LI x1, 0x80
    SETF 15
    setf8 w1
    CHKF 11
    SETF 15
    setf16 w1
    CHKF 2
    LI x1, 0x100
    SETF 0
    setf8 w1
    CHKF 5
    SETF 0
    setf16 w1
    CHKF 0
    LI x1, 0x100
    SETF 15
    setf8 w1
    CHKF 7
    SETF 15
    setf16 w1
    CHKF 2
    LI x1, 0x180
    SETF 0
    setf8 w1
    CHKF 8
    SETF 0
    setf16 w1
    CHKF 0
    LI x1, 0x180
    SETF 15
    setf8 w1
    CHKF 10
    SETF 15
    setf16 w1
    CHKF 2
    LI x1, 0x7f
    SETF 0
    setf8 w1
    CHKF 0
    SETF 0
    setf16 w1
    CHKF 0
    LI x1, 0x7f
    SETF 15
    setf8 w1
    CHKF 2
    SETF 15
    setf16 w1
    CHKF 2
    LI x1, 0xffffff00
    SETF 0
    setf8 w1
    CHKF 5
    SETF 0
    setf16 w1
    CHKF 8
    LI x1, 0xffffff00
    SETF 15
    setf8 w1
    CHKF 7
    SETF 15
    setf16 w1
    CHKF 10
    LI x1, 0x8000
    SETF 0
    setf8 w1
    CHKF 4
    SETF 0
    setf16 w1
    CHKF 9
    LI x1, 0x8000
    SETF 15
    setf8 w1
    CHKF 6
    SETF 15
    setf16 w1
    CHKF 11
    LI x1, 0x10000
    SETF 0
    setf8 w1
    CHKF 4
    SETF 0
    setf16 w1
    CHKF 5
    LI x1, 0x10000
    SETF 15
    setf8 w1
    CHKF 6
    SETF 15
    setf16 w1
    CHKF 7
    LI x1, 0x18000
    SETF 0
    setf8 w1
    CHKF 4
    SETF 0
    setf16 w1
    CHKF 8
    LI x1, 0x18000
    SETF 15
    setf8 w1
    CHKF 6
    SETF 15
    setf16 w1
    CHKF 10
    LI x1, 0x7fff
    SETF 0
    setf8 w1
    CHKF 8
    SETF 0
    setf16 w1
    CHKF 0
    LI x1, 0x7fff
    SETF 15
    setf8 w1
    CHKF 10
    SETF 15
    setf16 w1
    CHKF 2
    LI x1, 0xffff0000ffff0100
    SETF 0
    setf8 w1
    CHKF 5
    SETF 0
    setf16 w1
    CHKF 1
    LI x1, 0xffff0000ffff0100
    SETF 15
    setf8 w1
    CHKF 7
    SETF 15
    setf16 w1
    CHKF 3
    /* DIT and SSBS: MSR immediate and register, MRS */
    msr dit, #1
    mrs x2, dit
    CHK x2, 0x1000000
    msr dit, #0
    mrs x2, dit
    CHK x2, 0
    LI x1, 0xffffffffffffffff
    msr dit, x1
    mrs x2, dit
    CHK x2, 0x1000000
    msr dit, xzr
    mrs x2, dit
    CHK x2, 0
    msr ssbs, #1
    mrs x2, ssbs
    CHK x2, 0x1000
    msr ssbs, #0
    mrs x2, ssbs
    CHK x2, 0
    msr ssbs, x1
    mrs x2, ssbs
    CHK x2, 0x1000
    msr ssbs, xzr
    mrs x2, ssbs
    CHK x2, 0
    /* Hints execute as NOPs; the PAC hints come in pairs that undo each other */
    mov x9, x30
    mov x10, sp
    SETF 0b0110
    nop
    yield
    sevl
    wfe
    sev
    hint #0x6
    csdb
    esb
    bti
    bti c
    bti j
    bti jc
    paciasp
    autiasp
    pacibsp
    autibsp
    paciaz
    autiaz
    xpaclri
    hint #0x7f
    hint #0x45
    mov x17, x9
    mov x16, x10
    pacia1716
    autia1716
    cmp x17, x9
    FAIL_IF_NE
    cmp x30, x9
    FAIL_IF_NE
    SETF 0b0110
    CHKF 0b0110
    /* Barriers */
    dmb ish
    dmb ishld
    dmb ishst
    dmb sy
    dmb oshld
    dsb sy
    dsb ish
    dsb nshst
    isb
    sb
    ssbb
    pssbb
    /* CLREX clears the monitor: the store-exclusive fails */
    adrp x1, mon
    add x1, x1, #:lo12:mon
    ldxr x2, [x1]
    clrex
    mov x3, #5
    stxr w4, x3, [x1]
    CHK x4, 1
    ldr x2, [x1]
    CHK x2, 0x1234
    ldxr x2, [x1]
    stxr w4, x3, [x1]
    CHK x4, 0
    ldr x2, [x1]
    CHK x2, 5
    /* Cache maintenance allowed at EL0: no effect on the data (DC CVAP and
     * CVADP are left out: qemu-user 7.2, the reference, raises SIGILL) */
    dc cvau, x1
    dc cvac, x1
    dc civac, x1
    ic ivau, x1
    ldr x2, [x1]
    CHK x2, 5
    adr x5, _start
    ic ivau, x5
    dsb ish
    isb
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
    .ascii "ok a64-sys-flagm\n"
okmsg_end:

    .data
    .balign 64
mon:
    .quad 0x1234
