/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -L sysroot: absolute guest paths are looked up in the sysroot first.
 * As in QEMU's user mode, a path is rewritten only when the sysroot has
 * it (lstat succeeds on sysroot + path), so the guest's dynamic loader and
 * libraries come from the sysroot while /tmp, /dev, /proc and files the
 * guest creates stay the host's.  "/" itself is never rewritten.
 *
 * Entry points: sys_path_init() at syscall_init time and path_for_guest()
 * (linux-user/user.h), which the loader may call earlier for PT_INTERP
 * (the sysroot is then taken from user_opts on first use).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "syscall.h"

/* The sysroot as an absolute path without a trailing '/', or NULL. */
static char *sysroot;
static size_t sysroot_len;
/* Set once sys_path_init ran (the loader may ask before syscall_init). */
static bool path_ready;

void sys_path_init(const char *root)
{
    char *abs;

    path_ready = true;
    free(sysroot);
    sysroot = NULL;
    sysroot_len = 0;
    if (!root || !root[0])
        return;
    /* Absolute, so that a guest chdir does not move it. */
    abs = realpath(root, NULL);
    if (!abs)
        abs = strdup(root);
    if (!abs)
        return;
    sysroot_len = strlen(abs);
    while (sysroot_len > 1 && abs[sysroot_len - 1] == '/')
        abs[--sysroot_len] = 0;
    if (!strcmp(abs, "/")) {       /* -L / changes nothing */
        free(abs);
        sysroot_len = 0;
        return;
    }
    sysroot = abs;
}

const char *path_for_guest(const char *path, char *buf, size_t bufsize)
{
    struct stat st;
    size_t len;

    if (!path_ready)
        sys_path_init(user_opts.sysroot);
    if (!sysroot || !path || path[0] != '/' || path[1] == 0)
        return path;
    len = strlen(path);
    if (sysroot_len + len + 1 > bufsize)
        return path;
    memcpy(buf, sysroot, sysroot_len);
    memcpy(buf + sysroot_len, path, len + 1);
    if (lstat(buf, &st) != 0)
        return path;
    return buf;
}
