"""The SDL2/OpenGL presenter: pixels on screen (offscreen EGL and a real X server) and input translation.

Everything runs in-process with a fake frame source; posted events are collected in a list.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from app import keymap
from app.keymap import WinKey, control_text, translate_key
from gdi.hostevent import (
    Close,
    Focus,
    HostEvent,
    Key,
    MouseButton,
    MouseMove,
    MouseWheel,
    Text,
)

try:
    from app import presenter
except Exception as e:  # noqa: BLE001 - no pysdl2/PyOpenGL, or no GL/EGL library for PyOpenGL to load
    pytest.skip(f"presenter unavailable: {type(e).__name__}: {e}", allow_module_level=True)
sdl2 = presenter.sdl2
Presenter = presenter.Presenter
fit_rect = presenter.fit_rect
to_guest = presenter.to_guest


class FakeScreen:
    """Stands in for the guest: a frame with a version, and a list of what the presenter posted."""

    def __init__(self, px: np.ndarray) -> None:
        self.px = px
        self.version = 1
        self.events: list[HostEvent] = []
        self.frame_calls = 0

    def frame(self) -> tuple[np.ndarray, int]:
        self.frame_calls += 1
        return self.px, self.version

    def post(self, ev: HostEvent) -> None:
        self.events.append(ev)


def picture(w: int = 40, h: int = 30) -> np.ndarray:
    """Four coloured quadrants, an 8x8 one-pixel checkerboard, junk in the unused top byte of some pixels."""
    px = np.empty((h, w), dtype=np.uint32)
    px[: h // 2, : w // 2] = 0xFF0000
    px[: h // 2, w // 2:] = 0x00FF00
    px[h // 2:, : w // 2] = 0x0000FF
    px[h // 2:, w // 2:] = 0xFFFFFF
    yy, xx = np.mgrid[0:8, 0:8]
    px[11:19, 16:24] = np.where((yy + xx) % 2 == 0, 0x123456, 0xFEDCBA)
    px[0, :] |= 0xAB000000  # alpha byte: must be ignored
    px[h - 1, w - 1] = 0x808080
    return px




def scaled(px: np.ndarray, n: int) -> np.ndarray:
    return np.repeat(np.repeat(px & 0xFFFFFF, n, axis=0), n, axis=1)


@contextlib.contextmanager
def opened(screen: FakeScreen, **kw: object) -> Iterator[Presenter]:
    """A Presenter on the fake screen; the test is skipped when SDL/GL cannot start here."""
    try:
        p = Presenter(screen.frame, screen.post, title=str(kw.pop("title", "exeplay test")), **kw)
    except presenter.PresenterError as e:
        pytest.skip(f"no SDL/OpenGL here: {e}")
    try:
        yield p
    finally:
        p.close()


@pytest.fixture
def offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "offscreen")


# ----------------------------------------------------------------------------- offscreen EGL: pixels


def test_offscreen_frame_exact_at_scale_2(offscreen: None) -> None:
    s = FakeScreen(picture())
    with opened(s, scale=2) as p:
        p.step()
        assert p.drawable_size() == (80, 60)
        got = p.read_back()
        assert got.shape == (60, 80)
        np.testing.assert_array_equal(got, scaled(s.px, 2))
        # nearest filtering: each guest pixel of the checkerboard is a flat 2x2 block
        assert got[22, 32] == got[23, 33] == 0x123456 and got[22, 34] == got[23, 35] == 0xFEDCBA


def test_offscreen_uploads_only_when_version_changes(offscreen: None) -> None:
    s = FakeScreen(picture())
    with opened(s) as p:
        p.step()
        before = s.px.copy()
        s.px[:] = 0x445566  # changed behind the presenter's back, same version: not uploaded
        for _ in range(3):
            p.step()
        np.testing.assert_array_equal(p.read_back(), before & 0xFFFFFF)
        s.version += 1
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline and p.read_back()[0, 0] != 0x445566:
            p.step()
        assert (p.read_back() == 0x445566).all()


def test_offscreen_version_callable_avoids_frame_calls(offscreen: None) -> None:
    s = FakeScreen(picture())
    try:
        p = Presenter(s.frame, s.post, "exeplay test", version=lambda: s.version)
    except presenter.PresenterError as e:
        pytest.skip(f"no SDL/OpenGL here: {e}")
    try:
        calls = s.frame_calls
        t0 = time.monotonic()
        for _ in range(6):
            p.step()
        # steps are paced (no spinning) and the unchanged version never asks for the pixels
        assert time.monotonic() - t0 >= 3 / 60
        assert s.frame_calls == calls
        s.px = picture()[::-1].copy()
        s.version += 1
        p.wake()
        p.step()
        assert s.frame_calls == calls + 1
        np.testing.assert_array_equal(p.read_back(), s.px & 0xFFFFFF)
    finally:
        p.close()


def padded(w: int, h: int) -> np.ndarray:
    """A (h, w) view with padded rows into a larger buffer, a distinct colour per pixel."""
    big = np.zeros((h + 6, w + 12), dtype=np.uint32)
    yy, xx = np.mgrid[0:h + 6, 0:w + 12].astype(np.uint32)
    big[:] = (yy << 16) | (xx << 8) | ((xx * 7 + yy * 3) & 0xFF)
    view = big[2:2 + h, 4:4 + w]
    assert not view.flags.c_contiguous
    return view


def test_offscreen_padded_rows(offscreen: None) -> None:
    s = FakeScreen(padded(40, 30))  # uploaded without a copy through GL_UNPACK_ROW_LENGTH
    with opened(s, scale=2) as p:
        p.step()
        np.testing.assert_array_equal(p.read_back(), scaled(s.px, 2))


# ----------------------------------------------------------------------------- input through SDL's queue


def push(ev: sdl2.SDL_Event) -> None:
    assert sdl2.SDL_PushEvent(ctypes.byref(ev)) == 1


def key_event(scancode: int, down: bool, mod: int = 0, sym: int = 0, repeat: int = 0) -> sdl2.SDL_Event:
    ev = sdl2.SDL_Event()
    ev.type = sdl2.SDL_KEYDOWN if down else sdl2.SDL_KEYUP
    ev.key.state = sdl2.SDL_PRESSED if down else sdl2.SDL_RELEASED
    ev.key.repeat = repeat
    ev.key.keysym.scancode = scancode
    ev.key.keysym.sym = sym
    ev.key.keysym.mod = mod
    return ev


def button_event(button: int, down: bool, x: int, y: int) -> sdl2.SDL_Event:
    ev = sdl2.SDL_Event()
    ev.type = sdl2.SDL_MOUSEBUTTONDOWN if down else sdl2.SDL_MOUSEBUTTONUP
    ev.button.button = button
    ev.button.state = sdl2.SDL_PRESSED if down else sdl2.SDL_RELEASED
    ev.button.x, ev.button.y = x, y
    return ev


def motion_event(x: int, y: int) -> sdl2.SDL_Event:
    ev = sdl2.SDL_Event()
    ev.type = sdl2.SDL_MOUSEMOTION
    ev.motion.x, ev.motion.y = x, y
    return ev


def test_offscreen_input_translation(offscreen: None) -> None:
    s = FakeScreen(picture(40, 30))
    with opened(s, scale=2) as p:
        p.step()
        s.events.clear()
        push(key_event(sdl2.SDL_SCANCODE_A, True, sym=ord("a")))
        push(key_event(sdl2.SDL_SCANCODE_A, True, sym=ord("a"), repeat=1))
        push(key_event(sdl2.SDL_SCANCODE_A, False, sym=ord("a")))
        push(key_event(sdl2.SDL_SCANCODE_RIGHT, True, sym=sdl2.SDLK_RIGHT))
        push(key_event(sdl2.SDL_SCANCODE_RETURN, True, sym=sdl2.SDLK_RETURN))
        # keypad 7 pressed with NumLock on, released after NumLock went off: the release keeps VK_NUMPAD7
        push(key_event(sdl2.SDL_SCANCODE_KP_7, True, mod=keymap.KMOD_NUM, sym=sdl2.SDLK_KP_7))
        push(key_event(sdl2.SDL_SCANCODE_KP_7, False, mod=0, sym=sdl2.SDLK_KP_7))
        push(key_event(sdl2.SDL_SCANCODE_C, True, mod=keymap.KMOD_LCTRL, sym=ord("c")))
        push(motion_event(10, 10))
        push(motion_event(11, 11))
        push(motion_event(21, 31))   # motion between other events is coalesced: one move, to (10, 15)
        push(button_event(sdl2.SDL_BUTTON_LEFT, True, 21, 31))
        push(motion_event(500, 500))  # dragged out of the window: clamped while the button is held
        push(button_event(sdl2.SDL_BUTTON_LEFT, False, 500, 500))
        push(button_event(sdl2.SDL_BUTTON_RIGHT, True, 79, 59))
        push(button_event(sdl2.SDL_BUTTON_RIGHT, False, 79, 59))
        push(button_event(sdl2.SDL_BUTTON_MIDDLE, True, 200, 5))   # outside the picture: ignored
        push(button_event(sdl2.SDL_BUTTON_MIDDLE, False, 200, 5))
        wheel = sdl2.SDL_Event()
        wheel.type = sdl2.SDL_MOUSEWHEEL
        wheel.wheel.y = -2
        wheel.wheel.mouseX, wheel.wheel.mouseY = 6, 8
        push(wheel)
        text = sdl2.SDL_Event()
        text.type = sdl2.SDL_TEXTINPUT
        text.text.text = "é!".encode()
        push(text)
        p.step()
        assert s.events == [
            Key(0x41, True, 0x1E, False), Key(0x41, True, 0x1E, False), Key(0x41, False, 0x1E, False),
            Key(0x27, True, 0x4D, True),
            Key(0x0D, True, 0x1C, False), Text("\r"),
            Key(0x67, True, 0x47, False), Key(0x67, False, 0x47, False),
            Key(0x43, True, 0x2E, False), Text("\x03"),
            MouseMove(10, 15),
            MouseButton(1, True, 10, 15), MouseMove(39, 29), MouseButton(1, False, 39, 29),
            MouseButton(2, True, 39, 29), MouseButton(2, False, 39, 29),
            MouseWheel(-240, 3, 4),
            Text("é!"),
        ]
        s.events.clear()
        push(motion_event(8, 8))
        p.step()
        assert s.events == [MouseMove(4, 4)]
        push(motion_event(9, 9))      # the same guest pixel: nothing new
        push(motion_event(100, 10))   # outside the picture, no button held: ignored
        p.step()
        assert s.events == [MouseMove(4, 4)]


def test_offscreen_alt_enter_not_forwarded_and_close(offscreen: None) -> None:
    s = FakeScreen(picture(40, 30))
    with opened(s) as p:
        p.step()
        s.events.clear()
        fs = p.fullscreen
        alt = keymap.KMOD_LALT
        push(key_event(sdl2.SDL_SCANCODE_LALT, True, mod=alt, sym=sdl2.SDLK_LALT))
        push(key_event(sdl2.SDL_SCANCODE_RETURN, True, mod=alt, sym=sdl2.SDLK_RETURN))
        push(key_event(sdl2.SDL_SCANCODE_RETURN, True, mod=alt, sym=sdl2.SDLK_RETURN, repeat=1))
        push(key_event(sdl2.SDL_SCANCODE_RETURN, False, mod=alt, sym=sdl2.SDLK_RETURN))
        push(key_event(sdl2.SDL_SCANCODE_LALT, False, sym=sdl2.SDLK_LALT))
        assert p.step() is True
        assert s.events == [Key(0xA4, True, 0x38, False), Key(0xA4, False, 0x38, False)]
        assert p.fullscreen != fs
        p.set_fullscreen(False)
        s.events.clear()
        win = sdl2.SDL_Event()
        win.type = sdl2.SDL_WINDOWEVENT
        win.window.event = sdl2.SDL_WINDOWEVENT_CLOSE
        win.window.windowID = p.window_id
        push(win)
        quit_ = sdl2.SDL_Event()
        quit_.type = sdl2.SDL_QUIT
        push(quit_)
        assert p.step() is False       # closed, and the close was delivered once
        assert [e for e in s.events if not isinstance(e, MouseMove)] == [Close()]
        assert p.close_requests == 1
        assert p.step() is True        # still presenting: the guest decides whether to exit
        np.testing.assert_array_equal(p.read_back(), s.px & 0xFFFFFF)


def test_offscreen_f12_screenshot_and_fullscreen_mouse_confinement(offscreen: None, tmp_path, monkeypatch) -> None:
    from PIL import Image
    monkeypatch.setenv("EXEPLAY_SCREENSHOT_DIR", str(tmp_path))
    s = FakeScreen(picture(40, 30))
    with opened(s, scale=2) as p:
        p.step()
        s.events.clear()
        push(key_event(sdl2.SDL_SCANCODE_F12, True, sym=sdl2.SDLK_F12))
        push(key_event(sdl2.SDL_SCANCODE_F12, False, sym=sdl2.SDLK_F12))
        p.step()
        assert s.events == []  # F12 is ours, not the guest's
        shots = list(tmp_path.glob("*.png"))
        assert len(shots) == 1, shots
        got = np.asarray(Image.open(shots[0]).convert("RGB")).astype(np.uint32)
        np.testing.assert_array_equal((got[..., 0] << 16) | (got[..., 1] << 8) | got[..., 2], s.px & 0xFFFFFF)
        # fullscreen: the mouse is confined to the picture; windowed: free
        p.set_fullscreen(True)
        s.version += 1
        p.step()
        if p.fullscreen:
            x, y, w, h = p.picture_rect()
            r = sdl2.SDL_GetWindowMouseRect(p._window)
            assert r, "no mouse rectangle in fullscreen"
            dw, _ = p.drawable_size()
            ww, wh = ctypes.c_int(), ctypes.c_int()
            sdl2.SDL_GetWindowSize(p._window, ctypes.byref(ww), ctypes.byref(wh))
            k = dw / ww.value
            assert (r.contents.x, r.contents.y, r.contents.w, r.contents.h) == (
                int(x / k), int(y / k), int(w / k), int(h / k))
        p.set_fullscreen(False)
        s.version += 1
        p.step()
        assert not sdl2.SDL_GetWindowMouseRect(p._window)


# ----------------------------------------------------------------------------- pure mapping


@pytest.mark.parametrize(("scancode", "sym", "mod", "want"), [
    (sdl2.SDL_SCANCODE_A, ord("a"), 0, WinKey(0x41, 0x1E, False)),
    (sdl2.SDL_SCANCODE_Q, ord("a"), 0, WinKey(0x41, 0x10, False)),      # AZERTY: the Q position types 'a'
    (sdl2.SDL_SCANCODE_Z, ord("z"), 0, WinKey(0x5A, 0x2C, False)),
    (sdl2.SDL_SCANCODE_1, ord("1"), 0, WinKey(0x31, 0x02, False)),
    (sdl2.SDL_SCANCODE_0, ord("0"), 0, WinKey(0x30, 0x0B, False)),
    (sdl2.SDL_SCANCODE_F1, 0, 0, WinKey(0x70, 0x3B, False)),
    (sdl2.SDL_SCANCODE_F11, 0, 0, WinKey(0x7A, 0x57, False)),
    (sdl2.SDL_SCANCODE_F12, 0, 0, WinKey(0x7B, 0x58, False)),
    (sdl2.SDL_SCANCODE_F13, 0, 0, WinKey(0x7C, 0x64, False)),
    (sdl2.SDL_SCANCODE_F24, 0, 0, WinKey(0x87, 0x76, False)),
    (sdl2.SDL_SCANCODE_UP, 0, 0, WinKey(0x26, 0x48, True)),
    (sdl2.SDL_SCANCODE_LEFT, 0, 0, WinKey(0x25, 0x4B, True)),
    (sdl2.SDL_SCANCODE_HOME, 0, 0, WinKey(0x24, 0x47, True)),
    (sdl2.SDL_SCANCODE_END, 0, 0, WinKey(0x23, 0x4F, True)),
    (sdl2.SDL_SCANCODE_PAGEUP, 0, 0, WinKey(0x21, 0x49, True)),
    (sdl2.SDL_SCANCODE_PAGEDOWN, 0, 0, WinKey(0x22, 0x51, True)),
    (sdl2.SDL_SCANCODE_INSERT, 0, 0, WinKey(0x2D, 0x52, True)),
    (sdl2.SDL_SCANCODE_DELETE, 0, 0, WinKey(0x2E, 0x53, True)),
    (sdl2.SDL_SCANCODE_RETURN, 0, 0, WinKey(0x0D, 0x1C, False)),
    (sdl2.SDL_SCANCODE_KP_ENTER, 0, 0, WinKey(0x0D, 0x1C, True)),
    (sdl2.SDL_SCANCODE_KP_DIVIDE, 0, 0, WinKey(0x6F, 0x35, True)),
    (sdl2.SDL_SCANCODE_KP_MULTIPLY, 0, 0, WinKey(0x6A, 0x37, False)),
    (sdl2.SDL_SCANCODE_KP_7, 0, keymap.KMOD_NUM, WinKey(0x67, 0x47, False)),   # NumLock on: VK_NUMPAD7
    (sdl2.SDL_SCANCODE_KP_7, 0, 0, WinKey(0x24, 0x47, False)),                 # off: VK_HOME, not extended
    (sdl2.SDL_SCANCODE_KP_5, 0, 0, WinKey(0x0C, 0x4C, False)),                 # off: VK_CLEAR
    (sdl2.SDL_SCANCODE_KP_PERIOD, 0, keymap.KMOD_NUM, WinKey(0x6E, 0x53, False)),
    (sdl2.SDL_SCANCODE_KP_PERIOD, 0, keymap.KMOD_NUM | keymap.KMOD_LSHIFT, WinKey(0x2E, 0x53, False)),
    (sdl2.SDL_SCANCODE_NUMLOCKCLEAR, 0, 0, WinKey(0x90, 0x45, True)),
    (sdl2.SDL_SCANCODE_PAUSE, 0, 0, WinKey(0x13, 0x45, False)),
    (sdl2.SDL_SCANCODE_PRINTSCREEN, 0, 0, WinKey(0x2C, 0x37, True)),
    (sdl2.SDL_SCANCODE_APPLICATION, 0, 0, WinKey(0x5D, 0x5D, True)),
    (sdl2.SDL_SCANCODE_LSHIFT, 0, 0, WinKey(0xA0, 0x2A, False)),
    (sdl2.SDL_SCANCODE_RSHIFT, 0, 0, WinKey(0xA1, 0x36, False)),
    (sdl2.SDL_SCANCODE_LCTRL, 0, 0, WinKey(0xA2, 0x1D, False)),
    (sdl2.SDL_SCANCODE_RCTRL, 0, 0, WinKey(0xA3, 0x1D, True)),
    (sdl2.SDL_SCANCODE_LALT, 0, 0, WinKey(0xA4, 0x38, False)),
    (sdl2.SDL_SCANCODE_RALT, 0, 0, WinKey(0xA5, 0x38, True)),
    (sdl2.SDL_SCANCODE_LGUI, 0, 0, WinKey(0x5B, 0x5B, True)),
    (sdl2.SDL_SCANCODE_ESCAPE, 0, 0, WinKey(0x1B, 0x01, False)),
    (sdl2.SDL_SCANCODE_TAB, 0, 0, WinKey(0x09, 0x0F, False)),
    (sdl2.SDL_SCANCODE_BACKSPACE, 0, 0, WinKey(0x08, 0x0E, False)),
    (sdl2.SDL_SCANCODE_SPACE, ord(" "), 0, WinKey(0x20, 0x39, False)),
    (sdl2.SDL_SCANCODE_SEMICOLON, ord(";"), 0, WinKey(0xBA, 0x27, False)),
    (sdl2.SDL_SCANCODE_EQUALS, ord("="), 0, WinKey(0xBB, 0x0D, False)),
    (sdl2.SDL_SCANCODE_COMMA, ord(","), 0, WinKey(0xBC, 0x33, False)),
    (sdl2.SDL_SCANCODE_MINUS, ord("-"), 0, WinKey(0xBD, 0x0C, False)),
    (sdl2.SDL_SCANCODE_SLASH, ord("/"), 0, WinKey(0xBF, 0x35, False)),
    (sdl2.SDL_SCANCODE_GRAVE, ord("`"), 0, WinKey(0xC0, 0x29, False)),
    (sdl2.SDL_SCANCODE_LEFTBRACKET, ord("["), 0, WinKey(0xDB, 0x1A, False)),
    (sdl2.SDL_SCANCODE_BACKSLASH, ord("\\"), 0, WinKey(0xDC, 0x2B, False)),
    (sdl2.SDL_SCANCODE_APOSTROPHE, ord("'"), 0, WinKey(0xDE, 0x28, False)),
    (sdl2.SDL_SCANCODE_NONUSBACKSLASH, ord("<"), 0, WinKey(0xE2, 0x56, False)),
])
def test_keymap(scancode: int, sym: int, mod: int, want: WinKey) -> None:
    assert translate_key(scancode, sym, mod) == want


def test_keymap_unknown_and_control_text() -> None:
    assert translate_key(sdl2.SDL_SCANCODE_UNKNOWN, 0, 0) is None
    assert translate_key(sdl2.SDL_SCANCODE_SYSREQ, 0, 0) is None
    assert control_text(0x0D, 0) == "\r" and control_text(0x0D, keymap.KMOD_LCTRL) == "\n"
    assert control_text(0x08, 0) == "\b" and control_text(0x08, keymap.KMOD_RCTRL) == "\x7f"
    assert control_text(0x09, 0) == "\t" and control_text(0x09, keymap.KMOD_LCTRL) is None
    assert control_text(0x1B, 0) == "\x1b"
    assert control_text(ord("A"), keymap.KMOD_LCTRL) == "\x01"
    assert control_text(ord("Z"), keymap.KMOD_RCTRL) == "\x1a"
    assert control_text(ord("A"), keymap.KMOD_LCTRL | keymap.KMOD_RALT) is None   # AltGr
    assert control_text(ord("A"), 0) is None   # ordinary characters come as SDL text input
    assert keymap.GENERIC_VK[0xA1] == 0x10 and keymap.GENERIC_VK[0xA5] == 0x12


def test_fit_rect_and_mouse_mapping() -> None:
    # exact integer multiple: no borders
    assert fit_rect(1600, 1200, 800, 600) == (0, 0, 1600, 1200)
    # 1000x700 window, 320x200 picture: integer scale 3 (960x600) centred with borders on all sides
    assert fit_rect(1000, 700, 320, 200) == (20, 50, 960, 600)
    # without integer scaling: the largest exact fit (1000x625), letterboxed top and bottom
    assert fit_rect(1000, 700, 320, 200, integer_scaling=False) == (0, 37, 1000, 625)
    # pillarboxed exact fit
    assert fit_rect(1000, 500, 400, 300, integer_scaling=False) == (166, 0, 667, 500)
    # smaller than 1x: integer scaling falls back to an exact (shrinking) fit
    assert fit_rect(400, 300, 800, 600) == (0, 0, 400, 300)

    r = fit_rect(1000, 700, 320, 200)
    assert to_guest(20, 50, r, 320, 200) == (0, 0)
    assert to_guest(22, 52, r, 320, 200) == (0, 0)       # still inside guest pixel (0, 0) at scale 3
    assert to_guest(23, 53, r, 320, 200) == (1, 1)
    assert to_guest(979, 649, r, 320, 200) == (319, 199)
    assert to_guest(19, 60, r, 320, 200) is None         # left border
    assert to_guest(500, 650, r, 320, 200) is None       # bottom border
    assert to_guest(19, 60, r, 320, 200, clamp=True) == (0, 3)
    assert to_guest(990, 690, r, 320, 200, clamp=True) == (319, 199)
    r2 = fit_rect(1000, 700, 320, 200, integer_scaling=False)   # scale 3.125
    assert to_guest(999, 661, r2, 320, 200) == (319, 199)
    assert to_guest(500, 37 + 311, r2, 320, 200) == (160, 99)


# ----------------------------------------------------------------------------- a real X server


@pytest.fixture
def xvfb(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if not shutil.which("Xvfb") or not shutil.which("xdotool"):
        pytest.skip("Xvfb/xdotool not installed")
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    try:
        with os.fdopen(r) as f:
            num = f.readline().strip()
        if not num:
            pytest.skip("Xvfb did not start")
        display = f":{num}"
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.setenv("SDL_VIDEODRIVER", "x11")
        yield display
    finally:
        proc.terminate()
        proc.wait(5)


def pump_until(p: Presenter, cond: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        p.step()
        if cond():
            return True
    return False


def xdotool(p: Presenter, *args: str) -> str:
    """Run xdotool while the presenter keeps pumping (SDL only flushes its X requests when it runs)."""
    proc = subprocess.Popen(["xdotool", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        pump_until(p, lambda: proc.poll() is not None, 10)
        out, err = proc.communicate(timeout=1)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, f"xdotool {args}: {err}"
    return out


def test_x11_window_input_and_screenshot(xvfb: str) -> None:
    s = FakeScreen(picture(40, 30))
    title = f"exeplay-presenter-test-{os.getpid()}"
    with opened(s, scale=2, title=title) as p:
        info = sdl2.SDL_SysWMinfo()
        sdl2.SDL_VERSION(info.version)
        assert sdl2.SDL_GetWindowWMInfo(p.sdl_window, ctypes.byref(info))
        wid = str(info.info.x11.window)
        assert xdotool(p, "getwindowname", wid).strip() == title
        pump_until(p, lambda: False, 0.3)
        xdotool(p, "windowfocus", "--sync", wid)
        assert pump_until(p, lambda: Focus(True) in s.events)
        xdotool(p, "key", "a")
        xdotool(p, "key", "shift+Right")
        xdotool(p, "mousemove", "--window", wid, "21", "31")
        xdotool(p, "click", "1")
        want = [Key(0x41, True, 0x1E, False), Text("a"), Key(0x41, False, 0x1E, False),
                # xdotool releases in the order it pressed: Shift goes up first
                Key(0xA0, True, 0x2A, False), Key(0x27, True, 0x4D, True), Key(0xA0, False, 0x2A, False),
                Key(0x27, False, 0x4D, True),
                MouseMove(10, 15), MouseButton(1, True, 10, 15), MouseButton(1, False, 10, 15)]
        assert pump_until(p, lambda: [e for e in s.events if e in want] == want), "\n".join(map(str, s.events))

        # the picture: read back from GL, and from the X server's own screen
        np.testing.assert_array_equal(p.read_back(), scaled(s.px, 2))
        p.step()
        geom = xdotool(p, "getwindowgeometry", "--shell", wid)
        g = dict(line.split("=", 1) for line in geom.split())
        x, y, w, h = int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])
        assert (w, h) == (80, 60)
        try:
            from PIL import ImageGrab
            shot = ImageGrab.grab(bbox=(x, y, x + w, y + h), xdisplay=xvfb)
        except (ImportError, OSError) as e:
            pytest.skip(f"no X screen grab: {e}")
        rgb = np.asarray(shot.convert("RGB"), dtype=np.uint32)
        on_screen = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
        np.testing.assert_array_equal(on_screen, scaled(s.px, 2))

        # the guest changes resolution: the texture is reallocated and the window follows at the same scale
        s.px = padded(60, 44)
        s.version += 1
        assert pump_until(p, lambda: p.drawable_size() == (120, 88))
        pump_until(p, lambda: False, 0.2)
        np.testing.assert_array_equal(p.read_back(), scaled(s.px, 2))
        shot = ImageGrab.grab(bbox=(x, y, x + 120, y + 88), xdisplay=xvfb)
        rgb = np.asarray(shot.convert("RGB"), dtype=np.uint32)
        np.testing.assert_array_equal((rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2], scaled(s.px, 2))
