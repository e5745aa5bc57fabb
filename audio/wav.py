"""RIFF WAVE files: a streaming writer whose header is always valid."""
from __future__ import annotations

import struct
from typing import BinaryIO

import numpy as np

WAVE_FORMAT_PCM = 1


class WavWriter:
    """16-bit PCM WAV written as it grows. The RIFF and data sizes are patched after every write, so the
    file is complete even if the process is killed before ``close()``."""

    def __init__(self, path: str, rate: int, channels: int) -> None:
        self.path = path
        self.rate = rate
        self.channels = channels
        self.data_bytes = 0
        self.f: BinaryIO | None = open(path, "wb")  # noqa: SIM115 - closed by close()
        block = 2 * channels
        self.f.write(b"RIFF" + struct.pack("<I", 36) + b"WAVE")
        self.f.write(b"fmt " + struct.pack("<IHHIIHH", 16, WAVE_FORMAT_PCM, channels, rate, rate * block, block, 16))
        self.f.write(b"data" + struct.pack("<I", 0))
        self.f.flush()

    def write(self, frames: np.ndarray) -> None:
        """Append int16 frames (shape (n, channels))."""
        f = self.f
        if f is None or not len(frames):
            return
        raw = np.ascontiguousarray(frames, dtype="<i2").tobytes()
        f.seek(0, 2)
        f.write(raw)
        self.data_bytes += len(raw)
        f.seek(4)
        f.write(struct.pack("<I", 36 + self.data_bytes))
        f.seek(40)
        f.write(struct.pack("<I", self.data_bytes))
        f.flush()

    def close(self) -> None:
        if self.f is not None:
            self.f.close()
            self.f = None
