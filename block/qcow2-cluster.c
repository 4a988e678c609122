/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 cluster mapping: guest offset -> L1 entry -> L2 table (through the
 * L2 cache) -> L2 entry, and the I/O built on it: reads of plain, zero,
 * compressed (zlib, raw deflate) and unallocated clusters (from the
 * backing file), writes that allocate clusters (copying the rest of a
 * partially written cluster from its old contents), compressed writes for
 * convert -c, discard, block status and the ordered flush.
 *
 * Every entry read from the image is checked (reserved bits, alignment,
 * offsets inside the file) before it is used; a bad one is -EIO with a
 * message, never an out-of-bounds access.  Clusters and L2 tables shared
 * with internal snapshots (no COPIED flag) are copied before a write.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Qcow2ClusterType qcow2_l2_type(const Qcow2State *s, uint64_t entry)
{
    if (entry & QCOW2_OFLAG_COMPRESSED) {
        return QCOW2_CL_COMPRESSED;
    }
    /* Offset 0 is a real data offset in an external data file; COPIED
     * (always set there) tells it from "unallocated". */
    bool host = (entry & QCOW2_OFFSET_MASK) ||
                (s->data_fd >= 0 && (entry & QCOW2_OFLAG_COPIED));
    /* With extended L2 entries, zeros are per subcluster (the bitmap). */
    if ((entry & QCOW2_OFLAG_ZERO) && s->h.version >= 3 && !s->extl2) {
        return host ? QCOW2_CL_ZERO_ALLOC : QCOW2_CL_ZERO_PLAIN;
    }
    return host ? QCOW2_CL_NORMAL : QCOW2_CL_UNALLOCATED;
}

int qcow2_sc_type(const Qcow2State *s, uint64_t entry, uint64_t bitmap,
                  unsigned sc)
{
    Qcow2ClusterType t = qcow2_l2_type(s, entry);
    if (!s->extl2 || t == QCOW2_CL_COMPRESSED) {
        return (int)t;
    }
    uint32_t alloc = (uint32_t)bitmap, zero = (uint32_t)(bitmap >> 32);
    if ((alloc & zero) || (alloc && t == QCOW2_CL_UNALLOCATED)) {
        return -1;
    }
    bool host = t == QCOW2_CL_NORMAL;
    if (alloc & (1u << sc)) {
        return QCOW2_CL_NORMAL;
    }
    if (zero & (1u << sc)) {
        return host ? QCOW2_CL_ZERO_ALLOC : QCOW2_CL_ZERO_PLAIN;
    }
    return host ? QCOW2_CL_UNALLOCATED_ALLOC : QCOW2_CL_UNALLOCATED;
}

void qcow2_compressed_loc(const Qcow2State *s, uint64_t entry,
                          uint64_t *off, uint64_t *bytes)
{
    uint32_t x = 62 - (s->h.cluster_bits - 8);
    uint64_t nsec = ((entry >> x) & ((1ull << (s->h.cluster_bits - 8)) - 1)) + 1;
    *off = entry & ((1ull << x) - 1);
    *bytes = nsec * 512 - (*off & 511);
}

static int corrupt(BlkDev *bs, const char *what, uint64_t v)
{
    return blk_err(-EIO, "qcow2 image '%s' is corrupt: %s (%#llx); run "
                   "guise-img check", bs->filename, what, (unsigned long long)v);
}

/*
 * A host range about to be written (an existing L2 table or data cluster
 * named by the image) must not be the header, the L1 table or the refcount
 * table: a hostile image could otherwise make us overwrite our metadata.
 */
static int check_overlap(BlkDev *bs, uint64_t off, uint64_t len)
{
    Qcow2State *s = bs->opaque;
    uint64_t rt_len = (uint64_t)s->h.refcount_table_clusters << s->h.cluster_bits;
    uint64_t l1_len = (uint64_t)s->h.l1_size * 8;
    if (off < s->cluster_size ||
        (off < s->h.l1_table_offset + l1_len && s->h.l1_table_offset < off + len) ||
        (off < s->h.refcount_table_offset + rt_len &&
         s->h.refcount_table_offset < off + len)) {
        return corrupt(bs, "cluster overlaps the header, L1 or refcount table",
                       off);
    }
    return 0;
}

