"""gdi32 palettes: logical palettes, the per-process system palette, nearest-colour queries.

The display is 32 bits per pixel, so palettes matter for DIB_PAL_COLORS colour tables, PALETTEINDEX
colours and 8-bit device-dependent bitmaps. The process keeps a 256-entry "system palette" laid out like a
palette device's: the 20 static colours at 0-9 and 246-255 (SYSPAL_STATIC), the rest filled by
``RealizePalette`` from the logical palette selected into a DC.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from emu.api import BOOL, DWORD, HANDLE, PTR, UINT, stdcall

from . import gdiobj
from .gdiobj import Brush, Palette

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC

PC_RESERVED, PC_EXPLICIT, PC_NOCOLLAPSE = 0x01, 0x02, 0x04
SYSPAL_ERROR, SYSPAL_STATIC, SYSPAL_NOSTATIC, SYSPAL_NOSTATIC256 = 0, 1, 2, 3
CLR_INVALID = 0xFFFFFFFF
GDI_ERROR = 0xFFFFFFFF
ERROR_INVALID_HANDLE = 6
ERROR_INVALID_PARAMETER = 87

RGB = tuple[int, int, int]


@dataclass(eq=False)
class LogPalette(Palette):
    """A palette made by CreatePalette/CreateHalftonePalette; ``sysmap`` is where RealizePalette put each entry."""
    sysmap: list[int] = field(default_factory=list)


def static_colors() -> list[RGB]:
    """The 20 static colours: system palette entries 0-9 then 246-255."""
    return [tuple(c) for c in gdiobj.DEFAULT_PALETTE_ENTRIES]  # type: ignore[misc]


def vga16() -> list[RGB]:
    """The standard 16-colour (VGA) table that 4-bit DIBs synthesised by GDI use."""
    return [(0, 0, 0), (0x80, 0, 0), (0, 0x80, 0), (0x80, 0x80, 0), (0, 0, 0x80), (0x80, 0, 0x80), (0, 0x80, 0x80),
            (0x80, 0x80, 0x80), (0xC0, 0xC0, 0xC0), (0xFF, 0, 0), (0, 0xFF, 0), (0xFF, 0xFF, 0), (0, 0, 0xFF),
            (0xFF, 0, 0xFF), (0, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF)]


def halftone256() -> list[RGB]:
    """A 256-colour general-purpose mix: the 20 static colours, a 6x6x6 colour cube and a grey ramp."""
    st = static_colors()
    levels = (0, 0x33, 0x66, 0x99, 0xCC, 0xFF)
    cube = [(r, g, b) for r in levels for g in levels for b in levels]
    greys = [(v, v, v) for v in (0x08, 0x10, 0x18, 0x20, 0x28, 0x38, 0x40, 0x48, 0x50, 0x58, 0x60, 0x68, 0x70,
                                 0x78, 0x88, 0x90, 0xA0, 0xA8, 0xB8, 0xE0)]
    return st[:10] + cube + greys + st[10:]


class SystemPalette:
    """The process's view of the hardware palette."""

    def __init__(self) -> None:
        self.entries: list[RGB] = halftone256()
        self.use = SYSPAL_STATIC
        self.owner: list[int] = [0] * 256  # palette handle that placed each free entry (0: none)

    def reserved(self, i: int) -> bool:
        """True for the static entries that RealizePalette may not take."""
        if self.use == SYSPAL_NOSTATIC256:
            return False
        if self.use == SYSPAL_NOSTATIC:
            return i in (0, 255)
        return i < 10 or i >= 246

    def restore_statics(self) -> None:
        st = static_colors()
        for i in range(10):
            self.entries[i] = st[i]
            self.entries[246 + i] = st[10 + i]


def system_palette(m: "Machine") -> SystemPalette:
    """The per-process system palette."""
    sp = m.state.get("gdi_syspal")
    if sp is None:
        sp = SystemPalette()
        m.state["gdi_syspal"] = sp
    return sp


def nearest(entries: list[RGB] | list[tuple[int, int, int, int]], rgb: RGB) -> int:
    """Index of the entry closest to ``rgb`` (Euclidean RGB distance; the first one on ties)."""
    r, g, b = rgb
    best, bi = -1, 0
    for i, e in enumerate(entries):
        d = (e[0] - r) ** 2 + (e[1] - g) ** 2 + (e[2] - b) ** 2
        if best < 0 or d < best:
            best, bi = d, i
            if d == 0:
                break
    return bi


def _rgb_of(c: int) -> RGB:
    return (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF)


def _pal(m: "Machine", h: int) -> Palette | None:
    p = gdiobj.table(m).get(h, Palette)
    if p is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
    return p


