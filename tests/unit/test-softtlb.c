/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit test of the full-system software TLB (translate/softtlb.c): hits
 * and misses of the C fast path for each access kind and size (unaligned
 * accesses miss), MMIO and not-dirty pages going to the slow path, MMU
 * indexes kept apart, the invalidations by page, by index and of
 * everything, and blocks (mappings larger than a page) flushed whole by
 * an invalidation inside them.
 */
#include <stdio.h>
#include <stdlib.h>
#include "translate/softtlb.h"
#include "unit.h"


#define R (1u << SOFTTLB_READ)
#define W (1u << SOFTTLB_WRITE)
#define X (1u << SOFTTLB_EXEC)

int main(void)
{
    static _Alignas(4096) unsigned char ram[4][4096];
    SoftTlb t;

    result("init", softtlb_init(&t, 12, 8, 3));
    result("empty TLB misses", !softtlb_host(&t, 0, 0x1000, 4, SOFTTLB_READ) &&
                               !softtlb_host(&t, 0, 0, 1, SOFTTLB_READ));

    softtlb_fill(&t, 1, 0xffff000000123000ull, 0x40123000, R | W, ram[0], 0, 12);
    result("read hit", softtlb_host(&t, 1, 0xffff000000123010ull, 8, SOFTTLB_READ) == &ram[0][0x10]);
    result("write hit", softtlb_host(&t, 1, 0xffff000000123ff8ull, 8, SOFTTLB_WRITE) == &ram[0][0xff8]);
    result("exec not allowed: miss", !softtlb_host(&t, 1, 0xffff000000123000ull, 4, SOFTTLB_EXEC));
    result("other MMU index: miss", !softtlb_host(&t, 0, 0xffff000000123010ull, 8, SOFTTLB_READ));
    result("unaligned access: miss", !softtlb_host(&t, 1, 0xffff000000123011ull, 8, SOFTTLB_READ));
    result("unaligned byte access: hit", softtlb_host(&t, 1, 0xffff000000123011ull, 1, SOFTTLB_READ) ==
                                         &ram[0][0x11]);
    result("same index, other page: miss",
           !softtlb_host(&t, 1, 0xffff000000123000ull + (1ull << 20), 4, SOFTTLB_READ));
    result("physical page kept", softtlb_entry_pa(&t, 1, 0xffff000000123abcull) == 0x40123000);

    /* Read-only page; a not-dirty page (code) sends writes to the slow path. */
    softtlb_fill(&t, 1, 0x2000, 0x40002000, R | X, ram[1], 0, 12);
    result("read-only: write misses", !softtlb_host(&t, 1, 0x2008, 8, SOFTTLB_WRITE));
    result("exec hit", softtlb_host(&t, 1, 0x2004, 4, SOFTTLB_EXEC) == &ram[1][4]);
    softtlb_fill(&t, 1, 0x3000, 0x40003000, R | W | X, ram[2], SOFTTLB_NOTDIRTY, 12);
    result("not-dirty: read hits", softtlb_host(&t, 1, 0x3000, 4, SOFTTLB_READ) == &ram[2][0]);
    result("not-dirty: write misses", !softtlb_host(&t, 1, 0x3000, 4, SOFTTLB_WRITE));
    /* MMIO: every access to the slow path. */
    softtlb_fill(&t, 1, 0x9000000, 0x9000000, R | W, NULL, 0, 12);
    result("MMIO: read misses", !softtlb_host(&t, 1, 0x9000000, 4, SOFTTLB_READ));
    result("MMIO: write misses", !softtlb_host(&t, 1, 0x9000000, 4, SOFTTLB_WRITE));

    /* Page 0 is an ordinary page (the invalid word is not a page address). */
    softtlb_fill(&t, 0, 0, 0x40000000, R, ram[3], 0, 12);
    result("page 0 hit", softtlb_host(&t, 0, 8, 8, SOFTTLB_READ) == &ram[3][8]);

    /* Flush one page in index 1: the others stay. */
    softtlb_flush_page(&t, 0x2abc, 1u << 1);
    result("flushed page misses", !softtlb_host(&t, 1, 0x2000, 4, SOFTTLB_READ));
    result("other page stays", softtlb_host(&t, 1, 0x3000, 4, SOFTTLB_READ) != NULL);
    result("page flush of another index leaves it",
           (softtlb_flush_page(&t, 8, 1u << 1), softtlb_host(&t, 0, 8, 8, SOFTTLB_READ) != NULL));
    softtlb_flush_idx(&t, 1u << 0);
    result("index flush", !softtlb_host(&t, 0, 8, 8, SOFTTLB_READ) &&
                          softtlb_host(&t, 1, 0x3000, 4, SOFTTLB_READ) != NULL);

    /* A 2 MiB block entered page by page: a flush inside it, even of a
     * page never entered, empties the index. */
    softtlb_fill(&t, 2, 0x40200000, 0x80200000, R, ram[0], 0, 21);
    softtlb_fill(&t, 2, 0x40201000, 0x80201000, R, ram[1], 0, 21);
    softtlb_fill(&t, 2, 0x10005000, 0x50005000, R, ram[2], 0, 12);
    softtlb_flush_page(&t, 0x403ff000, 1u << 2);
    result("block flushed whole", !softtlb_host(&t, 2, 0x40200000, 4, SOFTTLB_READ) &&
                                  !softtlb_host(&t, 2, 0x40201000, 4, SOFTTLB_READ) &&
                                  !softtlb_host(&t, 2, 0x10005000, 4, SOFTTLB_READ));
    softtlb_fill(&t, 2, 0x40200000, 0x80200000, R, ram[0], 0, 21);
    softtlb_fill(&t, 2, 0x10005000, 0x50005000, R, ram[2], 0, 12);
    softtlb_flush_page(&t, 0x40400000, 1u << 2);
    result("flush outside the block keeps it", softtlb_host(&t, 2, 0x40200000, 4, SOFTTLB_READ) &&
           softtlb_host(&t, 2, 0x10005000, 4, SOFTTLB_READ));

    softtlb_flush_all(&t);
    result("flush all", !softtlb_host(&t, 1, 0x3000, 4, SOFTTLB_READ) &&
                        !softtlb_host(&t, 1, 0xffff000000123010ull, 8, SOFTTLB_READ) &&
                        !softtlb_host(&t, 2, 0x40200000, 4, SOFTTLB_READ));
    softtlb_destroy(&t);
    result("bad geometry refused", !softtlb_init(&t, 8, 8, 1) && !softtlb_init(&t, 12, 8, 9));
    return unit_summary();
}
