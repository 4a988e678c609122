/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise-img's copying commands: convert (any format to any, -c compressed
 * qcow2, qcow and streamOptimized vmdk output, -B backing file for the
 * output, sparse detection with -S, progress with -p, several sources
 * concatenated), compare, dd, bench, rebase (safe, copying
 * what the backing change would alter, or -u: the header only) and
 * commit (the overlay's clusters into its backing file, then emptied).
 *
 * convert skips what reads as zeros in the source (block status through
 * the backing chain, then a scan of the data for zero blocks) when the
 * target is fresh, so sparse stays sparse; with -n the target exists and
 * zeros are written.  compare reads both images in step and names the
 * first differing 512-byte sector, as qemu-img does.
 */
#include "img/img.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHUNK (1u << 20)

static bool all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i]) {
            return false;
        }
    }
    return true;
}

static void progress(bool on, uint64_t done, uint64_t total)
{
    if (on) {
        printf("    (%.2f/100%%)\r", total ? done * 100.0 / (double)total : 100.0);
        fflush(stdout);
    }
}

typedef struct Conv {
    BlkDev *out;
    bool compress, fresh;
    bool backed;            /* -B: what the source's backing holds stays */
    uint64_t gran;          /* zero-detection granularity */
    uint8_t *buf;
} Conv;

/* Writes buf (n bytes for output offset off), skipping zero blocks. */
static void conv_write(Conv *cv, uint64_t off, const uint8_t *buf, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t step = cv->gran - (size_t)((off + i) % cv->gran);
        step = step < n - i ? step : n - i;
        if (cv->gran && cv->fresh && !cv->backed && all_zero(buf + i, step)) {
            i += step;
            continue;
        }
        int ret = cv->compress && step == cv->gran
            ? blk_pwrite_compressed(cv->out, off + i, buf + i, step)
            : blk_pwrite(cv->out, off + i, buf + i, step);
        if (ret < 0) {
            img_die("error while writing at byte %" PRIu64 ": %s", off + i,
                    blk_last_error());
        }
        i += step;
    }
}

/* Copies one source to output offset base. */
static void conv_source(Conv *cv, BlkDev *src, uint64_t base, bool prog,
                        uint64_t *done, uint64_t total)
{
    for (uint64_t off = 0; off < src->size;) {
        uint64_t n = src->size - off, host;
        int depth;
        BlkDev *where;
        uint64_t lim = CHUNK - (base + off) % CHUNK;
        /* Compressing: one whole output cluster at a time, so that runs
         * of data that end inside a cluster are compressed too. */
        if (cv->compress) {
            lim = cv->gran - (base + off) % cv->gran;
        }
        n = n < lim ? n : lim;
        uint64_t want = n;
        int st = blk_chain_status(src, off, n, &n, &host, &depth, &where);
        if (st < 0) {
            img_die("error while reading at byte %" PRIu64 ": %s", off,
                    blk_last_error());
        }
        if (cv->compress && n < want && !(cv->backed && depth > 0)) {
            st &= ~BLK_STAT_ZERO;       /* part data: read it all */
            n = want;
        }
        if (((st & BLK_STAT_ZERO) && cv->fresh && !cv->backed) ||
            (cv->backed && depth > 0)) {
            off += n;
        } else {
            if (blk_pread(src, off, cv->buf, (size_t)n) < 0) {
                img_die("error while reading at byte %" PRIu64 ": %s", off,
                        blk_last_error());
            }
            conv_write(cv, base + off, cv->buf, (size_t)n);
            off += n;
        }
        *done += n;
        progress(prog, *done, total);
    }
}

