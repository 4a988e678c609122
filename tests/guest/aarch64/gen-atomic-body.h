/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The body of the gen-atomic-* tests, built three ways by the including
 * files: with inline LL/SC exclusives (gen-atomic-llsc, -mno-outline-
 * atomics), with inline ARMv8.1 LSE instructions (gen-atomic-lse,
 * -march=armv8.1-a) and with the compiler's default out-of-line helpers,
 * which choose between the two from the AT_HWCAP the emulator reports
 * (gen-atomic-outline).  Checks the __atomic builtins' results and memory
 * effects on 8-, 16-, 32- and 64-bit objects (128-bit by inline assembly), single-threaded: the
 * values returned, the old value written back on a failed compare and
 * exchange, and that neighbouring bytes are untouched.  Prints the values;
 * exits with the number of failed checks.
 */
#include <stdint.h>
#include <stdio.h>

static int failures;

#define CHECK(cond)                                                    \
    do {                                                               \
        if (!(cond)) {                                                 \
            failures++;                                                \
            printf("FAIL line %d: %s\n", __LINE__, #cond);             \
        }                                                              \
    } while (0)

/* One object of type T between two guards, to catch wide stores.  The
 * expected values are computed in the unsigned type U, where wrapping is
 * defined. */
#define DEFINE_ATOMIC_TEST(T, U, name, init, operand)                          \
    static void test_##name(void)                                              \
    {                                                                          \
        static struct { T lo_guard; T v; T hi_guard; } s;                      \
        const U i0 = (U)(init), op = (U)(operand), guard = (U)0x5a5a5a5a5a5a5a5aull; \
        T r, expected;                                                         \
        s.lo_guard = s.hi_guard = (T)guard;                                    \
        s.v = (T)i0;                                                           \
        r = __atomic_fetch_add(&s.v, (T)op, __ATOMIC_SEQ_CST);                 \
        CHECK((U)r == i0 && (U)s.v == (U)(i0 + op));                           \
        r = __atomic_fetch_sub(&s.v, (T)op, __ATOMIC_RELAXED);                 \
        CHECK((U)r == (U)(i0 + op) && (U)s.v == i0);                           \
        r = __atomic_fetch_or(&s.v, (T)op, __ATOMIC_ACQUIRE);                  \
        CHECK((U)r == i0 && (U)s.v == (U)(i0 | op));                           \
        r = __atomic_fetch_and(&s.v, (T)~op, __ATOMIC_RELEASE);                \
        CHECK((U)s.v == (U)(i0 & ~op));                                        \
        r = __atomic_fetch_xor(&s.v, (T)op, __ATOMIC_ACQ_REL);                 \
        CHECK((U)s.v == (U)((i0 & ~op) ^ op));                                 \
        r = __atomic_fetch_nand(&s.v, (T)op, __ATOMIC_SEQ_CST);                \
        CHECK((U)s.v == (U)~((U)r & op));                                      \
        r = __atomic_exchange_n(&s.v, (T)i0, __ATOMIC_SEQ_CST);                \
        CHECK((U)s.v == i0);                                                   \
        r = __atomic_add_fetch(&s.v, (T)1, __ATOMIC_SEQ_CST);                  \
        CHECK((U)r == (U)(i0 + 1));                                            \
        r = __atomic_sub_fetch(&s.v, (T)1, __ATOMIC_SEQ_CST);                  \
        CHECK((U)r == i0);                                                     \
        /* Compare and exchange: success, then failure reporting the value. */ \
        expected = (T)i0;                                                      \
        CHECK(__atomic_compare_exchange_n(&s.v, &expected, (T)op, 0,           \
                                          __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); \
        CHECK((U)s.v == op);                                                   \
        expected = (T)i0;                                                      \
        CHECK(!__atomic_compare_exchange_n(&s.v, &expected, (T)0, 0,           \
                                           __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)); \
        CHECK((U)expected == op && (U)s.v == op);                              \
        /* A weak compare and exchange may fail spuriously: loop. */           \
        expected = __atomic_load_n(&s.v, __ATOMIC_ACQUIRE);                    \
        while (!__atomic_compare_exchange_n(&s.v, &expected,                   \
                                            (T)((U)expected * 3 + 1), 1,       \
                                            __ATOMIC_RELEASE, __ATOMIC_RELAXED)) \
            ;                                                                  \
        CHECK((U)s.v == (U)(op * 3 + 1));                                      \
        __atomic_store_n(&s.v, (T)i0, __ATOMIC_RELEASE);                       \
        CHECK((U)__atomic_load_n(&s.v, __ATOMIC_SEQ_CST) == i0);               \
        CHECK((U)s.lo_guard == guard && (U)s.hi_guard == guard);               \
        printf(#name ": last fetch %llx, value %llx\n",                        \
               (unsigned long long)r, (unsigned long long)s.v);                \
    }

DEFINE_ATOMIC_TEST(uint8_t, uint8_t, u8, 0xf0, 0x1f)
DEFINE_ATOMIC_TEST(int8_t, uint8_t, s8, -100, 77)
DEFINE_ATOMIC_TEST(uint16_t, uint16_t, u16, 0xfff0, 0x0123)
DEFINE_ATOMIC_TEST(int16_t, uint16_t, s16, -30000, 12345)
DEFINE_ATOMIC_TEST(uint32_t, uint32_t, u32, 0xfffffff0u, 0x12345678u)
DEFINE_ATOMIC_TEST(int32_t, uint32_t, s32, INT32_MIN, -1)
DEFINE_ATOMIC_TEST(uint64_t, uint64_t, u64, 0xfffffffffffffff0ull, 0x0123456789abcdefull)
DEFINE_ATOMIC_TEST(int64_t, uint64_t, s64, INT64_MIN + 5, 0x7fffffff00000000ll)

/* 128-bit compare and swap by hand (GCC's own expansion is unreliable
 * here): CASPAL with LSE, else an LDAXP/STLXP loop.  Returns the old value. */
static unsigned __int128 cas128(unsigned __int128 *p, unsigned __int128 old,
                                unsigned __int128 new_value)
{
#ifdef __ARM_FEATURE_ATOMICS
    register uint64_t lo __asm__("x0") = (uint64_t)old;
    register uint64_t hi __asm__("x1") = (uint64_t)(old >> 64);
    register uint64_t nlo __asm__("x2") = (uint64_t)new_value;
    register uint64_t nhi __asm__("x3") = (uint64_t)(new_value >> 64);
    __asm__ volatile("caspal x0, x1, x2, x3, [%[p]]"
                     : "+r"(lo), "+r"(hi), "+m"(*p)
                     : [p] "r"(p), "r"(nlo), "r"(nhi)
                     : "memory");
    return (unsigned __int128)hi << 64 | lo;
#else
    uint64_t lo, hi;
    uint32_t fail;
    __asm__ volatile("1: ldaxp %[lo], %[hi], [%[p]]\n"
                     "   cmp %[lo], %[olo]\n"
                     "   ccmp %[hi], %[ohi], #0, eq\n"
                     "   b.ne 2f\n"
                     "   stlxp %w[fail], %[nlo], %[nhi], [%[p]]\n"
                     "   cbnz %w[fail], 1b\n"
                     "   b 3f\n"
                     "2: stlxp %w[fail], %[lo], %[hi], [%[p]]\n"
                     "   cbnz %w[fail], 1b\n"
                     "3:\n"
                     : [lo] "=&r"(lo), [hi] "=&r"(hi), [fail] "=&r"(fail),
                       "+m"(*p)
                     : [p] "r"(p), [olo] "r"((uint64_t)old),
                       [ohi] "r"((uint64_t)(old >> 64)),
                       [nlo] "r"((uint64_t)new_value),
                       [nhi] "r"((uint64_t)(new_value >> 64))
                     : "cc", "memory");
    return (unsigned __int128)hi << 64 | lo;
#endif
}

static void test_u128(void)
{
    static unsigned __int128 v __attribute__((aligned(16)));
    unsigned __int128 one = 1, a = (one << 64) | 0x1111, b = (one << 127) | 7;
    v = a;
    CHECK(cas128(&v, a, b) == a);
    CHECK(v == b);
    CHECK(cas128(&v, a, 0) == b);
    CHECK(v == b);
    CHECK(cas128(&v, b, a) == b && v == a);
    printf("u128: %016llx%016llx\n", (unsigned long long)(v >> 64),
           (unsigned long long)v);
}

static void test_flag(void)
{
    static unsigned char flag;
    CHECK(!__atomic_test_and_set(&flag, __ATOMIC_ACQUIRE));
    CHECK(__atomic_test_and_set(&flag, __ATOMIC_ACQUIRE));
    __atomic_clear(&flag, __ATOMIC_RELEASE);
    CHECK(!__atomic_test_and_set(&flag, __ATOMIC_SEQ_CST));
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    printf("flag: %u\n", (unsigned)flag);
}

/* A counter updated in a loop: sums must come out exact. */
static void test_loop(void)
{
    static uint32_t counter32;
    static uint64_t counter64;
    for (uint32_t i = 0; i < 100000; i++) {
        __atomic_fetch_add(&counter32, i, __ATOMIC_RELAXED);
        uint64_t seen = __atomic_load_n(&counter64, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&counter64, &seen, seen + i * 3ull,
                                            1, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            ;
    }
    CHECK(counter32 == (uint32_t)(99999ull * 100000 / 2));
    CHECK(counter64 == 99999ull * 100000 / 2 * 3);
    printf("loop: %u %llu\n", (unsigned)counter32, (unsigned long long)counter64);
}

int main(void)
{
    test_u8();
    test_s8();
    test_u16();
    test_s16();
    test_u32();
    test_s32();
    test_u64();
    test_s64();
    test_u128();
    test_flag();
    test_loop();
    printf("%d failures\n", failures);
    return failures;
}
