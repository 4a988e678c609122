/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The system registers MRS/MSR reach at EL1 in full-system mode, and the
 * generic timer (see sysregs.h).  One table row per register: its key,
 * name, access flags, the A64SysRegs field it lives in with the bits a
 * write may change, or functions for those whose value is computed (the
 * counters and timers, CCSIDR by CSSELR, the OS lock) or forwarded (the
 * GICv3 CPU interface).  Registers of the ID space (op0 = 3, op1 = 0,
 * CRn = 0) not in the table read from A64SysRegs.id, which the CPU model
 * fills: the AArch32 ones and unallocated ones read as zero there.
 *
 * PSTATE fields (NZCV, DAIF, SPSel, CurrentEL, PAN, UAO, DIT, SSBS) and
 * FPCR/FPSR/TPIDR_EL0 live in the CPU state and are the translator's.
 */
#include <pthread.h>
#include <stddef.h>
#include "cpu-system.h"

#define R A64_SYSREG
/* A field as A64SysRegDesc.off holds it: its offset plus one (0: none). */
#define OFF(f) ((uint16_t)(offsetof(A64SysRegs, f) + 1))
#define ALL (~0ull)

/* SCTLR_EL1 bits that read as one whatever is written (v8.0-8.2 RES1,
 * with PAN's SPAN writable), and its reset value (MMU and caches off). */
#define SCTLR_RES1 (1ull << 29 | 1ull << 28 | 1ull << 22 | 1ull << 20 | 1ull << 11)
#define SCTLR_RESET (SCTLR_RES1 | 1ull << 23)

/* Cache geometry reported by CLIDR/CCSIDR: separate 64 KiB 4-way L1 I and
 * D caches, a unified 1 MiB 16-way L2; 64-byte lines throughout. */
#define CLIDR_VALUE (3ull | 4ull << 3 | 1ull << 21 | 2ull << 24 | 1ull << 27)

static uint64_t ccsidr(unsigned ways, unsigned sets)
{
    return 2 | (uint64_t)(ways - 1) << 3 | (uint64_t)(sets - 1) << 13;   /* 64-byte lines */
}

static uint64_t rd_ccsidr(const A64SysRegs *s, uint32_t key)
{
    (void)key;
    switch (s->csselr & 0xf) {
    case 0: return ccsidr(4, 256);                 /* L1 data */
    case 1: return ccsidr(4, 256);                 /* L1 instruction */
    case 2: return ccsidr(16, 1024);               /* L2 unified */
    default: return 0;
    }
}

static uint64_t rd_const(const A64SysRegs *s, uint32_t key)
{
    (void)s;
    switch (key) {
    case R(3, 1, 0, 0, 1): return CLIDR_VALUE;
    case R(3, 3, 0, 0, 1): return 0x8444c004;      /* CTR_EL0: as user mode's */
    case R(3, 1, 0, 0, 7): return 0;               /* AIDR_EL1 */
    case R(2, 0, 1, 0, 0): return 0;               /* MDRAR_EL1: no ROM table */
    default: return 0;                             /* RAZ/WI debug registers */
    }
}

static uint64_t rd_dczid(const A64SysRegs *s, uint32_t key)
{
    (void)key;
    (void)s;
    return 4;                                      /* 64-byte blocks, DC ZVA allowed at EL1 */
}

static void wr_ignore(A64SysRegs *s, uint32_t key, uint64_t v)
{
    (void)s, (void)key, (void)v;
}

static uint64_t rd_id(const A64SysRegs *s, uint32_t key)
{
    return s->id[(key >> 3) & 7][key & 7];
}

static uint64_t rd_cntfrq(const A64SysRegs *s, uint32_t key)
{
    (void)key;
    return s->cntfrq;
}

/* ---- the OS lock: OSLAR_EL1 writes OSLSR_EL1.OSLK ---- */

static void wr_oslar(A64SysRegs *s, uint32_t key, uint64_t v)
{
    (void)key;
    s->oslsr = (s->oslsr & ~2ull) | (v & 1) << 1;
}

/* ---- the generic timer ---- */

/* The physical count now. */
static uint64_t counter_now(const A64SysRegs *s)
{
    return s->hooks.counter ? s->hooks.counter(s->hooks.opaque) : 0;
}

