/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * guise_entry: the entry point of a static-pie guise-aarch64 (configure
 * links with -e guise_entry then), run before the C library's _start.
 *
 * _start's first work is relocating the program itself: some 6,000
 * pointers in .data.rel.ro, .got and .data, written over twenty-odd
 * pages that the kernel mapped copy-on-write from the file.  Each first
 * write takes a page fault, and a fault costs 10-15 us on some virtual
 * hosts (one madvise call that copies the same pages costs ~1 us a
 * page).  A process that runs for a few milliseconds (a compiler
 * driver, a shell's helper) spends a quarter of a millisecond there.
 * So the entry copies the writable file-backed pages with one
 * madvise(MADV_POPULATE_WRITE) first (Linux 5.14; older kernels refuse
 * it and the pages fault in as before), then jumps to _start with the
 * kernel's registers and stack untouched.
 *
 * Nothing here may need a relocation or the thread pointer: the program
 * headers are found through __ehdr_start (a hidden, PC-relative symbol),
 * the system call is made directly, and there is no stack protector.
 */
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <sys/syscall.h>
#include "util/prefault.h"

extern const ElfW(Ehdr) __ehdr_start __attribute__((visibility("hidden")));

__attribute__((used, no_stack_protector)) void guise_populate_data(void)
{
    const char *base = (const char *)&__ehdr_start;
    const ElfW(Phdr) *ph = (const ElfW(Phdr) *)(base + __ehdr_start.e_phoff);

    for (unsigned i = 0; i < __ehdr_start.e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD || !(ph[i].p_flags & PF_W))
            continue;
        uintptr_t start = (uintptr_t)base + ph[i].p_vaddr;
        uintptr_t end = start + ph[i].p_filesz;
        start &= ~(uintptr_t)4095;
        end = (end + 4095) & ~(uintptr_t)4095;
        long ret;
        __asm__ volatile("syscall"
                         : "=a"(ret)
                         : "0"((long)SYS_madvise), "D"(start), "S"(end - start),
                           "d"((long)MADV_POPULATE_WRITE)
                         : "rcx", "r11", "memory");
        (void)ret;
    }
}

/* The kernel's stack (argc at %rsp, 16-byte aligned) and %rdx (a function
 * for atexit, zero for a static program) go to _start as they came. */
__asm__(".text\n"
        ".globl guise_entry\n"
        ".type guise_entry, @function\n"
        "guise_entry:\n"
        "    mov %rdx, %r12\n"
        "    call guise_populate_data\n"
        "    mov %r12, %rdx\n"
        "    jmp _start\n"
        ".size guise_entry, . - guise_entry\n");
