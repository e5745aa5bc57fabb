"""The launcher (app/launcher.py, app/library.py, app/config.py).

Unit tests: library scanning, PE icons (the first RT_GROUP_ICON, its best image; a default for programs without
one), VERSIONINFO names, recently-played order, the TOML settings round trip, the child's command line.
Under Xvfb: the launcher window shows icons and names, a double click plays a program in a child process whose
window appears and closes, and the launcher is there again; a killed program leaves the launcher responsive,
showing the failure."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops

from conftest import PROGRAMS, REPO
from test_gui_x11 import xserver  # noqa: F401 - the Xvfb fixture

from app import config as cfg
from app import library

GUI_ICONS = PROGRAMS / "gui_icons.exe"
GUI_KEYS = PROGRAMS / "gui_keys.exe"
MISC = PROGRAMS / "misc_apis.exe"
HELLO = REPO / "assets" / "hello" / "hello.exe"


# ---- library -------------------------------------------------------------------------------------------------
def test_icon_entries_and_best_size() -> None:
    pe = library._pe_with_resources(str(GUI_ICONS))
    # group 101 is gui_icons.ico: 16x16 4 bpp, 32x32 8 and 32 bpp, 48x48 24 bpp, 64x64 PNG
    es = library.icon_entries(pe, 101)
    assert sorted((e.width, e.height, e.bpp) for e in es) == [(16, 16, 4), (32, 32, 8), (32, 32, 32), (48, 48, 24),
                                                               (64, 64, 32)]
    assert library.best_entry(es, 64)[:3] == (64, 64, 32)
    assert library.best_entry(es, 48)[:3] == (48, 48, 24)
    assert library.best_entry(es, 32)[:3] == (32, 32, 32)  # the deeper of the two 32x32 images
    assert library.best_entry(es, 40)[:3] == (48, 48, 24)  # the smallest larger one
    assert library.best_entry(es, 128)[:3] == (64, 64, 32)  # else the largest
    im = library.decode_entry(library.best_entry(es, 64))
    assert im is not None and im.size == (64, 64)
    assert im.getpixel((0, 0))[3] == 0                      # transparent quadrant
    assert im.getpixel((63, 0)) == (170, 187, 204, 255)     # colour A of the PNG image
    # the shown icon is the first group in directory order: the named one (ICONNAME, gui_icons2.ico)
    first = library.icon_entries(pe)
    assert sorted((e.width, e.bpp) for e in first) == [(16, 1), (32, 8)]
    icon = library.extract_icon(str(GUI_ICONS))
    assert icon is not None and icon.size == (library.ICON_SIZE, library.ICON_SIZE)
    src = library.decode_entry(next(e for e in first if e.width == 32))
    assert np.array_equal(np.asarray(icon), np.asarray(src.resize((64, 64), Image.Resampling.NEAREST)))
    assert library.extract_icon(str(GUI_ICONS), group=101).getpixel((63, 0)) == (170, 187, 204, 255)


def test_programs_without_icons_get_the_default() -> None:
    assert library.extract_icon(str(GUI_KEYS)) is None
    keys = library.read_program(str(GUI_KEYS))
    hello = library.read_program(str(HELLO))
    assert keys is not None and hello is not None
    assert not keys.has_icon and keys.gui
    assert not hello.has_icon and not hello.gui
    assert np.array_equal(np.asarray(keys.icon), np.asarray(library.default_icon(True)))
    assert np.array_equal(np.asarray(hello.icon), np.asarray(library.default_icon(False)))
    assert not np.array_equal(np.asarray(keys.icon), np.asarray(hello.icon))
    icons = library.read_program(str(GUI_ICONS))
    assert icons is not None and icons.has_icon


def test_names_from_versioninfo() -> None:
    assert library.program_name(str(MISC)) == "Misc \u00e9 APIs"  # ProductName
    assert library.program_name(str(GUI_KEYS)) == "gui_keys.exe"   # no VERSIONINFO: the file name

    class Table:
        LangID = b"040904b0"
        entries = {b"FileDescription": b"A tool", b"CompanyName": b"Us"}

    class Block:
        StringTable = [Table()]

    class Fake:
        FileInfo = [[Block()]]
    assert library._name_of(Fake(), "/x/tool.exe") == "A tool"       # FileDescription when no ProductName
    Table.entries = {b"ProductName": b"  \x00", b"FileDescription": b"Desc"}
    assert library._name_of(Fake(), "/x/tool.exe") == "Desc"         # an empty ProductName does not count


def test_scan_folders(tmp_path: Path) -> None:
    lib = tmp_path / "games"
    (lib / "a" / "b").mkdir(parents=True)
    (lib / ".hidden").mkdir()
    (lib / "a" / "b" / "c" / "d" / "e").mkdir(parents=True)
    shutil.copy(GUI_KEYS, lib / "keys.exe")
    shutil.copy(MISC, lib / "a" / "b" / "MISC.EXE")
    shutil.copy(GUI_ICONS, lib / ".hidden" / "icons.exe")                  # hidden folder: skipped
    shutil.copy(GUI_ICONS, lib / "a" / "b" / "c" / "d" / "e" / "deep.exe")  # deeper than SCAN_DEPTH
    (lib / "notes.exe").write_bytes(b"not a PE file")                       # not a program
    (lib / "readme.txt").write_text("x")
    single = tmp_path / "one" / "hello2.exe"
    single.parent.mkdir()
    shutil.copy(HELLO, single)
    progs = library.scan([str(lib)], [str(single), str(lib / "keys.exe")], assets=None)
    names = sorted(p.name for p in progs)
    assert names == ["Misc \u00e9 APIs", "hello2.exe", "keys.exe"]  # keys.exe once
    bundled = library.scan(assets=library.ASSETS)
    assert str(HELLO) in [p.path for p in bundled] and all(p.bundled for p in bundled)
    assert not any("fonts" in p.path for p in bundled)


def test_recent_order_and_filter(tmp_path: Path) -> None:
    progs = [library.Program(f"/p/{n}.exe", name, library.default_icon(), False, True)
             for n, name in (("z", "Zeta"), ("a", "alpha"), ("m", "Mid"), ("b", "Beta"))]
    recent = {"/p/m.exe": 100.0, "/p/z.exe": 200.0}
    assert [p.name for p in library.ordered(progs, recent)] == ["Zeta", "Mid", "alpha", "Beta"]
    assert [p.name for p in library.ordered(progs, {})] == ["alpha", "Beta", "Mid", "Zeta"]
    assert [p.name for p in progs if library.matches(p, "ET")] == ["Zeta", "Beta"]
    assert [p.name for p in progs if library.matches(p, "b.exe")] == ["Beta"]  # the file name counts too
    c = cfg.Config(tmp_path / "c.toml")
    c.played("/p/b.exe", 50.0)
    c.played("/p/a.exe", 300.0)
    assert [p.name for p in library.ordered(progs, c.recent)] == ["alpha", "Beta", "Mid", "Zeta"]


# ---- settings ------------------------------------------------------------------------------------------------
def test_config_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert cfg.config_path() == tmp_path / "cfg" / "exeplay" / "config.toml"
    c = cfg.Config()
    prog = str(tmp_path / "my games" / "ski32.exe")
    assert c.program_settings(prog) == cfg.DEFAULT_PROGRAM
    s = c.program_settings(prog)
    s.update(fullscreen=True, scaling="fit", scale=3, sound=False, expose=[str(tmp_path / "saves")])
    s["gamepad"] = {"a": "Space", "leftx-": "Left", "start": "Return"}
    c.set_program_settings(prog, s)
    assert c.add_folder(tmp_path / "lib") and not c.add_folder(tmp_path / "lib")
    c.add_file(prog)
    c.played(prog, 1234.5)
    c.save()
    raw = tomllib.loads(cfg.config_path().read_text(encoding="utf-8"))
    assert raw["library"] == {"folders": [str(tmp_path / "lib")], "files": [prog]}
    assert raw["recent"] == {prog: 1234.5}
    assert raw["programs"][prog]["gamepad"] == {"a": "Space", "leftx-": "Left", "start": "Return"}
    assert raw["programs"][prog]["fullscreen"] is True and raw["programs"][prog]["scale"] == 3
    again = cfg.Config()
    assert again.program_settings(prog) == s
    assert cfg.program_settings(prog)["gamepad"] == {"a": "Space", "leftx-": "Left", "start": "Return"}
    assert again.folders == [str(tmp_path / "lib")] and again.files == [prog] and again.recent == {prog: 1234.5}
    assert again.to_dict() == c.to_dict()
    # wrong types and unknown names fall back to defaults; a broken file is moved aside
    cfg.config_path().write_text('[programs."/x.exe"]\nfullscreen = "yes"\nscaling = "huge"\nscale = -1\n'
                                 '[programs."/x.exe".gamepad]\nwarp = "Up"\nb = 5\ny = "F1"\n', encoding="utf-8")
    odd = cfg.Config().program_settings("/x.exe")
    assert odd["fullscreen"] is False and odd["scaling"] == "integer" and odd["scale"] == 0
    assert odd["gamepad"] == {"y": "F1"}
    cfg.config_path().write_text("[[[ not toml", encoding="utf-8")
    assert cfg.Config().folders == []
    assert Path(str(cfg.config_path()) + ".broken").is_file()


def test_child_command() -> None:
    from app import launcher
    s = cfg.DEFAULT_PROGRAM | {"fullscreen": True, "scaling": "fit", "scale": 2, "expose": ["/a b"], "sound": False}
    assert launcher.child_command("/g/x.exe", s) == [
        sys.executable, "-m", "app.cli", "run", "--fullscreen", "--scaling", "fit", "--scale", "2",
        "--expose", "/a b", "--no-sound", "/g/x.exe"]
    assert launcher.child_command("/g/x.exe", dict(cfg.DEFAULT_PROGRAM)) == [
        sys.executable, "-m", "app.cli", "run", "/g/x.exe"]
    pad = dict(cfg.DEFAULT_PROGRAM, gamepad={"a": "Space"})
    assert launcher.child_command("/g/x.exe", pad)[-3:] == ["--pad-map", "clear,a=Space", "/g/x.exe"]
    assert launcher.status_text(-9) == "killed by signal SIGKILL" and launcher.status_text(3) == "exit status 3"


# ---- the window, under Xvfb ------------------------------------------------------------------------------------
needs_x = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool") and shutil.which("xwininfo")),
                             reason="needs Xvfb, xdotool and xwininfo (apt-get install xvfb xdotool x11-utils)")


@pytest.fixture
def xlauncher(xserver, tmp_path: Path):
    """An Xvfb display and a library: a folder with copies of gui_keys.exe and gui_icons.exe (plus the bundled
    demos); ``start()`` opens the launcher on it and returns (process, state reader)."""
    lib = tmp_path / "library"
    lib.mkdir()
    shutil.copy(GUI_KEYS, lib / "gui_keys.exe")
    shutil.copy(GUI_ICONS, lib / "gui_icons.exe")
    conf = cfg.Config(tmp_path / "config" / "exeplay" / "config.toml")
    conf.add_folder(lib)
    conf.save()
    state = tmp_path / "state.json"
    env = dict(xserver, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"),
               EXEPLAY_LAUNCHER_STATE=str(state))
    procs: list[subprocess.Popen[bytes]] = []

    def read_state() -> dict:
        try:
            return json.loads(state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def start() -> tuple[subprocess.Popen[bytes], object]:
        p = subprocess.Popen([sys.executable, "-m", "app.cli"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
        procs.append(p)
        return p, read_state
    start.env = env  # type: ignore[attr-defined]
    start.lib = lib  # type: ignore[attr-defined]
    try:
        yield start
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.communicate()


def _wait(what: str, cond, timeout: float = 15.0, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = cond()
        if v:
            return v
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def _windows(env: dict[str, str]) -> list[tuple[int, str]]:
    out = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        parts = line.strip().split(" ", 1)
        if len(parts) == 2 and parts[0].startswith("0x") and parts[1].startswith('"'):
            found.append((int(parts[0], 16), parts[1][1:parts[1].index('"', 1)]))
    return found


def _program_window(env: dict[str, str], read_state, title: str = "gui_keys.exe"):
    """A condition: the program's X window (an AssertionError with the report if the program ended first)."""
    def cond() -> int:
        found = next((i for i, t in _windows(env) if t == title), 0)
        if not found:
            s = read_state()
            assert s.get("running") or not s.get("report"), f"the program ended: {s.get('report')}"
        return found
    return cond


