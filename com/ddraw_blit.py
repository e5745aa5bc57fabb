"""The DirectDraw blitter: IDirectDrawSurface::Blt, BltFast and BltBatch.

Blits work on raw pixel values: colour fills, copies with nearest-pixel stretching and mirroring, source and
destination colour keys (the key's low value, colour bits only), the SRCCOPY/BLACKNESS/WHITENESS ROPs and
conversion between RGB formats. A clipper attached to the destination clips Blt: to its clip list
(SetClipList; any number of rectangles), or, on a windowed primary, to the visible part of its window's
client area (SetHWnd); otherwise to the surface. Without a clipper a rectangle outside the surface fails.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import numpy as np

from emu.api import DWORD, PTR

from . import ddraw_clipper, pixfmt
from . import ddraw_display as disp
from .ddraw_errors import (
    DD_OK, DDERR_BLTFASTCANTCLIP, DDERR_INVALIDPARAMS, DDERR_INVALIDPIXELFORMAT, DDERR_INVALIDRECT,
    DDERR_NORASTEROPHW, DDERR_SURFACEBUSY, DDERR_SURFACELOST, DDERR_UNSUPPORTED,
)
from .ddraw_surface import (
    BLACKNESS, DDBLT_COLORFILL, DDBLT_DDFX, DDBLT_DEPTHFILL, DDBLT_KEYDEST, DDBLT_KEYDESTOVERRIDE, DDBLT_KEYSRC,
    DDBLT_KEYSRCOVERRIDE, DDBLT_ROP, DDBLTFAST_DESTCOLORKEY, DDBLTFAST_SRCCOLORKEY, DDBLTFX_MIRRORLEFTRIGHT,
    DDBLTFX_MIRRORUPDOWN, DDBLTFX_NOTEARING, DDCKEY_DESTBLT, DDCKEY_SRCBLT, SRCCOPY, WHITENESS, Rect, Surface, _full,
    _inside, _rect, _this,
)
from .factory import Ref, lookup_obj
from .pixfmt import PixelFormat

if TYPE_CHECKING:
    from emu.machine import Machine


def _key_where(vals: np.ndarray, fmt: PixelFormat, key: tuple[int, int]) -> np.ndarray:
    """True where raw ``vals`` match colour key ``key`` (its low value; the colour bits only)."""
    km = np.uint32(fmt.key_mask)
    return (vals & km) == np.uint32(key[0] & fmt.key_mask)


def _convert(vals: np.ndarray, src: Surface, dst: Surface, m: "Machine") -> np.ndarray | None:
    """Raw source values in the destination's format (None if one side is palettized and the other not)."""
    if src.fmt == dst.fmt or (src.fmt.bpp == dst.fmt.bpp and (src.fmt.r, src.fmt.g, src.fmt.b) ==
                              (dst.fmt.r, dst.fmt.g, dst.fmt.b)):
        return vals
    if src.fmt.palettized or dst.fmt.palettized:
        return None
    return pixfmt.from_rgb(pixfmt.to_rgb(vals, src.fmt), dst.fmt)


def _clip_area(drect: Rect, dst: Surface, rects: list[Rect] | None) -> tuple[Rect, np.ndarray | None] | None:
    """Where a clipped blit to ``drect`` writes: the bounding rectangle and, when the clip rectangles do not fill
    it, a mask of the pixels inside them (None: nothing to write)."""
    sx = (max(drect[0], 0), max(drect[1], 0), min(drect[2], dst.width), min(drect[3], dst.height))
    parts = [sx] if rects is None else [
        (max(sx[0], c[0]), max(sx[1], c[1]), min(sx[2], c[2]), min(sx[3], c[3])) for c in rects]
    parts = [r for r in parts if r[2] > r[0] and r[3] > r[1]]
    if not parts:
        return None
    out = (min(r[0] for r in parts), min(r[1] for r in parts), max(r[2] for r in parts), max(r[3] for r in parts))
    if len(parts) == 1:
        return out, None
    mask = np.zeros((out[3] - out[1], out[2] - out[0]), bool)
    for x0, y0, x1, y1 in parts:
        mask[y0 - out[1]:y1 - out[1], x0 - out[0]:x1 - out[0]] = True
    return out, None if mask.all() else mask