/*
 * Copies the L2 table at l2off, shared with a snapshot (refcount > 1), to
 * a new cluster that L1 entry l1i then names.  The entries are copied as
 * they are: their data clusters gain a referrer and lose none, so their
 * refcounts (one per L1 table reaching them) stay right.  The old table
 * loses the active L1's reference once the new L1 is on disk.
 */
static int cow_l2(BlkDev *bs, uint64_t l1i, uint64_t l2off, uint8_t **l2)
{
    Qcow2State *s = bs->opaque;
    uint8_t *old, *tmp = malloc(s->cluster_size);
    if (!tmp) {
        return -ENOMEM;
    }
    int ret = qcow2_cache_get(bs, &s->l2_cache, l2off, false, &old);
    if (ret == 0) {
        memcpy(tmp, old, s->cluster_size);
    }
    int64_t n = ret < 0 ? ret : qcow2_alloc_clusters(bs, 1);
    ret = n < 0 ? (int)n : qcow2_cache_get(bs, &s->l2_cache, (uint64_t)n,
                                           true, l2);
    if (ret == 0) {
        memcpy(*l2, tmp, s->cluster_size);
        qcow2_cache_mark_dirty(&s->l2_cache, *l2);
        s->l1[l1i] = (uint64_t)n | QCOW2_OFLAG_COPIED;
        s->l1_dirty = true;
        ret = qcow2_defer_free(bs, l2off);
    }
    free(tmp);
    return ret;
}

/*
 * The L2 table for guest offset off; *l2 NULL when there is none and
 * alloc is false.  With alloc, a missing table is allocated (zeroed).
 */
static int get_l2(BlkDev *bs, uint64_t off, bool alloc, uint8_t **l2)
{
    Qcow2State *s = bs->opaque;
    uint64_t l1i = off >> (s->h.cluster_bits + s->l2_bits);
    *l2 = NULL;
    if (l1i >= s->h.l1_size) {
        return corrupt(bs, "offset beyond the L1 table", off);
    }
    uint64_t e = s->l1[l1i], l2off = e & QCOW2_OFFSET_MASK;
    if ((e & QCOW2_L1_RESERVED) || (l2off & (s->cluster_size - 1))) {
        return corrupt(bs, "bad L1 entry", e);
    }
    if (!l2off) {
        if (!alloc) {
            return 0;
        }
        int64_t n = qcow2_alloc_clusters(bs, 1);
        if (n < 0) {
            return (int)n;
        }
        int ret = qcow2_cache_get(bs, &s->l2_cache, (uint64_t)n, true, l2);
        if (ret < 0) {
            return ret;
        }
        qcow2_cache_mark_dirty(&s->l2_cache, *l2);
        s->l1[l1i] = (uint64_t)n | QCOW2_OFLAG_COPIED;
        s->l1_dirty = true;
        return 0;
    }
    if (alloc && !(e & QCOW2_OFLAG_COPIED)) {
        return cow_l2(bs, l1i, l2off, l2);
    }
    if (alloc) {
        int ret = check_overlap(bs, l2off, s->cluster_size);
        if (ret < 0) {
            return ret;
        }
    }
    /* A table past the end of the file reads as zeros: harmless. */
    return qcow2_cache_get(bs, &s->l2_cache, l2off, false, l2);
}

/*
 * The L2 entry of guest offset off (0 when there is no L2 table) and, with
 * extended L2 entries, its subcluster bitmap (else 0).
 */
static int get_entry2(BlkDev *bs, uint64_t off, uint64_t *entry,
                      uint64_t *bitmap)
{
    Qcow2State *s = bs->opaque;
    uint8_t *l2;
    int ret = get_l2(bs, off, false, &l2);
    if (ret < 0) {
        return ret;
    }
    uint64_t idx = (off >> s->h.cluster_bits) & ((1ull << s->l2_bits) - 1);
    *entry = l2 ? qcow2_l2_get(s, l2, idx) : 0;
    *bitmap = l2 ? qcow2_l2_bitmap(s, l2, idx) : 0;
    Qcow2ClusterType t = qcow2_l2_type(s, *entry);
    if (t != QCOW2_CL_COMPRESSED &&
        ((*entry & QCOW2_L2_RESERVED) || (*entry & QCOW2_OFFSET_MASK &
                                          (s->cluster_size - 1)) ||
         (s->extl2 && (*entry & QCOW2_OFLAG_ZERO)))) {
        return corrupt(bs, "bad L2 entry", *entry);
    }
    if (qcow2_sc_type(s, *entry, *bitmap, 0) < 0) {
        return corrupt(bs, "bad subcluster bitmap", *bitmap);
    }
    return 0;
}

