"""Font mapping and rasterising: a LOGFONT (``gdiobj.Font``) becomes a ``Realized`` font with Windows metrics.

The faces are Wine's free look-alikes of the Windows 9x fonts (``assets/fonts``, LGPL): the raster fonts
"MS Sans Serif", "System", "Fixedsys", "Courier", "Small Fonts" (``.fon``) and the TrueType faces
"Tahoma", "Marlett", "Symbol", "Wingdings", "Webdings". FreeType loads both kinds. Like GDI's mapper,
a request is matched by face name (with Windows' substitutes), then by pitch and family; raster fonts
come in fixed sizes (the nearest size not taller than asked for, scaled by whole multiples for big
requests), TrueType is rendered at the exact pixel size, monochrome (no anti-aliasing, as Windows 9x
draws by default). Bold and italic are synthesised (1-pixel smear, shear) where no such face exists.

``realize(m, font)`` is cached per LOGFONT; ``Realized.glyph(ch)`` gives a glyph's ink as a numpy bool
mask with its placement and advance, cached per character.
"""
from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import freetype
import numpy as np

from . import gdiobj

if TYPE_CHECKING:
    from emu.machine import Machine

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"

# LOGFONT constants
ANSI_CHARSET, DEFAULT_CHARSET, SYMBOL_CHARSET, OEM_CHARSET = 0, 1, 2, 255
DEFAULT_PITCH, FIXED_PITCH, VARIABLE_PITCH = 0, 1, 2
FF_DONTCARE, FF_ROMAN, FF_SWISS, FF_MODERN, FF_SCRIPT, FF_DECORATIVE = 0x00, 0x10, 0x20, 0x30, 0x40, 0x50
OUT_TT_PRECIS, OUT_TT_ONLY_PRECIS, OUT_OUTLINE_PRECIS = 4, 7, 8
# TEXTMETRIC tmPitchAndFamily bits (TMPF_FIXED_PITCH set means VARIABLE pitch)
TMPF_FIXED_PITCH, TMPF_VECTOR, TMPF_TRUETYPE, TMPF_DEVICE = 1, 2, 4, 8
# EnumFonts font types
RASTER_FONTTYPE, DEVICE_FONTTYPE, TRUETYPE_FONTTYPE = 1, 2, 4

DEFAULT_CELL_HEIGHT = 16  # lfHeight 0: GDI's default size


class Glyph(NamedTuple):
    """A rasterised character: ink ``mask`` (rows, cols) whose row 0 lies ``top`` pixels above the baseline
    and column 0 ``left`` pixels right of the pen; the pen then moves ``advance`` pixels."""
    mask: np.ndarray
    left: int
    top: int
    advance: int


# ---- the WinFNT header FreeType reads from .fon files ---------------------------------------------
_U, _L, _B = ctypes.c_ushort, ctypes.c_ulong, ctypes.c_ubyte


class _FntHeader(ctypes.Structure):
    _fields_ = [("version", _U), ("file_size", _L), ("copyright", _B * 60), ("file_type", _U),
                ("nominal_point_size", _U), ("vertical_resolution", _U), ("horizontal_resolution", _U),
                ("ascent", _U), ("internal_leading", _U), ("external_leading", _U), ("italic", _B),
                ("underline", _B), ("strike_out", _B), ("weight", _U), ("charset", _B), ("pixel_width", _U),
                ("pixel_height", _U), ("pitch_and_family", _B), ("avg_width", _U), ("max_width", _U),
                ("first_char", _B), ("last_char", _B), ("default_char", _B), ("break_char", _B),
                ("bytes_per_row", _U), ("device_offset", _L), ("face_name_offset", _L), ("bits_pointer", _L),
                ("bits_offset", _L), ("reserved", _B), ("flags", _L), ("A_space", _U), ("B_space", _U),
                ("C_space", _U), ("color_table_offset", _U), ("reserved1", _L * 4)]


_get_fnt_header = freetype.raw.FT_Get_WinFNT_Header
_get_fnt_header.argtypes = [ctypes.c_void_p, ctypes.POINTER(_FntHeader)]
_get_fnt_header.restype = ctypes.c_int


