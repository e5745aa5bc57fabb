"""DirectDraw demos played interactively under a real X server (Xvfb), in a window and with --fullscreen: the
presenter shows their frames in an X window (counted with EXEPLAY_PRESENT_STATS) and a grab of the X screen
shows the picture. Frame rates are measured by bench/run.py section (e), not asserted here.
Skipped without Xvfb/xdotool or without the corpus."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import corpus_file
from test_gui_x11 import _find_window, _finish, _grab, xserver  # noqa: F401 - xserver is a fixture

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool") and shutil.which("xwininfo")),
                                 reason="needs Xvfb, xdotool and xwininfo (apt-get install xvfb xdotool x11-utils)")]

DEMOS = {"DDRAW.EXE": ["DDRAW.GIF"], "psi_mofo.exe": [], "effect.exe": []}


def _geometry(env: dict[str, str], win: int) -> tuple[int, int, int, int]:
    out = subprocess.run(["xwininfo", "-id", str(win)], env=env, capture_output=True, text=True).stdout
    val = {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.splitlines()) if v}
    return (int(val["Absolute upper-left X"]), int(val["Absolute upper-left Y"]), int(val["Width"]),
            int(val["Height"]))


@pytest.mark.parametrize("fullscreen", [False, True], ids=["window", "fullscreen"])
@pytest.mark.parametrize("demo", sorted(DEMOS))
def test_demo_plays_in_x_window(xserver, tmp_path: Path, demo: str, fullscreen: bool) -> None:
    d = tmp_path / "bin"
    d.mkdir()
    for name in [demo, *DEMOS[demo]]:
        shutil.copy(corpus_file("ddraw", name), d / name)
    stats = tmp_path / "stats.json"
    env = dict(xserver, EXEPLAY_PRESENT_STATS=str(stats))
    args = [sys.executable, "-m", "app.cli", "run", "--exit-after", "6000", *(["--fullscreen"] if fullscreen else []),
            str(d / demo)]
    p = subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        win = _find_window(env, demo)
        time.sleep(3.0)
        x, y, w, h = _geometry(env, win)
        shot = _grab(env).convert("RGB").crop((x, y, x + w, y + h))
    finally:
        rc, out, err = _finish(p, timeout=60)
    assert rc == 0, f"{out}\n{err}"
    s = json.loads(stats.read_text())
    # Xvfb has no window manager to honour _NET_WM_STATE_FULLSCREEN: the flag is what SDL was told
    assert s["fullscreen"] is fullscreen, s
    if not fullscreen:
        assert w < 1024 or h < 768, "a windowed run took the whole screen"
    colours = shot.getcolors(1 << 20) or []
    assert len(colours) >= 16, f"the X window shows {len(colours)} colours: no picture"
    # the demos flip continuously: even a slow CI machine presents many new pictures in ~6 s
    assert s["frames"] >= 30, s  # (frames the guest touched during their upload are counted as "torn" and not shown)
