/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the block layer (block/): refcount entry packing for every
 * width, byte-granular I/O through raw, qcow2, qcow and every vmdk
 * subformat against a reference buffer (unaligned ranges, partial clusters
 * over a backing file, zero and discarded clusters, refcount table
 * growth, subclusters), the zlib and zstd cluster codecs, amend, qcow2 internal snapshots (create, apply, delete, check clean
 * after each), and a fuzzer of the qcow2, qcow and vmdk open paths
 * (sparse headers, stream files, descriptors and their extents): images
 * truncated and garbled at random (fixed seed)
 * must give an error or an image that reads and checks without a crash
 * or an out-of-bounds access (run under ASan in CI); and a crash test:
 * a writer killed at a random point leaves an image that check repairs,
 * with the data flushed before the kill intact.
 *
 * Prints "N passed, N failed"; exits 1 on any failure.
 */
#include "block/qcow2.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "xorshift.h"

static int passed, failed;
static char dir[64];

#define CHECK(cond, ...) do { \
    if (cond) { passed++; } \
    else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
           printf(__VA_ARGS__); printf("\n"); } \
} while (0)

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) { return xorshift64(&rng); }

static char *path(const char *name)
{
    static char buf[4][256];
    static int i;
    i = (i + 1) & 3;
    snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
    return buf[i];
}

static void test_refcount_packing(void)
{
    uint8_t blk[512];
    for (uint32_t order = 0; order <= 6; order++) {
        uint64_t n = 512 * 8 >> order, max = order == 6 ? UINT64_MAX
                                                         : (1ull << (1u << order)) - 1;
        memset(blk, 0, sizeof(blk));
        for (uint64_t i = 0; i < n; i++) {
            qcow2_rc_write(blk, i, order, (i * 2654435761u) & max);
        }
        bool ok = true;
        for (uint64_t i = 0; i < n; i++) {
            ok &= qcow2_rc_read(blk, i, order) == ((i * 2654435761u) & max);
        }
        CHECK(ok, "refcount order %u round trip", order);
    }
    /* Sub-byte entries: entry 0 is the least significant bits (spec). */
    memset(blk, 0, sizeof(blk));
    qcow2_rc_write(blk, 0, 0, 1);
    qcow2_rc_write(blk, 3, 2, 0xf);
    CHECK(blk[0] == 1 && blk[1] == 0xf0, "sub-byte layout %02x %02x", blk[0], blk[1]);
}

/* Random writes/reads/discards against a shadow buffer. */
static void io_against_shadow(BlkDev *bs, uint8_t *shadow, const char *what)
{
    uint64_t size = bs->size;
    uint8_t *buf = malloc(size);
    bool ok = true;
    for (int round = 0; round < 300 && ok; round++) {
        uint64_t off = rnd() % size, len = rnd() % 20000 + 1;
        len = len > size - off ? size - off : len;
        if (rnd() % 5 == 0 && bs->drv == &blk_qcow2_driver) {
            ok &= blk_discard(bs, off, len) == 0;
            /* Whole clusters read as zeros (or backing); re-read below. */
            ok &= blk_pread(bs, 0, shadow, size) == 0;
            continue;
        }
        memset(buf, (int)(rnd() & 0xff), len);
        ok &= blk_pwrite(bs, off, buf, len) == 0;
        memcpy(shadow + off, buf, len);
        if (rnd() % 7 == 0) {
            ok &= blk_flush(bs) == 0;
        }
    }
    ok &= blk_pread(bs, 0, buf, size) == 0;
    CHECK(ok && !memcmp(buf, shadow, size), "%s: contents match the shadow", what);
    free(buf);
}

