/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Split virtqueues (virtio 1.1, 2.6): popping descriptor chains from the
 * available ring (direct and indirect descriptors), copying through them,
 * and pushing to the used ring.  Everything the guest wrote is checked:
 * indices against the queue size, chain length against the ring, buffers
 * against the address space.
 */
#include <stdio.h>
#include <string.h>
#include "hw/virtio/virtio.h"
#include "util/log.h"

enum { VRING_DESC_F_NEXT = 1, VRING_DESC_F_WRITE = 2, VRING_DESC_F_INDIRECT = 4 };

typedef struct {
    uint64_t addr;
    uint32_t len;
    uint16_t flags, next;
} Desc;

static uint16_t ld16(VirtioDevice *v, uint64_t a)
{
    uint64_t x = 0;
    sys_as_read(v->as, a, 2, &x, SYS_ATTRS_DMA);
    return (uint16_t)x;
}

static void st16(VirtioDevice *v, uint64_t a, uint16_t x)
{
    sys_as_write(v->as, a, 2, x, SYS_ATTRS_DMA);
}

static void st32(VirtioDevice *v, uint64_t a, uint32_t x)
{
    sys_as_write(v->as, a, 4, x, SYS_ATTRS_DMA);
}

static bool read_desc(VirtioDevice *v, uint64_t table, unsigned i, Desc *d)
{
    uint8_t raw[16];
    if (sys_as_rw(v->as, table + 16ull * i, raw, 16, false, SYS_ATTRS_DMA))
        return false;
    memcpy(&d->addr, raw, 8);
    memcpy(&d->len, raw + 8, 4);
    memcpy(&d->flags, raw + 12, 2);
    memcpy(&d->next, raw + 14, 2);
    return true;
}

void virtio_error(VirtioDevice *vdev, const char *why)
{
    vdev->status |= VIRTIO_STATUS_NEEDS_RESET;
    log_once(LOG_GUEST_ERROR, 0x7e000000ull + vdev->device_id,
             "virtio (device %u): %s: device needs reset\n", vdev->device_id, why);
    vdev->isr |= 2;
    sys_irq_set(vdev->irq, 1);
}

static bool add_buffer(VirtqElem *e, const Desc *d)
{
    if (e->in_num + e->out_num >= VIRTQ_MAX_SG)
        return false;
    if (d->flags & VRING_DESC_F_WRITE) {
        e->in_addr[e->in_num] = d->addr;
        e->in_len[e->in_num++] = d->len;
    } else {
        if (e->in_num)
            return false;   /* readable after writable: malformed (2.6.4.2) */
        e->out_addr[e->out_num] = d->addr;
        e->out_len[e->out_num++] = d->len;
    }
    return true;
}

/* Walks a chain in table (size entries) from index i. */
static bool walk_chain(VirtioDevice *v, uint64_t table, unsigned size,
                       unsigned i, VirtqElem *e, bool indirect_ok)
{
    Desc d;
    for (unsigned steps = 0;; steps++) {
        if (i >= size || steps >= size || !read_desc(v, table, i, &d))
            return false;
        if (d.flags & VRING_DESC_F_INDIRECT) {
            if (!indirect_ok || (d.flags & VRING_DESC_F_NEXT) || d.len % 16 || !d.len)
                return false;
            return walk_chain(v, d.addr, d.len / 16, 0, e, false);
        }
        if (!add_buffer(e, &d))
            return false;
        if (!(d.flags & VRING_DESC_F_NEXT))
            return true;
        i = d.next;
    }
}

bool virtq_pop(VirtioDevice *vdev, unsigned q, VirtqElem *e)
{
    VirtQueue *vq = &vdev->vq[q];
    uint16_t avail_idx, head;

    if (q >= vdev->nqueues || !vq->ready || !vq->num ||
        (vdev->status & VIRTIO_STATUS_NEEDS_RESET))
        return false;
    avail_idx = ld16(vdev, vq->avail + 2);
    if (avail_idx == vq->last_avail)
        return false;
    if ((uint16_t)(avail_idx - vq->last_avail) > vq->num) {
        virtio_error(vdev, "available index ran ahead of the queue size");
        return false;
    }
    head = ld16(vdev, vq->avail + 4 + 2ull * (vq->last_avail % vq->num));
    memset(e, 0, offsetof(VirtqElem, out_addr));
    e->head = head;
    if (!walk_chain(vdev, vq->desc, vq->num, head, e,
                    vdev->guest_features >> VIRTIO_F_INDIRECT_DESC & 1)) {
        virtio_error(vdev, "malformed descriptor chain");
        return false;
    }
    vq->last_avail++;
    return true;
}

void virtq_push(VirtioDevice *vdev, unsigned q, const VirtqElem *e, uint32_t len)
{
    VirtQueue *vq = &vdev->vq[q];
    uint64_t slot = vq->used + 4 + 8ull * (vq->used_idx % vq->num);

    st32(vdev, slot, e->head);
    st32(vdev, slot + 4, len);
    vq->used_idx++;
    /* The entry is visible before the index (2.6.8.2); DMA here is in order. */
    st16(vdev, vq->used + 2, vq->used_idx);
}

void virtio_notify(VirtioDevice *vdev)
{
    vdev->isr |= 1;
    sys_irq_set(vdev->irq, 1);
}

void virtio_notify_config(VirtioDevice *vdev)
{
    vdev->config_generation++;
    vdev->isr |= 2;
    sys_irq_set(vdev->irq, 1);
}

/* Copies between buf and the scatter list, skipping off bytes. */
static size_t sg_copy(VirtioDevice *v, const uint64_t *addr, const uint32_t *lens,
                      unsigned n, size_t off, void *buf, size_t len, bool to_guest)
{
    size_t done = 0;
    for (unsigned i = 0; i < n && done < len; i++) {
        if (off >= lens[i]) {
            off -= lens[i];
            continue;
        }
        size_t chunk = lens[i] - off;
        if (chunk > len - done)
            chunk = len - done;
        if (sys_as_rw(v->as, addr[i] + off, (uint8_t *)buf + done, chunk, to_guest,
                      SYS_ATTRS_DMA) != SYS_MEM_OK)
            virtio_error(v, "buffer outside guest memory");
        done += chunk;
        off = 0;
    }
    return done;
}

size_t virtq_read(VirtioDevice *vdev, const VirtqElem *e, size_t off, void *buf, size_t len)
{
    return sg_copy(vdev, e->out_addr, e->out_len, e->out_num, off, buf, len, false);
}

size_t virtq_write(VirtioDevice *vdev, const VirtqElem *e, size_t off, const void *buf, size_t len)
{
    return sg_copy(vdev, e->in_addr, e->in_len, e->in_num, off, (void *)buf, len, true);
}

size_t virtq_out_size(const VirtqElem *e)
{
    size_t n = 0;
    for (unsigned i = 0; i < e->out_num; i++)
        n += e->out_len[i];
    return n;
}

size_t virtq_in_size(const VirtqElem *e)
{
    size_t n = 0;
    for (unsigned i = 0; i < e->in_num; i++)
        n += e->in_len[i];
    return n;
}
