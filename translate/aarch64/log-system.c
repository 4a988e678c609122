/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -d int and -d mmu for full-system aarch64 (see log-system.h).  Called
 * from the CPU layer (cpu-system.c: exception entry and return, the TLB
 * fill's walk, the fetch abort) and from the SYS instructions
 * (sysreg-sys.c: TLBI, AT) only when the category is on.
 *
 * The exception numbers and names of the first line are QEMU's (EXCP_UDEF
 * 1, EXCP_SWI 2, EXCP_PREFETCH_ABORT 3, EXCP_DATA_ABORT 4, EXCP_IRQ 5,
 * EXCP_FIQ 6, EXCP_BKPT 7, EXCP_HVC 11, EXCP_SMC 13, EXCP_VSERR 24), so
 * that a log can be compared with qemu-system-aarch64's line by line; the
 * ESR line adds the exception class by name.  Each exception or walk is
 * one log_printf call, so lines from several vCPUs do not interleave
 * within a record.  Only the CPU's fields are read here (no calls into
 * cpu-system.c), so sysreg-sys.c's unit test links this file alone.
 */
#include "log-system.h"
#include "cpu-system.h"
#include "util/log.h"

/* The vCPU index: MPIDR Aff1 is the cluster of 16, Aff0 the CPU in it
 * (system/cpus.c numbers them so). */
static unsigned cpu_index(const A64SysRegs *s)
{
    return (unsigned)((s->mpidr >> 8) & 0xff) * 16 + (unsigned)(s->mpidr & 0xff);
}

/* ---- exception classes ---- */

static const struct EcInfo {
    uint8_t ec;
    uint8_t excp;             /* QEMU's exception number */
    const char *excp_name;
    const char *ec_name;
} ec_info[] = {
    { A64_EC_UNKNOWN,       1,  "UNDEF",          "Unknown reason" },
    { A64_EC_WFX,           1,  "UNDEF",          "WFI/WFE trap" },
    { A64_EC_FP_ACCESS,     1,  "UNDEF",          "FP/SIMD access trap" },
    { A64_EC_BTI,           1,  "UNDEF",          "Branch target exception" },
    { A64_EC_ILLEGAL_STATE, 1,  "UNDEF",          "Illegal execution state" },
    { A64_EC_SVC64,         2,  "SVC",            "SVC" },
    { A64_EC_HVC64,         11, "HVC",            "HVC" },
    { A64_EC_SMC64,         13, "SMC",            "SMC" },
    { A64_EC_SYSREG,        1,  "UNDEF",          "MSR/MRS/SYS trap" },
    { A64_EC_PAC_FAIL,      1,  "UNDEF",          "PAC failure" },
    { A64_EC_IABT_LOWER,    3,  "Prefetch Abort", "Instruction abort (lower EL)" },
    { A64_EC_IABT_SAME,     3,  "Prefetch Abort", "Instruction abort (same EL)" },
    { A64_EC_PC_ALIGN,      3,  "Prefetch Abort", "PC alignment fault" },
    { A64_EC_DABT_LOWER,    4,  "Data Abort",     "Data abort (lower EL)" },
    { A64_EC_DABT_SAME,     4,  "Data Abort",     "Data abort (same EL)" },
    { A64_EC_SP_ALIGN,      4,  "Data Abort",     "SP alignment fault" },
    { A64_EC_FP_EXC64,      1,  "UNDEF",          "FP exception" },
    { A64_EC_SERROR,        24, "SError",         "SError" },
    { A64_EC_BRK64,         7,  "Breakpoint",     "BRK" },
};

static const struct EcInfo *ec_find(unsigned ec)
{
    for (size_t i = 0; i < sizeof(ec_info) / sizeof(ec_info[0]); i++)
        if (ec_info[i].ec == ec)
            return &ec_info[i];
    return NULL;
}

const char *a64_ec_name(unsigned ec)
{
    const struct EcInfo *e = ec_find(ec);
    return e ? e->ec_name : "?";
}

/* ---- -d int ---- */

void a64_log_exception(const A64SysCpu *c, A64ExcKind k, uint64_t esr, bool has_far,
                       uint64_t far, uint64_t old_pstate, uint64_t pstate)
{
    static const struct { unsigned excp; const char *name; } async[] = {
        [A64_EXC_IRQ] = { 5, "IRQ" }, [A64_EXC_FIQ] = { 6, "FIQ" },
        [A64_EXC_SERROR] = { 24, "SError" },
    };
    const A64SysRegs *s = &c->sys;
    unsigned ec = (unsigned)(esr >> 26) & 0x3f;
    const struct EcInfo *e = k == A64_EXC_SYNC ? ec_find(ec) : NULL;
    unsigned excp = k == A64_EXC_SYNC ? (e ? e->excp : 1) : async[k].excp;
    const char *name = k == A64_EXC_SYNC ? (e ? e->excp_name : "UNDEF") : async[k].name;
    unsigned to = a64_psr_el(pstate);
    char esr_line[96] = "", far_line[48] = "";

    if (k == A64_EXC_SYNC || k == A64_EXC_SERROR)
        snprintf(esr_line, sizeof(esr_line), "...with ESR 0x%llx (ec 0x%x %s)\n",
                 (unsigned long long)esr, ec, a64_ec_name(ec));
    if (has_far)
        snprintf(far_line, sizeof(far_line), "...with FAR 0x%llx\n", (unsigned long long)far);
    log_printf("Taking exception %u [%s] on CPU %u\n"
               "...from EL%u to EL%u\n"
               "%s%s"
               "...with ELR 0x%llx\n"
               "...with SPSR 0x%llx\n"
               "...to SP_EL%u 0x%llx PC 0x%llx PSTATE 0x%llx\n",
               excp, name, cpu_index(s), a64_psr_el(old_pstate), to, esr_line, far_line,
               (unsigned long long)s->exc.elr[to], (unsigned long long)s->exc.spsr[to], to,
               (unsigned long long)c->env.x[31], (unsigned long long)c->env.common.pc,
               (unsigned long long)pstate);
}

