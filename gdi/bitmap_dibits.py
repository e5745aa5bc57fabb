"""gdi32 bitmap creation and DIB transfers: CreateBitmap/CreateDIBSection/CreateDIBitmap, Set/GetDIBits,
SetDIBitsToDevice/StretchDIBits, Get/SetBitmapBits, bitmap dimensions, DIB section colour tables.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, PTR, UINT, stdcall

from . import gdiobj, palette
from .dc import DC, get_dc, mono_stock_bitmap
from .gdiobj import Bitmap
from .bitmap_dib import (
    BI_BITFIELDS, BI_RGB, BI_RLE4, BI_RLE8, CBM_INIT, DIB_PAL_COLORS, DIB_RGB_COLORS, DibInfo, DibSection,
    ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED, Fmt, M555, M565, STD32, WHITE, _get_bitmap,
    _put_pixels, _rgb_px, _round_bpp, bitmap_pixels, ddb_fmt, ddb_stride, decode_dib, decode_rows, dib_stride,
    dib_to_topdown, encode_rows, is_mono_ddb, make_dib_section, new_bitmap, read_bmi, screen_bpp,
)
from .bitmap_blit import BlitSource, _dc, blit, rop_uses

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- creating bitmaps -------------------------------------------------------------------------------
def _bits_to_ddb(m: "Machine", bm: Bitmap, data: bytes) -> None:
    """Fill a DDB from rows of its own bits format (WORD-aligned rows, top row first)."""
    st = ddb_stride(bm.width, bm.bpp)
    n = min(bm.height, len(data) // st) if st else 0
    if n <= 0:
        return
    raw = np.frombuffer(data, np.uint8, count=n * st).reshape(n, st)
    _put_pixels(bm, 0, decode_rows(raw, bm.width, ddb_fmt(m, bm.bpp)))


@stdcall("gdi32")
def CreateBitmap(m: "Machine", nWidth: INT, nHeight: INT, nPlanes: UINT, nBitCount: UINT, lpBits: PTR) -> HANDLE:
    """A device-dependent bitmap of the given depth (1 = monochrome), optionally initialised from WORD-aligned
    rows; a zero size gives the stock 1x1 monochrome bitmap."""
    if nWidth == 0 or nHeight == 0:
        return mono_stock_bitmap(m).handle
    bpp = _round_bpp(nPlanes * nBitCount) if nPlanes else 0
    if nWidth < 0 or nHeight < 0 or bpp == 0 or nPlanes != 1:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    bm = new_bitmap(m, nWidth, nHeight, bpp)
    if bm is None:
        return 0
    if lpBits:
        _bits_to_ddb(m, bm, m.mem.read(lpBits, ddb_stride(nWidth, bpp) * nHeight))
    return bm.handle


@stdcall("gdi32")
def CreateBitmapIndirect(m: "Machine", pbm: PTR) -> HANDLE:
    """CreateBitmap from a BITMAP structure."""
    if not pbm:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _t, w, h, _wb, planes, bpp, bits = m.mem.unpack("<iiiiHHI", pbm)
    return CreateBitmap(m, w, h, planes, bpp, bits)


def compatible_bitmap(m: "Machine", dc: DC | None, w: int, h: int) -> Bitmap | None:
    """A bitmap in the format of ``dc``'s device: the screen's depth, or the format of the bitmap selected
    into a memory DC (monochrome for a fresh memory DC, a DIB section like a selected DIB section)."""
    if w == 0 or h == 0:
        return mono_stock_bitmap(m)
    if w < 0 or h < 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    if dc is not None and dc.kind == gdiobj.OBJ_MEMDC and dc.bitmap is not None:
        cur = dc.bitmap
        if isinstance(cur, DibSection):
            info = DibInfo(w, h if cur.bottom_up else -h, cur.bpp, cur.compression, 0, cur.clr_used, 40,
                           list(cur.colors), cur.masks, 0)
            return make_dib_section(m, info)
        return new_bitmap(m, w, h, cur.bpp)
    return new_bitmap(m, w, h, screen_bpp(m))


@stdcall("gdi32")
def CreateCompatibleBitmap(m: "Machine", hdc: HANDLE, cx: INT, cy: INT) -> HANDLE:
    """A bitmap compatible with the DC's device (monochrome for a memory DC still holding its 1x1 bitmap)."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    bm = compatible_bitmap(m, dc, cx, cy)
    return bm.handle if bm is not None else 0


@stdcall("gdi32")
def CreateDiscardableBitmap(m: "Machine", hdc: HANDLE, cx: INT, cy: INT) -> HANDLE:
    """Same as CreateCompatibleBitmap (bitmaps are never discarded)."""
    return CreateCompatibleBitmap(m, hdc, cx, cy)


