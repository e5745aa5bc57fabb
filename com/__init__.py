"""COM object factory and DirectX (DirectDraw, DirectSound, DirectInput)."""
from __future__ import annotations

_done = False


def register_all() -> None:
    """Import every COM module so its exports and interfaces are declared (idempotent)."""
    global _done
    if _done:
        return
    _done = True
    from . import ddraw, ddraw_clipper, ddraw_palette, ddraw_surface, ddraw_vtables, dinput, dsound, factory  # noqa: F401, PLC0415
