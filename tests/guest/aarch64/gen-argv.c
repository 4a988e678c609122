/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arguments and the initial stack: prints argc and each argv string (the
 * arguments come from gen-argv.args, one of them with spaces, one empty),
 * checks argv[argc] == NULL, that envp follows argv, and reads a few
 * auxiliary vector entries (AT_PAGESZ, AT_PHDR, AT_RANDOM) via getauxval.
 * argv[0] is only checked to name the program: its path depends on the
 * build.
 */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

int main(int argc, char **argv, char **envp)
{
    printf("argc = %d\n", argc);
    printf("argv[0] names the program: %s\n",
           strstr(argv[0], "gen-argv") ? "yes" : "no");
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");
    printf("envp follows argv: %s\n", envp == argv + argc + 1 ? "yes" : "no");
    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    printf("AT_PHDR set: %s, AT_RANDOM set: %s\n",
           getauxval(AT_PHDR) ? "yes" : "no", getauxval(AT_RANDOM) ? "yes" : "no");
    /* The stack pointer is 16-byte aligned at every call (AAPCS64). */
    char probe __attribute__((aligned(16)));
    printf("aligned local: %s\n", ((unsigned long)&probe & 15) == 0 ? "yes" : "no");
    return 0;
}
