#!/bin/sh
# Build the test programs with the mingw-w64 cross compiler (Debian: gcc-mingw-w64-i686).
# The binaries are committed, so the tests run without a compiler; run this after changing a .c file.
#   C runtime programs (mingw + msvcrt.dll):  i686-w64-mingw32-gcc -O2 -s -o X.exe X.c
#   kernel32-only programs (nocrt.h):         ... -nostdlib -e _start X.c -lkernel32 -lgcc
set -e
cd "$(dirname "$0")"
CC=${CC:-i686-w64-mingw32-gcc}
DLLTOOL=${DLLTOOL:-i686-w64-mingw32-dlltool}
CFLAGS="-O2 -s -Wall -Wl,--no-insert-timestamp"
NOCRT="-nostdlib -ffreestanding -fno-builtin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# programs that use the C runtime
for p in exitcode args crt_heap crt_threads crash tlscb; do
    $CC $CFLAGS -o $p.exe $p.c
done
# msvcrt's own printf (not mingw's replacement), as old programs use it
$CC $CFLAGS -D__USE_MINGW_ANSI_STDIO=0 -o crt_stdio.exe crt_stdio.c

# programs without the C runtime: kernel32 only
for p in basic pewalk heap files sandbox threads seh loaddll tls_nocrt; do
    $CC $CFLAGS $NOCRT -e _start -o $p.exe $p.c -lkernel32 -lgcc
done
# a DLL without the C runtime, preferring the exe's base 0x400000 so that it must be relocated
$CC $CFLAGS $NOCRT -shared -e _DllMain@12 -Wl,--image-base,0x400000 -o testdll.dll testdll.c testdll.def \
    -lkernel32 -lgcc
$CC $CFLAGS $NOCRT -e _start -o importdll.exe importdll.c testdll.dll -lkernel32 -lgcc

# programs with imports that cannot be satisfied
$DLLTOOL -d nosuchdll.def -l "$tmp/libnosuchdll.a"
$CC $CFLAGS $NOCRT -e _start -o missingdll.exe missingdll.c "$tmp/libnosuchdll.a"
$DLLTOOL -k -d k32extra.def -l "$tmp/libk32extra.a"
$CC $CFLAGS $NOCRT -e _start -o missingfn.exe missingfn.c "$tmp/libk32extra.a" -lkernel32
echo "built: $(ls *.exe *.dll | tr '\n' ' ')"

# GUI test programs (console subsystem so they can print; user32/gdi32)
for p in gui_msgs gdi_draw gdi_text gui_controls; do
    $CC $CFLAGS -o $p.exe $p.c -lgdi32 -luser32
done
# programs with resources
i686-w64-mingw32-windres gdi_bitmap.rc -O coff -o "$tmp/gdi_bitmap_res.o"
$CC $CFLAGS -o gdi_bitmap.exe gdi_bitmap.c "$tmp/gdi_bitmap_res.o" -lgdi32 -luser32 -lmsimg32
i686-w64-mingw32-windres gui_menu.rc -O coff -o "$tmp/gui_menu.res"
$CC $CFLAGS -mwindows -o gui_menu.exe gui_menu.c "$tmp/gui_menu.res" -lgdi32
$CC $CFLAGS -mwindows -o gui_keys.exe gui_keys.c -lgdi32
i686-w64-mingw32-windres gui_icons.rc -O coff -o "$tmp/gui_icons.res"
$CC $CFLAGS -o gui_icons.exe gui_icons.c "$tmp/gui_icons.res" -lgdi32 -luser32
$CC $CFLAGS -o gui_comctl.exe gui_comctl.c -lcomctl32 -lcomdlg32 -lgdi32
$CC $CFLAGS -o ddraw_basic.exe ddraw_basic.c -lddraw -ldxguid -lgdi32 -luser32
$CC $CFLAGS -o ddraw_scenes.exe ddraw_scenes.c -lddraw -ldxguid -lgdi32 -luser32
$CC $CFLAGS -o wave_out.exe wave_out.c -lwinmm -luser32
