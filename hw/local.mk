# SPDX-License-Identifier: GPL-2.0-or-later
# hw/: devices (one folder per class) and the boards that wire them.
noinst_LTLIBRARIES += libguise-hw.la
libguise_hw_la_CFLAGS = $(AM_CFLAGS) $(LIBFDT_CFLAGS)
libguise_hw_la_SOURCES = \
	hw/arm/boot.c \
	hw/arm/psci.c \
	hw/arm/psci.h \
	hw/arm/virt-fdt.c \
	hw/arm/virt.c \
	hw/arm/virt.h \
	hw/char/pl011.c \
	hw/char/pl011.h \
	hw/gpio/pl061.c \
	hw/gpio/pl061.h \
	hw/intc/gic-core.c \
	hw/intc/gic.h \
	hw/intc/gicv2.c \
	hw/intc/gicv3.c \
	hw/net/virtio-net.c \
	hw/net/virtio-net.h \
	hw/nvram/fw_cfg.c \
	hw/nvram/fw_cfg.h \
	hw/rtc/pl031.c \
	hw/rtc/pl031.h \
	hw/virtio/virtio-blk.c \
	hw/virtio/virtio-char.c \
	hw/virtio/virtio-devices.h \
	hw/virtio/virtio-mmio.c \
	hw/virtio/virtio.c \
	hw/virtio/virtio.h
