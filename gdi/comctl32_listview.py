"""comctl32 list view (SysListView32): report, list, small-icon and icon views.

Items hold per-column texts (or LPSTR_TEXTCALLBACK: asked from the parent with LVN_GETDISPINFO), an image
index, state bits and a program value; LVS_OWNERDATA lists keep only states and ask for everything else.
The report view draws its column header itself (a row of raised buttons; there is no separate header
window, so LVM_GETHEADER answers NULL), then one row per item: icon from the small image list, label
highlighted when selected, sub-item texts in their columns, optional grid lines and check boxes. The list
view arranges items top to bottom in columns; the icon views in a grid. Scroll bars appear when the items do
not fit. Mouse and keyboard select and focus items and send the usual notifications (LVN_ITEMCHANGING/
CHANGED, LVN_INSERTITEM, LVN_DELETEITEM, LVN_COLUMNCLICK, LVN_KEYDOWN, NM_CLICK, NM_DBLCLK, NM_RETURN...).

The code is split into ``comctl32_listview_model`` (messages and flags, the item and column model, metrics,
item data), ``comctl32_listview_view`` (scrolling, hit testing, painting, input) and this module (LVITEM /
LVCOLUMN transfer and the window procedure).
"""
from __future__ import annotations

import functools
import struct
from typing import TYPE_CHECKING

from . import comctl32_common as cc
from . import comctl32_imagelist as iml
from . import defwnd, syscolor
from . import message as mm
from . import window as wm
from .comctl32_listview_model import (
    CALLBACK, Column, DLGC_WANTARROWS, DLGC_WANTCHARS, ICON_SPACING, Item, LISTVIEW_CLASS, LV, LVCF_FMT, LVCF_IMAGE,
    LVCF_ORDER, LVCF_SUBITEM, LVCF_TEXT, LVCF_WIDTH, LVFI_PARAM, LVFI_PARTIAL, LVFI_STRING, LVFI_WRAP, LVIF_IMAGE,
    LVIF_INDENT, LVIF_PARAM, LVIF_STATE, LVIF_TEXT, LVIR_BOUNDS, LVIR_ICON, LVIS_FOCUSED, LVIS_SELECTED,
    LVIS_STATEIMAGEMASK, LVM_ARRANGE, LVM_DELETEALLITEMS, LVM_DELETECOLUMN, LVM_DELETEITEM, LVM_ENSUREVISIBLE,
    LVM_FINDITEMA, LVM_FINDITEMW, LVM_GETBKCOLOR, LVM_GETCALLBACKMASK, LVM_GETCOLUMNA, LVM_GETCOLUMNORDERARRAY,
    LVM_GETCOLUMNW, LVM_GETCOLUMNWIDTH, LVM_GETCOUNTPERPAGE, LVM_GETEXTENDEDLISTVIEWSTYLE, LVM_GETHEADER,
    LVM_GETIMAGELIST, LVM_GETITEMA, LVM_GETITEMCOUNT, LVM_GETITEMPOSITION, LVM_GETITEMRECT, LVM_GETITEMSPACING,
    LVM_GETITEMSTATE, LVM_GETITEMTEXTA, LVM_GETITEMTEXTW, LVM_GETITEMW, LVM_GETNEXTITEM, LVM_GETORIGIN,
    LVM_GETSELECTEDCOUNT, LVM_GETSELECTIONMARK, LVM_GETSTRINGWIDTHA, LVM_GETSTRINGWIDTHW, LVM_GETSUBITEMRECT,
    LVM_GETTEXTBKCOLOR, LVM_GETTEXTCOLOR, LVM_GETTOPINDEX, LVM_GETVIEWRECT, LVM_HITTEST, LVM_INSERTCOLUMNA,
    LVM_INSERTCOLUMNW, LVM_INSERTITEMA, LVM_INSERTITEMW, LVM_REDRAWITEMS, LVM_SCROLL, LVM_SETBKCOLOR,
    LVM_SETCALLBACKMASK, LVM_SETCOLUMNA, LVM_SETCOLUMNORDERARRAY, LVM_SETCOLUMNW, LVM_SETCOLUMNWIDTH,
    LVM_SETEXTENDEDLISTVIEWSTYLE, LVM_SETICONSPACING, LVM_SETIMAGELIST, LVM_SETITEMA, LVM_SETITEMCOUNT,
    LVM_SETITEMSTATE, LVM_SETITEMTEXTA, LVM_SETITEMTEXTW, LVM_SETITEMW, LVM_SETSELECTIONMARK, LVM_SETTEXTBKCOLOR,
    LVM_SETTEXTCOLOR, LVM_SORTITEMS, LVM_SUBITEMHITTEST, LVM_UPDATE, LVNI_ABOVE, LVNI_BELOW, LVNI_TOLEFT,
    LVNI_TORIGHT, LVN_DELETEALLITEMS, LVN_DELETEITEM, LVN_INSERTITEM, LVN_ITEMACTIVATE, LVN_KEYDOWN,
    LVSCW_AUTOSIZE_USEHEADER, LVS_EX_CHECKBOXES, LVS_ICON, LVS_LIST, LVS_OWNERDATA, LVS_REPORT, LVS_SHAREIMAGELISTS,
    LVS_SINGLESEL, LVS_SMALLICON, LVS_SORTASCENDING, LVS_SORTDESCENDING, _count, _display_order, _grid,
    _indices_with, _invalidate_item, _list_col_w, _lv, _nmlistview, _param, _rows_visible, _small, _state_w,
    _text_width, _view, col_x, get_image, get_state, get_text, header_h, item_origin, item_parts, row_h, set_state,
)
from .comctl32_listview_view import (
    _changed_layout, _click, _content, _key, _scroll_msg, _update_scroll, ensure_visible, hit_test, paint,
)
# Re-exported for comdlg32_file (``lvmod.NAME``).
from .comctl32_listview_model import LVN_ITEMCHANGED, LVS_SHOWSELALWAYS, LVS_TYPEMASK, LVSIL_SMALL  # noqa: F401

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