def _xdo(env: dict[str, str], *args: str) -> None:
    subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True)


def _grab(env: dict[str, str]) -> Image.Image:
    from PIL import ImageGrab
    return ImageGrab.grab(xdisplay=env["DISPLAY"]).convert("RGB")


def _ready(read_state, names: set[str]):
    def cond():
        s = read_state()
        progs = s.get("programs") or []
        have = {os.path.basename(p["path"]) for p in progs if p.get("tile")}
        return s if names <= have else None
    return cond


def _icon_matches(shot: Image.Image, st: dict, prog: dict) -> float:
    """The share of the icon's opaque pixels that the screen shows in their own colour (within 8 levels)."""
    icon = library.read_program(prog["path"]).icon
    win = st["window"]
    tx, ty, tw, _th = prog["tile"]
    x = win["x"] + tx + (tw - library.ICON_SIZE) // 2
    y = win["y"] + ty + 8
    a = np.asarray(icon).astype(int)
    got = np.asarray(shot.crop((x, y, x + library.ICON_SIZE, y + library.ICON_SIZE))).astype(int)
    opaque = a[..., 3] == 255
    close = (np.abs(got - a[..., :3]).max(axis=2) <= 8) & opaque
    return close.sum() / max(1, opaque.sum())


def _text_pixels(shot: Image.Image, st: dict, prog: dict) -> int:
    """Light pixels in the name area under a tile's icon."""
    win = st["window"]
    tx, ty, tw, th = prog["tile"]
    x, y = win["x"] + tx, win["y"] + ty + 8 + library.ICON_SIZE + 2
    area = np.asarray(shot.crop((x, y, x + tw, win["y"] + ty + th))).astype(int)
    return int((area.min(axis=2) > 160).sum())


