/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-net (virtio 1.1, 5.1; see virtio-net.h).  Transmit: each chain of
 * queue 1 is a virtio_net_hdr and one frame, handed to the backend at the
 * driver's notify (on the vCPU thread, under the big lock).  Receive: the
 * backend's frames, from the main loop or from inside a transmit (an
 * immediate reply), go into the next buffer of queue 0 behind a zeroed
 * header; without a buffer they queue, bounded, until the driver notifies
 * queue 0.  Every guest-controlled size is checked; a malformed chain
 * marks the device DEVICE_NEEDS_RESET (virtio_error), never more.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hw/net/virtio-net.h"
#include "util/log.h"

enum { NET_F_MAC = 5, NET_F_STATUS = 16 };
enum { NET_S_LINK_UP = 1 };
enum { NET_RXQ = 0, NET_TXQ = 1 };

/* struct virtio_net_hdr (5.1.6): flags, gso_type, hdr_len, gso_size,
 * csum_start, csum_offset, num_buffers; all zero but num_buffers. */
#define NET_HDR_LEN 12
#define NET_HDR_NUM_BUFFERS 10

/* log_once keys of the reports below. */
enum { LOG_KEY = 0x7e100000, LOG_NOT_READY = LOG_KEY, LOG_OVERFLOW, LOG_SMALL_BUF,
       LOG_BIG_FRAME };

static bool rx_ready(const VirtioNet *n)
{
    const VirtioDevice *v = &n->vdev;
    return (v->status & VIRTIO_STATUS_DRIVER_OK) &&
           !(v->status & VIRTIO_STATUS_NEEDS_RESET) && v->vq[NET_RXQ].ready;
}

/* Whether queue 0 has a buffer the driver made available. */
static bool rx_has_buffer(VirtioNet *n)
{
    VirtQueue *vq = &n->vdev.vq[NET_RXQ];
    uint64_t idx = 0;

    sys_as_read(n->vdev.as, vq->avail + 2, 2, &idx, SYS_ATTRS_DMA);
    return (uint16_t)idx != vq->last_avail;
}

/*
 * Writes one frame into the next receive buffer; false when there is none
 * (or the ring is broken).  A buffer too small for the frame takes nothing:
 * it is returned empty and the frame dropped, reported once.
 */
static bool rx_put(VirtioNet *n, const uint8_t *frame, size_t len)
{
    VirtioDevice *v = &n->vdev;
    uint8_t hdr[NET_HDR_LEN] = { 0 };
    VirtqElem *e = malloc(sizeof(*e));
    bool ok = e && virtq_pop(v, NET_RXQ, e);

    if (!ok) {
        free(e);
        return false;
    }
    size_t room = virtq_in_size(e);
    uint32_t written = 0;
    if (room < NET_HDR_LEN + len) {
        log_once(LOG_GUEST_ERROR, LOG_SMALL_BUF, "virtio-net: a %zu-byte receive buffer "
                 "is too small for a %zu-byte frame: frame dropped\n", room, len);
    } else {
        hdr[NET_HDR_NUM_BUFFERS] = 1;   /* le16 1: one buffer per frame */
        virtq_write(v, e, 0, hdr, NET_HDR_LEN);
        virtq_write(v, e, NET_HDR_LEN, frame, len);
        written = (uint32_t)(NET_HDR_LEN + len);
    }
    virtq_push(v, NET_RXQ, e, written);
    free(e);
    return true;
}

static void rxq_drop_all(VirtioNet *n)
{
    while (n->rxq_count) {
        free(n->rxq[n->rxq_head]);
        n->rxq_head = (n->rxq_head + 1) % VIRTIO_NET_RXQ_FRAMES;
        n->rxq_count--;
    }
    n->rxq_bytes = 0;
}

/* Moves waiting frames into the driver's buffers while there are some. */
static void rxq_flush(VirtioNet *n)
{
    bool any = false;

    while (n->rxq_count && rx_ready(n)) {
        unsigned h = n->rxq_head;
        if (!rx_put(n, n->rxq[h], n->rxq_len[h]))
            break;
        n->rxq_bytes -= n->rxq_len[h];
        free(n->rxq[h]);
        n->rxq_head = (h + 1) % VIRTIO_NET_RXQ_FRAMES;
        n->rxq_count--;
        any = true;
    }
    if (any)
        virtio_notify(&n->vdev);
}

/* Keeps a copy of the frame for later; false when the queue is full. */
static bool rxq_add(VirtioNet *n, const uint8_t *frame, size_t len)
{
    unsigned tail = (n->rxq_head + n->rxq_count) % VIRTIO_NET_RXQ_FRAMES;
    uint8_t *copy;

    if (n->rxq_count == VIRTIO_NET_RXQ_FRAMES || n->rxq_bytes + len > VIRTIO_NET_RXQ_BYTES ||
        !(copy = malloc(len ? len : 1)))
        return false;
    memcpy(copy, frame, len);
    n->rxq[tail] = copy;
    n->rxq_len[tail] = len;
    n->rxq_count++;
    n->rxq_bytes += len;
    return true;
}

