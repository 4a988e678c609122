/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -strace: one log line per system call, QEMU-style,
 *
 *   PID name(arg,arg,...) = result
 *
 * The call and its arguments are printed before the call runs (so a call
 * that blocks or never returns, like exit_group, still shows), the result
 * after.  Arguments are decoded from the row's kinds: strings quoted and
 * cut, file descriptors and AT_FDCWD, O_*, AT_*, PROT_*, MAP_* flags
 * symbolic, commands and signals by name, pointers in hex.  Errors read
 * "-1 errno=N (text)"; mmap, mremap and brk results are hex.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"
#include "util/log.h"

#define PATH_SHOWN 256      /* characters of a path before "..." */
#define BUF_SHOWN 32        /* bytes of a write buffer before "..." */

/* A line being built. */
typedef struct Line {
    char s[1024];
    size_t len;
} Line;

static void put(Line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Line *l, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (l->len >= sizeof(l->s) - 1)
        return;
    va_start(ap, fmt);
    n = vsnprintf(l->s + l->len, sizeof(l->s) - l->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        l->len += (size_t)n;
    if (l->len > sizeof(l->s) - 1)
        l->len = sizeof(l->s) - 1;
}

/* The call whose line this thread has started but not ended, if any:
 * a report printed meanwhile (sys_strace_break) ends the line, and the
 * result then comes as "PID <... name resumed> = result", as strace does. */
static __thread const char *pending_name;   /* NULL for an unknown number */
static __thread int pending_num;
static __thread bool pending, pending_broken;

bool sys_strace_on(void)
{
    return user_opts.strace || log_enabled(LOG_STRACE);
}

/* Quote n bytes as a C string; "..." after if more. */
static void put_quoted(Line *l, const char *p, size_t n, bool more)
{
    put(l, "\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        switch (c) {
        case '"': put(l, "\\\""); break;
        case '\\': put(l, "\\\\"); break;
        case '\n': put(l, "\\n"); break;
        case '\t': put(l, "\\t"); break;
        default:
            if (c >= 32 && c < 127)
                put(l, "%c", c);
            else
                put(l, "\\%o", c);
        }
    }
    put(l, more ? "\"..." : "\"");
}

static void put_path(Line *l, guest_addr a)
{
    char s[PATH_SHOWN + 1];
    size_t i;

    if (!a) {
        put(l, "NULL");
        return;
    }
    /* Byte by byte within the readable prefix, up to PATH_SHOWN. */
    for (i = 0; i < PATH_SHOWN; i++) {
        const char *p = sys_read_ptr(a + i, 1);
        if (!p)
            break;
        s[i] = *p;
        if (!*p)
            break;
    }
    if (i == 0 && !sys_read_ptr(a, 1))
        put(l, "0x%" PRIx64, a);
    else
        put_quoted(l, s, i, i == PATH_SHOWN);
}

static void put_buf(Line *l, guest_addr a, guest_ulong count)
{
    size_t n = count < BUF_SHOWN ? (size_t)count : BUF_SHOWN;
    const char *p = sys_read_ptr(a, n);

    if (!p)
        put(l, "0x%" PRIx64, a);
    else
        put_quoted(l, p, n, count > n);
}

static void put_flags(Line *l, const SysFlag *t, guest_ulong v)
{
    char s[256];

    sys_flags_format(s, sizeof(s), t, v);
    put(l, "%s", s);
}

/* A name from a value table, or the number. */
static void put_named(Line *l, const char *name, guest_ulong v)
{
    if (name)
        put(l, "%s", name);
    else
        put(l, "%" PRId64, (int64_t)v);
}

