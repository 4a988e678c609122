/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every Advanced SIMD instruction form the decoder implements, in each
 * arrangement, run from fixed register states: the first half of the
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
    T shadd v1.8b, v2.8b, v3.8b
    T shadd v1.16b, v2.16b, v3.16b
    T shadd v1.4h, v2.4h, v3.4h
    T shadd v1.8h, v2.8h, v3.8h
    T shadd v1.2s, v2.2s, v3.2s
    T shadd v1.4s, v2.4s, v3.4s
    T uhadd v1.8b, v2.8b, v3.8b
    T uhadd v1.16b, v2.16b, v3.16b
    T uhadd v1.4h, v2.4h, v3.4h
    T uhadd v1.8h, v2.8h, v3.8h
    T uhadd v1.2s, v2.2s, v3.2s
    T uhadd v1.4s, v2.4s, v3.4s
    T srhadd v1.8b, v2.8b, v3.8b
    T srhadd v1.16b, v2.16b, v3.16b
    T srhadd v1.4h, v2.4h, v3.4h
    T srhadd v1.8h, v2.8h, v3.8h
    T srhadd v1.2s, v2.2s, v3.2s
    T srhadd v1.4s, v2.4s, v3.4s
    T urhadd v1.8b, v2.8b, v3.8b
    T urhadd v1.16b, v2.16b, v3.16b
    T urhadd v1.4h, v2.4h, v3.4h
    T urhadd v1.8h, v2.8h, v3.8h
    T urhadd v1.2s, v2.2s, v3.2s
    T urhadd v1.4s, v2.4s, v3.4s
    T shsub v1.8b, v2.8b, v3.8b
    T shsub v1.16b, v2.16b, v3.16b
    T shsub v1.4h, v2.4h, v3.4h
    T shsub v1.8h, v2.8h, v3.8h
    T shsub v1.2s, v2.2s, v3.2s
    T shsub v1.4s, v2.4s, v3.4s
    T uhsub v1.8b, v2.8b, v3.8b
    T uhsub v1.16b, v2.16b, v3.16b
    T uhsub v1.4h, v2.4h, v3.4h
    T uhsub v1.8h, v2.8h, v3.8h
    T uhsub v1.2s, v2.2s, v3.2s
    T uhsub v1.4s, v2.4s, v3.4s
    T smax v1.8b, v2.8b, v3.8b
    T smax v1.16b, v2.16b, v3.16b
    T smax v1.4h, v2.4h, v3.4h
    T smax v1.8h, v2.8h, v3.8h
    T smax v1.2s, v2.2s, v3.2s
    T smax v1.4s, v2.4s, v3.4s
    T smin v1.8b, v2.8b, v3.8b
    T smin v1.16b, v2.16b, v3.16b
    T smin v1.4h, v2.4h, v3.4h
    T smin v1.8h, v2.8h, v3.8h
    T smin v1.2s, v2.2s, v3.2s
    T smin v1.4s, v2.4s, v3.4s
    T umax v1.8b, v2.8b, v3.8b
    T umax v1.16b, v2.16b, v3.16b
    T umax v1.4h, v2.4h, v3.4h
    T umax v1.8h, v2.8h, v3.8h
    T umax v1.2s, v2.2s, v3.2s
    T umax v1.4s, v2.4s, v3.4s
    T umin v1.8b, v2.8b, v3.8b
    T umin v1.16b, v2.16b, v3.16b
    T umin v1.4h, v2.4h, v3.4h
    T umin v1.8h, v2.8h, v3.8h
    T umin v1.2s, v2.2s, v3.2s
    T umin v1.4s, v2.4s, v3.4s
    T sabd v1.8b, v2.8b, v3.8b
    T sabd v1.16b, v2.16b, v3.16b
    T sabd v1.4h, v2.4h, v3.4h
    T sabd v1.8h, v2.8h, v3.8h
    T sabd v1.2s, v2.2s, v3.2s
    T sabd v1.4s, v2.4s, v3.4s
    T uabd v1.8b, v2.8b, v3.8b
    T uabd v1.16b, v2.16b, v3.16b
    T uabd v1.4h, v2.4h, v3.4h
    T uabd v1.8h, v2.8h, v3.8h
    T uabd v1.2s, v2.2s, v3.2s
    T uabd v1.4s, v2.4s, v3.4s
    T saba v1.8b, v2.8b, v3.8b
    T saba v1.16b, v2.16b, v3.16b
    T saba v1.4h, v2.4h, v3.4h
    T saba v1.8h, v2.8h, v3.8h
    T saba v1.2s, v2.2s, v3.2s
    T saba v1.4s, v2.4s, v3.4s
    T uaba v1.8b, v2.8b, v3.8b
    T uaba v1.16b, v2.16b, v3.16b
    T uaba v1.4h, v2.4h, v3.4h
    T uaba v1.8h, v2.8h, v3.8h
    T uaba v1.2s, v2.2s, v3.2s
    T uaba v1.4s, v2.4s, v3.4s
    T mla v1.8b, v2.8b, v3.8b
    T mla v1.16b, v2.16b, v3.16b
    T mla v1.4h, v2.4h, v3.4h
    T mla v1.8h, v2.8h, v3.8h
    T mla v1.2s, v2.2s, v3.2s
    T mla v1.4s, v2.4s, v3.4s
    T mls v1.8b, v2.8b, v3.8b
    T mls v1.16b, v2.16b, v3.16b
    T mls v1.4h, v2.4h, v3.4h
    T mls v1.8h, v2.8h, v3.8h
    T mls v1.2s, v2.2s, v3.2s
    T mls v1.4s, v2.4s, v3.4s
    T mul v1.8b, v2.8b, v3.8b
    T mul v1.16b, v2.16b, v3.16b
    T mul v1.4h, v2.4h, v3.4h
    T mul v1.8h, v2.8h, v3.8h
    T mul v1.2s, v2.2s, v3.2s
    T mul v1.4s, v2.4s, v3.4s
    T smaxp v1.8b, v2.8b, v3.8b
    T smaxp v1.16b, v2.16b, v3.16b
    T smaxp v1.4h, v2.4h, v3.4h
    T smaxp v1.8h, v2.8h, v3.8h
    T smaxp v1.2s, v2.2s, v3.2s
    T smaxp v1.4s, v2.4s, v3.4s
    T sminp v1.8b, v2.8b, v3.8b
    T sminp v1.16b, v2.16b, v3.16b
    T sminp v1.4h, v2.4h, v3.4h
    T sminp v1.8h, v2.8h, v3.8h
    T sminp v1.2s, v2.2s, v3.2s
    T sminp v1.4s, v2.4s, v3.4s
    T umaxp v1.8b, v2.8b, v3.8b
    T umaxp v1.16b, v2.16b, v3.16b
    T umaxp v1.4h, v2.4h, v3.4h
    T umaxp v1.8h, v2.8h, v3.8h
    T umaxp v1.2s, v2.2s, v3.2s
    T umaxp v1.4s, v2.4s, v3.4s
    T uminp v1.8b, v2.8b, v3.8b
    T uminp v1.16b, v2.16b, v3.16b
    T uminp v1.4h, v2.4h, v3.4h
    T uminp v1.8h, v2.8h, v3.8h
    T uminp v1.2s, v2.2s, v3.2s
    T uminp v1.4s, v2.4s, v3.4s
    T sqadd v1.8b, v2.8b, v3.8b
    T sqadd v1.16b, v2.16b, v3.16b
    T sqadd v1.4h, v2.4h, v3.4h
    T sqadd v1.8h, v2.8h, v3.8h
    T sqadd v1.2s, v2.2s, v3.2s
    T sqadd v1.4s, v2.4s, v3.4s
    T sqadd v1.2d, v2.2d, v3.2d
    T uqadd v1.8b, v2.8b, v3.8b
    T uqadd v1.16b, v2.16b, v3.16b
    T uqadd v1.4h, v2.4h, v3.4h
    T uqadd v1.8h, v2.8h, v3.8h
    T uqadd v1.2s, v2.2s, v3.2s
    T uqadd v1.4s, v2.4s, v3.4s
    T uqadd v1.2d, v2.2d, v3.2d
    T sqsub v1.8b, v2.8b, v3.8b
    T sqsub v1.16b, v2.16b, v3.16b
    T sqsub v1.4h, v2.4h, v3.4h
    T sqsub v1.8h, v2.8h, v3.8h
    T sqsub v1.2s, v2.2s, v3.2s
    T sqsub v1.4s, v2.4s, v3.4s
    T sqsub v1.2d, v2.2d, v3.2d
    T uqsub v1.8b, v2.8b, v3.8b
    T uqsub v1.16b, v2.16b, v3.16b
    T uqsub v1.4h, v2.4h, v3.4h
    T uqsub v1.8h, v2.8h, v3.8h
    T uqsub v1.2s, v2.2s, v3.2s
    T uqsub v1.4s, v2.4s, v3.4s
    T uqsub v1.2d, v2.2d, v3.2d
    T cmgt v1.8b, v2.8b, v3.8b
    T cmgt v1.16b, v2.16b, v3.16b
    T cmgt v1.4h, v2.4h, v3.4h
    T cmgt v1.8h, v2.8h, v3.8h
    T cmgt v1.2s, v2.2s, v3.2s
    T cmgt v1.4s, v2.4s, v3.4s
    T cmgt v1.2d, v2.2d, v3.2d
    T cmge v1.8b, v2.8b, v3.8b
    T cmge v1.16b, v2.16b, v3.16b
    T cmge v1.4h, v2.4h, v3.4h
    T cmge v1.8h, v2.8h, v3.8h
    T cmge v1.2s, v2.2s, v3.2s
    T cmge v1.4s, v2.4s, v3.4s
    T cmge v1.2d, v2.2d, v3.2d
    T cmhi v1.8b, v2.8b, v3.8b
    T cmhi v1.16b, v2.16b, v3.16b
    T cmhi v1.4h, v2.4h, v3.4h
    T cmhi v1.8h, v2.8h, v3.8h
    T cmhi v1.2s, v2.2s, v3.2s
    T cmhi v1.4s, v2.4s, v3.4s
    T cmhi v1.2d, v2.2d, v3.2d
    T cmhs v1.8b, v2.8b, v3.8b
    T cmhs v1.16b, v2.16b, v3.16b
    T cmhs v1.4h, v2.4h, v3.4h
    T cmhs v1.8h, v2.8h, v3.8h
    T cmhs v1.2s, v2.2s, v3.2s
    T cmhs v1.4s, v2.4s, v3.4s
    T cmhs v1.2d, v2.2d, v3.2d
    T cmeq v1.8b, v2.8b, v3.8b
    T cmeq v1.16b, v2.16b, v3.16b
    T cmeq v1.4h, v2.4h, v3.4h
    T cmeq v1.8h, v2.8h, v3.8h
    T cmeq v1.2s, v2.2s, v3.2s
    T cmeq v1.4s, v2.4s, v3.4s
    T cmeq v1.2d, v2.2d, v3.2d
    T cmtst v1.8b, v2.8b, v3.8b
    T cmtst v1.16b, v2.16b, v3.16b
    T cmtst v1.4h, v2.4h, v3.4h
    T cmtst v1.8h, v2.8h, v3.8h
    T cmtst v1.2s, v2.2s, v3.2s
    T cmtst v1.4s, v2.4s, v3.4s
    T cmtst v1.2d, v2.2d, v3.2d
    T sshl v1.8b, v2.8b, v3.8b
    T sshl v1.16b, v2.16b, v3.16b
    T sshl v1.4h, v2.4h, v3.4h
    T sshl v1.8h, v2.8h, v3.8h
    T sshl v1.2s, v2.2s, v3.2s
    T sshl v1.4s, v2.4s, v3.4s
    T sshl v1.2d, v2.2d, v3.2d
    T ushl v1.8b, v2.8b, v3.8b
    T ushl v1.16b, v2.16b, v3.16b
    T ushl v1.4h, v2.4h, v3.4h
    T ushl v1.8h, v2.8h, v3.8h
    T ushl v1.2s, v2.2s, v3.2s
    T ushl v1.4s, v2.4s, v3.4s
    T ushl v1.2d, v2.2d, v3.2d
    T sqshl v1.8b, v2.8b, v3.8b
    T sqshl v1.16b, v2.16b, v3.16b
    T sqshl v1.4h, v2.4h, v3.4h
    T sqshl v1.8h, v2.8h, v3.8h
    T sqshl v1.2s, v2.2s, v3.2s
    T sqshl v1.4s, v2.4s, v3.4s
    T sqshl v1.2d, v2.2d, v3.2d
    T uqshl v1.8b, v2.8b, v3.8b
    T uqshl v1.16b, v2.16b, v3.16b
    T uqshl v1.4h, v2.4h, v3.4h
    T uqshl v1.8h, v2.8h, v3.8h
    T uqshl v1.2s, v2.2s, v3.2s
    T uqshl v1.4s, v2.4s, v3.4s
    T uqshl v1.2d, v2.2d, v3.2d
    T srshl v1.8b, v2.8b, v3.8b
    T srshl v1.16b, v2.16b, v3.16b
    T srshl v1.4h, v2.4h, v3.4h
    T srshl v1.8h, v2.8h, v3.8h
    T srshl v1.2s, v2.2s, v3.2s
    T srshl v1.4s, v2.4s, v3.4s
    T srshl v1.2d, v2.2d, v3.2d
    T urshl v1.8b, v2.8b, v3.8b
    T urshl v1.16b, v2.16b, v3.16b
    T urshl v1.4h, v2.4h, v3.4h
    T urshl v1.8h, v2.8h, v3.8h
    T urshl v1.2s, v2.2s, v3.2s
    T urshl v1.4s, v2.4s, v3.4s
    T urshl v1.2d, v2.2d, v3.2d
    T sqrshl v1.8b, v2.8b, v3.8b
    T sqrshl v1.16b, v2.16b, v3.16b
    T sqrshl v1.4h, v2.4h, v3.4h
    T sqrshl v1.8h, v2.8h, v3.8h
    T sqrshl v1.2s, v2.2s, v3.2s
    T sqrshl v1.4s, v2.4s, v3.4s
    T sqrshl v1.2d, v2.2d, v3.2d
    T uqrshl v1.8b, v2.8b, v3.8b
    T uqrshl v1.16b, v2.16b, v3.16b
    T uqrshl v1.4h, v2.4h, v3.4h
    T uqrshl v1.8h, v2.8h, v3.8h
    T uqrshl v1.2s, v2.2s, v3.2s
    T uqrshl v1.4s, v2.4s, v3.4s
    T uqrshl v1.2d, v2.2d, v3.2d
    T add v1.8b, v2.8b, v3.8b
    T add v1.16b, v2.16b, v3.16b
    T add v1.4h, v2.4h, v3.4h
    T add v1.8h, v2.8h, v3.8h
    T add v1.2s, v2.2s, v3.2s
    T add v1.4s, v2.4s, v3.4s
    T add v1.2d, v2.2d, v3.2d
    T sub v1.8b, v2.8b, v3.8b
    T sub v1.16b, v2.16b, v3.16b
    T sub v1.4h, v2.4h, v3.4h
    T sub v1.8h, v2.8h, v3.8h
    T sub v1.2s, v2.2s, v3.2s
    T sub v1.4s, v2.4s, v3.4s
    T sub v1.2d, v2.2d, v3.2d
    T addp v1.8b, v2.8b, v3.8b
    T addp v1.16b, v2.16b, v3.16b
    T addp v1.4h, v2.4h, v3.4h
    T addp v1.8h, v2.8h, v3.8h
    T addp v1.2s, v2.2s, v3.2s
    T addp v1.4s, v2.4s, v3.4s
    T addp v1.2d, v2.2d, v3.2d
    T sqdmulh v1.4h, v2.4h, v3.4h
    T sqdmulh v1.8h, v2.8h, v3.8h
    T sqdmulh v1.2s, v2.2s, v3.2s
    T sqdmulh v1.4s, v2.4s, v3.4s
    T sqrdmulh v1.4h, v2.4h, v3.4h
    T sqrdmulh v1.8h, v2.8h, v3.8h
    T sqrdmulh v1.2s, v2.2s, v3.2s
    T sqrdmulh v1.4s, v2.4s, v3.4s
    T and v1.8b, v2.8b, v3.8b
    T bic v1.8b, v2.8b, v3.8b
    T orr v1.8b, v2.8b, v3.8b
    T orn v1.8b, v2.8b, v3.8b
    T eor v1.8b, v2.8b, v3.8b
    T bsl v1.8b, v2.8b, v3.8b
    T bit v1.8b, v2.8b, v3.8b
    T bif v1.8b, v2.8b, v3.8b
    T pmul v1.8b, v2.8b, v3.8b
    T not v1.8b, v2.8b
    T rbit v1.8b, v2.8b
    T cnt v1.8b, v2.8b
    T and v1.16b, v2.16b, v3.16b
    T bic v1.16b, v2.16b, v3.16b
    T orr v1.16b, v2.16b, v3.16b
    T orn v1.16b, v2.16b, v3.16b
    T eor v1.16b, v2.16b, v3.16b
    T bsl v1.16b, v2.16b, v3.16b
    T bit v1.16b, v2.16b, v3.16b
    T bif v1.16b, v2.16b, v3.16b
    T pmul v1.16b, v2.16b, v3.16b
    T not v1.16b, v2.16b
    T rbit v1.16b, v2.16b
    T cnt v1.16b, v2.16b
    T mov v1.16b, v2.16b
    T sqadd b1, b2, b3
    T sqadd h1, h2, h3
    T sqadd s1, s2, s3
    T sqadd d1, d2, d3
    T uqadd b1, b2, b3
    T uqadd h1, h2, h3
    T uqadd s1, s2, s3
    T uqadd d1, d2, d3
    T sqsub b1, b2, b3
    T sqsub h1, h2, h3
    T sqsub s1, s2, s3
    T sqsub d1, d2, d3
    T uqsub b1, b2, b3
    T uqsub h1, h2, h3
    T uqsub s1, s2, s3
    T uqsub d1, d2, d3
    T sqshl b1, b2, b3
    T sqshl h1, h2, h3
    T sqshl s1, s2, s3
    T sqshl d1, d2, d3
    T uqshl b1, b2, b3
    T uqshl h1, h2, h3
    T uqshl s1, s2, s3
    T uqshl d1, d2, d3
    T sqrshl b1, b2, b3
    T sqrshl h1, h2, h3
    T sqrshl s1, s2, s3
    T sqrshl d1, d2, d3
    T uqrshl b1, b2, b3
    T uqrshl h1, h2, h3
    T uqrshl s1, s2, s3
    T uqrshl d1, d2, d3
    T cmgt d1, d2, d3
    T cmge d1, d2, d3
    T cmhi d1, d2, d3
    T cmhs d1, d2, d3
    T cmeq d1, d2, d3
    T cmtst d1, d2, d3
    T sshl d1, d2, d3
    T ushl d1, d2, d3
    T srshl d1, d2, d3
    T urshl d1, d2, d3
    T add d1, d2, d3
    T sub d1, d2, d3
    T sqdmulh h1, h2, h3
    T sqdmulh s1, s2, s3
    T sqrdmulh h1, h2, h3
    T sqrdmulh s1, s2, s3
    T addp d1, v2.2d
    T rev64 v1.8b, v2.8b
    T rev64 v1.16b, v2.16b
    T rev64 v1.4h, v2.4h
    T rev64 v1.8h, v2.8h
    T rev64 v1.2s, v2.2s
    T rev64 v1.4s, v2.4s
    T rev32 v1.8b, v2.8b
    T rev32 v1.16b, v2.16b
    T rev32 v1.4h, v2.4h
    T rev32 v1.8h, v2.8h
    T rev16 v1.8b, v2.8b
    T rev16 v1.16b, v2.16b
    T saddlp v1.4h, v2.8b
    T saddlp v1.8h, v2.16b
    T saddlp v1.2s, v2.4h
    T saddlp v1.4s, v2.8h
    T saddlp v1.1d, v2.2s
    T saddlp v1.2d, v2.4s
    T uaddlp v1.4h, v2.8b
    T uaddlp v1.8h, v2.16b
    T uaddlp v1.2s, v2.4h
    T uaddlp v1.4s, v2.8h
    T uaddlp v1.1d, v2.2s
    T uaddlp v1.2d, v2.4s
    T sadalp v1.4h, v2.8b
    T sadalp v1.8h, v2.16b
    T sadalp v1.2s, v2.4h
    T sadalp v1.4s, v2.8h
    T sadalp v1.1d, v2.2s
    T sadalp v1.2d, v2.4s
    T uadalp v1.4h, v2.8b
    T uadalp v1.8h, v2.16b
    T uadalp v1.2s, v2.4h
    T uadalp v1.4s, v2.8h
    T uadalp v1.1d, v2.2s
    T uadalp v1.2d, v2.4s
    T suqadd v1.8b, v2.8b
    T suqadd v1.16b, v2.16b
    T suqadd v1.4h, v2.4h
    T suqadd v1.8h, v2.8h
    T suqadd v1.2s, v2.2s
    T suqadd v1.4s, v2.4s
    T suqadd v1.2d, v2.2d
    T usqadd v1.8b, v2.8b
    T usqadd v1.16b, v2.16b
    T usqadd v1.4h, v2.4h
    T usqadd v1.8h, v2.8h
    T usqadd v1.2s, v2.2s
    T usqadd v1.4s, v2.4s
    T usqadd v1.2d, v2.2d
    T sqabs v1.8b, v2.8b
    T sqabs v1.16b, v2.16b
    T sqabs v1.4h, v2.4h
    T sqabs v1.8h, v2.8h
    T sqabs v1.2s, v2.2s
    T sqabs v1.4s, v2.4s
    T sqabs v1.2d, v2.2d
    T sqneg v1.8b, v2.8b
    T sqneg v1.16b, v2.16b
    T sqneg v1.4h, v2.4h
    T sqneg v1.8h, v2.8h
    T sqneg v1.2s, v2.2s
    T sqneg v1.4s, v2.4s
    T sqneg v1.2d, v2.2d
    T abs v1.8b, v2.8b
    T abs v1.16b, v2.16b
    T abs v1.4h, v2.4h
    T abs v1.8h, v2.8h
    T abs v1.2s, v2.2s
    T abs v1.4s, v2.4s
    T abs v1.2d, v2.2d
    T neg v1.8b, v2.8b
    T neg v1.16b, v2.16b
    T neg v1.4h, v2.4h
    T neg v1.8h, v2.8h
    T neg v1.2s, v2.2s
    T neg v1.4s, v2.4s
    T neg v1.2d, v2.2d
    T cls v1.8b, v2.8b
    T cls v1.16b, v2.16b
    T cls v1.4h, v2.4h
    T cls v1.8h, v2.8h
    T cls v1.2s, v2.2s
    T cls v1.4s, v2.4s
    T clz v1.8b, v2.8b
    T clz v1.16b, v2.16b
    T clz v1.4h, v2.4h
    T clz v1.8h, v2.8h
    T clz v1.2s, v2.2s
    T clz v1.4s, v2.4s
    T cmgt v1.8b, v2.8b, #0
    T cmgt v1.16b, v2.16b, #0
    T cmgt v1.4h, v2.4h, #0
    T cmgt v1.8h, v2.8h, #0
    T cmgt v1.2s, v2.2s, #0
    T cmgt v1.4s, v2.4s, #0
    T cmgt v1.2d, v2.2d, #0
    T cmgt d1, d2, #0
    T cmge v1.8b, v2.8b, #0
    T cmge v1.16b, v2.16b, #0
    T cmge v1.4h, v2.4h, #0
    T cmge v1.8h, v2.8h, #0
    T cmge v1.2s, v2.2s, #0
    T cmge v1.4s, v2.4s, #0
    T cmge v1.2d, v2.2d, #0
    T cmge d1, d2, #0
    T cmeq v1.8b, v2.8b, #0
    T cmeq v1.16b, v2.16b, #0
    T cmeq v1.4h, v2.4h, #0
    T cmeq v1.8h, v2.8h, #0
    T cmeq v1.2s, v2.2s, #0
    T cmeq v1.4s, v2.4s, #0
    T cmeq v1.2d, v2.2d, #0
    T cmeq d1, d2, #0
    T cmle v1.8b, v2.8b, #0
    T cmle v1.16b, v2.16b, #0
    T cmle v1.4h, v2.4h, #0
    T cmle v1.8h, v2.8h, #0
    T cmle v1.2s, v2.2s, #0
    T cmle v1.4s, v2.4s, #0
    T cmle v1.2d, v2.2d, #0
    T cmle d1, d2, #0
    T cmlt v1.8b, v2.8b, #0
    T cmlt v1.16b, v2.16b, #0
    T cmlt v1.4h, v2.4h, #0
    T cmlt v1.8h, v2.8h, #0
    T cmlt v1.2s, v2.2s, #0
    T cmlt v1.4s, v2.4s, #0
    T cmlt v1.2d, v2.2d, #0
    T cmlt d1, d2, #0
    T xtn v1.8b, v2.8h
    T xtn v1.4h, v2.4s
    T xtn v1.2s, v2.2d
    T xtn2 v1.16b, v2.8h
    T xtn2 v1.8h, v2.4s
    T xtn2 v1.4s, v2.2d
    T sqxtn v1.8b, v2.8h
    T sqxtn v1.4h, v2.4s
    T sqxtn v1.2s, v2.2d
    T sqxtn2 v1.16b, v2.8h
    T sqxtn2 v1.8h, v2.4s
    T sqxtn2 v1.4s, v2.2d
    T uqxtn v1.8b, v2.8h
    T uqxtn v1.4h, v2.4s
    T uqxtn v1.2s, v2.2d
    T uqxtn2 v1.16b, v2.8h
    T uqxtn2 v1.8h, v2.4s
    T uqxtn2 v1.4s, v2.2d
    T sqxtun v1.8b, v2.8h
    T sqxtun v1.4h, v2.4s
    T sqxtun v1.2s, v2.2d
    T sqxtun2 v1.16b, v2.8h
    T sqxtun2 v1.8h, v2.4s
    T sqxtun2 v1.4s, v2.2d
    T sqxtn b1, h2
    T sqxtn h1, s2
    T sqxtn s1, d2
    T uqxtn b1, h2
    T uqxtn h1, s2
    T uqxtn s1, d2
    T sqxtun b1, h2
    T sqxtun h1, s2
    T sqxtun s1, d2
    T shll v1.8h, v2.8b, #8
    T shll v1.4s, v2.4h, #16
    T shll v1.2d, v2.2s, #32
    T shll2 v1.8h, v2.16b, #8
    T shll2 v1.4s, v2.8h, #16
    T shll2 v1.2d, v2.4s, #32
    T suqadd b1, b2
    T suqadd h1, h2
    T suqadd s1, s2
    T suqadd d1, d2
    T usqadd b1, b2
    T usqadd h1, h2
    T usqadd s1, s2
    T usqadd d1, d2
    T sqabs b1, b2
    T sqabs h1, h2
    T sqabs s1, s2
    T sqabs d1, d2
    T sqneg b1, b2
    T sqneg h1, h2
    T sqneg s1, s2
    T sqneg d1, d2
    T abs d1, d2
    T neg d1, d2
    T addv b1, v2.8b
    T addv b1, v2.16b
    T addv h1, v2.4h
    T addv h1, v2.8h
    T addv s1, v2.4s
    T smaxv b1, v2.8b
    T smaxv b1, v2.16b
    T smaxv h1, v2.4h
    T smaxv h1, v2.8h
    T smaxv s1, v2.4s
    T sminv b1, v2.8b
    T sminv b1, v2.16b
    T sminv h1, v2.4h
    T sminv h1, v2.8h
    T sminv s1, v2.4s
    T umaxv b1, v2.8b
    T umaxv b1, v2.16b
    T umaxv h1, v2.4h
    T umaxv h1, v2.8h
    T umaxv s1, v2.4s
    T uminv b1, v2.8b
    T uminv b1, v2.16b
    T uminv h1, v2.4h
    T uminv h1, v2.8h
    T uminv s1, v2.4s
    T saddlv h1, v2.8b
    T saddlv h1, v2.16b
    T saddlv s1, v2.4h
    T saddlv s1, v2.8h
    T saddlv d1, v2.4s
    T uaddlv h1, v2.8b
    T uaddlv h1, v2.16b
    T uaddlv s1, v2.4h
    T uaddlv s1, v2.8h
    T uaddlv d1, v2.4s
    T saddl v1.8h, v2.8b, v3.8b
    T saddl v1.4s, v2.4h, v3.4h
    T saddl v1.2d, v2.2s, v3.2s
    br x26

    .data
    .balign 16
