/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Code memory (translate/codebuf.c) in both layouts: one writable
 * executable mapping, 2 MiB-aligned, huge pages allowed past its first
 * 2 MiB; and split W^X, two views of one memfd.  In each, code written
 * through rw runs at rx, and a forked child's new code stays its own.
 * Each case runs in a child of its own (codebuf_init is once a process).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "translate/codebuf.h"
#include "unit.h"

#define SIZE ((size_t)8 << 20)
#define HUGE ((size_t)2 << 20)

/* mov eax, v; ret at offset off; then run it. */
static int put_and_run(size_t off, int32_t v)
{
    uint8_t code[] = { 0xb8, 0, 0, 0, 0, 0xc3 };

    memcpy(code + 1, &v, 4);
    memcpy(code_buf.rw + off, code, sizeof(code));
    return ((int (*)(void))(code_buf.rx + off))();
}

/* The value of field `key` (e.g. "THPeligible:") of the smaps entry of the
 * mapping holding addr, or the permissions with key NULL; false if absent. */
static bool smaps_field(const void *addr, const char *key, char *out, size_t n)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    char line[256];
    bool in = false, found = false;

    if (!f)
        return false;
    while (!found && fgets(line, sizeof(line), f)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3) {
            in = (uintptr_t)addr >= lo && (uintptr_t)addr < hi;
            if (in && !key) {
                snprintf(out, n, "%s", perms);
                found = true;
            }
        } else if (in && key && !strncmp(line, key, strlen(key))) {
            snprintf(out, n, "%s", line + strlen(key) + strspn(line + strlen(key), " \t"));
            out[strcspn(out, "\n")] = 0;
            found = true;
        }
    }
    fclose(f);
    return found;
}

/* Is transparent huge page use on madvise only (this host's and Debian's
 * default)? */
static bool thp_madvise(void)
{
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    char s[128] = "";

    if (f) {
        if (!fgets(s, sizeof(s), f))
            s[0] = 0;
        fclose(f);
    }
    return strstr(s, "[madvise]") != NULL;
}

static void single_layout(void)
{
    char v[32];

    CHECK(codebuf_init(SIZE, false));
    CHECK(code_buf.rw == code_buf.rx);
    CHECK_EQ((uintptr_t)code_buf.rx % HUGE, 0);
    CHECK_EQ(put_and_run(0, 42), 42);
    CHECK_EQ(put_and_run(SIZE - 8, -5), -5);
    CHECK(smaps_field(code_buf.rx, NULL, v, sizeof(v)) && !strcmp(v, "rwxp"));
    if (thp_madvise() && smaps_field(code_buf.rx + HUGE, "THPeligible:", v, sizeof(v))) {
        CHECK(!strcmp(v, "1"));
        CHECK(smaps_field(code_buf.rx, "THPeligible:", v, sizeof(v)) && !strcmp(v, "0"));
    } else {
        unit_skipped++;
    }
}

static void split_layout(void)
{
    char v[32];

    CHECK(codebuf_init(SIZE, true));
    CHECK(code_buf.rw != code_buf.rx);
    CHECK_EQ(put_and_run(0, 42), 42);
    CHECK_EQ(put_and_run(4096 + 3, 9), 9);
    CHECK(smaps_field(code_buf.rx, NULL, v, sizeof(v)) && !strcmp(v, "r-xs"));
    CHECK(smaps_field(code_buf.rw, NULL, v, sizeof(v)) && !strcmp(v, "rw-s"));
    CHECK(codebuf_fd() >= 0);
}

/* A forked child writes over code at offset 0; the parent's stays. */
static void fork_private(bool split)
{
    int status;
    pid_t pid;

    CHECK(codebuf_init(SIZE, split));
    CHECK_EQ(put_and_run(0, 42), 42);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        if (!codebuf_after_fork())
            _exit(2);
        _exit(put_and_run(0, 7) == 7 ? 0 : 3);
    }
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(((int (*)(void))code_buf.rx)(), 42);
}

static void fork_single(void) { fork_private(false); }
static void fork_split(void)  { fork_private(true); }

/* Run fn in a child: one check, passed if every check inside passed. */
static void in_child(const char *name, void (*fn)(void))
{
    int status = -1;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        fn();
        fflush(stdout);
        _exit(unit_failed ? 1 : unit_skipped ? 77 : 0);
    }
    if (pid > 0)
        waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
        unit_passed++;
        printf("%s: passed; huge page eligibility not checked (THP not on madvise)\n", name);
    } else {
        result(name, WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    in_child("single mapping", single_layout);
    in_child("split W^X views", split_layout);
    in_child("fork, single mapping", fork_single);
    in_child("fork, split views", fork_split);
    return unit_summary();
}
