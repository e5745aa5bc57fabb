"""GDI bitmaps: DIB sections of every depth and orientation, blits with ternary raster operations,
monochrome/colour conversions, stretching and mirroring, overlapping blits, DIB transfers, GetObject,
palettes and bitmap loading (tests/programs/gdi_bitmap.c; each test runs one section of it)."""
from __future__ import annotations

import pytest
from conftest import assert_no_traceback

EXE = "gdi_bitmap.exe"


@pytest.fixture
def section(run_program):
    """``section(name) -> {key: [fields]}``: run one section and index its output lines by first word."""

    def do(name: str) -> dict[str, list[str]]:
        r = run_program(EXE, name, timeout=30)
        assert_no_traceback(r)
        assert r.rc == 0, r.describe()
        lines = r.text.splitlines()
        assert lines and lines[-1] == "done", r.describe()
        out: dict[str, list[str]] = {}
        for ln in lines[:-1]:
            k, *rest = ln.split()
            if k in ("dib", "rop"):
                k = " ".join([k] + rest[:3 if k == "dib" else 1])
                rest = rest[3 if k.startswith("dib") else 1:]
            out[k] = rest
        return out

    return do


def hx(v: str) -> int:
    return int(v, 16)


def cref(px: int) -> int:
    """A 0x00RRGGBB pixel as a COLORREF 0x00BBGGRR."""
    return ((px & 0xFF) << 16) | (px & 0xFF00) | ((px >> 16) & 0xFF)


# ---- DIB sections ------------------------------------------------------------------------------------
def table(bpp: int, i: int) -> int:
    if bpp == 1:
        return 0x00FF00 if i else 0x000080
    if bpp == 4:
        return ((i * 16) << 16) | ((255 - i * 16) << 8) | (i * 8)
    return (i << 16) | ((255 - i) << 8) | ((i * 3) & 255)


def exp5(v: int) -> int:
    return (v << 3) | (v >> 2)


def exp6(v: int) -> int:
    return (v << 2) | (v >> 4)


def dec16(v: int, g6: bool) -> int:
    if g6:
        return (exp5(v >> 11) << 16) | (exp6((v >> 5) & 0x3F) << 8) | exp5(v & 0x1F)
    return (exp5((v >> 10) & 0x1F) << 16) | (exp5((v >> 5) & 0x1F) << 8) | exp5(v & 0x1F)


def enc16(px: int, g6: bool) -> int:
    r, g, b = px >> 16, (px >> 8) & 0xFF, px & 0xFF
    if g6:
        return ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3)
    return ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)


BRUSH = 0x844221  # the brush colour the section paints in 16/24/32-bit sections (as a pixel)


FORMATS = [(1, 0), (4, 0), (8, 0), (16, 0), (16, 3), (24, 0), (32, 0)]


def test_dib_section_pixels_bits_and_getdibits(section) -> None:
    out = section("dib")
    for bpp, comp in FORMATS:
        for topdown in (0, 1):
            check_dib_line(out[f"dib {bpp} {comp} {topdown}"], bpp, comp)


def check_dib_line(f: list[str], bpp: int, comp: int) -> None:
    got = dict(zip(f[0::2], f[1::2]))
    g6 = comp == 3
    written = {1: table(1, 1), 4: table(4, 5), 8: table(8, 200), 16: dec16(0xFC03 if g6 else 0x7E03, g6),
               24: 0x332211, 32: 0x445566}[bpp]
    painted = {1: table(1, 1), 4: table(4, 9), 8: table(8, 77), 16: dec16(enc16(BRUSH, g6), g6),
               24: BRUSH, 32: BRUSH}[bpp]
    raw = {1: 1, 4: 9, 8: 77, 16: enc16(BRUSH, g6), 24: BRUSH, 32: BRUSH}[bpp]
    untouched = table(bpp, 0) if bpp <= 8 else 0
    what = f"{bpp} bpp compression {comp}"
    assert hx(got["pix"]) == cref(written), what     # bits written by the program, read by GetPixel
    assert hx(got["raw3"]) == raw, what             # PatBlt's pixels encoded in the section's format
    assert hx(got["raw4"]) == 0, what               # next to the painted block: untouched
    assert hx(got["pix3"]) == cref(painted), what
    assert got["lines"] == "4"
    assert [hx(v) for v in f[-3:]] == [written, painted, untouched], what  # GetDIBits to 32-bit top-down


