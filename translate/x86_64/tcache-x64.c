/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Relocatable block code for the persistent translation cache (backend.h,
 * translate/tcache.h).  While x64_record_relocs is set, encode.c records
 * every host address it writes (x64_last_relocs); x64_tc_relocs sorts
 * them by what they point at:
 *
 *   inside the block's own TB record   TC_RELOC_TB_ABS64 (an address) or
 *                                      TC_RELOC_TB_OFF32 (its offset from
 *                                      cache_tb_base), value = offset
 *   guise's image (helpers)            TC_RELOC_IMAGE_*, value = offset
 *                                      from __executable_start
 *   the shared prologue/epilogue       TC_RELOC_STUB_REL32, value = offset
 *                                      from the code buffer's start
 *
 * Anything else (a function in a shared library of a dynamically linked
 * guise) makes the block one the cache does not keep.  Jumps inside the
 * block are relative and move with it.  x64_tc_place undoes this for a new
 * TB at a new place, possibly in another run with guise elsewhere.
 */
#include <string.h>
#include "x64-internal.h"
#include "translate/backend.h"
#include "translate/cache.h"
#include "translate/codebuf.h"

extern const char __executable_start[], _end[];

uint64_t x64_config_hash(void)
{
    const X64Features *f = &x64_features;
    const uint8_t v[] = {
        f->lzcnt, f->bmi1, f->bmi2, f->popcnt, f->movbe, f->ssse3, f->sse41, f->sse42, f->fma,
        exec_lookup_inline, guest_base != 0, (uint8_t)sizeof(TB),
    };
    uint64_t h = 0;

    for (size_t i = 0; i < sizeof(v); i++)
        h = (h << 5 | h >> 59) ^ v[i] ^ (i * 0x9e3779b97f4a7c15ull);
    return h ^ x64_stubs_end ^ ((uint64_t)x64_frame_off << 32);
}

int x64_tc_relocs(const TB *tb, TCReloc *out, unsigned max)
{
    const X64Relocs *rec = &x64_last_relocs;
    uintptr_t image = (uintptr_t)__executable_start, image_end = (uintptr_t)_end;
    uintptr_t stubs = (uintptr_t)code_buf.rx;

    if (rec->overflow || rec->n > max)
        return -1;
    for (unsigned i = 0; i < rec->n; i++) {
        const X64Reloc *r = &rec->r[i];
        uintptr_t t = r->target;
        TCReloc *o = &out[i];

        o->off = r->off;
        if (r->kind != X64_RELOC_REL32 && t - (uintptr_t)tb < sizeof(TB)) {
            o->kind = r->kind == X64_RELOC_ABS64 ? TC_RELOC_TB_ABS64 : TC_RELOC_TB_OFF32;
            o->value = t - (uintptr_t)tb;
        } else if (r->kind == X64_RELOC_TB_OFF32) {
            return -1;
        } else if (t >= image && t < image_end) {
            o->kind = r->kind == X64_RELOC_REL32 ? TC_RELOC_IMAGE_REL32 : TC_RELOC_IMAGE_ABS64;
            o->value = t - image;
        } else if (r->kind == X64_RELOC_REL32 && t >= stubs && t < stubs + x64_stubs_end) {
            o->kind = TC_RELOC_STUB_REL32;
            o->value = t - stubs;
        } else {
            return -1;
        }
    }
    return (int)rec->n;
}

/* The address a relocation's field gets for code at rx, or false when it
 * is not representable (a rel32 out of reach, a value out of range). */
static bool reloc_field(const TB *tb, const TCReloc *r, uintptr_t rx, uint64_t *field)
{
    uintptr_t image = (uintptr_t)__executable_start;
    uint64_t t;

    switch (r->kind) {
    case TC_RELOC_TB_ABS64:
        if (r->value >= sizeof(TB))
            return false;
        *field = (uintptr_t)tb + r->value;
        return true;
    case TC_RELOC_TB_OFF32:
        t = (uintptr_t)tb + r->value - cache_tb_base;
        *field = t;
        return r->value < sizeof(TB) && (uintptr_t)tb - cache_tb_base < cache_tb_span &&
               t <= UINT32_MAX;
    case TC_RELOC_IMAGE_ABS64:
        if (r->value >= (uintptr_t)_end - image)
            return false;
        *field = image + r->value;
        return true;
    case TC_RELOC_IMAGE_REL32:
    case TC_RELOC_STUB_REL32:
        if (r->value >= (r->kind == TC_RELOC_STUB_REL32 ? x64_stubs_end
                                                        : (uintptr_t)_end - image))
            return false;
        t = (r->kind == TC_RELOC_STUB_REL32 ? (uintptr_t)code_buf.rx : image) + r->value;
        *field = t - (rx + r->off + 4);
        return x64_fits_s32((int64_t)*field);
    default:
        return false;
    }
}

bool x64_tc_place(TB *tb, const uint8_t *code, uint32_t size, const TCReloc *r, unsigned n)
{
    size_t start = (code_buf.used + 15) & ~(size_t)15;
    uintptr_t rx = (uintptr_t)code_buf.rx + start;
    uint8_t *rw;

    if (start + size > code_buf.size)
        return false;
    codebuf_populate(start + size);
    rw = code_buf.rw + start;
    memcpy(rw, code, size);
    /* Patched in place (the low bytes of the field: the host is little-
     * endian); a relocation that does not fit leaves the copy uncommitted,
     * code_buf.used unchanged, as a failed x64_gen_tb does. */
    for (unsigned i = 0; i < n; i++) {
        unsigned len = r[i].kind == TC_RELOC_TB_ABS64 || r[i].kind == TC_RELOC_IMAGE_ABS64 ? 8 : 4;
        uint64_t v;
        if (r[i].off > size || size - r[i].off < len || !reloc_field(tb, &r[i], rx, &v))
            return false;
        memcpy(rw + r[i].off, &v, len);
    }
    tb->host_code = code_buf.rx + start;
    tb->host_size = size;
    code_buf.used = start + size;
    return true;
}
