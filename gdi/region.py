"""Rectangle-list regions: the clipping and update areas of windows and DCs.

A region is a list of non-overlapping rectangles ``(left, top, right, bottom)`` (right/bottom exclusive).
Windows programs mostly clip to rectangles, so a short list is both simple and fast.
"""
from __future__ import annotations

import numpy as np

Rect = tuple[int, int, int, int]


def rect_empty(r: Rect) -> bool:
    return r[2] <= r[0] or r[3] <= r[1]


def rect_intersect(a: Rect, b: Rect) -> Rect | None:
    r = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return None if rect_empty(r) else r


def rect_offset(r: Rect, dx: int, dy: int) -> Rect:
    return (r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy)


def rect_subtract(a: Rect, b: Rect) -> list[Rect]:
    """``a`` minus ``b`` as up to four rectangles."""
    i = rect_intersect(a, b)
    if i is None:
        return [a]
    out: list[Rect] = []
    if a[1] < i[1]:
        out.append((a[0], a[1], a[2], i[1]))
    if i[3] < a[3]:
        out.append((a[0], i[3], a[2], a[3]))
    if a[0] < i[0]:
        out.append((a[0], i[1], i[0], i[3]))
    if i[2] < a[2]:
        out.append((i[2], i[1], a[2], i[3]))
    return out


class Region:
    """A set of pixels as non-overlapping rectangles."""

    __slots__ = ("rects",)

    def __init__(self, rects: list[Rect] | None = None) -> None:
        self.rects: list[Rect] = []
        for r in rects or ():
            self.add(r)

    @classmethod
    def from_rect(cls, r: Rect) -> "Region":
        g = cls()
        if not rect_empty(r):
            g.rects.append(r)
        return g

    def copy(self) -> "Region":
        g = Region()
        g.rects = list(self.rects)
        return g

    def empty(self) -> bool:
        return not self.rects

    def bounds(self) -> Rect:
        if not self.rects:
            return (0, 0, 0, 0)
        return (min(r[0] for r in self.rects), min(r[1] for r in self.rects),
                max(r[2] for r in self.rects), max(r[3] for r in self.rects))

    def add(self, r: Rect) -> None:
        """Union with rectangle ``r``."""
        if rect_empty(r):
            return
        pieces = [r]
        for e in self.rects:
            nxt: list[Rect] = []
            for p in pieces:
                nxt.extend(rect_subtract(p, e))
            pieces = nxt
            if not pieces:
                return
        self.rects.extend(pieces)

    def union(self, other: "Region") -> "Region":
        g = self.copy()
        for r in other.rects:
            g.add(r)
        return g

    def subtract_rect(self, r: Rect) -> None:
        out: list[Rect] = []
        for e in self.rects:
            out.extend(rect_subtract(e, r))
        self.rects = out

    def subtract(self, other: "Region") -> "Region":
        g = self.copy()
        for r in other.rects:
            g.subtract_rect(r)
        return g

    def intersect_rect(self, r: Rect) -> "Region":
        g = Region()
        g.rects = [i for e in self.rects if (i := rect_intersect(e, r)) is not None]
        return g

    def intersect(self, other: "Region") -> "Region":
        g = Region()
        for a in self.rects:
            for b in other.rects:
                i = rect_intersect(a, b)
                if i is not None:
                    g.rects.append(i)
        return g

    def offset(self, dx: int, dy: int) -> "Region":
        g = Region()
        g.rects = [rect_offset(r, dx, dy) for r in self.rects]
        return g

    def contains(self, x: int, y: int) -> bool:
        return any(r[0] <= x < r[2] and r[1] <= y < r[3] for r in self.rects)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Region):
            return NotImplemented
        return self.subtract(other).empty() and other.subtract(self).empty()

    def __repr__(self) -> str:
        return f"Region({self.rects})"


# ---- canonical (y-x banded) regions and boolean operations ------------------------------------------
# Added for the region APIs (rgn.py): results are in Windows' canonical form -- rows grouped into bands,
# sorted spans in each band, vertically adjacent bands with identical spans merged -- so that a region
# that is one rectangle is stored as one rectangle (SIMPLEREGION) and equal regions have equal lists.

