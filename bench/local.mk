# SPDX-License-Identifier: GPL-2.0-or-later
# bench/: compute kernels timed natively, under guise and under
# qemu-aarch64 by bench/run.sh.  `make bench` prints the table; it is never
# part of `make check`.  `make bench-system` times Debian's kernel booting
# under guise-system-aarch64 and qemu-system-aarch64 (bench/system.sh);
# `make bench` adds that table when the kernel is cached already.
# `make bench-chroot` times a package build (GNU hello's configure and
# make -j2) in a Debian arm64 chroot with guise as the binfmt_misc
# interpreter against qemu-aarch64-static (bench/chroot.sh); it builds a
# static guise of its own in bench/build/static (./configure --static,
# configured once; make there is incremental).

EXTRA_DIST += bench/run.sh bench/system.sh bench/chroot.sh \
	bench/bench-hash.c bench/bench-memory.c \
	bench/bench-sort.c bench/bench-nbody.c bench/bench-text.c \
	bench/bench-hello.c \
	bench/bench-simd.c bench/bench-simd.cflags bench/bench-aes.c bench/bench-aes.cflags \
	bench/bench-sha256.c bench/bench-sha256.cflags

bench: guise-aarch64$(EXEEXT) guise-system-aarch64$(EXEEXT)
	bash $(srcdir)/bench/run.sh ./guise-aarch64$(EXEEXT)
	@echo
	bash $(srcdir)/bench/system.sh --if-cached ./guise-aarch64$(EXEEXT)

bench-system: guise-aarch64$(EXEEXT) guise-system-aarch64$(EXEEXT)
	bash $(srcdir)/bench/system.sh ./guise-aarch64$(EXEEXT)

bench-chroot:
	@mkdir -p bench/build/static
	cd bench/build/static && { test -f config.status || $(abs_top_srcdir)/configure --static; } && \
		$(MAKE) guise-aarch64$(EXEEXT)
	bash $(srcdir)/bench/chroot.sh bench/build/static/guise-aarch64$(EXEEXT)

clean-local: bench-clean
bench-clean:
	rm -rf bench/build

.PHONY: bench bench-system bench-chroot bench-clean
