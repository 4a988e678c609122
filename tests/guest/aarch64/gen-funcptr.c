/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Indirect calls: tables of function pointers, callbacks taking and
 * returning function pointers, a hand-rolled vtable, pointers to functions
 * of different arities and return types (integer, double, struct), and a
 * call through a pointer chosen by data on every iteration, so one BLR
 * site reaches many targets.  Prints results and a checksum.
 */
#include <stdint.h>
#include <stdio.h>

typedef int64_t (*binop)(int64_t, int64_t);

static int64_t f_add(int64_t a, int64_t b) { return a + b; }
static int64_t f_sub(int64_t a, int64_t b) { return a - b; }
static int64_t f_mul(int64_t a, int64_t b) { return a * b; }
static int64_t f_xor(int64_t a, int64_t b) { return a ^ b; }
static int64_t f_max(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t f_shl(int64_t a, int64_t b) { return (int64_t)((uint64_t)a << (b & 15)); }
static int64_t f_div(int64_t a, int64_t b) { return b ? a / b : 0; }

static const binop ops[] = { f_add, f_sub, f_mul, f_xor, f_max, f_shl, f_div };
#define NOPS (sizeof(ops) / sizeof(ops[0]))

/* A vtable-style object system. */
typedef struct Shape Shape;
typedef struct ShapeOps {
    const char *name;
    double (*area)(const Shape *);
    double (*perimeter)(const Shape *);
    void (*scale)(Shape *, double);
} ShapeOps;

struct Shape {
    const ShapeOps *ops;
    double a, b;
};

static double rect_area(const Shape *s) { return s->a * s->b; }
static double rect_perim(const Shape *s) { return 2 * (s->a + s->b); }
static double circ_area(const Shape *s) { return 3.0 * s->a * s->a; }
static double circ_perim(const Shape *s) { return 6.0 * s->a; }
static double tri_area(const Shape *s) { return s->a * s->b / 2; }
static double tri_perim(const Shape *s) { return s->a + s->b + s->a; }
static void scale_both(Shape *s, double k) { s->a *= k; s->b *= k; }
static void scale_first(Shape *s, double k) { s->a *= k; }

static const ShapeOps rect_ops = { "rect", rect_area, rect_perim, scale_both };
static const ShapeOps circ_ops = { "circle", circ_area, circ_perim, scale_first };
static const ShapeOps tri_ops = { "triangle", tri_area, tri_perim, scale_both };

typedef struct Pair {
    int64_t lo, hi;
} Pair;

static Pair make_pair(int64_t x) { Pair p = { x & 0xffff, x >> 16 }; return p; }
static Pair swap_pair(int64_t x) { Pair p = { x >> 16, x & 0xffff }; return p; }

typedef Pair (*pair_fn)(int64_t);

static binop pick(int i)
{
    return ops[(unsigned)i % NOPS];
}

/* Returns a pointer to a function returning a pointer to a binop. */
typedef binop (*picker)(int);
static picker get_picker(void)
{
    return pick;
}

static int64_t fold(binop f, const int64_t *v, int n, int64_t init)
{
    for (int i = 0; i < n; i++)
        init = f(init, v[i]);
    return init;
}

static int cmp_desc(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x < y) - (x > y);
}

static void apply_sort(void (*sorter)(void *, size_t, size_t,
                                      int (*)(const void *, const void *)),
                       int64_t *v, size_t n)
{
    sorter(v, n, sizeof(*v), cmp_desc);
}

#include <stdlib.h>

int main(void)
{
    int64_t v[16];
    for (int i = 0; i < 16; i++)
        v[i] = (i * 7919) % 97 - 40;

    for (unsigned k = 0; k < NOPS; k++)
        printf("fold op %u: %lld\n", k, (long long)fold(ops[k], v, 16, 1000003));

    /* One call site, data-dependent target. */
    uint64_t h = 0;
    int64_t acc = 3;
    for (int i = 0; i < 100000; i++) {
        binop f = get_picker()((int)(h % 1000));
        acc = (f(acc, (i & 255) + 1) & 0xffffff) + (i & 7);
        h = h * 6364136223846793005ull + (uint64_t)acc + 1;
    }
    printf("dispatch loop: acc %lld h %016llx\n", (long long)acc,
           (unsigned long long)h);

    Shape shapes[3] = {
        { &rect_ops, 2, 3 }, { &circ_ops, 1.5, 0 }, { &tri_ops, 4, 5 },
    };
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 3; i++) {
            Shape *s = &shapes[i];
            printf("%s: area %.3f perimeter %.3f\n", s->ops->name,
                   s->ops->area(s), s->ops->perimeter(s));
            s->ops->scale(s, 1.5);
        }
    }

    pair_fn pf[2] = { make_pair, swap_pair };
    for (int i = 0; i < 4; i++) {
        Pair p = pf[i & 1](0x123456789 + i);
        printf("pair %d: %llx %llx\n", i, (long long)p.lo, (long long)p.hi);
    }

    apply_sort(qsort, v, 16);
    printf("sorted desc:");
    for (int i = 0; i < 16; i++)
        printf(" %lld", (long long)v[i]);
    printf("\n");
    return 0;
}
