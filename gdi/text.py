"""Text: font objects, text metrics, TextOut/ExtTextOut/TabbedTextOut, DrawText and font enumeration.

Glyphs come from ``font.py`` (a realised font per LOGFONT). Drawing composes a string's ink as one boolean
mask in device coordinates and paints it through the DC's clip rectangles in the text colour; the
background box (bk mode OPAQUE) or the ETO_OPAQUE rectangle is filled with the background colour first.
Sizes are measured on the realised (device) font and converted to logical units for the program.

Helpers for other modules (device == logical coordinates in MM_TEXT):
``draw_text(dc, s, rect, flags) -> (height, rect)``, ``text_out(dc, x, y, s)``, ``text_extent(dc, s)``,
``metrics(dc)``.

This module holds the core (units, string decoding, painting), font creation, TextOut/ExtTextOut and tabbed
text; ``text_metrics.py`` measuring, metrics and font enumeration; ``text_draw.py`` DrawText, GrayString and
DrawState. Both are imported at the end of this module (names re-exported as ``text.NAME``).
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, stdcall

from . import font as fontmod
from . import gdiobj
from .dc import DC, MM_TEXT, OPAQUE, get_dc
from .font import Realized
from .gdiobj import Font
from .region import Rect, rect_intersect
from .surface import Surface

if TYPE_CHECKING:
    from emu.machine import Machine

# ExtTextOut options
ETO_OPAQUE, ETO_CLIPPED, ETO_GLYPH_INDEX, ETO_NUMERICSLATIN, ETO_NUMERICSLOCAL = 0x2, 0x4, 0x10, 0x800, 0x400
ETO_RTLREADING, ETO_IGNORELANGUAGE, ETO_PDY = 0x80, 0x1000, 0x2000
# text alignment
TA_NOUPDATECP, TA_UPDATECP = 0, 1
TA_LEFT, TA_RIGHT, TA_CENTER = 0, 2, 6
TA_TOP, TA_BOTTOM, TA_BASELINE = 0, 8, 24
# DrawText formats
DT_TOP, DT_LEFT, DT_CENTER, DT_RIGHT, DT_VCENTER, DT_BOTTOM = 0, 0, 0x1, 0x2, 0x4, 0x8
DT_WORDBREAK, DT_SINGLELINE, DT_EXPANDTABS, DT_TABSTOP, DT_NOCLIP = 0x10, 0x20, 0x40, 0x80, 0x100
DT_EXTERNALLEADING, DT_CALCRECT, DT_NOPREFIX, DT_INTERNAL, DT_EDITCONTROL = 0x200, 0x400, 0x800, 0x1000, 0x2000
DT_PATH_ELLIPSIS, DT_END_ELLIPSIS, DT_MODIFYSTRING, DT_RTLREADING, DT_WORD_ELLIPSIS = 0x4000, 0x8000, 0x10000, \
    0x20000, 0x40000
DT_NOFULLWIDTHCHARBREAK, DT_HIDEPREFIX, DT_PREFIXONLY = 0x80000, 0x100000, 0x200000
GDI_ERROR = 0xFFFFFFFF
ELLIPSIS = "..."


# ---- units ---------------------------------------------------------------------------------------
def _scale(dc: DC) -> tuple[float, float]:
    """Device pixels per logical unit (absolute) in x and y."""
    if dc.map_mode == MM_TEXT:
        return 1.0, 1.0
    return (abs(dc.viewport_ext[0] / (dc.window_ext[0] or 1)), abs(dc.viewport_ext[1] / (dc.window_ext[1] or 1)))


def _to_log_x(dc: DC, v: int) -> int:
    sx = _scale(dc)[0]
    return v if sx == 1.0 else round(v / sx)


def _to_log_y(dc: DC, v: int) -> int:
    sy = _scale(dc)[1]
    return v if sy == 1.0 else round(v / sy)


def _device_font(dc: DC) -> Font:
    f = dc.font
    if dc.map_mode == MM_TEXT:
        return f
    sx, sy = _scale(dc)
    return Font(height=round(f.height * sy), width=round(f.width * sx), escapement=f.escapement,
                orientation=f.orientation, weight=f.weight, italic=f.italic, underline=f.underline,
                strikeout=f.strikeout, charset=f.charset, out_precision=f.out_precision,
                clip_precision=f.clip_precision, quality=f.quality, pitch_family=f.pitch_family, face=f.face)


def metrics(dc: DC) -> Realized:
    """The realised font selected into ``dc`` (device units)."""
    return fontmod.realize(dc.m, _device_font(dc))


def _extra_dev(dc: DC) -> int:
    ce = dc.char_extra
    if ce == 0 or dc.map_mode == MM_TEXT:
        return ce
    return round(ce * _scale(dc)[0])


def _advances(dc: DC, r: Realized, s: str) -> list[int]:
    extra = _extra_dev(dc)
    return [r.glyph(c).advance + extra for c in s]


def text_extent(dc: DC, s: str) -> tuple[int, int]:
    """Logical (width, height) of ``s`` in the DC's font, with the DC's character extra."""
    r = metrics(dc)
    return _to_log_x(dc, sum(_advances(dc, r, s))), _to_log_y(dc, r.height)


# ---- decoding program strings ---------------------------------------------------------------------
def decode_a(dc: DC | None, m: Machine, b: bytes) -> str:
    """ANSI bytes as characters for the DC's font: OEM fonts read the OEM code page, symbol fonts the raw codes."""
    cs = metrics(dc).charset if dc is not None else fontmod.ANSI_CHARSET
    if cs == fontmod.SYMBOL_CHARSET:
        return b.decode("latin-1")
    enc = m.oem if cs == fontmod.OEM_CHARSET else m.ansi
    try:
        return b.decode(enc)
    except UnicodeDecodeError:
        return "".join(_dec1(bytes([c]), enc) for c in b)


