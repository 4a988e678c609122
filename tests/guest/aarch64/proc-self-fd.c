/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The descriptors a program sees in /proc/self/fd (and fdinfo, and under
 * /proc/<pid>/task/<tid>/) are its own: test suites check for leaks that
 * way and shells close what they list.  guise keeps a descriptor of its
 * own at 1000 (translate/codebuf.c) that must not show.  Opens files at
 * the lowest number and at 1001 and lists each directory, before and after
 * a fork; what the test runner left open is not printed (0-2, the two
 * files and the numbers around 1000 are).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int a, b;

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static void list(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int fds[64], n = 0, self;

    if (!d) {
        printf("%s: cannot open\n", path);
        return;
    }
    self = dirfd(d);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        int fd = atoi(e->d_name);
        if (fd != self && n < 64 && (fd <= 2 || fd == a || fd == b || (fd >= 990 && fd <= 1010)))
            fds[n++] = fd;
    }
    closedir(d);
    qsort(fds, n, sizeof(fds[0]), cmp);
    printf("%s:", strchr(path + 1, '/') ? strrchr(path, '/') + 1 : path);
    for (int i = 0; i < n; i++) {
        if (fds[i] == a)
            printf(" low");
        else
            printf(" %d", fds[i]);
    }
    printf("\n");
}

static void all(void)
{
    char p[128];
    list("/proc/self/fd");
    list("/proc/self/fdinfo");
    snprintf(p, sizeof(p), "/proc/%d/fd", (int)getpid());
    list(p);
    snprintf(p, sizeof(p), "/proc/%d/task/%d/fd", (int)getpid(), (int)gettid());
    list(p);
    snprintf(p, sizeof(p), "/proc/thread-self/fd");
    list(p);
    fflush(stdout);
}

int main(void)
{
    a = open("/dev/null", O_RDONLY);
    b = fcntl(a, F_DUPFD, 1001);
    printf("opened %s %d\n", a > 2 ? "low" : "?", b);
    all();
    pid_t c = fork();
    if (c == 0) {
        printf("child\n");
        all();
        _exit(0);
    }
    waitpid(c, NULL, 0);
    return 0;
}
