"""IDirectDrawGammaControl: the primary surface's gamma ramps (GetGammaRamp/SetGammaRamp).

Every surface answers QueryInterface(IID_IDirectDrawGammaControl); the ramps belong to the display, so only a
primary surface (or a buffer of its flipping chain) gets or sets them. A DDGAMMARAMP is three arrays of 256 WORDs
(red, green, blue) mapping frame-buffer colour values to what the DAC puts out; the DAC takes the top 8 bits.
The ramps change the presented picture (``ddraw_display`` folds them into an 8-bit primary's palette, or maps
each channel of a 16/24/32-bit frame through them, and applies them to composed frames and screenshots), which
is how demos fade the whole screen. They stay until the primary surface that set them is destroyed.
DDSGR_CALIBRATE is accepted and changes nothing: there is no calibrator (GetCaps does not report
DDCAPS2_CANCALIBRATEGAMMA), which MSDN says is not an error.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from emu.api import DWORD, PTR

from . import ddraw_display as disp
from . import guids
from .ddraw_errors import DD_OK, DDERR_INVALIDOBJECT, DDERR_INVALIDPARAMS, DDERR_UNSUPPORTED
from .factory import Interface, IUnknown, Ref

if TYPE_CHECKING:
    from emu.machine import Machine

DDSGR_CALIBRATE = 0x1
RAMP_BYTES = 3 * 256 * 2
IDENTITY = np.tile((np.arange(256, dtype=np.uint16) * 257)[None, :], (3, 1))


def _primary(this: Ref) -> Any:
    """The primary surface whose ramps ``this`` controls, or None for other surfaces."""
    s: Any = this.obj
    front = s.front
    return front if front.primary and front.alive else None


def forget(m: "Machine", s: Any) -> None:
    """Surface ``s`` is being destroyed: if it set the ramps, the display goes back to the identity ramps."""
    d = disp.display(m)
    if d.gamma_owner is s:
        set_ramp(m, None, None)


def set_ramp(m: "Machine", ramp: np.ndarray | None, owner: Any) -> None:
    """Make ``ramp`` ((3, 256) WORDs; None: identity) the display's gamma ramps; new frames show it."""
    d = disp.display(m)
    if ramp is not None and np.array_equal(ramp, IDENTITY):
        ramp = None
    d.gamma_ramp = None if ramp is None else ramp.copy()
    d.gamma_tables = None if ramp is None else (ramp >> 8).astype(np.uint8)
    d.gamma_owner = owner if ramp is not None else None
    d.gamma_version += 1
    disp.changed(m)


# ---- methods ---------------------------------------------------------------------------------------------------
def GetGammaRamp(m: "Machine", this: Ref, dwFlags: DWORD, lpRampData: PTR) -> DWORD:
    """IDirectDrawGammaControl::GetGammaRamp: the primary surface's red, green and blue ramps (flags must be 0)."""
    if dwFlags or not lpRampData:
        return DDERR_INVALIDPARAMS
    if _primary(this) is None:
        return DDERR_UNSUPPORTED
    ramp = disp.display(m).gamma_ramp
    m.mem.write(lpRampData, (IDENTITY if ramp is None else ramp).astype("<u2").tobytes())
    return DD_OK


def SetGammaRamp(m: "Machine", this: Ref, dwFlags: DWORD, lpRampData: PTR) -> DWORD:
    """IDirectDrawGammaControl::SetGammaRamp: new ramps for the primary surface (0 or DDSGR_CALIBRATE); the
    presented picture goes through them from the next frame on."""
    if dwFlags & ~DDSGR_CALIBRATE or not lpRampData:
        return DDERR_INVALIDPARAMS
    s = _primary(this)
    if s is None:
        return DDERR_UNSUPPORTED
    ramp = np.frombuffer(m.mem.read(lpRampData, RAMP_BYTES), "<u2").reshape(3, 256).astype(np.uint16)
    set_ramp(m, ramp, s)
    return DD_OK


IDirectDrawGammaControl = Interface("IDirectDrawGammaControl", guids.IID_IDirectDrawGammaControl, base=IUnknown,
                                    dll="ddraw", invalid=DDERR_INVALIDOBJECT, slots=[
    ("GetGammaRamp", GetGammaRamp),
    ("SetGammaRamp", SetGammaRamp),
])

__all__ = ["IDirectDrawGammaControl", "forget", "set_ramp"]
