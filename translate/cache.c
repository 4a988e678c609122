/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The code cache.  Blocks are found three ways:
 *  - by guest pc, physical address and flags (tb.h; the last two are the
 *    pc and 0 in user mode): a hash table whose chains are published with
 *    release stores, so the dispatcher and helper_lookup_tb_ptr read it
 *    without a lock;
 *  - by physical page: a hash of page -> lists of the blocks that start
 *    there and of those that read code there (a frontend's look-ahead,
 *    IRBlock.xpage), used to invalidate them when the guest writes to the
 *    page or unmaps it;
 *  - by host address: blocks are appended to the code buffer in order, so an
 *    array in creation order is sorted by host address (binary search for
 *    precise faults).
 * Invalidated blocks stay allocated (their code may still be running on
 * this or another thread) until the next flush frees everything; exec.c
 * flushes only while no other thread is in cpu_exec.  The host-address
 * array is read without the lock by fault handlers on any thread: when it
 * grows, the old array is kept (retired) until the flush, and the count is
 * published after the entry and the array.
 */
#include <stdlib.h>
#include <string.h>
#include "backend.h"
#include "cache.h"
#include "codebuf.h"
#include "ir.h"
#include "util/log.h"
#include "util/prefault.h"

pthread_mutex_t tb_lock = PTHREAD_MUTEX_INITIALIZER;
unsigned tb_flush_count;

/* The hash table and page table fault in as they fill, and their hashes
 * keep neighbours together: a page fault costs tens of microseconds on
 * some hosts, and a short program, which interprets most of its code
 * (cold code, exec.c), touches few table pages.  tb_hash maps the blocks
 * of one 8 MiB region of guest code (by 32 bytes: the blocks that start
 * there share a chain) to consecutive slots, the region's place in the
 * table picked by a multiplicative hash of its number and the flags: the
 * blocks of four guest pages share one host page of the table.  A large
 * program's regions overlap in the table.  Measured: the mean chain a
 * block of gcc's cc1 (108 K blocks) is found on, each step a cache miss
 * on a TB, and a static hello's page faults: 64 K slots by 16 bytes 3.0
 * and 94, by 64 bytes 4.9 and 90; 256 K slots by 16 bytes 1.8 and 93,
 * by 32 bytes (these) 2.4 and 91.
 * page_hash does the same for runs of 16 K guest pages (64 MiB). */
#define HASH_BITS 18
static TB *hash_table[1u << HASH_BITS] __attribute__((aligned(4096)));

#define PAGE_BITS 12
#define PAGE_HASH_BITS 14
/* A block that read code on a page other than its own (IRBlock.xpage)
 * is listed there by a reference (from the arena), to be invalidated
 * with it. */
typedef struct PageRef {
    TB *tb;
    struct PageRef *next;
} PageRef;
typedef struct PageEntry {
    uint64_t page;
    TB *first;              /* blocks that start on the page, by page_next */
    PageRef *refs;          /* blocks that read code on it */
    struct PageEntry *next;
} PageEntry;
static PageEntry *page_table[1u << PAGE_HASH_BITS];

static TB **all_tbs;          /* creation order = host address order */
static size_t ntbs, tbs_cap;

/* Arrays all_tbs outgrew, freed at the next flush. */
typedef struct Retired {
    struct Retired *next;
    TB **tbs;
} Retired;
static Retired *retired_tbs;

/* Slot of x within a table of 1 << bits, x's region (x >> bits, and the
 * flags) spread over the table by a multiplicative hash. */
static inline unsigned local_hash(uint64_t x, uint64_t salt, unsigned bits)
{
    uint64_t region = (x >> bits) ^ salt;
    return (unsigned)((x ^ ((region * 0x9e3779b97f4a7c15ull) >> (64 - bits))) &
                      ((1u << bits) - 1));
}

static unsigned tb_hash(uint64_t phys, uint32_t flags)
{
    return local_hash(phys >> 5, (uint64_t)flags << 40, HASH_BITS);
}

static unsigned page_hash(uint64_t page)
{
    return local_hash(page, 0, PAGE_HASH_BITS);
}

