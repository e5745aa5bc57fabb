"""Presenting DirectDraw pictures: 8-bit frames through the palette shader (pixel-exact against the numpy
conversion screenshots use), palette changes, frames the guest touched while they were uploaded, the 4:3 CRT
modes letterboxed, mouse mapping through that scaling, the cursor sprite, and a real exclusive-mode program
(bench/programs/ddbench.exe) presented straight from guest memory.

Offscreen EGL (``SDL_VIDEODRIVER=offscreen``); skipped when SDL/OpenGL cannot start here.
"""
from __future__ import annotations

import contextlib
import ctypes
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from gdi import desktop
from gdi.desktop import Cursor, Frame
from gdi.hostevent import HostEvent, MouseButton, MouseMove

try:
    from app import presenter
except Exception as e:  # noqa: BLE001 - no pysdl2/PyOpenGL, or no GL/EGL library for PyOpenGL to load
    pytest.skip(f"presenter unavailable: {type(e).__name__}: {e}", allow_module_level=True)
sdl2 = presenter.sdl2
Presenter = presenter.Presenter
fit_rect = presenter.fit_rect
to_guest = presenter.to_guest

DDBENCH = Path(__file__).resolve().parents[1] / "bench" / "programs" / "ddbench.exe"


@pytest.fixture(autouse=True)
def offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "offscreen")


class Source:
    """A frame source standing in for the guest: the Frame it returns and the events posted back."""

    def __init__(self, f: Frame | None) -> None:
        self.f = f
        self.events: list[HostEvent] = []
        self.calls = 0

    def frame(self) -> Frame | None:
        self.calls += 1
        return self.f

    def post(self, ev: HostEvent) -> None:
        self.events.append(ev)


@contextlib.contextmanager
def opened(frame: Callable[[], object], post: Callable[[HostEvent], None] = lambda ev: None,
           **kw: object) -> Iterator[Presenter]:
    try:
        p = Presenter(frame, post, "exeplay test", **kw)  # type: ignore[arg-type]
    except presenter.PresenterError as e:
        pytest.skip(f"no SDL/OpenGL here: {e}")
    try:
        yield p
    finally:
        p.close()


def indices(w: int, h: int, pitch: int) -> np.ndarray:
    """An (h, w) uint8 view with rows ``pitch`` bytes apart (like a surface in guest memory), every index used."""
    buf = np.full((h, pitch), 0xEE, np.uint8)  # the padding must never show
    yy, xx = np.mgrid[0:h, 0:w]
    buf[:, :w] = ((xx * 7 + yy * 13) & 0xFF).astype(np.uint8)
    return buf[:, :w]