int img_convert(int argc, char **argv)
{
    const char *fmt = NULL, *ofmt = "raw";
    bool prog = false, quiet = false, nocreate = false;
    uint64_t sparse = 4096;
    Conv cv = { 0 };
    BlkCreateOpts o = { 0 };
    int c;
    while ((c = getopt(argc, argv, "cpqnf:O:o:S:B:F:m:Wt:T:U")) != -1) {
        switch (c) {
        case 'c': cv.compress = true; break;
        case 'p': prog = true; break;
        case 'q': quiet = true; break;
        case 'n': nocreate = true; break;
        case 'f': fmt = optarg; break;
        case 'O': ofmt = optarg; break;
        case 'o': img_parse_create_opts(optarg, &o); break;
        case 'S':
            if (!img_parse_size(optarg, &sparse)) {
                img_die("Invalid buffer size for sparse output specified");
            }
            break;
        case 'B': o.backing_file = optarg; break;
        case 'F': o.backing_fmt = optarg; break;
        case 'm': case 'W': case 't': case 'T': case 'U': break;
        default: return 1;
        }
    }
    prog = prog && !quiet;
    if (argc - optind < 2) {
        img_die("Expecting image file names (sources and output)");
    }
    int nsrc = argc - optind - 1;
    const char *outname = argv[argc - 1];
    BlkDev **src = calloc((size_t)nsrc, sizeof(*src));
    uint64_t total = 0;
    for (int i = 0; i < nsrc; i++) {
        src[i] = img_open(argv[optind + i], fmt, BLK_O_NO_REPAIR);
        total += src[i]->size;
    }
    /* Formats that store compressed clusters (vmdk: stream files only). */
    if (cv.compress && strcmp(ofmt, "qcow2") && strcmp(ofmt, "qcow") &&
        !(!strcmp(ofmt, "vmdk") && o.subformat &&
          !strcmp(o.subformat, "streamOptimized"))) {
        img_die("Compression not supported for this file format");
    }
    if (o.backing_file && nocreate) {
        img_die("-B and -n cannot be used together");
    }
    cv.backed = o.backing_file != NULL;
    if (!nocreate) {
        o.size = total;
        if (blk_create(outname, ofmt, &o) < 0) {
            img_die("%s: error while converting %s: %s", outname, ofmt,
                    blk_last_error());
        }
    }
    /* With -B, partial clusters are completed from the new backing file. */
    cv.out = img_open(outname, nocreate ? NULL : ofmt,
                      BLK_O_RDWR | (cv.backed ? 0 : BLK_O_NO_BACKING));
    if (cv.out->size < total) {
        img_die("Output image is too small (%" PRIu64 " < %" PRIu64 " bytes)",
                cv.out->size, total);
    }
    BlkInfo in;
    blk_get_info(cv.out, &in);
    cv.fresh = !nocreate;
    cv.gran = sparse;
    if (cv.compress) {
        cv.gran = in.cluster_size;      /* one compressed cluster per write */
    } else if (in.cluster_size && cv.gran) {
        cv.gran = in.cluster_size > cv.gran ? in.cluster_size : cv.gran;
    }
    if (!cv.gran) {
        cv.gran = CHUNK;
        cv.fresh = false;
    }
    /* -c reads a whole cluster at once: clusters may exceed CHUNK. */
    cv.buf = malloc(cv.gran > CHUNK ? cv.gran : CHUNK);
    uint64_t done = 0, base = 0;
    progress(prog, 0, total);
    for (int i = 0; i < nsrc; i++) {
        conv_source(&cv, src[i], base, prog, &done, total);
        base += src[i]->size;
        blk_close(src[i]);
    }
    if (blk_flush(cv.out) < 0) {
        img_die("error while flushing '%s': %s", outname, blk_last_error());
    }
    if (prog) {
        printf("    (100.00/100%%)\n");
    }
    blk_close(cv.out);
    free(cv.buf);
    free(src);
    return 0;
}

/* Opens for compare; failures there exit 2, as qemu-img compare does. */
static BlkDev *cmp_open(const char *file, const char *fmt)
{
    BlkDev *bs;
    if (blk_open(&bs, file, fmt, BLK_O_NO_REPAIR) < 0) {
        fprintf(stderr, "guise-img: %s\n", blk_last_error());
        exit(2);
    }
    return bs;
}

static int64_t first_diff(const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i += 512) {
        size_t k = n - i < 512 ? n - i : 512;
        if (memcmp(a + i, b + i, k)) {
            return (int64_t)i;
        }
    }
    return -1;
}

