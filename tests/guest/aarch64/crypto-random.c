/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Random encodings of the crypto and SIMD-extension instructions (AES,
 * SHA1/256/512, SHA3, SM3, SM4, I8MM, FCMA, BF16): for each encoding
 * pattern, 40 words with random register fields (Vd, Vn, Vm, Va often the
 * same register), immediates and reserved field values are run once each
 * on random vector registers that include edge values.  Each word is
 * copied into a code template (load V0-V31, clear FPSR, the word, store
 * V0-V31 and FPSR) in a buffer made executable afterwards; a word that
 * raises SIGILL is counted.  Prints, per pattern, a hash of all results
 * and the SIGILL count, so decoding (which fields are reserved, which
 * register is which) and semantics are both compared with qemu-aarch64,
 * which made the .expect.  Half-precision forms (FEAT_FP16) are left out.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* The template: x0 = input registers, x1 = output; the nop is patched. */
extern const uint32_t tmpl_start[], tmpl_slot[], tmpl_end[];

__asm__(".text\n.balign 4\n.globl tmpl_start, tmpl_slot, tmpl_end\n"
        "tmpl_start:\n"
        " ld1 {v0.2d-v3.2d}, [x0], #64\n ld1 {v4.2d-v7.2d}, [x0], #64\n"
        " ld1 {v8.2d-v11.2d}, [x0], #64\n ld1 {v12.2d-v15.2d}, [x0], #64\n"
        " ld1 {v16.2d-v19.2d}, [x0], #64\n ld1 {v20.2d-v23.2d}, [x0], #64\n"
        " ld1 {v24.2d-v27.2d}, [x0], #64\n ld1 {v28.2d-v31.2d}, [x0], #64\n"
        " msr fpsr, xzr\n"
        "tmpl_slot:\n nop\n"
        " mrs x9, fpsr\n"
        " st1 {v0.2d-v3.2d}, [x1], #64\n st1 {v4.2d-v7.2d}, [x1], #64\n"
        " st1 {v8.2d-v11.2d}, [x1], #64\n st1 {v12.2d-v15.2d}, [x1], #64\n"
        " st1 {v16.2d-v19.2d}, [x1], #64\n st1 {v20.2d-v23.2d}, [x1], #64\n"
        " st1 {v24.2d-v27.2d}, [x1], #64\n st1 {v28.2d-v31.2d}, [x1], #64\n"
        " str x9, [x1]\n ret\n"
        "tmpl_end:\n");

/* Patterns as in the Arm ARM diagrams: 0/1 fixed, anything else random. */
static const char *const patterns[] = {
    "01001110 00 10100 0010x 10 nnnnn ddddd",          /* AESE, AESD */
    "01001110 00 10100 0011x 10 nnnnn ddddd",          /* AESMC, AESIMC */
    "01011110 00 0 mmmmm 0 0xx 00 nnnnn ddddd",        /* SHA1C/P/M/SU0 */
    "01011110 00 0 mmmmm 0 1xx 00 nnnnn ddddd",        /* SHA256H/H2/SU1, reserved */
    "01011110 00 10100 000xx 10 nnnnn ddddd",          /* SHA1H/SU1, SHA256SU0 */
    "01011110 ss 0 mmmmm 0 xxx 00 nnnnn ddddd",        /* the above, all sizes */
    "11001110 011 mmmmm 1 0 00 xx nnnnn ddddd",        /* SHA512H/H2/SU1, RAX1 */
    "11001110 011 mmmmm 1 x xx xx nnnnn ddddd",        /* SM3PARTW1/2, SM4EKEY */
    "11001110 110 00000 1000 xx nnnnn ddddd",          /* SHA512SU0, SM4E */
    "110011100 xx mmmmm x aaaaa nnnnn ddddd",          /* EOR3, BCAX, SM3SS1 */
    "11001110100 mmmmm iiiiii nnnnn ddddd",            /* XAR */
    "11001110010 mmmmm 10 ii xx nnnnn ddddd",          /* SM3TT1A/B, SM3TT2A/B */
    "01001110 10 0 mmmmm 1 010x 1 nnnnn ddddd",        /* SMMLA, USMMLA */
    "01101110 10 0 mmmmm 1 0100 1 nnnnn ddddd",        /* UMMLA */
    "0 q 0 01110 10 0 mmmmm 1 0011 1 nnnnn ddddd",     /* USDOT */
    "0 q 0 01111 x0 l m mmmm 1111 h 0 nnnnn ddddd",    /* USDOT, SUDOT (element) */
    "0 q 1 01110 1s 0 mmmmm 1 10 rr 1 nnnnn ddddd",    /* FCMLA */
    "0 q 1 01110 1s 0 mmmmm 1 11 r 0 1 nnnnn ddddd",   /* FCADD */
    "0 q 1 01111 1s l m mmmm 0 rr 1 h 0 nnnnn ddddd",  /* FCMLA (element) */
    "0 q 1 01110 01 0 mmmmm 1 1111 1 nnnnn ddddd",     /* BFDOT */
    "0 q 1 01110 01 0 mmmmm 1 1101 1 nnnnn ddddd",     /* BFMMLA */
    "0 q 1 01110 11 0 mmmmm 1 1111 1 nnnnn ddddd",     /* BFMLALB/T */
    "0 q 0 01111 x1 l m mmmm 1111 h 0 nnnnn ddddd",    /* BFDOT, BFMLAL (element) */
    "0 q 0 01110 10 10000 10110 10 nnnnn ddddd",       /* BFCVTN(2) */
    "0 0 0 11110 01 1 000110 10000 nnnnn ddddd",       /* BFCVT */
    "0 1 0 01110 11 1 mmmmm 1110 00 nnnnn ddddd",      /* PMULL2 1Q */
};
#define NPAT (sizeof(patterns) / sizeof(patterns[0]))
#define PER 40

