"""ddraw.dll: DirectDrawCreate(Ex), DirectDrawEnumerate*, and the DirectDraw object (IDirectDraw 1, 2, 4, 7).

One DirectDraw object answers all four interface versions, each with its own pointer and reference count.
Surfaces and palettes made through IDirectDraw4/7 hold a reference to the interface that made them; those
made through IDirectDraw/IDirectDraw2 are destroyed with the object. Objects made by CoCreateInstance
(CLSID_DirectDraw, CLSID_DirectDraw7) answer DDERR_NOTINITIALIZED until Initialize.
"""
from __future__ import annotations

import functools
import struct
from typing import TYPE_CHECKING, Any, Callable

from emu.api import DWORD, HWND, PTR, stdcall

from . import ddraw_clipper, ddraw_palette, ddraw_surface, guids, pixfmt
from . import ddraw_display as disp
from .ddraw_clipper import Clipper, IDirectDrawClipper
from .ddraw_errors import (
    DD_OK, DDENUMRET_OK, DDERR_ALREADYINITIALIZED, DDERR_EXCLUSIVEMODEALREADYSET, DDERR_INVALIDDIRECTDRAWGUID,
    DDERR_INVALIDMODE, DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS, DDERR_NOCOOPERATIVELEVELSET, DDERR_NOEXCLUSIVEMODE,
    DDERR_NOTFOUND, DDERR_NOTINITIALIZED, DDERR_UNSUPPORTED, DDERR_VERTICALBLANKINPROGRESS, DDERR_WRONGMODE,
)
from .ddraw_palette import IDirectDrawPalette
from .factory import (
    CLASS_E_NOAGGREGATION, E_NOINTERFACE, ComObject, Interface, IUnknown, Ref, kill, publish, register_class, release,
    todo,
)

if TYPE_CHECKING:
    from emu.machine import Machine

DDSCL_FULLSCREEN, DDSCL_ALLOWREBOOT, DDSCL_NOWINDOWCHANGES, DDSCL_NORMAL = 0x1, 0x2, 0x4, 0x8
DDSCL_EXCLUSIVE, DDSCL_ALLOWMODEX, DDSCL_SETFOCUSWINDOW, DDSCL_SETDEVICEWINDOW = 0x10, 0x40, 0x80, 0x100
DDSCL_CREATEDEVICEWINDOW, DDSCL_MULTITHREADED, DDSCL_FPUSETUP, DDSCL_FPUPRESERVE = 0x200, 0x400, 0x800, 0x1000
DDEDM_REFRESHRATES, DDEDM_STANDARDVGAMODES = 0x1, 0x2
DDWAITVB_BLOCKBEGIN, DDWAITVB_BLOCKBEGINEVENT, DDWAITVB_BLOCKEND = 0x1, 0x2, 0x4
DDCREATE_HARDWAREONLY, DDCREATE_EMULATIONONLY = 1, 2
VIDEO_MEMORY = 32 << 20  # what GetCaps/GetAvailableVidMem report as the card's memory

DDSD_CAPS, DDSD_HEIGHT, DDSD_WIDTH, DDSD_PITCH = 0x1, 0x2, 0x4, 0x8
DDSD_PIXELFORMAT, DDSD_REFRESHRATE = 0x1000, 0x40000


class DirectDraw(ComObject):
    """The DirectDraw object: cooperative level, display mode, and what it created."""

    per_interface_refs = True

    def __init__(self, initialized: bool = True) -> None:
        super().__init__()
        self.initialized = initialized
        self.coop = 0  # DDSCL_* flags set
        self.hwnd = 0
        self.primary: ddraw_surface.Surface | None = None
        self.surfaces: list[ddraw_surface.Surface] = []
        self.palettes: list[ddraw_palette.Palette] = []
        self.mode_seen: tuple[int, int, int] | None = None  # normal mode: the display mode its surfaces were made for

    @property
    def exclusive(self) -> bool:
        return bool(self.coop & DDSCL_EXCLUSIVE)

    def destroy(self, m: "Machine") -> None:
        for s in list(self.surfaces):
            if s.alive:
                kill(m, s)
        for p in list(self.palettes):
            if p.alive and p.owner_ref is None:
                kill(m, p)
        self.surfaces.clear()
        self.palettes.clear()
        self._leave_exclusive(m)

    def _leave_exclusive(self, m: "Machine") -> None:
        d = disp.display(m)
        if d.exclusive is self:
            d.exclusive = None
            disp.restore_mode(m)
            disp.changed(m)


def _dd(this: Ref) -> DirectDraw:
    dd = this.obj
    assert isinstance(dd, DirectDraw)
    return dd


def initialized(fn: Callable[..., int]) -> Callable[..., int]:
    """Methods that answer DDERR_NOTINITIALIZED on an object CoCreateInstance made and nobody initialized."""
    @functools.wraps(fn)
    def wrapper(m: "Machine", this: Ref, *args: Any) -> int:
        if not _dd(this).initialized:
            return DDERR_NOTINITIALIZED
        return fn(m, this, *args)
    return wrapper


