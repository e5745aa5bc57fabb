"""user32 painting: update regions (InvalidateRect, ValidateRgn, GetUpdateRect), BeginPaint/EndPaint,
window DCs (GetDC, GetDCEx, GetWindowDC, ReleaseDC), UpdateWindow, RedrawWindow, ScrollWindow(Ex)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, PTR, UINT, stdcall

from . import gdiobj
from .region import Rect, Region, rect_intersect
from .window_core import (
    CS_CLASSDC, CS_OWNDC, CS_PARENTDC, DESKTOP_HWND, RDW_ALLCHILDREN, RDW_ERASE, RDW_ERASENOW, RDW_FRAME,
    RDW_INTERNALPAINT, RDW_INVALIDATE, RDW_NOINTERNALPAINT, RDW_UPDATENOW, RDW_VALIDATE, WS_CLIPCHILDREN, Window,
    _rect_arg, _write_rect, changed, get, make_dc, origin_in_top, really_visible, state, top_level,
)

if TYPE_CHECKING:
    from emu.machine import Machine


def invalidate_tree(m: "Machine", w: Window) -> None:
    w.nc_dirty = True
    invalidate(m, w, None, True)
    for ch in w.children:
        if ch.visible:
            invalidate_tree(m, ch)


# ---- painting ------------------------------------------------------------------------------------------
def invalidate(m: "Machine", w: Window, rect: Rect | None, erase: bool) -> None:
    """Add ``rect`` (client coordinates; None = whole client area) to the update region."""
    if w.destroyed:
        return
    r = w.client_rect() if rect is None else rect_intersect(rect, w.client_rect())
    if r is not None:
        w.update.add(r)
        if erase:
            w.erase = True
    state(m).frame_version += 1


def invalidate_children(m: "Machine", w: Window, rect: Rect | None, erase: bool) -> None:
    """Children overlapping ``rect`` (parent client coordinates) get invalidated too (what Windows does
    for windows without WS_CLIPCHILDREN when RDW_ALLCHILDREN or for InvalidateRect's effect on children)."""
    for c in w.children:
        if not c.visible:
            continue
        c.nc_dirty = True
        if rect is None:
            invalidate(m, c, None, erase)
            invalidate_children(m, c, None, erase)
            continue
        i = rect_intersect(rect, c.rect)
        if i is not None:
            cr = (i[0] - c.rect[0] - c.client_off[0], i[1] - c.rect[1] - c.client_off[1],
                  i[2] - c.rect[0] - c.client_off[0], i[3] - c.rect[1] - c.client_off[1])
            invalidate(m, c, cr, erase)
            invalidate_children(m, c, cr, erase)


@stdcall("user32")
def InvalidateRect(m: "Machine", hWnd: HWND, lpRect: PTR, bErase: BOOL) -> BOOL:
    """Add a client rectangle (NULL: all) to the window's update region."""
    w = get(m, hWnd)
    if w is None:
        if hWnd == 0:
            for t in state(m).tops:
                invalidate_tree(m, t)
            return 1
        return 0
    r = _rect_arg(m, lpRect)
    invalidate(m, w, r, bool(bErase))
    if not w.style & WS_CLIPCHILDREN:
        invalidate_children(m, w, r, bool(bErase))
    return 1


@stdcall("user32")
def InvalidateRgn(m: "Machine", hWnd: HWND, hRgn: HANDLE, bErase: BOOL) -> BOOL:
    """Add a region (NULL: all) to the update region."""
    w = get(m, hWnd)
    if w is None:
        return 0
    rg = gdiobj.table(m).get(hRgn, gdiobj.RegionObj) if hRgn else None
    if rg is None or rg.region is None:
        invalidate(m, w, None, bool(bErase))
    else:
        for r in rg.region.rects:
            invalidate(m, w, r, bool(bErase))
    return 1


@stdcall("user32")
def ValidateRect(m: "Machine", hWnd: HWND, lpRect: PTR) -> BOOL:
    """Remove a rectangle (NULL: all) from the update region."""
    w = get(m, hWnd)
    if w is None:
        return 0
    r = _rect_arg(m, lpRect)
    if r is None:
        w.update = Region()
        w.erase = False
        w.internal_paint = False
    else:
        w.update.subtract_rect(r)
    return 1


@stdcall("user32")
def ValidateRgn(m: "Machine", hWnd: HWND, hRgn: HANDLE) -> BOOL:
    """Remove a region (NULL: all) from the update region."""
    w = get(m, hWnd)
    if w is None:
        return 0
    rg = gdiobj.table(m).get(hRgn, gdiobj.RegionObj) if hRgn else None
    if rg is None or rg.region is None:
        w.update = Region()
        w.erase = False
    else:
        w.update = w.update.subtract(rg.region)
    return 1


@stdcall("user32")
def GetUpdateRect(m: "Machine", hWnd: HWND, lpRect: PTR, bErase: BOOL) -> BOOL:
    """Bounding box of the update region; whether it is non-empty."""
    from . import message as msg  # noqa: PLC0415
    w = get(m, hWnd)
    if w is None:
        return 0
    b = w.update.bounds()
    if lpRect:
        _write_rect(m, lpRect, b)
    nonempty = not w.update.empty()
    if nonempty and bErase and w.erase:
        dc = make_dc(m, w, True)
        try:
            w.erase = False
            msg.send(m, w, msg.WM_ERASEBKGND, dc.handle, 0)
        finally:
            gdiobj.table(m).delete(dc.handle)
    return int(nonempty)


@stdcall("user32")
def GetUpdateRgn(m: "Machine", hWnd: HWND, hRgn: HANDLE, bErase: BOOL) -> INT:
    """Copy the update region into ``hRgn``; returns the region kind."""
    w = get(m, hWnd)
    rg = gdiobj.table(m).get(hRgn, gdiobj.RegionObj)
    if w is None or rg is None:
        return 0
    rg.region = w.update.copy()
    return 1 if w.update.empty() else (2 if len(w.update.rects) == 1 else 3)


def paint_nonclient(m: "Machine", w: Window) -> None:
    """Send WM_NCPAINT when the frame needs drawing (DefWindowProc draws it)."""
    from . import message as msg  # noqa: PLC0415
    if w.nc_dirty and really_visible(w):
        w.nc_dirty = False
        if w.client_off != (0, 0) or w.client_size != (w.width, w.height):
            msg.send(m, w, msg.WM_NCPAINT, 1, 0)


def begin_paint(m: "Machine", w: Window, ps: int) -> int:
    from . import message as msg  # noqa: PLC0415
    paint_nonclient(m, w)
    upd = w.update
    w.update = Region()
    w.internal_paint = False
    dc = make_dc(m, w, True)
    dc.paint_clip = upd.copy()
    erase = w.erase
    w.erase = False
    if erase:
        erased = msg.send(m, w, msg.WM_ERASEBKGND, dc.handle, 0)
        erase = not erased
    b = upd.bounds()
    if ps:
        m.mem.pack("<Ii4i", ps, dc.handle, int(erase), *b)
        m.mem.write(ps + 28, b"\0" * 36)
    state(m).frame_version += 1
    return dc.handle


@stdcall("user32")
def BeginPaint(m: "Machine", hWnd: HWND, lpPaint: PTR) -> HANDLE:
    """Start painting: a DC clipped to the update region (after WM_NCPAINT / WM_ERASEBKGND); validates."""
    w = get(m, hWnd)
    if w is None:
        return 0
    return begin_paint(m, w, lpPaint)


@stdcall("user32")
def EndPaint(m: "Machine", hWnd: HWND, lpPaint: PTR) -> BOOL:
    """Finish painting: releases BeginPaint's DC."""
    hdc = m.mem.u32(lpPaint) if lpPaint else 0
    if hdc:
        gdiobj.table(m).delete(hdc)
    state(m).frame_version += 1
    return 1


def get_window_dc(m: "Machine", w: Window | None, client: bool) -> int:
    if w is not None and client and w.cls.style & CS_OWNDC:
        if w.own_dc is None:
            w.own_dc = make_dc(m, w, True)
        w.own_dc.vis_version = -1
        return w.own_dc.handle
    if w is not None and client and w.cls.style & CS_CLASSDC:
        if w.cls.dc is None:
            w.cls.dc = make_dc(m, w, True)
        dc = w.cls.dc
        dc.window = w
        dc.hwnd = w.hwnd
        dc.vis_version = -1
        return dc.handle
    if w is not None and client and w.cls.style & CS_PARENTDC and w.parent is not None:
        dc = make_dc(m, w, True)
        return dc.handle
    return make_dc(m, w, client).handle


@stdcall("user32")
def GetDC(m: "Machine", hWnd: HWND) -> HANDLE:
    """A DC for the window's client area (NULL: the whole screen)."""
    if hWnd in (0, DESKTOP_HWND):
        return get_window_dc(m, None, True)
    w = get(m, hWnd)
    if w is None:
        return 0
    return get_window_dc(m, w, True)


@stdcall("user32")
def GetDCEx(m: "Machine", hWnd: HWND, hrgnClip: HANDLE, flags: DWORD) -> HANDLE:
    """GetDC with DCX_WINDOW (1) for the whole window; clip regions intersect."""
    if hWnd in (0, DESKTOP_HWND):
        return get_window_dc(m, None, True)
    w = get(m, hWnd)
    if w is None:
        return 0
    h = get_window_dc(m, w, not flags & 1)
    from .dc import get_dc  # noqa: PLC0415
    dc = get_dc(m, h)
    if dc is not None and hrgnClip and flags & 0x80:  # DCX_INTERSECTRGN
        rg = gdiobj.table(m).get(hrgnClip, gdiobj.RegionObj)
        if rg is not None and rg.region is not None:
            dc.clip = rg.region.copy()
            dc.invalidate_clip()
    return h


@stdcall("user32")
def GetWindowDC(m: "Machine", hWnd: HWND) -> HANDLE:
    """A DC for the whole window including the frame."""
    if hWnd in (0, DESKTOP_HWND):
        return get_window_dc(m, None, True)
    w = get(m, hWnd)
    if w is None:
        return 0
    return make_dc(m, w, False).handle


@stdcall("user32")
def ReleaseDC(m: "Machine", hWnd: HWND, hDC: HANDLE) -> INT:
    """Release a DC from GetDC/GetWindowDC (own and class DCs stay)."""
    from .dc import get_dc  # noqa: PLC0415
    dc = get_dc(m, hDC)
    if dc is None:
        return 0
    w = dc.window
    if w is not None and (w.own_dc is dc or w.cls.dc is dc):
        return 1
    if dc.kind == gdiobj.OBJ_DC:
        gdiobj.table(m).delete(hDC)
    state(m).frame_version += 1
    return 1


def update_window(m: "Machine", w: Window) -> None:
    """Send WM_PAINT now if the window (or a child) has something to paint."""
    from . import message as msg  # noqa: PLC0415
    if (not w.update.empty() or w.internal_paint or w.nc_dirty) and really_visible(w):
        if w.update.empty() and not w.internal_paint:
            paint_nonclient(m, w)
        else:
            msg.send(m, w, msg.WM_PAINT, 0, 0)
            if not w.update.empty():  # the program did not validate: Windows keeps sending; we stop here
                w.update = Region()
    for c in list(w.children):
        if c.visible:
            update_window(m, c)


@stdcall("user32")
def UpdateWindow(m: "Machine", hWnd: HWND) -> BOOL:
    """Paint now (WM_PAINT sent directly) if the update region is not empty."""
    w = get(m, hWnd)
    if w is None:
        return 0
    update_window(m, w)
    return 1


@stdcall("user32")
def RedrawWindow(m: "Machine", hWnd: HWND, lprcUpdate: PTR, hrgnUpdate: HANDLE, flags: UINT) -> BOOL:
    """Invalidate/validate and optionally paint now (RDW_* flags)."""
    w = get(m, hWnd) if hWnd else None
    targets = [w] if w is not None else list(state(m).tops)
    for t in targets:
        r = _rect_arg(m, lprcUpdate)
        if flags & RDW_INVALIDATE:
            rg = gdiobj.table(m).get(hrgnUpdate, gdiobj.RegionObj) if hrgnUpdate else None
            if rg is not None and rg.region is not None:
                for rr in rg.region.rects:
                    invalidate(m, t, rr, bool(flags & RDW_ERASE))
            else:
                invalidate(m, t, r, bool(flags & RDW_ERASE))
            if flags & RDW_ALLCHILDREN:
                invalidate_children(m, t, r, bool(flags & RDW_ERASE))
        if flags & RDW_FRAME:
            t.nc_dirty = True
        if flags & RDW_INTERNALPAINT:
            t.internal_paint = True
        if flags & RDW_VALIDATE:
            if r is None:
                t.update = Region()
            else:
                t.update.subtract_rect(r)
            if flags & RDW_NOINTERNALPAINT:
                t.internal_paint = False
        if flags & (RDW_UPDATENOW | RDW_ERASENOW):
            update_window(m, t)
    return 1


@stdcall("user32")
def LockWindowUpdate(m: "Machine", hWndLock: HWND) -> BOOL:
    """Drawing is never deferred here: accepted (one window may be locked at a time)."""
    return 1


def scroll_dc_area(m: "Machine", w: Window, dx: int, dy: int, rect: Rect | None, clip: Rect | None) -> None:
    """ScrollWindow(Ex) core: move pixels of the client area and invalidate the uncovered part."""
    s = top_level(w).surface
    if s is None:
        return
    ox, oy = origin_in_top(w)
    ox += w.client_off[0]
    oy += w.client_off[1]
    area = rect or w.client_rect()
    area = rect_intersect(area, w.client_rect()) or (0, 0, 0, 0)
    if clip is not None:
        area = rect_intersect(area, clip) or (0, 0, 0, 0)
    l, t, r, b = area
    if r <= l or b <= t:
        return
    src = s.px[oy + t:oy + b, ox + l:ox + r].copy()
    dst = s.px[oy + t:oy + b, ox + l:ox + r]
    h, wd = src.shape
    if abs(dx) < wd and abs(dy) < h:
        sy0, sy1 = max(0, -dy), min(h, h - dy)
        sx0, sx1 = max(0, -dx), min(wd, wd - dx)
        dst[sy0 + dy:sy1 + dy, sx0 + dx:sx1 + dx] = src[sy0:sy1, sx0:sx1]
    exposed = Region.from_rect(area)
    exposed.subtract_rect((l + dx, t + dy, r + dx, b + dy))
    for er in exposed.rects:
        invalidate(m, w, er, True)
    s.version += 1
    for c in w.children:
        c.rect = (c.rect[0] + dx, c.rect[1] + dy, c.rect[2] + dx, c.rect[3] + dy) if rect is None else c.rect
    changed(m)


@stdcall("user32")
def ScrollWindow(m: "Machine", hWnd: HWND, XAmount: INT, YAmount: INT, lpRect: PTR, lpClipRect: PTR) -> BOOL:
    """Scroll the client area's pixels; the uncovered part is invalidated."""
    w = get(m, hWnd)
    if w is None:
        return 0
    scroll_dc_area(m, w, XAmount, YAmount, _rect_arg(m, lpRect), _rect_arg(m, lpClipRect))
    return 1


@stdcall("user32")
def ScrollWindowEx(m: "Machine", hWnd: HWND, dx: INT, dy: INT, prcScroll: PTR, prcClip: PTR, hrgnUpdate: HANDLE,
                   prcUpdate: PTR, flags: UINT) -> INT:
    """Scroll the client area's pixels (SW_INVALIDATE / SW_ERASE / SW_SCROLLCHILDREN)."""
    w = get(m, hWnd)
    if w is None:
        return 0
    scroll_dc_area(m, w, dx, dy, _rect_arg(m, prcScroll), _rect_arg(m, prcClip))
    if prcUpdate:
        _write_rect(m, prcUpdate, w.update.bounds())
    return 2