static void tb_region_init(size_t bytes);

void cache_init(size_t tb_bytes)
{
    tb_region_init(tb_bytes);
    tbs_cap = 512;                   /* 4 KiB; doubles as it fills */
    all_tbs = calloc(tbs_cap, sizeof(*all_tbs));
    BUG_ON(!all_tbs);
}

TB *cache_find(uint64_t pc, uint64_t phys, uint32_t flags)
{
    TB *tb = __atomic_load_n(&hash_table[tb_hash(phys, flags)], __ATOMIC_ACQUIRE);
    for (; tb; tb = __atomic_load_n(&tb->hash_next, __ATOMIC_ACQUIRE))
        if (tb->pc == pc && tb->phys == phys && tb->flags == flags &&
            !__atomic_load_n(&tb->invalid, __ATOMIC_ACQUIRE))
            return tb;
    return NULL;
}

/* ---- records that live until the next flush ---- */

/* TBs' host-pc maps, chain links and page references are bump-allocated
 * from chunks that the flush frees together: no allocator header or
 * alignment waste per record.  TB records themselves come from their own
 * region (below) unless it could not be reserved. */
#define ARENA_CHUNK ((size_t)256 << 10)
#define ARENA_HEAD 64                 /* the chunk link, padded to a line */
typedef struct ArenaChunk {
    struct ArenaChunk *next;
} ArenaChunk;
static ArenaChunk *arena;
static size_t arena_used = ARENA_CHUNK;   /* full: the first request allocates */
static uintptr_t arena_present;           /* arena's pages are present up to here */

/* The chunk fills front to back: its pages are made present ahead of use,
 * one call instead of a fault a page.  The first chunk goes 32 KiB at a
 * time (a short program uses a few pages of it); a program past it
 * translates a lot, and its next chunks go whole. */
#define ARENA_STEP ((size_t)32 << 10)

void *cache_mem(size_t n, size_t align)
{
    size_t at = (arena_used + align - 1) & ~(align - 1);

    BUG_ON(n > ARENA_CHUNK - ARENA_HEAD || align > ARENA_HEAD);
    if (at + n > ARENA_CHUNK) {
        ArenaChunk *c = aligned_alloc(ARENA_HEAD, ARENA_CHUNK);
        BUG_ON(!c);
        arena_present = (uintptr_t)c & ~(uintptr_t)4095;
        if (arena) {
            prefault_write(c, ARENA_CHUNK);
            arena_present = (uintptr_t)c + ARENA_CHUNK;
        }
        c->next = arena;
        arena = c;
        at = ARENA_HEAD;
    }
    if ((uintptr_t)arena + at + n > arena_present) {
        uintptr_t to = ((uintptr_t)arena + at + n + ARENA_STEP - 1) & ~(ARENA_STEP - 1);
        if (to > (uintptr_t)arena + ARENA_CHUNK)
            to = (uintptr_t)arena + ARENA_CHUNK;
        prefault_write((void *)arena_present, to - arena_present);
        arena_present = to;
    }
    arena_used = at + n;
    return (char *)arena + at;
}

static void arena_free(void)
{
    while (arena) {
        ArenaChunk *c = arena;
        arena = c->next;
        free(c);
    }
    arena_used = ARENA_CHUNK;
}

/* TB records: one region reserved at start-up, filled front to back and
 * emptied by a flush, so that generated code names a TB by its 32-bit
 * offset from cache_tb_base (x86_64/lower.c's exits: mov eax, imm32
 * instead of a 10-byte movabs).  Its pages are made present ahead of
 * use as the arena's are.  It holds as many bytes as the code buffer
 * (blocks are seldom smaller than a record): full, it asks for a flush, as
 * the code buffer does (the smallcache test mode fills it first).  Never
 * reserved (no address space), TBs come from the arena. */
#define TB_REGION_MAX ((size_t)1 << 30)
#define TB_RECORD ((sizeof(TB) + 63) & ~(size_t)63)
uintptr_t cache_tb_base;
size_t cache_tb_span;
static size_t tb_region_used, tb_region_present;

