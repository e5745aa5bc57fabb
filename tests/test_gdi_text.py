"""Fonts and text: GDI metrics of the bundled Windows 9x look-alike faces, extents, DrawText layout, font
enumeration through guest callbacks, and text pixels (the guest program drawing into a bitmap, and an
in-process DC over a surface)."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import PROGRAMS, REPO, exeplay_command

EXE = PROGRAMS / "gdi_text.exe"


def run_program(mode: str, tmp: Path) -> dict[str, dict[str, str]]:
    """Run gdi_text.exe MODE; its 'tag k=v k=v' lines as {tag: {k: v}}."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp), PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    p = subprocess.run(exeplay_command(["run", EXE, mode]), cwd=tmp, env=env, capture_output=True, timeout=60,
                       check=False)
    out = p.stdout.decode("cp1252").replace("\r\n", "\n")
    assert p.returncode == 0, out + p.stderr.decode("utf-8", "replace")
    res: dict[str, dict[str, str]] = {}
    for line in out.splitlines():
        tag, _, rest = line.partition(" ")
        res[tag] = {k: v.strip("[]") for k, v in re.findall(r"(\S+?)=(\[[^]]*\]|\S*)", rest)}
    return res


def ints(d: dict[str, str], *keys: str) -> list[int]:
    return [int(d[k]) for k in keys]


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    return run_program("metrics", tmp_path_factory.mktemp("gdi_text"))


def test_system_font_metrics(metrics: dict) -> None:
    s = metrics["system"]
    assert ints(s, "height", "ascent", "descent", "intlead", "avew", "weight") == [16, 13, 3, 3, 7, 700]
    assert s["face"] == "System" and s["facelen"] == "7"  # GetTextFace counts the NUL
    assert int(s["pitch"]) == 0x21  # FF_SWISS; TMPF_FIXED_PITCH set means variable pitch; raster


def test_ms_sans_serif_8pt_metrics(metrics: dict) -> None:
    for tag in ("gui", "mss8"):  # DEFAULT_GUI_FONT is MS Shell Dlg -11 = MS Sans Serif 8 pt
        t = metrics[tag]
        assert ints(t, "height", "ascent", "descent", "intlead", "extlead", "avew") == [13, 11, 2, 2, 0, 5]
        assert t["face"] == "MS Sans Serif"


def test_extents_are_sums_of_char_widths(metrics: dict) -> None:
    h = metrics["hello"]
    assert ints(h, "cx", "cy") == [24, 13]
    assert int(h["cx"]) == int(h["wcx"]) == int(h["sumwidth"]) == int(h["sumwidth32"])
    e = metrics["exext"]
    H, ee, el = ints(h, "H", "e", "l")
    assert e["fit"] == "3"
    assert [int(v) for v in e["dx"].split(",")][:3] == [H, H + ee, H + ee + el]
    assert int(metrics["extra"]["cx"]) == 24 + 5 * 2  # SetTextCharacterExtra(2)


def test_raster_vs_truetype_queries(metrics: dict) -> None:
    assert metrics["abc_raster"]["ok"] == "0"  # ABC widths: TrueType only
    assert metrics["fontdata_raster"]["v"] == "ffffffff"  # GDI_ERROR
    assert metrics["abc_tt"]["ok"] == "1" and metrics["abc_tt"]["sum"] == metrics["abc_tt"]["widthA"]
    assert metrics["fontdata_head"]["v"] == "54"
    t = metrics["tahoma"]
    assert ints(t, "height", "ascent", "descent") == [13, 11, 2]
    assert int(t["pitch"]) & 0x7 == 0x7 and t["face"] == "Tahoma"  # variable, vector, TrueType
    assert metrics["arialbold"]["weight"] == "700"
    c = metrics["courier"]
    assert int(c["pitch"]) & 1 == 0 and c["avew"] == c["maxw"] == "8"  # fixed pitch: bit clear
    assert metrics["oem"]["charset"] == "255"


def test_tabbed_extent(metrics: dict) -> None:
    assert metrics["tabbed"]["w"] == metrics["tabbed"]["expect"]  # default stops: 8 average widths
    assert metrics["tabbed2"]["w"] == metrics["tabbed2"]["expect"]  # explicit stops 30, 70