static uint64_t rs = 0x243f6a8885a308d3ull;

static uint64_t rnd(void)
{
    rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
    return rs;
}

static uint64_t rnd_edge(void)
{
    static const uint64_t edge[] = {
        0, ~0ull, 1ull << 63, ~0ull >> 1, 0x7ff8000000000000ull, 0x7fc000017f800001ull,
        0x0000000100000001ull, 0x3f8000003f800000ull, 0x7f7fffff00800000ull,
        0x8000800080008000ull, 0x3f803f807f80ff80ull,
    };
    return rnd() % 3 ? rnd() : edge[rnd() % (sizeof(edge) / sizeof(edge[0]))];
}

/* Random word of pattern p; registers favour small numbers so that
 * Vd, Vn, Vm, Va often coincide. */
static uint32_t word_of(const char *p)
{
    uint32_t w = 0;
    unsigned bit = 32;
    unsigned reg = (unsigned)(rnd() % 4);

    for (; *p; p++) {
        if (*p == ' ')
            continue;
        bit--;
        if (*p == '1')
            w |= 1u << bit;
        else if (*p != '0' && (rnd() & 1))
            w |= 1u << bit;
    }
    /* One time in four, the same register in every register field. */
    if (rnd() % 4 == 0)
        w = (w & ~0x1fu) | reg, w = (w & ~(0x1fu << 5)) | reg << 5;
    return w;
}

static sigjmp_buf ill_jmp;

static void on_sigill(int sig)
{
    (void)sig;
    siglongjmp(ill_jmp, 1);
}

int main(void)
{
    /* Addresses through an empty asm: they are of distinct objects to C. */
    uintptr_t t0 = (uintptr_t)tmpl_start, t1 = (uintptr_t)tmpl_slot, t2 = (uintptr_t)tmpl_end;
    __asm__("" : "+r"(t0), "+r"(t1), "+r"(t2));
    size_t tlen = (t2 - t0) / 4, slot = (t1 - t0) / 4;
    size_t n = NPAT * PER, size = (n * tlen * 4 + 4095) & ~(size_t)4095;
    uint32_t *code = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    static uint64_t in[64], out[65];
    struct sigaction sa;

    if (code == MAP_FAILED)
        return 1;
    for (size_t i = 0; i < n; i++) {
        memcpy(code + i * tlen, tmpl_start, tlen * 4);
        code[i * tlen + slot] = word_of(patterns[i / PER]);
    }
    if (mprotect(code, size, PROT_READ | PROT_EXEC))
        return 1;
    __builtin___clear_cache((char *)code, (char *)code + size);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigill;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGILL, &sa, NULL);

    for (unsigned p = 0; p < NPAT; p++) {
        uint64_t h = 0xcbf29ce484222325ull;
        unsigned ill = 0;
        for (unsigned k = 0; k < PER; k++) {
            void (*fn)(uint64_t *, uint64_t *) =
                (void (*)(uint64_t *, uint64_t *))(uintptr_t)(code + (p * PER + k) * tlen);
            for (unsigned r = 0; r < 64; r++)
                in[r] = rnd_edge();
            memset(out, 0, sizeof(out));
            if (sigsetjmp(ill_jmp, 1)) {
                ill++;
                continue;
            }
            fn(in, out);
            for (unsigned r = 0; r < 65; r++)
                h = (h ^ out[r]) * 0x100000001b3ull;
        }
        printf("%-48s %016llx ill=%u\n", patterns[p], (unsigned long long)h, ill);
    }
    return 0;
}
