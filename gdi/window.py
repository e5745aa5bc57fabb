"""user32 windows: classes, creation and destruction, the window tree and z-order, geometry,
visibility, focus/activation bookkeeping, window DCs and painting (update regions, BeginPaint).

Geometry: ``Window.rect`` is the window rectangle relative to the parent's client area (top-level
windows: screen coordinates). The client area sits at ``client_off`` inside it with size ``client_size``
(computed from the styles by ``nonclient.client_frame``). Every top-level window has a backing
``Surface`` of its full size; child windows draw into their top-level's surface through DCs whose
visible region excludes covering siblings (and children for WS_CLIPCHILDREN).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from . import gdiobj
from .region import Rect, Region, rect_intersect
from .surface import Surface

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC

# window styles
WS_OVERLAPPED, WS_POPUP, WS_CHILD, WS_MINIMIZE = 0, 0x80000000, 0x40000000, 0x20000000
WS_VISIBLE, WS_DISABLED, WS_CLIPSIBLINGS, WS_CLIPCHILDREN = 0x10000000, 0x08000000, 0x04000000, 0x02000000
WS_MAXIMIZE, WS_CAPTION, WS_BORDER, WS_DLGFRAME = 0x01000000, 0x00C00000, 0x00800000, 0x00400000
WS_VSCROLL, WS_HSCROLL, WS_SYSMENU, WS_THICKFRAME = 0x00200000, 0x00100000, 0x00080000, 0x00040000
WS_GROUP, WS_TABSTOP, WS_MINIMIZEBOX, WS_MAXIMIZEBOX = 0x00020000, 0x00010000, 0x00020000, 0x00010000
WS_EX_DLGMODALFRAME, WS_EX_TOPMOST, WS_EX_TRANSPARENT, WS_EX_TOOLWINDOW = 0x1, 0x8, 0x20, 0x80
WS_EX_WINDOWEDGE, WS_EX_CLIENTEDGE, WS_EX_STATICEDGE, WS_EX_APPWINDOW = 0x100, 0x200, 0x20000, 0x40000
WS_EX_NOPARENTNOTIFY, WS_EX_CONTROLPARENT = 0x4, 0x10000
CW_USEDEFAULT = 0x80000000
# class styles
CS_VREDRAW, CS_HREDRAW, CS_DBLCLKS, CS_OWNDC, CS_CLASSDC, CS_PARENTDC, CS_NOCLOSE = 1, 2, 8, 0x20, 0x40, 0x80, 0x200
CS_SAVEBITS, CS_GLOBALCLASS = 0x800, 0x4000
# GetWindowLong indices
GWL_WNDPROC, GWL_HINSTANCE, GWL_HWNDPARENT, GWL_STYLE = -4, -6, -8, -16
GWL_EXSTYLE, GWL_USERDATA, GWL_ID = -20, -21, -12
DWL_MSGRESULT, DWL_DLGPROC, DWL_USER = 0, 4, 8
# GetClassLong indices
GCL_MENUNAME, GCL_HBRBACKGROUND, GCL_HCURSOR, GCL_HICON, GCL_HMODULE = -8, -10, -12, -14, -16
GCL_CBWNDEXTRA, GCL_CBCLSEXTRA, GCL_WNDPROC, GCL_STYLE, GCW_ATOM, GCL_HICONSM = -18, -20, -24, -26, -32, -34
# ShowWindow
SW_HIDE, SW_SHOWNORMAL, SW_SHOWMINIMIZED, SW_SHOWMAXIMIZED, SW_SHOWNOACTIVATE = 0, 1, 2, 3, 4
SW_SHOW, SW_MINIMIZE, SW_SHOWMINNOACTIVE, SW_SHOWNA, SW_RESTORE, SW_SHOWDEFAULT = 5, 6, 7, 8, 9, 10
# SetWindowPos
SWP_NOSIZE, SWP_NOMOVE, SWP_NOZORDER, SWP_NOREDRAW, SWP_NOACTIVATE, SWP_FRAMECHANGED = 1, 2, 4, 8, 0x10, 0x20
SWP_SHOWWINDOW, SWP_HIDEWINDOW, SWP_NOOWNERZORDER, SWP_NOSENDCHANGING = 0x40, 0x80, 0x200, 0x400
HWND_TOP, HWND_BOTTOM, HWND_TOPMOST, HWND_NOTOPMOST = 0, 1, 0xFFFFFFFF, 0xFFFFFFFE
# GetWindow
GW_HWNDFIRST, GW_HWNDLAST, GW_HWNDNEXT, GW_HWNDPREV, GW_OWNER, GW_CHILD, GW_ENABLEDPOPUP = 0, 1, 2, 3, 4, 5, 6
# RedrawWindow
RDW_INVALIDATE, RDW_INTERNALPAINT, RDW_ERASE, RDW_VALIDATE, RDW_NOINTERNALPAINT = 1, 2, 4, 8, 0x10
RDW_NOERASE, RDW_NOCHILDREN, RDW_ALLCHILDREN = 0x20, 0x40, 0x80
RDW_UPDATENOW, RDW_ERASENOW, RDW_FRAME = 0x100, 0x200, 0x400

DESKTOP_HWND = 0x00010010
HWND_MESSAGE = 0xFFFFFFFD


@dataclass(eq=False)
class WindowClass:
    name: str
    atom: int
    style: int = 0
    wndproc: int = 0
    cls_extra: int = 0
    wnd_extra: int = 0
    hinstance: int = 0
    icon: int = 0
    cursor: int = 0
    background: int = 0
    menu_name: str | int | None = None
    icon_sm: int = 0
    unicode: bool = False
    extra: bytearray = field(default_factory=bytearray)
    builtin: bool = False
    dc: "DC | None" = None  # CS_CLASSDC


@dataclass(eq=False)
class Window:
    hwnd: int
    cls: WindowClass
    style: int
    exstyle: int
    parent: "Window | None"
    owner: "Window | None"
    rect: Rect
    text: str = ""
    id: int = 0
    menu: int = 0
    wndproc: int = 0
    unicode: bool = False
    hinstance: int = 0
    userdata: int = 0
    extra: bytearray = field(default_factory=bytearray)
    tid: int = 0
    children: list["Window"] = field(default_factory=list)  # z-order, topmost first
    client_off: tuple[int, int] = (0, 0)
    client_size: tuple[int, int] = (0, 0)
    update: Region = field(default_factory=Region)  # client coordinates
    erase: bool = False
    internal_paint: bool = False
    nc_dirty: bool = True
    surface: Surface | None = None  # top-level windows only
    props: dict[str, int] = field(default_factory=dict)
    destroyed: bool = False
    data: Any = None  # state of built-in window classes (controls, dialogs)
    own_dc: "DC | None" = None  # CS_OWNDC
    minimized: bool = False
    maximized: bool = False
    normal_rect: Rect | None = None
    sent_size: bool = False
    scroll: dict[int, list[int]] = field(default_factory=dict)  # SB_HORZ/SB_VERT -> [min, max, page, pos, track]
    dlg_result: int | None = None
    icon_big: int = 0
    icon_small: int = 0

    @property
    def visible(self) -> bool:
        return bool(self.style & WS_VISIBLE)

    @property
    def is_child(self) -> bool:
        return bool(self.style & WS_CHILD) and self.parent is not None

    @property
    def width(self) -> int:
        return self.rect[2] - self.rect[0]

    @property
    def height(self) -> int:
        return self.rect[3] - self.rect[1]

    def client_rect(self) -> Rect:
        return (0, 0, self.client_size[0], self.client_size[1])


class WinState:
    """All windows of the process (one desktop)."""

    def __init__(self) -> None:
        self.windows: dict[int, Window] = {}
        self.tops: list[Window] = []  # top-level windows, topmost first
        self.classes: dict[str, WindowClass] = {}
        self.atoms: dict[int, WindowClass] = {}
        self.next_atom = 0xC000
        self.next_hwnd = 0x10020
        self.focus: Window | None = None
        self.active: Window | None = None
        self.capture: Window | None = None
        self.layout_version = 0
        self.cascade = 0
        self.builtin_procs: dict[int, Callable[..., int]] = {}  # guest address -> Python wndproc
        self.frame_version = 0


def state(m: "Machine") -> WinState:
    st = m.state.get("win")
    if st is None:
        st = WinState()
        m.state["win"] = st
        from . import defwnd  # noqa: PLC0415
        defwnd.register_builtin_classes(m)
    return st


def layout_version(m: "Machine") -> int:
    return state(m).layout_version


def changed(m: "Machine") -> None:
    """Window geometry, visibility or z-order changed: DCs recompute their visible regions."""
    state(m).layout_version += 1


def get(m: "Machine", hwnd: int) -> Window | None:
    w = state(m).windows.get(hwnd & 0xFFFFFFFF)
    if w is None and hwnd and (hwnd & 0xFFFF0000) == 0:  # 16-bit handle forms: 0x0020 -> 0x10020
        w = state(m).windows.get(0x10000 | hwnd)
    return w


def top_level(w: Window) -> Window:
    while w.is_child:
        assert w.parent is not None
        w = w.parent
    return w


def ancestors(w: Window) -> list[Window]:
    out = []
    p = w.parent if w.is_child else None
    while p is not None:
        out.append(p)
        p = p.parent if p.is_child else None
    return out


def really_visible(w: Window) -> bool:
    if not w.visible or w.destroyed:
        return False
    return all(a.visible for a in ancestors(w))


def origin_in_top(w: Window) -> tuple[int, int]:
    """Window-rect origin of ``w`` inside its top-level window's surface."""
    if not w.is_child:
        return (0, 0)
    assert w.parent is not None
    px, py = origin_in_top(w.parent)
    cx, cy = w.parent.client_off
    return (px + cx + w.rect[0], py + cy + w.rect[1])


