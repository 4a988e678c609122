/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Exit status: prints a line (which must be flushed by exit's stdio
 * clean-up, since stdout is a pipe and so fully buffered), runs atexit
 * handlers in reverse order of registration, and leaves with exit(42).
 * gen-exit42.status holds the expected 42.
 */
#include <stdio.h>
#include <stdlib.h>

static void first_registered(void)
{
    printf("atexit: registered first, runs last\n");
}

static void second_registered(void)
{
    printf("atexit: registered second, runs first\n");
}

int main(void)
{
    atexit(first_registered);
    atexit(second_registered);
    printf("exiting with 42\n");
    exit(42);
}
