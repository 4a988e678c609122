# SPDX-License-Identifier: GPL-2.0-or-later
# tests/: the unit test programs (built by `make check`) and the driver
# tests/run-tests.sh, which builds and runs the guest programs of
# tests/guest/ in every execution mode, runs the unit tests and the script
# suites, and prints the one summary line.  See tests/README.md.

# Unit tests link the convenience libraries they test; archives pull in
# only the objects a test needs.
check_PROGRAMS += tests/unit/test-x64 tests/unit/test-a64-decode \
	tests/unit/test-ir tests/unit/test-fpu tests/unit/test-crypto

tests_unit_test_x64_SOURCES = tests/unit/test-x64.c tests/unit/test-x64.h
tests_unit_test_x64_LDADD = libguise-translate.la libguise-util.la \
	$(CAPSTONE_LIBS)

tests_unit_test_a64_decode_SOURCES = tests/unit/test-a64-decode.c tests/unit/no-guest-code.c tests/unit/no-guarded-pages.c
tests_unit_test_a64_decode_LDADD = libguise-aarch64.la libguise-translate.la \
	libguise-util.la $(CAPSTONE_LIBS)

check_PROGRAMS += tests/unit/test-a64-cold
tests_unit_test_a64_cold_SOURCES = tests/unit/test-a64-cold.c tests/unit/no-guarded-pages.c
tests_unit_test_a64_cold_LDADD = libguise-aarch64.la libguise-translate.la \
	libguise-util.la $(CAPSTONE_LIBS)

check_PROGRAMS += tests/unit/test-x64-block
tests_unit_test_x64_block_SOURCES = tests/unit/test-x64-block.c tests/unit/test-x64.h
tests_unit_test_x64_block_LDADD = libguise-translate.la libguise-util.la \
	$(CAPSTONE_LIBS)

check_PROGRAMS += tests/unit/test-codebuf
tests_unit_test_codebuf_SOURCES = tests/unit/test-codebuf.c
tests_unit_test_codebuf_LDADD = libguise-translate.la libguise-util.la

check_PROGRAMS += tests/unit/test-vec-ext
tests_unit_test_vec_ext_SOURCES = tests/unit/test-vec-ext.c tests/unit/test-x64.h
tests_unit_test_vec_ext_LDADD = libguise-translate.la libguise-util.la \
	$(CAPSTONE_LIBS)

check_PROGRAMS += tests/unit/test-vfp
tests_unit_test_vfp_SOURCES = tests/unit/test-vfp.c tests/unit/test-x64.h
tests_unit_test_vfp_LDADD = libguise-translate.la libguise-util.la \
	$(CAPSTONE_LIBS) -lm

tests_unit_test_ir_SOURCES = tests/unit/test-ir.c tests/unit/no-guest-code.c tests/unit/no-guarded-pages.c
tests_unit_test_ir_LDADD = libguise-translate.la libguise-util.la \
	$(CAPSTONE_LIBS)

tests_unit_test_fpu_SOURCES = tests/unit/test-fpu.c
tests_unit_test_fpu_LDADD = libguise-aarch64.la libguise-util.la

check_PROGRAMS += tests/unit/test-block
tests_unit_test_block_SOURCES = tests/unit/test-block.c
tests_unit_test_block_LDADD = libguise-block.la libguise-util.la $(ZLIB_LIBS)

check_PROGRAMS += tests/unit/test-pauth
tests_unit_test_pauth_SOURCES = tests/unit/test-pauth.c
tests_unit_test_pauth_LDADD = libguise-aarch64.la

check_PROGRAMS += tests/unit/test-a64-syscpu
tests_unit_test_a64_syscpu_SOURCES = tests/unit/test-a64-syscpu.c tests/unit/no-guest-code.c tests/unit/no-guarded-pages.c
tests_unit_test_a64_syscpu_LDADD = libguise-aarch64.la libguise-translate.la \
	libguise-util.la $(CAPSTONE_LIBS)

check_PROGRAMS += tests/unit/test-softmmu
tests_unit_test_softmmu_SOURCES = tests/unit/test-softmmu.c tests/unit/no-guest-code.c tests/unit/no-guarded-pages.c
tests_unit_test_softmmu_LDADD = libguise-translate.la libguise-util.la $(CAPSTONE_LIBS)

check_PROGRAMS += tests/unit/test-softtlb
tests_unit_test_softtlb_SOURCES = tests/unit/test-softtlb.c
tests_unit_test_softtlb_LDADD = libguise-translate.la

check_PROGRAMS += tests/unit/test-a64-exception
tests_unit_test_a64_exception_SOURCES = tests/unit/test-a64-exception.c
tests_unit_test_a64_exception_LDADD = libguise-aarch64.la

