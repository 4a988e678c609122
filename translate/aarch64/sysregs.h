/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The aarch64 system registers of full-system mode (EL1 and the EL0 timer
 * view): their state, the table MRS/MSR at EL1 go through, and the generic
 * timer.  User mode never uses this: its EL0 view is in sys.c.
 *
 * A register is found once, at translation time (a64_sysreg_lookup), by
 * its op0:op1:CRn:CRm:op2 key; the translator then knows whether the
 * current EL may read or write it (or must trap) and whether a write has
 * effects that end the block (translation registers, the timer, PSTATE
 * fields).  At run time a64_sysreg_read/write do the access on the CPU's
 * A64SysRegs; the machine supplies the hooks (counter, TLB flush, timer
 * re-arm, GIC CPU interface).
 */
#ifndef GUISE_A64_SYSREGS_H
#define GUISE_A64_SYSREGS_H

#include <stdbool.h>
#include <stdint.h>
#include "exception.h"
#include "mmu.h"

/* op0:op1:CRn:CRm:op2 as bits 20:5 of MRS/MSR/SYS place them. */
#define A64_SYSREG(op0, op1, crn, crm, op2) \
    ((uint32_t)(op0) << 14 | (uint32_t)(op1) << 11 | (uint32_t)(crn) << 7 | \
     (uint32_t)(crm) << 3 | (uint32_t)(op2))

/* What a write or a TLBI asks of the machine's TLBs (arg: the VA for the
 * _VA kinds).  The software TLB is not tagged with ASIDs, so flushing by
 * ASID means flushing everything; by VA, that page whatever its ASID. */
typedef enum A64TlbFlush {
    A64_TLB_FLUSH_ALL,        /* every entry (translation registers changed) */
    A64_TLB_FLUSH_VA,         /* the page of arg, every ASID */
    A64_TLB_FLUSH_ALL_IS,     /* the same, on every vCPU (Inner Shareable) */
    A64_TLB_FLUSH_VA_IS,
} A64TlbFlush;

typedef struct A64SysHooks {
    void *opaque;
    uint64_t (*counter)(void *opaque);             /* physical count, CNTFRQ ticks */
    void (*tlb_flush)(void *opaque, A64TlbFlush kind, uint64_t arg);
    void (*timer_changed)(void *opaque);           /* re-arm: see a64_timer_state */
    /* The GICv3 CPU interface (ICC_*): false when absent (UNDEF). */
    bool (*gic_sysreg)(void *opaque, uint32_t key, bool write, uint64_t *val);
    /* ISR_EL1: the pending I/F/A bits (7, 6, 8). */
    uint64_t (*pending)(void *opaque);
    /* Physical memory for AT's table walks (as A64MmuRegs has them). */
    bool (*read64)(void *opaque, uint64_t pa, uint64_t *val);
    bool (*cas64)(void *opaque, uint64_t pa, uint64_t old, uint64_t val);
    /* For the CPU layer (cpu-system.c): the host address of a RAM page
     * (NULL: MMIO or nothing); whether a RAM page holds translated code;
     * a write reached such a page (invalidate its code everywhere);
     * device accesses (false: external abort); PSCI calls through HVC or
     * SMC (x[0..3] in and out; false: not a PSCI function the machine
     * answers, the instruction is then UNDEFINED). */
    void *(*ram_ptr)(void *opaque, uint64_t pa_page);
    bool (*code_page)(void *opaque, uint64_t pa_page);
    void (*code_written)(void *opaque, uint64_t pa_page);
    bool (*io_read)(void *opaque, uint64_t pa, unsigned size, uint64_t *val);
    bool (*io_write)(void *opaque, uint64_t pa, unsigned size, uint64_t val);
    bool (*psci)(void *opaque, uint64_t x[4]);
} A64SysHooks;

