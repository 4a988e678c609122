/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise-img: the disk image tool, a command-line front to the block layer
 * (block/block.h) whose commands, options and output follow qemu-img so
 * that scripts carry over.  This file holds main(), the command table,
 * the helpers every command shares (sizes, -o option lists, opening) and
 * the small commands create, resize and amend; see img.h for the others.
 */
#include "img/img.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct ImgCommand {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *usage;
} ImgCommand;

static const ImgCommand commands[] = {
    { "amend",   img_amend,   "amend [-f fmt] [-p] [-q] [--force] -o options filename" },
    { "bench",   img_bench,   "bench [-c count] [-f fmt] [-n] [-o offset] [-s buffer_size] [-S step_size] [-w] [-q] filename" },
    { "check",   img_check,   "check [-q] [-f fmt] [--output=ofmt] [-r [leaks | all]] filename" },
    { "commit",  img_commit,  "commit [-f fmt] [-d] [-p] [-q] filename" },
    { "compare", img_compare, "compare [-f fmt] [-F fmt] [-p] [-q] [-s] filename1 filename2" },
    { "convert", img_convert, "convert [-c] [-p] [-q] [-n] [-f fmt] [-O output_fmt] [-B backing_file [-F backing_fmt]] [-o options] [-S sparse_size] filename [filename2 [...]] output_filename" },
    { "create",  img_create,  "create [-q] [-f fmt] [-b backing_file [-F backing_fmt]] [-o options] filename [size]" },
    { "dd",      img_dd,      "dd [-f fmt] [-O output_fmt] [bs=block_size] [count=blocks] [skip=blocks] if=input of=output" },
    { "info",    img_info,    "info [-f fmt] [--output=ofmt] [--backing-chain] filename" },
    { "map",     img_map,     "map [-f fmt] [--output=ofmt] [--start-offset=offset] [--max-length=len] filename" },
    { "measure", img_measure, "measure [--output=ofmt] [-O output_fmt] [-o options] [--size N | [-f fmt] filename]" },
    { "rebase",  img_rebase,  "rebase [-f fmt] [-F backing_fmt] [-u] [-p] [-q] -b backing_file filename" },
    { "resize",  img_resize,  "resize [-f fmt] [--shrink] [-q] filename [+ | -]size" },
    { "snapshot", img_snapshot, "snapshot [-f fmt] [-q] [-l | -a snapshot | -c snapshot | -d snapshot] filename" },
};

