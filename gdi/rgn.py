"""GDI regions and clipping: CreateRectRgn/EllipticRgn/PolygonRgn, CombineRgn, region queries and painting,
and the DC's application clip (SelectClipRgn, IntersectClipRect, ExcludeClipRect, ...).

Regions are kept in Windows' canonical y-x banded form (``region.combine``), so a rectangle is one
rectangle (SIMPLEREGION) and equal pixel sets have equal rectangle lists. Region handles hold device
coordinates; FillRgn/PaintRgn/FrameRgn/InvertRgn map them as logical coordinates of the DC, the clip
functions take device coordinates (SelectClipRgn) or logical ones (IntersectClipRect, ExcludeClipRect).
"""
from __future__ import annotations

import itertools
import struct
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, PTR, stdcall

from . import draw, gdiobj, syscolor
from .dc import DC, get_dc
from .gdiobj import RegionObj
from .region import Rect, Region, canonical, combine, rect_empty, region_from_mask

if TYPE_CHECKING:
    from emu.machine import Machine

ERROR, NULLREGION, SIMPLEREGION, COMPLEXREGION = 0, 1, 2, 3
RGN_AND, RGN_OR, RGN_XOR, RGN_DIFF, RGN_COPY = 1, 2, 3, 4, 5
_OPS = {RGN_AND: "and", RGN_OR: "or", RGN_XOR: "xor", RGN_DIFF: "diff"}
RDH_RECTANGLES = 1
ERROR_INVALID_PARAMETER = 87


def kind(g: Region | None) -> int:
    """NULLREGION, SIMPLEREGION or COMPLEXREGION of a canonical region."""
    if g is None or not g.rects:
        return NULLREGION
    return SIMPLEREGION if len(g.rects) == 1 else COMPLEXREGION


def get_region(m: Machine, h: int) -> RegionObj | None:
    """The region object of a handle (None if it is not a region)."""
    return gdiobj.table(m).get(h, RegionObj)


def _region(o: RegionObj) -> Region:
    if o.region is None:
        o.region = Region()
    return o.region


def new_region(m: Machine, g: Region) -> int:
    """A new region handle holding ``g`` (made canonical)."""
    return gdiobj.table(m).add(RegionObj(region=canonical(g)))


def _norm(l: int, t: int, r: int, b: int) -> Rect:
    return (min(l, r), min(t, b), max(l, r), max(t, b))


def rect_region(l: int, t: int, r: int, b: int) -> Region:
    """The region of a rectangle (coordinates normalised)."""
    return Region.from_rect(_norm(l, t, r, b))


def round_rect_region(l: int, t: int, r: int, b: int, ew: int, eh: int) -> Region:
    """A rectangle with elliptic corners of ew x eh (the whole box for an ellipse)."""
    l, t, r, b = _norm(l, t, r, b)
    if rect_empty((l, t, r, b)):
        return Region()
    W, H = r - l, b - t
    ins = draw.rr_insets(W, H, ew, eh, np.arange(H, dtype=np.int64))
    cuts = np.concatenate(([0], np.flatnonzero(np.diff(ins)) + 1, [H])).tolist()
    g = Region()
    for y0, y1 in itertools.pairwise(cuts):  # rows of equal inset make one band
        a = int(ins[y0])
        if W - a > a:
            g.rects.append((l + a, t + y0, r - a, t + y1))
    return g


def polygon_region(polys: list[list[tuple[int, int]]], mode: int) -> Region:
    """The interior of polygons (ALTERNATE or WINDING), right and bottom edges excluded."""
    pts = [p for poly in polys for p in poly]
    if len(pts) < 3:
        return Region()
    fx, fy = min(p[0] for p in pts), min(p[1] for p in pts)
    W, H = max(p[0] for p in pts) - fx + 1, max(p[1] for p in pts) - fy + 1
    return region_from_mask(draw.poly_mask(polys, mode, fx, fy, W, H), fx, fy)


# ---- creation ----------------------------------------------------------------------------------------
@stdcall("gdi32")
def CreateRectRgn(m: Machine, x1: INT, y1: INT, x2: INT, y2: INT) -> HANDLE:
    """A rectangular region (right/bottom excluded)."""
    return new_region(m, rect_region(x1, y1, x2, y2))


