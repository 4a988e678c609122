/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic half of the block layer: the driver table, format probing,
 * opening an image with its backing chain, bounds checks around the
 * drivers' byte-granular I/O, and the last-error string the tools print.
 * The format drivers (raw.c, qcow2*.c) sit under it; guise-img on top.
 *
 * Probing asks every driver for a score on the first bytes of the file;
 * only raw answers for anything, with the lowest score, so a raw image is
 * never taken for another format and another format never for raw unless
 * the user names it.  Backing chains are bounded in depth and refuse to
 * open the same file twice (a loop), so a hostile image cannot recurse.
 */
#include "block/block.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const BlkDriver *const drivers[] = {
    &blk_qcow2_driver,
    &blk_qcow_driver,
    &blk_vmdk_driver,
    &blk_raw_driver,
};
#define N_DRIVERS (sizeof(drivers) / sizeof(drivers[0]))

static char last_error[512];

const char *blk_last_error(void)
{
    return last_error;
}

int blk_err(int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof(last_error), fmt, ap);
    va_end(ap);
    return err;
}

const BlkDriver *blk_find_driver(const char *name)
{
    for (size_t i = 0; i < N_DRIVERS; i++) {
        if (strcmp(drivers[i]->name, name) == 0) {
            return drivers[i];
        }
    }
    return NULL;
}

const char *blk_driver_names(void)
{
    static char names[128];
    if (!names[0]) {
        for (size_t i = 0; i < N_DRIVERS; i++) {
            strncat(names, i ? ", " : "", sizeof(names) - strlen(names) - 1);
            strncat(names, drivers[i]->name, sizeof(names) - strlen(names) - 1);
        }
    }
    return names;
}

int blk_file_pread(int fd, uint64_t off, void *buf, size_t len)
{
    uint8_t *p = buf;
    while (len) {
        ssize_t n = pread(fd, p, len, (off_t)off);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -errno;
        }
        if (n == 0) {
            /* Past the end of the file reads as zeros, as in QEMU. */
            memset(p, 0, len);
            return 0;
        }
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return 0;
}

int blk_file_pwrite(int fd, uint64_t off, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    while (len) {
        ssize_t n = pwrite(fd, p, len, (off_t)off);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -errno;
        }
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return 0;
}

int64_t blk_file_size(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0) {
        return -errno;
    }
    if (S_ISBLK(st.st_mode)) {
        off_t end = lseek(fd, 0, SEEK_END);
        return end < 0 ? -errno : (int64_t)end;
    }
    return (int64_t)st.st_size;
}

char *blk_backing_path(const char *image, const char *backing)
{
    const char *slash = strrchr(image, '/');
    if (backing[0] == '/' || !slash || strstr(backing, "://")) {
        return strdup(backing);
    }
    size_t dir = (size_t)(slash - image) + 1;
    char *p = malloc(dir + strlen(backing) + 1);
    if (p) {
        memcpy(p, image, dir);
        strcpy(p + dir, backing);
    }
    return p;
}

const char *blk_probe_format(const char *filename)
{
    uint8_t buf[2048];
    int fd = open(filename, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        blk_err(-errno, "Could not open '%s': %s", filename, strerror(errno));
        return NULL;
    }
    ssize_t n = pread(fd, buf, sizeof(buf), 0);
    close(fd);
    if (n < 0) {
        blk_err(-errno, "Could not read '%s': %s", filename, strerror(errno));
        return NULL;
    }
    const BlkDriver *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < N_DRIVERS; i++) {
        int s = drivers[i]->probe ? drivers[i]->probe(buf, (size_t)n, filename) : 0;
        if (s > best_score) {
            best_score = s;
            best = drivers[i];
        }
    }
    return best ? best->name : "raw";
}

