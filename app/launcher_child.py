"""The launcher's programs in child processes: their command lines, their logs and the reports when they end.

A program runs as ``python -m app.cli run [settings] PROGRAM`` (``child_command``) in its own folder; its output
goes to files in ``log_dir()`` (not pipes: it may outlive the launcher), the last LOGS_KEPT runs kept.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import config as cfg
from . import library

SOURCE_ROOT = Path(__file__).resolve().parent.parent
STOP_GRACE = 3.0            # seconds between SIGTERM and SIGKILL for the Stop button
REPORT_CHARS = 12000
LOGS_KEPT = 20


def status_text(rc: int) -> str:
    """How a child process ended, in words."""
    if rc < 0:
        try:
            return f"killed by signal {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit status {rc}"


def pad_spec(mapping: dict[str, str]) -> str:
    """``exeplay run --pad-map`` SPEC giving exactly ``mapping`` (control -> key name)."""
    if not mapping:
        return "none"
    return ",".join(["clear", *(f"{c}={k}" for c, k in mapping.items())])


def child_command(path: str, s: dict[str, Any]) -> list[str]:
    """``python -m app.cli run [options from the program's settings] PROGRAM``."""
    cmd = [sys.executable, "-m", "app.cli", "run"]
    if s["fullscreen"]:
        cmd.append("--fullscreen")
    if s["scaling"] != "integer":
        cmd += ["--scaling", s["scaling"]]
    if s["scale"]:
        cmd += ["--scale", str(s["scale"])]
    for d in s["expose"]:
        cmd += ["--expose", d]
    if not s["sound"]:
        cmd.append("--no-sound")
    if s["gamepad"] != cfg.DEFAULT_GAMEPAD:
        cmd += ["--pad-map", pad_spec(s["gamepad"])]
    return [*cmd, path]


def log_dir() -> Path:
    """Where programs' output goes: ``$XDG_STATE_HOME/exeplay/logs`` (``~/.local/state/exeplay/logs``)."""
    base = os.environ.get("XDG_STATE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "exeplay" / "logs"


def _prune_logs(d: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest runs' logs."""
    try:
        runs = sorted({p.name.rsplit(".", 1)[0] for p in d.iterdir() if p.suffix in (".out", ".err")},
                      key=lambda stem: (d / f"{stem}.err").stat().st_mtime if (d / f"{stem}.err").exists() else 0)
    except OSError:
        return
    for stem in runs[:-keep] if len(runs) > keep else []:
        for ext in (".out", ".err"):
            (d / f"{stem}{ext}").unlink(missing_ok=True)


class Child:
    """A program running in a child process. Its output goes to files in ``log_dir()`` (not pipes: the program
    may outlive the launcher), NAME-TIME-PID.out (the program's) and .err (exeplay's); the last LOGS_KEPT runs
    are kept."""

    def __init__(self, prog: library.Program, cmd: list[str], cwd: str, env: dict[str, str]) -> None:
        self.prog = prog
        self.cmd = cmd
        self.started = time.monotonic()
        self.stopping = 0.0  # monotonic time the user asked it to stop (0: never)
        d = log_dir()
        d.mkdir(parents=True, exist_ok=True)
        _prune_logs(d, LOGS_KEPT - 1)
        stem = f"{os.path.splitext(prog.file_name)[0]}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        self.out_path, self.err_path = d / f"{stem}.out", d / f"{stem}.err"
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)

    @property
    def pid(self) -> int:
        """The child's process id."""
        return self.proc.pid

    def poll(self) -> int | None:
        """The exit status once it has ended, else None (SIGKILL once a Stop has waited STOP_GRACE seconds)."""
        rc = self.proc.poll()
        if rc is None and self.stopping and time.monotonic() - self.stopping > STOP_GRACE:
            self.proc.kill()
        return rc

    def stop(self) -> None:
        """Ask the program to end (SIGTERM; SIGKILL after STOP_GRACE seconds)."""
        if not self.stopping and self.proc.poll() is None:
            self.stopping = time.monotonic()
            self.proc.terminate()

    @staticmethod
    def _tail(path: Path, enc: str) -> str:
        try:
            with open(path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - 4 * REPORT_CHARS))
                data = f.read()
        except OSError:
            return ""
        return data.decode(enc, "replace").replace("\r\n", "\n")[-REPORT_CHARS:]

    def stdout_text(self) -> str:
        """The end of what the program printed (guest text: Windows-1252)."""
        return self._tail(self.out_path, "cp1252")

    def stderr_text(self) -> str:
        """The end of exeplay's error output (its crash report)."""
        return self._tail(self.err_path, "utf-8")


@dataclass
class Report:
    """A panel about a program that ended: a failure (non-zero status) or a console program's output."""

    name: str
    path: str
    failed: bool
    status: str
    text: str
    seen_frames: int = 0
