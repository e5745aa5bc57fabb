"""winmm midiOut: one MIDI output device, a software synthesizer rendered into the mixer in guest time.

The synthesizer is FluidSynth (the optional ``pyfluidsynth`` package with the ``libfluidsynth3`` library) with a
General MIDI SoundFont (``$EXEPLAY_SOUNDFONT``, or the first of ``SOUNDFONTS``, e.g. Debian's
``fluid-soundfont-gm`` or ``timgm6mb-soundfont``). It is a mixer source: a MIDI message is applied after the
mixer has caught up with the current guest time, and the synthesizer renders exactly the frames the mixer asks
for, so a deterministic run's music is the same on every run. Without FluidSynth or a SoundFont the device still
works (every call behaves the same, timing included) and is silent; one log line says so.

Every open handle shares the one synthesizer (like the Windows software synthesizer). midiOutShortMsg takes
running status; midiOutLongMsg passes system-exclusive messages to the synthesizer and returns the buffer at
once (MHDR_DONE, MOM_DONE). Callbacks (MOM_OPEN/DONE/CLOSE) go the same ways as waveOut's: a function on the
audio thread, a window or thread message, or an event.
"""
from __future__ import annotations

import ctypes
import os
import struct
from typing import TYPE_CHECKING, Any

import numpy as np

from emu.api import DWORD, LPSTR, PTR, UINT, stdcall
from emu.memory import GuestMemoryError

from . import mixer, mmdev
from .mmdev import CALLBACK_TYPEMASK, MAPPER_IDS, MMSYSERR_INVALHANDLE, MMSYSERR_INVALPARAM, MMSYSERR_NOERROR, Callback
from .waveout import ERROR_TEXT

if TYPE_CHECKING:
    from emu.machine import Machine

MIDIERR_UNPREPARED = 64
MIDIERR_STILLPLAYING = 65
MIDIERR_NOMAP = 66
MIDIERR_NOTREADY = 67
MIDIERR_NODEVICE = 68
MIDIERR_INVALIDSETUP = 69
MIDI_ERROR_TEXT = {
    **ERROR_TEXT,
    MIDIERR_UNPREPARED: "The MIDI header was not prepared. Use the Prepare function to prepare the header, "
                        "and then try again.",
    MIDIERR_STILLPLAYING: "Cannot perform this operation while media data is still playing. Reset the device, "
                          "or wait until the data is finished playing.",
    MIDIERR_NOMAP: "A MIDI map was not found.",
    MIDIERR_NOTREADY: "The MIDI device is busy.",
    MIDIERR_NODEVICE: "The MIDI device is not connected.",
    MIDIERR_INVALIDSETUP: "The MIDI setup is not valid.",
}

MIDI_MAPPER = mmdev.MAPPER
MOM_OPEN, MOM_CLOSE, MOM_DONE = 0x3C7, 0x3C8, 0x3C9
MHDR_DONE, MHDR_PREPARED, MHDR_INQUEUE = 0x1, 0x2, 0x4
MIDIHDR_MIN = 32  # lpData .. lpNext, reserved: the Windows 3.1 header; newer ones add dwOffset and dwReserved
MIDIHDR = mmdev.Header(MIDIHDR_MIN, MHDR_PREPARED, MHDR_INQUEUE, MHDR_DONE, MIDIERR_UNPREPARED, MIDIERR_STILLPLAYING)
MOD_SWSYNTH = 7
MIDICAPS_VOLUME, MIDICAPS_LRVOLUME = 0x1, 0x2
DEVICE_NAME = "exeplay Software Synth"
MAPPER_NAME = "Microsoft MIDI Mapper"
HANDLE_BASE = 0x4000
_OPEN_FLAGS = CALLBACK_TYPEMASK | 0x2  # MIDI_IO_STATUS

SOUNDFONTS = [
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "/usr/share/sounds/sf2/default-GM.sf2",
    "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "/usr/share/soundfonts/default.sf2",
    "/usr/share/soundfonts/FluidR3_GM.sf2",
]
NO_SYNTH = "midiOut: no synthesizer (install fluidsynth + fluid-soundfont-gm); MIDI is silent"
QUIET_TAIL = 2 * mixer.RATE  # frames rendered after the last voice ended (reverb tails), then idle
GAIN = 0.5
MSG_LEN = {0x80: 3, 0x90: 3, 0xA0: 3, 0xB0: 3, 0xC0: 2, 0xD0: 2, 0xE0: 3}


