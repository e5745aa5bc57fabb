"""user32 window geometry: show/hide, move/size and z-order (ShowWindow, SetWindowPos, MoveWindow), window
and client rectangles, coordinate mapping, AdjustWindowRect, window placement."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HWND, INT, PTR, UINT, stdcall

from .region import Rect
from .surface import Surface
from .window_core import (
    DESKTOP_HWND, HWND_BOTTOM, HWND_NOTOPMOST, HWND_TOP, HWND_TOPMOST, SWP_FRAMECHANGED, SWP_HIDEWINDOW,
    SWP_NOACTIVATE, SWP_NOMOVE, SWP_NOSIZE, SWP_NOZORDER, SWP_SHOWWINDOW, SW_HIDE, SW_MINIMIZE, SW_RESTORE,
    SW_SHOWMAXIMIZED, SW_SHOWMINIMIZED, SW_SHOWMINNOACTIVE, SW_SHOWNA, SW_SHOWNOACTIVATE, SW_SHOWNORMAL, WS_CHILD,
    WS_DISABLED, WS_EX_TOPMOST, WS_MAXIMIZE, WS_MINIMIZE, WS_VISIBLE, Window, _insert_top, _write_rect, ancestors,
    changed, client_origin_screen, get, really_visible, state, window_origin_screen,
)
from .window_focus import activate, set_focus
from .window_paint import invalidate, invalidate_tree

if TYPE_CHECKING:
    from emu.machine import Machine


def set_geometry(m: "Machine", w: Window, rect: Rect) -> None:
    """Move/resize ``w`` (no messages): recompute the client frame and the backing surface."""
    from . import nonclient  # noqa: PLC0415
    w.rect = (rect[0], rect[1], rect[0] + max(0, rect[2] - rect[0]), rect[1] + max(0, rect[3] - rect[1]))
    l, t, r, b = nonclient.client_frame(m, w)
    w.client_off = (l, t)
    w.client_size = (max(0, w.width - l - r), max(0, w.height - t - b))
    if not w.is_child:
        if w.surface is None:
            w.surface = Surface(max(w.width, 0), max(w.height, 0))
            w.surface.px[:] = 0xC0C0C0
        elif (w.surface.width, w.surface.height) != (w.width, w.height):
            w.surface.resize(max(w.width, 0), max(w.height, 0), 0xC0C0C0)
    changed(m)


def send_size_move(m: "Machine", w: Window) -> None:
    from . import message as msg  # noqa: PLC0415
    w.sent_size = True
    kind = 1 if w.minimized else 2 if w.maximized else 0
    msg.send(m, w, msg.WM_SIZE, kind, (w.client_size[0] & 0xFFFF) | ((w.client_size[1] & 0xFFFF) << 16))
    if w.destroyed:
        return
    cx, cy = client_pos_in_parent(w)
    msg.send(m, w, msg.WM_MOVE, 0, (cx & 0xFFFF) | ((cy & 0xFFFF) << 16))


def client_pos_in_parent(w: Window) -> tuple[int, int]:
    return (w.rect[0] + w.client_off[0], w.rect[1] + w.client_off[1])


# ---- showing, moving ------------------------------------------------------------------------------------
def hide(m: "Machine", w: Window) -> None:
    from . import message as msg  # noqa: PLC0415
    msg.send(m, w, msg.WM_SHOWWINDOW, 0, 0)
    w.style &= ~WS_VISIBLE
    changed(m)
    st = state(m)
    if w.is_child and w.parent is not None:
        invalidate(m, w.parent, (w.rect[0], w.rect[1], w.rect[2], w.rect[3]), True)
    if st.focus is not None and (st.focus is w or w in ancestors(st.focus)):
        set_focus(m, w.parent if w.is_child else None)
    if st.active is w:
        st.active = None
        nxt = next((t for t in st.tops if t is not w and t.visible and not t.style & WS_DISABLED), None)
        if nxt is not None:
            activate(m, nxt)
    st.frame_version += 1


def show_window(m: "Machine", w: Window, cmd: int) -> bool:
    """ShowWindow; returns whether the window was visible before."""
    from . import message as msg  # noqa: PLC0415
    was = w.visible
    if cmd == SW_HIDE:
        if was:
            hide(m, w)
        return was
    if cmd in (SW_SHOWMAXIMIZED,) and not w.is_child:
        from . import desktop  # noqa: PLC0415
        scr = desktop.screen(m)
        if w.normal_rect is None:
            w.normal_rect = w.rect
        w.maximized = True
        w.style |= WS_MAXIMIZE
        fx, fy, _, _ = _frame_border(m, w)
        set_geometry(m, w, (-fx, -fy, scr.width + fx, scr.height + fy))
        w.sent_size = False
    elif cmd in (SW_MINIMIZE, SW_SHOWMINIMIZED, SW_SHOWMINNOACTIVE) and not w.minimized:
        w.minimized = True
        w.style |= WS_MINIMIZE
        changed(m)
        if was:
            msg.send(m, w, msg.WM_SIZE, 1, 0)  # SIZE_MINIMIZED
        st = state(m)
        if st.active is w and not w.is_child:
            nxt = next((t for t in st.tops if t is not w and t.visible and not t.minimized
                        and not t.style & WS_DISABLED), None)
            if nxt is not None:
                activate(m, nxt)
            else:
                st.active = None
                msg.send(m, w, msg.WM_NCACTIVATE, 0, 0)
                msg.send(m, w, msg.WM_ACTIVATE, 0, 0)
    elif cmd == SW_RESTORE and (w.minimized or w.maximized):
        w.minimized = False
        w.maximized = False
        w.style &= ~(WS_MINIMIZE | WS_MAXIMIZE)
        if w.normal_rect is not None:
            set_geometry(m, w, w.normal_rect)
            w.normal_rect = None
        w.sent_size = False
    if not was:
        msg.send(m, w, msg.WM_SHOWWINDOW, 1, 0)
        w.style |= WS_VISIBLE
        changed(m)
        w.nc_dirty = True
        invalidate(m, w, None, True)
        for ch in w.children:
            if ch.visible:
                invalidate_tree(m, ch)
    if not w.sent_size:
        send_size_move(m, w)
    activate_cmd = cmd not in (SW_SHOWNOACTIVATE, SW_SHOWNA, SW_SHOWMINNOACTIVE, SW_HIDE)
    if not w.is_child and activate_cmd and not w.minimized:
        activate(m, w)
    state(m).frame_version += 1
    return was


def _frame_border(m: "Machine", w: Window) -> tuple[int, int, int, int]:
    from . import nonclient  # noqa: PLC0415
    return nonclient.client_frame(m, w)


@stdcall("user32")
def ShowWindow(m: "Machine", hWnd: HWND, nCmdShow: INT) -> BOOL:
    """Show, hide, minimise, maximise or restore a window; returns whether it was visible."""
    w = get(m, hWnd)
    if w is None:
        return 0
    return int(show_window(m, w, nCmdShow))


@stdcall("user32")
def ShowWindowAsync(m: "Machine", hWnd: HWND, nCmdShow: INT) -> BOOL:
    """ShowWindow (synchronous here)."""
    return ShowWindow(m, hWnd, nCmdShow)


def move_window(m: "Machine", w: Window, rect: Rect, flags: int, after: int = HWND_TOP) -> None:
    """SetWindowPos core: z-order, geometry, show/hide; sends WM_WINDOWPOSCHANGING/CHANGED, WM_MOVE, WM_SIZE."""
    from . import message as msg  # noqa: PLC0415
    old = w.rect
    old_client = w.client_size
    st = state(m)
    if not flags & SWP_NOZORDER:
        if w.is_child and w.parent is not None:
            sibs = w.parent.children
            sibs.remove(w)
            if after == HWND_BOTTOM:
                sibs.append(w)
            elif after in (HWND_TOP, HWND_TOPMOST, HWND_NOTOPMOST):
                sibs.insert(0, w)
            else:
                a = get(m, after)
                sibs.insert(sibs.index(a) + 1 if a in sibs else 0, w)
        else:
            if after == HWND_TOPMOST:
                w.exstyle |= WS_EX_TOPMOST
            elif after == HWND_NOTOPMOST:
                w.exstyle &= ~WS_EX_TOPMOST
            if after == HWND_BOTTOM:
                st.tops.remove(w)
                st.tops.append(w)
            else:
                _insert_top(st, w)
        changed(m)
    new = rect
    if flags & SWP_NOMOVE:
        new = (old[0], old[1], old[0] + new[2] - new[0], old[1] + new[3] - new[1])
    if flags & SWP_NOSIZE:
        new = (new[0], new[1], new[0] + old[2] - old[0], new[1] + old[3] - old[1])
    moved = new[:2] != old[:2]
    sized = (new[2] - new[0], new[3] - new[1]) != (old[2] - old[0], old[3] - old[1])
    if moved or sized or flags & SWP_FRAMECHANGED:
        set_geometry(m, w, new)
        if flags & SWP_FRAMECHANGED:
            w.nc_dirty = True
        if really_visible(w):
            invalidate(m, w, None, True)
            w.nc_dirty = True
            if w.is_child and w.parent is not None:
                invalidate(m, w.parent, old, True)
    if flags & SWP_SHOWWINDOW and not w.visible:
        show_window(m, w, SW_SHOWNA)
    if flags & SWP_HIDEWINDOW and w.visible:
        hide(m, w)
    if moved or sized:
        wp = _windowpos(m, w, flags)
        msg.send(m, w, msg.WM_WINDOWPOSCHANGED, 0, wp)
        _free_windowpos(m, wp)
        if sized or w.client_size != old_client:
            msg.send(m, w, msg.WM_SIZE, 0, (w.client_size[0] & 0xFFFF) | ((w.client_size[1] & 0xFFFF) << 16))
            w.sent_size = True
        if moved:
            cx, cy = client_pos_in_parent(w)
            msg.send(m, w, msg.WM_MOVE, 0, (cx & 0xFFFF) | ((cy & 0xFFFF) << 16))
    if not flags & SWP_NOACTIVATE and not w.is_child and w.visible:
        activate(m, w)
    st.frame_version += 1


def _windowpos(m: "Machine", w: Window, flags: int) -> int:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    p = process_heap(m).alloc(28)
    m.mem.pack("<IIiiiiI", p, w.hwnd, 0, w.rect[0], w.rect[1], w.width, w.height, flags)
    return p


def _free_windowpos(m: "Machine", p: int) -> None:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    process_heap(m).free(p)


@stdcall("user32")
def SetWindowPos(m: "Machine", hWnd: HWND, hWndInsertAfter: HWND, X: INT, Y: INT, cx: INT, cy: INT,
                 uFlags: UINT) -> BOOL:
    """Change size, position and z-order."""
    w = get(m, hWnd)
    if w is None:
        m.set_last_error(1400)
        return 0
    move_window(m, w, (X, Y, X + cx, Y + cy), uFlags, hWndInsertAfter)
    return 1


@stdcall("user32")
def MoveWindow(m: "Machine", hWnd: HWND, X: INT, Y: INT, nWidth: INT, nHeight: INT, bRepaint: BOOL) -> BOOL:
    """Change position and size."""
    w = get(m, hWnd)
    if w is None:
        m.set_last_error(1400)
        return 0
    move_window(m, w, (X, Y, X + nWidth, Y + nHeight), SWP_NOZORDER | SWP_NOACTIVATE)
    return 1


@stdcall("user32")
def BringWindowToTop(m: "Machine", hWnd: HWND) -> BOOL:
    """Move a window to the top of the z-order (and activate a top-level window)."""
    w = get(m, hWnd)
    if w is None:
        return 0
    move_window(m, w, w.rect, SWP_NOMOVE | SWP_NOSIZE)
    return 1


@stdcall("user32")
def GetWindowRect(m: "Machine", hWnd: HWND, lpRect: PTR) -> BOOL:
    """The window rectangle in screen coordinates."""
    if hWnd == DESKTOP_HWND or hWnd == 0:
        from . import desktop  # noqa: PLC0415
        scr = desktop.screen(m)
        _write_rect(m, lpRect, (0, 0, scr.width, scr.height))
        return 1
    w = get(m, hWnd)
    if w is None:
        m.set_last_error(1400)
        return 0
    x, y = window_origin_screen(w)
    _write_rect(m, lpRect, (x, y, x + w.width, y + w.height))
    return 1


@stdcall("user32")
def GetClientRect(m: "Machine", hWnd: HWND, lpRect: PTR) -> BOOL:
    """The client area's size as a rectangle at (0, 0)."""
    if hWnd == DESKTOP_HWND:
        from . import desktop  # noqa: PLC0415
        scr = desktop.screen(m)
        _write_rect(m, lpRect, (0, 0, scr.width, scr.height))
        return 1
    w = get(m, hWnd)
    if w is None:
        m.set_last_error(1400)
        return 0
    _write_rect(m, lpRect, w.client_rect())
    return 1


