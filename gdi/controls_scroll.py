"""Scroll bars: the window scroll-bar APIs (SetScrollInfo & co. on WS_HSCROLL/WS_VSCROLL bars, whose state
is ``Window.scroll[bar] = [min, max, page, pos, trackpos]`` and which nonclient.py draws), the ScrollBar
control class, and the mouse tracking both use (arrows and page areas repeat while held, the thumb drags),
sending WM_HSCROLL / WM_VSCROLL to the owner of the bar.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu import clock
from emu.api import BOOL, HWND, INT, PTR, UINT, stdcall

from . import defwnd
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .controls_button import (
    COLOR_3DDKSHADOW,
    COLOR_3DLIGHT,
    COLOR_BTNFACE,
    COLOR_BTNHIGHLIGHT,
    COLOR_BTNSHADOW,
    DLGC_WANTARROWS,
    WM_PRINTCLIENT,
    Painting,
    ctl_brush,
    fill_brush,
    paint_mask,
    px,
    redraw,
    set_capture,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .region import Rect
    from .window import Window

SB_HORZ, SB_VERT, SB_CTL, SB_BOTH = 0, 1, 2, 3
SB_LINEUP, SB_LINEDOWN, SB_PAGEUP, SB_PAGEDOWN, SB_THUMBPOSITION, SB_THUMBTRACK = 0, 1, 2, 3, 4, 5
SB_TOP, SB_BOTTOM, SB_ENDSCROLL = 6, 7, 8
SIF_RANGE, SIF_PAGE, SIF_POS, SIF_DISABLENOSCROLL, SIF_TRACKPOS, SIF_ALL = 1, 2, 4, 8, 0x10, 0x17
ESB_ENABLE_BOTH, ESB_DISABLE_LTUP, ESB_DISABLE_RTDN, ESB_DISABLE_BOTH = 0, 1, 2, 3
SBS_HORZ, SBS_VERT, SBS_TOPALIGN, SBS_BOTTOMALIGN, SBS_SIZEBOX, SBS_SIZEGRIP = 0, 1, 2, 4, 8, 0x10
SBM_SETPOS, SBM_GETPOS, SBM_SETRANGE, SBM_GETRANGE, SBM_ENABLE_ARROWS = 0xE0, 0xE1, 0xE2, 0xE3, 0xE4
SBM_SETRANGEREDRAW, SBM_SETSCROLLINFO, SBM_GETSCROLLINFO = 0xE6, 0xE9, 0xEA
ERROR_NO_SCROLLBARS, ERROR_INVALID_PARAMETER = 1447, 87
ARROW = 16
MIN_THUMB = 8
FIRST_DELAY, REPEAT_DELAY = 0.2, 0.05
VK_LBUTTON = 1
# parts of a bar
PART_NONE, PART_ARROW1, PART_PAGE1, PART_THUMB, PART_PAGE2, PART_ARROW2 = 0, 1, 2, 3, 4, 5


# ---- scroll state and geometry ------------------------------------------------------------------------
def clamp_info(info: list[int]) -> None:
    """Keep page within the range and pos within [min, max - page + 1]."""
    mn, mx = info[0], info[1]
    span = max(mx - mn + 1, 0)
    info[2] = max(0, min(info[2], span))
    hi = mx - max(info[2] - 1, 0)
    info[3] = max(mn, min(info[3], max(hi, mn)))
    info[4] = max(mn, min(info[4], max(hi, mn)))


def geometry(info: list[int], length: int, arrow: int = ARROW) -> tuple[int, int, int]:
    """(arrow size, thumb offset from the bar start, thumb length; 0 when there is no thumb) of a bar
    ``length`` pixels long, as nonclient.draw_scrollbar lays out window scroll bars."""
    arrow = min(arrow, length // 2)
    mn, mx, page, pos = info[0], info[1], info[2], info[3]
    span = length - 2 * arrow
    rng = mx - mn + 1 - max(page - 1, 0)
    if span <= MIN_THUMB or mx <= mn or rng <= 0:
        return arrow, 0, 0
    th = max(MIN_THUMB, span * page // (mx - mn + 1)) if page else arrow
    th = min(th, span)
    p = (pos - mn) * (span - th) // max(rng - 1, 1) if rng > 1 else 0
    return arrow, arrow + p, th


def pos_from_offset(info: list[int], length: int, off: int, arrow: int = ARROW) -> int:
    """The position whose thumb starts ``off`` pixels from the bar start (thumb dragging)."""
    arrow = min(arrow, length // 2)
    mn, mx, page = info[0], info[1], info[2]
    _, _, th = geometry(info, length, arrow)
    span = length - 2 * arrow - th
    rng = mx - mn + 1 - max(page - 1, 0)
    if span <= 0 or rng <= 1:
        return mn
    p = max(0, min(off - arrow, span))
    return mn + (p * (rng - 1) + span // 2) // span


def hit_part(info: list[int], length: int, at: int, arrow: int = ARROW) -> int:
    """Which part of a bar ``length`` pixels long lies at offset ``at``."""
    a, t0, th = geometry(info, length, arrow)
    if at < 0 or at >= length:
        return PART_NONE
    if at < a:
        return PART_ARROW1
    if at >= length - a:
        return PART_ARROW2
    if th == 0:
        return PART_NONE
    if at < t0:
        return PART_PAGE1
    if at < t0 + th:
        return PART_THUMB
    return PART_PAGE2


def _flags(m: Machine, w: Window, bar: int) -> int:
    """EnableScrollBar arrow flags of window bar ``bar`` (ESB_*)."""
    return m.state.get("scroll_esb", {}).get((w.hwnd, bar), 0)


def _set_flags(m: Machine, w: Window, bar: int, v: int) -> None:
    m.state.setdefault("scroll_esb", {})[(w.hwnd, bar)] = v


def window_info(w: Window, bar: int) -> list[int]:
    """Window bar state, created with the default 0..100 range."""
    info = w.scroll.get(bar)
    if info is None:
        info = [0, 100, 0, 0, 0]
        w.scroll[bar] = info
    return info


def redraw_frame(m: Machine, w: Window) -> None:
    """Repaint the non-client area (the window scroll bars): now, or with the window's next WM_PAINT when it
    or a parent still has to paint (a parent's background would cover a frame drawn before it)."""
    w.nc_dirty = True
    if not w.update.empty() or any(not a.update.empty() or a.internal_paint for a in wm.ancestors(w)):
        wm.invalidate(m, w, None, False)
        return
    wm.paint_nonclient(m, w)


def show_bars(m: Machine, w: Window, bar: int, show: bool) -> bool:
    """Add or remove WS_HSCROLL/WS_VSCROLL (SB_BOTH: both); the client area changes (WM_SIZE)."""
    bits = {SB_HORZ: wm.WS_HSCROLL, SB_VERT: wm.WS_VSCROLL, SB_BOTH: wm.WS_HSCROLL | wm.WS_VSCROLL}.get(bar, 0)
    new = w.style | bits if show else w.style & ~bits
    if new == w.style:
        return False
    w.style = new
    old_client = w.client_size
    wm.move_window(m, w, w.rect, wm.SWP_NOMOVE | wm.SWP_NOSIZE | wm.SWP_NOZORDER | wm.SWP_NOACTIVATE
                   | wm.SWP_FRAMECHANGED)
    if w.client_size != old_client and w.sent_size:
        cw, ch = w.client_size
        mm.send(m, w, mm.WM_SIZE, 0, (cw & 0xFFFF) | ((ch & 0xFFFF) << 16))
    redraw_frame(m, w)
    return True


def set_window_scroll(m: Machine, w: Window, bar: int, mask: int, mn: int, mx: int, page: int, pos: int,
                      redraw_now: bool) -> int:
    """SetScrollInfo on a window bar: update, show or hide the bar as the range needs, redraw; the new pos."""
    info = window_info(w, bar)
    old = list(info)
    if mask & SIF_RANGE:
        info[0], info[1] = mn, mx
    if mask & SIF_PAGE:
        info[2] = page
    if mask & SIF_POS:
        info[3] = pos
    clamp_info(info)
    info[4] = info[3]
    if mask & (SIF_RANGE | SIF_PAGE):
        needed = info[1] > info[0] and info[2] <= info[1] - info[0]
        bit = wm.WS_VSCROLL if bar == SB_VERT else wm.WS_HSCROLL
        if mask & SIF_DISABLENOSCROLL:
            if not w.style & bit:
                show_bars(m, w, bar, True)
        elif bool(w.style & bit) != needed:
            show_bars(m, w, bar, needed)
            return info[3]
    if redraw_now and info != old:
        redraw_frame(m, w)
    return info[3]


def _read_si(m: Machine, p: int) -> tuple[int, int, int, int, int] | None:
    if not p:
        return None
    cb, mask, mn, mx, page, pos = m.mem.unpack("<IIiiIi", p)
    if cb not in (28, 24):
        return None
    return mask, mn, mx, page, pos


def _write_si(m: Machine, p: int, info: list[int]) -> bool:
    cb, mask = m.mem.unpack("<II", p)
    if cb not in (28, 24) or not mask & SIF_ALL:
        return False
    if mask & SIF_RANGE:
        m.mem.pack("<ii", p + 8, info[0], info[1])
    if mask & SIF_PAGE:
        m.mem.w32(p + 16, info[2])
    if mask & SIF_POS:
        m.mem.w32(p + 20, info[3] & 0xFFFFFFFF)
    if mask & SIF_TRACKPOS and cb >= 28:
        m.mem.w32(p + 24, info[4] & 0xFFFFFFFF)
    return True


def _target(m: Machine, hwnd: int) -> Window | None:
    w = wm.get(m, hwnd)
    if w is None:
        m.set_last_error(1400)
    return w


def _has_bar(w: Window, bar: int) -> bool:
    return bar in w.scroll or bool(w.style & (wm.WS_VSCROLL if bar == SB_VERT else wm.WS_HSCROLL))


# ---- window scroll-bar APIs ---------------------------------------------------------------------------
@stdcall("user32")
def SetScrollInfo(m: Machine, hwnd: HWND, nBar: INT, lpsi: PTR, redraw: BOOL) -> INT:
    """Set range/page/position of a scroll bar (window bar or SB_CTL control); returns the new position."""
    w = _target(m, hwnd)
    if w is None:
        return 0
    si = _read_si(m, lpsi)
    if si is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if nBar == SB_CTL:
        return mm.send(m, w, SBM_SETSCROLLINFO, redraw, lpsi)
    if nBar not in (SB_HORZ, SB_VERT):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    mask, mn, mx, page, pos = si
    return set_window_scroll(m, w, nBar, mask, mn, mx, page, pos, bool(redraw))


@stdcall("user32")
def GetScrollInfo(m: Machine, hwnd: HWND, nBar: INT, lpsi: PTR) -> BOOL:
    """Read range/page/position/track position of a scroll bar."""
    w = _target(m, hwnd)
    if w is None or not lpsi:
        return 0
    if nBar == SB_CTL:
        return mm.send(m, w, SBM_GETSCROLLINFO, 0, lpsi)
    if nBar not in (SB_HORZ, SB_VERT) or not _has_bar(w, nBar):
        m.set_last_error(ERROR_NO_SCROLLBARS)
        return 0
    return int(_write_si(m, lpsi, window_info(w, nBar)))


@stdcall("user32")
def SetScrollPos(m: Machine, hWnd: HWND, nBar: INT, nPos: INT, bRedraw: BOOL) -> INT:
    """Move the thumb; returns the previous position."""
    w = _target(m, hWnd)
    if w is None:
        return 0
    if nBar == SB_CTL:
        return mm.send(m, w, SBM_SETPOS, nPos & 0xFFFFFFFF, bRedraw)
    if nBar not in (SB_HORZ, SB_VERT):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    old = window_info(w, nBar)[3]
    set_window_scroll(m, w, nBar, SIF_POS, 0, 0, 0, nPos, bool(bRedraw))
    return old


@stdcall("user32")
def GetScrollPos(m: Machine, hWnd: HWND, nBar: INT) -> INT:
    """The thumb position."""
    w = _target(m, hWnd)
    if w is None:
        return 0
    if nBar == SB_CTL:
        return mm.send(m, w, SBM_GETPOS, 0, 0)
    if nBar not in (SB_HORZ, SB_VERT) or not _has_bar(w, nBar):
        m.set_last_error(ERROR_NO_SCROLLBARS)
        return 0
    return window_info(w, nBar)[3]


@stdcall("user32")
def SetScrollRange(m: Machine, hWnd: HWND, nBar: INT, nMinPos: INT, nMaxPos: INT, bRedraw: BOOL) -> BOOL:
    """Set the range (an empty range hides a window bar)."""
    w = _target(m, hWnd)
    if w is None:
        return 0
    if nBar == SB_CTL:
        mm.send(m, w, SBM_SETRANGEREDRAW if bRedraw else SBM_SETRANGE, nMinPos & 0xFFFFFFFF, nMaxPos & 0xFFFFFFFF)
        return 1
    if nBar not in (SB_HORZ, SB_VERT):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    set_window_scroll(m, w, nBar, SIF_RANGE, nMinPos, nMaxPos, 0, 0, bool(bRedraw))
    return 1


@stdcall("user32")
def GetScrollRange(m: Machine, hWnd: HWND, nBar: INT, lpMinPos: PTR, lpMaxPos: PTR) -> BOOL:
    """Read the range of a scroll bar (0, 0 when the window has none)."""
    w = _target(m, hWnd)
    if w is None:
        return 0
    if nBar == SB_CTL:
        mm.send(m, w, SBM_GETRANGE, lpMinPos, lpMaxPos)
        return 1
    mn = mx = 0
    if nBar in (SB_HORZ, SB_VERT) and _has_bar(w, nBar):
        mn, mx = window_info(w, nBar)[:2]
    if lpMinPos:
        m.mem.w32(lpMinPos, mn & 0xFFFFFFFF)
    if lpMaxPos:
        m.mem.w32(lpMaxPos, mx & 0xFFFFFFFF)
    return 1


@stdcall("user32")
def ShowScrollBar(m: Machine, hWnd: HWND, wBar: INT, bShow: BOOL) -> BOOL:
    """Show or hide window scroll bars (SB_CTL: the scroll bar control itself)."""
    w = _target(m, hWnd)
    if w is None:
        return 0
    if wBar == SB_CTL:
        wm.show_window(m, w, wm.SW_SHOW if bShow else wm.SW_HIDE)
        return 1
    if wBar not in (SB_HORZ, SB_VERT, SB_BOTH):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    for b in ((SB_HORZ, SB_VERT) if wBar == SB_BOTH else (wBar,)):
        window_info(w, b)
    show_bars(m, w, wBar, bool(bShow))
    return 1


@stdcall("user32")
def EnableScrollBar(m: Machine, hWnd: HWND, wSBflags: UINT, wArrows: UINT) -> BOOL:
    """Enable or disable the arrows of a scroll bar; FALSE when they already were in that state."""
    w = _target(m, hWnd)
    if w is None:
        return 0
    if wSBflags == SB_CTL:
        return mm.send(m, w, SBM_ENABLE_ARROWS, wArrows, 0)
    changed = False
    for b in ((SB_HORZ, SB_VERT) if wSBflags == SB_BOTH else (wSBflags,)):
        if b not in (SB_HORZ, SB_VERT):
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        if _flags(m, w, b) != wArrows & 3:
            _set_flags(m, w, b, wArrows & 3)
            changed = True
    if changed:
        redraw_frame(m, w)
    return int(changed)


# ---- drawing ------------------------------------------------------------------------------------------
def _triangle(rows: int, direction: str) -> np.ndarray:
    wdt = 2 * rows - 1
    cols = np.arange(wdt)[None, :]
    r = np.arange(rows)[:, None]
    up = (cols >= rows - 1 - r) & (cols <= rows - 1 + r)
    return {"up": up, "down": up[::-1], "left": up.T, "right": up.T[:, ::-1]}[direction]


def draw_arrow_button(m: Machine, dc: DC, r: Rect, direction: str, pushed: bool, disabled: bool) -> None:
    """A scroll-bar arrow button (also the combo box drop button): raised 3D box, flat when pushed."""
    l, t, rr, b = r
    if rr <= l or b <= t:
        return
    face = px(m, COLOR_BTNFACE)
    if pushed:
        sh = px(m, COLOR_BTNSHADOW)
        nc.edge(dc, r, sh, sh)
        dc.fill_device((l + 1, t + 1, rr - 1, b - 1), face)
    else:
        dc.fill_device(r, face)
        nc.edge(dc, r, px(m, COLOR_3DLIGHT), px(m, COLOR_3DDKSHADOW))
        nc.edge(dc, (l + 1, t + 1, rr - 1, b - 1), px(m, COLOR_BTNHIGHLIGHT), px(m, COLOR_BTNSHADOW))
    size = min(rr - l, b - t)
    rows = max(1, (size - 4) // 3)
    tri = _triangle(rows, direction)
    th, tw = tri.shape
    x = l + (rr - l - tw) // 2
    y = t + (b - t - th) // 2
    if pushed:
        x, y = x + 1, y + 1
    if disabled:
        paint_mask(dc, x + 1, y + 1, tri, px(m, COLOR_BTNHIGHLIGHT))
        paint_mask(dc, x, y, tri, px(m, COLOR_BTNSHADOW))
    else:
        paint_mask(dc, x, y, tri, 0)


def _dither(m: Machine, dc: DC, r: Rect) -> None:
    """The Windows 95 scroll-bar shaft: a checkerboard of highlight and face pixels."""
    l, t, rr, b = r
    if rr <= l or b <= t:
        return
    dc.fill_device(r, px(m, COLOR_BTNFACE))
    ox, oy = dc.dev_org
    yy, xx = np.mgrid[t:b, l:rr]
    paint_mask(dc, l, t, ((xx + ox + yy + oy) & 1) == 0, px(m, COLOR_BTNHIGHLIGHT))


def draw_bar(m: Machine, dc: DC, r: Rect, vertical: bool, info: list[int], esb: int, enabled: bool,
             pressed: int = PART_NONE, track: int | None = None, shaft: Callable[[Rect], None] | None = None) -> None:
    """Draw a whole scroll bar in ``r`` (device coordinates)."""
    l, t, rr, b = r
    length = (b - t) if vertical else (rr - l)
    thick = (rr - l) if vertical else (b - t)
    shown = list(info)
    if track is not None:
        shown[3] = track
    a, t0, th = geometry(shown, length, min(ARROW, thick) if thick else ARROW)
    empty = info[1] <= info[0] or not enabled
    if vertical:
        a1, a2 = (l, t, rr, t + a), (l, b - a, rr, b)
        shaft_r = (l, t + a, rr, b - a)
        thumb = (l, t + t0, rr, t + t0 + th)
        p1, p2 = (l, t + a, rr, t + t0), (l, t + t0 + th, rr, b - a)
    else:
        a1, a2 = (l, t, l + a, b), (rr - a, t, rr, b)
        shaft_r = (l + a, t, rr - a, b)
        thumb = (l + t0, t, l + t0 + th, b)
        p1, p2 = (l + a, t, l + t0, b), (l + t0 + th, t, rr - a, b)
    (shaft or (lambda rc: _dither(m, dc, rc)))(shaft_r)
    if th and not empty:
        if pressed == PART_PAGE1:
            invert_shaft(dc, p1)
        elif pressed == PART_PAGE2:
            invert_shaft(dc, p2)
    draw_arrow_button(m, dc, a1, "up" if vertical else "left", pressed == PART_ARROW1,
                      empty or bool(esb & ESB_DISABLE_LTUP))
    draw_arrow_button(m, dc, a2, "down" if vertical else "right", pressed == PART_ARROW2,
                      empty or bool(esb & ESB_DISABLE_RTDN))
    if th and not empty:
        dc.fill_device(thumb, px(m, COLOR_BTNFACE))
        nc.raised(m, dc, thumb)


def invert_shaft(dc: DC, r: Rect) -> None:
    """A held page area shows in dark (the shaft inverted)."""
    from .controls_button import invert_rect
    invert_rect(dc, r)


# ---- tracking -----------------------------------------------------------------------------------------
@dataclass
class Track:
    """One mouse tracking session on a scroll bar."""
    target: Window  # gets WM_HSCROLL / WM_VSCROLL
    ctl: int  # lParam: the scroll bar control (0 for window bars)
    vertical: bool
    origin: tuple[int, int]  # screen position of the bar's top-left
    length: int
    thick: int
    info: Callable[[], list[int]]
    esb: int
    part: int = PART_NONE
    grab: int = 0  # thumb: where in the thumb it was grabbed
    track: int | None = None
    hot: bool = True  # the cursor is still over the pressed part
    repaint: Callable[[], None] = field(default=lambda: None)


def _send(m: Machine, tr: Track, code: int, pos: int = 0) -> None:
    msg = mm.WM_VSCROLL if tr.vertical else mm.WM_HSCROLL
    mm.send(m, tr.target, msg, (code & 0xFFFF) | ((pos & 0xFFFF) << 16), tr.ctl)


def _offset(m: Machine, tr: Track) -> tuple[int, int]:
    """Cursor offset (along, across) from the bar origin."""
    from . import input as inp
    x, y = inp.state(m).cursor
    dx, dy = x - tr.origin[0], y - tr.origin[1]
    return (dy, dx) if tr.vertical else (dx, dy)


def _part_code(part: int) -> int:
    return {PART_ARROW1: SB_LINEUP, PART_ARROW2: SB_LINEDOWN, PART_PAGE1: SB_PAGEUP, PART_PAGE2: SB_PAGEDOWN}[part]


def _still_hot(m: Machine, tr: Track) -> bool:
    along, across = _offset(m, tr)
    if not (-tr.thick <= across < 2 * tr.thick):
        return False
    cur = hit_part(tr.info(), tr.length, along, min(ARROW, tr.thick))
    return cur == tr.part


def track_bar(m: Machine, tr: Track, capture: Window) -> None:
    """Modal mouse tracking of a pressed scroll bar until the left button is released."""
    from . import input as inp
    along, _ = _offset(m, tr)
    info = tr.info()
    arrow = min(ARROW, tr.thick)
    tr.part = hit_part(info, tr.length, along, arrow)
    if tr.part == PART_NONE:
        return
    if tr.part == PART_ARROW1 and tr.esb & ESB_DISABLE_LTUP or tr.part == PART_ARROW2 and tr.esb & ESB_DISABLE_RTDN:
        return
    if info[1] <= info[0]:
        return
    ist = inp.state(m)
    ws = wm.state(m)
    old_capture = ws.capture
    set_capture(m, capture)
    if tr.part == PART_THUMB:
        _, t0, _ = geometry(info, tr.length, arrow)
        tr.grab = along - t0
        tr.track = info[3]
    else:
        _send(m, tr, _part_code(tr.part))
    tr.repaint()
    due = clock.now() + FIRST_DELAY
    try:
        while ist.async_keys[VK_LBUTTON] & 0x80 and not tr.target.destroyed and not capture.destroyed:
            x = mm.peek(m, 0, 0, 0, True)
            if x is None:
                if tr.part != PART_THUMB:
                    now = clock.now()
                    if now >= due:
                        due = now + REPEAT_DELAY
                        hot = _still_hot(m, tr)
                        if hot != tr.hot:
                            tr.hot = hot
                            tr.repaint()
                        if hot:
                            _send(m, tr, _part_code(tr.part))
                            tr.repaint()
                        continue
                    m.wait_here(mm.wait_spec(m, mm.queue(m), deadline=due))
                else:
                    m.wait_here(mm.wait_spec(m, mm.queue(m)))
                continue
            if x.message == mm.WM_QUIT:
                mm.queue(m).quit = x.wparam
                break
            if mm.WM_MOUSEMOVE <= x.message <= 0x20D or mm.WM_KEYDOWN <= x.message <= mm.WM_SYSCHAR \
                    or mm.WM_NCMOUSEMOVE <= x.message <= 0xA9:
                if tr.part == PART_THUMB and x.message in (mm.WM_MOUSEMOVE, mm.WM_NCMOUSEMOVE):
                    along, across = _offset(m, tr)
                    if -tr.thick * 2 <= across < tr.thick * 3:
                        pos = pos_from_offset(tr.info(), tr.length, along - tr.grab, arrow)
                    else:
                        pos = tr.info()[3]
                    if pos != tr.track:
                        tr.track = pos
                        tr.info()[4] = pos
                        _send(m, tr, SB_THUMBTRACK, pos)
                        tr.repaint()
                elif tr.part != PART_THUMB and x.message in (mm.WM_MOUSEMOVE, mm.WM_NCMOUSEMOVE):
                    hot = _still_hot(m, tr)
                    if hot != tr.hot:
                        tr.hot = hot
                        tr.repaint()
                if x.message in (mm.WM_LBUTTONUP, mm.WM_NCLBUTTONUP):
                    break
                continue
            mm.dispatch(m, x, tr.target.unicode)
    finally:
        if ws.capture is capture:
            set_capture(m, old_capture if old_capture is not capture else None)
        if tr.part == PART_THUMB and tr.track is not None:
            _send(m, tr, SB_THUMBPOSITION, tr.track)
        tr.part = PART_NONE
        tr.track = None
        tr.repaint()
        _send(m, tr, SB_ENDSCROLL)


def nc_scroll_click(m: Machine, w: Window, hit: int, lp: int) -> None:
    """DefWindowProc's WM_NCLBUTTONDOWN on a window scroll bar: track the click, sending WM_xSCROLL."""
    vertical = hit == nc.HTVSCROLL
    bar = SB_VERT if vertical else SB_HORZ
    ox, oy = wm.window_origin_screen(w)
    cx, cy = w.client_off
    cw, ch = w.client_size
    if vertical:
        origin, length, thick = (ox + cx + cw, oy + cy), ch, nc.CX_VSCROLL
    else:
        origin, length, thick = (ox + cx, oy + cy + ch), cw, nc.CY_HSCROLL
    tracking: dict[tuple[int, int], Track] = m.state.setdefault("scroll_tracking", {})

    def repaint() -> None:
        if tr.part == PART_NONE:
            tracking.pop((w.hwnd, bar), None)
        else:
            tracking[(w.hwnd, bar)] = tr
        redraw_frame(m, w)
    tr = Track(target=w, ctl=0, vertical=vertical, origin=origin, length=length, thick=thick,
               info=lambda: window_info(w, bar), esb=_flags(m, w, bar), repaint=repaint)
    try:
        track_bar(m, tr, w)
    finally:
        tracking.pop((w.hwnd, bar), None)


def draw_window_bar(m: Machine, dc: DC, w: Window, bar: int, r: Rect) -> None:
    """A window scroll bar in the Windows 95 look (for nonclient.py): dithered shaft, arrows grayed when the
    range is empty or EnableScrollBar disabled them, the pressed part and the dragged thumb while tracking."""
    info = w.scroll.get(bar, [0, 100, 0, 0, 0])
    tr = m.state.get("scroll_tracking", {}).get((w.hwnd, bar))
    pressed = PART_NONE
    track = None
    if tr is not None:
        pressed = tr.part if tr.hot or tr.part == PART_THUMB else PART_NONE
        track = tr.track
    draw_bar(m, dc, r, bar == SB_VERT, info, _flags(m, w, bar), not w.style & wm.WS_DISABLED, pressed, track)


# ---- the ScrollBar control ----------------------------------------------------------------------------
@dataclass
class ScrollState:
    info: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])
    esb: int = 0
    part: int = PART_NONE
    hot: bool = True
    track: int | None = None


