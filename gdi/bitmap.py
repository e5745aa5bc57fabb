"""gdi32 bitmaps: GetObject, and the names of the bitmap modules other modules use.

The bitmap code is split by API area: ``bitmap_dib`` (formats, BITMAPINFO, DIB sections),
``bitmap_blit`` (the ROP3 engine and the blit functions), ``bitmap_dibits`` (creating bitmaps, DIB
transfers), ``bitmap_image`` (LoadBitmap/LoadImage/CopyImage). This module re-exports what other modules use.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from emu.api import HANDLE, INT, PTR, stdcall

from . import gdiobj
from .dc import DC
from .gdiobj import OBJ_EXTPEN, Bitmap, Brush, Font, Palette, Pen, RegionObj

# Re-exported: other modules use these as ``bitmap.NAME``.
from .bitmap_dib import (  # noqa: F401
    _put_pixels, _section_surface, BI_BITFIELDS, BI_JPEG, BI_PNG, BI_RGB, BI_RLE4, BI_RLE8, bitmap_fmt,
    bitmap_pixels, BLACKNESS, CBM_INIT, ddb_fmt, ddb_stride, decode_dib, decode_rows, default_masks, DIB_PAL_COLORS,
    DIB_RGB_COLORS, dib_stride, dib_to_topdown, DibInfo, DibSection, DSTINVERT, encode_rows, ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_DATA, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_SUPPORTED,
    ERROR_RESOURCE_NAME_NOT_FOUND, Fmt, free_section_bits, IMAGE_BITMAP, IMAGE_CURSOR, IMAGE_ICON, is_mono_ddb,
    LR_COPYDELETEORG, LR_COPYRETURNORG, LR_CREATEDIBSECTION, LR_DEFAULTSIZE, LR_LOADFROMFILE, LR_LOADMAP3DCOLORS,
    LR_LOADTRANSPARENT, LR_MONOCHROME, M555, M565, make_dib_section, MAX_PIXELS, MERGECOPY, MERGEPAINT,
    nearest_device_color, nearest_index, new_bitmap, NOTSRCCOPY, NOTSRCERASE, pack_indices, parse_bmi, PATCOPY,
    PATINVERT, PATPAINT, read_bmi, screen_bpp, SRCAND, SRCCOPY, SRCERASE, SRCINVERT, SRCPAINT, STD32,
    unpack_indices, WHITE, WHITENESS,
)
from .bitmap_blit import (  # noqa: F401
    AlphaBlend, BitBlt, blit, BlitSource, dc_source, MaskBlt, PatBlt, rop3, rop_uses, StretchBlt, TransparentBlt,
)
from .bitmap_dibits import (  # noqa: F401
    compatible_bitmap, CreateBitmap, CreateBitmapIndirect, CreateCompatibleBitmap, CreateDIBitmap, CreateDIBSection,
    CreateDiscardableBitmap, GetBitmapBits, GetBitmapDimensionEx, GetDIBColorTable, GetDIBits, set_dib_rows,
    SetBitmapBits, SetBitmapDimensionEx, SetDIBColorTable, SetDIBits, SetDIBitsToDevice, StretchDIBits,
    synth_colors,
)
from .bitmap_image import (  # noqa: F401
    bitmap_from_dib, CopyImage, load_image_bitmap, LoadBitmapA, LoadBitmapW, LoadImageA, LoadImageW,
    stretch_nearest,
)

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- GetObject --------------------------------------------------------------------------------------
def _bitmap_struct(bm: Bitmap) -> bytes:
    if isinstance(bm, DibSection):
        return struct.pack("<iiiiHHI", 0, bm.width, bm.height, bm.stride, 1, bm.bpp, bm.bits)
    return struct.pack("<iiiiHHI", 0, bm.width, bm.height, ddb_stride(bm.width, bm.bpp), 1, bm.bpp, 0)


def _dibsection_struct(bm: DibSection) -> bytes:
    ncol = len(bm.colors) if bm.bpp <= 8 else 0
    hdr = struct.pack("<IiiHHIIiiII", 40, bm.width, bm.header_height or bm.height, 1, bm.bpp, bm.compression,
                      bm.stride * bm.height, bm.xppm, bm.yppm, ncol, 0)
    fields = bm.masks if bm.compression == BI_BITFIELDS else (0, 0, 0)
    return _bitmap_struct(bm) + hdr + struct.pack("<IIIII", *fields, bm.section, bm.offset)


def _logfont(f: Font, wide: bool) -> bytes:
    head = struct.pack("<iiiiiBBBBBBBB", f.height, f.width, f.escapement, f.orientation, f.weight, int(f.italic),
                       int(f.underline), int(f.strikeout), f.charset & 0xFF, f.out_precision & 0xFF,
                       f.clip_precision & 0xFF, f.quality & 0xFF, f.pitch_family & 0xFF)
    if wide:
        face = f.face[:31].encode("utf-16-le")
        return head + face + b"\0" * (64 - len(face))
    fa = f.face.encode("cp1252", "replace")[:31]
    return head + fa + b"\0" * (32 - len(fa))


def _brush_struct(m: "Machine", b: Brush) -> bytes:
    color = b.color
    if b.sys_color >= 0:
        from . import syscolor  # noqa: PLC0415
        color = syscolor.get(m, b.sys_color)
    hatch = b.hatch
    if b.style == gdiobj.BS_PATTERN and isinstance(b.pattern, Bitmap):
        hatch = b.pattern.handle
    if b.style in (gdiobj.BS_PATTERN, 5, 6):
        color = 0 if b.style != gdiobj.BS_PATTERN else color
    return struct.pack("<III", b.style, color & 0xFFFFFFFF, hatch & 0xFFFFFFFF)


def get_object(m: "Machine", h: int, cb: int, pv: int, wide: bool) -> int:
    """GetObjectA/W: describe a GDI object into ``pv`` (``cb`` bytes); with ``pv`` NULL, the size needed."""
    o = gdiobj.table(m).objs.get(h)
    if o is None or isinstance(o, (DC, RegionObj)):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if cb < 0:
        cb = 0x7FFFFFFF
    if isinstance(o, Bitmap):
        if not pv:
            return 24
        if cb < 24:
            return 0
        if isinstance(o, DibSection) and cb >= 84:
            m.mem.write(pv, _dibsection_struct(o))
            return 84
        m.mem.write(pv, _bitmap_struct(o))
        return 24
    if isinstance(o, Pen):
        if o.kind == OBJ_EXTPEN:
            styles = list(getattr(o, "user_style", None) or [])
            need = 24 + 4 * len(styles)
            if not pv:
                return need
            if cb < need:
                return 0
            br = getattr(o, "brush", None)
            hatch = 0 if br is None else (br.pattern.handle if br.style == gdiobj.BS_PATTERN
                                          and isinstance(br.pattern, Bitmap) else br.hatch)
            data = struct.pack("<IIIIII", getattr(o, "full_style", o.style) & 0xFFFFFFFF, o.width,
                               0 if br is None else br.style, o.color & 0xFFFFFFFF, hatch & 0xFFFFFFFF,
                               len(styles))
            m.mem.write(pv, data + struct.pack(f"<{len(styles)}I", *styles))
            return need
        if not pv:
            return 16
        if cb < 16:
            return 0
        m.mem.write(pv, struct.pack("<IiiI", o.style & 0xFFFFFFFF, o.width, 0, o.color & 0xFFFFFFFF))
        return 16
    if isinstance(o, Brush):
        if not pv:
            return 12
        if cb == 0:
            return 0
        m.mem.write(pv, _brush_struct(m, o)[:min(cb, 12)])
        return 12
    if isinstance(o, Font):
        base, full = (92, 356) if wide else (60, 260)
        if not pv:
            return base
        n = min(cb, full)
        if n == 0:
            return 0
        lf = _logfont(o, wide)
        m.mem.write(pv, (lf + b"\0" * (full - len(lf)))[:n])
        return n
    if isinstance(o, Palette):
        if not pv:
            return 2
        if cb < 2:
            return 0
        m.mem.pack("<H", pv, len(o.entries))
        return 2
    m.set_last_error(ERROR_INVALID_HANDLE)
    return 0


@stdcall("gdi32")
def GetObjectA(m: "Machine", h: HANDLE, c: INT, pv: PTR) -> INT:
    """Describe a GDI object: BITMAP/DIBSECTION, LOGPEN/EXTLOGPEN, LOGBRUSH, LOGFONTA, palette entry count."""
    return get_object(m, h, c, pv, False)


@stdcall("gdi32")
def GetObjectW(m: "Machine", h: HANDLE, c: INT, pv: PTR) -> INT:
    """Describe a GDI object: BITMAP/DIBSECTION, LOGPEN/EXTLOGPEN, LOGBRUSH, LOGFONTW, palette entry count."""
    return get_object(m, h, c, pv, True)
