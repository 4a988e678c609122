/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Linux user mode: what the loader, the memory map, the signal layer, the
 * CPU loop and the system calls share.  Guest addresses are guest_base +
 * address on the host (guest_base is 0 for 64-bit guests).
 *
 *  mmap.c      the guest memory map: mmap/munmap/mprotect/mremap/brk with
 *              page flags; write protection of pages that hold translated
 *              code (guest_code_page_watch) and its lifting on a write.
 *  elfload.c   ELF loading (libelf), initial stack, auxv.
 *  signal.c    host signal handlers (faults in generated code, SMC writes),
 *              guest signal dispositions and delivery.
 *  main.c      options, start-up, the exit path.
 *  aarch64/cpu-loop.c  runs cpu_exec and acts on its exception codes.
 */
#ifndef GUISE_USER_H
#define GUISE_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "translate/backend.h"

typedef uint64_t guest_addr;
typedef uint64_t guest_ulong;
typedef int64_t guest_long;

#define GUEST_PAGE_SIZE 4096ul
#define GUEST_PAGE_MASK (~(GUEST_PAGE_SIZE - 1))

static inline void *g2h(guest_addr a) { return (void *)(uintptr_t)(guest_base + a); }
static inline guest_addr h2g(const void *p) { return (guest_addr)((uintptr_t)p - guest_base); }

/* ---- mmap.c: page flags ---- */
enum {
    PAGE_READ = 1, PAGE_WRITE = 2, PAGE_EXEC = 4,  /* guest-visible protection */
    PAGE_VALID = 8,                                /* mapped */
    PAGE_CODE_WATCHED = 16,                        /* write-protected: holds code */
    PAGE_GUARDED = 32,                             /* arm64 PROT_BTI: a guarded page */
};
void mmap_init(void);
int page_get_flags(guest_addr addr);
/* True if [addr, addr+len) is mapped with all of prot (PAGE_READ/WRITE). */
bool guest_range_ok(guest_addr addr, size_t len, int prot);
/* Before the host writes guest memory on the guest's behalf (read(2) into a
 * buffer...): lift code watching on the range.  False if unmapped/unwritable. */
bool guest_prepare_write(guest_addr addr, size_t len);
/* Called by the SIGSEGV handler for a write to a watched page: invalidates
 * its blocks and restores write access.  True if it was such a page. */
bool page_unwatch_on_write(guest_addr addr);

/* Guest mmap family; results are a guest address or -errno. */
guest_long target_mmap(guest_addr addr, guest_ulong len, int prot, int flags,
                       int fd, int64_t offset);
int target_munmap(guest_addr addr, guest_ulong len);
/* System V shared memory attached into the guest's map (shmat's flags
 * and errors; shmdt of an address shmat did not return is -EINVAL). */
guest_long target_shmat(int shmid, guest_addr addr, int shmflg);
guest_long target_shmdt(guest_addr addr);
int target_mprotect(guest_addr addr, guest_ulong len, int prot);
guest_long target_mremap(guest_addr old, guest_ulong old_len, guest_ulong new_len,
                         int flags, guest_addr new_addr);
/* brk: set the initial break, then the brk(2) call (returns the new break). */
void target_set_brk(guest_addr brk);
guest_addr target_brk(guest_addr new_brk);
/* Reserve a free guest range of len bytes (for the loader); 0 on failure. */
guest_addr mmap_find_free(guest_addr hint, guest_ulong len);
/* Set when the persistent translation cache is on: mappings without an
 * address get the same addresses in every run of a program (mmap.c). */
extern bool mmap_stable_addresses;
/* The attributes of the page at pc that translated code depends on (BTI
 * guarded), for the persistent translation cache. */
uint32_t mmap_code_attr(uint64_t pc);
/* Is the page at pc a private, read-only mapping of a file (code worth
 * keeping across runs, unlike a JIT's)? */