def _check_guid(m: "Machine", lpGUID: int) -> bool:
    """NULL, DDCREATE_HARDWAREONLY/EMULATIONONLY or the null GUID name the one display device."""
    if lpGUID in (0, DDCREATE_HARDWAREONLY, DDCREATE_EMULATIONONLY):
        return True
    return m.mem.read(lpGUID, 16) == b"\0" * 16


def _desc_size(iface: Interface) -> int:
    return ddraw_surface.DESC2_SIZE if iface.version >= 4 else ddraw_surface.DESC_SIZE


def _mode_desc(size: int, w: int, h: int, bpp: int, refresh: int) -> bytes:
    d = bytearray(size)
    fmt = pixfmt.display_format(bpp)
    pitch = (w * fmt.bytespp + 3) & ~3
    flags = DDSD_HEIGHT | DDSD_WIDTH | DDSD_PITCH | DDSD_PIXELFORMAT | DDSD_REFRESHRATE
    struct.pack_into("<IIIIi", d, 0, size, flags, h, w, pitch)
    struct.pack_into("<I", d, 24, refresh)
    d[72:104] = fmt.pack()
    return bytes(d)


# ---- IDirectDraw methods --------------------------------------------------------------------------------------
@initialized
def Compact(m: "Machine", this: Ref) -> DWORD:
    """IDirectDraw::Compact: a no-op in DirectDraw itself (video memory is never fragmented): DD_OK."""
    return DD_OK


@initialized
def CreateClipper(m: "Machine", this: Ref, dwFlags: DWORD, lplpDDClipper: PTR, pUnkOuter: PTR) -> DWORD:
    """IDirectDraw::CreateClipper: a new clipper (flags must be 0)."""
    if pUnkOuter:
        return CLASS_E_NOAGGREGATION
    if dwFlags or not lplpDDClipper:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lplpDDClipper, publish(m, Clipper(_dd(this)), IDirectDrawClipper))
    return DD_OK


@initialized
def CreatePalette(m: "Machine", this: Ref, dwFlags: DWORD, lpColorTable: PTR, lplpDDPalette: PTR,
                  pUnkOuter: PTR) -> DWORD:
    """IDirectDraw::CreatePalette: a 2/4/16/256-entry palette from PALETTEENTRYs."""
    if pUnkOuter:
        return CLASS_E_NOAGGREGATION
    dd = _dd(this)
    if not dd.coop:
        return DDERR_NOCOOPERATIVELEVELSET
    if not lplpDDPalette:
        return DDERR_INVALIDPARAMS
    p = ddraw_palette.create(m, dd, dwFlags, lpColorTable)
    if isinstance(p, int):
        m.mem.w32(lplpDDPalette, 0)
        return p
    dd.palettes.append(p)
    m.mem.w32(lplpDDPalette, publish(m, p, IDirectDrawPalette))
    if this.iface.version >= 4:
        from .factory import add_ref  # noqa: PLC0415
        add_ref(m, dd, this.iface)
        p.owner_ref = (dd, this.iface)
    return DD_OK


@initialized
def CreateSurface(m: "Machine", this: Ref, lpDDSurfaceDesc: PTR, lplpDDSurface: PTR, pUnkOuter: PTR) -> DWORD:
    """IDirectDraw::CreateSurface: a primary surface (with back buffers) or an off-screen surface."""
    if pUnkOuter:
        return CLASS_E_NOAGGREGATION
    dd = _dd(this)
    if not dd.coop:
        return DDERR_NOCOOPERATIVELEVELSET
    size = _desc_size(this.iface)
    if not lpDDSurfaceDesc or not lplpDDSurface or m.mem.u32(lpDDSurfaceDesc) != size:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lplpDDSurface, 0)
    s = ddraw_surface.create(m, dd, this.iface, ddraw_surface.read_desc(m, lpDDSurfaceDesc, size))
    if isinstance(s, int):
        return s
    siface = ddraw_surface.surface_iface(this.iface.version)
    family = [s] + (s.chain[1:] if s.chain else [])
    if s not in dd.surfaces:
        dd.surfaces.append(s)
    for b in family[1:]:
        publish(m, b, siface, refs=0)
        b.refs[None] = 1  # held by the front buffer: back buffers live as long as their chain
    m.mem.w32(lplpDDSurface, publish(m, s, siface))
    _owned(m, dd, this.iface, s)
    if s.primary:
        dd.mode_seen = disp.current_mode(m)
    return DD_OK


def _owned(m: "Machine", dd: DirectDraw, iface: Interface, s: ddraw_surface.Surface) -> None:
    """A surface made through IDirectDraw4/7 holds a reference to that interface."""
    if iface.version >= 4:
        from .factory import add_ref  # noqa: PLC0415
        add_ref(m, dd, iface)
        s.owner_ref = (dd, iface)


