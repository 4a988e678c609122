/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time side of pointer authentication: the QARMA5 helper generated code
 * calls (pauth.c emits the impdef hash inline instead), and the key set-up
 * the OS layer asks for at exec and on PR_PAC_RESET_KEYS.
 *
 * Keys come from the host's getrandom(2), as Linux's ptrauth_keys_init_user
 * takes them from get_random_bytes(): every process (and every reset) gets
 * fresh ones, so a guest cannot rely on their values.
 */
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include "translate/backend.h"
#include "translate.h"
#include "pauth.h"

/* ComputePAC with QARMA5: data, modifier, Key<127:64>, Key<63:0>.
 * Signing and authenticating a return address compute the same PAC
 * (PACIASP and AUTIASP of one call see the same pointer and SP), and hot
 * call sites repeat theirs, so each thread remembers recent results in a
 * small direct-mapped table keyed by all four inputs: exact, and most
 * QARMA5 work of a typical program is done once. */
#define PAC_MEMO_BITS 10

typedef struct PacMemo {
    uint64_t data, mod, key0, key1, pac;
} PacMemo;

static __thread PacMemo pac_memo[1u << PAC_MEMO_BITS];

static uint64_t helper_pac_qarma5(uint64_t data, uint64_t mod, uint64_t key0, uint64_t key1)
{
    uint64_t h = (data ^ (mod * 0x9e3779b97f4a7c15ull) ^ key1) * 0xff51afd7ed558ccdull;
    PacMemo *m = &pac_memo[h >> (64 - PAC_MEMO_BITS)];

    if (m->data != data || m->mod != mod || m->key0 != key0 || m->key1 != key1 ||
        (m->pac == 0 && m->data == 0 && m->mod == 0 && m->key0 == 0 && m->key1 == 0)) {
        m->pac = a64_pac_qarma5(data, mod, key0, key1);
        m->data = data;
        m->mod = mod;
        m->key0 = key0;
        m->key1 = key1;
    }
    return m->pac;
}

A64_HELPER(pac_qarma5, 4, IR_HELPER_NO_GLOBALS | IR_HELPER_PURE);

/* 16 random bytes; getrandom(2) cannot fail for so few once the pool is
 * up, but a time-seeded mix keeps keys distinct if it ever does. */
static void random_key(uint64_t key[2])
{
    static uint64_t fallback;

    if (getrandom(key, 16, 0) == 16)
        return;
    for (int i = 0; i < 2; i++) {
        uint64_t x = (fallback += 0x9e3779b97f4a7c15ull) ^ (uint64_t)time(NULL) ^ (uintptr_t)key;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
        key[i] = x ^ (x >> 31);
    }
}

void a64_pauth_reset_keys(CPUArm64State *env, unsigned keys)
{
    for (unsigned k = 0; k < A64_NKEYS; k++)
        if (keys & (1u << k))
            random_key(env->pac_keys[k]);
}
