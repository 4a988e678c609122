/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the full-system memory slow path (translate/softmmu.c) with
 * a fake frontend and machine: a miss fills the TLB once and later
 * accesses hit RAM directly; MMIO reads and writes reach the machine
 * with their physical address and size; a write to a page holding code
 * tells the machine once, after which the page is written at full speed;
 * accesses crossing a page work byte-wise and a faulting second page
 * leaves memory unchanged; a fault unwinds to the recovery point with the
 * address; code fetches probe without raising.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "translate/softmmu.h"
#include "unit.h"


/* The guest: virtual page n (0-7) maps RAM page n of ram[] at physical
 * 0x40000000 + n * 4096, except page 5 (unmapped) and page 6 (read
 * only); virtual page 9 is MMIO at physical 0x09000000. */
static _Alignas(4096) uint8_t ram[8][4096];
static unsigned fills, io_reads, io_writes, code_writes;
static uint64_t last_io_pa, last_io_val;
static unsigned last_io_size;
static bool code_page3 = true;

static bool fill(CPUCommon *env, SoftTlb *t, uint64_t va, SoftTlbAccess acc, unsigned mmu_idx,
                 unsigned size, bool probe, uintptr_t retaddr)
{
    uint64_t page = va >> 12;
    (void)size;
    fills++;
    if (page == 5 || page > 9 || page == 8 || (page == 6 && acc == SOFTTLB_WRITE) ||
        (page == 9 && acc == SOFTTLB_EXEC)) {
        if (probe)
            return false;
        env->fault_addr = va;
        softmmu_raise(env, retaddr, EXCP_FAULT_READ + (acc == SOFTTLB_WRITE));
    }
    if (page == 9) {
        softtlb_fill(t, mmu_idx, va, 0x09000000, 3, NULL, 0, 12);
        return true;
    }
    unsigned access = page == 6 ? 1u << SOFTTLB_READ | 1u << SOFTTLB_EXEC : 7;
    softtlb_fill(t, mmu_idx, va, 0x40000000 + page * 4096, access, ram[page],
                 page == 3 && code_page3 ? SOFTTLB_NOTDIRTY : 0, 12);
    return true;
}

static bool io_read(CPUCommon *env, uint64_t pa, unsigned size, uint64_t *val, uintptr_t ra)
{
    (void)env, (void)ra;
    io_reads++;
    last_io_pa = pa;
    last_io_size = size;
    *val = 0x1122334455667788ull;
    return true;
}

static bool io_write(CPUCommon *env, uint64_t pa, unsigned size, uint64_t val, uintptr_t ra)
{
    (void)env, (void)ra;
    io_writes++;
    last_io_pa = pa;
    last_io_size = size;
    last_io_val = val;
    return true;
}

static SoftTlb tlb;

static void code_written(CPUCommon *env, uint64_t pa_page)
{
    (void)env;
    code_writes++;
    code_page3 = false;
    softtlb_set_notdirty(&tlb, pa_page, false);
}

static const SoftmmuArch arch = { .fill = fill, .io_read = io_read, .io_write = io_write,
                                  .code_written = code_written };

int main(void)
{
    CPUCommon env = { 0 };
    sigjmp_buf jb;
    volatile int excp;
    uint64_t pa;

    softmmu_arch = &arch;
    result("TLB", softtlb_init(&tlb, 12, 6, 2));
    env.tlb = &tlb;
    env.fault_jmp = &jb;

    softmmu_st(&env, 0x1008, 0xdeadbeefcafef00dull, 8, 0, 0);
    result("store reaches RAM", !memcmp(&ram[1][8], "\x0d\xf0\xfe\xca\xef\xbe\xad\xde", 8));
    result("load back", softmmu_ld(&env, 0x1008, 8, 0, 0) == 0xdeadbeefcafef00dull &&
                        softmmu_ld(&env, 0x100c, 2, 0, 0) == 0xbeef);
    result("one fill for the page", fills == 1);
    result("other MMU index fills again",
           softmmu_ld(&env, 0x1008, 4, 1, 0) == 0xcafef00d && fills == 2);

    result("MMIO read", softmmu_ld(&env, 0x9010, 4, 0, 0) == 0x55667788 &&
                        last_io_pa == 0x09000010 && last_io_size == 4 && io_reads == 1);
    softmmu_st(&env, 0x9018, 0xab, 1, 0, 0);
    result("MMIO write", io_writes == 1 && last_io_pa == 0x09000018 && last_io_size == 1 &&
                         last_io_val == 0xab);

    softmmu_st(&env, 0x3000, 1, 4, 0, 0);
    softmmu_st(&env, 0x3004, 2, 4, 0, 0);
    result("code page: the machine told once", code_writes == 1 && ram[3][0] == 1 && ram[3][4] == 2);

    /* Unaligned across pages 1 and 2. */
    softmmu_st(&env, 0x1ffe, 0x44332211, 4, 0, 0);
    result("store across a page", ram[1][4094] == 0x11 && ram[1][4095] == 0x22 &&
                                  ram[2][0] == 0x33 && ram[2][1] == 0x44);
    result("load across a page", softmmu_ld(&env, 0x1ffe, 4, 0, 0) == 0x44332211);

    /* Page 4 then 5 (unmapped): the fault comes back through the
     * recovery point and page 4 is untouched. */
    ram[4][4095] = 0x77;
    excp = sigsetjmp(jb, 0);
    if (!excp)
        softmmu_st(&env, 0x4fff, 0xffff, 2, 0, 0);
    result("fault on the second page", excp == EXCP_FAULT_WRITE && env.fault_addr == 0x5000 &&
                                       ram[4][4095] == 0x77);
    excp = sigsetjmp(jb, 0);
    if (!excp)
        (void)softmmu_ld(&env, 0x5010, 8, 0, 0);
    result("read fault", excp == EXCP_FAULT_READ && env.fault_addr == 0x5010);
    excp = sigsetjmp(jb, 0);
    if (!excp)
        softmmu_st(&env, 0x6000, 1, 1, 0, 0);
    result("write to read-only", excp == EXCP_FAULT_WRITE && softmmu_ld(&env, 0x6000, 1, 0, 0) == 0);

    const uint8_t *code = softmmu_code_ptr(&env, 0x7010, 0, &pa);
    result("code fetch", code == &ram[7][0x10] && pa == 0x40007010);
    result("code fetch fault probes", !softmmu_code_ptr(&env, 0x5000, 0, &pa));
    result("no code from MMIO", !softmmu_code_ptr(&env, 0x9000, 0, &pa));

    softtlb_destroy(&tlb);
    return unit_summary();
}
