/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Character backends (see chardev.h): spec parsing, the stdio terminal in
 * raw mode with mon:stdio's Ctrl-A escapes, files, and listening unix/tcp
 * sockets serving one client at a time, all polled from the main loop.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "system/chardev.h"
#include "system/mainloop.h"
#include "system/runstate.h"

/* Backends opened with an id (-chardev), for sys_chardev_find(). */
static SysChardev *named[16];
static int nnamed;

static SysChardev *chr_new(SysChrKind kind)
{
    SysChardev *c = calloc(1, sizeof(*c));
    if (c) {
        c->kind = kind;
        c->in_fd = c->out_fd = c->listen_fd = -1;
    }
    return c;
}

static void chr_read(void *opaque, int fd, short revents);

static void watch_input(SysChardev *c)
{
    if (c->in_fd >= 0 && !c->throttled)
        sys_fd_add(c->in_fd, POLLIN, chr_read, c);
}

static void client_gone(SysChardev *c)
{
    sys_fd_del(c->in_fd);
    close(c->in_fd);
    c->in_fd = c->out_fd = -1;
    if (c->event)
        c->event(c->fe_opaque, false);
}

/* mon:stdio: Ctrl-A x quits, Ctrl-A Ctrl-A is one Ctrl-A; drops others. */
static size_t mux_filter(SysChardev *c, uint8_t *buf, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (c->escape) {
            c->escape = false;
            if (buf[i] == 'x') {
                fprintf(stderr, "guise-system-aarch64: terminating on Ctrl-A x\n");
                sys_request_shutdown(SYS_CAUSE_HOST_UI);
            } else if (buf[i] == 1) {
                buf[o++] = 1;
            }
        } else if (buf[i] == 1) {
            c->escape = true;
        } else {
            buf[o++] = buf[i];
        }
    }
    return o;
}

static void chr_read(void *opaque, int fd, short revents)
{
    SysChardev *c = opaque;
    uint8_t buf[256];
    int room = c->can_receive ? c->can_receive(c->fe_opaque) : (int)sizeof(buf);
    ssize_t n;

    (void)revents;
    if (room <= 0) {
        c->throttled = true;
        sys_fd_del(fd);
        return;
    }
    n = read(fd, buf, room < (int)sizeof(buf) ? (size_t)room : sizeof(buf));
    if (n <= 0) {
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (c->kind == SYS_CHR_SOCKET)
            client_gone(c);
        else
            sys_fd_del(fd);
        return;
    }
    size_t len = c->mux ? mux_filter(c, buf, (size_t)n) : (size_t)n;
    if (len && c->receive)
        c->receive(c->fe_opaque, buf, len);
}

static void chr_accept(void *opaque, int fd, short revents)
{
    SysChardev *c = opaque;
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

    (void)revents;
    if (cfd < 0)
        return;
    if (c->in_fd >= 0) {        /* one client at a time */
        close(cfd);
        return;
    }
    c->in_fd = c->out_fd = cfd;
    c->throttled = false;
    watch_input(c);
    if (c->event)
        c->event(c->fe_opaque, true);
}

static int listen_unix(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(path) >= sizeof(sa.sun_path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(sa.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    unlink(path);
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 1) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static int listen_tcp(const char *host, const char *port)
{
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                              .ai_flags = AI_PASSIVE }, *ai;
    int fd = -1, one = 1;

    if (getaddrinfo(*host ? host : NULL, port, &hints, &ai) != 0) {
        errno = EINVAL;
        return -1;
    }
    for (struct addrinfo *a = ai; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0)
            continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1) == 0)
            break;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    return fd;
}

static SysChardev *open_stdio(bool mux)
{
    SysChardev *c = chr_new(SYS_CHR_STDIO);

    c->in_fd = 0;
    c->out_fd = 1;
    c->mux = mux;
    if (isatty(0) && tcgetattr(0, &c->saved_tio) == 0) {
        struct termios t = c->saved_tio;
        /* Raw input, output untouched; Ctrl-C still ends guise (ISIG). */
        t.c_iflag &= ~(unsigned)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
        t.c_lflag &= ~(unsigned)(ECHO | ECHONL | ICANON | IEXTEN);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        tcsetattr(0, TCSANOW, &t);
        c->raw_tty = true;
    }
    watch_input(c);
    return c;
}

static SysChardev *open_socket(const char *path, const char *host,
                               const char *port, char *err, size_t errlen)
{
    SysChardev *c = chr_new(SYS_CHR_SOCKET);

    c->listen_fd = path ? listen_unix(path) : listen_tcp(host, port);
    if (c->listen_fd < 0) {
        snprintf(err, errlen, "cannot listen on %s%s%s: %s", path ? path : host,
                 path ? "" : ":", path ? "" : port, strerror(errno));
        free(c);
        return NULL;
    }
    sys_fd_add(c->listen_fd, POLLIN, chr_accept, c);
    return c;
}

/* Only server sockets exist here: reject "server=off" and client forms. */
static bool server_flags_ok(const SysOpts *o, char *err, size_t errlen)
{
    const char *s = sys_opts_get(o, "server");
    if (!s || strcmp(s, "on")) {
        snprintf(err, errlen, "only listening sockets are supported: add ,server=on,wait=off");
        return false;
    }
    return true;
}