/* Timer which's count (virtual: offset by CNTVOFF) at physical count now. */
static uint64_t count_at(const A64SysRegs *s, unsigned which, uint64_t now)
{
    return which ? now - s->cntvoff : now;
}

static uint64_t count(const A64SysRegs *s, unsigned which)
{
    return count_at(s, which, counter_now(s));
}

static uint64_t *ctl(A64SysRegs *s, unsigned which)
{
    return which ? &s->cntv_ctl : &s->cntp_ctl;
}

static uint64_t *cval(A64SysRegs *s, unsigned which)
{
    return which ? &s->cntv_cval : &s->cntp_cval;
}

/* The timer a key names: CRm 2 physical, 3 virtual. */
static unsigned timer_of(uint32_t key)
{
    return ((key >> 3) & 0xf) == 3;
}

static bool istatus_at(const A64SysRegs *s, unsigned which, uint64_t now)
{
    uint64_t c = which ? s->cntv_ctl : s->cntp_ctl;
    uint64_t cv = which ? s->cntv_cval : s->cntp_cval;
    return (c & 1) && count_at(s, which, now) >= cv;
}

static bool istatus(const A64SysRegs *s, unsigned which)
{
    return istatus_at(s, which, counter_now(s));
}

uint64_t a64_timer_state(const A64SysRegs *s, bool line[2])
{
    uint64_t now = counter_now(s), best = UINT64_MAX;

    for (unsigned w = 0; w < 2; w++) {
        uint64_t c = w ? s->cntv_ctl : s->cntp_ctl;
        uint64_t cv = w ? s->cntv_cval : s->cntp_cval;
        bool status = istatus_at(s, w, now);

        line[w] = status && !(c & 2);
        /* Only a timer whose line will rise matters; the virtual
         * compare value is on the virtual count, offset CNTVOFF. */
        if ((c & 3) != 1 || status)
            continue;
        uint64_t at = w ? cv + s->cntvoff : cv;
        if (at < best)
            best = at;
    }
    return best;
}

bool a64_timer_irq(const A64SysRegs *s, unsigned which)
{
    bool line[2];

    a64_timer_state(s, line);
    return line[which];
}

uint64_t a64_timer_deadline(const A64SysRegs *s)
{
    bool line[2];

    return a64_timer_state(s, line);
}

static void timer_changed(A64SysRegs *s)
{
    if (s->hooks.timer_changed)
        s->hooks.timer_changed(s->hooks.opaque);
}

static uint64_t rd_count(const A64SysRegs *s, uint32_t key)
{
    /* CNTPCT(SS)_EL0 op2 1/5, CNTVCT(SS)_EL0 op2 2/6. */
    return count(s, (key & 3) == 2);
}

static uint64_t rd_ctl(const A64SysRegs *s, uint32_t key)
{
    unsigned w = timer_of(key);
    uint64_t c = w ? s->cntv_ctl : s->cntp_ctl;
    return (c & 3) | (istatus(s, w) ? 4 : 0);
}

static void wr_ctl(A64SysRegs *s, uint32_t key, uint64_t v)
{
    *ctl(s, timer_of(key)) = v & 3;
    timer_changed(s);
}

static uint64_t rd_cval(const A64SysRegs *s, uint32_t key)
{
    return timer_of(key) ? s->cntv_cval : s->cntp_cval;
}

static void wr_cval(A64SysRegs *s, uint32_t key, uint64_t v)
{
    *cval(s, timer_of(key)) = v;
    timer_changed(s);
}

/* TVAL: the signed 32-bit distance from the count to the compare value. */
static uint64_t rd_tval(const A64SysRegs *s, uint32_t key)
{
    unsigned w = timer_of(key);
    uint64_t cv = w ? s->cntv_cval : s->cntp_cval;
    return (uint32_t)(cv - count(s, w));
}

static void wr_tval(A64SysRegs *s, uint32_t key, uint64_t v)
{
    unsigned w = timer_of(key);
    *cval(s, w) = count(s, w) + (uint64_t)(int64_t)(int32_t)v;
    timer_changed(s);
}

