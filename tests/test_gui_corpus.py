"""The GUI and DirectDraw corpus (../shared/corpus, MANIFEST.md) run headless and deterministic, driven by
scripted input, checked with screenshots against tests/golden/ and by what the programs do (exit codes, files
written). The references were written by earlier runs, so every passing run is a second deterministic run giving
byte-identical pixels (on this machine or another).

Regenerate references after an intended change: ``EXEPLAY_UPDATE_GOLDEN=1 python -m pytest tests/test_gui_corpus.py``
(then look at every changed PNG before committing it)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import Run, assert_no_traceback, assert_png_matches, corpus_file

pytestmark = pytest.mark.corpus


@dataclass
class Case:
    files: list[str]  # corpus/gui files to stage; the first is the program
    script: str = ""  # --input script
    shots: dict[int, str] = field(default_factory=dict)  # guest ms -> golden name
    exit_after: int | None = None
    expose: bool = False
    args: list[str] = field(default_factory=list)
    timeout: float = 120
    check_rc: bool = True  # clam.exe returns from MessageBoxA into its own code; its exit code is incidental
    folder: str = "gui"  # corpus folder


def run_case(run_exeplay, tmp_path: Path, c: Case, tag: str = "") -> tuple[Run, dict[str, Path], Path]:
    bin_dir = tmp_path / f"bin{tag}"
    bin_dir.mkdir(exist_ok=True)
    for f in c.files:
        shutil.copy(corpus_file(c.folder, f), bin_dir / f)
    out = tmp_path / f"shots{tag}"
    out.mkdir(exist_ok=True)
    args: list[str] = ["run", "--headless", "--deterministic"]
    if c.script:
        script = tmp_path / f"input{tag}.txt"
        script.write_text("\n".join(line.strip() for line in c.script.splitlines()) + "\n")
        args += ["--input", str(script)]
    paths = {}
    for t, name in c.shots.items():
        paths[name] = out / f"{name}.png"
        args += ["--screenshot-at", f"{t}:{paths[name]}"]
    if c.exit_after is not None:
        args += ["--exit-after", str(c.exit_after)]
    exposed = tmp_path / f"exposed{tag}"
    if c.expose:
        exposed.mkdir(exist_ok=True)
        args += ["--expose", str(exposed)]
    args += [str(bin_dir / c.files[0]), *c.args]
    work = tmp_path / f"work{tag}"  # the guest's current folder (E:), empty so file dialogs list the same
    work.mkdir(exist_ok=True)
    r = run_exeplay(args, cwd=work, timeout=c.timeout)
    assert_no_traceback(r)
    return r, paths, exposed


MSGBOX = "1000 key Return\n"
CASES: dict[str, Case] = {
    "hello": Case(["HELLO.EXE"], MSGBOX, {500: "hello"}),
    "clam": Case(["clam.exe"], MSGBOX, {500: "clam"}, check_rc=False),
    "sample_gui": Case(["sample_gui.exe"], MSGBOX, {500: "sample_gui"}),
    "lasterr": Case(["LASTERR.EXE", "ERRORMSG.DLL"], MSGBOX, {500: "lasterr"}),
    # type a caption and a message, pick "Question" and "Top most", press OK: the message box shows them
    "dialog": Case(["DIALOG.EXE"], """
        300 click 250 177
        400 type Typed caption
        1000 click 250 226
        1100 type Hello from exeplay!
        2000 click 145 320
        2100 click 279 278
        2300 click 268 389
        3500 key Return
        """, {200: "dialog_empty", 2200: "dialog_filled", 3000: "dialog_msgbox"}),
    "minipad": Case(["MINIPAD.EXE"], """
        500 type Hello, MiniPad!
        1000 key Return
        1100 type Second line.
        """, {2000: "minipad_typed"}, exit_after=2100),
    # a left click in the middle of the board: the smiley gasps while the button is down, the cell opens after
    "winemine": Case(["winemine.exe"], """
        1000 down 79 145
        1200 up 79 145
        """, {500: "winemine_board", 1100: "winemine_pressed", 2500: "winemine_revealed"}, exit_after=3000),
    # the hands at the deterministic time (12:00:02, then 12:01:05)
    "clock": Case(["clock.exe"], "", {1000: "clock_start", 64000: "clock_later"}, exit_after=64500),
    # type, then File > Save As (Alt+F, click "Save as..."), type a path on the exposed F: drive, Enter
    "notepad": Case(["notepad.exe"], r"""
        500 type Hello from exeplay notepad
        2000 key Menu down
        2050 key F down
        2100 key F up
        2150 key Menu up
        2500 click 48 104
        3500 type F:\saved.txt
        4500 key Return
        """, {1500: "notepad_typed", 2400: "notepad_filemenu", 4400: "notepad_saveas", 5500: "notepad_saved"},
        exit_after=6000, expose=True),
    # Next, Install, Finish: the files land in the sandboxed C:\Program Files\CorpusHello
    "nsis": Case(["nsis-hello-setup.exe"], """
        1000 click 513 466
        2000 click 513 466
        5000 click 513 466
        """, {500: "nsis_welcome", 1500: "nsis_directory", 4500: "nsis_finish"}),
    # a 4 KB intro: DirectDraw loaded at run time, 320x200, GDI text on an off-screen surface
    "win003": Case(["win003.exe"], "", {300: "win003_a", 1500: "win003_b", 3200: "win003_c"}, exit_after=3300,
                   folder="ddraw"),
    # DirectDraw 640x480x8 fullscreen with DDRAW.GIF from its folder: the torus turns; Esc ends it
    "ddraw": Case(["DDRAW.EXE", "DDRAW.GIF"], "6100 key Escape\n", {1000: "ddraw_a", 3000: "ddraw_b", 6000: "ddraw_c"},
                  folder="ddraw"),
    # windowed DirectDraw (UPX-packed 3.5 KB intro) that ends with the "einde" message box
    "effect": Case(["effect.exe"], "4500 key Return\n", {500: "effect_a", 2000: "effect_b", 4000: "effect_c"},
                   folder="ddraw"),
    # DirectDraw + waveOut music (the mixer runs silent here; issue 5 checks the recording)
    "psi_mofo": Case(["psi_mofo.exe"], "", {1500: "psi_mofo_a", 3000: "psi_mofo_b", 6000: "psi_mofo_c"},
                     exit_after=6100, folder="ddraw"),
    # four presses of Down: the skier turns downhill and the slope scrolls past
    "ski32": Case(["ski32.exe"], """
        1000 key Down
        1200 key Down
        1400 key Down
        1600 key Down
        """, {500: "ski32_start", 3500: "ski32_downhill"}, exit_after=4000),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_gui(run_exeplay, tmp_path: Path, name: str) -> None:
    c = CASES[name]
    r, shots, _ = run_case(run_exeplay, tmp_path, c)
    assert r.rc == 0 or not c.check_rc, r.describe()
    assert "crashed" not in r.errtext and "unimplemented" not in r.errtext, r.describe()
    for golden, png in shots.items():
        assert_png_matches(png, golden)
    if name == "notepad":
        assert (tmp_path / "exposed" / "saved.txt").read_bytes() == b"Hello from exeplay notepad"
    if name == "nsis":
        inst = tmp_path / "xdg" / "exeplay" / "drives" / "nsis-hello-setup" / "c" / "Program Files" / "CorpusHello"
        assert (inst / "readme.txt").is_file() and (inst / "uninstall.exe").is_file(), list(inst.parent.rglob("*"))
