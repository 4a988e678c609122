/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every Advanced SIMD instruction form the decoder implements, in each
 * arrangement, run from fixed register states: the floating-point forms, on
 * single-precision and on double-precision values, each with FPCR 0 and
 * with FZ, DN and rounding towards zero.  After each instruction all 32
 * vector registers, X1-X3 and FPSR are hashed (FNV-1a) and printed with the
 * instruction's text, so a difference names the instruction.  The states
 * hold edge values (0, 1, MIN, MAX, NaNs, infinities, denormals) at random
 * positions.  Generated from the list the decoder was checked with,
 * instruction by instruction, against qemu-aarch64 on these and other
 * states; the .expect comes from qemu.
 */
    .arch armv8.5-a             /* FRINT32Z and friends (FEAT_FRINTTS) */

    /* T insn: load the state at x27, run insn, print "insn hash". */
    .macro T op:req, args:vararg
    bl load
    \op \args
    bl save
    adr x1, 9f
    bl report
    .pushsection .rodata
9:  .asciz "\op \args"
    .popsection
    .endm

    .text
    .globl _start
_start:
    adr x28, area
    adr x27, state0
    bl body
    adr x27, state1
    bl body
    adr x27, state2
    bl body
    adr x27, state3
    bl body
    mov x0, #0
    mov x8, #93                 /* exit */
    svc #0

