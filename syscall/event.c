/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * File descriptors that deliver events, and the calls that move data
 * between descriptors or hang names and handles on files: epoll, eventfd,
 * timerfd, signalfd, inotify, fanotify, splice/tee/vmsplice, the extended
 * attribute family and name_to_handle_at/open_by_handle_at.
 *
 * Only one structure here differs between arm64 and x86-64: struct
 * epoll_event, which x86-64 packs (12 bytes, data at offset 4) and arm64
 * does not (16 bytes, data at offset 8); it crosses through a layout
 * description.  Events read from the descriptors themselves (the eventfd
 * counter, timerfd expirations, struct signalfd_siginfo, struct
 * inotify_event, fanotify metadata) have one layout on every Linux ABI and
 * are read straight into guest memory by read(2).  EFD_*, TFD_*, SFD_*,
 * IN_* and FAN_* creation flags are O_NONBLOCK/O_CLOEXEC, equal on arm64
 * and x86-64.
 *
 * signalfd: the host's signalfd on the guest's mask; the guest's blocked
 * mask is the host thread's (signal.c), so pending blocked signals arrive
 * through it, but a signal guise queued to the guest itself (kill of
 * ourselves) does not.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"
#include "linux-user/signal-map.h"
#include "util/fdpath.h"

#define KSIGSET_SIZE 8
/* Events fetched per epoll wait: the guest may ask for more, the kernel
 * may return fewer than asked. */
#define EPOLL_BATCH 1024
#define XATTR_SIZE_MAX_G 65536

/* ---- epoll ---- */

struct g64_epoll_event {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
};

static const StructField epoll_event_fields[] = {
    { offsetof(struct g64_epoll_event, events), 4, offsetof(struct epoll_event, events), 4,
      SF_NUM, 0, 0 },
    { offsetof(struct g64_epoll_event, data), 8, offsetof(struct epoll_event, data), 8,
      SF_NUM, 0, 0 },
};
static const StructLayout epoll_event_layout = {
    "struct epoll_event", sizeof(struct g64_epoll_event), sizeof(struct epoll_event),
    epoll_event_fields, 2,
};

guest_long sys_epoll_create1(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(epoll_create1((int)a[0]));
}

guest_long sys_epoll_ctl(void *env, const guest_ulong *a)
{
    struct g64_epoll_event g;
    struct epoll_event ev;
    int op = (int)a[1];

    (void)env;
    if (op == EPOLL_CTL_DEL || !a[3])
        return sys_ret(epoll_ctl((int)a[0], op, (int)a[2], a[3] ? &ev : NULL));
    if (sys_copy_from(&g, a[3], sizeof(g)) < 0)
        return sys_err(EFAULT);
    sys_layout_conv(&epoll_event_layout, &ev, &g, false);
    return sys_ret(epoll_ctl((int)a[0], op, (int)a[2], &ev));
}

/* epoll_pwait/epoll_pwait2: wait on the host, convert the events out. */
static guest_long epoll_wait_common(const guest_ulong *a, const struct timespec *ts,
                                    int timeout_ms, bool pwait2)
{
    int maxevents = (int)a[2];
    size_t n = maxevents > EPOLL_BATCH ? EPOLL_BATCH : (size_t)(maxevents > 0 ? maxevents : 1);
    size_t gsize = sizeof(struct g64_epoll_event);
    struct epoll_event ev[EPOLL_BATCH];
    uint64_t mask, hmask = 0, old = 0;
    long r;

    if (maxevents <= 0)
        return sys_err(EINVAL);
    if (!sys_write_ptr(a[1], (size_t)maxevents * gsize))
        return sys_err(EFAULT);
    if (a[4]) {
        if (a[5] != KSIGSET_SIZE)
            return sys_err(EINVAL);
        if (sys_copy_from(&mask, a[4], sizeof(mask)) < 0)
            return sys_err(EFAULT);
        old = signal_syscall_mask_begin(mask, &hmask);
    }
    if (pwait2)
        r = safe_syscall(SYS_epoll_pwait2, (int)a[0], (long)ev, (int)n, (long)ts,
                         a[4] ? (long)&hmask : 0, KSIGSET_SIZE);
    else
        r = safe_syscall(SYS_epoll_pwait, (int)a[0], (long)ev, (int)n, timeout_ms,
                         a[4] ? (long)&hmask : 0, KSIGSET_SIZE);
    if (a[4])
        signal_syscall_mask_end(old, r == -EINTR);
    if (r < 0)
        return sys_raw_ret(r);
    for (long i = 0; i < r; i++) {
        struct g64_epoll_event g;
        sys_layout_conv(&epoll_event_layout, &g, &ev[i], true);
        sys_copy_to(a[1] + (guest_addr)i * gsize, &g, gsize);
    }
    return r;
}

