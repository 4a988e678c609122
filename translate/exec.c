/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The dispatcher.  cpu_exec() finds the block for the guest pc (per-thread
 * jump cache, then the shared cache, else translate), chains the exit it
 * came from to it, and runs it with the JIT (x64_enter) or the IR
 * interpreter.  Generated code returns only for a chain request, an
 * unchainable exit, or an exception; indirect branches that hit the jump
 * cache stay in generated code through helper_lookup_tb_ptr.
 *
 * Translation: frontend -> IR (-d op) -> optimiser (-d op_opt) -> backend
 * (-d out_asm).  A full code buffer flushes the whole cache and retries.
 * Faults in generated code come back here through exec_guest_fault(),
 * which siglongjmps to cpu_exec with the guest pc of the faulting
 * instruction.
 */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "backend.h"
#include "cache.h"
#include "codebuf.h"
#include "exec.h"
#include "opt.h"
#include "translator.h"
#include "util/log.h"

ExecOptions exec_opts = { .max_insns = 512, .code_size = 256u << 20 };
uintptr_t guest_base;

static const GuestArch *exec_arch;
static __thread CPUCommon *current_env;
static __thread bool in_guest;
static __thread IRBlock tls_block;
extern __thread uint64_t interp_current_pc;
extern __thread bool interp_active;

void exec_init(const GuestArch *arch)
{
    exec_arch = arch;
    ((GuestArch *)arch)->init((GuestArch *)arch);
    cache_init();
    if (log_enabled(LOG_EXEC | LOG_CPU))
        exec_opts.no_chain = true;
    if (exec_opts.use_interp)
        return;
    if (!codebuf_init(exec_opts.code_size)) {
        fprintf(stderr, "guise: cannot allocate %zu MiB of code memory: %m\n",
                exec_opts.code_size >> 20);
        exit(1);
    }
    x64_init();
    code_buf.reset_to = code_buf.used;
}

void exec_cpu_init(CPUCommon *env)
{
    env->jmp_cache = calloc(1, sizeof(TBJmpCache));
    BUG_ON(!env->jmp_cache);
}

bool exec_in_guest(void)
{
    return in_guest;
}

/* ---- logging ---- */

static void log_disas(const char *what, int arch, int mode, const uint8_t *code,
                      size_t size, uint64_t addr)
{
    csh h;
    cs_insn *insn;
    size_t n;

    if (cs_open(arch, mode, &h) != CS_ERR_OK) {
        log_printf("%s: (capstone unavailable)\n", what);
        return;
    }
    n = cs_disasm(h, code, size, addr, 0, &insn);
    for (size_t i = 0; i < n; i++)
        log_printf("0x%016" PRIx64 ":  %-8s %s\n", insn[i].address, insn[i].mnemonic,
                   insn[i].op_str);
    if (n)
        cs_free(insn, n);
    cs_close(&h);
}

static void log_block(unsigned mask, const char *title, const IRBlock *b)
{
    if (!log_enabled(mask))
        return;
    log_printf("%s 0x%016" PRIx64 ":\n", title, b->pc_start);
    ir_dump(log_file ? log_file : stderr, b);
    log_printf("\n");
}

/* ---- translation ---- */

static TB *tb_gen_code(CPUCommon *env, uint64_t pc)
{
    IRBlock *b = &tls_block;
    unsigned max = exec_opts.max_insns;
    bool flushed = false;

    for (;;) {
        ir_block_init(b, &exec_arch->globals);
        uint32_t size = exec_arch->translate(b, env, pc, max);
        if (log_enabled(LOG_IN_ASM) && guest_code_fetchable(pc, size)) {
            log_printf("IN: guest code at 0x%016" PRIx64 "\n", pc);
            log_disas("IN", exec_arch->cs_arch, exec_arch->cs_mode, guest_code_ptr(pc),
                      size, pc);
            log_printf("\n");
        }
        log_block(LOG_OP, "OP:", b);
        if (!exec_opts.no_opt) {
            opt_run(b);
            log_block(LOG_OP_OPT, "OP after optimisation:", b);
        }

        TB *tb = cache_alloc_tb();
        tb->pc = pc;
        tb->guest_size = size;
        tb->ninsns = b->ninsns;
        if (exec_opts.use_interp) {
            tb->ir = ir_block_clone(b);
            interp_prepare(tb);
        } else {
            int r = x64_gen_tb(tb, b);
            if (r == X64_GEN_FULL && !flushed) {
                cache_discard_tb(tb);
                cache_flush();
                flushed = true;
                continue;
            }
            if (r == X64_GEN_TOO_BIG && b->ninsns > 1) {
                cache_discard_tb(tb);
                max = b->ninsns / 2;
                continue;
            }
            if (r != X64_GEN_OK)
                bug_at(__FILE__, __LINE__, "cannot generate code for the block at 0x%" PRIx64, pc);
            if (log_enabled(LOG_OUT_ASM)) {
                log_printf("OUT: host code for 0x%016" PRIx64 " (%u bytes)\n", pc, tb->host_size);
                log_disas("OUT", CS_ARCH_X86, CS_MODE_64, codebuf_rw(tb->host_code),
                          tb->host_size, (uintptr_t)tb->host_code);
                log_printf("\n");
            }
        }
        cache_insert(tb);
        if (size)
            guest_code_page_watch(pc);
        return tb;
    }
}

/* Block for pc: jump cache, shared cache, else translate. */
static TB *tb_find(CPUCommon *env, uint64_t pc)
{
    TBJmpCache *jc = env->jmp_cache;
    unsigned h = tb_jmp_hash(pc);
    TB *tb;

    if (jc->gen != tb_flush_count) {
        memset(jc->e, 0, sizeof(jc->e));
        jc->gen = tb_flush_count;
    }
    tb = jc->e[h];
    if (tb && tb->pc == pc && !tb->invalid)
        return tb;
    tb = cache_find(pc);
    if (!tb) {
        pthread_mutex_lock(&tb_lock);
        tb = cache_find(pc);
        if (!tb)
            tb = tb_gen_code(env, pc);
        pthread_mutex_unlock(&tb_lock);
    }
    if (jc->gen == tb_flush_count)
        jc->e[h] = tb;
    return tb;
}

const void *helper_lookup_tb_ptr(CPUCommon *env)
{
    uint64_t pc = env->pc;
    TB *tb = env->jmp_cache->e[tb_jmp_hash(pc)];

    if (env->exit_request)
        return x64_lookup_exit();
    if (!tb || tb->pc != pc || tb->invalid) {
        tb = cache_find(pc);
        if (!tb)
            return x64_lookup_exit();
        env->jmp_cache->e[tb_jmp_hash(pc)] = tb;
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

/* The dispatch loop proper; returns an EXCP_* code. */
static int __attribute__((noinline)) cpu_exec_loop(CPUCommon *env)
{
    TB *last = NULL;
    int slot = 0;
    unsigned gen = tb_flush_count;

    for (;;) {
        if (env->exit_request) {
            env->exit_request = 0;
            return EXCP_INTERRUPT;
        }
        uint64_t pc = env->pc;
        TB *tb = tb_find(env, pc);
        if (gen != tb_flush_count) {   /* a flush freed the block we came from */
            gen = tb_flush_count;
            last = NULL;
        }
        if (last && !exec_opts.no_chain && !exec_opts.use_interp) {
            pthread_mutex_lock(&tb_lock);
            if (gen == tb_flush_count)
                cache_chain(last, slot, tb);
            pthread_mutex_unlock(&tb_lock);
        }
        log_before_block(env, pc);

        uintptr_t ret = exec_opts.use_interp ? interp_run(tb, env)
                                             : x64_enter(env, tb->host_code);
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
    int excp;

    current_env = env;
    env->fault_jmp = &jb;
    excp = sigsetjmp(jb, 1);
    if (excp) {
        in_guest = false;
        interp_active = false;
        return excp;
    }
    in_guest = true;
    excp = cpu_exec_loop(env);
    in_guest = false;
    return excp;
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

void exec_guest_fault(uintptr_t host_pc, uint64_t guest_addr, int excp)
{
    CPUCommon *env = current_env;
    uint64_t pc;

    if (!in_guest || !env)
        return;
    if (exec_host_pc_to_guest(host_pc, &pc))
        env->pc = pc;
    else if (interp_active)
        env->pc = interp_current_pc;
    /* else: a helper faulted; its block stored the pc before the call. */
    env->fault_addr = guest_addr;
    in_guest = false;
    siglongjmp(*env->fault_jmp, excp);
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    if (end <= start)
        return;
    pthread_mutex_lock(&tb_lock);
    cache_invalidate_range(start, end);
    pthread_mutex_unlock(&tb_lock);
}

void tb_flush(void)
{
    pthread_mutex_lock(&tb_lock);
    cache_flush();
    pthread_mutex_unlock(&tb_lock);
}