@initialized
def EnumDisplayModes(m: "Machine", this: Ref, dwFlags: DWORD, lpDDSurfaceDesc: PTR, lpContext: PTR,
                     lpEnumModesCallback: PTR) -> DWORD:
    """IDirectDraw::EnumDisplayModes: call back with each mode (320x200 to 1024x768, 8/16/24/32 bits)."""
    if not lpEnumModesCallback:
        return DDERR_INVALIDPARAMS
    size = _desc_size(this.iface)
    want = ddraw_surface.read_desc(m, lpDDSurfaceDesc, size) if lpDDSurfaceDesc else None
    want_bpp = struct.unpack_from("<I", want.pixfmt, 12)[0] if want is not None else 0
    want_rate = m.mem.u32(lpDDSurfaceDesc + 24) if lpDDSurfaceDesc else 0
    rate = disp.REFRESH if dwFlags & DDEDM_REFRESHRATES else 0
    from .factory import _heap  # noqa: PLC0415
    heap = _heap(m)
    buf = heap.alloc(size)
    try:
        for w, h, bpp in disp.modes():
            if want is not None:
                if (want.flags & DDSD_WIDTH and want.width != w) or (want.flags & DDSD_HEIGHT and want.height != h):
                    continue
                if want.flags & DDSD_PIXELFORMAT and want_bpp != bpp:
                    continue
                if want.flags & DDSD_REFRESHRATE and want_rate not in (0, disp.REFRESH):
                    continue
            m.mem.write(buf, _mode_desc(size, w, h, bpp, rate))
            if m.call(lpEnumModesCallback, buf, lpContext) != DDENUMRET_OK:
                break
    finally:
        heap.free(buf)
    return DD_OK


def _caps_struct() -> bytes:
    """A DDCAPS (DirectX 7 layout, 380 bytes) describing what the blitter does."""
    caps = 0x40 | 0x04000000 | 0x200 | 0x400000 | 0x8000 | 0x80000000  # BLT COLORFILL STRETCH COLORKEY PALETTE SYSMEM
    # FLIPNOVSYNC FLIPINTERVAL NOPAGELOCKREQUIRED WIDESURFACES PRIMARYGAMMA; no overlays (DDCAPS_OVERLAY, and
    # dwMaxVisibleOverlays 0), no colour controls (DDCAPS2_COLORCONTROLPRIMARY), no gamma calibrator
    caps2 = 0x400000 | 0x200000 | 0x800 | 0x1000 | 0x20000
    ckey = 0x200 | 0x1  # SRCBLT DESTBLT
    fx = 0x40 | 0x80 | 0x4000 | 0x10000 | 0x400 | 0x1000 | 0x8000 | 0x20000 | 0x800 | 0x2000  # mirror, stretch, shrink
    pal = 0x4 | 0x10 | 0x40  # 8BIT PRIMARYSURFACE ALLOW256
    rops = [0] * 8
    for r in (0x00, 0xCC, 0xFF):
        rops[r // 32] |= 1 << (r % 32)
    scaps = 0x200 | 0x40 | 0x10 | 0x8 | 0x4 | 0x20 | 0x4000 | 0x10000000 | 0x800 | 0x8000 | 0x100
    used = 0
    d = bytearray(380)
    struct.pack_into("<7I", d, 0, 380, caps, caps2, ckey, fx, 0, pal)
    struct.pack_into("<II", d, 60, VIDEO_MEMORY, VIDEO_MEMORY - used)
    struct.pack_into("<8I", d, 100, *rops)
    struct.pack_into("<I", d, 132, scaps)
    for off in (172, 216, 260):  # system->video, video->system, system->system blits
        struct.pack_into("<3I8I", d, off, caps, ckey, fx, *rops)
    struct.pack_into("<4I", d, 364, scaps, 0, 0, 0)
    return bytes(d)


@initialized
def GetCaps(m: "Machine", this: Ref, lpDDDriverCaps: PTR, lpDDHELCaps: PTR) -> DWORD:
    """IDirectDraw::GetCaps: driver and emulation capabilities (DDCAPS of the caller's dwSize)."""
    if not lpDDDriverCaps and not lpDDHELCaps:
        return DDERR_INVALIDPARAMS
    caps = _caps_struct()
    for p in (lpDDDriverCaps, lpDDHELCaps):
        if p and m.mem.u32(p) not in (316, 364, 380):
            return DDERR_INVALIDPARAMS
    for p in (lpDDDriverCaps, lpDDHELCaps):
        if p:
            size = m.mem.u32(p)
            m.mem.write(p, struct.pack("<I", size) + caps[4:size])
    return DD_OK


@initialized
def GetDisplayMode(m: "Machine", this: Ref, lpDDSurfaceDesc: PTR) -> DWORD:
    """IDirectDraw::GetDisplayMode: the current mode's size, pitch, pixel format and refresh rate."""
    size = _desc_size(this.iface)
    if not lpDDSurfaceDesc or m.mem.u32(lpDDSurfaceDesc) != size:
        return DDERR_INVALIDPARAMS
    w, h, bpp = disp.current_mode(m)
    m.mem.write(lpDDSurfaceDesc, _mode_desc(size, w, h, bpp, disp.REFRESH))
    return DD_OK


@initialized
def GetFourCCCodes(m: "Machine", this: Ref, lpNumCodes: PTR, lpCodes: PTR) -> DWORD:
    """IDirectDraw::GetFourCCCodes: no FOURCC (YUV) formats."""
    if not lpNumCodes:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lpNumCodes, 0)
    return DD_OK


@initialized
def GetMonitorFrequency(m: "Machine", this: Ref, lpdwFrequency: PTR) -> DWORD:
    """IDirectDraw::GetMonitorFrequency: the refresh rate (60 Hz)."""
    if not lpdwFrequency:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lpdwFrequency, disp.REFRESH)
    return DD_OK