static int get_entry(BlkDev *bs, uint64_t off, uint64_t *entry)
{
    uint64_t bitmap;
    return get_entry2(bs, off, entry, &bitmap);
}

static int read_compressed(BlkDev *bs, uint64_t entry, uint8_t *out)
{
    Qcow2State *s = bs->opaque;
    uint64_t coff, clen;
    qcow2_compressed_loc(s, entry, &coff, &clen);
    int64_t fsize = blk_file_size(bs->fd);
    if (fsize < 0 || coff >= (uint64_t)fsize) {
        return corrupt(bs, "compressed cluster past the end of the file", coff);
    }
    if (clen > (uint64_t)fsize - coff) {
        clen = (uint64_t)fsize - coff;
    }
    if (clen > 2 * (uint64_t)s->cluster_size + 512) {
        return corrupt(bs, "compressed cluster too long", clen);
    }
    int ret = blk_file_pread(bs->fd, coff, s->cbuf, (size_t)clen);
    if (ret < 0) {
        return ret;
    }
    ret = blk_decompress_cluster(s->h.compression_type, s->cbuf, (size_t)clen,
                                 out, s->cluster_size);
    if (ret == -ENOMEM) {
        return ret;
    }
    return ret == 0 ? 0 : corrupt(bs, "compressed cluster does not decompress", coff);
}

/* Reads [off, off+len) of one guest subcluster (cluster without them). */
static int read_piece(BlkDev *bs, uint64_t off, uint8_t *buf, size_t len,
                      uint64_t entry, int type)
{
    Qcow2State *s = bs->opaque;
    uint64_t in = off & (s->cluster_size - 1);
    int ret;
    switch ((Qcow2ClusterType)type) {
    case QCOW2_CL_UNALLOCATED:
    case QCOW2_CL_UNALLOCATED_ALLOC:
        memset(buf, 0, len);
        if (bs->backing && off < bs->backing->size) {
            uint64_t n = bs->backing->size - off;
            return blk_pread(bs->backing, off, buf, n < len ? (size_t)n : len);
        }
        return 0;
    case QCOW2_CL_ZERO_PLAIN:
    case QCOW2_CL_ZERO_ALLOC:
        memset(buf, 0, len);
        return 0;
    case QCOW2_CL_NORMAL:
        return blk_file_pread(qcow2_data_fd(bs), (entry & QCOW2_OFFSET_MASK) + in,
                              buf, len);
    case QCOW2_CL_COMPRESSED: {
        if (s->data_fd >= 0) {
            return corrupt(bs, "compressed cluster with a data file", entry);
        }
        uint8_t *tmp = malloc(s->cluster_size);
        if (!tmp) {
            return -ENOMEM;
        }
        ret = read_compressed(bs, entry, tmp);
        if (ret == 0) {
            memcpy(buf, tmp + in, len);
        }
        free(tmp);
        return ret;
    }
    }
    return -EIO;
}

/* Reads [off, off+len) of one guest cluster, subcluster by subcluster. */
static int read_chunk(BlkDev *bs, uint64_t off, uint8_t *buf, size_t len)
{
    Qcow2State *s = bs->opaque;
    uint64_t entry, bitmap;
    int ret = get_entry2(bs, off, &entry, &bitmap);
    while (ret == 0 && len) {
        uint64_t in = off & (s->cluster_size - 1);
        size_t n = s->sc_size - (in & (s->sc_size - 1));
        n = n < len ? n : len;
        ret = read_piece(bs, off, buf, n, entry, qcow2_sc_type(s, entry, bitmap,
                                                             (unsigned)(in / s->sc_size)));
        off += n;
        buf += n;
        len -= n;
    }
    return ret;
}

