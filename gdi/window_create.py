"""user32 window creation and destruction: CreateWindowEx (its message sequence), DestroyWindow, IsWindow."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, HWND, LPCSTR, LPCWSTR, PTR, stdcall

from .region import Rect
from .window_core import (
    CW_USEDEFAULT, DESKTOP_HWND, HWND_MESSAGE, SW_SHOW, WS_CAPTION, WS_CHILD, WS_CLIPSIBLINGS, WS_DISABLED,
    WS_DLGFRAME, WS_EX_DLGMODALFRAME, WS_EX_NOPARENTNOTIFY, WS_EX_WINDOWEDGE, WS_POPUP, WS_THICKFRAME, WS_VISIBLE,
    Window, _insert_top, _s, changed, get, really_visible, state, top_level,
)
from .window_class import find_class
from .window_pos import hide, send_size_move, set_geometry, show_window
from .window_focus import activate
from .window_paint import invalidate

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- creation -----------------------------------------------------------------------------------------
def _default_rect(m: "Machine", x: int, y: int, cx: int, cy: int, style: int,
                  parent: Window | None) -> Rect:
    from . import desktop  # noqa: PLC0415
    scr = desktop.screen(m)
    st = state(m)
    if style & WS_CHILD:
        x = 0 if x == CW_USEDEFAULT else x
        y = 0 if y == CW_USEDEFAULT else y
        cx = 0 if cx == CW_USEDEFAULT else cx
        cy = 0 if cy == CW_USEDEFAULT else cy
        return (_s(x), _s(y), _s(x) + _s(cx), _s(y) + _s(cy))
    if x == CW_USEDEFAULT:
        n = st.cascade % 8
        st.cascade += 1
        x = y = 22 * n + 10
    if cx == CW_USEDEFAULT:
        cx = scr.width * 3 // 4
        cy = scr.height * 3 // 4 if cy == CW_USEDEFAULT or cy == 0 else cy
    return (_s(x), _s(y), _s(x) + _s(cx), _s(y) + _s(cy))


def alloc_hwnd(m: "Machine") -> int:
    st = state(m)
    h = st.next_hwnd
    st.next_hwnd += 2
    return h


def create_window(m: "Machine", exstyle: int, cls_name: str | int | None, title: str | int | None, style: int,
                  x: int, y: int, cx: int, cy: int, hparent: int, hmenu: int, hinst: int, param: int,
                  unicode: bool) -> int:
    """CreateWindowEx: build the window, send WM_NCCREATE / WM_CREATE / WM_SIZE / WM_MOVE, show it if WS_VISIBLE."""
    from . import message as msg  # noqa: PLC0415
    st = state(m)
    wc = find_class(m, cls_name)
    if wc is None:
        m.set_last_error(1407)  # ERROR_CANNOT_FIND_WND_CLASS
        return 0
    parent = get(m, hparent) if hparent and hparent != DESKTOP_HWND else None
    if hparent and hparent not in (DESKTOP_HWND, HWND_MESSAGE) and parent is None:
        m.set_last_error(1400)  # ERROR_INVALID_WINDOW_HANDLE
        return 0
    if style & WS_CHILD and parent is None:
        m.set_last_error(1406)  # ERROR_TLW_WITH_WSCHILD
        return 0
    owner = None
    if not style & WS_CHILD and parent is not None:
        owner = top_level(parent)  # a top-level window's "parent" is its owner
        parent = None
    if not style & WS_CHILD:
        style |= WS_CLIPSIBLINGS
        if not style & WS_POPUP:
            style |= WS_CAPTION  # overlapped windows always have a caption
    if exstyle & WS_EX_DLGMODALFRAME or (style & WS_DLGFRAME and not style & WS_THICKFRAME and
                                           not style & WS_CHILD):
        exstyle |= WS_EX_WINDOWEDGE
    wanted_visible = bool(style & WS_VISIBLE)
    style &= ~WS_VISIBLE
    rect = _default_rect(m, x, y, cx, cy, style, parent)
    hwnd = alloc_hwnd(m)
    text = title if isinstance(title, str) else ""
    w = Window(hwnd=hwnd, cls=wc, style=style, exstyle=exstyle, parent=parent, owner=owner, rect=rect, text=text,
               wndproc=wc.wndproc, unicode=wc.unicode if not wc.builtin else unicode, hinstance=hinst,
               extra=bytearray(wc.wnd_extra), tid=m.thread.tid if m.thread else 0)
    if style & WS_CHILD:
        w.id = hmenu
    else:
        w.menu = hmenu
        if not hmenu and wc.menu_name:
            from . import menu as menu_mod  # noqa: PLC0415
            load = getattr(menu_mod, "load_menu", None)
            if load is not None:
                w.menu = load(m, wc.hinstance or hinst, wc.menu_name)
    st.windows[hwnd] = w
    if parent is not None:
        parent.children.append(w)  # new child windows go to the bottom of the z-order
    else:
        _insert_top(st, w)
    set_geometry(m, w, rect)
    # CREATESTRUCT for WM_NCCREATE / WM_CREATE
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    heap = process_heap(m)
    cs = heap.alloc(48 + 2 * (len(text) + 1) + 2 * (len(wc.name) + 1) + 8)
    name_p = cs + 48
    if isinstance(title, int):
        name_p = title
    elif w.unicode:
        m.mem.write_wstr(name_p, text)
    else:
        m.mem.write(name_p, text.encode(m.ansi, "replace") + b"\0")
    cls_p = cs + 48 + 2 * (len(text) + 1)
    if isinstance(cls_name, int):
        cls_p = cls_name
    elif w.unicode:
        m.mem.write_wstr(cls_p, wc.name)
    else:
        m.mem.write(cls_p, wc.name.encode(m.ansi, "replace") + b"\0")
    m.mem.pack("<12I", cs, param, hinst, hmenu, hparent if parent is not None or owner is not None else 0,
               rect[3] - rect[1], rect[2] - rect[0], rect[1], rect[0], style | (WS_VISIBLE if wanted_visible else 0),
               name_p, cls_p, exstyle)
    try:
        if not msg.send(m, w, msg.WM_NCCREATE, 0, cs):
            _destroy(m, w)
            return 0
        msg.send(m, w, msg.WM_NCCALCSIZE, 0, 0) if False else None  # client frame is computed by nonclient.py
        if w.destroyed:
            return 0
        if _s(msg.send(m, w, msg.WM_CREATE, 0, cs)) == -1:
            _destroy(m, w)
            return 0
    finally:
        heap.free(cs)
    if w.destroyed:
        return 0
    if parent is not None and not exstyle & WS_EX_NOPARENTNOTIFY:
        msg.send(m, parent, msg.WM_PARENTNOTIFY, msg.WM_CREATE | (w.id << 16), hwnd)
    if not w.sent_size and style & (WS_CHILD | WS_POPUP):
        # overlapped windows get their first WM_SIZE/WM_MOVE when first shown (Windows' "needs size" flag)
        send_size_move(m, w)
    if wanted_visible and not w.destroyed:
        show_window(m, w, SW_SHOW)
    return hwnd


@stdcall("user32")
def CreateWindowExA(m: "Machine", dwExStyle: DWORD, lpClassName: LPCSTR, lpWindowName: LPCSTR, dwStyle: DWORD,
                    X: DWORD, Y: DWORD, nWidth: DWORD, nHeight: DWORD, hWndParent: HWND, hMenu: HANDLE,
                    hInstance: HANDLE, lpParam: PTR) -> HWND:
    """Create a window of a registered class; returns its handle or NULL."""
    return create_window(m, dwExStyle, lpClassName, lpWindowName, dwStyle, X, Y, nWidth, nHeight, hWndParent,
                         hMenu, hInstance, lpParam, False)


@stdcall("user32")
def CreateWindowExW(m: "Machine", dwExStyle: DWORD, lpClassName: LPCWSTR, lpWindowName: LPCWSTR, dwStyle: DWORD,
                    X: DWORD, Y: DWORD, nWidth: DWORD, nHeight: DWORD, hWndParent: HWND, hMenu: HANDLE,
                    hInstance: HANDLE, lpParam: PTR) -> HWND:
    """Create a window of a registered class; returns its handle or NULL."""
    return create_window(m, dwExStyle, lpClassName, lpWindowName, dwStyle, X, Y, nWidth, nHeight, hWndParent,
                         hMenu, hInstance, lpParam, True)


# ---- destruction --------------------------------------------------------------------------------------
def _destroy(m: "Machine", w: Window) -> None:
    """Unlink ``w`` and its children without messages (creation failed)."""
    st = state(m)
    for ch in list(w.children):
        _destroy(m, ch)
    w.destroyed = True
    st.windows.pop(w.hwnd, None)
    if w.parent is not None and w in w.parent.children:
        w.parent.children.remove(w)
    if w in st.tops:
        st.tops.remove(w)
    for attr in ("focus", "active", "capture"):
        if getattr(st, attr) is w:
            setattr(st, attr, None)
    changed(m)


def destroy_window(m: "Machine", w: Window) -> bool:
    from . import message as msg  # noqa: PLC0415
    if w.destroyed:
        return False
    st = state(m)
    # owned windows go first
    for o in [x for x in st.tops if x.owner is w]:
        destroy_window(m, o)
    was_visible = really_visible(w)
    if w.visible:
        hide(m, w)
    if w.is_child and not w.exstyle & WS_EX_NOPARENTNOTIFY and w.parent is not None:
        msg.send(m, w.parent, msg.WM_PARENTNOTIFY, msg.WM_DESTROY | (w.id << 16), w.hwnd)
    msg.send(m, w, msg.WM_DESTROY, 0, 0)
    for ch in list(w.children):
        destroy_window(m, ch)
    msg.send(m, w, msg.WM_NCDESTROY, 0, 0)
    msg.forget_window(m, w)
    if not w.is_child:
        from . import menu  # noqa: PLC0415
        menu.on_window_destroyed(m, w)
    _destroy(m, w)
    if was_visible and w.is_child and w.parent is not None:
        ox, oy = w.rect[0], w.rect[1]
        invalidate(m, w.parent, (ox, oy, ox + w.width, oy + w.height), True)
    if st.active is None and not w.is_child:
        nxt = next((t for t in st.tops if t.visible and not t.style & WS_DISABLED), None)
        if nxt is not None:
            activate(m, nxt)
    return True


@stdcall("user32")
def DestroyWindow(m: "Machine", hWnd: HWND) -> BOOL:
    """Destroy a window and its children (WM_DESTROY, WM_NCDESTROY)."""
    w = get(m, hWnd)
    if w is None:
        m.set_last_error(1400)
        return 0
    return int(destroy_window(m, w))


@stdcall("user32")
def IsWindow(m: "Machine", hWnd: HWND) -> BOOL:
    """Whether the handle names an existing window."""
    return int(get(m, hWnd) is not None)
