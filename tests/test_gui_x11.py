"""Interactive runs under a real X server (Xvfb): `exeplay run` opens a real window, xdotool types and
clicks into it, and a screenshot of the X screen shows the guest's picture. Skipped without Xvfb/xdotool."""
from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, corpus_file

pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool") and shutil.which("xwininfo")),
                                reason="needs Xvfb, xdotool and xwininfo (apt-get install xvfb xdotool x11-utils)")


@pytest.fixture
def xserver(tmp_path: Path):
    """A private Xvfb display (Xvfb picks a free number); yields the environment to run programs on it."""
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(w,))
    os.close(w)
    with os.fdopen(r) as f:
        ready, _, _ = select.select([f], [], [], 20)
        n = f.readline().strip() if ready else ""
    if not n.isdigit():
        proc.kill()
        pytest.skip("Xvfb did not start")
    env = dict(os.environ, DISPLAY=f":{n}", XDG_DATA_HOME=str(tmp_path / "xdg"),
               PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    env.pop("SDL_VIDEODRIVER", None)
    try:
        yield env
    finally:
        proc.kill()
        proc.wait()


def _find_window(env: dict[str, str], title: str, timeout: float = 40) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
        for line in out.splitlines():
            mo = re.match(r'\s*(0x[0-9a-f]+) "([^"]*)"', line)
            if mo and title in mo.group(2):
                return int(mo.group(1), 16)
        time.sleep(0.2)
    raise AssertionError(f"no X window titled {title!r} appeared")


def _xdo(env: dict[str, str], *args: str) -> None:
    subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True)
    time.sleep(0.3)


def _grab(env: dict[str, str]):
    from PIL import ImageGrab
    return ImageGrab.grab(xdisplay=env["DISPLAY"])


def _start(env: dict[str, str], exe: Path, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "app.cli", "run", str(exe)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _finish(p: subprocess.Popen[bytes], timeout: float = 20) -> tuple[int, str, str]:
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        raise AssertionError(f"exeplay did not exit\n{out.decode(errors='replace')}\n{err.decode(errors='replace')}")
    return p.returncode, out.decode("cp1252", "replace"), err.decode(errors="replace")


def test_window_keys_and_mouse(xserver, stage, tmp_path: Path) -> None:
    d = stage("gui_keys.exe")
    p = _start(xserver, d / "gui_keys.exe", tmp_path)
    try:
        win = _find_window(xserver, "gui_keys.exe")
        time.sleep(1.0)
        _xdo(xserver, "mousemove", "--window", str(win), "150", "150")
        _xdo(xserver, "click", "1")
        _xdo(xserver, "key", "Right")
        _xdo(xserver, "key", "Down")
        time.sleep(1.0)
        shot = _grab(xserver).convert("RGB")
        reds = [(x, y) for x in range(0, shot.width, 2) for y in range(0, shot.height, 2)
                if shot.getpixel((x, y)) == (255, 0, 0)]
        _xdo(xserver, "key", "Escape")
    finally:
        rc, out, err = _finish(p)
    assert rc == 0, f"{out}\n{err}"
    lines = out.splitlines()
    assert lines[0] == "ready"
    # the click at window pixel (150, 150) lands in the guest client area (offset by the window's position)
    click = [ln for ln in lines if ln.startswith("click ")]
    assert len(click) == 1, out
    cx, cy = map(int, click[0].split()[1:])
    assert f"pos {cx + 10} {cy}" in lines and f"pos {cx + 10} {cy + 10}" in lines, out
    assert lines[-1] == "bye"
    assert len(reds) >= 50, "the red square is not on the X screen"


@pytest.mark.corpus
def test_ski32_window_moves_with_keys(xserver, tmp_path: Path) -> None:
    exe = corpus_file("gui", "ski32.exe")
    d = tmp_path / "bin"
    d.mkdir()
    shutil.copy(exe, d / "ski32.exe")
    p = _start(xserver, d / "ski32.exe", tmp_path)
    try:
        win = _find_window(xserver, "ski32.exe")
        time.sleep(2.0)
        before = _grab(xserver).convert("RGB")
        _xdo(xserver, "windowfocus", str(win))
        for _ in range(4):
            _xdo(xserver, "key", "Down")
        time.sleep(2.0)
        after = _grab(xserver).convert("RGB")
        _xdo(xserver, "key", "alt+F4")
    finally:
        try:
            rc, out, err = _finish(p, timeout=20)
        except AssertionError:
            rc, err = -1, ""
    from PIL import ImageChops
    # the guest screen (800x600) is centred in the 1024x768 X screen; its caption bar is navy
    navy = sum(1 for x in range(112, 912, 4) for y in range(84, 140, 2) if before.getpixel((x, y)) == (0, 0, 128))
    assert navy > 100, "SkiFree's window is not on the X screen"
    diff = ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v else 0)
    changed = sum(diff.histogram()[255:])
    assert changed > 2000, f"the slope did not move after the Down keys ({changed} pixels changed)"
    assert rc == 0, err
