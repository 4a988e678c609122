/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The dispatcher.  cpu_exec() finds the block for the guest pc (per-thread
 * jump cache, then the shared cache, else translate), chains the exit it
 * came from to it, and runs it with the JIT (x64_enter) or the IR
 * interpreter.  Generated code returns only for a chain request, an
 * unchainable exit, or an exception; indirect branches that hit the jump
 * cache stay in generated code: the block probes the cache inline and
 * calls helper_lookup_tb_ptr on a miss.
 *
 * Translation: frontend -> IR (-d op) -> optimiser (-d op_opt) -> backend
 * (-d out_asm).  A full code buffer flushes the whole cache and retries.
 * Faults in generated code come back here through exec_guest_fault(),
 * which siglongjmps to cpu_exec with the guest pc of the faulting
 * instruction.
 *
 * Threads.  Every guest thread runs cpu_exec on its own host thread with
 * its own CPU state and jump cache; the code cache is shared (cache.h).
 * Translation and chaining happen under tb_lock, lookups are lock-free,
 * and invalidation only unlinks and marks blocks, so a block another
 * thread is running is never freed under it.  Freeing happens only in a
 * flush, which runs in an exclusive section: the flushing thread sets
 * exit_request on every CPU and waits until none is between
 * cpu_exec_start and cpu_exec_end (generated code tests exit_request on
 * every path that can come round again, backward chained jumps, indirect
 * jumps and self-loops, so a running thread leaves within a few blocks;
 * a thread in a system call is already outside).  A thread that enters
 * cpu_exec while a section is pending waits for its end.  The flush is
 * never started with tb_lock held: tb_gen_code reports a full buffer,
 * the dispatcher leaves its loop and cpu_exec flushes from outside.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "backend.h"
#include "cache.h"
#include "codebuf.h"
#include "disas.h"
#include "exec.h"
#include "opt.h"
#include "tcache.h"
#include "translator.h"
#include "util/log.h"
#include "util/prefault.h"

/* Full-system mode (GuestArch.tb_flags): direct jumps are chained only
 * within a guest page of this size, the smallest granule. */
#define EXEC_CHAIN_PAGE_BITS 12

ExecOptions exec_opts = { .max_insns = 512, .code_size = 256u << 20, .warm = 8 };
uintptr_t guest_base;

static const GuestArch *exec_arch;
static __thread CPUCommon *current_env;
static __thread bool in_guest;
static __thread IRBlock tls_block;
extern __thread uint64_t interp_current_pc;
extern __thread bool interp_active;

/* One per guest CPU (thread), on the list the exclusive section walks. */
typedef struct ExecThread {
    CPUCommon *env;
    bool running;          /* between cpu_exec_start and cpu_exec_end */
    bool has_waiter;       /* counted by a pending exclusive section */
    struct ExecThread *next;
} ExecThread;

static pthread_mutex_t excl_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t excl_cond = PTHREAD_COND_INITIALIZER;    /* pending_cpus hit 0 */
static pthread_cond_t excl_resume = PTHREAD_COND_INITIALIZER;  /* section ended */
static ExecThread *exec_threads;       /* under excl_lock */
static bool excl_pending;              /* written under excl_lock, read atomically */
static unsigned pending_cpus;          /* running CPUs the section waits for */
static __thread ExecThread *exec_self;

/* Exit code cpu_exec_loop uses internally (never returned by cpu_exec). */
#define EXCP_FLUSH_NEEDED (-1)

/* ---- cold code (GuestArch.run_cold) ---- */

/* How often the blocks not translated yet have run, by (pc >> 3) modulo
 * the table: a count up to the threshold, then COLD_TRANSLATED once a
 * block of the slot was translated (tb_gen_code).  Blocks that share a
 * slot share a count: one of them is translated sooner than it had to be,
 * never wrongly.  The table is touched only where code runs (1 byte per 8
 * bytes of code, modulo 8 MiB: a page of the table covers 32 KiB of code). */
#define COLD_BITS 20
#define COLD_TRANSLATED 255
static uint8_t cold_runs[1u << COLD_BITS] __attribute__((aligned(4096)));
static bool cold_on;

/* The runs a cold block waits for now.  A program's first translations
 * are mostly of its start-up (a dynamic loader, the C library's and an
 * interpreter's initialisation), code that runs a few dozen times at most,
 * where a translation (~11 us) costs more than those runs interpreted:
 * until EXEC_WARM_START_BLOCKS blocks are translated the threshold is
 * EXEC_WARM_START, then exec_opts.warm.  Measured against 8 throughout:
 * python3 -c pass -10% (8.8 K blocks translated instead of 13.5 K), a
 * dynamic true -11%, a static hello -5%; gcc's cc1, which runs 108 K
 * blocks a moderate number of times each, was 11% slower with 32
 * throughout.  Racy between threads: a stale value only moves one block's
 * translation. */
