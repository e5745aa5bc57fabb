"""winmm beyond waveOut: PlaySound/sndPlaySound (files, WAVE resources, memory images, system aliases, sync and
async, loops, stopping), mmio* (RIFF parsing and writing, buffered I/O, memory files), multimedia timers
(timeSetEvent) and midiOut. The programs are tests/programs/winmm_*.c; sounds are checked in the deterministic
run's recording (--audio-out): where each one starts, how long it lasts and its frequency."""
from __future__ import annotations

import shutil
import struct
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
    return list(zip(np.r_[idx[0], idx[br + 1]].tolist(), (np.r_[idx[br], idx[-1]] + 1).tolist(), strict=True))


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
    for name in PLAYED:
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
    for (a, b), (name, (freq, dur)) in zip(segs, PLAYED.items(), strict=True):
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


# ---- midiOut -----------------------------------------------------------------------------------------
MIDI_LINES = [
    "numdevs=1 caps=0 name=exeplay Software Synth tech=7 channels=ffff support=3",  # MOD_SWSYNTH, volume + L/R
    "mapper caps=0 tech=5",  # MOD_MAPPER
    "baddev=2", "open=0",
    "long_unprepared=64", "prepare=0 flags=2", "long=0 done=1", "unprepare=0",  # MIDIERR_UNPREPARED, MHDR_*
    "setvol=0 getvol=0 vol=80008000", "close=0", "closed_msg=5",
    "callbacks open=1 done=1 close=1 hdr=1",  # MOM_OPEN/DONE/CLOSE on the callback function
    "text=Cannot perform this ",
]
NO_SYNTH = "midiOut: no synthesizer"


def run_midi(run_exeplay, tmp_path: Path, env: dict[str, str] | None = None) -> tuple[str, str, np.ndarray]:
    shutil.copy(PROGRAMS / "winmm_midi.exe", tmp_path)
    wav = tmp_path / "midi.wav"
    r = run_exeplay(["run", "--headless", "--deterministic", "--audio-out", wav, tmp_path / "winmm_midi.exe"],
                    cwd=tmp_path, env=env)
    assert_no_traceback(r)
    assert r.rc == 0 and "done" in r.text, r.describe()
    lines = r.text.splitlines()
    for e in MIDI_LINES:
        assert e in lines, (e, r.text)
    return r.text, r.errtext, load(wav)


def test_midi_out(run_exeplay, tmp_path: Path) -> None:
    out, err, x = run_midi(run_exeplay, tmp_path)
    if NO_SYNTH in err:
        pytest.skip("no FluidSynth/SoundFont installed: MIDI is silent (the calls were checked)")
    at = {ln.split("=")[0]: int(ln.split("at=")[1]) - BOOT_MS for ln in out.splitlines() if " at=" in ln}
    ch = x[:, 0]
    on = at["noteon"] * RATE // 1000
    first = int(np.nonzero(np.abs(ch) > 0)[0][0])
    assert on <= first <= on + RATE // 100, (first, on)  # the note sounds from the guest time it was sent

    def window(t0: float, t1: float) -> np.ndarray:
        return ch[int(t0 * RATE):int(t1 * RATE)]

    a4 = window(at["noteon"] / 1000 + 0.05, at["noteon"] / 1000 + 0.45)
    a5 = window(at["running"] / 1000 + 0.02, at["reset"] / 1000 - 0.02)
    assert abs(peak_freq(a4) - 440) < 5 and abs(peak_freq(a5) - 880) < 10, (peak_freq(a4), peak_freq(a5))
    rms = [float(np.sqrt(np.mean(s ** 2))) for s in (a4, a5, window(at["reset"] / 1000 + 0.5, at["reset"] / 1000 + 1))]
    assert rms[0] > 500 and rms[1] > 500 and rms[2] < rms[1] / 50, rms  # midiOutReset silenced the note
    (tmp_path / "again").mkdir()
    _, _, again = run_midi(run_exeplay, tmp_path / "again")
    assert np.array_equal(x, again), "the synthesizer renders in guest time: identical recordings"


def test_midi_out_without_synth(run_exeplay, tmp_path: Path) -> None:
    _, err, x = run_midi(run_exeplay, tmp_path, env={"EXEPLAY_SOUNDFONT": str(tmp_path / "none.sf2")})
    assert err.count(NO_SYNTH) == 1, err
    assert not np.any(x), "silent without a synthesizer"


