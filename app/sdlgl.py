"""SDL2 and PyOpenGL, imported the way every exeplay window needs them (the presenter and the launcher).

PyOpenGL picks its platform at first import: on Linux it is EGL (``PYOPENGL_PLATFORM=egl``, unless OpenGL was
imported already), and the windows tell SDL to make EGL contexts to match (``SDL_VIDEO_X11_FORCE_EGL``), so the
same code runs in an X11 window and with no display at all (``SDL_VIDEODRIVER=offscreen``).
"""
from __future__ import annotations

import os
import sys
import warnings

if sys.platform.startswith("linux") and "OpenGL" not in sys.modules:
    # PyOpenGL picks its platform at first import; SDL is told to make EGL contexts to match
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pysdl2 announces that it uses pysdl2-dll's bundled library
    import sdl2

from OpenGL import GL

__all__ = ["GL", "sdl2"]