/* Random I/O on a new image of format fmt (options o, size set here). */
static void test_io_opts(const char *fmt, BlkCreateOpts o, bool backing,
                         const char *what)
{
    uint64_t size = 3 * 1024 * 1024 + (strcmp(fmt, "vmdk") ? 777 : 512);
    uint8_t *shadow = calloc(1, size);
    o.size = size;
    if (backing) {
        BlkCreateOpts b = { .size = size - 4096 };
        BlkDev *bb;
        blk_create(path("base.raw"), "raw", &b);
        blk_open(&bb, path("base.raw"), "raw", BLK_O_RDWR);
        for (uint64_t i = 0; i < b.size; i++) {
            shadow[i] = (uint8_t)(i * 7 + 3);
        }
        blk_pwrite(bb, 0, shadow, b.size);
        blk_close(bb);
        o.backing_file = "base.raw";
        o.backing_fmt = "raw";
    }
    CHECK(blk_create(path("t.img"), fmt, &o) == 0, "%s: create: %s", what,
          blk_last_error());
    BlkDev *bs;
    CHECK(blk_open(&bs, path("t.img"), NULL, BLK_O_RDWR) == 0, "%s: open: %s",
          what, blk_last_error());
    io_against_shadow(bs, shadow, what);
    if (bs->drv == &blk_qcow2_driver || bs->drv == &blk_vmdk_driver) {
        BlkCheckResult r;
        CHECK(blk_check(bs, &r, 0) == 0 && !r.corruptions && !r.leaks,
              "%s: check clean (%lld corruptions, %lld leaks)", what,
              (long long)r.corruptions, (long long)r.leaks);
    }
    blk_close(bs);
    /* Reopened read-only, the data is still there. */
    uint8_t *again = malloc(size);
    CHECK(blk_open(&bs, path("t.img"), NULL, 0) == 0 &&
          blk_pread(bs, 0, again, size) == 0 && !memcmp(again, shadow, size),
          "%s: contents survive close and reopen", what);
    blk_close(bs);
    free(again);
    free(shadow);
}

static void test_io(const char *fmt, uint32_t cluster, int rbits, bool backing)
{
    char what[96];
    snprintf(what, sizeof(what), "%s cluster %u refcount %d%s", fmt, cluster,
             rbits, backing ? " over backing" : "");
    BlkCreateOpts o = { .cluster_size = cluster, .refcount_bits = rbits };
    test_io_opts(fmt, o, backing, what);
}

static void test_io_vmdk(const char *subformat)
{
    char what[96];
    snprintf(what, sizeof(what), "vmdk %s", subformat);
    BlkCreateOpts o = { .subformat = subformat };
    test_io_opts("vmdk", o, false, what);
}

/* Reads the whole image into a malloc'd buffer (NULL on failure). */
static uint8_t *read_all(BlkDev *bs)
{
    uint8_t *b = malloc(bs->size);
    if (b && blk_pread(bs, 0, b, bs->size) < 0) {
        free(b);
        b = NULL;
    }
    return b;
}

static bool check_clean(BlkDev *bs)
{
    BlkCheckResult r;
    return blk_check(bs, &r, 0) == 0 && !r.corruptions && !r.leaks;
}

/*
 * Internal snapshots: contents frozen at create, restored by apply, the
 * image clean (refcounts and COPIED flags) after every step.
 */