/* Opens one layer (no backing). */
static int open_one(BlkDev **out, const char *filename, const char *fmt,
                    int flags)
{
    if (!fmt) {
        fmt = blk_probe_format(filename);
        if (!fmt) {
            return -EIO;
        }
    }
    const BlkDriver *drv = blk_find_driver(fmt);
    if (!drv) {
        return blk_err(-EINVAL, "Unknown driver '%s' (known: %s)", fmt,
                       blk_driver_names());
    }
    BlkDev *bs = calloc(1, sizeof(*bs));
    if (!bs) {
        return blk_err(-ENOMEM, "Out of memory");
    }
    bs->drv = drv;
    bs->read_only = !(flags & BLK_O_RDWR);
    bs->filename = strdup(filename);
    bs->fd = open(filename, (bs->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
    if (bs->fd < 0) {
        int e = -errno;
        blk_err(e, "Could not open '%s': %s", filename, strerror(errno));
        goto fail;
    }
    last_error[0] = 0;
    int ret = drv->open(bs, flags);
    if (ret < 0) {
        if (!last_error[0]) {
            blk_err(ret, "Could not open '%s': %s", filename, strerror(-ret));
        }
        close(bs->fd);
        bs->fd = -1;
        free(bs->filename);
        free(bs);
        return ret;
    }
    *out = bs;
    return 0;

fail:
    free(bs->filename);
    free(bs);
    return -EIO;
}

/* True if path names the same file as one already in the chain. */
static bool in_chain(const BlkDev *top, const char *path)
{
    struct stat a, b;
    if (stat(path, &a) < 0) {
        return false;
    }
    for (const BlkDev *bs = top; bs; bs = bs->backing) {
        if (fstat(bs->fd, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            return true;
        }
    }
    return false;
}

int blk_open(BlkDev **out, const char *filename, const char *fmt, int flags)
{
    BlkDev *top;
    int ret = open_one(&top, filename, fmt, flags);
    if (ret < 0) {
        return ret;
    }
    BlkDev *cur = top;
    for (int depth = 0; !(flags & BLK_O_NO_BACKING) && cur->backing_file[0];
         depth++) {
        if (depth >= BLK_MAX_BACKING_DEPTH) {
            ret = blk_err(-ELOOP, "Backing chain of '%s' is deeper than %d",
                          filename, BLK_MAX_BACKING_DEPTH);
            goto fail;
        }
        char *path = blk_backing_path(cur->filename, cur->backing_file);
        if (!path) {
            ret = blk_err(-ENOMEM, "Out of memory");
            goto fail;
        }
        if (in_chain(top, path)) {
            ret = blk_err(-ELOOP, "Backing chain of '%s' loops at '%s'",
                          filename, path);
            free(path);
            goto fail;
        }
        ret = open_one(&cur->backing, path,
                       cur->backing_fmt[0] ? cur->backing_fmt : NULL,
                       flags & BLK_O_NO_REPAIR);
        if (ret < 0) {
            char why[512];
            snprintf(why, sizeof(why), "%s", last_error);
            blk_err(ret, "Could not open backing file of '%s': %s",
                    cur->filename, why);
            free(path);
            goto fail;
        }
        free(path);
        cur = cur->backing;
    }
    *out = top;
    return 0;

fail:
    blk_close(top);
    return ret;
}

void blk_close(BlkDev *bs)
{
    while (bs) {   /* NULL is fine */
        BlkDev *next = bs->backing;
        if (bs->drv->close) {
            bs->drv->close(bs);
        }
        if (bs->fd >= 0) {
            close(bs->fd);
        }
        free(bs->filename);
        free(bs);
        bs = next;
    }
}

int blk_create(const char *filename, const char *fmt, const BlkCreateOpts *o)
{
    const BlkDriver *drv = blk_find_driver(fmt);
    if (!drv) {
        return blk_err(-EINVAL, "Unknown file format '%s' (known: %s)", fmt,
                       blk_driver_names());
    }
    if (!drv->create) {
        return blk_err(-ENOTSUP, "Format '%s' does not support image creation",
                       fmt);
    }
    last_error[0] = 0;
    int ret = drv->create(filename, o);
    if (ret < 0 && !last_error[0]) {
        blk_err(ret, "Could not create '%s': %s", filename, strerror(-ret));
    }
    return ret;
}

static int check_range(BlkDev *bs, uint64_t off, uint64_t len)
{
    if (off > bs->size || len > bs->size - off) {
        return blk_err(-EINVAL, "Request %#llx+%#llx past the end of '%s'",
                       (unsigned long long)off, (unsigned long long)len,
                       bs->filename);
    }
    return 0;
}

int blk_pread(BlkDev *bs, uint64_t off, void *buf, size_t len)
{
    int ret = check_range(bs, off, len);
    return ret < 0 ? ret : (len ? bs->drv->pread(bs, off, buf, len) : 0);
}

int blk_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    int ret = check_range(bs, off, len);
    return ret < 0 ? ret : (len ? bs->drv->pwrite(bs, off, buf, len) : 0);
}

int blk_flush(BlkDev *bs)
{
    if (bs->read_only || !bs->drv->flush) {
        return 0;
    }
    return bs->drv->flush(bs);
}

int blk_discard(BlkDev *bs, uint64_t off, uint64_t len)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    int ret = check_range(bs, off, len);
    if (ret < 0 || !len || !bs->drv->discard) {
        return ret;
    }
    return bs->drv->discard(bs, off, len);
}

int blk_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                     uint64_t *pnum, uint64_t *host_off)
{
    int ret = check_range(bs, off, len);
    if (ret < 0) {
        return ret;
    }
    if (!len) {
        *pnum = 0;
        return 0;
    }
    *host_off = 0;
    if (!bs->drv->block_status) {
        *pnum = len;
        *host_off = off;
        return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
    }
    ret = bs->drv->block_status(bs, off, len, pnum, host_off);
    if (ret >= 0 && (*pnum == 0 || *pnum > len)) {
        return blk_err(-EIO, "driver %s returned a bad status length",
                       bs->drv->name);
    }
    return ret;
}

int blk_get_info(BlkDev *bs, BlkInfo *info)
{
    memset(info, 0, sizeof(*info));
    return bs->drv->get_info ? bs->drv->get_info(bs, info) : 0;
}