static void put_arg(Line *l, int kind, guest_ulong v, guest_ulong next)
{
    switch (kind) {
    case SA_INT: case SA_FD: put(l, "%d", (int)v); break;
    case SA_LONG: put(l, "%" PRId64, (int64_t)v); break;
    case SA_ULONG: put(l, "%" PRIu64, v); break;
    case SA_OCT: v ? put(l, "0%" PRIo64, v) : put(l, "0"); break;
    case SA_PTR: v ? put(l, "0x%" PRIx64, v) : put(l, "NULL"); break;
    case SA_DIRFD: (int)v == -100 ? put(l, "AT_FDCWD") : put(l, "%d", (int)v); break;
    case SA_PATH: put_path(l, v); break;
    case SA_BUF: put_buf(l, v, next); break;
    case SA_OFLAGS: put_flags(l, sys_abi->open_flags, (uint32_t)v); break;
    case SA_ATFLAGS: put_flags(l, sys_at_flags, (uint32_t)v); break;
    case SA_PROT: v ? put_flags(l, sys_prot_flags, v) : put(l, "PROT_NONE"); break;
    case SA_MFLAGS: put_flags(l, sys_map_flags, v); break;
    case SA_FCNTL: put_named(l, sys_value_name(sys_fcntl_cmds, (uint32_t)v), v); break;
    case SA_IOCTL: {
        const char *name = sys_ioctl_name(v);
        name ? put(l, "%s", name) : put(l, "0x%" PRIx64, v);
        break;
    }
    case SA_WHENCE: put_named(l, sys_value_name(sys_whence_names, (uint32_t)v), v); break;
    case SA_SIGNAL: put_named(l, sys_value_name(sys_signal_names, (uint32_t)v), v); break;
    case SA_SIGHOW: put_named(l, sys_value_name(sys_sighow_names, (uint32_t)v), v); break;
    case SA_CLOCK: put_named(l, sys_value_name(sys_clock_names, (uint32_t)v), v); break;
    case SA_MADV: put_named(l, sys_value_name(sys_madv_names, (uint32_t)v), v); break;
    case SA_PRCTL: put_named(l, sys_value_name(sys_prctl_names, (uint32_t)v), v); break;
    default: put(l, "0x%" PRIx64, v); break;
    }
}

void sys_strace_enter(const SyscallDef *d, int num, const guest_ulong *arg)
{
    Line l = { .len = 0 };
    bool known_args = d && (d->fn || d->arg[0] != SA_NONE);

    put(&l, "%d ", (int)getpid());
    if (d)
        put(&l, "%s(", d->name);
    else
        put(&l, "syscall_%d(", num);
    for (int i = 0; i < 6; i++) {
        int kind = known_args ? d->arg[i] : SA_HEX;
        if (kind == SA_NONE)
            break;
        put(&l, i ? "," : "");
        put_arg(&l, kind, arg[i], i < 5 ? arg[i + 1] : 0);
    }
    put(&l, ")");
    if (d && d->ret == SR_NONE)
        put(&l, "\n");
    log_printf("%s", l.s);
    pending = true;
    pending_name = d ? d->name : NULL;
    pending_num = num;
    pending_broken = false;
}

void sys_strace_break(void)
{
    if (pending && !pending_broken) {
        log_printf("\n");
        pending_broken = true;
    }
}

void sys_strace_exit(const SyscallDef *d, guest_long ret)
{
    int kind = d ? d->ret : SR_INT;

    if (kind == SR_NONE)
        return;
    if (pending_broken && pending_name)
        log_printf("%d <... %s resumed>", (int)getpid(), pending_name);
    else if (pending_broken)
        log_printf("%d <... syscall_%d resumed>", (int)getpid(), pending_num);
    pending = pending_broken = false;
    if (ret == SYSCALL_NO_RESULT) {
        log_printf(" = ?\n");
        return;
    }
    /* Errors are guest -errno; the text assumes guest errno == host's. */
    if (ret < 0 && ret >= -4095) {
        log_printf(" = -1 errno=%d (%s)\n", (int)-ret, strerror((int)-ret));
        return;
    }
    switch (kind) {
    case SR_HEX: log_printf(" = 0x%" PRIx64 "\n", (uint64_t)ret); break;
    case SR_OCT: log_printf(" = 0%" PRIo64 "\n", (uint64_t)ret); break;
    default: log_printf(" = %" PRId64 "\n", (int64_t)ret); break;
    }
}
