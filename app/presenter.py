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
"""
from __future__ import annotations

import ctypes
import json
import math
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any, Self

import numpy as np

from gdi.desktop import Cursor, Frame
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

from . import gamepad, keymap

if sys.platform.startswith("linux") and "OpenGL" not in sys.modules:
    # PyOpenGL picks its platform at first import; SDL is told to make EGL contexts to match
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
if (os.cpu_count() or 1) < 4:
    # Mesa's software rasterizer (llvmpipe) uses one thread per CPU; on small machines more threads than CPUs
    # finish a picture sooner after the idle gap between frames (2 vCPUs: 2.5 -> 1.7 ms per 640x480 picture).
    # Hardware drivers ignore it.
    os.environ.setdefault("LP_NUM_THREADS", "4")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pysdl2 announces that it uses pysdl2-dll's bundled library
    import sdl2

from OpenGL import GL

FRAME_SECONDS = 1 / 60
"""At most one new picture this often (on average); idle steps wait for input up to the next tick."""
RETRY_SECONDS = 0.002
"""A frame that could not be taken consistently is asked for again this much later (or on wake())."""
MAX_COSTS = 100_000

_SDL_BUTTON_TO_GUEST = {sdl2.SDL_BUTTON_LEFT: 1, sdl2.SDL_BUTTON_RIGHT: 2, sdl2.SDL_BUTTON_MIDDLE: 3}

# One vertex shader for every quad: the unit quad (-1..1) is placed at ``rect`` (x0, y0, x1, y1 in clip space).
_VS = {
    "330": """#version 330 core
layout(location = 0) in vec2 pos;
uniform vec4 rect;
out vec2 uv;
void main() {
    vec2 t = (pos + 1.0) * 0.5;
    uv = vec2(t.x, 1.0 - t.y);
    gl_Position = vec4(mix(rect.xy, rect.zw, t), 0.0, 1.0);
}
""",
    "120": """#version 120
attribute vec2 pos;
uniform vec4 rect;
varying vec2 uv;
void main() {
    vec2 t = (pos + 1.0) * 0.5;
    uv = vec2(t.x, 1.0 - t.y);
    gl_Position = vec4(mix(rect.xy, rect.zw, t), 0.0, 1.0);
}
""",
}
_FS = {
    ("330", "rgb"): """#version 330 core
uniform sampler2D tex;
in vec2 uv;
out vec4 color;
void main() { color = vec4(texture(tex, uv).rgb, 1.0); }
""",
    ("330", "indexed"): """#version 330 core
uniform sampler2D tex;
uniform sampler2D pal;
in vec2 uv;
out vec4 color;
void main() {
    int i = int(texture(tex, uv).r * 255.0 + 0.5);
    color = vec4(texelFetch(pal, ivec2(i, 0), 0).rgb, 1.0);
}
""",
    ("330", "sprite"): """#version 330 core
uniform sampler2D tex;
in vec2 uv;
out vec4 color;
void main() {
    vec4 c = texture(tex, uv);
    if (c.a < 0.5) discard;
    color = vec4(c.rgb, 1.0);
}
""",
    ("120", "rgb"): """#version 120
uniform sampler2D tex;
varying vec2 uv;
void main() { gl_FragColor = vec4(texture2D(tex, uv).rgb, 1.0); }
""",
    ("120", "indexed"): """#version 120
uniform sampler2D tex;
uniform sampler2D pal;
varying vec2 uv;
void main() {
    float i = floor(texture2D(tex, uv).r * 255.0 + 0.5);
    gl_FragColor = vec4(texture2D(pal, vec2((i + 0.5) / 256.0, 0.5)).rgb, 1.0);
}
""",
    ("120", "sprite"): """#version 120
