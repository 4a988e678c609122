/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A long-running loop: a few hundred million guest instructions in tight
 * loops (an xorshift/multiply mix, a nested loop with a data-dependent
 * inner trip count, and a loop of conditional branches), so block
 * chaining, the exit-request check at block starts and the dispatcher's
 * steady state matter.  Well under a second under the reference; prints
 * the final values.
 */
#include <stdint.h>
#include <stdio.h>

static uint64_t mix_loop(uint64_t n)
{
    uint64_t x = 88172645463325252ull, acc = 0;
    for (uint64_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        acc += x * (i | 1);
    }
    return acc ^ x;
}

static uint64_t nested_loop(unsigned outer)
{
    uint64_t sum = 0;
    for (unsigned i = 0; i < outer; i++) {
        unsigned trip = (i * 2654435761u) >> 26;    /* 0..63 */
        for (unsigned j = 0; j < trip; j++)
            sum += i ^ j;
    }
    return sum;
}

static unsigned branchy_loop(unsigned n)
{
    unsigned a = 0, b = 0, c = 0, x = 1;
    for (unsigned i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        if (x & 0x10000)
            a++;
        else if (x & 0x20000)
            b += 3;
        else
            c ^= x;
    }
    return a * 3 + b * 5 + c;
}

int main(void)
{
    printf("mix: %016llx\n", (unsigned long long)mix_loop(15000000));
    printf("nested: %llu\n", (unsigned long long)nested_loop(800000));
    printf("branchy: %u\n", branchy_loop(15000000));
    return 0;
}
