/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 internal snapshots: reading the snapshot table for guise-img info
 * and snapshot -l.  Each entry is a fixed part (L1 table, name lengths,
 * dates, VM state size), extra data (v3: 64-bit VM state size, disk size,
 * icount), the id and name strings, padded to 8 bytes (qcow2.txt,
 * "Snapshots").  Every length is checked against the table's bounds, so a
 * hostile table gives an error, never an overrun.  Creating, applying and
 * deleting snapshots is not written yet.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SNAP_FIXED 40
#define SNAP_MAX_TABLE (64u << 20)

/* Copies a length-counted string, NUL-terminated and truncated to fit. */
static void copy_str(char *dst, size_t cap, const uint8_t *src, size_t n)
{
    n = n < cap - 1 ? n : cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* Parses entry i at buf[*pos]; advances *pos past its padding. */
static int parse_entry(const uint8_t *buf, size_t len, size_t *pos,
                       BlkSnapshot *sn)
{
    size_t p = *pos;
    if (len - p < SNAP_FIXED) {
        return blk_err(-EINVAL, "qcow2 snapshot table is truncated");
    }
    const uint8_t *e = buf + p;
    uint32_t extra = be32_get(e + 36);
    size_t id_len = be16_get(e + 12), name_len = be16_get(e + 14);
    if (extra > 1024 || len - p - SNAP_FIXED < extra + id_len + name_len) {
        return blk_err(-EINVAL, "qcow2 snapshot entry overruns its table");
    }
    memset(sn, 0, sizeof(*sn));
    sn->date_sec = be32_get(e + 16);
    sn->date_nsec = be32_get(e + 20);
    sn->vm_clock_nsec = be64_get(e + 24);
    sn->vm_state_size = be32_get(e + 32);
    if (extra >= 8) {
        sn->vm_state_size = be64_get(e + SNAP_FIXED);
    }
    if (extra >= 24) {
        sn->icount = be64_get(e + SNAP_FIXED + 16);
        sn->has_icount = sn->icount != UINT64_MAX;
    }
    p += SNAP_FIXED + extra;
    copy_str(sn->id, sizeof(sn->id), buf + p, id_len);
    copy_str(sn->name, sizeof(sn->name), buf + p + id_len, name_len);
    p += id_len + name_len;
    *pos = (p + 7) & ~(size_t)7;
    return 0;
}

int qcow2_snapshot_list(BlkDev *bs, BlkSnapshot **list)
{
    Qcow2State *s = bs->opaque;
    uint32_t n = s->h.nb_snapshots;
    *list = NULL;
    if (!n) {
        return 0;
    }
    int64_t fsize = blk_file_size(bs->fd);
    if (fsize < 0) {
        return (int)fsize;
    }
    uint64_t avail = (uint64_t)fsize - s->h.snapshots_offset;
    size_t len = (size_t)(avail < SNAP_MAX_TABLE ? avail : SNAP_MAX_TABLE);
    uint8_t *buf = malloc(len ? len : 1);
    BlkSnapshot *sn = calloc(n, sizeof(*sn));
    int ret = -ENOMEM;
    if (buf && sn) {
        ret = blk_file_pread(bs->fd, s->h.snapshots_offset, buf, len);
    }
    size_t pos = 0;
    for (uint32_t i = 0; ret == 0 && i < n; i++) {
        ret = pos <= len ? parse_entry(buf, len, &pos, &sn[i])
                         : blk_err(-EINVAL, "qcow2 snapshot table is truncated");
    }
    free(buf);
    if (ret < 0) {
        free(sn);
        return ret;
    }
    *list = sn;
    return (int)n;
}
