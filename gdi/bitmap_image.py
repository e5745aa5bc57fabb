"""user32 image loading and copying: LoadBitmap, LoadImage (resources and .bmp files), CopyImage.
"""
from __future__ import annotations

import os
import struct
from typing import TYPE_CHECKING

import numpy as np

from emu import resources
from emu.api import HANDLE, INT, LPCSTR, LPCWSTR, UINT, stdcall

from . import gdiobj
from .gdiobj import Bitmap
from .surface import colorref_to_px
from .bitmap_dib import (
    BI_BITFIELDS, BI_RGB, BI_RLE4, BI_RLE8, DIB_RGB_COLORS, DibInfo, DibSection, ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_DATA, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_RESOURCE_NAME_NOT_FOUND, IMAGE_BITMAP,
    IMAGE_CURSOR, IMAGE_ICON, LR_COPYDELETEORG, LR_COPYRETURNORG, LR_CREATEDIBSECTION, LR_LOADFROMFILE,
    LR_LOADMAP3DCOLORS, LR_LOADTRANSPARENT, LR_MONOCHROME, WHITE, _get_bitmap, _put_pixels, _rle_decode, bitmap_fmt,
    bitmap_pixels, dib_to_topdown, is_mono_ddb, make_dib_section, new_bitmap, parse_bmi, screen_bpp, unpack_indices,
)
from .bitmap_blit import _axis

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- loading and copying images ------------------------------------------------------------------------
def _sys_px(m: "Machine", index: int) -> int:
    from . import syscolor  # noqa: PLC0415
    return colorref_to_px(syscolor.get(m, index))


def stretch_nearest(px: np.ndarray, w: int, h: int) -> np.ndarray:
    """Resize a pixel array to (h, w) by nearest pixel."""
    sh, sw = px.shape
    if (sh, sw) == (h, w):
        return px
    return px[np.ix_(_axis(h, sh, False), _axis(w, sw, False))]


def bitmap_from_dib(m: "Machine", info: DibInfo, bits: bytes, flags: int = 0, cx: int = 0, cy: int = 0) -> int:
    """A bitmap handle made from a DIB the way LoadImage does: a DIB section of the image's own depth with
    LR_CREATEDIBSECTION, a monochrome bitmap for LR_MONOCHROME or black-and-white 1-bit images, else a
    display-compatible bitmap; ``cx``/``cy`` stretch it."""
    colors = list(info.colors)
    if info.bpp <= 8 and colors and flags & (LR_LOADTRANSPARENT | LR_LOADMAP3DCOLORS):
        if flags & LR_LOADMAP3DCOLORS:
            repl = {0x808080: _sys_px(m, 16), 0xC0C0C0: _sys_px(m, 15), 0xDFDFDF: _sys_px(m, 22)}
            colors = [repl.get(c, c) for c in colors]
        if flags & LR_LOADTRANSPARENT:
            if info.compression in (BI_RLE8, BI_RLE4):
                first = int(_rle_decode(bits, info.width, info.abs_h, info.bpp)[0, 0])
            elif bits:
                first = int(unpack_indices(np.frombuffer(bits[:1], np.uint8).reshape(1, 1), 1, info.bpp)[0, 0])
            else:
                first = 0
            if first < len(colors):
                colors[first] = _sys_px(m, 5)
    src = DibInfo(info.width, info.height, info.bpp, info.compression, info.size_image, info.clr_used,
                  info.hdr_size, colors, info.masks, info.table_bytes, info.xppm, info.yppm)
    px = dib_to_topdown(src, bits)
    w, h = cx or info.width, cy or info.abs_h
    px = stretch_nearest(px, w, h)
    if flags & LR_CREATEDIBSECTION:
        sec = DibInfo(w, h if not info.top_down else -h, info.bpp,
                      BI_BITFIELDS if info.compression == BI_BITFIELDS else BI_RGB, 0, info.clr_used, 40, colors,
                      info.masks, 0)
        bm = make_dib_section(m, sec)
        if bm is None:
            return 0
        if (w, h) == (info.width, info.abs_h) and info.compression in (BI_RGB, BI_BITFIELDS):
            size = bm.stride * bm.height
            m.mem.write(bm.bits, bytes(bits[:size]).ljust(size, b"\0"))
            assert bm.surface is not None
            bm.surface.pull()
        else:
            _put_pixels(bm, 0, px)
        return bm.handle
    bw = info.bpp == 1 and sorted(c & 0xFFFFFF for c in colors[:2]) == [0, WHITE]
    new = new_bitmap(m, w, h, 1 if flags & LR_MONOCHROME or bw else screen_bpp(m))
    if new is None:
        return 0
    _put_pixels(new, 0, px & np.uint32(0xFFFFFF))
    return new.handle