@needs_x
def test_launcher_shows_library_and_plays(xlauncher) -> None:
    env = xlauncher.env
    proc, read_state = xlauncher()
    st = _wait("the launcher's tiles", _ready(read_state, {"gui_keys.exe", "gui_icons.exe", "hello.exe"}), 20)
    _wait("the launcher window", lambda: any(t == "exeplay" for _, t in _windows(env)))
    time.sleep(0.3)
    shot = _grab(env)
    progs = {os.path.basename(p["path"]): p for p in st["programs"]}
    for name in ("gui_keys.exe", "gui_icons.exe", "hello.exe"):
        assert _icon_matches(shot, st, progs[name]) > 0.95, f"{name}'s icon is not on the screen"
        assert _text_pixels(shot, st, progs[name]) > 30, f"{name}'s name is not on the screen"
    assert progs["gui_icons.exe"]["has_icon"] and not progs["gui_keys.exe"]["has_icon"]
    # a double click on a bundled demo (Snake, assets/demos) plays it in a child process: its window appears
    snake = REPO / "assets" / "demos" / "snake" / "snake.exe"
    assert progs["snake.exe"]["has_icon"] and _icon_matches(shot, st, progs["snake.exe"]) > 0.95
    win = st["window"]
    tx, ty, tw, th = progs["snake.exe"]["tile"]
    cx, cy = win["x"] + tx + tw // 2, win["y"] + ty + th // 2
    _xdo(env, "mousemove", str(cx), str(cy))
    _xdo(env, "click", "--repeat", "2", "--delay", "120", "1")
    running = _wait("the program to run", lambda: read_state().get("running"), 10)
    assert running["path"] == str(snake)
    assert os.getpgid(running["pid"]) == os.getpgid(proc.pid) and running["pid"] != proc.pid
    game = _wait("the program's window", _program_window(env, read_state, "snake.exe"), 30)
    time.sleep(1.5)
    during = _grab(env)
    def navy(im: Image.Image) -> int:  # Snake's window on the guest desktop: its active caption is navy
        return int(np.all(np.asarray(im) == (0, 0, 128), axis=2).sum())
    assert navy(during) >= navy(shot) + 3000, "the program's picture is not on the screen"
    # closing it (Alt+F4 in its window) ends the child; the launcher is back, with nothing to report
    _xdo(env, "mousemove", "512", "384")
    _xdo(env, "windowfocus", str(game))
    _xdo(env, "key", "alt+F4")
    _wait("the program to end", lambda: read_state().get("running") is None and read_state(), 15)
    _wait("its window to go", lambda: not any(t == "snake.exe" for _, t in _windows(env)), 10)
    time.sleep(0.5)
    st = read_state()
    assert st["report"] is None, st["report"]
    after = _grab(env)
    progs = {os.path.basename(p["path"]): p for p in st["programs"]}
    assert st["programs"][0]["path"].endswith("snake.exe")  # recently played first
    for name in ("snake.exe", "gui_keys.exe", "gui_icons.exe"):
        assert _icon_matches(after, st, progs[name]) > 0.95, f"{name}'s icon is not back on the screen"
    assert proc.poll() is None
    recent = tomllib.loads((Path(env["XDG_CONFIG_HOME"]) / "exeplay" / "config.toml").read_text())["recent"]
    assert list(recent) == [str(snake)]