static void test_snapshots(uint32_t cluster, int compat, bool extl2)
{
    BlkCreateOpts o = { .size = 2 << 20, .cluster_size = cluster,
                        .compat = compat, .extended_l2 = extl2 };
    BlkDev *bs;
    CHECK(blk_create(path("s.qcow2"), "qcow2", &o) == 0 &&
          blk_open(&bs, path("s.qcow2"), "qcow2", BLK_O_RDWR) == 0,
          "snapshots: create: %s", blk_last_error());
    uint8_t *shadow = calloc(1, o.size);
    io_against_shadow(bs, shadow, "snapshots: first data");
    uint8_t *a = read_all(bs);
    CHECK(blk_snapshot(bs, BLK_SNAP_CREATE, "one") == 0 && check_clean(bs),
          "snapshots (cluster %u): create one: %s", cluster, blk_last_error());
    io_against_shadow(bs, shadow, "snapshots: writes over shared clusters");
    uint8_t *b = read_all(bs);
    CHECK(blk_snapshot(bs, BLK_SNAP_CREATE, "two") == 0 && check_clean(bs),
          "snapshots: create two: %s", blk_last_error());
    io_against_shadow(bs, shadow, "snapshots: more writes");
    BlkSnapshot *sn;
    int n = blk_snapshot_list(bs, &sn);
    CHECK(n == 2 && !strcmp(sn[0].id, "1") && !strcmp(sn[1].name, "two") &&
          sn[1].vm_state_size == 0, "snapshots: listed (%d)", n);
    free(sn);
    CHECK(blk_snapshot(bs, BLK_SNAP_APPLY, "one") == 0 && check_clean(bs),
          "snapshots: apply one: %s", blk_last_error());
    uint8_t *now = read_all(bs);
    CHECK(a && now && !memcmp(now, a, o.size), "snapshots: one restored");
    free(now);
    CHECK(blk_snapshot(bs, BLK_SNAP_APPLY, "2") == 0 && check_clean(bs),
          "snapshots: apply by id: %s", blk_last_error());
    now = read_all(bs);
    CHECK(b && now && !memcmp(now, b, o.size), "snapshots: two restored");
    free(now);
    CHECK(blk_snapshot(bs, BLK_SNAP_DELETE, "nope") == -ENOENT &&
          blk_snapshot(bs, BLK_SNAP_DELETE, "one") == 0 && check_clean(bs) &&
          blk_snapshot(bs, BLK_SNAP_DELETE, "two") == 0 && check_clean(bs),
          "snapshots: delete: %s", blk_last_error());
    now = read_all(bs);
    CHECK(b && now && !memcmp(now, b, o.size) &&
          blk_snapshot_list(bs, &sn) == 0, "snapshots: data kept after delete");
    free(now);
    blk_close(bs);
    free(a);
    free(b);
    free(shadow);
}

/* Both cluster codecs round-trip, refuse corrupt data, skip padding. */
static void test_codecs(void)
{
    static const int types[] = { BLK_COMPRESS_ZLIB, BLK_COMPRESS_ZSTD };
    size_t n = 65536;
    uint8_t *in = malloc(n), *z = malloc(2 * n), *out = malloc(n);
    for (size_t i = 0; i < n; i++) {
        in[i] = (uint8_t)(i / 100 + (i % 7 == 0 ? rnd() : 0));
    }
    for (size_t t = 0; t < 2; t++) {
        ssize_t zn = blk_compress_cluster(types[t], in, n, z, 2 * n);
        memset(z + (zn > 0 ? zn : 0), 0xee, 512);     /* sector padding */
        CHECK(zn > 0 && blk_decompress_cluster(types[t], z, (size_t)zn + 512,
                                               out, n) == 0 &&
              !memcmp(in, out, n), "codec %d round trip (%zd bytes)",
              types[t], zn);
        CHECK(zn > 8 && blk_decompress_cluster(types[t], z, (size_t)zn / 2,
                                               out, n) == -EIO,
              "codec %d: truncated data is -EIO", types[t]);
        memset(z, 0x5a, 64);
        CHECK(blk_decompress_cluster(types[t], z, 64, out, n) == -EIO,
              "codec %d: garbage is -EIO", types[t]);
    }
    for (size_t i = 0; i < n; i++) {
        in[i] = (uint8_t)rnd();
    }
    CHECK(blk_compress_cluster(BLK_COMPRESS_ZSTD, in, n, z, 2 * n) == -ENOSPC,
          "random data does not shrink");
    free(in);
    free(z);
    free(out);
}

/* zstd-compressed clusters written and read back through qcow2. */
static void test_zstd_image(void)
{
    BlkCreateOpts o = { .size = 1 << 20, .compression_type = BLK_COMPRESS_ZSTD };
    BlkDev *bs;
    uint8_t *a = malloc(65536), *b = malloc(65536);
    for (size_t i = 0; i < 65536; i++) {
        a[i] = (uint8_t)(i >> 9);
    }
    BlkInfo in;
    BlkCheckResult r;
    bool ok = blk_create(path("z.qcow2"), "qcow2", &o) == 0 &&
              blk_open(&bs, path("z.qcow2"), NULL, BLK_O_RDWR) == 0;
    ok = ok && blk_pwrite_compressed(bs, 131072, a, 65536) == 0 &&
         blk_get_info(bs, &in) == 0 && in.compression_type == BLK_COMPRESS_ZSTD &&
         blk_check(bs, &r, 0) == 0 && r.compressed_clusters == 1;
    blk_close(bs);
    ok = ok && blk_open(&bs, path("z.qcow2"), NULL, 0) == 0 &&
         blk_pread(bs, 131072, b, 65536) == 0 && !memcmp(a, b, 65536);
    blk_close(bs);
    CHECK(ok, "qcow2 zstd cluster written and read back: %s", blk_last_error());
    free(a);
    free(b);
}

