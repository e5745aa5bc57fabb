"""user32 menu layout and drawing (Windows 98 look): measuring and drawing the menu bar and popup menus,
owner-drawn items, the built-in popup menu class "#32768", and item rectangles (GetMenuItemRect).

A menu bar is drawn by ``nonclient.paint`` through ``draw_menu_bar``; an open popup menu is a top-level
WS_POPUP window of the built-in class "#32768" with its own surface, shown without activation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, HANDLE, HWND, INT, PTR, UINT, stdcall

from . import defwnd, gdiobj, syscolor
from . import message as mm
from . import nonclient as nc
from . import window as wm
from .region import Rect
from .surface import colorref_to_px
from .menu_model import (
    ACCEL_GAP, ARROW_COL, BAR_PAD, CHECK_COL, COLUMN_LINE, MFS_DEFAULT, MFT_BITMAP, MFT_MENUBARBREAK, MFT_MENUBREAK,
    MFT_OWNERDRAW, MFT_RADIOCHECK, MFT_RIGHTJUSTIFY, MF_CHECKED, MF_DISABLED, MF_GRAYED, MF_HILITE, MN_GETHMENU, Menu,
    MenuItem, ODA_DRAWENTIRE, ODS_CHECKED, ODS_DISABLED, ODS_GRAYED, ODS_SELECTED, ODT_MENU, POPUP_ITEM_H, SEPARATOR_H,
    _is_separator, _menu_arg, _strip_amp, bar_menu, get_menu, mstate,
)

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window


# ---- layout -------------------------------------------------------------------------------------------
def _px(m: "Machine", idx: int) -> int:
    return colorref_to_px(syscolor.get(m, idx))


def menu_font(m: "Machine", bold: bool = False) -> gdiobj.Font:
    """The menu font: MS Sans Serif 8 pt (regular, or bold for default items)."""
    key = "menu_font_bold" if bold else "menu_font"
    f = m.state.get(key)
    if f is None:
        f = gdiobj.Font(height=-11, weight=700 if bold else 400, face="MS Sans Serif")
        f.stock = True
        gdiobj.table(m).add(f)
        m.state[key] = f
    return f


def _measure_dc(m: "Machine") -> "DC":
    st = mstate(m)
    if st.measure_dc is None:
        from .dc import new_memory_dc  # noqa: PLC0415
        st.measure_dc = new_memory_dc(m)
    return st.measure_dc


def _text_size(m: "Machine", s: str, bold: bool = False) -> tuple[int, int]:
    from . import text  # noqa: PLC0415
    dc = _measure_dc(m)
    dc.font = menu_font(m, bold)
    w, h = text.text_extent(dc, _strip_amp(s))
    if not s:
        h = text.metrics(dc).height
    return w, h


def _bitmap(m: "Machine", h: int) -> gdiobj.Bitmap | None:
    return gdiobj.table(m).get(h, gdiobj.Bitmap) if h else None


def _measure_owner_draw(m: "Machine", owner: "Window | None", it: MenuItem) -> tuple[int, int]:
    if owner is None:
        return (0, POPUP_ITEM_H)
    p = wm._tmp(m, bytes(24))
    try:
        m.mem.pack("<6I", p, ODT_MENU, 0, it.id, 0, 0, it.data)
        mm.send(m, owner, mm.WM_MEASUREITEM, 0, p)
        _t, _c, _i, width, height, _d = m.mem.unpack("<6I", p)
    finally:
        wm._free_tmp(m, p)
    return (width, height)


def _split_label(text: str) -> tuple[str, str]:
    for sep in ("\t", "\a"):
        if sep in text:
            a, b = text.split(sep, 1)
            return a, b.replace("\t", " ").replace("\a", " ")
    return text, ""


def layout_bar(m: "Machine", w: "Window", mn: Menu) -> None:
    """Place the bar items (window coordinates) on the bar line; right-justified items go to the end."""
    mr = nc.menu_rect(w)
    if mr is None:
        return
    l, t, r, b = mr
    widths: list[int] = []
    for it in mn.items:
        if it.type & MFT_OWNERDRAW:
            wd = _measure_owner_draw(m, w, it)[0]
        elif it.type & MFT_BITMAP:
            bm = _bitmap(m, it.bitmap)
            wd = bm.width if bm is not None else 0
        elif _is_separator(it):
            wd = BAR_PAD
        else:
            wd = _text_size(m, it.text or "")[0] + 2 * BAR_PAD
        widths.append(wd)
    right_from = next((i for i, it in enumerate(mn.items) if it.type & MFT_RIGHTJUSTIFY), len(mn.items))
    x = l
    for i in range(right_from):
        mn.items[i].rect = (x, t, x + widths[i], b - 1)
        x += widths[i]
    rx = r - sum(widths[right_from:])
    rx = max(rx, x)
    for i in range(right_from, len(mn.items)):
        mn.items[i].rect = (rx, t, rx + widths[i], b - 1)
        rx += widths[i]


def layout_popup(m: "Machine", mn: Menu, owner: "Window | None") -> tuple[int, int]:
    """Place popup items in columns (client coordinates); returns the client size."""
    cols: list[list[int]] = [[]]
    for i, it in enumerate(mn.items):
        if it.type & (MFT_MENUBREAK | MFT_MENUBARBREAK) and cols[-1]:
            cols.append([])
        cols[-1].append(i)
    x = 0
    height = 0
    for col in cols:
        if mn.items[col[0]].type & MFT_MENUBARBREAK and x:
            x += COLUMN_LINE  # room for the vertical line between the columns
        sizes: list[tuple[int, int, int]] = []  # label width, accelerator width, height
        for i in col:
            it = mn.items[i]
            if _is_separator(it):
                sizes.append((0, 0, SEPARATOR_H))
            elif it.type & MFT_OWNERDRAW:
                ow, oh = _measure_owner_draw(m, owner, it)
                sizes.append((ow, 0, oh))
            elif it.type & MFT_BITMAP:
                bm = _bitmap(m, it.bitmap)
                sizes.append((bm.width if bm else 0, 0, max(bm.height if bm else 0, POPUP_ITEM_H)))
            else:
                label, acc = _split_label(it.text or "")
                bold = bool(it.state & MFS_DEFAULT)
                lw, lh = _text_size(m, label, bold)
                aw = _text_size(m, acc, bold)[0] if acc else 0
                sizes.append((lw, aw, max(POPUP_ITEM_H, lh + 4)))
        max_label = max((s[0] for s in sizes), default=0)
        max_acc = max((s[1] for s in sizes), default=0)
        width = CHECK_COL + max_label + ARROW_COL + (ACCEL_GAP + max_acc if max_acc else 0)
        y = 0
        for i, (_lw, _aw, h) in zip(col, sizes):
            it = mn.items[i]
            it.rect = (x, y, x + width, y + h)
            it.xtab = x + CHECK_COL + max_label + ACCEL_GAP
            y += h
        height = max(height, y)
        x += width
    mn.size = (x, height)
    return mn.size


# ---- drawing --------------------------------------------------------------------------------------------
_CHECK = np.array([[c == "#" for c in row] for row in (
    "......#",
    ".....##",
    "#...###",
    "##.###.",
    "#####..",
    ".###...",
    "..#....")], dtype=bool)
_BULLET = np.array([[c == "#" for c in row] for row in (
    ".####.",
    "######",
    "######",
    "######",
    "######",
    ".####.")], dtype=bool)
_ARROW = np.array([[c == "#" for c in row] for row in (
    "#...",
    "##..",
    "###.",
    "####",
    "###.",
    "##..",
    "#...")], dtype=bool)


def _glyph(dc: "DC", x: int, y: int, mask: np.ndarray, px: int) -> None:
    """Paint the set pixels of ``mask`` at device (x, y)."""
    s = dc.begin()
    if s is None:
        return
    gh, gw = mask.shape
    ox, oy = dc.dev_org
    for x0, y0, x1, y1 in dc.device_rect_clips((x, y, x + gw, y + gh)):
        sub = mask[y0 - (y + oy):y1 - (y + oy), x0 - (x + ox):x1 - (x + ox)]
        s.px[y0:y1, x0:x1][sub] = px
    dc.end()


def _blit(m: "Machine", dc: "DC", bm: gdiobj.Bitmap, x: int, y: int, clip: Rect) -> None:
    """Copy a bitmap's pixels to device (x, y), inside ``clip``."""
    src = bm.surface
    s = dc.begin()
    if src is None or s is None:
        return
    src.pull()
    ox, oy = dc.dev_org
    box = (max(x, clip[0]), max(y, clip[1]), min(x + bm.width, clip[2]), min(y + bm.height, clip[3]))
    for x0, y0, x1, y1 in dc.device_rect_clips(box):
        sx, sy = x0 - ox - x, y0 - oy - y
        s.px[y0:y1, x0:x1] = src.px[sy:sy + y1 - y0, sx:sx + x1 - x0]
    dc.end()


