"""gdi32 pens and brushes: CreatePen/ExtCreatePen, solid, hatched, pattern and DIB pattern brushes."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import numpy as np

from emu.api import DWORD, HANDLE, INT, PTR, UINT, stdcall

from . import gdiobj
from .gdiobj import Bitmap, Brush, Pen
from .surface import Surface, px_to_colorref
from .draw import (
    BS_DIBPATTERN, BS_DIBPATTERN8X8, BS_DIBPATTERNPT, BS_HATCHED, BS_NULL, BS_PATTERN, BS_PATTERN8X8, BS_SOLID,
    DIB_PAL_COLORS, ERROR_INVALID_PARAMETER, ExtPen, HS_DIAGCROSS, PS_ALTERNATE, PS_COSMETIC, PS_ENDCAP_MASK,
    PS_GEOMETRIC, PS_INSIDEFRAME, PS_JOIN_MASK, PS_NULL, PS_SOLID, PS_STYLE_MASK, PS_TYPE_MASK, PS_USERSTYLE,
)

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- packed DIBs for DIB pattern brushes ---------------------------------------------------------
def _decode_packed_dib(m: Machine, p: int, usage: int, dc_palette: list[tuple[int, int, int, int]]) \
        -> np.ndarray | None:
    """Pixels (0x00RRGGBB, top-down) of a packed DIB (BITMAPINFO + bits) at guest address ``p``."""
    hdr = m.mem.read(p, 40)
    bisize, w, h, _planes, bpp, comp, _szimg, _xp, _yp, clrused, _ = struct.unpack("<IiiHHIIiiII", hdr)
    if bisize == 12:  # BITMAPCOREHEADER
        _, w, h, _planes, bpp = struct.unpack("<IHHHH", m.mem.read(p, 12))
        comp, clrused = 0, 0
    if w <= 0 or h == 0 or bpp not in (1, 4, 8, 16, 24, 32) or comp not in (0, 3):
        return None
    bottom_up = h > 0
    h = abs(h)
    q = p + bisize
    masks = None
    if comp == 3 and bpp in (16, 32):
        masks = struct.unpack("<3I", m.mem.read(q if bisize == 40 else p + 40, 12))
        if bisize == 40:
            q += 12
    ncol = clrused or ((1 << bpp) if bpp <= 8 else 0)
    table = np.zeros(0, dtype=np.uint32)
    if ncol:
        if usage == DIB_PAL_COLORS:
            idx = np.frombuffer(m.mem.read(q, 2 * ncol), dtype="<u2")
            pal = [(r << 16) | (g << 8) | b for r, g, b, _ in dc_palette] or [0]
            table = np.array([pal[i] if i < len(pal) else 0 for i in idx], dtype=np.uint32)
            q += (2 * ncol + 3) & ~3
        else:
            esz = 3 if bisize == 12 else 4
            raw = np.frombuffer(m.mem.read(q, esz * ncol), dtype=np.uint8).reshape(ncol, esz)
            table = (raw[:, 2].astype(np.uint32) << 16) | (raw[:, 1].astype(np.uint32) << 8) | raw[:, 0]
            q += esz * ncol
    stride = ((w * bpp + 31) // 32) * 4
    data = np.frombuffer(m.mem.read(q, stride * h), dtype=np.uint8).reshape(h, stride)
    if bpp <= 8:
        if bpp == 8:
            idx8 = data[:, :w]
        elif bpp == 4:
            idx8 = np.stack([data >> 4, data & 15], axis=2).reshape(h, -1)[:, :w]
        else:
            idx8 = np.unpackbits(data, axis=1)[:, :w]
        if not len(table):
            table = np.zeros(1, dtype=np.uint32)
        out = table[np.minimum(idx8, len(table) - 1)]
    elif bpp == 24:
        rgb = data[:, :w * 3].reshape(h, w, 3).astype(np.uint32)
        out = (rgb[:, :, 2] << 16) | (rgb[:, :, 1] << 8) | rgb[:, :, 0]
    else:
        v = data[:, :w * bpp // 8].copy().view("<u2" if bpp == 16 else "<u4").astype(np.uint32)
        if masks is None:
            masks = (0x7C00, 0x03E0, 0x001F) if bpp == 16 else (0xFF0000, 0xFF00, 0xFF)
        chans = []
        for mk in masks:
            if not mk:
                chans.append(np.zeros_like(v))
                continue
            shift = (mk & -mk).bit_length() - 1
            bits = mk.bit_count()
            c = (v & mk) >> shift
            chans.append((c * 255 + ((1 << bits) - 1) // 2) // ((1 << bits) - 1))
        out = (chans[0] << 16) | (chans[1] << 8) | chans[2]
    out = out.astype(np.uint32)
    return np.ascontiguousarray(out[::-1] if bottom_up else out)


def _pattern_bitmap(px: np.ndarray, bpp: int = 32) -> Bitmap:
    h, w = px.shape
    surf = Surface(w, h, px.copy())
    return Bitmap(width=w, height=h, bpp=bpp, surface=surf)


# ---- API: pens and brushes -------------------------------------------------------------------------
def _new(m: Machine, o: gdiobj.GdiObject) -> int:
    return gdiobj.table(m).add(o)


@stdcall("gdi32")
def CreatePen(m: Machine, iStyle: INT, cWidth: INT, color: DWORD) -> HANDLE:
    """A logical pen of style PS_* (dashes only at width <= 1), width and colour."""
    style = iStyle & PS_STYLE_MASK
    if style > PS_ALTERNATE:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if style in (PS_USERSTYLE, PS_ALTERNATE):  # ExtCreatePen-only styles draw solid here
        style = PS_SOLID
    return _new(m, Pen(style=style, width=abs(cWidth), color=color & 0x1FFFFFF))


@stdcall("gdi32")
def CreatePenIndirect(m: Machine, plpen: PTR) -> HANDLE:
    """A pen from a LOGPEN (style, POINT width, colour)."""
    if not plpen:
        return 0
    style, wx, _wy, color = m.mem.unpack("<IiiI", plpen)
    return CreatePen(m, style, wx, color)


@stdcall("gdi32")
def ExtCreatePen(m: Machine, iPenStyle: DWORD, cWidth: DWORD, plbrush: PTR, cStyle: DWORD,
                 pstyle: PTR) -> HANDLE:
    """A cosmetic or geometric pen with end cap, join, brush and optional user dash style."""
    if not plbrush:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    style = iPenStyle & PS_STYLE_MASK
    geometric = iPenStyle & PS_TYPE_MASK == PS_GEOMETRIC
    bstyle, bcolor, bhatch = m.mem.unpack("<IIi", plbrush)
    bad = style > PS_ALTERNATE or (iPenStyle & PS_TYPE_MASK) not in (PS_COSMETIC, PS_GEOMETRIC)
    bad |= not geometric and (cWidth != 1 or bstyle != BS_SOLID or style == PS_INSIDEFRAME)
    bad |= geometric and style == PS_ALTERNATE
    bad |= (style == PS_USERSTYLE) != (cStyle > 0) or (cStyle > 16) or (cStyle > 0 and not pstyle)
    if bad:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    user = tuple(m.mem.unpack(f"<{cStyle}I", pstyle)) if cStyle else ()
    brush = _brush_from_logbrush(m, bstyle, bcolor, bhatch)
    if brush is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    color = bcolor & 0x1FFFFFF if bstyle in (BS_SOLID, BS_HATCHED) else 0
    pen = ExtPen(style=PS_NULL if bstyle == BS_NULL else style, width=cWidth if geometric else 1, color=color,
                 endcap=iPenStyle & PS_ENDCAP_MASK, join=iPenStyle & PS_JOIN_MASK, geometric=geometric,
                 brush=brush, user_style=user, full_style=iPenStyle)
    return _new(m, pen)


def _brush_from_logbrush(m: Machine, style: int, color: int, hatch: int) -> Brush | None:
    if style == BS_SOLID:
        return Brush(color=color & 0x1FFFFFF)
    if style == BS_NULL:
        return Brush(style=BS_NULL)
    if style == BS_HATCHED:
        if not 0 <= hatch <= HS_DIAGCROSS:
            return None
        return Brush(style=BS_HATCHED, color=color & 0x1FFFFFF, hatch=hatch)
    if style in (BS_PATTERN, BS_PATTERN8X8):
        bm = gdiobj.table(m).get(hatch & 0xFFFFFFFF, Bitmap)
        return _pattern_brush(bm)
    if style in (BS_DIBPATTERN, BS_DIBPATTERNPT, BS_DIBPATTERN8X8):
        return _dib_pattern_brush(m, hatch & 0xFFFFFFFF, color & 0xFFFF)
    return None


def _pattern_brush(bm: Bitmap | None) -> Brush | None:
    if bm is None or bm.surface is None or bm.width <= 0 or bm.height <= 0:
        return None
    s = bm.surface
    s.pull()
    pat = _pattern_bitmap(s.px[:bm.height, :bm.width], bpp=1 if bm.bpp == 1 and not bm.bits else 32)
    pat.handle = bm.handle  # a private copy (not in the handle table); GetObject reports the original
    first = int(pat.surface.px[0, 0]) if pat.surface is not None else 0
    return Brush(style=BS_PATTERN, color=px_to_colorref(first), pattern=pat)


def _dib_pattern_brush(m: Machine, p: int, usage: int) -> Brush | None:
    if not p:
        return None
    ents = gdiobj.stock(m, gdiobj.DEFAULT_PALETTE).entries
    px = _decode_packed_dib(m, p, usage, ents)
    if px is None:
        return None
    return Brush(style=BS_DIBPATTERN, color=px_to_colorref(int(px[0, 0])), pattern=_pattern_bitmap(px))


@stdcall("gdi32")
def CreateSolidBrush(m: Machine, color: DWORD) -> HANDLE:
    """A brush of one colour."""
    return _new(m, Brush(color=color & 0x1FFFFFF))


@stdcall("gdi32")
def CreateHatchBrush(m: Machine, iHatch: INT, color: DWORD) -> HANDLE:
    """A hatched brush (HS_*); hatch lines in ``color``, the gaps in the DC's background colour/mode."""
    if not 0 <= iHatch <= HS_DIAGCROSS:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return _new(m, Brush(style=BS_HATCHED, color=color & 0x1FFFFFF, hatch=iHatch))


