"""gdi32 blits: the ROP3 engine, BitBlt/StretchBlt/PatBlt/MaskBlt, msimg32 TransparentBlt/AlphaBlend.

Blits (``BitBlt``, ``StretchBlt``, ``PatBlt``, ``MaskBlt``, ``StretchDIBits``, ``SetDIBitsToDevice``) run
through one engine: map the source rectangle onto the destination (nearest pixel, mirroring when extents
have opposite signs), clip the destination through the DC, convert between monochrome and colour the way
Windows does, then evaluate the ROP3 code as a boolean function of pattern, source and destination bits.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, UINT, stdcall

from . import gdiobj
from .dc import DC, get_dc
from .surface import colorref_to_px
from .bitmap_dib import (
    ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, WHITE, _get_bitmap, _mono_scalar, _white, bitmap_pixels,
    is_mono_ddb,
)

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- raster operations ------------------------------------------------------------------------------
_ONES = np.uint32(0xFFFFFFFF)
_ZERO = np.uint32(0)


def rop_uses(code: int) -> tuple[bool, bool, bool]:
    """Whether ROP3 ``code`` depends on the pattern, the source and the destination."""
    return (((code >> 4) ^ code) & 0x0F != 0, ((code >> 2) ^ code) & 0x33 != 0, ((code >> 1) ^ code) & 0x55 != 0)


_FAST: dict[int, Callable[[Any, Any, Any], Any]] = {
    0x00: lambda p, s, d: _ZERO,                    # BLACKNESS
    0xFF: lambda p, s, d: _ONES,                    # WHITENESS
    0xCC: lambda p, s, d: s,                        # SRCCOPY
    0x33: lambda p, s, d: ~s,                       # NOTSRCCOPY
    0xEE: lambda p, s, d: s | d,                    # SRCPAINT
    0x88: lambda p, s, d: s & d,                    # SRCAND
    0x66: lambda p, s, d: s ^ d,                    # SRCINVERT
    0x44: lambda p, s, d: s & ~d,                   # SRCERASE
    0x11: lambda p, s, d: ~(s | d),                 # NOTSRCERASE
    0xBB: lambda p, s, d: ~s | d,                   # MERGEPAINT
    0xC0: lambda p, s, d: p & s,                    # MERGECOPY
    0xF0: lambda p, s, d: p,                        # PATCOPY
    0xFB: lambda p, s, d: p | ~s | d,               # PATPAINT
    0x5A: lambda p, s, d: p ^ d,                    # PATINVERT
    0x55: lambda p, s, d: ~d,                       # DSTINVERT
    0xAA: lambda p, s, d: d,                        # D (no-op)
    0x22: lambda p, s, d: ~s & d,                   # DSna (mask out)
    0xB8: lambda p, s, d: (s & d) | (~s & p),       # PSDPxax: where S, keep D, else P
    0xE2: lambda p, s, d: (s & p) | (~s & d),       # DSPDxax: where S, P, else keep D
    0x0A: lambda p, s, d: ~p & d,                   # DPna
    0xA0: lambda p, s, d: p & d,                    # DPa
    0xFA: lambda p, s, d: p | d,                    # DPo
}


def rop3(code: int, p: Any, s: Any, d: np.ndarray) -> Any:
    """Evaluate ROP3 ``code`` bitwise over uint32 pattern/source/destination (arrays or scalars).

    Bit i of the code is the result for the inputs P = i & 4, S = i & 2, D = i & 1; other codes than the
    common ones are evaluated as the sum of their minterms.
    """
    f = _FAST.get(code)
    if f is not None:
        return f(p, s, d)
    res: Any = _ZERO
    for i in range(8):
        if code >> i & 1:
            res = res | ((p if i & 4 else ~p) & (s if i & 2 else ~s) & (d if i & 1 else ~d))
    return res


@dataclass
class BlitSource:
    """Pixels a blit reads: a top-down array, how it converts to and from monochrome."""
    px: np.ndarray
    mono: bool = False  # a monochrome DDB: 0 pixels take the destination's text colour, 1 its background
    bk: int = WHITE  # the source DC's background colour (colour -> monochrome: equal pixels become 1)
    dib: bool = False  # DIB colours: colour -> monochrome by intensity


def dc_source(dc: DC) -> BlitSource | None:
    """The surface of a DC as a blit source."""
    s = dc.begin()
    if s is None:
        return None
    mono = dc.kind == gdiobj.OBJ_MEMDC and is_mono_ddb(dc.bitmap)
    return BlitSource(s.px, mono, dc.bk_px() & 0xFFFFFF)


def _norm(x: int, w: int) -> tuple[int, int, bool]:
    """A signed extent as (start, length, negative): a negative extent covers [x+w+1, x+1)."""
    if w < 0:
        return x + w + 1, -w, True
    return x, w, False


def _axis(n: int, k: int, mirror: bool) -> np.ndarray:
    """For each of ``n`` destination pixels the nearest of ``k`` source pixels."""
    if n == k:
        t = np.arange(n, dtype=np.int64)
    else:
        t = ((2 * np.arange(n, dtype=np.int64) + 1) * k) // (2 * n)
    return (k - 1 - t) if mirror else t


BLACKONWHITE, WHITEONBLACK, COLORONCOLOR, HALFTONE = 1, 2, 3, 4


def _resample(blk: np.ndarray, n: int, axis: int, mirror: bool, mode: int, mono: bool) -> np.ndarray:
    """Resize ``blk`` to ``n`` pixels along ``axis``. Shrinking combines the pixels of each group as the
    stretch mode says (BLACKONWHITE: AND, WHITEONBLACK: OR, HALFTONE: average); otherwise nearest pixel."""
    k = blk.shape[axis]
    if k > n and (mode in (BLACKONWHITE, WHITEONBLACK) or mode == HALFTONE and not mono):
        starts = (np.arange(n, dtype=np.int64) * k) // n
        if mode == BLACKONWHITE:
            out = np.bitwise_and.reduceat(blk, starts, axis=axis)
        elif mode == WHITEONBLACK:
            out = np.bitwise_or.reduceat(blk, starts, axis=axis)
        else:
            counts = np.diff(np.append(starts, k)).astype(np.uint32)
            shape = [1, 1]
            shape[axis] = n
            counts = counts.reshape(shape)
            out = np.zeros(np.add.reduceat(blk, starts, axis=axis).shape, np.uint32)
            for sh in (16, 8, 0):
                ch = ((blk >> np.uint32(sh)) & np.uint32(0xFF)).astype(np.uint32)
                out |= ((np.add.reduceat(ch, starts, axis=axis) + counts // 2) // counts) << np.uint32(sh)
        out = out.astype(np.uint32)
        return np.flip(out, axis=axis) if mirror else out
    return np.take(blk, _axis(n, k, mirror), axis=axis)


def _dest_mono(dc: DC) -> bool:
    return dc.kind == gdiobj.OBJ_MEMDC and is_mono_ddb(dc.bitmap)


def blit(dc: DC, dx: int, dy: int, dw: int, dh: int, src: BlitSource | None, sx: int, sy: int, sw: int, sh: int,
         code: int, mask: np.ndarray | None = None, back: int | None = None, mask_xy: tuple[int, int] = (0, 0),
         combine: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None) -> bool:
    """The blit engine. Destination rectangle in device units of ``dc`` (signed extents), source rectangle in
    source pixels (signed extents; opposite signs mirror), ROP3 ``code`` (``back`` where ``mask`` is 0), or
    ``combine(source, destination)`` instead of a ROP (TransparentBlt, AlphaBlend)."""
    x0, w, nx = _norm(dx, dw)
    y0, h, ny = _norm(dy, dh)
    if w <= 0 or h <= 0:
        return True
    codes = [code] if back is None else [code, back]
    use_p = combine is None and any(rop_uses(c)[0] for c in codes)
    use_s = combine is not None or any(rop_uses(c)[1] for c in codes)
    cols = rows = None
    cut_x = cut_y = 0
    if use_s:
        if src is None:
            return False
        sx0, sw_, nsx = _norm(sx, sw)
        sy0, sh_, nsy = _norm(sy, sh)
        if sw_ <= 0 or sh_ <= 0:
            return True
        sh_all, sw_all = src.px.shape
        mode = dc.stretch_mode
        if (mode in (BLACKONWHITE, WHITEONBLACK, HALFTONE) and (sw_ > w or sh_ > h) and sx0 >= 0 and sy0 >= 0
                and sx0 + sw_ <= sw_all and sy0 + sh_ <= sh_all):
            # shrinking with a combining stretch mode: resample the source rectangle to the destination size
            blk = src.px[sy0:sy0 + sh_, sx0:sx0 + sw_]
            blk = _resample(_resample(blk, w, 1, nx != nsx, mode, src.mono), h, 0, ny != nsy, mode, src.mono)
            src = BlitSource(blk, src.mono, src.bk, src.dib)
            sh_all, sw_all = h, w
            cols = np.arange(w, dtype=np.int64)
            rows = np.arange(h, dtype=np.int64)
        else:
            cols = _axis(w, sw_, nx != nsx) + sx0
            rows = _axis(h, sh_, ny != nsy) + sy0
        okc = np.flatnonzero((cols >= 0) & (cols < sw_all))
        okr = np.flatnonzero((rows >= 0) & (rows < sh_all))
        if not len(okc) or not len(okr):
            return True
        cut_x, cut_y = int(okc[0]), int(okr[0])
        cols = cols[cut_x:int(okc[-1]) + 1]
        rows = rows[cut_y:int(okr[-1]) + 1]
        x0, y0, w, h = x0 + cut_x, y0 + cut_y, len(cols), len(rows)
    surf = dc.begin()
    if surf is None:
        return False
    clips = dc.device_rect_clips((x0, y0, x0 + w, y0 + h))
    if not clips:
        return True
    ox, oy = dc.dev_org
    bx0, by0 = min(c[0] for c in clips), min(c[1] for c in clips)
    bx1, by1 = max(c[2] for c in clips), max(c[3] for c in clips)
    i0, i1 = bx0 - ox - x0, bx1 - ox - x0
    j0, j1 = by0 - oy - y0, by1 - oy - y0
    dmono = _dest_mono(dc)
    pat: Any = _ZERO
    pkeep = None
    if use_p:
        from . import draw  # noqa: PLC0415
        bsrc = draw.brush_src(dc, dc.brush)
        if bsrc is None:
            return True  # a hollow brush paints nothing
        if isinstance(bsrc, (int, np.integer)):
            pat = np.uint32(_mono_scalar(int(bsrc)) if dmono else int(bsrc))
        else:
            pat, pkeep = bsrc.block(bx0, by0, bx1, by1)
            if dmono:
                pat = np.where(_white(pat), np.uint32(WHITE), _ZERO)
    s_blk: Any = _ZERO
    if use_s:
        assert src is not None and cols is not None and rows is not None
        sc, sr = cols[i0:i1], rows[j0:j1]
        if (sc[-1] - sc[0] == len(sc) - 1 and sr[-1] - sr[0] == len(sr) - 1
                and (len(sc) < 2 or sc[1] > sc[0]) and (len(sr) < 2 or sr[1] > sr[0])):
            s_blk = src.px[sr[0]:sr[-1] + 1, sc[0]:sc[-1] + 1].copy()
        else:
            s_blk = src.px[np.ix_(sr, sc)]
        if src.mono and not dmono:
            s_blk = np.where(s_blk & np.uint32(0xFFFFFF), np.uint32(dc.bk_px()), np.uint32(dc.text_px()))
        elif dmono and not src.mono:
            if src.dib:
                s_blk = np.where(_white(s_blk), np.uint32(WHITE), _ZERO)
            else:
                s_blk = np.where((s_blk & np.uint32(0xFFFFFF)) == np.uint32(src.bk), np.uint32(WHITE), _ZERO)
    m_blk = None
    if mask is not None:
        mh, mw = mask.shape
        mc = np.arange(i0, i1) + cut_x + mask_xy[0]
        mr = np.arange(j0, j1) + cut_y + mask_xy[1]
        okc = (mc >= 0) & (mc < mw)
        okr = (mr >= 0) & (mr < mh)
        m_blk = (mask[np.ix_(np.clip(mr, 0, max(mh - 1, 0)), np.clip(mc, 0, max(mw - 1, 0)))]
                 & okr[:, None] & okc[None, :])
    bm = dc.bitmap if dc.kind == gdiobj.OBJ_MEMDC else None
    keep = np.uint32(0xFFFFFFFF if (use_s and bm is not None and bm.bpp == 32) else 0xFFFFFF)
    for cx0, cy0, cx1, cy1 in clips:
        a, b = cx0 - bx0, cx1 - bx0
        c, d = cy0 - by0, cy1 - by0
        dst = surf.px[cy0:cy1, cx0:cx1]
        ps = pat[c:d, a:b] if isinstance(pat, np.ndarray) else pat
        ss = s_blk[c:d, a:b] if isinstance(s_blk, np.ndarray) else s_blk
        res = combine(ss, dst) if combine is not None else rop3(code, ps, ss, dst)
        if back is not None and m_blk is not None:
            res = np.where(m_blk[c:d, a:b], res, rop3(back, ps, ss, dst))
        if pkeep is not None:
            res = np.where(pkeep[c:d, a:b], res, dst)
        dst[...] = res & keep
    dc.end((bx0, by0, bx1, by1))
    return True


def _dc(m: "Machine", hdc: int) -> DC | None:
    d = get_dc(m, hdc)
    if d is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
    return d


def _src_rect(sdc: DC, x: int, y: int, w: int, h: int) -> tuple[int, int, int, int]:
    """Logical source rectangle to source-surface pixels (signed extents)."""
    sx0, sy0 = sdc.lp(x, y)
    sx1, sy1 = sdc.lp(x + w, y + h)
    ox, oy = sdc.dev_org
    return sx0 + ox, sy0 + oy, sx1 - sx0, sy1 - sy0


def _stretch_blt(m: "Machine", hdc: int, x: int, y: int, w: int, h: int, hdc_src: int, xs: int, ys: int,
                 ws: int, hs: int, rop: int) -> int:
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    code = (rop >> 16) & 0xFF
    dx0, dy0 = dc.lp(x, y)
    dx1, dy1 = dc.lp(x + w, y + h)
    src = None
    sr = (0, 0, 0, 0)
    if rop_uses(code)[1]:
        sdc = _dc(m, hdc_src)
        if sdc is None:
            return 0
        src = dc_source(sdc)
        if src is None:
            return 0
        sr = _src_rect(sdc, xs, ys, ws, hs)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, *sr, code))


@stdcall("gdi32")
def BitBlt(m: "Machine", hdc: HANDLE, x: INT, y: INT, cx: INT, cy: INT, hdcSrc: HANDLE, x1: INT, y1: INT,
           rop: DWORD) -> BOOL:
    """Combine a source rectangle, the brush and the destination with a raster operation."""
    return _stretch_blt(m, hdc, x, y, cx, cy, hdcSrc, x1, y1, cx, cy, rop)


@stdcall("gdi32")
def StretchBlt(m: "Machine", hdcDest: HANDLE, xDest: INT, yDest: INT, wDest: INT, hDest: INT, hdcSrc: HANDLE,
               xSrc: INT, ySrc: INT, wSrc: INT, hSrc: INT, rop: DWORD) -> BOOL:
    """BitBlt with scaling (nearest pixel) and mirroring when source and destination extents differ in sign."""
    return _stretch_blt(m, hdcDest, xDest, yDest, wDest, hDest, hdcSrc, xSrc, ySrc, wSrc, hSrc, rop)


@stdcall("gdi32")
def PatBlt(m: "Machine", hdc: HANDLE, x: INT, y: INT, w: INT, h: INT, rop: DWORD) -> BOOL:
    """Paint a rectangle with the brush and/or destination through a raster operation that uses no source."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    code = (rop >> 16) & 0xFF
    if rop_uses(code)[1]:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    dx0, dy0 = dc.lp(x, y)
    dx1, dy1 = dc.lp(x + w, y + h)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, None, 0, 0, 0, 0, code))


