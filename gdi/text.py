"""Text: font objects, text metrics, TextOut/ExtTextOut/TabbedTextOut, DrawText and font enumeration.

Glyphs come from ``font.py`` (a realised font per LOGFONT). Drawing composes a string's ink as one boolean
mask in device coordinates and paints it through the DC's clip rectangles in the text colour; the
background box (bk mode OPAQUE) or the ETO_OPAQUE rectangle is filled with the background colour first.
Sizes are measured on the realised (device) font and converted to logical units for the program.

Helpers for other modules (device == logical coordinates in MM_TEXT):
``draw_text(dc, s, rect, flags) -> (height, rect)``, ``text_out(dc, x, y, s)``, ``text_extent(dc, s)``,
``metrics(dc)``.
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, stdcall

from . import font as fontmod
from . import gdiobj
from .dc import DC, MM_TEXT, OPAQUE, get_dc
from .font import Realized
from .gdiobj import Font
from .region import Rect, rect_intersect
from .surface import Surface, colorref_to_px

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


# ---- measuring ----------------------------------------------------------------------------------
def _put_size(m: Machine, p: int, wh: tuple[int, int]) -> None:
    if p:
        m.mem.pack("<2i", p, *wh)


def _extent_point(m: Machine, hdc: int, p: int, c: int, psizl: int, wide: bool) -> int:
    """GetTextExtentPoint(32)A/W."""
    dc = get_dc(m, hdc)
    if dc is None or c < 0 or not psizl:
        return 0
    _put_size(m, psizl, text_extent(dc, _read(m, dc, p, c, wide)))
    return 1


@stdcall("gdi32")
def GetTextExtentPoint32A(m: Machine, hdc: HANDLE, lpString: PTR, c: INT, psizl: PTR) -> BOOL:
    """Width and height of a string in the DC's font (logical units)."""
    return _extent_point(m, hdc, lpString, c, psizl, False)


@stdcall("gdi32")
def GetTextExtentPoint32W(m: Machine, hdc: HANDLE, lpString: PTR, c: INT, psizl: PTR) -> BOOL:
    """Width and height of a string in the DC's font (logical units)."""
    return _extent_point(m, hdc, lpString, c, psizl, True)


@stdcall("gdi32")
def GetTextExtentPointA(m: Machine, hdc: HANDLE, lpString: PTR, c: INT, psizl: PTR) -> BOOL:
    """Width and height of a string (the Win16-era form of GetTextExtentPoint32)."""
    return GetTextExtentPoint32A(m, hdc, lpString, c, psizl)


@stdcall("gdi32")
def GetTextExtentPointW(m: Machine, hdc: HANDLE, lpString: PTR, c: INT, psizl: PTR) -> BOOL:
    """Width and height of a string (the Win16-era form of GetTextExtentPoint32)."""
    return GetTextExtentPoint32W(m, hdc, lpString, c, psizl)


def _extent_ex(m: Machine, hdc: int, p: int, n: int, max_ext: int, lpnFit: int, lpnDx: int, lpSize: int,
               wide: bool) -> int:
    """GetTextExtentExPointA/W."""
    dc = get_dc(m, hdc)
    if dc is None or n < 0:
        return 0
    s = _read(m, dc, p, n, wide)
    r = metrics(dc)
    advs = _advances(dc, r, s)
    acc, cum = 0, []
    for a in advs:
        acc += a
        cum.append(_to_log_x(dc, acc))
    if lpnFit:
        fit = len(cum)
        for i, v in enumerate(cum):
            if v > max_ext:
                fit = i
                break
        m.mem.pack("<i", lpnFit, fit)
    if lpnDx and cum:
        m.mem.pack(f"<{len(cum)}i", lpnDx, *cum)
    _put_size(m, lpSize, (cum[-1] if cum else 0, _to_log_y(dc, r.height)))
    return 1


@stdcall("gdi32")
def GetTextExtentExPointA(m: Machine, hdc: HANDLE, lpszString: PTR, cchString: INT, nMaxExtent: INT,
                          lpnFit: PTR, lpnDx: PTR, lpSize: PTR) -> BOOL:
    """String size, how many characters fit in ``nMaxExtent`` and each prefix's width."""
    return _extent_ex(m, hdc, lpszString, cchString, nMaxExtent, lpnFit, lpnDx, lpSize, False)


