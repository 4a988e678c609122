/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Guest program for tests/binfmt/run.sh, built static for aarch64 and run
 * by the kernel through binfmt_misc: prints what a program learns about how
 * it was started (its argv, /proc/self/exe, the machine uname reports).
 * "args exec PROGRAM ARGS..." first prints, then execs PROGRAM with ARGS
 * (argv[0] included), to test nested execs of foreign binaries.
 * "args ids" prints only the real and effective uid and AT_SECURE, for the
 * setuid cases (binfmt flag C).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char exe[4096];
    struct utsname u;
    ssize_t n;

    if (argc == 2 && !strcmp(argv[1], "ids")) {
        printf("ruid=%d euid=%d secure=%lu\n", (int)getuid(), (int)geteuid(),
               getauxval(AT_SECURE));
        return 0;
    }
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[n < 0 ? 0 : n] = 0;
    printf("exe=%s\n", n < 0 ? strerror(errno) : exe);
    printf("machine=%s\n", uname(&u) ? strerror(errno) : u.machine);
    fflush(stdout);
    if (argc >= 4 && !strcmp(argv[1], "exec")) {
        execv(argv[2], argv + 3);
        printf("execv: %s\n", strerror(errno));
        return 2;
    }
    return 0;
}
