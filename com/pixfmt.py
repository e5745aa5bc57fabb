"""DirectDraw pixel formats (DDPIXELFORMAT) and conversions of raw pixel values to and from 0x00RRGGBB.

Raw values are what the surface memory holds: palette indices for 8-bit surfaces, packed bit fields for
16/24/32-bit ones. Conversions work on whole numpy arrays; 16-bit formats go through a 65536-entry table.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

DDPF_ALPHAPIXELS, DDPF_ALPHA, DDPF_FOURCC = 0x1, 0x2, 0x4
DDPF_PALETTEINDEXED4, DDPF_PALETTEINDEXEDTO8, DDPF_PALETTEINDEXED8 = 0x8, 0x10, 0x20
DDPF_RGB, DDPF_YUV, DDPF_ZBUFFER = 0x40, 0x200, 0x400
DDPF_PALETTEINDEXED1, DDPF_PALETTEINDEXED2 = 0x800, 0x1000
DDPIXELFORMAT_SIZE = 32


@dataclass(frozen=True)
class PixelFormat:
    """The formats surfaces can have: 8-bit palettized or RGB bit fields of 16, 24 or 32 bits."""

    bpp: int
    flags: int
    r: int = 0
    g: int = 0
    b: int = 0
    a: int = 0

    @property
    def palettized(self) -> bool:
        return bool(self.flags & DDPF_PALETTEINDEXED8)

    @property
    def bytespp(self) -> int:
        return self.bpp // 8

    @property
    def key_mask(self) -> int:
        """The bits colour keys compare (the colour bits; alpha and unused bits are ignored)."""
        return 0xFF if self.palettized else (self.r | self.g | self.b)

    def pack(self) -> bytes:
        """The DDPIXELFORMAT structure."""
        return struct.pack("<8I", DDPIXELFORMAT_SIZE, self.flags, 0, self.bpp, self.r, self.g, self.b, self.a)

    def describe(self) -> str:
        if self.palettized:
            return "8-bit palettized"
        return f"{self.bpp}-bit RGB {self.r:x}/{self.g:x}/{self.b:x}"


PAL8 = PixelFormat(8, DDPF_RGB | DDPF_PALETTEINDEXED8)
RGB555 = PixelFormat(16, DDPF_RGB, 0x7C00, 0x03E0, 0x001F)
RGB565 = PixelFormat(16, DDPF_RGB, 0xF800, 0x07E0, 0x001F)
RGB888 = PixelFormat(24, DDPF_RGB, 0xFF0000, 0x00FF00, 0x0000FF)
XRGB8888 = PixelFormat(32, DDPF_RGB, 0xFF0000, 0x00FF00, 0x0000FF)
ARGB8888 = PixelFormat(32, DDPF_RGB | DDPF_ALPHAPIXELS, 0xFF0000, 0x00FF00, 0x0000FF, 0xFF000000)

DISPLAY_FORMATS = {8: PAL8, 16: RGB565, 24: RGB888, 32: XRGB8888}


def display_format(bpp: int) -> PixelFormat:
    """The pixel format of a display mode of ``bpp`` bits (16-bit displays are RGB565)."""
    return DISPLAY_FORMATS[bpp]


def unpack(data: bytes) -> PixelFormat | None:
    """A DDPIXELFORMAT the surfaces can hold, or None (FOURCC, YUV, z-buffers, 1/2/4-bit, odd masks)."""
    _size, flags, _fourcc, bpp, r, g, b, a = struct.unpack_from("<8I", data)
    if flags & (DDPF_FOURCC | DDPF_YUV | DDPF_ZBUFFER | DDPF_ALPHA | DDPF_PALETTEINDEXED1 | DDPF_PALETTEINDEXED2
                | DDPF_PALETTEINDEXED4 | DDPF_PALETTEINDEXEDTO8):
        return None
    if flags & DDPF_PALETTEINDEXED8:
        return PAL8 if bpp == 8 else None
    if not flags & DDPF_RGB or bpp not in (16, 24, 32):
        return None
    limit = (1 << bpp) - 1
    masks = (r, g, b)
    if any(mk == 0 or mk & ~limit for mk in masks) or (r & g) or (g & b) or (r & b):
        return None
    if not flags & DDPF_ALPHAPIXELS:
        a = 0
    return PixelFormat(bpp, flags & (DDPF_RGB | DDPF_ALPHAPIXELS), r, g, b, a)


# ---- conversions -------------------------------------------------------------------------------------------
def _shift_bits(mask: int) -> tuple[int, int]:
    if mask == 0:
        return 0, 0
    shift = (mask & -mask).bit_length() - 1
    return shift, (mask >> shift).bit_length()


def _expand(v: np.ndarray, mask: int) -> np.ndarray:
    """Channel ``mask`` of raw values as 0..255."""
    shift, bits = _shift_bits(mask)
    if bits == 0:
        return np.zeros(v.shape, np.uint32)
    c = (v.astype(np.uint32) >> np.uint32(shift)) & np.uint32((1 << bits) - 1)
    if bits >= 8:
        return c >> np.uint32(bits - 8)
    return (c * np.uint32(255) + np.uint32(((1 << bits) - 1) // 2)) // np.uint32((1 << bits) - 1)


def _reduce(c8: np.ndarray, mask: int) -> np.ndarray:
    """0..255 channel values packed into ``mask``."""
    shift, bits = _shift_bits(mask)
    if bits == 0:
        return np.zeros(c8.shape, np.uint32)
    if bits >= 8:
        c = c8.astype(np.uint32) << np.uint32(bits - 8)
    else:
        c = c8.astype(np.uint32) >> np.uint32(8 - bits)
    return c << np.uint32(shift)


@lru_cache(maxsize=8)
def _table16(r: int, g: int, b: int) -> np.ndarray:
    v = np.arange(65536, dtype=np.uint32)
    return (_expand(v, r) << np.uint32(16)) | (_expand(v, g) << np.uint32(8)) | _expand(v, b)


def to_rgb(raw: np.ndarray, fmt: PixelFormat, palette: np.ndarray | None = None) -> np.ndarray:
    """Raw values (any integer array) to 0x00RRGGBB uint32; 8-bit through ``palette`` (256 pixels)."""
    if fmt.palettized:
        lut = palette if palette is not None else np.zeros(256, np.uint32)
        return lut[raw.astype(np.uint8, copy=False)]
    if fmt.bpp == 16:
        return _table16(fmt.r, fmt.g, fmt.b)[raw.astype(np.uint16, copy=False)]
    v = raw.astype(np.uint32, copy=False)
    if (fmt.r, fmt.g, fmt.b) == (0xFF0000, 0xFF00, 0xFF):
        return v & np.uint32(0xFFFFFF)
    return (_expand(v, fmt.r) << np.uint32(16)) | (_expand(v, fmt.g) << np.uint32(8)) | _expand(v, fmt.b)


def from_rgb(px: np.ndarray, fmt: PixelFormat) -> np.ndarray:
    """0x00RRGGBB pixels to raw values of an RGB format (uint32)."""
    v = np.asarray(px, dtype=np.uint32)
    if (fmt.r, fmt.g, fmt.b) == (0xFF0000, 0xFF00, 0xFF):
        out = v & np.uint32(0xFFFFFF)
    else:
        ff = np.uint32(0xFF)
        out = (_reduce((v >> np.uint32(16)) & ff, fmt.r) | _reduce((v >> np.uint32(8)) & ff, fmt.g)
               | _reduce(v & ff, fmt.b))
    if fmt.a:
        out = out | np.uint32(fmt.a)  # opaque
    return out


def palette_lut(entries: list[tuple[int, int, int]] | None) -> np.ndarray:
    """256 (r, g, b) entries as a 0x00RRGGBB lookup table."""
    lut = np.zeros(256, np.uint32)
    if entries:
        e = np.asarray(entries[:256], dtype=np.uint32).reshape(-1, 3)
        lut[:len(e)] = (e[:, 0] << np.uint32(16)) | (e[:, 1] << np.uint32(8)) | e[:, 2]
    return lut
