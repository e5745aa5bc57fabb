"""user32 edges and frame controls: DrawEdge, DrawFrameControl glyphs, FillRect/FrameRect/InvertRect,
DrawFocusRect."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from emu.api import BOOL, HANDLE, INT, PTR, UINT, stdcall

from . import syscolor
from .dc import DC, get_dc
from .region import Rect
from .surface import colorref_to_px
from .draw import (
    BDR_INNER, BDR_OUTER, BDR_RAISEDINNER, BDR_RAISEDOUTER, BDR_SUNKENINNER, BDR_SUNKENOUTER, BF_ADJUST, BF_BOTTOM,
    BF_DIAGONAL, BF_FLAT, BF_LEFT, BF_MIDDLE, BF_MONO, BF_RECT, BF_RIGHT, BF_SOFT, BF_TOP, C, DFCS_ADJUSTRECT,
    DFCS_BUTTON3STATE, DFCS_BUTTONPUSH, DFCS_BUTTONRADIO, DFCS_BUTTONRADIOIMAGE, DFCS_BUTTONRADIOMASK,
    DFCS_CAPTIONCLOSE, DFCS_CAPTIONHELP, DFCS_CAPTIONMAX, DFCS_CAPTIONMIN, DFCS_CAPTIONRESTORE, DFCS_CHECKED,
    DFCS_FLAT, DFCS_INACTIVE, DFCS_MENUARROW, DFCS_MENUARROWRIGHT, DFCS_MENUBULLET, DFCS_MENUCHECK, DFCS_MONO,
    DFCS_PUSHED, DFCS_SCROLLCOMBOBOX, DFCS_SCROLLDOWN, DFCS_SCROLLLEFT, DFCS_SCROLLRIGHT, DFCS_SCROLLSIZEGRIP,
    DFCS_SCROLLSIZEGRIPRIGHT, DFCS_SCROLLUP, DFCS_TRANSPARENT, DFC_BUTTON, DFC_CAPTION, DFC_MENU, DFC_POPUPMENU,
    DFC_SCROLL, EDGE_RAISED, EDGE_SUNKEN, _frame_brush, _paint_mask_dev, draw_focus_rect, draw_line, ellipse_mask,
    fill_rect, fill_rect_brush, frame_rect, invert_rect,
)

if TYPE_CHECKING:
    from emu.machine import Machine


def _syspx(dc: DC, index: int) -> int:
    return colorref_to_px(syscolor.get(dc.m, index))


_LT_OUTER = {BDR_RAISEDOUTER: (C.COLOR_3DLIGHT, C.COLOR_BTNHIGHLIGHT),
             BDR_SUNKENOUTER: (C.COLOR_BTNSHADOW, C.COLOR_3DDKSHADOW)}  # (normal, soft)
_LT_INNER = {BDR_RAISEDINNER: (C.COLOR_BTNHIGHLIGHT, C.COLOR_3DLIGHT),
             BDR_SUNKENINNER: (C.COLOR_3DDKSHADOW, C.COLOR_BTNSHADOW)}
_RB_OUTER = {BDR_RAISEDOUTER: C.COLOR_3DDKSHADOW, BDR_SUNKENOUTER: C.COLOR_BTNHIGHLIGHT}
_RB_INNER = {BDR_RAISEDINNER: C.COLOR_BTNSHADOW, BDR_SUNKENINNER: C.COLOR_3DLIGHT}


def _edge_rings(edge: int, flags: int) -> list[tuple[int, int]]:
    """System colours (top-left, bottom-right) of the outer then inner ring; -1 where nothing is drawn."""
    rings = []
    for bits, lt, rb in ((edge & BDR_OUTER, _LT_OUTER, _RB_OUTER), (edge & BDR_INNER, _LT_INNER, _RB_INNER)):
        if not bits:
            rings.append((-1, -1))
        elif flags & BF_MONO:
            rings.append((C.COLOR_WINDOWFRAME, C.COLOR_WINDOWFRAME) if lt is _LT_OUTER
                         else (C.COLOR_WINDOW, C.COLOR_WINDOW))
        elif flags & BF_FLAT:
            rings.append((C.COLOR_BTNSHADOW, C.COLOR_BTNSHADOW) if lt is _LT_OUTER
                         else (C.COLOR_BTNFACE, C.COLOR_BTNFACE))
        elif bits in lt:
            rings.append((lt[bits][1 if flags & BF_SOFT else 0], rb[bits]))
        else:  # raised and sunken together: nothing
            rings.append((-1, -1))
    return rings


def draw_edge(dc: DC, rect: Rect, edge: int, flags: int) -> Rect:
    """DrawEdge in device coordinates; returns the interior (what BF_ADJUST stores)."""
    l, t, r, b = rect
    rings = _edge_rings(edge, flags)
    if flags & BF_DIAGONAL:
        return _draw_diag_edge(dc, rect, rings, flags)
    for lt, rb in rings:
        if lt < 0 and rb < 0:
            continue
        if r <= l or b <= t:
            break
        ltp, rbp = _syspx(dc, lt), _syspx(dc, rb)
        if flags & BF_LEFT:
            fill_rect(dc, (l, t, l + 1, b - 1 if flags & BF_BOTTOM else b), ltp)
        if flags & BF_TOP:
            fill_rect(dc, (l, t, r - 1 if flags & BF_RIGHT else r, t + 1), ltp)
        if flags & BF_RIGHT:
            fill_rect(dc, (r - 1, t, r, b), rbp)
        if flags & BF_BOTTOM:
            fill_rect(dc, (l, b - 1, r, b), rbp)
        l += 1 if flags & BF_LEFT else 0
        t += 1 if flags & BF_TOP else 0
        r -= 1 if flags & BF_RIGHT else 0
        b -= 1 if flags & BF_BOTTOM else 0
    if flags & BF_MIDDLE and r > l and b > t:
        fill_rect(dc, (l, t, r, b), _syspx(dc, C.COLOR_WINDOW if flags & BF_MONO else C.COLOR_BTNFACE))
    return (l, t, r, b)


def _draw_diag_edge(dc: DC, rect: Rect, rings: list[tuple[int, int]], flags: int) -> Rect:
    """BF_DIAGONAL: a diagonal line across the box ending at the named corner, outer ring then inner."""
    l, t, r, b = rect
    n = min(r - l, b - t)
    if n <= 0:
        return rect
    corner = flags & 0xF
    # start corner opposite the end corner named by the flags
    ends = {BF_TOP | BF_RIGHT: ((l, b - 1), (1, -1)), BF_TOP | BF_LEFT: ((r - 1, b - 1), (-1, -1)),
            BF_BOTTOM | BF_LEFT: ((r - 1, t), (-1, 1)), BF_BOTTOM | BF_RIGHT: ((l, t), (1, 1))}
    if corner not in ends:
        return rect
    (sx, sy), (dx, dy) = ends[corner]
    rising = dy < 0 and dx > 0 or dy > 0 and dx < 0  # a "/" line: lit side is top-left
    for k, (lt, rb) in enumerate(rings):
        if lt < 0:
            continue
        col = _syspx(dc, rb if rising else lt)
        # inner ring one pixel towards the inside (bottom-right for "/", top-right/bottom-left for "\")
        ox, oy = (-k, -k) if rising else (k, -k) if dx > 0 else (-k, k)
        draw_line(dc, sx + ox, sy + oy, sx + ox + dx * n, sy + oy + dy * n, col)
    if flags & BF_MIDDLE:
        tri = np.tri(n, n, dtype=bool)
        if corner in (BF_TOP | BF_RIGHT, BF_BOTTOM | BF_LEFT):
            tri = tri[:, ::-1]
        _paint_mask_dev(dc, l, t, tri, _syspx(dc, C.COLOR_WINDOW if flags & BF_MONO else C.COLOR_BTNFACE))
    return rect


# ---- DrawFrameControl glyphs ----------------------------------------------------------------------
_CHECK = np.array([[0, 0, 0, 0, 0, 0, 1],
                   [0, 0, 0, 0, 0, 1, 1],
                   [1, 0, 0, 0, 1, 1, 1],
                   [1, 1, 0, 1, 1, 1, 0],
                   [1, 1, 1, 1, 1, 0, 0],
                   [0, 1, 1, 1, 0, 0, 0],
                   [0, 0, 1, 0, 0, 0, 0]], dtype=bool)
_HELP = np.array([[0, 1, 1, 1, 1, 0],
                  [1, 1, 0, 0, 1, 1],
                  [0, 0, 0, 0, 1, 1],
                  [0, 0, 0, 1, 1, 0],
                  [0, 0, 1, 1, 0, 0],
                  [0, 0, 1, 1, 0, 0],
                  [0, 0, 0, 0, 0, 0],
                  [0, 0, 1, 1, 0, 0],
                  [0, 0, 1, 1, 0, 0]], dtype=bool)


def _scaled(glyph: np.ndarray, h: int, w: int) -> np.ndarray:
    gh, gw = glyph.shape
    if (h, w) == (gh, gw):
        return glyph
    iy = np.minimum((np.arange(h) * gh) // max(h, 1), gh - 1)
    ix = np.minimum((np.arange(w) * gw) // max(w, 1), gw - 1)
    return glyph[iy[:, None], ix[None, :]]


def _glyph(dc: DC, x: int, y: int, mask: np.ndarray, state: int, color: int = C.COLOR_BTNTEXT) -> None:
    """A glyph in ``color``; inactive glyphs are embossed (highlight offset by one, then shadow)."""
    if state & DFCS_INACTIVE:
        _paint_mask_dev(dc, x + 1, y + 1, mask, _syspx(dc, C.COLOR_BTNHIGHLIGHT))
        _paint_mask_dev(dc, x, y, mask, _syspx(dc, C.COLOR_BTNSHADOW))
    else:
        _paint_mask_dev(dc, x, y, mask, _syspx(dc, color))


def _triangle(n: int, direction: str) -> np.ndarray:
    """A solid arrow pointing ``direction`` ("up", "down", "left", "right"), n rows tall."""
    w = 2 * n - 1
    cols = np.arange(w)[None, :]
    rows = np.arange(n)[:, None]
    up = (cols >= n - 1 - rows) & (cols <= n - 1 + rows)
    return {"up": up, "down": up[::-1], "left": up.T, "right": up.T[:, ::-1]}[direction]


def _button_face(dc: DC, rect: Rect, state: int, soft: bool = True) -> Rect:
    """The raised (or pushed/flat) button frame with a face-coloured middle; returns the interior."""
    extra = BF_SOFT if soft else 0
    if state & DFCS_MONO:
        return draw_edge(dc, rect, EDGE_SUNKEN, BF_RECT | BF_MIDDLE | BF_MONO)
    if state & DFCS_FLAT:
        edge, flags = EDGE_SUNKEN if state & DFCS_PUSHED else EDGE_RAISED, BF_RECT | BF_MIDDLE | BF_FLAT
    elif state & (DFCS_PUSHED | DFCS_CHECKED):
        edge, flags = EDGE_SUNKEN, BF_RECT | BF_MIDDLE | extra
    else:
        edge, flags = EDGE_RAISED, BF_RECT | BF_MIDDLE | extra
    inner = draw_edge(dc, rect, edge, flags)
    if state & DFCS_CHECKED and not state & DFCS_PUSHED:
        l, t, r, b = inner
        if r > l and b > t:  # checked but not pushed: a highlight/face dither
            Y, X = np.mgrid[t:b, l:r]
            _paint_mask_dev(dc, l, t, ((X + Y) & 1) == 0, _syspx(dc, C.COLOR_BTNHIGHLIGHT))
    return inner


def _square_in(rect: Rect) -> Rect:
    l, t, r, b = rect
    n = min(r - l, b - t)
    x = l + (r - l - n) // 2
    y = t + (b - t - n) // 2
    return (x, y, x + n, y + n)


def _dfc_button(dc: DC, rect: Rect, state: int) -> Rect | None:
    kind = state & 0xFF
    if kind & DFCS_BUTTONPUSH:
        return _button_face(dc, rect, state)
    if kind & (DFCS_BUTTONRADIO | DFCS_BUTTONRADIOIMAGE | DFCS_BUTTONRADIOMASK):
        sq = _square_in(rect)
        n = sq[2] - sq[0]
        if n <= 0:
            return rect
        if kind & DFCS_BUTTONRADIOMASK and not kind & DFCS_BUTTONRADIO:
            fill_rect(dc, sq, 0xFFFFFF)
            _paint_mask_dev(dc, sq[0], sq[1], ellipse_mask(n, n), 0)
            return sq
        d0 = ellipse_mask(n, n)
        d1 = np.zeros_like(d0)
        d2 = np.zeros_like(d0)
        if n > 2:
            d1[1:-1, 1:-1] = ellipse_mask(n - 2, n - 2)
        if n > 4:
            d2[2:-2, 2:-2] = ellipse_mask(n - 4, n - 4)
        Y, X = np.mgrid[0:n, 0:n]
        tl = X + Y < n - 1
        flat = state & (DFCS_FLAT | DFCS_MONO)
        ring0, ring1 = d0 & ~d1, d1 & ~d2
        x, y = sq[0], sq[1]
        if flat:
            _paint_mask_dev(dc, x, y, ring0 | ring1, _syspx(dc, C.COLOR_WINDOWFRAME if state & DFCS_MONO
                                                           else C.COLOR_BTNSHADOW))
        else:
            _paint_mask_dev(dc, x, y, ring0 & tl, _syspx(dc, C.COLOR_BTNSHADOW))
            _paint_mask_dev(dc, x, y, ring0 & ~tl, _syspx(dc, C.COLOR_BTNHIGHLIGHT))
            _paint_mask_dev(dc, x, y, ring1 & tl, _syspx(dc, C.COLOR_3DDKSHADOW))
            _paint_mask_dev(dc, x, y, ring1 & ~tl, _syspx(dc, C.COLOR_3DLIGHT))
        face = C.COLOR_BTNFACE if state & (DFCS_PUSHED | DFCS_INACTIVE) else C.COLOR_WINDOW
        _paint_mask_dev(dc, x, y, d2, _syspx(dc, face))
        if state & DFCS_CHECKED:
            k = max(2, (n + 2) // 3)
            o = (n - k) // 2
            dot = np.zeros((n, n), dtype=bool)
            dot[o:o + k, o:o + k] = ellipse_mask(k, k) if k > 3 else True
            col = C.COLOR_GRAYTEXT if state & DFCS_INACTIVE else C.COLOR_WINDOWTEXT
            _paint_mask_dev(dc, x, y, dot, _syspx(dc, col))
        return sq
    # check box (DFCS_BUTTONCHECK, DFCS_BUTTON3STATE)
    sq = _square_in(rect)
    n = sq[2] - sq[0]
    if n <= 0:
        return rect
    face = C.COLOR_BTNFACE if state & (DFCS_PUSHED | DFCS_INACTIVE) else C.COLOR_WINDOW
    if state & (DFCS_FLAT | DFCS_MONO):
        frame_rect(dc, sq, _syspx(dc, C.COLOR_WINDOWFRAME if state & DFCS_MONO else C.COLOR_BTNSHADOW))
        inner = (sq[0] + 1, sq[1] + 1, sq[2] - 1, sq[3] - 1)
    else:
        inner = draw_edge(dc, sq, EDGE_SUNKEN, BF_RECT)
    if kind & DFCS_BUTTON3STATE and state & DFCS_CHECKED:
        face = C.COLOR_BTNFACE
    fill_rect(dc, inner, _syspx(dc, face))
    if state & DFCS_CHECKED:
        g = max(3, inner[2] - inner[0] - 2)
        col = C.COLOR_BTNSHADOW if kind & DFCS_BUTTON3STATE or state & DFCS_INACTIVE else C.COLOR_WINDOWTEXT
        _paint_mask_dev(dc, inner[0] + 1, inner[1] + 1, _scaled(_CHECK, g, g), _syspx(dc, col))
    return sq


def _dfc_scroll(dc: DC, rect: Rect, state: int) -> Rect | None:
    kind = state & 0xFF
    l, t, r, b = rect
    if kind in (DFCS_SCROLLSIZEGRIP, DFCS_SCROLLSIZEGRIPRIGHT):
        if not state & DFCS_TRANSPARENT:
            fill_rect(dc, rect, _syspx(dc, C.COLOR_BTNFACE))
        n = min(r - l, b - t)
        hi, sh = _syspx(dc, C.COLOR_BTNHIGHLIGHT), _syspx(dc, C.COLOR_BTNSHADOW)
        left = kind == DFCS_SCROLLSIZEGRIPRIGHT
        for k in range(1, n, 4):  # groups of highlight + two shadow diagonals from the corner
            for j, col in ((0, hi), (1, sh), (2, sh)):
                d = k + j
                if d >= n:
                    break
                if left:
                    draw_line(dc, l + d, b - 1, l - 1, b - 2 - d, col)
                else:
                    draw_line(dc, r - 1 - d, b - 1, r, b - 2 - d, col)
        return rect
    direction = {DFCS_SCROLLUP: "up", DFCS_SCROLLDOWN: "down", DFCS_SCROLLLEFT: "left",
                 DFCS_SCROLLRIGHT: "right", DFCS_SCROLLCOMBOBOX: "down"}.get(kind)
    if direction is None:
        return None
    if state & DFCS_PUSHED and not state & DFCS_FLAT:
        frame_rect(dc, rect, _syspx(dc, C.COLOR_BTNSHADOW))
        fill_rect(dc, (l + 1, t + 1, r - 1, b - 1), _syspx(dc, C.COLOR_BTNFACE))
        inner = (l + 1, t + 1, r - 1, b - 1)
    else:
        inner = _button_face(dc, rect, state & ~DFCS_PUSHED if not state & DFCS_FLAT else state, soft=False)
    iw, ih = inner[2] - inner[0], inner[3] - inner[1]
    n = max(1, (min(iw, ih) + 1) // 3)
    tri = _triangle(n, direction)
    th, tw = tri.shape
    x = inner[0] + (iw - tw) // 2
    y = inner[1] + (ih - th) // 2
    if state & DFCS_PUSHED:
        x, y = x + 1, y + 1
    _glyph(dc, x, y, tri, state)
    return inner


def _caption_glyph(kind: int, n: int) -> np.ndarray | None:
    """Caption button glyph of about ``n`` x ``n`` pixels."""
    g = np.zeros((n, n), dtype=bool)
    if n < 4:
        return g
    if kind == DFCS_CAPTIONCLOSE:  # two diagonals two pixels thick, one row shorter than wide
        g = np.zeros((n - 1, n), dtype=bool)
        for i in range(n - 1):
            g[i, [i, i + 1, n - 2 - i, n - 1 - i]] = True
        return g
    if kind == DFCS_CAPTIONMIN:
        w = max(2, n * 2 // 3)
        g[n - 2:n, 0:w] = True
        return g
    if kind == DFCS_CAPTIONMAX:
        g[0:2, :] = True
        g[:, 0] = g[:, -1] = True
        g[-1, :] = True
        return g
    if kind == DFCS_CAPTIONRESTORE:
        k = max(4, n * 3 // 4)
        for ox, oy in ((n - k, 0), (0, n - k)):
            g[oy:oy + k, ox:ox + k] = False
            g[oy:oy + 2, ox:ox + k] = True
            g[oy:oy + k, ox] = True
            g[oy:oy + k, ox + k - 1] = True
            g[oy + k - 1, ox:ox + k] = True
        g[n - k + 2:n - 1, 1:k - 1] = False  # the front window hides the back one
        return g
    if kind == DFCS_CAPTIONHELP:
        return _scaled(_HELP, n, max(3, n * 2 // 3))
    return None


def _dfc_caption(dc: DC, rect: Rect, state: int) -> Rect | None:
    kind = state & 0xFF
    if kind not in (DFCS_CAPTIONCLOSE, DFCS_CAPTIONMIN, DFCS_CAPTIONMAX, DFCS_CAPTIONRESTORE, DFCS_CAPTIONHELP):
        return None
    inner = _button_face(dc, rect, state & ~DFCS_CHECKED)
    iw, ih = inner[2] - inner[0], inner[3] - inner[1]
    n = max(0, min(iw, ih) - (2 if kind == DFCS_CAPTIONCLOSE else 1))
    glyph = _caption_glyph(kind, n)
    if glyph is None or n <= 0:
        return inner
    gh, gw = glyph.shape
    x = inner[0] + (iw - gw) // 2
    y = inner[1] + (ih - gh) // 2
    if state & DFCS_PUSHED:
        x, y = x + 1, y + 1
    _glyph(dc, x, y, glyph, state)
    return inner


def _dfc_menu(dc: DC, rect: Rect, state: int, popup: bool) -> Rect | None:
    kind = state & 0xFF
    l, t, r, b = rect
    n = min(r - l, b - t)
    if kind not in (DFCS_MENUARROW, DFCS_MENUCHECK, DFCS_MENUBULLET, DFCS_MENUARROWRIGHT):
        return None
    if not popup:
        fill_rect(dc, rect, 0xFFFFFF)  # menu glyphs are black on white (masks)
    if n <= 0:
        return rect
    if kind == DFCS_MENUCHECK:
        g = max(3, n // 2)
        glyph = _scaled(_CHECK, g, g)
    elif kind == DFCS_MENUBULLET:
        g = max(2, n // 3)
        glyph = ellipse_mask(g, g)
    else:
        glyph = _triangle(max(2, n // 4), "right" if kind == DFCS_MENUARROW else "left")
    gh, gw = glyph.shape
    _paint_mask_dev(dc, l + (r - l - gw) // 2, t + (b - t - gh) // 2, glyph, 0)
    return rect


def draw_frame_control(dc: DC, rect: Rect, type: int, state: int) -> bool:
    """DrawFrameControl in device coordinates; False for an unknown type or part."""
    if type == DFC_BUTTON:
        return _dfc_button(dc, rect, state) is not None
    if type == DFC_SCROLL:
        return _dfc_scroll(dc, rect, state) is not None
    if type == DFC_CAPTION:
        return _dfc_caption(dc, rect, state) is not None
    if type in (DFC_MENU, DFC_POPUPMENU):
        return _dfc_menu(dc, rect, state, type == DFC_POPUPMENU) is not None
    return False


def _frame_control_interior(dc: DC, rect: Rect, type: int, state: int) -> Rect:
    l, t, r, b = rect
    if type in (DFC_BUTTON, DFC_CAPTION) or type == DFC_SCROLL:
        return (l + 2, t + 2, r - 2, b - 2)
    return rect


# ---- API: user32 rectangles, edges, frame controls ------------------------------------------------------
def _read_rect(m: Machine, p: int) -> tuple[int, int, int, int]:
    return m.mem.unpack("<4i", p)  # type: ignore[return-value]


@stdcall("user32")
def FillRect(m: Machine, hDC: HANDLE, lprc: PTR, hbr: HANDLE) -> INT:
    """Fill a rectangle (right/bottom excluded) with a brush or a COLOR_x + 1 system colour."""
    dc = get_dc(m, hDC)
    brush = syscolor.brush_from_handle(m, hbr)
    if dc is None or brush is None or not lprc:
        return 0
    fill_rect_brush(dc, dc.lrect(*_read_rect(m, lprc)), brush)
    return 1


@stdcall("user32")
def FrameRect(m: Machine, hDC: HANDLE, lprc: PTR, hbr: HANDLE) -> INT:
    """A one-unit border around a rectangle in a brush (nothing for an empty rectangle)."""
    dc = get_dc(m, hDC)
    brush = syscolor.brush_from_handle(m, hbr)
    if dc is None or brush is None or not lprc:
        return 0
    l, t, r, b = _read_rect(m, lprc)
    if r <= l or b <= t:
        return 1
    _frame_brush(dc, dc.lrect(l, t, r, b), brush, *dc.lsize(1, 1))
    return 1


@stdcall("user32")
def InvertRect(m: Machine, hDC: HANDLE, lprc: PTR) -> BOOL:
    """Invert the colours of a rectangle's pixels."""
    dc = get_dc(m, hDC)
    if dc is None or not lprc:
        return 0
    invert_rect(dc, dc.lrect(*_read_rect(m, lprc)))
    return 1


