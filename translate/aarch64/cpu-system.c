/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 CPU of full-system mode (see cpu-system.h): reset, PSTATE,
 * exception entry and return on the CPU state, the block identity, the
 * software TLB's fill with the aborts a walk raises, and the mapping of
 * the dispatcher's exit codes to architectural exceptions.
 *
 * Syndromes follow the Arm ARM's ESR_EL1 encodings: instruction and data
 * aborts take EC 0x20/0x24 from EL0 and 0x21/0x25 from EL1, with the
 * walk's fault status code (mmu.c) and, for data, WnR; an MMIO access the
 * machine refuses is a synchronous external abort (FSC 0x10).  HVC and SMC
 * go to the machine's PSCI; with no EL2 or EL3 anything else is UNDEFINED.
 */
#include <string.h>
#include "cpu-system.h"
#include "log-system.h"
#include "util/log.h"

#define R A64_SYSREG
#define PAGE_BITS A64_SYS_PAGE_BITS
#define PAGE_MASK (~((1ull << PAGE_BITS) - 1))

/* ---- state ---- */

/* ID registers of the system view: the features of the model (as user
 * mode shows them) plus what only EL1 sees: PARange 48 bits, 16-bit
 * ASIDs, all three granules, the hardware access flag and dirty state,
 * PAN; Armv8.0 debug with one breakpoint and one watchpoint.  Without
 * BTI: the system MMU does not keep the descriptors' GP bit, so guarded
 * pages could not be enforced, and a guest told so does not rely on
 * them (the BTI instructions stay hints). */
static void fill_ids(A64SysRegs *s, const Arm64Model *m)
{
    static const uint32_t feature_regs[] = {
        R(3, 0, 0, 4, 0), R(3, 0, 0, 4, 1), R(3, 0, 0, 6, 0), R(3, 0, 0, 6, 1),
        R(3, 0, 0, 6, 2), R(3, 0, 0, 7, 0), R(3, 0, 0, 7, 1), R(3, 0, 0, 7, 2),
    };
    memset(s->id, 0, sizeof(s->id));
    for (size_t i = 0; i < sizeof(feature_regs) / sizeof(feature_regs[0]); i++) {
        uint32_t k = feature_regs[i];
        s->id[(k >> 3) & 7][k & 7] = a64_id_feature_bits(m, k);
    }
    s->id[0][0] = m->midr;
    s->id[4][0] |= 0x11;                              /* EL0, EL1: AArch64 only */
    s->id[5][0] = 6;                                  /* ID_AA64DFR0: DebugVer v8.0 */
    s->id[7][0] |= 5 | 2 << 4 | 1u << 20;             /* MMFR0: PARange, ASIDBits, TGran16 */
    s->id[7][1] |= 2 | 1u << 20;                      /* MMFR1: HAFDBS, PAN */
    s->id[4][1] &= ~(uint64_t)0xf;                    /* PFR1.BT: none (above) */
}

/* SoftTlb.flushed: blocks found by virtual pc alone go with the TLB. */
static void tlb_flushed(void *envc, uint64_t va, bool page)
{
    if (page)
        exec_jmp_cache_clear_page(envc, va, PAGE_BITS);
    else
        exec_jmp_cache_clear(envc);
}

bool a64_sys_init(A64SysCpu *c, const Arm64Model *model)
{
    memset(c, 0, sizeof(*c));
    c->env.model = model;
    if (!softtlb_init(&c->tlb, PAGE_BITS, A64_SYS_TLB_BITS, A64_MMU_COUNT))
        return false;
    c->env.common.tlb = &c->tlb;
    c->tlb.flushed = tlb_flushed;
    c->tlb.flushed_opaque = &c->env.common;
    c->sys.exc.max_el = 1;
    c->sys.cntfrq = 1000000000;
    fill_ids(&c->sys, model);
    return true;
}

void a64_sys_destroy(A64SysCpu *c)
{
    softtlb_destroy(&c->tlb);
}

void a64_sys_reset(A64SysCpu *c, uint64_t pc, uint64_t x0)
{
    CPUArm64State *env = &c->env;

    memset(env->x, 0, sizeof(env->x));
    memset(env->v, 0, sizeof(env->v));
    env->nf = env->cf = env->vf = 0;
    env->zf = 1;
    env->fpcr = env->fpsr = 0;
    env->btype = 0;
    env->pac_enabled = 0;                          /* SCTLR_EL1.EnIA... reset to 0 */
    env->excl_addr = ~0ull;
    env->pstate = 1ull << A64_PSR_EL_SHIFT | A64_PSR_SP | A64_PSR_DAIF;
    env->common.pc = pc;
    env->x[0] = x0;
    a64_sysregs_reset(&c->sys);
    softtlb_flush_all(&c->tlb);
}

