/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Virtio devices (OASIS virtio 1.1) over the virtio-mmio transport, version
 * 2 ("modern") register layout (4.2.2): feature negotiation with
 * VIRTIO_F_VERSION_1 required, split virtqueues (2.6) whose descriptor
 * tables and rings are read from guest RAM through the address space, and
 * the used-buffer interrupt.  A device (virtio-blk, -rng, -console) fills a
 * VirtioDevice: id, offered features, config space, and one notify handler
 * per queue; it takes buffers with virtq_pop() and returns them with
 * virtq_push() + virtio_notify().
 *
 * Indirect descriptors (VIRTIO_F_INDIRECT_DESC) are supported; event index
 * is not offered.  A malformed chain (loop, out-of-range index, buffer
 * outside RAM) marks the device DEVICE_NEEDS_RESET, logged under -d
 * guest_errors, never aborts.
 *
 * Entry points: virtio_mmio_init(), virtq_pop(), virtq_push(),
 * virtio_notify(), virtq_read() / virtq_write() (copy from/to a popped
 * element).
 */
#ifndef GUISE_HW_VIRTIO_H
#define GUISE_HW_VIRTIO_H

#include <stdbool.h>
#include <stdint.h>
#include "system/irq.h"
#include "system/memory.h"

#define VIRTIO_QUEUE_MAX 4
#define VIRTQ_MAX_SIZE 256
#define VIRTQ_MAX_SG 130

enum {
    VIRTIO_ID_NET = 1, VIRTIO_ID_BLOCK = 2, VIRTIO_ID_CONSOLE = 3,
    VIRTIO_ID_RNG = 4,
};
enum {
    VIRTIO_STATUS_ACKNOWLEDGE = 1, VIRTIO_STATUS_DRIVER = 2,
    VIRTIO_STATUS_DRIVER_OK = 4, VIRTIO_STATUS_FEATURES_OK = 8,
    VIRTIO_STATUS_NEEDS_RESET = 64, VIRTIO_STATUS_FAILED = 128,
};
#define VIRTIO_F_INDIRECT_DESC 28
#define VIRTIO_F_VERSION_1 32

typedef struct VirtQueue {
    uint16_t num;               /* size the driver chose */
    bool ready;
    uint64_t desc, avail, used; /* guest physical addresses */
    uint16_t last_avail;        /* next avail ring entry to take */
    uint16_t used_idx;
} VirtQueue;

/* A popped descriptor chain: device-readable (out) then -writable (in). */
typedef struct VirtqElem {
    uint16_t head;
    unsigned out_num, in_num;
    uint64_t out_addr[VIRTQ_MAX_SG], in_addr[VIRTQ_MAX_SG];
    uint32_t out_len[VIRTQ_MAX_SG], in_len[VIRTQ_MAX_SG];
} VirtqElem;

typedef struct VirtioDevice VirtioDevice;

struct VirtioDevice {
    uint32_t device_id;
    uint64_t host_features;     /* offered (VERSION_1 added by the transport) */
    uint64_t guest_features;    /* accepted */
    unsigned nqueues;
    VirtQueue vq[VIRTIO_QUEUE_MAX];
    uint8_t *config;            /* device config space (little-endian) */
    uint32_t config_len;
    uint32_t config_generation;
    /* The driver wrote the queue's index to QueueNotify. */
    void (*handle_queue)(VirtioDevice *vdev, unsigned q);
    /* Optional: config written by the driver at off. */
    void (*config_write)(VirtioDevice *vdev, uint32_t off, unsigned size);
    /* Optional: device reset (status 0). */
    void (*reset)(VirtioDevice *vdev);
    void *opaque;
    /* Transport state (virtio-mmio.c). */
    SysAddressSpace *as;
    const SysIrq *irq;
    uint32_t status, isr, dev_feat_sel, drv_feat_sel, queue_sel;
};

/*
 * Maps the transport (0x200 bytes) at base for vdev, whose device fields
 * are filled (device_id 0 leaves an empty slot, as the board has 32).
 */
int virtio_mmio_init(VirtioDevice *vdev, SysAddressSpace *as, hwaddr base,
                     const SysIrq *irq);
/* Status 0: the transport and every queue back to their reset state. */
void virtio_reset(void *vdev);

/* Takes the next available chain of queue q; false when none (or broken). */
bool virtq_pop(VirtioDevice *vdev, unsigned q, VirtqElem *e);
/* Returns e to the used ring with len bytes written. */
void virtq_push(VirtioDevice *vdev, unsigned q, const VirtqElem *e, uint32_t len);
/* Raises the used-buffer interrupt. */
void virtio_notify(VirtioDevice *vdev);
/* Config changed: bumps the generation, raises the config interrupt. */
void virtio_notify_config(VirtioDevice *vdev);
/* Copies from the out buffers (skipping off bytes), into the in buffers. */
size_t virtq_read(VirtioDevice *vdev, const VirtqElem *e, size_t off, void *buf, size_t len);
size_t virtq_write(VirtioDevice *vdev, const VirtqElem *e, size_t off, const void *buf, size_t len);
/* Total sizes of the out and in buffers. */
size_t virtq_out_size(const VirtqElem *e);
size_t virtq_in_size(const VirtqElem *e);
/* Marks the device broken (DEVICE_NEEDS_RESET) and reports why once. */
void virtio_error(VirtioDevice *vdev, const char *why);

#endif
