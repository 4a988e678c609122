/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The software TLB of full-system mode: per vCPU and per MMU index (a
 * translation regime and privilege, e.g. aarch64 EL0, EL1, EL1 with PAN),
 * a direct-mapped table of guest-virtual pages, each with the host address
 * of its RAM or a flag sending the access to the slow path (MMIO, pages
 * holding translated code, pages not yet filled).
 *
 * The layout is what generated code tests inline, so a hit costs a shift,
 * an and, a load, a compare and an add: the entry's compare word for the
 * access kind equals the page address of a virtual address that may use
 * it, with no flag bits set; then host = va + addend.  A miss, or a
 * compare word with flag bits, goes to the slow path, which walks the
 * guest page tables (e.g. translate/aarch64/mmu.c), then fills the entry.
 *
 * Entries are not tagged with ASIDs: the CPU layer flushes an MMU index
 * when the ASID or the translation registers change, as it must for
 * TLBI ... ALL anyway.  A mapping larger than the TLB page (a block) is
 * entered page by page; its extent is remembered per MMU index so that a
 * TLBI by address inside it flushes the whole index (the pages of a block
 * are not tracked one by one).
 */
#ifndef GUISE_SOFTTLB_H
#define GUISE_SOFTTLB_H

#include <stdbool.h>
#include <stdint.h>

#define SOFTTLB_MAX_MMU_IDX 8

/* Flag bits of a compare word, inside the page offset but above the
 * alignment bits of any access (up to 64 bytes), so pages are at least
 * 512 bytes.  The fast path compares va & (page mask | (size - 1)): an
 * unaligned access then misses too, and the slow path splits it. */
enum {
    SOFTTLB_INVALID = 1 << 8,   /* no translation: take the slow path */
    SOFTTLB_MMIO = 1 << 7,      /* not RAM: the slow path dispatches to a device */
    SOFTTLB_NOTDIRTY = 1 << 6,  /* RAM holding translated code: writes invalidate it */
    SOFTTLB_FLAGS = 7 << 6,
};

typedef struct SoftTlbEntry {
    uint64_t cmp_read, cmp_write, cmp_exec;
    uintptr_t addend;         /* host address - guest virtual address (RAM) */
} SoftTlbEntry;

typedef struct SoftTlbIndex {
    SoftTlbEntry *e;          /* 1 << bits entries */
    uint64_t large_base, large_mask;   /* extent of the blocks entered (mask 0: none) */
    uint64_t *pa;             /* the physical page of each entry (slow-path users) */
} SoftTlbIndex;

typedef struct SoftTlb {
    unsigned page_bits, bits;
    unsigned n_idx;
    SoftTlbIndex idx[SOFTTLB_MAX_MMU_IDX];
    /* Optional: called after every flush, with the page's va for
     * softtlb_flush_page (page true), so that the owner's caches of
     * translations (e.g. the jump cache) go with it. */
    void (*flushed)(void *opaque, uint64_t va, bool page);
    void *flushed_opaque;
} SoftTlb;

typedef enum SoftTlbAccess { SOFTTLB_READ, SOFTTLB_WRITE, SOFTTLB_EXEC } SoftTlbAccess;

/* A TLB of 2^bits entries per MMU index for n_idx indexes; false when out
 * of memory. */
bool softtlb_init(SoftTlb *t, unsigned page_bits, unsigned bits, unsigned n_idx);
void softtlb_destroy(SoftTlb *t);

/* The entry va would use in MMU index mmu_idx. */
static inline SoftTlbEntry *softtlb_entry(SoftTlb *t, unsigned mmu_idx, uint64_t va)
{
    return &t->idx[mmu_idx].e[(va >> t->page_bits) & ((1u << t->bits) - 1)];
}

/* The host address of va for an aligned RAM access of size bytes (a power
 * of two up to 64) of this kind, or NULL when the slow path must handle
 * it (the C form of the inline fast path). */
static inline void *softtlb_host(SoftTlb *t, unsigned mmu_idx, uint64_t va, unsigned size,
                                 SoftTlbAccess acc)
{
    SoftTlbEntry *e = softtlb_entry(t, mmu_idx, va);
    uint64_t cmp = acc == SOFTTLB_READ ? e->cmp_read : acc == SOFTTLB_WRITE ? e->cmp_write
                                                                             : e->cmp_exec;
    uint64_t mask = ~(((uint64_t)1 << t->page_bits) - 1) | (size - 1);
    if (cmp != (va & mask))
        return NULL;
    return (void *)(uintptr_t)(va + e->addend);
}

/* Enter the page of va: physical page pa, access kinds allowed (bit
 * 1 << SOFTTLB_READ...), host base of the page (NULL for MMIO), extra flag
 * bits (SOFTTLB_NOTDIRTY) for writes, the size of the guest mapping it
 * comes from (log2; at least page_bits). */
void softtlb_fill(SoftTlb *t, unsigned mmu_idx, uint64_t va, uint64_t pa, unsigned access_mask,
                  void *host_page, unsigned write_flags, unsigned size_log2);

/* Make writes through every entry mapping RAM page pa_page take the slow
 * path (on: the page now holds translated code), or not (off: its code
 * is gone).  May run on another vCPU's thread than the TLB's owner: the
 * compare word is updated atomically, and a fill racing with it reads
 * the machine's code-page state after publishing its entry. */
void softtlb_set_notdirty(SoftTlb *t, uint64_t pa_page, bool on);

/* The physical page an entry was filled with (valid after a hit). */
uint64_t softtlb_entry_pa(SoftTlb *t, unsigned mmu_idx, uint64_t va);

/* Invalidate: everything; the indexes in a mask; one page of va in the
 * indexes of a mask (the whole index if va lies in a block entered). */
void softtlb_flush_all(SoftTlb *t);
void softtlb_flush_idx(SoftTlb *t, unsigned idx_mask);
void softtlb_flush_page(SoftTlb *t, uint64_t va, unsigned idx_mask);

#endif
