/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 exception entry and return for full-system mode: the banked
 * registers of EL1 (and the ELs above it as far as the boot path needs),
 * AArch64.TakeException (vector selection, SPSR/ELR/ESR/FAR, the PSTATE an
 * exception handler starts with, the stack pointer switch) and
 * AArch64.ExceptionReturn (ERET, with the illegal-return checks), plus the
 * ESR syndromes the CPU loop raises.
 *
 * PSTATE is held in the SPSR layout (N Z C V 31:28, DIT 24, UAO 23, PAN 22,
 * SS 21, IL 20, SSBS 12, BTYPE 11:10, D A I F 9:6, M[3:2] the EL, M[0] the
 * SP selection), so entry and return copy it as a word.  The live stack
 * pointer is the CPU's x[31]; the banked copy of the selected one is stale
 * while it runs and is refreshed whenever the selection changes.
 */
#ifndef GUISE_A64_EXCEPTION_H
#define GUISE_A64_EXCEPTION_H

#include <stdbool.h>
#include <stdint.h>

/* PSTATE / SPSR bits. */
#define A64_PSR_N      (1ull << 31)
#define A64_PSR_Z      (1ull << 30)
#define A64_PSR_C      (1ull << 29)
#define A64_PSR_V      (1ull << 28)
#define A64_PSR_DIT    (1ull << 24)
#define A64_PSR_UAO    (1ull << 23)
#define A64_PSR_PAN    (1ull << 22)
#define A64_PSR_SS     (1ull << 21)
#define A64_PSR_IL     (1ull << 20)
#define A64_PSR_SSBS   (1ull << 12)
#define A64_PSR_BTYPE  (3ull << 10)
#define A64_PSR_D      (1ull << 9)
#define A64_PSR_A      (1ull << 8)
#define A64_PSR_I      (1ull << 7)
#define A64_PSR_F      (1ull << 6)
#define A64_PSR_DAIF   (0xfull << 6)
#define A64_PSR_M4     (1ull << 4)      /* AArch32 state: not implemented */
#define A64_PSR_EL_SHIFT 2
#define A64_PSR_EL     (3ull << 2)
#define A64_PSR_SP     (1ull << 0)

static inline unsigned a64_psr_el(uint64_t pstate)
{
    return (pstate >> A64_PSR_EL_SHIFT) & 3;
}

/* The banked system registers exception entry and return use, indexed by
 * EL (index 0 unused except sp[0], SP_EL0). */
typedef struct A64ExcRegs {
    uint64_t sp[4];                /* SP_EL0..SP_EL3 */
    uint64_t elr[4], spsr[4], esr[4], far[4], vbar[4], sctlr[4];
    unsigned max_el;               /* highest EL implemented (1, 2 or 3) */
} A64ExcRegs;

/* Exception classes (ESR_ELx.EC). */
enum {
    A64_EC_UNKNOWN = 0x00, A64_EC_WFX = 0x01, A64_EC_FP_ACCESS = 0x07,
    A64_EC_BTI = 0x0d, A64_EC_ILLEGAL_STATE = 0x0e, A64_EC_SVC64 = 0x15,
    A64_EC_HVC64 = 0x16, A64_EC_SMC64 = 0x17, A64_EC_SYSREG = 0x18,
    A64_EC_PAC_FAIL = 0x1c, A64_EC_IABT_LOWER = 0x20, A64_EC_IABT_SAME = 0x21,
    A64_EC_PC_ALIGN = 0x22, A64_EC_DABT_LOWER = 0x24, A64_EC_DABT_SAME = 0x25,
    A64_EC_SP_ALIGN = 0x26, A64_EC_FP_EXC64 = 0x2c, A64_EC_SERROR = 0x2f,
    A64_EC_BRK64 = 0x3c,
};

/* Kinds of exception, as the vector offsets order them. */
typedef enum A64ExcKind {
    A64_EXC_SYNC = 0, A64_EXC_IRQ = 1, A64_EXC_FIQ = 2, A64_EXC_SERROR = 3,
} A64ExcKind;

/* ESR for EC and ISS with IL = 1 (a 32-bit instruction). */
static inline uint64_t a64_esr(unsigned ec, uint32_t iss)
{
    return (uint64_t)ec << 26 | 1u << 25 | (iss & 0x1ffffff);
}

/* The ISS of a data abort: fault status code, write, stage-1 walk. */
static inline uint32_t a64_dabt_iss(unsigned fsc, bool write, bool s1ptw)
{
    return fsc | (write ? 1u << 6 : 0) | (s1ptw ? 1u << 7 : 0);
}

/* Take an exception of kind k to EL target (>= the current EL).  pc: the
 * preferred return address on entry, the vector on return; pstate and sp
 * the live PSTATE and SP.  esr and far are written for synchronous
 * exceptions and SErrors (far only when has_far). */
void a64_take_exception(A64ExcRegs *r, uint64_t *pc, uint64_t *pstate, uint64_t *sp,
                        unsigned target, A64ExcKind k, uint64_t esr, bool has_far, uint64_t far);

/* ERET from the current EL.  Returns false for an illegal return, after
 * which PSTATE.IL is set and the EL and SP selection are unchanged (the
 * next instruction then takes an Illegal Execution State exception). */
bool a64_exception_return(A64ExcRegs *r, uint64_t *pc, uint64_t *pstate, uint64_t *sp);

/* Change PSTATE (e.g. MSR SPSel), keeping the banked SPs right. */
void a64_set_pstate(A64ExcRegs *r, uint64_t *pstate, uint64_t *sp, uint64_t value);

#endif
