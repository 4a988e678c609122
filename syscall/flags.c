/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Flag and value tables: how a guest ABI encodes O_* open flags (converted
 * to the host's, both ways, for openat, fcntl F_GETFL/F_SETFL, dup3,
 * pipe2), and the names -strace shows for AT_*, PROT_*, MAP_*, F_*, SEEK_*,
 * signals, clocks, MADV_* and PR_* values.
 *
 * Values are written as numbers from the kernel's uapi headers rather than
 * taken from the host's: the arm64 guest's O_DIRECTORY, O_NOFOLLOW,
 * O_DIRECT and O_LARGEFILE (arch/arm64/include/uapi/asm/fcntl.h) differ
 * from the asm-generic ones that x86-64 and riscv64 use, and glibc defines
 * O_LARGEFILE as 0 on 64-bit hosts although the kernel reports it.
 */
#include <inttypes.h>
#include <string.h>
#include "syscall.h"

/* A single-bit flag: guest value, host value. */
#define FL(g, h, name) { 0, g, h, name }
/* A value of the multi-bit field mask. */
#define FV(mask, g, h, name) { mask, g, h, name }
/* Names only (-strace): the value as the guest passes it. */
#define NF(v, name) { 0, v, v, name }
#define NV(v, name) { ~0ull, v, v, name }
#define END { 0, 0, 0, NULL }

/* ---- O_*: the arm64 guest and the x86-64 host ---- */

#define OPEN_COMMON_FLAGS \
    FV(3, 0, 0, "O_RDONLY"), FV(3, 1, 1, "O_WRONLY"), FV(3, 2, 2, "O_RDWR"), \
    FL(0100, 0100, "O_CREAT"), FL(0200, 0200, "O_EXCL"), \
    FL(0400, 0400, "O_NOCTTY"), FL(01000, 01000, "O_TRUNC"), \
    FL(02000, 02000, "O_APPEND"), FL(04000, 04000, "O_NONBLOCK"), \
    FL(010000, 010000, "O_DSYNC"), FL(020000, 020000, "O_ASYNC")

#define OPEN_TAIL_FLAGS \
    FL(01000000, 01000000, "O_NOATIME"), FL(02000000, 02000000, "O_CLOEXEC"), \
    FL(04000000, 04000000, "O_SYNC"), FL(010000000, 010000000, "O_PATH"), \
    FL(020000000, 020000000, "O_TMPFILE")

const SysFlag sys_open_flags_aarch64[] = {
    OPEN_COMMON_FLAGS,
    FL(040000, 0200000, "O_DIRECTORY"),
    FL(0100000, 0400000, "O_NOFOLLOW"),
    FL(0200000, 040000, "O_DIRECT"),
    FL(0400000, 0100000, "O_LARGEFILE"),
    OPEN_TAIL_FLAGS,
    END
};

/* asm-generic (riscv64, loongarch64...): the same bits as the host. */
const SysFlag sys_open_flags_generic[] = {
    OPEN_COMMON_FLAGS,
    FL(040000, 040000, "O_DIRECT"),
    FL(0100000, 0100000, "O_LARGEFILE"),
    FL(0200000, 0200000, "O_DIRECTORY"),
    FL(0400000, 0400000, "O_NOFOLLOW"),
    OPEN_TAIL_FLAGS,
    END
};

/* ---- names for -strace (linux/fcntl.h, mman-common.h, ...) ---- */

const SysFlag sys_at_flags[] = {
    NF(0x100, "AT_SYMLINK_NOFOLLOW"), NF(0x200, "AT_REMOVEDIR"),
    NF(0x400, "AT_SYMLINK_FOLLOW"), NF(0x800, "AT_NO_AUTOMOUNT"),
    NF(0x1000, "AT_EMPTY_PATH"), NF(0x2000, "AT_STATX_FORCE_SYNC"),
    NF(0x4000, "AT_STATX_DONT_SYNC"), NF(0x8000, "AT_RECURSIVE"),
    END
};

const SysFlag sys_prot_flags[] = {
    NF(1, "PROT_READ"), NF(2, "PROT_WRITE"), NF(4, "PROT_EXEC"),
    NF(0x10, "PROT_BTI"), NF(0x20, "PROT_MTE"),
    NF(0x01000000, "PROT_GROWSDOWN"), NF(0x02000000, "PROT_GROWSUP"),
    END
};