@stdcall("gdi32")
def MaskBlt(m: "Machine", hdcDest: HANDLE, xDest: INT, yDest: INT, width: INT, height: INT, hdcSrc: HANDLE,
            xSrc: INT, ySrc: INT, hbmMask: HANDLE, xMask: INT, yMask: INT, rop: DWORD) -> BOOL:
    """BitBlt with two ROP3 codes (MAKEROP4): the foreground one where the monochrome mask is 1, the
    background one where it is 0."""
    fore, back = (rop >> 16) & 0xFF, (rop >> 24) & 0xFF
    if not hbmMask:
        return _stretch_blt(m, hdcDest, xDest, yDest, width, height, hdcSrc, xSrc, ySrc, width, height, fore << 16)
    dc = _dc(m, hdcDest)
    if dc is None:
        return 0
    mbm = _get_bitmap(m, hbmMask)
    if mbm is None or mbm.bpp != 1 or mbm.surface is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    mask = (bitmap_pixels(mbm) & np.uint32(0xFFFFFF)) != 0
    dx0, dy0 = dc.lp(xDest, yDest)
    dx1, dy1 = dc.lp(xDest + width, yDest + height)
    src = None
    sr = (0, 0, 0, 0)
    if rop_uses(fore)[1] or rop_uses(back)[1]:
        sdc = _dc(m, hdcSrc)
        if sdc is None:
            return 0
        src = dc_source(sdc)
        if src is None:
            return 0
        sr = _src_rect(sdc, xSrc, ySrc, width, height)
    else:
        sr = (0, 0, dx1 - dx0, dy1 - dy0)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, *sr, fore, mask=mask, back=back,
                    mask_xy=(xMask, yMask)))


