"""winmm beyond waveOut: PlaySound/sndPlaySound (files, WAVE resources, memory images, system aliases, sync and
async, loops, stopping), mmio* (RIFF parsing and writing, buffered I/O, memory files), multimedia timers
(timeSetEvent) and midiOut. The programs are tests/programs/winmm_*.c; sounds are checked in the deterministic
run's recording (--audio-out): where each one starts, how long it lasts and its frequency."""
from __future__ import annotations

import shutil
import wave
from pathlib import Path

import numpy as np
import pytest

from conftest import CORPUS, PROGRAMS, assert_no_traceback

RATE = 44100
BOOT_MS = 10_000  # timeGetTime at guest time 0 (emu.clock.BOOT_MS)


def load(wav: Path) -> np.ndarray:
    with wave.open(str(wav)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 2, 2)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2).astype(np.float64)


def segments(ch: np.ndarray, gap: int = RATE // 100) -> list[tuple[int, int]]:
    """(start, end) frames of the sounds in ``ch``: runs of non-zero samples, silences shorter than ``gap``
    frames (zero crossings, the quiet ends of a chime) bridged."""
    idx = np.nonzero(np.abs(ch) > 0)[0]
    if not len(idx):
        return []
    br = np.nonzero(np.diff(idx) > gap)[0]
    return list(zip(np.r_[idx[0], idx[br + 1]].tolist(), (np.r_[idx[br], idx[-1]] + 1).tolist()))


def peak_freq(seg: np.ndarray) -> float:
    n = len(seg)
    spec = np.abs(np.fft.rfft(seg * np.hanning(n), 16 * n))
    return float(np.argmax(spec) * RATE / (16 * n))


def fields(line: str) -> dict[str, str]:
    return dict(tok.split("=", 1) for tok in line.split()[1:] if "=" in tok)


def steps(out: str) -> dict[str, dict[str, int]]:
    """name -> {r, ms, at} of each line the program printed."""
    d = {}
    for ln in out.splitlines():
        f = fields(ln)
        if {"r", "ms", "at"} <= f.keys():
            d[ln.split()[0]] = {k: int(v) for k, v in f.items()}
    return d


def run_recorded(run_exeplay, tmp_path: Path, exe: str, *args: str, extra: tuple[str, ...] = (),
                 timeout: float = 60) -> tuple[str, np.ndarray, bytes]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for n in (exe, *extra):
        shutil.copy(PROGRAMS / n, bin_dir / n)
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    wav = tmp_path / "out.wav"
    r = run_exeplay(["run", "--headless", "--deterministic", "--audio-out", wav, bin_dir / exe, *args], cwd=work,
                    timeout=timeout)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    return r.text, load(wav), wav.read_bytes()


# ---- PlaySound ---------------------------------------------------------------------------------------
# name printed by winmm_play.exe -> (frequency of its first part in Hz, duration in ms)
PLAYED = {
    "file_sync": (440.0, 300),  # winmm_file.wav: 8-bit stereo 11025 Hz
    "resource_id": (660.0, 200),  # WAVE resource 101 (winmm_res.wav, chunks in an odd order)
    "memory": (1000.0, 150),  # sndPlaySound SND_MEMORY of a locked WAVE resource
    "file_async": (440.0, 300),
    "loop": (660.0, 700),  # the 200 ms resource looped until PlaySound(NULL) 700 ms later
    "alias": (1046.5, 250),  # SystemAsterisk
    "alias_id": (440.0, 350),  # SND_ALIAS_SYSTEMHAND: 440 Hz then 330 Hz
    "snd_alias": (587.3, 300),  # sndPlaySound("SystemExclamation"): 587 Hz then 784 Hz
    "default": (880.0, 300),  # a missing file: SystemDefault, 880 Hz then 660 Hz
    "stopped": (440.0, 100),  # a synchronous sound stopped by another thread after 100 ms
    "nostop_first": (440.0, 50),  # SND_NOSTOP did not interrupt it; SND_PURGE did, 50 ms later
}


@pytest.fixture(scope="module")
def played(tmp_path_factory, request) -> tuple[str, np.ndarray, bytes]:
    from conftest import _run  # noqa: PLC0415 - one recorded run shared by the PlaySound tests

    tmp = tmp_path_factory.mktemp("play")
    (tmp / "bin").mkdir()
    for n in ("winmm_play.exe", "winmm_file.wav"):
        shutil.copy(PROGRAMS / n, tmp / "bin" / n)
    (tmp / "work").mkdir()
    (tmp / "xdg").mkdir()
    wav = tmp / "play.wav"
    r = _run(["run", "--headless", "--deterministic", "--audio-out", wav, tmp / "bin" / "winmm_play.exe"],
             tmp / "work", tmp / "xdg", 60, None, None)
    assert_no_traceback(r)
    assert r.rc == 0 and "done" in r.text, r.describe()
    return r.text, load(wav), r.errtext


def test_playsound_results_and_sync_timing(played) -> None:
    out, _, err = played
    s = steps(out)
    for name, (_f, dur) in PLAYED.items():
        assert s[name]["r"] == 1, (name, out)
    # synchronous calls return when their sound has been played; asynchronous ones at once
    for name in ("file_sync", "resource_id", "memory", "alias", "alias_id", "snd_alias", "default"):
        assert s[name]["ms"] == PLAYED[name][1], (name, out)
    assert 100 <= s["stopped"]["ms"] <= 102, out  # stopped by the other thread's PlaySound(NULL)
    for name in ("file_async", "loop", "stop", "nostop_first", "purge", "null_stop"):
        assert s[name]["ms"] == 0 and s[name]["r"] == 1, (name, out)
    # refusals: SND_NOSTOP while playing, missing sounds with SND_NODEFAULT, a non-PCM image
    for name in ("nostop", "missing_nodefault", "missing_resource", "unknown_alias", "adpcm"):
        assert s[name]["r"] == 0 and s[name]["ms"] == 0, (name, out)
    assert "format tag 0x11 is not PCM" in err, err


def test_playsound_recording(played) -> None:
    out, x, _ = played
    s = steps(out)
    assert np.array_equal(x[:, 0], x[:, 1]), "mono and dual-mono sounds play the same on both channels"
    segs = segments(x[:, 0])
    assert len(segs) == len(PLAYED), segs
    for (a, b), (name, (freq, dur)) in zip(segs, PLAYED.items()):
        start = (s[name]["at"] - BOOT_MS) * RATE / 1000
        assert -2 <= a - start <= RATE / 1000 + 2, (name, a, start)  # it starts when the call was made ("at" is
        # whole milliseconds)
        tol = 3 if name not in ("stopped", "nostop_first") else RATE / 1000 + 2  # stopped after a Sleep: +-1 ms
        assert abs((b - a) - dur * RATE / 1000) <= tol, (name, b - a)
        part = x[a:a + min(b - a, int(0.1 * RATE)), 0]  # the first part (a chime's first note)
        assert abs(peak_freq(part) - freq) < 0.02 * freq, (name, peak_freq(part), freq)
    # the loop is one continuous 660 Hz tone: 3.5 passes of the 200 ms resource with no gap or click
    a, b = segs[4]
    seg = x[a - 1:b, 0]
    t = np.arange(len(seg)) / RATE
    basis = np.stack([np.sin(2 * np.pi * 660 * t), np.cos(2 * np.pi * 660 * t)], 1)
    coef, *_ = np.linalg.lstsq(basis, seg, rcond=None)
    assert abs(np.hypot(*coef) - 12000) < 200
    assert np.max(np.abs(seg - basis @ coef)) < 30


def test_playsound_deterministic(played, run_exeplay, tmp_path: Path) -> None:
    _, first, _ = played
    _, again, _ = run_recorded(run_exeplay, tmp_path, "winmm_play.exe", extra=("winmm_file.wav",))
    assert np.array_equal(first, again)


# ---- mmio --------------------------------------------------------------------------------------------
def expected_riff() -> bytes:
    """The file winmm_mmio.exe writes: RIFF TEST { 'odd ' "hello" + pad, LIST LST1 { 'xyz ' "abc" + pad },
    'buf ' 20000 bytes of (i * 7) & 0xFF }."""
    def ck(cid: bytes, body: bytes) -> bytes:
        return cid + len(body).to_bytes(4, "little") + body + b"\0" * (len(body) & 1)
    buf = (np.arange(20000) * 7 % 256).astype(np.uint8).tobytes()
    body = b"TEST" + ck(b"odd ", b"hello") + ck(b"LIST", b"LST1" + ck(b"xyz ", b"abc")) + ck(b"buf ", buf)
    return ck(b"RIFF", body)


def test_mmio(run_exeplay, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for n in ("winmm_mmio.exe", "winmm_res.wav", "winmm_mem.wav"):
        shutil.copy(PROGRAMS / n, bin_dir / n)
    work = tmp_path / "work"
    work.mkdir()
    r = run_exeplay(["run", "--headless", "--deterministic", bin_dir / "winmm_mmio.exe", "D:\\"], cwd=work)
    assert_no_traceback(r)
    assert r.rc == 0 and "done" in r.text, r.describe()
    lines = r.text.splitlines()
    expect = [
        # winmm_res.wav: a padded odd-sized 'note' chunk and a LIST before fmt, 'fact' before data
        "file riff r=0 size=8904 off=8",
        "file fmt r=0 size=16 off=56 read=16 tag=1 ch=1 rate=22050 avg=44100 align=2 bits=16",
        "file ascend r=0 pos=72",
        "file data r=0 size=8820 off=92 read=8 first=0,2244,4408,6417",
        "file missing r=265",  # MMIOERR_CHUNKNOTFOUND
        "create h=1", "createriff r=0", "write=5", "ascend_odd r=0 size=5",
        "setinfo r=0 advances=2 buffer=8192",  # 20000 bytes through the 8 KB buffer: two buffers written
        "ascend_buf r=0 size=20000", "ascend_riff r=0 size=20050", "end=20058", "close r=0",
        "read riff=RIFF type=TEST size=20050",
        "chunk odd  size=5 type=- off=20 data=hello",
        "chunk buf  size=20000 type=- off=58 data=",
        "advance_unbuffered r=266",  # MMIOERR_UNBUFFERED
        "buffered size=20000 bad=0 advances=20 cch=1000 pos=20058",
        "mem open=1 size=26504",
        "mem riff r=0 size=26496 off=8",
        "mem fmt r=0 size=16 off=20 read=16 tag=1 ch=2 rate=44100 avg=176400 align=4 bits=16",
        "mem ascend r=0 pos=36",
        "mem data r=0 size=26460 off=44 read=8 first=0,0,1704,1704",
        "mem missing r=265",
        "grow written=300 tail=56789 cch=1124",  # 100 bytes grown by 1024
        "fixed written=16",  # a program's buffer does not grow
        "fourcc upper=WAVE pad=[ab  ] w=RIFF",
        "missing h=0 err=257",  # MMIOERR_FILENOTFOUND
        "exist=1 not=0",
        "parse=1 name=E:\\out.riff",
    ]
    for e in expect:
        assert e in lines, (e, r.text)
    assert any(ln.startswith("chunk LIST size=16 type=LST1 off=34 data=xyz ") for ln in lines), r.text
    assert (work / "out.riff").read_bytes() == expected_riff()


# ---- multimedia timers -------------------------------------------------------------------------------
def test_timers(run_exeplay, tmp_path: Path) -> None:
    outs = []
    for i in range(2):
        d = tmp_path / str(i)
        d.mkdir()
        shutil.copy(PROGRAMS / "winmm_timer.exe", d)
        r = run_exeplay(["run", "--headless", "--deterministic", d / "winmm_timer.exe"], cwd=d)
        assert_no_traceback(r)
        assert r.rc == 0 and "done" in r.text, r.describe()
        outs.append(r.text)
    out = outs[0]
    assert outs[1] == out, "deterministic runs deliver the same events at the same guest times"
    lines = out.splitlines()
    for e in [
        "caps r=0 min=1 max=1000000",
        # 10 ms periodic for 1 s: exactly 100 callbacks, on the timer thread, on a 10 ms grid; none after kill
        "periodic id=1 count=100 after_kill=0 kill=0 first=10,20,30 last=1000 bad_args=0 other_thread=1",
        "oneshot count=1 at=50 kill_after=11",  # a one-shot timer is gone once it fired
        "killed_early kill=0 count=0",
        "selfkill r=0 same_id=1", "selfkill count=3",  # killed from its own callback: no fourth call
        "errors zero=0 huge=0 badevent=0 kill_unknown=11",
    ]:
        assert e in lines, (e, out)
    ev = next(ln for ln in lines if ln.startswith("event_set")).split()[1:]
    waits = [tuple(map(int, x.split(":"))) for x in ev]
    assert all(w == 0 for w, _ in waits), out
    ts = [t for _, t in waits]
    # events every 30 ms; the waiter sees each one within its wake-up slice (the deterministic scheduler charges
    # a whole time slice, 8 ms, to the timer thread that set the event)
    assert 30 <= ts[0] < 40 and np.all(np.diff(ts) == 30), out
    f = fields(next(ln for ln in lines if ln.startswith("pulse")))
    assert f["wait"] == "0" and 40 <= int(f["at"]) < 50 and f["after"] == "258", out  # PulseEvent leaves it reset