def client_origin_screen(w: Window) -> tuple[int, int]:
    top = top_level(w)
    ox, oy = origin_in_top(w)
    return (top.rect[0] + ox + w.client_off[0], top.rect[1] + oy + w.client_off[1])


def window_origin_screen(w: Window) -> tuple[int, int]:
    top = top_level(w)
    ox, oy = origin_in_top(w)
    return (top.rect[0] + ox, top.rect[1] + oy)


def visible_region(w: Window, client: bool, clip_children: bool | None = None) -> Region:
    """The part of ``w`` (client area or whole window) that is not covered, in top-level surface coordinates."""
    if not really_visible(w):
        return Region()
    ox, oy = origin_in_top(w)
    if client:
        cx, cy = w.client_off
        r: Rect = (ox + cx, oy + cy, ox + cx + w.client_size[0], oy + cy + w.client_size[1])
    else:
        r = (ox, oy, ox + w.width, oy + w.height)
    g = Region.from_rect(r)
    # ancestors' client areas clip; siblings above (of w and of each ancestor) cover
    node = w
    while node.is_child:
        p = node.parent
        assert p is not None
        pox, poy = origin_in_top(p)
        pc = (pox + p.client_off[0], poy + p.client_off[1])
        g = g.intersect_rect((pc[0], pc[1], pc[0] + p.client_size[0], pc[1] + p.client_size[1]))
        for sib in p.children:
            if sib is node or not node.style & WS_CLIPSIBLINGS:
                break  # without WS_CLIPSIBLINGS siblings draw over each other (the later painter wins)
            if sib.visible and not sib.destroyed:
                sx, sy = origin_in_top(sib)
                g.subtract_rect((sx, sy, sx + sib.width, sy + sib.height))
        node = p
    if clip_children is None:
        clip_children = bool(w.style & WS_CLIPCHILDREN)
    if client and clip_children:
        for ch in w.children:
            if ch.visible and not ch.destroyed:
                sx, sy = origin_in_top(ch)
                g.subtract_rect((sx, sy, sx + ch.width, sy + ch.height))
    return g