check_PROGRAMS += tests/unit/test-a64-sysregs
tests_unit_test_a64_sysregs_SOURCES = tests/unit/test-a64-sysregs.c
tests_unit_test_a64_sysregs_LDADD = libguise-aarch64.la libguise-util.la

check_PROGRAMS += tests/unit/test-a64-mmu
tests_unit_test_a64_mmu_SOURCES = tests/unit/test-a64-mmu.c
tests_unit_test_a64_mmu_LDADD = libguise-aarch64.la

# Full-system core and devices (system/, hw/).
SYS_TEST_LIBS = libguise-hw.la libguise-system.la libguise-block.la \
	libguise-util.la $(LIBFDT_LIBS) $(SLIRP_LIBS) $(ZLIB_LIBS) -lpthread -lm
check_PROGRAMS += tests/unit/test-sys-memory
tests_unit_test_sys_memory_SOURCES = tests/unit/test-sys-memory.c tests/unit/test-sys.h
tests_unit_test_sys_memory_LDADD = $(SYS_TEST_LIBS)
check_PROGRAMS += tests/unit/test-sys-pl011 tests/unit/test-sys-gic
tests_unit_test_sys_pl011_SOURCES = tests/unit/test-sys-pl011.c tests/unit/test-sys.h
tests_unit_test_sys_pl011_LDADD = $(SYS_TEST_LIBS)
tests_unit_test_sys_gic_SOURCES = tests/unit/test-sys-gic.c tests/unit/test-sys.h
tests_unit_test_sys_gic_LDADD = $(SYS_TEST_LIBS)
check_PROGRAMS += tests/unit/test-sys-virtio tests/unit/test-sys-fw-cfg
check_PROGRAMS += tests/unit/test-sys-virtio-net
tests_unit_test_sys_virtio_net_SOURCES = tests/unit/test-sys-virtio-net.c tests/unit/test-sys.h
tests_unit_test_sys_virtio_net_LDADD = $(SYS_TEST_LIBS)
tests_unit_test_sys_virtio_SOURCES = tests/unit/test-sys-virtio.c tests/unit/test-sys.h
tests_unit_test_sys_virtio_LDADD = $(SYS_TEST_LIBS)
tests_unit_test_sys_fw_cfg_SOURCES = tests/unit/test-sys-fw-cfg.c tests/unit/test-sys.h
tests_unit_test_sys_fw_cfg_LDADD = $(SYS_TEST_LIBS)
check_PROGRAMS += tests/unit/test-sys-vcpu tests/unit/test-sys-virt
tests_unit_test_sys_virt_SOURCES = tests/unit/test-sys-virt.c tests/unit/test-sys.h
tests_unit_test_sys_virt_LDADD = $(SYS_TEST_LIBS)
tests_unit_test_sys_vcpu_SOURCES = tests/unit/test-sys-vcpu.c tests/unit/test-sys.h
tests_unit_test_sys_vcpu_LDADD = $(SYS_TEST_LIBS)

tests_unit_test_crypto_SOURCES = tests/unit/test-crypto.c
tests_unit_test_crypto_LDADD = libguise-aarch64.la libguise-translate.la \
	libguise-util.la $(CAPSTONE_LIBS)

# The guest programs and scripts are data for run-tests.sh.  The guest
# folder is listed whole (automake copies folders in EXTRA_DIST); the
# suites other engineers may add are copied by tests-dist-hook if present.
EXTRA_DIST += tests/README.md tests/run-tests.sh tests/known-failures.txt tests/unit/unit.h \
	tests/unit/xorshift.h \
	tests/guest

check-local: tests-check
tests-check: guise-aarch64$(EXEEXT)
	bash $(srcdir)/tests/run-tests.sh ./guise-aarch64$(EXEEXT)

# The copied folders lose what an in-tree build left in them (objects,
# the diff programs, their work folder).
dist-hook: tests-dist-hook
tests-dist-hook:
	rm -rf $(distdir)/tests/guest/*/build
	for d in bad-input strace block diff world system baremetal tcache lib; do \
	  if test -d $(srcdir)/tests/$$d; then \
	    cp -pR $(srcdir)/tests/$$d $(distdir)/tests/ || exit 1; \
	  fi; \
	done
	find $(distdir)/tests \( -name '*.o' -o -name '.dirstamp' \) -exec rm -f {} +
	rm -rf $(distdir)/tests/*/.deps $(distdir)/tests/diff/work \
	  $(distdir)/tests/diff/diff-gen$(EXEEXT) $(distdir)/tests/diff/diff-cmp$(EXEEXT)

clean-local: tests-clean
tests-clean:
	rm -rf tests/guest/*/build

.PHONY: tests-check tests-dist-hook tests-clean
