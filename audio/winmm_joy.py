"""winmm joysticks: joyGetNumDevs, joyGetDevCaps(A/W), joyGetPos, joyGetPosEx, joyGetThreshold/joySetThreshold,
joyConfigChanged over the host's game controllers (app/gamepad.py: SDL GameController devices, hot-plugged).

Joystick ids 0..15 are the gamepad slots (the first pad attached is JOYSTICKID1); an id without a pad answers
JOYERR_UNPLUGGED (joyGetPos/Ex) or JOYERR_PARMS (joyGetDevCaps), as on Windows 2000 and later, where
joyGetNumDevs is the number of ids the driver supports (16), not the number of pads attached.

Each pad looks like an XInput pad does to winmm: X/Y the left stick, Z both triggers on one axis (left trigger
towards 65535, right towards 0), R the right stick's vertical and U its horizontal axis, every axis 0..65535
(centred 32768), ten buttons (A, B, X, Y, LB, RB, Back, Start, left stick, right stick: JOY_BUTTON1..10) and a
point-of-view hat from the d-pad in hundredths of degrees (JOY_POVFORWARD 0, JOY_POVRIGHT 9000,
JOY_POVBACKWARD 18000, JOY_POVLEFT 27000, diagonals between; JOY_POVCENTERED 0xFFFF when released).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu.api import DWORD, PTR, UINT, stdcall

if TYPE_CHECKING:
    from app.gamepad import Pad
    from emu.machine import Machine

JOYERR_NOERROR, JOYERR_PARMS, JOYERR_NOCANDO, JOYERR_UNPLUGGED = 0, 165, 166, 167
MMSYSERR_NODRIVER, MMSYSERR_INVALPARAM = 6, 11
NUM_DEVS = 16
JOY_RETURNX, JOY_RETURNY, JOY_RETURNZ, JOY_RETURNR, JOY_RETURNU, JOY_RETURNV = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
JOY_RETURNPOV, JOY_RETURNBUTTONS, JOY_RETURNRAWDATA, JOY_RETURNPOVCTS = 0x40, 0x80, 0x100, 0x200
JOY_RETURNCENTERED, JOY_USEDEADZONE = 0x400, 0x800
JOY_POVCENTERED, JOY_POVFORWARD, JOY_POVRIGHT, JOY_POVBACKWARD, JOY_POVLEFT = 0xFFFF, 0, 9000, 18000, 27000
JOYCAPS_HASZ, JOYCAPS_HASR, JOYCAPS_HASU, JOYCAPS_HASV = 0x1, 0x2, 0x4, 0x8
JOYCAPS_HASPOV, JOYCAPS_POV4DIR, JOYCAPS_POVCTS = 0x10, 0x20, 0x40
JOYINFOEX_SIZE = 52
JOYCAPS_SIZES = {False: (404, 452), True: (728, 776)}  # JOYCAPS(A/W) and JOYCAPS2(A/W)
PERIOD_MIN, PERIOD_MAX = 10, 1000
PAD_BUTTONS = ("a", "b", "x", "y", "leftshoulder", "rightshoulder", "back", "start", "leftstick", "rightstick")
"""The pad's buttons in joystick button order (JOY_BUTTON1 is A)."""
REGKEY = "DINPUT.DLL"


def _slot(uJoyID: int) -> int | None:
    return uJoyID if 0 <= uJoyID < NUM_DEVS else None


def _pad(m: "Machine", uJoyID: int, claim: bool = True) -> "Pad | None":
    from app import gamepad  # noqa: PLC0415
    return gamepad.pad(m, uJoyID, claim=claim)


def axes(p: "Pad") -> tuple[int, int, int, int, int]:
    """(X, Y, Z, R, U) in 0..65535."""
    def full(v: int) -> int:
        return v + 32768
    z = 32768 + p.axis("lefttrigger") - p.axis("righttrigger")
    return (full(p.axis("leftx")), full(p.axis("lefty")), min(max(z, 0), 65535), full(p.axis("righty")),
            full(p.axis("rightx")))


def buttons(p: "Pad") -> int:
    """JOY_BUTTONn bits of the pressed buttons."""
    bits = 0
    for i, name in enumerate(PAD_BUTTONS):
        if p.button(name):
            bits |= 1 << i
    return bits


def pov(p: "Pad") -> int:
    """The d-pad as a POV angle in hundredths of degrees (JOY_POVCENTERED when released or contradictory)."""
    dx = p.button("dpright") - p.button("dpleft")
    dy = p.button("dpdown") - p.button("dpup")
    return {(0, -1): 0, (1, -1): 4500, (1, 0): 9000, (1, 1): 13500, (0, 1): 18000, (-1, 1): 22500,
            (-1, 0): 27000, (-1, -1): 31500}.get((dx, dy), JOY_POVCENTERED)


@stdcall("winmm")
def joyGetNumDevs(m: "Machine") -> UINT:
    """Number of joystick ids the driver supports (16); pads may be absent from any of them."""
    return NUM_DEVS


