"""user32 text drawing: DrawText/DrawTextEx layout (word wrap, prefixes, ellipses, tabs), GrayString and DrawState."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, PTR, stdcall

from . import gdiobj
from .dc import DC, OPAQUE, get_dc
from .font import Realized
from .region import Rect, rect_intersect
from .surface import Surface, colorref_to_px
from .text import (
    DT_BOTTOM, DT_CALCRECT, DT_CENTER, DT_EDITCONTROL, DT_END_ELLIPSIS, DT_EXPANDTABS, DT_EXTERNALLEADING,
    DT_HIDEPREFIX, DT_INTERNAL, DT_MODIFYSTRING, DT_NOCLIP, DT_NOPREFIX, DT_PATH_ELLIPSIS, DT_PREFIXONLY, DT_RIGHT,
    DT_SINGLELINE, DT_TABSTOP, DT_VCENTER, DT_WORDBREAK, DT_WORD_ELLIPSIS, ELLIPSIS, _advances, _blit, _extra_dev,
    _paint, _read, _read_w, _scale, _to_log_y, decode_a, metrics, text_extent, text_out,
)

if TYPE_CHECKING:
    from emu.machine import Machine


# ---- DrawText -----------------------------------------------------------------------------------
def _strip_prefix(s: str, flags: int) -> tuple[str, int]:
    """Remove '&' prefixes: '&&' is a literal '&', '&x' underlines x. Returns (text, underlined index or -1)."""
    if flags & DT_NOPREFIX or "&" not in s:
        return s, -1
    out: list[str] = []
    ul = -1
    i = 0
    while i < len(s):
        c = s[i]
        if c == "&" and i + 1 < len(s):
            if s[i + 1] == "&":
                out.append("&")
                i += 2
                continue
            if ul < 0:
                ul = len(out)
            i += 1
            continue
        if c != "&":
            out.append(c)
        i += 1
    return "".join(out), ul


class _Layout:
    """DrawText's measuring helper in device pixels (tabs expanded when asked)."""

    def __init__(self, dc: DC, r: Realized, flags: int, tab_len: int) -> None:
        self.dc, self.r, self.flags = dc, r, flags
        self.tabw = max(1, tab_len * r.ave_width)
        self.extra = _extra_dev(dc)

    def width(self, s: str) -> int:
        r, x = self.r, 0
        expand = self.flags & DT_EXPANDTABS
        for c in s:
            if c == "\t" and expand:
                x = (x // self.tabw + 1) * self.tabw
            else:
                x += r.glyph(c).advance + self.extra
        return x

    def fit(self, s: str, maxw: int) -> int:
        """How many leading characters of ``s`` fit in ``maxw`` (at least 1 for a non-empty string)."""
        for i in range(1, len(s) + 1):
            if self.width(s[:i]) > maxw:
                return max(1, i - 1)
        return len(s)


def _wrap(lay: _Layout, para: str, maxw: int, flags: int) -> list[str]:
    """Break one paragraph into lines no wider than ``maxw`` at spaces (and tabs)."""
    tokens: list[str] = []
    cur = ""
    for c in para:
        if (c in " \t") != (cur[-1:] in (" ", "\t")) and cur:
            tokens.append(cur)
            cur = ""
        cur += c
    if cur:
        tokens.append(cur)
    lines: list[str] = []
    line = ""
    for tok in tokens:
        if tok[0] in " \t":
            line += tok
            continue
        cand = line + tok
        if lay.width(cand) <= maxw or not line.strip(" \t"):
            if not line.strip(" \t") and lay.width(cand) > maxw:
                # a word alone too wide for the line: broken by character only in edit-control mode
                word = cand
                if flags & DT_EDITCONTROL:
                    while lay.width(word) > maxw and len(word) > 1:
                        n = lay.fit(word, maxw)
                        lines.append(word[:n])
                        word = word[n:]
                line = word
                continue
            line = cand
            continue
        lines.append(line.rstrip(" \t"))
        line = tok
    lines.append(line.rstrip(" \t") if lines or line.strip(" \t") else line)
    return lines


def _ellipsize(lay: _Layout, s: str, maxw: int, flags: int) -> str:
    if lay.width(s) <= maxw:
        return s
    if flags & DT_PATH_ELLIPSIS:
        cut = max(s.rfind("\\"), s.rfind("/"))
        if cut > 0:
            head, tail = s[:cut], s[cut:]
            for k in range(len(head) - 1, -1, -1):
                t = head[:k] + ELLIPSIS + tail
                if lay.width(t) <= maxw:
                    return t
            s = ELLIPSIS + tail
            if lay.width(s) <= maxw or not flags & DT_END_ELLIPSIS:
                return s
    for k in range(len(s) - 1, -1, -1):
        t = s[:k] + ELLIPSIS
        if lay.width(t) <= maxw:
            return t
    return ELLIPSIS


def draw_text(dc: DC, s: str, rect: tuple[int, int, int, int], flags: int, tab_len: int = 8,
              margins: tuple[int, int] = (0, 0), info: dict | None = None) -> tuple[int, tuple[int, int, int, int]]:
    """DrawText in logical units: returns (height, rect) — the rect as DT_CALCRECT computes it, else unchanged.

    ``info`` (optional dict) receives "drawn" (characters processed) and "modified" (the ellipsized text).
    """
    if flags & DT_TABSTOP:
        tab_len = (flags >> 8) & 0xFF or 8
        flags &= ~0xFF00
    saved_font = dc.font
    if flags & DT_INTERNAL:
        dc.font = gdiobj.stock(dc.m, gdiobj.SYSTEM_FONT)
    try:
        return _draw_text(dc, s, rect, flags, tab_len, margins, info)
    finally:
        dc.font = saved_font


def _draw_text(dc: DC, s: str, rect: tuple[int, int, int, int], flags: int, tab_len: int,
               margins: tuple[int, int], info: dict | None) -> tuple[int, tuple[int, int, int, int]]:
    r = metrics(dc)
    lay = _Layout(dc, r, flags, tab_len)
    dl, dt = dc.lp(rect[0], rect[1])
    dr, db = dc.lp(rect[2], rect[3])
    lm, rm = round(margins[0] * _scale(dc)[0]), round(margins[1] * _scale(dc)[0])
    left, right = dl + lm, dr - rm
    maxw = right - left
    line_h = r.height + (r.external_leading if flags & DT_EXTERNALLEADING else 0)
    if not s:  # an empty string is one empty line: its height; DT_CALCRECT gives a zero-width rectangle
        if info is not None:
            info["drawn"] = 0
            info["modified"] = None
        if flags & DT_CALCRECT:
            bottom = dc.dp(dl, dt + line_h)[1] if flags & DT_SINGLELINE else rect[1]
            return _to_log_y(dc, line_h), (rect[0], rect[1], rect[0], bottom)
        return _to_log_y(dc, line_h), rect
    # paragraphs
    if flags & DT_SINGLELINE:
        paras = [s]
    else:
        paras = s.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[str] = []
    for p in paras:
        if flags & DT_WORDBREAK and not flags & DT_SINGLELINE:
            lines.extend(_wrap(lay, p, maxw, flags))
        else:
            lines.append(p)
    ell = flags & (DT_END_ELLIPSIS | DT_PATH_ELLIPSIS | DT_WORD_ELLIPSIS)
    modified = None
    shown: list[tuple[str, int]] = []
    for ln in lines:
        text, ul = _strip_prefix(ln, flags)
        if ell and lay.width(text) > maxw:
            text = _ellipsize(lay, text, maxw, flags)
            modified = text
            if ul >= len(text) - len(ELLIPSIS):
                ul = -1
        shown.append((text, ul))
    if flags & DT_SINGLELINE:
        shown = shown[:1]
    total_h = line_h * len(shown)
    y = dt
    if flags & DT_SINGLELINE:
        if flags & DT_VCENTER:
            y = dt + (db - dt - line_h) // 2
        elif flags & DT_BOTTOM:
            y = db - line_h
    widths = [lay.width(t) for t, _ in shown]
    maxline = max(widths) if widths else 0
    if info is not None:
        info["drawn"] = len(s)
        info["modified"] = modified
    if flags & DT_CALCRECT:
        out_r = dc.dp(dl, dt)
        br = dc.dp(left + maxline + rm, y + total_h if not flags & DT_SINGLELINE else y + line_h)
        if flags & DT_SINGLELINE and flags & (DT_VCENTER | DT_BOTTOM):
            # the offset of the line's bottom from the top; 1 rather than 0 when they coincide
            return _to_log_y(dc, y + line_h - dt) or 1, (out_r[0], out_r[1], br[0], br[1])
        return _to_log_y(dc, total_h), (out_r[0], out_r[1], br[0], br[1])
    clip = None if flags & DT_NOCLIP else (dl, dt, dr, db)
    opaque = dc.bk_mode == OPAQUE
    for (text, ul), w in zip(shown, widths):
        if flags & DT_EDITCONTROL and y + line_h > db and y > dt:
            break
        if flags & DT_CENTER:
            x = left + (maxw - w) // 2
        elif flags & DT_RIGHT:
            x = right - w
        else:
            x = left
        _draw_line(dc, r, lay, text, x, y, clip, opaque, ul, flags)
        y += line_h
    if flags & DT_SINGLELINE:
        return _to_log_y(dc, y - dt), rect
    return _to_log_y(dc, y - dt if shown else 0), rect


def _draw_line(dc: DC, r: Realized, lay: _Layout, text: str, x: int, y: int, clip: Rect | None, opaque: bool,
               ul: int, flags: int) -> None:
    baseline = y + r.ascent
    hide = bool(flags & DT_HIDEPREFIX)
    only = bool(flags & DT_PREFIXONLY)
    if flags & DT_EXPANDTABS and "\t" in text:
        pieces: list[tuple[int, str, int]] = []
        pos = 0
        start = 0
        for i, c in enumerate(text + "\t"):
            if c == "\t":
                seg = text[start:i]
                pieces.append((x + pos, seg, start))
                pos += lay.width(seg)
                pos = (pos // lay.tabw + 1) * lay.tabw
                start = i + 1
        if opaque:
            box = (x, y, x + lay.width(text), y + r.height)
            part = rect_intersect(box, clip) if clip else box
            if part is not None:
                dc.fill_device(part, dc.bk_px())
        for px, seg, start in pieces:
            if not seg:
                continue
            u = (ul - start,) if not hide and 0 <= ul - start < len(seg) else ()
            _paint(dc, r, seg, px, baseline, _advances(dc, r, seg), clip, False, underline_chars=u,
                   draw_glyphs=not only)
        return
    u = (ul,) if ul >= 0 and not hide else ()
    _paint(dc, r, text, x, baseline, _advances(dc, r, text), clip, opaque and not only, underline_chars=u,
           draw_glyphs=not only)


def _drawtext_api(m: Machine, hdc: int, s: str, lprc: int, flags: int, tab_len: int, margins: tuple[int, int],
                  write_back: Callable[[str], None] | None, dtp: int) -> int:
    dc = get_dc(m, hdc)
    if dc is None or not lprc:
        return 0
    rect = m.mem.unpack("<4i", lprc)
    info: dict = {}
    h, out = draw_text(dc, s, rect, flags, tab_len, margins, info)
    if flags & DT_CALCRECT:
        m.mem.pack("<4i", lprc, *out)
    if flags & DT_MODIFYSTRING and write_back is not None and info.get("modified") is not None:
        write_back(info["modified"])
    if dtp:
        m.mem.pack("<I", dtp + 16, info.get("drawn", len(s)))
    return h


@stdcall("user32")
def DrawTextA(m: Machine, hdc: HANDLE, lpchText: PTR, cchText: INT, lprc: PTR, format: DWORD) -> INT:
    """Format text in a rectangle (alignment, word wrap, tabs, '&' prefixes, ellipses); returns its height."""
    return DrawTextExA(m, hdc, lpchText, cchText, lprc, format, 0)


@stdcall("user32")
def DrawTextW(m: Machine, hdc: HANDLE, lpchText: PTR, cchText: INT, lprc: PTR, format: DWORD) -> INT:
    """Format text in a rectangle (alignment, word wrap, tabs, '&' prefixes, ellipses); returns its height."""
    return DrawTextExW(m, hdc, lpchText, cchText, lprc, format, 0)


def _dtparams(m: Machine, dtp: int) -> tuple[int, tuple[int, int]] | None:
    if not dtp:
        return 8, (0, 0)
    cb, tab, lm, rm = m.mem.unpack("<I3i", dtp)
    if cb != 20:
        return None
    return (tab or 8), (lm, rm)


@stdcall("user32")
def DrawTextExA(m: Machine, hdc: HANDLE, lpchText: PTR, cchText: INT, lprc: PTR, format: DWORD,
                lpdtp: PTR) -> INT:
    """DrawText with DRAWTEXTPARAMS (tab length, margins; uiLengthDrawn returned)."""
    dc = get_dc(m, hdc)
    p = _dtparams(m, lpdtp)
    if dc is None or p is None or cchText == 0 or (not lpchText and cchText != -1):
        return 0  # nothing to draw (a NULL string counts as empty only with -1)
    raw = b"" if not lpchText else m.mem.cstr_bytes(lpchText) if cchText < 0 else m.mem.read(lpchText, cchText)
    s = decode_a(dc, m, raw)

    def back(t: str) -> None:  # the caller's buffer has room for the ellipsis (documented: 4 more characters)
        m.mem.write(lpchText, t.encode(m.ansi, "replace") + b"\0")

    return _drawtext_api(m, hdc, s, lprc, format, p[0], p[1], back, lpdtp)


@stdcall("user32")
def DrawTextExW(m: Machine, hdc: HANDLE, lpchText: PTR, cchText: INT, lprc: PTR, format: DWORD,
                lpdtp: PTR) -> INT:
    """DrawText with DRAWTEXTPARAMS (tab length, margins; uiLengthDrawn returned)."""
    dc = get_dc(m, hdc)
    p = _dtparams(m, lpdtp)
    if dc is None or not lpchText:
        return 0
    if cchText == 0:  # DrawTextW with no characters: the line height, nothing drawn, rectangle untouched
        return _to_log_y(dc, metrics(dc).height)
    if p is None:
        return 0
    s = _read_w(m, lpchText, cchText)

    def back(t: str) -> None:  # the caller's buffer has room for the ellipsis (documented: 4 more characters)
        m.mem.write_wstr(lpchText, t)

    return _drawtext_api(m, hdc, s, lprc, format, p[0], p[1], back, lpdtp)


# ---- GrayString -----------------------------------------------------------------------------------
def _gray(m: Machine, hdc: int, hbr: int, proc: int, data: int, count: int, x: int, y: int, w: int, h: int,
          wide: bool) -> int:
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    from . import dc as dcmod
    from . import syscolor
    from .surface import Surface
    s = ""
    if not proc or (w == 0 or h == 0):
        if count == 0:
            s = m.mem.wstr(data) if wide else decode_a(dc, m, m.mem.cstr_bytes(data))
        else:
            s = _read(m, dc, data, count, wide)
        if count == 0:
            count = len(s)
    if w == 0 or h == 0:
        tw, th = text_extent(dc, s)
        w, h = w or tw, h or th
    if w <= 0 or h <= 0:
        return 1
    # draw black on white into a private memory DC, then paint its ink in the brush colour through a 50% pattern
    surf = Surface(w, h)
    surf.px[:] = 0xFFFFFF
    bm = gdiobj.Bitmap(width=w, height=h, bpp=1, surface=surf)
    t = gdiobj.table(m)
    t.add(bm)
    mdc = dcmod.new_memory_dc(m)
    dcmod.select_bitmap(mdc, bm)
    mdc.font, mdc.text_color, mdc.bk_color, mdc.bk_mode = dc.font, 0, 0xFFFFFF, 1
    try:
        if proc:
            if not m.call(proc, mdc.handle, data, count):
                return 0
        else:
            text_out(mdc, 0, 0, s)
    finally:
        mdc.bitmap = None
        bm.selected_in = None
        t.delete(mdc.handle)
        t.delete(bm.handle)
    ink = surf.px != 0xFFFFFF
    yy, xx = np.indices(ink.shape)
    ink &= ((yy + xx) & 1) == 0
    brush = t.get(hbr, gdiobj.Brush) if hbr else None
    color = dc.brush_px(brush) if brush is not None else colorref_to_px(syscolor.get(m, syscolor.COLOR_WINDOWTEXT))
    if color is None:
        return 1
    target = dc.begin()
    if target is None:
        return 0
    dx, dy = dc.lp(x, y)
    ox, oy = dc.dev_org
    for x0, y0, x1, y1 in dc.device_rect_clips((dx, dy, dx + w, dy + h)):
        sub = ink[y0 - oy - dy:y1 - oy - dy, x0 - ox - dx:x1 - ox - dx]
        target.px[y0:y1, x0:x1][sub] = color
    dc.end()
    return 1


@stdcall("user32")
def GrayStringA(m: Machine, hDC: HANDLE, hBrush: HANDLE, lpOutputFunc: PTR, lpData: DWORD, nCount: INT, X: INT,
                Y: INT, nWidth: INT, nHeight: INT) -> BOOL:
    """Draw text (or what ``lpOutputFunc`` draws) dithered grey with ``hBrush``, as for disabled items."""
    return _gray(m, hDC, hBrush, lpOutputFunc, lpData, nCount, X, Y, nWidth, nHeight, False)


@stdcall("user32")
def GrayStringW(m: Machine, hDC: HANDLE, hBrush: HANDLE, lpOutputFunc: PTR, lpData: DWORD, nCount: INT, X: INT,
                Y: INT, nWidth: INT, nHeight: INT) -> BOOL:
    """Draw text (or what ``lpOutputFunc`` draws) dithered grey with ``hBrush``, as for disabled items."""
    return _gray(m, hDC, hBrush, lpOutputFunc, lpData, nCount, X, Y, nWidth, nHeight, True)


# ---- DrawState ----------------------------------------------------------------------------------
DST_COMPLEX, DST_TEXT, DST_PREFIXTEXT, DST_ICON, DST_BITMAP = 0, 1, 2, 3, 4
DSS_NORMAL, DSS_UNION, DSS_DISABLED, DSS_MONO, DSS_HIDEPREFIX, DSS_PREFIXONLY, DSS_RIGHT = \
    0x0, 0x10, 0x20, 0x80, 0x200, 0x400, 0x8000


def _mask_dc(m: Machine, dc: DC, w: int, h: int) -> tuple[DC, gdiobj.Bitmap, Surface]:
    """A private memory DC over a white w x h surface, with ``dc``'s font, drawing black on white."""
    from . import dc as dcmod
    surf = Surface(w, h)
    surf.px[:] = 0xFFFFFF
    bm = gdiobj.Bitmap(width=w, height=h, bpp=32, surface=surf)
    gdiobj.table(m).add(bm)
    mdc = dcmod.new_memory_dc(m)
    dcmod.select_bitmap(mdc, bm)
    mdc.font, mdc.text_color, mdc.bk_color, mdc.bk_mode = dc.font, 0, 0xFFFFFF, 1
    return mdc, bm, surf


def _drop_mask_dc(m: Machine, mdc: DC, bm: gdiobj.Bitmap) -> None:
    t = gdiobj.table(m)
    mdc.bitmap = None
    bm.selected_in = None
    t.delete(mdc.handle)
    t.delete(bm.handle)


def _paint_mask(dc: DC, mask: np.ndarray, x: int, y: int, color: int) -> None:
    surf = dc.begin()
    if surf is None:
        return
    dx, dy = dc.lp(x, y)
    _blit(dc, surf, mask, dx, dy, color, None)
    dc.end()


def _draw_state(m: Machine, hdc: int, hbr: int, proc: int, ldata: int, wdata: int, x: int, y: int, cx: int,
                cy: int, flags: int, wide: bool) -> int:
    from . import syscolor
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    kind, state = flags & 0xF, flags & ~0xF
    text = ""
    if kind in (DST_TEXT, DST_PREFIXTEXT):
        if not ldata:
            return 0
        text = _read(m, dc, ldata, wdata if wdata else -1, wide)
    bitmap = None
    if kind == DST_BITMAP:
        bitmap = gdiobj.table(m).get(ldata, gdiobj.Bitmap)
        if bitmap is None or bitmap.surface is None:
            return 0
    elif kind == DST_ICON:
        from emu.api import Unimplemented
        from emu.cpu import ESP
        raise Unimplemented("user32!DrawState with DST_ICON (icons are not drawn by this module yet)",
                            m.mem.u32(m.cpu.reg(ESP)))
    elif kind not in (DST_COMPLEX, DST_TEXT, DST_PREFIXTEXT):
        return 0
    if kind == DST_COMPLEX and not proc:
        return 0
    dt_flags = DT_SINGLELINE | DT_NOCLIP | (DT_NOPREFIX if kind == DST_TEXT else 0) \
        | (DT_HIDEPREFIX if state & DSS_HIDEPREFIX else 0) | (DT_PREFIXONLY if state & DSS_PREFIXONLY else 0)
    if cx == 0 or cy == 0:
        if kind in (DST_TEXT, DST_PREFIXTEXT):
            _, rc = draw_text(dc, text, (0, 0, 0, 0), dt_flags | DT_CALCRECT)
            cx, cy = cx or rc[2] - rc[0], cy or rc[3] - rc[1]
        elif bitmap is not None:
            cx, cy = cx or bitmap.width, cy or bitmap.height
    if cx <= 0 or cy <= 0:
        return 1
    plain = not state & (DSS_UNION | DSS_DISABLED | DSS_MONO)
    if plain and not proc and kind in (DST_TEXT, DST_PREFIXTEXT):
        draw_text(dc, text, (x, y, x + cx, y + cy), dt_flags)
        return 1
    # draw the object black on white into a private DC; its ink is then painted as the state asks
    mdc, bm, surf = _mask_dc(m, dc, cx, cy)
    try:
        if proc:
            if not m.call(proc, mdc.handle, ldata, wdata, cx, cy):
                return 0
        elif kind in (DST_TEXT, DST_PREFIXTEXT):
            draw_text(mdc, text, (0, 0, cx, cy), dt_flags)
        elif bitmap is not None:
            src = bitmap.surface
            assert src is not None
            src.pull()
            h, w = min(cy, src.height), min(cx, src.width)
            surf.px[:h, :w] = src.px[:h, :w]
    finally:
        _drop_mask_dc(m, mdc, bm)
    if plain:  # a bitmap or a callback's drawing, as drawn
        target = dc.begin()
        if target is not None:
            dx, dy = dc.lp(x, y)
            ox, oy = dc.dev_org
            for x0, y0, x1, y1 in dc.device_rect_clips((dx, dy, dx + cx, dy + cy)):
                target.px[y0:y1, x0:x1] = surf.px[y0 - oy - dy:y1 - oy - dy, x0 - ox - dx:x1 - ox - dx]
            dc.end()
        return 1
    ink = surf.px != 0xFFFFFF
    brush = gdiobj.table(m).get(hbr, gdiobj.Brush) if hbr else None
    fore = dc.brush_px(brush) if brush is not None else None
    if state & DSS_UNION:
        yy, xx = np.indices(ink.shape)
        ink &= ((yy + xx) & 1) == 0
    if state & DSS_DISABLED:  # embossed: a highlight copy one pixel down-right, then the shadow
        _paint_mask(dc, ink, x + 1, y + 1, colorref_to_px(syscolor.get(m, syscolor.COLOR_BTNHIGHLIGHT)))
        _paint_mask(dc, ink, x, y, colorref_to_px(syscolor.get(m, syscolor.COLOR_BTNSHADOW)))
        return 1
    color = fore if fore is not None else (dc.text_px() if not state & DSS_MONO else 0)
    _paint_mask(dc, ink, x, y, color)
    return 1


@stdcall("user32")
def DrawStateA(m: Machine, hdc: HANDLE, hbrFore: HANDLE, qfnCallBack: PTR, lData: DWORD, wData: DWORD, x: INT,
               y: INT, cx: INT, cy: INT, uFlags: DWORD) -> BOOL:
    """Draw text, a bitmap or a callback's image normal, dithered (DSS_UNION), embossed (DSS_DISABLED) or in one
    colour (DSS_MONO); icons are not supported yet and stop the run."""
    return _draw_state(m, hdc, hbrFore, qfnCallBack, lData, wData, x, y, cx, cy, uFlags, False)


@stdcall("user32")
def DrawStateW(m: Machine, hdc: HANDLE, hbrFore: HANDLE, qfnCallBack: PTR, lData: DWORD, wData: DWORD, x: INT,
               y: INT, cx: INT, cy: INT, uFlags: DWORD) -> BOOL:
    """Draw text, a bitmap or a callback's image normal, dithered (DSS_UNION), embossed (DSS_DISABLED) or in one
    colour (DSS_MONO); icons are not supported yet and stop the run."""
    return _draw_state(m, hdc, hbrFore, qfnCallBack, lData, wData, x, y, cx, cy, uFlags, True)
