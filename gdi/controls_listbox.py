"""The ListBox control class, the ComboBox class and its list ("ComboLBox": a child list for CBS_SIMPLE, a
top-level popup shown below the combo for CBS_DROPDOWN / CBS_DROPDOWNLIST), in the Windows 95 look.

List state lives in ``Window.data`` (``ListState``); a combo's in ``ComboState`` with its edit child (the Edit
class of controls_edit.py, id 1001) and its list (id 1000). Notifications of a combo's list go to the combo,
which turns them into CBN_* for its parent; owner-draw messages of the list go to the combo's parent.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import defwnd
from . import font as fontmod
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .controls_button import (
    COLOR_HIGHLIGHT,
    COLOR_HIGHLIGHTTEXT,
    DLGC_WANTALLKEYS,
    DLGC_WANTARROWS,
    DLGC_WANTCHARS,
    ODA_DRAWENTIRE,
    ODA_FOCUS,
    ODS_COMBOBOXEDIT,
    ODS_DISABLED,
    ODS_FOCUS,
    ODS_SELECTED,
    ODT_COMBOBOX,
    ODT_LISTBOX,
    TRANSPARENT,
    WM_CAPTURECHANGED,
    WM_PRINTCLIENT,
    Painting,
    ctl_brush,
    fill_brush,
    focus_rect,
    font_obj,
    has_capture,
    point,
    px,
    redraw,
    send_drawitem,
    send_measureitem,
    set_capture,
    signed16,
)
from .controls_scroll import (
    SB_BOTTOM,
    SB_HORZ,
    SB_LINEDOWN,
    SB_LINEUP,
    SB_PAGEDOWN,
    SB_PAGEUP,
    SB_THUMBPOSITION,
    SB_THUMBTRACK,
    SB_TOP,
    SB_VERT,
    SIF_DISABLENOSCROLL,
    SIF_PAGE,
    SIF_POS,
    SIF_RANGE,
    draw_arrow_button,
    set_window_scroll,
    window_info,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .region import Rect
    from .window import Window

LBS_NOTIFY, LBS_SORT, LBS_NOREDRAW, LBS_MULTIPLESEL, LBS_OWNERDRAWFIXED, LBS_OWNERDRAWVARIABLE = 1, 2, 4, 8, 0x10, 0x20
LBS_HASSTRINGS, LBS_USETABSTOPS, LBS_NOINTEGRALHEIGHT, LBS_MULTICOLUMN, LBS_WANTKEYBOARDINPUT = \
    0x40, 0x80, 0x100, 0x200, 0x400
LBS_EXTENDEDSEL, LBS_DISABLENOSCROLL, LBS_NODATA, LBS_NOSEL = 0x800, 0x1000, 0x2000, 0x4000
LB_ADDSTRING, LB_INSERTSTRING, LB_DELETESTRING, LB_SELITEMRANGEEX, LB_RESETCONTENT, LB_SETSEL, LB_SETCURSEL = \
    0x180, 0x181, 0x182, 0x183, 0x184, 0x185, 0x186
LB_GETSEL, LB_GETCURSEL, LB_GETTEXT, LB_GETTEXTLEN, LB_GETCOUNT, LB_SELECTSTRING, LB_DIR, LB_GETTOPINDEX = \
    0x187, 0x188, 0x189, 0x18A, 0x18B, 0x18C, 0x18D, 0x18E
LB_FINDSTRING, LB_GETSELCOUNT, LB_GETSELITEMS, LB_SETTABSTOPS, LB_GETHORIZONTALEXTENT, LB_SETHORIZONTALEXTENT = \
    0x18F, 0x190, 0x191, 0x192, 0x193, 0x194
LB_SETCOLUMNWIDTH, LB_ADDFILE, LB_SETTOPINDEX, LB_GETITEMRECT, LB_GETITEMDATA, LB_SETITEMDATA, LB_SELITEMRANGE = \
    0x195, 0x196, 0x197, 0x198, 0x199, 0x19A, 0x19B
LB_SETANCHORINDEX, LB_GETANCHORINDEX, LB_SETCARETINDEX, LB_GETCARETINDEX, LB_SETITEMHEIGHT, LB_GETITEMHEIGHT = \
    0x19C, 0x19D, 0x19E, 0x19F, 0x1A0, 0x1A1
LB_FINDSTRINGEXACT, LB_SETLOCALE, LB_GETLOCALE, LB_SETCOUNT, LB_INITSTORAGE, LB_ITEMFROMPOINT = \
    0x1A2, 0x1A5, 0x1A6, 0x1A7, 0x1A8, 0x1A9
LB_ERR, LB_ERRSPACE = 0xFFFFFFFF, 0xFFFFFFFE
LBN_SELCHANGE, LBN_DBLCLK, LBN_SELCANCEL, LBN_SETFOCUS, LBN_KILLFOCUS = 1, 2, 3, 4, 5
CBS_SIMPLE, CBS_DROPDOWN, CBS_DROPDOWNLIST, CBS_OWNERDRAWFIXED, CBS_OWNERDRAWVARIABLE, CBS_AUTOHSCROLL = \
    1, 2, 3, 0x10, 0x20, 0x40
CBS_OEMCONVERT, CBS_SORT, CBS_HASSTRINGS, CBS_NOINTEGRALHEIGHT, CBS_DISABLENOSCROLL = 0x80, 0x100, 0x200, 0x400, 0x800
CBS_UPPERCASE, CBS_LOWERCASE = 0x2000, 0x4000
CB_GETEDITSEL, CB_LIMITTEXT, CB_SETEDITSEL, CB_ADDSTRING, CB_DELETESTRING, CB_DIR, CB_GETCOUNT, CB_GETCURSEL = \
    0x140, 0x141, 0x142, 0x143, 0x144, 0x145, 0x146, 0x147
CB_GETLBTEXT, CB_GETLBTEXTLEN, CB_INSERTSTRING, CB_RESETCONTENT, CB_FINDSTRING, CB_SELECTSTRING, CB_SETCURSEL = \
    0x148, 0x149, 0x14A, 0x14B, 0x14C, 0x14D, 0x14E
CB_SHOWDROPDOWN, CB_GETITEMDATA, CB_SETITEMDATA, CB_GETDROPPEDCONTROLRECT, CB_SETITEMHEIGHT, CB_GETITEMHEIGHT = \
    0x14F, 0x150, 0x151, 0x152, 0x153, 0x154
CB_SETEXTENDEDUI, CB_GETEXTENDEDUI, CB_GETDROPPEDSTATE, CB_FINDSTRINGEXACT, CB_SETLOCALE, CB_GETLOCALE = \
    0x155, 0x156, 0x157, 0x158, 0x159, 0x15A
CB_GETTOPINDEX, CB_SETTOPINDEX, CB_GETHORIZONTALEXTENT, CB_SETHORIZONTALEXTENT, CB_GETDROPPEDWIDTH = \
    0x15B, 0x15C, 0x15D, 0x15E, 0x15F
CB_SETDROPPEDWIDTH, CB_INITSTORAGE = 0x160, 0x161
CB_ERR = 0xFFFFFFFF
CBN_SELCHANGE, CBN_DBLCLK, CBN_SETFOCUS, CBN_KILLFOCUS, CBN_EDITCHANGE, CBN_EDITUPDATE, CBN_DROPDOWN = \
    1, 2, 3, 4, 5, 6, 7
CBN_CLOSEUP, CBN_SELENDOK, CBN_SELENDCANCEL = 8, 9, 10
EN_SETFOCUS, EN_KILLFOCUS, EN_CHANGE, EN_UPDATE = 0x100, 0x200, 0x300, 0x400
EM_GETSEL, EM_SETSEL, EM_LIMITTEXT = 0xB0, 0xB1, 0xC5
ID_LIST, ID_EDIT = 1000, 1001
MA_NOACTIVATE = 3
VK_SPACE, VK_PRIOR, VK_NEXT, VK_END, VK_HOME, VK_LEFT, VK_UP, VK_RIGHT, VK_DOWN = \
    0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28
VK_RETURN, VK_ESCAPE, VK_F4, VK_SHIFT, VK_CONTROL, VK_MENU = 0x0D, 0x1B, 0x73, 0x10, 0x11, 0x12


@dataclass
class Item:
    text: str
    data: int = 0
    sel: bool = False
    height: int = 0


@dataclass
class ListState:
    items: list[Item] = field(default_factory=list)
    font: int = 0
    top: int = 0
    cur: int = -1  # single selection
    caret: int = 0  # the focus item
    anchor: int = 0
    item_height: int = 0
    focused: bool = False
    tracking: bool = False
    hext: int = 0
    x_off: int = 0
    tabstops: list[int] = field(default_factory=list)
    locale: int = 0x0409
    combo: Window | None = None
    has_vscroll: bool = False
    has_hscroll: bool = False
    sizing: bool = False
    # combo lists: the mouse button is held in the dropped list; selection when the button went down
    button_down: bool = False
    press_cur: int = -1


def lstate(w: Window) -> ListState:
    if not isinstance(w.data, ListState):
        w.data = ListState()
    return w.data


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def _has_strings(w: Window) -> bool:
    return not (w.style & (LBS_OWNERDRAWFIXED | LBS_OWNERDRAWVARIABLE)) or bool(w.style & LBS_HASSTRINGS)


def _ownerdraw(w: Window) -> bool:
    return bool(w.style & (LBS_OWNERDRAWFIXED | LBS_OWNERDRAWVARIABLE))


def _multi(w: Window) -> bool:
    return bool(w.style & (LBS_MULTIPLESEL | LBS_EXTENDEDSEL))


def _owner(w: Window) -> Window | None:
    """Who gets WM_DRAWITEM / WM_MEASUREITEM / WM_COMPAREITEM / WM_DELETEITEM / WM_CTLCOLORLISTBOX."""
    st = lstate(w)
    if st.combo is not None:
        return st.combo.parent if st.combo.is_child else st.combo.owner
    return w.parent if w.is_child else w.owner


def _ctl(w: Window) -> tuple[int, int]:
    """(CtlType, CtlID) for the owner-draw structures."""
    st = lstate(w)
    if st.combo is not None:
        return ODT_COMBOBOX, st.combo.id
    return ODT_LISTBOX, w.id


def _lb_notify(m: Machine, w: Window, code: int, always: bool = False) -> None:
    st = lstate(w)
    if st.combo is not None:
        mm.send(m, st.combo, mm.WM_COMMAND, ID_LIST | (code << 16), w.hwnd)
        return
    if always or w.style & LBS_NOTIFY:
        p = w.parent if w.is_child else w.owner
        if p is not None:
            mm.send(m, p, mm.WM_COMMAND, (w.id & 0xFFFF) | (code << 16), w.hwnd)


# ---- geometry ------------------------------------------------------------------------------------------
def _default_height(m: Machine, w: Window) -> int:
    return max(1, fontmod.realize(m, font_obj(m, lstate(w).font)).height)


def _height(w: Window, i: int) -> int:
    st = lstate(w)
    if w.style & LBS_OWNERDRAWVARIABLE and 0 <= i < len(st.items):
        return max(1, st.items[i].height)
    return max(1, st.item_height)


def item_rect(w: Window, i: int) -> Rect:
    """Client rectangle of item ``i`` (may lie outside the client area)."""
    st = lstate(w)
    cw = w.client_size[0]
    if w.style & LBS_OWNERDRAWVARIABLE:
        if i >= st.top:
            y = sum(_height(w, k) for k in range(st.top, i))
        else:
            y = -sum(_height(w, k) for k in range(i, st.top))
        return (0, y, cw, y + _height(w, i))
    h = max(1, st.item_height)
    y = (i - st.top) * h
    return (0, y, cw, y + h)


def visible_count(w: Window, full: bool = True) -> int:
    """Items that fit in the client area from the top item (whole ones; at least 1)."""
    st = lstate(w)
    ch = w.client_size[1]
    if w.style & LBS_OWNERDRAWVARIABLE:
        n, y = 0, 0
        for i in range(st.top, len(st.items)):
            y += _height(w, i)
            if y > ch and (full or y - _height(w, i) >= ch):
                break
            n += 1
        return max(1, n)
    h = max(1, st.item_height)
    return max(1, ch // h if full else -(-ch // h))


def _page_size(w: Window) -> int:
    """Whole items per page (for the scroll bar)."""
    st = lstate(w)
    if w.style & LBS_OWNERDRAWVARIABLE:
        return visible_count(w)
    return max(1, w.client_size[1] // max(1, st.item_height))


def index_at(w: Window, x: int, y: int) -> int:
    """The item at client point (x, y), clamped to the nearest; -1 for an empty list."""
    st = lstate(w)
    n = len(st.items)
    if n == 0:
        return -1
    if y < 0:
        return max(0, st.top - 1)
    if w.style & LBS_OWNERDRAWVARIABLE:
        yy = 0
        for i in range(st.top, n):
            yy += _height(w, i)
            if y < yy:
                return i
        return n - 1
    return min(n - 1, st.top + y // max(1, st.item_height))


def _max_top(w: Window) -> int:
    st = lstate(w)
    n = len(st.items)
    if w.style & LBS_OWNERDRAWVARIABLE:
        ch = w.client_size[1]
        y, i = 0, n
        while i > 0 and y + _height(w, i - 1) <= ch:
            y += _height(w, i - 1)
            i -= 1
        return min(i, max(n - 1, 0))
    return max(0, n - _page_size(w))


def _update_scroll(m: Machine, w: Window) -> None:
    st = lstate(w)
    if st.has_vscroll:
        n = len(st.items)
        mask = SIF_RANGE | SIF_PAGE | SIF_POS
        if w.style & LBS_DISABLENOSCROLL:
            mask |= SIF_DISABLENOSCROLL
        info = w.scroll.get(SB_VERT)
        want = [0, max(n - 1, 0), _page_size(w), st.top]
        if info is None or info[:4] != want or bool(w.style & wm.WS_VSCROLL) != (n > _page_size(w)):
            set_window_scroll(m, w, SB_VERT, mask, 0, max(n - 1, 0), _page_size(w), st.top, True)
    if st.has_hscroll:
        cw = max(1, w.client_size[0])
        mask = SIF_RANGE | SIF_PAGE | SIF_POS
        if w.style & LBS_DISABLENOSCROLL:
            mask |= SIF_DISABLENOSCROLL
        info = w.scroll.get(SB_HORZ)
        want = [0, max(st.hext - 1, 0), cw, st.x_off]
        if info is None or info[:4] != want:
            set_window_scroll(m, w, SB_HORZ, mask, 0, max(st.hext - 1, 0), cw, st.x_off, True)


def set_top(m: Machine, w: Window, top: int) -> None:
    st = lstate(w)
    top = max(0, min(top, _max_top(w)))
    if top != st.top:
        st.top = top
        redraw(m, w)
    _update_scroll(m, w)


def make_visible(m: Machine, w: Window, i: int) -> None:
    """Scroll so item ``i`` is wholly visible."""
    st = lstate(w)
    if not 0 <= i < len(st.items):
        return
    if i < st.top:
        set_top(m, w, i)
        return
    if w.style & LBS_OWNERDRAWVARIABLE:
        ch = w.client_size[1]
        top = st.top
        while top < i and sum(_height(w, k) for k in range(top, i + 1)) > ch:
            top += 1
        set_top(m, w, top)
        return
    vis = _page_size(w)
    if i >= st.top + vis:
        set_top(m, w, i - vis + 1)


def _integral(m: Machine, w: Window) -> None:
    """Without LBS_NOINTEGRALHEIGHT the list shrinks to a whole number of items."""
    st = lstate(w)
    if w.style & (LBS_NOINTEGRALHEIGHT | LBS_OWNERDRAWVARIABLE) or st.sizing or st.combo is not None:
        return
    h = max(1, st.item_height)
    ch = w.client_size[1]
    extra = ch % h
    if extra and ch > h:
        st.sizing = True
        try:
            r = w.rect
            wm.move_window(m, w, (r[0], r[1], r[2], r[3] - extra),
                           wm.SWP_NOMOVE | wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)
        finally:
            st.sizing = False


# ---- items -------------------------------------------------------------------------------------------
def _compare(m: Machine, w: Window, i: int | None, a: Item, j: int, b: Item) -> int:
    """Sort order of two items: strings ignore case; owner-draw lists ask the owner (WM_COMPAREITEM)."""
    if _has_strings(w):
        ka, kb = a.text.casefold(), b.text.casefold()
        return (ka > kb) - (ka < kb)
    owner = _owner(w)
    if owner is None:
        return 0
    ctype, cid = _ctl(w)
    p = wm._tmp(m, struct.pack("<8I", ctype, cid, w.hwnd, (i if i is not None else 0xFFFFFFFF) & 0xFFFFFFFF,
                               a.data & 0xFFFFFFFF, j, b.data & 0xFFFFFFFF, lstate(w).locale))
    try:
        r = _s32(mm.send(m, owner, mm.WM_COMPAREITEM, cid, p))
    finally:
        wm._free_tmp(m, p)
    return r


def _measure(m: Machine, w: Window, i: int, it: Item) -> None:
    if w.style & LBS_OWNERDRAWVARIABLE:
        ctype, cid = _ctl(w)
        _, h = send_measureitem(m, _owner(w), ctype, cid, i, w.client_size[0], _default_height(m, w), it.data)
        it.height = max(1, min(h, 255))


def insert_item(m: Machine, w: Window, index: int, it: Item, sort: bool) -> int:
    """Insert ``it`` at ``index`` (-1: the end) or at its sorted place; returns its index."""
    st = lstate(w)
    n = len(st.items)
    if sort:
        lo, hi = 0, n
        while lo < hi:
            mid = (lo + hi) // 2
            if _compare(m, w, None, it, mid, st.items[mid]) < 0:
                hi = mid
            else:
                lo = mid + 1
        index = lo
    elif index < 0 or index > n:
        if index > n:
            return LB_ERR
        index = n
    st.items.insert(index, it)
    if st.cur >= index:
        st.cur += 1
    if st.caret >= index and n:
        st.caret += 1
    if st.anchor >= index and n:
        st.anchor += 1
    _measure(m, w, index, it)
    redraw(m, w)
    _update_scroll(m, w)
    return index


def _delete_notify(m: Machine, w: Window, i: int, it: Item) -> None:
    """WM_DELETEITEM for owner-drawn lists and items with data."""
    if not (_ownerdraw(w) or it.data):
        return
    owner = _owner(w)
    if owner is None:
        return
    ctype, cid = _ctl(w)
    p = wm._tmp(m, struct.pack("<5I", ctype, cid, i, w.hwnd, it.data & 0xFFFFFFFF))
    try:
        mm.send(m, owner, mm.WM_DELETEITEM, cid, p)
    finally:
        wm._free_tmp(m, p)


def delete_item(m: Machine, w: Window, i: int) -> int:
    st = lstate(w)
    if not 0 <= i < len(st.items):
        return LB_ERR
    it = st.items[i]
    _delete_notify(m, w, i, it)
    del st.items[i]
    n = len(st.items)
    if st.cur == i:
        st.cur = -1
    elif st.cur > i:
        st.cur -= 1
    if st.caret > i or st.caret >= n:
        st.caret = max(0, st.caret - 1)
    if st.anchor > i or st.anchor >= n:
        st.anchor = max(0, st.anchor - 1)
    st.top = max(0, min(st.top, _max_top(w)))
    redraw(m, w)
    _update_scroll(m, w)
    return n


def reset(m: Machine, w: Window) -> None:
    st = lstate(w)
    for i, it in enumerate(st.items):
        _delete_notify(m, w, i, it)
    st.items.clear()
    st.cur = -1
    st.caret = st.anchor = st.top = 0
    redraw(m, w)
    _update_scroll(m, w)


def find(w: Window, start: int, s: str, exact: bool, data: int = 0) -> int:
    """LB_FINDSTRING(EXACT): the first item after ``start`` (wrapping) that matches; -1 if none."""
    st = lstate(w)
    n = len(st.items)
    if n == 0:
        return -1
    start = start if 0 <= start < n else -1
    key = s.casefold()
    for k in range(1, n + 1):
        i = (start + k) % n
        it = st.items[i]
        if not _has_strings(w):
            if it.data & 0xFFFFFFFF == data & 0xFFFFFFFF:
                return i
            continue
        t = it.text.casefold()
        if t == key if exact else t.startswith(key):
            return i
    return -1


def get_cursel(w: Window) -> int:
    st = lstate(w)
    if _multi(w):
        return st.caret if st.items else -1
    return st.cur


def set_cursel(m: Machine, w: Window, i: int, scroll: bool = True) -> bool:
    """Single-selection lists: select ``i`` (-1: none); returns whether it changed."""
    st = lstate(w)
    if i >= len(st.items):
        i = -1
    changed = i != st.cur
    if changed:
        st.cur = i
        redraw(m, w)
    if i >= 0:
        if st.caret != i:
            st.caret = i
            redraw(m, w)
        st.anchor = i
        if scroll:
            make_visible(m, w, i)
    return changed


def set_sel(m: Machine, w: Window, on: bool, i: int) -> bool:
    """Multiple-selection lists: select or deselect item ``i`` (-1: all)."""
    st = lstate(w)
    changed = False
    for k, it in enumerate(st.items):
        if (i < 0 or k == i) and it.sel != on:
            it.sel = on
            changed = True
    if changed:
        redraw(m, w)
    return changed


def _select_range(m: Machine, w: Window, a: int, b: int, on: bool, only: bool = False) -> bool:
    st = lstate(w)
    lo, hi = min(a, b), max(a, b)
    changed = False
    for k, it in enumerate(st.items):
        want = on if lo <= k <= hi else (False if only else it.sel)
        if it.sel != want:
            it.sel = want
            changed = True
    if changed:
        redraw(m, w)
    return changed


def is_selected(w: Window, i: int) -> bool:
    st = lstate(w)
    if _multi(w):
        return 0 <= i < len(st.items) and st.items[i].sel
    return i == st.cur


def set_caret(m: Machine, w: Window, i: int) -> None:
    st = lstate(w)
    if 0 <= i < len(st.items) and i != st.caret:
        st.caret = i
        redraw(m, w)
    make_visible(m, w, i)


# ---- input -------------------------------------------------------------------------------------------
def _key_state(m: Machine) -> tuple[bool, bool]:
    from . import input as inp
    k = inp.state(m).keys
    return bool(k[VK_SHIFT] & 0x80), bool(k[VK_CONTROL] & 0x80)


def _move_to(m: Machine, w: Window, i: int, by_key: bool) -> None:
    """Keyboard/mouse navigation to item ``i``: selection follows as the style says; LBN_SELCHANGE."""
    st = lstate(w)
    n = len(st.items)
    if n == 0:
        return
    i = max(0, min(i, n - 1))
    shift, ctrl = _key_state(m)
    changed = False
    if w.style & LBS_NOSEL:
        set_caret(m, w, i)
        return
    if w.style & LBS_EXTENDEDSEL:
        if shift:
            changed = _select_range(m, w, st.anchor, i, True, only=not ctrl)
        elif not (ctrl and by_key):
            changed = _select_range(m, w, i, i, True, only=True)
            st.anchor = i
        set_caret(m, w, i)
    elif w.style & LBS_MULTIPLESEL:
        set_caret(m, w, i)
    else:
        changed = set_cursel(m, w, i)
    if changed:
        _lb_notify(m, w, LBN_SELCHANGE)


def _keydown(m: Machine, w: Window, vk: int) -> int:
    st = lstate(w)
    if w.style & LBS_WANTKEYBOARDINPUT and st.combo is None:
        owner = _owner(w)
        if owner is not None:
            r = _s32(mm.send(m, owner, mm.WM_VKEYTOITEM, (vk & 0xFFFF) | ((st.caret & 0xFFFF) << 16), w.hwnd))
            if r == -2:
                return 0
            if r >= 0:
                _move_to(m, w, r, True)
                return 0
    n = len(st.items)
    if n == 0:
        return 0
    cur = st.caret if _multi(w) else (st.cur if st.cur >= 0 else st.caret)
    page = max(1, visible_count(w) - 1)
    target = {VK_UP: cur - 1, VK_LEFT: cur - 1, VK_DOWN: cur + 1, VK_RIGHT: cur + 1, VK_PRIOR: cur - page,
              VK_NEXT: cur + page, VK_HOME: 0, VK_END: n - 1}.get(vk)
    if target is not None:
        if not _multi(w) and st.cur < 0 and vk in (VK_UP, VK_DOWN):
            target = cur
        _move_to(m, w, target, True)
        return 0
    if vk == VK_SPACE and _multi(w):
        ctrl = _key_state(m)[1]
        if w.style & LBS_MULTIPLESEL or ctrl:
            it = st.items[st.caret]
            it.sel = not it.sel
            st.anchor = st.caret
            redraw(m, w)
            _lb_notify(m, w, LBN_SELCHANGE)
        return 0
    return 0


def _char(m: Machine, w: Window, ch: int, unicode: bool) -> int:
    st = lstate(w)
    if w.style & LBS_WANTKEYBOARDINPUT and st.combo is None and not _has_strings(w):
        owner = _owner(w)
        if owner is not None:
            r = _s32(mm.send(m, owner, mm.WM_CHARTOITEM, (ch & 0xFFFF) | ((st.caret & 0xFFFF) << 16), w.hwnd))
            if r >= 0:
                _move_to(m, w, r, True)
        return 0
    if ch < 0x20 or not _has_strings(w):
        return 0
    c = chr(ch) if unicode else bytes([ch & 0xFF]).decode(m.ansi, "replace")
    i = find(w, st.caret if st.items else -1, c, False)
    if i >= 0:
        _move_to(m, w, i, True)
    return 0


def _mouse_select(m: Machine, w: Window, i: int, down: bool) -> None:
    st = lstate(w)
    if i < 0:
        return
    shift, ctrl = _key_state(m)
    if w.style & LBS_NOSEL:
        set_caret(m, w, i)
        return
    if w.style & LBS_MULTIPLESEL:
        if down:
            it = st.items[i]
            it.sel = not it.sel
            st.anchor = i
            redraw(m, w)
            set_caret(m, w, i)
            _lb_notify(m, w, LBN_SELCHANGE)
        return
    if w.style & LBS_EXTENDEDSEL:
        if down and ctrl and not shift:
            it = st.items[i]
            it.sel = not it.sel
            st.anchor = i
            redraw(m, w)
            changed = True
        elif shift or not down:
            changed = _select_range(m, w, st.anchor, i, True, only=not ctrl)
        else:
            changed = _select_range(m, w, i, i, True, only=True)
            st.anchor = i
        set_caret(m, w, i)
        if changed:
            _lb_notify(m, w, LBN_SELCHANGE)
        return
    if set_cursel(m, w, i) and st.combo is None:
        _lb_notify(m, w, LBN_SELCHANGE)


# ---- the ListBox / ComboLBox window procedure -----------------------------------------------------------
def _init_list(m: Machine, w: Window, lp: int) -> None:
    st = lstate(w)
    if w.cls.name.lower() == "combolbox" and lp:
        combo = wm.get(m, m.mem.u32(lp))  # CREATESTRUCT.lpCreateParams: the combo box
        if combo is not None and combo.cls.name.lower() == "combobox":
            st.combo = combo
            st.font = cstate(combo).font
    st.has_vscroll = bool(w.style & wm.WS_VSCROLL)
    st.has_hscroll = bool(w.style & wm.WS_HSCROLL)
    if w.style & LBS_EXTENDEDSEL and w.style & LBS_MULTIPLESEL:
        w.style &= ~LBS_MULTIPLESEL
    st.item_height = _default_height(m, w)
    if w.style & LBS_OWNERDRAWFIXED:
        ctype, cid = _ctl(w)
        _, h = send_measureitem(m, _owner(w), ctype, cid, 0, w.client_size[0], st.item_height, 0)
        st.item_height = max(1, min(h, 255))


def list_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The ListBox window procedure (ComboLBox too)."""
    st = lstate(w)
    if msg == mm.WM_NCCREATE:
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == mm.WM_CREATE:
        _init_list(m, w, lp)
        _integral(m, w)
        _update_scroll(m, w)
        return 0
    if msg == mm.WM_DESTROY:
        if st.items:
            reset(m, w)
        return 0
    if msg == mm.WM_SIZE:
        _integral(m, w)
        st.top = max(0, min(st.top, _max_top(w)))
        _update_scroll(m, w)
        redraw(m, w)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, WM_PRINTCLIENT):
        with Painting(m, w, wp) as dc:
            if dc is not None:
                paint_list(m, w, dc)
        return 0
    if msg == mm.WM_MOUSEACTIVATE and st.combo is not None:
        return MA_NOACTIVATE
    if msg == mm.WM_GETDLGCODE:
        return DLGC_WANTARROWS | DLGC_WANTCHARS
    if msg == mm.WM_SETFONT:
        st.font = wp
        if not w.style & LBS_OWNERDRAWFIXED:
            st.item_height = _default_height(m, w)
        _integral(m, w)
        _update_scroll(m, w)
        if lp & 0xFFFF:
            redraw(m, w)
        return 0
    if msg == mm.WM_GETFONT:
        return st.font
    if msg == mm.WM_SETFOCUS:
        st.focused = True
        redraw(m, w)
        _lb_notify(m, w, LBN_SETFOCUS, always=True)
        return 0
    if msg == mm.WM_KILLFOCUS:
        st.focused = False
        if st.tracking and st.combo is None:
            st.tracking = False
            if has_capture(m, w):
                set_capture(m, None)
        redraw(m, w)
        _lb_notify(m, w, LBN_KILLFOCUS, always=True)
        return 0
    if msg == mm.WM_ENABLE:
        redraw(m, w)
        return 0
    if st.combo is not None and st.combo.data is not None and cstate(st.combo).dropped and \
            msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK, mm.WM_MOUSEMOVE, mm.WM_LBUTTONUP, WM_CAPTURECHANGED):
        return _popup_mouse(m, w, msg, lp)
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK):
        if st.combo is None and wm.state(m).focus is not w:
            wm.set_focus(m, w)
        elif st.combo is not None and wm.state(m).focus is None:
            wm.set_focus(m, st.combo)
        x, y = point(lp)
        i = index_at(w, x, y)
        if msg == mm.WM_LBUTTONDBLCLK:
            if i >= 0:
                _lb_notify(m, w, LBN_DBLCLK)
            return 0
        st.press_cur = st.cur
        _mouse_select(m, w, i, True)
        st.tracking = True
        set_capture(m, w)
        return 0
    if msg == mm.WM_MOUSEMOVE:
        if st.tracking and has_capture(m, w) and not w.style & LBS_MULTIPLESEL:
            x, y = point(lp)
            i = index_at(w, x, y)
            if y >= w.client_size[1] and st.items:
                i = min(len(st.items) - 1, st.top + visible_count(w))
            if i >= 0:
                make_visible(m, w, i)
                _mouse_select(m, w, i, False)
        return 0
    if msg == mm.WM_LBUTTONUP:
        if st.tracking:
            st.tracking = False
            if has_capture(m, w):
                set_capture(m, None)
            if st.combo is not None and st.cur >= 0 and st.cur != st.press_cur:
                _lb_notify(m, w, LBN_SELCHANGE)
        return 0
    if msg == WM_CAPTURECHANGED:
        st.tracking = False
        return 0
    if msg == mm.WM_KEYDOWN:
        return _keydown(m, w, wp)
    if msg == mm.WM_CHAR:
        return _char(m, w, wp, unicode)
    if msg == mm.WM_VSCROLL:
        code = wp & 0xFFFF
        page = max(1, _page_size(w))
        top = {SB_LINEUP: st.top - 1, SB_LINEDOWN: st.top + 1, SB_PAGEUP: st.top - page,
               SB_PAGEDOWN: st.top + page, SB_TOP: 0, SB_BOTTOM: len(st.items)}.get(code)
        if code in (SB_THUMBTRACK, SB_THUMBPOSITION):
            top = window_info(w, SB_VERT)[4] if st.has_vscroll else wp >> 16
        if top is not None:
            set_top(m, w, top)
        return 0
    if msg == mm.WM_HSCROLL:
        code = wp & 0xFFFF
        cw = max(1, w.client_size[0])
        x = {SB_LINEUP: st.x_off - 8, SB_LINEDOWN: st.x_off + 8, SB_PAGEUP: st.x_off - cw,
             SB_PAGEDOWN: st.x_off + cw, SB_TOP: 0, SB_BOTTOM: st.hext}.get(code)
        if code in (SB_THUMBTRACK, SB_THUMBPOSITION):
            x = window_info(w, SB_HORZ)[4] if st.has_hscroll else wp >> 16
        if x is not None:
            x = max(0, min(x, max(0, st.hext - cw)))
            if x != st.x_off:
                st.x_off = x
                redraw(m, w)
                _update_scroll(m, w)
        return 0
    if msg == mm.WM_MOUSEWHEEL:
        d = signed16(wp >> 16)
        n = -3 * d // 120
        if n:
            set_top(m, w, st.top + n)
        return 0
    r = list_message(m, w, msg, wp, lp, unicode)
    if r is not None:
        return r & 0xFFFFFFFF
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _item_from_lparam(m: Machine, w: Window, lp: int, unicode: bool) -> Item:
    if _has_strings(w):
        return Item(mm.read_str(m, lp, unicode) if lp else "")
    return Item("", data=lp)


