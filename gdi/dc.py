"""Device contexts: where GDI drawing goes, with what tools, through which clipping and mapping.

A ``DC`` draws on a ``Surface`` (a window's backing store or a selected bitmap). ``dev_org`` is where the
DC's device point (0, 0) lies on the surface (a child window's client origin inside its top-level window's
backing store); ``vis`` is the visible region in surface coordinates (None: the whole surface) and ``clip``
the application clip region in device coordinates (SelectClipRgn/IntersectClipRect). Drawing primitives
(``draw.py``, ``bitmap.py``, ``text.py``) map logical coordinates with ``lp()`` and clip with ``rects()``.
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from emu.api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, stdcall

from . import gdiobj
from .gdiobj import OBJ_DC, OBJ_MEMDC, Bitmap, Brush, Font, GdiObject, Palette, Pen, RegionObj
from .region import Rect, Region, rect_intersect
from .surface import Surface, colorref_to_px

if TYPE_CHECKING:
    from emu.machine import Machine

    from .window import Window

OPAQUE, TRANSPARENT = 2, 1
R2_COPYPEN = 13
MM_TEXT, MM_LOMETRIC, MM_HIMETRIC, MM_LOENGLISH, MM_HIENGLISH, MM_TWIPS, MM_ISOTROPIC, MM_ANISOTROPIC = range(1, 9)
CLR_INVALID = 0xFFFFFFFF

_STATE = ("pen", "brush", "font", "palette", "text_color", "bk_color", "bk_mode", "rop2", "text_align",
          "map_mode", "window_org", "window_ext", "viewport_org", "viewport_ext", "pos", "stretch_mode",
          "poly_fill_mode", "brush_org", "char_extra", "clip", "dc_brush_color", "dc_pen_color", "layout",
          "arc_direction")


class DC(GdiObject):
    """A device context."""

    kind = OBJ_DC

    def __init__(self, m: "Machine", surface: Surface | None, window: "Window | None" = None,
                 memory: bool = False) -> None:
        self.m = m
        self.kind = OBJ_MEMDC if memory else OBJ_DC
        self.window = window
        self.hwnd = window.hwnd if window is not None else 0
        self.surface: Surface | None = surface
        self.dev_org = (0, 0)
        self.vis: Region | None = None
        self.vis_version = -1  # window layout version the vis region was computed for
        self.client = True  # GetDC (client area) vs GetWindowDC
        self.paint_clip: Region | None = None  # BeginPaint's update region (device coordinates)
        self.bitmap: Bitmap | None = None
        self.pen: Pen = gdiobj.stock(m, gdiobj.BLACK_PEN)
        self.brush: Brush = gdiobj.stock(m, gdiobj.WHITE_BRUSH)
        self.font: Font = gdiobj.stock(m, gdiobj.SYSTEM_FONT)
        self.palette: Palette = gdiobj.stock(m, gdiobj.DEFAULT_PALETTE)
        self.text_color = 0
        self.bk_color = 0xFFFFFF
        self.bk_mode = OPAQUE
        self.rop2 = R2_COPYPEN
        self.text_align = 0
        self.map_mode = MM_TEXT
        self.window_org = (0, 0)
        self.window_ext = (1, 1)
        self.viewport_org = (0, 0)
        self.viewport_ext = (1, 1)
        self.pos = (0, 0)
        self.stretch_mode = 1
        self.poly_fill_mode = 1
        self.brush_org = (0, 0)
        self.char_extra = 0
        self.clip: Region | None = None
        self.dc_brush_color = 0xFFFFFF
        self.dc_pen_color = 0
        self.layout = 0
        self.arc_direction = 1  # AD_COUNTERCLOCKWISE
        self.saved: list[dict[str, Any]] = []
        self._rects: list[Rect] | None = None

    # ---- coordinates ---------------------------------------------------------------------------
    def lp(self, x: int, y: int) -> tuple[int, int]:
        """Logical point to device point."""
        if self.map_mode == MM_TEXT:
            return (x - self.window_org[0] + self.viewport_org[0], y - self.window_org[1] + self.viewport_org[1])
        wx, wy = self.window_ext
        vx, vy = self.viewport_ext
        dx = (x - self.window_org[0]) * vx / (wx or 1) + self.viewport_org[0]
        dy = (y - self.window_org[1]) * vy / (wy or 1) + self.viewport_org[1]
        return (round(dx), round(dy))

    def dp(self, x: int, y: int) -> tuple[int, int]:
        """Device point to logical point."""
        if self.map_mode == MM_TEXT:
            return (x + self.window_org[0] - self.viewport_org[0], y + self.window_org[1] - self.viewport_org[1])
        wx, wy = self.window_ext
        vx, vy = self.viewport_ext
        lx = (x - self.viewport_org[0]) * wx / (vx or 1) + self.window_org[0]
        ly = (y - self.viewport_org[1]) * wy / (vy or 1) + self.window_org[1]
        return (round(lx), round(ly))

    def lsize(self, w: int, h: int) -> tuple[int, int]:
        """Logical extent to device extent (absolute)."""
        if self.map_mode == MM_TEXT:
            return (w, h)
        return (abs(round(w * self.viewport_ext[0] / (self.window_ext[0] or 1))),
                abs(round(h * self.viewport_ext[1] / (self.window_ext[1] or 1))))

    def lrect(self, l: int, t: int, r: int, b: int) -> Rect:
        """Logical rectangle to a normalised device rectangle."""
        x0, y0 = self.lp(l, t)
        x1, y1 = self.lp(r, b)
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

    # ---- clipping ------------------------------------------------------------------------------
    def invalidate_clip(self) -> None:
        self._rects = None

    def rects(self) -> list[Rect]:
        """The clip rectangles in surface coordinates (visible region, app clip, paint region, surface)."""
        if self.window is not None:
            from . import window as wmod  # noqa: PLC0415
            ver = wmod.layout_version(self.m)
            if ver != self.vis_version:
                self.vis_version = ver
                self.surface, self.dev_org, self.vis = wmod.dc_target(self.m, self.window, self.client)
                self._rects = None
        if self._rects is not None:
            return self._rects
        s = self.surface
        if s is None:
            self._rects = []
            return self._rects
        full: Rect = (0, 0, s.width, s.height)
        g = Region.from_rect(full) if self.vis is None else self.vis.intersect_rect(full)
        ox, oy = self.dev_org
        if self.clip is not None:
            g = g.intersect(self.clip.offset(ox, oy))
        if self.paint_clip is not None:
            g = g.intersect(self.paint_clip.offset(ox, oy))
        self._rects = g.rects
        return self._rects

    def clip_box(self) -> Rect:
        """Bounding box of the drawable area in device coordinates."""
        g = Region(list(self.rects()))
        b = g.bounds()
        ox, oy = self.dev_org
        return (b[0] - ox, b[1] - oy, b[2] - ox, b[3] - oy)

    def device_rect_clips(self, r: Rect) -> list[Rect]:
        """Device rectangle ``r`` cut by the clip, in surface coordinates."""
        ox, oy = self.dev_org
        sr = (r[0] + ox, r[1] + oy, r[2] + ox, r[3] + oy)
        return [i for c in self.rects() if (i := rect_intersect(c, sr)) is not None]

    # ---- pixels --------------------------------------------------------------------------------
    def begin(self) -> Surface | None:
        """Before drawing: the target surface, refreshed from guest memory when shadowed."""
        if self.window is not None:
            self.rects()  # follow the window if it moved or resized
        s = self.surface
        if s is not None:
            s.pull()
        return s

    def end(self, r: Rect | None = None) -> None:
        """After drawing: mark the surface modified (and write back shadowed DIB pixels)."""
        if self.surface is not None:
            self.surface.push(r)

    def fill_device(self, r: Rect, px: int) -> None:
        """Fill device rectangle ``r`` with pixel value ``px`` (0x00RRGGBB), clipped."""
        s = self.begin()
        if s is None:
            return
        for x0, y0, x1, y1 in self.device_rect_clips(r):
            s.px[y0:y1, x0:x1] = px
        self.end()

    def text_px(self) -> int:
        return colorref_to_px(self.resolve_color(self.text_color))

    def bk_px(self) -> int:
        return colorref_to_px(self.resolve_color(self.bk_color))

    def resolve_color(self, c: int) -> int:
        """A COLORREF as an RGB COLORREF (PALETTEINDEX / PALETTERGB resolved)."""
        kind = c >> 24
        if kind == 1:  # PALETTEINDEX
            ents = self.palette.entries
            i = c & 0xFFFF
            if i < len(ents):
                r, g, b, _ = ents[i]
                return r | (g << 8) | (b << 16)
            return 0
        return c & 0xFFFFFF

    def brush_px(self, brush: Brush | None = None) -> int | None:
        """The solid colour of ``brush`` (default: the selected one) as a pixel; None for a null brush."""
        b = brush or self.brush
        if b.style == gdiobj.BS_NULL:
            return None
        if b is gdiobj.stock(self.m, gdiobj.DC_BRUSH):
            return colorref_to_px(self.dc_brush_color)
        if b.sys_color >= 0:
            from . import syscolor  # noqa: PLC0415
            return colorref_to_px(syscolor.get(self.m, b.sys_color))
        return colorref_to_px(self.resolve_color(b.color))

    def pen_px(self) -> int | None:
        p = self.pen
        if p.style == gdiobj.PS_NULL:
            return None
        if p is gdiobj.stock(self.m, gdiobj.DC_PEN):
            return colorref_to_px(self.dc_pen_color)
        return colorref_to_px(self.resolve_color(p.color))

    # ---- save/restore --------------------------------------------------------------------------
    def save(self) -> int:
        self.saved.append({k: copy.copy(getattr(self, k)) for k in _STATE} | {"bitmap": self.bitmap})
        return len(self.saved)

    def restore(self, level: int) -> bool:
        if level < 0:
            level = len(self.saved) + 1 + level
        if level < 1 or level > len(self.saved):
            return False
        st = self.saved[level - 1]
        del self.saved[level - 1:]
        for k in _STATE:
            setattr(self, k, st[k])
        if self.kind == OBJ_MEMDC and st["bitmap"] is not self.bitmap and st["bitmap"] is not None:
            select_bitmap(self, st["bitmap"])
        self.invalidate_clip()
        return True


def get_dc(m: "Machine", h: int) -> DC | None:
    o = gdiobj.table(m).objs.get(h)
    return o if isinstance(o, DC) else None


def select_bitmap(dc: DC, bm: Bitmap) -> Bitmap | None:
    """Select ``bm`` into memory DC ``dc``; returns the previous bitmap."""
    old = dc.bitmap
    if old is not None:
        old.selected_in = None
    dc.bitmap = bm
    bm.selected_in = dc
    dc.surface = bm.surface
    dc.vis = None
    dc.invalidate_clip()
    return old


def mono_stock_bitmap(m: "Machine") -> Bitmap:
    """The 1x1 monochrome bitmap every new memory DC starts with."""
    st = m.state.get("gdi_mono1")
    if st is None:
        st = Bitmap(width=1, height=1, bpp=1, surface=Surface(1, 1))
        st.surface.px[:] = 0  # type: ignore[union-attr]
        st.stock = True
        gdiobj.table(m).add(st)
        m.state["gdi_mono1"] = st
    return st


def new_memory_dc(m: "Machine") -> DC:
    dc = DC(m, None, memory=True)
    gdiobj.table(m).add(dc)
    select_bitmap(dc, mono_stock_bitmap(m))
    return dc


# ---- APIs -------------------------------------------------------------------------------------
@stdcall("gdi32")
def CreateCompatibleDC(m: "Machine", hdc: HANDLE) -> HANDLE:
    """A memory DC (starting with a 1x1 monochrome bitmap) compatible with ``hdc``."""
    return new_memory_dc(m).handle


@stdcall("gdi32")
def DeleteDC(m: "Machine", hdc: HANDLE) -> BOOL:
    """Free a DC made by CreateCompatibleDC/CreateDC."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    if dc.bitmap is not None:
        dc.bitmap.selected_in = None
    gdiobj.table(m).delete(hdc)
    return 1


