/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Cluster compression for the image formats: raw deflate (zlib, window
 * 2^12, no header: qcow and qcow2's default) and zstd (one zstd frame,
 * qcow2 with compression_type=zstd, qcow2.txt "Compression type").  A
 * compressed cluster is padded to a sector on disk, so decompression
 * stops once the cluster is full and ignores what follows; it fails
 * (-EIO) when the data is corrupt or ends before the cluster is full.
 *
 * Entry points: blk_compress_cluster(), blk_decompress_cluster() and the
 * older blk_inflate_cluster() (block.h).
 */
#include "block/block.h"

#include <errno.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

static ssize_t deflate_cluster(const void *in, size_t len, void *out, size_t cap)
{
    z_stream st;
    memset(&st, 0, sizeof(st));
    if (deflateInit2(&st, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -12, 9,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
        return -ENOMEM;
    }
    st.next_in = (Bytef *)(uintptr_t)in;
    st.avail_in = (uInt)len;
    st.next_out = out;
    st.avail_out = (uInt)cap;
    int zr = deflate(&st, Z_FINISH);
    size_t n = cap - st.avail_out;
    deflateEnd(&st);
    return zr == Z_STREAM_END && n < len ? (ssize_t)n : -ENOSPC;
}

static ssize_t zstd_cluster(const void *in, size_t len, void *out, size_t cap)
{
    size_t n = ZSTD_compress(out, cap, in, len, ZSTD_CLEVEL_DEFAULT);
    return !ZSTD_isError(n) && n < len ? (ssize_t)n : -ENOSPC;
}

ssize_t blk_compress_cluster(int type, const void *in, size_t len, void *out,
                             size_t cap)
{
    switch (type) {
    case BLK_COMPRESS_ZLIB: return deflate_cluster(in, len, out, cap);
    case BLK_COMPRESS_ZSTD: return zstd_cluster(in, len, out, cap);
    }
    return -ENOTSUP;
}

/* Streams one frame until out is full; trailing padding is ignored. */
static int unzstd_cluster(const void *in, size_t inlen, void *out,
                          size_t outlen)
{
    ZSTD_DCtx *d = ZSTD_createDCtx();
    if (!d) {
        return -ENOMEM;
    }
    ZSTD_inBuffer src = { in, inlen, 0 };
    ZSTD_outBuffer dst = { out, outlen, 0 };
    int ret = 0;
    while (dst.pos < dst.size) {
        size_t before = src.pos + dst.pos;
        size_t r = ZSTD_decompressStream(d, &dst, &src);
        if (ZSTD_isError(r) || (r == 0 && dst.pos < dst.size) ||
            src.pos + dst.pos == before) {
            ret = -EIO;
            break;
        }
    }
    ZSTD_freeDCtx(d);
    return ret;
}

int blk_decompress_cluster(int type, const void *in, size_t inlen, void *out,
                           size_t outlen)
{
    switch (type) {
    case BLK_COMPRESS_ZLIB: return blk_inflate_cluster(in, inlen, out, outlen);
    case BLK_COMPRESS_ZSTD: return unzstd_cluster(in, inlen, out, outlen);
    }
    return -ENOTSUP;
}

int blk_inflate_cluster(const void *in, size_t inlen, void *out, size_t outlen)
{
    z_stream z;
    memset(&z, 0, sizeof(z));
    if (inflateInit2(&z, -12) != Z_OK) {
        return -ENOMEM;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)inlen;
    z.next_out = out;
    z.avail_out = (uInt)outlen;
    int zr = inflate(&z, Z_FINISH);
    bool ok = (zr == Z_STREAM_END || zr == Z_BUF_ERROR || zr == Z_OK) &&
              z.avail_out == 0;
    inflateEnd(&z);
    return ok ? 0 : -EIO;
}
