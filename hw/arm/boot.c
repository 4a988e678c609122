/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Linux boot on the virt board (Documentation/arch/arm64/booting.rst): the
 * arm64 Image (optionally gzip-compressed) is placed text_offset bytes
 * above a 2 MiB-aligned base, the initrd and the DTB where QEMU's
 * hw/arm/boot.c puts them (initrd at RAM + min(RAM/2, 128 MiB) or above the
 * kernel, DTB at the next 2 MiB boundary after the initrd), and /chosen
 * gets bootargs and linux,initrd-start/end.  -dtb replaces the generated
 * tree.  The CPU layer starts at boot.kernel_addr with x0 = boot.dtb_addr.
 */
#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "hw/arm/virt.h"

#define MiB (1024ull * 1024)
#define ARM64_MAGIC 0x644d5241u         /* "ARM\x64" at offset 56 */
#define BOOTLOADER_MAX 4096ull           /* QEMU keeps the first 4 KiB for its stub */
#define KERNEL_MAX (512 * MiB)

static int fail(const char *what, const char *file, const char *why)
{
    fprintf(stderr, "guise-system-aarch64: %s '%s': %s\n", what, file, why);
    return -1;
}

/* The whole file, gunzipped when it starts with the gzip magic. */
static uint8_t *read_image(const char *path, size_t *len, char *why, size_t whylen)
{
    gzFile gz = gzopen(path, "rb");     /* passes plain files through */
    size_t cap = 16 * MiB, n = 0;
    uint8_t *buf = malloc(cap);
    int r;

    if (!gz || !buf) {
        snprintf(why, whylen, "%s", strerror(errno ? errno : ENOMEM));
        free(buf);
        if (gz)
            gzclose(gz);
        return NULL;
    }
    while ((r = gzread(gz, buf + n, (unsigned)(cap - n))) > 0) {
        n += (size_t)r;
        if (n == cap) {
            if (cap >= KERNEL_MAX) {
                snprintf(why, whylen, "larger than %llu MiB", KERNEL_MAX / MiB);
                r = -1;
                break;
            }
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) {
                r = -1;
                snprintf(why, whylen, "out of memory");
                break;
            }
            buf = nb;
        }
    }
    if (r < 0) {
        int e;
        if (!why[0])
            snprintf(why, whylen, "corrupt compressed data (%s)", gzerror(gz, &e));
        gzclose(gz);
        free(buf);
        return NULL;
    }
    gzclose(gz);
    *len = n;
    return buf;
}

static uint64_t le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static int copy_to_ram(SysMachine *m, uint64_t addr, const void *data, size_t len)
{
    void *host = sys_as_ram_ptr(&m->as, addr, len ? len : 1);
    if (!host)
        return -1;
    memcpy(host, data, len);
    return 0;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)le64(p);
}

static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

/* An aarch64 ELF executable (bare-metal programs, as QEMU's -kernel takes
 * them): each PT_LOAD at its physical address, the rest of its memory
 * size zeroed; entry at e_entry.  Everything is checked against the file
 * and RAM first. */
static int load_elf(SysMachine *m, VirtBoard *b, const uint8_t *img, size_t len)
{
    uint64_t phoff, lo = UINT64_MAX, hi = 0;
    unsigned phnum, phentsize;

    if (len < 64 || img[4] != 2 || img[5] != 1 || le16(img + 18) != 183)
        return fail("cannot load kernel", m->kernel, "not a little-endian 64-bit aarch64 ELF");
    phoff = le64(img + 32);
    phentsize = le16(img + 54);
    phnum = le16(img + 56);
    if (phentsize < 56 || phoff > len || (uint64_t)phnum * phentsize > len - phoff)
        return fail("cannot load kernel", m->kernel, "truncated ELF program headers");
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < phnum; i++) {
            const uint8_t *ph = img + phoff + (uint64_t)i * phentsize;
            uint64_t off = le64(ph + 8), pa = le64(ph + 24), fsz = le64(ph + 32), msz = le64(ph + 40);
            if (le32(ph) != 1 || !msz)          /* PT_LOAD */
                continue;
            if (pass == 0) {
                if (fsz > msz || off > len || fsz > len - off || pa < VIRT_MEM ||
                    pa - VIRT_MEM > m->ram_size || msz > m->ram_size - (pa - VIRT_MEM))
                    return fail("cannot load kernel", m->kernel,
                                "an ELF segment lies outside the file or outside RAM");
                lo = pa < lo ? pa : lo;
                hi = pa + msz > hi ? pa + msz : hi;
                continue;
            }
            uint8_t *host = sys_as_ram_ptr(&m->as, pa, msz);
            if (!host)
                return fail("cannot load kernel", m->kernel, "an ELF segment lies outside RAM");
            memcpy(host, img + off, fsz);
            memset(host + fsz, 0, msz - fsz);
        }
    }
    if (hi == 0)
        return fail("cannot load kernel", m->kernel, "the ELF has nothing to load");
    b->boot.kernel_addr = lo;
    b->boot.kernel_size = hi - lo;
    b->boot.entry = le64(img + 24);
    return 0;
}