typedef struct A64SysRegs {
    A64ExcRegs exc;           /* SP_ELx, ELR, SPSR, ESR, FAR, VBAR, SCTLR by EL */
    uint64_t tcr, ttbr0, ttbr1, mair, amair, contextidr, tpidr_el1, tpidrro_el0;
    uint64_t cpacr, actlr, par, afsr0, afsr1, csselr, mdscr, oslsr, osdlr, mdccint;
    uint64_t cntkctl, cntv_ctl, cntv_cval, cntp_ctl, cntp_cval, cntvoff;
    uint64_t mpidr;
    uint64_t id[8][8];        /* ID registers op0=3 op1=0 CRn=0: [CRm][op2] */
    uint64_t cntfrq;
    A64SysHooks hooks;
} A64SysRegs;

/* How a register behaves (see a64_sysreg_lookup). */
enum {
    A64_SR_EL0_READ = 1,      /* EL0 may read it (subject to el0_ok) */
    A64_SR_EL0_WRITE = 2,
    A64_SR_READONLY = 4,      /* a write is UNDEF */
    A64_SR_WRITEONLY = 8,     /* a read is UNDEF */
    A64_SR_END_TB = 16,       /* a write changes translation or interrupts */
};

typedef struct A64SysRegDesc {
    uint32_t key;
    const char *name;
    unsigned flags;
    uint16_t off;             /* offsetof(A64SysRegs, field) + 1; 0: custom or const */
    uint64_t wmask;           /* bits a write changes (RES0/RES1 others kept) */
    uint64_t (*read)(const A64SysRegs *s, uint32_t key);
    void (*write)(A64SysRegs *s, uint32_t key, uint64_t v);
} A64SysRegDesc;

/* The register named by key, or NULL (UNDEF). */
const A64SysRegDesc *a64_sysreg_lookup(uint32_t key);

/* Whether d stands for the GIC's CPU interface (hooks.gic_sysreg). */
bool a64_sysreg_is_gic(const A64SysRegDesc *d);

/* Whether EL0 may access d now (SCTLR_EL1.UCT/UCI/UMA, CNTKCTL_EL1 bits). */
bool a64_sysreg_el0_ok(const A64SysRegs *s, const A64SysRegDesc *d, bool write);

uint64_t a64_sysreg_read(A64SysRegs *s, const A64SysRegDesc *d, uint32_t key);
void a64_sysreg_write(A64SysRegs *s, const A64SysRegDesc *d, uint32_t key, uint64_t v);

/* Reset values (SCTLR_EL1 RES1 bits, MMU off, timers off). */
void a64_sysregs_reset(A64SysRegs *s);

/* The generic timers: 0 physical (EL1 physical timer, PPI 30), 1 virtual
 * (PPI 27).  a64_timer_state: whether each timer's interrupt line is
 * asserted now and the physical count at which one next rises
 * (UINT64_MAX: never), from one reading of the count, so the two agree;
 * a64_timer_irq and a64_timer_deadline are its halves. */
uint64_t a64_timer_state(const A64SysRegs *s, bool line[2]);
bool a64_timer_irq(const A64SysRegs *s, unsigned which);
uint64_t a64_timer_deadline(const A64SysRegs *s);

/* The feature fields (sys.c) of the ID register key (A64_SYSREG) for a
 * CPU model: the same bits user mode's MRS emulation shows. */
struct Arm64Model;
uint64_t a64_id_feature_bits(const struct Arm64Model *m, uint32_t key);

/* The MMU registers of the EL1&0 regime for a walk (a64_mmu_translate),
 * with the hooks' physical memory. */
void a64_sysregs_mmu(const A64SysRegs *s, bool pan, A64MmuRegs *r);

/* SYS instructions at EL1 (op0 = 1, sysreg-sys.c): TLBI, AT, and the
 * cache maintenance ones (no-ops: the emulated caches are coherent; DC
 * ZVA is the translator's).  Whether key names one (else UNDEF), and
 * running it with Xt = v; pan is PSTATE.PAN for AT S1E1RP/WP. */
bool a64_sys_insn_known(uint32_t key);
void a64_sys_insn(A64SysRegs *s, uint32_t key, uint64_t v, bool pan);

#endif
