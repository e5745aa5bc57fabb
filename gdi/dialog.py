"""Dialog boxes: DLGTEMPLATE / DLGTEMPLATEEX parsing, dialog creation (modal and modeless), the dialog
window class (#32770) and DefDlgProc, keyboard navigation (IsDialogMessage), and the GetDlgItem* helpers.

The modal loop (``modal_loop``) runs in Python inside DialogBoxParam: it retrieves messages from the
thread's queue, lets IsDialogMessage handle Tab/Enter/Esc/arrows, dispatches the rest, and waits (other
guest threads run) when the queue is empty.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, QWORD, UINT, native, stdcall

from . import defwnd, gdiobj
from . import message as mm
from . import window as wm
from .window import Window

if TYPE_CHECKING:
    from emu.machine import Machine

DS_ABSALIGN, DS_SYSMODAL, DS_3DLOOK, DS_FIXEDSYS, DS_LOCALEDIT, DS_SETFONT = 1, 2, 4, 8, 0x20, 0x40
DS_MODALFRAME, DS_NOIDLEMSG, DS_SETFOREGROUND = 0x80, 0x100, 0x200
DS_CONTROL, DS_CENTER, DS_CENTERMOUSE = 0x400, 0x800, 0x1000
DS_SHELLFONT = DS_SETFONT | DS_FIXEDSYS
DLGWINDOWEXTRA = 30
DWL_MSGRESULT, DWL_DLGPROC, DWL_USER = 0, 4, 8
DM_GETDEFID, DM_SETDEFID, DM_REPOSITION = 0x400, 0x401, 0x402
DC_HASDEFID = 0x534B
IDOK, IDCANCEL = 1, 2

DLGC_WANTARROWS, DLGC_WANTTAB, DLGC_WANTALLKEYS, DLGC_WANTMESSAGE, DLGC_HASSETSEL = 1, 2, 4, 4, 8
DLGC_DEFPUSHBUTTON, DLGC_UNDEFPUSHBUTTON, DLGC_RADIOBUTTON, DLGC_WANTCHARS, DLGC_STATIC = 0x10, 0x20, 0x40, 0x80, 0x100
DLGC_BUTTON = 0x2000

_ATOM_CLASSES = {0x80: "Button", 0x81: "Edit", 0x82: "Static", 0x83: "ListBox", 0x84: "ScrollBar", 0x85: "ComboBox"}


@dataclass
class ItemTemplate:
    style: int
    exstyle: int
    x: int
    y: int
    cx: int
    cy: int
    id: int
    cls: str | int
    title: str | int
    extra: bytes
    help_id: int = 0


@dataclass
class DialogTemplate:
    style: int
    exstyle: int
    x: int
    y: int
    cx: int
    cy: int
    menu: str | int | None
    cls: str | int | None
    title: str
    font_size: int | None = None
    font_weight: int = 400
    font_italic: bool = False
    font_charset: int = 1
    font_face: str = ""
    items: list[ItemTemplate] = field(default_factory=list)
    extended: bool = False


class _Reader:
    def __init__(self, m: "Machine", addr: int) -> None:
        self.m = m
        self.p = addr

    def u16(self) -> int:
        v = self.m.mem.u16(self.p)
        self.p += 2
        return v

    def s16(self) -> int:
        v = self.u16()
        return v - 0x10000 if v & 0x8000 else v

    def u32(self) -> int:
        v = self.m.mem.u32(self.p)
        self.p += 4
        return v

    def u8(self) -> int:
        v = self.m.mem.read(self.p, 1)[0]
        self.p += 1
        return v

    def wstr(self) -> str:
        s = self.m.mem.wstr(self.p)
        self.p += 2 * (len(s) + 1)
        return s

    def sz_or_ord(self) -> str | int | None:
        first = self.m.mem.u16(self.p)
        if first == 0:
            self.p += 2
            return None
        if first == 0xFFFF:
            self.p += 2
            return self.u16()
        return self.wstr()

    def align4(self) -> None:
        self.p = (self.p + 3) & ~3


def parse_template(m: "Machine", addr: int) -> DialogTemplate:
    """Read a DLGTEMPLATE or DLGTEMPLATEEX from guest memory."""
    r = _Reader(m, addr)
    ext = m.mem.u16(addr) == 1 and m.mem.u16(addr + 2) == 0xFFFF
    if ext:
        r.p += 4
        _help = r.u32()
        exstyle = r.u32()
        style = r.u32()
    else:
        style = r.u32()
        exstyle = r.u32()
    n = r.u16()
    x, y, cx, cy = r.s16(), r.s16(), r.s16(), r.s16()
    menu = r.sz_or_ord()
    cls = r.sz_or_ord()
    title = r.sz_or_ord()
    t = DialogTemplate(style, exstyle, x, y, cx, cy, menu, cls, title if isinstance(title, str) else "",
                       extended=ext)
    if style & DS_SETFONT:
        t.font_size = r.u16()
        if ext:
            t.font_weight = r.u16()
            t.font_italic = bool(r.u8())
            t.font_charset = r.u8()
        t.font_face = r.wstr()
    for _ in range(n):
        r.align4()
        if ext:
            help_id = r.u32()
            iex = r.u32()
            ist = r.u32()
        else:
            help_id = 0
            ist = r.u32()
            iex = r.u32()
        ix, iy, icx, icy = r.s16(), r.s16(), r.s16(), r.s16()
        iid = r.u32() if ext else r.u16()
        icls = r.sz_or_ord()
        ititle = r.sz_or_ord()
        nextra = r.u16()
        extra = m.mem.read(r.p, nextra) if nextra else b""
        r.p += nextra
        if isinstance(icls, int):
            icls = _ATOM_CLASSES.get(icls, icls)
        t.items.append(ItemTemplate(ist, iex, ix, iy, icx, icy, iid, icls or "Static",
                                    ititle if ititle is not None else "", extra, help_id))
    return t


# ---- dialog units ---------------------------------------------------------------------------------------
def font_for(m: "Machine", t: DialogTemplate) -> gdiobj.Font | None:
    if t.font_size is None:
        return None
    face = t.font_face
    if t.style & DS_FIXEDSYS == DS_FIXEDSYS and face.lower() == "ms shell dlg":
        face = "MS Sans Serif"
    size = t.font_size
    if size == 0x7FFF:  # "use the message box font"
        size = 8
    f = gdiobj.Font(height=-((size * 96 + 36) // 72), weight=t.font_weight or 400, italic=t.font_italic,
                    charset=t.font_charset, face=face)
    gdiobj.table(m).add(f)
    return f


def base_units(m: "Machine", font: gdiobj.Font | None) -> tuple[int, int]:
    """Dialog base units (pixels per 4 horizontal / 8 vertical DLUs) of a dialog font."""
    from . import font as fontmod  # noqa: PLC0415
    f = font or gdiobj.stock(m, gdiobj.SYSTEM_FONT)
    rz = fontmod.realize(m, f)
    w = fontmod.text_width(m, f, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return ((w // 26 + 1) // 2, rz.height)


def dlu_rect(bx: int, by: int, x: int, y: int, cx: int, cy: int) -> tuple[int, int, int, int]:
    px = (x * bx) // 4
    py = (y * by) // 8
    return (px, py, px + (cx * bx) // 4, py + (cy * by) // 8)


@dataclass
class DialogData:
    """State of a dialog window (Window.data)."""
    font: gdiobj.Font | None = None
    base: tuple[int, int] = (8, 16)
    def_id: int = IDOK
    focus: Window | None = None  # control to give the focus back to on activation
    modal: bool = False
    ended: bool = False
    result: int = 0
    pyproc: Callable[..., int] | None = None  # Python dialog procedure (message boxes)
    unicode: bool = False
    owner_top: Window | None = None  # the top-level window a modal dialog disabled
    owner_disabled: bool = False


def dlg_data(w: Window) -> DialogData:
    if not isinstance(w.data, DialogData):
        w.data = DialogData()
    return w.data


# ---- creation -------------------------------------------------------------------------------------------
def create_dialog(m: "Machine", hinst: int, t: DialogTemplate, owner: Window | None, dlgproc: int, param: int,
                  unicode: bool, modal: bool, pyproc: Callable[..., int] | None = None) -> Window | None:
    from . import desktop  # noqa: PLC0415
    from . import nonclient  # noqa: PLC0415
    font = font_for(m, t)
    bx, by = base_units(m, font)
    style = t.style
    if modal:
        style &= ~wm.WS_CHILD
    menu = 0
    if t.menu is not None:
        from . import menu as menu_mod  # noqa: PLC0415
        load = getattr(menu_mod, "load_menu", None)
        if load is not None:
            menu = load(m, hinst, t.menu)
    cl = dlu_rect(bx, by, t.x, t.y, t.cx, t.cy)
    fl, ft, fr, fb = nonclient.frame_for_style(m, style | (wm.WS_CAPTION if False else 0), t.exstyle
                                               | (wm.WS_EX_DLGMODALFRAME if style & DS_MODALFRAME else 0),
                                               bool(menu), bool(style & wm.WS_CHILD))
    w_ = (cl[2] - cl[0]) + fl + fr
    h_ = (cl[3] - cl[1]) + ft + fb
    x, y = cl[0], cl[1]
    if style & wm.WS_CHILD:
        pass
    elif style & DS_CENTER:
        scr = desktop.screen(m)
        if owner is not None and wm.really_visible(owner):
            ox, oy = owner.rect[0], owner.rect[1]
            x = ox + (owner.width - w_) // 2
            y = oy + (owner.height - h_) // 2
        else:
            x = (scr.width - w_) // 2
            y = (scr.height - h_) // 2
        x = max(0, min(x, scr.width - w_))
        y = max(0, min(y, scr.height - h_))
    elif not style & DS_ABSALIGN and owner is not None:
        ox, oy = wm.client_origin_screen(owner)
        x += ox
        y += oy
    exstyle = t.exstyle | (wm.WS_EX_DLGMODALFRAME if style & DS_MODALFRAME else 0)
    if t.cls is not None:
        cls_name: str | int = t.cls
    else:
        cls_name = "#32770"
    hown = owner.hwnd if owner is not None else 0
    visible = style & wm.WS_VISIBLE
    # the dialog procedure must be known before WM_CREATE/WM_SETFONT arrive
    m.state["dlg_pending"] = (dlgproc, pyproc, font, (bx, by), unicode)
    try:
        hwnd = wm.create_window(m, exstyle, cls_name, t.title, style & ~wm.WS_VISIBLE, x, y, w_, h_, hown, menu,
                                hinst, param, unicode)
    finally:
        m.state.pop("dlg_pending", None)
    w = wm.get(m, hwnd)
    if w is None:
        return None
    d = dlg_data(w)
    d.modal = modal
    hfont = font.handle if font is not None else 0
    first_tab: Window | None = None
    for it in t.items:
        r = dlu_rect(bx, by, it.x, it.y, it.cx, it.cy)
        istyle, iex = it.style, it.exstyle
        if isinstance(it.cls, str) and it.cls.lower() in ("edit", "listbox", "combobox") and istyle & wm.WS_BORDER:
            # Windows 4.x dialogs have the 3D look (DS_3DLOOK implied): bordered edits and lists get a sunken edge
            istyle &= ~wm.WS_BORDER
            iex |= wm.WS_EX_CLIENTEDGE
        cparam = 0
        if it.extra:
            cparam = wm._tmp(m, it.extra)
        ch = wm.create_window(m, iex | wm.WS_EX_NOPARENTNOTIFY, it.cls, it.title,
                              istyle | wm.WS_CHILD, r[0], r[1], r[2] - r[0], r[3] - r[1], hwnd, it.id, hinst,
                              cparam, unicode)
        c = wm.get(m, ch)
        if c is None:
            if not ch:
                m.log(f"dialog control of class {it.cls!r} could not be created")
            continue
        if hfont:
            mm.send(m, c, mm.WM_SETFONT, hfont, 0)
        if first_tab is None and c.style & wm.WS_TABSTOP and not c.style & wm.WS_DISABLED and c.visible:
            first_tab = c
    if w.destroyed:
        return None
    if hfont:
        mm.send(m, w, mm.WM_SETFONT, hfont, 0)
    focus = first_tab or next((c for c in w.children if not c.style & wm.WS_DISABLED), None)
    r = mm.send(m, w, mm.WM_INITDIALOG, focus.hwnd if focus is not None else 0, param)
    if w.destroyed:
        return None
    if r and focus is not None and wm.get(m, focus.hwnd) is not None:
        d.focus = focus
    if visible or modal:
        wm.show_window(m, w, wm.SW_SHOW)
        if r and d.focus is not None and not d.focus.destroyed:
            wm.set_focus(m, d.focus)
            _select_edit_text(m, d.focus)
        wm.update_window(m, w)
    return w


def _select_edit_text(m: "Machine", c: Window) -> None:
    if c.cls.name.lower() == "edit":
        mm.send(m, c, 0xB1, 0, 0xFFFFFFFF)  # EM_SETSEL 0, -1


def on_create(m: "Machine", w: Window) -> None:
    """Set up a window created by create_dialog (called from the dialog class procedure on WM_NCCREATE)."""
    pending = m.state.get("dlg_pending")
    if pending is None:
        return
    dlgproc, pyproc, font, base, unicode = pending
    d = dlg_data(w)
    d.pyproc = pyproc
    d.font = font
    d.base = base
    d.unicode = unicode
    if len(w.extra) >= 8:
        struct.pack_into("<I", w.extra, DWL_DLGPROC, dlgproc)


def _dlgproc(w: Window) -> int:
    return struct.unpack_from("<I", w.extra, DWL_DLGPROC)[0] if len(w.extra) >= 8 else 0


_DIRECT = {mm.WM_CTLCOLORMSGBOX, mm.WM_CTLCOLOREDIT, mm.WM_CTLCOLORLISTBOX, mm.WM_CTLCOLORBTN, mm.WM_CTLCOLORDLG,
           mm.WM_CTLCOLORSCROLLBAR, mm.WM_CTLCOLORSTATIC, mm.WM_COMPAREITEM, mm.WM_VKEYTOITEM, mm.WM_CHARTOITEM,
           0x37, mm.WM_INITDIALOG}  # WM_QUERYDRAGICON


def call_dlgproc(m: "Machine", w: Window, msg: int, wp: int, lp: int) -> tuple[bool, int]:
    """Run the dialog procedure; (handled, result)."""
    d = dlg_data(w)
    if d.pyproc is not None:
        r = d.pyproc(m, w, msg, wp, lp)
        if r is None:
            return False, 0
        return True, r
    proc = _dlgproc(w)
    if not proc:
        return False, 0
    struct.pack_into("<I", w.extra, DWL_MSGRESULT, 0)
    r = m.call(proc, w.hwnd, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF)
    if w.destroyed:
        return True, r
    if msg in _DIRECT:
        return bool(r), r
    if r & 0xFFFFFFFF:
        return True, struct.unpack_from("<I", w.extra, DWL_MSGRESULT)[0]
    return False, 0


@defwnd.builtin_class("#32770", style=wm.CS_DBLCLKS | wm.CS_SAVEBITS, wnd_extra=DLGWINDOWEXTRA, cursor=32512)
def dialog_class_proc(m: "Machine", w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """DefDlgProc as the class procedure of built-in dialogs."""
    if msg == mm.WM_NCCREATE:
        on_create(m, w)
    return def_dlg_proc(m, w, msg, wp, lp, unicode)


def def_dlg_proc(m: "Machine", w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """DefDlgProc: call the dialog procedure, then the dialog defaults."""
    handled, r = call_dlgproc(m, w, msg, wp, lp)
    if handled or w.destroyed:
        return r
    d = dlg_data(w)
    if msg == mm.WM_ERASEBKGND:
        from .dc import get_dc  # noqa: PLC0415
        dc = get_dc(m, wp)
        if dc is not None:
            hbr = mm.send(m, w, mm.WM_CTLCOLORDLG, wp, w.hwnd)
            b = gdiobj.table(m).get(hbr, gdiobj.Brush)
            px = dc.brush_px(b) if b is not None else None
            if px is None:
                from . import syscolor  # noqa: PLC0415
                from .surface import colorref_to_px  # noqa: PLC0415
                px = colorref_to_px(syscolor.get(m, 15))
            dc.fill_device(dc.clip_box(), px)
        return 1
    if msg == mm.WM_CLOSE:
        cancel = wm.child_by_id(w, IDCANCEL)
        mm.post(m, w.hwnd, mm.WM_COMMAND, IDCANCEL, cancel.hwnd if cancel is not None else 0)
        return 0
    if msg == mm.WM_SETFONT:
        f = gdiobj.table(m).get(wp, gdiobj.Font)
        if f is not None:
            d.font = f
        return 0
    if msg == mm.WM_GETFONT:
        return d.font.handle if d.font is not None else 0
    if msg == DM_GETDEFID:
        return (DC_HASDEFID << 16) | (d.def_id & 0xFFFF)
    if msg == DM_SETDEFID:
        _set_default(m, w, wp)
        return 1
    if msg == mm.WM_NEXTDLGCTL:
        if lp & 0xFFFF:
            c = wm.get(m, wp)
        else:
            cur = wm.state(m).focus
            c = next_tab(m, w, cur, bool(wp))
        if c is not None:
            set_dlg_focus(m, w, c)
        return 0
    if msg == mm.WM_ACTIVATE:
        if wp & 0xFFFF:
            f = d.focus
            if f is not None and not f.destroyed and wm.get(m, f.hwnd) is not None:
                wm.set_focus(m, f)
                return 0
        else:
            cur = wm.state(m).focus
            if cur is not None and wm.top_level(cur) is w and cur is not w:
                d.focus = cur
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == mm.WM_SETFOCUS:
        f = d.focus
        if f is not None and not f.destroyed:
            wm.set_focus(m, f)
        return 0
    if msg == mm.WM_SHOWWINDOW:
        return 0
    if msg in (mm.WM_CTLCOLORMSGBOX, mm.WM_CTLCOLORBTN, mm.WM_CTLCOLORDLG, mm.WM_CTLCOLORSTATIC,
               mm.WM_CTLCOLOREDIT, mm.WM_CTLCOLORLISTBOX, mm.WM_CTLCOLORSCROLLBAR):
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _set_default(m: "Machine", w: Window, new_id: int) -> None:
    d = dlg_data(w)
    old = wm.child_by_id(w, d.def_id)
    d.def_id = new_id
    BM_SETSTYLE = 0xF4
    if old is not None and old.cls.name.lower() == "button" and old.style & 0xF == 1:
        mm.send(m, old, BM_SETSTYLE, 0, 1)
    new = wm.child_by_id(w, new_id)
    if new is not None and new.cls.name.lower() == "button" and new.style & 0xF == 0:
        mm.send(m, new, BM_SETSTYLE, 1, 1)


def set_dlg_focus(m: "Machine", dlg: Window, c: Window) -> None:
    wm.set_focus(m, c)
    dlg_data(dlg).focus = c
    _select_edit_text(m, c)


def _tab_items(dlg: Window) -> list[Window]:
    out: list[Window] = []
    for c in dlg.children:  # z-order = creation order (new child windows go to the bottom)
        if c.visible and not c.style & wm.WS_DISABLED:
            if c.exstyle & wm.WS_EX_CONTROLPARENT:
                out.extend(_tab_items(c))
            elif c.style & wm.WS_TABSTOP:
                out.append(c)
    return out


def next_tab(m: "Machine", dlg: Window, cur: Window | None, previous: bool) -> Window | None:
    items = _tab_items(dlg)
    if not items:
        return None
    if cur is None or cur not in items:
        return items[-1] if previous else items[0]
    i = items.index(cur)
    return items[(i - 1) % len(items)] if previous else items[(i + 1) % len(items)]


def _group(dlg: Window, c: Window) -> list[Window]:
    order = list(dlg.children)
    if c not in order:
        return [c]
    i = order.index(c)
    start = i
    while start > 0 and not order[start].style & wm.WS_GROUP:
        start -= 1
    end = i + 1
    while end < len(order) and not order[end].style & wm.WS_GROUP:
        end += 1
    return [x for x in order[start:end] if x.visible and not x.style & wm.WS_DISABLED]


# ---- IsDialogMessage and the modal loop -------------------------------------------------------------------
def is_dialog_message(m: "Machine", dlg: Window, x: mm.Msg, unicode: bool) -> bool:
    """IsDialogMessage: keyboard navigation for ``dlg``; dispatches the message when it is for the dialog."""
    target = wm.get(m, x.hwnd)
    if target is None or (target is not dlg and dlg not in wm.ancestors(target)):
        return False
    if x.message == mm.WM_KEYDOWN:
        code = _dlgcode(m, target, x) if target is not dlg else 0
        vk = x.wparam
        if code & DLGC_WANTALLKEYS or code & 4:
            pass
        elif vk == 0x09 and not code & DLGC_WANTTAB:  # Tab
            from . import input as inp  # noqa: PLC0415
            shift = bool(inp.state(m).keys[0x10] & 0x80)
            c = next_tab(m, dlg, wm.state(m).focus, shift)
            if c is not None:
                set_dlg_focus(m, dlg, c)
            return True
        elif vk == 0x0D:  # Enter
            focus = wm.state(m).focus
            if focus is not None and focus.cls.name.lower() == "button" and focus.style & 0xF in (0, 1) \
                    and focus in dlg.children:
                mm.send(m, dlg, mm.WM_COMMAND, focus.id & 0xFFFF, focus.hwnd)
            else:
                r = mm.send(m, dlg, DM_GETDEFID, 0, 0)
                did = r & 0xFFFF if (r >> 16) == DC_HASDEFID else IDOK
                btn = wm.child_by_id(dlg, did)
                if btn is None or not btn.style & wm.WS_DISABLED:
                    mm.send(m, dlg, mm.WM_COMMAND, did, btn.hwnd if btn is not None else 0)
            return True
        elif vk == 0x1B:  # Esc
            cancel = wm.child_by_id(dlg, IDCANCEL)
            mm.send(m, dlg, mm.WM_COMMAND, IDCANCEL, cancel.hwnd if cancel is not None else 0)
            return True
        elif vk in (0x25, 0x26, 0x27, 0x28) and not code & DLGC_WANTARROWS:
            cur = wm.state(m).focus
            if cur is not None and cur in dlg.children:
                grp = _group(dlg, cur)
                if len(grp) > 1:
                    i = grp.index(cur)
                    nxt = grp[(i + (1 if vk in (0x27, 0x28) else -1)) % len(grp)]
                    set_dlg_focus(m, dlg, nxt)
                    if mm.send(m, nxt, mm.WM_GETDLGCODE, 0, 0) & DLGC_RADIOBUTTON:
                        mm.send(m, nxt, 0xF5, 0, 0)  # BM_CLICK
            return True
    if x.message == mm.WM_CHAR and x.wparam in (0x09, 0x0D, 0x1B):
        code = _dlgcode(m, target, x) if target is not dlg else 0
        if not code & (DLGC_WANTALLKEYS | DLGC_WANTCHARS | (DLGC_WANTTAB if x.wparam == 9 else 0)):
            return True
    if x.message in (mm.WM_KEYDOWN, mm.WM_SYSKEYDOWN):
        _translate(m, x)
    mm.dispatch(m, x, unicode)
    return True


def _dlgcode(m: "Machine", target: Window, x: mm.Msg) -> int:
    """WM_GETDLGCODE with the message (wParam: the key, lParam: the MSG) as Windows sends it."""
    p = wm._tmp(m, b"\0" * 28)
    try:
        mm.write_msg(m, p, x)
        return mm.send(m, target, mm.WM_GETDLGCODE, x.wparam, p)
    finally:
        wm._free_tmp(m, p)


def _translate(m: "Machine", x: mm.Msg) -> None:
    p = wm._tmp(m, b"\0" * 28)
    try:
        mm.write_msg(m, p, x)
        mm.TranslateMessage(m, p)
    finally:
        wm._free_tmp(m, p)


def modal_loop(m: "Machine", done: Callable[[], bool], dialog: Window | None, unicode: bool = False) -> bool:
    """Run a message loop until ``done()``; False if WM_QUIT arrived (it is re-posted)."""
    while not done():
        x = mm.peek(m, 0, 0, 0, True)
        if x is None:
            m.wait_here(mm.wait_spec(m, mm.queue(m)))
            continue
        if x.message == mm.WM_QUIT:
            mm.queue(m).quit = x.wparam
            return False
        if dialog is not None and not dialog.destroyed and is_dialog_message(m, dialog, x, unicode):
            continue
        if x.message in (mm.WM_KEYDOWN, mm.WM_SYSKEYDOWN):
            _translate(m, x)
        mm.dispatch(m, x, unicode)
    return True


def begin_modal(m: "Machine", w: Window, owner: Window | None) -> None:
    """Start a modal dialog's life: disable its owner's top-level window."""
    d = dlg_data(w)
    owner_top = wm.top_level(owner) if owner is not None else None
    d.owner_top = owner_top
    m.state.setdefault("dlg_windows", {})[w.hwnd] = w
    if owner_top is not None and not owner_top.style & wm.WS_DISABLED:
        owner_top.style |= wm.WS_DISABLED
        d.owner_disabled = True


def end_modal(m: "Machine", w: Window) -> int:
    """Finish a modal dialog: re-enable and activate the owner, destroy the dialog; returns EndDialog's result."""
    d = dlg_data(w)
    owner_top = d.owner_top
    if d.owner_disabled and owner_top is not None and not owner_top.destroyed:
        owner_top.style &= ~wm.WS_DISABLED
    result = d.result
    if not w.destroyed:
        wm.destroy_window(m, w)
    if owner_top is not None and not owner_top.destroyed:
        wm.activate(m, owner_top)
    return result