bool mmap_code_from_file(uint64_t pc);
/* Write the guest's view of /proc/self/maps to fd. */
void mmap_write_proc_maps(int fd);
/* Name guest pages in /proc/self/maps ("[stack]"; the loader's). */
void mmap_set_name(guest_addr start, guest_ulong len, const char *name);
/* fork: hold map_lock across it (after the code cache's locks); unlock in
 * the parent, a fresh lock in the child. */
void mmap_fork_lock(void);
void mmap_fork_unlock(bool child);

/* ---- the process (main.c / elfload.c) ---- */
typedef struct GuestImage {
    guest_addr entry;          /* where the guest starts (interpreter's if any) */
    guest_addr load_bias;
    guest_addr phdr, phent, phnum;
    guest_addr start_brk;
    guest_addr stack_top, sp;  /* initial sp */
    guest_addr auxv, auxv_len; /* copy of the auxv on the guest stack */
    guest_addr interp_base;
    char *exe_path;            /* absolute path of the guest program, as the
                                * guest names it (without the -L sysroot) */
    char *exe_host_path;       /* the same file's absolute host path */
} GuestImage;

typedef struct UserOptions {
    const char *sysroot;       /* -L */
    const char *cpu_model;     /* -cpu */
    size_t stack_size;         /* -s */
    const char *argv0;         /* -0 */
    bool strace;               /* -strace */
    char **guise_argv;         /* our own argv, for re-exec of foreign binaries */
    int guise_argc_opts;       /* number of option words before the program */
    bool binfmt;               /* started by binfmt_misc (P, O or C flag): a
                                * foreign execve can go to the kernel as is */
    const char *tcache_dir;    /* -tc: the persistent translation cache, or NULL */
} UserOptions;

extern UserOptions user_opts;
extern GuestImage guest_image;

/* Load the ELF at path (already opened as fd) and build the initial stack.
 * On failure prints one line "guise: PATH: reason" and returns false. */
bool elf_load(const char *path, int fd, char **argv, char **envp, GuestImage *img);

/* Path as the guest sees it, rewritten under the sysroot when the sysroot
 * has it (-L).  Returns path itself or a malloc'ed string in buf. */
const char *path_for_guest(const char *path, char *buf, size_t bufsize);

/* ---- signals (signal.c) ---- */
void signal_init(void);
/* fork: hold the dispositions' lock across it, as mmap_fork_lock. */
void signal_fork_lock(void);
void signal_fork_unlock(bool child);
/* Deliver pending guest signals before returning to guest code. */
void process_pending_signals(void *cpu_env);
/* A synchronous signal caused by the guest (SIGSEGV/SIGILL/SIGBUS/SIGTRAP/SIGFPE)
 * with si_code and fault address. */
void queue_guest_signal(void *cpu_env, int sig, int code, guest_addr addr);

/* Guest signal system calls (signal.c), called from the syscall table.
 * Results are 0/-errno in guest numbering; sigsetsize as passed by the guest. */
guest_long do_rt_sigaction(void *cpu_env, int sig, guest_addr act, guest_addr oact,
                           guest_ulong sigsetsize);
guest_long do_rt_sigprocmask(void *cpu_env, int how, guest_addr set, guest_addr oset,
                             guest_ulong sigsetsize);
guest_long do_sigaltstack(void *cpu_env, guest_addr ss, guest_addr old_ss);
guest_long do_rt_sigreturn(void *cpu_env);          /* returns SYSCALL_NO_RESULT */
guest_long do_rt_sigpending(void *cpu_env, guest_addr set, guest_ulong sigsetsize);
guest_long do_rt_sigsuspend(void *cpu_env, guest_addr set, guest_ulong sigsetsize);
/* rt_sigtimedwait: the guest signal taken from set, its siginfo written to
 * info (if non-zero); -EAGAIN when the timeout (NULL: none) expires, -EINTR
 * when a signal outside set is to be delivered. */
guest_long do_rt_sigtimedwait(void *cpu_env, guest_addr set, guest_addr info,
                              guest_addr timeout, guest_ulong sigsetsize);
/* kill/tgkill/tkill aimed at this process: the host call, but a signal for
 * ourselves is queued to the guest. */
