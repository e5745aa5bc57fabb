"""gdi32 bitmap formats: constants, pixel formats and their conversion, BITMAPINFO parsing, DIB decoding,
DDB and DIB section objects.

Device-dependent bitmaps keep 32-bit pixels in a private ``Surface`` (monochrome ones hold only 0x000000 and
0xFFFFFF) and report the depth they were created with. A DIB section's pixels live in guest memory, in pages
of their own: a 32-bit BI_RGB section's ``Surface.px`` is a zero-copy numpy view of them (flipped for
bottom-up sections); other depths keep a shadow ``px`` that ``pull()`` decodes through the colour table or
bit fields and ``push(rect)`` encodes back.
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from emu.memory import GuestMemoryError

from . import gdiobj, palette
from .dc import DC
from .gdiobj import Bitmap
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
