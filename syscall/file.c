/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * File descriptor calls: read/write and their vector and positioned forms,
 * openat (with the guest's O_* flags converted and /proc files emulated by
 * procfs.c), close, close_range, lseek, dup/dup3, fcntl (a table of
 * commands), pipe2, the sync family, ftruncate, fallocate, sendfile,
 * copy_file_range, memfd_create, flock and ioctl (ioctl.c decodes the
 * requests).
 *
 * Guest buffers are checked against the guest memory map; like the kernel,
 * a transfer whose buffer runs into an unmapped page is cut short at the
 * page rather than refused, and only a buffer with no valid first byte is
 * -EFAULT.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "syscall.h"
#include "linux-user/safe-syscall.h"
#include "util/log.h"

#define IOV_MAX_GUEST 1024      /* UIO_MAXIOV */

/* The -D log file: the guest may not close it (close_range(3, ~0) is common). */
static bool fd_reserved(int fd)
{
    return log_file && log_file != stderr && log_file != stdout && fd == fileno(log_file);
}

/* ---- buffers ---- */

/* The length of the prefix of [a, a+len) the host may write (write) or
 * read; 0 if not even the first byte is valid. */
static size_t guest_extent(guest_addr a, size_t len, bool write)
{
    size_t ok = 0;

    if (len == 0 || (write ? sys_write_ptr(a, len) : sys_read_ptr(a, len)))
        return len;
    /* Slow path only for a bad buffer: page by page up to the hole. */
    while (ok < len) {
        size_t chunk = GUEST_PAGE_SIZE - ((a + ok) & (GUEST_PAGE_SIZE - 1));
        if (chunk > len - ok)
            chunk = len - ok;
        if (!(write ? sys_write_ptr(a + ok, chunk) : sys_read_ptr(a + ok, chunk)))
            break;
        ok += chunk;
    }
    return ok;
}

guest_long sys_read(void *env, const guest_ulong *a)
{
    size_t n = guest_extent(a[1], a[2], true);
    long r;

    (void)env;
    if (a[2] && !n)
        return sys_err(EFAULT);
    r = safe_syscall(SYS_read, (int)a[0], (long)(uintptr_t)g2h(a[1]), (long)n, 0, 0, 0);
    sys_signalfd_read_done((int)a[0], g2h(a[1]), r);
    return sys_raw_ret(r);
}

guest_long sys_write(void *env, const guest_ulong *a)
{
    size_t n = guest_extent(a[1], a[2], false);

    (void)env;
    if (a[2] && !n)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_write, (int)a[0], (long)(uintptr_t)g2h(a[1]), (long)n,
                                    0, 0, 0));
}

guest_long sys_pread64(void *env, const guest_ulong *a)
{
    size_t n = guest_extent(a[1], a[2], true);

    (void)env;
    if (a[2] && !n)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_pread64, (int)a[0], (long)(uintptr_t)g2h(a[1]), (long)n,
                                    (long)a[3], 0, 0));
}

guest_long sys_pwrite64(void *env, const guest_ulong *a)
{
    size_t n = guest_extent(a[1], a[2], false);

    (void)env;
    if (a[2] && !n)
        return sys_err(EFAULT);
    return sys_raw_ret(safe_syscall(SYS_pwrite64, (int)a[0], (long)(uintptr_t)g2h(a[1]), (long)n,
                                    (long)a[3], 0, 0));
}

/* ---- vectors ---- */

/* Read cnt guest iovecs at g into iov, checking each buffer for the host
 * to write into (to_guest) or read from.  Returns 0 or -errno. */
static guest_long iovec_get(struct iovec *iov, guest_addr g, guest_ulong cnt, bool to_guest)
{
    size_t gsize = sys_guest_size(SL_IOVEC);

    if (cnt > IOV_MAX_GUEST)
        return sys_err(EINVAL);
    for (guest_ulong i = 0; i < cnt; i++) {
        SysIovec v;
        guest_long r = sys_get(SL_IOVEC, &v, g + i * gsize);

        if (r < 0)
            return r;
        if (v.len > SSIZE_MAX)
            return sys_err(EINVAL);
        if (guest_extent(v.base, v.len, to_guest) != v.len)
            return sys_err(EFAULT);
        iov[i].iov_base = g2h(v.base);
        iov[i].iov_len = v.len;
    }
    return 0;
}

/* readv/writev/preadv/pwritev: kind 0 readv, 1 writev, 2 preadv, 3 pwritev. */
static guest_long do_rw_vec(const guest_ulong *a, int kind)
{
    struct iovec iov[IOV_MAX_GUEST];
    bool to_guest = kind == 0 || kind == 2;
    guest_long r = iovec_get(iov, a[1], a[2], to_guest);
    int fd = (int)a[0], cnt = (int)a[2];

    if (r < 0)
        return r;
    switch (kind) {
    /* The raw preadv takes the offset as low and high words; on a 64-bit
     * host the low word holds all of it. */
    case 0: return sys_raw_ret(safe_syscall(SYS_readv, fd, (long)iov, cnt, 0, 0, 0));
    case 1: return sys_raw_ret(safe_syscall(SYS_writev, fd, (long)iov, cnt, 0, 0, 0));
    case 2: return sys_raw_ret(safe_syscall(SYS_preadv, fd, (long)iov, cnt, (long)a[3], 0, 0));
    default: return sys_raw_ret(safe_syscall(SYS_pwritev, fd, (long)iov, cnt, (long)a[3], 0, 0));
    }
}

