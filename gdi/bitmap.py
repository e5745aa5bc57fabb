"""gdi32 bitmaps: DDBs, DIB sections, DIB transfers, blits with ternary raster operations; user32 bitmap loading.

Device-dependent bitmaps keep 32-bit pixels in a private ``Surface`` (monochrome ones hold only 0x000000 and
0xFFFFFF) and report the depth they were created with. A DIB section's pixels live in guest memory, in pages
of their own: a 32-bit BI_RGB section's ``Surface.px`` is a zero-copy numpy view of them (flipped for
bottom-up sections); other depths keep a shadow ``px`` that ``pull()`` decodes through the colour table or
bit fields and ``push(rect)`` encodes back.

Blits (``BitBlt``, ``StretchBlt``, ``PatBlt``, ``MaskBlt``, ``StretchDIBits``, ``SetDIBitsToDevice``) run
through one engine: map the source rectangle onto the destination (nearest pixel, mirroring when extents
have opposite signs), clip the destination through the DC, convert between monochrome and colour the way
Windows does, then evaluate the ROP3 code as a boolean function of pattern, source and destination bits.
"""
from __future__ import annotations

import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from emu import resources
from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall
from emu.memory import GuestMemoryError

from . import gdiobj, palette
from .dc import DC, get_dc, mono_stock_bitmap
from .gdiobj import OBJ_EXTPEN, Bitmap, Brush, Font, Palette, Pen, RegionObj
from .region import Rect
from .surface import Surface, colorref_to_px, px_to_colorref

if TYPE_CHECKING:
    from emu.machine import Machine

# ---- constants ------------------------------------------------------------------------------------
BI_RGB, BI_RLE8, BI_RLE4, BI_BITFIELDS, BI_JPEG, BI_PNG = 0, 1, 2, 3, 4, 5
DIB_RGB_COLORS, DIB_PAL_COLORS = 0, 1
CBM_INIT = 4
ERROR_INVALID_HANDLE = 6
ERROR_NOT_ENOUGH_MEMORY = 8
ERROR_NOT_SUPPORTED = 50
ERROR_INVALID_PARAMETER = 87
ERROR_RESOURCE_NAME_NOT_FOUND = 1814
ERROR_FILE_NOT_FOUND = 2
ERROR_INVALID_DATA = 13

SRCCOPY, SRCPAINT, SRCAND, SRCINVERT, SRCERASE = 0x00CC0020, 0x00EE0086, 0x008800C6, 0x00660046, 0x00440328
NOTSRCCOPY, NOTSRCERASE, MERGECOPY, MERGEPAINT = 0x00330008, 0x001100A6, 0x00C000CA, 0x00BB0226
PATCOPY, PATPAINT, PATINVERT, DSTINVERT, BLACKNESS, WHITENESS = (0x00F00021, 0x00FB0A09, 0x005A0049, 0x00550009,
                                                                   0x00000042, 0x00FF0062)

IMAGE_BITMAP, IMAGE_ICON, IMAGE_CURSOR = 0, 1, 2
LR_MONOCHROME, LR_COPYRETURNORG, LR_COPYDELETEORG = 0x0001, 0x0004, 0x0008
LR_LOADFROMFILE, LR_LOADTRANSPARENT, LR_DEFAULTSIZE = 0x0010, 0x0020, 0x0040
LR_LOADMAP3DCOLORS, LR_CREATEDIBSECTION = 0x1000, 0x2000

STD32 = (0xFF0000, 0x00FF00, 0x0000FF)
M555 = (0x7C00, 0x03E0, 0x001F)
M565 = (0xF800, 0x07E0, 0x001F)
MAX_PIXELS = 1 << 26
WHITE = 0xFFFFFF

Masks = tuple[int, int, int]


@dataclass(eq=False)
class DibSection(Bitmap):
    """A bitmap made by CreateDIBSection: pixels in guest memory at ``bits``."""
    masks: Masks = STD32
    compression: int = BI_RGB
    clr_used: int = 0
    region: Any = None  # emu.memory.Region holding the bits
    offset: int = 0
    header_height: int = 0  # biHeight as given (negative: top-down)
    xppm: int = 0
    yppm: int = 0


