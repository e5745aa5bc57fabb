"""user32 icons and cursors: loading (program resources, .ico/.cur files, the system set), creating,
copying, drawing (mask AND, then image XOR, or alpha blending for 32-bit icons), and the current cursor.

An icon or cursor is a user handle (``IconObj`` in ``m.state["icons"]``) holding its pixels as numpy
arrays: ``xor`` the colour (XOR) image as 0x00RRGGBB, ``andm`` the AND mask (True: keep the screen), and
``alpha`` for 32-bit images that carry an alpha channel. Monochrome icons (``mono``) have no colour bitmap:
GetIconInfo returns a double-height mask (AND over XOR) like Windows.

The system icons (IDI_*) and cursors (IDC_*) are our own procedural look-alikes drawn with numpy (see
``_ICON_ART`` and ``_CURSOR_ART``); no Microsoft artwork is shipped.

Helpers for other modules: ``load_icon(m, hinst, name)``, ``draw_icon(dc, x, y, hicon)``,
``load_image_other(m, hinst, name, type, cx, cy, flags)`` (LoadImage for IMAGE_ICON/IMAGE_CURSOR),
``copy_icon(m, h, cx, cy, flags)`` (CopyImage for icons), ``small_icon(m, h)`` (the caption-size version of
an icon), ``icon_size(m, h)``, ``set_class_cursor(m, w)`` (DefWindowProc's
WM_SETCURSOR) and ``cursor_image(m)`` (the current cursor as RGBA for a presenter).
"""
from __future__ import annotations

import io
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu import resources
from emu.api import BOOL, DWORD, HANDLE, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall

from . import gdiobj
from .gdiobj import Bitmap
from .surface import Surface

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window

# ---- constants ------------------------------------------------------------------------------------
IMAGE_BITMAP, IMAGE_ICON, IMAGE_CURSOR = 0, 1, 2
LR_MONOCHROME, LR_COPYRETURNORG, LR_COPYDELETEORG = 0x0001, 0x0004, 0x0008
LR_LOADFROMFILE, LR_DEFAULTSIZE, LR_VGACOLOR = 0x0010, 0x0040, 0x0080
LR_COPYFROMRESOURCE, LR_SHARED = 0x4000, 0x8000
DI_MASK, DI_IMAGE, DI_NORMAL, DI_COMPAT, DI_DEFAULTSIZE, DI_NOMIRROR = 1, 2, 3, 4, 8, 0x10
CURSOR_SHOWING = 1
SM_CXICON, SM_CYICON, SM_CXCURSOR, SM_CYCURSOR = 11, 12, 13, 14

ERROR_FILE_NOT_FOUND = 2
ERROR_NOT_ENOUGH_MEMORY = 8
ERROR_INVALID_DATA = 13
ERROR_INVALID_PARAMETER = 87
ERROR_RESOURCE_NAME_NOT_FOUND = 1814
ERROR_INVALID_CURSOR_HANDLE = 1402
ERROR_INVALID_ICON_HANDLE = 1405

IDI_APPLICATION, IDI_HAND, IDI_QUESTION, IDI_EXCLAMATION, IDI_ASTERISK, IDI_WINLOGO, IDI_SHIELD = range(32512, 32519)
IDC_ARROW, IDC_IBEAM, IDC_WAIT, IDC_CROSS, IDC_UPARROW = 32512, 32513, 32514, 32515, 32516
IDC_SIZE, IDC_ICON, IDC_SIZENWSE, IDC_SIZENESW, IDC_SIZEWE, IDC_SIZENS, IDC_SIZEALL = range(32640, 32647)
IDC_NO, IDC_HAND, IDC_APPSTARTING, IDC_HELP = 32648, 32649, 32650, 32651

_HANDLE_BASE = 0x00F00000  # user handles of icons/cursors (apart from window handles and GDI handles)
_PNG_SIG = b"\x89PNG\r\n\x1a\n"
WHITE = 0xFFFFFF

Name = int | str


# ---- icon objects ---------------------------------------------------------------------------------
@dataclass(eq=False)
class IconObj:
    """An icon or cursor: images, hotspot, and where it came from."""
    width: int
    height: int
    xor: np.ndarray  # (h, w) uint32 0x00RRGGBB: the XOR (colour) image
    andm: np.ndarray  # (h, w) bool: AND mask bit (True: transparent / keep the destination)
    alpha: np.ndarray | None = None  # (h, w) uint8 for 32-bit images with an alpha channel
    is_icon: bool = True
    hotspot: tuple[int, int] = (0, 0)
    mono: bool = False  # no colour bitmap (1-bit black/white image)
    bpp: int = 32  # depth of the source image
    shared: bool = False
    module: int = 0  # source module (0: system or none)
    res: Name | None = None  # source resource name/id (or file path for files)
    from_file: bool = False
    handle: int = 0

    def copy(self) -> "IconObj":
        return IconObj(self.width, self.height, self.xor.copy(), self.andm.copy(),
                       None if self.alpha is None else self.alpha.copy(), self.is_icon, self.hotspot, self.mono,
                       self.bpp, False, self.module, self.res, self.from_file)


@dataclass
class IconState:
    objs: dict[int, IconObj] = field(default_factory=dict)
    shared: dict[tuple[int, Name, bool, int, int], int] = field(default_factory=dict)  # module, name, kind, size
    next: int = 0
    current: int | None = None  # SetCursor's cursor (None: not yet set, the arrow)
    small: dict[int, int] = field(default_factory=dict)  # icon -> its SM_CXSMICON version (small_icon)


def state(m: "Machine") -> IconState:
    st = m.state.get("icons")
    if st is None:
        st = IconState()
        m.state["icons"] = st
    return st


def add(m: "Machine", ic: IconObj) -> int:
    """Register ``ic`` and return its new handle."""
    st = state(m)
    while True:
        h = _HANDLE_BASE + 4 * (st.next & 0x3FFFF)
        st.next += 1
        if h not in st.objs:
            break
    ic.handle = h
    st.objs[h] = ic
    return h


def get(m: "Machine", h: int) -> IconObj | None:
    """The icon/cursor of handle ``h`` (None if invalid)."""
    st = m.state.get("icons")
    return st.objs.get(h) if st is not None else None


def _metric(m: "Machine", idx: int) -> int:
    from . import desktop  # noqa: PLC0415
    return int(desktop.GetSystemMetrics(m, idx)) or 32


def _screen_bpp(m: "Machine") -> int:
    from . import desktop  # noqa: PLC0415
    return int(desktop.screen(m).bpp)


# ---- image decoding -------------------------------------------------------------------------------
@dataclass
class Image:
    """A decoded icon image."""
    xor: np.ndarray
    andm: np.ndarray
    alpha: np.ndarray | None
    bpp: int
    mono: bool