static void tb_region_init(size_t bytes)
{
    void *p;

    if (bytes > TB_REGION_MAX)
        bytes = TB_REGION_MAX;
    bytes = (bytes + 4095) & ~(size_t)4095;
    if (!bytes)
        return;
    p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return;
    cache_tb_base = (uintptr_t)p;
    cache_tb_span = bytes;
}

static TB *tb_region_alloc(void)
{
    size_t at = tb_region_used, to;

    if (at + TB_RECORD > cache_tb_span)
        return NULL;
    tb_region_used = at + TB_RECORD;
    if (tb_region_used > tb_region_present) {
        to = tb_region_present < ARENA_CHUNK ? tb_region_present + ARENA_STEP
                                             : tb_region_present + ARENA_CHUNK;
        if (to > cache_tb_span)
            to = cache_tb_span;
        prefault_write((void *)(cache_tb_base + tb_region_present), to - tb_region_present);
        tb_region_present = to;
    }
    return (TB *)(cache_tb_base + at);
}

/* After a flush: the region starts over, its pages given back. */
static void tb_region_empty(void)
{
    if (tb_region_present)
        (void)madvise((void *)cache_tb_base, tb_region_present, MADV_DONTNEED);
    tb_region_used = tb_region_present = 0;
}

TB *cache_alloc_tb(void)
{
    TB *tb = cache_tb_span ? tb_region_alloc() : cache_mem(sizeof(*tb), 64);

    if (!tb)
        return NULL;
    memset(tb, 0, sizeof(*tb));
    for (int i = 0; i < 2; i++) {
        tb->jmp_insn_off[i] = TB_NO_JUMP;
        tb->jmp_reset_off[i] = TB_NO_JUMP;
    }
    return tb;
}

/* What a TB owns outside its record and the arena. */
static void tb_free(TB *tb)
{
    interp_free(tb);
    if (tb->ir) {
        ir_block_free(tb->ir);
        free(tb->ir);
        tb->ir = NULL;
    }
}

void cache_discard_tb(TB *tb)
{
    tb_free(tb);
}

static PageEntry *page_entry(uint64_t page, bool create)
{
    PageEntry **head = &page_table[page_hash(page)];
    for (PageEntry *p = *head; p; p = p->next)
        if (p->page == page)
            return p;
    if (!create)
        return NULL;
    PageEntry *p = calloc(1, sizeof(*p));
    BUG_ON(!p);
    p->page = page;
    p->next = *head;
    *head = p;
    return p;
}

void cache_insert(TB *tb)
{
    unsigned h = tb_hash(tb->phys, tb->flags);
    PageEntry *pe = page_entry(tb->phys >> PAGE_BITS, true);

    tb->page_next = pe->first;
    pe->first = tb;
    if (ntbs == tbs_cap) {
        TB **bigger = calloc(tbs_cap * 2, sizeof(*bigger));
        Retired *r = malloc(sizeof(*r));
        BUG_ON(!bigger || !r);
        memcpy(bigger, all_tbs, ntbs * sizeof(*bigger));
        r->tbs = all_tbs;
        r->next = retired_tbs;
        retired_tbs = r;
        tbs_cap *= 2;
        __atomic_store_n(&all_tbs, bigger, __ATOMIC_RELEASE);
    }
    all_tbs[ntbs] = tb;
    __atomic_store_n(&ntbs, ntbs + 1, __ATOMIC_RELEASE);
    tb->hash_next = hash_table[h];
    __atomic_store_n(&hash_table[h], tb, __ATOMIC_RELEASE);
}

void cache_add_page(TB *tb, uint64_t page)
{
    PageEntry *pe = page_entry(page, true);
    PageRef *r = cache_mem(sizeof(*r), 8);

    r->tb = tb;
    r->next = pe->refs;
    pe->refs = r;
}