# ---- msimg32 -----------------------------------------------------------------------------------------
def _msimg_blit(m: "Machine", hdc: int, x: int, y: int, w: int, h: int, hdc_src: int, xs: int, ys: int, ws: int,
                hs: int, combine: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> int:
    dc = _dc(m, hdc)
    sdc = _dc(m, hdc_src) if dc is not None else None
    if dc is None or sdc is None:
        return 0
    if w < 0 or h < 0 or ws < 0 or hs < 0:  # no mirroring here
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    src = dc_source(sdc)
    if src is None:
        return 0
    sr = _src_rect(sdc, xs, ys, ws, hs)
    sh_all, sw_all = src.px.shape
    if sr[0] < 0 or sr[1] < 0 or sr[0] + sr[2] > sw_all or sr[1] + sr[3] > sh_all:
        m.set_last_error(ERROR_INVALID_PARAMETER)  # the source rectangle must lie inside the source
        return 0
    dx0, dy0 = dc.lp(x, y)
    dx1, dy1 = dc.lp(x + w, y + h)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, *sr, 0xCC, combine=combine))


@stdcall("msimg32")
def TransparentBlt(m: "Machine", hdcDest: HANDLE, xoriginDest: INT, yoriginDest: INT, wDest: INT, hDest: INT,
                   hdcSrc: HANDLE, xoriginSrc: INT, yoriginSrc: INT, wSrc: INT, hSrc: INT, crTransparent: UINT) -> BOOL:
    """Copy (and stretch) a source rectangle except the pixels of colour ``crTransparent``."""
    key = np.uint32(colorref_to_px(crTransparent & 0xFFFFFF))

    def combine(s: np.ndarray, d: np.ndarray) -> np.ndarray:
        return np.where((s & np.uint32(0xFFFFFF)) == key, d, s)
    return _msimg_blit(m, hdcDest, xoriginDest, yoriginDest, wDest, hDest, hdcSrc, xoriginSrc, yoriginSrc, wSrc,
                       hSrc, combine)