def _write_item_text(m: Machine, w: Window, it: Item, buf: int, unicode: bool) -> int:
    if not _has_strings(w):
        if buf:
            m.mem.w32(buf, it.data & 0xFFFFFFFF)
        return 4
    if not buf:
        return LB_ERR
    data = mm.encode_str(m, it.text, unicode)
    m.mem.write(buf, data)
    return len(data) // (2 if unicode else 1) - 1


def list_message(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int | None:
    """The LB_* messages (None: not one of them)."""
    st = lstate(w)
    n = len(st.items)
    idx = _s32(wp)
    if msg == LB_ADDSTRING:
        return insert_item(m, w, -1, _item_from_lparam(m, w, lp, unicode), bool(w.style & LBS_SORT))
    if msg == LB_INSERTSTRING:
        return insert_item(m, w, idx, _item_from_lparam(m, w, lp, unicode), False)
    if msg == LB_DELETESTRING:
        return delete_item(m, w, idx)
    if msg == LB_RESETCONTENT:
        reset(m, w)
        return 0
    if msg == LB_GETCOUNT:
        return n
    if msg == LB_GETTEXT:
        if not 0 <= idx < n:
            return LB_ERR
        return _write_item_text(m, w, st.items[idx], lp, unicode)
    if msg == LB_GETTEXTLEN:
        if not 0 <= idx < n:
            return LB_ERR
        if not _has_strings(w):
            return 4
        t = st.items[idx].text
        return len(t) if unicode else len(t.encode(m.ansi, "replace"))
    if msg == LB_SETCURSEL:
        if _multi(w):
            return LB_ERR
        if idx >= n:
            return LB_ERR
        set_cursel(m, w, idx if idx >= 0 else -1)
        return LB_ERR if idx < 0 else idx
    if msg == LB_GETCURSEL:
        c = get_cursel(w)
        return LB_ERR if c < 0 else c
    if msg == LB_SETSEL:
        if not _multi(w):
            return LB_ERR
        i = _s32(lp)
        if i >= n:
            return LB_ERR
        set_sel(m, w, bool(wp), i)
        if i >= 0:
            st.anchor = i
            set_caret(m, w, i)
        return 0
    if msg == LB_GETSEL:
        if not 0 <= idx < n:
            return LB_ERR
        return int(is_selected(w, idx))
    if msg == LB_GETSELCOUNT:
        if not _multi(w):
            return LB_ERR
        return sum(1 for it in st.items if it.sel)
    if msg == LB_GETSELITEMS:
        if not _multi(w):
            return LB_ERR
        sel = [k for k, it in enumerate(st.items) if it.sel][:wp]
        if lp and sel:
            m.mem.pack(f"<{len(sel)}i", lp, *sel)
        return len(sel)
    if msg in (LB_SELITEMRANGE, LB_SELITEMRANGEEX):
        if not _multi(w):
            return LB_ERR
        if msg == LB_SELITEMRANGE:
            a, b, on = lp & 0xFFFF, lp >> 16, bool(wp)
        else:
            a, b = _s32(wp), _s32(lp)
            on = a <= b
        a, b = min(a, b), max(a, b)
        for k in range(max(a, 0), min(b, n - 1) + 1):
            st.items[k].sel = on
        redraw(m, w)
        return 0
    if msg == LB_FINDSTRING or msg == LB_FINDSTRINGEXACT:
        s = mm.read_str(m, lp, unicode) if _has_strings(w) and lp else ""
        i = find(w, idx, s, msg == LB_FINDSTRINGEXACT, lp)
        return LB_ERR if i < 0 else i
    if msg == LB_SELECTSTRING:
        s = mm.read_str(m, lp, unicode) if _has_strings(w) and lp else ""
        i = find(w, idx, s, False, lp)
        if i < 0:
            return LB_ERR
        if _multi(w):
            set_caret(m, w, i)
        else:
            set_cursel(m, w, i)
        return i
    if msg == LB_GETITEMDATA:
        if not 0 <= idx < n:
            return LB_ERR
        return st.items[idx].data & 0xFFFFFFFF
    if msg == LB_SETITEMDATA:
        if not 0 <= idx < n:
            return LB_ERR
        st.items[idx].data = lp
        return 1
    if msg == LB_SETTOPINDEX:
        if n and not 0 <= idx < n:
            return LB_ERR
        set_top(m, w, idx)
        return 0
    if msg == LB_GETTOPINDEX:
        return st.top
    if msg == LB_GETITEMHEIGHT:
        if w.style & LBS_OWNERDRAWVARIABLE:
            if not 0 <= idx < n:
                return LB_ERR
            return _height(w, idx)
        return st.item_height
    if msg == LB_SETITEMHEIGHT:
        h = lp & 0xFFFF
        if h > 255 or h == 0:
            return LB_ERR
        if w.style & LBS_OWNERDRAWVARIABLE:
            if not 0 <= idx < n:
                return LB_ERR
            st.items[idx].height = h
        else:
            st.item_height = h
            _integral(m, w)
        st.top = max(0, min(st.top, _max_top(w)))
        _update_scroll(m, w)
        redraw(m, w)
        return 0
    if msg == LB_GETITEMRECT:
        if not (0 <= idx < n or (idx == 0 and n == 0)):
            return LB_ERR
        if lp:
            m.mem.pack("<4i", lp, *item_rect(w, idx))
        r = item_rect(w, idx)
        return int(r[3] > 0 and r[1] < w.client_size[1])
    if msg == LB_ITEMFROMPOINT:
        x, y = point(lp)
        if n == 0:
            return 0x10000
        i = index_at(w, x, y)
        outside = not (0 <= x < w.client_size[0] and 0 <= y < w.client_size[1]) or \
            y >= item_rect(w, n - 1)[3]
        return (i & 0xFFFF) | (int(outside) << 16)
    if msg == LB_SETCARETINDEX:
        if not 0 <= idx < n:
            return LB_ERR
        set_caret(m, w, idx)
        return 0
    if msg == LB_GETCARETINDEX:
        return st.caret if n else LB_ERR
    if msg == LB_SETANCHORINDEX:
        if not 0 <= idx < n:
            return LB_ERR
        st.anchor = idx
        return 0
    if msg == LB_GETANCHORINDEX:
        return st.anchor if n else LB_ERR
    if msg == LB_SETHORIZONTALEXTENT:
        st.hext = wp
        st.x_off = max(0, min(st.x_off, max(0, st.hext - w.client_size[0])))
        _update_scroll(m, w)
        redraw(m, w)
        return 0
    if msg == LB_GETHORIZONTALEXTENT:
        return st.hext
    if msg == LB_SETTABSTOPS:
        if wp == 0:
            st.tabstops = []
        elif lp:
            st.tabstops = list(m.mem.unpack(f"<{wp}i", lp))
        redraw(m, w)
        return 1
    if msg == LB_SETLOCALE:
        old, st.locale = st.locale, wp
        return old
    if msg == LB_GETLOCALE:
        return st.locale
    if msg == LB_INITSTORAGE:
        return n + wp
    if msg in (LB_DIR, LB_ADDFILE, LB_SETCOUNT):
        return LB_ERR  # directory listings and LBS_NODATA lists are not supported
    return None


# ---- painting ------------------------------------------------------------------------------------------
def _tab_stops_px(m: Machine, w: Window) -> list[int] | None:
    if not w.style & LBS_USETABSTOPS:
        return None
    avg = max(1, fontmod.realize(m, font_obj(m, lstate(w).font)).ave_width)
    stops = lstate(w).tabstops or [32]
    return [max(1, s * avg // 4) for s in stops]


def draw_item_text(m: Machine, dc: DC, s: str, x: int, y: int, stops: list[int] | None) -> None:
    """Item text at (x, y); with tab stops (pixels; one value: an interval) tabs expand."""
    from . import text as textmod
    if stops is None or "\t" not in s:
        textmod.text_out(dc, x, y, s)
        return
    r = textmod.metrics(dc)
    pos = 0
    for k, part in enumerate(s.split("\t")):
        if k:
            if len(stops) == 1:
                pos = (pos // stops[0] + 1) * stops[0]
            else:
                nxt = next((t for t in stops if t > pos), None)
                pos = nxt if nxt is not None else pos + r.ave_width
        if part:
            textmod.text_out(dc, x + pos, y, part)
            pos += sum(r.glyph(c).advance for c in part)


def paint_list(m: Machine, w: Window, dc: DC) -> None:
    """Draw the visible items (selection highlighted, focus rectangle on the caret item)."""
    st = lstate(w)
    cw, ch = w.client_size
    dc.font = font_obj(m, st.font)
    disabled = bool(w.style & wm.WS_DISABLED)
    combo = st.combo
    b = ctl_brush(m, w, dc, mm.WM_CTLCOLORLISTBOX, target=_owner(w))
    fg = dc.text_color
    hl_bg = px(m, COLOR_HIGHLIGHT)
    from . import syscolor
    stops = _tab_stops_px(m, w)
    n = len(st.items)
    y_end = 0
    show_focus = st.focused or (combo is not None and cstate(combo).dropped)
    for i in range(st.top, n):
        r = item_rect(w, i)
        if r[1] >= ch:
            break
        y_end = r[3]
        sel = is_selected(w, i)
        if _ownerdraw(w):
            fill_brush(m, dc, r, b)
            state = (ODS_SELECTED if sel else 0) | (ODS_FOCUS if i == st.caret and st.focused else 0) \
                | (ODS_DISABLED if disabled else 0)
            ctype, cid = _ctl(w)
            send_drawitem(m, w, _owner(w), ctype, cid, i, ODA_DRAWENTIRE, state, w.hwnd, dc, r, st.items[i].data)
            dc.font = font_obj(m, st.font)
            continue
        if sel and not disabled:
            dc.fill_device(r, hl_bg)
            dc.text_color = syscolor.get(m, COLOR_HIGHLIGHTTEXT)
        else:
            fill_brush(m, dc, r, b)
            dc.text_color = syscolor.get(m, 17) if disabled else fg  # COLOR_GRAYTEXT
        dc.bk_mode = TRANSPARENT
        draw_item_text(m, dc, st.items[i].text, r[0] + 1 - st.x_off, r[1], stops)
        if i == st.caret and show_focus and (st.focused or combo is None):
            focus_rect(dc, r)
    if y_end < ch:
        fill_brush(m, dc, (0, y_end, cw, ch), b)
    if n == 0 and st.focused:
        r = item_rect(w, 0)
        if _ownerdraw(w):
            ctype, cid = _ctl(w)
            send_drawitem(m, w, _owner(w), ctype, cid, -1, ODA_FOCUS, ODS_FOCUS, w.hwnd, dc, r, 0)
        else:
            focus_rect(dc, r)


defwnd.builtin_class("ListBox", style=wm.CS_DBLCLKS | wm.CS_PARENTDC)(list_proc)


@defwnd.builtin_class("ComboLBox", style=wm.CS_DBLCLKS | wm.CS_SAVEBITS)
def combolbox_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The window procedure of a combo box's list."""
    return list_proc(m, w, msg, wp, lp, unicode)


# ---- ComboBox -----------------------------------------------------------------------------------------
@dataclass
class ComboState:
    font: int = 0
    edit: Window | None = None
    list: Window | None = None
    dropped: bool = False
    field_h: int = 0  # height of the selection field (the window height when closed)
    drop_h: int = 0  # height of the dropped list as created
    drop_w: int = 0
    button_pressed: bool = False
    focused: bool = False
    extended_ui: bool = False
    quiet_edit: bool = False  # our own edit updates: no CBN_EDITCHANGE
    sel_before_drop: int = -1


def cstate(w: Window) -> ComboState:
    if not isinstance(w.data, ComboState):
        w.data = ComboState()
    return w.data


def ctype(w: Window) -> int:
    return w.style & 3


def combo_dropped(w: Window) -> bool:
    return isinstance(w.data, ComboState) and w.data.dropped


def _button_rect(w: Window) -> Rect:
    cw, ch = w.client_size
    if ctype(w) == CBS_SIMPLE:
        return (cw, 0, cw, 0)
    return (cw - 2 - nc.CX_VSCROLL, 2, cw - 2, min(ch, cstate(w).field_h) - 2)


def _field_rect(w: Window) -> Rect:
    """The text part inside the 3D border (client coordinates)."""
    cw, _ = w.client_size
    st = cstate(w)
    br = _button_rect(w)
    right = br[0] if ctype(w) != CBS_SIMPLE else cw - 2
    return (2, 2, right, st.field_h - 2)


def _field_text_h(m: Machine, w: Window) -> int:
    return fontmod.realize(m, font_obj(m, cstate(w).font)).height


def _calc_field(m: Machine, w: Window) -> None:
    st = cstate(w)
    if w.style & (CBS_OWNERDRAWFIXED | CBS_OWNERDRAWVARIABLE):
        h = _field_text_h(m, w)
        p = w.parent if w.is_child else w.owner
        _, mh = send_measureitem(m, p, ODT_COMBOBOX, w.id, -1, w.client_size[0], h, 0)
        st.field_h = mh + 6
    else:
        st.field_h = _field_text_h(m, w) * 13 // 8


def _layout(m: Machine, w: Window) -> None:
    """Place the edit and (simple combos) the list; closed drop-down combos are as high as the field."""
    st = cstate(w)
    cw, ch = w.client_size
    fr = _field_rect(w)
    if st.edit is not None:
        wm.move_window(m, st.edit, (fr[0] + 1, fr[1] + 1, fr[2] - 1, fr[3] - 1),
                       wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)
    if ctype(w) == CBS_SIMPLE and st.list is not None:
        wm.move_window(m, st.list, (0, st.field_h, cw, max(st.field_h, ch)), wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)


def _c_notify(m: Machine, w: Window, code: int) -> None:
    p = w.parent if w.is_child else w.owner
    if p is not None and not w.destroyed:
        mm.send(m, p, mm.WM_COMMAND, (w.id & 0xFFFF) | (code << 16), w.hwnd)


def _lb(m: Machine, w: Window, msg: int, wp: int = 0, lp: int = 0, unicode: bool = False) -> int:
    lst = cstate(w).list
    if lst is None:
        return CB_ERR
    return list_proc(m, lst, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF, unicode) & 0xFFFFFFFF


def _sel_text(m: Machine, w: Window) -> str:
    st = cstate(w)
    if st.list is None:
        return ""
    ls = lstate(st.list)
    i = ls.cur
    if 0 <= i < len(ls.items):
        return ls.items[i].text
    return ""


def _update_edit(m: Machine, w: Window) -> None:
    """Show the list's selection in the edit (selected) or the field."""
    st = cstate(w)
    if st.edit is not None:
        st.quiet_edit = True
        try:
            wm.set_text(m, st.edit, _sel_text(m, w))
            if st.focused or wm.state(m).focus is st.edit:
                mm.send(m, st.edit, EM_SETSEL, 0, 0xFFFFFFFF)
        finally:
            st.quiet_edit = False
    redraw(m, w)


def drop_down(m: Machine, w: Window, by_mouse: bool) -> None:
    """Show the list below the combo (CBN_DROPDOWN first)."""
    st = cstate(w)
    if st.dropped or ctype(w) == CBS_SIMPLE or st.list is None:
        return
    _c_notify(m, w, CBN_DROPDOWN)
    if w.destroyed or st.list is None:
        return
    lst = st.list
    ls = lstate(lst)
    sx, sy = wm.window_origin_screen(w)
    n = len(ls.items)
    ih = max(1, ls.item_height)
    border = 2
    want = st.drop_h - st.field_h
    if lst.style & LBS_OWNERDRAWVARIABLE:
        items_h = sum(_height(lst, k) for k in range(n))
    else:
        items_h = n * ih
        if not w.style & CBS_NOINTEGRALHEIGHT:
            want = max(ih, (want - border) // ih * ih) + border
    h = max(ih + border, min(want, items_h + border))
    width = max(st.drop_w, w.width)
    from . import desktop
    scr = desktop.screen(m)
    top = sy + w.height
    if top + h > scr.height and sy - h >= 0:
        top = sy - h
    st.sel_before_drop = ls.cur
    st.dropped = True
    ls.focused = False
    ls.caret = max(0, ls.cur)
    wm.move_window(m, lst, (sx, top, sx + width, top + h), wm.SWP_NOACTIVATE | wm.SWP_SHOWWINDOW)
    if ls.cur >= 0:
        make_visible(m, lst, ls.cur)
    _update_scroll(m, lst)
    ls.button_down = by_mouse
    set_capture(m, lst)
    redraw(m, w)


def close_up(m: Machine, w: Window, ok: bool) -> None:
    """Hide the list: CBN_SELENDOK (or CBN_SELENDCANCEL), then CBN_CLOSEUP."""
    st = cstate(w)
    if not st.dropped:
        return
    _c_notify(m, w, CBN_SELENDOK if ok else CBN_SELENDCANCEL)
    if w.destroyed:
        return
    st.dropped = False
    st.button_pressed = False
    lst = st.list
    if lst is not None:
        ls = lstate(lst)
        ls.button_down = False
        ls.tracking = False
        if has_capture(m, lst):
            set_capture(m, None)
        wm.show_window(m, lst, wm.SW_HIDE)
        if not ok and ls.cur != st.sel_before_drop:  # cancelled: back to the selection before dropping
            set_cursel(m, lst, st.sel_before_drop)
            _update_edit(m, w)
    redraw(m, w)
    _c_notify(m, w, CBN_CLOSEUP)


def _pick(m: Machine, w: Window, i: int) -> None:
    """An item was chosen in the dropped list: roll up, then CBN_SELCHANGE and the new text."""
    st = cstate(w)
    lst = st.list
    if lst is None:
        return
    set_cursel(m, lst, i)
    close_up(m, w, True)
    _c_notify(m, w, CBN_SELCHANGE)
    _update_edit(m, w)


def _popup_mouse(m: Machine, lst: Window, msg: int, lp: int) -> int:
    """Mouse input of a dropped list (it holds the capture while dropped)."""
    ls = lstate(lst)
    combo = ls.combo
    assert combo is not None
    x, y = point(lp)
    cw, ch = lst.client_size
    inside = 0 <= x < cw and 0 <= y < ch
    if msg == WM_CAPTURECHANGED:
        if cstate(combo).dropped and not has_capture(m, lst):
            close_up(m, combo, False)
        return 0
    if msg == mm.WM_MOUSEMOVE:
        if inside:
            i = index_at(lst, x, y)
            if i >= 0 and (i != ls.cur or i != ls.caret):
                set_cursel(m, lst, i, scroll=False)
        elif ls.button_down and ls.items:
            if y >= ch:
                i = min(len(ls.items) - 1, ls.top + visible_count(lst))
                set_cursel(m, lst, i)
            elif y < 0 and not _over_combo(m, combo, lst, x, y):
                set_cursel(m, lst, max(0, ls.top - 1))
        return 0
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK):
        if inside:
            ls.button_down = True
            i = index_at(lst, x, y)
            if i >= 0:
                set_cursel(m, lst, i, scroll=False)
            return 0
        cst = cstate(combo)
        close_up(m, combo, False)
        if _over_combo(m, combo, lst, x, y):
            cst.button_pressed = False
        return 0
    if msg == mm.WM_LBUTTONUP:
        was_down = ls.button_down
        ls.button_down = False
        cstate(combo).button_pressed = False
        redraw(m, combo)
        if inside and was_down:
            i = index_at(lst, x, y)
            _pick(m, combo, i if i >= 0 else ls.cur)
        return 0
    return 0


def _over_combo(m: Machine, combo: Window, lst: Window, x: int, y: int) -> bool:
    """Whether list-client point (x, y) lies on the combo's selection field."""
    lx, ly = wm.client_origin_screen(lst)
    cx, cy = wm.client_origin_screen(combo)
    px_, py_ = x + lx - cx, y + ly - cy
    return 0 <= px_ < combo.client_size[0] and 0 <= py_ < cstate(combo).field_h


def _combo_key(m: Machine, w: Window, vk: int) -> int:
    from . import input as inp
    st = cstate(w)
    lst = st.list
    if lst is None:
        return 0
    alt = bool(inp.state(m).keys[VK_MENU] & 0x80)
    if st.extended_ui and ctype(w) != CBS_SIMPLE:  # F4 does nothing; Down drops the list
        if vk == VK_F4:
            return 0
        if vk == VK_DOWN and not st.dropped and not alt:
            drop_down(m, w, False)
            return 0
    if vk == VK_F4 or (alt and vk in (VK_UP, VK_DOWN)):
        if ctype(w) != CBS_SIMPLE:
            if st.dropped:
                close_up(m, w, True)
            else:
                drop_down(m, w, False)
        return 0
    if st.dropped and vk == VK_RETURN:
        close_up(m, w, True)
        _update_edit(m, w)
        return 0
    if st.dropped and vk == VK_ESCAPE:
        close_up(m, w, False)
        return 0
    if vk in (VK_UP, VK_DOWN, VK_PRIOR, VK_NEXT, VK_HOME, VK_END, VK_LEFT, VK_RIGHT):
        if st.edit is not None and vk in (VK_LEFT, VK_RIGHT, VK_HOME, VK_END) and not st.dropped:
            return 0
        ls = lstate(lst)
        before = ls.cur
        n = len(ls.items)
        if n == 0:
            return 0
        cur = ls.cur if ls.cur >= 0 else (-1 if vk in (VK_DOWN, VK_RIGHT) else 0)
        page = max(1, visible_count(lst) - 1) if st.dropped else 1
        target = {VK_UP: cur - 1, VK_LEFT: cur - 1, VK_DOWN: cur + 1, VK_RIGHT: cur + 1, VK_PRIOR: cur - page,
                  VK_NEXT: cur + page, VK_HOME: 0, VK_END: n - 1}[vk]
        target = max(0, min(target, n - 1))
        set_cursel(m, lst, target)
        if ls.cur != before:
            _c_notify(m, w, CBN_SELCHANGE)
            _update_edit(m, w)
        return 0
    return 0


def _combo_create(m: Machine, w: Window) -> None:
    st = cstate(w)
    t = ctype(w)
    st.drop_h = w.height
    _calc_field(m, w)
    cw = w.client_size[0]
    lb_style = wm.WS_VSCROLL | LBS_NOTIFY | (LBS_NOINTEGRALHEIGHT if w.style & CBS_NOINTEGRALHEIGHT else 0)
    if w.style & CBS_SORT:
        lb_style |= LBS_SORT
    if w.style & CBS_HASSTRINGS:
        lb_style |= LBS_HASSTRINGS
    if w.style & CBS_OWNERDRAWFIXED:
        lb_style |= LBS_OWNERDRAWFIXED
    if w.style & CBS_OWNERDRAWVARIABLE:
        lb_style |= LBS_OWNERDRAWVARIABLE
    if w.style & CBS_DISABLENOSCROLL:
        lb_style |= LBS_DISABLENOSCROLL
    param = w.hwnd  # the list finds its combo in lpCreateParams
    if t == CBS_SIMPLE:
        h = wm.create_window(m, wm.WS_EX_CLIENTEDGE, "ComboLBox", "", lb_style | wm.WS_CHILD | wm.WS_VISIBLE
                             | LBS_NOINTEGRALHEIGHT, 0, st.field_h, cw, max(0, w.client_size[1] - st.field_h),
                             w.hwnd, ID_LIST, w.hinstance, param, w.unicode)
    else:
        top = wm.top_level(w)
        h = wm.create_window(m, wm.WS_EX_TOOLWINDOW | wm.WS_EX_TOPMOST, "ComboLBox", "",
                             lb_style | wm.WS_POPUP | wm.WS_BORDER, 0, 0, cw, max(0, st.drop_h - st.field_h),
                             top.hwnd, 0, w.hinstance, param, w.unicode)  # a top-level window: no id
    st.list = wm.get(m, h)
    if st.list is not None:
        lstate(st.list).combo = w
    if t in (CBS_SIMPLE, CBS_DROPDOWN):
        es = wm.WS_CHILD | wm.WS_VISIBLE
        if w.style & CBS_AUTOHSCROLL:
            es |= 0x80  # ES_AUTOHSCROLL
        if w.style & CBS_UPPERCASE:
            es |= 0x8
        if w.style & CBS_LOWERCASE:
            es |= 0x10
        eh = wm.create_window(m, 0, "Edit", "", es, 0, 0, 1, 1, w.hwnd, ID_EDIT, w.hinstance, 0, w.unicode)
        st.edit = wm.get(m, eh)
    if t != CBS_SIMPLE:
        r = w.rect
        wm.move_window(m, w, (r[0], r[1], r[2], r[1] + st.field_h), wm.SWP_NOMOVE | wm.SWP_NOZORDER
                       | wm.SWP_NOACTIVATE)
    _layout(m, w)


@defwnd.builtin_class("ComboBox", style=wm.CS_DBLCLKS | wm.CS_PARENTDC | wm.CS_VREDRAW | wm.CS_HREDRAW)
def combo_proc(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The ComboBox window procedure."""
    st = cstate(w)
    t = ctype(w)
    if msg == mm.WM_NCCREATE:
        if w.style & (wm.WS_VSCROLL | wm.WS_HSCROLL | wm.WS_BORDER):  # these belong to the list
            w.style &= ~(wm.WS_VSCROLL | wm.WS_HSCROLL | wm.WS_BORDER)
            wm.set_geometry(m, w, w.rect)
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == mm.WM_CREATE:
        _combo_create(m, w)
        return 0
    if msg == mm.WM_DESTROY:
        if st.list is not None and not st.list.is_child and not st.list.destroyed:
            wm.destroy_window(m, st.list)
        st.list = None
        return 0
    if msg == mm.WM_SIZE:
        if st.field_h:
            _layout(m, w)
        redraw(m, w)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, WM_PRINTCLIENT):
        with Painting(m, w, wp) as dc:
            if dc is not None:
                paint_combo(m, w, dc)
        return 0
    if msg == mm.WM_GETDLGCODE:
        return DLGC_WANTARROWS | DLGC_WANTCHARS | (DLGC_WANTALLKEYS if st.dropped else 0)
    if msg == mm.WM_SETFONT:
        st.font = wp
        if st.edit is not None:
            mm.send(m, st.edit, mm.WM_SETFONT, wp, 0)
        if st.list is not None:
            mm.send(m, st.list, mm.WM_SETFONT, wp, 0)
        _calc_field(m, w)
        if t != CBS_SIMPLE:
            r = w.rect
            wm.move_window(m, w, (r[0], r[1], r[2], r[1] + st.field_h), wm.SWP_NOMOVE | wm.SWP_NOZORDER
                           | wm.SWP_NOACTIVATE)
        _layout(m, w)
        if lp & 0xFFFF:
            redraw(m, w)
        return 0
    if msg == mm.WM_GETFONT:
        return st.font
    if msg == mm.WM_SETFOCUS:
        if st.edit is not None:
            wm.set_focus(m, st.edit)
            mm.send(m, st.edit, EM_SETSEL, 0, 0xFFFFFFFF)
            return 0
        if not st.focused:
            st.focused = True
            redraw(m, w)
            _c_notify(m, w, CBN_SETFOCUS)
        return 0
    if msg == mm.WM_KILLFOCUS:
        if st.edit is None:
            _lost_focus(m, w, wp)
        return 0
    if msg == mm.WM_COMMAND:
        src = wm.get(m, lp)
        code = wp >> 16
        if src is not None and src is st.edit:
            if code == EN_SETFOCUS and not st.focused:
                st.focused = True
                _c_notify(m, w, CBN_SETFOCUS)
            elif code == EN_KILLFOCUS:
                _lost_focus(m, w, 0)
            elif code == EN_CHANGE and not st.quiet_edit:
                _edit_to_list(m, w)
                _c_notify(m, w, CBN_EDITCHANGE)
            elif code == EN_UPDATE and not st.quiet_edit:
                _c_notify(m, w, CBN_EDITUPDATE)
        elif src is not None and src is st.list:
            if code == LBN_SELCHANGE:
                if st.dropped:
                    _pick(m, w, lstate(src).cur)
                else:
                    _c_notify(m, w, CBN_SELCHANGE)
                    _update_edit(m, w)
            elif code == LBN_DBLCLK:
                _c_notify(m, w, CBN_DBLCLK)
        return 0
    if msg in (mm.WM_LBUTTONDOWN, mm.WM_LBUTTONDBLCLK):
        x, y = point(lp)
        br = _button_rect(w)
        on_button = br[0] <= x < br[2] and br[1] <= y < br[3]
        if t == CBS_DROPDOWNLIST or (t == CBS_DROPDOWN and on_button):
            if wm.state(m).focus is not w and (st.edit is None or wm.state(m).focus is not st.edit):
                wm.set_focus(m, st.edit or w)
            if st.dropped:
                close_up(m, w, True)
            else:
                st.button_pressed = True
                drop_down(m, w, True)
        return 0
    if msg == mm.WM_KEYDOWN:
        return _combo_key(m, w, wp)
    if msg == mm.WM_CHAR:
        if t == CBS_DROPDOWNLIST and st.list is not None and wp >= 0x20:
            c = chr(wp) if unicode else bytes([wp & 0xFF]).decode(m.ansi, "replace")
            lst = st.list
            i = find(lst, lstate(lst).cur, c, False)
            if i >= 0 and set_cursel(m, lst, i):
                _c_notify(m, w, CBN_SELCHANGE)
                _update_edit(m, w)
        elif st.edit is not None:
            mm.send(m, st.edit, msg, wp, lp, unicode)
        return 0
    if msg == mm.WM_ENABLE:
        if st.edit is not None:
            wm.EnableWindow(m, st.edit.hwnd, wp)
        if st.list is not None:
            wm.EnableWindow(m, st.list.hwnd, wp)
        redraw(m, w)
        return 0
    if msg in (mm.WM_CTLCOLOREDIT, mm.WM_CTLCOLORLISTBOX, mm.WM_CTLCOLORSTATIC, mm.WM_CTLCOLORSCROLLBAR):
        p = w.parent if w.is_child else w.owner
        return mm.send(m, p, msg, wp, lp) if p is not None else defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg in (mm.WM_DRAWITEM, mm.WM_MEASUREITEM, mm.WM_COMPAREITEM, mm.WM_DELETEITEM):
        p = w.parent if w.is_child else w.owner
        return mm.send(m, p, msg, wp, lp) if p is not None else 0
    if msg == mm.WM_SETTEXT:
        if st.edit is not None:
            return mm.send(m, st.edit, msg, wp, lp, unicode)
        s = mm.read_str(m, lp, unicode) if lp else ""
        i = find(st.list, -1, s, True) if st.list is not None else -1
        if i < 0:
            return CB_ERR
        set_cursel(m, st.list, i)  # type: ignore[arg-type]
        redraw(m, w)
        return 1
    if msg == mm.WM_GETTEXT:
        if st.edit is not None:
            return mm.send(m, st.edit, msg, wp, lp, unicode)
        return mm.write_text_result(m, lp, wp, _sel_text(m, w), unicode)
    if msg == mm.WM_GETTEXTLENGTH:
        if st.edit is not None:
            return mm.send(m, st.edit, msg, wp, lp, unicode)
        s = _sel_text(m, w)
        return len(s) if unicode else len(s.encode(m.ansi, "replace"))
    if msg in (mm.WM_CUT, mm.WM_COPY, mm.WM_PASTE, mm.WM_CLEAR, mm.WM_UNDO):
        return mm.send(m, st.edit, msg, wp, lp, unicode) if st.edit is not None else 0
    if msg == mm.WM_MOUSEWHEEL:
        d = signed16(wp >> 16)
        if d:
            _combo_key(m, w, VK_UP if d > 0 else VK_DOWN)
        return 0
    r = combo_message(m, w, msg, wp, lp, unicode)
    if r is not None:
        return r & 0xFFFFFFFF
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _edit_to_list(m: Machine, w: Window) -> None:
    """Typing in the edit: the list shows the first item with that prefix (selected only while dropped)."""
    st = cstate(w)
    if st.list is None or st.edit is None:
        return
    from .controls_edit import estate
    i = find(st.list, -1, estate(st.edit).text, False) if estate(st.edit).text else -1
    set_cursel(m, st.list, i if st.dropped else -1, scroll=False)
    if i >= 0:
        set_top(m, st.list, i)


def _lost_focus(m: Machine, w: Window, new_focus: int) -> None:
    st = cstate(w)
    nf = wm.get(m, new_focus) if new_focus else None
    if nf is not None and (nf is st.edit or nf is w or nf is st.list):
        return
    if st.dropped:
        close_up(m, w, False)
    if st.focused:
        st.focused = False
        redraw(m, w)
        _c_notify(m, w, CBN_KILLFOCUS)


def combo_message(m: Machine, w: Window, msg: int, wp: int, lp: int, unicode: bool) -> int | None:
    """The CB_* messages (None: not one of them)."""
    st = cstate(w)
    lst = st.list
    if msg == CB_ADDSTRING:
        return _lb(m, w, LB_ADDSTRING, wp, lp, unicode)
    if msg == CB_INSERTSTRING:
        return _lb(m, w, LB_INSERTSTRING, wp, lp, unicode)
    if msg == CB_DELETESTRING:
        cur = lstate(lst).cur if lst is not None else -1
        r = _lb(m, w, LB_DELETESTRING, wp, lp, unicode)
        if lst is not None and cur == _s32(wp) and st.edit is None:
            redraw(m, w)
        return r
    if msg == CB_RESETCONTENT:
        _lb(m, w, LB_RESETCONTENT)
        if st.edit is not None:
            st.quiet_edit = True
            try:
                wm.set_text(m, st.edit, "")
            finally:
                st.quiet_edit = False
        redraw(m, w)
        return 0
    if msg == CB_GETCOUNT:
        return _lb(m, w, LB_GETCOUNT)
    if msg == CB_GETLBTEXT:
        return _lb(m, w, LB_GETTEXT, wp, lp, unicode)
    if msg == CB_GETLBTEXTLEN:
        return _lb(m, w, LB_GETTEXTLEN, wp, lp, unicode)
    if msg == CB_GETITEMDATA:
        return _lb(m, w, LB_GETITEMDATA, wp)
    if msg == CB_SETITEMDATA:
        return _lb(m, w, LB_SETITEMDATA, wp, lp)
    if msg in (CB_FINDSTRING, CB_FINDSTRINGEXACT):
        return _lb(m, w, LB_FINDSTRING if msg == CB_FINDSTRING else LB_FINDSTRINGEXACT, wp, lp, unicode)
    if msg == CB_SELECTSTRING:
        r = _lb(m, w, LB_SELECTSTRING, wp, lp, unicode)
        if r != CB_ERR:
            _update_edit(m, w)
        return r
    if msg == CB_SETCURSEL:
        if lst is None:
            return CB_ERR
        i = _s32(wp)
        n = len(lstate(lst).items)
        set_cursel(m, lst, i if 0 <= i < n else -1)
        _update_edit(m, w)
        return i if 0 <= i < n else CB_ERR
    if msg == CB_GETCURSEL:
        return _lb(m, w, LB_GETCURSEL)
    if msg == CB_GETTOPINDEX:
        return _lb(m, w, LB_GETTOPINDEX)
    if msg == CB_SETTOPINDEX:
        return _lb(m, w, LB_SETTOPINDEX, wp)
    if msg == CB_GETHORIZONTALEXTENT:
        return _lb(m, w, LB_GETHORIZONTALEXTENT)
    if msg == CB_SETHORIZONTALEXTENT:
        return _lb(m, w, LB_SETHORIZONTALEXTENT, wp)
    if msg in (CB_SETLOCALE, CB_GETLOCALE):
        return _lb(m, w, LB_SETLOCALE if msg == CB_SETLOCALE else LB_GETLOCALE, wp)
    if msg == CB_INITSTORAGE:
        return _lb(m, w, LB_INITSTORAGE, wp, lp)
    if msg == CB_SHOWDROPDOWN:
        if wp:
            drop_down(m, w, False)
        else:
            close_up(m, w, False)
        return 1
    if msg == CB_GETDROPPEDSTATE:
        return int(st.dropped)
    if msg == CB_GETDROPPEDCONTROLRECT:
        if lp:
            sx, sy = wm.window_origin_screen(w)
            width = max(st.drop_w, w.width)
            m.mem.pack("<4i", lp, sx, sy, sx + width, sy + max(st.drop_h, st.field_h))
        return 1
    if msg == CB_SETDROPPEDWIDTH:
        if _s32(wp) < 0:
            return CB_ERR
        st.drop_w = wp
        return max(st.drop_w, w.width)
    if msg == CB_GETDROPPEDWIDTH:
        return max(st.drop_w, w.width)
    if msg == CB_SETEXTENDEDUI:
        st.extended_ui = bool(wp)
        return 0
    if msg == CB_GETEXTENDEDUI:
        return int(st.extended_ui)
    if msg == CB_GETITEMHEIGHT:
        if _s32(wp) == -1:
            return st.field_h - 6
        return _lb(m, w, LB_GETITEMHEIGHT, wp)
    if msg == CB_SETITEMHEIGHT:
        if _s32(wp) == -1:
            h = lp & 0xFFFF
            if h == 0 or h > 255:
                return CB_ERR
            st.field_h = h + 6
            if ctype(w) != CBS_SIMPLE:
                r = w.rect
                wm.move_window(m, w, (r[0], r[1], r[2], r[1] + st.field_h), wm.SWP_NOMOVE | wm.SWP_NOZORDER
                               | wm.SWP_NOACTIVATE)
            _layout(m, w)
            redraw(m, w)
            return 0
        return _lb(m, w, LB_SETITEMHEIGHT, wp, lp)
    if msg == CB_LIMITTEXT:
        if st.edit is None:
            return CB_ERR
        mm.send(m, st.edit, EM_LIMITTEXT, wp, 0)
        return 1
    if msg == CB_SETEDITSEL:
        if st.edit is None:
            return CB_ERR
        a, b = signed16(lp), signed16(lp >> 16)
        mm.send(m, st.edit, EM_SETSEL, a & 0xFFFFFFFF, b & 0xFFFFFFFF)
        return 1
    if msg == CB_GETEDITSEL:
        if st.edit is None:
            return CB_ERR
        return mm.send(m, st.edit, EM_GETSEL, wp, lp)
    if msg == CB_DIR:
        return CB_ERR  # directory listings are not supported
    return None


def paint_combo(m: Machine, w: Window, dc: DC) -> None:
    """The 3D border, the drop button and (drop-down lists) the selected item."""
    st = cstate(w)
    t = ctype(w)
    cw, ch = w.client_size
    disabled = bool(w.style & wm.WS_DISABLED)
    dc.font = font_obj(m, st.font)
    fh = min(ch, st.field_h)
    nc.sunken(m, dc, (0, 0, cw, fh))
    fr = _field_rect(w)
    if t != CBS_SIMPLE:
        draw_arrow_button(m, dc, _button_rect(w), "down", st.button_pressed and st.dropped, disabled)
    if t != CBS_DROPDOWNLIST:
        if st.edit is None:
            return
        b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC if disabled else mm.WM_CTLCOLOREDIT)
        fill_brush(m, dc, fr, b)
        return
    b = ctl_brush(m, w, dc, mm.WM_CTLCOLORSTATIC if disabled else mm.WM_CTLCOLOREDIT)
    fg = dc.text_color
    fill_brush(m, dc, fr, b)
    inner = (fr[0] + 1, fr[1] + 1, fr[2] - 1, fr[3] - 1)
    focused = st.focused and not st.dropped
    lst = st.list
    if w.style & (CBS_OWNERDRAWFIXED | CBS_OWNERDRAWVARIABLE):
        cur = lstate(lst).cur if lst is not None else -1
        data = lstate(lst).items[cur].data if lst is not None and cur >= 0 else 0
        state = ODS_COMBOBOXEDIT | (ODS_SELECTED | ODS_FOCUS if focused else 0) | (ODS_DISABLED if disabled else 0)
        p = w.parent if w.is_child else w.owner
        send_drawitem(m, w, p, ODT_COMBOBOX, w.id, cur, ODA_DRAWENTIRE, state, w.hwnd, dc, inner, data)
        return
    from . import syscolor
    if focused:
        dc.fill_device(inner, px(m, COLOR_HIGHLIGHT))
        dc.text_color = syscolor.get(m, COLOR_HIGHLIGHTTEXT)
    else:
        dc.text_color = syscolor.get(m, 17) if disabled else fg
    dc.bk_mode = TRANSPARENT
    text = _sel_text(m, w)
    if text:
        th = _field_text_h(m, w)
        saved = dc.clip
        from .region import Region
        dc.clip = Region.from_rect(inner)
        dc.invalidate_clip()
        try:
            draw_item_text(m, dc, text, inner[0] + 1, inner[1] + (inner[3] - inner[1] - th) // 2, None)
        finally:
            dc.clip = saved
            dc.invalidate_clip()
    if focused:
        focus_rect(dc, inner)
