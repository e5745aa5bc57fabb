"""Input events from the host (SDL window, ``--input`` script) on their way into the guest.

Presenters and scripts build these and hand them to ``gdi.input.post_host_event(m, ev)``, which is
thread-safe; the guest side turns them into WM_* messages at its next message-queue check. Coordinates
are guest screen pixels.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    """A key went down or up. ``vk`` is the Windows virtual-key code, ``scan`` the set-1 scan code,
    ``extended`` the E0 prefix flag (arrows, right Ctrl/Alt, keypad Enter...)."""
    vk: int
    down: bool
    scan: int = 0
    extended: bool = False


@dataclass(frozen=True)
class Text:
    """Characters typed (after keyboard layout): become WM_CHAR messages."""
    text: str


@dataclass(frozen=True)
class MouseMove:
    x: int
    y: int


@dataclass(frozen=True)
class MouseButton:
    """``button``: 1 left, 2 right, 3 middle."""
    button: int
    down: bool
    x: int
    y: int


@dataclass(frozen=True)
class MouseWheel:
    """``delta`` in WHEEL_DELTA units (120 per notch, positive away from the user)."""
    delta: int
    x: int
    y: int


@dataclass(frozen=True)
class Close:
    """The user closed the host window: the guest's active top-level window gets WM_CLOSE."""


@dataclass(frozen=True)
class Focus:
    """The host window gained or lost the keyboard focus."""
    gained: bool


HostEvent = Key | Text | MouseMove | MouseButton | MouseWheel | Close | Focus
