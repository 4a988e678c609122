/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Self-modifying code.  Each phase writes instruction words into memory,
 * makes them visible to instruction fetch the architected way (DC CVAU,
 * DSB ISH, IC IVAU, DSB ISH, ISB, as the Arm ARM's section on concurrent
 * modification and execution of instructions prescribes), runs them,
 * rewrites the same address and runs it again, expecting the new result
 * every time:
 *   1. an RWX page rewritten 64 times with "MOVZ W0, #i; RET";
 *   2. an RW page turned RX with mprotect, then RW, rewritten, RX again;
 *   3. code in an RWX page that patches the instruction right after its
 *      own ISB, in the same page and the same translated block;
 *   4. a branch whose target is changed by rewriting the B instruction.
 * Prints one line per phase; on failure exits with the phase number.
 * No C library: raw system calls.
 */
#include "a64-fp-check.h"   /* SYNC_ICACHE */

#define SYS_write 64
#define SYS_exit 93
#define SYS_munmap 215
#define SYS_mmap 222
#define SYS_mprotect 226
#define PROT_RW 3
#define PROT_RX 5
#define PROT_RWX 7
#define MAP_PRIVATE_ANON 0x22
#define MOVZ_W0 0x52800000      /* MOVZ W0, #imm16: imm16 in bits 20:5 */
#define RET 0xd65f03c0
#define B_OPCODE 0x14000000     /* B: imm26 word offset in bits 25:0 */


.macro PRINT msg, len
    mov x0, #1
    adr x1, \msg
    mov x2, #\len
    mov x8, #SYS_write
    svc #0
.endm

/* x0 = a fresh page with protection \prot, or exit with phase x27. */
.macro MAP_PAGE prot
    mov x0, #0
    mov x1, #4096
    mov x2, #\prot
    mov x3, #MAP_PRIVATE_ANON
    mov x4, #-1
    mov x5, #0
    mov x8, #SYS_mmap
    svc #0
    cmn x0, #4095
    b.hs fail
.endm

.macro MPROTECT reg, prot
    mov x0, \reg
    mov x1, #4096
    mov x2, #\prot
    mov x8, #SYS_mprotect
    svc #0
    cbnz x0, fail
.endm

/* w\dst = MOVZ W0, #\imm (imm in a register) */
.macro MAKE_MOVZ dst, imm
    mov \dst, #MOVZ_W0
    orr \dst, \dst, \imm, lsl #5
.endm

    .text
    .global _start
_start:
    /* Phase 1: an RWX page rewritten and run 64 times. */
    mov x27, #1
    MAP_PAGE PROT_RWX
    mov x19, x0
    ldr w20, =RET
    str w20, [x19, #4]
    mov w21, #1
1:  MAKE_MOVZ w22, w21
    str w22, [x19]
    SYNC_ICACHE x19
    blr x19
    cmp w0, w21
    b.ne fail
    add w21, w21, #1
    cmp w21, #64
    b.ls 1b
    PRINT msg1, msg1_len

    /* Phase 2: RW -> RX, run, RW -> write -> RX, run. */
    mov x27, #2
    MAP_PAGE PROT_RW
    mov x19, x0
    mov w0, #7
    MAKE_MOVZ w22, w0
    ldr w20, =RET
    stp w22, w20, [x19]
    MPROTECT x19, PROT_RX
    SYNC_ICACHE x19
    blr x19
    cmp w0, #7
    b.ne fail
    MPROTECT x19, PROT_RW
    mov w0, #8
    MAKE_MOVZ w22, w0
    str w22, [x19]
    MPROTECT x19, PROT_RX
    SYNC_ICACHE x19
    blr x19
    cmp w0, #8
    b.ne fail
    mov x0, x19
    mov x1, #4096
    mov x8, #SYS_munmap
    svc #0
    PRINT msg2, msg2_len

    /* Phase 3: copy patch_template into an RWX page and let it patch the
     * instruction after its own ISB; twice, with different values. */
    mov x27, #3
    MAP_PAGE PROT_RWX
    mov x19, x0
    adr x1, patch_template
    adr x2, patch_template_end
    mov x3, x19
2:  ldr w4, [x1], #4
    str w4, [x3], #4
    cmp x1, x2
    b.lo 2b
    SYNC_ICACHE x19
    add x23, x19, #(patched - patch_template)
    mov w0, #222
    MAKE_MOVZ w1, w0
    mov x0, x23
    blr x19
    cmp w0, #222
    b.ne fail
    mov w0, #333
    MAKE_MOVZ w1, w0
    mov x0, x23
    blr x19
    cmp w0, #333
    b.ne fail
    PRINT msg3, msg3_len

    /* Phase 4: "B +8 / MOVZ W0,#1; RET / MOVZ W0,#2; RET" with the branch
     * rewritten to skip more or less. */
    mov x27, #4
    add x19, x19, #1024
    mov w0, #1
    MAKE_MOVZ w1, w0
    ldr w2, =RET
    mov w0, #2
    MAKE_MOVZ w3, w0
    ldr w4, =(B_OPCODE | 1)     /* B .+4: to MOVZ #1 */
    stp w4, w1, [x19]
    stp w2, w3, [x19, #8]
    str w2, [x19, #16]
    SYNC_ICACHE x19
    add x0, x19, #16
    SYNC_ICACHE x0
    blr x19
    cmp w0, #1
    b.ne fail
    ldr w4, =(B_OPCODE | 3)     /* B .+12: to MOVZ #2 */
    str w4, [x19]
    SYNC_ICACHE x19
    blr x19
    cmp w0, #2
    b.ne fail
    PRINT msg4, msg4_len

    mov x0, #0
    mov x8, #SYS_exit
    svc #0

fail:
    PRINT failmsg, failmsg_len
    mov x0, x27
    mov x8, #SYS_exit
    svc #0
    .ltorg

/* Copied to the RWX page: x0 = address of "patched" there, w1 = the new
 * instruction.  Stores it, synchronises, then runs it. */
    .balign 4
patch_template:
    str w1, [x0]
    SYNC_ICACHE x0
patched:
    mov w0, #111
    ret
patch_template_end:

    .section .rodata
msg1:
    .ascii "phase 1: RWX page rewritten 64 times: ok\n"
    .equ msg1_len, . - msg1
msg2:
    .ascii "phase 2: RW/RX with mprotect: ok\n"
    .equ msg2_len, . - msg2
msg3:
    .ascii "phase 3: patch after own ISB: ok\n"
    .equ msg3_len, . - msg3
msg4:
    .ascii "phase 4: rewritten branch: ok\n"
    .equ msg4_len, . - msg4
failmsg:
    .ascii "FAIL: the exit status is the failing phase\n"
    .equ failmsg_len, . - failmsg
