"""winmm device plumbing shared by waveOut (``audio.waveout``) and midiOut (``audio.midi``).

* result codes (MMSYSERR_*) and their texts, ``error_text`` for the xxxGetErrorTextA/W calls;
* ``Callback``: the way an open handle reports its events (CALLBACK_FUNCTION on the audio thread,
  CALLBACK_WINDOW / CALLBACK_THREAD messages, CALLBACK_EVENT), built from waveOutOpen/midiOutOpen's
  (dwCallback, dwInstance, fdwOpen), and the checks of fdwOpen's callback bits;
* ``Devices``: a process's open handles of one device kind (device 0 plus the mapper) and the device volume,
  with the handle / device-ID checks of the GetID, GetVolume and SetVolume calls;
* ``Header``: WAVEHDR / MIDIHDR validation and dwFlags handling (prepare, unprepare, queue, return);
* ``write_caps``: WAVEOUTCAPS / MIDIOUTCAPS in their A and W forms.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from emu.memory import GuestMemoryError

from . import mixer

if TYPE_CHECKING:
    from emu.machine import Machine

MMSYSERR_NOERROR = 0
MMSYSERR_ERROR = 1
MMSYSERR_BADDEVICEID = 2
MMSYSERR_INVALHANDLE = 5
MMSYSERR_NODRIVER = 6
MMSYSERR_NOMEM = 7
MMSYSERR_NOTSUPPORTED = 8
MMSYSERR_BADERRNUM = 9
MMSYSERR_INVALFLAG = 10
MMSYSERR_INVALPARAM = 11

MMSYSERR_TEXT = {
    MMSYSERR_NOERROR: "The command was carried out.",
    MMSYSERR_ERROR: "An undetermined error occurred.",
    MMSYSERR_BADDEVICEID: "The device ID is out of range for your system.",
    3: "The driver failed to enable.",
    4: "The device is already in use.",
    MMSYSERR_INVALHANDLE: "The device handle is not valid.",
    MMSYSERR_NODRIVER: "There is no driver installed on your system.",
    MMSYSERR_NOMEM: "There is not enough memory for this task.",
    MMSYSERR_NOTSUPPORTED: "The driver does not support this function.",
    MMSYSERR_BADERRNUM: "The error number does not exist in the system.",
    MMSYSERR_INVALFLAG: "An invalid flag was passed to a system function.",
    MMSYSERR_INVALPARAM: "An invalid parameter was passed to a system function.",
    12: "The handle is being used simultaneously on another thread (such as a callback).",
}

MAPPER = 0xFFFFFFFF  # WAVE_MAPPER, MIDI_MAPPER
MAPPER_IDS = (MAPPER, 0xFFFF)  # the mapper, also as a 16-bit ID
DEVICE_IDS = (0, *MAPPER_IDS)  # the one device and the mapper

CALLBACK_TYPEMASK = 0x70000
CALLBACK_NULL = 0x00000
CALLBACK_WINDOW = 0x10000
CALLBACK_THREAD = 0x20000
CALLBACK_FUNCTION = 0x30000
CALLBACK_EVENT = 0x50000
CALLBACK_KINDS = (CALLBACK_NULL, CALLBACK_WINDOW, CALLBACK_THREAD, CALLBACK_FUNCTION, CALLBACK_EVENT)

HDR_FLAGS = 16  # offset of dwFlags in WAVEHDR and MIDIHDR


def advance(m: "Machine") -> None:
    """Mix up to the current guest time (before anything that reads or changes playback)."""
    mixer.get(m).advance()


def error_text(m: "Machine", table: dict[int, str], err: int, p: int, cch: int, wide: bool) -> int:
    """xxxGetErrorTextA/W: the text of ``err`` from ``table``, cut to ``cch`` characters with its terminator."""
    text = table.get(err)
    if text is None:
        return MMSYSERR_BADERRNUM
    if not p or cch == 0:
        return MMSYSERR_INVALPARAM
    text = text[:cch - 1]
    if wide:
        m.mem.write_wstr(p, text)
    else:
        m.mem.write_cstr(p, text)
    return MMSYSERR_NOERROR


def write_caps(m: "Machine", known: bool, p: int, cb: int, wide: bool, pid: int, name: str, tail: bytes) -> int:
    """xxxGetDevCapsA/W for a ``known`` device, mapper or handle: the first ``cb`` bytes of a WAVEOUTCAPS /
    MIDIOUTCAPS: wMid (Microsoft), ``pid``, driver version 5.0, szPname (32 characters), then the kind's own
    fields ``tail``."""
    if not known:
        return MMSYSERR_BADDEVICEID
    if not p:
        return MMSYSERR_INVALPARAM
    pname = (name.encode("utf-16-le") + b"\0\0").ljust(64, b"\0") if wide else name.encode("ascii").ljust(32, b"\0")
    data = struct.pack("<HHI", 1, pid, 0x0500) + pname + tail
    m.mem.write(p, data[:cb])
    return MMSYSERR_NOERROR


class Callback:
    """How an open handle reports its events, from xxxOpen's (dwCallback, dwInstance, fdwOpen)."""

    def __init__(self, callback: int, instance: int, flags: int) -> None:
        self.kind = flags & CALLBACK_TYPEMASK
        self.callback = callback
        self.instance = instance

    @staticmethod
    def check_open(dev: int, flags: int, allowed: int) -> int:
        """xxxOpen's first checks: MMSYSERR_BADDEVICEID unless ``dev`` is the device or the mapper,
        MMSYSERR_INVALFLAG for open flags outside ``allowed`` or an unknown CALLBACK_ kind."""
        if dev not in DEVICE_IDS:
            return MMSYSERR_BADDEVICEID
        if flags & ~allowed or (flags & CALLBACK_TYPEMASK) not in CALLBACK_KINDS:
            return MMSYSERR_INVALFLAG
        return MMSYSERR_NOERROR

    def notify(self, m: "Machine", handle: int, msg: int, param1: int = 0) -> None:
        """Deliver ``msg`` (WOM_*/MOM_*, also MM_WOM_*/MM_MOM_*) for ``handle``: the callback function called
        on the audio thread, a message posted to the window or thread (wParam the handle, lParam ``param1``),
        or the event set."""
        if self.kind == CALLBACK_FUNCTION and self.callback:
            mixer.get(m).queue_callback(self.callback, handle, msg, self.instance, param1, 0)
        elif self.kind == CALLBACK_WINDOW and self.callback:
            from gdi import message  # noqa: PLC0415
            message.post(m, self.callback, msg, handle, param1)
        elif self.kind == CALLBACK_THREAD and self.callback:
            from gdi import message  # noqa: PLC0415
            if any(t.tid == self.callback and not t.done for t in m.threads):
                message.post(m, 0, msg, handle, param1, tid=self.callback)
        elif self.kind == CALLBACK_EVENT:
            from emu.objects import Event  # noqa: PLC0415
            ev = m.handles.get(self.callback)
            if isinstance(ev, Event):
                ev.state = True


