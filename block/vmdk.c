/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The vmdk driver: probing, the text descriptor, and the virtual disk as a
 * row of extents.  A vmdk image is either a hosted sparse file ("KDMV"
 * header; monolithicSparse and streamOptimized, the descriptor embedded)
 * that is its own single extent, or a descriptor text file naming extents
 * in other files: FLAT (raw data at a sector offset), SPARSE (each a
 * sparse file of its own: twoGbMaxExtentSparse), ZERO.  Reads and writes
 * are split over the extents here and handed to vmdk-sparse.c or done in
 * place for flat ones.  A parent named by parentFileNameHint becomes the
 * backing file.
 *
 * Defences: the descriptor is read whole but bounded (1 MiB, text up to
 * the first NUL), each line parsed with explicit lengths, extent sizes
 * summed with overflow checks, extent files opened non-blocking and
 * refused unless regular files or block devices (a FIFO must not hang
 * us), and a sparse extent is never itself a descriptor (no recursion).
 */
#include "block/vmdk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char desc_magic[] = "# Disk DescriptorFile";

static int vmdk_probe(const uint8_t *buf, size_t len, const char *filename)
{
    (void)filename;
    if (len >= 4 && le32_get(buf) == VMDK_MAGIC) {
        return 100;
    }
    if (len >= sizeof(desc_magic) - 1 &&
        !memcmp(buf, desc_magic, sizeof(desc_magic) - 1)) {
        return 100;
    }
    return 0;
}

int vmdk_backing_read(BlkDev *bs, uint64_t voff, void *buf, size_t len)
{
    BlkDev *b = bs->backing;
    if (!b || voff >= b->size) {
        memset(buf, 0, len);
        return 0;
    }
    size_t n = b->size - voff < len ? (size_t)(b->size - voff) : len;
    memset((uint8_t *)buf + n, 0, len - n);
    return blk_pread(b, voff, buf, n);
}

/* Opens an extent file next to the descriptor, refusing odd file types. */
static int open_extent_file(BlkDev *bs, VmdkExtent *e, const char *name)
{
    e->path = blk_backing_path(bs->filename, name);
    if (!e->path) {
        return -ENOMEM;
    }
    int fd = open(e->path, (bs->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC |
                  O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        return blk_err(-errno, "Could not open vmdk extent '%s': %s", e->path,
                       strerror(errno));
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || !(S_ISREG(st.st_mode) || S_ISBLK(st.st_mode))) {
        close(fd);
        return blk_err(-EINVAL, "vmdk extent '%s' is not a regular file",
                       e->path);
    }
    fcntl(fd, F_SETFL, 0);
    e->fd = fd;
    e->own_fd = true;
    return 0;
}

/* Copies the value of `key=value` or `key = "value"` at line, if key. */
static bool desc_value(const char *line, const char *key, char *out,
                       size_t cap)
{
    size_t k = strlen(key);
    if (strncmp(line, key, k)) {
        return false;
    }
    const char *p = line + k;
    p += strspn(p, " \t");
    if (*p != '=') {
        return false;
    }
    p++;
    p += strspn(p, " \t");
    size_t n = strcspn(p, "\r");
    if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
        p++;
        n -= 2;
    }
    if (n >= cap) {
        n = cap - 1;
    }
    memcpy(out, p, n);
    out[n] = 0;
    return true;
}

static const struct {
    const char *name;
    VmdkExtentType type;
} extent_types[] = {
    { "FLAT", VMDK_EXT_FLAT },
    { "VMFS", VMDK_EXT_FLAT },
    { "SPARSE", VMDK_EXT_SPARSE },
    { "ZERO", VMDK_EXT_ZERO },
};

