"""The bundled demos (assets/demos/, built by assets/demos/build.sh) run headless and deterministically:
Plasma Dream's frames match golden screenshots and its music is recorded non-silent, on the beat and identical on
every run; Snake answers keys, a virtual gamepad and its menus, quits with status 0 and writes its high score;
The Cellar's transcript for a walkthrough is exact. Each demo also carries the icon and version information the
launcher shows."""
from __future__ import annotations

import shutil
import wave
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from conftest import REPO, Run, assert_no_traceback, assert_png_matches

DEMOS = REPO / "assets" / "demos"


def stage_demo(tmp_path: Path, name: str) -> Path:
    """Copy assets/demos/NAME/NAME.exe into a folder of its own (the guest's D:); the path of the copy."""
    src = DEMOS / name / f"{name}.exe"
    if not src.exists():
        pytest.fail(f"{src} is missing: run assets/demos/build.sh")
    d = tmp_path / name
    d.mkdir(exist_ok=True)
    shutil.copy(src, d / src.name)
    return d / src.name


def script(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "input.txt"
    p.write_text(text)
    return p


def ok(r: Run) -> None:
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()


# ---- Plasma Dream ----------------------------------------------------------------------------------------
RATE = 44100
BEAT_S = 4 * 2646 / 22050  # four tracker rows of 2646 samples at 22050 Hz: 125 beats a minute


def load_wav(p: Path) -> np.ndarray:
    with wave.open(str(p)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 2, 2)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2).astype(np.float64)


def test_plasma_frames_and_music(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "plasma")
    wav = tmp_path / "plasma.wav"
    shots = [tmp_path / f"plasma_{t}.png" for t in (1000, 2500)]
    r = run_exeplay(["run", "--headless", "--deterministic", "--audio-out", wav,
                     "--screenshot-at", f"1000:{shots[0]}", "--screenshot-at", f"2500:{shots[1]}",
                     "--exit-after", "2600", exe], timeout=30)
    ok(r)
    for p in shots:
        img = Image.open(p)
        assert img.size == (320, 240)  # the program's own 320x240x8 mode
        assert len(img.convert("RGB").getcolors(1 << 16) or []) > 100, f"{p.name}: no plasma"
    a, b = (np.asarray(Image.open(p).convert("RGB")) for p in shots)
    assert (a != b).any(axis=2).mean() > 0.5, "the picture does not move"
    assert_png_matches(shots[0], "demo_plasma_1000")
    assert_png_matches(shots[1], "demo_plasma_2500")

    x = load_wav(wav)
    assert len(x) >= int(2.5 * RATE)
    mono = x[int(0.1 * RATE):, 0]
    rms = float(np.sqrt((mono ** 2).mean()))
    assert rms > 2000, f"music too quiet or silent (RMS {rms:.0f})"
    assert (np.abs(mono) >= 32767).mean() < 1e-3, "the music clips"
    # the drums: the loudness envelope (10 ms steps) repeats every beat
    hop = RATE // 100
    n = len(mono) // hop
    env = np.sqrt((mono[:n * hop].reshape(n, hop) ** 2).mean(axis=1))
    env -= env.mean()
    ac = np.correlate(env, env, "full")[n - 1:]
    lag = 30 + int(np.argmax(ac[30:70]))
    assert abs(lag / 100 - BEAT_S) <= 0.02, f"strongest repetition every {lag * 10} ms, beat is {BEAT_S * 1000:.0f} ms"
    # the bass plays A (110 Hz) in the first bar
    seg = mono[:int(1.9 * RATE)]
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    freqs = np.fft.rfftfreq(len(seg), 1 / RATE)
    low = (freqs > 40) & (freqs < 400)
    peak = freqs[low][np.argmax(spec[low])]
    assert abs(peak - 110) < 3, f"strongest low tone at {peak:.1f} Hz"


