"""GDI drawing: pens, brushes, lines, shapes, pixels and flood fill; user32 FillRect/FrameRect/InvertRect,
DrawEdge, DrawFocusRect and DrawFrameControl.

Pixel rules follow Windows: rectangles and ellipses cover their box minus the right and bottom edge, lines
of cosmetic (1 pixel) pens exclude their last point, shapes are filled with the brush and outlined with
the pen, a null pen makes the filled shape one pixel smaller, and the binary raster operation (SetROP2)
combines pen and brush colours with the destination. Everything is computed in device coordinates (the
DC maps logical ones with ``lp()``), moved to surface coordinates by ``dev_org`` and clipped by
``dc.rects()``. Shapes are rasterised as numpy masks over their bounding box; lines as point arrays.

Internal helpers for other modules (device coordinates): ``fill_rect``, ``frame_rect``,
``fill_rect_brush``, ``draw_line``, ``draw_edge``, ``draw_focus_rect``, ``draw_frame_control``,
``fill_region``.
"""
from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, PTR, UINT, stdcall

from . import gdiobj, syscolor
from .dc import DC, get_dc
from .gdiobj import OBJ_EXTPEN, OBJ_MEMDC, Bitmap, Brush, Pen
from .region import Rect, Region, rect_intersect
from .surface import Surface, colorref_to_px, px_to_colorref

if TYPE_CHECKING:
    from emu.machine import Machine

CLR_INVALID = 0xFFFFFFFF
ERROR_INVALID_PARAMETER = 87

# binary raster operations (SetROP2)
(R2_BLACK, R2_NOTMERGEPEN, R2_MASKNOTPEN, R2_NOTCOPYPEN, R2_MASKPENNOT, R2_NOT, R2_XORPEN, R2_NOTMASKPEN,
 R2_MASKPEN, R2_NOTXORPEN, R2_NOP, R2_MERGENOTPEN, R2_COPYPEN, R2_MERGEPENNOT, R2_MERGEPEN, R2_WHITE) = range(1, 17)

# pen styles
PS_SOLID, PS_DASH, PS_DOT, PS_DASHDOT, PS_DASHDOTDOT, PS_NULL, PS_INSIDEFRAME = 0, 1, 2, 3, 4, 5, 6
PS_USERSTYLE, PS_ALTERNATE = 7, 8
PS_STYLE_MASK, PS_ENDCAP_MASK, PS_JOIN_MASK, PS_TYPE_MASK = 0xF, 0xF00, 0xF000, 0xF0000
PS_ENDCAP_ROUND, PS_ENDCAP_SQUARE, PS_ENDCAP_FLAT = 0, 0x100, 0x200
PS_JOIN_ROUND, PS_JOIN_BEVEL, PS_JOIN_MITER = 0, 0x1000, 0x2000
PS_COSMETIC, PS_GEOMETRIC = 0, 0x10000

# brush styles and hatches
BS_SOLID, BS_NULL, BS_HATCHED, BS_PATTERN, BS_INDEXED, BS_DIBPATTERN, BS_DIBPATTERNPT = 0, 1, 2, 3, 4, 5, 6
BS_PATTERN8X8, BS_DIBPATTERN8X8 = 7, 8
HS_HORIZONTAL, HS_VERTICAL, HS_FDIAGONAL, HS_BDIAGONAL, HS_CROSS, HS_DIAGCROSS = range(6)
DIB_RGB_COLORS, DIB_PAL_COLORS = 0, 1

OPAQUE, TRANSPARENT = 2, 1
ALTERNATE, WINDING = 1, 2
AD_COUNTERCLOCKWISE, AD_CLOCKWISE = 1, 2
FLOODFILLBORDER, FLOODFILLSURFACE = 0, 1

# DrawEdge
BDR_RAISEDOUTER, BDR_SUNKENOUTER, BDR_RAISEDINNER, BDR_SUNKENINNER = 1, 2, 4, 8
BDR_OUTER, BDR_INNER = 3, 12
EDGE_RAISED, EDGE_SUNKEN, EDGE_ETCHED, EDGE_BUMP = 5, 10, 6, 9
BF_LEFT, BF_TOP, BF_RIGHT, BF_BOTTOM, BF_DIAGONAL = 1, 2, 4, 8, 0x10
BF_RECT = 15
BF_MIDDLE, BF_SOFT, BF_ADJUST, BF_FLAT, BF_MONO = 0x800, 0x1000, 0x2000, 0x4000, 0x8000

# DrawFrameControl
DFC_CAPTION, DFC_MENU, DFC_SCROLL, DFC_BUTTON, DFC_POPUPMENU = 1, 2, 3, 4, 5
DFCS_CAPTIONCLOSE, DFCS_CAPTIONMIN, DFCS_CAPTIONMAX, DFCS_CAPTIONRESTORE, DFCS_CAPTIONHELP = 0, 1, 2, 3, 4
DFCS_MENUARROW, DFCS_MENUCHECK, DFCS_MENUBULLET, DFCS_MENUARROWRIGHT = 0, 1, 2, 4
DFCS_SCROLLUP, DFCS_SCROLLDOWN, DFCS_SCROLLLEFT, DFCS_SCROLLRIGHT = 0, 1, 2, 3
DFCS_SCROLLCOMBOBOX, DFCS_SCROLLSIZEGRIP, DFCS_SCROLLSIZEGRIPRIGHT = 5, 8, 0x10
DFCS_BUTTONCHECK, DFCS_BUTTONRADIOIMAGE, DFCS_BUTTONRADIOMASK, DFCS_BUTTONRADIO = 0, 1, 2, 4
DFCS_BUTTON3STATE, DFCS_BUTTONPUSH = 8, 0x10
DFCS_INACTIVE, DFCS_PUSHED, DFCS_CHECKED, DFCS_TRANSPARENT, DFCS_HOT = 0x100, 0x200, 0x400, 0x800, 0x1000
DFCS_ADJUSTRECT, DFCS_FLAT, DFCS_MONO = 0x2000, 0x4000, 0x8000

C = syscolor  # COLOR_* indices

# cosmetic dash patterns in pixels (on, off, on, off, ...)
_DASHES: dict[int, tuple[int, ...]] = {PS_DASH: (18, 6), PS_DOT: (3, 3), PS_DASHDOT: (9, 6, 3, 6),
                                       PS_DASHDOTDOT: (9, 3, 3, 3, 3, 3), PS_ALTERNATE: (1, 1)}


@dataclass(eq=False)
class ExtPen(Pen):
    """A pen from ExtCreatePen: end caps, joins, cosmetic/geometric type, the brush and a user dash style."""
    endcap: int = PS_ENDCAP_ROUND
    join: int = PS_JOIN_ROUND
    geometric: bool = True
    brush: Brush | None = None
    user_style: tuple[int, ...] = ()
    full_style: int = 0  # the style word as passed (type | join | endcap | style)
    kind = OBJ_EXTPEN


# ---- pattern sources and raster operations -----------------------------------------------------
@dataclass
class _Pat:
    """A brush pattern tiled from surface point (ox, oy); ``opaque`` False leaves the destination."""
    px: np.ndarray
    opaque: np.ndarray | None
    ox: int
    oy: int

    def block(self, x0: int, y0: int, x1: int, y1: int) -> tuple[np.ndarray, np.ndarray | None]:
        ph, pw = self.px.shape
        iy = ((np.arange(y0, y1) - self.oy) % ph)[:, None]
        ix = ((np.arange(x0, x1) - self.ox) % pw)[None, :]
        return self.px[iy, ix], (None if self.opaque is None else self.opaque[iy, ix])


Src = int | _Pat | None
_M = np.uint32(0xFFFFFF)


def _rop(rop: int, p: np.ndarray | np.uint32, d: np.ndarray) -> np.ndarray | np.uint32:
    """Binary raster operation ``rop`` (R2_*) of pen/brush ``p`` and destination ``d``."""
    if rop == R2_COPYPEN:
        return p
    if rop == R2_XORPEN:
        return p ^ d
    if rop == R2_NOT:
        return ~d & _M
    if rop == R2_BLACK:
        return np.uint32(0)
    if rop == R2_WHITE:
        return _M
    if rop == R2_NOTCOPYPEN:
        return ~p & _M
    if rop == R2_MASKPEN:
        return p & d
    if rop == R2_MERGEPEN:
        return p | d
    if rop == R2_NOTMERGEPEN:
        return ~(p | d) & _M
    if rop == R2_MASKNOTPEN:
        return ~p & d
    if rop == R2_MASKPENNOT:
        return p & ~d & _M
    if rop == R2_NOTMASKPEN:
        return ~(p & d) & _M
    if rop == R2_NOTXORPEN:
        return ~(p ^ d) & _M
    if rop == R2_MERGENOTPEN:
        return (~p & _M) | d
    if rop == R2_MERGEPENNOT:
        return p | (~d & _M)
    return d  # R2_NOP and unknown codes


def _is_mono(dc: DC) -> bool:
    bm = dc.bitmap
    return dc.kind == OBJ_MEMDC and bm is not None and bm.bpp == 1 and not bm.bits and dc.surface is bm.surface


def _to_mono(p: np.ndarray | np.uint32) -> np.ndarray | np.uint32:
    """Nearest of black and white (what a monochrome bitmap can hold)."""
    s = ((p >> 16) & 0xFF).astype(np.int32) + ((p >> 8) & 0xFF) + (p & 0xFF)
    return np.where(s > 382, _M, np.uint32(0)).astype(np.uint32)


def _paint(dc: DC, s: Surface, box: Rect, mask: np.ndarray | None, src: Src, rop: int) -> None:
    """Paint ``src`` through ``mask`` (covering surface rectangle ``box``; None = all of it) with ``rop``."""
    if src is None or rop == R2_NOP:
        return
    mono = _is_mono(dc)
    bx, by = box[0], box[1]
    for c in dc.rects():
        i = rect_intersect(c, box)
        if i is None:
            continue
        x0, y0, x1, y1 = i
        m = None
        if mask is not None:
            m = mask[y0 - by:y1 - by, x0 - bx:x1 - bx]
            if not m.any():
                continue
        if isinstance(src, _Pat):
            p, op = src.block(x0, y0, x1, y1)
            if op is not None:
                m = op if m is None else (m & op)
        else:
            p = np.uint32(src)
        if mono:
            p = _to_mono(p)
        dst = s.px[y0:y1, x0:x1]
        res = _rop(rop, p, dst)
        if m is None:
            dst[...] = res
        else:
            np.copyto(dst, res, where=m, casting="unsafe")


