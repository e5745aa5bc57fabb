"""waveOut through the mixer: tests/programs/wave_out.exe streams a 441 Hz sine with each callback kind; the
deterministic run's mixed sound is recorded (--audio-out) and analysed (frequency, duration, gaps, repeats,
clicks, volume) and two runs must give the same bytes."""
from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from conftest import CORPUS, PROGRAMS

EXE = PROGRAMS / "wave_out.exe"
RATE = 44100
FREQ = 441.0
AMP = 10000.0

def load(wav: Path) -> np.ndarray:
    with wave.open(str(wav)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 2, 2)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2).astype(np.float64)


def play(run_exeplay, tmp_path: Path, mode: str) -> tuple[str, np.ndarray, bytes]:
    """Run wave_out.exe MODE deterministically, recording the mixed sound; (stdout, frames, WAV bytes)."""
    wav = tmp_path / f"{mode}.wav"
    r = run_exeplay(["run", "--deterministic", "--audio-out", wav, EXE, mode], cwd=tmp_path)
    assert r.rc == 0, r.describe()
    return r.text, load(wav), wav.read_bytes()


def fields(out: str) -> dict[str, str]:
    d = {}
    for tok in out.split():
        k, sep, v = tok.partition("=")
        if sep:
            d[k] = v
    return d


def sound_span(ch: np.ndarray) -> tuple[int, int]:
    nz = np.nonzero(np.abs(ch) > 1)[0]
    assert len(nz), "the recording is silent"
    return int(nz[0]), int(nz[-1]) + 1


