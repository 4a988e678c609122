/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The /proc files an emulator must show from the guest's side:
 * /proc/self/maps (the program's executable mapping, [stack], a fresh
 * mmap), /proc/self/auxv (AT_PAGESZ, AT_HWCAP as getauxval sees them),
 * /proc/self/cmdline (argv), /proc/self/stat (pid, comm, startstack),
 * /proc/self/exe opened as a file (an aarch64 ELF), /proc/<pid>/ as
 * /proc/self/, and /proc/cpuinfo in the arm64 format.
 *
 * The expected output was made with qemu-aarch64 7.2, except the three
 * /proc/cpuinfo lines: that qemu shows the host's x86 cpuinfo, so they
 * were written by hand to what an arm64 kernel shows ("yes").
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "yes" : "no");
}

/* Read a whole file into a static buffer; its length or -1. */
static char text[1 << 16];
static long slurp(const char *path)
{
    int fd = open(path, O_RDONLY);
    long n = 0, r;

    if (fd < 0)
        return -1;
    while (n < (long)sizeof(text) - 1 && (r = read(fd, text + n, sizeof(text) - 1 - n)) > 0)
        n += r;
    close(fd);
    text[n] = 0;
    return n;
}

/* A maps line whose start address is addr, with perms and ending in name. */
static int maps_has(uintptr_t addr, const char *perms, const char *name)
{
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        unsigned long start, end;
        char p[8];
        if (sscanf(line, "%lx-%lx %7s", &start, &end, p) != 3)
            continue;
        if (addr && !(start <= addr && addr < end))
            continue;
        if (perms && strcmp(p, perms))
            continue;
        if (name && !strstr(line, name))
            continue;
        return 1;
    }
    return 0;
}

static void test_maps(const char *prog)
{
    void *m = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    check("read /proc/self/maps", slurp("/proc/self/maps") > 0);
    check("  program text r-xp", maps_has((uintptr_t)test_maps, "r-xp", prog));
    slurp("/proc/self/maps");
    check("  [stack] holds a local", maps_has((uintptr_t)&m, NULL, "[stack]"));
    slurp("/proc/self/maps");
    check("  fresh mmap r--p", maps_has((uintptr_t)m, "r--p", NULL));
    munmap(m, 8192);
}

static void test_auxv(void)
{
    long n = slurp("/proc/self/auxv");
    const uint64_t *v = (const uint64_t *)text;
    uint64_t pagesz = 0, hwcap = 0;
    int ended = 0;

    check("read /proc/self/auxv", n > 0 && n % 16 == 0);
    for (long i = 0; i + 1 < n / 8; i += 2) {
        if (v[i] == AT_PAGESZ)
            pagesz = v[i + 1];
        if (v[i] == AT_HWCAP)
            hwcap = v[i + 1];
        if (v[i] == AT_NULL)
            ended = 1;
    }
    printf("  AT_PAGESZ %lu\n", (unsigned long)pagesz);
    check("  AT_HWCAP as getauxval", hwcap == getauxval(AT_HWCAP));
    check("  ends with AT_NULL", ended);
}

static void test_cmdline(int argc, char **argv)
{
    long n = slurp("/proc/self/cmdline");
    long off = 0;
    int i;

    for (i = 0; i < argc && off < n; i++) {
        if (strcmp(text + off, argv[i]))
            break;
        off += strlen(argv[i]) + 1;
    }
    check("/proc/self/cmdline is argv", i == argc && off == n);
}

static void test_stat(const char *prog)
{
    char comm[64], *close_paren;
    int pid = 0, field;
    unsigned long long startstack = 0;
    char *tok, *save;

    slurp("/proc/self/stat");
    sscanf(text, "%d", &pid);
    check("/proc/self/stat pid", pid == getpid());
    close_paren = strrchr(text, ')');
    snprintf(comm, sizeof(comm), "(%.15s)", prog);
    check("  comm is the program", close_paren && !strncmp(strchr(text, '('), comm, strlen(comm)));
    for (field = 3, tok = strtok_r(close_paren + 1, " ", &save); tok && field < 28;
         tok = strtok_r(NULL, " ", &save))
        field++;
    if (tok)
        startstack = strtoull(tok, NULL, 10);
    check("  startstack above our frame", startstack > (uintptr_t)&pid);
}

static void test_exe_and_pid(void)
{
    char path[64];
    int fd = open("/proc/self/exe", O_RDONLY);
    Elf64_Ehdr eh;

    check("open /proc/self/exe", fd >= 0);
    check("  an aarch64 ELF", read(fd, &eh, sizeof(eh)) == sizeof(eh) &&
          !memcmp(eh.e_ident, ELFMAG, SELFMAG) && eh.e_machine == EM_AARCH64);
    close(fd);
    snprintf(path, sizeof(path), "/proc/%d/maps", getpid());
    check("/proc/<pid>/maps is ours", slurp(path) > 0 && maps_has((uintptr_t)test_exe_and_pid, "r-xp", NULL));
}

static void test_cpuinfo(void)
{
    long n = slurp("/proc/cpuinfo");

    check("read /proc/cpuinfo", n > 0 && !strncmp(text, "processor\t: 0\n", 14));
    check("  Features line with fp and asimd", strstr(text, "\nFeatures\t: fp asimd") != NULL);
    check("  CPU implementer and part", strstr(text, "\nCPU implementer\t: 0x") &&
          strstr(text, "\nCPU architecture: 8\n") && strstr(text, "\nCPU part\t: 0x"));
}

int main(int argc, char **argv)
{
    const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

    test_maps(prog);
    test_auxv();
    test_cmdline(argc, argv);
    test_stat(prog);
    test_exe_and_pid();
    test_cpuinfo();
    return 0;
}
