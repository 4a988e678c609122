/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Code that changes after it has run, the way JITs and loaders do it: a
 * read-write-execute page rewritten in place, a page flipped between RW and
 * RX with mprotect, code written into an executed page by read(2) (the
 * kernel, not an instruction, does the store), and a page unmapped and
 * mapped again with other code.  Each call must run the newest code.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef int (*fn_t)(void);

/* movz w0, #imm; ret */
static void emit(uint32_t *p, unsigned imm)
{
    p[0] = 0x52800000u | (imm << 5);
    p[1] = 0xd65f03c0u;
}

static int call(void *code)
{
    __builtin___clear_cache((char *)code, (char *)code + 8);
    return ((fn_t)code)();
}

int main(void)
{
    long page = sysconf(_SC_PAGESIZE);
    uint32_t *rwx = mmap(NULL, page, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint32_t *flip = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint32_t buf[2];
    int sum = 0, fds[2];

    emit(rwx, 1);
    printf("rwx first: %d\n", call(rwx));
    emit(rwx, 2);
    printf("rwx rewritten: %d\n", call(rwx));
    for (int i = 0; i < 1000; i++) {      /* rewrite it often, run it each time */
        emit(rwx, (unsigned)i);
        sum += call(rwx);
    }
    printf("rwx 1000 rewrites: sum %d\n", sum);
    /* Two functions on one page: changing one keeps the other right. */
    emit(rwx + 16, 7);
    printf("second function: %d, first: %d\n", call(rwx + 16), call(rwx));
    emit(rwx + 16, 8);
    printf("second rewritten: %d, first: %d\n", call(rwx + 16), call(rwx));

    emit(flip, 10);
    mprotect(flip, page, PROT_READ | PROT_EXEC);
    printf("rw->rx: %d\n", call(flip));
    mprotect(flip, page, PROT_READ | PROT_WRITE);
    emit(flip, 11);
    mprotect(flip, page, PROT_READ | PROT_EXEC);
    printf("rx->rw->rx: %d\n", call(flip));

    /* The kernel writes new code into the executed page. */
    emit(buf, 12);
    if (pipe(fds) == 0 && write(fds[1], buf, sizeof(buf)) == sizeof(buf) &&
        read(fds[0], rwx, sizeof(buf)) == sizeof(buf))
        printf("code written by read(2): %d\n", call(rwx));
    else
        printf("pipe/read failed\n");

    munmap(flip, page);
    flip = mmap(flip, page, PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    emit(flip, 13);
    printf("unmapped and mapped again: %d\n", call(flip));
    return 0;
}
