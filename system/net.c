/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The network backend registry (see net.h): -netdev option lists opened
 * through the table of backend types, -nic split into a -netdev and a
 * -device, look-up by id for the boards, and the frame hand-over between
 * a device and its backend.  The backends themselves live beside this
 * file (net-slirp.c, left out of a build without libslirp).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "system/net.h"

#ifndef HAVE_SLIRP
/* A build without libslirp (./configure --static: Debian has no libslirp.a). */
static int user_unavailable(SysNetdev *nd, const SysOpts *o, char *err, size_t errlen)
{
    (void)nd;
    (void)o;
    snprintf(err, errlen, "-netdev user: this guise-system-aarch64 was built without "
             "libslirp (./configure --static); build it without --static");
    return -1;
}

const SysNetdevClass sys_netdev_user = { "user", user_unavailable };
#endif

/* The backend types, -netdev's first word. */
static const SysNetdevClass *const netdev_types[] = {
    &sys_netdev_user,
};

#define NETDEV_MAX 8

static SysNetdev *netdevs[NETDEV_MAX];
static int nnetdevs;

static const SysNetdevClass *find_type(const char *type)
{
    for (size_t i = 0; i < sizeof(netdev_types) / sizeof(netdev_types[0]); i++)
        if (!strcmp(netdev_types[i]->type, type))
            return netdev_types[i];
    return NULL;
}

bool sys_netdev_open_opts(const SysOpts *o, char *err, size_t errlen)
{
    const char *type = sys_opts_get(o, "type"), *id = sys_opts_get(o, "id");
    const SysNetdevClass *nc;
    SysNetdev *nd;

    if (!type) {
        snprintf(err, errlen, "-netdev needs a type (user)");
        return false;
    }
    if (!(nc = find_type(type))) {
        snprintf(err, errlen, "-netdev %s: unsupported network backend (user is the one there is)",
                 type);
        return false;
    }
    if (!id || !*id || strlen(id) >= sizeof(nd->id)) {
        snprintf(err, errlen, "-netdev %s needs id=NAME (at most 31 characters)", type);
        return false;
    }
    if (sys_netdev_find(id)) {
        snprintf(err, errlen, "-netdev: duplicate id '%s'", id);
        return false;
    }
    if (nnetdevs == NETDEV_MAX) {
        snprintf(err, errlen, "-netdev: at most %d network backends", NETDEV_MAX);
        return false;
    }
    if (!(nd = calloc(1, sizeof(*nd)))) {
        snprintf(err, errlen, "-netdev %s: out of memory", id);
        return false;
    }
    snprintf(nd->id, sizeof(nd->id), "%s", id);
    nd->nc = nc;
    if (nc->open(nd, o, err, errlen) < 0) {
        free(nd);
        return false;
    }
    netdevs[nnetdevs++] = nd;
    return true;
}

static bool opts_put(SysOpts *o, const char *key, const char *val)
{
    if (o->n == SYS_OPTS_MAX)
        return false;
    o->key[o->n] = strdup(key);
    o->val[o->n] = strdup(val);
    o->n++;
    return true;
}

bool sys_nic_split(const char *arg, int index, SysOpts *netdev, SysOpts *device,
                   char *err, size_t errlen)
{
    SysOpts o;
    char id[32];
    bool ok = true;

    memset(netdev, 0, sizeof(*netdev));
    memset(device, 0, sizeof(*device));
    if (!sys_opts_parse(arg, "type", &o, err, errlen))
        return false;
    const char *type = sys_opts_get(&o, "type"), *model = sys_opts_get(&o, "model");
    const char *mac = sys_opts_get(&o, "mac"), *given = sys_opts_get(&o, "id");
    if (type && !strcmp(type, "none")) {
        sys_opts_free(&o);
        return true;
    }
    snprintf(id, sizeof(id), "__nic%d", index);
    if (given)
        snprintf(id, sizeof(id), "%s", given);
    /* The device: the model with the backend and the MAC address. */
    ok = opts_put(device, "driver", model ? model : "virtio-net-device") &&
         opts_put(device, "netdev", id) && (!mac || opts_put(device, "mac", mac));
    /* The backend: every other option. */
    for (int i = 0; ok && i < o.n; i++) {
        const char *k = o.key[i];
        if (strcmp(k, "model") && strcmp(k, "mac") && strcmp(k, "id"))
            ok = opts_put(netdev, k, o.val[i]);
    }
    ok = ok && opts_put(netdev, "id", id);
    sys_opts_free(&o);
    if (!ok) {
        snprintf(err, errlen, "too many parameters");
        sys_opts_free(netdev);
        sys_opts_free(device);
    }
    return ok;
}

SysNetdev *sys_netdev_find(const char *id)
{
    for (int i = 0; i < nnetdevs; i++)
        if (!strcmp(netdevs[i]->id, id))
            return netdevs[i];
    return NULL;
}

int sys_netdev_attach(SysNetdev *nd, SysNetReceive receive, void *opaque)
{
    if (nd->receive)
        return -EBUSY;
    nd->receive = receive;
    nd->rx_opaque = opaque;
    return 0;
}

void sys_netdev_send(SysNetdev *nd, const uint8_t *frame, size_t len)
{
    if (nd->send && len <= SYS_NET_FRAME_MAX)
        nd->send(nd, frame, len);
}

void sys_netdev_deliver(SysNetdev *nd, const uint8_t *frame, size_t len)
{
    if (nd->receive)
        nd->receive(nd->rx_opaque, frame, len);
}

void sys_netdev_check_peers(void)
{
    for (int i = 0; i < nnetdevs; i++)
        if (!netdevs[i]->receive)
            fprintf(stderr, "guise-system-aarch64: warning: netdev %s has no peer "
                    "(add -device virtio-net-device,netdev=%s)\n",
                    netdevs[i]->id, netdevs[i]->id);
}
