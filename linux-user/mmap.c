/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The guest memory map of Linux user mode.
 *
 * 64-bit guests run with guest_base 0, so a guest address is the host
 * address and guest mappings are host mappings: the host kernel places
 * them, and this file keeps the record of which pages belong to the guest.
 * That record is a three-level table of one flag byte per 4 KiB page
 * (PAGE_READ/WRITE/EXEC as the guest asked, PAGE_VALID for mapped,
 * PAGE_CODE_WATCHED for pages that hold translated code, PAGE_GUARDED for
 * arm64's PROT_BTI, which the translator asks about through
 * guest_page_guarded()), read without a
 * lock (the SIGSEGV handler and the translator read it), written under
 * map_lock.  Beside it, a short sorted list of named ranges (file mappings,
 * [heap], [stack]) feeds /proc/self/maps.
 *
 * Guise's own memory (its image, malloc, the code buffer) lives in the same
 * address space, so the guest must never map over it: hint-less mmap lets
 * the host kernel choose, and a guest MAP_FIXED first claims the pages the
 * guest does not own with MAP_FIXED_NOREPLACE, failing with ENOMEM if guise
 * holds any of them.  Guest addresses stay below 2^47 (the host's user
 * space).
 *
 * Self-modifying code: guest_code_page_watch() makes a page read-only on
 * the host once a block has been translated from it; the first write then
 * faults, and page_unwatch_on_write() (from signal.c's handler) drops the
 * page's blocks and gives the write access back.  guest_prepare_write() does
 * the same ahead of host writes into guest memory (read(2) and friends),
 * which would otherwise fail with EFAULT.
 *
 * Lock order: the code cache's lock may be held when map_lock is taken
 * (guest_code_page_watch), so this file never calls tb_invalidate_range()
 * with map_lock held.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "linux-user/user.h"
#include "translate/exec.h"
#include "translate/aarch64/pauth.h"
#include "util/log.h"
#include "util/fdpath.h"
#include "util/prefault.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* Guest mmap flags (the generic Linux values, which x86-64 shares). */
#define G_MAP_TYPE      0x0f
#define G_MAP_SHARED    0x01
#define G_MAP_PRIVATE   0x02
#define G_MAP_SHARED_VALIDATE 0x03
#define G_MAP_FIXED     0x10
#define G_MAP_ANONYMOUS 0x20
#define G_MAP_FIXED_NOREPLACE 0x100000
/* Flags passed on to the host as they are. */
#define G_MAP_PASS (0x0f | 0x10 | 0x20 | 0x100 | 0x800 | 0x1000 | 0x2000 | 0x4000 | \
                    0x8000 | 0x10000 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | \
                    (0x3fu << 26))   /* MAP_HUGE_SHIFT size bits */
#define G_PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC)
#define G_PROT_SEM  0x08
#define G_PROT_BTI  0x10                   /* arm64: guarded page (PAGE_GUARDED) */
#define G_PROT_GROWS (0x01000000 | 0x02000000)
#define G_MREMAP_MAYMOVE 1
#define G_MREMAP_FIXED 2
#define G_MREMAP_DONTUNMAP 4

#define GUEST_ADDR_LIMIT (1ull << 47)
#define PAGE_BITS 12
#define PROT_FLAGS (PAGE_READ | PAGE_WRITE | PAGE_EXEC)

static pthread_mutex_t map_lock = PTHREAD_MUTEX_INITIALIZER;