@stdcall("gdi32")
def CreateRectRgnIndirect(m: Machine, lprect: PTR) -> HANDLE:
    """A rectangular region from a RECT."""
    if not lprect:
        return 0
    return new_region(m, rect_region(*m.mem.unpack("<4i", lprect)))


@stdcall("gdi32")
def CreateEllipticRgn(m: Machine, x1: INT, y1: INT, x2: INT, y2: INT) -> HANDLE:
    """An elliptic region inscribed in the box."""
    l, t, r, b = _norm(x1, y1, x2, y2)
    return new_region(m, round_rect_region(l, t, r, b, r - l, b - t))


@stdcall("gdi32")
def CreateEllipticRgnIndirect(m: Machine, lprect: PTR) -> HANDLE:
    """An elliptic region inscribed in a RECT."""
    if not lprect:
        return 0
    return CreateEllipticRgn(m, *m.mem.unpack("<4i", lprect))


@stdcall("gdi32")
def CreateRoundRectRgn(m: Machine, x1: INT, y1: INT, x2: INT, y2: INT, w: INT, h: INT) -> HANDLE:
    """A rectangular region with elliptic corners of w x h."""
    return new_region(m, round_rect_region(x1, y1, x2, y2, abs(w), abs(h)))


def _read_points(m: Machine, p: int, n: int) -> list[tuple[int, int]]:
    v = m.mem.unpack(f"<{2 * n}i", p)
    return [(v[2 * i], v[2 * i + 1]) for i in range(n)]


@stdcall("gdi32")
def CreatePolygonRgn(m: Machine, pptl: PTR, cPoint: INT, iMode: INT) -> HANDLE:
    """A polygon region with fill mode ALTERNATE (1) or WINDING (2)."""
    if not pptl or cPoint < 0 or iMode not in (1, 2):
        return 0
    return new_region(m, polygon_region([_read_points(m, pptl, cPoint)], iMode))


@stdcall("gdi32")
def CreatePolyPolygonRgn(m: Machine, pptl: PTR, pc: PTR, cPoly: INT, iMode: INT) -> HANDLE:
    """A region of several polygons filled together (ALTERNATE or WINDING)."""
    if not pptl or not pc or cPoly <= 0 or iMode not in (1, 2):
        return 0
    counts = m.mem.unpack(f"<{cPoly}i", pc)
    if any(c < 0 for c in counts):
        return 0
    pts = _read_points(m, pptl, sum(counts))
    polys, i = [], 0
    for c in counts:
        polys.append(pts[i:i + c])
        i += c
    return new_region(m, polygon_region(polys, iMode))


@stdcall("gdi32")
def ExtCreateRegion(m: Machine, lpx: PTR, nCount: DWORD, lpData: PTR) -> HANDLE:
    """A region from RGNDATA rectangles, optionally transformed by an XFORM."""
    if not lpData or nCount < 32:
        return 0
    size, typ, n, _sz = m.mem.unpack("<4I", lpData)
    if typ != RDH_RECTANGLES or size < 32 or size + 16 * n > nCount:
        return 0
    vals = m.mem.unpack(f"<{4 * n}i", lpData + size) if n else ()
    rects = [_norm(*vals[4 * i:4 * i + 4]) for i in range(n)]
    if lpx:
        e11, e12, e21, e22, dx, dy = struct.unpack("<6f", m.mem.read(lpx, 24))

        def tf(x: int, y: int) -> tuple[int, int]:
            return (round(x * e11 + y * e21 + dx), round(x * e12 + y * e22 + dy))
        if e12 == 0 and e21 == 0:
            rects = [_norm(*tf(r[0], r[1]), *tf(r[2], r[3])) for r in rects]
        else:
            g = Region()
            for l, t, r, b in rects:
                g = combine(g, polygon_region([[tf(l, t), tf(r, t), tf(r, b), tf(l, b)]], 1), "or")
            return new_region(m, g)
    g = Region()
    g.rects = [r for r in rects if not rect_empty(r)]
    return new_region(m, g)


