"""The Static control class: text (left, centred, right, simple, no-wrap), icons and bitmaps, filled and
framed rectangles, etched lines and frames, owner-drawn statics; transparent to the mouse unless SS_NOTIFY.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import defwnd
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .controls_button import (
    COLOR_3DDKSHADOW,
    COLOR_BTNHIGHLIGHT,
    COLOR_BTNSHADOW,
    DLGC_STATIC,
    DT_CENTER,
    DT_EXPANDTABS,
    DT_NOPREFIX,
    DT_RIGHT,
    DT_SINGLELINE,
    DT_VCENTER,
    DT_WORDBREAK,
    ODA_DRAWENTIRE,
    ODS_DISABLED,
    ODT_STATIC,
    WM_PRINTCLIENT,
    Painting,
    ctl_brush,
    draw_bitmap,
    draw_label,
    etched,
    fill_brush,
    font_obj,
    notify,
    notify_target,
    px,
    redraw,
    send_drawitem,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window

SS_LEFT, SS_CENTER, SS_RIGHT, SS_ICON, SS_BLACKRECT, SS_GRAYRECT, SS_WHITERECT = 0, 1, 2, 3, 4, 5, 6
SS_BLACKFRAME, SS_GRAYFRAME, SS_WHITEFRAME, SS_USERITEM, SS_SIMPLE, SS_LEFTNOWORDWRAP = 7, 8, 9, 10, 11, 12
SS_OWNERDRAW, SS_BITMAP, SS_ENHMETAFILE, SS_ETCHEDHORZ, SS_ETCHEDVERT, SS_ETCHEDFRAME = 13, 14, 15, 16, 17, 18
SS_TYPEMASK = 0x1F
SS_NOPREFIX, SS_NOTIFY, SS_CENTERIMAGE = 0x80, 0x100, 0x200
SS_RIGHTJUST, SS_REALSIZEIMAGE, SS_SUNKEN = 0x400, 0x800, 0x1000
SS_ENDELLIPSIS, SS_PATHELLIPSIS, SS_WORDELLIPSIS = 0x4000, 0x8000, 0xC000
STM_SETICON, STM_GETICON, STM_SETIMAGE, STM_GETIMAGE = 0x170, 0x171, 0x172, 0x173
STN_CLICKED, STN_DBLCLK, STN_ENABLE, STN_DISABLE = 0, 1, 2, 3
IMAGE_BITMAP, IMAGE_ICON, IMAGE_CURSOR, IMAGE_ENHMETAFILE = 0, 1, 2, 3


@dataclass
class StaticState:
    font: int = 0
    image: int = 0  # HICON / HBITMAP shown by SS_ICON / SS_BITMAP


def sstate(w: Window) -> StaticState:
    if not isinstance(w.data, StaticState):
        w.data = StaticState()
    return w.data


def stype(w: Window) -> int:
    return w.style & SS_TYPEMASK


def _image_type(t: int) -> int:
    return {SS_ICON: IMAGE_ICON, SS_BITMAP: IMAGE_BITMAP}.get(t, -1)


def _fit_to_image(m: Machine, w: Window) -> None:
    """SS_ICON / SS_BITMAP statics take the size of their image (unless centring it)."""
    if w.style & SS_CENTERIMAGE:
        return
    size = _image_size(m, w)
    if size is None:
        return
    iw, ih = size
    fl, ft, fr, fb = nc.client_frame(m, w)
    r = w.rect
    wm.move_window(m, w, (r[0], r[1], r[0] + iw + fl + fr, r[1] + ih + ft + fb),
                   wm.SWP_NOMOVE | wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)


def _image_size(m: Machine, w: Window) -> tuple[int, int] | None:
    st = sstate(w)
    if not st.image:
        return None
    if stype(w) == SS_ICON:
        from . import cursor
        size = getattr(cursor, "icon_size", None)
        return size(m, st.image) if size is not None else (32, 32)
    from . import gdiobj
    bm = gdiobj.table(m).get(st.image, gdiobj.Bitmap)
    return (bm.width, bm.height) if bm is not None else None


def _load_image(m: Machine, w: Window) -> None:
    """SS_ICON / SS_BITMAP: the window text names the resource (or "#n" / an ordinal) in the instance."""
    t = stype(w)
    if t not in (SS_ICON, SS_BITMAP) or not w.text:
        return
    name: str | int = w.text
    if name.startswith("#") and name[1:].isdigit():
        name = int(name[1:])
    st = sstate(w)
    if t == SS_ICON:
        from . import cursor
        load = getattr(cursor, "load_icon", None)
        if load is not None:
            st.image = int(load(m, w.hinstance, name) or 0)
    else:
        try:
            from . import bitmap
        except ImportError:
            return
        load_bm = getattr(bitmap, "load_image_bitmap", None)
        if load_bm is not None:
            st.image = int(load_bm(m, w.hinstance, name, 0, 0, 0) or 0)


@defwnd.builtin_class("Static", style=wm.CS_DBLCLKS | wm.CS_PARENTDC)
def static_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The Static window procedure."""
    st = sstate(w)
    t = stype(w)
    if msg == mm.WM_NCCREATE:
        r = defwnd.default_proc(m, w, msg, wp, lp, unicode)
        if lp and t in (SS_ICON, SS_BITMAP):
            name = m.mem.u32(lp + 36)
            if 0 < name < 0x10000:
                w.text = f"#{name}"
            elif name:
                raw = m.mem.read(name, 4)
                if raw[:2] == b"\xff\xff":  # a resource ordinal (dialog templates pass 0xFFFF, id)
                    w.text = f"#{raw[2] | (raw[3] << 8)}"
        if w.style & SS_SUNKEN and not w.exstyle & wm.WS_EX_STATICEDGE:
            w.exstyle |= wm.WS_EX_STATICEDGE
            wm.set_geometry(m, w, w.rect)
        return r
    if msg == mm.WM_CREATE:
        if t in (SS_ICON, SS_BITMAP):
            _load_image(m, w)
            _fit_to_image(m, w)
        return 0
    if msg == mm.WM_NCHITTEST:
        if not w.style & SS_NOTIFY:
            return nc.HTTRANSPARENT & 0xFFFFFFFF
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, WM_PRINTCLIENT):
        with Painting(m, w, wp) as dc:
            if dc is not None:
                paint_static(m, w, dc)
        return 0
    if msg == mm.WM_GETDLGCODE:
        return DLGC_STATIC
    if msg == mm.WM_SETFONT:
        st.font = wp
        if lp & 0xFFFF:
            redraw(m, w)
        return 0
    if msg == mm.WM_GETFONT:
        return st.font
    if msg == mm.WM_SETTEXT:
        r = defwnd.default_proc(m, w, msg, wp, lp, unicode)
        if t in (SS_ICON, SS_BITMAP):
            _load_image(m, w)
            _fit_to_image(m, w)
        redraw(m, w)
        return r
    if msg == mm.WM_ENABLE:
        if w.style & SS_NOTIFY:
            notify(m, w, STN_ENABLE if wp else STN_DISABLE)
        redraw(m, w)
        return 0
    if msg == mm.WM_LBUTTONDOWN:
        if w.style & SS_NOTIFY:
            notify(m, w, STN_CLICKED)
        return 0
    if msg == mm.WM_LBUTTONDBLCLK:
        if w.style & SS_NOTIFY:
            notify(m, w, STN_DBLCLK)
        return 0
    if msg == STM_GETICON:
        return st.image if t == SS_ICON else 0
    if msg == STM_SETICON:
        if t != SS_ICON:
            return 0
        old, st.image = st.image, wp
        _fit_to_image(m, w)
        redraw(m, w)
        return old
    if msg == STM_GETIMAGE:
        return st.image if wp == _image_type(t) else 0
    if msg == STM_SETIMAGE:
        if wp != _image_type(t):
            return 0
        old, st.image = st.image, lp
        _fit_to_image(m, w)
        redraw(m, w)
        return old
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _text_flags(w: Window) -> int:
    s = w.style
    t = stype(w)
    if t == SS_CENTER:
        f = DT_CENTER | DT_EXPANDTABS | DT_WORDBREAK
    elif t == SS_RIGHT:
        f = DT_RIGHT | DT_EXPANDTABS | DT_WORDBREAK
    elif t == SS_SIMPLE:
        f = DT_SINGLELINE
    elif t == SS_LEFTNOWORDWRAP:
        f = DT_EXPANDTABS
    else:
        f = DT_EXPANDTABS | DT_WORDBREAK
    if s & SS_NOPREFIX:
        f |= DT_NOPREFIX
    if s & SS_CENTERIMAGE:
        f = (f & ~DT_WORDBREAK) | DT_SINGLELINE | DT_VCENTER
    ell = s & SS_WORDELLIPSIS
    if ell:
        f = (f & ~DT_WORDBREAK) | {SS_ENDELLIPSIS: 0x8000, SS_PATHELLIPSIS: 0x4000, SS_WORDELLIPSIS: 0x40000}[ell]
        f |= DT_SINGLELINE
    return f


