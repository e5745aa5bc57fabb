"""winmm: the time calls; importing it registers the rest of winmm (waveOut, PlaySound, mmio, multimedia
timers, midiOut) and the audio thread."""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu import clock
from emu.api import DWORD, PTR, UINT, stdcall

if TYPE_CHECKING:
    from emu.machine import Machine

TIMERR_NOERROR, TIMERR_NOCANDO = 0, 97


@stdcall("winmm")
def timeGetTime(m: "Machine") -> DWORD:
    """Milliseconds since Windows started (the same clock as GetTickCount)."""
    return clock.current().ms() & 0xFFFFFFFF


@stdcall("winmm")
def timeGetSystemTime(m: "Machine", pmmt: PTR, cbmmt: UINT) -> UINT:
    """MMTIME in milliseconds (TIME_MS)."""
    if cbmmt < 8:
        return TIMERR_NOCANDO
    m.mem.pack("<II", pmmt, 1, clock.current().ms() & 0xFFFFFFFF)
    return TIMERR_NOERROR


@stdcall("winmm")
def timeBeginPeriod(m: "Machine", uPeriod: UINT) -> UINT:
    """Timer resolution request: every period from 1 ms is available."""
    return TIMERR_NOERROR if uPeriod >= 1 else TIMERR_NOCANDO


@stdcall("winmm")
def timeEndPeriod(m: "Machine", uPeriod: UINT) -> UINT:
    """End of a timeBeginPeriod request."""
    return TIMERR_NOERROR if uPeriod >= 1 else TIMERR_NOCANDO


@stdcall("winmm")
def timeGetDevCaps(m: "Machine", ptc: PTR, cbtc: UINT) -> UINT:
    """TIMECAPS: periods from 1 ms to 1,000,000 ms."""
    if cbtc < 8:
        return TIMERR_NOCANDO
    m.mem.pack("<II", ptc, 1, 1_000_000)
    return TIMERR_NOERROR


from . import midi, mmio, mmtimer, playsound, pump, waveout  # noqa: E402, F401 - register winmm's areas
from . import winmm_joy  # noqa: E402, F401 - joysticks (app/gamepad.py's pads)
