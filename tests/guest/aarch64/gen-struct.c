/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Structures and bitfields: copies of structs of many sizes (1..200 bytes,
 * odd sizes included, which the compiler does with LDP/STP, overlapping
 * loads or memcpy), structs passed and returned by value (in registers up
 * to 16 bytes, homogeneous float aggregates in FP registers, larger ones
 * through memory), packed and unaligned members, and bitfields of signed
 * and unsigned types at every position (BFI/UBFX/SBFX).  Prints results
 * and checksums.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define DEFINE_BLOB(n) typedef struct Blob##n { unsigned char b[n]; } Blob##n;
DEFINE_BLOB(1) DEFINE_BLOB(3) DEFINE_BLOB(7) DEFINE_BLOB(8) DEFINE_BLOB(12)
DEFINE_BLOB(15) DEFINE_BLOB(16) DEFINE_BLOB(17) DEFINE_BLOB(24) DEFINE_BLOB(31)
DEFINE_BLOB(33) DEFINE_BLOB(64) DEFINE_BLOB(100) DEFINE_BLOB(200)

static uint32_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *c = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 16777619u;
    return h;
}

/* Pass by value, modify the copy, return by value: the caller's is intact. */
#define DEFINE_ROUNDTRIP(n)                                            \
    static __attribute__((noinline)) Blob##n bump##n(Blob##n x)       \
    {                                                                  \
        for (size_t i = 0; i < n; i++)                                 \
            x.b[i] = (unsigned char)(x.b[i] + i + 1);                  \
        return x;                                                      \
    }                                                                  \
    static void test##n(void)                                          \
    {                                                                  \
        Blob##n a, b, arr[3];                                          \
        for (size_t i = 0; i < n; i++)                                 \
            a.b[i] = (unsigned char)(i * 37 + n);                      \
        b = bump##n(a);                                                \
        arr[1] = b;                                                    \
        arr[0] = arr[1];                                               \
        arr[2] = a;                                                    \
        printf("blob %3d: a %08x b %08x arr %08x\n", n,                \
               (unsigned)hash_bytes(&a, sizeof(a)),                    \
               (unsigned)hash_bytes(&b, sizeof(b)),                    \
               (unsigned)hash_bytes(arr, sizeof(arr)));                \
    }
DEFINE_ROUNDTRIP(1) DEFINE_ROUNDTRIP(3) DEFINE_ROUNDTRIP(7) DEFINE_ROUNDTRIP(8)
DEFINE_ROUNDTRIP(12) DEFINE_ROUNDTRIP(15) DEFINE_ROUNDTRIP(16)
DEFINE_ROUNDTRIP(17) DEFINE_ROUNDTRIP(24) DEFINE_ROUNDTRIP(31)
DEFINE_ROUNDTRIP(33) DEFINE_ROUNDTRIP(64) DEFINE_ROUNDTRIP(100)
DEFINE_ROUNDTRIP(200)

/* Homogeneous floating-point aggregates go in s0-s3 / d0-d3. */
typedef struct Vec4f { float x, y, z, w; } Vec4f;
typedef struct Vec3d { double x, y, z; } Vec3d;
typedef struct Mixed { unsigned char c; double d; short s; int64_t l; float f; } Mixed;

static __attribute__((noinline)) Vec4f vadd(Vec4f a, Vec4f b)
{
    Vec4f r = { a.x + b.x, a.y + b.y, a.z + b.z, a.w + b.w };
    return r;
}

static __attribute__((noinline)) Vec3d vcross(Vec3d a, Vec3d b)
{
    Vec3d r = { a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z,
                a.x * b.y - a.y * b.x };
    return r;
}

static __attribute__((noinline)) Mixed mixed_twice(Mixed m)
{
    m.c = (unsigned char)(m.c * 2);
    m.d *= 2;
    m.s = (short)(m.s * 2);
    m.l *= 2;
    m.f *= 2;
    return m;
}

