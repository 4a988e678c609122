/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FEAT_BTI as Linux runs it: this program's GNU property note marks it
 * BTI-compatible, so (static, no interpreter) the kernel maps its text
 * with PROT_BTI and every indirect branch must land on a fitting landing
 * pad.  Checked: BLR/BR/BR X16 into BTI c, BTI j, BTI jc, BTI, PACIASP and
 * a plain instruction (accepted or SIGILL ILL_ILLOPC at the target, with
 * the BTYPE of the branch in the saved pstate bits 11:10); RET and B need
 * no pad; the signal handler itself starts with BTI c (Linux enters it
 * with BTYPE = C); code copied to an mmap'ed page is unguarded until
 * mprotect(PROT_BTI) and guarded after.
 * Self-checking: the first wrong value exits with the number of its check;
 * on success prints "ok a64-bti".
 */
    .macro LI reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
    .endm
    .set ncheck, 0
    .macro CHK reg, val
    .set ncheck, ncheck + 1
    LI x16, \val
    cmp \reg, x16
    b.eq 1f
    mov x0, #ncheck
    b fail
1:
    .endm

    .arch armv8.5-a
    .text
    .globl _start

/* SIGILL handler (SA_SIGINFO): x20 = signal, x21 = si_addr, x22 = si_code,
 * x23 = BTYPE of the saved pstate, in the interrupted context; resumes at
 * x24 with BTYPE cleared.  ucontext: regs at 184, pc at 440, pstate 448. */
handler:
    bti c
    ldr w3, [x1, #8]
    ldr x4, [x1, #16]
    ldr x5, [x2, #448]
    str x0, [x2, #184 + 8 * 20]
    str x4, [x2, #184 + 8 * 21]
    str x3, [x2, #184 + 8 * 22]
    ubfx x6, x5, #10, #2
    str x6, [x2, #184 + 8 * 23]
    bic x5, x5, #0xc00
    str x5, [x2, #448]
    ldr x6, [x2, #184 + 8 * 24]
    str x6, [x2, #440]
    ret
restorer:
    mov x8, #139                /* rt_sigreturn */
    svc #0

/* The landing pads: each adds 1 to x0 and returns. */
    .p2align 4
pad_c:      bti c
            add x0, x0, #1
            ret
pad_j:      bti j
            add x0, x0, #1
            ret
pad_jc:     bti jc
            add x0, x0, #1
            ret
pad_none:   bti
            add x0, x0, #1
            ret
pad_pac:    paciasp
            add x0, x0, #1
            autiasp
            ret
no_pad:     add x0, x0, #1
            ret

/* GOOD kind, reg, target: the branch reaches target, x0 becomes 1.
 * BAD kind, reg, target, btype: SIGILL ILL_ILLOPC at target with the
 * saved BTYPE.  kind is blr or br (br returns through x30 = 2f). */
    .macro BRANCH kind, reg, target
    mov x0, #0
    mov x20, #0
    adr x24, 3f
    adr \reg, \target
    adr x30, 2f
    .ifc \kind, blr
    blr \reg
    .else
    br \reg
    .endif
2:
3:
    .endm
    .macro GOOD kind, reg, target
    BRANCH \kind, \reg, \target
    CHK x20, 0
    CHK x0, 1
    .endm
    .macro BAD kind, reg, target, btype
    BRANCH \kind, \reg, \target
    CHK x20, 4                  /* SIGILL */
    CHK x22, 1                  /* ILL_ILLOPC */
    adr x1, \target
    cmp x21, x1
    .set ncheck, ncheck + 1
    b.eq 4f
    mov x0, #ncheck
    b fail
4:
    CHK x23, \btype
    CHK x0, 0
    .endm

_start:
    /* sigaction(SIGILL, {handler, SA_SIGINFO | SA_RESTORER, restorer}) */
    sub sp, sp, #64
    adr x0, handler
    str x0, [sp]
    LI x0, 0x04000004
    str x0, [sp, #8]
    adr x0, restorer
    str x0, [sp, #16]
    str xzr, [sp, #24]
    mov x0, #4
    mov x1, sp
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0

    /* AT_HWCAP2 has HWCAP2_BTI (bit 17): probed via getauxval-like walk
     * is not needed; the MRS of ID_AA64PFR1_EL1.BT says it. */
    mrs x0, ID_AA64PFR1_EL1
    and x0, x0, #0xf
    CHK x0, 1

    GOOD blr, x9, pad_c
    GOOD blr, x9, pad_jc
    GOOD blr, x9, pad_pac
    BAD blr, x9, pad_j, 2
    BAD blr, x9, pad_none, 2
    BAD blr, x9, no_pad, 2
    GOOD br, x9, pad_j
    GOOD br, x9, pad_jc
    BAD br, x9, pad_c, 3
    BAD br, x9, pad_pac, 3
    BAD br, x9, no_pad, 3
    GOOD br, x16, pad_c
    GOOD br, x17, pad_j
    GOOD br, x16, pad_pac
    BAD br, x17, no_pad, 1
    BAD br, x16, pad_none, 1

    /* RET and B need no landing pad. */
    mov x0, #0
    adr x30, 5f
    b no_pad
5:  CHK x0, 1
    mov x0, #0
    adr x13, no_pad
    adr x30, 6f
    ret x13
6:  CHK x0, 1

    /* An mmap'ed copy of "add x0, x0, #1; ret": unguarded, then guarded. */
    mov x0, #0
    mov x1, #4096
    mov x2, #3                  /* PROT_READ | PROT_WRITE */
    mov x3, #0x22               /* MAP_PRIVATE | MAP_ANONYMOUS */
    mov x4, #-1
    mov x5, #0
    mov x8, #222                /* mmap */
    svc #0
    mov x25, x0
    adr x1, no_pad
    ldr x2, [x1]
    str x2, [x25]
    mov x0, x25
    mov x1, #4096
    mov x2, #5                  /* PROT_READ | PROT_EXEC */
    mov x8, #226                /* mprotect */
    svc #0
    CHK x0, 0
    mov x0, #0
    mov x20, #0
    blr x25
    CHK x20, 0
    CHK x0, 1
    mov x0, x25
    mov x1, #4096
    mov x2, #0x15               /* PROT_READ | PROT_EXEC | PROT_BTI */
    mov x8, #226
    svc #0
    CHK x0, 0
    mov x0, #0
    mov x20, #0
    adr x24, 7f
    blr x25
7:  CHK x20, 4
    CHK x22, 1
    cmp x21, x25
    .set ncheck, ncheck + 1
    b.eq 8f
    mov x0, #ncheck
    b fail
8:  CHK x23, 2
    CHK x0, 0

    /* write(1, msg, len); exit(0) */
    mov x0, #1
    adr x1, msg
    mov x2, #(msg_end - msg)
    mov x8, #64
    svc #0
    mov x0, #0
fail:
    mov x8, #93
    svc #0

msg:
    .ascii "ok a64-bti\n"
msg_end:

/* GNU_PROPERTY_AARCH64_FEATURE_1_AND with GNU_PROPERTY_AARCH64_FEATURE_1_BTI. */
    .section .note.gnu.property, "a"
    .p2align 3
    .word 4, 16, 5              /* namesz, descsz, NT_GNU_PROPERTY_TYPE_0 */
    .asciz "GNU"
    .word 0xc0000000, 4, 1, 0   /* pr_type, pr_datasz, BTI, padding */
