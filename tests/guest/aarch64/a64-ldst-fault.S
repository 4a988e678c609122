/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Precise data aborts: a load or store that faults (SIGSEGV) on any of its
 * accesses leaves every register as before it: destinations of pairs whose
 * second half faults, bases of pre/post-index forms, vector registers of
 * Q loads and LD1/LD4 that cross into an unmapped page, and the atomics
 * (LDADD, SWP, CASP of X pairs through the 128-bit path, STXR) on a
 * read-only page.  The SIGSEGV handler counts the fault and resumes after
 * the faulting instruction.  Pages: A read-write, B unmapped (PROT_NONE),
 * C read-only.  The architecture leaves the destinations of a faulting
 * load UNKNOWN (only the base must be kept); guise keeps them too, which
 * the vector checks test: qemu-user 7.2 fails them (check 22 on).
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
    /* insn must fault (SIGSEGV) */
    .macro FAULT insn
    str xzr, [x27]
    \insn
    ldr x15, [x27]
    CHK x15, 1
    .endm
    /* the 128 bits of Qn through memory */
    .macro CHKQ q, lo, hi
    str \q, [x28]
    ldr x15, [x28]
    CHK x15, \lo
    ldr x15, [x28, #8]
    CHK x15, \hi
    .endm

    .text
    .globl _start
_start:
    /* rt_sigaction(SIGSEGV, &act, NULL, 8) */
    mov x0, #11
    adr x1, act
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0
    adr x27, state
    adr x28, scratch
    /* three pages: A rw, B none, C read-only */
    mov x0, #0
    mov x1, #3 * 4096
    mov x2, #3
    mov x3, #0x22
    mov x4, #-1
    mov x5, #0
    mov x8, #222
    svc #0
    mov x20, x0
    add x21, x20, #4096
    add x22, x20, #8192
    mov x0, x21
    mov x1, #4096
    mov x2, #0
    mov x8, #226
    svc #0
    CHK x0, 0
    mov x0, x22
    mov x1, #4096
    mov x2, #1
    mov x8, #226
    svc #0
    CHK x0, 0

    ldr x2, =0x2222222222222222
    ldr x3, =0x3333333333333333
    ldr q0, pattern
    ldr q1, pattern
    ldr q2, pattern
    ldr q3, pattern
    sub x10, x21, #8

    /* loads: second access faults */
    FAULT "ldp x2, x3, [x10]"
    CHK x2, 0x2222222222222222
    CHK x3, 0x3333333333333333
    FAULT "ldp w2, w3, [x10, #4]"
    CHK x2, 0x2222222222222222
    FAULT "ldr x2, [x10, #1]"
    CHK x2, 0x2222222222222222
    mov x11, x10
    FAULT "ldr x2, [x11, #8]!"
    CHKR x11, x10
    FAULT "ldp x2, x3, [x11, #8]!"
    CHKR x11, x10
    CHK x2, 0x2222222222222222
    mov x11, x21
    FAULT "ldr x2, [x11], #-8"
    CHKR x11, x21
    FAULT "ldr q0, [x10]"
    CHKQ q0, 0x0123456789abcdef, 0xfedcba9876543210
    FAULT "ldp q0, q1, [x10, #-16]"
    CHKQ q0, 0x0123456789abcdef, 0xfedcba9876543210
    mov x11, x10
    FAULT "ld1 {v0.16b, v1.16b}, [x11], #32"
    CHKR x11, x10
    CHKQ q0, 0x0123456789abcdef, 0xfedcba9876543210
    sub x11, x21, #40
    FAULT "ld4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x11]"
    CHKQ q0, 0x0123456789abcdef, 0xfedcba9876543210
    CHKQ q3, 0x0123456789abcdef, 0xfedcba9876543210
    FAULT "ld3 {v0.s, v1.s, v2.s}[1], [x10]"
    CHKQ q0, 0x0123456789abcdef, 0xfedcba9876543210
    FAULT "ld2r {v0.2d, v1.2d}, [x10]"
    CHKQ q0, 0x0123456789abcdef, 0xfedcba9876543210

    /* stores: the base is not written back */
    mov x11, x10
    FAULT "stp x2, x3, [x11, #8]!"
    CHKR x11, x10
    FAULT "str q0, [x11], #16"
    CHKR x11, x10
    FAULT "st1 {v0.16b}, [x21]"

    /* atomics on a read-only page */
    FAULT "ldadd x0, x2, [x22]"
    CHK x2, 0x2222222222222222
    FAULT "swpal w0, w2, [x22]"
    CHK x2, 0x2222222222222222
    mov x4, #0
    mov x5, #0
    FAULT "caspal x2, x3, x4, x5, [x22]"
    CHK x2, 0x2222222222222222
    CHK x3, 0x3333333333333333
    mov x2, #0
    mov x3, #0
    FAULT "casp x2, x3, x4, x5, [x22]"
    CHK x2, 0
    FAULT "ldsmax w0, w2, [x22]"
    CHK x2, 0
    ldxp x6, x7, [x22]
    mov x5, #0x55
    FAULT "stxp w5, x6, x7, [x22]"
    CHK x5, 0x55
    ldxr x6, [x22]
    FAULT "stxr w5, x6, [x22]"
    CHK x5, 0x55
    FAULT "ldxr x6, [x21]"
    clrex

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

/* SIGSEGV handler: count the fault, resume at the next instruction
 * (uc_mcontext.pc is at offset 440 of the ucontext). */
handler:
    adr x9, state
    ldr x11, [x9]
    add x11, x11, #1
    cmp w0, #11
    b.eq 5f
    mov x11, #99
5:  str x11, [x9]
    ldr x10, [x2, #440]
    add x10, x10, #4
    str x10, [x2, #440]
    ret
restorer:
    mov x8, #139
    svc #0

    .ltorg
    .balign 16
pattern:
    .quad 0x0123456789abcdef, 0xfedcba9876543210
msg:
    .ascii "ok a64-ldst-fault\n"
msg_end:

    .data
    .balign 8
act:
    .quad handler
    .quad 0x04000004        /* SA_SIGINFO | SA_RESTORER */
    .quad restorer
    .quad 0
state:
    .quad 0
    .balign 16
scratch:
    .space 16
