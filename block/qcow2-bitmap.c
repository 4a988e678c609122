/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 persistent dirty bitmaps (qcow2.txt, "Bitmaps extension"): the
 * directory the header extension points to, each entry's bitmap table and
 * the data clusters it names.  guise does not track dirty blocks, so it
 * keeps bitmaps the way the format allows a non-tracking writer to: on a
 * writable open every bitmap is flagged in-use ("may be inconsistent"),
 * which qemu then treats as a bitmap to be rebuilt, and the bitmaps'
 * clusters stay referenced so that check neither reports them as leaks
 * nor frees them.  Listing feeds guise-img info.
 *
 * Every field is bounded before use (directory size, entry lengths, table
 * sizes and offsets); a bad directory is -EINVAL, never an overrun.
 * Entry points: qcow2_bitmap_list(), qcow2_bitmaps_mark_in_use(),
 * qcow2_bitmaps_refs() (qcow2.h).
 */
#include "block/qcow2.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DIR_ENTRY_FIXED 24
#define MAX_DIR_BYTES   (64u << 20)
#define MAX_NAME        1023
#define MAX_EXTRA       1024
#define BME_TABLE_RESERVED 0xff000000000001feull

/* One parsed directory entry; pos is its byte offset in the directory. */
typedef struct DirEntry {
    size_t pos;
    uint64_t table_off;
    uint32_t table_size, flags;
    uint8_t gran_bits;
    const uint8_t *name;
    size_t name_len;
} DirEntry;

/* Reads the directory (malloc'd) if the extension is valid and present. */
static int load_dir(BlkDev *bs, uint8_t **dir)
{
    Qcow2State *s = bs->opaque;
    *dir = NULL;
    if (!qcow2_bitmaps_valid(s)) {
        return 0;
    }
    int64_t fsize = blk_file_size(bs->fd);
    uint64_t off = s->h.bitmap_dir_offset, len = s->h.bitmap_dir_size;
    if (fsize < 0 || !len || len > MAX_DIR_BYTES || (off & 7) ||
        off > (uint64_t)fsize || len > (uint64_t)fsize - off) {
        return blk_err(-EINVAL, "qcow2 bitmap directory (%llu bytes at %#llx) "
                       "is invalid", (unsigned long long)len,
                       (unsigned long long)off);
    }
    uint8_t *d = malloc(len);
    int ret = d ? blk_file_pread(bs->fd, off, d, len) : -ENOMEM;
    if (ret < 0) {
        free(d);
        return ret;
    }
    *dir = d;
    return 0;
}

/* Parses entry at *pos of dir (len bytes); advances past its padding. */
static int parse_entry(Qcow2State *s, const uint8_t *dir, size_t len,
                       size_t *pos, DirEntry *e)
{
    size_t p = *pos;
    if (p > len || len - p < DIR_ENTRY_FIXED) {
        return blk_err(-EINVAL, "qcow2 bitmap directory is truncated");
    }
    const uint8_t *b = dir + p;
    e->pos = p;
    e->table_off = be64_get(b);
    e->table_size = be32_get(b + 8);
    e->flags = be32_get(b + 12);
    e->gran_bits = b[17];
    e->name_len = be16_get(b + 18);
    uint32_t extra = be32_get(b + 20);
    if (extra > MAX_EXTRA || e->name_len > MAX_NAME ||
        len - p - DIR_ENTRY_FIXED < extra + e->name_len) {
        return blk_err(-EINVAL, "qcow2 bitmap directory entry overruns the "
                       "directory");
    }
    if (b[16] != 1 || e->gran_bits < 9 || e->gran_bits > 31 ||
        (e->table_off & (s->cluster_size - 1)) ||
        (uint64_t)e->table_size * 8 > QCOW2_MAX_L1_BYTES) {
        return blk_err(-EINVAL, "qcow2 bitmap entry is invalid");
    }
    e->name = b + DIR_ENTRY_FIXED + extra;
    *pos = (p + DIR_ENTRY_FIXED + extra + e->name_len + 7) & ~(size_t)7;
    return 0;
}