def sbstate(w: Window) -> ScrollState:
    if not isinstance(w.data, ScrollState):
        w.data = ScrollState()
    return w.data


def _ctl_set(m: Machine, w: Window, mask: int, mn: int, mx: int, page: int, pos: int, redraw_now: bool) -> int:
    st = sbstate(w)
    old = list(st.info)
    if mask & SIF_RANGE:
        st.info[0], st.info[1] = mn, mx
    if mask & SIF_PAGE:
        st.info[2] = page
    if mask & SIF_POS:
        st.info[3] = pos
    clamp_info(st.info)
    st.info[4] = st.info[3]
    if redraw_now and st.info != old:
        redraw(m, w)
    return st.info[3]


def _align(m: Machine, w: Window) -> None:
    """SBS_TOPALIGN / SBS_BOTTOMALIGN (LEFT/RIGHT for vertical bars) give the bar its standard thickness."""
    s = w.style
    if s & SBS_SIZEBOX:
        return
    l, t, r, b = w.rect
    if s & SBS_VERT:
        if s & SBS_TOPALIGN:
            r = l + nc.CX_VSCROLL
        elif s & SBS_BOTTOMALIGN:
            l = r - nc.CX_VSCROLL
        else:
            return
    else:
        if s & SBS_TOPALIGN:
            b = t + nc.CY_HSCROLL
        elif s & SBS_BOTTOMALIGN:
            t = b - nc.CY_HSCROLL
        else:
            return
    wm.move_window(m, w, (l, t, r, b), wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)