/* ---- forwarded: ISR_EL1, the GICv3 CPU interface ---- */

static uint64_t rd_isr(const A64SysRegs *s, uint32_t key)
{
    (void)key;
    return s->hooks.pending ? s->hooks.pending(s->hooks.opaque) & 0x1c0 : 0;
}

/* ---- translation registers: a change empties the TLB ---- */

static void flush(A64SysRegs *s)
{
    if (s->hooks.tlb_flush)
        s->hooks.tlb_flush(s->hooks.opaque, A64_TLB_FLUSH_ALL, 0);
}

static uint64_t *field(const A64SysRegs *s, const A64SysRegDesc *d)
{
    return (uint64_t *)((char *)s + d->off - 1);
}

static void wr_translation(A64SysRegs *s, uint32_t key, uint64_t v)
{
    const A64SysRegDesc *d = a64_sysreg_lookup(key);
    uint64_t *f = field(s, d);
    uint64_t nv = (*f & ~d->wmask) | (v & d->wmask);

    if (nv != *f) {
        *f = nv;
        flush(s);
    }
}

static uint64_t rd_sctlr(const A64SysRegs *s, uint32_t key)
{
    (void)key;
    return s->exc.sctlr[1] | SCTLR_RES1;
}

/* ---- pointer authentication: the keys and SCTLR_EL1.EnIA/IB/DA/DB live
 * in the CPU state (pauth.h), beside these registers ---- */

static CPUArm64State *env_of(const A64SysRegs *s)
{
    return &((A64SysCpu *)((char *)s - offsetof(A64SysCpu, sys)))->env;
}

static void wr_sctlr(A64SysRegs *s, uint32_t key, uint64_t v)
{
    wr_translation(s, key, v);
    /* EnIA 31, EnIB 30, EnDA 27, EnDB 13 as PR_PAC_AP{IA,IB,DA,DB}KEY. */
    env_of(s)->pac_enabled = (uint32_t)((v >> 31 & 1) | (v >> 30 & 1) << 1 |
                                        (v >> 27 & 1) << 2 | (v >> 13 & 1) << 3);
}

/* APIAKeyLo_EL1 ... APGAKeyHi_EL1: CRm 1 (IA, IB), 2 (DA, DB), 3 (GA);
 * op2 bit 1 picks the second key of the pair, bit 0 Lo/Hi. */
static uint64_t *pac_key(const A64SysRegs *s, uint32_t key)
{
    unsigned crm = (key >> 3) & 0xf, op2 = key & 7;
    return &env_of(s)->pac_keys[(crm - 1) * 2 + (op2 >> 1)][op2 & 1];
}

static uint64_t rd_pac_key(const A64SysRegs *s, uint32_t key)
{
    return *pac_key(s, key);
}

static void wr_pac_key(A64SysRegs *s, uint32_t key, uint64_t v)
{
    *pac_key(s, key) = v;
}

#define RW(key, name, f, mask) { key, name, 0, OFF(f), mask, NULL, NULL }
#define RO_FN(key, name, fl, fn) { key, name, A64_SR_READONLY | (fl), 0, 0, fn, NULL }