def test_getdibits_24_and_4_bit_bottom_up(section) -> None:
    out = section("dib")
    g = out["getdibits24"]
    assert g[:3] == ["2", "size", "24"]
    assert " ".join(g[3:]) == ("80 80 80 ff ff ff 00 00 00 00 00 00 "  # bottom row first: grey white black
                               "00 00 ff 00 ff 00 ff 00 00 00 00 00")  # top row: red green blue (BGR)
    g4 = out["getdibits4"]
    # VGA indices: grey 7, white 15 / red 9, green 10, blue 12
    assert g4[:7] == ["2", "7f", "00", "00", "00", "9a", "c0"]
    assert g4[7:] == ["table7", "808080", "table8", "c0c0c0", "table15", "ffffff"]


# ---- raster operations --------------------------------------------------------------------------------
S = [0xFF00FF, 0x12AB34, 0x000000, 0xFFFFFF]
D = [0x0F0F0F, 0xFFFF00, 0xA5A5A5, 0x123456]
P = 0xC3A51E


def rop_expected(code: int, p: int, s: int, d: int) -> int:
    """Bit by bit: result bit = bit (P<<2 | S<<1 | D) of the ROP3 code."""
    r = 0
    for b in range(24):
        i = ((p >> b & 1) << 2) | ((s >> b & 1) << 1) | (d >> b & 1)
        r |= (code >> i & 1) << b
    return r


ROPS = [0x00CC0020, 0x00EE0086, 0x008800C6, 0x00660046, 0x00440328, 0x00330008, 0x001100A6, 0x00C000CA,
        0x00BB0226, 0x00F00021, 0x00FB0A09, 0x005A0049, 0x00550009, 0x00000042, 0x00FF0062, 0x00B8074A,
        0x00E20746, 0x006A01E9, 0x00960000, 0x001D0000, 0x00C50000, 0x00270000]


def test_bitblt_rop3_codes(section) -> None:
    out = section("rop")
    for rop in ROPS:
        f = out[f"rop {rop:08x}"]
        assert f[0] == "1"
        code = (rop >> 16) & 0xFF
        assert [hx(v) for v in f[1:]] == [rop_expected(code, P, s, d) for s, d in zip(S, D)], hex(rop)


def test_patblt(section) -> None:
    out = section("rop")
    assert out["patblt_srccopy"] == ["0"]  # PatBlt refuses ROPs that need a source
    assert [hx(v) for v in out["patinvert"]] == [D[0], P ^ D[1], P ^ D[2], D[3]]
    assert [hx(v) for v in out["patneg"]] == [D[0], D[1], D[2] ^ 0xFFFFFF, D[3] ^ 0xFFFFFF]  # x=3, w=-2: 2..3
    assert [hx(v) for v in out["nullbrush"]] == D


# ---- monochrome and colour ----------------------------------------------------------------------------
def test_mono_colour_conversions(section) -> None:
    out = section("mono")
    assert out["mono_getpixel"] == ["ffffff", "000000"]
    red, blue = "ff0000", "0000ff"
    row0 = [blue if c == "1" else red for c in "10100101"]  # 1 bits -> background, 0 bits -> text colour
    row1 = [blue if c == "1" else red for c in "00001111"]
    assert out["mono2color"] == row0 + row1
    assert out["color2mono"] == ["2", "92", "00"]  # pixels equal to the source background become 1
    assert out["compat_mono"] == ["1"]
    assert out["compat_dib"] == ["84", "32"]
    assert out["sprite"] == ["336699"] * 4 + ["aa0004", "aa0005", "aa0006", "aa0007"]
    assert out["maskblt"] == ["1"] + ["000000"] * 4 + ["336699"] * 4


# ---- stretching, mirroring, overlap ---------------------------------------------------------------------
def test_stretch_and_mirror(section) -> None:
    out = section("stretch")
    z = ["000000"]
    assert out["mirror_x"] == ["000004", "000003", "000002", "000001"] + z * 4
    assert out["mirror_src"] == ["000004", "000003", "000002", "000001"] + z * 4
    row = lambda *v: [f"{x:06x}" for x in v for _ in (0, 1)]
    assert out["double"] == row(1, 2, 3, 4) * 2 + row(5, 6, 7, 8) * 2
    assert out["mirror_y"] == ["000005", "000006", "000007", "000008"] + z * 4 + ["000001", "000002", "000003",
                                                                                   "000004"] + z * 4
    assert out["partial"] == ["1", "000007", "000008"] + z * 14