def blit(m: "Machine", dst: Surface, drect: Rect, src: Surface | None, srect: Rect | None, *, fill: int | None = None,
         src_key: tuple[int, int] | None = None, dst_key: tuple[int, int] | None = None, mirror_x: bool = False,
         mirror_y: bool = False, clip: bool = False, clip_rects: list[Rect] | None = None) -> int:
    """The blitter: copy (stretching, mirroring) or fill, with colour keys; DD_OK or an error code. ``clip``:
    clip to the surface (and to ``clip_rects``, destination rectangles) instead of failing outside it."""
    dx0, dy0, dx1, dy1 = drect
    dw, dh = dx1 - dx0, dy1 - dy0
    if not clip and (max(dx0, 0), max(dy0, 0), min(dx1, dst.width), min(dy1, dst.height)) != drect:
        return DDERR_INVALIDRECT
    area = _clip_area(drect, dst, clip_rects if clip else None)
    if area is None:
        return DD_OK
    out, where = area
    cx0, cy0, cx1, cy1 = out
    if src is None:
        vals: np.ndarray | int = fill if fill is not None else 0
    else:
        assert srect is not None
        sx0, sy0, sx1, sy1 = srect
        sw, sh = sx1 - sx0, sy1 - sy0
        block = src.buf.read(srect)
        xs = (np.arange(dw, dtype=np.int64) * sw) // dw
        ys = (np.arange(dh, dtype=np.int64) * sh) // dh
        if mirror_x:
            xs = xs[::-1]
        if mirror_y:
            ys = ys[::-1]
        xs = xs[cx0 - dx0:cx1 - dx0]
        ys = ys[cy0 - dy0:cy1 - dy0]
        if sw == dw and sh == dh and not mirror_x and not mirror_y:
            block = block[ys[0]:ys[-1] + 1, xs[0]:xs[-1] + 1]
        else:
            block = block[np.ix_(ys, xs)]
        if src_key is not None:
            keep = ~_key_where(block, src.fmt, src_key)
            where = keep if where is None else (where & keep)
        conv = _convert(block, src, dst, m)
        if conv is None:
            return DDERR_INVALIDPIXELFORMAT
        vals = conv
    if dst_key is not None:
        dk = _key_where(dst.buf.read(out), dst.fmt, dst_key)
        where = dk if where is None else (where & dk)
    dst.buf.write(out, vals, where)
    return DD_OK