@stdcall("gdi32")
def GetTextExtentExPointW(m: Machine, hdc: HANDLE, lpszString: PTR, cchString: INT, nMaxExtent: INT,
                          lpnFit: PTR, lpnDx: PTR, lpSize: PTR) -> BOOL:
    """String size, how many characters fit in ``nMaxExtent`` and each prefix's width."""
    return _extent_ex(m, hdc, lpszString, cchString, nMaxExtent, lpnFit, lpnDx, lpSize, True)


def pack_textmetric(r: Realized, wide: bool, conv: tuple[Callable[[int], int], Callable[[int], int]] | None = None,
                    ansi_ranges: bool = True) -> bytes:
    """TEXTMETRICA (56 bytes) / TEXTMETRICW (60 bytes) for a realised font."""
    fx, fy = conv or ((lambda v: v), (lambda v: v))
    head = struct.pack("<11i", fy(r.height), fy(r.ascent), fy(r.descent), fy(r.internal_leading),
                       fy(r.external_leading), fx(r.ave_width), fx(r.max_width), r.weight, fx(r.overhang), 96, 96)
    first, last, dflt, brk = r.first_char, r.last_char, r.default_char, r.break_char
    if r.truetype:
        if not wide and r.charset != fontmod.SYMBOL_CHARSET:
            first, last, dflt, brk = 0x1E, 0xFF, 0x1F, 0x20
        elif not wide:
            first, last, dflt, brk = first & 0xFF, min(last, 0xFFFF) & 0xFF, dflt & 0xFF, brk & 0xFF
    elif wide:  # the code page's characters as Unicode
        last = 0x2122 if r.charset == fontmod.ANSI_CHARSET and last >= 0x99 else last
        dflt = ord(bytes([dflt]).decode("cp1252", "replace")) if dflt < 0x100 else dflt
    tail = struct.pack("<5B", int(r.italic), int(r.underline), int(r.strikeout), r.pitch_and_family & 0xFF,
                       r.charset & 0xFF)
    if wide:
        return (head + struct.pack("<4H", first, last, dflt & 0xFFFF, brk) + tail).ljust(60, b"\0")
    return (head + struct.pack("<4B", first & 0xFF, last & 0xFF, dflt & 0xFF, brk & 0xFF) + tail).ljust(56, b"\0")


def _conv(dc: DC) -> tuple[Callable[[int], int], Callable[[int], int]]:
    return (lambda v: _to_log_x(dc, v)), (lambda v: _to_log_y(dc, v))


def _text_metrics(m: Machine, hdc: int, lptm: int, wide: bool) -> int:
    """GetTextMetricsA/W."""
    dc = get_dc(m, hdc)
    if dc is None or not lptm:
        return 0
    m.mem.write(lptm, pack_textmetric(metrics(dc), wide, _conv(dc)))
    return 1


@stdcall("gdi32")
def GetTextMetricsA(m: Machine, hdc: HANDLE, lptm: PTR) -> BOOL:
    """TEXTMETRICA of the DC's font (logical units)."""
    return _text_metrics(m, hdc, lptm, False)


@stdcall("gdi32")
def GetTextMetricsW(m: Machine, hdc: HANDLE, lptm: PTR) -> BOOL:
    """TEXTMETRICW of the DC's font (logical units)."""
    return _text_metrics(m, hdc, lptm, True)


def _text_face(m: Machine, hdc: int, c: int, p: int, wide: bool) -> int:
    """GetTextFaceA/W: counts are in bytes (A) or characters (W), the NUL included."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    name = metrics(dc).face_name
    units: str | bytes = name if wide else name.encode(m.ansi, "replace")
    if not p:
        return len(units) + 1
    if c <= 0:
        return 0
    units = units[:c - 1]
    if isinstance(units, str):
        m.mem.write_wstr(p, units)
    else:
        m.mem.write(p, units + b"\0")
    return len(units) + 1


@stdcall("gdi32")
def GetTextFaceA(m: Machine, hdc: HANDLE, c: INT, lpName: PTR) -> INT:
    """Typeface name of the DC's font; returns characters copied including the NUL (or needed, for NULL)."""
    return _text_face(m, hdc, c, lpName, False)