# ---- operations and queries -----------------------------------------------------------------------------
@stdcall("gdi32")
def CombineRgn(m: Machine, hrgnDst: HANDLE, hrgnSrc1: HANDLE, hrgnSrc2: HANDLE, iMode: INT) -> INT:
    """Dst = src1 AND/OR/XOR/DIFF src2, or a copy of src1; returns the result's region kind."""
    dst, a = get_region(m, hrgnDst), get_region(m, hrgnSrc1)
    if dst is None or a is None:
        return ERROR
    if iMode == RGN_COPY:
        dst.region = _region(a).copy()
        return kind(dst.region)
    b = get_region(m, hrgnSrc2)
    if b is None or iMode not in _OPS:
        return ERROR
    dst.region = combine(_region(a), _region(b), _OPS[iMode])
    return kind(dst.region)


@stdcall("gdi32")
def OffsetRgn(m: Machine, hrgn: HANDLE, x: INT, y: INT) -> INT:
    """Move a region; returns its kind."""
    o = get_region(m, hrgn)
    if o is None:
        return ERROR
    o.region = _region(o).offset(x, y)
    return kind(o.region)


@stdcall("gdi32")
def SetRectRgn(m: Machine, hrgn: HANDLE, left: INT, top: INT, right: INT, bottom: INT) -> BOOL:
    """Make a region the given rectangle."""
    o = get_region(m, hrgn)
    if o is None:
        return 0
    o.region = rect_region(left, top, right, bottom)
    return 1


@stdcall("gdi32")
def GetRgnBox(m: Machine, hrgn: HANDLE, lprc: PTR) -> INT:
    """Bounding rectangle of a region; returns its kind."""
    o = get_region(m, hrgn)
    if o is None or not lprc:
        return ERROR
    g = _region(o)
    m.mem.pack("<4i", lprc, *g.bounds())
    return kind(g)


@stdcall("gdi32")
def EqualRgn(m: Machine, hrgn1: HANDLE, hrgn2: HANDLE) -> BOOL:
    """Whether two regions cover the same pixels."""
    a, b = get_region(m, hrgn1), get_region(m, hrgn2)
    if a is None or b is None:
        return ERROR
    return int(canonical(_region(a)).rects == canonical(_region(b)).rects)


@stdcall("gdi32")
def PtInRegion(m: Machine, hrgn: HANDLE, x: INT, y: INT) -> BOOL:
    """Whether a point lies in a region."""
    o = get_region(m, hrgn)
    return int(o is not None and _region(o).contains(x, y))


@stdcall("gdi32")
def RectInRegion(m: Machine, hrgn: HANDLE, lprect: PTR) -> BOOL:
    """Whether any part of a rectangle lies in a region."""
    o = get_region(m, hrgn)
    if o is None or not lprect:
        return 0
    r = _norm(*m.mem.unpack("<4i", lprect))
    return int(not _region(o).intersect_rect(r).empty())


@stdcall("gdi32")
def GetRegionData(m: Machine, hrgn: HANDLE, nCount: DWORD, lpRgnData: PTR) -> DWORD:
    """RGNDATA (header + rectangles); with a NULL buffer the size needed, 0 if the buffer is too small."""
    o = get_region(m, hrgn)
    if o is None:
        return 0
    g = canonical(_region(o))
    size = 32 + 16 * len(g.rects)
    if not lpRgnData:
        return size
    if nCount < size:
        return 0
    m.mem.pack("<4I4i", lpRgnData, 32, RDH_RECTANGLES, len(g.rects), 16 * len(g.rects), *g.bounds())
    if g.rects:
        m.mem.pack(f"<{4 * len(g.rects)}i", lpRgnData + 32, *[v for r in g.rects for v in r])
    return size


# ---- painting ---------------------------------------------------------------------------------------------
def _to_device(dc: DC, g: Region) -> Region:
    """A region in logical coordinates of ``dc`` mapped to device coordinates."""
    if dc.map_mode == 1:
        x0, y0 = dc.lp(0, 0)
        return g.offset(x0, y0) if (x0, y0) != (0, 0) else g
    out = Region()
    out.rects = [dc.lrect(*r) for r in g.rects]
    return canonical(out)