def find_soundfont() -> str | None:
    """The SoundFont to use: $EXEPLAY_SOUNDFONT, else the first installed one of SOUNDFONTS."""
    env = os.environ.get("EXEPLAY_SOUNDFONT")
    if env:
        return env if os.path.isfile(env) else None
    return next((p for p in SOUNDFONTS if os.path.isfile(p)), None)


class Synth:
    """FluidSynth rendering at the mixer's rate, as a mixer source."""

    def __init__(self, fs: Any, sf2: str) -> None:
        self.fs = fs.Synth(gain=GAIN, samplerate=float(mixer.RATE), channels=16)
        self.fl = fs._fl
        self.h = self.fs.synth
        self.sfid = self.fs.sfload(sf2)
        if self.sfid < 0:
            raise OSError(f"cannot load SoundFont {sf2}")
        c_void, c_int = ctypes.c_void_p, ctypes.c_int
        for name, args in {
            "fluid_synth_noteon": (c_void, c_int, c_int, c_int), "fluid_synth_noteoff": (c_void, c_int, c_int),
            "fluid_synth_cc": (c_void, c_int, c_int, c_int), "fluid_synth_program_change": (c_void, c_int, c_int),
            "fluid_synth_pitch_bend": (c_void, c_int, c_int), "fluid_synth_channel_pressure": (c_void, c_int, c_int),
            "fluid_synth_key_pressure": (c_void, c_int, c_int, c_int), "fluid_synth_system_reset": (c_void,),
            "fluid_synth_all_notes_off": (c_void, c_int), "fluid_synth_get_active_voice_count": (c_void,),
            "fluid_synth_write_float": (c_void, c_int, c_void, c_int, c_int, c_void, c_int, c_int),
            "fluid_synth_sysex": (c_void, ctypes.c_char_p, c_int, c_void, c_void, c_void, c_int),
        }.items():
            f = getattr(self.fl, name, None)
            if f is not None:
                f.argtypes = list(args)
                f.restype = c_int
        for ch in range(16):
            self.fs.program_select(ch, self.sfid, 128 if ch == 9 else 0, 0)
        self.quiet = QUIET_TAIL
        self.volume = 0xFFFFFFFF

    def short(self, status: int, d1: int, d2: int) -> None:
        """Apply one channel message."""
        fl, h, ch, kind = self.fl, self.h, status & 0xF, status & 0xF0
        if kind == 0x90 and d2:
            fl.fluid_synth_noteon(h, ch, d1, d2)
        elif kind in (0x80, 0x90):
            fl.fluid_synth_noteoff(h, ch, d1)
        elif kind == 0xA0 and hasattr(fl, "fluid_synth_key_pressure"):
            fl.fluid_synth_key_pressure(h, ch, d1, d2)
        elif kind == 0xB0:
            fl.fluid_synth_cc(h, ch, d1, d2)
        elif kind == 0xC0:
            fl.fluid_synth_program_change(h, ch, d1)
        elif kind == 0xD0:
            fl.fluid_synth_channel_pressure(h, ch, d1)
        elif kind == 0xE0:
            fl.fluid_synth_pitch_bend(h, ch, d1 | (d2 << 7))
        self.quiet = 0

    def sysex(self, body: bytes) -> None:
        """One system-exclusive message (without F0/F7)."""
        if body and hasattr(self.fl, "fluid_synth_sysex"):
            self.fl.fluid_synth_sysex(self.h, body, len(body), None, None, None, 0)
            self.quiet = 0

    def reset(self) -> None:
        """midiOutReset: every note off, sustain released."""
        for ch in range(16):
            self.fl.fluid_synth_cc(self.h, ch, 64, 0)
            self.fl.fluid_synth_all_notes_off(self.h, ch)
        self.quiet = 0

    def close(self) -> None:
        self.fs.delete()

    # ---- mixer source ---------------------------------------------------------------------------
    def active(self) -> bool:
        return self.quiet < QUIET_TAIL

    def frames_until_event(self) -> int | None:
        return None

    def render(self, n: int, out: np.ndarray | None) -> None:
        if out is None or n == 0:
            return
        buf = np.zeros((n, 2), np.float32)
        p = buf.ctypes.data
        self.fl.fluid_synth_write_float(self.h, n, p, 0, 2, p, 1, 2)
        lv, rv = (self.volume & 0xFFFF) / 0xFFFF, (self.volume >> 16) / 0xFFFF
        out += buf * np.array([32767.0 * lv, 32767.0 * rv], np.float32)
        if self.fl.fluid_synth_get_active_voice_count(self.h) > 0:
            self.quiet = 0
        else:
            self.quiet += n


