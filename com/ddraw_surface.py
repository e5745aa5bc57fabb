"""IDirectDrawSurface (1, 2, 3, 4, 7): surfaces in guest memory, their creation, description and Flip.

The methods live in several modules: the blitter (Blt, BltFast) in ``ddraw_blit``, Lock/Unlock and GetDC in
``ddraw_lock``, attachments, duplicates, client memory (SetSurfaceDesc), private data, texture-manager
priorities and overlays in ``ddraw_attach``; this module holds the surface object and the vtables.

A surface's pixels are one ``Buffer``: rows of ``pitch`` bytes in pages of their own, with slack after the
end (real video memory had some; programs that write a little past the last row keep working). Python reads
and writes them through zero-copy numpy views. A flipping chain is a list of surfaces, front first; Flip
rotates their buffers (the surface objects keep their roles, as with DirectDraw's video-memory pointers).

A surface can also use memory the program owns (a client memory surface: CreateSurface with DDSD_LPSURFACE
or SetSurfaceDesc): its ``Buffer`` then views that memory, and the surface never frees it. Duplicates
(DuplicateSurface) share one ``Buffer``, which is freed with its last user.

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
from . import pixfmt
from .ddraw_clipper import Clipper
from .ddraw_errors import (
    DD_OK, DDENUMRET_OK, DDERR_ALREADYINITIALIZED, DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS, DDERR_INVALIDPIXELFORMAT,
    DDERR_NOCLIPPERATTACHED, DDERR_NOCOLORKEY, DDERR_NOPALETTEATTACHED, DDERR_NOTFLIPPABLE, DDERR_NOTFOUND,
    DDERR_OUTOFVIDEOMEMORY, DDERR_SURFACEBUSY, DDERR_SURFACELOST, DDERR_WRONGMODE,
)
from .ddraw_palette import Palette
from .factory import ComObject, Interface, Ref, add_ref, kill, lookup_obj, publish, release
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
DDSCAPS2_HINTDYNAMIC, DDSCAPS2_HINTSTATIC, DDSCAPS2_TEXTUREMANAGE, DDSCAPS2_OPAQUE = 0x4, 0x8, 0x10, 0x80
DDSCAPS2_D3DTEXTUREMANAGE = 0x20000
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

    def __init__(self, m: "Machine", width: int, height: int, fmt: PixelFormat,
                 client: tuple[int, int] | None = None) -> None:
        self.width = width
        self.height = height
        self.fmt = fmt
        self.users = 1  # surfaces using this buffer (DuplicateSurface shares it)
        self.region: Any = None  # the memory we allocated (None: the program's memory, a client memory surface)
        if client is None:
            self.pitch = (width * fmt.bytespp + PITCH_ALIGN - 1) & ~(PITCH_ALIGN - 1)
            size = self.pitch * height
            self.region = m.mem.alloc(size + max(MIN_SLACK, size // 4), tag="ddraw surface")
            self.addr = self.region.base
        else:
            self.addr, self.pitch = client
            size = self.pitch * height
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
        """One user fewer; the last one deletes the DC and frees the memory (never a program's own memory)."""
        self.users -= 1
        if self.users > 0:
            return
        drop_dc(m, self)
        if self.region is not None and self.region in m.mem.regions:
            m.mem.unmap(self.region)


def client_buffer(m: "Machine", width: int, height: int, fmt: PixelFormat, addr: int, pitch: int) -> Buffer | None:
    """A Buffer over program memory at ``addr`` (None: the rows do not fit in one mapping, or a bad pitch)."""
    if not addr or pitch < width * fmt.bytespp or pitch % max(1, fmt.bytespp if fmt.bpp != 24 else 1):
        return None
    try:
        m.mem.view(addr, pitch * height)
    except Exception:  # noqa: BLE001 - GuestMemoryError: not one mapped region
        return None
    return Buffer(m, width, height, fmt, client=(addr, pitch))


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
    pitch: int = 0
    lpsurface: int = 0


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
    pitch = struct.unpack_from("<i", raw, 16)[0]
    lpsurface = struct.unpack_from("<I", raw, 36)[0]
    return Desc(flags, h, w, bb, caps, caps2, raw[72:104], keys, pitch, lpsurface)


class Surface(ComObject):
    """A DirectDraw surface (every IDirectDrawSurface version of it)."""

    per_interface_refs = True

    def __init__(self, m: "Machine", dd: Any, width: int, height: int, fmt: PixelFormat, caps: int,
                 dd_iface: Interface, buf: Buffer | None = None) -> None:
        super().__init__()
        self.dd = dd
        self.dd_iface = dd_iface  # the IDirectDraw version that created it (GetDDInterface)
        self.width = width
        self.height = height
        self.fmt = fmt
        self.caps = caps
        self.buf = buf if buf is not None else Buffer(m, width, height, fmt)
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
        self.caps2 = 0
        self.manual: dict[Surface, Interface] = {}  # surfaces attached by AddAttachedSurface (and their reference)
        self.gdi_buf: Buffer | None = None  # a primary chain: the buffer GDI shows (GetGDISurface, FlipToGDISurface)
        self.private: dict[bytes, tuple[bytes, int, int]] = {}  # SetPrivateData: tag -> (data, flags, uniqueness)
        self.priority = 0  # managed textures: SetPriority
        self.lod = 0  # managed textures: SetLOD
        self.duplicate = False  # made by DuplicateSurface
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

    @property
    def managed(self) -> bool:
        """A texture the Direct3D texture manager handles (DDSCAPS2_TEXTUREMANAGE / D3DTEXTUREMANAGE)."""
        return bool(self.caps & DDSCAPS_TEXTURE and self.caps2 & (DDSCAPS2_TEXTUREMANAGE | DDSCAPS2_D3DTEXTUREMANAGE))

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
        if size >= DESC2_SIZE:
            struct.pack_into("<I", d, 108, self.caps2)
        return bytes(d)

    # -- life ---------------------------------------------------------------------------------
    def destroy(self, m: "Machine") -> None:
        from . import ddraw_attach, ddraw_gamma  # noqa: PLC0415
        ddraw_attach.detach_all(m, self)
        if self.chain is not None and self.chain[0] is self:
            for s in self.chain[1:]:
                kill(m, s)
        for s in list(self.attached):
            if s.root is self:
                kill(m, s)
        self.attached.clear()
        ddraw_attach.free_private(m, self)
        ddraw_gamma.forget(m, self)
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
    from . import ddraw_vtables  # noqa: F401, PLC0415 - the vtables (imported once; it sets Surface.interfaces)
    return Surface.interfaces[{1: 0, 2: 0, 4: 3, 7: 4}[version]]


def create(m: "Machine", dd: Any, dd_iface: Interface, d: Desc) -> Surface | int:
    """CreateSurface's core: the new (root) surface, or an error code."""
    caps = d.caps or DDSCAPS_OFFSCREENPLAIN
    if caps & DDSCAPS_ZBUFFER or d.flags & DDSD_ZBUFFERBITDEPTH:
        from .ddraw_errors import DDERR_NOZBUFFERHW  # noqa: PLC0415
        return DDERR_NOZBUFFERHW
    if caps & DDSCAPS_OVERLAY:
        from .ddraw_errors import DDERR_NOOVERLAYHW  # noqa: PLC0415
        return DDERR_NOOVERLAYHW
    if caps & (DDSCAPS_FRONTBUFFER | DDSCAPS_BACKBUFFER):
        from .ddraw_errors import DDERR_INVALIDCAPS  # noqa: PLC0415
        return DDERR_INVALIDCAPS
    if d.flags & DDSD_LPSURFACE:
        return _create_client(m, dd, dd_iface, d, caps)
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
        s.gdi_buf = s.buf
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
    if caps & DDSCAPS_TEXTURE:
        s.caps2 = d.caps2 & (DDSCAPS2_TEXTUREMANAGE | DDSCAPS2_D3DTEXTUREMANAGE | DDSCAPS2_HINTDYNAMIC |
                             DDSCAPS2_HINTSTATIC | DDSCAPS2_OPAQUE)
    return s


def _create_client(m: "Machine", dd: Any, dd_iface: Interface, d: Desc, caps: int) -> Surface | int:
    """A client memory surface (DDSD_LPSURFACE, DirectDraw 4 and 7): an explicit system-memory surface over
    memory the program allocated, with the size, pitch and format it describes."""
    from .ddraw_errors import DDERR_INVALIDCAPS  # noqa: PLC0415
    if dd_iface.version < 4 or caps & (DDSCAPS_PRIMARYSURFACE | DDSCAPS_FLIP | DDSCAPS_COMPLEX) or \
            not caps & DDSCAPS_SYSTEMMEMORY:
        return DDERR_INVALIDCAPS
    need = DDSD_WIDTH | DDSD_HEIGHT | DDSD_PITCH
    if d.flags & need != need or d.width == 0 or d.height == 0 or d.pitch <= 0 or not d.lpsurface:
        return DDERR_INVALIDPARAMS
    f = pixfmt.unpack(d.pixfmt) if d.flags & DDSD_PIXELFORMAT else pixfmt.display_format(disp.current_mode(m)[2])
    if f is None:
        return DDERR_INVALIDPIXELFORMAT
    buf = client_buffer(m, d.width, d.height, f, d.lpsurface, d.pitch)
    if buf is None:
        return DDERR_INVALIDPARAMS
    kind = 0 if caps & (DDSCAPS_TEXTURE | DDSCAPS_3DDEVICE) else DDSCAPS_OFFSCREENPLAIN
    s = Surface(m, dd, d.width, d.height, f, (caps & ~(DDSCAPS_VIDEOMEMORY | DDSCAPS_LOCALVIDMEM)) | kind, dd_iface,
                buf)
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
        m.mem.pack("<IIII", lpDDSCaps, s.caps, s.caps2, 0, 0)
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


__all__ = ["Surface", "create", "publish", "read_desc", "surface_iface"]
