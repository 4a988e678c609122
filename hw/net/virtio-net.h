/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-net (virtio 1.1, 5.1) on a network backend (system/net.h): queue
 * 0 receives, queue 1 transmits, each buffer led by the 12-byte
 * virtio_net_hdr of VIRTIO_F_VERSION_1.  Features: VIRTIO_NET_F_MAC (the
 * mac= option, QEMU's 52:54:00:12:34:56 by default), VIRTIO_NET_F_STATUS
 * (the link is always up) and indirect descriptors; no checksum or
 * segmentation offload, no control queue, no mergeable receive buffers.
 *
 * Frames that arrive while the driver has no receive buffer wait in a
 * bounded queue until it adds some (a notify on queue 0); past the bound,
 * or while the driver is not running, they are dropped and that is
 * reported once under -d guest_errors.
 *
 * Entry points: virtio_net_init(), virtio_net_parse_mac().
 */
#ifndef GUISE_HW_VIRTIO_NET_H
#define GUISE_HW_VIRTIO_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hw/virtio/virtio.h"
#include "system/net.h"

#define VIRTIO_NET_RXQ_FRAMES 128           /* frames waiting for buffers */
#define VIRTIO_NET_RXQ_BYTES (512u * 1024)  /* and their bytes */

typedef struct VirtioNet {
    VirtioDevice vdev;
    SysNetdev *nd;
    uint8_t mac[6];
    uint8_t config[10];         /* mac, status, max_virtqueue_pairs */
    /* Frames waiting for receive buffers: a ring of malloc'd copies. */
    uint8_t *rxq[VIRTIO_NET_RXQ_FRAMES];
    size_t rxq_len[VIRTIO_NET_RXQ_FRAMES];
    unsigned rxq_head, rxq_count;
    size_t rxq_bytes;
    uint8_t *txbuf;             /* one transmitted frame */
} VirtioNet;

/*
 * Fills n for backend nd (attached as its device) with address mac.
 * 0, -EBUSY when another device has nd, -ENOMEM.
 */
int virtio_net_init(VirtioNet *n, SysNetdev *nd, const uint8_t mac[6]);
/* "52:54:00:12:34:56" into mac; false when malformed or multicast. */
bool virtio_net_parse_mac(const char *s, uint8_t mac[6]);

#endif