@stdcall("gdi32")
def GetTextFaceW(m: Machine, hdc: HANDLE, c: INT, lpName: PTR) -> INT:
    """Typeface name of the DC's font; returns characters copied including the NUL (or needed, for NULL)."""
    return _text_face(m, hdc, c, lpName, True)


def _char_codes(m: Machine, dc: DC, first: int, last: int, wide: bool) -> list[str] | None:
    if last < first:
        return None
    if wide:
        return [chr(c) if c < 0x110000 else "\0" for c in range(first, last + 1)]
    out = []
    for c in range(first, last + 1):
        b = bytes([c & 0xFF]) if c < 0x100 else bytes([c >> 8, c & 0xFF])
        out.append(decode_a(dc, m, b)[:1] or "\0")
    return out


def _char_widths(m: Machine, hdc: int, first: int, last: int, buf: int, wide: bool) -> int:
    dc = get_dc(m, hdc)
    if dc is None or not buf:
        return 0
    chars = _char_codes(m, dc, first, last, wide)
    if chars is None:
        return 0
    r = metrics(dc)
    m.mem.pack(f"<{len(chars)}i", buf, *[_to_log_x(dc, r.glyph(c).advance) for c in chars])
    return 1


@stdcall("gdi32")
def GetCharWidthA(m: Machine, hdc: HANDLE, iFirst: DWORD, iLast: DWORD, lpBuffer: PTR) -> BOOL:
    """Advance widths of consecutive ANSI character codes."""
    return _char_widths(m, hdc, iFirst, iLast, lpBuffer, False)


@stdcall("gdi32")
def GetCharWidthW(m: Machine, hdc: HANDLE, iFirst: DWORD, iLast: DWORD, lpBuffer: PTR) -> BOOL:
    """Advance widths of consecutive Unicode characters."""
    return _char_widths(m, hdc, iFirst, iLast, lpBuffer, True)


@stdcall("gdi32")
def GetCharWidth32A(m: Machine, hdc: HANDLE, iFirst: DWORD, iLast: DWORD, lpBuffer: PTR) -> BOOL:
    """Advance widths of consecutive ANSI character codes."""
    return _char_widths(m, hdc, iFirst, iLast, lpBuffer, False)


@stdcall("gdi32")
def GetCharWidth32W(m: Machine, hdc: HANDLE, iFirst: DWORD, iLast: DWORD, lpBuffer: PTR) -> BOOL:
    """Advance widths of consecutive Unicode characters."""
    return _char_widths(m, hdc, iFirst, iLast, lpBuffer, True)


def _abc_widths(m: Machine, hdc: int, first: int, last: int, buf: int, wide: bool) -> int:
    dc = get_dc(m, hdc)
    if dc is None or not buf:
        return 0
    r = metrics(dc)
    if not r.truetype:  # GDI answers ABC widths for TrueType fonts only
        return 0
    chars = _char_codes(m, dc, first, last, wide)
    if chars is None:
        return 0
    vals: list[int] = []
    for c in chars:
        a, b, cc = r.abc(c)
        vals += [_to_log_x(dc, a), _to_log_x(dc, b), _to_log_x(dc, cc)]
    m.mem.pack(f"<{len(vals)}i", buf, *[v & 0xFFFFFFFF if i % 3 == 1 else v for i, v in enumerate(vals)])
    return 1


@stdcall("gdi32")
def GetCharABCWidthsA(m: Machine, hdc: HANDLE, wFirst: DWORD, wLast: DWORD, lpABC: PTR) -> BOOL:
    """A/B/C spacing of consecutive ANSI characters (TrueType fonts only)."""
    return _abc_widths(m, hdc, wFirst, wLast, lpABC, False)


@stdcall("gdi32")
def GetCharABCWidthsW(m: Machine, hdc: HANDLE, wFirst: DWORD, wLast: DWORD, lpABC: PTR) -> BOOL:
    """A/B/C spacing of consecutive Unicode characters (TrueType fonts only)."""
    return _abc_widths(m, hdc, wFirst, wLast, lpABC, True)


