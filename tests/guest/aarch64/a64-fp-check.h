/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Assembler macros shared by the a64-*.S tests that include this file.
 * Each CHK* is one numbered check; on the first mismatch the test exits
 * with the check's number (mod 256), so the exit status names the failing
 * check.  CHKQ reads whole Q registers through x28, which must point to
 * 16 bytes of scratch memory (FINISH defines scratch).
 */

    .set ncheck, 0

/* A general register against a 64-bit constant (clobbers x16). */
    .macro CHK reg, val
    .set ncheck, ncheck + 1
    ldr x16, =\val
    cmp \reg, x16
    b.eq 1f
    mov x0, #(ncheck & 255)
    b fail
1:
    .endm

/* All 128 bits of Vq (as qN) against lo, hi (clobbers x15, x16). */
    .macro CHKQ q, lo, hi
    str \q, [x28]
    ldr x15, [x28]
    CHK x15, \lo
    ldr x15, [x28, #8]
    CHK x15, \hi
    .endm

/* FPSR's cumulative flags against val, then clear them (x15, x16). */
    .macro CHKFPSR val
    mrs x15, fpsr
    CHK x15, \val
    msr fpsr, xzr
    .endm

/* Make the instruction at \reg visible to instruction fetch, the way the
 * Arm ARM prescribes for code that was written. */
    .macro SYNC_ICACHE reg
    dc cvau, \reg
    dsb ish
    ic ivau, \reg
    dsb ish
    isb
    .endm

/* NZCV (4 bits) against val (x15, x16). */
    .macro CHKNZCV val
    mrs x15, nzcv
    lsr x15, x15, #28
    CHK x15, \val
    .endm

/* Load a 64-bit pattern into Dd / a 32-bit one into Sd, filling the rest
 * of the Q register with garbage first (x16). */
    .macro LDD d, val
    ldr q\d, garbage
    ldr x16, =\val
    fmov d\d, x16
    .endm
    .macro LDS s, val
    ldr q\s, garbage
    ldr w16, =\val
    fmov s\s, w16
    .endm

/* Set FPCR (x16). */
    .macro FPCR val
    ldr x16, =\val
    msr fpcr, x16
    .endm

#define IOC 0x01
#define DZC 0x02
#define OFC 0x04
#define UFC 0x08
#define IXC 0x10
#define IDC 0x80
#define FZ  0x1000000
#define DN  0x2000000
#define AHP 0x4000000
#define RP  0x400000
#define RM  0x800000
#define RZ  0xc00000

/* The end of each test: print "ok NAME" and exit 0, or exit with x0. */
    .macro FINISH name
    mov x0, #1
    adr x1, 8f
    mov x2, #9f - 8f
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
fail:
    mov x8, #93
    svc #0
    .ltorg
    .balign 16
garbage:
    .quad 0xdeadbeefdeadbeef, 0xcafebabecafebabe
8:
    .ascii "ok \name\n"
9:
    .data
    .balign 16
scratch:
    .space 16
    .endm
