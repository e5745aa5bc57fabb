"""comctl32 list view (SysListView32): report, list, small-icon and icon views.

Items hold per-column texts (or LPSTR_TEXTCALLBACK: asked from the parent with LVN_GETDISPINFO), an image
index, state bits and a program value; LVS_OWNERDATA lists keep only states and ask for everything else.
The report view draws its column header itself (a row of raised buttons; there is no separate header
window, so LVM_GETHEADER answers NULL), then one row per item: icon from the small image list, label
highlighted when selected, sub-item texts in their columns, optional grid lines and check boxes. The list
view arranges items top to bottom in columns; the icon views in a grid. Scroll bars appear when the items do
not fit. Mouse and keyboard select and focus items and send the usual notifications (LVN_ITEMCHANGING/
CHANGED, LVN_INSERTITEM, LVN_DELETEITEM, LVN_COLUMNCLICK, LVN_KEYDOWN, NM_CLICK, NM_DBLCLK, NM_RETURN...).
"""
from __future__ import annotations

import functools
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import comctl32_common as cc
from . import comctl32_imagelist as iml
from . import defwnd, draw, syscolor, text
from . import message as mm
from . import window as wm
from .dc import DC

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

LISTVIEW_CLASS = "SysListView32"
LVS_ICON, LVS_REPORT, LVS_SMALLICON, LVS_LIST, LVS_TYPEMASK = 0, 1, 2, 3, 3
LVS_SINGLESEL, LVS_SHOWSELALWAYS, LVS_SORTASCENDING, LVS_SORTDESCENDING = 0x4, 0x8, 0x10, 0x20
LVS_SHAREIMAGELISTS, LVS_NOLABELWRAP, LVS_AUTOARRANGE, LVS_EDITLABELS = 0x40, 0x80, 0x100, 0x200
LVS_OWNERDATA, LVS_NOSCROLL, LVS_NOCOLUMNHEADER, LVS_NOSORTHEADER = 0x1000, 0x2000, 0x4000, 0x8000
LVS_EX_GRIDLINES, LVS_EX_SUBITEMIMAGES, LVS_EX_CHECKBOXES, LVS_EX_FULLROWSELECT = 0x1, 0x2, 0x4, 0x20
LVIF_TEXT, LVIF_IMAGE, LVIF_PARAM, LVIF_STATE, LVIF_INDENT, LVIF_DI_SETITEM = 0x1, 0x2, 0x4, 0x8, 0x10, 0x1000
LVIS_FOCUSED, LVIS_SELECTED, LVIS_CUT, LVIS_DROPHILITED = 0x1, 0x2, 0x4, 0x8
LVIS_OVERLAYMASK, LVIS_STATEIMAGEMASK = 0xF00, 0xF000
LVNI_ALL, LVNI_FOCUSED, LVNI_SELECTED, LVNI_CUT, LVNI_DROPHILITED = 0, 1, 2, 4, 8
LVNI_ABOVE, LVNI_BELOW, LVNI_TOLEFT, LVNI_TORIGHT = 0x100, 0x200, 0x400, 0x800
LVCF_FMT, LVCF_WIDTH, LVCF_TEXT, LVCF_SUBITEM, LVCF_IMAGE, LVCF_ORDER = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
LVCFMT_LEFT, LVCFMT_RIGHT, LVCFMT_CENTER = 0, 1, 2
LVSIL_NORMAL, LVSIL_SMALL, LVSIL_STATE = 0, 1, 2
LVIR_BOUNDS, LVIR_ICON, LVIR_LABEL, LVIR_SELECTBOUNDS = 0, 1, 2, 3
LVHT_NOWHERE, LVHT_ONITEMICON, LVHT_ONITEMLABEL, LVHT_ONITEMSTATEICON = 0x1, 0x2, 0x4, 0x8
LVHT_ABOVE, LVHT_BELOW, LVHT_TORIGHT, LVHT_TOLEFT = 0x8, 0x10, 0x20, 0x40
LVFI_PARAM, LVFI_STRING, LVFI_PARTIAL, LVFI_WRAP = 0x1, 0x2, 0x8, 0x20
LVSCW_AUTOSIZE, LVSCW_AUTOSIZE_USEHEADER = -1, -2
I_IMAGECALLBACK = -1
CALLBACK = None  # an item text supplied by LVN_GETDISPINFO

LVM_FIRST = 0x1000
(LVM_GETBKCOLOR, LVM_SETBKCOLOR, LVM_GETIMAGELIST, LVM_SETIMAGELIST, LVM_GETITEMCOUNT, LVM_GETITEMA,
 LVM_SETITEMA, LVM_INSERTITEMA, LVM_DELETEITEM, LVM_DELETEALLITEMS, LVM_GETCALLBACKMASK, LVM_SETCALLBACKMASK,
 LVM_GETNEXTITEM, LVM_FINDITEMA, LVM_GETITEMRECT, LVM_SETITEMPOSITION, LVM_GETITEMPOSITION,
 LVM_GETSTRINGWIDTHA, LVM_HITTEST, LVM_ENSUREVISIBLE, LVM_SCROLL, LVM_REDRAWITEMS, LVM_ARRANGE) = range(0x1000, 0x1017)
