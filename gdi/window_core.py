"""user32 window objects: styles and constants, ``WindowClass``/``Window``, the per-process window state,
handle lookup, ancestry, screen origins and visible regions, window DC targets, and small shared helpers.

Geometry: ``Window.rect`` is the window rectangle relative to the parent's client area (top-level
windows: screen coordinates). The client area sits at ``client_off`` inside it with size ``client_size``
(computed from the styles by ``nonclient.client_frame``). Every top-level window has a backing
``Surface`` of its full size; child windows draw into their top-level's surface through DCs whose
visible region excludes covering siblings (and children for WS_CLIPCHILDREN).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from . import gdiobj
from .region import Rect, Region
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


def _s(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


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


def _write_rect(m: "Machine", p: int, r: Rect) -> None:
    m.mem.pack("<4i", p, *r)


def _tmp(m: "Machine", data: bytes) -> int:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    p = process_heap(m).alloc(max(len(data), 4))
    m.mem.write(p, data)
    return p


def _free_tmp(m: "Machine", p: int) -> None:
    from emu.kernel32.heap import process_heap  # noqa: PLC0415
    process_heap(m).free(p)


def _rect_arg(m: "Machine", p: int) -> Rect | None:
    return tuple(m.mem.unpack("<4i", p)) if p else None  # type: ignore[return-value]


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
