/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fault the loop-trace tests (a64-trace*.S) take inside a loop:
 * TRACE_FAULT_SETUP installs the SIGSEGV handler and leaves x1 three
 * words before an inaccessible page (two checks); the handler counts the
 * fault, keeps x9, x2, w7, NZCV and the pc in `state` (8 bytes each after
 * the count) and skips the faulting instruction; TRACE_FAULT_CHECK
 * checks that record (six checks).  TRACE_FAULT_CODE and TRACE_FAULT_DATA
 * emit the handler and its data.  Include after
 * a64-fp-check.h.
 */

    .macro TRACE_FAULT_SETUP
    mov x0, #11                 /* rt_sigaction(SIGSEGV, &act, NULL, 8) */
    adr x1, act
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0
    mov x0, #0                  /* mmap two pages, the second PROT_NONE */
    mov x1, #8192
    mov x2, #3
    mov x3, #0x22
    mov x4, #-1
    mov x5, #0
    mov x8, #222
    svc #0
    mov x20, x0
    add x0, x20, #4096
    mov x1, #4096
    mov x2, #0
    mov x8, #226
    svc #0
    CHK x0, 0
    add x1, x20, #4096 - 24     /* three words on the page, then the hole */
    .endm

/* One fault, at the load at `at`, with x9, x2, w7 and NZCV as given
 * (clobbers x15, x16, x27). */
    .macro TRACE_FAULT_CHECK x9, x2, w7, nzcv, at
    adr x27, state
    ldr x15, [x27]
    CHK x15, 1
    ldr x15, [x27, #8]
    CHK x15, \x9
    ldr x15, [x27, #16]
    CHK x15, \x2
    ldr x15, [x27, #24]
    CHK x15, \w7
    ldr x15, [x27, #32]
    lsr x15, x15, #28
    CHK x15, \nzcv
    adr x16, \at
    ldr x15, [x27, #40]
    sub x15, x15, x16
    CHK x15, 0
    .endm

/* The sigcontext's regs[] start at offset 184 of the ucontext, pc at
 * 440, pstate at 448. */
    .macro TRACE_FAULT_CODE
handler:
    adr x9, state
    ldr x11, [x9]
    add x11, x11, #1
    str x11, [x9]
    ldr x10, [x2, #184 + 9 * 8]
    str x10, [x9, #8]
    ldr x10, [x2, #184 + 2 * 8]
    str x10, [x9, #16]
    ldr x10, [x2, #184 + 7 * 8]
    str x10, [x9, #24]
    ldr x10, [x2, #448]
    str x10, [x9, #32]
    ldr x10, [x2, #440]
    str x10, [x9, #40]
    add x10, x10, #4
    str x10, [x2, #440]
    ret
restorer:
    mov x8, #139
    svc #0
    .endm

    .macro TRACE_FAULT_DATA
    .balign 8
act:
    .quad handler
    .quad 0x04000004            /* SA_SIGINFO | SA_RESTORER */
    .quad restorer
    .quad 0
state:
    .quad 0, 0, 0, 0, 0, 0
    .endm