def screen_to_client(m: "Machine", w: Window | None, x: int, y: int) -> tuple[int, int]:
    if w is None:
        return (x, y)
    cx, cy = client_origin_screen(w)
    return (x - cx, y - cy)


@stdcall("user32")
def ClientToScreen(m: "Machine", hWnd: HWND, lpPoint: PTR) -> BOOL:
    """Client coordinates to screen coordinates, in place."""
    w = get(m, hWnd)
    if w is None:
        return 0
    x, y = m.mem.unpack("<2i", lpPoint)
    cx, cy = client_origin_screen(w)
    m.mem.pack("<2i", lpPoint, x + cx, y + cy)
    return 1


@stdcall("user32")
def ScreenToClient(m: "Machine", hWnd: HWND, lpPoint: PTR) -> BOOL:
    """Screen coordinates to client coordinates, in place."""
    w = get(m, hWnd)
    if w is None:
        return 0
    x, y = m.mem.unpack("<2i", lpPoint)
    m.mem.pack("<2i", lpPoint, *screen_to_client(m, w, x, y))
    return 1


@stdcall("user32")
def MapWindowPoints(m: "Machine", hWndFrom: HWND, hWndTo: HWND, lpPoints: PTR, cPoints: UINT) -> INT:
    """Convert points between two windows' client coordinates; returns the offset packed (dy << 16 | dx)."""
    fx, fy = (0, 0)
    tx, ty = (0, 0)
    wf = get(m, hWndFrom)
    wt = get(m, hWndTo)
    if wf is not None:
        fx, fy = client_origin_screen(wf)
    if wt is not None:
        tx, ty = client_origin_screen(wt)
    dx, dy = fx - tx, fy - ty
    if cPoints:
        vals = list(m.mem.unpack(f"<{2 * cPoints}i", lpPoints))
        for i in range(cPoints):
            vals[2 * i] += dx
            vals[2 * i + 1] += dy
        m.mem.pack(f"<{2 * cPoints}i", lpPoints, *vals)
    return ((dy & 0xFFFF) << 16) | (dx & 0xFFFF)


