# SPDX-License-Identifier: GPL-2.0-or-later
# guise-aarch64: the Linux user-mode program.
bin_PROGRAMS += guise-aarch64
guise_aarch64_SOURCES = \
	linux-user/aarch64/cpu-loop.c \
	linux-user/aarch64/signal-frame.c \
	linux-user/aarch64/thread-cpu.c \
	linux-user/elfload.c \
	linux-user/entry.c \
	linux-user/main.c \
	linux-user/mmap.c \
	linux-user/safe-syscall.c \
	linux-user/safe-syscall.h \
	linux-user/signal.c \
	linux-user/signal-map.h \
	linux-user/thread.c \
	linux-user/thread.h \
	linux-user/user.h
guise_aarch64_LDADD = libguise-syscall.la libguise-aarch64.la \
	libguise-translate.la libguise-util.la \
	$(USER_LIBELF_LIBS) $(DISAS_LIBS) $(USER_ZLIB_LIBS) -lpthread -lm
# static-pie unless configure found no static libelf/zlib (configure.ac)
guise_aarch64_LDFLAGS = $(AM_LDFLAGS) $(USER_STATIC_LDFLAGS)