@initialized
def GetScanLine(m: "Machine", this: Ref, lpdwScanLine: PTR) -> DWORD:
    """IDirectDraw::GetScanLine: the line being drawn (DDERR_VERTICALBLANKINPROGRESS during the blank)."""
    from emu import clock  # noqa: PLC0415
    if not lpdwScanLine:
        return DDERR_INVALIDPARAMS
    t = clock.now()
    if disp.in_vblank(t):
        return DDERR_VERTICALBLANKINPROGRESS
    m.mem.w32(lpdwScanLine, disp.scan_line(t, disp.current_mode(m)[1]))
    return DD_OK


@initialized
def GetVerticalBlankStatus(m: "Machine", this: Ref, lpbIsInVB: PTR) -> DWORD:
    """IDirectDraw::GetVerticalBlankStatus: TRUE while a vertical blank is in progress."""
    from emu import clock  # noqa: PLC0415
    if not lpbIsInVB:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lpbIsInVB, int(disp.in_vblank(clock.now())))
    return DD_OK


def Initialize(m: "Machine", this: Ref, lpGUID: PTR) -> DWORD:
    """IDirectDraw::Initialize: initialize an object made by CoCreateInstance (DDERR_ALREADYINITIALIZED after)."""
    dd = _dd(this)
    if dd.initialized:
        return DDERR_ALREADYINITIALIZED
    if not _check_guid(m, lpGUID):
        return DDERR_INVALIDDIRECTDRAWGUID
    dd.initialized = True
    return DD_OK


@initialized
def RestoreDisplayMode(m: "Machine", this: Ref) -> DWORD:
    """IDirectDraw::RestoreDisplayMode: back to the mode the desktop had before SetDisplayMode."""
    disp.restore_mode(m)
    return DD_OK


@initialized
def SetCooperativeLevel(m: "Machine", this: Ref, hWnd: HWND, dwFlags: DWORD) -> DWORD:
    """IDirectDraw::SetCooperativeLevel: normal (windowed) or exclusive fullscreen, for window hWnd."""
    from gdi import window as wm  # noqa: PLC0415
    dd = _dd(this)
    excl = dwFlags & DDSCL_EXCLUSIVE
    if dwFlags & (DDSCL_SETFOCUSWINDOW | DDSCL_SETDEVICEWINDOW | DDSCL_CREATEDEVICEWINDOW) and not excl and \
            not dwFlags & DDSCL_NORMAL:
        if hWnd and wm.get(m, hWnd) is None:
            return DDERR_INVALIDPARAMS
        dd.hwnd = dd.hwnd or hWnd
        return DD_OK
    if bool(excl) != bool(dwFlags & DDSCL_FULLSCREEN):
        return DDERR_INVALIDPARAMS  # exclusive mode is fullscreen mode
    if bool(dwFlags & DDSCL_NORMAL) == bool(excl):
        return DDERR_INVALIDPARAMS  # exactly one of normal and exclusive
    if hWnd and wm.get(m, hWnd) is None:
        return DDERR_INVALIDPARAMS
    d = disp.display(m)
    if excl:
        if not hWnd:
            return DDERR_INVALIDPARAMS
        if d.exclusive is not None and d.exclusive is not dd:
            return DDERR_EXCLUSIVEMODEALREADYSET
        d.exclusive = dd
        disp.install_overlay(m)
        disp.changed(m)
    else:
        dd._leave_exclusive(m)  # noqa: SLF001
        dd.mode_seen = disp.current_mode(m)
    dd.coop = dwFlags
    dd.hwnd = hWnd
    return DD_OK


def _fit_window(m: "Machine", dd: DirectDraw) -> None:
    """Exclusive fullscreen: the program's window covers the new screen (unless DDSCL_NOWINDOWCHANGES)."""
    from gdi import window as wm  # noqa: PLC0415
    if not dd.exclusive or dd.coop & DDSCL_NOWINDOWCHANGES:
        return
    w = wm.get(m, dd.hwnd)
    if w is None or w.destroyed or w.is_child:
        return
    sw, sh, _ = disp.current_mode(m)
    if w.rect != (0, 0, sw, sh):
        wm.move_window(m, w, (0, 0, sw, sh), wm.SWP_NOZORDER | wm.SWP_NOACTIVATE)


def _set_mode(m: "Machine", dd: DirectDraw, w: int, h: int, bpp: int) -> int:
    if (w, h, bpp) not in disp.modes():
        return DDERR_INVALIDMODE
    d = disp.display(m)
    if d.exclusive is not None and d.exclusive is not dd:
        from .ddraw_errors import DDERR_NOEXCLUSIVEMODE  # noqa: PLC0415
        return DDERR_NOEXCLUSIVEMODE
    disp.set_mode(m, w, h, bpp)
    dd.mode_seen = (w, h, bpp)
    _fit_window(m, dd)
    return DD_OK


@initialized
def SetDisplayMode(m: "Machine", this: Ref, dwWidth: DWORD, dwHeight: DWORD, dwBPP: DWORD) -> DWORD:
    """IDirectDraw::SetDisplayMode: switch the screen to width x height x bits per pixel."""
    return _set_mode(m, _dd(this), dwWidth, dwHeight, dwBPP)