guest_long sys_epoll_pwait(void *env, const guest_ulong *a)
{
    (void)env;
    return epoll_wait_common(a, NULL, (int)a[3], false);
}

guest_long sys_epoll_pwait2(void *env, const guest_ulong *a)
{
    struct timespec ts;

    (void)env;
    if (a[3] && sys_get(SL_TIMESPEC, &ts, a[3]) < 0)
        return sys_err(EFAULT);
    return epoll_wait_common(a, a[3] ? &ts : NULL, -1, true);
}

/* ---- eventfd, timerfd, signalfd ---- */

guest_long sys_eventfd2(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_eventfd2, (unsigned)a[0], (int)a[1]));
}

guest_long sys_timerfd_create(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_timerfd_create, (int)a[0], (int)a[1]));
}

/* struct itimerspec: two struct timespec (interval, value). */
static guest_long itimerspec_get(struct timespec its[2], guest_addr g)
{
    size_t ts = sys_guest_size(SL_TIMESPEC);
    guest_long r = sys_get(SL_TIMESPEC, &its[0], g);

    return r < 0 ? r : sys_get(SL_TIMESPEC, &its[1], g + ts);
}

static guest_long itimerspec_put(guest_addr g, const struct timespec its[2])
{
    size_t ts = sys_guest_size(SL_TIMESPEC);
    guest_long r = sys_put(SL_TIMESPEC, g, &its[0]);

    return r < 0 ? r : sys_put(SL_TIMESPEC, g + ts, &its[1]);
}

guest_long sys_timerfd_settime(void *env, const guest_ulong *a)
{
    struct timespec nv[2], ov[2];
    guest_long r = itimerspec_get(nv, a[2]);

    (void)env;
    if (r < 0)
        return r;
    if (syscall(SYS_timerfd_settime, (int)a[0], (int)a[1], nv, a[3] ? ov : NULL) != 0)
        return sys_err(errno);
    return a[3] ? itimerspec_put(a[3], ov) : 0;
}

guest_long sys_timerfd_gettime(void *env, const guest_ulong *a)
{
    struct timespec cur[2];

    (void)env;
    if (syscall(SYS_timerfd_gettime, (int)a[0], cur) != 0)
        return sys_err(errno);
    return itimerspec_put(a[1], cur);
}

/* signalfd: the guest's set becomes a host set, and what the guest reads
 * from the descriptor gets guest signal numbers (struct signalfd_siginfo
 * is the same 128 bytes on both sides; only ssi_signo, its first word,
 * differs for real-time signals).  The descriptors are remembered here
 * (fds below SIGNALFD_TRACKED) so that read can convert. */
#define SIGNALFD_TRACKED 4096
#define SIGNALFD_INFO_SIZE 128
static uint64_t signalfd_fds[SIGNALFD_TRACKED / 64];

static bool signalfd_known(int fd)
{
    return fd >= 0 && fd < SIGNALFD_TRACKED &&
           (__atomic_load_n(&signalfd_fds[fd / 64], __ATOMIC_RELAXED) >> (fd % 64) & 1);
}

void sys_signalfd_forget(int fd)
{
    if (fd >= 0 && fd < SIGNALFD_TRACKED)
        __atomic_and_fetch(&signalfd_fds[fd / 64], ~(1ull << (fd % 64)), __ATOMIC_RELAXED);
}

/* The descriptor is still a signalfd (not closed and reused through
 * dup2, fcntl or another thread's close and open). */
static bool signalfd_still(int fd)
{
    char target[32];

    return fd_path(fd, target, sizeof(target)) && strcmp(target, "anon_inode:[signalfd]") == 0;
}

void sys_signalfd_read_done(int fd, void *buf, long n)
{
    if (n <= 0 || !signalfd_known(fd))
        return;
    if (!signalfd_still(fd)) {
        sys_signalfd_forget(fd);
        return;
    }
    for (long off = 0; off + SIGNALFD_INFO_SIZE <= n; off += SIGNALFD_INFO_SIZE) {
        uint32_t signo;
        memcpy(&signo, (char *)buf + off, sizeof(signo));
        signo = (uint32_t)signal_to_guest((int)signo);
        memcpy((char *)buf + off, &signo, sizeof(signo));
    }
}