def test_drawtext_calcrect(metrics: dict) -> None:
    w = metrics["calc.wrap"]
    ret = int(w["ret"])
    l, t, r, b = (int(v) for v in w["rect"].split(","))
    assert (l, t) == (0, 0) and 0 < r <= 100 and b == ret and ret % 13 == 0 and ret >= 3 * 13
    s = metrics["calc.single"]
    assert s["ret"] == "13" and s["rect"] == "10,20,34,33"
    p = metrics["calc.prefix"]
    assert p["w"] == p["file"]  # '&' is not measured
    n = metrics["calc.noprefix"]
    assert n["w"] == n["amp"]  # ... unless DT_NOPREFIX
    assert ints(metrics["calc.lines"], "ret", "bottom") == [39, 39]  # CRLF, LF: three lines
    e = metrics["ellipsis"]
    assert e["text"].endswith("...") and e["text"].startswith("A rather") and e["fits"] == "1"


def test_font_enumeration(metrics: dict) -> None:
    a = metrics["enum.all"]
    assert a["ret"] == "1" and int(a["families"]) >= 6 and a["mss"] == "1" and a["tahoma"] == "1"
    assert metrics["enum.stop"] == {"ret": "0", "families": "2"}  # a callback returning 0 stops it
    assert metrics["enum.mss"] == {"n": "3", "sizes": "13,16,20"}  # the raster sizes of MS Sans Serif
    t = metrics["enum.tahoma"]
    assert t["full"] == "Tahoma" and t["style"] == "Regular"
    assert metrics["enum.exw"]["tahoma"] == "1" and int(metrics["enum.exw"]["n"]) == int(a["families"])


def _declared(dll: str, *names: str) -> bool:
    import emu
    from emu import api
    emu.register_all()
    return all(n in api.REGISTRY.get(dll, {}) for n in names)


@pytest.mark.skipif(not _declared("gdi32", "CreateCompatibleBitmap", "GetPixel", "CreateSolidBrush"),
                    reason="bitmap/pixel APIs (gdi/bitmap.py, gdi/draw.py) not registered yet")
def test_text_pixels_in_bitmap(tmp_path: Path) -> None:
    d = run_program("draw", tmp_path)
    t, w = d["transparent.black"], d["transparent.white"]
    assert int(t["in"]) > 20 and t["out"] == "0"  # ink only inside the cell box
    assert int(w["in"]) + int(t["in"]) == 24 * 13  # the rest of the box untouched
    red, blue = d["opaque.red"], d["opaque.blue"]
    assert int(red["in"]) + int(blue["in"]) == 24 * 13 and red["out"] == "0" and blue["out"] == "0"
    assert int(blue["in"]) == int(t["in"])  # same glyphs
    assert int(d["align.black"]["in"]) == int(t["in"]) and d["align.black"]["out"] == "0"
    assert int(d["baseline.black"]["in"]) > 0 and d["baseline.black"]["out"] == "0"
    assert int(d["clipped.black"]["in"]) > 0 and d["clipped.black"]["out"] == "0"
    g = d["etoopaque.green"]  # the whole rectangle but the ink of "Hi"
    assert 80 * 25 - 60 < int(g["in"]) < 80 * 25 and g["out"] == "0"
    assert d["drawtext"]["ret"] == "26"  # DT_VCENTER: the line's bottom from the top: (40 - 13) / 2 + 13
    assert int(d["centre.black"]["in"]) > 0 and d["centre.black"]["out"] == "0"
    assert d["prefix"] == {"underline": "1,1", "above": "0"}
    assert d["gray"]["ok"] == "1"
    g, plain = int(d["gray.red"]["in"]), int(d["plain.black"]["in"])
    assert d["gray.red"]["out"] == "0" and 0 < g < plain  # a 50% dither of the glyph ink
    assert d["state.disabled"]["ok"] == "1"
    assert int(d["state.grey"]["in"]) == plain and d["state.grey"]["out"] == "0"  # the shadow: the glyphs
    assert 0 < int(d["state.white"]["in"]) <= plain and d["state.white"]["out"] == "0"  # highlight, offset
    assert int(d["state.mono"]["in"]) > plain and d["state.mono"]["out"] == "0"  # the brush, '&H' underlined


# ---- in-process: a DC over a surface --------------------------------------------------------------
@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory):
    import emu
    from emu.machine import Machine, Options
    emu.register_all()
    return Machine(Options(data_dir=str(tmp_path_factory.mktemp("gdi_text_m"))))


def _dc(m, w: int = 200, h: int = 60):
    from gdi.dc import DC
    from gdi.surface import Surface
    s = Surface(w, h)
    s.px[:] = 0xFFFFFF
    return DC(m, s), s