def dib_stride(w: int, bpp: int) -> int:
    """Bytes per row of a DIB (rows are DWORD aligned)."""
    return ((w * bpp + 31) // 32) * 4


def ddb_stride(w: int, bpp: int) -> int:
    """Bytes per row of a device-dependent bitmap's bits (rows are WORD aligned)."""
    return ((w * bpp + 15) // 16) * 2


def _table(colors: list[int] | np.ndarray) -> np.ndarray:
    t = np.zeros(256, np.uint32)
    n = min(len(colors), 256)
    if n:
        t[:n] = np.asarray(colors[:n], dtype=np.uint32)
    return t


def _rgb_px(entries: list[tuple[int, ...]]) -> list[int]:
    return [(e[0] << 16) | (e[1] << 8) | e[2] for e in entries]


def _white(px: np.ndarray) -> np.ndarray:
    """Bool array: True where a colour is nearer white than black (what a monochrome bitmap keeps; the
    rule draw.py uses for pens and brushes)."""
    px = np.asarray(px, dtype=np.uint32)
    s = ((px >> 16) & 0xFF).astype(np.int32) + ((px >> 8) & 0xFF) + (px & 0xFF)
    return s > 382


def _mono_scalar(px: int) -> int:
    return WHITE if ((px >> 16) & 0xFF) + ((px >> 8) & 0xFF) + (px & 0xFF) > 382 else 0


# ---- pixel formats ---------------------------------------------------------------------------------
@dataclass
class Fmt:
    """A pixel format: depth, colour table (pixels 0x00RRGGBB, <= 8 bpp) and bit fields (16/32 bpp)."""
    bpp: int
    colors: list[int]
    masks: Masks = STD32

    @property
    def table(self) -> np.ndarray:
        return _table(self.colors)


def _shift_bits(mask: int) -> tuple[int, int]:
    if mask == 0:
        return 0, 0
    return (mask & -mask).bit_length() - 1, mask.bit_count()


def _chan_decode(v: np.ndarray, mask: int) -> np.ndarray:
    shift, bits = _shift_bits(mask)
    if bits == 0:
        return np.zeros(v.shape, np.uint32)
    c = (v & np.uint32(mask)) >> np.uint32(shift)
    if bits >= 8:
        return c >> np.uint32(bits - 8)
    pos = 8 - bits
    out = c << np.uint32(pos)
    while pos > 0:
        pos -= bits
        out = out | ((c << np.uint32(pos)) if pos >= 0 else (c >> np.uint32(-pos)))
    return out & np.uint32(0xFF)


def _chan_encode(c8: np.ndarray, mask: int) -> np.ndarray:
    shift, bits = _shift_bits(mask)
    if bits == 0:
        return np.zeros(c8.shape, np.uint32)
    v = (c8 << np.uint32(bits - 8)) if bits >= 8 else (c8 >> np.uint32(8 - bits))
    return (v << np.uint32(shift)) & np.uint32(mask)


def _fields_decode(v: np.ndarray, masks: Masks) -> np.ndarray:
    v = v.astype(np.uint32, copy=False)
    return ((_chan_decode(v, masks[0]) << np.uint32(16)) | (_chan_decode(v, masks[1]) << np.uint32(8))
            | _chan_decode(v, masks[2]))


def _fields_encode(px: np.ndarray, masks: Masks) -> np.ndarray:
    px = px.astype(np.uint32, copy=False)
    return (_chan_encode((px >> np.uint32(16)) & np.uint32(0xFF), masks[0])
            | _chan_encode((px >> np.uint32(8)) & np.uint32(0xFF), masks[1])
            | _chan_encode(px & np.uint32(0xFF), masks[2]))


class _TableIndex:
    """Lookups into one colour table: a 4096-slot hash for exact colours, and (built on first need) an
    inverse table giving the nearest entry for each 15-bit RGB cell, as GDI does for other colours."""

    def __init__(self, tab: np.ndarray) -> None:
        self.tab = tab.astype(np.uint32)
        self.slots = np.full(4096, -1, np.int32)
        hs = _color_hash(self.tab)
        for i in range(len(tab) - 1, -1, -1):  # the lowest index of equal colours wins
            self.slots[hs[i]] = i
        # table colours whose slot another colour took (checked one by one)
        lost: dict[int, int] = {}
        for i, c in enumerate(self.tab.tolist()):
            if self.tab[self.slots[hs[i]]] != c and c not in lost:
                lost[c] = i
        self.lost = lost
        self._inv: np.ndarray | None = None

    def inverse(self) -> np.ndarray:
        if self._inv is None:
            cell = np.arange(32768, dtype=np.int32)
            c5 = [(cell >> sh) & 31 for sh in (10, 5, 0)]
            r, g, b = ((c << 3) | (c >> 2) for c in c5)
            t = self.tab.astype(np.int32)
            tr, tg, tb = (t >> 16) & 0xFF, (t >> 8) & 0xFF, t & 0xFF
            inv = np.empty(32768, np.uint8)
            for i in range(0, 32768, 2048):
                d = ((r[i:i + 2048, None] - tr) ** 2 + (g[i:i + 2048, None] - tg) ** 2
                     + (b[i:i + 2048, None] - tb) ** 2)
                inv[i:i + 2048] = d.argmin(axis=1)
            self._inv = inv
        return self._inv


_INDEXES: dict[tuple[int, ...], _TableIndex] = {}


def _color_hash(v: np.ndarray) -> np.ndarray:
    return (v * np.uint32(0x9E3779B1)) >> np.uint32(20)  # top 12 bits of the 32-bit product


def _table_index(tab: np.ndarray) -> _TableIndex:
    key = tuple(tab.tolist())
    ti = _INDEXES.get(key)
    if ti is None:
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        ti = _INDEXES[key] = _TableIndex(tab)
    return ti


def nearest_index(px: np.ndarray, colors: list[int] | np.ndarray) -> np.ndarray:
    """For each pixel the index of its colour in the table (the lowest index of equal entries), or for
    colours not in the table the entry nearest to its 15-bit RGB cell; as uint8."""
    flat = (np.asarray(px, dtype=np.uint32) & np.uint32(0xFFFFFF)).ravel()
    tab = np.asarray(colors, dtype=np.int64)[:256] & 0xFFFFFF
    if flat.size == 0 or tab.size == 0:
        return np.zeros(np.shape(px), np.uint8)
    ti = _table_index(tab)
    cand = ti.slots[_color_hash(flat)]
    hit = (cand >= 0) & (ti.tab[np.maximum(cand, 0)] == flat)
    res = np.where(hit, cand, 0).astype(np.uint8)
    if hit.all():
        return res.reshape(np.shape(px))
    miss = ~hit
    rest = flat[miss]
    cell = ((rest >> np.uint32(9)) & np.uint32(0x7C00)) | ((rest >> np.uint32(6)) & np.uint32(0x3E0)) \
        | ((rest >> np.uint32(3)) & np.uint32(0x1F))
    part = ti.inverse()[cell]
    for c, i in ti.lost.items():  # table colours whose hash slot another colour took
        part[rest == c] = i
    res[miss] = part
    return res.reshape(np.shape(px))


def unpack_indices(raw: np.ndarray, w: int, bpp: int) -> np.ndarray:
    """Rows of 1/4/8-bit packed indices (uint8 array (n, stride)) to an (n, w) uint8 index array."""
    if bpp == 8:
        return raw[:, :w].astype(np.uint8)
    if bpp == 1:
        return np.unpackbits(raw, axis=1)[:, :w]
    b = raw[:, :(w + 1) // 2]
    idx = np.empty((raw.shape[0], b.shape[1] * 2), np.uint8)
    idx[:, 0::2] = b >> 4
    idx[:, 1::2] = b & 0x0F
    return idx[:, :w]


def pack_indices(idx: np.ndarray, bpp: int, stride: int) -> np.ndarray:
    """An (n, w) index array to rows of ``stride`` bytes of 1/4/8-bit packed indices."""
    n, w = idx.shape
    out = np.zeros((n, stride), np.uint8)
    if bpp == 8:
        out[:, :w] = idx
    elif bpp == 1:
        p = np.packbits(idx.astype(np.uint8) & 1, axis=1)
        out[:, :p.shape[1]] = p
    else:
        if w % 2:
            idx = np.concatenate([idx, np.zeros((n, 1), np.uint8)], axis=1)
        out[:, :idx.shape[1] // 2] = ((idx[:, 0::2] & 0x0F) << 4) | (idx[:, 1::2] & 0x0F)
    return out


def decode_rows(raw: np.ndarray, w: int, fmt: Fmt) -> np.ndarray:
    """Rows of DIB/DDB bits (uint8 array (n, stride)) to pixels (n, w) 0x00RRGGBB (32-bit alpha kept)."""
    bpp = fmt.bpp
    n = raw.shape[0]
    if n == 0 or w == 0:
        return np.zeros((n, w), np.uint32)
    if bpp <= 8:
        return fmt.table[unpack_indices(raw, w, bpp)]
    if bpp == 16:
        v = np.ascontiguousarray(raw[:, :2 * w]).view("<u2")
        return _fields_decode(v, fmt.masks)
    if bpp == 24:
        r = raw[:, 2:3 * w:3].astype(np.uint32)
        g = raw[:, 1:3 * w:3].astype(np.uint32)
        b = raw[:, 0:3 * w:3].astype(np.uint32)
        return (r << np.uint32(16)) | (g << np.uint32(8)) | b
    v = np.ascontiguousarray(raw[:, :4 * w]).view("<u4").astype(np.uint32)
    if fmt.masks == STD32:
        return v
    return _fields_decode(v, fmt.masks)


def encode_rows(px: np.ndarray, fmt: Fmt, stride: int) -> np.ndarray:
    """Pixels (n, w) to rows of ``stride`` bytes in format ``fmt`` (nearest colour for <= 8 bpp)."""
    n, w = px.shape
    bpp = fmt.bpp
    if bpp <= 8:
        return pack_indices(nearest_index(px, fmt.colors or [0]), bpp, stride)
    out = np.zeros((n, stride), np.uint8)
    if n == 0 or w == 0:
        return out
    if bpp == 16:
        out[:, :2 * w] = _fields_encode(px, fmt.masks).astype("<u2").view(np.uint8).reshape(n, 2 * w)
    elif bpp == 24:
        out[:, 0:3 * w:3] = px & 0xFF
        out[:, 1:3 * w:3] = (px >> 8) & 0xFF
        out[:, 2:3 * w:3] = (px >> 16) & 0xFF
    else:
        v = px.astype(np.uint32) if fmt.masks == STD32 else _fields_encode(px, fmt.masks)
        out[:, :4 * w] = v.astype("<u4").view(np.uint8).reshape(n, 4 * w)
    return out


def ddb_fmt(m: "Machine", bpp: int) -> Fmt:
    """The bits format of a device-dependent bitmap of depth ``bpp`` (GetBitmapBits/CreateBitmap)."""
    if bpp == 1:
        return Fmt(1, [0, WHITE])
    if bpp == 4:
        return Fmt(4, _rgb_px(palette.vga16()))  # type: ignore[arg-type]
    if bpp == 8:
        return Fmt(8, _rgb_px(palette.system_palette(m).entries))  # type: ignore[arg-type]
    if bpp == 16:
        return Fmt(16, [], M565)
    return Fmt(bpp, [], STD32)


def bitmap_fmt(m: "Machine", bm: Bitmap) -> Fmt:
    """The pixel format of a bitmap's bits."""
    if isinstance(bm, DibSection):
        return Fmt(bm.bpp, list(bm.colors), bm.masks)
    return ddb_fmt(m, bm.bpp)


def is_mono_ddb(bm: Bitmap | None) -> bool:
    """A monochrome device-dependent bitmap (colour conversions use text/background colours)."""
    return bm is not None and bm.bpp == 1 and not isinstance(bm, DibSection)


def nearest_device_color(m: "Machine", dc: DC, c: int) -> int:
    """The COLORREF the DC's device would actually show for RGB COLORREF ``c``."""
    bm = dc.bitmap if dc.kind == gdiobj.OBJ_MEMDC else None
    px = colorref_to_px(c & 0xFFFFFF)
    if bm is None:
        return c & 0xFFFFFF
    if is_mono_ddb(bm):
        return px_to_colorref(_mono_scalar(px))
    f = bitmap_fmt(m, bm)
    if f.bpp <= 8:
        if not f.colors:
            return c & 0xFFFFFF
        return px_to_colorref(f.colors[palette.nearest([((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)
                                                        for v in f.colors],
                                                       ((px >> 16) & 0xFF, (px >> 8) & 0xFF, px & 0xFF))])
    if f.bpp == 16 or f.masks != STD32:
        a = np.array([px], np.uint32)
        return px_to_colorref(int(_fields_decode(_fields_encode(a, f.masks), f.masks)[0]))
    return c & 0xFFFFFF


# ---- BITMAPINFO ------------------------------------------------------------------------------------
@dataclass
class DibInfo:
    """A parsed BITMAPINFO (or BITMAPCOREINFO)."""
    width: int
    height: int  # signed: negative for top-down
    bpp: int
    compression: int
    size_image: int
    clr_used: int
    hdr_size: int
    colors: list[int]  # colour table as pixels
    masks: Masks
    table_bytes: int  # bytes between the header and the bits of a packed DIB
    xppm: int = 0
    yppm: int = 0

    @property
    def core(self) -> bool:
        return self.hdr_size == 12

    @property
    def top_down(self) -> bool:
        return self.height < 0

    @property
    def abs_h(self) -> int:
        return abs(self.height)

    @property
    def stride(self) -> int:
        return dib_stride(self.width, self.bpp)

    @property
    def fmt(self) -> Fmt:
        return Fmt(self.bpp, self.colors, self.masks)

    def bits_size(self) -> int:
        if self.compression in (BI_RLE8, BI_RLE4):
            return self.size_image
        return self.stride * self.abs_h


def default_masks(bpp: int) -> Masks:
    return M555 if bpp == 16 else STD32


def parse_bmi(get: Callable[[int, int], bytes], usage: int, pal: list[tuple[int, ...]] | None,
              header_only: bool = False) -> DibInfo | None:
    """Parse a BITMAPINFO read through ``get(offset, size)``; None if it is not a valid one."""
    hs = int.from_bytes(get(0, 4), "little")
    if hs == 12:
        _s, w, h, _planes, bpp = struct.unpack("<IHHHH", get(0, 12))
        comp, simg, used, xppm, yppm = BI_RGB, 0, 0, 0, 0
    elif hs >= 40:
        _s, w, h, _planes, bpp, comp, simg, xppm, yppm, used, _imp = struct.unpack("<IiiHHIIiiII", get(0, 40))
    else:
        return None
    if bpp not in (1, 4, 8, 16, 24, 32) or w <= 0 or h == 0 or comp in (BI_JPEG, BI_PNG):
        return None
    if comp == BI_RLE8 and bpp != 8 or comp == BI_RLE4 and bpp != 4 or comp == BI_BITFIELDS and bpp not in (16, 32):
        return None
    if comp not in (BI_RGB, BI_RLE8, BI_RLE4, BI_BITFIELDS):
        return None
    table_bytes = 0
    masks = default_masks(bpp)
    if comp == BI_BITFIELDS:
        if hs >= 52:
            masks = struct.unpack("<III", get(40, 12))
        else:
            masks = struct.unpack("<III", get(hs, 12))
            table_bytes = 12
    colors: list[int] = []
    if bpp <= 8:
        n = used if 0 < used <= (1 << bpp) else (1 << bpp)
        if usage == DIB_PAL_COLORS:
            if not header_only:
                idx = struct.unpack(f"<{n}H", get(hs + table_bytes, 2 * n))
                ents = pal or []
                colors = [(ents[i][0] << 16) | (ents[i][1] << 8) | ents[i][2] if i < len(ents) else 0 for i in idx]
            table_bytes += 2 * n
        else:
            esz = 3 if hs == 12 else 4
            if not header_only:
                raw = get(hs + table_bytes, esz * n)
                colors = [(raw[esz * i + 2] << 16) | (raw[esz * i + 1] << 8) | raw[esz * i] for i in range(n)]
            table_bytes += esz * n
    elif used and hs != 12:
        table_bytes += 4 * used
    if comp in (BI_RGB, BI_BITFIELDS):
        simg = dib_stride(w, bpp) * abs(h)
    return DibInfo(w, h, bpp, comp, simg, used, hs, colors, masks, table_bytes, xppm, yppm)


def read_bmi(m: "Machine", addr: int, usage: int, dc: DC | None) -> DibInfo | None:
    """Parse the BITMAPINFO at guest ``addr`` (DIB_PAL_COLORS index the DC's palette)."""
    if not addr:
        return None
    pal = (dc.palette if dc is not None else gdiobj.stock(m, gdiobj.DEFAULT_PALETTE)).entries
    return parse_bmi(lambda off, n: _read_padded(m, addr + off, n), usage, pal)


def _read_padded(m: "Machine", addr: int, n: int) -> bytes:
    """Guest bytes; a colour table running past the end of mapped memory reads as zeros there (programs
    declare a one-entry BITMAPINFO on the stack and let GDI read the rest)."""
    try:
        return m.mem.read(addr, n)
    except GuestMemoryError:
        r = m.mem.region(addr)
        if r is None:
            raise
        return m.mem.read(addr, r.end - addr).ljust(n, b"\0")


def _rle_decode(data: bytes, w: int, h: int, bpp: int) -> np.ndarray:
    """BI_RLE8/BI_RLE4 bits to an (h, w) index array in memory (bottom-up) row order."""
    out = np.zeros((h, w), np.uint8)
    x = y = 0
    i = 0
    n = len(data)
    while i + 1 < n and y < h:
        cnt, val = data[i], data[i + 1]
        i += 2
        if cnt:
            if bpp == 8:
                e = min(x + cnt, w)
                if x < w:
                    out[y, x:e] = val
            else:
                for k in range(cnt):
                    if x + k < w:
                        out[y, x + k] = (val >> 4) if k % 2 == 0 else (val & 0x0F)
            x += cnt
        elif val == 0:
            x, y = 0, y + 1
        elif val == 1:
            break
        elif val == 2:
            if i + 1 >= n:
                break
            x += data[i]
            y += data[i + 1]
            i += 2
        else:
            if bpp == 8:
                run = data[i:i + val]
                e = min(x + len(run), w)
                if x < w:
                    out[y, x:e] = np.frombuffer(run, np.uint8)[:e - x]
                i += val + (val & 1)
            else:
                nb = (val + 1) // 2
                run = data[i:i + nb]
                for k in range(val):
                    if x + k < w and k // 2 < len(run):
                        b = run[k // 2]
                        out[y, x + k] = (b >> 4) if k % 2 == 0 else (b & 0x0F)
                i += nb + (nb & 1)
            x += val
    return out


def decode_dib(info: DibInfo, data: bytes | memoryview, nrows: int | None = None) -> np.ndarray:
    """DIB bits to pixels (rows, width) in MEMORY order (first row = first scan line in ``data``)."""
    w = info.width
    if info.compression in (BI_RLE8, BI_RLE4):
        idx = _rle_decode(bytes(data), w, info.abs_h, info.bpp)
        return info.fmt.table[idx]
    st = info.stride
    n = info.abs_h if nrows is None else nrows
    n = max(0, min(n, len(data) // st)) if st else 0
    raw = np.frombuffer(data, np.uint8, count=n * st).reshape(n, st)
    return decode_rows(raw, w, info.fmt)


def dib_to_topdown(info: DibInfo, data: bytes | memoryview) -> np.ndarray:
    """A whole DIB as a top-down (height, width) pixel array."""
    px = decode_dib(info, data)
    if info.compression in (BI_RLE8, BI_RLE4) or not info.top_down:
        px = px[::-1]
    if px.shape[0] < info.abs_h:
        full = np.zeros((info.abs_h, info.width), np.uint32)
        if info.top_down:
            full[:px.shape[0]] = px
        else:
            full[info.abs_h - px.shape[0]:] = px
        px = full
    return np.ascontiguousarray(px)


# ---- bitmap objects ---------------------------------------------------------------------------------
def _round_bpp(bpp: int) -> int:
    for b in (1, 4, 8, 16, 24, 32):
        if bpp <= b:
            return b
    return 0


def new_bitmap(m: "Machine", w: int, h: int, bpp: int) -> Bitmap | None:
    """A device-dependent bitmap (all black) registered in the handle table; None if too large."""
    if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
        m.set_last_error(ERROR_NOT_ENOUGH_MEMORY if w > 0 and h > 0 else ERROR_INVALID_PARAMETER)
        return None
    bm = Bitmap(width=w, height=h, bpp=bpp, surface=Surface(w, h))
    gdiobj.table(m).add(bm)
    return bm


def screen_bpp(m: "Machine") -> int:
    """Colour depth of the display."""
    from . import desktop  # noqa: PLC0415
    return int(desktop.screen(m).bpp)


def _get_bitmap(m: "Machine", h: int) -> Bitmap | None:
    return gdiobj.table(m).get(h, Bitmap)


def _section_surface(m: "Machine", bm: DibSection) -> Surface:
    w, h = bm.width, bm.height
    size = bm.stride * h
    if bm.bpp == 32 and bm.masks == STD32:
        px = np.frombuffer(m.mem.view(bm.bits, size), np.uint32).reshape(h, w)
        return Surface(w, h, px[::-1] if bm.bottom_up else px)
    buf = np.frombuffer(m.mem.view(bm.bits, size), np.uint8).reshape(h, bm.stride)
    rows = buf[::-1] if bm.bottom_up else buf
    s: Surface
    seen: list[Any] = [None, None]  # the bits (memory order) and colour table ``px`` was decoded from

    def pull() -> None:
        if seen[0] is not None and seen[1] == bm.colors and np.array_equal(seen[0], buf):
            return  # unchanged since the last decode
        s.px[:] = decode_rows(rows, w, bitmap_fmt(m, bm))
        seen[0], seen[1] = buf.copy(), list(bm.colors)

    def push(rect: Rect | None) -> None:
        x0, y0, x1, y1 = (0, 0, w, h) if rect is None else rect
        x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
        if x1 <= x0 or y1 <= y0:
            return
        blk = s.px[y0:y1, x0:x1]
        bpp = bm.bpp
        if bpp == 8:
            rows[y0:y1, x0:x1] = nearest_index(blk, bm.colors or [0])
        elif bpp in (1, 4):
            idx = unpack_indices(rows[y0:y1], w, bpp)
            idx[:, x0:x1] = nearest_index(blk, bm.colors or [0])
            rows[y0:y1] = pack_indices(idx, bpp, bm.stride)
        elif bpp == 16:
            rows[y0:y1, 2 * x0:2 * x1] = _fields_encode(blk, bm.masks).astype("<u2").view(np.uint8).reshape(
                y1 - y0, 2 * (x1 - x0))
        elif bpp == 24:
            rows[y0:y1, 3 * x0:3 * x1:3] = blk & 0xFF
            rows[y0:y1, 3 * x0 + 1:3 * x1:3] = (blk >> 8) & 0xFF
            rows[y0:y1, 3 * x0 + 2:3 * x1:3] = (blk >> 16) & 0xFF
        else:
            rows[y0:y1, 4 * x0:4 * x1] = _fields_encode(blk, bm.masks).astype("<u4").view(np.uint8).reshape(
                y1 - y0, 4 * (x1 - x0))
        # the stored pixels are what the format can hold (nearest colours): show them, and remember the bits
        s.px[y0:y1, x0:x1] = decode_rows(rows[y0:y1], w, bitmap_fmt(m, bm))[:, x0:x1]
        if seen[0] is not None:
            (seen[0][::-1] if bm.bottom_up else seen[0])[y0:y1] = rows[y0:y1]

    s = Surface(w, h, None, pull, push)
    pull()
    return s


def make_dib_section(m: "Machine", info: DibInfo, colors: list[int] | None = None) -> DibSection | None:
    """A DIB section with the format of ``info`` (RLE formats become uncompressed), its bits zeroed in
    fresh guest pages."""
    w, h = info.width, info.abs_h
    if w <= 0 or h <= 0 or w * h > MAX_PIXELS:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    bpp = info.bpp
    stride = dib_stride(w, bpp)
    try:
        region = m.mem.alloc(max(stride * h, 1), tag="dibsection")
    except MemoryError:
        m.set_last_error(ERROR_NOT_ENOUGH_MEMORY)
        return None
    comp = BI_BITFIELDS if info.compression == BI_BITFIELDS else BI_RGB
    bm = DibSection(width=w, height=h, bpp=bpp, bits=region.base, stride=stride,
                    colors=list(colors if colors is not None else info.colors), bottom_up=not info.top_down,
                    masks=info.masks if bpp in (16, 32) else STD32, compression=comp, clr_used=info.clr_used,
                    region=region, header_height=info.height, xppm=info.xppm, yppm=info.yppm)
    bm.surface = _section_surface(m, bm)
    gdiobj.table(m).add(bm)
    return bm


def free_section_bits(m: "Machine", bm: Bitmap) -> None:
    """Release the guest pages of a deleted DIB section (called by DeleteObject)."""
    region = getattr(bm, "region", None)
    if region is not None and region in m.mem.regions:
        m.mem.unmap(region)
    if isinstance(bm, DibSection):
        bm.region = None


def bitmap_pixels(bm: Bitmap) -> np.ndarray:
    """The current pixels of a bitmap (top-down, refreshed from guest memory for DIB sections)."""
    s = bm.surface
    assert s is not None
    s.pull()
    return s.px


def _put_pixels(bm: Bitmap, y0: int, px: np.ndarray, x0: int = 0) -> None:
    """Store rows of pixels into a bitmap at (x0, y0), clipped, with write-back for DIB sections."""
    s = bm.surface
    assert s is not None
    n, w = px.shape
    y1, x1 = min(y0 + n, bm.height), min(x0 + w, bm.width)
    sy, sx = max(0, -y0), max(0, -x0)
    y0, x0 = max(y0, 0), max(x0, 0)
    if y1 <= y0 or x1 <= x0:
        return
    s.pull()
    blk = px[sy:sy + y1 - y0, sx:sx + x1 - x0]
    if is_mono_ddb(bm):
        blk = np.where(_white(blk), np.uint32(WHITE), np.uint32(0))
    elif not isinstance(bm, DibSection) or bm.bpp != 32:
        blk = blk & np.uint32(0xFFFFFF) if bm.bpp != 32 else blk
    s.px[y0:y1, x0:x1] = blk
    s.push((x0, y0, x1, y1))


# ---- raster operations ------------------------------------------------------------------------------
_ONES = np.uint32(0xFFFFFFFF)
_ZERO = np.uint32(0)


def rop_uses(code: int) -> tuple[bool, bool, bool]:
    """Whether ROP3 ``code`` depends on the pattern, the source and the destination."""
    return (((code >> 4) ^ code) & 0x0F != 0, ((code >> 2) ^ code) & 0x33 != 0, ((code >> 1) ^ code) & 0x55 != 0)


_FAST: dict[int, Callable[[Any, Any, Any], Any]] = {
    0x00: lambda p, s, d: _ZERO,                    # BLACKNESS
    0xFF: lambda p, s, d: _ONES,                    # WHITENESS
    0xCC: lambda p, s, d: s,                        # SRCCOPY
    0x33: lambda p, s, d: ~s,                       # NOTSRCCOPY
    0xEE: lambda p, s, d: s | d,                    # SRCPAINT
    0x88: lambda p, s, d: s & d,                    # SRCAND
    0x66: lambda p, s, d: s ^ d,                    # SRCINVERT
    0x44: lambda p, s, d: s & ~d,                   # SRCERASE
    0x11: lambda p, s, d: ~(s | d),                 # NOTSRCERASE
    0xBB: lambda p, s, d: ~s | d,                   # MERGEPAINT
    0xC0: lambda p, s, d: p & s,                    # MERGECOPY
    0xF0: lambda p, s, d: p,                        # PATCOPY
    0xFB: lambda p, s, d: p | ~s | d,               # PATPAINT
    0x5A: lambda p, s, d: p ^ d,                    # PATINVERT
    0x55: lambda p, s, d: ~d,                       # DSTINVERT
    0xAA: lambda p, s, d: d,                        # D (no-op)
    0x22: lambda p, s, d: ~s & d,                   # DSna (mask out)
    0xB8: lambda p, s, d: (s & d) | (~s & p),       # PSDPxax: where S, keep D, else P
    0xE2: lambda p, s, d: (s & p) | (~s & d),       # DSPDxax: where S, P, else keep D
    0x0A: lambda p, s, d: ~p & d,                   # DPna
    0xA0: lambda p, s, d: p & d,                    # DPa
    0xFA: lambda p, s, d: p | d,                    # DPo
}


def rop3(code: int, p: Any, s: Any, d: np.ndarray) -> Any:
    """Evaluate ROP3 ``code`` bitwise over uint32 pattern/source/destination (arrays or scalars).

    Bit i of the code is the result for the inputs P = i & 4, S = i & 2, D = i & 1; other codes than the
    common ones are evaluated as the sum of their minterms.
    """
    f = _FAST.get(code)
    if f is not None:
        return f(p, s, d)
    res: Any = _ZERO
    for i in range(8):
        if code >> i & 1:
            res = res | ((p if i & 4 else ~p) & (s if i & 2 else ~s) & (d if i & 1 else ~d))
    return res


@dataclass
class BlitSource:
    """Pixels a blit reads: a top-down array, how it converts to and from monochrome."""
    px: np.ndarray
    mono: bool = False  # a monochrome DDB: 0 pixels take the destination's text colour, 1 its background
    bk: int = WHITE  # the source DC's background colour (colour -> monochrome: equal pixels become 1)
    dib: bool = False  # DIB colours: colour -> monochrome by intensity


def dc_source(dc: DC) -> BlitSource | None:
    """The surface of a DC as a blit source."""
    s = dc.begin()
    if s is None:
        return None
    mono = dc.kind == gdiobj.OBJ_MEMDC and is_mono_ddb(dc.bitmap)
    return BlitSource(s.px, mono, dc.bk_px() & 0xFFFFFF)


def _norm(x: int, w: int) -> tuple[int, int, bool]:
    """A signed extent as (start, length, negative): a negative extent covers [x+w+1, x+1)."""
    if w < 0:
        return x + w + 1, -w, True
    return x, w, False


def _axis(n: int, k: int, mirror: bool) -> np.ndarray:
    """For each of ``n`` destination pixels the nearest of ``k`` source pixels."""
    if n == k:
        t = np.arange(n, dtype=np.int64)
    else:
        t = ((2 * np.arange(n, dtype=np.int64) + 1) * k) // (2 * n)
    return (k - 1 - t) if mirror else t


BLACKONWHITE, WHITEONBLACK, COLORONCOLOR, HALFTONE = 1, 2, 3, 4


def _resample(blk: np.ndarray, n: int, axis: int, mirror: bool, mode: int, mono: bool) -> np.ndarray:
    """Resize ``blk`` to ``n`` pixels along ``axis``. Shrinking combines the pixels of each group as the
    stretch mode says (BLACKONWHITE: AND, WHITEONBLACK: OR, HALFTONE: average); otherwise nearest pixel."""
    k = blk.shape[axis]
    if k > n and (mode in (BLACKONWHITE, WHITEONBLACK) or mode == HALFTONE and not mono):
        starts = (np.arange(n, dtype=np.int64) * k) // n
        if mode == BLACKONWHITE:
            out = np.bitwise_and.reduceat(blk, starts, axis=axis)
        elif mode == WHITEONBLACK:
            out = np.bitwise_or.reduceat(blk, starts, axis=axis)
        else:
            counts = np.diff(np.append(starts, k)).astype(np.uint32)
            shape = [1, 1]
            shape[axis] = n
            counts = counts.reshape(shape)
            out = np.zeros(np.add.reduceat(blk, starts, axis=axis).shape, np.uint32)
            for sh in (16, 8, 0):
                ch = ((blk >> np.uint32(sh)) & np.uint32(0xFF)).astype(np.uint32)
                out |= ((np.add.reduceat(ch, starts, axis=axis) + counts // 2) // counts) << np.uint32(sh)
        out = out.astype(np.uint32)
        return np.flip(out, axis=axis) if mirror else out
    return np.take(blk, _axis(n, k, mirror), axis=axis)


def _dest_mono(dc: DC) -> bool:
    return dc.kind == gdiobj.OBJ_MEMDC and is_mono_ddb(dc.bitmap)


def blit(dc: DC, dx: int, dy: int, dw: int, dh: int, src: BlitSource | None, sx: int, sy: int, sw: int, sh: int,
         code: int, mask: np.ndarray | None = None, back: int | None = None, mask_xy: tuple[int, int] = (0, 0),
         combine: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None) -> bool:
    """The blit engine. Destination rectangle in device units of ``dc`` (signed extents), source rectangle in
    source pixels (signed extents; opposite signs mirror), ROP3 ``code`` (``back`` where ``mask`` is 0), or
    ``combine(source, destination)`` instead of a ROP (TransparentBlt, AlphaBlend)."""
    x0, w, nx = _norm(dx, dw)
    y0, h, ny = _norm(dy, dh)
    if w <= 0 or h <= 0:
        return True
    codes = [code] if back is None else [code, back]
    use_p = combine is None and any(rop_uses(c)[0] for c in codes)
    use_s = combine is not None or any(rop_uses(c)[1] for c in codes)
    cols = rows = None
    cut_x = cut_y = 0
    if use_s:
        if src is None:
            return False
        sx0, sw_, nsx = _norm(sx, sw)
        sy0, sh_, nsy = _norm(sy, sh)
        if sw_ <= 0 or sh_ <= 0:
            return True
        sh_all, sw_all = src.px.shape
        mode = dc.stretch_mode
        if (mode in (BLACKONWHITE, WHITEONBLACK, HALFTONE) and (sw_ > w or sh_ > h) and sx0 >= 0 and sy0 >= 0
                and sx0 + sw_ <= sw_all and sy0 + sh_ <= sh_all):
            # shrinking with a combining stretch mode: resample the source rectangle to the destination size
            blk = src.px[sy0:sy0 + sh_, sx0:sx0 + sw_]
            blk = _resample(_resample(blk, w, 1, nx != nsx, mode, src.mono), h, 0, ny != nsy, mode, src.mono)
            src = BlitSource(blk, src.mono, src.bk, src.dib)
            sh_all, sw_all = h, w
            cols = np.arange(w, dtype=np.int64)
            rows = np.arange(h, dtype=np.int64)
        else:
            cols = _axis(w, sw_, nx != nsx) + sx0
            rows = _axis(h, sh_, ny != nsy) + sy0
        okc = np.flatnonzero((cols >= 0) & (cols < sw_all))
        okr = np.flatnonzero((rows >= 0) & (rows < sh_all))
        if not len(okc) or not len(okr):
            return True
        cut_x, cut_y = int(okc[0]), int(okr[0])
        cols = cols[cut_x:int(okc[-1]) + 1]
        rows = rows[cut_y:int(okr[-1]) + 1]
        x0, y0, w, h = x0 + cut_x, y0 + cut_y, len(cols), len(rows)
    surf = dc.begin()
    if surf is None:
        return False
    clips = dc.device_rect_clips((x0, y0, x0 + w, y0 + h))
    if not clips:
        return True
    ox, oy = dc.dev_org
    bx0, by0 = min(c[0] for c in clips), min(c[1] for c in clips)
    bx1, by1 = max(c[2] for c in clips), max(c[3] for c in clips)
    i0, i1 = bx0 - ox - x0, bx1 - ox - x0
    j0, j1 = by0 - oy - y0, by1 - oy - y0
    dmono = _dest_mono(dc)
    pat: Any = _ZERO
    pkeep = None
    if use_p:
        from . import draw  # noqa: PLC0415
        bsrc = draw.brush_src(dc, dc.brush)
        if bsrc is None:
            return True  # a hollow brush paints nothing
        if isinstance(bsrc, (int, np.integer)):
            pat = np.uint32(_mono_scalar(int(bsrc)) if dmono else int(bsrc))
        else:
            pat, pkeep = bsrc.block(bx0, by0, bx1, by1)
            if dmono:
                pat = np.where(_white(pat), np.uint32(WHITE), _ZERO)
    s_blk: Any = _ZERO
    if use_s:
        assert src is not None and cols is not None and rows is not None
        sc, sr = cols[i0:i1], rows[j0:j1]
        if (sc[-1] - sc[0] == len(sc) - 1 and sr[-1] - sr[0] == len(sr) - 1
                and (len(sc) < 2 or sc[1] > sc[0]) and (len(sr) < 2 or sr[1] > sr[0])):
            s_blk = src.px[sr[0]:sr[-1] + 1, sc[0]:sc[-1] + 1].copy()
        else:
            s_blk = src.px[np.ix_(sr, sc)]
        if src.mono and not dmono:
            s_blk = np.where(s_blk & np.uint32(0xFFFFFF), np.uint32(dc.bk_px()), np.uint32(dc.text_px()))
        elif dmono and not src.mono:
            if src.dib:
                s_blk = np.where(_white(s_blk), np.uint32(WHITE), _ZERO)
            else:
                s_blk = np.where((s_blk & np.uint32(0xFFFFFF)) == np.uint32(src.bk), np.uint32(WHITE), _ZERO)
    m_blk = None
    if mask is not None:
        mh, mw = mask.shape
        mc = np.arange(i0, i1) + cut_x + mask_xy[0]
        mr = np.arange(j0, j1) + cut_y + mask_xy[1]
        okc = (mc >= 0) & (mc < mw)
        okr = (mr >= 0) & (mr < mh)
        m_blk = mask[np.ix_(np.clip(mr, 0, max(mh - 1, 0)), np.clip(mc, 0, max(mw - 1, 0)))] & okr[:, None] & okc[None, :]
    bm = dc.bitmap if dc.kind == gdiobj.OBJ_MEMDC else None
    keep = np.uint32(0xFFFFFFFF if (use_s and bm is not None and bm.bpp == 32) else 0xFFFFFF)
    for cx0, cy0, cx1, cy1 in clips:
        a, b = cx0 - bx0, cx1 - bx0
        c, d = cy0 - by0, cy1 - by0
        dst = surf.px[cy0:cy1, cx0:cx1]
        ps = pat[c:d, a:b] if isinstance(pat, np.ndarray) else pat
        ss = s_blk[c:d, a:b] if isinstance(s_blk, np.ndarray) else s_blk
        res = combine(ss, dst) if combine is not None else rop3(code, ps, ss, dst)
        if back is not None and m_blk is not None:
            res = np.where(m_blk[c:d, a:b], res, rop3(back, ps, ss, dst))
        if pkeep is not None:
            res = np.where(pkeep[c:d, a:b], res, dst)
        dst[...] = res & keep
    dc.end((bx0, by0, bx1, by1))
    return True


def _dc(m: "Machine", hdc: int) -> DC | None:
    d = get_dc(m, hdc)
    if d is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
    return d


def _src_rect(sdc: DC, x: int, y: int, w: int, h: int) -> tuple[int, int, int, int]:
    """Logical source rectangle to source-surface pixels (signed extents)."""
    sx0, sy0 = sdc.lp(x, y)
    sx1, sy1 = sdc.lp(x + w, y + h)
    ox, oy = sdc.dev_org
    return sx0 + ox, sy0 + oy, sx1 - sx0, sy1 - sy0


def _stretch_blt(m: "Machine", hdc: int, x: int, y: int, w: int, h: int, hdc_src: int, xs: int, ys: int,
                 ws: int, hs: int, rop: int) -> int:
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    code = (rop >> 16) & 0xFF
    dx0, dy0 = dc.lp(x, y)
    dx1, dy1 = dc.lp(x + w, y + h)
    src = None
    sr = (0, 0, 0, 0)
    if rop_uses(code)[1]:
        sdc = _dc(m, hdc_src)
        if sdc is None:
            return 0
        src = dc_source(sdc)
        if src is None:
            return 0
        sr = _src_rect(sdc, xs, ys, ws, hs)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, *sr, code))


@stdcall("gdi32")
def BitBlt(m: "Machine", hdc: HANDLE, x: INT, y: INT, cx: INT, cy: INT, hdcSrc: HANDLE, x1: INT, y1: INT,
           rop: DWORD) -> BOOL:
    """Combine a source rectangle, the brush and the destination with a raster operation."""
    return _stretch_blt(m, hdc, x, y, cx, cy, hdcSrc, x1, y1, cx, cy, rop)


@stdcall("gdi32")
def StretchBlt(m: "Machine", hdcDest: HANDLE, xDest: INT, yDest: INT, wDest: INT, hDest: INT, hdcSrc: HANDLE,
               xSrc: INT, ySrc: INT, wSrc: INT, hSrc: INT, rop: DWORD) -> BOOL:
    """BitBlt with scaling (nearest pixel) and mirroring when source and destination extents differ in sign."""
    return _stretch_blt(m, hdcDest, xDest, yDest, wDest, hDest, hdcSrc, xSrc, ySrc, wSrc, hSrc, rop)


@stdcall("gdi32")
def PatBlt(m: "Machine", hdc: HANDLE, x: INT, y: INT, w: INT, h: INT, rop: DWORD) -> BOOL:
    """Paint a rectangle with the brush and/or destination through a raster operation that uses no source."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    code = (rop >> 16) & 0xFF
    if rop_uses(code)[1]:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    dx0, dy0 = dc.lp(x, y)
    dx1, dy1 = dc.lp(x + w, y + h)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, None, 0, 0, 0, 0, code))


@stdcall("gdi32")
def MaskBlt(m: "Machine", hdcDest: HANDLE, xDest: INT, yDest: INT, width: INT, height: INT, hdcSrc: HANDLE,
            xSrc: INT, ySrc: INT, hbmMask: HANDLE, xMask: INT, yMask: INT, rop: DWORD) -> BOOL:
    """BitBlt with two ROP3 codes (MAKEROP4): the foreground one where the monochrome mask is 1, the
    background one where it is 0."""
    fore, back = (rop >> 16) & 0xFF, (rop >> 24) & 0xFF
    if not hbmMask:
        return _stretch_blt(m, hdcDest, xDest, yDest, width, height, hdcSrc, xSrc, ySrc, width, height, fore << 16)
    dc = _dc(m, hdcDest)
    if dc is None:
        return 0
    mbm = _get_bitmap(m, hbmMask)
    if mbm is None or mbm.bpp != 1 or mbm.surface is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    mask = (bitmap_pixels(mbm) & np.uint32(0xFFFFFF)) != 0
    dx0, dy0 = dc.lp(xDest, yDest)
    dx1, dy1 = dc.lp(xDest + width, yDest + height)
    src = None
    sr = (0, 0, 0, 0)
    if rop_uses(fore)[1] or rop_uses(back)[1]:
        sdc = _dc(m, hdcSrc)
        if sdc is None:
            return 0
        src = dc_source(sdc)
        if src is None:
            return 0
        sr = _src_rect(sdc, xSrc, ySrc, width, height)
    else:
        sr = (0, 0, dx1 - dx0, dy1 - dy0)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, *sr, fore, mask=mask, back=back,
                    mask_xy=(xMask, yMask)))


# ---- creating bitmaps -------------------------------------------------------------------------------
def _bits_to_ddb(m: "Machine", bm: Bitmap, data: bytes) -> None:
    """Fill a DDB from rows of its own bits format (WORD-aligned rows, top row first)."""
    st = ddb_stride(bm.width, bm.bpp)
    n = min(bm.height, len(data) // st) if st else 0
    if n <= 0:
        return
    raw = np.frombuffer(data, np.uint8, count=n * st).reshape(n, st)
    _put_pixels(bm, 0, decode_rows(raw, bm.width, ddb_fmt(m, bm.bpp)))


@stdcall("gdi32")
def CreateBitmap(m: "Machine", nWidth: INT, nHeight: INT, nPlanes: UINT, nBitCount: UINT, lpBits: PTR) -> HANDLE:
    """A device-dependent bitmap of the given depth (1 = monochrome), optionally initialised from WORD-aligned
    rows; a zero size gives the stock 1x1 monochrome bitmap."""
    if nWidth == 0 or nHeight == 0:
        return mono_stock_bitmap(m).handle
    bpp = _round_bpp(nPlanes * nBitCount) if nPlanes else 0
    if nWidth < 0 or nHeight < 0 or bpp == 0 or nPlanes != 1:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    bm = new_bitmap(m, nWidth, nHeight, bpp)
    if bm is None:
        return 0
    if lpBits:
        _bits_to_ddb(m, bm, m.mem.read(lpBits, ddb_stride(nWidth, bpp) * nHeight))
    return bm.handle


@stdcall("gdi32")
def CreateBitmapIndirect(m: "Machine", pbm: PTR) -> HANDLE:
    """CreateBitmap from a BITMAP structure."""
    if not pbm:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _t, w, h, _wb, planes, bpp, bits = m.mem.unpack("<iiiiHHI", pbm)
    return CreateBitmap(m, w, h, planes, bpp, bits)


def compatible_bitmap(m: "Machine", dc: DC | None, w: int, h: int) -> Bitmap | None:
    """A bitmap in the format of ``dc``'s device: the screen's depth, or the format of the bitmap selected
    into a memory DC (monochrome for a fresh memory DC, a DIB section like a selected DIB section)."""
    if w == 0 or h == 0:
        return mono_stock_bitmap(m)
    if w < 0 or h < 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    if dc is not None and dc.kind == gdiobj.OBJ_MEMDC and dc.bitmap is not None:
        cur = dc.bitmap
        if isinstance(cur, DibSection):
            info = DibInfo(w, h if cur.bottom_up else -h, cur.bpp, cur.compression, 0, cur.clr_used, 40,
                           list(cur.colors), cur.masks, 0)
            return make_dib_section(m, info)
        return new_bitmap(m, w, h, cur.bpp)
    return new_bitmap(m, w, h, screen_bpp(m))


@stdcall("gdi32")
def CreateCompatibleBitmap(m: "Machine", hdc: HANDLE, cx: INT, cy: INT) -> HANDLE:
    """A bitmap compatible with the DC's device (monochrome for a memory DC still holding its 1x1 bitmap)."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    bm = compatible_bitmap(m, dc, cx, cy)
    return bm.handle if bm is not None else 0


@stdcall("gdi32")
def CreateDiscardableBitmap(m: "Machine", hdc: HANDLE, cx: INT, cy: INT) -> HANDLE:
    """Same as CreateCompatibleBitmap (bitmaps are never discarded)."""
    return CreateCompatibleBitmap(m, hdc, cx, cy)


def _read_header_size(m: "Machine", pbmih: int) -> tuple[int, int, int] | None:
    """(width, height, bpp) of a BITMAPINFOHEADER or BITMAPCOREHEADER."""
    hs = m.mem.u32(pbmih)
    if hs == 12:
        _s, w, h, _p, bpp = m.mem.unpack("<IHHHH", pbmih)
        return w, h, bpp
    if hs >= 40:
        _s, w, h, _p, bpp = m.mem.unpack("<IiiHH", pbmih)
        return w, h, bpp
    return None


def set_dib_rows(m: "Machine", dc: DC | None, bm: Bitmap, start: int, lines: int, bits: int, pbmi: int,
                 usage: int) -> int:
    """SetDIBits: store scan lines [start, start+lines) of a DIB into ``bm`` (the DIB's top-left on the
    bitmap's top-left); returns the number of scan lines set."""
    info = read_bmi(m, pbmi, usage, dc)
    if info is None or not bits:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    big_h = info.abs_h
    if info.compression in (BI_RLE8, BI_RLE4):
        px = dib_to_topdown(info, m.mem.read(bits, info.size_image))
        _put_pixels(bm, 0, px)
        return big_h
    if start >= big_h:
        return 0
    n = min(lines, big_h - start)
    if n <= 0:
        return 0
    band = decode_dib(info, m.mem.read(bits, n * info.stride), n)
    if info.top_down:
        _put_pixels(bm, start, band)
    else:
        _put_pixels(bm, big_h - start - n, band[::-1])
    return n


@stdcall("gdi32")
def SetDIBits(m: "Machine", hdc: HANDLE, hbm: HANDLE, start: UINT, cLines: UINT, lpBits: PTR, lpbmi: PTR,
              ColorUse: UINT) -> INT:
    """Set pixels of a bitmap from DIB scan lines; returns the number of scan lines set."""
    bm = _get_bitmap(m, hbm)
    if bm is None or bm.surface is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    return set_dib_rows(m, get_dc(m, hdc), bm, start, cLines, lpBits, lpbmi, ColorUse)


@stdcall("gdi32")
def CreateDIBitmap(m: "Machine", hdc: HANDLE, pbmih: PTR, flInit: DWORD, pjBits: PTR, pbmi: PTR,
                   iUsage: UINT) -> HANDLE:
    """A device-dependent bitmap compatible with ``hdc`` (monochrome without one) of the header's size,
    initialised from the DIB with CBM_INIT."""
    if not pbmih:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    dims = _read_header_size(m, pbmih)
    if dims is None or dims[0] <= 0 or dims[1] == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    w, h = dims[0], abs(dims[1])
    dc = get_dc(m, hdc) if hdc else None
    if hdc and dc is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    bm = compatible_bitmap(m, dc, w, h) if dc is not None else new_bitmap(m, w, h, 1)
    if bm is None:
        return 0
    if flInit & CBM_INIT and pjBits and pbmi:
        set_dib_rows(m, dc, bm, 0, h, pjBits, pbmi, iUsage)
    return bm.handle


@stdcall("gdi32")
def CreateDIBSection(m: "Machine", hdc: HANDLE, pbmi: PTR, usage: UINT, ppvBits: PTR, hSection: HANDLE,
                     offset: DWORD) -> HANDLE:
    """A bitmap whose pixels the program reads and writes directly (1/4/8/16/24/32 bpp, BI_RGB or
    BI_BITFIELDS, bottom-up or top-down); the bits pointer goes to ``*ppvBits``."""
    if ppvBits:
        m.mem.w32(ppvBits, 0)
    dc = get_dc(m, hdc) if hdc else None
    info = read_bmi(m, pbmi, usage, dc)
    if info is None or info.compression not in (BI_RGB, BI_BITFIELDS) or usage not in (DIB_RGB_COLORS,
                                                                                         DIB_PAL_COLORS):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if hSection:
        # No CreateFileMapping exists in exeplay, so no section handle can be valid; sections would need the
        # bits placed inside the mapping's view.
        m.set_last_error(ERROR_NOT_SUPPORTED if m.handles.get(hSection) is not None else ERROR_INVALID_HANDLE)
        if m.trace_on:
            m.log(f"CreateDIBSection: file-mapping sections (hSection=0x{hSection:x}) are not supported")
        return 0
    bm = make_dib_section(m, info)
    if bm is None:
        return 0
    if ppvBits:
        m.mem.w32(ppvBits, bm.bits)
    return bm.handle


# ---- reading bitmaps as DIBs --------------------------------------------------------------------------
def synth_colors(m: "Machine", bm: Bitmap, bpp: int) -> list[int]:
    """The colour table GetDIBits reports for ``bm`` read at depth ``bpp`` (<= 8): the section's own table at
    its own depth, else black/white, the VGA colours, or a 256-colour mix holding the static colours."""
    if isinstance(bm, DibSection) and bm.bpp == bpp and bm.colors:
        return list(bm.colors)
    if bpp == 1:
        return [0, WHITE]
    if bpp == 4:
        return _rgb_px(palette.vga16())  # type: ignore[arg-type]
    if bm.bpp == 8 and not isinstance(bm, DibSection):
        return _rgb_px(palette.system_palette(m).entries)  # type: ignore[arg-type]
    return _rgb_px(palette.halftone256())  # type: ignore[arg-type]


def _write_color_table(m: "Machine", lpbmi: int, hs: int, colors: list[int], bpp: int, usage: int) -> None:
    n = 1 << bpp
    cols = (colors + [0] * n)[:n]
    base = lpbmi + hs
    if usage == DIB_PAL_COLORS:
        m.mem.write(base, struct.pack(f"<{n}H", *range(n)))
    elif hs == 12:
        m.mem.write(base, bytes(v for c in cols for v in (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF)))
    else:
        m.mem.write(base, bytes(v for c in cols for v in (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, 0)))


@stdcall("gdi32")
def GetDIBits(m: "Machine", hdc: HANDLE, hbm: HANDLE, start: UINT, cLines: UINT, lpvBits: PTR, lpbmi: PTR,
              usage: UINT) -> INT:
    """Copy a bitmap's scan lines out as a DIB of the requested format; with ``lpvBits`` NULL fill in the
    BITMAPINFO (header only when biBitCount is 0; else the image size and colour table or bit fields)."""
    dc = get_dc(m, hdc) if hdc else None
    if dc is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    bm = _get_bitmap(m, hbm)
    if bm is None or bm.surface is None or not lpbmi or usage not in (DIB_RGB_COLORS, DIB_PAL_COLORS):
        return 0
    hs = m.mem.u32(lpbmi)
    if hs != 12 and hs < 40:
        return 0
    core = hs == 12
    if core:
        _s, w, h, _p, bpp = m.mem.unpack("<IHHHH", lpbmi)
        comp = BI_RGB
    else:
        _s, w, h, _p, bpp, comp = m.mem.unpack("<IiiHHI", lpbmi)
    if bpp == 0:
        if lpvBits:
            return 0
        b = bm.bpp
        st = dib_stride(bm.width, b)
        if core:
            m.mem.pack("<IHHHH", lpbmi, 12, bm.width, bm.height, 1, b)
            return 1
        is_fields = b in (16, 32) and (not isinstance(bm, DibSection) or bm.compression == BI_BITFIELDS)
        ncol = (1 << b) if b <= 8 else 0
        m.mem.pack("<IiiHHIIiiII", lpbmi, hs, bm.width, bm.height, 1, b, BI_BITFIELDS if is_fields else BI_RGB,
                   st * bm.height, 0, 0, ncol, ncol)
        return 1
    if bpp not in (1, 4, 8, 16, 24, 32) or comp not in (BI_RGB, BI_BITFIELDS) or w <= 0 or h == 0:
        return 0
    if comp == BI_BITFIELDS and bpp not in (16, 32):
        return 0
    abs_h = abs(h)
    stride = dib_stride(w, bpp)
    colors: list[int] = []
    masks = STD32
    if bpp <= 8:
        if usage == DIB_PAL_COLORS:
            colors = _rgb_px(dc.palette.entries)[:1 << bpp]  # type: ignore[arg-type]
        else:
            colors = synth_colors(m, bm, bpp)
        _write_color_table(m, lpbmi, hs, colors, bpp, usage)
    elif bpp == 16:
        if comp == BI_BITFIELDS:
            masks = bm.masks if isinstance(bm, DibSection) and bm.bpp == 16 else M565
        else:
            masks = M555
    if comp == BI_BITFIELDS:
        m.mem.pack("<III", lpbmi + (40 if hs >= 52 else hs), *masks)
    if not core:
        m.mem.pack("<HHII", lpbmi + 12, 1, bpp, comp, stride * abs_h)
    if not lpvBits:
        return 1
    if start >= abs_h:
        return 0
    n = min(cLines, abs_h - start)
    if n <= 0:
        return 0
    ks = np.arange(start, start + n)
    rows = ks if h < 0 else abs_h - 1 - ks
    fmt = Fmt(bpp, colors, masks)
    if (isinstance(bm, DibSection) and bm.bpp == bpp and w == bm.width and usage == DIB_RGB_COLORS
            and (bpp > 8 or bm.colors == colors) and (bpp not in (16, 32) or bm.masks == masks)
            and bool(rows.max() < bm.height)):
        # same format: copy the section's bits (keeps indices and unused bits as they are)
        buf = np.frombuffer(m.mem.view(bm.bits, bm.stride * bm.height), np.uint8).reshape(bm.height, bm.stride)
        mem_rows = (bm.height - 1 - rows) if bm.bottom_up else rows
        m.mem.write(lpvBits, np.ascontiguousarray(buf[mem_rows]).tobytes())
        return n
    src = bitmap_pixels(bm)
    out = np.zeros((n, w), np.uint32)
    ok = rows < bm.height
    cw = min(w, bm.width)
    out[ok, :cw] = src[rows[ok], :cw]
    if is_mono_ddb(bm) or bpp <= 8 or bm.bpp != 32:
        out &= np.uint32(0xFFFFFF)
    m.mem.write(lpvBits, encode_rows(out, fmt, stride).tobytes())
    return n


@stdcall("gdi32")
def SetDIBitsToDevice(m: "Machine", hdc: HANDLE, xDest: INT, yDest: INT, w: DWORD, h: DWORD, xSrc: INT, ySrc: INT,
                      StartScan: UINT, cLines: UINT, lpvBits: PTR, lpbmi: PTR, ColorUse: UINT) -> INT:
    """Copy a rectangle of a DIB (given as the band of scan lines [StartScan, StartScan+cLines)) to a DC
    unscaled; (xSrc, ySrc) is measured from the DIB's lower-left corner for bottom-up DIBs."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    info = read_bmi(m, lpbmi, ColorUse, dc)
    if info is None or not lpvBits:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    big_h = info.abs_h
    w, h = int(np.int32(np.uint32(w))), int(np.int32(np.uint32(h)))
    if info.compression in (BI_RLE8, BI_RLE4):
        band_td = dib_to_topdown(info, m.mem.read(lpvBits, info.size_image))
        n, top = big_h, 0
    else:
        n = max(0, min(cLines, big_h - StartScan))
        if n == 0:
            return 0
        band = decode_dib(info, m.mem.read(lpvBits, n * info.stride), n)
        if info.top_down:
            band_td, top = band, StartScan
        else:
            band_td, top = np.ascontiguousarray(band[::-1]), big_h - StartScan - n
    sy_td = ySrc if info.top_down else big_h - ySrc - h
    r0, r1 = max(sy_td, top), min(sy_td + h, top + n)
    if r1 <= r0 or w <= 0:
        return n
    dx, dy = dc.lp(xDest, yDest)
    blit(dc, dx, dy + (r0 - sy_td), w, r1 - r0, BlitSource(band_td, dib=True), xSrc, r0 - top, w, r1 - r0, 0xCC)
    return n


@stdcall("gdi32")
def StretchDIBits(m: "Machine", hdc: HANDLE, xDest: INT, yDest: INT, DestWidth: INT, DestHeight: INT, xSrc: INT,
                  ySrc: INT, SrcWidth: INT, SrcHeight: INT, lpBits: PTR, lpbmi: PTR, iUsage: UINT,
                  rop: DWORD) -> INT:
    """Draw a rectangle of a DIB scaled into a destination rectangle through a raster operation; (xSrc, ySrc)
    is measured from the lower-left corner of bottom-up DIBs; returns the number of scan lines."""
    dc = _dc(m, hdc)
    if dc is None:
        return 0
    code = (rop >> 16) & 0xFF
    dx0, dy0 = dc.lp(xDest, yDest)
    dx1, dy1 = dc.lp(xDest + DestWidth, yDest + DestHeight)
    src = None
    sy = ySrc
    if rop_uses(code)[1]:
        info = read_bmi(m, lpbmi, iUsage, dc)
        if info is None or not lpBits:
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        px = dib_to_topdown(info, m.mem.read(lpBits, info.bits_size()))
        src = BlitSource(px, dib=True)
        if not info.top_down:
            sy = info.abs_h - ySrc - SrcHeight if SrcHeight >= 0 else info.abs_h - ySrc - SrcHeight - 2
    if not blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, xSrc, sy, SrcWidth, SrcHeight, code):
        return 0
    return abs(SrcHeight) or 1


@stdcall("gdi32")
def GetBitmapBits(m: "Machine", hbit: HANDLE, cb: INT, lpvBits: PTR) -> INT:
    """Copy a bitmap's bits in its own format (WORD-aligned rows for DDBs, the section's rows for DIB
    sections); with a NULL buffer, the size needed."""
    bm = _get_bitmap(m, hbit)
    if bm is None or bm.surface is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if isinstance(bm, DibSection):
        total = bm.stride * bm.height
        if not lpvBits:
            return total
        n = max(0, min(cb, total))
        m.mem.write(lpvBits, m.mem.read(bm.bits, n))
        return n
    st = ddb_stride(bm.width, bm.bpp)
    total = st * bm.height
    if not lpvBits:
        return total
    n = max(0, min(cb, total))
    nrows = min(bm.height, (n + st - 1) // st)
    px = bitmap_pixels(bm)[:nrows] & np.uint32(0xFFFFFF if bm.bpp != 32 else 0xFFFFFFFF)
    data = encode_rows(px, ddb_fmt(m, bm.bpp), st).tobytes()[:n]
    m.mem.write(lpvBits, data)
    return n


@stdcall("gdi32")
def SetBitmapBits(m: "Machine", hbm: HANDLE, cb: DWORD, pvBits: PTR) -> INT:
    """Set a bitmap's bits from its own format (see GetBitmapBits); returns the number of bytes used."""
    bm = _get_bitmap(m, hbm)
    if bm is None or bm.surface is None or not pvBits:
        m.set_last_error(ERROR_INVALID_HANDLE if bm is None else ERROR_INVALID_PARAMETER)
        return 0
    if isinstance(bm, DibSection):
        n = min(cb, bm.stride * bm.height)
        m.mem.write(bm.bits, m.mem.read(pvBits, n))
        bm.surface.pull()
        bm.surface.version += 1
        return n
    st = ddb_stride(bm.width, bm.bpp)
    n = min(cb, st * bm.height)
    _bits_to_ddb(m, bm, m.mem.read(pvBits, n))
    return n


def _dims(m: "Machine") -> dict[int, tuple[int, int]]:
    return m.state.setdefault("gdi_bmdim", {})


@stdcall("gdi32")
def GetBitmapDimensionEx(m: "Machine", hbit: HANDLE, lpsize: PTR) -> BOOL:
    """The dimension set by SetBitmapDimensionEx (0.1 mm units; 0,0 by default)."""
    if _get_bitmap(m, hbit) is None or not lpsize:
        return 0
    m.mem.pack("<ii", lpsize, *_dims(m).get(hbit, (0, 0)))
    return 1


@stdcall("gdi32")
def SetBitmapDimensionEx(m: "Machine", hbm: HANDLE, w: INT, h: INT, lpsz: PTR) -> BOOL:
    """Record a bitmap's physical size (0.1 mm units); the previous one goes to ``lpsz``."""
    if _get_bitmap(m, hbm) is None:
        return 0
    if lpsz:
        m.mem.pack("<ii", lpsz, *_dims(m).get(hbm, (0, 0)))
    _dims(m)[hbm] = (w, h)
    return 1


def _dc_section(m: "Machine", hdc: int) -> DibSection | None:
    dc = _dc(m, hdc)
    if dc is None:
        return None
    bm = dc.bitmap if dc.kind == gdiobj.OBJ_MEMDC else None
    return bm if isinstance(bm, DibSection) and bm.bpp <= 8 else None


@stdcall("gdi32")
def GetDIBColorTable(m: "Machine", hdc: HANDLE, iStart: UINT, cEntries: UINT, prgbq: PTR) -> UINT:
    """Copy RGBQUADs from the colour table of the DIB section selected into a memory DC."""
    bm = _dc_section(m, hdc)
    if bm is None or iStart >= len(bm.colors) or not prgbq:
        return 0
    cols = bm.colors[iStart:iStart + cEntries]
    m.mem.write(prgbq, bytes(v for c in cols for v in (c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, 0)))
    return len(cols)


@stdcall("gdi32")
def SetDIBColorTable(m: "Machine", hdc: HANDLE, iStart: UINT, cEntries: UINT, prgbq: PTR) -> UINT:
    """Replace RGBQUADs in the colour table of the DIB section selected into a memory DC."""
    bm = _dc_section(m, hdc)
    if bm is None or not prgbq:
        return 0
    size = 1 << bm.bpp
    if iStart >= size:
        return 0
    n = min(cEntries, size - iStart)
    raw = m.mem.read(prgbq, 4 * n)
    cols = (list(bm.colors) + [0] * size)[:max(len(bm.colors), iStart + n)]
    for k in range(n):
        cols[iStart + k] = (raw[4 * k + 2] << 16) | (raw[4 * k + 1] << 8) | raw[4 * k]
    bm.colors = cols
    assert bm.surface is not None
    bm.surface.pull()
    bm.surface.version += 1
    return n


# ---- GetObject --------------------------------------------------------------------------------------
def _bitmap_struct(bm: Bitmap) -> bytes:
    if isinstance(bm, DibSection):
        return struct.pack("<iiiiHHI", 0, bm.width, bm.height, bm.stride, 1, bm.bpp, bm.bits)
    return struct.pack("<iiiiHHI", 0, bm.width, bm.height, ddb_stride(bm.width, bm.bpp), 1, bm.bpp, 0)


def _dibsection_struct(bm: DibSection) -> bytes:
    ncol = len(bm.colors) if bm.bpp <= 8 else 0
    hdr = struct.pack("<IiiHHIIiiII", 40, bm.width, bm.header_height or bm.height, 1, bm.bpp, bm.compression,
                      bm.stride * bm.height, bm.xppm, bm.yppm, ncol, 0)
    fields = bm.masks if bm.compression == BI_BITFIELDS else (0, 0, 0)
    return _bitmap_struct(bm) + hdr + struct.pack("<IIIII", *fields, bm.section, bm.offset)


def _logfont(f: Font, wide: bool) -> bytes:
    head = struct.pack("<iiiiiBBBBBBBB", f.height, f.width, f.escapement, f.orientation, f.weight, int(f.italic),
                       int(f.underline), int(f.strikeout), f.charset & 0xFF, f.out_precision & 0xFF,
                       f.clip_precision & 0xFF, f.quality & 0xFF, f.pitch_family & 0xFF)
    if wide:
        face = f.face[:31].encode("utf-16-le")
        return head + face + b"\0" * (64 - len(face))
    fa = f.face.encode("cp1252", "replace")[:31]
    return head + fa + b"\0" * (32 - len(fa))


def _brush_struct(m: "Machine", b: Brush) -> bytes:
    color = b.color
    if b.sys_color >= 0:
        from . import syscolor  # noqa: PLC0415
        color = syscolor.get(m, b.sys_color)
    hatch = b.hatch
    if b.style == gdiobj.BS_PATTERN and isinstance(b.pattern, Bitmap):
        hatch = b.pattern.handle
    if b.style in (gdiobj.BS_PATTERN, 5, 6):
        color = 0 if b.style != gdiobj.BS_PATTERN else color
    return struct.pack("<III", b.style, color & 0xFFFFFFFF, hatch & 0xFFFFFFFF)


def get_object(m: "Machine", h: int, cb: int, pv: int, wide: bool) -> int:
    """GetObjectA/W: describe a GDI object into ``pv`` (``cb`` bytes); with ``pv`` NULL, the size needed."""
    o = gdiobj.table(m).objs.get(h)
    if o is None or isinstance(o, (DC, RegionObj)):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if cb < 0:
        cb = 0x7FFFFFFF
    if isinstance(o, Bitmap):
        if not pv:
            return 24
        if cb < 24:
            return 0
        if isinstance(o, DibSection) and cb >= 84:
            m.mem.write(pv, _dibsection_struct(o))
            return 84
        m.mem.write(pv, _bitmap_struct(o))
        return 24
    if isinstance(o, Pen):
        if o.kind == OBJ_EXTPEN:
            styles = list(getattr(o, "user_style", None) or [])
            need = 24 + 4 * len(styles)
            if not pv:
                return need
            if cb < need:
                return 0
            br = getattr(o, "brush", None)
            hatch = 0 if br is None else (br.pattern.handle if br.style == gdiobj.BS_PATTERN
                                          and isinstance(br.pattern, Bitmap) else br.hatch)
            data = struct.pack("<IIIIII", getattr(o, "full_style", o.style) & 0xFFFFFFFF, o.width,
                               0 if br is None else br.style, o.color & 0xFFFFFFFF, hatch & 0xFFFFFFFF,
                               len(styles))
            m.mem.write(pv, data + struct.pack(f"<{len(styles)}I", *styles))
            return need
        if not pv:
            return 16
        if cb < 16:
            return 0
        m.mem.write(pv, struct.pack("<IiiI", o.style & 0xFFFFFFFF, o.width, 0, o.color & 0xFFFFFFFF))
        return 16
    if isinstance(o, Brush):
        if not pv:
            return 12
        if cb == 0:
            return 0
        m.mem.write(pv, _brush_struct(m, o)[:min(cb, 12)])
        return 12
    if isinstance(o, Font):
        base, full = (92, 356) if wide else (60, 260)
        if not pv:
            return base
        n = min(cb, full)
        if n == 0:
            return 0
        lf = _logfont(o, wide)
        m.mem.write(pv, (lf + b"\0" * (full - len(lf)))[:n])
        return n
    if isinstance(o, Palette):
        if not pv:
            return 2
        if cb < 2:
            return 0
        m.mem.pack("<H", pv, len(o.entries))
        return 2
    m.set_last_error(ERROR_INVALID_HANDLE)
    return 0


@stdcall("gdi32")
def GetObjectA(m: "Machine", h: HANDLE, c: INT, pv: PTR) -> INT:
    """Describe a GDI object: BITMAP/DIBSECTION, LOGPEN/EXTLOGPEN, LOGBRUSH, LOGFONTA, palette entry count."""
    return get_object(m, h, c, pv, False)


@stdcall("gdi32")
def GetObjectW(m: "Machine", h: HANDLE, c: INT, pv: PTR) -> INT:
    """Describe a GDI object: BITMAP/DIBSECTION, LOGPEN/EXTLOGPEN, LOGBRUSH, LOGFONTW, palette entry count."""
    return get_object(m, h, c, pv, True)


# ---- loading and copying images ------------------------------------------------------------------------
def _sys_px(m: "Machine", index: int) -> int:
    from . import syscolor  # noqa: PLC0415
    return colorref_to_px(syscolor.get(m, index))


def stretch_nearest(px: np.ndarray, w: int, h: int) -> np.ndarray:
    """Resize a pixel array to (h, w) by nearest pixel."""
    sh, sw = px.shape
    if (sh, sw) == (h, w):
        return px
    return px[np.ix_(_axis(h, sh, False), _axis(w, sw, False))]


def bitmap_from_dib(m: "Machine", info: DibInfo, bits: bytes, flags: int = 0, cx: int = 0, cy: int = 0) -> int:
    """A bitmap handle made from a DIB the way LoadImage does: a DIB section of the image's own depth with
    LR_CREATEDIBSECTION, a monochrome bitmap for LR_MONOCHROME or black-and-white 1-bit images, else a
    display-compatible bitmap; ``cx``/``cy`` stretch it."""
    colors = list(info.colors)
    if info.bpp <= 8 and colors and flags & (LR_LOADTRANSPARENT | LR_LOADMAP3DCOLORS):
        if flags & LR_LOADMAP3DCOLORS:
            repl = {0x808080: _sys_px(m, 16), 0xC0C0C0: _sys_px(m, 15), 0xDFDFDF: _sys_px(m, 22)}
            colors = [repl.get(c, c) for c in colors]
        if flags & LR_LOADTRANSPARENT:
            if info.compression in (BI_RLE8, BI_RLE4):
                first = int(_rle_decode(bits, info.width, info.abs_h, info.bpp)[0, 0])
            elif bits:
                first = int(unpack_indices(np.frombuffer(bits[:1], np.uint8).reshape(1, 1), 1, info.bpp)[0, 0])
            else:
                first = 0
            if first < len(colors):
                colors[first] = _sys_px(m, 5)
    src = DibInfo(info.width, info.height, info.bpp, info.compression, info.size_image, info.clr_used,
                  info.hdr_size, colors, info.masks, info.table_bytes, info.xppm, info.yppm)
    px = dib_to_topdown(src, bits)
    w, h = cx or info.width, cy or info.abs_h
    px = stretch_nearest(px, w, h)
    if flags & LR_CREATEDIBSECTION:
        sec = DibInfo(w, h if not info.top_down else -h, info.bpp,
                      BI_BITFIELDS if info.compression == BI_BITFIELDS else BI_RGB, 0, info.clr_used, 40, colors,
                      info.masks, 0)
        bm = make_dib_section(m, sec)
        if bm is None:
            return 0
        if (w, h) == (info.width, info.abs_h) and info.compression in (BI_RGB, BI_BITFIELDS):
            size = bm.stride * bm.height
            m.mem.write(bm.bits, bytes(bits[:size]).ljust(size, b"\0"))
            assert bm.surface is not None
            bm.surface.pull()
        else:
            _put_pixels(bm, 0, px)
        return bm.handle
    bw = info.bpp == 1 and sorted(c & 0xFFFFFF for c in colors[:2]) == [0, WHITE]
    new = new_bitmap(m, w, h, 1 if flags & LR_MONOCHROME or bw else screen_bpp(m))
    if new is None:
        return 0
    _put_pixels(new, 0, px & np.uint32(0xFFFFFF))
    return new.handle


def _file_dib(m: "Machine", path: str) -> tuple[DibInfo, bytes] | None:
    from emu.kernel32.file import resolve  # noqa: PLC0415
    hp = resolve(m, path)
    if hp is None:
        return None
    try:
        with open(hp, "rb") as f:
            data = f.read()
    except OSError:
        m.set_last_error(ERROR_FILE_NOT_FOUND if not os.path.exists(hp) else 5)
        return None
    if len(data) < 14 + 12 or data[:2] != b"BM":
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    off = struct.unpack_from("<I", data, 10)[0]
    dib = data[14:]

    def get(o: int, n: int) -> bytes:
        b = dib[o:o + n]
        if len(b) < n:
            raise ValueError("truncated")
        return b
    try:
        info = parse_bmi(get, DIB_RGB_COLORS, None)
    except (ValueError, struct.error):
        info = None
    if info is None:
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    start = off if 14 + info.hdr_size <= off < len(data) else 14 + info.hdr_size + info.table_bytes
    return info, data[start:]


def load_image_bitmap(m: "Machine", hinst: int, name: str | int | None, flags: int, cx: int, cy: int) -> int:
    """LoadImage for IMAGE_BITMAP: an RT_BITMAP resource of module ``hinst`` or, with LR_LOADFROMFILE, a .bmp
    file; returns a bitmap handle or 0 with the last error set. (LR_DEFAULTSIZE: bitmaps keep their size.)"""
    if flags & LR_LOADFROMFILE:
        if not isinstance(name, str):
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        got = _file_dib(m, name)
        if got is None:
            return 0
        info, bits = got
    else:
        if not hinst or name is None:  # OEM bitmaps (OBM_*) are not available
            m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
            return 0
        r = resources.find(m, hinst, resources.RT_BITMAP, name)
        if r is None:
            m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
            return 0
        data = m.mem.read(r[0], r[1])

        def get(o: int, n: int) -> bytes:
            b = data[o:o + n]
            if len(b) < n:
                raise ValueError("truncated")
            return b
        try:
            parsed = parse_bmi(get, DIB_RGB_COLORS, None)
        except (ValueError, struct.error):
            parsed = None
        if parsed is None:
            m.set_last_error(ERROR_INVALID_DATA)
            return 0
        info = parsed
        bits = data[info.hdr_size + info.table_bytes:]
    return bitmap_from_dib(m, info, bits, flags, cx, cy)


@stdcall("user32")
def LoadBitmapA(m: "Machine", hInstance: HANDLE, lpBitmapName: LPCSTR) -> HANDLE:
    """Load an RT_BITMAP resource as a display-compatible bitmap (NULL for the OEM bitmaps)."""
    return load_image_bitmap(m, hInstance, lpBitmapName, 0, 0, 0)


@stdcall("user32")
def LoadBitmapW(m: "Machine", hInstance: HANDLE, lpBitmapName: LPCWSTR) -> HANDLE:
    """Load an RT_BITMAP resource as a display-compatible bitmap (NULL for the OEM bitmaps)."""
    return load_image_bitmap(m, hInstance, lpBitmapName, 0, 0, 0)


def _load_image(m: "Machine", hInst: int, name: str | int | None, type: int, cx: int, cy: int, fuLoad: int) -> int:
    if type == IMAGE_BITMAP:
        return load_image_bitmap(m, hInst, name, fuLoad, cx, cy)
    if type in (IMAGE_ICON, IMAGE_CURSOR):
        from . import cursor  # noqa: PLC0415
        return int(cursor.load_image_other(m, hInst, name, type, cx, cy, fuLoad))
    m.set_last_error(ERROR_INVALID_PARAMETER)  # IMAGE_ENHMETAFILE and unknown types
    return 0


@stdcall("user32")
def LoadImageA(m: "Machine", hInst: HANDLE, name: LPCSTR, type: UINT, cx: INT, cy: INT, fuLoad: UINT) -> HANDLE:
    """Load a bitmap (resource or .bmp file; icons and cursors through gdi.cursor)."""
    return _load_image(m, hInst, name, type, cx, cy, fuLoad)


@stdcall("user32")
def LoadImageW(m: "Machine", hInst: HANDLE, name: LPCWSTR, type: UINT, cx: INT, cy: INT, fuLoad: UINT) -> HANDLE:
    """Load a bitmap (resource or .bmp file; icons and cursors through gdi.cursor)."""
    return _load_image(m, hInst, name, type, cx, cy, fuLoad)


@stdcall("user32")
def CopyImage(m: "Machine", h: HANDLE, type: UINT, cx: INT, cy: INT, flags: UINT) -> HANDLE:
    """Copy a bitmap, optionally resized, as a DIB section (LR_CREATEDIBSECTION) or monochrome
    (LR_MONOCHROME); LR_COPYRETURNORG returns the original when nothing changes, LR_COPYDELETEORG deletes it.
    Icons and cursors go to gdi.cursor.copy_icon."""
    if type in (IMAGE_ICON, IMAGE_CURSOR):
        from . import cursor  # noqa: PLC0415
        return int(cursor.copy_icon(m, h, cx, cy, flags))
    if type != IMAGE_BITMAP:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    bm = _get_bitmap(m, h)
    if bm is None or bm.surface is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    w2, h2 = (cx or bm.width), (cy or bm.height)
    if w2 < 0 or h2 < 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    same = ((w2, h2) == (bm.width, bm.height) and not (flags & LR_MONOCHROME and bm.bpp != 1)
            and not (flags & LR_CREATEDIBSECTION and not isinstance(bm, DibSection)))
    if flags & LR_COPYRETURNORG and same:
        return h
    px = stretch_nearest(bitmap_pixels(bm), w2, h2).copy()
    if flags & LR_CREATEDIBSECTION and not flags & LR_MONOCHROME:
        f = bitmap_fmt(m, bm)
        info = DibInfo(w2, h2 if getattr(bm, "bottom_up", True) else -h2, f.bpp,
                       getattr(bm, "compression", BI_RGB), 0, 0, 40, list(f.colors), f.masks, 0)
        new: Bitmap | None = make_dib_section(m, info)
        if new is not None and isinstance(bm, DibSection) and (w2, h2) == (bm.width, bm.height):
            m.mem.write(new.bits, m.mem.read(bm.bits, bm.stride * bm.height))
            assert new.surface is not None
            new.surface.pull()
        elif new is not None:
            _put_pixels(new, 0, px)
    else:
        mono = bool(flags & LR_MONOCHROME) or is_mono_ddb(bm)
        new = new_bitmap(m, w2, h2, 1 if mono else (screen_bpp(m) if isinstance(bm, DibSection) else bm.bpp))
        if new is not None:
            _put_pixels(new, 0, px if new.bpp == 32 and not isinstance(bm, DibSection) else px & np.uint32(0xFFFFFF))
    if new is None:
        return 0
    if flags & LR_COPYDELETEORG:
        gdiobj.DeleteObject(m, h)
    return new.handle


# ---- msimg32 -----------------------------------------------------------------------------------------
def _msimg_blit(m: "Machine", hdc: int, x: int, y: int, w: int, h: int, hdc_src: int, xs: int, ys: int, ws: int,
                hs: int, combine: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> int:
    dc = _dc(m, hdc)
    sdc = _dc(m, hdc_src) if dc is not None else None
    if dc is None or sdc is None:
        return 0
    if w < 0 or h < 0 or ws < 0 or hs < 0:  # no mirroring here
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    src = dc_source(sdc)
    if src is None:
        return 0
    sr = _src_rect(sdc, xs, ys, ws, hs)
    sh_all, sw_all = src.px.shape
    if sr[0] < 0 or sr[1] < 0 or sr[0] + sr[2] > sw_all or sr[1] + sr[3] > sh_all:
        m.set_last_error(ERROR_INVALID_PARAMETER)  # the source rectangle must lie inside the source
        return 0
    dx0, dy0 = dc.lp(x, y)
    dx1, dy1 = dc.lp(x + w, y + h)
    return int(blit(dc, dx0, dy0, dx1 - dx0, dy1 - dy0, src, *sr, 0xCC, combine=combine))


@stdcall("msimg32")
def TransparentBlt(m: "Machine", hdcDest: HANDLE, xoriginDest: INT, yoriginDest: INT, wDest: INT, hDest: INT,
                   hdcSrc: HANDLE, xoriginSrc: INT, yoriginSrc: INT, wSrc: INT, hSrc: INT, crTransparent: UINT) -> BOOL:
    """Copy (and stretch) a source rectangle except the pixels of colour ``crTransparent``."""
    key = np.uint32(colorref_to_px(crTransparent & 0xFFFFFF))

    def combine(s: np.ndarray, d: np.ndarray) -> np.ndarray:
        return np.where((s & np.uint32(0xFFFFFF)) == key, d, s)
    return _msimg_blit(m, hdcDest, xoriginDest, yoriginDest, wDest, hDest, hdcSrc, xoriginSrc, yoriginSrc, wSrc,
                       hSrc, combine)


AC_SRC_ALPHA = 1


@stdcall("msimg32")
def AlphaBlend(m: "Machine", hdcDest: HANDLE, xoriginDest: INT, yoriginDest: INT, wDest: INT, hDest: INT,
               hdcSrc: HANDLE, xoriginSrc: INT, yoriginSrc: INT, wSrc: INT, hSrc: INT, ftn: DWORD) -> BOOL:
    """Blend a source rectangle over the destination: constant alpha ``SourceConstantAlpha``, and with
    AC_SRC_ALPHA the source's own premultiplied per-pixel alpha (dst = src*sca + dst*(1 - srcA*sca))."""
    op, _flags, sca, fmt = ftn & 0xFF, (ftn >> 8) & 0xFF, (ftn >> 16) & 0xFF, (ftn >> 24) & 0xFF
    if op != 0:  # AC_SRC_OVER is the only operation
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0

    def combine(s: np.ndarray, d: np.ndarray) -> np.ndarray:
        s = np.broadcast_to(s, d.shape).astype(np.uint32)
        d = d.astype(np.uint32)
        if fmt & AC_SRC_ALPHA:
            sa = (((s >> np.uint32(24)) & np.uint32(0xFF)) * np.uint32(sca) + np.uint32(127)) // np.uint32(255)
            inv = np.uint32(255) - sa
        else:
            inv = np.full(d.shape, 255 - sca, np.uint32)
        out = np.zeros(d.shape, np.uint32)
        for sh in (0, 8, 16, 24):
            cs = (s >> np.uint32(sh)) & np.uint32(0xFF)
            cd = (d >> np.uint32(sh)) & np.uint32(0xFF)
            v = (cs * np.uint32(sca) + cd * inv + np.uint32(127)) // np.uint32(255)
            out |= np.minimum(v, np.uint32(255)) << np.uint32(sh)
        return out
    return _msimg_blit(m, hdcDest, xoriginDest, yoriginDest, wDest, hDest, hdcSrc, xoriginSrc, yoriginSrc, wSrc,
                       hSrc, combine)
