"""The Button control class (push buttons, check boxes, radio buttons, group boxes, owner-drawn buttons) in
the Windows 95 look, plus the helpers every built-in control shares (painting, fonts, WM_CTLCOLOR*,
WM_COMMAND notifications, WM_DRAWITEM, small pixel masks).

Button state lives in ``Window.data`` (a ``ButtonState``). Painting happens on WM_PAINT only: state changes
invalidate the control, so the look is deterministic and never drawn twice.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from . import defwnd, gdiobj, syscolor
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .region import Rect
from .surface import colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window

# ---- shared constants --------------------------------------------------------------------------------
COLOR_WINDOW, COLOR_WINDOWFRAME, COLOR_WINDOWTEXT, COLOR_HIGHLIGHT, COLOR_HIGHLIGHTTEXT = 5, 6, 8, 13, 14
COLOR_BTNFACE, COLOR_BTNSHADOW, COLOR_GRAYTEXT, COLOR_BTNTEXT, COLOR_BTNHIGHLIGHT = 15, 16, 17, 18, 20
COLOR_3DDKSHADOW, COLOR_3DLIGHT, COLOR_SCROLLBAR = 21, 22, 0
DLGC_WANTARROWS, DLGC_WANTTAB, DLGC_WANTALLKEYS, DLGC_HASSETSEL = 0x1, 0x2, 0x4, 0x8
DLGC_DEFPUSHBUTTON, DLGC_UNDEFPUSHBUTTON, DLGC_RADIOBUTTON, DLGC_WANTCHARS = 0x10, 0x20, 0x40, 0x80
DLGC_STATIC, DLGC_BUTTON = 0x100, 0x2000
ODT_MENU, ODT_LISTBOX, ODT_COMBOBOX, ODT_BUTTON, ODT_STATIC = 1, 2, 3, 4, 5
ODA_DRAWENTIRE, ODA_SELECT, ODA_FOCUS = 1, 2, 4
ODS_SELECTED, ODS_GRAYED, ODS_DISABLED, ODS_CHECKED, ODS_FOCUS, ODS_DEFAULT = 1, 2, 4, 8, 0x10, 0x20
ODS_COMBOBOXEDIT = 0x1000
WM_PRINTCLIENT, WM_CAPTURECHANGED = 0x318, 0x215
VK_SPACE = 0x20
DT_CENTER, DT_RIGHT, DT_VCENTER, DT_BOTTOM, DT_WORDBREAK, DT_SINGLELINE = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
DT_EXPANDTABS, DT_NOCLIP, DT_CALCRECT, DT_NOPREFIX = 0x40, 0x100, 0x400, 0x800
TRANSPARENT, OPAQUE = 1, 2


# ---- shared helpers (used by every control module) ----------------------------------------------------
def px(m: Machine, idx: int) -> int:
    """System colour ``idx`` as a pixel (0x00RRGGBB)."""
    return colorref_to_px(syscolor.get(m, idx))


def signed16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v & 0x8000 else v


def point(lp: int) -> tuple[int, int]:
    """(x, y) of a mouse message's lParam."""
    return signed16(lp), signed16(lp >> 16)


def font_obj(m: Machine, hfont: int) -> gdiobj.Font:
    """The control's font: the WM_SETFONT handle, else the system font (as on Windows)."""
    f = gdiobj.table(m).get(hfont, gdiobj.Font) if hfont else None
    return f if f is not None else gdiobj.stock(m, gdiobj.SYSTEM_FONT)


def font_height(m: Machine, hfont: int) -> int:
    """Cell height in pixels of the control's font."""
    from . import font as fontmod
    return fontmod.realize(m, font_obj(m, hfont)).height


def text_width(m: Machine, hfont: int, s: str) -> int:
    """Width in pixels of ``s`` in the control's font."""
    from . import font as fontmod
    return fontmod.text_width(m, font_obj(m, hfont), s)


def notify_target(w: Window) -> Window | None:
    """Where a control's notifications go: its parent (a top-level control: its owner)."""
    return w.parent if w.is_child else w.owner


def notify(m: Machine, w: Window, code: int) -> None:
    """WM_COMMAND(MAKEWPARAM(id, code), hwnd) to the parent."""
    p = notify_target(w)
    if p is not None and not w.destroyed:
        mm.send(m, p, mm.WM_COMMAND, (w.id & 0xFFFF) | ((code & 0xFFFF) << 16), w.hwnd)


def redraw(m: Machine, w: Window, erase: bool = False) -> None:
    """Schedule a repaint of the whole control."""
    if not w.destroyed:
        wm.invalidate(m, w, None, erase)