def _create_display_dc(m: "Machine") -> int:
    from . import window as wmod  # noqa: PLC0415
    return wmod.make_dc(m, None, client=True).handle


@stdcall("gdi32")
def CreateDCA(m: "Machine", pwszDriver: LPCSTR, pwszDevice: LPCSTR, pszPort: LPCSTR, pdm: PTR) -> HANDLE:
    """A DC for the display ("DISPLAY"); printers are not available."""
    if isinstance(pwszDriver, str) and pwszDriver.upper() in ("DISPLAY", "\\\\.\\DISPLAY1") or pwszDriver is None:
        return _create_display_dc(m)
    return 0


@stdcall("gdi32")
def CreateDCW(m: "Machine", pwszDriver: LPCWSTR, pwszDevice: LPCWSTR, pszPort: LPCWSTR, pdm: PTR) -> HANDLE:
    """A DC for the display ("DISPLAY"); printers are not available."""
    return CreateDCA(m, pwszDriver, pwszDevice, pszPort, pdm)


@stdcall("gdi32")
def CreateICA(m: "Machine", pszDriver: LPCSTR, pszDevice: LPCSTR, pszPort: LPCSTR, pdm: PTR) -> HANDLE:
    """An information context: here a display DC."""
    return CreateDCA(m, pszDriver, pszDevice, pszPort, pdm)


