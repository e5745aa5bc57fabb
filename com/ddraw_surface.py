"""IDirectDrawSurface (1, 2, 3, 4, 7): surfaces in guest memory, Lock/Unlock, Blt/BltFast, Flip, GetDC.

A surface's pixels are one ``Buffer``: rows of ``pitch`` bytes in pages of their own, with slack after the
end (real video memory had some; programs that write a little past the last row keep working). Python reads
and writes them through zero-copy numpy views. A flipping chain is a list of surfaces, front first; Flip
rotates their buffers (the surface objects keep their roles, as with DirectDraw's video-memory pointers).

GetDC makes a GDI memory DC whose bitmap is a DIB section over the buffer (32-bit XRGB: zero-copy; other
depths: GDI's shadow/push mechanism). The DC stays with the buffer until the surface is destroyed, so a
program that keeps drawing with an HDC after ReleaseDC still draws on the surface.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from emu.api import DWORD, PTR

from . import ddraw_display as disp
from . import guids, pixfmt
from .ddraw_clipper import Clipper
from .ddraw_errors import (
    DD_OK, DDENUMRET_OK, DDERR_ALREADYINITIALIZED, DDERR_BLTFASTCANTCLIP, DDERR_CANTCREATEDC, DDERR_DCALREADYCREATED,
    DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS, DDERR_INVALIDPIXELFORMAT, DDERR_INVALIDRECT, DDERR_NOCLIPPERATTACHED,
    DDERR_NOCOLORKEY, DDERR_NODC, DDERR_NOPALETTEATTACHED, DDERR_NORASTEROPHW, DDERR_NOTFLIPPABLE, DDERR_NOTFOUND,
    DDERR_NOTLOCKED, DDERR_OUTOFVIDEOMEMORY, DDERR_SURFACEBUSY, DDERR_SURFACELOST, DDERR_WRONGMODE,
)
from .ddraw_palette import Palette
from .factory import ComObject, Interface, IUnknown, Ref, add_ref, kill, lookup_obj, publish, release, todo
from .pixfmt import PixelFormat

if TYPE_CHECKING:
    from emu.machine import Machine

# DDSURFACEDESC flags
DDSD_CAPS, DDSD_HEIGHT, DDSD_WIDTH, DDSD_PITCH = 0x1, 0x2, 0x4, 0x8
DDSD_BACKBUFFERCOUNT, DDSD_ZBUFFERBITDEPTH, DDSD_ALPHABITDEPTH = 0x20, 0x40, 0x80
DDSD_LPSURFACE, DDSD_PIXELFORMAT, DDSD_CKDESTOVERLAY, DDSD_CKDESTBLT = 0x800, 0x1000, 0x2000, 0x4000
DDSD_CKSRCOVERLAY, DDSD_CKSRCBLT, DDSD_MIPMAPCOUNT, DDSD_REFRESHRATE = 0x8000, 0x10000, 0x20000, 0x40000
DDSD_LINEARSIZE = 0x80000
DESC_SIZE, DESC2_SIZE = 108, 124
# DDSCAPS
DDSCAPS_ALPHA, DDSCAPS_BACKBUFFER, DDSCAPS_COMPLEX, DDSCAPS_FLIP = 0x2, 0x4, 0x8, 0x10
DDSCAPS_FRONTBUFFER, DDSCAPS_OFFSCREENPLAIN, DDSCAPS_OVERLAY, DDSCAPS_PALETTE = 0x20, 0x40, 0x80, 0x100
DDSCAPS_PRIMARYSURFACE, DDSCAPS_SYSTEMMEMORY, DDSCAPS_TEXTURE, DDSCAPS_3DDEVICE = 0x200, 0x800, 0x1000, 0x2000
DDSCAPS_VIDEOMEMORY, DDSCAPS_VISIBLE, DDSCAPS_WRITEONLY, DDSCAPS_ZBUFFER = 0x4000, 0x8000, 0x10000, 0x20000
DDSCAPS_OWNDC, DDSCAPS_MODEX, DDSCAPS_MIPMAP, DDSCAPS_LOCALVIDMEM = 0x40000, 0x200000, 0x400000, 0x10000000
# Blt
DDBLT_ASYNC, DDBLT_COLORFILL, DDBLT_DDFX, DDBLT_DDROPS = 0x200, 0x400, 0x800, 0x1000
DDBLT_KEYDEST, DDBLT_KEYDESTOVERRIDE, DDBLT_KEYSRC, DDBLT_KEYSRCOVERRIDE = 0x2000, 0x4000, 0x8000, 0x10000
DDBLT_ROP, DDBLT_ROTATIONANGLE, DDBLT_ZBUFFER, DDBLT_WAIT, DDBLT_DEPTHFILL = 0x20000, 0x40000, 0x80000, 0x1000000, \
    0x2000000
DDBLTFX_ARITHSTRETCHY, DDBLTFX_MIRRORLEFTRIGHT, DDBLTFX_MIRRORUPDOWN, DDBLTFX_NOTEARING = 0x1, 0x2, 0x4, 0x8
DDBLTFAST_SRCCOLORKEY, DDBLTFAST_DESTCOLORKEY = 0x1, 0x2
SRCCOPY, BLACKNESS, WHITENESS = 0x00CC0020, 0x00000042, 0x00FF0062
# Flip
DDFLIP_WAIT, DDFLIP_NOVSYNC = 0x1, 0x8
# colour keys
DDCKEY_COLORSPACE, DDCKEY_DESTBLT, DDCKEY_DESTOVERLAY, DDCKEY_SRCBLT, DDCKEY_SRCOVERLAY = 0x1, 0x2, 0x4, 0x8, 0x10

PITCH_ALIGN = 4
MIN_SLACK = 0x1000
MAX_DIM = 8192

Rect = tuple[int, int, int, int]


# ---- pixel buffers -------------------------------------------------------------------------------------------
class Buffer:
    """The pixels of one surface buffer in guest memory, with numpy views of its rows and raw values."""

    def __init__(self, m: "Machine", width: int, height: int, fmt: PixelFormat) -> None:
        self.width = width
        self.height = height
        self.fmt = fmt
        self.pitch = (width * fmt.bytespp + PITCH_ALIGN - 1) & ~(PITCH_ALIGN - 1)
        size = self.pitch * height
        self.region = m.mem.alloc(size + max(MIN_SLACK, size // 4), tag="ddraw surface")
        self.addr = self.region.base
        self.rows = np.frombuffer(m.mem.view(self.addr, size), np.uint8).reshape(height, self.pitch)
        if fmt.bpp == 8:
            self.px: np.ndarray | None = self.rows[:, :width]
        elif fmt.bpp == 16:
            self.px = self.rows.view("<u2")[:, :width]
        elif fmt.bpp == 32:
            self.px = self.rows.view("<u4")[:, :width]
        else:
            self.px = None  # 24-bit: three bytes a pixel
        self.dc: tuple[int, Any] | None = None  # (HDC, DibSection) made by GetDC

    def read(self, r: Rect) -> np.ndarray:
        """Raw values of rectangle ``r`` as a uint32 copy."""
        x0, y0, x1, y1 = r
        if self.px is not None:
            return self.px[y0:y1, x0:x1].astype(np.uint32)
        b = self.rows[y0:y1, 3 * x0:3 * x1].reshape(y1 - y0, x1 - x0, 3).astype(np.uint32)
        return b[..., 0] | (b[..., 1] << np.uint32(8)) | (b[..., 2] << np.uint32(16))

    def write(self, r: Rect, vals: np.ndarray | int, where: np.ndarray | None = None) -> None:
        """Store raw values (an array shaped like ``r`` or one value) where ``where`` is True (everywhere)."""
        x0, y0, x1, y1 = r
        if x1 <= x0 or y1 <= y0:
            return
        if self.px is not None:
            view = self.px[y0:y1, x0:x1]
            if isinstance(vals, int):
                vals = np.array(vals & ((1 << self.fmt.bpp) - 1), dtype=view.dtype)
            src = np.broadcast_to(np.asarray(vals).astype(view.dtype, copy=False), view.shape)
            if where is None:
                view[...] = src
            else:
                np.copyto(view, src, where=where)
            return
        view3 = self.rows[y0:y1, 3 * x0:3 * x1].reshape(y1 - y0, x1 - x0, 3)
        v = np.broadcast_to(np.asarray(vals, dtype=np.uint32), view3.shape[:2])
        new = np.stack([v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF], axis=-1).astype(np.uint8)
        if where is None:
            view3[...] = new
        else:
            np.copyto(view3, new, where=where[..., None])

    def raw(self) -> np.ndarray:
        """All raw values (a view for 8/16/32-bit buffers)."""
        return self.view((0, 0, self.width, self.height))

    def view(self, r: Rect) -> np.ndarray:
        """Raw values of rectangle ``r``: a view for 8/16/32-bit buffers, a uint32 copy for 24-bit ones."""
        if self.px is not None:
            return self.px[r[1]:r[3], r[0]:r[2]]
        return self.read(r)

    def free(self, m: "Machine") -> None:
        drop_dc(m, self)
        if self.region in m.mem.regions:
            m.mem.unmap(self.region)


def drop_dc(m: "Machine", buf: Buffer) -> None:
    """Delete the GDI DC and bitmap made for ``buf``."""
    if buf.dc is None:
        return
    from gdi import gdiobj  # noqa: PLC0415
    hdc, bm = buf.dc
    buf.dc = None
    t = gdiobj.table(m)
    bm.selected_in = None
    t.delete(hdc)
    t.delete(bm.handle)


# ---- surfaces ----------------------------------------------------------------------------------------------------
@dataclass
class Desc:
    """The fields of a DDSURFACEDESC(2) that CreateSurface reads."""

    flags: int
    height: int
    width: int
    backbuffers: int
    caps: int
    caps2: int
    pixfmt: bytes
    ckeys: dict[int, tuple[int, int]]


def read_desc(m: "Machine", p: int, size: int) -> Desc:
    raw = m.mem.read(p, size)
    flags, h, w = struct.unpack_from("<III", raw, 4)
    bb = struct.unpack_from("<I", raw, 20)[0]
    caps = struct.unpack_from("<I", raw, 104)[0]
    caps2 = struct.unpack_from("<I", raw, 108)[0] if size >= DESC2_SIZE else 0
    keys: dict[int, tuple[int, int]] = {}
    for flag, off, kind in ((DDSD_CKDESTBLT, 48, DDCKEY_DESTBLT), (DDSD_CKSRCBLT, 64, DDCKEY_SRCBLT)):
        if flags & flag:
            keys[kind] = struct.unpack_from("<II", raw, off)
    return Desc(flags, h, w, bb, caps, caps2, raw[72:104], keys)


class Surface(ComObject):
    """A DirectDraw surface (every IDirectDrawSurface version of it)."""

    per_interface_refs = True

    def __init__(self, m: "Machine", dd: Any, width: int, height: int, fmt: PixelFormat, caps: int,
                 dd_iface: Interface) -> None:
        super().__init__()
        self.dd = dd
        self.dd_iface = dd_iface  # the IDirectDraw version that created it (GetDDInterface)
        self.width = width
        self.height = height
        self.fmt = fmt
        self.caps = caps
        self.buf = Buffer(m, width, height, fmt)
        self.chain: list[Surface] | None = None  # flipping chain, front first
        self.attached: list[Surface] = []  # what GetAttachedSurface finds
        self.root: Surface | None = None  # the complex surface this one was created with
        self.palette: Palette | None = None
        self.clipper: Clipper | None = None
        self.ckeys: dict[int, tuple[int, int]] = {}
        self.locks: list[Rect] = []
        self.dc_out = False
        self.lost = False
        self.owner_ref: tuple[Any, Interface] | None = None
        self.uniqueness = 1
        disp.display(m).surfaces.append(self)

    def __repr__(self) -> str:
        return f"<Surface {self.width}x{self.height} {self.fmt.describe()} caps={self.caps:#x}>"

    # -- state ----------------------------------------------------------------------------
    @property
    def primary(self) -> bool:
        return bool(self.caps & DDSCAPS_PRIMARYSURFACE)

    @property
    def front(self) -> "Surface":
        return self.chain[0] if self.chain else self

    def visible(self, m: "Machine") -> bool:
        return any(s is self for s, _ in disp.shown(m))

    def touched(self, m: "Machine") -> None:
        """The pixels changed: a new uniqueness value, and a new frame if they are on screen."""
        self.uniqueness += 1
        if self.front.visible(m):
            disp.changed(m)

    def mode_changed(self, m: "Machine") -> None:
        """The display mode changed: surfaces in video memory are lost (Restore gets them back)."""
        if not self.caps & DDSCAPS_SYSTEMMEMORY:
            self.lost = True

    def palette_lut(self, m: "Machine") -> np.ndarray:
        """The colours of an 8-bit surface: its palette, else the primary's, else the system palette."""
        for p in (self.palette, self.front.palette, getattr(getattr(self.dd, "primary", None), "palette", None)):
            if p is not None and p.alive:
                return p.lut()
        from gdi import palette as gpal  # noqa: PLC0415
        return pixfmt.palette_lut(gpal.system_palette(m).entries)

    def rgb(self, m: "Machine", r: Rect | None = None) -> np.ndarray:
        """The pixels (of rectangle ``r``) as 0x00RRGGBB, for the screen."""
        lut = self.palette_lut(m) if self.fmt.palettized else None
        raw = self.buf.raw() if r is None else self.buf.view(r)
        return pixfmt.to_rgb(raw, self.fmt, lut)

    def busy(self) -> bool:
        return bool(self.locks) or self.dc_out

    # -- description ------------------------------------------------------------------------
    def desc_bytes(self, size: int, lock_addr: int = 0) -> bytes:
        """A DDSURFACEDESC (108 bytes) or DDSURFACEDESC2 (124) describing the surface."""
        flags = DDSD_CAPS | DDSD_HEIGHT | DDSD_WIDTH | DDSD_PITCH | DDSD_PIXELFORMAT
        d = bytearray(size)
        backbuffers = len(self.chain) - 1 if self.chain and self.chain[0] is self else 0
        if backbuffers:
            flags |= DDSD_BACKBUFFERCOUNT
        if lock_addr:
            flags |= DDSD_LPSURFACE
        for kind, flag, off in ((DDCKEY_DESTBLT, DDSD_CKDESTBLT, 48), (DDCKEY_SRCBLT, DDSD_CKSRCBLT, 64)):
            if kind in self.ckeys:
                flags |= flag
                struct.pack_into("<II", d, off, *self.ckeys[kind])
        struct.pack_into("<IIIIiI", d, 0, size, flags, self.height, self.width, self.buf.pitch, backbuffers)
        struct.pack_into("<I", d, 36, lock_addr)
        d[72:104] = self.fmt.pack()
        struct.pack_into("<I", d, 104, self.caps)
        return bytes(d)

    # -- life ---------------------------------------------------------------------------------
    def destroy(self, m: "Machine") -> None:
        if self.chain is not None and self.chain[0] is self:
            for s in self.chain[1:]:
                kill(m, s)
        for s in list(self.attached):
            if s.root is self:
                kill(m, s)
        self.attached.clear()
        if self.palette is not None:
            p, self.palette = self.palette, None
            if p.alive:
                release(m, p, p.interfaces[0])
        if self.clipper is not None:
            c, self.clipper = self.clipper, None
            if c.alive:
                release(m, c, c.interfaces[0])
        self.buf.free(m)
        d = disp.display(m)
        if self in d.surfaces:
            d.surfaces.remove(self)
        dd = self.dd
        if dd is not None:
            if self in dd.surfaces:
                dd.surfaces.remove(self)
            if dd.primary is self:
                dd.primary = None
                disp.changed(m)
        if self.owner_ref is not None:
            obj, iface = self.owner_ref
            self.owner_ref = None
            if obj.alive:
                release(m, obj, iface)


