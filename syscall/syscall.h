/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * syscall/: the private interface of the Linux system call layer.
 *
 * A guest ABI (GuestABI) is a table of rows, one per system call number:
 * name, handler, argument kinds (for -strace) and result kind, plus the
 * ABI's structure layouts and flag encodings.  do_syscall() (syscall.c)
 * finds the row, traces it (strace.c) and calls the handler.  Handlers are
 * thin: they take the six raw argument words, validate guest pointers with
 * the uaccess helpers, convert structures through layout descriptions
 * (struct.c) and flags through flag tables (flags.c), make the host call
 * and turn a host failure into a guest -errno with sys_ret()/sys_err().
 * A call that can block is made with safe_syscall()
 * (linux-user/safe-syscall.h), so that a guest signal queued just before
 * it starts still interrupts it; its raw result goes through sys_raw_ret().
 *
 * Files: syscall.c (dispatch), table-generic.c (asm-generic numbers, the
 * aarch64 ABI), uaccess.c (guest memory), struct.c, flags.c, path.c (-L),
 * file.c, fs.c, mem.c, poll.c, time.c, proc.c, signals.c, ioctl.c, procfs.c,
 * strace.c.
 */
#ifndef GUISE_SYSCALL_H
#define GUISE_SYSCALL_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "linux-user/user.h"

/* ---- rows ---- */

/* How -strace shows an argument. */
typedef enum SysArgKind {
    SA_NONE,      /* no argument here (ends the list) */
    SA_INT,       /* signed decimal, 32 bits */
    SA_LONG,      /* signed decimal, 64 bits */
    SA_ULONG,     /* unsigned decimal (sizes, counts) */
    SA_HEX,
    SA_OCT,       /* file modes */
    SA_PTR,       /* guest pointer: NULL or 0x... */
    SA_FD,
    SA_DIRFD,     /* AT_FDCWD or an fd */
    SA_PATH,      /* NUL-terminated guest string, quoted */
    SA_BUF,       /* guest bytes, count in the next argument, quoted */
    SA_OFLAGS,    /* O_* */
    SA_ATFLAGS,   /* AT_* */
    SA_PROT,      /* PROT_* */
    SA_MFLAGS,    /* MAP_* */
    SA_FCNTL,     /* F_* command */
    SA_IOCTL,     /* ioctl request */
    SA_WHENCE,    /* SEEK_* */
    SA_SIGNAL,    /* SIG* */
    SA_SIGHOW,    /* SIG_BLOCK... */
    SA_CLOCK,     /* CLOCK_* */
    SA_MADV,      /* MADV_* */
    SA_PRCTL,     /* PR_* option */
} SysArgKind;

/* How -strace shows the result. */
typedef enum SysRetKind {
    SR_INT,       /* decimal, or -1 errno=N (text) */
    SR_HEX,       /* addresses (mmap, brk) */
    SR_OCT,       /* umask */
    SR_NONE,      /* does not return (exit) */
} SysRetKind;

/* A handler gets the CPU state and the six argument registers; it returns
 * the result or -errno in guest numbering. */
typedef guest_long SysHandler(void *env, const guest_ulong *arg);

typedef struct SyscallDef {
    int num;
    const char *name;
    SysHandler *fn;          /* NULL: known but not implemented (-ENOSYS) */
    uint8_t ret;             /* SysRetKind */
    uint8_t arg[6];          /* SysArgKind, SA_NONE after the last */
} SyscallDef;

/* ---- structure layouts (struct.c) ---- */

enum { SF_NUM, SF_BYTES };

/* One field: where it is in the guest's structure and in the host's.  An
 * SF_NUM field is an integer of 1, 2, 4 or 8 bytes on each side, widened
 * by the signedness of the side it is read from; an SF_BYTES field is a
 * byte copy of min(gsize, hsize) with the rest zeroed. */
typedef struct StructField {
    uint16_t goff, gsize, hoff, hsize;
    uint8_t kind, gsigned, hsigned;
} StructField;

typedef struct StructLayout {
    const char *name;
    size_t gsize, hsize;
    const StructField *f;
    size_t n;
} StructLayout;

/* The structures an ABI describes.  The host side of each is the host's
 * kernel structure (or, for SL_IOVEC, struct SysIovec). */
