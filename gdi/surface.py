"""Surfaces: the pixels GDI draws on.

Every drawing target (a top-level window's backing store, a bitmap, a DIB section) is a ``Surface``
whose ``px`` is a numpy ``uint32`` array of shape (height, width) holding ``0x00RRGGBB`` (BGRX bytes in
memory, the layout of a 32-bit top-down DIB). For 32-bit DIB sections ``px`` is a zero-copy view of guest
memory (bottom-up DIBs are a flipped view). DIB sections of other depths keep ``px`` as a shadow copy:
``pull()`` refreshes it from guest memory before GDI reads or draws, ``push()`` writes drawn pixels back.
``version`` counts modifications so presenters can skip unchanged frames.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

Rect = tuple[int, int, int, int]


def colorref_to_px(c: int) -> int:
    """COLORREF 0x00BBGGRR to pixel 0x00RRGGBB."""
    return ((c & 0xFF) << 16) | (c & 0xFF00) | ((c >> 16) & 0xFF)


def px_to_colorref(p: int) -> int:
    return ((p & 0xFF) << 16) | (p & 0xFF00) | ((p >> 16) & 0xFF)


class Surface:
    """A 32-bit pixel array GDI can draw on."""

    def __init__(self, width: int, height: int, px: np.ndarray | None = None,
                 pull: Callable[[], None] | None = None, push: Callable[[Rect | None], None] | None = None) -> None:
        self.width = width
        self.height = height
        self.px: np.ndarray = px if px is not None else np.zeros((max(height, 0), max(width, 0)), dtype=np.uint32)
        self._pull = pull
        self._push = push
        self.version = 0

    @property
    def shadowed(self) -> bool:
        """True when ``px`` is a copy of guest memory (non-32-bit DIB section)."""
        return self._pull is not None

    def pull(self) -> None:
        """Refresh ``px`` from guest memory (no-op unless shadowed)."""
        if self._pull is not None:
            self._pull()

    def push(self, rect: Rect | None = None) -> None:
        """Write ``px`` back to guest memory (no-op unless shadowed); counts a modification."""
        self.version += 1
        if self._push is not None:
            self._push(rect)

    def resize(self, width: int, height: int, fill: int = 0xFFFFFF) -> None:
        """Resize a private surface, keeping the overlapping pixels."""
        old = self.px
        new = np.full((max(height, 0), max(width, 0)), fill, dtype=np.uint32)
        h = min(old.shape[0], new.shape[0])
        w = min(old.shape[1], new.shape[1])
        new[:h, :w] = old[:h, :w]
        self.px = new
        self.width = width
        self.height = height
        self.version += 1