LVM_GETCOLUMNA, LVM_SETCOLUMNA, LVM_INSERTCOLUMNA, LVM_DELETECOLUMN = 0x1019, 0x101A, 0x101B, 0x101C
LVM_GETCOLUMNWIDTH, LVM_SETCOLUMNWIDTH, LVM_GETHEADER, LVM_GETVIEWRECT = 0x101D, 0x101E, 0x101F, 0x1022
LVM_GETTEXTCOLOR, LVM_SETTEXTCOLOR, LVM_GETTEXTBKCOLOR, LVM_SETTEXTBKCOLOR = 0x1023, 0x1024, 0x1025, 0x1026
LVM_GETTOPINDEX, LVM_GETCOUNTPERPAGE, LVM_GETORIGIN, LVM_UPDATE = 0x1027, 0x1028, 0x1029, 0x102A
LVM_SETITEMSTATE, LVM_GETITEMSTATE, LVM_GETITEMTEXTA, LVM_SETITEMTEXTA = 0x102B, 0x102C, 0x102D, 0x102E
LVM_SETITEMCOUNT, LVM_SORTITEMS, LVM_SETITEMPOSITION32, LVM_GETSELECTEDCOUNT = 0x102F, 0x1030, 0x1031, 0x1032
LVM_GETITEMSPACING, LVM_SETICONSPACING = 0x1033, 0x1035
LVM_SETEXTENDEDLISTVIEWSTYLE, LVM_GETEXTENDEDLISTVIEWSTYLE, LVM_GETSUBITEMRECT = 0x1036, 0x1037, 0x1038
LVM_SUBITEMHITTEST, LVM_SETCOLUMNORDERARRAY, LVM_GETCOLUMNORDERARRAY = 0x1039, 0x103A, 0x103B
LVM_GETSELECTIONMARK, LVM_SETSELECTIONMARK = 0x1042, 0x1043
LVM_GETITEMW, LVM_SETITEMW, LVM_INSERTITEMW, LVM_FINDITEMW, LVM_GETSTRINGWIDTHW = 0x104B, 0x104C, 0x104D, 0x1053, 0x1057
LVM_GETCOLUMNW, LVM_SETCOLUMNW, LVM_INSERTCOLUMNW = 0x105F, 0x1060, 0x1061
LVM_GETITEMTEXTW, LVM_SETITEMTEXTW = 0x1073, 0x1074

LVN_ITEMCHANGING, LVN_ITEMCHANGED, LVN_INSERTITEM, LVN_DELETEITEM, LVN_DELETEALLITEMS = -100, -101, -102, -103, -104
LVN_COLUMNCLICK, LVN_ITEMACTIVATE, LVN_GETDISPINFOA, LVN_GETDISPINFOW, LVN_KEYDOWN = -108, -114, -150, -177, -155
DLGC_WANTARROWS, DLGC_WANTCHARS = 0x1, 0x80
ICON_SPACING = (75, 75)  # SM_CXICONSPACING / SM_CYICONSPACING


@dataclass
class Column:
    text: str = ""
    width: int = 50
    fmt: int = LVCFMT_LEFT
    image: int = -1
    order: int = 0


@dataclass
class Item:
    texts: list[str | None] = field(default_factory=lambda: [""])
    image: int = 0
    state: int = 0
    param: int = 0
    indent: int = 0

    def text(self, sub: int) -> str | None:
        return self.texts[sub] if sub < len(self.texts) else ""


@dataclass
class LV:
    """State of a list view (Window.data)."""
    cols: list[Column] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    virtual_count: int = 0
    virtual_states: dict[int, int] = field(default_factory=dict)
    ex_style: int = 0
    images: dict[int, int] = field(default_factory=dict)  # LVSIL_* -> HIMAGELIST
    bk: int = cc.CLR_DEFAULT
    text_bk: int = cc.CLR_DEFAULT
    text_color: int = cc.CLR_DEFAULT
    top: int = 0  # first visible row (report), first visible column (list), first visible grid row (icons)
    xoff: int = 0  # horizontal scroll of the report view, in pixels
    font: int = 0
    callback_mask: int = 0
    mark: int = -1
    list_col_width: int = 0
    icon_spacing: tuple[int, int] = ICON_SPACING
    unicode: bool = False
    pressed: bool = False
    focused: bool = False


def _lv(w: "Window") -> LV:
    if not isinstance(w.data, LV):
        w.data = LV(unicode=w.unicode)
    return w.data


def _view(w: "Window") -> int:
    return w.style & LVS_TYPEMASK


def _count(w: "Window", lv: LV) -> int:
    return lv.virtual_count if w.style & LVS_OWNERDATA else len(lv.items)


# ---- metrics ------------------------------------------------------------------------------------------------
def _font_height(m: "Machine", lv: LV) -> int:
    cache = m.state.setdefault("lv_font_h", {})
    f = cc.font_of(m, lv.font)
    key = (f.face, f.height, f.weight, f.italic)
    h = cache.get(key)
    if h is None:
        from .dc import new_memory_dc  # noqa: PLC0415
        dc = new_memory_dc(m)
        try:
            dc.font = cc.font_of(m, lv.font)
            h = text.metrics(dc).height
        finally:
            from . import gdiobj  # noqa: PLC0415
            gdiobj.table(m).delete(dc.handle)
        cache[key] = h
    return h


