/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) computed with a
 * 256-entry table built at start-up, checked against the standard check
 * value of "123456789" (0xCBF43926) and a bit-at-a-time version, then run
 * over a 256 KiB pseudo-random buffer in chunks of varied sizes; also the
 * slicing-by-4 variant.  Byte loads, shifts, XOR and table lookups.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t table[4][256];

static void make_tables(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 4; t++)
            table[t][i] = (table[t - 1][i] >> 8) ^ table[0][table[t - 1][i] & 0xff];
}

static uint32_t crc_update(uint32_t crc, const unsigned char *p, size_t n)
{
    crc = ~crc;
    while (n--)
        crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t crc_slice4(uint32_t crc, const unsigned char *p, size_t n)
{
    crc = ~crc;
    while (n >= 4) {
        crc ^= (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
               (uint32_t)p[3] << 24;
        crc = table[3][crc & 0xff] ^ table[2][(crc >> 8) & 0xff] ^
              table[1][(crc >> 16) & 0xff] ^ table[0][crc >> 24];
        p += 4;
        n -= 4;
    }
    while (n--)
        crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t crc_bitwise(const unsigned char *p, size_t n)
{
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

#define BIG (1 << 18)

int main(void)
{
    static unsigned char buf[BIG];
    static const char check[] = "123456789";
    int fails = 0;

    make_tables();
    uint32_t c1 = crc_update(0, (const unsigned char *)check, 9);
    uint32_t c2 = crc_bitwise((const unsigned char *)check, 9);
    printf("crc32(\"123456789\") = %08x (bitwise %08x)\n", c1, c2);
    fails += c1 != 0xcbf43926u || c2 != c1;
    printf("crc32(\"\") = %08x\n", crc_update(0, buf, 0));
    const char *fox = "The quick brown fox jumps over the lazy dog";
    printf("crc32(fox) = %08x\n", crc_update(0, (const unsigned char *)fox, strlen(fox)));

    uint32_t x = 1;
    for (size_t i = 0; i < BIG; i++) {
        x = x * 1664525u + 1013904223u;
        buf[i] = (unsigned char)(x >> 24);
    }
    uint32_t whole = crc_update(0, buf, BIG);
    uint32_t sliced = crc_slice4(0, buf, BIG);
    /* Chunked in varied sizes: the CRC of a concatenation is incremental. */
    uint32_t chunked = 0;
    size_t pos = 0, step = 1;
    while (pos < BIG) {
        size_t n = step < BIG - pos ? step : BIG - pos;
        chunked = crc_slice4(chunked, buf + pos, n);
        pos += n;
        step = step * 3 % 4093 + 1;
    }
    uint32_t bitwise = crc_bitwise(buf, 16384);
    printf("256 KiB: table %08x slice4 %08x chunked %08x\n", whole, sliced, chunked);
    printf("16 KiB: bitwise %08x table %08x\n", bitwise, crc_update(0, buf, 16384));
    fails += whole != sliced || whole != chunked || bitwise != crc_update(0, buf, 16384);
    printf("%s\n", fails ? "FAIL" : "ok");
    return fails != 0;
}
