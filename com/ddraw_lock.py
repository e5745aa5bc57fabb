"""IDirectDrawSurface::Lock/Unlock and GetDC/ReleaseDC: the program's direct access to surface memory.

Lock hands out the address of the pixels (the surface's own memory, or the program's for a client memory
surface) and the pitch. GetDC makes a GDI memory DC whose bitmap is a DIB section over the buffer (32-bit
XRGB: zero-copy; other depths: GDI's shadow/push mechanism). The DC stays with the buffer until the surface
is destroyed, so a program that keeps drawing with an HDC after ReleaseDC still draws on the surface.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import DWORD, PTR

from .ddraw_errors import (
    DD_OK, DDERR_CANTCREATEDC, DDERR_DCALREADYCREATED, DDERR_INVALIDPARAMS, DDERR_NODC, DDERR_NOTLOCKED,
    DDERR_SURFACEBUSY, DDERR_SURFACELOST,
)
from .ddraw_surface import DESC2_SIZE, DESC_SIZE, Rect, Surface, _full, _inside, _rect, _this
from .factory import Ref

if TYPE_CHECKING:
    from emu.machine import Machine


def Lock(m: "Machine", this: Ref, lpDestRect: PTR, lpDDSurfaceDesc: PTR, dwFlags: DWORD, hEvent: DWORD) -> DWORD:
    """IDirectDrawSurface::Lock: the address of the surface memory (or of a rectangle in it) and its pitch."""
    s = _this(this)
    if not lpDDSurfaceDesc:
        return DDERR_INVALIDPARAMS
    size = m.mem.u32(lpDDSurfaceDesc)
    if size not in (DESC_SIZE, DESC2_SIZE):
        return DDERR_INVALIDPARAMS
    if s.lost:
        return DDERR_SURFACELOST
    r = _rect(m, lpDestRect) if lpDestRect else _full(s)
    if not _inside(r, s):
        return DDERR_INVALIDPARAMS
    if s.busy():
        return DDERR_SURFACEBUSY
    s.locks.append(r)
    addr = s.buf.addr + r[1] * s.buf.pitch + r[0] * s.fmt.bytespp
    m.mem.write(lpDDSurfaceDesc, s.desc_bytes(size, addr))
    return DD_OK


def _unlock(m: "Machine", s: Surface, r: Rect | None) -> int:
    if not s.locks:
        return DDERR_NOTLOCKED
    if r is None:
        s.locks.pop()
    elif r in s.locks:
        s.locks.remove(r)
    else:
        return DDERR_NOTLOCKED
    s.touched(m)
    return DD_OK


def Unlock(m: "Machine", this: Ref, lpSurfaceData: PTR) -> DWORD:
    """IDirectDrawSurface::Unlock (versions 1-3: takes the locked pointer, which is not needed)."""
    return _unlock(m, _this(this), None)


def Unlock4(m: "Machine", this: Ref, lpRect: PTR) -> DWORD:
    """IDirectDrawSurface4/7::Unlock: unlock the rectangle given to Lock (NULL: the whole surface)."""
    return _unlock(m, _this(this), _rect(m, lpRect) if lpRect else None)



def _gdi_format(s: Surface) -> tuple[int, tuple[int, int, int], int] | None:
    """(bpp, masks, compression) of a DIB section over the surface, None if GDI cannot describe it."""
    from gdi import bitmap  # noqa: PLC0415
    f = s.fmt
    if f.palettized:
        return 8, bitmap.STD32, bitmap.BI_RGB
    masks = (f.r, f.g, f.b)
    if f.bpp == 24:
        return (24, bitmap.STD32, bitmap.BI_RGB) if masks == bitmap.STD32 else None
    return f.bpp, masks, bitmap.BI_BITFIELDS if masks != bitmap.STD32 or f.bpp == 16 else bitmap.BI_RGB


def _make_dc(m: "Machine", s: Surface) -> int | None:
    from gdi import bitmap, gdiobj  # noqa: PLC0415
    from gdi import dc as gdc  # noqa: PLC0415
    buf = s.buf
    gf = _gdi_format(s)
    if gf is None:
        return None
    bpp, masks, comp = gf
    colors = [int(v) for v in s.palette_lut(m)] if bpp == 8 else []
    if buf.dc is not None:
        if bpp == 8:
            buf.dc[1].colors = colors
        return int(buf.dc[0])
    bm = bitmap.DibSection(width=s.width, height=s.height, bpp=bpp, bits=buf.addr, stride=buf.pitch, colors=colors,
                           bottom_up=False, masks=masks, compression=comp, region=None, header_height=-s.height)
    bm.surface = bitmap._section_surface(m, bm)  # noqa: SLF001 - the DIB section machinery over our memory
    gdiobj.table(m).add(bm)
    dc = gdc.new_memory_dc(m)
    gdc.select_bitmap(dc, bm)
    buf.dc = (dc.handle, bm)
    return int(dc.handle)


def GetDC(m: "Machine", this: Ref, lphDC: PTR) -> DWORD:
    """IDirectDrawSurface::GetDC: a GDI device context drawing on the surface (locks it until ReleaseDC)."""
    s = _this(this)
    if not lphDC:
        return DDERR_INVALIDPARAMS
    if s.lost:
        return DDERR_SURFACELOST
    if s.dc_out:
        return DDERR_DCALREADYCREATED
    if s.locks:
        return DDERR_SURFACEBUSY
    h = _make_dc(m, s)
    if h is None:
        return DDERR_CANTCREATEDC
    s.dc_out = True
    m.mem.w32(lphDC, h)
    return DD_OK


def ReleaseDC(m: "Machine", this: Ref, hDC: DWORD) -> DWORD:
    """IDirectDrawSurface::ReleaseDC: GDI is done with the surface.

    Like Windows, it releases the surface's DC whatever handle is passed: win003.exe calls it with a
    missing argument and carries on only because it succeeds."""
    s = _this(this)
    if not s.dc_out or s.buf.dc is None:
        return DDERR_NODC
    s.dc_out = False
    bm = s.buf.dc[1]
    if bm.surface is not None:
        bm.surface.pull()  # nothing pending in the shadow: the memory is what GDI drew
    s.touched(m)
    return DD_OK