static unsigned cold_warm;
static unsigned cold_translations;

/* A forked child counts in a table of its own, cold_mine: its writes to
 * cold_runs, which it shares copy-on-write with the parent, would copy a
 * page for every 32 KiB of code it runs cold (a shell's children run code
 * the parent does not: the child side of fork, exit).  It reads cold_runs
 * still: the blocks the parent translated are in the code it inherits.
 * The table is zeroed in each child (fork_private_zalloc), so a grandchild
 * counts again what its parent translated (and finds the block when it is
 * due).  Denser than cold_runs: 16 pages, made present at the fork. */
#define COLD_MINE_BITS 16
static uint8_t *cold_mine_table;   /* mapped by exec_init, untouched */
static uint8_t *cold_mine;         /* the same, in a forked child */

static inline uint8_t *cold_slot(uint64_t pc)
{
    return &cold_runs[(pc >> 3) & ((1u << COLD_BITS) - 1)];
}

/* The count to update for pc, and its value. */
static inline uint8_t *cold_count(uint64_t pc, unsigned *n)
{
    uint8_t *c = cold_slot(pc);

    *n = __atomic_load_n(c, __ATOMIC_RELAXED);
    if (cold_mine && *n != COLD_TRANSLATED) {
        c = &cold_mine[(pc >> 3) & ((1u << COLD_MINE_BITS) - 1)];
        *n = __atomic_load_n(c, __ATOMIC_RELAXED);
    }
    return c;
}

/* Should the block at pc run in the interpreter once more?  Counts the
 * run (racy between threads: a lost count only delays a translation). */
static inline bool cold_due(uint64_t pc)
{
    unsigned n;
    uint8_t *c = cold_count(pc, &n);

    if (n >= __atomic_load_n(&cold_warm, __ATOMIC_RELAXED))
        return false;
    __atomic_store_n(c, (uint8_t)(n + 1), __ATOMIC_RELAXED);
    return true;
}

/* A block at pc is being translated: its slot stays "translated".  A
 * slot that says so already is not written again: in a forked child (or
 * a parent with a child alive) the store would copy the table's page. */
static inline void cold_translating(uint64_t pc)
{
    unsigned n;
    uint8_t *c = cold_count(pc, &n);

    if (n != COLD_TRANSLATED)
        __atomic_store_n(c, COLD_TRANSLATED, __ATOMIC_RELAXED);
}

/* One more block translated (tb_lock held): the start-up threshold ends
 * after EXEC_WARM_START_BLOCKS of them. */
static inline void cold_count_translation(void)
{
    if (cold_warm != exec_opts.warm && ++cold_translations >= EXEC_WARM_START_BLOCKS)
        __atomic_store_n(&cold_warm, exec_opts.warm, __ATOMIC_RELAXED);
}

static inline bool cold_translated(uint64_t pc)
{
    unsigned n;
    (void)cold_count(pc, &n);
    return n == COLD_TRANSLATED;
}

/* tb_gen_code marks a block's slot before it enters the cache, so a pc
 * whose slot does not say translated has no block, and the lookup, for
 * new code a walk down a hash chain of cache misses (~1 us a block on
 * gcc's cc1), can be skipped.  Not past a second fork: a grandchild's
 * cold_mine is wiped, its parent's marks with it, but not the parent's
 * blocks. */
static bool cold_marks_lost;

static inline bool may_have_block(uint64_t pc)
{
    return !cold_on || cold_marks_lost || cold_translated(pc);
}

bool exec_cold_next(CPUCommon *env, uint64_t pc)
{
    return !env->exit_request && cold_due(pc);
}

/* The table's pages for code mapped at [start, start + len) are made
 * present at once, up to this much code (512 KiB of table, 128 pages):
 * a short program runs cold code all over its text and libc's, a fault
 * for every 32 KiB of it that runs, where one call makes them all for
 * about what two faults cost.  Larger code (a compiler) is left to fault:
 * it runs long enough not to notice. */
#define COLD_PREFAULT_MAX ((uint64_t)4 << 20)