typedef enum SysLayoutId {
    SL_STAT, SL_STATFS, SL_FLOCK, SL_TERMIOS, SL_WINSIZE, SL_TIMESPEC,
    SL_TIMEVAL, SL_RLIMIT, SL_RUSAGE, SL_SYSINFO, SL_TMS, SL_UTSNAME,
    SL_IOVEC, SL_COUNT
} SysLayoutId;

/* An iovec as the handlers see it, whatever the guest's word size. */
typedef struct SysIovec {
    guest_addr base;
    guest_ulong len;
} SysIovec;

/* Convert one host structure into guest memory at g / a guest structure
 * into host memory.  0 or -EFAULT (in guest numbering). */
guest_long sys_put(SysLayoutId id, guest_addr g, const void *host);
guest_long sys_get(SysLayoutId id, void *host, guest_addr g);
/* Size of the guest's structure. */
size_t sys_guest_size(SysLayoutId id);
/* The aarch64 (asm-generic, 64-bit) layouts, indexed by SysLayoutId. */
extern const StructLayout *const sys_layouts_generic64[SL_COUNT];

/* ---- flag tables (flags.c) ---- */

/* A flag or a multi-bit field value.  mask 0 means a single-bit flag
 * (mask = guest on the guest side, host on the host side); otherwise the
 * row matches when (value & mask) == guest (host).  Tables end with a row
 * whose name is NULL. */
typedef struct SysFlag {
    uint64_t mask, guest, host;
    const char *name;
} SysFlag;

/* Bits in no row pass through unchanged. */
uint64_t sys_flags_to_host(const SysFlag *t, uint64_t guest);
uint64_t sys_flags_to_guest(const SysFlag *t, uint64_t host);
/* Append "A|B|0x..." for a guest value to buf (size bytes). */
void sys_flags_format(char *buf, size_t size, const SysFlag *t, uint64_t guest);
/* Name of a value in a table of plain values (mask ~0), or NULL. */
const char *sys_value_name(const SysFlag *t, uint64_t guest);

extern const SysFlag sys_open_flags_aarch64[];
extern const SysFlag sys_open_flags_generic[];
extern const SysFlag sys_at_flags[], sys_prot_flags[], sys_map_flags[];
extern const SysFlag sys_fcntl_cmds[], sys_whence_names[], sys_signal_names[];
extern const SysFlag sys_sighow_names[], sys_clock_names[], sys_madv_names[];
extern const SysFlag sys_prctl_names[];

/* ---- the guest ABI ---- */

typedef struct GuestABI {
    const char *name;
    const char *uname_machine;        /* uname(2) machine */
    const SyscallDef *table;          /* rows, any order */
    size_t table_len;
    unsigned syscall_insn_len;        /* bytes of the trap instruction */
    const SysFlag *open_flags;        /* O_* (also F_GETFL/F_SETFL) */
    const int16_t *errno_to_guest;    /* host errno -> guest; NULL: same */
    size_t errno_count;
    const StructLayout *const *layouts;   /* SL_COUNT entries */
    /* Write /proc/cpuinfo for this guest to f. */
    void (*cpuinfo)(FILE *f, void *env);
} GuestABI;

extern const GuestABI *sys_abi;
extern const GuestABI sys_abi_aarch64;

/* Row for a syscall number, or NULL (syscall.c). */
const SyscallDef *sys_lookup(int num);

/* ---- results and errors (syscall.c) ---- */

/* -errno in guest numbering for a host errno value. */
guest_long sys_err(int host_errno);
/* The guest result for a libc call that returned r (-1 with errno set). */
static inline guest_long sys_ret(long r)
{
    return r == -1 ? sys_err(errno) : r;
}
/* The guest result for a raw host syscall result (-errno on failure). */
static inline guest_long sys_raw_ret(long r)
{
    return r < 0 && r > -4096 ? sys_err((int)-r) : r;
}
/* Report a guest-requested feature we do not have, once per key (a tag
 * in bits 62:48 and a value), under -d unimp, naming the guest pc. */
