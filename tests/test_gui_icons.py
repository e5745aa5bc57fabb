"""Icons and cursors (gdi/cursor.py) and the user32 system settings (gdi/resource_ui.py).

gui_icons.exe carries icon groups (16x16 4 bpp, 32x32 8 bpp, 32x32 32 bpp with alpha, 48x48 24 bpp, 64x64 PNG;
a 32x32 8 bpp + 16x16 monochrome group) and a monochrome cursor with hotspot (5, 7), written by
tests/programs/make_gui_icons.py. Every image has four quadrants: transparent top-left, colour A top-right,
colour B bottom-left, inverting (or, in the 32-bit image, green) bottom-right, so the pixels read back after
DrawIconEx onto a grey (808080) DIB section tell which image was picked and how it was drawn. The program
prints ``tag k=v ...`` lines; pixels are 0xRRGGBB.

The in-process tests at the end exercise the module directly (decoders, image choice, monochrome targets,
the presenter's cursor image, the class cursor)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import PROGRAMS, REPO, exeplay_command

EXE = PROGRAMS / "gui_icons.exe"
GREY, INV = "808080", "7f7f7f"  # the background, and the background inverted


def _env(tmp: Path) -> dict[str, str]:
    return dict(os.environ, XDG_DATA_HOME=str(tmp / "xdg"), PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")


@pytest.fixture(scope="module")
def missing_imports(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Imports of gui_icons.exe that no module declares (``exeplay info``)."""
    tmp = tmp_path_factory.mktemp("gui_icons_info")
    p = subprocess.run(exeplay_command(["info", EXE]), cwd=tmp, env=_env(tmp), capture_output=True, timeout=60,
                       check=False)
    return re.findall(r"MISSING\s+(\S+)", p.stdout.decode("utf-8", "replace"))


def _needs(missing: list[str]) -> None:
    """Skip while functions of modules other engineers are writing (bitmaps, regions) are not registered;
    the icon functions themselves must never be missing."""
    mine = {"LoadIconA", "LoadIconW", "LoadCursorA", "DrawIconEx", "DrawIcon", "GetIconInfo", "CreateIcon",
            "CreateCursor", "CreateIconIndirect", "CreateIconFromResourceEx", "CreateIconFromResource",
            "LookupIconIdFromDirectoryEx", "LookupIconIdFromDirectory", "CopyIcon", "DestroyIcon", "SetCursor",
            "GetCursor", "GetCursorInfo", "GetIconInfoExA", "LoadCursorFromFileA", "SystemParametersInfoA",
            "SystemParametersInfoW", "MessageBeep", "GetDialogBaseUnits", "MonitorFromRect", "MonitorFromPoint",
            "GetMonitorInfoA", "GetMonitorInfoW", "EnumDisplayMonitors"}
    assert not mine & set(missing), f"icon/cursor functions missing: {sorted(mine & set(missing))}"
    if missing:
        pytest.skip(f"gui_icons.exe needs functions not registered yet: {', '.join(sorted(missing))}")


def run_mode(mode: str, tmp: Path) -> dict[str, dict[str, str]]:
    """Run gui_icons.exe MODE (with the .ico/.cur files in its current folder); lines as {tag: {k: v}}."""
    for f in ("gui_icons.ico", "gui_icons.cur"):
        shutil.copy(PROGRAMS / f, tmp / f)
    p = subprocess.run(exeplay_command(["run", EXE, mode]), cwd=tmp, env=_env(tmp), capture_output=True,
                       timeout=60, check=False)
    out = p.stdout.decode("cp1252").replace("\r\n", "\n")
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 0 and "Traceback" not in err, out + err
    res: dict[str, dict[str, str]] = {}
    for line in out.splitlines():
        tag, _, rest = line.partition(" ")
        assert tag not in res, f"duplicate tag {tag}"
        res[tag] = {k: v.strip("[]") for k, v in re.findall(r"(\S+?)=(\[[^]]*\]|\S*)", rest)}
    return res


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory, missing_imports: list[str]) -> dict[str, dict[str, str]]:
    _needs(missing_imports)
    return run_mode("load", tmp_path_factory.mktemp("gui_icons_load"))


