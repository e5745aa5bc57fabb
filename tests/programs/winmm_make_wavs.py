"""Writes the WAV test data of winmm_play.exe / winmm_mmio.exe (run from tests/programs; the files are committed).

winmm_file.wav  440 Hz sine,  8-bit stereo 11025 Hz, 300 ms (a plain RIFF: fmt, data)
winmm_res.wav   660 Hz sine, 16-bit mono   22050 Hz, 200 ms; chunks in an unusual order: an odd-sized "note"
                chunk (padded) and a LIST chunk before fmt, a "fact" chunk between fmt and data
winmm_mem.wav  1000 Hz sine, 16-bit stereo 44100 Hz, 150 ms (played from memory with SND_MEMORY)
"""
import struct

import numpy as np

AMP = 12000


def chunk(cid: bytes, body: bytes) -> bytes:
    return cid + struct.pack("<I", len(body)) + body + (b"\0" if len(body) & 1 else b"")


def wav(freq: float, rate: int, bits: int, channels: int, ms: int, extra_first: bytes = b"",
        between: bytes = b"") -> bytes:
    n = rate * ms // 1000
    s = AMP * np.sin(2 * np.pi * freq * np.arange(n) / rate)
    if bits == 16:
        a = np.rint(s).astype("<i2")
    else:
        a = np.clip(np.rint(s / 256 + 128), 0, 255).astype(np.uint8)
    a = np.repeat(a[:, None], channels, axis=1)
    align = channels * bits // 8
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * align, align, bits)
    body = b"WAVE" + extra_first + chunk(b"fmt ", fmt) + between + chunk(b"data", a.tobytes())
    return b"RIFF" + struct.pack("<I", len(body)) + body


open("winmm_file.wav", "wb").write(wav(440, 11025, 8, 2, 300))
open("winmm_res.wav", "wb").write(wav(660, 22050, 16, 1, 200,
                                      extra_first=chunk(b"note", b"odd")
                                      + chunk(b"LIST", b"INFOISFT" + struct.pack("<I", 3) + b"ab\0\0"),
                                      between=chunk(b"fact", struct.pack("<I", 4410))))
open("winmm_mem.wav", "wb").write(wav(1000, 44100, 16, 2, 150))
