"""winmm: multimedia timers and the simple sound calls.

Sound output (the mixer, waveOut, DirectSound) is issue 5. Until it exists, sndPlaySound/PlaySound report
what Windows reports on a machine without a wave device: FALSE (the sound was not played), with one log line
per run so the silence is visible.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from emu import clock
from emu.api import BOOL, DWORD, LPCSTR, LPCWSTR, PTR, UINT, stdcall

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


def _no_sound(m: "Machine", what: str, name: object) -> int:
    if not m.state.get("winmm_silence_logged"):
        m.state["winmm_silence_logged"] = True
        m.log(f"{what}({name!r}): no sound output yet; the sound is not played (returns FALSE)")
    return 0


@stdcall("winmm")
def sndPlaySoundA(m: "Machine", pszSound: LPCSTR, fuSound: UINT) -> BOOL:
    """Play a WAV file or resource; FALSE: there is no sound output yet."""
    if pszSound is None:
        return 1  # stopping the current sound always succeeds
    return _no_sound(m, "sndPlaySoundA", pszSound)


@stdcall("winmm")
def sndPlaySoundW(m: "Machine", pszSound: LPCWSTR, fuSound: UINT) -> BOOL:
    """Play a WAV file or resource; FALSE: there is no sound output yet."""
    if pszSound is None:
        return 1
    return _no_sound(m, "sndPlaySoundW", pszSound)


@stdcall("winmm")
def PlaySoundA(m: "Machine", pszSound: LPCSTR, hmod: DWORD, fdwSound: DWORD) -> BOOL:
    """Play a WAV file, resource or alias; FALSE: there is no sound output yet."""
    if pszSound is None:
        return 1
    return _no_sound(m, "PlaySoundA", pszSound)


@stdcall("winmm")
def PlaySoundW(m: "Machine", pszSound: LPCWSTR, hmod: DWORD, fdwSound: DWORD) -> BOOL:
    """Play a WAV file, resource or alias; FALSE: there is no sound output yet."""
    if pszSound is None:
        return 1
    return _no_sound(m, "PlaySoundW", pszSound)


from . import pump, waveout  # noqa: E402, F401 - register the audio thread and waveOut* with winmm