/* amend: compat down (zero clusters expanded) and up, data unchanged. */
static void test_amend(void)
{
    BlkCreateOpts o = { .size = 1 << 20, .cluster_size = 4096 };
    BlkDev *bs;
    uint8_t *shadow = calloc(1, o.size);
    bool ok = blk_create(path("a.qcow2"), "qcow2", &o) == 0 &&
              blk_open(&bs, path("a.qcow2"), NULL, BLK_O_RDWR) == 0;
    if (!ok) {
        CHECK(false, "amend: create: %s", blk_last_error());
        free(shadow);
        return;
    }
    io_against_shadow(bs, shadow, "amend: data");
    BlkInfo in;
    ok = blk_amend(bs, "lazy_refcounts", "on") == 0 &&
         blk_amend(bs, "lazy_refcounts", "off") == 0 &&
         blk_amend(bs, "compat", "0.10") == 0 && blk_get_info(bs, &in) == 0 &&
         in.compat == 2 && check_clean(bs) &&
         blk_amend(bs, "compat", "1.1") == 0 && blk_get_info(bs, &in) == 0 &&
         in.compat == 3 && check_clean(bs) &&
         blk_amend(bs, "cluster_size", "4096") == 0 &&
         blk_amend(bs, "cluster_size", "8192") == -ENOTSUP;
    CHECK(ok, "amend: compat and lazy refcounts: %s", blk_last_error());
    blk_close(bs);
    uint8_t *now = NULL;
    if (blk_open(&bs, path("a.qcow2"), NULL, 0) == 0) {
        now = read_all(bs);
        blk_close(bs);
    }
    CHECK(now && !memcmp(now, shadow, o.size), "amend: contents kept");
    free(now);
    free(shadow);
}

static void write_file(const char *p, const uint8_t *b, size_t n)
{
    FILE *f = fopen(p, "wb");
    fwrite(b, 1, n, f);
    fclose(f);
}

/*
 * Random damage to a small valid image of format fmt (header_len: where
 * the header ends, damaged most); open, read, check, write.  file names
 * the file to damage (the image itself or a vmdk descriptor).
 */