def dc_target(m: "Machine", w: Window | None, client: bool) -> tuple[Surface | None, tuple[int, int], Region | None]:
    """(surface, device origin in surface, visible region) for a DC of window ``w`` (None: the screen)."""
    if w is None:
        from . import desktop  # noqa: PLC0415
        return desktop.screen(m).surface, (0, 0), None
    top = top_level(w)
    ox, oy = origin_in_top(w)
    if client:
        ox += w.client_off[0]
        oy += w.client_off[1]
    return top.surface, (ox, oy), visible_region(w, client)


def make_dc(m: "Machine", w: Window | None, client: bool) -> "DC":
    from .dc import DC  # noqa: PLC0415
    dc = DC(m, None, window=w)
    dc.client = client
    if w is None:
        dc.surface, dc.dev_org, dc.vis = dc_target(m, None, client)
        dc.vis_version = -2
        dc.window = None
    gdiobj.table(m).add(dc)
    return dc


# ---- classes ------------------------------------------------------------------------------------------
def find_class(m: "Machine", name: str | int | None, hinst: int = 0) -> WindowClass | None:
    st = state(m)
    if isinstance(name, int):
        return st.atoms.get(name)
    if name is None:
        return None
    return st.classes.get(name.lower())


def register_class(m: "Machine", wc: WindowClass) -> int:
    st = state(m)
    key = wc.name.lower()
    old = st.classes.get(key)
    if old is not None and not old.builtin:
        m.set_last_error(1410)  # ERROR_CLASS_ALREADY_EXISTS
        return 0
    if old is not None and old.builtin:
        wc.atom = old.atom  # a program's class replaces a built-in one of the same name for this process
    else:
        wc.atom = st.next_atom
        st.next_atom += 1
    wc.extra = bytearray(wc.cls_extra)
    st.classes[key] = wc
    st.atoms[wc.atom] = wc
    return wc.atom


