/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_LSE atomics, single-threaded: CAS (B/H/W/X, success and failure,
 * comparing only the access size), CASP of W and X pairs, SWP, and every
 * LD<op> (ADD CLR EOR SET SMAX SMIN UMAX UMIN) at each size with wrap-around
 * and signed/unsigned boundary values, operands with garbage above the
 * access size, the A/L/AL variants and the ST<op> aliases (Rt = XZR).
 * Self-checking: the first wrong value exits with the check's number.
 */
    .arch armv8.1-a
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
    /* buf[0..7] = val (64 bits) */
    .macro SETM val
    ldr x15, =\val
    str x15, [x1]
    .endm
    .macro MEM val
    ldr x15, [x1]
    CHK x15, \val
    .endm
    /* op with Rs = rsval on memory mval: old value in x3, then memory */
    .macro OP insn, rs, rt, mval, rsval, old, new
    SETM \mval
    ldr \rs, =\rsval
    mov x3, #0x5a5a
    \insn
    CHK x3, \old
    MEM \new
    .endm

    .text
    .globl _start
_start:
    adr x1, buf

    /* CAS */
    SETM 0x1122334455667788
    ldr x2, =0x1122334455667788
    ldr x4, =0xa0a0a0a0a0a0a0a0
    cas x2, x4, [x1]
    CHK x2, 0x1122334455667788
    MEM 0xa0a0a0a0a0a0a0a0
    ldr x2, =0x1122334455667788
    casa x2, x4, [x1]
    CHK x2, 0xa0a0a0a0a0a0a0a0
    MEM 0xa0a0a0a0a0a0a0a0
    SETM 0x1122334455667788
    ldr x2, =0xffffffff55667788
    casl w2, w4, [x1]
    CHK x2, 0x55667788
    MEM 0x11223344a0a0a0a0
    mov w2, #0
    casal w2, w4, [x1]
    CHK x2, 0xa0a0a0a0
    MEM 0x11223344a0a0a0a0
    SETM 0x1122334455667788
    ldr x2, =0xabcd7788
    cash w2, w4, [x1]
    CHK x2, 0x7788
    MEM 0x112233445566a0a0
    mov w2, #0x7788
    casalh w2, wzr, [x1]
    CHK x2, 0xa0a0
    MEM 0x112233445566a0a0
    SETM 0x1122334455667788
    mov w2, #0x188
    casb w2, w4, [x1]
    CHK x2, 0x88
    MEM 0x11223344556677a0
    mov w2, #0x88
    casab w2, w4, [x1]
    CHK x2, 0xa0
    MEM 0x11223344556677a0
    mov w2, #0xa0
    caslb w2, wzr, [x1]
    CHK x2, 0xa0
    MEM 0x1122334455667700
    caslb wzr, w4, [x1]
    MEM 0x11223344556677a0

    /* CASP of W: one 64-bit swap */
    SETM 0x1122334455667788
    ldr x6, =0xffffffff55667788
    ldr x7, =0x11223344
    ldr x10, =0xa1a2a3a4
    ldr x11, =0xb1b2b3b4
    casp w6, w7, w10, w11, [x1]
    CHK x6, 0x55667788
    CHK x7, 0x11223344
    MEM 0xb1b2b3b4a1a2a3a4
    caspal w6, w7, w10, w11, [x1]
    CHK x6, 0xa1a2a3a4
    CHK x7, 0xb1b2b3b4
    MEM 0xb1b2b3b4a1a2a3a4

    /* CASP of X: 128 bits */
    ldr x6, =0x0102030405060708
    ldr x7, =0x1112131415161718
    stp x6, x7, [x1]
    ldr x10, =0xa1a2a3a4a5a6a7a8
    ldr x11, =0xb1b2b3b4b5b6b7b8
    caspa x6, x7, x10, x11, [x1]
    CHK x6, 0x0102030405060708
    CHK x7, 0x1112131415161718
    ldp x12, x13, [x1]
    CHK x12, 0xa1a2a3a4a5a6a7a8
    CHK x13, 0xb1b2b3b4b5b6b7b8
    ldr x6, =0xa1a2a3a4a5a6a7a8
    mov x7, #0
    caspl x6, x7, x6, x7, [x1]
    CHK x6, 0xa1a2a3a4a5a6a7a8
    CHK x7, 0xb1b2b3b4b5b6b7b8
    ldp x12, x13, [x1]
    CHK x12, 0xa1a2a3a4a5a6a7a8
    CHK x13, 0xb1b2b3b4b5b6b7b8
    caspal x6, x7, x10, x11, [x1]
    ldp x12, x13, [x1]
    CHK x12, 0xa1a2a3a4a5a6a7a8
    casp x6, x7, x30, xzr, [x1]
    CHK x6, 0xa1a2a3a4a5a6a7a8
    CHK x7, 0xb1b2b3b4b5b6b7b8
    ldp x12, x13, [x1]
    CHKR x12, x30
    CHK x13, 0

    /* SWP */
    OP "swp x2, x3, [x1]", x2, x3, 0x1122334455667788, 0xfedcba9876543210, 0x1122334455667788, 0xfedcba9876543210
    OP "swpal w2, w3, [x1]", x2, x3, 0x1122334455667788, 0xfedcba9876543210, 0x55667788, 0x1122334476543210
    OP "swpah w2, w3, [x1]", x2, x3, 0x1122334455667788, 0xfedcba9876543210, 0x7788, 0x1122334455663210
    OP "swplb w2, w3, [x1]", x2, x3, 0x1122334455667788, 0xfedcba9876543210, 0x88, 0x1122334455667710

    /* LDADD: wrap-around at each size */
    OP "ldadd x2, x3, [x1]", x2, x3, 0xffffffffffffffff, 2, 0xffffffffffffffff, 1
    OP "ldadda w2, w3, [x1]", x2, x3, 0x77777777ffffffff, 0x100000002, 0xffffffff, 0x7777777700000001
    OP "ldaddlh w2, w3, [x1]", x2, x3, 0x777777777777ffff, 0x30001, 0xffff, 0x7777777777770000
    OP "ldaddalb w2, w3, [x1]", x2, x3, 0x77777777777777ff, 0x102, 0xff, 0x7777777777777701
    /* LDCLR / LDEOR / LDSET */
    OP "ldclr x2, x3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0x0f000f000f000f00
    OP "ldclral w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0xff00ff00, 0xff00ff000f000f00
    OP "ldclrh w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xffffffffffff0f0f, 0xff00, 0xff00ff00ff00f000
    OP "ldclrab w2, w3, [x1]", x2, x3, 0xff00ff00ff00ffff, 0xffffffffffffff0f, 0xff, 0xff00ff00ff00fff0
    OP "ldeor x2, x3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
    OP "ldeorl w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0xff00ff00, 0xff00ff000ff00ff0
    OP "ldeorah w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0ffff, 0xff00, 0xff00ff00ff0000ff
    OP "ldeorb w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xffffffffffffff81, 0x00, 0xff00ff00ff00ff81
    OP "ldset x2, x3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0x0000f0f0f0f0000f, 0xff00ff00ff00ff00, 0xff00fff0fff0ff0f
    OP "ldseta w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xf0f0f0f0000000f0, 0xff00ff00, 0xff00ff00ff00fff0
    OP "ldsetlh w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xffffffffffff000f, 0xff00, 0xff00ff00ff00ff0f
    OP "ldsetalb w2, w3, [x1]", x2, x3, 0xff00ff00ff00ff00, 0xffffffffffffff80, 0x00, 0xff00ff00ff00ff80

    /* signed max/min at the boundaries */
    OP "ldsmax x2, x3, [x1]", x2, x3, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
    OP "ldsmax x2, x3, [x1]", x2, x3, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff
    OP "ldsmaxa x2, x3, [x1]", x2, x3, 0xffffffffffffffff, 0, 0xffffffffffffffff, 0
    OP "ldsmaxl w2, w3, [x1]", x2, x3, 0x5555555580000000, 0xffffffff7fffffff, 0x80000000, 0x555555557fffffff
    OP "ldsmaxal w2, w3, [x1]", x2, x3, 0x55555555ffffffff, 0x00000001fffffffe, 0xffffffff, 0x55555555ffffffff
    OP "ldsmaxh w2, w3, [x1]", x2, x3, 0x5555555555558000, 0x0000000000007fff, 0x8000, 0x5555555555557fff
    OP "ldsmaxah w2, w3, [x1]", x2, x3, 0x5555555555550001, 0x000000000000ffff, 0x0001, 0x5555555555550001
    OP "ldsmaxb w2, w3, [x1]", x2, x3, 0x55555555555555ff, 0x0000000012345601, 0xff, 0x5555555555555501
    OP "ldsmaxlb w2, w3, [x1]", x2, x3, 0x555555555555557f, 0x0000000000000080, 0x7f, 0x555555555555557f
    OP "ldsmin x2, x3, [x1]", x2, x3, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000
    OP "ldsmina x2, x3, [x1]", x2, x3, 0x0000000000000000, 0xffffffffffffffff, 0, 0xffffffffffffffff
    OP "ldsminl w2, w3, [x1]", x2, x3, 0x555555557fffffff, 0x0000000080000000, 0x7fffffff, 0x5555555580000000
    OP "ldsminal w2, w3, [x1]", x2, x3, 0x5555555500000001, 0xffffffff00000002, 0x00000001, 0x5555555500000001
    OP "ldsminh w2, w3, [x1]", x2, x3, 0x5555555555557fff, 0x0000000000018000, 0x7fff, 0x5555555555558000
    OP "ldsminab w2, w3, [x1]", x2, x3, 0x5555555555555501, 0x00000000000000ff, 0x01, 0x55555555555555ff
    OP "ldsminb w2, w3, [x1]", x2, x3, 0x5555555555555580, 0x000000000000007f, 0x80, 0x5555555555555580

    /* unsigned max/min at the boundaries */
    OP "ldumax x2, x3, [x1]", x2, x3, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000
    OP "ldumaxa x2, x3, [x1]", x2, x3, 0x0000000000000001, 0xffffffffffffffff, 1, 0xffffffffffffffff
    OP "ldumaxl w2, w3, [x1]", x2, x3, 0x555555557fffffff, 0x0000000080000000, 0x7fffffff, 0x5555555580000000
    OP "ldumaxal w2, w3, [x1]", x2, x3, 0x5555555500000002, 0xffffffff00000001, 0x00000002, 0x5555555500000002
    OP "ldumaxh w2, w3, [x1]", x2, x3, 0x5555555555550002, 0xffffffffffff0001, 0x0002, 0x5555555555550002
    OP "ldumaxah w2, w3, [x1]", x2, x3, 0x5555555555557fff, 0x0000000000008000, 0x7fff, 0x5555555555558000
    OP "ldumaxb w2, w3, [x1]", x2, x3, 0x5555555555555502, 0xffffffffffffff01, 0x02, 0x5555555555555502
    OP "ldumaxlb w2, w3, [x1]", x2, x3, 0x555555555555557f, 0x00000000000000ff, 0x7f, 0x55555555555555ff
    OP "ldumin x2, x3, [x1]", x2, x3, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
    OP "ldumina x2, x3, [x1]", x2, x3, 0xffffffffffffffff, 0, 0xffffffffffffffff, 0
    OP "lduminl w2, w3, [x1]", x2, x3, 0x55555555ffffffff, 0xffffffff00000000, 0xffffffff, 0x5555555500000000
    OP "lduminal w2, w3, [x1]", x2, x3, 0x5555555500000001, 0x00000001fffffffe, 0x00000001, 0x5555555500000001
    OP "lduminh w2, w3, [x1]", x2, x3, 0x5555555555558000, 0x0000000000007fff, 0x8000, 0x5555555555557fff
    OP "lduminah w2, w3, [x1]", x2, x3, 0x5555555555550001, 0xffffffffffff0002, 0x0001, 0x5555555555550001
    OP "lduminb w2, w3, [x1]", x2, x3, 0x55555555555555ff, 0x0000000000000100, 0xff, 0x5555555555555500
    OP "lduminlb w2, w3, [x1]", x2, x3, 0x5555555555555580, 0x000000000000007f, 0x80, 0x555555555555557f

    /* ST<op>: Rt = XZR, x3 untouched */
    OP "stadd x2, [x1]", x2, x3, 5, 7, 0x5a5a, 12
    OP "staddl w2, [x1]", x2, x3, 0x1ffffffff, 1, 0x5a5a, 0x100000000
    OP "stclrb w2, [x1]", x2, x3, 0xff, 0x0f, 0x5a5a, 0xf0
    OP "steorh w2, [x1]", x2, x3, 0xffff, 0x0ff0, 0x5a5a, 0xf00f
    OP "stset w2, [x1]", x2, x3, 0x1, 0x80000000, 0x5a5a, 0x80000001
    OP "stsmax x2, [x1]", x2, x3, 0xffffffffffffffff, 1, 0x5a5a, 1
    OP "stsminb w2, [x1]", x2, x3, 0x01, 0xff, 0x5a5a, 0xff
    OP "stumaxh w2, [x1]", x2, x3, 0x0001, 0xffff, 0x5a5a, 0xffff
    OP "stuminl x2, [x1]", x2, x3, 0x8000000000000000, 0x7fffffffffffffff, 0x5a5a, 0x7fffffffffffffff

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
    .ascii "ok a64-atomic-lse\n"
msg_end:

    .data
    .balign 64
buf:
    .space 64
