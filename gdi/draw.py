"""GDI drawing core: constants, raster operations, pen/brush pixel sources, rasterisation of lines and shapes.

The API functions live in ``draw_brush.py`` (pens and brushes), ``draw_shapes.py`` (lines, curves, shapes,
pixels, flood fill) and ``draw_frame.py`` (user32 FillRect/FrameRect/InvertRect, DrawEdge, DrawFocusRect,
DrawFrameControl); this module imports them at its end and re-exports their names as ``draw.NAME``.

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
from dataclasses import dataclass, field

import numpy as np

from . import syscolor
from .dc import DC
from .gdiobj import OBJ_EXTPEN, OBJ_MEMDC, Bitmap, Brush, Pen
from .region import Rect, Region, rect_intersect
from .surface import Surface, colorref_to_px

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


# The API modules split from this one (imported here so that they register), and their names as
# ``draw.NAME``, looked up lazily so that any import order works (a split-off module imports this one first).
from . import draw_brush, draw_shapes, draw_frame  # noqa: E402

_SPLIT = (draw_brush, draw_shapes, draw_frame,)


def __getattr__(attr: str) -> object:
    """A name defined by one of the split-off modules."""
    for mod in _SPLIT:
        if attr in mod.__dict__:
            return mod.__dict__[attr]
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
