/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the full-system EL1 system registers and generic timer
 * (translate/aarch64/sysreg-el1.c): lookup by key, read/write with the
 * writable-bit masks and RES1 bits, the TLB flush a change of a
 * translation register asks for (and only a change), the timers against
 * a fake counter (ISTATUS, the interrupt line, IMASK, TVAL's signed 32-bit
 * view, the re-arm deadline, CNTVOFF), EL0 access through CNTKCTL_EL1 and
 * SCTLR_EL1.UCT, the OS lock, CCSIDR by CSSELR and reset.
 */
#include <stdio.h>
#include "translate/aarch64/sysregs.h"
#include "unit.h"


static uint64_t now;
static unsigned flushes, rearms;
static A64TlbFlush last_kind;
static uint64_t last_arg;

static uint64_t tick;                 /* added to now after each reading */
static uint64_t counter(void *o)
{
    uint64_t v = now;
    (void)o;
    now += tick;
    return v;
}
static void tlb_flush(void *o, A64TlbFlush k, uint64_t a)
{
    (void)o;
    flushes++;
    last_kind = k;
    last_arg = a;
}

/* 16 KiB of fake RAM at 0x40000000 for AT's walks. */
static uint64_t mem[2048];

static bool rd64(void *o, uint64_t pa, uint64_t *v)
{
    (void)o;
    if (pa < 0x40000000 || pa >= 0x40000000 + sizeof(mem))
        return false;
    *v = mem[(pa - 0x40000000) / 8];
    return true;
}

static bool cas64(void *o, uint64_t pa, uint64_t old, uint64_t v)
{
    (void)o;
    if (mem[(pa - 0x40000000) / 8] != old)
        return false;
    mem[(pa - 0x40000000) / 8] = v;
    return true;
}

static void test_sys_insns(A64SysRegs *s)
{
    /* 4K granule, 39-bit VA (T0SZ 25: start at level 1), IPS 48 bits:
     * level 1 at 0x40000000, 2 at 0x40001000, 3 at 0x40002000;
     * VA 0x200000 -> PA 0x40100000, EL1 read/write, attribute index 1. */
    mem[0] = 0x40001003;
    mem[512 + 1] = 0x40002003;
    mem[1024] = 0x40100000 | 1u << 10 | 1u << 2 | 3;
    s->tcr = 25 | 5ull << 32;
    s->ttbr0 = 0x40000000;
    s->mair = 0xff00;
    s->exc.sctlr[1] |= 1;
    s->hooks.read64 = rd64;
    s->hooks.cas64 = cas64;

    result("SYS known/unknown", a64_sys_insn_known(A64_SYSREG(1, 0, 8, 3, 0)) &&
                                !a64_sys_insn_known(A64_SYSREG(1, 0, 8, 3, 4)));
    a64_sys_insn(s, A64_SYSREG(1, 0, 7, 8, 0), 0x200123, false);            /* AT S1E1R */
    result("AT S1E1R: PA and attributes in PAR",
           s->par == (0x40100000 | 0xffull << 56 | 3u << 7 | 1u << 11));
    a64_sys_insn(s, A64_SYSREG(1, 0, 7, 8, 2), 0x200123, false);            /* AT S1E0R */
    result("AT S1E0R: permission fault level 3 in PAR", s->par == (1 | 0x0f << 1 | 1u << 11));
    a64_sys_insn(s, A64_SYSREG(1, 0, 7, 8, 1), 0x201000, false);            /* AT S1E1W */
    result("AT S1E1W: translation fault level 3", s->par == (1 | 0x07 << 1 | 1u << 11));

    flushes = 0;
    a64_sys_insn(s, A64_SYSREG(1, 0, 8, 3, 1), 0x1234000000ffff80ull, false);   /* TLBI VAE1IS */
    result("TLBI VAE1IS: the sign-extended VA, broadcast",
           flushes == 1 && last_kind == A64_TLB_FLUSH_VA_IS && last_arg == 0xffff80000ull);
    a64_sys_insn(s, A64_SYSREG(1, 0, 8, 7, 5), 0x80000000000ull, false);        /* TLBI VALE1 */
    result("TLBI VALE1: upper-half VA, local",
           last_kind == A64_TLB_FLUSH_VA && last_arg == 0xff80000000000000ull);
    a64_sys_insn(s, A64_SYSREG(1, 0, 8, 3, 0), 0, false);                       /* TLBI VMALLE1IS */
    result("TLBI VMALLE1IS", last_kind == A64_TLB_FLUSH_ALL_IS && flushes == 3);
    a64_sys_insn(s, A64_SYSREG(1, 0, 7, 5, 0), 0, false);                       /* IC IALLU */
    result("IC IALLU flushes no TLB", flushes == 3);
}
static void rearm(void *o) { (void)o; rearms++; }

