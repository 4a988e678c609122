/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELF loader of Linux user mode: checks the program with libelf, maps
 * its PT_LOAD segments (and those of its PT_INTERP dynamic loader) into the
 * guest address space through mmap.c, sets the initial break, and builds
 * the initial stack the kernel gives a new process.
 *
 * Placement follows Linux: ET_EXEC at its addresses, ET_DYN programs (PIE,
 * static-pie) at target_info.dyn_base aligned to their largest p_align,
 * the interpreter wherever mmap puts it.  The initial stack (-s, 8 MiB by
 * default) is a "[stack]" mapping near the top of the guest's space; from
 * its top down (fs/binfmt_elf.c create_elf_tables):
 *     8 zero bytes, AT_EXECFN string, environment strings, argument
 *     strings, AT_PLATFORM string, 16 AT_RANDOM bytes, (16-byte alignment),
 *     auxv pairs ending with AT_NULL, NULL, envp[], NULL, argv[], argc <- sp
 * with sp 16-byte aligned.
 *
 * arm64 BTI: an image whose PT_GNU_PROPERTY note says
 * GNU_PROPERTY_AARCH64_FEATURE_1_BTI gets PROT_BTI on its executable
 * segments when the CPU model has BTI, as Linux's arch_elf_adjust_prot
 * does: for the interpreter of a dynamic program or for a static program;
 * a dynamic program's own segments are left to its loader.
 *
 * A file guise cannot load (not ELF, 32-bit, big-endian, another machine,
 * not an executable, headers or segments beyond the end of the file) gets
 * one line "guise-aarch64: PATH: reason" and elf_load returns false.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux-user/user.h"
#include "util/log.h"

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

#define GUEST_ADDR_LIMIT (1ull << 47)
#define DEFAULT_STACK_SIZE (8ul << 20)
/* Top of the initial stack when the host leaves it free. */
#define STACK_TOP_HINT 0x7ff000000000ull
#define MAX_AUXV 32

typedef struct ElfImage {
    const char *path;        /* for messages */
    int fd;
    Elf *elf;
    Elf64_Ehdr eh;
    Elf64_Phdr *ph;
    size_t phnum;
    uint64_t file_size;
    char *interp;            /* PT_INTERP, malloc'ed */
    bool exec_stack;         /* PT_GNU_STACK with PF_X */
    bool bti;                /* arm64 GNU property: BTI-compatible */
    guest_addr bias;         /* load address - p_vaddr */
    guest_addr end;          /* end of the highest segment (the break) */
    guest_addr phdr;         /* where the program headers are mapped */
} ElfImage;

static bool __attribute__((format(printf, 2, 3))) elf_error(const char *path, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "guise-%s: %s: ", target_info.name, path);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return false;
}

