/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 internal snapshots: the snapshot table (list, create, apply,
 * delete) and the refcount walk they share.  Each table entry is a fixed
 * part (L1 table offset and size, name lengths, dates, VM state size),
 * extra data (v3: 64-bit VM state size, disk size, icount), the id and
 * name strings, padded to 8 bytes (qcow2.txt, "Snapshots").  Entries read
 * from the image are kept as raw bytes and written back unchanged, so
 * extra data we do not know survives.  Every length is checked against
 * the table's bounds: a hostile table gives an error, never an overrun.
 *
 * Refcounts count references per L1 table (as qemu-img check computes
 * them): a snapshot adds one to every L2 table and data cluster its L1
 * reaches; the COPIED flags of the active tables say "refcount exactly 1,
 * write in place" and are recomputed after each operation; writes to
 * clusters without it copy them first (qcow2-cluster.c).  Order for
 * crashes: references are counted before they are written, dropped after
 * they are gone, so a crash leaks clusters at worst.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SNAP_FIXED 40
#define SNAP_EXTRA 24           /* what qemu 7.2 writes */
#define SNAP_MAX_TABLE (64u << 20)
#define SNAP_MAX_EXTRA 1024

/* One entry: its raw bytes (unpadded) and the fields we use. */
typedef struct Qcow2Snap {
    uint8_t *raw;
    size_t len;
    uint64_t l1_off;
    uint32_t l1_size;
    BlkSnapshot info;
    uint64_t disk_size;         /* 0: not recorded */
} Qcow2Snap;

typedef struct SnapTable {
    Qcow2Snap *e;
    uint32_t n;
    uint64_t bytes;             /* on disk, padded entries */
} SnapTable;