@stdcall("gdi32")
def FillRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE, hbr: HANDLE) -> BOOL:
    """Paint a region with a brush (the DC's ROP2 applies)."""
    dc, o = get_dc(m, hdc), get_region(m, hrgn)
    brush = syscolor.brush_from_handle(m, hbr)
    if dc is None or o is None or brush is None:
        return 0
    draw.fill_region(dc, _to_device(dc, _region(o)), draw.brush_src(dc, brush), dc.rop2)
    return 1


@stdcall("gdi32")
def PaintRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE) -> BOOL:
    """Paint a region with the DC's brush."""
    dc, o = get_dc(m, hdc), get_region(m, hrgn)
    if dc is None or o is None:
        return 0
    draw.fill_region(dc, _to_device(dc, _region(o)), draw.brush_src(dc, dc.brush), dc.rop2)
    return 1


@stdcall("gdi32")
def InvertRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE) -> BOOL:
    """Invert the colours of a region's pixels."""
    dc, o = get_dc(m, hdc), get_region(m, hrgn)
    if dc is None or o is None:
        return 0
    draw.fill_region(dc, _to_device(dc, _region(o)), 0, draw.R2_NOT)
    return 1


def frame_region(g: Region, w: int, h: int, limit: Rect | None = None) -> Region:
    """The border of ``g``: pixels within ``w`` columns or ``h`` rows of its outside."""
    if not g.rects or w <= 0 or h <= 0:
        return Region()
    l, t, r, b = g.bounds()
    if limit is not None:  # only what can be seen matters, plus the stroke's reach
        l, t = max(l, limit[0] - w), max(t, limit[1] - h)
        r, b = min(r, limit[2] + w), min(b, limit[3] + h)
        if r <= l or b <= t:
            return Region()
    W, H = r - l, b - t
    mask = np.zeros((H + 2 * h, W + 2 * w), dtype=bool)
    for c in g.rects:
        x0, y0, x1, y1 = max(c[0], l), max(c[1], t), min(c[2], r), min(c[3], b)
        if x1 > x0 and y1 > y0:
            mask[y0 - t + h:y1 - t + h, x0 - l + w:x1 - l + w] = True
    # erosion by a (2w+1) x (2h+1) box through running sums
    cs = np.cumsum(np.pad(mask.astype(np.int32), ((0, 0), (w + 1, w))), axis=1)
    er = (cs[:, 2 * w + 1:] - cs[:, :-2 * w - 1]) == 2 * w + 1
    cs = np.cumsum(np.pad(er.astype(np.int32), ((h + 1, h), (0, 0))), axis=0)
    er = (cs[2 * h + 1:, :] - cs[:-2 * h - 1, :]) == 2 * h + 1
    frame = (mask & ~er)[h:h + H, w:w + W]
    return region_from_mask(frame, l, t)


@stdcall("gdi32")
def FrameRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE, hbr: HANDLE, w: INT, h: INT) -> BOOL:
    """Border around a region, ``w`` wide on vertical sides and ``h`` high on horizontal ones, in a brush."""
    dc, o = get_dc(m, hdc), get_region(m, hrgn)
    brush = syscolor.brush_from_handle(m, hbr)
    if dc is None or o is None or brush is None:
        return 0
    dw, dh = dc.lsize(w, h)
    cb = dc.clip_box()
    g = frame_region(_to_device(dc, _region(o)), max(dw, 1) if w > 0 else 0, max(dh, 1) if h > 0 else 0, cb)
    draw.fill_region(dc, g, draw.brush_src(dc, brush), dc.rop2)
    return 1


# ---- the DC's clip region -------------------------------------------------------------------------------
def _dc_kind(dc: DC) -> int:
    dc.invalidate_clip()
    return kind(canonical(Region(list(dc.rects()))))


def _whole(dc: DC) -> Region:
    """The DC's whole drawing area in device coordinates (the clip when none is set)."""
    dc.rects()  # window DCs: follow the window's current place and size
    s = dc.surface
    ox, oy = dc.dev_org
    if dc.vis is not None:
        return canonical(dc.vis).offset(-ox, -oy)
    if s is None:
        return Region()
    return Region.from_rect((-ox, -oy, s.width - ox, s.height - oy))


