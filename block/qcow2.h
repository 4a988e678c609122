/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 driver internals, shared by its files:
 *   qcow2.c           header parsing and validation, open/close/create/info
 *   qcow2-cache.c     write-back cache of L2 tables and refcount blocks
 *   qcow2-cluster.c   L1/L2 lookups, reads (plain, zero, compressed,
 *                     backing), writes with cluster allocation, discard
 *   qcow2-refcount.c  refcounts of any width, cluster allocation, growth
 *                     of the refcount table
 *   qcow2-check.c     check and repair (leaks, corruptions, COPIED flags)
 *   qcow2-snapshot.c  internal snapshots: list, create, apply, delete
 *   qcow2-bitmap.c    persistent dirty bitmaps: listed, kept, in-use
 *   qcow2-amend.c     amend: compat up and down, lazy refcounts
 *
 * Layout facts follow QEMU's docs/interop/qcow2.txt (all fields big-endian).
 * Metadata reaches the disk in the order the spec needs for a crash to
 * leave at worst leaked clusters: data, then refcount blocks, then L2
 * tables, then the L1 table, with an fdatasync between (qcow2_flush).
 */
#ifndef GUISE_QCOW2_H
#define GUISE_QCOW2_H

#include "block/block.h"

#define QCOW2_MAGIC            0x514649fbu   /* "QFI\xfb" */
#define QCOW2_V2_HEADER_LEN    72
#define QCOW2_V3_HEADER_LEN    104
#define QCOW2_MIN_CLUSTER_BITS 9
#define QCOW2_MAX_CLUSTER_BITS 21
#define QCOW2_MAX_L1_BYTES     (32u << 20)
#define QCOW2_MAX_REFTABLE_BYTES (8u << 20)
#define QCOW2_MAX_SNAPSHOTS    65536
#define QCOW2_MAX_BACKING_NAME 1023

/* Incompatible feature bits. */
#define QCOW2_INCOMPAT_DIRTY       (1ull << 0)
#define QCOW2_INCOMPAT_CORRUPT     (1ull << 1)
#define QCOW2_INCOMPAT_DATA_FILE   (1ull << 2)
#define QCOW2_INCOMPAT_COMPRESSION (1ull << 3)
#define QCOW2_INCOMPAT_EXTL2       (1ull << 4)
#define QCOW2_INCOMPAT_KNOWN       0x1full
#define QCOW2_COMPAT_LAZY_REFCOUNTS (1ull << 0)
#define QCOW2_AUTOCLEAR_BITMAPS    (1ull << 0)
#define QCOW2_AUTOCLEAR_DATA_RAW   (1ull << 1)

/* Header extension types. */
#define QCOW2_EXT_END          0x00000000u
#define QCOW2_EXT_BACKING_FMT  0xe2792acau
#define QCOW2_EXT_FEATURES     0x6803f857u
#define QCOW2_EXT_BITMAPS      0x23852875u
#define QCOW2_EXT_CRYPTO       0x0537be77u
#define QCOW2_EXT_DATA_FILE    0x44415441u

/* L1/L2 entry fields. */
#define QCOW2_OFLAG_COPIED     (1ull << 63)
#define QCOW2_OFLAG_COMPRESSED (1ull << 62)
#define QCOW2_OFLAG_ZERO       (1ull << 0)
#define QCOW2_OFFSET_MASK      0x00fffffffffffe00ull
#define QCOW2_L1_RESERVED      0x7f000000000001ffull
#define QCOW2_L2_RESERVED      0x3f000000000001feull
#define QCOW2_REFT_RESERVED    0x00000000000001ffull

/* Extended L2 entries: 32 subclusters, bitmap "allocated" low, "zero" high. */
#define QCOW2_SUBCLUSTERS      32
#define QCOW2_SC_ALL_ALLOC     0x00000000ffffffffull
#define QCOW2_SC_ALL_ZERO      0xffffffff00000000ull

/* What an L2 entry says about a guest cluster. */
typedef enum {
    QCOW2_CL_UNALLOCATED,   /* read from the backing file (or zeros) */
    QCOW2_CL_ZERO_PLAIN,    /* zeros, no host cluster */
    QCOW2_CL_ZERO_ALLOC,    /* zeros, host cluster kept */
    QCOW2_CL_NORMAL,
    QCOW2_CL_COMPRESSED,
    QCOW2_CL_UNALLOCATED_ALLOC, /* subcluster: backing, host cluster kept */
} Qcow2ClusterType;

typedef struct Qcow2CacheEntry {
    uint64_t offset;        /* host offset of the table, 0 if free */
    uint8_t *buf;
    uint64_t lru;
    bool dirty;
} Qcow2CacheEntry;

