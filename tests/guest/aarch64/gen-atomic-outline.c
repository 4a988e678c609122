/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The __atomic builtins with the compiler's default out-of-line atomic helpers; the checks are in gen-atomic-body.h.
 */
#include "gen-atomic-body.h"
