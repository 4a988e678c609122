/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Start-up benchmark: the smallest useful static program.  Run many times,
 * it measures process start, ELF loading, the C library's initialisation
 * and exit under the emulator, against native.
 */
#include <stdio.h>

int main(void)
{
    printf("hello\n");
    return 0;
}