void sys_unimp(void *env, uint64_t key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- guest memory (uaccess.c) ---- */

/* Host pointer to len guest bytes that are readable, or NULL. */
const void *sys_read_ptr(guest_addr a, size_t len);
/* Host pointer to len guest bytes the host may write, or NULL (lifts code
 * watching on the range). */
void *sys_write_ptr(guest_addr a, size_t len);
/* 0 or -EFAULT. */
guest_long sys_copy_from(void *dst, guest_addr src, size_t len);
guest_long sys_copy_to(guest_addr dst, const void *src, size_t len);
/* Copy a NUL-terminated guest string: 0, -EFAULT or -ENAMETOOLONG. */
guest_long sys_get_string(char *buf, size_t size, guest_addr a);

/* A guest path and the host path to use for it (-L, /proc/self/exe). */
typedef struct SysPath {
    char guest[PATH_MAX];
    char buf[PATH_MAX];
    const char *host;
} SysPath;
/* Fetch the guest path at a and rewrite it: 0, -EFAULT, -ENAMETOOLONG. */
guest_long sys_get_path(SysPath *p, guest_addr a);

/* ---- path.c ---- */
void sys_path_init(const char *sysroot);

/* ---- procfs.c ---- */
/* Open an emulated /proc file: an fd, a -errno, or SYS_NOT_PROC. */
#define SYS_NOT_PROC ((guest_long)-100000)
guest_long sys_procfs_open(void *env, const char *path, int host_flags);
/* readlink of an emulated link (/proc/self/exe): the target or NULL. */
const char *sys_procfs_link(const char *path);
/* The host path a guest path names when it is /proc/self/exe, or NULL. */
const char *sys_procfs_exe_alias(const char *path);
/* /proc/cpuinfo of an aarch64 guest (GuestABI.cpuinfo). */
void sys_cpuinfo_aarch64(FILE *f, void *env);

/* ---- ioctl.c ---- */
guest_long sys_ioctl_dispatch(void *env, int fd, guest_ulong req, guest_ulong arg);
const char *sys_ioctl_name(guest_ulong req);

/* ---- strace.c ---- */
bool sys_strace_on(void);
void sys_strace_enter(const SyscallDef *d, int num, const guest_ulong *arg);
void sys_strace_exit(const SyscallDef *d, guest_long ret);
/* End a started strace line before another log line is printed. */
void sys_strace_break(void);

/* ---- handlers, by file ---- */

/* ipc.c */
SysHandler sys_msgget, sys_msgsnd, sys_msgrcv, sys_msgctl, sys_semget, sys_semop,
    sys_semtimedop, sys_semctl, sys_shmget, sys_shmctl, sys_shmat, sys_shmdt,
    sys_mq_open, sys_mq_unlink, sys_mq_timedsend, sys_mq_timedreceive, sys_mq_notify,
    sys_mq_getsetattr;

/* file.c */
SysHandler sys_read, sys_write, sys_readv, sys_writev, sys_pread64, sys_pwrite64,
    sys_preadv, sys_pwritev, sys_openat, sys_close, sys_close_range, sys_lseek,
    sys_dup, sys_dup3, sys_fcntl, sys_pipe2, sys_fsync, sys_fdatasync, sys_sync,
    sys_ftruncate, sys_fallocate, sys_sendfile, sys_copy_file_range,
    sys_memfd_create, sys_ioctl, sys_flock;
/* fs.c */
SysHandler sys_fstat, sys_newfstatat, sys_statx, sys_faccessat, sys_faccessat2,
    sys_readlinkat, sys_fchmod, sys_fchmodat, sys_fchown, sys_fchownat,
    sys_utimensat, sys_truncate, sys_statfs, sys_fstatfs, sys_umask,
    sys_getdents64, sys_getcwd, sys_chdir, sys_fchdir, sys_mkdirat,
    sys_mknodat, sys_unlinkat, sys_renameat, sys_renameat2, sys_linkat,
    sys_symlinkat;
/* mem.c */
SysHandler sys_mmap, sys_munmap, sys_mprotect, sys_mremap, sys_brk, sys_madvise,
    sys_msync, sys_mlock, sys_munlock, sys_mlockall, sys_munlockall, sys_mincore;
/* time.c */
SysHandler sys_ppoll, sys_pselect6;
SysHandler sys_clock_gettime, sys_clock_getres, sys_clock_nanosleep,
    sys_gettimeofday, sys_nanosleep, sys_times, sys_getitimer, sys_setitimer;
/* proc.c */
SysHandler sys_exit_group, sys_getpid, sys_getppid, sys_gettid,
    sys_getuid, sys_geteuid, sys_getgid, sys_getegid, sys_getresuid,
    sys_getresgid, sys_getgroups, sys_setuid, sys_setgid, sys_setreuid,
    sys_setregid, sys_setresuid, sys_setresgid, sys_setfsuid, sys_setfsgid,
    sys_setgroups, sys_uname, sys_sysinfo, sys_getrandom,
    sys_prlimit64, sys_getrlimit,
    sys_setrlimit, sys_getrusage, sys_sched_yield, sys_sched_getaffinity,
    sys_getcpu, sys_prctl, sys_personality, sys_getpgid, sys_setpgid,
    sys_getsid, sys_setsid, sys_getpriority, sys_setpriority;
/* signals.c */
SysHandler sys_kill, sys_tkill, sys_tgkill, sys_rt_sigaction,
    sys_rt_sigprocmask, sys_rt_sigreturn, sys_rt_sigpending,
    sys_rt_sigsuspend, sys_rt_sigtimedwait, sys_rt_sigqueueinfo,
    sys_rt_tgsigqueueinfo, sys_sigaltstack, sys_wait4, sys_waitid;
/* thread.c (sys_clone too; exit and the tid/robust-list records of a
 * thread replace proc.c's) */
SysHandler sys_clone3, sys_thread_exit, sys_thread_set_tid_address,
    sys_thread_set_robust_list, sys_thread_get_robust_list, sys_futex,
    sys_futex_waitv, sys_futex_wake, sys_futex_wait, sys_futex_requeue, sys_membarrier, sys_sched_setaffinity, sys_sched_setparam,
    sys_sched_getparam, sys_sched_setscheduler, sys_sched_getscheduler,
    sys_sched_get_priority_max, sys_sched_get_priority_min,
    sys_sched_rr_get_interval, sys_sched_setattr, sys_sched_getattr;
/* process.c: fork-like clones (the thread layer's clone calls this when
 * flags lack CLONE_VM or have CLONE_VFORK); a pid, 0 in the child, -errno. */
guest_long sys_clone_process(void *env, guest_ulong flags, guest_addr newsp, guest_addr ptid,
                             guest_addr tls, guest_addr ctid);
SysHandler sys_clone, sys_execve, sys_execveat, sys_pidfd_open,
    sys_pidfd_send_signal, sys_pidfd_getfd;
/* net.c */
SysHandler sys_socket, sys_socketpair, sys_bind, sys_listen, sys_accept,
    sys_accept4, sys_connect, sys_getsockname, sys_getpeername, sys_sendto,
    sys_recvfrom, sys_setsockopt, sys_getsockopt, sys_shutdown, sys_sendmsg,
    sys_recvmsg, sys_sendmmsg, sys_recvmmsg;
/* Read cnt guest iovecs at g into host iov (at most 1024), each buffer
 * checked for the host to write (to_guest) or read: 0 or -errno (net.c). */
struct iovec;
guest_long sys_iovec_read(struct iovec *iov, guest_addr g, guest_ulong cnt, bool to_guest);
/* Convert one structure in host memory through a layout that is not one
 * of the ABI's SysLayoutId ones: guest bytes to host (to_guest false) or
 * host to guest; the destination's padding is zeroed (net.c). */
void sys_layout_conv(const StructLayout *l, void *dst, const void *src, bool to_guest);
/* event.c */
/* After a read of n bytes into buf from fd: guest signal numbers in what
 * a signalfd returned.  Forget fd as a signalfd (close). */
void sys_signalfd_read_done(int fd, void *buf, long n);
void sys_signalfd_forget(int fd);
SysHandler sys_epoll_create1, sys_epoll_ctl, sys_epoll_pwait, sys_epoll_pwait2,
    sys_eventfd2, sys_timerfd_create, sys_timerfd_settime, sys_timerfd_gettime,
    sys_signalfd4, sys_inotify_init1, sys_inotify_add_watch, sys_inotify_rm_watch,
    sys_splice, sys_tee, sys_vmsplice, sys_setxattr, sys_lsetxattr, sys_fsetxattr,
    sys_getxattr, sys_lgetxattr, sys_fgetxattr, sys_listxattr, sys_llistxattr,
    sys_flistxattr, sys_removexattr, sys_lremovexattr, sys_fremovexattr,
    sys_fanotify_init, sys_fanotify_mark, sys_name_to_handle_at,
    sys_open_by_handle_at;

#endif