def _paint_points(dc: DC, s: Surface, xs: np.ndarray, ys: np.ndarray, cols: np.ndarray | int, rop: int) -> None:
    """Paint single pixels at surface points (xs, ys) with colours ``cols`` (one or per point)."""
    if rop == R2_NOP or len(xs) == 0:
        return
    mono = _is_mono(dc)
    arr = isinstance(cols, np.ndarray)
    for c in dc.rects():
        sel = (xs >= c[0]) & (xs < c[2]) & (ys >= c[1]) & (ys < c[3])
        if not sel.any():
            continue
        yy, xx = ys[sel], xs[sel]
        p = cols[sel] if arr else np.uint32(cols)  # type: ignore[index]
        if mono:
            p = _to_mono(p)
        s.px[yy, xx] = _rop(rop, p, s.px[yy, xx])


def _vis_dev(dc: DC) -> Rect | None:
    """Bounds of the drawable area in device coordinates (None: nothing can be drawn)."""
    rs = dc.rects()
    if not rs:
        return None
    ox, oy = dc.dev_org
    return (min(r[0] for r in rs) - ox, min(r[1] for r in rs) - oy, max(r[2] for r in rs) - ox,
            max(r[3] for r in rs) - oy)


def _crop(dc: DC, l: int, t: int, r: int, b: int, margin: int) -> Rect | None:
    """Device frame (l, t, r, b) cut to the drawable area grown by ``margin``; None if nothing is left."""
    v = _vis_dev(dc)
    if v is None:
        return None
    l, t = max(l, v[0] - margin), max(t, v[1] - margin)
    r, b = min(r, v[2] + margin), min(b, v[3] + margin)
    return (l, t, r, b) if r > l and b > t else None


# ---- brushes and pens as pixel sources ---------------------------------------------------------
def _hatch_bits(hatch: int) -> np.ndarray:
    y, x = np.mgrid[0:8, 0:8]
    horiz, vert = y == 3, x == 4
    fdiag, bdiag = x == y, x == 7 - y
    return {HS_HORIZONTAL: horiz, HS_VERTICAL: vert, HS_FDIAGONAL: fdiag, HS_BDIAGONAL: bdiag,
            HS_CROSS: horiz | vert, HS_DIAGCROSS: fdiag | bdiag}.get(hatch, horiz)


def brush_src(dc: DC, brush: Brush | None) -> Src:
    """What ``brush`` paints in ``dc``: None (hollow), a pixel value, or a tiled pattern."""
    if brush is None or brush.style == BS_NULL:
        return None
    ox = dc.dev_org[0] + dc.brush_org[0]
    oy = dc.dev_org[1] + dc.brush_org[1]
    if brush.style == BS_HATCHED:
        bits = _hatch_bits(brush.hatch)
        fg = np.uint32(colorref_to_px(dc.resolve_color(brush.color)))
        bg = np.uint32(dc.bk_px())
        px = np.where(bits, fg, bg).astype(np.uint32)
        return _Pat(px, bits if dc.bk_mode == TRANSPARENT else None, ox, oy)
    pat = brush.pattern
    if isinstance(pat, Bitmap) and pat.surface is not None and pat.surface.px.size:
        px = pat.surface.px
        if pat.bpp == 1 and not pat.bits:  # monochrome: 0 bits in the text colour, 1 bits in the background
            px = np.where(px & 0xFFFFFF, np.uint32(dc.bk_px()), np.uint32(dc.text_px())).astype(np.uint32)
        return _Pat(px, None, ox, oy)
    return dc.brush_px(brush)


def _pen_src(dc: DC) -> Src:
    pen = dc.pen
    if pen.style == PS_NULL:
        return None
    if isinstance(pen, ExtPen) and pen.brush is not None:
        if pen.brush.style == BS_NULL:
            return None
        if pen.brush.style != BS_SOLID:
            return brush_src(dc, pen.brush)
    return dc.pen_px()


def _pen_width(dc: DC) -> int:
    """Pen width in device pixels (cosmetic and zero-width pens: 1)."""
    pen = dc.pen
    if pen.width <= 0 or (isinstance(pen, ExtPen) and not pen.geometric):
        return 1
    return max(1, dc.lsize(pen.width, 0)[0])


def _pen_dashes(dc: DC) -> tuple[int, ...] | None:
    pen = dc.pen
    if isinstance(pen, ExtPen) and pen.style == PS_USERSTYLE:
        return pen.user_style or None
    return _DASHES.get(pen.style)


def _styled_colors(dc: DC, pos: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | int]:
    """(keep mask or None, colours) for pen pixels at positions ``pos`` along the path (dash pattern)."""
    src = _pen_src(dc)
    dashes = _pen_dashes(dc)
    fg = int(src) if isinstance(src, (int, np.integer)) else 0
    if not dashes or _pen_width(dc) > 1:
        return None, fg
    table = np.concatenate([np.full(v, i % 2 == 0) for i, v in enumerate(dashes) if v > 0]) \
        if any(v > 0 for v in dashes) else np.ones(1, dtype=bool)
    on = table[pos % len(table)]
    if dc.bk_mode == TRANSPARENT:
        return on, fg
    return None, np.where(on, np.uint32(fg), np.uint32(dc.bk_px())).astype(np.uint32)


# ---- geometry ------------------------------------------------------------------------------------
_EMPTY = np.zeros(0, dtype=np.int64)


def _line_steps(x0: int, y0: int, x1: int, y1: int, win: Rect | None = None) -> tuple[np.ndarray, int]:
    """Step indices of the line's pixels (all n of them, or only those whose major coordinate is in ``win``)."""
    dx, dy = x1 - x0, y1 - y0
    n = max(abs(dx), abs(dy))
    if n == 0:
        return _EMPTY, 0
    lo, hi = 0, n
    if win is not None:  # the major coordinate must fall inside the window
        if abs(dx) >= abs(dy):
            a, b, s = win[0] - x0, win[2] - 1 - x0, (1 if dx > 0 else -1)
        else:
            a, b, s = win[1] - y0, win[3] - 1 - y0, (1 if dy > 0 else -1)
        i0, i1 = (a, b) if s > 0 else (-b, -a)
        lo, hi = max(lo, i0), min(hi, i1 + 1)
        if hi <= lo:
            return _EMPTY, n
    return np.arange(lo, hi, dtype=np.int64), n


def _line_pts(x0: int, y0: int, x1: int, y1: int, win: Rect | None = None) \
        -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pixels (xs, ys, step index) of the line from (x0, y0) to (x1, y1), last point excluded (Bresenham);
    with ``win``, only the steps whose major-axis coordinate lies in that rectangle."""
    i, n = _line_steps(x0, y0, x1, y1, win)
    if not len(i):
        return _EMPTY, _EMPTY, _EMPTY
    dx, dy = x1 - x0, y1 - y0
    sx = 1 if dx > 0 else -1 if dx < 0 else 0
    sy = 1 if dy > 0 else -1 if dy < 0 else 0
    if abs(dx) >= abs(dy):
        xs = x0 + sx * i
        ys = y0 + sy * ((2 * i * abs(dy) + n - 1) // (2 * n))
    else:
        ys = y0 + sy * i
        xs = x0 + sx * ((2 * i * abs(dx) + n - 1) // (2 * n))
    return xs, ys, i


def _path_pts(polys: list[list[tuple[int, int]]], closed: bool, win: Rect | None = None) \
        -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pixels of connected lines (each excluding its end) and their positions along the path (for dashes)."""
    xs_l: list[np.ndarray] = []
    ys_l: list[np.ndarray] = []
    pos_l: list[np.ndarray] = []
    base = 0
    for pts in polys:
        path = pts + [pts[0]] if closed and pts else pts
        for a, b in itertools.pairwise(path):
            xs, ys, i = _line_pts(a[0], a[1], b[0], b[1], win)
            xs_l.append(xs)
            ys_l.append(ys)
            pos_l.append(i + base)
            base += max(abs(b[0] - a[0]), abs(b[1] - a[1]))
    if not xs_l:
        return _EMPTY, _EMPTY, _EMPTY
    xs, ys, pos = np.concatenate(xs_l), np.concatenate(ys_l), np.concatenate(pos_l)
    if win is not None:
        keep = (xs >= win[0]) & (xs < win[2]) & (ys >= win[1]) & (ys < win[3])
        xs, ys, pos = xs[keep], ys[keep], pos[keep]
    return xs, ys, pos


def _wide_into(mask: np.ndarray, fx: int, fy: int, polys: list[list[tuple[int, int]]], closed: bool, w: int,
               cap: int = PS_ENDCAP_ROUND, join: int = PS_JOIN_ROUND) -> None:
    """OR the pixels of wide lines along ``polys`` into ``mask`` (its (0, 0) at device (fx, fy))."""
    c = 0.0 if w % 2 else -0.5  # even widths: the centre line sits half a pixel up-left
    half = w / 2.0
    for pts in polys:
        path = pts + [pts[0]] if closed and len(pts) > 2 else pts
        nseg = len(path) - 1
        if nseg <= 0:
            if path and cap == PS_ENDCAP_ROUND:
                path = [path[0], path[0]]
                nseg = 1
            else:
                continue
        for k in range(nseg):
            (x0, y0), (x1, y1) = path[k], path[k + 1]
            first, last = k == 0 and not closed, k == nseg - 1 and not closed
            _wide_segment(mask, fx, fy, x0, y0, x1, y1, w, c, half, cap, join, first, last)


