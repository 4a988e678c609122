/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of virtio-net (hw/net/virtio-net.c) over virtio-mmio, driven
 * by a small host-side driver as a guest kernel would, on a fake network
 * backend that records the frames it is sent and hands frames back with
 * sys_netdev_deliver().  Checked: the offered features and the config
 * space (MAC, link up, read-only), transmit with the header in its own
 * descriptor or in front of the frame, receive straight into a buffer and
 * through the bounded wait queue (in order, delivered when the driver
 * adds buffers), a too-small receive buffer, the queue bound, reset, and
 * malformed rings (a short header, a descriptor loop, an index out of
 * range): the device asks for a reset and nothing else happens.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "hw/net/virtio-net.h"
#include "test-sys.h"

#define RAM 0x40000000ull
#define MMIO 0x0a000000ull
#define QSIZE 8
#define QOFF(q) (0x100000ull * (q))        /* each queue's rings */
#define DESC(q) (RAM + 0x1000 + QOFF(q))
#define AVAIL(q) (RAM + 0x2000 + QOFF(q))
#define USED(q) (RAM + 0x3000 + QOFF(q))
#define DATA (RAM + 0x10000)
#define HDR 12

static SysAddressSpace as;
static int irq_level[1];
static uint16_t avail_idx[2], used_seen[2];
static VirtioNet net;

/* The fake backend: the frames the device sent. */
static uint8_t sent[4][64];
static size_t sent_len[4];
static unsigned nsent;

static void fake_send(SysNetdev *nd, const uint8_t *frame, size_t len)
{
    (void)nd;
    if (nsent < 4 && len <= sizeof(sent[0])) {
        memcpy(sent[nsent], frame, len);
        sent_len[nsent] = len;
    }
    nsent++;
}

static SysNetdev fake = { .id = "fake", .send = fake_send };

static uint32_t rd(hwaddr off) { return t_rd32(&as, MMIO + off); }
static void wr(hwaddr off, uint32_t v) { t_wr32(&as, MMIO + off, v); }

static void *ram(uint64_t a) { return sys_as_ram_ptr(&as, a, 1); }

static void put_desc(unsigned q, unsigned i, uint64_t addr, uint32_t len, uint16_t flags,
                     uint16_t next)
{
    uint8_t *d = ram(DESC(q) + 16 * i);
    memcpy(d, &addr, 8);
    memcpy(d + 8, &len, 4);
    memcpy(d + 12, &flags, 2);
    memcpy(d + 14, &next, 2);
}

/* Makes chain head available on queue q, notifying when asked. */
static void offer(unsigned q, uint16_t head, bool notify)
{
    *(uint16_t *)ram(AVAIL(q) + 4 + 2 * (avail_idx[q] % QSIZE)) = head;
    avail_idx[q]++;
    *(uint16_t *)ram(AVAIL(q) + 2) = avail_idx[q];
    if (notify)
        wr(0x050, q);
}

/* The next used entry of queue q: its length, ~0 when there is none. */
static uint32_t take_used(unsigned q)
{
    if (*(uint16_t *)ram(USED(q) + 2) == used_seen[q])
        return ~0u;
    uint32_t *elem = ram(USED(q) + 4 + 8 * (used_seen[q] % QSIZE));
    used_seen[q]++;
    return elem[1];
}

/* Device initialisation (virtio 1.1, 3.1.1) of both queues. */
static void driver_init(void)
{
    wr(0x070, 0);
    wr(0x070, 1 | 2);
    wr(0x024, 0);
    wr(0x020, 1u << 5 | 1u << 16);      /* MAC, STATUS */
    wr(0x024, 1);
    wr(0x020, 1);                       /* VERSION_1 */
    wr(0x070, 1 | 2 | 8);
    CHECK_EQ(rd(0x070) & 8, 8);
    for (unsigned q = 0; q < 2; q++) {
        wr(0x030, q);
        wr(0x038, QSIZE);
        wr(0x080, (uint32_t)DESC(q));
        wr(0x084, 0);
        wr(0x090, (uint32_t)AVAIL(q));
        wr(0x094, 0);
        wr(0x0a0, (uint32_t)USED(q));
        wr(0x0a4, 0);
        wr(0x044, 1);
        avail_idx[q] = used_seen[q] = 0;
    }
    memset(ram(RAM), 0, 0x200000);
    wr(0x070, 1 | 2 | 8 | 4);
    nsent = 0;
}

