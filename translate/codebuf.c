/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Code memory.
 *
 * By default one private anonymous mapping, readable, writable and
 * executable, whose part past the first 2 MiB is marked MADV_HUGEPAGE:
 * a large program's translated code (cc1's is ~20 MiB) then sits in 2 MiB
 * pages, and the host's instruction TLB, which 4 KiB pages thrash, covers
 * it (cc1 -8%).  The first 2 MiB keep small pages, so that a short-lived
 * process does not clear a huge page to run a few blocks.  W^X would not
 * protect anything in user mode: the guest's loads and stores reach every
 * host address (guest_base 0), a writable view included.  A fork copies
 * the mapping on write, like any private memory.
 *
 * Split W^X, when asked for (-split-wx on, -accel tcg,split-wx=on) or when
 * the kernel refuses a writable executable mapping (SELinux execmem, PaX):
 * one anonymous memfd mapped twice, a read-write view the emitter writes
 * through and a read-execute view the CPU runs and every jump or call
 * displacement is computed against.  Both views alias the same physical
 * pages, so a byte written at rw + off is executed at rx + off; x86 keeps
 * instruction fetch coherent with data stores, so no cache maintenance is
 * needed, but a patch of code another thread may be running must be one
 * aligned atomic store (see x64_set_jump); that holds for both layouts.
 * The memfd's shmem gets no huge pages (shmem_enabled is usually never).
 *
 * Pitfall of the split layout: fork() keeps both views shared with the
 * child (the memfd is MAP_SHARED), so the child's new translations would
 * land in the parent's pages.  The child calls codebuf_after_fork(), which
 * copies the buffer into a fresh memfd and moves the new views over the
 * old addresses.  The copy is the kernel's (copy_file_range from the
 * memfd, whose descriptor is kept at a high number out of the guest's
 * way): no page of it faults in until the child runs that code, where a
 * copy through the views faulted in every page (a shell's command
 * substitutions fork again and again).  The guest may close that
 * descriptor or reuse its number, so its identity is checked first;
 * without it the views are copied as before.
 *
 * Usage: codebuf_init(size, split) once; the backend emits its prologue,
 * then sets code_buf.reset_to; blocks are appended at code_buf.used (under
 * tb_lock); codebuf_flush() throws every block away when the buffer is
 * full, while no other thread runs generated code (exec.c's exclusive
 * section).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "codebuf.h"
#include "util/log.h"
#include "util/prefault.h"

CodeBuf code_buf;

/* Two views of a memfd (else one mapping, rw == rx). */
static bool split;
#define HUGE_PAGE ((size_t)2 << 20)

/* Bytes from the start whose pages both views map already (see
 * codebuf_populate), and below which the writable view's page-table
 * entries were last dropped (codebuf_populate too). */
static size_t populated, dropped;
#define DROP_CHUNK ((size_t)2 << 20)
#define POPULATE_CHUNK ((size_t)256 << 10)
/* The first chunk: most programs translate little now that cold code is
 * interpreted (a static hello's blocks fit in it). */
#define POPULATE_FIRST ((size_t)32 << 10)

/* Where the executable view would like to be: just below guise's own
 * image, so that generated code reaches its helpers with a 5-byte call
 * rel32 rather than movabs + call (backend's emit_call_abs); the kernel
 * places it elsewhere if the range is taken. */
static void *rx_hint(size_t size)
{
    extern const char __executable_start[];
    uintptr_t image = (uintptr_t)__executable_start, gap = (size_t)64 << 20;

    if (image < size + gap + ((uintptr_t)1 << 32))
        return NULL;
    return (void *)((image - size - gap) & ~(uintptr_t)0x1fffff);
}

/* The memfd behind the views (-1: none kept), and what fstat said of it. */
static int code_fd = -1;
static dev_t code_dev;
static ino_t code_ino;

/* Keep fd (the views' memfd) as code_fd, moved up to a number guest
 * programs do not reach for (a shell puts its own at 255 and below);
 * closes fd. */
static void keep_fd(int fd)
{
    long open_max = sysconf(_SC_OPEN_MAX);
    int low = open_max > 1024 ? 1000 : (int)open_max - 24, hi = -1;
    struct stat st;

    if (low > 256)
        hi = fcntl(fd, F_DUPFD_CLOEXEC, low);
    close(fd);
    code_fd = -1;
    if (hi >= 0 && fstat(hi, &st) == 0) {
        code_fd = hi;
        code_dev = st.st_dev;
        code_ino = st.st_ino;
    } else if (hi >= 0) {
        close(hi);
    }
}

/* Is code_fd still the views' memfd? */
static bool fd_is_ours(void)
{
    struct stat st;
    return code_fd >= 0 && fstat(code_fd, &st) == 0 && st.st_dev == code_dev &&
           st.st_ino == code_ino;
}

int codebuf_fd(void)
{
    return fd_is_ours() ? code_fd : -1;
}

/* The first n bytes of memfd from into memfd to, inside the kernel. */
static bool copy_in_kernel(int from, int to, size_t n)
{
    off_t in = 0, out = 0;

    while (n) {
        ssize_t k = copy_file_range(from, &in, to, &out, n, 0);
        if (k <= 0)
            return false;
        n -= (size_t)k;
    }
    return true;
}

