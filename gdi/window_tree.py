"""user32 window tree queries: parent/owner/siblings (GetParent, SetParent, GetWindow), enumeration,
FindWindow(Ex), dialog item ids, and hit testing (WindowFromPoint, ChildWindowFromPoint)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HWND, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from .region import Rect
from .window_core import (
    DESKTOP_HWND, GW_CHILD, GW_ENABLEDPOPUP, GW_HWNDFIRST, GW_HWNDLAST, GW_HWNDNEXT, GW_HWNDPREV, GW_OWNER,
    WS_DISABLED, Window, _insert_top, ancestors, get, state, top_level,
)
from .window_class import find_class
from .window_pos import set_geometry
from .window_paint import invalidate_tree

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- tree queries ----------------------------------------------------------------------------------------
@stdcall("user32")
def GetDesktopWindow(m: "Machine") -> HWND:
    """The desktop window's handle."""
    return DESKTOP_HWND


@stdcall("user32")
def GetParent(m: "Machine", hWnd: HWND) -> HWND:
    """A child's parent, or a popup/overlapped window's owner."""
    w = get(m, hWnd)
    if w is None:
        return 0
    if w.is_child:
        return w.parent.hwnd if w.parent else 0
    return w.owner.hwnd if w.owner is not None else 0


@stdcall("user32")
def GetAncestor(m: "Machine", hwnd: HWND, gaFlags: UINT) -> HWND:
    """GA_PARENT (1), GA_ROOT (2) or GA_ROOTOWNER (3)."""
    w = get(m, hwnd)
    if w is None:
        return 0
    if gaFlags == 1:
        return w.parent.hwnd if w.is_child and w.parent else DESKTOP_HWND
    r = top_level(w)
    if gaFlags == 3:
        while r.owner is not None:
            r = r.owner
    return r.hwnd


@stdcall("user32")
def SetParent(m: "Machine", hWndChild: HWND, hWndNewParent: HWND) -> HWND:
    """Move a window under another parent; returns the old parent."""
    w = get(m, hWndChild)
    if w is None:
        return 0
    oldp = w.parent.hwnd if w.parent is not None else DESKTOP_HWND
    st = state(m)
    newp = get(m, hWndNewParent)
    if w.parent is not None and w in w.parent.children:
        w.parent.children.remove(w)
    if w in st.tops:
        st.tops.remove(w)
    if newp is None:
        w.parent = None
        _insert_top(st, w)
    else:
        w.parent = newp
        newp.children.insert(0, w)
    set_geometry(m, w, w.rect)
    invalidate_tree(m, w)
    return oldp


@stdcall("user32")
def IsChild(m: "Machine", hWndParent: HWND, hWnd: HWND) -> BOOL:
    """Whether ``hWnd`` is a descendant of ``hWndParent``."""
    w = get(m, hWnd)
    p = get(m, hWndParent)
    return int(w is not None and p is not None and p in ancestors(w))


def siblings(m: "Machine", w: Window) -> list[Window]:
    return w.parent.children if w.is_child and w.parent is not None else state(m).tops


@stdcall("user32")
def GetWindow(m: "Machine", hWnd: HWND, uCmd: UINT) -> HWND:
    """Related window: first/last/next/previous sibling, owner, first child."""
    w = get(m, hWnd)
    if w is None:
        if hWnd == DESKTOP_HWND and uCmd == GW_CHILD:
            t = state(m).tops
            return t[0].hwnd if t else 0
        return 0
    if uCmd == GW_CHILD:
        return w.children[0].hwnd if w.children else 0
    if uCmd == GW_OWNER:
        return w.owner.hwnd if w.owner is not None else 0
    sib = siblings(m, w)
    if not sib:
        return 0
    i = sib.index(w) if w in sib else 0
    if uCmd == GW_HWNDFIRST:
        return sib[0].hwnd
    if uCmd == GW_HWNDLAST:
        return sib[-1].hwnd
    if uCmd == GW_HWNDNEXT:
        return sib[i + 1].hwnd if i + 1 < len(sib) else 0
    if uCmd == GW_HWNDPREV:
        return sib[i - 1].hwnd if i > 0 else 0
    if uCmd == GW_ENABLEDPOPUP:
        return 0
    return 0