/* Parses one extent line: ACCESS SECTORS TYPE ["FILE" [OFFSET]]. */
static int parse_extent(BlkDev *bs, const char *line, uint64_t *pos)
{
    VmdkState *s = bs->opaque;
    char access[16], type[16], name[BLK_NAME_MAX];
    unsigned long long sectors, offset = 0;
    int used = 0;
    if (sscanf(line, "%15s %llu %15s%n", access, &sectors, type, &used) != 3) {
        return blk_err(-EINVAL, "Invalid vmdk extent line '%.60s'", line);
    }
    const char *p = line + used;
    p += strspn(p, " \t");
    name[0] = 0;
    if (*p == '"') {
        const char *q = strchr(p + 1, '"');
        if (!q || (size_t)(q - p - 1) >= sizeof(name)) {
            return blk_err(-EINVAL, "Invalid vmdk extent file name in '%.60s'",
                           line);
        }
        memcpy(name, p + 1, (size_t)(q - p - 1));
        name[q - p - 1] = 0;
        if (sscanf(q + 1, "%llu", &offset) != 1) {
            offset = 0;
        }
    }
    int kind = -1;
    for (size_t i = 0; i < sizeof(extent_types) / sizeof(extent_types[0]); i++) {
        if (!strcmp(type, extent_types[i].name)) {
            kind = (int)extent_types[i].type;
        }
    }
    if (kind < 0) {
        return blk_err(-ENOTSUP, "vmdk extent type '%s' is not supported", type);
    }
    if (sectors > (1ull << 50) || *pos > (1ull << 62) - sectors * VMDK_SECTOR ||
        offset > (1ull << 50) || (kind != VMDK_EXT_ZERO && !name[0]) ||
        s->n_ext >= VMDK_MAX_EXTENTS) {
        return blk_err(-EINVAL, "Invalid vmdk extent line '%.60s'", line);
    }
    VmdkExtent *n = realloc(s->ext, (s->n_ext + 1) * sizeof(*n));
    if (!n) {
        return -ENOMEM;
    }
    s->ext = n;
    VmdkExtent *e = &s->ext[s->n_ext++];
    memset(e, 0, sizeof(*e));
    e->fd = -1;
    e->type = (VmdkExtentType)kind;
    e->start = *pos;
    e->len = sectors * VMDK_SECTOR;
    e->flat_off = offset * VMDK_SECTOR;
    *pos += e->len;
    if (kind == VMDK_EXT_ZERO) {
        return 0;
    }
    int ret = open_extent_file(bs, e, name);
    if (ret == 0 && kind == VMDK_EXT_SPARSE) {
        ret = vmdk_sparse_open(e, !bs->read_only);
    }
    return ret;
}

/* Walks the descriptor text: header keys, then extent lines. */
static int parse_descriptor(BlkDev *bs, char *text, bool extents)
{
    VmdkState *s = bs->opaque;
    char val[BLK_NAME_MAX];
    uint64_t pos = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        l += strspn(l, " \t");
        if (desc_value(l, "createType", val, sizeof(val))) {
            snprintf(s->create_type, sizeof(s->create_type), "%.63s", val);
        } else if (desc_value(l, "CID", val, sizeof(val))) {
            s->cid = (uint32_t)strtoul(val, NULL, 16);
        } else if (desc_value(l, "parentCID", val, sizeof(val))) {
            s->parent_cid = (uint32_t)strtoul(val, NULL, 16);
        } else if (desc_value(l, "parentFileNameHint", val, sizeof(val))) {
            snprintf(bs->backing_file, sizeof(bs->backing_file), "%s", val);
            snprintf(bs->backing_fmt, sizeof(bs->backing_fmt), "vmdk");
        } else if (extents && (!strncmp(l, "RW ", 3) || !strncmp(l, "RDONLY ", 7) ||
                               !strncmp(l, "NOACCESS ", 9))) {
            int ret = parse_extent(bs, l, &pos);
            if (ret < 0) {
                return ret;
            }
        }
    }
    if (extents && !s->n_ext) {
        return blk_err(-EINVAL, "vmdk descriptor '%s' names no extents",
                       bs->filename);
    }
    bs->size = extents ? pos : bs->size;
    return 0;
}

/* Reads a whole descriptor file (bounded, text only). */
static int read_descriptor_file(BlkDev *bs, char **out)
{
    int64_t size = blk_file_size(bs->fd);
    if (size < 0) {
        return (int)size;
    }
    if (size > VMDK_MAX_DESC) {
        return blk_err(-EINVAL, "vmdk descriptor '%s' is too large",
                       bs->filename);
    }
    char *t = malloc((size_t)size + 1);
    if (!t) {
        return -ENOMEM;
    }
    int ret = blk_file_pread(bs->fd, 0, t, (size_t)size);
    /* The text ends at the first NUL: qemu-img pads it to a sector and,
     * rewriting a shorter CID, leaves stale bytes after the NUL. */
    t[size] = 0;
    if (ret < 0) {
        free(t);
        return ret;
    }
    *out = t;
    return 0;
}

static void vmdk_close(BlkDev *bs)
{
    VmdkState *s = bs->opaque;
    if (!s) {
        return;
    }
    for (size_t i = 0; i < s->n_ext; i++) {
        VmdkExtent *e = &s->ext[i];
        if (e->type == VMDK_EXT_SPARSE) {
            vmdk_sparse_close(e);
        }
        if (e->own_fd && e->fd >= 0) {
            close(e->fd);
        }
        free(e->path);
    }
    free(s->ext);
    free(s);
    bs->opaque = NULL;
}

