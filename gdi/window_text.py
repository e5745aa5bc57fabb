"""user32 window longs (GetWindowLong/SetWindowLong), window text, and window properties (SetProp/GetProp)."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, stdcall

from .window_core import (
    GWL_EXSTYLE, GWL_HINSTANCE, GWL_HWNDPARENT, GWL_ID, GWL_STYLE, GWL_USERDATA, GWL_WNDPROC, Window, _free_tmp, _tmp,
    changed, get, state,
)

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- window longs and text -----------------------------------------------------------------------------
def get_long(m: "Machine", w: Window, idx: int, unicode: bool) -> int:
    if idx >= 0:
        if idx + 4 > len(w.extra):
            m.set_last_error(1413)  # ERROR_INVALID_INDEX
            return 0
        return struct.unpack_from("<I", w.extra, idx)[0]
    if idx == GWL_WNDPROC:
        return w.wndproc
    if idx == GWL_HINSTANCE:
        return w.hinstance
    if idx == GWL_HWNDPARENT:
        return (w.parent.hwnd if w.is_child and w.parent else w.owner.hwnd if w.owner else 0)
    if idx == GWL_STYLE:
        return w.style
    if idx == GWL_EXSTYLE:
        return w.exstyle
    if idx == GWL_USERDATA:
        return w.userdata
    if idx == GWL_ID:
        return w.id if w.is_child else w.menu
    m.set_last_error(1413)
    return 0


def set_long(m: "Machine", w: Window, idx: int, v: int, unicode: bool) -> int:
    from . import message as msg  # noqa: PLC0415
    v &= 0xFFFFFFFF
    if idx >= 0:
        if idx + 4 > len(w.extra):
            m.set_last_error(1413)
            return 0
        old = struct.unpack_from("<I", w.extra, idx)[0]
        struct.pack_into("<I", w.extra, idx, v)
        return old
    old = get_long(m, w, idx, unicode)
    if idx == GWL_WNDPROC:
        w.wndproc = v
        if v not in state(m).builtin_procs:
            w.unicode = unicode
    elif idx == GWL_HINSTANCE:
        w.hinstance = v
    elif idx == GWL_STYLE:
        ss = struct.pack("<II", w.style, v)
        p = _tmp(m, ss)
        msg.send(m, w, msg.WM_STYLECHANGING, 0xFFFFFFF0, p)
        w.style = v
        msg.send(m, w, msg.WM_STYLECHANGED, 0xFFFFFFF0, p)
        _free_tmp(m, p)
        changed(m)
    elif idx == GWL_EXSTYLE:
        w.exstyle = v
        changed(m)
    elif idx == GWL_USERDATA:
        w.userdata = v
    elif idx == GWL_ID:
        if w.is_child:
            w.id = v
        else:
            w.menu = v
    elif idx == GWL_HWNDPARENT:
        w.owner = get(m, v)
    return old


def _window_long(m: "Machine", hWnd: int, idx: int, new: int | None, wide: bool) -> int:
    """GetWindowLong (``new`` None) / SetWindowLong for the A (``wide`` False) or W entry point."""
    w = get(m, hWnd)
    if w is None:
        m.set_last_error(1400)  # ERROR_INVALID_WINDOW_HANDLE
        return 0
    if new is None:
        # (Windows hands an ANSI caller a thunk for a Unicode procedure; the same address works with our dispatcher)
        return get_long(m, w, idx, wide)
    m.set_last_error(0)
    return set_long(m, w, idx, new, wide)


@stdcall("user32")
def GetWindowLongA(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A window attribute (GWL_*) or a DWORD of its extra bytes."""
    return _window_long(m, hWnd, nIndex, None, False)