def palette(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.integers(0, 1 << 24, 256, dtype=np.uint32)


def numpy_rgb(idx: np.ndarray, lut: np.ndarray) -> np.ndarray:
    """The numpy conversion compose() uses for 8-bit primaries."""
    from com import pixfmt  # noqa: PLC0415
    return pixfmt.to_rgb(idx, pixfmt.PAL8, lut)


def scaled(px: np.ndarray, n: int) -> np.ndarray:
    return np.repeat(np.repeat(px, n, axis=0), n, axis=1)


def step_until(p: Presenter, cond: Callable[[], bool], seconds: float = 2.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        p.step()
        if cond():
            return True
    return False


# ----------------------------------------------------------------------------- 8-bit frames, palette shader


@pytest.mark.parametrize("scale", [1, 2])
def test_indexed_frame_is_pixel_exact(scale: int) -> None:
    idx = indices(64, 48, pitch=80)
    lut = palette(1)
    src = Source(Frame("indexed", idx, 1, palette=lut))
    with opened(src.frame, scale=scale) as p:
        p.step()
        assert p.frame_kind == "indexed"
        np.testing.assert_array_equal(p.read_back(), scaled(numpy_rgb(idx, lut), scale))


def test_palette_change_shows_on_the_next_frame() -> None:
    idx = indices(64, 48, pitch=64)
    src = Source(Frame("indexed", idx, 1, palette=palette(1)))
    v = [1]
    with opened(src.frame, version=lambda: v[0]) as p:
        p.step()
        before = p.read_back()
        new = palette(2)
        src.f = Frame("indexed", idx, 2, palette=new)  # SetEntries: same indices, other colours
        v[0] = 2
        time.sleep(presenter.FRAME_SECONDS)
        p.wake()
        p.step()
        after = p.read_back()
        assert not np.array_equal(before, after)
        np.testing.assert_array_equal(after, numpy_rgb(idx, new))


def test_a_view_the_guest_touched_is_not_shown_and_is_asked_again() -> None:
    idx0 = indices(32, 24, pitch=32)
    lut = palette(3)
    src = Source(Frame("indexed", idx0, 1, palette=lut))
    with opened(src.frame) as p:
        p.step()
        shown = p.read_back()
        idx1 = idx0[::-1].copy()
        ok = [False]
        src.f = Frame("indexed", idx1, 2, palette=lut, valid=lambda: ok[0])
        time.sleep(presenter.FRAME_SECONDS)
        p.wake()
        p.step()
        assert p.stats.torn == 1
        np.testing.assert_array_equal(p.read_back(), shown)  # the old picture stays, whole
        ok[0] = True
        calls = src.calls
        assert step_until(p, lambda: src.calls > calls, 0.5)  # asked again within a few ms, no new version needed
        np.testing.assert_array_equal(p.read_back(), numpy_rgb(idx1, lut))


def test_not_ready_is_asked_again_soon() -> None:
    src = Source(Frame("indexed", indices(16, 16, 16), 1, palette=palette(4)))
    with opened(src.frame) as p:
        p.step()
        src.f = None
        time.sleep(presenter.FRAME_SECONDS)
        p.wake()
        p.step()
        assert p.stats.not_ready == 1
        src.f = Frame("indexed", indices(16, 16, 16)[::-1].copy(), 2, palette=palette(4))
        t0 = time.monotonic()
        assert step_until(p, lambda: p.stats.frames >= 1, 0.5)
        assert time.monotonic() - t0 < 0.1


# ----------------------------------------------------------------------------- aspect, scaling, mouse


def test_fit_rect_with_pixel_aspect() -> None:
    a = desktop.pixel_aspect(320, 200)
    assert a == desktop.pixel_aspect(640, 400) == 1.2
    assert desktop.pixel_aspect(640, 480) == desktop.pixel_aspect(320, 240) == desktop.pixel_aspect(800, 600) == 1
    assert fit_rect(640, 480, 320, 200, True, a) == (0, 0, 640, 480)        # 2x wide, 2.4x tall: exactly 4:3
    assert fit_rect(800, 600, 320, 200, True, a) == (80, 60, 640, 480)      # integer: 2x, letterboxed
    assert fit_rect(800, 600, 320, 200, False, a) == (0, 0, 800, 600)       # fit: 4:3 fills 4:3
    assert fit_rect(1000, 700, 320, 200, False, a) == (33, 0, 933, 700)     # fit: pillarboxed at 4:3
    assert fit_rect(1000, 700, 320, 200, True, a) == (180, 110, 640, 480)
    assert fit_rect(1920, 1080, 640, 400, True, a) == (320, 60, 1280, 960)  # 2x (3x would need 1440 lines)
    assert fit_rect(1200, 900, 640, 400, True, a) == (280, 210, 640, 480)   # 1x (2x would need 960 lines)
    assert fit_rect(1920, 1080, 640, 400, False, a) == (240, 0, 1440, 1080)
    assert fit_rect(1920, 1080, 640, 480, True) == (320, 60, 1280, 960)
    assert fit_rect(300, 200, 320, 200, True, a) == (16, 0, 267, 200)       # smaller than 1x: exact fit


def crt_frame(version: int = 1) -> Frame:
    idx = indices(320, 200, pitch=320)
    return Frame("indexed", idx, version, palette=palette(5), pixel_aspect=desktop.pixel_aspect(320, 200))


def expected_crt(idx: np.ndarray, lut: np.ndarray, rect: tuple[int, int, int, int], size: tuple[int, int],
                 got: np.ndarray | None = None) -> np.ndarray:
    """The picture nearest-sampled into ``rect`` of a black ``size`` drawable. Where a pixel centre falls exactly
    on a texel edge (non-integer scales) either texel is right: with ``got``, the one it shows is taken."""
    x0, y0, w, h = rect
    rgb = numpy_rgb(idx, lut)
    out = np.zeros((size[1], size[0]), np.uint32)
    ry = (np.arange(h) + 0.5) * idx.shape[0] / h
    rx = (np.arange(w) + 0.5) * idx.shape[1] / w
    best = None
    for dy in (-1e-6, 1e-6):
        for dx in (-1e-6, 1e-6):
            rows = np.clip(np.floor(ry + dy).astype(int), 0, idx.shape[0] - 1)
            cols = np.clip(np.floor(rx + dx).astype(int), 0, idx.shape[1] - 1)
            cand = rgb[rows][:, cols]
            if best is None:
                best = cand
            elif got is not None:
                best = np.where(got[y0:y0 + h, x0:x0 + w] == cand, cand, best)
    out[y0:y0 + h, x0:x0 + w] = best
    return out


@pytest.mark.parametrize(("integer", "rect"), [(True, (80, 60, 640, 480)), (False, (0, 0, 800, 600))])
def test_320x200_is_shown_at_4_3(integer: bool, rect: tuple[int, int, int, int]) -> None:
    f = crt_frame()
    src = Source(f)
    with opened(src.frame) as p:
        assert p.drawable_size() == (320, 240)  # the window opens at the picture's 4:3 size
    # (SDL's offscreen driver cannot resize a GL surface: a window opened at 800x600 instead)
    with opened(src.frame, integer_scaling=integer, size=(800, 600)) as p:
        p.step()
        assert p.picture_rect() == rect
        got = p.read_back()
        want = expected_crt(f.pixels, f.palette, rect, (800, 600), None if integer else got)  # type: ignore[arg-type]
        np.testing.assert_array_equal(got, want)
        if integer:  # black letterbox all around
            assert not got[:60].any() and not got[540:].any() and not got[:, :80].any() and not got[:, 720:].any()


def test_mouse_maps_back_through_the_4_3_scaling() -> None:
    src = Source(crt_frame())
    with opened(src.frame, src.post, size=(800, 600)) as p:
        # picture at (80, 60), 640x480: 2 window pixels a guest column, 2.4 a guest row
        p.step()
        src.events.clear()
        for x, y in ((80, 60), (81, 62), (82, 63), (719, 539), (400, 300)):
            ev = sdl2.SDL_Event()
            ev.type = sdl2.SDL_MOUSEMOTION
            ev.motion.x, ev.motion.y = x, y
            sdl2.SDL_PushEvent(ctypes.byref(ev))
            p.step()
        b = sdl2.SDL_Event()
        b.type = sdl2.SDL_MOUSEBUTTONDOWN
        b.button.button, b.button.state = sdl2.SDL_BUTTON_LEFT, sdl2.SDL_PRESSED
        b.button.x, b.button.y = 79, 300  # the left border: not the picture
        sdl2.SDL_PushEvent(ctypes.byref(b))
        p.step()
        assert src.events == [MouseMove(0, 0), MouseMove(0, 1), MouseMove(1, 1), MouseMove(319, 199),
                              MouseMove(160, 100)]
        assert not any(isinstance(e, MouseButton) for e in src.events)
        assert to_guest(82, 63, p.picture_rect(), 320, 200) == (1, 1)


def test_window_follows_a_mode_change_at_the_aspect() -> None:
    src = Source(Frame("rgb", np.zeros((480, 640), np.uint32), 1))
    v = [1]
    with opened(src.frame, version=lambda: v[0]) as p:
        assert p.drawable_size() == (640, 480)
        src.f = crt_frame(2)
        v[0] = 2
        assert step_until(p, lambda: p.frame_kind == "indexed")
        step_until(p, lambda: False, 0.1)
        # the window keeps its size: 320x200 at the largest whole scale that stays as large, 4:3
        assert p.drawable_size() == (640, 480) and p.picture_rect() == (0, 0, 640, 480)


# ----------------------------------------------------------------------------- the cursor sprite


def test_cursor_sprite_matches_draw_cursor() -> None:
    px = np.arange(64 * 48, dtype=np.uint32).reshape(48, 64) * 0x010307 & 0xFFFFFF
    rgba = np.zeros((8, 6, 4), np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = 0x11, 0x22, 0x33
    rgba[:, :3, 3] = 255          # left half opaque
    rgba[2:4, 3:, 3] = 128        # >= 128: drawn
    rgba[5, 3:, 3] = 127          # < 128: transparent
    src = Source(Frame("rgb", px, 1, cursor=Cursor(rgba, 60, 44, "arrow")))  # partly off the picture
    with opened(src.frame, scale=2) as p:
        p.step()
        want = px.copy()
        region = want[44:48, 60:64]
        mask = rgba[:4, :4, 3] >= 128
        region[mask] = 0x112233
        np.testing.assert_array_equal(p.read_back(), scaled(want, 2))


# ----------------------------------------------------------------------------- a real exclusive-mode program


@pytest.fixture(scope="module")
def ddbench_machine(tmp_path_factory: pytest.TempPathFactory) -> object:
    """ddbench.exe (640x480x8, a flipping chain, palette animation) run deterministically in-process for 20
    frames and stopped while it holds its last frame on screen."""
    if not DDBENCH.exists():
        pytest.skip("bench/programs/ddbench.exe not built")
    from app.session import Session  # noqa: PLC0415
    from emu import register_all  # noqa: PLC0415
    from emu.machine import Machine, Options  # noqa: PLC0415
    register_all()
    m = Machine(Options(data_dir=str(tmp_path_factory.mktemp("ddbench")), deterministic=True, timeout=30))
    m.load(str(DDBENCH), ["20", "0", "1", "100000"])
    Session(m, [], [], 2000.0)  # 20 frames at 60 Hz of guest time, then the 100 s hold: stopped at 2 s
    m.run()
    return m


def test_exclusive_8bit_primary_is_presented_from_guest_memory(ddbench_machine: object) -> None:
    from com import ddraw_display as disp  # noqa: PLC0415
    m = ddbench_machine
    f = desktop.presentation(m)  # type: ignore[arg-type]
    assert f is not None and f.kind == "indexed" and (f.width, f.height) == (640, 480)
    front = disp.visible_surface(m)  # type: ignore[arg-type]
    assert np.shares_memory(f.pixels, front.buf.rows)  # a view of guest memory, no copy
    assert f.valid is not None and f.valid()
    # the last frame the program drew: row y holds index (y + 19) & 255 (the back buffer of frame 19, flipped)
    assert (f.pixels[:, 0] == (np.arange(480) + 19) % 256).all()
    with opened(lambda: desktop.presentation(m)) as p:  # type: ignore[arg-type]
        p.step()
        assert p.frame_kind == "indexed"
        np.testing.assert_array_equal(p.read_back(), desktop.compose(m))  # type: ignore[arg-type]


def test_touched_view_falls_back_to_a_snapshot_taken_on_the_guest_thread(ddbench_machine: object) -> None:
    from com import ddraw_display as disp  # noqa: PLC0415
    m = ddbench_machine
    d = disp.display(m)  # type: ignore[arg-type]
    front = disp.visible_surface(m)  # type: ignore[arg-type]
    try:
        f = desktop.presentation(m)  # type: ignore[arg-type]
        assert f is not None and f.valid is not None
        front.uniqueness += 1          # what Unlock/Blt on the front buffer do while the view is being uploaded
        assert not f.valid()
        assert desktop.presentation(m) is None  # not ready: a snapshot was asked for
        assert d.want_snapshot
        disp.changed(m)                # the guest thread's next Flip/Unlock/Blt: the picture is complete there
        g = desktop.presentation(m)  # type: ignore[arg-type]
        assert g is not None and g.kind == "indexed" and g.valid is None and not g.stale
        assert not np.shares_memory(g.pixels, front.buf.rows)
        np.testing.assert_array_equal(g.pixels, front.buf.raw())
        np.testing.assert_array_equal(g.palette, front.palette_lut(m))
    finally:
        d.contended_until = 0.0
        d.want_snapshot = False
        d.snapshot = None


def test_composed_frame_waits_for_surfaces_the_guest_is_changing() -> None:
    from emu.machine import Machine  # noqa: PLC0415
    m = Machine()
    scr = desktop.screen(m)
    answers: list[object] = []
    scr.stamps.append(lambda: answers.pop(0) if answers else 1)
    answers[:] = [desktop.NOT_READY]          # a shown surface is locked
    assert desktop.presentation(m) is None
    answers[:] = [1, 2]                       # unlocked, but changed while the screen was composed
    assert desktop.presentation(m) is None
    answers[:] = [3, 3]
    f = desktop.presentation(m)
    assert f is not None and f.kind == "rgb" and (f.width, f.height) == (scr.width, scr.height)
    np.testing.assert_array_equal(f.pixels, desktop.compose(m))
    # a surface that stays locked is shown as it is after a while rather than never
    scr.surface.version += 1
    answers[:] = [desktop.NOT_READY] * 1000
    assert desktop.presentation(m) is None
    time.sleep(desktop.STARVE_SECONDS)
    assert desktop.presentation(m) is not None


@pytest.fixture(scope="module")
def windowed_machine(tmp_path_factory: pytest.TempPathFactory) -> object:
    """tests/programs/ddraw_scenes.exe "windowed" (a DDSCL_NORMAL primary with a clipper, Blt into a 320x240
    window every frame) run deterministically in-process and stopped at 600 ms."""
    exe = Path(__file__).resolve().parent / "programs" / "ddraw_scenes.exe"
    from app.session import Session  # noqa: PLC0415
    from emu import register_all  # noqa: PLC0415
    from emu.machine import Machine, Options  # noqa: PLC0415
    register_all()
    m = Machine(Options(data_dir=str(tmp_path_factory.mktemp("scenes")), deterministic=True, timeout=30))
    m.load(str(exe), ["windowed"])
    Session(m, [], [], 600.0)
    m.run()
    return m


def test_locked_windowed_primary_is_presented_as_of_its_last_unlock(windowed_machine: object) -> None:
    import threading  # noqa: PLC0415

    from com import ddraw_display as disp  # noqa: PLC0415
    m = windowed_machine
    ((s, r),) = disp.shown(m)  # type: ignore[arg-type]
    assert r is not None
    x0, y0, x1, y1 = r
    f = desktop.presentation(m)  # type: ignore[arg-type]
    assert f is not None and f.kind == "rgb"
    np.testing.assert_array_equal(f.pixels, desktop.compose(m))  # type: ignore[arg-type]

    def guest_draws(value: int) -> None:  # Lock + writes (the guest thread, mid-frame)
        s.locks.append((0, 0, s.width, s.height))
        s.buf.write(r, value)

    def guest_unlocks() -> None:
        s.locks.pop()
        s.touched(m)  # what Unlock does: a new uniqueness value, changed() on the guest thread

    guest_draws(0x00FF00)
    desktop.screen(m).surface.version += 1  # (the previous Unlock's change, not yet presented)
    assert desktop.presentation(m) is None  # locked, and no copy of a complete picture yet: asked again later
    guest_unlocks()                          # frame complete: copied right here, on the guest thread
    want = desktop.compose(m)  # type: ignore[arg-type]
    assert (want[y0:y1, x0:x1] == 0x00FF00).all()
    guest_draws(0x0000FF)                    # the next frame, half drawn
    g = desktop.presentation(m)  # type: ignore[arg-type]
    assert g is not None
    np.testing.assert_array_equal(g.pixels, want)
    shot: list[np.ndarray] = []             # screenshots (on the guest thread) read the surface as it is
    t = threading.Thread(target=lambda: shot.append(desktop.compose(m)))  # type: ignore[arg-type]
    t.start()
    t.join()
    assert (shot[0][y0:y1, x0:x1] == 0x0000FF).all()
    guest_unlocks()
