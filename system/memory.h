/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The physical address space of a machine: RAM regions backed by host
 * memory and MMIO regions whose accesses go to a device's ops.
 *
 * Regions may overlap: the one with the highest priority wins over the
 * whole overlap (on equal priority the one added last wins), exactly as if
 * it were laid on top.  Changes rebuild a flat, sorted view, so a lookup is
 * one binary search.  An access that hits no region is "unassigned": it
 * reads as zero, writes are ignored, it is reported once per address under
 * -d guest_errors, and its result is SYS_MEM_DECODE_ERROR when the board
 * says so (the CPU layer turns that into a synchronous external abort).
 *
 * Device ops see the offset inside their region and an access of 1, 2, 4 or
 * 8 bytes, little-endian in the value; accesses narrower than the region's
 * min_size are widened, wider than max_size split (the device declares what
 * it implements, the address space adapts).  Every access carries
 * SysMemAttrs: the requester (CPU index, for banked registers such as the
 * GIC's CPU interface).
 *
 * Locking: an address space is changed only at machine creation; device
 * ops run under the big lock (sys_lock(), mainloop.h).  Entry points:
 * sys_as_init(), sys_as_add_ram(), sys_as_add_mmio(), sys_as_read(),
 * sys_as_write(), sys_as_rw(), sys_as_ram_ptr().
 */
#ifndef GUISE_SYSTEM_MEMORY_H
#define GUISE_SYSTEM_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t hwaddr;

typedef enum SysMemResult {
    SYS_MEM_OK = 0,
    SYS_MEM_DECODE_ERROR = 1,   /* nothing at that address */
    SYS_MEM_DEVICE_ERROR = 2,   /* the device refused the access */
} SysMemResult;

typedef struct SysMemAttrs {
    unsigned requester;         /* CPU index (or device id for DMA) */
    bool secure;
} SysMemAttrs;

#define SYS_ATTRS_CPU(n) ((SysMemAttrs){ .requester = (n) })
#define SYS_ATTRS_DMA ((SysMemAttrs){ .requester = ~0u })

typedef struct SysMemOps {
    /* off is inside the region; size is in [min_size, max_size]. */
    SysMemResult (*read)(void *opaque, hwaddr off, unsigned size,
                         uint64_t *val, SysMemAttrs attrs);
    SysMemResult (*write)(void *opaque, hwaddr off, unsigned size,
                          uint64_t val, SysMemAttrs attrs);
    unsigned min_size, max_size;    /* 0: 1 and 8 */
} SysMemOps;

typedef enum { SYS_REGION_RAM, SYS_REGION_ROM, SYS_REGION_MMIO } SysRegionKind;

typedef struct SysRegion {
    char name[32];
    SysRegionKind kind;
    hwaddr base;
    uint64_t size;
    int priority;
    unsigned order;             /* insertion order: breaks priority ties */
    uint8_t *host;              /* RAM/ROM: host memory (owned) */
    const SysMemOps *ops;       /* MMIO */
    void *opaque;
} SysRegion;

/* One piece of the flattened map: [start, end] belongs to region. */
typedef struct SysFlatRange {
    hwaddr start, last;
    SysRegion *region;
} SysFlatRange;

typedef struct SysAddressSpace {
    SysRegion **regions;
    size_t nregions;
    SysFlatRange *flat;
    size_t nflat;
    unsigned next_order;
    bool unassigned_fault;      /* unassigned accesses are bus errors */
} SysAddressSpace;

void sys_as_init(SysAddressSpace *as, bool unassigned_fault);
/* Frees the regions and RAM. */
void sys_as_destroy(SysAddressSpace *as);

/*
 * RAM (or ROM when readonly) of size bytes at base, zero-filled host
 * memory reserved lazily.  Returns the region, NULL with errno when the
 * host cannot map it.
 */
SysRegion *sys_as_add_ram(SysAddressSpace *as, const char *name, hwaddr base,
                          uint64_t size, int priority, bool readonly);
/* An MMIO window of size bytes at base dispatching to ops/opaque. */
SysRegion *sys_as_add_mmio(SysAddressSpace *as, const char *name, hwaddr base,
                           uint64_t size, int priority, const SysMemOps *ops,
                           void *opaque);

/* One access of size 1, 2, 4 or 8 bytes (any alignment). */
SysMemResult sys_as_read(SysAddressSpace *as, hwaddr addr, unsigned size,
                         uint64_t *val, SysMemAttrs attrs);
SysMemResult sys_as_write(SysAddressSpace *as, hwaddr addr, unsigned size,
                          uint64_t val, SysMemAttrs attrs);
/*
 * Copies len bytes between buf and guest physical memory (DMA); MMIO is
 * accessed a byte at a time.  Returns the first error, the whole range
 * being attempted.
 */
SysMemResult sys_as_rw(SysAddressSpace *as, hwaddr addr, void *buf,
                       size_t len, bool is_write, SysMemAttrs attrs);

/* Host pointer to [addr, addr+len) if it lies inside one RAM/ROM region. */
void *sys_as_ram_ptr(SysAddressSpace *as, hwaddr addr, uint64_t len);
/* The region at addr, NULL if unassigned. */
SysRegion *sys_as_lookup(SysAddressSpace *as, hwaddr addr);

#endif
