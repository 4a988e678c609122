/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest memory as the system call handlers touch it.  Every guest pointer
 * a call dereferences goes through these helpers: they check the range
 * against the guest memory map (mmap.c's guest_range_ok) so that a bad
 * pointer becomes -EFAULT rather than a host fault, and before the host
 * writes guest memory they call guest_prepare_write, which lifts the write
 * protection of pages holding translated code (their blocks are dropped).
 *
 * Guest paths are fetched here too (sys_get_path), rewritten for -L and
 * for /proc/self/exe on the way.
 */
#include <string.h>
#include "syscall.h"

const void *sys_read_ptr(guest_addr a, size_t len)
{
    if (len == 0)
        return g2h(a);
    if (a + len < a || !guest_range_ok(a, len, PAGE_READ))
        return NULL;
    return g2h(a);
}

void *sys_write_ptr(guest_addr a, size_t len)
{
    if (len == 0)
        return g2h(a);
    if (a + len < a || !guest_prepare_write(a, len))
        return NULL;
    return g2h(a);
}

guest_long sys_copy_from(void *dst, guest_addr src, size_t len)
{
    const void *p = sys_read_ptr(src, len);

    if (!p)
        return sys_err(EFAULT);
    memcpy(dst, p, len);
    return 0;
}

guest_long sys_copy_to(guest_addr dst, const void *src, size_t len)
{
    void *p = sys_write_ptr(dst, len);

    if (!p)
        return sys_err(EFAULT);
    memcpy(p, src, len);
    return 0;
}

/* Bytes from a to the end of its guest page. */
static size_t page_rest(guest_addr a)
{
    return GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1));
}

guest_long sys_get_string(char *buf, size_t size, guest_addr a)
{
    size_t got = 0;

    /* Page by page: the string may end just before an unmapped page. */
    while (got < size) {
        size_t chunk = page_rest(a + got);
        const char *p, *nul;

        if (chunk > size - got)
            chunk = size - got;
        p = sys_read_ptr(a + got, chunk);
        if (!p || a == 0)
            return sys_err(EFAULT);
        nul = memchr(p, 0, chunk);
        if (nul) {
            memcpy(buf + got, p, (size_t)(nul - p) + 1);
            return 0;
        }
        memcpy(buf + got, p, chunk);
        got += chunk;
    }
    return sys_err(ENAMETOOLONG);
}

guest_long sys_get_path(SysPath *p, guest_addr a)
{
    guest_long r = sys_get_string(p->guest, sizeof(p->guest), a);
    const char *exe;

    if (r < 0)
        return r;
    exe = sys_procfs_exe_alias(p->guest);
    if (exe) {
        p->host = exe;
        return 0;
    }
    p->host = path_for_guest(p->guest, p->buf, sizeof(p->buf));
    return 0;
}