int qcow2_pread(BlkDev *bs, uint64_t off, void *buf, size_t len)
{
    Qcow2State *s = bs->opaque;
    uint8_t *p = buf;
    while (len) {
        size_t n = s->cluster_size - (off & (s->cluster_size - 1));
        n = n < len ? n : len;
        int ret = read_chunk(bs, off, p, n);
        if (ret < 0) {
            return ret;
        }
        off += n;
        p += n;
        len -= n;
    }
    return 0;
}

/* Points the L2 entry of guest offset off at `entry` (and bitmap). */
static int set_entry(BlkDev *bs, uint64_t off, uint64_t entry, uint64_t bitmap)
{
    Qcow2State *s = bs->opaque;
    uint8_t *l2;
    int ret = get_l2(bs, off, true, &l2);
    if (ret < 0) {
        return ret;
    }
    uint64_t idx = (off >> s->h.cluster_bits) & ((1ull << s->l2_bits) - 1);
    be64_put(l2 + idx * s->l2_entry_bytes, entry);
    if (s->extl2) {
        be64_put(l2 + idx * 16 + 8, bitmap);
    }
    qcow2_cache_mark_dirty(&s->l2_cache, l2);
    return 0;
}

/* Releases the host clusters an entry being replaced used, after flush. */
static int release_entry(BlkDev *bs, uint64_t old)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size;
    if (s->data_fd >= 0) {
        return 0;       /* data clusters in a data file have no refcount */
    }
    switch (qcow2_l2_type(s, old)) {
    case QCOW2_CL_NORMAL:
    case QCOW2_CL_ZERO_ALLOC:
        return qcow2_defer_free(bs, old & QCOW2_OFFSET_MASK);
    case QCOW2_CL_COMPRESSED: {
        uint64_t coff, clen;
        qcow2_compressed_loc(s, old, &coff, &clen);
        for (uint64_t c = coff & ~(cs - 1); c < coff + clen; c += cs) {
            int ret = qcow2_defer_free(bs, c);
            if (ret < 0) {
                return ret;
            }
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* Writes [off, off+len) inside one guest cluster. */
static int write_chunk(BlkDev *bs, uint64_t off, const uint8_t *buf, size_t len)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size, in = off & (cs - 1), base = off - in;
    uint64_t entry, bitmap;
    int ret = get_entry2(bs, off, &entry, &bitmap);
    if (ret < 0) {
        return ret;
    }
    Qcow2ClusterType t = qcow2_l2_type(s, entry);
    /* Without COPIED a snapshot shares the cluster: copy it first. */
    bool own = entry & QCOW2_OFLAG_COPIED;
    /* Subclusters: in place only when every one written is allocated. */
    uint32_t sc_mask = 0;
    if (s->extl2) {
        unsigned first = (unsigned)(in / s->sc_size);
        unsigned last = (unsigned)((in + len - 1) / s->sc_size);
        sc_mask = (uint32_t)(((2ull << last) - 1) & ~((1ull << first) - 1));
    }
    if (t == QCOW2_CL_NORMAL && own &&
        (!s->extl2 || ((uint32_t)bitmap & sc_mask) == sc_mask)) {
        ret = s->data_fd >= 0 ? 0 : check_overlap(bs, entry & QCOW2_OFFSET_MASK,
                                                  cs);
        return ret < 0 ? ret : blk_file_pwrite(qcow2_data_fd(bs),
                                               (entry & QCOW2_OFFSET_MASK) + in,
                                               buf, len);
    }
    bool ext = s->data_fd >= 0;
    bool reuse = (t == QCOW2_CL_ZERO_ALLOC || (s->extl2 && t == QCOW2_CL_NORMAL))
                 && own;
    uint8_t *full = malloc(cs);
    if (!full) {
        return -ENOMEM;
    }
    uint64_t vlen = bs->size - base < cs ? bs->size - base : cs;
    memset(full, 0, cs);
    if (len != cs && (t != QCOW2_CL_ZERO_ALLOC || s->extl2)) {
        ret = qcow2_pread(bs, base, full, (size_t)vlen);
    }
    memcpy(full + in, buf, len);
    uint64_t host = ext ? base : entry & QCOW2_OFFSET_MASK;
    if (ret == 0 && reuse && !ext) {
        ret = check_overlap(bs, host, cs);
    }
    if (ret == 0 && !reuse && !ext) {
        int64_t n = qcow2_alloc_clusters(bs, 1);
        ret = n < 0 ? (int)n : 0;
        host = (uint64_t)n;
    }
    if (ret == 0) {
        ret = blk_file_pwrite(qcow2_data_fd(bs), host, full, cs);
    }
    free(full);
    if (ret == 0) {
        ret = set_entry(bs, off, host | QCOW2_OFLAG_COPIED, QCOW2_SC_ALL_ALLOC);
    }
    if (ret == 0 && !reuse && !ext) {
        ret = release_entry(bs, entry);
    }
    return ret;
}

int qcow2_pwrite(BlkDev *bs, uint64_t off, const void *buf, size_t len)
{
    Qcow2State *s = bs->opaque;
    const uint8_t *p = buf;
    int ret = qcow2_mark_dirty(bs);
    while (ret == 0 && len) {
        size_t n = s->cluster_size - (off & (s->cluster_size - 1));
        n = n < len ? n : len;
        ret = write_chunk(bs, off, p, n);
        off += n;
        p += n;
        len -= n;
    }
    return ret;
}

/*
 * Host bytes for clen bytes of compressed data: right after the previous
 * compressed cluster when they fit in what is left of its host cluster
 * (one more reference to that cluster), else in fresh clusters, as
 * qemu-img packs them.
 */
static int64_t alloc_bytes(BlkDev *bs, size_t clen)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size, at = s->free_byte_offset, rc = 0;
    uint64_t max = s->refcount_bits == 64 ? UINT64_MAX
                                          : (1ull << s->refcount_bits) - 1;
    if (at && (at & (cs - 1)) && cs - (at & (cs - 1)) >= clen) {
        int ret = qcow2_get_refcount(bs, at >> s->h.cluster_bits, &rc);
        if (ret == 0 && rc && rc < max) {
            ret = qcow2_set_refcount(bs, at >> s->h.cluster_bits, rc + 1);
            if (ret == 0) {
                s->free_byte_offset = at + clen;
                return (int64_t)at;
            }
        }
        if (ret < 0) {
            return ret;
        }
    }
    int64_t host = qcow2_alloc_clusters(bs, (clen + cs - 1) / cs);
    if (host >= 0) {
        s->free_byte_offset = (uint64_t)host + clen;
    }
    return host;
}

int qcow2_write_compressed(BlkDev *bs, uint64_t off, const void *data,
                           size_t clen)
{
    Qcow2State *s = bs->opaque;
    uint64_t entry;
    int ret = get_entry(bs, off, &entry);
    if (ret < 0) {
        return ret;
    }
    ret = s->data_fd >= 0 ? blk_err(-ENOTSUP, "Compression is not supported "
                                    "with an external data file")
                          : qcow2_mark_dirty(bs);
    int64_t host = ret < 0 ? ret : alloc_bytes(bs, clen);
    if (host < 0) {
        return (int)host;
    }
    ret = blk_file_pwrite(bs->fd, (uint64_t)host, data, clen);
    if (ret < 0) {
        return ret;
    }
    uint32_t x = 62 - (s->h.cluster_bits - 8);
    /* The 512-byte sectors the data touches (it need not start on one). */
    uint64_t nsec = (((uint64_t)host + clen - 1) >> 9) - ((uint64_t)host >> 9) + 1;
    ret = set_entry(bs, off, QCOW2_OFLAG_COMPRESSED | ((nsec - 1) << x) |
                    (uint64_t)host, 0);
    return ret < 0 ? ret : release_entry(bs, entry);
}

int qcow2_discard(BlkDev *bs, uint64_t off, uint64_t len)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size;
    uint64_t first = (off + cs - 1) & ~(cs - 1), end = off + len;
    /* Only whole clusters; the tail cluster counts if it ends the disk. */
    if (end != bs->size) {
        end &= ~(cs - 1);
    }
    int ret = qcow2_mark_dirty(bs);
    for (uint64_t c = first; ret == 0 && c < end; c += cs) {
        uint64_t entry;
        ret = get_entry(bs, c, &entry);
        if (ret < 0 || qcow2_l2_type(s, entry) == QCOW2_CL_UNALLOCATED) {
            if (ret == 0 && !(bs->backing && s->h.version >= 3)) {
                continue;
            }
        }
        if (ret < 0 || qcow2_l2_type(s, entry) == QCOW2_CL_ZERO_PLAIN) {
            continue;
        }
        bool zero = bs->backing && s->h.version >= 3;
        uint64_t now = zero && !s->extl2 ? QCOW2_OFLAG_ZERO : 0;
        ret = set_entry(bs, c, now, zero ? QCOW2_SC_ALL_ZERO : 0);
        if (ret == 0 && s->data_fd >= 0) {
            /* A raw data file must read as the disk does: zeros. */
            ret = fallocate(s->data_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                            (off_t)c, (off_t)(end - c < cs ? end - c : cs)) < 0 &&
                  errno != EOPNOTSUPP ? -errno : 0;
        }
        if (ret == 0) {
            ret = release_entry(bs, entry);
        }
    }
    return ret;
}

