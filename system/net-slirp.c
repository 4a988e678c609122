/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -netdev user: the guest's network is libslirp's, a user-mode TCP/IP
 * stack that NATs the guest's connections onto host sockets, as in QEMU
 * (the same addresses: 10.0.2.0/24, the host and gateway 10.0.2.2, DNS
 * 10.0.2.3, DHCP from 10.0.2.15; fec0::/64 for IPv6).  hostfwd rules
 * listen on the host and forward to the guest.
 *
 * libslirp's sockets change with every connection, so they join the main
 * loop through one poll hook (mainloop.h) that asks every instance for
 * its fds before poll() and hands back the revents after it; its timers
 * are SysTimers on the virtual clock.  All of libslirp runs under the big
 * lock: frames from the guest come in on a vCPU thread (virtio-net's
 * transmit queue), which then wakes the main loop so that it polls any
 * socket the frame opened.
 *
 * Entry point: sys_netdev_user (net.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <slirp/libslirp.h>
#include "system/mainloop.h"
#include "system/net.h"
#include "system/timer.h"
#include "util/log.h"

typedef struct NetSlirp {
    Slirp *slirp;
    SysNetdev *nd;
    struct NetSlirp *next;
} NetSlirp;

typedef struct NetSlirpTimer {
    SysTimer t;
    SlirpTimerCb cb;
    void *cb_opaque;
} NetSlirpTimer;

static NetSlirp *instances;

/* ---- libslirp's callbacks ---- */

static ssize_t cb_send_packet(const void *buf, size_t len, void *opaque)
{
    NetSlirp *s = opaque;
    sys_netdev_deliver(s->nd, buf, len);
    return (ssize_t)len;
}

static void cb_guest_error(const char *msg, void *opaque)
{
    NetSlirp *s = opaque;
    if (log_enabled(LOG_GUEST_ERROR))
        log_printf("netdev %s: %s\n", s->nd->id, msg);
}

static int64_t cb_clock_get_ns(void *opaque)
{
    (void)opaque;
    return sys_clock_ns(SYS_CLOCK_VIRTUAL);
}

static void timer_fire(void *opaque)
{
    NetSlirpTimer *t = opaque;
    t->cb(t->cb_opaque);
}

static void *cb_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
    NetSlirpTimer *t = calloc(1, sizeof(*t));
    (void)opaque;
    BUG_ON(!t);
    t->cb = cb;
    t->cb_opaque = cb_opaque;
    sys_timer_init(&t->t, SYS_CLOCK_VIRTUAL, timer_fire, t);
    return t;
}

static void cb_timer_free(void *timer, void *opaque)
{
    NetSlirpTimer *t = timer;
    (void)opaque;
    sys_timer_del(&t->t);
    free(t);
}

/* expire_ms is on the clock of cb_clock_get_ns, in milliseconds. */
static void cb_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    NetSlirpTimer *t = timer;
    (void)opaque;
    sys_timer_mod(&t->t, expire_ms * 1000000);
}

/* libslirp's sockets are polled through the hook, not registered. */
static void cb_register_poll_fd(int fd, void *opaque)
{
    (void)fd;
    (void)opaque;
}

static void cb_notify(void *opaque)
{
    (void)opaque;
    sys_main_loop_notify();
}

static const SlirpCb slirp_callbacks = {
    .send_packet = cb_send_packet,
    .guest_error = cb_guest_error,
    .clock_get_ns = cb_clock_get_ns,
    .timer_new = cb_timer_new,
    .timer_free = cb_timer_free,
    .timer_mod = cb_timer_mod,
    .register_poll_fd = cb_register_poll_fd,
    .unregister_poll_fd = cb_register_poll_fd,
    .notify = cb_notify,
};

/* ---- the poll hook ---- */

/* SLIRP_POLL_* against poll(2)'s bits. */
static const struct { int slirp; short host; } poll_bits[] = {
    { SLIRP_POLL_IN, POLLIN }, { SLIRP_POLL_OUT, POLLOUT }, { SLIRP_POLL_PRI, POLLPRI },
    { SLIRP_POLL_ERR, POLLERR }, { SLIRP_POLL_HUP, POLLHUP },
};