T = TypeVar("T")


class Devices(Generic[T]):
    """A process's open handles of one device kind (handle values apart from device IDs, as the calls that
    take either need) and the device's own volume."""

    def __init__(self, base: int) -> None:
        self.handles: dict[int, T] = {}
        self.next = base
        self.volume = 0xFFFFFFFF

    def get(self, h: int) -> T | None:
        return self.handles.get(h)

    def open(self, m: "Machine", p: int, make: Callable[[int], T]) -> T:
        """Open a handle: ``make(handle)`` is its object; the handle is written at ``p``."""
        h = self.next
        self.next += 4
        obj = self.handles[h] = make(h)
        m.mem.w32(p, h)
        return obj

    def known(self, h: int) -> bool:
        """Whether ``h`` is an open handle, the device or the mapper."""
        return h in DEVICE_IDS or h in self.handles

    def resolve(self, h: int) -> tuple[T | None, int]:
        """For the volume calls: (the open handle ``h``, or None for the device or the mapper; MMSYSERR_NOERROR),
        or (None, MMSYSERR_INVALHANDLE) for anything else."""
        return self.handles.get(h), MMSYSERR_NOERROR if self.known(h) else MMSYSERR_INVALHANDLE

    def get_id(self, m: "Machine", h: int, p: int) -> int:
        """xxxGetID: the device ID behind an open handle (always device 0)."""
        if self.get(h) is None:
            return MMSYSERR_INVALHANDLE
        if not p:
            return MMSYSERR_INVALPARAM
        m.mem.w32(p, 0)
        return MMSYSERR_NOERROR


@dataclass(frozen=True)
class Header:
    """A buffer header kind (WAVEHDR, MIDIHDR): its smallest size, dwFlags bits and error codes."""

    size: int
    prepared: int
    inqueue: int
    done: int
    unprepared: int  # the error for an unprepared header
    busy: int  # the error for a header still queued

    def check(self, m: "Machine", obj: Any, p: int, cb: int) -> int:
        """The checks of every header call: an open handle ``obj``, a readable header of at least ``size``."""
        if obj is None:
            return MMSYSERR_INVALHANDLE
        if not p or cb < self.size or not m.mem.is_mapped(p, self.size):
            return MMSYSERR_INVALPARAM
        return MMSYSERR_NOERROR

    def prepare(self, m: "Machine", p: int, refuse_queued: bool) -> int:
        """xxxPrepareHeader: set the prepared flag (with ``refuse_queued``, ``busy`` for a queued header)."""
        f = m.mem.u32(p + HDR_FLAGS)
        if refuse_queued and f & self.inqueue:
            return self.busy
        m.mem.w32(p + HDR_FLAGS, f | self.prepared)
        return MMSYSERR_NOERROR

    def unprepare(self, m: "Machine", p: int) -> int:
        """xxxUnprepareHeader: clear the prepared flag once the device has returned the buffer (else ``busy``)."""
        f = m.mem.u32(p + HDR_FLAGS)
        if f & self.inqueue:
            return self.busy
        m.mem.w32(p + HDR_FLAGS, f & ~self.prepared)
        return MMSYSERR_NOERROR

    def sendable(self, m: "Machine", obj: Any, p: int, cb: int) -> tuple[int, tuple[int, ...]]:
        """xxxWrite / xxxLongMsg's checks: (an error, or MMSYSERR_NOERROR with the header's lpData, dwBufferLength,
        dwBytesRecorded, dwUser, dwFlags, dwLoops); ``unprepared`` / ``busy`` for a header that is not prepared /
        still queued."""
        err = self.check(m, obj, p, cb)
        if err:
            return err, (0,) * 6
        fields = m.mem.unpack("<6I", p)
        flags = fields[4]
        if not flags & self.prepared:
            return self.unprepared, fields
        if flags & self.inqueue:
            return self.busy, fields
        return MMSYSERR_NOERROR, fields

    def returned(self, m: "Machine", p: int) -> None:
        """Hand a buffer back to the program: done flag set, in-queue flag cleared."""
        try:
            f = m.mem.u32(p + HDR_FLAGS)
            m.mem.w32(p + HDR_FLAGS, (f | self.done) & ~self.inqueue)
        except GuestMemoryError:
            pass