static void setup(void)
{
    static SysIrq lines[1];
    static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
    static VirtioNet other;

    sys_as_init(&as, true);
    sys_as_add_ram(&as, "ram", RAM, 4 << 20, 0, false);
    sys_irq_init_array(lines, 1, t_irq_record, irq_level);
    CHECK_EQ(virtio_net_init(&net, &fake, mac), 0);
    CHECK_EQ(virtio_net_init(&other, &fake, mac), -EBUSY);     /* one device per backend */
    CHECK_EQ(virtio_mmio_init(&net.vdev, &as, MMIO, &lines[0]), 0);
}

static void test_identity(void)
{
    uint64_t feat;
    uint8_t mac[6];

    CHECK_EQ(rd(0x008), 1);                     /* VIRTIO_ID_NET */
    wr(0x014, 0);
    feat = rd(0x010);
    wr(0x014, 1);
    feat |= (uint64_t)rd(0x010) << 32;
    CHECK(feat >> 5 & 1);                       /* VIRTIO_NET_F_MAC */
    CHECK(feat >> 16 & 1);                      /* VIRTIO_NET_F_STATUS */
    CHECK(feat >> 32 & 1);                      /* VIRTIO_F_VERSION_1 */
    CHECK(!(feat & 1));                         /* no checksum offload */
    CHECK_EQ(rd(0x100), 0x12005452);            /* mac[0..3] */
    CHECK_EQ(rd(0x104) & 0xffff, 0x5634);       /* mac[4..5] */
    CHECK_EQ(rd(0x104) >> 16, 1);               /* status: link up */
    wr(0x100, 0xffffffff);                      /* read-only in VERSION_1 */
    CHECK_EQ(rd(0x100), 0x12005452);
    CHECK(virtio_net_parse_mac("52:54:00:ab:CD:ef", mac) && mac[4] == 0xcd);
    CHECK(!virtio_net_parse_mac("01:00:5e:00:00:01", mac));     /* multicast */
    CHECK(!virtio_net_parse_mac("52:54:00:12:34", mac));
    CHECK(!virtio_net_parse_mac("52:54:00:12:34:56:78", mac));
}

static void test_transmit(void)
{
    driver_init();
    /* Header and frame in separate descriptors. */
    memset(ram(DATA), 0, HDR);
    memcpy(ram(DATA + 0x100), "frame-one", 9);
    put_desc(1, 0, DATA, HDR, 1, 1);
    put_desc(1, 1, DATA + 0x100, 9, 0, 0);
    irq_level[0] = 0;
    offer(1, 0, true);
    CHECK_EQ(take_used(1), 0);
    CHECK_EQ(irq_level[0], 1);
    CHECK_EQ(nsent, 1);
    CHECK(sent_len[0] == 9 && !memcmp(sent[0], "frame-one", 9));
    /* Header in front of the frame, one descriptor. */
    memcpy(ram(DATA + 0x200 + HDR), "frame-two", 9);
    put_desc(1, 2, DATA + 0x200, HDR + 9, 0, 0);
    offer(1, 2, true);
    CHECK_EQ(take_used(1), 0);
    CHECK(nsent == 2 && sent_len[1] == 9 && !memcmp(sent[1], "frame-two", 9));
}

static void check_rx(uint64_t buf, uint32_t used, const char *frame)
{
    size_t len = strlen(frame);
    const uint8_t *p = ram(buf);
    CHECK_EQ(used, HDR + len);
    CHECK_EQ(p[10] | p[11] << 8, 1);            /* num_buffers */
    CHECK(!memcmp(p + HDR, frame, len));
}