state0:
    .quad 0x44008140c9784001, 0xc300f86100071a3a, 0xfeff0100f3805840, 0x0881e1ffab81eff9
    .quad 0xff005e8501fe7f81, 0x93fe80c5807f94fb, 0x33fe008f7f019bff, 0x7fa200549f00fe69
    .quad 0x2f01ff000141d9cc, 0xfe007f74a52bff01, 0x7f7f39d1f782ff80, 0xff6dfe0084a13881
    .quad 0x3700216aff014e80, 0x8140817e81fe0091, 0xd6fed6ff5690fe04, 0xfed7fe807f00887c
    .quad 0x8081577f810140ff, 0x01030300ffecfff3, 0x8a810180019680ca, 0xfefeec00fe01b64b
    .quad 0x42788ac78074f801, 0xfe0a63fe40ff8080, 0x0166001794014d94, 0xd27f7ffe7f5b4a05
    .quad 0xbf8dcdd20080ff4e, 0x408c7201aa0c8134, 0xff97fe048140fe74, 0xbbeea6fe00018146
    .quad 0x28a50138ffb640fe, 0xff81db405fff4fca, 0x01a001fe7f598100, 0x7fe7618014a89d23
    .quad 0x870080a9811e4070, 0xcf72ff457f348000, 0x0006013492017d2b, 0x4052fe4ffe22b9f7
    .quad 0xbae1a20081408159, 0x0087734eb66899fc, 0xef7f00a680018194, 0x7c408b69ff00c4ff
    .quad 0x46667f05016c0100, 0x8180ff00fe443c35, 0xee51de00b44254ff, 0x7f7f437f942a01c9
    .quad 0x00f440804e808170, 0x7f4657e3d07e3705, 0x01ff63763c7f4081, 0x077f664981db00fe
    .quad 0x0a8609ff01818a7f, 0xa4ff6380be4001c7, 0xbe0189808c007f3e, 0xfe8301da800140f8
    .quad 0x00feffe1c37f00fe, 0xfe3480ffce42500e, 0xe585d58f727f9564, 0xfefe0b7f18817ffd
    .quad 0xfeff9253fe8685fe, 0x56b3409300cd01f8, 0x810190ff2a5740fe, 0x80da860101ae019e
    .quad 0x3cdd80487cfe6e2c, 0x7c8180f9d040f1fe, 0xffbf8301a4ff4081, 0xf98c40ff9468ed8a
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000000000000
    .balign 16