@stdcall("gdi32")
def GetFontData(m: Machine, hdc: HANDLE, dwTable: DWORD, dwOffset: DWORD, pvBuffer: PTR, cjBuffer: DWORD) -> DWORD:
    """Raw TrueType data (a table, or the whole file for table 0); GDI_ERROR for raster fonts."""
    dc = get_dc(m, hdc)
    if dc is None:
        return GDI_ERROR
    r = metrics(dc)
    if not r.truetype:
        return GDI_ERROR
    data = (fontmod.FONT_DIR / r.tt.file).read_bytes()
    if dwTable:
        tag = struct.pack("<I", dwTable).decode("latin-1")
        tables = fontmod._sfnt_tables(data)
        if tag not in tables:
            return GDI_ERROR
        data = tables[tag]
    if dwOffset > len(data):
        return GDI_ERROR
    data = data[dwOffset:]
    if not pvBuffer or cjBuffer == 0:
        return len(data)
    n = min(cjBuffer, len(data))
    m.mem.write(pvBuffer, data[:n])
    return n


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


# ---- font enumeration ---------------------------------------------------------------------------
_SCRIPTS = {fontmod.ANSI_CHARSET: "Western", fontmod.SYMBOL_CHARSET: "Symbol", fontmod.OEM_CHARSET: "OEM/DOS"}
NTM_ITALIC, NTM_BOLD, NTM_REGULAR = 0x1, 0x20, 0x40
OUT_STRING_PRECIS, OUT_STROKE_PRECIS, CLIP_STROKE_PRECIS, DRAFT_QUALITY, PROOF_QUALITY = 1, 3, 2, 1, 2


class _Entry:
    """One enumerated face/size/style: its LOGFONT, realised metrics and NEWTEXTMETRIC extras."""

    def __init__(self, fam: fontmod.Family, lf: Font, r: Realized, style: str, ntm: tuple[int, int, int, int],
                 sig: tuple[int, ...]) -> None:
        self.fam, self.lf, self.r, self.style, self.ntm, self.sig = fam, lf, r, style, ntm, sig

    @property
    def font_type(self) -> int:
        return fontmod.TRUETYPE_FONTTYPE if self.fam.truetype else fontmod.RASTER_FONTTYPE


def _entries(m: Machine, fam: fontmod.Family) -> list[_Entry]:
    out: list[_Entry] = []
    if not fam.truetype:
        for st in fam.strikes:
            lf = Font(height=st.height, width=st.avg_width, weight=st.weight, charset=fam.charset,
                      out_precision=OUT_STRING_PRECIS, clip_precision=CLIP_STROKE_PRECIS, quality=DRAFT_QUALITY,
                      pitch_family=fam.pitch_family, face=fam.name)
            r = fontmod.realize(m, lf)
            style = "Bold" if st.weight >= 600 else "Regular"
            out.append(_Entry(fam, lf, r, style, (0, 0, 0, 0), (0, 0, 0, 0, 1, 0)))
        return out
    for (bold, italic), tf in sorted(fam.styles.items()):
        lf = Font(height=16, weight=700 if bold else 400, italic=italic, charset=fam.charset,
                  out_precision=OUT_STROKE_PRECIS, clip_precision=CLIP_STROKE_PRECIS, quality=PROOF_QUALITY,
                  pitch_family=fam.pitch_family, face=fam.name)
        r = fontmod.realize(m, lf)
        lf.width = r.ave_width
        lf.height = r.height
        style = ("Bold " if bold else "") + ("Italic" if italic else "")
        style = style.strip() or "Regular"
        flags = (NTM_BOLD if bold else 0) | (NTM_ITALIC if italic else 0) | (0 if bold or italic else NTM_REGULAR)
        out.append(_Entry(fam, lf, r, style, (flags, tf.upem, tf.win_ascent + tf.win_descent, tf.avg_width),
                          tf.unicode_ranges + tf.codepage_ranges))
    return out


def _enum_bytes(m: Machine, e: _Entry, wide: bool) -> tuple[bytes, bytes]:
    """ENUMLOGFONTEX and NEWTEXTMETRICEX for an entry."""
    full = e.fam.name if e.style == "Regular" or not e.fam.truetype else f"{e.fam.name} {e.style}"
    script = _SCRIPTS.get(e.fam.charset, "")
    if wide:
        lf = pack_logfont(m, e.lf, True) + b"".join(
            t[:n - 1].encode("utf-16-le").ljust(2 * n, b"\0") for t, n in ((full, 64), (e.style, 32), (script, 32)))
    else:
        lf = pack_logfont(m, e.lf, False) + b"".join(
            t.encode(m.ansi, "replace")[:n - 1].ljust(n, b"\0") for t, n in ((full, 64), (e.style, 32), (script, 32)))
    tm = pack_textmetric(e.r, wide) + struct.pack("<4I", *e.ntm) + struct.pack("<6I", *e.sig)
    return lf, tm


