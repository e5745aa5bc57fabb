"""winmm PlaySound and sndPlaySound: WAV files, WAVE resources, memory images and system sound aliases.

One sound plays at a time per process (a new one stops the old), through one mixer source (``Channel``). A
sound is parsed and converted to the mixer's format (44.1 kHz stereo float32, linear interpolation) when it
starts; WAV images may have their RIFF chunks in any order, with odd sizes padded. PCM 8/16-bit mono/stereo
at any rate plays; other formats (ADPCM, float, ...) are refused with a log line (FALSE).

* SND_ASYNC returns at once; without it the calling thread blocks (a scheduler wait, in guest time) until the
  sound has been mixed to its end or another call stops it. SND_LOOP plays until stopped (it implies
  SND_ASYNC, as Windows requires).
* Where the sound comes from: SND_MEMORY (a RIFF image at ``pszSound``), SND_RESOURCE (a "WAVE" resource of
  ``hmod``), SND_ALIAS / SND_ALIAS_ID (system sounds), SND_FILENAME (a path through the sandbox), or, with none
  of these, an alias first and then a file name.
* The system sounds are synthetic chimes (there are no Windows WAV files): a different short figure of decaying
  sine notes for each alias (``CHIMES``).
* A sound that cannot be found plays the default sound (SystemDefault) unless SND_NODEFAULT (then FALSE).
* SND_NOSTOP: FALSE, without playing, while another PlaySound sound plays. NULL or SND_PURGE stops the sound.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from emu import resources
from emu.api import BOOL, DWORD, PTR, UINT, stdcall
from emu.memory import GuestMemoryError
from emu.objects import Waitable
from emu.threads import Block, WaitSpec

from . import mixer

if TYPE_CHECKING:
    from emu.machine import Machine
    from emu.threads import Thread

SND_SYNC = 0x0
SND_ASYNC = 0x1
SND_NODEFAULT = 0x2
SND_MEMORY = 0x4
SND_LOOP = 0x8
SND_NOSTOP = 0x10
SND_PURGE = 0x40
SND_APPLICATION = 0x80
SND_NOWAIT = 0x2000
SND_ALIAS = 0x10000
SND_ALIAS_ID = 0x110000
SND_FILENAME = 0x20000
SND_RESOURCE = 0x40004
_SND_PLAYSOUND_ONLY = 0x80000  # SND_ALIAS_ID's extra bit (SND_ALIAS | 0x100000)

MAX_WAV = 64 << 20  # bytes read from a file or memory image at most
CHIME_AMP = 8000.0  # int16 scale


def _alias_id(c0: str, c1: str) -> int:
    return ord(c0) | (ord(c1) << 8)


# Synthetic system sounds: (frequency Hz, seconds) notes played one after the other, each a decaying sine.
CHIMES: dict[str, list[tuple[float, float]]] = {
    "SYSTEMDEFAULT": [(880.0, 0.12), (660.0, 0.18)],
    "SYSTEMASTERISK": [(1046.5, 0.25)],
    "SYSTEMEXCLAMATION": [(587.3, 0.1), (784.0, 0.2)],
    "SYSTEMHAND": [(440.0, 0.1), (330.0, 0.25)],
    "SYSTEMQUESTION": [(659.3, 0.1), (987.8, 0.15)],
    "SYSTEMSTART": [(523.3, 0.12), (659.3, 0.12), (784.0, 0.2)],
    "SYSTEMWELCOME": [(523.3, 0.12), (659.3, 0.12), (784.0, 0.2)],
    "SYSTEMEXIT": [(784.0, 0.12), (659.3, 0.12), (523.3, 0.2)],
}
ALIASES = {".DEFAULT": "SYSTEMDEFAULT", **{k: k for k in CHIMES}}
ALIAS_IDS = {
    _alias_id("S", "D"): "SYSTEMDEFAULT",
    _alias_id("S", "*"): "SYSTEMASTERISK",
    _alias_id("S", "!"): "SYSTEMEXCLAMATION",
    _alias_id("S", "H"): "SYSTEMHAND",
    _alias_id("S", "?"): "SYSTEMQUESTION",
    _alias_id("S", "S"): "SYSTEMSTART",
    _alias_id("S", "W"): "SYSTEMWELCOME",
    _alias_id("S", "E"): "SYSTEMEXIT",
}


# ---- WAV images ----------------------------------------------------------------------------------
@dataclass
class Wav:
    """A parsed PCM WAV image."""

    channels: int
    rate: int
    bits: int
    data: bytes

    @property
    def frames(self) -> int:
        return len(self.data) // (self.channels * self.bits // 8)


def parse_wav(img: bytes) -> Wav | str:
    """The PCM sound of a RIFF WAVE image, or a reason why it cannot be played."""
    if len(img) < 12 or img[:4] != b"RIFF" or img[8:12] != b"WAVE":
        return "not a RIFF WAVE image"
    end = min(len(img), 8 + struct.unpack_from("<I", img, 4)[0])
    pos = 12
    fmt: tuple[int, int, int, int, int] | None = None
    data: bytes | None = None
    while pos + 8 <= end:
        cid, size = struct.unpack_from("<4sI", img, pos)
        body = img[pos + 8:min(end, pos + 8 + size)]
        if cid == b"fmt " and len(body) >= 16:
            tag, ch, rate, _avg, align, bits = struct.unpack_from("<HHIIHH", body)
            if tag == 0xFFFE and len(body) >= 40 and body[24:40] == bytes.fromhex("0100000000001000800000aa00389b71"):
                tag = 1
            fmt = (tag, ch, rate, align, bits)
        elif cid == b"data" and data is None:
            data = body
        pos += 8 + size + (size & 1)
    if fmt is None:
        return "no fmt chunk"
    tag, ch, rate, align, bits = fmt
    if tag != 1:
        return f"format tag {tag:#x} is not PCM"
    if ch not in (1, 2) or bits not in (8, 16) or not 1000 <= rate <= 192000 or align != ch * bits // 8:
        return f"unsupported PCM format ({ch} channels, {bits} bits, {rate} Hz, block {align})"
    if data is None:
        return "no data chunk"
    return Wav(ch, rate, bits, data[:len(data) - len(data) % align])


def to_mixer(w: Wav, loop: bool = False) -> np.ndarray:
    """The sound as float32 (n, 2) frames at the mixer's rate, int16 scale (linear interpolation; mono plays
    on both channels). A looping sound's last frames lead back into its first sample."""
    if w.bits == 16:
        a = np.frombuffer(w.data, "<i2").astype(np.float32)
    else:
        a = (np.frombuffer(w.data, np.uint8).astype(np.float32) - 128.0) * 256.0
    a = a.reshape(-1, w.channels)
    if w.channels == 1:
        a = np.repeat(a, 2, axis=1)
    n = len(a)
    if n == 0 or w.rate == mixer.RATE:
        return np.ascontiguousarray(a)
    R = mixer.RATE
    out_n = -(-n * R // w.rate)
    t = np.arange(out_n, dtype=np.int64) * w.rate
    idx = t // R
    frac = ((t % R).astype(np.float32) / np.float32(R))[:, None]
    nxt = (idx + 1) % n if loop else np.minimum(idx + 1, n - 1)
    return a[idx] + (a[nxt] - a[idx]) * frac


def chime(name: str) -> np.ndarray:
    """The synthetic sound of a system alias as mixer frames."""
    parts = []
    for freq, dur in CHIMES[name]:
        n = int(dur * mixer.RATE)
        t = np.arange(n) / mixer.RATE
        env = np.exp(-3.0 * t / dur) * np.minimum(1.0, t / 0.005)
        parts.append(CHIME_AMP * env * np.sin(2 * np.pi * freq * t))
    s = np.concatenate(parts).astype(np.float32)
    return np.repeat(s[:, None], 2, axis=1)


# ---- the mixer source -----------------------------------------------------------------------------
class Finished(Waitable):
    """Ready when a sound was stopped before its end (a synchronous PlaySound waits on it and on the end time)."""

    kind = "sound"

    def __init__(self) -> None:
        super().__init__("sound")
        self.stopped = False

    def ready(self, t: "Thread") -> bool:
        return self.stopped

    def take(self, t: "Thread") -> bool:
        return False


class Channel:
    """The process's PlaySound voice: a mixer source playing one sound (looping or once)."""

    def __init__(self) -> None:
        self.snd: np.ndarray | None = None
        self.pos = 0
        self.loop = False
        self.end_frame = 0  # mixer frame at which a sound played once ends
        self.done = Finished()

    def start(self, snd: np.ndarray, loop: bool, start_frame: int) -> Finished:
        self.stop()
        self.snd, self.pos, self.loop = snd, 0, loop
        self.end_frame = start_frame + len(snd)
        self.done = Finished()
        return self.done

    def stop(self) -> None:
        if self.snd is not None:
            self.done.stopped = True
        self.snd = None

    def playing(self) -> bool:
        return self.snd is not None

    def active(self) -> bool:
        return self.snd is not None

    def frames_until_event(self) -> int | None:
        return None

    def render(self, n: int, out: np.ndarray | None) -> None:
        k = 0
        while self.snd is not None and out is not None and k < n:
            left = len(self.snd) - self.pos
            take = min(n - k, left)
            out[k:k + take] += self.snd[self.pos:self.pos + take]
            self.pos += take
            k += take
            if self.pos >= len(self.snd):
                if self.loop and len(self.snd):
                    self.pos = 0
                else:
                    self.snd = None  # played to its end: nothing was stopped


def _channel(m: "Machine") -> Channel:
    ch = m.state.get("playsound")
    if ch is None:
        ch = m.state["playsound"] = Channel()
        mx = mixer.get(m)
        mx.add_source(ch)
        mx.ensure_pump()
    return ch


def stop(m: "Machine") -> None:
    """Stop the PlaySound sound, if any."""
    ch = m.state.get("playsound")
    if ch is not None:
        mixer.get(m).advance()
        ch.stop()


# ---- finding the sound ----------------------------------------------------------------------------
def _log_once(m: "Machine", key: str, msg: str) -> None:
    seen = m.state.setdefault("playsound_logged", set())
    if key not in seen:
        seen.add(key)
        m.log(msg)


def _guest_str(m: "Machine", p: int, wide: bool) -> str | None:
    try:
        return m.mem.wstr(p) if wide else m.mem.cstr(p)
    except GuestMemoryError:
        return None


def _from_memory(m: "Machine", p: int) -> bytes | None:
    try:
        if m.mem.read(p, 4) != b"RIFF":
            return None
        n = min(MAX_WAV, 8 + m.mem.u32(p + 4))
        while n > 12 and not m.mem.is_mapped(p, n):
            n //= 2  # a size field larger than the mapping: read what is there
        return m.mem.read(p, n)
    except GuestMemoryError:
        return None


def _from_resource(m: "Machine", hmod: int, name: int | str) -> bytes | None:
    base = hmod or (m.proc.exe.base if m.proc.exe else 0)
    if not base:
        return None
    try:
        r = resources.find(m, base, "WAVE", name)
        if r is None:
            return None
        return m.mem.read(r[0], min(r[1], MAX_WAV))
    except GuestMemoryError:
        return None


def _from_file(m: "Machine", name: str) -> bytes | None:
    from emu.kernel32.file import resolve  # noqa: PLC0415 - kernel32 imports are heavy

    for c in (name,):
        hp = resolve(m, c)
        if (hp is None or not os.path.isfile(hp)) and "\\" not in c and "/" not in c and ":" not in c:
            hp = os.path.join(m.proc.program_dir_host(), c)  # the file search also looks in the program's folder
        if hp is None or not os.path.isfile(hp):
            continue
        try:
            with open(hp, "rb") as f:
                return f.read(MAX_WAV)
        except OSError:
            continue
    return None


def _alias(key: int | str) -> str | None:
    if isinstance(key, int):
        return ALIAS_IDS.get(key)
    return ALIASES.get(key.strip().upper())


def _find(m: "Machine", p: int, hmod: int, flags: int, wide: bool, what: str) -> np.ndarray | None | str:
    """The sound to play as mixer frames; None when it was not found; a string when it cannot be played."""
    img: bytes | None = None
    if flags & SND_RESOURCE == SND_RESOURCE:
        name: int | str | None = p if p < 0x10000 else _guest_str(m, p, wide)
        if name is None:
            return None
        img = _from_resource(m, hmod, name)
        desc = f"resource {name!r}"
    elif flags & SND_MEMORY:
        img = _from_memory(m, p)
        desc = f"memory image at {p:#x}"
    else:
        key: int | str | None = p if (flags & SND_ALIAS_ID == SND_ALIAS_ID) else _guest_str(m, p, wide)
        if key is None:
            return None
        desc = repr(key)
        if flags & SND_ALIAS_ID == SND_ALIAS_ID or flags & SND_ALIAS:
            a = _alias(key)
            return chime(a) if a else None
        if not flags & SND_FILENAME:  # neither: an alias, else a file
            a = _alias(key)
            if a:
                return chime(a)
        if not isinstance(key, str) or not key:
            return None
        img = _from_file(m, key)
    if img is None:
        return None
    w = parse_wav(img)
    if isinstance(w, str):
        _log_once(m, f"{what}:{w}", f"{what}: {desc}: {w}; not played")
        return w
    return to_mixer(w, bool(flags & SND_LOOP))


def play(m: "Machine", p: int, hmod: int, flags: int, wide: bool, what: str) -> int:
    """PlaySound's contract (see the module docstring); returns the BOOL result or blocks (synchronous)."""
    if p == 0 or flags & SND_PURGE:
        stop(m)
        return 1
    mx = mixer.get(m)
    mx.advance()
    ch = _channel(m)
    if flags & SND_NOSTOP and ch.playing():
        return 0
    snd = _find(m, p, hmod, flags, wide, what)
    if isinstance(snd, str):
        return 0
    if snd is None:
        if flags & SND_NODEFAULT:
            ch.stop()
            return 0
        snd = chime("SYSTEMDEFAULT")
    loop = bool(flags & SND_LOOP)
    done = ch.start(snd, loop, mx.frames)
    mx.kick()
    if flags & SND_ASYNC or loop:
        return 1

    def finished(_r: int) -> int:
        mx.advance()
        return 1

    raise Block(WaitSpec([done], deadline=mx.frame_time(ch.end_frame), result=finished))


def play_alias(m: "Machine", alias: str) -> bool:
    """Start a system sound asynchronously (for MessageBeep & co.): False when the alias is unknown."""
    name = _alias(alias)
    if name is None:
        return False
    mx = mixer.get(m)
    mx.advance()
    _channel(m).start(chime(name), False, mx.frames)
    mx.kick()
    return True


# ---- API -----------------------------------------------------------------------------------------
_SND_FLAGS = SND_ASYNC | SND_NODEFAULT | SND_MEMORY | SND_LOOP | SND_NOSTOP


@stdcall("winmm")
def PlaySoundA(m: "Machine", pszSound: PTR, hmod: DWORD, fdwSound: DWORD) -> BOOL:
    """Play a WAV file, WAVE resource, memory image or system sound alias (sync or async, looping);
    NULL or SND_PURGE stops the current sound."""
    return play(m, pszSound, hmod, fdwSound, False, "PlaySoundA")


@stdcall("winmm")
def PlaySoundW(m: "Machine", pszSound: PTR, hmod: DWORD, fdwSound: DWORD) -> BOOL:
    """Wide PlaySound."""
    return play(m, pszSound, hmod, fdwSound, True, "PlaySoundW")


@stdcall("winmm")
def sndPlaySoundA(m: "Machine", pszSound: PTR, fuSound: UINT) -> BOOL:
    """Play a system sound alias or WAV file (or, SND_MEMORY, a memory image); NULL stops the sound."""
    return play(m, pszSound, 0, fuSound & _SND_FLAGS, False, "sndPlaySoundA")


@stdcall("winmm")
def sndPlaySoundW(m: "Machine", pszSound: PTR, fuSound: UINT) -> BOOL:
    """Wide sndPlaySound."""
    return play(m, pszSound, 0, fuSound & _SND_FLAGS, True, "sndPlaySoundW")