static void test_receive(void)
{
    driver_init();
    /* With a buffer: straight in, with the interrupt. */
    put_desc(0, 0, DATA, 2048, 2, 0);
    offer(0, 0, true);
    irq_level[0] = 0;
    sys_netdev_deliver(&fake, (const uint8_t *)"direct", 6);
    CHECK_EQ(irq_level[0], 1);
    check_rx(DATA, take_used(0), "direct");
    /* Without one: they wait, in order, for the driver's buffers. */
    sys_netdev_deliver(&fake, (const uint8_t *)"first", 5);
    sys_netdev_deliver(&fake, (const uint8_t *)"second", 6);
    sys_netdev_deliver(&fake, (const uint8_t *)"third", 5);
    CHECK_EQ(take_used(0), ~0u);
    CHECK_EQ(net.rxq_count, 3);
    put_desc(0, 1, DATA + 0x1000, 2048, 2, 0);
    put_desc(0, 2, DATA + 0x2000, 2048, 2, 0);
    offer(0, 1, false);
    offer(0, 2, true);
    check_rx(DATA + 0x1000, take_used(0), "first");
    check_rx(DATA + 0x2000, take_used(0), "second");
    CHECK_EQ(take_used(0), ~0u);
    /* A new frame queues behind the waiting one, not before it. */
    put_desc(0, 3, DATA + 0x3000, 2048, 2, 0);
    offer(0, 3, false);
    sys_netdev_deliver(&fake, (const uint8_t *)"fourth", 6);
    check_rx(DATA + 0x3000, take_used(0), "third");
    put_desc(0, 4, DATA + 0x4000, 2048, 2, 0);
    offer(0, 4, true);
    check_rx(DATA + 0x4000, take_used(0), "fourth");
    CHECK_EQ(net.rxq_count, 0);
    /* A buffer too small for header and frame comes back empty. */
    put_desc(0, 5, DATA + 0x5000, HDR + 2, 2, 0);
    offer(0, 5, true);
    sys_netdev_deliver(&fake, (const uint8_t *)"too-long", 8);
    CHECK_EQ(take_used(0), 0);
    CHECK_EQ(net.rxq_count, 0);
    /* The wait queue is bounded; reset empties it. */
    for (int i = 0; i < VIRTIO_NET_RXQ_FRAMES + 50; i++)
        sys_netdev_deliver(&fake, (const uint8_t *)"flood", 5);
    CHECK_EQ(net.rxq_count, VIRTIO_NET_RXQ_FRAMES);
    wr(0x070, 0);
    CHECK_EQ(net.rxq_count, 0);
    /* Before the driver is ready, frames are dropped. */
    sys_netdev_deliver(&fake, (const uint8_t *)"early", 5);
    CHECK_EQ(net.rxq_count, 0);
}

static void test_malformed(void)
{
    /* A transmit chain shorter than the header. */
    driver_init();
    put_desc(1, 0, DATA, 4, 0, 0);
    offer(1, 0, true);
    CHECK(rd(0x070) & 64);                      /* DEVICE_NEEDS_RESET */
    CHECK_EQ(nsent, 0);
    /* A descriptor loop on the transmit queue. */
    driver_init();
    put_desc(1, 0, DATA, HDR, 1, 1);
    put_desc(1, 1, DATA, HDR, 1, 0);
    offer(1, 0, true);
    CHECK(rd(0x070) & 64);
    CHECK_EQ(nsent, 0);
    /* A receive chain whose next index is outside the queue. */
    driver_init();
    put_desc(0, 0, DATA, 64, 2 | 1, 200);
    offer(0, 0, true);
    sys_netdev_deliver(&fake, (const uint8_t *)"lost", 4);
    CHECK(rd(0x070) & 64);
    CHECK_EQ(take_used(0), ~0u);
    /* A receive buffer outside RAM. */
    driver_init();
    put_desc(0, 0, 0x1000, 2048, 2, 0);
    offer(0, 0, true);
    sys_netdev_deliver(&fake, (const uint8_t *)"nowhere", 7);
    CHECK(rd(0x070) & 64);
    /* The device works again after a reset. */
    driver_init();
    CHECK(!(rd(0x070) & 64));
    put_desc(0, 0, DATA, 2048, 2, 0);
    offer(0, 0, true);
    sys_netdev_deliver(&fake, (const uint8_t *)"again", 5);
    check_rx(DATA, take_used(0), "again");
}

int main(void)
{
    setup();
    test_identity();
    test_transmit();
    test_receive();
    test_malformed();
    sys_as_destroy(&as);
    return unit_summary();
}