# ---- installed faces -------------------------------------------------------------------------------
@dataclass
class Strike:
    """One size of a raster font (one FNT resource in a .fon file)."""
    file: str
    index: int
    height: int  # cell height in pixels
    ascent: int
    internal_leading: int
    external_leading: int
    avg_width: int
    max_width: int
    weight: int
    charset: int
    pitch_and_family: int  # TEXTMETRIC style (bit 0 set: variable pitch)
    first_char: int
    last_char: int
    default_char: int
    break_char: int
    point_size: int


@dataclass
class TTFile:
    """One TrueType file: its metrics tables in font units."""
    file: str
    upem: int
    win_ascent: int
    win_descent: int
    line_gap_extra: int  # hhea line gap beyond the win ascent/descent (external leading)
    avg_width: int
    weight: int
    italic: bool
    bbox_width: int
    underline_pos: int
    underline_size: int
    strike_pos: int
    strike_size: int
    first_char: int
    last_char: int
    default_char: int
    break_char: int
    fixed: bool
    symbol: bool
    unicode_ranges: tuple[int, int, int, int] = (0, 0, 0, 0)  # OS/2 ulUnicodeRange1-4 (FONTSIGNATURE fsUsb)
    codepage_ranges: tuple[int, int] = (1, 0)  # OS/2 ulCodePageRange1-2 (fsCsb)


@dataclass
class Family:
    """An installed typeface as EnumFontFamilies shows it."""
    name: str
    truetype: bool
    charset: int
    pitch_family: int  # LOGFONT lfPitchAndFamily (FIXED_PITCH/VARIABLE_PITCH | FF_*)
    strikes: list[Strike]  # raster sizes, smallest first
    styles: dict[tuple[bool, bool], TTFile]  # (bold, italic) -> file, TrueType only
    glyph_charset: int = ANSI_CHARSET  # the code page the glyphs are laid out in (Terminal: shown as OEM)


def _sfnt_tables(data: bytes) -> dict[str, bytes]:
    n = struct.unpack_from(">H", data, 4)[0]
    out: dict[str, bytes] = {}
    for i in range(n):
        tag, _cs, off, ln = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag.decode("latin-1")] = data[off:off + ln]
    return out


def _load_tt(name: str) -> TTFile:
    data = (FONT_DIR / name).read_bytes()
    t = _sfnt_tables(data)
    head, hhea, os2, post = t["head"], t["hhea"], t["OS/2"], t["post"]
    upem = struct.unpack_from(">H", head, 18)[0]
    xmin, _ymin, xmax, _ymax = struct.unpack_from(">hhhh", head, 36)
    asc, desc, gap = struct.unpack_from(">hhh", hhea, 4)
    os2_version, avg, weight = struct.unpack_from(">HhH", os2, 0)
    if os2_version >= 3:  # v3+ averages every glyph; GDI's figure is the old weighted lower-case average
        avg = _weighted_avg(name) or avg
    strike_size, strike_pos = struct.unpack_from(">hh", os2, 26)
    fs_sel, first, last = struct.unpack_from(">HHH", os2, 62)
    win_a, win_d = struct.unpack_from(">HH", os2, 74)
    default_ch, break_ch = (struct.unpack_from(">HH", os2, 90) if len(os2) >= 94 else (0, 0x20))
    ul_pos, ul_size, fixed = struct.unpack_from(">hhI", post, 8)
    symbol = any(c.platform_id == 3 and c.encoding_id == 0 for c in _ft_face(name, 0).charmaps)
    extra = max(0, gap - ((win_a + win_d) - (asc - desc)))
    ur = struct.unpack_from(">4I", os2, 42)
    cpr = struct.unpack_from(">2I", os2, 78) if os2_version >= 1 else ((1 << 31) if symbol else 1, 0)
    return TTFile(name, upem, win_a, win_d, extra, avg, weight, bool(fs_sel & 1), xmax - xmin, ul_pos,
                  ul_size, strike_pos, strike_size, first, last, default_ch, break_ch or 0x20, bool(fixed), symbol,
                  ur, cpr)


