"""The ComboBox class: layout, the drop-down list popup, keyboard and mouse, CB_* messages, painting."""
from __future__ import annotations

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
    ODS_COMBOBOXEDIT,
    ODS_DISABLED,
    ODS_FOCUS,
    ODS_SELECTED,
    ODT_COMBOBOX,
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
    draw_arrow_button,
)
from .controls_listbox import (
    CBN_CLOSEUP, CBN_DBLCLK, CBN_DROPDOWN, CBN_EDITCHANGE, CBN_EDITUPDATE, CBN_KILLFOCUS, CBN_SELCHANGE,
    CBN_SELENDCANCEL, CBN_SELENDOK, CBN_SETFOCUS, CBS_AUTOHSCROLL, CBS_DISABLENOSCROLL, CBS_DROPDOWN,
    CBS_DROPDOWNLIST, CBS_HASSTRINGS, CBS_LOWERCASE, CBS_NOINTEGRALHEIGHT, CBS_OWNERDRAWFIXED, CBS_OWNERDRAWVARIABLE,
    CBS_SIMPLE, CBS_SORT, CBS_UPPERCASE, CB_ADDSTRING, CB_DELETESTRING, CB_DIR, CB_ERR, CB_FINDSTRING,
    CB_FINDSTRINGEXACT, CB_GETCOUNT, CB_GETCURSEL, CB_GETDROPPEDCONTROLRECT, CB_GETDROPPEDSTATE, CB_GETDROPPEDWIDTH,
    CB_GETEDITSEL, CB_GETEXTENDEDUI, CB_GETHORIZONTALEXTENT, CB_GETITEMDATA, CB_GETITEMHEIGHT, CB_GETLBTEXT,
    CB_GETLBTEXTLEN, CB_GETLOCALE, CB_GETTOPINDEX, CB_INITSTORAGE, CB_INSERTSTRING, CB_LIMITTEXT, CB_RESETCONTENT,
    CB_SELECTSTRING, CB_SETCURSEL, CB_SETDROPPEDWIDTH, CB_SETEDITSEL, CB_SETEXTENDEDUI, CB_SETHORIZONTALEXTENT,
    CB_SETITEMDATA, CB_SETITEMHEIGHT, CB_SETLOCALE, CB_SETTOPINDEX, CB_SHOWDROPDOWN, EM_GETSEL, EM_LIMITTEXT,
    EM_SETSEL, EN_CHANGE, EN_KILLFOCUS, EN_SETFOCUS, EN_UPDATE, ID_EDIT, ID_LIST, LBN_DBLCLK, LBN_SELCHANGE,
    LBS_DISABLENOSCROLL, LBS_HASSTRINGS, LBS_NOINTEGRALHEIGHT, LBS_NOTIFY, LBS_OWNERDRAWFIXED, LBS_OWNERDRAWVARIABLE,
    LBS_SORT, LB_ADDSTRING, LB_DELETESTRING, LB_FINDSTRING, LB_FINDSTRINGEXACT, LB_GETCOUNT, LB_GETCURSEL,
    LB_GETHORIZONTALEXTENT, LB_GETITEMDATA, LB_GETITEMHEIGHT, LB_GETLOCALE, LB_GETTEXT, LB_GETTEXTLEN, LB_GETTOPINDEX,
    LB_INITSTORAGE, LB_INSERTSTRING, LB_RESETCONTENT, LB_SELECTSTRING, LB_SETHORIZONTALEXTENT, LB_SETITEMDATA,
    LB_SETITEMHEIGHT, LB_SETLOCALE, LB_SETTOPINDEX, VK_DOWN, VK_END, VK_ESCAPE, VK_F4, VK_HOME, VK_LEFT, VK_MENU,
    VK_NEXT, VK_PRIOR, VK_RETURN, VK_RIGHT, VK_UP, _height, _s32, _update_scroll, cstate, ctype, find, index_at,
    lstate, make_visible, set_cursel, set_top, visible_count,
)
from . import controls_listbox_proc as lbp

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .region import Rect
    from .window import Window


# ---- ComboBox -----------------------------------------------------------------------------------------
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
    return lbp.list_proc(m, lst, msg, wp & 0xFFFFFFFF, lp & 0xFFFFFFFF, unicode) & 0xFFFFFFFF


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
            lbp.draw_item_text(m, dc, text, inner[0] + 1, inner[1] + (inner[3] - inner[1] - th) // 2, None)
        finally:
            dc.clip = saved
            dc.invalidate_clip()
    if focused:
        focus_rect(dc, inner)