static int load_kernel(SysMachine *m, VirtBoard *b)
{
    char why[128] = "";
    size_t len;
    uint8_t *img = read_image(m->kernel, &len, why, sizeof(why));

    if (!img)
        return fail("cannot load kernel", m->kernel, why);
    if (len >= 4 && !memcmp(img, "\x7f" "ELF", 4)) {
        int r = load_elf(m, b, img, len);
        free(img);
        return r;
    }
    if (len < 64 || (uint32_t)le64(img + 56) != ARM64_MAGIC) {
        free(img);
        return fail("cannot load kernel", m->kernel,
                    "not an arm64 Image (no \"ARM\\x64\" magic at offset 56)");
    }
    uint64_t text_offset = le64(img + 8), image_size = le64(img + 16);
    if (!image_size)            /* before Linux 3.17: 0x80000, size unknown */
        text_offset = 0x80000;
    if (text_offset < BOOTLOADER_MAX)
        text_offset += 2 * MiB;
    b->boot.kernel_addr = b->boot.entry = VIRT_MEM + text_offset;
    b->boot.kernel_size = image_size > len ? image_size : len;
    if (text_offset + b->boot.kernel_size > m->ram_size ||
        copy_to_ram(m, b->boot.kernel_addr, img, len) < 0) {
        free(img);
        return fail("cannot load kernel", m->kernel, "does not fit in RAM (raise -m)");
    }
    free(img);
    return 0;
}

static int load_initrd(SysMachine *m, VirtBoard *b)
{
    FILE *fp = fopen(m->initrd, "rb");
    uint64_t start = VIRT_MEM + (m->ram_size / 2 < 128 * MiB ? m->ram_size / 2 : 128 * MiB);
    uint64_t kend = b->boot.kernel_addr + b->boot.kernel_size;
    long size;

    if (!fp)
        return fail("cannot open initrd", m->initrd, strerror(errno));
    if (start < kend)
        start = kend;
    start = (start + 4095) & ~4095ull;
    fseek(fp, 0, SEEK_END);
    size = ftell(fp);
    rewind(fp);
    void *host = size >= 0 ? sys_as_ram_ptr(&m->as, start, size ? (uint64_t)size : 1) : NULL;
    if (!host || fread(host, 1, (size_t)size, fp) != (size_t)size) {
        fclose(fp);
        return fail("cannot load initrd", m->initrd, host ? "read error" : "does not fit in RAM (raise -m)");
    }
    fclose(fp);
    b->boot.initrd_start = start;
    b->boot.initrd_size = (uint64_t)size;
    return 0;
}

static int load_user_dtb(SysMachine *m, VirtBoard *b)
{
    char why[128] = "";
    size_t len;
    uint8_t *d = read_image(m->dtb, &len, why, sizeof(why));

    if (!d)
        return fail("cannot load device tree", m->dtb, why);
    if (len < sizeof(struct fdt_header) || fdt_check_header(d) || fdt_totalsize(d) > len) {
        free(d);
        return fail("cannot load device tree", m->dtb, "not a flattened device tree (DTB)");
    }
    free(b->fdt);
    b->fdt = malloc(len + 4096);
    fdt_open_into(d, b->fdt, (int)len + 4096);
    free(d);
    return 0;
}

/* bootargs and initrd in /chosen (creating it in a user DTB). */
static int patch_chosen(SysMachine *m, VirtBoard *b)
{
    int n = fdt_path_offset(b->fdt, "/chosen");
    if (n < 0)
        n = fdt_add_subnode(b->fdt, 0, "chosen");
    if (n < 0)
        return -1;
    if (m->append && fdt_setprop_string(b->fdt, n, "bootargs", m->append) < 0)
        return -1;
    if (m->initrd &&
        (fdt_setprop_u32(b->fdt, n, "linux,initrd-start", (uint32_t)b->boot.initrd_start) < 0 ||
         fdt_setprop_u32(b->fdt, n, "linux,initrd-end",
                         (uint32_t)(b->boot.initrd_start + b->boot.initrd_size)) < 0))
        return -1;
    return 0;
}

int virt_load_linux(SysMachine *m, VirtBoard *b)
{
    if (m->initrd && !m->kernel) {
        fprintf(stderr, "guise-system-aarch64: -initrd needs -kernel\n");
        return -1;
    }
    if (m->dtb && load_user_dtb(m, b) < 0)
        return -1;
    if (m->kernel && load_kernel(m, b) < 0)
        return -1;
    if (m->initrd && load_initrd(m, b) < 0)
        return -1;
    if (!m->initrd)
        b->boot.initrd_start = VIRT_MEM + (m->ram_size / 2 < 128 * MiB ? m->ram_size / 2 : 128 * MiB);
    if (patch_chosen(m, b) < 0) {
        fprintf(stderr, "guise-system-aarch64: the device tree has no room for /chosen\n");
        return -1;
    }
    fdt_pack(b->fdt);
    b->boot.dtb_addr = (b->boot.initrd_start + b->boot.initrd_size + 2 * MiB - 1) & ~(2 * MiB - 1);
    if (m->kernel && copy_to_ram(m, b->boot.dtb_addr, b->fdt, fdt_totalsize(b->fdt)) < 0) {
        fprintf(stderr, "guise-system-aarch64: no room for the device tree in RAM (raise -m)\n");
        return -1;
    }
    /* booting.rst: x0 = DTB, x1-x3 = 0, MMU off, at EL2 or EL1. */
    m->boot_pc = b->boot.entry;
    m->boot_x0 = b->boot.dtb_addr;
    return 0;
}
