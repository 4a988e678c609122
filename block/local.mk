# SPDX-License-Identifier: GPL-2.0-or-later
# block/: the block layer (driver interface, raw, qcow2, qcow, vmdk) used by guise-img.
noinst_LTLIBRARIES += libguise-block.la
libguise_block_la_SOURCES = \
	block/block.c \
	block/block.h \
	block/compress.c \
	block/raw.c \
	block/qcow.c \
	block/qcow2.c \
	block/qcow2.h \
	block/qcow2-amend.c \
	block/qcow2-bitmap.c \
	block/qcow2-cache.c \
	block/qcow2-check.c \
	block/qcow2-cluster.c \
	block/qcow2-refcount.c \
	block/qcow2-snapshot.c \
	block/vmdk.c \
	block/vmdk.h \
	block/vmdk-create.c \
	block/vmdk-sparse.c
# zstd is the block layer's own dependency: programs linking it inherit it.
libguise_block_la_LIBADD = $(ZSTD_LIBS)