@stdcall("user32")
def AdjustWindowRectEx(m: "Machine", lpRect: PTR, dwStyle: DWORD, bMenu: BOOL, dwExStyle: DWORD) -> BOOL:
    """Grow a client rectangle to the window rectangle for these styles."""
    from . import nonclient  # noqa: PLC0415
    l, t, r, b = nonclient.frame_for_style(m, dwStyle, dwExStyle, bool(bMenu), child=bool(dwStyle & WS_CHILD))
    x0, y0, x1, y1 = m.mem.unpack("<4i", lpRect)
    _write_rect(m, lpRect, (x0 - l, y0 - t, x1 + r, y1 + b))
    return 1


@stdcall("user32")
def AdjustWindowRect(m: "Machine", lpRect: PTR, dwStyle: DWORD, bMenu: BOOL) -> BOOL:
    """Grow a client rectangle to the window rectangle for these styles."""
    return AdjustWindowRectEx(m, lpRect, dwStyle, bMenu, 0)


@stdcall("user32")
def GetWindowInfo(m: "Machine", hwnd: HWND, pwi: PTR) -> BOOL:
    """WINDOWINFO: window and client rectangles (screen), styles, border sizes, status."""
    w = get(m, hwnd)
    if w is None:
        return 0
    x, y = window_origin_screen(w)
    cx, cy = client_origin_screen(w)
    fl = w.client_off[0]
    m.mem.pack("<I4i4iIIIIIHH", pwi, 60, x, y, x + w.width, y + w.height, cx, cy, cx + w.client_size[0],
               cy + w.client_size[1], w.style, w.exstyle, int(state(m).active is w), fl, fl, w.cls.atom, 0x0400)
    return 1