guest_long sys_signalfd4(void *env, const guest_ulong *a)
{
    uint64_t mask;
    long fd;

    (void)env;
    if (a[2] != KSIGSET_SIZE)
        return sys_err(EINVAL);
    if (sys_copy_from(&mask, a[1], sizeof(mask)) < 0)
        return sys_err(EFAULT);
    mask = signal_mask_to_host(mask);
    fd = syscall(SYS_signalfd4, (int)a[0], &mask, (size_t)KSIGSET_SIZE, (int)a[3]);
    if (fd >= 0 && fd < SIGNALFD_TRACKED)
        __atomic_or_fetch(&signalfd_fds[fd / 64], 1ull << (fd % 64), __ATOMIC_RELAXED);
    return sys_ret(fd);
}

/* ---- inotify, fanotify ---- */

guest_long sys_inotify_init1(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_inotify_init1, (int)a[0]));
}

guest_long sys_inotify_add_watch(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_inotify_add_watch, (int)a[0], p.host, (uint32_t)a[2]));
}

guest_long sys_inotify_rm_watch(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_inotify_rm_watch, (int)a[0], (int)a[1]));
}

guest_long sys_fanotify_init(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_fanotify_init, (unsigned)a[0], (unsigned)a[1]));
}

guest_long sys_fanotify_mark(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = a[4] ? sys_get_path(&p, a[4]) : 0;

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_fanotify_mark, (int)a[0], (unsigned)a[1], (uint64_t)a[2],
                           (int)a[3], a[4] ? p.host : NULL));
}

/* ---- splice, tee, vmsplice ---- */

/* An optional guest loff_t in, for splice. */
static guest_long get_off(guest_addr g, int64_t *off)
{
    return g ? sys_copy_from(off, g, sizeof(*off)) : 0;
}

guest_long sys_splice(void *env, const guest_ulong *a)
{
    int64_t in_off, out_off;
    long r;

    (void)env;
    if (get_off(a[1], &in_off) < 0 || get_off(a[3], &out_off) < 0)
        return sys_err(EFAULT);
    r = syscall(SYS_splice, (int)a[0], a[1] ? &in_off : NULL, (int)a[2],
                a[3] ? &out_off : NULL, (size_t)a[4], (unsigned)a[5]);
    if (r < 0)
        return sys_err(errno);
    if ((a[1] && sys_copy_to(a[1], &in_off, sizeof(in_off)) < 0) ||
        (a[3] && sys_copy_to(a[3], &out_off, sizeof(out_off)) < 0))
        return sys_err(EFAULT);
    return r;
}

guest_long sys_tee(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(syscall(SYS_tee, (int)a[0], (int)a[1], (size_t)a[2], (unsigned)a[3]));
}

/* vmsplice into a pipe reads guest memory; out of a pipe writes it.
 * SPLICE_F_GIFT would hand guest pages to the kernel: it is only a hint. */
guest_long sys_vmsplice(void *env, const guest_ulong *a)
{
    struct iovec iov[1024];
    int fl = fcntl((int)a[0], F_GETFL);
    guest_long r;

    (void)env;
    if (fl < 0)
        return sys_err(errno);
    r = sys_iovec_read(iov, a[1], a[2], (fl & O_ACCMODE) == O_RDONLY);
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_vmsplice, (int)a[0], iov, (unsigned long)a[2],
                           (unsigned)a[3] & ~4u /* SPLICE_F_GIFT */));
}

/* ---- extended attributes ---- */

/* The twelve calls as (target kind, operation) rows: the target is a
 * path (following links or not) or an fd; names are strings, values
 * guest buffers. */
enum { XT_PATH, XT_LPATH, XT_FD };
enum { XO_SET, XO_GET, XO_LIST, XO_REMOVE };

static long xattr_host(int kind, int op, const void *target, const char *name, void *buf,
                       size_t size, int flags)
{
    static const long nr[3][4] = {
        { SYS_setxattr, SYS_getxattr, SYS_listxattr, SYS_removexattr },
        { SYS_lsetxattr, SYS_lgetxattr, SYS_llistxattr, SYS_lremovexattr },
        { SYS_fsetxattr, SYS_fgetxattr, SYS_flistxattr, SYS_fremovexattr },
    };
    long t = kind == XT_FD ? (long)(intptr_t)target : (long)(uintptr_t)target;

    switch (op) {
    case XO_SET:    return syscall(nr[kind][op], t, name, buf, size, flags);
    case XO_GET:    return syscall(nr[kind][op], t, name, buf, size);
    case XO_LIST:   return syscall(nr[kind][op], t, buf, size);
    default:        return syscall(nr[kind][op], t, name);
    }
}