@pytest.fixture(scope="module")
def draw(tmp_path_factory: pytest.TempPathFactory, missing_imports: list[str]) -> dict[str, dict[str, str]]:
    _needs(missing_imports)
    return run_mode("draw", tmp_path_factory.mktemp("gui_icons_draw"))


@pytest.fixture(scope="module")
def create(tmp_path_factory: pytest.TempPathFactory, missing_imports: list[str]) -> dict[str, dict[str, str]]:
    _needs(missing_imports)
    return run_mode("create", tmp_path_factory.mktemp("gui_icons_create"))


@pytest.fixture(scope="module")
def sysparams(tmp_path_factory: pytest.TempPathFactory, missing_imports: list[str]) -> dict[str, dict[str, str]]:
    _needs(missing_imports)
    return run_mode("sysparams", tmp_path_factory.mktemp("gui_icons_spi"))


def info(d: dict[str, str]) -> tuple:
    """(icon, hotspot, mask size+depth, has colour, colour size+depth) of an ``info`` line."""
    assert d["ok"] == "1", d
    i = {k: int(v) for k, v in d.items()}
    return (i["icon"], (i["hx"], i["hy"]), (i["mw"], i["mh"], i["mbpp"]), i["color"], (i["cw"], i["ch"], i["cbpp"]))


# ---- loading ----------------------------------------------------------------------------------------
def test_load_icon_picks_the_32x32_image_for_the_screen_depth(load: dict) -> None:
    assert load["load101"] == {"nonnull": "1", "same": "1"}  # LoadIcon is shared: the same handle again
    assert info(load["info101"]) == (1, (16, 16), (32, 32, 1), 1, (32, 32, 32))
    assert info(load["infoname"]) == (1, (16, 16), (32, 32, 1), 1, (32, 32, 32))  # by name ("ICONNAME")
    assert load["sharedsize"] == {"same16": "1", "differ": "1"}
    assert info(load["shared32"])[2] == (32, 32, 1)


def test_load_image_sizes(load: dict) -> None:
    assert info(load["info16"])[2] == (16, 16, 1)
    assert info(load["info48"])[2] == (48, 48, 1)
    assert info(load["info64"])[2] == (64, 64, 1)  # the PNG image
    assert info(load["infofirst"])[2] == (16, 16, 1)  # cx = cy = 0 without LR_DEFAULTSIZE: the first image
    # a monochrome icon has no colour bitmap; its mask holds AND over XOR (twice as high)
    assert info(load["infomono"]) == (1, (8, 8), (16, 32, 1), 0, (0, 0, 0))


def test_load_cursor_resource_hotspot(load: dict) -> None:
    assert info(load["cursor201"]) == (0, (5, 7), (32, 64, 1), 0, (0, 0, 0))


def test_missing_resources_fail(load: dict) -> None:
    assert load["missing"] == {"null": "1", "err": "1814"}  # ERROR_RESOURCE_NAME_NOT_FOUND
    assert load["missingsys"] == {"null": "1", "err": "1814"}


def test_system_icons(load: dict) -> None:
    for i in range(32512, 32518):
        assert info(load[f"idi{i}"]) == (1, (16, 16), (32, 32, 1), 1, (32, 32, 32)), i
    assert load["idi"] == {"distinct": "1", "wsame": "1"}
    assert info(load["oicsmall"])[2] == (16, 16, 1)  # LoadImage of a system icon at 16x16 (not shared)


def test_system_cursors(load: dict) -> None:
    hot = {32512: (0, 0), 32513: (15, 16), 32514: (16, 16), 32515: (15, 15), 32516: (15, 3), 32649: (12, 2),
           32650: (0, 0), 32651: (0, 0)}
    for i in (32512, 32513, 32514, 32515, 32516, 32642, 32643, 32644, 32645, 32646, 32648, 32649, 32650, 32651):
        kind, h, mask, color, _ = info(load[f"idc{i}"])
        assert (kind, mask, color) == (0, (32, 64, 1), 0), i
        assert h == hot.get(i, (16, 16)), i


