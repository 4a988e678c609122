/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The persistent translation cache: host code of translated blocks kept
 * in a file across runs, so that a program started again (a compiler
 * driver, cc1, sed and sh in a configure script) skips translating what it
 * ran before.  User mode only, and only when asked for (-tc, GUISE_TC).
 *
 * One file per program and configuration: DIR/<key>.tc, the key hashing
 * guise's build, the CPU model and translation options, the host's CPU
 * features and the identity of the program file.  A record holds one
 * block: its guest pc and flags, a hash of its guest code, the host-pc
 * map, the code and its relocations (backend.h TCReloc).  A record is used
 * only if the guest code at pc now hashes the same and the page's
 * attributes (BTI guarded) match, so a changed library, another load
 * address or self-modified code never runs stale host code: it is
 * translated again.  Each record also carries a checksum; a damaged
 * record is skipped, a damaged file is started afresh.
 *
 * Writing: blocks translated in a run are serialised at translation time
 * (before chaining patches their jumps) and appended to the file at exit,
 * before execve, on death by a signal guise delivers and every 8 MiB, by
 * one O_APPEND write.  Processes running the same
 * program at once append side by side; a duplicate costs only space.  A
 * forked child appends only what it translated itself.  A file past
 * TCACHE_MAX_FILE is replaced by an empty one (rename, so that processes
 * that map the old one keep it); a folder past TCACHE_MAX_DIR loses its
 * least lately used files.
 *
 * Trust: the files hold host code guise runs, so the directory and the
 * file must belong to the user running guise and be writable by no one
 * else; otherwise the cache is off (with a warning).  Setuid runs
 * (AT_SECURE) never use it.
 *
 * Guest addresses must repeat for records to match: with the cache on,
 * linux-user places ELF interpreters and file mappings without an address
 * at addresses derived from the file's identity (mmap.c tcache_file_hint),
 * instead of where the host kernel's randomisation would put them.
 */
#ifndef GUISE_TCACHE_H
#define GUISE_TCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tb.h"

#define TCACHE_MAX_FILE (256u << 20)
#define TCACHE_MAX_DIR (1ull << 30)

/* 64-bit hash of n bytes (not cryptographic; seed chains calls). */
uint64_t tcache_hash(const void *p, size_t n, uint64_t seed);

/* The hash of guise's own build (its GNU build-id, else its code). */
uint64_t tcache_build_hash(void);

/* Use DIR/<key>.tc (DIR is created if missing).  page_attr(pc) gives the
 * attributes of the guest page a block starts on that translation depends
 * on; keep(pc) says whether blocks from that page are worth keeping (code
 * a file holds, not a JIT's output in anonymous or writable memory,
 * which would only pile up); either may be NULL.  False, with a one-line
 * warning on stderr, if the cache cannot be used (then everything runs as
 * without it). */
bool tcache_open(const char *dir, uint64_t key, uint32_t (*page_attr)(uint64_t pc),
                 bool (*keep)(uint64_t pc));
extern bool tcache_on;

/* Under tb_lock.  tcache_import: a TB for (pc, flags) made from a stored
 * record, with its code placed in the code buffer; NULL if there is none
 * that fits (or the buffer is full).  tcache_record: keep the block just
 * generated (x64_gen_tb with x64_record_relocs) for tcache_save. */
TB *tcache_import(uint64_t pc, uint64_t phys, uint32_t flags);
void tcache_record(const TB *tb);

/* Append the blocks recorded since the last save to the file. */
void tcache_save(void);
/* In a forked child: forget the parent's unsaved records. */
void tcache_fork_child(void);

/* Counters, reported by -d tcache: records in the file, blocks taken from
 * it, blocks translated, records refused (damaged, or no room), blocks
 * not kept (an address the relocations cannot express, or code not from
 * a file), bytes appended. */
typedef struct TCacheStats {
    uint64_t records, hits, misses, rejected, uncacheable, saved;
} TCacheStats;
extern TCacheStats tcache_stats;

#endif