uint64_t a64_sys_pstate(const A64SysCpu *c)
{
    const CPUArm64State *env = &c->env;
    uint64_t keep = ~(uint64_t)(0xf0000000u | A64_PSR_BTYPE);

    return (env->pstate & keep) | a64_get_nzcv(env) | (uint64_t)(env->btype & 3) << 10;
}

void a64_sys_set_pstate(A64SysCpu *c, uint64_t v)
{
    CPUArm64State *env = &c->env;

    a64_set_nzcv(env, (uint32_t)v & 0xf0000000u);
    env->btype = (v >> 10) & 3;
    env->pstate = v & ~(uint64_t)(0xf0000000u | A64_PSR_BTYPE);
}

unsigned a64_sys_block_mmu_idx(const CPUArm64State *env)
{
    if (a64_psr_el(env->pstate) == 0)
        return A64_MMU_EL0;
    return (env->pstate & A64_PSR_PAN) ? A64_MMU_EL1_PAN : A64_MMU_EL1;
}

unsigned a64_sys_mmu_idx(const A64SysCpu *c)
{
    return a64_sys_block_mmu_idx(&c->env);
}

/* ---- exceptions ---- */

void a64_sys_exception(A64SysCpu *c, A64ExcKind kind, uint64_t esr, bool has_far, uint64_t far)
{
    uint64_t pstate = a64_sys_pstate(c), old = pstate;

    a64_take_exception(&c->sys.exc, &c->env.common.pc, &pstate, &c->env.x[31], 1, kind, esr,
                       has_far, far);
    a64_sys_set_pstate(c, pstate);
    c->env.excl_addr = ~0ull;                      /* the exclusive monitor clears */
    if (log_enabled(LOG_INT))
        a64_log_exception(c, kind, esr, has_far, far, old, pstate);
}

void a64_sys_eret(A64SysCpu *c)
{
    uint64_t pstate = a64_sys_pstate(c), old = pstate;
    bool legal = a64_exception_return(&c->sys.exc, &c->env.common.pc, &pstate, &c->env.x[31]);

    a64_sys_set_pstate(c, pstate);
    c->env.excl_addr = ~0ull;
    if (log_enabled(LOG_INT))
        a64_log_eret(c, old, pstate, legal);
}

void a64_sys_recheck_irq(A64SysCpu *c)
{
    A64SysHooks *h = &c->sys.hooks;
    uint64_t pending = h->pending ? h->pending(h->opaque) : 0;

    if (pending & ~c->env.pstate & (A64_PSR_I | A64_PSR_F))
        c->env.common.exit_request = 1;
}

bool a64_sys_check_irq(A64SysCpu *c)
{
    A64SysHooks *h = &c->sys.hooks;
    uint64_t pending = h->pending ? h->pending(h->opaque) : 0;
    uint64_t pstate = c->env.pstate;

    if ((pending & A64_PSR_F) && !(pstate & A64_PSR_F)) {
        a64_sys_exception(c, A64_EXC_FIQ, 0, false, 0);
        return true;
    }
    if ((pending & A64_PSR_I) && !(pstate & A64_PSR_I)) {
        a64_sys_exception(c, A64_EXC_IRQ, 0, false, 0);
        return true;
    }
    return false;
}

/* The abort syndrome of a fault at the current EL or from EL0. */
static uint64_t abort_esr(const A64SysCpu *c, bool fetch, bool write, unsigned fsc)
{
    bool lower = a64_psr_el(c->env.pstate) == 0;
    unsigned ec = fetch ? (lower ? A64_EC_IABT_LOWER : A64_EC_IABT_SAME)
                        : (lower ? A64_EC_DABT_LOWER : A64_EC_DABT_SAME);
    return a64_esr(ec, fetch ? fsc : a64_dabt_iss(fsc, write, false));
}

/* ---- translation ---- */

const void *a64_sys_code_ptr(A64SysCpu *c, uint64_t pc, uint64_t *phys)
{
    unsigned idx = a64_psr_el(c->env.pstate) ? A64_MMU_EL1 : A64_MMU_EL0;   /* PAN: data only */
    return softmmu_code_ptr(&c->env.common, pc, idx, phys);
}

/* Block flags: the EL and PAN decide the MMU index baked into the code,
 * CPACR_EL1.FPEN whether FP/SIMD instructions trap. */
uint32_t a64_sys_tb_flags(CPUCommon *envc)
{
    A64SysCpu *c = a64_syscpu(envc);
    unsigned el = a64_psr_el(c->env.pstate);
    unsigned fpen = (c->sys.cpacr >> 20) & 3;     /* 01: EL0 traps, 11: none do */
    bool fp = fpen == 3 || (fpen == 1 && el == 1);

    return el | (c->env.pstate & A64_PSR_PAN ? 4u : 0) | (fp ? 8u : 0);
}

