/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fault maps: guest registers written back only when a guest access
 * faults.  In user mode a guest load or store is one host instruction on
 * guest memory, and a fault there arrives as a host SIGSEGV or SIGBUS.
 * A dirty global that no later op of the block writes is written back
 * there as before (its one store is needed anyway).  One that is written
 * again (or a self-loop's global, which the next iteration may write)
 * stays in its register: the backend notes, for the host
 * instructions of the access (a site), which host register holds it, and
 * the fault handler reads those registers from the host context into env
 * (x64_fault_restore).  env is exact at the faulting instruction as
 * before, and a guest register written again and again between accesses
 * (a loop's counter, a pointer stepped by post-index loads) is stored once
 * per block instead of at every access.
 *
 * The map travels with the block's code: appended after it, inside
 * host_size (so the translation cache keeps it), as the sites
 * { u16 start, u8 len, u8 n } (host offsets), then each site's n entries
 * u16 (host reg | 8-byte << 4 | env offset / 4 << 5), then the trailer
 * { u32 offset of the sites, u32 count, u32 X64_FAULTMAP_MAGIC }.  A block
 * without a site has no map: its code ends in a jump (a jmp rel32 back to
 * the epilogue or into the block, or goto_ptr's jmp rax), whose last four
 * bytes are never the magic.
 */
#include <string.h>
#include "x64-internal.h"
#include "translate/backend.h"
#include "translate/codebuf.h"
#include "translate/scratch.h"
#include "util/log.h"

#define X64_FAULTMAP_MAGIC 0x70616d66u   /* "fmap" */

typedef struct FaultSite {
    uint16_t start;
    uint8_t len, n;
} FaultSite;

_Static_assert(sizeof(FaultSite) == 4, "fault map layout");

void x64_fault_site(X64Ctx *c)
{
    unsigned n = 0;

    if (c->b->softmmu_idx >= 0) {   /* full system: faults do not come this way */
        ra_sync_globals(c);
        return;
    }
    for (int r = 0; r < 16; r++) {
        IRTemp t = c->reg_temp[r];
        const IRTempInfo *ti;
        if (t == IR_NONE || t == IR_ENV || t > c->b->nglobals || c->ts[t].mem_ok)
            continue;
        ti = &c->b->temps[t];
        /* written back now what no later op writes again (or what the
         * map cannot say) */
        if ((c->glast_write[t] <= c->op_index + 1 && !ra_is_loop_global(c, t)) ||
            ti->env_offset < 0 || ti->env_offset >= 4 << 11 || (ti->env_offset & 3)) {
            ra_flush_reg(c, r);
            continue;
        }
        c->fregs = scratch_room(c->fregs, c->nfregs, &c->fregs_cap, sizeof(uint16_t));
        c->fregs[c->nfregs++] = (uint16_t)((unsigned)r | (ti->type == IR_I64) << 4 |
                                           (unsigned)(ti->env_offset / 4) << 5);
        n++;
    }
    if (!n)
        return;
    c->fsites = scratch_room(c->fsites, c->nfsites, &c->fsites_cap, sizeof(X64FaultSite));
    c->fsites[c->nfsites++] = (X64FaultSite){ (uint32_t)c->e.pos, 0, n };
    c->fsite_open = true;
}

void x64_fault_site_end(X64Ctx *c)
{
    X64FaultSite *s = &c->fsites[c->nfsites - 1];

    c->fsite_open = false;
    s->len = (uint32_t)(c->e.pos - s->start);
    if (s->start > UINT16_MAX || s->len > UINT8_MAX)
        c->too_big = true;   /* the block is retranslated smaller */
}

void x64_fault_map_emit(X64Ctx *c)
{
    uint32_t at, k = 0;

    if (!c->nfsites)
        return;
    while (c->e.pos & 3)
        emit_u8(&c->e, 0xcc);
    at = (uint32_t)c->e.pos;
    for (unsigned i = 0; i < c->nfsites; i++)
        emit_u32(&c->e, c->fsites[i].start | c->fsites[i].len << 16 | c->fsites[i].n << 24);
    for (unsigned i = 0; i < c->nfsites; i++)
        for (unsigned j = 0; j < c->fsites[i].n; j++) {
            emit_u8(&c->e, (uint8_t)c->fregs[k]);
            emit_u8(&c->e, (uint8_t)(c->fregs[k++] >> 8));
        }
    while (c->e.pos & 3)
        emit_u8(&c->e, 0xcc);
    emit_u32(&c->e, at);
    emit_u32(&c->e, c->nfsites);
    emit_u32(&c->e, X64_FAULTMAP_MAGIC);
}

/* The trailer of tb's code, or NULL if it has none (a damaged block). */
static const uint32_t *trailer(const TB *tb)
{
    const uint8_t *code = codebuf_rw(tb->host_code);
    const uint32_t *t;

    if (tb->host_size < 12)
        return NULL;
    t = (const uint32_t *)(code + tb->host_size - 12);
    if (((uintptr_t)t & 3) || t[2] != X64_FAULTMAP_MAGIC || t[0] > tb->host_size - 12 ||
        (uint64_t)t[1] * sizeof(FaultSite) > tb->host_size - 12 - t[0])
        return NULL;
    return t;
}

uint32_t x64_code_bytes(const TB *tb)
{
    const uint32_t *t = trailer(tb);
    return t ? t[0] : tb->host_size;
}

bool x64_fault_restore(const TB *tb, uintptr_t host_pc, CPUCommon *env, const uint64_t regs[16])
{
    const uint32_t *t = trailer(tb);
    const uint8_t *code = codebuf_rw(tb->host_code);
    uint32_t off = (uint32_t)(host_pc - (uintptr_t)tb->host_code);
    const FaultSite *sites;
    const uint8_t *e;

    if (!t)
        return false;
    sites = (const FaultSite *)(code + t[0]);
    e = (const uint8_t *)(sites + t[1]);
    for (uint32_t i = 0; i < t[1]; i++) {
        if (off >= sites[i].start && off - sites[i].start < sites[i].len) {
            for (unsigned j = 0; j < sites[i].n; j++) {
                unsigned v = e[2 * j] | (unsigned)e[2 * j + 1] << 8;
                uint64_t x = regs[v & 15];
                memcpy((uint8_t *)env + (v >> 5) * 4, &x, (v & 16) ? 8 : 4);
            }
            return true;
        }
        e += 2 * sites[i].n;
    }
    return false;
}
