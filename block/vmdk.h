/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vmdk driver internals, shared by its files:
 *   vmdk.c         probing, the text descriptor (parse and write), opening
 *                  the extents, byte I/O spread over them, the driver table
 *   vmdk-sparse.c  hosted sparse extents (the "KDMV" header, grain
 *                  directory and tables, plain and compressed grains with
 *                  stream markers), reads and allocating writes
 *   vmdk-create.c  create for every subformat qemu-img makes
 *
 * Layout facts follow VMware's "Virtual Disk Format 1.1" specification
 * (all header fields little-endian, sizes in 512-byte sectors) and the
 * images Debian's qemu-img creates.  Every number read from a file is
 * bounded before use: a hostile image gives -EINVAL with a reason.
 */
#ifndef GUISE_VMDK_H
#define GUISE_VMDK_H

#include "block/block.h"

#define VMDK_MAGIC            0x564d444bu  /* "KDMV" little-endian */
#define VMDK_SECTOR           512u
#define VMDK_FLAG_NL_DETECT   (1u << 0)
#define VMDK_FLAG_RGD         (1u << 1)
#define VMDK_FLAG_ZERO_GRAIN  (1u << 2)
#define VMDK_FLAG_COMPRESS    (1u << 16)
#define VMDK_FLAG_MARKER      (1u << 17)
#define VMDK_GD_AT_END        0xffffffffffffffffull
#define VMDK_MAX_DESC         (1u << 20)   /* bytes of descriptor text */
#define VMDK_MAX_EXTENTS      4096
#define VMDK_MAX_GRAIN_SECTORS (1u << 16)  /* 32 MiB grains */
#define VMDK_MAX_GTES         512
#define VMDK_MAX_GD_BYTES     (32u << 20)
#define VMDK_SPLIT_BYTES      (2ull << 30) /* twoGbMaxExtent* pieces */
#define VMDK_DESC_SECTORS     20           /* embedded descriptor room */
#define VMDK_GTE_ZERO         1            /* a zeroed grain (version 2+) */

typedef enum { VMDK_EXT_FLAT, VMDK_EXT_SPARSE, VMDK_EXT_ZERO } VmdkExtentType;

typedef struct VmdkExtent {
    VmdkExtentType type;
    int fd;
    bool own_fd;            /* close fd with the extent */
    char *path;
    uint64_t start, len;    /* virtual bytes covered */
    uint64_t flat_off;      /* FLAT: byte offset of the data in the file */
    /* SPARSE only */
    uint32_t version, flags;
    uint64_t capacity;      /* sectors the grain directory covers */
    uint64_t grain;         /* bytes */
    uint32_t gtes;          /* entries per grain table */
    uint32_t gt_sectors;
    uint64_t gd_sect, rgd_sect;   /* 0: none */
    uint32_t gd_entries;
    uint32_t *gd, *rgd;     /* host-endian copies */
    uint32_t *gt;           /* one cached grain table */
    uint32_t gt_index;      /* which one, UINT32_MAX: none */
    uint64_t next_sect;     /* where the next grain or table goes */
    uint8_t *gbuf, *zbuf;   /* grain and compressed-grain buffers */
    size_t zcap;
} VmdkExtent;

typedef struct VmdkState {
    VmdkExtent *ext;
    size_t n_ext;
    uint32_t cid, parent_cid;
    char create_type[64];
} VmdkState;

/* vmdk-sparse.c */
/* Parses the sparse header at the start of e->fd and loads the grain
 * directories; fills the SPARSE fields of e.  -errno with a reason. */
int vmdk_sparse_open(VmdkExtent *e, bool writable);
void vmdk_sparse_close(VmdkExtent *e);
/* Reads the embedded descriptor of a sparse file (malloc'd, NUL ended, NULL
 * if none) -- header at buf (512 bytes). */
int vmdk_sparse_descriptor(int fd, const uint8_t *hdr, char **text);
/* I/O inside one extent, off relative to the extent; backing reads go to
 * bs->backing at virtual offset vbase + off. */
int vmdk_sparse_pread(BlkDev *bs, VmdkExtent *e, uint64_t off, void *buf,
                      size_t len);
int vmdk_sparse_pwrite(BlkDev *bs, VmdkExtent *e, uint64_t off,
                       const void *buf, size_t len);
/* Status of grains from off: BLK_STAT_* flags, *pnum bytes (> 0). */
int vmdk_sparse_status(VmdkExtent *e, uint64_t off, uint64_t len,
                       uint64_t *pnum, uint64_t *host_off);
/* Writes a fresh sparse extent file of `sectors` sectors (qemu's layout);
 * desc (may be NULL) goes to the embedded descriptor area. */
int vmdk_sparse_format(int fd, uint64_t sectors, bool stream, bool zeroed,
                       const char *desc);
/* Counts grains pointing past the end of the file (check). */
int vmdk_sparse_check(VmdkExtent *e, BlkCheckResult *res);

/* vmdk.c */
/* Reads parent data for [voff, voff+len) of bs (zeros without one). */
int vmdk_backing_read(BlkDev *bs, uint64_t voff, void *buf, size_t len);

/* vmdk-create.c */
int vmdk_create(const char *filename, const BlkCreateOpts *o);

static inline uint32_t le32_get(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static inline uint64_t le64_get(const uint8_t *p)
{
    return (uint64_t)le32_get(p) | (uint64_t)le32_get(p + 4) << 32;
}

static inline void le32_put(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static inline void le64_put(uint8_t *p, uint64_t v)
{
    le32_put(p, (uint32_t)v);
    le32_put(p + 4, (uint32_t)(v >> 32));
}

#endif