int qcow2_bitmap_list(BlkDev *bs, BlkBitmap **list)
{
    Qcow2State *s = bs->opaque;
    uint8_t *dir;
    *list = NULL;
    int ret = load_dir(bs, &dir);
    if (ret < 0 || !dir) {
        return ret;
    }
    uint32_t n = s->h.nb_bitmaps;
    BlkBitmap *bm = calloc(n ? n : 1, sizeof(*bm));
    size_t pos = 0;
    ret = bm ? 0 : -ENOMEM;
    for (uint32_t i = 0; ret == 0 && i < n; i++) {
        DirEntry e;
        ret = parse_entry(s, dir, s->h.bitmap_dir_size, &pos, &e);
        if (ret == 0) {
            memcpy(bm[i].name, e.name, e.name_len);
            bm[i].name[e.name_len] = 0;
            bm[i].granularity = 1u << e.gran_bits;
            bm[i].flags = e.flags;
        }
    }
    free(dir);
    if (ret < 0) {
        free(bm);
        return ret;
    }
    *list = bm;
    return (int)n;
}

int qcow2_bitmaps_mark_in_use(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    uint8_t *dir;
    int ret = load_dir(bs, &dir);
    if (ret < 0 || !dir) {
        return ret;
    }
    size_t pos = 0;
    bool changed = false;
    for (uint32_t i = 0; ret == 0 && i < s->h.nb_bitmaps; i++) {
        DirEntry e;
        ret = parse_entry(s, dir, s->h.bitmap_dir_size, &pos, &e);
        if (ret == 0 && !(e.flags & BLK_BITMAP_IN_USE)) {
            be32_put(dir + e.pos + 12, e.flags | BLK_BITMAP_IN_USE);
            changed = true;
        }
    }
    if (ret == 0 && changed) {
        ret = blk_file_pwrite(bs->fd, s->h.bitmap_dir_offset, dir,
                              s->h.bitmap_dir_size);
    }
    free(dir);
    return ret;
}

/* The references of one bitmap: its table and the data clusters. */
static int table_refs(BlkDev *bs, const DirEntry *e, Qcow2RefFn ref, void *ctx)
{
    Qcow2State *s = bs->opaque;
    size_t bytes = (size_t)e->table_size * 8;
    if (!bytes) {
        return 0;
    }
    ref(ctx, e->table_off, bytes, "bitmap table");
    uint8_t *t = malloc(bytes);
    int ret = t ? blk_file_pread(bs->fd, e->table_off, t, bytes) : -ENOMEM;
    for (uint32_t i = 0; ret == 0 && i < e->table_size; i++) {
        uint64_t v = be64_get(t + (size_t)i * 8);
        uint64_t off = v & QCOW2_OFFSET_MASK;
        /* A malformed entry names no cluster we could count. */
        if (off && !(v & BME_TABLE_RESERVED) && !(off & (s->cluster_size - 1))) {
            ref(ctx, off, s->cluster_size, "bitmap data cluster");
        }
    }
    free(t);
    return ret;
}

int qcow2_bitmaps_refs(BlkDev *bs, Qcow2RefFn ref, void *ctx)
{
    Qcow2State *s = bs->opaque;
    uint8_t *dir;
    int ret = load_dir(bs, &dir);
    if (ret < 0 || !dir) {
        return ret;
    }
    ref(ctx, s->h.bitmap_dir_offset, s->h.bitmap_dir_size, "bitmap directory");
    size_t pos = 0;
    for (uint32_t i = 0; ret == 0 && i < s->h.nb_bitmaps; i++) {
        DirEntry e;
        ret = parse_entry(s, dir, s->h.bitmap_dir_size, &pos, &e);
        if (ret == 0) {
            ret = table_refs(bs, &e, ref, ctx);
        }
    }
    free(dir);
    return ret;
}