_AVG_WEIGHTS = dict(zip("abcdefghijklmnopqrstuvwxyz ", (64, 14, 27, 35, 100, 20, 14, 42, 63, 3, 6, 35, 20, 56, 56,
                                                          17, 4, 49, 56, 71, 31, 10, 18, 3, 18, 2, 166)))


def _weighted_avg(name: str) -> int:
    """OS/2 version 0-2 xAvgCharWidth: lower-case advances weighted by English letter frequency."""
    f = _ft_face(name, 0)
    tot = 0
    for c, w in _AVG_WEIGHTS.items():
        gi = f.get_char_index(ord(c))
        if gi == 0:
            return 0
        f.load_glyph(gi, freetype.FT_LOAD_NO_SCALE)
        tot += w * f.glyph.advance.x
    return round(tot / 1000)


_faces: dict[tuple[str, int], freetype.Face] = {}


def _ft_face(name: str, index: int) -> freetype.Face:
    f = _faces.get((name, index))
    if f is None:
        f = freetype.Face(str(FONT_DIR / name), index)
        _faces[(name, index)] = f
    return f


def _load_fon(name: str) -> list[Strike]:
    out: list[Strike] = []
    n = _ft_face(name, 0).num_faces
    for i in range(n):
        f = _ft_face(name, i)
        h = _FntHeader()
        if _get_fnt_header(ctypes.cast(f._FT_Face, ctypes.c_void_p), ctypes.byref(h)) != 0:
            raise RuntimeError(f"{name}: not a Windows FNT font")
        if h.charset not in (ANSI_CHARSET, OEM_CHARSET, SYMBOL_CHARSET):
            continue
        out.append(Strike(name, i, h.pixel_height, h.ascent, h.internal_leading, h.external_leading, h.avg_width,
                          h.max_width, h.weight, h.charset, h.pitch_and_family, h.first_char, h.last_char,
                          h.first_char + h.default_char, h.first_char + h.break_char, h.nominal_point_size))
    out.sort(key=lambda s: s.height)
    return out


_families: dict[str, Family] | None = None


def families() -> dict[str, Family]:
    """The installed typefaces by lower-case name (loaded once)."""
    global _families
    if _families is not None:
        return _families
    fams: list[Family] = []

    def raster(name: str, file: str, pf: int, charset: int = ANSI_CHARSET) -> None:
        st = _load_fon(file)
        fams.append(Family(name, False, charset, pf, st, {}, st[0].charset))

    raster("MS Sans Serif", "sserife.fon", VARIABLE_PITCH | FF_SWISS)
    raster("Courier", "coure.fon", FIXED_PITCH | FF_MODERN)
    raster("System", "vgasys.fon", VARIABLE_PITCH | FF_SWISS)
    raster("Fixedsys", "vgafix.fon", FIXED_PITCH | FF_MODERN)
    raster("Terminal", "vgafix.fon", FIXED_PITCH | FF_MODERN, OEM_CHARSET)
    raster("Small Fonts", "smalle.fon", VARIABLE_PITCH | FF_SWISS)

    def tt(name: str, files: dict[tuple[bool, bool], str], pf: int) -> None:
        styles = {k: _load_tt(v) for k, v in files.items()}
        base = styles[(False, False)]
        fams.append(Family(name, True, SYMBOL_CHARSET if base.symbol else ANSI_CHARSET, pf, [], styles,
                           SYMBOL_CHARSET if base.symbol else ANSI_CHARSET))

    tt("Tahoma", {(False, False): "tahoma.ttf", (True, False): "tahomabd.ttf"}, VARIABLE_PITCH | FF_SWISS)
    # Liberation: metric-compatible clones of the three core Windows TrueType faces, shown under their names
    tt("Arial", {(False, False): "LiberationSans-Regular.ttf", (True, False): "LiberationSans-Bold.ttf"},
       VARIABLE_PITCH | FF_SWISS)
    tt("Times New Roman", {(False, False): "LiberationSerif-Regular.ttf", (True, False): "LiberationSerif-Bold.ttf"},
       VARIABLE_PITCH | FF_ROMAN)
    tt("Courier New", {(False, False): "LiberationMono-Regular.ttf", (True, False): "LiberationMono-Bold.ttf"},
       FIXED_PITCH | FF_MODERN)
    tt("Marlett", {(False, False): "marlett.ttf"}, VARIABLE_PITCH | FF_DECORATIVE)
    tt("Symbol", {(False, False): "symbol.ttf"}, VARIABLE_PITCH | FF_DECORATIVE)
    tt("Wingdings", {(False, False): "wingding.ttf"}, VARIABLE_PITCH | FF_DECORATIVE)
    tt("Webdings", {(False, False): "webdings.ttf"}, VARIABLE_PITCH | FF_DECORATIVE)
    _families = {f.name.lower(): f for f in fams}
    return _families