typedef struct Qcow2Cache {
    Qcow2CacheEntry *e;
    size_t n;
    uint64_t tick;
    bool after_refcounts;   /* refcounts reach the disk (synced) first */
} Qcow2Cache;

/* The parsed and validated header. */
typedef struct Qcow2Header {
    uint32_t version;
    uint64_t backing_file_offset;
    uint32_t backing_file_size;
    uint32_t cluster_bits;
    uint64_t size;
    uint32_t crypt_method;
    uint32_t l1_size;
    uint64_t l1_table_offset;
    uint64_t refcount_table_offset;
    uint32_t refcount_table_clusters;
    uint32_t nb_snapshots;
    uint64_t snapshots_offset;
    uint64_t incompatible_features;
    uint64_t compatible_features;
    uint64_t autoclear_features;
    uint32_t refcount_order;
    uint32_t header_length;
    uint8_t compression_type;
    char backing_fmt[32];
    bool has_bitmaps;           /* the bitmaps extension is present */
    uint32_t nb_bitmaps;
    uint64_t bitmap_dir_size, bitmap_dir_offset;
    char data_file[BLK_NAME_MAX];   /* external data file name, "" if none */
} Qcow2Header;

typedef struct Qcow2State {
    Qcow2Header h;
    uint32_t cluster_size;
    uint32_t l2_bits;           /* log2 of entries per L2 table */
    uint32_t l2_entry_bytes;    /* 8, or 16 with extended L2 entries */
    bool extl2;                 /* subclusters: 32 per cluster */
    uint32_t sc_size;           /* subcluster bytes (cluster size if none) */
    uint32_t refcount_bits;
    uint64_t rpb;               /* refcount entries per refcount block */
    uint64_t *l1;               /* host-endian copy of the L1 table */
    bool l1_dirty;
    uint64_t *reftable;         /* host-endian copy of the refcount table */
    uint32_t reftable_size;     /* entries */
    uint32_t reft_dirty_lo, reft_dirty_hi;  /* entries not on disk yet */
    Qcow2Cache l2_cache, rc_cache;
    uint64_t free_hint;         /* first cluster index that may be free */
    uint64_t free_byte_offset;  /* compressed data packs on from here, 0 */
    uint64_t *pending_free;     /* host offsets freed after the next flush */
    size_t n_pending, cap_pending;
    bool dirty_marked;          /* we set the dirty bit on disk */
    bool bitmaps_marked;        /* the bitmaps are flagged in-use */
    int data_fd;                /* external data file, -1 if none */
    uint8_t *cbuf;              /* compressed-cluster input buffer */
} Qcow2State;

/* qcow2.c */
/* Parse and validate a header from buf (len bytes read from the file's
 * start; file_size the whole file).  -EINVAL/-ENOTSUP with a reason. */
int qcow2_parse_header(const uint8_t *buf, size_t len, uint64_t file_size,
                       Qcow2Header *h, char *backing, size_t backing_len);
/* Before guest data changes: dirty bit (lazy refcounts), bitmaps in-use. */
int qcow2_mark_dirty(BlkDev *bs);
int qcow2_update_header_fields(BlkDev *bs);

/* qcow2-cache.c */
int qcow2_cache_init(Qcow2Cache *c, size_t n, uint32_t table_size);
void qcow2_cache_destroy(Qcow2Cache *c);
/* Table at host offset off; read from the file unless fresh (then zeroed). */
int qcow2_cache_get(BlkDev *bs, Qcow2Cache *c, uint64_t off, bool fresh,
                    uint8_t **table);
void qcow2_cache_mark_dirty(Qcow2Cache *c, const uint8_t *table);
int qcow2_cache_flush(BlkDev *bs, Qcow2Cache *c);
/* Forget a table whose cluster is freed (without writing it). */
void qcow2_cache_discard(Qcow2Cache *c, uint64_t off);

/* qcow2-refcount.c */
int qcow2_get_refcount(BlkDev *bs, uint64_t cluster, uint64_t *rc);
int qcow2_set_refcount(BlkDev *bs, uint64_t cluster, uint64_t rc);
/* n contiguous clusters with refcount 1; host offset of the first. */
int64_t qcow2_alloc_clusters(BlkDev *bs, uint64_t n);
/* Drop one reference of each cluster of [off, off+len). */
int qcow2_free_range(BlkDev *bs, uint64_t off, uint64_t len);
/* Free later, once the L2 tables no longer naming it are on disk. */
int qcow2_defer_free(BlkDev *bs, uint64_t off);
int qcow2_process_pending_free(BlkDev *bs);
/* Writes dirty refcount blocks, syncs, then dirty refcount table entries
 * (not synced: the caller syncs before anything that relies on them). */
