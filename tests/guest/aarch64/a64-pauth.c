/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pointer authentication (FEAT_PAuth with PAuth2 and FPAC) as Linux gives
 * it to EL0: HWCAP_PACA/PACG and the ID_AA64ISAR1_EL1 fields, sign and
 * authenticate round trips with every key (register, Z and hint forms),
 * the PAC confined to bits 54:48 (TBI: the top byte is kept), XPACI/XPACD,
 * PACGA, a corrupted pointer trapping (SIGILL ILL_ILLOPN at the AUT*),
 * RETAA/BRAA/BLRAA/BRAAZ/BLRAAZ, LDRAA/LDRAB offsets and writeback, and
 * the PR_PAC_* prctls (key reset, enabled keys), which fork and new
 * threads inherit with the keys themselves.  Keys are random per
 * process: only properties that hold for every key are printed (a check
 * that a signature changes tries 16 modifiers, so a zero PAC, 1 in 128
 * for one modifier, cannot make it flaky).
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef HWCAP_PACA
#define HWCAP_PACA (1ul << 30)
#define HWCAP_PACG (1ul << 31)
#endif
#ifndef PR_PAC_RESET_KEYS
#define PR_PAC_RESET_KEYS 54
#define PR_PAC_APIAKEY (1ul << 0)
#define PR_PAC_APIBKEY (1ul << 1)
#define PR_PAC_APDAKEY (1ul << 2)
#define PR_PAC_APDBKEY (1ul << 3)
#define PR_PAC_APGAKEY (1ul << 4)
#endif
#ifndef PR_PAC_SET_ENABLED_KEYS
#define PR_PAC_SET_ENABLED_KEYS 60
#define PR_PAC_GET_ENABLED_KEYS 61
#endif

#define PAC_FIELD 0x007f000000000000ull

/* One instruction "OP Xd, Xn" on (d, n), as a function. */
#define PAC2(name, insn) \
    static uint64_t name(uint64_t p, uint64_t m) \
    { __asm__ volatile(insn " %0, %1" : "+r"(p) : "r"(m)); return p; }
#define PAC1(name, insn) \
    static uint64_t name(uint64_t p) \
    { __asm__ volatile(insn " %0" : "+r"(p)); return p; }

PAC2(pacia, "pacia") PAC2(pacib, "pacib") PAC2(pacda, "pacda") PAC2(pacdb, "pacdb")
PAC2(autia, "autia") PAC2(autib, "autib") PAC2(autda, "autda") PAC2(autdb, "autdb")
PAC1(paciza, "paciza") PAC1(autiza, "autiza") PAC1(pacdzb, "pacdzb") PAC1(autdzb, "autdzb")
PAC1(xpaci, "xpaci") PAC1(xpacd, "xpacd")

static uint64_t pacga(uint64_t x, uint64_t m)
{
    uint64_t d;
    __asm__ volatile("pacga %0, %1, %2" : "=r"(d) : "r"(x), "r"(m));
    return d;
}

/* The hint forms on x30 / x17, with SP or X16 as the modifier. */
static uint64_t hint_1716(uint64_t p, uint64_t m, int aut)
{
    register uint64_t x17 __asm__("x17") = p;
    register uint64_t x16 __asm__("x16") = m;
    if (aut)
        __asm__ volatile("autib1716" : "+r"(x17) : "r"(x16));
    else
        __asm__ volatile("pacib1716" : "+r"(x17) : "r"(x16));
    return x17;
}

static uint64_t hint_x30_roundtrip(uint64_t p, uint64_t *signed_out)
{
    uint64_t s, r;
    __asm__ volatile("mov x30, %2\n\tpaciaz\n\tmov %0, x30\n\tautiaz\n\tmov %1, x30"
                     : "=&r"(s), "=&r"(r) : "r"(p) : "x30");
    *signed_out = s;
    return r;
}

/* ---- traps ---- */

static sigjmp_buf trap_env;
static volatile uint64_t trap_pc_expected;
static volatile int trap_sig, trap_code, trap_addr_ok;

static void on_sigill(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    trap_sig = sig;
    trap_code = si->si_code;
    trap_addr_ok = (uint64_t)(uintptr_t)si->si_addr == trap_pc_expected;
    siglongjmp(trap_env, 1);
}

