#!/usr/bin/env bash
# Rebuild the bundled demos (assets/demos/*/NAME.exe) from their sources with mingw-w64 (Debian/Ubuntu:
# apt-get install gcc-mingw-w64-i686 binutils-mingw-w64-i686). The .exe files are committed; the icons are
# drawn by make_icons.py (rerun it only to change them). Usage: bash assets/demos/build.sh [NAME...]
set -euo pipefail
cd "$(dirname "$0")"
CC=i686-w64-mingw32-gcc
RC=i686-w64-mingw32-windres
CFLAGS=(-O2 -s -Wall -Wextra -Wno-unused-parameter -Wl,--no-insert-timestamp)

build() {  # build NAME FLAGS... -- LIBS...
    local name=$1; shift
    local flags=() libs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do flags+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    libs=("$@")
    echo "building $name/$name.exe"
    (cd "$name" &&
     $RC "$name.rc" -O coff -o "$name.res" &&
     $CC "${CFLAGS[@]}" "${flags[@]}" -o "$name.exe" "$name.c" "$name.res" "${libs[@]}" &&
     rm -f "$name.res")
}

want() { [ ${#NAMES[@]} -eq 0 ] || [[ " ${NAMES[*]} " == *" $1 "* ]]; }
NAMES=("$@")
if want plasma; then build plasma -mwindows -ffast-math -- -lddraw -lgdi32 -luser32 -lwinmm -ldxguid; fi
if want snake; then build snake -mwindows -- -lgdi32 -luser32; fi
if want cellar; then build cellar -- ; fi
