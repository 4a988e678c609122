/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Deep and branchy recursion: Ackermann's function (tens of thousands of
 * calls, recursion depth in the hundreds), naive Fibonacci, mutual
 * recursion, Towers of Hanoi and a recursive permutation count.  Stresses
 * BL/RET, the return-address stack of the dispatcher, stack frames and
 * block chaining on calls and returns.
 */
#include <stdint.h>
#include <stdio.h>

static unsigned long calls;

static unsigned long ackermann(unsigned long m, unsigned long n)
{
    calls++;
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static uint64_t fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int is_odd(unsigned n);

static int is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}

static int is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

static unsigned long hanoi_moves;
static unsigned hanoi_check;

static void hanoi(unsigned n, unsigned from, unsigned to, unsigned via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    hanoi_check = hanoi_check * 7 + from * 3 + to;
    hanoi(n - 1, via, to, from);
}

/* Count permutations of n items with no fixed point (derangements). */
static unsigned long derange(unsigned pos, unsigned n, unsigned used)
{
    if (pos == n)
        return 1;
    unsigned long total = 0;
    for (unsigned v = 0; v < n; v++)
        if (v != pos && !(used & (1u << v)))
            total += derange(pos + 1, n, used | (1u << v));
    return total;
}

/* Sum of a tree built on the stack through recursion with big frames. */
static uint64_t frames(unsigned depth, uint64_t seed)
{
    volatile uint64_t local[32];
    for (unsigned i = 0; i < 32; i++)
        local[i] = seed * (i + 1);
    if (depth == 0)
        return local[seed % 32];
    return local[depth % 32] + frames(depth - 1, seed * 3 + 1);
}

int main(void)
{
    for (unsigned long m = 0; m <= 3; m++) {
        for (unsigned long n = 0; n <= 4; n += 2) {
            calls = 0;
            unsigned long r = ackermann(m, n);
            printf("A(%lu,%lu) = %lu (%lu calls)\n", m, n, r, calls);
        }
    }
    calls = 0;
    unsigned long a2 = ackermann(2, 200);
    printf("A(2,200) = %lu (%lu calls)\n", a2, calls);
    for (unsigned n = 0; n <= 21; n += 3)
        printf("fib(%u) = %llu\n", n, (unsigned long long)fib(n));
    printf("even(10001) %d odd(7777) %d\n", is_even(10001), is_odd(7777));
    hanoi(14, 0, 2, 1);
    printf("hanoi(14): %lu moves, check %u\n", hanoi_moves, hanoi_check);
    for (unsigned n = 1; n <= 8; n++)
        printf("derangements(%u) = %lu\n", n, derange(0, n, 0));
    printf("frames: %llu\n", (unsigned long long)frames(2000, 5));
    return 0;
}
