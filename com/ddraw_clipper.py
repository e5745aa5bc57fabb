"""IDirectDrawClipper: the window (or clip list) blits to a surface are clipped to.

A clipper either follows a window (SetHWnd: its clip list is the visible part of the window's client area in
screen coordinates: clipped by the screen, by its ancestors and, like GDI's, by siblings, children
(WS_CLIPCHILDREN) and the top-level windows above it) or holds a clip list the program set (SetClipList,
RGNDATA rectangles in the surface's coordinates). Attached to a surface, a clipper makes Blt clip instead of
failing on rectangles outside the surface: to the clip list's rectangles, and on a windowed primary to the
window's visible region (in exclusive mode, and for other surfaces, a window clipper clips to the surface).
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Any

from emu.api import DWORD, HWND, PTR

from . import guids
from .ddraw_errors import (
    DD_OK, DDERR_ALREADYINITIALIZED, DDERR_CLIPPERISUSINGHWND, DDERR_INVALIDCLIPLIST, DDERR_INVALIDOBJECT,
    DDERR_INVALIDPARAMS, DDERR_NOCLIPLIST, DDERR_REGIONTOOSMALL,
)
from .factory import ComObject, Interface, IUnknown, Ref

if TYPE_CHECKING:
    from emu.machine import Machine

Rect = tuple[int, int, int, int]
RGNDATAHEADER_SIZE = 32
RDH_RECTANGLES = 1


class Clipper(ComObject):
    """A DirectDraw clipper; ``hwnd`` is the window set with SetHWnd, ``rects`` the clip list set with
    SetClipList (None: none), ``seen`` the clip list as IsClipListChanged last reported it."""

    def __init__(self, dd: Any) -> None:
        super().__init__()
        self.dd = dd
        self.hwnd = 0
        self.rects: list[Rect] | None = None
        self.seen: list[Rect] | None = None


def window_region(m: "Machine", hwnd: int) -> list[Rect]:
    """The visible part of window ``hwnd``'s client area in screen coordinates, as y-x banded rectangles."""
    from gdi import desktop  # noqa: PLC0415
    from gdi import region as rg  # noqa: PLC0415
    from gdi import window as wm  # noqa: PLC0415
    w = wm.get(m, hwnd)
    if w is None or w.destroyed or not wm.really_visible(w):
        return []
    top = wm.top_level(w)
    if top.minimized:
        return []
    g = wm.visible_region(w, True).offset(top.rect[0], top.rect[1])
    for t in wm.state(m).tops:  # top-level windows above ours cover it
        if t is top:
            break
        if t.visible and not t.minimized and not t.destroyed:
            g.subtract_rect(t.rect)
    scr = desktop.screen(m)
    g = g.intersect_rect((0, 0, scr.width, scr.height))
    return list(rg.canonical(g).rects)


def clip_list(m: "Machine", c: Clipper) -> list[Rect] | None:
    """The clipper's clip list: its window's visible region, or the list set with SetClipList (None: neither)."""
    if c.hwnd:
        return window_region(m, c.hwnd)
    return None if c.rects is None else list(c.rects)


def blt_rects(m: "Machine", c: Clipper, surface: Any) -> list[Rect] | None:
    """The destination rectangles a Blt to ``surface`` may write (None: the whole surface)."""
    if c.hwnd:
        from . import ddraw_display as disp  # noqa: PLC0415
        if surface.primary and disp.display(m).exclusive is None:
            return window_region(m, c.hwnd)
        return None
    return None if c.rects is None else list(c.rects)


def _this(this: Ref) -> Clipper:
    c = this.obj
    assert isinstance(c, Clipper)
    return c