def _text(m: "Machine", dc: "DC", s: str, r: Rect, color: int, flags: int, bold: bool) -> None:
    from . import text  # noqa: PLC0415
    dc.font = menu_font(m, bold)
    dc.text_color = color
    dc.bk_mode = 1  # TRANSPARENT
    text.draw_text(dc, s, r, flags | 0x20 | 0x4)  # DT_SINGLELINE | DT_VCENTER


def _label(m: "Machine", dc: "DC", s: str, r: Rect, color: int | None, gray: bool, flags: int, bold: bool) -> None:
    """Menu text: normal, or embossed (white shadow, gray text) for grayed items."""
    if gray and color is None:
        _text(m, dc, s, (r[0] + 1, r[1] + 1, r[2] + 1, r[3] + 1), syscolor.get(m, syscolor.COLOR_BTNHIGHLIGHT),
              flags, bold)
        _text(m, dc, s, r, syscolor.get(m, syscolor.COLOR_BTNSHADOW), flags, bold)
    else:
        _text(m, dc, s, r, color if color is not None else syscolor.get(m, syscolor.COLOR_MENUTEXT), flags, bold)


def _owner_draw(m: "Machine", owner: "Window | None", mn: Menu, it: MenuItem, dc: "DC", r: Rect,
                selected: bool) -> None:
    if owner is None:
        return
    st = (ODS_SELECTED if selected else 0) | (ODS_GRAYED if it.state & MF_GRAYED else 0) | \
        (ODS_DISABLED if it.state & MF_DISABLED else 0) | (ODS_CHECKED if it.state & MF_CHECKED else 0)
    p = wm._tmp(m, bytes(48))
    try:
        m.mem.pack("<5III4iI", p, ODT_MENU, 0, it.id, ODA_DRAWENTIRE, st, mn.handle, dc.handle, *r, it.data)
        mm.send(m, owner, mm.WM_DRAWITEM, 0, p)
    finally:
        wm._free_tmp(m, p)


