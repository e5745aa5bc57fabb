#!/bin/sh
# MSVC-style exception handling test (C++ EH with __CxxFrameHandler3, SEH with _except_handler3), written as
# LLVM IR because no MSVC compiler is at hand: llc emits the same FuncInfo/scope tables and funclets MSVC does.
# Needs llc (LLVM >= 14), llvm-dlltool and i686-w64-mingw32-ld.
set -e
cd "$(dirname "$0")"
LLC=${LLC:-$(command -v llc || echo /usr/lib/llvm-14/bin/llc)}
DLLTOOL=${DLLTOOL:-$(command -v llvm-dlltool || echo /usr/lib/llvm-14/bin/llvm-dlltool)}
tmp=$(mktemp -d)
"$LLC" -O0 -filetype=obj eh.ll -o "$tmp/eh.obj"
"$DLLTOOL" -m i386 -d msvcrt_eh.def -l "$tmp/libmsvcrt_eh.a" -k
i686-w64-mingw32-ld -o eh.exe "$tmp/eh.obj" -e _start --subsystem console "$tmp/libmsvcrt_eh.a" \
    -L/usr/i686-w64-mingw32/lib -lkernel32 2>&1 | grep -v "section below image base" || true
rm -rf "$tmp"
