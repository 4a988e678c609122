/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernel, integer: a 64-bit hash over a buffer refilled by a
 * PRNG, mixing with multiplies, rotates, shifts and XOR (a murmur/xxhash
 * style round) -- long dependency chains of simple ALU ops, the
 * translator's bread and butter.  argv[1] scales the work (default 1.0);
 * prints a checksum that must match between native and emulated runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define WORDS 4096

static inline uint64_t rotl(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t hash_words(const uint64_t *w, size_t n, uint64_t seed)
{
    const uint64_t p1 = 0x9e3779b185ebca87ull, p2 = 0xc2b2ae3d27d4eb4full;
    uint64_t a = seed + p1, b = seed ^ p2, c = seed - p1, d = ~seed;
    for (size_t i = 0; i + 4 <= n; i += 4) {
        a = rotl(a + w[i] * p2, 31) * p1;
        b = rotl(b + w[i + 1] * p2, 31) * p1;
        c = rotl(c + w[i + 2] * p2, 31) * p1;
        d = rotl(d + w[i + 3] * p2, 31) * p1;
    }
    uint64_t h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18);
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    return h;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? atof(argv[1]) : 1.0;
    long rounds = (long)(480000 * scale);
    static uint64_t buf[WORDS];
    uint64_t state = 42, acc = 0;

    for (long r = 0; r < rounds; r++) {
        /* Refill a slice so the data changes from round to round. */
        for (size_t i = (size_t)(r % 64) * 64; i < (size_t)(r % 64) * 64 + 64; i++)
            buf[i] = splitmix(&state);
        acc ^= hash_words(buf, WORDS, acc + (uint64_t)r);
    }
    printf("hash: %ld rounds, checksum %016llx\n", rounds, (unsigned long long)acc);
    return 0;
}