guest_long sys_readv(void *env, const guest_ulong *a) { (void)env; return do_rw_vec(a, 0); }
guest_long sys_writev(void *env, const guest_ulong *a) { (void)env; return do_rw_vec(a, 1); }
guest_long sys_preadv(void *env, const guest_ulong *a) { (void)env; return do_rw_vec(a, 2); }
guest_long sys_pwritev(void *env, const guest_ulong *a) { (void)env; return do_rw_vec(a, 3); }

/* ---- open, close, dup ---- */

guest_long sys_openat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);
    int flags = (int)sys_flags_to_host(sys_abi->open_flags, (uint32_t)a[2]);

    if (r < 0)
        return r;
    r = sys_procfs_open(env, p.guest, flags);
    if (r != SYS_NOT_PROC)
        return r;
    /* Through the stub: opening a FIFO blocks until the other end opens. */
    return sys_raw_ret(safe_syscall(SYS_openat, (int)a[0], (long)(uintptr_t)p.host, flags,
                                    (long)(mode_t)a[3], 0, 0));
}

guest_long sys_close(void *env, const guest_ulong *a)
{
    (void)env;
    if (fd_reserved((int)a[0]))
        return sys_err(EBADF);
    sys_signalfd_forget((int)a[0]);
    return sys_ret(close((int)a[0]));
}

guest_long sys_close_range(void *env, const guest_ulong *a)
{
    unsigned first = (unsigned)a[0], last = (unsigned)a[1], flags = (unsigned)a[2];
    int keep = log_file && log_file != stderr && log_file != stdout ? fileno(log_file) : -1;
    long r;

    (void)env;
    if (keep < 0 || (unsigned)keep < first || (unsigned)keep > last)
        return sys_ret(syscall(SYS_close_range, first, last, flags));
    /* Close around the log file. */
    r = 0;
    if ((unsigned)keep > first)
        r = syscall(SYS_close_range, first, (unsigned)keep - 1, flags);
    if (r == 0 && (unsigned)keep < last)
        r = syscall(SYS_close_range, (unsigned)keep + 1, last, flags);
    return sys_ret(r);
}

guest_long sys_lseek(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(lseek((int)a[0], (off_t)a[1], (int)a[2]));
}

guest_long sys_dup(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(dup((int)a[0]));
}

guest_long sys_dup3(void *env, const guest_ulong *a)
{
    int flags = (int)sys_flags_to_host(sys_abi->open_flags, (uint32_t)a[2]);

    (void)env;
    if (fd_reserved((int)a[1]))
        return sys_err(EBADF);
    return sys_ret(dup3((int)a[0], (int)a[1], flags));
}

guest_long sys_pipe2(void *env, const guest_ulong *a)
{
    int fds[2];
    int flags = (int)sys_flags_to_host(sys_abi->open_flags, (uint32_t)a[1]);

    (void)env;
    if (!sys_write_ptr(a[0], sizeof(fds)))
        return sys_err(EFAULT);
    if (pipe2(fds, flags) != 0)
        return sys_err(errno);
    return sys_copy_to(a[0], fds, sizeof(fds));
}

/* ---- fcntl ---- */

/* How fcntl treats its third argument. */
enum {
    FC_INT,        /* an int, result as is */
    FC_GETFL,      /* result: O_* flags to convert */
    FC_SETFL,      /* argument: O_* flags to convert */
    FC_LK_GET,     /* struct flock in and out */
    FC_LK_SET,     /* struct flock in */
    FC_OWNER_EX,   /* struct f_owner_ex (same on every ABI), in and out */
};

static const struct {
    int guest, host, kind;
} fcntl_cmds[] = {
    { 0, F_DUPFD, FC_INT },           { 1030, F_DUPFD_CLOEXEC, FC_INT },
    { 1, F_GETFD, FC_INT },           { 2, F_SETFD, FC_INT },
    { 3, F_GETFL, FC_GETFL },         { 4, F_SETFL, FC_SETFL },
    { 5, F_GETLK, FC_LK_GET },        { 6, F_SETLK, FC_LK_SET },
    { 7, F_SETLKW, FC_LK_SET },       { 36, F_OFD_GETLK, FC_LK_GET },
    { 37, F_OFD_SETLK, FC_LK_SET },   { 38, F_OFD_SETLKW, FC_LK_SET },
    { 8, F_SETOWN, FC_INT },          { 9, F_GETOWN, FC_INT },
    { 10, F_SETSIG, FC_INT },         { 11, F_GETSIG, FC_INT },
    { 15, F_SETOWN_EX, FC_OWNER_EX }, { 16, F_GETOWN_EX, FC_OWNER_EX },
    { 1024, F_SETLEASE, FC_INT },     { 1025, F_GETLEASE, FC_INT },
    { 1026, F_NOTIFY, FC_INT },       { 1031, F_SETPIPE_SZ, FC_INT },
    { 1032, F_GETPIPE_SZ, FC_INT },   { 1033, F_ADD_SEALS, FC_INT },
    { 1034, F_GET_SEALS, FC_INT },
};