/* AUTIA on a pointer: does it trap, and where? */
static const char *try_autia(uint64_t p, uint64_t m)
{
    static char buf[64];

    trap_sig = 0;
    if (sigsetjmp(trap_env, 1) == 0) {
        __asm__ volatile("adr x9, 1f\n\tstr x9, [%1]\n"
                         "1:\tautia %0, %2"
                         : "+r"(p) : "r"(&trap_pc_expected), "r"(m) : "x9", "memory");
        (void)p;
        return "no trap";
    }
    snprintf(buf, sizeof(buf), "SIGILL %s, code %d (ILL_ILLOPN), at the autia %s",
             trap_sig == SIGILL ? "yes" : "no", trap_code, trap_addr_ok ? "yes" : "no");
    return buf;
}

/* ---- combined branches ---- */

static int branch_target(int x) { return x * 3 + 1; }

/* The signed pointer is made before x0 is bound (a call would clobber it). */
static int blraa_signed(uint64_t fp, uint64_t mod, int arg)
{
    register uint64_t x0 __asm__("x0") = (uint64_t)arg;
    __asm__ volatile("blraa %1, %2" : "+r"(x0) : "r"(fp), "r"(mod)
                     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                       "x12", "x13", "x14", "x15", "x16", "x17", "x30", "memory", "cc");
    return (int)x0;
}

static int call_blraa(int (*f)(int), uint64_t mod, int arg)
{
    return blraa_signed(pacia((uint64_t)(uintptr_t)f, mod), mod, arg);
}

static int blraaz_signed(uint64_t fp, int arg)
{
    register uint64_t x0 __asm__("x0") = (uint64_t)arg;
    __asm__ volatile("blraaz %1" : "+r"(x0) : "r"(fp)
                     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                       "x12", "x13", "x14", "x15", "x16", "x17", "x30", "memory", "cc");
    return (int)x0;
}

static int call_blraaz(int (*f)(int), int arg)
{
    return blraaz_signed(paciza((uint64_t)(uintptr_t)f), arg);
}

/* RETAA and RETAB in leaf functions signed on entry; BRAA and BRAAZ to a
 * local label. */
extern int retaa_leaf(int), retab_leaf(int);
__asm__(".text\n.p2align 2\n"
        "retaa_leaf:\n\tpaciasp\n\tadd w0, w0, #5\n\tretaa\n"
        "retab_leaf:\n\tpacibsp\n\tadd w0, w0, #7\n\tretab\n");

static int via_braa(uint64_t mod, int z)
{
    uint64_t r;

    __asm__ volatile("mov %0, #0\n\tadr x9, 1f\n\t"
                     "cbz %w2, 2f\n\tpaciza x9\n\tbraaz x9\n"
                     "2:\tpacia x9, %1\n\tbraa x9, %1\n\tmov %0, #99\n"
                     "1:\tadd %0, %0, #1\n"
                     : "=&r"(r) : "r"(mod), "r"(z) : "x9");
    return (int)r;
}

/* ---- LDRAA/LDRAB ---- */

static uint64_t buf[8] = { 10, 11, 12, 13, 14, 15, 16, 17 };

static void test_ldraa(void)
{
    uint64_t p = pacda((uint64_t)(uintptr_t)&buf[2], 0), q = pacdb((uint64_t)(uintptr_t)&buf[4], 0);
    uint64_t a, b, c, w = p;

    __asm__ volatile("ldraa %0, [%1]" : "=r"(a) : "r"(p) : "memory");
    __asm__ volatile("ldraa %0, [%1, #24]" : "=r"(b) : "r"(p) : "memory");
    __asm__ volatile("ldrab %0, [%1, #-16]" : "=r"(c) : "r"(q) : "memory");
    printf("ldraa [p] %llu, [p, #24] %llu, ldrab [q, #-16] %llu\n",
           (unsigned long long)a, (unsigned long long)b, (unsigned long long)c);
    __asm__ volatile("ldraa %0, [%1, #8]!" : "=r"(a), "+r"(w) : : "memory");
    printf("ldraa [p, #8]! loads %llu, writes back the stripped pointer + 8: %s\n",
           (unsigned long long)a, w == (uint64_t)(uintptr_t)&buf[3] ? "yes" : "no");
}

