# SPDX-License-Identifier: GPL-2.0-or-later
# The aarch64 frontend: one file per encoding group, plus C helpers.
noinst_LTLIBRARIES += libguise-aarch64.la
libguise_aarch64_la_SOURCES = \
	translate/aarch64/atomic.c \
	translate/aarch64/branch.c \
	translate/aarch64/cold.c \
	translate/aarch64/cold.h \
	translate/aarch64/cold-int.c \
	translate/aarch64/cold-ldst.c \
	translate/aarch64/cpu.c \
	translate/aarch64/cpu.h \
	translate/aarch64/cpu-system.c \
	translate/aarch64/cpu-system.h \
	translate/aarch64/crypto.c \
	translate/aarch64/crypto.h \
	translate/aarch64/exception.c \
	translate/aarch64/exception.h \
	translate/aarch64/fields.h \
	translate/aarch64/fp.c \
	translate/aarch64/fpu-host.c \
	translate/aarch64/fpu-impl.h \
	translate/aarch64/fpu.c \
	translate/aarch64/fpu.h \
	translate/aarch64/helper-crypto.c \
	translate/aarch64/helper-fp.c \
	translate/aarch64/helper-int.c \
	translate/aarch64/helper-pauth.c \
	translate/aarch64/helper-mem.c \
	translate/aarch64/helper-simd-ext.c \
	translate/aarch64/helper-simd.c \
	translate/aarch64/helper-system.c \
	translate/aarch64/int.c \
	translate/aarch64/nzcv-live.c \
	translate/aarch64/ldst.c \
	translate/aarch64/ldst-decode.h \
	translate/aarch64/log-system.c \
	translate/aarch64/log-system.h \
	translate/aarch64/mmu.c \
	translate/aarch64/mmu.h \
	translate/aarch64/pauth.c \
	translate/aarch64/pauth.h \
	translate/aarch64/qarma.c \
	translate/aarch64/simd-fp-helper.c \
	translate/aarch64/simd-ext.c \
	translate/aarch64/simd-ext.h \
	translate/aarch64/simd-fp.c \
	translate/aarch64/simd-int.c \
	translate/aarch64/simd-ir.c \
	translate/aarch64/simd-shift.c \
	translate/aarch64/simd-vec.c \
	translate/aarch64/simd.c \
	translate/aarch64/simd.h \
	translate/aarch64/sys-el1.c \
	translate/aarch64/sys.c \
	translate/aarch64/sysreg-el1.c \
	translate/aarch64/sysreg-sys.c \
	translate/aarch64/sysregs.h \
	translate/aarch64/trace.c \
	translate/aarch64/translate.c \
	translate/aarch64/translate.h
libguise_aarch64_la_LIBADD = -lm