@stdcall("user32")
def GetTopWindow(m: "Machine", hWnd: HWND) -> HWND:
    """First child in z-order (of the desktop when NULL)."""
    w = get(m, hWnd)
    lst = w.children if w is not None else state(m).tops
    return lst[0].hwnd if lst else 0


@stdcall("user32")
def GetNextWindow(m: "Machine", hWnd: HWND, wCmd: UINT) -> HWND:
    """GetWindow(GW_HWNDNEXT/GW_HWNDPREV)."""
    return GetWindow(m, hWnd, wCmd)


def _enum(m: "Machine", wins: list[Window], proc: int, lparam: int) -> int:
    for w in list(wins):
        if w.destroyed:
            continue
        if not m.call(proc, w.hwnd, lparam):
            return 0
    return 1


@stdcall("user32")
def EnumWindows(m: "Machine", lpEnumFunc: PTR, lParam: DWORD) -> BOOL:
    """Call the callback for each top-level window until it returns FALSE."""
    return _enum(m, state(m).tops, lpEnumFunc, lParam) or 1


@stdcall("user32")
def EnumThreadWindows(m: "Machine", dwThreadId: DWORD, lpfn: PTR, lParam: DWORD) -> BOOL:
    """Call the callback for each top-level window of a thread."""
    return _enum(m, [w for w in state(m).tops if w.tid == dwThreadId], lpfn, lParam) or 1


@stdcall("user32")
def EnumChildWindows(m: "Machine", hWndParent: HWND, lpEnumFunc: PTR, lParam: DWORD) -> BOOL:
    """Call the callback for every descendant (depth first)."""
    p = get(m, hWndParent)
    if p is None:
        return _enum(m, state(m).tops, lpEnumFunc, lParam)
    out: list[Window] = []

    def walk(w: Window) -> None:
        for c in w.children:
            out.append(c)
            walk(c)
    walk(p)
    return _enum(m, out, lpEnumFunc, lParam)


def _find(m: "Machine", parent: Window | None, after: int, cls: str | int | None, title: str | int | None) -> int:
    lst = parent.children if parent is not None else state(m).tops
    started = after == 0
    for w in lst:
        if not started:
            started = w.hwnd == after
            continue
        if cls is not None:
            wc = find_class(m, cls)
            if wc is None or w.cls is not wc:
                continue
        if isinstance(title, str) and w.text != title:
            continue
        return w.hwnd
    return 0


@stdcall("user32")
def FindWindowA(m: "Machine", lpClassName: LPCSTR, lpWindowName: LPCSTR) -> HWND:
    """A top-level window by class and/or title."""
    return _find(m, None, 0, lpClassName, lpWindowName)


@stdcall("user32")
def FindWindowW(m: "Machine", lpClassName: LPCWSTR, lpWindowName: LPCWSTR) -> HWND:
    """A top-level window by class and/or title."""
    return _find(m, None, 0, lpClassName, lpWindowName)


@stdcall("user32")
def FindWindowExA(m: "Machine", hWndParent: HWND, hWndChildAfter: HWND, lpszClass: LPCSTR,
                  lpszWindow: LPCSTR) -> HWND:
    """A child (or top-level) window by class and/or title after a given one."""
    return _find(m, get(m, hWndParent), hWndChildAfter, lpszClass, lpszWindow)


@stdcall("user32")
def FindWindowExW(m: "Machine", hWndParent: HWND, hWndChildAfter: HWND, lpszClass: LPCWSTR,
                  lpszWindow: LPCWSTR) -> HWND:
    """A child (or top-level) window by class and/or title after a given one."""
    return _find(m, get(m, hWndParent), hWndChildAfter, lpszClass, lpszWindow)


def child_by_id(w: Window, cid: int) -> Window | None:
    for c in w.children:
        if c.id == cid:
            return c
    return None


@stdcall("user32")
def GetDlgItem(m: "Machine", hDlg: HWND, nIDDlgItem: INT) -> HWND:
    """The child window with this control id."""
    w = get(m, hDlg)
    c = child_by_id(w, nIDDlgItem & 0xFFFFFFFF) if w is not None else None
    if c is None:
        m.set_last_error(1421)  # ERROR_CONTROL_ID_NOT_FOUND
        return 0
    return c.hwnd


