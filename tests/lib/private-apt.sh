# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# apt with a private state, for test scripts that fetch Debian packages or
# sources into a cache of their own without touching the machine's apt:
# the lists, the source list and the downloads all live under one folder,
# the mirror is the one /etc/apt/sources.list.d/debian.sources names, and
# the package lists are removed again once the fetch is done.
#
#   . tests/lib/private-apt.sh
#   private_apt_fetch DIR KIND ARCH COMMAND...
#       KIND: deb or deb-src; ARCH: the package architecture; COMMAND: the
#       apt-get subcommand and its words (download busybox-static,
#       source --download-only hello), run in DIR.  Logs to DIR/apt/log.
#   private_apt_retry_ok DIR
#       true unless a fetch into DIR failed less than a day ago: make check
#       must not wait on apt's timeouts every time when offline.

private_apt_mirror() {
    local m
    m=$(sed -n 's/^URIs: *\([^ ]*debian\)\/*$/\1/p' /etc/apt/sources.list.d/debian.sources \
        2> /dev/null | head -n 1)
    echo "${m:-http://deb.debian.org/debian}"
}

private_apt_fetch() {
    local dir=$1 kind=$2 arch=$3 apt=$1/apt
    shift 3
    command -v apt-get > /dev/null || return 1
    mkdir -p "$apt/lists/partial" "$apt/archives/partial" || return 1
    echo "$kind [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(private_apt_mirror) bookworm main" \
        > "$apt/sources.list"
    local o=(-q -o "Dir::State=$apt" -o "Dir::State::Lists=$apt/lists"
             -o "Dir::State::status=/dev/null" -o "Dir::Cache=$apt"
             -o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
             -o "APT::Architecture=$arch" -o "APT::Architectures::=$arch"
             -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
    if timeout 120 apt-get "${o[@]}" update > "$apt/log" 2>&1 &&
        (cd "$dir" && timeout 120 apt-get "${o[@]}" "$@" >> "$apt/log" 2>&1); then
        rm -rf "$apt/lists" "$apt/sources.list"
        return 0
    fi
    rm -rf "$apt/lists" "$apt/sources.list"
    touch "$dir/fetch-failed"
    return 1
}

private_apt_retry_ok() {
    [ -z "$(find "$1" -maxdepth 1 -name fetch-failed -mmin -1440 2> /dev/null)" ]
}