def surface_iface(version: int) -> Interface:
    """The surface interface a DirectDraw interface of ``version`` hands out."""
    return {1: IDirectDrawSurface, 2: IDirectDrawSurface, 4: IDirectDrawSurface4, 7: IDirectDrawSurface7}[version]


def create(m: "Machine", dd: Any, dd_iface: Interface, d: Desc) -> Surface | int:
    """CreateSurface's core: the new (root) surface, or an error code."""
    caps = d.caps or DDSCAPS_OFFSCREENPLAIN
    if caps & DDSCAPS_ZBUFFER or d.flags & DDSD_ZBUFFERBITDEPTH:
        from .ddraw_errors import DDERR_NOZBUFFERHW  # noqa: PLC0415
        return DDERR_NOZBUFFERHW
    if caps & DDSCAPS_OVERLAY:
        from .ddraw_errors import DDERR_NOOVERLAYHW  # noqa: PLC0415
        return DDERR_NOOVERLAYHW
    if caps & (DDSCAPS_FRONTBUFFER | DDSCAPS_BACKBUFFER) or d.flags & DDSD_LPSURFACE:
        from .ddraw_errors import DDERR_INVALIDCAPS  # noqa: PLC0415
        return DDERR_INVALIDCAPS
    mw, mh, mbpp = disp.current_mode(m)
    mem = DDSCAPS_SYSTEMMEMORY if caps & DDSCAPS_SYSTEMMEMORY else DDSCAPS_VIDEOMEMORY | DDSCAPS_LOCALVIDMEM
    if caps & DDSCAPS_PRIMARYSURFACE:
        from .ddraw_errors import DDERR_INVALIDCAPS, DDERR_NOEXCLUSIVEMODE, DDERR_PRIMARYSURFACEALREADYEXISTS  # noqa: PLC0415
        if d.flags & (DDSD_WIDTH | DDSD_HEIGHT):
            return DDERR_INVALIDPARAMS  # the primary is the screen: its size is the mode's
        if d.flags & DDSD_PIXELFORMAT and pixfmt.unpack(d.pixfmt) != pixfmt.display_format(mbpp):
            return DDERR_INVALIDPIXELFORMAT
        if dd.primary is not None:
            return DDERR_PRIMARYSURFACEALREADYEXISTS
        nback = d.backbuffers if d.flags & DDSD_BACKBUFFERCOUNT else 0
        if caps & DDSCAPS_FLIP:
            if not caps & DDSCAPS_COMPLEX or nback < 1:
                return DDERR_INVALIDCAPS
            if not dd.exclusive:
                return DDERR_NOEXCLUSIVEMODE
        elif nback:
            return DDERR_INVALIDCAPS
        w, h, fmt = mw, mh, pixfmt.display_format(mbpp)
        front_caps = (caps & ~DDSCAPS_SYSTEMMEMORY) | DDSCAPS_VISIBLE | DDSCAPS_VIDEOMEMORY | DDSCAPS_LOCALVIDMEM
        if nback:
            front_caps |= DDSCAPS_FRONTBUFFER
        s = Surface(m, dd, w, h, fmt, front_caps, dd_iface)
        if nback:
            chain = [s]
            back_caps = (caps & ~(DDSCAPS_PRIMARYSURFACE | DDSCAPS_SYSTEMMEMORY)) | DDSCAPS_VIDEOMEMORY | \
                DDSCAPS_LOCALVIDMEM
            for i in range(nback):
                b = Surface(m, dd, w, h, fmt, back_caps | (DDSCAPS_BACKBUFFER if i == 0 else 0), dd_iface)
                b.root = s
                chain[-1].attached.append(b)
                chain.append(b)
                dd.surfaces.append(b)
            for b in chain:
                b.chain = chain
        dd.primary = s
        disp.install_overlay(m)
        if s.visible(m):
            disp.changed(m)
        return s
    if not (d.flags & DDSD_WIDTH and d.flags & DDSD_HEIGHT) or d.width == 0 or d.height == 0:
        return DDERR_INVALIDPARAMS
    if d.width > MAX_DIM or d.height > MAX_DIM:
        return DDERR_OUTOFVIDEOMEMORY
    if caps & (DDSCAPS_FLIP | DDSCAPS_COMPLEX) or d.flags & DDSD_BACKBUFFERCOUNT:
        from .ddraw_errors import DDERR_INVALIDCAPS  # noqa: PLC0415
        return DDERR_INVALIDCAPS  # off-screen flipping chains are overlay/3D territory
    if d.flags & DDSD_PIXELFORMAT:
        f = pixfmt.unpack(d.pixfmt)
        if f is None:
            return DDERR_INVALIDPIXELFORMAT
    else:
        f = pixfmt.display_format(mbpp)
    if not caps & (DDSCAPS_TEXTURE | DDSCAPS_3DDEVICE | DDSCAPS_OFFSCREENPLAIN):
        caps |= DDSCAPS_OFFSCREENPLAIN
    s = Surface(m, dd, d.width, d.height, f, (caps & ~DDSCAPS_VIDEOMEMORY) | mem, dd_iface)
    s.ckeys = dict(d.ckeys)
    return s