/* Copies a length-counted string, NUL-terminated and truncated to fit. */
static void copy_str(char *dst, size_t cap, const uint8_t *src, size_t n)
{
    n = n < cap - 1 ? n : cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* Parses the raw entry of sn (its length already checked). */
static void parse_raw(Qcow2Snap *sn)
{
    const uint8_t *e = sn->raw;
    uint32_t extra = be32_get(e + 36);
    size_t id_len = be16_get(e + 12), name_len = be16_get(e + 14);
    BlkSnapshot *i = &sn->info;
    memset(i, 0, sizeof(*i));
    sn->l1_off = be64_get(e);
    sn->l1_size = be32_get(e + 8);
    i->date_sec = be32_get(e + 16);
    i->date_nsec = be32_get(e + 20);
    i->vm_clock_nsec = be64_get(e + 24);
    i->vm_state_size = be32_get(e + 32);
    if (extra >= 8) {
        i->vm_state_size = be64_get(e + SNAP_FIXED);
    }
    sn->disk_size = extra >= 16 ? be64_get(e + SNAP_FIXED + 8) : 0;
    if (extra >= 24) {
        i->icount = be64_get(e + SNAP_FIXED + 16);
        i->has_icount = i->icount != UINT64_MAX;
    }
    copy_str(i->id, sizeof(i->id), e + SNAP_FIXED + extra, id_len);
    copy_str(i->name, sizeof(i->name), e + SNAP_FIXED + extra + id_len,
             name_len);
}

static void free_table(SnapTable *t)
{
    for (uint32_t i = 0; i < t->n; i++) {
        free(t->e[i].raw);
    }
    free(t->e);
    memset(t, 0, sizeof(*t));
}

/* Splits buf (len bytes) into t->n entries. */
static int split_entries(const uint8_t *buf, size_t len, SnapTable *t)
{
    size_t p = 0;
    for (uint32_t i = 0; i < t->n; i++) {
        if (p > len || len - p < SNAP_FIXED) {
            return blk_err(-EINVAL, "qcow2 snapshot table is truncated");
        }
        const uint8_t *e = buf + p;
        uint32_t extra = be32_get(e + 36);
        size_t n = SNAP_FIXED + (size_t)be16_get(e + 12) + be16_get(e + 14);
        if (extra > SNAP_MAX_EXTRA || len - p < n + extra) {
            return blk_err(-EINVAL, "qcow2 snapshot entry overruns its table");
        }
        n += extra;
        t->e[i].raw = malloc(n);
        if (!t->e[i].raw) {
            return -ENOMEM;
        }
        memcpy(t->e[i].raw, e, n);
        t->e[i].len = n;
        parse_raw(&t->e[i]);
        p += (n + 7) & ~(size_t)7;
    }
    t->bytes = p;
    return 0;
}

static int load_table(BlkDev *bs, SnapTable *t)
{
    Qcow2State *s = bs->opaque;
    memset(t, 0, sizeof(*t));
    t->n = s->h.nb_snapshots;
    if (!t->n) {
        return 0;
    }
    int64_t fsize = blk_file_size(bs->fd);
    if (fsize < 0) {
        return (int)fsize;
    }
    uint64_t avail = s->h.snapshots_offset < (uint64_t)fsize ?
                     (uint64_t)fsize - s->h.snapshots_offset : 0;
    size_t len = (size_t)(avail < SNAP_MAX_TABLE ? avail : SNAP_MAX_TABLE);
    uint8_t *buf = malloc(len ? len : 1);
    t->e = calloc(t->n, sizeof(*t->e));
    int ret = buf && t->e ? blk_file_pread(bs->fd, s->h.snapshots_offset, buf,
                                           len) : -ENOMEM;
    if (ret == 0) {
        ret = split_entries(buf, len, t);
    }
    free(buf);
    if (ret < 0) {
        free_table(t);
    }
    return ret;
}

int qcow2_snapshot_list(BlkDev *bs, BlkSnapshot **list)
{
    SnapTable t;
    *list = NULL;
    int ret = load_table(bs, &t);
    if (ret < 0 || !t.n) {
        return ret;
    }
    BlkSnapshot *sn = calloc(t.n, sizeof(*sn));
    if (!sn) {
        free_table(&t);
        return -ENOMEM;
    }
    for (uint32_t i = 0; i < t.n; i++) {
        sn[i] = t.e[i].info;
    }
    ret = (int)t.n;
    free_table(&t);
    *list = sn;
    return ret;
}

/* Adds addend to the refcount of the clusters of [off, off+len). */
static int adjust_range(BlkDev *bs, uint64_t off, uint64_t len, int addend)
{
    Qcow2State *s = bs->opaque;
    if (addend < 0) {
        return qcow2_free_range(bs, off, len);
    }
    for (uint64_t c = off >> s->h.cluster_bits;
         addend && c <= (off + len - 1) >> s->h.cluster_bits; c++) {
        uint64_t rc;
        int ret = qcow2_get_refcount(bs, c, &rc);
        if (ret == 0) {
            ret = qcow2_set_refcount(bs, c, rc + 1);
        }
        if (ret < 0) {
            return ret;
        }
    }
    return 0;
}

/* Refcount of the cluster at host offset off after adding addend. */
static int adjust_one(BlkDev *bs, uint64_t off, int addend, uint64_t *rc)
{
    Qcow2State *s = bs->opaque;
    int ret = addend ? adjust_range(bs, off, 1, addend) : 0;
    return ret < 0 ? ret : qcow2_get_refcount(bs, off >> s->h.cluster_bits, rc);
}

static uint64_t with_copied(uint64_t e, uint64_t rc)
{
    return rc == 1 ? e | QCOW2_OFLAG_COPIED : e & ~QCOW2_OFLAG_COPIED;
}

/* One L2 table: entries' refcounts (and COPIED flags when active). */
static int walk_l2(BlkDev *bs, uint64_t l2off, int addend, bool active)
{
    Qcow2State *s = bs->opaque;
    uint8_t *l2;
    int ret = qcow2_cache_get(bs, &s->l2_cache, l2off, false, &l2);
    for (uint64_t j = 0; ret == 0 && j < (1ull << s->l2_bits); j++) {
        uint64_t e = qcow2_l2_get(s, l2, j), rc, off, len;
        switch (qcow2_l2_type(s, e)) {
        case QCOW2_CL_NORMAL:
        case QCOW2_CL_ZERO_ALLOC:
            ret = adjust_one(bs, e & QCOW2_OFFSET_MASK, addend, &rc);
            if (ret == 0 && active && with_copied(e, rc) != e) {
                be64_put(l2 + j * s->l2_entry_bytes, with_copied(e, rc));
                qcow2_cache_mark_dirty(&s->l2_cache, l2);
            }
            break;
        case QCOW2_CL_COMPRESSED:
            qcow2_compressed_loc(s, e, &off, &len);
            ret = addend ? adjust_range(bs, off, len, addend) : 0;
            break;
        default:
            break;
        }
    }
    return ret;
}

/*
 * Adds addend (-1, 0 or +1) to the refcount of every cluster l1 (n
 * entries) reaches; with active, l1 is the active table and its COPIED
 * flags and those of its L2 entries are recomputed.
 */
static int walk_l1(BlkDev *bs, uint64_t *l1, uint32_t n, int addend,
                   bool active)
{
    Qcow2State *s = bs->opaque;
    int64_t fsize = blk_file_size(bs->fd);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t l2off = l1[i] & QCOW2_OFFSET_MASK, rc;
        if (!l2off) {
            continue;
        }
        if ((l2off & (s->cluster_size - 1)) || fsize < 0 ||
            l2off >= (uint64_t)fsize) {
            return blk_err(-EIO, "qcow2 image '%s' is corrupt: bad L1 entry "
                           "%#llx; run guise-img check", bs->filename,
                           (unsigned long long)l1[i]);
        }
        int ret = walk_l2(bs, l2off, addend, active);
        if (ret == 0) {
            ret = adjust_one(bs, l2off, addend, &rc);
        }
        if (ret < 0) {
            return ret;
        }
        if (active && with_copied(l1[i], rc) != l1[i]) {
            l1[i] = with_copied(l1[i], rc);
            s->l1_dirty = true;
        }
    }
    return 0;
}