def test_plasma_music_is_deterministic_and_escape_quits(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "plasma")
    keys = script(tmp_path, "800 key Escape\n")
    recordings = []
    for i in range(2):
        wav = tmp_path / f"run{i}.wav"
        late = tmp_path / f"late{i}.png"
        # no --exit-after: the program must end itself on Escape (the screenshot after it is never taken)
        r = run_exeplay(["run", "--headless", "--deterministic", "--input", keys, "--audio-out", wav,
                         "--screenshot-at", f"5000:{late}", exe], timeout=30)
        ok(r)
        assert not late.exists(), "still running 4 s after Escape"
        recordings.append(wav.read_bytes())
    assert recordings[0] == recordings[1], "two deterministic runs recorded different sound"
    x = load_wav(tmp_path / "run0.wav")
    assert 0.7 * RATE <= len(x) <= 1.1 * RATE, f"{len(x) / RATE:.2f} s recorded"
    assert np.abs(x[int(0.1 * RATE):int(0.7 * RATE)]).max() > 8000


# ---- Snake -----------------------------------------------------------------------------------------------
HEAD = (110, 235, 90)   # the head's fill colour (snake.c)
APPLE = (220, 32, 32)


def cells_of(png: Path, rgb: tuple[int, int, int]) -> tuple[float, float]:
    """Centre (x, y) in screen pixels of the pixels of colour ``rgb``."""
    a = np.asarray(Image.open(png).convert("RGB"))
    ys, xs = np.nonzero((a == np.array(rgb, np.uint8)).all(axis=2))
    assert len(xs) > 10, f"{png.name}: no pixels of colour {rgb}"
    return float(xs.mean()), float(ys.mean())


def high_score(tmp_path: Path) -> Path:
    """Where snake.exe keeps its high score: %APPDATA%\\Snake\\highscore.txt on its private C: drive."""
    return (tmp_path / "xdg" / "exeplay" / "drives" / "snake" / "c" / "Documents and Settings" / "player"
            / "Application Data" / "Snake" / "highscore.txt")


def test_snake_keyboard(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "snake")
    keys = script(tmp_path, "600 key Return\n1500 key Down\n1800 key Left\n2300 key Escape\n")
    shots = {t: tmp_path / f"snake_{t}.png" for t in (500, 1400, 2200, 4000)}
    args = [a for t, p in shots.items() for a in ("--screenshot-at", f"{t}:{p}")]
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", keys, *args, exe], timeout=30)
    ok(r)
    assert not shots[4000].exists(), "Escape did not end the program"
    assert_png_matches(shots[500], "demo_snake_title")
    assert_png_matches(shots[1400], "demo_snake_ate")
    assert_png_matches(shots[2200], "demo_snake_turned")
    # it ran right through the first apple (straight ahead), then went down and left
    x1, y1 = cells_of(shots[1400], HEAD)
    x2, y2 = cells_of(shots[2200], HEAD)
    assert y2 > y1 + 8 and x2 < x1 - 8, ((x1, y1), (x2, y2))
    assert high_score(tmp_path).read_bytes() == b"10\r\n"


def test_snake_gamepad(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "snake")
    pad = script(tmp_path, "0 pad attach\n500 pad a press\n1000 pad dpdown press\n1300 pad leftx -32768\n"
                           "1500 pad leftx 0\n1900 pad b press\n")
    s1, s2, late = tmp_path / "p1.png", tmp_path / "p2.png", tmp_path / "late.png"
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", pad, "--screenshot-at", f"900:{s1}",
                     "--screenshot-at", f"1450:{s2}", "--screenshot-at", f"4000:{late}", exe], timeout=30)
    if "gamepad" in r.errtext and "unavailable" in r.errtext:
        pytest.skip(r.errtext.strip().splitlines()[-1])
    ok(r)
    assert not late.exists(), "pad B did not end the program"
    x1, y1 = cells_of(s1, HEAD)   # A started a game: the snake runs right
    x2, y2 = cells_of(s2, HEAD)   # the d-pad turned it down, the stick left
    assert y2 > y1 + 8 and x2 < x1 + 16, ((x1, y1), (x2, y2))
    assert cells_of(s2, APPLE)    # the first apple, still uneaten
    assert not high_score(tmp_path).exists()  # no points: nothing to keep