def _text_width(m: "Machine", lv: LV, s: str) -> int:
    from . import gdiobj  # noqa: PLC0415
    from .dc import new_memory_dc  # noqa: PLC0415
    dc = new_memory_dc(m)
    try:
        dc.font = cc.font_of(m, lv.font)
        return text.text_extent(dc, s)[0]
    finally:
        gdiobj.table(m).delete(dc.handle)


def _small(m: "Machine", lv: LV) -> iml.ImageList | None:
    return iml.get(m, lv.images.get(LVSIL_SMALL, 0))


def _state_list(m: "Machine", lv: LV) -> iml.ImageList | None:
    return iml.get(m, lv.images.get(LVSIL_STATE, 0))


def _state_w(m: "Machine", lv: LV) -> int:
    if lv.ex_style & LVS_EX_CHECKBOXES and _state_list(m, lv) is None:
        return 16
    sl = _state_list(m, lv)
    return sl.cx if sl is not None else 0


def header_h(m: "Machine", w: "Window", lv: LV) -> int:
    if _view(w) != LVS_REPORT or w.style & LVS_NOCOLUMNHEADER:
        return 0
    return _font_height(m, lv) + 6


def row_h(m: "Machine", w: "Window", lv: LV) -> int:
    h = _font_height(m, lv) + 1
    sm = _small(m, lv)
    if sm is not None:
        h = max(h, sm.cy + 1)
    if lv.ex_style & LVS_EX_CHECKBOXES or _state_list(m, lv) is not None:
        h = max(h, 14)
    return h


def _list_col_w(m: "Machine", lv: LV) -> int:
    if lv.list_col_width:
        return lv.list_col_width
    return 14 * 5 + (_small(m, lv).cx + 2 if _small(m, lv) else 0) + 16


