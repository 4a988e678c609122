/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A virtio-net driver in miniature on the virt board with -netdev user
 * (libslirp): finds the device among the virtio-mmio transports, reads its
 * MAC and link status, sends an ARP request for the gateway 10.0.2.2 and
 * waits for libslirp's reply; then offers a malformed transmit chain (a
 * descriptor whose next index lies outside the queue), which the device
 * must refuse without consuming it, and after a device reset the same ARP
 * exchange works again.
 *
 * qemu-system-aarch64's virtio-mmio is legacy (version 1) unless told
 * otherwise, guise's is modern (version 2): the driver does both set-ups,
 * with the same ring placement (descriptors, then the available ring, the
 * used ring 4 KiB on), and the header of each (10 bytes legacy, 12 with
 * VIRTIO_F_VERSION_1), so that the output is the same.  The MMU is off,
 * so every access is aligned and byte-wise where it must be.
 */
#include "lib.h"

#define MMIO_BASE 0x0a000000ull
#define QSIZE 8

enum {
    VM_MAGIC = 0x000, VM_VERSION = 0x004, VM_DEVICE_ID = 0x008,
    VM_DEV_FEATURES = 0x010, VM_DEV_FEATURES_SEL = 0x014,
    VM_DRV_FEATURES = 0x020, VM_DRV_FEATURES_SEL = 0x024,
    VM_GUEST_PAGE_SIZE = 0x028, VM_QUEUE_SEL = 0x030, VM_QUEUE_NUM = 0x038,
    VM_QUEUE_ALIGN = 0x03c, VM_QUEUE_PFN = 0x040, VM_QUEUE_READY = 0x044,
    VM_QUEUE_NOTIFY = 0x050, VM_STATUS = 0x070,
    VM_QUEUE_DESC_LO = 0x080, VM_QUEUE_DRIVER_LO = 0x090, VM_QUEUE_DEVICE_LO = 0x0a0,
    VM_CONFIG = 0x100,
};
enum { ST_ACK = 1, ST_DRIVER = 2, ST_DRIVER_OK = 4, ST_FEATURES_OK = 8, ST_NEEDS_RESET = 64 };
enum { F_MAC = 5, F_STATUS = 16 };

/* Per queue: descriptors at 0, the available ring at 128, used at 4096. */
static uint8_t rings[2][8192] __attribute__((aligned(4096)));
static uint8_t rxbuf[QSIZE][2048] __attribute__((aligned(16)));
static uint8_t txhdr[16] __attribute__((aligned(16)));
static uint8_t txframe[64] __attribute__((aligned(16)));

static uint64_t base;
static bool legacy;
static unsigned hdr_len;
static uint16_t avail_idx[2], used_seen[2];
static uint8_t mac[6];

static void wr(uint32_t off, uint32_t v) { mmio_write32(base + off, v); }
static uint32_t rd(uint32_t off) { return mmio_read32(base + off); }

static void put_desc(unsigned q, unsigned i, uint64_t addr, uint32_t len, uint16_t flags,
                     uint16_t next)
{
    volatile uint8_t *d = rings[q] + 16 * i;
    *(volatile uint64_t *)d = addr;
    *(volatile uint32_t *)(d + 8) = len;
    *(volatile uint16_t *)(d + 12) = flags;
    *(volatile uint16_t *)(d + 14) = next;
}

static volatile uint16_t *avail_ring(unsigned q) { return (volatile uint16_t *)(rings[q] + 128); }
static volatile uint16_t *used_idx(unsigned q) { return (volatile uint16_t *)(rings[q] + 4096 + 2); }
static volatile uint32_t *used_elem(unsigned q, unsigned i)
{
    return (volatile uint32_t *)(rings[q] + 4096 + 4 + 8 * (i % QSIZE));
}

static void offer(unsigned q, uint16_t head)
{
    avail_ring(q)[2 + avail_idx[q] % QSIZE] = head;
    dsb();
    avail_ring(q)[1] = ++avail_idx[q];
    dsb();
}

static void notify(unsigned q)
{
    dsb();
    wr(VM_QUEUE_NOTIFY, q);
}

static uint64_t now_us(void)
{
    return read_sysreg(cntvct_el0) * 1000000 / read_sysreg(cntfrq_el0);
}

static void clear(volatile uint8_t *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = 0;
}

static void setup_queue(unsigned q)
{
    uint64_t a = (uint64_t)rings[q];

    clear(rings[q], sizeof(rings[q]));
    avail_idx[q] = used_seen[q] = 0;
    wr(VM_QUEUE_SEL, q);
    wr(VM_QUEUE_NUM, QSIZE);
    if (legacy) {
        wr(VM_QUEUE_ALIGN, 4096);
        wr(VM_QUEUE_PFN, (uint32_t)(a >> 12));
        return;
    }
    wr(VM_QUEUE_DESC_LO, (uint32_t)a);
    wr(VM_QUEUE_DESC_LO + 4, (uint32_t)(a >> 32));
    wr(VM_QUEUE_DRIVER_LO, (uint32_t)(a + 128));
    wr(VM_QUEUE_DRIVER_LO + 4, (uint32_t)((a + 128) >> 32));
    wr(VM_QUEUE_DEVICE_LO, (uint32_t)(a + 4096));
    wr(VM_QUEUE_DEVICE_LO + 4, (uint32_t)((a + 4096) >> 32));
    wr(VM_QUEUE_READY, 1);
}

/* Device initialisation (virtio 1.1, 3.1.1; legacy: 4.2.4): the features
 * bits, and whether the device took them. */