def _dec1(b: bytes, enc: str) -> str:
    try:
        return b.decode(enc)
    except UnicodeDecodeError:
        return b.decode("latin-1")


def _read_a(m: Machine, dc: DC | None, p: int, n: int) -> str:
    if n < 0:
        return decode_a(dc, m, m.mem.cstr_bytes(p))
    return decode_a(dc, m, m.mem.read(p, n)) if n else ""


def _read_w(m: Machine, p: int, n: int) -> str:
    if n < 0:
        return m.mem.wstr(p)
    return m.mem.read(p, 2 * n).decode("utf-16-le", "surrogatepass") if n else ""


def _read(m: Machine, dc: DC | None, p: int, n: int, wide: bool) -> str:
    """``n`` characters (negative: up to the NUL) of a program string: UTF-16 (``wide``) or ANSI for the DC's font."""
    return _read_w(m, p, n) if wide else _read_a(m, dc, p, n)


# ---- painting ------------------------------------------------------------------------------------
def _blit(dc: DC, surf: Surface, mask: np.ndarray, bx0: int, by0: int, color: int, clip: Rect | None) -> None:
    """Set the pixels of boolean ``mask`` (top-left at device (bx0, by0)) to ``color``, clipped."""
    h, w = mask.shape
    box = (bx0, by0, bx0 + w, by0 + h)
    if clip is not None:
        box = rect_intersect(box, clip) or (0, 0, 0, 0)
    ox, oy = dc.dev_org
    px = surf.px
    for x0, y0, x1, y1 in dc.device_rect_clips(box):
        sub = mask[y0 - oy - by0:y1 - oy - by0, x0 - ox - bx0:x1 - ox - bx0]
        px[y0:y1, x0:x1][sub] = color


