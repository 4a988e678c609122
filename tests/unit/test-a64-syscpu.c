/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the full-system aarch64 CPU layer (translate/aarch64/
 * cpu-system.c) without generated code: reset state, PSTATE packing, the
 * dispatcher's exits turned into exceptions (SVC from EL0 with its ESR and
 * the stack switch, BRK, UNDEF, alignment, HVC to PSCI or UNDEFINED),
 * ERET, IRQ masking and WFI, and memory through the software TLB with the
 * MMU on: RAM through a page table in fake physical memory, a data abort
 * with ESR/FAR/ELR, MMIO to the machine and an external abort when it
 * refuses, block identity flags and physical pc.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "translate/aarch64/cpu-system.h"
#include "unit.h"


/* 64 KiB of fake RAM at physical 0x40000000; MMIO answers at 0x09000000. */
static _Alignas(4096) uint8_t ram[65536];
static uint64_t pending_bits, psci_calls, io_last;

static void *ram_ptr(void *o, uint64_t pa) { (void)o; return pa >= 0x40000000 && pa < 0x40010000 ? &ram[pa - 0x40000000] : NULL; }
static bool code_page(void *o, uint64_t pa) { (void)o, (void)pa; return false; }
static uint64_t pending(void *o) { (void)o; return pending_bits; }
static bool rd64(void *o, uint64_t pa, uint64_t *v)
{
    uint8_t *p = ram_ptr(o, pa & ~0xfffull);
    if (!p)
        return false;
    memcpy(v, p + (pa & 0xfff), 8);
    return true;
}
static bool cas64(void *o, uint64_t pa, uint64_t old, uint64_t v)
{
    uint64_t cur;
    if (!rd64(o, pa, &cur) || cur != old)
        return false;
    memcpy(ram + (pa - 0x40000000), &v, 8);
    return true;
}
static bool io_read(void *o, uint64_t pa, unsigned size, uint64_t *v)
{
    (void)o, (void)size;
    io_last = pa;
    *v = 0x2a;
    return pa < 0x09001000;
}
static bool io_write(void *o, uint64_t pa, unsigned size, uint64_t v)
{
    (void)o, (void)size, (void)v;
    io_last = pa;
    return pa < 0x09001000;
}
static bool psci(void *o, uint64_t x[4])
{
    (void)o;
    psci_calls++;
    if (x[0] != 0x84000000)
        return false;
    x[0] = 0x10001;
    return true;
}

#define VBAR 0x40008000ull

static void set_tables(A64SysCpu *c)
{
    /* 4K granule, 39-bit VA: L1 at +0x1000, L2 at +0x2000, L3 at +0x3000.
     * VA 0x200000 + n pages -> RAM pages 8-15 (EL0 and EL1 read/write,
     * but page 2 EL1 only, so EL1 may execute it);
     * VA 0x400000: a 2 MiB device block at 0x09000000 (not RAM). */
    uint64_t *l1 = (uint64_t *)(ram + 0x1000), *l2 = (uint64_t *)(ram + 0x2000);
    uint64_t *l3 = (uint64_t *)(ram + 0x3000);
    l1[0] = 0x40002003;
    l2[1] = 0x40003003;
    l2[2] = 0x09000000 | 1u << 10 | 1;
    for (unsigned i = 0; i < 8; i++)
        l3[i] = (0x40008000 + i * 4096) | 1u << 10 | (i == 2 ? 0 : 1u << 6) | 3;
    c->sys.ttbr0 = 0x40001000;
    c->sys.tcr = 25 | 5ull << 32;
    c->sys.exc.sctlr[1] |= 1;
}

