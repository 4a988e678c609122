/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every unit test program shares: counting checks, reporting a failed
 * one with its name (result) or its expression and line (CHECK,
 * CHECK_EQ), and the closing line the test driver counts,
 * "N passed, N failed, N skipped" (unit_summary, the exit status too).
 */
#ifndef GUISE_TEST_UNIT_H
#define GUISE_TEST_UNIT_H

#include <stdbool.h>
#include <stdio.h>

static unsigned unit_passed, unit_failed, unit_skipped;

static inline void result(const char *name, bool ok)
{
    if (ok) {
        unit_passed++;
    } else {
        unit_failed++;
        printf("FAIL %s\n", name);
    }
}

#define CHECK(cond) do { \
    if (cond) { unit_passed++; } \
    else { unit_failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_EQ(a, b) do { \
    unsigned long long _a = (unsigned long long)(a), _b = (unsigned long long)(b); \
    if (_a == _b) { unit_passed++; } \
    else { unit_failed++; printf("FAIL %s:%d: %s == %s (0x%llx != 0x%llx)\n", \
                                 __FILE__, __LINE__, #a, #b, _a, _b); } \
} while (0)

static inline int unit_summary(void)
{
    printf("%u passed, %u failed, %u skipped\n", unit_passed, unit_failed, unit_skipped);
    return unit_failed != 0;
}

#endif
