/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Death by signal: flushes a line, then abort()s.  The guest is killed by
 * SIGABRT, so the emulator must die of the same signal and the shell sees
 * 128 + 6 = 134 (gen-abort.status).  The emulator's own message about the
 * signal goes to stderr, which is not compared.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("about to abort\n");
    fflush(stdout);
    abort();
}
