"""The presenter: an SDL2 window with OpenGL textures showing the guest screen, and host input fed back.

Runs on the host main thread; the guest runs on its own thread. ``Presenter.step()`` pumps SDL events
(translated into ``gdi.hostevent`` events and handed to ``post``), takes a new guest frame when its version
changed, draws it letterboxed and swaps. Everything goes through EGL on Linux (``PYOPENGL_PLATFORM=egl`` and
SDL's ``SDL_VIDEO_X11_FORCE_EGL``), so the same code runs in an X11 window and with no display at all
(``SDL_VIDEODRIVER=offscreen``).

Frames (``gdi.desktop.Frame``) are "rgb" (0x00RRGGBB pixels, an RGBA8 texture) or "indexed" (8-bit palette
indices, an R8 texture, converted by a fragment shader through a 256x1 palette texture); both are uploaded
straight from the frame's array, padded rows included (views of guest memory need no copy). A frame that
views memory the guest may write carries ``valid()``: it is uploaded into a second texture and shown only if
still valid afterwards, so a picture is never half-updated. The guest's cursor is a sprite drawn over it.

Pacing: at most one new picture per 1/60 s (on average; a picture may come early by half a frame to follow a
guest that flips at its own 60 Hz), waiting in ``SDL_WaitEventTimeout`` in between; ``wake()`` (thread-safe,
e.g. from the guest thread after a Flip) makes a waiting step take the new frame at once. The presenter never
waits for the guest: a frame that cannot be taken consistently now is asked for again a little later.

The picture keeps its aspect: pixels are square except in the 4:3 CRT modes (``Frame.pixel_aspect``: 320x200
and 640x400 are shown 4:3), scaled by the largest whole factor (``integer_scaling``) or to fit; mouse
positions go back to guest pixels through the same rectangle (``to_guest``). A guest mode change never changes
the host's video mode. With ``stats_path`` (``EXEPLAY_PRESENT_STATS`` in the command line) the presenter
counts presented frames and times upload + draw + swap, and writes a JSON summary there.

The parts: ``app.present_window`` (picture geometry, the SDL window with its GL context, screenshots),
``app.present_gl`` (shaders, textures, uploads, drawing) and ``app.present_input`` (SDL input -> host events).
"""
from __future__ import annotations

import ctypes
import json
import math
import os
import threading
import time
from collections.abc import Callable
from typing import Any, Self

import numpy as np

from gdi.desktop import Cursor, Frame
from gdi.hostevent import Close, Focus, HostEvent

from . import gamepad

if (os.cpu_count() or 1) < 4:
    # Mesa's software rasterizer (llvmpipe) uses one thread per CPU; on small machines more threads than CPUs
    # finish a picture sooner after the idle gap between frames (2 vCPUs: 2.5 -> 1.7 ms per 640x480 picture).
    # Hardware drivers ignore it.
    os.environ.setdefault("LP_NUM_THREADS", "4")

from .present_gl import Renderer, upload  # after LP_NUM_THREADS (Mesa reads it)
from .present_input import HostInput
from .present_window import (
    PresenterError,
    Rect,
    check,
    create_gl_window,
    fit_rect,
    natural_size,
    pictures_dir,
    to_guest,
    write_screenshot,
)
from .sdlgl import GL, sdl2

__all__ = ["FRAME_SECONDS", "Presenter", "PresenterError", "Rect", "Stats", "fit_rect", "natural_size",
           "pictures_dir", "sdl2", "to_guest"]

FRAME_SECONDS = 1 / 60
"""At most one new picture this often (on average); idle steps wait for input up to the next tick."""
RETRY_SECONDS = 0.002
"""A frame that could not be taken consistently is asked for again this much later (or on wake())."""
MAX_COSTS = 100_000