def _stride(w: int, bpp: int) -> int:
    return ((w * bpp + 31) // 32) * 4


def _rows(data: bytes, off: int, w: int, h: int, bpp: int) -> np.ndarray | None:
    """(h, stride) uint8 rows of a bottom-up DIB as top-down rows; None if truncated."""
    st = _stride(w, bpp)
    if off + st * h > len(data):
        return None
    return np.frombuffer(data, np.uint8, count=st * h, offset=off).reshape(h, st)[::-1]


def _indices(raw: np.ndarray, w: int, bpp: int) -> np.ndarray:
    if bpp == 8:
        return raw[:, :w]
    if bpp == 1:
        return np.unpackbits(raw, axis=1)[:, :w]
    if bpp == 2:
        b = raw[:, :(w + 3) // 4]
        idx = np.stack([(b >> 6) & 3, (b >> 4) & 3, (b >> 2) & 3, b & 3], axis=2).reshape(raw.shape[0], -1)
        return idx[:, :w]
    b = raw[:, :(w + 1) // 2]
    idx = np.empty((raw.shape[0], b.shape[1] * 2), np.uint8)
    idx[:, 0::2] = b >> 4
    idx[:, 1::2] = b & 0x0F
    return idx[:, :w]


def decode_image(data: bytes) -> Image | None:
    """An RT_ICON / RT_CURSOR image (without a cursor's hotspot prefix): a DIB with doubled height (XOR image
    then AND mask), or a PNG; None if it is not one."""
    if data[:8] == _PNG_SIG:
        return _decode_png(data)
    if len(data) < 12:
        return None
    hs = struct.unpack_from("<I", data)[0]
    if hs == 12:
        _s, w, h2, _planes, bpp = struct.unpack_from("<IHHHH", data)
        comp, used = 0, 0
        esz = 3
    elif 40 <= hs <= len(data):
        _s, w, h2, _planes, bpp, comp, _simg, _x, _y, used, _imp = struct.unpack_from("<IiiHHIIiiII", data)
        esz = 4
    else:
        return None
    h = abs(h2) // 2
    if w <= 0 or h <= 0 or w > 1024 or h > 1024 or bpp not in (1, 2, 4, 8, 16, 24, 32) or comp not in (0, 3):
        return None
    off = hs
    masks = (0x7C00, 0x03E0, 0x001F) if bpp == 16 else (0xFF0000, 0xFF00, 0xFF)
    if comp == 3:
        if bpp not in (16, 32) or off + 12 > len(data):
            return None
        masks = struct.unpack_from("<III", data, off) if hs < 52 else struct.unpack_from("<III", data, 40)
        if hs < 52:
            off += 12
    table = np.zeros(256, np.uint32)
    if bpp <= 8:
        n = used if 0 < used <= (1 << bpp) else (1 << bpp)
        raw = data[off:off + esz * n]
        if len(raw) < esz * n:
            return None
        ents = np.frombuffer(raw, np.uint8).reshape(n, esz).astype(np.uint32)
        table[:n] = (ents[:, 2] << 16) | (ents[:, 1] << 8) | ents[:, 0]
        off += esz * n
    rows = _rows(data, off, w, h, bpp)
    if rows is None:
        return None
    alpha = None
    if bpp <= 8:
        xor = table[_indices(rows, w, bpp)]
    elif bpp == 24:
        r = rows[:, :3 * w].reshape(h, w, 3).astype(np.uint32)
        xor = (r[:, :, 2] << 16) | (r[:, :, 1] << 8) | r[:, :, 0]
    else:
        v = rows[:, :(bpp // 8) * w].copy().view("<u2" if bpp == 16 else "<u4").astype(np.uint32)
        if comp == 0 and bpp == 32:
            xor = v & np.uint32(WHITE)
            a = (v >> np.uint32(24)).astype(np.uint8)
            alpha = a if a.any() else None
        else:
            xor = _fields(v, masks)
    off += _stride(w, bpp) * h
    mrows = _rows(data, off, w, h, 1)
    andm = np.zeros((h, w), bool) if mrows is None else np.unpackbits(mrows, axis=1)[:, :w].astype(bool)
    mono = bpp == 1 and int(table[0]) == 0 and int(table[1]) == WHITE
    return Image(np.ascontiguousarray(xor, np.uint32), np.ascontiguousarray(andm), alpha, bpp, mono)


def _fields(v: np.ndarray, masks: tuple[int, ...]) -> np.ndarray:
    out = np.zeros(v.shape, np.uint32)
    for mask, shift in zip(masks, (16, 8, 0)):
        if not mask:
            continue
        lo = (mask & -mask).bit_length() - 1
        bits = mask.bit_count()
        c = (v & np.uint32(mask)) >> np.uint32(lo)
        c = (c << np.uint32(8 - bits)) | (c >> np.uint32(max(2 * bits - 8, 0))) if bits < 8 else \
            c >> np.uint32(bits - 8)
        out |= (c & np.uint32(0xFF)) << np.uint32(shift)
    return out


def _decode_png(data: bytes) -> Image | None:
    from PIL import Image as PILImage  # noqa: PLC0415
    try:
        im = PILImage.open(io.BytesIO(data))
        im = im.convert("RGBA")
    except Exception:  # noqa: BLE001 - any decoder failure means "not a valid image"
        return None
    a = np.asarray(im, np.uint8)
    rgb = (a[:, :, 0].astype(np.uint32) << 16) | (a[:, :, 1].astype(np.uint32) << 8) | a[:, :, 2]
    alpha = np.ascontiguousarray(a[:, :, 3])
    return Image(rgb, alpha == 0, alpha, 32, False)


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] == _PNG_SIG and len(data) >= 24:
        return struct.unpack_from(">II", data, 16)
    return None


def image_header(data: bytes) -> tuple[int, int, int] | None:
    """(width, height, bpp) of an icon image without decoding it."""
    ps = _png_size(data)
    if ps is not None:
        return ps[0], ps[1], 32
    if len(data) < 16:
        return None
    hs = struct.unpack_from("<I", data)[0]
    if hs == 12:
        _s, w, h2, _p, bpp = struct.unpack_from("<IHHHH", data)
    elif hs >= 40 and len(data) >= 16:
        _s, w, h2, _p, bpp = struct.unpack_from("<IiiHH", data)
    else:
        return None
    return w, abs(h2) // 2, bpp


def _resample(a: np.ndarray, w: int, h: int) -> np.ndarray:
    """Nearest-neighbour stretch of a 2-D array to (h, w)."""
    sh, sw = a.shape
    if (sh, sw) == (h, w):
        return a
    ys = (np.arange(h) * sh) // max(h, 1)
    xs = (np.arange(w) * sw) // max(w, 1)
    return a[ys[:, None], xs[None, :]]


def _make(img: Image, cx: int, cy: int, is_icon: bool, hotspot: tuple[int, int], flags: int) -> IconObj:
    """An IconObj from a decoded image stretched to (cx, cy) (0: the image's own size)."""
    h0, w0 = img.xor.shape
    w, h = cx or w0, cy or h0
    xor, andm = _resample(img.xor, w, h), _resample(img.andm, w, h)
    alpha = _resample(img.alpha, w, h) if img.alpha is not None else None
    mono = img.mono
    if flags & LR_MONOCHROME and not mono:
        lum = ((xor >> 16) & 0xFF) * 30 + ((xor >> 8) & 0xFF) * 59 + (xor & 0xFF) * 11
        xor = np.where(lum >= 12800, np.uint32(WHITE), np.uint32(0))
        if alpha is not None:  # the alpha channel becomes the mask
            andm = alpha < 128
            xor[andm] = 0
            alpha = None
        mono = True
    hx, hy = hotspot
    if (w, h) != (w0, h0):
        hx, hy = hx * w // max(w0, 1), hy * h // max(h0, 1)
    if is_icon:
        hx, hy = w // 2, h // 2
    return IconObj(w, h, np.ascontiguousarray(xor, np.uint32), np.ascontiguousarray(andm),
                   None if alpha is None else np.ascontiguousarray(alpha), is_icon, (hx, hy), mono,
                   1 if mono else img.bpp)


# ---- picking the best image of a group -------------------------------------------------------------
@dataclass
class Entry:
    width: int
    height: int
    bpp: int
    ident: int  # resource id (groups) or index (files)
    hotspot: tuple[int, int] = (0, 0)
    offset: int = 0
    size: int = 0


def best_entry(m: "Machine", entries: list[Entry], cx: int, cy: int, flags: int) -> Entry | None:
    """The entry Windows would pick for (cx, cy): nearest size first, then the best colour depth for the
    display (the deepest not above the screen's depth, LR_MONOCHROME: 1 bit)."""
    if not entries:
        return None
    scr = 1 if flags & LR_MONOCHROME else _screen_bpp(m)

    def key(e: Entry) -> tuple[int, int, int]:
        size = abs(e.width - cx) + abs(e.height - cy)
        bpp = e.bpp or 8
        return (size, 0 if bpp <= scr else 1, scr - bpp if bpp <= scr else bpp - scr)
    return min(entries, key=key)


def _dir_entries(data: bytes, is_icon: bool, in_file: bool) -> list[Entry] | None:
    """Entries of a GRPICONDIR (resource) or ICONDIR (.ico/.cur file); None if it is not one."""
    if len(data) < 6:
        return None
    res, typ, n = struct.unpack_from("<HHH", data)
    if res != 0 or typ != (1 if is_icon else 2):
        return None
    esz = 16 if in_file else 14
    if len(data) < 6 + esz * n:
        return None
    out: list[Entry] = []
    for i in range(n):
        o = 6 + esz * i
        if in_file:
            bw, bh, colors, _r, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, o)
            w, h = bw or 256, bh or 256
            hot = (planes, bits) if not is_icon else (0, 0)
            bpp = (bits if is_icon else 0) or _bpp_from_colors(colors)
            out.append(Entry(w, h, bpp, i, hot, offset, size))
        elif is_icon:
            bw, bh, colors, _r, _planes, bits, size, nid = struct.unpack_from("<BBBBHHIH", data, o)
            out.append(Entry(bw or 256, bh or 256, bits or _bpp_from_colors(colors), nid, size=size))
        else:
            w, h, _planes, bits, size, nid = struct.unpack_from("<HHHHIH", data, o)
            out.append(Entry(w, h // 2 if h == 2 * w else h, bits, nid, size=size))
    return out


def _bpp_from_colors(colors: int) -> int:
    return {2: 1, 4: 2, 16: 4}.get(colors, 8 if colors else 0)


def _desired(m: "Machine", is_icon: bool, cx: int, cy: int, flags: int, first: Entry | None) -> tuple[int, int]:
    """The size to pick/stretch to: cx/cy, the system metric (LR_DEFAULTSIZE) or the first image's size."""
    if flags & LR_DEFAULTSIZE or first is None:
        dx = _metric(m, SM_CXICON if is_icon else SM_CXCURSOR)
        dy = _metric(m, SM_CYICON if is_icon else SM_CYCURSOR)
    else:
        dx, dy = first.width, first.height
    return cx or dx, cy or dy


# ---- loading --------------------------------------------------------------------------------------
def _module_ok(m: "Machine", hinst: int) -> bool:
    mod = m.proc.module_at(hinst) if hinst else None
    return mod is not None and mod.base == hinst


def _res_bytes(m: "Machine", base: int, rtype: int, name: Name) -> bytes | None:
    r = resources.find(m, base, rtype, name)
    if r is None:
        return None
    return m.mem.read(r[0], r[1])


def _load_resource(m: "Machine", hinst: int, name: Name, is_icon: bool, cx: int, cy: int,
                   flags: int) -> IconObj | None:
    gdata = _res_bytes(m, hinst, resources.RT_GROUP_ICON if is_icon else resources.RT_GROUP_CURSOR, name)
    if gdata is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return None
    ents = _dir_entries(gdata, is_icon, False)
    if not ents:
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    rtype = resources.RT_ICON if is_icon else resources.RT_CURSOR
    real: list[tuple[Entry, bytes]] = []
    for e in ents:  # sizes and depths from the images themselves (directories are not always right)
        d = _res_bytes(m, hinst, rtype, e.ident)
        if d is None:
            continue
        hdr = image_header(d if is_icon else d[4:])
        if hdr is not None:
            e = Entry(hdr[0], hdr[1], hdr[2], e.ident)
        real.append((e, d))
    if not real:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return None
    w, h = _desired(m, is_icon, cx, cy, flags, real[0][0])
    best = best_entry(m, [e for e, _ in real], w, h, flags)
    data = next(d for e, d in real if e is best)
    ic = from_resource_bits(m, data, is_icon, w if (cx or flags & LR_DEFAULTSIZE) else 0,
                            h if (cy or flags & LR_DEFAULTSIZE) else 0, flags)
    if ic is None:
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    ic.module, ic.res = hinst, name
    return ic


def from_resource_bits(m: "Machine", data: bytes, is_icon: bool, cx: int, cy: int, flags: int) -> IconObj | None:
    """An icon from RT_ICON bits, or a cursor from RT_CURSOR bits (a 4-byte hotspot, then the image)."""
    hot = (0, 0)
    if not is_icon:
        if len(data) < 4:
            return None
        hot = struct.unpack_from("<HH", data)
        data = data[4:]
    img = decode_image(data)
    if img is None:
        return None
    return _make(img, cx, cy, is_icon, hot, flags)


def _load_file(m: "Machine", path: str, is_icon: bool, cx: int, cy: int, flags: int) -> IconObj | None:
    from emu.sandbox import PathError  # noqa: PLC0415
    try:
        with open(m.fs.host_path(path), "rb") as f:
            data = f.read(1 << 24)
    except PathError as e:
        m.set_last_error(e.args[0] if e.args and isinstance(e.args[0], int) else ERROR_FILE_NOT_FOUND)
        return None
    except OSError:
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return None
    return from_file_bits(m, data, is_icon, cx, cy, flags, path)


def from_file_bits(m: "Machine", data: bytes, is_icon: bool, cx: int, cy: int, flags: int,
                   path: str = "") -> IconObj | None:
    """An icon or cursor from the contents of a .ico / .cur file (either kind loads as either)."""
    ents = _dir_entries(data, is_icon, True) or _dir_entries(data, not is_icon, True)
    if not ents:
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    for e in ents:
        hdr = image_header(data[e.offset:e.offset + e.size])
        if hdr is not None:
            e.width, e.height, e.bpp = hdr
    w, h = _desired(m, is_icon, cx, cy, flags, ents[0])
    best = best_entry(m, ents, w, h, flags)
    assert best is not None
    img = decode_image(data[best.offset:best.offset + best.size])
    if img is None:
        m.set_last_error(ERROR_INVALID_DATA)
        return None
    ic = _make(img, w if (cx or flags & LR_DEFAULTSIZE) else 0, h if (cy or flags & LR_DEFAULTSIZE) else 0,
               is_icon, best.hotspot, flags)
    ic.res, ic.from_file = path, True
    return ic


def _name_key(name: Name) -> Name:
    if isinstance(name, str):
        n = name.upper()
        return int(n[1:]) if n.startswith("#") and n[1:].isdigit() else n
    return name


def load_image_other(m: "Machine", hinst: int, name: Name | None, type: int, cx: int, cy: int, flags: int) -> int:
    """LoadImage for IMAGE_ICON / IMAGE_CURSOR: a resource of ``hinst``, a system image (hinst NULL), or a
    .ico/.cur file (LR_LOADFROMFILE); LR_SHARED returns the same handle for the same module, name and size."""
    if type not in (IMAGE_ICON, IMAGE_CURSOR) or name is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    is_icon = type == IMAGE_ICON
    if flags & LR_LOADFROMFILE:
        if not isinstance(name, str):
            m.set_last_error(ERROR_FILE_NOT_FOUND)
            return 0
        ic = _load_file(m, name, is_icon, cx, cy, flags)
        return add(m, ic) if ic is not None else 0
    key = _name_key(name)
    st = state(m)
    if flags & LR_DEFAULTSIZE:
        cx = cx or _metric(m, SM_CXICON if is_icon else SM_CXCURSOR)
        cy = cy or _metric(m, SM_CYICON if is_icon else SM_CYCURSOR)
    skey = (hinst, key, is_icon, cx, cy)
    if flags & LR_SHARED:
        h = st.shared.get(skey)
        if h is not None and h in st.objs:
            return h
    if hinst == 0:
        ic = _system(m, key, is_icon, cx, cy, flags)
        if ic is None:
            m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
            return 0
    else:
        if not _module_ok(m, hinst):
            m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
            return 0
        ic = _load_resource(m, hinst, key, is_icon, cx, cy, flags)
        if ic is None:
            return 0
    ic.res = name
    h = add(m, ic)
    if flags & LR_SHARED:
        ic.shared = True
        st.shared[skey] = h
    return h


def load_icon(m: "Machine", hinst: int, name: Name | None) -> int:
    """LoadIcon: a shared icon at SM_CXICON size from ``hinst``'s resources, or a system icon (hinst 0)."""
    return load_image_other(m, hinst, name, IMAGE_ICON, 0, 0, LR_SHARED | LR_DEFAULTSIZE)


def load_cursor(m: "Machine", hinst: int, name: Name | None) -> int:
    """LoadCursor: a shared cursor from ``hinst``'s resources, or a system cursor (hinst 0)."""
    return load_image_other(m, hinst, name, IMAGE_CURSOR, 0, 0, LR_SHARED | LR_DEFAULTSIZE)


def system_cursor(m: "Machine", ident: int) -> int:
    """Handle of the shared system cursor IDC_x (0 if unknown)."""
    return load_cursor(m, 0, ident)


# ---- procedural system artwork --------------------------------------------------------------------
class _Art:
    """A square canvas drawn in a 32-unit coordinate system (pixel centres sampled)."""

    def __init__(self, size: int) -> None:
        self.n = size
        c = (np.arange(size) + 0.5) * (32.0 / size)
        self.X, self.Y = np.meshgrid(c, c)
        self.px = np.zeros((size, size), np.uint32)
        self.opaque = np.zeros((size, size), bool)
        self.invert = np.zeros((size, size), bool)

    # shapes: boolean arrays over the canvas, optionally on rotated coordinates
    def coords(self, rot: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
        if not rot:
            return self.X, self.Y
        a = math.radians(rot)
        dx, dy = self.X - 16, self.Y - 16
        return dx * math.cos(a) + dy * math.sin(a) + 16, -dx * math.sin(a) + dy * math.cos(a) + 16

    def ellipse(self, cx: float, cy: float, rx: float, ry: float | None = None) -> np.ndarray:
        ry = rx if ry is None else ry
        return ((self.X - cx) / rx) ** 2 + ((self.Y - cy) / ry) ** 2 <= 1.0

    def rect(self, x0: float, y0: float, x1: float, y1: float, rot: float = 0.0) -> np.ndarray:
        X, Y = self.coords(rot)
        return (X >= x0) & (X < x1) & (Y >= y0) & (Y < y1)

    def poly(self, pts: list[tuple[float, float]], rot: float = 0.0) -> np.ndarray:
        X, Y = self.coords(rot)
        inside = np.zeros(X.shape, bool)
        n = len(pts)
        for i in range(n):
            x0, y0 = pts[i]
            x1, y1 = pts[(i + 1) % n]
            if y0 == y1:
                continue
            cond = (Y >= min(y0, y1)) & (Y < max(y0, y1))
            xi = x0 + (Y - y0) * (x1 - x0) / (y1 - y0)
            inside ^= cond & (X < xi)
        return inside

    def seg(self, x0: float, y0: float, x1: float, y1: float, w: float) -> np.ndarray:
        dx, dy = x1 - x0, y1 - y0
        ll = dx * dx + dy * dy or 1.0
        t = np.clip(((self.X - x0) * dx + (self.Y - y0) * dy) / ll, 0.0, 1.0)
        return (self.X - x0 - t * dx) ** 2 + (self.Y - y0 - t * dy) ** 2 <= (w / 2) ** 2

    # painting
    def paint(self, shape: np.ndarray, rgb: int) -> None:
        self.px[shape] = rgb
        self.opaque |= shape
        self.invert &= ~shape

    def outlined(self, shape: np.ndarray, fill: int, line: int = 0) -> None:
        """``shape`` filled with ``fill`` and a one-pixel ``line`` border inside its edge."""
        self.paint(shape, line)
        self.paint(_erode(shape), fill)

    def haloed(self, shape: np.ndarray, fill: int = 0, halo: int = WHITE) -> None:
        """``shape`` in ``fill`` with a one-pixel ``halo`` around it (cursor style)."""
        self.paint(_dilate(shape) & ~shape, halo)
        self.paint(shape, fill)

    def xor(self, shape: np.ndarray) -> None:
        """Pixels that invert the screen."""
        self.opaque &= ~shape
        self.invert |= shape


def _erode(a: np.ndarray) -> np.ndarray:
    p = np.pad(a, 1)
    return a & p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:]


def _dilate(a: np.ndarray) -> np.ndarray:
    p = np.pad(a, 1)
    return a | p[:-2, 1:-1] | p[2:, 1:-1] | p[1:-1, :-2] | p[1:-1, 2:]


RED, WHITE_, BLACK, BLUE, YELLOW, NAVY, GREEN, GREY = 0xFF0000, 0xFFFFFF, 0, 0x0000FF, 0xFFFF00, 0x000080, \
    0x00FF00, 0x808080


def _balloon(a: _Art) -> np.ndarray:
    return a.ellipse(16.5, 13, 14.5, 11.5) | a.poly([(8, 21), (14, 23.5), (5, 31)])


def _shadow(a: _Art, shape: np.ndarray, d: int = 2) -> None:
    k = max(1, d * a.n // 32)
    sh = np.zeros_like(shape)
    sh[k:, k:] = shape[:-k, :-k]
    a.paint(sh & ~shape, GREY)


def _icon_error(a: _Art) -> None:
    disc = a.ellipse(16, 16, 14.6)
    _shadow(a, disc)
    a.outlined(disc, RED, 0x800000)
    a.paint(a.seg(10.5, 10.5, 21.5, 21.5, 3.6) | a.seg(21.5, 10.5, 10.5, 21.5, 3.6), WHITE_)


def _icon_info(a: _Art) -> None:
    b = _balloon(a)
    _shadow(a, b)
    a.outlined(b, WHITE_)
    a.paint(a.ellipse(16.5, 6.5, 2.3), BLUE)
    a.paint(a.rect(14.5, 10.5, 18.5, 20) | a.rect(12.5, 10.5, 18.5, 12.5) | a.rect(12.5, 18.5, 20.5, 21), BLUE)


def _icon_question(a: _Art) -> None:
    b = _balloon(a)
    _shadow(a, b)
    a.outlined(b, WHITE_)
    r = np.hypot(a.X - 16.5, a.Y - 9)
    ring = (r >= 2.6) & (r <= 6.2)
    arc = ring & ((a.Y <= 9) | (a.X >= 16.5) & (a.Y <= 12.5))
    stem = a.poly([(18.5, 11.5), (21.5, 13), (18.3, 16.5), (18.3, 18), (14.7, 18), (14.7, 15.5)])
    a.paint(arc | stem | a.rect(14.7, 19.5, 18.3, 23), BLUE)


def _icon_warning(a: _Art) -> None:
    tri = a.poly([(16, 1.5), (31, 29), (1, 29)])
    _shadow(a, tri)
    a.outlined(tri, YELLOW)
    a.paint(a.poly([(14.3, 9), (17.7, 9), (17, 20), (15, 20)]) | a.rect(14.6, 22, 17.4, 25.5), BLACK)


def _icon_application(a: _Art) -> None:
    win = a.rect(2, 3.5, 30, 28.5)
    _shadow(a, win)
    a.outlined(win, WHITE_)
    a.paint(a.rect(3, 4.5, 29, 9.5), NAVY)
    a.paint(a.rect(24.5, 5.5, 28, 8.5), 0xC0C0C0)


def _icon_winlogo(a: _Art) -> None:
    def tile(x: float, y: float) -> list[tuple[float, float]]:
        return [(x, y + 1.5), (x + 11, y), (x + 11, y + 11), (x, y + 12.5)]
    for (x, y), col in (((4, 3.5), RED), ((17, 2), GREEN), ((4, 17), BLUE), ((17, 15.5), YELLOW)):
        a.paint(a.poly(tile(x, y)), col)


def _icon_shield(a: _Art) -> None:
    sh = a.poly([(16, 2), (29, 6), (28, 18), (16, 30), (4, 18), (3, 6)])
    a.outlined(sh, BLUE)
    a.paint(sh & _erode(sh) & (((a.X < 16) & (a.Y >= 16)) | ((a.X >= 16) & (a.Y < 16))), YELLOW)


_ICON_ART: dict[int, Callable[[_Art], None]] = {
    IDI_APPLICATION: _icon_application, IDI_HAND: _icon_error, IDI_QUESTION: _icon_question,
    IDI_EXCLAMATION: _icon_warning, IDI_ASTERISK: _icon_info, IDI_WINLOGO: _icon_winlogo, IDI_SHIELD: _icon_shield,
}

_ARROW = [(0, -0.2), (0, 16.8), (4, 12.8), (7, 19.8), (10, 18.8), (7, 11.8), (12, 11.8)]


def _arrow(a: _Art, dx: float = 0, dy: float = 0) -> np.ndarray:
    return a.poly([(x + dx, y + dy) for x, y in _ARROW])


def _double_arrow(a: _Art, rot: float) -> np.ndarray:
    head = 4.5
    return (a.poly([(16, 4.5), (16 + head + 0.5, 9.5), (16 - head - 0.5, 9.5)], rot)
            | a.poly([(16, 27.5), (16 + head + 0.5, 22.5), (16 - head - 0.5, 22.5)], rot)
            | a.rect(15, 9, 17, 23, rot))


def _hourglass(a: _Art, x: float, y: float, s: float) -> None:
    def p(u: float, v: float) -> tuple[float, float]:
        return (x + u * s, y + v * s)
    glass = a.poly([p(1, 2), p(11, 2), p(11, 4), p(7, 8), p(11, 12), p(11, 14), p(1, 14), p(1, 12), p(5, 8),
                    p(1, 4)])
    bars = a.poly([p(0, 0), p(12, 0), p(12, 2), p(0, 2)]) | a.poly([p(0, 14), p(12, 14), p(12, 16), p(0, 16)])
    a.haloed(bars | glass, BLACK)
    a.paint(_erode(glass), WHITE_)
    a.paint(a.poly([p(6, 7.5), p(8.5, 4.5), p(3.5, 4.5)]) | a.poly([p(6, 10), p(9.5, 13.5), p(2.5, 13.5)]),
            BLACK)


def _cur_arrow(a: _Art) -> tuple[int, int]:
    a.outlined(_arrow(a), WHITE_)
    return (0, 0)


def _cur_ibeam(a: _Art) -> tuple[int, int]:
    a.xor(a.rect(15, 9, 16, 24) | a.rect(12, 8, 15, 9) | a.rect(16, 8, 19, 9) | a.rect(12, 24, 15, 25)
          | a.rect(16, 24, 19, 25))
    return (15, 16)


def _cur_wait(a: _Art) -> tuple[int, int]:
    _hourglass(a, 10, 8, 1.0)
    return (16, 16)


def _cur_cross(a: _Art) -> tuple[int, int]:
    a.haloed(a.rect(15, 5, 16, 27) | a.rect(5, 15, 27, 16), BLACK)
    return (15, 15)


def _cur_uparrow(a: _Art) -> tuple[int, int]:
    a.haloed(a.poly([(15.5, 3), (21.5, 10), (9.5, 10)]) | a.rect(14, 10, 17, 27), BLACK)
    return (15, 3)


def _sizer(rot: float) -> Callable[[_Art], tuple[int, int]]:
    def draw(a: _Art) -> tuple[int, int]:
        a.haloed(_double_arrow(a, rot), BLACK)
        return (16, 16)
    return draw


def _cur_sizeall(a: _Art) -> tuple[int, int]:
    a.haloed(_double_arrow(a, 0) | _double_arrow(a, 90), BLACK)
    return (16, 16)


def _cur_no(a: _Art) -> tuple[int, int]:
    r = np.hypot(a.X - 16, a.Y - 16)
    a.haloed(((r >= 6.5) & (r <= 9.5)) | (a.seg(10.5, 10.5, 21.5, 21.5, 3) & (r <= 9.5)), BLACK)
    return (16, 16)


def _cur_hand(a: _Art) -> tuple[int, int]:
    finger = a.rect(10, 3, 14, 16) | a.ellipse(12, 3.5, 2)
    fingers = (a.rect(14, 11, 23, 16) | a.ellipse(16, 11.5, 2) | a.ellipse(19, 12, 2) | a.ellipse(22, 13, 1.8))
    palm = a.poly([(10, 15), (24, 15), (24, 22), (21, 27), (12, 27), (5, 19), (6, 17.5), (10, 19)])
    shape = finger | fingers | palm
    a.outlined(shape, WHITE_)
    a.paint(a.rect(14, 13, 14.8, 17) | a.rect(17, 13, 17.8, 17) | a.rect(20, 13.5, 20.8, 17), BLACK)
    return (12, 2)


def _cur_appstarting(a: _Art) -> tuple[int, int]:
    a.outlined(_arrow(a), WHITE_)
    _hourglass(a, 15, 13, 0.75)
    return (0, 0)


def _cur_help(a: _Art) -> tuple[int, int]:
    a.outlined(_arrow(a), WHITE_)
    r = np.hypot(a.X - 19, a.Y - 6)
    q = (((r >= 1.5) & (r <= 4)) & ((a.Y <= 6) | (a.X >= 19) & (a.Y <= 8))) | a.rect(17.5, 8.5, 20, 12) \
        | a.rect(17.5, 13.5, 20, 16)
    a.haloed(q, BLACK)
    return (0, 0)


_CURSOR_ART: dict[int, Callable[[_Art], tuple[int, int]]] = {
    IDC_ARROW: _cur_arrow, IDC_IBEAM: _cur_ibeam, IDC_WAIT: _cur_wait, IDC_CROSS: _cur_cross,
    IDC_UPARROW: _cur_uparrow, IDC_SIZE: _cur_sizeall, IDC_SIZENWSE: _sizer(-45), IDC_SIZENESW: _sizer(45),
    IDC_SIZEWE: _sizer(90), IDC_SIZENS: _sizer(0), IDC_SIZEALL: _cur_sizeall, IDC_NO: _cur_no, IDC_HAND: _cur_hand,
    IDC_APPSTARTING: _cur_appstarting, IDC_HELP: _cur_help,
}


def _system(m: "Machine", ident: Name, is_icon: bool, cx: int, cy: int, flags: int) -> IconObj | None:
    """A system icon (IDI_x / OIC_x) or cursor (IDC_x / OCR_x) drawn procedurally."""
    if not isinstance(ident, int):
        return None
    if is_icon:
        art = _ICON_ART.get(ident)
        if art is None:
            return None
        w, h = _desired(m, True, cx, cy, flags | LR_DEFAULTSIZE, None)
        a = _Art(max(w, h))
        art(a)
        hot = (0, 0)
    else:
        cart = _CURSOR_ART.get(ident)
        if cart is None:
            return None
        w, h = _desired(m, False, cx, cy, flags | LR_DEFAULTSIZE, None)
        a = _Art(32)
        hot = cart(a)
    img = Image(np.where(a.opaque, a.px, np.where(a.invert, np.uint32(WHITE), np.uint32(0))).astype(np.uint32),
                ~a.opaque, None, 4 if is_icon else 1, not is_icon)
    ic = _make(img, w, h, is_icon, hot, flags)
    return ic


# ---- drawing --------------------------------------------------------------------------------------
def draw_icon_ex(dc: "DC", x: int, y: int, ic: IconObj, cx: int, cy: int, flags: int,
                 brush: int = 0) -> bool:
    """Draw ``ic`` at logical (x, y) sized (cx, cy) through ``dc``'s clipping: DI_MASK ANDs the mask,
    DI_IMAGE XORs the image (each alone copies), 32-bit images with alpha blend; ``brush`` (non-zero) fills
    the rectangle first (DrawIconEx's flicker-free background)."""
    m = dc.m
    if not cx:
        cx = _metric(m, SM_CXICON if ic.is_icon else SM_CXCURSOR) if flags & DI_DEFAULTSIZE else ic.width
    if not cy:
        cy = _metric(m, SM_CYICON if ic.is_icon else SM_CYCURSOR) if flags & DI_DEFAULTSIZE else ic.height
    l, t, r, b = dc.lrect(x, y, x + cx, y + cy)
    w, h = r - l, b - t
    if w <= 0 or h <= 0:
        return True
    xor = _resample(ic.xor, w, h)
    andm = _resample(ic.andm, w, h)
    alpha = _resample(ic.alpha, w, h) if ic.alpha is not None else None
    bg: int | None = None
    if brush:
        br = gdiobj.table(m).get(brush, gdiobj.Brush)
        if br is None and 0 < brush <= 31:
            from . import syscolor  # noqa: PLC0415
            from .surface import colorref_to_px  # noqa: PLC0415
            bg = colorref_to_px(syscolor.get(m, brush - 1))
        elif br is not None:
            bg = dc.brush_px(br)
    s = dc.begin()
    if s is None:
        return False
    clips = dc.device_rect_clips((l, t, r, b))
    ox, oy = dc.dev_org
    mono_dst = dc.bitmap is not None and dc.bitmap.bpp == 1 and dc.kind == gdiobj.OBJ_MEMDC
    keep = np.uint32(WHITE)
    for x0, y0, x1, y1 in clips:
        iy, ix = y0 - (t + oy), x0 - (l + ox)
        sl = (slice(iy, iy + y1 - y0), slice(ix, ix + x1 - x0))
        d = s.px[y0:y1, x0:x1]
        if bg is not None:
            d = np.full(d.shape, bg, np.uint32)
        c, mk = xor[sl], andm[sl]
        if alpha is not None and flags & DI_NORMAL == DI_NORMAL:
            a = alpha[sl].astype(np.uint32)
            na = np.uint32(255) - a
            out = d & np.uint32(0xFF000000)
            for sh in (16, 8, 0):
                dc_ = (d >> np.uint32(sh)) & np.uint32(0xFF)
                sc = (c >> np.uint32(sh)) & np.uint32(0xFF)
                out |= ((sc * a + dc_ * na + np.uint32(127)) // np.uint32(255)) << np.uint32(sh)
        elif flags & DI_NORMAL == DI_NORMAL:
            out = (d & np.where(mk, keep, np.uint32(0))) ^ c
        elif flags & DI_MASK:
            out = np.where(mk, keep, np.uint32(0))
        else:
            out = c.copy()
        if mono_dst:
            lum = ((out >> 16) & 0xFF) * 30 + ((out >> 8) & 0xFF) * 59 + (out & 0xFF) * 11
            out = np.where(lum >= 12800, keep, np.uint32(0))
        s.px[y0:y1, x0:x1] = out
    if clips:
        bx0, by0 = min(c[0] for c in clips), min(c[1] for c in clips)
        bx1, by1 = max(c[2] for c in clips), max(c[3] for c in clips)
        dc.end((bx0, by0, bx1, by1))
    return True


def draw_icon(dc: "DC", x: int, y: int, hicon: int) -> bool:
    """Draw an icon at its own size (``icon_size``), mask then image, at logical (x, y): for controls and
    message boxes (the DrawIcon API itself uses the system icon size)."""
    ic = get(dc.m, hicon)
    if ic is None:
        return False
    return draw_icon_ex(dc, x, y, ic, 0, 0, DI_NORMAL)


# ---- GDI bitmaps of an icon -----------------------------------------------------------------------
def _new_bitmap(m: "Machine", px: np.ndarray, bpp: int) -> int:
    h, w = px.shape
    s = Surface(w, h)
    s.px[:] = px
    bm = Bitmap(width=w, height=h, bpp=bpp, surface=s)
    return gdiobj.table(m).add(bm)


def icon_bitmaps(m: "Machine", ic: IconObj) -> tuple[int, int]:
    """New GDI bitmaps (mask, colour) as GetIconInfo returns them (colour 0 for monochrome icons, whose
    mask is twice as high: AND mask over XOR image)."""
    mask = np.where(ic.andm, np.uint32(WHITE), np.uint32(0))
    if ic.mono:
        img = np.where(ic.xor != 0, np.uint32(WHITE), np.uint32(0))
        return _new_bitmap(m, np.vstack([mask, img]), 1), 0
    color = ic.xor
    bpp = _screen_bpp(m)
    if ic.alpha is not None:
        color = color | (ic.alpha.astype(np.uint32) << np.uint32(24))
        bpp = 32
    return _new_bitmap(m, mask, 1), _new_bitmap(m, color, bpp)


def _bitmap_px(m: "Machine", h: int) -> tuple[np.ndarray, Bitmap] | None:
    bm = gdiobj.table(m).get(h, Bitmap)
    if bm is None or bm.surface is None:
        return None
    bm.surface.pull()
    return bm.surface.px.copy(), bm


def from_bitmaps(m: "Machine", is_icon: bool, hot: tuple[int, int], hmask: int, hcolor: int) -> IconObj | None:
    """CreateIconIndirect: an icon/cursor copied from a mask bitmap and an optional colour bitmap."""
    mk = _bitmap_px(m, hmask)
    if mk is None:
        return None
    mpx, mbm = mk
    mbits = (mpx & np.uint32(WHITE)) != 0 if mbm.bpp == 1 else (mpx & np.uint32(WHITE)) == WHITE
    if hcolor:
        cl = _bitmap_px(m, hcolor)
        if cl is None:
            return None
        cpx, cbm = cl
        h, w = cpx.shape
        andm = np.zeros((h, w), bool)
        mh, mw = min(h, mbits.shape[0]), min(w, mbits.shape[1])
        andm[:mh, :mw] = mbits[:mh, :mw]
        alpha = None
        if cbm.bpp == 32:
            a = (cpx >> np.uint32(24)).astype(np.uint8)
            alpha = a if a.any() else None
        img = Image(cpx & np.uint32(WHITE), andm, alpha, cbm.bpp, False)
    else:
        h2, w = mbits.shape
        h = h2 // 2
        if h <= 0:
            return None
        img = Image(np.where(mbits[h:2 * h], np.uint32(WHITE), np.uint32(0)), mbits[:h].copy(), None, 1, True)
    return _make(img, 0, 0, is_icon, hot, 0) if is_icon else _make(img, 0, 0, False, hot, 0)


# ---- copying --------------------------------------------------------------------------------------
def copy_icon(m: "Machine", h: int, cx: int, cy: int, flags: int) -> int:
    """CopyImage for IMAGE_ICON / IMAGE_CURSOR: a copy stretched to (cx, cy) (0: same size; LR_DEFAULTSIZE:
    the system metric), reloaded from its resource with LR_COPYFROMRESOURCE; LR_COPYRETURNORG returns
    ``h`` itself when nothing would change, LR_COPYDELETEORG destroys the original."""
    ic = get(m, h)
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    if not cx:
        cx = _metric(m, SM_CXICON if ic.is_icon else SM_CXCURSOR) if flags & LR_DEFAULTSIZE else ic.width
    if not cy:
        cy = _metric(m, SM_CYICON if ic.is_icon else SM_CYCURSOR) if flags & LR_DEFAULTSIZE else ic.height
    if flags & LR_COPYRETURNORG and (cx, cy) == (ic.width, ic.height) and not flags & LR_MONOCHROME:
        return h
    new: IconObj | None = None
    if flags & LR_COPYFROMRESOURCE and ic.res is not None:
        key = _name_key(ic.res)
        if ic.from_file and isinstance(ic.res, str):
            new = _load_file(m, ic.res, ic.is_icon, cx, cy, flags & LR_MONOCHROME)
        elif ic.module == 0:
            new = _system(m, key, ic.is_icon, cx, cy, flags & LR_MONOCHROME)
        else:
            new = _load_resource(m, ic.module, key, ic.is_icon, cx, cy, flags & LR_MONOCHROME)
        if new is not None:
            new.module, new.res, new.from_file = ic.module, ic.res, ic.from_file
    if new is None:
        img = Image(ic.xor, ic.andm, ic.alpha, ic.bpp, ic.mono)
        new = _make(img, cx, cy, ic.is_icon, ic.hotspot, flags & LR_MONOCHROME)
        new.module, new.res, new.from_file = ic.module, ic.res, ic.from_file
    nh = add(m, new)
    if flags & LR_COPYDELETEORG:
        destroy(m, h)
    return nh


def copy_image_other(m: "Machine", h: int, type: int, cx: int, cy: int, flags: int) -> int:
    """CopyImage for IMAGE_ICON / IMAGE_CURSOR (called by bitmap.py's CopyImage)."""
    if type not in (IMAGE_ICON, IMAGE_CURSOR):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return copy_icon(m, h, cx, cy, flags)


def icon_size(m: "Machine", h: int) -> tuple[int, int]:
    """(width, height) of an icon or cursor ((0, 0) for an invalid handle)."""
    ic = get(m, h)
    return (ic.width, ic.height) if ic is not None else (0, 0)


def small_icon(m: "Machine", h: int) -> int:
    """The small (SM_CXSMICON) version of icon ``h`` as Windows shows it in captions: ``h`` itself when it is
    already that size, else a copy made once from the same resource's best small image (stretched when the
    icon has no resource); 0 for an invalid handle."""
    ic = get(m, h)
    if ic is None:
        return 0
    w, hh = _metric(m, 49), _metric(m, 50)  # SM_CXSMICON, SM_CYSMICON
    if (ic.width, ic.height) == (w, hh):
        return h
    st = state(m)
    s = st.small.get(h)
    if s is None or s not in st.objs:
        s = copy_icon(m, h, w, hh, LR_COPYFROMRESOURCE)
        st.small[h] = s
    return s


def destroy(m: "Machine", h: int) -> bool:
    """DestroyIcon/DestroyCursor: free a non-shared icon (shared ones stay and the call succeeds)."""
    st = state(m)
    ic = st.objs.get(h)
    if ic is None:
        return False
    if ic.shared:
        return True
    del st.objs[h]
    if st.current == h:
        st.current = 0
    small = st.small.pop(h, None)
    if small is not None and small in st.objs:
        del st.objs[small]
    return True


# ---- the current cursor ---------------------------------------------------------------------------
def current(m: "Machine") -> int:
    """The cursor SetCursor set last (the arrow before any call)."""
    st = state(m)
    if st.current is None:
        st.current = system_cursor(m, IDC_ARROW)
    return st.current


def set_cursor(m: "Machine", h: int) -> int:
    """SetCursor: make ``h`` (0: none) the cursor; returns the previous one."""
    old = current(m)
    state(m).current = h
    return old


def set_class_cursor(m: "Machine", w: "Window") -> None:
    """DefWindowProc's WM_SETCURSOR in the client area: the class cursor (an IDC_x value stands for that
    system cursor), or leave the cursor unchanged when the class has none."""
    h = w.cls.cursor
    if not h:
        return
    if h < 0x10000:
        h = system_cursor(m, h)
        if not h:
            return
    set_cursor(m, h)


def cursor_image(m: "Machine") -> tuple[np.ndarray, tuple[int, int]] | None:
    """The current cursor as an (h, w, 4) RGBA uint8 array and its hotspot, for a presenter (None when no
    cursor is set or ShowCursor hid it). Screen-inverting pixels are shown black."""
    st = m.state.get("input")
    if st is not None and getattr(st, "cursor_count", 0) < 0:
        return None
    # called from the presenter's thread: read the state, never create handles here
    ist = m.state.get("icons")
    cur = ist.current if ist is not None else None
    ic = get(m, cur) if cur is not None else _system(m, IDC_ARROW, False, 0, 0, 0)
    if ic is None:
        return None
    h, w = ic.xor.shape
    out = np.zeros((h, w, 4), np.uint8)
    c = ic.xor
    out[:, :, 0] = (c >> 16) & 0xFF
    out[:, :, 1] = (c >> 8) & 0xFF
    out[:, :, 2] = c & 0xFF
    if ic.alpha is not None:
        out[:, :, 3] = ic.alpha
    else:
        opaque = ~ic.andm
        inverting = ic.andm & (c != 0)
        out[:, :, 3] = np.where(opaque | inverting, 255, 0).astype(np.uint8)
        out[inverting, :3] = 0
    return out, ic.hotspot


# ---- reading guest structures ---------------------------------------------------------------------
def _ddb_px(m: "Machine", p: int, w: int, h: int, bpp: int) -> np.ndarray | None:
    """Device-dependent bitmap bits (rows WORD aligned, top-down) as pixels; 1/4/16/24/32 bpp."""
    stride = ((w * bpp + 15) // 16) * 2
    raw = np.frombuffer(m.mem.read(p, stride * h), np.uint8).reshape(h, stride)
    if bpp == 1:
        return np.where(np.unpackbits(raw, axis=1)[:, :w] != 0, np.uint32(WHITE), np.uint32(0))
    if bpp == 4:
        from .gdiobj import DEFAULT_PALETTE_ENTRIES  # noqa: PLC0415
        vga = [DEFAULT_PALETTE_ENTRIES[i] for i in (0, 1, 2, 3, 4, 5, 6, 7)] + [
            (0x80, 0x80, 0x80), (0xFF, 0, 0), (0, 0xFF, 0), (0xFF, 0xFF, 0), (0, 0, 0xFF), (0xFF, 0, 0xFF),
            (0, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF)]
        tab = np.array([(r << 16) | (g << 8) | b for r, g, b in vga], np.uint32)
        return tab[_indices(raw, w, 4)]
    if bpp == 16:
        return _fields(raw[:, :2 * w].copy().view("<u2").astype(np.uint32), (0xF800, 0x07E0, 0x001F))
    if bpp == 24:
        r = raw[:, :3 * w].reshape(h, w, 3).astype(np.uint32)
        return (r[:, :, 2] << 16) | (r[:, :, 1] << 8) | r[:, :, 0]
    if bpp == 32:
        return raw[:, :4 * w].copy().view("<u4").astype(np.uint32) & np.uint32(WHITE)
    return None


def _write_info(m: "Machine", p: int, ic: IconObj) -> None:
    hmask, hcolor = icon_bitmaps(m, ic)
    m.mem.pack("<IIIII", p, int(ic.is_icon), ic.hotspot[0], ic.hotspot[1], hmask, hcolor)


# ---- APIs -----------------------------------------------------------------------------------------
@stdcall("user32")
def LoadIconA(m: "Machine", hInstance: HANDLE, lpIconName: LPCSTR) -> HANDLE:
    """Load a shared icon (SM_CXICON size) from a module's RT_GROUP_ICON resource, or a system IDI_x icon."""
    return load_icon(m, hInstance, lpIconName)


@stdcall("user32")
def LoadIconW(m: "Machine", hInstance: HANDLE, lpIconName: LPCWSTR) -> HANDLE:
    """Load a shared icon (SM_CXICON size) from a module's RT_GROUP_ICON resource, or a system IDI_x icon."""
    return load_icon(m, hInstance, lpIconName)


@stdcall("user32")
def LoadCursorA(m: "Machine", hInstance: HANDLE, lpCursorName: LPCSTR) -> HANDLE:
    """Load a shared cursor from a module's RT_GROUP_CURSOR resource, or a system IDC_x cursor."""
    return load_cursor(m, hInstance, lpCursorName)


@stdcall("user32")
def LoadCursorW(m: "Machine", hInstance: HANDLE, lpCursorName: LPCWSTR) -> HANDLE:
    """Load a shared cursor from a module's RT_GROUP_CURSOR resource, or a system IDC_x cursor."""
    return load_cursor(m, hInstance, lpCursorName)


def _cursor_file(m: "Machine", name: str | int | None) -> int:
    if not isinstance(name, str):
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return 0
    return load_image_other(m, 0, name, IMAGE_CURSOR, 0, 0, LR_LOADFROMFILE | LR_DEFAULTSIZE)


@stdcall("user32")
def LoadCursorFromFileA(m: "Machine", lpFileName: LPCSTR) -> HANDLE:
    """A cursor from a .cur (or .ico) file; animated .ani cursors are not supported (fails)."""
    return _cursor_file(m, lpFileName)


@stdcall("user32")
def LoadCursorFromFileW(m: "Machine", lpFileName: LPCWSTR) -> HANDLE:
    """A cursor from a .cur (or .ico) file; animated .ani cursors are not supported (fails)."""
    return _cursor_file(m, lpFileName)


@stdcall("user32")
def CreateIcon(m: "Machine", hInstance: HANDLE, nWidth: INT, nHeight: INT, cPlanes: UINT, cBitsPixel: UINT,
               lpbANDbits: PTR, lpbXORbits: PTR) -> HANDLE:
    """An icon from an AND mask (1 bpp) and an XOR image (1, 4, 16, 24 or 32 bpp), both device-dependent
    bitmap bits (top-down rows, WORD aligned)."""
    bpp = cPlanes * cBitsPixel
    if nWidth <= 0 or nHeight <= 0 or nWidth > 1024 or nHeight > 1024 or not lpbANDbits or not lpbXORbits \
            or bpp not in (1, 4, 16, 24, 32):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    andm = _ddb_px(m, lpbANDbits, nWidth, nHeight, 1)
    xor = _ddb_px(m, lpbXORbits, nWidth, nHeight, bpp)
    assert andm is not None and xor is not None
    img = Image(xor, andm != 0, None, bpp, bpp == 1)
    return add(m, _make(img, 0, 0, True, (0, 0), 0))


@stdcall("user32")
def CreateCursor(m: "Machine", hInst: HANDLE, xHotSpot: INT, yHotSpot: INT, nWidth: INT, nHeight: INT,
                 pvANDPlane: PTR, pvXORPlane: PTR) -> HANDLE:
    """A monochrome cursor from AND and XOR masks (1 bpp, WORD-aligned rows) with its hotspot."""
    if nWidth <= 0 or nHeight <= 0 or nWidth > 1024 or nHeight > 1024 or not pvANDPlane or not pvXORPlane:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    andm = _ddb_px(m, pvANDPlane, nWidth, nHeight, 1)
    xor = _ddb_px(m, pvXORPlane, nWidth, nHeight, 1)
    assert andm is not None and xor is not None
    img = Image(xor, andm != 0, None, 1, True)
    return add(m, _make(img, 0, 0, False, (xHotSpot, yHotSpot), 0))


@stdcall("user32")
def CreateIconIndirect(m: "Machine", piconinfo: PTR) -> HANDLE:
    """An icon or cursor from an ICONINFO (mask bitmap, colour bitmap or none for monochrome, hotspot);
    the bitmaps are copied."""
    if not piconinfo:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    f_icon, hx, hy, hmask, hcolor = m.mem.unpack("<IIIII", piconinfo)
    ic = from_bitmaps(m, bool(f_icon), (hx, hy), hmask, hcolor)
    if ic is None:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return add(m, ic)


@stdcall("user32")
def CreateIconFromResourceEx(m: "Machine", presbits: PTR, dwResSize: DWORD, fIcon: BOOL, dwVer: DWORD, cxDesired: INT,
                             cyDesired: INT, Flags: UINT) -> HANDLE:
    """An icon or cursor from RT_ICON / RT_CURSOR bits (DIB or PNG), stretched to cx/cy (0: LR_DEFAULTSIZE's
    system metric, else the image's size)."""
    if not presbits or dwResSize < 4 or dwVer not in (0x20000, 0x30000):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    data = m.mem.read(presbits, min(dwResSize, 1 << 24))
    is_icon = bool(fIcon)
    cx, cy = cxDesired, cyDesired
    if Flags & LR_DEFAULTSIZE:
        cx = cx or _metric(m, SM_CXICON if is_icon else SM_CXCURSOR)
        cy = cy or _metric(m, SM_CYICON if is_icon else SM_CYCURSOR)
    ic = from_resource_bits(m, data, is_icon, cx, cy, Flags)
    if ic is None:
        m.set_last_error(ERROR_INVALID_DATA)
        return 0
    return add(m, ic)


@stdcall("user32")
def CreateIconFromResource(m: "Machine", presbits: PTR, dwResSize: DWORD, fIcon: BOOL, dwVer: DWORD) -> HANDLE:
    """CreateIconFromResourceEx at the system icon/cursor size."""
    return CreateIconFromResourceEx(m, presbits, dwResSize, fIcon, dwVer, 0, 0, LR_DEFAULTSIZE)


@stdcall("user32")
def LookupIconIdFromDirectoryEx(m: "Machine", presbits: PTR, fIcon: BOOL, cxDesired: INT, cyDesired: INT,
                                Flags: UINT) -> INT:
    """The RT_ICON/RT_CURSOR id in a group directory that best fits (cx, cy) and the display depth."""
    if not presbits:
        return 0
    n = m.mem.u16(presbits + 4)
    data = m.mem.read(presbits, 6 + 14 * min(n, 512))
    ents = _dir_entries(data, bool(fIcon), False)
    if not ents:
        return 0
    is_icon = bool(fIcon)
    cx = cxDesired or _metric(m, SM_CXICON if is_icon else SM_CXCURSOR)
    cy = cyDesired or _metric(m, SM_CYICON if is_icon else SM_CYCURSOR)
    e = best_entry(m, ents, cx, cy, Flags)
    return e.ident if e is not None else 0


@stdcall("user32")
def LookupIconIdFromDirectory(m: "Machine", presbits: PTR, fIcon: BOOL) -> INT:
    """LookupIconIdFromDirectoryEx at the system icon/cursor size."""
    return LookupIconIdFromDirectoryEx(m, presbits, fIcon, 0, 0, 0)


@stdcall("user32")
def CopyIcon(m: "Machine", hIcon: HANDLE) -> HANDLE:
    """A new (non-shared) icon or cursor with the same images."""
    ic = get(m, hIcon)
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    return add(m, ic.copy())


@stdcall("user32")
def DestroyIcon(m: "Machine", hIcon: HANDLE) -> BOOL:
    """Free an icon (shared icons from LoadIcon stay valid)."""
    if not destroy(m, hIcon):
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    return 1


@stdcall("user32")
def DestroyCursor(m: "Machine", hCursor: HANDLE) -> BOOL:
    """Free a cursor (shared cursors from LoadCursor stay valid)."""
    return DestroyIcon(m, hCursor)


@stdcall("user32")
def GetIconInfo(m: "Machine", hIcon: HANDLE, piconinfo: PTR) -> BOOL:
    """Fill an ICONINFO: icon or cursor, hotspot, and NEW mask/colour bitmaps the caller must delete."""
    ic = get(m, hIcon)
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    if not piconinfo:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _write_info(m, piconinfo, ic)
    return 1


def _icon_info_ex(m: "Machine", hicon: int, p: int, unicode: bool) -> int:
    ic = get(m, hicon)
    size = 1068 if unicode else 548
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    if not p or m.mem.u32(p) != size:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    _write_info(m, p + 4, ic)
    res_id = ic.res if isinstance(ic.res, int) and not ic.from_file else 0
    res_name = ic.res if isinstance(ic.res, str) and not ic.from_file else ""
    mod = m.proc.module_at(ic.module) if ic.module else None
    if ic.module == 0 and not ic.from_file:
        modname = "C:\\WINDOWS\\system32\\user32.dll"
    else:
        modname = mod.path if mod is not None else ""
    m.mem.pack("<H", p + 24, res_id & 0xFFFF)
    n = 260
    for i, s in enumerate((modname, res_name)):
        base = p + 26 + i * (2 * n if unicode else n)
        if unicode:
            b = s[:n - 1].encode("utf-16-le") + b"\0\0"
        else:
            b = s.encode(m.ansi, "replace")[:n - 1] + b"\0"
        m.mem.write(base, b)
    return 1


@stdcall("user32")
def GetIconInfoExA(m: "Machine", hicon: HANDLE, piconinfo: PTR) -> BOOL:
    """GetIconInfo plus the source module path and resource id/name (ICONINFOEXA, cbSize 548)."""
    return _icon_info_ex(m, hicon, piconinfo, False)


@stdcall("user32")
def GetIconInfoExW(m: "Machine", hicon: HANDLE, piconinfo: PTR) -> BOOL:
    """GetIconInfo plus the source module path and resource id/name (ICONINFOEXW, cbSize 1068)."""
    return _icon_info_ex(m, hicon, piconinfo, True)


@stdcall("user32")
def DrawIconEx(m: "Machine", hdc: HANDLE, xLeft: INT, yTop: INT, hIcon: HANDLE, cxWidth: INT, cyWidth: INT,
               istepIfAniCur: UINT, hbrFlickerFreeDraw: HANDLE, diFlags: UINT) -> BOOL:
    """Draw an icon/cursor stretched to (cx, cy) (0: its size, or the system size with DI_DEFAULTSIZE):
    DI_MASK ANDs the mask, DI_IMAGE XORs the image, a flicker-free brush fills behind."""
    from .dc import get_dc  # noqa: PLC0415
    dc = get_dc(m, hdc)
    ic = get(m, hIcon)
    if ic is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    if dc is None or not diFlags & DI_NORMAL:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    return int(draw_icon_ex(dc, xLeft, yTop, ic, cxWidth, cyWidth, diFlags, hbrFlickerFreeDraw))


@stdcall("user32")
def DrawIcon(m: "Machine", hDC: HANDLE, X: INT, Y: INT, hIcon: HANDLE) -> BOOL:
    """Draw an icon or cursor at the system icon size at (X, Y): mask AND, then image XOR."""
    return DrawIconEx(m, hDC, X, Y, hIcon, 0, 0, 0, 0, DI_NORMAL | DI_DEFAULTSIZE | DI_COMPAT)


@stdcall("user32")
def SetCursor(m: "Machine", hCursor: HANDLE) -> HANDLE:
    """Make hCursor (NULL: no cursor) the cursor; returns the previous cursor."""
    if hCursor and get(m, hCursor) is None:
        m.set_last_error(ERROR_INVALID_CURSOR_HANDLE)
        return 0
    return set_cursor(m, hCursor)


@stdcall("user32")
def GetCursor(m: "Machine") -> HANDLE:
    """The current cursor."""
    return current(m)


@stdcall("user32")
def GetCursorInfo(m: "Machine", pci: PTR) -> BOOL:
    """Fill a CURSORINFO (cbSize 20): showing flag, current cursor, position in screen coordinates."""
    if not pci or m.mem.u32(pci) != 20:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    from . import input as inp  # noqa: PLC0415
    st = inp.state(m)
    h = current(m)
    showing = CURSOR_SHOWING if st.cursor_count >= 0 and h else 0
    x, y = st.cursor
    m.mem.pack("<IIii", pci + 4, showing, h, x, y)
    return 1