static void test_fuzz_open(const char *fmt, BlkCreateOpts o, size_t header_len,
                           const char *file)
{
    blk_create(path("f.img"), fmt, &o);
    BlkDev *bs;
    blk_open(&bs, path("f.img"), fmt, BLK_O_RDWR);
    uint8_t data[9000];
    memset(data, 0x5a, sizeof(data));
    blk_pwrite(bs, 5000, data, sizeof(data));
    BlkInfo info;
    blk_get_info(bs, &info);
    uint32_t cs = info.cluster_size ? info.cluster_size : 4096;
    uint8_t *cl = malloc(cs);
    memset(cl, 0x5a, cs);
    blk_pwrite_compressed(bs, 65536, cl, cs);       /* a compressed cluster */
    free(cl);
    blk_close(bs);
    FILE *f = fopen(path(file), "rb");
    static uint8_t img[1 << 17], mut[1 << 17];
    size_t n = fread(img, 1, sizeof(img), f);
    fclose(f);
    int opened = 0, refused = 0;
    uint8_t *buf = malloc(1 << 20);
    /* check reports what it finds on stderr: not wanted here. */
    fflush(stderr);
    int saved = dup(2);
    FILE *null = freopen("/dev/null", "w", stderr);
    /* BLOCK_FUZZ_ITERS=N BLOCK_FUZZ_SEED=S run it longer or elsewhere. */
    long iters = getenv("BLOCK_FUZZ_ITERS") ? atol(getenv("BLOCK_FUZZ_ITERS")) : 1000;
    if (getenv("BLOCK_FUZZ_SEED")) {
        rng ^= strtoull(getenv("BLOCK_FUZZ_SEED"), NULL, 0) * 0x2545f4914f6cdd1dull;
    }
    for (long i = 0; i < iters; i++) {
        size_t len = n;
        memcpy(mut, img, n);
        int kind = (int)(rnd() % 4);
        if (kind == 0) {
            len = rnd() % n;                        /* truncated */
        }
        for (int k = (int)(rnd() % 4) + 1; kind && k > 0; k--) {
            size_t at = kind == 1 ? rnd() % header_len : rnd() % len;
            mut[at] = kind == 3 ? 0xff : (uint8_t)rnd();    /* garbled */
        }
        write_file(path(file), mut, len);
        Qcow2Header h;
        char back[1024];
        (void)qcow2_parse_header(mut, len, len, &h, back, sizeof(back));
        /* Every other image is opened read/write and written to. */
        bool rw = i & 1;
        if (blk_open(&bs, path("f.img"), fmt,
                     BLK_O_NO_BACKING | (rw ? BLK_O_RDWR : 0)) < 0) {
            refused++;
            continue;
        }
        opened++;
        uint64_t sz = bs->size < (1 << 20) ? bs->size : (1 << 20);
        (void)blk_pread(bs, 0, buf, sz);
        BlkCheckResult r;
        (void)blk_check(bs, &r, 0);
        if (rw && sz > 20000) {
            (void)blk_pwrite(bs, rnd() % (sz - 10000), data, 9000);
            (void)blk_discard(bs, rnd() % (sz - 10000), 9000);
            (void)blk_check(bs, &r, BLK_FIX_LEAKS | BLK_FIX_ERRORS);
        }
        blk_close(bs);
    }
    fflush(stderr);
    if (null) {
        dup2(saved, 2);
    }
    close(saved);
    free(buf);
    CHECK(opened > 0 && refused > 0, "fuzz %s: %d opened, %d refused, no "
          "crash", fmt, opened, refused);
    if (getenv("BLOCK_FUZZ_ITERS")) {
        printf("fuzz %s %s: %d opened, %d refused\n", fmt,
               o.subformat ? o.subformat : "", opened, refused);
    }
}

/* Child: flushes pattern A in [0, 1M), then writes elsewhere until killed. */
static void crash_writer(const char *img, int fd)
{
    BlkDev *bs;
    uint8_t buf[70000];
    if (blk_open(&bs, img, "qcow2", BLK_O_RDWR) < 0) {
        _exit(1);
    }
    memset(buf, 0xa1, sizeof(buf));
    for (uint64_t off = 0; off < (1 << 20); off += sizeof(buf)) {
        uint64_t n = (1 << 20) - off < sizeof(buf) ? (1 << 20) - off : sizeof(buf);
        blk_pwrite(bs, off, buf, n);
    }
    if (blk_flush(bs) < 0 || write(fd, "k", 1) != 1) {
        _exit(1);
    }
    for (uint64_t i = 0;; i++) {
        uint64_t off = (1 << 20) + rnd() % (bs->size - (1 << 20) - sizeof(buf));
        memset(buf, (int)i, sizeof(buf));
        blk_pwrite(bs, off, buf, rnd() % sizeof(buf) + 1);
        if (i % 16 == 0) {
            blk_flush(bs);
        }
    }
}