void exec_code_mapped(uint64_t start, uint64_t len)
{
    const uintptr_t page = 4095;
    uint64_t first, last;

    /* A forked child counts in cold_mine; cold_runs is its parent's. */
    if (!cold_on || cold_mine || !len || len > COLD_PREFAULT_MAX)
        return;
    first = (start >> 3) & ((1u << COLD_BITS) - 1);
    last = ((start + len - 1) >> 3) & ((1u << COLD_BITS) - 1);
    if (last < first) {                 /* wraps around the table's end */
        prefault_write(cold_runs, ((uintptr_t)last + 1 + page) & ~page);
        last = (1u << COLD_BITS) - 1;
    }
    first &= ~(uint64_t)page;
    prefault_write(&cold_runs[first], ((uintptr_t)(last - first) + 1 + page) & ~page);
}

/* The default threshold raised to at least `to`; -warm (warm_set) and
 * 0 (no cold code) stay as given. */
static unsigned warm_default_at_least(unsigned to)
{
    return !exec_opts.warm_set && exec_opts.warm && exec_opts.warm < to ? to : exec_opts.warm;
}

void exec_after_fork(void)
{
    exec_opts.warm = warm_default_at_least(EXEC_WARM_FORKED);
    cold_warm = exec_opts.warm;
    cold_marks_lost = cold_mine != NULL;
    cold_mine = cold_mine_table;
    if (cold_mine)
        prefault_write(cold_mine, (size_t)1 << COLD_MINE_BITS);
}

void exec_init(const GuestArch *arch)
{
    exec_arch = arch;
    ((GuestArch *)arch)->init((GuestArch *)arch);
    /* The interpreter tier hides blocks from the translation and
     * execution logs, and would be all there is with -one-insn-per-tb. */
    cold_on = arch->run_cold && !arch->tb_id && exec_opts.warm && !exec_opts.use_interp &&
              exec_opts.max_insns > 1 &&
              !log_enabled(LOG_IN_ASM | LOG_OP | LOG_OP_OPT | LOG_OUT_ASM | LOG_EXEC | LOG_CPU);
    /* A jump-cache entry is used on its pc and flags alone in user mode
     * (physical = virtual) and when the CPU layer clears the cache
     * whenever its translations may change (GuestArch.tb_flags). */
    exec_lookup_inline = !arch->tb_id || arch->tb_flags;
    cold_warm = warm_default_at_least(EXEC_WARM_START);
    if (cold_on)
        cold_mine_table = fork_private_zalloc((size_t)1 << COLD_MINE_BITS);
    cache_init(exec_opts.code_size);
    if (log_enabled(LOG_EXEC | LOG_CPU))
        exec_opts.no_chain = true;
    if (exec_opts.use_interp)
        return;
    if (!codebuf_init(exec_opts.code_size, exec_opts.split_wx)) {
        fprintf(stderr, "guise: cannot allocate %zu MiB of code memory: %m\n",
                exec_opts.code_size >> 20);
        exit(1);
    }
    x64_init((int32_t)arch->jit_frame_off);
    code_buf.reset_to = code_buf.used;
}

void exec_cpu_init(CPUCommon *env)
{
    ExecThread *t = calloc(1, sizeof(*t));

    /* Zeroed entries match no tag.  Made present at once: the cache is
     * small (cache.h), and its entries are spread by hash, so filling it
     * would take a page fault for nearly every page anyway.  A forked
     * child keeps it: an empty one (MADV_WIPEONFORK) saved the copy faults
     * but sent as many lookups to cache_find, first touches of the
     * parent's hash table and blocks, and was no faster. */
    env->jmp_cache = calloc(1, sizeof(TBJmpCache));
    BUG_ON(!env->jmp_cache || !t);
    prefault_write(env->jmp_cache, sizeof(TBJmpCache));
    env->jmp_epoch = TB_JMP_EPOCH_STEP;
    env->jmp_cache->gen = __atomic_load_n(&tb_flush_count, __ATOMIC_ACQUIRE);
    t->env = env;
    pthread_mutex_lock(&excl_lock);
    t->next = exec_threads;
    exec_threads = t;
    pthread_mutex_unlock(&excl_lock);
    exec_self = t;
    current_env = env;
}

/* Take env's record off the list (a pending exclusive section that counted
 * it stops waiting for it) and free it and the jump cache; only a dropped
 * CPU may still be marked running. */
static void cpu_unlist(CPUCommon *env, bool may_be_running)
{
    ExecThread **pp, *t = NULL;

    pthread_mutex_lock(&excl_lock);
    for (pp = &exec_threads; *pp; pp = &(*pp)->next) {
        if ((*pp)->env == env) {
            t = *pp;
            *pp = t->next;
            break;
        }
    }
    if (t && t->has_waiter) {
        t->has_waiter = false;
        if (--pending_cpus == 0)
            pthread_cond_signal(&excl_cond);
    }
    pthread_mutex_unlock(&excl_lock);
    BUG_ON(!t || (t->running && !may_be_running));
    if (exec_self == t)
        exec_self = NULL;
    free(t);
    free(env->jmp_cache);
    env->jmp_cache = NULL;
}

