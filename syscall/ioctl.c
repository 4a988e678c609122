/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ioctl(2) as a table: one row per request the guest may make, with its
 * guest number (include/uapi/asm-generic/ioctls.h, which x86-64 shares),
 * the host request, its name for -strace, and what the argument is: none,
 * a value, an int in or out, or a structure converted through its layout
 * (the kernel's struct termios, struct winsize).  An unknown request is
 * -ENOTTY, reported once under -d unimp.
 *
 * Entry points: sys_ioctl_dispatch() (the ioctl handler in file.c) and
 * sys_ioctl_name() (strace.c).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sys/ioctl.h>
#include <termios.h>
#include "syscall.h"

/* What the third argument is. */
enum {
    IK_NONE,        /* nothing */
    IK_VAL,         /* a number, by value */
    IK_INT_IN,      /* int * read by the host */
    IK_INT_OUT,     /* int * written by the host */
    IK_IN,          /* a structure in (layout) */
    IK_OUT,         /* a structure out (layout) */
};

typedef struct SysIoctl {
    uint32_t guest;
    unsigned long host;
    const char *name;
    uint8_t kind;
    uint8_t layout;          /* SysLayoutId for IK_IN/IK_OUT */
} SysIoctl;

static const SysIoctl ioctls[] = {
    { 0x5401, TCGETS, "TCGETS", IK_OUT, SL_TERMIOS },
    { 0x5402, TCSETS, "TCSETS", IK_IN, SL_TERMIOS },
    { 0x5403, TCSETSW, "TCSETSW", IK_IN, SL_TERMIOS },
    { 0x5404, TCSETSF, "TCSETSF", IK_IN, SL_TERMIOS },
    { 0x5409, TCSBRK, "TCSBRK", IK_VAL, 0 },
    { 0x540A, TCXONC, "TCXONC", IK_VAL, 0 },
    { 0x540B, TCFLSH, "TCFLSH", IK_VAL, 0 },
    { 0x540E, TIOCSCTTY, "TIOCSCTTY", IK_VAL, 0 },
    { 0x540F, TIOCGPGRP, "TIOCGPGRP", IK_INT_OUT, 0 },
    { 0x5410, TIOCSPGRP, "TIOCSPGRP", IK_INT_IN, 0 },
    { 0x5411, TIOCOUTQ, "TIOCOUTQ", IK_INT_OUT, 0 },
    { 0x5413, TIOCGWINSZ, "TIOCGWINSZ", IK_OUT, SL_WINSIZE },
    { 0x5414, TIOCSWINSZ, "TIOCSWINSZ", IK_IN, SL_WINSIZE },
    { 0x541B, FIONREAD, "FIONREAD", IK_INT_OUT, 0 },
    { 0x5421, FIONBIO, "FIONBIO", IK_INT_IN, 0 },
    { 0x5422, TIOCNOTTY, "TIOCNOTTY", IK_NONE, 0 },
    { 0x5429, TIOCGSID, "TIOCGSID", IK_INT_OUT, 0 },
    { 0x80045430, TIOCGPTN, "TIOCGPTN", IK_INT_OUT, 0 },
    { 0x40045431, TIOCSPTLCK, "TIOCSPTLCK", IK_INT_IN, 0 },
    { 0x5441, TIOCGPTPEER, "TIOCGPTPEER", IK_VAL, 0 },
    { 0x5450, FIONCLEX, "FIONCLEX", IK_NONE, 0 },
    { 0x5451, FIOCLEX, "FIOCLEX", IK_NONE, 0 },
    { 0x5452, FIOASYNC, "FIOASYNC", IK_INT_IN, 0 },
};

static const SysIoctl *find(guest_ulong req)
{
    for (size_t i = 0; i < sizeof(ioctls) / sizeof(ioctls[0]); i++)
        if (ioctls[i].guest == (uint32_t)req)
            return &ioctls[i];
    return NULL;
}

const char *sys_ioctl_name(guest_ulong req)
{
    const SysIoctl *io = find(req);

    return io ? io->name : NULL;
}

/* Host buffer big enough for any structure in the table. */
typedef union IoctlBuf {
    struct termios t;        /* larger than the kernel's termios */
    struct winsize w;
    int i;
} IoctlBuf;

guest_long sys_ioctl_dispatch(void *env, int fd, guest_ulong req, guest_ulong arg)
{
    const SysIoctl *io = find(req);
    IoctlBuf buf;
    guest_long r;

    if (!io) {
        sys_unimp(env, 0x494f000000000000ull | (uint32_t)req,
                  "ioctl 0x%x not implemented: returning ENOTTY", (unsigned)req);
        return sys_err(ENOTTY);
    }
    switch (io->kind) {
    case IK_NONE:
        return sys_ret(ioctl(fd, io->host));
    case IK_VAL:
        return sys_ret(ioctl(fd, io->host, (unsigned long)arg));
    case IK_INT_IN:
        r = sys_copy_from(&buf.i, arg, sizeof(int));
        return r < 0 ? r : sys_ret(ioctl(fd, io->host, &buf.i));
    case IK_INT_OUT:
        if (!sys_write_ptr(arg, sizeof(int)))
            return sys_err(EFAULT);
        if (ioctl(fd, io->host, &buf.i) != 0)
            return sys_err(errno);
        return sys_copy_to(arg, &buf.i, sizeof(int));
    case IK_IN:
        r = sys_get(io->layout, &buf, arg);
        return r < 0 ? r : sys_ret(ioctl(fd, io->host, &buf));
    case IK_OUT:
        if (!sys_write_ptr(arg, sys_guest_size(io->layout)))
            return sys_err(EFAULT);
        if (ioctl(fd, io->host, &buf) != 0)
            return sys_err(errno);
        return sys_put(io->layout, arg, &buf);
    }
    return sys_err(ENOTTY);
}