# ---- helpers ---------------------------------------------------------------------------------------------------
def _rect(m: "Machine", p: int) -> Rect:
    return tuple(struct.unpack("<iiii", m.mem.read(p, 16)))  # type: ignore[return-value]


def _full(s: Surface) -> Rect:
    return (0, 0, s.width, s.height)


def _inside(r: Rect, s: Surface) -> bool:
    return 0 <= r[0] < r[2] <= s.width and 0 <= r[1] < r[3] <= s.height


def _this(this: Ref) -> Surface:
    s = this.obj
    assert isinstance(s, Surface)
    return s


def _key_where(vals: np.ndarray, fmt: PixelFormat, key: tuple[int, int]) -> np.ndarray:
    """True where raw ``vals`` match colour key ``key`` (its low value; the colour bits only)."""
    km = np.uint32(fmt.key_mask)
    return (vals & km) == np.uint32(key[0] & fmt.key_mask)


def _convert(vals: np.ndarray, src: Surface, dst: Surface, m: "Machine") -> np.ndarray | None:
    """Raw source values in the destination's format (None if one side is palettized and the other not)."""
    if src.fmt == dst.fmt or (src.fmt.bpp == dst.fmt.bpp and (src.fmt.r, src.fmt.g, src.fmt.b) ==
                              (dst.fmt.r, dst.fmt.g, dst.fmt.b)):
        return vals
    if src.fmt.palettized or dst.fmt.palettized:
        return None
    return pixfmt.from_rgb(pixfmt.to_rgb(vals, src.fmt), dst.fmt)


