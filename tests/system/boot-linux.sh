#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Debian's arm64 kernel booted by guise-system-aarch64 on the virt board:
# the kernel package (linux-image-arm64's dependency, ~60 MB) and
# busybox-static:arm64 are fetched once with apt through a private list
# (tests/lib/private-apt.sh) into ${GUISE_CACHE:-~/.cache/guise}/kernel;
# an initramfs of busybox, the virtio-mmio and virtio-blk modules and an
# init script is built with cpio.  For GICv2 and GICv3, with -smp 2, the
# script checks that both CPUs are online, writes a pattern to the virtio
# disk (a qcow2 image guise-img made) and reads it back, and powers off;
# guise must exit 0, and the pattern must then be in the image as both
# guise-img and qemu-img read it.  The boot is timed against
# qemu-system-aarch64 doing the same (printed, not a pass/fail).
# Not yet: user networking (libslirp) and its web-server check.
#
# Usage: tests/system/boot-linux.sh PATH-TO-guise-aarch64
# Prints PASS/FAIL/SKIP lines, then "N passed, N failed, N skipped".

set -u
export LC_ALL=C
REPORT_PREFIX=boot-linux/
. "$(dirname "$0")/../lib/report.sh"
. "$(dirname "$0")/../lib/private-apt.sh"

DIR=$(cd "$(dirname "$1")" && pwd)
SYS=${GUISE_SYSTEM:-$DIR/guise-system-aarch64}
IMG=$DIR/guise-img
CACHE=${GUISE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guise}/kernel
PATTERN="guise-pattern-$$-$RANDOM"

for tool in cpio gzip dpkg-deb; do
    command -v $tool > /dev/null || { skip all "no $tool"; summary; }
done
[ -x "$SYS" ] && [ -x "$IMG" ] || { fail setup "no guise-system-aarch64 or guise-img beside $1"; summary; }

# ---- the kernel and busybox, once ----
mkdir -p "$CACHE"
kdeb=$(find "$CACHE" -maxdepth 1 -name 'linux-image-*-arm64_*_arm64.deb' | sort | tail -n 1)
bdeb=$(find "$CACHE" -maxdepth 1 -name 'busybox-static_*_arm64.deb' | sort | tail -n 1)
if { [ -z "$kdeb" ] || [ -z "$bdeb" ]; } && private_apt_retry_ok "$CACHE"; then
    if private_apt_fetch "$CACHE" deb arm64 download linux-image-arm64 busybox-static; then
        dep=$(dpkg-deb -f "$CACHE"/linux-image-arm64_*_arm64.deb Depends | sed 's/ .*//')
        private_apt_fetch "$CACHE" deb arm64 download "$dep"
    fi
    kdeb=$(find "$CACHE" -maxdepth 1 -name 'linux-image-*-arm64_*_arm64.deb' | sort | tail -n 1)
    bdeb=$(find "$CACHE" -maxdepth 1 -name 'busybox-static_*_arm64.deb' | sort | tail -n 1)
fi
if [ -z "$kdeb" ] || [ -z "$bdeb" ]; then
    skip all "Debian's arm64 kernel or busybox-static could not be downloaded into $CACHE (see $CACHE/apt/log; remove $CACHE/fetch-failed to retry)"
    summary
fi

T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
dpkg-deb -x "$kdeb" "$T/k" && dpkg-deb -x "$bdeb" "$T/b" || { fail setup "cannot unpack $kdeb / $bdeb"; summary; }
kernel=$(find "$T/k/boot" -name 'vmlinuz-*' | head -n 1)
mods=$(find "$T/k/lib/modules" -maxdepth 1 -mindepth 1 | head -n 1)/kernel/drivers

# ---- the initramfs ----
R=$T/root
mkdir -p "$R/bin" "$R/proc" "$R/sys" "$R/dev"
cp "$T/b/bin/busybox" "$R/bin/"
cp "$mods/virtio/virtio_mmio.ko" "$mods/block/virtio_blk.ko" "$R/"
cat > "$R/init" <<EOF
#!/bin/busybox sh
B=/bin/busybox
\$B mount -t proc proc /proc
\$B mount -t sysfs sys /sys
\$B mount -t devtmpfs dev /dev
\$B insmod /virtio_mmio.ko
\$B insmod /virtio_blk.ko
\$B sleep 1
\$B echo "init: machine \$(\$B uname -m), cpus online \$(\$B cat /sys/devices/system/cpu/online)"
\$B echo "$PATTERN" | \$B dd of=/dev/vda bs=512 seek=8 conv=sync,notrunc 2> /dev/null
\$B sync
\$B echo 3 > /proc/sys/vm/drop_caches
echo "init: read back \$(\$B dd if=/dev/vda bs=512 skip=8 count=1 2> /dev/null | \$B head -n 1)"
\$B poweroff -f
EOF
chmod +x "$R/init"
(cd "$R" && find . | cpio -o -H newc 2> /dev/null | gzip) > "$T/initrd.gz"

# boot NAME EMULATOR GIC: boots, runs the script; output in $T/NAME.out
boot() {
    local name=$1 emu=$2 gic=$3 t0 t1
    rm -f "$T/disk.qcow2"
    "$IMG" create -f qcow2 "$T/disk.qcow2" 16M > /dev/null || return 1
    t0=$(date +%s%N)
    timeout -k 5 300 "$emu" -M virt,gic-version="$gic" -cpu max -smp 2 -m 512M -nographic \
        -no-reboot -kernel "$kernel" -initrd "$T/initrd.gz" -append "console=ttyAMA0 panic=-1 quiet" \
        -drive file="$T/disk.qcow2",format=qcow2,if=none,id=d0 -device virtio-blk-device,drive=d0 \
        > "$T/$name.out" 2>&1 < /dev/null
    local st=$?
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 )) > "$T/$name.ms"
    return $st
}

for gic in 2 3; do
    if boot "guise-gicv$gic" "$SYS" $gic; then
        out=$T/guise-gicv$gic.out
        if grep -q "init: machine aarch64, cpus online 0-1" "$out" &&
           grep -q "init: read back $PATTERN" "$out"; then
            pass "gicv$gic/boot-smp2-disk ($(cat "$T/guise-gicv$gic.ms") ms)"
        else
            fail "gicv$gic/boot-smp2-disk" "$(grep -E 'init:|Kernel panic|Oops' "$out" | head -n 5)" \
                "$(tail -n 5 "$out")"
        fi
        # The pattern as the image tools read it.
        "$IMG" convert -O raw "$T/disk.qcow2" "$T/disk.raw" 2> /dev/null
        if dd if="$T/disk.raw" bs=512 skip=8 count=1 2> /dev/null | grep -q "$PATTERN"; then
            pass "gicv$gic/pattern-guise-img"
        else
            fail "gicv$gic/pattern-guise-img" "the pattern is not at sector 8 of the image"
        fi
        if command -v qemu-img > /dev/null; then
            qemu-img convert -O raw "$T/disk.qcow2" "$T/disk-q.raw" 2> /dev/null
            if dd if="$T/disk-q.raw" bs=512 skip=8 count=1 2> /dev/null | grep -q "$PATTERN"; then
                pass "gicv$gic/pattern-qemu-img"
            else
                fail "gicv$gic/pattern-qemu-img" "qemu-img does not see the pattern"
            fi
        fi
    else
        fail "gicv$gic/boot-smp2-disk" "guise-system-aarch64 exited $?" "$(tail -n 8 "$T/guise-gicv$gic.out")"
    fi
done

# The same boot under qemu-system-aarch64, for the time only.
if command -v qemu-system-aarch64 > /dev/null && boot qemu-gicv3 qemu-system-aarch64 3; then
    echo "time: boot to power-off, GICv3, -smp 2: guise $(cat "$T/guise-gicv3.ms") ms," \
         "qemu-system-aarch64 $(cat "$T/qemu-gicv3.ms") ms"
fi
summary
