/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The slow path of full-system guest memory accesses (see softmmu.h).
 *
 * An access that misses asks the frontend to fill the entry (a page-table
 * walk; a fault does not come back), then goes to RAM through the entry's
 * addend or to the machine for MMIO.  A write to a page holding
 * translated code first lets the machine invalidate that code.  An
 * unaligned access that crosses a page is done a byte at a time, so each
 * page is checked (a fault reports the first byte's page the walk
 * refuses, as the architecture allows).
 */
#include <string.h>
#include "softmmu.h"
#include "backend.h"
#include "util/log.h"

const SoftmmuArch *softmmu_arch;

SoftTlb *softmmu_tlb(CPUCommon *env)
{
    return env->tlb;
}

void softmmu_raise(CPUCommon *env, uintptr_t retaddr, int excp)
{
    /* Maps retaddr to its guest instruction (JIT), or takes the
     * interpreter's current pc, then unwinds to cpu_exec. */
    exec_guest_fault(retaddr, NULL, env->fault_addr, excp);
    /* Not called from guest code (a C caller): unwind all the same. */
    siglongjmp(*env->fault_jmp, excp);
}

static uint64_t page_mask(const SoftTlb *t)
{
    return ~(((uint64_t)1 << t->page_bits) - 1);
}

static bool crosses(const SoftTlb *t, uint64_t va, unsigned size)
{
    return ((va & ~page_mask(t)) + size) > ((uint64_t)1 << t->page_bits);
}

static uint64_t cmp_of(const SoftTlbEntry *e, SoftTlbAccess acc)
{
    return acc == SOFTTLB_READ ? e->cmp_read : acc == SOFTTLB_WRITE ? e->cmp_write : e->cmp_exec;
}

/* The entry for va after a fill if needed; NULL only for a probe that
 * faulted. */
static SoftTlbEntry *lookup(CPUCommon *env, SoftTlb *t, uint64_t va, SoftTlbAccess acc,
                            unsigned mmu_idx, unsigned size, bool probe, uintptr_t retaddr)
{
    SoftTlbEntry *e = softtlb_entry(t, mmu_idx, va);
    uint64_t cmp = cmp_of(e, acc);

    if ((cmp & SOFTTLB_INVALID) || (cmp & page_mask(t)) != (va & page_mask(t))) {
        if (!softmmu_arch->fill(env, t, va, acc, mmu_idx, size, probe, retaddr))
            return NULL;
        e = softtlb_entry(t, mmu_idx, va);
        cmp = cmp_of(e, acc);
        BUG_ON((cmp & SOFTTLB_INVALID) || (cmp & page_mask(t)) != (va & page_mask(t)));
    }
    return e;
}

static uint64_t pa_of(SoftTlb *t, unsigned mmu_idx, uint64_t va)
{
    return softtlb_entry_pa(t, mmu_idx, va) | (va & ~page_mask(t));
}

uint64_t softmmu_ld(CPUCommon *env, uint64_t va, unsigned size, unsigned mmu_idx,
                    uintptr_t retaddr)
{
    SoftTlb *t = softmmu_tlb(env);
    uint64_t v = 0;

    if (crosses(t, va, size)) {
        for (unsigned i = 0; i < size; i++)
            v |= softmmu_ld(env, va + i, 1, mmu_idx, retaddr) << (8 * i);
        return v;
    }
    SoftTlbEntry *e = lookup(env, t, va, SOFTTLB_READ, mmu_idx, size, false, retaddr);
    if (e->cmp_read & SOFTTLB_MMIO) {
        if (!softmmu_arch->io_read(env, pa_of(t, mmu_idx, va), size, &v, retaddr))
            return 0;
        return size == 8 ? v : v & ((1ull << (8 * size)) - 1);
    }
    memcpy(&v, (void *)(uintptr_t)(va + e->addend), size);
    return v;
}

void softmmu_st(CPUCommon *env, uint64_t va, uint64_t val, unsigned size, unsigned mmu_idx,
                uintptr_t retaddr)
{
    SoftTlb *t = softmmu_tlb(env);

    if (crosses(t, va, size)) {
        /* Check both pages before writing either, so a fault leaves
         * memory unchanged. */
        uint64_t second = (va & page_mask(t)) + ((uint64_t)1 << t->page_bits);
        lookup(env, t, va, SOFTTLB_WRITE, mmu_idx, 1, false, retaddr);
        lookup(env, t, second, SOFTTLB_WRITE, mmu_idx, 1, false, retaddr);
        for (unsigned i = 0; i < size; i++)
            softmmu_st(env, va + i, val >> (8 * i), 1, mmu_idx, retaddr);
        return;
    }
    SoftTlbEntry *e = lookup(env, t, va, SOFTTLB_WRITE, mmu_idx, size, false, retaddr);
    if (e->cmp_write & SOFTTLB_MMIO) {
        softmmu_arch->io_write(env, pa_of(t, mmu_idx, va), size, val, retaddr);
        return;
    }
    if (e->cmp_write & SOFTTLB_NOTDIRTY) {
        softmmu_arch->code_written(env, pa_of(t, mmu_idx, va) & page_mask(t));
        e = softtlb_entry(t, mmu_idx, va);
    }
    memcpy((void *)(uintptr_t)(va + e->addend), &val, size);
}

void *softmmu_rmw_ptr(CPUCommon *env, uint64_t va, unsigned size, unsigned mmu_idx,
                      uintptr_t retaddr)
{
    SoftTlb *t = softmmu_tlb(env);

    if (crosses(t, va, size))
        return NULL;
    SoftTlbEntry *e = lookup(env, t, va, SOFTTLB_WRITE, mmu_idx, size, false, retaddr);
    if (e->cmp_write & SOFTTLB_MMIO)
        return NULL;
    if (e->cmp_write & SOFTTLB_NOTDIRTY) {
        softmmu_arch->code_written(env, pa_of(t, mmu_idx, va) & page_mask(t));
        e = softtlb_entry(t, mmu_idx, va);
    }
    return (void *)(uintptr_t)(va + e->addend);
}

void *guest_rmw_ptr(uint64_t va, unsigned size, uintptr_t retaddr)
{
    CPUCommon *env = exec_current_env();

    if (!env || !env->tlb)
        return (void *)(uintptr_t)(guest_base + va);
    return softmmu_rmw_ptr(env, va, size, softmmu_arch->cur_mmu_idx(env), retaddr);
}

uint64_t guest_mmio_ld(uint64_t va, unsigned size, uintptr_t retaddr)
{
    CPUCommon *env = exec_current_env();
    return softmmu_ld(env, va, size, softmmu_arch->cur_mmu_idx(env), retaddr);
}

void guest_mmio_st(uint64_t va, uint64_t val, unsigned size, uintptr_t retaddr)
{
    CPUCommon *env = exec_current_env();
    softmmu_st(env, va, val, size, softmmu_arch->cur_mmu_idx(env), retaddr);
}

const void *softmmu_code_ptr(CPUCommon *env, uint64_t va, unsigned mmu_idx, uint64_t *pa)
{
    SoftTlb *t = softmmu_tlb(env);
    SoftTlbEntry *e = lookup(env, t, va, SOFTTLB_EXEC, mmu_idx, 4, true, 0);

    if (!e || (e->cmp_exec & SOFTTLB_MMIO))
        return NULL;
    *pa = pa_of(t, mmu_idx, va);
    return (const void *)(uintptr_t)(va + e->addend);
}