# Windows' FontSubstitutes, and faces Windows has that are drawn here with the nearest bundled face
_SUBST = {
    "ms shell dlg": "MS Sans Serif", "helv": "MS Sans Serif", "ms serif": "MS Sans Serif",
    "tms rmn": "MS Sans Serif", "ms shell dlg 2": "Tahoma", "microsoft sans serif": "Tahoma", "verdana": "Tahoma",
    "segoe ui": "Tahoma", "trebuchet ms": "Tahoma", "comic sans ms": "Tahoma", "lucida sans unicode": "Tahoma",
    "lucida sans": "Tahoma", "franklin gothic medium": "Tahoma", "calibri": "Tahoma",
    "ms reference sans serif": "Tahoma", "century gothic": "Tahoma",
    "helvetica": "Arial", "arial narrow": "Arial", "arial black": "Arial", "impact": "Arial",
    "swiss": "Arial", "ms sans serif bold": "Arial",
    "times": "Times New Roman", "georgia": "Times New Roman", "book antiqua": "Times New Roman",
    "bookman old style": "Times New Roman", "garamond": "Times New Roman", "palatino linotype": "Times New Roman",
    "century schoolbook": "Times New Roman", "cambria": "Times New Roman", "roman": "Times New Roman",
    "script": "Times New Roman", "tms rmn bold": "Times New Roman",
    "lucida console": "Courier New", "consolas": "Courier New", "andale mono": "Courier New",
    "lucida sans typewriter": "Courier New", "modern": "Courier New",
}


def match_family(font: gdiobj.Font) -> Family:
    """The installed face GDI's mapper would pick for this LOGFONT."""
    fams = families()
    name = font.face.strip().lower()
    if name in fams:
        return fams[name]
    sub = _SUBST.get(name)
    if sub is not None:
        return fams[sub.lower()]
    if font.charset == SYMBOL_CHARSET and name:
        return fams["symbol"]
    if font.charset == OEM_CHARSET:
        return fams["terminal"]
    pitch = font.pitch_family & 3
    family = font.pitch_family & 0xF0
    outline = font.out_precision in (OUT_TT_PRECIS, OUT_TT_ONLY_PRECIS, OUT_OUTLINE_PRECIS)
    if not name and pitch == DEFAULT_PITCH and family == FF_DONTCARE and not outline:
        return fams["system"]
    fixed = pitch == FIXED_PITCH or family == FF_MODERN
    # the raster faces at their own sizes, outline faces beyond them or when outlines are asked for
    raster = fams["courier" if fixed else "ms sans serif"]
    if not outline and _requested_cell(font, raster) <= (16 if fixed else 22):
        return raster
    if fixed:
        return fams["courier new"]
    return fams["times new roman" if family == FF_ROMAN else "arial" if family == FF_SWISS else "tahoma"]


def _requested_cell(font: gdiobj.Font, fam: Family) -> int:
    """Requested height as a raster cell height (negative LOGFONT heights count without internal leading)."""
    h = font.height
    if h == 0:
        return DEFAULT_CELL_HEIGHT
    if h > 0:
        return h
    st = fam.strikes[0] if fam.strikes else None
    lead = st.internal_leading * (-h) // max(st.height - st.internal_leading, 1) if st else 0
    return -h + lead