def check_sine(ch: np.ndarray, amp: float, max_resid: float) -> tuple[int, int]:
    """``ch`` holds one continuous 441 Hz sine of amplitude ``amp`` (no gap, repeat or click anywhere) and
    silence around it; returns its span in frames. ``max_resid``: the largest RMS deviation from the ideal
    sine allowed in any 5 ms window (one dropped or repeated frame gives ~400 at amplitude 10000)."""
    a, b = sound_span(ch)
    seg = ch[a:b]
    n = len(seg)
    spec = np.abs(np.fft.rfft(seg * np.hanning(n), 16 * n))
    peak = np.argmax(spec) * RATE / (16 * n)
    assert abs(peak - FREQ) < 2.0, f"peak at {peak:.1f} Hz"
    # One sinusoid fits the whole span: a gap, a repeated or dropped buffer, or a click at a buffer boundary
    # breaks the phase and leaves a large residual around it.
    t = np.arange(n) / RATE
    basis = np.stack([np.sin(2 * np.pi * FREQ * t), np.cos(2 * np.pi * FREQ * t)], 1)
    coef, *_ = np.linalg.lstsq(basis, seg, rcond=None)
    fit_amp = float(np.hypot(*coef))
    assert abs(fit_amp - amp) < amp * 0.03, f"amplitude {fit_amp:.0f}, expected {amp:.0f}"
    resid = seg - basis @ coef
    w = 220  # 5 ms windows
    worst = max(float(np.sqrt(np.mean(resid[i:i + w] ** 2))) for i in range(0, n - w + 1, w // 2))
    assert worst < max_resid, f"residual {worst:.0f} in a 5 ms window (amplitude {amp:.0f})"
    return a, b


@pytest.mark.parametrize("mode,src_rate,bits,channels", [
    ("function", 44100, 16, 2),  # stereo sources play the right channel at half amplitude
    ("window", 22050, 16, 1),
    ("event", 11025, 8, 1),
    ("thread", 48000, 16, 2),
    ("poll", 32000, 8, 2),
])
def test_stream_each_callback_kind(run_exeplay, tmp_path: Path, mode: str, src_rate: int, bits: int,
                                   channels: int) -> None:
    buf_frames = src_rate // 10
    block = bits // 8 * channels
    right = 0.5 if channels == 2 else 1.0  # mono plays on both channels
    out, x, _ = play(run_exeplay, tmp_path, mode)
    f = fields(out)
    assert f["mode"] == mode, out
    assert f["done"] == "6" and f["bad_params"] == "0", out
    total = 6 * buf_frames
    assert int(f["pos_samples"]) == total, out
    assert int(f["pos_bytes"]) == total * block, out
    assert int(f["pos_ms"]) == total * 1000 // src_rate, out
    assert f["close"] == "0", out
    if mode != "poll":
        assert "open_count=1 close_count=1" in out, out
    else:
        assert "polled=1" in out, out
    tol = 30 if bits == 16 else 150  # 8-bit samples carry quantisation noise
    a, b = check_sine(x[:, 0], AMP, tol)
    check_sine(x[:, 1], AMP * right, tol)
    # duration: six buffers, with no gap between them
    expect = total * RATE / src_rate
    assert abs((b - a) - expect) <= 3, f"{b - a} frames of sound, expected {expect:.0f}"
    assert not np.any(x[b + 2:]), "sound after the stream ended"


def test_recording_is_byte_identical(run_exeplay, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _, _, one = play(run_exeplay, tmp_path / "a", "function")
    _, _, two = play(run_exeplay, tmp_path / "b", "function")
    assert len(one) > 44 + 4 * 26460
    assert one == two


def test_pause_holds_position_and_sound(run_exeplay, tmp_path: Path) -> None:
    out, x, _ = play(run_exeplay, tmp_path, "pause")
    assert "paused: position moved by 0" in out, out
    f = fields(out)
    assert f["done"] == "6" and int(f["pos_samples"]) == 26460, out
    ch = x[:, 0]
    a, b = sound_span(ch)
    # 600 ms of sine plus about 200 ms of silence (the pause) after the second buffer
    zero = np.abs(ch[a:b]) <= 1
    runs = np.diff(np.concatenate([[0], zero.astype(int), [0]]))
    starts, ends = np.nonzero(runs == 1)[0], np.nonzero(runs == -1)[0]
    longest = max(e - s for s, e in zip(starts, ends))
    assert 0.19 * RATE < longest < 0.22 * RATE, longest
    gap_at = starts[np.argmax(ends - starts)]
    assert abs(gap_at - 2 * 4410) <= 3, gap_at  # paused exactly when the second buffer had been returned
    joined = np.concatenate([ch[a:a + gap_at], ch[a + gap_at + longest:b]])
    check_sine(np.concatenate([[0.0], joined, [0.0]]), AMP, 30)  # the sine resumes where it stopped


def test_loop_and_volume(run_exeplay, tmp_path: Path) -> None:
    out, x, _ = play(run_exeplay, tmp_path, "loop")
    assert "mode=loop pos_samples=13200" in out, out
    assert "close=0" in out, out
    a, b = check_sine(x[:, 0], AMP * 0x4000 / 0xFFFF, 30)
    check_sine(x[:, 1], AMP * 0x8000 / 0xFFFF, 30)
    assert abs((b - a) - 3 * 4400) <= 2, b - a


def test_errors_and_queries(tmp_path: Path, run_exeplay) -> None:
    r = run_exeplay(["run", "--deterministic", EXE, "errors"], cwd=tmp_path)
    assert r.rc == 0, r.describe()
    f = fields(r.text)
    expect = {"numdevs": "1", "caps": "0", "channels": "2", "formats": "fffff", "capsW": "0", "mapper": "1",
              "caps_baddev": "2", "query": "0", "query24": "32", "open_adpcm": "32", "open_badalign": "32",
              "open_baddev": "2", "open": "0", "write_unprepared": "34", "prepare": "0", "write": "0",
              "write_again": "33", "unprepare_playing": "33", "close_playing": "33", "pos_ms_after_100": "100",
              "smpte_type": "4", "setvol": "0", "getvol": "0", "vol": "80004000", "reset": "0",
              "pos_after_reset": "0", "unprepare": "0", "close": "0", "close_again": "5", "errtext": "0",
              "len>0": "1", "errtext_bad": "9"}
    for k, v in expect.items():
        assert f.get(k) == v, f"{k}: {f.get(k)} != {v}\n{r.text}"
    assert "flags=2\n" in r.text and "flags=12\n" in r.text  # prepared; prepared + in queue
    assert "reset=0 flags=3" in r.text  # returned: done + prepared
    assert "unprepare=0 flags=1" in r.text


PSI = CORPUS / "ddraw" / "psi_mofo.exe"


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not PSI.exists(), reason="corpus absent")
def test_psi_mofo_music(run_exeplay, tmp_path: Path) -> None:
    """The 1999 demo's music (CALLBACK_FUNCTION, 4 buffers) is recorded, non-silent and continuous; a second run
    records the same bytes and shows the same frames at the same moments (pictures and music share the guest
    clock: frame f of the recording is guest time f / 44100 s, as is the screenshot taken at that time)."""
    runs = []
    for k in range(2):
        wav, shot = tmp_path / f"psi{k}.wav", tmp_path / f"psi{k}.png"
        r = run_exeplay(["run", "--headless", "--deterministic", "--exit-after", "3000", "--audio-out", wav,
                         "--screenshot-at", f"2000:{shot}", PSI], cwd=tmp_path, timeout=120)
        assert r.rc == 0, r.describe()
        assert "ran dry" not in r.errtext, r.errtext
        runs.append((wav.read_bytes(), shot.read_bytes()))
    assert runs[0] == runs[1], "two deterministic runs differ"
    x = load(tmp_path / "psi0.wav")
    assert 3 * RATE <= len(x) < 3.01 * RATE  # the run ends at the first API call from 3000 ms on
    win = RATE // 20
    rms = np.sqrt(np.mean(x[:len(x) // win * win].reshape(-1, win, 2) ** 2, axis=(1, 2)))
    assert np.all(rms[1:] > 50), rms  # music all the way (its quietest 50 ms stretches are above 100)


def test_device_ring_buffer() -> None:
    """The sound device's ring buffer: queued latency first, frames in order, underruns counted only while
    something plays, oldest frames dropped when the device falls behind (a fake sounddevice module)."""
    from audio import output

    class Stream:
        def __init__(self, **kw: object) -> None:
            self.callback = kw["callback"]

        def start(self) -> None:
            pass

    class SD:
        OutputStream = Stream

    class Mx:
        playing = True

        def any_active(self) -> bool:
            return self.playing

    mx = Mx()
    dev = output.DeviceOutput(mx, SD)  # type: ignore[arg-type]
    lat = int(output.LATENCY * RATE)
    frames = np.arange(2 * 3000, dtype=np.int16).reshape(-1, 2)
    dev.write(frames)
    out = np.full((lat + 1000, 2), 7, np.int16)
    dev.stream.callback(out, len(out), None, None)
    assert not out[:lat].any() and (out[lat:] == frames[:1000]).all()
    out = np.full((2500, 2), 7, np.int16)
    dev.stream.callback(out, len(out), None, None)
    assert (out[:2000] == frames[1000:]).all() and not out[2000:].any()
    assert dev.underruns == 1
    mx.playing = False
    dev.stream.callback(out, len(out), None, None)
    assert dev.underruns == 1
    big = np.ones((dev.size + 500, 2), np.int16)
    dev.write(big)
    assert dev.fill == dev.size
