# SPDX-License-Identifier: GPL-2.0-or-later
# Guest system calls converted to host calls, and -strace.
noinst_LTLIBRARIES += libguise-syscall.la
libguise_syscall_la_SOURCES = \
	syscall/file.c \
	syscall/flags.c \
	syscall/event.c \
	syscall/ipc.c \
	syscall/fs.c \
	syscall/ioctl.c \
	syscall/mem.c \
	syscall/net.c \
	syscall/path.c \
	syscall/poll.c \
	syscall/proc.c \
	syscall/process.c \
	syscall/procfs.c \
	syscall/signals.c \
	syscall/strace.c \
	syscall/struct.c \
	syscall/syscall.c \
	syscall/syscall.h \
	syscall/table-generic.c \
	syscall/thread.c \
	syscall/time.c \
	syscall/uaccess.c