def _rotate(mask: np.ndarray, bx0: int, by0: int, deg: float, rx: int, ry: int) -> tuple[np.ndarray, int, int]:
    """``mask`` (top-left at (bx0, by0)) turned ``deg`` degrees counter-clockwise about (rx, ry)."""
    q = round(deg / 90.0)
    if abs(deg - 90.0 * q) < 1e-9:  # quarter turns are exact
        q %= 4
        h, w = mask.shape
        out = np.rot90(mask, q)
        # corners of the source box relative to the centre, turned
        u0, v0, u1, v1 = bx0 - rx, by0 - ry, bx0 + w - rx, by0 + h - ry
        for _ in range(q):  # (u, v) -> (v, -u) on a y-down screen is a counter-clockwise quarter turn
            u0, v0, u1, v1 = v0, -u1, v1, -u0
        return np.ascontiguousarray(out), rx + min(u0, u1), ry + min(v0, v1)
    t = np.radians(deg)
    c, sn = np.cos(t), np.sin(t)
    h, w = mask.shape
    us = np.array([bx0, bx0 + w, bx0, bx0 + w], dtype=float) - rx
    vs = np.array([by0, by0, by0 + h, by0 + h], dtype=float) - ry
    xs, ys = us * c + vs * sn, -us * sn + vs * c
    X0, Y0 = int(np.floor(xs.min())), int(np.floor(ys.min()))
    X1, Y1 = int(np.ceil(xs.max())), int(np.ceil(ys.max()))
    yy, xx = np.mgrid[Y0:Y1, X0:X1]
    dx, dy = xx + 0.5, yy + 0.5
    u = dx * c - dy * sn
    v = dx * sn + dy * c
    sx = np.floor(u + rx - bx0).astype(np.int64)
    sy = np.floor(v + ry - by0).astype(np.int64)
    ok = (sx >= 0) & (sx < w) & (sy >= 0) & (sy < h)
    out = np.zeros(ok.shape, dtype=bool)
    out[ok] = mask[sy[ok], sx[ok]]
    return out, rx + X0, ry + Y0


def _paint(dc: DC, r: Realized, s: str, x: int, baseline: int, advs: list[int], clip: Rect | None,
           opaque: bool, glyphs: list[fontmod.Glyph] | None = None, dys: list[int] | None = None,
           underline_chars: tuple[int, ...] = (), draw_glyphs: bool = True, fg: int | None = None,
           rotate: tuple[float, int, int] | None = None) -> None:
    """Draw ``s`` with its pen starting at device (x, baseline); ``rotate`` = (degrees, cx, cy) turns the
    whole string counter-clockwise about (cx, cy)."""
    surf = dc.begin()
    if surf is None:
        return
    total = sum(advs)
    top, bottom = baseline - r.ascent, baseline + r.descent
    if opaque:
        bw, bh = total + r.overhang, bottom - top
        if bw > 0 and bh > 0:
            bg = np.ones((bh, bw), dtype=bool)
            gx0, gy0 = x, top
            if rotate is not None:
                bg, gx0, gy0 = _rotate(bg, gx0, gy0, *rotate)
            _blit(dc, surf, bg, gx0, gy0, dc.bk_px(), clip)
    gl = glyphs if glyphs is not None else [r.glyph(c) for c in s]
    placed: list[tuple[np.ndarray, int, int]] = []
    pen, dy = x, 0
    for i, g in enumerate(gl):
        if draw_glyphs and g.mask.size:
            placed.append((g.mask, pen + g.left, baseline + dy - g.top))
        pen += advs[i]
        if dys is not None:
            dy -= dys[i]
    lines: list[tuple[int, int, int, int]] = []  # x0, x1, y, thickness
    if draw_glyphs and r.underline:
        lines.append((x, x + total, baseline + r.underline_pos, r.underline_size))
    if draw_glyphs and r.strikeout:
        lines.append((x, x + total, baseline - r.strike_pos, r.strike_size))
    for i in underline_chars:
        if 0 <= i < len(gl):
            cx = x + sum(advs[:i])
            w = gl[i].advance - (1 if r.synth_bold else 0)
            lines.append((cx, cx + max(w, 1), baseline + 1 + (r.ky - 1 if not r.truetype else 0), 1))
    lines = [ln for ln in lines if ln[1] > ln[0]]
    if placed or lines:
        bx0 = min([p[1] for p in placed] + [ln[0] for ln in lines])
        by0 = min([p[2] for p in placed] + [ln[2] for ln in lines])
        bx1 = max([p[1] + p[0].shape[1] for p in placed] + [ln[1] for ln in lines])
        by1 = max([p[2] + p[0].shape[0] for p in placed] + [ln[2] + ln[3] for ln in lines])
        canvas = np.zeros((by1 - by0, bx1 - bx0), dtype=bool)
        for mask, gx, gy in placed:
            h, w = mask.shape
            canvas[gy - by0:gy - by0 + h, gx - bx0:gx - bx0 + w] |= mask
        for lx0, lx1, ly, th in lines:
            canvas[ly - by0:ly - by0 + th, lx0 - bx0:lx1 - bx0] = True
        if rotate is not None:
            canvas, bx0, by0 = _rotate(canvas, bx0, by0, *rotate)
        _blit(dc, surf, canvas, bx0, by0, dc.text_px() if fg is None else fg, clip)
    dc.end()


