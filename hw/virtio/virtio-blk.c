/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-blk (virtio 1.1, 5.2) over block/: each request is a header
 * {le32 type, le32 reserved, le64 sector}, data buffers, and a status byte
 * in the last writable byte.  Requests are served synchronously when the
 * driver notifies; failures become VIRTIO_BLK_S_IOERR, unknown types
 * VIRTIO_BLK_S_UNSUPP.
 */
#include <string.h>
#include <stdlib.h>
#include "hw/virtio/virtio-devices.h"
#include "util/log.h"

enum { BLK_T_IN = 0, BLK_T_OUT = 1, BLK_T_FLUSH = 4, BLK_T_GET_ID = 8,
       BLK_T_DISCARD = 11, BLK_T_WRITE_ZEROES = 13 };
enum { BLK_S_OK = 0, BLK_S_IOERR = 1, BLK_S_UNSUPP = 2 };
enum { BLK_F_SIZE_MAX = 1, BLK_F_SEG_MAX = 2, BLK_F_RO = 5, BLK_F_BLK_SIZE = 6,
       BLK_F_FLUSH = 9, BLK_F_DISCARD = 13, BLK_F_WRITE_ZEROES = 14 };

#define SECTOR 512u
#define CHUNK (64u * 1024)

static void put_le(uint8_t *p, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* Data between the guest buffers (after off) and the disk at pos. */
static int blk_rw(VirtioBlk *b, const VirtqElem *e, bool to_disk, uint64_t pos,
                  size_t len, size_t off)
{
    uint8_t *buf = malloc(CHUNK);
    int ret = 0;

    if (!buf)
        return -1;
    for (size_t done = 0; done < len && !ret; done += CHUNK) {
        size_t n = len - done < CHUNK ? len - done : CHUNK;
        if (pos + done + n > b->bs->size) {
            ret = -1;
        } else if (to_disk) {
            virtq_read(&b->vdev, e, off + done, buf, n);
            ret = blk_pwrite(b->bs, pos + done, buf, n);
        } else {
            ret = blk_pread(b->bs, pos + done, buf, n);
            if (!ret)
                virtq_write(&b->vdev, e, done, buf, n);
        }
    }
    free(buf);
    return ret;
}

/* DISCARD / WRITE_ZEROES segments: {le64 sector, le32 num, le32 flags}. */
static int blk_segments(VirtioBlk *b, const VirtqElem *e, bool zero)
{
    size_t total = virtq_out_size(e);
    for (size_t off = 16; off + 16 <= total; off += 16) {
        uint8_t seg[16];
        uint64_t sector;
        uint32_t num;
        virtq_read(&b->vdev, e, off, seg, 16);
        memcpy(&sector, seg, 8);
        memcpy(&num, seg + 8, 4);
        uint64_t pos = sector * SECTOR, len = (uint64_t)num * SECTOR;
        if (pos + len > b->bs->size || pos + len < pos)
            return -1;
        if (zero) {
            static const uint8_t zeros[4096];
            for (uint64_t d = 0; d < len; d += sizeof(zeros)) {
                size_t n = len - d < sizeof(zeros) ? (size_t)(len - d) : sizeof(zeros);
                if (blk_pwrite(b->bs, pos + d, zeros, n) < 0)
                    return -1;
            }
        } else if (blk_discard(b->bs, pos, len) < 0) {
            /* Discard is a hint: a format that cannot is not an error. */
        }
    }
    return 0;
}

static uint8_t do_request(VirtioBlk *b, const VirtqElem *e, size_t in_data, uint32_t *written)
{
    uint8_t hdr[16];
    uint32_t type;
    uint64_t sector;
    size_t out_data = virtq_out_size(e) - 16;

    *written = 0;
    if (virtq_read(&b->vdev, e, 0, hdr, 16) < 16)
        return BLK_S_IOERR;
    memcpy(&type, hdr, 4);
    memcpy(&sector, hdr + 8, 8);
    switch (type) {
    case BLK_T_IN:
        if (in_data % SECTOR || blk_rw(b, e, false, sector * SECTOR, in_data, 0))
            return BLK_S_IOERR;
        *written = (uint32_t)in_data;
        return BLK_S_OK;
    case BLK_T_OUT:
        if (b->bs->read_only || out_data % SECTOR ||
            blk_rw(b, e, true, sector * SECTOR, out_data, 16))
            return BLK_S_IOERR;
        return BLK_S_OK;
    case BLK_T_FLUSH:
        return blk_flush(b->bs) < 0 ? BLK_S_IOERR : BLK_S_OK;
    case BLK_T_GET_ID: {
        char id[20] = { 0 };
        memcpy(id, b->serial, strnlen(b->serial, 20));
        *written = (uint32_t)virtq_write(&b->vdev, e, 0, id, in_data < 20 ? in_data : 20);
        return BLK_S_OK;
    }
    case BLK_T_DISCARD:
    case BLK_T_WRITE_ZEROES:
        if (b->bs->read_only)
            return BLK_S_IOERR;
        return blk_segments(b, e, type == BLK_T_WRITE_ZEROES) ? BLK_S_IOERR : BLK_S_OK;
    default:
        log_once(LOG_UNIMP, 0xb1c000 + type, "virtio-blk: request type %u unsupported\n", type);
        return BLK_S_UNSUPP;
    }
}

static void blk_handle_queue(VirtioDevice *vdev, unsigned q)
{
    VirtioBlk *b = vdev->opaque;
    VirtqElem *e = malloc(sizeof(*e));
    bool any = false;

    while (e && virtq_pop(vdev, q, e)) {
        size_t in = virtq_in_size(e);
        uint32_t written;
        if (virtq_out_size(e) < 16 || in < 1) {
            virtio_error(vdev, "request without header or status byte");
            break;
        }
        uint8_t status = do_request(b, e, in - 1, &written);
        virtq_write(vdev, e, in - 1, &status, 1);
        virtq_push(vdev, q, e, written + 1);
        any = true;
    }
    free(e);
    if (any)
        virtio_notify(vdev);
}

void virtio_blk_init(VirtioBlk *b, BlkDev *bs, const char *serial)
{
    VirtioDevice *v = &b->vdev;

    memset(b, 0, sizeof(*b));
    b->bs = bs;
    snprintf(b->serial, sizeof(b->serial), "%s", serial ? serial : "");
    v->device_id = VIRTIO_ID_BLOCK;
    v->host_features = 1ull << BLK_F_SEG_MAX | 1ull << BLK_F_BLK_SIZE |
                       1ull << BLK_F_FLUSH | 1ull << BLK_F_DISCARD |
                       1ull << BLK_F_WRITE_ZEROES | 1ull << VIRTIO_F_INDIRECT_DESC |
                       (bs->read_only ? 1ull << BLK_F_RO : 0);
    v->nqueues = 1;
    v->handle_queue = blk_handle_queue;
    v->opaque = b;
    /* Config (5.2.4): capacity, size_max, seg_max, geometry, blk_size,
     * topology (4 bytes + 2 + 2), writeback+unused (2), num_queues (2),
     * max_discard_sectors, max_discard_seg, discard_sector_alignment,
     * max_write_zeroes_sectors, max_write_zeroes_seg, write_zeroes_may_unmap. */
    put_le(b->config + 0, bs->size / SECTOR, 8);
    put_le(b->config + 12, VIRTQ_MAX_SG - 2, 4);
    put_le(b->config + 20, SECTOR, 4);
    put_le(b->config + 34, 1, 2);
    put_le(b->config + 36, 0x3fffff, 4);
    put_le(b->config + 40, 1, 4);
    put_le(b->config + 44, 1, 4);
    put_le(b->config + 48, 0x3fffff, 4);
    put_le(b->config + 52, 1, 4);
    v->config = b->config;
    v->config_len = sizeof(b->config);
}
