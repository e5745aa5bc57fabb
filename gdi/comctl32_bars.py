"""comctl32 progress bars (msctls_progress32) and status bars (msctls_statusbar32, CreateStatusWindowA/W),
drawn in the Windows 95/98 look.

Progress bar: a thin sunken border (the control gives itself WS_EX_STATICEDGE), a 1-pixel gap, then the bar
as COLOR_HIGHLIGHT blocks (two thirds of the bar's height wide, 2 pixels apart) or one solid bar with
PBS_SMOOTH, vertical from the bottom with PBS_VERTICAL.

Status bar: sits at the bottom (CCS_TOP: top) of its parent's client area, full width, as tall as its font
needs; it moves there whenever it gets WM_SIZE (programs forward their own WM_SIZE to it). Parts are sunken
boxes (SBT_POPOUT raised, SBT_NOBORDERS flat) 2 pixels apart; text with tabs is left\\tcentred\\tright
aligned. SB_SIMPLE switches to one part with its own text. SBARS_SIZEGRIP draws the size grip.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from emu.api import DWORD, HWND, INT, LPCSTR, LPCWSTR, UINT, stdcall

from . import comctl32_common as cc
from . import defwnd, draw, syscolor, text
from . import message as mm
from . import window as wm
from .dc import DC

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

# ---- progress bar ------------------------------------------------------------------------------------------
PROGRESS_CLASS = "msctls_progress32"
PBM_SETRANGE, PBM_SETPOS, PBM_DELTAPOS, PBM_SETSTEP, PBM_STEPIT = 0x401, 0x402, 0x403, 0x404, 0x405
PBM_SETRANGE32, PBM_GETRANGE, PBM_GETPOS, PBM_SETBARCOLOR = 0x406, 0x407, 0x408, 0x409
PBM_SETBKCOLOR = cc.CCM_SETBKCOLOR
PBS_SMOOTH, PBS_VERTICAL = 0x1, 0x4
LED_GAP = 2


@dataclass
class Progress:
    """State of a progress bar (Window.data)."""
    lo: int = 0
    hi: int = 100
    pos: int = 0
    step: int = 10
    bar: int = cc.CLR_DEFAULT
    bk: int = cc.CLR_DEFAULT
    font: int = 0


def _progress(w: "Window") -> Progress:
    if not isinstance(w.data, Progress):
        w.data = Progress()
    return w.data


def _pb_clamp(p: Progress, v: int) -> int:
    lo, hi = min(p.lo, p.hi), max(p.lo, p.hi)
    return max(lo, min(hi, v))


def _pb_set(m: "Machine", w: "Window", p: Progress, v: int) -> int:
    old = p.pos
    v = _pb_clamp(p, v)
    if v != old:
        p.pos = v
        wm.invalidate(m, w, None, False)
    return old & 0xFFFFFFFF


def _pb_range_word(p: Progress) -> int:
    return (p.lo & 0xFFFF) | ((p.hi & 0xFFFF) << 16)


def paint_progress(m: "Machine", w: "Window", dc: DC) -> None:
    """Background, then the blocks (or the smooth bar) up to the current position."""
    p = _progress(w)
    cw, ch = w.client_size
    draw.fill_rect(dc, (0, 0, cw, ch), cc.color_px(m, p.bk, syscolor.COLOR_BTNFACE))
    l, t, r, b = 1, 1, cw - 1, ch - 1
    if r <= l or b <= t or p.hi == p.lo:
        return
    bar = cc.color_px(m, p.bar, syscolor.COLOR_HIGHLIGHT)
    frac_num, frac_den = p.pos - p.lo, p.hi - p.lo
    vertical = bool(w.style & PBS_VERTICAL)
    length = (b - t) if vertical else (r - l)
    filled = length * frac_num // frac_den
    if filled <= 0:
        return
    if w.style & PBS_SMOOTH:
        draw.fill_rect(dc, (l, b - filled, r, b) if vertical else (l, t, l + filled, b), bar)
        return
    led = max(1, ((r - l) if vertical else (b - t)) * 2 // 3)
    at = 0
    while at < filled:
        if vertical:
            draw.fill_rect(dc, (l, max(t, b - at - led), r, b - at), bar)
        else:
            draw.fill_rect(dc, (l + at, t, min(r, l + at + led), b), bar)
        at += led + LED_GAP


@defwnd.builtin_class(PROGRESS_CLASS, style=wm.CS_HREDRAW | wm.CS_VREDRAW | wm.CS_GLOBALCLASS)
def progress_proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The progress bar window procedure."""
    p = _progress(w)
    if msg == mm.WM_NCCREATE:
        w.exstyle = (w.exstyle & ~(wm.WS_EX_CLIENTEDGE | wm.WS_EX_WINDOWEDGE)) | wm.WS_EX_STATICEDGE
        wm.set_geometry(m, w, w.rect)
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg == PBM_SETRANGE:
        old = _pb_range_word(p)
        p.lo, p.hi = lp & 0xFFFF, (lp >> 16) & 0xFFFF
        p.pos = _pb_clamp(p, p.pos)
        wm.invalidate(m, w, None, False)
        return old
    if msg == PBM_SETRANGE32:
        old = _pb_range_word(p)
        p.lo, p.hi = cc.s32(wp), cc.s32(lp)
        p.pos = _pb_clamp(p, p.pos)
        wm.invalidate(m, w, None, False)
        return old
    if msg == PBM_GETRANGE:
        if lp:
            m.mem.pack("<ii", lp, p.lo, p.hi)
        return (p.lo if wp else p.hi) & 0xFFFFFFFF
    if msg == PBM_SETPOS:
        return _pb_set(m, w, p, cc.s32(wp))
    if msg == PBM_DELTAPOS:
        return _pb_set(m, w, p, p.pos + cc.s32(wp))
    if msg == PBM_GETPOS:
        return p.pos & 0xFFFFFFFF
    if msg == PBM_SETSTEP:
        old, p.step = p.step, cc.s32(wp)
        return old & 0xFFFFFFFF
    if msg == PBM_STEPIT:
        v = p.pos + p.step
        lo, hi = min(p.lo, p.hi), max(p.lo, p.hi)
        if hi > lo and (v > hi or v < lo):
            v = lo + (v - lo) % (hi - lo)  # past the end: start over from the beginning
        return _pb_set(m, w, p, v)
    if msg == PBM_SETBARCOLOR:
        old, p.bar = p.bar, lp
        wm.invalidate(m, w, None, False)
        return old
    if msg == PBM_SETBKCOLOR:
        old, p.bk = p.bk, lp
        wm.invalidate(m, w, None, False)
        return old
    if msg == mm.WM_SETFONT:
        p.font = wp
        return 0
    if msg == mm.WM_GETFONT:
        return p.font
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, cc.WM_PRINTCLIENT):
        with cc.painting(m, w, wp) as dc:
            if dc is not None:
                paint_progress(m, w, dc)
        return 0
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


