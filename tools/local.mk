# SPDX-License-Identifier: GPL-2.0-or-later
# tools/: guise-binfmt, a POSIX sh script (see its header for why), installed
# as it is, with its manual page.  Included after Makefile.am sets
# dist_man_MANS.  Its tests: tests/binfmt/run.sh, run by tests/run-tests.sh
# (make check), and the heavy tests/binfmt/chroot-debian.sh (a Debian arm64
# debootstrap, ~220 MB downloaded once), run by `make check-chroot` with a
# static guise (./configure --static).
dist_bin_SCRIPTS = tools/guise-binfmt
dist_man_MANS += man/guise-binfmt.1
EXTRA_DIST += tests/binfmt/run.sh tests/binfmt/args.c tests/binfmt/chroot-debian.sh \
	tests/binfmt/cross-suite.sh

check-chroot: guise-aarch64$(EXEEXT)
	bash $(srcdir)/tests/binfmt/chroot-debian.sh ./guise-aarch64$(EXEEXT)
.PHONY: check-chroot