static const A64SysRegDesc table[] = {
    /* Translation and control: writes end the block. */
    { R(3, 0, 1, 0, 0), "SCTLR_EL1", A64_SR_END_TB, OFF(exc.sctlr[1]), ALL, rd_sctlr, wr_sctlr },
    /* Pointer authentication keys. */
    { R(3, 0, 2, 1, 0), "APIAKeyLo_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 1, 1), "APIAKeyHi_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 1, 2), "APIBKeyLo_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 1, 3), "APIBKeyHi_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 2, 0), "APDAKeyLo_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 2, 1), "APDAKeyHi_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 2, 2), "APDBKeyLo_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 2, 3), "APDBKeyHi_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 3, 0), "APGAKeyLo_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 3, 1), "APGAKeyHi_EL1", 0, 0, 0, rd_pac_key, wr_pac_key },
    { R(3, 0, 2, 0, 0), "TTBR0_EL1", A64_SR_END_TB, OFF(ttbr0), ALL, NULL, wr_translation },
    { R(3, 0, 2, 0, 1), "TTBR1_EL1", A64_SR_END_TB, OFF(ttbr1), ALL, NULL, wr_translation },
    /* TCR_EL1: RES0 bits 6, 35, 63-60 kept clear. */
    { R(3, 0, 2, 0, 2), "TCR_EL1", A64_SR_END_TB, OFF(tcr), ~(1ull << 6 | 1ull << 35 | 0xfull << 60),
      NULL, wr_translation },
    { R(3, 0, 1, 0, 2), "CPACR_EL1", A64_SR_END_TB, OFF(cpacr), 3ull << 20, NULL, NULL },
    RW(R(3, 0, 1, 0, 1), "ACTLR_EL1", actlr, 0),
    RW(R(3, 0, 10, 2, 0), "MAIR_EL1", mair, ALL),
    RW(R(3, 0, 10, 3, 0), "AMAIR_EL1", amair, ALL),
    RW(R(3, 0, 13, 0, 1), "CONTEXTIDR_EL1", contextidr, 0xffffffff),
    RW(R(3, 0, 13, 0, 4), "TPIDR_EL1", tpidr_el1, ALL),
    { R(3, 3, 13, 0, 3), "TPIDRRO_EL0", A64_SR_EL0_READ, OFF(tpidrro_el0), ALL, NULL, NULL },
    /* Exceptions. */
    RW(R(3, 0, 4, 0, 0), "SPSR_EL1", exc.spsr[1], 0xffffffff),
    RW(R(3, 0, 4, 0, 1), "ELR_EL1", exc.elr[1], ALL),
    RW(R(3, 0, 4, 1, 0), "SP_EL0", exc.sp[0], ALL),
    RW(R(3, 0, 5, 2, 0), "ESR_EL1", exc.esr[1], 0xffffffff),
    RW(R(3, 0, 6, 0, 0), "FAR_EL1", exc.far[1], ALL),
    RW(R(3, 0, 5, 1, 0), "AFSR0_EL1", afsr0, 0),
    RW(R(3, 0, 5, 1, 1), "AFSR1_EL1", afsr1, 0),
    RW(R(3, 0, 7, 4, 0), "PAR_EL1", par, ALL),
    { R(3, 0, 12, 0, 0), "VBAR_EL1", 0, OFF(exc.vbar[1]), ~0x7ffull, NULL, NULL },
    RO_FN(R(3, 0, 12, 1, 0), "ISR_EL1", 0, rd_isr),
    /* Identification. */
    RO_FN(R(3, 0, 0, 0, 0), "MIDR_EL1", 0, rd_id),
    { R(3, 0, 0, 0, 5), "MPIDR_EL1", A64_SR_READONLY, OFF(mpidr), 0, NULL, NULL },
    RO_FN(R(3, 0, 0, 0, 6), "REVIDR_EL1", 0, rd_id),
    RO_FN(R(3, 1, 0, 0, 0), "CCSIDR_EL1", 0, rd_ccsidr),
    RO_FN(R(3, 1, 0, 0, 1), "CLIDR_EL1", 0, rd_const),
    RO_FN(R(3, 1, 0, 0, 7), "AIDR_EL1", 0, rd_const),
    RW(R(3, 2, 0, 0, 0), "CSSELR_EL1", csselr, 0xf),
    RO_FN(R(3, 3, 0, 0, 1), "CTR_EL0", A64_SR_EL0_READ, rd_const),
    RO_FN(R(3, 3, 0, 0, 7), "DCZID_EL0", A64_SR_EL0_READ, rd_dczid),
    /* Debug: an OS lock, one breakpoint and one watchpoint that never fire. */
    RW(R(2, 0, 0, 2, 2), "MDSCR_EL1", mdscr, 0),
    RW(R(2, 0, 0, 2, 0), "MDCCINT_EL1", mdccint, 0),
    { R(2, 0, 1, 0, 4), "OSLAR_EL1", A64_SR_WRITEONLY, 0, 0, NULL, wr_oslar },
    { R(2, 0, 1, 1, 4), "OSLSR_EL1", A64_SR_READONLY, OFF(oslsr), 0, NULL, NULL },
    RW(R(2, 0, 1, 3, 4), "OSDLR_EL1", osdlr, 1),
    RO_FN(R(2, 0, 1, 0, 0), "MDRAR_EL1", 0, rd_const),
    { R(2, 0, 0, 0, 4), "DBGBVR0_EL1", 0, 0, 0, rd_const, wr_ignore },
    { R(2, 0, 0, 0, 5), "DBGBCR0_EL1", 0, 0, 0, rd_const, wr_ignore },
    { R(2, 0, 0, 0, 6), "DBGWVR0_EL1", 0, 0, 0, rd_const, wr_ignore },
    { R(2, 0, 0, 0, 7), "DBGWCR0_EL1", 0, 0, 0, rd_const, wr_ignore },
    /* The generic timer (EL0 access as CNTKCTL_EL1 allows). */
    RW(R(3, 0, 14, 1, 0), "CNTKCTL_EL1", cntkctl, 0x3ff),
    RO_FN(R(3, 3, 14, 0, 0), "CNTFRQ_EL0", A64_SR_EL0_READ, rd_cntfrq),
    RO_FN(R(3, 3, 14, 0, 1), "CNTPCT_EL0", A64_SR_EL0_READ, rd_count),
    RO_FN(R(3, 3, 14, 0, 2), "CNTVCT_EL0", A64_SR_EL0_READ, rd_count),
    RO_FN(R(3, 3, 14, 0, 5), "CNTPCTSS_EL0", A64_SR_EL0_READ, rd_count),
    RO_FN(R(3, 3, 14, 0, 6), "CNTVCTSS_EL0", A64_SR_EL0_READ, rd_count),
    { R(3, 3, 14, 2, 0), "CNTP_TVAL_EL0", A64_SR_EL0_READ | A64_SR_EL0_WRITE | A64_SR_END_TB, 0, 0, rd_tval, wr_tval },
    { R(3, 3, 14, 2, 1), "CNTP_CTL_EL0", A64_SR_EL0_READ | A64_SR_EL0_WRITE | A64_SR_END_TB, 0, 0, rd_ctl, wr_ctl },
    { R(3, 3, 14, 2, 2), "CNTP_CVAL_EL0", A64_SR_EL0_READ | A64_SR_EL0_WRITE | A64_SR_END_TB, 0, 0, rd_cval, wr_cval },
    { R(3, 3, 14, 3, 0), "CNTV_TVAL_EL0", A64_SR_EL0_READ | A64_SR_EL0_WRITE | A64_SR_END_TB, 0, 0, rd_tval, wr_tval },
    { R(3, 3, 14, 3, 1), "CNTV_CTL_EL0", A64_SR_EL0_READ | A64_SR_EL0_WRITE | A64_SR_END_TB, 0, 0, rd_ctl, wr_ctl },
    { R(3, 3, 14, 3, 2), "CNTV_CVAL_EL0", A64_SR_EL0_READ | A64_SR_EL0_WRITE | A64_SR_END_TB, 0, 0, rd_cval, wr_cval },
};