def _read_entries(m: "Machine", addr: int, n: int) -> list[tuple[int, int, int, int]]:
    raw = m.mem.read(addr, 4 * n)
    return [(raw[4 * i], raw[4 * i + 1], raw[4 * i + 2], raw[4 * i + 3]) for i in range(n)]


def _write_entries(m: "Machine", addr: int, ents: list[tuple[int, int, int, int]]) -> None:
    m.mem.write(addr, bytes(v for e in ents for v in e))


# ---- logical palettes ------------------------------------------------------------------------
@stdcall("gdi32")
def CreatePalette(m: "Machine", plpal: PTR) -> HANDLE:
    """Create a logical palette from a LOGPALETTE (palVersion, palNumEntries, PALETTEENTRY[])."""
    if not plpal:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _ver, n = m.mem.unpack("<HH", plpal)
    if n == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return gdiobj.table(m).add(LogPalette(entries=_read_entries(m, plpal + 4, n)))


@stdcall("gdi32")
def CreateHalftonePalette(m: "Machine", hdc: HANDLE) -> HANDLE:
    """A 256-entry palette of evenly spread colours (the static colours included) for halftoning."""
    return gdiobj.table(m).add(LogPalette(entries=[(r, g, b, 0) for r, g, b in halftone256()]))


@stdcall("gdi32")
def GetPaletteEntries(m: "Machine", hpal: HANDLE, iStart: UINT, cEntries: UINT, pPalEntries: PTR) -> UINT:
    """Copy entries of a logical palette; with a NULL buffer, the number of entries in the palette."""
    p = _pal(m, hpal)
    if p is None:
        return 0
    if not pPalEntries:
        return len(p.entries)
    if iStart >= len(p.entries):
        return 0
    ents = p.entries[iStart:iStart + cEntries]
    _write_entries(m, pPalEntries, ents)
    return len(ents)


@stdcall("gdi32")
def SetPaletteEntries(m: "Machine", hpal: HANDLE, iStart: UINT, cEntries: UINT, pPalEntries: PTR) -> UINT:
    """Replace entries of a logical palette (not the default palette); returns how many were set."""
    p = _pal(m, hpal)
    if p is None or p.stock or iStart >= len(p.entries):
        return 0
    n = min(cEntries, len(p.entries) - iStart)
    p.entries[iStart:iStart + n] = _read_entries(m, pPalEntries, n)
    return n


@stdcall("gdi32")
def ResizePalette(m: "Machine", hpal: HANDLE, n: UINT) -> BOOL:
    """Grow (new entries black) or shrink a logical palette."""
    p = _pal(m, hpal)
    if p is None or p.stock or n == 0 or n > 1024:
        if p is not None:
            m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if n < len(p.entries):
        del p.entries[n:]
    else:
        p.entries.extend([(0, 0, 0, 0)] * (n - len(p.entries)))
    if isinstance(p, LogPalette):
        del p.sysmap[n:]
    return 1


@stdcall("gdi32")
def AnimatePalette(m: "Machine", hPal: HANDLE, iStartIndex: UINT, cEntries: UINT, ppe: PTR) -> BOOL:
    """Replace the PC_RESERVED entries in a range of a logical palette (and in the system palette where
    the palette is realized)."""
    p = _pal(m, hPal)
    if p is None or p.stock:
        return 0
    if iStartIndex >= len(p.entries):
        return 0
    n = min(cEntries, len(p.entries) - iStartIndex)
    new = _read_entries(m, ppe, n)
    sp = system_palette(m)
    for k in range(n):
        i = iStartIndex + k
        if not p.entries[i][3] & PC_RESERVED:
            continue
        r, g, b, _f = new[k]
        p.entries[i] = (r, g, b, p.entries[i][3])
        if isinstance(p, LogPalette) and i < len(p.sysmap) and sp.owner[p.sysmap[i]] == p.handle:
            sp.entries[p.sysmap[i]] = (r, g, b)
    return 1


@stdcall("gdi32")
def GetNearestPaletteIndex(m: "Machine", h: HANDLE, color: DWORD) -> UINT:
    """Index of the logical-palette entry closest to an RGB colour; CLR_INVALID on a bad handle."""
    p = _pal(m, h)
    if p is None or not p.entries:
        return CLR_INVALID
    return nearest(p.entries, _rgb_of(color))


# ---- selection and realization ---------------------------------------------------------------
def _dc(m: "Machine", hdc: int) -> "DC | None":
    from .dc import get_dc  # noqa: PLC0415
    d = get_dc(m, hdc)
    if d is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
    return d


@stdcall("gdi32")
def SelectPalette(m: "Machine", hdc: HANDLE, hPal: HANDLE, bForceBkgd: BOOL) -> HANDLE:
    """Select a logical palette into a DC (as a background palette when ``bForceBkgd``); returns the
    previous palette."""
    d = _dc(m, hdc)
    p = _pal(m, hPal)
    if d is None or p is None:
        return 0
    old = d.palette
    d.palette = p
    m.state.setdefault("gdi_palbg", {})[hdc] = bool(bForceBkgd)
    return old.handle