def _ext_text_out(dc: DC, x: int, y: int, options: int, rect: Rect | None, s: str,
                  dx: list[int] | None = None, glyph_indices: list[int] | None = None) -> bool:
    """ExtTextOut in logical units (``rect`` logical, ``dx`` logical advances, pairs with ETO_PDY)."""
    r = metrics(dc)
    align = dc.text_align
    if align & TA_UPDATECP:
        x, y = dc.pos
    px, py = dc.lp(x, y)
    glyphs = [r.glyph_index(gi) for gi in glyph_indices] if glyph_indices is not None else [r.glyph(c) for c in s]
    n = len(glyphs)
    dys: list[int] | None = None
    if dx is not None:
        if options & ETO_PDY:
            dys = [_dev_dy(dc, v) for v in dx[1::2]][:n]
            dx = dx[0::2]
        # device positions from cumulative logical positions (no rounding drift)
        pos, acc = [], 0
        for v in dx[:n]:
            acc += v
            pos.append(dc.lp(x + acc, y)[0] - px)
        advs = [pos[0]] + [pos[i] - pos[i - 1] for i in range(1, len(pos))] if pos else []
    else:
        extra = _extra_dev(dc)
        advs = [g.advance + extra for g in glyphs]
    total = sum(advs)
    h = align & 6
    sx = px - total if h == TA_RIGHT else px - total // 2 if h == TA_CENTER else px
    v = align & 24
    baseline = py + r.ascent if v == TA_TOP else py - r.descent if v == TA_BOTTOM else py
    # escapement turns TrueType text about the reference point (raster fonts cannot be turned)
    deg = (r.escapement / 10.0) % 360.0 if r.truetype else 0.0
    rotate = (deg, px, py) if deg else None
    clip = None
    drect = dc.lrect(*rect) if rect is not None else None
    if drect is not None and options & ETO_OPAQUE:
        bk = dc.bk_px()
        surf = dc.begin()
        if surf is not None:
            for x0, y0, x1, y1 in dc.device_rect_clips(drect):
                surf.px[y0:y1, x0:x1] = bk
            dc.end()
    if drect is not None and options & ETO_CLIPPED:
        clip = drect
    if n:
        _paint(dc, r, s, sx, baseline, advs, clip, dc.bk_mode == OPAQUE, glyphs=glyphs, dys=dys, rotate=rotate)
    if align & TA_UPDATECP and h != TA_CENTER:
        move = total if h == TA_LEFT else -total
        if rotate is None:
            dc.pos = (dc.dp(px + move, py)[0], y)
        else:
            t = np.radians(deg)
            dc.pos = dc.dp(px + round(move * np.cos(t)), py - round(move * np.sin(t)))
    return True


def _dev_dy(dc: DC, v: int) -> int:
    return v if dc.map_mode == MM_TEXT else round(v * _scale(dc)[1])


def text_out(dc: DC, x: int, y: int, s: str) -> None:
    """TextOut at logical (x, y) with the DC's alignment, colours and background mode."""
    _ext_text_out(dc, x, y, 0, None, s)


# ---- fonts --------------------------------------------------------------------------------------
_LOGFONT_HEAD = "<5i8B"


def read_logfont(m: Machine, p: int, wide: bool) -> Font:
    """A LOGFONTA/W from guest memory."""
    h, w, esc, ori, weight, it, ul, so, cs, op, cp, q, pf = m.mem.unpack(_LOGFONT_HEAD, p)
    if wide:
        raw = m.mem.read(p + 28, 64)
        face = raw.decode("utf-16-le", "replace").split("\0", 1)[0]
    else:
        face = m.mem.read(p + 28, 32).split(b"\0", 1)[0].decode(m.ansi, "replace")
    return Font(height=h, width=w, escapement=esc, orientation=ori, weight=weight, italic=bool(it),
                underline=bool(ul), strikeout=bool(so), charset=cs, out_precision=op, clip_precision=cp,
                quality=q, pitch_family=pf, face=face)


