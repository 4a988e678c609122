/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Creating vmdk images in every subformat qemu-img creates, with the same
 * files, names and descriptor text, so that VMware tools and qemu-img
 * accept them:
 *   monolithicSparse      one hosted sparse file, descriptor embedded
 *   streamOptimized       the same with compressed grains and markers
 *   monolithicFlat        descriptor + NAME-flat.vmdk (raw, sparse file)
 *   twoGbMaxExtentSparse  descriptor + NAME-s001.vmdk... (2 GiB sparse)
 *   twoGbMaxExtentFlat    descriptor + NAME-f001.vmdk... (2 GiB raw)
 * A parent (-b) must be a vmdk; its CID goes into parentCID.  Names that
 * would break the descriptor's quoting (quotes, newlines) are refused, so
 * a file name cannot inject extent lines.  Entry point: vmdk_create().
 */
#include "block/vmdk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

typedef struct Subformat {
    const char *name;
    bool sparse, split, stream;
    const char *suffix;     /* extent file name: NAME-<suffix>[NNN].ext */
} Subformat;

static const Subformat subformats[] = {
    { "monolithicSparse",     true,  false, false, NULL },
    { "monolithicFlat",       false, false, false, "flat" },
    { "twoGbMaxExtentSparse", true,  true,  false, "s" },
    { "twoGbMaxExtentFlat",   false, true,  false, "f" },
    { "streamOptimized",      true,  false, true,  NULL },
};

static const struct {
    const char *name;
    uint32_t heads;
} adapters[] = {
    { "ide", 16 }, { "lsilogic", 255 }, { "buslogic", 255 },
    { "legacyESX", 255 },
};

/* Extent file i of the image (prefix and extension from the image name). */
static char *extent_name(const char *image, const Subformat *sf, int i,
                         bool with_dir)
{
    const char *base = strrchr(image, '/');
    base = base && !with_dir ? base + 1 : image;
    const char *dot = strrchr(base, '.');
    const char *slash = strrchr(base, '/');
    if (!dot || (slash && dot < slash)) {
        dot = base + strlen(base);
    }
    char num[16] = "";
    if (sf->split) {
        snprintf(num, sizeof(num), "%03d", i + 1);
    }
    size_t len = (size_t)(dot - base) + strlen(sf->suffix) + strlen(num) +
                 strlen(dot) + 2;
    char *p = malloc(len);
    if (p) {
        snprintf(p, len, "%.*s-%s%s%s", (int)(dot - base), base, sf->suffix,
                 num, dot);
    }
    return p;
}

static bool safe_name(const char *s)
{
    return !strpbrk(s, "\"\n\r");
}

static uint32_t new_cid(void)
{
    uint32_t cid;
    if (getrandom(&cid, sizeof(cid), 0) != sizeof(cid)) {
        cid = (uint32_t)time(NULL) ^ (uint32_t)getpid() << 16;
    }
    return cid == UINT32_MAX ? 1 : cid;
}

/* The parent's CID (it must be a vmdk). */
static int parent_cid(const char *image, const BlkCreateOpts *o, uint32_t *cid)
{
    if (o->backing_fmt && strcmp(o->backing_fmt, "vmdk")) {
        return blk_err(-EINVAL, "vmdk backing files must be vmdk, not '%s'",
                       o->backing_fmt);
    }
    if (!safe_name(o->backing_file)) {
        return blk_err(-EINVAL, "vmdk backing file name '%s' is invalid",
                       o->backing_file);
    }
    char *path = blk_backing_path(image, o->backing_file);
    if (!path) {
        return -ENOMEM;
    }
    BlkDev *b;
    int ret = blk_open(&b, path, "vmdk", BLK_O_NO_BACKING);
    free(path);
    if (ret < 0) {
        return ret;
    }
    *cid = ((VmdkState *)b->opaque)->cid;
    blk_close(b);
    return 0;
}

/* Appends printf output to a bounded buffer; false when it overflows. */
static bool add(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool add(char *buf, size_t cap, const char *fmt, ...)
{
    size_t used = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + used, cap - used, fmt, ap);
    va_end(ap);
    return n >= 0 && (size_t)n < cap - used;
}

typedef struct CreateCtx {
    const char *image;
    const Subformat *sf;
    const BlkCreateOpts *o;
    uint64_t sectors;
    int n_ext;
    uint64_t piece;         /* sectors per extent */
} CreateCtx;