# ---- methods -----------------------------------------------------------------------------------------------------
def GetClipList(m: "Machine", this: Ref, lpRect: PTR, lpClipList: PTR, lpdwSize: PTR) -> DWORD:
    """IDirectDrawClipper::GetClipList: the clip list (optionally clipped to lpRect) as RGNDATA; with lpClipList
    NULL the size it needs; DDERR_REGIONTOOSMALL when *lpdwSize is smaller; DDERR_NOCLIPLIST without one."""
    if not lpdwSize:
        return DDERR_INVALIDPARAMS
    c = _this(this)
    rects = clip_list(m, c)
    if rects is None:
        return DDERR_NOCLIPLIST
    c.seen = rects
    if lpRect:
        x0, y0, x1, y1 = struct.unpack("<iiii", m.mem.read(lpRect, 16))
        rects = [r for e in rects if (r := (max(e[0], x0), max(e[1], y0), min(e[2], x1), min(e[3], y1)))[2] > r[0]
                 and r[3] > r[1]]
    size = RGNDATAHEADER_SIZE + 16 * len(rects)
    if not lpClipList:
        m.mem.w32(lpdwSize, size)
        return DD_OK
    if m.mem.u32(lpdwSize) < size:
        return DDERR_REGIONTOOSMALL
    bound = (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects),
             max(r[3] for r in rects)) if rects else (0, 0, 0, 0)
    data = struct.pack("<IIII4i", RGNDATAHEADER_SIZE, RDH_RECTANGLES, len(rects), 16 * len(rects), *bound)
    data += b"".join(struct.pack("<4i", *r) for r in rects)
    m.mem.write(lpClipList, data)
    return DD_OK


def SetClipList(m: "Machine", this: Ref, lpClipList: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectDrawClipper::SetClipList: set (RGNDATA of rectangles) or with NULL delete the clip list; not while
    the clipper follows a window (DDERR_CLIPPERISUSINGHWND)."""
    c = _this(this)
    if dwFlags:
        return DDERR_INVALIDPARAMS
    if c.hwnd:
        return DDERR_CLIPPERISUSINGHWND
    if not lpClipList:
        c.rects = None
        return DD_OK
    size, kind, count, _nbytes = m.mem.unpack("<IIII", lpClipList)
    if size != RGNDATAHEADER_SIZE or kind != RDH_RECTANGLES or count > 0x100000:
        return DDERR_INVALIDCLIPLIST
    raw = m.mem.read(lpClipList + RGNDATAHEADER_SIZE, 16 * count)
    rects = [struct.unpack_from("<4i", raw, 16 * i) for i in range(count)]
    c.rects = [r for r in rects if r[2] > r[0] and r[3] > r[1]]  # type: ignore[misc]
    return DD_OK


def GetHWnd(m: "Machine", this: Ref, lphWnd: PTR) -> DWORD:
    """IDirectDrawClipper::GetHWnd: the window set with SetHWnd (NULL if none)."""
    if not lphWnd:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lphWnd, _this(this).hwnd)
    return DD_OK


def SetHWnd(m: "Machine", this: Ref, dwFlags: DWORD, hWnd: HWND) -> DWORD:
    """IDirectDrawClipper::SetHWnd: clip to the visible part of window hWnd (flags must be 0)."""
    if dwFlags:
        return DDERR_INVALIDPARAMS
    c = _this(this)
    c.hwnd = hWnd
    c.seen = window_region(m, hWnd) if hWnd else None
    return DD_OK


def IsClipListChanged(m: "Machine", this: Ref, lpbChanged: PTR) -> DWORD:
    """IDirectDrawClipper::IsClipListChanged: whether the window's visible region changed since the clip list was
    last looked at (SetHWnd, GetClipList or this call)."""
    if not lpbChanged:
        return DDERR_INVALIDPARAMS
    c = _this(this)
    now = clip_list(m, c)
    m.mem.w32(lpbChanged, int(now != c.seen))
    c.seen = now
    return DD_OK


def Initialize(m: "Machine", this: Ref, lpDD: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectDrawClipper::Initialize: clippers are created initialized (DDERR_ALREADYINITIALIZED)."""
    return DDERR_ALREADYINITIALIZED


IDirectDrawClipper = Interface("IDirectDrawClipper", guids.IID_IDirectDrawClipper, base=IUnknown, dll="ddraw",
                               invalid=DDERR_INVALIDOBJECT, slots=[
    ("GetClipList", GetClipList),
    ("GetHWnd", GetHWnd),
    ("Initialize", Initialize),
    ("IsClipListChanged", IsClipListChanged),
    ("SetClipList", SetClipList),
    ("SetHWnd", SetHWnd),
])
Clipper.interfaces = (IDirectDrawClipper,)
