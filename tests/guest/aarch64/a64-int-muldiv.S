/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Multiply and divide: MUL/MADD/MSUB/MNEG in both widths, the widening
 * SMULL/UMULL/SMADDL/SMSUBL/UMADDL/UMSUBL/SMNEGL/UMNEGL, SMULH/UMULH at
 * the signed and unsigned edges, UDIV/SDIV (rounding toward zero, divide
 * by zero gives 0, MIN / -1 gives MIN, 32-bit forms ignoring bits 63:32),
 * and the variable shifts LSLV/LSRV/ASRV/RORV (amount modulo the width).
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-int-muldiv".
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
    /* MUL/MADD/MSUB/MNEG */
    LI x1, 0x100000003
    LI x2, 0x200000005
    LI x4, 100
    mul x3, x1, x2
    CHK x3, 0xb0000000f
    mul w3, w1, w2
    CHK x3, 0xf
    madd x3, x1, x2, x4
    CHK x3, 0xb00000073
    msub x3, x1, x2, x4
    CHK x3, 0xfffffff500000055
    mneg x3, x1, x2
    CHK x3, 0xfffffff4fffffff1
    msub w3, w1, w2, w4
    CHK x3, 0x55
    LI x5, 0xffffffff00000000
    madd w3, w1, w2, w5
    CHK x3, 0xf
    /* widening multiplies */
    LI x1, 0xfffffffffffffffe
    LI x2, 3
    smull x3, w1, w2
    CHK x3, 0xfffffffffffffffa
    umull x3, w1, w2
    CHK x3, 0x2fffffffa
    smaddl x3, w1, w2, x4
    CHK x3, 0x5e
    smsubl x3, w1, w2, x4
    CHK x3, 0x6a
    umaddl x3, w1, w2, x4
    CHK x3, 0x30000005e
    umsubl x3, w1, w2, x4
    CHK x3, 0xfffffffd0000006a
    smnegl x3, w1, w2
    CHK x3, 0x6
    umnegl x3, w1, w2
    CHK x3, 0xfffffffd00000006
    LI x6, 0x80000000
    smull x3, w6, w6
    CHK x3, 0x4000000000000000
    umull x3, w1, w1
    CHK x3, 0xfffffffc00000004
    /* SMULH/UMULH */
    LI x1, 0xfffffffffffffffe
    LI x2, 0x3
    smulh x3, x1, x2
    CHK x3, 0xffffffffffffffff
    umulh x3, x1, x2
    CHK x3, 0x2
    LI x1, 0x8000000000000000
    LI x2, 0x8000000000000000
    smulh x3, x1, x2
    CHK x3, 0x4000000000000000
    umulh x3, x1, x2
    CHK x3, 0x4000000000000000
    LI x1, 0x8000000000000000
    LI x2, 0xffffffffffffffff
    smulh x3, x1, x2
    CHK x3, 0x0
    umulh x3, x1, x2
    CHK x3, 0x7fffffffffffffff
    LI x1, 0xffffffffffffffff
    LI x2, 0xffffffffffffffff
    smulh x3, x1, x2
    CHK x3, 0x0
    umulh x3, x1, x2
    CHK x3, 0xfffffffffffffffe
    LI x1, 0x123456789abcdef0
    LI x2, 0xfedcba987654321
    smulh x3, x1, x2
    CHK x3, 0x121fa00ad77d742
    umulh x3, x1, x2
    CHK x3, 0x121fa00ad77d742
    /* UDIV/SDIV: truncation, divide by zero, MIN / -1 */
    LI x1, 0x64
    LI x2, 0x7
    udiv x3, x1, x2
    CHK x3, 0xe
    sdiv x3, x1, x2
    CHK x3, 0xe
    udiv w3, w1, w2
    CHK x3, 0xe
    sdiv w3, w1, w2
    CHK x3, 0xe
    LI x1, 0xffffffffffffff9c
    LI x2, 0x7
    udiv x3, x1, x2
    CHK x3, 0x2492492492492484
    sdiv x3, x1, x2
    CHK x3, 0xfffffffffffffff2
    udiv w3, w1, w2
    CHK x3, 0x24924916
    sdiv w3, w1, w2
    CHK x3, 0xfffffff2
    LI x1, 0x64
    LI x2, 0xfffffffffffffff9
    udiv x3, x1, x2
    CHK x3, 0x0
    sdiv x3, x1, x2
    CHK x3, 0xfffffffffffffff2
    udiv w3, w1, w2
    CHK x3, 0x0
    sdiv w3, w1, w2
    CHK x3, 0xfffffff2
    LI x1, 0x0
    LI x2, 0x5
    udiv x3, x1, x2
    CHK x3, 0x0
    sdiv x3, x1, x2
    CHK x3, 0x0
    udiv w3, w1, w2
    CHK x3, 0x0
    sdiv w3, w1, w2
    CHK x3, 0x0
    LI x1, 0x64
    LI x2, 0x0
    udiv x3, x1, x2
    CHK x3, 0x0
    sdiv x3, x1, x2
    CHK x3, 0x0
    udiv w3, w1, w2
    CHK x3, 0x0
    sdiv w3, w1, w2
    CHK x3, 0x0
    LI x1, 0x8000000000000000
    LI x2, 0xffffffffffffffff
    udiv x3, x1, x2
    CHK x3, 0x0
    sdiv x3, x1, x2
    CHK x3, 0x8000000000000000
    udiv w3, w1, w2
    CHK x3, 0x0
    sdiv w3, w1, w2
    CHK x3, 0x0
    LI x1, 0x8000000000000000
    LI x2, 0x2
    udiv x3, x1, x2
    CHK x3, 0x4000000000000000
    sdiv x3, x1, x2
    CHK x3, 0xc000000000000000
    udiv w3, w1, w2
    CHK x3, 0x0
    sdiv w3, w1, w2
    CHK x3, 0x0
    LI x1, 0xffffffff80000000
    LI x2, 0xffffffffffffffff
    udiv x3, x1, x2
    CHK x3, 0x0
    sdiv x3, x1, x2
    CHK x3, 0x80000000
    udiv w3, w1, w2
    CHK x3, 0x0
    sdiv w3, w1, w2
    CHK x3, 0x80000000
    LI x1, 0xdeadbeef00000064
    LI x2, 0x1234567800000007
    udiv x3, x1, x2
    CHK x3, 0xc
    sdiv x3, x1, x2
    CHK x3, 0xffffffffffffffff
    udiv w3, w1, w2
    CHK x3, 0xe
    sdiv w3, w1, w2
    CHK x3, 0xe
    /* LSLV/LSRV/ASRV/RORV: amount modulo the width, 32-bit ignores bits 63:32 */
    LI x1, 0x8000000000000001
    LI x2, 0x41
    lsl x3, x1, x2
    CHK x3, 0x2
    lsl w3, w1, w2
    CHK x3, 0x2
    lsr x3, x1, x2
    CHK x3, 0x4000000000000000
    lsr w3, w1, w2
    CHK x3, 0x0
    asr x3, x1, x2
    CHK x3, 0xc000000000000000
    asr w3, w1, w2
    CHK x3, 0x0
    ror x3, x1, x2
    CHK x3, 0xc000000000000000
    ror w3, w1, w2
    CHK x3, 0x80000000
    LI x1, 0x8000000000000001
    LI x2, 0x0
    lsl x3, x1, x2
    CHK x3, 0x8000000000000001
    lsl w3, w1, w2
    CHK x3, 0x1
    lsr x3, x1, x2
    CHK x3, 0x8000000000000001
    lsr w3, w1, w2
    CHK x3, 0x1
    asr x3, x1, x2
    CHK x3, 0x8000000000000001
    asr w3, w1, w2
    CHK x3, 0x1
    ror x3, x1, x2
    CHK x3, 0x8000000000000001
    ror w3, w1, w2
    CHK x3, 0x1
    LI x1, 0xffffffff80000001
    LI x2, 0x21
    lsl x3, x1, x2
    CHK x3, 0x200000000
    lsl w3, w1, w2
    CHK x3, 0x2
    lsr x3, x1, x2
    CHK x3, 0x7fffffff
    lsr w3, w1, w2
    CHK x3, 0x40000000
    asr x3, x1, x2
    CHK x3, 0xffffffffffffffff
    asr w3, w1, w2
    CHK x3, 0xc0000000
    ror x3, x1, x2
    CHK x3, 0xc0000000ffffffff
    ror w3, w1, w2
    CHK x3, 0xc0000000
    LI x1, 0x180000000
    LI x2, 0x100000004
    lsl x3, x1, x2
    CHK x3, 0x1800000000
    lsl w3, w1, w2
    CHK x3, 0x0
    lsr x3, x1, x2
    CHK x3, 0x18000000
    lsr w3, w1, w2
    CHK x3, 0x8000000
    asr x3, x1, x2
    CHK x3, 0x18000000
    asr w3, w1, w2
    CHK x3, 0xf8000000
    ror x3, x1, x2
    CHK x3, 0x18000000
    ror w3, w1, w2
    CHK x3, 0x8000000
    LI x1, 0x123456789abcdef0
    LI x2, 0x3f
    lsl x3, x1, x2
    CHK x3, 0x0
    lsl w3, w1, w2
    CHK x3, 0x0
    lsr x3, x1, x2
    CHK x3, 0x0
    lsr w3, w1, w2
    CHK x3, 0x1
    asr x3, x1, x2
    CHK x3, 0x0
    asr w3, w1, w2
    CHK x3, 0xffffffff
    ror x3, x1, x2
    CHK x3, 0x2468acf13579bde0
    ror w3, w1, w2
    CHK x3, 0x3579bde1
    LI x1, 0xfedcba9876543210
    LI x2, 0x1f
    lsl x3, x1, x2
    CHK x3, 0x3b2a190800000000
    lsl w3, w1, w2
    CHK x3, 0x0
    lsr x3, x1, x2
    CHK x3, 0x1fdb97530
    lsr w3, w1, w2
    CHK x3, 0x0
    asr x3, x1, x2
    CHK x3, 0xfffffffffdb97530
    asr w3, w1, w2
    CHK x3, 0x0
    ror x3, x1, x2
    CHK x3, 0xeca86421fdb97530
    ror w3, w1, w2
    CHK x3, 0xeca86420
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
    .ascii "ok a64-int-muldiv\n"
okmsg_end:
