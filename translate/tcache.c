/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The persistent translation cache (tcache.h): the file format, the index
 * of a mapped file, importing and recording blocks, appending.
 *
 * File: a TCHeader, then batches, one per append: a TCBatch, its index
 * (TCBatchEntry: pc, flags and offset of each record) and the records,
 * each a TCRecord followed by its TBInsn host-pc map, its TCRelocs and
 * its code, padded to 8 bytes.  The file is mapped read-only once at
 * start and only the batch indexes are read then (into one hash table,
 * open addressing, duplicates allowed: the first record that fits wins);
 * a record's pages are touched, and its checksum and bounds checked, when
 * it is about to be used.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>
#include "backend.h"
#include "cache.h"
#include "codebuf.h"
#include "exec.h"
#include "tcache.h"
#include "util/log.h"
#include "util/prefault.h"

#define TC_MAGIC "GUISETC1"
#define TC_MAX_RECORD (1u << 20)
#define TC_MAX_RELOCS 128
#define TC_MAX_INSNS 4096
#define TC_APPEND_SECONDS 10      /* an append takes less than this */

typedef struct TCHeader {
    char magic[8];
    uint64_t key;
    uint64_t reserved[2];
} TCHeader;

typedef struct TCBatch {
    uint32_t magic;         /* TC_BATCH_MAGIC */
    uint32_t nrec;
    uint32_t size;          /* the whole batch, a multiple of 8 */
    uint32_t check;         /* tcache_hash of the index */
} TCBatch;
#define TC_BATCH_MAGIC 0x48435442u   /* "BTCH" */

typedef struct TCBatchEntry {
    uint64_t pc;
    uint32_t off;           /* of the record from the batch's start */
    uint32_t flags;
} TCBatchEntry;

typedef struct TCRecord {
    uint32_t size;          /* the whole record, a multiple of 8 */
    uint32_t check;         /* tcache_hash of the bytes after this field */
    uint64_t pc;
    uint64_t code_hash;     /* of the guest code [pc - guest_before, pc + guest_size) */
    uint32_t flags, guest_size, guest_before;
    uint32_t host_size, ninsns;
    uint32_t nrelocs, attr;
    uint32_t jmp_insn_off[2], jmp_reset_off[2];
    uint32_t ic_imm_off, pad;  /* TB.ic_imm_off */
    uint64_t exit_pc[2];       /* TB.exit_pc */
    /* TBInsn[ninsns], TCReloc[nrelocs], code[host_size], padding */
} TCRecord;

typedef struct TCIndexEntry {
    uint64_t pc;
    uint32_t off;           /* of the record in the mapping; 0 = empty */
    uint32_t flags;
    uint32_t end;           /* of its batch: the record lies before it */
} TCIndexEntry;

bool tcache_on;
TCacheStats tcache_stats;

static char *tc_path, *tc_dir;
static const uint8_t *tc_map;
static size_t tc_map_size;
static TCIndexEntry *tc_index;
static size_t tc_index_mask;
static uint32_t (*tc_page_attr)(uint64_t pc);
static bool (*tc_keep)(uint64_t pc);
static size_t tc_imported;              /* record bytes since the last drop */
#define TC_DROP_EVERY (4u << 20)
#define TC_SAVE_EVERY (8u << 20)        /* pending bytes appended at once */
#define TC_TRIM_STEP (4u << 20)
static uint64_t tc_key;
/* Records made since the last save, and their batch index. */
static uint8_t *pending;
static size_t pending_len, pending_cap;
static TCBatchEntry *pending_idx;
static size_t pending_n, pending_idx_cap;

/* ---- hashing ---- */

static inline uint64_t mix(uint64_t h)
{
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    return h;
}

uint64_t tcache_hash(const void *p, size_t n, uint64_t seed)
{
    const uint8_t *b = p;
    uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ull), w;

    for (; n >= 8; n -= 8, b += 8) {
        memcpy(&w, b, 8);
        h = (h ^ w) * 0x9e3779b97f4a7c15ull;
        h ^= h >> 29;
    }
    if (n) {
        w = 0;
        memcpy(&w, b, n);
        h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    }
    return mix(h);
}

static int build_id_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    uint64_t *out = data;

    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        const uint8_t *p = (const uint8_t *)(info->dlpi_addr + ph->p_vaddr), *end;
        if (ph->p_type != PT_NOTE)
            continue;
        end = p + ph->p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)p;
            const uint8_t *name = p + sizeof(*nh);
            const uint8_t *desc = name + ((nh->n_namesz + 3) & ~3u);
            if (desc + nh->n_descsz > end)
                break;
            if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && !memcmp(name, "GNU", 4)) {
                *out = tcache_hash(desc, nh->n_descsz, 1);
                return 1;
            }
            p = desc + ((nh->n_descsz + 3) & ~3u);
        }
    }
    return 1;   /* only the first object: guise itself */
}

uint64_t tcache_build_hash(void)
{
    extern const char __executable_start[], etext[];
    uint64_t h = 0;

    dl_iterate_phdr(build_id_cb, &h);
    if (!h)
        h = tcache_hash(__executable_start, (size_t)(etext - __executable_start), 2);
    return h;
}

/* ---- opening ---- */

static void trim_dir(void);
static bool grow(void **buf, size_t *cap, size_t n, size_t size);

static void warn(const char *what, const char *path, int err)
{
    fprintf(stderr, "guise: translation cache off: %s %s%s%s\n", what, path,
            err ? ": " : "", err ? strerror(err) : "");
}

/* Ours and writable by no one else? */
static bool trusted(const struct stat *st)
{
    return st->st_uid == geteuid() && !(st->st_mode & (S_IWGRP | S_IWOTH));
}

static bool make_dir(const char *dir)
{
    char *p = strdup(dir);
    struct stat st;

    if (!p)
        return false;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        mkdir(p, 0700);
        *s = '/';
    }
    free(p);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        warn("cannot create", dir, errno);
        return false;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || !trusted(&st)) {
        warn("not a private directory of this user:", dir, 0);
        return false;
    }
    return true;
}

/* Replace the file by one holding only the header (rename: a process
 * that maps the old file keeps it). */
static void start_afresh(void)
{
    TCHeader h = { .key = tc_key };
    char *tmp;
    int fd;

    memcpy(h.magic, TC_MAGIC, 8);
    if (asprintf(&tmp, "%s.%d.tmp", tc_path, (int)getpid()) < 0)
        return;
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        bool ok = write(fd, &h, sizeof(h)) == (ssize_t)sizeof(h);
        close(fd);
        if (!ok || rename(tmp, tc_path) != 0)
            unlink(tmp);
    }
    free(tmp);
}

static void index_add(uint64_t pc, uint32_t flags, uint32_t off, uint32_t end)
{
    size_t i = mix(pc ^ flags) & tc_index_mask;

    while (tc_index[i].off)
        i = (i + 1) & tc_index_mask;
    tc_index[i] = (TCIndexEntry){ .pc = pc, .off = off, .flags = flags, .end = end };
}

/* The batch at off if it is whole and sound, else NULL: *damaged tells a
 * broken file from its end or a batch still being appended. */
static const TCBatch *batch_at(size_t off, bool *damaged)
{
    const TCBatch *b = (const TCBatch *)(tc_map + off);

    *damaged = false;
    if (tc_map_size - off < sizeof(*b))
        return NULL;
    if (b->magic != TC_BATCH_MAGIC || (b->size & 7) ||
        b->size < sizeof(*b) + (uint64_t)b->nrec * sizeof(TCBatchEntry)) {
        *damaged = true;
        return NULL;
    }
    if (b->size > tc_map_size - off)
        return NULL;
    if ((uint32_t)tcache_hash(b + 1, b->nrec * sizeof(TCBatchEntry), 7) != b->check) {
        *damaged = true;
        return NULL;
    }
    return b;
}