uniform sampler2D tex;
varying vec2 uv;
void main() {
    vec4 c = texture2D(tex, uv);
    if (c.a < 0.5) discard;
    gl_FragColor = vec4(c.rgb, 1.0);
}
""",
}


class PresenterError(RuntimeError):
    """SDL or OpenGL could not be initialised (no display, no GL driver...)."""


Rect = tuple[int, int, int, int]
"""x, y, width, height with a top-left origin."""


def pictures_dir() -> str:
    """The user's pictures folder (XDG_PICTURES_DIR from user-dirs.dirs, else ~/Pictures)."""
    home = os.path.expanduser("~")
    conf = os.path.join(os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config"), "user-dirs.dirs")
    try:
        with open(conf, encoding="utf-8") as fh:
            for line in fh:
                key, _, val = line.strip().partition("=")
                if key == "XDG_PICTURES_DIR" and val:
                    return os.path.expandvars(val.strip('"').replace("$HOME", home))
    except OSError:
        pass
    return os.path.join(home, "Pictures")


def fit_rect(out_w: int, out_h: int, fw: int, fh: int, integer_scaling: bool = True,
             pixel_aspect: float = 1.0) -> Rect:
    """Where a fw x fh picture goes in an out_w x out_h drawable: aspect kept, centred, letterboxed.

    ``pixel_aspect`` is how much taller than wide a guest pixel is shown (1.2: 320x200 fills a 4:3 shape).
    With integer_scaling the largest whole scale n that fits (fw * n wide, fh * pixel_aspect * n tall; falling
    back to an exact fit when even 1x does not fit), else the largest exact fit.
    """
    if fw <= 0 or fh <= 0 or out_w <= 0 or out_h <= 0:
        return 0, 0, max(out_w, 0), max(out_h, 0)
    dh = fh * pixel_aspect  # the picture's height in units of its pixels' width
    if integer_scaling:
        n = min(out_w // fw, math.floor(out_h / dh + 1e-9))
        while n >= 1 and round(dh * n) > out_h:
            n -= 1
        if n >= 1:
            w, h = fw * n, round(dh * n)
            return (out_w - w) // 2, (out_h - h) // 2, w, h
    if out_w * dh <= out_h * fw:  # width-limited
        w, h = out_w, min(out_h, round(dh * out_w / fw))
    else:
        w, h = min(out_w, round(fw * out_h / dh)), out_h
    return (out_w - w) // 2, (out_h - h) // 2, w, h


def to_guest(x: float, y: float, rect: Rect, fw: int, fh: int, clamp: bool = False) -> tuple[int, int] | None:
    """Map a drawable point (x, y) to guest screen pixels through ``rect`` (from fit_rect).

    (x, y) names the pixel whose top-left corner it is; its centre is what is mapped. Points outside the
    picture give None, or with ``clamp`` the nearest edge pixel.
    """
    rx, ry, rw, rh = rect
    if rw <= 0 or rh <= 0 or fw <= 0 or fh <= 0:
        return None
    gx = math.floor((x + 0.5 - rx) * fw / rw)
    gy = math.floor((y + 0.5 - ry) * fh / rh)
    if 0 <= gx < fw and 0 <= gy < fh:
        return gx, gy
    if not clamp:
        return None
    return min(max(gx, 0), fw - 1), min(max(gy, 0), fh - 1)


def natural_size(fw: int, fh: int, pixel_aspect: float, scale: int) -> tuple[int, int]:
    """The window size that shows a fw x fh picture at ``scale`` with its aspect."""
    return fw * scale, round(fh * pixel_aspect * scale)


def _check(ok: object, what: str) -> None:
    if not ok:
        err = sdl2.SDL_GetError().decode("utf-8", "replace")
        raise PresenterError(f"{what}: {err}")


class _Slot:
    """A picture texture and what it holds."""

    def __init__(self, tex: int) -> None:
        self.tex = tex
        self.kind = ""
        self.size = (0, 0)


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
        self._post = post
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
        self._progs: dict[str, int] = {}
        self._rect_loc: dict[str, int] = {}
        self._vao = 0
        self._vbo = 0
        self._slots: list[_Slot] = []
        self._front = 0                    # the slot on screen
        self._pal_tex = 0
        self._cursor_tex = 0
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
        self._keys_down: dict[int, Key] = {}     # SDL scancode -> the Key posted for its press
        self._swallowed: set[int] = set()        # scancodes whose press toggled fullscreen (not forwarded)
        self._buttons_down: set[int] = set()     # guest button numbers pressed and not released
        self._mouse: tuple[int, int] | None = None  # last guest position posted
        self._pending_move: tuple[int, int] | None = None
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
        _check(sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS) == 0, "SDL video")
        self._sdl_up = True
        first = self._first_frame()
        ww, wh = self._initial_size or natural_size(first.width, first.height, first.pixel_aspect, self.scale)
        flags = sdl2.SDL_WINDOW_OPENGL | sdl2.SDL_WINDOW_RESIZABLE | sdl2.SDL_WINDOW_ALLOW_HIGHDPI
        if fullscreen:
            flags |= sdl2.SDL_WINDOW_FULLSCREEN_DESKTOP
        err = ""
        for profile in ("core", "compat"):
            sdl2.SDL_GL_ResetAttributes()
            sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_DOUBLEBUFFER, 1)
            if profile == "core":
                sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_CONTEXT_MAJOR_VERSION, 3)
                sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_CONTEXT_MINOR_VERSION, 3)
                sdl2.SDL_GL_SetAttribute(sdl2.SDL_GL_CONTEXT_PROFILE_MASK, sdl2.SDL_GL_CONTEXT_PROFILE_CORE)
            self._window = sdl2.SDL_CreateWindow(title.encode("utf-8"), sdl2.SDL_WINDOWPOS_CENTERED,
                                                 sdl2.SDL_WINDOWPOS_CENTERED, max(1, ww), max(1, wh), flags)
            if self._window:
                self._ctx = sdl2.SDL_GL_CreateContext(self._window)
                if self._ctx:
                    self._core = profile == "core"
                    break
                err = sdl2.SDL_GetError().decode("utf-8", "replace")
                sdl2.SDL_DestroyWindow(self._window)
                self._window = None
            else:
                err = sdl2.SDL_GetError().decode("utf-8", "replace")
        if not self._ctx:
            raise PresenterError(f"no OpenGL context: {err}")
        self._auto_size = (max(1, ww), max(1, wh))
        sdl2.SDL_GL_MakeCurrent(self._window, self._ctx)
        sdl2.SDL_GL_SetSwapInterval(1)  # may fail (Xvfb, offscreen): step() paces itself anyway
        try:
            self._init_gl()
        except Exception as e:
            raise PresenterError(f"OpenGL set-up failed: {type(e).__name__}: {e}") from e
        sdl2.SDL_StartTextInput()
        if not self._take(first):
            self._take(self._first_frame())  # the view was torn: a second try (a black picture at worst)
        self._new_content = 0.0

    def _init_gl(self) -> None:
        glsl = "330" if self._core else "120"
        for kind in ("rgb", "indexed", "sprite"):
            prog = GL.glCreateProgram()
            for stage, src in ((GL.GL_VERTEX_SHADER, _VS[glsl]), (GL.GL_FRAGMENT_SHADER, _FS[glsl, kind])):
                sh = GL.glCreateShader(stage)
                GL.glShaderSource(sh, src)
                GL.glCompileShader(sh)
                if not GL.glGetShaderiv(sh, GL.GL_COMPILE_STATUS):
                    raise PresenterError(f"{kind} shader: {GL.glGetShaderInfoLog(sh)!r}")
                GL.glAttachShader(prog, sh)
                GL.glDeleteShader(sh)
            GL.glBindAttribLocation(prog, 0, "pos")
            GL.glLinkProgram(prog)
            if not GL.glGetProgramiv(prog, GL.GL_LINK_STATUS):
                raise PresenterError(f"{kind} shader link: {GL.glGetProgramInfoLog(prog)!r}")
            self._progs[kind] = prog
            GL.glUseProgram(prog)
            GL.glUniform1i(GL.glGetUniformLocation(prog, "tex"), 0)
            if kind == "indexed":
                GL.glUniform1i(GL.glGetUniformLocation(prog, "pal"), 1)
            self._rect_loc[kind] = GL.glGetUniformLocation(prog, "rect")
        if self._core:
            self._vao = int(GL.glGenVertexArrays(1))
            GL.glBindVertexArray(self._vao)
        self._vbo = int(GL.glGenBuffers(1))
        GL.glBindBuffer(GL.GL_ARRAY_BUFFER, self._vbo)
        quad = np.array([-1, -1, 1, -1, -1, 1, 1, 1], dtype=np.float32)
        GL.glBufferData(GL.GL_ARRAY_BUFFER, quad.nbytes, quad, GL.GL_STATIC_DRAW)
        GL.glEnableVertexAttribArray(0)
        GL.glVertexAttribPointer(0, 2, GL.GL_FLOAT, GL.GL_FALSE, 0, ctypes.c_void_p(0))
        texs = [int(t) for t in GL.glGenTextures(4)]
        self._slots = [_Slot(texs[0]), _Slot(texs[1])]
        self._pal_tex, self._cursor_tex = texs[2], texs[3]
        for t in texs:
            GL.glBindTexture(GL.GL_TEXTURE_2D, t)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE)
            GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self._pal_tex)
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, 256, 1, 0, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV,
                        np.zeros(256, np.uint32))
        GL.glClearColor(0.0, 0.0, 0.0, 1.0)

    # ----------------------------------------------------------------- frames

    def _upload(self, slot: _Slot, f: Frame) -> None:
        """Copy a frame's pixels into ``slot``'s texture (reallocated when the kind or size changed)."""
        px = f.pixels
        if f.kind == "indexed":
            size, fmt, typ, internal = 1, GL.GL_RED, GL.GL_UNSIGNED_BYTE, GL.GL_R8
        elif f.kind == "rgb":
            size, fmt, typ, internal = 4, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV, GL.GL_RGBA8
        else:
            raise ValueError(f"unknown frame kind {f.kind!r}")
        if px.ndim != 2 or px.dtype.itemsize != size:
            raise ValueError(f"{f.kind} frame must be (H, W) {8 * size}-bit pixels, got {px.shape} {px.dtype}")
        if px.strides[1] != size or px.strides[0] % size or px.strides[0] < size * px.shape[1]:
            px = np.ascontiguousarray(px)
        fh, fw = px.shape
        GL.glBindTexture(GL.GL_TEXTURE_2D, slot.tex)
        if (fw, fh) != slot.size or f.kind != slot.kind:
            GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, internal, fw, fh, 0, fmt, typ, None)
            slot.size, slot.kind = (fw, fh), f.kind
        # rows may be padded (a view into a larger buffer, a surface's pitch): GL skips the padding, no copy
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1 if size == 1 else 4)
        GL.glPixelStorei(GL.GL_UNPACK_ROW_LENGTH, px.strides[0] // size)
        GL.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, fw, fh, fmt, typ, ctypes.c_void_p(px.ctypes.data))
        GL.glPixelStorei(GL.GL_UNPACK_ROW_LENGTH, 0)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)

    def _take(self, f: Frame) -> bool:
        """Show frame ``f`` from the next draw on: its picture when new, its cursor. False when the picture was
        a view the guest touched during the upload (nothing changes then)."""
        new_picture = (f.version != self._pic_version or (f.width, f.height) != self._tex_size
                       or f.kind != self._kind)
        if new_picture:
            t0 = time.perf_counter()
            back = self._slots[1 - self._front]
            self._upload(back, f)
            if f.valid is not None and not f.valid():
                self.stats.torn += 1
                return False
            self.stats.upload.append(time.perf_counter() - t0)
            self._new_content = t0
            if f.kind == "indexed":
                pal = np.ascontiguousarray(f.palette if f.palette is not None else np.zeros(256, np.uint32),
                                           dtype=np.uint32)
                GL.glBindTexture(GL.GL_TEXTURE_2D, self._pal_tex)
                GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
                GL.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, min(256, pal.size), 1, GL.GL_BGRA,
                                   GL.GL_UNSIGNED_INT_8_8_8_8_REV, ctypes.c_void_p(pal.ctypes.data))
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
            rgba = np.ascontiguousarray(c.rgba, dtype=np.uint8)
            h, w = rgba.shape[:2]
            GL.glBindTexture(GL.GL_TEXTURE_2D, self._cursor_tex)
            GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1)
            GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, w, h, 0, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE, rgba)
            GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
            self._cursor_key, self._cursor_size = c.key, (w, h)
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

    def _quad(self, kind: str, rect: tuple[float, float, float, float]) -> None:
        GL.glUseProgram(self._progs[kind])
        GL.glUniform4f(self._rect_loc[kind], *rect)
        GL.glDrawArrays(GL.GL_TRIANGLE_STRIP, 0, 4)

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
        GL.glActiveTexture(GL.GL_TEXTURE0)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self._slots[self._front].tex)
        if self._kind == "indexed":
            GL.glActiveTexture(GL.GL_TEXTURE1)
            GL.glBindTexture(GL.GL_TEXTURE_2D, self._pal_tex)
            GL.glActiveTexture(GL.GL_TEXTURE0)
        self._quad(self._kind, (-1.0, -1.0, 1.0, 1.0))
        c = self._cursor
        if c is not None:
            fw, fh = self._tex_size
            cw, ch = self._cursor_size
            GL.glBindTexture(GL.GL_TEXTURE_2D, self._cursor_tex)
            # clip space of the picture's viewport: guest pixels outside it are clipped like draw_cursor() does
            self._quad("sprite", (-1 + 2 * c.x / fw, 1 - 2 * (c.y + ch) / fh,
                                  -1 + 2 * (c.x + cw) / fw, 1 - 2 * c.y / fh))

    def read_back(self) -> np.ndarray:
        """Draw the current picture into the back buffer and read it: (H, W) uint32 0x00RRGGBB, top row first."""
        self._draw()
        GL.glFinish()
        dw, dh = self.drawable_size()
        out = np.empty((dh, dw), dtype=np.uint32)
        GL.glReadBuffer(GL.GL_BACK)
        GL.glPixelStorei(GL.GL_PACK_ALIGNMENT, 4)
        GL.glReadPixels(0, 0, dw, dh, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV, ctypes.c_void_p(out.ctypes.data))
        return out[::-1] & 0x00FFFFFF

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
        self._flush_move()
        self._post(ev)

    def _flush_move(self) -> None:
        if self._pending_move is not None:
            x, y = self._pending_move
            self._pending_move = None
            self._post(MouseMove(x, y))

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
            self._on_key(ev.key, t == sdl2.SDL_KEYDOWN)
        elif t == sdl2.SDL_TEXTINPUT:
            text = ev.text.text.decode("utf-8", "replace")
            if text:
                self._send(Text(text))
        elif t == sdl2.SDL_MOUSEMOTION:
            p = self._guest_point(ev.motion.x, ev.motion.y, clamp=bool(self._buttons_down))
            if p is not None and p != self._mouse:
                self._mouse = p
                self._pending_move = p
        elif t in (sdl2.SDL_MOUSEBUTTONDOWN, sdl2.SDL_MOUSEBUTTONUP):
            self._on_button(ev.button, t == sdl2.SDL_MOUSEBUTTONDOWN)
        elif t == sdl2.SDL_MOUSEWHEEL:
            self._on_wheel(ev.wheel)
        elif t == sdl2.SDL_WINDOWEVENT:
            self._on_window(ev.window.event)
        elif t == sdl2.SDL_QUIT:
            self._request_close()
        elif t == sdl2.SDL_USEREVENT:
            self._wake_pending = False
            self._check_now = True
        elif gamepad.is_sdl_event(t):  # joystick / game controller events (hot-plug, buttons): app/gamepad.py
            gamepad.handle_sdl_event(ev)

    def _on_key(self, k: sdl2.SDL_KeyboardEvent, down: bool) -> None:
        sc = k.keysym.scancode
        mod = k.keysym.mod
        if down and sc in (keymap.SCANCODE_RETURN, keymap.SCANCODE_KP_ENTER) and mod & keymap.KMOD_ALT \
                and not mod & keymap.KMOD_CTRL:
            if not k.repeat:
                self.toggle_fullscreen()
            self._swallowed.add(sc)
            return
        if down and sc == sdl2.SDL_SCANCODE_F12 and not mod & (keymap.KMOD_ALT | keymap.KMOD_CTRL):
            if not k.repeat:
                self.save_screenshot()
            self._swallowed.add(sc)
            return
        if sc in self._swallowed:
            if not down:
                self._swallowed.discard(sc)
            return
        if down:
            prev = self._keys_down.get(sc) if k.repeat else None
            wk = keymap.translate_key(sc, k.keysym.sym, mod)
            if wk is None:
                return
            key = prev if prev is not None else Key(wk.vk, True, wk.scan, wk.extended)
            self._keys_down[sc] = key
            self._send(key)
            text = keymap.control_text(key.vk, mod)
            if text is not None:
                self._send(Text(text))
        else:
            pressed = self._keys_down.pop(sc, None)
            if pressed is not None:  # the release carries the VK its press had (NumLock/Shift may differ now)
                self._send(Key(pressed.vk, False, pressed.scan, pressed.extended))
            else:
                wk = keymap.translate_key(sc, k.keysym.sym, mod)
                if wk is not None:
                    self._send(Key(wk.vk, False, wk.scan, wk.extended))

    def _on_button(self, b: sdl2.SDL_MouseButtonEvent, down: bool) -> None:
        button = _SDL_BUTTON_TO_GUEST.get(b.button)
        if button is None:
            return
        if not down and button not in self._buttons_down:
            return  # its press was outside the picture: the guest never saw it
        p = self._guest_point(b.x, b.y, clamp=not down)
        if p is None:
            return
        if down:
            self._buttons_down.add(button)
        else:
            self._buttons_down.discard(button)
        self._mouse = p
        self._send(MouseButton(button, down, p[0], p[1]))

    def _on_wheel(self, w: sdl2.SDL_MouseWheelEvent) -> None:
        dy = w.preciseY if w.preciseY else float(w.y)
        if w.direction == sdl2.SDL_MOUSEWHEEL_FLIPPED:
            dy = -dy
        delta = round(dy * 120)
        if not delta:
            return
        p = self._guest_point(w.mouseX, w.mouseY, clamp=False)
        if p is not None:
            self._send(MouseWheel(delta, p[0], p[1]))

    def _on_window(self, what: int) -> None:
        if what in (sdl2.SDL_WINDOWEVENT_EXPOSED, sdl2.SDL_WINDOWEVENT_SIZE_CHANGED, sdl2.SDL_WINDOWEVENT_RESIZED,
                    sdl2.SDL_WINDOWEVENT_SHOWN, sdl2.SDL_WINDOWEVENT_RESTORED, sdl2.SDL_WINDOWEVENT_MAXIMIZED):
            self._dirty = True
        elif what == sdl2.SDL_WINDOWEVENT_FOCUS_GAINED:
            self._send(Focus(True))
        elif what == sdl2.SDL_WINDOWEVENT_FOCUS_LOST:
            self._release_all()
            self._send(Focus(False))
        elif what == sdl2.SDL_WINDOWEVENT_CLOSE:
            self._request_close()

    def _release_all(self) -> None:
        """Keys and buttons held when the host window loses focus are released for the guest too."""
        for key in list(self._keys_down.values()):
            self._send(Key(key.vk, False, key.scan, key.extended))
        self._keys_down.clear()
        self._swallowed.clear()
        x, y = self._mouse if self._mouse is not None else (0, 0)
        for button in sorted(self._buttons_down):
            self._send(MouseButton(button, False, x, y))
        self._buttons_down.clear()

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
        px = np.asarray(f.pixels) & (0xFFFFFF if f.kind != "indexed" else 0xFF)
        rgb32 = f.palette[px] if f.kind == "indexed" and f.palette is not None else px
        rgb = np.empty(rgb32.shape + (3,), np.uint8)
        rgb[..., 0] = (rgb32 >> 16) & 0xFF
        rgb[..., 1] = (rgb32 >> 8) & 0xFF
        rgb[..., 2] = rgb32 & 0xFF
        folder = os.environ.get("EXEPLAY_SCREENSHOT_DIR") or os.path.join(pictures_dir(), "exeplay")
        os.makedirs(folder, exist_ok=True)
        stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in os.path.splitext(self._title)[0]) or "exeplay"
        path = os.path.join(folder, f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}.png")
        n = 1
        while os.path.exists(path):
            n += 1
            path = os.path.join(folder, f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}-{n}.png")
        from PIL import Image  # noqa: PLC0415
        Image.fromarray(rgb, "RGB").save(path)
        sys.stderr.write(f"exeplay: screenshot saved to {path}\n")
        return path

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
            try:
                texs = [s.tex for s in self._slots] + [t for t in (self._pal_tex, self._cursor_tex) if t]
                if texs:
                    GL.glDeleteTextures(len(texs), texs)
                if self._vbo:
                    GL.glDeleteBuffers(1, [self._vbo])
                if self._vao:
                    GL.glDeleteVertexArrays(1, [self._vao])
                for prog in self._progs.values():
                    GL.glDeleteProgram(prog)
            except Exception:  # noqa: BLE001, S110 - the context is going away regardless
                pass
            sdl2.SDL_GL_DeleteContext(self._ctx)
            self._ctx = None
        self._slots = []
        self._progs = {}
        self._pal_tex = self._cursor_tex = self._vbo = self._vao = 0
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