/* Reads a snapshot's L1 table (host-endian, COPIED flags as stored). */
static int read_l1(BlkDev *bs, const Qcow2Snap *sn, uint64_t **out)
{
    Qcow2State *s = bs->opaque;
    if ((uint64_t)sn->l1_size * 8 > QCOW2_MAX_L1_BYTES ||
        (sn->l1_off & (s->cluster_size - 1)) || (!sn->l1_off && sn->l1_size)) {
        return blk_err(-EINVAL, "qcow2 snapshot '%s' has an invalid L1 table",
                       sn->info.name);
    }
    size_t bytes = (size_t)sn->l1_size * 8;
    uint64_t *l1 = calloc(sn->l1_size ? sn->l1_size : 1, 8);
    if (!l1) {
        return -ENOMEM;
    }
    int ret = blk_file_pread(bs->fd, sn->l1_off, l1, bytes);
    for (uint32_t i = 0; ret == 0 && i < sn->l1_size; i++) {
        l1[i] = be64_get((const uint8_t *)&l1[i]);
    }
    if (ret < 0) {
        free(l1);
        return ret;
    }
    *out = l1;
    return 0;
}

/* Writes table t to new clusters, points the header at it, frees the old. */
static int write_table(BlkDev *bs, SnapTable *t)
{
    Qcow2State *s = bs->opaque;
    uint64_t bytes = 0;
    for (uint32_t i = 0; i < t->n; i++) {
        bytes += (t->e[i].len + 7) & ~(size_t)7;
    }
    uint8_t *buf = calloc(1, bytes ? bytes : 1);
    if (!buf) {
        return -ENOMEM;
    }
    for (uint64_t i = 0, p = 0; i < t->n; i++) {
        memcpy(buf + p, t->e[i].raw, t->e[i].len);
        p += (t->e[i].len + 7) & ~(size_t)7;
    }
    int64_t at = 0;
    int ret = 0;
    if (bytes) {
        at = qcow2_alloc_clusters(bs, (bytes + s->cluster_size - 1) /
                                  s->cluster_size);
        ret = at < 0 ? (int)at : blk_file_pwrite(bs->fd, (uint64_t)at, buf,
                                                  bytes);
    }
    free(buf);
    /* The table and its refcounts on disk before the header names it. */
    if (ret == 0) {
        ret = qcow2_flush(bs);
    }
    uint64_t old = s->h.snapshots_offset, old_bytes = t->bytes;
    if (ret == 0) {
        s->h.nb_snapshots = t->n;
        s->h.snapshots_offset = (uint64_t)at;
        ret = qcow2_update_header_fields(bs);
    }
    if (ret == 0 && old && old_bytes) {
        ret = qcow2_free_range(bs, old, old_bytes);
    }
    t->bytes = bytes;
    return ret;
}

