"""DirectDraw's less common pieces (tests/programs/ddraw_more.c; each test runs one section of it): gamma ramps on
the presented picture (screenshots and the presenter's frames), clip lists and window clip regions with clipped
Blts, DuplicateSurface, EnumSurfaces, GetSurfaceFromDC, GetDeviceIdentifier, client memory surfaces, private
data, texture-manager priority/LOD, overlays, attachments and the GDI surface of a flipping chain."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import assert_no_traceback, assert_png_matches

EXE = "ddraw_more.exe"
PROGRAM = Path(__file__).resolve().parent / "programs" / EXE
S_OK = "00000000"
E_NOINTERFACE = "80004002"
DDERR_UNSUPPORTED = "80004001"
DDERR_INVALIDPARAMS = "80070057"
DDERR_CANNOTATTACHSURFACE = "8876000a"
DDERR_CANNOTDETACHSURFACE = "88760014"
DDERR_INVALIDCLIPLIST = "8876006e"
DDERR_INVALIDOBJECT = "88760082"
DDERR_NOCLIPLIST = "887600cd"
DDERR_NOTFOUND = "887600ff"
DDERR_NOOVERLAYHW = "88760104"
DDERR_SURFACEALREADYATTACHED = "8876019a"
DDERR_SURFACENOTATTACHED = "887601cc"
DDERR_REGIONTOOSMALL = "88760236"
DDERR_CLIPPERISUSINGHWND = "88760237"
DDERR_BLTFASTCANTCLIP = "8876023e"
DDERR_NOTAOVERLAYSURFACE = "88760244"
DDERR_NOTFLIPPABLE = "88760246"
DDERR_CANTDUPLICATE = "88760247"
DDERR_INVALIDSURFACETYPE = "88760250"
DDERR_MOREDATA = "887602b2"
DDERR_EXPIRED = "887602b3"


def _parse(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ln in text.splitlines():
        if ln.strip():
            k, *rest = ln.split()
            out[k] = rest
    return out


@pytest.fixture
def section(run_program):
    """``section(name) -> {key: [fields]}``: run one section (it ends by itself) and index its output."""

    def do(name: str) -> dict[str, list[str]]:
        r = run_program(EXE, name, timeout=30)
        assert_no_traceback(r)
        assert r.rc == 0, r.describe()
        assert r.text.splitlines()[-1] == "done", r.describe()
        return _parse(r.text)

    return do


def _expected_band(k: int) -> tuple[int, int, int]:
    """Band k's colour (c, 255 - c, 128), c = 17 k, through the final ramps: red halved, green kept, blue inverted."""
    c = 17 * k
    return ((c * 257 - c * 257 // 2) >> 8, 255 - c, ((255 - 128) * 257) >> 8)


@pytest.mark.parametrize("bpp", [8, 32])
def test_gamma_ramps_fade_the_screen(run_exeplay, stage, workdir, tmp_path: Path, bpp: int) -> None:
    from PIL import Image

    d = stage(EXE)
    shot = tmp_path / f"gamma{bpp}.png"
    r = run_exeplay(["run", "--headless", "--deterministic", "--screenshot-at", f"600:{shot}", "--exit-after", "700",
                     d / EXE, f"gamma{bpp}"], cwd=workdir, timeout=30)
    assert_no_traceback(r)
    o = _parse(r.text)
    assert o["done"] == [], r.describe()
    assert o["mode"] == [S_OK] and o["primary"] == [S_OK]
    assert o["caps"] == ["1", "0", "0"]  # DDCAPS2_PRIMARYGAMMA; no overlay hardware, no visible overlays
    assert o["qi"] == [S_OK, "1"]
    assert o["qi_color"] == [E_NOINTERFACE, "00000000"]  # no colour controls (GetCaps does not offer them)
    assert o["get"] == [S_OK, "0", "32896", "65535", "257"]  # the identity ramps to start with
    assert o["get_flags"] == o["set_null"] == o["set_flags"] == [DDERR_INVALIDPARAMS]
    assert o["qi_off"] == [S_OK, DDERR_UNSUPPORTED]  # every surface answers; only the primary has ramps
    assert o["fade"] == [S_OK]  # eight steps, one a frame, the last with DDSGR_CALIBRATE
    assert o["readback"] == [S_OK, "32768", "65535", "65535", "0"]
    assert o["pixel"] == (["000011"] if bpp == 8 else ["11ee80"])  # the memory keeps its values
    img = Image.open(shot).convert("RGB")
    assert img.size == (320, 240)
    for k in (0, 1, 8, 15):
        assert img.getpixel((20 * k + 10, 120)) == _expected_band(k), k
    assert_png_matches(shot, "ddraw_more_gamma")  # both depths show the same picture


@pytest.mark.parametrize("bpp", [8, 32])
def test_gamma_ramps_reach_the_presenter(tmp_path: Path, bpp: int) -> None:
    """The presenter's frame: an 8-bit primary as indices with the palette through the ramps; a 32-bit one
    mapped channel by channel (no longer the zero-copy view); both equal to the composed (screenshot) frame."""
    from app.session import Session
    from emu import register_all
    from emu.machine import Machine, Options
    from gdi import desktop

    from com import ddraw_display as disp

    register_all()
    m = Machine(Options(data_dir=str(tmp_path), deterministic=True, timeout=30))
    m.load(str(PROGRAM), [f"gamma{bpp}"])
    Session(m, [], [], 500.0)
    m.run()
    f = desktop.presentation(m)
    assert f is not None
    front = disp.visible_surface(m)
    if bpp == 8:
        assert f.kind == "indexed"
        assert np.shares_memory(f.pixels, front.buf.rows)  # the indices are still a view of guest memory
        lut = front.palette_lut(m)
        assert f.palette[255] == (128 << 16) | (0 << 8) | 127
        assert not np.array_equal(f.palette, lut)
        want = f.palette[f.pixels]
    else:
        assert f.kind == "rgb"
        assert not np.shares_memory(f.pixels, front.buf.rows)
        want = f.pixels & 0xFFFFFF
    np.testing.assert_array_equal(want, desktop.compose(m))
    r, g, b = _expected_band(15)
    assert int(want[100, 310]) == (r << 16) | (g << 8) | b


def test_clip_lists_clip_blits(section) -> None:
    o = section("clip")
    assert o["create"] == [S_OK]
    assert o["nolist"] == [DDERR_NOCLIPLIST]
    assert o["set_flags"] == [DDERR_INVALIDPARAMS]
    assert o["set_bad"] == [DDERR_INVALIDCLIPLIST]
    assert o["set"] == [S_OK]
    assert o["size"] == [S_OK, "64"]  # RGNDATAHEADER + two RECTs
    assert o["small"] == [DDERR_REGIONTOOSMALL]
    assert o["get"] == [S_OK, "2", "0,0,10,10", "20,5,30,15"]
    assert o["header"] == ["32", "1", "32", "0,0,30,15"]
    assert o["get_sub"] == [S_OK, "2", "5,0,10,10", "20,5,25,15"]
    assert o["setclipper"] == [S_OK, "2"]
    # a colour fill lands only in the two rectangles
    assert o["fill"] == [S_OK, "ff0000", "000001", "ff0000", "000001", "000001"]
    # a stretched copy (2x2 stretched over x -32..32) is clipped to them, sampled as the whole copy would be
    assert o["stretch"] == [S_OK, "222222", "222222", "000001", "222222"]
    assert o["bltfast"] == [DDERR_BLTFASTCANTCLIP]
    assert o["deleted"] == [DDERR_NOCLIPLIST]
    assert o["usinghwnd"] == [DDERR_CLIPPERISUSINGHWND]
    assert o["release"] == ["0"]


def test_window_clip_region(run_exeplay, stage, workdir) -> None:
    d = stage(EXE)
    r = run_exeplay(["run", "--headless", "--deterministic", "--exit-after", "500", d / EXE, "window"], cwd=workdir,
                    timeout=30)
    assert_no_traceback(r)
    o = _parse(r.text)
    assert "done" in o, r.describe()
    assert o["sethwnd"] == [S_OK]
    assert o["alone"] == [S_OK, "1", "50,40,150,120"]  # the client area in screen coordinates
    assert o["changed0"] == ["0"]
    assert o["changed1"] == ["1"]  # window B now covers part of A
    assert o["changed2"] == ["0"]
    assert o["covered"] == [S_OK, "3", "50,40,150,60", "50,60,100,100", "50,100,150,120"]  # y-x banded
    assert o["primary"] == [S_OK]
    # a fill of the whole windowed primary only reaches A's visible part
    assert o["fill"] == [S_OK, "00ff00", "000001", "00ff00", "000001", "000001"]
    assert o["offscreen"] == [S_OK, "1", "0,40,80,120"]  # clipped by the screen


def test_surface_odds_and_ends(section) -> None:
    o = section("surfaces")
    assert o["dup"] == [S_OK, "1", "123456"]
    assert o["dup_shared"] == ["654321"]  # one memory, two objects
    assert o["dup_release"] == ["0", "654321"]  # the memory lives while a duplicate does
    assert o["dup_primary"] == [DDERR_CANTDUPLICATE, "00000000"]
    assert o["enum_all"] == [S_OK, "3"]  # the duplicate, the primary and the 16x4 surface
    assert o["enum_match"] == [S_OK, "1", "16"]
    assert o["enum_nomatch"] == [S_OK, "2"]
    assert o["enum_create"] == [S_OK, "1", "24"]
    assert o["enum_bad"] == [DDERR_INVALIDPARAMS]
    assert o["refs_after_enum"] == ["1"]
    assert o["fromdc"] == [S_OK, "1", "2"]
    assert o["fromdc_released"] == [DDERR_NOTFOUND, "00000000"]
    assert o["fromdc_screen"] == [DDERR_NOTFOUND]
    assert o["devid"][:4] == [S_OK, "10de", "0110", "1"]
    assert o["devid"][4] == "1|NVIDIA"
    assert o["devid_host"] == [S_OK]
    assert o["devid_bad"] == [DDERR_INVALIDPARAMS]
    assert o["testcoop"] == [S_OK]
    assert o["gdisurface"] == [S_OK]
    assert o["gdisurface_is_primary"] == ["1"]
    # client memory: the surface reads and writes the program's array
    assert o["setdesc_flags"] == [DDERR_INVALIDPARAMS]
    assert o["setdesc"] == [S_OK, "abcdef"]
    assert o["client_writes"] == ["00ff00", "000000"]
    assert o["client_lock"] == ["1", "64", "12", "8"]
    assert o["setdesc_video"] == [DDERR_INVALIDSURFACETYPE]
    assert o["client_create"] == [S_OK, "abcdef"]
    assert o["client_kept"] == ["abcdef"]
    # private data
    assert o["priv_set"] == [S_OK]
    assert o["priv_small"] == [DDERR_MOREDATA, "4"]
    assert o["priv_get"] == [S_OK, "11223344"]
    assert o["priv_missing"] == [DDERR_NOTFOUND]
    assert o["priv_volatile"] == [S_OK]
    assert o["priv_expired"] == [DDERR_EXPIRED]  # the contents changed
    assert o["priv_iunknown"] == [S_OK, "2"]  # the clipper was AddRef'd
    assert o["priv_free"] == [S_OK, "1"]
    assert o["priv_free_again"] == [DDERR_NOTFOUND]
    # the texture manager's priority and level of detail: managed textures only
    assert o["prio_plain"] == [DDERR_INVALIDOBJECT]
    assert o["tex"] == [S_OK]
    assert o["prio"] == [S_OK, S_OK, "5"]
    assert o["lod"] == [DDERR_INVALIDPARAMS, S_OK, S_OK, "0"]  # one mipmap level: only 0
    assert o["lod_plain"] == [DDERR_INVALIDOBJECT]
    assert o["uniqueness"] == ["1"]
    assert o["pagelock"] == [S_OK, S_OK]
    assert o["ddinterface"] == [S_OK, "1"]
    assert o["bltbatch"] == [DDERR_UNSUPPORTED]  # never implemented by DirectDraw
    assert o["overlay"] == [DDERR_NOTAOVERLAYSURFACE] * 4
    assert o["zorders"] == [S_OK, "0"]
    assert o["create_overlay"] == [DDERR_NOOVERLAYHW]
    assert o["attach7"] == [DDERR_CANNOTATTACHSURFACE]  # IDirectDrawSurface7 attaches z-buffers only


def test_attached_surfaces_make_a_flipping_chain(section) -> None:
    o = section("attach")
    assert o["attach"] == [S_OK, "2"]  # the attached surface gets a reference
    assert o["attach_again"] == [DDERR_SURFACEALREADYATTACHED]
    assert o["attach_self"] == [DDERR_CANNOTATTACHSURFACE]
    assert o["attach_size"] == [DDERR_CANNOTATTACHSURFACE]
    assert o["getattached"] == [S_OK, "1"]
    assert o["frontcaps"] == ["30"]  # FLIP | FRONTBUFFER
    assert o["backcaps"] == ["14"]  # FLIP | BACKBUFFER
    assert o["flip"] == [S_OK, "00bb00", "0000aa"]
    assert o["detach"] == [S_OK, "1"]
    assert o["detach_again"] == [DDERR_SURFACENOTATTACHED]
    assert o["frontcaps_after"] == ["0"]
    assert o["flip_after"] == [DDERR_NOTFLIPPABLE]
    assert o["release_front"] == ["0", "1"]  # destroying the front gives the attachment's reference back


def test_gdi_surface_of_a_flipping_chain(section) -> None:
    o = section("gdi")
    assert o["nogdi"] == [DDERR_NOTFOUND]
    assert o["gdi"] == [S_OK, "1", "2"]
    assert o["gdi_flipped"] == ["1", "2", "1"]  # GDI's memory went to the back buffer object
    assert o["fliptogdi"] == [S_OK, "1", "1", "2"]  # and is shown again
    assert o["detach_implicit"] == [DDERR_CANNOTDETACHSURFACE]
    assert o["testcoop"] == [S_OK]
