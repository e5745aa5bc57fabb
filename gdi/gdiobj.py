"""GDI objects and their handles: pens, brushes, fonts, bitmaps, palettes, regions, DCs.

Handles are small integers tagged by kind (like Windows' 0x0401xxxx-style GDI handles); stock objects
exist once per process and are never deleted. ``GetStockObject``, ``DeleteObject``, ``GetObjectType``
and ``GetObject`` live here; selecting objects into DCs is in ``dc.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from emu.api import BOOL, DWORD, HANDLE, INT, stdcall

if TYPE_CHECKING:
    from emu.machine import Machine

    from .region import Region
    from .surface import Surface

# GetObjectType values
OBJ_PEN, OBJ_BRUSH, OBJ_DC, OBJ_METADC, OBJ_PAL, OBJ_FONT, OBJ_BITMAP, OBJ_REGION = 1, 2, 3, 4, 5, 6, 7, 8
OBJ_MEMDC, OBJ_EXTPEN = 10, 11
_TAG = {OBJ_PEN: 0x30, OBJ_BRUSH: 0x10, OBJ_DC: 0x01, OBJ_MEMDC: 0x01, OBJ_PAL: 0x08, OBJ_FONT: 0x0A,
        OBJ_BITMAP: 0x05, OBJ_REGION: 0x04, OBJ_EXTPEN: 0x50}

# pen styles
PS_SOLID, PS_DASH, PS_DOT, PS_DASHDOT, PS_DASHDOTDOT, PS_NULL, PS_INSIDEFRAME = 0, 1, 2, 3, 4, 5, 6
# brush styles
BS_SOLID, BS_NULL, BS_HATCHED, BS_PATTERN = 0, 1, 2, 3


class GdiObject:
    kind = 0
    handle = 0
    stock = False


@dataclass(eq=False)
class Pen(GdiObject):
    style: int = PS_SOLID
    width: int = 1
    color: int = 0  # COLORREF
    kind = OBJ_PEN


@dataclass(eq=False)
class Brush(GdiObject):
    style: int = BS_SOLID
    color: int = 0  # COLORREF
    hatch: int = 0
    pattern: Any = None  # Bitmap for BS_PATTERN
    sys_color: int = -1  # GetSysColorBrush index, resolved at use
    kind = OBJ_BRUSH


@dataclass(eq=False)
class Font(GdiObject):
    """A LOGFONT; the rasterizer (font.py) picks and caches the real face."""
    height: int = 0
    width: int = 0
    escapement: int = 0
    orientation: int = 0
    weight: int = 400
    italic: bool = False
    underline: bool = False
    strikeout: bool = False
    charset: int = 0
    out_precision: int = 0
    clip_precision: int = 0
    quality: int = 0
    pitch_family: int = 0
    face: str = ""
    kind = OBJ_FONT


@dataclass(eq=False)
class Palette(GdiObject):
    entries: list[tuple[int, int, int, int]] = field(default_factory=list)  # (r, g, b, flags)
    kind = OBJ_PAL


@dataclass(eq=False)
class Bitmap(GdiObject):
    """A device-dependent bitmap (32-bit pixels, or 1-bit monochrome) or a DIB section."""
    width: int = 0
    height: int = 0
    bpp: int = 32  # bits per pixel as reported to the program (1 for monochrome)
    surface: "Surface | None" = None
    bits: int = 0  # guest address of a DIB section's pixels (0 for DDBs)
    stride: int = 0  # bytes per row of the DIB section
    colors: list[int] = field(default_factory=list)  # DIB color table as pixels 0x00RRGGBB
    bottom_up: bool = False
    section: int = 0  # file-mapping handle of a DIB section
    selected_in: Any = None  # the DC it is selected into
    kind = OBJ_BITMAP

    @property
    def mono(self) -> bool:
        return self.bpp == 1


@dataclass(eq=False)
class RegionObj(GdiObject):
    region: "Region | None" = None
    kind = OBJ_REGION


class GdiTable:
    """Per-process GDI handle table."""

    def __init__(self) -> None:
        self.objs: dict[int, GdiObject] = {}
        self._next = 0x100
        self.stock: dict[int, GdiObject] = {}

    def add(self, obj: GdiObject) -> int:
        h = (_TAG.get(obj.kind, 0x7F) << 24) | (0x01 << 16) | self._next
        self._next += 1
        if self._next > 0xFFFF:
            self._next = 0x100
        obj.handle = h
        self.objs[h] = obj
        return h

    def get(self, h: int, kind: type | tuple[type, ...] | None = None) -> Any:
        o = self.objs.get(h)
        if o is None or (kind is not None and not isinstance(o, kind)):
            return None
        return o

    def delete(self, h: int) -> bool:
        o = self.objs.get(h)
        if o is None:
            return False
        if o.stock:
            return True
        del self.objs[h]
        return True


# Stock objects (GetStockObject indices)
WHITE_BRUSH, LTGRAY_BRUSH, GRAY_BRUSH, DKGRAY_BRUSH, BLACK_BRUSH, NULL_BRUSH = 0, 1, 2, 3, 4, 5
WHITE_PEN, BLACK_PEN, NULL_PEN = 6, 7, 8
OEM_FIXED_FONT, ANSI_FIXED_FONT, ANSI_VAR_FONT, SYSTEM_FONT, DEVICE_DEFAULT_FONT = 10, 11, 12, 13, 14
DEFAULT_PALETTE, SYSTEM_FIXED_FONT, DEFAULT_GUI_FONT, DC_BRUSH, DC_PEN = 15, 16, 17, 18, 19

DEFAULT_PALETTE_ENTRIES = [
    (0, 0, 0), (0x80, 0, 0), (0, 0x80, 0), (0x80, 0x80, 0), (0, 0, 0x80), (0x80, 0, 0x80), (0, 0x80, 0x80),
    (0xC0, 0xC0, 0xC0), (0xC0, 0xDC, 0xC0), (0xA6, 0xCA, 0xF0),
    (0xFF, 0xFB, 0xF0), (0xA0, 0xA0, 0xA4), (0x80, 0x80, 0x80), (0xFF, 0, 0), (0, 0xFF, 0), (0xFF, 0xFF, 0),
    (0, 0, 0xFF), (0xFF, 0, 0xFF), (0, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF)]


def table(m: "Machine") -> GdiTable:
    """The process's GDI handle table (created with the stock objects on first use)."""
    t = m.state.get("gdi")
    if t is None:
        t = GdiTable()
        m.state["gdi"] = t
        _make_stock(t)
    return t


