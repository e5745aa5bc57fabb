"""SysListView32's data model: messages and flags, columns and items, metrics and item geometry, item
text/image/state (with LVN_GETDISPINFO callbacks) and state-change notifications."""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import comctl32_common as cc
from . import comctl32_imagelist as iml
from . import text
from . import window as wm

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