/* Index the mapped batches; false if the file is damaged.  A batch cut
 * short at the end is another process's append in progress, unless the
 * file has not changed for a while (tail_stale): then an append died
 * half-way, and batches written after it would never be read. */
static bool build_index(bool tail_stale)
{
    size_t n = 0, cap = 64, off, end;
    const TCBatch *b;
    bool damaged;

    for (off = sizeof(TCHeader); (b = batch_at(off, &damaged)); off += b->size) {
        n += b->nrec;
        /* Its index is read again below: map it in one call. */
        prefault_read(b, sizeof(*b) + b->nrec * sizeof(TCBatchEntry));
    }
    if (damaged || (tail_stale && off != tc_map_size))
        return false;
    end = off;                  /* the sound batches, checked above */
    while (cap < 2 * n)
        cap *= 2;
    tc_index = calloc(cap, sizeof(*tc_index));
    if (!tc_index)
        return false;
    prefault_write(tc_index, cap * sizeof(*tc_index));
    tc_index_mask = cap - 1;
    tcache_stats.records = n;
    for (off = sizeof(TCHeader); off < end; off += b->size) {
        b = (const TCBatch *)(tc_map + off);
        const TCBatchEntry *e = (const TCBatchEntry *)(b + 1);
        size_t first = sizeof(*b) + b->nrec * sizeof(*e);
        for (uint32_t k = 0; k < b->nrec; k++)
            if (e[k].off >= first && e[k].off <= b->size - sizeof(TCRecord) && !(e[k].off & 7))
                index_add(e[k].pc, e[k].flags, (uint32_t)(off + e[k].off),
                          (uint32_t)(off + b->size));
    }
    return true;
}