def test_files(load: dict) -> None:
    assert info(load["file32"])[2] == (32, 32, 1)
    assert info(load["file32"])[4] == (32, 32, 32)
    assert info(load["file16"])[2] == (16, 16, 1)
    assert info(load["filecur"]) == (0, (5, 7), (32, 64, 1), 0, (0, 0, 0))
    assert info(load["curfromfile"]) == (0, (5, 7), (32, 64, 1), 0, (0, 0, 0))
    assert load["nofile"] == {"null": "1", "err": "2"}


def test_current_cursor(load: dict) -> None:
    # the arrow before any SetCursor; SetCursor returns the previous one; NULL hides it (CURSORINFO flags 0)
    assert load["cursor"] == {"first_arrow": "1", "prev_ok": "1", "now_ok": "1", "prev2_ok": "1", "info": "1",
                              "flags": "0", "hcur_null": "1"}
    assert load["cursor2"] == {"info": "1", "flags": "1", "is_arrow": "1"}
    assert load["cursorinfo_badsize"] == {"ok": "0", "err": "87"}


def test_destroy(load: dict) -> None:
    # a second DestroyIcon fails with ERROR_INVALID_CURSOR_HANDLE; a shared icon survives DestroyIcon
    assert load["destroy"] == {"own": "1", "again": "0", "err": "1402", "shared": "1", "still": "1"}


# ---- drawing ------------------------------------------------------------------------------------------
def quads(d: dict[str, str]) -> tuple[str, str, str, str, str]:
    assert d["ok"] == "1", d
    return d["tl"], d["tr"], d["bl"], d["br"], d["out"]


def test_draw_32bit_alpha_icon(draw: dict) -> None:
    tl, tr, bl, br, out = quads(draw["d101"])
    assert (tl, tr, br, out) == (GREY, "ff8000", "00ff00", GREY)
    # blue at alpha 128 over grey: about (64, 64, 192)
    r, g, b = (int(bl[i:i + 2], 16) for i in (0, 2, 4))
    assert abs(r - 0x40) <= 1 and abs(g - 0x40) <= 1 and abs(b - 0xC0) <= 1, bl


def test_draw_mask_and_xor(draw: dict) -> None:
    # 4 bpp 16x16 image: transparent, red, green, inverting
    assert quads(draw["d16"]) == (GREY, "ff0000", "00ff00", INV, GREY)
    assert quads(draw["d16x64"]) == (GREY, "ff0000", "00ff00", INV, GREY)  # stretched to 64x64
    assert quads(draw["d16default"]) == (GREY, "ff0000", "00ff00", INV, GREY)  # DI_DEFAULTSIZE: 32x32
    assert draw["drawicon"] == {"ok": "1", "tr": "ff0000", "out": GREY}  # DrawIcon: the system size too
    # DI_MASK alone copies the mask (white where transparent), DI_IMAGE alone copies the image
    assert quads(draw["d16mask"]) == ("ffffff", "000000", "000000", "ffffff", GREY)
    assert quads(draw["d16image"]) == ("000000", "ff0000", "00ff00", "ffffff", GREY)


def test_draw_other_depths(draw: dict) -> None:
    assert quads(draw["d48"]) == (GREY, "112233", "445566", INV, GREY)  # 24 bpp
    assert quads(draw["d64png"]) == (GREY, "aabbcc", "123456", "654321", GREY)  # PNG
    assert quads(draw["d102"]) == (GREY, "102030", "405060", INV, GREY)  # 8 bpp
    assert quads(draw["dmono"]) == (GREY, "ffffff", "000000", INV, GREY)  # monochrome icon
    assert draw["dcursor"] == {"ok": "1", "clear": GREY, "black": "000000", "white": "ffffff", "inv": INV}