# ---- status bar --------------------------------------------------------------------------------------------
STATUS_CLASS = "msctls_statusbar32"
SB_SETTEXTA, SB_GETTEXTA, SB_GETTEXTLENGTHA, SB_SETPARTS = 0x401, 0x402, 0x403, 0x404
SB_GETPARTS, SB_GETBORDERS, SB_SETMINHEIGHT, SB_SIMPLE, SB_GETRECT = 0x406, 0x407, 0x408, 0x409, 0x40A
SB_SETTEXTW, SB_GETTEXTLENGTHW, SB_GETTEXTW, SB_ISSIMPLE, SB_SETICON = 0x40B, 0x40C, 0x40D, 0x40E, 0x40F
SB_GETICON = 0x414
SB_SETBKCOLOR = cc.CCM_SETBKCOLOR
SBT_OWNERDRAW, SBT_NOBORDERS, SBT_POPOUT, SBT_RTLREADING = 0x1000, 0x100, 0x200, 0x400
SB_SIMPLEID = 0xFF
SBARS_SIZEGRIP = 0x100
CCS_TOP, CCS_NOMOVEY, CCS_BOTTOM, CCS_NORESIZE, CCS_NOPARENTALIGN = 0x1, 0x2, 0x3, 0x4, 0x8
HORZ_BORDER, VERT_BORDER, HORZ_GAP = 0, 2, 2
GRIP = 16  # side of the size grip square (SM_CXVSCROLL)


