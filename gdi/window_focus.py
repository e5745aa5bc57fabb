"""user32 window state queries (visible, enabled, iconic) and keyboard focus, activation, the foreground window."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HWND, PTR, stdcall

from .window_core import WS_DISABLED, Window, _insert_top, ancestors, changed, get, state, top_level
from .window_paint import invalidate

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- state queries -----------------------------------------------------------------------------------
@stdcall("user32")
def IsWindowVisible(m: "Machine", hWnd: HWND) -> BOOL:
    """Whether the window and all its ancestors have WS_VISIBLE."""
    w = get(m, hWnd)
    return int(w is not None and w.visible and all(a.visible for a in ancestors(w)))


@stdcall("user32")
def IsWindowEnabled(m: "Machine", hWnd: HWND) -> BOOL:
    """Whether the window accepts input."""
    w = get(m, hWnd)
    return int(w is not None and not w.style & WS_DISABLED)


@stdcall("user32")
def EnableWindow(m: "Machine", hWnd: HWND, bEnable: BOOL) -> BOOL:
    """Enable or disable input; returns whether it WAS disabled."""
    from . import message as msg  # noqa: PLC0415
    w = get(m, hWnd)
    if w is None:
        return 0
    was_disabled = bool(w.style & WS_DISABLED)
    if bEnable and was_disabled:
        w.style &= ~WS_DISABLED
        msg.send(m, w, msg.WM_ENABLE, 1, 0)
        invalidate(m, w, None, True)
    elif not bEnable and not was_disabled:
        w.style |= WS_DISABLED
        st = state(m)
        if st.focus is w or (st.focus is not None and w in ancestors(st.focus)):
            set_focus(m, None)
        msg.send(m, w, msg.WM_ENABLE, 0, 0)
        invalidate(m, w, None, True)
    return int(was_disabled)


@stdcall("user32")
def IsIconic(m: "Machine", hWnd: HWND) -> BOOL:
    """Whether the window is minimised."""
    w = get(m, hWnd)
    return int(w is not None and w.minimized)


@stdcall("user32")
def IsZoomed(m: "Machine", hWnd: HWND) -> BOOL:
    """Whether the window is maximised."""
    w = get(m, hWnd)
    return int(w is not None and w.maximized)


@stdcall("user32")
def GetWindowThreadProcessId(m: "Machine", hWnd: HWND, lpdwProcessId: PTR) -> DWORD:
    """The thread that created the window (and the process id)."""
    w = get(m, hWnd)
    if w is None:
        return 0
    if lpdwProcessId:
        m.mem.w32(lpdwProcessId, m.proc.pid)
    return w.tid


@stdcall("user32")
def IsWindowUnicode(m: "Machine", hWnd: HWND) -> BOOL:
    """Whether the window procedure expects Unicode messages."""
    w = get(m, hWnd)
    return int(w is not None and w.unicode)


# ---- focus and activation ------------------------------------------------------------------------------
def set_focus(m: "Machine", w: Window | None) -> Window | None:
    """Move the keyboard focus (WM_KILLFOCUS / WM_SETFOCUS); returns the previous focus."""
    from . import message as msg  # noqa: PLC0415
    st = state(m)
    old = st.focus
    if old is w:
        return old
    if w is not None and (w.style & WS_DISABLED or w.destroyed):
        return old
    if w is not None:
        top = top_level(w)
        if st.active is not top:
            activate(m, top, focus=False)
    st.focus = w
    if old is not None and not old.destroyed:
        msg.send(m, old, msg.WM_KILLFOCUS, w.hwnd if w else 0, 0)
    if w is not None and st.focus is w:
        msg.send(m, w, msg.WM_SETFOCUS, old.hwnd if old is not None and not old.destroyed else 0, 0)
    return old


def activate(m: "Machine", w: Window, focus: bool = True) -> None:
    """Make top-level ``w`` the active window (WM_NCACTIVATE, WM_ACTIVATE, focus)."""
    from . import message as msg  # noqa: PLC0415
    st = state(m)
    old = st.active
    if old is w:
        return
    if w.style & WS_DISABLED:
        return
    _insert_top(st, w)
    changed(m)
    st.active = w
    if old is not None and not old.destroyed:
        msg.send(m, old, msg.WM_NCACTIVATE, 0, 0)
        msg.send(m, old, msg.WM_ACTIVATE, 0, w.hwnd)
    if old is None:
        msg.send(m, w, msg.WM_ACTIVATEAPP, 1, 0)
    msg.send(m, w, msg.WM_NCACTIVATE, 1, 0)
    w.nc_dirty = True
    msg.send(m, w, msg.WM_ACTIVATE, 1, old.hwnd if old is not None and not old.destroyed else 0)
    if focus and st.active is w and (st.focus is None or top_level(st.focus) is not w):
        set_focus(m, w)
    st.frame_version += 1


@stdcall("user32")
def SetFocus(m: "Machine", hWnd: HWND) -> HWND:
    """Give the keyboard focus to a window; returns the previous focus window."""
    w = get(m, hWnd) if hWnd else None
    if hWnd and w is None:
        m.set_last_error(1400)
        return 0
    old = set_focus(m, w)
    return old.hwnd if old is not None and not old.destroyed else 0


@stdcall("user32")
def GetFocus(m: "Machine") -> HWND:
    """The window with the keyboard focus."""
    f = state(m).focus
    return f.hwnd if f is not None else 0


@stdcall("user32")
def GetActiveWindow(m: "Machine") -> HWND:
    """The active top-level window."""
    a = state(m).active
    return a.hwnd if a is not None else 0


@stdcall("user32")
def SetActiveWindow(m: "Machine", hWnd: HWND) -> HWND:
    """Activate a top-level window; returns the previously active one."""
    w = get(m, hWnd)
    old = state(m).active
    if w is not None:
        activate(m, top_level(w))
    return old.hwnd if old is not None else 0


@stdcall("user32")
def GetForegroundWindow(m: "Machine") -> HWND:
    """The active window (this process owns the whole desktop)."""
    return GetActiveWindow(m)


@stdcall("user32")
def SetForegroundWindow(m: "Machine", hWnd: HWND) -> BOOL:
    """Activate the window."""
    w = get(m, hWnd)
    if w is None:
        return 0
    activate(m, top_level(w))
    return 1
