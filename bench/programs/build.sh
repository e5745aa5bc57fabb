#!/usr/bin/env bash
# Build exeplay's benchmark programs.
#   bench/programs/build.sh            Windows programs (committed): compute.exe apibench.exe empty.exe
#                                      guibench.exe ddbench.exe
#   bench/programs/build.sh native DIR the native Linux build of compute.c into DIR/compute
# Windows builds are CRT-free (no msvcrt): -nostdlib -e _start, kernel32 only (+ libgcc for 64-bit division).
set -euo pipefail
cd "$(dirname "$0")"
CFLAGS="-O2 -Wall -Wextra"
if [ "${1:-}" = native ]; then
    out="${2:?usage: build.sh native OUTDIR}"
    mkdir -p "$out"
    ${CC:-gcc} $CFLAGS -o "$out/compute" compute.c
    exit 0
fi
MINGW=${MINGW:-i686-w64-mingw32-gcc}
for p in compute apibench empty; do
    $MINGW $CFLAGS -s -nostdlib -e _start -o "$p.exe" "$p.c" -lkernel32 -lgcc
done
# GUI benchmark (user32/gdi32, msvcrt)
$MINGW $CFLAGS -s -o guibench.exe guibench.c -lgdi32
# DirectDraw benchmark (msvcrt, ddraw; a GUI program so that exeplay opens its window)
$MINGW $CFLAGS -s -mwindows -o ddbench.exe ddbench.c -lddraw -ldxguid