def test_draw_brush_clip_origin(draw: dict) -> None:
    # the flicker-free brush fills the rectangle first: the transparent quadrant shows it, the inverting one
    # inverts it
    assert draw["dbrush"] == {"ok": "1", "tl": "0000ff", "tr": "ff0000", "br": "ffff00", "out": GREY}
    assert draw["dclip"] == {"ok": "1", "in": "00ff00", "clipped": GREY}
    assert draw["dorg"] == {"tr": "ff0000", "bl": "00ff00", "before": GREY}
    assert draw["dbad"] == {"ok": "0", "err": "1402"}


# ---- creating and copying --------------------------------------------------------------------------------
def test_create_icon_and_cursor(create: dict) -> None:
    assert info(create["createicon"]) == (1, (8, 8), (16, 16, 1), 1, (16, 16, 32))
    # AND 1 + XOR colour: the colour XORs the background; AND 0: the colour itself
    assert create["createicon_px"] == {"top": "7f7f80", "topinv": "80807f", "left": "ffff00", "right": "0000ff"}
    assert info(create["createcursor"]) == (0, (3, 4), (16, 32, 1), 0, (0, 0, 0))
    assert create["createcursor_px"] == {"black": "000000", "white": "ffffff", "clear": GREY, "inv": INV}


def test_create_icon_indirect(create: dict) -> None:
    assert info(create["indirect"]) == (1, (4, 4), (8, 8, 1), 1, (8, 8, 32))
    assert create["indirect_px"] == {"left": "ff0000", "right": GREY}  # alpha from the 32-bit DIB section
    assert info(create["indirectcur"])[:2] == (0, (2, 3))


def test_copies(create: dict) -> None:
    assert create["copyicon"] == {"new": "1", "destroy": "1"}
    assert info(create["copyimage64"])[2] == (64, 64, 1)
    assert info(create["copyfromres16"])[2] == (16, 16, 1)
    # LR_COPYFROMRESOURCE reloads the 16x16 image of the resource instead of shrinking the 32x32 one
    assert quads(create["copyfromres16_px"]) == (GREY, "ff0000", "00ff00", INV, GREY)
    assert create["copyreturnorg"] == {"same": "1"}


def test_directory_lookup_and_resource_bits(create: dict) -> None:
    lk = {k: int(v) for k, v in create["lookup"].items()}
    assert len({lk["id16"], lk["id32"], lk["id48"]}) == 3
    assert lk["iddef"] == lk["id32"]
    assert lk["idcur"] == 0  # an icon directory is not a cursor directory
    assert info(create["fromres"])[2] == (16, 16, 1)
    assert quads(create["fromres_px"]) == (GREY, "ff0000", "00ff00", INV, GREY)
    assert info(create["fromresdef"])[2] == (32, 32, 1)  # CreateIconFromResource: the system size
    assert create["fromres_badver"] == {"null": "1"}
    assert info(create["fromrescur"]) == (0, (5, 7), (32, 64, 1), 0, (0, 0, 0))
    assert create["infoex"] == {"ok": "1", "size": "548", "resid": "101", "mod": "gui_icons.exe", "resname": ""}
    assert create["infoexname"] == {"ok": "1", "resid": "0", "resname": "ICONNAME"}


# ---- system parameters, beeps, dialog units, monitors -------------------------------------------------------
def test_system_parameters(sysparams: dict) -> None:
    s = sysparams
    assert s["workarea"] == {"ok": "1", "rect": "0,0,800,600"}
    assert s["ncm"] == {"ok": "1", "size": "344", "border": "1", "scrollw": "16", "scrollh": "16", "capw": "18",
                        "caph": "18", "smcaph": "12", "menuh": "18", "capface": "MS Sans Serif", "capweight": "700",
                        "capheight": "-11", "menuface": "MS Sans Serif", "menuweight": "400", "msgheight": "-11"}
    assert s["ncmw"] == {"ok": "1", "size": "504", "statusface_ok": "1", "weight": "700"}
    assert s["ncmbad"] == {"ok": "0", "err": "87"}
    assert s["iconfont"] == {"ok": "1", "face": "MS Sans Serif", "height": "-11", "weight": "400"}
    assert s["ssactive"] == {"ok": "1", "val": "0"}
    assert s["ssactive_set"] == {"ok": "1", "val": "1"}  # a SET is remembered
    assert s["keyboard"] == {"delay": "1", "speed": "31", "speed_after": "20"}
    assert s["mouse"] == {"t1": "6", "t2": "10", "accel": "1", "speed": "10"}
    assert s["flags"] == {"smoothing": "0", "dragfull": "1", "gradient": "0", "cues": "1"}
    assert s["setgradient"] == {"ok": "0", "err": "87"}  # captions here are flat
    assert s["highcontrast"] == {"ok": "1", "on": "0"}
    assert s["stickykeys"] == {"ok": "1", "avail": "1", "set": "1", "hotkey_now": "0"}
    assert s["unknown"] == {"ok": "0", "err": "87"}


