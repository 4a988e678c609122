/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qcow2 consistency check and repair (guise-img check, and the automatic
 * repair of an image left dirty by lazy refcounts).
 *
 * The check counts, for every host cluster, the references the metadata
 * makes to it: the header, the L1 tables (active and snapshots), their L2
 * tables and data clusters (compressed ones by every host cluster their
 * bytes touch), the refcount table and blocks, the snapshot table.  A
 * stored refcount above that count is a leak, below it a corruption; the
 * COPIED flags of active L1/L2 entries must say "refcount is 1".  With
 * BLK_FIX_LEAKS leaks are set to the count, with BLK_FIX_ERRORS
 * corruptions and flags too.  Messages follow qemu-img check's wording.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_CHECK_CLUSTERS (1ull << 27)

typedef struct CheckState {
    BlkDev *bs;
    Qcow2State *s;
    uint32_t *ref;          /* references per host cluster */
    uint64_t n;             /* host clusters in the file */
    BlkCheckResult *res;
    uint64_t next_contig;   /* fragmentation tracking */
    uint8_t *l2;            /* scratch L2 table */
    uint64_t highest;       /* 1 + last cluster referenced or counted */
} CheckState;

static void add_ref(CheckState *c, uint64_t off, uint64_t len, const char *what)
{
    uint32_t cb = c->s->h.cluster_bits;
    if (!len) {
        return;
    }
    for (uint64_t i = off >> cb; i <= (off + len - 1) >> cb; i++) {
        if (i >= c->n) {
            fprintf(stderr, "ERROR %s at offset %#" PRIx64 " is past the end "
                    "of the image file\n", what, off);
            c->res->corruptions++;
            return;
        }
        if (c->ref[i] != UINT32_MAX) {
            c->ref[i]++;
        }
    }
}