@stdcall("gdi32")
def SelectObject(m: "Machine", hdc: HANDLE, h: HANDLE) -> HANDLE:
    """Select a pen, brush, font, bitmap (memory DCs) or region into a DC; returns the previous object."""
    dc = get_dc(m, hdc)
    o = gdiobj.table(m).objs.get(h)
    if dc is None or o is None:
        return 0
    if isinstance(o, Pen):
        old, dc.pen = dc.pen, o
        return old.handle
    if isinstance(o, Brush):
        old_b, dc.brush = dc.brush, o
        return old_b.handle
    if isinstance(o, Font):
        old_f, dc.font = dc.font, o
        return old_f.handle
    if isinstance(o, Bitmap):
        if dc.kind != OBJ_MEMDC or (o.selected_in is not None and o.selected_in is not dc):
            return 0
        prev = select_bitmap(dc, o)
        return prev.handle if prev is not None else 0
    if isinstance(o, RegionObj):
        from . import rgn  # noqa: PLC0415
        return rgn.set_clip(dc, o.region)
    return 0


@stdcall("gdi32")
def GetCurrentObject(m: "Machine", hdc: HANDLE, type: DWORD) -> HANDLE:
    """The pen (1), brush (2), palette (5), font (6) or bitmap (7) selected into a DC."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    o = {1: dc.pen, 2: dc.brush, 5: dc.palette, 6: dc.font, 7: dc.bitmap}.get(type)
    return o.handle if o is not None else 0


@stdcall("gdi32")
def SaveDC(m: "Machine", hdc: HANDLE) -> INT:
    """Push the DC's state; returns the save level."""
    dc = get_dc(m, hdc)
    return dc.save() if dc is not None else 0


