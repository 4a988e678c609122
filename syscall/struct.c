/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Structure conversion between the guest ABI and the host, driven by
 * layout descriptions: for each structure a table of fields, each with its
 * offset and size in the guest's structure and in the host's.  sys_put()
 * fills a guest structure from a host one (zeroing guest padding);
 * sys_get() does the reverse.  Handlers never convert by hand.
 *
 * The guest structures are written below as C types with fixed-width
 * members, following the kernel's uapi headers for the asm-generic 64-bit
 * ABI (arm64, riscv64): include/uapi/asm-generic/stat.h, statfs.h,
 * fcntl.h (struct flock), termbits.h (struct termios, NCCS 19) and
 * linux/{time_types,resource,sysinfo,times,utsname}.h.  The host side is
 * the x86-64 kernel structure, which glibc's types match.  Of these only
 * struct stat differs between arm64 and x86-64 today, but every call goes
 * through its layout so that another guest ABI only adds tables.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stddef.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <fcntl.h>
#include <termios.h>
#include <sys/ioctl.h>
#include "syscall.h"
#include "util/log.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* Signed iff -1 survives an arithmetic right shift (no -Wtype-limits noise). */
#define SIGNED_MEMBER(t, m) \
    ((((__typeof__(((t *)0)->m))-1) >> 1) == ((__typeof__(((t *)0)->m))-1))
#define MEMBER_SIZE(t, m) sizeof(((t *)0)->m)

/* An integer field: guest type gt member gm, host type ht member hm. */
#define NUM(gt, gm, ht, hm) \
    { offsetof(gt, gm), MEMBER_SIZE(gt, gm), offsetof(ht, hm), MEMBER_SIZE(ht, hm), \
      SF_NUM, SIGNED_MEMBER(gt, gm), SIGNED_MEMBER(ht, hm) }
/* A byte array field (names, control characters). */
#define BYTES(gt, gm, ht, hm) \
    { offsetof(gt, gm), MEMBER_SIZE(gt, gm), offsetof(ht, hm), MEMBER_SIZE(ht, hm), \
      SF_BYTES, 0, 0 }