def blit(m: "Machine", dst: Surface, drect: Rect, src: Surface | None, srect: Rect | None, *, fill: int | None = None,
         src_key: tuple[int, int] | None = None, dst_key: tuple[int, int] | None = None, mirror_x: bool = False,
         mirror_y: bool = False, clip: bool = False) -> int:
    """The blitter: copy (stretching, mirroring) or fill, with colour keys; DD_OK or an error code."""
    dx0, dy0, dx1, dy1 = drect
    dw, dh = dx1 - dx0, dy1 - dy0
    cx0, cy0, cx1, cy1 = max(dx0, 0), max(dy0, 0), min(dx1, dst.width), min(dy1, dst.height)
    if not clip and (cx0, cy0, cx1, cy1) != drect:
        return DDERR_INVALIDRECT
    if cx1 <= cx0 or cy1 <= cy0:
        return DD_OK
    out = (cx0, cy0, cx1, cy1)
    where: np.ndarray | None = None
    if src is None:
        vals: np.ndarray | int = fill if fill is not None else 0
    else:
        assert srect is not None
        sx0, sy0, sx1, sy1 = srect
        sw, sh = sx1 - sx0, sy1 - sy0
        block = src.buf.read(srect)
        xs = (np.arange(dw, dtype=np.int64) * sw) // dw
        ys = (np.arange(dh, dtype=np.int64) * sh) // dh
        if mirror_x:
            xs = xs[::-1]
        if mirror_y:
            ys = ys[::-1]
        xs = xs[cx0 - dx0:cx1 - dx0]
        ys = ys[cy0 - dy0:cy1 - dy0]
        if sw == dw and sh == dh and not mirror_x and not mirror_y:
            block = block[ys[0]:ys[-1] + 1, xs[0]:xs[-1] + 1]
        else:
            block = block[np.ix_(ys, xs)]
        if src_key is not None:
            where = ~_key_where(block, src.fmt, src_key)
        conv = _convert(block, src, dst, m)
        if conv is None:
            return DDERR_INVALIDPIXELFORMAT
        vals = conv
    if dst_key is not None:
        dk = _key_where(dst.buf.read(out), dst.fmt, dst_key)
        where = dk if where is None else (where & dk)
    dst.buf.write(out, vals, where)
    return DD_OK