@stdcall("gdi32")
def RestoreDC(m: "Machine", hdc: HANDLE, nSavedDC: INT) -> BOOL:
    """Pop back to a saved state (negative: relative to the newest)."""
    dc = get_dc(m, hdc)
    return int(dc.restore(nSavedDC)) if dc is not None else 0


def _swap(m: "Machine", hdc: int, attr: str, v: int, default: int = 0) -> int:
    """Set DC attribute ``attr`` to ``v`` and return its previous value (``default`` for a bad DC)."""
    dc = get_dc(m, hdc)
    if dc is None:
        return default
    old = getattr(dc, attr)
    setattr(dc, attr, v)
    return old


def _attr(m: "Machine", hdc: int, attr: str, default: int = 0) -> int:
    """DC attribute ``attr`` (``default`` for a bad DC)."""
    dc = get_dc(m, hdc)
    return getattr(dc, attr) if dc is not None else default


@stdcall("gdi32")
def SetTextColor(m: "Machine", hdc: HANDLE, color: DWORD) -> DWORD:
    """Set the text colour; returns the previous one."""
    return _swap(m, hdc, "text_color", color, CLR_INVALID)


@stdcall("gdi32")
def GetTextColor(m: "Machine", hdc: HANDLE) -> DWORD:
    """The text colour."""
    return _attr(m, hdc, "text_color", CLR_INVALID)