# ---- LVITEM / LVCOLUMN -------------------------------------------------------------------------------------
def _read_item(m: "Machine", p: int) -> tuple[int, int, int, int, int, int, int, int, int, int]:
    """(mask, iItem, iSubItem, state, stateMask, pszText, cchTextMax, iImage, lParam, iIndent)."""
    mask = m.mem.u32(p)
    vals = list(m.mem.unpack("<IiiIIIiiI", p))
    indent = m.mem.unpack("<i", p + 36)[0] if mask & LVIF_INDENT else 0
    return (*vals, indent)  # type: ignore[return-value]


def _apply_item(m: "Machine", w: "Window", lv: LV, it: Item, p: int, unicode: bool, sub: int) -> None:
    mask, _i, _s, state, smask, ptext, _n, image, param, indent = _read_item(m, p)
    if mask & LVIF_TEXT:
        t = None if ptext == cc.LPSTR_TEXTCALLBACK else cc.read_text(m, ptext, unicode)
        while len(it.texts) <= sub:
            it.texts.append("")
        it.texts[sub] = t
    if sub == 0:
        if mask & LVIF_IMAGE:
            it.image = image
        if mask & LVIF_PARAM:
            it.param = param
        if mask & LVIF_INDENT:
            it.indent = indent
        if mask & LVIF_STATE:
            it.state = (it.state & ~smask) | (state & smask)


def insert_item(m: "Machine", w: "Window", lv: LV, p: int, unicode: bool) -> int:
    if not p or w.style & LVS_OWNERDATA:
        return -1
    _mask, i, sub, *_ = _read_item(m, p)
    if sub != 0:
        return -1
    it = Item()
    _apply_item(m, w, lv, it, p, unicode, 0)
    if lv.ex_style & LVS_EX_CHECKBOXES and not it.state & LVIS_STATEIMAGEMASK:
        it.state |= 0x1000
    n = len(lv.items)
    i = n if i < 0 or i > n else i
    if w.style & (LVS_SORTASCENDING | LVS_SORTDESCENDING) and it.texts[0] is not CALLBACK:
        key = (it.texts[0] or "").lower()
        desc = bool(w.style & LVS_SORTDESCENDING)
        i = 0
        while i < n:
            other = (lv.items[i].texts[0] or "").lower()
            if (other > key) if not desc else (other < key):
                break
            i += 1
    lv.items.insert(i, it)
    if lv.mark >= i:
        lv.mark += 1
    if w.style & LVS_SINGLESEL and it.state & LVIS_SELECTED:
        for j, o in enumerate(lv.items):
            if j != i:
                o.state &= ~LVIS_SELECTED
    if it.state & LVIS_FOCUSED:
        for j, o in enumerate(lv.items):
            if j != i:
                o.state &= ~LVIS_FOCUSED
    cc.notify(m, w, LVN_INSERTITEM, _nmlistview(i, 0, 0, 0, 0, it.param))
    _changed_layout(m, w, lv)
    return i