# ---- methods ---------------------------------------------------------------------------------------------------
def Blt(m: "Machine", this: Ref, lpDestRect: PTR, lpDDSrcSurface: PTR, lpSrcRect: PTR, dwFlags: DWORD,
        lpDDBltFx: PTR) -> DWORD:
    """IDirectDrawSurface::Blt: copy (stretching, mirroring, colour keys) or colour-fill a rectangle."""
    dst = _this(this)
    fx = m.mem.read(lpDDBltFx, 100) if lpDDBltFx else None
    if fx is not None and struct.unpack_from("<I", fx)[0] != 100:
        return DDERR_INVALIDPARAMS
    needs_fx = DDBLT_COLORFILL | DDBLT_DDFX | DDBLT_KEYDESTOVERRIDE | DDBLT_KEYSRCOVERRIDE | DDBLT_ROP | \
        DDBLT_DEPTHFILL
    if dwFlags & needs_fx and fx is None:
        return DDERR_INVALIDPARAMS
    src = lookup_obj(m, lpDDSrcSurface, Surface) if lpDDSrcSurface else None
    if lpDDSrcSurface and src is None:
        return DDERR_INVALIDPARAMS
    if dst.lost or (src is not None and src.lost):
        return DDERR_SURFACELOST
    if dst.busy() or (src is not None and src is not dst and src.busy()):
        return DDERR_SURFACEBUSY
    drect = _rect(m, lpDestRect) if lpDestRect else _full(dst)
    if drect[2] <= drect[0] or drect[3] <= drect[1]:
        return DDERR_INVALIDRECT
    fill = None
    if dwFlags & DDBLT_DEPTHFILL:
        return DDERR_INVALIDPARAMS  # no z-buffers
    if dwFlags & DDBLT_COLORFILL:
        assert fx is not None
        fill = struct.unpack_from("<I", fx, 80)[0]
        src = None
    elif dwFlags & DDBLT_ROP:
        assert fx is not None
        rop = struct.unpack_from("<I", fx, 8)[0]
        if rop in (BLACKNESS, WHITENESS):
            fill = 0 if rop == BLACKNESS else 0xFFFFFFFF
            src = None
        elif rop != SRCCOPY:
            return DDERR_NORASTEROPHW
    if fill is None and src is None:
        return DDERR_INVALIDPARAMS
    srect = None
    if src is not None:
        srect = _rect(m, lpSrcRect) if lpSrcRect else _full(src)
        if not _inside(srect, src):
            return DDERR_INVALIDRECT
    src_key = dst_key = None
    if src is not None and dwFlags & DDBLT_KEYSRCOVERRIDE:
        assert fx is not None
        src_key = struct.unpack_from("<II", fx, 92)
    elif src is not None and dwFlags & DDBLT_KEYSRC:
        src_key = src.ckeys.get(DDCKEY_SRCBLT)
        if src_key is None:
            return DDERR_INVALIDPARAMS
    if dwFlags & DDBLT_KEYDESTOVERRIDE:
        assert fx is not None
        dst_key = struct.unpack_from("<II", fx, 84)
    elif dwFlags & DDBLT_KEYDEST:
        dst_key = dst.ckeys.get(DDCKEY_DESTBLT)
        if dst_key is None:
            return DDERR_INVALIDPARAMS
    ddfx = struct.unpack_from("<I", fx, 4)[0] if fx is not None and dwFlags & DDBLT_DDFX else 0
    dst.uniqueness += 1  # before writing: a presenter upload overlapping the write must see a change
    r = blit(m, dst, drect, src, srect, fill=fill, src_key=src_key, dst_key=dst_key,
             mirror_x=bool(ddfx & DDBLTFX_MIRRORLEFTRIGHT), mirror_y=bool(ddfx & DDBLTFX_MIRRORUPDOWN),
             clip=dst.clipper is not None)
    if r != DD_OK:
        return r
    dst.touched(m)
    if ddfx & DDBLTFX_NOTEARING and dst.front.visible(m):
        disp.wait_vblank(m, DD_OK)  # "schedule the blit to avoid tearing": it lands at the next refresh
    return DD_OK


def BltFast(m: "Machine", this: Ref, dwX: DWORD, dwY: DWORD, lpDDSrcSurface: PTR, lpSrcRect: PTR,
            dwTrans: DWORD) -> DWORD:
    """IDirectDrawSurface::BltFast: unstretched copy to (x, y), optionally with the source or dest colour key."""
    dst = _this(this)
    src = lookup_obj(m, lpDDSrcSurface, Surface)
    if src is None:
        return DDERR_INVALIDPARAMS
    if dst.clipper is not None:
        return DDERR_BLTFASTCANTCLIP
    if dst.lost or src.lost:
        return DDERR_SURFACELOST
    if dst.busy() or (src is not dst and src.busy()):
        return DDERR_SURFACEBUSY
    srect = _rect(m, lpSrcRect) if lpSrcRect else _full(src)
    if not _inside(srect, src):
        return DDERR_INVALIDRECT
    x, y = dwX, dwY
    drect = (x, y, x + srect[2] - srect[0], y + srect[3] - srect[1])
    if not _inside(drect, dst):
        return DDERR_INVALIDRECT
    src_key = dst_key = None
    if dwTrans & DDBLTFAST_SRCCOLORKEY:
        src_key = src.ckeys.get(DDCKEY_SRCBLT)
        if src_key is None:
            return DDERR_INVALIDPARAMS
    if dwTrans & DDBLTFAST_DESTCOLORKEY:
        dst_key = dst.ckeys.get(DDCKEY_DESTBLT)
        if dst_key is None:
            return DDERR_INVALIDPARAMS
    dst.uniqueness += 1  # before writing: a presenter upload overlapping the write must see a change
    r = blit(m, dst, drect, src, srect, src_key=src_key, dst_key=dst_key)
    if r == DD_OK:
        dst.touched(m)
    return r