def pack_logfont(m: Machine, f: Font, wide: bool) -> bytes:
    """LOGFONTA (60 bytes) or LOGFONTW (92 bytes) for a font (GetObject, enumeration)."""
    head = struct.pack(_LOGFONT_HEAD, f.height, f.width, f.escapement, f.orientation, f.weight, int(f.italic),
                       int(f.underline), int(f.strikeout), f.charset & 0xFF, f.out_precision & 0xFF,
                       f.clip_precision & 0xFF, f.quality & 0xFF, f.pitch_family & 0xFF)
    if wide:
        return head + f.face[:31].encode("utf-16-le").ljust(64, b"\0")
    return head + f.face.encode(m.ansi, "replace")[:31].ljust(32, b"\0")


def _new_font(m: Machine, f: Font) -> int:
    return gdiobj.table(m).add(f)


@stdcall("gdi32")
def CreateFontIndirectA(m: Machine, lplf: PTR) -> HANDLE:
    """A logical font from a LOGFONTA."""
    return _new_font(m, read_logfont(m, lplf, False)) if lplf else 0


@stdcall("gdi32")
def CreateFontIndirectW(m: Machine, lplf: PTR) -> HANDLE:
    """A logical font from a LOGFONTW."""
    return _new_font(m, read_logfont(m, lplf, True)) if lplf else 0


@stdcall("gdi32")
def CreateFontIndirectExA(m: Machine, lpelfe: PTR) -> HANDLE:
    """A logical font from an ENUMLOGFONTEXDVA (its LOGFONT; design vectors do not apply to these faces)."""
    return CreateFontIndirectA(m, lpelfe)


@stdcall("gdi32")
def CreateFontIndirectExW(m: Machine, lpelfe: PTR) -> HANDLE:
    """A logical font from an ENUMLOGFONTEXDVW (its LOGFONT; design vectors do not apply to these faces)."""
    return CreateFontIndirectW(m, lpelfe)


def _create_font(m: Machine, h: int, w: int, esc: int, ori: int, weight: int, it: int, ul: int, so: int,
                 cs: int, op: int, cp: int, q: int, pf: int, face: str | int | None) -> int:
    name = face if isinstance(face, str) else ""
    return _new_font(m, Font(height=h, width=w, escapement=esc, orientation=ori, weight=weight, italic=bool(it & 0xFF),
                             underline=bool(ul & 0xFF), strikeout=bool(so & 0xFF), charset=cs & 0xFF,
                             out_precision=op & 0xFF, clip_precision=cp & 0xFF, quality=q & 0xFF,
                             pitch_family=pf & 0xFF, face=name[:31]))


@stdcall("gdi32")
def CreateFontA(m: Machine, cHeight: INT, cWidth: INT, cEscapement: INT, cOrientation: INT, cWeight: INT,
                bItalic: DWORD, bUnderline: DWORD, bStrikeOut: DWORD, iCharSet: DWORD, iOutPrecision: DWORD,
                iClipPrecision: DWORD, iQuality: DWORD, iPitchAndFamily: DWORD, pszFaceName: LPCSTR) -> HANDLE:
    """A logical font from LOGFONT fields."""
    return _create_font(m, cHeight, cWidth, cEscapement, cOrientation, cWeight, bItalic, bUnderline, bStrikeOut,
                        iCharSet, iOutPrecision, iClipPrecision, iQuality, iPitchAndFamily, pszFaceName)


@stdcall("gdi32")
def CreateFontW(m: Machine, cHeight: INT, cWidth: INT, cEscapement: INT, cOrientation: INT, cWeight: INT,
                bItalic: DWORD, bUnderline: DWORD, bStrikeOut: DWORD, iCharSet: DWORD, iOutPrecision: DWORD,
                iClipPrecision: DWORD, iQuality: DWORD, iPitchAndFamily: DWORD, pszFaceName: LPCWSTR) -> HANDLE:
    """A logical font from LOGFONT fields."""
    return _create_font(m, cHeight, cWidth, cEscapement, cOrientation, cWeight, bItalic, bUnderline, bStrikeOut,
                        iCharSet, iOutPrecision, iClipPrecision, iQuality, iPitchAndFamily, pszFaceName)


# ---- TextOut family -----------------------------------------------------------------------------
def _text_out_api(m: Machine, hdc: int, x: int, y: int, p: int, c: int, wide: bool) -> int:
    """TextOutA/W."""
    dc = get_dc(m, hdc)
    if dc is None or c < 0:
        return 0
    return int(_ext_text_out(dc, x, y, 0, None, _read(m, dc, p, c, wide)))