def test_snake_menus(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "snake")
    # Help > About Snake..., its OK button by Enter, then Game > Exit (the window is centred on the 800x600 screen)
    clicks = script(tmp_path, "400 click 265 151\n700 click 300 199\n1300 key Return\n1600 click 227 151\n"
                              "1900 click 236 216\n")
    about, after, late = tmp_path / "about.png", tmp_path / "after.png", tmp_path / "late.png"
    r = run_exeplay(["run", "--headless", "--deterministic", "--input", clicks, "--screenshot-at", f"1200:{about}",
                     "--screenshot-at", f"1500:{after}", "--screenshot-at", f"4000:{late}", exe], timeout=30)
    ok(r)
    assert not late.exists(), "Game > Exit did not end the program"
    assert_png_matches(about, "demo_snake_about")
    a, b = (np.asarray(Image.open(p).convert("RGB")) for p in (about, after))
    assert (a != b).any(axis=2).sum() > 1000, "the About box did not close"


# ---- The Cellar ------------------------------------------------------------------------------------------
def test_cellar_walkthrough(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "cellar")
    walk = (DEMOS / "cellar" / "walkthrough.txt").read_bytes()
    r = run_exeplay(["run", exe], input=walk, timeout=20)
    ok(r)
    assert r.text == (DEMOS / "cellar" / "walkthrough.out").read_text(), r.describe()


def test_cellar_commands_and_end_of_input(run_exeplay, tmp_path: Path) -> None:
    exe = stage_demo(tmp_path, "cellar")
    r = run_exeplay(["run", exe, "--brief"], input=b"i\ne\nw\ne\ntake crowbar\nopen chest\nx chest\nhelp\n",
                    timeout=20)
    ok(r)
    lines = r.text.split("> ")
    assert lines[1:] == [
        "You carry: candle.\n",
        "\nWorkshop\nA workbench covered in shavings, and under it a heavy tool chest. The only\nway out is west.\n"
        "The tool chest is closed and locked.\n",
        "\nFoot of the stairs\n",                       # --brief: a room already seen is named only
        "\nWorkshop\nThe tool chest is closed and locked.\n",
        "There is no crowbar here.\n",
        "The chest is locked. You need a key.\n",
        "An oak chest bound in iron, with a small keyhole.\n",
        "Commands: look, north/south/east/west/up/down (or n s e w u d), take THING,\n"
        "drop THING, examine THING, open THING, give THING, inventory (i), help, quit.\n",
        "\n",                                            # end of input: a new line, status 0
    ]
    r = run_exeplay(["run", exe, "--bogus"], timeout=20)
    assert r.rc == 2 and r.text.startswith("usage: cellar [--brief]"), r.describe()


# ---- what the launcher shows -----------------------------------------------------------------------------
@pytest.mark.parametrize("name, product, gui", [("plasma", "Plasma Dream", True), ("snake", "Snake", True),
                                               ("cellar", "The Cellar", False)])
def test_demo_icon_and_name(name: str, product: str, gui: bool) -> None:
    """The launcher's library finds each demo with its VERSIONINFO ProductName and its own icon."""
    from app import library
    exe = DEMOS / name / f"{name}.exe"
    assert str(exe) in library.bundled_programs()
    prog = library.read_program(str(exe))
    assert prog is not None
    assert (prog.name, prog.has_icon, prog.gui) == (product, True, gui)
    # the icon it shows is the picture of NAME.ico (make_icons.py) at that size
    ico = Image.open(DEMOS / name / f"{name}.ico")
    ico.size = max(ico.info["sizes"])
    want = np.asarray(ico.convert("RGBA").resize(prog.icon.size, Image.Resampling.LANCZOS), np.float64)
    got = np.asarray(prog.icon.convert("RGBA"), np.float64)
    assert np.abs(got - want).mean() < 12, np.abs(got - want).mean()
