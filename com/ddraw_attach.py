"""IDirectDrawSurface methods beyond drawing: attachments made by the program (AddAttachedSurface,
DeleteAttachedSurface), duplicates, client memory (SetSurfaceDesc), private data, the texture manager's
priority and level of detail, and overlays.

Attachments (versions 1-4): a surface of the same size, format and memory type attached to another makes a
flipping chain with it (or joins the chain the other heads), as DirectDraw documents; the attached surface
gets one reference, which DeleteAttachedSurface (or the destruction of the surface it is attached to) gives
back. IDirectDrawSurface7 attaches only z-buffers, which exeplay never creates (CreateSurface answers
DDERR_NOZBUFFERHW), so it answers DDERR_CANNOTATTACHSURFACE.

Overlays: GetCaps reports no overlay hardware and CreateSurface refuses DDSCAPS_OVERLAY (DDERR_NOOVERLAYHW), so
no surface is an overlay: the overlay methods answer what DirectDraw answers for such surfaces
(DDERR_NOTAOVERLAYSURFACE), EnumOverlayZOrders finds none, and the two methods DirectDraw never implemented
(AddOverlayDirtyRect, UpdateOverlayDisplay) answer DDERR_UNSUPPORTED.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from emu.api import DWORD, INT, PTR

from . import ddraw_display as disp
from . import pixfmt
from .ddraw_errors import (
    DD_OK, DDERR_CANNOTATTACHSURFACE, DDERR_CANNOTDETACHSURFACE, DDERR_CANTDUPLICATE, DDERR_EXPIRED,
    DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS, DDERR_INVALIDPIXELFORMAT, DDERR_INVALIDSURFACETYPE, DDERR_MOREDATA,
    DDERR_NOTAOVERLAYSURFACE, DDERR_NOTFOUND, DDERR_SURFACEALREADYATTACHED, DDERR_SURFACEBUSY, DDERR_SURFACELOST,
    DDERR_SURFACENOTATTACHED, DDERR_UNSUPPORTED,
)
from .ddraw_surface import (
    DDSCAPS_BACKBUFFER, DDSCAPS_FLIP, DDSCAPS_FRONTBUFFER, DDSCAPS_SYSTEMMEMORY, DDSD_CAPS, DDSD_HEIGHT,
    DDSD_LPSURFACE, DDSD_PITCH, DDSD_PIXELFORMAT, DDSD_WIDTH, DESC2_SIZE, DESC_SIZE, PITCH_ALIGN, Surface,
    _this, client_buffer, read_desc,
)
from .factory import Ref, add_ref, lookup, release

if TYPE_CHECKING:
    from emu.machine import Machine

DDSPD_IUNKNOWNPOINTER, DDSPD_VOLATILE = 0x1, 0x2
DDENUMOVERLAYZ_BACKTOFRONT, DDENUMOVERLAYZ_FRONTTOBACK = 0x0, 0x1


# ---- attachments ------------------------------------------------------------------------------------------------
def AddAttachedSurface(m: "Machine", this: Ref, lpDDSAttachedSurface: PTR) -> DWORD:
    """IDirectDrawSurface::AddAttachedSurface: attach a surface (AddRef'd): a same-size, same-format back buffer
    forms a flipping chain with this surface or joins the chain it heads."""
    s = _this(this)
    ref = lookup(m, lpDDSAttachedSurface) if lpDDSAttachedSurface else None
    if ref is None or not isinstance(ref.obj, Surface):
        return DDERR_INVALIDPARAMS
    a: Surface = ref.obj
    if a is s:
        return DDERR_CANNOTATTACHSURFACE  # a surface cannot be attached to itself
    if a in s.attached:
        return DDERR_SURFACEALREADYATTACHED
    if s.lost or a.lost:
        return DDERR_SURFACELOST
    if this.iface.version >= 7:
        return DDERR_CANNOTATTACHSURFACE  # IDirectDrawSurface7 attaches z-buffers only
    if (s.caps ^ a.caps) & DDSCAPS_SYSTEMMEMORY or (s.width, s.height) != (a.width, a.height) or s.fmt != a.fmt:
        return DDERR_CANNOTATTACHSURFACE  # emulated with non-emulated, or different sizes/formats
    if a.primary or a.chain is not None or (s.chain is not None and s.chain[0] is not s):
        return DDERR_CANNOTATTACHSURFACE  # a flippable surface to another flippable one
    if s.buf.users > 1 or a.buf.users > 1 or any(a in o.attached for o in disp.display(m).surfaces if o.alive):
        return DDERR_CANNOTATTACHSURFACE  # duplicates share memory; a surface is attached to one other at most
    if s.chain is None:
        s.chain = [s]
        s.caps |= DDSCAPS_FRONTBUFFER | DDSCAPS_FLIP
    s.chain.append(a)
    a.chain = s.chain
    a.caps |= DDSCAPS_FLIP | (DDSCAPS_BACKBUFFER if len(s.chain) == 2 else 0)
    s.attached.append(a)
    add_ref(m, a, ref.iface)
    s.manual[a] = ref.iface
    return DD_OK


def _detach(m: "Machine", s: Surface, a: Surface) -> None:
    """Undo AddAttachedSurface(s, a): out of the chain, and its reference given back."""
    s.attached.remove(a)
    iface = s.manual.pop(a)
    chain = s.chain
    if chain is not None and a in chain:
        chain.remove(a)
        a.chain = None
        a.caps &= ~(DDSCAPS_FLIP | DDSCAPS_BACKBUFFER | DDSCAPS_FRONTBUFFER)
        if len(chain) == 1:
            chain[0].chain = None
            chain[0].caps &= ~(DDSCAPS_FLIP | DDSCAPS_FRONTBUFFER)
        else:
            chain[1].caps |= DDSCAPS_BACKBUFFER
    if a.alive:
        release(m, a, iface)


def detach_all(m: "Machine", s: Surface) -> None:
    """``s`` is being destroyed: what was attached to it goes back to the program, and it leaves any surface it
    was attached to."""
    for a in list(s.manual):
        _detach(m, s, a)
    for o in disp.display(m).surfaces:
        if s in o.manual:
            _detach(m, o, s)


def DeleteAttachedSurface(m: "Machine", this: Ref, dwFlags: DWORD, lpDDSAttachedSurface: PTR) -> DWORD:
    """IDirectDrawSurface::DeleteAttachedSurface: detach a surface AddAttachedSurface attached (NULL: all of
    them) and release it; surfaces created together with this one cannot be detached."""
    s = _this(this)
    if dwFlags:
        return DDERR_INVALIDPARAMS
    if not lpDDSAttachedSurface:
        if not s.attached:
            return DDERR_SURFACENOTATTACHED
        if not s.manual:
            return DDERR_CANNOTDETACHSURFACE
        for a in list(s.manual):
            _detach(m, s, a)
        return DD_OK
    ref = lookup(m, lpDDSAttachedSurface)
    if ref is None or not isinstance(ref.obj, Surface):
        return DDERR_INVALIDPARAMS
    a = ref.obj
    if a not in s.attached:
        return DDERR_SURFACENOTATTACHED
    if a not in s.manual:
        return DDERR_CANNOTDETACHSURFACE
    _detach(m, s, a)
    return DD_OK


# ---- duplicates -------------------------------------------------------------------------------------------------
def duplicate(m: "Machine", s: Surface) -> Surface | int:
    """DuplicateSurface's core: a new surface object sharing ``s``'s memory (primary surfaces, flipping chains
    and implicitly created surfaces cannot be duplicated)."""
    if s.primary or s.chain is not None or s.root is not None or s.caps & (DDSCAPS_FRONTBUFFER | DDSCAPS_BACKBUFFER):
        return DDERR_CANTDUPLICATE
    if s.lost:
        return DDERR_SURFACELOST
    d = Surface(m, s.dd, s.width, s.height, s.fmt, s.caps, s.dd_iface, s.buf)
    s.buf.users += 1
    d.ckeys = dict(s.ckeys)
    d.caps2 = s.caps2
    d.duplicate = True
    return d


# ---- client memory ----------------------------------------------------------------------------------------------
def SetSurfaceDesc(m: "Machine", this: Ref, lpDDsd: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface3+::SetSurfaceDesc: make an explicit system-memory surface use memory the program
    allocated (lpSurface, optionally a new size, pitch and pixel format); the surface's own memory is freed and
    its pixels are read from and written to the program's memory from then on."""
    s = _this(this)
    if dwFlags or not lpDDsd:
        return DDERR_INVALIDPARAMS
    size = DESC2_SIZE if this.iface.version >= 4 else DESC_SIZE
    if m.mem.u32(lpDDsd) != size:
        return DDERR_INVALIDPARAMS
    d = read_desc(m, lpDDsd, size)
    if not s.caps & DDSCAPS_SYSTEMMEMORY or s.primary or s.chain is not None or s.attached or s.buf.users > 1:
        return DDERR_INVALIDSURFACETYPE
    if d.flags & ~(DDSD_LPSURFACE | DDSD_PIXELFORMAT | DDSD_WIDTH | DDSD_HEIGHT | DDSD_PITCH | DDSD_CAPS):
        return DDERR_INVALIDPARAMS
    if not d.flags & DDSD_LPSURFACE or not d.lpsurface:
        return DDERR_INVALIDPARAMS
    sized = d.flags & (DDSD_WIDTH | DDSD_HEIGHT)
    if sized and (sized != DDSD_WIDTH | DDSD_HEIGHT or d.width == 0 or d.height == 0):
        return DDERR_INVALIDPARAMS
    w, h = (d.width, d.height) if sized else (s.width, s.height)
    fmt = pixfmt.unpack(d.pixfmt) if d.flags & DDSD_PIXELFORMAT else s.fmt
    if fmt is None:
        return DDERR_INVALIDPIXELFORMAT
    pitch = d.pitch if d.flags & DDSD_PITCH else (w * fmt.bytespp + PITCH_ALIGN - 1) & ~(PITCH_ALIGN - 1)
    if s.lost:
        return DDERR_SURFACELOST
    if s.busy():
        return DDERR_SURFACEBUSY
    buf = client_buffer(m, w, h, fmt, d.lpsurface, pitch)
    if buf is None:
        return DDERR_INVALIDPARAMS
    old, s.buf = s.buf, buf
    old.free(m)
    s.width, s.height, s.fmt = w, h, fmt
    s.touched(m)
    return DD_OK


# ---- private data -----------------------------------------------------------------------------------------------
def _unknown_call(m: "Machine", p: int, slot: int) -> None:
    """Call IUnknown method ``slot`` (1 AddRef, 2 Release) of the guest interface pointer ``p``."""
    m.call(m.mem.u32(m.mem.u32(p) + 4 * slot), p)


def _drop(m: "Machine", entry: tuple[bytes, int, int]) -> None:
    data, flags, _ = entry
    if flags & DDSPD_IUNKNOWNPOINTER:
        _unknown_call(m, struct.unpack("<I", data)[0], 2)


def free_private(m: "Machine", s: Surface) -> None:
    """The surface is being destroyed: its private data goes (IUnknown pointers are released)."""
    entries, s.private = list(s.private.values()), {}
    for e in entries:
        _drop(m, e)


def SetPrivateData(m: "Machine", this: Ref, guidTag: PTR, lpData: PTR, cbSize: DWORD, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface4/7::SetPrivateData: keep data under a GUID tag (a copy of cbSize bytes; with
    DDSPD_IUNKNOWNPOINTER an interface pointer, AddRef'd; DDSPD_VOLATILE: valid until the contents change)."""
    s = _this(this)
    if not guidTag or dwFlags & ~(DDSPD_IUNKNOWNPOINTER | DDSPD_VOLATILE):
        return DDERR_INVALIDPARAMS
    if dwFlags & DDSPD_IUNKNOWNPOINTER:
        if cbSize != 4 or not lpData:
            return DDERR_INVALIDPARAMS
        data = struct.pack("<I", lpData)
        _unknown_call(m, lpData, 1)
    else:
        if cbSize and not lpData:
            return DDERR_INVALIDPARAMS
        data = m.mem.read(lpData, cbSize) if cbSize else b""
    tag = m.mem.read(guidTag, 16)
    old = s.private.pop(tag, None)
    s.private[tag] = (data, dwFlags, s.uniqueness)
    if old is not None:
        _drop(m, old)
    return DD_OK


def GetPrivateData(m: "Machine", this: Ref, guidTag: PTR, lpBuffer: PTR, lpcbBufferSize: PTR) -> DWORD:
    """IDirectDrawSurface4/7::GetPrivateData: copy the data kept under a tag (DDERR_MOREDATA and the size needed
    when the buffer is too small; DDERR_EXPIRED for volatile data after the contents changed)."""
    s = _this(this)
    if not guidTag or not lpcbBufferSize:
        return DDERR_INVALIDPARAMS
    e = s.private.get(m.mem.read(guidTag, 16))
    if e is None:
        return DDERR_NOTFOUND
    data, flags, uniq = e
    if flags & DDSPD_VOLATILE and uniq != s.uniqueness:
        return DDERR_EXPIRED
    if not lpBuffer or m.mem.u32(lpcbBufferSize) < len(data):
        m.mem.w32(lpcbBufferSize, len(data))
        return DDERR_MOREDATA
    m.mem.write(lpBuffer, data)
    m.mem.w32(lpcbBufferSize, len(data))
    return DD_OK


def FreePrivateData(m: "Machine", this: Ref, guidTag: PTR) -> DWORD:
    """IDirectDrawSurface4/7::FreePrivateData: forget the data kept under a tag (IUnknown pointers released)."""
    s = _this(this)
    if not guidTag:
        return DDERR_INVALIDPARAMS
    e = s.private.pop(m.mem.read(guidTag, 16), None)
    if e is None:
        return DDERR_NOTFOUND
    _drop(m, e)
    return DD_OK


# ---- texture manager ----------------------------------------------------------------------------------------------
def SetPriority(m: "Machine", this: Ref, dwPriority: DWORD) -> DWORD:
    """IDirectDrawSurface7::SetPriority: a managed texture's eviction priority (others: DDERR_INVALIDOBJECT)."""
    s = _this(this)
    if not s.managed:
        return DDERR_INVALIDOBJECT
    s.priority = dwPriority
    return DD_OK


def GetPriority(m: "Machine", this: Ref, lpdwPriority: PTR) -> DWORD:
    """IDirectDrawSurface7::GetPriority: the priority SetPriority gave a managed texture (0 at first)."""
    s = _this(this)
    if not lpdwPriority:
        return DDERR_INVALIDPARAMS
    if not s.managed:
        return DDERR_INVALIDOBJECT
    m.mem.w32(lpdwPriority, s.priority)
    return DD_OK


def SetLOD(m: "Machine", this: Ref, dwMaxLOD: DWORD) -> DWORD:
    """IDirectDrawSurface7::SetLOD: the most detailed mipmap level a managed texture keeps in video memory;
    textures here have one level, so only 0 is valid (others: DDERR_INVALIDOBJECT)."""
    s = _this(this)
    if not s.managed:
        return DDERR_INVALIDOBJECT
    if dwMaxLOD >= 1:
        return DDERR_INVALIDPARAMS
    s.lod = dwMaxLOD
    return DD_OK


def GetLOD(m: "Machine", this: Ref, lpdwMaxLOD: PTR) -> DWORD:
    """IDirectDrawSurface7::GetLOD: the level SetLOD gave a managed texture (others: DDERR_INVALIDOBJECT)."""
    s = _this(this)
    if not lpdwMaxLOD:
        return DDERR_INVALIDPARAMS
    if not s.managed:
        return DDERR_INVALIDOBJECT
    m.mem.w32(lpdwMaxLOD, s.lod)
    return DD_OK


# ---- overlays ---------------------------------------------------------------------------------------------------
def AddOverlayDirtyRect(m: "Machine", this: Ref, lpRect: PTR) -> DWORD:
    """IDirectDrawSurface::AddOverlayDirtyRect: never implemented by DirectDraw (DDERR_UNSUPPORTED)."""
    return DDERR_UNSUPPORTED


def UpdateOverlayDisplay(m: "Machine", this: Ref, dwFlags: DWORD) -> DWORD:
    """IDirectDrawSurface::UpdateOverlayDisplay: never implemented by DirectDraw (DDERR_UNSUPPORTED)."""
    return DDERR_UNSUPPORTED


def EnumOverlayZOrders(m: "Machine", this: Ref, dwFlags: DWORD, lpContext: PTR, lpfnCallback: PTR) -> DWORD:
    """IDirectDrawSurface::EnumOverlayZOrders: call back for each overlay shown on this surface: there are none
    (no overlay hardware)."""
    if dwFlags not in (DDENUMOVERLAYZ_BACKTOFRONT, DDENUMOVERLAYZ_FRONTTOBACK) or not lpfnCallback:
        return DDERR_INVALIDPARAMS
    return DD_OK


def GetOverlayPosition(m: "Machine", this: Ref, lplX: PTR, lplY: PTR) -> DWORD:
    """IDirectDrawSurface::GetOverlayPosition: only for overlay surfaces (none exist: DDERR_NOTAOVERLAYSURFACE)."""
    if not lplX or not lplY:
        return DDERR_INVALIDPARAMS
    return DDERR_NOTAOVERLAYSURFACE


def SetOverlayPosition(m: "Machine", this: Ref, lX: INT, lY: INT) -> DWORD:
    """IDirectDrawSurface::SetOverlayPosition: only for overlay surfaces (DDERR_NOTAOVERLAYSURFACE)."""
    return DDERR_NOTAOVERLAYSURFACE


def UpdateOverlay(m: "Machine", this: Ref, lpSrcRect: PTR, lpDDDestSurface: PTR, lpDestRect: PTR, dwFlags: DWORD,
                  lpDDOverlayFx: PTR) -> DWORD:
    """IDirectDrawSurface::UpdateOverlay: only for overlay surfaces (DDERR_NOTAOVERLAYSURFACE)."""
    return DDERR_NOTAOVERLAYSURFACE


def UpdateOverlayZOrder(m: "Machine", this: Ref, dwFlags: DWORD, lpDDSReference: PTR) -> DWORD:
    """IDirectDrawSurface::UpdateOverlayZOrder: only for overlay surfaces (DDERR_NOTAOVERLAYSURFACE)."""
    return DDERR_NOTAOVERLAYSURFACE


__all__ = ["detach_all", "duplicate", "free_private"]