@stdcall("gdi32")
def TextOutA(m: Machine, hdc: HANDLE, x: INT, y: INT, lpString: PTR, c: INT) -> BOOL:
    """Draw ``c`` characters at (x, y) with the DC's font, colours, background mode and alignment."""
    return _text_out_api(m, hdc, x, y, lpString, c, False)


@stdcall("gdi32")
def TextOutW(m: Machine, hdc: HANDLE, x: INT, y: INT, lpString: PTR, c: INT) -> BOOL:
    """Draw ``c`` characters at (x, y) with the DC's font, colours, background mode and alignment."""
    return _text_out_api(m, hdc, x, y, lpString, c, True)


def _ext_text_out_api(m: Machine, hdc: int, x: int, y: int, options: int, lprect: int, p: int, c: int, lpDx: int,
                      wide: bool) -> int:
    """ExtTextOutA/W: ``c`` characters, or glyph indices (BYTEs for A, WORDs for W) with ETO_GLYPH_INDEX."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    s: str | None = None
    raw: list[int] | None = None
    if options & ETO_GLYPH_INDEX:
        raw = (list(m.mem.unpack(f"<{c}H", p)) if wide else list(m.mem.read(p, c))) if c else []
    else:
        s = _read(m, dc, p, c, wide) if p else ""
    rect = m.mem.unpack("<4i", lprect) if lprect else None
    cnt = c if s is None else len(s)
    dx = list(m.mem.unpack(f"<{cnt * (2 if options & ETO_PDY else 1)}i", lpDx)) if lpDx and cnt else None
    return int(_ext_text_out(dc, x, y, options, rect, s or "", dx, raw))


@stdcall("gdi32")
def ExtTextOutA(m: Machine, hdc: HANDLE, x: INT, y: INT, options: DWORD, lprect: PTR, lpString: PTR, c: DWORD,
                lpDx: PTR) -> BOOL:
    """TextOut with an optional opaque/clipping rectangle and explicit character advances."""
    return _ext_text_out_api(m, hdc, x, y, options, lprect, lpString, c, lpDx, False)


@stdcall("gdi32")
def ExtTextOutW(m: Machine, hdc: HANDLE, x: INT, y: INT, options: DWORD, lprect: PTR, lpString: PTR, c: DWORD,
                lpDx: PTR) -> BOOL:
    """TextOut with an optional opaque/clipping rectangle and explicit character advances."""
    return _ext_text_out_api(m, hdc, x, y, options, lprect, lpString, c, lpDx, True)


# ---- tabs -----------------------------------------------------------------------------------------
def _tab_layout(dc: DC, r: Realized, s: str, x0: int, stops: list[int], origin: int) -> list[tuple[int, str]]:
    """Split ``s`` at tabs into (device x, segment) pieces; ``stops`` are device tab positions from ``origin``
    (none: every 8 average character widths; one: every that many; negative: the next segment ends there).
    A tab goes to the first stop strictly right of the pen."""
    pieces: list[tuple[int, str]] = []
    default = 8 * r.ave_width or 1
    x = x0
    segs = s.split("\t")
    for i, seg in enumerate(segs):
        pieces.append((x, seg))
        x += sum(_advances(dc, r, seg))
        if i == len(segs) - 1:
            break
        nw = sum(_advances(dc, r, segs[i + 1]))
        x = _next_stop(x, nw, stops, origin, default)
    return pieces


def _next_stop(x: int, nw: int, stops: list[int], origin: int, default: int) -> int:
    """Pen position after a tab at ``x`` (``nw``: width of the text up to the next tab)."""
    def place(t: int) -> int | None:
        at = origin + abs(t)
        if t < 0:
            return at - nw if at - nw > x else None
        return at if at > x else None

    if len(stops) == 1 and stops[0] != 0:
        step = stops[0]
        k = max(1, (x - origin) // abs(step))
        while True:
            p = place(k * step)
            if p is not None:
                return p
            k += 1
    for t in stops:
        p = place(t)
        if p is not None:
            return p
    return origin + ((x - origin) // default + 1) * default


def _tabbed(m: Machine, hdc: int, x: int, y: int, s: str, nstops: int, lpstops: int, origin: int,
            draw: bool) -> int:
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    if not s:
        return 0
    r = metrics(dc)
    sx = _scale(dc)[0]
    stops = [round(v * sx) for v in m.mem.unpack(f"<{nstops}i", lpstops)] if lpstops and nstops > 0 else []
    px, py = dc.lp(x, y)
    odev = dc.lp(origin, y)[0]
    pieces = _tab_layout(dc, r, s, px, stops, odev)
    end = pieces[-1][0] + sum(_advances(dc, r, pieces[-1][1])) if pieces else px
    if draw:
        align = dc.text_align
        baseline = py + r.ascent if align & 24 == TA_TOP else py - r.descent if align & 24 == TA_BOTTOM else py
        if dc.bk_mode == OPAQUE and end > px:  # the whole extent, tab gaps included
            dc.fill_device((px, baseline - r.ascent, end, baseline + r.descent), dc.bk_px())
        for pxx, seg in pieces:
            if seg:
                _paint(dc, r, seg, pxx, baseline, _advances(dc, r, seg), None, False)
        if align & TA_UPDATECP:
            dc.pos = (dc.dp(end, py)[0], dc.pos[1])
    w = _to_log_x(dc, end - px)
    h = _to_log_y(dc, r.height)
    return ((h & 0xFFFF) << 16) | (w & 0xFFFF)


def _tabbed_api(m: Machine, hdc: int, x: int, y: int, p: int, n: int, nstops: int, lpstops: int, origin: int,
                draw: bool, wide: bool) -> int:
    """TabbedTextOutA/W (``draw``; TA_UPDATECP starts at the current position) and GetTabbedTextExtentA/W."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    if draw and dc.text_align & TA_UPDATECP:
        x, y = dc.pos
    return _tabbed(m, hdc, x, y, _read(m, dc, p, n, wide), nstops, lpstops, origin, draw)