bool tcache_open(const char *dir, uint64_t key, uint32_t (*page_attr)(uint64_t pc),
                 bool (*keep)(uint64_t pc))
{
    struct stat st;
    TCHeader h;
    int fd;

    if (!make_dir(dir))
        return false;
    key = tcache_hash(&key, sizeof(key), tcache_build_hash() ^ x64_config_hash());
    tc_key = key;
    tc_page_attr = page_attr;
    tc_keep = keep;
    if (asprintf(&tc_path, "%s/%016" PRIx64 ".tc", dir, key) < 0 || !(tc_dir = strdup(dir)))
        return false;
    fd = open(tc_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT) {
        /* A new file: the folder grows, see that it stays in bounds. */
        start_afresh();
        trim_dir();
        fd = open(tc_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }
    if (fd < 0) {
        warn("cannot open", tc_path, errno);
        return false;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !trusted(&st)) {
        close(fd);
        warn("not a private file of this user:", tc_path, 0);
        return false;
    }
    tcache_on = true;
    x64_record_relocs = true;
    /* The access time says when the file was last used (trim_dir). */
    futimens(fd, (const struct timespec[2]){ { 0, UTIME_NOW }, { 0, UTIME_OMIT } });
    if ((size_t)st.st_size < sizeof(h) || pread(fd, &h, sizeof(h), 0) != sizeof(h) ||
        memcmp(h.magic, TC_MAGIC, 8) || h.key != key || (size_t)st.st_size > TCACHE_MAX_FILE) {
        close(fd);
        start_afresh();
        return true;
    }
    tc_map_size = (size_t)st.st_size;
    tc_map = mmap(NULL, tc_map_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (tc_map == MAP_FAILED) {
        tc_map = NULL;
        tc_map_size = 0;
        return true;
    }
    if (!build_index(time(NULL) - st.st_mtime > TC_APPEND_SECONDS)) {
        free(tc_index);
        tc_index = NULL;
        munmap((void *)tc_map, tc_map_size);
        tc_map = NULL;
        tc_map_size = 0;
        start_afresh();
    }
    return true;
}

/* ---- importing ---- */

/* The record e names if it is whole and consistent (sizes, checksum,
 * chaining slots and host-pc map inside its code), else NULL. */
static const TCRecord *checked_record(const TCIndexEntry *e)
{
    const TCRecord *r = (const TCRecord *)(tc_map + e->off);
    const TBInsn *insns;
    uint64_t need;

    if (r->size > e->end - e->off || r->pc != e->pc || r->flags != e->flags ||
        r->ninsns == 0 || r->ninsns > TC_MAX_INSNS || r->nrelocs > TC_MAX_RELOCS ||
        r->guest_size == 0 || r->guest_before > r->pc || r->host_size == 0)
        return NULL;
    need = sizeof(*r) + (uint64_t)r->ninsns * sizeof(TBInsn) +
           (uint64_t)r->nrelocs * sizeof(TCReloc) + r->host_size;
    if (((need + 7) & ~7ull) != r->size)
        return NULL;
    if ((uint32_t)tcache_hash(&r->pc, r->size - 8, 3) != r->check)
        return NULL;
    for (int s = 0; s < 2; s++)
        if (r->jmp_insn_off[s] != TB_NO_JUMP &&
            ((uint64_t)r->jmp_insn_off[s] + 4 > r->host_size || (r->jmp_insn_off[s] & 3) ||
             r->jmp_reset_off[s] < r->jmp_insn_off[s] + 4 || r->jmp_reset_off[s] >= r->host_size))
            return NULL;
    if (r->ic_imm_off && ((r->ic_imm_off & 7) || (uint64_t)r->ic_imm_off + 8 > r->host_size ||
                          r->jmp_insn_off[1] == TB_NO_JUMP))
        return NULL;
    insns = (const TBInsn *)(r + 1);
    for (uint32_t k = 0; k < r->ninsns; k++)
        if (insns[k].host_off > r->host_size)
            return NULL;
    return r;
}

/* *hash = the hash of the guest code a translation at pc depends on,
 * [pc - before, pc + size); false if that cannot be read. */
static bool code_hash(uint64_t pc, uint32_t before, uint32_t size, uint64_t *hash)
{
    if (!guest_code_fetchable(pc - before, before + size))
        return false;
    *hash = tcache_hash(guest_code_ptr(pc - before), before + size, 4);
    return true;
}

TB *tcache_import(uint64_t pc, uint64_t phys, uint32_t flags)
{
    if (!tc_index)
        return NULL;
    for (size_t i = mix(pc ^ flags) & tc_index_mask; tc_index[i].off;
         i = (i + 1) & tc_index_mask) {
        const TCIndexEntry *e = &tc_index[i];
        const TCRecord *r;
        const TBInsn *insns;
        const TCReloc *rel;
        uint64_t hash;
        TB *tb;

        if (e->pc != pc || e->flags != flags)
            continue;
        r = checked_record(e);
        if (!r) {
            tcache_stats.rejected++;
            continue;
        }
        if (!code_hash(pc, r->guest_before, r->guest_size, &hash) || hash != r->code_hash ||
            (tc_page_attr ? tc_page_attr(pc) : 0) != r->attr) {
            continue;
        }
        insns = (const TBInsn *)(r + 1);
        rel = (const TCReloc *)(insns + r->ninsns);
        tb = cache_alloc_tb();
        if (!tb)
            return NULL;     /* full: tb_gen_code asks for the flush */
        tb->pc = pc;
        tb->phys = phys;
        tb->flags = flags;
        tb->guest_size = r->guest_size;
        tb->guest_before = r->guest_before;
        if (!x64_tc_place(tb, (const uint8_t *)(rel + r->nrelocs), r->host_size, rel, r->nrelocs)) {
            cache_discard_tb(tb);
            tcache_stats.rejected++;
            return NULL;
        }
        for (int s = 0; s < 2; s++) {
            tb->jmp_insn_off[s] = r->jmp_insn_off[s];
            tb->jmp_reset_off[s] = r->jmp_reset_off[s];
            tb->exit_pc[s] = r->exit_pc[s];
        }
        tb->ic_imm_off = r->ic_imm_off;
        tb->insns = cache_mem(r->ninsns * sizeof(TBInsn), 8);
        memcpy(tb->insns, insns, r->ninsns * sizeof(TBInsn));
        tb->ninsns = r->ninsns;
        tcache_stats.hits++;
        /* The record is copied: let its file pages go from our RSS now
         * and then (imports run roughly in file order). */
        tc_imported += r->size;
        if (tc_imported >= TC_DROP_EVERY) {
            madvise((void *)tc_map, tc_map_size, MADV_DONTNEED);
            tc_imported = 0;
        }
        return tb;
    }
    tcache_stats.misses++;
    return NULL;
}

/* ---- recording and saving ---- */

typedef struct TCFile {
    time_t used;
    off_t size;
    char name[64];
} TCFile;

static int older_first(const void *a, const void *b)
{
    const TCFile *x = a, *y = b;
    return (x->used > y->used) - (x->used < y->used);
}

/* Keep the folder under TCACHE_MAX_DIR: past it, the files used least
 * lately (access time, set by tcache_open, or last append) go, down to
 * three quarters.  A process that maps one keeps it. */
static void trim_dir(void)
{
    const char *self = strrchr(tc_path, '/') + 1;
    TCFile *f = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    struct dirent *e;
    struct stat st;
    DIR *d = opendir(tc_dir);

    if (!d)
        return;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || len >= sizeof(f->name) || strcmp(e->d_name + len - 3, ".tc") ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            !grow((void **)&f, &cap, n + 1, sizeof(*f)))
            continue;
        f[n] = (TCFile){ .used = st.st_atime > st.st_mtime ? st.st_atime : st.st_mtime,
                         .size = st.st_size };
        memcpy(f[n].name, e->d_name, len + 1);
        total += (uint64_t)st.st_size;
        n++;
    }
    if (total > TCACHE_MAX_DIR) {
        qsort(f, n, sizeof(*f), older_first);
        for (size_t i = 0; i < n && total > TCACHE_MAX_DIR / 4 * 3; i++)
            if (strcmp(f[i].name, self) && unlinkat(dirfd(d), f[i].name, 0) == 0)
                total -= (uint64_t)f[i].size;
    }
    closedir(d);
    free(f);
}