@initialized
def SetDisplayMode2(m: "Machine", this: Ref, dwWidth: DWORD, dwHeight: DWORD, dwBPP: DWORD, dwRefreshRate: DWORD,
                    dwFlags: DWORD) -> DWORD:
    """IDirectDraw2+::SetDisplayMode: as IDirectDraw's; the display refreshes at 60 Hz whatever rate is asked."""
    return _set_mode(m, _dd(this), dwWidth, dwHeight, dwBPP)


@initialized
def WaitForVerticalBlank(m: "Machine", this: Ref, dwFlags: DWORD, hEvent: DWORD) -> DWORD:
    """IDirectDraw::WaitForVerticalBlank: block until the next vertical blank begins (or ends)."""
    if dwFlags == DDWAITVB_BLOCKBEGINEVENT:
        return DDERR_UNSUPPORTED
    if dwFlags not in (DDWAITVB_BLOCKBEGIN, DDWAITVB_BLOCKEND):
        return DDERR_INVALIDPARAMS
    disp.wait_vblank(m, DD_OK, end=dwFlags == DDWAITVB_BLOCKEND)
    return DD_OK


@initialized
def GetAvailableVidMem(m: "Machine", this: Ref, lpDDSCaps: PTR, lpdwTotal: PTR, lpdwFree: PTR) -> DWORD:
    """IDirectDraw2+::GetAvailableVidMem: total and free video memory (32 MB less the video surfaces)."""
    if not lpdwTotal and not lpdwFree:
        return DDERR_INVALIDPARAMS
    used = sum(s.buf.pitch * s.height for s in disp.display(m).surfaces
               if s.alive and not s.caps & ddraw_surface.DDSCAPS_SYSTEMMEMORY)
    if lpdwTotal:
        m.mem.w32(lpdwTotal, VIDEO_MEMORY)
    if lpdwFree:
        m.mem.w32(lpdwFree, max(0, VIDEO_MEMORY - used))
    return DD_OK


@initialized
def RestoreAllSurfaces(m: "Machine", this: Ref) -> DWORD:
    """IDirectDraw4+::RestoreAllSurfaces: Restore every lost surface of this object."""
    w, h, bpp = disp.current_mode(m)
    for s in _dd(this).surfaces:
        if s.lost and not (s.primary and (s.width, s.height, s.fmt) != (w, h, pixfmt.display_format(bpp))):
            s.lost = False
    disp.changed(m)
    return DD_OK


@initialized
def TestCooperativeLevel(m: "Machine", this: Ref) -> DWORD:
    """IDirectDraw4+::TestCooperativeLevel: DD_OK when the program can go on drawing; in exclusive mode
    DDERR_NOEXCLUSIVEMODE once it lost the display; in normal mode DDERR_EXCLUSIVEMODEALREADYSET while another
    DirectDraw object holds it exclusively, DDERR_WRONGMODE after someone else changed the display mode (until it
    makes its surfaces again)."""
    dd = _dd(this)
    holder = disp.display(m).exclusive
    if dd.exclusive:
        return DD_OK if holder is dd else DDERR_NOEXCLUSIVEMODE
    if holder is not None and holder is not dd:
        return DDERR_EXCLUSIVEMODEALREADYSET
    if dd.coop & DDSCL_NORMAL and dd.mode_seen is not None and dd.mode_seen != disp.current_mode(m):
        return DDERR_WRONGMODE
    return DD_OK


# ---- surfaces the object made ----------------------------------------------------------------------------------
DDENUMSURFACES_ALL, DDENUMSURFACES_MATCH, DDENUMSURFACES_NOMATCH = 0x1, 0x2, 0x4
DDENUMSURFACES_CANBECREATED, DDENUMSURFACES_DOESEXIST = 0x8, 0x10
DDGDI_GETHOSTIDENTIFIER = 0x1


def _surface_ptr(m: "Machine", s: ddraw_surface.Surface, iface: Interface) -> int:
    """An AddRef'd pointer to ``s`` of the surface interface a DirectDraw interface of ``iface``'s version uses."""
    from .factory import add_ref  # noqa: PLC0415
    siface = ddraw_surface.surface_iface(iface.version)
    add_ref(m, s, siface)
    return s.ptr(siface)


@initialized
def DuplicateSurface(m: "Machine", this: Ref, lpDDSurface: PTR, lplpDupDDSurface: PTR) -> DWORD:
    """IDirectDraw::DuplicateSurface: a new surface object sharing the memory of an existing one (not primary
    surfaces, flipping chains or implicitly created surfaces: DDERR_CANTDUPLICATE)."""
    from . import ddraw_attach  # noqa: PLC0415
    from .factory import lookup  # noqa: PLC0415
    ref = lookup(m, lpDDSurface) if lpDDSurface else None
    if ref is None or not isinstance(ref.obj, ddraw_surface.Surface) or not lplpDupDDSurface:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lplpDupDDSurface, 0)
    dd = _dd(this)
    d = ddraw_attach.duplicate(m, ref.obj)
    if isinstance(d, int):
        return d
    dd.surfaces.append(d)
    siface = ref.iface if ref.iface in ddraw_surface.Surface.interfaces[:5] else \
        ddraw_surface.surface_iface(this.iface.version)
    m.mem.w32(lplpDupDDSurface, publish(m, d, siface))
    _owned(m, dd, this.iface, d)
    return DD_OK