/* Index of the snapshot named name (or with that id if by_id); -1. */
static int find_snap(const SnapTable *t, const char *name, bool by_id)
{
    for (uint32_t i = 0; by_id && i < t->n; i++) {
        if (!strcmp(t->e[i].info.id, name)) {
            return (int)i;
        }
    }
    for (uint32_t i = 0; i < t->n; i++) {
        if (!strcmp(t->e[i].info.name, name)) {
            return (int)i;
        }
    }
    return -1;
}

/* A new entry: next free numeric id, now, VM state 0, qemu's extra data. */
static int new_entry(BlkDev *bs, const SnapTable *t, const char *name,
                     uint64_t l1_off, Qcow2Snap *sn)
{
    Qcow2State *s = bs->opaque;
    unsigned long max_id = 0;
    for (uint32_t i = 0; i < t->n; i++) {
        unsigned long v = strtoul(t->e[i].info.id, NULL, 10);
        max_id = v > max_id ? v : max_id;
    }
    char id[32];
    snprintf(id, sizeof(id), "%lu", max_id + 1);
    size_t id_len = strlen(id), name_len = strlen(name);
    if (name_len > 65535) {
        return blk_err(-EINVAL, "Snapshot name is too long");
    }
    sn->len = SNAP_FIXED + SNAP_EXTRA + id_len + name_len;
    sn->raw = calloc(1, sn->len);
    if (!sn->raw) {
        return -ENOMEM;
    }
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint8_t *e = sn->raw;
    be64_put(e, l1_off);
    be32_put(e + 8, s->h.l1_size);
    be16_put(e + 12, (uint16_t)id_len);
    be16_put(e + 14, (uint16_t)name_len);
    be32_put(e + 16, (uint32_t)now.tv_sec);
    be32_put(e + 20, (uint32_t)now.tv_nsec);
    be32_put(e + 36, SNAP_EXTRA);
    be64_put(e + SNAP_FIXED + 8, bs->size);
    memcpy(e + SNAP_FIXED + SNAP_EXTRA, id, id_len);
    memcpy(e + SNAP_FIXED + SNAP_EXTRA + id_len, name, name_len);
    parse_raw(sn);
    return 0;
}

/* Copies the active L1 table (COPIED flags cleared) to new clusters. */
static int64_t copy_active_l1(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    size_t bytes = (size_t)s->h.l1_size * 8;
    if (!bytes) {
        return 0;
    }
    uint8_t *be = malloc(bytes);
    if (!be) {
        return -ENOMEM;
    }
    for (uint32_t i = 0; i < s->h.l1_size; i++) {
        be64_put(be + (size_t)i * 8, s->l1[i] & ~QCOW2_OFLAG_COPIED);
    }
    int64_t at = qcow2_alloc_clusters(bs, (bytes + s->cluster_size - 1) /
                                      s->cluster_size);
    int ret = at < 0 ? (int)at : blk_file_pwrite(bs->fd, (uint64_t)at, be, bytes);
    free(be);
    return ret < 0 ? ret : at;
}

static int snapshot_create(BlkDev *bs, const char *name)
{
    Qcow2State *s = bs->opaque;
    SnapTable t;
    int ret = load_table(bs, &t);
    if (ret < 0) {
        return ret;
    }
    if (t.n >= QCOW2_MAX_SNAPSHOTS) {
        free_table(&t);
        return blk_err(-EFBIG, "Too many internal snapshots");
    }
    Qcow2Snap *grown = realloc(t.e, (t.n + 1) * sizeof(*grown));
    if (!grown) {
        free_table(&t);
        return -ENOMEM;
    }
    t.e = grown;
    memset(&t.e[t.n], 0, sizeof(t.e[t.n]));
    ret = qcow2_flush(bs);
    int64_t l1_off = ret < 0 ? ret : copy_active_l1(bs);
    ret = l1_off < 0 ? (int)l1_off : new_entry(bs, &t, name, (uint64_t)l1_off,
                                               &t.e[t.n]);
    if (ret == 0) {
        t.n++;
        ret = walk_l1(bs, s->l1, s->h.l1_size, 1, true);
    }
    if (ret == 0) {
        ret = write_table(bs, &t);
    }
    free_table(&t);
    return ret < 0 ? ret : qcow2_flush(bs);
}

