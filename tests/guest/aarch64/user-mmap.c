/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mmap family as Linux implements it: anonymous and file mappings,
 * MAP_FIXED over part of a mapping, MAP_FIXED_NOREPLACE, mprotect (a write
 * to a read-only page is SIGSEGV/SEGV_ACCERR, an access after munmap
 * SEGV_MAPERR, a page past the end of a file SIGBUS/BUS_ADRERR), mremap growing, moving and shrinking with the contents
 * kept, /proc/self/maps showing the protections, and the error returns.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static sigjmp_buf env;
static volatile int fault_code, fault_sig;
static void *volatile fault_addr;
static long page;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    fault_sig = sig;
    fault_code = si->si_code;
    fault_addr = si->si_addr;
    siglongjmp(env, 1);
}

/* Access *p (write if w); report whether and how it faulted. */
static void probe(const char *what, volatile char *p, int w)
{
    fault_code = 0;
    fault_addr = NULL;
    if (!sigsetjmp(env, 1)) {
        if (w)
            *p = 1;
        else
            (void)*p;
        printf("%s: ok\n", what);
    } else {
        if (fault_sig == SIGBUS)
            printf("%s: SIGBUS %s, si_addr %s\n", what,
                   fault_code == BUS_ADRERR ? "BUS_ADRERR" : "other",
                   fault_addr == (void *)p ? "exact" : "wrong");
        else
            printf("%s: SIGSEGV %s, si_addr %s\n", what,
                   fault_code == SEGV_MAPERR ? "SEGV_MAPERR" :
                   fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
                   fault_addr == (void *)p ? "exact" : "wrong");
    }
}

static void expect_err(const char *what, long r, int want)
{
    printf("%s: %s\n", what, r == -1 && errno == want ? "expected error" :
           r == -1 ? strerror(errno) : "succeeded");
}

/* The protection field of the /proc/self/maps line covering addr. */
static void maps_perms(const char *what, void *addr)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512], perms[8] = "none";
    unsigned long lo, hi;

    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 &&
            lo <= (uintptr_t)addr && (uintptr_t)addr < hi)
            break;
        else
            strcpy(perms, "none");
    if (f)
        fclose(f);
    printf("%s: maps says %s\n", what, perms);
}