def _matches(s: ddraw_surface.Surface, want: ddraw_surface.Desc) -> bool:
    """Whether ``s`` has every field ``want`` sets (caps: all the bits asked for)."""
    f = want.flags
    if f & DDSD_CAPS and s.caps & want.caps != want.caps:
        return False
    if f & DDSD_WIDTH and s.width != want.width or f & DDSD_HEIGHT and s.height != want.height:
        return False
    if f & DDSD_PITCH and s.buf.pitch != want.pitch:
        return False
    if f & DDSD_PIXELFORMAT and pixfmt.unpack(want.pixfmt) != s.fmt:
        return False
    return all(s.ckeys.get(kind) == key for kind, key in want.ckeys.items())


@initialized
def EnumSurfaces(m: "Machine", this: Ref, dwFlags: DWORD, lpDDSD: PTR, lpContext: PTR,
                 lpEnumSurfacesCallback: PTR) -> DWORD:
    """IDirectDraw::EnumSurfaces: call back with the object's surfaces (DDENUMSURFACES_DOESEXIST with ALL, MATCH
    or NOMATCH a description), each AddRef'd with its description; CANBECREATED|MATCH creates the surface the
    description asks for, if it can be, and calls back with it."""
    from .factory import _heap  # noqa: PLC0415
    dd = _dd(this)
    search = dwFlags & (DDENUMSURFACES_ALL | DDENUMSURFACES_MATCH | DDENUMSURFACES_NOMATCH)
    which = dwFlags & (DDENUMSURFACES_DOESEXIST | DDENUMSURFACES_CANBECREATED)
    if not lpEnumSurfacesCallback or dwFlags & ~0x1F or which not in (DDENUMSURFACES_DOESEXIST,
                                                                     DDENUMSURFACES_CANBECREATED):
        return DDERR_INVALIDPARAMS
    if search not in (DDENUMSURFACES_ALL, DDENUMSURFACES_MATCH, DDENUMSURFACES_NOMATCH):
        return DDERR_INVALIDPARAMS
    size = _desc_size(this.iface)
    if search != DDENUMSURFACES_ALL and (not lpDDSD or m.mem.u32(lpDDSD) != size):
        return DDERR_INVALIDPARAMS
    want = ddraw_surface.read_desc(m, lpDDSD, size) if lpDDSD and search != DDENUMSURFACES_ALL else None
    if which == DDENUMSURFACES_CANBECREATED:
        if search != DDENUMSURFACES_MATCH or want is None or not dd.coop:
            return DDERR_INVALIDPARAMS
        made = ddraw_surface.create(m, dd, this.iface, want)
        if isinstance(made, int):
            return DD_OK  # no surface like that can be created: nothing to enumerate
        dd.surfaces.append(made)
        for b in (made.chain or [made])[1:]:
            publish(m, b, ddraw_surface.surface_iface(this.iface.version), refs=0)
            b.refs[None] = 1
        publish(m, made, ddraw_surface.surface_iface(this.iface.version), refs=0)
        _owned(m, dd, this.iface, made)
        found = [made]
    else:
        found = [s for s in dd.surfaces if s.alive and (
            search == DDENUMSURFACES_ALL or _matches(s, want) == (search == DDENUMSURFACES_MATCH))]  # type: ignore[arg-type]
    heap = _heap(m)
    desc = heap.alloc(size)
    try:
        for s in found:
            if not s.alive:
                continue
            m.mem.write(desc, s.desc_bytes(size))
            if m.call(lpEnumSurfacesCallback, _surface_ptr(m, s, this.iface), desc, lpContext) != DDENUMRET_OK:
                break
    finally:
        heap.free(desc)
    return DD_OK


def _gdi_surface(dd: DirectDraw) -> ddraw_surface.Surface | None:
    """The surface object holding the memory GDI shows (the primary's first buffer, wherever flips moved it)."""
    p = dd.primary
    if p is None or not p.alive:
        return None
    for s in p.chain or [p]:
        if s.buf is p.gdi_buf:
            return s
    return p


@initialized
def FlipToGDISurface(m: "Machine", this: Ref) -> DWORD:
    """IDirectDraw::FlipToGDISurface: make the buffer GDI draws on the visible one (before showing dialogs)."""
    dd = _dd(this)
    p = dd.primary
    g = _gdi_surface(dd)
    if p is None or g is None:
        return DDERR_NOTFOUND
    if g is not p:
        if any(x.busy() for x in (p, g)):
            from .ddraw_errors import DDERR_SURFACEBUSY  # noqa: PLC0415
            return DDERR_SURFACEBUSY
        p.buf, g.buf = g.buf, p.buf
        p.uniqueness += 1
        g.uniqueness += 1
        if p.visible(m):
            disp.changed(m)
    return DD_OK