/* The descriptor text, in qemu-img's layout. */
static int build_descriptor(const CreateCtx *c, uint32_t pcid, char *buf,
                            size_t cap)
{
    uint32_t heads = 16;
    const char *adapter = c->o->adapter_type ? c->o->adapter_type : "ide";
    size_t i;
    for (i = 0; i < sizeof(adapters) / sizeof(adapters[0]); i++) {
        if (!strcmp(adapter, adapters[i].name)) {
            heads = adapters[i].heads;
            break;
        }
    }
    if (i == sizeof(adapters) / sizeof(adapters[0])) {
        return blk_err(-EINVAL, "Unknown adapter type: '%s'", adapter);
    }
    const char *hw = c->o->hwversion ? c->o->hwversion :
                     c->o->compat6 ? "6" : "4";
    uint64_t cyl = c->sectors / (heads * 63);
    cyl = cyl > 16383 ? 16383 : cyl;
    buf[0] = 0;
    /* qemu-img prints the CIDs without leading zeros. */
    bool ok = add(buf, cap, "# Disk DescriptorFile\nversion=1\nCID=%x\n"
                  "parentCID=%x\ncreateType=\"%s\"\n", new_cid(), pcid,
                  c->sf->name);
    if (c->o->backing_file) {
        ok = ok && add(buf, cap, "parentFileNameHint=\"%s\"", c->o->backing_file);
    }
    ok = ok && add(buf, cap, "\n# Extent description\n");
    for (int e = 0; ok && e < c->n_ext; e++) {
        uint64_t n = c->sectors - (uint64_t)e * c->piece;
        n = n < c->piece ? n : c->piece;
        char *name = c->sf->suffix ? extent_name(c->image, c->sf, e, false)
                                   : NULL;
        const char *base = strrchr(c->image, '/');
        ok = add(buf, cap, "RW %llu %s \"%s\"%s\n", (unsigned long long)n,
                 c->sf->sparse ? "SPARSE" : "FLAT",
                 name ? name : base ? base + 1 : c->image,
                 c->sf->sparse ? "" : " 0");
        free(name);
    }
    ok = ok && add(buf, cap, "\n# The Disk Data Base\n#DDB\n\n"
                   "ddb.virtualHWVersion = \"%s\"\n"
                   "ddb.geometry.cylinders = \"%llu\"\n"
                   "ddb.geometry.heads = \"%u\"\n"
                   "ddb.geometry.sectors = \"63\"\n"
                   "ddb.adapterType = \"%s\"\n"
                   "ddb.toolsVersion = \"%s\"\n", hw, (unsigned long long)cyl,
                   heads, adapter,
                   c->o->toolsversion ? c->o->toolsversion : "2147483647");
    return ok ? 0 : blk_err(-EINVAL, "vmdk descriptor is too long");
}

static int create_file(const char *path, int *fd)
{
    *fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (*fd < 0) {
        return blk_err(-errno, "Could not create '%s': %s", path,
                       strerror(errno));
    }
    return 0;
}

/* Extent file e of a descriptor-based image. */
static int create_extent(const CreateCtx *c, int e)
{
    char *path = extent_name(c->image, c->sf, e, true);
    if (!path) {
        return -ENOMEM;
    }
    uint64_t n = c->sectors - (uint64_t)e * c->piece;
    n = n < c->piece ? n : c->piece;
    int fd;
    int ret = create_file(path, &fd);
    free(path);
    if (ret < 0) {
        return ret;
    }
    if (c->sf->sparse) {
        ret = vmdk_sparse_format(fd, n, false, c->o->zeroed_grain, NULL);
    } else if (ftruncate(fd, (off_t)(n * VMDK_SECTOR)) < 0) {
        ret = -errno;
    }
    close(fd);
    return ret;
}

int vmdk_create(const char *filename, const BlkCreateOpts *o)
{
    const char *name = o->subformat ? o->subformat : "monolithicSparse";
    CreateCtx c = { .image = filename, .o = o };
    for (size_t i = 0; i < sizeof(subformats) / sizeof(subformats[0]); i++) {
        if (!strcmp(name, subformats[i].name)) {
            c.sf = &subformats[i];
        }
    }
    if (!c.sf) {
        return blk_err(-EINVAL, "Unknown subformat: %s", name);
    }
    if (!safe_name(filename)) {
        return blk_err(-EINVAL, "vmdk file name '%s' is invalid", filename);
    }
    if (o->size % VMDK_SECTOR || o->size > (1ull << 50) * VMDK_SECTOR) {
        return blk_err(-EINVAL, "vmdk size %llu is not a valid sector count",
                       (unsigned long long)o->size);
    }
    c.sectors = o->size / VMDK_SECTOR;
    c.piece = c.sf->split ? VMDK_SPLIT_BYTES / VMDK_SECTOR :
              c.sectors ? c.sectors : 1;
    c.n_ext = c.sectors ? (int)((c.sectors + c.piece - 1) / c.piece) : 1;
    uint32_t pcid = UINT32_MAX;
    int ret = o->backing_file ? parent_cid(filename, o, &pcid) : 0;
    size_t cap = 1u << 20;
    char *desc = calloc(1, cap);
    if (!desc) {
        return -ENOMEM;
    }
    if (ret == 0) {
        ret = build_descriptor(&c, pcid, desc, cap);
    }
    for (int e = 0; ret == 0 && !c.sf->stream && c.sf->suffix && e < c.n_ext; e++) {
        ret = create_extent(&c, e);
    }
    int fd = -1;
    if (ret == 0) {
        ret = create_file(filename, &fd);
    }
    if (ret == 0 && !c.sf->suffix) {
        if (strlen(desc) > VMDK_DESC_SECTORS * VMDK_SECTOR) {
            ret = blk_err(-EINVAL, "vmdk descriptor is too long");
        } else {
            ret = vmdk_sparse_format(fd, c.sectors, c.sf->stream,
                                     o->zeroed_grain, desc);
        }
    } else if (ret == 0) {
        ret = blk_file_pwrite(fd, 0, desc, strlen(desc));
    }
    if (fd >= 0) {
        close(fd);
    }
    free(desc);
    return ret;
}
