/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fd_path: what /proc/self/fd/FD links to (a path, or "pipe:[N]",
 * "anon_inode:[signalfd]"...), NUL-terminated in out, cut to size - 1
 * bytes as readlink(2) cuts; false if fd is not open or /proc is absent.
 */
#ifndef GUISE_FDPATH_H
#define GUISE_FDPATH_H

#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static inline bool fd_path(int fd, char *out, size_t size)
{
    char link[32];
    ssize_t n;

    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    n = readlink(link, out, size - 1);
    if (n < 0)
        return false;
    out[n] = 0;
    return true;
}

#endif