def test_beep_and_dialog_units(sysparams: dict) -> None:
    assert sysparams["beep"] == {"ok": "1", "ok2": "1"}
    assert sysparams["dlgunits"] == {"x": "8", "y": "16"}


def test_monitors(sysparams: dict) -> None:
    s = sysparams
    assert s["monitor"] == {"on": "1", "off_null": "1", "near_same": "1", "point_same": "1"}
    assert s["moninfo"] == {"ok": "1", "mon": "0,0,800,600", "work": "0,0,800,600", "primary": "1",
                            "dev": "\\\\.\\DISPLAY1"}
    assert s["moninfow"] == {"ok": "1", "right": "800"}
    assert s["enummon"] == {"hm_ok": "1", "dc": "0", "rect": "100,50,800,600", "data": "65537"}
    assert s["setworkarea"] == {"ok": "1", "rect": "0,0,640,400", "monwork_bottom": "400"}


# ---- a window showing every system icon and cursor ---------------------------------------------------------
def test_window_screenshot(tmp_path: Path, missing_imports: list[str]) -> None:
    _needs(missing_imports)
    from PIL import Image
    shot = tmp_path / "icons.png"
    p = subprocess.run(exeplay_command(["run", "--headless", "--deterministic", "--screenshot-at",
                                        f"300:{shot}", "--exit-after", "400", EXE, "window"]),
                       cwd=tmp_path, env=_env(tmp_path), capture_output=True, timeout=60, check=False)
    assert "Traceback" not in p.stderr.decode("utf-8", "replace"), p.stderr
    img = np.asarray(Image.open(shot).convert("RGB")).astype(np.uint32)
    px = (img[:, :, 0] << 16) | (img[:, :, 1] << 8) | img[:, :, 2]
    # the program's 32-bit icon at client (248, 8) has the only 16x16 orange (ff8000) square (the caption may
    # show the class icon small): it gives the client origin
    orange = px == 0xFF8000
    corners = [(x, y) for y, x in zip(*np.nonzero(orange)) if orange[y:y + 16, x:x + 16].all()
               and orange[y:y + 16, x:x + 16].shape == (16, 16)]
    assert len(corners) == 1, "the 32x32 icon's orange quadrant"
    cx, cy = corners[0][0] - 248 - 16, corners[0][1] - 8

    def at(x: int, y: int) -> int:
        return int(px[cy + y, cx + x])
    # the system icons at (8 + 40 i, 8): application, hand, question, exclamation, asterisk, winlogo
    assert at(8 + 4, 8 + 6) == 0x000080  # the application window's navy title bar
    assert at(8 + 40 + 16, 8 + 4) == 0xFF0000  # IDI_HAND's red disc
    assert at(8 + 40 + 16, 8 + 16) == 0xFFFFFF  # and its white cross
    assert at(8 + 120 + 8, 8 + 26) == 0xFFFF00  # IDI_EXCLAMATION's yellow triangle
    assert at(8 + 120 + 16, 8 + 23) == 0x000000  # and its "!"
    assert at(8 + 120, 8) == 0xC0C0C0  # transparent corner: the window background
    assert at(8 + 160 + 16, 8 + 6) == 0x0000FF  # IDI_ASTERISK's blue "i"
    # the same icons at 16x16 (DrawIconEx) at (16 + 40 i, 48)
    assert at(16 + 40 + 8, 48 + 2) == 0xFF0000
    # the I-beam inverts the button-face background
    assert at(8 + 40 + 15, 72 + 16) == 0x3F3F3F
    # the arrow's tip is black, its body white
    assert at(8, 72) == 0x000000 and at(8 + 3, 72 + 8) == 0xFFFFFF