#define LAYOUT(var, gt, ht, fields) \
    static const StructLayout var = { #gt, sizeof(gt), sizeof(ht), fields, ARRAY_SIZE(fields) }

/* Largest guest or host structure described here. */
#define LAYOUT_MAX 512

/* ---- the asm-generic 64-bit guest structures ---- */

struct g64_stat {
    uint64_t dev, ino;
    uint32_t mode, nlink, uid, gid;
    uint64_t rdev, pad1;
    int64_t size;
    int32_t blksize, pad2;
    int64_t blocks;
    int64_t atime_sec;
    uint64_t atime_nsec;
    int64_t mtime_sec;
    uint64_t mtime_nsec;
    int64_t ctime_sec;
    uint64_t ctime_nsec;
    uint32_t unused4, unused5;
};
_Static_assert(sizeof(struct g64_stat) == 128, "asm-generic struct stat is 128 bytes");

struct g64_statfs {
    int64_t type, bsize;
    uint64_t blocks, bfree, bavail, files, ffree;
    int32_t fsid[2];
    int64_t namelen, frsize, flags, spare[4];
};
_Static_assert(sizeof(struct g64_statfs) == 120, "asm-generic struct statfs");

struct g64_flock {
    int16_t type, whence;
    int64_t start, len;
    int32_t pid;
};

/* The kernel's struct termios (what TCGETS/TCSETS take), asm-generic. */
struct g_termios {
    uint32_t iflag, oflag, cflag, lflag;
    uint8_t line;
    uint8_t cc[19];
};

/* The host kernel's struct termios: x86-64 uses asm-generic termbits too
 * (glibc's struct termios is a different, larger, user-space type). */
struct host_ktermios {
    uint32_t iflag, oflag, cflag, lflag;
    uint8_t line;
    uint8_t cc[19];
};

struct g_winsize {
    uint16_t row, col, xpixel, ypixel;
};

struct g64_timespec {
    int64_t sec, nsec;
};

struct g64_timeval {
    int64_t sec, usec;
};

struct g64_rlimit {
    uint64_t cur, max;
};

struct g64_rusage {
    struct g64_timeval utime, stime;
    int64_t maxrss, ixrss, idrss, isrss, minflt, majflt, nswap, inblock, oublock,
        msgsnd, msgrcv, nsignals, nvcsw, nivcsw;
};

struct g64_sysinfo {
    int64_t uptime;
    uint64_t loads[3];
    uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
    uint16_t procs, pad;
    uint64_t totalhigh, freehigh;
    uint32_t mem_unit;
};
_Static_assert(sizeof(struct g64_sysinfo) == 112, "struct sysinfo on 64-bit");

struct g64_tms {
    int64_t utime, stime, cutime, cstime;
};

struct g_utsname {
    char sysname[65], nodename[65], release[65], version[65], machine[65],
        domainname[65];
};

struct g64_iovec {
    uint64_t base, len;
};

/* ---- layouts ---- */

static const StructField stat_fields[] = {
    NUM(struct g64_stat, dev, struct stat, st_dev),
    NUM(struct g64_stat, ino, struct stat, st_ino),
    NUM(struct g64_stat, mode, struct stat, st_mode),
    NUM(struct g64_stat, nlink, struct stat, st_nlink),
    NUM(struct g64_stat, uid, struct stat, st_uid),
    NUM(struct g64_stat, gid, struct stat, st_gid),
    NUM(struct g64_stat, rdev, struct stat, st_rdev),
    NUM(struct g64_stat, size, struct stat, st_size),
    NUM(struct g64_stat, blksize, struct stat, st_blksize),
    NUM(struct g64_stat, blocks, struct stat, st_blocks),
    NUM(struct g64_stat, atime_sec, struct stat, st_atim.tv_sec),
    NUM(struct g64_stat, atime_nsec, struct stat, st_atim.tv_nsec),
    NUM(struct g64_stat, mtime_sec, struct stat, st_mtim.tv_sec),
    NUM(struct g64_stat, mtime_nsec, struct stat, st_mtim.tv_nsec),
    NUM(struct g64_stat, ctime_sec, struct stat, st_ctim.tv_sec),
    NUM(struct g64_stat, ctime_nsec, struct stat, st_ctim.tv_nsec),
};
LAYOUT(stat_layout, struct g64_stat, struct stat, stat_fields);

static const StructField statfs_fields[] = {
    NUM(struct g64_statfs, type, struct statfs, f_type),
    NUM(struct g64_statfs, bsize, struct statfs, f_bsize),
    NUM(struct g64_statfs, blocks, struct statfs, f_blocks),
    NUM(struct g64_statfs, bfree, struct statfs, f_bfree),
    NUM(struct g64_statfs, bavail, struct statfs, f_bavail),
    NUM(struct g64_statfs, files, struct statfs, f_files),
    NUM(struct g64_statfs, ffree, struct statfs, f_ffree),
    BYTES(struct g64_statfs, fsid, struct statfs, f_fsid),
    NUM(struct g64_statfs, namelen, struct statfs, f_namelen),
    NUM(struct g64_statfs, frsize, struct statfs, f_frsize),
    NUM(struct g64_statfs, flags, struct statfs, f_flags),
};
LAYOUT(statfs_layout, struct g64_statfs, struct statfs, statfs_fields);

static const StructField flock_fields[] = {
    NUM(struct g64_flock, type, struct flock, l_type),
    NUM(struct g64_flock, whence, struct flock, l_whence),
    NUM(struct g64_flock, start, struct flock, l_start),
    NUM(struct g64_flock, len, struct flock, l_len),
    NUM(struct g64_flock, pid, struct flock, l_pid),
};
LAYOUT(flock_layout, struct g64_flock, struct flock, flock_fields);

static const StructField termios_fields[] = {
    NUM(struct g_termios, iflag, struct host_ktermios, iflag),
    NUM(struct g_termios, oflag, struct host_ktermios, oflag),
    NUM(struct g_termios, cflag, struct host_ktermios, cflag),
    NUM(struct g_termios, lflag, struct host_ktermios, lflag),
    NUM(struct g_termios, line, struct host_ktermios, line),
    BYTES(struct g_termios, cc, struct host_ktermios, cc),
};
LAYOUT(termios_layout, struct g_termios, struct host_ktermios, termios_fields);

static const StructField winsize_fields[] = {
    NUM(struct g_winsize, row, struct winsize, ws_row),
    NUM(struct g_winsize, col, struct winsize, ws_col),
    NUM(struct g_winsize, xpixel, struct winsize, ws_xpixel),
    NUM(struct g_winsize, ypixel, struct winsize, ws_ypixel),
};
LAYOUT(winsize_layout, struct g_winsize, struct winsize, winsize_fields);

static const StructField timespec_fields[] = {
    NUM(struct g64_timespec, sec, struct timespec, tv_sec),
    NUM(struct g64_timespec, nsec, struct timespec, tv_nsec),
};
LAYOUT(timespec_layout, struct g64_timespec, struct timespec, timespec_fields);

static const StructField timeval_fields[] = {
    NUM(struct g64_timeval, sec, struct timeval, tv_sec),
    NUM(struct g64_timeval, usec, struct timeval, tv_usec),
};
LAYOUT(timeval_layout, struct g64_timeval, struct timeval, timeval_fields);

static const StructField rlimit_fields[] = {
    NUM(struct g64_rlimit, cur, struct rlimit, rlim_cur),
    NUM(struct g64_rlimit, max, struct rlimit, rlim_max),
};
LAYOUT(rlimit_layout, struct g64_rlimit, struct rlimit, rlimit_fields);

static const StructField rusage_fields[] = {
    NUM(struct g64_rusage, utime.sec, struct rusage, ru_utime.tv_sec),
    NUM(struct g64_rusage, utime.usec, struct rusage, ru_utime.tv_usec),
    NUM(struct g64_rusage, stime.sec, struct rusage, ru_stime.tv_sec),
    NUM(struct g64_rusage, stime.usec, struct rusage, ru_stime.tv_usec),
    NUM(struct g64_rusage, maxrss, struct rusage, ru_maxrss),
    NUM(struct g64_rusage, ixrss, struct rusage, ru_ixrss),
    NUM(struct g64_rusage, idrss, struct rusage, ru_idrss),
    NUM(struct g64_rusage, isrss, struct rusage, ru_isrss),
    NUM(struct g64_rusage, minflt, struct rusage, ru_minflt),
    NUM(struct g64_rusage, majflt, struct rusage, ru_majflt),
    NUM(struct g64_rusage, nswap, struct rusage, ru_nswap),
    NUM(struct g64_rusage, inblock, struct rusage, ru_inblock),
    NUM(struct g64_rusage, oublock, struct rusage, ru_oublock),
    NUM(struct g64_rusage, msgsnd, struct rusage, ru_msgsnd),
    NUM(struct g64_rusage, msgrcv, struct rusage, ru_msgrcv),
    NUM(struct g64_rusage, nsignals, struct rusage, ru_nsignals),
    NUM(struct g64_rusage, nvcsw, struct rusage, ru_nvcsw),
    NUM(struct g64_rusage, nivcsw, struct rusage, ru_nivcsw),
};
LAYOUT(rusage_layout, struct g64_rusage, struct rusage, rusage_fields);

static const StructField sysinfo_fields[] = {
    NUM(struct g64_sysinfo, uptime, struct sysinfo, uptime),
    NUM(struct g64_sysinfo, loads[0], struct sysinfo, loads[0]),
    NUM(struct g64_sysinfo, loads[1], struct sysinfo, loads[1]),
    NUM(struct g64_sysinfo, loads[2], struct sysinfo, loads[2]),
    NUM(struct g64_sysinfo, totalram, struct sysinfo, totalram),
    NUM(struct g64_sysinfo, freeram, struct sysinfo, freeram),
    NUM(struct g64_sysinfo, sharedram, struct sysinfo, sharedram),
    NUM(struct g64_sysinfo, bufferram, struct sysinfo, bufferram),
    NUM(struct g64_sysinfo, totalswap, struct sysinfo, totalswap),
    NUM(struct g64_sysinfo, freeswap, struct sysinfo, freeswap),
    NUM(struct g64_sysinfo, procs, struct sysinfo, procs),
    NUM(struct g64_sysinfo, totalhigh, struct sysinfo, totalhigh),
    NUM(struct g64_sysinfo, freehigh, struct sysinfo, freehigh),
    NUM(struct g64_sysinfo, mem_unit, struct sysinfo, mem_unit),
};
LAYOUT(sysinfo_layout, struct g64_sysinfo, struct sysinfo, sysinfo_fields);

static const StructField tms_fields[] = {
    NUM(struct g64_tms, utime, struct tms, tms_utime),
    NUM(struct g64_tms, stime, struct tms, tms_stime),
    NUM(struct g64_tms, cutime, struct tms, tms_cutime),
    NUM(struct g64_tms, cstime, struct tms, tms_cstime),
};
LAYOUT(tms_layout, struct g64_tms, struct tms, tms_fields);

static const StructField utsname_fields[] = {
    BYTES(struct g_utsname, sysname, struct utsname, sysname),
    BYTES(struct g_utsname, nodename, struct utsname, nodename),
    BYTES(struct g_utsname, release, struct utsname, release),
    BYTES(struct g_utsname, version, struct utsname, version),
    BYTES(struct g_utsname, machine, struct utsname, machine),
    BYTES(struct g_utsname, domainname, struct utsname, domainname),
};
LAYOUT(utsname_layout, struct g_utsname, struct utsname, utsname_fields);

static const StructField iovec_fields[] = {
    NUM(struct g64_iovec, base, SysIovec, base),
    NUM(struct g64_iovec, len, SysIovec, len),
};
LAYOUT(iovec_layout, struct g64_iovec, SysIovec, iovec_fields);

const StructLayout *const sys_layouts_generic64[SL_COUNT] = {
    [SL_STAT] = &stat_layout,       [SL_STATFS] = &statfs_layout,
    [SL_FLOCK] = &flock_layout,     [SL_TERMIOS] = &termios_layout,
    [SL_WINSIZE] = &winsize_layout, [SL_TIMESPEC] = &timespec_layout,
    [SL_TIMEVAL] = &timeval_layout, [SL_RLIMIT] = &rlimit_layout,
    [SL_RUSAGE] = &rusage_layout,   [SL_SYSINFO] = &sysinfo_layout,
    [SL_TMS] = &tms_layout,         [SL_UTSNAME] = &utsname_layout,
    [SL_IOVEC] = &iovec_layout,
};

/* ---- the engine ---- */

static uint64_t load_int(const uint8_t *p, size_t size, bool is_signed)
{
    switch (size) {
    case 1: { uint8_t v = p[0]; return is_signed ? (uint64_t)(int8_t)v : v; }
    case 2: { uint16_t v; memcpy(&v, p, 2); return is_signed ? (uint64_t)(int16_t)v : v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return is_signed ? (uint64_t)(int32_t)v : v; }
    case 8: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
    unreachable();
}

/* Little-endian guest and host: the low size bytes of v. */
static void store_int(uint8_t *p, size_t size, uint64_t v)
{
    BUG_ON(size != 1 && size != 2 && size != 4 && size != 8);
    memcpy(p, &v, size);
}

static void copy_field(uint8_t *dst, size_t dsize, const uint8_t *src, size_t ssize,
                       int kind, bool src_signed)
{
    if (kind == SF_BYTES) {
        memcpy(dst, src, ssize < dsize ? ssize : dsize);
        return;
    }
    store_int(dst, dsize, load_int(src, ssize, src_signed));
}

static const StructLayout *layout(SysLayoutId id)
{
    const StructLayout *l = sys_abi->layouts[id];

    BUG_ON(!l || l->gsize > LAYOUT_MAX || l->hsize > LAYOUT_MAX);
    return l;
}

size_t sys_guest_size(SysLayoutId id)
{
    return layout(id)->gsize;
}

guest_long sys_put(SysLayoutId id, guest_addr g, const void *host)
{
    const StructLayout *l = layout(id);
    uint8_t buf[LAYOUT_MAX];

    memset(buf, 0, l->gsize);
    for (size_t i = 0; i < l->n; i++) {
        const StructField *f = &l->f[i];
        copy_field(buf + f->goff, f->gsize, (const uint8_t *)host + f->hoff, f->hsize,
                   f->kind, f->hsigned);
    }
    return sys_copy_to(g, buf, l->gsize);
}

guest_long sys_get(SysLayoutId id, void *host, guest_addr g)
{
    const StructLayout *l = layout(id);
    uint8_t buf[LAYOUT_MAX];
    guest_long r = sys_copy_from(buf, g, l->gsize);

    if (r < 0)
        return r;
    memset(host, 0, l->hsize);
    for (size_t i = 0; i < l->n; i++) {
        const StructField *f = &l->f[i];
        copy_field((uint8_t *)host + f->hoff, f->hsize, buf + f->goff, f->gsize,
                   f->kind, f->gsigned);
    }
    return 0;
}