@stdcall("gdi32")
def SetBkColor(m: "Machine", hdc: HANDLE, color: DWORD) -> DWORD:
    """Set the background colour (opaque text, hatches, mono conversions); returns the previous one."""
    return _swap(m, hdc, "bk_color", color, CLR_INVALID)


@stdcall("gdi32")
def GetBkColor(m: "Machine", hdc: HANDLE) -> DWORD:
    """The background colour."""
    return _attr(m, hdc, "bk_color", CLR_INVALID)


@stdcall("gdi32")
def SetBkMode(m: "Machine", hdc: HANDLE, mode: INT) -> INT:
    """OPAQUE (2) or TRANSPARENT (1); returns the previous mode."""
    return _swap(m, hdc, "bk_mode", mode)


@stdcall("gdi32")
def GetBkMode(m: "Machine", hdc: HANDLE) -> INT:
    """The background mode."""
    return _attr(m, hdc, "bk_mode")


@stdcall("gdi32")
def SetROP2(m: "Machine", hdc: HANDLE, rop2: INT) -> INT:
    """Set the binary raster operation for pens and brushes; returns the previous one."""
    return _swap(m, hdc, "rop2", rop2)


@stdcall("gdi32")
def GetROP2(m: "Machine", hdc: HANDLE) -> INT:
    """The binary raster operation."""
    return _attr(m, hdc, "rop2")


@stdcall("gdi32")
def SetTextAlign(m: "Machine", hdc: HANDLE, align: DWORD) -> DWORD:
    """Set TA_* text alignment; returns the previous value."""
    return _swap(m, hdc, "text_align", align, 0xFFFFFFFF)


@stdcall("gdi32")
def GetTextAlign(m: "Machine", hdc: HANDLE) -> DWORD:
    """TA_* text alignment."""
    return _attr(m, hdc, "text_align", 0xFFFFFFFF)


@stdcall("gdi32")
def SetStretchBltMode(m: "Machine", hdc: HANDLE, mode: INT) -> INT:
    """Set the StretchBlt mode; returns the previous one."""
    return _swap(m, hdc, "stretch_mode", mode)


@stdcall("gdi32")
def GetStretchBltMode(m: "Machine", hdc: HANDLE) -> INT:
    """The StretchBlt mode."""
    return _attr(m, hdc, "stretch_mode")


@stdcall("gdi32")
def SetPolyFillMode(m: "Machine", hdc: HANDLE, mode: INT) -> INT:
    """ALTERNATE (1) or WINDING (2); returns the previous mode."""
    return _swap(m, hdc, "poly_fill_mode", mode)


@stdcall("gdi32")
def GetPolyFillMode(m: "Machine", hdc: HANDLE) -> INT:
    """The polygon fill mode."""
    return _attr(m, hdc, "poly_fill_mode")


@stdcall("gdi32")
def SetTextCharacterExtra(m: "Machine", hdc: HANDLE, extra: INT) -> INT:
    """Extra spacing between characters; returns the previous value."""
    return _swap(m, hdc, "char_extra", extra, 0x80000000)


