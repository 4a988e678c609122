/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fw_cfg device model (see fw_cfg.h): item table, selector/data port
 * semantics, the file directory (big-endian count, then 64-byte entries
 * {be32 size, be16 select, be16 reserved, char name[56]}) and DMA
 * (FWCfgDmaAccess {be32 control, be32 length, be64 address}; control bits
 * ERROR 1, READ 2, SKIP 4, SELECT 8 with the key in bits 31:16, WRITE 16).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "hw/nvram/fw_cfg.h"
#include "util/log.h"

enum { DMA_ERROR = 1, DMA_READ = 2, DMA_SKIP = 4, DMA_SELECT = 8, DMA_WRITE = 16 };

static int find_item(const FwCfg *f, uint16_t key)
{
    for (int i = 0; i < f->nitems; i++)
        if (f->items[i].key == key)
            return i;
    return -1;
}

int fw_cfg_add_bytes(FwCfg *f, uint16_t key, const void *data, uint32_t len)
{
    int i = find_item(f, key);
    uint8_t *copy = malloc(len ? len : 1);

    if (!copy)
        return -ENOMEM;
    memcpy(copy, data, len);
    if (i < 0) {
        if (f->nitems == FW_CFG_MAX_ITEMS) {
            free(copy);
            return -ENOSPC;
        }
        i = f->nitems++;
    } else {
        free(f->items[i].data);
    }
    f->items[i].key = key;
    f->items[i].data = copy;
    f->items[i].len = len;
    return 0;
}

int fw_cfg_add_i32(FwCfg *f, uint16_t key, uint32_t v)
{
    uint8_t b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    return fw_cfg_add_bytes(f, key, b, 4);
}

int fw_cfg_add_i64(FwCfg *f, uint16_t key, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    return fw_cfg_add_bytes(f, key, b, 8);
}

static void put_be(uint8_t *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
}

/* Rebuilds the directory with the files sorted by name, keys in that order. */
static int rebuild_dir(FwCfg *f)
{
    int idx[FW_CFG_MAX_ITEMS], n = 0;
    uint32_t len = 4 + 64u * (uint32_t)f->nfiles;
    uint8_t *dir = calloc(1, len);

    if (!dir)
        return -ENOMEM;
    for (int i = 0; i < f->nitems; i++)
        if (f->items[i].name[0])
            idx[n++] = i;
    for (int a = 1; a < n; a++)     /* insertion sort by name */
        for (int b = a; b > 0 && strcmp(f->items[idx[b - 1]].name, f->items[idx[b]].name) > 0; b--) {
            int t = idx[b];
            idx[b] = idx[b - 1];
            idx[b - 1] = t;
        }
    put_be(dir, (uint64_t)n, 4);
    for (int k = 0; k < n; k++) {
        FwCfgItem *it = &f->items[idx[k]];
        uint8_t *e = dir + 4 + 64 * k;
        it->key = (uint16_t)(FW_CFG_FILE_FIRST + k);
        put_be(e, it->len, 4);
        put_be(e + 4, it->key, 2);
        memcpy(e + 8, it->name, strnlen(it->name, 55));
    }
    int r = fw_cfg_add_bytes(f, FW_CFG_FILE_DIR, dir, len);
    free(dir);
    return r;
}

int fw_cfg_add_file(FwCfg *f, const char *name, const void *data, uint32_t len)
{
    uint16_t tmpkey = (uint16_t)(0x4000 + f->nfiles);  /* renumbered below */
    int r = fw_cfg_add_bytes(f, tmpkey, data, len);

    if (r < 0)
        return r;
    snprintf(f->items[find_item(f, tmpkey)].name, 56, "%s", name);
    f->nfiles++;
    return rebuild_dir(f);
}

static void do_select(FwCfg *f, uint16_t key)
{
    f->cur = find_item(f, key);
    f->offset = 0;
}

static uint8_t next_byte(FwCfg *f)
{
    if (f->cur < 0 || f->offset >= f->items[f->cur].len)
        return 0;
    return f->items[f->cur].data[f->offset++];
}

