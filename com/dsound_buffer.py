"""DirectSound buffers: IDirectSoundBuffer / IDirectSoundBuffer8 and IDirectSoundNotify.

A secondary buffer's samples live in guest memory (its own mapping; duplicates share it). Every secondary
buffer is a source of the process's mixer (``audio.mixer``): while it plays, its frames are read from guest
memory when they are mixed (so data written just before the play cursor arrives is heard), converted from
the buffer's format (PCM 8/16-bit, mono/stereo) and resampled from its frequency to the mixer's 44.1 kHz by
linear interpolation with exact integer positions, then scaled by its volume and pan (hundredths of a
decibel: gain 10^(v/2000)). The play cursor is exactly what has been mixed (every call mixes up to the
current guest time first); the write cursor leads it by ``WRITE_LEAD`` seconds of frames while playing, as on
Windows. A non-looping buffer stops at its end and its position goes back to 0.

Notification positions (IDirectSoundNotify, buffers made with DSBCAPS_CTRLPOSITIONNOTIFY) set their event
when the mixer consumes the byte at the offset; DSBPN_OFFSETSTOP ones when the buffer stops (Stop or the end
of a non-looping buffer). The buffer tells the mixer how many frames remain until its next notification or
its end (``frames_until_event``), so the audio thread wakes exactly then.

The primary buffer (DSBCAPS_PRIMARYBUFFER) is the device's output: one per DirectSound object, its format
settable at DSSCL_PRIORITY (recorded; the mixer stays 44.1 kHz 16-bit stereo), its volume and pan scaling
every buffer of the object. Writing it (DSSCL_WRITEPRIMARY) is not supported: Lock answers DSERR_UNSUPPORTED.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Any

import numpy as np

from audio import mixer
from audio.waveout import KSDATAFORMAT_SUBTYPE_PCM, WAVE_FORMAT_EXTENSIBLE, WAVE_FORMAT_PCM
from emu.api import DWORD, LONG, PTR
from emu.memory import GuestMemoryError

from . import guids
from .factory import E_NOINTERFACE, ComObject, Interface, IUnknown, Ref, ensure_dll, todo

if TYPE_CHECKING:
    from emu.machine import Machine

# ---- constants (dsound.h) -----------------------------------------------------------------------------------
_FACDS = 0x878


def _dserr(code: int) -> int:
    return 0x80000000 | (_FACDS << 16) | code


DS_OK = 0
DSERR_ALLOCATED = _dserr(10)
DSERR_CONTROLUNAVAIL = _dserr(30)
DSERR_INVALIDPARAM = 0x80070057
DSERR_INVALIDCALL = _dserr(50)
DSERR_GENERIC = 0x80004005
DSERR_PRIOLEVELNEEDED = _dserr(70)
DSERR_OUTOFMEMORY = 0x8007000E
DSERR_BADFORMAT = _dserr(100)
DSERR_UNSUPPORTED = 0x80004001
DSERR_NODRIVER = _dserr(120)
DSERR_ALREADYINITIALIZED = _dserr(130)
DSERR_NOAGGREGATION = 0x80040110
DSERR_BUFFERLOST = _dserr(150)
DSERR_UNINITIALIZED = _dserr(170)
DSERR_NOINTERFACE = E_NOINTERFACE

DSBCAPS_PRIMARYBUFFER = 0x1
DSBCAPS_STATIC = 0x2
DSBCAPS_LOCHARDWARE = 0x4
DSBCAPS_LOCSOFTWARE = 0x8
DSBCAPS_CTRL3D = 0x10
DSBCAPS_CTRLFREQUENCY = 0x20
DSBCAPS_CTRLPAN = 0x40
DSBCAPS_CTRLVOLUME = 0x80
DSBCAPS_CTRLPOSITIONNOTIFY = 0x100
DSBCAPS_CTRLFX = 0x200
DSBCAPS_STICKYFOCUS = 0x4000
DSBCAPS_GLOBALFOCUS = 0x8000
DSBCAPS_GETCURRENTPOSITION2 = 0x10000
DSBCAPS_MUTE3DATMAXDISTANCE = 0x20000
DSBCAPS_LOCDEFER = 0x40000
DSBCAPS_TRUEPLAYPOSITION = 0x80000
_KNOWN_CAPS = 0xFC3FF

DSBPLAY_LOOPING = 0x1
DSBPLAY_LOCHARDWARE = 0x2
DSBPLAY_LOCSOFTWARE = 0x4
DSBPLAY_TERMINATEBY_TIME = 0x8
DSBPLAY_TERMINATEBY_DISTANCE = 0x10
DSBPLAY_TERMINATEBY_PRIORITY = 0x20
_DEFER_PLAY_FLAGS = 0x3E

DSBSTATUS_PLAYING = 0x1
DSBSTATUS_BUFFERLOST = 0x2
DSBSTATUS_LOOPING = 0x4
DSBSTATUS_LOCSOFTWARE = 0x10

DSBLOCK_FROMWRITECURSOR = 0x1
DSBLOCK_ENTIREBUFFER = 0x2

DSBSIZE_MIN = 4
DSBSIZE_MAX = 0x0FFFFFFF
DSBPAN_LEFT, DSBPAN_RIGHT = -10000, 10000
DSBVOLUME_MIN, DSBVOLUME_MAX = -10000, 0
DSBFREQUENCY_MIN, DSBFREQUENCY_MAX = 100, 200000
DSBFREQUENCY_ORIGINAL = 0
DSBPN_OFFSETSTOP = 0xFFFFFFFF
DSBNOTIFICATIONS_MAX = 100000

DSSCL_NORMAL, DSSCL_PRIORITY, DSSCL_EXCLUSIVE, DSSCL_WRITEPRIMARY = 1, 2, 3, 4

DSBUFFERDESC1_SIZE = 20
DSBUFFERDESC_SIZE = 36
DSBCAPS_SIZE = 20
WAVEFORMATEX_SIZE = 18

WRITE_LEAD = 0.010  # seconds the write cursor runs ahead of the play cursor while playing
PRIMARY_SECONDS = 0.1  # the primary buffer's length (its positions follow the mixer)

IID_IDirectSoundBuffer = guids.guid("279AFA85-4981-11CE-A521-0020AF0BE560")
IID_IDirectSoundBuffer8 = guids.guid("6825A449-7524-4D82-920F-50E36AB3AB1E")
IID_IDirectSoundNotify = guids.guid("B0210783-89CD-11D0-AF08-00A0C925CD16")


# ---- formats ------------------------------------------------------------------------------------------------
class Format:
    """A PCM format a buffer holds, with the WAVEFORMATEX(TENSIBLE) bytes GetFormat gives back."""

    def __init__(self, channels: int, rate: int, bits: int, raw: bytes) -> None:
        self.channels = channels
        self.rate = rate
        self.bits = bits
        self.raw = raw

    @property
    def align(self) -> int:
        return self.channels * self.bits // 8

    @classmethod
    def pcm(cls, channels: int, rate: int, bits: int) -> "Format":
        align = channels * bits // 8
        return cls(channels, rate, bits, struct.pack("<HHIIHHH", WAVE_FORMAT_PCM, channels, rate, rate * align,
                                                     align, bits, 0))


def read_format(m: "Machine", p: int) -> Format | int:
    """The PCM format at ``p`` (WAVEFORMATEX, PCMWAVEFORMAT or WAVEFORMATEXTENSIBLE with the PCM subtype), or
    DSERR_BADFORMAT (a format DirectSound cannot play) / DSERR_INVALIDPARAM (inconsistent fields)."""
    try:
        tag, ch, rate, _avg, align, bits = m.mem.unpack("<HHIIHH", p)
        if tag == WAVE_FORMAT_EXTENSIBLE:
            cb, valid = m.mem.unpack("<HH", p + 16)
            if cb < 22 or m.mem.read(p + 24, 16) != KSDATAFORMAT_SUBTYPE_PCM or valid != bits:
                return DSERR_BADFORMAT
            raw = m.mem.read(p, 18 + 22)
        elif tag == WAVE_FORMAT_PCM:
            raw = m.mem.read(p, 16) + b"\0\0"
        else:
            return DSERR_BADFORMAT
    except GuestMemoryError:
        return DSERR_INVALIDPARAM
    if ch not in (1, 2) or bits not in (8, 16):
        return DSERR_BADFORMAT
    if not DSBFREQUENCY_MIN <= rate <= DSBFREQUENCY_MAX or align != ch * bits // 8:
        return DSERR_INVALIDPARAM
    return Format(ch, rate, bits, raw)


def db_gain(v: int) -> float:
    """A level in hundredths of a decibel (DSBVOLUME_MIN..0) as a linear amplitude; DSBVOLUME_MIN is silence."""
    return 0.0 if v <= DSBVOLUME_MIN else 10.0 ** (v / 2000.0)


def pan_gains(volume: int, pan: int) -> tuple[float, float]:
    """(left, right) amplitudes of a volume and a pan: a pan attenuates the opposite channel by |pan|/100 dB."""
    return db_gain(volume - max(pan, 0)), db_gain(volume + min(pan, 0))


# ---- shared sample memory -----------------------------------------------------------------------------------
class SoundData:
    """The guest memory of a buffer's samples, shared by the buffer and its duplicates."""

    def __init__(self, m: "Machine", size: int, silence: int) -> None:
        self.size = size
        self.region = m.mem.alloc(size, tag="dsound buffer")
        self.addr = self.region.base
        self.bytes = np.frombuffer(m.mem.view(self.addr, size), np.uint8)
        if silence:
            self.bytes[:] = silence
        self.users = 0

    def release(self, m: "Machine") -> None:
        self.users -= 1
        if self.users <= 0 and self.region in m.mem.regions:
            m.mem.unmap(self.region)


