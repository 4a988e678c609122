/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Declared decoders for fixed-width 32-bit instruction sets.  A frontend
 * lists its encodings as rows of bit patterns, as drawn in the manual:
 *
 *   { "s 0 0 100010 h iiiiiiiiiiii nnnnn ddddd", trans_add_imm, "ADD (immediate)" },
 *
 * '0'/'1' are fixed bits, any other letter is a free field, spaces are
 * ignored; the pattern must describe exactly 32 bits (most significant
 * first).  decode_build() compiles the rows into mask/value pairs bucketed on
 * a few fixed bits; decode_lookup() tries the matching rows in table order
 * and the first handler that returns true wins ("false" means "not mine",
 * e.g. a reserved field value).  Frontends each define struct DisasContext.
 */
#ifndef GUISE_DECODE_H
#define GUISE_DECODE_H

#include <stdbool.h>
#include <stdint.h>

struct DisasContext;
typedef bool (*DecodeFn)(struct DisasContext *s, uint32_t insn);

typedef struct DecodePattern {
    const char *bits;
    DecodeFn fn;
    const char *name;
} DecodePattern;

typedef struct DecodeRow {
    uint32_t mask, value;
    DecodeFn fn;
    const char *name;
} DecodeRow;

typedef struct Decoder {
    unsigned shift, width;        /* bucket on insn bits [shift, shift+width) */
    unsigned nbuckets;
    DecodeRow **bucket;           /* NULL-fn-terminated row lists */
    DecodeRow *rows;              /* every row, table order */
    unsigned nrows;
} Decoder;

/* Parse one pattern; false if it is not exactly 32 bits. */
bool decode_parse(const char *bits, uint32_t *mask, uint32_t *value);

/* Build d from the NULL-terminated tables (in priority order).
 * A malformed pattern is an internal bug and aborts with its name. */
void decode_build(Decoder *d, unsigned shift, unsigned width,
                  const DecodePattern *const *tables);

/* The same with each bucket made when first used: for wide buckets
 * (few rows each, so a short scan) without their cost at start-up. */
void decode_build_lazy(Decoder *d, unsigned shift, unsigned width,
                       const DecodePattern *const *tables);

/* Run the first matching handler that accepts insn; false if none did. */
bool decode_run(const Decoder *d, struct DisasContext *s, uint32_t insn);

/* Name of the first row matching insn (for -d unimp), or NULL. */
const char *decode_name(const Decoder *d, uint32_t insn);

#endif
