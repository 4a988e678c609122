#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# One-step start on a fresh Debian 12 machine: install the build and test
# dependencies with apt, build guise, and run the bundled aarch64 example.
set -e
cd "$(dirname "$0")"
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
PKGS=$(grep -v '^#' debian-packages.txt)
$SUDO apt-get update -q
# --no-install-recommends: qemu-user is only a test oracle; never let it pull
# in binfmt registrations that would run foreign binaries behind guise's back.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $PKGS
./autogen.sh
./configure
make -j"$(nproc)"
make run-example