@initialized
def GetGDISurface(m: "Machine", this: Ref, lplpGDIDDSSurface: PTR) -> DWORD:
    """IDirectDraw::GetGDISurface: the surface object that is GDI's screen memory now (AddRef'd)."""
    if not lplpGDIDDSSurface:
        return DDERR_INVALIDPARAMS
    g = _gdi_surface(_dd(this))
    if g is None:
        m.mem.w32(lplpGDIDDSSurface, 0)
        return DDERR_NOTFOUND
    m.mem.w32(lplpGDIDDSSurface, _surface_ptr(m, g, this.iface))
    return DD_OK


@initialized
def GetSurfaceFromDC(m: "Machine", this: Ref, hdc: DWORD, lpDDS: PTR) -> DWORD:
    """IDirectDraw4/7::GetSurfaceFromDC: the surface (of this object) whose GetDC handed out ``hdc`` (AddRef'd);
    DDERR_NOTFOUND for any other DC."""
    if not lpDDS:
        return DDERR_INVALIDPARAMS
    for s in _dd(this).surfaces:
        if s.alive and s.dc_out and s.buf.dc is not None and s.buf.dc[0] == hdc:
            m.mem.w32(lpDDS, _surface_ptr(m, s, this.iface))
            return DD_OK
    m.mem.w32(lpDDS, 0)
    return DDERR_NOTFOUND


# the display adapter GetDeviceIdentifier describes: a common card of the period (no 3D is offered anyway)
ADAPTER_DRIVER = "nv4_disp.dll"
ADAPTER_DESCRIPTION = "NVIDIA GeForce2 MX/MX 400"
ADAPTER_VERSION = (6, 14, 10, 5673)
ADAPTER_IDS = (0x10DE, 0x0110, 0, 0xB2)  # vendor, device, subsystem, revision
ADAPTER_GUID = guids.guid("D7B71F83-6340-11CF-4C76-0110BEA4C2D5")