# ---- the buffer object -------------------------------------------------------------------------------------
class Buffer(ComObject):
    """A DirectSound buffer (secondary: a mixer source; primary: the device's output)."""

    def __init__(self, m: "Machine", ds: Any, flags: int, fmt: Format, data: SoundData | None) -> None:
        super().__init__()
        self.m = m
        self.ds = ds  # the DirectSound object (com.dsound.DirectSound)
        self.flags = flags
        self.fmt = fmt
        self.orig_rate = fmt.rate
        self.freq = fmt.rate
        self.volume = 0
        self.pan = 0
        self.data = data
        if data is not None:
            data.users += 1
        self.frames = data.size // fmt.align if data is not None else 0
        self.pos = 0  # source frame the play cursor is at
        self.frac = 0  # fractional source position in 1/RATE of a source frame
        self.playing = False
        self.looping = False
        self.notifies: list[tuple[int, int]] = []  # (offset or DSBPN_OFFSETSTOP, event handle)
        self.primary_played = False

    @property
    def primary(self) -> bool:
        return bool(self.flags & DSBCAPS_PRIMARYBUFFER)

    @property
    def size(self) -> int:
        """dwBufferBytes."""
        if self.primary:
            return max(1, int(self.fmt.rate * PRIMARY_SECONDS)) * self.fmt.align
        return self.frames * self.fmt.align

    def find(self, iid: bytes) -> Interface | None:
        """IDirectSoundBuffer8 only on secondary buffers of DirectSound8 objects, IDirectSoundNotify only with
        DSBCAPS_CTRLPOSITIONNOTIFY."""
        iface = super().find(iid)
        if iface is IDirectSoundBuffer8 and (self.primary or self.ds.version < 8):
            return None
        if iface is IDirectSoundNotify and (self.primary or not self.flags & DSBCAPS_CTRLPOSITIONNOTIFY):
            return None
        return iface

    def destroy(self, m: "Machine") -> None:
        if not self.primary:
            mixer.get(m).remove_source(self)
        if self in self.ds.buffers:
            self.ds.buffers.remove(self)
        if self.ds.primary is self:
            self.ds.primary = None
        if self.data is not None:
            self.data.release(m)
            self.data = None

    # ---- cursors ------------------------------------------------------------------------------------------
    def lead_frames(self) -> int:
        """How far the write cursor runs ahead of the play cursor while playing (frames)."""
        return max(1, -(-self.freq * int(WRITE_LEAD * 1000) // 1000))

    def cursors(self) -> tuple[int, int]:
        """(play cursor, write cursor) in bytes."""
        a = self.fmt.align
        if self.primary:
            mx = mixer.get(self.m)
            n = self.size // a
            play = (mx.frames * self.fmt.rate // mixer.RATE) % n
            lead = max(1, -(-self.fmt.rate * int(WRITE_LEAD * 1000) // 1000))
            return play * a, (play + lead) % n * a
        if not self.playing or not self.frames:
            return self.pos * a, self.pos * a
        return self.pos * a, (self.pos + min(self.lead_frames(), self.frames - 1)) % self.frames * a

    # ---- events ---------------------------------------------------------------------------------------------
    def _signal(self, h: int) -> None:
        from emu.objects import Event  # noqa: PLC0415
        ev = self.m.handles.get(h)
        if isinstance(ev, Event):
            ev.state = True

    def _crossed(self, old: int, adv: int) -> None:
        """The play cursor moved ``adv`` frames on from frame ``old``: signal the offsets it passed."""
        if adv <= 0:
            return
        a = self.fmt.align
        for off, h in self.notifies:
            if off == DSBPN_OFFSETSTOP:
                continue
            d = off // a - old
            if self.looping:
                if d % self.frames < adv:
                    self._signal(h)
            elif 0 <= d < adv:
                self._signal(h)

    def stopped(self) -> None:
        """Playing ended (Stop, or the end of a non-looping buffer): DSBPN_OFFSETSTOP events."""
        self.playing = False
        for off, h in self.notifies:
            if off == DSBPN_OFFSETSTOP:
                self._signal(h)

    # ---- mixer source ------------------------------------------------------------------------------------
    def active(self) -> bool:
        """Mixer source: whether the buffer is playing."""
        return self.playing

    def _to_mixer_frames(self, adv: int) -> int:
        """Mixer frames until the play cursor has moved ``adv`` source frames."""
        return max(0, -(-(adv * mixer.RATE - self.frac) // self.freq))

    def frames_until_event(self) -> int | None:
        """Mixer source: mixer frames until the next notification offset is passed or a non-looping buffer
        ends."""
        if not self.playing or not self.frames:
            return None
        a = self.fmt.align
        best: int | None = None
        if not self.looping:
            best = self.frames - self.pos
        for off, _h in self.notifies:
            if off == DSBPN_OFFSETSTOP:
                continue
            d = off // a - self.pos
            if self.looping:
                d %= self.frames
            elif d < 0:
                continue
            if best is None or d + 1 < best:
                best = d + 1
        return None if best is None else self._to_mixer_frames(best)

    def _decode(self, start: int, n: int) -> np.ndarray:
        """Source frames [start, start+n) of the buffer (within it) as float32 (n, channels), int16 scale."""
        assert self.data is not None
        a = self.fmt.align
        raw = self.data.bytes[start * a:(start + n) * a]
        if self.fmt.bits == 16:
            s = raw.view("<i2").astype(np.float32)
        else:
            s = (raw.astype(np.float32) - 128.0) * 256.0
        return s.reshape(n, self.fmt.channels)

    def _window(self, need: int) -> np.ndarray:
        """``need`` source frames from the play cursor on: wrapping round a looping buffer, the last frame
        repeated past the end of a non-looping one."""
        f, p = self.frames, self.pos
        if need <= f - p:
            return self._decode(p, need)
        if not self.looping:
            s = self._decode(p, f - p)
            return np.concatenate([s, np.repeat(s[-1:], need - (f - p), axis=0)])
        if need <= f:
            return np.concatenate([self._decode(p, f - p), self._decode(0, need - (f - p))])
        whole = self._decode(0, f)
        return whole[(p + np.arange(need)) % f]

    def gains(self) -> tuple[float, float]:
        """(left, right) amplitudes: the buffer's volume and pan, then the primary buffer's."""
        lv, rv = pan_gains(self.volume, self.pan)
        prim = self.ds.primary
        if prim is not None and prim.flags & (DSBCAPS_CTRLVOLUME | DSBCAPS_CTRLPAN):
            pl, pr = pan_gains(prim.volume, prim.pan)
            lv, rv = lv * pl, rv * pr
        return lv, rv

    def render(self, n: int, out: np.ndarray | None) -> None:
        """Mixer source: add the next ``n`` frames (read from guest memory now) and move the play cursor."""
        if out is None or n <= 0 or not self.playing or not self.frames or self.data is None:
            return
        R = mixer.RATE
        lv, rv = self.gains()
        k = 0
        while k < n and self.playing:
            src = self.freq
            if self.looping:
                take = n - k
            else:
                take = min(n - k, self._to_mixer_frames(self.frames - self.pos))
                if take <= 0:
                    self._end()
                    break
            if src == R and self.frac == 0:
                s = self._window(take)
                adv = take
            else:
                t = self.frac + np.arange(take, dtype=np.int64) * src
                idx = t // R
                fr = ((t % R).astype(np.float32) / np.float32(R))[:, None]
                s0 = self._window(int(idx[-1]) + 2)
                s = s0[idx] + (s0[idx + 1] - s0[idx]) * fr
                total = self.frac + take * src
                adv = total // R
                self.frac = total % R
            dst = out[k:k + take]
            if s.shape[1] == 1:
                if lv == rv:
                    if lv:
                        dst += s * np.float32(lv)
                else:
                    dst += s * np.array([lv, rv], np.float32)
            elif lv != 1.0 or rv != 1.0:
                dst += s * np.array([lv, rv], np.float32)
            else:
                dst += s
            old = self.pos
            self._crossed(old, adv)
            k += take
            if self.looping:
                self.pos = (old + adv) % self.frames
            else:
                self.pos = old + adv
                if self.pos >= self.frames:
                    self._end()

    def _end(self) -> None:
        """A non-looping buffer played its last frame: it stops and its position goes back to 0."""
        self.pos = 0
        self.frac = 0
        self.stopped()


def _buf(this: Ref) -> Buffer:
    b = this.obj
    assert isinstance(b, Buffer)
    return b


def _advance(m: "Machine") -> None:
    mixer.get(m).advance()


def _start_pump(m: "Machine") -> None:
    """Start the audio thread (it lives in winmm.dll, which dsound.dll imports on Windows too)."""
    mx = mixer.get(m)
    if not mx.pump_started:
        ensure_dll(m, "winmm")
        mx.ensure_pump()


# ---- IDirectSoundBuffer methods -------------------------------------------------------------------------------
def GetCaps(m: "Machine", this: Ref, lpDSBufferCaps: PTR) -> DWORD:
    """IDirectSoundBuffer::GetCaps: DSBCAPS (creation flags plus where it is mixed: software) and its size."""
    b = _buf(this)
    if not lpDSBufferCaps or m.mem.u32(lpDSBufferCaps) != DSBCAPS_SIZE:
        return DSERR_INVALIDPARAM
    flags = b.flags & ~DSBCAPS_LOCDEFER
    if not flags & DSBCAPS_LOCHARDWARE:
        flags |= DSBCAPS_LOCSOFTWARE
    m.mem.pack("<5I", lpDSBufferCaps, DSBCAPS_SIZE, flags, b.size, 0, 0)
    return DS_OK


def GetCurrentPosition(m: "Machine", this: Ref, lpdwCurrentPlayCursor: PTR, lpdwCurrentWriteCursor: PTR) -> DWORD:
    """IDirectSoundBuffer::GetCurrentPosition: the play cursor (what has been mixed) and the write cursor
    (WRITE_LEAD ahead while playing), in bytes; either pointer may be NULL."""
    b = _buf(this)
    if not lpdwCurrentPlayCursor and not lpdwCurrentWriteCursor:
        return DSERR_INVALIDPARAM
    _advance(m)
    play, write = b.cursors()
    if lpdwCurrentPlayCursor:
        m.mem.w32(lpdwCurrentPlayCursor, play)
    if lpdwCurrentWriteCursor:
        m.mem.w32(lpdwCurrentWriteCursor, write)
    return DS_OK


def GetFormat(m: "Machine", this: Ref, lpwfxFormat: PTR, dwSizeAllocated: DWORD, lpdwSizeWritten: PTR) -> DWORD:
    """IDirectSoundBuffer::GetFormat: the buffer's WAVEFORMATEX (or only its size when lpwfxFormat is NULL)."""
    raw = _buf(this).fmt.raw
    if not lpwfxFormat:
        if not lpdwSizeWritten:
            return DSERR_INVALIDPARAM
        m.mem.w32(lpdwSizeWritten, len(raw))
        return DS_OK
    if dwSizeAllocated < len(raw) - 2 or (dwSizeAllocated < len(raw) and len(raw) > WAVEFORMATEX_SIZE):
        return DSERR_INVALIDPARAM
    n = min(len(raw), dwSizeAllocated)
    m.mem.write(lpwfxFormat, raw[:n])
    if lpdwSizeWritten:
        m.mem.w32(lpdwSizeWritten, n)
    return DS_OK


def GetVolume(m: "Machine", this: Ref, lplVolume: PTR) -> DWORD:
    """IDirectSoundBuffer::GetVolume: hundredths of a dB (DSBCAPS_CTRLVOLUME buffers)."""
    b = _buf(this)
    if not lplVolume:
        return DSERR_INVALIDPARAM
    if not b.flags & DSBCAPS_CTRLVOLUME:
        return DSERR_CONTROLUNAVAIL
    m.mem.w32(lplVolume, b.volume & 0xFFFFFFFF)
    return DS_OK


def GetPan(m: "Machine", this: Ref, lplPan: PTR) -> DWORD:
    """IDirectSoundBuffer::GetPan: -10000 (left) .. 10000 (right) (DSBCAPS_CTRLPAN buffers)."""
    b = _buf(this)
    if not lplPan:
        return DSERR_INVALIDPARAM
    if not b.flags & DSBCAPS_CTRLPAN:
        return DSERR_CONTROLUNAVAIL
    m.mem.w32(lplPan, b.pan & 0xFFFFFFFF)
    return DS_OK


def GetFrequency(m: "Machine", this: Ref, lpdwFrequency: PTR) -> DWORD:
    """IDirectSoundBuffer::GetFrequency: the playing rate in Hz (DSBCAPS_CTRLFREQUENCY buffers)."""
    b = _buf(this)
    if not lpdwFrequency:
        return DSERR_INVALIDPARAM
    if not b.flags & DSBCAPS_CTRLFREQUENCY:
        return DSERR_CONTROLUNAVAIL
    m.mem.w32(lpdwFrequency, b.freq)
    return DS_OK


def GetStatus(m: "Machine", this: Ref, lpdwStatus: PTR) -> DWORD:
    """IDirectSoundBuffer::GetStatus: DSBSTATUS_PLAYING / LOOPING (buffers are never lost)."""
    b = _buf(this)
    if not lpdwStatus:
        return DSERR_INVALIDPARAM
    _advance(m)
    st = 0
    if b.primary:
        if b.primary_played or any(x.playing for x in b.ds.buffers):
            st = DSBSTATUS_PLAYING | DSBSTATUS_LOOPING
    elif b.playing:
        st = DSBSTATUS_PLAYING | (DSBSTATUS_LOOPING if b.looping else 0)
        if b.flags & DSBCAPS_LOCDEFER:
            st |= DSBSTATUS_LOCSOFTWARE
    m.mem.w32(lpdwStatus, st)
    return DS_OK


def Initialize(m: "Machine", this: Ref, lpDirectSound: PTR, lpcDSBufferDesc: PTR) -> DWORD:
    """IDirectSoundBuffer::Initialize: buffers come initialized from CreateSoundBuffer: DSERR_ALREADYINITIALIZED."""
    return DSERR_ALREADYINITIALIZED


def Lock(m: "Machine", this: Ref, dwOffset: DWORD, dwBytes: DWORD, ppvAudioPtr1: PTR, pdwAudioBytes1: PTR,
         ppvAudioPtr2: PTR, pdwAudioBytes2: PTR, dwFlags: DWORD) -> DWORD:
    """IDirectSoundBuffer::Lock: pointers to write ``dwBytes`` from ``dwOffset`` (or the write cursor,
    DSBLOCK_FROMWRITECURSOR; the whole buffer, DSBLOCK_ENTIREBUFFER), in two parts when the region wraps."""
    b = _buf(this)
    if b.primary:
        if b.ds.coop != DSSCL_WRITEPRIMARY:
            return DSERR_PRIOLEVELNEEDED
        m.log("dsound: writing the primary buffer (DSSCL_WRITEPRIMARY) is not supported")
        return DSERR_UNSUPPORTED
    if not ppvAudioPtr1 or not pdwAudioBytes1:
        return DSERR_INVALIDPARAM
    assert b.data is not None
    size = b.size
    _advance(m)
    if dwFlags & DSBLOCK_FROMWRITECURSOR:
        dwOffset = b.cursors()[1]
    if dwFlags & DSBLOCK_ENTIREBUFFER:
        dwBytes = size
    if dwOffset >= size or dwBytes == 0 or dwBytes > size:
        return DSERR_INVALIDPARAM
    first = min(dwBytes, size - dwOffset)
    second = dwBytes - first
    if not ppvAudioPtr2:
        second = 0
    m.mem.w32(ppvAudioPtr1, b.data.addr + dwOffset)
    m.mem.w32(pdwAudioBytes1, first)
    if ppvAudioPtr2:
        m.mem.w32(ppvAudioPtr2, b.data.addr if second else 0)
    if pdwAudioBytes2:
        m.mem.w32(pdwAudioBytes2, second)
    return DS_OK


def Play(m: "Machine", this: Ref, dwReserved1: DWORD, dwPriority: DWORD, dwFlags: DWORD) -> DWORD:
    """IDirectSoundBuffer::Play: start mixing from the play cursor, once or looping (DSBPLAY_LOOPING); on a
    playing buffer only the looping flag changes."""
    b = _buf(this)
    if dwReserved1:
        return DSERR_INVALIDPARAM
    if not b.flags & DSBCAPS_LOCDEFER and (dwPriority or dwFlags & _DEFER_PLAY_FLAGS):
        return DSERR_INVALIDPARAM
    if not b.ds.coop:
        return DSERR_PRIOLEVELNEEDED
    mx = mixer.get(m)
    if b.primary:
        if not dwFlags & DSBPLAY_LOOPING:
            return DSERR_INVALIDPARAM
        b.primary_played = True
        return DS_OK
    mx.advance()
    b.looping = bool(dwFlags & DSBPLAY_LOOPING)
    b.playing = b.frames > 0
    _start_pump(m)
    mx.kick()
    return DS_OK


def SetCurrentPosition(m: "Machine", this: Ref, dwNewPosition: DWORD) -> DWORD:
    """IDirectSoundBuffer::SetCurrentPosition: move the play cursor (rounded down to a whole frame)."""
    b = _buf(this)
    if b.primary:
        return DSERR_INVALIDCALL
    if dwNewPosition >= b.size:
        return DSERR_INVALIDPARAM
    mx = mixer.get(m)
    mx.advance()
    b.pos = dwNewPosition // b.fmt.align
    b.frac = 0
    mx.kick()
    return DS_OK


def SetFormat(m: "Machine", this: Ref, lpcfxFormat: PTR) -> DWORD:
    """IDirectSoundBuffer::SetFormat: the primary buffer's format (DSSCL_PRIORITY or above; recorded, the mixer
    keeps 44.1 kHz stereo); secondary buffers: DSERR_INVALIDCALL."""
    b = _buf(this)
    if not b.primary:
        return DSERR_INVALIDCALL
    if b.ds.coop < DSSCL_PRIORITY:
        return DSERR_PRIOLEVELNEEDED
    if not lpcfxFormat:
        return DSERR_INVALIDPARAM
    fmt = read_format(m, lpcfxFormat)
    if isinstance(fmt, int):
        return fmt
    b.fmt = fmt
    b.ds.primary_format = fmt
    return DS_OK


def SetVolume(m: "Machine", this: Ref, lVolume: LONG) -> DWORD:
    """IDirectSoundBuffer::SetVolume: attenuation in hundredths of a dB, DSBVOLUME_MIN (silence) .. 0."""
    b = _buf(this)
    if not b.flags & DSBCAPS_CTRLVOLUME:
        return DSERR_CONTROLUNAVAIL
    if not DSBVOLUME_MIN <= lVolume <= DSBVOLUME_MAX:
        return DSERR_INVALIDPARAM
    _advance(m)
    b.volume = lVolume
    return DS_OK


def SetPan(m: "Machine", this: Ref, lPan: LONG) -> DWORD:
    """IDirectSoundBuffer::SetPan: -10000 (right silent) .. 10000 (left silent), hundredths of a dB."""
    b = _buf(this)
    if not b.flags & DSBCAPS_CTRLPAN:
        return DSERR_CONTROLUNAVAIL
    if not DSBPAN_LEFT <= lPan <= DSBPAN_RIGHT:
        return DSERR_INVALIDPARAM
    _advance(m)
    b.pan = lPan
    return DS_OK


def SetFrequency(m: "Machine", this: Ref, dwFrequency: DWORD) -> DWORD:
    """IDirectSoundBuffer::SetFrequency: the playing rate (100..200000 Hz; DSBFREQUENCY_ORIGINAL: the format's)."""
    b = _buf(this)
    if b.primary or not b.flags & DSBCAPS_CTRLFREQUENCY:
        return DSERR_CONTROLUNAVAIL
    if dwFrequency == DSBFREQUENCY_ORIGINAL:
        dwFrequency = b.orig_rate
    if not DSBFREQUENCY_MIN <= dwFrequency <= DSBFREQUENCY_MAX:
        return DSERR_INVALIDPARAM
    mx = mixer.get(m)
    mx.advance()
    # keep the fractional position: frac is in 1/RATE of a source frame whatever the rate
    b.freq = dwFrequency
    mx.kick()
    return DS_OK


def Stop(m: "Machine", this: Ref) -> DWORD:
    """IDirectSoundBuffer::Stop: stop mixing; the play cursor stays where it is (DSBPN_OFFSETSTOP events)."""
    b = _buf(this)
    if b.primary:
        b.primary_played = False
        return DS_OK
    mx = mixer.get(m)
    mx.advance()
    if b.playing:
        b.stopped()
    mx.kick()
    return DS_OK


def Unlock(m: "Machine", this: Ref, pvAudioPtr1: PTR, dwAudioBytes1: DWORD, pvAudioPtr2: PTR,
           dwAudioBytes2: DWORD) -> DWORD:
    """IDirectSoundBuffer::Unlock: end a Lock (the samples written are heard when the cursor reaches them)."""
    b = _buf(this)
    if b.data is None:
        return DSERR_INVALIDCALL
    lo, hi = b.data.addr, b.data.addr + b.size
    for p, n in ((pvAudioPtr1, dwAudioBytes1), (pvAudioPtr2, dwAudioBytes2)):
        if p and not (lo <= p and p + n <= hi):
            return DSERR_INVALIDPARAM
    if not pvAudioPtr1:
        return DSERR_INVALIDPARAM
    _advance(m)
    return DS_OK


def Restore(m: "Machine", this: Ref) -> DWORD:
    """IDirectSoundBuffer::Restore: buffers are never lost (no hardware to lose them): DS_OK."""
    return DS_OK


def SetNotificationPositions(m: "Machine", this: Ref, dwPositionNotifies: DWORD, pcPositionNotifies: PTR) -> DWORD:
    """IDirectSoundNotify::SetNotificationPositions: replace the buffer's (offset, event) pairs; the buffer
    must be stopped (DSERR_INVALIDCALL) and offsets inside it or DSBPN_OFFSETSTOP."""
    b = _buf(this)
    if dwPositionNotifies > DSBNOTIFICATIONS_MAX or (dwPositionNotifies and not pcPositionNotifies):
        return DSERR_INVALIDPARAM
    mx = mixer.get(m)
    mx.advance()
    if b.playing:
        return DSERR_INVALIDCALL
    try:
        vals = m.mem.unpack(f"<{2 * dwPositionNotifies}I", pcPositionNotifies) if dwPositionNotifies else ()
    except GuestMemoryError:
        return DSERR_INVALIDPARAM
    pairs = [(vals[2 * i], vals[2 * i + 1]) for i in range(dwPositionNotifies)]
    if any(off != DSBPN_OFFSETSTOP and off >= b.size for off, _ in pairs):
        return DSERR_INVALIDPARAM
    b.notifies = pairs
    _start_pump(m)
    mx.kick()
    return DS_OK


def _buffer_slots(version: int) -> list[tuple[str, Any]]:
    slots: list[tuple[str, Any]] = [
        ("GetCaps", GetCaps),
        ("GetCurrentPosition", GetCurrentPosition),
        ("GetFormat", GetFormat),
        ("GetVolume", GetVolume),
        ("GetPan", GetPan),
        ("GetFrequency", GetFrequency),
        ("GetStatus", GetStatus),
        ("Initialize", Initialize),
        ("Lock", Lock),
        ("Play", Play),
        ("SetCurrentPosition", SetCurrentPosition),
        ("SetFormat", SetFormat),
        ("SetVolume", SetVolume),
        ("SetPan", SetPan),
        ("SetFrequency", SetFrequency),
        ("Stop", Stop),
        ("Unlock", Unlock),
        ("Restore", Restore),
    ]
    if version >= 8:
        slots += [
            ("SetFX", todo(3)),
            ("AcquireResources", todo(3)),
            ("GetObjectInPath", todo(4)),
        ]
    return slots


IDirectSoundBuffer = Interface("IDirectSoundBuffer", IID_IDirectSoundBuffer, base=IUnknown, dll="dsound",
                               version=1, invalid=DSERR_INVALIDCALL, slots=_buffer_slots(1))
IDirectSoundBuffer8 = Interface("IDirectSoundBuffer8", IID_IDirectSoundBuffer8, base=IUnknown, dll="dsound",
                                version=8, invalid=DSERR_INVALIDCALL, slots=_buffer_slots(8))
IDirectSoundNotify = Interface("IDirectSoundNotify", IID_IDirectSoundNotify, base=IUnknown, dll="dsound",
                               invalid=DSERR_INVALIDCALL, slots=[
                                   ("SetNotificationPositions", SetNotificationPositions),
                               ])
Buffer.interfaces = (IDirectSoundBuffer, IDirectSoundBuffer8, IDirectSoundNotify)


# ---- creation (IDirectSound::CreateSoundBuffer / DuplicateSoundBuffer) -------------------------------------
def create(m: "Machine", ds: Any, desc: int) -> Buffer | int:
    """A new buffer from a DSBUFFERDESC, or a DSERR_ code; the primary buffer is the object's one."""
    try:
        size, flags, nbytes, _res, pwfx = m.mem.unpack("<5I", desc)
    except GuestMemoryError:
        return DSERR_INVALIDPARAM
    if size not in (DSBUFFERDESC1_SIZE, DSBUFFERDESC_SIZE):
        return DSERR_INVALIDPARAM
    if flags & ~_KNOWN_CAPS or (flags & DSBCAPS_LOCHARDWARE and flags & DSBCAPS_LOCSOFTWARE):
        return DSERR_INVALIDPARAM
    if flags & DSBCAPS_LOCHARDWARE:
        return DSERR_CONTROLUNAVAIL  # no hardware mixing: every buffer is mixed in software
    if flags & DSBCAPS_CTRLFX and ds.version < 8:
        return DSERR_INVALIDPARAM
    if flags & DSBCAPS_PRIMARYBUFFER:
        if nbytes or pwfx or flags & (DSBCAPS_CTRLFREQUENCY | DSBCAPS_CTRLPOSITIONNOTIFY | DSBCAPS_CTRLFX
                                      | DSBCAPS_STATIC):
            return DSERR_INVALIDPARAM
        prim = ds.primary
        if prim is not None and prim.alive:
            prim.flags |= flags & (DSBCAPS_CTRLVOLUME | DSBCAPS_CTRLPAN | DSBCAPS_CTRL3D)
            return prim
        prim = Buffer(m, ds, flags, ds.primary_format, None)
        ds.primary = prim
        return prim
    if not pwfx or not DSBSIZE_MIN <= nbytes <= DSBSIZE_MAX:
        return DSERR_INVALIDPARAM
    fmt = read_format(m, pwfx)
    if isinstance(fmt, int):
        return fmt
    if flags & DSBCAPS_CTRL3D and fmt.channels != 1:
        return DSERR_INVALIDPARAM
    nbytes -= nbytes % fmt.align
    if not nbytes:
        return DSERR_INVALIDPARAM
    try:
        data = SoundData(m, nbytes, 0x80 if fmt.bits == 8 else 0)
    except MemoryError:
        return DSERR_OUTOFMEMORY
    b = Buffer(m, ds, flags, fmt, data)
    ds.buffers.append(b)
    mixer.get(m).add_source(b)
    return b


def duplicate(m: "Machine", ds: Any, orig: Buffer) -> Buffer | int:
    """A new buffer playing the same memory as ``orig``, stopped at 0, with its format, volume, pan and
    frequency."""
    if orig.primary or orig.flags & DSBCAPS_CTRLFX or orig.data is None:
        return DSERR_INVALIDCALL
    b = Buffer(m, ds, orig.flags, orig.fmt, orig.data)
    b.orig_rate = orig.orig_rate
    b.freq, b.volume, b.pan = orig.freq, orig.volume, orig.pan
    ds.buffers.append(b)
    mixer.get(m).add_source(b)
    return b


__all__ = ["Buffer", "IDirectSoundBuffer", "IDirectSoundBuffer8", "IDirectSoundNotify", "create", "duplicate"]