@needs_x
def test_killed_program_leaves_launcher_responsive(xlauncher) -> None:
    env = xlauncher.env
    proc, read_state = xlauncher()
    _wait("the launcher's tiles", _ready(read_state, {"gui_keys.exe", "gui_icons.exe"}), 20)
    _wait("the launcher window", lambda: any(t == "exeplay" for _, t in _windows(env)))
    launcher_win = next(i for i, t in _windows(env) if t == "exeplay")
    _xdo(env, "mousemove", "512", "384")
    _xdo(env, "windowfocus", str(launcher_win))
    # typing filters; Enter plays the (only) program shown
    _xdo(env, "type", "--delay", "50", "keys")
    st = _wait("the filter", lambda: (s := read_state()).get("filter") == "keys" and s)
    assert [os.path.basename(p["path"]) for p in st["programs"]] == ["gui_keys.exe"]
    _xdo(env, "key", "Return")
    running = _wait("the program to run", lambda: read_state().get("running"), 10)
    _wait("the program's window", _program_window(env, read_state), 30)
    os.kill(running["pid"], signal.SIGKILL)
    st = _wait("the failure report", lambda: (s := read_state()).get("report") and s, 10)
    assert st["report"]["failed"] and st["report"]["status"] == "killed by signal SIGKILL"
    assert str(Path(env["XDG_STATE_HOME"]) / "exeplay" / "logs" / "gui_keys-") in st["report"]["text"]
    assert st["running"] is None and proc.poll() is None
    time.sleep(0.5)
    shot = _grab(env)
    red = np.asarray(shot).astype(int)
    target = np.array([round(v * 255) for v in __import__("app.launcher", fromlist=["x"]).FAIL_TITLE_RGB])
    reds = int((np.abs(red - target).max(axis=2) <= 12).sum())
    assert reds > 500, f"the failure panel is not on the screen ({reds} title pixels)"
    # the launcher still answers: typing changes the filter and the picture
    _xdo(env, "windowfocus", str(launcher_win))
    _xdo(env, "type", "--delay", "50", "zz")
    st = _wait("the new filter", lambda: (s := read_state()).get("filter") == "keyszz" and s)
    assert st["programs"] == [] and st["report"]["failed"]
    time.sleep(0.5)
    later = _grab(env)
    assert ImageChops.difference(shot, later).getbbox() is not None, "the launcher's picture did not change"
    # Escape closes the report, then clears the filter
    _xdo(env, "key", "Escape")
    _wait("the report to close", lambda: (s := read_state()) and s.get("report") is None and s.get("frames"))
    _xdo(env, "key", "Escape")
    st = _wait("the filter to clear", lambda: (s := read_state()).get("filter") == "" and s)
    assert len(st["programs"]) >= 3
    assert proc.poll() is None


