/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise-img's reporting commands: info, check, map, measure and
 * snapshot -l.  Their
 * human and --output=json forms copy qemu-img 7.2's field names, order
 * and wording, so tools parsing qemu-img's output read guise-img's.
 * Exit codes of check follow qemu-img: 0 clean, 1 check failed,
 * 2 corruptions, 3 leaks only.
 */
#include "img/img.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { OPT_OUTPUT = 256, OPT_CHAIN, OPT_START, OPT_MAXLEN, OPT_SIZE,
       OPT_FORCE, OPT_OBJECT };

static const struct option long_opts[] = {
    { "output", required_argument, NULL, OPT_OUTPUT },
    { "backing-chain", no_argument, NULL, OPT_CHAIN },
    { "start-offset", required_argument, NULL, OPT_START },
    { "max-length", required_argument, NULL, OPT_MAXLEN },
    { "size", required_argument, NULL, OPT_SIZE },
    { "force-share", no_argument, NULL, 'U' },
    { "object", required_argument, NULL, OPT_OBJECT },
    { NULL, 0, NULL, 0 },
};

static bool parse_output(const char *s)
{
    if (!strcmp(s, "json")) {
        return true;
    }
    if (strcmp(s, "human")) {
        img_die("--output must be used with human or json as argument.");
    }
    return false;
}