def set_clip(dc: DC, g: Region | None) -> int:
    """Replace the DC's application clip (device coordinates; None removes it); returns the clip's kind."""
    dc.clip = canonical(g) if g is not None else None
    return _dc_kind(dc)


def combine_clip(dc: DC, g: Region | None, mode: int) -> int:
    """ExtSelectClipRgn semantics on the DC's clip; returns the resulting kind or ERROR."""
    if mode == RGN_COPY:
        return set_clip(dc, g)
    if g is None or mode not in _OPS:
        return ERROR
    cur = dc.clip if dc.clip is not None else _whole(dc)
    return set_clip(dc, combine(cur, g, _OPS[mode]))


@stdcall("gdi32")
def SelectClipRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE) -> INT:
    """Clip to a copy of a region (device coordinates); NULL removes the clip. Returns the kind."""
    dc = get_dc(m, hdc)
    if dc is None:
        return ERROR
    if not hrgn:
        return set_clip(dc, None)
    o = get_region(m, hrgn)
    if o is None:
        return ERROR
    return set_clip(dc, _region(o))


@stdcall("gdi32")
def ExtSelectClipRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE, mode: INT) -> INT:
    """Combine the clip with a region (RGN_AND/OR/XOR/DIFF) or replace it (RGN_COPY; NULL removes it)."""
    dc = get_dc(m, hdc)
    if dc is None:
        return ERROR
    g = None
    if hrgn:
        o = get_region(m, hrgn)
        if o is None:
            return ERROR
        g = _region(o)
    return combine_clip(dc, g, mode)


@stdcall("gdi32")
def IntersectClipRect(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT) -> INT:
    """Clip to the intersection with a rectangle (logical units); returns the kind."""
    dc = get_dc(m, hdc)
    if dc is None:
        return ERROR
    return combine_clip(dc, Region.from_rect(dc.lrect(left, top, right, bottom)), RGN_AND)


@stdcall("gdi32")
def ExcludeClipRect(m: Machine, hdc: HANDLE, left: INT, top: INT, right: INT, bottom: INT) -> INT:
    """Remove a rectangle (logical units) from the clip; returns the kind."""
    dc = get_dc(m, hdc)
    if dc is None:
        return ERROR
    return combine_clip(dc, Region.from_rect(dc.lrect(left, top, right, bottom)), RGN_DIFF)


@stdcall("gdi32")
def OffsetClipRgn(m: Machine, hdc: HANDLE, x: INT, y: INT) -> INT:
    """Move the clip region by (x, y) logical units; returns the kind."""
    dc = get_dc(m, hdc)
    if dc is None:
        return ERROR
    if dc.clip is not None:
        x0, y0 = dc.lp(0, 0)
        x1, y1 = dc.lp(x, y)
        dc.clip = dc.clip.offset(x1 - x0, y1 - y0)
    return _dc_kind(dc)


@stdcall("gdi32")
def GetClipRgn(m: Machine, hdc: HANDLE, hrgn: HANDLE) -> INT:
    """Copy the application clip (device coordinates) into a region: 1, 0 if there is none, -1 on error."""
    dc, o = get_dc(m, hdc), get_region(m, hrgn)
    if dc is None or o is None:
        return -1
    if dc.clip is None:
        return 0
    o.region = canonical(dc.clip)
    return 1


@stdcall("gdi32")
def PtVisible(m: Machine, hdc: HANDLE, x: INT, y: INT) -> BOOL:
    """Whether a logical point lies inside the DC's clipping region."""
    dc = get_dc(m, hdc)
    if dc is None:
        return -1
    dx, dy = dc.lp(x, y)
    sx, sy = dx + dc.dev_org[0], dy + dc.dev_org[1]
    return int(any(c[0] <= sx < c[2] and c[1] <= sy < c[3] for c in dc.rects()))


@stdcall("gdi32")
def RectVisible(m: Machine, hdc: HANDLE, lprect: PTR) -> BOOL:
    """Whether any part of a logical rectangle lies inside the DC's clipping region."""
    dc = get_dc(m, hdc)
    if dc is None or not lprect:
        return 0
    return int(bool(dc.device_rect_clips(dc.lrect(*m.mem.unpack("<4i", lprect)))))