/* The ID space and GIC registers not in the table. */
static const A64SysRegDesc id_space = { 0, "ID register", A64_SR_READONLY, 0, 0, rd_id, NULL };
/* ICC_*: the machine's GIC answers (hooks.gic_sysreg, helper-system.c). */
static const A64SysRegDesc gic_cpuif = { 0, "GIC CPU interface", A64_SR_END_TB, 0, 0, NULL, NULL };

bool a64_sysreg_is_gic(const A64SysRegDesc *d)
{
    return d == &gic_cpuif;
}

/* key (16 bits) -> 1 + its index in table, 0 when not there; built once. */
static uint8_t table_index[1u << 16];
static pthread_once_t table_index_once = PTHREAD_ONCE_INIT;

_Static_assert(sizeof(table) / sizeof(table[0]) < 255, "table_index holds uint8_t");

static void build_table_index(void)
{
    for (size_t i = sizeof(table) / sizeof(table[0]); i-- > 0;)
        table_index[table[i].key] = (uint8_t)(i + 1);   /* the first of a key wins */
}

const A64SysRegDesc *a64_sysreg_lookup(uint32_t key)
{
    pthread_once(&table_index_once, build_table_index);
    if (key < (1u << 16) && table_index[key])
        return &table[table_index[key] - 1];
    /* op0 = 3, op1 = 0, CRn = 0, CRm 1-7: the ID registers. */
    if ((key & ~(uint32_t)R(0, 0, 0, 7, 7)) == R(3, 0, 0, 0, 0) && (key >> 3 & 0xf) >= 1)
        return &id_space;
    /* The GICv3 CPU interface: op0 3, op1 0, CRn 12, CRm 8, 9, 11, 12;
     * ICC_PMR_EL1 (CRn 4, CRm 6). */
    unsigned crm = (key >> 3) & 0xf;
    if (((key & ~(uint32_t)R(0, 0, 0, 15, 7)) == R(3, 0, 12, 0, 0) &&
         (crm == 8 || crm == 9 || crm == 11 || crm == 12)) || key == R(3, 0, 4, 6, 0))
        return &gic_cpuif;
    return NULL;
}