def _runs_to_rects(grid: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> list[Rect]:
    """Canonical rectangles of boolean ``grid`` whose cell (i, j) spans ys[i]..ys[i+1] x xs[j]..xs[j+1]."""
    h, w = grid.shape
    if h == 0 or w == 0:
        return []
    pad = np.zeros((h, w + 2), dtype=np.int8)
    pad[:, 1:-1] = grid
    d = np.diff(pad, axis=1)
    sr, sc = np.nonzero(d == 1)
    _er, ec = np.nonzero(d == -1)
    counts = np.bincount(sr, minlength=h)
    bounds = np.concatenate(([0], np.cumsum(counts)))
    out: list[Rect] = []
    prev_key: tuple[int, ...] | None = None
    band_start = 0
    band: list[tuple[int, int]] = []

    def flush(end_row: int) -> None:
        y0, y1 = int(ys[band_start]), int(ys[end_row])
        for a, b in band:
            out.append((int(xs[a]), y0, int(xs[b]), y1))

    for i in range(h):
        a, b = bounds[i], bounds[i + 1]
        key = tuple(sc[a:b].tolist()) + (-1,) + tuple(ec[a:b].tolist())
        if key == prev_key:
            continue
        if prev_key is not None and band:
            flush(i)
        prev_key = key
        band_start = i
        band = list(zip(sc[a:b].tolist(), ec[a:b].tolist()))
    if prev_key is not None and band:
        flush(h)
    return out


def region_from_mask(mask: np.ndarray, x0: int = 0, y0: int = 0) -> Region:
    """Canonical region of the True pixels of boolean ``mask`` placed with its (0, 0) at (x0, y0)."""
    h, w = mask.shape
    g = Region()
    g.rects = _runs_to_rects(mask, np.arange(x0, x0 + w + 1), np.arange(y0, y0 + h + 1))
    return g


def _bands(g: Region, ys: list[int], index: dict[int, int]) -> list[list[tuple[int, int]]]:
    """For each interval ys[i]..ys[i+1], the x spans of ``g``'s rectangles covering it (unsorted)."""
    bands: list[list[tuple[int, int]]] = [[] for _ in range(len(ys) - 1)]
    for l, t, r, b in g.rects:
        if r <= l or b <= t:
            continue
        for i in range(index[t], index[b]):
            bands[i].append((l, r))
    return bands


_OPS = {"and": lambda a, b: a and b, "or": lambda a, b: a or b, "xor": lambda a, b: a != b,
        "diff": lambda a, b: a and not b}


def _span_op(sa: list[tuple[int, int]], sb: list[tuple[int, int]], op: str) -> list[tuple[int, int]]:
    """``op`` of two sets of x spans (each may overlap itself) as sorted disjoint spans."""
    ev: dict[int, list[int]] = {}
    for spans, k in ((sa, 0), (sb, 1)):
        for l, r in spans:
            ev.setdefault(l, [0, 0])[k] += 1
            ev.setdefault(r, [0, 0])[k] -= 1
    fn = _OPS[op]
    out: list[tuple[int, int]] = []
    ca = cb = 0
    start: int | None = None
    for x in sorted(ev):
        da, db = ev[x]
        ca += da
        cb += db
        inside = fn(ca > 0, cb > 0)
        if inside and start is None:
            start = x
        elif not inside and start is not None:
            out.append((start, x))
            start = None
    return out


def combine(a: Region, b: Region | None, op: str) -> Region:
    """``a`` op ``b`` in canonical form; ``op`` is "and", "or", "xor", "diff" or "copy" (``b`` unused).

    A sweep over the horizontal bands between all rectangle top/bottom edges: each band's spans are
    combined, then vertically adjacent bands with the same spans are merged (Windows' y-x banding)."""
    if op == "copy" or b is None:
        op, b = "or", Region()
    ys = sorted({v for r in a.rects + b.rects if r[2] > r[0] and r[3] > r[1] for v in (r[1], r[3])})
    if not ys:
        return Region()
    index = {y: i for i, y in enumerate(ys)}
    ba, bb = _bands(a, ys, index), _bands(b, ys, index)
    out: list[Rect] = []
    prev: list[tuple[int, int]] = []
    top = ys[0]
    for i in range(len(ys) - 1):
        spans = _span_op(ba[i], bb[i], op) if ba[i] or bb[i] else []
        if spans != prev:
            out.extend((l, top, r, ys[i]) for l, r in prev)
            prev, top = spans, ys[i]
    out.extend((l, top, r, ys[-1]) for l, r in prev)
    g = Region()
    g.rects = out
    return g


def canonical(g: Region) -> Region:
    """``g`` in canonical banded form (merging fragments such as two halves of one rectangle)."""
    return combine(g, None, "copy")