def _caps(m: "Machine", uJoyID: int, pjc: int, cbjc: int, wide: bool) -> int:
    if not pjc or cbjc not in JOYCAPS_SIZES[wide]:
        return MMSYSERR_INVALPARAM
    ch = 2 if wide else 1

    def text(s: str, n: int) -> bytes:
        raw = s.encode("utf-16-le" if wide else "cp1252", "replace")[: (n - 1) * ch]
        return raw + b"\0" * (n * ch - len(raw))

    regkey_at = 4 + 32 * ch + 19 * 4
    if uJoyID == 0xFFFFFFFF:  # -1: only szRegKey, present pad or not
        m.mem.write(pjc + regkey_at, text(REGKEY, 32))
        return JOYERR_NOERROR
    if _slot(uJoyID) is None:
        return MMSYSERR_NODRIVER
    p = _pad(m, uJoyID, claim=False)
    if p is None:
        return JOYERR_PARMS
    import struct  # noqa: PLC0415
    out = bytearray(cbjc)
    struct.pack_into("<HH", out, 0, p.vendor & 0xFFFF, p.product & 0xFFFF)
    out[4:4 + 32 * ch] = text(p.name, 32)
    caps = JOYCAPS_HASZ | JOYCAPS_HASR | JOYCAPS_HASU | JOYCAPS_HASPOV | JOYCAPS_POVCTS
    struct.pack_into("<19I", out, 4 + 32 * ch,
                     0, 65535, 0, 65535, 0, 65535,  # X, Y, Z ranges
                     len(PAD_BUTTONS), PERIOD_MIN, PERIOD_MAX,
                     0, 65535, 0, 65535, 0, 0,  # R, U ranges (no V axis)
                     caps, 6, 5, 32)  # wCaps, wMaxAxes, wNumAxes, wMaxButtons
    out[regkey_at:regkey_at + 32 * ch] = text(REGKEY, 32)
    # szOEMVxD stays empty; JOYCAPS2's ManufacturerGuid/ProductGuid/NameGuid are zero (no registry names)
    m.mem.write(pjc, bytes(out))
    return JOYERR_NOERROR


@stdcall("winmm")
def joyGetDevCapsA(m: "Machine", uJoyID: PTR, pjc: PTR, cbjc: UINT) -> UINT:
    """JOYCAPSA of joystick ``uJoyID`` (-1: only szRegKey); JOYERR_PARMS when no pad is attached there."""
    return _caps(m, uJoyID, pjc, cbjc, False)


@stdcall("winmm")
def joyGetDevCapsW(m: "Machine", uJoyID: PTR, pjc: PTR, cbjc: UINT) -> UINT:
    """joyGetDevCapsA with JOYCAPSW."""
    return _caps(m, uJoyID, pjc, cbjc, True)


@stdcall("winmm")
def joyGetPos(m: "Machine", uJoyID: UINT, pji: PTR) -> UINT:
    """JOYINFO: X, Y, Z (0..65535) and buttons 1..4 (JOY_BUTTON1..4); JOYERR_UNPLUGGED without a pad."""
    if not pji:
        return MMSYSERR_INVALPARAM
    if _slot(uJoyID) is None:
        return JOYERR_PARMS
    p = _pad(m, uJoyID)
    if p is None:
        return JOYERR_UNPLUGGED
    x, y, z, _, _ = axes(p)
    m.mem.pack("<4I", pji, x, y, z, buttons(p) & 0xF)
    return JOYERR_NOERROR


@stdcall("winmm")
def joyGetPosEx(m: "Machine", uJoyID: UINT, pji: PTR) -> UINT:
    """JOYINFOEX: the members dwFlags asks for (JOY_RETURNALL: axes X Y Z R U V, buttons and their count, POV;
    the others keep their values); JOYERR_UNPLUGGED without a pad. Axes are centred and have no dead zone."""
    if not pji:
        return MMSYSERR_INVALPARAM
    size, flags = m.mem.unpack("<II", pji)
    if size != JOYINFOEX_SIZE:
        return MMSYSERR_INVALPARAM
    if _slot(uJoyID) is None:
        return JOYERR_PARMS
    p = _pad(m, uJoyID)
    if p is None:
        return JOYERR_UNPLUGGED
    vals = list(axes(p)) + [0]  # no V axis
    fields = [size, flags]
    for i, bit in enumerate((JOY_RETURNX, JOY_RETURNY, JOY_RETURNZ, JOY_RETURNR, JOY_RETURNU, JOY_RETURNV)):
        fields.append(vals[i] if flags & bit else m.mem.u32(pji + 8 + 4 * i))
    if flags & JOY_RETURNBUTTONS:
        b = buttons(p)
        fields += [b, bin(b).count("1")]
    else:
        fields += list(m.mem.unpack("<II", pji + 32))
    fields.append(pov(p) if flags & (JOY_RETURNPOV | JOY_RETURNPOVCTS) else m.mem.u32(pji + 40))
    m.mem.pack("<11I", pji, *fields)
    return JOYERR_NOERROR


def _thresholds(m: "Machine") -> list[int]:
    return m.state.setdefault("joy_thresholds", [0] * NUM_DEVS)


@stdcall("winmm")
def joyGetThreshold(m: "Machine", uJoyID: UINT, puThreshold: PTR) -> UINT:
    """The joystick's movement threshold (set by joySetThreshold; 0 at first)."""
    if not puThreshold:
        return MMSYSERR_INVALPARAM
    if _slot(uJoyID) is None:
        return MMSYSERR_NODRIVER
    m.mem.w32(puThreshold, _thresholds(m)[uJoyID])
    return JOYERR_NOERROR


@stdcall("winmm")
def joySetThreshold(m: "Machine", uJoyID: UINT, uThreshold: UINT) -> UINT:
    """Set the joystick's movement threshold (what joyGetThreshold answers)."""
    if _slot(uJoyID) is None:
        return MMSYSERR_NODRIVER
    _thresholds(m)[uJoyID] = uThreshold & 0xFFFF
    return JOYERR_NOERROR


@stdcall("winmm")
def joyConfigChanged(m: "Machine", dwFlags: DWORD) -> UINT:
    """The joystick configuration changed: look at the attached pads again."""
    if dwFlags:
        return MMSYSERR_INVALPARAM
    from app import gamepad  # noqa: PLC0415
    gamepad.pads(m)
    return JOYERR_NOERROR


__all__ = ["axes", "buttons", "pov"]
