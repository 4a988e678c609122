/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Alignment faults of the exclusive, ordered and atomic accesses: a
 * misaligned exclusive (or exclusive pair, aligned to its total size)
 * always raises SIGBUS/BUS_ADRALN with si_addr the access address; LDAR/
 * STLR/LDAPR/LDAPUR and the LSE atomics fault when they cross a 16-byte
 * granule, and inside one they fault unless AT_HWCAP has USCAT (FEAT_LSE2).
 * A faulting instruction changes no register.  The SIGBUS handler checks
 * the siginfo and resumes after the faulting instruction.  (A misaligned
 * STXR faults too, before the monitor check, in guise as in the Arm ARM's
 * AArch64.ExclusiveMonitorsPass, and so does a misaligned LDAPR; qemu-user
 * 7.2 does neither, so those cases are left out to keep this test valid
 * under both.)
 * Self-checking: the first wrong value exits with the check's number.
 */
    .arch armv8.4-a
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
    /* insn must fault iff fault is 1, at address x1 + off */
    .macro TRY off, fault, insn
    add x10, x1, #\off
    str x10, [x27]
    str xzr, [x27, #8]
    \insn
    ldr x15, [x27, #8]
    CHK x15, \fault
    .endm
    /* 1 without FEAT_LSE2, 0 with it: x26 is 1 without */
    .macro TRYG off, insn
    add x10, x1, #\off
    str x10, [x27]
    str xzr, [x27, #8]
    \insn
    ldr x15, [x27, #8]
    CHKR x15, x26
    .endm

    .text
    .globl _start
_start:
    /* AT_HWCAP from the auxiliary vector: past argv and envp */
    mov x0, sp
    ldr x2, [x0]
    add x0, x0, x2, lsl #3
    add x0, x0, #16
2:  ldr x2, [x0], #8
    cbnz x2, 2b
3:  ldp x2, x3, [x0], #16
    cbz x2, 4f
    cmp x2, #16
    b.ne 3b
    mov x25, x3
4:  ubfx x26, x25, #25, #1
    eor x26, x26, #1

    /* rt_sigaction(SIGBUS, &act, NULL, 8) */
    mov x0, #7
    adr x1, act
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0

    adr x1, buf
    adr x27, state

    /* exclusives: aligned to their size, always */
    TRY 1, 1, "ldxr x2, [x10]"
    TRY 2, 1, "ldxr w2, [x10]"
    TRY 1, 1, "ldxrh w2, [x10]"
    TRY 3, 0, "ldxrb w2, [x10]"
    TRY 8, 0, "ldaxr x2, [x10]"
    TRY 4, 1, "ldaxr x2, [x10]"
    TRY 8, 1, "ldxp x2, x3, [x10]"
    TRY 4, 1, "ldxp w2, w3, [x10]"
    TRY 8, 0, "ldxp w2, w3, [x10]"
    TRY 16, 0, "ldaxp x2, x3, [x10]"
    clrex

    /* crossing a 16-byte granule: always */
    mov x2, #0x1234
    TRY 12, 1, "ldadd x0, x2, [x10]"
    CHK x2, 0x1234
    TRY 14, 1, "cas w0, w2, [x10]"
    TRY 15, 1, "swp x0, x2, [x10]"
    TRY 9, 1, "ldar x2, [x10]"
    TRY 13, 1, "stlr w2, [x10]"
    TRY 8, 1, "caspal x2, x3, x4, x5, [x10]"
    TRY 9, 1, "ldapur x2, [x1, #9]"
    CHK x2, 0x1234
    TRY 14, 1, "stlur w2, [x1, #14]"
    TRY 15, 1, "ldsmaxh w0, w2, [x10]"
    TRY 14, 1, "stumax w0, [x10]"

    /* inside a granule: only without FEAT_LSE2 */
    TRYG 1, "ldadd w0, w2, [x10]"
    TRYG 5, "ldar w2, [x10]"
    TRYG 1, "stlr x2, [x10]"
    TRYG 7, "ldapur x2, [x1, #7]"
    TRYG 17, "cas x0, x2, [x10]"
    TRYG 6, "swpal w0, w2, [x10]"
    TRYG 2, "ldeor w0, w2, [x10]"
    TRYG 17, "stsmin x0, [x10]"

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

/* SIGBUS handler (x0 sig, x1 siginfo, x2 ucontext): count the fault in
 * state+8 if it is BUS_ADRALN at the address in state, else mark 99;
 * resume at the next instruction (uc_mcontext.pc is at offset 440). */
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
    .ascii "ok a64-atomic-align\n"
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