const SysFlag sys_map_flags[] = {
    FV(3, 1, 1, "MAP_SHARED"), FV(3, 2, 2, "MAP_PRIVATE"),
    FV(3, 3, 3, "MAP_SHARED_VALIDATE"),
    NF(0x10, "MAP_FIXED"), NF(0x20, "MAP_ANONYMOUS"), NF(0x100, "MAP_GROWSDOWN"),
    NF(0x800, "MAP_DENYWRITE"), NF(0x1000, "MAP_EXECUTABLE"),
    NF(0x2000, "MAP_LOCKED"), NF(0x4000, "MAP_NORESERVE"),
    NF(0x8000, "MAP_POPULATE"), NF(0x10000, "MAP_NONBLOCK"),
    NF(0x20000, "MAP_STACK"), NF(0x40000, "MAP_HUGETLB"), NF(0x80000, "MAP_SYNC"),
    NF(0x100000, "MAP_FIXED_NOREPLACE"),
    END
};

const SysFlag sys_fcntl_cmds[] = {
    NV(0, "F_DUPFD"), NV(1, "F_GETFD"), NV(2, "F_SETFD"), NV(3, "F_GETFL"),
    NV(4, "F_SETFL"), NV(5, "F_GETLK"), NV(6, "F_SETLK"), NV(7, "F_SETLKW"),
    NV(8, "F_SETOWN"), NV(9, "F_GETOWN"), NV(10, "F_SETSIG"), NV(11, "F_GETSIG"),
    NV(15, "F_SETOWN_EX"), NV(16, "F_GETOWN_EX"), NV(36, "F_OFD_GETLK"),
    NV(37, "F_OFD_SETLK"), NV(38, "F_OFD_SETLKW"), NV(1024, "F_SETLEASE"),
    NV(1025, "F_GETLEASE"), NV(1026, "F_NOTIFY"), NV(1030, "F_DUPFD_CLOEXEC"),
    NV(1031, "F_SETPIPE_SZ"), NV(1032, "F_GETPIPE_SZ"), NV(1033, "F_ADD_SEALS"),
    NV(1034, "F_GET_SEALS"),
    END
};

const SysFlag sys_whence_names[] = {
    NV(0, "SEEK_SET"), NV(1, "SEEK_CUR"), NV(2, "SEEK_END"), NV(3, "SEEK_DATA"),
    NV(4, "SEEK_HOLE"),
    END
};

const SysFlag sys_signal_names[] = {
    NV(1, "SIGHUP"), NV(2, "SIGINT"), NV(3, "SIGQUIT"), NV(4, "SIGILL"),
    NV(5, "SIGTRAP"), NV(6, "SIGABRT"), NV(7, "SIGBUS"), NV(8, "SIGFPE"),
    NV(9, "SIGKILL"), NV(10, "SIGUSR1"), NV(11, "SIGSEGV"), NV(12, "SIGUSR2"),
    NV(13, "SIGPIPE"), NV(14, "SIGALRM"), NV(15, "SIGTERM"), NV(16, "SIGSTKFLT"),
    NV(17, "SIGCHLD"), NV(18, "SIGCONT"), NV(19, "SIGSTOP"), NV(20, "SIGTSTP"),
    NV(21, "SIGTTIN"), NV(22, "SIGTTOU"), NV(23, "SIGURG"), NV(24, "SIGXCPU"),
    NV(25, "SIGXFSZ"), NV(26, "SIGVTALRM"), NV(27, "SIGPROF"), NV(28, "SIGWINCH"),
    NV(29, "SIGIO"), NV(30, "SIGPWR"), NV(31, "SIGSYS"),
    END
};

const SysFlag sys_sighow_names[] = {
    NV(0, "SIG_BLOCK"), NV(1, "SIG_UNBLOCK"), NV(2, "SIG_SETMASK"),
    END
};

const SysFlag sys_clock_names[] = {
    NV(0, "CLOCK_REALTIME"), NV(1, "CLOCK_MONOTONIC"),
    NV(2, "CLOCK_PROCESS_CPUTIME_ID"), NV(3, "CLOCK_THREAD_CPUTIME_ID"),
    NV(4, "CLOCK_MONOTONIC_RAW"), NV(5, "CLOCK_REALTIME_COARSE"),
    NV(6, "CLOCK_MONOTONIC_COARSE"), NV(7, "CLOCK_BOOTTIME"),
    NV(8, "CLOCK_REALTIME_ALARM"), NV(9, "CLOCK_BOOTTIME_ALARM"), NV(11, "CLOCK_TAI"),
    END
};

const SysFlag sys_madv_names[] = {
    NV(0, "MADV_NORMAL"), NV(1, "MADV_RANDOM"), NV(2, "MADV_SEQUENTIAL"),
    NV(3, "MADV_WILLNEED"), NV(4, "MADV_DONTNEED"), NV(8, "MADV_FREE"),
    NV(9, "MADV_REMOVE"), NV(10, "MADV_DONTFORK"), NV(11, "MADV_DOFORK"),
    NV(12, "MADV_MERGEABLE"), NV(13, "MADV_UNMERGEABLE"), NV(14, "MADV_HUGEPAGE"),
    NV(15, "MADV_NOHUGEPAGE"), NV(16, "MADV_DONTDUMP"), NV(17, "MADV_DODUMP"),
    NV(18, "MADV_WIPEONFORK"), NV(19, "MADV_KEEPONFORK"), NV(20, "MADV_COLD"),
    NV(21, "MADV_PAGEOUT"), NV(22, "MADV_POPULATE_READ"),
    NV(23, "MADV_POPULATE_WRITE"), NV(24, "MADV_DONTNEED_LOCKED"),
    NV(25, "MADV_COLLAPSE"),
    END
};

