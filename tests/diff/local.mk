# SPDX-License-Identifier: GPL-2.0-or-later
# tests/diff/: the differential check against qemu-aarch64 (see run.sh).
# diff-gen writes random test programs from the frontend's decode tables,
# diff-cmp compares two runs.  `make check` runs run.sh's quick sample
# through tests/run-tests.sh; `make check-diff-long` runs >= 1,000,000
# instructions.
check_PROGRAMS += tests/diff/diff-gen tests/diff/diff-cmp

tests_diff_diff_gen_SOURCES = tests/diff/gen.c tests/diff/gen-asm.c tests/diff/diff.h \
	tests/unit/no-guest-code.c tests/unit/no-guarded-pages.c
tests_diff_diff_gen_LDADD = libguise-aarch64.la libguise-translate.la \
	libguise-util.la $(CAPSTONE_LIBS)

tests_diff_diff_cmp_SOURCES = tests/diff/cmp.c tests/diff/diff.h
tests_diff_diff_cmp_LDADD = $(CAPSTONE_LIBS)

EXTRA_DIST += tests/diff/run.sh tests/diff/known-ref-bugs.txt

check-diff-long: guise-aarch64$(EXEEXT) tests/diff/diff-gen$(EXEEXT) \
		tests/diff/diff-cmp$(EXEEXT)
	bash $(srcdir)/tests/diff/run.sh ./guise-aarch64$(EXEEXT) --long

.PHONY: check-diff-long