AC_SRC_ALPHA = 1


@stdcall("msimg32")
def AlphaBlend(m: "Machine", hdcDest: HANDLE, xoriginDest: INT, yoriginDest: INT, wDest: INT, hDest: INT,
               hdcSrc: HANDLE, xoriginSrc: INT, yoriginSrc: INT, wSrc: INT, hSrc: INT, ftn: DWORD) -> BOOL:
    """Blend a source rectangle over the destination: constant alpha ``SourceConstantAlpha``, and with
    AC_SRC_ALPHA the source's own premultiplied per-pixel alpha (dst = src*sca + dst*(1 - srcA*sca))."""
    op, _flags, sca, fmt = ftn & 0xFF, (ftn >> 8) & 0xFF, (ftn >> 16) & 0xFF, (ftn >> 24) & 0xFF
    if op != 0:  # AC_SRC_OVER is the only operation
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0

    def combine(s: np.ndarray, d: np.ndarray) -> np.ndarray:
        s = np.broadcast_to(s, d.shape).astype(np.uint32)
        d = d.astype(np.uint32)
        if fmt & AC_SRC_ALPHA:
            sa = (((s >> np.uint32(24)) & np.uint32(0xFF)) * np.uint32(sca) + np.uint32(127)) // np.uint32(255)
            inv = np.uint32(255) - sa
        else:
            inv = np.full(d.shape, 255 - sca, np.uint32)
        out = np.zeros(d.shape, np.uint32)
        for sh in (0, 8, 16, 24):
            cs = (s >> np.uint32(sh)) & np.uint32(0xFF)
            cd = (d >> np.uint32(sh)) & np.uint32(0xFF)
            v = (cs * np.uint32(sca) + cd * inv + np.uint32(127)) // np.uint32(255)
            out |= np.minimum(v, np.uint32(255)) << np.uint32(sh)
        return out
    return _msimg_blit(m, hdcDest, xoriginDest, yoriginDest, wDest, hDest, hdcSrc, xoriginSrc, yoriginSrc, wSrc,
                       hSrc, combine)