state1:
    .quad 0x8c783142e810407f, 0x4400001000857f7f, 0xda8140182240eb81, 0xb2abffedfe958881
    .quad 0x01400192a2b692f6, 0x0081ecfe00df817f, 0x607f5600fff80001, 0x856f8045f01a9881
    .quad 0x0547fefe7f5081fe, 0x8143fe7ffe40f6f4, 0xfe18813da74faf00, 0x80017337fef570ac
    .quad 0x8181ff6bfea4577f, 0xf6a94038fc810081, 0x0100e68080ffdcfe, 0x80008aff016900ff
    .quad 0xfe81ff8100ceff01, 0x015083da4001c600, 0x407fcbb77ffe5c81, 0x808150400d9fa2c8
    .quad 0x01438f5f003912ff, 0x817fb701bb60e3bb, 0x48d6011f572da801, 0x747fd3de0f0180cc
    .quad 0xf76980018e8140c0, 0x807ff3ea40268140, 0x4e449569abf4d9fe, 0x0034402440fe3340
    .quad 0x80da01e477e16601, 0x4aff018100410023, 0xfffe40018100ac40, 0x1bceab4b5efeff81
    .quad 0xfea1a590ff8201f6, 0x7f75ff98a52401a7, 0xfeff7fff5b93c11b, 0xab80ba90010101f1
    .quad 0x075e337fcc2520d0, 0x7be5af409550f371, 0xe4ff408040800080, 0xb1feee7f80069f40
    .quad 0x8080eeffbd089914, 0x40406c0164806801, 0xfecd39fefeb84081, 0x007f7f00807f2840
    .quad 0x018001e2000000fe, 0x58fefffff146ce01, 0x40e680000100f800, 0x898181ff8161f040
    .quad 0x7f7b40817f8d81ed, 0x51ad17007ff3b5c0, 0xff0101ffbb40df00, 0x81801c95ef003501
    .quad 0x33db1c0a7fc8c9e8, 0x984a40b3c2014041, 0x116caf0180010081, 0xbcdf347fff810036
    .quad 0x01000081f380daee, 0x24bf4081800a007f, 0x407fa2faff7f71ff, 0x7f02ee4cfe40ff80
    .quad 0xd5818008fe40002a, 0xf4ce7f00ff40ff01, 0x8175e5407f7fd481, 0x7f73fffe1afd017f
    .quad 0x8000000000007f81, 0x00000000deadbeef, 0xfedcba9876543210, 0x0000000000000000
