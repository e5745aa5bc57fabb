"""Gamepads (app/gamepad.py): SDL virtual game controllers, attached inside the exeplay process by ``pad`` lines of
--input scripts (SDL_JoystickAttachVirtualEx), drive
- the winmm joystick API (tests/programs/joy_winmm.c: joyGetNumDevs, joyGetDevCaps, joyGetPos, joyGetPosEx with the
  d-pad as POV, printed every 100 ms of guest time; a second pad plugged in and the first unplugged and plugged in
  again mid-run);
- a DirectInput game controller (tests/programs/joy_dinput.c: enumeration, objects, properties, c_dfDIJoystick2
  state, buffered data, unplugging);
- SkiFree (../shared/corpus/gui/ski32.exe), which reads only the keyboard, through the default pad-to-keyboard
  mapping: d-pad and stick presses give the same picture as the arrow-key presses of tests/test_gui_corpus.py,
  and with ``--pad-map none`` the skier does not move;
and the mapping logic and ``--pad-map`` SPECs in-process. Skips when SDL cannot start its game controller
subsystem or attach a virtual pad."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import gamepad
from conftest import REPO, assert_no_traceback, assert_png_matches, corpus_file

_PROBE = """
import warnings
warnings.simplefilter("ignore")
import sdl2
assert sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_GAMECONTROLLER) == 0, sdl2.SDL_GetError()
assert sdl2.SDL_JoystickAttachVirtual(sdl2.SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, 15, 0) >= 0, sdl2.SDL_GetError()
assert sdl2.SDL_IsGameController(0)
"""


@pytest.fixture(scope="module")
def virtual_pads() -> None:
    """Skip unless SDL's game controller subsystem starts and takes a virtual pad (checked in a child process)."""
    r = subprocess.run([sys.executable, "-c", _PROBE], cwd=REPO, capture_output=True, text=True, timeout=60)
    if r.returncode:
        pytest.skip(f"SDL virtual game controllers unavailable: {r.stderr.strip()[-300:]}")


def _run(run_exeplay, stage, tmp_path: Path, exe: str, script: str, *extra: str):
    d = stage(exe)
    sp = tmp_path / "input.txt"
    sp.write_text(script)
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", sp, *extra, d / exe], timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    return r


WINMM_SCRIPT = """
0    pad attach
250  pad a down
250  pad dpright down
250  pad dpup down
250  pad leftx 32767
250  pad lefty -32768
250  pad lefttrigger 32767
450  pad a up
450  pad dpup up
450  pad b down
450  pad rightx -16384
450  pad righty 100
650  pad 1 attach          # a second pad appears mid-run: joystick 1
650  pad 1 start down
850  pad detach            # the first goes away: joystick 0 is unplugged...
1050 pad attach            # ...and comes back (in the lowest free slot, 0), centred
"""

NEUTRAL = "x=32768 y=32768 z=32768 r=32768 u=32768 v=0 buttons=0 n=0 pov=65535"
HELD = "x=65535 y=0 z=65535 r=32768 u=32768 v=0 buttons=0x1 n=1 pov=4500"  # A, d-pad up+right, stick up-right, LT
LATER = "x=65535 y=0 z=65535 r=32868 u=16384 v=0 buttons=0x2 n=1 pov=9000"  # B, d-pad right, right stick
PAD1 = "x=32768 y=32768 z=32768 r=32768 u=32768 v=0 buttons=0x80 n=1 pov=65535"  # Start (JOY_BUTTON8)