def _wide_segment(mask: np.ndarray, fx: int, fy: int, x0: int, y0: int, x1: int, y1: int, w: int, c: float,
                  half: float, cap: int, join: int, first: bool, last: bool) -> None:
    """One wide segment (with its caps or joins), evaluated in chunks along it so that a long diagonal
    does not cost its whole bounding box."""
    H, W = mask.shape
    ux, uy = x1 - x0, y1 - y0
    L2 = ux * ux + uy * uy
    n = max(1, -(-max(abs(ux), abs(uy)) // 32))
    for j in range(n):
        ax, ay = x0 + ux * j // n, y0 + uy * j // n
        bx, by = x0 + ux * (j + 1) // n, y0 + uy * (j + 1) // n
        l = max(min(ax, bx) - w - 1, fx)
        r = min(max(ax, bx) + w + 2, fx + W)
        t = max(min(ay, by) - w - 1, fy)
        b = min(max(ay, by) + w + 2, fy + H)
        if l >= r or t >= b:
            continue
        Y, X = np.mgrid[t:b, l:r]
        px = X - (x0 + c)
        py = Y - (y0 + c)
        sub = mask[t - fy:b - fy, l - fx:r - fx]
        if L2 == 0:
            if cap == PS_ENDCAP_ROUND or not (first and last):
                sub |= px * px + py * py < half * half
            continue
        L = math.sqrt(L2)
        tt = (px * ux + py * uy) / L2
        perp = np.abs(px * uy - py * ux) / L
        ext = half / L
        e0, e1 = ((ext if (cap == PS_ENDCAP_SQUARE if is_cap else join == PS_JOIN_MITER) else 0.0)
                  for is_cap in (first, last))
        sub |= (tt >= -e0) & (tt < 1 + e1) & (perp < half)
        for (vx, vy), is_cap, near in (((x0, y0), first, j == 0), ((x1, y1), last, j == n - 1)):
            if near and (cap if is_cap else join) == (PS_ENDCAP_ROUND if is_cap else PS_JOIN_ROUND):
                qx, qy = X - (vx + c), Y - (vy + c)
                sub |= qx * qx + qy * qy < half * half


def _interior(mask: np.ndarray) -> np.ndarray:
    """Pixels of ``mask`` whose four neighbours are all in it."""
    inner = mask.copy()
    inner[1:, :] &= mask[:-1, :]
    inner[:-1, :] &= mask[1:, :]
    inner[:, 1:] &= mask[:, :-1]
    inner[:, :-1] &= mask[:, 1:]
    inner[0, :] = False
    inner[-1, :] = False
    inner[:, 0] = False
    inner[:, -1] = False
    return inner


def _ellipse_insets(W: int, H: int, rows: np.ndarray) -> np.ndarray:
    """Left inset of rows ``rows`` of the ellipse filling a W x H pixel box (pixel-centre sampling)."""
    yc = (rows + 0.5 - H / 2.0) / (H / 2.0)
    half = (W / 2.0) * np.sqrt(np.clip(1.0 - yc * yc, 0.0, None))
    ins = np.ceil(W / 2.0 - half - 0.5 - 1e-9).astype(np.int64)
    return np.clip(ins, 0, (W + 1) // 2)


def rr_insets(W: int, H: int, ew: int, eh: int, rows: np.ndarray) -> np.ndarray:
    """Left (= right) inset of rows ``rows`` of a W x H rectangle with ew x eh elliptic corners."""
    ew, eh = min(abs(ew), W), min(abs(eh), H)
    insets = np.zeros(len(rows), dtype=np.int64)
    if ew > 1 and eh > 1:
        k = eh // 2
        top, bottom = rows < k, rows >= H - k
        insets[top] = _ellipse_insets(ew, eh, rows[top])
        insets[bottom] = _ellipse_insets(ew, eh, rows[bottom] - (H - eh))
    return insets


def rr_mask(W: int, H: int, ew: int, eh: int, win: Rect | None = None) -> np.ndarray:
    """A W x H rounded rectangle with ew x eh elliptic corners (ew = W, eh = H: an ellipse); with ``win``
    (x0, y0, x1, y1 in the box's pixels) only that part of it."""
    x0, y0, x1, y1 = win if win is not None else (0, 0, W, H)
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, W), min(y1, H)
    if x1 <= x0 or y1 <= y0:
        return np.zeros((max(y1 - y0, 0), max(x1 - x0, 0)), dtype=bool)
    insets = rr_insets(W, H, ew, eh, np.arange(y0, y1, dtype=np.int64))[:, None]
    cols = np.arange(x0, x1)[None, :]
    return (cols >= insets) & (cols < W - insets)


def ellipse_mask(W: int, H: int) -> np.ndarray:
    """The ellipse filling a W x H pixel box."""
    return rr_mask(W, H, W, H)


def poly_mask(polys: list[list[tuple[int, int]]], mode: int, fx: int, fy: int, W: int, H: int) -> np.ndarray:
    """Polygon interior (ALTERNATE or WINDING) sampled at pixel points, right/bottom edges excluded."""
    acc = np.zeros((H, W + 1), dtype=np.int32)
    for poly in polys:
        n = len(poly)
        for k in range(n):
            (x0, y0), (x1, y1) = poly[k], poly[(k + 1) % n]
            if y0 == y1:
                continue
            d = 1 if y1 > y0 else -1
            yr = np.arange(max(min(y0, y1), fy), min(max(y0, y1), fy + H), dtype=np.int64)
            if not len(yr):
                continue
            dy, dx = y1 - y0, x1 - x0
            num = x0 * dy + (yr - y0) * dx
            if dy < 0:
                num, den = -num, -dy
            else:
                den = dy
            xc = -((-num) // den)  # ceil
            np.add.at(acc, (yr - fy, np.clip(xc - fx, 0, W)), d)
    wn = np.cumsum(acc, axis=1)[:, :W]
    return (wn & 1).astype(bool) if mode != WINDING else wn != 0


# ---- drawing cores (device coordinates) ----------------------------------------------------------
def _polyline(dc: DC, polys: list[list[tuple[int, int]]], closed: bool = False) -> None:
    """Stroke polylines (device points) with the DC's pen."""
    src = _pen_src(dc)
    if src is None or not polys:
        return
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    w = _pen_width(dc)
    allp = [p for pts in polys for p in pts]
    fr = _crop(dc, min(p[0] for p in allp) - w - 1, min(p[1] for p in allp) - w - 1,
               max(p[0] for p in allp) + w + 2, max(p[1] for p in allp) + w + 2, w + 2)
    if fr is None:
        return
    if w <= 1 and not isinstance(src, _Pat):
        xs, ys, pos = _path_pts(polys, closed, fr)
        keep, cols = _styled_colors(dc, pos)
        if keep is not None:
            xs, ys = xs[keep], ys[keep]
        _paint_points(dc, s, xs + ox, ys + oy, cols, dc.rop2)
    else:
        fx, fy, W, H = fr[0], fr[1], fr[2] - fr[0], fr[3] - fr[1]
        mask = np.zeros((H, W), dtype=bool)
        if w <= 1:
            xs, ys, _pos = _path_pts(polys, closed, fr)
            mask[ys - fy, xs - fx] = True
        else:
            pen = dc.pen
            cap = pen.endcap if isinstance(pen, ExtPen) else PS_ENDCAP_ROUND
            join = pen.join if isinstance(pen, ExtPen) else PS_JOIN_ROUND
            _wide_into(mask, fx, fy, polys, closed, w, cap, join)
        _paint(dc, s, (fx + ox, fy + oy, fx + ox + W, fy + oy + H), mask, src, dc.rop2)
    dc.end()


def _stroke_mask(dc: DC, s: Surface, fx: int, fy: int, outline: np.ndarray, psrc: Src, cx: float, cy: float,
                 start: float = 0.0) -> None:
    """Paint an outline mask with the pen: dashed cosmetic pens walk it in angular order around (cx, cy)."""
    ox, oy = dc.dev_org
    H, W = outline.shape
    if _pen_dashes(dc) and _pen_width(dc) <= 1 and not isinstance(psrc, _Pat):
        ys, xs = np.nonzero(outline)
        ang = (np.arctan2(-(ys + fy - cy), xs + fx - cx) - start) % (2 * math.pi)
        order = np.argsort(ang, kind="stable")
        xs, ys = xs[order] + fx, ys[order] + fy
        keep, cols = _styled_colors(dc, np.arange(len(xs)))
        if keep is not None:
            xs, ys = xs[keep], ys[keep]
        _paint_points(dc, s, xs + ox, ys + oy, cols, dc.rop2)
    else:
        _paint(dc, s, (fx + ox, fy + oy, fx + ox + W, fy + oy + H), outline, psrc, dc.rop2)


def _flips(dc: DC) -> bool:
    """Whether the mapping mirrors one axis (turning counter-clockwise into clockwise on the device)."""
    if dc.map_mode == 1:
        return False
    sx = dc.viewport_ext[0] * dc.window_ext[0]
    sy = dc.viewport_ext[1] * dc.window_ext[1]
    return (sx < 0) != (sy < 0)


@dataclass
class _Arc:
    """Angular limits of an arc/pie/chord in device space (math orientation, y up)."""
    start: float
    span: float
    cx: float
    cy: float
    a: float
    b: float
    full: bool = False
    p1: tuple[int, int] = (0, 0)
    p2: tuple[int, int] = (0, 0)
    extra: dict[str, float] = field(default_factory=dict)

    def point(self, th: float) -> tuple[int, int]:
        c, sn = math.cos(th), math.sin(th)
        if self.a <= 0 or self.b <= 0:
            return (round(self.cx), round(self.cy))
        t = 1.0 / math.sqrt((c / self.a) ** 2 + (sn / self.b) ** 2)
        return (round(self.cx + t * c), round(self.cy - t * sn))

    def sector(self, fx: int, fy: int, H: int, W: int) -> np.ndarray:
        Y, X = np.mgrid[fy:fy + H, fx:fx + W]
        dx, dy = X - self.cx, -(Y - self.cy)
        ang = (np.arctan2(dy, dx) - self.start) % (2 * math.pi)
        return (ang <= self.span + 1e-9) | ((dx == 0) & (dy == 0))

    def halfplane(self, fx: int, fy: int, H: int, W: int) -> np.ndarray:
        (x1, y1), (x2, y2) = self.p1, self.p2
        if (x1, y1) == (x2, y2):
            return np.ones((H, W), dtype=bool)
        mx, my = self.point(self.start + self.span / 2)
        side = (x2 - x1) * (my - y1) - (y2 - y1) * (mx - x1)
        Y, X = np.mgrid[fy:fy + H, fx:fx + W]
        cr = (x2 - x1) * (Y - y1) - (y2 - y1) * (X - x1)
        return (cr >= 0) if side >= 0 else (cr <= 0)


def _make_arc(dc: DC, l: int, t: int, r: int, b: int, xs: int, ys: int, xe: int, ye: int) -> _Arc:
    cx, cy = (l + r - 1) / 2.0, (t + b - 1) / 2.0
    th1 = math.atan2(-(ys - cy), xs - cx)
    th2 = math.atan2(-(ye - cy), xe - cx)
    ccw = (getattr(dc, "arc_direction", AD_COUNTERCLOCKWISE) == AD_COUNTERCLOCKWISE) != _flips(dc)
    a0, a1 = (th1, th2) if ccw else (th2, th1)
    span = (a1 - a0) % (2 * math.pi)
    full = span < 1e-9
    if full:
        span = 2 * math.pi
    arc = _Arc(a0, span, cx, cy, (r - l - 1) / 2.0, (b - t - 1) / 2.0, full)
    p_start, p_end = arc.point(th1), arc.point(th2)
    arc.p1, arc.p2 = (p_start, p_end) if ccw else (p_end, p_start)
    arc.extra["th1"], arc.extra["th2"] = th1, th2
    return arc


def _shape(dc: DC, kind: str, l: int, t: int, r: int, b: int, ew: int = 0, eh: int = 0,
           arc_pts: tuple[int, int, int, int] | None = None) -> None:
    """Fill and outline a rect/roundrect/ellipse/pie/chord/arc in device box (l, t, r, b) (normalised)."""
    psrc = _pen_src(dc)
    bsrc = None if kind == "arc" else brush_src(dc, dc.brush)
    if psrc is None and bsrc is None:
        return
    w = 1 if psrc is None else _pen_width(dc)
    arc = _make_arc(dc, l, t, r, b, *arc_pts) if arc_pts is not None else None
    if psrc is None:
        r, b = r - 1, b - 1
    elif dc.pen.style == PS_INSIDEFRAME and w > 1:
        l, t, r, b = l + w // 2, t + w // 2, r - (w - 1) // 2, b - (w - 1) // 2
    if r <= l or b <= t:
        return
    s = dc.begin()
    if s is None:
        return
    lo, hi = (w // 2, (w - 1) // 2) if psrc is not None else (0, 0)
    fr = _crop(dc, l - lo - 1, t - lo - 1, r + hi + 1, b + hi + 1, w + 2)
    if fr is None:
        return
    fx, fy, W, H = fr[0], fr[1], fr[2] - fr[0], fr[3] - fr[1]

    def build(bl: int, bt: int, br: int, bb: int) -> np.ndarray:
        """The shape of box (bl, bt, br, bb) over the frame."""
        mk = np.zeros((H, W), dtype=bool)
        x0, y0, x1, y1 = max(bl, fx), max(bt, fy), min(br, fx + W), min(bb, fy + H)
        if x1 <= x0 or y1 <= y0:
            return mk
        win = (x0 - bl, y0 - bt, x1 - bl, y1 - bt)
        if kind == "rect":
            shape = np.ones((y1 - y0, x1 - x0), dtype=bool)
        elif kind == "round":
            shape = rr_mask(br - bl, bb - bt, max(0, ew + (br - bl) - (r - l)), max(0, eh + (bb - bt) - (b - t)),
                            win)
        else:
            shape = rr_mask(br - bl, bb - bt, br - bl, bb - bt, win)
        mk[y0 - fy:y1 - fy, x0 - fx:x1 - fx] = shape
        return mk

    outer = build(l - lo, t - lo, r + hi, b + hi)
    inner = outer if w == 1 else build(l + hi, t + hi, r - lo, b - lo)
    filt = None
    if arc is not None and not arc.full:
        filt = arc.sector(fx, fy, H, W) if kind in ("pie", "arc") else arc.halfplane(fx, fy, H, W)
    if psrc is None:
        fill = outer if filt is None else outer & filt
        outline = None
    else:
        if kind == "arc":
            outline = outer & ~_interior(inner)
            if filt is not None:
                outline &= filt
            fill = None
        else:
            o = outer if filt is None else outer & filt
            i = inner if filt is None else inner & filt
            outline = o & ~_interior(i)
            if w > 1 and arc is not None and not arc.full:
                c = (round(arc.cx), round(arc.cy))
                lines = [[c, arc.p1], [c, arc.p2]] if kind == "pie" else [[arc.p1, arc.p2]]
                _wide_into(outline, fx, fy, lines, False, w)
            fill = _interior(i) & ~outline
    ox, oy = dc.dev_org
    box = (fx + ox, fy + oy, fx + ox + W, fy + oy + H)
    if fill is not None and bsrc is not None:
        _paint(dc, s, box, fill, bsrc, dc.rop2)
    if outline is not None:
        cx, cy = (l + r - 1) / 2.0, (t + b - 1) / 2.0
        _stroke_mask(dc, s, fx, fy, outline, psrc, cx, cy, arc.start if arc is not None else 0.0)
    dc.end()


def _polygon(dc: DC, polys: list[list[tuple[int, int]]], mode: int) -> None:
    """Fill (brush, ALTERNATE/WINDING) and outline (pen, closed) polygons given in device points."""
    polys = [p for p in polys if p]
    if not polys:
        return
    psrc = _pen_src(dc)
    bsrc = brush_src(dc, dc.brush)
    if psrc is None and bsrc is None:
        return
    s = dc.begin()
    if s is None:
        return
    w = 1 if psrc is None else _pen_width(dc)
    allp = [p for pts in polys for p in pts]
    fr = _crop(dc, min(p[0] for p in allp) - w - 1, min(p[1] for p in allp) - w - 1,
               max(p[0] for p in allp) + w + 2, max(p[1] for p in allp) + w + 2, w + 2)
    if fr is None:
        return
    fx, fy, W, H = fr[0], fr[1], fr[2] - fr[0], fr[3] - fr[1]
    fill = poly_mask(polys, mode, fx, fy, W, H) if bsrc is not None else None
    ox, oy = dc.dev_org
    box = (fx + ox, fy + oy, fx + ox + W, fy + oy + H)
    outline = None
    dashed_pts = None
    if psrc is not None:
        outline = np.zeros((H, W), dtype=bool)
        if w <= 1:
            xs, ys, pos = _path_pts(polys, True, fr)
            outline[ys - fy, xs - fx] = True
            if _pen_dashes(dc) and not isinstance(psrc, _Pat):
                dashed_pts = (xs, ys, pos)
        else:
            pen = dc.pen
            _wide_into(outline, fx, fy, polys, True, w,
                       pen.endcap if isinstance(pen, ExtPen) else PS_ENDCAP_ROUND,
                       pen.join if isinstance(pen, ExtPen) else PS_JOIN_ROUND)
        if fill is not None:
            fill &= ~outline
    if fill is not None:
        _paint(dc, s, box, fill, bsrc, dc.rop2)
    if dashed_pts is not None:
        xs, ys, pos = dashed_pts
        keep, cols = _styled_colors(dc, pos)
        if keep is not None:
            xs, ys = xs[keep], ys[keep]
        _paint_points(dc, s, xs + ox, ys + oy, cols, dc.rop2)
    elif outline is not None:
        _paint(dc, s, box, outline, psrc, dc.rop2)
    dc.end()


# ---- helpers for other modules (device coordinates) -----------------------------------------------
def fill_rect(dc: DC, rect: Rect, px: int) -> None:
    """Fill device rectangle ``rect`` with pixel ``px`` (0x00RRGGBB), clipped."""
    dc.fill_device(rect, px)


def fill_rect_brush(dc: DC, rect: Rect, brush: Brush | None) -> None:
    """Fill device rectangle ``rect`` with any brush (solid, system colour, hatch, pattern), PATCOPY."""
    src = brush_src(dc, brush)
    if src is None or rect[2] <= rect[0] or rect[3] <= rect[1]:
        return
    if not isinstance(src, _Pat) and not _is_mono(dc):
        dc.fill_device(rect, int(src))
        return
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    _paint(dc, s, (rect[0] + ox, rect[1] + oy, rect[2] + ox, rect[3] + oy), None, src, R2_COPYPEN)
    dc.end()


def frame_rect(dc: DC, rect: Rect, px: int) -> None:
    """A one-pixel frame just inside device rectangle ``rect`` in pixel ``px``."""
    l, t, r, b = rect
    if r <= l or b <= t:
        return
    for e in ((l, t, r, t + 1), (l, b - 1, r, b), (l, t + 1, l + 1, b - 1), (r - 1, t + 1, r, b - 1)):
        if e[2] > e[0] and e[3] > e[1]:
            dc.fill_device(e, px)


def _frame_brush(dc: DC, rect: Rect, brush: Brush, wx: int = 1, hy: int = 1) -> None:
    l, t, r, b = rect
    for e in ((l, t, r, t + hy), (l, b - hy, r, b), (l, t + hy, l + wx, b - hy), (r - wx, t + hy, r, b - hy)):
        if e[2] > e[0] and e[3] > e[1]:
            fill_rect_brush(dc, e, brush)


def draw_line(dc: DC, x0: int, y0: int, x1: int, y1: int, px: int) -> None:
    """A one-pixel solid line in pixel ``px`` from (x0, y0) to (x1, y1), end point excluded (device)."""
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    v = _vis_dev(dc)
    if v is None:
        return
    xs, ys, _ = _line_pts(x0, y0, x1, y1, v)
    _paint_points(dc, s, xs + ox, ys + oy, px, R2_COPYPEN)
    dc.end()


def invert_rect(dc: DC, rect: Rect) -> None:
    """Invert the pixels of device rectangle ``rect``."""
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    _paint(dc, s, (rect[0] + ox, rect[1] + oy, rect[2] + ox, rect[3] + oy), None, 0, R2_NOT)
    dc.end()


def _paint_mask_dev(dc: DC, x: int, y: int, mask: np.ndarray, src: Src, rop: int = R2_COPYPEN) -> None:
    """Paint boolean ``mask`` placed at device point (x, y)."""
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    h, w = mask.shape
    _paint(dc, s, (x + ox, y + oy, x + ox + w, y + oy + h), mask, src, rop)
    dc.end()


def fill_region(dc: DC, region: Region, src: Src, rop: int = R2_COPYPEN) -> None:
    """Paint ``src`` over a region given in device coordinates."""
    if src is None or not region.rects:
        return
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    for l, t, r, b in region.rects:
        _paint(dc, s, (l + ox, t + oy, r + ox, b + oy), None, src, rop)
    dc.end()


def draw_focus_rect(dc: DC, rect: Rect) -> None:
    """The dotted focus frame: every other pixel of a one-pixel frame inverted (XOR; drawing twice erases)."""
    l, t, r, b = rect
    if r <= l or b <= t:
        return
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    H, W = b - t, r - l
    mask = np.zeros((H, W), dtype=bool)
    mask[0, :] = mask[-1, :] = True
    mask[:, 0] = mask[:, -1] = True
    Y, X = np.mgrid[t:b, l:r]
    mask &= ((X + Y) & 1) == 0
    _paint(dc, s, (l + ox, t + oy, r + ox, b + oy), mask, 0, R2_NOT)
    dc.end()


def _syspx(dc: DC, index: int) -> int:
    return colorref_to_px(syscolor.get(dc.m, index))


_LT_OUTER = {BDR_RAISEDOUTER: (C.COLOR_3DLIGHT, C.COLOR_BTNHIGHLIGHT),
             BDR_SUNKENOUTER: (C.COLOR_BTNSHADOW, C.COLOR_3DDKSHADOW)}  # (normal, soft)
_LT_INNER = {BDR_RAISEDINNER: (C.COLOR_BTNHIGHLIGHT, C.COLOR_3DLIGHT),
             BDR_SUNKENINNER: (C.COLOR_3DDKSHADOW, C.COLOR_BTNSHADOW)}
_RB_OUTER = {BDR_RAISEDOUTER: C.COLOR_3DDKSHADOW, BDR_SUNKENOUTER: C.COLOR_BTNHIGHLIGHT}
_RB_INNER = {BDR_RAISEDINNER: C.COLOR_BTNSHADOW, BDR_SUNKENINNER: C.COLOR_3DLIGHT}


def _edge_rings(edge: int, flags: int) -> list[tuple[int, int]]:
    """System colours (top-left, bottom-right) of the outer then inner ring; -1 where nothing is drawn."""
    rings = []
    for bits, lt, rb in ((edge & BDR_OUTER, _LT_OUTER, _RB_OUTER), (edge & BDR_INNER, _LT_INNER, _RB_INNER)):
        if not bits:
            rings.append((-1, -1))
        elif flags & BF_MONO:
            rings.append((C.COLOR_WINDOWFRAME, C.COLOR_WINDOWFRAME) if lt is _LT_OUTER
                         else (C.COLOR_WINDOW, C.COLOR_WINDOW))
        elif flags & BF_FLAT:
            rings.append((C.COLOR_BTNSHADOW, C.COLOR_BTNSHADOW) if lt is _LT_OUTER
                         else (C.COLOR_BTNFACE, C.COLOR_BTNFACE))
        elif bits in lt:
            rings.append((lt[bits][1 if flags & BF_SOFT else 0], rb[bits]))
        else:  # raised and sunken together: nothing
            rings.append((-1, -1))
    return rings


def draw_edge(dc: DC, rect: Rect, edge: int, flags: int) -> Rect:
    """DrawEdge in device coordinates; returns the interior (what BF_ADJUST stores)."""
    l, t, r, b = rect
    rings = _edge_rings(edge, flags)
    if flags & BF_DIAGONAL:
        return _draw_diag_edge(dc, rect, rings, flags)
    for lt, rb in rings:
        if lt < 0 and rb < 0:
            continue
        if r <= l or b <= t:
            break
        ltp, rbp = _syspx(dc, lt), _syspx(dc, rb)
        if flags & BF_LEFT:
            fill_rect(dc, (l, t, l + 1, b - 1 if flags & BF_BOTTOM else b), ltp)
        if flags & BF_TOP:
            fill_rect(dc, (l, t, r - 1 if flags & BF_RIGHT else r, t + 1), ltp)
        if flags & BF_RIGHT:
            fill_rect(dc, (r - 1, t, r, b), rbp)
        if flags & BF_BOTTOM:
            fill_rect(dc, (l, b - 1, r, b), rbp)
        l += 1 if flags & BF_LEFT else 0
        t += 1 if flags & BF_TOP else 0
        r -= 1 if flags & BF_RIGHT else 0
        b -= 1 if flags & BF_BOTTOM else 0
    if flags & BF_MIDDLE and r > l and b > t:
        fill_rect(dc, (l, t, r, b), _syspx(dc, C.COLOR_WINDOW if flags & BF_MONO else C.COLOR_BTNFACE))
    return (l, t, r, b)


def _draw_diag_edge(dc: DC, rect: Rect, rings: list[tuple[int, int]], flags: int) -> Rect:
    """BF_DIAGONAL: a diagonal line across the box ending at the named corner, outer ring then inner."""
    l, t, r, b = rect
    n = min(r - l, b - t)
    if n <= 0:
        return rect
    corner = flags & 0xF
    # start corner opposite the end corner named by the flags
    ends = {BF_TOP | BF_RIGHT: ((l, b - 1), (1, -1)), BF_TOP | BF_LEFT: ((r - 1, b - 1), (-1, -1)),
            BF_BOTTOM | BF_LEFT: ((r - 1, t), (-1, 1)), BF_BOTTOM | BF_RIGHT: ((l, t), (1, 1))}
    if corner not in ends:
        return rect
    (sx, sy), (dx, dy) = ends[corner]
    rising = dy < 0 and dx > 0 or dy > 0 and dx < 0  # a "/" line: lit side is top-left
    for k, (lt, rb) in enumerate(rings):
        if lt < 0:
            continue
        col = _syspx(dc, rb if rising else lt)
        # inner ring one pixel towards the inside (bottom-right for "/", top-right/bottom-left for "\")
        ox, oy = (-k, -k) if rising else (k, -k) if dx > 0 else (-k, k)
        draw_line(dc, sx + ox, sy + oy, sx + ox + dx * n, sy + oy + dy * n, col)
    if flags & BF_MIDDLE:
        tri = np.tri(n, n, dtype=bool)
        if corner in (BF_TOP | BF_RIGHT, BF_BOTTOM | BF_LEFT):
            tri = tri[:, ::-1]
        _paint_mask_dev(dc, l, t, tri, _syspx(dc, C.COLOR_WINDOW if flags & BF_MONO else C.COLOR_BTNFACE))
    return rect


# ---- DrawFrameControl glyphs ----------------------------------------------------------------------
_CHECK = np.array([[0, 0, 0, 0, 0, 0, 1],
                   [0, 0, 0, 0, 0, 1, 1],
                   [1, 0, 0, 0, 1, 1, 1],
                   [1, 1, 0, 1, 1, 1, 0],
                   [1, 1, 1, 1, 1, 0, 0],
                   [0, 1, 1, 1, 0, 0, 0],
                   [0, 0, 1, 0, 0, 0, 0]], dtype=bool)
_HELP = np.array([[0, 1, 1, 1, 1, 0],
                  [1, 1, 0, 0, 1, 1],
                  [0, 0, 0, 0, 1, 1],
                  [0, 0, 0, 1, 1, 0],
                  [0, 0, 1, 1, 0, 0],
                  [0, 0, 1, 1, 0, 0],
                  [0, 0, 0, 0, 0, 0],
                  [0, 0, 1, 1, 0, 0],
                  [0, 0, 1, 1, 0, 0]], dtype=bool)


def _scaled(glyph: np.ndarray, h: int, w: int) -> np.ndarray:
    gh, gw = glyph.shape
    if (h, w) == (gh, gw):
        return glyph
    iy = np.minimum((np.arange(h) * gh) // max(h, 1), gh - 1)
    ix = np.minimum((np.arange(w) * gw) // max(w, 1), gw - 1)
    return glyph[iy[:, None], ix[None, :]]


def _glyph(dc: DC, x: int, y: int, mask: np.ndarray, state: int, color: int = C.COLOR_BTNTEXT) -> None:
    """A glyph in ``color``; inactive glyphs are embossed (highlight offset by one, then shadow)."""
    if state & DFCS_INACTIVE:
        _paint_mask_dev(dc, x + 1, y + 1, mask, _syspx(dc, C.COLOR_BTNHIGHLIGHT))
        _paint_mask_dev(dc, x, y, mask, _syspx(dc, C.COLOR_BTNSHADOW))
    else:
        _paint_mask_dev(dc, x, y, mask, _syspx(dc, color))


def _triangle(n: int, direction: str) -> np.ndarray:
    """A solid arrow pointing ``direction`` ("up", "down", "left", "right"), n rows tall."""
    w = 2 * n - 1
    cols = np.arange(w)[None, :]
    rows = np.arange(n)[:, None]
    up = (cols >= n - 1 - rows) & (cols <= n - 1 + rows)
    return {"up": up, "down": up[::-1], "left": up.T, "right": up.T[:, ::-1]}[direction]


def _button_face(dc: DC, rect: Rect, state: int, soft: bool = True) -> Rect:
    """The raised (or pushed/flat) button frame with a face-coloured middle; returns the interior."""
    extra = BF_SOFT if soft else 0
    if state & DFCS_MONO:
        return draw_edge(dc, rect, EDGE_SUNKEN, BF_RECT | BF_MIDDLE | BF_MONO)
    if state & DFCS_FLAT:
        edge, flags = EDGE_SUNKEN if state & DFCS_PUSHED else EDGE_RAISED, BF_RECT | BF_MIDDLE | BF_FLAT
    elif state & (DFCS_PUSHED | DFCS_CHECKED):
        edge, flags = EDGE_SUNKEN, BF_RECT | BF_MIDDLE | extra
    else:
        edge, flags = EDGE_RAISED, BF_RECT | BF_MIDDLE | extra
    inner = draw_edge(dc, rect, edge, flags)
    if state & DFCS_CHECKED and not state & DFCS_PUSHED:
        l, t, r, b = inner
        if r > l and b > t:  # checked but not pushed: a highlight/face dither
            Y, X = np.mgrid[t:b, l:r]
            _paint_mask_dev(dc, l, t, ((X + Y) & 1) == 0, _syspx(dc, C.COLOR_BTNHIGHLIGHT))
    return inner


def _square_in(rect: Rect) -> Rect:
    l, t, r, b = rect
    n = min(r - l, b - t)
    x = l + (r - l - n) // 2
    y = t + (b - t - n) // 2
    return (x, y, x + n, y + n)


def _dfc_button(dc: DC, rect: Rect, state: int) -> Rect | None:
    kind = state & 0xFF
    if kind & DFCS_BUTTONPUSH:
        return _button_face(dc, rect, state)
    if kind & (DFCS_BUTTONRADIO | DFCS_BUTTONRADIOIMAGE | DFCS_BUTTONRADIOMASK):
        sq = _square_in(rect)
        n = sq[2] - sq[0]
        if n <= 0:
            return rect
        if kind & DFCS_BUTTONRADIOMASK and not kind & DFCS_BUTTONRADIO:
            fill_rect(dc, sq, 0xFFFFFF)
            _paint_mask_dev(dc, sq[0], sq[1], ellipse_mask(n, n), 0)
            return sq
        d0 = ellipse_mask(n, n)
        d1 = np.zeros_like(d0)
        d2 = np.zeros_like(d0)
        if n > 2:
            d1[1:-1, 1:-1] = ellipse_mask(n - 2, n - 2)
        if n > 4:
            d2[2:-2, 2:-2] = ellipse_mask(n - 4, n - 4)
        Y, X = np.mgrid[0:n, 0:n]
        tl = X + Y < n - 1
        flat = state & (DFCS_FLAT | DFCS_MONO)
        ring0, ring1 = d0 & ~d1, d1 & ~d2
        x, y = sq[0], sq[1]
        if flat:
            _paint_mask_dev(dc, x, y, ring0 | ring1, _syspx(dc, C.COLOR_WINDOWFRAME if state & DFCS_MONO
                                                           else C.COLOR_BTNSHADOW))
        else:
            _paint_mask_dev(dc, x, y, ring0 & tl, _syspx(dc, C.COLOR_BTNSHADOW))
            _paint_mask_dev(dc, x, y, ring0 & ~tl, _syspx(dc, C.COLOR_BTNHIGHLIGHT))
            _paint_mask_dev(dc, x, y, ring1 & tl, _syspx(dc, C.COLOR_3DDKSHADOW))
            _paint_mask_dev(dc, x, y, ring1 & ~tl, _syspx(dc, C.COLOR_3DLIGHT))
        face = C.COLOR_BTNFACE if state & (DFCS_PUSHED | DFCS_INACTIVE) else C.COLOR_WINDOW
        _paint_mask_dev(dc, x, y, d2, _syspx(dc, face))
        if state & DFCS_CHECKED:
            k = max(2, (n + 2) // 3)
            o = (n - k) // 2
            dot = np.zeros((n, n), dtype=bool)
            dot[o:o + k, o:o + k] = ellipse_mask(k, k) if k > 3 else True
            col = C.COLOR_GRAYTEXT if state & DFCS_INACTIVE else C.COLOR_WINDOWTEXT
            _paint_mask_dev(dc, x, y, dot, _syspx(dc, col))
        return sq
    # check box (DFCS_BUTTONCHECK, DFCS_BUTTON3STATE)
    sq = _square_in(rect)
    n = sq[2] - sq[0]
    if n <= 0:
        return rect
    face = C.COLOR_BTNFACE if state & (DFCS_PUSHED | DFCS_INACTIVE) else C.COLOR_WINDOW
    if state & (DFCS_FLAT | DFCS_MONO):
        frame_rect(dc, sq, _syspx(dc, C.COLOR_WINDOWFRAME if state & DFCS_MONO else C.COLOR_BTNSHADOW))
        inner = (sq[0] + 1, sq[1] + 1, sq[2] - 1, sq[3] - 1)
    else:
        inner = draw_edge(dc, sq, EDGE_SUNKEN, BF_RECT)
    if kind & DFCS_BUTTON3STATE and state & DFCS_CHECKED:
        face = C.COLOR_BTNFACE
    fill_rect(dc, inner, _syspx(dc, face))
    if state & DFCS_CHECKED:
        g = max(3, inner[2] - inner[0] - 2)
        col = C.COLOR_BTNSHADOW if kind & DFCS_BUTTON3STATE or state & DFCS_INACTIVE else C.COLOR_WINDOWTEXT
        _paint_mask_dev(dc, inner[0] + 1, inner[1] + 1, _scaled(_CHECK, g, g), _syspx(dc, col))
    return sq


def _dfc_scroll(dc: DC, rect: Rect, state: int) -> Rect | None:
    kind = state & 0xFF
    l, t, r, b = rect
    if kind in (DFCS_SCROLLSIZEGRIP, DFCS_SCROLLSIZEGRIPRIGHT):
        if not state & DFCS_TRANSPARENT:
            fill_rect(dc, rect, _syspx(dc, C.COLOR_BTNFACE))
        n = min(r - l, b - t)
        hi, sh = _syspx(dc, C.COLOR_BTNHIGHLIGHT), _syspx(dc, C.COLOR_BTNSHADOW)
        left = kind == DFCS_SCROLLSIZEGRIPRIGHT
        for k in range(1, n, 4):  # groups of highlight + two shadow diagonals from the corner
            for j, col in ((0, hi), (1, sh), (2, sh)):
                d = k + j
                if d >= n:
                    break
                if left:
                    draw_line(dc, l + d, b - 1, l - 1, b - 2 - d, col)
                else:
                    draw_line(dc, r - 1 - d, b - 1, r, b - 2 - d, col)
        return rect
    direction = {DFCS_SCROLLUP: "up", DFCS_SCROLLDOWN: "down", DFCS_SCROLLLEFT: "left",
                 DFCS_SCROLLRIGHT: "right", DFCS_SCROLLCOMBOBOX: "down"}.get(kind)
    if direction is None:
        return None
    if state & DFCS_PUSHED and not state & DFCS_FLAT:
        frame_rect(dc, rect, _syspx(dc, C.COLOR_BTNSHADOW))
        fill_rect(dc, (l + 1, t + 1, r - 1, b - 1), _syspx(dc, C.COLOR_BTNFACE))
        inner = (l + 1, t + 1, r - 1, b - 1)
    else:
        inner = _button_face(dc, rect, state & ~DFCS_PUSHED if not state & DFCS_FLAT else state, soft=False)
    iw, ih = inner[2] - inner[0], inner[3] - inner[1]
    n = max(1, (min(iw, ih) + 1) // 3)
    tri = _triangle(n, direction)
    th, tw = tri.shape
    x = inner[0] + (iw - tw) // 2
    y = inner[1] + (ih - th) // 2
    if state & DFCS_PUSHED:
        x, y = x + 1, y + 1
    _glyph(dc, x, y, tri, state)
    return inner


def _caption_glyph(kind: int, n: int) -> np.ndarray | None:
    """Caption button glyph of about ``n`` x ``n`` pixels."""
    g = np.zeros((n, n), dtype=bool)
    if n < 4:
        return g
    if kind == DFCS_CAPTIONCLOSE:  # two diagonals two pixels thick, one row shorter than wide
        g = np.zeros((n - 1, n), dtype=bool)
        for i in range(n - 1):
            g[i, [i, i + 1, n - 2 - i, n - 1 - i]] = True
        return g
    if kind == DFCS_CAPTIONMIN:
        w = max(2, n * 2 // 3)
        g[n - 2:n, 0:w] = True
        return g
    if kind == DFCS_CAPTIONMAX:
        g[0:2, :] = True
        g[:, 0] = g[:, -1] = True
        g[-1, :] = True
        return g
    if kind == DFCS_CAPTIONRESTORE:
        k = max(4, n * 3 // 4)
        for ox, oy in ((n - k, 0), (0, n - k)):
            g[oy:oy + k, ox:ox + k] = False
            g[oy:oy + 2, ox:ox + k] = True
            g[oy:oy + k, ox] = True
            g[oy:oy + k, ox + k - 1] = True
            g[oy + k - 1, ox:ox + k] = True
        g[n - k + 2:n - 1, 1:k - 1] = False  # the front window hides the back one
        return g
    if kind == DFCS_CAPTIONHELP:
        return _scaled(_HELP, n, max(3, n * 2 // 3))
    return None


def _dfc_caption(dc: DC, rect: Rect, state: int) -> Rect | None:
    kind = state & 0xFF
    if kind not in (DFCS_CAPTIONCLOSE, DFCS_CAPTIONMIN, DFCS_CAPTIONMAX, DFCS_CAPTIONRESTORE, DFCS_CAPTIONHELP):
        return None
    inner = _button_face(dc, rect, state & ~DFCS_CHECKED)
    iw, ih = inner[2] - inner[0], inner[3] - inner[1]
    n = max(0, min(iw, ih) - (2 if kind == DFCS_CAPTIONCLOSE else 1))
    glyph = _caption_glyph(kind, n)
    if glyph is None or n <= 0:
        return inner
    gh, gw = glyph.shape
    x = inner[0] + (iw - gw) // 2
    y = inner[1] + (ih - gh) // 2
    if state & DFCS_PUSHED:
        x, y = x + 1, y + 1
    _glyph(dc, x, y, glyph, state)
    return inner


def _dfc_menu(dc: DC, rect: Rect, state: int, popup: bool) -> Rect | None:
    kind = state & 0xFF
    l, t, r, b = rect
    n = min(r - l, b - t)
    if kind not in (DFCS_MENUARROW, DFCS_MENUCHECK, DFCS_MENUBULLET, DFCS_MENUARROWRIGHT):
        return None
    if not popup:
        fill_rect(dc, rect, 0xFFFFFF)  # menu glyphs are black on white (masks)
    if n <= 0:
        return rect
    if kind == DFCS_MENUCHECK:
        g = max(3, n // 2)
        glyph = _scaled(_CHECK, g, g)
    elif kind == DFCS_MENUBULLET:
        g = max(2, n // 3)
        glyph = ellipse_mask(g, g)
    else:
        glyph = _triangle(max(2, n // 4), "right" if kind == DFCS_MENUARROW else "left")
    gh, gw = glyph.shape
    _paint_mask_dev(dc, l + (r - l - gw) // 2, t + (b - t - gh) // 2, glyph, 0)
    return rect


def draw_frame_control(dc: DC, rect: Rect, type: int, state: int) -> bool:
    """DrawFrameControl in device coordinates; False for an unknown type or part."""
    if type == DFC_BUTTON:
        return _dfc_button(dc, rect, state) is not None
    if type == DFC_SCROLL:
        return _dfc_scroll(dc, rect, state) is not None
    if type == DFC_CAPTION:
        return _dfc_caption(dc, rect, state) is not None
    if type in (DFC_MENU, DFC_POPUPMENU):
        return _dfc_menu(dc, rect, state, type == DFC_POPUPMENU) is not None
    return False


def _frame_control_interior(dc: DC, rect: Rect, type: int, state: int) -> Rect:
    l, t, r, b = rect
    if type in (DFC_BUTTON, DFC_CAPTION) or type == DFC_SCROLL:
        return (l + 2, t + 2, r - 2, b - 2)
    return rect


# ---- flood fill --------------------------------------------------------------------------------------
def _component(fillable: np.ndarray, sx: int, sy: int) -> np.ndarray:
    """The 4-connected component of ``fillable`` containing (sx, sy), by scanline runs."""
    H, W = fillable.shape
    pad = np.zeros((H, W + 2), dtype=np.int8)
    pad[:, 1:-1] = fillable
    d = np.diff(pad, axis=1)
    rs, cs = np.nonzero(d == 1)
    _re, ce = np.nonzero(d == -1)
    counts = np.bincount(rs, minlength=H)
    first = np.concatenate(([0], np.cumsum(counts)))
    starts, ends = cs, ce
    seen = np.zeros(len(starts), dtype=bool)
    row_of = rs
    # the run holding the seed
    a, b = first[sy], first[sy + 1]
    k = a + int(np.searchsorted(starts[a:b], sx, side="right")) - 1
    out = np.zeros((H, W), dtype=bool)
    if k < a or not (starts[k] <= sx < ends[k]):
        return out
    stack = [k]
    seen[k] = True
    while stack:
        k = stack.pop()
        y = int(row_of[k])
        s0, e0 = int(starts[k]), int(ends[k])
        out[y, s0:e0] = True
        for ny in (y - 1, y + 1):
            if 0 <= ny < H:
                a, b = first[ny], first[ny + 1]
                if a == b:
                    continue
                lo = a + int(np.searchsorted(ends[a:b], s0, side="right"))
                hi = a + int(np.searchsorted(starts[a:b], e0, side="left"))
                for j in range(lo, hi):
                    if not seen[j]:
                        seen[j] = True
                        stack.append(j)
    return out


def flood_fill(dc: DC, x: int, y: int, color: int, mode: int) -> bool:
    """ExtFloodFill at device point (x, y) with the DC's brush."""
    s = dc.begin()
    if s is None:
        return False
    ox, oy = dc.dev_org
    sx, sy = x + ox, y + oy
    rects = dc.rects()
    if not any(c[0] <= sx < c[2] and c[1] <= sy < c[3] for c in rects):
        return False
    g = Region(list(rects))
    bl, bt, br, bb = g.bounds()
    allowed = np.zeros((bb - bt, br - bl), dtype=bool)
    for c in rects:
        allowed[c[1] - bt:c[3] - bt, c[0] - bl:c[2] - bl] = True
    px = s.px[bt:bb, bl:br]
    target = np.uint32(colorref_to_px(dc.resolve_color(color)))
    if _is_mono(dc):
        target = _to_mono(target)
    fillable = allowed & ((px != target) if mode == FLOODFILLBORDER else (px == target))
    if not fillable[sy - bt, sx - bl]:
        return False
    comp = _component(fillable, sx - bl, sy - bt)
    _paint(dc, s, (bl, bt, br, bb), comp, brush_src(dc, dc.brush), dc.rop2)
    dc.end()
    return True


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


# ---- API: lines ---------------------------------------------------------------------------------------
def _points(m: Machine, dc: DC, p: int, n: int) -> list[tuple[int, int]]:
    if n <= 0 or not p:
        return []
    v = m.mem.unpack(f"<{2 * n}i", p)
    return [dc.lp(v[2 * i], v[2 * i + 1]) for i in range(n)]


@stdcall("gdi32")
def MoveToEx(m: Machine, hdc: HANDLE, x: INT, y: INT, lppt: PTR) -> BOOL:
    """Set the current position; the previous one goes to ``lppt``."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    if lppt:
        m.mem.pack("<ii", lppt, *dc.pos)
    dc.pos = (x, y)
    return 1


@stdcall("gdi32")
def LineTo(m: Machine, hdc: HANDLE, x: INT, y: INT) -> BOOL:
    """Line from the current position to (x, y), end point excluded; (x, y) becomes the position."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    _polyline(dc, [[dc.lp(*dc.pos), dc.lp(x, y)]])
    dc.pos = (x, y)
    return 1


@stdcall("gdi32")
def Polyline(m: Machine, hdc: HANDLE, apt: PTR, cpt: INT) -> BOOL:
    """Connected lines through ``cpt`` points (at least 2); the current position is not used."""
    dc = get_dc(m, hdc)
    if dc is None or cpt < 2:
        return 0
    _polyline(dc, [_points(m, dc, apt, cpt)])
    return 1


@stdcall("gdi32")
def PolylineTo(m: Machine, hdc: HANDLE, apt: PTR, cpt: DWORD) -> BOOL:
    """Lines from the current position through the points; the last becomes the position."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    if cpt == 0:
        return 1
    pts = _points(m, dc, apt, cpt)
    _polyline(dc, [[dc.lp(*dc.pos)] + pts])
    dc.pos = m.mem.unpack("<ii", apt + 8 * (cpt - 1))
    return 1


@stdcall("gdi32")
def PolyPolyline(m: Machine, hdc: HANDLE, apt: PTR, asz: PTR, csz: DWORD) -> BOOL:
    """Several polylines; ``asz`` holds the point count of each."""
    dc = get_dc(m, hdc)
    if dc is None or not csz:
        return 0
    counts = m.mem.unpack(f"<{csz}I", asz)
    if any(c < 2 for c in counts):
        return 0
    pts = _points(m, dc, apt, sum(counts))
    polys, i = [], 0
    for c in counts:
        polys.append(pts[i:i + c])
        i += c
    _polyline(dc, polys)
    return 1


def _bezier(p: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Flatten cubic Bezier segments (start, then 3 points per curve) into a polyline."""
    out = [p[0]]
    for k in range(1, len(p) - 2, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p[k - 1], p[k], p[k + 1], p[k + 2]
        d = abs(x1 - x0) + abs(y1 - y0) + abs(x2 - x1) + abs(y2 - y1) + abs(x3 - x2) + abs(y3 - y2)
        n = max(1, min(256, int(math.sqrt(d) * 2)))
        tt = np.linspace(0.0, 1.0, n + 1)[1:]
        a, b, c, e = (1 - tt) ** 3, 3 * tt * (1 - tt) ** 2, 3 * tt * tt * (1 - tt), tt ** 3
        xs = np.rint(a * x0 + b * x1 + c * x2 + e * x3).astype(int)
        ys = np.rint(a * y0 + b * y1 + c * y2 + e * y3).astype(int)
        for x, y in zip(xs.tolist(), ys.tolist()):
            if (x, y) != out[-1]:
                out.append((x, y))
    return out


@stdcall("gdi32")
def PolyBezier(m: Machine, hdc: HANDLE, apt: PTR, cpt: DWORD) -> BOOL:
    """Cubic Bezier curves: a start point then three points per curve (count = 3n + 1)."""
    dc = get_dc(m, hdc)
    if dc is None or cpt < 4 or (cpt - 1) % 3:
        return 0
    _polyline(dc, [_bezier(_points(m, dc, apt, cpt))])
    return 1


@stdcall("gdi32")
def PolyBezierTo(m: Machine, hdc: HANDLE, apt: PTR, cpt: DWORD) -> BOOL:
    """Bezier curves from the current position (3 points per curve); the last point becomes the position."""
    dc = get_dc(m, hdc)
    if dc is None or cpt % 3:
        return 0
    if cpt == 0:
        return 1
    _polyline(dc, [_bezier([dc.lp(*dc.pos)] + _points(m, dc, apt, cpt))])
    dc.pos = m.mem.unpack("<ii", apt + 8 * (cpt - 1))
    return 1


# ---- API: shapes --------------------------------------------------------------------------------------
@stdcall("gdi32")
def Rectangle(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT) -> BOOL:
    """Rectangle outlined with the pen and filled with the brush, right/bottom edges excluded."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    _shape(dc, "rect", *dc.lrect(left, top, right, bottom))
    return 1


@stdcall("gdi32")
def RoundRect(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT, width: INT,
              height: INT) -> BOOL:
    """Rectangle with elliptic corners (width x height), outlined and filled."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    ew, eh = dc.lsize(width, height)
    _shape(dc, "round", *dc.lrect(left, top, right, bottom), ew=ew, eh=eh)
    return 1


@stdcall("gdi32")
def Ellipse(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT) -> BOOL:
    """Ellipse inscribed in the box (right/bottom excluded), outlined and filled."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    _shape(dc, "ellipse", *dc.lrect(left, top, right, bottom))
    return 1


def _arc_api(m: Machine, hdc: int, kind: str, box: tuple[int, int, int, int],
             radial: tuple[int, int, int, int]) -> DC | None:
    dc = get_dc(m, hdc)
    if dc is None:
        return None
    x1, y1 = dc.lp(radial[0], radial[1])
    x2, y2 = dc.lp(radial[2], radial[3])
    _shape(dc, kind, *dc.lrect(*box), arc_pts=(x1, y1, x2, y2))
    return dc


@stdcall("gdi32")
def Arc(m: Machine, hdc: HANDLE, x1: INT, y1: INT, x2: INT, y2: INT, x3: INT, y3: INT, x4: INT,
        y4: INT) -> BOOL:
    """Elliptic arc between the radials through (x3, y3) and (x4, y4), in the arc direction."""
    return int(_arc_api(m, hdc, "arc", (x1, y1, x2, y2), (x3, y3, x4, y4)) is not None)


@stdcall("gdi32")
def ArcTo(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT, xr1: INT, yr1: INT,
          xr2: INT, yr2: INT) -> BOOL:
    """A line from the current position to the arc's start, the arc; the arc's end becomes the position."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    l, t, r, b = dc.lrect(left, top, right, bottom)
    arc = _make_arc(dc, l, t, r, b, *dc.lp(xr1, yr1), *dc.lp(xr2, yr2))
    start = arc.point(arc.extra["th1"])
    end = arc.point(arc.extra["th2"])
    _polyline(dc, [[dc.lp(*dc.pos), start]])
    _shape(dc, "arc", l, t, r, b, arc_pts=(*dc.lp(xr1, yr1), *dc.lp(xr2, yr2)))
    dc.pos = dc.dp(*end)
    return 1


@stdcall("gdi32")
def Pie(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT, xr1: INT, yr1: INT,
        xr2: INT, yr2: INT) -> BOOL:
    """Pie wedge: the arc plus radial lines to the centre, outlined and filled."""
    return int(_arc_api(m, hdc, "pie", (left, top, right, bottom), (xr1, yr1, xr2, yr2)) is not None)


@stdcall("gdi32")
def Chord(m: Machine, hdc: HANDLE, x1: INT, y1: INT, x2: INT, y2: INT, x3: INT, y3: INT, x4: INT,
          y4: INT) -> BOOL:
    """Ellipse segment cut by the line joining the arc's ends, outlined and filled."""
    return int(_arc_api(m, hdc, "chord", (x1, y1, x2, y2), (x3, y3, x4, y4)) is not None)


@stdcall("gdi32")
def SetArcDirection(m: Machine, hdc: HANDLE, dir: INT) -> INT:
    """AD_COUNTERCLOCKWISE (1) or AD_CLOCKWISE (2) for Arc/Pie/Chord; returns the previous direction."""
    dc = get_dc(m, hdc)
    if dc is None or dir not in (AD_COUNTERCLOCKWISE, AD_CLOCKWISE):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    old = getattr(dc, "arc_direction", AD_COUNTERCLOCKWISE)
    dc.arc_direction = dir  # type: ignore[attr-defined]
    return old


@stdcall("gdi32")
def GetArcDirection(m: Machine, hdc: HANDLE) -> INT:
    """The arc direction of a DC."""
    dc = get_dc(m, hdc)
    return getattr(dc, "arc_direction", AD_COUNTERCLOCKWISE) if dc is not None else 0


@stdcall("gdi32")
def Polygon(m: Machine, hdc: HANDLE, apt: PTR, cpt: INT) -> BOOL:
    """Closed polygon filled in the DC's fill mode and outlined with the pen (at least 2 points)."""
    dc = get_dc(m, hdc)
    if dc is None or cpt < 2:
        return 0
    _polygon(dc, [_points(m, dc, apt, cpt)], dc.poly_fill_mode)
    return 1


@stdcall("gdi32")
def PolyPolygon(m: Machine, hdc: HANDLE, apt: PTR, asz: PTR, csz: INT) -> BOOL:
    """Several closed polygons filled together (ALTERNATE/WINDING) and outlined."""
    dc = get_dc(m, hdc)
    if dc is None or csz <= 0:
        return 0
    counts = m.mem.unpack(f"<{csz}i", asz)
    if any(c < 2 for c in counts):
        return 0
    pts = _points(m, dc, apt, sum(counts))
    polys, i = [], 0
    for c in counts:
        polys.append(pts[i:i + c])
        i += c
    _polygon(dc, polys, dc.poly_fill_mode)
    return 1


# ---- API: pixels and flood fill ----------------------------------------------------------------------
def _pixel_at(dc: DC, x: int, y: int) -> tuple[Surface, int, int] | None:
    s = dc.begin()
    if s is None:
        return None
    dx, dy = dc.lp(x, y)
    sx, sy = dx + dc.dev_org[0], dy + dc.dev_org[1]
    for c in dc.rects():
        if c[0] <= sx < c[2] and c[1] <= sy < c[3]:
            return s, sx, sy
    return None


@stdcall("gdi32")
def GetPixel(m: Machine, hdc: HANDLE, x: INT, y: INT) -> DWORD:
    """COLORREF of a pixel; CLR_INVALID outside the clipping region."""
    dc = get_dc(m, hdc)
    if dc is None:
        return CLR_INVALID
    at = _pixel_at(dc, x, y)
    if at is None:
        return CLR_INVALID
    s, sx, sy = at
    return px_to_colorref(int(s.px[sy, sx]))


def _set_pixel(dc: DC, x: int, y: int, color: int) -> int:
    at = _pixel_at(dc, x, y)
    if at is None:
        return -1
    s, sx, sy = at
    p = np.uint32(colorref_to_px(dc.resolve_color(color)))
    if _is_mono(dc):
        p = _to_mono(p)
    s.px[sy, sx] = p
    dc.end((sx, sy, sx + 1, sy + 1))
    if s.shadowed:
        s.pull()
    return px_to_colorref(int(s.px[sy, sx]))


@stdcall("gdi32")
def SetPixel(m: Machine, hdc: HANDLE, x: INT, y: INT, color: DWORD) -> DWORD:
    """Set a pixel; returns the colour actually stored, or -1 outside the clipping region."""
    dc = get_dc(m, hdc)
    if dc is None:
        return CLR_INVALID
    return _set_pixel(dc, x, y, color) & 0xFFFFFFFF


@stdcall("gdi32")
def SetPixelV(m: Machine, hdc: HANDLE, x: INT, y: INT, color: DWORD) -> BOOL:
    """Set a pixel to the nearest available colour."""
    dc = get_dc(m, hdc)
    return int(dc is not None and _set_pixel(dc, x, y, color) != -1)


@stdcall("gdi32")
def ExtFloodFill(m: Machine, hdc: HANDLE, x: INT, y: INT, color: DWORD, type: UINT) -> BOOL:
    """Fill with the brush the area bounded by ``color`` (FLOODFILLBORDER) or of ``color`` (FLOODFILLSURFACE)."""
    dc = get_dc(m, hdc)
    if dc is None or type not in (FLOODFILLBORDER, FLOODFILLSURFACE):
        return 0
    return int(flood_fill(dc, *dc.lp(x, y), color, type))


@stdcall("gdi32")
def FloodFill(m: Machine, hdc: HANDLE, x: INT, y: INT, color: DWORD) -> BOOL:
    """Fill with the brush the area bounded by ``color``."""
    return ExtFloodFill(m, hdc, x, y, color, FLOODFILLBORDER)


# ---- API: user32 rectangles, edges, frame controls ------------------------------------------------------
def _read_rect(m: Machine, p: int) -> tuple[int, int, int, int]:
    return m.mem.unpack("<4i", p)  # type: ignore[return-value]


@stdcall("user32")
def FillRect(m: Machine, hDC: HANDLE, lprc: PTR, hbr: HANDLE) -> INT:
    """Fill a rectangle (right/bottom excluded) with a brush or a COLOR_x + 1 system colour."""
    dc = get_dc(m, hDC)
    brush = syscolor.brush_from_handle(m, hbr)
    if dc is None or brush is None or not lprc:
        return 0
    fill_rect_brush(dc, dc.lrect(*_read_rect(m, lprc)), brush)
    return 1


@stdcall("user32")
def FrameRect(m: Machine, hDC: HANDLE, lprc: PTR, hbr: HANDLE) -> INT:
    """A one-unit border around a rectangle in a brush (nothing for an empty rectangle)."""
    dc = get_dc(m, hDC)
    brush = syscolor.brush_from_handle(m, hbr)
    if dc is None or brush is None or not lprc:
        return 0
    l, t, r, b = _read_rect(m, lprc)
    if r <= l or b <= t:
        return 1
    _frame_brush(dc, dc.lrect(l, t, r, b), brush, *dc.lsize(1, 1))
    return 1


@stdcall("user32")
def InvertRect(m: Machine, hDC: HANDLE, lprc: PTR) -> BOOL:
    """Invert the colours of a rectangle's pixels."""
    dc = get_dc(m, hDC)
    if dc is None or not lprc:
        return 0
    invert_rect(dc, dc.lrect(*_read_rect(m, lprc)))
    return 1


@stdcall("user32")
def DrawFocusRect(m: Machine, hDC: HANDLE, lprc: PTR) -> BOOL:
    """Dotted XOR frame marking focus; drawing it again removes it."""
    dc = get_dc(m, hDC)
    if dc is None or not lprc:
        return 0
    draw_focus_rect(dc, dc.lrect(*_read_rect(m, lprc)))
    return 1


@stdcall("user32")
def DrawEdge(m: Machine, hdc: HANDLE, qrc: PTR, edge: UINT, grfFlags: UINT) -> BOOL:
    """3-D edges (BDR_*/EDGE_*) on the sides named by BF_*; BF_ADJUST shrinks the RECT to the interior."""
    dc = get_dc(m, hdc)
    if dc is None or not qrc:
        return 0
    l, t, r, b = _read_rect(m, qrc)
    dev = dc.lrect(l, t, r, b)
    inner = draw_edge(dc, dev, edge, grfFlags)
    if grfFlags & BF_ADJUST:
        x0, y0 = dc.dp(inner[0], inner[1])
        x1, y1 = dc.dp(inner[2], inner[3])
        m.mem.pack("<4i", qrc, x0, y0, x1, y1)
    return 1


@stdcall("user32")
def DrawFrameControl(m: Machine, hdc: HANDLE, lprc: PTR, uType: UINT, uState: UINT) -> BOOL:
    """Buttons, check boxes, radio buttons, scroll arrows, caption and menu glyphs (DFC_*/DFCS_*)."""
    dc = get_dc(m, hdc)
    if dc is None or not lprc:
        return 0
    l, t, r, b = _read_rect(m, lprc)
    dev = dc.lrect(l, t, r, b)
    if not draw_frame_control(dc, dev, uType, uState):
        return 0
    if uState & DFCS_ADJUSTRECT:
        inner = _frame_control_interior(dc, dev, uType, uState)
        x0, y0 = dc.dp(inner[0], inner[1])
        x1, y1 = dc.dp(inner[2], inner[3])
        m.mem.pack("<4i", lprc, x0, y0, x1, y1)
    return 1
