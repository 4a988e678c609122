/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Compiles declared encoding tables (decode.h) into bucketed mask/value rows
 * and runs them.  Built once at start-up per frontend.
 */
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "util/log.h"

bool decode_parse(const char *bits, uint32_t *mask, uint32_t *value)
{
    unsigned n = 0;
    uint32_t m = 0, v = 0;

    for (const char *p = bits; *p; p++) {
        if (*p == ' ')
            continue;
        if (++n > 32)
            return false;
        m <<= 1;
        v <<= 1;
        if (*p == '0' || *p == '1') {
            m |= 1;
            v |= (uint32_t)(*p - '0');
        }
    }
    *mask = m;
    *value = v;
    return n == 32;
}

/* Can a row with this mask/value match some word whose bucket bits are b? */
static bool row_in_bucket(const Decoder *d, const DecodeRow *r, unsigned b)
{
    uint32_t bm = ((1u << d->width) - 1) << d->shift;
    uint32_t bv = (uint32_t)b << d->shift;
    return ((bv ^ r->value) & r->mask & bm) == 0;
}

/* The rows of bucket b, in table order, in a new NULL-fn-terminated list. */
static DecodeRow *bucket_rows(const Decoder *d, unsigned b)
{
    unsigned cnt = 0;
    DecodeRow *list;

    for (unsigned i = 0; i < d->nrows; i++)
        cnt += row_in_bucket(d, &d->rows[i], b);
    list = calloc(cnt + 1, sizeof(DecodeRow));
    BUG_ON(!list);
    cnt = 0;
    for (unsigned i = 0; i < d->nrows; i++)
        if (row_in_bucket(d, &d->rows[i], b))
            list[cnt++] = d->rows[i];
    return list;
}

static void build(Decoder *d, unsigned shift, unsigned width,
                  const DecodePattern *const *tables, bool lazy)
{
    unsigned n = 0;

    for (unsigned t = 0; tables[t]; t++)
        for (const DecodePattern *p = tables[t]; p->bits; p++)
            n++;
    d->shift = shift;
    d->width = width;
    d->nbuckets = 1u << width;
    d->nrows = n;
    d->rows = calloc(n, sizeof(*d->rows));
    /* A lazy decoder's buckets (the cold one has 4096) are made as used;
     * the array of them is not sparse: a short program's first thousand
     * instructions touch most of its pages. */
    d->bucket = calloc(d->nbuckets, sizeof(*d->bucket));
    BUG_ON(!d->rows || !d->bucket);

    n = 0;
    for (unsigned t = 0; tables[t]; t++) {
        for (const DecodePattern *p = tables[t]; p->bits; p++, n++) {
            DecodeRow *r = &d->rows[n];
            if (!decode_parse(p->bits, &r->mask, &r->value))
                bug_at(__FILE__, __LINE__, "decode pattern for %s is not 32 bits", p->name);
            r->fn = p->fn;
            r->name = p->name;
        }
    }
    for (unsigned b = 0; !lazy && b < d->nbuckets; b++)
        d->bucket[b] = bucket_rows(d, b);
}

void decode_build(Decoder *d, unsigned shift, unsigned width,
                  const DecodePattern *const *tables)
{
    build(d, shift, width, tables, false);
}

void decode_build_lazy(Decoder *d, unsigned shift, unsigned width,
                       const DecodePattern *const *tables)
{
    build(d, shift, width, tables, true);
}

/* Bucket b of a lazy decoder, made on first use (another thread may make
 * it at the same time: the first one published is kept). */
static const DecodeRow *bucket_of(const Decoder *d, unsigned b)
{
    DecodeRow *r = __atomic_load_n(&d->bucket[b], __ATOMIC_ACQUIRE), *none = NULL;

    if (__builtin_expect(r != NULL, 1))
        return r;
    r = bucket_rows(d, b);
    if (!__atomic_compare_exchange_n(&d->bucket[b], &none, r, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        free(r);
        r = none;
    }
    return r;
}

bool decode_run(const Decoder *d, struct DisasContext *s, uint32_t insn)
{
    const DecodeRow *r = bucket_of(d, (insn >> d->shift) & (d->nbuckets - 1));

    for (; r->fn; r++)
        if ((insn & r->mask) == r->value && r->fn(s, insn))
            return true;
    return false;
}

const char *decode_name(const Decoder *d, uint32_t insn)
{
    const DecodeRow *r = bucket_of(d, (insn >> d->shift) & (d->nbuckets - 1));

    for (; r->fn; r++)
        if ((insn & r->mask) == r->value)
            return r->name;
    return NULL;
}