static void test_crash(bool lazy)
{
    int ok = 0, rounds = 8;
    for (int round = 0; round < rounds; round++) {
        BlkCreateOpts o = { .size = 8 << 20, .cluster_size = 4096,
                            .lazy_refcounts = lazy };
        blk_create(path("c.qcow2"), "qcow2", &o);
        int p[2];
        if (pipe(p) < 0) {
            return;
        }
        rnd();
        pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            crash_writer(path("c.qcow2"), p[1]);
        }
        close(p[1]);
        char c;
        bool started = read(p[0], &c, 1) == 1;
        close(p[0]);
        struct timespec ts = { 0, (long)(rnd() % 20000000) };
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        /* Repair (quietly), then the image must be clean and A intact. */
        fflush(stderr);
        int saved = dup(2);
        FILE *null = freopen("/dev/null", "w", stderr);
        BlkDev *bs;
        BlkCheckResult r;
        bool good = started &&
            blk_open(&bs, path("c.qcow2"), "qcow2", BLK_O_RDWR) == 0;
        if (good) {
            good = blk_check(bs, &r, BLK_FIX_LEAKS | BLK_FIX_ERRORS) == 0 &&
                   blk_check(bs, &r, 0) == 0 && !r.corruptions && !r.leaks;
            static uint8_t a[1 << 20];
            good = good && blk_pread(bs, 0, a, sizeof(a)) == 0;
            for (size_t i = 0; good && i < sizeof(a); i++) {
                good = a[i] == 0xa1;
            }
            blk_close(bs);
        }
        fflush(stderr);
        if (null) {
            dup2(saved, 2);
        }
        close(saved);
        ok += good;
    }
    CHECK(ok == rounds, "crash%s: %d/%d killed writers repaired with flushed "
          "data intact", lazy ? " (lazy refcounts)" : "", ok, rounds);
}

int main(void)
{
    /* In memory when possible: the syncs of qcow2 writes cost nothing. */
    snprintf(dir, sizeof(dir), "%s/guise-test-block.XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_refcount_packing();
    test_io("raw", 0, 0, false);
    test_io("qcow2", 65536, 16, false);
    test_io("qcow2", 512, 1, false);
    test_io("qcow2", 1024, 64, true);
    test_io("qcow2", 4096, 4, true);
    test_io("qcow2", 2 << 20, 8, false);
    test_io_opts("qcow2", (BlkCreateOpts){ .cluster_size = 16384,
                 .extended_l2 = true }, true, "qcow2 subclusters over backing");
    test_io_opts("qcow2", (BlkCreateOpts){ .cluster_size = 65536,
                 .extended_l2 = true, .refcount_bits = 2 }, false,
                 "qcow2 subclusters");
    test_io("qcow", 0, 0, false);
    test_io("qcow", 0, 0, true);
    test_io_vmdk("monolithicSparse");
    test_io_vmdk("monolithicFlat");
    test_io_vmdk("twoGbMaxExtentSparse");
    test_io_vmdk("twoGbMaxExtentFlat");
    test_io_vmdk("streamOptimized");
    test_snapshots(65536, 3, false);
    test_snapshots(512, 2, false);
    test_snapshots(32768, 3, true);
    test_fuzz_open("qcow2", (BlkCreateOpts){ .size = 1 << 20,
                   .cluster_size = 4096 }, 112, "f.img");
    test_codecs();
    test_amend();
    test_zstd_image();
    test_fuzz_open("qcow2", (BlkCreateOpts){ .size = 1 << 20,
                   .cluster_size = 16384, .extended_l2 = true,
                   .compression_type = BLK_COMPRESS_ZSTD }, 112, "f.img");
    test_fuzz_open("qcow", (BlkCreateOpts){ .size = 1 << 20 }, 48, "f.img");
    test_fuzz_open("vmdk", (BlkCreateOpts){ .size = 1 << 20 }, 80, "f.img");
    test_fuzz_open("vmdk", (BlkCreateOpts){ .size = 1 << 20,
                   .subformat = "streamOptimized" }, 80, "f.img");
    test_fuzz_open("vmdk", (BlkCreateOpts){ .size = 1 << 20,
                   .subformat = "twoGbMaxExtentSparse" }, 200, "f.img");
    test_fuzz_open("vmdk", (BlkCreateOpts){ .size = 1 << 20,
                   .subformat = "twoGbMaxExtentSparse" }, 80, "f-s001.img");
    test_crash(false);
    test_crash(true);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0) {
        printf("could not remove %s\n", dir);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
