"""Text measuring, metrics and font enumeration: GetTextExtentPoint*, GetTextMetrics, GetTextFace, character widths,
GetFontData, EnumFonts/EnumFontFamilies(Ex)."""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, stdcall

from . import font as fontmod
from .dc import DC, get_dc
from .font import Realized
from .gdiobj import Font
from .text import (
    GDI_ERROR, _advances, _read, _to_log_x, _to_log_y, decode_a, metrics, pack_logfont, read_logfont, text_extent,
)

if TYPE_CHECKING:
    from emu.machine import Machine


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