static int map_views(int fd, size_t size, uint8_t **rw, uint8_t **rx)
{
    *rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (*rw == MAP_FAILED)
        return -1;
    *rx = mmap(rx_hint(size), size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    if (*rx == MAP_FAILED) {
        munmap(*rw, size);
        return -1;
    }
    return 0;
}

/* The single writable executable mapping, 2 MiB-aligned; false (errno
 * set) if the kernel refuses it. */
static bool map_single(size_t size)
{
    size_t over = size + HUGE_PAGE, head;
    uint8_t *p = mmap(rx_hint(over), over, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    if (p == MAP_FAILED)
        return false;
    head = (size_t)(-(uintptr_t)p & (HUGE_PAGE - 1));
    if (head)
        munmap(p, head);
    munmap(p + head + size, HUGE_PAGE - head);
    p += head;
    if (size > HUGE_PAGE)
        (void)madvise(p + HUGE_PAGE, size - HUGE_PAGE, MADV_HUGEPAGE);   /* best effort */
    code_buf.rw = code_buf.rx = p;
    return true;
}

static bool map_split(size_t size)
{
    int fd = memfd_create("guise-code", MFD_CLOEXEC);
    if (fd < 0)
        return false;
    if (ftruncate(fd, (off_t)size) < 0 || map_views(fd, size, &code_buf.rw, &code_buf.rx) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return false;
    }
    keep_fd(fd);   /* the mappings keep the memory */
    return true;
}

bool codebuf_init(size_t size, bool want_split)
{
    split = want_split || !map_single(size);
    if (split && !map_split(size))
        return false;
    code_buf.size = size;
    code_buf.used = 0;
    code_buf.reset_to = 0;
    return true;
}

bool codebuf_after_fork(void)
{
    uint8_t *rw, *rx;
    int fd;

    if (!code_buf.size || !split)    /* no code memory (-jit off), or private */
        return true;
    fd = memfd_create("guise-code", MFD_CLOEXEC);
    if (fd < 0)
        return false;
    if (ftruncate(fd, (off_t)code_buf.size) < 0 || map_views(fd, code_buf.size, &rw, &rx) < 0) {
        close(fd);
        return false;
    }
    if (fd_is_ours() && copy_in_kernel(code_fd, fd, code_buf.used))
        close(code_fd);   /* the parent's, inherited */
    else
        memcpy(rw, code_buf.rw, code_buf.used);
    keep_fd(fd);
    /* as good as mapped: the pages fault in where the child runs */
    populated = code_buf.used & ~(size_t)4095;
    dropped = 0;
    /* Replace the shared views in place so every pointer stays valid. */
    if (mremap(rw, code_buf.size, code_buf.size, MREMAP_MAYMOVE | MREMAP_FIXED, code_buf.rw) == MAP_FAILED ||
        mremap(rx, code_buf.size, code_buf.size, MREMAP_MAYMOVE | MREMAP_FIXED, code_buf.rx) == MAP_FAILED)
        return false;
    return true;
}

void codebuf_populate(size_t upto)
{
    size_t to;

    if (upto < populated || !code_buf.size)
        return;
    /* The writable view's entries for finished code go: each code page
     * would otherwise be resident twice (in both views), and only a chain
     * or unchain patch writes there again (a minor fault brings the page
     * back; MADV_DONTNEED on a shared mapping keeps the memfd's data). */
    if (split && upto - dropped >= DROP_CHUNK + POPULATE_CHUNK) {
        size_t end = (upto - POPULATE_CHUNK) & ~(size_t)4095;
        (void)madvise(code_buf.rw + dropped, end - dropped, MADV_DONTNEED);
        dropped = end;
    }
    to = populated < POPULATE_CHUNK ? (upto + POPULATE_FIRST) & ~(POPULATE_FIRST - 1)
                                    : (upto + POPULATE_CHUNK) & ~(POPULATE_CHUNK - 1);
    if (to > code_buf.size)
        to = code_buf.size;
    /* Best effort (before Linux 5.14: EINVAL, and the pages fault in). */
    if (madvise(code_buf.rw + populated, to - populated, MADV_POPULATE_WRITE) == 0 && split)
        (void)madvise(code_buf.rx + populated, to - populated, MADV_POPULATE_READ);
    populated = to;
}

/* Patches (chaining, above all a call's continuation chained when the
 * callee first returns, long after the code was written) fault the
 * writable view's pages back in; 4096 patches later those below the
 * dropped mark go again, so that code pages stay resident about once. */
#define REDROP_PATCHES 4096
static unsigned patches;

void codebuf_patched(void)
{
    if (!split || ++patches < REDROP_PATCHES)
        return;
    patches = 0;
    if (dropped)
        (void)madvise(code_buf.rw, dropped, MADV_DONTNEED);
}

void codebuf_flush(void)
{
    dropped = 0;     /* the writable view writes from the start again */
    code_buf.used = code_buf.reset_to;
}
