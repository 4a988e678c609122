/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The unit tests' pseudo-random numbers: Marsaglia's xorshift64 (shifts
 * 13, 7, 17) on a state the test seeds, so a run is repeatable.
 */
#ifndef GUISE_TEST_XORSHIFT_H
#define GUISE_TEST_XORSHIFT_H

#include <stdint.h>

static inline uint64_t xorshift64(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

#endif
