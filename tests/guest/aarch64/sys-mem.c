/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Memory system calls: anonymous mmap, madvise(MADV_DONTNEED) reading back
 * zeros (allocators rely on it), other advice and a misaligned range,
 * mremap growing with MREMAP_MAYMOVE and keeping the contents, a shared
 * file mapping written back with msync, mincore, mlock/munlock, munmap
 * then mincore (ENOMEM), and brk growth.  (Unknown advice and
 * MAP_FIXED_NOREPLACE onto a mapping are left out: qemu-aarch64 7.2, the
 * reference, accepts both where Linux fails them.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %ld\n", what, r);
}

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "yes" : "no");
}

static int all_bytes(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

static void test_anon(void)
{
    unsigned char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned char vec[3];

    check("mmap anonymous", p != MAP_FAILED);
    check("  reads as zeros", all_bytes(p, 3 * PAGE, 0));
    memset(p, 0xab, 3 * PAGE);
    show("madvise DONTNEED middle page", madvise(p + PAGE, PAGE, MADV_DONTNEED));
    check("  middle page zero again", all_bytes(p + PAGE, PAGE, 0));
    check("  other pages kept", all_bytes(p, PAGE, 0xab) && all_bytes(p + 2 * PAGE, PAGE, 0xab));
    show("madvise WILLNEED", madvise(p, 3 * PAGE, MADV_WILLNEED));
    show("madvise misaligned", madvise(p + 1, PAGE, MADV_DONTNEED));
    show("mincore", mincore(p, 3 * PAGE, vec));
    check("  first page resident", vec[0] & 1);
    show("mlock", mlock(p, PAGE));
    show("munlock", munlock(p, PAGE));
    p = mremap(p, 3 * PAGE, 64 * PAGE, MREMAP_MAYMOVE);
    check("mremap grow", p != MAP_FAILED);
    check("  contents kept", all_bytes(p, PAGE, 0xab) && all_bytes(p + PAGE, PAGE, 0));
    check("  new part zero", all_bytes(p + 3 * PAGE, 61 * PAGE, 0));
    show("munmap", munmap(p, 64 * PAGE));
    show("mincore after munmap", mincore(p, PAGE, vec));
    show("munmap misaligned", munmap(p + 1, PAGE));
}

static void test_file(void)
{
    char path[] = "/tmp/guise-sys-mem-XXXXXX", buf[8];
    int fd = mkstemp(path);
    char *m;

    if (fd < 0 || ftruncate(fd, PAGE) != 0) {
        perror("temporary file");
        return;
    }
    unlink(path);
    m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check("mmap shared file", m != MAP_FAILED);
    memcpy(m + 100, "shared!", 7);
    show("msync MS_SYNC", msync(m, PAGE, MS_SYNC));
    show("pread sees the store", pread(fd, buf, 7, 100));
    printf("  \"%.7s\"\n", buf);
    show("pwrite", pwrite(fd, "written", 7, 200));
    printf("  mapping sees \"%.7s\"\n", m + 200);
    munmap(m, PAGE);
    close(fd);
}

static void test_brk(void)
{
    char *a = sbrk(0), *b;

    check("sbrk(0) non-zero", a != (char *)-1 && a != NULL);
    b = sbrk(3 * PAGE);
    check("sbrk grows from the old break", b == a);
    memset(b, 0x5a, 3 * PAGE);
    check("  new memory writable", all_bytes((unsigned char *)b, 3 * PAGE, 0x5a));
    check("  break moved", sbrk(0) == a + 3 * PAGE);
}

int main(void)
{
    test_anon();
    test_file();
    test_brk();
    return 0;
}
