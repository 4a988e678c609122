/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Code memory: one writable executable mapping (rw == rx), or split W^X,
 * one memfd mapped twice, read-write for the emitter and read-execute for
 * running.  Code is written through rw and executed (and jumped to) at
 * rx; codebuf_rw() converts.  See codebuf.c.
 */
#ifndef GUISE_CODEBUF_H
#define GUISE_CODEBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct CodeBuf {
    uint8_t *rw;        /* writable view (rx unless split) */
    uint8_t *rx;        /* executable view (same pages) */
    size_t size;
    size_t used;        /* bytes allocated from the start */
    size_t reset_to;    /* bytes kept by a flush (prologue, shared stubs) */
} CodeBuf;

extern CodeBuf code_buf;

/* Map size bytes of code memory, split W^X if split is true or the
 * kernel refuses a writable executable mapping; false (errno set) on
 * failure. */
bool codebuf_init(size_t size, bool split);
/* In a forked child: give it a private copy of split code memory (the
 * memfd views are shared with the parent otherwise). */
bool codebuf_after_fork(void);
/* The descriptor guise keeps open for the code memory (codebuf.c), if the
 * program has not closed or reused its number; else -1. */
int codebuf_fd(void);
/* Forget every block: used = reset_to. */
void codebuf_flush(void);
/* Map the pages up to offset upto ahead of use, and to the end of its
 * 256 KiB chunk, in both views (a system call each per chunk instead of
 * two page faults a page), and unmap the writable view's pages well
 * behind it (each code page resident once); under tb_lock. */
void codebuf_populate(size_t upto);
/* A chain patch was written through the writable view (under tb_lock):
 * now and then the pages that brought back below the unmapped mark go
 * again. */
void codebuf_patched(void);

static inline uint8_t *codebuf_rw(const void *rx)
{
    return code_buf.rw + ((const uint8_t *)rx - code_buf.rx);
}
static inline bool codebuf_contains(uintptr_t p)
{
    return p >= (uintptr_t)code_buf.rx && p < (uintptr_t)code_buf.rx + code_buf.used;
}

#endif