def Flip(m: "Machine", this: Ref, lpDDSurfaceTargetOverride: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface::Flip: the next buffer of the flipping chain becomes visible at the next refresh."""
    s = _this(this)
    chain = s.chain
    if chain is None or chain[0] is not s:
        return DDERR_NOTFLIPPABLE
    if any(x.lost for x in chain):
        return DDERR_SURFACELOST
    if any(x.busy() for x in chain):
        return DDERR_SURFACEBUSY
    if lpDDSurfaceTargetOverride:
        t = lookup_obj(m, lpDDSurfaceTargetOverride, Surface)
        if t is None or t is s or t not in chain:
            return DDERR_INVALIDPARAMS
        s.buf, t.buf = t.buf, s.buf
    else:
        bufs = [x.buf for x in chain]
        for x, b in zip(chain, bufs[1:] + bufs[:1], strict=True):
            x.buf = b
    for x in chain:
        x.uniqueness += 1
    if s.visible(m):
        disp.changed(m)
        if not dwFlags & DDFLIP_NOVSYNC:
            frames = max(1, (dwFlags >> 24) & 0xF)  # DDFLIP_INTERVAL2..4
            disp.wait_vblank(m, DD_OK, frames)
    return DD_OK


def GetAttachedSurface(m: "Machine", this: Ref, lpDDSCaps: PTR, lplpDDAttachedSurface: PTR) -> DWORD:
    """IDirectDrawSurface::GetAttachedSurface: the attached surface with the given caps (AddRef'd)."""
    s = _this(this)
    if not lpDDSCaps or not lplpDDAttachedSurface:
        return DDERR_INVALIDPARAMS
    want = m.mem.u32(lpDDSCaps)
    for a in s.attached:
        if a.alive and a.caps & want == want:
            add_ref(m, a, this.iface)
            m.mem.w32(lplpDDAttachedSurface, a.ptr(this.iface))
            return DD_OK
    m.mem.w32(lplpDDAttachedSurface, 0)
    return DDERR_NOTFOUND


def EnumAttachedSurfaces(m: "Machine", this: Ref, lpContext: PTR, lpEnumSurfacesCallback: PTR) -> DWORD:
    """IDirectDrawSurface::EnumAttachedSurfaces: call back with each attached surface (AddRef'd) and its desc."""
    s = _this(this)
    if not lpEnumSurfacesCallback:
        return DDERR_INVALIDPARAMS
    size = DESC2_SIZE if this.iface.version >= 4 else DESC_SIZE
    from .factory import _heap  # noqa: PLC0415
    heap = _heap(m)
    for a in list(s.attached):
        if not a.alive:
            continue
        p = heap.alloc(size)
        m.mem.write(p, a.desc_bytes(size))
        add_ref(m, a, this.iface)
        try:
            r = m.call(lpEnumSurfacesCallback, a.ptr(this.iface), p, lpContext)
        finally:
            heap.free(p)
        if r != DDENUMRET_OK:
            break
    return DD_OK


def GetCaps(m: "Machine", this: Ref, lpDDSCaps: PTR) -> DWORD:
    """IDirectDrawSurface::GetCaps: the surface's DDSCAPS (DDSCAPS2 for versions 4 and 7)."""
    if not lpDDSCaps:
        return DDERR_INVALIDPARAMS
    s = _this(this)
    if this.iface.version >= 4:
        m.mem.pack("<IIII", lpDDSCaps, s.caps, 0, 0, 0)
    else:
        m.mem.w32(lpDDSCaps, s.caps)
    return DD_OK


def GetSurfaceDesc(m: "Machine", this: Ref, lpDDSurfaceDesc: PTR) -> DWORD:
    """IDirectDrawSurface::GetSurfaceDesc: size, pitch, pixel format and caps."""
    if not lpDDSurfaceDesc:
        return DDERR_INVALIDPARAMS
    size = m.mem.u32(lpDDSurfaceDesc)
    if size != (DESC2_SIZE if this.iface.version >= 4 else DESC_SIZE):
        return DDERR_INVALIDPARAMS
    m.mem.write(lpDDSurfaceDesc, _this(this).desc_bytes(size))
    return DD_OK


def GetPixelFormat(m: "Machine", this: Ref, lpDDPixelFormat: PTR) -> DWORD:
    """IDirectDrawSurface::GetPixelFormat: the surface's DDPIXELFORMAT."""
    if not lpDDPixelFormat:
        return DDERR_INVALIDPARAMS
    m.mem.write(lpDDPixelFormat, _this(this).fmt.pack())
    return DD_OK


def Lock(m: "Machine", this: Ref, lpDestRect: PTR, lpDDSurfaceDesc: PTR, dwFlags: DWORD, hEvent: DWORD) -> DWORD:
    """IDirectDrawSurface::Lock: the address of the surface memory (or of a rectangle in it) and its pitch."""
    s = _this(this)
    if not lpDDSurfaceDesc:
        return DDERR_INVALIDPARAMS
    size = m.mem.u32(lpDDSurfaceDesc)
    if size not in (DESC_SIZE, DESC2_SIZE):
        return DDERR_INVALIDPARAMS
    if s.lost:
        return DDERR_SURFACELOST
    r = _rect(m, lpDestRect) if lpDestRect else _full(s)
    if not _inside(r, s):
        return DDERR_INVALIDPARAMS
    if s.busy():
        return DDERR_SURFACEBUSY
    s.locks.append(r)
    addr = s.buf.addr + r[1] * s.buf.pitch + r[0] * s.fmt.bytespp
    m.mem.write(lpDDSurfaceDesc, s.desc_bytes(size, addr))
    return DD_OK


def _unlock(m: "Machine", s: Surface, r: Rect | None) -> int:
    if not s.locks:
        return DDERR_NOTLOCKED
    if r is None:
        s.locks.pop()
    elif r in s.locks:
        s.locks.remove(r)
    else:
        return DDERR_NOTLOCKED
    s.touched(m)
    return DD_OK


def Unlock(m: "Machine", this: Ref, lpSurfaceData: PTR) -> DWORD:
    """IDirectDrawSurface::Unlock (versions 1-3: takes the locked pointer, which is not needed)."""
    return _unlock(m, _this(this), None)


def Unlock4(m: "Machine", this: Ref, lpRect: PTR) -> DWORD:
    """IDirectDrawSurface4/7::Unlock: unlock the rectangle given to Lock (NULL: the whole surface)."""
    return _unlock(m, _this(this), _rect(m, lpRect) if lpRect else None)


def IsLost(m: "Machine", this: Ref) -> DWORD:
    """IDirectDrawSurface::IsLost: DDERR_SURFACELOST after a display mode change until Restore."""
    return DDERR_SURFACELOST if _this(this).lost else DD_OK


def Restore(m: "Machine", this: Ref) -> DWORD:
    """IDirectDrawSurface::Restore: give a lost surface its memory back (contents undefined)."""
    s = _this(this)
    if not s.lost:
        return DD_OK
    if s.primary:
        w, h, bpp = disp.current_mode(m)
        if (w, h) != (s.width, s.height) or pixfmt.display_format(bpp) != s.fmt:
            return DDERR_WRONGMODE
    for x in (s.chain or [s]):
        x.lost = False
    s.touched(m)
    return DD_OK


def SetColorKey(m: "Machine", this: Ref, dwFlags: DWORD, lpDDColorKey: PTR) -> DWORD:
    """IDirectDrawSurface::SetColorKey: set (or with NULL remove) the source/destination blit colour key."""
    s = _this(this)
    kinds = dwFlags & (DDCKEY_DESTBLT | DDCKEY_DESTOVERLAY | DDCKEY_SRCBLT | DDCKEY_SRCOVERLAY)
    if kinds not in (DDCKEY_DESTBLT, DDCKEY_DESTOVERLAY, DDCKEY_SRCBLT, DDCKEY_SRCOVERLAY):
        return DDERR_INVALIDPARAMS
    if not lpDDColorKey:
        s.ckeys.pop(kinds, None)
        return DD_OK
    lo, hi = m.mem.unpack("<II", lpDDColorKey)
    s.ckeys[kinds] = (lo, hi if dwFlags & DDCKEY_COLORSPACE else lo)
    return DD_OK


def GetColorKey(m: "Machine", this: Ref, dwFlags: DWORD, lpDDColorKey: PTR) -> DWORD:
    """IDirectDrawSurface::GetColorKey: the colour key of one kind (DDERR_NOCOLORKEY if unset)."""
    s = _this(this)
    if not lpDDColorKey:
        return DDERR_INVALIDPARAMS
    key = s.ckeys.get(dwFlags & (DDCKEY_DESTBLT | DDCKEY_DESTOVERLAY | DDCKEY_SRCBLT | DDCKEY_SRCOVERLAY))
    if key is None:
        return DDERR_NOCOLORKEY
    m.mem.pack("<II", lpDDColorKey, *key)
    return DD_OK


def SetPalette(m: "Machine", this: Ref, lpDDPalette: PTR) -> DWORD:
    """IDirectDrawSurface::SetPalette: attach a palette (AddRef'd; NULL detaches) to an 8-bit surface."""
    s = _this(this)
    if lpDDPalette:
        p = lookup_obj(m, lpDDPalette, Palette)
        if p is None:
            return DDERR_INVALIDPARAMS
        if not s.fmt.palettized:
            return DDERR_INVALIDPIXELFORMAT
        add_ref(m, p, p.interfaces[0])
    else:
        p = None
    old, s.palette = s.palette, p
    if old is not None and old.alive:
        release(m, old, old.interfaces[0])
    s.touched(m)
    return DD_OK


def GetPalette(m: "Machine", this: Ref, lplpDDPalette: PTR) -> DWORD:
    """IDirectDrawSurface::GetPalette: the attached palette (AddRef'd) or DDERR_NOPALETTEATTACHED."""
    s = _this(this)
    if not lplpDDPalette:
        return DDERR_INVALIDPARAMS
    p = s.palette
    if p is None or not p.alive:
        m.mem.w32(lplpDDPalette, 0)
        return DDERR_NOPALETTEATTACHED
    add_ref(m, p, p.interfaces[0])
    m.mem.w32(lplpDDPalette, p.ptr(p.interfaces[0]))
    return DD_OK


def SetClipper(m: "Machine", this: Ref, lpDDClipper: PTR) -> DWORD:
    """IDirectDrawSurface::SetClipper: attach a clipper (AddRef'd; NULL detaches)."""
    s = _this(this)
    c = lookup_obj(m, lpDDClipper, Clipper) if lpDDClipper else None
    if lpDDClipper and c is None:
        return DDERR_INVALIDPARAMS
    if c is not None:
        add_ref(m, c, c.interfaces[0])
    old, s.clipper = s.clipper, c
    if old is not None and old.alive:
        release(m, old, old.interfaces[0])
    return DD_OK


def GetClipper(m: "Machine", this: Ref, lplpDDClipper: PTR) -> DWORD:
    """IDirectDrawSurface::GetClipper: the attached clipper (AddRef'd) or DDERR_NOCLIPPERATTACHED."""
    s = _this(this)
    if not lplpDDClipper:
        return DDERR_INVALIDPARAMS
    c = s.clipper
    if c is None or not c.alive:
        return DDERR_NOCLIPPERATTACHED
    add_ref(m, c, c.interfaces[0])
    m.mem.w32(lplpDDClipper, c.ptr(c.interfaces[0]))
    return DD_OK


def _gdi_format(s: Surface) -> tuple[int, tuple[int, int, int], int] | None:
    """(bpp, masks, compression) of a DIB section over the surface, None if GDI cannot describe it."""
    from gdi import bitmap  # noqa: PLC0415
    f = s.fmt
    if f.palettized:
        return 8, bitmap.STD32, bitmap.BI_RGB
    masks = (f.r, f.g, f.b)
    if f.bpp == 24:
        return (24, bitmap.STD32, bitmap.BI_RGB) if masks == bitmap.STD32 else None
    return f.bpp, masks, bitmap.BI_BITFIELDS if masks != bitmap.STD32 or f.bpp == 16 else bitmap.BI_RGB


def _make_dc(m: "Machine", s: Surface) -> int | None:
    from gdi import bitmap, gdiobj  # noqa: PLC0415
    from gdi import dc as gdc  # noqa: PLC0415
    buf = s.buf
    gf = _gdi_format(s)
    if gf is None:
        return None
    bpp, masks, comp = gf
    colors = [int(v) for v in s.palette_lut(m)] if bpp == 8 else []
    if buf.dc is not None:
        if bpp == 8:
            buf.dc[1].colors = colors
        return int(buf.dc[0])
    bm = bitmap.DibSection(width=s.width, height=s.height, bpp=bpp, bits=buf.addr, stride=buf.pitch, colors=colors,
                           bottom_up=False, masks=masks, compression=comp, region=None, header_height=-s.height)
    bm.surface = bitmap._section_surface(m, bm)  # noqa: SLF001 - the DIB section machinery over our memory
    gdiobj.table(m).add(bm)
    dc = gdc.new_memory_dc(m)
    gdc.select_bitmap(dc, bm)
    buf.dc = (dc.handle, bm)
    return int(dc.handle)


def GetDC(m: "Machine", this: Ref, lphDC: PTR) -> DWORD:
    """IDirectDrawSurface::GetDC: a GDI device context drawing on the surface (locks it until ReleaseDC)."""
    s = _this(this)
    if not lphDC:
        return DDERR_INVALIDPARAMS
    if s.lost:
        return DDERR_SURFACELOST
    if s.dc_out:
        return DDERR_DCALREADYCREATED
    if s.locks:
        return DDERR_SURFACEBUSY
    h = _make_dc(m, s)
    if h is None:
        return DDERR_CANTCREATEDC
    s.dc_out = True
    m.mem.w32(lphDC, h)
    return DD_OK


def ReleaseDC(m: "Machine", this: Ref, hDC: DWORD) -> DWORD:
    """IDirectDrawSurface::ReleaseDC: GDI is done with the surface.

    Like Windows, it releases the surface's DC whatever handle is passed: win003.exe calls it with a
    missing argument and carries on only because it succeeds."""
    s = _this(this)
    if not s.dc_out or s.buf.dc is None:
        return DDERR_NODC
    s.dc_out = False
    bm = s.buf.dc[1]
    if bm.surface is not None:
        bm.surface.pull()  # nothing pending in the shadow: the memory is what GDI drew
    s.touched(m)
    return DD_OK


def GetDDInterface(m: "Machine", this: Ref, lplpDD: PTR) -> DWORD:
    """IDirectDrawSurface2+::GetDDInterface: the DirectDraw interface that created the surface (AddRef'd)."""
    s = _this(this)
    if not lplpDD:
        return DDERR_INVALIDPARAMS
    dd = s.dd
    if dd is None or not dd.alive:
        return DDERR_INVALIDOBJECT
    add_ref(m, dd, s.dd_iface)
    m.mem.w32(lplpDD, dd.ptr(s.dd_iface))
    return DD_OK


def PageLock(m: "Machine", this: Ref, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface2+::PageLock: surfaces are always resident (DD_OK)."""
    return DD_OK


def PageUnlock(m: "Machine", this: Ref, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface2+::PageUnlock: DD_OK."""
    return DD_OK


def GetBltStatus(m: "Machine", this: Ref, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface::GetBltStatus: blits finish before Blt returns, so one can always start (DD_OK)."""
    return DD_OK


def GetFlipStatus(m: "Machine", this: Ref, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface::GetFlipStatus: flips complete before Flip returns (DD_OK)."""
    return DD_OK


def GetUniquenessValue(m: "Machine", this: Ref, lpValue: PTR) -> DWORD:
    """IDirectDrawSurface4/7::GetUniquenessValue: a number that changes whenever the contents may have."""
    if not lpValue:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lpValue, _this(this).uniqueness)
    return DD_OK


def ChangeUniquenessValue(m: "Machine", this: Ref) -> DWORD:
    """IDirectDrawSurface4/7::ChangeUniquenessValue: mark the contents as changed."""
    _this(this).uniqueness += 1
    return DD_OK


def Initialize(m: "Machine", this: Ref, lpDD: PTR, lpDDSurfaceDesc: PTR) -> DWORD:
    """IDirectDrawSurface::Initialize: surfaces are created initialized (DDERR_ALREADYINITIALIZED)."""
    return DDERR_ALREADYINITIALIZED


def _slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("AddAttachedSurface", todo(1)),
        ("AddOverlayDirtyRect", todo(1)),
        ("Blt", Blt),
        ("BltBatch", todo(3)),
        ("BltFast", BltFast),
        ("DeleteAttachedSurface", todo(2)),
        ("EnumAttachedSurfaces", EnumAttachedSurfaces),
        ("EnumOverlayZOrders", todo(3)),
        ("Flip", Flip),
        ("GetAttachedSurface", GetAttachedSurface),
        ("GetBltStatus", GetBltStatus),
        ("GetCaps", GetCaps),
        ("GetClipper", GetClipper),
        ("GetColorKey", GetColorKey),
        ("GetDC", GetDC),
        ("GetFlipStatus", GetFlipStatus),
        ("GetOverlayPosition", todo(2)),
        ("GetPalette", GetPalette),
        ("GetPixelFormat", GetPixelFormat),
        ("GetSurfaceDesc", GetSurfaceDesc),
        ("Initialize", Initialize),
        ("IsLost", IsLost),
        ("Lock", Lock),
        ("ReleaseDC", ReleaseDC),
        ("Restore", Restore),
        ("SetClipper", SetClipper),
        ("SetColorKey", SetColorKey),
        ("SetOverlayPosition", todo(2)),
        ("SetPalette", SetPalette),
        ("Unlock", Unlock if version < 4 else Unlock4),
        ("UpdateOverlay", todo(5)),
        ("UpdateOverlayDisplay", todo(1)),
        ("UpdateOverlayZOrder", todo(2)),
    ]
    if version >= 2:
        slots += [
            ("GetDDInterface", GetDDInterface),
            ("PageLock", PageLock),
            ("PageUnlock", PageUnlock),
        ]
    if version >= 3:
        slots += [("SetSurfaceDesc", todo(2))]
    if version >= 4:
        slots += [
            ("SetPrivateData", todo(4)),
            ("GetPrivateData", todo(3)),
            ("FreePrivateData", todo(1)),
            ("GetUniquenessValue", GetUniquenessValue),
            ("ChangeUniquenessValue", ChangeUniquenessValue),
        ]
    if version >= 7:
        slots += [
            ("SetPriority", todo(1)),
            ("GetPriority", todo(1)),
            ("SetLOD", todo(1)),
            ("GetLOD", todo(1)),
        ]
    return slots


def _surface_interface(name: str, iid: bytes, version: int) -> Interface:
    return Interface(name, iid, base=IUnknown, dll="ddraw", version=version, invalid=DDERR_INVALIDOBJECT,
                     slots=_slots(version))


IDirectDrawSurface = _surface_interface("IDirectDrawSurface", guids.IID_IDirectDrawSurface, 1)
IDirectDrawSurface2 = _surface_interface("IDirectDrawSurface2", guids.IID_IDirectDrawSurface2, 2)
IDirectDrawSurface3 = _surface_interface("IDirectDrawSurface3", guids.IID_IDirectDrawSurface3, 3)
IDirectDrawSurface4 = _surface_interface("IDirectDrawSurface4", guids.IID_IDirectDrawSurface4, 4)
IDirectDrawSurface7 = _surface_interface("IDirectDrawSurface7", guids.IID_IDirectDrawSurface7, 7)
Surface.interfaces = (IDirectDrawSurface, IDirectDrawSurface2, IDirectDrawSurface3, IDirectDrawSurface4,
                      IDirectDrawSurface7)

__all__ = ["Surface", "create", "publish", "read_desc", "surface_iface"]
