/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Memory calls: mmap, munmap, mprotect, mremap and brk go to the guest
 * memory map (linux-user/mmap.c), which places and tracks guest mappings;
 * madvise, msync, mlock, munlock and mincore act on the host pages behind
 * a checked guest range.
 *
 * madvise(MADV_DONTNEED) must really drop the pages (anonymous memory
 * reads back as zeros afterwards; allocators rely on it), so it is passed
 * to the host, and the translated blocks of the range are dropped since
 * its contents change without a guest store.  Advice that only affects
 * performance or fork is accepted and ignored.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sys/mman.h>
#include "syscall.h"
#include "translate/exec.h"

/* Page-aligned start, length rounded up to pages; false on overflow or
 * misalignment. */
static bool page_range(guest_addr addr, guest_ulong len, guest_ulong *plen)
{
    guest_ulong l = (len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;

    if (addr & (GUEST_PAGE_SIZE - 1) || l < len || addr + l < addr)
        return false;
    *plen = l;
    return true;
}

guest_long sys_mmap(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_raw_ret(target_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4], (int64_t)a[5]));
}

guest_long sys_munmap(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_raw_ret(target_munmap(a[0], a[1]));
}

guest_long sys_mprotect(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_raw_ret(target_mprotect(a[0], a[1], (int)a[2]));
}

guest_long sys_mremap(void *env, const guest_ulong *a)
{
    (void)env;
    return sys_raw_ret(target_mremap(a[0], a[1], a[2], (int)a[3], a[4]));
}

guest_long sys_brk(void *env, const guest_ulong *a)
{
    (void)env;
    return (guest_long)target_brk(a[0]);
}

/* What madvise does with each advice (include/uapi/asm-generic/mman-common.h). */
enum { MADV_IGNORE, MADV_HOST, MADV_HOST_DROPS };

static int madvise_action(int advice)
{
    switch (advice) {
    case 0: case 1: case 2: case 3:      /* NORMAL RANDOM SEQUENTIAL WILLNEED */
    case 14: case 15:                    /* HUGEPAGE NOHUGEPAGE */
    case 20: case 21:                    /* COLD PAGEOUT */
        return MADV_HOST;
    case 4: case 8: case 9:              /* DONTNEED FREE REMOVE */
        return MADV_HOST_DROPS;
    case 10: case 11: case 12: case 13:  /* DONTFORK DOFORK (UN)MERGEABLE */
    case 16: case 17: case 18: case 19:  /* DONTDUMP DODUMP WIPE/KEEPONFORK */
    case 22: case 23: case 25:           /* POPULATE_READ/WRITE COLLAPSE */
        return MADV_IGNORE;
    }
    return -1;
}

guest_long sys_madvise(void *env, const guest_ulong *a)
{
    guest_ulong len;
    int action = madvise_action((int)a[2]);

    if (action < 0) {
        sys_unimp(env, 0x4d41000000000000ull | (uint32_t)a[2],
                  "madvise advice %d not implemented", (int)a[2]);
        return sys_err(EINVAL);
    }
    if (!page_range(a[0], a[1], &len))
        return sys_err(EINVAL);
    if (len == 0 || action == MADV_IGNORE)
        return 0;
    if (!guest_range_ok(a[0], len, 0))
        return sys_err(ENOMEM);
    if (madvise(g2h(a[0]), len, (int)a[2]) != 0)
        return sys_err(errno);
    if (action == MADV_HOST_DROPS)
        tb_invalidate_range(a[0], a[0] + len);
    return 0;
}

guest_long sys_msync(void *env, const guest_ulong *a)
{
    guest_ulong len;

    (void)env;
    if (!page_range(a[0], a[1], &len))
        return sys_err(EINVAL);
    if (len && !guest_range_ok(a[0], len, 0))
        return sys_err(ENOMEM);
    return sys_ret(msync(g2h(a[0]), len, (int)a[2]));
}

/* mlock/munlock: on the host pages of a mapped guest range. */
static guest_long lock_range(const guest_ulong *a, bool lock)
{
    guest_addr start = a[0] & GUEST_PAGE_MASK;
    guest_ulong len = a[1] + (a[0] - start);

    if (len < a[1])
        return sys_err(EINVAL);
    if (len && !guest_range_ok(start, len, 0))
        return sys_err(ENOMEM);
    return sys_ret(lock ? mlock(g2h(start), len) : munlock(g2h(start), len));
}

guest_long sys_mlock(void *env, const guest_ulong *a)
{
    (void)env;
    return lock_range(a, true);
}

guest_long sys_munlock(void *env, const guest_ulong *a)
{
    (void)env;
    return lock_range(a, false);
}

/* Locking all of our address space would lock guise's own buffers too. */
guest_long sys_mlockall(void *env, const guest_ulong *a)
{
    sys_unimp(env, 0x4d4c000000000000ull, "mlockall ignored");
    return (a[0] & ~7ull) ? sys_err(EINVAL) : 0;
}

guest_long sys_munlockall(void *env, const guest_ulong *a)
{
    (void)env, (void)a;
    return 0;
}

guest_long sys_mincore(void *env, const guest_ulong *a)
{
    guest_ulong len;
    void *vec;

    (void)env;
    if (!page_range(a[0], a[1], &len))
        return sys_err(EINVAL);
    vec = sys_write_ptr(a[2], len / GUEST_PAGE_SIZE);
    if (!vec)
        return sys_err(EFAULT);
    if (len && !guest_range_ok(a[0], len, 0))
        return sys_err(ENOMEM);
    return sys_ret(mincore(g2h(a[0]), len, vec));
}