int main(void)
{
    static A64SysCpu cpu;
    A64SysCpu *c = &cpu;
    sigjmp_buf jb;
    volatile int excp;

    extern const Arm64Model a64_models[];
    result("init", a64_sys_init(c, &a64_models[0]));
    softmmu_arch = &a64_softmmu;
    c->sys.hooks = (A64SysHooks){ .ram_ptr = ram_ptr, .code_page = code_page, .pending = pending,
                                  .read64 = rd64, .cas64 = cas64, .io_read = io_read,
                                  .io_write = io_write, .psci = psci };
    a64_sys_reset(c, 0x40080000, 0x44000000);
    result("reset: EL1h, DAIF masked, pc, x0",
           a64_sys_pstate(c) == (0x5 | A64_PSR_DAIF) && c->env.common.pc == 0x40080000 &&
           c->env.x[0] == 0x44000000);
    result("MIDR from the model", c->sys.id[0][0] == a64_models[0].midr &&
                                  (c->sys.id[4][0] & 0xff) == 0x11);
    /* "max" has BTI in user mode; the system view has no GP bit. */
    result("no BTI in the system view", (c->sys.id[4][1] & 0xf) == 0);

    a64_sys_set_pstate(c, 0xa0000000 | 0x800 | 0x5);
    result("PSTATE round trip with NZCV and BTYPE",
           a64_sys_pstate(c) == (0xa0000000 | 0x800 | 0x5) && c->env.btype == 2);

    /* SVC #0x42 from EL0 (pc already after it). */
    c->sys.exc.vbar[1] = VBAR;
    c->sys.exc.sp[1] = 0x4000f000;
    a64_sys_set_pstate(c, 0x0);
    c->env.x[31] = 0x7000;
    c->env.common.pc = 0x1004;
    c->env.common.excp_arg = 0x42;
    result("SVC runs on", a64_sys_handle_exit(c, EXCP_SYSCALL) == A64_SYS_RUN);
    result("SVC: vector, ESR, ELR, SPSR", c->env.common.pc == VBAR + 0x400 &&
                                         c->sys.exc.esr[1] == 0x56000042 &&
                                         c->sys.exc.elr[1] == 0x1004 && c->sys.exc.spsr[1] == 0);
    result("SVC: EL1h with the EL1 stack (SPAN = 1 at reset: PAN kept)",
           a64_sys_pstate(c) == (0x5 | A64_PSR_DAIF) &&
                                           c->env.x[31] == 0x4000f000 && c->sys.exc.sp[0] == 0x7000);
    a64_sys_eret(c);
    result("ERET back to EL0", c->env.common.pc == 0x1004 && a64_sys_pstate(c) == 0 &&
                               c->env.x[31] == 0x7000);

    /* IRQs: masked, then taken from EL0. */
    pending_bits = A64_PSR_I;
    a64_sys_set_pstate(c, A64_PSR_I);
    result("masked IRQ not taken", !a64_sys_check_irq(c));
    c->env.common.pc = 0x1800;
    result("WFI with a masked IRQ pending completes, IRQ not taken",
           a64_sys_handle_exit(c, EXCP_A64_WFI) == A64_SYS_RUN && c->env.common.pc == 0x1800);
    pending_bits = 0;
    result("WFI with nothing pending sleeps", a64_sys_handle_exit(c, EXCP_A64_WFI) == A64_SYS_HALT);
    pending_bits = A64_PSR_I;
    a64_sys_set_pstate(c, 0);
    c->env.common.pc = 0x2000;
    result("WFI with an IRQ runs on", a64_sys_handle_exit(c, EXCP_A64_WFI) == A64_SYS_RUN &&
                                      c->env.common.pc == VBAR + 0x480 && c->sys.exc.elr[1] == 0x2000);
    pending_bits = 0;

    /* HVC at EL1: PSCI_VERSION answered; an unknown function is UNDEF. */
    a64_sys_set_pstate(c, 0x5);
    c->env.x[0] = 0x84000000;
    c->env.common.pc = 0x40080104;
    a64_sys_handle_exit(c, EXCP_A64_HVC);
    result("HVC PSCI_VERSION", c->env.x[0] == 0x10001 && c->env.common.pc == 0x40080104);
    c->env.x[0] = 0xc4000099;
    a64_sys_handle_exit(c, EXCP_A64_HVC);
    result("HVC unknown: UNDEFINED at the HVC", c->sys.exc.esr[1] == 0x02000000 &&
                                               c->sys.exc.elr[1] == 0x40080100 &&
                                               c->env.common.pc == VBAR + 0x200);
    a64_sys_set_pstate(c, 0x5);
    c->env.common.pc = 0x500;
    c->env.common.excp_arg = 7;
    a64_sys_handle_exit(c, EXCP_BKPT);
    result("BRK #7", c->sys.exc.esr[1] == 0xf2000007 && c->sys.exc.elr[1] == 0x500);

    /* Memory with the MMU on, at EL1. */
    set_tables(c);
    softtlb_flush_all(&c->tlb);
    a64_sys_set_pstate(c, 0x5);
    memcpy(ram + 0x9010, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
    c->env.common.fault_jmp = &jb;
    excp = sigsetjmp(jb, 0);
    if (!excp) {
        result("load through the MMU", softmmu_ld(&c->env.common, 0x201010, 8, A64_MMU_EL1, 0) ==
                                        0x8877665544332211ull);
        softmmu_st(&c->env.common, 0x201018, 0xabcd, 2, A64_MMU_EL1, 0);
        result("store through the MMU", ram[0x9018] == 0xcd && ram[0x9019] == 0xab);
        result("MMIO read", softmmu_ld(&c->env.common, 0x400008, 4, A64_MMU_EL1, 0) == 0x2a &&
                            io_last == 0x09000008);
    }
    result("no fault so far", excp == 0);
    c->env.common.pc = 0x40080200;
    excp = sigsetjmp(jb, 0);
    if (!excp)
        softmmu_st(&c->env.common, 0x600000, 1, 8, A64_MMU_EL1, 0);
    result("data abort: taken", excp == EXCP_A64_TAKEN && c->env.common.pc == VBAR + 0x200);
    result("data abort: ESR (level 2 translation, WnR), FAR, ELR",
           c->sys.exc.esr[1] == 0x96000046 && c->sys.exc.far[1] == 0x600000 &&
           c->sys.exc.elr[1] == 0x40080200);
    a64_sys_set_pstate(c, 0x5);
    c->env.common.pc = 0x40080300;
    excp = sigsetjmp(jb, 0);
    if (!excp)
        (void)softmmu_ld(&c->env.common, 0x401000, 4, A64_MMU_EL1, 0);
    result("refused MMIO: synchronous external abort",
           excp == EXCP_A64_TAKEN && c->sys.exc.esr[1] == 0x96000410 && c->sys.exc.elr[1] == 0x40080300);

    /* Block identity: EL, PAN, FP enable; physical pc through the MMU. */
    uint32_t flags;
    uint64_t phys;
    a64_sys_set_pstate(c, 0x5 | A64_PSR_PAN);
    c->sys.cpacr = 3 << 20;
    result("tb id at EL1", a64_sys_tb_id(&c->env.common, 0x202004, &flags, &phys) &&
                           flags == (1 | 4 | 8) && phys == 0x4000a004);
    result("tb id of an unmapped pc", !a64_sys_tb_id(&c->env.common, 0x600000, &flags, &phys));
    c->env.common.pc = 0x600000;
    a64_sys_handle_exit(c, EXCP_FAULT_FETCH);
    result("fetch abort: ESR, FAR", c->sys.exc.esr[1] == 0x86000006 && c->sys.exc.far[1] == 0x600000 &&
                                    c->sys.exc.elr[1] == 0x600000);

    a64_sys_destroy(c);
    return unit_summary();
}
