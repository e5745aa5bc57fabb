"""Helpers shared by the comctl32 controls: painting (WM_PAINT with BeginPaint or into a given DC), WM_NOTIFY,
fonts, system colours, guest text buffers."""
from __future__ import annotations

import struct
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from . import gdiobj, syscolor
from . import message as mm
from . import window as wm
from .dc import DC, get_dc
from .surface import colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

WM_PRINTCLIENT = 0x318
CLR_NONE, CLR_DEFAULT = 0xFFFFFFFF, 0xFF000000
CCM_SETBKCOLOR, CCM_SETUNICODEFORMAT, CCM_GETUNICODEFORMAT = 0x2001, 0x2005, 0x2006
NM_CLICK, NM_DBLCLK, NM_RETURN, NM_RCLICK, NM_RDBLCLK, NM_SETFOCUS, NM_KILLFOCUS = -2, -3, -4, -5, -6, -7, -8
LPSTR_TEXTCALLBACK = 0xFFFFFFFF


def syspx(m: "Machine", index: int) -> int:
    """System colour ``index`` as a pixel 0x00RRGGBB."""
    return colorref_to_px(syscolor.get(m, index))


def color_px(m: "Machine", c: int, default_index: int) -> int:
    """A control colour COLORREF (CLR_DEFAULT: the system colour) as a pixel."""
    if c == CLR_DEFAULT or c == CLR_NONE:
        return syspx(m, default_index)
    return colorref_to_px(c & 0xFFFFFF)


def gui_font(m: "Machine") -> gdiobj.Font:
    """The font controls use until WM_SETFONT: MS Sans Serif 8 pt (the Windows 9x icon/status font)."""
    f = m.state.get("comctl32_font")
    if f is None:
        f = gdiobj.Font(height=-11, face="MS Sans Serif")
        f.stock = True
        gdiobj.table(m).add(f)
        m.state["comctl32_font"] = f
    return f


def font_of(m: "Machine", hfont: int) -> gdiobj.Font:
    f = gdiobj.table(m).get(hfont, gdiobj.Font) if hfont else None
    return f if f is not None else gui_font(m)


@contextmanager
def painting(m: "Machine", w: "Window", wp: int) -> Iterator[DC | None]:
    """The DC to paint ``w`` with: the one in wParam (WM_PAINT from a parent, WM_PRINTCLIENT) or BeginPaint's."""
    if wp:
        yield get_dc(m, wp)
        return
    ps = wm._tmp(m, b"\0" * 64)
    try:
        hdc = wm.begin_paint(m, w, ps)
        try:
            yield get_dc(m, hdc)
        finally:
            wm.EndPaint(m, w.hwnd, ps)
    finally:
        wm._free_tmp(m, ps)


@contextmanager
def client_dc(m: "Machine", w: "Window") -> Iterator[DC]:
    """A temporary client-area DC (GetDC/ReleaseDC) for measuring or immediate drawing."""
    dc = wm.make_dc(m, w, True)
    try:
        yield dc
    finally:
        gdiobj.table(m).delete(dc.handle)


def notify(m: "Machine", w: "Window", code: int, payload: bytes = b"", parent: "Window | None" = None) -> int:
    """Send WM_NOTIFY with an NMHDR (+ ``payload``) to the parent; returns the parent's answer."""
    target = parent or (w.parent if w.is_child else w.owner)
    if target is None:
        return 0
    data = struct.pack("<IIi", w.hwnd, w.id, code) + payload
    p = wm._tmp(m, data)
    try:
        return mm.send(m, target, mm.WM_NOTIFY, w.id, p)
    finally:
        wm._free_tmp(m, p)


def notify_read(m: "Machine", w: "Window", code: int, payload: bytes) -> tuple[int, bytes]:
    """WM_NOTIFY whose structure the parent fills in; returns (answer, the structure after the NMHDR)."""
    target = w.parent if w.is_child else w.owner
    data = struct.pack("<IIi", w.hwnd, w.id, code) + payload
    p = wm._tmp(m, data)
    try:
        r = mm.send(m, target, mm.WM_NOTIFY, w.id, p) if target is not None else 0
        return r, m.mem.read(p + 12, len(payload))
    finally:
        wm._free_tmp(m, p)


def read_text(m: "Machine", p: int, unicode: bool) -> str:
    """A NUL-terminated guest string (empty for NULL)."""
    if not p or p == LPSTR_TEXTCALLBACK:
        return ""
    return m.mem.wstr(p) if unicode else m.mem.cstr(p, m.ansi)


def write_text(m: "Machine", p: int, n: int, s: str, unicode: bool) -> int:
    """Copy ``s`` into a guest buffer of ``n`` characters (NUL-terminated, truncated); returns characters copied."""
    return mm.write_text_result(m, p, n, s, unicode)


def s16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v & 0x8000 else v


def s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def lparam_xy(lp: int) -> tuple[int, int]:
    return s16(lp), s16(lp >> 16)
