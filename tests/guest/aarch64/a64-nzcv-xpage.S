/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flags whose fate is decided on another page.  A block that ends in a
 * B or BL to code on another page drops its flags when that code sets
 * them before reading them (nzcv-live.c looks there).  Here the code
 * there is then rewritten so that it reads them first: the block must be
 * translated again with its flags kept, so the block that read the old
 * code has to go when the other page is written, not only the blocks
 * that start on it.
 *
 * The callee's page is made writable with mprotect only to patch it (the
 * look-ahead does not look into a page the program may write, a JIT's,
 * which watching would make fault on every store).  Each case first
 * leaves NZCV "gt" in the saved state (a system call stores it), then
 * runs the block "cmp lt; b/bl callee" 40 times (past the cold-code
 * interpreter's runs) with the callee "cmp xzr, xzr; b.lt; ..." (flags
 * set first: the answer is 1), patches the CMP into a NOP, and runs the
 * block again: the callee's B.LT now reads the block's flags (lt: 2).  A
 * block kept from before would pass on the older "gt" (1).  A third
 * case leaves the page writable while the block runs.
 * Self-checking: exits with the number of the failing check; on success
 * prints "ok a64-nzcv-xpage".
 */
#include "a64-fp-check.h"

#define SYS_getpid 172
#define SYS_mprotect 226
#define PROT_RWX 7
#define PROT_RX 5
#define NOP 0xd503201f

/* NZCV "gt" in the state a system call saves. */
.macro FLAGS_GT
    mov x3, #5
    mov x4, #3
    cmp x3, x4
    mov x8, #SYS_getpid
    svc #0
.endm

/* mprotect the callees' page (one check) */
.macro PROTECT prot
    adr x0, callees
    mov x1, #4096
    mov x2, #\prot
    mov x8, #SYS_mprotect
    svc #0
    CHK x0, 0
.endm

/* Run \block 40 times with \callee's first instruction a CMP, then
 * once with it a NOP. */
.macro CASE block, callee
    mov x19, #40
1000:
    FLAGS_GT
    bl \block
    CHK x0, 1
    subs x19, x19, #1
    b.ne 1000b
    PROTECT PROT_RWX
    adr x20, \callee
    ldr w21, =NOP
    str w21, [x20]
    SYNC_ICACHE x20
    PROTECT PROT_RX
    FLAGS_GT
    bl \block
    CHK x0, 2
.endm

/* A callee: 1 when the flags it is entered with say "not lt", after its
 * first instruction, which sets them (eq). */
.macro CALLEE
    cmp xzr, xzr                /* becomes a NOP */
    b.lt 1f
    mov x0, #1
    ret
1:  mov x0, #2
    ret
.endm

    .text
    .globl _start
_start:
    adr x28, scratch

    /* 1: the block ends in a B to the other page */
    CASE jump_block, jumped_to
    /* 2: the block ends in a BL to the other page */
    CASE call_block, called
    /* 3: the other page writable all along (not looked into: the flags
     * stay), the same answers */
    PROTECT PROT_RWX
    CASE jump_block2, jumped_to2

    FINISH a64-nzcv-xpage

    .text
    .p2align 2
/* "cmp lt; b jumped_to"; jumped_to returns to our caller */
jump_block:
    mov x5, #3
    mov x6, #5
    cmp x5, x6
    b jumped_to

/* the same, to jumped_to2 */
jump_block2:
    mov x5, #3
    mov x6, #5
    cmp x5, x6
    b jumped_to2

/* "cmp lt; bl called" */
call_block:
    mov x29, x30
    mov x5, #3
    mov x6, #5
    cmp x5, x6
    bl called
    mov x30, x29
    ret

    .p2align 12
callees:
jumped_to:
    CALLEE
called:
    CALLEE
jumped_to2:
    CALLEE
    .p2align 12