@stdcall("user32")
def GetWindowLongW(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A window attribute (GWL_*) or a DWORD of its extra bytes."""
    return _window_long(m, hWnd, nIndex, None, True)


@stdcall("user32")
def SetWindowLongA(m: "Machine", hWnd: HWND, nIndex: INT, dwNewLong: DWORD) -> DWORD:
    """Change a window attribute; returns the old value (GWL_WNDPROC subclasses with ANSI messages)."""
    return _window_long(m, hWnd, nIndex, dwNewLong, False)


@stdcall("user32")
def SetWindowLongW(m: "Machine", hWnd: HWND, nIndex: INT, dwNewLong: DWORD) -> DWORD:
    """Change a window attribute; returns the old value (GWL_WNDPROC subclasses with Unicode messages)."""
    return _window_long(m, hWnd, nIndex, dwNewLong, True)


@stdcall("user32")
def GetWindowWord(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A WORD of the window's extra bytes."""
    w = get(m, hWnd)
    if w is None or nIndex < 0 or nIndex + 2 > len(w.extra):
        return 0
    return struct.unpack_from("<H", w.extra, nIndex)[0]


@stdcall("user32")
def SetWindowWord(m: "Machine", hWnd: HWND, nIndex: INT, wNewWord: DWORD) -> DWORD:
    """Set a WORD of the window's extra bytes; returns the old one."""
    w = get(m, hWnd)
    if w is None or nIndex < 0 or nIndex + 2 > len(w.extra):
        return 0
    old = struct.unpack_from("<H", w.extra, nIndex)[0]
    struct.pack_into("<H", w.extra, nIndex, wNewWord & 0xFFFF)
    return old


def _text_message(m: "Machine", hWnd: int, msg_id: int, wp: int, lp: int, wide: bool) -> int:
    """Send WM_GETTEXT / WM_GETTEXTLENGTH / WM_SETTEXT to a window as an A (``wide`` False) or W caller; 0 for a
    bad handle."""
    from . import message as msg  # noqa: PLC0415
    w = get(m, hWnd)
    return msg.send(m, w, msg_id, wp, lp, unicode=wide) if w is not None else 0


_WM_SETTEXT, _WM_GETTEXT, _WM_GETTEXTLENGTH = 0x000C, 0x000D, 0x000E  # message.py's (it imports this module)


@stdcall("user32")
def GetWindowTextA(m: "Machine", hWnd: HWND, lpString: PTR, nMaxCount: INT) -> INT:
    """Copy the window's text (sends WM_GETTEXT); returns its length."""
    return _text_message(m, hWnd, _WM_GETTEXT, nMaxCount, lpString, False) if nMaxCount > 0 else 0


@stdcall("user32")
def GetWindowTextW(m: "Machine", hWnd: HWND, lpString: PTR, nMaxCount: INT) -> INT:
    """Copy the window's text (sends WM_GETTEXT); returns its length."""
    return _text_message(m, hWnd, _WM_GETTEXT, nMaxCount, lpString, True) if nMaxCount > 0 else 0


@stdcall("user32")
def GetWindowTextLengthA(m: "Machine", hWnd: HWND) -> INT:
    """Length of the window's text (WM_GETTEXTLENGTH)."""
    return _text_message(m, hWnd, _WM_GETTEXTLENGTH, 0, 0, False)


@stdcall("user32")
def GetWindowTextLengthW(m: "Machine", hWnd: HWND) -> INT:
    """Length of the window's text (WM_GETTEXTLENGTH)."""
    return _text_message(m, hWnd, _WM_GETTEXTLENGTH, 0, 0, True)


def set_text(m: "Machine", w: Window, s: str) -> int:
    """SetWindowText from Python: sends WM_SETTEXT with a temporary string in the window's charset."""
    from . import message as msg  # noqa: PLC0415
    data = s.encode("utf-16-le") + b"\0\0" if w.unicode else s.encode(m.ansi, "replace") + b"\0"
    p = _tmp(m, data)
    try:
        return msg.send(m, w, msg.WM_SETTEXT, 0, p, unicode=w.unicode)
    finally:
        _free_tmp(m, p)


@stdcall("user32")
def SetWindowTextA(m: "Machine", hWnd: HWND, lpString: PTR) -> BOOL:
    """Set the window's text (sends WM_SETTEXT)."""
    return _text_message(m, hWnd, _WM_SETTEXT, 0, lpString, False)


@stdcall("user32")
def SetWindowTextW(m: "Machine", hWnd: HWND, lpString: PTR) -> BOOL:
    """Set the window's text (sends WM_SETTEXT)."""
    return _text_message(m, hWnd, _WM_SETTEXT, 0, lpString, True)


@stdcall("user32")
def InternalGetWindowText(m: "Machine", hWnd: HWND, pString: PTR, cchMaxCount: INT) -> INT:
    """The window's text without sending a message."""
    w = get(m, hWnd)
    if w is None or cchMaxCount <= 0:
        return 0
    s = w.text[:cchMaxCount - 1]
    m.mem.write_wstr(pString, s)
    return len(s)


# ---- properties ---------------------------------------------------------------------------------------
def _prop_key(m: "Machine", s: str | int | None) -> str:
    if isinstance(s, int):
        return f"#{s}"
    return (s or "").lower()


@stdcall("user32")
def SetPropA(m: "Machine", hWnd: HWND, lpString: LPCSTR, hData: HANDLE) -> BOOL:
    """Attach a named value to a window."""
    w = get(m, hWnd)
    if w is None:
        return 0
    w.props[_prop_key(m, lpString)] = hData
    return 1


@stdcall("user32")
def SetPropW(m: "Machine", hWnd: HWND, lpString: LPCWSTR, hData: HANDLE) -> BOOL:
    """Attach a named value to a window."""
    return SetPropA(m, hWnd, lpString, hData)


@stdcall("user32")
def GetPropA(m: "Machine", hWnd: HWND, lpString: LPCSTR) -> HANDLE:
    """A named value attached to a window, or NULL."""
    w = get(m, hWnd)
    return w.props.get(_prop_key(m, lpString), 0) if w is not None else 0


@stdcall("user32")
def GetPropW(m: "Machine", hWnd: HWND, lpString: LPCWSTR) -> HANDLE:
    """A named value attached to a window, or NULL."""
    return GetPropA(m, hWnd, lpString)


@stdcall("user32")
def RemovePropA(m: "Machine", hWnd: HWND, lpString: LPCSTR) -> HANDLE:
    """Detach a named value; returns it."""
    w = get(m, hWnd)
    return w.props.pop(_prop_key(m, lpString), 0) if w is not None else 0


@stdcall("user32")
def RemovePropW(m: "Machine", hWnd: HWND, lpString: LPCWSTR) -> HANDLE:
    """Detach a named value; returns it."""
    return RemovePropA(m, hWnd, lpString)
