/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network backends (-netdev) and the frames between them and the network
 * devices.  A SysNetdev is a named backend; one device attaches to it
 * (virtio-net's netdev=ID), gives a receive callback for frames coming
 * from the network, and hands its own frames over with sys_netdev_send().
 * Frames are whole Ethernet frames without FCS.  Everything runs under
 * the big lock: receive may be called from the main loop (a host socket
 * became readable) or from inside sys_netdev_send() (an ARP or ICMP reply
 * libslirp makes at once).
 *
 * The one backend is "user" (net-slirp.c): libslirp's NAT with QEMU's
 * options, -netdev user,id=ID[,net=ADDR[/MASK]][,host=][,dhcpstart=]
 * [,dns=][,restrict=on|off][,hostname=][,domainname=][,dnssearch=]
 * [,ipv4=][,ipv6=][,ipv6-net=][,ipv6-host=][,ipv6-dns=][,tftp=][,bootfile=]
 * [,hostfwd=[tcp|udp]:[HOSTADDR]:HOSTPORT-[GUESTADDR]:GUESTPORT ...].
 * -nic TYPE,model=M,mac=X,... is QEMU's shorthand for a -netdev and a
 * -device; sys_nic_split() turns it into both.
 *
 * Entry points: sys_netdev_open_opts(), sys_nic_split(), sys_netdev_find(),
 * sys_netdev_attach(), sys_netdev_send(), sys_netdev_check_peers().
 */
#ifndef GUISE_SYSTEM_NET_H
#define GUISE_SYSTEM_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "system/machine.h"

#define SYS_NET_FRAME_MAX 65536     /* largest frame either way */

/* A frame from the network for the device (under the big lock). */
typedef void (*SysNetReceive)(void *opaque, const uint8_t *frame, size_t len);

typedef struct SysNetdev SysNetdev;

/* A backend type: parses its options and sets nd->send/nd->state. */
typedef struct SysNetdevClass {
    const char *type;
    /* 0, or -1 with a one-line reason in err (a user error). */
    int (*open)(SysNetdev *nd, const SysOpts *o, char *err, size_t errlen);
} SysNetdevClass;

struct SysNetdev {
    char id[32];
    const SysNetdevClass *nc;
    void *state;                        /* the backend's */
    /* The device's frame to the network (the backend's). */
    void (*send)(SysNetdev *nd, const uint8_t *frame, size_t len);
    SysNetReceive receive;              /* the attached device, or NULL */
    void *rx_opaque;
};

/* The user (libslirp) backend, net-slirp.c. */
extern const SysNetdevClass sys_netdev_user;

/*
 * Opens a -netdev option list (type in "type", "id" required) and
 * registers it under its id.  false with a one-line reason in err.
 */
bool sys_netdev_open_opts(const SysOpts *o, char *err, size_t errlen);

/*
 * -nic TYPE[,model=M][,mac=X][,netdev options]: fills netdev (a -netdev
 * list with id "__nicN", N = index) and device (a -device list naming it;
 * model defaults to virtio-net-device).  "-nic none" leaves both empty
 * (n == 0).  false with a reason in err.
 */
bool sys_nic_split(const char *arg, int index, SysOpts *netdev, SysOpts *device,
                   char *err, size_t errlen);

/* The backend with that id, or NULL. */
SysNetdev *sys_netdev_find(const char *id);
/* Attaches a device; -EBUSY when another one already did. */
int sys_netdev_attach(SysNetdev *nd, SysNetReceive receive, void *opaque);
/* A frame from the device to the network; never blocks, may drop. */
void sys_netdev_send(SysNetdev *nd, const uint8_t *frame, size_t len);
/* Hands a frame from the backend to the device (dropped when none). */
void sys_netdev_deliver(SysNetdev *nd, const uint8_t *frame, size_t len);
/* Warns on stderr about each backend no device attached to (as QEMU). */
void sys_netdev_check_peers(void);

#endif