@stdcall("user32")
def GetDlgCtrlID(m: "Machine", hWnd: HWND) -> INT:
    """A child window's control id."""
    w = get(m, hWnd)
    return w.id if w is not None and w.is_child else 0


def window_at(m: "Machine", x: int, y: int, skip_disabled: bool = False) -> Window | None:
    """The deepest visible window under screen point (x, y)."""
    for t in state(m).tops:
        if not t.visible or t.minimized:
            continue
        if t.rect[0] <= x < t.rect[2] and t.rect[1] <= y < t.rect[3]:
            return _child_at(t, x - t.rect[0], y - t.rect[1], skip_disabled)
    return None


ICONIC_SIZE = (160, 24)


def iconic_rects(m: "Machine") -> list[tuple[Window, Rect]]:
    """Minimised top-level windows as caption bars along the bottom of the desktop (there is no taskbar)."""
    from . import desktop  # noqa: PLC0415
    scr = desktop.screen(m)
    out: list[tuple[Window, Rect]] = []
    w_, h_ = ICONIC_SIZE
    per_row = max(1, (scr.width - 4) // (w_ + 4))
    icons = sorted((t for t in state(m).tops if t.visible and t.minimized and not t.destroyed), key=lambda t: t.hwnd)
    for i, t in enumerate(icons):
        x = 4 + (i % per_row) * (w_ + 4)
        y = scr.height - (i // per_row + 1) * (h_ + 4)
        out.append((t, (x, y, x + w_, y + h_)))
    return out


def iconic_at(m: "Machine", x: int, y: int) -> Window | None:
    for t, r in iconic_rects(m):
        if r[0] <= x < r[2] and r[1] <= y < r[3]:
            return t
    return None


def _child_at(w: Window, x: int, y: int, skip_disabled: bool) -> Window:
    """(x, y) relative to w's window rect."""
    cx, cy = x - w.client_off[0], y - w.client_off[1]
    if 0 <= cx < w.client_size[0] and 0 <= cy < w.client_size[1]:
        for c in w.children:
            if not c.visible or (skip_disabled and c.style & WS_DISABLED):
                continue
            if c.rect[0] <= cx < c.rect[2] and c.rect[1] <= cy < c.rect[3]:
                if c.cls.name.lower() == "button" and (c.style & 0xF) == 7:  # group boxes are transparent
                    continue
                return _child_at(c, cx - c.rect[0], cy - c.rect[1], skip_disabled)
    return w


@stdcall("user32")
def WindowFromPoint(m: "Machine", x: INT, y: INT) -> HWND:
    """The window under a screen point (POINT by value)."""
    w = window_at(m, x, y)
    return w.hwnd if w is not None else 0


@stdcall("user32")
def ChildWindowFromPoint(m: "Machine", hWndParent: HWND, x: INT, y: INT) -> HWND:
    """The direct child containing a client point, the parent itself, or NULL outside."""
    p = get(m, hWndParent)
    if p is None:
        return 0
    if not (0 <= x < p.client_size[0] and 0 <= y < p.client_size[1]):
        return 0
    for c in p.children:
        if c.rect[0] <= x < c.rect[2] and c.rect[1] <= y < c.rect[3]:
            return c.hwnd
    return p.hwnd


@stdcall("user32")
def ChildWindowFromPointEx(m: "Machine", hwnd: HWND, x: INT, y: INT, flags: UINT) -> HWND:
    """ChildWindowFromPoint skipping invisible (1) / disabled (2) / transparent (4) children."""
    p = get(m, hwnd)
    if p is None:
        return 0
    if not (0 <= x < p.client_size[0] and 0 <= y < p.client_size[1]):
        return 0
    for c in p.children:
        if flags & 1 and not c.visible or flags & 2 and c.style & WS_DISABLED:
            continue
        if c.rect[0] <= x < c.rect[2] and c.rect[1] <= y < c.rect[3]:
            return c.hwnd
    return p.hwnd
