/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The CRC32 instructions through the ACLE intrinsics (arm_acle.h, built
 * with -march=armv8-a+crc, see gen-crc32c.cflags): __crc32b/h/w/d (IEEE
 * polynomial) and __crc32cb/ch/cw/cd (Castagnoli), compared with table
 * versions in plain C on the standard check strings ("123456789" gives
 * 0xCBF43926 and 0xE3069283), on every length 0..64 at every alignment
 * 0..7, and on a 256 KiB buffer consumed 8 bytes at a time.
 */
#include <arm_acle.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t table_ieee[256], table_c[256];

static void make_table(uint32_t *t, uint32_t poly)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? poly ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
}

static uint32_t crc_table(const uint32_t *t, const unsigned char *p, size_t n)
{
    uint32_t crc = 0xffffffffu;
    while (n--)
        crc = t[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

/* 8 bytes at a time with the widest instruction, then 4, 2, 1. */
static uint32_t crc_hw(const unsigned char *p, size_t n, int castagnoli)
{
    uint32_t crc = 0xffffffffu;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        crc = castagnoli ? __crc32cd(crc, v) : __crc32d(crc, v);
        p += 8;
        n -= 8;
    }
    if (n >= 4) {
        uint32_t v;
        memcpy(&v, p, 4);
        crc = castagnoli ? __crc32cw(crc, v) : __crc32w(crc, v);
        p += 4;
        n -= 4;
    }
    if (n >= 2) {
        uint16_t v;
        memcpy(&v, p, 2);
        crc = castagnoli ? __crc32ch(crc, v) : __crc32h(crc, v);
        p += 2;
        n -= 2;
    }
    if (n)
        crc = castagnoli ? __crc32cb(crc, *p) : __crc32b(crc, *p);
    return ~crc;
}

#define BIG (256 * 1024)

int main(void)
{
    static unsigned char buf[BIG + 16];
    const unsigned char *check = (const unsigned char *)"123456789";
    int fails = 0;

    make_table(table_ieee, 0xedb88320u);
    make_table(table_c, 0x82f63b78u);
    uint32_t hw = crc_hw(check, 9, 0), hwc = crc_hw(check, 9, 1);
    printf("crc32  check %08x (table %08x)\n", hw, crc_table(table_ieee, check, 9));
    printf("crc32c check %08x (table %08x)\n", hwc, crc_table(table_c, check, 9));
    fails += hw != 0xcbf43926u || hwc != 0xe3069283u;

    uint32_t x = 7;
    for (size_t i = 0; i < sizeof(buf); i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        buf[i] = (unsigned char)x;
    }
    unsigned mismatches = 0;
    uint32_t fold = 0;
    for (unsigned a = 0; a < 8; a++) {
        for (unsigned n = 0; n <= 64; n++) {
            uint32_t h1 = crc_hw(buf + a, n, 0), h2 = crc_hw(buf + a, n, 1);
            mismatches += h1 != crc_table(table_ieee, buf + a, n);
            mismatches += h2 != crc_table(table_c, buf + a, n);
            fold = fold * 33 + (h1 ^ h2);
        }
    }
    printf("short lengths: %u mismatches, fold %08x\n", mismatches, fold);
    fails += mismatches != 0;

    uint32_t big_hw = crc_hw(buf, BIG, 1), big_table = crc_table(table_c, buf, BIG);
    printf("256 KiB crc32c: hw %08x table %08x\n", big_hw, big_table);
    fails += big_hw != big_table;
    /* Single instructions on edge inputs. */
    printf("edge: %08x %08x %08x %08x\n", __crc32cd(0, 0), __crc32cd(~0u, ~0ull),
           __crc32d(0x12345678u, 0x8000000000000001ull), __crc32cb(0xffffffffu, 0x80));
    printf("%s\n", fails ? "FAIL" : "ok");
    return fails != 0;
}