/* The backend's frame (SysNetReceive). */
static void net_receive(void *opaque, const uint8_t *frame, size_t len)
{
    VirtioNet *n = opaque;

    if (!rx_ready(n)) {
        log_once(LOG_GUEST_ERROR, LOG_NOT_READY, "virtio-net: frame dropped: the driver "
                 "has not set the receive queue up\n");
        return;
    }
    /* Waiting frames first, into buffers added since (a driver may skip
     * the notify); then this one, straight in only when nothing waits. */
    if (n->rxq_count)
        rxq_flush(n);
    if (!n->rxq_count && rx_has_buffer(n)) {
        if (rx_put(n, frame, len)) {
            virtio_notify(&n->vdev);
            return;
        }
        if (!rx_ready(n))
            return;             /* the ring was malformed: reported */
    }
    if (!rxq_add(n, frame, len))
        log_once(LOG_GUEST_ERROR, LOG_OVERFLOW, "virtio-net: frame dropped: the driver "
                 "has not taken the %u frames waiting for receive buffers\n", n->rxq_count);
}

/* Sends every chain of the transmit queue. */
static void net_transmit(VirtioNet *n)
{
    VirtioDevice *v = &n->vdev;
    VirtqElem *e = malloc(sizeof(*e));
    bool any = false;

    while (e && virtq_pop(v, NET_TXQ, e)) {
        size_t total = virtq_out_size(e);
        if (total < NET_HDR_LEN) {
            virtio_error(v, "net: transmit buffer shorter than its header");
            break;
        }
        size_t len = total - NET_HDR_LEN;
        if (len > SYS_NET_FRAME_MAX) {
            log_once(LOG_GUEST_ERROR, LOG_BIG_FRAME, "virtio-net: a %zu-byte frame "
                     "exceeds %u bytes: dropped\n", len, SYS_NET_FRAME_MAX);
        } else {
            virtq_read(v, e, NET_HDR_LEN, n->txbuf, len);
            if (!(v->status & VIRTIO_STATUS_NEEDS_RESET))
                sys_netdev_send(n->nd, n->txbuf, len);
        }
        virtq_push(v, NET_TXQ, e, 0);
        any = true;
    }
    free(e);
    if (any)
        virtio_notify(v);
}

static void net_handle_queue(VirtioDevice *vdev, unsigned q)
{
    VirtioNet *n = vdev->opaque;

    if (q == NET_RXQ)
        rxq_flush(n);           /* new receive buffers */
    else
        net_transmit(n);
}

/* The config space is read-only in the modern interface: undo writes. */
static void net_config_fill(VirtioNet *n)
{
    memcpy(n->config, n->mac, 6);
    n->config[6] = NET_S_LINK_UP;       /* le16 status */
    n->config[7] = 0;
    n->config[8] = 1;                   /* le16 max_virtqueue_pairs */
    n->config[9] = 0;
}

static void net_config_write(VirtioDevice *vdev, uint32_t off, unsigned size)
{
    (void)off;
    (void)size;
    net_config_fill(vdev->opaque);
}

static void net_reset(VirtioDevice *vdev)
{
    rxq_drop_all(vdev->opaque);
}

int virtio_net_init(VirtioNet *n, SysNetdev *nd, const uint8_t mac[6])
{
    VirtioDevice *v = &n->vdev;

    memset(n, 0, sizeof(*n));
    if (!(n->txbuf = malloc(SYS_NET_FRAME_MAX)))
        return -ENOMEM;
    if (sys_netdev_attach(nd, net_receive, n) < 0) {
        free(n->txbuf);
        n->txbuf = NULL;
        return -EBUSY;
    }
    n->nd = nd;
    memcpy(n->mac, mac, 6);
    net_config_fill(n);
    v->device_id = VIRTIO_ID_NET;
    v->host_features = 1ull << NET_F_MAC | 1ull << NET_F_STATUS |
                       1ull << VIRTIO_F_INDIRECT_DESC;
    v->nqueues = 2;
    v->handle_queue = net_handle_queue;
    v->config_write = net_config_write;
    v->reset = net_reset;
    v->opaque = n;
    v->config = n->config;
    v->config_len = sizeof(n->config);
    return 0;
}

bool virtio_net_parse_mac(const char *s, uint8_t mac[6])
{
    unsigned b[6];
    char end;

    if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
               &end) != 6 || strlen(s) != 17)
        return false;
    for (int i = 0; i < 6; i++)
        mac[i] = (uint8_t)b[i];
    return !(mac[0] & 1);       /* a station address, not multicast */
}
