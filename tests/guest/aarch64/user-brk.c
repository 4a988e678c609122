/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The program break: sbrk growth in small and large steps (the new memory
 * is zero and usable), shrinking and growing again, brk(2) refusing an
 * absurd break (the break stays put, as Linux returns the old one), and
 * malloc of large blocks (mmap) and many small ones (the heap).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    char *start, *p, *cur;
    long page = sysconf(_SC_PAGESIZE);
    uintptr_t raw;
    int zero = 1;
    void *blocks[64];
    size_t total = 0;

    setvbuf(stdout, NULL, _IONBF, 0);    /* no stdio buffer on the heap */
    start = sbrk(0);
    printf("initial break page aligned: %s\n", ((uintptr_t)start % page) ? "no" : "yes");
    p = sbrk(100);
    printf("sbrk(100) returns the old break: %s\n", p == start ? "yes" : "no");
    printf("break moved by 100: %s\n", (char *)sbrk(0) == start + 100 ? "yes" : "no");
    p = sbrk(8 << 20);
    for (long i = 0; i < (8 << 20); i += page)
        zero &= p[i] == 0;
    memset(p, 0x5a, 8 << 20);
    printf("sbrk(8M): memory zero before use %s, usable %s\n", zero ? "yes" : "no",
           p[(8 << 20) - 1] == 0x5a ? "yes" : "no");
    cur = sbrk(0);
    printf("shrink by 4M: %s\n", sbrk(-(4 << 20)) == cur ? "ok" : "failed");
    cur = sbrk(0);
    p = sbrk(4 << 20);
    printf("grow again: %s, page after the old end is zero again %s\n",
           p == cur ? "ok" : "failed",
           p[((uintptr_t)cur + page - 1) / page * page - (uintptr_t)cur + 1] == 0 ? "yes" : "no");

    /* The raw system call returns the current break when it cannot move. */
    cur = sbrk(0);
    raw = (uintptr_t)syscall(SYS_brk, (uintptr_t)1 << 62);
    printf("brk(huge) leaves the break: %s\n", raw == (uintptr_t)cur ? "yes" : "no");
    raw = (uintptr_t)syscall(SYS_brk, 0);
    printf("brk(0) returns the break: %s\n", raw == (uintptr_t)cur ? "yes" : "no");
    errno = 0;
    printf("sbrk(huge) fails with ENOMEM: %s\n",
           sbrk((intptr_t)1 << 60) == (void *)-1 && errno == ENOMEM ? "yes" : "no");
    raw = (uintptr_t)syscall(SYS_brk, (uintptr_t)page);
    printf("brk below the heap leaves the break: %s\n", raw == (uintptr_t)cur ? "yes" : "no");

    for (int i = 0; i < 8; i++) {
        size_t n = (size_t)(i + 1) << 20;
        blocks[i] = malloc(n);
        memset(blocks[i], i, n);
        total += n;
    }
    for (int i = 0; i < 8; i++)
        zero &= ((unsigned char *)blocks[i])[((size_t)(i + 1) << 20) - 1] == i;
    printf("malloc of %zu MiB in large blocks: %s\n", total >> 20, zero ? "ok" : "corrupt");
    for (int i = 0; i < 8; i++)
        free(blocks[i]);
    for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 64; i++) {
            blocks[i] = malloc(16 + i * 32);
            memset(blocks[i], round, 16 + i * 32);
        }
        for (int i = 0; i < 64; i++)
            free(blocks[i]);
    }
    printf("small malloc/free rounds: done\n");
    return 0;
}