/* V0-V31, X1-X3 and FPCR from the state at x27; FPSR cleared. */
load:
    ldp q0, q1, [x27, #0]
    ldp q2, q3, [x27, #32]
    ldp q4, q5, [x27, #64]
    ldp q6, q7, [x27, #96]
    ldp q8, q9, [x27, #128]
    ldp q10, q11, [x27, #160]
    ldp q12, q13, [x27, #192]
    ldp q14, q15, [x27, #224]
    ldp q16, q17, [x27, #256]
    ldp q18, q19, [x27, #288]
    ldp q20, q21, [x27, #320]
    ldp q22, q23, [x27, #352]
    ldp q24, q25, [x27, #384]
    ldp q26, q27, [x27, #416]
    ldp q28, q29, [x27, #448]
    ldp q30, q31, [x27, #480]
    ldr x1, [x27, #512]
    ldr x2, [x27, #520]
    ldr x3, [x27, #528]
    ldr x5, [x27, #536]
    msr fpcr, x5
    msr fpsr, xzr
    ret

/* V0-V31, X1-X3 and FPSR to the area at x28. */
save:
    stp q0, q1, [x28, #0]
    stp q2, q3, [x28, #32]
    stp q4, q5, [x28, #64]
    stp q6, q7, [x28, #96]
    stp q8, q9, [x28, #128]
    stp q10, q11, [x28, #160]
    stp q12, q13, [x28, #192]
    stp q14, q15, [x28, #224]
    stp q16, q17, [x28, #256]
    stp q18, q19, [x28, #288]
    stp q20, q21, [x28, #320]
    stp q22, q23, [x28, #352]
    stp q24, q25, [x28, #384]
    stp q26, q27, [x28, #416]
    stp q28, q29, [x28, #448]
    stp q30, q31, [x28, #480]
    str x1, [x28, #512]
    str x2, [x28, #520]
    str x3, [x28, #528]
    mrs x4, fpsr
    str x4, [x28, #536]
    msr fpcr, xzr
    ret

/* Write the string at x1, a space, the hash of the area and a newline. */
report:
    adr x2, line
    mov x3, x2
1:  ldrb w4, [x1], #1
    cbz w4, 2f
    strb w4, [x3], #1
    b 1b
2:  mov w4, #' '
    strb w4, [x3], #1
    ldr x5, =0xcbf29ce484222325
    ldr x6, =0x100000001b3
    mov x7, #0
3:  ldrb w4, [x28, x7]
    eor x5, x5, x4
    mul x5, x5, x6
    add x7, x7, #1
    cmp x7, #544
    b.ne 3b
    mov x7, #60
4:  lsr x4, x5, x7
    and x4, x4, #15
    cmp x4, #10
    add x8, x4, #'0'
    add x4, x4, #('a' - 10)
    csel x4, x8, x4, lt
    strb w4, [x3], #1
    subs x7, x7, #4
    b.ge 4b
    mov w4, #'\n'
    strb w4, [x3], #1
    mov x0, #1
    mov x1, x2
    sub x2, x3, x2
    mov x8, #64                 /* write */
    svc #0
    ret
    .ltorg

    .data
    .balign 16
area:
    .space 544
line:
    .space 256

    .text
/* Every instruction once, from the state at x27. */
body:
    mov x26, x30
    T fmov v1.2s, #1.5
    T fmov v1.4s, #1.5
    T fmov v1.2d, #-3.0
    T fmaxnm v1.2s, v2.2s, v3.2s
    T fmaxnm v1.4s, v2.4s, v3.4s
    T fmaxnm v1.2d, v2.2d, v3.2d
    T fminnm v1.2s, v2.2s, v3.2s
    T fminnm v1.4s, v2.4s, v3.4s
    T fminnm v1.2d, v2.2d, v3.2d
    T fmla v1.2s, v2.2s, v3.2s
    T fmla v1.4s, v2.4s, v3.4s
    T fmla v1.2d, v2.2d, v3.2d
    T fmls v1.2s, v2.2s, v3.2s
    T fmls v1.4s, v2.4s, v3.4s
    T fmls v1.2d, v2.2d, v3.2d
    T fadd v1.2s, v2.2s, v3.2s
    T fadd v1.4s, v2.4s, v3.4s
    T fadd v1.2d, v2.2d, v3.2d
    T fsub v1.2s, v2.2s, v3.2s
    T fsub v1.4s, v2.4s, v3.4s
    T fsub v1.2d, v2.2d, v3.2d
    T fmulx v1.2s, v2.2s, v3.2s
    T fmulx v1.4s, v2.4s, v3.4s
    T fmulx v1.2d, v2.2d, v3.2d
    T fcmeq v1.2s, v2.2s, v3.2s
    T fcmeq v1.4s, v2.4s, v3.4s
    T fcmeq v1.2d, v2.2d, v3.2d
    T fmax v1.2s, v2.2s, v3.2s
    T fmax v1.4s, v2.4s, v3.4s
    T fmax v1.2d, v2.2d, v3.2d
    T fmin v1.2s, v2.2s, v3.2s
    T fmin v1.4s, v2.4s, v3.4s
    T fmin v1.2d, v2.2d, v3.2d
    T frecps v1.2s, v2.2s, v3.2s
    T frecps v1.4s, v2.4s, v3.4s
    T frecps v1.2d, v2.2d, v3.2d
    T frsqrts v1.2s, v2.2s, v3.2s
    T frsqrts v1.4s, v2.4s, v3.4s
    T frsqrts v1.2d, v2.2d, v3.2d
    T fmaxnmp v1.2s, v2.2s, v3.2s
    T fmaxnmp v1.4s, v2.4s, v3.4s
    T fmaxnmp v1.2d, v2.2d, v3.2d
    T fminnmp v1.2s, v2.2s, v3.2s
    T fminnmp v1.4s, v2.4s, v3.4s
    T fminnmp v1.2d, v2.2d, v3.2d
    T faddp v1.2s, v2.2s, v3.2s
    T faddp v1.4s, v2.4s, v3.4s
    T faddp v1.2d, v2.2d, v3.2d
    T fabd v1.2s, v2.2s, v3.2s
    T fabd v1.4s, v2.4s, v3.4s
    T fabd v1.2d, v2.2d, v3.2d
    T fmul v1.2s, v2.2s, v3.2s
    T fmul v1.4s, v2.4s, v3.4s
    T fmul v1.2d, v2.2d, v3.2d
    T fcmge v1.2s, v2.2s, v3.2s
    T fcmge v1.4s, v2.4s, v3.4s
    T fcmge v1.2d, v2.2d, v3.2d
    T fcmgt v1.2s, v2.2s, v3.2s
    T fcmgt v1.4s, v2.4s, v3.4s
    T fcmgt v1.2d, v2.2d, v3.2d
    T facge v1.2s, v2.2s, v3.2s
    T facge v1.4s, v2.4s, v3.4s
    T facge v1.2d, v2.2d, v3.2d
    T facgt v1.2s, v2.2s, v3.2s
    T facgt v1.4s, v2.4s, v3.4s
    T facgt v1.2d, v2.2d, v3.2d
    T fmaxp v1.2s, v2.2s, v3.2s
    T fmaxp v1.4s, v2.4s, v3.4s
    T fmaxp v1.2d, v2.2d, v3.2d
    T fminp v1.2s, v2.2s, v3.2s
    T fminp v1.4s, v2.4s, v3.4s
    T fminp v1.2d, v2.2d, v3.2d
    T fdiv v1.2s, v2.2s, v3.2s
    T fdiv v1.4s, v2.4s, v3.4s
    T fdiv v1.2d, v2.2d, v3.2d
    T fmulx s1, s2, s3
    T fmulx d1, d2, d3
    T fcmeq s1, s2, s3
    T fcmeq d1, d2, d3
    T frecps s1, s2, s3
    T frecps d1, d2, d3
    T frsqrts s1, s2, s3
    T frsqrts d1, d2, d3
    T fabd s1, s2, s3
    T fabd d1, d2, d3
    T fcmge s1, s2, s3
    T fcmge d1, d2, d3
    T fcmgt s1, s2, s3
    T fcmgt d1, d2, d3
    T facge s1, s2, s3
    T facge d1, d2, d3
    T facgt s1, s2, s3
    T facgt d1, d2, d3
    T frintn v1.2s, v2.2s
    T frintn v1.4s, v2.4s
    T frintn v1.2d, v2.2d
    T frintm v1.2s, v2.2s
    T frintm v1.4s, v2.4s
    T frintm v1.2d, v2.2d
    T frintp v1.2s, v2.2s
    T frintp v1.4s, v2.4s
    T frintp v1.2d, v2.2d
    T frintz v1.2s, v2.2s
    T frintz v1.4s, v2.4s
    T frintz v1.2d, v2.2d
    T frinta v1.2s, v2.2s
    T frinta v1.4s, v2.4s
    T frinta v1.2d, v2.2d
    T frintx v1.2s, v2.2s
    T frintx v1.4s, v2.4s
    T frintx v1.2d, v2.2d
    T frinti v1.2s, v2.2s
    T frinti v1.4s, v2.4s
    T frinti v1.2d, v2.2d
    T fcvtns v1.2s, v2.2s
    T fcvtns v1.4s, v2.4s
    T fcvtns v1.2d, v2.2d
    T fcvtms v1.2s, v2.2s
    T fcvtms v1.4s, v2.4s
    T fcvtms v1.2d, v2.2d
    T fcvtps v1.2s, v2.2s
    T fcvtps v1.4s, v2.4s
    T fcvtps v1.2d, v2.2d
    T fcvtzs v1.2s, v2.2s
    T fcvtzs v1.4s, v2.4s
    T fcvtzs v1.2d, v2.2d
    T fcvtas v1.2s, v2.2s
    T fcvtas v1.4s, v2.4s
    T fcvtas v1.2d, v2.2d
    T fcvtnu v1.2s, v2.2s
    T fcvtnu v1.4s, v2.4s
    T fcvtnu v1.2d, v2.2d
    T fcvtmu v1.2s, v2.2s
    T fcvtmu v1.4s, v2.4s
    T fcvtmu v1.2d, v2.2d
    T fcvtpu v1.2s, v2.2s
    T fcvtpu v1.4s, v2.4s
    T fcvtpu v1.2d, v2.2d
    T fcvtzu v1.2s, v2.2s
    T fcvtzu v1.4s, v2.4s
    T fcvtzu v1.2d, v2.2d
    T fcvtau v1.2s, v2.2s
    T fcvtau v1.4s, v2.4s
    T fcvtau v1.2d, v2.2d
    T scvtf v1.2s, v2.2s
    T scvtf v1.4s, v2.4s
    T scvtf v1.2d, v2.2d
    T ucvtf v1.2s, v2.2s
    T ucvtf v1.4s, v2.4s
    T ucvtf v1.2d, v2.2d
    T fabs v1.2s, v2.2s
    T fabs v1.4s, v2.4s
    T fabs v1.2d, v2.2d
    T fneg v1.2s, v2.2s
    T fneg v1.4s, v2.4s
    T fneg v1.2d, v2.2d
    T fsqrt v1.2s, v2.2s
    T fsqrt v1.4s, v2.4s
    T fsqrt v1.2d, v2.2d
    T frecpe v1.2s, v2.2s
    T frecpe v1.4s, v2.4s
    T frecpe v1.2d, v2.2d
    T frsqrte v1.2s, v2.2s
    T frsqrte v1.4s, v2.4s
    T frsqrte v1.2d, v2.2d
    T frint32z v1.2s, v2.2s
    T frint32z v1.4s, v2.4s
    T frint32z v1.2d, v2.2d
    T frint32x v1.2s, v2.2s
    T frint32x v1.4s, v2.4s
    T frint32x v1.2d, v2.2d
    T frint64z v1.2s, v2.2s
    T frint64z v1.4s, v2.4s
    T frint64z v1.2d, v2.2d
    T frint64x v1.2s, v2.2s
    T frint64x v1.4s, v2.4s
    T frint64x v1.2d, v2.2d
    T fcmgt v1.2s, v2.2s, #0.0
    T fcmgt v1.4s, v2.4s, #0.0
    T fcmgt v1.2d, v2.2d, #0.0
    T fcmgt s1, s2, #0.0
    T fcmgt d1, d2, #0.0
    T fcmeq v1.2s, v2.2s, #0.0
    T fcmeq v1.4s, v2.4s, #0.0
    T fcmeq v1.2d, v2.2d, #0.0
    T fcmeq s1, s2, #0.0
    T fcmeq d1, d2, #0.0
    T fcmlt v1.2s, v2.2s, #0.0
    T fcmlt v1.4s, v2.4s, #0.0
    T fcmlt v1.2d, v2.2d, #0.0
    T fcmlt s1, s2, #0.0
    T fcmlt d1, d2, #0.0
    T fcmge v1.2s, v2.2s, #0.0
    T fcmge v1.4s, v2.4s, #0.0
    T fcmge v1.2d, v2.2d, #0.0
    T fcmge s1, s2, #0.0
    T fcmge d1, d2, #0.0
    T fcmle v1.2s, v2.2s, #0.0
    T fcmle v1.4s, v2.4s, #0.0
    T fcmle v1.2d, v2.2d, #0.0
    T fcmle s1, s2, #0.0
    T fcmle d1, d2, #0.0
    T fcvtns s1, s2
    T fcvtns d1, d2
    T fcvtms s1, s2
    T fcvtms d1, d2
    T fcvtps s1, s2
    T fcvtps d1, d2
    T fcvtzs s1, s2
    T fcvtzs d1, d2
    T fcvtas s1, s2
    T fcvtas d1, d2
    T fcvtnu s1, s2
    T fcvtnu d1, d2
    T fcvtmu s1, s2
    T fcvtmu d1, d2
    T fcvtpu s1, s2
    T fcvtpu d1, d2
    T fcvtzu s1, s2
    T fcvtzu d1, d2
    T fcvtau s1, s2
    T fcvtau d1, d2
    T scvtf s1, s2
    T scvtf d1, d2
    T ucvtf s1, s2
    T ucvtf d1, d2
    T frecpe s1, s2
    T frecpe d1, d2
    T frsqrte s1, s2
    T frsqrte d1, d2
    T frecpx s1, s2
    T frecpx d1, d2
    T urecpe v1.2s, v2.2s
    T ursqrte v1.2s, v2.2s
    T urecpe v1.4s, v2.4s
    T ursqrte v1.4s, v2.4s
    T fcvtn v1.4h, v2.4s
    T fcvtn2 v1.8h, v2.4s
    T fcvtn v1.2s, v2.2d
    T fcvtn2 v1.4s, v2.2d
    T fcvtl v1.4s, v2.4h
    T fcvtl2 v1.4s, v2.8h
    T fcvtl v1.2d, v2.2s
    T fcvtl2 v1.2d, v2.4s
    T fcvtxn v1.2s, v2.2d
    T fcvtxn2 v1.4s, v2.2d
    T fcvtxn s1, d2
    T fmaxnmv s1, v2.4s
    T fminnmv s1, v2.4s
    T fmaxv s1, v2.4s
    T fminv s1, v2.4s
    T fmaxnmp s1, v2.2s
    T fmaxnmp d1, v2.2d
    T fminnmp s1, v2.2s
    T fminnmp d1, v2.2d
    T faddp s1, v2.2s
    T faddp d1, v2.2d
    T fmaxp s1, v2.2s
    T fmaxp d1, v2.2d
    T fminp s1, v2.2s
    T fminp d1, v2.2d
    T fmla v1.2s, v2.2s, v3.s[3]
    T fmla v1.4s, v2.4s, v31.s[1]
    T fmla v1.2d, v2.2d, v17.d[1]
    T fmla s1, s2, v3.s[2]
    T fmla d1, d2, v30.d[1]
    T fmls v1.2s, v2.2s, v3.s[3]
    T fmls v1.4s, v2.4s, v31.s[1]
    T fmls v1.2d, v2.2d, v17.d[1]
    T fmls s1, s2, v3.s[2]
    T fmls d1, d2, v30.d[1]
    T fmul v1.2s, v2.2s, v3.s[3]
    T fmul v1.4s, v2.4s, v31.s[1]
    T fmul v1.2d, v2.2d, v17.d[1]
    T fmul s1, s2, v3.s[2]
    T fmul d1, d2, v30.d[1]
    T fmulx v1.2s, v2.2s, v3.s[3]
    T fmulx v1.4s, v2.4s, v31.s[1]
    T fmulx v1.2d, v2.2d, v17.d[1]
    T fmulx s1, s2, v3.s[2]
    T fmulx d1, d2, v30.d[1]
    T scvtf v1.2s, v2.2s, #1
    T scvtf v1.4s, v2.4s, #32
    T scvtf v1.2d, v2.2d, #64
    T scvtf v1.2d, v2.2d, #1
    T scvtf s1, s2, #32
    T scvtf d1, d2, #64
    T scvtf s1, s2, #1
    T ucvtf v1.2s, v2.2s, #1
    T ucvtf v1.4s, v2.4s, #32
    T ucvtf v1.2d, v2.2d, #64
    T ucvtf v1.2d, v2.2d, #1
    T ucvtf s1, s2, #32
    T ucvtf d1, d2, #64
    T ucvtf s1, s2, #1
    T fcvtzs v1.2s, v2.2s, #1
    T fcvtzs v1.4s, v2.4s, #32
    T fcvtzs v1.2d, v2.2d, #64
    T fcvtzs v1.2d, v2.2d, #1
    T fcvtzs s1, s2, #32
    T fcvtzs d1, d2, #64
    T fcvtzs s1, s2, #1
    T fcvtzu v1.2s, v2.2s, #1
    T fcvtzu v1.4s, v2.4s, #32
    T fcvtzu v1.2d, v2.2d, #64
    T fcvtzu v1.2d, v2.2d, #1
    T fcvtzu s1, s2, #32
    T fcvtzu d1, d2, #64
    T fcvtzu s1, s2, #1
    br x26

    .data
    .balign 16
state0:
    .quad 0x177219d3f2a4d27b, 0xab73738f00000000, 0x5f0000004067c358, 0xa372db8f00000000
    .quad 0x8b4f2fc13f000000, 0xbfc0000080877b6f, 0xcf0000005d300cb9, 0x8697bbd06c71c4a6
    .quad 0x3f80000000000000, 0x3f00000000000000, 0x000000003f000000, 0xbc01bfce72154e76
    .quad 0x5a91c89b3effffff, 0x40490fdb00800000, 0x00000001761ebfd2, 0x3effffff4b000001
    .quad 0x7604e4b400800000, 0x7c9260dcbf000000, 0xd5c44a4ecf000000, 0x4b0000015f000000
    .quad 0x3f0000003f000000, 0x8000000040200000, 0x9f8e4ce03effffff, 0xb9d7d01fc8c69069
    .quad 0x1b2d19a280000000, 0x00000001bfc00000, 0x22f1a8317f800000, 0xf18e85983ead4efe
    .quad 0xc268a20e6c4454b9, 0x000000013effffff, 0x7fc000007fc00000, 0xff8000003f800000
    .quad 0x85e951862838e766, 0x0000000140490fdb, 0x5f000000bfc00000, 0x4b0000017f800000
    .quad 0x5f00000000800000, 0x40490fdbe6eacb0f, 0x00000001b4917fc0, 0x063238dacf000000
    .quad 0x40490fdbff800000, 0xcf000000cf000000, 0xa73fa0b25f000000, 0xaba9e7b8bf000000
    .quad 0x00000000bfc00000, 0xbfc0000000000001, 0x12d405073b8367dc, 0x5f00000040200000
    .quad 0x7f7fffff41b1256d, 0x40490fdb3f800000, 0x7fc000007f800000, 0x000000017f800000
    .quad 0x008000003f800000, 0x80000000bf000000, 0x6f092ec580000000, 0xbfc000003f800000
    .quad 0x00000000edcb1f9a, 0x5dbe3b83a9cd8311, 0x4f0000007f800000, 0x7fa000003effffff
    .quad 0x3f8000004f000000, 0x4b0000010f5b8e2c, 0x3f80000040200000, 0x7fc000003effffff
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000000000000
    .balign 16
state1:
    .quad 0x14a03569d26b9496, 0x43e0000000000000, 0x0000000000000000, 0x36a0000000000000
    .quad 0x5f877031bc1e3ac1, 0x3ff0000000000000, 0x0000000000000001, 0xe91b4ad169fc5360
    .quad 0x7ff0000000000000, 0x43e0000000000000, 0x7ff8000000000000, 0xfd80206055e8b3eb
    .quad 0x3fe0000000000000, 0xb31a5bf371f970cf, 0x0000000000000001, 0x4a8b0188cbe19514
    .quad 0xc004000000000000, 0x0000000000000001, 0x5c41d5c5e9a51fb2, 0x0000000000000001
    .quad 0x47f0000000000000, 0xa22ba4d70746a9ba, 0x3fe0000000000000, 0x7ff0000000000000
    .quad 0x47f0000000000000, 0x43e0000000000000, 0x0000000000000001, 0x7fefffffffffffff
    .quad 0x0000000000000001, 0xb2beca81e0408802, 0x0000000000000001, 0xa5e27d6e045df64a
    .quad 0xc3e0000000000000, 0x47f0000000000000, 0x0000000000000000, 0x36a0000000000000
    .quad 0x3fe0000000000000, 0x7ff4000000000000, 0x4330000000000001, 0x7ff8000000000000
    .quad 0xded773c7ab935923, 0xc8ae360c727b5109, 0x13939704cbcd2231, 0x36a0000000000000
    .quad 0x3fe0000000000000, 0xbf1baa5e31307085, 0x4330000000000001, 0x8000000000000000
    .quad 0x7ff0000000000000, 0x400921fb54442d18, 0x47f0000000000000, 0x47f0000000000000
    .quad 0x3fe0000000000000, 0x9cb7a4716bf7578e, 0x36a0000000000000, 0x36a0000000000000
    .quad 0x7ff4000000000000, 0x4330000000000001, 0x8000000000000000, 0x9e93cd33ec4edd58
    .quad 0x43e0000000000000, 0x7ff4000000000000, 0xcb1ed1bdbab3c63e, 0xc3e0000000000000
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000000000000
    .balign 16
state2:
    .quad 0xbfc00000ff800000, 0x40200000bf000000, 0x7fc000003f000000, 0xbf0000007fc00000
    .quad 0x0000000140200000, 0x93bd04cf40200000, 0x0becd7b0bfc00000, 0xff800000ff800000
    .quad 0x0000000040200000, 0x3effffff40200000, 0x5f0000007fc00000, 0xcf000000bf000000
    .quad 0x0000000100800000, 0x14f4733fb2f14c94, 0xcf0000003f000000, 0x7fc0000049b64a08
    .quad 0xcf0000007fa00000, 0x7fc000004b000001, 0xd17f9aca92b1d3f2, 0x402000003effffff
    .quad 0xf1d69ed6119a72d1, 0x4f0000007fc00000, 0x40490fdb00800000, 0x0080000058d5563d
    .quad 0xbfc000005f000000, 0x000000014f000000, 0x008000004b000001, 0xd1bc52d97f7fffff
    .quad 0x7fa00000bf000000, 0xf52ddf5daec6f024, 0x000000017fc00000, 0x402000003f800000
    .quad 0x7fa000004f000000, 0xff8000005f000000, 0xa7abe1c23f000000, 0xbf000000bfc00000
    .quad 0x4b00000140490fdb, 0x80000000bfc00000, 0xbfc000007f800000, 0x7f80000040200000
    .quad 0x800000009d1de2a0, 0x3effffffff800000, 0x4b0000014b000001, 0x4f000000774b15d7
    .quad 0xbd87a8657f800000, 0x8000000000000000, 0xbf000000873be078, 0x7fc00000c215a82a
    .quad 0x000000007f7fffff, 0x3f00000000000001, 0x8000000000000001, 0x00000001d17e4497
    .quad 0x3f8000004b000001, 0x7f7fffffca44eb86, 0x727d83495f000000, 0xf47aebddb91ee9e5
    .quad 0x00000001149e259b, 0x5f000000cf000000, 0x7abec5399c3a23cd, 0x15b40aeb5810d60e
    .quad 0xc84500701eb20109, 0x00000000330698a1, 0x40490fdbcf000000, 0x2b855c1f7fc00000
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000003c00000
    .balign 16
state3:
    .quad 0x7ff4000000000000, 0xc004000000000000, 0x7fefffffffffffff, 0x359b154881a0d5b3
    .quad 0x3ff0000000000000, 0x4330000000000001, 0x0000000000000001, 0x16edc5d467164890
    .quad 0x3ff0000000000000, 0x685ca8af852a5fba, 0x7ff4000000000000, 0x4223aa56a9b7e3ea
    .quad 0x7ff8000000000000, 0x7ff4000000000000, 0xc004000000000000, 0x7ff8000000000000
    .quad 0x47f0000000000000, 0xcef2d30194df943c, 0x7ff8000000000000, 0xc004000000000000
    .quad 0x0000000000000001, 0x4330000000000001, 0x71f47e49e18692e2, 0x400921fb54442d18
    .quad 0x228dc5196d16328f, 0x7ff0000000000000, 0x41dfffffffc00000, 0xa4d70dfcf3332eb0
    .quad 0x9fbd873580ed5503, 0x0000000000000000, 0xc3e0000000000000, 0x7ff8000000000000
    .quad 0x81e6187fdb522231, 0x384ef90a8b80eb31, 0x3ff0000000000000, 0x7fefffffffffffff
    .quad 0x3fe0000000000000, 0xc3e0000000000000, 0x6abb3e13e4373a7d, 0x7ff4000000000000
    .quad 0x3ff0000000000000, 0x8000000000000000, 0x3ff0000000000000, 0x57813f856165598c
    .quad 0x6f83f5be91b23a19, 0x68fc60bf23980554, 0x3fe0000000000000, 0x7ff8000000000000
    .quad 0x7ff0000000000000, 0x7ff0000000000000, 0x5c33b37c86fc1635, 0x47f0000000000000
    .quad 0x0000000000000000, 0x308edbda101f0ed6, 0x0000000000000000, 0x7ff0000000000000
    .quad 0x534fac5659f84058, 0xa55631eb00c0b01b, 0x0f87ce0635c7ee33, 0xe2061071087aa5e6
    .quad 0xcefa6d8cc266970a, 0x2c066807947b65bf, 0x3fe0000000000000, 0x7ff8000000000000
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000003c00000