/* A hosted sparse file: its own single extent, descriptor embedded. */
static int open_hosted(BlkDev *bs, const uint8_t *hdr)
{
    VmdkState *s = bs->opaque;
    s->ext = calloc(1, sizeof(*s->ext));
    if (!s->ext) {
        return -ENOMEM;
    }
    s->n_ext = 1;
    VmdkExtent *e = &s->ext[0];
    e->type = VMDK_EXT_SPARSE;
    e->fd = bs->fd;
    e->path = strdup(bs->filename);
    int ret = e->path ? vmdk_sparse_open(e, !bs->read_only) : -ENOMEM;
    if (ret < 0) {
        return ret;
    }
    e->len = e->capacity * VMDK_SECTOR;
    bs->size = e->len;
    char *text = NULL;
    ret = vmdk_sparse_descriptor(bs->fd, hdr, &text);
    if (ret == 0 && text) {
        ret = parse_descriptor(bs, text, false);
        free(text);
    }
    return ret;
}

static int vmdk_open(BlkDev *bs, int flags)
{
    (void)flags;
    VmdkState *s = calloc(1, sizeof(*s));
    if (!s) {
        return -ENOMEM;
    }
    s->parent_cid = UINT32_MAX;
    bs->opaque = s;
    uint8_t hdr[VMDK_SECTOR];
    int ret = blk_file_pread(bs->fd, 0, hdr, sizeof(hdr));
    if (ret == 0 && le32_get(hdr) == VMDK_MAGIC) {
        ret = open_hosted(bs, hdr);
    } else if (ret == 0) {
        char *text = NULL;
        ret = read_descriptor_file(bs, &text);
        if (ret == 0) {
            ret = parse_descriptor(bs, text, true);
            free(text);
        }
    }
    if (ret < 0) {
        vmdk_close(bs);
    }
    return ret;
}

/* The extent holding virtual offset off (ranges are already in bounds). */
static VmdkExtent *find_extent(VmdkState *s, uint64_t off)
{
    size_t lo = 0, hi = s->n_ext;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->ext[mid].start <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return &s->ext[lo];
}

typedef int (*ExtentIo)(BlkDev *bs, VmdkExtent *e, uint64_t off, uint8_t *buf,
                        size_t len);

/* Splits [off, off+len) at extent boundaries. */
static int for_each_extent(BlkDev *bs, uint64_t off, uint8_t *buf, size_t len,
                           ExtentIo io)
{
    VmdkState *s = bs->opaque;
    while (len) {
        VmdkExtent *e = find_extent(s, off);
        uint64_t in = off - e->start;
        if (in >= e->len) {
            return blk_err(-EIO, "vmdk extent map of '%s' has a hole",
                           bs->filename);
        }
        size_t n = e->len - in < len ? (size_t)(e->len - in) : len;
        int ret = io(bs, e, in, buf, n);
        if (ret < 0) {
            return ret;
        }
        off += n;
        buf += n;
        len -= n;
    }
    return 0;
}

static int extent_read(BlkDev *bs, VmdkExtent *e, uint64_t off, uint8_t *buf,
                       size_t len)
{
    switch (e->type) {
    case VMDK_EXT_FLAT: return blk_file_pread(e->fd, e->flat_off + off, buf, len);
    case VMDK_EXT_SPARSE: return vmdk_sparse_pread(bs, e, off, buf, len);
    case VMDK_EXT_ZERO: memset(buf, 0, len); return 0;
    }
    return -EIO;
}

static int extent_write(BlkDev *bs, VmdkExtent *e, uint64_t off, uint8_t *buf,
                        size_t len)
{
    switch (e->type) {
    case VMDK_EXT_FLAT: return blk_file_pwrite(e->fd, e->flat_off + off, buf, len);
    case VMDK_EXT_SPARSE: return vmdk_sparse_pwrite(bs, e, off, buf, len);
    case VMDK_EXT_ZERO: break;
    }
    return blk_err(-EINVAL, "Cannot write to a vmdk ZERO extent");
}

static int vmdk_pread(BlkDev *bs, uint64_t off, void *buf, size_t len)
{
    return for_each_extent(bs, off, buf, len, extent_read);
}

static int vmdk_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len)
{
    /* extent_write only reads from buf. */
    return for_each_extent(bs, off, (uint8_t *)(uintptr_t)buf, len,
                           extent_write);
}

static int vmdk_flush(BlkDev *bs)
{
    VmdkState *s = bs->opaque;
    for (size_t i = 0; i < s->n_ext; i++) {
        if (s->ext[i].fd >= 0 && fdatasync(s->ext[i].fd) < 0) {
            return -errno;
        }
    }
    return 0;
}

/* Data or a hole of a flat extent file (holes read as zeros, as qemu-img
 * map shows them: data and zero). */