int qcow2_discard_cluster(BlkDev *bs, uint64_t off)
{
    uint64_t entry;
    int ret = qcow2_mark_dirty(bs);
    if (ret == 0) {
        ret = get_entry(bs, off, &entry);
    }
    if (ret == 0) {
        ret = set_entry(bs, off, 0, 0);
    }
    return ret < 0 ? ret : release_entry(bs, entry);
}

int qcow2_shrink(BlkDev *bs, uint64_t size)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size, span = cs << s->l2_bits;
    if (s->h.nb_snapshots) {
        return blk_err(-ENOTSUP, "Can't shrink an image with internal "
                       "snapshots");
    }
    /* Clusters wholly past the new end, then L2 tables wholly past it. */
    uint64_t first = (size + cs - 1) & ~(cs - 1);
    int ret = 0;
    for (uint64_t off = first; ret == 0 && off < bs->size; off += cs) {
        uint64_t entry;
        ret = get_entry(bs, off, &entry);
        if (ret == 0 && entry) {
            ret = qcow2_discard_cluster(bs, off);
        }
    }
    ret = ret < 0 ? ret : qcow2_flush(bs);
    for (uint64_t i = (size + span - 1) / span; ret == 0 && i < s->h.l1_size;
         i++) {
        uint64_t l2off = s->l1[i] & QCOW2_OFFSET_MASK;
        if (l2off) {
            s->l1[i] = 0;
            s->l1_dirty = true;
            ret = qcow2_defer_free(bs, l2off);
        }
    }
    ret = ret < 0 ? ret : qcow2_flush(bs);
    if (ret == 0) {
        s->h.size = bs->size = size;
        ret = qcow2_update_header_fields(bs);
    }
    return ret;
}

