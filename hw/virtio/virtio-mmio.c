/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The virtio-mmio transport, version 2 register layout (virtio 1.1,
 * 4.2.2): identification, feature words selected 32 bits at a time, queue
 * set-up by QueueSel, notification, interrupt status/acknowledge, device
 * status (with the FEATURES_OK check) and the device config space at 0x100.
 */
#include <errno.h>
#include <string.h>
#include "hw/virtio/virtio.h"
#include "util/log.h"

enum {
    VM_MAGIC = 0x000, VM_VERSION = 0x004, VM_DEVICE_ID = 0x008, VM_VENDOR_ID = 0x00c,
    VM_DEV_FEATURES = 0x010, VM_DEV_FEATURES_SEL = 0x014,
    VM_DRV_FEATURES = 0x020, VM_DRV_FEATURES_SEL = 0x024,
    VM_QUEUE_SEL = 0x030, VM_QUEUE_NUM_MAX = 0x034, VM_QUEUE_NUM = 0x038,
    VM_QUEUE_READY = 0x044, VM_QUEUE_NOTIFY = 0x050,
    VM_INT_STATUS = 0x060, VM_INT_ACK = 0x064, VM_STATUS = 0x070,
    VM_QUEUE_DESC_LO = 0x080, VM_QUEUE_DESC_HI = 0x084,
    VM_QUEUE_DRIVER_LO = 0x090, VM_QUEUE_DRIVER_HI = 0x094,
    VM_QUEUE_DEVICE_LO = 0x0a0, VM_QUEUE_DEVICE_HI = 0x0a4,
    VM_SHM_SEL = 0x0ac, VM_SHM_LEN_LO = 0x0b0, VM_SHM_LEN_HI = 0x0b4,
    VM_SHM_BASE_LO = 0x0b8, VM_SHM_BASE_HI = 0x0bc,
    VM_CONFIG_GEN = 0x0fc, VM_CONFIG = 0x100,
};

static uint64_t offered(const VirtioDevice *v)
{
    return v->host_features | 1ull << VIRTIO_F_VERSION_1;
}

void virtio_reset(void *opaque)
{
    VirtioDevice *v = opaque;
    v->status = v->isr = 0;
    v->guest_features = 0;
    v->dev_feat_sel = v->drv_feat_sel = v->queue_sel = 0;
    memset(v->vq, 0, sizeof(v->vq));
    if (v->reset)
        v->reset(v);
    sys_irq_set(v->irq, 0);
}

static VirtQueue *cur_vq(VirtioDevice *v)
{
    return v->queue_sel < v->nqueues ? &v->vq[v->queue_sel] : NULL;
}

static uint32_t read_reg(VirtioDevice *v, hwaddr off)
{
    VirtQueue *vq = cur_vq(v);

    switch (off) {
    case VM_MAGIC: return 0x74726976;           /* "virt" */
    case VM_VERSION: return 2;
    case VM_DEVICE_ID: return v->device_id;
    case VM_VENDOR_ID: return 0x554d4551;       /* "QEMU" */
    case VM_DEV_FEATURES:
        return v->dev_feat_sel < 2 ? (uint32_t)(offered(v) >> (32 * v->dev_feat_sel)) : 0;
    case VM_QUEUE_NUM_MAX: return vq ? VIRTQ_MAX_SIZE : 0;
    case VM_QUEUE_READY: return vq ? vq->ready : 0;
    case VM_INT_STATUS: return v->isr;
    case VM_STATUS: return v->status;
    case VM_CONFIG_GEN: return v->config_generation;
    case VM_SHM_LEN_LO:
    case VM_SHM_LEN_HI: return ~0u;             /* no shared memory regions */
    default: return 0;
    }
}

/* Writes the low or high half of a 64-bit queue address. */
static void set_half(uint64_t *p, bool hi, uint32_t v)
{
    *p = hi ? (*p & 0xffffffffull) | (uint64_t)v << 32 : (*p & ~0xffffffffull) | v;
}

static void write_status(VirtioDevice *v, uint32_t val)
{
    if (!val) {
        virtio_reset(v);
        return;
    }
    if ((val & VIRTIO_STATUS_FEATURES_OK) && !(v->status & VIRTIO_STATUS_FEATURES_OK)) {
        /* Accept only offered features, and only the modern interface. */
        if ((v->guest_features & ~offered(v)) ||
            !(v->guest_features >> VIRTIO_F_VERSION_1 & 1))
            val &= ~(uint32_t)VIRTIO_STATUS_FEATURES_OK;
    }
    v->status = val | (v->status & VIRTIO_STATUS_NEEDS_RESET);
}