guest_long do_kill(void *cpu_env, pid_t pid, int sig);
/* rt_sigqueueinfo (tid -1) and rt_tgsigqueueinfo with a guest siginfo. */
guest_long do_rt_sigqueueinfo(void *cpu_env, pid_t tgid, pid_t tid, int sig, guest_addr info);
guest_long do_tgkill(void *cpu_env, pid_t tgid, pid_t tid, int sig);

/* ---- system calls (syscall/) ---- */
/* do_syscall result meaning "leave the result register alone" (rt_sigreturn). */
#define SYSCALL_NO_RESULT ((guest_long)-4097)
/* Run guest system call num with its six arguments; returns the value for
 * the guest's result register (a result or -errno in guest numbering). */
guest_long do_syscall(void *cpu_env, int num, guest_ulong a1, guest_ulong a2,
                      guest_ulong a3, guest_ulong a4, guest_ulong a5, guest_ulong a6);
void syscall_init(void);
/* Leave the emulator with the guest's exit status (flushes logs). */
void user_exit(int status) __attribute__((noreturn));

/* ---- aarch64 ---- */
void a64_cpu_loop(void *cpu_env) __attribute__((noreturn));

/* ---- per-architecture parts (linux-user/<arch>/), so that main.c,
 * elfload.c and signal.c hold no guest-ISA details ---- */
typedef struct TargetInfo {
    const char *name;              /* "aarch64": messages say "guise-aarch64: ..." */
    struct GuestArch *guest_arch;  /* the translate/ frontend */
    uint16_t elf_machine;          /* EM_* the loader accepts */
    guest_addr dyn_base;           /* where an ET_DYN program without hint is loaded */
    const char *platform;          /* AT_PLATFORM */
    const char *default_cpu;       /* -cpu default */
    guest_ulong minsigstksz;       /* AT_MINSIGSTKSZ */
    void (*cpu_loop)(void *cpu_env);   /* never returns */
} TargetInfo;
extern const TargetInfo target_info;

/* CPU models (-cpu): known?  list for -cpu help; AT_HWCAP/AT_HWCAP2. */
bool target_cpu_model_ok(const char *model);
void target_cpu_list(void);
void target_hwcaps(const char *model, guest_ulong *hwcap, guest_ulong *hwcap2);
/* A zeroed CPU state for model that starts at entry with stack pointer sp. */
void *target_cpu_new(const char *model, guest_addr entry, guest_addr sp);
/* The architecture's prctl options (arm64: PR_PAC_RESET_KEYS,
 * PR_PAC_SET/GET_ENABLED_KEYS): the result or a guest -errno. */
guest_long target_prctl(void *cpu_env, int option, const guest_ulong *a);

/* The kernel's struct sigaction and stack_t of 64-bit Linux guests. */
typedef struct GuestSigaction {
    guest_addr handler;
    guest_ulong flags;
    guest_addr restorer;
    uint64_t mask;                 /* bit n-1 = signal n */
} GuestSigaction;
typedef struct GuestStack {
    guest_addr sp;
    int32_t flags;
    uint32_t pad;
    guest_ulong size;
} GuestStack;
#define GUEST_SIGINFO_SIZE 128

/* Signal frames (signal-frame.c).  setup: build the frame for sig below sp
 * (already the alternate stack if one applies) saving the interrupted state,
 * the mask blocked and the stack_t uc_stack, and point the CPU at the
 * handler; false if the frame cannot be written.  restore (rt_sigreturn):
 * false on a bad frame. */
guest_addr target_get_sp(void *cpu_env);
bool target_setup_frame(void *cpu_env, int sig, const GuestSigaction *ka,
                        const uint8_t info[GUEST_SIGINFO_SIZE], guest_addr sp,
                        const GuestStack *uc_stack, uint64_t blocked);
bool target_restore_frame(void *cpu_env, uint64_t *blocked, GuestStack *uc_stack);

/* For the CPU loop: a system call that failed with EINTR is to be run again
 * (the signal about to be delivered has SA_RESTART, or runs no handler). */
bool signal_restart_syscall(void *cpu_env);

#endif