def _file_dib(m: "Machine", path: str) -> tuple[DibInfo, bytes] | None:
    from emu.kernel32.file import resolve  # noqa: PLC0415
    hp = resolve(m, path)
    if hp is None:
        return None
    try:
        with open(hp, "rb") as f:
            data = f.read()
    except OSError:
        m.set_last_error(ERROR_FILE_NOT_FOUND if not os.path.exists(hp) else 5)
        return None
    if len(data) < 14 + 12 or data[:2] != b"BM":
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    off = struct.unpack_from("<I", data, 10)[0]
    dib = data[14:]

    def get(o: int, n: int) -> bytes:
        b = dib[o:o + n]
        if len(b) < n:
            raise ValueError("truncated")
        return b
    try:
        info = parse_bmi(get, DIB_RGB_COLORS, None)
    except (ValueError, struct.error):
        info = None
    if info is None:
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    start = off if 14 + info.hdr_size <= off < len(data) else 14 + info.hdr_size + info.table_bytes
    return info, data[start:]


def load_image_bitmap(m: "Machine", hinst: int, name: str | int | None, flags: int, cx: int, cy: int) -> int:
    """LoadImage for IMAGE_BITMAP: an RT_BITMAP resource of module ``hinst`` or, with LR_LOADFROMFILE, a .bmp
    file; returns a bitmap handle or 0 with the last error set. (LR_DEFAULTSIZE: bitmaps keep their size.)"""
    if flags & LR_LOADFROMFILE:
        if not isinstance(name, str):
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        got = _file_dib(m, name)
        if got is None:
            return 0
        info, bits = got
    else:
        if not hinst or name is None:  # OEM bitmaps (OBM_*) are not available
            m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
            return 0
        r = resources.find(m, hinst, resources.RT_BITMAP, name)
        if r is None:
            m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
            return 0
        data = m.mem.read(r[0], r[1])

        def get(o: int, n: int) -> bytes:
            b = data[o:o + n]
            if len(b) < n:
                raise ValueError("truncated")
            return b
        try:
            parsed = parse_bmi(get, DIB_RGB_COLORS, None)
        except (ValueError, struct.error):
            parsed = None
        if parsed is None:
            m.set_last_error(ERROR_INVALID_DATA)
            return 0
        info = parsed
        bits = data[info.hdr_size + info.table_bytes:]
    return bitmap_from_dib(m, info, bits, flags, cx, cy)


@stdcall("user32")
def LoadBitmapA(m: "Machine", hInstance: HANDLE, lpBitmapName: LPCSTR) -> HANDLE:
    """Load an RT_BITMAP resource as a display-compatible bitmap (NULL for the OEM bitmaps)."""
    return load_image_bitmap(m, hInstance, lpBitmapName, 0, 0, 0)


@stdcall("user32")
def LoadBitmapW(m: "Machine", hInstance: HANDLE, lpBitmapName: LPCWSTR) -> HANDLE:
    """Load an RT_BITMAP resource as a display-compatible bitmap (NULL for the OEM bitmaps)."""
    return load_image_bitmap(m, hInstance, lpBitmapName, 0, 0, 0)


