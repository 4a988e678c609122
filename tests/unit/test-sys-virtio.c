/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of virtio-mmio and the virtio devices, driven by a small
 * host-side driver that does what a guest kernel does: reads the
 * identification registers, negotiates features, sets up a split queue in
 * a RAM region, writes descriptors and available-ring entries, notifies,
 * and checks the used ring, the interrupt and the data.  virtio-blk runs
 * over block/ on a temporary raw and qcow2 image (the data is checked
 * through block/ too); then virtio-rng, virtio-console, indirect
 * descriptors and a malformed chain (the device asks for a reset, guise
 * stays up).
 */
#include <stdlib.h>
#include <string.h>
#include "hw/virtio/virtio-devices.h"
#include "test-sys.h"

#define RAM 0x40000000ull
#define MMIO 0x0a000000ull
#define DESC (RAM + 0x1000)
#define AVAIL (RAM + 0x2000)
#define USED (RAM + 0x3000)
#define DATA (RAM + 0x10000)
#define QSIZE 8

static SysAddressSpace as;
static int irq_level[1];
static uint16_t avail_idx, used_seen;

static uint32_t rd(hwaddr off) { return t_rd32(&as, MMIO + off); }
static void wr(hwaddr off, uint32_t v) { t_wr32(&as, MMIO + off, v); }

static void *ram(uint64_t a) { return sys_as_ram_ptr(&as, a, 1); }

static void put_desc(unsigned i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
    uint8_t *d = ram(DESC + 16 * i);
    memcpy(d, &addr, 8);
    memcpy(d + 8, &len, 4);
    memcpy(d + 12, &flags, 2);
    memcpy(d + 14, &next, 2);
}

/* Offers chain head on queue q and notifies; returns the used length. */
static uint32_t submit(unsigned q, uint16_t head)
{
    uint16_t *ring = ram(AVAIL + 4 + 2 * (avail_idx % QSIZE));
    *ring = head;
    avail_idx++;
    *(uint16_t *)ram(AVAIL + 2) = avail_idx;
    wr(0x050, q);
    uint16_t used = *(uint16_t *)ram(USED + 2);
    if (used == used_seen)
        return ~0u;
    uint32_t *elem = ram(USED + 4 + 8 * (used_seen % QSIZE));
    used_seen++;
    return elem[0] == head ? elem[1] : ~0u;
}

/* Driver initialisation (virtio 1.1, 3.1.1) of queues 0..nq-1; features. */
static uint64_t driver_init(unsigned nq)
{
    uint64_t feat;
    wr(0x070, 0);
    CHECK_EQ(rd(0x000), 0x74726976);
    CHECK_EQ(rd(0x004), 2);
    CHECK_EQ(rd(0x00c), 0x554d4551);
    wr(0x070, 1);
    wr(0x070, 1 | 2);
    wr(0x014, 0);
    feat = rd(0x010);
    wr(0x014, 1);
    feat |= (uint64_t)rd(0x010) << 32;
    CHECK(feat >> 32 & 1);                      /* VIRTIO_F_VERSION_1 */
    /* Asking for a feature not offered fails FEATURES_OK. */
    wr(0x024, 1);
    wr(0x020, 1 | 1u << 30);
    wr(0x070, 1 | 2 | 8);
    CHECK_EQ(rd(0x070) & 8, 0);
    wr(0x070, 0);
    wr(0x070, 3);
    wr(0x024, 0);
    wr(0x020, (uint32_t)feat);
    wr(0x024, 1);
    wr(0x020, 1);
    wr(0x070, 1 | 2 | 8);
    CHECK_EQ(rd(0x070) & 8, 8);
    for (unsigned q = 0; q < nq; q++) {
        wr(0x030, q);
        CHECK_EQ(rd(0x034), 256);
        wr(0x038, QSIZE);
        uint64_t off = 0x100000ull * q;     /* one set of rings per queue */
        wr(0x080, (uint32_t)(DESC + off));
        wr(0x084, (uint32_t)((DESC + off) >> 32));
        wr(0x090, (uint32_t)(AVAIL + off));
        wr(0x094, 0);
        wr(0x0a0, (uint32_t)(USED + off));
        wr(0x0a4, 0);
        wr(0x044, 1);
    }
    wr(0x070, 1 | 2 | 8 | 4);
    avail_idx = used_seen = 0;
    return feat;
}

