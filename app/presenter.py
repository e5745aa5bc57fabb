"""The presenter: an SDL2 window with an OpenGL texture showing the guest screen, and host input fed back.

Runs on the host main thread; the guest runs on its own thread. ``Presenter.step()`` pumps SDL events
(translated into ``gdi.hostevent`` events and handed to ``post``), re-uploads the guest frame when its
version changed, draws a letterboxed textured quad and swaps. Everything goes through EGL on Linux
(``PYOPENGL_PLATFORM=egl`` and SDL's ``SDL_VIDEO_X11_FORCE_EGL``), so the same code runs in an X11
window and with no display at all (``SDL_VIDEODRIVER=offscreen``).
"""
from __future__ import annotations

import ctypes
import math
import os
import sys
import time
import warnings
from collections.abc import Callable
from typing import Self

import numpy as np

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

from . import keymap

if sys.platform.startswith("linux") and "OpenGL" not in sys.modules:
    # PyOpenGL picks its platform at first import; SDL is told to make EGL contexts to match
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pysdl2 announces that it uses pysdl2-dll's bundled library
    import sdl2

from OpenGL import GL

FRAME_SECONDS = 1 / 60
"""Present at most this often when nothing else happens: step() waits for events up to the next tick."""

_SDL_BUTTON_TO_GUEST = {sdl2.SDL_BUTTON_LEFT: 1, sdl2.SDL_BUTTON_RIGHT: 2, sdl2.SDL_BUTTON_MIDDLE: 3}

_VS_330 = """#version 330 core
layout(location = 0) in vec2 pos;
out vec2 uv;
void main() { uv = vec2(pos.x + 1.0, 1.0 - pos.y) * 0.5; gl_Position = vec4(pos, 0.0, 1.0); }
"""
_FS_330 = """#version 330 core
uniform sampler2D tex;
in vec2 uv;
out vec4 color;
void main() { color = vec4(texture(tex, uv).rgb, 1.0); }
"""
_VS_120 = """#version 120
attribute vec2 pos;
varying vec2 uv;
void main() { uv = vec2(pos.x + 1.0, 1.0 - pos.y) * 0.5; gl_Position = vec4(pos, 0.0, 1.0); }
"""
_FS_120 = """#version 120
uniform sampler2D tex;
varying vec2 uv;
void main() { gl_FragColor = vec4(texture2D(tex, uv).rgb, 1.0); }
"""


class PresenterError(RuntimeError):
    """SDL or OpenGL could not be initialised (no display, no GL driver...)."""


Rect = tuple[int, int, int, int]
"""x, y, width, height with a top-left origin."""


def fit_rect(out_w: int, out_h: int, fw: int, fh: int, integer_scaling: bool = True) -> Rect:
    """Where a fw x fh picture goes in an out_w x out_h drawable: aspect kept, centred, letterboxed.

    With integer_scaling the largest whole scale that fits (falling back to an exact fit when even 1x
    does not fit), else the largest exact fit.
    """
    if fw <= 0 or fh <= 0 or out_w <= 0 or out_h <= 0:
        return 0, 0, max(out_w, 0), max(out_h, 0)
    s = min(out_w / fw, out_h / fh)
    if integer_scaling and s >= 1:
        n = int(s)
        w, h = fw * n, fh * n
    elif out_w * fh <= out_h * fw:  # width-limited
        w, h = out_w, min(out_h, round(fh * out_w / fw))
    else:
        w, h = min(out_w, round(fw * out_h / fh)), out_h
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


def _check(ok: object, what: str) -> None:
    if not ok:
        err = sdl2.SDL_GetError().decode("utf-8", "replace")
        raise PresenterError(f"{what}: {err}")