static void anon_tests(void)
{
    char *p = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *q;

    printf("mmap anon: %s, page aligned %s\n", p == MAP_FAILED ? "failed" : "ok",
           ((uintptr_t)p % page) ? "no" : "yes");
    printf("fresh memory is zero: %s\n", p[0] == 0 && p[4 * page - 1] == 0 ? "yes" : "no");
    memset(p, 'a', 4 * page);
    maps_perms("rw mapping", p);

    /* MAP_FIXED over the second page replaces it with zeroes. */
    q = mmap(p + page, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED inside: %s, new page zero %s, neighbours kept %s\n",
           q == p + page ? "at the address" : "elsewhere", q[0] == 0 ? "yes" : "no",
           p[0] == 'a' && p[2 * page] == 'a' ? "yes" : "no");
    probe("write to the PROT_READ page", p + page + 8, 1);
    maps_perms("PROT_READ page", p + page);

    q = mmap(p, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    expect_err("MAP_FIXED_NOREPLACE over a mapping", q == MAP_FAILED ? -1 : 0, EEXIST);

    printf("mprotect read-only: %d\n", mprotect(p + 2 * page, page, PROT_READ));
    probe("read from it", p + 2 * page, 0);
    probe("write to it", p + 2 * page + 100, 1);
    printf("mprotect back to rw: %d\n", mprotect(p + 2 * page, page, PROT_READ | PROT_WRITE));
    probe("write after mprotect rw", p + 2 * page + 100, 1);
    printf("mprotect PROT_NONE: %d\n", mprotect(p + 3 * page, page, PROT_NONE));
    probe("read PROT_NONE", p + 3 * page, 0);
    maps_perms("PROT_NONE page", p + 3 * page);

    printf("munmap second half: %d\n", munmap(p + 2 * page, 2 * page));
    probe("read unmapped", p + 2 * page + 5, 0);
    maps_perms("unmapped", p + 2 * page);
    printf("munmap the rest: %d\n", munmap(p, 2 * page));
    printf("munmap it again: %d\n", munmap(p, 2 * page));
}

static void remap_tests(void)
{
    char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *q, *hole;
    int ok = 1;

    for (long i = 0; i < 2 * page; i++)
        p[i] = (char)(i * 7);
    /* Grow where it cannot stay: keep a neighbour right after it. */
    hole = mmap(p + 2 * page, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                -1, 0);
    q = mremap(p, 2 * page, 64 * page, 0);
    printf("mremap grow in place next to a mapping: %s\n",
           q == MAP_FAILED && errno == ENOMEM ? "ENOMEM" : "unexpected");
    q = mremap(p, 2 * page, 64 * page, MREMAP_MAYMOVE);
    for (long i = 0; q != MAP_FAILED && i < 2 * page; i++)
        ok &= q[i] == (char)(i * 7);
    printf("mremap MAYMOVE: %s, contents kept %s, new part zero %s\n",
           q == MAP_FAILED ? "failed" : "ok", ok ? "yes" : "no",
           q != MAP_FAILED && q[63 * page] == 0 ? "yes" : "no");
    q[63 * page] = 1;
    if (q != p)
        probe("old address after the move", p, 0);
    q = mremap(q, 64 * page, page, 0);
    printf("mremap shrink: %s, first byte kept %s\n", q == MAP_FAILED ? "failed" : "ok",
           q[0] == 0 ? "yes" : "no");
    probe("beyond the shrunk end", q + page, 0);
    expect_err("mremap of an unmapped range", (long)mremap(q + 8 * page, page, 2 * page, 0) == -1 ? -1 : 0,
               EFAULT);
    munmap(q, page);
    if (hole != MAP_FAILED)
        munmap(hole, page);
}

static void file_tests(void)
{
    FILE *t = tmpfile();
    char buf[64];
    int fd;
    char *p;

    if (!t) {
        printf("tmpfile failed\n");
        return;
    }
    fd = fileno(t);
    memset(buf, 'x', sizeof(buf));
    for (int i = 0; i < 3 * page / 64; i++)
        if (write(fd, buf, sizeof(buf)) != sizeof(buf))
            printf("write failed\n");
    if (pwrite(fd, "hello", 5, page) != 5)
        printf("pwrite failed\n");
    p = mmap(NULL, 2 * page, PROT_READ, MAP_PRIVATE, fd, page);
    printf("file mmap at offset: %s, reads \"%.5s\"\n", p == MAP_FAILED ? "failed" : "ok", p);
    munmap(p, 2 * page);
    /* Pages wholly past the end of the file raise SIGBUS. */
    p = mmap(NULL, 8 * page, PROT_READ, MAP_PRIVATE, fd, 0);
    probe("read past the end of the file", p + 4 * page + 3, 0);
    munmap(p, 8 * page);
    p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memcpy(p, "shared", 6);
    if (pread(fd, buf, 6, 0) == 6)
        printf("MAP_SHARED write reaches the file: %s\n", memcmp(buf, "shared", 6) ? "no" : "yes");
    munmap(p, page);
    expect_err("mmap with an unaligned offset",
               mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED ? -1 : 0, EINVAL);
    fclose(t);
    expect_err("mmap of a closed fd",
               mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED ? -1 : 0, EBADF);
}

static void error_tests(void)
{
    char *p = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    expect_err("mmap of length 0",
               mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0,
               EINVAL);
    expect_err("mmap without SHARED or PRIVATE",
               mmap(NULL, page, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL);
    expect_err("MAP_FIXED at an unaligned address",
               mmap(p + 1, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
               MAP_FAILED ? -1 : 0, EINVAL);
    expect_err("munmap of an unaligned address", munmap(p + 1, page), EINVAL);
    expect_err("munmap of length 0", munmap(p, 0), EINVAL);
    expect_err("mprotect of an unaligned address", mprotect(p + 1, page, PROT_READ), EINVAL);
    munmap(p, page);
    expect_err("mprotect of an unmapped page", mprotect(p, page, PROT_READ), ENOMEM);
    expect_err("mprotect with a bad prot", mprotect(&page, page, 0x1000), EINVAL);
}

int main(void)
{
    struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };

    setvbuf(stdout, NULL, _IONBF, 0);
    page = sysconf(_SC_PAGESIZE);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    anon_tests();
    remap_tests();
    file_tests();
    error_tests();
    return 0;
}