int img_compare(int argc, char **argv)
{
    const char *f1 = NULL, *f2 = NULL;
    bool strict = false, quiet = false;
    int c;
    while ((c = getopt(argc, argv, "f:F:pqsU")) != -1) {
        switch (c) {
        case 'f': f1 = optarg; break;
        case 'F': f2 = optarg; break;
        case 's': strict = true; break;
        case 'q': quiet = true; break;
        case 'p': case 'U': break;
        default: return 2;
        }
    }
    if (argc - optind != 2) {
        fprintf(stderr, "guise-img: Expecting two image file names\n");
        return 2;
    }
    BlkDev *a = cmp_open(argv[optind], f1), *b = cmp_open(argv[optind + 1], f2);
    if (strict && a->size != b->size) {
        if (!quiet) {
            printf("Strict mode: Image size mismatch!\n");
        }
        return 1;
    }
    uint64_t big = a->size > b->size ? a->size : b->size;
    uint8_t *ba = malloc(CHUNK), *bb = malloc(CHUNK);
    int ret = 0;
    for (uint64_t off = 0; off < big && !ret; off += CHUNK) {
        size_t n = big - off < CHUNK ? (size_t)(big - off) : CHUNK;
        memset(ba, 0, n);
        memset(bb, 0, n);
        /* Past the end of the smaller image counts as zeros. */
        size_t na = off >= a->size ? 0 : (size_t)(a->size - off < n ? a->size - off : n);
        size_t nb = off >= b->size ? 0 : (size_t)(b->size - off < n ? b->size - off : n);
        if ((na && blk_pread(a, off, ba, na) < 0) ||
            (nb && blk_pread(b, off, bb, nb) < 0)) {
            fprintf(stderr, "guise-img: Error while reading offset %" PRIu64
                    ": %s\n", off, blk_last_error());
            ret = 2;
            break;
        }
        int64_t d = first_diff(ba, bb, n);
        if (d >= 0) {
            if (!quiet) {
                printf("Content mismatch at offset %" PRIu64 "!\n", off + (uint64_t)d);
            }
            ret = 1;
        }
    }
    if (!ret && !quiet) {
        printf("Images are identical.\n");
    }
    free(ba);
    free(bb);
    blk_close(a);
    blk_close(b);
    return ret;
}

/* One "key=value" operand of dd. */
static void dd_operand(const char *arg, uint64_t *bs, uint64_t *count,
                       uint64_t *skip, const char **in, const char **out)
{
    const char *v = strchr(arg, '=');
    if (!v) {
        img_die("unrecognized operand %s", arg);
    }
    v++;
    size_t k = (size_t)(v - arg - 1);
    uint64_t *num = !strncmp(arg, "bs", k) && k == 2 ? bs
                  : !strncmp(arg, "count", k) && k == 5 ? count
                  : !strncmp(arg, "skip", k) && k == 4 ? skip : NULL;
    if (num) {
        if (!img_parse_size(v, num) || (num == bs && *bs == 0)) {
            img_die("invalid number: '%s'", v);
        }
    } else if (k == 2 && !strncmp(arg, "if", 2)) {
        *in = v;
    } else if (k == 2 && !strncmp(arg, "of", 2)) {
        *out = v;
    } else {
        img_die("unrecognized operand %s", arg);
    }
}

int img_dd(int argc, char **argv)
{
    const char *fmt = NULL, *ofmt = "raw", *in = NULL, *out = NULL;
    uint64_t bsz = 512, count = UINT64_MAX, skip = 0;
    int c;
    while ((c = getopt(argc, argv, "f:O:U")) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'O': ofmt = optarg; break;
        case 'U': break;
        default: return 1;
        }
    }
    for (int i = optind; i < argc; i++) {
        dd_operand(argv[i], &bsz, &count, &skip, &in, &out);
    }
    if (!in || !out) {
        img_die("Must specify both input and output files");
    }
    BlkDev *src = img_open(in, fmt, BLK_O_NO_REPAIR);
    uint64_t start = skip * bsz;
    if (skip && start / skip != bsz) {
        img_die("invalid skip");
    }
    uint64_t len = start < src->size ? src->size - start : 0;
    if (count != UINT64_MAX && count * bsz / bsz == count && count * bsz < len) {
        len = count * bsz;
    }
    BlkCreateOpts o = { .size = len };
    if (blk_create(out, ofmt, &o) < 0) {
        img_die("%s: %s", out, blk_last_error());
    }
    BlkDev *dst = img_open(out, ofmt, BLK_O_RDWR | BLK_O_NO_BACKING);
    uint8_t *buf = malloc(CHUNK);
    for (uint64_t off = 0; off < len; off += CHUNK) {
        size_t n = len - off < CHUNK ? (size_t)(len - off) : CHUNK;
        if (blk_pread(src, start + off, buf, n) < 0 ||
            blk_pwrite(dst, off, buf, n) < 0) {
            img_die("%s", blk_last_error());
        }
    }
    free(buf);
    blk_close(src);
    if (blk_flush(dst) < 0) {
        img_die("%s", blk_last_error());
    }
    blk_close(dst);
    return 0;
}