static guest_long fcntl_lock(int fd, int cmd, guest_addr g, bool get)
{
    struct flock fl;
    guest_long r = sys_get(SL_FLOCK, &fl, g);

    if (r < 0)
        return r;
    /* Through the stub: F_SETLKW and F_OFD_SETLKW wait for the lock. */
    r = safe_syscall(SYS_fcntl, fd, cmd, (long)&fl, 0, 0, 0);
    if (r != 0)
        return sys_raw_ret(r);
    return get ? sys_put(SL_FLOCK, g, &fl) : 0;
}

guest_long sys_fcntl(void *env, const guest_ulong *a)
{
    int fd = (int)a[0], cmd = (int)a[1];
    const SysFlag *of = sys_abi->open_flags;

    for (size_t i = 0; i < sizeof(fcntl_cmds) / sizeof(fcntl_cmds[0]); i++) {
        int h = fcntl_cmds[i].host;
        long r;

        if (fcntl_cmds[i].guest != cmd)
            continue;
        switch (fcntl_cmds[i].kind) {
        case FC_INT:
            return sys_ret(fcntl(fd, h, (int)a[2]));
        case FC_GETFL:
            r = fcntl(fd, h);
            return r < 0 ? sys_err(errno) : (guest_long)sys_flags_to_guest(of, (uint64_t)r);
        case FC_SETFL:
            return sys_ret(fcntl(fd, h, (int)sys_flags_to_host(of, (uint32_t)a[2])));
        case FC_LK_GET:
        case FC_LK_SET:
            return fcntl_lock(fd, h, a[2], fcntl_cmds[i].kind == FC_LK_GET);
        case FC_OWNER_EX: {
            void *p = sys_write_ptr(a[2], sizeof(struct f_owner_ex));
            return p ? sys_ret(fcntl(fd, h, p)) : sys_err(EFAULT);
        }
        }
    }
    sys_unimp(env, 0x4643000000000000ull | (uint32_t)cmd, "fcntl command %d not implemented", cmd);
    return sys_err(EINVAL);
}

/* ---- sync, sizes, copies ---- */

guest_long sys_fsync(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(fsync((int)a[0]));
}

guest_long sys_fdatasync(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(fdatasync((int)a[0]));
}

guest_long sys_sync(void *env, const guest_ulong *a)
{
    (void)env, (void)a;
    sync();
    return 0;
}

guest_long sys_ftruncate(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(ftruncate((int)a[0], (off_t)a[1]));
}

guest_long sys_fallocate(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(fallocate((int)a[0], (int)a[1], (off_t)a[2], (off_t)a[3]));
}

guest_long sys_flock(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_raw_ret(safe_syscall(SYS_flock, (int)a[0], (int)a[1], 0, 0, 0, 0));
}

/* A guest loff_t * (may be NULL): fetch into *v and give its host pointer. */
static guest_long get_offset(guest_addr g, int64_t *v, int64_t **p)
{
    *p = NULL;
    if (!g)
        return 0;
    if (!sys_write_ptr(g, sizeof(*v)))
        return sys_err(EFAULT);
    *p = v;
    return sys_copy_from(v, g, sizeof(*v));
}

guest_long sys_sendfile(void *env, const guest_ulong *a)
{
    int64_t off, *poff;
    guest_long r = get_offset(a[2], &off, &poff);

    (void)env;
    if (r < 0)
        return r;
    r = sys_ret(sendfile((int)a[0], (int)a[1], (off_t *)poff, a[3]));
    if (r >= 0 && poff)
        sys_copy_to(a[2], &off, sizeof(off));
    return r;
}

guest_long sys_copy_file_range(void *env, const guest_ulong *a)
{
    int64_t in, out, *pin, *pout;
    guest_long r = get_offset(a[1], &in, &pin);

    (void)env;
    if (r >= 0)
        r = get_offset(a[3], &out, &pout);
    if (r < 0)
        return r;
    r = sys_ret(copy_file_range((int)a[0], (off_t *)pin, (int)a[2], (off_t *)pout, a[4],
                                (unsigned)a[5]));
    if (r >= 0 && pin)
        sys_copy_to(a[1], &in, sizeof(in));
    if (r >= 0 && pout)
        sys_copy_to(a[3], &out, sizeof(out));
    return r;
}

guest_long sys_memfd_create(void *env, const guest_ulong *a)
{
    char name[256];
    guest_long r = sys_get_string(name, sizeof(name), a[0]);

    (void)env;
    if (r < 0)
        return r == sys_err(ENAMETOOLONG) ? sys_err(EINVAL) : r;
    /* MFD_* are the same on every Linux ABI. */
    return sys_ret(memfd_create(name, (unsigned)a[1]));
}

guest_long sys_ioctl(void *env, const guest_ulong *a)
{
    return sys_ioctl_dispatch(env, (int)a[0], a[1], a[2]);
}
