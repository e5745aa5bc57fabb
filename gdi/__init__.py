"""user32 and gdi32: windows, messages, drawing, and the user32 string functions console programs use."""
from __future__ import annotations

_done = False


def register_all() -> None:
    """Import every user32/gdi32 module so its declarations are registered (idempotent)."""
    global _done
    if _done:
        return
    _done = True
    from . import user32_text  # noqa: F401, PLC0415