@stdcall("gdi32")
def GetTextCharacterExtra(m: "Machine", hdc: HANDLE) -> INT:
    """Extra spacing between characters."""
    return _attr(m, hdc, "char_extra", 0x80000000)


@stdcall("gdi32")
def SetDCBrushColor(m: "Machine", hdc: HANDLE, color: DWORD) -> DWORD:
    """Colour of the DC_BRUSH stock brush in this DC; returns the previous one."""
    return _swap(m, hdc, "dc_brush_color", color, CLR_INVALID)


@stdcall("gdi32")
def SetDCPenColor(m: "Machine", hdc: HANDLE, color: DWORD) -> DWORD:
    """Colour of the DC_PEN stock pen in this DC; returns the previous one."""
    return _swap(m, hdc, "dc_pen_color", color, CLR_INVALID)


@stdcall("gdi32")
def SetMapMode(m: "Machine", hdc: HANDLE, mode: INT) -> INT:
    """Set the mapping mode (MM_TEXT, MM_ISOTROPIC, MM_ANISOTROPIC, metric modes); returns the previous one."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    old = dc.map_mode
    dc.map_mode = mode
    fixed = {MM_LOMETRIC: (254, -96), MM_HIMETRIC: (2540, -96), MM_LOENGLISH: (100, -96),
             MM_HIENGLISH: (1000, -96), MM_TWIPS: (1440, -96)}
    if mode in fixed:
        w, v = fixed[mode]
        dc.window_ext, dc.viewport_ext = (w, w), (96, v)
    elif mode == MM_TEXT:
        dc.window_ext, dc.viewport_ext = (1, 1), (1, 1)
    return old


@stdcall("gdi32")
def GetMapMode(m: "Machine", hdc: HANDLE) -> INT:
    """The mapping mode."""
    return _attr(m, hdc, "map_mode")


def _put_point(m: "Machine", p: int, xy: tuple[int, int]) -> None:
    if p:
        m.mem.pack("<ii", p, *xy)


def _xy_swap(m: "Machine", hdc: int, attr: str, x: int, y: int, prev: int, offset: bool = False,
             size: bool = False) -> int:
    """Set (``offset``: move) the point/extent DC attribute ``attr``; the old value goes to ``prev``. A ``size``
    (extent) changes only in the isotropic/anisotropic modes, MM_ISOTROPIC keeping the viewport's aspect."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    old = getattr(dc, attr)
    _put_point(m, prev, old)
    if size:
        if dc.map_mode not in (MM_ISOTROPIC, MM_ANISOTROPIC):
            return 1
        if x == 0 or y == 0:
            return 0
        if dc.map_mode == MM_ISOTROPIC and attr == "viewport_ext":
            wx, wy = dc.window_ext
            # keep the aspect: shrink the larger scale
            sx, sy = abs(x / wx), abs(y / wy)
            s = min(sx, sy)
            x = int(round(s * abs(wx))) * (1 if x > 0 else -1)
            y = int(round(s * abs(wy))) * (1 if y > 0 else -1)
    new = (old[0] + x, old[1] + y) if offset else (x, y)
    setattr(dc, attr, new)
    return 1


@stdcall("gdi32")
def SetViewportOrgEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lppt: PTR) -> BOOL:
    """Set the viewport origin (device units); the old one goes to ``lppt``."""
    return _xy_swap(m, hdc, "viewport_org", x, y, lppt)


@stdcall("gdi32")
def SetWindowOrgEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lppt: PTR) -> BOOL:
    """Set the window origin (logical units)."""
    return _xy_swap(m, hdc, "window_org", x, y, lppt)


@stdcall("gdi32")
def OffsetViewportOrgEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lppt: PTR) -> BOOL:
    """Move the viewport origin."""
    return _xy_swap(m, hdc, "viewport_org", x, y, lppt, offset=True)


@stdcall("gdi32")
def OffsetWindowOrgEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lppt: PTR) -> BOOL:
    """Move the window origin."""
    return _xy_swap(m, hdc, "window_org", x, y, lppt, offset=True)


