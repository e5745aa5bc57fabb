"""In-process checks of the GDI drawing and region code (gdi/draw.py, gdi/rgn.py, gdi/region.py) on DCs over
plain surfaces: monochrome targets, device origins, huge coordinates, wide pens, region algebra against a
brute-force pixel reference, and the helpers other modules call."""
from __future__ import annotations

import random

import numpy as np
import pytest

from emu.machine import Machine
from gdi import dc as dcm
from gdi import draw, gdiobj, rgn, syscolor
from gdi.region import Region, combine, region_from_mask
from gdi.surface import Surface

WHITE, BLACK = 0xFFFFFF, 0


@pytest.fixture(scope="module")
def m() -> Machine:
    return Machine()


def memdc(m: Machine, w: int = 64, h: int = 48, bpp: int = 32, fill: int = WHITE) -> tuple[dcm.DC, np.ndarray]:
    bm = gdiobj.Bitmap(width=w, height=h, bpp=bpp, surface=Surface(w, h))
    bm.surface.px[:] = fill  # type: ignore[union-attr]
    gdiobj.table(m).add(bm)
    d = dcm.new_memory_dc(m)
    dcm.select_bitmap(d, bm)
    return d, bm.surface.px  # type: ignore[union-attr]


def use(m: Machine, d: dcm.DC, h: int) -> None:
    o = gdiobj.table(m).get(h)
    if isinstance(o, gdiobj.Pen):
        d.pen = o
    else:
        d.brush = o


def test_rectangle_pixels_exact(m: Machine) -> None:
    d, px = memdc(m)
    use(m, d, draw.CreateSolidBrush(m, 0x0000FF))  # red
    draw.Rectangle(m, d.handle, 2, 3, 8, 7)
    ys, xs = np.nonzero(px != WHITE)
    assert (xs.min(), xs.max(), ys.min(), ys.max()) == (2, 7, 3, 6)
    assert (px[4:6, 3:7] == 0xFF0000).all()  # interior in the brush colour (pixels are 0x00RRGGBB)
    assert (px[3, 2:8] == BLACK).all() and (px[6, 2:8] == BLACK).all()


def test_monochrome_target_takes_nearest_of_black_and_white(m: Machine) -> None:
    d, px = memdc(m, 16, 8, bpp=1, fill=BLACK)
    use(m, d, gdiobj.stock(m, gdiobj.NULL_PEN).handle)
    use(m, d, draw.CreateSolidBrush(m, 0xC0C0C0))
    draw.Rectangle(m, d.handle, 0, 0, 5, 5)
    use(m, d, draw.CreateSolidBrush(m, 0x404040))
    draw.Rectangle(m, d.handle, 5, 0, 10, 5)
    assert px[1, 1] == WHITE and px[1, 6] == BLACK
    assert set(np.unique(px).tolist()) <= {WHITE, BLACK}


def test_mono_pattern_brush_uses_text_and_background_colours(m: Machine) -> None:
    pat = gdiobj.Bitmap(width=2, height=1, bpp=1, surface=Surface(2, 1))
    pat.surface.px[0, :] = [BLACK, WHITE]  # type: ignore[union-attr]
    hpat = gdiobj.table(m).add(pat)
    hbr = draw.CreatePatternBrush(m, hpat)
    d, px = memdc(m, 8, 2)
    d.text_color, d.bk_color = 0x0000FF, 0x00FF00  # red text, green background
    draw.fill_rect_brush(d, (0, 0, 4, 1), gdiobj.table(m).get(hbr))
    assert px[0, :4].tolist() == [0xFF0000, 0x00FF00, 0xFF0000, 0x00FF00]


def test_device_origin_and_visible_region(m: Machine) -> None:
    d, px = memdc(m, 40, 30)
    d.dev_org = (10, 5)  # a child window's client origin inside its top-level surface
    d.vis = Region([(10, 5, 30, 25)])
    d.invalidate_clip()
    draw.fill_rect(d, (-5, -5, 50, 50), BLACK)
    ys, xs = np.nonzero(px == BLACK)
    assert (xs.min(), xs.max(), ys.min(), ys.max()) == (10, 29, 5, 24)
    draw.draw_line(d, 0, 0, 5, 0, 0x123456)
    assert px[5, 10:15].tolist() == [0x123456] * 5 and px[5, 15] == BLACK  # end point excluded


def test_huge_coordinates_are_cropped(m: Machine) -> None:
    d, px = memdc(m, 32, 16)
    use(m, d, draw.CreateSolidBrush(m, 0))
    draw.Rectangle(m, d.handle, -2**30, -2**30, 2**30, 2**30)
    assert (px == BLACK).all()
    d2, px2 = memdc(m, 32, 16)
    draw.MoveToEx(m, d2.handle, -2**30, 8, 0)
    draw.LineTo(m, d2.handle, 2**30, 8)
    assert (px2[8] == BLACK).all() and (px2[7] == WHITE).all() and (px2[9] == WHITE).all()
    use(m, d2, gdiobj.stock(m, gdiobj.NULL_PEN).handle)
    use(m, d2, gdiobj.stock(m, gdiobj.GRAY_BRUSH).handle)
    draw.Ellipse(m, d2.handle, -100000, -100000, 100000, 100000)
    assert (px2 == 0x808080).all()