/* Arguments: target, then name (not for list), then buffer and size,
 * then flags (set only). */
static guest_long do_xattr(const guest_ulong *a, int kind, int op)
{
    SysPath p;
    char name[256];
    int i = 1;
    size_t size = 0;
    void *buf = NULL;
    const void *target = (const void *)(intptr_t)(int)a[0];
    guest_long r;

    if (kind != XT_FD) {
        if ((r = sys_get_path(&p, a[0])) < 0)
            return r;
        target = p.host;
    }
    if (op != XO_LIST) {
        if ((r = sys_get_string(name, sizeof(name), a[i++])) < 0)
            return r == sys_err(ENAMETOOLONG) ? sys_err(ERANGE) : r;
    }
    if (op != XO_REMOVE) {
        size = a[i + 1];
        if (size > XATTR_SIZE_MAX_G && op == XO_SET)
            return sys_err(E2BIG);
        if (size > XATTR_SIZE_MAX_G)
            size = XATTR_SIZE_MAX_G;
        buf = op == XO_SET ? (void *)sys_read_ptr(a[i], size) : sys_write_ptr(a[i], size);
        if (size && !buf)
            return sys_err(EFAULT);
    }
    return sys_ret(xattr_host(kind, op, target, name, buf, size, (int)a[4]));
}

#define XATTR_HANDLER(fn, kind, op) \
    guest_long sys_##fn(void *env, const guest_ulong *a) \
    { (void)env; return do_xattr(a, kind, op); }
XATTR_HANDLER(setxattr, XT_PATH, XO_SET)
XATTR_HANDLER(lsetxattr, XT_LPATH, XO_SET)
XATTR_HANDLER(fsetxattr, XT_FD, XO_SET)
XATTR_HANDLER(getxattr, XT_PATH, XO_GET)
XATTR_HANDLER(lgetxattr, XT_LPATH, XO_GET)
XATTR_HANDLER(fgetxattr, XT_FD, XO_GET)
XATTR_HANDLER(listxattr, XT_PATH, XO_LIST)
XATTR_HANDLER(llistxattr, XT_LPATH, XO_LIST)
XATTR_HANDLER(flistxattr, XT_FD, XO_LIST)
XATTR_HANDLER(removexattr, XT_PATH, XO_REMOVE)
XATTR_HANDLER(lremovexattr, XT_LPATH, XO_REMOVE)
XATTR_HANDLER(fremovexattr, XT_FD, XO_REMOVE)

/* ---- file handles ---- */

/* struct file_handle { u32 handle_bytes; int handle_type; u8 f_handle[]; }
 * is the same everywhere: used in place once its extent is checked. */
#define MAX_HANDLE_SZ_G 128

static void *handle_ptr(guest_addr g, bool write)
{
    uint32_t bytes;

    if (sys_copy_from(&bytes, g, sizeof(bytes)) < 0)
        return NULL;
    if (bytes > MAX_HANDLE_SZ_G)
        bytes = MAX_HANDLE_SZ_G;
    return write ? sys_write_ptr(g, 8 + bytes) : (void *)sys_read_ptr(g, 8 + bytes);
}

guest_long sys_name_to_handle_at(void *env, const guest_ulong *a)
{
    SysPath p;
    void *h;
    int mount_id;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    h = handle_ptr(a[2], true);
    if (!h || !sys_write_ptr(a[3], sizeof(int)))
        return sys_err(EFAULT);
    r = sys_ret(syscall(SYS_name_to_handle_at, (int)a[0], p.host, h, &mount_id, (int)a[4]));
    if (r == 0)
        sys_copy_to(a[3], &mount_id, sizeof(mount_id));
    return r;
}

guest_long sys_open_by_handle_at(void *env, const guest_ulong *a)
{
    void *h = handle_ptr(a[1], false);

    (void)env;
    if (!h)
        return sys_err(EFAULT);
    /* O_* differ a little between arm64 and x86-64: the ABI's table. */
    return sys_ret(syscall(SYS_open_by_handle_at, (int)a[0], h,
                           (int)sys_flags_to_host(sys_abi->open_flags, a[2])));
}
