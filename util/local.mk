# SPDX-License-Identifier: GPL-2.0-or-later
noinst_LTLIBRARIES += libguise-util.la
libguise_util_la_SOURCES = util/log.c util/log.h util/fdpath.h util/prefault.h
