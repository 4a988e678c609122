/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System registers readable at EL0: NZCV, FPCR, FPSR and TPIDR_EL0 round
 * trips, TPIDRRO_EL0, CTR_EL0, DCZID_EL0 with DC ZVA zeroing exactly its
 * block (also over code that has run), the generic timer
 * (CNTVCT_EL0 advancing at CNTFRQ_EL0 across a nanosleep), MIDR/MPIDR,
 * and the ID_AA64* registers Linux emulates agreeing with
 * AT_HWCAP/AT_HWCAP2 field by field.
 * Self-checking: the first wrong register or flag exits with the number of
 * its check; on success prints "ok a64-sys-regs".
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

    .arch armv8.2-a
    .text
    .globl _start

/* IDCHK reg, lsb, min, hw, bit: (field reg<lsb+3:lsb> >= min) == hw<bit> */
    .macro IDCHK reg, lsb, min, hw, bit
    ubfx x3, \reg, #\lsb, #4
    cmp x3, #\min
    cset x4, hs
    ubfx x5, \hw, #\bit, #1
    cmp x4, x5
    FAIL_IF_NE
    .endm
/* IDCHK1: only "hw<bit> implies the field" (qemu-user 7.2 shows DIT and
 * SSBS in the ID registers without their HWCAPs; Linux shows both). */
    .macro IDCHK1 reg, lsb, min, hw, bit
    ubfx x3, \reg, #\lsb, #4
    cmp x3, #\min
    cset x4, hs
    ubfx x5, \hw, #\bit, #1
    bic x5, x5, x4
    cmp x5, #0
    FAIL_IF_NE
    .endm
/* IDCHKS: the same for a signed field where 0xf means absent. */
    .macro IDCHKS reg, lsb, hw, bit
    ubfx x3, \reg, #\lsb, #4
    cmp x3, #0xf
    cset x4, ne
    ubfx x5, \hw, #\bit, #1
    cmp x4, x5
    FAIL_IF_NE
    .endm

_start:
    mov x19, sp

    /* NZCV: only bits 31:28 exist */
    LI x1, 0xa0000000
    msr nzcv, x1
    mrs x2, nzcv
    CHK x2, 0xa0000000
    mov x1, #-1
    msr nzcv, x1
    mrs x2, nzcv
    CHK x2, 0xf0000000
    msr nzcv, xzr
    CHKF 0

    /* FPCR (AHP, DN, FZ, RMode round trip) and FPSR (cumulative bits) */
    LI x1, 0x07c00000
    msr fpcr, x1
    mrs x2, fpcr
    and x2, x2, #0x07c00000
    CHK x2, 0x07c00000
    msr fpcr, xzr
    mrs x2, fpcr
    CHK x2, 0
    LI x1, 0x0800009f
    msr fpsr, x1
    mrs x2, fpsr
    CHK x2, 0x0800009f
    msr fpsr, xzr
    mrs x2, fpsr
    CHK x2, 0

    /* TPIDR_EL0 read/write, TPIDRRO_EL0 reads 0 in a fresh process */
    LI x1, 0x123456789abcdef0
    msr tpidr_el0, x1
    mrs x2, tpidr_el0
    CHK x2, 0x123456789abcdef0
    mrs x2, tpidrro_el0
    CHK x2, 0

    /* CTR_EL0: RES1 bit 31, line sizes of at least 16 bytes */
    mrs x2, ctr_el0
    tst x2, #0x80000000
    b.ne 1f
    FAILNOW
1:  ubfx x3, x2, #16, #4
    cmp x3, #2
    b.hs 1f
    FAILNOW
1:  ubfx x3, x2, #0, #4
    cmp x3, #2
    b.hs 1f
    FAILNOW
1:

    /* DCZID_EL0: DC ZVA allowed; DC ZVA zeroes exactly the aligned block
     * around an unaligned address in a buffer of 0xff */
    mrs x2, dczid_el0
    tst x2, #0x10
    FAIL_IF_NE
    and x3, x2, #0xf
    mov x4, #4
    lsl x20, x4, x3             /* block size in bytes */
    cmp x20, #2048
    b.ls 1f
    FAILNOW
1:  adrp x21, zbuf
    add x21, x21, #:lo12:zbuf
    add x21, x21, #4095
    and x21, x21, #~4095        /* 4 KiB aligned */
    mov x5, #-1
    mov x6, #0
    mov x11, #6144
2:  str x5, [x21, x6]
    add x6, x6, #8
    cmp x6, x11
    b.lo 2b
    add x7, x21, x20
    add x7, x7, x20, lsr #1
    add x7, x7, #3
    dc zva, x7
    mov x6, #0
3:  ldrb w8, [x21, x6]
    cmp x6, x20
    b.lo 4f
    lsl x9, x20, #1
    cmp x6, x9
    b.hs 4f
    cmp w8, #0                  /* inside the block */
    b 5f