def register_builtin_class(m: "Machine", name: str, proc_name: str, style: int = 0, wnd_extra: int = 0,
                           background: int = 0, cursor: int = 0) -> WindowClass:
    """Register a built-in class whose window procedure is the user32 export ``proc_name`` (a Python proc)."""
    st = state(m)
    addr = m.proc.export_addr("user32", proc_name)
    if cursor:
        from . import cursor as cursor_mod  # noqa: PLC0415
        cursor = cursor_mod.system_cursor(m, cursor)
    wc = WindowClass(name=name, atom=0, style=style | CS_GLOBALCLASS, wndproc=addr, wnd_extra=wnd_extra,
                     background=background, cursor=cursor, builtin=True)
    if name.startswith("#"):
        wc.atom = int(name[1:])
    else:
        wc.atom = st.next_atom
        st.next_atom += 1
    st.classes[name.lower()] = wc
    st.atoms[wc.atom] = wc
    return wc


def _read_wndclass(m: "Machine", p: int, ex: bool, unicode: bool) -> WindowClass:
    if ex:
        (_cb, style, proc, cls_extra, wnd_extra, hinst, icon, cursor, bg, menu, name, icon_sm) = \
            m.mem.unpack("<12I", p)
    else:
        style, proc, cls_extra, wnd_extra, hinst, icon, cursor, bg, menu, name = m.mem.unpack("<10I", p)
        icon_sm = 0

    def s(a: int) -> str | int | None:
        if a == 0:
            return None
        if a < 0x10000:
            return a
        return m.mem.wstr(a) if unicode else m.mem.cstr(a, m.ansi)
    cname = s(name)
    if isinstance(cname, int):
        cname = f"#{cname}"
    return WindowClass(name=cname or "", atom=0, style=style, wndproc=proc, cls_extra=cls_extra,
                       wnd_extra=wnd_extra, hinstance=hinst, icon=icon, cursor=cursor, background=bg,
                       menu_name=s(menu), icon_sm=icon_sm, unicode=unicode)


@stdcall("user32")
def RegisterClassA(m: "Machine", lpWndClass: PTR) -> DWORD:
    """Register a window class (WNDCLASSA); returns its atom."""
    return register_class(m, _read_wndclass(m, lpWndClass, False, False))


@stdcall("user32")
def RegisterClassW(m: "Machine", lpWndClass: PTR) -> DWORD:
    """Register a window class (WNDCLASSW); returns its atom."""
    return register_class(m, _read_wndclass(m, lpWndClass, False, True))


@stdcall("user32")
def RegisterClassExA(m: "Machine", lpwcx: PTR) -> DWORD:
    """Register a window class (WNDCLASSEXA); returns its atom."""
    return register_class(m, _read_wndclass(m, lpwcx, True, False))