def run_modal(m: "Machine", w: Window, owner: Window | None, unicode: bool) -> int:
    """The modal part of a dialog shown from Python (common dialogs): loop until EndDialog, clean up.
    DialogBox* and MessageBox run their loop as guest code instead (``_modal_loop_asm``)."""
    d = dlg_data(w)
    begin_modal(m, w, owner)
    try:
        modal_loop(m, lambda: d.ended or w.destroyed, w, unicode)
    finally:
        result = end_modal(m, w)
    return result


def _load_template(m: "Machine", hinst: int, name: str | int | None) -> DialogTemplate | None:
    addr = _find_resource(m, hinst, name, 5)
    if not addr:
        m.set_last_error(1813)  # ERROR_RESOURCE_TYPE_NOT_FOUND
        return None
    return parse_template(m, addr)


def _find_resource(m: "Machine", hinst: int, name: str | int | None, rtype: int) -> int:
    """Guest address of a resource's data (0 if missing)."""
    from emu.kernel32 import resource  # noqa: PLC0415
    h = resource.FindResourceW(m, hinst, name, rtype)
    if not h:
        return 0
    return resource.LoadResource(m, hinst, h)


def _owner(m: "Machine", hwnd: int) -> Window | None:
    return wm.get(m, hwnd) if hwnd else None


