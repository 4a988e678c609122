/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target for the open path of every image format (qcow2, qcow,
 * vmdk sparse and stream files, vmdk descriptors): the first input byte
 * picks the format, the rest is the file.  The image is opened, read
 * through, block-status walked, checked and (qcow2, qcow) written to; any
 * crash, sanitizer report or hang is a bug.  Built and run by
 * tests/block/fuzz.sh (clang -fsanitize=fuzzer,address,undefined); inputs
 * that once crashed live in tests/block/fuzz-corpus/ and are replayed by
 * that script, and the unit test (tests/unit/test-block.c) keeps a
 * seeded mutation fuzzer of the same paths in `make check`.
 *
 * vmdk images are opened read-only: a descriptor may name any file.
 */
#include "block/block.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
    const char *fmt;
    bool writable;
} targets[] = {
    { "qcow2", true },
    { "qcow", true },
    { "vmdk", false },
};

static char dir[64];

/* Scratch folder for the image (in memory when possible). */
static const char *image_path(void)
{
    static char path[96];
    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "%s/guise-fuzz.XXXXXX",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (!mkdtemp(dir)) {
            abort();
        }
        snprintf(path, sizeof(path), "%s/img", dir);
    }
    return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    size_t t = data[0] % (sizeof(targets) / sizeof(targets[0]));
    const char *path = image_path();
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        abort();
    }
    close(fd);
    BlkDev *bs;
    int flags = BLK_O_NO_BACKING | (targets[t].writable ? BLK_O_RDWR : 0);
    if (blk_open(&bs, path, targets[t].fmt, flags) < 0) {
        return 0;
    }
    static uint8_t buf[1 << 20];
    uint64_t len = bs->size < sizeof(buf) ? bs->size : sizeof(buf);
    (void)blk_pread(bs, 0, buf, len);
    for (uint64_t off = 0, pnum, host; off < len; off += pnum) {
        if (blk_block_status(bs, off, len - off, &pnum, &host) < 0) {
            break;
        }
    }
    BlkCheckResult r;
    int saved = dup(2);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);      /* check reports on stderr */
    (void)blk_check(bs, &r, 0);
    if (targets[t].writable && len > 8192) {
        memset(buf, 0x5a, 8192);
        (void)blk_pwrite(bs, len / 3, buf, 8192);
        (void)blk_check(bs, &r, BLK_FIX_LEAKS | BLK_FIX_ERRORS);
    }
    dup2(saved, 2);
    close(saved);
    close(null);
    blk_close(bs);
    return 0;
}
