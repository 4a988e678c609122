/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the PAC algorithms (translate/aarch64/qarma.c):
 *  - QARMA5 (a64_pac_qarma5, the Arm ARM's ComputePAC) against the test
 *    vector of the QARMA paper (Avanzi, ToSC 2017(1), QARMA-64 with sigma2
 *    and r = 5, the variant Arm adopted): P = fb623599da6e8127,
 *    T = 477d469dec0b8762, w0 = 84be85ce9804e94b, k0 = ec2802d4e0a488e9
 *    gives C = c003b93999b33765; ComputePAC(data = P, modifier = T,
 *    key0 = w0, key1 = k0).  A wrong cell permutation, S-box, tweak
 *    schedule or constant anywhere changes it.  Both the step-by-step
 *    reference and the table-driven version used at run time are checked,
 *    and they must agree on random inputs.
 *  - both algorithms: every bit of the data (below the PAC field), of the
 *    modifier and of both key halves reaches the address PAC field (bits
 *    54:48) and PACGA's field (bits 63:32) for some inputs, so the PAC binds
 *    all of them.
 * Prints "N passed, N failed".
 */
#include <stdio.h>
#include "translate/aarch64/pauth.h"
#include "unit.h"
#include "xorshift.h"

static uint64_t rs = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void) { return xorshift64(&rs); }

typedef uint64_t (*PacFn)(uint64_t, uint64_t, uint64_t, uint64_t);

/* Does flipping input bit `bit` of argument `arg` change the output bits
 * of mask, for at least one of 64 random inputs? */
static int bit_reaches(PacFn f, unsigned arg, unsigned bit, uint64_t mask)
{
    for (int i = 0; i < 64; i++) {
        uint64_t a[4] = { rnd() & 0x0000ffffffffffffull, rnd(), rnd(), rnd() }, b[4];
        for (int k = 0; k < 4; k++)
            b[k] = a[k];
        b[arg] ^= 1ull << bit;
        if ((f(a[0], a[1], a[2], a[3]) ^ f(b[0], b[1], b[2], b[3])) & mask)
            return 1;
    }
    return 0;
}

static void diffusion(const char *name, PacFn f)
{
    static const char *const args[4] = { "data", "modifier", "key0", "key1" };
    char what[96];

    for (unsigned arg = 0; arg < 4; arg++) {
        int ok_addr = 1, ok_ga = 1;
        for (unsigned bit = 0; bit < (arg == 0 ? 48u : 64u); bit++) {
            ok_addr &= bit_reaches(f, arg, bit, 0x007f000000000000ull);
            ok_ga &= bit_reaches(f, arg, bit, 0xffffffff00000000ull);
        }
        snprintf(what, sizeof(what), "%s: every %s bit reaches the address PAC", name, args[arg]);
        result(what, ok_addr);
        snprintf(what, sizeof(what), "%s: every %s bit reaches the PACGA field", name, args[arg]);
        result(what, ok_ga);
    }
}

/* Changing the modifier must move the address PACs of two keys
 * independently: the XOR of their 7-bit PACs repeats from modifier m to
 * m + 1 for 1/128 of random inputs, as for unrelated values (a hash whose
 * modifier enters after its last multiply repeats it for ~6%). */
static void modifier_independence(const char *name, PacFn f)
{
    const int n = 50000;
    int same = 0;
    char what[96];

    for (int i = 0; i < n; i++) {
        uint64_t d = rnd() & 0xffffffffffffull, m = rnd() & 0xffff;
        uint64_t a0 = rnd(), a1 = rnd(), b0 = rnd(), b1 = rnd();
        uint64_t x = (f(d, m, a0, a1) ^ f(d, m, b0, b1)) >> 48 & 127;
        uint64_t y = (f(d, m + 1, a0, a1) ^ f(d, m + 1, b0, b1)) >> 48 & 127;
        same += x == y;
    }
    snprintf(what, sizeof(what), "%s: two keys' PACs move independently with the modifier (%d/%d)",
             name, same, n);
    result(what, same < n / 128 * 3 / 2);
}

int main(void)
{
    uint64_t c = a64_pac_qarma5(0xfb623599da6e8127ull, 0x477d469dec0b8762ull,
                                0x84be85ce9804e94bull, 0xec2802d4e0a488e9ull);

    if (c != 0xc003b93999b33765ull)
        printf("QARMA5 vector: got %016llx\n", (unsigned long long)c);
    result("QARMA5 test vector (sigma2, r = 5)", c == 0xc003b93999b33765ull);
    result("QARMA5 depends on the modifier",
           a64_pac_qarma5(0xfb623599da6e8127ull, 0x477d469dec0b8763ull,
                          0x84be85ce9804e94bull, 0xec2802d4e0a488e9ull) != c);
    result("QARMA5 reference: test vector",
           a64_pac_qarma5_ref(0xfb623599da6e8127ull, 0x477d469dec0b8762ull,
                              0x84be85ce9804e94bull, 0xec2802d4e0a488e9ull) == 0xc003b93999b33765ull);
    {
        int same = 1;
        for (int i = 0; i < 10000; i++) {
            uint64_t d = rnd(), m = rnd(), k0 = rnd(), k1 = rnd();
            same &= a64_pac_qarma5(d, m, k0, k1) == a64_pac_qarma5_ref(d, m, k0, k1);
        }
        result("QARMA5 tables agree with the reference on 10000 random inputs", same);
    }
    diffusion("qarma5", a64_pac_qarma5);
    diffusion("impdef", a64_pac_impdef);
    modifier_independence("impdef", a64_pac_impdef);
    modifier_independence("qarma5", a64_pac_qarma5);
    return unit_summary();
}
