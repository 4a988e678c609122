# SPDX-License-Identifier: GPL-2.0-or-later
# The translator core: IR, optimiser, code cache, dispatcher and backends.
noinst_LTLIBRARIES += libguise-translate.la
libguise_translate_la_SOURCES = \
	translate/ir.c translate/ir.h translate/ir-ops.def translate/ir-vec.c \
	translate/ir-vec-crypto.c translate/ir-vec-ext.h \
	translate/opt.c translate/opt.h translate/opt-fold.c \
	translate/opt-copy.c translate/opt-dce.c translate/opt-vec.c translate/opt-loop.c translate/opt-cold.c translate/opt-narrow.c \
	translate/scratch.c translate/scratch.h \
	translate/decode.c translate/decode.h \
	translate/translator.c translate/translator.h \
	translate/exec.c translate/exec.h translate/tb.h \
	translate/cache.c translate/cache.h \
	translate/tcache.c translate/tcache.h \
	translate/disas.c translate/disas.h \
	translate/softtlb.c translate/softtlb.h \
	translate/softmmu.c translate/softmmu.h translate/softmmu-ir.c \
	translate/codebuf.c translate/codebuf.h translate/backend.h \
	translate/interp/interp.c \
	translate/x86_64/encode.c \
	translate/x86_64/encode.h \
	translate/x86_64/lower-alu.c \
	translate/x86_64/lower-fp.c \
	translate/x86_64/lower-slow.c \
	translate/x86_64/lower-vfp.c \
	translate/x86_64/lower-softmmu.c \
	translate/x86_64/lower.c \
	translate/x86_64/faultmap.c \
	translate/x86_64/lower-vec.c \
	translate/x86_64/regalloc.c \
	translate/x86_64/tcache-x64.c \
	translate/x86_64/x64-internal.h
# ir-vec.c: sqrt, fma
libguise_translate_la_LIBADD = -lm