class Presenter:
    """An SDL2 + OpenGL window presenting guest frames and posting host input to the guest.

    ``frame()`` returns (pixels, version): a (H, W) uint32 array of 0x00RRGGBB and a number that changes
    whenever the picture does. The optional ``version()`` returns that number alone, cheaply: when given,
    ``frame()`` is only called once the version moved. ``post(ev)`` delivers a ``gdi.hostevent`` event.
    Create, step and close it on one thread (the main thread); only one Presenter may exist at a time
    (SDL's event queue is process-wide).
    """

    def __init__(self, frame: Callable[[], tuple[np.ndarray, int]], post: Callable[[HostEvent], None],
                 title: str, scale: int | None = None, fullscreen: bool = False,
                 integer_scaling: bool = True, version: Callable[[], int] | None = None) -> None:
        self._frame = frame
        self._post = post
        self._version = version
        self.integer_scaling = integer_scaling
        self.scale = max(1, int(scale or 1))
        self.close_requests = 0
        """How many times the user closed the host window (each one was posted as Close())."""
        self._window: sdl2.SDL_Window | None = None
        self._ctx: sdl2.SDL_GLContext | None = None
        self._sdl_up = False
        self._prog = 0
        self._vao = 0
        self._vbo = 0
        self._tex = 0
        self._tex_size = (0, 0)
        self._shown_version: int | None = None
        self._pixels: np.ndarray | None = None
        self._dirty = True
        self._next_tick = 0.0
        self._check_now = False
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

    def _open(self, title: str, fullscreen: bool) -> None:
        if os.environ.get("PYOPENGL_PLATFORM") == "egl":
            sdl2.SDL_SetHint(b"SDL_VIDEO_X11_FORCE_EGL", b"1")
        sdl2.SDL_SetHint(b"SDL_VIDEO_ALLOW_SCREENSAVER", b"1")
        sdl2.SDL_SetHint(b"SDL_MOUSE_FOCUS_CLICKTHROUGH", b"1")
        _check(sdl2.SDL_InitSubSystem(sdl2.SDL_INIT_VIDEO | sdl2.SDL_INIT_EVENTS) == 0, "SDL video")
        self._sdl_up = True
        pixels, version = self._frame()
        fh, fw = pixels.shape[:2]
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
                                                 sdl2.SDL_WINDOWPOS_CENTERED, max(1, fw * self.scale),
                                                 max(1, fh * self.scale),
                                                 flags)
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
        sdl2.SDL_GL_MakeCurrent(self._window, self._ctx)
        sdl2.SDL_GL_SetSwapInterval(1)  # may fail (Xvfb, offscreen): step() paces itself anyway
        try:
            self._init_gl()
        except Exception as e:
            raise PresenterError(f"OpenGL set-up failed: {type(e).__name__}: {e}") from e
        sdl2.SDL_StartTextInput()
        self._upload(pixels, version)

    def _init_gl(self) -> None:
        vs_src, fs_src = (_VS_330, _FS_330) if self._core else (_VS_120, _FS_120)
        prog = GL.glCreateProgram()
        for kind, src in ((GL.GL_VERTEX_SHADER, vs_src), (GL.GL_FRAGMENT_SHADER, fs_src)):
            sh = GL.glCreateShader(kind)
            GL.glShaderSource(sh, src)
            GL.glCompileShader(sh)
            if not GL.glGetShaderiv(sh, GL.GL_COMPILE_STATUS):
                raise PresenterError(f"shader: {GL.glGetShaderInfoLog(sh)!r}")
            GL.glAttachShader(prog, sh)
            GL.glDeleteShader(sh)
        GL.glBindAttribLocation(prog, 0, "pos")
        GL.glLinkProgram(prog)
        if not GL.glGetProgramiv(prog, GL.GL_LINK_STATUS):
            raise PresenterError(f"shader link: {GL.glGetProgramInfoLog(prog)!r}")
        self._prog = prog
        GL.glUseProgram(prog)
        GL.glUniform1i(GL.glGetUniformLocation(prog, "tex"), 0)
        if self._core:
            self._vao = int(GL.glGenVertexArrays(1))
            GL.glBindVertexArray(self._vao)
        self._vbo = int(GL.glGenBuffers(1))
        GL.glBindBuffer(GL.GL_ARRAY_BUFFER, self._vbo)
        quad = np.array([-1, -1, 1, -1, -1, 1, 1, 1], dtype=np.float32)
        GL.glBufferData(GL.GL_ARRAY_BUFFER, quad.nbytes, quad, GL.GL_STATIC_DRAW)
        GL.glEnableVertexAttribArray(0)
        GL.glVertexAttribPointer(0, 2, GL.GL_FLOAT, GL.GL_FALSE, 0, ctypes.c_void_p(0))
        self._tex = int(GL.glGenTextures(1))
        GL.glActiveTexture(GL.GL_TEXTURE0)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self._tex)
        GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST)
        GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST)
        GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE)
        GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
        GL.glClearColor(0.0, 0.0, 0.0, 1.0)

    # ----------------------------------------------------------------- frames

    def _upload(self, pixels: np.ndarray, version: int) -> None:
        """Copy a frame into the texture (reallocated when the size changed)."""
        if pixels.ndim != 2 or pixels.dtype.itemsize != 4:
            raise ValueError(f"frame must be (H, W) 32-bit pixels, got {pixels.shape} {pixels.dtype}")
        if pixels.strides[1] != 4 or pixels.strides[0] % 4 or pixels.strides[0] < 4 * pixels.shape[1]:
            pixels = np.ascontiguousarray(pixels)
        fh, fw = pixels.shape
        old = self._tex_size
        if (fw, fh) != old:
            GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, fw, fh, 0, GL.GL_BGRA,
                            GL.GL_UNSIGNED_INT_8_8_8_8_REV, None)
            self._tex_size = (fw, fh)
            self._follow_frame_size(old, (fw, fh))
        # rows may be padded (a view into a larger buffer): GL skips the padding itself, no copy
        GL.glPixelStorei(GL.GL_UNPACK_ROW_LENGTH, pixels.strides[0] // 4)
        GL.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, fw, fh, GL.GL_BGRA, GL.GL_UNSIGNED_INT_8_8_8_8_REV,
                           ctypes.c_void_p(pixels.ctypes.data))
        GL.glPixelStorei(GL.GL_UNPACK_ROW_LENGTH, 0)
        self._pixels = pixels
        self._shown_version = version
        self._dirty = True

    def _follow_frame_size(self, old: tuple[int, int], new: tuple[int, int]) -> None:
        """The guest changed resolution: a window still at old size x scale takes new size x scale."""
        if old == (0, 0) or self.fullscreen or self._window is None:
            return
        w, h = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GetWindowSize(self._window, ctypes.byref(w), ctypes.byref(h))
        if (w.value, h.value) == (old[0] * self.scale, old[1] * self.scale):
            sdl2.SDL_SetWindowSize(self._window, new[0] * self.scale, new[1] * self.scale)

    def _refresh_frame(self) -> None:
        if self._version is not None and self._version() == self._shown_version:
            return
        pixels, version = self._frame()
        if version != self._shown_version or pixels.shape[:2] != self._tex_size[::-1]:
            self._upload(pixels, version)

    def drawable_size(self) -> tuple[int, int]:
        """The window's size in GL pixels (larger than its size in window units on high-DPI screens)."""
        w, h = ctypes.c_int(), ctypes.c_int()
        sdl2.SDL_GL_GetDrawableSize(self._window, ctypes.byref(w), ctypes.byref(h))
        return w.value, h.value

    def picture_rect(self) -> Rect:
        """Where the guest picture is drawn in the drawable (top-left origin, GL pixels)."""
        dw, dh = self.drawable_size()
        return fit_rect(dw, dh, self._tex_size[0], self._tex_size[1], self.integer_scaling)

    def _draw(self) -> None:
        dw, dh = self.drawable_size()
        x, y, w, h = fit_rect(dw, dh, self._tex_size[0], self._tex_size[1], self.integer_scaling)
        GL.glViewport(0, 0, dw, dh)
        GL.glClear(GL.GL_COLOR_BUFFER_BIT)
        if w > 0 and h > 0:
            GL.glViewport(x, dh - y - h, w, h)
            GL.glDrawArrays(GL.GL_TRIANGLE_STRIP, 0, 4)

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
        """Pump input, upload a changed frame, draw and swap when needed; False when the user closed the window.

        Each close of the host window is posted as Close() and makes that step return False; the guest
        decides whether to exit, and the window keeps presenting as long as step() is called. With nothing
        to do, waits for input until the next ~60 Hz tick instead of spinning.
        """
        self._closed_this_step = False
        self._pump()
        now = time.monotonic()
        if not self._dirty and not self._check_now and now < self._next_tick:
            wait_ms = max(1, math.ceil((self._next_tick - now) * 1000))
            if sdl2.SDL_WaitEventTimeout(ctypes.byref(self._event), wait_ms):
                self._handle(self._event)
                self._pump()
            now = time.monotonic()
        if now >= self._next_tick or self._check_now:
            self._check_now = False
            if now >= self._next_tick:
                self._next_tick += FRAME_SECONDS
                if self._next_tick <= now:  # fell behind: restart the ticks from now
                    self._next_tick = now + FRAME_SECONDS
            self._refresh_frame()
        if self._dirty:
            self._draw()
            sdl2.SDL_GL_SwapWindow(self._window)
            self._dirty = False
        return not self._closed_this_step

    def wake(self) -> None:
        """Make a step() that is waiting for input return now (thread-safe): call it after a new frame."""
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
        return to_guest((wx + 0.5) * sx - 0.5, (wy + 0.5) * sy - 0.5, fit_rect(dw, dh, fw, fh, self.integer_scaling),
                        fw, fh, clamp)

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
            self._check_now = True

    def _on_key(self, k: sdl2.SDL_KeyboardEvent, down: bool) -> None:
        sc = k.keysym.scancode
        mod = k.keysym.mod
        if down and sc in (keymap.SCANCODE_RETURN, keymap.SCANCODE_KP_ENTER) and mod & keymap.KMOD_ALT \
                and not mod & keymap.KMOD_CTRL:
            if not k.repeat:
                self.toggle_fullscreen()
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
        if self._ctx:
            sdl2.SDL_GL_MakeCurrent(self._window, self._ctx)
            try:
                if self._tex:
                    GL.glDeleteTextures(1, [self._tex])
                if self._vbo:
                    GL.glDeleteBuffers(1, [self._vbo])
                if self._vao:
                    GL.glDeleteVertexArrays(1, [self._vao])
                if self._prog:
                    GL.glDeleteProgram(self._prog)
            except Exception:  # noqa: BLE001, S110 - the context is going away regardless
                pass
            sdl2.SDL_GL_DeleteContext(self._ctx)
            self._ctx = None
        self._tex = self._vbo = self._vao = self._prog = 0
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