def _dialog_begin(m: "Machine", hinst: int, t: DialogTemplate | None, hparent: int, proc: int, param: int,
                  unicode: bool) -> int:
    """DialogBox's first half: the shown modal dialog's handle, or (result << 32) when it could not be
    created (-1: bad template or creation failed)."""
    if t is None:
        return 0xFFFFFFFF << 32
    owner = _owner(m, hparent)
    w = create_dialog(m, hinst, t, owner, proc, param, unicode, modal=True)
    if w is None:
        return 0xFFFFFFFF << 32
    begin_modal(m, w, owner)
    return w.hwnd


@stdcall("user32")
def _exeplay_DlgBeginA(m: "Machine", hInstance: HANDLE, lpTemplateName: LPCSTR, hWndParent: HWND, lpDialogFunc: PTR,
                       dwInitParam: DWORD) -> QWORD:
    """DialogBoxParamA's first half (see _modal_loop_asm)."""
    return _dialog_begin(m, hInstance, _load_template(m, hInstance, lpTemplateName), hWndParent, lpDialogFunc,
                         dwInitParam, False)


@stdcall("user32")
def _exeplay_DlgBeginW(m: "Machine", hInstance: HANDLE, lpTemplateName: LPCWSTR, hWndParent: HWND, lpDialogFunc: PTR,
                       dwInitParam: DWORD) -> QWORD:
    """DialogBoxParamW's first half (see _modal_loop_asm)."""
    return _dialog_begin(m, hInstance, _load_template(m, hInstance, lpTemplateName), hWndParent, lpDialogFunc,
                         dwInitParam, True)