class Stats:
    """What the presenter did (``EXEPLAY_PRESENT_STATS``): counts and per-picture costs."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.frames = 0          # new pictures shown
        self.presents = 0        # swaps with something new (a picture or the cursor)
        self.torn = 0            # views the guest touched while they were uploaded (not shown)
        self.not_ready = 0       # frame sources that asked to be asked again
        self.kinds: dict[str, int] = {}
        self.costs: list[float] = []   # seconds of upload + draw + swap per new picture
        self.upload: list[float] = []  # seconds of the upload alone
        self.first = 0.0
        self.last = 0.0

    def summary(self) -> dict[str, Any]:
        def ms(xs: list[float], q: float) -> float:
            if not xs:
                return 0.0
            s = sorted(xs)
            return round(1000 * s[min(len(s) - 1, int(q * len(s)))], 3)
        span = self.last - self.first
        return {
            "frames": self.frames, "presents": self.presents, "torn": self.torn, "not_ready": self.not_ready,
            "kinds": self.kinds, "seconds": round(time.monotonic() - self.started, 3),
            "frames_span_seconds": round(span, 3),
            "fps": round((self.frames - 1) / span, 2) if self.frames > 1 and span > 0 else 0.0,
            "cost_ms_mean": round(1000 * sum(self.costs) / len(self.costs), 3) if self.costs else 0.0,
            "cost_ms_p50": ms(self.costs, 0.5), "cost_ms_p95": ms(self.costs, 0.95),
            "cost_ms_max": ms(self.costs, 1.0),
            "upload_ms_mean": round(1000 * sum(self.upload) / len(self.upload), 3) if self.upload else 0.0,
        }


class Presenter:
    """An SDL2 + OpenGL window presenting guest frames and posting host input to the guest.

    ``frame()`` returns a ``gdi.desktop.Frame``, None (not ready: asked again shortly), or the older form
    (pixels, version): a (H, W) uint32 array of 0x00RRGGBB and a number that changes whenever the picture does.
    The optional ``version()`` returns a value that changes whenever anything shown may have, cheaply: when
    given, ``frame()`` is only called once it moved. ``post(ev)`` delivers a ``gdi.hostevent`` event.
    The window opens at ``size`` (window units), else at the first picture's size times ``scale`` (4:3 for
    the CRT modes). SDL's offscreen driver cannot resize a window's GL surface: give it its size here.
    Create, step and close it on one thread (the main thread); only one Presenter may exist at a time
    (SDL's event queue is process-wide). ``wake()`` may be called from any thread.
    """

    def __init__(self, frame: Callable[[], Any], post: Callable[[HostEvent], None],
                 title: str, scale: int | None = None, fullscreen: bool = False,
                 integer_scaling: bool = True, version: Callable[[], object] | None = None,
                 stats_path: str | None = None, size: tuple[int, int] | None = None) -> None:
        self._frame = frame
        self._title = title
        self._mouse_rect: tuple[int, int, int, int] | None = None  # the fullscreen mouse confinement set
        self._initial_size = size
        self._version = version
        self.integer_scaling = integer_scaling
        self.scale = max(1, int(scale or 1))
        self.close_requests = 0
        """How many times the user closed the host window (each one was posted as Close())."""
        self.stats_path = stats_path
        self.stats = Stats()
        self._window: sdl2.SDL_Window | None = None
        self._ctx: sdl2.SDL_GLContext | None = None
        self._sdl_up = False
        self._gl = Renderer()
        self._front = 0                    # the slot on screen
        self._tex_size = (0, 0)            # the picture on screen, guest pixels
        self._kind = ""
        self._aspect = 1.0
        self._pic_version: object = None
        self._cursor: Cursor | None = None
        self._cursor_key: object = None
        self._cursor_size = (0, 0)
        self._drawn_size = (0, 0)
        self._clears_left = 0
        self._auto_size: tuple[int, int] | None = None  # the window size we last chose (the user may change it)
        self._shown_version: object = None
        self._dirty = True
        self._new_content = 0.0           # perf_counter when a new picture's upload began (0: none pending)
        self._earliest = 0.0              # no new picture before this (monotonic)
        self._next_poll = 0.0
        self._retry_at = 0.0
        self._check_now = False
        self._wake_pending = False
        self._last_stats_write = 0.0
        self._event = sdl2.SDL_Event()
        self._input = HostInput(post, self._guest_point, lambda: self.toggle_fullscreen(),
                                lambda: self.save_screenshot())
        self._closed_this_step = False
        try:
            self._open(title, fullscreen)
        except BaseException:
            self.close()
            raise

    # ----------------------------------------------------------------- set-up

    def _first_frame(self) -> Frame:
        """The frame to open with (waits briefly while the source is not ready; falls back to black)."""
        deadline = time.monotonic() + 0.2
        while True:
            v = self._version() if self._version is not None else None
            f = self._as_frame(self._frame())
            if f is not None:
                self._shown_version = None if f.stale else v
                return f
            if time.monotonic() >= deadline:
                return Frame("rgb", np.zeros((480, 640), np.uint32), -1)
            time.sleep(RETRY_SECONDS)

    @staticmethod
    def _as_frame(got: Any) -> Frame | None:
        if got is None or isinstance(got, Frame):
            return got
        pixels, version = got
        return Frame("rgb", pixels, version)

    def _open(self, title: str, fullscreen: bool) -> None:
        if os.environ.get("PYOPENGL_PLATFORM") == "egl":
            sdl2.SDL_SetHint(b"SDL_VIDEO_X11_FORCE_EGL", b"1")
        sdl2.SDL_SetHint(b"SDL_VIDEO_ALLOW_SCREENSAVER", b"1")
        sdl2.SDL_SetHint(b"SDL_MOUSE_FOCUS_CLICKTHROUGH", b"1")
        check(sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS) == 0, "SDL video")
        self._sdl_up = True
        first = self._first_frame()
        ww, wh = self._initial_size or natural_size(first.width, first.height, first.pixel_aspect, self.scale)
        self._window, self._ctx, self._core = create_gl_window(title, (ww, wh), fullscreen)
        self._auto_size = (max(1, ww), max(1, wh))
        sdl2.SDL_GL_MakeCurrent(self._window, self._ctx)
        sdl2.SDL_GL_SetSwapInterval(1)  # may fail (Xvfb, offscreen): step() paces itself anyway
        try:
            self._gl.create(self._core)
        except Exception as e:
            raise PresenterError(f"OpenGL set-up failed: {type(e).__name__}: {e}") from e
        sdl2.SDL_StartTextInput()
        if not self._take(first):
            self._take(self._first_frame())  # the view was torn: a second try (a black picture at worst)
        self._new_content = 0.0

    # ----------------------------------------------------------------- frames

    def _take(self, f: Frame) -> bool:
        """Show frame ``f`` from the next draw on: its picture when new, its cursor. False when the picture was
        a view the guest touched during the upload (nothing changes then)."""
        new_picture = (f.version != self._pic_version or (f.width, f.height) != self._tex_size
                       or f.kind != self._kind)
        if new_picture:
            t0 = time.perf_counter()
            upload(self._gl.slots[1 - self._front], f)
            if f.valid is not None and not f.valid():
                self.stats.torn += 1
                return False
            self.stats.upload.append(time.perf_counter() - t0)
            self._new_content = t0
            if f.kind == "indexed":
                self._gl.upload_palette(f.palette)
            self._front = 1 - self._front
            old, old_aspect = self._tex_size, self._aspect
            self._tex_size, self._kind, self._aspect = (f.width, f.height), f.kind, f.pixel_aspect
            self._pic_version = f.version
            self.stats.kinds[f.kind] = self.stats.kinds.get(f.kind, 0) + 1
            self._dirty = True
            if (f.width, f.height) != old or f.pixel_aspect != old_aspect:
                self._follow_frame_size(old, old_aspect)
        self._take_cursor(f.cursor)
        return True

    def _take_cursor(self, c: Cursor | None) -> None:
        old = self._cursor
        if c is None:
            self._cursor = None
            self._dirty |= old is not None
            return
        if c.key != self._cursor_key:
            self._cursor_key, self._cursor_size = c.key, self._gl.upload_cursor(c.rgba)
            self._dirty = True
        elif old is None or (old.x, old.y) != (c.x, c.y):
            self._dirty = True
        self._cursor = c

    def _follow_frame_size(self, old: tuple[int, int], old_aspect: float) -> None:
        """The guest changed resolution: a window still at the size we gave it takes the new picture's size at
        the largest whole scale (at least ``scale``) that keeps it about as large as it was."""
        if old == (0, 0) or self.fullscreen or self._window is None:
            return
        w, h = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GetWindowSize(self._window, ctypes.byref(w), ctypes.byref(h))
        if (w.value, h.value) != self._auto_size:
            return  # the user sized it: the picture is scaled into it
        nw, nh = natural_size(self._tex_size[0], self._tex_size[1], self._aspect, 1)
        k = max(self.scale, math.floor(min(w.value / max(nw, 1), h.value / max(nh, 1)) + 1e-9))
        size = natural_size(self._tex_size[0], self._tex_size[1], self._aspect, k)
        sdl2.SDL_SetWindowSize(self._window, *size)
        self._auto_size = size

    def _refresh_frame(self, now: float) -> None:
        """Take the guest's frame if it (or the cursor) changed; ask again soon when it is not ready."""
        retry = self._retry_at != 0.0
        self._retry_at = 0.0
        v = self._version() if self._version is not None else None
        if v is not None and v == self._shown_version and not retry:
            return
        f = self._as_frame(self._frame())
        if f is None:
            self.stats.not_ready += 1
            self._retry_at = now + RETRY_SECONDS
            return
        dirty = self._dirty
        self._dirty = False
        if not self._take(f):
            self._dirty = dirty
            self._retry_at = now + RETRY_SECONDS
            return
        self._shown_version = None if f.stale else v
        if self._dirty:  # something new to show: the next one waits a frame (on average)
            self._earliest = max(self._earliest + FRAME_SECONDS, now + FRAME_SECONDS / 2)
        self._dirty |= dirty

    def drawable_size(self) -> tuple[int, int]:
        """The window's size in GL pixels (larger than its size in window units on high-DPI screens)."""
        w, h = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GL_GetDrawableSize(self._window, ctypes.byref(w), ctypes.byref(h))
        return w.value, h.value

    def picture_rect(self) -> Rect:
        """Where the guest picture is drawn in the drawable (top-left origin, GL pixels)."""
        dw, dh = self.drawable_size()
        return fit_rect(dw, dh, self._tex_size[0], self._tex_size[1], self.integer_scaling, self._aspect)

    @property
    def frame_kind(self) -> str:
        """"rgb" or "indexed": how the picture on screen was uploaded."""
        return self._kind

    def _draw(self) -> None:
        dw, dh = self.drawable_size()
        x, y, w, h = self.picture_rect()
        self._confine_mouse(x, y, w, h)
        if (dw, dh) != self._drawn_size:
            # a resized drawable: clear its buffers for a few frames (Mesa reallocates them as it validates
            # them, and a picture drawn over an unvalidated buffer can be lost)
            self._drawn_size = (dw, dh)
            self._clears_left = 3
        if (x, y, w, h) != (0, 0, dw, dh) or not self._kind or self._clears_left:
            # borders to blacken (a picture covering the whole drawable needs no clear: ~0.3 ms on llvmpipe)
            self._clears_left = max(0, self._clears_left - 1)
            GL.glViewport(0, 0, dw, dh)
            GL.glClear(GL.GL_COLOR_BUFFER_BIT)
        if w <= 0 or h <= 0 or not self._kind:
            return
        GL.glViewport(x, dh - y - h, w, h)
        self._gl.draw_picture(self._gl.slots[self._front], self._kind)
        c = self._cursor
        if c is not None:
            fw, fh = self._tex_size
            cw, ch = self._cursor_size
            # clip space of the picture's viewport: guest pixels outside it are clipped like draw_cursor() does
            self._gl.draw_cursor((-1 + 2 * c.x / fw, 1 - 2 * (c.y + ch) / fh,
                                  -1 + 2 * (c.x + cw) / fw, 1 - 2 * c.y / fh))

    def read_back(self) -> np.ndarray:
        """Draw the current picture into the back buffer and read it: (H, W) uint32 0x00RRGGBB, top row first."""
        self._draw()
        dw, dh = self.drawable_size()
        return self._gl.read_pixels(dw, dh)

    # ----------------------------------------------------------------- loop

    def step(self) -> bool:
        """Pump input, take a changed frame, draw and swap when needed; False when the user closed the window.

        Each close of the host window is posted as Close() and makes that step return False; the guest
        decides whether to exit, and the window keeps presenting as long as step() is called. With nothing
        to do, waits for input until the next tick (or a wake()) instead of spinning.
        """
        self._closed_this_step = False
        self._pump()
        now = time.monotonic()
        if not self._dirty:
            due = now if self._check_now else self._next_poll
            if self._retry_at:
                due = min(due, self._retry_at)
            due = max(due, self._earliest)
            if now < due:
                wait_ms = max(1, math.ceil((due - now) * 1000))
                if sdl2.SDL_WaitEventTimeout(ctypes.byref(self._event), wait_ms):
                    self._handle(self._event)
                    self._pump()
                now = time.monotonic()
        if now >= self._earliest and (self._check_now or now >= self._next_poll
                                      or (self._retry_at and now >= self._retry_at)):
            self._check_now = False
            if now >= self._next_poll:  # polls keep a steady 60 Hz grid (waits overshoot by up to a millisecond)
                self._next_poll += FRAME_SECONDS
                if self._next_poll <= now:
                    self._next_poll = now + FRAME_SECONDS
            self._refresh_frame(now)
        if self._dirty:
            self._present()
        if self.stats_path and now - self._last_stats_write >= 1.0:
            self._last_stats_write = now
            self.write_stats()
        return not self._closed_this_step

    def _present(self) -> None:
        self._draw()
        sdl2.SDL_GL_SwapWindow(self._window)
        self._dirty = False
        st = self.stats
        st.presents += 1
        if self._new_content:
            if self.stats_path:
                GL.glFinish()  # count the rendering itself, not only its submission
                if len(st.costs) < MAX_COSTS:
                    st.costs.append(time.perf_counter() - self._new_content)
            st.frames += 1
            st.last = time.monotonic()
            if st.frames == 1:
                st.first = st.last
            self._new_content = 0.0

    def write_stats(self) -> None:
        """Write the stats summary as JSON to ``stats_path`` (thread-safe enough: numbers only)."""
        if not self.stats_path:
            return
        tmp = f"{self.stats_path}.{threading.get_ident()}.tmp"  # the guest thread writes it at exit too
        summary = self.stats.summary()
        summary["fullscreen"] = self.fullscreen  # SDL's window flag (an X server without a window manager
        # does not resize the window; with one, the window covers the desktop)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(summary, fh)
        os.replace(tmp, self.stats_path)

    def wake(self) -> None:
        """Make a step() that is waiting return now to take a new frame (thread-safe; cheap when called often:
        at most one wake-up is queued, none while the next picture is not due yet)."""
        if self._wake_pending or self._window is None or time.monotonic() < self._earliest:
            return
        self._wake_pending = True
        ev = sdl2.SDL_Event()
        ev.type = sdl2.SDL_USEREVENT
        sdl2.SDL_PushEvent(ctypes.byref(ev))

    def _pump(self) -> bool:
        had = False
        while sdl2.SDL_PollEvent(ctypes.byref(self._event)):
            had = True
            self._handle(self._event)
        self._flush_move()
        return had

    # ----------------------------------------------------------------- input

    def _send(self, ev: HostEvent) -> None:
        self._input.send(ev)

    def _flush_move(self) -> None:
        self._input.flush_move()

    def _guest_point(self, wx: int, wy: int, clamp: bool) -> tuple[int, int] | None:
        """Window coordinates (SDL mouse units) -> guest screen pixels, None outside the picture."""
        w, h = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GetWindowSize(self._window, ctypes.byref(w), ctypes.byref(h))
        dw, dh = self.drawable_size()
        sx = dw / w.value if w.value > 0 else 1.0
        sy = dh / h.value if h.value > 0 else 1.0
        fw, fh = self._tex_size
        return to_guest((wx + 0.5) * sx - 0.5, (wy + 0.5) * sy - 0.5, self.picture_rect(), fw, fh, clamp)

    def _handle(self, ev: sdl2.SDL_Event) -> None:
        t = ev.type
        if t in (sdl2.SDL_KEYDOWN, sdl2.SDL_KEYUP):
            self._input.key(ev.key, t == sdl2.SDL_KEYDOWN)
        elif t == sdl2.SDL_TEXTINPUT:
            self._input.text(ev.text.text)
        elif t == sdl2.SDL_MOUSEMOTION:
            self._input.motion(ev.motion.x, ev.motion.y)
        elif t in (sdl2.SDL_MOUSEBUTTONDOWN, sdl2.SDL_MOUSEBUTTONUP):
            self._input.button(ev.button, t == sdl2.SDL_MOUSEBUTTONDOWN)
        elif t == sdl2.SDL_MOUSEWHEEL:
            self._input.wheel(ev.wheel)
        elif t == sdl2.SDL_WINDOWEVENT:
            self._on_window(ev.window.event)
        elif t == sdl2.SDL_QUIT:
            self._request_close()
        elif t == sdl2.SDL_USEREVENT:
            self._wake_pending = False
            self._check_now = True
        elif gamepad.is_sdl_event(t):  # joystick / game controller events (hot-plug, buttons): app/gamepad.py
            gamepad.handle_sdl_event(ev)

    def _on_window(self, what: int) -> None:
        if what in (sdl2.SDL_WINDOWEVENT_EXPOSED, sdl2.SDL_WINDOWEVENT_SIZE_CHANGED, sdl2.SDL_WINDOWEVENT_RESIZED,
                    sdl2.SDL_WINDOWEVENT_SHOWN, sdl2.SDL_WINDOWEVENT_RESTORED, sdl2.SDL_WINDOWEVENT_MAXIMIZED):
            self._dirty = True
        elif what == sdl2.SDL_WINDOWEVENT_FOCUS_GAINED:
            self._send(Focus(True))
        elif what == sdl2.SDL_WINDOWEVENT_FOCUS_LOST:
            self._input.release_all()
            self._send(Focus(False))
        elif what == sdl2.SDL_WINDOWEVENT_CLOSE:
            self._request_close()

    def _request_close(self) -> None:
        if self._closed_this_step:  # SDL sends both WINDOWEVENT_CLOSE and QUIT for one click
            return
        self._closed_this_step = True
        self.close_requests += 1
        self._send(Close())

    # ----------------------------------------------------------------- window

    @property
    def fullscreen(self) -> bool:
        """Whether the window covers the desktop (SDL_WINDOW_FULLSCREEN_DESKTOP: the video mode never changes)."""
        if self._window is None:
            return False
        flags = sdl2.SDL_GetWindowFlags(self._window)
        return (flags & sdl2.SDL_WINDOW_FULLSCREEN_DESKTOP) == sdl2.SDL_WINDOW_FULLSCREEN_DESKTOP

    def set_fullscreen(self, on: bool) -> None:
        """Enter or leave desktop fullscreen."""
        if self._window is not None:
            sdl2.SDL_SetWindowFullscreen(self._window, sdl2.SDL_WINDOW_FULLSCREEN_DESKTOP if on else 0)
            self._dirty = True

    def save_screenshot(self) -> str | None:
        """F12: the guest's picture as it is now (its own resolution, no scaling) as a PNG in the user's pictures
        folder (``EXEPLAY_SCREENSHOT_DIR`` overrides it); returns the path, or None when there was no picture."""
        f = self._as_frame(self._frame())
        if f is None:
            return None
        return write_screenshot(f, self._title)

    def _confine_mouse(self, x: int, y: int, w: int, h: int) -> None:
        """In fullscreen the mouse stays on the picture (SDL_SetWindowMouseRect, in window units)."""
        want: tuple[int, int, int, int] | None = None
        if self.fullscreen and w > 0 and h > 0:
            dw, dh = self.drawable_size()
            ww, wh = ctypes.c_int(), ctypes.c_int()
            sdl2.SDL_GetWindowSize(self._window, ctypes.byref(ww), ctypes.byref(wh))
            sx, sy = dw / max(1, ww.value), dh / max(1, wh.value)
            want = (int(x / sx), int(y / sy), max(1, int(w / sx)), max(1, int(h / sy)))
        if want != self._mouse_rect:
            self._mouse_rect = want
            r = sdl2.SDL_Rect(*want) if want is not None else None
            sdl2.SDL_SetWindowMouseRect(self._window, ctypes.byref(r) if r is not None else None)

    def toggle_fullscreen(self) -> None:
        """Alt+Enter."""
        self.set_fullscreen(not self.fullscreen)

    @property
    def sdl_window(self) -> sdl2.SDL_Window | None:
        """The SDL window (None once closed), for callers that need more of SDL (icons, native handles)."""
        return self._window

    @property
    def window_id(self) -> int:
        """SDL's id for the window (0 once closed)."""
        return int(sdl2.SDL_GetWindowID(self._window)) if self._window is not None else 0

    def close(self) -> None:
        """Destroy the GL objects, the context and the window; shut SDL video down. Idempotent."""
        if self.stats_path:
            try:
                self.write_stats()
            except OSError:
                pass
        if self._ctx:
            sdl2.SDL_GL_MakeCurrent(self._window, self._ctx)
            self._gl.delete()
            sdl2.SDL_GL_DeleteContext(self._ctx)
            self._ctx = None
        self._gl.forget()
        if self._window:
            sdl2.SDL_StopTextInput()
            sdl2.SDL_DestroyWindow(self._window)
            self._window = None
        if self._sdl_up:
            sdl2.SDL_QuitSubSystem(sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS)
            self._sdl_up = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