/* References of one L2 table; stats only for the active one. */
static int walk_l2(CheckState *c, uint64_t l2off, bool active)
{
    Qcow2State *s = c->s;
    uint64_t cs = s->cluster_size;
    int ret = blk_file_pread(c->bs->fd, l2off, c->l2, cs);
    if (ret < 0) {
        return ret;
    }
    c->next_contig = 0;         /* contiguity is counted per L2 table */
    for (uint64_t i = 0; i < (1ull << s->l2_bits); i++) {
        uint64_t e = qcow2_l2_get(s, c->l2, i), host = e & QCOW2_OFFSET_MASK;
        if (qcow2_sc_type(s, e, qcow2_l2_bitmap(s, c->l2, i), 0) < 0) {
            fprintf(stderr, "ERROR invalid subcluster allocation bitmap of "
                    "L2 entry %" PRIx64 "\n", e);
            c->res->corruptions++;
            continue;
        }
        switch (qcow2_l2_type(s, e)) {
        case QCOW2_CL_COMPRESSED: {
            uint64_t coff, clen;
            qcow2_compressed_loc(s, e, &coff, &clen);
            add_ref(c, coff, clen, "compressed cluster");
            if (active) {
                /* Compressed clusters count as fragmented, as in qemu-img. */
                c->res->allocated_clusters++;
                c->res->compressed_clusters++;
                c->res->fragmented_clusters++;
            }
            break;
        }
        case QCOW2_CL_NORMAL:
        case QCOW2_CL_ZERO_ALLOC:
            if (host & (cs - 1)) {
                fprintf(stderr, "ERROR offset=%" PRIx64 ": Cluster is not "
                        "properly aligned; L2 entry corrupted.\n", host);
                c->res->corruptions++;
                break;
            }
            if (s->data_fd < 0) {
                add_ref(c, host, cs, "data cluster");
            }
            if (active) {
                c->res->allocated_clusters++;
                if (c->next_contig && host != c->next_contig) {
                    c->res->fragmented_clusters++;
                }
                c->next_contig = host + cs;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

static int walk_l1(CheckState *c, uint64_t l1off, uint32_t l1_size, bool active)
{
    Qcow2State *s = c->s;
    uint64_t cs = s->cluster_size;
    add_ref(c, l1off, (uint64_t)l1_size * 8, "L1 table");
    for (uint32_t i = 0; i < l1_size; i++) {
        uint8_t b[8];
        uint64_t e;
        if (active) {
            e = s->l1[i];
        } else {
            int ret = blk_file_pread(c->bs->fd, l1off + (uint64_t)i * 8, b, 8);
            if (ret < 0) {
                return ret;
            }
            e = be64_get(b);
        }
        uint64_t l2off = e & QCOW2_OFFSET_MASK;
        if (!l2off) {
            continue;
        }
        if ((l2off & (cs - 1)) || (l2off >> s->h.cluster_bits) >= c->n) {
            fprintf(stderr, "ERROR l2_offset=%" PRIx64 ": L2 table is not "
                    "properly aligned or past the end; L1 entry corrupted.\n",
                    l2off);
            c->res->corruptions++;
            continue;
        }
        add_ref(c, l2off, cs, "L2 table");
        int ret = walk_l2(c, l2off, active);
        if (ret < 0) {
            return ret;
        }
    }
    return 0;
}

static void bitmap_ref(void *ctx, uint64_t off, uint64_t len, const char *what)
{
    add_ref(ctx, off, len, what);
}

static int walk_snapshots(CheckState *c)
{
    Qcow2State *s = c->s;
    uint64_t pos = s->h.snapshots_offset;
    for (uint32_t i = 0; i < s->h.nb_snapshots; i++) {
        uint8_t e[40];
        int ret = blk_file_pread(c->bs->fd, pos, e, sizeof(e));
        if (ret < 0) {
            return ret;
        }
        uint64_t l1off = be64_get(e);
        uint32_t l1n = be32_get(e + 8);
        uint64_t len = 40 + (uint64_t)be32_get(e + 36) + be16_get(e + 12) +
                       be16_get(e + 14);
        if (l1n * 8ull > QCOW2_MAX_L1_BYTES ||
            (l1off & (s->cluster_size - 1))) {
            fprintf(stderr, "ERROR snapshot %u has an invalid L1 table\n", i);
            c->res->corruptions++;
        } else if ((ret = walk_l1(c, l1off, l1n, false)) < 0) {
            return ret;
        }
        pos += (len + 7) & ~7ull;
    }
    if (s->h.nb_snapshots) {
        add_ref(c, s->h.snapshots_offset, pos - s->h.snapshots_offset,
                "snapshot table");
    }
    return 0;
}

static int walk_refcount_structures(CheckState *c)
{
    Qcow2State *s = c->s;
    add_ref(c, s->h.refcount_table_offset,
            (uint64_t)s->h.refcount_table_clusters * s->cluster_size,
            "refcount table");
    for (uint32_t i = 0; i < s->reftable_size; i++) {
        uint64_t off = s->reftable[i];
        if (!off) {
            continue;
        }
        if ((off & (s->cluster_size - 1)) || (off >> s->h.cluster_bits) >= c->n) {
            fprintf(stderr, "ERROR refcount block %u is not cluster aligned or "
                    "past the end; refcount table entry corrupted\n", i);
            c->res->corruptions++;
            continue;
        }
        add_ref(c, off, s->cluster_size, "refcount block");
    }
    return 0;
}

/* Compares stored refcounts with the references; repairs per fix. */
static int compare_refcounts(CheckState *c, int fix)
{
    for (uint64_t i = 0; i < c->n; i++) {
        uint64_t rc;
        int ret = qcow2_get_refcount(c->bs, i, &rc);
        if (ret < 0) {
            c->res->check_errors++;
            continue;
        }
        uint64_t want = c->ref[i];
        if (rc || want) {
            c->highest = i + 1;
        }
        if (rc == want) {
            continue;
        }
        bool leak = rc > want;
        bool repair = leak ? (fix & BLK_FIX_LEAKS) : (fix & BLK_FIX_ERRORS);
        fprintf(stderr, "%s cluster %" PRIu64 " refcount=%" PRIu64
                " reference=%" PRIu64 "\n",
                repair ? "Repairing" : leak ? "Leaked" : "ERROR", i, rc, want);
        if (repair && qcow2_set_refcount(c->bs, i, want) == 0) {
            *(leak ? &c->res->leaks_fixed : &c->res->corruptions_fixed) += 1;
        } else {
            *(leak ? &c->res->leaks : &c->res->corruptions) += 1;
        }
    }
    return 0;
}

/* The COPIED flag of each data entry of the active L2 table at l2off. */
static int check_copied_l2(CheckState *c, uint64_t l2off, int fix)
{
    Qcow2State *s = c->s;
    int ret = blk_file_pread(c->bs->fd, l2off, c->l2, s->cluster_size);
    if (ret < 0) {
        return ret;
    }
    for (uint64_t i = 0; i < (1ull << s->l2_bits); i++) {
        uint64_t e = qcow2_l2_get(s, c->l2, i), host = e & QCOW2_OFFSET_MASK, rc;
        Qcow2ClusterType t = qcow2_l2_type(s, e);
        /* Data file clusters have no refcount: always "exactly one". */
        rc = 1;
        if ((t != QCOW2_CL_NORMAL && t != QCOW2_CL_ZERO_ALLOC) ||
            (host & (s->cluster_size - 1)) ||
            (s->data_fd < 0 && ((host >> s->h.cluster_bits) >= c->n ||
             qcow2_get_refcount(c->bs, host >> s->h.cluster_bits, &rc) < 0)) ||
            (rc == 1) == !!(e & QCOW2_OFLAG_COPIED)) {
            continue;
        }
        fprintf(stderr, "%s OFLAG_COPIED data cluster: l2_entry=%" PRIx64
                " refcount=%" PRIu64 "\n",
                (fix & BLK_FIX_ERRORS) ? "Repairing" : "ERROR", e, rc);
        if (!(fix & BLK_FIX_ERRORS)) {
            c->res->corruptions++;
            continue;
        }
        uint8_t b[8];
        be64_put(b, rc == 1 ? e | QCOW2_OFLAG_COPIED : e & ~QCOW2_OFLAG_COPIED);
        qcow2_cache_discard(&s->l2_cache, l2off);
        ret = blk_file_pwrite(c->bs->fd, l2off + i * s->l2_entry_bytes, b, 8);
        if (ret < 0) {
            return ret;
        }
        c->res->corruptions_fixed++;
    }
    return 0;
}

/* COPIED must be set exactly on active entries whose refcount is 1. */
static int check_copied(CheckState *c, int fix)
{
    Qcow2State *s = c->s;
    for (uint32_t i = 0; i < s->h.l1_size; i++) {
        uint64_t l2off = s->l1[i] & QCOW2_OFFSET_MASK;
        if (l2off && !(l2off & (s->cluster_size - 1)) &&
            (l2off >> s->h.cluster_bits) < c->n) {
            int ret = check_copied_l2(c, l2off, fix);
            if (ret < 0) {
                return ret;
            }
        }
    }
    for (uint32_t i = 0; i < s->h.l1_size; i++) {
        uint64_t e = s->l1[i], l2off = e & QCOW2_OFFSET_MASK, rc;
        if (!l2off || (l2off & (s->cluster_size - 1)) ||
            (l2off >> s->h.cluster_bits) >= c->n ||
            qcow2_get_refcount(c->bs, l2off >> s->h.cluster_bits, &rc) < 0) {
            continue;
        }
        if ((rc == 1) != !!(e & QCOW2_OFLAG_COPIED)) {
            fprintf(stderr, "%s OFLAG_COPIED L2 cluster: l1_index=%u "
                    "l1_entry=%" PRIx64 " refcount=%" PRIu64 "\n",
                    (fix & BLK_FIX_ERRORS) ? "Repairing" : "ERROR", i, e, rc);
            if (fix & BLK_FIX_ERRORS) {
                s->l1[i] = rc == 1 ? e | QCOW2_OFLAG_COPIED : e & ~QCOW2_OFLAG_COPIED;
                s->l1_dirty = true;
                c->res->corruptions_fixed++;
            } else {
                c->res->corruptions++;
            }
        }
    }
    return 0;
}

int qcow2_check(BlkDev *bs, BlkCheckResult *res, int fix)
{
    Qcow2State *s = bs->opaque;
    int ret = bs->read_only ? 0 : qcow2_flush(bs);
    if (ret < 0) {
        return ret;
    }
    int64_t fsize = blk_file_size(bs->fd);
    if (fsize < 0) {
        return (int)fsize;
    }
    CheckState c = { .bs = bs, .s = s, .res = res };
    c.n = ((uint64_t)fsize + s->cluster_size - 1) >> s->h.cluster_bits;
    if (c.n > MAX_CHECK_CLUSTERS) {
        return blk_err(-EFBIG, "image file too large to check (%" PRIu64
                       " clusters)", c.n);
    }
    c.ref = calloc(c.n ? c.n : 1, sizeof(*c.ref));
    c.l2 = malloc(s->cluster_size);
    if (!c.ref || !c.l2) {
        ret = -ENOMEM;
        goto out;
    }
    add_ref(&c, 0, s->cluster_size, "header");
    ret = walk_l1(&c, s->h.l1_table_offset, s->h.l1_size, true);
    if (ret == 0) {
        ret = walk_snapshots(&c);
    }
    if (ret == 0 && qcow2_bitmaps_refs(bs, bitmap_ref, &c) < 0) {
        fprintf(stderr, "ERROR %s\n", blk_last_error());
        res->corruptions++;
    }
    if (ret == 0) {
        ret = walk_refcount_structures(&c);
    }
    if (ret == 0) {
        ret = compare_refcounts(&c, fix);
    }
    if (ret == 0) {
        ret = check_copied(&c, fix);
    }
    res->image_end_offset = c.highest << s->h.cluster_bits;
    res->total_clusters = (int64_t)((s->h.size + s->cluster_size - 1) >>
                                    s->h.cluster_bits);
    res->has_stats = true;
    if (ret == 0 && fix && !bs->read_only) {
        ret = qcow2_flush(bs);
    }
out:
    free(c.ref);
    free(c.l2);
    return ret;
}