@stdcall("gdi32")
def SetWindowExtEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lpsz: PTR) -> BOOL:
    """Set the window extent (isotropic/anisotropic modes only)."""
    return _xy_swap(m, hdc, "window_ext", x, y, lpsz, size=True)


@stdcall("gdi32")
def SetViewportExtEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lpsz: PTR) -> BOOL:
    """Set the viewport extent (isotropic/anisotropic modes only)."""
    return _xy_swap(m, hdc, "viewport_ext", x, y, lpsz, size=True)


def _xy_attr(m: "Machine", hdc: int, attr: str, p: int) -> int:
    """Write the point/extent DC attribute ``attr`` to ``p``."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    _put_point(m, p, getattr(dc, attr))
    return 1


@stdcall("gdi32")
def GetViewportOrgEx(m: "Machine", hdc: HANDLE, lppoint: PTR) -> BOOL:
    """The viewport origin."""
    return _xy_attr(m, hdc, "viewport_org", lppoint)


@stdcall("gdi32")
def GetWindowOrgEx(m: "Machine", hdc: HANDLE, lppoint: PTR) -> BOOL:
    """The window origin."""
    return _xy_attr(m, hdc, "window_org", lppoint)


@stdcall("gdi32")
def GetViewportExtEx(m: "Machine", hdc: HANDLE, lpsize: PTR) -> BOOL:
    """The viewport extent."""
    return _xy_attr(m, hdc, "viewport_ext", lpsize)


@stdcall("gdi32")
def GetWindowExtEx(m: "Machine", hdc: HANDLE, lpsize: PTR) -> BOOL:
    """The window extent."""
    return _xy_attr(m, hdc, "window_ext", lpsize)


@stdcall("gdi32")
def GetCurrentPositionEx(m: "Machine", hdc: HANDLE, lppt: PTR) -> BOOL:
    """The pen position (MoveToEx/LineTo)."""
    return _xy_attr(m, hdc, "pos", lppt)


@stdcall("gdi32")
def SetBrushOrgEx(m: "Machine", hdc: HANDLE, x: INT, y: INT, lppt: PTR) -> BOOL:
    """Set the brush origin."""
    return _xy_swap(m, hdc, "brush_org", x, y, lppt)


@stdcall("gdi32")
def GetBrushOrgEx(m: "Machine", hdc: HANDLE, lppt: PTR) -> BOOL:
    """The brush origin."""
    return _xy_attr(m, hdc, "brush_org", lppt)


def _pts(m: "Machine", hdc: int, lpPoints: int, c: int, to_logical: bool) -> int:
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    vals = m.mem.unpack(f"<{2 * c}i", lpPoints) if c > 0 else ()
    out: list[int] = []
    for i in range(c):
        out.extend(dc.dp(vals[2 * i], vals[2 * i + 1]) if to_logical else dc.lp(vals[2 * i], vals[2 * i + 1]))
    if c > 0:
        m.mem.pack(f"<{2 * c}i", lpPoints, *out)
    return 1


@stdcall("gdi32")
def DPtoLP(m: "Machine", hdc: HANDLE, lppt: PTR, c: INT) -> BOOL:
    """Device points to logical points in place."""
    return _pts(m, hdc, lppt, c, True)


@stdcall("gdi32")
def LPtoDP(m: "Machine", hdc: HANDLE, lppt: PTR, c: INT) -> BOOL:
    """Logical points to device points in place."""
    return _pts(m, hdc, lppt, c, False)


# GetDeviceCaps indices
_CAPS = {0: 0x100, 2: 0, 4: 320, 6: 240, 8: None, 10: None, 12: None, 14: 1, 16: 0, 18: 0, 20: 0, 22: 0,
         24: None, 26: 0, 28: 0, 30: 0, 32: 0, 34: 0, 36: 10, 38: None, 40: 36, 42: 36, 44: 51, 88: 96, 90: 96,
         104: None, 106: 0, 108: None, 110: 0, 112: 0, 114: 0, 116: 60, 118: None, 120: None, 122: 0}


@stdcall("gdi32")
def GetDeviceCaps(m: "Machine", hdc: HANDLE, index: INT) -> INT:
    """Display capabilities: resolution, colour depth, raster caps, 96 dpi."""
    from . import desktop  # noqa: PLC0415
    scr = desktop.screen(m)
    dc = get_dc(m, hdc)
    bpp = scr.bpp
    if dc is not None and dc.kind == OBJ_MEMDC and dc.bitmap is not None:
        bpp = dc.bitmap.bpp if dc.bitmap.bpp != 1 else scr.bpp
    if index == 8:  # HORZRES
        return scr.width
    if index == 10:  # VERTRES
        return scr.height
    if index == 12:  # BITSPIXEL
        return bpp
    if index == 24:  # NUMCOLORS
        return 20 if bpp <= 8 else -1
    if index == 38:  # RASTERCAPS: BITBLT, BITMAP64, GDI20_OUTPUT, DI_BITMAP, PALETTE (palette modes), DIBTODEV,
        # BIGFONT, STRETCHBLT, FLOODFILL, STRETCHDIB
        return (0x0001 | 0x0008 | 0x0010 | 0x0080 | (0x0100 if bpp <= 8 else 0) | 0x0200 | 0x0400 | 0x0800 | 0x1000
                | 0x2000)
    if index == 104:  # SIZEPALETTE
        return 256 if bpp <= 8 else 0
    if index == 106:  # NUMRESERVED
        return 20 if bpp <= 8 else 0
    if index == 108:  # COLORRES
        return 18 if bpp <= 8 else 24
    if index == 118:  # DESKTOPHORZRES
        return scr.width
    if index == 117:  # DESKTOPVERTRES
        return scr.height
    if index == 120:  # BLTALIGNMENT
        return 0
    v = _CAPS.get(index)
    return v if v is not None else 0


@stdcall("gdi32")
def GetClipBox(m: "Machine", hdc: HANDLE, lprect: PTR) -> INT:
    """Bounding rectangle of the drawable area in logical units; returns the region kind."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    b = dc.clip_box()
    l, t = dc.dp(b[0], b[1])
    r, bt = dc.dp(b[2], b[3])
    m.mem.pack("<4i", lprect, l, t, r, bt)
    return 1 if b[2] <= b[0] else (2 if len(dc.rects()) <= 1 else 3)


