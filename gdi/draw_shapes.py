"""gdi32 lines, curves, shapes and pixels: MoveToEx/LineTo, polylines, Bezier curves, Rectangle, RoundRect,
Ellipse, arcs, pies, chords, polygons, GetPixel/SetPixel and flood fill."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, PTR, UINT, stdcall

from .dc import DC, get_dc
from .region import Region
from .surface import Surface, colorref_to_px, px_to_colorref
from .draw import (
    AD_CLOCKWISE, AD_COUNTERCLOCKWISE, CLR_INVALID, ERROR_INVALID_PARAMETER, FLOODFILLBORDER, FLOODFILLSURFACE,
    _is_mono, _make_arc, _paint, _polygon, _polyline, _shape, _to_mono, brush_src,
)

if TYPE_CHECKING:
    from emu.machine import Machine


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