def test_wide_pen_round_caps_and_flat_caps(m: Machine) -> None:
    d, px = memdc(m, 40, 20)
    use(m, d, draw.CreatePen(m, 0, 4, 0))
    draw.MoveToEx(m, d.handle, 10, 10, 0)
    draw.LineTo(m, d.handle, 30, 10)
    rows = np.nonzero((px == BLACK).any(axis=1))[0]
    assert rows.tolist() == [8, 9, 10, 11]  # 4 rows, the even width's extra row above
    cols = np.nonzero((px == BLACK).any(axis=0))[0]
    assert cols.min() < 10 and cols.max() > 29  # round caps reach past both ends
    d2, px2 = memdc(m, 40, 20)
    lb = m.proc.alloc_static(16)
    m.mem.pack("<IIi", lb, draw.BS_SOLID, 0, 0)
    use(m, d2, draw.ExtCreatePen(m, draw.PS_GEOMETRIC | draw.PS_ENDCAP_FLAT, 4, lb, 0, 0))
    draw.MoveToEx(m, d2.handle, 10, 10, 0)
    draw.LineTo(m, d2.handle, 30, 10)
    cols = np.nonzero((px2 == BLACK).any(axis=0))[0]
    assert (cols.min(), cols.max()) == (10, 29)  # the end excluded, as a filled polygon


def test_region_algebra_matches_pixels() -> None:
    def pix(g: Region, n: int = 40) -> np.ndarray:
        a = np.zeros((n, n), dtype=bool)
        for l, t, r, b in g.rects:
            a[t:b, l:r] = True
        return a

    def rnd(rng: random.Random) -> Region:
        g = Region()
        for _ in range(rng.randint(0, 5)):
            l, t = rng.randint(0, 30), rng.randint(0, 30)
            g.add((l, t, l + rng.randint(0, 10), t + rng.randint(0, 10)))
        return g

    rng = random.Random(7)
    ops = {"and": np.logical_and, "or": np.logical_or, "xor": np.logical_xor,
           "diff": lambda x, y: x & ~y}
    for _ in range(300):
        a, b = rnd(rng), rnd(rng)
        for op, fn in ops.items():
            r = combine(a, b, op)
            assert (pix(r) == fn(pix(a), pix(b))).all()
            assert r.rects == region_from_mask(pix(r)).rects  # canonical y-x banded form


def test_region_kinds_and_frame(m: Machine) -> None:
    a = rgn.rect_region(0, 0, 5, 10)
    b = rgn.rect_region(5, 0, 10, 10)
    assert rgn.kind(combine(a, b, "or")) == rgn.SIMPLEREGION
    assert rgn.kind(combine(a, b, "and")) == rgn.NULLREGION
    e = rgn.round_rect_region(0, 0, 2000, 1000, 2000, 1000)
    assert e.bounds() == (0, 0, 2000, 1000) and e.contains(1000, 500) and not e.contains(0, 0)
    f = rgn.frame_region(Region([(0, 0, 10, 10)]), 2, 1)
    assert f.rects == [(0, 0, 10, 1), (0, 1, 2, 9), (8, 1, 10, 9), (0, 9, 10, 10)]


def test_helpers_for_other_modules(m: Machine) -> None:
    d, px = memdc(m, 80, 40, fill=0x123456)
    inner = draw.draw_edge(d, (0, 0, 20, 20), draw.EDGE_SUNKEN, draw.BF_RECT | draw.BF_MIDDLE)
    assert inner == (2, 2, 18, 18) and px[10, 10] == 0xC0C0C0
    assert draw.draw_edge(d, (30, 0, 40, 10), draw.BDR_RAISEDINNER, draw.BF_LEFT) == (31, 0, 40, 10)
    draw.frame_rect(d, (0, 25, 10, 35), BLACK)
    assert px[25, 0] == BLACK and px[34, 9] == BLACK and px[30, 5] == 0x123456
    hatch = gdiobj.table(m).get(draw.CreateHatchBrush(m, draw.HS_VERTICAL, 0))
    d.bk_color = 0xFFFFFF
    draw.fill_rect_brush(d, (40, 20, 56, 22), hatch)
    assert px[20, 40:56].tolist() == [WHITE] * 4 + [BLACK] + [WHITE] * 7 + [BLACK] + [WHITE] * 3
    sysb = syscolor.brush_from_handle(m, syscolor.COLOR_HIGHLIGHT + 1)
    draw.fill_rect_brush(d, (60, 0, 62, 2), sysb)
    assert px[0, 60] == 0x000080  # COLOR_HIGHLIGHT is navy
    for typ, state in ((draw.DFC_BUTTON, draw.DFCS_BUTTONPUSH | draw.DFCS_PUSHED),
                       (draw.DFC_BUTTON, draw.DFCS_BUTTONRADIO | draw.DFCS_CHECKED | draw.DFCS_INACTIVE),
                       (draw.DFC_SCROLL, draw.DFCS_SCROLLSIZEGRIP), (draw.DFC_CAPTION, draw.DFCS_CAPTIONMAX),
                       (draw.DFC_MENU, draw.DFCS_MENUBULLET)):
        before = px.copy()
        assert draw.draw_frame_control(d, (60, 20, 76, 36), typ, state)
        assert (px != before).any()
    assert not draw.draw_frame_control(d, (60, 20, 76, 36), draw.DFC_CAPTION, 0x77)
    before = px.copy()
    draw.draw_focus_rect(d, (1, 1, 30, 30))
    draw.draw_focus_rect(d, (1, 1, 30, 30))
    assert (px == before).all()
