# SPDX-License-Identifier: GPL-2.0-or-later
# The bundled example: cross-compiled with aarch64-linux-gnu-gcc, run under guise.
EXTRA_DIST += examples/hello.c
CLEANFILES += examples/hello-aarch64

examples/hello-aarch64: $(srcdir)/examples/hello.c
	@mkdir -p examples
	@if test -z "$(AARCH64_CC)"; then \
	  echo "run-example: aarch64-linux-gnu-gcc is missing: install gcc-aarch64-linux-gnu (see debian-packages.txt)"; exit 1; fi
	$(AM_V_CC)$(AARCH64_CC) -O2 -static -o $@ $(srcdir)/examples/hello.c

run-example: guise-aarch64$(EXEEXT) examples/hello-aarch64
	./guise-aarch64$(EXEEXT) examples/hello-aarch64
.PHONY: run-example