@stdcall("user32")
def DrawFocusRect(m: Machine, hDC: HANDLE, lprc: PTR) -> BOOL:
    """Dotted XOR frame marking focus; drawing it again removes it."""
    dc = get_dc(m, hDC)
    if dc is None or not lprc:
        return 0
    draw_focus_rect(dc, dc.lrect(*_read_rect(m, lprc)))
    return 1


@stdcall("user32")
def DrawEdge(m: Machine, hdc: HANDLE, qrc: PTR, edge: UINT, grfFlags: UINT) -> BOOL:
    """3-D edges (BDR_*/EDGE_*) on the sides named by BF_*; BF_ADJUST shrinks the RECT to the interior."""
    dc = get_dc(m, hdc)
    if dc is None or not qrc:
        return 0
    l, t, r, b = _read_rect(m, qrc)
    dev = dc.lrect(l, t, r, b)
    inner = draw_edge(dc, dev, edge, grfFlags)
    if grfFlags & BF_ADJUST:
        x0, y0 = dc.dp(inner[0], inner[1])
        x1, y1 = dc.dp(inner[2], inner[3])
        m.mem.pack("<4i", qrc, x0, y0, x1, y1)
    return 1


@stdcall("user32")
def DrawFrameControl(m: Machine, hdc: HANDLE, lprc: PTR, uType: UINT, uState: UINT) -> BOOL:
    """Buttons, check boxes, radio buttons, scroll arrows, caption and menu glyphs (DFC_*/DFCS_*)."""
    dc = get_dc(m, hdc)
    if dc is None or not lprc:
        return 0
    l, t, r, b = _read_rect(m, lprc)
    dev = dc.lrect(l, t, r, b)
    if not draw_frame_control(dc, dev, uType, uState):
        return 0
    if uState & DFCS_ADJUSTRECT:
        inner = _frame_control_interior(dc, dev, uType, uState)
        x0, y0 = dc.dp(inner[0], inner[1])
        x1, y1 = dc.dp(inner[2], inner[3])
        m.mem.pack("<4i", lprc, x0, y0, x1, y1)
    return 1