static int hook_add_poll(int fd, int events, void *opaque)
{
    short ev = 0;
    (void)opaque;
    for (size_t i = 0; i < sizeof(poll_bits) / sizeof(poll_bits[0]); i++)
        if (events & poll_bits[i].slirp)
            ev |= poll_bits[i].host;
    return sys_poll_add(fd, ev);
}

static int hook_get_revents(int idx, void *opaque)
{
    short rev = sys_poll_revents(idx);
    int r = 0;
    (void)opaque;
    for (size_t i = 0; i < sizeof(poll_bits) / sizeof(poll_bits[0]); i++)
        if (rev & poll_bits[i].host)
            r |= poll_bits[i].slirp;
    /* A closed descriptor reads as an error to libslirp. */
    return rev & POLLNVAL ? r | SLIRP_POLL_ERR : r;
}

static void hook_fill(void *opaque, int *timeout_ms)
{
    (void)opaque;
    for (NetSlirp *s = instances; s; s = s->next) {
        uint32_t t = *timeout_ms < 0 ? UINT32_MAX : (uint32_t)*timeout_ms;
        slirp_pollfds_fill(s->slirp, &t, hook_add_poll, s);
        if (t != UINT32_MAX && (*timeout_ms < 0 || t < (uint32_t)*timeout_ms))
            *timeout_ms = (int)t;
    }
}

static void hook_dispatch(void *opaque, bool poll_failed)
{
    (void)opaque;
    for (NetSlirp *s = instances; s; s = s->next)
        slirp_pollfds_poll(s->slirp, poll_failed, hook_get_revents, s);
}

static const SysPollHook slirp_hook = { hook_fill, hook_dispatch, NULL };

/* ---- the device's frames ---- */

static void user_send(SysNetdev *nd, const uint8_t *frame, size_t len)
{
    NetSlirp *s = nd->state;
    slirp_input(s->slirp, frame, (int)len);
    /* The frame may have opened a host socket the sleeping loop does not poll. */
    sys_main_loop_notify();
}

/* ---- options ---- */

typedef struct NetSlirpConfig {
    SlirpConfig cfg;
    const char *dnssearch[9];   /* NULL-terminated, for cfg.vdnssearch */
    unsigned ndnssearch;
    bool given_host, given_dhcp, given_dns, given_host6, given_dns6;
} NetSlirpConfig;

typedef enum {
    OPT_SKIP, OPT_IN4, OPT_IN6, OPT_STR, OPT_BOOL, OPT_RESTRICT, OPT_NET,
    OPT_NET6, OPT_PREFIXLEN, OPT_DNSSEARCH, OPT_UNSUPPORTED,
} OptKind;

/* QEMU's -netdev user options; hostfwd is applied once libslirp exists. */
static const struct {
    const char *key;
    OptKind kind;
    size_t off;                 /* into SlirpConfig, for the plain kinds */
} user_opts[] = {
    { "type", OPT_SKIP, 0 },
    { "id", OPT_SKIP, 0 },
    { "hostfwd", OPT_SKIP, 0 },
    { "net", OPT_NET, 0 },
    { "host", OPT_IN4, offsetof(SlirpConfig, vhost) },
    { "dhcpstart", OPT_IN4, offsetof(SlirpConfig, vdhcp_start) },
    { "dns", OPT_IN4, offsetof(SlirpConfig, vnameserver) },
    { "restrict", OPT_RESTRICT, 0 },
    { "hostname", OPT_STR, offsetof(SlirpConfig, vhostname) },
    { "domainname", OPT_STR, offsetof(SlirpConfig, vdomainname) },
    { "dnssearch", OPT_DNSSEARCH, 0 },
    { "tftp", OPT_STR, offsetof(SlirpConfig, tftp_path) },
    { "tftp-server-name", OPT_STR, offsetof(SlirpConfig, tftp_server_name) },
    { "bootfile", OPT_STR, offsetof(SlirpConfig, bootfile) },
    { "ipv4", OPT_BOOL, offsetof(SlirpConfig, in_enabled) },
    { "ipv6", OPT_BOOL, offsetof(SlirpConfig, in6_enabled) },
    { "ipv6-net", OPT_NET6, 0 },
    { "ipv6-prefix", OPT_IN6, offsetof(SlirpConfig, vprefix_addr6) },
    { "ipv6-prefixlen", OPT_PREFIXLEN, 0 },
    { "ipv6-host", OPT_IN6, offsetof(SlirpConfig, vhost6) },
    { "ipv6-dns", OPT_IN6, offsetof(SlirpConfig, vnameserver6) },
    { "guestfwd", OPT_UNSUPPORTED, 0 },
    { "smb", OPT_UNSUPPORTED, 0 },
};