/* Makes snapshot i's L1 the active one. */
static int apply(BlkDev *bs, Qcow2Snap *sn)
{
    Qcow2State *s = bs->opaque;
    uint64_t *snl1, *old = NULL;
    int ret = read_l1(bs, sn, &snl1);
    if (ret < 0) {
        return ret;
    }
    /* The disk takes the snapshot's size: grown first (the snapshot's L1
     * must fit), shrunk in the header after. */
    uint64_t want = sn->disk_size ? sn->disk_size : bs->size;
    if (want > bs->size) {
        ret = blk_truncate(bs, want);
    }
    if (ret == 0 && sn->l1_size > s->h.l1_size) {
        ret = blk_err(-ENOTSUP, "Snapshot '%s' has an L1 table larger than "
                      "its disk needs", sn->info.name);
    }
    if (ret == 0) {
        ret = qcow2_mark_dirty(bs);
    }
    if (ret == 0) {
        ret = qcow2_flush(bs);
    }
    if (ret == 0) {
        ret = walk_l1(bs, snl1, sn->l1_size, 1, false);
    }
    size_t bytes = (size_t)s->h.l1_size * 8;
    old = ret == 0 ? malloc(bytes ? bytes : 1) : NULL;
    if (ret == 0 && !old) {
        ret = -ENOMEM;
    }
    if (ret == 0) {
        memcpy(old, s->l1, bytes);
        memset(s->l1, 0, bytes);
        memcpy(s->l1, snl1, (size_t)sn->l1_size * 8);
        s->l1_dirty = true;
        ret = qcow2_flush(bs);
    }
    if (ret == 0) {
        ret = walk_l1(bs, old, s->h.l1_size, -1, false);
    }
    if (ret == 0) {
        ret = walk_l1(bs, s->l1, s->h.l1_size, 0, true);
    }
    if (ret == 0 && want < bs->size) {
        s->h.size = bs->size = want;
        ret = qcow2_update_header_fields(bs);
    }
    free(old);
    free(snl1);
    return ret < 0 ? ret : qcow2_flush(bs);
}

static int snapshot_apply(BlkDev *bs, const char *name)
{
    SnapTable t;
    int ret = load_table(bs, &t);
    if (ret < 0) {
        return ret;
    }
    int i = find_snap(&t, name, true);
    ret = i < 0 ? blk_err(-ENOENT, "Failed to load snapshot: No such file or "
                          "directory") : apply(bs, &t.e[i]);
    free_table(&t);
    return ret;
}

static int snapshot_delete(BlkDev *bs, const char *name)
{
    Qcow2State *s = bs->opaque;
    SnapTable t;
    int ret = load_table(bs, &t);
    if (ret < 0) {
        return ret;
    }
    int i = find_snap(&t, name, false);
    if (i < 0) {
        free_table(&t);
        return blk_err(-ENOENT, "snapshot not found");
    }
    Qcow2Snap gone = t.e[i];
    uint64_t *l1 = NULL;
    ret = read_l1(bs, &gone, &l1);
    memmove(&t.e[i], &t.e[i + 1], (t.n - (uint32_t)i - 1) * sizeof(*t.e));
    t.n--;
    if (ret == 0) {
        ret = write_table(bs, &t);
    }
    if (ret == 0) {
        ret = walk_l1(bs, l1, gone.l1_size, -1, false);
    }
    if (ret == 0 && gone.l1_size) {
        ret = qcow2_free_range(bs, gone.l1_off, (uint64_t)gone.l1_size * 8);
    }
    if (ret == 0) {
        ret = walk_l1(bs, s->l1, s->h.l1_size, 0, true);
    }
    free(l1);
    free(gone.raw);
    free_table(&t);
    return ret < 0 ? ret : qcow2_flush(bs);
}

int qcow2_snapshot_op(BlkDev *bs, BlkSnapshotOp op, const char *name)
{
    Qcow2State *s = bs->opaque;
    if (s->data_fd >= 0) {
        return blk_err(-ENOTSUP, "internal snapshots are not supported with "
                       "an external data file");
    }
    switch (op) {
    case BLK_SNAP_CREATE: return snapshot_create(bs, name);
    case BLK_SNAP_APPLY: return snapshot_apply(bs, name);
    case BLK_SNAP_DELETE: return snapshot_delete(bs, name);
    }
    return -EINVAL;
}