def delete_item(m: "Machine", w: "Window", lv: LV, i: int) -> bool:
    if w.style & LVS_OWNERDATA:
        if not 0 <= i < lv.virtual_count:
            return False
        cc.notify(m, w, LVN_DELETEITEM, _nmlistview(i, 0, 0, 0, 0, 0))
        lv.virtual_count -= 1
        lv.virtual_states = {(k - 1 if k > i else k): s for k, s in lv.virtual_states.items() if k != i}
        _changed_layout(m, w, lv)
        return True
    if not 0 <= i < len(lv.items):
        return False
    cc.notify(m, w, LVN_DELETEITEM, _nmlistview(i, 0, 0, 0, 0, lv.items[i].param))
    if not 0 <= i < len(lv.items):
        return True
    del lv.items[i]
    if lv.mark == i:
        lv.mark = -1
    elif lv.mark > i:
        lv.mark -= 1
    _changed_layout(m, w, lv)
    return True


def delete_all(m: "Machine", w: "Window", lv: LV) -> bool:
    n = _count(w, lv)
    if n and not cc.notify(m, w, LVN_DELETEALLITEMS, _nmlistview(-1, 0, 0, 0, 0, 0)):
        for i in range(n):
            cc.notify(m, w, LVN_DELETEITEM, _nmlistview(i, 0, 0, 0, 0, _param(w, lv, i)))
    lv.items.clear()
    lv.virtual_count = 0
    lv.virtual_states.clear()
    lv.top = 0
    lv.mark = -1
    _changed_layout(m, w, lv)
    return True


def _get_item(m: "Machine", w: "Window", lv: LV, p: int, unicode: bool) -> int:
    mask, i, sub, _st, smask, ptext, n, *_rest = _read_item(m, p)
    if not 0 <= i < _count(w, lv):
        return 0
    if mask & LVIF_TEXT and ptext and n > 0:
        cc.write_text(m, ptext, n, get_text(m, w, lv, i, sub), unicode)
    if mask & LVIF_IMAGE:
        m.mem.pack("<i", p + 28, get_image(m, w, lv, i) if sub == 0 else 0)
    if mask & LVIF_PARAM:
        m.mem.w32(p + 32, _param(w, lv, i))
    if mask & LVIF_STATE:
        m.mem.w32(p + 12, get_state(w, lv, i) & smask)
    if mask & LVIF_INDENT:
        m.mem.pack("<i", p + 36, lv.items[i].indent if i < len(lv.items) else 0)
    return 1


def _set_item(m: "Machine", w: "Window", lv: LV, p: int, unicode: bool) -> int:
    mask, i, sub, state, smask, *_ = _read_item(m, p)
    if not 0 <= i < _count(w, lv):
        return 0
    if w.style & LVS_OWNERDATA:
        if mask & LVIF_STATE:
            set_state(m, w, lv, i, state, smask)
        return 1
    it = lv.items[i]
    if mask & LVIF_STATE and sub == 0:
        set_state(m, w, lv, i, state, smask)
        mask &= ~LVIF_STATE
    saved = it.state
    _apply_item(m, w, lv, it, p, unicode, sub)
    it.state = saved
    _invalidate_item(m, w, lv, i)
    return 1


def _read_column(m: "Machine", p: int, unicode: bool, col: Column) -> None:
    mask, fmt, cx, ptext, _n, _sub = m.mem.unpack("<IiiIii", p)
    if mask & LVCF_FMT:
        col.fmt = fmt
    if mask & LVCF_WIDTH:
        col.width = max(0, cx)
    if mask & LVCF_TEXT:
        col.text = cc.read_text(m, ptext, unicode)
    if mask & LVCF_IMAGE:
        col.image = m.mem.unpack("<i", p + 24)[0]
    if mask & LVCF_ORDER:
        col.order = m.mem.unpack("<i", p + 28)[0]


def _write_column(m: "Machine", p: int, unicode: bool, col: Column, idx: int) -> None:
    mask, _fmt, _cx, ptext, n, _sub = m.mem.unpack("<IiiIii", p)
    if mask & LVCF_FMT:
        m.mem.pack("<i", p + 4, col.fmt)
    if mask & LVCF_WIDTH:
        m.mem.pack("<i", p + 8, col.width)
    if mask & LVCF_TEXT and ptext and n > 0:
        cc.write_text(m, ptext, n, col.text, unicode)
    if mask & LVCF_SUBITEM:
        m.mem.pack("<i", p + 20, idx)
    if mask & LVCF_IMAGE:
        m.mem.pack("<i", p + 24, col.image)
    if mask & LVCF_ORDER:
        m.mem.pack("<i", p + 28, col.order)


