"""Icons and cursors in use: drawing (DrawIconEx/DrawIcon), GDI bitmaps of an icon, copying, sizes, destroying,
and the current cursor (SetCursor/GetCursor/GetCursorInfo, WM_SETCURSOR's class cursor, the presenter's image)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, HANDLE, INT, PTR, UINT, stdcall

from . import gdiobj
from .gdiobj import Bitmap
from .surface import Surface
from .cursor import (
    CURSOR_SHOWING, DI_COMPAT, DI_DEFAULTSIZE, DI_MASK, DI_NORMAL, ERROR_INVALID_CURSOR_HANDLE,
    ERROR_INVALID_PARAMETER, IDC_ARROW, IMAGE_CURSOR, IMAGE_ICON, IconObj, Image, LR_COPYDELETEORG,
    LR_COPYFROMRESOURCE, LR_COPYRETURNORG, LR_DEFAULTSIZE, LR_MONOCHROME, SM_CXCURSOR, SM_CXICON, SM_CYCURSOR,
    SM_CYICON, WHITE, _load_file, _load_resource, _make, _metric, _name_key, _resample, _screen_bpp, add, get, state,
    system_cursor,
)
from . import cursor_system

if TYPE_CHECKING:
    from emu.machine import Machine

    from .dc import DC
    from .window import Window


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
            new = cursor_system._system(m, key, ic.is_icon, cx, cy, flags & LR_MONOCHROME)
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
    ic = get(m, cur) if cur is not None else cursor_system._system(m, IDC_ARROW, False, 0, 0, 0)
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