def ctl_brush(m: Machine, w: Window, dc: DC, msg: int, target: Window | None = None) -> gdiobj.Brush | None:
    """Send WM_CTLCOLOR* to the parent for ``dc``; the brush it returns (DefWindowProc's when it gives none).
    The parent may set the DC's text and background colours."""
    p = target if target is not None else notify_target(w)
    hbr = mm.send(m, p, msg, dc.handle, w.hwnd) if p is not None else 0
    b = syscolor.brush_from_handle(m, hbr) if hbr else None
    if b is None:
        hbr = defwnd.default_proc(m, w, msg, dc.handle, w.hwnd, w.unicode)
        b = syscolor.brush_from_handle(m, hbr)
    return b


def brush_px(m: Machine, b: gdiobj.Brush | None) -> int | None:
    """A solid brush's pixel (None for a null brush)."""
    if b is None or b.style == gdiobj.BS_NULL:
        return None
    if b.sys_color >= 0:
        return px(m, b.sys_color)
    return colorref_to_px(b.color & 0xFFFFFF)


def fill_brush(m: Machine, dc: DC, r: Rect, b: gdiobj.Brush | None) -> None:
    """FillRect with any brush (patterns through gdi/draw.py when it is there, else its colour)."""
    if b is None or b.style == gdiobj.BS_NULL or r[2] <= r[0] or r[3] <= r[1]:
        return
    if b.style in (gdiobj.BS_HATCHED, gdiobj.BS_PATTERN):
        try:
            from . import draw
            fn = getattr(draw, "fill_rect_brush", None)
        except ImportError:
            fn = None
        if fn is not None:
            fn(dc, r, b)
            return
    p = brush_px(m, b)
    if p is not None:
        dc.fill_device(r, p)


def paint_mask(dc: DC, x: int, y: int, mask: np.ndarray, color: int, xor: bool = False) -> None:
    """Paint the True pixels of ``mask`` placed at device (x, y) in pixel ``color`` (or invert them)."""
    h, w = mask.shape
    if h == 0 or w == 0:
        return
    s = dc.begin()
    if s is None:
        return
    ox, oy = dc.dev_org
    for x0, y0, x1, y1 in dc.device_rect_clips((x, y, x + w, y + h)):
        sub = mask[y0 - oy - y:y1 - oy - y, x0 - ox - x:x1 - ox - x]
        dst = s.px[y0:y1, x0:x1]
        if xor:
            dst[sub] ^= np.uint32(0xFFFFFF)
        else:
            dst[sub] = np.uint32(color)
    dc.end()


def invert_rect(dc: DC, r: Rect) -> None:
    """InvertRect in device coordinates."""
    if r[2] > r[0] and r[3] > r[1]:
        paint_mask(dc, r[0], r[1], np.ones((r[3] - r[1], r[2] - r[0]), dtype=bool), 0, xor=True)


def focus_rect(dc: DC, r: Rect) -> None:
    """DrawFocusRect: a dotted frame (every other pixel inverted)."""
    l, t, rr, b = r
    if rr - l <= 0 or b - t <= 0:
        return
    mask = np.zeros((b - t, rr - l), dtype=bool)
    mask[0, :] = mask[-1, :] = True
    mask[:, 0] = mask[:, -1] = True
    yy, xx = np.mgrid[t:b, l:rr]
    mask &= ((xx + yy) & 1) == 0
    paint_mask(dc, l, t, mask, 0, xor=True)


def etched(m: Machine, dc: DC, r: Rect, sides: str = "ltrb") -> None:
    """EDGE_ETCHED (a shadow line with a highlight line inside/below) on the named sides."""
    sh, hi = px(m, COLOR_BTNSHADOW), px(m, COLOR_BTNHIGHLIGHT)
    l, t, rr, b = r
    if "l" in sides:
        dc.fill_device((l, t, l + 1, b - 1), sh)
        dc.fill_device((l + 1, t + 1, l + 2, b - 2), hi)
    if "t" in sides:
        dc.fill_device((l, t, rr - 1, t + 1), sh)
        dc.fill_device((l + 1, t + 1, rr - 2, t + 2), hi)
    if "r" in sides:
        dc.fill_device((rr - 2, t + 1, rr - 1, b - 1), sh)
        dc.fill_device((rr - 1, t, rr, b), hi)
    if "b" in sides:
        dc.fill_device((l + 1, b - 2, rr - 1, b - 1), sh)
        dc.fill_device((l, b - 1, rr, b), hi)


