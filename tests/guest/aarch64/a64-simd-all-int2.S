/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every Advanced SIMD instruction form the decoder implements, in each
 * arrangement, run from fixed register states: the second half of the
 * integer, permute and copy forms.  After each instruction all 32 vector
 * registers, X1-X3 and FPSR are hashed (FNV-1a) and printed with the
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
    T saddl2 v1.8h, v2.16b, v3.16b
    T saddl2 v1.4s, v2.8h, v3.8h
    T saddl2 v1.2d, v2.4s, v3.4s
    T uaddl v1.8h, v2.8b, v3.8b
    T uaddl v1.4s, v2.4h, v3.4h
    T uaddl v1.2d, v2.2s, v3.2s
    T uaddl2 v1.8h, v2.16b, v3.16b
    T uaddl2 v1.4s, v2.8h, v3.8h
    T uaddl2 v1.2d, v2.4s, v3.4s
    T ssubl v1.8h, v2.8b, v3.8b
    T ssubl v1.4s, v2.4h, v3.4h
    T ssubl v1.2d, v2.2s, v3.2s
    T ssubl2 v1.8h, v2.16b, v3.16b
    T ssubl2 v1.4s, v2.8h, v3.8h
    T ssubl2 v1.2d, v2.4s, v3.4s
    T usubl v1.8h, v2.8b, v3.8b
    T usubl v1.4s, v2.4h, v3.4h
    T usubl v1.2d, v2.2s, v3.2s
    T usubl2 v1.8h, v2.16b, v3.16b
    T usubl2 v1.4s, v2.8h, v3.8h
    T usubl2 v1.2d, v2.4s, v3.4s
    T sabal v1.8h, v2.8b, v3.8b
    T sabal v1.4s, v2.4h, v3.4h
    T sabal v1.2d, v2.2s, v3.2s
    T sabal2 v1.8h, v2.16b, v3.16b
    T sabal2 v1.4s, v2.8h, v3.8h
    T sabal2 v1.2d, v2.4s, v3.4s
    T uabal v1.8h, v2.8b, v3.8b
    T uabal v1.4s, v2.4h, v3.4h
    T uabal v1.2d, v2.2s, v3.2s
    T uabal2 v1.8h, v2.16b, v3.16b
    T uabal2 v1.4s, v2.8h, v3.8h
    T uabal2 v1.2d, v2.4s, v3.4s
    T sabdl v1.8h, v2.8b, v3.8b
    T sabdl v1.4s, v2.4h, v3.4h
    T sabdl v1.2d, v2.2s, v3.2s
    T sabdl2 v1.8h, v2.16b, v3.16b
    T sabdl2 v1.4s, v2.8h, v3.8h
    T sabdl2 v1.2d, v2.4s, v3.4s
    T uabdl v1.8h, v2.8b, v3.8b
    T uabdl v1.4s, v2.4h, v3.4h
    T uabdl v1.2d, v2.2s, v3.2s
    T uabdl2 v1.8h, v2.16b, v3.16b
    T uabdl2 v1.4s, v2.8h, v3.8h
    T uabdl2 v1.2d, v2.4s, v3.4s
    T smlal v1.8h, v2.8b, v3.8b
    T smlal v1.4s, v2.4h, v3.4h
    T smlal v1.2d, v2.2s, v3.2s
    T smlal2 v1.8h, v2.16b, v3.16b
    T smlal2 v1.4s, v2.8h, v3.8h
    T smlal2 v1.2d, v2.4s, v3.4s
    T umlal v1.8h, v2.8b, v3.8b
    T umlal v1.4s, v2.4h, v3.4h
    T umlal v1.2d, v2.2s, v3.2s
    T umlal2 v1.8h, v2.16b, v3.16b
    T umlal2 v1.4s, v2.8h, v3.8h
    T umlal2 v1.2d, v2.4s, v3.4s
    T smlsl v1.8h, v2.8b, v3.8b
    T smlsl v1.4s, v2.4h, v3.4h
    T smlsl v1.2d, v2.2s, v3.2s
    T smlsl2 v1.8h, v2.16b, v3.16b
    T smlsl2 v1.4s, v2.8h, v3.8h
    T smlsl2 v1.2d, v2.4s, v3.4s
    T umlsl v1.8h, v2.8b, v3.8b
    T umlsl v1.4s, v2.4h, v3.4h
    T umlsl v1.2d, v2.2s, v3.2s
    T umlsl2 v1.8h, v2.16b, v3.16b
    T umlsl2 v1.4s, v2.8h, v3.8h
    T umlsl2 v1.2d, v2.4s, v3.4s
    T smull v1.8h, v2.8b, v3.8b
    T smull v1.4s, v2.4h, v3.4h
    T smull v1.2d, v2.2s, v3.2s
    T smull2 v1.8h, v2.16b, v3.16b
    T smull2 v1.4s, v2.8h, v3.8h
    T smull2 v1.2d, v2.4s, v3.4s
    T umull v1.8h, v2.8b, v3.8b
    T umull v1.4s, v2.4h, v3.4h
    T umull v1.2d, v2.2s, v3.2s
    T umull2 v1.8h, v2.16b, v3.16b
    T umull2 v1.4s, v2.8h, v3.8h
    T umull2 v1.2d, v2.4s, v3.4s
    T saddw v1.8h, v2.8h, v3.8b
    T saddw v1.4s, v2.4s, v3.4h
    T saddw v1.2d, v2.2d, v3.2s
    T saddw2 v1.8h, v2.8h, v3.16b
    T saddw2 v1.4s, v2.4s, v3.8h
    T saddw2 v1.2d, v2.2d, v3.4s
    T uaddw v1.8h, v2.8h, v3.8b
    T uaddw v1.4s, v2.4s, v3.4h
    T uaddw v1.2d, v2.2d, v3.2s
    T uaddw2 v1.8h, v2.8h, v3.16b
    T uaddw2 v1.4s, v2.4s, v3.8h
    T uaddw2 v1.2d, v2.2d, v3.4s
    T ssubw v1.8h, v2.8h, v3.8b
    T ssubw v1.4s, v2.4s, v3.4h
    T ssubw v1.2d, v2.2d, v3.2s
    T ssubw2 v1.8h, v2.8h, v3.16b
    T ssubw2 v1.4s, v2.4s, v3.8h
    T ssubw2 v1.2d, v2.2d, v3.4s
    T usubw v1.8h, v2.8h, v3.8b
    T usubw v1.4s, v2.4s, v3.4h
    T usubw v1.2d, v2.2d, v3.2s
    T usubw2 v1.8h, v2.8h, v3.16b
    T usubw2 v1.4s, v2.4s, v3.8h
    T usubw2 v1.2d, v2.2d, v3.4s
    T addhn v1.8b, v2.8h, v3.8h
    T addhn v1.4h, v2.4s, v3.4s
    T addhn v1.2s, v2.2d, v3.2d
    T addhn2 v1.16b, v2.8h, v3.8h
    T addhn2 v1.8h, v2.4s, v3.4s
    T addhn2 v1.4s, v2.2d, v3.2d
    T raddhn v1.8b, v2.8h, v3.8h
    T raddhn v1.4h, v2.4s, v3.4s
    T raddhn v1.2s, v2.2d, v3.2d
    T raddhn2 v1.16b, v2.8h, v3.8h
    T raddhn2 v1.8h, v2.4s, v3.4s
    T raddhn2 v1.4s, v2.2d, v3.2d
    T subhn v1.8b, v2.8h, v3.8h
    T subhn v1.4h, v2.4s, v3.4s
    T subhn v1.2s, v2.2d, v3.2d
    T subhn2 v1.16b, v2.8h, v3.8h
    T subhn2 v1.8h, v2.4s, v3.4s
    T subhn2 v1.4s, v2.2d, v3.2d
    T rsubhn v1.8b, v2.8h, v3.8h
    T rsubhn v1.4h, v2.4s, v3.4s
    T rsubhn v1.2s, v2.2d, v3.2d
    T rsubhn2 v1.16b, v2.8h, v3.8h
    T rsubhn2 v1.8h, v2.4s, v3.4s
    T rsubhn2 v1.4s, v2.2d, v3.2d
    T sqdmlal v1.4s, v2.4h, v3.4h
    T sqdmlal v1.2d, v2.2s, v3.2s
    T sqdmlal2 v1.4s, v2.8h, v3.8h
    T sqdmlal2 v1.2d, v2.4s, v3.4s
    T sqdmlal s1, h2, h3
    T sqdmlal d1, s2, s3
    T sqdmlal v1.4s, v2.4h, v3.h[7]
    T sqdmlal2 v1.2d, v2.4s, v19.s[3]
    T sqdmlal s1, h2, v3.h[5]
    T sqdmlal d1, s2, v19.s[1]
    T sqdmlsl v1.4s, v2.4h, v3.4h
    T sqdmlsl v1.2d, v2.2s, v3.2s
    T sqdmlsl2 v1.4s, v2.8h, v3.8h
    T sqdmlsl2 v1.2d, v2.4s, v3.4s
    T sqdmlsl s1, h2, h3
    T sqdmlsl d1, s2, s3
    T sqdmlsl v1.4s, v2.4h, v3.h[7]
    T sqdmlsl2 v1.2d, v2.4s, v19.s[3]
    T sqdmlsl s1, h2, v3.h[5]
    T sqdmlsl d1, s2, v19.s[1]
    T sqdmull v1.4s, v2.4h, v3.4h
    T sqdmull v1.2d, v2.2s, v3.2s
    T sqdmull2 v1.4s, v2.8h, v3.8h
    T sqdmull2 v1.2d, v2.4s, v3.4s
    T sqdmull s1, h2, h3
    T sqdmull d1, s2, s3
    T sqdmull v1.4s, v2.4h, v3.h[7]
    T sqdmull2 v1.2d, v2.4s, v19.s[3]
    T sqdmull s1, h2, v3.h[5]
    T sqdmull d1, s2, v19.s[1]
    T pmull v1.8h, v2.8b, v3.8b
    T pmull2 v1.8h, v2.16b, v3.16b
    T mul v1.4h, v2.4h, v3.h[7]
    T mul v1.8h, v2.8h, v15.h[2]
    T mul v1.2s, v2.2s, v31.s[3]
    T mul v1.4s, v2.4s, v17.s[1]
    T mla v1.4h, v2.4h, v3.h[7]
    T mla v1.8h, v2.8h, v15.h[2]
    T mla v1.2s, v2.2s, v31.s[3]
    T mla v1.4s, v2.4s, v17.s[1]
    T mls v1.4h, v2.4h, v3.h[7]
    T mls v1.8h, v2.8h, v15.h[2]
    T mls v1.2s, v2.2s, v31.s[3]
    T mls v1.4s, v2.4s, v17.s[1]
    T sqdmulh v1.4h, v2.4h, v3.h[7]
    T sqdmulh v1.8h, v2.8h, v15.h[2]
    T sqdmulh v1.2s, v2.2s, v31.s[3]
    T sqdmulh v1.4s, v2.4s, v17.s[1]
    T sqrdmulh v1.4h, v2.4h, v3.h[7]
    T sqrdmulh v1.8h, v2.8h, v15.h[2]
    T sqrdmulh v1.2s, v2.2s, v31.s[3]
    T sqrdmulh v1.4s, v2.4s, v17.s[1]
    T sqdmulh h1, h2, v3.h[6]
    T sqdmulh s1, s2, v23.s[2]
    T sqrdmulh h1, h2, v3.h[6]
    T sqrdmulh s1, s2, v23.s[2]
    T smull v1.4s, v2.4h, v3.h[7]
    T smull2 v1.4s, v2.8h, v3.h[1]
    T smull v1.2d, v2.2s, v23.s[3]
    T smull2 v1.2d, v2.4s, v23.s[0]
    T umull v1.4s, v2.4h, v3.h[7]
    T umull2 v1.4s, v2.8h, v3.h[1]
    T umull v1.2d, v2.2s, v23.s[3]
    T umull2 v1.2d, v2.4s, v23.s[0]
    T smlal v1.4s, v2.4h, v3.h[7]
    T smlal2 v1.4s, v2.8h, v3.h[1]
    T smlal v1.2d, v2.2s, v23.s[3]
    T smlal2 v1.2d, v2.4s, v23.s[0]
    T umlal v1.4s, v2.4h, v3.h[7]
    T umlal2 v1.4s, v2.8h, v3.h[1]
    T umlal v1.2d, v2.2s, v23.s[3]
    T umlal2 v1.2d, v2.4s, v23.s[0]
    T smlsl v1.4s, v2.4h, v3.h[7]
    T smlsl2 v1.4s, v2.8h, v3.h[1]
    T smlsl v1.2d, v2.2s, v23.s[3]
    T smlsl2 v1.2d, v2.4s, v23.s[0]
    T umlsl v1.4s, v2.4h, v3.h[7]
    T umlsl2 v1.4s, v2.8h, v3.h[1]
    T umlsl v1.2d, v2.2s, v23.s[3]
    T umlsl2 v1.2d, v2.4s, v23.s[0]
    T dup v1.8b, v2.b[15]
    T dup v1.8b, w3
    T dup v1.16b, v2.b[15]
    T dup v1.16b, w3
    T mov v1.b[15], w3
    T mov v1.b[15], v2.b[0]
    T mov v1.b[0], v2.b[15]
    T mov b1, v2.b[15]
    T umov w1, v2.b[15]
    T dup v1.4h, v2.h[7]
    T dup v1.4h, w3
    T dup v1.8h, v2.h[7]
    T dup v1.8h, w3
    T mov v1.h[7], w3
    T mov v1.h[7], v2.h[0]
    T mov v1.h[0], v2.h[7]
    T mov h1, v2.h[7]
    T umov w1, v2.h[7]
    T dup v1.2s, v2.s[3]
    T dup v1.2s, w3
    T dup v1.4s, v2.s[3]
    T dup v1.4s, w3
    T mov v1.s[3], w3
    T mov v1.s[3], v2.s[0]
    T mov v1.s[0], v2.s[3]
    T mov s1, v2.s[3]
    T umov w1, v2.s[3]
    T dup v1.2d, v2.d[1]
    T dup v1.2d, x3
    T mov v1.d[1], x3
    T mov v1.d[1], v2.d[0]
    T mov v1.d[0], v2.d[1]
    T mov d1, v2.d[1]
    T umov x1, v2.d[1]
    T smov w1, v2.b[15]
    T smov w1, v2.h[7]
    T smov x1, v2.b[15]
    T smov x1, v2.h[7]
    T smov x1, v2.s[3]
    T movi v1.2s, #0x5a, lsl #0
    T mvni v1.2s, #0x5a, lsl #0
    T orr v1.2s, #0x5a, lsl #0
    T bic v1.2s, #0x5a, lsl #0
    T movi v1.2s, #0x5a, lsl #8
    T mvni v1.2s, #0x5a, lsl #8
    T orr v1.2s, #0x5a, lsl #8
    T bic v1.2s, #0x5a, lsl #8
    T movi v1.2s, #0x5a, lsl #16
    T mvni v1.2s, #0x5a, lsl #16
    T orr v1.2s, #0x5a, lsl #16
    T bic v1.2s, #0x5a, lsl #16
    T movi v1.2s, #0x5a, lsl #24
    T mvni v1.2s, #0x5a, lsl #24
    T orr v1.2s, #0x5a, lsl #24
    T bic v1.2s, #0x5a, lsl #24
    T movi v1.2s, #0x5a, msl #8
    T movi v1.2s, #0x5a, msl #16
    T mvni v1.2s, #0x5a, msl #8
    T mvni v1.2s, #0x5a, msl #16
    T movi v1.4s, #0x5a, lsl #0
    T mvni v1.4s, #0x5a, lsl #0
    T orr v1.4s, #0x5a, lsl #0
    T bic v1.4s, #0x5a, lsl #0
    T movi v1.4s, #0x5a, lsl #8
    T mvni v1.4s, #0x5a, lsl #8
    T orr v1.4s, #0x5a, lsl #8
    T bic v1.4s, #0x5a, lsl #8
    T movi v1.4s, #0x5a, lsl #16
    T mvni v1.4s, #0x5a, lsl #16
    T orr v1.4s, #0x5a, lsl #16
    T bic v1.4s, #0x5a, lsl #16
    T movi v1.4s, #0x5a, lsl #24
    T mvni v1.4s, #0x5a, lsl #24
    T orr v1.4s, #0x5a, lsl #24
    T bic v1.4s, #0x5a, lsl #24
    T movi v1.4s, #0x5a, msl #8
    T movi v1.4s, #0x5a, msl #16
    T mvni v1.4s, #0x5a, msl #8
    T mvni v1.4s, #0x5a, msl #16
    T movi v1.4h, #0x5a, lsl #0
    T mvni v1.4h, #0x5a, lsl #0
    T orr v1.4h, #0x5a, lsl #0
    T bic v1.4h, #0x5a, lsl #0
    T movi v1.4h, #0x5a, lsl #8
    T mvni v1.4h, #0x5a, lsl #8
    T orr v1.4h, #0x5a, lsl #8
    T bic v1.4h, #0x5a, lsl #8
    T movi v1.8h, #0x5a, lsl #0
    T mvni v1.8h, #0x5a, lsl #0
    T orr v1.8h, #0x5a, lsl #0
    T bic v1.8h, #0x5a, lsl #0
    T movi v1.8h, #0x5a, lsl #8
    T mvni v1.8h, #0x5a, lsl #8
    T orr v1.8h, #0x5a, lsl #8
    T bic v1.8h, #0x5a, lsl #8
    T movi v1.8b, #0xa5
    T movi v1.16b, #0xa5
    T movi d1, #0xff00ff0000ffff00
    T movi v1.2d, #0xff00ff0000ffff00
    T uzp1 v1.8b, v2.8b, v3.8b
    T uzp1 v1.16b, v2.16b, v3.16b
    T uzp1 v1.4h, v2.4h, v3.4h
    T uzp1 v1.8h, v2.8h, v3.8h
    T uzp1 v1.2s, v2.2s, v3.2s
    T uzp1 v1.4s, v2.4s, v3.4s
    T uzp1 v1.2d, v2.2d, v3.2d
    T uzp2 v1.8b, v2.8b, v3.8b
    T uzp2 v1.16b, v2.16b, v3.16b
    T uzp2 v1.4h, v2.4h, v3.4h
    T uzp2 v1.8h, v2.8h, v3.8h
    T uzp2 v1.2s, v2.2s, v3.2s
    T uzp2 v1.4s, v2.4s, v3.4s
    T uzp2 v1.2d, v2.2d, v3.2d
    T trn1 v1.8b, v2.8b, v3.8b
    T trn1 v1.16b, v2.16b, v3.16b
    T trn1 v1.4h, v2.4h, v3.4h
    T trn1 v1.8h, v2.8h, v3.8h
    T trn1 v1.2s, v2.2s, v3.2s
    T trn1 v1.4s, v2.4s, v3.4s
    T trn1 v1.2d, v2.2d, v3.2d
    T trn2 v1.8b, v2.8b, v3.8b
    T trn2 v1.16b, v2.16b, v3.16b
    T trn2 v1.4h, v2.4h, v3.4h
    T trn2 v1.8h, v2.8h, v3.8h
    T trn2 v1.2s, v2.2s, v3.2s
    T trn2 v1.4s, v2.4s, v3.4s
    T trn2 v1.2d, v2.2d, v3.2d
    T zip1 v1.8b, v2.8b, v3.8b
    T zip1 v1.16b, v2.16b, v3.16b
    T zip1 v1.4h, v2.4h, v3.4h
    T zip1 v1.8h, v2.8h, v3.8h
    T zip1 v1.2s, v2.2s, v3.2s
    T zip1 v1.4s, v2.4s, v3.4s
    T zip1 v1.2d, v2.2d, v3.2d
    T zip2 v1.8b, v2.8b, v3.8b
    T zip2 v1.16b, v2.16b, v3.16b
    T zip2 v1.4h, v2.4h, v3.4h
    T zip2 v1.8h, v2.8h, v3.8h
    T zip2 v1.2s, v2.2s, v3.2s
    T zip2 v1.4s, v2.4s, v3.4s
    T zip2 v1.2d, v2.2d, v3.2d
    T ext v1.8b, v2.8b, v3.8b, #7
    T ext v1.16b, v2.16b, v3.16b, #15
    T tbl v1.8b, {v30.16b}, v3.8b
    T tbx v1.16b, {v30.16b}, v3.16b
    T tbl v1.8b, {v30.16b, v31.16b}, v3.8b
    T tbx v1.16b, {v30.16b, v31.16b}, v3.16b
    T tbl v1.8b, {v30.16b, v31.16b, v0.16b}, v3.8b
    T tbx v1.16b, {v30.16b, v31.16b, v0.16b}, v3.16b
    T tbl v1.8b, {v30.16b, v31.16b, v0.16b, v1.16b}, v3.8b
    T tbx v1.16b, {v30.16b, v31.16b, v0.16b, v1.16b}, v3.16b
    T sshr v1.8b, v2.8b, #8
    T sshr v1.16b, v2.16b, #1
    T sshr v1.4h, v2.4h, #16
    T sshr v1.8h, v2.8h, #3
    T sshr v1.2s, v2.2s, #32
    T sshr v1.4s, v2.4s, #5
    T sshr v1.2d, v2.2d, #64
    T sshr d1, d2, #64
    T sshr d1, d2, #1
    T ushr v1.8b, v2.8b, #8
    T ushr v1.16b, v2.16b, #1
    T ushr v1.4h, v2.4h, #16
    T ushr v1.8h, v2.8h, #3
    T ushr v1.2s, v2.2s, #32
    T ushr v1.4s, v2.4s, #5
    T ushr v1.2d, v2.2d, #64
    T ushr d1, d2, #64
    T ushr d1, d2, #1
    T ssra v1.8b, v2.8b, #8
    T ssra v1.16b, v2.16b, #1
    T ssra v1.4h, v2.4h, #16
    T ssra v1.8h, v2.8h, #3
    T ssra v1.2s, v2.2s, #32
    T ssra v1.4s, v2.4s, #5
    T ssra v1.2d, v2.2d, #64
    T ssra d1, d2, #64
    T ssra d1, d2, #1
    T usra v1.8b, v2.8b, #8
    T usra v1.16b, v2.16b, #1
    T usra v1.4h, v2.4h, #16
    T usra v1.8h, v2.8h, #3
    T usra v1.2s, v2.2s, #32
    T usra v1.4s, v2.4s, #5
    T usra v1.2d, v2.2d, #64
    T usra d1, d2, #64
    T usra d1, d2, #1
    T srshr v1.8b, v2.8b, #8
    T srshr v1.16b, v2.16b, #1
    T srshr v1.4h, v2.4h, #16
    T srshr v1.8h, v2.8h, #3
    T srshr v1.2s, v2.2s, #32
    T srshr v1.4s, v2.4s, #5
    T srshr v1.2d, v2.2d, #64
    T srshr d1, d2, #64
    T srshr d1, d2, #1
    T urshr v1.8b, v2.8b, #8
    T urshr v1.16b, v2.16b, #1
    T urshr v1.4h, v2.4h, #16
    T urshr v1.8h, v2.8h, #3
    T urshr v1.2s, v2.2s, #32
    T urshr v1.4s, v2.4s, #5
    T urshr v1.2d, v2.2d, #64
    T urshr d1, d2, #64
    T urshr d1, d2, #1
    T srsra v1.8b, v2.8b, #8
    T srsra v1.16b, v2.16b, #1
    T srsra v1.4h, v2.4h, #16
    T srsra v1.8h, v2.8h, #3
    T srsra v1.2s, v2.2s, #32
    T srsra v1.4s, v2.4s, #5
    T srsra v1.2d, v2.2d, #64
    T srsra d1, d2, #64
    T srsra d1, d2, #1
    T ursra v1.8b, v2.8b, #8
    T ursra v1.16b, v2.16b, #1
    T ursra v1.4h, v2.4h, #16
    T ursra v1.8h, v2.8h, #3
    T ursra v1.2s, v2.2s, #32
    T ursra v1.4s, v2.4s, #5
    T ursra v1.2d, v2.2d, #64
    T ursra d1, d2, #64
    T ursra d1, d2, #1
    T sri v1.8b, v2.8b, #8
    T sri v1.16b, v2.16b, #1
    T sri v1.4h, v2.4h, #16
    T sri v1.8h, v2.8h, #3
    T sri v1.2s, v2.2s, #32
    T sri v1.4s, v2.4s, #5
    T sri v1.2d, v2.2d, #64
    T sri d1, d2, #64
    T sri d1, d2, #1
    T shl v1.8b, v2.8b, #7
    T shl v1.16b, v2.16b, #0
    T shl v1.4h, v2.4h, #15
    T shl v1.8h, v2.8h, #3
    T shl v1.2s, v2.2s, #31
    T shl v1.4s, v2.4s, #5
    T shl v1.2d, v2.2d, #63
    T shl d1, d2, #63
    T sli v1.8b, v2.8b, #7
    T sli v1.16b, v2.16b, #0
    T sli v1.4h, v2.4h, #15
    T sli v1.8h, v2.8h, #3
    T sli v1.2s, v2.2s, #31
    T sli v1.4s, v2.4s, #5
    T sli v1.2d, v2.2d, #63
    T sli d1, d2, #63
    T sqshl v1.8b, v2.8b, #7
    T sqshl v1.16b, v2.16b, #0
    T sqshl v1.4h, v2.4h, #15
    T sqshl v1.8h, v2.8h, #3
    T sqshl v1.2s, v2.2s, #31
    T sqshl v1.4s, v2.4s, #5
    T sqshl v1.2d, v2.2d, #63
    T sqshl d1, d2, #63
    T uqshl v1.8b, v2.8b, #7
    T uqshl v1.16b, v2.16b, #0
    T uqshl v1.4h, v2.4h, #15
    T uqshl v1.8h, v2.8h, #3
    T uqshl v1.2s, v2.2s, #31
    T uqshl v1.4s, v2.4s, #5
    T uqshl v1.2d, v2.2d, #63
    T uqshl d1, d2, #63
    T sqshlu v1.8b, v2.8b, #7
    T sqshlu v1.16b, v2.16b, #0
    T sqshlu v1.4h, v2.4h, #15
    T sqshlu v1.8h, v2.8h, #3
    T sqshlu v1.2s, v2.2s, #31
    T sqshlu v1.4s, v2.4s, #5
    T sqshlu v1.2d, v2.2d, #63
    T sqshlu d1, d2, #63
    T sqshl b1, b2, #7
    T sqshl h1, h2, #15
    T sqshl s1, s2, #31
    T uqshl b1, b2, #7
    T uqshl h1, h2, #15
    T uqshl s1, s2, #31
    T sqshlu b1, b2, #7
    T sqshlu h1, h2, #15
    T sqshlu s1, s2, #31
    T shrn v1.8b, v2.8h, #8
    T shrn v1.4h, v2.4s, #16
    T shrn v1.2s, v2.2d, #32
    T shrn v1.8b, v2.8h, #1
    T shrn2 v1.16b, v2.8h, #8
    T shrn2 v1.8h, v2.4s, #1
    T shrn2 v1.4s, v2.2d, #32
    T rshrn v1.8b, v2.8h, #8
    T rshrn v1.4h, v2.4s, #16
    T rshrn v1.2s, v2.2d, #32
    T rshrn v1.8b, v2.8h, #1
    T rshrn2 v1.16b, v2.8h, #8
    T rshrn2 v1.8h, v2.4s, #1
    T rshrn2 v1.4s, v2.2d, #32
    T sqshrn v1.8b, v2.8h, #8
    T sqshrn v1.4h, v2.4s, #16
    T sqshrn v1.2s, v2.2d, #32
    T sqshrn v1.8b, v2.8h, #1
    T sqshrn2 v1.16b, v2.8h, #8
    T sqshrn2 v1.8h, v2.4s, #1
    T sqshrn2 v1.4s, v2.2d, #32
    T uqshrn v1.8b, v2.8h, #8
    T uqshrn v1.4h, v2.4s, #16
    T uqshrn v1.2s, v2.2d, #32
    T uqshrn v1.8b, v2.8h, #1
    T uqshrn2 v1.16b, v2.8h, #8
    T uqshrn2 v1.8h, v2.4s, #1
    T uqshrn2 v1.4s, v2.2d, #32
    T sqrshrn v1.8b, v2.8h, #8
    T sqrshrn v1.4h, v2.4s, #16
    T sqrshrn v1.2s, v2.2d, #32
    T sqrshrn v1.8b, v2.8h, #1
    T sqrshrn2 v1.16b, v2.8h, #8
    T sqrshrn2 v1.8h, v2.4s, #1
    T sqrshrn2 v1.4s, v2.2d, #32
    T uqrshrn v1.8b, v2.8h, #8
    T uqrshrn v1.4h, v2.4s, #16
    T uqrshrn v1.2s, v2.2d, #32
    T uqrshrn v1.8b, v2.8h, #1
    T uqrshrn2 v1.16b, v2.8h, #8
    T uqrshrn2 v1.8h, v2.4s, #1
    T uqrshrn2 v1.4s, v2.2d, #32
    T sqshrun v1.8b, v2.8h, #8
    T sqshrun v1.4h, v2.4s, #16
    T sqshrun v1.2s, v2.2d, #32
    T sqshrun v1.8b, v2.8h, #1
    T sqshrun2 v1.16b, v2.8h, #8
    T sqshrun2 v1.8h, v2.4s, #1
    T sqshrun2 v1.4s, v2.2d, #32
    T sqrshrun v1.8b, v2.8h, #8
    T sqrshrun v1.4h, v2.4s, #16
    T sqrshrun v1.2s, v2.2d, #32
    T sqrshrun v1.8b, v2.8h, #1
    T sqrshrun2 v1.16b, v2.8h, #8
    T sqrshrun2 v1.8h, v2.4s, #1
    T sqrshrun2 v1.4s, v2.2d, #32
    T sqshrn b1, h2, #8
    T sqshrn h1, s2, #16
    T sqshrn s1, d2, #32
    T uqshrn b1, h2, #8
    T uqshrn h1, s2, #16
    T uqshrn s1, d2, #32
    T sqrshrn b1, h2, #8
    T sqrshrn h1, s2, #16
    T sqrshrn s1, d2, #32
    T uqrshrn b1, h2, #8
    T uqrshrn h1, s2, #16
    T uqrshrn s1, d2, #32
    T sqshrun b1, h2, #8
    T sqshrun h1, s2, #16
    T sqshrun s1, d2, #32
    T sqrshrun b1, h2, #8
    T sqrshrun h1, s2, #16
    T sqrshrun s1, d2, #32
    T sshll v1.8h, v2.8b, #7
    T sshll v1.4s, v2.4h, #0
    T sshll v1.2d, v2.2s, #31
    T sshll2 v1.8h, v2.16b, #0
    T sshll2 v1.4s, v2.8h, #15
    T sshll2 v1.2d, v2.4s, #1
    T ushll v1.8h, v2.8b, #7
    T ushll v1.4s, v2.4h, #0
    T ushll v1.2d, v2.2s, #31
    T ushll2 v1.8h, v2.16b, #0
    T ushll2 v1.4s, v2.8h, #15
    T ushll2 v1.2d, v2.4s, #1
    T sxtl v1.8h, v2.8b
    T uxtl2 v1.2d, v2.4s
    br x26

    .data
    .balign 16
