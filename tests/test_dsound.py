"""DirectSound through the mixer: tests/programs/dsound_test.exe plays a 441 Hz sine from streaming and static
buffers; the deterministic run's mixed sound is recorded (--audio-out) and analysed (frequency, duration,
continuity, volume, pan, pitch) and two runs must give the same bytes. The program prints the API's answers."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import PROGRAMS
from test_audio_waveout import AMP, FREQ, RATE, check_sine, fields, load, sound_span

EXE = PROGRAMS / "dsound_test.exe"


def play(run_exeplay, tmp_path: Path, *args: str) -> tuple[str, np.ndarray, bytes]:
    """Run dsound_test.exe ARGS deterministically, recording the mixed sound; (stdout, frames, WAV bytes)."""
    wav = tmp_path / f"{args[0]}.wav"
    r = run_exeplay(["run", "--deterministic", "--audio-out", wav, EXE, *args], cwd=tmp_path)
    assert r.rc == 0, r.describe()
    assert "unimplemented" not in r.errtext and "no live object" not in r.errtext, r.errtext
    return r.text, load(wav), wav.read_bytes()


def fit(seg: np.ndarray, freq: float) -> float:
    """Amplitude of the best-fitting sinusoid of ``freq`` Hz (any phase) in ``seg``."""
    t = np.arange(len(seg)) / RATE
    basis = np.stack([np.sin(2 * np.pi * freq * t), np.cos(2 * np.pi * freq * t)], 1)
    coef, *_ = np.linalg.lstsq(basis, seg, rcond=None)
    return float(np.hypot(*coef))


def peak_freq(seg: np.ndarray) -> float:
    n = len(seg)
    spec = np.abs(np.fft.rfft(seg * np.hanning(n), 16 * n))
    return float(np.argmax(spec) * RATE / (16 * n))


@pytest.mark.parametrize("rate,bits,channels", [(44100, 16, 2), (22050, 8, 1), (48000, 16, 2)])
def test_streaming_by_position_polling(run_exeplay, tmp_path: Path, rate: int, bits: int, channels: int) -> None:
    """The classic game loop (poll the play cursor, refill what is behind it with Lock/Unlock, wrap-around
    included) gives one continuous sinusoid of exactly 2 s: no gap, repeat or click."""
    out, x, _ = play(run_exeplay, tmp_path, "poll", str(rate), str(bits), str(channels))
    f = fields(out)
    assert f["mode"] == "poll", out
    block = bits // 8 * channels
    lead = -(-rate * 10 // 1000) * block  # the write cursor runs 10 ms ahead
    assert f["lead_min"] == f["lead_max"] == str(lead), out
    assert int(f["wraps"]) >= 2 and int(f["polls"]) > 200, out  # two passes round the buffer, Locks in two parts
    assert f["status_playing"] == "5" and f["status_stopped"] == "0", out  # DSBSTATUS_PLAYING | LOOPING
    assert "release_buffer=0 release_ds=0" in out, out
    tol = 30 if bits == 16 else 150
    a, b = check_sine(x[:, 0], AMP, tol)
    check_sine(x[:, 1], AMP * (0.5 if channels == 2 else 1.0), tol)
    expect = 2 * RATE  # two seconds of sine, at any source rate
    assert abs((b - a) - expect) <= 3, f"{b - a} frames of sound, expected {expect}"


def test_static_looping_buffer(run_exeplay, tmp_path: Path) -> None:
    """A 2200-frame tone at 22050 Hz written once and played looping for 500 ms: seamless loop, right pitch,
    stopped on time, and the play cursor where the recording says it is."""
    out, x, _ = play(run_exeplay, tmp_path, "static")
    f = fields(out)
    assert f["status_playing"] == "5" and f["status_stopped"] == "0", out
    a, b = check_sine(x[:, 0], AMP, 30)
    check_sine(x[:, 1], AMP, 30)
    dur = b - a
    assert abs(dur - RATE // 2) <= 25, dur  # Sleep(500) between Play and Stop
    assert f["play"] == f["write"], out  # stopped: the write cursor sits on the play cursor
    src_frames = dur // 2  # 22050 Hz source
    assert abs(int(f["play"]) // 2 - src_frames % 2200) <= 2, (f["play"], dur)


def test_notifications_drive_the_refill(run_exeplay, tmp_path: Path) -> None:
    """Two halves refilled when the notification at the end of each is signalled: 1 s of continuous sine;
    DSBPN_OFFSETSTOP at Stop; SetNotificationPositions refused while playing."""
    out, x, _ = play(run_exeplay, tmp_path, "notify")
    f = fields(out)
    assert f["qi_notify"] == "0" and f["set_positions"] == "0", out
    assert f["set_while_playing"] == "88780032", out  # DSERR_INVALIDCALL
    assert f["wakes"] == "10" and f["early"] == "0" and f["stop_event"] == "1" and f["status"] == "0", out
    # woken when the half had been played (a woken thread waits up to a scheduler slice, 8 ms of guest time)
    assert int(f["late_max"]) < 0.010 * 22050, out
    assert "release_notify=1 release_buffer=0" in out, out
    a, b = check_sine(x[:, 0], AMP, 30)
    check_sine(x[:, 1], AMP / 2, 30)
    assert abs((b - a) - RATE) <= 3, b - a


def test_volume_pan_frequency(run_exeplay, tmp_path: Path) -> None:
    """200 ms segments: full; SetVolume(-600) = 10^(-0.3); SetPan(1000) attenuates the left by 10 dB;
    SetPan(-2000) the right by 20 dB; SetFrequency(88200) doubles the pitch."""
    out, x, _ = play(run_exeplay, tmp_path, "effects")
    f = fields(out)
    assert f["volume"] == "-600" and f["pan"] == "1000" and f["pan2"] == "-2000", out
    assert f["freq"] == "88200" and f["freq_original"] == "44100", out
    a, b = sound_span(x[:, 0])
    seg = int(0.2 * RATE)
    assert abs((b - a) - 5 * seg) <= 30, b - a
    expect = [  # (frequency, left, right)
        (FREQ, 1.0, 1.0),
        (FREQ, 10 ** -0.3, 10 ** -0.3),
        (FREQ, 10 ** -0.5, 1.0),
        (FREQ, 1.0, 0.1),
        (2 * FREQ, 1.0, 1.0),
    ]
    margin = 600  # stay clear of the switching moments (a few API calls and a scheduler slice late)
    for i, (fr, lg, rg) in enumerate(expect):
        s = x[a + i * seg + margin:a + (i + 1) * seg - margin]
        assert abs(peak_freq(s[:, 0]) - fr) < 3, (i, peak_freq(s[:, 0]))
        for ch, g in ((0, lg), (1, rg)):
            got = fit(s[:, ch], fr)
            assert abs(got - AMP * g) < AMP * g * 0.01 + 2, (i, ch, got, AMP * g)


def test_duplicate_shares_data(run_exeplay, tmp_path: Path) -> None:
    """A duplicate plays the original's memory (rewritten after duplication at half amplitude, the original
    released); a non-looping buffer stops at its end (position back to 0) and plays again from the start."""
    out, x, _ = play(run_exeplay, tmp_path, "dup")
    f = fields(out)
    assert f["dup"] == "0" and f["qi_notify"] == "80004002" and f["qi_buffer8"] == "0", out
    assert "addref=3 release=2 release=1 release_last=0" in out, out
    assert f["status_playing"] == "1" and f["play_after_end"] == "0" and f["write_after_end"] == "0", out
    assert f["status_after_second"] == "0" and f["release_dup"] == "0", out
    ch = x[:, 0]
    loud = np.abs(ch) > 1
    edges = np.diff(np.concatenate([[0], loud.astype(int), [0]]))
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    # zero crossings split the bursts into many runs: group runs closer than 10 ms
    bursts: list[list[int]] = []
    for s, e in zip(starts, ends):
        if bursts and s - bursts[-1][1] < 441:
            bursts[-1][1] = e
        else:
            bursts.append([int(s), int(e)])
    assert len(bursts) == 2, bursts
    for s, e in bursts:
        assert abs((e - s) - 4400) <= 3, (s, e)
        check_sine(np.concatenate([[0.0], ch[s:e], [0.0]]), AMP / 2, 30)
    assert bursts[1][0] - bursts[0][1] > 0.09 * RATE


def test_errors_and_queries(run_exeplay, tmp_path: Path) -> None:
    r = run_exeplay(["run", "--deterministic", EXE, "errors"], cwd=tmp_path)
    assert r.rc == 0, r.describe()
    out = r.text
    f = fields(out)
    expect = {
        "create_bogus": "88780078", "create_null": "80070057", "create_enumerated": "0", "enumerate": "0",
        "enum_stopped_after": "1", "qi_ds8_on_ds1": "80004002", "play_without_coop": "88780046",
        "qi_buffer8_on_ds1": "80004002", "coop_bad": "80070057", "coop": "0", "caps_badsize": "80070057",
        "caps": "0", "minrate": "100", "maxrate": "200000", "primaries": "1",
        "compact_normal": "88780046", "speakers": "140004", "set_speakers": "0", "speakers2": "1",
        "initialize_again": "88780082", "primary": "0", "primary_again": "0", "same": "1",
        "primary_format": "22050/8/2", "size": "18", "primary_lock_normal": "88780046",
        "primary_setformat_normal": "88780046", "primary_play_once": "80070057", "duplicate_primary": "88780032",
        "compact_priority": "0", "primary_setformat": "0", "primary_format2": "44100/16/1",
        "primary_lock_priority": "88780046", "desc_badsize": "80070057", "desc_nofmt": "80070057",
        "desc_small": "80070057", "desc_adpcm": "88780064", "desc_3d_stereo": "80070057",
        "desc_primary_bytes": "80070057", "odd_size": "0", "bytes": "1000", "agg": "80040110",
        "setvolume": "0", "setvolume_bad": "80070057", "volume": "-300", "setpan_nocaps": "8878001e",
        "setfreq_nocaps": "8878001e", "getfreq_nocaps": "8878001e", "setvolume_nocaps": "8878001e",
        "lock_past": "80070057", "lock_zero": "80070057", "lock_wrap": "0", "b2": "100", "p1_off": "900",
        "p2_is_base": "1", "entire": "1000", "unlock": "0", "unlock_bad": "80070057", "lock_wrap_onepointer": "0",
        "setpos_past": "80070057", "setpos": "0", "pos": "100/100", "lock_fromwrite": "0", "off": "100",
        "setformat_secondary": "88780032", "initialize_buffer": "88780082", "restore": "0",
        "qi_notify_nocaps": "80004002", "play_bad_priority": "80070057", "status_secondary": "5",
        "status_primary": "5", "status_primary_idle": "0", "release_b3": "0", "release_ds": "0",
        "cocreate": "0", "uninit_create": "887800aa", "init_bogus": "88780078", "init": "0",
        "init_again": "88780082", "certified": "0", "cert": "0", "qi_buffer8": "0", "release_x8": "1",
        "release_x": "0", "release_d8": "0",
    }
    for k, v in expect.items():
        assert f.get(k) == v, f"{k}: {f.get(k)} != {v}\n{out}"
    assert "caps=0 flags=f5f minrate=100" in out, out
    assert "flags=8\n" in out  # the odd-sized buffer: DSBCAPS_LOCSOFTWARE, rounded down to whole frames
    assert "primary_release=1 0" in out, out
    assert "enum1: guid=null desc=Primary Sound Driver module= ctx=7" in out, out
    assert "enum2: guid=set desc=exeplay Wave Out" in out, out
    assert "enumW: guid=null desc=Primary Sound Driver\nenumW: guid=set desc=exeplay Wave Out" in out, out
    assert "lock_wrap=0 b1=100 b2=100" in out and "lock_wrap_onepointer=0 b1=100" in out, out


def test_recording_is_byte_identical(run_exeplay, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _, _, one = play(run_exeplay, tmp_path / "a", "notify")
    _, _, two = play(run_exeplay, tmp_path / "b", "notify")
    assert len(one) > 44 + 4 * RATE
    assert one == two
