"""GDI drawing: shapes, lines, pens, brushes, ROP2, polygons, pixels, flood fill, mapping modes, regions and
clipping, user32 rectangle helpers, system colours, DrawEdge/DrawFocusRect/DrawFrameControl.

gdi_draw.exe draws into a 32-bit DIB section and prints what GetPixel (and the section's bits) read back as
``tag k=v ...`` lines; colours are COLORREF hex (0xBBGGRR), ffffffff is CLR_INVALID (outside the clip)."""
from __future__ import annotations

import os
import subprocess

import pytest
from conftest import PROGRAMS, REPO, exeplay_command

BLACK, WHITE, RED, GREEN, BLUE, YELLOW = "000000", "ffffff", "0000ff", "00ff00", "ff0000", "00ffff"
INVALID = "ffffffff"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Run gdi_draw.exe once; its lines as {tag: {key: value}} (tag: the words before the first k=v)."""
    tmp = tmp_path_factory.mktemp("gdi_draw")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp), PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    p = subprocess.run(exeplay_command(["run", PROGRAMS / "gdi_draw.exe"]), cwd=tmp, env=env, capture_output=True,
                       timeout=60, check=False)
    text = p.stdout.decode("cp1252").replace("\r\n", "\n")
    err = p.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert p.returncode == 0 and text.rstrip().endswith("done"), text + err
    res: dict[str, dict[str, str]] = {}
    for line in text.splitlines()[:-1]:
        words = line.split()
        tag = " ".join(w for w in words if "=" not in w)
        assert tag not in res, f"duplicate tag {tag!r}"
        res[tag] = dict(w.split("=", 1) for w in words if "=" in w)
    return res


def test_rectangle_excludes_right_and_bottom(out: dict) -> None:
    assert out["rect"] == {"corner": BLACK, "last": BLACK, "right": WHITE, "bottom": WHITE, "inside": RED,
                           "outside": WHITE}
    # a null pen: the filled area is one pixel smaller on the right and bottom
    assert out["nullpen"] == {"first": BLUE, "lastin": BLUE, "col39": WHITE, "row19": WHITE}
    assert out["hollow"] == {"edge": BLACK, "inside": WHITE}


def test_ellipse_roundrect(out: dict) -> None:
    # the outline touches the box's pixels on all four sides, but not the right/bottom coordinate
    assert out["ellipse"] == {"center": RED, "corner": WHITE, "left": BLACK, "right": BLACK, "top": BLACK,
                              "bottom": BLACK, "beyond": WHITE}
    assert out["roundrect"] == {"corner": WHITE, "edge": BLACK, "inside": RED}


def test_pie_chord_arc_and_arc_direction(out: dict) -> None:
    assert out["pie"] == {"q1": RED, "q2": WHITE, "q3": WHITE, "q4": WHITE}  # counter-clockwise from 3 to 12 o'clock
    assert out["chord"] == {"top": RED, "bottom": WHITE}
    assert out["pie_cw"] == {"q1": WHITE, "q2": RED, "q3": RED, "q4": RED, "dir": "2"}
    assert out["arc"] == {"top": BLACK, "bottom": WHITE, "inside": WHITE}


def test_lines_exclude_the_last_point(out: dict) -> None:
    assert out["hline"] == {"first": BLACK, "last": BLACK, "end": WHITE}
    assert out["diag"] == {"p4": BLACK, "end": WHITE}
    assert out["vline up"] == {"first": BLACK, "last": BLACK, "end": WHITE}
    assert out["pos"] == {"x": "30", "y": "35"}
    assert out["polyline"] == {"corner": BLACK, "end": WHITE, "before": BLACK}


def test_pen_styles_and_widths(out: dict) -> None:
    # PS_DOT: 3 on, 3 off; the gaps take the background colour when OPAQUE and are skipped when TRANSPARENT
    assert out["dot opaque"] == {"p0": BLUE, "p2": BLUE, "p3": YELLOW, "p5": YELLOW, "p6": BLUE}
    assert out["dot transparent"] == {"p0": BLUE, "p3": WHITE}
    assert out["wide"] == {"above": WHITE, "top": RED, "mid": RED, "bottom": RED, "below": WHITE}  # 5 rows centred
    # PS_INSIDEFRAME, width 4: the whole pen inside the box
    assert out["insideframe"] == {"outer": BLUE, "inner": BLUE, "fill": GREEN, "outside": WHITE, "last": BLUE}


def test_all_binary_raster_operations(out: dict) -> None:
    assert out["rop2"] == {"checked": "16", "bad": "0"}
    assert out["xor"] == {"once": "ff0f0f", "twice": "00f0f0"}
    assert out["xorfill"] == {"once": "ff0f0f", "twice": "00f0f0"}
    assert out["getrop2"] == {"value": "13"}


def test_polygon_fill_modes(out: dict) -> None:
    assert out["star alternate"] == {"center": WHITE, "arm": GREEN}
    assert out["star winding"] == {"center": GREEN, "arm": GREEN, "mode": "2"}
    # the outline passes through every vertex (no right/bottom exclusion for pen lines of a closed figure)
    assert out["triangle"] == {"v0": BLACK, "v1": BLACK, "v2": BLACK, "inside": GREEN, "outside": WHITE}
    assert out["polypolygon"] == {"a": GREEN, "b": GREEN, "gap": WHITE}


def test_hatch_and_pattern_brushes(out: dict) -> None:
    # hatch lines in the brush colour every 8 pixels from the brush origin; gaps in the background colour
    assert out["hatch opaque"] == {"line": RED, "gap": YELLOW, "line2": RED}
    assert out["hatch transparent"] == {"hline": BLUE, "vline": "808080", "gap": "808080"}
    assert out["dibpattern"] == {"p00": RED, "p10": GREEN, "p01": BLUE, "p11": WHITE, "p20": RED, "p33": WHITE}
    assert out["brushorg"] == {"p00": GREEN, "p10": RED}
    assert out["indirect"] == {"vline": BLACK, "gap": WHITE, "type": "2"}
    assert out["badhatch"] == {"ptr": "00000000"}


def test_pixels_and_flood_fill(out: dict) -> None:
    assert out["setpixel"] == {"ret": "030201", "get": "030201", "bits": "010203"}  # bits are 0x00RRGGBB
    assert out["setpixelv"] == {"ret": "1", "get": "090909", "outside": INVALID, "outside_set": INVALID}
    assert out["floodfill"] == {"ret": "1", "inside": BLUE, "border": BLACK, "outside": WHITE}
    assert out["floodsurface"] == {"ret": "1", "outside": BLUE, "inside": BLUE, "start_on_border": "0"}


def test_mapping_modes(out: dict) -> None:
    assert out["aniso"] == {"lptodp": "20,30", "last": BLACK, "beyondx": WHITE, "beyondy": WHITE}
    assert out["yup"] == {"top": BLACK, "bottom": BLACK, "above": WHITE, "below": WHITE}


def test_region_operations(out: dict) -> None:
    assert out["rgnor"] == {"kind": "3", "box": "0,0,15,15", "size": "80"}  # 3 rectangles: 32 + 3 * 16 bytes
    assert out["rgnand"] == {"kind": "2", "box": "5,5,10,10"}
    assert out["rgnops"] == {"xor": "3", "diff": "3", "copy": "2"}
    assert out["rgndata"] == {"small": "0", "ret": "96", "size": "32", "type": "1", "count": "4", "bound": "0,0,15,15",
                              "first": "0,0,10,5"}
    assert out["extcreate"] == {"equal": "1"}
    assert out["merge"] == {"kind": "2", "equal": "1"}  # two halves make one rectangle: SIMPLEREGION
    assert out["ellrgn"] == {"in_center": "1", "in_corner": "0", "rect_in": "1", "rect_out": "0"}
    assert out["offsetrgn"] == {"kind": "3", "box": "100,100,120,120"}
    assert out["polyrgn"] == {"box": "0,0,10,10", "in": "1", "out": "0", "edge": "0"}
    assert out["roundrgn"] == {"corner": "0", "side": "1", "null": "1"}


def test_clipping(out: dict) -> None:
    assert out["clipnone"] == {"ret": "0"}
    # a 10x10 clip with a 2x2 hole: GetPixel outside the clip gives CLR_INVALID
    assert out["clip"] == {"select": "2", "exclude": "3", "left": INVALID, "first": RED, "last": RED, "right": INVALID,
                           "hole": INVALID, "below": WHITE}
    assert out["clipget"] == {"ret": "1", "box": "100,0,110,10", "ptvisible": "1,0", "rectvisible": "1,0"}
    assert out["clipintersect"] == {"ret": "2", "a": RED, "b": INVALID}
    assert out["offsetclip"] == {"ret": "2", "a": INVALID, "b": RED}
    assert out["extselect"] == {"and": "1", "copy": "2", "null": "2"}
    assert out["unclipped"] == {"far": RED}


def test_region_painting(out: dict) -> None:
    assert out["fillrgn"] == {"in": RED, "out": WHITE}
    assert out["framergn"] == {"l0": BLACK, "l1": BLACK, "l2": RED, "t0": BLACK, "t1": RED}  # 2 wide, 1 high
    assert out["invertrgn"] == {"a": "ffff00", "b": WHITE}
    assert out["paintrgn"] == {"in": BLACK}


def test_rectangle_helpers(out: dict) -> None:
    assert out["intersect"] == {"ret": "1", "r": "5,5,10,10", "none": "0", "nr": "0,0,0,0"}
    assert out["union"] == {"ret": "1", "r": "0,0,30,30"}
    assert out["subtract"] == {"ret": "1", "r": "0,4,10,10", "middle": "0,0,10,10"}
    assert out["inflate"] == {"r": "-2,3,12,7", "moved": "3,10,17,14", "equal": "1,0"}
    assert out["ptinrect"] == {"in": "1", "right": "0", "bottom": "0", "left": "0"}
    assert out["empty"] == {"set": "1", "a": "0", "inverted": "1"}


def test_system_colours(out: dict) -> None:
    assert out["syscolor"] == {"btnface": "c0c0c0", "desktop": "808000", "caption": "800000", "window": "ffffff",
                               "infobk": "e1ffff", "highlight": "800000", "shadow": "808080", "dkshadow": "000000"}
    # FillRect with COLOR_x + 1; a system-colour brush (a cached GDI brush) follows SetSysColors
    assert out["sysbrush"] == {"c1fill": "800000", "brushfill": "c0c0c0", "same": "1", "type": "2",
                               "changed": "030201",
                               "newfill": "030201", "restored": "c0c0c0"}


def test_draw_edge(out: dict) -> None:
    assert out["edge raised"] == {"adj": "12,12,28,28", "o_tl": "c0c0c0", "i_tl": WHITE, "o_br": BLACK,
                                  "i_br": "808080",
                                  "mid": "c0c0c0", "trc": BLACK, "blc": BLACK}
    assert out["edge sunken"] == {"o_tl": "808080", "i_tl": BLACK, "o_br": WHITE, "i_br": "c0c0c0", "mid": "563412"}
    assert out["edge flat"] == {"o": "808080", "i": "c0c0c0", "right": "563412"}
    assert out["edge soft"] == {"tl": "c0c0c0", "br": "808080"}
    assert out["edge mono"] == {"o": BLACK, "i": WHITE, "mid": WHITE, "adj": "132"}


def test_focus_rect_and_frame_controls(out: dict) -> None:
    assert out["focus"] == {"p00": "a9cbed", "p10": "563412", "before": "563412", "again": "563412"}
    assert out["dfc check"] == {"o_tl": "808080", "i_tl": BLACK, "face": WHITE, "mark": BLACK}
    assert out["dfc uncheck"] == {"mark": WHITE}
    assert out["dfc radio"] == {"dot": BLACK, "ring": "808080", "corner": "563412"}
    assert out["dfc push"] == {"tl": WHITE, "br": BLACK, "face": "c0c0c0"}
    assert out["dfc scrollup"] == {"apex": BLACK, "row1": BLACK, "beside": "c0c0c0", "face": "c0c0c0"}
    assert out["dfc close"] == {"corner": BLACK, "center": BLACK, "face": "c0c0c0", "bad": "0"}
