/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The block layer: one driver interface for disk image formats (raw,
 * qcow2, qcow, vmdk), used by guise-img and, later, by the disk
 * devices of the system emulator.
 *
 * A BlkDev is an open image.  Reads and writes are byte-granular over the
 * virtual disk; drivers split them over their clusters themselves.  Every
 * function returns 0 (or a non-negative count) on success and a negative
 * errno on failure; a corrupt or unsupported image is -EINVAL/-ENOTSUP
 * with a one-line reason left in blk_last_error() for the caller to print.
 * Nothing in here exits or aborts on bad input.
 *
 * Entry points: blk_open() / blk_create() / blk_close(), blk_pread(),
 * blk_pwrite(), blk_flush(), blk_discard(), blk_block_status(),
 * blk_get_info(), blk_check(), blk_truncate().
 */
#ifndef GUISE_BLOCK_H
#define GUISE_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define BLK_MAX_BACKING_DEPTH 64
#define BLK_NAME_MAX          1024

/* Flags of blk_open(). */
enum {
    BLK_O_RDWR       = 1 << 0,
    BLK_O_NO_BACKING = 1 << 1,  /* do not open the backing chain */
    BLK_O_NO_REPAIR  = 1 << 2,  /* open a dirty image without repairing it */
};

/* Result bits of blk_block_status(). */
enum {
    BLK_STAT_DATA      = 1 << 0,  /* reads come from a host offset */
    BLK_STAT_ZERO      = 1 << 1,  /* reads return zeros */
    BLK_STAT_ALLOCATED = 1 << 2,  /* this layer decides (not the backing) */
    BLK_STAT_OFFSET    = 1 << 3,  /* *host_off is valid */
    BLK_STAT_COMPRESSED = 1 << 4,
};

typedef struct BlkDriver BlkDriver;

/* What blk_snapshot() does (qemu-img snapshot -c / -a / -d). */
typedef enum { BLK_SNAP_CREATE, BLK_SNAP_APPLY, BLK_SNAP_DELETE } BlkSnapshotOp;

/* An internal snapshot, as qemu-img info and snapshot -l show it. */
typedef struct BlkSnapshot {
    char id[128];
    char name[256];
    uint64_t vm_state_size;
    uint32_t date_sec, date_nsec;
    uint64_t vm_clock_nsec;
    uint64_t icount;
    bool has_icount;
} BlkSnapshot;

typedef struct BlkDev {
    const BlkDriver *drv;
    char *filename;
    int fd;
    bool read_only;
    uint64_t size;              /* virtual size in bytes */
    struct BlkDev *backing;     /* NULL if none or not opened */
    char backing_file[BLK_NAME_MAX];   /* as stored in the image, "" if none */
    char backing_fmt[32];
    void *opaque;               /* driver state */
} BlkDev;

/* Options of blk_create(); zero means "the format's default". */
typedef struct BlkCreateOpts {
    uint64_t size;
    uint32_t cluster_size;
    int compat;                 /* qcow2: 2 (0.10) or 3 (1.1) */
    int refcount_bits;
    bool lazy_refcounts;
    const char *backing_file;
    const char *backing_fmt;
    bool extended_l2;           /* qcow2: subclusters */
    int compression_type;       /* qcow2: BLK_COMPRESS_* */
    const char *data_file;      /* qcow2: external data file */
    bool data_file_raw;
    /* vmdk */
    const char *subformat;      /* monolithicSparse if NULL */
    const char *adapter_type;   /* ide if NULL */
    const char *hwversion;
    const char *toolsversion;
    bool compat6;
    bool zeroed_grain;
} BlkCreateOpts;

/* A persistent dirty bitmap, as qemu-img info shows it. */
enum { BLK_BITMAP_IN_USE = 1 << 0, BLK_BITMAP_AUTO = 1 << 1 };
typedef struct BlkBitmap {
    char name[1024];
    uint32_t granularity;
    uint32_t flags;             /* BLK_BITMAP_* */
} BlkBitmap;

/* One extent of a multi-file image (vmdk), as qemu-img info shows it. */
typedef struct BlkExtent {
    char filename[BLK_NAME_MAX];
    char format[16];            /* "SPARSE", "FLAT"; "" for a hosted file */
    uint64_t virtual_size;
    uint32_t cluster_size;      /* 0: none */
    bool compressed;
} BlkExtent;