def test_winmm_joystick(virtual_pads, run_exeplay, stage, tmp_path: Path) -> None:
    r = _run(run_exeplay, stage, tmp_path, "joy_winmm.exe", WINMM_SCRIPT)
    caps = ("mid=0 pid=0 name=[exeplay virtual pad {n}] x=0..65535 y=0..65535 z=0..65535 r=0..65535 u=0..65535 "
            "v=0..0")
    caps2 = "buttons=10/32 axes=5/6 caps=0x57 period=10..1000 regkey=[DINPUT.DLL] oem=[]"
    expected = [
        "numdevs 16",
        f"capsA 0 r=0 {caps.format(n=0)}",
        f"capsA2 0 {caps2}",
        "capsA 1 r=165",  # JOYERR_PARMS: no pad there
        "capsA 15 r=165",
        "capsA 16 r=6",  # MMSYSERR_NODRIVER: no such id
        "capsA-size r=11",  # MMSYSERR_INVALPARAM
        "capsA-null r=11",
        "capsA-1 r=0 regkey=[DINPUT.DLL] name=[]",  # -1: szRegKey only
        "capsW 0 r=0 name=[exeplay virtual pad 0] buttons=10 caps=0x57",
        "getpos 0 r=0 x=32768 y=32768 z=32768 buttons=0",
        "getpos 1 r=167",  # JOYERR_UNPLUGGED
        "getpos 16 r=165",
        "posex-size r=11",
        "posex-partial r=0 x=32768 y=0x55555555 buttons=0 n=0 pov=0x55555555",
        "threshold r=0 0",
        "setthreshold r=0",
        "threshold r=0 1000",
    ]
    for t in range(100, 1300, 100):
        p0 = NEUTRAL if t < 300 or t >= 1100 else HELD if t < 500 else LATER if t < 900 else None
        expected.append(f"pos {t} 0 r=0 {p0}" if p0 else f"pos {t} 0 r=167")
        expected.append(f"pos {t} 1 r=0 {PAD1}" if t >= 700 else f"pos {t} 1 r=167")
    expected += [f"capsA 1 r=0 {caps.format(n=1)}", f"capsA2 1 {caps2}"]
    assert r.text.splitlines() == expected, r.describe()
    assert "gamepad 0 attached: exeplay virtual pad 0" in r.errtext
    assert "gamepad 0 removed: exeplay virtual pad 0" in r.errtext


def test_no_gamepad_option(virtual_pads, run_exeplay, stage, tmp_path: Path) -> None:
    r = _run(run_exeplay, stage, tmp_path, "joy_winmm.exe", WINMM_SCRIPT, "--no-gamepad")
    lines = r.text.splitlines()
    assert lines[:3] == ["numdevs 16", "capsA 0 r=165", "capsA 1 r=165"], r.describe()
    assert "pos 300 0 r=167" in lines and "pos 800 1 r=167" in lines, r.describe()


DINPUT_SCRIPT = """
0   pad attach
250 pad a down
250 pad dpright down
250 pad dpup down
250 pad leftx 32767
250 pad lefty -32768
250 pad lefttrigger 32767
250 pad rightx 6000        # inside the 20 % dead zone set on Rx
250 pad righty 16384
450 pad a up
450 pad dpup up
450 pad b down
450 pad rightx -16384
650 pad detach
850 pad attach
"""