/* ---- inheritance ---- */

static uint64_t inh_p, inh_sig;

/* Same keys (the parent's signature authenticates) and enabled keys? */
static int inherited(void)
{
    return autib(inh_sig, 77) == inh_p && prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) == 7;
}

static void *thread_main(void *arg)
{
    (void)arg;
    return inherited() ? (void *)1 : NULL;
}

static void test_inherit(uint64_t p)
{
    pthread_t t;
    void *ok = NULL;
    int st = -1;
    pid_t pid;

    inh_p = p;
    inh_sig = pacib(p, 77);
    prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APDBKEY, 0, 0, 0);
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        _exit(inherited() ? 0 : 1);
    waitpid(pid, &st, 0);
    printf("fork child: same keys and enabled keys %s\n",
           WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, &ok);
    printf("thread: same keys and enabled keys %s\n", ok ? "yes" : "no");
    prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APDBKEY, PR_PAC_APDBKEY, 0, 0);
}

/* ---- main ---- */

static int changes(uint64_t (*f)(uint64_t, uint64_t), uint64_t p)
{
    for (uint64_t m = 0; m < 16; m++)
        if (f(p, m * 0x1234567ull) != p)
            return 1;
    return 0;
}

static void roundtrip(const char *name, uint64_t (*sign)(uint64_t, uint64_t),
                      uint64_t (*auth)(uint64_t, uint64_t), uint64_t p)
{
    uint64_t m = 0x0123456789abcdefull, s = sign(p, m);
    printf("%s: changes %s, only bits 54:48 %s, auth %s, strip %s\n", name,
           changes(sign, p) ? "yes" : "no", ((s ^ p) & ~PAC_FIELD) == 0 ? "yes" : "no",
           auth(s, m) == p ? "ok" : "BAD", (name[3] == 'i' ? xpaci(s) : xpacd(s)) == p ? "ok" : "BAD");
}

