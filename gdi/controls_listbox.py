"""The ListBox control class, the ComboBox class and its list ("ComboLBox": a child list for CBS_SIMPLE, a
top-level popup shown below the combo for CBS_DROPDOWN / CBS_DROPDOWNLIST), in the Windows 95 look.

List state lives in ``Window.data`` (``ListState``); a combo's in ``ComboState`` with its edit child (the Edit
class of controls_edit.py, id 1001) and its list (id 1000). Notifications of a combo's list go to the combo,
which turns them into CBN_* for its parent; owner-draw messages of the list go to the combo's parent.

This module holds the list's data model (items, selection, geometry, scrolling, input helpers) and the combo's
state; ``controls_listbox_proc.py`` has the ListBox/ComboLBox window procedure and painting,
``controls_combobox.py`` the ComboBox class. Both are imported at the end of this module (names re-exported).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import font as fontmod
from . import message as mm
from . import window as wm
from .controls_button import (
    ODT_COMBOBOX,
    ODT_LISTBOX,
    font_obj,
    redraw,
    send_measureitem,
)
from .controls_scroll import (
    SB_HORZ,
    SB_VERT,
    SIF_DISABLENOSCROLL,
    SIF_PAGE,
    SIF_POS,
    SIF_RANGE,
    set_window_scroll,
)

if TYPE_CHECKING:
    from emu.machine import Machine

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


# ---- a combo box's state (its list reads it) -----------------------------------------------------
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


# The API modules split from this one (imported here so that they register), and their names as
# ``controls_listbox.NAME``, looked up lazily so that any import order works.
from . import controls_listbox_proc, controls_combobox  # noqa: E402

_SPLIT = (controls_listbox_proc, controls_combobox,)


def __getattr__(attr: str) -> object:
    """A name defined by one of the split-off modules."""
    for mod in _SPLIT:
        if attr in mod.__dict__:
            return mod.__dict__[attr]
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
