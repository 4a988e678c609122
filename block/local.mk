# SPDX-License-Identifier: GPL-2.0-or-later
# block/: the block layer (driver interface, raw, qcow2, qcow) used by guise-img.
noinst_LTLIBRARIES += libguise-block.la
libguise_block_la_SOURCES = \
	block/block.c \
	block/block.h \
	block/raw.c \
	block/qcow.c \
	block/qcow2.c \
	block/qcow2.h \
	block/qcow2-cache.c \
	block/qcow2-check.c \
	block/qcow2-cluster.c \
	block/qcow2-refcount.c \
	block/qcow2-snapshot.c