class MidiOut:
    """An open midiOut handle."""

    def __init__(self, handle: int, cb: Callback) -> None:
        self.handle = handle
        self.cb = cb
        self.running = 0  # running status


class MidiDevices(mmdev.Devices[MidiOut]):
    """The process's midiOut handles, the device volume and the shared synthesizer."""

    def __init__(self) -> None:
        super().__init__(HANDLE_BASE)
        self.synth: Synth | None = None
        self.tried = False


def _st(m: "Machine") -> MidiDevices:
    st = m.state.get("midiout")
    if st is None:
        st = m.state["midiout"] = MidiDevices()
    return st


def synth(m: "Machine") -> Synth | None:
    """The process's synthesizer (created with the first open), or None when none is installed."""
    st = _st(m)
    if not st.tried:
        st.tried = True
        sf2 = find_soundfont()
        try:
            if sf2 is None:
                raise OSError("no SoundFont")
            import fluidsynth  # noqa: PLC0415 - optional
            s = Synth(fluidsynth, sf2)
        except Exception:  # noqa: BLE001 - a missing or broken optional library: silent MIDI
            m.log(NO_SYNTH)
            return None
        s.volume = st.volume
        st.synth = s
        mixer.get(m).add_source(s)
        m.state.setdefault("exit_hooks", []).append(s.close)
    return st.synth


def _notify(m: "Machine", mo: MidiOut, msg: int, p1: int = 0) -> None:
    """Deliver MOM_OPEN/DONE/CLOSE through the handle's callback."""
    mo.cb.notify(m, mo.handle, msg, p1)


def _get(m: "Machine", h: int) -> MidiOut | None:
    return _st(m).get(h)


_advance = mmdev.advance


# ---- API ------------------------------------------------------------------------------------------
@stdcall("winmm")
def midiOutGetNumDevs(m: "Machine") -> UINT:
    """Number of MIDI output devices: one (the software synthesizer)."""
    return 1


def _caps(m: "Machine", dev: int, p: int, cb: int, wide: bool) -> int:
    """MIDIOUTCAPSA/W of the device, the mapper (MOD_MAPPER) or an open handle."""
    mapper = dev in MAPPER_IDS
    tail = struct.pack("<HHHHI", 5 if mapper else MOD_SWSYNTH, 48, 48, 0xFFFF, MIDICAPS_VOLUME | MIDICAPS_LRVOLUME)
    return mmdev.write_caps(m, _st(m).known(dev), p, cb, wide, 1 if mapper else 102,
                            MAPPER_NAME if mapper else DEVICE_NAME, tail)


@stdcall("winmm")
def midiOutGetDevCapsA(m: "Machine", uDeviceID: UINT, pmoc: PTR, cbmoc: UINT) -> UINT:
    """MIDIOUTCAPSA of the device, MIDI_MAPPER or an open handle (a software synthesizer, 16 channels)."""
    return _caps(m, uDeviceID, pmoc, cbmoc, False)


@stdcall("winmm")
def midiOutGetDevCapsW(m: "Machine", uDeviceID: UINT, pmoc: PTR, cbmoc: UINT) -> UINT:
    """Wide midiOutGetDevCaps."""
    return _caps(m, uDeviceID, pmoc, cbmoc, True)


@stdcall("winmm")
def midiOutOpen(m: "Machine", phmo: PTR, uDeviceID: UINT, dwCallback: DWORD, dwInstance: DWORD,
                fdwOpen: DWORD) -> UINT:
    """Open the MIDI output device (or the mapper); MOM_OPEN follows through the callback."""
    err = Callback.check_open(uDeviceID, fdwOpen, _OPEN_FLAGS)
    if err:
        return err
    if not phmo:
        return MMSYSERR_INVALPARAM
    st = _st(m)
    synth(m)
    cb = Callback(dwCallback, dwInstance, fdwOpen)
    mo = st.open(m, phmo, lambda h: MidiOut(h, cb))
    mixer.get(m).ensure_pump()  # the audio thread keeps a real-time sound device fed between messages
    _notify(m, mo, MOM_OPEN)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutClose(m: "Machine", hmo: DWORD) -> UINT:
    """Close a handle; MOM_CLOSE follows."""
    mo = _get(m, hmo)
    if mo is None:
        return MMSYSERR_INVALHANDLE
    del _st(m).handles[hmo]
    _notify(m, mo, MOM_CLOSE)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutShortMsg(m: "Machine", hmo: DWORD, dwMsg: DWORD) -> UINT:
    """Send a channel message (status in the low byte, running status allowed) to the synthesizer at the
    current guest time."""
    mo = _get(m, hmo)
    if mo is None:
        return MMSYSERR_INVALHANDLE
    status, d1, d2 = dwMsg & 0xFF, (dwMsg >> 8) & 0x7F, (dwMsg >> 16) & 0x7F
    if status < 0x80:  # running status: the bytes are data for the previous status
        if not mo.running:
            return MMSYSERR_NOERROR
        status, d1, d2 = mo.running, dwMsg & 0x7F, (dwMsg >> 8) & 0x7F
    elif status < 0xF0:
        mo.running = status
    else:
        if status < 0xF8:
            mo.running = 0  # system common messages cancel running status; real-time ones do not
        return MMSYSERR_NOERROR
    s = synth(m)
    if s is not None:
        _advance(m)
        s.short(status, d1, d2 if MSG_LEN[status & 0xF0] == 3 else 0)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutPrepareHeader(m: "Machine", hmo: DWORD, pmh: PTR, cbmh: UINT) -> UINT:
    """Mark a MIDIHDR prepared (MHDR_PREPARED) for midiOutLongMsg."""
    err = MIDIHDR.check(m, _get(m, hmo), pmh, cbmh)
    return err or MIDIHDR.prepare(m, pmh, refuse_queued=False)