void exec_cpu_exit(CPUCommon *env)
{
    cpu_unlist(env, false);
    if (current_env == env)
        current_env = NULL;
}

void exec_cpu_drop(CPUCommon *env)
{
    cpu_unlist(env, true);
}

/* ---- the exclusive section (see the header) ---- */

/* Entering cpu_exec: wait out a pending section.  The seq_cst store and
 * load pair with start_exclusive's: either it sees us running and counts
 * us, or we see it pending. */
static void cpu_exec_start(ExecThread *t)
{
    __atomic_store_n(&t->running, true, __ATOMIC_SEQ_CST);
    if (!__atomic_load_n(&excl_pending, __ATOMIC_SEQ_CST))
        return;
    pthread_mutex_lock(&excl_lock);
    if (excl_pending) {
        if (t->has_waiter) {
            t->has_waiter = false;
            if (--pending_cpus == 0)
                pthread_cond_signal(&excl_cond);
        }
        __atomic_store_n(&t->running, false, __ATOMIC_SEQ_CST);
        while (excl_pending)
            pthread_cond_wait(&excl_resume, &excl_lock);
        __atomic_store_n(&t->running, true, __ATOMIC_SEQ_CST);
    }
    pthread_mutex_unlock(&excl_lock);
}

static void cpu_exec_end(ExecThread *t)
{
    __atomic_store_n(&t->running, false, __ATOMIC_SEQ_CST);
    if (!__atomic_load_n(&excl_pending, __ATOMIC_SEQ_CST))
        return;
    pthread_mutex_lock(&excl_lock);
    if (t->has_waiter) {
        t->has_waiter = false;
        if (--pending_cpus == 0)
            pthread_cond_signal(&excl_cond);
    }
    pthread_mutex_unlock(&excl_lock);
}

/* Stop every other CPU outside generated code.  The caller is not
 * running (between cpu_exec_end and cpu_exec_start) and holds no lock. */
static void start_exclusive(void)
{
    pthread_mutex_lock(&excl_lock);
    while (excl_pending)
        pthread_cond_wait(&excl_resume, &excl_lock);
    __atomic_store_n(&excl_pending, true, __ATOMIC_SEQ_CST);
    pending_cpus = 0;
    for (ExecThread *t = exec_threads; t; t = t->next) {
        if (t != exec_self && __atomic_load_n(&t->running, __ATOMIC_SEQ_CST)) {
            t->has_waiter = true;
            t->env->exit_request = 1;
            pending_cpus++;
        }
    }
    while (pending_cpus)
        pthread_cond_wait(&excl_cond, &excl_lock);
    pthread_mutex_unlock(&excl_lock);
}

static void end_exclusive(void)
{
    pthread_mutex_lock(&excl_lock);
    __atomic_store_n(&excl_pending, false, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&excl_resume);
    pthread_mutex_unlock(&excl_lock);
}

/* Flush the cache with every other CPU stopped, unless another thread
 * flushed since generation seen. */
static void flush_exclusive(unsigned seen)
{
    start_exclusive();
    pthread_mutex_lock(&tb_lock);
    if (__atomic_load_n(&tb_flush_count, __ATOMIC_ACQUIRE) == seen)
        cache_flush();
    pthread_mutex_unlock(&tb_lock);
    end_exclusive();
}

/* A forked child copies the code memory it shares with the parent
 * (codebuf_after_fork); until it has, no parent thread may translate, chain
 * or flush into it.  The forking thread asks for that with exec_fork_hold():
 * the parent then keeps tb_lock past the fork until exec_fork_release(). */
static __thread bool fork_hold_requested, fork_holding;

void exec_fork_hold(void)
{
    fork_hold_requested = true;
}

void exec_fork_release(void)
{
    if (fork_holding)
        pthread_mutex_unlock(&tb_lock);
    fork_holding = false;
    fork_hold_requested = false;
}

void exec_fork_prepare(void)
{
    pthread_mutex_lock(&excl_lock);
    pthread_mutex_lock(&tb_lock);
}

void exec_fork_parent(void)
{
    if (fork_hold_requested)
        fork_holding = true;
    else
        pthread_mutex_unlock(&tb_lock);
    pthread_mutex_unlock(&excl_lock);
}