static bool parse_onoff(const char *v, bool *out)
{
    static const char *const on[] = { "on", "yes", "y", "true" }, *const off[] = { "off", "no", "n", "false" };
    for (size_t i = 0; i < 4; i++) {
        if (!strcmp(v, on[i]) || !strcmp(v, off[i])) {
            *out = !strcmp(v, on[i]);
            return true;
        }
    }
    return false;
}

/* A mask from "24" or "255.255.255.0"; false when neither. */
static bool parse_mask(const char *v, uint32_t *mask)
{
    struct in_addr a;
    char *end;
    long bits = strtol(v, &end, 10);

    if (*v && !*end && bits >= 0 && bits <= 32) {
        *mask = bits ? ~0u << (32 - bits) : 0;
        return true;
    }
    if (inet_pton(AF_INET, v, &a) != 1)
        return false;
    *mask = ntohl(a.s_addr);
    return !(~*mask & (~*mask + 1));    /* contiguous ones from the top */
}

/* The classful mask QEMU assumes when net= has none. */
static uint32_t class_mask(uint32_t a)
{
    if (!(a & 0x80000000u))
        return 0xff000000u;
    if ((a & 0xfff00000u) == 0xac100000u)
        return 0xfff00000u;
    if ((a & 0xc0000000u) == 0x80000000u || (a & 0xffff0000u) == 0xc0a80000u)
        return 0xffff0000u;
    return (a & 0xe0000000u) == 0xe0000000u ? 0xfffffff0u : 0xffffff00u;
}

/* net=ADDR[/MASK] */
static bool parse_net(NetSlirpConfig *c, const char *v)
{
    char buf[64];
    const char *slash = strchr(v, '/');
    uint32_t mask;

    snprintf(buf, sizeof(buf), "%.*s", (int)(slash ? (size_t)(slash - v) : strlen(v)), v);
    if (inet_pton(AF_INET, buf, &c->cfg.vnetwork) != 1)
        return false;
    if (slash ? !parse_mask(slash + 1, &mask) : false)
        return false;
    if (!slash)
        mask = class_mask(ntohl(c->cfg.vnetwork.s_addr));
    c->cfg.vnetmask.s_addr = htonl(mask);
    c->cfg.vnetwork.s_addr &= htonl(mask);
    return true;
}

/* ipv6-net=PREFIX[/LEN] */
static bool parse_net6(NetSlirpConfig *c, const char *v)
{
    char buf[64];
    const char *slash = strchr(v, '/');
    char *end;

    snprintf(buf, sizeof(buf), "%.*s", (int)(slash ? (size_t)(slash - v) : strlen(v)), v);
    if (inet_pton(AF_INET6, buf, &c->cfg.vprefix_addr6) != 1)
        return false;
    if (slash) {
        long len = strtol(slash + 1, &end, 10);
        if (!slash[1] || *end || len < 0 || len > 126)
            return false;
        c->cfg.vprefix_len = (uint8_t)len;
    }
    return true;
}