#define R A64_SYSREG

static uint64_t rd(A64SysRegs *s, uint32_t key)
{
    return a64_sysreg_read(s, a64_sysreg_lookup(key), key);
}

static void wr(A64SysRegs *s, uint32_t key, uint64_t v)
{
    a64_sysreg_write(s, a64_sysreg_lookup(key), key, v);
}

int main(void)
{
    A64SysRegs s = { .hooks = { .counter = counter, .tlb_flush = tlb_flush,
                                .timer_changed = rearm },
                     .mpidr = 0x80000001, .cntfrq = 1000000000 };
    s.id[0][0] = 0x414fd0c1;
    s.id[4][0] = 0x11;
    a64_sysregs_reset(&s);

    result("lookup by name", a64_sysreg_lookup(R(3, 0, 2, 0, 2)) &&
                             !a64_sysreg_lookup(R(3, 0, 2, 0, 3)));
    result("SCTLR reset: MMU off, RES1 bits", (rd(&s, R(3, 0, 1, 0, 0)) & 1) == 0 &&
                                             rd(&s, R(3, 0, 1, 0, 0)) == 0x30d00800);
    flushes = 0;
    wr(&s, R(3, 0, 1, 0, 0), 0x1005);
    result("SCTLR write keeps RES1, flushes", rd(&s, R(3, 0, 1, 0, 0)) == (0x1005 | 0x30500800) &&
                                              flushes == 1);
    wr(&s, R(3, 0, 1, 0, 0), 0x1005);
    result("same SCTLR again: no flush", flushes == 1);
    wr(&s, R(3, 0, 2, 0, 0), 0x1234000040001000ull);
    result("TTBR0 write flushes", flushes == 2 && s.ttbr0 == 0x1234000040001000ull);
    wr(&s, R(3, 0, 2, 0, 2), ~0ull);
    result("TCR RES0 bits stay clear", s.tcr == ~(1ull << 6 | 1ull << 35 | 0xfull << 60) &&
                                       flushes == 3);
    wr(&s, R(3, 0, 12, 0, 0), 0xffff800010010fffull);
    result("VBAR low 11 bits RES0", rd(&s, R(3, 0, 12, 0, 0)) == 0xffff800010010800ull &&
                                    s.exc.vbar[1] == 0xffff800010010800ull);
    wr(&s, R(3, 0, 4, 0, 1), 0xffff800010001234ull);
    wr(&s, R(3, 0, 4, 0, 0), 0x3c5);
    result("ELR/SPSR banked for EL1", s.exc.elr[1] == 0xffff800010001234ull &&
                                      s.exc.spsr[1] == 0x3c5);
    result("MIDR, MPIDR, PFR0 from the model", rd(&s, R(3, 0, 0, 0, 0)) == 0x414fd0c1 &&
                                               rd(&s, R(3, 0, 0, 0, 5)) == 0x80000001 &&
                                               rd(&s, R(3, 0, 0, 4, 0)) == 0x11);
    result("AArch32 ID registers read 0", rd(&s, R(3, 0, 0, 1, 0)) == 0 &&
                                          rd(&s, R(3, 0, 0, 3, 0)) == 0);
    const A64SysRegDesc *midr = a64_sysreg_lookup(R(3, 0, 0, 0, 0));
    result("ID registers are read-only", midr && (midr->flags & A64_SR_READONLY));
    wr(&s, R(3, 2, 0, 0, 0), 0);
    uint64_t l1d = rd(&s, R(3, 1, 0, 0, 0));
    wr(&s, R(3, 2, 0, 0, 0), 2);
    uint64_t l2 = rd(&s, R(3, 1, 0, 0, 0));
    result("CCSIDR by CSSELR", (l1d & 7) == 2 && ((l1d >> 3) & 0x3ff) == 3 &&
                               ((l2 >> 3) & 0x3ff) == 15 && ((l2 >> 13) & 0x7fff) == 1023);
    result("OS lock: locked at reset", (rd(&s, R(2, 0, 1, 1, 4)) & 2) != 0);
    wr(&s, R(2, 0, 1, 0, 4), 0);
    result("OSLAR unlocks", (rd(&s, R(2, 0, 1, 1, 4)) & 2) == 0);

    /* The virtual timer: CVAL in the future, enabled. */
    now = 1000;
    s.cntvoff = 100;                                  /* virtual count = 900 */
    rearms = 0;
    wr(&s, R(3, 3, 14, 3, 2), 1500);
    wr(&s, R(3, 3, 14, 3, 1), 1);
    result("timer writes ask for a re-arm", rearms == 2);
    result("virtual count", rd(&s, R(3, 3, 14, 0, 2)) == 900 && rd(&s, R(3, 3, 14, 0, 1)) == 1000);
    result("not yet: ISTATUS 0, line low", rd(&s, R(3, 3, 14, 3, 1)) == 1 && !a64_timer_irq(&s, 1));
    result("deadline in physical count", a64_timer_deadline(&s) == 1600);
    result("TVAL counts down", rd(&s, R(3, 3, 14, 3, 0)) == 600);
    now = 1600;
    result("fires: ISTATUS 1, line high", rd(&s, R(3, 3, 14, 3, 1)) == 5 && a64_timer_irq(&s, 1));
    result("firing: no further deadline", a64_timer_deadline(&s) == UINT64_MAX);
    now = 1700;
    result("TVAL negative after firing", rd(&s, R(3, 3, 14, 3, 0)) == (uint32_t)-100);
    wr(&s, R(3, 3, 14, 3, 1), 3);
    result("IMASK lowers the line, ISTATUS stays", !a64_timer_irq(&s, 1) &&
                                                  rd(&s, R(3, 3, 14, 3, 1)) == 7);
    wr(&s, R(3, 3, 14, 3, 0), (uint32_t)-50);
    result("TVAL write is signed 32-bit", s.cntv_cval == 1600 - 50);
    /* The physical timer, independently. */
    wr(&s, R(3, 3, 14, 2, 2), 2000);
    wr(&s, R(3, 3, 14, 2, 1), 1);
    result("physical timer deadline", a64_timer_deadline(&s) == 2000 && !a64_timer_irq(&s, 0));
    now = 2000;
    result("physical timer fires", a64_timer_irq(&s, 0));
    /* The count passes the compare value while the state is worked out:
     * line and deadline still agree (low, and a deadline to raise it). */
    wr(&s, R(3, 3, 14, 2, 1), 0);
    wr(&s, R(3, 3, 14, 3, 2), 2000 - 100);            /* virtual 1900 = physical 2000 */
    wr(&s, R(3, 3, 14, 3, 1), 1);
    now = 1999;
    tick = 1;
    bool line[2];
    uint64_t next = a64_timer_state(&s, line);
    tick = 0;
    result("one reading: line low with a deadline", !line[1] && next == 2000);

    /* EL0 access: counters by CNTKCTL_EL1, CTR_EL0 by SCTLR_EL1.UCT. */
    const A64SysRegDesc *vct = a64_sysreg_lookup(R(3, 3, 14, 0, 2));
    const A64SysRegDesc *vctl = a64_sysreg_lookup(R(3, 3, 14, 3, 1));
    const A64SysRegDesc *ctr = a64_sysreg_lookup(R(3, 3, 0, 0, 1));
    const A64SysRegDesc *tcr = a64_sysreg_lookup(R(3, 0, 2, 0, 2));
    result("EL0 counter refused by default", !a64_sysreg_el0_ok(&s, vct, false));
    wr(&s, R(3, 0, 14, 1, 0), 2);
    result("CNTKCTL.EL0VCTEN allows CNTVCT", a64_sysreg_el0_ok(&s, vct, false) &&
                                            !a64_sysreg_el0_ok(&s, vct, true));
    result("virtual timer registers need EL0VTEN", !a64_sysreg_el0_ok(&s, vctl, true));
    wr(&s, R(3, 0, 14, 1, 0), 1u << 8);
    result("CNTKCTL.EL0VTEN allows CNTV_CTL", a64_sysreg_el0_ok(&s, vctl, true));
    result("CTR_EL0 needs UCT", !a64_sysreg_el0_ok(&s, ctr, false));
    wr(&s, R(3, 0, 1, 0, 0), 1u << 15);
    result("UCT allows CTR_EL0", a64_sysreg_el0_ok(&s, ctr, false));
    result("EL1-only registers never at EL0", !a64_sysreg_el0_ok(&s, tcr, false));

    test_sys_insns(&s);
    A64MmuRegs m;
    a64_sysregs_mmu(&s, true, &m);
    result("MMU view", m.tcr == s.tcr && m.ttbr0 == s.ttbr0 && m.pan &&
                       m.sctlr == s.exc.sctlr[1]);
    a64_sysregs_reset(&s);
    result("reset keeps the model and hooks", s.mpidr == 0x80000001 &&
                                              s.id[0][0] == 0x414fd0c1 && s.hooks.counter == counter &&
                                              s.tcr == 0 && s.cntv_ctl == 0);
    return unit_summary();
}