def paint_static(m: Machine, w: Window, dc: DC) -> None:
    """Draw the static control in its style."""
    t = stype(w)
    st = sstate(w)
    cw, ch = w.client_size
    r = (0, 0, cw, ch)
    dc.font = font_obj(m, st.font)
    disabled = bool(w.style & wm.WS_DISABLED)
    if t in (SS_LEFT, SS_CENTER, SS_RIGHT, SS_SIMPLE, SS_LEFTNOWORDWRAP):
        b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC)
        color = dc.text_color
        fill_brush(m, dc, r, b)
        if w.text:  # SS_SIMPLE text is not grayed when disabled
            draw_label(m, dc, w.text, r, _text_flags(w), disabled and t != SS_SIMPLE, color)
        return
    if t in (SS_BLACKRECT, SS_GRAYRECT, SS_WHITERECT):
        idx = {SS_BLACKRECT: COLOR_3DDKSHADOW, SS_GRAYRECT: COLOR_BTNSHADOW, SS_WHITERECT: COLOR_BTNHIGHLIGHT}[t]
        dc.fill_device(r, px(m, idx))
        return
    if t in (SS_BLACKFRAME, SS_GRAYFRAME, SS_WHITEFRAME):
        idx = {SS_BLACKFRAME: COLOR_3DDKSHADOW, SS_GRAYFRAME: COLOR_BTNSHADOW, SS_WHITEFRAME: COLOR_BTNHIGHLIGHT}[t]
        c = px(m, idx)
        nc.edge(dc, r, c, c)
        return
    if t in (SS_ETCHEDHORZ, SS_ETCHEDVERT, SS_ETCHEDFRAME):
        sides = {SS_ETCHEDHORZ: "tb", SS_ETCHEDVERT: "lr", SS_ETCHEDFRAME: "ltrb"}[t]
        etched(m, dc, r, sides)
        return
    if t == SS_OWNERDRAW:
        ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC)
        send_drawitem(m, w, notify_target(w), ODT_STATIC, w.id, 0, ODA_DRAWENTIRE,
                      ODS_DISABLED if disabled else 0, w.hwnd, dc, r, 0)
        return
    if t in (SS_ICON, SS_BITMAP):
        b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC)
        fill_brush(m, dc, r, b)
        if not st.image:
            return
        center = bool(w.style & SS_CENTERIMAGE)
        if t == SS_BITMAP:
            draw_bitmap(m, dc, st.image, r, 0, center=center)
            return
        from . import cursor
        draw_icon = getattr(cursor, "draw_icon", None)
        if draw_icon is None:
            return
        x = y = 0
        if center:
            iw, ih = _image_size(m, w) or (32, 32)
            x, y = (cw - iw) // 2, (ch - ih) // 2
        draw_icon(dc, x, y, st.image)
        return
    # SS_USERITEM, SS_ENHMETAFILE: the background only
    fill_brush(m, dc, r, ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC))