@stdcall("user32")
def GetWindowPlacement(m: "Machine", hWnd: HWND, lpwndpl: PTR) -> BOOL:
    """WINDOWPLACEMENT: show state and normal position."""
    w = get(m, hWnd)
    if w is None:
        return 0
    show = SW_SHOWMINIMIZED if w.minimized else SW_SHOWMAXIMIZED if w.maximized else SW_SHOWNORMAL
    nr = w.normal_rect or w.rect
    m.mem.pack("<III4i4i", lpwndpl + 0, 44, 0, show, -1, -1, -1, -1, *nr)
    return 1


@stdcall("user32")
def SetWindowPlacement(m: "Machine", hWnd: HWND, lpwndpl: PTR) -> BOOL:
    """Apply a WINDOWPLACEMENT's normal rectangle and show command."""
    w = get(m, hWnd)
    if w is None:
        return 0
    _len, _flags, show, *_pts = m.mem.unpack("<III4i", lpwndpl)
    nr = m.mem.unpack("<4i", lpwndpl + 28)
    move_window(m, w, tuple(nr), SWP_NOZORDER | SWP_NOACTIVATE)  # type: ignore[arg-type]
    show_window(m, w, show)
    return 1


@stdcall("user32")
def ArrangeIconicWindows(m: "Machine", hWnd: HWND) -> UINT:
    """No icons to arrange on this desktop; returns the height of a row (0)."""
    return 0