@stdcall("winmm")
def midiOutUnprepareHeader(m: "Machine", hmo: DWORD, pmh: PTR, cbmh: UINT) -> UINT:
    """Clear MHDR_PREPARED (MIDIERR_STILLPLAYING while the buffer is queued)."""
    err = MIDIHDR.check(m, _get(m, hmo), pmh, cbmh)
    return err or MIDIHDR.unprepare(m, pmh)


@stdcall("winmm")
def midiOutLongMsg(m: "Machine", hmo: DWORD, pmh: PTR, cbmh: UINT) -> UINT:
    """Send the system-exclusive messages of a prepared buffer; it is returned at once (MHDR_DONE, MOM_DONE)."""
    mo = _get(m, hmo)
    err, (data, length, *_rest) = MIDIHDR.sendable(m, mo, pmh, cbmh)
    if mo is None or err:
        return err
    try:
        body = m.mem.read(data, length) if length else b""
    except GuestMemoryError:
        return MMSYSERR_INVALPARAM
    s = synth(m)
    if s is not None:
        _advance(m)
        for part in body.split(b"\xF7"):
            i = part.find(b"\xF0")
            if i >= 0:
                s.sysex(part[i + 1:])
    MIDIHDR.returned(m, pmh)
    _notify(m, mo, MOM_DONE, pmh)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutReset(m: "Machine", hmo: DWORD) -> UINT:
    """Turn off every note on every channel (sustain released)."""
    mo = _get(m, hmo)
    if mo is None:
        return MMSYSERR_INVALHANDLE
    mo.running = 0
    s = synth(m)
    if s is not None:
        _advance(m)
        s.reset()
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutSetVolume(m: "Machine", hmo: DWORD, dwVolume: DWORD) -> UINT:
    """Set the synthesizer's volume (low word left, high word right, 0xFFFF full) by handle or device ID."""
    st = _st(m)
    _mo, err = st.resolve(hmo)
    if err:
        return err
    _advance(m)
    st.volume = dwVolume
    if st.synth is not None:
        st.synth.volume = dwVolume
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutGetVolume(m: "Machine", hmo: DWORD, pdwVolume: PTR) -> UINT:
    """The synthesizer's volume."""
    st = _st(m)
    _mo, err = st.resolve(hmo)
    if err:
        return err
    if not pdwVolume:
        return MMSYSERR_INVALPARAM
    m.mem.w32(pdwVolume, st.volume)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def midiOutGetID(m: "Machine", hmo: DWORD, puDeviceID: PTR) -> UINT:
    """The device ID behind a handle (always device 0)."""
    return _st(m).get_id(m, hmo, puDeviceID)


@stdcall("winmm")
def midiOutGetErrorTextA(m: "Machine", mmrError: UINT, pszText: LPSTR, cchText: UINT) -> UINT:
    """Describe an MMSYSERR_/MIDIERR_ code in a buffer of cchText characters."""
    return mmdev.error_text(m, MIDI_ERROR_TEXT, mmrError, pszText, cchText, False)


@stdcall("winmm")
def midiOutGetErrorTextW(m: "Machine", mmrError: UINT, pszText: PTR, cchText: UINT) -> UINT:
    """Wide midiOutGetErrorText."""
    return mmdev.error_text(m, MIDI_ERROR_TEXT, mmrError, pszText, cchText, True)