# ---- the corpus: SkiFree ------------------------------------------------------------------------------
# ski32.exe looks for "WAVE" resources 1-9 at start and plays them with sndPlaySound(SND_MEMORY | SND_ASYNC) as
# things happen on the slope; the corpus build carries none (FindResourceA fails, so it never calls
# sndPlaySound). The test gives a copy of it nine tones (resource k: 200 * k Hz, 120 ms), added as a new resource
# section, and checks that its own sound code plays them into the recording.

def _resource_entries(d: bytes, root_off: int) -> list:
    """[(type, name, lang, data_rva, size, codepage)] of a PE resource directory."""
    out = []

    def entries(o: int):  # noqa: ANN202 - a generator of (key, offset)
        n_named, n_ids = struct.unpack_from("<HH", d, o + 12)
        for i in range(n_named + n_ids):
            nm, off = struct.unpack_from("<II", d, o + 16 + 8 * i)
            if nm & 0x80000000:
                p = root_off + (nm & 0x7FFFFFFF)
                ln = struct.unpack_from("<H", d, p)[0]
                key = d[p + 2:p + 2 + 2 * ln].decode("utf-16-le")
            else:
                key = nm
            yield key, off

    for t, toff in entries(root_off):
        for n, noff in entries(root_off + (toff & 0x7FFFFFFF)):
            for lang, loff in entries(root_off + (noff & 0x7FFFFFFF)):
                rva, size, cp, _ = struct.unpack_from("<4I", d, root_off + loff)
                out.append((t, n, lang, rva, size, cp))
    return out


