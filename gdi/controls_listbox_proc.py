"""The ListBox and ComboLBox window procedures: LB_* messages, mouse and keyboard messages, painting."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import defwnd
from . import font as fontmod
from . import message as mm
from . import window as wm
from .controls_button import (
    COLOR_HIGHLIGHT,
    COLOR_HIGHLIGHTTEXT,
    DLGC_WANTARROWS,
    DLGC_WANTCHARS,
    ODA_DRAWENTIRE,
    ODA_FOCUS,
    ODS_DISABLED,
    ODS_FOCUS,
    ODS_SELECTED,
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
    window_info,
)
from .controls_listbox import (
    Item, LBN_DBLCLK, LBN_KILLFOCUS, LBN_SELCHANGE, LBN_SETFOCUS, LBS_EXTENDEDSEL, LBS_MULTIPLESEL,
    LBS_OWNERDRAWFIXED, LBS_OWNERDRAWVARIABLE, LBS_SORT, LBS_USETABSTOPS, LB_ADDFILE, LB_ADDSTRING, LB_DELETESTRING,
    LB_DIR, LB_ERR, LB_FINDSTRING, LB_FINDSTRINGEXACT, LB_GETANCHORINDEX, LB_GETCARETINDEX, LB_GETCOUNT, LB_GETCURSEL,
    LB_GETHORIZONTALEXTENT, LB_GETITEMDATA, LB_GETITEMHEIGHT, LB_GETITEMRECT, LB_GETLOCALE, LB_GETSEL, LB_GETSELCOUNT,
    LB_GETSELITEMS, LB_GETTEXT, LB_GETTEXTLEN, LB_GETTOPINDEX, LB_INITSTORAGE, LB_INSERTSTRING, LB_ITEMFROMPOINT,
    LB_RESETCONTENT, LB_SELECTSTRING, LB_SELITEMRANGE, LB_SELITEMRANGEEX, LB_SETANCHORINDEX, LB_SETCARETINDEX,
    LB_SETCOUNT, LB_SETCURSEL, LB_SETHORIZONTALEXTENT, LB_SETITEMDATA, LB_SETITEMHEIGHT, LB_SETLOCALE, LB_SETSEL,
    LB_SETTABSTOPS, LB_SETTOPINDEX, MA_NOACTIVATE, _char, _ctl, _default_height, _has_strings, _height, _integral,
    _keydown, _lb_notify, _max_top, _mouse_select, _multi, _owner, _ownerdraw, _page_size, _s32, _update_scroll,
    cstate, delete_item, find, get_cursel, index_at, insert_item, is_selected, item_rect, lstate, make_visible,
    reset, set_caret, set_cursel, set_sel, set_top, visible_count,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window


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
        from .controls_combobox import _popup_mouse  # noqa: PLC0415
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