const SysFlag sys_prctl_names[] = {
    NV(1, "PR_SET_PDEATHSIG"), NV(2, "PR_GET_PDEATHSIG"), NV(3, "PR_GET_DUMPABLE"),
    NV(4, "PR_SET_DUMPABLE"), NV(7, "PR_GET_KEEPCAPS"), NV(8, "PR_SET_KEEPCAPS"),
    NV(15, "PR_SET_NAME"), NV(16, "PR_GET_NAME"), NV(21, "PR_GET_SECCOMP"),
    NV(22, "PR_SET_SECCOMP"), NV(23, "PR_CAPBSET_READ"), NV(24, "PR_CAPBSET_DROP"),
    NV(29, "PR_SET_TIMERSLACK"), NV(30, "PR_GET_TIMERSLACK"), NV(35, "PR_SET_MM"),
    NV(36, "PR_SET_CHILD_SUBREAPER"), NV(37, "PR_GET_CHILD_SUBREAPER"),
    NV(38, "PR_SET_NO_NEW_PRIVS"), NV(39, "PR_GET_NO_NEW_PRIVS"),
    NV(41, "PR_SET_THP_DISABLE"), NV(42, "PR_GET_THP_DISABLE"),
    NV(47, "PR_CAP_AMBIENT"), NV(50, "PR_SVE_SET_VL"), NV(51, "PR_SVE_GET_VL"),
    NV(52, "PR_GET_SPECULATION_CTRL"), NV(53, "PR_SET_SPECULATION_CTRL"),
    NV(54, "PR_PAC_RESET_KEYS"), NV(55, "PR_SET_TAGGED_ADDR_CTRL"),
    NV(56, "PR_GET_TAGGED_ADDR_CTRL"), NV(60, "PR_PAC_SET_ENABLED_KEYS"),
    NV(61, "PR_PAC_GET_ENABLED_KEYS"), NV(63, "PR_SME_SET_VL"),
    NV(64, "PR_SME_GET_VL"), NV(65, "PR_SET_MDWE"), NV(66, "PR_GET_MDWE"),
    NV(0x53564d41, "PR_SET_VMA"),
    END
};

/* ---- conversion and formatting ---- */

/* Convert v with rows read from one side (from) to the other (to). */
static uint64_t convert(const SysFlag *t, uint64_t v, bool to_host)
{
    uint64_t out = 0, handled = 0;

    for (; t->name; t++) {
        uint64_t from = to_host ? t->guest : t->host;
        uint64_t to = to_host ? t->host : t->guest;

        if (t->mask) {
            if ((v & t->mask) == from)
                out |= to;
            handled |= t->mask;
        } else {
            if (v & from)
                out |= to;
            handled |= from;
        }
    }
    return out | (v & ~handled);
}

uint64_t sys_flags_to_host(const SysFlag *t, uint64_t guest)
{
    return convert(t, guest, true);
}

uint64_t sys_flags_to_guest(const SysFlag *t, uint64_t host)
{
    return convert(t, host, false);
}

/* Append s to buf, '|'-separated, keeping it NUL-terminated. */
static void append(char *buf, size_t size, const char *s)
{
    size_t len = strlen(buf);

    if (len && len + 1 < size)
        buf[len++] = '|', buf[len] = 0;
    if (len < size)
        snprintf(buf + len, size - len, "%s", s);
}

void sys_flags_format(char *buf, size_t size, const SysFlag *t, uint64_t v)
{
    uint64_t rest = v;
    char hex[24];

    buf[0] = 0;
    for (; t->name; t++) {
        if (t->mask) {
            if ((v & t->mask) == t->guest) {
                append(buf, size, t->name);
                rest &= ~t->mask;
            }
        } else if (t->guest && (v & t->guest) == t->guest) {
            append(buf, size, t->name);
            rest &= ~t->guest;
        }
    }
    if (rest || !buf[0]) {
        snprintf(hex, sizeof(hex), "%#" PRIx64, rest);
        append(buf, size, hex);
    }
}

const char *sys_value_name(const SysFlag *t, uint64_t v)
{
    for (; t->name; t++)
        if (v == t->guest)
            return t->name;
    return NULL;
}