static void setup(VirtioDevice *v)
{
    SysIrq line;
    static SysIrq lines[1];
    (void)line;
    sys_as_init(&as, true);
    sys_as_add_ram(&as, "ram", RAM, 4 << 20, 0, false);
    sys_irq_init_array(lines, 1, t_irq_record, irq_level);
    CHECK_EQ(virtio_mmio_init(v, &as, MMIO, &lines[0]), 0);
    irq_level[0] = 0;
}

/* One block request: header, optional data, status. */
static uint8_t blk_request(uint32_t type, uint64_t sector, uint64_t data, uint32_t len,
                           bool data_in, uint32_t *used_len)
{
    uint8_t *hdr = ram(DATA);
    memset(hdr, 0, 16);
    memcpy(hdr, &type, 4);
    memcpy(hdr + 8, &sector, 8);
    *(uint8_t *)ram(DATA + 0x100) = 0xee;
    put_desc(0, DATA, 16, 1, 1);
    if (len) {
        put_desc(1, data, len, 1 | (data_in ? 2 : 0), 2);
        put_desc(2, DATA + 0x100, 1, 2, 0);
    } else {
        put_desc(0, DATA, 16, 1, 2);
        put_desc(2, DATA + 0x100, 1, 2, 0);
    }
    *used_len = submit(0, 0);
    return *(uint8_t *)ram(DATA + 0x100);
}

static void test_blk(const char *fmt)
{
    static VirtioBlk b;
    char path[] = "/tmp/guise-test-virtio.XXXXXX";
    BlkDev *bs;
    BlkCreateOpts o = { .size = 1 << 20 };
    uint32_t used;
    int fd = mkstemp(path);

    close(fd);
    CHECK_EQ(blk_create(path, fmt, &o), 0);
    CHECK_EQ(blk_open(&bs, path, fmt, BLK_O_RDWR), 0);
    virtio_blk_init(&b, bs, "guise-disk");
    setup(&b.vdev);
    CHECK_EQ(rd(0x008), 2);                     /* block device */
    uint64_t feat = driver_init(1);
    CHECK(feat >> 9 & 1);                       /* FLUSH */
    uint64_t cap;
    sys_as_read(&as, MMIO + 0x100, 8, &cap, SYS_ATTRS_CPU(0));
    CHECK_EQ(cap, 2048);                        /* sectors of 512 */

    /* Write 2 sectors of pattern at sector 5, read them back. */
    uint8_t *buf = ram(DATA + 0x1000);
    for (int i = 0; i < 1024; i++)
        buf[i] = (uint8_t)(i * 13 + 1);
    CHECK_EQ(blk_request(1, 5, DATA + 0x1000, 1024, false, &used), 0);
    CHECK_EQ(used, 1);
    CHECK_EQ(irq_level[0], 1);
    CHECK_EQ(rd(0x060) & 1, 1);
    wr(0x064, 1);
    CHECK_EQ(irq_level[0], 0);
    uint8_t check[1024];
    CHECK_EQ(blk_pread(bs, 5 * 512, check, 1024), 0);
    CHECK(!memcmp(check, buf, 1024));
    memset(ram(DATA + 0x2000), 0, 1024);
    CHECK_EQ(blk_request(0, 5, DATA + 0x2000, 1024, true, &used), 0);
    CHECK_EQ(used, 1025);
    CHECK(!memcmp(ram(DATA + 0x2000), buf, 1024));
    /* Data written through block/ shows in a guest read. */
    memset(check, 0x77, 512);
    CHECK_EQ(blk_pwrite(bs, 100 * 512, check, 512), 0);
    CHECK_EQ(blk_request(0, 100, DATA + 0x2000, 512, true, &used), 0);
    CHECK(!memcmp(ram(DATA + 0x2000), check, 512));
    /* Flush, GET_ID, an unknown type, a read past the end. */
    CHECK_EQ(blk_request(4, 0, 0, 0, false, &used), 0);
    CHECK_EQ(blk_request(8, 0, DATA + 0x3000, 20, true, &used), 0);
    CHECK(!strcmp(ram(DATA + 0x3000), "guise-disk"));
    CHECK_EQ(blk_request(99, 0, 0, 0, false, &used), 2);
    CHECK_EQ(blk_request(0, 2047, DATA + 0x2000, 1024, true, &used), 1);

    blk_close(bs);
    /* The image is sound and holds the data after close. */
    CHECK_EQ(blk_open(&bs, path, fmt, 0), 0);
    CHECK_EQ(blk_pread(bs, 5 * 512, check, 1024), 0);
    CHECK(!memcmp(check, buf, 1024));
    if (!strcmp(fmt, "qcow2")) {
        BlkCheckResult res;
        memset(&res, 0, sizeof(res));
        CHECK_EQ(blk_check(bs, &res, 0), 0);
        CHECK_EQ(res.corruptions + res.leaks, 0);
    }
    blk_close(bs);
    unlink(path);
    sys_as_destroy(&as);
}