static void write_reg(VirtioDevice *v, hwaddr off, uint32_t val)
{
    VirtQueue *vq = cur_vq(v);

    switch (off) {
    case VM_DEV_FEATURES_SEL: v->dev_feat_sel = val; return;
    case VM_DRV_FEATURES_SEL: v->drv_feat_sel = val; return;
    case VM_DRV_FEATURES:
        if (v->drv_feat_sel < 2 && !(v->status & VIRTIO_STATUS_FEATURES_OK))
            set_half(&v->guest_features, v->drv_feat_sel, val);
        return;
    case VM_QUEUE_SEL: v->queue_sel = val; return;
    case VM_QUEUE_NOTIFY:
        if (val < v->nqueues && v->handle_queue && (v->status & VIRTIO_STATUS_DRIVER_OK))
            v->handle_queue(v, val);
        return;
    case VM_INT_ACK:
        v->isr &= ~val;
        sys_irq_set(v->irq, v->isr != 0);
        return;
    case VM_STATUS: write_status(v, val); return;
    }
    if (!vq) {
        log_once(LOG_GUEST_ERROR, 0x7f000000 + off, "virtio-mmio: queue register 0x%x with no queue selected\n", (unsigned)off);
        return;
    }
    switch (off) {
    case VM_QUEUE_NUM:
        /* Split queues: a power of 2 up to QueueNumMax (2.6). */
        if (val && val <= VIRTQ_MAX_SIZE && !(val & (val - 1)))
            vq->num = (uint16_t)val;
        else
            virtio_error(v, "bad queue size");
        return;
    case VM_QUEUE_READY: vq->ready = val & 1; return;
    case VM_QUEUE_DESC_LO: case VM_QUEUE_DESC_HI:
        set_half(&vq->desc, off == VM_QUEUE_DESC_HI, val); return;
    case VM_QUEUE_DRIVER_LO: case VM_QUEUE_DRIVER_HI:
        set_half(&vq->avail, off == VM_QUEUE_DRIVER_HI, val); return;
    case VM_QUEUE_DEVICE_LO: case VM_QUEUE_DEVICE_HI:
        set_half(&vq->used, off == VM_QUEUE_DEVICE_HI, val); return;
    default:
        log_once(LOG_GUEST_ERROR, 0x7f100000 + off, "virtio-mmio: write to read-only or reserved offset 0x%x\n", (unsigned)off);
    }
}

static SysMemResult vm_read(void *opaque, hwaddr off, unsigned size,
                            uint64_t *val, SysMemAttrs at)
{
    VirtioDevice *v = opaque;
    (void)at;
    if (off >= VM_CONFIG) {
        uint64_t x = 0;
        off -= VM_CONFIG;
        if (off + size <= v->config_len)
            memcpy(&x, v->config + off, size);
        *val = x;
        return SYS_MEM_OK;
    }
    *val = size == 4 ? read_reg(v, off) : 0;
    return SYS_MEM_OK;
}

static SysMemResult vm_write(void *opaque, hwaddr off, unsigned size,
                             uint64_t val, SysMemAttrs at)
{
    VirtioDevice *v = opaque;
    (void)at;
    if (off >= VM_CONFIG) {
        off -= VM_CONFIG;
        if (off + size <= v->config_len) {
            memcpy(v->config + off, &val, size);
            if (v->config_write)
                v->config_write(v, (uint32_t)off, size);
        }
        return SYS_MEM_OK;
    }
    if (size != 4) {
        log_once(LOG_GUEST_ERROR, 0x7f200000 + off, "virtio-mmio: %u-byte register access ignored\n", size);
        return SYS_MEM_OK;
    }
    write_reg(v, off, (uint32_t)val);
    return SYS_MEM_OK;
}

/* Registers are 32-bit; config space takes 1, 2, 4 (and 8) byte accesses. */
static const SysMemOps vm_ops = { vm_read, vm_write, 1, 8 };

int virtio_mmio_init(VirtioDevice *vdev, SysAddressSpace *as, hwaddr base,
                     const SysIrq *irq)
{
    vdev->as = as;
    vdev->irq = irq;
    virtio_reset(vdev);
    return sys_as_add_mmio(as, "virtio-mmio", base, 0x200, 0, &vm_ops, vdev) ? 0 : -errno;
}