def _read_header_size(m: "Machine", pbmih: int) -> tuple[int, int, int] | None:
    """(width, height, bpp) of a BITMAPINFOHEADER or BITMAPCOREHEADER."""
    hs = m.mem.u32(pbmih)
    if hs == 12:
        _s, w, h, _p, bpp = m.mem.unpack("<IHHHH", pbmih)
        return w, h, bpp
    if hs >= 40:
        _s, w, h, _p, bpp = m.mem.unpack("<IiiHH", pbmih)
        return w, h, bpp
    return None


def set_dib_rows(m: "Machine", dc: DC | None, bm: Bitmap, start: int, lines: int, bits: int, pbmi: int,
                 usage: int) -> int:
    """SetDIBits: store scan lines [start, start+lines) of a DIB into ``bm`` (the DIB's top-left on the
    bitmap's top-left); returns the number of scan lines set."""
    info = read_bmi(m, pbmi, usage, dc)
    if info is None or not bits:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    big_h = info.abs_h
    if info.compression in (BI_RLE8, BI_RLE4):
        px = dib_to_topdown(info, m.mem.read(bits, info.size_image))
        _put_pixels(bm, 0, px)
        return big_h
    if start >= big_h:
        return 0
    n = min(lines, big_h - start)
    if n <= 0:
        return 0
    band = decode_dib(info, m.mem.read(bits, n * info.stride), n)
    if info.top_down:
        _put_pixels(bm, start, band)
    else:
        _put_pixels(bm, big_h - start - n, band[::-1])
    return n


@stdcall("gdi32")
def SetDIBits(m: "Machine", hdc: HANDLE, hbm: HANDLE, start: UINT, cLines: UINT, lpBits: PTR, lpbmi: PTR,
              ColorUse: UINT) -> INT:
    """Set pixels of a bitmap from DIB scan lines; returns the number of scan lines set."""
    bm = _get_bitmap(m, hbm)
    if bm is None or bm.surface is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    return set_dib_rows(m, get_dc(m, hdc), bm, start, cLines, lpBits, lpbmi, ColorUse)


@stdcall("gdi32")
def CreateDIBitmap(m: "Machine", hdc: HANDLE, pbmih: PTR, flInit: DWORD, pjBits: PTR, pbmi: PTR,
                   iUsage: UINT) -> HANDLE:
    """A device-dependent bitmap compatible with ``hdc`` (monochrome without one) of the header's size,
    initialised from the DIB with CBM_INIT."""
    if not pbmih:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    dims = _read_header_size(m, pbmih)
    if dims is None or dims[0] <= 0 or dims[1] == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    w, h = dims[0], abs(dims[1])
    dc = get_dc(m, hdc) if hdc else None
    if hdc and dc is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    bm = compatible_bitmap(m, dc, w, h) if dc is not None else new_bitmap(m, w, h, 1)
    if bm is None:
        return 0
    if flInit & CBM_INIT and pjBits and pbmi:
        set_dib_rows(m, dc, bm, 0, h, pjBits, pbmi, iUsage)
    return bm.handle


@stdcall("gdi32")
def CreateDIBSection(m: "Machine", hdc: HANDLE, pbmi: PTR, usage: UINT, ppvBits: PTR, hSection: HANDLE,
                     offset: DWORD) -> HANDLE:
    """A bitmap whose pixels the program reads and writes directly (1/4/8/16/24/32 bpp, BI_RGB or
    BI_BITFIELDS, bottom-up or top-down); the bits pointer goes to ``*ppvBits``."""
    if ppvBits:
        m.mem.w32(ppvBits, 0)
    dc = get_dc(m, hdc) if hdc else None
    info = read_bmi(m, pbmi, usage, dc)
    if info is None or info.compression not in (BI_RGB, BI_BITFIELDS) or usage not in (DIB_RGB_COLORS,
                                                                                         DIB_PAL_COLORS):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if hSection:
        # No CreateFileMapping exists in exeplay, so no section handle can be valid; sections would need the
        # bits placed inside the mapping's view.
        m.set_last_error(ERROR_NOT_SUPPORTED if m.handles.get(hSection) is not None else ERROR_INVALID_HANDLE)
        if m.trace_on:
            m.log(f"CreateDIBSection: file-mapping sections (hSection=0x{hSection:x}) are not supported")
        return 0
    bm = make_dib_section(m, info)
    if bm is None:
        return 0
    if ppvBits:
        m.mem.w32(ppvBits, bm.bits)
    return bm.handle