void exec_fork_child(void)
{
    ExecThread *self = exec_self;

    /* Only this thread exists now: forget the others' records (their
     * memory is lost with them, as in any forked child). */
    BUG_ON(!self);
    tcache_fork_child();
    fork_hold_requested = false;
    fork_holding = false;
    self->next = NULL;
    self->has_waiter = false;
    exec_threads = self;
    excl_pending = false;
    pending_cpus = 0;
    pthread_mutex_init(&tb_lock, NULL);
    pthread_mutex_init(&excl_lock, NULL);
    pthread_cond_init(&excl_cond, NULL);
    pthread_cond_init(&excl_resume, NULL);
}

CPUCommon *exec_current_env(void)
{
    return current_env;
}

bool exec_in_guest(void)
{
    return in_guest;
}

/* ---- logging ---- */

static void log_block(unsigned mask, const char *title, const IRBlock *b)
{
    if (!log_enabled(mask))
        return;
    log_printf("%s 0x%016" PRIx64 ":\n", title, b->pc_start);
    ir_dump(log_file ? log_file : stderr, b);
    log_printf("\n");
}

/* ---- translation ---- */

/* Translate the block at pc (tb_lock held).  NULL: the code buffer is
 * full; the caller flushes outside the lock and retries. */
static TB *tb_gen_code(CPUCommon *env, uint64_t pc, uint64_t phys, uint32_t flags)
{
    IRBlock *b = &tls_block;
    unsigned max = exec_opts.max_insns;

    /* Watch the page before reading its code: a write by another thread
     * after this point faults and invalidates the block (once tb_lock is
     * free), a write before it is seen by the translation. */
    guest_code_page_watch(phys);
    if (cold_on) {
        cold_translating(pc);
        cold_count_translation();
    }
    if (tcache_on) {
        TB *tb = tcache_import(pc, phys, flags);
        if (tb) {
            cache_insert(tb);
            return tb;
        }
    }
    for (;;) {
        ir_block_init(b, &exec_arch->globals);
        b->xpages_max = tcache_on ? 0 : IR_XPAGES_MAX;   /* tcache.c: one code range */
        uint32_t size = exec_arch->translate(b, env, pc, max);
        if (log_enabled(LOG_IN_ASM) && guest_code_fetchable(pc, size)) {
            log_printf("IN: guest code at 0x%016" PRIx64 "\n", pc);
            disas_log(exec_arch->cs_arch, exec_arch->cs_mode, guest_code_ptr(pc), size, pc);
            log_printf("\n");
        }
        log_block(LOG_OP, "OP:", b);
        if (!exec_opts.no_opt) {
            opt_run(b);
            log_block(LOG_OP_OPT, "OP after optimisation:", b);
        }

        TB *tb = cache_alloc_tb();
        if (!tb)
            return NULL;     /* the TB records' region is full: flush */
        tb->pc = pc;
        tb->phys = phys;
        tb->flags = flags;
        /* the code the block depends on: its own and what was looked at */
        tb->guest_size = b->code_end > pc + size ? (uint32_t)(b->code_end - pc) : size;
        tb->guest_before = b->code_start && b->code_start < pc ? (uint32_t)(pc - b->code_start) : 0;
        tb->ninsns = b->ninsns;
        if (exec_opts.use_interp) {
            tb->ir = ir_block_clone(b);
            interp_prepare(tb);
        } else {
            int r = x64_gen_tb(tb, b);
            if (r == X64_GEN_FULL && code_buf.used > code_buf.reset_to) {
                cache_discard_tb(tb);
                return NULL;
            }
            if (r == X64_GEN_TOO_BIG && b->ninsns > 1) {
                cache_discard_tb(tb);
                max = b->ninsns / 2;
                continue;
            }
            if (r != X64_GEN_OK)
                bug_at(__FILE__, __LINE__, "cannot generate code for the block at 0x%" PRIx64, pc);
            if (log_enabled(LOG_OUT_ASM)) {
                log_printf("OUT: host code for 0x%016" PRIx64 " (%u bytes)\n", pc,
                           x64_code_bytes(tb));
                disas_log_host(codebuf_rw(tb->host_code), x64_code_bytes(tb),
                               (uintptr_t)tb->host_code);
                log_printf("\n");
            }
            tcache_record(tb);
        }
        cache_insert(tb);
        for (unsigned i = 0; i < b->nxpages; i++)
            cache_add_page(tb, b->xpage[i]);
        return tb;
    }
}

/* The identity of the block at pc for env's state (translator.h tb_id);
 * false when pc cannot be fetched. */
static inline bool tb_id(CPUCommon *env, uint64_t pc, uint32_t *flags, uint64_t *phys)
{
    if (!exec_arch->tb_id) {
        *flags = 0;
        *phys = pc;
        return true;
    }
    return exec_arch->tb_id(env, pc, flags, phys);
}