@dataclass
class Part:
    right: int = -1
    text: str = ""
    style: int = 0
    icon: int = 0
    data: int = 0  # SBT_OWNERDRAW: the 32-bit value passed instead of text


@dataclass
class Status:
    """State of a status bar (Window.data)."""
    parts: list[Part] = field(default_factory=lambda: [Part()])
    simple_part: Part = field(default_factory=Part)
    simple: bool = False
    font: int = 0
    min_height: int = 0
    bk: int = cc.CLR_DEFAULT
    height: int = 0


def _status(w: "Window") -> Status:
    if not isinstance(w.data, Status):
        w.data = Status()
    return w.data


def _sb_height(m: "Machine", w: "Window", s: Status) -> int:
    with cc.client_dc(m, w) as dc:
        dc.font = cc.font_of(m, s.font)
        th = text.metrics(dc).height
    h = max(th + 2 * VERT_BORDER + 3, s.min_height + 2 * VERT_BORDER)
    if w.style & wm.WS_BORDER:
        h += 2
    return h


def layout_status(m: "Machine", w: "Window") -> None:
    """Move the status bar to its parent's bottom (or top) edge, full width, at its natural height."""
    s = _status(w)
    s.height = _sb_height(m, w, s)
    if w.style & CCS_NORESIZE or not w.is_child or w.parent is None:
        return
    pw, ph = w.parent.client_size
    x, y = w.rect[0], w.rect[1]
    width, height = w.width, s.height
    if not w.style & CCS_NOPARENTALIGN:
        x, width = 0, pw
        align = w.style & 3
        if align == CCS_TOP:
            y = 0
        elif align != CCS_NOMOVEY:
            y = ph - height
    if (x, y, x + width, y + height) != w.rect:
        wm.move_window(m, w, (x, y, x + width, y + height), wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)


def part_rects(w: "Window", s: Status) -> list[tuple[int, int, int, int]]:
    """The parts' rectangles in client coordinates (what SB_GETRECT reports)."""
    cw, ch = w.client_size
    if s.simple:
        return [(0, VERT_BORDER, cw, ch)]
    out = []
    left = HORZ_BORDER
    for p in s.parts:
        right = cw if p.right == -1 or cc.s32(p.right) < 0 else min(cc.s32(p.right), cw)
        out.append((left, VERT_BORDER, max(left, right), ch))
        left = max(left, right) + HORZ_GAP
    return out


def _grip_visible(w: "Window") -> bool:
    if not w.style & SBARS_SIZEGRIP:
        return False
    top = wm.top_level(w)
    return not top.maximized


