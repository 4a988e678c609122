/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the full-system core: address-space dispatch (RAM, MMIO
 * with offsets and width adaptation, overlap priority, unassigned
 * accesses with and without bus errors, DMA across regions, ROM), the
 * option parser and size suffixes, the JSON reader, and the virtual clock
 * with its timers.
 */
#include <string.h>
#include <time.h>
#include "system/json.h"
#include "system/machine.h"
#include "system/memory.h"
#include "system/timer.h"
#include "test-sys.h"

/* A device that records its last access and answers a pattern. */
typedef struct {
    hwaddr off;
    unsigned size, nacc;
    uint64_t wval;
    uint32_t id;
} Dev;

static SysMemResult dev_read(void *opaque, hwaddr off, unsigned size,
                             uint64_t *val, SysMemAttrs at)
{
    Dev *d = opaque;
    d->off = off;
    d->size = size;
    d->nacc++;
    /* Byte i of the register space reads as id + i. */
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)((d->id + off + i) & 0xff) << (8 * i);
    *val = v;
    return at.requester == 7 ? SYS_MEM_DEVICE_ERROR : SYS_MEM_OK;
}

static SysMemResult dev_write(void *opaque, hwaddr off, unsigned size,
                              uint64_t val, SysMemAttrs at)
{
    Dev *d = opaque;
    (void)at;
    d->off = off;
    d->size = size;
    d->wval = val;
    d->nacc++;
    return SYS_MEM_OK;
}

static const SysMemOps any_ops = { dev_read, dev_write, 0, 0 };
static const SysMemOps word_ops = { dev_read, dev_write, 4, 4 };

