/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * C helpers of the full-system instructions (sys-el1.c): system register
 * accesses through the EL1 table (sysreg-el1.c), SYS instructions, MSR of
 * PSTATE fields and ERET.  Each is called with env->pc at its instruction
 * (the block stores it first), so an access EL0 may not make becomes the
 * UNDEFINED exception at that instruction, taken here.
 */
#include "translate.h"
#include "cpu-system.h"

static void undef_here(A64SysCpu *c)
{
    a64_sys_exception(c, A64_EXC_SYNC, a64_esr(A64_EC_UNKNOWN, 0), false, 0);
    softmmu_raise(&c->env.common, 0, EXCP_A64_TAKEN);
}

static const A64SysRegDesc *checked(A64SysCpu *c, uint32_t key, bool write)
{
    const A64SysRegDesc *d = a64_sysreg_lookup(key);

    if (!d || (write ? (d->flags & A64_SR_READONLY) : (d->flags & A64_SR_WRITEONLY)))
        undef_here(c);
    if (a64_psr_el(c->env.pstate) == 0 && !a64_sysreg_el0_ok(&c->sys, d, write))
        undef_here(c);
    return d;
}

/* ICC_* through the machine's GIC; UNDEFINED when it has none or refuses. */
static uint64_t gic_access(A64SysCpu *c, uint32_t key, bool write, uint64_t v)
{
    A64SysHooks *h = &c->sys.hooks;

    if (!h->gic_sysreg || !h->gic_sysreg(h->opaque, key, write, &v))
        undef_here(c);
    return v;
}

static uint64_t helper_sysreg_read(uint64_t envp, uint64_t key)
{
    A64SysCpu *c = (A64SysCpu *)(uintptr_t)envp;
    const A64SysRegDesc *d = checked(c, (uint32_t)key, false);

    if (a64_sysreg_is_gic(d))
        return gic_access(c, (uint32_t)key, false, 0);
    return a64_sysreg_read(&c->sys, d, (uint32_t)key);
}
A64_HELPER(sysreg_read, 2, 0);

static uint64_t helper_sysreg_write(uint64_t envp, uint64_t key, uint64_t v)
{
    A64SysCpu *c = (A64SysCpu *)(uintptr_t)envp;
    const A64SysRegDesc *d = checked(c, (uint32_t)key, true);

    if (a64_sysreg_is_gic(d))
        gic_access(c, (uint32_t)key, true, v);
    else
        a64_sysreg_write(&c->sys, d, (uint32_t)key, v);
    return 0;
}
A64_HELPER(sysreg_write, 3, 0);

static uint64_t helper_sys_insn(uint64_t envp, uint64_t key, uint64_t v)
{
    A64SysCpu *c = (A64SysCpu *)(uintptr_t)envp;

    a64_sys_insn(&c->sys, (uint32_t)key, v, (c->env.pstate & A64_PSR_PAN) != 0);
    return 0;
}
A64_HELPER(sys_insn, 3, 0);

static uint64_t helper_eret(uint64_t envp)
{
    A64SysCpu *c = (A64SysCpu *)(uintptr_t)envp;

    a64_sys_eret(c);
    a64_sys_recheck_irq(c);
    return 0;
}
A64_HELPER(eret, 1, 0);

/* MSR to a PSTATE field: field is the MSR (immediate) op1:op2 (DAIFSet
 * 3:6, DAIFClr 3:7, SPSel 0:5, PAN 0:4, UAO 0:3) with imm its CRm, the
 * register forms of SPSel, PAN and UAO the same with the bit in imm bit
 * 0, and MSR DAIF, Xt A64_MSR_DAIF_REG with the value itself. */
static uint64_t helper_msr_pstate(uint64_t envp, uint64_t field, uint64_t imm)
{
    A64SysCpu *c = (A64SysCpu *)(uintptr_t)envp;
    uint64_t p = a64_sys_pstate(c), np = p;
    bool daif = field == (3 << 3 | 6) || field == (3 << 3 | 7) || field == A64_MSR_DAIF_REG;

    /* EL0 may touch DAIF only with SCTLR_EL1.UMA, nothing else here. */
    if (a64_psr_el(p) == 0 && (!daif || !(c->sys.exc.sctlr[1] & (1u << 9))))
        undef_here(c);
    switch (field) {
    case 3 << 3 | 6: np |= (imm & 0xf) << 6; break;
    case 3 << 3 | 7: np &= ~((imm & 0xf) << 6); break;
    case 0 << 3 | 5: np = (p & ~A64_PSR_SP) | (imm & 1); break;
    case 0 << 3 | 4: np = (p & ~A64_PSR_PAN) | (imm & 1 ? A64_PSR_PAN : 0); break;
    case 0 << 3 | 3: np = (p & ~A64_PSR_UAO) | (imm & 1 ? A64_PSR_UAO : 0); break;
    case A64_MSR_DAIF_REG: np = (p & ~A64_PSR_DAIF) | (imm & A64_PSR_DAIF); break;
    default: undef_here(c);
    }
    /* Through a64_set_pstate so an SPSel change moves the live SP. */
    a64_set_pstate(&c->sys.exc, &p, &c->env.x[31], np);
    a64_sys_set_pstate(c, p);
    a64_sys_recheck_irq(c);
    return 0;
}
A64_HELPER(msr_pstate, 3, 0);