# ---- reading bitmaps as DIBs --------------------------------------------------------------------------
def synth_colors(m: "Machine", bm: Bitmap, bpp: int) -> list[int]:
    """The colour table GetDIBits reports for ``bm`` read at depth ``bpp`` (<= 8): the section's own table at
    its own depth, else black/white, the VGA colours, or a 256-colour mix holding the static colours."""
    if isinstance(bm, DibSection) and bm.bpp == bpp and bm.colors:
        return list(bm.colors)
    if bpp == 1:
        return [0, WHITE]
    if bpp == 4:
        return _rgb_px(palette.vga16())  # type: ignore[arg-type]
    if bm.bpp == 8 and not isinstance(bm, DibSection):
        return _rgb_px(palette.system_palette(m).entries)  # type: ignore[arg-type]
    return _rgb_px(palette.halftone256())  # type: ignore[arg-type]


def _write_color_table(m: "Machine", lpbmi: int, hs: int, colors: list[int], bpp: int, usage: int) -> None:
    n = 1 << bpp
    cols = (colors + [0] * n)[:n]
    base = lpbmi + hs
    if usage == DIB_PAL_COLORS:
        m.mem.write(base, struct.pack(f"<{n}H", *range(n)))
    elif hs == 12:
        m.mem.write(base, bytes(v for c in cols for v in (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF)))
    else:
        m.mem.write(base, bytes(v for c in cols for v in (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, 0)))


@stdcall("gdi32")
def GetDIBits(m: "Machine", hdc: HANDLE, hbm: HANDLE, start: UINT, cLines: UINT, lpvBits: PTR, lpbmi: PTR,
              usage: UINT) -> INT:
    """Copy a bitmap's scan lines out as a DIB of the requested format; with ``lpvBits`` NULL fill in the
    BITMAPINFO (header only when biBitCount is 0; else the image size and colour table or bit fields)."""
    dc = get_dc(m, hdc) if hdc else None
    if dc is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    bm = _get_bitmap(m, hbm)
    if bm is None or bm.surface is None or not lpbmi or usage not in (DIB_RGB_COLORS, DIB_PAL_COLORS):
        return 0
    hs = m.mem.u32(lpbmi)
    if hs != 12 and hs < 40:
        return 0
    core = hs == 12
    if core:
        _s, w, h, _p, bpp = m.mem.unpack("<IHHHH", lpbmi)
        comp = BI_RGB
    else:
        _s, w, h, _p, bpp, comp = m.mem.unpack("<IiiHHI", lpbmi)
    if bpp == 0:
        if lpvBits:
            return 0
        b = bm.bpp
        st = dib_stride(bm.width, b)
        if core:
            m.mem.pack("<IHHHH", lpbmi, 12, bm.width, bm.height, 1, b)
            return 1
        is_fields = b in (16, 32) and (not isinstance(bm, DibSection) or bm.compression == BI_BITFIELDS)
        ncol = (1 << b) if b <= 8 else 0
        m.mem.pack("<IiiHHIIiiII", lpbmi, hs, bm.width, bm.height, 1, b, BI_BITFIELDS if is_fields else BI_RGB,
                   st * bm.height, 0, 0, ncol, ncol)
        return 1
    if bpp not in (1, 4, 8, 16, 24, 32) or comp not in (BI_RGB, BI_BITFIELDS) or w <= 0 or h == 0:
        return 0
    if comp == BI_BITFIELDS and bpp not in (16, 32):
        return 0
    abs_h = abs(h)
    stride = dib_stride(w, bpp)
    colors: list[int] = []
    masks = STD32
    if bpp <= 8:
        if usage == DIB_PAL_COLORS:
            colors = _rgb_px(dc.palette.entries)[:1 << bpp]  # type: ignore[arg-type]
        else:
            colors = synth_colors(m, bm, bpp)
        _write_color_table(m, lpbmi, hs, colors, bpp, usage)
    elif bpp == 16:
        if comp == BI_BITFIELDS:
            masks = bm.masks if isinstance(bm, DibSection) and bm.bpp == 16 else M565
        else:
            masks = M555
    if comp == BI_BITFIELDS:
        m.mem.pack("<III", lpbmi + (40 if hs >= 52 else hs), *masks)
    if not core:
        m.mem.pack("<HHII", lpbmi + 12, 1, bpp, comp, stride * abs_h)
    if not lpvBits:
        return 1
    if start >= abs_h:
        return 0
    n = min(cLines, abs_h - start)
    if n <= 0:
        return 0
    ks = np.arange(start, start + n)
    rows = ks if h < 0 else abs_h - 1 - ks
    fmt = Fmt(bpp, colors, masks)
    if (isinstance(bm, DibSection) and bm.bpp == bpp and w == bm.width and usage == DIB_RGB_COLORS
            and (bpp > 8 or bm.colors == colors) and (bpp not in (16, 32) or bm.masks == masks)
            and bool(rows.max() < bm.height)):
        # same format: copy the section's bits (keeps indices and unused bits as they are)
        buf = np.frombuffer(m.mem.view(bm.bits, bm.stride * bm.height), np.uint8).reshape(bm.height, bm.stride)
        mem_rows = (bm.height - 1 - rows) if bm.bottom_up else rows
        m.mem.write(lpvBits, np.ascontiguousarray(buf[mem_rows]).tobytes())
        return n
    src = bitmap_pixels(bm)
    out = np.zeros((n, w), np.uint32)
    ok = rows < bm.height
    cw = min(w, bm.width)
    out[ok, :cw] = src[rows[ok], :cw]
    if is_mono_ddb(bm) or bpp <= 8 or bm.bpp != 32:
        out &= np.uint32(0xFFFFFF)
    m.mem.write(lpvBits, encode_rows(out, fmt, stride).tobytes())
    return n


