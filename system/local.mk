# SPDX-License-Identifier: GPL-2.0-or-later
# system/: the full-system core (address space, main loop, clocks, run
# state, vCPU threads, machine model, character backends, QMP) and the
# guise-system-aarch64 program.
noinst_LTLIBRARIES += libguise-system.la
libguise_system_la_CFLAGS = $(AM_CFLAGS) $(SLIRP_CFLAGS)
libguise_system_la_SOURCES = \
	system/accel.h \
	system/chardev.c \
	system/chardev.h \
	system/cpus.c \
	system/irq.h \
	system/json.c \
	system/json.h \
	system/machine.c \
	system/machine.h \
	system/mainloop.c \
	system/mainloop.h \
	system/memory.c \
	system/memory.h \
	system/net.c \
	system/net.h \
	system/qmp.c \
	system/qmp.h \
	system/runstate.c \
	system/runstate.h \
	system/timer.h
if HAVE_SLIRP
libguise_system_la_SOURCES += system/net-slirp.c
endif

bin_PROGRAMS += guise-system-aarch64
# hw/arm/cpu-a64.c (the tcg accelerator, registered by a constructor) is
# linked directly, not through a library that would drop it.
guise_system_aarch64_SOURCES = system/main.c hw/arm/cpu-a64.c
guise_system_aarch64_CFLAGS = $(AM_CFLAGS) $(LIBFDT_CFLAGS)
guise_system_aarch64_LDADD = libguise-hw.la libguise-system.la \
	libguise-block.la libguise-aarch64.la libguise-translate.la libguise-util.la \
	$(DISAS_LIBS) $(LIBFDT_LIBS) $(SLIRP_LIBS) $(ZLIB_LIBS) -lpthread -lm
dist_man_MANS += man/guise-system.1
