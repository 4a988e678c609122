/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Character backends: where a UART's or a console's bytes go and come
 * from.  Backends: "stdio" (the terminal, raw when a tty), "mon:stdio"
 * (the same with QEMU's Ctrl-A escapes: Ctrl-A x quits, Ctrl-A Ctrl-A sends
 * one Ctrl-A), "null", "none", "file:PATH" (output only), and listening
 * sockets "unix:PATH,server,nowait" and "tcp:[HOST]:PORT,server,nowait"
 * (one client at a time; output is dropped while none is connected).
 * -chardev's "stdio|null|file|socket,id=...,path=...,host=,port=,server=on,
 * wait=off" form is accepted too.
 *
 * A frontend (device or QMP) attaches can_receive/receive callbacks; input
 * is read in the main loop and handed over no faster than can_receive
 * allows; when it says 0 the fd is dropped from the poll set until the
 * frontend calls sys_chardev_accept_input().  Writes never block the
 * guest: a full socket drops bytes.
 *
 * Entry points: sys_chardev_open(), sys_chardev_open_opts(), sys_chardev_find(),
 * sys_chardev_set_frontend(), sys_chardev_write(),
 * sys_chardev_accept_input(), sys_chardev_close().
 */
#ifndef GUISE_SYSTEM_CHARDEV_H
#define GUISE_SYSTEM_CHARDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <termios.h>
#include "system/machine.h"

typedef enum {
    SYS_CHR_NULL,
    SYS_CHR_STDIO,
    SYS_CHR_FILE,
    SYS_CHR_SOCKET,
} SysChrKind;

typedef int (*SysChrCanReceive)(void *opaque);
typedef void (*SysChrReceive)(void *opaque, const uint8_t *buf, size_t len);
/* A client connected (true) or went away (false). */
typedef void (*SysChrEvent)(void *opaque, bool connected);

typedef struct SysChardev {
    char id[32];
    SysChrKind kind;
    int in_fd, out_fd;          /* -1 when none */
    int listen_fd;              /* socket servers */
    bool mux;                   /* mon:stdio escapes */
    bool escape;                /* saw Ctrl-A */
    bool throttled;             /* in_fd not polled: frontend full */
    bool raw_tty;
    struct termios saved_tio;
    SysChrCanReceive can_receive;
    SysChrReceive receive;
    SysChrEvent event;
    void *fe_opaque;
} SysChardev;

/* A -serial / -qmp style spec; NULL with a one-line reason in err. */
SysChardev *sys_chardev_open(const char *spec, char *err, size_t errlen);
/* A -chardev option list (backend in "backend", "id" required). */
SysChardev *sys_chardev_open_opts(const SysOpts *o, char *err, size_t errlen);

void sys_chardev_set_frontend(SysChardev *chr, SysChrCanReceive can_receive,
                              SysChrReceive receive, SysChrEvent event,
                              void *opaque);
/* Writes what it can; returns the bytes taken (all of them, dropped or not). */
size_t sys_chardev_write(SysChardev *chr, const void *buf, size_t len);
void sys_chardev_accept_input(SysChardev *chr);
/* The -chardev backend with that id (opened by sys_chardev_open_opts). */
SysChardev *sys_chardev_find(const char *id);
/* Restores the terminal, closes fds, frees chr. */
void sys_chardev_close(SysChardev *chr);

#endif