static inline guest_addr page_up(guest_addr a) { return (a + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK; }

/* ---- the page flag table: 12 + 12 + 11 bits of page number ---- */

#define L1_BITS 12
#define L2_BITS 12
#define L3_BITS 11

typedef struct PageNode {
    uint8_t *leaf[1 << L2_BITS];
} PageNode;

static PageNode *page_l1[1 << L1_BITS];

#define LEAF_SPAN ((guest_addr)1 << (L3_BITS + PAGE_BITS))
#define NODE_SPAN ((guest_addr)1 << (L2_BITS + L3_BITS + PAGE_BITS))

static inline unsigned leaf_index(guest_addr addr)
{
    return (unsigned)(addr >> PAGE_BITS) & ((1u << L3_BITS) - 1);
}

/* Leaves whose pages all have one flag value are shared, read-only
 * copies: a large reservation costs no table memory.  Never freed, so a
 * lock-free reader may still hold one. */
static uint8_t *uniform_leaf[256];

static uint8_t *uniform_leaf_for(int flags)
{
    if (!uniform_leaf[flags]) {
        uint8_t *l = malloc(1u << L3_BITS);
        BUG_ON(!l);
        memset(l, flags, 1u << L3_BITS);
        uniform_leaf[flags] = l;
    }
    return uniform_leaf[flags];
}

static bool is_uniform(const uint8_t *leaf)
{
    return leaf && leaf == uniform_leaf[leaf[0]];
}

/* The leaf slot for addr, or NULL if its subtree is absent and !alloc;
 * *span is set to the end of the range the leaf, or the absent subtree,
 * covers. */
static uint8_t **leaf_slot(guest_addr addr, bool alloc, guest_addr *span)
{
    unsigned i1 = (unsigned)(addr >> (L2_BITS + L3_BITS + PAGE_BITS));
    unsigned i2 = (unsigned)(addr >> (L3_BITS + PAGE_BITS)) & ((1u << L2_BITS) - 1);
    PageNode *node;

    *span = (addr | (LEAF_SPAN - 1)) + 1;
    if (addr >= GUEST_ADDR_LIMIT)
        return NULL;
    node = __atomic_load_n(&page_l1[i1], __ATOMIC_ACQUIRE);
    if (!node) {
        if (!alloc) {
            *span = (addr | (NODE_SPAN - 1)) + 1;
            return NULL;
        }
        node = sparse_zalloc(sizeof(*node));   /* 32 KiB, a few entries used */
        BUG_ON(!node);
        __atomic_store_n(&page_l1[i1], node, __ATOMIC_RELEASE);
    }
    return &node->leaf[i2];
}

/* The leaf holding addr's flag byte, or NULL (see leaf_slot). */
static uint8_t *leaf_of(guest_addr addr, guest_addr *span)
{
    uint8_t **slot = leaf_slot(addr, false, span);
    return slot ? __atomic_load_n(slot, __ATOMIC_ACQUIRE) : NULL;
}

int page_get_flags(guest_addr addr)
{
    guest_addr span;
    uint8_t *leaf = leaf_of(addr, &span);
    return leaf ? __atomic_load_n(&leaf[leaf_index(addr)], __ATOMIC_RELAXED) : 0;
}

/* Set the flags of [start, end) (map_lock held).  A whole leaf becomes a
 * shared uniform one unless it is private already; part of a shared one
 * is copied first. */
static void page_set_range(guest_addr start, guest_addr end, int flags)
{
    for (guest_addr a = start, span; a < end; a = span) {
        uint8_t **slot = leaf_slot(a, flags != 0, &span), *leaf, *copy;
        bool whole = (a & (LEAF_SPAN - 1)) == 0 && span <= end;
        if (span > end)
            span = end;
        if (!slot)
            continue;
        leaf = *slot;
        if (whole && (!leaf || is_uniform(leaf))) {
            __atomic_store_n(slot, flags ? uniform_leaf_for(flags) : NULL, __ATOMIC_RELEASE);
            continue;
        }
        if (!leaf && !flags)
            continue;
        if (!leaf || is_uniform(leaf)) {
            copy = malloc(1u << L3_BITS);
            BUG_ON(!copy);
            if (leaf)
                memcpy(copy, leaf, 1u << L3_BITS);
            else
                memset(copy, 0, 1u << L3_BITS);
            __atomic_store_n(slot, copy, __ATOMIC_RELEASE);
            leaf = copy;
        }
        memset(&leaf[leaf_index(a)], flags, (span - a) >> PAGE_BITS);
    }
}

static void page_set(guest_addr addr, int flags)
{
    page_set_range(addr, addr + GUEST_PAGE_SIZE, flags);
}

/* End of the run from a (below end) of pages that are mapped (valid) or
 * not (!valid); absent subtrees are skipped whole. */
static guest_addr page_run_end(guest_addr a, guest_addr end, bool valid)
{
    while (a < end) {
        guest_addr span;
        uint8_t *leaf = leaf_of(a, &span);
        if (span > end)
            span = end;
        if (!leaf || is_uniform(leaf)) {
            if (((leaf && (leaf[0] & PAGE_VALID)) != 0) != valid)
                return a;
            a = span;
            continue;
        }
        for (; a < span; a += GUEST_PAGE_SIZE)
            if (((leaf[leaf_index(a)] & PAGE_VALID) != 0) != valid)
                return a;
    }
    return end;
}

/* OR of the flags of the pages in [start, end), and whether all are mapped. */
static int page_range_flags(guest_addr start, guest_addr end, bool *all_valid)
{
    int any = 0;
    bool all = true;

    for (guest_addr a = start; a < end;) {
        guest_addr e = page_run_end(a, end, true);
        for (guest_addr p = a, span; p < e; p = span) {
            uint8_t *leaf = leaf_of(p, &span);
            if (span > e)
                span = e;
            if (is_uniform(leaf)) {
                any |= leaf[0];
                continue;
            }
            for (; p < span; p += GUEST_PAGE_SIZE)
                any |= leaf[leaf_index(p)];
        }
        if (e < end) {
            all = false;
            e = page_run_end(e, end, false);
        }
        a = e;
    }
    if (all_valid)
        *all_valid = all;
    return any;
}

/* Host protection for a page with these guest flags: guest code is never
 * run by the host, but the translator reads it; watched pages stay
 * read-only until their first write. */
static int host_prot(int flags)
{
    int p = 0;
    if (flags & (PAGE_READ | PAGE_EXEC))
        p |= PROT_READ;
    if ((flags & PAGE_WRITE) && !(flags & PAGE_CODE_WATCHED))
        p |= PROT_WRITE;
    return p;
}

static bool range_valid(guest_addr addr, guest_ulong len)
{
    return len <= GUEST_ADDR_LIMIT && addr <= GUEST_ADDR_LIMIT - len;
}

/* ---- named ranges for /proc/self/maps ---- */

typedef struct MapName {
    guest_addr start, end;
    uint64_t offset;          /* file offset of start */
    uint64_t dev, ino;
    bool shared;
    char *name;
} MapName;

static MapName *names;
static size_t nnames, names_cap;

/* Room for one more record. */
static void names_reserve(void)
{
    if (nnames < names_cap)
        return;
    names_cap = names_cap ? names_cap * 2 : 16;
    names = realloc(names, names_cap * sizeof(*names));
    BUG_ON(!names);
}

/* Drop the parts of named ranges inside [start, end), splitting one that
 * straddles the hole. */
static void names_clear(guest_addr start, guest_addr end)
{
    for (size_t i = 0; i < nnames; i++) {
        MapName *n = &names[i];
        if (n->end <= start || n->start >= end)
            continue;
        if (n->start < start && n->end > end) {          /* split in two */
            MapName tail = *n;
            tail.offset += end - n->start;
            tail.start = end;
            tail.name = strdup(n->name);
            n->end = start;
            names_reserve();
            memmove(&names[i + 2], &names[i + 1], (nnames - i - 1) * sizeof(*names));
            names[i + 1] = tail;
            nnames++;
            return;
        }
        if (n->start < start) {
            n->end = start;
        } else if (n->end > end) {
            n->offset += end - n->start;
            n->start = end;
        } else {
            free(n->name);
            memmove(n, n + 1, (nnames - i - 1) * sizeof(*names));
            nnames--;
            i--;
        }
    }
}

static void names_add(const MapName *rec)
{
    size_t i;

    names_clear(rec->start, rec->end);
    names_reserve();
    for (i = 0; i < nnames && names[i].start < rec->start; i++)
        ;
    memmove(&names[i + 1], &names[i], (nnames - i) * sizeof(*names));
    names[i] = *rec;
    names[i].name = strdup(rec->name);
    nnames++;
}

/* The name record covering addr, or NULL. */
static const MapName *names_at(guest_addr addr)
{
    for (size_t i = 0; i < nnames; i++)
        if (names[i].start <= addr && addr < names[i].end)
            return &names[i];
    return NULL;
}

/* Record the file (or shared anonymous memory) behind a new mapping. */
static void names_for_mapping(guest_addr start, guest_addr end, int flags, int fd,
                              int64_t offset)
{
    MapName rec = { .start = start, .end = end, .offset = (uint64_t)offset,
                    .shared = (flags & G_MAP_TYPE) != G_MAP_PRIVATE };
    char path[4096];
    struct stat st;

    names_clear(start, end);
    if (flags & G_MAP_ANONYMOUS) {
        if (!rec.shared)
            return;
        rec.offset = 0;
        rec.name = (char *)"/dev/zero (deleted)";
        names_add(&rec);
        return;
    }
    if (!fd_path(fd, path, sizeof(path)))
        return;
    if (fstat(fd, &st) == 0) {
        rec.dev = st.st_dev;
        rec.ino = st.st_ino;
    }
    rec.name = path;
    names_add(&rec);
}

void mmap_set_name(guest_addr start, guest_ulong len, const char *name)
{
    MapName rec = { .start = start, .end = start + page_up(len), .name = (char *)name };
    pthread_mutex_lock(&map_lock);
    names_add(&rec);
    pthread_mutex_unlock(&map_lock);
}

void mmap_fork_lock(void)
{
    pthread_mutex_lock(&map_lock);
}

void mmap_fork_unlock(bool child)
{
    if (child)
        pthread_mutex_init(&map_lock, NULL);
    else
        pthread_mutex_unlock(&map_lock);
}

/* ---- mmap family ---- */

void mmap_init(void)
{
    /* Nothing to set up: the table grows on demand.  The call is the
     * place where a guest_base window would be reserved for 32-bit
     * guests. */
    if (log_enabled(LOG_PAGE))
        log_printf("page: guest addresses are host addresses below 0x%llx\n",
                   (unsigned long long)GUEST_ADDR_LIMIT);
}

static void log_map(const char *what, guest_addr start, guest_ulong len, int prot, long r)
{
    if (!log_enabled(LOG_PAGE))
        return;
    log_printf("page: %s 0x%" PRIx64 "+0x%" PRIx64 " prot %c%c%c -> ", what, start, len,
               prot & PROT_READ ? 'r' : '-', prot & PROT_WRITE ? 'w' : '-',
               prot & PROT_EXEC ? 'x' : '-');
    if (r < 0)
        log_printf("%s\n", strerror((int)-r));
    else
        log_printf("0x%lx\n", (unsigned long)r);
}

/* Undo claim_unowned's reservations in [start, end). */
static void unclaim(guest_addr start, guest_addr end)
{
    for (guest_addr a = page_run_end(start, end, true); a < end;) {
        guest_addr run = page_run_end(a, end, false);
        munmap(g2h(a), run - a);
        a = page_run_end(run, end, true);
    }
}

/* Claim for the guest every page of [start, end) it does not own yet, with
 * a PROT_NONE reservation that fails if anything (guise) is mapped there.
 * On failure the claims made are undone.  Called with map_lock held. */
static bool claim_unowned(guest_addr start, guest_addr end)
{
    for (guest_addr a = page_run_end(start, end, true); a < end;) {
        guest_addr run = page_run_end(a, end, false);
        void *p = mmap(g2h(a), run - a, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
        if (p != g2h(a)) {
            if (p != MAP_FAILED)       /* a kernel that took the flag as a hint */
                munmap(p, run - a);
            unclaim(start, a);
            return false;
        }
        a = page_run_end(run, end, true);
    }
    return true;
}

/* The page flags for a guest prot, or -EINVAL. */
static int check_prot(int prot)
{
    if (prot & ~(G_PROT_MASK | G_PROT_SEM | G_PROT_BTI | G_PROT_GROWS))
        return -EINVAL;
    return (prot & G_PROT_MASK) | ((prot & G_PROT_BTI) ? PAGE_GUARDED : 0);
}

/* Set once the guest has had a guarded page: from then on the translator
 * emits the BTYPE bookkeeping of FEAT_BTI, and blocks made before, which
 * lack it, are dropped.  Called without map_lock (lock order, above). */
bool guest_guarded_pages;

static void note_guarded(int flags)
{
    if (!(flags & PAGE_GUARDED) || __atomic_load_n(&guest_guarded_pages, __ATOMIC_ACQUIRE))
        return;
    __atomic_store_n(&guest_guarded_pages, true, __ATOMIC_RELEASE);
    tb_flush();
}

bool guest_page_guarded(uint64_t addr)
{
    return (page_get_flags(addr) & PAGE_GUARDED) != 0;
}

/* Stable addresses for the persistent translation cache (tcache.h): a
 * mapping without an address goes to the next free range below the last
 * one in [16 TiB, 32 TiB), so that a program placing the same mappings in
 * the same order (its loader mapping its libraries) gets the same
 * addresses in every run, not where the host kernel's randomisation would
 * put them.  Away from the kernel's own placement (guise near 0x55...,
 * mmap from 0x7f... down).  A range in use, or the zone used up, leaves
 * the choice to the kernel as before.  Under map_lock. */
bool mmap_stable_addresses;
#define STABLE_BOTTOM 0x100000000000ull
#define STABLE_TOP    0x200000000000ull
static guest_addr stable_next = STABLE_TOP;

uint32_t mmap_code_attr(uint64_t pc)
{
    return (uint32_t)(page_get_flags(pc) & PAGE_GUARDED);
}

bool mmap_code_from_file(uint64_t pc)
{
    const MapName *n;
    bool file;

    if (page_get_flags(pc) & PAGE_WRITE)
        return false;
    pthread_mutex_lock(&map_lock);
    n = names_at(pc);
    file = n && n->ino && !n->shared;
    pthread_mutex_unlock(&map_lock);
    return file;
}

static void *host_mmap(guest_addr addr, guest_ulong len, int prot, int flags, int fd,
                       int64_t offset)
{
    int hflags = flags & G_MAP_PASS;
    if (flags & G_MAP_ANONYMOUS)
        fd = -1;
    return mmap(addr ? g2h(addr) : NULL, len, host_prot(prot), hflags, fd, offset);
}

guest_long target_mmap(guest_addr addr, guest_ulong len, int prot, int flags,
                       int fd, int64_t offset)
{
    guest_ulong alen = page_up(len);
    int type = flags & G_MAP_TYPE;
    bool fixed = flags & G_MAP_FIXED, inval = false, stable;
    void *p;
    guest_addr start;

    if (len == 0 || offset < 0 || (offset & ~GUEST_PAGE_MASK) ||
        (type != G_MAP_SHARED && type != G_MAP_PRIVATE && type != G_MAP_SHARED_VALIDATE))
        return -EINVAL;
    if (alen < len || alen > GUEST_ADDR_LIMIT)
        return -ENOMEM;
    prot = check_prot(prot);
    if (prot < 0)
        return prot;
    if (fixed || (flags & G_MAP_FIXED_NOREPLACE)) {
        if (addr & ~GUEST_PAGE_MASK)
            return -EINVAL;
        if (!range_valid(addr, alen))
            return -ENOMEM;
    } else {
        addr &= GUEST_PAGE_MASK;
        if (!range_valid(addr, alen))
            addr = 0;                   /* a hint we cannot honour */
    }

    pthread_mutex_lock(&map_lock);
    if (fixed) {
        inval = page_range_flags(addr, addr + alen, NULL) & (PAGE_EXEC | PAGE_CODE_WATCHED);
        if (!claim_unowned(addr, addr + alen)) {
            pthread_mutex_unlock(&map_lock);
            log_map("mmap (over guise's memory)", addr, alen, prot, -ENOMEM);
            return -ENOMEM;
        }
        flags = (flags & ~G_MAP_FIXED_NOREPLACE) | G_MAP_FIXED;
    }
    stable = !fixed && !(flags & G_MAP_FIXED_NOREPLACE) && !addr && mmap_stable_addresses &&
             stable_next - STABLE_BOTTOM >= alen;
    if (stable)
        addr = stable_next - alen;
    p = host_mmap(addr, alen, prot, flags, fd, offset);
    if (stable && p != MAP_FAILED)
        stable_next = addr;             /* taken, or in use: go below it */
    if (p == MAP_FAILED) {
        int err = errno;
        if (fixed)
            unclaim(addr, addr + alen);
        pthread_mutex_unlock(&map_lock);
        log_map("mmap", addr, alen, prot, -err);
        return -err;
    }
    start = h2g(p);
    if ((flags & G_MAP_FIXED_NOREPLACE) && start != addr) {
        munmap(p, alen);                /* a kernel that took the flag as a hint */
        pthread_mutex_unlock(&map_lock);
        return -EEXIST;
    }
    if (!range_valid(start, alen)) {    /* the host placed it out of reach */
        munmap(p, alen);
        pthread_mutex_unlock(&map_lock);
        return -ENOMEM;
    }
    page_set_range(start, start + alen, PAGE_VALID | prot);
    names_for_mapping(start, start + alen, flags, fd, offset);
    pthread_mutex_unlock(&map_lock);

    if (inval)
        tb_invalidate_range(start, start + alen);
    if (prot & PROT_EXEC)
        exec_code_mapped(start, alen);
    note_guarded(prot);
    log_map("mmap", start, alen, prot, (long)start);
    return (guest_long)start;
}

guest_addr mmap_find_free(guest_addr hint, guest_ulong len)
{
    guest_long r = target_mmap(hint, len, PROT_NONE,
                               G_MAP_PRIVATE | G_MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return r < 0 ? 0 : (guest_addr)r;
}

/* Unmap the guest's pages in [start, end) (never guise's).  map_lock held.
 * Returns the OR of the old flags. */
static int unmap_owned(guest_addr start, guest_addr end)
{
    int old = 0;

    for (guest_addr a = page_run_end(start, end, false); a < end;) {
        guest_addr run = page_run_end(a, end, true);
        old |= page_range_flags(a, run, NULL);
        munmap(g2h(a), run - a);
        page_set_range(a, run, 0);
        a = page_run_end(run, end, false);
    }
    names_clear(start, end);
    return old;
}

int target_munmap(guest_addr addr, guest_ulong len)
{
    guest_ulong alen = page_up(len);
    int old;

    if ((addr & ~GUEST_PAGE_MASK) || len == 0 || alen < len || !range_valid(addr, alen))
        return -EINVAL;
    pthread_mutex_lock(&map_lock);
    old = unmap_owned(addr, addr + alen);
    pthread_mutex_unlock(&map_lock);
    if (old & (PAGE_EXEC | PAGE_CODE_WATCHED))
        tb_invalidate_range(addr, addr + alen);
    log_map("munmap", addr, alen, 0, 0);
    return 0;
}

/* ---- System V shared memory ---- */

/* Attached segments, for shmdt (which takes only the address). */
typedef struct ShmAttach {
    guest_addr start, end;
} ShmAttach;
static ShmAttach *shm_attached;
static size_t n_shm_attached, shm_attached_cap;

guest_long target_shmat(int shmid, guest_addr addr, int shmflg)
{
    struct shmid_ds ds;
    guest_ulong alen;
    int prot = PROT_READ | (shmflg & SHM_RDONLY ? 0 : PROT_WRITE) | (shmflg & SHM_EXEC ? PROT_EXEC : 0);
    void *p;
    char name[40];

    if (shmctl(shmid, IPC_STAT, &ds) < 0)
        return -errno;
    alen = page_up(ds.shm_segsz);
    if (addr && (shmflg & SHM_RND))
        addr &= GUEST_PAGE_MASK;                   /* SHMLBA is the page size */
    if (addr & ~GUEST_PAGE_MASK)
        return -EINVAL;
    if (addr && !range_valid(addr, alen))
        return -EINVAL;
    if (!addr) {
        /* A place of guise's choosing, reserved first, then replaced. */
        addr = mmap_find_free(0, alen);
        if (!addr)
            return -ENOMEM;
        shmflg |= SHM_REMAP;
    }
    pthread_mutex_lock(&map_lock);
    if ((shmflg & SHM_REMAP) && !claim_unowned(addr, addr + alen)) {
        pthread_mutex_unlock(&map_lock);
        return -EINVAL;
    }
    p = shmat(shmid, g2h(addr), shmflg & (SHM_RDONLY | SHM_REMAP | SHM_EXEC));
    if (p == (void *)-1) {
        int err = errno;
        pthread_mutex_unlock(&map_lock);
        if (shmflg & SHM_REMAP)
            target_munmap(addr, alen);             /* our reservation */
        return -err;
    }
    page_set_range(addr, addr + alen, PAGE_VALID | prot);
    snprintf(name, sizeof(name), "/SYSV%08x (deleted)", (unsigned)ds.shm_perm.__key);
    MapName rec = { .start = addr, .end = addr + alen, .name = name, .shared = true };
    names_add(&rec);
    if (n_shm_attached == shm_attached_cap) {
        shm_attached_cap = shm_attached_cap ? 2 * shm_attached_cap : 8;
        shm_attached = realloc(shm_attached, shm_attached_cap * sizeof(*shm_attached));
        BUG_ON(!shm_attached);
    }
    shm_attached[n_shm_attached++] = (ShmAttach){ addr, addr + alen };
    pthread_mutex_unlock(&map_lock);
    note_guarded(prot);
    log_map("shmat", addr, alen, prot, (long)addr);
    return (guest_long)addr;
}

guest_long target_shmdt(guest_addr addr)
{
    int old = 0;
    size_t i;

    pthread_mutex_lock(&map_lock);
    for (i = 0; i < n_shm_attached && shm_attached[i].start != addr; i++)
        ;
    if (i == n_shm_attached || shmdt(g2h(addr)) < 0) {
        pthread_mutex_unlock(&map_lock);
        return -EINVAL;
    }
    guest_addr end = shm_attached[i].end;
    old = page_range_flags(addr, end, NULL);
    page_set_range(addr, end, 0);
    names_clear(addr, end);
    shm_attached[i] = shm_attached[--n_shm_attached];
    pthread_mutex_unlock(&map_lock);
    if (old & (PAGE_EXEC | PAGE_CODE_WATCHED))
        tb_invalidate_range(addr, end);
    log_map("shmdt", addr, end - addr, 0, 0);
    return 0;
}

int target_mprotect(guest_addr addr, guest_ulong len, int prot)
{
    guest_ulong alen = page_up(len);
    bool all;
    int old;

    if (addr & ~GUEST_PAGE_MASK)
        return -EINVAL;
    prot = check_prot(prot);
    if (prot < 0)
        return prot;
    if (len == 0)
        return 0;
    if (alen < len || !range_valid(addr, alen))
        return -ENOMEM;
    pthread_mutex_lock(&map_lock);
    old = page_range_flags(addr, addr + alen, &all);
    if (!all) {
        pthread_mutex_unlock(&map_lock);
        return -ENOMEM;
    }
    if (mprotect(g2h(addr), alen, host_prot(prot)) < 0) {
        int err = errno;
        pthread_mutex_unlock(&map_lock);
        return -err;
    }
    page_set_range(addr, addr + alen, PAGE_VALID | prot);
    pthread_mutex_unlock(&map_lock);
    /* Blocks of pages that lose exec (or were watched: the watch is gone)
     * must not run again. */
    if (old & (PAGE_EXEC | PAGE_CODE_WATCHED))
        tb_invalidate_range(addr, addr + alen);
    if ((prot & PROT_EXEC) && !(old & PAGE_EXEC))
        exec_code_mapped(addr, alen);
    note_guarded(prot);
    log_map("mprotect", addr, alen, prot, 0);
    return 0;
}

/* Give watched pages of [start, end) their write access back; map_lock held.
 * True if there were any (their blocks must then be invalidated). */
static bool unwatch_range(guest_addr start, guest_addr end)
{
    bool any = false;
    for (guest_addr a = start; a < end; a += GUEST_PAGE_SIZE) {
        int f = page_get_flags(a);
        if (!(f & PAGE_CODE_WATCHED))
            continue;
        f &= ~PAGE_CODE_WATCHED;
        page_set(a, f);
        mprotect(g2h(a), GUEST_PAGE_SIZE, host_prot(f));
        any = true;
    }
    return any;
}

/* Move the flags and names of [old, old+old_len) to new (mremap). */
static void move_records(guest_addr old, guest_ulong old_len, guest_addr new,
                         guest_ulong new_len, bool keep_old)
{
    guest_ulong n = old_len < new_len ? old_len : new_len;
    int last = page_get_flags(old + old_len - GUEST_PAGE_SIZE);
    uint8_t *tmp = malloc(n >> PAGE_BITS);
    MapName moved[8];
    size_t nmoved = 0;

    BUG_ON(!tmp);
    for (guest_ulong i = 0; i < n; i += GUEST_PAGE_SIZE)
        tmp[i >> PAGE_BITS] = (uint8_t)page_get_flags(old + i);
    for (size_t i = 0; i < nnames && nmoved < 8; i++) {
        MapName m = names[i];
        if (m.end <= old || m.start >= old + n)
            continue;
        if (m.start < old) {
            m.offset += old - m.start;
            m.start = old;
        }
        m.end = m.end > old + n ? old + n : m.end;
        if (m.end == old + n && new_len > old_len)
            m.end = old + new_len;       /* the grown part continues the file */
        m.start += new - old;
        m.end += new - old;
        m.name = strdup(m.name);
        moved[nmoved++] = m;
    }
    if (!keep_old) {
        page_set_range(old, old + old_len, 0);
        names_clear(old, old + old_len);
    }
    page_set_range(new, new + new_len, 0);
    for (guest_ulong i = 0; i < new_len; i += GUEST_PAGE_SIZE)
        page_set(new + i, i < n ? tmp[i >> PAGE_BITS] : last);
    for (size_t i = 0; i < nmoved; i++) {
        names_add(&moved[i]);
        free(moved[i].name);
    }
    free(tmp);
}

guest_long target_mremap(guest_addr old, guest_ulong old_len, guest_ulong new_len,
                         int flags, guest_addr new_addr)
{
    guest_ulong olen = page_up(old_len), nlen = page_up(new_len);
    int hflags = 0;
    bool all, watched;
    void *p;

    if ((old & ~GUEST_PAGE_MASK) ||
        (flags & ~(G_MREMAP_MAYMOVE | G_MREMAP_FIXED | G_MREMAP_DONTUNMAP)) ||
        ((flags & (G_MREMAP_FIXED | G_MREMAP_DONTUNMAP)) && !(flags & G_MREMAP_MAYMOVE)) ||
        ((flags & G_MREMAP_DONTUNMAP) && olen != nlen) || new_len == 0)
        return -EINVAL;
    if (old_len == 0) {
        /* Duplicating a shared mapping: not supported. */
        log_once(LOG_UNIMP, 0x6d72656d6170ull, "guise: mremap with old_size 0 is not "
                 "supported: returning EINVAL\n");
        return -EINVAL;
    }
    if (olen < old_len || nlen < new_len || !range_valid(old, olen) || nlen > GUEST_ADDR_LIMIT)
        return -EINVAL;
    if (flags & G_MREMAP_FIXED) {
        if ((new_addr & ~GUEST_PAGE_MASK) || !range_valid(new_addr, nlen))
            return -EINVAL;
        hflags |= MREMAP_FIXED;
    }
    hflags |= (flags & G_MREMAP_MAYMOVE) ? MREMAP_MAYMOVE : 0;
    hflags |= (flags & G_MREMAP_DONTUNMAP) ? 4 : 0;

    pthread_mutex_lock(&map_lock);
    page_range_flags(old, old + olen, &all);
    if (!all) {
        pthread_mutex_unlock(&map_lock);
        return -EFAULT;
    }
    if ((flags & G_MREMAP_FIXED) && !claim_unowned(new_addr, new_addr + nlen)) {
        pthread_mutex_unlock(&map_lock);
        return -ENOMEM;
    }
    watched = unwatch_range(old, old + olen);
    p = mremap(g2h(old), olen, nlen, hflags, g2h(new_addr));
    if (p == MAP_FAILED) {
        int err = errno;
        if (flags & G_MREMAP_FIXED)
            unclaim(new_addr, new_addr + nlen);
        pthread_mutex_unlock(&map_lock);
        if (watched)
            tb_invalidate_range(old, old + olen);
        return -err;
    }
    if (!range_valid(h2g(p), nlen)) {
        /* Placed out of the guest's reach: put it back. */
        void *q = mremap(p, nlen, olen, MREMAP_MAYMOVE | MREMAP_FIXED, g2h(old));
        BUG_ON(q == MAP_FAILED);
        pthread_mutex_unlock(&map_lock);
        return -ENOMEM;
    }
    move_records(old, olen, h2g(p), nlen, (flags & G_MREMAP_DONTUNMAP) != 0);
    pthread_mutex_unlock(&map_lock);
    /* The code moved (or shrank) away from its old addresses. */
    tb_invalidate_range(old, old + olen);
    log_map("mremap", h2g(p), nlen, 0, (long)h2g(p));
    return (guest_long)h2g(p);
}

/* ---- brk ---- */

static pthread_mutex_t brk_lock = PTHREAD_MUTEX_INITIALIZER;
static guest_addr brk_start, brk_cur, brk_mapped;

void target_set_brk(guest_addr brk)
{
    brk_start = brk_cur = brk_mapped = page_up(brk);
}

/* brk(2): Linux returns the new break, or the old one when it cannot move. */
guest_addr target_brk(guest_addr new_brk)
{
    guest_addr end = page_up(new_brk), r;

    pthread_mutex_lock(&brk_lock);
    if (new_brk < brk_start || end < new_brk || end > GUEST_ADDR_LIMIT) {
        r = brk_cur;
        goto out;
    }
    if (end > brk_mapped) {
        guest_long m = target_mmap(brk_mapped, end - brk_mapped, PROT_READ | PROT_WRITE,
                                   G_MAP_PRIVATE | G_MAP_ANONYMOUS | G_MAP_FIXED_NOREPLACE,
                                   -1, 0);
        if (m < 0) {
            r = brk_cur;
            goto out;
        }
    } else if (end < brk_mapped) {
        target_munmap(end, brk_mapped - end);
    }
    brk_mapped = end;
    brk_cur = new_brk;
    if (brk_mapped > brk_start)
        mmap_set_name(brk_start, brk_mapped - brk_start, "[heap]");
    r = brk_cur;
out:
    pthread_mutex_unlock(&brk_lock);
    return r;
}

/* ---- checks and code-page watching ---- */

static bool range_has(guest_addr addr, size_t len, int need)
{
    if (len == 0)
        return addr <= GUEST_ADDR_LIMIT;
    if (!range_valid(addr, len))
        return false;
    for (guest_addr a = addr & GUEST_PAGE_MASK; a < addr + len; a += GUEST_PAGE_SIZE)
        if ((page_get_flags(a) & need) != need)
            return false;
    return true;
}

bool guest_range_ok(guest_addr addr, size_t len, int prot)
{
    return range_has(addr, len, PAGE_VALID | (prot & PROT_FLAGS));
}

bool guest_code_fetchable(uint64_t addr, size_t len)
{
    return len && range_has(addr, len, PAGE_VALID | PAGE_EXEC);
}

bool guest_code_writable(uint64_t addr)
{
    return range_has(addr, 1, PAGE_WRITE);
}

const void *guest_code_ptr(uint64_t addr)
{
    return g2h(addr);
}

void guest_code_page_watch(uint64_t addr)
{
    guest_addr page = addr & GUEST_PAGE_MASK;
    int f;

    pthread_mutex_lock(&map_lock);
    f = page_get_flags(page);
    if ((f & PAGE_VALID) && !(f & PAGE_CODE_WATCHED)) {
        page_set(page, f | PAGE_CODE_WATCHED);
        if (f & PAGE_WRITE)
            mprotect(g2h(page), GUEST_PAGE_SIZE, host_prot(f | PAGE_CODE_WATCHED));
    }
    pthread_mutex_unlock(&map_lock);
}

bool page_unwatch_on_write(guest_addr addr)
{
    guest_addr page = addr & GUEST_PAGE_MASK;
    int f = page_get_flags(page);

    /* Only a page the guest may write: anything else is a real fault.  A
     * page already unwatched by another thread just needs the retry. */
    if ((f & (PAGE_VALID | PAGE_WRITE)) != (PAGE_VALID | PAGE_WRITE))
        return false;
    /* Lift the protection, then invalidate: a block another thread
     * translates in between watches the page again first (exec.c), so
     * it is either dropped here or caught by the write's next fault. */
    pthread_mutex_lock(&map_lock);
    page_set(page, page_get_flags(page) & ~PAGE_CODE_WATCHED);
    mprotect(g2h(page), GUEST_PAGE_SIZE, host_prot(page_get_flags(page)));
    pthread_mutex_unlock(&map_lock);
    if (f & PAGE_CODE_WATCHED)
        tb_invalidate_range(page, page + GUEST_PAGE_SIZE);
    return true;
}

bool guest_prepare_write(guest_addr addr, size_t len)
{
    bool watched = false;

    if (!guest_range_ok(addr, len, PAGE_WRITE))
        return false;
    if (len == 0)
        return true;
    for (guest_addr a = addr & GUEST_PAGE_MASK; a < addr + len; a += GUEST_PAGE_SIZE)
        watched |= (page_get_flags(a) & PAGE_CODE_WATCHED) != 0;
    if (!watched)
        return true;
    /* Lift the protection, then invalidate (never under map_lock): see
     * page_unwatch_on_write. */
    pthread_mutex_lock(&map_lock);
    unwatch_range(addr & GUEST_PAGE_MASK, page_up(addr + len));
    pthread_mutex_unlock(&map_lock);
    tb_invalidate_range(addr & GUEST_PAGE_MASK, page_up(addr + len));
    return true;
}

/* ---- /proc/self/maps ---- */

static void maps_line(int fd, guest_addr start, guest_addr end, int flags)
{
    const MapName *n = names_at(start);
    char line[256];
    int len;

    len = snprintf(line, sizeof(line), "%08" PRIx64 "-%08" PRIx64 " %c%c%c%c %08" PRIx64
                   " %02x:%02x %" PRIu64 " ", start, end,
                   flags & PAGE_READ ? 'r' : '-', flags & PAGE_WRITE ? 'w' : '-',
                   flags & PAGE_EXEC ? 'x' : '-', n && n->shared ? 's' : 'p',
                   n ? n->offset + (start - n->start) : 0,
                   n ? major(n->dev) : 0, n ? minor(n->dev) : 0, n ? n->ino : 0);
    if (n) {
        /* Linux pads the name to column 73. */
        dprintf(fd, "%s%*s%s\n", line, len < 73 ? 73 - len : 0, "", n->name);
    } else {
        dprintf(fd, "%s\n", line);
    }
}

/* End of the piece of a run starting at a that has one name (or none). */
static guest_addr name_piece_end(guest_addr a, guest_addr run_end)
{
    const MapName *n = names_at(a);
    if (n)
        return n->end < run_end ? n->end : run_end;
    for (size_t i = 0; i < nnames; i++)
        if (names[i].start > a && names[i].start < run_end)
            return names[i].start;
    return run_end;
}

void mmap_write_proc_maps(int fd)
{
    guest_addr run_start = 0;
    int run_flags = 0;

    pthread_mutex_lock(&map_lock);
    /* Walk the table, skipping absent subtrees; emit runs of equal
     * protection, split where the name changes. */
    for (unsigned i1 = 0; i1 <= (1u << L1_BITS); i1++) {
        PageNode *node = i1 < (1u << L1_BITS) ? page_l1[i1] : NULL;
        for (unsigned i2 = 0; i2 < (1u << L2_BITS); i2++) {
            uint8_t *leaf = node ? node->leaf[i2] : NULL;
            for (unsigned i3 = 0; i3 < (1u << L3_BITS); i3++) {
                guest_addr a = ((((guest_addr)i1 << L2_BITS | i2) << L3_BITS) | i3) << PAGE_BITS;
                int f = leaf ? leaf[i3] & (PROT_FLAGS | PAGE_VALID) : 0;
                if (f != run_flags) {
                    for (guest_addr s = run_start; run_flags && s < a;) {
                        guest_addr e = name_piece_end(s, a);
                        maps_line(fd, s, e, run_flags);
                        s = e;
                    }
                    run_start = a;
                    run_flags = f;
                }
                if (!leaf && !run_flags)
                    break;              /* nothing in this leaf */
            }
            if (!node && !run_flags)
                break;                  /* nothing in this subtree */
        }
    }
    pthread_mutex_unlock(&map_lock);
}
