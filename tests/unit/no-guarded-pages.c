/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The OS-layer hooks of translate/aarch64/pauth.h for host-side test
 * programs: no page is guarded (PROT_BTI), none ever was.
 */
#include <stddef.h>
#include "translate/aarch64/pauth.h"

/* translate/aarch64/pauth.h: no guarded (PROT_BTI) pages. */
bool guest_guarded_pages;

bool guest_page_guarded(uint64_t addr)
{
    (void)addr;
    return false;
}