# ---- in-process: the module itself ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory):
    import emu
    from emu.machine import Machine, Options
    emu.register_all()
    return Machine(Options(data_dir=str(tmp_path_factory.mktemp("gui_icons_m"))))


def _mem_dc(m, w: int, h: int, bpp: int = 32, fill: int = 0x808080):
    from gdi import dc as dcmod
    from gdi import gdiobj
    from gdi.surface import Surface
    s = Surface(w, h)
    s.px[:] = fill
    bm = gdiobj.Bitmap(width=w, height=h, bpp=bpp, surface=s)
    gdiobj.table(m).add(bm)
    d = dcmod.new_memory_dc(m)
    dcmod.select_bitmap(d, bm)
    return d, s


def test_decode_core_header_and_2bpp() -> None:
    import struct

    from gdi import cursor
    # BITMAPCOREHEADER 8x8 1 bpp with RGBTRIPLE colours (red, blue), XOR: left half index 1, AND all 0
    hdr = struct.pack("<IHHHH", 12, 8, 16, 1, 1) + bytes([0, 0, 255]) + bytes([255, 0, 0])
    xor = bytes([0x0F, 0, 0, 0]) * 8
    img = cursor.decode_image(hdr + xor + bytes(4 * 8))
    assert img is not None and img.xor.shape == (8, 8) and not img.mono
    assert int(img.xor[0, 0]) == 0xFF0000 and int(img.xor[0, 7]) == 0x0000FF
    # 2 bpp (Windows CE style) with four colours
    hdr = struct.pack("<IiiHHIIiiII", 40, 4, 8, 1, 2, 0, 0, 0, 0, 4, 0)
    pal = b"".join(struct.pack("<4B", b, g, r, 0) for r, g, b in ((0, 0, 0), (255, 0, 0), (0, 255, 0), (0, 0, 255)))
    rows = bytes([0b00011011, 0, 0, 0]) * 4
    img = cursor.decode_image(hdr + pal + rows + bytes(4 * 4))
    assert img is not None and [int(v) for v in img.xor[0]] == [0, 0xFF0000, 0x00FF00, 0x0000FF]
    assert cursor.decode_image(b"not an icon at all") is None


def test_best_entry_prefers_depth_not_above_screen(machine) -> None:
    from gdi import cursor, desktop
    ents = [cursor.Entry(32, 32, 4, 1), cursor.Entry(32, 32, 8, 2), cursor.Entry(32, 32, 32, 3),
            cursor.Entry(16, 16, 32, 4)]
    assert cursor.best_entry(machine, ents, 32, 32, 0).ident == 3
    scr = desktop.screen(machine)
    old = scr.bpp
    scr.bpp = 8
    try:
        assert cursor.best_entry(machine, ents, 32, 32, 0).ident == 2
        assert cursor.best_entry(machine, ents, 16, 16, 0).ident == 4  # size comes first
    finally:
        scr.bpp = old
    assert cursor.best_entry(machine, ents, 32, 32, cursor.LR_MONOCHROME).ident == 1


def test_draw_onto_monochrome_bitmap_and_clip(machine) -> None:
    from gdi import cursor
    h = cursor.load_image_other(machine, 0, cursor.IDI_HAND, cursor.IMAGE_ICON, 32, 32, 0)
    ic = cursor.get(machine, h)
    d, s = _mem_dc(machine, 40, 40, bpp=1, fill=0xFFFFFF)
    assert cursor.draw_icon_ex(d, 0, 0, ic, 0, 0, cursor.DI_NORMAL)
    vals = set(np.unique(s.px).tolist())
    assert vals <= {0, 0xFFFFFF} and 0 in vals  # only black and white on a monochrome bitmap
    # clipped to an application clip rectangle: nothing drawn outside
    from gdi.region import Region
    d2, s2 = _mem_dc(machine, 40, 40)
    d2.clip = Region.from_rect((0, 0, 10, 40))
    d2.invalidate_clip()
    cursor.draw_icon_ex(d2, 0, 0, ic, 0, 0, cursor.DI_NORMAL)
    assert (s2.px[:, 10:] == 0x808080).all() and (s2.px[:, :10] != 0x808080).any()