static inline bool tb_matches(const TB *tb, uint64_t pc, uint64_t phys, uint32_t flags)
{
    return tb && tb->pc == pc && tb->phys == phys && tb->flags == flags &&
           !__atomic_load_n(&tb->invalid, __ATOMIC_ACQUIRE);
}

/* env's jump-cache entry for pc, reset first if a flush emptied the
 * cache since it was filled. */
static inline TBJmpEntry *jmp_entry(CPUCommon *env, uint64_t pc)
{
    TBJmpCache *jc = env->jmp_cache;
    unsigned gen = __atomic_load_n(&tb_flush_count, __ATOMIC_ACQUIRE);

    if (__builtin_expect(jc->gen != gen, 0)) {
        exec_jmp_cache_clear(env);
        jc->gen = gen;
    }
    return &jc->e[tb_jmp_hash(pc)];
}

/* The entry's block if it is the one for (pc, phys, flags); phys is read
 * only when entries cannot be trusted on pc and flags alone. */
static inline TB *jmp_entry_tb(const CPUCommon *env, const TBJmpEntry *e, uint64_t pc,
                               uint64_t phys, uint32_t flags)
{
    if (e->pc != pc || __atomic_load_n(&e->tag, __ATOMIC_RELAXED) != (flags | env->jmp_epoch))
        return NULL;
    if (exec_lookup_inline || tb_matches(e->tb, pc, phys, flags))
        return e->tb;
    return NULL;
}

/* Fill env's entry for tb.  Pairs with jmp_cache_forget: the entry is
 * complete before the (sequentially consistent) tag store, and a block
 * invalidated meanwhile is seen by the load after it. */
static void jmp_cache_put(CPUCommon *env, TBJmpEntry *e, TB *tb)
{
    unsigned p = tb_jmp_page_hash(tb->pc);

    env->jmp_cache->pages[p / 64] |= 1ull << (p % 64);
    e->pc = tb->pc;
    e->host = tb->host_code;
    __atomic_store_n(&e->tb, tb, __ATOMIC_RELAXED);
    BUG_ON(tb->flags >= TB_JMP_EPOCH_STEP);
    __atomic_store_n(&e->tag, tb->flags | env->jmp_epoch, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&tb->invalid, __ATOMIC_SEQ_CST))
        __atomic_store_n(&e->tag, TB_JMP_EMPTY, __ATOMIC_RELAXED);
}

/* Block for pc: jump cache, shared cache, else translate.  NULL: the
 * code buffer is full (see tb_gen_code). */
static TB *tb_find(CPUCommon *env, uint64_t pc, uint64_t phys, uint32_t flags)
{
    TBJmpEntry *e = jmp_entry(env, pc);
    TB *tb = jmp_entry_tb(env, e, pc, phys, flags);

    if (tb)
        return tb;
    tb = may_have_block(pc) ? cache_find(pc, phys, flags) : NULL;
    if (!tb) {
        pthread_mutex_lock(&tb_lock);
        if (may_have_block(pc))       /* another thread's, translated meanwhile */
            tb = cache_find(pc, phys, flags);
        if (!tb)
            tb = tb_gen_code(env, pc, phys, flags);
        pthread_mutex_unlock(&tb_lock);
        if (!tb)
            return NULL;
    }
    /* Flushes only happen while this thread is outside cpu_exec, so the
     * generation cannot have moved since jmp_entry. */
    jmp_cache_put(env, e, tb);
    return tb;
}

void exec_jmp_cache_clear(CPUCommon *env)
{
    if (!env->jmp_cache)
        return;
    /* A new epoch; the last one before the tags could reach TB_JMP_EMPTY
     * starts over from zeroed entries. */
    env->jmp_epoch += TB_JMP_EPOCH_STEP;
    if (env->jmp_epoch == 0 || env->jmp_epoch == (uint32_t)-TB_JMP_EPOCH_STEP) {
        memset(env->jmp_cache->e, 0, sizeof(env->jmp_cache->e));
        env->jmp_epoch = TB_JMP_EPOCH_STEP;
    }
    memset(env->jmp_cache->pages, 0, sizeof(env->jmp_cache->pages));
}

_Static_assert(TB_JMP_CACHE_BITS >= 10, "exec_jmp_cache_clear_page follows tb_jmp_hash");

