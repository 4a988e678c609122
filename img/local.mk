# SPDX-License-Identifier: GPL-2.0-or-later
# img/: guise-img, the disk image tool over block/, and its manual page.
# Included after Makefile.am sets dist_man_MANS.
bin_PROGRAMS += guise-img
guise_img_SOURCES = \
	img/guise-img.c \
	img/img-convert.c \
	img/img-info.c \
	img/img.h
guise_img_LDADD = libguise-block.la libguise-util.la $(ZLIB_LIBS) -lm
dist_man_MANS += man/guise-img.1