def _ctl_track(m: Machine, w: Window) -> None:
    st = sbstate(w)
    vertical = bool(w.style & SBS_VERT)
    cw, ch = w.client_size
    origin = wm.client_origin_screen(w)
    target = w.parent if w.is_child else w.owner
    if target is None:
        return

    def repaint() -> None:
        st.part = tr.part if tr.hot or tr.part == PART_THUMB else PART_NONE
        st.track = tr.track
        redraw(m, w)
        wm.update_window(m, w)
    tr = Track(target=target, ctl=w.hwnd, vertical=vertical, origin=origin, length=ch if vertical else cw,
               thick=cw if vertical else ch, info=lambda: st.info, esb=st.esb, repaint=repaint)
    track_bar(m, tr, w)


@defwnd.builtin_class("ScrollBar", style=wm.CS_DBLCLKS | wm.CS_VREDRAW | wm.CS_HREDRAW | wm.CS_PARENTDC)
def scrollbar_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The ScrollBar window procedure."""
    st = sbstate(w)
    if msg == mm.WM_CREATE:
        _align(m, w)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, WM_PRINTCLIENT):
        with Painting(m, w, wp) as dc:
            if dc is not None:
                paint_scrollbar(m, w, dc)
        return 0
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK):
        if w.style & SBS_SIZEBOX:
            return 0
        if w.style & wm.WS_TABSTOP and wm.state(m).focus is not w:
            wm.set_focus(m, w)
        _ctl_track(m, w)
        return 0
    if msg == mm.WM_KEYDOWN:
        code = {0x26: SB_LINEUP, 0x25: SB_LINEUP, 0x28: SB_LINEDOWN, 0x27: SB_LINEDOWN, 0x21: SB_PAGEUP,
                0x22: SB_PAGEDOWN, 0x24: SB_TOP, 0x23: SB_BOTTOM}.get(wp)
        vertical = bool(w.style & SBS_VERT)
        if code is None or (wp in (0x26, 0x28) and not vertical) or (wp in (0x25, 0x27) and vertical):
            return 0
        target = w.parent if w.is_child else w.owner
        if target is not None:
            msgid = mm.WM_VSCROLL if vertical else mm.WM_HSCROLL
            mm.send(m, target, msgid, code, w.hwnd)
            mm.send(m, target, msgid, SB_ENDSCROLL, w.hwnd)
        return 0
    if msg == mm.WM_GETDLGCODE:
        return DLGC_WANTARROWS
    if msg == mm.WM_ENABLE:
        redraw(m, w)
        return 0
    if msg in (mm.WM_SETFOCUS, mm.WM_KILLFOCUS):
        return 0
    if msg == SBM_SETPOS:
        old = st.info[3]
        _ctl_set(m, w, SIF_POS, 0, 0, 0, _s32(wp), bool(lp))
        return old & 0xFFFFFFFF
    if msg == SBM_GETPOS:
        return st.info[3] & 0xFFFFFFFF
    if msg in (SBM_SETRANGE, SBM_SETRANGEREDRAW):
        old = st.info[3]
        _ctl_set(m, w, SIF_RANGE, _s32(wp), _s32(lp), 0, 0, msg == SBM_SETRANGEREDRAW)
        return old & 0xFFFFFFFF if st.info[3] != old else 0
    if msg == SBM_GETRANGE:
        if wp:
            m.mem.w32(wp, st.info[0] & 0xFFFFFFFF)
        if lp:
            m.mem.w32(lp, st.info[1] & 0xFFFFFFFF)
        return 0
    if msg == SBM_ENABLE_ARROWS:
        if st.esb == wp & 3:
            return 0
        st.esb = wp & 3
        redraw(m, w)
        return 1
    if msg == SBM_SETSCROLLINFO:
        si = _read_si(m, lp)
        if si is None:
            return 0
        mask, mn, mx, page, pos = si
        return _ctl_set(m, w, mask, mn, mx, page, pos, bool(wp)) & 0xFFFFFFFF
    if msg == SBM_GETSCROLLINFO:
        return int(bool(lp) and _write_si(m, lp, st.info))
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def paint_scrollbar(m: Machine, w: Window, dc: DC) -> None:
    """Draw the scroll bar control (or its size box)."""
    st = sbstate(w)
    cw, ch = w.client_size
    r = (0, 0, cw, ch)
    b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSCROLLBAR)
    from . import syscolor
    default = b is None or b is syscolor.sys_brush(m, 0)
    if w.style & SBS_SIZEBOX:
        dc.fill_device(r, px(m, COLOR_BTNFACE))
        _size_grip(m, dc, r)
        return
    shaft = None if default else (lambda rc: fill_brush(m, dc, rc, b))
    draw_bar(m, dc, r, bool(w.style & SBS_VERT), st.info, st.esb, not w.style & wm.WS_DISABLED,
             st.part, st.track, shaft)


def _size_grip(m: Machine, dc: DC, r: Rect) -> None:
    """The size grip's diagonal ridges in the bottom-right corner."""
    l, t, rr, b = r
    n = min(rr - l, b - t)
    hi, sh = px(m, COLOR_BTNHIGHLIGHT), px(m, COLOR_BTNSHADOW)
    mask_hi = np.zeros((n, n), dtype=bool)
    mask_sh = np.zeros((n, n), dtype=bool)
    yy, xx = np.mgrid[0:n, 0:n]
    d = (n - 1 - xx) + (n - 1 - yy)  # distance from the corner along the anti-diagonal
    for k in range(1, n - 1, 4):
        mask_hi |= d == k
        mask_sh |= (d == k + 1) | (d == k + 2)
    paint_mask(dc, rr - n, b - n, mask_hi, hi)
    paint_mask(dc, rr - n, b - n, mask_sh, sh)