SysChardev *sys_chardev_open(const char *spec, char *err, size_t errlen)
{
    SysOpts o;
    SysChardev *c = NULL;
    const char *t;

    if (!strcmp(spec, "stdio") || !strcmp(spec, "mon:stdio"))
        return open_stdio(spec[0] == 'm');
    if (!strcmp(spec, "null") || !strcmp(spec, "none"))
        return chr_new(SYS_CHR_NULL);
    if (!strncmp(spec, "file:", 5)) {
        c = chr_new(SYS_CHR_FILE);
        c->out_fd = open(spec + 5, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (c->out_fd < 0) {
            snprintf(err, errlen, "cannot open '%s': %s", spec + 5, strerror(errno));
            free(c);
            return NULL;
        }
        return c;
    }
    if (strncmp(spec, "unix:", 5) && strncmp(spec, "tcp:", 4)) {
        snprintf(err, errlen, "unknown character backend '%s' (stdio, mon:stdio, null, file:, unix:, tcp:)", spec);
        return NULL;
    }
    if (!sys_opts_parse(strchr(spec, ':') + 1, "addr", &o, err, errlen))
        return NULL;
    if (!server_flags_ok(&o, err, errlen))
        goto out;
    t = sys_opts_get(&o, "addr");
    if (!t || !*t) {
        snprintf(err, errlen, "'%s' names no address", spec);
    } else if (spec[0] == 'u') {
        c = open_socket(t, NULL, NULL, err, errlen);
    } else {
        const char *colon = strrchr(t, ':');
        char host[256] = "";
        if (!colon) {
            snprintf(err, errlen, "'%s': expected tcp:HOST:PORT", spec);
            goto out;
        }
        snprintf(host, sizeof(host), "%.*s", (int)(colon - t), t);
        c = open_socket(NULL, host, colon + 1, err, errlen);
    }
out:
    sys_opts_free(&o);
    return c;
}

SysChardev *sys_chardev_open_opts(const SysOpts *o, char *err, size_t errlen)
{
    const char *b = sys_opts_get(o, "backend"), *id = sys_opts_get(o, "id");
    const char *path = sys_opts_get(o, "path");
    SysChardev *c = NULL;
    char spec[600];

    if (!b || !id) {
        snprintf(err, errlen, "-chardev needs a backend and id=");
        return NULL;
    }
    if (!strcmp(b, "stdio") || !strcmp(b, "null")) {
        c = sys_chardev_open(b, err, errlen);
    } else if (!strcmp(b, "file") && path) {
        snprintf(spec, sizeof(spec), "file:%s", path);
        c = sys_chardev_open(spec, err, errlen);
    } else if (!strcmp(b, "socket")) {
        const char *host = sys_opts_get(o, "host"), *port = sys_opts_get(o, "port");
        if (!server_flags_ok(o, err, errlen))
            return NULL;
        if (!path && !port) {
            snprintf(err, errlen, "-chardev socket needs path= or port=");
            return NULL;
        }
        c = open_socket(path, host ? host : "", port, err, errlen);
    } else {
        snprintf(err, errlen, "unsupported -chardev backend '%s' (stdio, null, file, socket)", b);
        return NULL;
    }
    if (c) {
        snprintf(c->id, sizeof(c->id), "%s", id);
        if (nnamed < (int)(sizeof(named) / sizeof(named[0])))
            named[nnamed++] = c;
    }
    return c;
}

SysChardev *sys_chardev_find(const char *id)
{
    for (int i = 0; i < nnamed; i++)
        if (!strcmp(named[i]->id, id))
            return named[i];
    return NULL;
}

void sys_chardev_set_frontend(SysChardev *chr, SysChrCanReceive can_receive,
                              SysChrReceive receive, SysChrEvent event,
                              void *opaque)
{
    chr->can_receive = can_receive;
    chr->receive = receive;
    chr->event = event;
    chr->fe_opaque = opaque;
    if (event && chr->kind == SYS_CHR_SOCKET && chr->in_fd >= 0)
        event(opaque, true);
}

size_t sys_chardev_write(SysChardev *chr, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    size_t left = len;

    while (chr->out_fd >= 0 && left) {
        ssize_t n = write(chr->out_fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;              /* full or gone: the rest is dropped */
        p += n;
        left -= (size_t)n;
    }
    return len;
}

void sys_chardev_accept_input(SysChardev *chr)
{
    if (chr && chr->throttled) {
        chr->throttled = false;
        watch_input(chr);
    }
}

void sys_chardev_close(SysChardev *chr)
{
    if (!chr)
        return;
    for (int i = 0; i < nnamed; i++)
        if (named[i] == chr)
            named[i] = named[--nnamed];
    if (chr->raw_tty)
        tcsetattr(0, TCSANOW, &chr->saved_tio);
    if (chr->in_fd >= 0)
        sys_fd_del(chr->in_fd);
    if (chr->listen_fd >= 0) {
        sys_fd_del(chr->listen_fd);
        close(chr->listen_fd);
    }
    if (chr->kind == SYS_CHR_SOCKET && chr->in_fd >= 0)
        close(chr->in_fd);
    if (chr->kind == SYS_CHR_FILE)
        close(chr->out_fd);
    free(chr);
}