int img_bench(int argc, char **argv)
{
    const char *fmt = NULL;
    uint64_t count = 75000, bufsize = 4096, step = 0, offset = 0, v;
    bool write = false, quiet = false;
    int c;
    while ((c = getopt(argc, argv, "c:d:f:no:qs:S:t:wi:U")) != -1) {
        switch (c) {
        case 'c': if (!img_parse_size(optarg, &count) || !count) img_die("Invalid request count specified"); break;
        case 'f': fmt = optarg; break;
        case 'o': if (!img_parse_size(optarg, &offset)) img_die("Invalid offset specified"); break;
        case 's': if (!img_parse_size(optarg, &bufsize) || !bufsize || bufsize > (64u << 20)) img_die("Invalid buffer size specified"); break;
        case 'S': if (!img_parse_size(optarg, &v)) img_die("Invalid step size specified"); step = v; break;
        case 'w': write = true; break;
        case 'q': quiet = true; break;
        case 'd': case 'n': case 't': case 'i': case 'U': break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    if (!step) {
        step = bufsize;
    }
    BlkDev *bs = img_open(argv[optind], fmt, write ? BLK_O_RDWR : BLK_O_NO_REPAIR);
    if (bufsize > bs->size) {
        img_die("Buffer size larger than the image");
    }
    if (!quiet) {
        printf("Sending %" PRIu64 " %s requests, %" PRIu64 " bytes each, 1 in "
               "parallel (starting at offset %" PRIu64 ", step size %" PRIu64 ")\n",
               count, write ? "write" : "read", bufsize, offset, step);
    }
    uint8_t *buf = malloc(bufsize);
    memset(buf, write ? 0xa5 : 0, bufsize);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint64_t off = offset;
    for (uint64_t i = 0; i < count; i++) {
        if (off + bufsize > bs->size) {
            off = 0;
        }
        int ret = write ? blk_pwrite(bs, off, buf, bufsize)
                        : blk_pread(bs, off, buf, bufsize);
        if (ret < 0) {
            img_die("Failed request: %s", blk_last_error());
        }
        off += step;
    }
    if (write && blk_flush(bs) < 0) {
        img_die("%s", blk_last_error());
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!quiet) {
        printf("Run completed in %3.3f seconds.\n",
               (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    }
    free(buf);
    blk_close(bs);
    return 0;
}

/* Reads [off, off+n) of a backing layer; past its end (or none): zeros. */
static int read_layer(BlkDev *bs, uint64_t off, uint8_t *buf, size_t n)
{
    memset(buf, 0, n);
    if (!bs || off >= bs->size) {
        return 0;
    }
    uint64_t k = bs->size - off < n ? bs->size - off : n;
    return blk_pread(bs, off, buf, (size_t)k);
}

/* Safe rebase: what the overlay reads through the old chain must not
 * change, so ranges it leaves to the backing file and where the old and
 * new backing files differ are copied into it first. */
static void rebase_copy(BlkDev *top, BlkDev *nb, bool prog)
{
    uint8_t *a = malloc(CHUNK), *b = malloc(CHUNK);
    for (uint64_t off = 0, pnum, host; off < top->size; off += pnum) {
        uint64_t n = top->size - off < CHUNK ? top->size - off : CHUNK;
        int st = blk_block_status(top, off, n, &pnum, &host);
        if (st < 0) {
            img_die("Could not read '%s': %s", top->filename, blk_last_error());
        }
        if (!(st & BLK_STAT_ALLOCATED)) {
            if (read_layer(top->backing, off, a, (size_t)pnum) < 0 ||
                read_layer(nb, off, b, (size_t)pnum) < 0) {
                img_die("error while reading at byte %" PRIu64 ": %s", off,
                        blk_last_error());
            }
            /* Only the 64 KiB pieces that differ: the overlay stays small. */
            for (uint64_t i = 0; i < pnum;) {
                uint64_t k = 65536 - (off + i) % 65536;
                k = k < pnum - i ? k : pnum - i;
                if (memcmp(a + i, b + i, (size_t)k) &&
                    blk_pwrite(top, off + i, a + i, (size_t)k) < 0) {
                    img_die("error while writing at byte %" PRIu64 ": %s",
                            off + i, blk_last_error());
                }
                i += k;
            }
        }
        progress(prog, off + pnum, top->size);
    }
    free(a);
    free(b);
}

int img_rebase(int argc, char **argv)
{
    const char *fmt = NULL, *bfmt = NULL, *backing = NULL;
    bool unsafe = false, prog = false, quiet = false;
    int c;
    while ((c = getopt(argc, argv, "f:F:b:upqt:T:U")) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'F': bfmt = optarg; break;
        case 'b': backing = optarg; break;
        case 'u': unsafe = true; break;
        case 'p': prog = true; break;
        case 'q': quiet = true; break;
        case 't': case 'T': case 'U': break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    if (!backing) {
        img_die("Must specify backing file (-b)");
    }
    const char *file = argv[optind];
    BlkDev *top = img_open(file, fmt, BLK_O_RDWR | (unsafe ? BLK_O_NO_BACKING : 0));
    BlkDev *nb = NULL;
    if (*backing) {
        char *path = blk_backing_path(file, backing);
        if (!unsafe || !bfmt) {
            nb = img_open(path, bfmt, BLK_O_NO_REPAIR);
            bfmt = bfmt ? bfmt : nb->drv->name;
        }
        free(path);
    }
    if (!unsafe) {
        rebase_copy(top, nb, prog && !quiet);
        if (blk_flush(top) < 0) {
            img_die("Could not flush '%s': %s", file, blk_last_error());
        }
    }
    if (blk_change_backing(top, *backing ? backing : NULL, bfmt) < 0) {
        img_die("Could not change the backing file to '%s': %s", backing,
                blk_last_error());
    }
    if (prog && !quiet) {
        printf("    (100.00/100%%)\n");
    }
    blk_close(nb);
    blk_close(top);
    return 0;
}

int img_commit(int argc, char **argv)
{
    const char *fmt = NULL;
    bool keep = false, prog = false, quiet = false;
    int c;
    while ((c = getopt(argc, argv, "f:dpqt:b:rU")) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'd': keep = true; break;
        case 'p': prog = true; break;
        case 'q': quiet = true; break;
        case 'b': img_die("commit -b is not supported yet");
        case 't': case 'r': case 'U': break;
        default: return 1;
        }
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    const char *file = argv[optind];
    BlkDev *top = img_open(file, fmt, BLK_O_RDWR | BLK_O_NO_BACKING);
    if (!top->backing_file[0]) {
        img_die("Image does not have a backing file");
    }
    char *path = blk_backing_path(file, top->backing_file);
    BlkDev *base = img_open(path, top->backing_fmt[0] ? top->backing_fmt : NULL,
                            BLK_O_RDWR);
    free(path);
    if (base->size < top->size && blk_truncate(base, top->size) < 0) {
        img_die("Could not grow the backing file: %s", blk_last_error());
    }
    uint8_t *buf = malloc(CHUNK);
    for (uint64_t off = 0, pnum, host; off < top->size; off += pnum) {
        uint64_t n = top->size - off < CHUNK ? top->size - off : CHUNK;
        int st = blk_block_status(top, off, n, &pnum, &host);
        if (st < 0 || ((st & BLK_STAT_ALLOCATED) &&
                       (blk_pread(top, off, buf, (size_t)pnum) < 0 ||
                        blk_pwrite(base, off, buf, (size_t)pnum) < 0))) {
            img_die("error while committing at byte %" PRIu64 ": %s", off,
                    blk_last_error());
        }
        progress(prog && !quiet, off + pnum, top->size);
    }
    free(buf);
    if (blk_flush(base) < 0) {
        img_die("Could not flush '%s': %s", base->filename, blk_last_error());
    }
    blk_close(base);
    /* The data now lives in the backing file: the overlay gives it back. */
    if (!keep && blk_make_empty(top) < 0) {
        img_die("Could not empty '%s': %s", file, blk_last_error());
    }
    blk_close(top);
    if (prog && !quiet) {
        printf("    (100.00/100%%)\n");
    }
    if (!quiet) {
        printf("Image committed.\n");
    }
    return 0;
}