bool a64_sys_tb_id(CPUCommon *envc, uint64_t pc, uint32_t *flags, uint64_t *phys)
{
    *flags = a64_sys_tb_flags(envc);
    return a64_sys_code_ptr(a64_syscpu(envc), pc, phys) != NULL;
}


static bool fill(CPUCommon *envc, SoftTlb *t, uint64_t va, SoftTlbAccess acc, unsigned mmu_idx,
                 unsigned size, bool probe, uintptr_t retaddr)
{
    A64SysCpu *c = a64_syscpu(envc);
    A64SysHooks *h = &c->sys.hooks;
    A64MmuRegs regs;
    A64Translation tr;
    A64MmuFault f;
    unsigned el = mmu_idx == A64_MMU_EL0 ? 0 : 1;
    static const A64Access kinds[] = { A64_ACCESS_READ, A64_ACCESS_WRITE, A64_ACCESS_EXEC };
    static const char *const acc_names[] = { "read", "write", "fetch" };

    (void)size;
    a64_sysregs_mmu(&c->sys, mmu_idx == A64_MMU_EL1_PAN, &regs);
    if (!a64_mmu_translate(&regs, va, kinds[acc], el, false, &tr, &f)) {
        if (probe)
            return false;
        if (log_enabled(LOG_MMU))
            a64_log_walk(&c->sys, acc_names[acc], va, el, NULL, &f);
        exec_restore_pc(envc, retaddr);
        a64_sys_exception(c, A64_EXC_SYNC,
                          abort_esr(c, acc == SOFTTLB_EXEC, acc == SOFTTLB_WRITE, f.fsc),
                          acc != SOFTTLB_EXEC, va);
        softmmu_raise(envc, 0, EXCP_A64_TAKEN);
    }
    if (log_enabled(LOG_MMU))
        a64_log_walk(&c->sys, acc_names[acc], va, el, &tr, NULL);
    unsigned r = el ? A64_PROT_R1 : A64_PROT_R0, w = el ? A64_PROT_W1 : A64_PROT_W0;
    unsigned x = el ? A64_PROT_X1 : A64_PROT_X0;
    unsigned mask = (tr.prot & r ? 1u << SOFTTLB_READ : 0) | (tr.prot & w ? 1u << SOFTTLB_WRITE : 0) |
                    (tr.prot & x ? 1u << SOFTTLB_EXEC : 0);
    uint64_t pa_page = tr.pa & PAGE_MASK;
    void *host = h->ram_ptr ? h->ram_ptr(h->opaque, pa_page) : NULL;
    unsigned wflags = host && h->code_page && h->code_page(h->opaque, pa_page) ? SOFTTLB_NOTDIRTY : 0;

    softtlb_fill(t, mmu_idx, va, pa_page, mask, host, wflags,
                 tr.size_log2 < PAGE_BITS ? PAGE_BITS : tr.size_log2);
    return true;
}

/* A device refused the access: synchronous external abort on the
 * instruction at retaddr. */
static void external_abort(CPUCommon *envc, uint64_t pa, bool write, uintptr_t retaddr)
{
    A64SysCpu *c = a64_syscpu(envc);

    (void)pa;
    exec_restore_pc(envc, retaddr);
    /* FAR is not valid for an external abort (FnV would be set); give 0. */
    a64_sys_exception(c, A64_EXC_SYNC, abort_esr(c, false, write, 0x10) | 1u << 10, false, 0);
    softmmu_raise(envc, 0, EXCP_A64_TAKEN);
}

static bool io_read(CPUCommon *envc, uint64_t pa, unsigned size, uint64_t *val, uintptr_t retaddr)
{
    A64SysHooks *h = &a64_syscpu(envc)->sys.hooks;

    if (h->io_read && h->io_read(h->opaque, pa, size, val))
        return true;
    external_abort(envc, pa, false, retaddr);
    return false;
}

static bool io_write(CPUCommon *envc, uint64_t pa, unsigned size, uint64_t val, uintptr_t retaddr)
{
    A64SysHooks *h = &a64_syscpu(envc)->sys.hooks;

    if (h->io_write && h->io_write(h->opaque, pa, size, val))
        return true;
    external_abort(envc, pa, true, retaddr);
    return false;
}

static void code_written(CPUCommon *envc, uint64_t pa_page)
{
    A64SysHooks *h = &a64_syscpu(envc)->sys.hooks;

    if (h->code_written)
        h->code_written(h->opaque, pa_page);
}

static unsigned cur_mmu_idx(CPUCommon *envc)
{
    return a64_sys_mmu_idx(a64_syscpu(envc));
}

/* SCTLR_EL1.A: misaligned data accesses take an alignment fault (FSC
 * 0x21).  (Atomics and exclusives check alignment themselves.) */