int qcow2_make_empty(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    uint64_t cs = s->cluster_size, span = cs << s->l2_bits;
    int ret = qcow2_mark_dirty(bs);
    for (uint32_t i = 0; ret == 0 && i < s->h.l1_size; i++) {
        if (!(s->l1[i] & QCOW2_OFFSET_MASK)) {
            continue;           /* no L2 table: already empty */
        }
        for (uint64_t off = i * span; ret == 0 && off < (i + 1) * span &&
             off < bs->size; off += cs) {
            uint64_t entry;
            ret = get_entry(bs, off, &entry);
            if (ret == 0 && entry) {
                ret = set_entry(bs, off, 0, 0);
                if (ret == 0) {
                    ret = release_entry(bs, entry);
                }
            }
        }
    }
    return ret < 0 ? ret : qcow2_flush(bs);
}

/* Type and host offset of the subcluster (or cluster) holding off. */
static int unit_at(BlkDev *bs, uint64_t off, int *type, uint64_t *host)
{
    Qcow2State *s = bs->opaque;
    uint64_t entry, bitmap;
    int ret = get_entry2(bs, off, &entry, &bitmap);
    if (ret < 0) {
        return ret;
    }
    uint64_t in = off & (s->cluster_size - 1);
    *type = qcow2_sc_type(s, entry, bitmap, (unsigned)(in / s->sc_size));
    *host = (entry & QCOW2_OFFSET_MASK) + (in & ~(uint64_t)(s->sc_size - 1));
    return 0;
}