state0:
    .quad 0x437ffec3ff017a01, 0x8081fefeffffce00, 0x81824f92018cd101, 0x80fea5474000806e
    .quad 0x80b51932fefe7080, 0x697ffffef401007f, 0x400028814a80d1de, 0x00f87f00808092fe
    .quad 0x8140803368ff0095, 0x5000ffc580007f81, 0x407f817eb7a7f6fd, 0xab471381cda781a4
    .quad 0x378191b00f442081, 0x8ffe808c81410336, 0x850123ff1c007078, 0xcc016640ff40d34c
    .quad 0x7f7f6cee80c66a83, 0x01997c1e0100fe7f, 0xffe85000a07f5b69, 0x2dac0157fe649c81
    .quad 0x9afffee781e2fefe, 0x40fcc2fe4019ce01, 0x87fefeb480b0ffbe, 0x679d404081fe81e6
    .quad 0xc77a80c14ffe019f, 0xfffe0180ff297f80, 0x7fb114e081bba1ff, 0x7fdc89417f01ff27
    .quad 0x7a80d2017f044781, 0x40967f61aeb44088, 0x15567aff360981e9, 0x8000edfcfeb201e4
    .quad 0x009f1282e31d7f01, 0x4008a14cfe3640f9, 0x46810052b4ff82c1, 0x21acff013552ed81
    .quad 0x80fec3e3ffb37f50, 0xcd00fe137ffe1880, 0xf30c2bfc9bbcfe80, 0x5c4064807eab4300
    .quad 0xfead31fe802ec281, 0xf37ffe01362f301c, 0x00fe817240598181, 0x222380009980007b
    .quad 0xfe58f5d6fe5ffeff, 0x7f7f981240da5d08, 0xff007f9a0c14580d, 0x5cdafe817ff58740
    .quad 0x00ffbf338000cc81, 0xf77f1000a1fe6c85, 0x976cff009f01aa53, 0x40f794944040897f
    .quad 0x802afe9e80d9fe29, 0x39af00004f013154, 0x810000016e40645f, 0x7d81fe21fef90b6f
    .quad 0xc2407f1780011781, 0x6f13fafeba65ff68, 0x9dacc6004829935e, 0xbf786e000170fe40
    .quad 0xab00bd40ca407f7f, 0xd6fec500ff00897f, 0x8300290180090080, 0x4301eab581fe8038
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000000000000
    .balign 16