def test_text_out_pixels(machine) -> None:
    from gdi import text
    from gdi.dc import TRANSPARENT
    from gdi.gdiobj import Font
    dc, s = _dc(machine)
    dc.font = Font(height=-11, face="MS Sans Serif")
    dc.bk_mode = TRANSPARENT
    dc.text_color = 0x0000FF  # red COLORREF
    text.text_out(dc, 10, 5, "Hello")
    w, h = text.text_extent(dc, "Hello")
    ink = s.px == 0xFF0000
    assert (w, h) == (24, 13)
    assert ink[5:18, 10:34].sum() == ink.sum() > 20
    assert (s.px[5:18, 10:34][~ink[5:18, 10:34]] == 0xFFFFFF).all()
    # 'H' is 8 px wide in MS Sans Serif 8 pt: two vertical stems on its cap height
    hcol = ink[5:18, 10:18].sum(axis=0)
    assert hcol.max() >= 8 and ink[5 + 11:18, 10:18].sum() == 0  # nothing below the baseline for 'H'


def test_opaque_and_clip(machine) -> None:
    from gdi import text
    from gdi.dc import OPAQUE
    from gdi.gdiobj import Font
    from gdi.region import Region
    dc, s = _dc(machine)
    dc.font = Font(height=16, weight=700, face="System")
    dc.bk_mode = OPAQUE
    dc.bk_color = 0x00FF00
    dc.text_color = 0
    dc.clip = Region.from_rect((0, 0, 30, 60))  # application clip in device coordinates
    dc.invalidate_clip()
    text.text_out(dc, 0, 0, "Wide text")
    assert (s.px[0:16, 0:30] != 0xFFFFFF).all()  # background box (green) or ink (black)
    assert (s.px[:, 30:] == 0xFFFFFF).all()  # clipped
    assert (s.px[16:, :] == 0xFFFFFF).all()


def test_draw_text_wraps_and_centres(machine) -> None:
    from gdi import text
    from gdi.gdiobj import Font
    dc, s = _dc(machine, 120, 80)
    dc.font = Font(height=-11, face="MS Shell Dlg")
    dc.bk_mode = 1
    h, r = text.draw_text(dc, "one two three four five six", (0, 0, 60, 80), text.DT_WORDBREAK | text.DT_CALCRECT)
    assert h == r[3] and h % 13 == 0 and h >= 26 and r[2] <= 60
    h2, _ = text.draw_text(dc, "one two three four five six", (0, 0, 60, 80), text.DT_WORDBREAK)
    assert h2 == h
    ink_rows = np.nonzero((s.px != 0xFFFFFF).any(axis=1))[0]
    assert ink_rows.min() >= 0 and ink_rows.max() < h and (s.px[:, 60:] == 0xFFFFFF).all()
    s.px[:] = 0xFFFFFF
    text.draw_text(dc, "Mid", (0, 0, 120, 80), text.DT_CENTER | text.DT_VCENTER | text.DT_SINGLELINE)
    cols = np.nonzero((s.px != 0xFFFFFF).any(axis=0))[0]
    rows = np.nonzero((s.px != 0xFFFFFF).any(axis=1))[0]
    w = text.text_extent(dc, "Mid")[0]
    assert cols.min() >= (120 - w) // 2 and cols.max() < (120 - w) // 2 + w
    assert rows.min() >= (80 - 13) // 2 and rows.max() < (80 - 13) // 2 + 13


def test_font_mapping() -> None:
    from gdi import font
    from gdi.gdiobj import Font
    cases = [(Font(height=-11, face="MS Sans Serif"), "MS Sans Serif", 13),
             (Font(height=-13, face="MS Sans Serif"), "MS Sans Serif", 16),
             (Font(height=-16, face="MS Sans Serif"), "MS Sans Serif", 20),
             (Font(height=-11, face="Helv"), "MS Sans Serif", 13),
             (Font(height=0, face=""), "System", 16),
             (Font(height=-12, face="", pitch_family=1), "Courier", 13),
             (Font(height=-12, face="Arial"), "Arial", 14),
             (Font(height=-12, face="Verdana"), "Tahoma", 14),
             (Font(height=-13, face="Courier New"), "Courier New", 15),
             (Font(height=-40, face="Unknown Face"), "Tahoma", 48),
             (Font(height=-11, face="Unknown Face"), "MS Sans Serif", 13),
             (Font(height=-30, face="", pitch_family=0x31), "Courier New", 34),
             (Font(height=-13, face="Marlett"), "Marlett", 13)]
    for f, face, height in cases:
        r = font.realize(None, f)
        assert (r.face_name, r.height) == (face, height), f
    big = font.realize(None, Font(height=-22, face="MS Sans Serif"))  # 8 pt scaled by 2
    assert big.height == 26 and big.glyph("H").mask.shape[0] == 26
    bold = font.realize(None, Font(height=-11, face="MS Sans Serif", weight=700))
    plain = font.realize(None, Font(height=-11, face="MS Sans Serif"))
    assert bold.glyph("H").advance == plain.glyph("H").advance + 1 and bold.weight == 700