def test_stretch_modes_when_shrinking(section) -> None:
    out = section("stretch")
    assert out["stretchmode"] == ["1"]  # BLACKONWHITE by default
    left = [0xF0F0F0, 0xFF00FF, 0xF1F2F3, 0x3C3C3C]
    right = [0x0F0F0F, 0x010203, 0x102030, 0x0000FF]
    a0 = a1 = 0xFFFFFF
    o0 = o1 = 0
    for v in left:
        a0 &= v
        o0 |= v
    for v in right:
        a1 &= v
        o1 |= v
    assert [hx(v) for v in out["shrink1"]] == [a0, a1]
    assert [hx(v) for v in out["shrink2"]] == [o0, o1]
    c0, c1 = (hx(v) for v in out["shrink3"])
    assert c0 in left and c1 in right
    for got, grp in zip((hx(v) for v in out["shrink4"]), (left, right)):
        for sh in (16, 8, 0):
            assert abs((got >> sh & 0xFF) - sum(v >> sh & 0xFF for v in grp) / 4) <= 2


def test_overlapping_blits_and_clipping(section) -> None:
    out = section("overlap")
    n = lambda *v: [f"{x:06x}" for x in v]
    assert out["overlap_right"] == n(0, 1, 0, 1, 2, 3, 4, 5, 8, 9)
    assert out["overlap_left"] == n(2, 3, 4, 5, 6, 7, 6, 7, 8, 9)
    assert out["overlap_2d"] == n(0, 1, 2, 3, 4, 0, 1, 2, 8, 4, 5, 6, 12, 8, 9, 10)
    assert out["mirror_inplace"] == n(3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12)
    assert out["clipped"] == n(0, 0, 0, 3, 4, 0, 0, 7, 8, 0, 0, 11, 12, 0, 0, 15)


# ---- DIBs to devices -----------------------------------------------------------------------------------
def dibpx(x: int, y: int) -> str:
    """The test DIB's pixel at top-down (x, y)."""
    return f"{((x * 16 + 1) << 16) | ((y * 16 + 2) << 8) | 0x80:06x}"


def test_setdibitstodevice_and_stretchdibits(section) -> None:
    out = section("dibtodev")
    # (xSrc, ySrc) = (0, 0) is the lower-left corner of a bottom-up DIB: rows 2..3
    assert out["setdibitstodevice"] == ["4", dibpx(0, 2), dibpx(1, 2), dibpx(0, 3), dibpx(1, 3), "000000"]
    band = out["band"]
    assert band[0] == "2"
    rows = [band[1 + 8 * y:1 + 8 * y + 8] for y in range(4)]
    assert rows[0] == ["000000"] * 8 and rows[3] == ["000000"] * 8
    assert rows[1] == [dibpx(x, 1) for x in range(4)] + ["000000"] * 4  # scans 1..2 are top-down rows 2..1
    assert rows[2] == [dibpx(x, 2) for x in range(4)] + ["000000"] * 4
    assert out["stretchdibits"] == ["4", dibpx(0, 0), dibpx(0, 0), dibpx(1, 0), dibpx(3, 3)]
    assert out["stretchdibits_mirror"] == ["4", dibpx(3, 0), dibpx(0, 0), dibpx(3, 3)]
    assert out["stretchdibits_sub"] == ["2", dibpx(1, 1), dibpx(2, 1), dibpx(1, 2), dibpx(2, 2)]
    assert out["stretchdibits_and"] == ["1", dibpx(0, 3), dibpx(3, 3)]
    # the same bits as a top-down DIB: memory row r is image row r (holding the pixels of row 3 - r)
    assert out["topdown"] == ["4", dibpx(1, 2), dibpx(2, 1)]
    assert out["roundtrip"] == ["4", "4", "1"]
    assert out["partial_lines"] == ["2", "1"]
    assert out["setdibits_line"] == ["1", f"{cref(int(dibpx(1, 3), 16)):06x}", f"{cref(int(dibpx(1, 1), 16)):06x}"]