static int flat_status(VmdkExtent *e, uint64_t host, uint64_t n,
                       uint64_t *pnum)
{
    int st = BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
    off_t data = lseek(e->fd, (off_t)host, SEEK_DATA);
    *pnum = n;
    if (data < 0) {
        /* ENXIO: a hole up to the end of the file; else no SEEK_DATA. */
        return errno == ENXIO ? st | BLK_STAT_ZERO : st;
    }
    if ((uint64_t)data > host) {
        *pnum = (uint64_t)data - host < n ? (uint64_t)data - host : n;
        return st | BLK_STAT_ZERO;
    }
    off_t hole = lseek(e->fd, (off_t)host, SEEK_HOLE);
    if (hole > (off_t)host && (uint64_t)hole - host < n) {
        *pnum = (uint64_t)hole - host;
    }
    return st;
}

static int vmdk_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                             uint64_t *pnum, uint64_t *host_off)
{
    VmdkExtent *e = find_extent(bs->opaque, off);
    uint64_t in = off - e->start;
    if (in >= e->len) {
        return blk_err(-EIO, "vmdk extent map of '%s' has a hole", bs->filename);
    }
    uint64_t n = e->len - in < len ? e->len - in : len;
    switch (e->type) {
    case VMDK_EXT_FLAT:
        *host_off = e->flat_off + in;
        return flat_status(e, *host_off, n, pnum);
    case VMDK_EXT_ZERO:
        *pnum = n;
        return BLK_STAT_ZERO | BLK_STAT_ALLOCATED;
    case VMDK_EXT_SPARSE:
        break;
    }
    return vmdk_sparse_status(e, in, n, pnum, host_off);
}

static int vmdk_get_info(BlkDev *bs, BlkInfo *info)
{
    VmdkState *s = bs->opaque;
    for (size_t i = 0; i < s->n_ext; i++) {
        if (s->ext[i].type == VMDK_EXT_SPARSE) {
            info->cluster_size = (uint32_t)s->ext[i].grain;
            break;
        }
    }
    info->has_vmdk = true;
    info->vmdk_cid = s->cid;
    info->vmdk_parent_cid = s->parent_cid;
    snprintf(info->vmdk_create_type, sizeof(info->vmdk_create_type), "%s",
             s->create_type);
    return 0;
}

static const char *vmdk_host_file(BlkDev *bs, uint64_t off)
{
    return find_extent(bs->opaque, off)->path;
}

static int vmdk_extent_list(BlkDev *bs, BlkExtent **list)
{
    VmdkState *s = bs->opaque;
    BlkExtent *x = calloc(s->n_ext, sizeof(*x));
    if (!x) {
        return -ENOMEM;
    }
    for (size_t i = 0; i < s->n_ext; i++) {
        const VmdkExtent *e = &s->ext[i];
        bool hosted = e->fd == bs->fd;
        snprintf(x[i].filename, sizeof(x[i].filename), "%s",
                 e->path ? e->path : "");
        snprintf(x[i].format, sizeof(x[i].format), "%s", hosted ? "" :
                 e->type == VMDK_EXT_SPARSE ? "SPARSE" :
                 e->type == VMDK_EXT_FLAT ? "FLAT" : "ZERO");
        x[i].virtual_size = e->len;
        x[i].cluster_size = e->type == VMDK_EXT_SPARSE ? (uint32_t)e->grain : 0;
        x[i].compressed = e->type == VMDK_EXT_SPARSE &&
                          (e->flags & VMDK_FLAG_COMPRESS);
    }
    *list = x;
    return (int)s->n_ext;
}

static int vmdk_check(BlkDev *bs, BlkCheckResult *res, int fix)
{
    VmdkState *s = bs->opaque;
    if (fix) {
        return blk_err(-ENOTSUP, "vmdk images cannot be repaired");
    }
    for (size_t i = 0; i < s->n_ext; i++) {
        if (s->ext[i].type == VMDK_EXT_SPARSE) {
            int ret = vmdk_sparse_check(&s->ext[i], res);
            if (ret < 0) {
                return ret;
            }
        }
    }
    return 0;
}

const BlkDriver blk_vmdk_driver = {
    .name = "vmdk",
    .probe = vmdk_probe,
    .open = vmdk_open,
    .close = vmdk_close,
    .create = vmdk_create,
    .pread = vmdk_pread,
    .pwrite = vmdk_pwrite,
    .flush = vmdk_flush,
    .block_status = vmdk_block_status,
    .get_info = vmdk_get_info,
    .check = vmdk_check,
    .extent_list = vmdk_extent_list,
    .host_file = vmdk_host_file,
};