bool a64_sysreg_el0_ok(const A64SysRegs *s, const A64SysRegDesc *d, bool write)
{
    uint64_t sctlr = s->exc.sctlr[1], k = s->cntkctl;

    if (!(d->flags & (write ? A64_SR_EL0_WRITE : A64_SR_EL0_READ)))
        return false;
    switch (d->key) {
    case R(3, 3, 0, 0, 1): return sctlr & (1ull << 15);             /* CTR: UCT */
    case R(3, 3, 0, 0, 7): return true;                             /* DCZID */
    case R(3, 3, 13, 0, 3): return true;                            /* TPIDRRO */
    case R(3, 3, 14, 0, 0): return k & 3;                           /* CNTFRQ: EL0PCTEN|EL0VCTEN */
    case R(3, 3, 14, 0, 1): case R(3, 3, 14, 0, 5): return k & 1;   /* EL0PCTEN */
    case R(3, 3, 14, 0, 2): case R(3, 3, 14, 0, 6): return k & 2;   /* EL0VCTEN */
    }
    if (((d->key >> 3) & 0xf) == 2)
        return k & (1u << 9);                                       /* EL0PTEN */
    if (((d->key >> 3) & 0xf) == 3)
        return k & (1u << 8);                                       /* EL0VTEN */
    return false;
}

uint64_t a64_sysreg_read(A64SysRegs *s, const A64SysRegDesc *d, uint32_t key)
{
    if (d->read)
        return d->read(s, key);
    return d->off ? *field(s, d) : 0;
}

void a64_sysreg_write(A64SysRegs *s, const A64SysRegDesc *d, uint32_t key, uint64_t v)
{
    if (d->write) {
        d->write(s, key, v);
        return;
    }
    if (d->off) {
        uint64_t *f = field(s, d);
        *f = (*f & ~d->wmask) | (v & d->wmask);
    }
}

void a64_sysregs_reset(A64SysRegs *s)
{
    A64SysHooks hooks = s->hooks;
    uint64_t id[8][8], mpidr = s->mpidr, frq = s->cntfrq;
    unsigned max_el = s->exc.max_el;

    for (unsigned i = 0; i < 8; i++)
        for (unsigned j = 0; j < 8; j++)
            id[i][j] = s->id[i][j];
    *s = (A64SysRegs){ 0 };
    s->hooks = hooks;
    s->mpidr = mpidr;
    s->cntfrq = frq;
    s->exc.max_el = max_el;
    for (unsigned i = 0; i < 8; i++)
        for (unsigned j = 0; j < 8; j++)
            s->id[i][j] = id[i][j];
    s->exc.sctlr[1] = SCTLR_RESET;
    s->oslsr = 0xa;                                /* OS lock implemented and locked */
    s->osdlr = 0;
}

void a64_sysregs_mmu(const A64SysRegs *s, bool pan, A64MmuRegs *r)
{
    r->sctlr = s->exc.sctlr[1];
    r->tcr = s->tcr;
    r->ttbr0 = s->ttbr0;
    r->ttbr1 = s->ttbr1;
    r->mair = s->mair;
    r->pan = pan;
    r->read64 = s->hooks.read64;
    r->cas64 = s->hooks.cas64;
    r->opaque = s->hooks.opaque;
}
