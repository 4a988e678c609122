/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Threads and atomics with LSE instructions (see thr-atomic-body.h). */
#include "thr-atomic-body.h"