def _make_stock(t: GdiTable) -> None:
    def put(i: int, o: GdiObject) -> None:
        o.stock = True
        t.add(o)
        t.stock[i] = o
    put(WHITE_BRUSH, Brush(color=0xFFFFFF))
    put(LTGRAY_BRUSH, Brush(color=0xC0C0C0))
    put(GRAY_BRUSH, Brush(color=0x808080))
    put(DKGRAY_BRUSH, Brush(color=0x404040))
    put(BLACK_BRUSH, Brush(color=0))
    put(NULL_BRUSH, Brush(style=BS_NULL))
    put(WHITE_PEN, Pen(color=0xFFFFFF))
    put(BLACK_PEN, Pen(color=0))
    put(NULL_PEN, Pen(style=PS_NULL))
    put(OEM_FIXED_FONT, Font(height=12, face="Terminal", pitch_family=1, charset=255))
    put(ANSI_FIXED_FONT, Font(height=12, face="Courier", pitch_family=1))
    put(ANSI_VAR_FONT, Font(height=12, face="MS Sans Serif", pitch_family=2))
    put(SYSTEM_FONT, Font(height=16, weight=700, face="System", pitch_family=2))
    put(DEVICE_DEFAULT_FONT, Font(height=16, weight=700, face="System", pitch_family=2))
    put(DEFAULT_PALETTE, Palette(entries=[(r, g, b, 0) for r, g, b in DEFAULT_PALETTE_ENTRIES]))
    put(SYSTEM_FIXED_FONT, Font(height=16, face="Fixedsys", pitch_family=1))
    put(DEFAULT_GUI_FONT, Font(height=-11, face="MS Shell Dlg", pitch_family=2))
    put(DC_BRUSH, Brush(color=0xFFFFFF))
    put(DC_PEN, Pen(color=0))


def stock(m: "Machine", index: int) -> Any:
    return table(m).stock[index]


@stdcall("gdi32")
def GetStockObject(m: "Machine", i: INT) -> HANDLE:
    """Handle of a predefined pen, brush, font or palette; NULL for an unknown index."""
    o = table(m).stock.get(i)
    return o.handle if o is not None else 0


@stdcall("gdi32")
def DeleteObject(m: "Machine", ho: HANDLE) -> BOOL:
    """Free a pen, brush, font, bitmap, region or palette (stock objects are ignored)."""
    t = table(m)
    o = t.objs.get(ho)
    if o is None or o.kind in (OBJ_DC, OBJ_MEMDC):
        return 0
    if isinstance(o, Bitmap) and o.selected_in is not None:
        return 0  # still selected into a DC
    if isinstance(o, Bitmap) and o.bits and o.section == 0 and not o.stock:
        from . import bitmap  # noqa: PLC0415
        bitmap.free_section_bits(m, o)
    return int(t.delete(ho))


@stdcall("gdi32")
def GetObjectType(m: "Machine", h: HANDLE) -> DWORD:
    """OBJ_* kind of a GDI handle, 0 if invalid."""
    o = table(m).objs.get(h)
    return o.kind if o is not None else 0