void exec_jmp_cache_clear_page(CPUCommon *env, uint64_t va, unsigned page_bits)
{
    /* tb_jmp_hash of a 4 KiB page's pcs: (pc >> 14) is the same for all
     * of them, (pc >> 2) runs through 1024 values of one aligned block of
     * 1024, which the XOR maps onto another such block. */
    unsigned run = 1024, first = tb_jmp_hash(va & ~(uint64_t)4095) & ~(run - 1);
    unsigned p = tb_jmp_page_hash(va);

    if (!env->jmp_cache)
        return;
    if (page_bits > 12) {
        exec_jmp_cache_clear(env);
        return;
    }
    if (!(env->jmp_cache->pages[p / 64] & (1ull << (p % 64))))
        return;
    memset(&env->jmp_cache->e[first], 0, run * sizeof(env->jmp_cache->e[0]));   /* no tag */
}

/* The jump cache's block for pc if it can be trusted on pc and flags
 * alone (exec_lookup_inline: the physical address is not needed), else
 * NULL; *host its code, from the entry, as the generated probe reads it:
 * the TB record itself is a cache miss the dispatcher need not take. */
static inline TB *jmp_cache_fast(CPUCommon *env, uint64_t pc, const void **host)
{
    uint32_t flags;
    TBJmpEntry *e;
    TB *tb;

    if (!exec_lookup_inline)
        return NULL;
    flags = exec_arch->tb_flags ? exec_arch->tb_flags(env) : 0;
    e = jmp_entry(env, pc);
    tb = jmp_entry_tb(env, e, pc, 0, flags);
    *host = e->host;
    return tb;
}

/* May a jump from block `from` go straight to `to`? */
static inline bool may_chain(const TB *from, const TB *to)
{
    return !exec_arch->tb_flags || ((from->pc ^ to->pc) >> EXEC_CHAIN_PAGE_BITS) == 0;
}

/* goto_ptr's slow path: the generated probe missed (or is not used). */
const void *helper_lookup_tb_ptr(CPUCommon *env)
{
    uint64_t pc = env->pc, phys;
    uint32_t flags;
    TBJmpEntry *e;
    TB *tb;

    if (env->exit_request || !tb_id(env, pc, &flags, &phys))
        return x64_lookup_exit();
    if (!may_have_block(pc))
        return x64_lookup_exit();    /* cold: nothing to find */
    e = jmp_entry(env, pc);
    tb = jmp_entry_tb(env, e, pc, phys, flags);
    if (!tb) {
        tb = cache_find(pc, phys, flags);
        if (!tb)
            return x64_lookup_exit();
        jmp_cache_put(env, e, tb);
    }
    return tb->host_code;
}

static void log_before_block(CPUCommon *env, uint64_t pc)
{
    log_current_pc = pc;
    if (log_enabled(LOG_EXEC))
        log_printf("Trace: 0x%016" PRIx64 "\n", pc);
    if (log_enabled(LOG_CPU))
        exec_arch->dump_state(log_file ? log_file : stderr, env);
}

/* The dispatch loop proper; returns an EXCP_* code, or EXCP_FLUSH_NEEDED
 * with *gen the cache generation that was found full. */
static int __attribute__((noinline)) cpu_exec_loop(CPUCommon *env, unsigned *gen)
{
    TB *last = NULL;
    int slot = 0;
    bool translate_now = false;   /* the interpreter left this pc to us */

    for (;;) {
        if (env->exit_request) {
            env->exit_request = 0;
            return EXCP_INTERRUPT;
        }
        uint64_t pc = env->pc, phys;
        uint32_t flags;
        *gen = __atomic_load_n(&tb_flush_count, __ATOMIC_ACQUIRE);
        /* A block still cold has no translation (its slot would say so):
         * no jump-cache probe, which for new code is a cache miss. */
        if (cold_on && !translate_now && cold_due(pc)) {
            int r = exec_arch->run_cold(env);
            last = NULL;
            translate_now = r == EXEC_COLD_TRANSLATE;
            if (r > 0)
                return r;
            continue;
        }
        translate_now = false;
        const void *host;
        TB *tb = jmp_cache_fast(env, pc, &host);
        if (!tb) {
            if (!tb_id(env, pc, &flags, &phys)) {
                env->fault_addr = pc;
                return EXCP_FAULT_FETCH;
            }
            tb = tb_find(env, pc, phys, flags);
            if (!tb)
                return EXCP_FLUSH_NEEDED;
            host = tb->host_code;
        }
        if (last && !exec_opts.no_chain && !exec_opts.use_interp && may_chain(last, tb)) {
            pthread_mutex_lock(&tb_lock);
            cache_chain(last, slot, tb);
            pthread_mutex_unlock(&tb_lock);
        }
        log_before_block(env, pc);

        uintptr_t ret = exec_opts.use_interp ? interp_run(tb, env)
                                             : x64_enter(env, host);
        switch (ret & TB_EXIT_MASK) {
        case 0:
        case 1:
            last = (TB *)(ret & ~(uintptr_t)TB_EXIT_MASK);
            slot = (int)(ret & 1);
            break;
        case TB_EXIT_NOCHAIN:
            last = NULL;
            break;
        default:
            return (int)(ret >> 2);
        }
    }
}

