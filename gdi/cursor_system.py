"""The system icons (IDI_*) and cursors (IDC_*): procedural look-alikes drawn with numpy (no Microsoft artwork)."""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .cursor import (
    IDC_APPSTARTING, IDC_ARROW, IDC_CROSS, IDC_HAND, IDC_HELP, IDC_IBEAM, IDC_NO, IDC_SIZE, IDC_SIZEALL, IDC_SIZENESW,
    IDC_SIZENS, IDC_SIZENWSE, IDC_SIZEWE, IDC_UPARROW, IDC_WAIT, IDI_APPLICATION, IDI_ASTERISK, IDI_EXCLAMATION,
    IDI_HAND, IDI_QUESTION, IDI_SHIELD, IDI_WINLOGO, IconObj, Image, LR_DEFAULTSIZE, Name, WHITE, _desired, _make,
)

if TYPE_CHECKING:
    from emu.machine import Machine


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
