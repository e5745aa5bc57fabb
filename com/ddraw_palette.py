"""IDirectDrawPalette: colour tables for palettized surfaces (256, 16, 4 or 2 entries).

A palette attached to the visible primary surface is the display's palette: SetEntries shows on the next
presented frame.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from emu.api import DWORD, PTR

from . import ddraw_display as disp
from . import guids
from .ddraw_errors import DD_OK, DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS, DDERR_ALREADYINITIALIZED
from .factory import ComObject, Interface, IUnknown, Ref, publish

if TYPE_CHECKING:
    from emu.machine import Machine

DDPCAPS_4BIT, DDPCAPS_8BITENTRIES, DDPCAPS_8BIT, DDPCAPS_INITIALIZE = 0x1, 0x2, 0x4, 0x8
DDPCAPS_PRIMARYSURFACE, DDPCAPS_PRIMARYSURFACELEFT, DDPCAPS_ALLOW256, DDPCAPS_VSYNC = 0x10, 0x20, 0x40, 0x80
DDPCAPS_1BIT, DDPCAPS_2BIT, DDPCAPS_ALPHA = 0x100, 0x200, 0x400
_SIZE_FLAGS = {DDPCAPS_1BIT: 2, DDPCAPS_2BIT: 4, DDPCAPS_4BIT: 16, DDPCAPS_8BIT: 256}


def palette_size(flags: int) -> int | None:
    """The entry count a CreatePalette flag set asks for (exactly one size flag), or None."""
    sizes = [n for f, n in _SIZE_FLAGS.items() if flags & f]
    return sizes[0] if len(sizes) == 1 else None


class Palette(ComObject):
    """A DirectDraw palette; ``entries`` are (r, g, b, flags)."""

    per_interface_refs = False

    def __init__(self, dd: Any, flags: int, entries: list[tuple[int, int, int, int]]) -> None:
        super().__init__()
        self.dd = dd
        self.flags = flags
        self.entries = entries
        self.owner_ref: tuple[Any, Interface] | None = None  # the DirectDraw interface this palette holds
        self._lut: np.ndarray | None = None
        self.version = 0

    def lut(self) -> np.ndarray:
        """The entries as a 256-entry 0x00RRGGBB table (cached until SetEntries)."""
        if self._lut is None:
            from .pixfmt import palette_lut  # noqa: PLC0415
            self._lut = palette_lut([e[:3] for e in self.entries])
        return self._lut

    def rgb_list(self) -> list[int]:
        """The entries as 0x00RRGGBB ints (GDI colour tables)."""
        return [int(v) for v in self.lut()[:len(self.entries)]]

    def set(self, start: int, new: list[tuple[int, int, int, int]]) -> None:
        self.entries[start:start + len(new)] = new
        if len(self.entries) == 256 and not self.flags & DDPCAPS_ALLOW256:
            # without DDPCAPS_ALLOW256 the first and last entries stay the system's black and white
            self.entries[0] = (0, 0, 0, self.entries[0][3])
            self.entries[255] = (255, 255, 255, self.entries[255][3])
        self._lut = None
        self.version += 1

    def destroy(self, m: "Machine") -> None:
        if self.dd is not None and self in self.dd.palettes:
            self.dd.palettes.remove(self)
        if self.owner_ref is not None:
            from .factory import release  # noqa: PLC0415
            obj, iface = self.owner_ref
            self.owner_ref = None
            if obj.alive:
                release(m, obj, iface)


def read_entries(m: "Machine", addr: int, n: int, eight_bit: bool) -> list[tuple[int, int, int, int]]:
    """PALETTEENTRYs (or, with DDPCAPS_8BITENTRIES, one index byte each) from guest memory."""
    if eight_bit:
        return [(b, 0, 0, 0) for b in m.mem.read(addr, n)]
    raw = m.mem.read(addr, 4 * n)
    return [(raw[i], raw[i + 1], raw[i + 2], raw[i + 3]) for i in range(0, 4 * n, 4)]


def create(m: "Machine", dd: Any, flags: int, entries: int) -> Palette | int:
    """A new palette for CreatePalette, or an error code."""
    n = palette_size(flags)
    if n is None or flags & DDPCAPS_ALPHA:
        return DDERR_INVALIDPARAMS
    if not entries:
        return DDERR_INVALIDPARAMS
    ents = read_entries(m, entries, n, bool(flags & DDPCAPS_8BITENTRIES))
    p = Palette(dd, flags, [(0, 0, 0, 0)] * n)
    p.set(0, ents)
    return p


def _shown(m: "Machine", p: Palette) -> None:
    if any(s.palette is p for s, _ in disp.shown(m)):
        disp.changed(m)


# ---- methods -------------------------------------------------------------------------------------------------
def GetCaps(m: "Machine", this: Ref, lpdwCaps: PTR) -> DWORD:
    """IDirectDrawPalette::GetCaps: the DDPCAPS_* flags the palette was created with (and the size flag)."""
    if not lpdwCaps:
        return DDERR_INVALIDPARAMS
    p: Palette = this.obj  # type: ignore[assignment]
    m.mem.w32(lpdwCaps, p.flags & ~DDPCAPS_INITIALIZE)
    return DD_OK


def GetEntries(m: "Machine", this: Ref, dwFlags: DWORD, dwBase: DWORD, dwNumEntries: DWORD, lpEntries: PTR) -> DWORD:
    """IDirectDrawPalette::GetEntries: copy entries dwBase.. into lpEntries (PALETTEENTRY or bytes)."""
    p: Palette = this.obj  # type: ignore[assignment]
    if dwFlags or not lpEntries or dwBase + dwNumEntries > len(p.entries):
        return DDERR_INVALIDPARAMS
    ents = p.entries[dwBase:dwBase + dwNumEntries]
    if p.flags & DDPCAPS_8BITENTRIES:
        m.mem.write(lpEntries, bytes(e[0] for e in ents))
    else:
        m.mem.write(lpEntries, bytes(v for e in ents for v in e))
    return DD_OK


def SetEntries(m: "Machine", this: Ref, dwFlags: DWORD, dwStartingEntry: DWORD, dwCount: DWORD,
               lpEntries: PTR) -> DWORD:
    """IDirectDrawPalette::SetEntries: change entries; the visible primary shows them on the next frame."""
    p: Palette = this.obj  # type: ignore[assignment]
    if dwFlags or not lpEntries or dwStartingEntry + dwCount > len(p.entries):
        return DDERR_INVALIDPARAMS
    p.set(dwStartingEntry, read_entries(m, lpEntries, dwCount, bool(p.flags & DDPCAPS_8BITENTRIES)))
    _shown(m, p)
    return DD_OK


def Initialize(m: "Machine", this: Ref, lpDD: PTR, dwFlags: DWORD, lpDDColorTable: PTR) -> DWORD:
    """IDirectDrawPalette::Initialize: palettes are created initialized (DDERR_ALREADYINITIALIZED)."""
    return DDERR_ALREADYINITIALIZED


IDirectDrawPalette = Interface("IDirectDrawPalette", guids.IID_IDirectDrawPalette, base=IUnknown, dll="ddraw",
                               invalid=DDERR_INVALIDOBJECT, slots=[
    ("GetCaps", GetCaps),
    ("GetEntries", GetEntries),
    ("Initialize", Initialize),
    ("SetEntries", SetEntries),
])
Palette.interfaces = (IDirectDrawPalette,)


def publish_palette(m: "Machine", p: Palette) -> int:
    return publish(m, p, IDirectDrawPalette)


__all__ = ["IDirectDrawPalette", "Palette", "create", "publish_palette"]
