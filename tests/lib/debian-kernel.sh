# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Debian's arm64 kernel and busybox-static, for the scripts that boot
# Linux on the virt board (tests/system/boot-linux.sh, bench/system.sh):
# the packages are fetched once with apt through a private list
# (private-apt.sh) into a cache folder, then unpacked for each run.
#
#   . tests/lib/debian-kernel.sh
#   debian_kernel_fetch CACHE
#       Makes sure linux-image-*-arm64 (the package linux-image-arm64
#       depends on, ~60 MB) and busybox-static:arm64 are in CACHE,
#       downloading them unless a fetch failed less than a day ago.
#       Returns 0, or 1 with DK_WHY set when they cannot be had (a SKIP).
#   debian_kernel_unpack DIR
#       After a fetch: unpacks them into DIR/k and DIR/b.  Sets DK_KERNEL
#       (the vmlinuz), DK_MODS (the kernel's drivers/ folder of modules),
#       DK_BUSYBOX (the static busybox) and DK_VERSION (the kernel
#       release).  Returns 0, or 1 with DK_WHY set (a FAIL).
#   debian_kernel_get CACHE DIR
#       Both: 0; 1 (DK_WHY) when not to be had; 2 (DK_WHY) when broken.
#   debian_kernel_cached CACHE
#       true when both packages are already in CACHE (no network needed).
#   debian_initramfs ROOT OUT
#       Packs the folder ROOT (an init at its top) as a gzip'd newc cpio
#       initramfs into OUT.

# shellcheck disable=SC2034  # the DK_ variables are the callers'
. "$(dirname "${BASH_SOURCE[0]}")/private-apt.sh"

debian_kernel_debs() {
    DK_KDEB=$(find "$1" -maxdepth 1 -name 'linux-image-*-arm64_*_arm64.deb' 2> /dev/null | sort | tail -n 1)
    DK_BDEB=$(find "$1" -maxdepth 1 -name 'busybox-static_*_arm64.deb' 2> /dev/null | sort | tail -n 1)
}

debian_kernel_cached() {
    debian_kernel_debs "$1"
    [ -n "$DK_KDEB" ] && [ -n "$DK_BDEB" ]
}

debian_kernel_fetch() {
    local cache=$1 dep
    DK_WHY=
    command -v dpkg-deb > /dev/null || { DK_WHY="no dpkg-deb"; return 1; }
    mkdir -p "$cache" || { DK_WHY="cannot create $cache"; return 1; }
    if ! debian_kernel_cached "$cache" && private_apt_retry_ok "$cache"; then
        if private_apt_fetch "$cache" deb arm64 download linux-image-arm64 busybox-static; then
            dep=$(dpkg-deb -f "$cache"/linux-image-arm64_*_arm64.deb Depends | sed 's/ .*//')
            private_apt_fetch "$cache" deb arm64 download "$dep"
        fi
    fi
    debian_kernel_cached "$cache" && return 0
    DK_WHY="Debian's arm64 kernel or busybox-static could not be downloaded into $cache (see $cache/apt/log; remove $cache/fetch-failed to retry)"
    return 1
}

debian_kernel_unpack() {
    local dir=$1
    if ! dpkg-deb -x "$DK_KDEB" "$dir/k" || ! dpkg-deb -x "$DK_BDEB" "$dir/b"; then
        DK_WHY="cannot unpack $DK_KDEB / $DK_BDEB"
        return 1
    fi
    DK_KERNEL=$(find "$dir/k/boot" -name 'vmlinuz-*' | head -n 1)
    DK_VERSION=${DK_KERNEL##*/vmlinuz-}
    DK_MODS=$(find "$dir/k/lib/modules" -maxdepth 1 -mindepth 1 | head -n 1)/kernel/drivers
    DK_BUSYBOX=$dir/b/bin/busybox
    if [ -z "$DK_KERNEL" ] || [ ! -x "$DK_BUSYBOX" ]; then
        DK_WHY="no vmlinuz or busybox in $DK_KDEB / $DK_BDEB"
        return 1
    fi
}

debian_kernel_get() {
    debian_kernel_fetch "$1" || return 1
    debian_kernel_unpack "$2" || return 2
}

debian_initramfs() {
    command -v cpio > /dev/null && command -v gzip > /dev/null || return 1
    (cd "$1" && find . | cpio -o -H newc 2> /dev/null | gzip) > "$2"
}
