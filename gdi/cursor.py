"""user32 icons and cursors: loading (program resources, .ico/.cur files, the system set), creating,
copying, drawing (mask AND, then image XOR, or alpha blending for 32-bit icons), and the current cursor.

An icon or cursor is a user handle (``IconObj`` in ``m.state["icons"]``) holding its pixels as numpy
arrays: ``xor`` the colour (XOR) image as 0x00RRGGBB, ``andm`` the AND mask (True: keep the screen), and
``alpha`` for 32-bit images that carry an alpha channel. Monochrome icons (``mono``) have no colour bitmap:
GetIconInfo returns a double-height mask (AND over XOR) like Windows.

The system icons (IDI_*) and cursors (IDC_*) are our own procedural look-alikes drawn with numpy (see
``_ICON_ART`` and ``_CURSOR_ART`` in ``cursor_system.py``); no Microsoft artwork is shipped.

Helpers for other modules: ``load_icon(m, hinst, name)``, ``draw_icon(dc, x, y, hicon)``,
``load_image_other(m, hinst, name, type, cx, cy, flags)`` (LoadImage for IMAGE_ICON/IMAGE_CURSOR),
``copy_icon(m, h, cx, cy, flags)`` (CopyImage for icons), ``small_icon(m, h)`` (the caption-size version of
an icon), ``icon_size(m, h)``, ``set_class_cursor(m, w)`` (DefWindowProc's
WM_SETCURSOR) and ``cursor_image(m)`` (the current cursor as RGBA for a presenter).

This module holds the icon objects, image decoding and loading; ``cursor_system.py`` the system artwork,
``cursor_draw.py`` drawing, icon bitmaps, copying and the current cursor, ``cursor_api.py`` the remaining
user32 functions. They are imported at the end of this module (names re-exported as ``cursor.NAME``).
"""
from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from emu import resources

if TYPE_CHECKING:
    from emu.machine import Machine


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
        ic = cursor_system._system(m, key, is_icon, cx, cy, flags)
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


# The API modules split from this one (imported here so that they register), and their names as
# ``cursor.NAME``, looked up lazily so that any import order works (a split-off module imports this one first).
from . import cursor_system, cursor_draw, cursor_api  # noqa: E402

_SPLIT = (cursor_system, cursor_draw, cursor_api,)


def __getattr__(attr: str) -> object:
    """A name defined by one of the split-off modules."""
    for mod in _SPLIT:
        if attr in mod.__dict__:
            return mod.__dict__[attr]
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