void cache_chain(TB *from, int slot, TB *to)
{
    if (from->invalid || to->invalid || from->jmp_dest[slot] ||
        from->jmp_insn_off[slot] == TB_NO_JUMP || !from->host_code)
        return;
    TBLink *l = cache_mem(sizeof(*l), 8);
    l->from = from;
    l->slot = slot;
    l->next = to->incoming;
    to->incoming = l;
    from->jmp_dest[slot] = to;
    if (slot == 1 && from->ic_imm_off)
        x64_set_ic(from, to->pc);   /* first: the jump is for that pc */
    x64_set_jump(from, slot, to->host_code);
}

/* Point every jump into tb back at its source's exit. */
static void tb_unlink_incoming(TB *tb)
{
    TBLink *l = tb->incoming;
    while (l) {
        TBLink *n = l->next;
        if (l->from->jmp_dest[l->slot] == tb) {
            l->from->jmp_dest[l->slot] = NULL;
            x64_set_jump(l->from, l->slot, l->from->host_code + l->from->jmp_reset_off[l->slot]);
        }
        l = n;
    }
    tb->incoming = NULL;
}

static void hash_remove(TB *tb)
{
    TB **pp = &hash_table[tb_hash(tb->phys, tb->flags)];
    for (; *pp; pp = &(*pp)->hash_next) {
        if (*pp == tb) {
            __atomic_store_n(pp, tb->hash_next, __ATOMIC_RELEASE);
            return;
        }
    }
}

/* (a block listed on several pages may have gone with another one) */
static void tb_invalidate(TB *tb, void (*forget)(TB *tb))
{
    if (tb->invalid)
        return;
    __atomic_store_n(&tb->invalid, true, __ATOMIC_RELEASE);
    hash_remove(tb);
    tb_unlink_incoming(tb);
    forget(tb);
}

void cache_invalidate_range(uint64_t start, uint64_t end, void (*forget)(TB *tb))
{
    for (uint64_t page = start >> PAGE_BITS; page <= (end - 1) >> PAGE_BITS; page++) {
        PageEntry *pe = page_entry(page, false);
        if (!pe)
            continue;
        for (TB *tb = pe->first; tb; tb = tb->page_next)
            tb_invalidate(tb, forget);
        for (PageRef *r = pe->refs; r; r = r->next)
            tb_invalidate(r->tb, forget);
        pe->first = NULL;
        pe->refs = NULL;
        if (end - start > (1ull << 40))   /* a huge range: do not walk it all */
            break;
    }
}

void cache_flush(void)
{
    for (size_t i = 0; i < ntbs; i++)
        tb_free(all_tbs[i]);
    ntbs = 0;
    arena_free();
    tb_region_empty();
    while (retired_tbs) {
        Retired *r = retired_tbs;
        retired_tbs = r->next;
        free(r->tbs);
        free(r);
    }
    sparse_zero(hash_table, sizeof(hash_table));
    for (unsigned i = 0; i < (1u << PAGE_HASH_BITS); i++) {
        PageEntry *p = page_table[i];
        while (p) {
            PageEntry *n = p->next;
            free(p);
            p = n;
        }
        page_table[i] = NULL;
    }
    codebuf_flush();
    __atomic_add_fetch(&tb_flush_count, 1, __ATOMIC_RELEASE);
}

TB *cache_find_by_host_pc(uintptr_t host_pc)
{
    /* Count first: the array loaded after it holds at least that many. */
    size_t lo = 0, hi = __atomic_load_n(&ntbs, __ATOMIC_ACQUIRE);
    TB **tbs = __atomic_load_n(&all_tbs, __ATOMIC_ACQUIRE);

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        TB *tb = tbs[mid];
        if (!tb->host_code || host_pc < (uintptr_t)tb->host_code)
            hi = mid;
        else if (host_pc >= (uintptr_t)tb->host_code + tb->host_size)
            lo = mid + 1;
        else
            return tb;
    }
    return NULL;
}

uint64_t tb_host_pc_to_guest(const TB *tb, uintptr_t host_pc)
{
    uint32_t off = (uint32_t)(host_pc - (uintptr_t)tb->host_code);
    uint64_t pc = tb->pc;
    for (uint32_t i = 0; i < tb->ninsns && tb->insns; i++) {
        if (tb->insns[i].host_off > off)
            break;
        pc = tb->insns[i].pc;
    }
    return pc;
}
