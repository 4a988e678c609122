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

#define TB_JMP_CACHE_BITS 12
typedef struct TBJmpCache {
    unsigned gen;     /* tb_flush_count the entries belong to */
    TB *e[1u << TB_JMP_CACHE_BITS];
} TBJmpCache;

static inline unsigned tb_jmp_hash(uint64_t pc)
{
    return (unsigned)((pc >> 2) ^ (pc >> 14)) & ((1u << TB_JMP_CACHE_BITS) - 1);
}

void cache_init(void);
/* Valid block for (pc, phys, flags), or NULL (lock-free). */
TB *cache_find(uint64_t pc, uint64_t phys, uint32_t flags);
/* Allocate a TB record (under tb_lock). */
TB *cache_alloc_tb(void);
/* Publish a generated block (under tb_lock). */
void cache_insert(TB *tb);
/* Drop a TB record that was never published (generation failed). */
void cache_discard_tb(TB *tb);
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
 * (user mode: guest addresses) (under tb_lock). */
void cache_invalidate_range(uint64_t start, uint64_t end);

#endif