def test_lr_monochrome_and_copy(machine) -> None:
    from gdi import cursor
    h = cursor.load_image_other(machine, 0, cursor.IDI_EXCLAMATION, cursor.IMAGE_ICON, 32, 32,
                                cursor.LR_MONOCHROME)
    ic = cursor.get(machine, h)
    assert ic.mono and set(np.unique(ic.xor).tolist()) <= {0, 0xFFFFFF}
    h2 = cursor.copy_icon(machine, h, 48, 48, cursor.LR_COPYDELETEORG)
    assert cursor.get(machine, h) is None and cursor.icon_size(machine, h2) == (48, 48)
    assert cursor.copy_image_other(machine, h2, cursor.IMAGE_BITMAP, 0, 0, 0) == 0


def test_cursor_image_and_class_cursor(machine) -> None:
    from types import SimpleNamespace

    from gdi import cursor
    from gdi import input as inp
    w = SimpleNamespace(cls=SimpleNamespace(cursor=cursor.IDC_IBEAM))
    cursor.set_class_cursor(machine, w)  # a built-in class names its cursor by IDC_ value
    assert cursor.current(machine) == cursor.system_cursor(machine, cursor.IDC_IBEAM)
    rgba, hot = cursor.cursor_image(machine)
    assert rgba.shape == (32, 32, 4) and hot == (15, 16)
    assert rgba[16, 15, 3] == 255 and tuple(rgba[16, 15, :3]) == (0, 0, 0)  # inverting pixels shown black
    assert rgba[0, 0, 3] == 0
    w.cls.cursor = 0
    cursor.set_class_cursor(machine, w)  # no class cursor: unchanged
    assert cursor.current(machine) == cursor.system_cursor(machine, cursor.IDC_IBEAM)
    st = inp.state(machine)
    st.cursor_count -= 1
    try:
        assert cursor.cursor_image(machine) is None  # ShowCursor(FALSE)
    finally:
        st.cursor_count += 1
    cursor.set_cursor(machine, 0)
    assert cursor.cursor_image(machine) is None


def test_system_art_is_distinct(machine) -> None:
    from gdi import cursor
    seen = set()
    for i in list(range(32512, 32519)):
        ic = cursor._system(machine, i, True, 32, 32, 0)
        assert ic is not None and ic.andm.any() and (~ic.andm).sum() > 200, i
        seen.add(ic.xor.tobytes() + ic.andm.tobytes())
    for i in (32512, 32513, 32514, 32515, 32516, 32642, 32643, 32644, 32645, 32646, 32648, 32649, 32650, 32651):
        ic = cursor._system(machine, i, False, 0, 0, 0)
        assert ic is not None and (ic.width, ic.height) == (32, 32), i
        seen.add(ic.xor.tobytes() + ic.andm.tobytes())
    assert len(seen) == 7 + 14


def test_small_icon(machine) -> None:
    from gdi import cursor
    big = cursor.load_icon(machine, 0, cursor.IDI_HAND)
    small = cursor.small_icon(machine, big)
    assert small != big and cursor.icon_size(machine, small) == (16, 16)
    assert cursor.small_icon(machine, big) == small  # made once
    assert cursor.small_icon(machine, small) == small
    own = cursor.copy_icon(machine, big, 0, 0, 0)
    s2 = cursor.small_icon(machine, own)
    cursor.destroy(machine, own)
    assert cursor.get(machine, s2) is None  # goes with its icon
    assert cursor.small_icon(machine, 0x1234) == 0