static void test_dispatch(void)
{
    SysAddressSpace as;
    Dev a = { .id = 0x10 }, b = { .id = 0x80 }, w = { .id = 0 };
    uint64_t v;

    sys_as_init(&as, true);
    CHECK(sys_as_add_ram(&as, "ram", 0x40000000, 0x100000, 0, false) != NULL);
    CHECK(sys_as_add_mmio(&as, "a", 0x1000, 0x1000, 0, &any_ops, &a) != NULL);
    CHECK(sys_as_add_mmio(&as, "w", 0x3000, 0x100, 0, &word_ops, &w) != NULL);

    /* RAM: little-endian, any size. */
    CHECK_EQ(sys_as_write(&as, 0x40000010, 8, 0x1122334455667788ull, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(sys_as_read(&as, 0x40000010, 1, &v, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(v, 0x88);
    CHECK_EQ(sys_as_read(&as, 0x40000012, 2, &v, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(v, 0x5566);
    CHECK_EQ(*(uint32_t *)sys_as_ram_ptr(&as, 0x40000014, 4), 0x11223344);

    /* MMIO: region-relative offsets. */
    CHECK_EQ(sys_as_read(&as, 0x1234, 4, &v, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(a.off, 0x234);
    CHECK_EQ(a.size, 4);
    CHECK_EQ(v, 0x47464544);
    sys_as_write(&as, 0x1ff8, 8, 0xdeadbeefcafef00dull, SYS_ATTRS_CPU(0));
    CHECK_EQ(a.off, 0xff8);
    CHECK_EQ(a.wval, 0xdeadbeefcafef00dull);
    /* The device's own error comes back. */
    CHECK_EQ(sys_as_read(&as, 0x1000, 4, &v, SYS_ATTRS_CPU(7)), SYS_MEM_DEVICE_ERROR);

    /* A 4-byte-only device: a byte read is widened, an 8-byte one split. */
    w.nacc = 0;
    CHECK_EQ(sys_as_read(&as, 0x3006, 1, &v, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(w.off, 4);
    CHECK_EQ(w.size, 4);
    CHECK_EQ(v, 6);
    CHECK_EQ(sys_as_read(&as, 0x3008, 8, &v, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(w.nacc, 3);
    CHECK_EQ(v, 0x0f0e0d0c0b0a0908ull);
    sys_as_write(&as, 0x3011, 1, 0xab, SYS_ATTRS_CPU(0));
    CHECK_EQ(w.off, 0x10);
    CHECK_EQ(w.wval, 0xab00);

    /* Overlap: the higher priority wins over the overlap only. */
    CHECK(sys_as_add_mmio(&as, "b", 0x1800, 0x100, 1, &any_ops, &b) != NULL);
    sys_as_read(&as, 0x1810, 1, &v, SYS_ATTRS_CPU(0));
    CHECK_EQ(v, 0x90);
    CHECK_EQ(b.off, 0x10);
    sys_as_read(&as, 0x1900, 1, &v, SYS_ATTRS_CPU(0));
    CHECK_EQ(a.off, 0x900);
    sys_as_read(&as, 0x17ff, 1, &v, SYS_ATTRS_CPU(0));
    CHECK_EQ(a.off, 0x7ff);
    /* Equal priority: the region added last is on top. */
    Dev c = { .id = 0x40 };
    CHECK(sys_as_add_mmio(&as, "c", 0x1900, 0x10, 0, &any_ops, &c) != NULL);
    sys_as_read(&as, 0x1904, 1, &v, SYS_ATTRS_CPU(0));
    CHECK_EQ(v, 0x44);
    CHECK_EQ(sys_as_lookup(&as, 0x1904)->name[0], 'c');
    CHECK_EQ(sys_as_lookup(&as, 0x1910)->name[0], 'a');

    /* Unassigned: zero, writes dropped, a bus error on this board. */
    v = 123;
    CHECK_EQ(sys_as_read(&as, 0x5000, 4, &v, SYS_ATTRS_CPU(0)), SYS_MEM_DECODE_ERROR);
    CHECK_EQ(v, 0);
    CHECK_EQ(sys_as_write(&as, 0x5000, 4, 1, SYS_ATTRS_CPU(0)), SYS_MEM_DECODE_ERROR);
    /* An access straddling RAM's end: the RAM bytes, then zeros. */
    *(uint8_t *)sys_as_ram_ptr(&as, 0x400fffff, 1) = 0x5a;
    CHECK(sys_as_read(&as, 0x400fffff, 2, &v, SYS_ATTRS_CPU(0)) != SYS_MEM_OK);
    CHECK_EQ(v, 0x5a);
    CHECK(sys_as_ram_ptr(&as, 0x400fffff, 2) == NULL);
    CHECK(sys_as_ram_ptr(&as, 0x1000, 1) == NULL);
    sys_as_destroy(&as);

    /* The other policy: read-as-zero/write-ignored without an error. */
    sys_as_init(&as, false);
    CHECK_EQ(sys_as_read(&as, 0x5000, 8, &v, SYS_ATTRS_CPU(0)), SYS_MEM_OK);
    CHECK_EQ(v, 0);
    sys_as_destroy(&as);
}

static void test_dma_and_rom(void)
{
    SysAddressSpace as;
    Dev d = { .id = 0 };
    uint8_t buf[64], back[64];

    sys_as_init(&as, true);
    sys_as_add_ram(&as, "ram0", 0x0, 0x1000, 0, false);
    sys_as_add_ram(&as, "ram1", 0x1000, 0x1000, 0, false);
    sys_as_add_ram(&as, "rom", 0x10000, 0x1000, 0, true);
    sys_as_add_mmio(&as, "dev", 0x2000, 0x100, 0, &any_ops, &d);
    for (int i = 0; i < 64; i++)
        buf[i] = (uint8_t)(i * 7);
    /* Across two RAM regions in one call. */
    CHECK_EQ(sys_as_rw(&as, 0xfe0, buf, 64, true, SYS_ATTRS_DMA), SYS_MEM_OK);
    CHECK_EQ(sys_as_rw(&as, 0xfe0, back, 64, false, SYS_ATTRS_DMA), SYS_MEM_OK);
    CHECK(!memcmp(buf, back, 64));
    /* Into MMIO: a byte at a time, reads see the device. */
    CHECK_EQ(sys_as_rw(&as, 0x2010, back, 4, false, SYS_ATTRS_DMA), SYS_MEM_OK);
    CHECK_EQ(back[0], 0x10);
    CHECK_EQ(back[3], 0x13);
    /* Past the end: an error, but what exists was copied. */
    CHECK(sys_as_rw(&as, 0x20f0, back, 32, false, SYS_ATTRS_DMA) != SYS_MEM_OK);
    /* ROM: writes ignored. */
    *(uint32_t *)sys_as_ram_ptr(&as, 0x10000, 4) = 0x12345678;
    sys_as_write(&as, 0x10000, 4, 0, SYS_ATTRS_CPU(0));
    uint64_t v;
    sys_as_read(&as, 0x10000, 4, &v, SYS_ATTRS_CPU(0));
    CHECK_EQ(v, 0x12345678);
    sys_as_destroy(&as);
}

static void test_opts(void)
{
    SysOpts o;
    char err[100];
    uint64_t sz;

    CHECK(sys_opts_parse("virt,gic-version=3,dumpdtb=a,,b", "type", &o, err, sizeof(err)));
    CHECK(!strcmp(sys_opts_get(&o, "type"), "virt"));
    CHECK(!strcmp(sys_opts_get(&o, "gic-version"), "3"));
    CHECK(!strcmp(sys_opts_get(&o, "dumpdtb"), "a,b"));
    CHECK(sys_opts_get(&o, "nope") == NULL);
    sys_opts_free(&o);
    CHECK(sys_opts_parse("unix:/tmp/x,server,nowait", "addr", &o, err, sizeof(err)));
    CHECK(!strcmp(sys_opts_get(&o, "addr"), "unix:/tmp/x"));
    CHECK(!strcmp(sys_opts_get(&o, "server"), "on"));
    sys_opts_free(&o);
    CHECK(!sys_opts_parse("a=1,=2", NULL, &o, err, sizeof(err)));
    CHECK(sys_parse_size("512M", true, &sz) && sz == 512ull << 20);
    CHECK(sys_parse_size("2G", true, &sz) && sz == 2ull << 30);
    CHECK(sys_parse_size("1.5G", true, &sz) && sz == 3ull << 29);
    CHECK(sys_parse_size("256", true, &sz) && sz == 256ull << 20);
    CHECK(sys_parse_size("4096", false, &sz) && sz == 4096);
    CHECK(!sys_parse_size("lots", true, &sz));
    CHECK(!sys_parse_size("12Q", true, &sz));
    CHECK(!sys_parse_size("99999999E", true, &sz));
}

static void test_json(void)
{
    const char *t = "{\"execute\": \"query-status\", \"id\": [1, \"x\\u0041\", true, null], \"n\": -2.5e1}";
    JsonValue *v = json_parse(t, strlen(t));
    CHECK(v && v->type == JSON_OBJECT);
    CHECK(!strcmp(json_get(v, "execute")->str, "query-status"));
    JsonValue *id = json_get(v, "id");
    CHECK(id && id->type == JSON_ARRAY && id->n == 4);
    CHECK(!strcmp(id->items[1]->str, "xA"));
    CHECK(id->items[2]->b && id->items[3]->type == JSON_NULL);
    CHECK(json_get(v, "n")->num == -25);
    json_free(v);
    CHECK(json_parse("{\"a\": }", 7) == NULL);
    CHECK(json_parse("[1, 2", 5) == NULL);
    CHECK(json_parse("{} x", 4) == NULL);
    /* Depth bomb: refused, no stack overflow. */
    char deep[400];
    memset(deep, '[', sizeof(deep));
    CHECK(json_parse(deep, sizeof(deep)) == NULL);
    /* Splitting a stream: braces inside strings do not count. */
    const char *s = "{\"a\": \"}{\"} {\"b\": 1}";
    CHECK_EQ(json_split(s, strlen(s)), 11);
    CHECK_EQ(json_split("{\"a\": 1", 7), 0);
    CHECK_EQ(json_split("}", 1), (unsigned long long)-1);
    char q[64];
    CHECK(!strcmp(json_quote("a\"b\\\n", q, sizeof(q)), "\"a\\\"b\\\\\\u000a\""));
}

static int fired[3];
static void on_timer(void *opaque) { fired[(intptr_t)opaque]++; }

static void test_clock(void)
{
    SysTimer t0, t1, t2;
    struct timespec ms = { 0, 2000000 };

    /* Stopped at start: no time passes. */
    int64_t a = sys_clock_ns(SYS_CLOCK_VIRTUAL);
    nanosleep(&ms, NULL);
    CHECK_EQ(sys_clock_ns(SYS_CLOCK_VIRTUAL), a);
    sys_timer_init(&t0, SYS_CLOCK_VIRTUAL, on_timer, (void *)0);
    sys_timer_init(&t1, SYS_CLOCK_VIRTUAL, on_timer, (void *)1);
    sys_timer_init(&t2, SYS_CLOCK_REALTIME, on_timer, (void *)2);
    sys_timer_mod(&t0, a + 1000000);
    sys_timer_mod(&t1, a + 500000000);
    sys_timer_mod(&t2, sys_clock_ns(SYS_CLOCK_REALTIME) - 1);
    CHECK_EQ(sys_timers_run(), 1);      /* only the host-clock one */
    CHECK_EQ(fired[2], 1);
    CHECK(sys_timers_deadline_ns() < 0);   /* virtual ones wait while stopped */
    sys_clock_virtual_start();
    int64_t dl = sys_timers_deadline_ns();
    CHECK(dl >= 0 && dl <= 1000000);
    nanosleep(&ms, NULL);
    CHECK_EQ(sys_timers_run(), 1);
    CHECK_EQ(fired[0], 1);
    CHECK(sys_timer_pending(&t1));
    sys_timer_del(&t1);
    CHECK(!sys_timer_pending(&t1));
    sys_clock_virtual_stop();
    int64_t b = sys_clock_ns(SYS_CLOCK_VIRTUAL);
    CHECK(b >= a + 2000000);
    nanosleep(&ms, NULL);
    CHECK_EQ(sys_clock_ns(SYS_CLOCK_VIRTUAL), b);
    sys_clock_virtual_start();
    CHECK(sys_clock_ns(SYS_CLOCK_VIRTUAL) - b < 1000000);  /* no jump over the pause */
}

int main(void)
{
    test_dispatch();
    test_dma_and_rom();
    test_opts();
    test_json();
    test_clock();
    return unit_summary();
}