int qcow2_block_status(BlkDev *bs, uint64_t off, uint64_t len,
                       uint64_t *pnum, uint64_t *host_off)
{
    Qcow2State *s = bs->opaque;
    uint64_t unit = s->sc_size, host;
    int t;
    int ret = unit_at(bs, off, &t, &host);
    if (ret < 0) {
        return ret;
    }
    uint64_t in = off & (unit - 1);
    uint64_t n = unit - in;
    /* Extend over following units of the same kind (contiguous data). */
    while (n < len && t != QCOW2_CL_COMPRESSED) {
        int t2;
        uint64_t h2;
        bool has_host = t == QCOW2_CL_NORMAL || (s->extl2 &&
                        (t == QCOW2_CL_ZERO_ALLOC ||
                         t == QCOW2_CL_UNALLOCATED_ALLOC));
        if (unit_at(bs, off + n, &t2, &h2) < 0 || t2 != t ||
            (has_host && h2 != host + in + n)) {
            break;
        }
        n += unit;
    }
    /* A compressed cluster is one unit, whatever the subcluster size. */
    if (t == QCOW2_CL_COMPRESSED) {
        n = s->cluster_size - (off & (s->cluster_size - 1));
    }
    *pnum = n < len ? n : len;
    switch ((Qcow2ClusterType)t) {
    case QCOW2_CL_UNALLOCATED:
        return 0;
    case QCOW2_CL_UNALLOCATED_ALLOC:
        /* qemu-img map names the host cluster of such subclusters. */
        *host_off = host + in;
        return BLK_STAT_OFFSET;
    case QCOW2_CL_ZERO_ALLOC:
        if (s->extl2) {
            *host_off = host + in;
            return BLK_STAT_ZERO | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
        }
        return BLK_STAT_ZERO | BLK_STAT_ALLOCATED;
    case QCOW2_CL_ZERO_PLAIN:
        return BLK_STAT_ZERO | BLK_STAT_ALLOCATED;
    case QCOW2_CL_NORMAL:
        *host_off = host + in;
        return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_OFFSET;
    case QCOW2_CL_COMPRESSED:
        return BLK_STAT_DATA | BLK_STAT_ALLOCATED | BLK_STAT_COMPRESSED;
    }
    return -EIO;
}

static int write_l1(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    size_t bytes = (size_t)s->h.l1_size * 8;
    uint8_t *be = malloc(bytes ? bytes : 1);
    if (!be) {
        return -ENOMEM;
    }
    for (uint32_t i = 0; i < s->h.l1_size; i++) {
        be64_put(be + (size_t)i * 8, s->l1[i]);
    }
    int ret = blk_file_pwrite(bs->fd, s->h.l1_table_offset, be, bytes);
    free(be);
    if (ret == 0) {
        s->l1_dirty = false;
    }
    return ret;
}

/* Data and refcounts, then L2 tables, then L1, synced between. */
int qcow2_flush(BlkDev *bs)
{
    Qcow2State *s = bs->opaque;
    if (s->data_fd >= 0 && fdatasync(s->data_fd) < 0) {
        return -errno;
    }
    int ret = qcow2_flush_refcounts(bs);
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    if (ret == 0) {
        ret = qcow2_cache_flush(bs, &s->l2_cache);
    }
    if (ret == 0 && s->l1_dirty) {
        if (fdatasync(bs->fd) < 0) {
            return -errno;
        }
        ret = write_l1(bs);
    }
    if (ret == 0 && fdatasync(bs->fd) < 0) {
        ret = -errno;
    }
    if (ret == 0 && s->n_pending) {
        ret = qcow2_process_pending_free(bs);
        if (ret == 0) {
            ret = qcow2_flush_refcounts(bs);
        }
        if (ret == 0 && fdatasync(bs->fd) < 0) {
            ret = -errno;
        }
    }
    return ret;
}