def _draw_part(m: "Machine", dc: DC, r: tuple[int, int, int, int], part: Part, grip: bool) -> None:
    if part.style & SBT_NOBORDERS:
        inner = r
    else:
        edge = draw.BDR_RAISEDINNER if part.style & SBT_POPOUT else draw.BDR_SUNKENOUTER
        inner = draw.draw_edge(dc, r, edge, draw.BF_RECT)
    if part.style & SBT_OWNERDRAW:
        return
    x = inner[0] + 2
    if part.icon:
        from . import cursor  # noqa: PLC0415
        ic = cursor.get(m, part.icon)
        if ic is not None:
            cursor.draw_icon_ex(dc, x, (inner[1] + inner[3] - 16) // 2, ic, 16, 16, cursor.DI_NORMAL)
            x += 18
    right = inner[2] - (GRIP if grip else 0) - 1
    cols = part.text.split("\t")
    flags = text.DT_SINGLELINE | text.DT_VCENTER | text.DT_NOPREFIX
    areas = [(cols[0], 0)]
    if len(cols) > 1:
        areas.append((cols[1], text.DT_CENTER))
    if len(cols) > 2:
        areas.append(("\t".join(cols[2:]), text.DT_RIGHT))
    for s, align in areas:
        if s:
            text.draw_text(dc, s, (x, inner[1], right, inner[3]), flags | align)


def paint_status(m: "Machine", w: "Window", dc: DC) -> None:
    """Background, the parts (borders and text) and the size grip."""
    s = _status(w)
    cw, ch = w.client_size
    dc.save()
    try:
        draw.fill_rect(dc, (0, 0, cw, ch), cc.color_px(m, s.bk, syscolor.COLOR_BTNFACE))
        dc.font = cc.font_of(m, s.font)
        dc.text_color = syscolor.get(m, syscolor.COLOR_BTNTEXT)
        dc.bk_mode = 1  # TRANSPARENT
        grip = _grip_visible(w)
        rects = part_rects(w, s)
        parts = [s.simple_part] if s.simple else s.parts
        for i, (r, part) in enumerate(zip(rects, parts)):
            last = i == len(parts) - 1
            _draw_part(m, dc, r, part, grip and last and r[2] >= cw)
            if part.style & SBT_OWNERDRAW:
                _owner_draw(m, w, dc, i if not s.simple else SB_SIMPLEID, r, part)
        if grip:
            draw.draw_frame_control(dc, (cw - GRIP, ch - GRIP, cw, ch), draw.DFC_SCROLL, draw.DFCS_SCROLLSIZEGRIP)
    finally:
        dc.restore(-1)


def _owner_draw(m: "Machine", w: "Window", dc: DC, index: int, r: tuple[int, int, int, int], part: Part) -> None:
    """SBT_OWNERDRAW: the parent draws the part (WM_DRAWITEM with the part's 32-bit text value as item data)."""
    if w.parent is None:
        return
    inner = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
    dis = struct.pack("<IIIIIII4iI", 0, w.id, index, 1, 0, w.hwnd, dc.handle, *inner, part.data)
    p = wm._tmp(m, dis)
    try:
        mm.send(m, w.parent, mm.WM_DRAWITEM, w.id, p)
    finally:
        wm._free_tmp(m, p)


def _sb_part(s: Status, idx: int) -> Part | None:
    if idx == SB_SIMPLEID:
        return s.simple_part
    if 0 <= idx < len(s.parts):
        return s.parts[idx]
    return None


def _sb_settext(m: "Machine", w: "Window", s: Status, wp: int, lp: int, unicode: bool) -> int:
    part = _sb_part(s, wp & 0xFF)
    if part is None:
        return 0
    style = wp & 0xFF00
    part.style = style
    if style & SBT_OWNERDRAW:
        part.text = ""
        part.data = lp
    else:
        part.text = cc.read_text(m, lp, unicode)
    wm.invalidate(m, w, None, False)
    return 1


@defwnd.builtin_class(STATUS_CLASS, style=wm.CS_DBLCLKS | wm.CS_VREDRAW | wm.CS_GLOBALCLASS)
def status_proc(m: "Machine", w: "Window", msg: int, wp: int, lp: int, unicode: bool) -> int:
    """The status bar window procedure."""
    s = _status(w)
    if msg == mm.WM_NCCREATE:
        r = defwnd.default_proc(m, w, msg, wp, lp, unicode)
        s.parts[0].text = w.text
        return r
    if msg == mm.WM_CREATE:
        layout_status(m, w)
        return 0
    if msg == mm.WM_SIZE:
        layout_status(m, w)
        return 0
    if msg in (SB_SETTEXTA, SB_SETTEXTW):
        return _sb_settext(m, w, s, wp, lp, msg == SB_SETTEXTW)
    if msg in (SB_GETTEXTA, SB_GETTEXTW, SB_GETTEXTLENGTHA, SB_GETTEXTLENGTHW):
        u = msg in (SB_GETTEXTW, SB_GETTEXTLENGTHW)
        part = _sb_part(s, wp & 0xFF)
        if part is None:
            return 0
        if part.style & SBT_OWNERDRAW and msg in (SB_GETTEXTA, SB_GETTEXTW):
            return part.data & 0xFFFFFFFF
        n = len(part.text) if u else len(part.text.encode(m.ansi, "replace"))
        if msg in (SB_GETTEXTA, SB_GETTEXTW) and lp:
            cc.write_text(m, lp, n + 1, part.text, u)
        return (n & 0xFFFF) | ((part.style & 0xFFFF) << 16)
    if msg == SB_SETPARTS:
        n = wp
        if n == 0 or n > 256 or not lp:
            return 0
        rights = m.mem.unpack(f"<{n}i", lp)
        old = s.parts
        s.parts = [Part(right=rights[i], text=old[i].text if i < len(old) else "",
                        style=old[i].style if i < len(old) else 0, icon=old[i].icon if i < len(old) else 0)
                   for i in range(n)]
        wm.invalidate(m, w, None, False)
        return 1
    if msg == SB_GETPARTS:
        if lp:
            k = min(wp, len(s.parts))
            if k:
                m.mem.pack(f"<{k}i", lp, *[p.right if p.right >= 0 else -1 for p in s.parts[:k]])
        return len(s.parts)
    if msg == SB_GETBORDERS:
        if lp:
            m.mem.pack("<3i", lp, HORZ_BORDER, VERT_BORDER, HORZ_GAP)
        return 1
    if msg == SB_SETMINHEIGHT:
        s.min_height = wp
        return 0
    if msg == SB_SIMPLE:
        if bool(wp) != s.simple:
            s.simple = bool(wp)
            wm.invalidate(m, w, None, False)
            target = w.parent if w.is_child else None
            if target is not None:  # SBN_SIMPLEMODECHANGE
                cc.notify(m, w, -880)
        return 0
    if msg == SB_ISSIMPLE:
        return int(s.simple)
    if msg == SB_GETRECT:
        rects = part_rects(w, s)
        idx = wp & 0xFF if not s.simple else 0
        if not lp or idx >= len(rects):
            return 0
        m.mem.pack("<4i", lp, *rects[idx])
        return 1
    if msg == SB_SETICON:
        part = _sb_part(s, cc.s32(wp) & 0xFF if cc.s32(wp) >= 0 else SB_SIMPLEID)
        if part is None:
            return 0
        part.icon = lp
        wm.invalidate(m, w, None, False)
        return 1
    if msg == SB_GETICON:
        part = _sb_part(s, cc.s32(wp) & 0xFF if cc.s32(wp) >= 0 else SB_SIMPLEID)
        return part.icon if part is not None else 0
    if msg == SB_SETBKCOLOR:
        old, s.bk = s.bk, lp
        wm.invalidate(m, w, None, False)
        return old
    if msg == mm.WM_SETTEXT:
        defwnd.default_proc(m, w, msg, wp, lp, unicode)
        part = s.simple_part if s.simple else s.parts[0]
        part.text = w.text
        wm.invalidate(m, w, None, False)
        return 1
    if msg == mm.WM_GETTEXT:
        part = s.simple_part if s.simple else s.parts[0]
        return mm.write_text_result(m, lp, wp, part.text, unicode)
    if msg == mm.WM_GETTEXTLENGTH:
        part = s.simple_part if s.simple else s.parts[0]
        return len(part.text) if unicode else len(part.text.encode(m.ansi, "replace"))
    if msg == mm.WM_SETFONT:
        s.font = wp
        layout_status(m, w)
        if lp:
            wm.invalidate(m, w, None, True)
        return 0
    if msg == mm.WM_GETFONT:
        return s.font
    if msg == mm.WM_NCHITTEST:
        x, y = cc.lparam_xy(lp)
        cx, cy = wm.client_origin_screen(w)
        cw, ch = w.client_size
        if _grip_visible(w) and x - cx >= cw - GRIP and y - cy >= ch - GRIP:
            return 17  # HTBOTTOMRIGHT: sizing the parent
        return defwnd.default_proc(m, w, msg, wp, lp, unicode)
    if msg in (mm.WM_LBUTTONUP, mm.WM_RBUTTONUP, mm.WM_LBUTTONDBLCLK, mm.WM_RBUTTONDBLCLK):
        code = {mm.WM_LBUTTONUP: cc.NM_CLICK, mm.WM_RBUTTONUP: cc.NM_RCLICK, mm.WM_LBUTTONDBLCLK: cc.NM_DBLCLK,
                mm.WM_RBUTTONDBLCLK: cc.NM_RDBLCLK}[msg]
        x, y = cc.lparam_xy(lp)
        item = next((i for i, r in enumerate(part_rects(w, s)) if r[0] <= x < r[2] and r[1] <= y < r[3]), -1)
        if s.simple and item == 0:
            item = SB_SIMPLEID
        cc.notify(m, w, code, struct.pack("<IIiiI", item & 0xFFFFFFFF, 0, x, y, 0))  # NMMOUSE
        return 0
    if msg == mm.WM_ERASEBKGND:
        return 1
    if msg in (mm.WM_PAINT, cc.WM_PRINTCLIENT):
        with cc.painting(m, w, wp) as dc:
            if dc is not None:
                paint_status(m, w, dc)
        return 0
    return defwnd.default_proc(m, w, msg, wp, lp, unicode)


def _create_status(m: "Machine", style: int, text_: str | int | None, parent: int, wid: int, unicode: bool) -> int:
    return wm.create_window(m, 0, STATUS_CLASS, text_ if isinstance(text_, str) else "", style | wm.WS_CHILD,
                            0, 0, 0, 0, parent, wid, 0, 0, unicode)


@stdcall("comctl32")
def CreateStatusWindowA(m: "Machine", style: INT, lpszText: LPCSTR, hwndParent: HWND, wID: UINT) -> HWND:
    """Create a status bar child window of ``hwndParent`` showing ``lpszText``."""
    return _create_status(m, style & 0xFFFFFFFF, lpszText, hwndParent, wID, False)


@stdcall("comctl32")
def CreateStatusWindowW(m: "Machine", style: INT, lpszText: LPCWSTR, hwndParent: HWND, wID: UINT) -> HWND:
    """Create a status bar child window of ``hwndParent`` showing ``lpszText``."""
    return _create_status(m, style & 0xFFFFFFFF, lpszText, hwndParent, wID, True)


def _status_text(m: "Machine", hdc: int, lprc: int, s: str, flags: int) -> None:
    from .dc import get_dc  # noqa: PLC0415
    dc = get_dc(m, hdc)
    if dc is None or not lprc:
        return
    r = tuple(m.mem.unpack("<4i", lprc))
    part = Part(text=s, style=flags & 0xFF00)
    dc.save()
    try:
        dc.bk_mode = 1
        _draw_part(m, dc, r, part, False)  # type: ignore[arg-type]
    finally:
        dc.restore(-1)


@stdcall("comctl32")
def DrawStatusTextA(m: "Machine", hDC: DWORD, lprc: DWORD, pszText: LPCSTR, uFlags: UINT) -> None:
    """Draw text with a status-bar part border (SBT_* flags) into a DC."""
    _status_text(m, hDC, lprc, pszText if isinstance(pszText, str) else "", uFlags)


@stdcall("comctl32")
def DrawStatusTextW(m: "Machine", hDC: DWORD, lprc: DWORD, pszText: LPCWSTR, uFlags: UINT) -> None:
    """Draw text with a status-bar part border (SBT_* flags) into a DC."""
    _status_text(m, hDC, lprc, pszText if isinstance(pszText, str) else "", uFlags)