@stdcall("user32")
def _exeplay_DlgBeginIndirectA(m: "Machine", hInstance: HANDLE, hDialogTemplate: PTR, hWndParent: HWND,
                               lpDialogFunc: PTR, dwInitParam: DWORD) -> QWORD:
    """DialogBoxIndirectParamA's first half (see _modal_loop_asm)."""
    return _dialog_begin(m, hInstance, parse_template(m, hDialogTemplate), hWndParent, lpDialogFunc, dwInitParam,
                         False)


@stdcall("user32")
def _exeplay_DlgBeginIndirectW(m: "Machine", hInstance: HANDLE, hDialogTemplate: PTR, hWndParent: HWND,
                               lpDialogFunc: PTR, dwInitParam: DWORD) -> QWORD:
    """DialogBoxIndirectParamW's first half (see _modal_loop_asm)."""
    return _dialog_begin(m, hInstance, parse_template(m, hDialogTemplate), hWndParent, lpDialogFunc, dwInitParam,
                         True)


@stdcall("user32")
def _exeplay_DlgEnded(m: "Machine", hDlg: HWND) -> BOOL:
    """Whether a modal dialog's loop should stop (EndDialog called or the dialog destroyed)."""
    w = m.state.get("dlg_windows", {}).get(hDlg)
    return int(w is None or w.destroyed or dlg_data(w).ended)