def _rows_visible(m: "Machine", w: "Window", lv: LV) -> int:
    return max(1, (w.client_size[1] - header_h(m, w, lv)) // row_h(m, w, lv))


def _grid(m: "Machine", w: "Window", lv: LV) -> tuple[int, int, int]:
    """Icon views: (cell width, cell height, cells per row)."""
    if _view(w) == LVS_ICON:
        cw, ch = lv.icon_spacing
    else:
        sm = _small(m, lv)
        cw = max(_list_col_w(m, lv), 64)
        ch = row_h(m, w, lv) if sm is None else max(sm.cy + 2, row_h(m, w, lv))
    per_row = max(1, w.client_size[0] // cw)
    return cw, ch, per_row


def item_origin(m: "Machine", w: "Window", lv: LV, i: int) -> tuple[int, int, int, int]:
    """The whole item rectangle (LVIR_BOUNDS) in client coordinates."""
    v = _view(w)
    rh = row_h(m, w, lv)
    if v == LVS_REPORT:
        y = header_h(m, w, lv) + (i - lv.top) * rh
        total = sum(c.width for c in lv.cols) if lv.cols else w.client_size[0]
        return (-lv.xoff, y, -lv.xoff + total, y + rh)
    if v == LVS_LIST:
        rows = _rows_visible(m, w, lv)
        cw = _list_col_w(m, lv)
        col, row = divmod(i, rows)
        x = (col - lv.top) * cw
        return (x, row * rh, x + cw, row * rh + rh)
    cw, ch, per_row = _grid(m, w, lv)
    row, col = divmod(i, per_row)
    y = (row - lv.top) * ch
    return (col * cw, y, col * cw + cw, y + ch)


def _label_text(m: "Machine", w: "Window", lv: LV, i: int, sub: int) -> str:
    return get_text(m, w, lv, i, sub)


def item_parts(m: "Machine", w: "Window", lv: LV, i: int) -> dict[int, tuple[int, int, int, int]]:
    """{LVIR_BOUNDS, LVIR_ICON, LVIR_LABEL, LVIR_SELECTBOUNDS, 8: state icon} rectangles of item ``i``."""
    b = item_origin(m, w, lv, i)
    v = _view(w)
    if v == LVS_ICON:
        big = iml.get(m, lv.images.get(LVSIL_NORMAL, 0))
        iw, ih = (big.cx, big.cy) if big is not None else (32, 32)
        ix = b[0] + (b[2] - b[0] - iw) // 2
        icon = (ix, b[1] + 2, ix + iw, b[1] + 2 + ih)
        tw = min(_text_width(m, lv, _label_text(m, w, lv, i, 0)) + 4, b[2] - b[0] - 2)
        lx = b[0] + (b[2] - b[0] - tw) // 2
        label = (lx, icon[3] + 2, lx + tw, icon[3] + 2 + _font_height(m, lv) + 2)
        return {LVIR_BOUNDS: b, LVIR_ICON: icon, LVIR_LABEL: label, LVIR_SELECTBOUNDS: (min(icon[0], label[0]),
                icon[1], max(icon[2], label[2]), label[3]), 8: (b[0], b[1], b[0], b[1])}
    x = b[0] + 2
    if v == LVS_REPORT:
        x += _indent_px(m, lv, i)
    sw = _state_w(m, lv)
    state_r = (x, b[1], x + sw, b[3])
    x += sw
    sm = _small(m, lv)
    iw = sm.cx if sm is not None else 0
    icon = (x, b[1], x + iw, b[3])
    x += iw + (2 if iw else 0)
    if v == LVS_REPORT:
        c0 = lv.cols[0].width if lv.cols else b[2] - b[0]
        right = b[0] + c0
        if lv.ex_style & LVS_EX_FULLROWSELECT:
            label = (x, b[1], right, b[3])
        else:
            tw = _text_width(m, lv, _label_text(m, w, lv, i, 0)) + 4
            label = (x, b[1], min(right, x + tw), b[3])
    else:
        tw = _text_width(m, lv, _label_text(m, w, lv, i, 0)) + 4
        label = (x, b[1], min(b[2], x + tw), b[3])
    sel = (icon[0] if iw else label[0], b[1], label[2], b[3])
    if v == LVS_REPORT and lv.ex_style & LVS_EX_FULLROWSELECT:
        sel = (b[0] + 2, b[1], b[2], b[3])
    return {LVIR_BOUNDS: b, LVIR_ICON: icon, LVIR_LABEL: label, LVIR_SELECTBOUNDS: sel, 8: state_r}


def _indent_px(m: "Machine", lv: LV, i: int) -> int:
    if i >= len(lv.items):
        return 0
    sm = _small(m, lv)
    return lv.items[i].indent * (sm.cx if sm is not None else 16)


def col_x(lv: LV, sub: int) -> tuple[int, int]:
    """Left and right edge of column ``sub`` (display order) before horizontal scrolling."""
    order = _display_order(lv)
    x = 0
    for c in order:
        if c == sub:
            return x, x + lv.cols[c].width
        x += lv.cols[c].width
    return x, x


def _display_order(lv: LV) -> list[int]:
    return sorted(range(len(lv.cols)), key=lambda k: (lv.cols[k].order, k))


# ---- item data -----------------------------------------------------------------------------------------------
def get_text(m: "Machine", w: "Window", lv: LV, i: int, sub: int) -> str:
    """Item text (asking the parent for callback texts and owner-data lists)."""
    if w.style & LVS_OWNERDATA:
        return _dispinfo(m, w, lv, i, sub, LVIF_TEXT)[0]
    if not 0 <= i < len(lv.items):
        return ""
    t = lv.items[i].text(sub)
    if t is CALLBACK:
        return _dispinfo(m, w, lv, i, sub, LVIF_TEXT)[0]
    return t


def get_image(m: "Machine", w: "Window", lv: LV, i: int) -> int:
    if w.style & LVS_OWNERDATA:
        return _dispinfo(m, w, lv, i, 0, LVIF_IMAGE)[1]
    it = lv.items[i]
    if it.image == I_IMAGECALLBACK:
        return _dispinfo(m, w, lv, i, 0, LVIF_IMAGE)[1]
    return it.image


def get_state(w: "Window", lv: LV, i: int) -> int:
    if w.style & LVS_OWNERDATA:
        return lv.virtual_states.get(i, 0)
    return lv.items[i].state if 0 <= i < len(lv.items) else 0


def _set_state_raw(w: "Window", lv: LV, i: int, state: int) -> None:
    if w.style & LVS_OWNERDATA:
        if state:
            lv.virtual_states[i] = state
        else:
            lv.virtual_states.pop(i, None)
    else:
        lv.items[i].state = state


def _dispinfo(m: "Machine", w: "Window", lv: LV, i: int, sub: int, mask: int) -> tuple[str, int]:
    """LVN_GETDISPINFO: the parent supplies text (into our buffer or by pointer) and/or the image."""
    u = lv.unicode
    n = 260
    buf = wm._tmp(m, b"\0" * (2 * n + 2))
    try:
        param = lv.items[i].param if i < len(lv.items) and not w.style & LVS_OWNERDATA else 0
        item = struct.pack("<IiiIIIiiIi", mask, i, sub, get_state(w, lv, i), 0, buf, n, 0, param, 0)
        _r, out = cc.notify_read(m, w, LVN_GETDISPINFOW if u else LVN_GETDISPINFOA, item)
        vals = struct.unpack("<IiiIIIiiIi", out)
        p = vals[5]
        s = cc.read_text(m, p, u) if mask & LVIF_TEXT and p else ""
        return s, vals[7]
    finally:
        wm._free_tmp(m, buf)


def _nmlistview(i: int, sub: int, new: int, old: int, changed: int, param: int, x: int = 0, y: int = 0) -> bytes:
    return struct.pack("<iiIIIiiI", i, sub, new, old, changed, x, y, param)


def _param(w: "Window", lv: LV, i: int) -> int:
    return lv.items[i].param if not w.style & LVS_OWNERDATA and 0 <= i < len(lv.items) else 0


def set_state(m: "Machine", w: "Window", lv: LV, i: int, state: int, mask: int, notify: bool = True) -> bool:
    """Change item ``i``'s state bits (LVN_ITEMCHANGING may veto); keeps one focused item and, with
    LVS_SINGLESEL, one selected item."""
    old = get_state(w, lv, i)
    new = (old & ~mask) | (state & mask)
    if new == old:
        return True
    if notify and cc.notify(m, w, LVN_ITEMCHANGING, _nmlistview(i, 0, new, old, LVIF_STATE, _param(w, lv, i))):
        return False
    if new & LVIS_FOCUSED and not old & LVIS_FOCUSED:
        for j in _indices_with(w, lv, LVIS_FOCUSED):
            if j != i:
                set_state(m, w, lv, j, 0, LVIS_FOCUSED, notify)
    if new & LVIS_SELECTED and not old & LVIS_SELECTED and w.style & LVS_SINGLESEL:
        for j in _indices_with(w, lv, LVIS_SELECTED):
            if j != i:
                set_state(m, w, lv, j, 0, LVIS_SELECTED, notify)
    _set_state_raw(w, lv, i, new)
    _invalidate_item(m, w, lv, i)
    if notify:
        cc.notify(m, w, LVN_ITEMCHANGED, _nmlistview(i, 0, new, old, LVIF_STATE, _param(w, lv, i)))
    return True


def _indices_with(w: "Window", lv: LV, bits: int) -> list[int]:
    if w.style & LVS_OWNERDATA:
        return sorted(i for i, s in lv.virtual_states.items() if s & bits)
    return [i for i, it in enumerate(lv.items) if it.state & bits]


def _invalidate_item(m: "Machine", w: "Window", lv: LV, i: int) -> None:
    b = item_origin(m, w, lv, i)
    wm.invalidate(m, w, (0, b[1], w.client_size[0], b[3]) if _view(w) == LVS_REPORT else b, True)


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


# ---- scrolling --------------------------------------------------------------------------------------------
def _content(m: "Machine", w: "Window", lv: LV) -> tuple[int, int]:
    """(content width, content height) in pixels for the current view."""
    n = _count(w, lv)
    v = _view(w)
    rh = row_h(m, w, lv)
    if v == LVS_REPORT:
        return sum(c.width for c in lv.cols), n * rh + header_h(m, w, lv)
    if v == LVS_LIST:
        rows = _rows_visible(m, w, lv)
        cols = (n + rows - 1) // rows
        return cols * _list_col_w(m, lv), 0
    _cw, ch, per = _grid(m, w, lv)
    return 0, ((n + per - 1) // per) * ch


def _update_scroll(m: "Machine", w: "Window", lv: LV) -> None:
    """Show, hide and set the scroll bars for what the view holds."""
    if w.style & LVS_NOSCROLL:
        return
    v = _view(w)
    old_style = w.style
    n = _count(w, lv)
    for _ in range(2):  # the bars take client space: settle in two passes
        cw_, ch_ = w.client_size
        content_w, content_h = _content(m, w, lv)
        want_h = content_w > cw_ if v in (LVS_REPORT, LVS_LIST) else False
        if v == LVS_REPORT:
            rows = _rows_visible(m, w, lv)
            want_v = n > rows
        elif v == LVS_LIST:
            want_v = False
        else:
            want_v = content_h > ch_
        style = (w.style & ~(wm.WS_VSCROLL | wm.WS_HSCROLL)) | (wm.WS_VSCROLL if want_v else 0) \
            | (wm.WS_HSCROLL if want_h else 0)
        if style != w.style:
            w.style = style
            wm.set_geometry(m, w, w.rect)
    rows = _rows_visible(m, w, lv)
    if v == LVS_REPORT:
        lv.top = max(0, min(lv.top, n - rows))
        w.scroll[1] = [0, max(n - 1, 0), rows, lv.top, lv.top]
        total = sum(c.width for c in lv.cols)
        lv.xoff = max(0, min(lv.xoff, total - w.client_size[0]))
        w.scroll[0] = [0, max(total - 1, 0), w.client_size[0], lv.xoff, lv.xoff]
    elif v == LVS_LIST:
        cols = (n + rows - 1) // rows
        per_page = max(1, w.client_size[0] // _list_col_w(m, lv))
        lv.top = max(0, min(lv.top, cols - per_page))
        w.scroll[0] = [0, max(cols - 1, 0), per_page, lv.top, lv.top]
    else:
        _cw, ch, per = _grid(m, w, lv)
        grid_rows = (n + per - 1) // per
        page = max(1, w.client_size[1] // ch)
        lv.top = max(0, min(lv.top, grid_rows - page))
        w.scroll[1] = [0, max(grid_rows - 1, 0), page, lv.top, lv.top]
    if w.style != old_style or w.style & (wm.WS_VSCROLL | wm.WS_HSCROLL):
        w.nc_dirty = True  # frame and scroll bars are redrawn with the next WM_PAINT (BeginPaint)
        wm.invalidate(m, w, None, True)


def _changed_layout(m: "Machine", w: "Window", lv: LV) -> None:
    _update_scroll(m, w, lv)
    wm.invalidate(m, w, None, True)


def ensure_visible(m: "Machine", w: "Window", lv: LV, i: int) -> None:
    n = _count(w, lv)
    if not 0 <= i < n:
        return
    v = _view(w)
    rows = _rows_visible(m, w, lv)
    if v == LVS_REPORT:
        if i < lv.top:
            lv.top = i
        elif i >= lv.top + rows:
            lv.top = i - rows + 1
    elif v == LVS_LIST:
        col = i // rows
        per_page = max(1, w.client_size[0] // _list_col_w(m, lv))
        if col < lv.top:
            lv.top = col
        elif col >= lv.top + per_page:
            lv.top = col - per_page + 1
    else:
        _cw, ch, per = _grid(m, w, lv)
        r = i // per
        page = max(1, w.client_size[1] // ch)
        if r < lv.top:
            lv.top = r
        elif r >= lv.top + page:
            lv.top = r - page + 1
    _changed_layout(m, w, lv)


def _scroll_msg(m: "Machine", w: "Window", lv: LV, bar: int, code: int, pos: int) -> None:
    info = w.scroll.get(bar)
    if info is None:
        return
    mn, mx, page, cur, _t = info
    step = 1 if not (bar == 0 and _view(w) == LVS_REPORT) else 16
    new = {0: cur - step, 1: cur + step, 2: cur - max(page, 1), 3: cur + max(page, 1), 4: pos, 5: pos,
           6: mn, 7: mx}.get(code, cur)
    if bar == 0 and _view(w) == LVS_REPORT:
        lv.xoff = max(0, new)
    else:
        lv.top = max(0, new)
    _changed_layout(m, w, lv)


# ---- hit testing ------------------------------------------------------------------------------------------
def hit_test(m: "Machine", w: "Window", lv: LV, x: int, y: int) -> tuple[int, int, int]:
    """(item, sub-item, LVHT_* flags) at client point (x, y)."""
    cw_, ch_ = w.client_size
    if y < 0:
        return -1, 0, LVHT_ABOVE
    if y >= ch_:
        return -1, 0, LVHT_BELOW
    if x < 0:
        return -1, 0, LVHT_TOLEFT
    if x >= cw_:
        return -1, 0, LVHT_TORIGHT
    n = _count(w, lv)
    v = _view(w)
    cand: list[int]
    if v == LVS_REPORT:
        if y < header_h(m, w, lv):
            return -1, 0, LVHT_NOWHERE
        cand = [lv.top + (y - header_h(m, w, lv)) // row_h(m, w, lv)]
    elif v == LVS_LIST:
        rows = _rows_visible(m, w, lv)
        rh = row_h(m, w, lv)
        cand = [(x // _list_col_w(m, lv) + lv.top) * rows + y // rh] if y // rh < rows else []
    else:
        cw, ch, per = _grid(m, w, lv)
        cand = [(y // ch + lv.top) * per + x // cw] if x // cw < per else []
    for i in cand:
        if not 0 <= i < n:
            continue
        parts = item_parts(m, w, lv, i)
        sub = 0
        if v == LVS_REPORT:
            for c in range(len(lv.cols)):
                l, r = col_x(lv, c)
                if l - lv.xoff <= x < r - lv.xoff:
                    sub = c
        st = parts[8]
        if st[0] <= x < st[2] and st[1] <= y < st[3]:
            return i, sub, LVHT_ONITEMSTATEICON
        ic = parts[LVIR_ICON]
        if ic[0] <= x < ic[2] and ic[1] <= y < ic[3]:
            return i, sub, LVHT_ONITEMICON
        lb = parts[LVIR_LABEL]
        if lb[0] <= x < lb[2] and lb[1] <= y < lb[3]:
            return i, sub, LVHT_ONITEMLABEL
        if v == LVS_REPORT and (lv.ex_style & LVS_EX_FULLROWSELECT or sub > 0):
            b = parts[LVIR_BOUNDS]
            if b[0] <= x < b[2]:
                return i, sub, LVHT_ONITEMLABEL if lv.ex_style & LVS_EX_FULLROWSELECT else LVHT_NOWHERE
    return -1, 0, LVHT_NOWHERE


# ---- painting ----------------------------------------------------------------------------------------------
def _draw_checkbox(m: "Machine", dc: DC, r: tuple[int, int, int, int], checked: bool) -> None:
    cy = (r[1] + r[3]) // 2
    box = (r[0] + 1, cy - 6, r[0] + 14, cy + 7)
    draw.draw_frame_control(dc, box, draw.DFC_BUTTON, draw.DFCS_BUTTONCHECK | (draw.DFCS_CHECKED if checked else 0))


def _draw_item(m: "Machine", w: "Window", lv: LV, dc: DC, i: int, active: bool) -> None:
    v = _view(w)
    parts = item_parts(m, w, lv, i)
    state = get_state(w, lv, i)
    selected = bool(state & (LVIS_SELECTED | LVIS_DROPHILITED)) and (active or w.style & LVS_SHOWSELALWAYS
                                                                      or state & LVIS_DROPHILITED)
    txt_px = cc.color_px(m, lv.text_color, syscolor.COLOR_WINDOWTEXT)
    if state & LVIS_STATEIMAGEMASK:
        idx = (state & LVIS_STATEIMAGEMASK) >> 12
        sl = _state_list(m, lv)
        if sl is not None:
            r = parts[8]
            iml.draw(m, sl, idx - 1, dc, r[0], r[1] + (r[3] - r[1] - sl.cy) // 2)
        elif lv.ex_style & LVS_EX_CHECKBOXES:
            _draw_checkbox(m, dc, parts[8], idx == 2)
    img_list = iml.get(m, lv.images.get(LVSIL_NORMAL if v == LVS_ICON else LVSIL_SMALL, 0))
    if img_list is not None:
        img = get_image(m, w, lv, i)
        ic = parts[LVIR_ICON]
        style = iml.ILD_TRANSPARENT | (iml.ILD_BLEND50 if selected else 0) | (state & LVIS_OVERLAYMASK)
        if 0 <= img < len(img_list.images):
            iml.draw(m, img_list, img, dc, ic[0], ic[1] + (ic[3] - ic[1] - img_list.cy) // 2, style=style)
    lb = parts[LVIR_LABEL]
    if v == LVS_REPORT and lv.ex_style & LVS_EX_FULLROWSELECT:
        lb = (lb[0], lb[1], parts[LVIR_BOUNDS][2], lb[3])
    if selected:
        hl = syscolor.COLOR_HIGHLIGHT if active else syscolor.COLOR_BTNFACE
        draw.fill_rect(dc, lb, cc.syspx(m, hl))
        txt_px = cc.syspx(m, syscolor.COLOR_HIGHLIGHTTEXT if active else syscolor.COLOR_BTNTEXT)
    elif lv.text_bk not in (cc.CLR_DEFAULT, cc.CLR_NONE):
        draw.fill_rect(dc, lb, cc.color_px(m, lv.text_bk, syscolor.COLOR_WINDOW))
    dc.text_color = _px_ref(txt_px)
    flags = text.DT_SINGLELINE | text.DT_NOPREFIX | text.DT_END_ELLIPSIS | text.DT_VCENTER
    if v == LVS_ICON:
        text.draw_text(dc, get_text(m, w, lv, i, 0), lb, flags | text.DT_CENTER)
    elif v == LVS_REPORT:
        c0_right = (col_x(lv, 0)[1] - lv.xoff) if lv.cols else parts[LVIR_BOUNDS][2]
        fmt = lv.cols[0].fmt & 3 if lv.cols else 0
        text.draw_text(dc, get_text(m, w, lv, i, 0), (lb[0] + 2, lb[1], min(c0_right, lb[2]) - 2, lb[3]),
                       flags | _align(fmt))
        for c in range(1, len(lv.cols)):
            l, r = col_x(lv, c)
            s = get_text(m, w, lv, i, c)
            if not s:
                continue
            if not selected or not lv.ex_style & LVS_EX_FULLROWSELECT:
                dc.text_color = _px_ref(cc.color_px(m, lv.text_color, syscolor.COLOR_WINDOWTEXT))
            text.draw_text(dc, s, (l - lv.xoff + 6, lb[1], r - lv.xoff - 6, lb[3]), flags | _align(lv.cols[c].fmt & 3))
    else:
        text.draw_text(dc, get_text(m, w, lv, i, 0), (lb[0] + 2, lb[1], lb[2], lb[3]), flags)
    if state & LVIS_FOCUSED and active:
        fr = parts[LVIR_SELECTBOUNDS] if v != LVS_ICON else lb
        if v == LVS_REPORT and lv.ex_style & LVS_EX_FULLROWSELECT:
            fr = (fr[0], fr[1], parts[LVIR_BOUNDS][2], fr[3])
        fr = (lb[0], fr[1], fr[2], fr[3]) if v != LVS_ICON else fr
        draw.draw_focus_rect(dc, fr)


def _align(fmt: int) -> int:
    return text.DT_RIGHT if fmt == LVCFMT_RIGHT else text.DT_CENTER if fmt == LVCFMT_CENTER else 0


def _px_ref(px: int) -> int:
    from .surface import px_to_colorref  # noqa: PLC0415
    return px_to_colorref(px)


def _draw_header(m: "Machine", w: "Window", lv: LV, dc: DC) -> None:
    hh = header_h(m, w, lv)
    if not hh:
        return
    cw_ = w.client_size[0]
    face = cc.syspx(m, syscolor.COLOR_BTNFACE)
    draw.fill_rect(dc, (0, 0, cw_, hh), face)
    dc.text_color = syscolor.get(m, syscolor.COLOR_BTNTEXT)
    x = -lv.xoff
    for c in _display_order(lv):
        col = lv.cols[c]
        r = (x, 0, x + col.width, hh)
        if col.width > 0:
            draw.draw_edge(dc, r, draw.EDGE_RAISED, draw.BF_RECT | draw.BF_SOFT)
            text.draw_text(dc, col.text, (r[0] + 6, 1, r[2] - 6, hh - 1), text.DT_SINGLELINE | text.DT_VCENTER
                           | text.DT_END_ELLIPSIS | _align(col.fmt & 3))
        x += col.width
    if x < cw_:
        draw.draw_edge(dc, (x, 0, cw_ + 2, hh), draw.EDGE_RAISED, draw.BF_RECT | draw.BF_SOFT)


def paint(m: "Machine", w: "Window", dc: DC) -> None:
    lv = _lv(w)
    cw_, ch_ = w.client_size
    dc.save()
    try:
        bg = cc.color_px(m, lv.bk, syscolor.COLOR_WINDOW)
        if lv.bk != cc.CLR_NONE:
            draw.fill_rect(dc, (0, 0, cw_, ch_), bg)
        dc.font = cc.font_of(m, lv.font)
        dc.bk_mode = 1
        active = lv.focused
        n = _count(w, lv)
        v = _view(w)
        if v == LVS_REPORT:
            rows = _rows_visible(m, w, lv) + 1
            visible = range(lv.top, min(n, lv.top + rows))
        elif v == LVS_LIST:
            rows = _rows_visible(m, w, lv)
            per_page = w.client_size[0] // _list_col_w(m, lv) + 1
            visible = range(lv.top * rows, min(n, (lv.top + per_page) * rows))
        else:
            _cw, ch, per = _grid(m, w, lv)
            page = ch_ // ch + 1
            visible = range(lv.top * per, min(n, (lv.top + page) * per))
        for i in visible:
            _draw_item(m, w, lv, dc, i, active)
        if v == LVS_REPORT and lv.ex_style & LVS_EX_GRIDLINES:
            grid = cc.syspx(m, syscolor.COLOR_BTNFACE)
            top = header_h(m, w, lv)
            rh = row_h(m, w, lv)
            for c in range(len(lv.cols)):
                x = col_x(lv, c)[1] - lv.xoff - 1
                draw.fill_rect(dc, (x, top, x + 1, ch_), grid)
            y = top + rh - 1
            while y < ch_:
                draw.fill_rect(dc, (0, y, cw_, y + 1), grid)
                y += rh
        _draw_header(m, w, lv, dc)
    finally:
        dc.restore(-1)


# ---- input --------------------------------------------------------------------------------------------------
def _select_only(m: "Machine", w: "Window", lv: LV, i: int) -> None:
    for j in _indices_with(w, lv, LVIS_SELECTED):
        if j != i:
            set_state(m, w, lv, j, 0, LVIS_SELECTED)
    if i >= 0:
        set_state(m, w, lv, i, LVIS_SELECTED | LVIS_FOCUSED, LVIS_SELECTED | LVIS_FOCUSED)
        lv.mark = i


def _click(m: "Machine", w: "Window", lv: LV, x: int, y: int, right: bool) -> None:
    from . import input as inp  # noqa: PLC0415
    keys = inp.state(m).keys
    ctrl, shift = bool(keys[0x11] & 0x80), bool(keys[0x10] & 0x80)
    if _view(w) == LVS_REPORT and 0 <= y < header_h(m, w, lv):
        if not right and not w.style & LVS_NOSORTHEADER:
            for c in range(len(lv.cols)):
                l, r = col_x(lv, c)
                if l - lv.xoff <= x < r - lv.xoff:
                    cc.notify(m, w, LVN_COLUMNCLICK, _nmlistview(-1, c, 0, 0, 0, 0))
        return
    i, _sub, flags = hit_test(m, w, lv, x, y)
    if i >= 0 and flags == LVHT_ONITEMSTATEICON and lv.ex_style & LVS_EX_CHECKBOXES and not right:
        _toggle_check(m, w, lv, i)
        return
    if i < 0:
        if not ctrl and not right:
            _select_only(m, w, lv, -1)
        return
    if right:
        if not get_state(w, lv, i) & LVIS_SELECTED:
            _select_only(m, w, lv, i)
        return
    if ctrl and not w.style & LVS_SINGLESEL:
        st = get_state(w, lv, i)
        set_state(m, w, lv, i, (st ^ LVIS_SELECTED) | LVIS_FOCUSED, LVIS_SELECTED | LVIS_FOCUSED)
        lv.mark = i
    elif shift and not w.style & LVS_SINGLESEL and lv.mark >= 0:
        lo, hi = sorted((lv.mark, i))
        for j in range(_count(w, lv)):
            set_state(m, w, lv, j, LVIS_SELECTED if lo <= j <= hi else 0, LVIS_SELECTED)
        set_state(m, w, lv, i, LVIS_FOCUSED, LVIS_FOCUSED)
    else:
        _select_only(m, w, lv, i)


def _toggle_check(m: "Machine", w: "Window", lv: LV, i: int) -> None:
    st = get_state(w, lv, i)
    idx = (st & LVIS_STATEIMAGEMASK) >> 12
    set_state(m, w, lv, i, (1 if idx == 2 else 2) << 12, LVIS_STATEIMAGEMASK)


def _key(m: "Machine", w: "Window", lv: LV, vk: int) -> None:
    n = _count(w, lv)
    foc = next(iter(_indices_with(w, lv, LVIS_FOCUSED)), -1)
    v = _view(w)
    rows = _rows_visible(m, w, lv)
    target = foc
    if v == LVS_LIST:
        step_v, step_h = 1, rows
    elif v == LVS_REPORT:
        step_v, step_h = 1, 0
    else:
        per = _grid(m, w, lv)[2]
        step_v, step_h = per, 1
    if vk == 0x26:  # up
        target = foc - step_v
    elif vk == 0x28:  # down
        target = foc + step_v if foc >= 0 else 0
    elif vk == 0x25 and step_h:  # left
        target = foc - step_h
    elif vk == 0x27 and step_h:  # right
        target = foc + step_h if foc >= 0 else 0
    elif vk == 0x24:  # home
        target = 0
    elif vk == 0x23:  # end
        target = n - 1
    elif vk == 0x21:  # page up
        target = foc - max(1, rows - 1) if v == LVS_REPORT else foc - step_v
    elif vk == 0x22:  # page down
        target = foc + max(1, rows - 1) if v == LVS_REPORT else foc + step_v
    elif vk == 0x20 and foc >= 0:  # space
        if lv.ex_style & LVS_EX_CHECKBOXES:
            _toggle_check(m, w, lv, foc)
        else:
            set_state(m, w, lv, foc, LVIS_SELECTED, LVIS_SELECTED)
        return
    elif vk == 0x0D:
        cc.notify(m, w, cc.NM_RETURN)
        return
    else:
        return
    if n == 0:
        return
    target = max(0, min(n - 1, target))
    if target != foc or not get_state(w, lv, target) & LVIS_SELECTED:
        _select_only(m, w, lv, target)
    ensure_visible(m, w, lv, target)


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