int main(void)
{
    unsigned long hw = getauxval(AT_HWCAP);
    uint64_t isar1, p = 0x0000aaaabbbbccc0ull, tagged = 0x5a00ffff12345670ull, s, r;
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sigill;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);

    printf("hwcap paca %d pacg %d\n", !!(hw & HWCAP_PACA), !!(hw & HWCAP_PACG));
    __asm__("mrs %0, ID_AA64ISAR1_EL1" : "=r"(isar1));
    printf("ID_AA64ISAR1 address auth %s, generic auth %s\n",
           (isar1 >> 4 & 0xff) ? "yes" : "no", (isar1 >> 24 & 0xff) ? "yes" : "no");
    /* guise's default: the IMPLEMENTATION DEFINED algorithm (API, GPI), at
     * the FPACCombine level (5); QARMA5 would be APA and GPA. */
    printf("APA %d API %d GPA %d GPI %d\n", (int)(isar1 >> 4 & 15), (int)(isar1 >> 8 & 15),
           (int)(isar1 >> 24 & 15), (int)(isar1 >> 28 & 15));

    roundtrip("pacia", pacia, autia, p);
    roundtrip("pacib", pacib, autib, p);
    roundtrip("pacda", pacda, autda, p);
    roundtrip("pacdb", pacdb, autdb, p);
    s = pacda(tagged, 77);
    printf("tagged pointer: top byte kept %s, auth %s, xpacd %s\n",
           (s >> 56) == 0x5a ? "yes" : "no", autda(s, 77) == tagged ? "ok" : "BAD",
           xpacd(s) == tagged ? "ok" : "BAD");
    /* Upper-half pointers (bit 55 set): Linux has TBI1 = TBID1 = 1, so an
     * instruction PAC takes the top byte too, a data PAC does not. */
    printf("upper half: xpaci %016llx xpacd %016llx\n",
           (unsigned long long)xpaci(0xa5ff123456789abcull),
           (unsigned long long)xpacd(0xa5ff123456789abcull));
    s = pacia(0xffff123456789abcull, 9);
    printf("upper half: pacia/autia %s, pacda keeps the top byte %s\n",
           autia(s, 9) == 0xffff123456789abcull ? "ok" : "BAD",
           (pacda(0xa5ff123456789abcull, 9) >> 56) == 0xa5 ? "yes" : "no");
    s = paciza(p);
    printf("paciza/autiza %s, pacdzb/autdzb %s\n", autiza(s) == p ? "ok" : "BAD",
           autdzb(pacdzb(p)) == p ? "ok" : "BAD");
    s = hint_1716(p, 99, 0);
    printf("pacib1716/autib1716 %s\n", hint_1716(s, 99, 1) == p ? "ok" : "BAD");
    r = hint_x30_roundtrip(p, &s);
    printf("paciaz/autiaz on x30 %s, xpaclri-style strip %s\n", r == p ? "ok" : "BAD",
           xpaci(s) == p ? "ok" : "BAD");
    printf("pacia keys differ from pacib: %s\n",
           pacia(p, 1) != pacib(p, 1) || pacia(p, 2) != pacib(p, 2) || pacia(p, 3) != pacib(p, 3) ? "yes" : "no");

    /* PACGA: a 32-bit PAC in the top half, a function of both inputs. */
    s = pacga(p, 5);
    printf("pacga: low half zero %s, deterministic %s, depends on data %s, on modifier %s\n",
           (uint32_t)s == 0 ? "yes" : "no", pacga(p, 5) == s ? "yes" : "no",
           pacga(p + 8, 5) != s ? "yes" : "no", pacga(p, 6) != s ? "yes" : "no");

    /* A flipped PAC bit always fails: FPAC traps at the AUTIA. */
    s = pacia(p, 42);
    printf("autia of a corrupted pointer: %s\n", try_autia(s ^ (1ull << 50), 42));
    printf("autia of the good one: %s\n", try_autia(s, 42));

    printf("retaa %d, retab %d\n", retaa_leaf(1), retab_leaf(1));
    printf("blraa %d, blraaz %d\n", call_blraa(branch_target, 1234, 4), call_blraaz(branch_target, 5));
    printf("braa %d, braaz %d\n", via_braa(555, 0), via_braa(0, 1));

    test_ldraa();

    /* Key reset: the A key changes, the B key does not. */
    {
        uint64_t before_a[16], before_b[16];
        int diff_a = 0, diff_b = 0;
        for (int i = 0; i < 16; i++) {
            before_a[i] = pacia(p, (uint64_t)i);
            before_b[i] = pacib(p, (uint64_t)i);
        }
        printf("reset APIA: %d\n", prctl(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY, 0, 0, 0));
        for (int i = 0; i < 16; i++) {
            diff_a |= before_a[i] != pacia(p, (uint64_t)i);
            diff_b |= before_b[i] != pacib(p, (uint64_t)i);
        }
        printf("A signatures changed %s, B unchanged %s\n", diff_a ? "yes" : "no", diff_b ? "no" : "yes");
        printf("reset all: %d, bad mask: %d, bad arg: %d\n",
               prctl(PR_PAC_RESET_KEYS, 0, 0, 0, 0), prctl(PR_PAC_RESET_KEYS, 1ul << 5, 0, 0, 0),
               prctl(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY, 1, 0, 0));
    }

    /* Enabled keys: a disabled key makes PACIA/AUTIA NOPs. */
    printf("enabled keys %d\n", prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0));
    printf("disable IA: %d\n", prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY, 0, 0, 0));
    printf("enabled keys %d, pacia is a nop %s, autia of garbage passes it %s\n",
           prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0), pacia(p, 3) == p ? "yes" : "no",
           autia(p | (1ull << 50), 3) == (p | (1ull << 50)) ? "yes" : "no");
    printf("bad enable sets: %d %d\n", prctl(PR_PAC_SET_ENABLED_KEYS, 1ul << 4, 0, 0, 0),
           prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY, PR_PAC_APIBKEY, 0, 0));
    printf("enable IA: %d, enabled keys %d, pacib still signs %s\n",
           prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY, PR_PAC_APIAKEY, 0, 0),
           prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0), changes(pacib, p) ? "yes" : "no");
    test_inherit(p);
    return 0;
}
