"""IDirectDrawClipper: the window (or clip list) blits to a surface are clipped to.

Attached to a surface, a clipper makes Blt clip instead of failing on rectangles outside the surface.
Clip lists (SetClipList/GetClipList) are not implemented yet.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from emu.api import DWORD, HWND, PTR

from . import guids
from .ddraw_errors import DD_OK, DDERR_ALREADYINITIALIZED, DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS
from .factory import ComObject, Interface, IUnknown, Ref, todo

if TYPE_CHECKING:
    from emu.machine import Machine


class Clipper(ComObject):
    """A DirectDraw clipper; ``hwnd`` is the window set with SetHWnd."""

    def __init__(self, dd: Any) -> None:
        super().__init__()
        self.dd = dd
        self.hwnd = 0


def GetHWnd(m: "Machine", this: Ref, lphWnd: PTR) -> DWORD:
    """IDirectDrawClipper::GetHWnd: the window set with SetHWnd (NULL if none)."""
    if not lphWnd:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lphWnd, this.obj.hwnd)  # type: ignore[attr-defined]
    return DD_OK


def SetHWnd(m: "Machine", this: Ref, dwFlags: DWORD, hWnd: HWND) -> DWORD:
    """IDirectDrawClipper::SetHWnd: clip to the visible part of window hWnd (flags must be 0)."""
    if dwFlags:
        return DDERR_INVALIDPARAMS
    this.obj.hwnd = hWnd  # type: ignore[attr-defined]
    return DD_OK


def IsClipListChanged(m: "Machine", this: Ref, lpbChanged: PTR) -> DWORD:
    """IDirectDrawClipper::IsClipListChanged: FALSE (window clip lists are recomputed at each blit)."""
    if not lpbChanged:
        return DDERR_INVALIDPARAMS
    m.mem.w32(lpbChanged, 0)
    return DD_OK


def Initialize(m: "Machine", this: Ref, lpDD: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectDrawClipper::Initialize: clippers are created initialized (DDERR_ALREADYINITIALIZED)."""
    return DDERR_ALREADYINITIALIZED


IDirectDrawClipper = Interface("IDirectDrawClipper", guids.IID_IDirectDrawClipper, base=IUnknown, dll="ddraw",
                               invalid=DDERR_INVALIDOBJECT, slots=[
    ("GetClipList", todo(3)),
    ("GetHWnd", GetHWnd),
    ("Initialize", Initialize),
    ("IsClipListChanged", IsClipListChanged),
    ("SetClipList", todo(2)),
    ("SetHWnd", SetHWnd),
])
Clipper.interfaces = (IDirectDrawClipper,)
