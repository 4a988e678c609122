/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the full-system unit tests (test-sys-*.c): the checks and
 * summary line of unit.h, and a character backend whose output lands in a
 * pipe the test reads back.
 */
#ifndef GUISE_TEST_SYS_H
#define GUISE_TEST_SYS_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "system/chardev.h"
#include "system/memory.h"
#include "unit.h"

/* 32-bit device register accesses as a CPU makes them. */
static inline uint32_t t_rd32(SysAddressSpace *as, hwaddr a)
{
    uint64_t v = 0;
    sys_as_read(as, a, 4, &v, SYS_ATTRS_CPU(0));
    return (uint32_t)v;
}

static inline void t_wr32(SysAddressSpace *as, hwaddr a, uint32_t v)
{
    sys_as_write(as, a, 4, v, SYS_ATTRS_CPU(0));
}

/* A backend writing into a non-blocking pipe; *rd gets the read end. */
static inline SysChardev *t_pipe_chardev(int *rd)
{
    int p[2];
    SysChardev *c = calloc(1, sizeof(*c));
    if (!c || pipe2(p, O_NONBLOCK) < 0)
        exit(2);
    c->kind = SYS_CHR_FILE;
    c->in_fd = -1;
    c->listen_fd = -1;
    c->out_fd = p[1];
    *rd = p[0];
    return c;
}

/* Everything written to the pipe so far, NUL-terminated, in buf. */
static inline size_t t_pipe_read(int rd, char *buf, size_t len)
{
    ssize_t n = read(rd, buf, len - 1);
    if (n < 0)
        n = 0;
    buf[n] = 0;
    return (size_t)n;
}

/* Records the level of an interrupt line. */
static inline void t_irq_record(void *opaque, int n, int level)
{
    ((int *)opaque)[n] = level;
}

#endif