static void misaligned(CPUCommon *envc, uint64_t va, bool write, uintptr_t retaddr)
{
    A64SysCpu *c = a64_syscpu(envc);

    if (!(c->sys.exc.sctlr[1] & 2))
        return;
    exec_restore_pc(envc, retaddr);
    a64_sys_exception(c, A64_EXC_SYNC, abort_esr(c, false, write, 0x21), true, va);
    softmmu_raise(envc, 0, EXCP_A64_TAKEN);
}

const SoftmmuArch a64_softmmu = { fill, io_read, io_write, code_written, cur_mmu_idx, misaligned };

/* ---- exits of the dispatcher ---- */

static void undef(A64SysCpu *c)
{
    a64_sys_exception(c, A64_EXC_SYNC, a64_esr(A64_EC_UNKNOWN, 0), false, 0);
}

/* EXCP_FAULT_FETCH: pc cannot be fetched; walk again for the syndrome. */
static void fetch_abort(A64SysCpu *c)
{
    A64MmuRegs regs;
    A64Translation tr;
    A64MmuFault f;
    uint64_t pc = c->env.common.pc;
    unsigned el = a64_psr_el(c->env.pstate);

    a64_sysregs_mmu(&c->sys, false, &regs);
    if (a64_mmu_translate(&regs, pc, A64_ACCESS_EXEC, el, false, &tr, &f))
        f.fsc = 0x10;                 /* mapped, but not RAM: external abort */
    else if (log_enabled(LOG_MMU))
        a64_log_walk(&c->sys, "fetch", pc, el, NULL, &f);
    a64_sys_exception(c, A64_EXC_SYNC, abort_esr(c, true, false, f.fsc), true, pc);
}

static void hvc_smc(A64SysCpu *c, bool smc)
{
    A64SysHooks *h = &c->sys.hooks;
    uint64_t x[4] = { c->env.x[0], c->env.x[1], c->env.x[2], c->env.x[3] };

    (void)smc;
    /* Both conduits reach the machine's PSCI (it answers as EL2/EL3
     * firmware would); nothing else is implemented above EL1. */
    if (a64_psr_el(c->env.pstate) == 0 || !h->psci || !h->psci(h->opaque, x)) {
        c->env.common.pc -= 4;        /* UNDEFINED at the instruction itself */
        undef(c);
        return;
    }
    for (int i = 0; i < 4; i++)
        c->env.x[i] = x[i];
}

A64SysNext a64_sys_handle_exit(A64SysCpu *c, int excp)
{
    CPUArm64State *env = &c->env;

    switch (excp) {
    case EXCP_A64_TAKEN:
        break;
    case EXCP_INTERRUPT:
        a64_sys_check_irq(c);
        return A64_SYS_STOP;
    case EXCP_SYSCALL:                             /* SVC: pc after it */
        a64_sys_exception(c, A64_EXC_SYNC, a64_esr(A64_EC_SVC64, (uint16_t)env->common.excp_arg),
                          false, 0);
        break;
    case EXCP_A64_HVC:
    case EXCP_A64_SMC:
        hvc_smc(c, excp == EXCP_A64_SMC);
        break;
    case EXCP_BKPT:
        a64_sys_exception(c, A64_EXC_SYNC, a64_esr(A64_EC_BRK64, (uint16_t)env->common.excp_arg),
                          false, 0);
        break;
    case EXCP_UDEF:
        undef(c);
        break;
    case EXCP_ALIGN:
        a64_sys_exception(c, A64_EXC_SYNC,
                          abort_esr(c, false, false, 0x21), true, env->common.fault_addr);
        break;
    case EXCP_FAULT_FETCH:
        fetch_abort(c);
        break;
    case EXCP_A64_FPAC:
        a64_sys_exception(c, A64_EXC_SYNC, a64_esr(A64_EC_PAC_FAIL, (uint32_t)env->common.excp_arg),
                          false, 0);
        break;
    case EXCP_A64_BTI:
        a64_sys_exception(c, A64_EXC_SYNC, a64_esr(A64_EC_BTI, env->btype), false, 0);
        break;
    case EXCP_A64_WFI:
        /* WFI completes on any pending interrupt, masked or not (Linux
         * idles with IRQs masked, and takes them after the WFI). */
        if (a64_sys_check_irq(c) || (c->sys.hooks.pending &&
                                     c->sys.hooks.pending(c->sys.hooks.opaque)))
            return A64_SYS_RUN;
        return A64_SYS_HALT;
    default:
        /* EXCP_FAULT_READ/WRITE come from user mode's host faults and
         * cannot happen with a software MMU. */
        bug_at(__FILE__, __LINE__, "unexpected exit %d at pc 0x%llx", excp,
               (unsigned long long)env->common.pc);
    }
    a64_sys_check_irq(c);
    return A64_SYS_RUN;
}