/* JSON string body with the escapes JSON needs. */
static void json_str(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            printf("\\%c", c);
        } else if (c < 0x20) {
            printf("\\u%04x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

/* qemu-img's snapshot table: header line and one row per snapshot. */
static void snapshots_human(const BlkSnapshot *sn, int n)
{
    printf("%-10s%-17s%8s%20s%13s%11s\n", "ID", "TAG", "VM SIZE", "DATE",
           "VM CLOCK", "ICOUNT");
    for (int i = 0; i < n; i++) {
        char size[32], date[32], clock[32], icount[24] = "";
        time_t t = (time_t)sn[i].date_sec;
        struct tm tm;
        img_size_str(sn[i].vm_state_size, size, sizeof(size));
        strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S", localtime_r(&t, &tm));
        uint64_t ms = sn[i].vm_clock_nsec / 1000000;
        snprintf(clock, sizeof(clock), "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64
                 ".%03" PRIu64, ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                 ms % 1000);
        if (sn[i].has_icount) {
            snprintf(icount, sizeof(icount), "%" PRIu64, sn[i].icount);
        }
        printf("%-9s %-16s %8s%20s%13s%11s\n", sn[i].id, sn[i].name, size,
               date, clock, icount);
    }
}

static void snapshots_json(const BlkSnapshot *sn, int n, const char *ind)
{
    printf("%s    \"snapshots\": [\n", ind);
    for (int i = 0; i < n; i++) {
        printf("%s        {\n", ind);
        if (sn[i].has_icount) {
            printf("%s            \"icount\": %" PRIu64 ",\n", ind, sn[i].icount);
        }
        printf("%s            \"vm-clock-nsec\": %" PRIu64 ",\n%s            "
               "\"name\": ", ind, sn[i].vm_clock_nsec % 1000000000, ind);
        json_str(sn[i].name);
        printf(",\n%s            \"date-sec\": %u,\n%s            \"date-nsec\": "
               "%u,\n%s            \"vm-clock-sec\": %" PRIu64 ",\n%s            "
               "\"id\": ", ind, sn[i].date_sec, ind, sn[i].date_nsec, ind,
               sn[i].vm_clock_nsec / 1000000000, ind);
        json_str(sn[i].id);
        printf(",\n%s            \"vm-state-size\": %" PRIu64 "\n%s        }%s\n",
               ind, sn[i].vm_state_size, ind, i + 1 < n ? "," : "");
    }
    printf("%s    ],\n", ind);
}

/* The names of the bitmap flags, as qemu-img info prints them. */
static const struct {
    uint32_t flag;
    const char *name;
} bitmap_flags[] = {
    { BLK_BITMAP_IN_USE, "in-use" },
    { BLK_BITMAP_AUTO, "auto" },
};

static void bitmaps_human(BlkDev *bs)
{
    BlkBitmap *bm;
    int n = blk_bitmap_list(bs, &bm);
    if (n > 0) {
        printf("    bitmaps:\n");
    }
    for (int i = 0; i < n; i++) {
        printf("        [%d]:\n            flags:\n", i);
        for (size_t f = 0, k = 0; f < sizeof(bitmap_flags) / sizeof(bitmap_flags[0]); f++) {
            if (bm[i].flags & bitmap_flags[f].flag) {
                printf("                [%zu]: %s\n", k++, bitmap_flags[f].name);
            }
        }
        printf("            name: %s\n            granularity: %u\n", bm[i].name,
               bm[i].granularity);
    }
    free(bm);
}

static void bitmaps_json(BlkDev *bs, const char *ind)
{
    BlkBitmap *bm;
    int n = blk_bitmap_list(bs, &bm);
    if (n > 0) {
        printf("%s            \"bitmaps\": [\n", ind);
    }
    for (int i = 0; i < n; i++) {
        printf("%s                {\n%s                    \"flags\": [", ind, ind);
        const char *sep = "";
        for (size_t f = 0; f < sizeof(bitmap_flags) / sizeof(bitmap_flags[0]); f++) {
            if (bm[i].flags & bitmap_flags[f].flag) {
                printf("%s\n%s                        \"%s\"", sep, ind,
                       bitmap_flags[f].name);
                sep = ",";
            }
        }
        printf("\n%s                    ],\n%s                    \"name\": ",
               ind, ind);
        json_str(bm[i].name);
        printf(",\n%s                    \"granularity\": %u\n%s                }%s\n",
               ind, bm[i].granularity, ind, i + 1 < n ? "," : "");
    }
    if (n > 0) {
        printf("%s            ],\n", ind);
    }
    free(bm);
}

/* Host bytes of the image: its file and its other extent files. */
static int64_t disk_usage(BlkDev *bs)
{
    int64_t disk = img_allocated_size(bs->filename);
    BlkExtent *x;
    int n = blk_extent_list(bs, &x);
    for (int i = 0; disk >= 0 && i < n; i++) {
        int64_t e = strcmp(x[i].filename, bs->filename) ?
                    img_allocated_size(x[i].filename) : 0;
        disk = e < 0 ? disk : disk + e;
    }
    free(x);
    return disk;
}

/* vmdk's "Format specific information", as qemu-img prints it. */
static void vmdk_human(BlkDev *bs, const BlkInfo *in)
{
    printf("Format specific information:\n    cid: %u\n    parent cid: %u\n"
           "    create type: %s\n    extents:\n", in->vmdk_cid,
           in->vmdk_parent_cid, in->vmdk_create_type);
    BlkExtent *x;
    int n = blk_extent_list(bs, &x);
    for (int i = 0; i < n; i++) {
        printf("        [%d]:\n", i);
        if (x[i].compressed) {
            printf("            compressed: true\n");
        }
        printf("            virtual size: %" PRIu64 "\n            filename: %s\n",
               x[i].virtual_size, x[i].filename);
        if (x[i].cluster_size) {
            printf("            cluster size: %u\n", x[i].cluster_size);
        }
        printf("            format: %s\n", x[i].format);
    }
    free(x);
}

static void vmdk_json(BlkDev *bs, const BlkInfo *in, const char *ind)
{
    printf("%s    \"format-specific\": {\n%s        \"type\": \"vmdk\",\n"
           "%s        \"data\": {\n%s            \"cid\": %u,\n"
           "%s            \"parent-cid\": %u,\n%s            \"create-type\": ",
           ind, ind, ind, ind, in->vmdk_cid, ind, in->vmdk_parent_cid, ind);
    json_str(in->vmdk_create_type);
    printf(",\n%s            \"extents\": [\n", ind);
    BlkExtent *x;
    int n = blk_extent_list(bs, &x);
    for (int i = 0; i < n; i++) {
        const char *in2 = "                    ";
        printf("%s                {\n", ind);
        if (x[i].compressed) {
            printf("%s%s\"compressed\": true,\n", ind, in2);
        }
        printf("%s%s\"virtual-size\": %" PRIu64 ",\n%s%s\"filename\": ", ind,
               in2, x[i].virtual_size, ind, in2);
        json_str(x[i].filename);
        printf(",\n");
        if (x[i].cluster_size) {
            printf("%s%s\"cluster-size\": %u,\n", ind, in2, x[i].cluster_size);
        }
        printf("%s%s\"format\": ", ind, in2);
        json_str(x[i].format);
        printf("\n%s                }%s\n", ind, i + 1 < n ? "," : "");
    }
    free(x);
    printf("%s            ]\n%s        }\n%s    },\n", ind, ind, ind);
}

static void info_human(BlkDev *bs, const BlkInfo *in)
{
    char a[32], b[32];
    img_size_str(bs->size, a, sizeof(a));
    int64_t disk = disk_usage(bs);
    img_size_str(disk < 0 ? 0 : (uint64_t)disk, b, sizeof(b));
    printf("image: %s\nfile format: %s\nvirtual size: %s (%" PRIu64 " bytes)\n"
           "disk size: %s\n", bs->filename, bs->drv->name, a, bs->size, b);
    if (in->cluster_size) {
        printf("cluster_size: %u\n", in->cluster_size);
    }
    if (bs->backing_file[0]) {
        char *full = blk_backing_path(bs->filename, bs->backing_file);
        printf("backing file: %s", bs->backing_file);
        if (full && strcmp(full, bs->backing_file)) {
            printf(" (actual path: %s)", full);
        }
        printf("\n");
        free(full);
        if (bs->backing_fmt[0]) {
            printf("backing file format: %s\n", bs->backing_fmt);
        }
    }
    if (in->dirty) {
        printf("cleanly shut down: no\n");
    }
    BlkSnapshot *sn;
    int nsn = blk_snapshot_list(bs, &sn);
    if (nsn > 0) {
        printf("Snapshot list:\n");
        snapshots_human(sn, nsn);
    }
    free(sn);
    if (in->has_vmdk) {
        vmdk_human(bs, in);
    }
    if (in->has_specific) {
        printf("Format specific information:\n    compat: %s\n"
               "    compression type: %s\n", in->compat == 2 ? "0.10" : "1.1",
               in->compression_type ? "zstd" : "zlib");
        if (in->compat >= 3) {
            printf("    lazy refcounts: %s\n", in->lazy_refcounts ? "true" : "false");
            bitmaps_human(bs);
        }
        printf("    refcount bits: %d\n", in->refcount_bits);
        if (in->data_file[0]) {
            printf("    data file: %s\n    data file raw: %s\n", in->data_file,
                   in->data_file_raw ? "true" : "false");
        }
        if (in->compat >= 3) {
            printf("    corrupt: %s\n    extended l2: %s\n",
                   in->corrupt ? "true" : "false",
                   in->extended_l2 ? "true" : "false");
        }
    }
}

static void info_json(BlkDev *bs, const BlkInfo *in, const char *ind)
{
    int64_t disk = disk_usage(bs);
    printf("%s{\n", ind);
    BlkSnapshot *sn;
    int nsn = blk_snapshot_list(bs, &sn);
    if (nsn > 0) {
        snapshots_json(sn, nsn, ind);
    }
    free(sn);
    if (bs->backing_fmt[0]) {
        printf("%s    \"backing-filename-format\": ", ind);
        json_str(bs->backing_fmt);
        printf(",\n");
    }
    printf("%s    \"virtual-size\": %" PRIu64 ",\n%s    \"filename\": ", ind,
           bs->size, ind);
    json_str(bs->filename);
    printf(",\n");
    if (in->cluster_size) {
        printf("%s    \"cluster-size\": %u,\n", ind, in->cluster_size);
    }
    printf("%s    \"format\": \"%s\",\n%s    \"actual-size\": %" PRId64 ",\n",
           ind, bs->drv->name, ind, disk < 0 ? 0 : disk);
    if (in->has_vmdk) {
        vmdk_json(bs, in, ind);
    }
    if (in->has_specific) {
        printf("%s    \"format-specific\": {\n%s        \"type\": \"qcow2\",\n"
               "%s        \"data\": {\n%s            \"compat\": \"%s\",\n"
               "%s            \"compression-type\": \"%s\",\n", ind, ind, ind,
               ind, in->compat == 2 ? "0.10" : "1.1", ind,
               in->compression_type ? "zstd" : "zlib");
        if (in->compat >= 3) {
            printf("%s            \"lazy-refcounts\": %s,\n", ind,
                   in->lazy_refcounts ? "true" : "false");
            bitmaps_json(bs, ind);
        }
        printf("%s            \"refcount-bits\": %d%s\n", ind, in->refcount_bits,
               in->compat >= 3 ? "," : "");
        if (in->data_file[0]) {
            printf("%s            \"data-file\": ", ind);
            json_str(in->data_file);
            printf(",\n%s            \"data-file-raw\": %s,\n", ind,
                   in->data_file_raw ? "true" : "false");
        }
        if (in->compat >= 3) {
            printf("%s            \"corrupt\": %s,\n%s            \"extended-l2\":"
                   " %s\n", ind, in->corrupt ? "true" : "false", ind,
                   in->extended_l2 ? "true" : "false");
        }
        printf("%s        }\n%s    },\n", ind, ind);
    }
    if (bs->backing_file[0]) {
        char *full = blk_backing_path(bs->filename, bs->backing_file);
        printf("%s    \"full-backing-filename\": ", ind);
        json_str(full ? full : bs->backing_file);
        printf(",\n%s    \"backing-filename\": ", ind);
        json_str(bs->backing_file);
        printf(",\n");
        free(full);
    }
    printf("%s    \"dirty-flag\": %s\n%s}", ind, in->dirty ? "true" : "false", ind);
}

int img_info(int argc, char **argv)
{
    const char *fmt = NULL;
    bool json = false, chain = false;
    int c;
    while ((c = getopt_long(argc, argv, "f:hU", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'U': case OPT_OBJECT: break;
        case OPT_OUTPUT: json = parse_output(optarg); break;
        case OPT_CHAIN: chain = true; break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    BlkDev *top = img_open(argv[optind], fmt,
                           chain ? BLK_O_NO_REPAIR : BLK_O_NO_BACKING | BLK_O_NO_REPAIR);
    if (json && chain) {
        printf("[\n");
    }
    for (BlkDev *bs = top; bs; bs = chain ? bs->backing : NULL) {
        BlkInfo in;
        blk_get_info(bs, &in);
        if (json) {
            info_json(bs, &in, chain ? "    " : "");
            printf(chain && bs->backing ? ",\n" : "\n");
        } else {
            if (bs != top) {
                printf("\n");
            }
            info_human(bs, &in);
        }
    }
    if (json && chain) {
        printf("]\n");
    }
    blk_close(top);
    return 0;
}

static void check_json(const char *file, const char *fmt, const BlkCheckResult *r)
{
    printf("{\n");
    if (r->has_stats) {
        printf("    \"image-end-offset\": %" PRIu64 ",\n", r->image_end_offset);
    }
    if (r->compressed_clusters) {
        printf("    \"compressed-clusters\": %" PRId64 ",\n", r->compressed_clusters);
    }
    if (r->has_stats) {
        printf("    \"total-clusters\": %" PRId64 ",\n", r->total_clusters);
    }
    if (r->corruptions) {
        printf("    \"corruptions\": %" PRId64 ",\n", r->corruptions);
    }
    printf("    \"check-errors\": %" PRId64 ",\n", r->check_errors);
    const struct { const char *k; int64_t v; } opt[] = {
        { "leaks", r->leaks }, { "leaks-fixed", r->leaks_fixed },
        { "corruptions-fixed", r->corruptions_fixed },
        { "allocated-clusters", r->allocated_clusters },
    };
    for (size_t i = 0; i < sizeof(opt) / sizeof(opt[0]); i++) {
        if (opt[i].v) {
            printf("    \"%s\": %" PRId64 ",\n", opt[i].k, opt[i].v);
        }
    }
    printf("    \"filename\": ");
    json_str(file);
    printf(",\n    \"format\": \"%s\"", fmt);
    if (r->fragmented_clusters) {
        printf(",\n    \"fragmented-clusters\": %" PRId64, r->fragmented_clusters);
    }
    printf("\n}\n");
}

static void check_human(const BlkCheckResult *r)
{
    if (!r->corruptions && !r->leaks && !r->check_errors) {
        printf("No errors were found on the image.\n");
    }
    if (r->corruptions) {
        printf("\n%" PRId64 " errors were found on the image.\nData may be "
               "corrupted, or further writes to the image may corrupt it.\n",
               r->corruptions);
    }
    if (r->leaks) {
        printf("\n%" PRId64 " leaked clusters were found on the image.\nThis "
               "means waste of disk space, but no harm to data.\n", r->leaks);
    }
    if (r->check_errors) {
        printf("\n%" PRId64 " internal errors have occurred during the check.\n",
               r->check_errors);
    }
    if (r->total_clusters && r->allocated_clusters) {
        printf("%" PRId64 "/%" PRId64 " = %0.2f%% allocated, %0.2f%% fragmented,"
               " %0.2f%% compressed clusters\n", r->allocated_clusters,
               r->total_clusters,
               r->allocated_clusters * 100.0 / r->total_clusters,
               r->fragmented_clusters * 100.0 / r->allocated_clusters,
               r->compressed_clusters * 100.0 / r->allocated_clusters);
    }
    if (r->has_stats && r->image_end_offset) {
        printf("Image end offset: %" PRIu64 "\n", r->image_end_offset);
    }
}

int img_check(int argc, char **argv)
{
    const char *fmt = NULL;
    bool json = false, quiet = false;
    int fix = 0, c;
    while ((c = getopt_long(argc, argv, "f:r:qhU", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'q': quiet = true; break;
        case 'U': case OPT_OBJECT: break;
        case OPT_OUTPUT: json = parse_output(optarg); break;
        case 'r':
            if (!strcmp(optarg, "leaks")) {
                fix = BLK_FIX_LEAKS;
            } else if (!strcmp(optarg, "all")) {
                fix = BLK_FIX_LEAKS | BLK_FIX_ERRORS;
            } else {
                img_die("Unknown option value for -r (expecting 'leaks' or "
                        "'all'): %s", optarg);
            }
            break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    const char *file = argv[optind];
    BlkDev *bs = img_open(file, fmt, (fix ? BLK_O_RDWR : 0) |
                          BLK_O_NO_BACKING | BLK_O_NO_REPAIR);
    BlkCheckResult r;
    int ret = blk_check(bs, &r, fix);
    if (ret == -ENOTSUP && !bs->drv->check) {
        /* qemu-img's status for a format without checks. */
        fprintf(stderr, "guise-img: This image format does not support checks\n");
        blk_close(bs);
        return 63;
    }
    if (ret < 0) {
        fprintf(stderr, "guise-img: Check failed: %s\n", blk_last_error());
        blk_close(bs);
        return 1;
    }
    if ((r.leaks_fixed || r.corruptions_fixed) && !json) {
        if (!quiet) {
            printf("The following inconsistencies were found and repaired:\n\n"
                   "    %" PRId64 " leaked clusters\n    %" PRId64
                   " corruptions\n\nDouble checking the fixed image now...\n",
                   r.leaks_fixed, r.corruptions_fixed);
        }
        if (blk_check(bs, &r, 0) < 0) {
            fprintf(stderr, "guise-img: Check failed: %s\n", blk_last_error());
            blk_close(bs);
            return 1;
        }
    }
    if (json) {
        check_json(file, bs->drv->name, &r);
    } else if (!quiet) {
        check_human(&r);
    }
    blk_close(bs);
    return r.corruptions ? 2 : r.leaks ? 3 : r.check_errors ? 1 : 0;
}

typedef struct MapEntry {
    uint64_t start, len, offset;
    int depth, flags;
    BlkDev *where;
    const char *file;       /* the host file of the data */
} MapEntry;

static bool map_mergeable(const MapEntry *a, const MapEntry *b)
{
    if (a->depth != b->depth || a->flags != b->flags || a->where != b->where ||
        a->file != b->file) {
        return false;
    }
    return !(a->flags & BLK_STAT_OFFSET) || a->offset + a->len == b->offset;
}

static bool map_print(const MapEntry *e, bool json, bool first)
{
    bool data = e->flags & BLK_STAT_DATA, zero = e->flags & BLK_STAT_ZERO;
    bool has_off = e->flags & BLK_STAT_OFFSET;
    if (json) {
        printf("%s{ \"start\": %" PRIu64 ", \"length\": %" PRIu64 ", \"depth\": "
               "%d, \"present\": %s, \"zero\": %s, \"data\": %s", first ? "[" : ",\n",
               e->start, e->len, e->depth,
               (e->flags & BLK_STAT_ALLOCATED) ? "true" : "false",
               zero ? "true" : "false", data ? "true" : "false");
        if (has_off) {
            printf(", \"offset\": %" PRIu64, e->offset);
        }
        putchar('}');
        return true;
    }
    if (data && !has_off) {
        fprintf(stderr, "guise-img: File contains external, encrypted or "
                "compressed clusters.\n");
        return false;
    }
    if (data && !zero) {
        printf("%#-16" PRIx64 "%#-16" PRIx64 "%#-16" PRIx64 "%s\n", e->start,
               e->len, e->offset, e->file);
    }
    return true;
}

int img_map(int argc, char **argv)
{
    const char *fmt = NULL;
    bool json = false;
    uint64_t start = 0, maxlen = UINT64_MAX;
    int c;
    while ((c = getopt_long(argc, argv, "f:hU", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'U': case OPT_OBJECT: break;
        case OPT_OUTPUT: json = parse_output(optarg); break;
        case OPT_START:
            if (!img_parse_size(optarg, &start)) {
                img_die("Invalid start offset specified: '%s'", optarg);
            }
            break;
        case OPT_MAXLEN:
            if (!img_parse_size(optarg, &maxlen)) {
                img_die("Invalid length specified: '%s'", optarg);
            }
            break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    BlkDev *bs = img_open(argv[optind], fmt, BLK_O_NO_REPAIR);
    uint64_t end = bs->size;
    if (start > end) {
        start = end;
    }
    if (maxlen < end - start) {
        end = start + maxlen;
    }
    if (!json) {
        printf("%-16s%-16s%-16s%s\n", "Offset", "Length", "Mapped to", "File");
    }
    MapEntry cur = { 0 };
    bool have = false, first = true, ok = true;
    for (uint64_t off = start; ok && off < end;) {
        MapEntry e = { .start = off };
        int st = blk_chain_status(bs, off, end - off, &e.len, &e.offset,
                                  &e.depth, &e.where);
        if (st < 0) {
            img_die("%s", blk_last_error());
        }
        e.flags = st & (BLK_STAT_DATA | BLK_STAT_ZERO | BLK_STAT_ALLOCATED |
                        BLK_STAT_OFFSET);
        e.file = blk_host_file(e.where, off);
        if (have && map_mergeable(&cur, &e)) {
            cur.len += e.len;
        } else {
            if (have) {
                ok = map_print(&cur, json, first);
                first = false;
            }
            cur = e;
            have = true;
        }
        off += e.len;
    }
    if (ok && have) {
        ok = map_print(&cur, json, first);
    }
    if (json) {
        printf("]\n");
    }
    blk_close(bs);
    return ok ? 0 : 1;
}

static uint64_t div_up(uint64_t a, uint64_t b)
{
    return (a + b - 1) / b;
}

/* Metadata of a fully allocated qcow2 image (qemu's arithmetic). */
static uint64_t qcow2_full_size(uint64_t size, uint64_t cs, int rbits)
{
    uint64_t total = div_up(size, cs) * cs, meta = cs;
    uint64_t nl2e = div_up(total / cs, cs / 8) * (cs / 8);
    meta += nl2e * 8;
    uint64_t nl1e = div_up(nl2e * 8 / cs, cs / 8) * (cs / 8);
    meta += nl1e * 8;
    uint64_t clusters = (meta + total) / cs, rpb = cs * 8 / (uint64_t)rbits;
    uint64_t table = 0, blocks = 0, n = 0, last;
    do {
        last = n;
        blocks = div_up(clusters + table + blocks, rpb);
        table = div_up(blocks, cs / 8);
        n = clusters + blocks + table;
    } while (n != last);
    return meta + (blocks + table) * cs + total;
}

int img_measure(int argc, char **argv)
{
    const char *fmt = NULL, *ofmt = "raw";
    bool json = false, has_size = false;
    BlkCreateOpts o = { 0 };
    uint64_t size = 0, required = 0;
    int c;
    while ((c = getopt_long(argc, argv, "f:O:o:hU", long_opts, NULL)) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'O': ofmt = optarg; break;
        case 'o': img_parse_create_opts(optarg, &o); break;
        case 'U': case OPT_OBJECT: break;
        case OPT_OUTPUT: json = parse_output(optarg); break;
        case OPT_SIZE:
            if (!img_parse_size(optarg, &size)) {
                img_die("Invalid image size specified: '%s'", optarg);
            }
            has_size = true;
            break;
        default: return 1;
        }
    }
    if (has_size == (optind < argc)) {
        img_die("Either --size N or one filename must be specified.");
    }
    bool qcow2 = !strcmp(ofmt, "qcow2");
    if (!qcow2 && strcmp(ofmt, "raw")) {
        img_die("Format driver '%s' does not support measure", ofmt);
    }
    uint64_t cs = o.cluster_size ? o.cluster_size : 65536;
    bool bitmaps = false;
    if (!has_size) {
        BlkDev *bs = img_open(argv[optind], fmt, BLK_O_NO_REPAIR);
        BlkInfo in;
        blk_get_info(bs, &in);
        /* Only inputs that can hold persistent bitmaps report their size. */
        bitmaps = qcow2 && in.has_specific && in.compat >= 3 && o.compat != 2;
        size = bs->size;
        for (uint64_t off = 0, pnum, host; off < size; off += pnum) {
            int depth;
            BlkDev *where;
            int st = blk_chain_status(bs, off, size - off, &pnum, &host, &depth,
                                      &where);
            if (st < 0) {
                img_die("%s", blk_last_error());
            }
            if (!(st & BLK_STAT_ZERO) && (st & BLK_STAT_DATA)) {
                pnum = div_up(off + pnum, cs) * cs - off;
                required += off % cs + pnum;
            }
        }
        blk_close(bs);
    }
    uint64_t full = div_up(size, 512) * 512;
    if (qcow2) {
        full = qcow2_full_size(size, cs, o.refcount_bits ? o.refcount_bits : 16);
        required = full - div_up(size, cs) * cs + required;
    } else {
        required = full;
    }
    if (json) {
        printf("{\n");
        if (bitmaps) {
            printf("    \"bitmaps\": 0,\n");
        }
        printf("    \"required\": %" PRIu64 ",\n    \"fully-allocated\": %" PRIu64
               "\n}\n", required, full);
    } else {
        printf("required size: %" PRIu64 "\nfully allocated size: %" PRIu64 "\n",
               required, full);
        if (bitmaps) {
            printf("bitmaps size: 0\n");
        }
    }
    return 0;
}

/* snapshot -c/-a/-d: one operation on a writable image. */
static const struct {
    int opt;
    BlkSnapshotOp op;
    const char *verb;
} snapshot_ops[] = {
    { 'c', BLK_SNAP_CREATE, "create" },
    { 'a', BLK_SNAP_APPLY, "apply" },
    { 'd', BLK_SNAP_DELETE, "delete" },
};

int img_snapshot(int argc, char **argv)
{
    const char *fmt = NULL, *name = NULL;
    int action = 0, c;
    bool quiet = false;
    while ((c = getopt(argc, argv, "f:lc:a:d:qU")) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'q': quiet = true; break;
        case 'U': break;
        case 'l': case 'c': case 'a': case 'd':
            if (action) {
                img_die("Cannot mix '-l', '-a', '-c', '-d'");
            }
            action = c;
            name = optarg;
            break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    if (!action) {
        img_die("snapshot needs one of -l, -c, -a or -d");
    }
    for (size_t i = 0; i < sizeof(snapshot_ops) / sizeof(snapshot_ops[0]); i++) {
        if (snapshot_ops[i].opt != action) {
            continue;
        }
        BlkDev *bs = img_open(argv[optind], fmt, BLK_O_RDWR | BLK_O_NO_BACKING);
        if (blk_snapshot(bs, snapshot_ops[i].op, name) < 0) {
            img_die("Could not %s snapshot '%s': %s", snapshot_ops[i].verb,
                    name, blk_last_error());
        }
        blk_close(bs);
        return 0;
    }
    BlkDev *bs = img_open(argv[optind], fmt, BLK_O_NO_BACKING | BLK_O_NO_REPAIR);
    BlkSnapshot *sn;
    int n = blk_snapshot_list(bs, &sn);
    if (n < 0) {
        img_die("%s", blk_last_error());
    }
    if (n > 0 && !quiet) {
        printf("Snapshot list:\n");
        snapshots_human(sn, n);
    }
    free(sn);
    blk_close(bs);
    return 0;
}
