/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The raw format: the virtual disk is the file, byte for byte.  Files are
 * created sparse (ftruncate), discard punches holes (FALLOC_FL_PUNCH_HOLE,
 * falling back to writing zeros where the host cannot), and block status
 * comes from SEEK_DATA/SEEK_HOLE so convert and map see the holes.
 *
 * Raw answers every probe with the lowest score: it is what a file is when
 * it looks like nothing else (block.c).
 */
#include "block/block.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int raw_probe(const uint8_t *buf, size_t len, const char *filename)
{
    (void)buf; (void)len; (void)filename;
    return 1;
}

static int raw_open(BlkDev *bs, int flags)
{
    (void)flags;
    int64_t size = blk_file_size(bs->fd);
    if (size < 0) {
        return blk_err((int)size, "Could not get the size of '%s'", bs->filename);
    }
    bs->size = (uint64_t)size;
    return 0;
}

static int raw_create(const char *filename, const BlkCreateOpts *o)
{
    if (o->backing_file) {
        return blk_err(-ENOTSUP, "Format 'raw' does not support backing files");
    }
    int fd = open(filename, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return blk_err(-errno, "Could not create '%s': %s", filename,
                       strerror(errno));
    }
    int ret = 0;
    if (ftruncate(fd, (off_t)o->size) < 0) {
        ret = blk_err(-errno, "Could not resize '%s': %s", filename,
                      strerror(errno));
    }
    close(fd);
    return ret;
}

static int raw_pread(BlkDev *bs, uint64_t off, void *buf, size_t len)
{
    return blk_file_pread(bs->fd, off, buf, len);
}

static int raw_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len)
{
    return blk_file_pwrite(bs->fd, off, buf, len);
}

static int raw_flush(BlkDev *bs)
{
    return fdatasync(bs->fd) < 0 ? -errno : 0;
}

static int raw_discard(BlkDev *bs, uint64_t off, uint64_t len)
{
    if (fallocate(bs->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                  (off_t)off, (off_t)len) == 0) {
        return 0;
    }
    if (errno != EOPNOTSUPP && errno != ENOSYS) {
        return -errno;
    }
    /* No hole punching here (e.g. a block device): zeros keep the contract. */
    static const uint8_t zero[65536];
    while (len) {
        size_t n = len < sizeof(zero) ? (size_t)len : sizeof(zero);
        int ret = blk_file_pwrite(bs->fd, off, zero, n);
        if (ret < 0) {
            return ret;
        }
        off += n;
        len -= n;
    }
    return 0;
}

static int raw_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                            uint64_t *pnum, uint64_t *host_off)
{
    *host_off = off;
    off_t data = lseek(bs->fd, (off_t)off, SEEK_DATA);
    if (data < 0 && errno == ENXIO) {
        *pnum = len;        /* a hole up to the end of the file */
        return BLK_STAT_ZERO | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
    }
    if (data < 0) {
        *pnum = len;        /* no SEEK_DATA: everything is data */
        return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
    }
    if ((uint64_t)data > off) {
        uint64_t n = (uint64_t)data - off;
        *pnum = n < len ? n : len;
        return BLK_STAT_ZERO | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
    }
    off_t hole = lseek(bs->fd, (off_t)off, SEEK_HOLE);
    uint64_t n = hole < 0 ? len : (uint64_t)hole - off;
    *pnum = n && n < len ? n : len;
    return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
}

static int raw_truncate(BlkDev *bs, uint64_t size)
{
    if (ftruncate(bs->fd, (off_t)size) < 0) {
        return blk_err(-errno, "Could not resize '%s': %s", bs->filename,
                       strerror(errno));
    }
    bs->size = size;
    return 0;
}

const BlkDriver blk_raw_driver = {
    .name = "raw",
    .probe = raw_probe,
    .open = raw_open,
    .create = raw_create,
    .pread = raw_pread,
    .pwrite = raw_pwrite,
    .flush = raw_flush,
    .discard = raw_discard,
    .block_status = raw_block_status,
    .truncate = raw_truncate,
};
