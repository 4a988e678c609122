/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The file system seen through paths: the stat family (fstat, newfstatat
 * through the guest's struct stat layout; statx, whose structure is the
 * same on every ABI), access checks, readlinkat (with /proc/self/exe
 * answered by procfs.c), permissions and owners, timestamps, truncate,
 * statfs/fstatfs and umask; then directories and names: getdents64
 * (struct linux_dirent64 is the same on every ABI, so the host fills the
 * guest buffer directly; guise's own descriptor is taken out of the
 * program's /proc/self/fd listings), getcwd, chdir, fchdir, and the calls that
 * create, remove or rename names.
 *
 * Guest paths come through sys_get_path(), so -L and the /proc/self/exe
 * alias apply, except a symbolic link's target, which is stored as the
 * guest wrote it.  AT_* flags have the same values on every Linux ABI and
 * are passed through.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "syscall.h"
#include "translate/codebuf.h"
#include "util/fdpath.h"

#define GUEST_AT_EMPTY_PATH 0x1000
#define GUEST_AT_SYMLINK_NOFOLLOW 0x100

/* A path argument that may be NULL when flags has AT_EMPTY_PATH (allowed
 * since Linux 6.11): then the empty path. */
static guest_long get_path_at(SysPath *p, guest_addr g, guest_ulong flags)
{
    guest_long r;

    if (g == 0 && (flags & GUEST_AT_EMPTY_PATH)) {
        p->guest[0] = 0;
        p->host = p->guest;
        return 0;
    }
    r = sys_get_path(p, g);
    /* Not following links, /proc/self/exe is the link itself (S_IFLNK), as
     * the host's own /proc/self/exe link is. */
    if (r == 0 && (flags & GUEST_AT_SYMLINK_NOFOLLOW) && sys_procfs_link(p->guest))
        p->host = "/proc/self/exe";
    return r;
}

/* ---- stat ---- */

guest_long sys_fstat(void *env, const guest_ulong *a)
{
    struct stat st;

    (void)env;
    if (fstat((int)a[0], &st) != 0)
        return sys_err(errno);
    return sys_put(SL_STAT, a[1], &st);
}

guest_long sys_newfstatat(void *env, const guest_ulong *a)
{
    SysPath p;
    struct stat st;
    guest_long r = get_path_at(&p, a[1], a[3]);

    (void)env;
    if (r < 0)
        return r;
    if (fstatat((int)a[0], p.host, &st, (int)a[3]) != 0)
        return sys_err(errno);
    return sys_put(SL_STAT, a[2], &st);
}

guest_long sys_statx(void *env, const guest_ulong *a)
{
    SysPath p;
    struct statx stx;
    guest_long r = get_path_at(&p, a[1], a[2]);

    (void)env;
    if (r < 0)
        return r;
    if (!sys_write_ptr(a[4], sizeof(stx)))
        return sys_err(EFAULT);
    if (syscall(SYS_statx, (int)a[0], p.host, (int)a[2], (unsigned)a[3], &stx) != 0)
        return sys_err(errno);
    return sys_copy_to(a[4], &stx, sizeof(stx));
}

/* ---- access, links ---- */

guest_long sys_faccessat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_faccessat, (int)a[0], p.host, (int)a[2]));
}

guest_long sys_faccessat2(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = get_path_at(&p, a[1], a[3]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_faccessat2, (int)a[0], p.host, (int)a[2], (int)a[3]));
}

guest_long sys_readlinkat(void *env, const guest_ulong *a)
{
    SysPath p;
    const char *target;
    guest_long r = sys_get_path(&p, a[1]);
    size_t size = a[3];
    void *buf;

    (void)env;
    if (r < 0)
        return r;
    if ((ssize_t)size <= 0)
        return sys_err(EINVAL);
    buf = sys_write_ptr(a[2], size);
    if (!buf)
        return sys_err(EFAULT);
    target = sys_procfs_link(p.guest);
    if (target) {
        /* readlink(2) does not NUL-terminate and silently truncates. */
        size_t len = strlen(target);
        if (len > size)
            len = size;
        memcpy(buf, target, len);
        return (guest_long)len;
    }
    return sys_ret(readlinkat((int)a[0], p.host, buf, size));
}

/* ---- permissions, owners, times ---- */

guest_long sys_fchmod(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(fchmod((int)a[0], (mode_t)a[1]));
}

guest_long sys_fchmodat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_fchmodat, (int)a[0], p.host, (mode_t)a[2]));
}

guest_long sys_fchown(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(fchown((int)a[0], (uid_t)a[1], (gid_t)a[2]));
}

