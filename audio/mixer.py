"""The mixer: every active sound source summed into one stereo 16-bit stream at 44100 Hz, in guest time.

The mixer's clock is the guest clock (``emu.clock``): by guest time ``now`` it has produced exactly
``floor(now * RATE)`` frames. It mixes lazily, whenever something asks it to catch up (``advance()``): every
sound API call does, and so does the audio thread (``audio.pump``), which wakes when the next source event
(a wave buffer running out) is due. In ``--deterministic`` runs guest time is a function of guest progress,
so the mixed stream, and a recording of it, is the same on every run.

Sources (``audio.waveout.WaveOut``, later DirectSound buffers) implement the ``Source`` protocol: they add
their frames, converted to the mixer's format, into a float32 (n, 2) accumulator, and say how many frames
remain until their next event. Sinks receive the int16 (n, 2) result: the WAV recorder and the sound
device (``audio.output``).
"""
from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from emu.objects import Waitable

if TYPE_CHECKING:
    from emu.machine import Machine
    from emu.threads import Thread

RATE = 44100
CHANNELS = 2
CHUNK = RATE // 2  # at most half a second per numpy pass
EPS_FRAMES = 1e-3  # guest times are float sums: a deadline computed as F / RATE must map back to frame F
REALTIME_PERIOD = 0.010  # real-time runs with a sound device: mix at least this often (seconds)


class Source(Protocol):
    """A producer of sound."""

    def render(self, n: int, out: np.ndarray | None) -> None:
        """Add ``n`` frames into ``out`` (float32 (n, 2), int16 scale) and move on by ``n`` frames; with
        ``n == 0`` (``out`` None) only settle events that are due now (a buffer that just ran out)."""

    def frames_until_event(self) -> int | None:
        """Frames from now until the source's next event (a buffer ends), or None when nothing is pending."""

    def active(self) -> bool:
        """Whether the source is producing sound now."""


class Sink(Protocol):
    """A consumer of the mixed stream."""

    def write(self, frames: np.ndarray) -> None:
        """Take int16 (n, 2) frames."""


class PumpWake(Waitable):
    """The audio thread's wait object: ready when a guest callback is pending or the schedule changed."""

    kind = "audio"

    def __init__(self) -> None:
        super().__init__("audio")
        self.pending: collections.deque[tuple[int, int, int, int, int, int]] = collections.deque()
        self.kicked = False

    def ready(self, t: "Thread") -> bool:
        return bool(self.pending) or self.kicked

    def take(self, t: "Thread") -> bool:
        self.kicked = False
        return False


class Mixer:
    """One process's mixer (``get(m)``)."""

    def __init__(self, m: "Machine") -> None:
        self.m = m
        self.rate = RATE
        self.frames = 0  # frames mixed so far (frame 0 is guest time 0)
        self.sources: list[Any] = []
        self.sinks: list[Any] = []
        self.wake = PumpWake()
        self.realtime_output = False  # a sound device consumes the stream (audio.output sets it)
        self.pump_started = False
        self._mixing = False

    # ---- time ---------------------------------------------------------------------------------
    def target(self) -> int:
        """Frames that must exist by the current guest time."""
        return int(self.m.clock.now() * RATE + EPS_FRAMES)

    def frame_time(self, frame: int) -> float:
        """The guest time (seconds) at which frame ``frame`` is mixed."""
        return frame / RATE

    # ---- mixing -------------------------------------------------------------------------------
    def advance(self) -> None:
        """Mix everything up to the current guest time and hand it to the sinks."""
        if self._mixing:  # a source's event handler (SetEvent, PostMessage) never mixes re-entrantly
            return
        self._mixing = True
        try:
            target = self.target()
            if target <= self.frames:
                for s in list(self.sources):
                    s.render(0, None)
                return
            while self.frames < target:
                n = min(target - self.frames, CHUNK)
                live = [s for s in self.sources if s.active()]
                if not live and not self.sinks:
                    self.frames += n
                    continue
                acc = np.zeros((n, CHANNELS), np.float32)
                for s in live:
                    s.render(n, acc)
                self.frames += n
                if self.sinks:
                    out = np.clip(np.rint(acc), -32768, 32767).astype(np.int16)
                    for k in list(self.sinks):
                        k.write(out)
        finally:
            self._mixing = False

    def next_deadline(self) -> float | None:
        """Guest time of the next source event (the audio thread's wake-up), or None."""
        ks = [k for k in (s.frames_until_event() for s in self.sources) if k is not None]
        d = self.frame_time(self.frames + max(1, min(ks))) if ks else None
        if self.realtime_output and any(s.active() for s in self.sources):
            t = self.m.clock.now() + REALTIME_PERIOD
            d = t if d is None else min(d, t)
        return d

    def any_active(self) -> bool:
        return any(s.active() for s in self.sources)

    # ---- sources, sinks and guest callbacks ---------------------------------------------------
    def add_source(self, s: Any) -> None:
        """Start mixing ``s`` from the current guest time (the sound device opens with the first source)."""
        from . import output  # noqa: PLC0415 - output imports this module
        output.open_device(self.m)
        self.advance()
        self.sources.append(s)
        self.kick()

    def remove_source(self, s: Any) -> None:
        self.advance()
        if s in self.sources:
            self.sources.remove(s)
        self.kick()

    def add_sink(self, k: Any) -> None:
        self.advance()
        self.sinks.append(k)

    def remove_sink(self, k: Any) -> None:
        if k in self.sinks:
            self.sinks.remove(k)

    def kick(self) -> None:
        """The schedule changed (a buffer was queued, a device paused): the audio thread recomputes its
        wake-up time."""
        self.wake.kicked = True

    def queue_callback(self, proc: int, a1: int, a2: int, a3: int, a4: int, a5: int) -> None:
        """Have the audio thread call guest ``proc(a1..a5)`` (stdcall, five arguments)."""
        self.wake.pending.append((proc, a1, a2, a3, a4, a5))
        self.ensure_pump()

    def ensure_pump(self) -> None:
        """Start the audio thread (once per process)."""
        if not self.pump_started:
            from . import pump  # noqa: PLC0415 - pump declares winmm functions
            pump.start(self.m)
            self.pump_started = True


def get(m: "Machine") -> Mixer:
    """The process's mixer (created on first use)."""
    mx = m.state.get("audio_mixer")
    if mx is None:
        mx = m.state["audio_mixer"] = Mixer(m)
    return mx
