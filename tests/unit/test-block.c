/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the block layer (block/): refcount entry packing for every
 * width, byte-granular I/O through raw and qcow2 against a reference
 * buffer (unaligned ranges, partial clusters over a backing file, zero
 * and discarded clusters, refcount table growth), and a fuzzer of the
 * qcow2 open path: headers truncated and garbled at random (fixed seed)
 * must give an error or an image that reads and checks without a crash
 * or an out-of-bounds access (run under ASan in CI); and a crash test:
 * a writer killed at a random point leaves an image that check repairs,
 * with the data flushed before the kill intact.
 *
 * Prints "N passed, N failed"; exits 1 on any failure.
 */
#include "block/qcow2.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int passed, failed;
static char dir[64];

#define CHECK(cond, ...) do { \
    if (cond) { passed++; } \
    else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
           printf(__VA_ARGS__); printf("\n"); } \
} while (0)

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

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

static void test_io(const char *fmt, uint32_t cluster, int rbits, bool backing)
{
    char what[96];
    snprintf(what, sizeof(what), "%s cluster %u refcount %d%s", fmt, cluster,
             rbits, backing ? " over backing" : "");
    uint64_t size = 3 * 1024 * 1024 + 777;
    uint8_t *shadow = calloc(1, size);
    BlkCreateOpts o = { .size = size, .cluster_size = cluster,
                        .refcount_bits = rbits };
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
    if (bs->drv == &blk_qcow2_driver) {
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

static void write_file(const char *p, const uint8_t *b, size_t n)
{
    FILE *f = fopen(p, "wb");
    fwrite(b, 1, n, f);
    fclose(f);
}

/* Random damage to a small valid qcow2 image; open, read, check. */
static void test_fuzz_open(void)
{
    BlkCreateOpts o = { .size = 1 << 20, .cluster_size = 4096 };
    blk_create(path("f.qcow2"), "qcow2", &o);
    BlkDev *bs;
    blk_open(&bs, path("f.qcow2"), "qcow2", BLK_O_RDWR);
    uint8_t data[9000];
    memset(data, 0x5a, sizeof(data));
    blk_pwrite(bs, 5000, data, sizeof(data));
    blk_pwrite_compressed(bs, 40960, data, 4096);   /* a compressed cluster */
    blk_close(bs);
    FILE *f = fopen(path("f.qcow2"), "rb");
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
            size_t at = kind == 1 ? rnd() % 112 : rnd() % len;
            mut[at] = kind == 3 ? 0xff : (uint8_t)rnd();    /* garbled */
        }
        write_file(path("m.qcow2"), mut, len);
        Qcow2Header h;
        char back[1024];
        (void)qcow2_parse_header(mut, len, len, &h, back, sizeof(back));
        /* Every other image is opened read/write and written to. */
        bool rw = i & 1;
        if (blk_open(&bs, path("m.qcow2"), "qcow2",
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
    CHECK(opened > 0 && refused > 0, "fuzz: %d opened, %d refused, no crash",
          opened, refused);
    if (getenv("BLOCK_FUZZ_ITERS")) {
        printf("fuzz: %d opened, %d refused\n", opened, refused);
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
    test_fuzz_open();
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
