"""winmm waveOut: one wave output device (plus the wave mapper) feeding the mixer.

Each open handle is a mixer source (``WaveOut``) with a queue of the guest's WAVEHDRs. Samples are read
from guest memory when they are mixed (zero-copy views), converted from the open format (PCM 8/16-bit,
mono/stereo, any rate: linear interpolation with exact integer position arithmetic) and scaled by the
handle's volume. A buffer is done when its last sample has been mixed: WHDR_DONE is set, WHDR_INQUEUE
cleared and WOM_DONE delivered. WHDR_BEGINLOOP/WHDR_ENDLOOP loops repeat a run of buffers dwLoops times.
Position (waveOutGetPosition) counts the samples really mixed since open or reset; an empty queue or a
paused handle does not move it.

Callbacks are delivered when the mixer notices the event, at the guest time it happens (the audio thread
wakes then, see ``audio.pump``):
* CALLBACK_FUNCTION: the audio thread calls ``waveOutProc(hwo, uMsg, dwInstance, dwParam1, dwParam2)`` as
  ordinary guest code, in order (WOM_OPEN first, WOM_CLOSE last), never inside another thread's API call;
* CALLBACK_WINDOW / CALLBACK_THREAD: MM_WOM_OPEN/DONE/CLOSE posted (wParam hwo, lParam the WAVEHDR);
* CALLBACK_EVENT: the event is set.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import numpy as np

from emu.api import DWORD, LPSTR, PTR, UINT, stdcall
from emu.memory import GuestMemoryError

from . import mixer, mmdev
from .mmdev import (CALLBACK_TYPEMASK, MAPPER_IDS, MMSYSERR_INVALHANDLE, MMSYSERR_INVALPARAM, MMSYSERR_NOERROR,
                    Callback)

if TYPE_CHECKING:
    from emu.machine import Machine

WAVERR_BADFORMAT = 32
WAVERR_STILLPLAYING = 33
WAVERR_UNPREPARED = 34
WAVERR_SYNC = 35

WAVE_MAPPER = mmdev.MAPPER
WAVE_FORMAT_QUERY = 0x1
WAVE_ALLOWSYNC = 0x2
WAVE_MAPPED = 0x4
WAVE_FORMAT_DIRECT = 0x8
_OPEN_FLAGS = WAVE_FORMAT_QUERY | WAVE_ALLOWSYNC | WAVE_MAPPED | WAVE_FORMAT_DIRECT | CALLBACK_TYPEMASK

WOM_OPEN, WOM_CLOSE, WOM_DONE = 0x3BB, 0x3BC, 0x3BD  # also MM_WOM_OPEN/CLOSE/DONE (window, thread messages)

WHDR_DONE = 0x01
WHDR_PREPARED = 0x02
WHDR_BEGINLOOP = 0x04
WHDR_ENDLOOP = 0x08
WHDR_INQUEUE = 0x10
WAVEHDR_SIZE = 32
WAVEHDR = mmdev.Header(WAVEHDR_SIZE, WHDR_PREPARED, WHDR_INQUEUE, WHDR_DONE, WAVERR_UNPREPARED, WAVERR_STILLPLAYING)

WAVE_FORMAT_PCM = 1
WAVE_FORMAT_EXTENSIBLE = 0xFFFE
KSDATAFORMAT_SUBTYPE_PCM = bytes.fromhex("0100000000001000800000aa00389b71")

TIME_MS, TIME_SAMPLES, TIME_BYTES = 0x1, 0x2, 0x4

WAVECAPS_VOLUME = 0x4
WAVECAPS_LRVOLUME = 0x8
WAVECAPS_SAMPLEACCURATE = 0x20
ALL_FORMATS = 0xFFFFF  # WAVE_FORMAT_1M08 .. WAVE_FORMAT_96S16
DEVICE_NAME = "exeplay Wave Out"
MAPPER_NAME = "Microsoft Sound Mapper"
HANDLE_BASE = 0x2000  # handles are distinct from device IDs (waveOutGetVolume & co. take either)

ERROR_TEXT = {
    **mmdev.MMSYSERR_TEXT,
    WAVERR_BADFORMAT: "The wave format is not supported by the installed drivers.",
    WAVERR_STILLPLAYING: "Buffers are still playing; reset the device or wait until playback ends.",
    WAVERR_UNPREPARED: "The wave header was not prepared.",
    WAVERR_SYNC: "The device is synchronous and cannot be opened without the WAVE_ALLOWSYNC flag.",
}


@dataclass
class WaveFormat:
    """A PCM format the device plays."""

    channels: int
    rate: int
    bits: int

    @property
    def align(self) -> int:
        return self.channels * self.bits // 8


@dataclass
class Hdr:
    """A queued WAVEHDR, as it was when waveOutWrite took it."""

    addr: int
    data: int
    length: int
    flags: int
    loops: int
    frames: int


def read_format(m: "Machine", p: int) -> WaveFormat | None:
    """The PCM format at ``p`` (WAVEFORMATEX, PCMWAVEFORMAT or WAVEFORMATEXTENSIBLE with the PCM subtype),
    or None when the device cannot play it."""
    try:
        tag, ch, rate, _avg, align, bits = m.mem.unpack("<HHIIHH", p)
        if tag == WAVE_FORMAT_EXTENSIBLE:
            cb, valid = m.mem.unpack("<HH", p + 16)
            if cb < 22 or m.mem.read(p + 24, 16) != KSDATAFORMAT_SUBTYPE_PCM or valid != bits:
                return None
        elif tag != WAVE_FORMAT_PCM:
            return None
    except GuestMemoryError:
        return None
    if ch not in (1, 2) or bits not in (8, 16) or not 1000 <= rate <= 192000 or align != ch * bits // 8:
        return None
    return WaveFormat(ch, rate, bits)


class WaveOut:
    """An open waveOut handle: a mixer source playing the guest's queued buffers."""

    def __init__(self, m: "Machine", handle: int, fmt: WaveFormat, cb: Callback, volume: int) -> None:
        self.m = m
        self.handle = handle
        self.fmt = fmt
        self.cb = cb
        self.volume = volume
        self.queue: list[Hdr] = []
        self.cur = 0  # index in queue of the buffer playing
        self.pos = 0  # frames of queue[cur] already consumed
        self.frac = 0  # fractional source position, in 1/RATE of a source frame
        self.loop_start: int | None = None
        self.loops_left = 0
        self.paused = False
        self.played = 0  # source frames mixed since open/reset (the position)
        self.underruns = 0  # times the queue ran dry and the program queued more later (a gap in the sound)

    # ---- guest-visible events -------------------------------------------------------------------
    def notify(self, msg: int, param1: int = 0) -> None:
        """Deliver WOM_OPEN/DONE/CLOSE through the handle's callback."""
        self.cb.notify(self.m, self.handle, msg, param1)

    def _return(self, h: Hdr) -> None:
        """Hand a buffer back to the program: WHDR_DONE set, WHDR_INQUEUE cleared, WOM_DONE."""
        WAVEHDR.returned(self.m, h.addr)
        self.notify(WOM_DONE, h.addr)

    # ---- queue ----------------------------------------------------------------------------------
    def write(self, h: Hdr) -> None:
        self.queue.append(h)
        if len(self.queue) == 1:
            if self.played and not self.paused:
                self.underruns += 1
            self._enter()

    def _enter(self) -> None:
        """queue[cur] starts playing: a WHDR_BEGINLOOP buffer outside a loop opens one."""
        if self.loop_start is None and self.cur < len(self.queue) and self.queue[self.cur].flags & WHDR_BEGINLOOP:
            self.loop_start = self.cur
            self.loops_left = max(1, self.queue[self.cur].loops)

    def _finish(self) -> None:
        """queue[cur] has been consumed: loop back, move on, or return the buffers that are done."""
        h = self.queue[self.cur]
        self.pos -= h.frames  # a downsampling step may carry into the next buffer
        if h.flags & WHDR_ENDLOOP and self.loop_start is not None and self.loops_left > 1:
            self.loops_left -= 1
            if sum(x.frames for x in self.queue[self.loop_start:self.cur + 1]) == 0:
                self.loops_left = 1  # an empty loop would never end
            self.cur = self.loop_start
            return
        if self.loop_start is not None and not h.flags & WHDR_ENDLOOP:
            self.cur += 1  # inside a loop: buffers stay queued until the loop ends
            return
        done = self.queue[:self.cur + 1]
        del self.queue[:self.cur + 1]
        self.cur = 0
        self.loop_start = None
        for d in done:
            self._return(d)
        if self.queue:
            self._enter()
        else:
            self.pos = 0
            self.frac = 0

    def reset(self) -> None:
        """waveOutReset: return every queued buffer, position back to zero."""
        done = self.queue
        self.queue = []
        self.cur = self.pos = self.frac = self.played = 0
        self.loop_start = None
        for d in done:
            self._return(d)

    def pause(self) -> None:
        """waveOutPause: the position holds until restart."""
        self.paused = True

    def restart(self) -> None:
        """waveOutRestart."""
        self.paused = False

    def break_loop(self) -> None:
        """waveOutBreakLoop: the playing loop ends after its current pass."""
        if self.loop_start is not None:
            self.loops_left = 1

    # ---- mixer source ---------------------------------------------------------------------------
    def active(self) -> bool:
        return not self.paused and self.cur < len(self.queue)

    def frames_until_event(self) -> int | None:
        if not self.active():
            return None
        left = self.queue[self.cur].frames - self.pos
        if left <= 0:
            return 0
        src = self.fmt.rate
        return -(-(left * mixer.RATE - self.frac) // src)

    def _samples(self, h: Hdr, start: int, n: int) -> np.ndarray:
        """``n`` frames of ``h`` from frame ``start`` as float32 (n, channels) in int16 scale."""
        f = self.fmt
        nbytes = n * f.align
        addr = h.data + start * f.align
        try:
            raw: object = self.m.mem.view(addr, nbytes)
        except GuestMemoryError:
            try:
                raw = self.m.mem.read(addr, nbytes)
            except GuestMemoryError:
                return np.zeros((n, f.channels), np.float32)
        if f.bits == 16:
            a = np.frombuffer(raw, "<i2").astype(np.float32)  # type: ignore[call-overload]
        else:
            a = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) * 256.0  # type: ignore[call-overload]
        return a.reshape(n, f.channels)

    def _next_first(self) -> np.ndarray | None:
        """The first frame that plays after queue[cur] ends (for interpolating across the boundary)."""
        h = self.queue[self.cur]
        if h.flags & WHDR_ENDLOOP and self.loop_start is not None and self.loops_left > 1:
            nxt = self.loop_start
        else:
            nxt = self.cur + 1
        while nxt < len(self.queue):
            if self.queue[nxt].frames:
                return self._samples(self.queue[nxt], 0, 1)
            nxt += 1
        return None

    def render(self, n: int, out: np.ndarray | None) -> None:
        src = self.fmt.rate
        R = mixer.RATE
        k = 0
        while not self.paused and self.cur < len(self.queue):
            h = self.queue[self.cur]
            if self.pos >= h.frames:
                self._finish()
                continue
            if k >= n or out is None:
                break
            left = h.frames - self.pos
            if src == R:
                take = min(n - k, left)
                s = self._samples(h, self.pos, take)
                adv = take
            else:
                kmax = -(-(left * R - self.frac) // src)
                take = min(n - k, kmax)
                t = self.frac + np.arange(take, dtype=np.int64) * src
                idx = t // R
                frac = ((t % R).astype(np.float32) / np.float32(R))[:, None]
                need = int(idx[-1]) + 2
                have = min(need, left)
                s0 = self._samples(h, self.pos, have)
                if have < need:
                    nx = self._next_first()
                    s0 = np.concatenate([s0, nx if nx is not None else s0[-1:]])
                s = s0[idx] + (s0[idx + 1] - s0[idx]) * frac
                total = self.frac + take * src
                adv = total // R
                self.frac = total % R
            self._mix(s, out[k:k + take])
            self.pos += adv
            self.played += adv
            k += take

    def _mix(self, s: np.ndarray, out: np.ndarray) -> None:
        vol = self.volume
        lv, rv = (vol & 0xFFFF) / 0xFFFF, (vol >> 16) / 0xFFFF
        if s.shape[1] == 1:
            if lv == rv:
                out += s * np.float32(lv) if lv != 1.0 else s
            else:
                out += s * np.array([lv, rv], np.float32)
        elif lv == 1.0 and rv == 1.0:
            out += s
        else:
            out += s * np.array([lv, rv], np.float32)


# ---- handle table ------------------------------------------------------------------------------
class WaveDevices(mmdev.Devices[WaveOut]):
    """The process's waveOut handles, device volume, and the underruns of the handles already closed."""

    def __init__(self) -> None:
        super().__init__(HANDLE_BASE)
        self.underruns = 0


def _st(m: "Machine") -> WaveDevices:
    st = m.state.get("waveout")
    if st is None:
        st = m.state["waveout"] = WaveDevices()
        m.state.setdefault("exit_hooks", []).append(lambda: _report(m))
    return st


def _report(m: "Machine") -> None:
    """At exit: say how often the program let a playing queue run dry."""
    st = _st(m)
    n = st.underruns + sum(wo.underruns for wo in st.handles.values())
    if n:
        m.log(f"sound: waveOut queues ran dry {n} times (the program was late with its buffers)")


def _get(m: "Machine", h: int) -> WaveOut | None:
    return _st(m).get(h)


_advance = mmdev.advance


# ---- API ---------------------------------------------------------------------------------------
@stdcall("winmm")
def waveOutGetNumDevs(m: "Machine") -> UINT:
    """Number of wave output devices: one."""
    return 1


def _caps(m: "Machine", uDeviceID: int, p: int, cb: int, wide: bool) -> int:
    """WAVEOUTCAPSA/W of the device, the mapper or an open handle."""
    name = MAPPER_NAME if uDeviceID in MAPPER_IDS else DEVICE_NAME
    tail = struct.pack("<IHHI", ALL_FORMATS, 2, 0, WAVECAPS_VOLUME | WAVECAPS_LRVOLUME | WAVECAPS_SAMPLEACCURATE)
    return mmdev.write_caps(m, _st(m).known(uDeviceID), p, cb, wide, 100, name, tail)


@stdcall("winmm")
def waveOutGetDevCapsA(m: "Machine", uDeviceID: UINT, pwoc: PTR, cbwoc: UINT) -> UINT:
    """WAVEOUTCAPSA of a device ID, WAVE_MAPPER or an open handle (formats, channels, volume support)."""
    return _caps(m, uDeviceID, pwoc, cbwoc, False)


@stdcall("winmm")
def waveOutGetDevCapsW(m: "Machine", uDeviceID: UINT, pwoc: PTR, cbwoc: UINT) -> UINT:
    """WAVEOUTCAPSW of a device ID, WAVE_MAPPER or an open handle."""
    return _caps(m, uDeviceID, pwoc, cbwoc, True)


@stdcall("winmm")
def waveOutOpen(m: "Machine", phwo: PTR, uDeviceID: UINT, pwfx: PTR, dwCallback: DWORD, dwInstance: DWORD,
                fdwOpen: DWORD) -> UINT:
    """Open the wave output device for a PCM format (or only ask, WAVE_FORMAT_QUERY); WOM_OPEN follows."""
    err = Callback.check_open(uDeviceID, fdwOpen, _OPEN_FLAGS)
    if err:
        return err
    if not pwfx:
        return MMSYSERR_INVALPARAM
    fmt = read_format(m, pwfx)
    if fmt is None:
        return WAVERR_BADFORMAT
    if fdwOpen & WAVE_FORMAT_QUERY:
        return MMSYSERR_NOERROR
    if not phwo:
        return MMSYSERR_INVALPARAM
    st = _st(m)
    cb = Callback(dwCallback, dwInstance, fdwOpen)
    wo = st.open(m, phwo, lambda h: WaveOut(m, h, fmt, cb, st.volume))
    mx = mixer.get(m)
    mx.add_source(wo)
    mx.ensure_pump()
    wo.notify(WOM_OPEN)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def waveOutClose(m: "Machine", hwo: DWORD) -> UINT:
    """Close a handle whose buffers have all been returned (else WAVERR_STILLPLAYING); WOM_CLOSE follows."""
    wo = _get(m, hwo)
    if wo is None:
        return MMSYSERR_INVALHANDLE
    _advance(m)
    if wo.queue:
        return WAVERR_STILLPLAYING
    st = _st(m)
    del st.handles[hwo]
    st.underruns += wo.underruns
    mixer.get(m).remove_source(wo)
    wo.notify(WOM_CLOSE)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def waveOutPrepareHeader(m: "Machine", hwo: DWORD, pwh: PTR, cbwh: UINT) -> UINT:
    """Mark a WAVEHDR prepared (WHDR_PREPARED) for waveOutWrite."""
    err = WAVEHDR.check(m, _get(m, hwo), pwh, cbwh)
    return err or WAVEHDR.prepare(m, pwh, refuse_queued=True)


@stdcall("winmm")
def waveOutUnprepareHeader(m: "Machine", hwo: DWORD, pwh: PTR, cbwh: UINT) -> UINT:
    """Clear WHDR_PREPARED once the device has returned the buffer (else WAVERR_STILLPLAYING)."""
    err = WAVEHDR.check(m, _get(m, hwo), pwh, cbwh)
    if err:
        return err
    _advance(m)
    return WAVEHDR.unprepare(m, pwh)


@stdcall("winmm")
def waveOutWrite(m: "Machine", hwo: DWORD, pwh: PTR, cbwh: UINT) -> UINT:
    """Queue a prepared buffer for playing; it is returned (WHDR_DONE, WOM_DONE) once it has been played."""
    wo = _get(m, hwo)
    err, (data, length, _rec, _user, flags, loops) = WAVEHDR.sendable(m, wo, pwh, cbwh)
    if wo is None or err:
        return err
    _advance(m)
    m.mem.w32(pwh + 16, (flags | WHDR_INQUEUE) & ~WHDR_DONE)
    frames = length // wo.fmt.align
    if frames and not m.mem.is_mapped(data, frames * wo.fmt.align):
        frames = 0
    wo.write(Hdr(pwh, data, length, flags, loops, frames))
    mixer.get(m).kick()
    return MMSYSERR_NOERROR


def _control(m: "Machine", hwo: int, change: Callable[[WaveOut], None], kick: bool = True) -> int:
    """The calls that change a handle's playback: mix up to now, ``change`` the handle and (with ``kick``) have
    the audio thread recompute its wake-up time."""
    wo = _get(m, hwo)
    if wo is None:
        return MMSYSERR_INVALHANDLE
    _advance(m)
    change(wo)
    if kick:
        mixer.get(m).kick()
    return MMSYSERR_NOERROR


@stdcall("winmm")
def waveOutReset(m: "Machine", hwo: DWORD) -> UINT:
    """Stop playing, return every queued buffer (WHDR_DONE) and set the position back to zero."""
    return _control(m, hwo, WaveOut.reset)


@stdcall("winmm")
def waveOutPause(m: "Machine", hwo: DWORD) -> UINT:
    """Pause playing (the position holds) until waveOutRestart."""
    return _control(m, hwo, WaveOut.pause)


@stdcall("winmm")
def waveOutRestart(m: "Machine", hwo: DWORD) -> UINT:
    """Resume a paused handle."""
    return _control(m, hwo, WaveOut.restart)


@stdcall("winmm")
def waveOutBreakLoop(m: "Machine", hwo: DWORD) -> UINT:
    """End the playing WHDR_BEGINLOOP/ENDLOOP loop after its current pass."""
    return _control(m, hwo, WaveOut.break_loop, kick=False)


@stdcall("winmm")
def waveOutGetPosition(m: "Machine", hwo: DWORD, pmmt: PTR, cbmmt: UINT) -> UINT:
    """MMTIME of the playback position (samples mixed since open/reset) in TIME_BYTES, TIME_SAMPLES or TIME_MS;
    other kinds get TIME_BYTES."""
    wo = _get(m, hwo)
    if wo is None:
        return MMSYSERR_INVALHANDLE
    if not pmmt or cbmmt < 8:
        return MMSYSERR_INVALPARAM
    _advance(m)
    kind = m.mem.u32(pmmt)
    if kind == TIME_SAMPLES:
        v = wo.played
    elif kind == TIME_MS:
        v = wo.played * 1000 // wo.fmt.rate
    else:
        kind, v = TIME_BYTES, wo.played * wo.fmt.align
    m.mem.pack("<II", pmmt, kind, v & 0xFFFFFFFF)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def waveOutSetVolume(m: "Machine", hwo: DWORD, dwVolume: DWORD) -> UINT:
    """Set the volume (low word left, high word right, 0xFFFF full) of a handle, or of the device for
    handles opened later."""
    st = _st(m)
    wo, err = st.resolve(hwo)
    if err:
        return err
    if wo is None:
        st.volume = dwVolume
        return MMSYSERR_NOERROR
    _advance(m)
    wo.volume = dwVolume
    return MMSYSERR_NOERROR


@stdcall("winmm")
def waveOutGetVolume(m: "Machine", hwo: DWORD, pdwVolume: PTR) -> UINT:
    """The volume of a handle or of the device."""
    if not pdwVolume:
        return MMSYSERR_INVALPARAM
    st = _st(m)
    wo, err = st.resolve(hwo)
    if err:
        return err
    m.mem.w32(pdwVolume, st.volume if wo is None else wo.volume)
    return MMSYSERR_NOERROR


@stdcall("winmm")
def waveOutGetID(m: "Machine", hwo: DWORD, puDeviceID: PTR) -> UINT:
    """The device ID behind a handle (always device 0)."""
    return _st(m).get_id(m, hwo, puDeviceID)


@stdcall("winmm")
def waveOutGetErrorTextA(m: "Machine", mmrError: UINT, pszText: LPSTR, cchText: UINT) -> UINT:
    """Describe an MMSYSERR_/WAVERR_ code in a buffer of cchText characters."""
    return mmdev.error_text(m, ERROR_TEXT, mmrError, pszText, cchText, False)


@stdcall("winmm")
def waveOutGetErrorTextW(m: "Machine", mmrError: UINT, pszText: PTR, cchText: UINT) -> UINT:
    """Wide waveOutGetErrorText."""
    return mmdev.error_text(m, ERROR_TEXT, mmrError, pszText, cchText, True)