static inline guest_addr page_down(guest_addr a) { return a & GUEST_PAGE_MASK; }
static inline guest_addr page_up(guest_addr a) { return (a + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK; }

/* ---- checking the file ---- */

static bool check_ident(ElfImage *im)
{
    size_t n;
    const char *id;

    if (elf_kind(im->elf) != ELF_K_ELF)
        return elf_error(im->path, "not an ELF executable");
    id = elf_getident(im->elf, &n);
    if (!id || n < EI_NIDENT)
        return elf_error(im->path, "truncated ELF header");
    if (id[EI_CLASS] != ELFCLASS64)
        return elf_error(im->path, "%s ELF file; guise-%s runs 64-bit %s programs",
                         id[EI_CLASS] == ELFCLASS32 ? "a 32-bit" : "an unknown class of",
                         target_info.name, target_info.name);
    if (id[EI_DATA] != ELFDATA2LSB)
        return elf_error(im->path, "a big-endian ELF file; guise-%s runs little-endian "
                         "%s programs", target_info.name, target_info.name);
    return true;
}

static bool check_header(ElfImage *im)
{
    Elf64_Ehdr *eh = elf64_getehdr(im->elf);

    if (!eh)
        return elf_error(im->path, "truncated ELF header");
    im->eh = *eh;
    if (eh->e_machine != target_info.elf_machine)
        return elf_error(im->path, "built for another machine (ELF machine %u), not %s",
                         eh->e_machine, target_info.name);
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return elf_error(im->path, "not an executable (ELF type %u)", eh->e_type);
    if (eh->e_phentsize != sizeof(Elf64_Phdr))
        return elf_error(im->path, "bad program header size %u", eh->e_phentsize);
    /* Bounds first (with the header's count unless it overflowed into
     * section 0, PN_XNUM): libelf's own errors say less. */
    im->phnum = eh->e_phnum;
    if (eh->e_phnum != PN_XNUM && (eh->e_phoff > im->file_size ||
        im->phnum * sizeof(Elf64_Phdr) > im->file_size - eh->e_phoff))
        return elf_error(im->path, "truncated file (program headers beyond the end)");
    if (elf_getphdrnum(im->elf, &im->phnum) != 0 || im->phnum == 0 || im->phnum > 4096)
        return elf_error(im->path, "bad or missing program headers");
    if (eh->e_phoff > im->file_size ||
        im->phnum * sizeof(Elf64_Phdr) > im->file_size - eh->e_phoff)
        return elf_error(im->path, "truncated file (program headers beyond the end)");
    return true;
}

#ifndef PT_GNU_PROPERTY
#define PT_GNU_PROPERTY 0x6474e553
#endif
#define G_NT_GNU_PROPERTY_TYPE_0 5
#define G_GNU_PROPERTY_AARCH64_FEATURE_1_AND 0xc0000000u
#define G_GNU_PROPERTY_AARCH64_FEATURE_1_BTI 1u
#define G_PROT_BTI 0x10
#define G_EM_AARCH64 183
#define G_HWCAP2_BTI (1ull << 17)

/* Does PT_GNU_PROPERTY hold NT_GNU_PROPERTY_TYPE_0 with the AArch64 BTI
 * feature?  A malformed note counts as none. */
static bool read_bti_property(ElfImage *im, const Elf64_Phdr *p)
{
    uint8_t buf[1024];
    uint32_t hdr[3], pr[2], v;
    size_t n = p->p_filesz, end;

    if (n < 16 || n > sizeof(buf) || p->p_offset > im->file_size - n ||
        pread(im->fd, buf, n, (off_t)p->p_offset) != (ssize_t)n)
        return false;
    memcpy(hdr, buf, sizeof(hdr));
    if (hdr[0] != 4 || hdr[2] != G_NT_GNU_PROPERTY_TYPE_0 || memcmp(buf + 12, "GNU", 4) ||
        hdr[1] > n - 16)
        return false;
    end = 16 + hdr[1];
    for (size_t off = 16; off + 8 <= end; off += 8 + (((size_t)pr[1] + 7) & ~(size_t)7)) {
        memcpy(pr, buf + off, sizeof(pr));
        if (pr[1] > end - off - 8)
            return false;
        if (pr[0] == G_GNU_PROPERTY_AARCH64_FEATURE_1_AND && pr[1] >= 4) {
            memcpy(&v, buf + off + 8, sizeof(v));
            return (v & G_GNU_PROPERTY_AARCH64_FEATURE_1_BTI) != 0;
        }
    }
    return false;
}

/* PROT_BTI for an executable segment of im (see the header). */
static int seg_bti(const ElfImage *im, const Elf64_Phdr *p)
{
    guest_ulong hwcap, hwcap2;

    if (!im->bti || im->interp || !(p->p_flags & PF_X) ||
        target_info.elf_machine != G_EM_AARCH64)
        return 0;
    target_hwcaps(user_opts.cpu_model, &hwcap, &hwcap2);
    return (hwcap2 & G_HWCAP2_BTI) ? G_PROT_BTI : 0;
}

/* Read PT_INTERP's path. */
static bool read_interp(ElfImage *im, const Elf64_Phdr *p)
{
    if (p->p_filesz < 2 || p->p_filesz > PATH_MAX || im->interp)
        return elf_error(im->path, "bad PT_INTERP");
    im->interp = malloc(p->p_filesz);
    if (!im->interp || pread(im->fd, im->interp, p->p_filesz, (off_t)p->p_offset) !=
                       (ssize_t)p->p_filesz || im->interp[p->p_filesz - 1] != 0)
        return elf_error(im->path, "cannot read PT_INTERP");
    return true;
}

static bool check_segments(ElfImage *im)
{
    Elf64_Phdr *ph = elf64_getphdr(im->elf);
    size_t loads = 0;

    if (!ph)
        return elf_error(im->path, "bad program headers (%s)", elf_errmsg(-1));
    im->ph = malloc(im->phnum * sizeof(*ph));
    BUG_ON(!im->ph);
    memcpy(im->ph, ph, im->phnum * sizeof(*ph));
    for (size_t i = 0; i < im->phnum; i++) {
        const Elf64_Phdr *p = &im->ph[i];
        if (p->p_type == PT_LOAD || p->p_type == PT_INTERP) {
            if (p->p_offset > im->file_size || p->p_filesz > im->file_size - p->p_offset)
                return elf_error(im->path, "truncated file (segment %zu beyond the end)", i);
        }
        if (p->p_type == PT_INTERP && !read_interp(im, p))
            return false;
        if (p->p_type == PT_GNU_STACK)
            im->exec_stack = (p->p_flags & PF_X) != 0;
        if (p->p_type == PT_GNU_PROPERTY)
            im->bti = read_bti_property(im, p);
        if (p->p_type != PT_LOAD)
            continue;
        loads++;
        if (p->p_filesz > p->p_memsz)
            return elf_error(im->path, "bad segment %zu (file size above memory size)", i);
        if (p->p_vaddr >= GUEST_ADDR_LIMIT || p->p_memsz > GUEST_ADDR_LIMIT - p->p_vaddr)
            return elf_error(im->path, "segment %zu lies outside the address space", i);
        if (i && im->ph[i - 1].p_type == PT_LOAD && p->p_vaddr < im->ph[i - 1].p_vaddr)
            return elf_error(im->path, "PT_LOAD segments out of order");
    }
    if (!loads)
        return elf_error(im->path, "no loadable segments");
    return true;
}

static bool elf_open(ElfImage *im, const char *path, int fd)
{
    struct stat st;

    memset(im, 0, sizeof(*im));
    im->path = path;
    im->fd = fd;
    if (fstat(fd, &st) < 0)
        return elf_error(path, "%s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return elf_error(path, "not a regular file");
    im->file_size = (uint64_t)st.st_size;
    if (elf_version(EV_CURRENT) == EV_NONE)
        return elf_error(path, "libelf is too old");
    im->elf = elf_begin(fd, ELF_C_READ, NULL);
    if (!im->elf)
        return elf_error(path, "not an ELF executable (%s)", elf_errmsg(-1));
    return check_ident(im) && check_header(im) && check_segments(im);
}

static void elf_close(ElfImage *im)
{
    if (im->elf)
        elf_end(im->elf);
    free(im->ph);
    free(im->interp);
    im->elf = NULL;
    im->ph = NULL;
    im->interp = NULL;
}

/* ---- mapping ---- */

static int seg_prot(const Elf64_Phdr *p)
{
    return ((p->p_flags & PF_R) ? PROT_READ : 0) | ((p->p_flags & PF_W) ? PROT_WRITE : 0) |
           ((p->p_flags & PF_X) ? PROT_EXEC : 0);
}

/* Reserve the image's span: its own addresses (ET_EXEC) or a free range
 * aligned as its segments ask (ET_DYN).  Sets im->bias. */
static bool reserve_span(ElfImage *im, guest_addr lo, guest_addr hi, guest_addr hint)
{
    guest_addr align = GUEST_PAGE_SIZE, base, aligned, len;
    guest_long r;

    if (im->eh.e_type == ET_EXEC) {
        r = target_mmap(lo, hi - lo, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
                        MAP_NORESERVE, -1, 0);
        if (r < 0)
            return elf_error(im->path, "cannot map 0x%" PRIx64 "-0x%" PRIx64 " (%s)", lo, hi,
                             r == -ENOMEM ? "the range is in use by guise" : strerror((int)-r));
        im->bias = 0;
        return true;
    }
    for (size_t i = 0; i < im->phnum; i++)
        if (im->ph[i].p_type == PT_LOAD && im->ph[i].p_align > align &&
            !(im->ph[i].p_align & (im->ph[i].p_align - 1)) && im->ph[i].p_align <= (1u << 30))
            align = im->ph[i].p_align;
    /* Reserve enough to align the start, then give back both ends. */
    len = hi - lo + align - GUEST_PAGE_SIZE;
    base = mmap_find_free(hint, len);
    if (!base)
        return elf_error(im->path, "no room for %" PRIu64 " bytes of program", hi - lo);
    aligned = (base + align - 1) & ~(align - 1);
    if (aligned > base)
        target_munmap(base, aligned - base);
    if (base + len > aligned + (hi - lo))
        target_munmap(aligned + (hi - lo), base + len - (aligned + (hi - lo)));
    im->bias = aligned - lo;
    return true;
}

/* Map one PT_LOAD segment writable; its final protection comes later. */
static bool map_segment(ElfImage *im, const Elf64_Phdr *p)
{
    guest_addr va = p->p_vaddr + im->bias, start = page_down(va);
    guest_addr fend = va + p->p_filesz, mend = va + p->p_memsz;
    int rw = PROT_READ | PROT_WRITE;
    guest_long r = 0;

    if (p->p_filesz) {
        if ((p->p_vaddr - p->p_offset) % GUEST_PAGE_SIZE == 0) {
            r = target_mmap(start, page_up(fend) - start, rw, MAP_PRIVATE | MAP_FIXED,
                            im->fd, (int64_t)(p->p_offset - (va - start)));
        } else {
            /* Offset and address disagree modulo the page: copy it in. */
            r = target_mmap(start, page_up(fend) - start, rw,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (r >= 0 && pread(im->fd, g2h(va), p->p_filesz, (off_t)p->p_offset) !=
                          (ssize_t)p->p_filesz)
                r = -EIO;
        }
        if (r < 0)
            return elf_error(im->path, "cannot map a segment at 0x%" PRIx64 " (%s)", va,
                             strerror((int)-r));
        /* The rest of the last file page belongs to the bss: zero it. */
        if (p->p_memsz > p->p_filesz)
            memset(g2h(fend), 0, page_up(fend) - fend);
    }
    if (page_up(mend) > page_up(fend)) {
        guest_addr z = p->p_filesz ? page_up(fend) : start;
        r = target_mmap(z, page_up(mend) - z, rw, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                        -1, 0);
        if (r < 0)
            return elf_error(im->path, "cannot map the bss at 0x%" PRIx64 " (%s)", z,
                             strerror((int)-r));
    }
    return true;
}

/* Map the image's PT_LOAD segments; hint is the ET_DYN load address. */
static bool elf_map(ElfImage *im, guest_addr hint)
{
    guest_addr lo = UINT64_MAX, hi = 0, prev_end;

    for (size_t i = 0; i < im->phnum; i++) {
        const Elf64_Phdr *p = &im->ph[i];
        if (p->p_type != PT_LOAD)
            continue;
        lo = page_down(p->p_vaddr) < lo ? page_down(p->p_vaddr) : lo;
        hi = page_up(p->p_vaddr + p->p_memsz) > hi ? page_up(p->p_vaddr + p->p_memsz) : hi;
    }
    if (hi <= lo)
        return elf_error(im->path, "empty program image");
    if (!reserve_span(im, lo, hi, hint))
        return false;
    prev_end = lo + im->bias;
    im->end = 0;
    for (size_t i = 0; i < im->phnum; i++) {
        const Elf64_Phdr *p = &im->ph[i];
        guest_addr start = page_down(p->p_vaddr + im->bias);
        guest_addr end = page_up(p->p_vaddr + im->bias + p->p_memsz);
        if (p->p_type != PT_LOAD)
            continue;
        if (start > prev_end)            /* Linux leaves the holes unmapped */
            target_munmap(prev_end, start - prev_end);
        if (!map_segment(im, p))
            return false;
        target_mprotect(start, end - start, seg_prot(p) | seg_bti(im, p));
        prev_end = end > prev_end ? end : prev_end;
        if (p->p_vaddr + im->bias + p->p_memsz > im->end)
            im->end = p->p_vaddr + im->bias + p->p_memsz;
    }
    /* AT_PHDR: PT_PHDR, else the loaded bytes that hold the headers. */
    im->phdr = lo + im->bias + im->eh.e_phoff;
    for (size_t i = 0; i < im->phnum; i++) {
        const Elf64_Phdr *p = &im->ph[i];
        if (p->p_type == PT_PHDR) {
            im->phdr = p->p_vaddr + im->bias;
            break;
        }
        if (p->p_type == PT_LOAD && im->eh.e_phoff >= p->p_offset &&
            im->eh.e_phoff - p->p_offset < p->p_filesz)
            im->phdr = p->p_vaddr + im->bias + (im->eh.e_phoff - p->p_offset);
    }
    if (log_enabled(LOG_PAGE))
        log_printf("page: loaded %s at 0x%" PRIx64 "-0x%" PRIx64 ", entry 0x%" PRIx64 "\n",
                   im->path, lo + im->bias, hi + im->bias, im->eh.e_entry + im->bias);
    return true;
}

static bool load_interp(ElfImage *main_im, ElfImage *in)
{
    char buf[PATH_MAX];
    const char *path = path_for_guest(main_im->interp, buf, sizeof(buf));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool ok;

    if (fd < 0)
        return elf_error(main_im->path, "cannot open its interpreter %s (%s%s)",
                         main_im->interp, strerror(errno),
                         user_opts.sysroot ? "" : "; give the guest's root with -L");
    ok = elf_open(in, main_im->interp, fd);
    if (ok && in->eh.e_type != ET_DYN && in->eh.e_type != ET_EXEC)
        ok = elf_error(main_im->interp, "not a dynamic loader");
    ok = ok && elf_map(in, 0);
    close(fd);
    return ok;
}

/* ---- the initial stack ---- */

typedef struct StackBuilder {
    guest_addr base, p;
} StackBuilder;

static guest_addr push_bytes(StackBuilder *sb, const void *data, size_t len)
{
    if (sb->p - sb->base < len + 65536)   /* keep room below for the program */
        return 0;
    sb->p -= len;
    memcpy(g2h(sb->p), data, len);
    return sb->p;
}

static guest_addr push_string(StackBuilder *sb, const char *s)
{
    return push_bytes(sb, s, strlen(s) + 1);
}

static size_t count(char **v)
{
    size_t n = 0;
    while (v[n])
        n++;
    return n;
}

/* Fill aux with the auxiliary vector; returns the number of pairs. */
static size_t build_auxv(guest_ulong aux[][2], const ElfImage *im, const ElfImage *in,
                         guest_addr random, guest_addr platform, guest_addr execfn)
{
    guest_ulong hwcap, hwcap2;
    size_t n = 0;

    target_hwcaps(user_opts.cpu_model, &hwcap, &hwcap2);
#define AUX(k, v) do { aux[n][0] = (k); aux[n][1] = (v); n++; } while (0)
    AUX(AT_HWCAP, hwcap);
    AUX(AT_PAGESZ, GUEST_PAGE_SIZE);
    AUX(AT_CLKTCK, 100);
    AUX(AT_PHDR, im->phdr);
    AUX(AT_PHENT, sizeof(Elf64_Phdr));
    AUX(AT_PHNUM, im->phnum);
    AUX(AT_BASE, in ? in->bias : 0);
    AUX(AT_FLAGS, 0);
    AUX(AT_ENTRY, im->eh.e_entry + im->bias);
    AUX(AT_UID, getuid());
    AUX(AT_EUID, geteuid());
    AUX(AT_GID, getgid());
    AUX(AT_EGID, getegid());
    AUX(AT_SECURE, getauxval(AT_SECURE));   /* setuid guests (binfmt C flag) */
    AUX(AT_RANDOM, random);
    AUX(AT_HWCAP2, hwcap2);
    AUX(AT_EXECFN, execfn);
    AUX(AT_PLATFORM, platform);
    AUX(AT_MINSIGSTKSZ, target_info.minsigstksz);
    AUX(AT_NULL, 0);
#undef AUX
    BUG_ON(n > MAX_AUXV);
    return n;
}

static bool setup_stack(const ElfImage *im, const ElfImage *in, char **argv, char **envp,
                        const char *execfn, GuestImage *img)
{
    size_t size = user_opts.stack_size ? user_opts.stack_size : DEFAULT_STACK_SIZE;
    size_t argc = count(argv), envc = count(envp), naux, words;
    int prot = PROT_READ | PROT_WRITE | (im->exec_stack ? PROT_EXEC : 0);
    guest_addr *argp = calloc(argc + envc + 2, sizeof(guest_addr)), *envpp = argp + argc + 1;
    guest_ulong aux[MAX_AUXV][2];
    guest_addr a_execfn, a_platform, a_random, sp, w;
    uint8_t rnd[16];
    uint64_t zero = 0;
    StackBuilder sb;
    guest_long r;

    BUG_ON(!argp);
    size = page_up(size);
    r = target_mmap(STACK_TOP_HINT - size, size, prot,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r < 0) {
        free(argp);
        return elf_error(im->path, "cannot allocate a %zu-byte stack (%s)", size,
                         strerror((int)-r));
    }
    mmap_set_name((guest_addr)r, size, "[stack]");
    sb.base = (guest_addr)r;
    sb.p = sb.base + size;
    img->stack_top = sb.p;

    bool ok = push_bytes(&sb, &zero, sizeof(zero)) && (a_execfn = push_string(&sb, execfn));
    for (size_t i = envc; ok && i-- > 0;)
        ok = (envpp[i] = push_string(&sb, envp[i])) != 0;
    for (size_t i = argc; ok && i-- > 0;)
        ok = (argp[i] = push_string(&sb, argv[i])) != 0;
    ok = ok && (a_platform = push_string(&sb, target_info.platform));
    if (getrandom(rnd, sizeof(rnd), 0) != sizeof(rnd))
        memset(rnd, 0x5a, sizeof(rnd));
    sb.p &= ~(guest_addr)15;
    ok = ok && (a_random = push_bytes(&sb, rnd, sizeof(rnd)));
    if (!ok) {
        free(argp);
        return elf_error(im->path, "argument list too long for a %zu-byte stack", size);
    }
    naux = build_auxv(aux, im, in, a_random, a_platform, a_execfn);
    words = 1 + argc + 1 + envc + 1 + 2 * naux;
    sp = (sb.p - words * 8) & ~(guest_addr)15;
    if (sp < sb.base + 65536) {
        free(argp);
        return elf_error(im->path, "argument list too long for a %zu-byte stack", size);
    }

    w = sp;
#define PUT(v) do { guest_ulong v_ = (v); memcpy(g2h(w), &v_, 8); w += 8; } while (0)
    PUT(argc);
    for (size_t i = 0; i <= argc; i++)
        PUT(argp[i]);
    for (size_t i = 0; i <= envc; i++)
        PUT(envpp[i]);
    img->auxv = w;
    for (size_t i = 0; i < naux; i++) {
        PUT(aux[i][0]);
        PUT(aux[i][1]);
    }
#undef PUT
    img->auxv_len = naux * 16;
    img->sp = sp;
    free(argp);
    return true;
}

/* ---- entry point ---- */

/* The guest's name for the program at host path real (absolute, resolved):
 * under -L, a program found inside the sysroot is the guest's path below it
 * (SYSROOT/usr/bin/perl is /usr/bin/perl); anything else is real itself. */
static char *guest_exe_path(const char *real)
{
    char *root = user_opts.sysroot ? realpath(user_opts.sysroot, NULL) : NULL;
    size_t n = root ? strlen(root) : 0;
    char *r;

    if (n > 1 && !strncmp(real, root, n) && real[n] == '/')
        r = strdup(real + n);
    else
        r = strdup(real);
    free(root);
    return r;
}

bool elf_load(const char *path, int fd, char **argv, char **envp, GuestImage *img)
{
    ElfImage im, in;
    bool ok, has_interp;
    char *real;

    memset(img, 0, sizeof(*img));
    memset(&in, 0, sizeof(in));
    ok = elf_open(&im, path, fd) &&
         elf_map(&im, im.eh.e_type == ET_DYN ? target_info.dyn_base : 0);
    has_interp = ok && im.interp;
    if (has_interp)
        ok = load_interp(&im, &in);
    if (ok)
        ok = setup_stack(&im, has_interp ? &in : NULL, argv, envp, path, img);
    if (ok) {
        img->load_bias = im.bias;
        img->phdr = im.phdr;
        img->phent = sizeof(Elf64_Phdr);
        img->phnum = im.phnum;
        img->interp_base = has_interp ? in.bias : 0;
        img->entry = has_interp ? in.eh.e_entry + in.bias : im.eh.e_entry + im.bias;
        img->start_brk = page_up(im.end);
        target_set_brk(img->start_brk);
        real = realpath(path, NULL);
        img->exe_host_path = real ? real : strdup(path);
        img->exe_path = img->exe_host_path ? guest_exe_path(img->exe_host_path) : NULL;
    }
    elf_close(&in);
    elf_close(&im);
    return ok;
}