@stdcall("user32")
def _exeplay_DlgEnd(m: "Machine", hDlg: HWND) -> INT:
    """A modal dialog's last half: clean up and return EndDialog's result."""
    w = m.state.get("dlg_windows", {}).pop(hDlg, None)
    if w is None:
        return 0
    return end_modal(m, w) & 0xFFFFFFFF


def _modal_loop_asm(begin: str, cs: str, nargs: int) -> str:
    """Guest code of a modal dialog function: create it (Python), then GetMessage / IsDialogMessage /
    TranslateMessage / DispatchMessage until EndDialog, then clean up (Python). Running the loop as guest
    code lets GetMessage block in the scheduler like any message loop, so other threads run normally."""
    pushes = "\n".join(f"    push dword ptr [ebp+{8 + 4 * i}]" for i in reversed(range(nargs)))
    return f"""
    push ebp
    mov ebp, esp
    push ebx
    sub esp, 28
{pushes}
    call {{stub:{begin}}}
    test eax, eax
    jz failed
    mov ebx, eax
next:
    push ebx
    call {{stub:_exeplay_DlgEnded}}
    test eax, eax
    jnz finished
    lea eax, [ebp-32]
    push 0
    push 0
    push 0
    push eax
    call {{stub:GetMessage{cs}}}
    test eax, eax
    jz quit
    lea eax, [ebp-32]
    push eax
    push ebx
    call {{stub:IsDialogMessage{cs}}}
    test eax, eax
    jnz next
    lea eax, [ebp-32]
    push eax
    call {{stub:TranslateMessage}}
    lea eax, [ebp-32]
    push eax
    call {{stub:_exeplay_DispatchPrep{cs}}}
    test eax, eax
    jz next
    lea ecx, [ebp-32]
    push dword ptr [ecx+12]
    push dword ptr [ecx+8]
    push dword ptr [ecx+4]
    push dword ptr [ecx]
    push eax
    call {{export:$exeplay_CallWndProc}}
    jmp next
quit:
    push dword ptr [ebp-24]
    call {{stub:PostQuitMessage}}
finished:
    push ebx
    call {{stub:_exeplay_DlgEnd}}
    jmp out
failed:
    mov eax, edx
out:
    add esp, 28
    pop ebx
    pop ebp
    ret {4 * nargs}
"""