state1:
    .quad 0x9261407fa6c600bd, 0x8001004001c47f80, 0xfe81b02ead804a2a, 0x40feffffb500fe7f
    .quad 0xf47f006b045b000e, 0x81dcc71b40fef180, 0xffb801fe0157fe17, 0x2155002574fe8100
    .quad 0x747f4b008169a190, 0xff2e7f7f7f407ab0, 0xb043ffffa9fe5c8c, 0xd4fefeffff00a6f4
    .quad 0x017afe7f84feb07f, 0x0a7f2e4007ff81ba, 0x3c01fe007f1c00fa, 0xfe4d008c01db815f
    .quad 0x7ff58177a481d14b, 0x614080817f01a959, 0x4000ffff814d427f, 0x497f3e404640d300
    .quad 0x76bbfe4c04bedd40, 0xa1b08130e3afff7f, 0xa56e0010778062db, 0xa901800089407fe9
    .quad 0xb42201010c81fa55, 0x1e00be01807f7f26, 0xad2623fe7dfe02e0, 0x81dd22ff80438ce9
    .quad 0x00fe407401091500, 0x8180aa15396d7f62, 0x8084f6cdfe60fe80, 0x8140597b40800065
    .quad 0xac7fff7881127f40, 0x80fe7fac005e5840, 0x40feffb481a80029, 0x00694001b9a58080
    .quad 0x7f80407d3c0190fd, 0xfe80a32df3008100, 0x21817c703601eb16, 0x015043012380b0e9
    .quad 0x12fecb0c403ef701, 0x01b3007121a700fe, 0xd3000049407f5261, 0x7f187f0080819cff
    .quad 0xf87f2b76401e8124, 0x8080fe3c08358100, 0x7f660fd7d0fec9fe, 0x9f40c1334801017d
    .quad 0xb0408300057f0080, 0xc29c01ff8500cc00, 0x9bd6fef401800069, 0x9d806000813d0135
    .quad 0xc413e5ccff01fefe, 0xfeff808168e0a001, 0x4001b0016f9aff00, 0x1c80d7d7e4ed4001
    .quad 0xf794ec2ed070017f, 0x014015fc40fe015d, 0xebc040ff12fe00f6, 0x800c018193c4407f
    .quad 0x017f17db8a6e0101, 0x0171310dde400024, 0x698100808100af99, 0x370180fec103ead2
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000000000000