def _autosize(m: "Machine", w: "Window", lv: LV, c: int, use_header: bool) -> int:
    widest = 0
    for i in range(_count(w, lv)):
        widest = max(widest, _text_width(m, lv, get_text(m, w, lv, i, c)))
    pad = 12
    if c == 0:
        sm = _small(m, lv)
        pad += (sm.cx + 2 if sm is not None else 0) + _state_w(m, lv)
    width = widest + pad
    if use_header and c < len(lv.cols):
        width = max(width, _text_width(m, lv, lv.cols[c].text) + 12)
        if c == len(lv.cols) - 1:  # the last column fills the rest of the client area
            others = sum(x.width for k, x in enumerate(lv.cols) if k != c)
            width = max(width, w.client_size[0] - others)
    return width


# ---- the window procedure -------------------------------------------------------------------------------------
def _sort(m: "Machine", w: "Window", lv: LV, param: int, fn: int) -> int:
    if not fn or w.style & LVS_OWNERDATA:
        return 0

    def cmp(a: Item, b: Item) -> int:
        return cc.s32(m.call(fn, a.param, b.param, param))
    lv.items.sort(key=functools.cmp_to_key(cmp))
    wm.invalidate(m, w, None, True)
    return 1


def _find(m: "Machine", w: "Window", lv: LV, start: int, p: int, unicode: bool) -> int:
    flags, ptext, param = m.mem.unpack("<IIi", p)
    s = cc.read_text(m, ptext, unicode).lower() if flags & (LVFI_STRING | LVFI_PARTIAL) else ""
    n = _count(w, lv)
    order = list(range(start + 1, n)) + (list(range(start + 1)) if flags & LVFI_WRAP else [])
    for i in order:
        if flags & LVFI_PARAM:
            if _param(w, lv, i) == param & 0xFFFFFFFF:
                return i
        elif flags & (LVFI_STRING | LVFI_PARTIAL):
            t = get_text(m, w, lv, i, 0).lower()
            if (t.startswith(s) if flags & LVFI_PARTIAL else t == s):
                return i
    return -1


def _next(m: "Machine", w: "Window", lv: LV, start: int, flags: int) -> int:
    n = _count(w, lv)
    want = flags & 0xFF
    geom = flags & 0xF00
    if geom:
        if not 0 <= start < n:
            return -1
        v = _view(w)
        rows = _rows_visible(m, w, lv)
        step = {LVNI_ABOVE: -1, LVNI_BELOW: 1, LVNI_TOLEFT: -rows if v == LVS_LIST else -1,
                LVNI_TORIGHT: rows if v == LVS_LIST else 1}
        if v in (LVS_ICON, LVS_SMALLICON):
            per = _grid(m, w, lv)[2]
            step = {LVNI_ABOVE: -per, LVNI_BELOW: per, LVNI_TOLEFT: -1, LVNI_TORIGHT: 1}
        if v == LVS_REPORT and geom in (LVNI_TOLEFT, LVNI_TORIGHT):
            return -1
        d = step.get(geom, 0)
        i = start + d
        while 0 <= i < n:
            if (get_state(w, lv, i) & want) == want:
                return i
            i += d
        return -1
    for i in range(start + 1, n):
        if (get_state(w, lv, i) & want) == want:
            return i
    return -1


def _rect_of(m: "Machine", w: "Window", lv: LV, i: int, code: int) -> tuple[int, int, int, int] | None:
    if not 0 <= i < _count(w, lv):
        return None
    parts = item_parts(m, w, lv, i)
    return parts.get(code, parts[LVIR_BOUNDS])


def _subitem_rect(m: "Machine", w: "Window", lv: LV, i: int, sub: int, code: int) -> tuple[int, int, int, int] | None:
    if _view(w) != LVS_REPORT or not 0 <= i < _count(w, lv) or not 0 <= sub < max(len(lv.cols), 1):
        return None
    if sub == 0:
        r = _rect_of(m, w, lv, i, code)
        if r is not None and code == LVIR_BOUNDS and lv.cols:
            r = (r[0], r[1], col_x(lv, 0)[1] - lv.xoff, r[3])
        return r
    b = item_origin(m, w, lv, i)
    l, r = col_x(lv, sub)
    if code == LVIR_ICON:
        return (l - lv.xoff, b[1], l - lv.xoff, b[3])
    return (l - lv.xoff, b[1], r - lv.xoff, b[3])