def test_drawtext_and_tab_edge_cases(metrics: dict) -> None:
    n = metrics["calc.narrow"]
    assert int(n["words"]) == 2 * 13  # words are not broken ...
    assert int(n["chars"]) >= 6 * 13  # ... except in edit-control mode
    e = metrics["calc.empty"]
    assert e["ret"] == "13" and e["rect"] == "10,10,10,10"  # empty string: a line's height, empty rectangle
    assert e["single"] == "13" and e["rect1"] == "10,10,10,23"
    assert e["zero"] == "0" and e["rect0"] == "10,10,100,100"  # count 0: nothing at all
    t = metrics["tabneg"]  # a negative stop right-aligns the following text on it
    assert ints(t, "w1", "w2", "w3", "zero") == [40, 40, 80, 0]


def test_escapement_turns_truetype_text(machine) -> None:
    from gdi import text
    from gdi.gdiobj import Font
    dc, s = _dc(machine, 200, 200)
    dc.bk_mode = 1
    dc.font = Font(height=-13, face="Arial", escapement=900)  # 90 degrees: the text runs upwards
    w, h = text.text_extent(dc, "Upwards")
    text.text_out(dc, 100, 150, "Upwards")
    ys, xs = np.nonzero(s.px != 0xFFFFFF)
    assert ys.max() < 150 and ys.min() >= 150 - w - 1  # above the reference point, as long as the text
    assert xs.min() >= 100 and xs.max() < 100 + h  # the cell lies on the right (glyph tops face left)
    s.px[:] = 0xFFFFFF
    dc.font = Font(height=-13, face="MS Sans Serif", escapement=900)  # raster fonts are not turned
    text.text_out(dc, 100, 150, "Flat")
    ys, xs = np.nonzero(s.px != 0xFFFFFF)
    assert ys.min() >= 150 and xs.max() - xs.min() > ys.max() - ys.min()


def test_draw_state_disabled_text(machine) -> None:
    from emu.kernel32.heap import process_heap
    from gdi import gdiobj, text
    from gdi.gdiobj import Font
    dc, s = _dc(machine, 60, 30)
    s.px[:] = 0xC0C0C0
    dc.font = Font(height=-11, face="MS Sans Serif")
    hdc = gdiobj.table(machine).add(dc)
    p = process_heap(machine).alloc(16)
    machine.mem.write(p, b"Hello\0")
    assert text.DrawStateA(machine, hdc, 0, 0, p, 0, 2, 2, 0, 0, text.DST_TEXT | text.DSS_DISABLED) == 1
    grey, white = (s.px == 0x808080), (s.px == 0xFFFFFF)
    assert grey.sum() > 20 and white.sum() > 10
    ys, xs = np.nonzero(white)
    assert ys.max() <= 2 + 13 and xs.max() <= 2 + 24  # the highlight is the ink moved one pixel down-right
    assert text.DrawStateA(machine, hdc, 0, 0, 0, 0, 2, 2, 0, 0, text.DST_TEXT) == 0  # no string
    process_heap(machine).free(p)


def test_terminal_draws_oem_line_characters() -> None:
    from gdi import font
    from gdi.gdiobj import Font
    r = font.realize(None, Font(height=12, face="Terminal"))
    assert r.charset == 255
    h = r.glyph("─").mask  # a full-width horizontal line through the cell
    assert h.shape == (r.height, r.ave_width) and h.any(axis=0).all() and h.sum() == r.ave_width
    v = r.glyph("│").mask
    assert v.any(axis=1).all() and v.sum() == r.height
    assert r.glyph("█").mask.all() and r.glyph("─").advance == r.ave_width