for _cs in "AW":
    native("user32", f"DialogBoxParam{_cs}", _modal_loop_asm(f"_exeplay_DlgBegin{_cs}", _cs, 5), 20,
           doc="Create a modal dialog from a resource template and run it until EndDialog; returns its result.")
    native("user32", f"DialogBoxIndirectParam{_cs}", _modal_loop_asm(f"_exeplay_DlgBeginIndirect{_cs}", _cs, 5), 20,
           doc="Modal dialog from an in-memory template.")


def _create_dialog(m: "Machine", hinst: int, t: DialogTemplate | None, hparent: int, proc: int, param: int,
                   unicode: bool) -> int:
    if t is None:
        return 0
    w = create_dialog(m, hinst, t, _owner(m, hparent), proc, param, unicode, modal=False)
    return w.hwnd if w is not None else 0


@stdcall("user32")
def CreateDialogParamA(m: "Machine", hInstance: HANDLE, lpTemplateName: LPCSTR, hWndParent: HWND,
                       lpDialogFunc: PTR, dwInitParam: DWORD) -> HWND:
    """Create a modeless dialog from a resource template."""
    return _create_dialog(m, hInstance, _load_template(m, hInstance, lpTemplateName), hWndParent, lpDialogFunc,
                          dwInitParam, False)