# ---- a pad, with no display at all (SDL's offscreen driver, an SDL virtual game controller) ---------------------
_PAD_SCRIPT = r'''
import json, os, sys, time
os.environ["SDL_VIDEODRIVER"] = "offscreen"
from app import config as cfg, launcher
import sdl2
ui = launcher.Launcher(cfg.Config(sys.argv[1]), assets=None)
idx = sdl2.SDL_JoystickAttachVirtual(sdl2.SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, 15, 0)
joy = sdl2.SDL_JoystickOpen(idx)
for _ in range(3):
    ui.step()
out = {"pads": len(ui._pads), "start": ui.selected}

def press(b):
    for v in (1, 0):
        sdl2.SDL_JoystickSetVirtualButton(joy, b, v)
        ui.step()
        ui.step()

def stick(v):
    sdl2.SDL_JoystickSetVirtualAxis(joy, sdl2.SDL_CONTROLLER_AXIS_LEFTX, v)
    ui.step()
    ui.step()

press(sdl2.SDL_CONTROLLER_BUTTON_DPAD_RIGHT)
out["right"] = ui.selected
press(sdl2.SDL_CONTROLLER_BUTTON_DPAD_LEFT)
out["left"] = ui.selected
stick(32767)
stick(0)
out["stick"] = ui.selected
press(sdl2.SDL_CONTROLLER_BUTTON_A)
out["running"] = ui.child.prog.path if ui.child else None
deadline = time.monotonic() + 15
while ui.report is None and time.monotonic() < deadline:
    ui.step()
out["report"] = [ui.report.failed, ui.report.text] if ui.report else None
out["first"] = ui.visible[0].path
press(sdl2.SDL_CONTROLLER_BUTTON_B)
out["closed"] = ui.report is None
# a program that never ends (gui_keys.exe): the pad is its own while it runs; Stop ends it without a report
press(sdl2.SDL_CONTROLLER_BUTTON_DPAD_RIGHT)
press(sdl2.SDL_CONTROLLER_BUTTON_A)
out["running2"] = ui.child.prog.path if ui.child else None
press(sdl2.SDL_CONTROLLER_BUTTON_DPAD_LEFT)
out["held"] = ui.selected
time.sleep(1.0)
ui.step()
out["alive"] = ui.child is not None
if ui.child is not None:
    ui.child.stop()
deadline = time.monotonic() + 10
while ui.child is not None and time.monotonic() < deadline:
    ui.step()
out["stopped"] = [ui.child is None, ui.report.text if ui.report else None, ui.message]
ui.close()
print(json.dumps(out))
'''