/* What blk_get_info() reports (qemu-img info's fields). */
typedef struct BlkInfo {
    uint32_t cluster_size;      /* 0: not applicable */
    bool dirty;
    bool has_specific;          /* the qcow2 block below is meaningful */
    int compat;                 /* 2 or 3 */
    bool lazy_refcounts;
    int refcount_bits;
    bool corrupt;
    bool extended_l2;
    int compression_type;       /* BLK_COMPRESS_* */
    char data_file[BLK_NAME_MAX];   /* qcow2 external data file, "" if none */
    bool data_file_raw;
    int nb_snapshots;
    bool has_vmdk;              /* the vmdk fields below are meaningful */
    uint32_t vmdk_cid, vmdk_parent_cid;
    char vmdk_create_type[64];
} BlkInfo;

/* What blk_check() found; counts of clusters. */
typedef struct BlkCheckResult {
    int64_t corruptions, leaks, check_errors;
    int64_t corruptions_fixed, leaks_fixed;
    int64_t allocated_clusters, total_clusters;
    int64_t fragmented_clusters, compressed_clusters;
    uint64_t image_end_offset;
    bool has_stats;             /* the cluster counts above are valid */
} BlkCheckResult;

enum { BLK_FIX_LEAKS = 1, BLK_FIX_ERRORS = 2 };

struct BlkDriver {
    const char *name;
    /* Score 0-100 that buf (the first bytes of the file) is this format. */
    int (*probe)(const uint8_t *buf, size_t len, const char *filename);
    int (*open)(BlkDev *bs, int flags);
    void (*close)(BlkDev *bs);
    int (*create)(const char *filename, const BlkCreateOpts *opts);
    /* Byte ranges already checked to lie inside [0, bs->size). */
    int (*pread)(BlkDev *bs, uint64_t off, void *buf, size_t len);
    int (*pwrite)(BlkDev *bs, uint64_t off, const void *buf, size_t len);
    int (*flush)(BlkDev *bs);
    int (*discard)(BlkDev *bs, uint64_t off, uint64_t len);
    /* Status of [off, off+len): flags, run length in *pnum (>0). */
    int (*block_status)(BlkDev *bs, uint64_t off, uint64_t len,
                        uint64_t *pnum, uint64_t *host_off);
    int (*get_info)(BlkDev *bs, BlkInfo *info);
    int (*check)(BlkDev *bs, BlkCheckResult *res, int fix);
    int (*truncate)(BlkDev *bs, uint64_t size);
    /* Every cluster unallocated again (reads go to the backing file). */
    int (*make_empty)(BlkDev *bs);
    /* Names another backing file (NULL: none) in the header. */
    int (*change_backing)(BlkDev *bs, const char *file, const char *fmt);
    /* The internal snapshots: count, *list malloc'd (caller frees). */
    int (*snapshot_list)(BlkDev *bs, BlkSnapshot **list);
    /* The persistent bitmaps: count, *list malloc'd (caller frees). */
    int (*bitmap_list)(BlkDev *bs, BlkBitmap **list);
    /* The file holding the data of guest offset off (NULL: bs's own). */
    const char *(*host_file)(BlkDev *bs, uint64_t off);
    /* The extents (files) of the image: count, *list malloc'd. */
    int (*extent_list)(BlkDev *bs, BlkExtent **list);
    /* Changes one creation option of an open image (amend). */
    int (*amend)(BlkDev *bs, const char *key, const char *value);
    /* Create (name is the tag), apply (id or tag) or delete (tag). */
    int (*snapshot)(BlkDev *bs, BlkSnapshotOp op, const char *name);
    /* One whole guest cluster given as raw deflate data (convert -c). */
    int (*pwrite_compressed)(BlkDev *bs, uint64_t off, const void *zdata,
                             size_t zlen);
};

/* The registered drivers; NULL if the name is unknown. */
const BlkDriver *blk_find_driver(const char *name);
/* Comma-separated list of the format names, for messages. */
const char *blk_driver_names(void);

/*
 * Open filename; fmt NULL probes (a file that looks like no format is raw;
 * a raw image is never taken for another format).  Opens the backing chain
 * unless BLK_O_NO_BACKING.  Returns 0 and *out, or -errno with the reason
 * in blk_last_error().
 */
int blk_open(BlkDev **out, const char *filename, const char *fmt, int flags);
void blk_close(BlkDev *bs);
int blk_create(const char *filename, const char *fmt, const BlkCreateOpts *o);

int blk_pread(BlkDev *bs, uint64_t off, void *buf, size_t len);
int blk_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len);
int blk_flush(BlkDev *bs);
int blk_discard(BlkDev *bs, uint64_t off, uint64_t len);
int blk_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                     uint64_t *pnum, uint64_t *host_off);
int blk_get_info(BlkDev *bs, BlkInfo *info);
int blk_check(BlkDev *bs, BlkCheckResult *res, int fix);
int blk_truncate(BlkDev *bs, uint64_t size);
/*
 * Writes one cluster-aligned cluster compressed when the format can
 * (falls back to a plain write otherwise or when it does not shrink).
 */
