/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SP alignment checking (Arm ARM D1.3.10; Linux sets SCTLR_EL1.SA0): any
 * load or store whose base register is a misaligned SP raises SIGBUS with
 * BUS_ADRALN and si_addr = SP, whatever the offset, and changes nothing;
 * arithmetic on a misaligned SP, an aligned SP with a misaligned offset,
 * misaligned general-register bases and prefetches (no SP check in the
 * PRFM pseudocode) do not fault.  The handler checks the siginfo and
 * resumes after the faulting instruction.
 * Note: qemu-user does not implement SP alignment checking, so this test
 * fails there (check 5); the expected output is that of Linux on hardware.
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
    /* insn must fault iff fault is 1, with si_addr = SP */
    .macro TRY fault, insn
    mov x10, sp
    str x10, [x27]
    str xzr, [x27, #8]
    \insn
    ldr x15, [x27, #8]
    CHK x15, \fault
    .endm

    .text
    .globl _start
_start:
    /* rt_sigaction(SIGBUS, &act, NULL, 8) */
    mov x0, #7
    adr x1, act
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0
    adr x27, state
    adr x1, buf
    mov x20, sp

    /* aligned SP, misaligned offsets: fine */
    sub sp, sp, #64
    TRY 0, "ldur x2, [sp, #1]"
    TRY 0, "stur w2, [sp, #3]"
    add x3, x1, #1
    TRY 0, "ldr x2, [x3]"

    /* misaligned SP: every access based on it faults */
    sub sp, sp, #8
    mov x2, #0x1234
    TRY 1, "ldr x2, [sp]"
    CHK x2, 0x1234
    TRY 1, "ldr x2, [sp, #8]"
    TRY 1, "ldrb w2, [sp, #1]"
    TRY 1, "str x2, [sp, #-8]!"
    mov x4, sp
    add x5, x20, #-72
    CHKR x4, x5
    TRY 1, "ldp x2, x3, [sp], #16"
    mov x4, sp
    CHKR x4, x5
    TRY 1, "stp x2, x3, [sp, #24]"
    TRY 1, "ldr q0, [sp]"
    TRY 1, "ld1 {v0.16b}, [sp]"
    TRY 1, "ldxr x2, [sp]"
    TRY 1, "ldadd x2, x3, [sp]"
    TRY 1, "ldar x2, [sp]"
    TRY 0, "prfm pldl1keep, [sp]"
    CHK x2, 0x1234
    /* not an access */
    add x6, sp, #8
    and x6, x6, #15
    CHK x6, 0
    sub sp, sp, #4
    TRY 1, "ldr w2, [sp]"

    /* in one block: a checked access, then SP changes */
    mov sp, x20
    sub x10, x20, #24
    str x10, [x27]
    str xzr, [x27, #8]
    ldr x2, [sp, #-16]
    sub sp, sp, #8
    sub sp, sp, #16
    ldr x2, [sp]
    ldp x2, x3, [sp], #16
    add sp, sp, #8
    str x2, [sp, #-8]!
    ldr x15, [x27, #8]
    CHK x15, 2
    mov sp, x20

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

/* SIGBUS handler: count BUS_ADRALN at the expected address in state+8
 * (else mark 99), resume at the next instruction (pc at offset 440). */
handler:
    adr x9, state
    mov x11, #99
    ldr w10, [x1, #8]
    cmp w10, #1
    b.ne 5f
    ldr x10, [x1, #16]
    ldr x12, [x9]
    cmp x10, x12
    b.ne 5f
    ldr x11, [x9, #8]
    add x11, x11, #1
5:  str x11, [x9, #8]
    ldr x10, [x2, #440]
    add x10, x10, #4
    str x10, [x2, #440]
    ret
restorer:
    mov x8, #139
    svc #0

    .ltorg
msg:
    .ascii "ok a64-ldst-spalign\n"
msg_end:

    .data
    .balign 8
act:
    .quad handler
    .quad 0x04000004        /* SA_SIGINFO | SA_RESTORER */
    .quad restorer
    .quad 0
state:
    .quad 0, 0
    .balign 64
buf:
    .space 64