static void save_locked(void);

/* Make room for n elements of size bytes in *buf (capacity *cap). */
static bool grow(void **buf, size_t *cap, size_t n, size_t size)
{
    size_t c = *cap ? *cap : 4096;
    void *p;

    if (n <= *cap)
        return true;
    while (c < n)
        c *= 2;
    p = realloc(*buf, c * size);
    if (!p)
        return false;
    *buf = p;
    *cap = c;
    return true;
}

void tcache_record(const TB *tb)
{
    TCReloc rel[TC_MAX_RELOCS];
    TCRecord r;
    size_t size, need;
    uint64_t hash;
    int n;

    if (!tcache_on || tb->ninsns == 0 || tb->ninsns > TC_MAX_INSNS ||
        !code_hash(tb->pc, tb->guest_before, tb->guest_size, &hash))
        return;
    n = x64_tc_relocs(tb, rel, TC_MAX_RELOCS);
    if (n < 0 || (tc_keep && !tc_keep(tb->pc))) {
        tcache_stats.uncacheable++;
        return;
    }
    size = sizeof(r) + tb->ninsns * sizeof(TBInsn) + (size_t)n * sizeof(TCReloc) + tb->host_size;
    need = (size + 7) & ~(size_t)7;
    if (need > TC_MAX_RECORD || pending_len + need > TCACHE_MAX_FILE / 2 ||
        !grow((void **)&pending, &pending_cap, pending_len + need, 1) ||
        !grow((void **)&pending_idx, &pending_idx_cap, pending_n + 1, sizeof(*pending_idx)))
        return;
    pending_idx[pending_n++] = (TCBatchEntry){ .pc = tb->pc, .flags = tb->flags,
                                               .off = (uint32_t)pending_len };
    memset(&r, 0, sizeof(r));
    r.size = (uint32_t)need;
    r.pc = tb->pc;
    r.code_hash = hash;
    r.flags = tb->flags;
    r.guest_size = tb->guest_size;
    r.guest_before = tb->guest_before;
    r.host_size = tb->host_size;
    r.ninsns = tb->ninsns;
    r.nrelocs = (uint32_t)n;
    r.attr = tc_page_attr ? tc_page_attr(tb->pc) : 0;
    for (int s = 0; s < 2; s++) {
        r.jmp_insn_off[s] = tb->jmp_insn_off[s];
        r.jmp_reset_off[s] = tb->jmp_reset_off[s];
        r.exit_pc[s] = tb->exit_pc[s];
    }
    r.ic_imm_off = tb->ic_imm_off;

    uint8_t *p = pending + pending_len, *q = p + sizeof(r);
    memset(p, 0, need);
    memcpy(q, tb->insns, tb->ninsns * sizeof(TBInsn));
    q += tb->ninsns * sizeof(TBInsn);
    memcpy(q, rel, (size_t)n * sizeof(TCReloc));
    q += (size_t)n * sizeof(TCReloc);
    memcpy(q, codebuf_rw(tb->host_code), tb->host_size);
    memcpy(p, &r, sizeof(r));
    r.check = (uint32_t)tcache_hash(p + 8, need - 8, 3);
    memcpy(p + 4, &r.check, 4);
    pending_len += need;
    /* A long run appends as it goes rather than holding it all. */
    if (pending_len >= TC_SAVE_EVERY)
        save_locked();
}