@stdcall("user32")
def CreateDialogParamW(m: "Machine", hInstance: HANDLE, lpTemplateName: LPCWSTR, hWndParent: HWND,
                       lpDialogFunc: PTR, dwInitParam: DWORD) -> HWND:
    """Create a modeless dialog from a resource template."""
    return _create_dialog(m, hInstance, _load_template(m, hInstance, lpTemplateName), hWndParent, lpDialogFunc,
                          dwInitParam, True)


@stdcall("user32")
def CreateDialogIndirectParamA(m: "Machine", hInstance: HANDLE, lpTemplate: PTR, hWndParent: HWND,
                               lpDialogFunc: PTR, dwInitParam: DWORD) -> HWND:
    """Create a modeless dialog from an in-memory template."""
    return _create_dialog(m, hInstance, parse_template(m, lpTemplate), hWndParent, lpDialogFunc, dwInitParam,
                          False)


@stdcall("user32")
def CreateDialogIndirectParamW(m: "Machine", hInstance: HANDLE, lpTemplate: PTR, hWndParent: HWND,
                               lpDialogFunc: PTR, dwInitParam: DWORD) -> HWND:
    """Create a modeless dialog from an in-memory template."""
    return _create_dialog(m, hInstance, parse_template(m, lpTemplate), hWndParent, lpDialogFunc, dwInitParam, True)


@stdcall("user32")
def EndDialog(m: "Machine", hDlg: HWND, nResult: INT) -> BOOL:
    """End a modal dialog with a result (it is hidden now and destroyed when its loop ends)."""
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    d = dlg_data(w)
    d.ended = True
    d.result = nResult & 0xFFFFFFFF
    if w.visible:
        wm.show_window(m, w, wm.SW_HIDE)
    # wake the modal loop: EndDialog may run while its thread sits in GetMessage handling a sent message
    mm.post(m, w.hwnd, mm.WM_NULL, 0, 0)
    return 1