@initialized
def GetDeviceIdentifier(m: "Machine", this: Ref, pDDDI: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectDraw4/7::GetDeviceIdentifier: the display adapter's driver, description, version and PCI ids
    (DDDEVICEIDENTIFIER; IDirectDraw7: DDDEVICEIDENTIFIER2 with the WHQL level). There is one adapter, so
    DDGDI_GETHOSTIDENTIFIER describes the same one."""
    if not pDDDI or dwFlags & ~DDGDI_GETHOSTIDENTIFIER:
        return DDERR_INVALIDPARAMS
    a, b, c, d = ADAPTER_VERSION
    data = (ADAPTER_DRIVER.encode().ljust(512, b"\0") + ADAPTER_DESCRIPTION.encode().ljust(512, b"\0")
            + struct.pack("<II4I", (c << 16) | d, (a << 16) | b, *ADAPTER_IDS) + ADAPTER_GUID)
    if this.iface.version >= 7:
        data += struct.pack("<I", 1)  # WHQL certified (no date)
    m.mem.write(pDDDI, data)
    return DD_OK


def _ddraw_slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("Compact", Compact),
        ("CreateClipper", CreateClipper),
        ("CreatePalette", CreatePalette),
        ("CreateSurface", CreateSurface),
        ("DuplicateSurface", DuplicateSurface),
        ("EnumDisplayModes", EnumDisplayModes),
        ("EnumSurfaces", EnumSurfaces),
        ("FlipToGDISurface", FlipToGDISurface),
        ("GetCaps", GetCaps),
        ("GetDisplayMode", GetDisplayMode),
        ("GetFourCCCodes", GetFourCCCodes),
        ("GetGDISurface", GetGDISurface),
        ("GetMonitorFrequency", GetMonitorFrequency),
        ("GetScanLine", GetScanLine),
        ("GetVerticalBlankStatus", GetVerticalBlankStatus),
        ("Initialize", Initialize),
        ("RestoreDisplayMode", RestoreDisplayMode),
        ("SetCooperativeLevel", SetCooperativeLevel),
        ("SetDisplayMode", SetDisplayMode if version == 1 else SetDisplayMode2),
        ("WaitForVerticalBlank", WaitForVerticalBlank),
    ]
    if version >= 2:
        slots += [("GetAvailableVidMem", GetAvailableVidMem)]
    if version >= 4:
        slots += [
            ("GetSurfaceFromDC", GetSurfaceFromDC),
            ("RestoreAllSurfaces", RestoreAllSurfaces),
            ("TestCooperativeLevel", TestCooperativeLevel),
            ("GetDeviceIdentifier", GetDeviceIdentifier),
        ]
    if version >= 7:
        slots += [
            ("StartModeTest", todo(3)),
            ("EvaluateMode", todo(2)),
        ]
    return slots


def _ddraw_interface(name: str, iid: bytes, version: int) -> Interface:
    return Interface(name, iid, base=IUnknown, dll="ddraw", version=version, invalid=DDERR_INVALIDOBJECT,
                     slots=_ddraw_slots(version))


IDirectDraw = _ddraw_interface("IDirectDraw", guids.IID_IDirectDraw, 1)
IDirectDraw2 = _ddraw_interface("IDirectDraw2", guids.IID_IDirectDraw2, 2)
IDirectDraw4 = _ddraw_interface("IDirectDraw4", guids.IID_IDirectDraw4, 4)
IDirectDraw7 = _ddraw_interface("IDirectDraw7", guids.IID_IDirectDraw7, 7)
DirectDraw.interfaces = (IDirectDraw, IDirectDraw2, IDirectDraw4, IDirectDraw7)


# ---- exports ----------------------------------------------------------------------------------------------------
@stdcall("ddraw")
def DirectDrawCreate(m: "Machine", lpGUID: PTR, lplpDD: PTR, pUnkOuter: PTR) -> DWORD:
    """Create a DirectDraw object for the display (lpGUID NULL) and return its IDirectDraw interface."""
    if pUnkOuter:
        return CLASS_E_NOAGGREGATION
    if not lplpDD:
        return DDERR_INVALIDPARAMS
    if not _check_guid(m, lpGUID):
        m.mem.w32(lplpDD, 0)
        return DDERR_INVALIDDIRECTDRAWGUID
    m.mem.w32(lplpDD, publish(m, DirectDraw(), IDirectDraw))
    return DD_OK


@stdcall("ddraw")
def DirectDrawCreateEx(m: "Machine", lpGUID: PTR, lplpDD: PTR, iid: PTR, pUnkOuter: PTR) -> DWORD:
    """Create a DirectDraw object and return its IDirectDraw7 interface (iid must be IID_IDirectDraw7)."""
    if pUnkOuter:
        return CLASS_E_NOAGGREGATION
    if not lplpDD or not iid or m.mem.read(iid, 16) != guids.IID_IDirectDraw7:
        return DDERR_INVALIDPARAMS
    if not _check_guid(m, lpGUID):
        m.mem.w32(lplpDD, 0)
        return DDERR_INVALIDDIRECTDRAWGUID
    m.mem.w32(lplpDD, publish(m, DirectDraw(), IDirectDraw7))
    return DD_OK


@stdcall("ddraw")
def DirectDrawCreateClipper(m: "Machine", dwFlags: DWORD, lplpDDClipper: PTR, pUnkOuter: PTR) -> DWORD:
    """Create a clipper not tied to a DirectDraw object."""
    if pUnkOuter:
        return CLASS_E_NOAGGREGATION
    if dwFlags or not lplpDDClipper:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lplpDDClipper, publish(m, Clipper(None), IDirectDrawClipper))
    return DD_OK


_DRIVER_DESC, _DRIVER_NAME = "Primary Display Driver", "display"


def _strings(m: "Machine", wide: bool) -> tuple[int, int]:
    key = "ddraw_enum_w" if wide else "ddraw_enum_a"
    s = m.state.get(key)
    if s is None:
        mk = m.proc.static_wstr if wide else m.proc.static_cstr
        s = (mk(_DRIVER_DESC), mk(_DRIVER_NAME))
        m.state[key] = s
    return s


def _enumerate(m: "Machine", cb: int, ctx: int, wide: bool, ex: bool) -> int:
    if not cb:
        return DDERR_INVALIDPARAMS
    desc, name = _strings(m, wide)
    if ex:
        m.call(cb, 0, desc, name, ctx, 0)
    else:
        m.call(cb, 0, desc, name, ctx)
    return DD_OK


@stdcall("ddraw")
def DirectDrawEnumerateA(m: "Machine", lpCallback: PTR, lpContext: PTR) -> DWORD:
    """Call back once for the display device: GUID NULL, "Primary Display Driver", "display"."""
    return _enumerate(m, lpCallback, lpContext, False, False)


@stdcall("ddraw")
def DirectDrawEnumerateW(m: "Machine", lpCallback: PTR, lpContext: PTR) -> DWORD:
    """DirectDrawEnumerateA with wide strings."""
    return _enumerate(m, lpCallback, lpContext, True, False)


@stdcall("ddraw")
def DirectDrawEnumerateExA(m: "Machine", lpCallback: PTR, lpContext: PTR, dwFlags: DWORD) -> DWORD:
    """Call back once for the display device (monitor NULL: the primary); there are no secondary devices."""
    return _enumerate(m, lpCallback, lpContext, False, True)


@stdcall("ddraw")
def DirectDrawEnumerateExW(m: "Machine", lpCallback: PTR, lpContext: PTR, dwFlags: DWORD) -> DWORD:
    """DirectDrawEnumerateExA with wide strings."""
    return _enumerate(m, lpCallback, lpContext, True, True)


# ---- CoCreateInstance ----------------------------------------------------------------------------------------
def _co_ddraw(m: "Machine", iid: bytes) -> tuple[int, int]:
    dd = DirectDraw(initialized=False)
    iface = dd.find(iid)
    if iface is None:
        return E_NOINTERFACE, 0
    return DD_OK, publish(m, dd, iface)


def _co_clipper(m: "Machine", iid: bytes) -> tuple[int, int]:
    c = Clipper(None)
    iface = c.find(iid)
    if iface is None:
        return E_NOINTERFACE, 0
    return DD_OK, publish(m, c, iface)


register_class(guids.CLSID_DirectDraw, _co_ddraw)
register_class(guids.CLSID_DirectDraw7, _co_ddraw)
register_class(guids.CLSID_DirectDrawClipper, _co_clipper)

__all__ = ["DirectDraw", "IDirectDraw", "IDirectDraw2", "IDirectDraw4", "IDirectDraw7", "ddraw_clipper", "release"]