int blk_check(BlkDev *bs, BlkCheckResult *res, int fix)
{
    memset(res, 0, sizeof(*res));
    if (!bs->drv->check) {
        return blk_err(-ENOTSUP, "This image format does not support checks");
    }
    if (fix && bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    return bs->drv->check(bs, res, fix);
}

int blk_truncate(BlkDev *bs, uint64_t size)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    if (!bs->drv->truncate) {
        return blk_err(-ENOTSUP, "Image format '%s' does not support resize",
                       bs->drv->name);
    }
    return bs->drv->truncate(bs, size);
}

int blk_pwrite_compressed(BlkDev *bs, uint64_t off, const void *buf,
                          size_t len)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    int ret = check_range(bs, off, len);
    BlkInfo info;
    blk_get_info(bs, &info);
    bool whole = info.cluster_size && len == info.cluster_size &&
                 off % info.cluster_size == 0;
    if (ret < 0 || !bs->drv->pwrite_compressed || !whole) {
        return ret < 0 ? ret : blk_pwrite(bs, off, buf, len);
    }
    size_t cap = len + len / 2 + 1024;
    uint8_t *z = malloc(cap);
    if (!z) {
        return -ENOMEM;
    }
    ssize_t zlen = blk_compress_cluster(info.compression_type, buf, len, z,
                                        cap);
    if (zlen == -ENOSPC) {
        ret = blk_pwrite(bs, off, buf, len);    /* does not shrink */
    } else if (zlen < 0) {
        ret = (int)zlen;
    } else {
        ret = bs->drv->pwrite_compressed(bs, off, z, (size_t)zlen);
    }
    free(z);
    return ret;
}

int blk_chain_status(BlkDev *bs, uint64_t off, uint64_t len, uint64_t *pnum,
                     uint64_t *host_off, int *depth, BlkDev **where)
{
    *depth = 0;
    for (;;) {
        *where = bs;
        if (off >= bs->size) {
            *pnum = len;
            return BLK_STAT_ZERO;
        }
        uint64_t n = bs->size - off < len ? bs->size - off : len;
        int ret = blk_block_status(bs, off, n, pnum, host_off);
        if (ret < 0 || (ret & BLK_STAT_ALLOCATED)) {
            return ret;
        }
        len = *pnum;
        /* Past the end of the backing file: zeros, decided at this layer. */
        if (!bs->backing || off >= bs->backing->size) {
            return ret | BLK_STAT_ZERO;
        }
        bs = bs->backing;
        (*depth)++;
    }
}

int blk_snapshot_list(BlkDev *bs, BlkSnapshot **list)
{
    *list = NULL;
    return bs->drv->snapshot_list ? bs->drv->snapshot_list(bs, list) : 0;
}

int blk_amend(BlkDev *bs, const char *key, const char *value)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    if (!bs->drv->amend) {
        return blk_err(-ENOTSUP, "Format driver '%s' does not support option "
                       "amendment", bs->drv->name);
    }
    last_error[0] = 0;
    int ret = bs->drv->amend(bs, key, value);
    if (ret < 0 && !last_error[0]) {
        blk_err(ret, "%s", strerror(-ret));
    }
    return ret;
}

const char *blk_host_file(BlkDev *bs, uint64_t off)
{
    const char *f = bs->drv->host_file && off < bs->size
                    ? bs->drv->host_file(bs, off) : NULL;
    return f ? f : bs->filename;
}

int blk_extent_list(BlkDev *bs, BlkExtent **list)
{
    *list = NULL;
    return bs->drv->extent_list ? bs->drv->extent_list(bs, list) : 0;
}

int blk_bitmap_list(BlkDev *bs, BlkBitmap **list)
{
    *list = NULL;
    return bs->drv->bitmap_list ? bs->drv->bitmap_list(bs, list) : 0;
}

int blk_snapshot(BlkDev *bs, BlkSnapshotOp op, const char *name)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    if (!bs->drv->snapshot) {
        return blk_err(-ENOTSUP, "Format '%s' has no internal snapshots",
                       bs->drv->name);
    }
    last_error[0] = 0;
    int ret = bs->drv->snapshot(bs, op, name);
    if (ret < 0 && !last_error[0]) {
        blk_err(ret, "%s", strerror(-ret));
    }
    return ret;
}

int blk_change_backing(BlkDev *bs, const char *file, const char *fmt)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    if (!bs->drv->change_backing) {
        return blk_err(-ENOTSUP, "Format '%s' has no backing files",
                       bs->drv->name);
    }
    int ret = bs->drv->change_backing(bs, file, fmt);
    if (ret == 0) {
        snprintf(bs->backing_file, sizeof(bs->backing_file), "%s",
                 file ? file : "");
        snprintf(bs->backing_fmt, sizeof(bs->backing_fmt), "%s",
                 file && fmt ? fmt : "");
    }
    return ret;
}

int blk_make_empty(BlkDev *bs)
{
    if (bs->read_only) {
        return blk_err(-EROFS, "'%s' is open read-only", bs->filename);
    }
    if (!bs->drv->make_empty) {
        return blk_err(-ENOTSUP, "Format '%s' cannot be emptied",
                       bs->drv->name);
    }
    return bs->drv->make_empty(bs);
}