/* One option of the table; false when its value is bad. */
static bool parse_one(NetSlirpConfig *c, OptKind kind, size_t off, const char *v)
{
    char *field = (char *)&c->cfg + off;
    bool b;
    char *end;

    switch (kind) {
    case OPT_SKIP: return true;
    case OPT_IN4: return inet_pton(AF_INET, v, field) == 1;
    case OPT_IN6: return inet_pton(AF_INET6, v, field) == 1;
    case OPT_STR: *(const char **)field = v; return true;
    case OPT_BOOL: return parse_onoff(v, (bool *)field);
    case OPT_RESTRICT:
        if (!parse_onoff(v, &b))
            return false;
        c->cfg.restricted = b;
        return true;
    case OPT_NET: return parse_net(c, v);
    case OPT_NET6: return parse_net6(c, v);
    case OPT_PREFIXLEN: {
        long len = strtol(v, &end, 10);
        c->cfg.vprefix_len = (uint8_t)len;
        return *v && !*end && len >= 0 && len <= 126;
    }
    case OPT_DNSSEARCH:
        if (c->ndnssearch + 1 >= sizeof(c->dnssearch) / sizeof(c->dnssearch[0]))
            return false;
        c->dnssearch[c->ndnssearch++] = v;
        c->cfg.vdnssearch = c->dnssearch;
        return true;
    default: return false;
    }
}

static bool in_net(const SlirpConfig *cfg, struct in_addr a)
{
    return (a.s_addr & cfg->vnetmask.s_addr) == cfg->vnetwork.s_addr;
}

/* Host, DHCP and DNS addresses QEMU derives from net= when not given. */
static int finish_config(NetSlirpConfig *c, char *err, size_t errlen)
{
    static const struct { const char *name; size_t off; uint32_t host; } derived[] = {
        { "host", offsetof(SlirpConfig, vhost), 2 },
        { "dhcpstart", offsetof(SlirpConfig, vdhcp_start), 15 },
        { "dns", offsetof(SlirpConfig, vnameserver), 3 },
    };
    const bool given[] = { c->given_host, c->given_dhcp, c->given_dns };

    if (!c->cfg.in_enabled && !c->cfg.in6_enabled) {
        snprintf(err, errlen, "-netdev user: IPv4 and IPv6 cannot both be off");
        return -1;
    }
    for (size_t i = 0; i < sizeof(derived) / sizeof(derived[0]); i++) {
        struct in_addr *a = (struct in_addr *)((char *)&c->cfg + derived[i].off);
        if (!given[i])
            a->s_addr = c->cfg.vnetwork.s_addr | htonl(derived[i].host);
        if (!in_net(&c->cfg, *a)) {
            snprintf(err, errlen, "-netdev user: %s= is not inside net=", derived[i].name);
            return -1;
        }
    }
    /* IPv6: the host and DNS are ::2 and ::3 in the prefix by default. */
    if (!c->given_host6) {
        c->cfg.vhost6 = c->cfg.vprefix_addr6;
        c->cfg.vhost6.s6_addr[15] |= 2;
    }
    if (!c->given_dns6) {
        c->cfg.vnameserver6 = c->cfg.vprefix_addr6;
        c->cfg.vnameserver6.s6_addr[15] |= 3;
    }
    return 0;
}

/* Fills c from the -netdev user options (QEMU's defaults first). */
static int net_slirp_parse(const SysOpts *o, NetSlirpConfig *c, char *err, size_t errlen)
{
    memset(c, 0, sizeof(*c));
    c->cfg.version = 1;
    c->cfg.in_enabled = true;
    c->cfg.in6_enabled = true;
    inet_pton(AF_INET, "10.0.2.0", &c->cfg.vnetwork);
    inet_pton(AF_INET, "255.255.255.0", &c->cfg.vnetmask);
    inet_pton(AF_INET6, "fec0::", &c->cfg.vprefix_addr6);
    c->cfg.vprefix_len = 64;
    for (int i = 0; i < o->n; i++) {
        size_t k;
        for (k = 0; k < sizeof(user_opts) / sizeof(user_opts[0]); k++)
            if (!strcmp(user_opts[k].key, o->key[i]))
                break;
        if (k == sizeof(user_opts) / sizeof(user_opts[0])) {
            snprintf(err, errlen, "-netdev user: unknown option '%s'", o->key[i]);
            return -1;
        }
        if (user_opts[k].kind == OPT_UNSUPPORTED) {
            snprintf(err, errlen, "-netdev user: %s= is not supported", o->key[i]);
            return -1;
        }
        if (!parse_one(c, user_opts[k].kind, user_opts[k].off, o->val[i])) {
            snprintf(err, errlen, "-netdev user: bad value %s=%s", o->key[i], o->val[i]);
            return -1;
        }
        c->given_host |= !strcmp(o->key[i], "host");
        c->given_dhcp |= !strcmp(o->key[i], "dhcpstart");
        c->given_dns |= !strcmp(o->key[i], "dns");
        c->given_host6 |= !strcmp(o->key[i], "ipv6-host");
        c->given_dns6 |= !strcmp(o->key[i], "ipv6-dns");
    }
    return finish_config(c, err, errlen);
}