guest_long sys_fchownat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = get_path_at(&p, a[1], a[4]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(fchownat((int)a[0], p.host, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

guest_long sys_utimensat(void *env, const guest_ulong *a)
{
    SysPath p;
    struct timespec ts[2], *pts = NULL;
    const char *path = NULL;
    guest_long r;

    (void)env;
    /* A NULL path means the file dirfd refers to (futimens). */
    if (a[1]) {
        r = sys_get_path(&p, a[1]);
        if (r < 0)
            return r;
        path = p.host;
    }
    if (a[2]) {
        size_t gsize = sys_guest_size(SL_TIMESPEC);
        r = sys_get(SL_TIMESPEC, &ts[0], a[2]);
        if (r == 0)
            r = sys_get(SL_TIMESPEC, &ts[1], a[2] + gsize);
        if (r < 0)
            return r;
        pts = ts;
    }
    return sys_ret(syscall(SYS_utimensat, (int)a[0], path, pts, (int)a[3]));
}

/* ---- sizes and file systems ---- */

guest_long sys_truncate(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[0]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(truncate(p.host, (off_t)a[1]));
}

guest_long sys_statfs(void *env, const guest_ulong *a)
{
    SysPath p;
    struct statfs sf;
    guest_long r = sys_get_path(&p, a[0]);

    (void)env;
    if (r < 0)
        return r;
    if (statfs(p.host, &sf) != 0)
        return sys_err(errno);
    return sys_put(SL_STATFS, a[1], &sf);
}

guest_long sys_fstatfs(void *env, const guest_ulong *a)
{
    struct statfs sf;

    (void)env;
    if (fstatfs((int)a[0], &sf) != 0)
        return sys_err(errno);
    return sys_put(SL_STATFS, a[1], &sf);
}

guest_long sys_umask(void *env, const guest_ulong *a)
{
    (void)env;
    return umask((mode_t)a[0] & 0777);
}

/* ---- directories and names ---- */

/* Is dirfd this process's /proc/PID/fd or fdinfo (or a thread's, under
 * task/TID/)? */
static bool lists_own_fds(int dirfd)
{
    char path[96], own[32];
    int k;
    const char *rest;

    if (!fd_path(dirfd, path, sizeof(path)))
        return false;
    k = snprintf(own, sizeof(own), "/proc/%d/", (int)getpid());
    if (strncmp(path, own, (size_t)k))
        return false;
    rest = path + k;
    if (!strncmp(rest, "task/", 5)) {
        rest = strchr(rest + 5, '/');
        if (!rest)
            return false;
        rest++;
    }
    return !strcmp(rest, "fd") || !strcmp(rest, "fdinfo");
}

/* Drop the entry of guise's own descriptor (translate/codebuf.c) from n
 * bytes of linux_dirent64 records read from dirfd: the program lists its
 * descriptors (test suites looking for leaks, a child closing what it
 * inherited) and must not see it.  The new byte count. */
static long hide_own_fd(int dirfd, uint8_t *buf, long n)
{
    int own = codebuf_fd();
    char name[16];

    if (own < 0)
        return n;
    snprintf(name, sizeof(name), "%d", own);
    const size_t name_at = offsetof(struct dirent64, d_name);

    for (long at = 0; at + (long)name_at < n;) {
        uint16_t reclen;
        memcpy(&reclen, buf + at + offsetof(struct dirent64, d_reclen), sizeof(reclen));
        if (reclen <= name_at || at + reclen > n)
            break;
        if (!strcmp((const char *)buf + at + name_at, name)) {
            if (!lists_own_fds(dirfd))
                break;
            memmove(buf + at, buf + at + reclen, (size_t)(n - at - reclen));
            return n - reclen;
        }
        at += reclen;
    }
    return n;
}

guest_long sys_getdents64(void *env, const guest_ulong *a)
{
    void *buf = sys_write_ptr(a[1], a[2]);
    long n;

    (void)env;
    if (!buf)
        return sys_err(EFAULT);
    do {   /* a batch that held only the hidden entry is not the end */
        n = syscall(SYS_getdents64, (int)a[0], buf, (unsigned)a[2]);
        if (n <= 0)
            return sys_ret(n);
        n = hide_own_fd((int)a[0], buf, n);
    } while (n == 0);
    return n;
}

guest_long sys_getcwd(void *env, const guest_ulong *a)
{
    char cwd[PATH_MAX];
    size_t size = a[1] < sizeof(cwd) ? a[1] : sizeof(cwd);
    long r;

    (void)env;
    /* The raw call returns the length with the NUL, or -ERANGE. */
    r = syscall(SYS_getcwd, cwd, size);
    if (r < 0)
        return sys_err(errno);
    return sys_copy_to(a[0], cwd, (size_t)r) < 0 ? sys_err(EFAULT) : r;
}

guest_long sys_chdir(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[0]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(chdir(p.host));
}

guest_long sys_fchdir(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_ret(fchdir((int)a[0]));
}

guest_long sys_mkdirat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(mkdirat((int)a[0], p.host, (mode_t)a[2]));
}

guest_long sys_mknodat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    /* dev is the kernel's 32-bit encoding on every ABI: pass it as is. */
    return sys_ret(syscall(SYS_mknodat, (int)a[0], p.host, (mode_t)a[2], (unsigned)a[3]));
}

guest_long sys_unlinkat(void *env, const guest_ulong *a)
{
    SysPath p;
    guest_long r = sys_get_path(&p, a[1]);

    (void)env;
    if (r < 0)
        return r;
    return sys_ret(unlinkat((int)a[0], p.host, (int)a[2]));
}

/* renameat/renameat2/linkat: two (dirfd, path) pairs and flags. */
static guest_long two_paths(const guest_ulong *a, int nr, guest_ulong flags)
{
    SysPath p[2];
    guest_long r = sys_get_path(&p[0], a[1]);

    if (r == 0)
        r = sys_get_path(&p[1], a[3]);
    if (r == 0)
        r = sys_ret(syscall(nr, (int)a[0], p[0].host, (int)a[2], p[1].host, (unsigned)flags));
    return r;
}

guest_long sys_renameat(void *env, const guest_ulong *a)
{
    (void)env;
    return two_paths(a, SYS_renameat, 0);
}

guest_long sys_renameat2(void *env, const guest_ulong *a)
{
    (void)env;
    return two_paths(a, SYS_renameat2, a[4]);
}

guest_long sys_linkat(void *env, const guest_ulong *a)
{
    (void)env;
    return two_paths(a, SYS_linkat, a[4]);
}

guest_long sys_symlinkat(void *env, const guest_ulong *a)
{
    SysPath p;
    char target[PATH_MAX];
    guest_long r = sys_get_string(target, sizeof(target), a[0]);

    (void)env;
    if (r == 0)
        r = sys_get_path(&p, a[2]);
    if (r < 0)
        return r;
    return sys_ret(symlinkat(target, (int)a[1], p.host));
}