@stdcall("user32")
def TabbedTextOutA(m: Machine, hdc: HANDLE, x: INT, y: INT, lpString: PTR, chCount: INT, nTabPositions: INT,
                   lpnTabStopPositions: PTR, nTabOrigin: INT) -> DWORD:
    """TextOut expanding tabs to the given stops; returns MAKELONG(width, height)."""
    return _tabbed_api(m, hdc, x, y, lpString, chCount, nTabPositions, lpnTabStopPositions, nTabOrigin, True, False)


@stdcall("user32")
def TabbedTextOutW(m: Machine, hdc: HANDLE, x: INT, y: INT, lpString: PTR, chCount: INT, nTabPositions: INT,
                   lpnTabStopPositions: PTR, nTabOrigin: INT) -> DWORD:
    """TextOut expanding tabs to the given stops; returns MAKELONG(width, height)."""
    return _tabbed_api(m, hdc, x, y, lpString, chCount, nTabPositions, lpnTabStopPositions, nTabOrigin, True, True)


@stdcall("user32")
def GetTabbedTextExtentA(m: Machine, hdc: HANDLE, lpString: PTR, chCount: INT, nTabPositions: INT,
                         lpnTabStopPositions: PTR) -> DWORD:
    """Size of a string with tabs expanded: MAKELONG(width, height)."""
    return _tabbed_api(m, hdc, 0, 0, lpString, chCount, nTabPositions, lpnTabStopPositions, 0, False, False)


@stdcall("user32")
def GetTabbedTextExtentW(m: Machine, hdc: HANDLE, lpString: PTR, chCount: INT, nTabPositions: INT,
                         lpnTabStopPositions: PTR) -> DWORD:
    """Size of a string with tabs expanded: MAKELONG(width, height)."""
    return _tabbed_api(m, hdc, 0, 0, lpString, chCount, nTabPositions, lpnTabStopPositions, 0, False, True)


# The API modules split from this one (imported here so that they register), and their names as
# ``text.NAME``, looked up lazily so that any import order works (a split-off module imports this one first).
from . import text_metrics, text_draw  # noqa: E402

_SPLIT = (text_metrics, text_draw,)


def __getattr__(attr: str) -> object:
    """A name defined by one of the split-off modules."""
    for mod in _SPLIT:
        if attr in mod.__dict__:
            return mod.__dict__[attr]
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