def _enum(m: Machine, proc: int, lparam: int, entries: list[_Entry], wide: bool) -> int:
    if not proc:
        return 0
    from emu.kernel32.heap import process_heap
    heap = process_heap(m)
    ret = 1
    for e in entries:
        lf, tm = _enum_bytes(m, e, wide)
        plf = heap.alloc(len(lf) + len(tm) + 8, True)
        ptm = plf + ((len(lf) + 3) & ~3)
        try:
            m.mem.write(plf, lf)
            m.mem.write(ptm, tm)
            ret = m.call(proc, plf, ptm, e.font_type, lparam)
        finally:
            heap.free(plf)
        if ret == 0:
            break
    return ret


def _family_list(name: str | None, charset: int = fontmod.DEFAULT_CHARSET) -> list[fontmod.Family]:
    fams = list(fontmod.families().values())
    if charset != fontmod.DEFAULT_CHARSET:
        fams = [f for f in fams if f.charset == charset]
    if name:
        fams = [f for f in fams if f.name.lower() == name.lower()]
    return fams


def _enum_families(m: Machine, name: str | int | None, proc: int, lparam: int, wide: bool,
                   charset: int = fontmod.DEFAULT_CHARSET) -> int:
    face = name if isinstance(name, str) else None
    entries: list[_Entry] = []
    for fam in _family_list(face, charset):
        es = _entries(m, fam)
        entries.extend(es if face else es[:1])
    return _enum(m, proc, lparam, entries, wide)


@stdcall("gdi32")
def EnumFontFamiliesA(m: Machine, hdc: HANDLE, lpLogfont: LPCSTR, lpProc: PTR, lParam: DWORD) -> INT:
    """Call ``lpProc`` for each typeface (NULL name) or each size/style of one typeface."""
    return _enum_families(m, lpLogfont, lpProc, lParam, False)


@stdcall("gdi32")
def EnumFontFamiliesW(m: Machine, hdc: HANDLE, lpLogfont: LPCWSTR, lpProc: PTR, lParam: DWORD) -> INT:
    """Call ``lpProc`` for each typeface (NULL name) or each size/style of one typeface."""
    return _enum_families(m, lpLogfont, lpProc, lParam, True)


@stdcall("gdi32")
def EnumFontsA(m: Machine, hdc: HANDLE, lpLogfont: LPCSTR, lpProc: PTR, lParam: DWORD) -> INT:
    """Call ``lpProc`` for one font of each typeface (NULL name) or each font of one typeface."""
    return _enum_families(m, lpLogfont, lpProc, lParam, False)


@stdcall("gdi32")
def EnumFontsW(m: Machine, hdc: HANDLE, lpLogfont: LPCWSTR, lpProc: PTR, lParam: DWORD) -> INT:
    """Call ``lpProc`` for one font of each typeface (NULL name) or each font of one typeface."""
    return _enum_families(m, lpLogfont, lpProc, lParam, True)


def _enum_families_ex(m: Machine, p: int, proc: int, lparam: int, wide: bool) -> int:
    """EnumFontFamiliesExA/W: the LOGFONT's face name and charset select the families."""
    if not p:
        return 0
    lf = read_logfont(m, p, wide)
    return _enum_families(m, lf.face or None, proc, lparam, wide, lf.charset)


@stdcall("gdi32")
def EnumFontFamiliesExA(m: Machine, hdc: HANDLE, lpLogfont: PTR, lpProc: PTR, lParam: DWORD, dwFlags: DWORD) -> INT:
    """Enumerate typefaces matching a LOGFONT's charset and face name (empty: one entry per typeface)."""
    return _enum_families_ex(m, lpLogfont, lpProc, lParam, False)


@stdcall("gdi32")
def EnumFontFamiliesExW(m: Machine, hdc: HANDLE, lpLogfont: PTR, lpProc: PTR, lParam: DWORD, dwFlags: DWORD) -> INT:
    """Enumerate typefaces matching a LOGFONT's charset and face name (empty: one entry per typeface)."""
    return _enum_families_ex(m, lpLogfont, lpProc, lParam, True)


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
