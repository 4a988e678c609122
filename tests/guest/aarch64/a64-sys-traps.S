/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Exceptions the guest sees as signals: BRK raises SIGTRAP (TRAP_BRKPT)
 * at the BRK, SVC resumes after itself with other registers and the flags
 * intact, and instructions undefined at EL0 (HVC, SMC, HLT, EL1 system
 * registers, DAIF/SPSel writes, IC IALLU, SYSL, writes to read-only
 * registers) or unallocated (reserved field values of the integer
 * encodings) raise SIGILL with si_addr and the saved pc at the
 * instruction; the handler skips it.  DC ZVA on a read-only page raises
 * SIGSEGV at the DC ZVA.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-sys-traps".
 */

/* LI loads a 64-bit constant with MOVZ/MOVK; CHK compares a register
 * with a constant, CHKF the NZCV flags with a 4-bit value (clobbering x16,
 * x17 and the flags); FAILNOW fails unconditionally. */
    .macro LI reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
    .endm
    .set ncheck, 0
    .macro FAIL_IF_NE
    .set ncheck, ncheck + 1
    b.eq 1f
    mov x0, #ncheck
    b fail
1:
    .endm
    .macro FAILNOW
    .set ncheck, ncheck + 1
    mov x0, #ncheck
    b fail
    .endm
    .macro CHK reg, val
    LI x16, \val
    cmp \reg, x16
    FAIL_IF_NE
    .endm
    .macro CHKF nzcv
    mrs x17, nzcv
    LI x16, (\nzcv) << 28
    cmp x17, x16
    FAIL_IF_NE
    .endm
    .macro SETF nzcv
    LI x17, (\nzcv) << 28
    msr nzcv, x17
    .endm

    .arch armv8-a
    .text
    .globl _start

/* Signal handler (SA_SIGINFO): reports the signal, si_addr, the saved pc
 * and si_code in x20-x23 of the interrupted context and resumes after the
 * trapping instruction.  ucontext: uc_mcontext.regs at 184, pc at 440. */
handler:
    ldr w3, [x1, #8]
    ldr x4, [x1, #16]
    ldr x5, [x2, #440]
    str x0, [x2, #184 + 8 * 20]
    str x4, [x2, #184 + 8 * 21]
    str x5, [x2, #184 + 8 * 22]
    str x3, [x2, #184 + 8 * 23]
    add x5, x5, #4
    str x5, [x2, #440]
    ret
restorer:
    mov x8, #139                /* rt_sigreturn */
    svc #0

/* TRAP sig, insn: insn must raise sig with si_addr and pc at itself. */
    .macro TRAP sig, insn:vararg
    mov x20, #0
    mov x21, #0
    mov x22, #0
    adr x24, 9f
9:  \insn
    CHK x20, \sig
    cmp x21, x24
    FAIL_IF_NE
    cmp x22, x24
    FAIL_IF_NE
    .endm
/* TRAPPC sig, insn: the same for a data fault: only the pc is checked. */
    .macro TRAPPC sig, insn:vararg
    mov x20, #0
    mov x22, #0
    adr x24, 9f
9:  \insn
    CHK x20, \sig
    cmp x22, x24
    FAIL_IF_NE
    .endm

_start:
    /* rt_sigaction(SIGILL, SIGTRAP and SIGSEGV, {handler, SA_SIGINFO|SA_RESTORER, restorer, 0}) */
    sub sp, sp, #32
    adr x9, handler
    str x9, [sp]
    LI x9, 0x04000004
    str x9, [sp, #8]
    adr x9, restorer
    str x9, [sp, #16]
    str xzr, [sp, #24]
    mov x0, #4
    mov x1, sp
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0
    mov x0, #5
    mov x1, sp
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0
    mov x0, #11
    mov x1, sp
    mov x2, #0
    mov x3, #8
    mov x8, #134
    svc #0
    CHK x0, 0

    /* SVC resumes after itself with the flags and x1-x7 preserved */
    mov x1, #11
    mov x7, #77
    SETF 0b1010
    mov x8, #172                /* getpid */
    svc #0
    CHKF 0b1010
    CHK x1, 11
    CHK x7, 77

    /* BRK: SIGTRAP (TRAP_BRKPT) at the BRK itself */
    TRAP 5, brk #0x123
    CHK x23, 1
    TRAP 5, brk #0

    /* Undefined at EL0 or unallocated: SIGILL at the instruction */
    TRAP 4, udf #0
    TRAP 4, hvc #0
    TRAP 4, smc #0
    TRAP 4, hlt #0
    TRAP 4, mrs x0, sctlr_el1
    TRAP 4, mrs x0, currentel
    TRAP 4, mrs x0, s3_3_c15_c0_0
    TRAP 4, msr daifset, #2
    TRAP 4, msr spsel, #1
    TRAP 4, ic iallu
    TRAP 4, sysl x0, #0, c0, c0, #0
    TRAP 4, .inst 0xd5180000    /* MSR MIDR_EL1, x0: read-only */
    TRAP 4, .inst 0xd51b4220    /* MSR DAIF, x0 */
    TRAP 4, .inst 0x9200fc00    /* AND (immediate), reserved bitmask */
    TRAP 4, .inst 0x12400000    /* AND (immediate), 32-bit with N = 1 */
    TRAP 4, .inst 0x13c00000    /* EXTR, 32-bit with N = 1 */
    TRAP 4, .inst 0x13200000    /* SBFM, 32-bit with immr >= 32 */
    TRAP 4, .inst 0x52c00000    /* MOVZ, 32-bit with hw = 2 */
    TRAP 4, .inst 0x8bc00000    /* ADD (shifted register), ROR */
    TRAP 4, .inst 0x0b008000    /* ADD (shifted register), 32-bit, amount 32 */
    TRAP 4, .inst 0x8b201400    /* ADD (extended register), shift 5 */
    TRAP 4, .inst 0x1ac04c00    /* CRC32X with sf = 0 */
    TRAP 4, .inst 0x9ac04000    /* CRC32B with sf = 1 */
    TRAP 4, .inst 0x5ac00c00    /* REV, 32-bit with opc = 3 */
    TRAP 4, .inst 0x32800000    /* move wide opc = 01: unallocated */
    TRAP 4, .inst 0x1a800800    /* CSEL with op2<1> set */

    /* DC ZVA (a helper) writing a read-only page: SIGSEGV at the DC ZVA */
    adr x7, _start
    TRAPPC 11, dc zva, x7
    add x7, x7, #100
    TRAPPC 11, dc zva, x7
    b pass

pass:
    mov x0, #1
    adr x1, okmsg
    mov x2, #(okmsg_end - okmsg)
    mov x8, #64                 /* write */
    svc #0
    mov x0, #0
fail:
    mov x8, #93                 /* exit */
    svc #0

okmsg:
    .ascii "ok a64-sys-traps\n"
okmsg_end:
