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
# User networking: a virtio-net on -netdev user (libslirp) with a hostfwd
# rule; the guest (virtio_net.ko and its failover modules, a static
# address) fetches a token with busybox wget from a python3 web server on
# the host's loopback (10.0.2.2 in the guest), then serves a second token
# with busybox nc that the host reads through the hostfwd port
# (hostfwd-get.py).  Without python3 the network checks are skipped.
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
WTOKEN="guise-wget-$$-$RANDOM$RANDOM"
HTOKEN="guise-hostfwd-$$-$RANDOM$RANDOM"
GPORT=8080

for tool in cpio gzip dpkg-deb; do
    command -v $tool > /dev/null || { skip all "no $tool"; summary; }
done
[ -x "$SYS" ] && [ -x "$IMG" ] || { fail setup "no guise-system-aarch64 or guise-img beside $1"; summary; }

# ---- the kernel and busybox, once (shared with bench/system.sh) ----
. "$(dirname "$0")/../lib/debian-kernel.sh"
debian_kernel_fetch "$CACHE" || { skip all "$DK_WHY"; summary; }

T=$(mktemp -d) || exit 1
HTTP_PID=
trap '[ -n "$HTTP_PID" ] && kill $HTTP_PID 2> /dev/null; rm -rf "$T"' EXIT
debian_kernel_unpack "$T" || { fail setup "$DK_WHY"; summary; }
kernel=$DK_KERNEL
mods=$DK_MODS

# ---- the host's web server (python3), on a free loopback port ----
NET= NET_WHY="no python3 web server"
if command -v python3 > /dev/null; then
    mkdir -p "$T/www" && echo "$WTOKEN" > "$T/www/token"
    python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$T/www" > "$T/http.log" 2>&1 &
    HTTP_PID=$!
    for _ in $(seq 50); do
        WPORT=$(sed -n 's/^Serving HTTP on .* port \([0-9]*\).*/\1/p' "$T/http.log")
        [ -n "$WPORT" ] && break
        sleep 0.1
    done
    [ -n "$WPORT" ] && NET=1
fi
if [ -n "$NET" ] && "$SYS" -netdev user,id=n0 -M virt,dumpdtb="$T/probe.dtb" 2>&1 |
        grep -q "without libslirp"; then
    NET= NET_WHY="guise-system-aarch64 was built without libslirp"
fi
[ -n "$NET" ] || echo "note: $NET_WHY: the network checks are skipped"

# A free TCP port on the host's loopback for the hostfwd rule.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ---- the initramfs ----
R=$T/root
mkdir -p "$R/bin" "$R/proc" "$R/sys" "$R/dev"
cp "$T/b/bin/busybox" "$R/bin/"
cp "$mods/virtio/virtio_mmio.ko" "$mods/block/virtio_blk.ko" "$R/"
# virtio_net depends on net_failover, which depends on failover.
cp "$mods/../net/core/failover.ko" "$mods/net/net_failover.ko" "$mods/net/virtio_net.ko" "$R/"
echo "$HTOKEN" > "$R/token"
# The guest's network steps: a static address in libslirp's 10.0.2.0/24,
# a token from the host's web server, another served to the host.  (Not
# wget -T: Debian 12's busybox-static wget crashes with it.)
netsteps=
[ -n "$NET" ] && netsteps="\$B ip addr add 10.0.2.15/24 dev eth0
\$B ip link set eth0 up
\$B ip route add default via 10.0.2.2
echo \"init: wget \$(\$B timeout 30 \$B wget -q -O - http://10.0.2.2:$WPORT/token 2>&1 | \$B head -n 1)\"
echo \"init: hostfwd listening\"
\$B timeout 60 \$B nc -l -p $GPORT < /token
echo \"init: hostfwd done\""
cat > "$R/init" <<EOF
#!/bin/busybox sh
B=/bin/busybox
\$B mount -t proc proc /proc
\$B mount -t sysfs sys /sys
\$B mount -t devtmpfs dev /dev
\$B insmod /virtio_mmio.ko
\$B insmod /virtio_blk.ko
\$B insmod /failover.ko
\$B insmod /net_failover.ko
\$B insmod /virtio_net.ko
\$B sleep 1
\$B echo "init: machine \$(\$B uname -m), cpus online \$(\$B cat /sys/devices/system/cpu/online)"
\$B echo "$PATTERN" | \$B dd of=/dev/vda bs=512 seek=8 conv=sync,notrunc 2> /dev/null
\$B sync
\$B echo 3 > /proc/sys/vm/drop_caches
echo "init: read back \$(\$B dd if=/dev/vda bs=512 skip=8 count=1 2> /dev/null | \$B head -n 1)"
$netsteps
\$B poweroff -f
EOF
chmod +x "$R/init"
(cd "$R" && find . | cpio -o -H newc 2> /dev/null | gzip) > "$T/initrd.gz"

# boot NAME EMULATOR GIC: boots, runs the script; output in $T/NAME.out,
# what the host read through the hostfwd port in $T/NAME.fwd
boot() {
    local name=$1 emu=$2 gic=$3 t0 t1 net=() fwd_pid=
    rm -f "$T/disk.qcow2" "$T/$name.out" "$T/$name.fwd"
    "$IMG" create -f qcow2 "$T/disk.qcow2" 16M > /dev/null || return 1
    if [ -n "$NET" ]; then
        local hport
        hport=$(free_port)
        net=(-netdev user,id=n0,hostfwd=tcp:127.0.0.1:$hport-:$GPORT -device virtio-net-device,netdev=n0)
        python3 "$(dirname "$0")/hostfwd-get.py" "$hport" "$T/$name.out" \
            "init: hostfwd listening" 240 > "$T/$name.fwd" 2> /dev/null &
        fwd_pid=$!
    fi
    t0=$(date +%s%N)
    timeout -k 5 300 "$emu" -M virt,gic-version="$gic" -cpu max -smp 2 -m 512M -nographic \
        -no-reboot -kernel "$kernel" -initrd "$T/initrd.gz" -append "console=ttyAMA0 panic=-1 quiet" \
        -drive file="$T/disk.qcow2",format=qcow2,if=none,id=d0 -device virtio-blk-device,drive=d0 \
        "${net[@]}" > "$T/$name.out" 2>&1 < /dev/null
    local st=$?
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 )) > "$T/$name.ms"
    [ -n "$fwd_pid" ] && { kill $fwd_pid 2> /dev/null; wait $fwd_pid 2> /dev/null; }
    return $st
}

# net_checks NAME TEST-PREFIX: the wget and hostfwd tokens of a boot.
net_checks() {
    local out=$T/$1.out
    if [ -z "$NET" ]; then
        skip "$2/net-wget" "$NET_WHY"
        skip "$2/net-hostfwd" "$NET_WHY"
        return
    fi
    if grep -q "init: wget $WTOKEN" "$out"; then
        pass "$2/net-wget"
    else
        fail "$2/net-wget" "$(grep -E 'init: wget|virtio|eth0' "$out" | head -n 5)"
    fi
    if grep -q "$HTOKEN" "$T/$1.fwd" && grep -q "init: hostfwd done" "$out"; then
        pass "$2/net-hostfwd"
    else
        fail "$2/net-hostfwd" "host read '$(head -c 200 "$T/$1.fwd")'" \
            "$(grep -E 'init: hostfwd' "$out" | head -n 3)"
    fi
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
        net_checks "guise-gicv$gic" "gicv$gic"
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
    # The same initramfs and options are meant to work there too.
    [ -n "$NET" ] && grep -q "init: wget $WTOKEN" "$T/qemu-gicv3.out" &&
        grep -q "$HTOKEN" "$T/qemu-gicv3.fwd" &&
        echo "note: qemu-system-aarch64 passes the same network checks"
fi
summary