@stdcall("gdi32")
def CreatePatternBrush(m: Machine, hbm: HANDLE) -> HANDLE:
    """A brush tiling a copy of a bitmap (monochrome bitmaps use the DC's text/background colours)."""
    b = _pattern_brush(gdiobj.table(m).get(hbm, Bitmap))
    if b is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return _new(m, b)


@stdcall("gdi32")
def CreateBrushIndirect(m: Machine, plbrush: PTR) -> HANDLE:
    """A brush from a LOGBRUSH (solid, hollow, hatched, pattern or DIB pattern)."""
    if not plbrush:
        return 0
    style, color, hatch = m.mem.unpack("<IIi", plbrush)
    b = _brush_from_logbrush(m, style, color, hatch)
    if b is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return _new(m, b)


@stdcall("gdi32")
def CreateDIBPatternBrushPt(m: Machine, lpPackedDIB: PTR, iUsage: UINT) -> HANDLE:
    """A brush tiling a packed DIB (BITMAPINFO followed by the bits)."""
    b = _dib_pattern_brush(m, lpPackedDIB, iUsage)
    if b is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return _new(m, b)


@stdcall("gdi32")
def CreateDIBPatternBrush(m: Machine, h: HANDLE, iUsage: UINT) -> HANDLE:
    """A brush tiling the packed DIB held in a global memory handle."""
    return CreateDIBPatternBrushPt(m, h, iUsage)
