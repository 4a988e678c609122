/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The OS-layer hooks of translate/exec.h for host-side test programs that
 * link the translator (the dispatcher comes with it) but never translate
 * guest code from memory: nothing is fetchable, nothing is watched.
 * Linked into tests/unit/test-ir, tests/unit/test-a64-decode and
 * tests/diff/diff-gen, with no-guarded-pages.c.
 */
#include <stddef.h>
#include "translate/exec.h"

bool guest_code_fetchable(uint64_t addr, size_t len)
{
    (void)addr;
    (void)len;
    return false;
}

const void *guest_code_ptr(uint64_t addr)
{
    (void)addr;
    return NULL;
}

void guest_code_page_watch(uint64_t addr)
{
    (void)addr;
}

bool guest_code_writable(uint64_t addr)
{
    (void)addr;
    return false;
}