@stdcall("gdi32")
def SetDIBitsToDevice(m: "Machine", hdc: HANDLE, xDest: INT, yDest: INT, w: DWORD, h: DWORD, xSrc: INT, ySrc: INT,
                      StartScan: UINT, cLines: UINT, lpvBits: PTR, lpbmi: PTR, ColorUse: UINT) -> INT:
    """Copy a rectangle of a DIB (given as the band of scan lines [StartScan, StartScan+cLines)) to a DC
    unscaled; (xSrc, ySrc) is measured from the DIB's lower-left corner for bottom-up DIBs."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    info = read_bmi(m, lpbmi, ColorUse, dc)
    if info is None or not lpvBits:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    big_h = info.abs_h
    w, h = int(np.int32(np.uint32(w))), int(np.int32(np.uint32(h)))
    if info.compression in (BI_RLE8, BI_RLE4):
        band_td = dib_to_topdown(info, m.mem.read(lpvBits, info.size_image))
        n, top = big_h, 0
    else:
        n = max(0, min(cLines, big_h - StartScan))
        if n == 0:
            return 0
        band = decode_dib(info, m.mem.read(lpvBits, n * info.stride), n)
        if info.top_down:
            band_td, top = band, StartScan
        else:
            band_td, top = np.ascontiguousarray(band[::-1]), big_h - StartScan - n
    sy_td = ySrc if info.top_down else big_h - ySrc - h
    r0, r1 = max(sy_td, top), min(sy_td + h, top + n)
    if r1 <= r0 or w <= 0:
        return n
    dx, dy = dc.lp(xDest, yDest)
    blit(dc, dx, dy + (r0 - sy_td), w, r1 - r0, BlitSource(band_td, dib=True), xSrc, r0 - top, w, r1 - r0, 0xCC)
    return n


@stdcall("gdi32")
def StretchDIBits(m: "Machine", hdc: HANDLE, xDest: INT, yDest: INT, DestWidth: INT, DestHeight: INT, xSrc: INT,
                  ySrc: INT, SrcWidth: INT, SrcHeight: INT, lpBits: PTR, lpbmi: PTR, iUsage: UINT,
                  rop: DWORD) -> INT:
    """Draw a rectangle of a DIB scaled into a destination rectangle through a raster operation; (xSrc, ySrc)
    is measured from the lower-left corner of bottom-up DIBs; returns the number of scan lines."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    code = (rop >> 16) & 0xFF
    dx0, dy0 = dc.lp(xDest, yDest)
    dx1, dy1 = dc.lp(xDest + DestWidth, yDest + DestHeight)
    src = None
    sy = ySrc
    if rop_uses(code)[1]:
        info = read_bmi(m, lpbmi, iUsage, dc)
        if info is None or not lpBits:
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        px = dib_to_topdown(info, m.mem.read(lpBits, info.bits_size()))
        src = BlitSource(px, dib=True)
        if not info.top_down:
            sy = info.abs_h - ySrc - SrcHeight if SrcHeight >= 0 else info.abs_h - ySrc - SrcHeight - 2
    if not blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, xSrc, sy, SrcWidth, SrcHeight, code):
        return 0
    return abs(SrcHeight) or 1


