/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise-img internals shared by its files:
 *   guise-img.c    main, the command table, option helpers, create, resize,
 *                  amend
 *   img-info.c     info, check, map, measure, snapshot -l (reporting)
 *   img-convert.c  convert, compare, dd, bench, rebase, commit (copying)
 * Each command is `int img_NAME(int argc, char **argv)` returning the exit
 * status; user errors go through img_die() (one line, exit 1).
 */
#ifndef GUISE_IMG_H
#define GUISE_IMG_H

#include "block/block.h"

#include <stdbool.h>
#include <stdint.h>

/* Prints "guise-img: MESSAGE" on stderr and exits 1. */
void img_die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Opens an image or dies with the block layer's reason. */
BlkDev *img_open(const char *filename, const char *fmt, int flags);
/* Parses a size with an optional K/M/G/T/P/E suffix (powers of 1024). */
bool img_parse_size(const char *s, uint64_t *out);
/* Parses "-o key=value,..." into opts (sizes, compat, refcount bits...). */
void img_parse_create_opts(const char *list, BlkCreateOpts *o);
/* "1 MiB" style sizes as qemu-img prints them. */
void img_size_str(uint64_t v, char *buf, size_t len);
/* Bytes the file takes on the host (st_blocks). */
int64_t img_allocated_size(const char *filename);

int img_create(int argc, char **argv);
int img_amend(int argc, char **argv);
int img_resize(int argc, char **argv);
int img_info(int argc, char **argv);
int img_check(int argc, char **argv);
int img_map(int argc, char **argv);
int img_measure(int argc, char **argv);
int img_convert(int argc, char **argv);
int img_compare(int argc, char **argv);
int img_dd(int argc, char **argv);
int img_bench(int argc, char **argv);
int img_snapshot(int argc, char **argv);
int img_rebase(int argc, char **argv);
int img_commit(int argc, char **argv);

#endif