@defwnd.builtin_class(LISTVIEW_CLASS, style=wm.CS_DBLCLKS | wm.CS_GLOBALCLASS)
def listview_proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The list view window procedure."""
    lv = _lv(w)
    r = _lv_message(m, w, lv, msg, wp, lp, unicode)
    return defwnd.default_proc(m, w, msg, wp, lp, unicode) if r is None else r & 0xFFFFFFFF


def _lv_message(m: "Machine", w: "Window", lv: LV, msg: int, wp: int, lp: int, unicode: bool) -> int | None:
    if msg in (mm.WM_PAINT, cc.WM_PRINTCLIENT):
        with cc.painting(m, w, wp) as dc:
            if dc is not None:
                paint(m, w, dc)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg == mm.WM_CREATE:
        lv.unicode = w.unicode
        _update_scroll(m, w, lv)
        return 0
    if msg == mm.WM_SIZE:
        _changed_layout(m, w, lv)
        return 0
    if msg == mm.WM_STYLECHANGED:
        lv.top = lv.xoff = 0
        _changed_layout(m, w, lv)
        return 0
    if msg == mm.WM_SETFONT:
        lv.font = wp
        _changed_layout(m, w, lv)
        return 0
    if msg == mm.WM_GETFONT:
        return lv.font
    if msg == mm.WM_GETDLGCODE:
        return DLGC_WANTARROWS | DLGC_WANTCHARS
    if msg == mm.WM_SETFOCUS:
        lv.focused = True
        wm.invalidate(m, w, None, True)
        cc.notify(m, w, cc.NM_SETFOCUS)
        return 0
    if msg == mm.WM_KILLFOCUS:
        lv.focused = False
        wm.invalidate(m, w, None, True)
        cc.notify(m, w, cc.NM_KILLFOCUS)
        return 0
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_RBUTTONDOWN):
        wm.set_focus(m, w)
        x, y = cc.lparam_xy(lp)
        _click(m, w, lv, x, y, msg == mm.WM_RBUTTONDOWN)
        lv.pressed = True
        return 0
    if msg in (mm.WM_LBUTTONUP, 0x205):  # WM_RBUTTONUP
        if lv.pressed:
            lv.pressed = False
            x, y = cc.lparam_xy(lp)
            i, sub, _f = hit_test(m, w, lv, x, y)
            code = cc.NM_CLICK if msg == mm.WM_LBUTTONUP else cc.NM_RCLICK
            cc.notify(m, w, code, struct.pack("<iiIIIiiIII", i, sub, 0, 0, 0, x, y, 0, 0, 0))  # NMITEMACTIVATE
        return 0
    if msg == mm.WM_LBUTTONDBLCLK:
        x, y = cc.lparam_xy(lp)
        i, sub, _f = hit_test(m, w, lv, x, y)
        nm = struct.pack("<iiIIIiiIII", i, sub, 0, 0, 0, x, y, 0, 0, 0)
        cc.notify(m, w, cc.NM_DBLCLK, nm)
        if i >= 0:
            cc.notify(m, w, LVN_ITEMACTIVATE, nm)
        return 0
    if msg == mm.WM_KEYDOWN:
        cc.notify(m, w, LVN_KEYDOWN, struct.pack("<HxxI", wp & 0xFFFF, 0))
        _key(m, w, lv, wp)
        return 0
    if msg == mm.WM_CHAR:
        return 0
    if msg in (mm.WM_VSCROLL, mm.WM_HSCROLL):
        _scroll_msg(m, w, lv, 1 if msg == mm.WM_VSCROLL else 0, wp & 0xFFFF, (wp >> 16) & 0xFFFF)
        return 0
    if msg == mm.WM_MOUSEWHEEL:
        delta = cc.s16(wp >> 16)
        if _view(w) == LVS_LIST:
            lv.top = max(0, lv.top - delta // 120)
        else:
            lv.top = max(0, lv.top - 3 * delta // 120)
        _changed_layout(m, w, lv)
        return 0
    if msg == mm.WM_NCDESTROY:
        delete_all(m, w, lv)
        if not w.style & LVS_SHAREIMAGELISTS:
            for h in lv.images.values():
                iml.ImageList_Destroy(m, h)
        lv.images.clear()
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    return _lvm(m, w, lv, msg, wp, lp)


def _lvm(m: "Machine", w: "Window", lv: LV, msg: int, wp: int, lp: int) -> int | None:
    u = msg in (LVM_GETITEMW, LVM_SETITEMW, LVM_INSERTITEMW, LVM_FINDITEMW, LVM_GETSTRINGWIDTHW, LVM_GETCOLUMNW,
                LVM_SETCOLUMNW, LVM_INSERTCOLUMNW, LVM_GETITEMTEXTW, LVM_SETITEMTEXTW)
    iw = cc.s32(wp)
    if msg == LVM_GETITEMCOUNT:
        return _count(w, lv)
    if msg in (LVM_INSERTITEMA, LVM_INSERTITEMW):
        return insert_item(m, w, lv, lp, u) & 0xFFFFFFFF
    if msg in (LVM_SETITEMA, LVM_SETITEMW):
        return _set_item(m, w, lv, lp, u) if lp else 0
    if msg in (LVM_GETITEMA, LVM_GETITEMW):
        return _get_item(m, w, lv, lp, u) if lp else 0
    if msg == LVM_DELETEITEM:
        return int(delete_item(m, w, lv, iw))
    if msg == LVM_DELETEALLITEMS:
        return int(delete_all(m, w, lv))
    if msg in (LVM_GETITEMTEXTA, LVM_GETITEMTEXTW):
        if not lp or not 0 <= iw < _count(w, lv):
            return 0
        sub, ptext, n = m.mem.unpack("<i8xIi", lp + 8)
        return cc.write_text(m, ptext, n, get_text(m, w, lv, iw, sub), u) if ptext and n > 0 else 0
    if msg in (LVM_SETITEMTEXTA, LVM_SETITEMTEXTW):
        if not lp or not 0 <= iw < len(lv.items):
            return 0
        sub, ptext = m.mem.unpack("<i8xI", lp + 8)
        it = lv.items[iw]
        while len(it.texts) <= sub:
            it.texts.append("")
        it.texts[sub] = None if ptext == cc.LPSTR_TEXTCALLBACK else cc.read_text(m, ptext, u)
        _invalidate_item(m, w, lv, iw)
        return 1
    if msg == LVM_SETITEMSTATE:
        if not lp:
            return 0
        state, smask = m.mem.unpack("<II", lp + 12)
        targets = range(_count(w, lv)) if iw == -1 else [iw]
        ok = 1
        for i in targets:
            if not 0 <= i < _count(w, lv):
                return 0
            ok &= int(set_state(m, w, lv, i, state, smask))
        if smask & LVIS_SELECTED and state & LVIS_SELECTED and iw >= 0:
            lv.mark = iw
        return ok
    if msg == LVM_GETITEMSTATE:
        return get_state(w, lv, iw) & lp if 0 <= iw < _count(w, lv) else 0
    if msg == LVM_GETNEXTITEM:
        return _next(m, w, lv, iw, lp) & 0xFFFFFFFF
    if msg == LVM_GETSELECTEDCOUNT:
        return len(_indices_with(w, lv, LVIS_SELECTED))
    if msg == LVM_GETSELECTIONMARK:
        return lv.mark & 0xFFFFFFFF
    if msg == LVM_SETSELECTIONMARK:
        old, lv.mark = lv.mark, cc.s32(lp)
        return old & 0xFFFFFFFF
    if msg in (LVM_FINDITEMA, LVM_FINDITEMW):
        return _find(m, w, lv, iw, lp, u) & 0xFFFFFFFF if lp else 0xFFFFFFFF
    if msg == LVM_SETITEMCOUNT:
        if w.style & LVS_OWNERDATA:
            lv.virtual_count = max(0, iw)
            lv.virtual_states = {k: s for k, s in lv.virtual_states.items() if k < lv.virtual_count}
            _changed_layout(m, w, lv)
        return 1
    if msg == LVM_SORTITEMS:
        return _sort(m, w, lv, wp, lp)
    if msg in (LVM_INSERTCOLUMNA, LVM_INSERTCOLUMNW):
        if not lp:
            return 0xFFFFFFFF
        col = Column()
        _read_column(m, lp, u, col)
        i = max(0, min(iw, len(lv.cols)))
        mask = m.mem.u32(lp)
        if not mask & LVCF_ORDER:
            for c in lv.cols:
                if c.order >= i:
                    c.order += 1
            col.order = i
        lv.cols.insert(i, col)
        for it in lv.items:
            if len(it.texts) > i > 0:
                it.texts.insert(i, "")
        _changed_layout(m, w, lv)
        return i
    if msg == LVM_DELETECOLUMN:
        if not 0 <= iw < len(lv.cols):
            return 0
        del lv.cols[iw]
        for it in lv.items:
            if iw < len(it.texts) and iw > 0:
                del it.texts[iw]
        _changed_layout(m, w, lv)
        return 1
    if msg in (LVM_GETCOLUMNA, LVM_GETCOLUMNW):
        if not lp or not 0 <= iw < len(lv.cols):
            return 0
        _write_column(m, lp, u, lv.cols[iw], iw)
        return 1
    if msg in (LVM_SETCOLUMNA, LVM_SETCOLUMNW):
        if not lp or not 0 <= iw < len(lv.cols):
            return 0
        _read_column(m, lp, u, lv.cols[iw])
        _changed_layout(m, w, lv)
        return 1
    if msg == LVM_GETCOLUMNWIDTH:
        if _view(w) == LVS_LIST:
            return _list_col_w(m, lv)
        return lv.cols[iw].width if 0 <= iw < len(lv.cols) and _view(w) == LVS_REPORT else 0
    if msg == LVM_SETCOLUMNWIDTH:
        cx = cc.s16(lp)
        if _view(w) == LVS_LIST:
            if iw != 0 or cx < 0:
                return 0
            lv.list_col_width = cx
        elif _view(w) == LVS_REPORT:
            if not 0 <= iw < len(lv.cols):
                return 0
            lv.cols[iw].width = _autosize(m, w, lv, iw, cx == LVSCW_AUTOSIZE_USEHEADER) if cx < 0 else cx
        else:
            return 0
        _changed_layout(m, w, lv)
        return 1
    if msg == LVM_GETCOLUMNORDERARRAY:
        if not lp or iw < len(lv.cols):
            return 0 if iw < len(lv.cols) else 1
        order = _display_order(lv)
        if order:
            m.mem.pack(f"<{len(order)}i", lp, *order)
        return 1
    if msg == LVM_SETCOLUMNORDERARRAY:
        if not lp or iw != len(lv.cols):
            return 0
        for pos, c in enumerate(m.mem.unpack(f"<{iw}i", lp)):
            if 0 <= c < len(lv.cols):
                lv.cols[c].order = pos
        wm.invalidate(m, w, None, True)
        return 1
    if msg == LVM_GETHEADER:
        return 0
    if msg == LVM_GETEXTENDEDLISTVIEWSTYLE:
        return lv.ex_style
    if msg == LVM_SETEXTENDEDLISTVIEWSTYLE:
        old = lv.ex_style
        mask = wp or 0xFFFFFFFF
        lv.ex_style = (old & ~mask) | (lp & mask)
        if lv.ex_style & LVS_EX_CHECKBOXES and not old & LVS_EX_CHECKBOXES:
            for it in lv.items:
                if not it.state & LVIS_STATEIMAGEMASK:
                    it.state |= 0x1000
        _changed_layout(m, w, lv)
        return old
    if msg == LVM_GETIMAGELIST:
        return lv.images.get(wp, 0)
    if msg == LVM_SETIMAGELIST:
        old = lv.images.get(wp, 0)
        if lp:
            lv.images[wp] = lp
        else:
            lv.images.pop(wp, None)
        _changed_layout(m, w, lv)
        return old
    if msg in (LVM_GETBKCOLOR, LVM_GETTEXTCOLOR, LVM_GETTEXTBKCOLOR):
        val, idx = {LVM_GETBKCOLOR: (lv.bk, syscolor.COLOR_WINDOW), LVM_GETTEXTCOLOR: (lv.text_color,
                    syscolor.COLOR_WINDOWTEXT), LVM_GETTEXTBKCOLOR: (lv.text_bk, syscolor.COLOR_WINDOW)}[msg]
        return syscolor.get(m, idx) if val == cc.CLR_DEFAULT else val
    if msg in (LVM_SETBKCOLOR, LVM_SETTEXTCOLOR, LVM_SETTEXTBKCOLOR):
        attr = {LVM_SETBKCOLOR: "bk", LVM_SETTEXTCOLOR: "text_color", LVM_SETTEXTBKCOLOR: "text_bk"}[msg]
        setattr(lv, attr, lp)
        wm.invalidate(m, w, None, True)
        return 1
    if msg == LVM_GETCALLBACKMASK:
        return lv.callback_mask
    if msg == LVM_SETCALLBACKMASK:
        lv.callback_mask = wp
        return 1
    if msg in (LVM_GETSTRINGWIDTHA, LVM_GETSTRINGWIDTHW):
        return _text_width(m, lv, cc.read_text(m, lp, u)) if lp else 0
    if msg == LVM_GETITEMRECT:
        if not lp:
            return 0
        r = _rect_of(m, w, lv, iw, m.mem.unpack("<i", lp)[0])
        if r is None:
            return 0
        m.mem.pack("<4i", lp, *r)
        return 1
    if msg == LVM_GETSUBITEMRECT:
        if not lp:
            return 0
        code, sub = m.mem.unpack("<ii", lp)
        r = _subitem_rect(m, w, lv, iw, sub, code)
        if r is None:
            return 0
        m.mem.pack("<4i", lp, *r)
        return 1
    if msg == LVM_GETITEMPOSITION:
        r = _rect_of(m, w, lv, iw, LVIR_BOUNDS) if lp else None
        if r is None:
            return 0
        m.mem.pack("<2i", lp, r[0], r[1])
        return 1
    if msg in (LVM_HITTEST, LVM_SUBITEMHITTEST):
        if not lp:
            return 0xFFFFFFFF
        x, y = m.mem.unpack("<ii", lp)
        i, sub, flags = hit_test(m, w, lv, x, y)
        m.mem.pack("<Iii", lp + 8, flags, i, sub if msg == LVM_SUBITEMHITTEST else 0)
        return i & 0xFFFFFFFF
    if msg == LVM_ENSUREVISIBLE:
        ensure_visible(m, w, lv, iw)
        return 1
    if msg == LVM_SCROLL:
        dx, dy = iw, cc.s32(lp)
        v = _view(w)
        if v == LVS_REPORT:
            lv.top = max(0, lv.top + (dy // row_h(m, w, lv) if dy >= 0 else -(-dy // row_h(m, w, lv))))
            lv.xoff = max(0, lv.xoff + dx)
        elif v == LVS_LIST:
            lv.top = max(0, lv.top + dx // max(_list_col_w(m, lv), 1))
        else:
            lv.top = max(0, lv.top + dy // _grid(m, w, lv)[1])
        _changed_layout(m, w, lv)
        return 1
    if msg == LVM_GETTOPINDEX:
        v = _view(w)
        if v == LVS_REPORT:
            return lv.top
        if v == LVS_LIST:
            return lv.top * _rows_visible(m, w, lv)
        return 0
    if msg == LVM_GETCOUNTPERPAGE:
        v = _view(w)
        if v == LVS_REPORT:
            return max(0, (w.client_size[1] - header_h(m, w, lv)) // row_h(m, w, lv))
        if v == LVS_LIST:
            return _rows_visible(m, w, lv) * max(1, w.client_size[0] // _list_col_w(m, lv))
        return _count(w, lv)
    if msg == LVM_GETORIGIN:
        if _view(w) in (LVS_REPORT, LVS_LIST) or not lp:
            return 0
        m.mem.pack("<2i", lp, 0, lv.top * _grid(m, w, lv)[1])
        return 1
    if msg == LVM_GETVIEWRECT:
        if _view(w) in (LVS_REPORT, LVS_LIST) or not lp:
            return 0
        cw, ch = _content(m, w, lv)
        m.mem.pack("<4i", lp, 0, -lv.top * _grid(m, w, lv)[1], max(cw, w.client_size[0]), ch)
        return 1
    if msg in (LVM_REDRAWITEMS, LVM_UPDATE):
        wm.invalidate(m, w, None, True)
        return 1
    if msg == LVM_ARRANGE:
        if _view(w) in (LVS_ICON, LVS_SMALLICON):
            _changed_layout(m, w, lv)
        return 1
    if msg == LVM_GETITEMSPACING:
        if wp:
            sm = _small(m, lv)
            return ((_list_col_w(m, lv)) & 0xFFFF) | ((sm.cy + 2 if sm else row_h(m, w, lv)) << 16)
        return lv.icon_spacing[0] | (lv.icon_spacing[1] << 16)
    if msg == LVM_SETICONSPACING:
        old = lv.icon_spacing[0] | (lv.icon_spacing[1] << 16)
        cx, cy = cc.s16(lp), cc.s16(lp >> 16)
        lv.icon_spacing = (cx if cx > 0 else ICON_SPACING[0], cy if cy > 0 else ICON_SPACING[1])
        _changed_layout(m, w, lv)
        return old
    if msg == cc.CCM_SETUNICODEFORMAT:
        old, lv.unicode = lv.unicode, bool(wp)
        return int(old)
    if msg == cc.CCM_GETUNICODEFORMAT:
        return int(lv.unicode)
    return None