def test_dinput_joystick(virtual_pads, run_exeplay, stage, tmp_path: Path) -> None:
    r = _run(run_exeplay, stage, tmp_path, "joy_dinput.exe", DINPUT_SCRIPT)
    lines = r.text.splitlines()
    pad = ("type=0x10215 name=[exeplay virtual pad 0] product=[exeplay virtual pad 0] usage=1/5 "
           "inst=E8E11000-0000-11F0-8000-504944564944 prod=00000000-0000-0000-0000-504944564944")
    head = [
        "create 00000000",
        f"gamectrl {pad}",
        "all type=0x212 name=[Mouse] product=[Mouse] usage=1/2 inst=6F1D2B60-D5A0-11CF-BFC7-444553540000 "
        "prod=6F1D2B60-D5A0-11CF-BFC7-444553540000",
        "all type=0x413 name=[Keyboard] product=[Keyboard] usage=1/6 inst=6F1D2B61-D5A0-11CF-BFC7-444553540000 "
        "prod=6F1D2B61-D5A0-11CF-BFC7-444553540000",
        f"all {pad}",
        f"gamepad {pad}",
        # no "ff" lines: the pad has no force feedback
        "enum7 type=0x10404 name=[exeplay virtual pad 0]",  # DIDEVTYPE_JOYSTICK, gamepad subtype, HID
        "pads 3 status=00000000",
        "createdevice 00000000",
        "caps 00000000 flags=0x1 type=0x10215 axes=5 buttons=10 povs=1",
        "info 00000000 name=[exeplay virtual pad 0]",
        "format 00000000",
        "object ofs=0 type=0x2 name=[X Axis] usage=1/48",
        "object ofs=4 type=0x102 name=[Y Axis] usage=1/49",
        "object ofs=8 type=0x202 name=[Z Axis] usage=1/50",
        "object ofs=12 type=0x302 name=[X Rotation] usage=1/51",
        "object ofs=16 type=0x402 name=[Y Rotation] usage=1/52",
        "object ofs=32 type=0x10 name=[Hat Switch] usage=1/57",
    ] + [f"object ofs={48 + b} type={hex(0x4 | b << 8)} name=[Button {b}] usage=9/{b + 1}" for b in range(10)] + [
        "range x 00000000 0..65535",
        "range device-get 80070057",  # a range belongs to an axis
        "range button 80004001",
        "setrange device 00000000",  # every axis
        "setrange empty 80070057",
        "range ry 00000000 -1000..1000",
        "setdeadzone rx 00000000",
        "setsaturation x 00000000",
        "deadzone rx 00000000 2000",
        "joystickid 00000000 0",
        "vidpid 00000000 0",
        "buffersize 00000000",
        "coop 00000000",
        "state-unacquired 8007000c",
        "acquire 00000000",
        "setrange acquired 800700aa",
    ]
    assert lines[:len(head)] == head, r.describe()
    centred = "x=0 y=0 z=0 rx=0 ry=0 rz=0 s=0,0 pov=-1,-1 buttons=0"
    held = "x=1000 y=-1000 z=1000 rx=0 ry=500 rz=0 s=0,0 pov=4500,-1 buttons=0x1"
    later = "x=1000 y=-1000 z=1000 rx=-375 ry=500 rz=0 s=0,0 pov=9000,-1 buttons=0x2"
    assert lines[len(head):] == [
        f"state 100 {centred}",
        f"state 200 {centred}",
        f"state 300 {held}",
        "data 300 hr=00000000 ofs=0 value=1000",
        "data 300 hr=00000000 ofs=4 value=-1000",
        "data 300 hr=00000000 ofs=8 value=1000",
        "data 300 hr=00000000 ofs=16 value=500",  # Rx stayed in its dead zone
        "data 300 hr=00000000 ofs=32 value=4500",
        "data 300 hr=00000000 ofs=48 value=128",
        f"state 400 {held}",
        f"state 500 {later}",
        "data 500 hr=00000000 ofs=12 value=-375",  # half travel: (5000 - 2000) / (10000 - 2000) of the range
        "data 500 hr=00000000 ofs=32 value=9000",
        "data 500 hr=00000000 ofs=48 value=0",
        "data 500 hr=00000000 ofs=49 value=128",
        f"state 600 {later}",
        "state 700 poll=8007001e acquire=80040209",  # unplugged: DIERR_INPUTLOST, then DIERR_UNPLUGGED
        "state 800 poll=8007001e acquire=80040209",
        "state 900 poll=8007001e acquire=00000000",  # plugged in again: Acquire works
        f"state 1000 {centred}",
    ], r.describe()


SKI_PAD = """
900  pad attach            # plugged in mid-run
1000 pad dpdown press
1200 pad dpdown press
1400 pad lefty 32767       # the left stick down...
1440 pad lefty 0           # ...and back: one more Down
1600 pad dpdown press
"""