int blk_pwrite_compressed(BlkDev *bs, uint64_t off, const void *buf,
                          size_t len);
/*
 * Status through the backing chain: like blk_block_status, but an
 * unallocated range is looked up in the backing files.  *depth is the
 * layer that decides (0 = bs), *where its BlkDev.  Ranges past the end of
 * a backing file, or unallocated everywhere, read as zeros.
 */
int blk_chain_status(BlkDev *bs, uint64_t off, uint64_t len, uint64_t *pnum,
                     uint64_t *host_off, int *depth, BlkDev **where);

/* Drops everything the image holds itself (after commit): -ENOTSUP if
 * the format cannot. */
int blk_make_empty(BlkDev *bs);

/*
 * Records file/fmt as the backing file in the image's header (file NULL
 * removes it).  Only the name changes: guise-img rebase copies data first.
 */
int blk_change_backing(BlkDev *bs, const char *file, const char *fmt);

/* The internal snapshots (count, or -errno); *list NULL when none. */
int blk_snapshot_list(BlkDev *bs, BlkSnapshot **list);
/*
 * Changes creation option key of an open writable image to value, as
 * qemu-img amend -o key=value does (qcow2: compat, lazy_refcounts; the
 * options that cannot change must keep their value).  -ENOTSUP/-EINVAL
 * with the reason in blk_last_error().
 */
int blk_amend(BlkDev *bs, const char *key, const char *value);

/* Name of the file holding guest offset off's data (the image's own file
 * unless the format spreads data over several); valid while bs is open. */
const char *blk_host_file(BlkDev *bs, uint64_t off);

/* The extents of a multi-file image (count, or -errno); 0 and *list NULL
 * for single-file formats. */
int blk_extent_list(BlkDev *bs, BlkExtent **list);

/* The persistent dirty bitmaps (count, or -errno); *list NULL when none. */
int blk_bitmap_list(BlkDev *bs, BlkBitmap **list);
/*
 * Creates an internal snapshot tagged name (VM state size 0), applies the
 * one with id or tag name, or deletes the one tagged name, as qemu-img
 * snapshot -c/-a/-d do.  -ENOENT when there is no such snapshot, -ENOTSUP
 * when the format has none; reason in blk_last_error().
 */
int blk_snapshot(BlkDev *bs, BlkSnapshotOp op, const char *name);

/* Name of the format the probe picks for filename, or NULL (error set). */
const char *blk_probe_format(const char *filename);

/* The reason of the last failure ("" if none); valid until the next call. */
const char *blk_last_error(void);
/* Record a reason (used by the drivers); returns err for "return blk_err()". */
int blk_err(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Helpers for drivers: whole-buffer pread/pwrite on a host fd, -errno. */
int blk_file_pread(int fd, uint64_t off, void *buf, size_t len);
/* Compression types (qcow2 header byte 104). */
enum { BLK_COMPRESS_ZLIB = 0, BLK_COMPRESS_ZSTD = 1 };
/* Compresses one cluster of len bytes into out (cap bytes): the size, or
 * -ENOSPC when it does not shrink, -ENOTSUP for an unknown type. */
ssize_t blk_compress_cluster(int type, const void *in, size_t len, void *out,
                             size_t cap);
/* Decompresses data that must fill exactly outlen bytes (trailing bytes of
 * in are ignored): 0, -ENOMEM, or -EIO when corrupt or too short. */
int blk_decompress_cluster(int type, const void *in, size_t inlen, void *out,
                           size_t outlen);
/* Inflate raw deflate data (the window of qcow and qcow2 compressed
 * clusters) that must fill exactly outlen bytes: 0, -ENOMEM, or -EIO when
 * the data is corrupt or too short. */
int blk_inflate_cluster(const void *in, size_t inlen, void *out, size_t outlen);
int blk_file_pwrite(int fd, uint64_t off, const void *buf, size_t len);
/* Host file size, -errno on failure. */
int64_t blk_file_size(int fd);
/* Path of a backing file named in image `image` (relative to its folder). */
char *blk_backing_path(const char *image, const char *backing);

extern const BlkDriver blk_raw_driver;
extern const BlkDriver blk_qcow2_driver;
extern const BlkDriver blk_qcow_driver;
extern const BlkDriver blk_vmdk_driver;

#endif