def draw_label(m: Machine, dc: DC, s: str, r: Rect, flags: int, disabled: bool, color: int | None = None) -> Rect:
    """DrawText in the DC's font, transparent; disabled text is embossed (highlight, then shadow on top).
    Returns the rectangle the text occupies (DT_CALCRECT, aligned like the drawing)."""
    from . import text
    dc.bk_mode = TRANSPARENT
    if disabled:
        dc.text_color = syscolor.get(m, COLOR_BTNHIGHLIGHT)
        text.draw_text(dc, s, (r[0] + 1, r[1] + 1, r[2] + 1, r[3] + 1), flags)
        dc.text_color = syscolor.get(m, COLOR_BTNSHADOW)
    elif color is not None:
        dc.text_color = color
    text.draw_text(dc, s, r, flags)
    return label_rect(dc, s, r, flags)


def label_rect(dc: DC, s: str, r: Rect, flags: int) -> Rect:
    """Where DrawText puts ``s`` inside ``r`` with ``flags`` (alignment included)."""
    from . import text
    _, cr = text.draw_text(dc, s, r, (flags | DT_CALCRECT) & ~(DT_VCENTER | DT_BOTTOM))
    w, h = cr[2] - cr[0], cr[3] - cr[1]
    if flags & DT_SINGLELINE:
        h = text.metrics(dc).height
    x = r[0] + ((r[2] - r[0] - w) // 2 if flags & DT_CENTER else (r[2] - r[0] - w) if flags & DT_RIGHT else 0)
    if flags & DT_VCENTER:
        y = r[1] + (r[3] - r[1] - h) // 2
    elif flags & DT_BOTTOM:
        y = r[3] - h
    else:
        y = r[1]
    return (x, y, x + w, y + h)


class Painting:
    """``with Painting(m, w, wp) as dc``: BeginPaint/EndPaint around a control's drawing (or the DC passed in
    wParam by WM_PAINT/WM_PRINTCLIENT)."""

    def __init__(self, m: Machine, w: Window, hdc: int = 0) -> None:
        self.m, self.w, self.hdc, self.ps = m, w, hdc, 0
        self.dc: DC | None = None

    def __enter__(self) -> DC | None:
        from .dc import get_dc
        m = self.m
        if self.hdc:
            self.dc = get_dc(m, self.hdc)
            if self.dc is not None:
                self.saved = self.dc.save()
            return self.dc
        self.ps = wm._tmp(m, b"\0" * 64)
        h = wm.begin_paint(m, self.w, self.ps)
        self.dc = get_dc(m, h)
        return self.dc

    def __exit__(self, *exc: object) -> None:
        m = self.m
        if self.hdc:
            if self.dc is not None:
                self.dc.restore(self.saved)
            return
        try:
            wm.EndPaint(m, self.w.hwnd, self.ps)
        finally:
            wm._free_tmp(m, self.ps)


def send_drawitem(m: Machine, w: Window, target: Window | None, ctl_type: int, ctl_id: int, item: int,
                  action: int, state: int, hwnd_item: int, dc: DC, rect: Rect, data: int) -> None:
    """WM_DRAWITEM with a DRAWITEMSTRUCT in guest memory."""
    if target is None:
        return
    dis = struct.pack("<IIIIIII4iI", ctl_type, ctl_id, item & 0xFFFFFFFF, action, state, hwnd_item, dc.handle,
                      *rect, data & 0xFFFFFFFF)
    p = wm._tmp(m, dis)
    try:
        mm.send(m, target, mm.WM_DRAWITEM, ctl_id, p)
    finally:
        wm._free_tmp(m, p)


def send_measureitem(m: Machine, target: Window | None, ctl_type: int, ctl_id: int, item: int, width: int,
                     height: int, data: int) -> tuple[int, int]:
    """WM_MEASUREITEM with a MEASUREITEMSTRUCT; returns (width, height) as the parent left them."""
    if target is None:
        return width, height
    p = wm._tmp(m, struct.pack("<6I", ctl_type, ctl_id, item & 0xFFFFFFFF, width, height, data & 0xFFFFFFFF))
    try:
        mm.send(m, target, mm.WM_MEASUREITEM, ctl_id, p)
        _, _, _, wd, ht, _ = m.mem.unpack("<6I", p)
    finally:
        wm._free_tmp(m, p)
    return wd, ht


def set_capture(m: Machine, w: Window | None) -> None:
    """SetCapture/ReleaseCapture from Python (WM_CAPTURECHANGED to the window losing it)."""
    st = wm.state(m)
    old = st.capture
    st.capture = w
    if old is not None and old is not w and not old.destroyed:
        mm.send(m, old, WM_CAPTURECHANGED, 0, w.hwnd if w is not None else 0)


def has_capture(m: Machine, w: Window) -> bool:
    return wm.state(m).capture is w


def mask_from(rows: list[str], ch: str) -> np.ndarray:
    """A boolean mask of the cells equal to ``ch`` in a picture given as strings."""
    return np.array([[c == ch for c in r] for r in rows], dtype=bool)


# ---- Button -------------------------------------------------------------------------------------------
BS_PUSHBUTTON, BS_DEFPUSHBUTTON, BS_CHECKBOX, BS_AUTOCHECKBOX, BS_RADIOBUTTON, BS_3STATE = 0, 1, 2, 3, 4, 5
BS_AUTO3STATE, BS_GROUPBOX, BS_USERBUTTON, BS_AUTORADIOBUTTON, BS_PUSHBOX, BS_OWNERDRAW = 6, 7, 8, 9, 10, 11
BS_TYPEMASK, BS_LEFTTEXT, BS_ICON, BS_BITMAP = 0xF, 0x20, 0x40, 0x80
BS_LEFT, BS_RIGHT, BS_CENTER, BS_TOP, BS_BOTTOM, BS_VCENTER = 0x100, 0x200, 0x300, 0x400, 0x800, 0xC00
BS_PUSHLIKE, BS_MULTILINE, BS_NOTIFY, BS_FLAT = 0x1000, 0x2000, 0x4000, 0x8000
BM_GETCHECK, BM_SETCHECK, BM_GETSTATE, BM_SETSTATE, BM_SETSTYLE, BM_CLICK, BM_GETIMAGE, BM_SETIMAGE = \
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7
BST_UNCHECKED, BST_CHECKED, BST_INDETERMINATE, BST_PUSHED, BST_FOCUS = 0, 1, 2, 4, 8
BN_CLICKED, BN_DOUBLECLICKED, BN_SETFOCUS, BN_KILLFOCUS = 0, 5, 6, 7
IMAGE_BITMAP, IMAGE_ICON = 0, 1
CHECK_SIZE = 13
RADIO_SIZE = 12

_MAX_CHECK = {BS_CHECKBOX: 1, BS_AUTOCHECKBOX: 1, BS_RADIOBUTTON: 1, BS_AUTORADIOBUTTON: 1, BS_3STATE: 2,
              BS_AUTO3STATE: 2}

# Windows 95 check mark (7x7) and radio button (12x12) pictures
_CHECK = mask_from(["......#",
                    ".....##",
                    "#...###",
                    "##.###.",
                    "#####..",
                    ".###...",
                    "..#...."], "#")
_RADIO = ["....SSSS....",
          "..SSKKKKSS..",
          ".SKKwwwwKKH.",
          ".SKwwwwwwLH.",
          "SKwwwwwwwwLH",
          "SKwwwwwwwwLH",
          "SKwwwwwwwwLH",
          "SKwwwwwwwwLH",
          ".SKwwwwwwLH.",
          ".SLLwwwwLLH.",
          "..HHLLLLHH..",
          "....HHHH...."]
_RADIO_DOT = mask_from([".##.", "####", "####", ".##."], "#")


@dataclass
class ButtonState:
    state: int = 0  # BST_* bits
    font: int = 0
    tracking: bool = False  # mouse (or space bar) held down on the button
    key_down: bool = False
    image: int = 0
    image_type: int = IMAGE_BITMAP


def bstate(w: Window) -> ButtonState:
    if not isinstance(w.data, ButtonState):
        w.data = ButtonState()
    return w.data


def btype(w: Window) -> int:
    return w.style & BS_TYPEMASK


def _set_state(m: Machine, w: Window, bits: int, on: bool) -> None:
    st = bstate(w)
    new = st.state | bits if on else st.state & ~bits
    if new != st.state:
        st.state = new
        redraw(m, w)


def _uncheck_group(m: Machine, w: Window) -> None:
    """An auto radio button was checked: uncheck the other auto radio buttons of its group."""
    p = w.parent
    if p is None:
        return
    sibs = list(p.children)  # creation (tab) order = z-order from the top
    if w not in sibs:
        return
    i = sibs.index(w)
    start = i
    while start > 0 and not sibs[start].style & wm.WS_GROUP:
        start -= 1
    end = i + 1
    while end < len(sibs) and not sibs[end].style & wm.WS_GROUP:
        end += 1
    for s in sibs[start:end]:
        if s is w or s.cls.name.lower() != "button" or btype(s) != BS_AUTORADIOBUTTON:
            continue
        if bstate(s).state & 3:
            mm.send(m, s, BM_SETCHECK, BST_UNCHECKED, 0)


def _click_release(m: Machine, w: Window) -> None:
    """The button was released inside: auto styles change their check, then BN_CLICKED."""
    t = btype(w)
    chk = bstate(w).state & 3
    if t == BS_AUTOCHECKBOX:
        mm.send(m, w, BM_SETCHECK, BST_UNCHECKED if chk else BST_CHECKED, 0)
    elif t == BS_AUTORADIOBUTTON:
        mm.send(m, w, BM_SETCHECK, BST_CHECKED, 0)
    elif t == BS_AUTO3STATE:
        mm.send(m, w, BM_SETCHECK, (chk + 1) % 3, 0)
    set_capture(m, None) if has_capture(m, w) else None
    notify(m, w, BN_CLICKED)


def _dlgcode(w: Window) -> int:
    t = btype(w)
    if t in (BS_PUSHBUTTON, BS_USERBUTTON, BS_PUSHBOX):
        return DLGC_BUTTON | DLGC_UNDEFPUSHBUTTON
    if t == BS_DEFPUSHBUTTON:
        return DLGC_BUTTON | DLGC_DEFPUSHBUTTON
    if t in (BS_RADIOBUTTON, BS_AUTORADIOBUTTON):
        return DLGC_BUTTON | DLGC_RADIOBUTTON
    if t == BS_GROUPBOX:
        return DLGC_STATIC
    return DLGC_BUTTON


@defwnd.builtin_class("Button", style=wm.CS_DBLCLKS | wm.CS_VREDRAW | wm.CS_HREDRAW | wm.CS_PARENTDC)
def button_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The Button window procedure."""
    st = bstate(w)
    t = btype(w)
    if msg == mm.WM_CREATE:
        return 0
    if msg == mm.WM_NCHITTEST:
        if t == BS_GROUPBOX:
            return nc.HTTRANSPARENT & 0xFFFFFFFF
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, WM_PRINTCLIENT):
        with Painting(m, w, wp if msg == WM_PRINTCLIENT or wp else 0) as dc:
            if dc is not None:
                paint_button(m, w, dc)
        return 0
    if msg == mm.WM_GETDLGCODE:
        return _dlgcode(w)
    if msg == mm.WM_SETFONT:
        st.font = wp
        if lp & 0xFFFF:
            redraw(m, w)
        return 0
    if msg == mm.WM_GETFONT:
        return st.font
    if msg == mm.WM_SETTEXT:
        r = defwnd.default_proc(m, w, msg, wp, lp, unicode)
        redraw(m, w)
        if t == BS_GROUPBOX and w.parent is not None:
            wm.invalidate(m, w.parent, w.rect, True)
        return r
    if msg == mm.WM_ENABLE:
        redraw(m, w)
        return 0
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK):
        if t == BS_GROUPBOX:
            return 0
        if msg == mm.WM_LBUTTONDBLCLK and (t in (BS_RADIOBUTTON, BS_AUTORADIOBUTTON, BS_OWNERDRAW,
                                                  BS_USERBUTTON) or w.style & BS_NOTIFY):
            notify(m, w, BN_DOUBLECLICKED)
            return 0
        set_capture(m, w)
        if wm.state(m).focus is not w:
            wm.set_focus(m, w)
        st.tracking = True
        mm.send(m, w, BM_SETSTATE, 1, 0)
        return 0
    if msg == mm.WM_MOUSEMOVE:
        if st.tracking and has_capture(m, w):
            x, y = point(lp)
            inside = 0 <= x < w.client_size[0] and 0 <= y < w.client_size[1]
            if bool(st.state & BST_PUSHED) != inside:
                mm.send(m, w, BM_SETSTATE, int(inside), 0)
        return 0
    if msg == mm.WM_LBUTTONUP:
        if not st.tracking:
            return 0
        st.tracking = False
        x, y = point(lp)
        inside = 0 <= x < w.client_size[0] and 0 <= y < w.client_size[1]
        mm.send(m, w, BM_SETSTATE, 0, 0)
        if inside:
            _click_release(m, w)
        elif has_capture(m, w):
            set_capture(m, None)
        return 0
    if msg == WM_CAPTURECHANGED:
        if st.tracking and not st.key_down:
            st.tracking = False
            _set_state(m, w, BST_PUSHED, False)
        return 0
    if msg == mm.WM_KEYDOWN:
        if wp == VK_SPACE and t != BS_GROUPBOX and not st.key_down:
            st.key_down = True
            st.tracking = True
            mm.send(m, w, BM_SETSTATE, 1, 0)
        return 0
    if msg == mm.WM_KEYUP:
        if wp == VK_SPACE and st.key_down:
            st.key_down = False
            st.tracking = False
            if st.state & BST_PUSHED:
                mm.send(m, w, BM_SETSTATE, 0, 0)
                _click_release(m, w)
        return 0
    if msg == mm.WM_CHAR or msg == mm.WM_SYSKEYUP:
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == mm.WM_SETFOCUS:
        _set_state(m, w, BST_FOCUS, True)
        if w.style & BS_NOTIFY:
            notify(m, w, BN_SETFOCUS)
        if t in (BS_RADIOBUTTON, BS_AUTORADIOBUTTON) and not has_capture(m, w) and not st.state & BST_CHECKED:
            notify(m, w, BN_CLICKED)  # focus moved by the arrow keys: the dialog manager checks it
        return 0
    if msg == mm.WM_KILLFOCUS:
        _set_state(m, w, BST_FOCUS, False)
        if st.tracking:
            st.tracking = st.key_down = False
            if has_capture(m, w):
                set_capture(m, None)
            _set_state(m, w, BST_PUSHED, False)
        if w.style & BS_NOTIFY:
            notify(m, w, BN_KILLFOCUS)
        return 0
    if msg == BM_GETCHECK:
        return st.state & 3
    if msg == BM_SETCHECK:
        v = min(wp, _MAX_CHECK.get(t, 0))
        if t in (BS_RADIOBUTTON, BS_AUTORADIOBUTTON):
            w.style = w.style | wm.WS_TABSTOP if v else w.style & ~wm.WS_TABSTOP
        if st.state & 3 != v:
            st.state = (st.state & ~3) | v
            redraw(m, w)
        if t == BS_AUTORADIOBUTTON and v == BST_CHECKED and w.is_child:
            _uncheck_group(m, w)
        return 0
    if msg == BM_GETSTATE:
        return st.state
    if msg == BM_SETSTATE:
        _set_state(m, w, BST_PUSHED, bool(wp))
        return 0
    if msg == BM_SETSTYLE:
        w.style = (w.style & ~BS_TYPEMASK) | (wp & BS_TYPEMASK)
        if lp & 0xFFFF:
            redraw(m, w)
        return 0
    if msg == BM_CLICK:
        if w.style & wm.WS_DISABLED:
            return 0
        mm.send(m, w, mm.WM_LBUTTONDOWN, 0, 0)
        mm.send(m, w, mm.WM_LBUTTONUP, 0, 0)
        return 0
    if msg == BM_GETIMAGE:
        return st.image if wp == st.image_type else 0
    if msg == BM_SETIMAGE:
        old = st.image
        st.image, st.image_type = lp, wp
        redraw(m, w)
        return old
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


# ---- painting -----------------------------------------------------------------------------------------
def _text_flags(w: Window, push: bool) -> int:
    s = w.style
    if push:
        h = DT_CENTER
    else:
        h = 0
    if s & BS_CENTER == BS_CENTER:
        h = DT_CENTER
    elif s & BS_LEFT:
        h = 0
    elif s & BS_RIGHT:
        h = DT_RIGHT
    if s & BS_MULTILINE:
        return h | DT_WORDBREAK
    v = DT_VCENTER
    if s & BS_VCENTER == BS_VCENTER:
        v = DT_VCENTER
    elif s & BS_TOP:
        v = 0
    elif s & BS_BOTTOM:
        v = DT_BOTTOM
    return h | v | DT_SINGLELINE


def _multiline_rect(dc: DC, w: Window, s: str, r: Rect, flags: int) -> Rect:
    """BS_MULTILINE text is centred vertically by measuring it."""
    from . import text
    if not flags & DT_WORDBREAK:
        return r
    h, _ = text.draw_text(dc, s, r, flags | DT_CALCRECT)
    v = w.style & BS_VCENTER
    if v == BS_TOP:
        return r
    if v == BS_BOTTOM:
        return (r[0], r[3] - h, r[2], r[3])
    top = r[1] + (r[3] - r[1] - h) // 2
    return (r[0], top, r[2], top + h)


def _draw_image(m: Machine, w: Window, dc: DC, r: Rect, offset: int) -> bool:
    """BS_BITMAP / BS_ICON: the image centred in ``r``; False when there is none to draw."""
    st = bstate(w)
    if not st.image:
        return False
    if st.image_type == IMAGE_ICON:
        from . import cursor
        draw_icon = getattr(cursor, "draw_icon", None)
        size = getattr(cursor, "icon_size", None)
        if draw_icon is None:
            return False
        iw, ih = size(m, st.image) if size is not None else (32, 32)
        draw_icon(dc, r[0] + (r[2] - r[0] - iw) // 2 + offset, r[1] + (r[3] - r[1] - ih) // 2 + offset, st.image)
        return True
    return draw_bitmap(m, dc, st.image, r, offset, center=True)


def draw_bitmap(m: Machine, dc: DC, hbm: int, r: Rect, offset: int = 0, center: bool = False) -> bool:
    """Copy bitmap ``hbm`` to the DC (centred in ``r`` or at its top-left) with BitBlt."""
    bm = gdiobj.table(m).get(hbm, gdiobj.Bitmap)
    if bm is None:
        return False
    try:
        from . import bitmap
    except ImportError:
        return False
    blt = getattr(bitmap, "BitBlt", None)
    if blt is None:
        return False
    from .dc import CreateCompatibleDC, DeleteDC, SelectObject
    mdc = CreateCompatibleDC(m, dc.handle)
    old = SelectObject(m, mdc, hbm)
    x, y = r[0], r[1]
    if center:
        x += (r[2] - r[0] - bm.width) // 2
        y += (r[3] - r[1] - bm.height) // 2
    blt(m, dc.handle, x + offset, y + offset, bm.width, bm.height, mdc, 0, 0, 0xCC0020)
    SelectObject(m, mdc, old)
    DeleteDC(m, mdc)
    return True


def paint_button(m: Machine, w: Window, dc: DC) -> None:
    """Draw the whole button in its current state."""
    t = btype(w)
    dc.font = font_obj(m, bstate(w).font)
    if t == BS_OWNERDRAW:
        _paint_ownerdraw(m, w, dc)
    elif t == BS_GROUPBOX:
        _paint_groupbox(m, w, dc)
    elif t in (BS_PUSHBUTTON, BS_DEFPUSHBUTTON, BS_USERBUTTON, BS_PUSHBOX) or w.style & BS_PUSHLIKE:
        _paint_push(m, w, dc)
    else:
        _paint_check(m, w, dc)


def _paint_ownerdraw(m: Machine, w: Window, dc: DC) -> None:
    st = bstate(w)
    ctl_brush(m, w, dc, mm.WM_CTLCOLORBTN)
    state = (ODS_SELECTED if st.state & BST_PUSHED else 0) | (ODS_FOCUS if st.state & BST_FOCUS else 0) \
        | (ODS_DISABLED if w.style & wm.WS_DISABLED else 0)
    send_drawitem(m, w, notify_target(w), ODT_BUTTON, w.id, 0, ODA_DRAWENTIRE, state, w.hwnd, dc,
                  w.client_rect(), 0)


def _paint_push(m: Machine, w: Window, dc: DC) -> None:
    st = bstate(w)
    t = btype(w)
    cw, ch = w.client_size
    r: Rect = (0, 0, cw, ch)
    b = ctl_brush(m, w, dc, mm.WM_CTLCOLORBTN)
    del b  # push buttons paint their own face (Windows ignores the brush too)
    pushed = bool(st.state & BST_PUSHED)
    checked = bool(st.state & 3) and bool(w.style & BS_PUSHLIKE)
    default = t == BS_DEFPUSHBUTTON
    black = px(m, COLOR_WINDOWFRAME)
    face = px(m, COLOR_BTNFACE)
    if default or w.style & BS_FLAT:
        nc.edge(dc, r, black, black)
        r = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
    if w.style & BS_FLAT:
        dc.fill_device(r, face)
        inner = r
    elif pushed and default:
        sh = px(m, COLOR_BTNSHADOW)
        nc.edge(dc, r, sh, sh)
        inner = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
        dc.fill_device(inner, face)
        inner = (inner[0] + 1, inner[1] + 1, inner[2] - 1, inner[3] - 1)
    elif pushed or checked:
        dc.fill_device(r, face)
        inner = nc.sunken(m, dc, r)
        if checked and not pushed and inner[2] > inner[0] and inner[3] > inner[1]:
            yy, xx = np.mgrid[inner[1]:inner[3], inner[0]:inner[2]]
            paint_mask(dc, inner[0], inner[1], ((xx + yy) & 1) == 0, px(m, COLOR_BTNHIGHLIGHT))
    else:
        dc.fill_device(r, face)
        inner = nc.raised(m, dc, r, outer=False)
    off = 1 if pushed or checked else 0
    disabled = bool(w.style & wm.WS_DISABLED)
    tr = (inner[0] + 1 + off, inner[1] + 1 + off, inner[2] - 1 + off, inner[3] - 1 + off)
    if w.style & (BS_BITMAP | BS_ICON) and _draw_image(m, w, dc, (inner[0], inner[1], inner[2], inner[3]), off):
        pass
    elif w.text:
        flags = _text_flags(w, True)
        rr = _multiline_rect(dc, w, w.text, tr, flags)
        draw_label(m, dc, w.text, rr, flags, disabled, syscolor.get(m, COLOR_BTNTEXT))
    if st.state & BST_FOCUS:
        focus_rect(dc, (inner[0] + 1, inner[1] + 1, inner[2] - 1, inner[3] - 1))


def _draw_checkbox(m: Machine, w: Window, dc: DC, x: int, y: int) -> None:
    st = bstate(w)
    n = CHECK_SIZE
    disabled = bool(w.style & wm.WS_DISABLED)
    pushed = bool(st.state & BST_PUSHED)
    chk = st.state & 3
    r = (x, y, x + n, y + n)
    if w.style & BS_FLAT:
        fr = px(m, COLOR_WINDOWFRAME)
        nc.edge(dc, r, fr, fr)
        inner = (x + 1, y + 1, x + n - 1, y + n - 1)
    else:
        inner = nc.sunken(m, dc, r)
    face = COLOR_BTNFACE if pushed or disabled or chk == BST_INDETERMINATE else COLOR_WINDOW
    dc.fill_device(inner, px(m, face))
    if chk:
        col = COLOR_BTNSHADOW if disabled or chk == BST_INDETERMINATE else COLOR_WINDOWTEXT
        paint_mask(dc, inner[0] + 1, inner[1] + 1, _CHECK, px(m, col))


def _draw_radio(m: Machine, w: Window, dc: DC, x: int, y: int) -> None:
    st = bstate(w)
    disabled = bool(w.style & wm.WS_DISABLED)
    pushed = bool(st.state & BST_PUSHED)
    if w.style & BS_FLAT:
        colors = {"S": COLOR_WINDOWFRAME, "K": COLOR_WINDOWFRAME, "H": COLOR_WINDOWFRAME, "L": COLOR_WINDOWFRAME}
    else:
        colors = {"S": COLOR_BTNSHADOW, "K": COLOR_3DDKSHADOW, "H": COLOR_BTNHIGHLIGHT, "L": COLOR_3DLIGHT}
    colors["w"] = COLOR_BTNFACE if pushed or disabled else COLOR_WINDOW
    for ch, idx in colors.items():
        paint_mask(dc, x, y, mask_from(_RADIO, ch), px(m, idx))
    if st.state & 3:
        paint_mask(dc, x + 4, y + 4, _RADIO_DOT, px(m, COLOR_BTNSHADOW if disabled else COLOR_WINDOWTEXT))


def _paint_check(m: Machine, w: Window, dc: DC) -> None:
    st = bstate(w)
    t = btype(w)
    cw, ch = w.client_size
    b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC)
    fill_brush(m, dc, (0, 0, cw, ch), b)
    text_color = dc.text_color
    radio = t in (BS_RADIOBUTTON, BS_AUTORADIOBUTTON)
    n = RADIO_SIZE if radio else CHECK_SIZE
    flags = _text_flags(w, False)
    v = w.style & BS_VCENTER
    if v == BS_TOP:
        by = 0
    elif v == BS_BOTTOM:
        by = ch - n
    else:
        by = (ch - n) // 2
    gap = 4
    if w.style & BS_LEFTTEXT:
        bx = cw - n
        tr = (0, 0, bx - gap, ch)
    else:
        bx = 0
        tr = (n + gap, 0, cw, ch)
    if radio:
        _draw_radio(m, w, dc, bx, by)
    else:
        _draw_checkbox(m, w, dc, bx, by)
    if w.style & (BS_BITMAP | BS_ICON) and _draw_image(m, w, dc, tr, 0):
        return
    if not w.text:
        return
    disabled = bool(w.style & wm.WS_DISABLED)
    rr = _multiline_rect(dc, w, w.text, tr, flags)
    lr = draw_label(m, dc, w.text, rr, flags, disabled, text_color)
    if st.state & BST_FOCUS:
        fr = (lr[0] - 1, lr[1], lr[2] + 1, lr[3] + 1)
        focus_rect(dc, (max(fr[0], tr[0] - 1), max(fr[1], 0), min(fr[2], cw), min(fr[3], ch)))


def _paint_groupbox(m: Machine, w: Window, dc: DC) -> None:
    cw, ch = w.client_size
    b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC)
    text_color = dc.text_color
    from . import text
    th = text.metrics(dc).height
    top = th // 2 - 1 if w.text else 0
    if w.style & BS_FLAT:
        fr = px(m, COLOR_WINDOWFRAME)
        nc.edge(dc, (0, top, cw, ch), fr, fr)
    else:
        etched(m, dc, (0, top, cw, ch))
    if not w.text:
        return
    flags = DT_SINGLELINE | (DT_CENTER if w.style & BS_CENTER == BS_CENTER else DT_RIGHT if w.style & BS_RIGHT else 0)
    tr = (8, 0, cw - 8, th)
    lr = label_rect(dc, w.text, tr, flags)
    fill_brush(m, dc, (lr[0] - 1, 0, min(lr[2] + 1, cw - 2), th), b)
    draw_label(m, dc, w.text, tr, flags, bool(w.style & wm.WS_DISABLED), text_color)