def _ski(run_exeplay, tmp_path: Path, tag: str, *extra: str) -> dict[int, Path]:
    d = tmp_path / f"ski_{tag}"
    d.mkdir()
    shutil.copy(corpus_file("gui", "ski32.exe"), d / "ski32.exe")
    sp = d / "input.txt"
    sp.write_text(SKI_PAD)
    shots = {t: d / f"{t}.png" for t in (500, 3500)}
    args = ["run", "--headless", "--deterministic", "--input", sp, "--exit-after", "3600", *extra]
    for t, p in shots.items():
        args += ["--screenshot-at", f"{t}:{p}"]
    r = run_exeplay([*args, d / "ski32.exe"], cwd=d, timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    return shots


@pytest.mark.corpus
def test_ski32_by_pad(virtual_pads, run_exeplay, tmp_path: Path) -> None:
    # the d-pad and the stick give the arrow keys: the same pictures as four presses of Down on the keyboard
    shots = _ski(run_exeplay, tmp_path, "mapped")
    assert_png_matches(shots[500], "ski32_start")
    assert_png_matches(shots[3500], "ski32_downhill")
    # without the mapping the skier stays where he started
    from PIL import Image
    import numpy as np
    still = _ski(run_exeplay, tmp_path, "unmapped", "--pad-map", "none")
    moved = np.asarray(Image.open(shots[3500]))
    unmoved = np.asarray(Image.open(still[3500]))
    assert (moved != unmoved).any(axis=-1).sum() > 100


# ---- in-process: the mapping and SPECs ------------------------------------------------------------------------
class _Recorder(gamepad.Gamepads):
    def __init__(self) -> None:
        super().__init__(None)
        self.sent: list[tuple[int, bool]] = []

    def _post(self, vk: int, down: bool) -> None:
        self.sent.append((vk, down))


def _pad(**state: int) -> gamepad.Pad:
    p = gamepad.Pad(0, 1, "test", 0, 0, [0] * len(gamepad.BUTTONS), [0] * len(gamepad.AXES))
    for k, v in state.items():
        if k in gamepad.BUTTONS:
            p.buttons[gamepad.BUTTONS.index(k)] = v
        else:
            p.axes[gamepad.AXES.index(k)] = v
    return p


def _feed(g: _Recorder, **state: int) -> list[tuple[int, bool]]:
    g.sent.clear()
    g.pads = {1: _pad(**state)}
    g._map_keys()
    return list(g.sent)


VK_RETURN, VK_ESCAPE, VK_SPACE, VK_LEFT, VK_UP, VK_DOWN = 0x0D, 0x1B, 0x20, 0x25, 0x26, 0x28


def test_default_mapping_keys() -> None:
    g = _Recorder()
    assert _feed(g, a=1) == [(VK_RETURN, True)]
    assert _feed(g, a=1, start=1) == []  # Return is already down
    assert _feed(g, start=1) == []  # still held by Start
    assert _feed(g) == [(VK_RETURN, False)]
    assert _feed(g, b=1, x=1) == [(VK_ESCAPE, True), (VK_SPACE, True)]
    assert _feed(g) == [(VK_ESCAPE, False), (VK_SPACE, False)]
    # the stick: pressed beyond half travel, released below 40 % (hysteresis); -32768 is full travel
    assert _feed(g, leftx=-16000) == []
    assert _feed(g, leftx=-16386) == [(VK_LEFT, True)]
    assert _feed(g, leftx=-14000) == []
    assert _feed(g, leftx=-13000) == [(VK_LEFT, False)]
    assert _feed(g, lefty=-32768, dpup=1) == [(VK_UP, True)]
    assert _feed(g, lefty=32767) == [(VK_UP, False), (VK_DOWN, True)]
    # a program that reads the pads itself: the default mapping lets go and stops
    g.sent.clear()
    g.claim()
    assert g.sent == [(VK_DOWN, False)]
    assert _feed(g, a=1) == []


def test_explicit_mapping_stays_on() -> None:
    g = _Recorder()
    g.set_mapping(gamepad.parse_spec("clear,a=Space,rt=Z"), explicit=True)
    assert _feed(g, a=1, b=1, dpup=1) == [(VK_SPACE, True)]
    g.claim()
    assert _feed(g, a=1, righttrigger=30000) == [(ord("Z"), True)]


def test_pad_map_specs(tmp_path: Path) -> None:
    d = gamepad.DEFAULT_MAPPING
    assert gamepad.parse_spec("a=Space,b=") == {**{k: v for k, v in d.items() if k != "b"}, "a": "Space"}
    assert gamepad.parse_spec("clear, dpup=Up , LB=Control") == {"dpup": "Up", "leftshoulder": "Control"}
    assert gamepad.parse_spec("none") == {}
    m = {"a": "Return", "lefty-": "W"}
    assert gamepad.parse_spec(gamepad.format_spec(m)) == m
    f = tmp_path / "pad.toml"
    f.write_text('[pad_map]\nclear = true\nx = "Space"\nstart = "Escape"\n')
    assert gamepad.parse_spec(str(f)) == {"x": "Space", "start": "Escape"}
    for bad in ("a=Nokey", "nobutton=Up", "a"):
        with pytest.raises(gamepad.SpecError):
            gamepad.parse_spec(bad)


def test_bad_pad_map_and_script(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("joy_winmm.exe")
    r = run_exeplay(["run", "--headless", "--pad-map", "a=Nokey", d / "joy_winmm.exe"])
    assert r.rc == 2 and "unknown key 'Nokey'" in r.errtext, r.describe()
    sp = tmp_path / "bad.txt"
    sp.write_text("0 pad attach\n100 pad leftx 40000\n")
    r = run_exeplay(["run", "--headless", "--input", sp, d / "joy_winmm.exe"])
    assert r.rc == 2 and "line 2: pad leftx: value 40000" in r.errtext, r.describe()