void tcache_save(void)
{
    struct timespec until;

    if (!tcache_on)
        return;
    /* Another thread may be translating; one that died holding the lock
     * (a CLONE_VM child killed) must not hang the exit. */
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 200 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    if (pthread_mutex_timedlock(&tb_lock, &until) != 0)
        return;
    if (pending_n)
        save_locked();
    if (log_enabled(LOG_TCACHE))
        log_printf("tcache: %s: %" PRIu64 " records, %" PRIu64 " used, %" PRIu64
                   " translated, %" PRIu64 " rejected, %" PRIu64 " not kept, %" PRIu64
                   " bytes written\n", tc_path, tcache_stats.records, tcache_stats.hits,
                   tcache_stats.misses, tcache_stats.rejected, tcache_stats.uncacheable,
                   tcache_stats.saved);
    pthread_mutex_unlock(&tb_lock);
}

static void save_locked(void)
{
    size_t head = sizeof(TCBatch) + pending_n * sizeof(TCBatchEntry), total = head + pending_len;
    TCBatch b = { .magic = TC_BATCH_MAGIC, .nrec = (uint32_t)pending_n, .size = (uint32_t)total };
    struct iovec iov[3];
    struct stat st;
    ssize_t w;
    int fd;

    for (size_t k = 0; k < pending_n; k++)
        pending_idx[k].off += (uint32_t)head;
    b.check = (uint32_t)tcache_hash(pending_idx, pending_n * sizeof(TCBatchEntry), 7);
    iov[0] = (struct iovec){ &b, sizeof(b) };
    iov[1] = (struct iovec){ pending_idx, pending_n * sizeof(TCBatchEntry) };
    iov[2] = (struct iovec){ pending, pending_len };
    pending_n = 0;
    pending_len = 0;
    fd = open(tc_path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    if (fstat(fd, &st) != 0 || !trusted(&st) || (size_t)st.st_size < sizeof(TCHeader)) {
        close(fd);
        return;
    }
    if ((size_t)st.st_size + total > TCACHE_MAX_FILE) {
        close(fd);
        start_afresh();
        return;
    }
    /* One write: appends of processes running at once do not interleave
     * (a partial one would hide later batches: start afresh then). */
    w = writev(fd, iov, 3);
    close(fd);
    if (w != (ssize_t)total) {
        start_afresh();
        return;
    }
    tcache_stats.saved += total;
    /* Look at the folder's size each time a file grows past 4 MiB more. */
    if ((size_t)st.st_size / TC_TRIM_STEP != ((size_t)st.st_size + total) / TC_TRIM_STEP)
        trim_dir();
}

void tcache_fork_child(void)
{
    pending_len = 0;
    pending_n = 0;
}
