"""Shared fixtures: run ``exeplay`` as a subprocess on staged copies of the test programs.

Every run gets its own XDG_DATA_HOME (the guest's private C: drive lives there), a timeout, and a
current directory chosen by the test (the guest sees it as E:; the program's own folder is D:).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple, Sequence

import pytest

REPO = Path(__file__).resolve().parents[1]
PROGRAMS = REPO / "tests" / "programs"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_TIMEOUT = 60


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: needs ../shared/corpus (skipped when it is absent)")
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


class Run(NamedTuple):
    """Result of one exeplay run: exit status and raw output bytes."""

    rc: int
    out: bytes
    err: bytes

    @property
    def text(self) -> str:
        """stdout as text with CRLF turned into LF (the C runtime's text mode writes CRLF)."""
        return self.out.decode("cp1252").replace("\r\n", "\n")

    @property
    def errtext(self) -> str:
        return self.err.decode("utf-8", "replace")

    def describe(self) -> str:
        return (f"exit status {self.rc}\n--- stdout ---\n{self.out.decode('cp1252', 'replace')[-6000:]}"
                f"\n--- stderr ---\n{self.errtext[-6000:]}")


def exeplay_command(args: Sequence[str | os.PathLike[str]]) -> list[str]:
    return [sys.executable, "-m", "app.cli", *[os.fspath(a) for a in args]]


def _run(args: Sequence[str | os.PathLike[str]], cwd: str | os.PathLike[str], xdg: Path, timeout: float,
         input: bytes | None, env: dict[str, str] | None) -> Run:
    e = dict(os.environ)
    e["XDG_DATA_HOME"] = str(xdg)
    e["PYTHONPATH"] = str(REPO) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.setdefault("PYTHONWARNINGS", "ignore")
    if env:
        e.update(env)
    proc = subprocess.Popen(exeplay_command(args), cwd=cwd, env=e, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(input if input is not None else b"", timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"exeplay {' '.join(map(str, args))} did not finish within {timeout} s (hang)\n"
                    f"--- stdout ---\n{out.decode('cp1252', 'replace')[-3000:]}\n"
                    f"--- stderr ---\n{err.decode('utf-8', 'replace')[-3000:]}")
    return Run(proc.returncode, out, err)


@pytest.fixture
def run_exeplay(tmp_path: Path):
    """``run_exeplay(args, cwd, timeout=60, input=None, env=None) -> Run(rc, out, err)``.

    ``args`` are the exeplay arguments after the program name ``exeplay`` (e.g. ``["run", exe, "x"]``).
    """
    xdg = tmp_path / "xdg"
    xdg.mkdir(exist_ok=True)

    def run(args: Sequence[str | os.PathLike[str]], cwd: str | os.PathLike[str] | None = None,
            timeout: float = DEFAULT_TIMEOUT, input: bytes | None = None,
            env: dict[str, str] | None = None) -> Run:
        return _run(args, cwd if cwd is not None else tmp_path, xdg, timeout, input, env)

    return run


@pytest.fixture
def stage(tmp_path: Path):
    """``stage(*names, into="bin") -> Path``: copy test programs into a folder of tmp_path (the guest's D:)."""

    def do(*names: str, into: str = "bin") -> Path:
        d = tmp_path / into
        d.mkdir(parents=True, exist_ok=True)
        for n in names:
            src = PROGRAMS / n
            if not src.exists():
                pytest.fail(f"{src} is missing: run tests/programs/build.sh")
            shutil.copy(src, d / n)
        return d

    return do


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty current directory for the guest (its E: drive)."""
    d = tmp_path / "work"
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture
def run_program(run_exeplay, stage, workdir):
    """``run_program(name, *args, timeout=60, input=None, extra=()) -> Run``: stage tests/programs/NAME
    (plus files in ``extra``) and run it with the empty work folder as current directory."""

    def do(name: str, *args: str, timeout: float = DEFAULT_TIMEOUT, input: bytes | None = None,
           extra: Sequence[str] = ()) -> Run:
        d = stage(name, *extra)
        return run_exeplay(["run", d / name, *args], cwd=workdir, timeout=timeout, input=input)

    return do


def assert_no_traceback(r: Run) -> None:
    assert "Traceback (most recent call last)" not in r.errtext, r.describe()


def failures_in(r: Run) -> list[str]:
    """The FAIL lines a test program printed."""
    return [ln for ln in r.text.splitlines() if ln.startswith("FAIL") or ln.startswith("UNEXPECTED")]


def corpus_file(*parts: str) -> Path:
    """A file of ../shared/corpus; skips the test when the corpus (or the file) is absent."""
    p = CORPUS.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"corpus file {p} not present")
    return p


# ---- screenshot tests ---------------------------------------------------------------------------------
GOLDEN = REPO / "tests" / "golden"
UPDATE_GOLDEN = bool(os.environ.get("EXEPLAY_UPDATE_GOLDEN"))


def assert_png_matches(actual: Path, name: str) -> None:
    """Compare PNG ``actual`` with tests/golden/NAME.png pixel for pixel.

    On a mismatch the actual image and a diff image (differing pixels red over a faded copy) are written next
    to the reference as NAME.actual.png / NAME.diff.png and named in the failure. With EXEPLAY_UPDATE_GOLDEN=1
    the reference is (re)written instead: ``EXEPLAY_UPDATE_GOLDEN=1 python -m pytest tests/test_gui_*.py``.
    """
    import numpy as np
    from PIL import Image

    ref = GOLDEN / f"{name}.png"
    if not actual.exists():
        pytest.fail(f"no screenshot was written at {actual}")
    if UPDATE_GOLDEN or not ref.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"missing reference {ref}: look at {actual} and, if it is right, rerun with "
                        f"EXEPLAY_UPDATE_GOLDEN=1 to accept it")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        shutil.copy(actual, ref)
        return
    a = np.asarray(Image.open(actual).convert("RGB"))
    b = np.asarray(Image.open(ref).convert("RGB"))
    if a.shape == b.shape and np.array_equal(a, b):
        return
    out_actual = GOLDEN / f"{name}.actual.png"
    out_diff = GOLDEN / f"{name}.diff.png"
    shutil.copy(actual, out_actual)
    if a.shape == b.shape:
        diff = (b // 3 + 128).astype(np.uint8)
        mask = np.any(a != b, axis=2)
        diff[mask] = (255, 0, 0)
        Image.fromarray(diff, "RGB").save(out_diff)
        n = int(mask.sum())
        ys, xs = np.nonzero(mask)
        where = f"{n} pixels differ, within x {xs.min()}..{xs.max()}, y {ys.min()}..{ys.max()}"
    else:
        where = f"size {a.shape[1]}x{a.shape[0]} != reference {b.shape[1]}x{b.shape[0]}"
        out_diff = None
    pytest.fail(f"screenshot {name} differs from {ref}: {where}\n  actual: {out_actual}\n"
                f"  diff:   {out_diff}\n  (accept with EXEPLAY_UPDATE_GOLDEN=1 if the new image is right)")
