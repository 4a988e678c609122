/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The initial process state Linux gives a program: argc/argv/envp laid out
 * on a 16-byte aligned stack, the environment right after argv's NULL, the
 * auxiliary vector after the environment's NULL, and what the auxv says
 * (page size, random bytes, program headers, entry, ids, platform, hwcaps).
 * Prints only values that do not depend on where or how it runs.
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;
extern char _start[];

#ifndef HWCAP_FP
#define HWCAP_FP (1 << 0)
#define HWCAP_ASIMD (1 << 1)
#endif

static const char *yes(int c)
{
    return c ? "yes" : "no";
}

int main(int argc, char **argv)
{
    char **p = argv + argc + 1;
    Elf64_auxv_t *av;
    const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
    int nonzero = 0, have_load = 0;

    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] \"%s\"\n", i, argv[i]);
    printf("argv[argc] is NULL: %s\n", yes(argv[argc] == NULL));
    printf("argc slot 16-byte aligned: %s\n", yes(((uintptr_t)(argv - 1) & 15) == 0));
    printf("envp follows argv: %s\n", yes(p == environ));
    while (*p)
        p++;
    av = (Elf64_auxv_t *)(p + 1);
    printf("auxv follows envp: %s\n", yes(av->a_type != AT_NULL));
    for (; av->a_type != AT_NULL; av++)
        if (av->a_type == AT_PAGESZ)
            printf("auxv walk AT_PAGESZ %lu\n", (unsigned long)av->a_un.a_val);

    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
    for (unsigned long i = 0; ph && i < getauxval(AT_PHNUM); i++)
        have_load |= ph[i].p_type == PT_LOAD;
    printf("AT_PHDR points at program headers with a PT_LOAD: %s\n", yes(have_load));
    printf("AT_ENTRY is _start: %s\n", yes(getauxval(AT_ENTRY) == (uintptr_t)_start));
    printf("AT_BASE %lu (static)\n", getauxval(AT_BASE));
    printf("AT_RANDOM set: %s\n", yes(rnd != NULL));
    for (int i = 0; rnd && i < 16; i++)
        nonzero |= rnd[i];
    printf("AT_RANDOM bytes not all zero: %s\n", yes(nonzero));
    printf("AT_UID/EUID/GID/EGID match: %s\n",
           yes(getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
               getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid()));
    printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
    printf("AT_CLKTCK %lu\n", getauxval(AT_CLKTCK));
    printf("AT_PLATFORM %s\n", (const char *)getauxval(AT_PLATFORM));
    printf("AT_EXECFN is argv[0]: %s\n",
           yes(strcmp((const char *)getauxval(AT_EXECFN), argv[0]) == 0));
    printf("AT_HWCAP has fp and asimd: %s\n",
           yes((getauxval(AT_HWCAP) & (HWCAP_FP | HWCAP_ASIMD)) == (HWCAP_FP | HWCAP_ASIMD)));
    printf("sysconf(_SC_PAGESIZE) %ld\n", sysconf(_SC_PAGESIZE));
    return 0;
}