@stdcall("gdi32")
def GetDCOrgEx(m: "Machine", hdc: HANDLE, lppt: PTR) -> BOOL:
    """Screen position of the DC's device origin."""
    dc = get_dc(m, hdc)
    if dc is None:
        return 0
    x, y = dc.dev_org
    if dc.window is not None:
        from . import window as wmod  # noqa: PLC0415
        top = wmod.top_level(dc.window)
        x += top.rect[0]
        y += top.rect[1]
    _put_point(m, lppt, (x, y))
    return 1


@stdcall("gdi32")
def GdiFlush(m: "Machine") -> BOOL:
    """Drawing is synchronous here: nothing to flush."""
    return 1


@stdcall("gdi32")
def GdiSetBatchLimit(m: "Machine", dw: DWORD) -> DWORD:
    """No batching here: returns the previous limit (1)."""
    return 1


@stdcall("gdi32")
def SetLayout(m: "Machine", hdc: HANDLE, l: DWORD) -> DWORD:
    """Left-to-right layout only; returns the previous layout."""
    return _swap(m, hdc, "layout", l & 0, 0xFFFFFFFF)


@stdcall("gdi32")
def GetLayout(m: "Machine", hdc: HANDLE) -> DWORD:
    """Layout flags (always left-to-right)."""
    return 0


@stdcall("user32")
def WindowFromDC(m: "Machine", hDC: HANDLE) -> HWND:
    """The window a DC belongs to."""
    dc = get_dc(m, hDC)
    return dc.hwnd if dc is not None else 0