# ---- realized fonts ------------------------------------------------------------------------------
_cp1252_tab: dict[str, int] = {}
for _b in range(0x80, 0x100):
    try:
        _cp1252_tab[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        _cp1252_tab[chr(_b)] = _b


class Realized:
    """A font as GDI realises it: face, pixel size, synthesised styles and TEXTMETRIC values."""

    def __init__(self, family: Family, font: gdiobj.Font) -> None:
        self.family = family
        self.face_name = family.name
        self.truetype = family.truetype
        self.charset = family.charset
        self.italic = bool(font.italic)
        self.underline = bool(font.underline)
        self.strikeout = bool(font.strikeout)
        self.escapement = font.escapement
        self._cache: dict[str, Glyph] = {}
        self._icache: dict[int, Glyph] = {}
        want_bold = font.weight >= 600
        if family.truetype:
            self._init_tt(font, want_bold)
        else:
            self._init_raster(font, want_bold)
        self.descent = self.height - self.ascent

    # -- raster ------------------------------------------------------------------------------------
    def _init_raster(self, font: gdiobj.Font, want_bold: bool) -> None:
        fam = self.family
        if font.height < 0:  # character height: the cell less its internal leading
            want = -font.height
            def size_of(st: Strike) -> int:
                return st.height - st.internal_leading
        else:
            want = font.height or DEFAULT_CELL_HEIGHT
            def size_of(st: Strike) -> int:
                return st.height
        best: tuple[int, int, Strike] | None = None
        for st in fam.strikes:
            for k in range(1, 9):
                h = size_of(st) * k
                if h > want:
                    break
                if best is None or h > best[0] or (h == best[0] and k < best[1]):
                    best = (h, k, st)
        if best is None:
            best = (fam.strikes[0].height, 1, fam.strikes[0])
        _, ky, st = best
        kx = ky
        if font.width > 0:
            kx = max(1, min(8, round(font.width / max(st.avg_width, 1))))
        self.strike = st
        self.kx, self.ky = kx, ky
        self.ft = _ft_face(st.file, st.index)
        self.ft.set_pixel_sizes(0, self.ft.available_sizes[0].y_ppem // 64)
        if self.ft.charmaps:
            self.ft.set_charmap(self.ft.charmaps[0])
        self.synth_bold = want_bold and st.weight < 600
        self.synth_italic = self.italic
        self.height = st.height * ky
        self.ascent = st.ascent * ky
        self.internal_leading = st.internal_leading * ky
        self.external_leading = st.external_leading * ky
        self.ave_width = st.avg_width * kx
        self.max_width = st.max_width * kx + (1 if self.synth_bold else 0)
        self.weight = 700 if self.synth_bold else st.weight
        self.overhang = (1 if self.synth_bold else 0) + ((self.height - 1) // 2 if self.synth_italic else 0)
        self.pitch_and_family = (st.pitch_and_family & 0xF1)
        self.first_char, self.last_char = st.first_char, st.last_char
        self.default_char, self.break_char = st.default_char, st.break_char
        self.point_size = st.point_size * ky
        self.underline_pos, self.underline_size = max(1, self.ky), self.ky  # below the baseline
        self.strike_pos, self.strike_size = (st.ascent - st.internal_leading) * ky // 3 + 1, self.ky

    # -- TrueType ------------------------------------------------------------------------------------
    def _init_tt(self, font: gdiobj.Font, want_bold: bool) -> None:
        fam = self.family
        key = (want_bold, self.italic)
        tf = fam.styles.get(key) or fam.styles.get((want_bold, False)) or fam.styles.get((False, self.italic)) \
            or fam.styles[(False, False)]
        self.tt = tf
        self.synth_bold = want_bold and tf.weight < 600
        self.synth_italic = self.italic and not tf.italic
        cell_units = tf.win_ascent + tf.win_descent
        h = font.height
        if h == 0:
            h = DEFAULT_CELL_HEIGHT
        if h > 0:
            scale = h / cell_units
            ppem = max(1, round(h * tf.upem / cell_units))
        else:
            ppem = -h
            scale = ppem / tf.upem
        self.ppem = ppem
        self.ascent = round(tf.win_ascent * scale)
        self.height = self.ascent + round(tf.win_descent * scale)
        self.internal_leading = max(0, self.height - ppem)
        self.external_leading = round(tf.line_gap_extra * scale)
        natural_avg = max(1, round(tf.avg_width * scale))
        xppem = ppem
        if font.width > 0:
            xppem = max(1, round(ppem * font.width / natural_avg))
        self.xscale = xppem / tf.upem
        self.ave_width = round(tf.avg_width * self.xscale)
        self.max_width = round(tf.bbox_width * self.xscale)
        self.weight = 700 if self.synth_bold else tf.weight
        self.overhang = 0
        fixed = tf.fixed
        self.pitch_and_family = ((fam.pitch_family & 0xF0) | TMPF_VECTOR | TMPF_TRUETYPE
                                 | (0 if fixed else TMPF_FIXED_PITCH))
        self.first_char, self.last_char = tf.first_char, tf.last_char
        self.default_char, self.break_char = tf.default_char, tf.break_char
        self.point_size = round(ppem * 72 / 96)
        self.underline_pos = max(1, round(-tf.underline_pos * scale))
        self.underline_size = max(1, round(tf.underline_size * scale))
        self.strike_pos = max(1, round(tf.strike_pos * scale))
        self.strike_size = max(1, round(tf.strike_size * scale))
        self.ft = _ft_face(tf.file, 0)
        self._xppem = xppem
        if tf.symbol:
            for cm in self.ft.charmaps:
                if cm.platform_id == 3 and cm.encoding_id == 0:
                    self.ft.set_charmap(cm)

    # -- glyphs --------------------------------------------------------------------------------------
    def glyph(self, ch: str) -> Glyph:
        """The glyph drawn for character ``ch`` (a Unicode character)."""
        g = self._cache.get(ch)
        if g is None:
            g = self._render(ch)
            self._cache[ch] = g
        return g

    def has_char(self, ch: str) -> bool:
        """True when the face has its own glyph for ``ch`` (not the default character)."""
        if self.truetype:
            return self._tt_index(ch) != 0
        c = self._raster_code(ch)
        return c is not None

    def _raster_code(self, ch: str) -> int | None:
        o = ord(ch)
        code = o if o < 0x80 else _cp1252_tab.get(ch, o if o < 0x100 else -1)
        if self.first_char <= code <= self.last_char:
            return code
        return None

    def _tt_index(self, ch: str) -> int:
        o = ord(ch)
        f = self.ft
        if self.tt.symbol:
            gi = f.get_char_index(0xF000 + (o & 0xFF)) if o < 0x100 else f.get_char_index(o)
            return gi or f.get_char_index(o)
        return f.get_char_index(o)

    def glyph_index(self, gi: int) -> Glyph:
        """The glyph with font index ``gi`` (ETO_GLYPH_INDEX; raster fonts index by character code)."""
        g = self._icache.get(gi)
        if g is None:
            if self.truetype:
                g = self._finish(*self._render_tt_index(gi))
            else:
                code = gi if self.first_char <= gi <= self.last_char else self.default_char
                g = self._finish(*self._render_raster_code(code))
            self._icache[gi] = g
        return g

    def _render(self, ch: str) -> Glyph:
        if self.truetype:
            return self._finish(*self._render_tt_index(self._tt_index(ch)))
        code = self._raster_code(ch)
        if code is None and self.charset == OEM_CHARSET and ch in _BOX:
            return self._finish(*self._box_glyph(ch))
        return self._finish(*self._render_raster_code(self.default_char if code is None else code))

    def _finish(self, mask: np.ndarray, left: int, top: int, adv: int) -> Glyph:
        if self.synth_italic and mask.size:
            mask, left = _shear(mask, top, left, 2 if not self.truetype else 3)
        if self.synth_bold:
            if mask.size:
                wide = np.zeros((mask.shape[0], mask.shape[1] + 1), dtype=bool)
                wide[:, :-1] = mask
                wide[:, 1:] |= mask
                mask = wide
            adv += 1
        return Glyph(mask, left, top, adv)

    def _render_raster_code(self, code: int) -> tuple[np.ndarray, int, int, int]:
        f = self.ft
        f.set_pixel_sizes(0, f.available_sizes[0].y_ppem // 64)
        gi = f.get_char_index(code)
        f.load_glyph(gi, freetype.FT_LOAD_RENDER | freetype.FT_LOAD_TARGET_MONO)
        g = f.glyph
        mask = _bitmap_mask(g.bitmap)
        adv = g.advance.x // 64
        if self.kx != 1 or self.ky != 1:
            mask = np.repeat(np.repeat(mask, self.ky, axis=0), self.kx, axis=1)
        return mask, g.bitmap_left * self.kx, g.bitmap_top * self.ky, adv * self.kx

    def _render_tt_index(self, gi: int) -> tuple[np.ndarray, int, int, int]:
        f = self.ft
        f.set_pixel_sizes(self._xppem, self.ppem)
        flags = freetype.FT_LOAD_RENDER | freetype.FT_LOAD_TARGET_MONO
        if self._xppem != self.ppem:
            flags |= freetype.FT_LOAD_NO_BITMAP
        f.load_glyph(gi, flags)
        g = f.glyph
        return _bitmap_mask(g.bitmap), g.bitmap_left, g.bitmap_top, (g.advance.x + 32) // 64

    def _box_glyph(self, ch: str) -> tuple[np.ndarray, int, int, int]:
        """An OEM line-drawing or block character drawn to fill the cell (the faces here lack them)."""
        w, h = self.ave_width, self.height
        m = np.zeros((h, w), dtype=bool)
        spec = _BOX[ch]
        if isinstance(spec, str):  # blocks and shades
            yy, xx = np.indices((h, w))
            full = np.ones((h, w), dtype=bool)
            m = {"full": full, "lower": yy >= h // 2, "upper": yy < h // 2, "left": xx < w // 2,
                 "right": xx >= w // 2, "light": (yy % 2 == 0) & ((xx + yy // 2 * 2) % 4 == 0),
                 "medium": (xx + yy) % 2 == 0, "dark": ~((yy % 2 == 0) & ((xx + yy // 2 * 2) % 4 == 0)),
                 "square": (abs(yy - h // 2) <= w // 4) & (xx >= w // 4) & (xx < w - w // 4)}[spec]
            return m, 0, self.ascent, w
        up, down, left, right = spec
        cx, cy = w // 2 - 1 + (w % 2), h // 2
        horiz_double = 2 in (left, right)
        vert_double = 2 in (up, down)

        def vline(y0: int, y1: int, kind: int) -> None:
            for x in ((cx - 1, cx + 1) if kind == 2 else (cx,)):
                m[max(y0, 0):max(y1, 0), x] = True

        def hline(x0: int, x1: int, kind: int) -> None:
            for y in ((cy - 1, cy + 1) if kind == 2 else (cy,)):
                m[y, max(x0, 0):max(x1, 0)] = True

        # arms run from the far edge to the centre lines (past them by the other direction's offset)
        reach_v = 2 if horiz_double else 1
        reach_h = 2 if vert_double else 1
        if up:
            vline(0, cy + (reach_v if (left or right) and not (down and up == 2) else 1), up)
        if down:
            vline(cy - (reach_v - 1 if (left or right) else 0), h, down)
        if left:
            hline(0, cx + (reach_h if (up or down) else 1), left)
        if right:
            hline(cx - (reach_h - 1 if (up or down) else 0), w, right)
        return m, 0, self.ascent, w

    def char_width(self, ch: str) -> int:
        """Advance width of ``ch`` in pixels."""
        return self.glyph(ch).advance

    def abc(self, ch: str) -> tuple[int, int, int]:
        """(A, B, C) spacing: left bearing, ink width, right bearing."""
        g = self.glyph(ch)
        b = g.mask.shape[1] if g.mask.size else 0
        if b == 0:
            return (0, 0, g.advance) if not self.truetype else (0, 1, g.advance - 1)
        return (g.left, b, g.advance - g.left - b)


def _bitmap_mask(bm: freetype.Bitmap) -> np.ndarray:
    rows, width, pitch = bm.rows, bm.width, bm.pitch
    if rows == 0 or width == 0:
        return np.zeros((0, 0), dtype=bool)
    buf = np.frombuffer(bytes(bm.buffer), dtype=np.uint8)
    if bm.pixel_mode == freetype.FT_PIXEL_MODE_MONO:
        a = buf.reshape(rows, abs(pitch))
        bits = np.unpackbits(a, axis=1)[:, :width]
        out = bits.astype(bool)
    else:  # 8-bit grey (should not happen with TARGET_MONO)
        out = buf.reshape(rows, abs(pitch))[:, :width] >= 128
    if pitch < 0:
        out = out[::-1]
    return np.ascontiguousarray(out)


def _shear(mask: np.ndarray, top: int, left: int, slope: int) -> tuple[np.ndarray, int]:
    """Slant a glyph: rows ``d`` pixels above the baseline move right by d/slope."""
    rows, cols = mask.shape
    shifts = [(top - 1 - r) // slope for r in range(rows)]  # row r lies top-1-r pixels above the baseline row
    lo, hi = min(shifts), max(shifts)
    out = np.zeros((rows, cols + hi - lo), dtype=bool)
    for r in range(rows):
        s = shifts[r] - lo
        out[r, s:s + cols] = mask[r]
    return out, left + lo


# OEM (code page 437) box-drawing characters as (up, down, left, right) line kinds (1 single, 2 double),
# and block elements by shape
_BOX: dict[str, tuple[int, int, int, int] | str] = {
    "─": (0, 0, 1, 1), "│": (1, 1, 0, 0), "┌": (0, 1, 0, 1), "┐": (0, 1, 1, 0), "└": (1, 0, 0, 1),
    "┘": (1, 0, 1, 0), "├": (1, 1, 0, 1), "┤": (1, 1, 1, 0), "┬": (0, 1, 1, 1), "┴": (1, 0, 1, 1),
    "┼": (1, 1, 1, 1), "═": (0, 0, 2, 2), "║": (2, 2, 0, 0), "╔": (0, 2, 0, 2), "╗": (0, 2, 2, 0),
    "╚": (2, 0, 0, 2), "╝": (2, 0, 2, 0), "╠": (2, 2, 0, 2), "╣": (2, 2, 2, 0), "╦": (0, 2, 2, 2),
    "╩": (2, 0, 2, 2), "╬": (2, 2, 2, 2), "╒": (0, 1, 0, 2), "╓": (0, 2, 0, 1), "╕": (0, 1, 2, 0),
    "╖": (0, 2, 1, 0), "╘": (1, 0, 0, 2), "╙": (2, 0, 0, 1), "╛": (1, 0, 2, 0), "╜": (2, 0, 1, 0),
    "╞": (1, 1, 0, 2), "╟": (2, 2, 0, 1), "╡": (1, 1, 2, 0), "╢": (2, 2, 1, 0), "╤": (0, 1, 2, 2),
    "╥": (0, 2, 1, 1), "╧": (1, 0, 2, 2), "╨": (2, 0, 1, 1), "╪": (1, 1, 2, 2), "╫": (2, 2, 1, 1),
    "█": "full", "▄": "lower", "▀": "upper", "▌": "left", "▐": "right", "░": "light", "▒": "medium",
    "▓": "dark", "■": "square",
}

_realized: dict[tuple, Realized] = {}


def _key(font: gdiobj.Font) -> tuple:
    return (font.height, font.width, font.escapement, font.weight, bool(font.italic), bool(font.underline),
            bool(font.strikeout), font.charset, font.out_precision, font.pitch_family, font.face.lower())


def realize(m: Machine, font: gdiobj.Font) -> Realized:
    """The realised font for a LOGFONT (cached)."""
    k = _key(font)
    r = _realized.get(k)
    if r is None:
        r = Realized(match_family(font), font)
        _realized[k] = r
    return r


def text_width(m: Machine, font: gdiobj.Font, s: str) -> int:
    """Width in pixels of ``s`` drawn in ``font`` (sum of advances)."""
    r = realize(m, font)
    return sum(r.glyph(c).advance for c in s)