@stdcall("user32")
def RegisterClassExW(m: "Machine", lpwcx: PTR) -> DWORD:
    """Register a window class (WNDCLASSEXW); returns its atom."""
    return register_class(m, _read_wndclass(m, lpwcx, True, True))


def _unregister(m: "Machine", name: str | int | None) -> int:
    wc = find_class(m, name)
    if wc is None or wc.builtin:
        m.set_last_error(1411)  # ERROR_CLASS_DOES_NOT_EXIST
        return 0
    st = state(m)
    if any(w.cls is wc for w in st.windows.values()):
        m.set_last_error(1412)  # ERROR_CLASS_HAS_WINDOWS
        return 0
    st.classes.pop(wc.name.lower(), None)
    st.atoms.pop(wc.atom, None)
    return 1


@stdcall("user32")
def UnregisterClassA(m: "Machine", lpClassName: LPCSTR, hInstance: HANDLE) -> BOOL:
    """Remove a window class that has no windows."""
    return _unregister(m, lpClassName)


@stdcall("user32")
def UnregisterClassW(m: "Machine", lpClassName: LPCWSTR, hInstance: HANDLE) -> BOOL:
    """Remove a window class that has no windows."""
    return _unregister(m, lpClassName)


def _class_info(m: "Machine", name: str | int | None, p: int, ex: bool, unicode: bool) -> int:
    wc = find_class(m, name)
    if wc is None:
        m.set_last_error(1411)
        return 0
    menu = 0
    if isinstance(wc.menu_name, int):
        menu = wc.menu_name
    elif wc.menu_name:
        menu = m.proc.static_wstr(wc.menu_name) if unicode else m.proc.static_cstr(wc.menu_name)
    cname = p and (m.proc.static_wstr(wc.name) if unicode else m.proc.static_cstr(wc.name))
    vals = [wc.style, wc.wndproc, wc.cls_extra, wc.wnd_extra, wc.hinstance, wc.icon, wc.cursor, wc.background,
            menu, cname]
    if ex:
        m.mem.pack("<12I", p, 48, *vals, wc.icon_sm)
    else:
        m.mem.pack("<10I", p, *vals)
    return wc.atom


@stdcall("user32")
def GetClassInfoA(m: "Machine", hInstance: HANDLE, lpClassName: LPCSTR, lpWndClass: PTR) -> BOOL:
    """Fill a WNDCLASSA for a registered class."""
    return _class_info(m, lpClassName, lpWndClass, False, False)


@stdcall("user32")
def GetClassInfoW(m: "Machine", hInstance: HANDLE, lpClassName: LPCWSTR, lpWndClass: PTR) -> BOOL:
    """Fill a WNDCLASSW for a registered class."""
    return _class_info(m, lpClassName, lpWndClass, False, True)


@stdcall("user32")
def GetClassInfoExA(m: "Machine", hInstance: HANDLE, lpszClass: LPCSTR, lpwcx: PTR) -> BOOL:
    """Fill a WNDCLASSEXA; returns the atom."""
    return _class_info(m, lpszClass, lpwcx, True, False)


@stdcall("user32")
def GetClassInfoExW(m: "Machine", hInstance: HANDLE, lpszClass: LPCWSTR, lpwcx: PTR) -> BOOL:
    """Fill a WNDCLASSEXW; returns the atom."""
    return _class_info(m, lpszClass, lpwcx, True, True)


def _class_name(m: "Machine", hWnd: int, buf: int, n: int, unicode: bool) -> int:
    w = get(m, hWnd)
    if w is None or n <= 0:
        return 0
    s = w.cls.name[:n - 1]
    if unicode:
        m.mem.write_wstr(buf, s)
    else:
        m.mem.write(buf, s.encode(m.ansi, "replace") + b"\0")
    return len(s)


@stdcall("user32")
def GetClassNameA(m: "Machine", hWnd: HWND, lpClassName: PTR, nMaxCount: INT) -> INT:
    """The window's class name."""
    return _class_name(m, hWnd, lpClassName, nMaxCount, False)


