"""DefWindowProc (the default handling of every standard message) and the registry of built-in window
classes whose procedures are Python (controls, dialogs, message boxes).

A built-in class procedure is ``fn(m, w, msg, wparam, lparam, unicode) -> int``. ``builtin_class`` also
exports it from user32 under a hidden name so it has a guest address: programs can read it with
GetWindowLong(GWL_WNDPROC), subclass the control and call the original through CallWindowProc.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from emu.api import DWORD, HWND, UINT, stdcall

from . import gdiobj, syscolor
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .surface import colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

Proc = Callable[["Machine", "Window", int, int, int, bool], int]
BUILTIN_CLASSES: list[tuple[str, str, int, int, int, int]] = []  # name, export, style, extra, background, cursor

SC_SIZE, SC_MOVE, SC_MINIMIZE, SC_MAXIMIZE, SC_CLOSE, SC_KEYMENU, SC_RESTORE = \
    0xF000, 0xF010, 0xF020, 0xF030, 0xF060, 0xF100, 0xF120
SC_MOUSEMENU = 0xF090


def builtin_class(name: str, style: int = 0, wnd_extra: int = 0, background: int = 0,
                  cursor: int = 32512) -> Callable[[Proc], Proc]:
    """Declare a built-in window class with a Python window procedure."""
    def deco(fn: Proc) -> Proc:
        export = "_exeplay_WndProc_" + name.strip("#").replace(" ", "")

        def stub(m: "Machine", hWnd: HWND, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
            w = wm.get(m, hWnd)
            if w is None:
                return 0
            return fn(m, w, Msg, wParam, lParam, w.unicode)
        stub.__doc__ = f"Window procedure of the built-in {name} class."
        stdcall("user32", name=export)(stub)
        BUILTIN_CLASSES.append((name, export, style, wnd_extra, background, cursor))
        _PROCS[export] = fn
        return fn
    return deco


_PROCS: dict[str, Proc] = {}


def register_builtin_classes(m: "Machine") -> None:
    """Called once per process when window state is created: register the built-in classes."""
    st = wm.state(m)
    if "user32" not in m.proc.by_key:
        return
    for name, export, style, extra, bg, cursor in BUILTIN_CLASSES:
        wc = wm.register_builtin_class(m, name, export, style, extra, bg, cursor)
        st.builtin_procs[wc.wndproc] = _PROCS[export]
    st.builtin_procs[m.proc.export_addr("user32", "DefWindowProcA")] = default_proc
    st.builtin_procs[m.proc.export_addr("user32", "DefWindowProcW")] = default_proc


def class_brush_px(m: "Machine", w: "Window") -> int | None:
    """The class background brush of ``w`` as a pixel (None: no background)."""
    bg = w.cls.background
    if not bg:
        return None
    if bg <= 31:  # COLOR_x + 1
        return colorref_to_px(syscolor.get(m, bg - 1))
    b = gdiobj.table(m).get(bg, gdiobj.Brush)
    if b is None or b.style == gdiobj.BS_NULL:
        return None
    if b.sys_color >= 0:
        return colorref_to_px(syscolor.get(m, b.sys_color))
    return colorref_to_px(b.color & 0xFFFFFF)


def erase_background(m: "Machine", w: "Window", hdc: int) -> int:
    from .dc import get_dc  # noqa: PLC0415
    px = class_brush_px(m, w)
    dc = get_dc(m, hdc)
    if px is None or dc is None:
        return 0
    bg = w.cls.background
    b = gdiobj.table(m).get(bg, gdiobj.Brush) if bg > 31 else None
    if b is not None and b.style == gdiobj.BS_PATTERN:
        from . import draw  # noqa: PLC0415
        fill_brush = getattr(draw, "fill_rect_brush", None)
        if fill_brush is not None:
            fill_brush(dc, (0, 0, w.client_size[0], w.client_size[1]), b)
            return 1
    dc.fill_device(dc.clip_box(), px)
    return 1


def _ctlcolor(m: "Machine", msg: int, hdc: int) -> int:
    from .dc import get_dc  # noqa: PLC0415
    dc = get_dc(m, hdc)
    if msg in (mm.WM_CTLCOLOREDIT, mm.WM_CTLCOLORLISTBOX):
        idx_bg, idx_fg = 5, 8  # COLOR_WINDOW, COLOR_WINDOWTEXT
    elif msg == mm.WM_CTLCOLORSCROLLBAR:
        idx_bg, idx_fg = 0, 8
    else:
        idx_bg, idx_fg = 15, 18  # COLOR_BTNFACE, COLOR_BTNTEXT
    if dc is not None:
        dc.text_color = syscolor.get(m, idx_fg)
        dc.bk_color = syscolor.get(m, idx_bg)
    return syscolor.GetSysColorBrush(m, idx_bg)


def default_proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int, unicode: bool) -> int:
    """DefWindowProc."""
    if msg == mm.WM_NCCREATE:
        if lp:
            name = m.mem.u32(lp + 36)
            if name >= 0x10000:
                w.text = mm.read_str(m, name, unicode)
        return 1
    if msg == mm.WM_NCCALCSIZE:
        return 0
    if msg == mm.WM_NCPAINT:
        nc.paint(m, w)
        return 0
    if msg == mm.WM_NCACTIVATE:
        w.nc_dirty = True
        wm.paint_nonclient(m, w)
        return 1
    if msg == mm.WM_NCHITTEST:
        x, y = lp & 0xFFFF, (lp >> 16) & 0xFFFF
        x = x - 0x10000 if x & 0x8000 else x
        y = y - 0x10000 if y & 0x8000 else y
        return nc.hit_test(m, w, x, y) & 0xFFFFFFFF
    if msg == mm.WM_NCLBUTTONDOWN:
        return _nc_lbutton(m, w, wp, lp)
    if msg == mm.WM_NCLBUTTONDBLCLK:
        if wp == nc.HTCAPTION and w.style & wm.WS_MAXIMIZEBOX:
            mm.send(m, w, mm.WM_SYSCOMMAND, SC_RESTORE if w.maximized else SC_MAXIMIZE, lp)
        return 0
    if msg == mm.WM_SYSCOMMAND:
        if wp & 0xFFF0 == SC_MOUSEMENU:
            return _syscommand(m, w, wp, lp)
        return _syscommand(m, w, wp & 0xFFF0, lp)
    if msg == mm.WM_CLOSE:
        wm.destroy_window(m, w)
        return 0
    if msg == mm.WM_PAINT:
        ps = wm._tmp(m, b"\0" * 64)
        try:
            wm.begin_paint(m, w, ps)
            wm.EndPaint(m, w.hwnd, ps)
        finally:
            wm._free_tmp(m, ps)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return erase_background(m, w, wp)
    if msg == mm.WM_SETTEXT:
        w.text = mm.read_str(m, lp, unicode) if lp else ""
        if w.style & wm.WS_CAPTION == wm.WS_CAPTION:
            w.nc_dirty = True
            wm.paint_nonclient(m, w)
        return 1
    if msg == mm.WM_GETTEXT:
        return mm.write_text_result(m, lp, wp, w.text, unicode)
    if msg == mm.WM_GETTEXTLENGTH:
        return len(w.text) if unicode else len(w.text.encode(m.ansi, "replace"))
    if msg == mm.WM_SETCURSOR:
        if w.is_child and w.parent is not None:
            if mm.send(m, w.parent, mm.WM_SETCURSOR, wp, lp):
                return 1
        if lp & 0xFFFF == nc.HTCLIENT:
            from . import cursor  # noqa: PLC0415
            set_class_cursor = getattr(cursor, "set_class_cursor", None)
            if set_class_cursor is not None:
                set_class_cursor(m, w)
        return 0
    if msg == mm.WM_MOUSEACTIVATE:
        if w.is_child and w.parent is not None:
            r = mm.send(m, w.parent, mm.WM_MOUSEACTIVATE, wp, lp)
            if r:
                return r
        return 1  # MA_ACTIVATE
    if msg == mm.WM_ACTIVATE:
        if wp & 0xFFFF and not w.minimized:
            st = wm.state(m)
            if st.focus is None or wm.top_level(st.focus) is not w:
                wm.set_focus(m, w)
        return 0
    if msg in (mm.WM_CTLCOLORMSGBOX, mm.WM_CTLCOLOREDIT, mm.WM_CTLCOLORLISTBOX, mm.WM_CTLCOLORBTN,
               mm.WM_CTLCOLORDLG, mm.WM_CTLCOLORSCROLLBAR, mm.WM_CTLCOLORSTATIC):
        return _ctlcolor(m, msg, wp)
    if msg == mm.WM_SYSKEYDOWN:
        if wp == 0x73 and lp & (1 << 29):  # Alt+F4
            mm.send(m, wm.top_level(w), mm.WM_SYSCOMMAND, SC_CLOSE, 0)
        elif wp in (0x12, 0x79):  # Alt or F10: remember it; the key-up alone enters the menu bar
            m.state["menu_key_down"] = wp
        else:
            m.state["menu_key_down"] = None
        return 0
    if msg == mm.WM_SYSKEYUP:
        if wp in (0x12, 0x79) and m.state.get("menu_key_down") == wp:
            m.state["menu_key_down"] = None
            mm.send(m, wm.top_level(w), mm.WM_SYSCOMMAND, SC_KEYMENU, 0)
        return 0
    if msg == mm.WM_SYSCHAR:
        if lp & (1 << 29):
            top = wm.top_level(w)
            mm.send(m, top, mm.WM_SYSCOMMAND, SC_KEYMENU, wp)
        return 0
    if msg == mm.WM_MOUSEWHEEL:
        if w.is_child and w.parent is not None:
            return mm.send(m, w.parent, msg, wp, lp)
        return 0
    if msg == 0x7B:  # WM_CONTEXTMENU
        if w.is_child and w.parent is not None:
            return mm.send(m, w.parent, msg, wp, lp)
        return 0
    if msg == mm.WM_GETICON:
        return w.icon_small if wp in (0, 2) else w.icon_big
    if msg == mm.WM_SETICON:
        if wp == 0:
            old, w.icon_small = w.icon_small, lp
        else:
            old, w.icon_big = w.icon_big, lp
        return old
    if msg == mm.WM_QUERYENDSESSION or msg == 0x13:  # WM_QUERYOPEN
        return 1
    if msg == 0x1F:  # WM_CANCELMODE
        if wm.state(m).capture is w:
            wm.state(m).capture = None
        return 0
    if msg == mm.WM_SHOWWINDOW or msg == mm.WM_WINDOWPOSCHANGING or msg == mm.WM_WINDOWPOSCHANGED:
        return 0
    return 0


def _nc_lbutton(m: "Machine", w: "Window", hit: int, lp: int) -> int:
    top = wm.top_level(w)
    if hit == nc.HTCLOSE:
        mm.send(m, top, mm.WM_SYSCOMMAND, SC_CLOSE, lp)
    elif hit == nc.HTMINBUTTON:
        mm.send(m, top, mm.WM_SYSCOMMAND, SC_MINIMIZE, lp)
    elif hit == nc.HTMAXBUTTON:
        mm.send(m, top, mm.WM_SYSCOMMAND, SC_RESTORE if top.maximized else SC_MAXIMIZE, lp)
    elif hit == nc.HTMENU:
        mm.send(m, top, mm.WM_SYSCOMMAND, SC_MOUSEMENU, lp)
    elif hit == nc.HTSYSMENU:
        mm.send(m, top, mm.WM_SYSCOMMAND, SC_MOUSEMENU + nc.HTSYSMENU, lp)
    elif hit in (nc.HTVSCROLL, nc.HTHSCROLL):
        from . import controls_scroll  # noqa: PLC0415
        track = getattr(controls_scroll, "nc_scroll_click", None)
        if track is not None:
            track(m, w, hit, lp)
    elif hit == nc.HTCAPTION:
        wm.activate(m, top)
        if not top.maximized:
            move_loop(m, top)
    return 0


def move_loop(m: "Machine", w: "Window") -> None:
    """Drag a window by its caption until the left button is released (the modal move loop)."""
    from . import input as inp  # noqa: PLC0415
    st = inp.state(m)
    x0, y0 = st.cursor
    r0 = w.rect
    ws = wm.state(m)
    old_capture = ws.capture
    ws.capture = w
    mm.send(m, w, mm.WM_ENTERSIZEMOVE, 0, 0)
    try:
        while st.async_keys[inp.VK_LBUTTON] & 0x80 and not w.destroyed:
            x = mm.peek(m, 0, 0, 0, True)
            if x is None:
                m.wait_here(mm.wait_spec(m, mm.queue(m)))
                continue
            if x.message == mm.WM_QUIT:
                mm.queue(m).quit = x.wparam
                break
            if mm.WM_MOUSEMOVE <= x.message <= 0x20D or x.message in (mm.WM_KEYDOWN, mm.WM_KEYUP, mm.WM_CHAR):
                if x.message == mm.WM_KEYDOWN and x.wparam == 0x1B:  # Esc puts it back
                    wm.move_window(m, w, r0, wm.SWP_NOZORDER | wm.SWP_NOSIZE | wm.SWP_NOACTIVATE)
                    break
                cx, cy = st.cursor
                dx, dy = cx - x0, cy - y0
                if (w.rect[0], w.rect[1]) != (r0[0] + dx, r0[1] + dy):
                    wm.move_window(m, w, (r0[0] + dx, r0[1] + dy, r0[2] + dx, r0[3] + dy),
                                   wm.SWP_NOZORDER | wm.SWP_NOSIZE | wm.SWP_NOACTIVATE)
                if x.message == mm.WM_LBUTTONUP:
                    break
                continue
            mm.dispatch(m, x, w.unicode)
    finally:
        ws.capture = old_capture
        mm.send(m, w, mm.WM_EXITSIZEMOVE, 0, 0)


def _syscommand(m: "Machine", w: "Window", cmd: int, lp: int) -> int:
    if cmd & 0xFFF0 == SC_MOUSEMENU:
        from . import menu  # noqa: PLC0415
        menu.track_menu_bar(m, w, cmd, lp)
        return 0
    if cmd == SC_CLOSE:
        if not w.cls.style & wm.CS_NOCLOSE:
            mm.send(m, w, mm.WM_CLOSE, 0, 0)
    elif cmd == SC_MINIMIZE:
        wm.show_window(m, w, wm.SW_MINIMIZE)
    elif cmd == SC_MAXIMIZE:
        wm.show_window(m, w, wm.SW_SHOWMAXIMIZED)
    elif cmd == SC_RESTORE:
        wm.show_window(m, w, wm.SW_RESTORE)
    elif cmd == SC_KEYMENU:
        from . import menu  # noqa: PLC0415
        menu.track_menu_bar(m, w, cmd, lp)
    return 0


@stdcall("user32")
def DefWindowProcA(m: "Machine", hWnd: HWND, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """Default processing of a window message (ANSI)."""
    w = wm.get(m, hWnd)
    if w is None:
        return 0
    return default_proc(m, w, Msg, wParam, lParam, False) & 0xFFFFFFFF


@stdcall("user32")
def DefWindowProcW(m: "Machine", hWnd: HWND, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """Default processing of a window message (Unicode)."""
    w = wm.get(m, hWnd)
    if w is None:
        return 0
    return default_proc(m, w, Msg, wParam, lParam, True) & 0xFFFFFFFF