static bool device_init(uint32_t *features)
{
    wr(VM_STATUS, 0);
    wr(VM_STATUS, ST_ACK);
    wr(VM_STATUS, ST_ACK | ST_DRIVER);
    wr(VM_DEV_FEATURES_SEL, 0);
    *features = rd(VM_DEV_FEATURES);
    wr(VM_DRV_FEATURES_SEL, 0);
    wr(VM_DRV_FEATURES, *features & (1u << F_MAC | 1u << F_STATUS));
    if (legacy) {
        wr(VM_GUEST_PAGE_SIZE, 4096);
    } else {
        wr(VM_DRV_FEATURES_SEL, 1);
        wr(VM_DRV_FEATURES, 1);         /* VIRTIO_F_VERSION_1 */
        wr(VM_STATUS, ST_ACK | ST_DRIVER | ST_FEATURES_OK);
        if (!(rd(VM_STATUS) & ST_FEATURES_OK))
            return false;
    }
    setup_queue(0);
    setup_queue(1);
    wr(VM_STATUS, rd(VM_STATUS) | ST_DRIVER_OK);
    /* Receive buffers, all of them device-writable. */
    for (unsigned i = 0; i < QSIZE; i++) {
        put_desc(0, i, (uint64_t)rxbuf[i], sizeof(rxbuf[i]), 2, 0);
        offer(0, (uint16_t)i);
    }
    notify(0);
    return true;
}

static void put16be(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* An ARP request (RFC 826) from 10.0.2.15 for 10.0.2.2, broadcast. */
static unsigned build_arp(void)
{
    static const uint8_t spa[4] = { 10, 0, 2, 15 }, tpa[4] = { 10, 0, 2, 2 };
    uint8_t *f = txframe;

    clear(f, sizeof(txframe));
    for (int i = 0; i < 6; i++) {
        f[i] = 0xff;
        f[6 + i] = mac[i];
        f[22 + i] = mac[i];
    }
    put16be(f + 12, 0x0806);
    put16be(f + 14, 1);         /* Ethernet */
    put16be(f + 16, 0x0800);    /* IPv4 */
    f[18] = 6;
    f[19] = 4;
    put16be(f + 20, 1);         /* request */
    for (int i = 0; i < 4; i++) {
        f[28 + i] = spa[i];
        f[38 + i] = tpa[i];
    }
    return 42;
}

static void print_mac(const char *what, const volatile uint8_t *m)
{
    static const char hex[] = "0123456789abcdef";
    printf("%s", what);
    for (int i = 0; i < 6; i++)
        printf("%c%c%c", hex[m[i] >> 4], hex[m[i] & 15], i < 5 ? ':' : '\n');
}

/* Waits up to 3 s for an ARP reply among the received frames. */
static bool wait_arp_reply(void)
{
    uint64_t end = now_us() + 3000000;

    while (now_us() < end) {
        if (*used_idx(0) == used_seen[0])
            continue;
        volatile uint32_t *e = used_elem(0, used_seen[0]++);
        const volatile uint8_t *f = rxbuf[e[0] % QSIZE] + hdr_len;
        if (e[1] >= hdr_len + 42 && f[12] == 0x08 && f[13] == 0x06 && f[21] == 2) {
            printf("arp reply: %u.%u.%u.%u is at ", f[28], f[29], f[30], f[31]);
            print_mac("", f + 22);
            return true;
        }
    }
    printf("no arp reply\n");
    return false;
}

/* Sends the ARP request (header and frame in two descriptors). */
static void send_arp(void)
{
    unsigned len = build_arp();
    clear(txhdr, sizeof(txhdr));
    put_desc(1, 0, (uint64_t)txhdr, hdr_len, 1, 1);
    put_desc(1, 1, (uint64_t)txframe, len, 0, 0);
    offer(1, 0);
    notify(1);
}

static bool find_device(void)
{
    for (unsigned i = 0; i < 32; i++) {
        base = MMIO_BASE + 0x200ull * i;
        if (rd(VM_MAGIC) == 0x74726976 && rd(VM_DEVICE_ID) == 1) {
            printf("virtio-net on transport %u\n", i);
            legacy = rd(VM_VERSION) == 1;
            hdr_len = legacy ? 10 : 12;
            return true;
        }
    }
    printf("no virtio-net device\n");
    return false;
}

int main(void)
{
    uint32_t features;

    if (!find_device())
        return 0;
    if (!device_init(&features)) {
        printf("FEATURES_OK refused\n");
        return 0;
    }
    printf("features: mac %u status %u\n", features >> F_MAC & 1, features >> F_STATUS & 1);
    for (int i = 0; i < 6; i++)
        mac[i] = *(volatile uint8_t *)(base + VM_CONFIG + i);
    print_mac("mac ", mac);
    printf("link %s\n", *(volatile uint16_t *)(base + VM_CONFIG + 6) & 1 ? "up" : "down");
    send_arp();
    wait_arp_reply();
    uint64_t end = now_us() + 1000000;
    while (*used_idx(1) != 1 && now_us() < end)
        ;
    printf("transmit buffers returned: %u\n", *used_idx(1));

    /* A chain whose next index is outside the queue: refused, not consumed
     * (modern devices also ask for a reset). */
    put_desc(1, 2, (uint64_t)txhdr, hdr_len, 1, 200);
    offer(1, 2);
    notify(1);
    end = now_us() + 300000;
    while (now_us() < end && !(!legacy && (rd(VM_STATUS) & ST_NEEDS_RESET)))
        ;
    printf("malformed chain %s\n", *used_idx(1) == 1 &&
           (legacy || (rd(VM_STATUS) & ST_NEEDS_RESET)) ? "refused" : "taken");

    /* After a reset the device works again. */
    if (!device_init(&features))
        printf("FEATURES_OK refused after the reset\n");
    send_arp();
    printf("after the reset: ");
    wait_arp_reply();
    return 0;
}