/* Copies the text before sep into buf; false when sep is missing. */
static bool take_field(const char **p, char sep, char *buf, size_t len)
{
    const char *e = strchr(*p, sep);
    if (!e || (size_t)(e - *p) >= len)
        return false;
    memcpy(buf, *p, (size_t)(e - *p));
    buf[e - *p] = 0;
    *p = e + 1;
    return true;
}

static bool parse_port(const char *s, int min, int *port)
{
    char *end;
    long v = strtol(s, &end, 10);
    *port = (int)v;
    return *s && !*end && v >= min && v <= 65535;
}

/* hostfwd=[tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT */
static int add_hostfwd(Slirp *slirp, const char *rule, char *err, size_t errlen)
{
    char proto[8], haddr[64], hport[8], gaddr[64];
    struct in_addr host = { INADDR_ANY }, guest = { 0 };
    const char *p = rule;
    int hp, gp;
    bool udp;

    if (!take_field(&p, ':', proto, sizeof(proto)) || !take_field(&p, ':', haddr, sizeof(haddr)) ||
        !take_field(&p, '-', hport, sizeof(hport)) || !take_field(&p, ':', gaddr, sizeof(gaddr)) ||
        (strcmp(proto, "tcp") && strcmp(proto, "udp") && *proto) ||
        (*haddr && inet_pton(AF_INET, haddr, &host) != 1) ||
        (*gaddr && inet_pton(AF_INET, gaddr, &guest) != 1) ||
        !parse_port(hport, 0, &hp) || !parse_port(p, 1, &gp)) {
        snprintf(err, errlen, "-netdev user: bad hostfwd '%s' "
                 "(expected [tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT)", rule);
        return -1;
    }
    udp = !strcmp(proto, "udp");
    if (slirp_add_hostfwd(slirp, udp, host, hp, guest, gp) < 0) {
        snprintf(err, errlen, "-netdev user: could not set up host forwarding rule '%s' "
                 "(is the host port in use?)", rule);
        return -1;
    }
    return 0;
}

static int net_slirp_add_hostfwds(Slirp *slirp, const SysOpts *o, char *err, size_t errlen)
{
    for (int i = 0; i < o->n; i++)
        if (!strcmp(o->key[i], "hostfwd") && add_hostfwd(slirp, o->val[i], err, errlen) < 0)
            return -1;
    return 0;
}

static int user_open(SysNetdev *nd, const SysOpts *o, char *err, size_t errlen)
{
    static bool hooked;
    NetSlirpConfig c;
    NetSlirp *s;

    if (net_slirp_parse(o, &c, err, errlen) < 0)
        return -1;
    if (!hooked && sys_poll_hook_add(&slirp_hook) < 0) {
        snprintf(err, errlen, "-netdev user: the main loop has no room for libslirp");
        return -1;
    }
    hooked = true;
    if (!(s = calloc(1, sizeof(*s)))) {
        snprintf(err, errlen, "-netdev user: out of memory");
        return -1;
    }
    s->nd = nd;
    if (!(s->slirp = slirp_new(&c.cfg, &slirp_callbacks, s))) {
        snprintf(err, errlen, "-netdev user,id=%s: libslirp refused the configuration", nd->id);
        free(s);
        return -1;
    }
    if (net_slirp_add_hostfwds(s->slirp, o, err, errlen) < 0) {
        slirp_cleanup(s->slirp);
        free(s);
        return -1;
    }
    nd->state = s;
    nd->send = user_send;
    s->next = instances;
    instances = s;
    return 0;
}

const SysNetdevClass sys_netdev_user = { "user", user_open };
