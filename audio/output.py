"""Where the mixed stream goes: a WAV recording (``--audio-out``) and the host's sound device.

* ``start_recording(m, path)`` records exactly what the mixer produces, from guest time 0 to the end of the
  process (frame i of the file is guest time i / 44100 s) (an exit hook mixes up to the exit time and closes
  the file; the header is valid at every moment).
* ``open_device(m)`` is called when the first source starts. In real-time runs it opens a ``sounddevice``
  OutputStream fed through a ring buffer. Deterministic runs never open a device (their guest time does not
  follow the wall clock); neither do runs without PortAudio or without an output device (no sound card):
  they play silently with the same timing, and say so once in the log.
"""
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

import numpy as np

from . import mixer
from .wav import WavWriter

if TYPE_CHECKING:
    from emu.machine import Machine

LATENCY = 0.060  # seconds of mixed sound queued ahead of the device
RING_SECONDS = 0.5


class Recorder:
    """A sink writing the mixed stream to a WAV file."""

    def __init__(self, path: str) -> None:
        self.wav = WavWriter(path, mixer.RATE, mixer.CHANNELS)

    def write(self, frames: np.ndarray) -> None:
        self.wav.write(frames)

    def close(self) -> None:
        self.wav.close()


def start_recording(m: "Machine", path: str) -> Recorder:
    """Record everything the mixer produces into ``path`` (16-bit stereo WAV at 44100 Hz)."""
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    mx = mixer.get(m)
    rec = Recorder(path)
    mx.add_sink(rec)
    # The file's time axis is guest time: whatever was mixed before the recording began (only the moments
    # of loading, when it starts with the process) is written as silence.
    for i in range(0, mx.frames, mixer.CHUNK):
        rec.write(np.zeros((min(mixer.CHUNK, mx.frames - i), mixer.CHANNELS), np.int16))

    def finish() -> None:
        mx.advance()
        mx.remove_sink(rec)
        rec.close()

    m.state.setdefault("exit_hooks", []).append(finish)
    return rec


class DeviceOutput:
    """A sink feeding a sounddevice OutputStream through a ring buffer (filled by the CPU thread, drained by
    PortAudio's callback thread)."""

    def __init__(self, mx: mixer.Mixer, sd: Any) -> None:
        self.mx = mx
        n = int(RING_SECONDS * mixer.RATE)
        self.ring = np.zeros((n, mixer.CHANNELS), np.int16)
        self.size = n
        self.rd = 0
        self.fill = int(LATENCY * mixer.RATE)  # start with LATENCY of silence queued
        self.lock = threading.Lock()
        self.underruns = 0
        self.dropped = 0
        self.stream = sd.OutputStream(samplerate=mixer.RATE, channels=mixer.CHANNELS, dtype="int16",
                                      callback=self._callback)
        self.stream.start()

    def write(self, frames: np.ndarray) -> None:
        with self.lock:
            n = len(frames)
            if n > self.size:
                frames = frames[-self.size:]
                n = self.size
            over = self.fill + n - self.size
            if over > 0:  # the device is slower than the guest clock: drop the oldest frames
                self.rd = (self.rd + over) % self.size
                self.fill -= over
                self.dropped += over
            wr = (self.rd + self.fill) % self.size
            a = min(n, self.size - wr)
            self.ring[wr:wr + a] = frames[:a]
            self.ring[:n - a] = frames[a:]
            self.fill += n

    def _callback(self, outdata: np.ndarray, frames: int, time: Any, status: Any) -> None:
        with self.lock:
            n = min(frames, self.fill)
            a = min(n, self.size - self.rd)
            outdata[:a] = self.ring[self.rd:self.rd + a]
            outdata[a:n] = self.ring[:n - a]
            outdata[n:] = 0
            self.rd = (self.rd + n) % self.size
            self.fill -= n
            if n < frames and self.mx.any_active():
                self.underruns += 1

    def close(self) -> str | None:
        """Stop the stream; returns the error text when the device had already gone away."""
        try:
            self.stream.stop()
            self.stream.close()
        except Exception as e:  # noqa: BLE001 - the device went away; nothing left to do
            return str(e)
        return None


def open_device(m: "Machine") -> None:
    """Open the host's sound device once per process, or decide to run silent."""
    if m.state.get("audio_device_tried"):
        return
    m.state["audio_device_tried"] = True
    if m.det:
        return
    try:
        import sounddevice as sd  # noqa: PLC0415
        dev = DeviceOutput(mixer.get(m), sd)
    except Exception as e:  # noqa: BLE001 - OSError (no PortAudio), PortAudioError (no device), ...
        m.log(f"sound: no output device ({type(e).__name__}: {str(e).strip()}); playing silently")
        return
    mx = mixer.get(m)
    mx.add_sink(dev)
    mx.realtime_output = True

    def finish() -> None:
        mx.remove_sink(dev)
        err = dev.close()
        if err:
            m.log(f"sound: closing the device failed: {err}")
        if dev.underruns:
            m.log(f"sound: {dev.underruns} device underruns")

    m.state.setdefault("exit_hooks", []).append(finish)
    m.state["audio_device"] = dev
