"""SysListView32's view: scrolling, hit testing, painting, mouse and keyboard input."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import comctl32_common as cc
from . import comctl32_imagelist as iml
from . import draw, syscolor, text
from . import window as wm
from .dc import DC
from .comctl32_listview_model import (
    LV, LVCFMT_CENTER, LVCFMT_RIGHT, LVHT_ABOVE, LVHT_BELOW, LVHT_NOWHERE, LVHT_ONITEMICON, LVHT_ONITEMLABEL,
    LVHT_ONITEMSTATEICON, LVHT_TOLEFT, LVHT_TORIGHT, LVIR_BOUNDS, LVIR_ICON, LVIR_LABEL, LVIR_SELECTBOUNDS,
    LVIS_DROPHILITED, LVIS_FOCUSED, LVIS_OVERLAYMASK, LVIS_SELECTED, LVIS_STATEIMAGEMASK, LVN_COLUMNCLICK,
    LVSIL_NORMAL, LVSIL_SMALL, LVS_EX_CHECKBOXES, LVS_EX_FULLROWSELECT, LVS_EX_GRIDLINES, LVS_ICON, LVS_LIST,
    LVS_NOSCROLL, LVS_NOSORTHEADER, LVS_REPORT, LVS_SHOWSELALWAYS, LVS_SINGLESEL, _count, _display_order, _grid,
    _indices_with, _list_col_w, _lv, _nmlistview, _rows_visible, _state_list, _view, col_x, get_image, get_state,
    get_text, header_h, item_parts, row_h, set_state,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window


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
