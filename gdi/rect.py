"""user32 rectangle helpers: SetRect, InflateRect, IntersectRect, UnionRect, PtInRect, ...

RECT is four LONGs (left, top, right, bottom); right and bottom are exclusive. A rectangle is empty when
right <= left or bottom <= top. NULL pointers make the functions fail (return FALSE).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, INT, PTR, stdcall

if TYPE_CHECKING:
    from emu.machine import Machine

RectT = tuple[int, int, int, int]


def read_rect(m: Machine, p: int) -> RectT:
    """The RECT at guest address ``p``."""
    return m.mem.unpack("<4i", p)  # type: ignore[return-value]


def write_rect(m: Machine, p: int, r: RectT) -> None:
    """Store a RECT at guest address ``p`` (values wrapped to 32 bits)."""
    m.mem.pack("<4i", p, *(((v + 0x80000000) & 0xFFFFFFFF) - 0x80000000 for v in r))


def _empty(r: RectT) -> bool:
    return r[2] <= r[0] or r[3] <= r[1]


@stdcall("user32")
def SetRect(m: Machine, lprc: PTR, xLeft: INT, yTop: INT, xRight: INT, yBottom: INT) -> BOOL:
    """Fill a RECT with the given coordinates."""
    if not lprc:
        return 0
    write_rect(m, lprc, (xLeft, yTop, xRight, yBottom))
    return 1


@stdcall("user32")
def SetRectEmpty(m: Machine, lprc: PTR) -> BOOL:
    """Set all coordinates of a RECT to zero."""
    if not lprc:
        return 0
    write_rect(m, lprc, (0, 0, 0, 0))
    return 1


@stdcall("user32")
def CopyRect(m: Machine, lprcDst: PTR, lprcSrc: PTR) -> BOOL:
    """Copy one RECT to another."""
    if not lprcDst or not lprcSrc:
        return 0
    write_rect(m, lprcDst, read_rect(m, lprcSrc))
    return 1


@stdcall("user32")
def InflateRect(m: Machine, lprc: PTR, dx: INT, dy: INT) -> BOOL:
    """Grow a RECT by dx on the left and right and dy on the top and bottom (negative shrinks)."""
    if not lprc:
        return 0
    l, t, r, b = read_rect(m, lprc)
    write_rect(m, lprc, (l - dx, t - dy, r + dx, b + dy))
    return 1


@stdcall("user32")
def OffsetRect(m: Machine, lprc: PTR, dx: INT, dy: INT) -> BOOL:
    """Move a RECT by (dx, dy)."""
    if not lprc:
        return 0
    l, t, r, b = read_rect(m, lprc)
    write_rect(m, lprc, (l + dx, t + dy, r + dx, b + dy))
    return 1


@stdcall("user32")
def IntersectRect(m: Machine, lprcDst: PTR, lprcSrc1: PTR, lprcSrc2: PTR) -> BOOL:
    """Intersection of two RECTs; an empty result is stored as all zeros and returns FALSE."""
    if not lprcDst or not lprcSrc1 or not lprcSrc2:
        return 0
    a, b = read_rect(m, lprcSrc1), read_rect(m, lprcSrc2)
    r = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    if _empty(a) or _empty(b) or _empty(r):
        write_rect(m, lprcDst, (0, 0, 0, 0))
        return 0
    write_rect(m, lprcDst, r)
    return 1


@stdcall("user32")
def UnionRect(m: Machine, lprcDst: PTR, lprcSrc1: PTR, lprcSrc2: PTR) -> BOOL:
    """Smallest RECT containing both (empty inputs ignored); FALSE and all zeros if both are empty."""
    if not lprcDst or not lprcSrc1 or not lprcSrc2:
        return 0
    a, b = read_rect(m, lprcSrc1), read_rect(m, lprcSrc2)
    if _empty(a) and _empty(b):
        write_rect(m, lprcDst, (0, 0, 0, 0))
        return 0
    if _empty(a):
        r = b
    elif _empty(b):
        r = a
    else:
        r = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
    write_rect(m, lprcDst, r)
    return 1


@stdcall("user32")
def SubtractRect(m: Machine, lprcDst: PTR, lprcSrc1: PTR, lprcSrc2: PTR) -> BOOL:
    """Src1 minus src2 when the difference is a rectangle (src2 spans a full side), else src1."""
    if not lprcDst or not lprcSrc1 or not lprcSrc2:
        return 0
    a, b = read_rect(m, lprcSrc1), read_rect(m, lprcSrc2)
    if _empty(a):
        write_rect(m, lprcDst, (0, 0, 0, 0))
        return 0
    r = list(a)
    i = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    if not _empty(b) and not _empty(i):
        if i == a:
            write_rect(m, lprcDst, (0, 0, 0, 0))
            return 0
        if i[0] == a[0] and i[2] == a[2]:  # spans the full width: cut from the top or bottom
            if i[1] == a[1]:
                r[1] = i[3]
            elif i[3] == a[3]:
                r[3] = i[1]
        elif i[1] == a[1] and i[3] == a[3]:  # spans the full height: cut from the left or right
            if i[0] == a[0]:
                r[0] = i[2]
            elif i[2] == a[2]:
                r[2] = i[0]
    write_rect(m, lprcDst, (r[0], r[1], r[2], r[3]))
    return 1


@stdcall("user32")
def EqualRect(m: Machine, lprc1: PTR, lprc2: PTR) -> BOOL:
    """Whether two RECTs have identical coordinates."""
    if not lprc1 or not lprc2:
        return 0
    return int(read_rect(m, lprc1) == read_rect(m, lprc2))


@stdcall("user32")
def IsRectEmpty(m: Machine, lprc: PTR) -> BOOL:
    """Whether a RECT has no area (right <= left or bottom <= top); TRUE for NULL."""
    if not lprc:
        return 1
    return int(_empty(read_rect(m, lprc)))


@stdcall("user32")
def PtInRect(m: Machine, lprc: PTR, x: INT, y: INT) -> BOOL:
    """Whether POINT (x, y) (passed by value) lies in the RECT, right and bottom edges excluded."""
    if not lprc:
        return 0
    l, t, r, b = read_rect(m, lprc)
    return int(l <= x < r and t <= y < b)