void img_die(const char *fmt, ...)
{
    va_list ap;
    fputs("guise-img: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

BlkDev *img_open(const char *filename, const char *fmt, int flags)
{
    BlkDev *bs;
    if (blk_open(&bs, filename, fmt, flags) < 0) {
        img_die("%s", blk_last_error());
    }
    return bs;
}

bool img_parse_size(const char *s, uint64_t *out)
{
    static const char units[] = "BKMGTPE";
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || v < 0 || *s == '-' || *s == '+') {
        return false;
    }
    int shift = 0;
    if (*end) {
        const char *u = strchr(units, *end & ~0x20);
        if (!u || end[1]) {
            return false;
        }
        shift = (int)(u - units) * 10;
    }
    double bytes = ldexp(v, shift);
    if (bytes >= 18446744073709551616.0 || bytes != floor(bytes)) {
        return false;
    }
    *out = (uint64_t)bytes;
    return true;
}

static bool parse_bool(const char *key, const char *v)
{
    if (!strcmp(v, "on") || !strcmp(v, "true")) {
        return true;
    }
    if (!strcmp(v, "off") || !strcmp(v, "false")) {
        return false;
    }
    img_die("Parameter '%s' expects 'on' or 'off'", key);
}

/* One key=value of -o. */
static void create_opt(BlkCreateOpts *o, const char *key, const char *v)
{
    uint64_t n;
    if (!strcmp(key, "size")) {
        if (!img_parse_size(v, &o->size)) {
            img_die("Invalid image size specified: '%s'", v);
        }
    } else if (!strcmp(key, "cluster_size")) {
        if (!img_parse_size(v, &n) || n > UINT32_MAX) {
            img_die("Invalid cluster_size '%s'", v);
        }
        o->cluster_size = (uint32_t)n;
    } else if (!strcmp(key, "compat")) {
        if (!strcmp(v, "0.10") || !strcmp(v, "v2")) {
            o->compat = 2;
        } else if (!strcmp(v, "1.1") || !strcmp(v, "v3")) {
            o->compat = 3;
        } else {
            img_die("Invalid parameter value for 'compat': '%s'", v);
        }
    } else if (!strcmp(key, "refcount_bits")) {
        o->refcount_bits = atoi(v);
    } else if (!strcmp(key, "lazy_refcounts")) {
        o->lazy_refcounts = parse_bool(key, v);
    } else if (!strcmp(key, "backing_file")) {
        o->backing_file = v;
    } else if (!strcmp(key, "backing_fmt")) {
        o->backing_fmt = v;
    } else if (!strcmp(key, "subformat")) {
        o->subformat = v;
    } else if (!strcmp(key, "adapter_type")) {
        o->adapter_type = v;
    } else if (!strcmp(key, "hwversion")) {
        o->hwversion = v;
    } else if (!strcmp(key, "toolsversion")) {
        o->toolsversion = v;
    } else if (!strcmp(key, "compat6")) {
        o->compat6 = parse_bool(key, v);
    } else if (!strcmp(key, "zeroed_grain")) {
        o->zeroed_grain = parse_bool(key, v);
    } else if (!strcmp(key, "extended_l2")) {
        o->extended_l2 = parse_bool(key, v);
    } else if (!strcmp(key, "data_file")) {
        o->data_file = v;
    } else if (!strcmp(key, "data_file_raw")) {
        o->data_file_raw = parse_bool(key, v);
    } else if (!strcmp(key, "compression_type")) {
        if (strcmp(v, "zlib") && strcmp(v, "zstd")) {
            img_die("Invalid parameter value for 'compression_type': '%s'", v);
        }
        o->compression_type = strcmp(v, "zstd") ? BLK_COMPRESS_ZLIB
                                                : BLK_COMPRESS_ZSTD;
    } else if (!strcmp(key, "preallocation")) {
        if (strcmp(v, "off")) {
            img_die("Option %s=%s is not supported yet", key, v);
        }
    } else {
        img_die("Invalid parameter '%s'", key);
    }
}

void img_parse_create_opts(const char *list, BlkCreateOpts *o)
{
    /* The option strings point into the copies: they live until exit. */
    static char *copies[16];
    static size_t n_copies;
    char *copy = strdup(list), *save = NULL;
    if (!copy || n_copies == sizeof(copies) / sizeof(copies[0])) {
        img_die("Too many -o options");
    }
    copies[n_copies++] = copy;
    for (char *kv = strtok_r(copy, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq) {
            img_die("Invalid option '%s': expected key=value", kv);
        }
        *eq = 0;
        create_opt(o, kv, eq + 1);
    }
}

void img_size_str(uint64_t v, char *buf, size_t len)
{
    static const char *const sfx[] = { "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };
    int e;
    frexp((double)v / (1000.0 / 1024.0), &e);
    int i = e > 0 ? (e - 1) / 10 : 0;
    if (i > 6) {
        i = 6;
    }
    snprintf(buf, len, "%0.3g %sB", (double)v / (double)(1ull << (i * 10)), sfx[i]);
}

int64_t img_allocated_size(const char *filename)
{
    struct stat st;
    return stat(filename, &st) < 0 ? -errno : (int64_t)st.st_blocks * 512;
}

static void print_create_line(const char *file, const char *fmt,
                              const BlkCreateOpts *o)
{
    printf("Formatting '%s', fmt=%s", file, fmt);
    if (!strcmp(fmt, "qcow2")) {
        printf(" cluster_size=%u extended_l2=%s compression_type=%s",
               o->cluster_size ? o->cluster_size : 65536,
               o->extended_l2 ? "on" : "off",
               o->compression_type ? "zstd" : "zlib");
    }
    printf(" size=%llu", (unsigned long long)o->size);
    if (o->backing_file) {
        printf(" backing_file=%s", o->backing_file);
    }
    if (o->backing_fmt) {
        printf(" backing_fmt=%s", o->backing_fmt);
    }
    if (o->data_file) {
        printf(" data_file=%s data_file_raw=%s", o->data_file,
               o->data_file_raw ? "on" : "off");
    }
    if (!strcmp(fmt, "vmdk")) {
        printf(" compat6=%s hwversion=%s", o->compat6 ? "on" : "off",
               o->hwversion ? o->hwversion : "undefined");
        if (o->subformat) {
            printf(" subformat=%s", o->subformat);
        }
    }
    if (!strcmp(fmt, "qcow2")) {
        if (o->compat == 2) {
            printf(" compat=0.10");
        }
        printf(" lazy_refcounts=%s refcount_bits=%d",
               o->lazy_refcounts ? "on" : "off",
               o->refcount_bits ? o->refcount_bits : 16);
    }
    printf("\n");
}

int img_create(int argc, char **argv)
{
    const char *fmt = "raw";
    bool quiet = false;
    BlkCreateOpts o = { 0 };
    int c;
    while ((c = getopt(argc, argv, "qf:b:F:o:u")) != -1) {
        switch (c) {
        case 'q': quiet = true; break;
        case 'f': fmt = optarg; break;
        case 'b': o.backing_file = optarg; break;
        case 'F': o.backing_fmt = optarg; break;
        case 'o': img_parse_create_opts(optarg, &o); break;
        case 'u': break;
        default: return 1;
        }
    }
    if (optind >= argc) {
        img_die("Expecting image file name");
    }
    const char *file = argv[optind++];
    if (optind >= argc && !o.backing_file && !o.size) {
        img_die("Image creation needs a size parameter");
    }
    if (optind < argc && !img_parse_size(argv[optind], &o.size)) {
        img_die("Invalid image size specified. You may use k, M, G, T, P or E "
                "suffixes for kilobytes, megabytes, gigabytes, terabytes, "
                "petabytes and exabytes.");
    }
    if (optind < argc) {
        optind++;
    }
    if (optind < argc) {
        img_die("Unexpected argument: %s", argv[optind]);
    }
    if (o.backing_file && !o.size) {
        char *path = blk_backing_path(file, o.backing_file);
        BlkDev *b = img_open(path, o.backing_fmt, 0);
        o.size = b->size;
        if (!o.backing_fmt) {
            o.backing_fmt = b->drv->name;
        }
        blk_close(b);
        free(path);
    }
    if (!blk_find_driver(fmt)) {
        img_die("Unknown file format '%s' (known: %s)", fmt, blk_driver_names());
    }
    if (!quiet) {
        print_create_line(file, fmt, &o);
    }
    if (blk_create(file, fmt, &o) < 0) {
        img_die("%s: %s", file, blk_last_error());
    }
    return 0;
}

int img_resize(int argc, char **argv)
{
    const char *fmt = NULL;
    bool quiet = false, shrink = false;
    static const struct option longopts[] = {
        { "shrink", no_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    /* "-1G" must not be taken for an option: stop at the first non-option. */
    while ((c = getopt_long(argc, argv, "+qf:", longopts, NULL)) != -1) {
        switch (c) {
        case 'q': quiet = true; break;
        case 'f': fmt = optarg; break;
        case 's': shrink = true; break;
        default: return 1;
        }
    }
    if (argc - optind != 2) {
        img_die("Expecting image file name and size");
    }
    const char *file = argv[optind], *arg = argv[optind + 1];
    int sign = *arg == '+' ? 1 : *arg == '-' ? -1 : 0;
    uint64_t n;
    if (!img_parse_size(arg + (sign != 0), &n)) {
        img_die("Invalid image size specified: '%s'", arg);
    }
    BlkDev *bs = img_open(file, fmt, BLK_O_RDWR | BLK_O_NO_BACKING);
    uint64_t size = sign > 0 ? bs->size + n : sign < 0 ? bs->size - n : n;
    if (sign < 0 && n > bs->size) {
        img_die("New image size must be positive");
    }
    if (size < bs->size && !shrink) {
        img_die("Use the --shrink option to perform a shrink operation.");
    }
    if (blk_truncate(bs, size) < 0) {
        img_die("%s", blk_last_error());
    }
    blk_close(bs);
    if (!quiet) {
        printf("Image resized.\n");
    }
    return 0;
}

/* One key=value of amend -o, applied now; size and backing handled here. */
static void amend_one(BlkDev *bs, const char *key, const char *v,
                      const char **bfile, const char **bfmt)
{
    uint64_t n;
    int ret;
    if (!strcmp(key, "size")) {
        if (!img_parse_size(v, &n)) {
            img_die("Invalid image size specified: '%s'", v);
        }
        ret = n == bs->size ? 0 : blk_truncate(bs, n);
    } else if (!strcmp(key, "backing_file")) {
        *bfile = v;
        return;
    } else if (!strcmp(key, "backing_fmt")) {
        *bfmt = v;
        return;
    } else {
        ret = blk_amend(bs, key, v);
    }
    if (ret < 0) {
        img_die("Error while amending options: %s", blk_last_error());
    }
}

/*
 * amend: the -o pairs in an order that works whatever the user wrote:
 * an upgrade to compat=1.1 first, the other options, a downgrade last.
 */
int img_amend(int argc, char **argv)
{
    const char *fmt = NULL, *opts = NULL;
    static const struct option longopts[] = {
        { "force", no_argument, NULL, 'F' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    while ((c = getopt_long(argc, argv, "f:o:pqt:", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': fmt = optarg; break;
        case 'o': opts = optarg; break;
        case 'p': case 'q': case 't': case 'F': break;
        default: return 1;
        }
    }
    if (!opts) {
        img_die("Must specify options (-o)");
    }
    if (optind != argc - 1) {
        img_die("Expecting one image file name");
    }
    char *copy = strdup(opts), *save = NULL, *keys[64], *vals[64];
    int n = 0;
    for (char *kv = strtok_r(copy, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq || n == 64) {
            img_die("Invalid option '%s': expected key=value", kv);
        }
        *eq = 0;
        keys[n] = kv;
        vals[n++] = eq + 1;
    }
    BlkDev *bs = img_open(argv[optind], fmt, BLK_O_RDWR | BLK_O_NO_BACKING);
    const char *bfile = NULL, *bfmt = NULL;
    for (int pass = 0; pass < 3; pass++) {
        for (int i = 0; i < n; i++) {
            bool compat = !strcmp(keys[i], "compat");
            bool up = compat && (!strcmp(vals[i], "1.1") || !strcmp(vals[i], "v3"));
            if ((pass == 0 && up) || (pass == 1 && !compat) ||
                (pass == 2 && compat && !up)) {
                amend_one(bs, keys[i], vals[i], &bfile, &bfmt);
            }
        }
    }
    if ((bfile || bfmt) &&
        blk_change_backing(bs, bfile ? bfile : bs->backing_file,
                           bfmt ? bfmt : bs->backing_fmt[0] ? bs->backing_fmt
                                                            : NULL) < 0) {
        img_die("Error while amending options: %s", blk_last_error());
    }
    blk_close(bs);
    free(copy);
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f, "guise-img: disk image tool (qemu-img compatible)\n"
            "usage: guise-img [standard options] command [command options]\n\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        fprintf(f, "  %s\n", commands[i].usage);
    }
    fprintf(f, "\nSupported formats: %s\n", blk_driver_names());
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        img_die("Not enough arguments\nTry 'guise-img --help' for more "
                "information");
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
        printf("guise-img version " PACKAGE_VERSION "\n");
        return 0;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (!strcmp(argv[1], commands[i].name)) {
            return commands[i].fn(argc - 1, argv + 1);
        }
    }
    img_die("Command not found: %s", argv[1]);
}