def realize(m: "Machine", p: Palette, background: bool) -> int:
    """Map ``p`` into the system palette; returns the number of entries placed in free slots."""
    sp = system_palette(m)
    if p is gdiobj.stock(m, gdiobj.DEFAULT_PALETTE) or not isinstance(p, LogPalette):
        return 0
    if not background:  # the foreground palette gets first choice of every free slot
        for i in range(256):
            if sp.owner[i] and sp.owner[i] != p.handle:
                sp.owner[i] = 0
    free = [i for i in range(256) if not sp.reserved(i) and sp.owner[i] == 0]
    free.reverse()
    sysmap: list[int] = []
    placed = 0
    for r, g, b, fl in p.entries:
        if fl & PC_EXPLICIT:
            sysmap.append(((g << 8) | r) & 0xFF)
            continue
        if not fl & (PC_NOCOLLAPSE | PC_RESERVED):
            hit = next((i for i in range(256) if (sp.reserved(i) or sp.owner[i] == p.handle)
                        and sp.entries[i] == (r, g, b)), -1)
            if hit >= 0:
                sysmap.append(hit)
                continue
        if free:
            i = free.pop()
            sp.entries[i] = (r, g, b)
            sp.owner[i] = p.handle
            sysmap.append(i)
            placed += 1
        else:
            sysmap.append(nearest(sp.entries, (r, g, b)))
    p.sysmap = sysmap
    return placed


@stdcall("gdi32")
def RealizePalette(m: "Machine", hdc: HANDLE) -> UINT:
    """Map the DC's logical palette into the system palette; returns the number of entries placed."""
    d = _dc(m, hdc)
    if d is None:
        return GDI_ERROR
    return realize(m, d.palette, m.state.get("gdi_palbg", {}).get(hdc, False))


@stdcall("gdi32")
def UnrealizeObject(m: "Machine", h: HANDLE) -> BOOL:
    """Palettes: forget the realization so the next RealizePalette maps them again; brushes: reset the
    brush origin (kept per DC here, nothing to reset)."""
    o = gdiobj.table(m).objs.get(h)
    if isinstance(o, LogPalette):
        sp = system_palette(m)
        for i in range(256):
            if sp.owner[i] == h:
                sp.owner[i] = 0
        o.sysmap = []
        return 1
    if isinstance(o, (Palette, Brush)):
        return 1
    m.set_last_error(ERROR_INVALID_HANDLE)
    return 0


@stdcall("gdi32")
def GetSystemPaletteEntries(m: "Machine", hdc: HANDLE, iStart: UINT, cEntries: UINT, pPalEntries: PTR) -> UINT:
    """Copy entries of the system palette; with a NULL buffer, its size (256)."""
    if _dc(m, hdc) is None:
        return 0
    sp = system_palette(m)
    if not pPalEntries:
        return 256
    if iStart >= 256:
        return 0
    ents = [(r, g, b, 0) for r, g, b in sp.entries[iStart:iStart + cEntries]]
    _write_entries(m, pPalEntries, ents)
    return len(ents)


@stdcall("gdi32")
def GetSystemPaletteUse(m: "Machine", hdc: HANDLE) -> UINT:
    """SYSPAL_STATIC, SYSPAL_NOSTATIC or SYSPAL_NOSTATIC256."""
    if _dc(m, hdc) is None:
        return SYSPAL_ERROR
    return system_palette(m).use


@stdcall("gdi32")
def SetSystemPaletteUse(m: "Machine", hdc: HANDLE, use: UINT) -> UINT:
    """Choose how many static colours the system palette keeps; returns the previous setting."""
    if _dc(m, hdc) is None or use not in (SYSPAL_STATIC, SYSPAL_NOSTATIC, SYSPAL_NOSTATIC256):
        return SYSPAL_ERROR
    sp = system_palette(m)
    old, sp.use = sp.use, use
    if use == SYSPAL_STATIC:
        for i in range(256):
            if sp.reserved(i):
                sp.owner[i] = 0
        sp.restore_statics()
    return old


@stdcall("gdi32")
def GetNearestColor(m: "Machine", hdc: HANDLE, color: DWORD) -> DWORD:
    """The colour the DC's device would show for ``color``: exact on the 32-bit display, the nearest
    table colour on a DC holding a monochrome or palette bitmap; CLR_INVALID on a bad DC."""
    d = _dc(m, hdc)
    if d is None:
        return CLR_INVALID
    c = d.resolve_color(color)
    from . import bitmap  # noqa: PLC0415
    return bitmap.nearest_device_color(m, d, c)