int qcow2_flush_refcounts(BlkDev *bs);
uint64_t qcow2_rc_read(const uint8_t *blk, uint64_t i, uint32_t order);
void qcow2_rc_write(uint8_t *blk, uint64_t i, uint32_t order, uint64_t v);

/* qcow2-cluster.c */
Qcow2ClusterType qcow2_l2_type(const Qcow2State *s, uint64_t entry);
/* What subcluster sc of a cluster (entry, bitmap) is: NORMAL data at the
 * entry's host cluster, ZERO_PLAIN/ZERO_ALLOC, UNALLOCATED(_ALLOC) or
 * COMPRESSED; -1 if the bitmap is invalid.  Without extended L2, the
 * cluster's own type. */
int qcow2_sc_type(const Qcow2State *s, uint64_t entry, uint64_t bitmap,
                  unsigned sc);
/* Host offset and sector count of a compressed L2 entry. */
void qcow2_compressed_loc(const Qcow2State *s, uint64_t entry,
                          uint64_t *off, uint64_t *bytes);
int qcow2_pread(BlkDev *bs, uint64_t off, void *buf, size_t len);
int qcow2_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len);
int qcow2_discard(BlkDev *bs, uint64_t off, uint64_t len);
int qcow2_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                       uint64_t *pnum, uint64_t *host_off);
int qcow2_flush(BlkDev *bs);
int qcow2_make_empty(BlkDev *bs);
/* Drops the guest cluster at off (unallocated again, its host released). */
int qcow2_discard_cluster(BlkDev *bs, uint64_t off);
/* Shrinks the disk: clusters and L2 tables past the new end released. */
int qcow2_shrink(BlkDev *bs, uint64_t size);
/* Write an already compressed cluster (convert -c); guest offset aligned. */
int qcow2_write_compressed(BlkDev *bs, uint64_t off, const void *data,
                           size_t clen);

/* qcow2-snapshot.c */
int qcow2_snapshot_list(BlkDev *bs, BlkSnapshot **list);
int qcow2_snapshot_op(BlkDev *bs, BlkSnapshotOp op, const char *name);

/* qcow2-bitmap.c */
/* Called with each host range a structure references (check). */
typedef void (*Qcow2RefFn)(void *ctx, uint64_t off, uint64_t len,
                           const char *what);
int qcow2_bitmap_list(BlkDev *bs, BlkBitmap **list);
/* Flags every bitmap in-use (a writer that does not track them). */
int qcow2_bitmaps_mark_in_use(BlkDev *bs);
/* Reports the directory, tables and data clusters of the bitmaps. */
int qcow2_bitmaps_refs(BlkDev *bs, Qcow2RefFn ref, void *ctx);

/* qcow2-amend.c */
int qcow2_amend(BlkDev *bs, const char *key, const char *value);

/* qcow2-check.c */
int qcow2_check(BlkDev *bs, BlkCheckResult *res, int fix);

static inline uint64_t be64_get(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

static inline uint32_t be32_get(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint16_t be16_get(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline void be64_put(uint8_t *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8) {
        p[i] = (uint8_t)v;
    }
}

static inline void be32_put(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);  p[3] = (uint8_t)v;
}

static inline void be16_put(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v;
}

/* Where guest data clusters live: the external data file or the image.
 * With a data file, a data cluster's host offset is its guest offset and
 * it has no refcount (qemu's layout). */
static inline int qcow2_data_fd(const BlkDev *bs)
{
    const Qcow2State *s = bs->opaque;
    return s->data_fd >= 0 ? s->data_fd : bs->fd;
}

/* The bitmaps extension counts (its autoclear bit says it is valid). */
static inline bool qcow2_bitmaps_valid(const Qcow2State *s)
{
    return s->h.has_bitmaps && s->h.nb_bitmaps &&
           (s->h.autoclear_features & QCOW2_AUTOCLEAR_BITMAPS);
}

/* Entry i of an L2 table and, with extended L2 entries, its bitmap. */
static inline uint64_t qcow2_l2_get(const Qcow2State *s, const uint8_t *l2,
                                    uint64_t i)
{
    return be64_get(l2 + i * s->l2_entry_bytes);
}

static inline uint64_t qcow2_l2_bitmap(const Qcow2State *s, const uint8_t *l2,
                                       uint64_t i)
{
    return s->extl2 ? be64_get(l2 + i * 16 + 8) : 0;
}

#endif
