/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The software TLB of full-system mode (see softtlb.h): allocation,
 * filling from a completed page-table walk, and the invalidations the
 * guest's TLB maintenance instructions and translation-register writes
 * turn into.  Runs on the vCPU thread that owns the TLB; another vCPU's
 * broadcast invalidation reaches it as work queued to that thread.
 */
#include <stdlib.h>
#include <string.h>
#include "softtlb.h"

static void clear_entries(SoftTlb *t, SoftTlbIndex *x)
{
    size_t n = (size_t)1 << t->bits;

    for (size_t i = 0; i < n; i++)
        x->e[i] = (SoftTlbEntry){ SOFTTLB_INVALID, SOFTTLB_INVALID, SOFTTLB_INVALID, 0 };
    x->large_base = x->large_mask = 0;
}

bool softtlb_init(SoftTlb *t, unsigned page_bits, unsigned bits, unsigned n_idx)
{
    memset(t, 0, sizeof(*t));
    if (n_idx > SOFTTLB_MAX_MMU_IDX || page_bits < 9 || bits > 20)
        return false;
    t->page_bits = page_bits;
    t->bits = bits;
    t->n_idx = n_idx;
    for (unsigned i = 0; i < n_idx; i++) {
        SoftTlbIndex *x = &t->idx[i];
        x->e = calloc((size_t)1 << bits, sizeof(*x->e));
        x->pa = calloc((size_t)1 << bits, sizeof(*x->pa));
        if (!x->e || !x->pa) {
            softtlb_destroy(t);
            return false;
        }
        clear_entries(t, x);
    }
    return true;
}

void softtlb_destroy(SoftTlb *t)
{
    for (unsigned i = 0; i < SOFTTLB_MAX_MMU_IDX; i++) {
        free(t->idx[i].e);
        free(t->idx[i].pa);
        t->idx[i].e = NULL;
        t->idx[i].pa = NULL;
    }
}

/* Grow the remembered block extent of an index to cover [base, base+mask]. */
static void note_large(SoftTlbIndex *x, uint64_t base, uint64_t mask)
{
    if (!x->large_mask) {
        x->large_base = base;
        x->large_mask = mask;
        return;
    }
    /* The smallest aligned power-of-two range holding both. */
    uint64_t m = x->large_mask | mask;
    while ((x->large_base & ~m) != (base & ~m))
        m = (m << 1) | 1;
    x->large_base &= ~m;
    x->large_mask = m;
}

void softtlb_fill(SoftTlb *t, unsigned mmu_idx, uint64_t va, uint64_t pa, unsigned access_mask,
                  void *host_page, unsigned write_flags, unsigned size_log2)
{
    SoftTlbIndex *x = &t->idx[mmu_idx];
    uint64_t page_mask = ~(((uint64_t)1 << t->page_bits) - 1);
    uint64_t vpage = va & page_mask;
    size_t i = (va >> t->page_bits) & ((1u << t->bits) - 1);
    SoftTlbEntry *e = &x->e[i];
    unsigned base = host_page ? 0 : SOFTTLB_MMIO;

    if (size_log2 > t->page_bits) {
        uint64_t m = ((uint64_t)1 << size_log2) - 1;
        note_large(x, va & ~m, m);
    }
    e->cmp_read = access_mask & (1u << SOFTTLB_READ) ? vpage | base : SOFTTLB_INVALID;
    e->cmp_write = access_mask & (1u << SOFTTLB_WRITE) ? vpage | base | write_flags
                                                       : SOFTTLB_INVALID;
    e->cmp_exec = access_mask & (1u << SOFTTLB_EXEC) ? vpage | base : SOFTTLB_INVALID;
    e->addend = host_page ? (uintptr_t)host_page - (uintptr_t)vpage : 0;
    x->pa[i] = pa & page_mask;
}

void softtlb_set_notdirty(SoftTlb *t, uint64_t pa_page, bool on)
{
    size_t n = (size_t)1 << t->bits;

    for (unsigned i = 0; i < t->n_idx; i++) {
        SoftTlbIndex *x = &t->idx[i];
        for (size_t j = 0; j < n; j++) {
            uint64_t w = __atomic_load_n(&x->e[j].cmp_write, __ATOMIC_RELAXED);
            if (x->pa[j] != pa_page || (w & (SOFTTLB_INVALID | SOFTTLB_MMIO)))
                continue;
            w = on ? w | SOFTTLB_NOTDIRTY : w & ~(uint64_t)SOFTTLB_NOTDIRTY;
            __atomic_store_n(&x->e[j].cmp_write, w, __ATOMIC_RELEASE);
        }
    }
}

uint64_t softtlb_entry_pa(SoftTlb *t, unsigned mmu_idx, uint64_t va)
{
    return t->idx[mmu_idx].pa[(va >> t->page_bits) & ((1u << t->bits) - 1)];
}

static void flushed(SoftTlb *t, uint64_t va, bool page)
{
    if (t->flushed)
        t->flushed(t->flushed_opaque, va, page);
}

void softtlb_flush_idx(SoftTlb *t, unsigned idx_mask)
{
    for (unsigned i = 0; i < t->n_idx; i++)
        if (idx_mask & (1u << i))
            clear_entries(t, &t->idx[i]);
    flushed(t, 0, false);
}

void softtlb_flush_all(SoftTlb *t)
{
    softtlb_flush_idx(t, (1u << t->n_idx) - 1);
}

/* An entry of index x maps page vpage if one of its compare words does. */
static bool maps(const SoftTlbEntry *e, uint64_t vpage)
{
    uint64_t keep = ~(uint64_t)SOFTTLB_FLAGS;

    return (e->cmp_read & keep) == vpage || (e->cmp_write & keep) == vpage ||
           (e->cmp_exec & keep) == vpage;
}

void softtlb_flush_page(SoftTlb *t, uint64_t va, unsigned idx_mask)
{
    uint64_t vpage = va & ~(((uint64_t)1 << t->page_bits) - 1);

    for (unsigned i = 0; i < t->n_idx; i++) {
        SoftTlbIndex *x = &t->idx[i];
        if (!(idx_mask & (1u << i)))
            continue;
        if (x->large_mask && (va & ~x->large_mask) == x->large_base) {
            clear_entries(t, x);
            continue;
        }
        SoftTlbEntry *e = &x->e[(va >> t->page_bits) & ((1u << t->bits) - 1)];
        if (maps(e, vpage))
            *e = (SoftTlbEntry){ SOFTTLB_INVALID, SOFTTLB_INVALID, SOFTTLB_INVALID, 0 };
    }
    flushed(t, va, true);
}