static void test_rng_and_indirect(void)
{
    static VirtioDevice v;
    virtio_rng_init(&v);
    setup(&v);
    CHECK_EQ(rd(0x008), 4);
    uint64_t feat = driver_init(1);
    CHECK(feat >> 28 & 1);
    memset(ram(DATA), 0, 64);
    put_desc(0, DATA, 64, 2, 0);
    CHECK_EQ(submit(0, 0), 64);
    int nonzero = 0;
    for (int i = 0; i < 64; i++)
        nonzero += ((uint8_t *)ram(DATA))[i] != 0;
    CHECK(nonzero > 32);
    /* Indirect: one descriptor pointing at a table of two. */
    uint8_t *tab = ram(DATA + 0x800);
    uint64_t a1 = DATA + 0x1000, a2 = DATA + 0x2000;
    uint32_t l = 16;
    uint16_t f1 = 3, n1 = 1, f2 = 2, n2 = 0;
    memcpy(tab, &a1, 8); memcpy(tab + 8, &l, 4); memcpy(tab + 12, &f1, 2); memcpy(tab + 14, &n1, 2);
    memcpy(tab + 16, &a2, 8); memcpy(tab + 24, &l, 4); memcpy(tab + 28, &f2, 2); memcpy(tab + 30, &n2, 2);
    put_desc(1, DATA + 0x800, 32, 4, 0);
    CHECK_EQ(submit(0, 1), 32);
    /* A looping chain: the device asks for a reset, nothing crashes. */
    put_desc(2, DATA, 16, 3, 3);
    put_desc(3, DATA, 16, 3, 2);
    CHECK_EQ(submit(0, 2), ~0u);
    CHECK_EQ(rd(0x070) & 64, 64);
    /* Reset clears it. */
    wr(0x070, 0);
    CHECK_EQ(rd(0x070), 0);
    /* An out-of-range head and a bad queue size are refused too. */
    driver_init(1);
    CHECK_EQ(submit(0, 200), ~0u);
    CHECK_EQ(rd(0x070) & 64, 64);
    sys_as_destroy(&as);
}

static void test_console(void)
{
    static VirtioConsole c;
    int rdfd;
    char out[64];
    SysChardev *chr = t_pipe_chardev(&rdfd);

    virtio_console_init(&c, chr);
    setup(&c.vdev);
    CHECK_EQ(rd(0x008), 3);
    driver_init(2);
    /* transmitq (queue 1) has its rings 1 MiB up. */
    memcpy(ram(DATA), "hello", 5);
    uint8_t *d = ram(DESC + 0x100000);
    uint64_t a = DATA;
    uint32_t l = 5;
    uint16_t f = 0, n = 0;
    memcpy(d, &a, 8); memcpy(d + 8, &l, 4); memcpy(d + 12, &f, 2); memcpy(d + 14, &n, 2);
    *(uint16_t *)ram(AVAIL + 0x100000 + 4) = 0;
    *(uint16_t *)ram(AVAIL + 0x100000 + 2) = 1;
    wr(0x050, 1);
    CHECK_EQ(*(uint16_t *)ram(USED + 0x100000 + 2), 1);
    t_pipe_read(rdfd, out, sizeof(out));
    CHECK(!strcmp(out, "hello"));
    /* receiveq: bytes from the backend land in the driver's buffer. */
    put_desc(0, DATA + 0x100, 32, 2, 0);
    *(uint16_t *)ram(AVAIL + 4) = 0;
    *(uint16_t *)ram(AVAIL + 2) = 1;
    CHECK(c.chr->can_receive(c.chr->fe_opaque) > 0);
    c.chr->receive(c.chr->fe_opaque, (const uint8_t *)"typed", 5);
    CHECK_EQ(*(uint16_t *)ram(USED + 2), 1);
    CHECK(!memcmp(ram(DATA + 0x100), "typed", 5));
    sys_as_destroy(&as);
}

int main(void)
{
    test_blk("raw");
    test_blk("qcow2");
    test_rng_and_indirect();
    test_console();
    return unit_summary();
}