def test_pad_navigates_and_console_output(tmp_path: Path) -> None:
    """D-pad and left stick move, A plays (hello.exe, a console program: its output is shown), B goes back."""
    conf = cfg.Config(tmp_path / "c.toml")
    conf.add_file(GUI_KEYS)
    conf.add_file(HELLO)
    conf.save()
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore", XDG_DATA_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("DISPLAY", None)
    r = subprocess.run([sys.executable, "-c", _PAD_SCRIPT, str(tmp_path / "c.toml")], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.splitlines()[-1])
    keys, hello = str(GUI_KEYS), str(HELLO)
    assert out["pads"] == 1
    assert (out["start"], out["right"], out["left"], out["stick"]) == (keys, hello, keys, hello)
    assert out["running"] == hello
    failed, text = out["report"]
    assert not failed and "Hello from a 32-bit Windows program running under exeplay." in text
    assert out["first"] == hello  # recently played first
    logs = sorted(p.name.split("-")[0] + p.suffix for p in (tmp_path / "state" / "exeplay" / "logs").iterdir())
    assert logs == ["gui_keys.err", "gui_keys.out", "hello.err", "hello.out"]
    assert out["closed"]
    assert out["running2"] == keys and out["held"] == keys
    gone, report, message = out["stopped"]
    assert out["alive"], (report, message)
    # SIGTERM: SDL turns it into a quit (the program closes its window: status 0), or it kills the process
    assert gone and report is None and message in ("gui_keys.exe stopped (killed by signal SIGTERM)",
                                                   "gui_keys.exe stopped (exit status 0)"), message