def add_wave_resources(exe: bytes, waves: dict[int, bytes]) -> bytes:
    """``exe`` with a new section holding its resource directory plus "WAVE" resources ``waves`` (id -> WAV)."""
    d = bytearray(exe)
    pe = struct.unpack_from("<I", d, 0x3C)[0]
    nsec = struct.unpack_from("<H", d, pe + 6)[0]
    opt_size = struct.unpack_from("<H", d, pe + 20)[0]
    opt = pe + 24
    sec_align, file_align = struct.unpack_from("<II", d, opt + 32)
    secs = []
    for i in range(nsec):
        o = opt + opt_size + 40 * i
        vs, va, rs, ro = struct.unpack_from("<IIII", d, o + 8)
        secs.append((va, vs, ro, rs))

    def off_of(rva: int) -> int:
        for va, vs, ro, rs in secs:
            if va <= rva < va + max(vs, rs):
                return rva - va + ro
        raise ValueError(hex(rva))

    dd = opt + 96 + 8 * 2
    rsrc_rva = struct.unpack_from("<I", d, dd)[0]
    entries = _resource_entries(bytes(d), off_of(rsrc_rva))
    new_va = max(va + max(vs, rs) for va, vs, ro, rs in secs)
    new_va = -(-new_va // sec_align) * sec_align
    for wid, wav in sorted(waves.items()):
        entries.append(("WAVE", wid, 0x409, None, len(wav), 0))
    # layout: directories, then data entries, then strings, then new data
    types: dict = {}
    for e in entries:
        types.setdefault(e[0], {}).setdefault(e[1], []).append(e)

    def order(keys) -> list:  # noqa: ANN001 - names first, then ids, as PE resource directories sort them
        return sorted([k for k in keys if isinstance(k, str)]) + sorted(k for k in keys if not isinstance(k, str))

    # sizes: every directory table and entry, then one data entry per resource
    ndirs = 1 + len(types) + sum(len(v) for v in types.values())
    nent = len(types) + sum(len(v) for v in types.values()) + len(entries)
    dir_size = 16 * ndirs + 8 * nent
    data_entries_off = dir_size
    strings_off = data_entries_off + 16 * len(entries)
    strings = bytearray()
    str_pos = {}

    def sref(s: str) -> int:
        if s not in str_pos:
            str_pos[s] = strings_off + len(strings)
            strings.extend(struct.pack("<H", len(s)) + s.encode("utf-16-le"))
            if len(strings) % 2:
                strings.append(0)
        return str_pos[s] | 0x80000000

    # the directory tables, each allocated where the walk reaches it
    blob = bytearray(dir_size)
    cursor = [0]

    def alloc_dir(keys: list) -> int:
        o = cursor[0]
        named = sum(isinstance(k, str) for k in keys)
        struct.pack_into("<IIHHHH", blob, o, 0, 0, 0, 0, named, len(keys) - named)
        cursor[0] += 16 + 8 * len(keys)
        return o

    data_list = []
    root_keys = order(types)
    root = alloc_dir(root_keys)
    for i, t in enumerate(root_keys):
        names = order(types[t])
        nd = alloc_dir(names)
        struct.pack_into("<II", blob, root + 16 + 8 * i, sref(t) if isinstance(t, str) else t, nd | 0x80000000)
        for j, n in enumerate(names):
            langs = types[t][n]
            ld = alloc_dir([e[2] for e in langs])
            struct.pack_into("<II", blob, nd + 16 + 8 * j, sref(n) if isinstance(n, str) else n, ld | 0x80000000)
            for k, e in enumerate(langs):
                de = data_entries_off + 16 * len(data_list)
                data_list.append(e)
                struct.pack_into("<II", blob, ld + 16 + 8 * k, e[2], de)
    assert cursor[0] == dir_size
    body = bytearray(blob) + bytearray(16 * len(data_list)) + strings
    while len(body) % 8:
        body.append(0)
    wav_at = {}
    for wid, wav in sorted(waves.items()):
        wav_at[wid] = len(body)
        body += wav
        while len(body) % 8:
            body.append(0)
    for i, e in enumerate(data_list):
        rva = e[3] if e[3] is not None else new_va + wav_at[e[1]]
        struct.pack_into("<4I", body, data_entries_off + 16 * i, rva, e[4], e[5], 0)
    # the new section
    raw_off = -(-len(d) // file_align) * file_align
    raw_size = -(-len(body) // file_align) * file_align
    hdr = opt + opt_size + 40 * nsec
    first_raw = min(ro for va, vs, ro, rs in secs if rs)
    assert hdr + 40 <= first_raw, "no room for another section header"
    struct.pack_into("<8sIIIIIIHHI", d, hdr, b".rsrc2", len(body), new_va, raw_size, raw_off, 0, 0, 0, 0,
                     0x40000040)
    struct.pack_into("<H", d, pe + 6, nsec + 1)
    struct.pack_into("<I", d, opt + 56, -(-(new_va + len(body)) // sec_align) * sec_align)  # SizeOfImage
    struct.pack_into("<II", d, dd, new_va, len(body))
    d.extend(bytes(raw_off - len(d)))
    d.extend(body + bytes(raw_size - len(body)))
    return bytes(d)


def tone_wav(freq: float, ms: int, rate: int = 22050) -> bytes:
    """A 16-bit mono sine WAV image."""
    n = rate * ms // 1000
    a = np.rint(10000 * np.sin(2 * np.pi * freq * np.arange(n) / rate)).astype("<i2").tobytes()
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    body = b"WAVEfmt " + struct.pack("<I", 16) + fmt + b"data" + struct.pack("<I", len(a)) + a
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.corpus
def test_ski32_sounds(run_exeplay, tmp_path: Path) -> None:
    src = CORPUS / "gui" / "ski32.exe"
    if not src.is_file():
        pytest.skip("../shared/corpus is absent")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "ski32.exe"
    exe.write_bytes(add_wave_resources(src.read_bytes(), {k: tone_wav(200.0 * k, 120) for k in range(1, 10)}))
    work = tmp_path / "work"
    work.mkdir()
    script = tmp_path / "input.txt"
    script.write_text("1000 key Down\n1200 key Down\n1400 key Down\n1600 key Down\n")  # as in test_gui_corpus
    wav = tmp_path / "ski.wav"
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", script, "--exit-after", "9700",
                     "--audio-out", wav, exe], cwd=work, timeout=120)
    assert_no_traceback(r)
    assert "crashed" not in r.errtext and "unimplemented" not in r.errtext, r.describe()
    x = load(wav)
    assert len(x) >= 9.6 * RATE
    segs = segments(x[:, 0])
    # the skier rides over moguls (resource 4, played three times in a row) and then falls at a tree (resource 1)
    assert len(segs) >= 2, segs
    heard = set()
    for a, b in segs:
        f = peak_freq(x[a:b, 0])
        k = round(f / 200)
        assert 1 <= k <= 9 and abs(f - 200 * k) < 3, f
        assert (b - a) >= 0.12 * RATE - 3, (a, b)
        heard.add(k)
    assert len(heard) >= 2, heard