# ---- methods ---------------------------------------------------------------------------------------------------
def Blt(m: "Machine", this: Ref, lpDestRect: PTR, lpDDSrcSurface: PTR, lpSrcRect: PTR, dwFlags: DWORD,
        lpDDBltFx: PTR) -> DWORD:
    """IDirectDrawSurface::Blt: copy (stretching, mirroring, colour keys) or colour-fill a rectangle."""
    dst = _this(this)
    fx = m.mem.read(lpDDBltFx, 100) if lpDDBltFx else None
    if fx is not None and struct.unpack_from("<I", fx)[0] != 100:
        return DDERR_INVALIDPARAMS
    needs_fx = DDBLT_COLORFILL | DDBLT_DDFX | DDBLT_KEYDESTOVERRIDE | DDBLT_KEYSRCOVERRIDE | DDBLT_ROP | \
        DDBLT_DEPTHFILL
    if dwFlags & needs_fx and fx is None:
        return DDERR_INVALIDPARAMS
    src = lookup_obj(m, lpDDSrcSurface, Surface) if lpDDSrcSurface else None
    if lpDDSrcSurface and src is None:
        return DDERR_INVALIDPARAMS
    if dst.lost or (src is not None and src.lost):
        return DDERR_SURFACELOST
    if dst.busy() or (src is not None and src is not dst and src.busy()):
        return DDERR_SURFACEBUSY
    drect = _rect(m, lpDestRect) if lpDestRect else _full(dst)
    if drect[2] <= drect[0] or drect[3] <= drect[1]:
        return DDERR_INVALIDRECT
    fill = None
    if dwFlags & DDBLT_DEPTHFILL:
        return DDERR_INVALIDPARAMS  # no z-buffers
    if dwFlags & DDBLT_COLORFILL:
        assert fx is not None
        fill = struct.unpack_from("<I", fx, 80)[0]
        src = None
    elif dwFlags & DDBLT_ROP:
        assert fx is not None
        rop = struct.unpack_from("<I", fx, 8)[0]
        if rop in (BLACKNESS, WHITENESS):
            fill = 0 if rop == BLACKNESS else 0xFFFFFFFF
            src = None
        elif rop != SRCCOPY:
            return DDERR_NORASTEROPHW
    if fill is None and src is None:
        return DDERR_INVALIDPARAMS
    srect = None
    if src is not None:
        srect = _rect(m, lpSrcRect) if lpSrcRect else _full(src)
        if not _inside(srect, src):
            return DDERR_INVALIDRECT
    src_key = dst_key = None
    if src is not None and dwFlags & DDBLT_KEYSRCOVERRIDE:
        assert fx is not None
        src_key = struct.unpack_from("<II", fx, 92)
    elif src is not None and dwFlags & DDBLT_KEYSRC:
        src_key = src.ckeys.get(DDCKEY_SRCBLT)
        if src_key is None:
            return DDERR_INVALIDPARAMS
    if dwFlags & DDBLT_KEYDESTOVERRIDE:
        assert fx is not None
        dst_key = struct.unpack_from("<II", fx, 84)
    elif dwFlags & DDBLT_KEYDEST:
        dst_key = dst.ckeys.get(DDCKEY_DESTBLT)
        if dst_key is None:
            return DDERR_INVALIDPARAMS
    ddfx = struct.unpack_from("<I", fx, 4)[0] if fx is not None and dwFlags & DDBLT_DDFX else 0
    dst.uniqueness += 1  # before writing: a presenter upload overlapping the write must see a change
    clipper = dst.clipper if dst.clipper is not None and dst.clipper.alive else None
    r = blit(m, dst, drect, src, srect, fill=fill, src_key=src_key, dst_key=dst_key,
             mirror_x=bool(ddfx & DDBLTFX_MIRRORLEFTRIGHT), mirror_y=bool(ddfx & DDBLTFX_MIRRORUPDOWN),
             clip=clipper is not None, clip_rects=ddraw_clipper.blt_rects(m, clipper, dst) if clipper else None)
    if r != DD_OK:
        return r
    dst.touched(m)
    if ddfx & DDBLTFX_NOTEARING and dst.front.visible(m):
        disp.wait_vblank(m, DD_OK)  # "schedule the blit to avoid tearing": it lands at the next refresh
    return DD_OK


def BltFast(m: "Machine", this: Ref, dwX: DWORD, dwY: DWORD, lpDDSrcSurface: PTR, lpSrcRect: PTR,
            dwTrans: DWORD) -> DWORD:
    """IDirectDrawSurface::BltFast: unstretched copy to (x, y), optionally with the source or dest colour key."""
    dst = _this(this)
    src = lookup_obj(m, lpDDSrcSurface, Surface)
    if src is None:
        return DDERR_INVALIDPARAMS
    if dst.clipper is not None:
        return DDERR_BLTFASTCANTCLIP
    if dst.lost or src.lost:
        return DDERR_SURFACELOST
    if dst.busy() or (src is not dst and src.busy()):
        return DDERR_SURFACEBUSY
    srect = _rect(m, lpSrcRect) if lpSrcRect else _full(src)
    if not _inside(srect, src):
        return DDERR_INVALIDRECT
    x, y = dwX, dwY
    drect = (x, y, x + srect[2] - srect[0], y + srect[3] - srect[1])
    if not _inside(drect, dst):
        return DDERR_INVALIDRECT
    src_key = dst_key = None
    if dwTrans & DDBLTFAST_SRCCOLORKEY:
        src_key = src.ckeys.get(DDCKEY_SRCBLT)
        if src_key is None:
            return DDERR_INVALIDPARAMS
    if dwTrans & DDBLTFAST_DESTCOLORKEY:
        dst_key = dst.ckeys.get(DDCKEY_DESTBLT)
        if dst_key is None:
            return DDERR_INVALIDPARAMS
    dst.uniqueness += 1  # before writing: a presenter upload overlapping the write must see a change
    r = blit(m, dst, drect, src, srect, src_key=src_key, dst_key=dst_key)
    if r == DD_OK:
        dst.touched(m)
    return r



def BltBatch(m: "Machine", this: Ref, lpDDBltBatch: PTR, dwCount: DWORD, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface::BltBatch: not implemented by DirectDraw itself ("not currently implemented", MSDN);
    it answers DDERR_UNSUPPORTED, and programs blit one Blt at a time."""
    return DDERR_UNSUPPORTED

