/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio devices on top of virtio.h:
 *   virtio-blk (5.2, virtio-blk.c): a BlkDev from block/ (raw, qcow2...);
 *     requests IN, OUT, FLUSH, GET_ID, DISCARD, WRITE_ZEROES served
 *     synchronously;
 *   virtio-rng (5.4, virtio-char.c): fills the driver's buffers from the
 *     host's getrandom;
 *   virtio-console (5.3, virtio-char.c): one port (no MULTIPORT) on a
 *     character backend.
 * Each *_init fills a VirtioDevice the board then maps with
 * virtio_mmio_init().
 */
#ifndef GUISE_HW_VIRTIO_DEVICES_H
#define GUISE_HW_VIRTIO_DEVICES_H

#include "block/block.h"
#include "hw/virtio/virtio.h"
#include "system/chardev.h"

typedef struct VirtioBlk {
    VirtioDevice vdev;
    BlkDev *bs;
    char serial[21];
    uint8_t config[60];
} VirtioBlk;

typedef struct VirtioConsole {
    VirtioDevice vdev;
    SysChardev *chr;
    uint8_t config[12];
} VirtioConsole;

/* bs stays owned by the caller; serial may be NULL. */
void virtio_blk_init(VirtioBlk *b, BlkDev *bs, const char *serial);
void virtio_rng_init(VirtioDevice *vdev);
void virtio_console_init(VirtioConsole *c, SysChardev *chr);

#endif