@stdcall("gdi32")
def GetBitmapBits(m: "Machine", hbit: HANDLE, cb: INT, lpvBits: PTR) -> INT:
    """Copy a bitmap's bits in its own format (WORD-aligned rows for DDBs, the section's rows for DIB
    sections); with a NULL buffer, the size needed."""
    bm = _get_bitmap(m, hbit)
    if bm is None or bm.surface is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if isinstance(bm, DibSection):
        total = bm.stride * bm.height
        if not lpvBits:
            return total
        n = max(0, min(cb, total))
        m.mem.write(lpvBits, m.mem.read(bm.bits, n))
        return n
    st = ddb_stride(bm.width, bm.bpp)
    total = st * bm.height
    if not lpvBits:
        return total
    n = max(0, min(cb, total))
    nrows = min(bm.height, (n + st - 1) // st)
    px = bitmap_pixels(bm)[:nrows] & np.uint32(0xFFFFFF if bm.bpp != 32 else 0xFFFFFFFF)
    data = encode_rows(px, ddb_fmt(m, bm.bpp), st).tobytes()[:n]
    m.mem.write(lpvBits, data)
    return n


@stdcall("gdi32")
def SetBitmapBits(m: "Machine", hbm: HANDLE, cb: DWORD, pvBits: PTR) -> INT:
    """Set a bitmap's bits from its own format (see GetBitmapBits); returns the number of bytes used."""
    bm = _get_bitmap(m, hbm)
    if bm is None or bm.surface is None or not pvBits:
        m.set_last_error(ERROR_INVALID_HANDLE if bm is None else ERROR_INVALID_PARAMETER)
        return 0
    if isinstance(bm, DibSection):
        n = min(cb, bm.stride * bm.height)
        m.mem.write(bm.bits, m.mem.read(pvBits, n))
        bm.surface.pull()
        bm.surface.version += 1
        return n
    st = ddb_stride(bm.width, bm.bpp)
    n = min(cb, st * bm.height)
    _bits_to_ddb(m, bm, m.mem.read(pvBits, n))
    return n


def _dims(m: "Machine") -> dict[int, tuple[int, int]]:
    return m.state.setdefault("gdi_bmdim", {})


@stdcall("gdi32")
def GetBitmapDimensionEx(m: "Machine", hbit: HANDLE, lpsize: PTR) -> BOOL:
    """The dimension set by SetBitmapDimensionEx (0.1 mm units; 0,0 by default)."""
    if _get_bitmap(m, hbit) is None or not lpsize:
        return 0
    m.mem.pack("<ii", lpsize, *_dims(m).get(hbit, (0, 0)))
    return 1


@stdcall("gdi32")
def SetBitmapDimensionEx(m: "Machine", hbm: HANDLE, w: INT, h: INT, lpsz: PTR) -> BOOL:
    """Record a bitmap's physical size (0.1 mm units); the previous one goes to ``lpsz``."""
    if _get_bitmap(m, hbm) is None:
        return 0
    if lpsz:
        m.mem.pack("<ii", lpsz, *_dims(m).get(hbm, (0, 0)))
    _dims(m)[hbm] = (w, h)
    return 1


def _dc_section(m: "Machine", hdc: int) -> DibSection | None:
    dc = _dc(m, hdc)
    if dc is None:
        return None
    bm = dc.bitmap if dc.kind == gdiobj.OBJ_MEMDC else None
    return bm if isinstance(bm, DibSection) and bm.bpp <= 8 else None


@stdcall("gdi32")
def GetDIBColorTable(m: "Machine", hdc: HANDLE, iStart: UINT, cEntries: UINT, prgbq: PTR) -> UINT:
    """Copy RGBQUADs from the colour table of the DIB section selected into a memory DC."""
    bm = _dc_section(m, hdc)
    if bm is None or iStart >= len(bm.colors) or not prgbq:
        return 0
    cols = bm.colors[iStart:iStart + cEntries]
    m.mem.write(prgbq, bytes(v for c in cols for v in (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, 0)))
    return len(cols)


@stdcall("gdi32")
def SetDIBColorTable(m: "Machine", hdc: HANDLE, iStart: UINT, cEntries: UINT, prgbq: PTR) -> UINT:
    """Replace RGBQUADs in the colour table of the DIB section selected into a memory DC."""
    bm = _dc_section(m, hdc)
    if bm is None or not prgbq:
        return 0
    size = 1 << bm.bpp
    if iStart >= size:
        return 0
    n = min(cEntries, size - iStart)
    raw = m.mem.read(prgbq, 4 * n)
    cols = (list(bm.colors) + [0] * size)[:max(len(bm.colors), iStart + n)]
    for k in range(n):
        cols[iStart + k] = (raw[4 * k + 2] << 16) | (raw[4 * k + 1] << 8) | raw[4 * k]
    bm.colors = cols
    assert bm.surface is not None
    bm.surface.pull()
    bm.surface.version += 1
    return n
