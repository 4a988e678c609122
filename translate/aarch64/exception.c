/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * aarch64 exception entry and return (see exception.h), after the Arm ARM's
 * AArch64.TakeException and AArch64.ExceptionReturn (D1, "Exception entry"
 * and "Exception return"; the illegal return rules of "Illegal return
 * events from AArch64 state").
 *
 * Vector offsets from VBAR_ELx: 0x000 from the same EL using SP_EL0,
 * 0x200 from the same EL using SP_ELx, 0x400 from a lower EL in AArch64
 * (0x600, lower EL in AArch32, never: AArch32 is not implemented); plus
 * 0x80 per kind (synchronous, IRQ, FIQ, SError).
 */
#include "exception.h"

/* The SP the selection in pstate uses: SP_EL0, or SP_ELn at ELn. */
static unsigned sp_index(uint64_t pstate)
{
    return (pstate & A64_PSR_SP) ? a64_psr_el(pstate) : 0;
}

/* Switch from old to new PSTATE, moving the live SP to and from the bank. */
static void switch_sp(A64ExcRegs *r, uint64_t old, uint64_t new, uint64_t *sp)
{
    unsigned from = sp_index(old), to = sp_index(new);

    if (from != to) {
        r->sp[from] = *sp;
        *sp = r->sp[to];
    }
}

void a64_set_pstate(A64ExcRegs *r, uint64_t *pstate, uint64_t *sp, uint64_t value)
{
    switch_sp(r, *pstate, value, sp);
    *pstate = value;
}

void a64_take_exception(A64ExcRegs *r, uint64_t *pc, uint64_t *pstate, uint64_t *sp,
                        unsigned target, A64ExcKind k, uint64_t esr, bool has_far, uint64_t far)
{
    uint64_t old = *pstate, new;
    unsigned from = a64_psr_el(old);
    uint64_t offset = from < target ? 0x400 : (old & A64_PSR_SP) ? 0x200 : 0;
    uint64_t sctlr = r->sctlr[target];

    r->spsr[target] = old;
    r->elr[target] = *pc;
    if (k == A64_EXC_SYNC || k == A64_EXC_SERROR) {
        r->esr[target] = esr;
        if (has_far)
            r->far[target] = far;
    }
    /* The handler starts at the target EL on SP_ELx with every interrupt
     * masked, not stepping, IL and BTYPE clear; NZCV and DIT carry over. */
    new = old & (A64_PSR_N | A64_PSR_Z | A64_PSR_C | A64_PSR_V | A64_PSR_DIT | A64_PSR_PAN);
    new |= A64_PSR_DAIF | (uint64_t)target << A64_PSR_EL_SHIFT | A64_PSR_SP;
    if (!(sctlr & (1ull << 23)))                   /* SCTLR_ELx.SPAN */
        new |= A64_PSR_PAN;
    if (sctlr & (1ull << 44))                      /* SCTLR_ELx.DSSBS */
        new |= A64_PSR_SSBS;
    if (target != 1)                               /* PAN only at EL1 (no VHE) */
        new &= ~A64_PSR_PAN;
    switch_sp(r, old, new, sp);
    *pstate = new;
    *pc = (r->vbar[target] & ~0x7ffull) + offset + 0x80 * (unsigned)k;
}

/* The PSTATE bits an SPSR gives back on return (the rest are RES0 here). */
#define RETURN_BITS (A64_PSR_N | A64_PSR_Z | A64_PSR_C | A64_PSR_V | A64_PSR_DIT | \
                     A64_PSR_UAO | A64_PSR_PAN | A64_PSR_SS | A64_PSR_IL | A64_PSR_SSBS | \
                     A64_PSR_BTYPE | A64_PSR_DAIF | A64_PSR_EL | A64_PSR_SP)

bool a64_exception_return(A64ExcRegs *r, uint64_t *pc, uint64_t *pstate, uint64_t *sp)
{
    unsigned cur = a64_psr_el(*pstate);
    uint64_t spsr = r->spsr[cur];
    unsigned target = a64_psr_el(spsr);
    bool illegal = (spsr & A64_PSR_M4) || (spsr & 2) || target > cur || target > r->max_el ||
                   (target == 0 && (spsr & A64_PSR_SP));
    uint64_t new;

    if (illegal) {
        /* Everything from the SPSR but the EL and SP selection; IL set. */
        new = (spsr & RETURN_BITS & ~(A64_PSR_EL | A64_PSR_SP)) |
              (*pstate & (A64_PSR_EL | A64_PSR_SP)) | A64_PSR_IL;
    } else {
        new = spsr & RETURN_BITS;
    }
    if (a64_psr_el(new) != 1)
        new &= ~A64_PSR_PAN;
    switch_sp(r, *pstate, new, sp);
    *pstate = new;
    *pc = r->elr[cur];
    return !illegal;
}
