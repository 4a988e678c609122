# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# The reporting every script suite shares: set REPORT_PREFIX (the suite's
# name and a slash) and source this file, then
#   pass NAME              one passed check
#   skip NAME REASON       one skipped check, with the reason shown
#   fail NAME LINES...     one failed check, with indented detail lines
#   summary                print "N passed, N failed, N skipped" (the line
#                          tests/run-tests.sh counts) and exit 0 iff none failed

passed=0 failed=0 skipped=0
pass() { echo "PASS ${REPORT_PREFIX}$1"; passed=$((passed + 1)); }
skip() { echo "SKIP ${REPORT_PREFIX}$1 ($2)"; skipped=$((skipped + 1)); }
fail() {
    echo "FAIL ${REPORT_PREFIX}$1"
    shift
    printf '    %s\n' "$@"
    failed=$((failed + 1))
}
summary() {
    echo "$passed passed, $failed failed, $skipped skipped"
    [ "$failed" = 0 ]
    exit
}
