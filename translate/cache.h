/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The code cache (cache.c): translation blocks by guest pc, by guest page
 * and by host address; chaining and unchaining; invalidation and flush.
 * Modifications happen under tb_lock; lookups by pc are lock-free.
 */
#ifndef GUISE_CACHE_H
#define GUISE_CACHE_H

#include <pthread.h>
#include "tb.h"

extern pthread_mutex_t tb_lock;
/* Bumped by every flush: a TB pointer from an older generation is dead. */
extern unsigned tb_flush_count;

/* The per-thread jump cache: pc -> block, direct-mapped.  Generated code
 * probes it inline for goto_ptr (x86_64/lower.c lower_goto_ptr: pc and
 * tag compared, then a jump to host), so an entry is used on its pc and
 * tag alone, never its TB.  The tag is the block's flags (below 256) ORed
 * with the thread's CPUCommon.jmp_epoch (from 1 << 8 up, in steps of
 * 1 << 8): emptying the whole cache is a step of the epoch, and a zeroed
 * entry matches nothing.  Only the owning thread fills entries, and a
 * block's invalidation makes every thread's entry for it unusable by
 * storing TB_JMP_EMPTY into the tag (atomically; pc, host and tb stay as
 * they are, so a racing probe jumps either to the old code or to the slow
 * path, never elsewhere).  The layout is the generated code's.  4096
 * entries (128 KiB): 65536 ran the world programs no faster (sort and
 * perl a little slower) and cost a dynamic program's start-up ~60 page
 * faults, a guest page's blocks being spread over 8 host pages. */
#define TB_JMP_CACHE_BITS 12
#define TB_JMP_EMPTY 0xffffffffu      /* the tag of a forgotten entry: no block has it */
#define TB_JMP_EPOCH_STEP 0x100u
typedef struct TBJmpEntry {
    uint64_t pc;
    uint32_t tag;      /* flags | jmp_epoch */
    uint32_t pad;
    const void *host;  /* tb->host_code */
    TB *tb;
} TBJmpEntry;
#define TB_JMP_PAGE_FILTER_BITS 12
typedef struct TBJmpCache {
    TBJmpEntry e[1u << TB_JMP_CACHE_BITS];   /* first: the probe indexes from the base */
    unsigned gen;      /* tb_flush_count the entries belong to */
    /* A bit per hash of the 4 KiB pages entries were filled for since the
     * last whole clear: clearing a page without one has nothing to do. */
    uint64_t pages[(1u << TB_JMP_PAGE_FILTER_BITS) / 64];
} TBJmpCache;

static inline unsigned tb_jmp_page_hash(uint64_t pc)
{
    uint64_t page = pc >> 12;
    return (unsigned)(page ^ (page >> TB_JMP_PAGE_FILTER_BITS)) &
           ((1u << TB_JMP_PAGE_FILTER_BITS) - 1);
}
_Static_assert(sizeof(TBJmpEntry) == 32, "lower_goto_ptr scales the hash by 32");

static inline unsigned tb_jmp_hash(uint64_t pc)
{
    return (unsigned)((pc >> 2) ^ (pc >> 14)) & ((1u << TB_JMP_CACHE_BITS) - 1);
}

/* Set up the cache, with room for tb_bytes of TB records (the code
 * buffer's size: see cache.c). */
void cache_init(size_t tb_bytes);
/* Valid block for (pc, phys, flags), or NULL (lock-free). */
TB *cache_find(uint64_t pc, uint64_t phys, uint32_t flags);
/* Allocate a TB record (under tb_lock); NULL when the records fill their
 * region: a flush is needed. */
TB *cache_alloc_tb(void);
/* The region TB records come from (cache.c), [base, base + span); span 0
 * when there is none (TBs then come from the arena; unit tests' TBs are
 * their own). */
extern uintptr_t cache_tb_base;
extern size_t cache_tb_span;
/* n bytes aligned to align (at most 64) that live until the next flush
 * (under tb_lock): a TB's host-pc map, chain links. */
void *cache_mem(size_t n, size_t align);
/* Publish a generated block (under tb_lock). */
void cache_insert(TB *tb);
/* Drop a TB record that was never published (generation failed). */
void cache_discard_tb(TB *tb);
/* tb also depends on the code of guest (physical) page number page: an
 * invalidation there drops it too (under tb_lock, after cache_insert). */
void cache_add_page(TB *tb, uint64_t page);
/* Chain from's slot to to (under tb_lock; JIT only). */
void cache_chain(TB *from, int slot, TB *to);
/* The block whose host code holds host_pc (JIT), or NULL. */
TB *cache_find_by_host_pc(uintptr_t host_pc);
/* Guest pc of the instruction at host_pc inside tb. */
uint64_t tb_host_pc_to_guest(const TB *tb, uintptr_t host_pc);
/* Flush everything (under tb_lock, with no other thread in cpu_exec:
 * exec.c's exclusive section). */
void cache_flush(void);
/* Invalidate blocks from pages in [start, end) of physical addresses
 * (user mode: guest addresses) (under tb_lock); forget(tb) for each, so
 * that no jump cache leads to it any more. */
void cache_invalidate_range(uint64_t start, uint64_t end, void (*forget)(TB *tb));

#endif
