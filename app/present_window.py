"""The presenter's window side: where the picture goes in it (``fit_rect``, ``to_guest``, ``natural_size``),
opening the SDL window with an OpenGL context, and F12 screenshots (``write_screenshot`` into ``pictures_dir()``).

The picture keeps its aspect: pixels are square except in the 4:3 CRT modes (``Frame.pixel_aspect``: 320x200
and 640x400 are shown 4:3), scaled by the largest whole factor (``integer_scaling``) or to fit; mouse
positions go back to guest pixels through the same rectangle (``to_guest``).
"""
from __future__ import annotations

import math
import os
import sys
import time
from typing import Any

import numpy as np

from gdi import desktop
from gdi.desktop import Frame

from .sdlgl import sdl2


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


def check(ok: object, what: str) -> None:
    """Raise PresenterError with SDL's error message when ``ok`` is false."""
    if not ok:
        err = sdl2.SDL_GetError().decode("utf-8", "replace")
        raise PresenterError(f"{what}: {err}")


def create_gl_window(title: str, size: tuple[int, int], fullscreen: bool) -> tuple[Any, Any, bool]:
    """A resizable SDL window with an OpenGL context: (window, context, core) where ``core`` says whether it is a
    3.3 core profile context (else a compatibility one). Raises PresenterError when neither can be made."""
    ww, wh = size
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
        window = sdl2.SDL_CreateWindow(title.encode("utf-8"), sdl2.SDL_WINDOWPOS_CENTERED,
                                       sdl2.SDL_WINDOWPOS_CENTERED, max(1, ww), max(1, wh), flags)
        if window:
            ctx = sdl2.SDL_GL_CreateContext(window)
            if ctx:
                return window, ctx, profile == "core"
            err = sdl2.SDL_GetError().decode("utf-8", "replace")
            sdl2.SDL_DestroyWindow(window)
        else:
            err = sdl2.SDL_GetError().decode("utf-8", "replace")
    raise PresenterError(f"no OpenGL context: {err}")


def write_screenshot(f: Frame, title: str) -> str:
    """Save frame ``f`` at its own resolution (no scaling) as ``TITLE-TIME.png`` in the user's pictures folder
    (``EXEPLAY_SCREENSHOT_DIR`` overrides it); returns the path."""
    px = np.asarray(f.pixels) & (0xFFFFFF if f.kind != "indexed" else 0xFF)
    rgb32 = f.palette[px] if f.kind == "indexed" and f.palette is not None else px
    folder = os.environ.get("EXEPLAY_SCREENSHOT_DIR") or os.path.join(pictures_dir(), "exeplay")
    os.makedirs(folder, exist_ok=True)
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in os.path.splitext(title)[0]) or "exeplay"
    path = os.path.join(folder, f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}.png")
    n = 1
    while os.path.exists(path):
        n += 1
        path = os.path.join(folder, f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}-{n}.png")
    desktop.write_png(rgb32, path)
    sys.stderr.write(f"exeplay: screenshot saved to {path}\n")
    return path
