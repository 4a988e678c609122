/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio devices that move plain byte streams:
 *   virtio-rng (virtio 1.1, 5.4): one request queue whose writable buffers
 *     are filled with bytes from the host's getrandom();
 *   virtio-console (5.3) with a single port and no MULTIPORT: queue 0
 *     (receiveq) takes bytes from the character backend into the driver's
 *     buffers, queue 1 (transmitq) sends the driver's bytes out.  Config:
 *     cols, rows (0: unknown), max_nr_ports 1.
 */
#include <string.h>
#include <sys/random.h>
#include "hw/virtio/virtio-devices.h"

static void rng_handle_queue(VirtioDevice *vdev, unsigned q)
{
    VirtqElem e;
    uint8_t buf[256];
    bool any = false;

    while (virtq_pop(vdev, q, &e)) {
        size_t want = virtq_in_size(&e), done = 0;
        while (done < want) {
            size_t n = want - done < sizeof(buf) ? want - done : sizeof(buf);
            ssize_t got = getrandom(buf, n, 0);
            if (got <= 0)
                break;
            virtq_write(vdev, &e, done, buf, (size_t)got);
            done += (size_t)got;
        }
        virtq_push(vdev, q, &e, (uint32_t)done);
        any = true;
    }
    if (any)
        virtio_notify(vdev);
}

void virtio_rng_init(VirtioDevice *vdev)
{
    memset(vdev, 0, sizeof(*vdev));
    vdev->device_id = VIRTIO_ID_RNG;
    vdev->host_features = 1ull << VIRTIO_F_INDIRECT_DESC;
    vdev->nqueues = 1;
    vdev->handle_queue = rng_handle_queue;
}

static void console_handle_queue(VirtioDevice *vdev, unsigned q)
{
    VirtioConsole *c = vdev->opaque;
    VirtqElem e;
    uint8_t buf[512];
    bool any = false;

    if (q == 0) {               /* new receive buffers: let input flow */
        sys_chardev_accept_input(c->chr);
        return;
    }
    while (virtq_pop(vdev, q, &e)) {
        size_t total = virtq_out_size(&e);
        for (size_t off = 0; off < total; off += sizeof(buf)) {
            size_t n = virtq_read(vdev, &e, off, buf, sizeof(buf));
            if (c->chr)
                sys_chardev_write(c->chr, buf, n);
        }
        virtq_push(vdev, q, &e, 0);
        any = true;
    }
    if (any)
        virtio_notify(vdev);
}

static int console_can_receive(void *opaque)
{
    VirtioConsole *c = opaque;
    VirtQueue *vq = &c->vdev.vq[0];
    /* Room exists when the driver has made receive buffers available. */
    if (!(c->vdev.status & VIRTIO_STATUS_DRIVER_OK) || !vq->ready)
        return 0;
    uint64_t idx = 0;
    sys_as_read(c->vdev.as, vq->avail + 2, 2, &idx, SYS_ATTRS_DMA);
    return (uint16_t)idx != vq->last_avail ? 512 : 0;
}

static void console_receive(void *opaque, const uint8_t *buf, size_t len)
{
    VirtioConsole *c = opaque;
    VirtqElem e;
    size_t done = 0;

    while (done < len && virtq_pop(&c->vdev, 0, &e)) {
        size_t n = virtq_write(&c->vdev, &e, 0, buf + done, len - done);
        virtq_push(&c->vdev, 0, &e, (uint32_t)n);
        done += n;
    }
    virtio_notify(&c->vdev);
}

void virtio_console_init(VirtioConsole *c, SysChardev *chr)
{
    VirtioDevice *v = &c->vdev;

    memset(c, 0, sizeof(*c));
    c->chr = chr;
    v->device_id = VIRTIO_ID_CONSOLE;
    v->host_features = 1ull << VIRTIO_F_INDIRECT_DESC;
    v->nqueues = 2;
    v->handle_queue = console_handle_queue;
    v->opaque = c;
    c->config[4] = 1;           /* max_nr_ports = 1 (le32 at 4) */
    v->config = c->config;
    v->config_len = sizeof(c->config);
    if (chr)
        sys_chardev_set_frontend(chr, console_can_receive, console_receive, NULL, c);
}
