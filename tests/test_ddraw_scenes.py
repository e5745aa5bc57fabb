"""DirectDraw features on screen (tests/programs/ddraw_scenes.c), headless and deterministic, compared with
golden screenshots: an 8-bit flipping chain with palette animation, 32- and 16-bit blits with colour keys,
stretching and mirroring, a windowed primary with a clipper, GDI text over a surface through GetDC."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_no_traceback, assert_png_matches

SCENES = ["flip8", "blt32", "blt16", "windowed", "gditext"]


@pytest.mark.parametrize("scene", SCENES)
def test_scene(run_exeplay, stage, tmp_path: Path, scene: str) -> None:
    d = stage("ddraw_scenes.exe")
    shots = [tmp_path / f"{scene}_a.png", tmp_path / f"{scene}_b.png"]
    r = run_exeplay(["run", "--headless", "--deterministic", "--screenshot-at", f"500:{shots[0]}",
                     "--screenshot-at", f"1000:{shots[1]}", "--exit-after", "1100", d / "ddraw_scenes.exe", scene],
                    timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0 and r.text.strip() == f"ok {scene}", r.describe()
    assert_png_matches(shots[0], f"ddraw_scene_{scene}_a")
    assert_png_matches(shots[1], f"ddraw_scene_{scene}_b")
    a, b = shots[0].read_bytes(), shots[1].read_bytes()
    if scene in ("flip8", "windowed"):
        assert a != b, "the animation (palette rotation / moving box) did not change the picture"
    else:
        assert a == b, "a static scene changed between frames"