/* Packed, so members sit at odd offsets: unaligned loads and stores. */
struct __attribute__((packed)) Packed {
    char tag;
    uint32_t u32;
    uint16_t u16;
    uint64_t u64;
    double d;
};

static void test_packed(void)
{
    static struct Packed arr[5];
    for (int i = 0; i < 5; i++) {
        arr[i].tag = (char)('a' + i);
        arr[i].u32 = 0x11223344u * (uint32_t)(i + 1);
        arr[i].u16 = (uint16_t)(0xbeef + i);
        arr[i].u64 = 0x0102030405060708ull << i;
        arr[i].d = 1.5 * i;
    }
    uint64_t sum = 0;
    for (int i = 0; i < 5; i++)
        sum += arr[i].u32 + arr[i].u16 + arr[i].u64 + (uint64_t)arr[i].d + (uint64_t)arr[i].tag;
    printf("packed: size %zu sum %016llx hash %08x\n", sizeof(struct Packed),
           (unsigned long long)sum, (unsigned)hash_bytes(arr, sizeof(arr)));
}

struct Bits {
    unsigned a : 1;
    unsigned b : 3;
    signed c : 5;
    unsigned d : 7;
    signed e : 12;
    unsigned f : 4;
    uint64_t g : 33;
    int64_t h : 31;
};

static void test_bitfields(void)
{
    struct Bits bits;
    uint32_t h = 0;
    memset(&bits, 0, sizeof(bits));
    for (int i = 0; i < 1000; i++) {
        bits.a = (unsigned)i;
        bits.b += 3;
        bits.c = i - 500;               /* truncated to 5 signed bits */
        bits.d ^= (unsigned)(i * 13);
        bits.e -= 77;
        bits.f = bits.b + bits.a;
        bits.g = bits.g * 3 + (uint64_t)i;
        bits.h = -(int64_t)i * 1000003;
        h = h * 31 + (uint32_t)(bits.a + bits.b + bits.c + bits.d + bits.e +
                                bits.f + (uint32_t)bits.g + (uint32_t)bits.h);
        if (i % 250 == 0 || i == 999)
            printf("bits %4d: a %u b %u c %d d %u e %d f %u g %llx h %lld\n", i,
                   bits.a, bits.b, bits.c, bits.d, bits.e, bits.f,
                   (unsigned long long)bits.g, (long long)bits.h);
    }
    printf("bits hash %08x size %zu\n", (unsigned)h, sizeof(bits));
}

/* Unions: type punning between integers and floats. */
static void test_union(void)
{
    union { double d; uint64_t u; uint32_t w[2]; unsigned char c[8]; } un;
    un.d = -1.5;
    printf("union: %016llx %08x %08x %02x\n", (unsigned long long)un.u,
           un.w[0], un.w[1], un.c[7]);
}

int main(void)
{
    test1(); test3(); test7(); test8(); test12(); test15(); test16();
    test17(); test24(); test31(); test33(); test64(); test100(); test200();

    Vec4f a = { 1, 2, 3, 4 }, b = { 0.5f, -1, 1e-3f, 1e7f };
    Vec4f c = vadd(a, b);
    printf("vadd: %g %g %g %g\n", c.x, c.y, c.z, c.w);
    Vec3d x = { 1, 0, 0 }, y = { 0, 1, 0 }, z = vcross(x, y);
    Vec3d w = vcross(z, (Vec3d){ 2.5, -1, 0.5 });
    printf("vcross: %g %g %g / %g %g %g\n", z.x, z.y, z.z, w.x, w.y, w.z);
    Mixed m = mixed_twice((Mixed){ 'A', 1.25, -300, 1ll << 40, 0.75f });
    printf("mixed: %d %g %d %lld %g size %zu\n", m.c, m.d, m.s,
           (long long)m.l, m.f, sizeof(m));
    test_packed();
    test_bitfields();
    test_union();
    return 0;
}
