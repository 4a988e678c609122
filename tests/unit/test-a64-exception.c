/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of aarch64 exception entry and return (translate/aarch64/
 * exception.c): vector offsets for each origin and kind, the saved SPSR,
 * ELR, ESR and FAR, the PSTATE a handler starts with (DAIF, PAN from
 * SCTLR.SPAN, SSBS from SCTLR.DSSBS), the banked stack pointers across
 * entry, ERET and SPSel changes, and the illegal exception returns.
 */
#include <stdio.h>
#include "translate/aarch64/exception.h"
#include "unit.h"


#define VBAR 0xffff800010010800ull
#define EL0T 0x0ull
#define EL1T 0x4ull
#define EL1H 0x5ull

int main(void)
{
    A64ExcRegs r = { .max_el = 1 };
    uint64_t pc = 0x400123, pstate = EL0T | A64_PSR_N | A64_PSR_C, sp = 0xfffffff0000ull;

    r.vbar[1] = VBAR;
    r.sp[1] = 0xffff800011000000ull;

    /* SVC from EL0: lower-EL vector, SP_EL1, everything masked, PAN set. */
    a64_take_exception(&r, &pc, &pstate, &sp, 1, A64_EXC_SYNC, a64_esr(A64_EC_SVC64, 0), false, 0);
    result("SVC from EL0: vector", pc == VBAR + 0x400);
    result("SVC from EL0: SPSR, ELR, ESR", r.spsr[1] == (EL0T | A64_PSR_N | A64_PSR_C) &&
                                           r.elr[1] == 0x400123 && r.esr[1] == 0x56000000);
    result("SVC from EL0: handler PSTATE",
           pstate == (EL1H | A64_PSR_DAIF | A64_PSR_PAN | A64_PSR_N | A64_PSR_C));
    result("SVC from EL0: SP switch", sp == 0xffff800011000000ull && r.sp[0] == 0xfffffff0000ull);

    /* An IRQ taken in the handler (EL1h): 0x200 + 0x80, ESR untouched. */
    sp -= 0x100;
    pc = 0xffff800010001234ull;
    a64_take_exception(&r, &pc, &pstate, &sp, 1, A64_EXC_IRQ, 0x1234, false, 0);
    result("IRQ from EL1h: vector and ESR", pc == VBAR + 0x280 && r.esr[1] == 0x56000000);
    result("IRQ from EL1h: same SP", sp == 0xffff800011000000ull - 0x100);

    /* A data abort from EL1t: 0x000, FAR written, ESR from the ISS. */
    pstate = EL1T;
    uint64_t esr = a64_esr(A64_EC_DABT_SAME, a64_dabt_iss(0x07, true, false));
    result("data abort ESR", esr == 0x96000047);
    a64_take_exception(&r, &pc, &pstate, &sp, 1, A64_EXC_SYNC, esr, true, 0xdead000);
    result("abort from EL1t: vector, FAR", pc == VBAR && r.far[1] == 0xdead000 && r.esr[1] == esr);
    result("abort from EL1t: SP_EL0 banked", r.sp[0] == 0xffff800011000000ull - 0x100);

    /* SError with SPAN = 1 and DSSBS = 1: PAN unchanged (clear), SSBS set. */
    r.sctlr[1] = 1ull << 23 | 1ull << 44;
    pstate = EL1H;
    a64_take_exception(&r, &pc, &pstate, &sp, 1, A64_EXC_SERROR, a64_esr(A64_EC_SERROR, 0), false, 0);
    result("SError: vector", pc == VBAR + 0x380);
    result("SPAN = 1 keeps PAN, DSSBS sets SSBS",
           pstate == (EL1H | A64_PSR_DAIF | A64_PSR_SSBS));

    /* ERET to EL0: PSTATE, PC and SP_EL0 back. */
    r.spsr[1] = EL0T | A64_PSR_Z | A64_PSR_BTYPE;
    r.elr[1] = 0x400200;
    r.sp[0] = 0x7ffff000;
    sp = 0xffff800011000000ull;
    pstate = EL1H | A64_PSR_DAIF | A64_PSR_PAN;
    result("ERET to EL0", a64_exception_return(&r, &pc, &pstate, &sp) && pc == 0x400200 &&
                          pstate == (EL0T | A64_PSR_Z | A64_PSR_BTYPE) && sp == 0x7ffff000 &&
                          r.sp[1] == 0xffff800011000000ull);

    /* Illegal returns: to a higher EL, to EL0 with SP_ELx, to AArch32. */
    static const struct { const char *name; uint64_t spsr; } bad[] = {
        { "ERET to EL2 (not implemented, higher)", 0x9 | A64_PSR_V },
        { "ERET to EL0 with SP_EL0 selection bit set", 0x1 | A64_PSR_V },
        { "ERET to AArch32", 0x10 | A64_PSR_V },
        { "ERET with M[1] set", 0x6 | A64_PSR_V },
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        pstate = EL1H;
        sp = 0x1000;
        r.spsr[1] = bad[i].spsr;
        bool ok = a64_exception_return(&r, &pc, &pstate, &sp);
        result(bad[i].name, !ok && a64_psr_el(pstate) == 1 && (pstate & A64_PSR_SP) &&
                            (pstate & A64_PSR_IL) && (pstate & A64_PSR_V) && sp == 0x1000);
    }

    /* MSR SPSel: EL1h -> EL1t swaps in SP_EL0 and back. */
    pstate = EL1H;
    sp = 0xaaaa;
    r.sp[0] = 0xbbbb;
    a64_set_pstate(&r, &pstate, &sp, EL1T);
    result("SPSel 0", sp == 0xbbbb && r.sp[1] == 0xaaaa);
    a64_set_pstate(&r, &pstate, &sp, EL1H);
    result("SPSel 1", sp == 0xaaaa && r.sp[0] == 0xbbbb);

    return unit_summary();
}