@stdcall("user32")
def GetClassNameW(m: "Machine", hWnd: HWND, lpClassName: PTR, nMaxCount: INT) -> INT:
    """The window's class name."""
    return _class_name(m, hWnd, lpClassName, nMaxCount, True)


def _class_long(m: "Machine", w: Window, idx: int, new: int | None) -> int:
    wc = w.cls
    fields = {GCL_MENUNAME: None, GCL_HBRBACKGROUND: "background", GCL_HCURSOR: "cursor", GCL_HICON: "icon",
              GCL_HMODULE: "hinstance", GCL_CBWNDEXTRA: "wnd_extra", GCL_CBCLSEXTRA: "cls_extra",
              GCL_WNDPROC: "wndproc", GCL_STYLE: "style", GCL_HICONSM: "icon_sm"}
    if idx >= 0:
        if idx + 4 > len(wc.extra):
            m.set_last_error(1413)
            return 0
        old = struct.unpack_from("<I", wc.extra, idx)[0]
        if new is not None:
            struct.pack_into("<I", wc.extra, idx, new & 0xFFFFFFFF)
        return old
    if idx == GCW_ATOM:
        return wc.atom
    attr = fields.get(idx)
    if attr is None:
        m.set_last_error(1413)
        return 0
    old = getattr(wc, attr)
    if new is not None:
        setattr(wc, attr, new & 0xFFFFFFFF)
    return old if isinstance(old, int) else 0


@stdcall("user32")
def GetClassLongA(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A value of the window's class (GCL_*) or its extra bytes."""
    w = get(m, hWnd)
    return _class_long(m, w, nIndex, None) if w else 0


@stdcall("user32")
def GetClassLongW(m: "Machine", hWnd: HWND, nIndex: INT) -> DWORD:
    """A value of the window's class (GCL_*) or its extra bytes."""
    return GetClassLongA(m, hWnd, nIndex)


@stdcall("user32")
def SetClassLongA(m: "Machine", hWnd: HWND, nIndex: INT, dwNewLong: DWORD) -> DWORD:
    """Change a value of the window's class; returns the old value."""
    w = get(m, hWnd)
    return _class_long(m, w, nIndex, dwNewLong) if w else 0


@stdcall("user32")
def SetClassLongW(m: "Machine", hWnd: HWND, nIndex: INT, dwNewLong: DWORD) -> DWORD:
    """Change a value of the window's class; returns the old value."""
    return SetClassLongA(m, hWnd, nIndex, dwNewLong)


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


def _s(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


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


def _insert_top(st: WinState, w: Window) -> None:
    if w in st.tops:
        st.tops.remove(w)
    if w.exstyle & WS_EX_TOPMOST:
        st.tops.insert(0, w)
        return
    i = 0
    while i < len(st.tops) and st.tops[i].exstyle & WS_EX_TOPMOST:
        i += 1
    st.tops.insert(i, w)


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


def invalidate_tree(m: "Machine", w: Window) -> None:
    w.nc_dirty = True
    invalidate(m, w, None, True)
    for ch in w.children:
        if ch.visible:
            invalidate_tree(m, ch)


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


def _write_rect(m: "Machine", p: int, r: Rect) -> None:
    m.mem.pack("<4i", p, *r)


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


def _tmp(m: "Machine", data: bytes) -> int:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    p = process_heap(m).alloc(max(len(data), 4))
    m.mem.write(p, data)
    return p


def _free_tmp(m: "Machine", p: int) -> None:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    process_heap(m).free(p)


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


def _rect_arg(m: "Machine", p: int) -> Rect | None:
    return tuple(m.mem.unpack("<4i", p)) if p else None  # type: ignore[return-value]


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


def hwnd_of(w: Window | None) -> int:
    return w.hwnd if w is not None else 0


def builtin_proc(m: "Machine", addr: int) -> Callable[..., int] | None:
    return state(m).builtin_procs.get(addr)


def all_windows(m: "Machine") -> list[Window]:
    return list(state(m).windows.values())


def descendants(w: Window) -> list[Window]:
    out: list[Window] = []
    for c in w.children:
        out.append(c)
        out.extend(descendants(c))
    return out


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