def _menu_bg(m: "Machine", mn: Menu) -> int:
    if mn.brush:
        b = gdiobj.table(m).get(mn.brush, gdiobj.Brush)
        if b is not None and b.style == gdiobj.BS_SOLID:
            return colorref_to_px(syscolor.get(m, b.sys_color)) if b.sys_color >= 0 else colorref_to_px(b.color)
    return _px(m, syscolor.COLOR_MENU)


def draw_menu_bar(m: "Machine", w: "Window", dc: "DC", rect: Rect) -> None:
    """Draw the items of the window's menu bar inside ``rect`` (window coordinates of ``dc``)."""
    mn = bar_menu(m, w)
    if mn is None:
        return
    layout_bar(m, w, mn)
    saved = (dc.font, dc.text_color, dc.bk_mode)
    tr = mstate(m).tracker
    tracking = tr is not None and tr.bar is mn
    try:
        bg = _menu_bg(m, mn)
        if bg != _px(m, syscolor.COLOR_MENU):
            dc.fill_device(rect, bg)
        for i, it in enumerate(mn.items):
            r = it.rect
            if r[0] >= rect[2]:
                break
            r = (r[0], r[1], min(r[2], rect[2]), r[3])
            selected = bool(it.state & MF_HILITE) or (tracking and mn.sel == i)
            if it.type & MFT_OWNERDRAW:
                _owner_draw(m, w, mn, it, dc, r, selected)
                continue
            if selected:
                pressed = not tracking or tr is None or tr.bar_open
                tl = _px(m, syscolor.COLOR_BTNSHADOW if pressed else syscolor.COLOR_BTNHIGHLIGHT)
                br = _px(m, syscolor.COLOR_BTNHIGHLIGHT if pressed else syscolor.COLOR_BTNSHADOW)
                nc.edge(dc, r, tl, br)
            if it.type & MFT_BITMAP:
                bm = _bitmap(m, it.bitmap)
                if bm is not None:
                    _blit(m, dc, bm, r[0], r[1] + (r[3] - r[1] - bm.height) // 2, r)
                continue
            if _is_separator(it) or not it.text:
                continue
            _label(m, dc, _split_label(it.text)[0], r, None, bool(it.state & MF_GRAYED), 0x1,
                   bool(it.state & MFS_DEFAULT))  # DT_CENTER
    finally:
        dc.font, dc.text_color, dc.bk_mode = saved


def _draw_popup_item(m: "Machine", dc: "DC", mn: Menu, i: int, owner: "Window | None") -> None:
    it = mn.items[i]
    r = it.rect
    selected = mn.sel == i
    bg = _menu_bg(m, mn)
    if _is_separator(it):
        dc.fill_device(r, bg)
        y = r[1] + (r[3] - r[1]) // 2 - 1
        dc.fill_device((r[0] + 1, y, r[2] - 1, y + 1), _px(m, syscolor.COLOR_BTNSHADOW))
        dc.fill_device((r[0] + 1, y + 1, r[2] - 1, y + 2), _px(m, syscolor.COLOR_BTNHIGHLIGHT))
        return
    if it.type & MFT_OWNERDRAW:
        dc.fill_device(r, bg)
        _owner_draw(m, owner, mn, it, dc, r, selected)
        return
    gray = bool(it.state & MF_GRAYED)
    dc.fill_device(r, _px(m, syscolor.COLOR_HIGHLIGHT) if selected else bg)
    if selected:
        color: int | None = syscolor.get(m, syscolor.COLOR_GRAYTEXT if gray else syscolor.COLOR_HIGHLIGHTTEXT)
        ink = colorref_to_px(color)
    else:
        color = None
        ink = _px(m, syscolor.COLOR_BTNSHADOW if gray else syscolor.COLOR_MENUTEXT)
    cy = (r[1] + r[3]) // 2
    # check mark, radio bullet or the program's check bitmaps
    bmh = it.checked_bmp if it.state & MF_CHECKED else it.unchecked_bmp
    bm = _bitmap(m, bmh)
    if bm is not None:
        _blit(m, dc, bm, r[0] + (CHECK_COL - bm.width) // 2 + 1, cy - bm.height // 2, r)
    elif it.state & MF_CHECKED:
        g = _BULLET if it.type & MFT_RADIOCHECK else _CHECK
        gx, gy = r[0] + (CHECK_COL - g.shape[1]) // 2 + 1, cy - g.shape[0] // 2
        if gray and not selected:
            _glyph(dc, gx + 1, gy + 1, g, _px(m, syscolor.COLOR_BTNHIGHLIGHT))
        _glyph(dc, gx, gy, g, ink)
    if it.type & MFT_BITMAP:
        bm = _bitmap(m, it.bitmap)
        if bm is not None:
            _blit(m, dc, bm, r[0] + CHECK_COL, r[1] + (r[3] - r[1] - bm.height) // 2, r)
    elif it.text:
        label, acc = _split_label(it.text)
        bold = bool(it.state & MFS_DEFAULT)
        _label(m, dc, label, (r[0] + CHECK_COL, r[1], r[2] - ARROW_COL, r[3]), color, gray, 0, bold)
        if acc:
            _label(m, dc, acc, (it.xtab, r[1], r[2] - ARROW_COL, r[3]), color, gray, 0, bold)
    if it.submenu:
        ax, ay = r[2] - ARROW_COL + (ARROW_COL - _ARROW.shape[1]) // 2, cy - _ARROW.shape[0] // 2
        if gray and not selected:
            _glyph(dc, ax + 1, ay + 1, _ARROW, _px(m, syscolor.COLOR_BTNHIGHLIGHT))
        _glyph(dc, ax, ay, _ARROW, ink)


def _draw_popup(m: "Machine", pw: "Window", dc: "DC | None" = None) -> None:
    """Paint the client area of popup menu window ``pw`` (all its items)."""
    data = pw.data
    mn = get_menu(m, data.menu) if isinstance(data, _PopupData) else None
    own = dc is None
    if own:
        dc = wm.make_dc(m, pw, True)
    assert dc is not None
    try:
        dc.fill_device((0, 0, pw.client_size[0], pw.client_size[1]),
                       _menu_bg(m, mn) if mn is not None else _px(m, syscolor.COLOR_MENU))
        if mn is not None:
            owner = wm.get(m, data.owner)
            saved = (dc.font, dc.text_color, dc.bk_mode)
            for i, it in enumerate(mn.items):
                _draw_popup_item(m, dc, mn, i, owner)
                if it.type & MFT_MENUBARBREAK and it.rect[0] >= COLUMN_LINE:
                    lx = it.rect[0] - COLUMN_LINE + 1
                    dc.fill_device((lx, 0, lx + 1, pw.client_size[1]), _px(m, syscolor.COLOR_BTNSHADOW))
                    dc.fill_device((lx + 1, 0, lx + 2, pw.client_size[1]), _px(m, syscolor.COLOR_BTNHIGHLIGHT))
            dc.font, dc.text_color, dc.bk_mode = saved
    finally:
        if own:
            gdiobj.table(m).delete(dc.handle)
    wm.state(m).frame_version += 1


@dataclass
class _PopupData:
    menu: int
    owner: int


@defwnd.builtin_class("#32768", style=wm.CS_SAVEBITS | wm.CS_DBLCLKS, background=syscolor.COLOR_MENU + 1)
def popup_menu_proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int, unicode: bool) -> int:
    """Window procedure of popup menu windows (class #32768)."""
    if msg == mm.WM_PAINT:
        ps = wm._tmp(m, bytes(64))
        try:
            from .dc import get_dc  # noqa: PLC0415
            dc = get_dc(m, wm.begin_paint(m, w, ps))
            if dc is not None:
                dc.paint_clip = None
                dc.invalidate_clip()
                _draw_popup(m, w, dc)
            wm.EndPaint(m, w.hwnd, ps)
        finally:
            wm._free_tmp(m, ps)
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg == mm.WM_MOUSEACTIVATE:
        return 3  # MA_NOACTIVATE
    if msg == MN_GETHMENU:
        return w.data.menu if isinstance(w.data, _PopupData) else 0
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


# ---- geometry queries -------------------------------------------------------------------------------
def _item_screen_rect(m: "Machine", w: "Window | None", mn: Menu, idx: int) -> Rect | None:
    if w is not None and bar_menu(m, w) is mn:
        layout_bar(m, w, mn)
        x, y = wm.window_origin_screen(w)
    elif mn.hwnd and (pw := wm.get(m, mn.hwnd)) is not None:
        x, y = wm.client_origin_screen(pw)
    else:
        return None
    r = mn.items[idx].rect
    return (r[0] + x, r[1] + y, r[2] + x, r[3] + y)


@stdcall("user32")
def GetMenuItemRect(m: "Machine", hWnd: HWND, hMenu: HANDLE, uItem: UINT, lprcItem: PTR) -> BOOL:
    """Screen rectangle of a menu-bar item or of an item of a popup that is shown."""
    mn = _menu_arg(m, hMenu)
    if mn is None or not lprcItem or not uItem < len(mn.items):
        return 0
    r = _item_screen_rect(m, wm.get(m, hWnd) if hWnd else None, mn, uItem)
    if r is None:
        return 0
    m.mem.pack("<4i", lprcItem, *r)
    return 1


@stdcall("user32")
def MenuItemFromPoint(m: "Machine", hWnd: HWND, hMenu: HANDLE, ptScreenX: INT, ptScreenY: INT) -> INT:
    """Position of the item under a screen point (POINT by value), -1 if none."""
    mn = _menu_arg(m, hMenu)
    if mn is None:
        return -1
    w = wm.get(m, hWnd) if hWnd else None
    for i in range(len(mn.items)):
        r = _item_screen_rect(m, w, mn, i)
        if r is not None and r[0] <= ptScreenX < r[2] and r[1] <= ptScreenY < r[3]:
            return i
    return -1