4:  cmp w8, #0xff               /* outside it */
5:  FAIL_IF_NE
    add x6, x6, #1
    cmp x6, x11
    b.lo 3b

    /* DC ZVA over a page of code that has run: the new code runs after */
    mov x0, #0
    mov x1, #4096
    mov x2, #7                  /* PROT_READ | PROT_WRITE | PROT_EXEC */
    mov x3, #0x22               /* MAP_PRIVATE | MAP_ANONYMOUS */
    mov x4, #-1
    mov x5, #0
    mov x8, #222                /* mmap */
    svc #0
    mov x23, x0
    LI x1, 0xd65f03c0d2800540   /* mov x0, #42; ret */
    str x1, [x23]
    dc cvau, x23
    dsb ish
    ic ivau, x23
    dsb ish
    isb
    blr x23
    CHK x0, 42
    dc zva, x23
    ldr x3, [x23]
    CHK x3, 0
    LI x1, 0xd65f03c0d28000e0   /* mov x0, #7; ret */
    str x1, [x23, #64]
    dc cvau, x23
    dsb ish
    ic ivau, x23
    dsb ish
    isb
    add x1, x23, #64
    blr x1
    CHK x0, 7

    /* Generic timer: CNTFRQ_EL0 set, CNTVCT_EL0 advancing at CNTFRQ across
     * a 20 ms nanosleep (within 15 ms .. 1 s) */
    mrs x20, cntfrq_el0
    cmp x20, #0
    b.ne 1f
    FAILNOW
1:  mrs x21, cntvct_el0
    sub sp, sp, #16
    LI x1, 20000000
    stp xzr, x1, [sp]
    mov x0, sp
    mov x1, #0
    mov x8, #101                /* nanosleep */
    svc #0
    add sp, sp, #16
    mrs x22, cntvct_el0
    sub x22, x22, x21
    mov x3, #67                 /* freq / 67 ~ 15 ms */
    udiv x4, x20, x3
    cmp x22, x4
    b.hs 1f
    FAILNOW
1:  cmp x22, x20
    b.lo 1f
    FAILNOW
1:

    /* MIDR_EL1 (architecture field: by ID registers), MPIDR_EL1 (bit 31) */
    mrs x2, midr_el1
    ubfx x3, x2, #16, #4
    CHK x3, 0xf
    mrs x2, mpidr_el1
    tst x2, #0x80000000
    b.ne 1f
    FAILNOW
1:

    /* ID registers agree with AT_HWCAP (x20) and AT_HWCAP2 (x21) */
    ldr x1, [x19]               /* argc */
    add x1, x1, #2
    add x1, x19, x1, lsl #3     /* envp */
1:  ldr x2, [x1], #8
    cbnz x2, 1b                 /* auxv follows envp's NULL */
    mov x20, #0
    mov x21, #0
2:  ldp x2, x3, [x1], #16
    cbz x2, 4f
    cmp x2, #16                 /* AT_HWCAP */
    csel x20, x3, x20, eq
    cmp x2, #26                 /* AT_HWCAP2 */
    csel x21, x3, x21, eq
    b 2b
4:  tbnz x20, #11, 5f           /* HWCAP_CPUID: MRS of ID registers works */
    FAILNOW
5:
    mrs x10, id_aa64isar0_el1
    IDCHK x10, 4, 1, x20, 3     /* AES */
    IDCHK x10, 4, 2, x20, 4     /* PMULL */
    IDCHK x10, 8, 1, x20, 5     /* SHA1 */
    IDCHK x10, 12, 1, x20, 6    /* SHA2 */
    IDCHK x10, 16, 1, x20, 7    /* CRC32 */
    IDCHK x10, 20, 2, x20, 8    /* ATOMICS */
    IDCHK x10, 52, 1, x20, 27   /* FLAGM */
    IDCHK x10, 52, 2, x21, 7    /* FLAGM2 */
    mrs x10, id_aa64isar1_el1
    IDCHK x10, 0, 1, x20, 16    /* DCPOP */
    IDCHK x10, 0, 2, x21, 0     /* DCPODP */
    IDCHK x10, 12, 1, x20, 13   /* JSCVT */
    IDCHK x10, 20, 1, x20, 15   /* LRCPC */
    IDCHK x10, 20, 2, x20, 26   /* ILRCPC */
    IDCHK x10, 32, 1, x21, 8    /* FRINT */
    IDCHK x10, 36, 1, x20, 29   /* SB */
    mrs x10, id_aa64pfr0_el1
    IDCHKS x10, 16, x20, 0      /* FP */
    IDCHKS x10, 20, x20, 1      /* ASIMD */
    IDCHK1 x10, 48, 1, x20, 24  /* DIT */
    mrs x10, id_aa64pfr1_el1
    IDCHK1 x10, 4, 2, x20, 28   /* SSBS */
    mrs x10, id_aa64mmfr2_el1
    IDCHK x10, 32, 1, x20, 25   /* USCAT */
    mrs x10, s3_0_c0_c4_4        /* ID_AA64ZFR0_EL1 */
    mrs x10, id_aa64dfr0_el1
    mrs x10, id_aa64mmfr0_el1
    mrs x10, id_aa64mmfr1_el1
    b pass

    .data
    .balign 16
zbuf:
    .space 6144 + 4096
    .text

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
    .ascii "ok a64-sys-regs\n"
okmsg_end:
