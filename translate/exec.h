/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The execution engine seen from outside translate/: the state every guest
 * CPU starts with, the options a run is translated under, and the dispatcher
 * (cpu_exec) that finds or translates the block at the guest pc and runs it
 * with the JIT or the IR interpreter until the guest needs the OS layer
 * (a system call, an exception) or an exit is requested.
 *
 * The user-mode or system layer supplies the page hooks declared at the end.
 */
#ifndef GUISE_EXEC_H
#define GUISE_EXEC_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct TBJmpCache;

/* First member of every guest CPU state; generated code reads it at env+0. */
typedef struct CPUCommon {
    uint64_t pc;                    /* guest pc: a global of every frontend */
    volatile int32_t exit_request;  /* nonzero: leave soon, at a block start */
    int32_t excp_arg;               /* exception detail (e.g. BRK immediate) */
    uint64_t fault_addr;            /* set with EXCP_FAULT_* */
    struct TBJmpCache *jmp_cache;   /* per-thread pc -> block cache */
    sigjmp_buf *fault_jmp;          /* cpu_exec's recovery point */
    struct SoftTlb *tlb;            /* full-system mode: this CPU's TLB (softtlb.h) */
    uint32_t jmp_epoch;             /* jump cache generation, in bits 8+ (cache.h) */
} CPUCommon;

/* The generated code's scratch memory (spill slots, constants, the bounds
 * of the host stack's return-address frames: the backend's layout, in
 * x86_64/x64-internal.h), a member of each guest CPU state after its
 * registers, so that they keep short displacements from env; the state's
 * GuestArch (translator.h) says where. */
typedef struct ExecJitFrame {
    _Alignas(16) uint8_t bytes[3344];
} ExecJitFrame;

/* Codes cpu_exec returns (frontends add their own from EXCP_ARCH_BASE). */
enum {
    EXCP_INTERRUPT = 1,   /* exit_request was seen */
    EXCP_SYSCALL,         /* env->pc is the instruction after the call */
    EXCP_UDEF,            /* undefined instruction at env->pc */
    EXCP_BKPT,            /* breakpoint at env->pc, excp_arg = immediate */
    EXCP_FAULT_READ,      /* data abort at env->pc, fault_addr */
    EXCP_FAULT_WRITE,
    EXCP_FAULT_FETCH,     /* instruction fetch from a bad page at env->pc */
    EXCP_ALIGN,           /* alignment fault (SIGBUS) at env->pc */
    EXCP_ARCH_BASE = 0x100,
};

/* Translation options (fixed for a run; part of each block's key). */
typedef struct ExecOptions {
    bool use_interp;      /* -jit off: run blocks in the IR interpreter */
    bool no_opt;          /* skip the optimiser */
    bool no_chain;        /* never chain blocks directly */
    unsigned max_insns;   /* instructions per block (1 = single step) */
    size_t code_size;     /* code buffer bytes */
    bool split_wx;        /* code memory W^X (codebuf.c) */
    unsigned warm;        /* runs of a block in the cold-code interpreter
                             before it is translated (0: none) */
    bool warm_set;        /* warm was asked for (-warm): forks keep it */
} ExecOptions;

/* The most exec_opts.warm can be. */
#define EXEC_WARM_MAX 254
/* A forked child's exec_opts.warm unless -warm was given (exec_after_fork). */
#define EXEC_WARM_FORKED 32
/* Unless -warm was given, a process starts with this many runs, and goes
 * down to exec_opts.warm once it has translated EXEC_WARM_START_BLOCKS
 * blocks (exec.c cold_warm). */
#define EXEC_WARM_START 32
#define EXEC_WARM_START_BLOCKS 8192
/* GuestArch.run_cold's "translate from env->pc now". */
#define EXEC_COLD_TRANSLATE (-1)

extern ExecOptions exec_opts;

struct GuestArch;
/* Set up the code cache and backend for one guest architecture. */
void exec_init(const struct GuestArch *arch);

/* Forget env's jump cache (GuestArch.tb_flags: its virtual-to-physical
 * translations changed). */
void exec_jmp_cache_clear(CPUCommon *env);
/* The same for the blocks of one guest page of 2^page_bits bytes (at most
 * 4 KiB: the entries of a page's pcs form one run, cache.h's hash). */
void exec_jmp_cache_clear_page(CPUCommon *env, uint64_t va, unsigned page_bits);
/* Per-thread set-up of env->jmp_cache. */
void exec_cpu_init(CPUCommon *env);
/* Undo exec_cpu_init when the thread running env ends (outside cpu_exec). */
void exec_cpu_exit(CPUCommon *env);
/* Undo exec_cpu_init for a CPU whose thread is gone without leaving
 * cpu_exec (a process sharing our memory killed by a signal in guest
 * code), from another thread: the record goes even if marked running, and
 * an exclusive section waiting for it stops waiting. */
void exec_cpu_drop(CPUCommon *env);
/* fork(2) of a process that may have several threads: prepare takes the
 * code cache's locks, parent releases them; child makes the calling
 * thread's CPU the only one and frees the locks (the code memory copy is
 * codebuf_after_fork's). */
/* Around fork(): the forking thread calls exec_fork_hold() before fork()
 * and exec_fork_release() once the child has copied the code memory, so
 * that no other parent thread writes code in between. */
void exec_fork_hold(void);
void exec_fork_release(void);
void exec_fork_prepare(void);
void exec_fork_parent(void);
void exec_fork_child(void);

/* Run guest code until an EXCP_* code is due; returns it.  Host faults in
 * generated code come back as EXCP_FAULT_* with env->pc at the faulting
 * instruction and the guest state as before it. */
int cpu_exec(CPUCommon *env);

/* Called from a host SIGSEGV/SIGBUS handler for a fault while the guest runs:
 * maps host_pc to the guest pc, completes env from the host registers at
 * the fault (host_regs, x86 encoding order: the generated code's fault
 * map says which hold guest registers) and unwinds to cpu_exec.  Returns
 * only if the fault did not come from guest execution. */
void exec_guest_fault(uintptr_t host_pc, const uint64_t *host_regs, uint64_t guest_addr, int excp);
/* The CPU this thread runs (set by exec_cpu_init), or NULL. */
CPUCommon *exec_current_env(void);
/* True while this thread is inside cpu_exec running guest code. */
bool exec_in_guest(void);

/* Set env->pc to the guest instruction running at host_pc (generated code,
 * or the interpreter's current instruction); unchanged for a host pc in a
 * helper whose block stored the pc before calling it, and for host_pc 0
 * (the caller has set env->pc). */
void exec_restore_pc(CPUCommon *env, uintptr_t host_pc);
/* The host pc the interpreter passes to helpers that take one: outside
 * generated code, so a fault finds the interpreter's current pc. */
#define EXEC_HOST_PC_INTERP ((uintptr_t)1)

/* For GuestArch.run_cold, at a block boundary on the way to pc: may the
 * interpreter go on there (no translation yet, still cold, no
 * exit_request)?  Counts pc's run when it says yes. */
bool exec_cold_next(CPUCommon *env, uint64_t pc);
/* In a forked child (user mode), with its code memory its own: blocks
 * the parent never ran wait longer in the interpreter (EXEC_WARM_FORKED
 * runs, unless -warm was given): a shell's child lives for a command
 * substitution or a pipeline stage and would translate the same paths in
 * every fork, where the parent's translations it inherits serve it. */
void exec_after_fork(void);

/* Guest pc of the instruction whose code contains host_pc, if any. */
bool exec_host_pc_to_guest(uintptr_t host_pc, uint64_t *guest_pc);

/* Drop every block made from guest code in [start, end): physical
 * addresses in full-system mode, guest addresses in user mode. */
void tb_invalidate_range(uint64_t start, uint64_t end);
/* Drop all blocks (code buffer full, or a global change). */
void tb_flush(void);
/* Guest memory [start, start + len) became executable (the OS layer's
 * mmap or mprotect): a hint, to make the tables its code will use
 * present ahead of the faults. */
void exec_code_mapped(uint64_t start, uint64_t len);

/* ---- Supplied by the OS layer (linux-user/ or system/) ---- */
/* True if len bytes at guest addr may be fetched as instructions. */
bool guest_code_fetchable(uint64_t addr, size_t len);
/* Host pointer for guest code at addr (after guest_code_fetchable). */
const void *guest_code_ptr(uint64_t addr);
/* A block was made from the page holding addr (physical in full-system
 * mode, as GuestArch.tb_id gives it): catch later writes to it. */
void guest_code_page_watch(uint64_t addr);
/* May the program write the page holding addr as it is mapped now (code
 * a JIT writes next to its data)?  Watching it would fault its writes. */
bool guest_code_writable(uint64_t addr);

#endif