void a64_log_eret(const A64SysCpu *c, uint64_t old_pstate, uint64_t pstate, bool legal)
{
    if (legal)
        log_printf("Exception return from AArch64 EL%u to AArch64 EL%u PC 0x%llx (CPU %u)\n",
                   a64_psr_el(old_pstate), a64_psr_el(pstate),
                   (unsigned long long)c->env.common.pc, cpu_index(&c->sys));
    else
        log_printf("Illegal exception return from AArch64 EL%u (SPSR 0x%llx): PSTATE.IL set, "
                   "PC 0x%llx (CPU %u)\n", a64_psr_el(old_pstate),
                   (unsigned long long)c->sys.exc.spsr[a64_psr_el(old_pstate)],
                   (unsigned long long)c->env.common.pc, cpu_index(&c->sys));
}

/* ---- -d mmu ---- */

static const char *fault_name(unsigned fsc)
{
    static const char *const names[] = {
        [A64_FSC_ADDR_SIZE >> 2] = "address size fault",
        [A64_FSC_TRANSLATION >> 2] = "translation fault",
        [A64_FSC_ACCESS_FLAG >> 2] = "access flag fault",
        [A64_FSC_PERMISSION >> 2] = "permission fault",
        [A64_FSC_WALK_ABORT >> 2] = "external abort on the walk",
    };
    unsigned i = (fsc & 0x3c) >> 2;
    return i < sizeof(names) / sizeof(names[0]) && names[i] ? names[i] : "fault";
}

void a64_log_walk(const A64SysRegs *s, const char *what, uint64_t va, unsigned el,
                  const A64Translation *t, const A64MmuFault *f)
{
    unsigned cpu = cpu_index(s);

    if (!f) {
        log_printf("mmu: CPU %u EL%u %s VA 0x%llx -> PA 0x%llx (2^%u bytes, prot %c%c%c/%c%c%c, "
                   "attr 0x%02x, ASID 0x%x%s)\n", cpu, el, what, (unsigned long long)va,
                   (unsigned long long)t->pa, t->size_log2,
                   t->prot & A64_PROT_R1 ? 'r' : '-', t->prot & A64_PROT_W1 ? 'w' : '-',
                   t->prot & A64_PROT_X1 ? 'x' : '-', t->prot & A64_PROT_R0 ? 'r' : '-',
                   t->prot & A64_PROT_W0 ? 'w' : '-', t->prot & A64_PROT_X0 ? 'x' : '-',
                   t->attr, t->asid, t->global ? ", global" : "");
        return;
    }
    if (f->has_desc)
        log_printf("mmu: CPU %u EL%u %s VA 0x%llx: %s at level %u (FSC 0x%02x), "
                   "descriptor 0x%016llx at PA 0x%llx\n", cpu, el, what, (unsigned long long)va,
                   fault_name(f->fsc), f->level, f->fsc, (unsigned long long)f->desc,
                   (unsigned long long)f->desc_pa);
    else if ((f->fsc & 0x3c) == A64_FSC_WALK_ABORT && f->desc_pa)
        log_printf("mmu: CPU %u EL%u %s VA 0x%llx: %s at level %u (FSC 0x%02x), "
                   "no memory at descriptor PA 0x%llx\n", cpu, el, what, (unsigned long long)va,
                   fault_name(f->fsc), f->level, f->fsc, (unsigned long long)f->desc_pa);
    else
        log_printf("mmu: CPU %u EL%u %s VA 0x%llx: %s at level %u (FSC 0x%02x), "
                   "before any descriptor (TCR 0x%llx TTBR0 0x%llx TTBR1 0x%llx)\n", cpu, el,
                   what, (unsigned long long)va, fault_name(f->fsc), f->level, f->fsc,
                   (unsigned long long)s->tcr, (unsigned long long)s->ttbr0,
                   (unsigned long long)s->ttbr1);
}

void a64_log_tlbi(const A64SysRegs *s, uint32_t key, uint64_t v)
{
    /* TLBI op1 = 0, CRn = 8: CRm the domain, op2 the operation. */
    static const char *const ops[8] = {
        "VMALLE1", "VAE1", "ASIDE1", "VAAE1", NULL, "VALE1", NULL, "VAALE1",
    };
    static const bool by_va[8] = { false, true, false, true, false, true, false, true };
    static const bool by_asid[8] = { false, true, true, false, false, true, false, false };
    unsigned op2 = key & 7, crm = (key >> 3) & 0xf;
    const char *dom = crm == 3 ? "IS" : crm == 1 ? "OS" : "";
    char args[64] = "";
    size_t n = 0;

    if (by_va[op2]) {
        uint64_t va = (uint64_t)((int64_t)((v & 0xfffffffffffull) << 20) >> 8);
        n += (size_t)snprintf(args, sizeof(args), " VA 0x%llx", (unsigned long long)va);
    }
    if (by_asid[op2])
        snprintf(args + n, sizeof(args) - n, " ASID 0x%x", (unsigned)(v >> 48));
    log_printf("mmu: CPU %u TLBI %s%s%s (%s)\n", cpu_index(s), ops[op2] ? ops[op2] : "?", dom,
               args, *dom ? "every vCPU" : "this vCPU");
}