@stdcall("user32")
def DefDlgProcA(m: "Machine", hDlg: HWND, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """Default dialog processing (for dialogs of program-registered classes)."""
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    if Msg == mm.WM_NCCREATE:
        on_create(m, w)
    return def_dlg_proc(m, w, Msg, wParam, lParam, False) & 0xFFFFFFFF


@stdcall("user32")
def DefDlgProcW(m: "Machine", hDlg: HWND, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """Default dialog processing (for dialogs of program-registered classes)."""
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    if Msg == mm.WM_NCCREATE:
        on_create(m, w)
    return def_dlg_proc(m, w, Msg, wParam, lParam, True) & 0xFFFFFFFF


def _is_dlg_msg(m: "Machine", hDlg: int, lpMsg: int, unicode: bool) -> int:
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    return int(is_dialog_message(m, w, mm.read_msg(m, lpMsg), unicode))


@stdcall("user32")
def IsDialogMessageA(m: "Machine", hDlg: HWND, lpMsg: PTR) -> BOOL:
    """Handle dialog keyboard navigation for a message (and dispatch it); TRUE if it was for the dialog."""
    return _is_dlg_msg(m, hDlg, lpMsg, False)


@stdcall("user32")
def IsDialogMessageW(m: "Machine", hDlg: HWND, lpMsg: PTR) -> BOOL:
    """Handle dialog keyboard navigation for a message (and dispatch it); TRUE if it was for the dialog."""
    return _is_dlg_msg(m, hDlg, lpMsg, True)


# ---- item helpers ---------------------------------------------------------------------------------------
def _item(m: "Machine", hDlg: int, nID: int) -> Window | None:
    w = wm.get(m, hDlg)
    return wm.child_by_id(w, nID & 0xFFFFFFFF) if w is not None else None


@stdcall("user32")
def SendDlgItemMessageA(m: "Machine", hDlg: HWND, nIDDlgItem: INT, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """SendMessage to a dialog control by id."""
    c = _item(m, hDlg, nIDDlgItem)
    return mm.send(m, c, Msg, wParam, lParam, unicode=False) if c is not None else 0


@stdcall("user32")
def SendDlgItemMessageW(m: "Machine", hDlg: HWND, nIDDlgItem: INT, Msg: UINT, wParam: DWORD, lParam: DWORD) -> DWORD:
    """SendMessage to a dialog control by id."""
    c = _item(m, hDlg, nIDDlgItem)
    return mm.send(m, c, Msg, wParam, lParam, unicode=True) if c is not None else 0


@stdcall("user32")
def GetDlgItemTextA(m: "Machine", hDlg: HWND, nIDDlgItem: INT, lpString: PTR, cchMax: INT) -> UINT:
    """The text of a dialog control."""
    c = _item(m, hDlg, nIDDlgItem)
    if c is None:
        if lpString and cchMax > 0:
            m.mem.write(lpString, b"\0")
        return 0
    return mm.send(m, c, mm.WM_GETTEXT, cchMax, lpString, unicode=False)


@stdcall("user32")
def GetDlgItemTextW(m: "Machine", hDlg: HWND, nIDDlgItem: INT, lpString: PTR, cchMax: INT) -> UINT:
    """The text of a dialog control."""
    c = _item(m, hDlg, nIDDlgItem)
    if c is None:
        if lpString and cchMax > 0:
            m.mem.write(lpString, b"\0\0")
        return 0
    return mm.send(m, c, mm.WM_GETTEXT, cchMax, lpString, unicode=True)


@stdcall("user32")
def SetDlgItemTextA(m: "Machine", hDlg: HWND, nIDDlgItem: INT, lpString: PTR) -> BOOL:
    """Set the text of a dialog control."""
    c = _item(m, hDlg, nIDDlgItem)
    return mm.send(m, c, mm.WM_SETTEXT, 0, lpString, unicode=False) if c is not None else 0


@stdcall("user32")
def SetDlgItemTextW(m: "Machine", hDlg: HWND, nIDDlgItem: INT, lpString: PTR) -> BOOL:
    """Set the text of a dialog control."""
    c = _item(m, hDlg, nIDDlgItem)
    return mm.send(m, c, mm.WM_SETTEXT, 0, lpString, unicode=True) if c is not None else 0


@stdcall("user32")
def GetDlgItemInt(m: "Machine", hDlg: HWND, nIDDlgItem: INT, lpTranslated: PTR, bSigned: BOOL) -> UINT:
    """A control's text as a number (lpTranslated receives success)."""
    c = _item(m, hDlg, nIDDlgItem)
    ok, v = False, 0
    if c is not None:
        p = wm._tmp(m, b"\0" * 64)
        try:
            mm.send(m, c, mm.WM_GETTEXT, 32, p, unicode=False)
            s = m.mem.cstr(p, m.ansi).strip()
        finally:
            wm._free_tmp(m, p)
        try:
            v = int(s)
            ok = bSigned or v >= 0
        except ValueError:
            ok = False
    if lpTranslated:
        m.mem.w32(lpTranslated, int(ok))
    return v & 0xFFFFFFFF if ok else 0


@stdcall("user32")
def SetDlgItemInt(m: "Machine", hDlg: HWND, nIDDlgItem: INT, uValue: DWORD, bSigned: BOOL) -> BOOL:
    """Set a control's text to a number."""
    c = _item(m, hDlg, nIDDlgItem)
    if c is None:
        return 0
    v = uValue - (1 << 32) if bSigned and uValue & 0x80000000 else uValue
    return wm.set_text(m, c, str(v))


@stdcall("user32")
def CheckDlgButton(m: "Machine", hDlg: HWND, nIDButton: INT, uCheck: UINT) -> BOOL:
    """BM_SETCHECK on a dialog button."""
    c = _item(m, hDlg, nIDButton)
    if c is None:
        return 0
    mm.send(m, c, 0xF1, uCheck, 0)
    return 1


@stdcall("user32")
def IsDlgButtonChecked(m: "Machine", hDlg: HWND, nIDButton: INT) -> UINT:
    """BM_GETCHECK of a dialog button."""
    c = _item(m, hDlg, nIDButton)
    return mm.send(m, c, 0xF0, 0, 0) if c is not None else 0


@stdcall("user32")
def CheckRadioButton(m: "Machine", hDlg: HWND, nIDFirstButton: INT, nIDLastButton: INT, nIDCheckButton: INT) -> BOOL:
    """Check one button of an id range and uncheck the others."""
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    for c in w.children:
        if nIDFirstButton <= c.id <= nIDLastButton:
            mm.send(m, c, 0xF1, int(c.id == nIDCheckButton), 0)
    return 1


@stdcall("user32")
def GetNextDlgTabItem(m: "Machine", hDlg: HWND, hCtl: HWND, bPrevious: BOOL) -> HWND:
    """The next (or previous) control with WS_TABSTOP."""
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    c = next_tab(m, w, wm.get(m, hCtl), bool(bPrevious))
    return c.hwnd if c is not None else 0


@stdcall("user32")
def GetNextDlgGroupItem(m: "Machine", hDlg: HWND, hCtl: HWND, bPrevious: BOOL) -> HWND:
    """The next (or previous) control in the same WS_GROUP group."""
    w = wm.get(m, hDlg)
    c = wm.get(m, hCtl)
    if w is None or c is None:
        return 0
    grp = _group(w, c)
    if c not in grp:
        return c.hwnd
    i = grp.index(c)
    return grp[(i + (-1 if bPrevious else 1)) % len(grp)].hwnd


@stdcall("user32")
def MapDialogRect(m: "Machine", hDlg: HWND, lpRect: PTR) -> BOOL:
    """Dialog units to pixels for this dialog's font."""
    w = wm.get(m, hDlg)
    if w is None:
        return 0
    bx, by = dlg_data(w).base
    l, t, r, b = m.mem.unpack("<4i", lpRect)
    m.mem.pack("<4i", lpRect, l * bx // 4, t * by // 8, r * bx // 4, b * by // 8)
    return 1