def _load_image(m: "Machine", hInst: int, name: str | int | None, type: int, cx: int, cy: int, fuLoad: int) -> int:
    if type == IMAGE_BITMAP:
        return load_image_bitmap(m, hInst, name, fuLoad, cx, cy)
    if type in (IMAGE_ICON, IMAGE_CURSOR):
        from . import cursor  # noqa: PLC0415
        return int(cursor.load_image_other(m, hInst, name, type, cx, cy, fuLoad))
    m.set_last_error(ERROR_INVALID_PARAMETER)  # IMAGE_ENHMETAFILE and unknown types
    return 0


@stdcall("user32")
def LoadImageA(m: "Machine", hInst: HANDLE, name: LPCSTR, type: UINT, cx: INT, cy: INT, fuLoad: UINT) -> HANDLE:
    """Load a bitmap (resource or .bmp file; icons and cursors through gdi.cursor)."""
    return _load_image(m, hInst, name, type, cx, cy, fuLoad)


@stdcall("user32")
def LoadImageW(m: "Machine", hInst: HANDLE, name: LPCWSTR, type: UINT, cx: INT, cy: INT, fuLoad: UINT) -> HANDLE:
    """Load a bitmap (resource or .bmp file; icons and cursors through gdi.cursor)."""
    return _load_image(m, hInst, name, type, cx, cy, fuLoad)


@stdcall("user32")
def CopyImage(m: "Machine", h: HANDLE, type: UINT, cx: INT, cy: INT, flags: UINT) -> HANDLE:
    """Copy a bitmap, optionally resized, as a DIB section (LR_CREATEDIBSECTION) or monochrome
    (LR_MONOCHROME); LR_COPYRETURNORG returns the original when nothing changes, LR_COPYDELETEORG deletes it.
    Icons and cursors go to gdi.cursor.copy_icon."""
    if type in (IMAGE_ICON, IMAGE_CURSOR):
        from . import cursor  # noqa: PLC0415
        return int(cursor.copy_icon(m, h, cx, cy, flags))
    if type != IMAGE_BITMAP:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    bm = _get_bitmap(m, h)
    if bm is None or bm.surface is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    w2, h2 = (cx or bm.width), (cy or bm.height)
    if w2 < 0 or h2 < 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    same = ((w2, h2) == (bm.width, bm.height) and not (flags & LR_MONOCHROME and bm.bpp != 1)
            and not (flags & LR_CREATEDIBSECTION and not isinstance(bm, DibSection)))
    if flags & LR_COPYRETURNORG and same:
        return h
    px = stretch_nearest(bitmap_pixels(bm), w2, h2).copy()
    if flags & LR_CREATEDIBSECTION and not flags & LR_MONOCHROME:
        f = bitmap_fmt(m, bm)
        info = DibInfo(w2, h2 if getattr(bm, "bottom_up", True) else -h2, f.bpp,
                       getattr(bm, "compression", BI_RGB), 0, 0, 40, list(f.colors), f.masks, 0)
        new: Bitmap | None = make_dib_section(m, info)
        if new is not None and isinstance(bm, DibSection) and (w2, h2) == (bm.width, bm.height):
            m.mem.write(new.bits, m.mem.read(bm.bits, bm.stride * bm.height))
            assert new.surface is not None
            new.surface.pull()
        elif new is not None:
            _put_pixels(new, 0, px)
    else:
        mono = bool(flags & LR_MONOCHROME) or is_mono_ddb(bm)
        new = new_bitmap(m, w2, h2, 1 if mono else (screen_bpp(m) if isinstance(bm, DibSection) else bm.bpp))
        if new is not None:
            _put_pixels(new, 0, px if new.bpp == 32 and not isinstance(bm, DibSection) else px & np.uint32(0xFFFFFF))
    if new is None:
        return 0
    if flags & LR_COPYDELETEORG:
        gdiobj.DeleteObject(m, h)
    return new.handle