# ---- GetObject and bitmap info ---------------------------------------------------------------------------
def test_getobject_and_bitmap_info(section) -> None:
    out = section("getobject")
    assert out["ddb"] == ["24", "24", "7", "3", "28", "1", "32", "1"]
    assert out["ddb_small"] == ["0", "ddb_big", "24"]
    assert out["mono"] == ["2", "1"]
    assert out["dibsection"] == ["24", "24", "84", "5", "3", "16", "24", "1", "5", "-3", "48", "0"]
    assert out["pen"] == ["16", "16", "1", "1", "030201"]
    assert out["brush"] == ["12", "12", "2", "060504", "4"]
    assert out["font"] == ["60", "92", "60", "System", "92", "1"]
    assert out["palette"] == ["2", "2", "1"]
    assert out["region"] == ["0"]
    assert out["info32"] == ["1", "7", "3", "32", "3", "84"]  # BI_BITFIELDS for a 32-bit DDB
    assert out["info1"] == ["1", "13", "7", "1", "0", "28", "2"]
    assert out["info8"] == ["1", "112", "000000", "c0c0c0", "ffffff"]
    assert out["nulldc"] == ["0"]
    assert out["bitmapbits"] == ["14", "84"]
    assert out["dimension"] == ["110", "220"]
    assert out["zero"] == ["24", "1", "1"]


# ---- palettes ---------------------------------------------------------------------------------------------
def test_palettes(section) -> None:
    out = section("palette")
    assert out["entries"] == ["3", "2"]
    assert out["select"] == ["1", "realize", "1"]  # red and green are static colours: one new entry
    assert out["paletteindex"] == ["00ff00", "0a141e"]
    assert out["palcolors"] == ["3", "0a141e", "00ff00"]
    assert out["nearestcolor"] == ["0000ff"]
    assert out["setcolortable"] == ["1", "070809"]
    assert out["syspal"] == ["256", "256", "000000", "c0c0c0", "ffffff"]
    assert out["syspaluse"] == ["1"]
    assert out["resize"] == ["1", "5"]
    assert out["halftone"] == ["256"]
    assert out["animate"] == ["1", "9", "2"]  # only PC_RESERVED entries change
    assert out["setentries"] == ["1", "192"]
    assert out["unrealize"] == ["1"]


# ---- loading ------------------------------------------------------------------------------------------------
def test_load_bitmaps(section) -> None:
    out = section("load")
    assert out["loadfile"] == ["1", "3", "2", "32", "0000ff", "ff0000", "ffffff", "808080"]
    assert out["loaddib"] == ["84", "24", "1"]
    assert out["loadstretch"] == ["6", "4", "ff0000", "ffffff"]
    assert out["loadmissing"] == ["1", "2"]
    c = lambda i: f"{cref(((i * 16) << 16) | ((255 - i * 16) << 8) | 0x40):06x}"
    assert out["res4"] == ["1", "6", "3", "32", c(0), c(5), c(10)]
    assert out["res1"] == ["1", "1", "ffffff", "000000"]  # black-and-white resources load monochrome
    assert out["resdib"] == ["84", "4"]
    assert out["resnamed"] == ["1", "0000ff", "ff0000", "0000ff", "ff0000"]  # RLE8
    assert out["resmissing"] == ["1", "1814"]
    assert out["copyimage"] == ["84", "12", "6", "1"]


def test_hatched_patblt_matches_fillrect(section) -> None:
    out = section("hatch")
    assert out["hatch"][:3] == ["1", "1", "123456"]


# ---- msimg32 --------------------------------------------------------------------------------------------------
def blend(src: int, dst: int, sca: int, per_pixel: bool) -> list[float]:
    """AlphaBlend's formula in real arithmetic, per colour channel (r, g, b)."""
    sa = (src >> 24 & 0xFF) * sca / 255 if per_pixel else sca
    return [(src >> sh & 0xFF) * sca / 255 + (dst >> sh & 0xFF) * (1 - sa / 255) for sh in (16, 8, 0)]


def test_transparentblt_and_alphablend(section) -> None:
    out = section("msimg")
    # magenta source pixels keep the destination; the source is stretched 2x
    assert out["transparentblt"] == ["1"] + ["abcdef"] * 2 + ["112233"] * 2 + ["abcdef"] * 2 + ["445566"] * 2
    for key, srcs, dst, sca, pp in (("alphablend_const", [0xFFFFFF, 0, 0x804020, 0xFF0000], 0x204060, 128, False),
                                    ("alphablend_pixel", [0xFF102030, 0, 0x80400000, 0x40202020], 0xFFFFFF, 255,
                                     True)):
        f = out[key]
        assert f[0] == "1"
        for got, src in zip(f[1:], srcs):
            g = hx(got)
            for sh, want in zip((16, 8, 0), blend(src, dst, sca, pp)):
                assert abs((g >> sh & 0xFF) - want) <= 1, (key, got)
    assert out["alphablend_outside"] == ["0"]
