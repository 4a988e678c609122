/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fork() after the program closed every descriptor above 2 (a daemon's
 * loop) and after it put its own files at the numbers around 1000: guise
 * copies its code memory for the child through a descriptor of its own
 * kept up there (translate/codebuf.c), so it must notice either and copy
 * another way.  Each child and parent runs code not run before (new
 * translations in the child's copy) and prints its results.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <string.h>
__attribute__((noinline)) static long work(int k) { long s = 0; for (int i = 0; i < 100000; i++) s += (i * k) ^ (s >> 3); return s; }
__attribute__((noinline)) static long work2(int k) { long s = 1; for (int i = 0; i < 50000; i++) s = s * 31 + i + k; return s; }
static void child_round(const char *tag, int k) {
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { printf("%s child %ld %ld\n", tag, work(k), work2(k)); fflush(stdout); _exit(0); }
    int st; waitpid(p, &st, 0);
    printf("%s parent %ld status %d\n", tag, work(k + 1), WEXITSTATUS(st));
}
int main(void) {
    child_round("plain", 1);
    for (int fd = 3; fd < 4096; fd++) close(fd);           /* a daemon's loop */
    child_round("closed", 2);
    /* the numbers reused by a regular file of int3s: copying it as code
     * would crash the child */
    int mfd = memfd_create("junk", 0);
    static char junk[1 << 16];
    memset(junk, 0xcc, sizeof(junk));
    for (int i = 0; i < 64; i++)
        write(mfd, junk, sizeof(junk));
    for (int fd = 900; fd < 1100; fd++) dup2(mfd, fd);
    child_round("reused", 3);
    printf("offset %ld\n", (long)lseek(1000, 0, SEEK_CUR));
    return 0;
}