int cpu_exec(CPUCommon *env)
{
    sigjmp_buf jb;
    ExecThread *self = exec_self;
    unsigned gen = 0;
    volatile int excp;

    BUG_ON(!self || self->env != env);
    current_env = env;
    env->fault_jmp = &jb;
    cpu_exec_start(self);
    /* No mask saved (a sigprocmask call on every entry, one per guest
     * system call): a fault comes back from a handler that runs with the
     * faulting code's mask (linux-user/signal.c: empty sa_mask,
     * SA_NODEFER), and nothing between here and generated code changes
     * the mask. */
    excp = sigsetjmp(jb, 0);
    if (excp) {
        in_guest = false;
        interp_active = false;
        cpu_exec_end(self);
        return excp;
    }
    for (;;) {
        in_guest = true;
        excp = cpu_exec_loop(env, &gen);
        in_guest = false;
        cpu_exec_end(self);
        if (excp != EXCP_FLUSH_NEEDED)
            return excp;
        flush_exclusive(gen);
        cpu_exec_start(self);
    }
}

bool exec_host_pc_to_guest(uintptr_t host_pc, uint64_t *guest_pc)
{
    if (!codebuf_contains(host_pc))
        return false;
    TB *tb = cache_find_by_host_pc(host_pc);
    if (!tb)
        return false;
    *guest_pc = tb_host_pc_to_guest(tb, host_pc);
    return true;
}

void exec_restore_pc(CPUCommon *env, uintptr_t host_pc)
{
    uint64_t pc;

    if (!host_pc)
        return;     /* the caller made env->pc right */
    if (exec_host_pc_to_guest(host_pc, &pc))
        env->pc = pc;
    else if (interp_active)
        env->pc = interp_current_pc;
    /* else: a helper faulted; its block stored the pc before the call. */
}

void exec_guest_fault(uintptr_t host_pc, const uint64_t *host_regs, uint64_t guest_addr, int excp)
{
    CPUCommon *env = current_env;

    if (!in_guest || !env)
        return;
    if (host_regs && !exec_opts.use_interp && codebuf_contains(host_pc)) {
        TB *tb = cache_find_by_host_pc(host_pc);
        if (tb)
            x64_fault_restore(tb, host_pc, env, host_regs);
    }
    exec_restore_pc(env, host_pc);
    env->fault_addr = guest_addr;
    in_guest = false;
    siglongjmp(*env->fault_jmp, excp);
}

/* cache_invalidate_range's callback, under excl_lock and tb_lock: no
 * thread's jump cache may lead to tb any more.  Pairs with jmp_cache_put:
 * tb->invalid was stored before the fence, so an entry filled after this
 * read sees it.  Every thread also leaves its block at the next check of
 * exit_request: a self-looping block (x86-64 lower.c) checks nothing else
 * at its back edge, so one looping in tb would not see its guest code
 * change otherwise. */
static void jmp_cache_forget(TB *tb)
{
    unsigned h = tb_jmp_hash(tb->pc);

    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    for (ExecThread *t = exec_threads; t; t = t->next) {
        TBJmpEntry *e = &t->env->jmp_cache->e[h];
        if (__atomic_load_n(&e->tb, __ATOMIC_RELAXED) == tb)
            __atomic_store_n(&e->tag, TB_JMP_EMPTY, __ATOMIC_RELAXED);
        t->env->exit_request = 1;
    }
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    if (end <= start)
        return;
    /* The lock order of exec_fork_prepare. */
    pthread_mutex_lock(&excl_lock);
    pthread_mutex_lock(&tb_lock);
    cache_invalidate_range(start, end, jmp_cache_forget);
    pthread_mutex_unlock(&tb_lock);
    pthread_mutex_unlock(&excl_lock);
}

void tb_flush(void)
{
    ExecThread *self = exec_self;
    bool was_running = self && __atomic_load_n(&self->running, __ATOMIC_RELAXED);

    /* From a system call (not running) as expected; a caller inside
     * cpu_exec would leave stale pointers in its dispatcher. */
    BUG_ON(was_running);
    flush_exclusive(__atomic_load_n(&tb_flush_count, __ATOMIC_ACQUIRE));
}