/* Runs the DMA descriptor at f->dma_addr and writes back its control word. */
static void run_dma(FwCfg *f)
{
    uint8_t d[16], buf[512];
    uint32_t control, length;
    uint64_t addr;

    if (sys_as_rw(f->as, f->dma_addr, d, 16, false, SYS_ATTRS_DMA))
        return;
    control = (uint32_t)d[0] << 24 | d[1] << 16 | d[2] << 8 | d[3];
    length = (uint32_t)d[4] << 24 | d[5] << 16 | d[6] << 8 | d[7];
    addr = 0;
    for (int i = 0; i < 8; i++)
        addr = addr << 8 | d[8 + i];
    if (control & DMA_SELECT)
        do_select(f, (uint16_t)(control >> 16));
    while (length && !(control & DMA_ERROR)) {
        uint32_t n = length < sizeof(buf) ? length : sizeof(buf);
        if (control & DMA_READ) {
            for (uint32_t i = 0; i < n; i++)
                buf[i] = next_byte(f);
            if (sys_as_rw(f->as, addr, buf, n, true, SYS_ATTRS_DMA))
                control |= DMA_ERROR;
        } else if (control & DMA_SKIP) {
            for (uint32_t i = 0; i < n; i++)
                next_byte(f);
        } else if (control & DMA_WRITE) {
            control |= DMA_ERROR;   /* every item is read-only */
        } else {
            break;
        }
        addr += n;
        length -= n;
    }
    control = control & DMA_ERROR;
    uint8_t c[4] = { (uint8_t)(control >> 24), (uint8_t)(control >> 16),
                     (uint8_t)(control >> 8), (uint8_t)control };
    sys_as_rw(f->as, f->dma_addr, c, 4, true, SYS_ATTRS_DMA);
}

static SysMemResult fw_read(void *opaque, hwaddr off, unsigned size,
                            uint64_t *val, SysMemAttrs at)
{
    FwCfg *f = opaque;
    uint64_t v = 0;
    (void)at;
    if (off < 8) {
        /* Bytes in item order: the first lands lowest in guest memory. */
        for (unsigned i = 0; i < size; i++)
            v |= (uint64_t)next_byte(f) << (8 * i);
    } else if (off == 0x10 && size == 8) {
        /* "QEMU CFG" read back from the DMA address register (big-endian). */
        v = 0x47464320554d4551ull;
    }
    *val = v;
    return SYS_MEM_OK;
}

static uint64_t bswap_n(uint64_t v, unsigned size)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < size; i++)
        r = r << 8 | ((v >> (8 * i)) & 0xff);
    return r;
}

static SysMemResult fw_write(void *opaque, hwaddr off, unsigned size,
                             uint64_t val, SysMemAttrs at)
{
    FwCfg *f = opaque;
    (void)at;
    if (off == 8 && size == 2) {
        do_select(f, (uint16_t)bswap_n(val, 2));
    } else if (off == 0x10 && size == 8) {
        f->dma_addr = bswap_n(val, 8);
        run_dma(f);
    } else if (off == 0x10 && size == 4) {
        f->dma_addr = bswap_n(val, 4) << 32;
    } else if (off == 0x14 && size == 4) {
        f->dma_addr |= bswap_n(val, 4);
        run_dma(f);
    } else if (off < 8) {
        log_once(LOG_GUEST_ERROR, 0xf3c0da7a, "fw_cfg: write to the data register ignored\n");
    }
    return SYS_MEM_OK;
}

static const SysMemOps fw_ops = { fw_read, fw_write, 1, 8 };

int fw_cfg_init(FwCfg *f, SysAddressSpace *as, hwaddr base)
{
    static const uint8_t uuid[16];

    memset(f, 0, sizeof(*f));
    f->as = as;
    f->cur = -1;
    fw_cfg_add_bytes(f, FW_CFG_SIGNATURE, "QEMU", 4);
    fw_cfg_add_i32(f, FW_CFG_ID, 3);        /* traditional interface + DMA */
    fw_cfg_add_bytes(f, FW_CFG_UUID, uuid, 16);
    fw_cfg_add_bytes(f, FW_CFG_FILE_DIR, "\0\0\0\0", 4);
    return sys_as_add_mmio(as, "fw_cfg", base, 0x18, 0, &fw_ops, f) ? 0 : -errno;
}
