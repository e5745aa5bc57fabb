"""Per-user settings: ``$XDG_CONFIG_HOME/exeplay/config.toml`` (``~/.config/exeplay/config.toml``).

The file holds the library (folders and single programs the user added, when each program was last played)
and each program's settings, keyed by the program's real path::

    [library]
    folders = ["/home/me/games"]
    files = ["/home/me/Downloads/ski32.exe"]

    [recent]
    "/home/me/Downloads/ski32.exe" = 1718000000.5

    [programs."/home/me/Downloads/ski32.exe"]
    fullscreen = true
    scaling = "integer"          # or "fit" (exeplay run --scaling)
    scale = 0                    # window scale factor; 0: exeplay's default
    expose = ["/home/me/saves"]  # host folders the program sees (exeplay run --expose)
    sound = true

    [programs."/home/me/Downloads/ski32.exe".gamepad]
    a = "Return"
    dpup = "Up"
    "leftx-" = "Left"

``program_settings(path)`` returns every setting of a program with the defaults filled in. The gamepad table maps
a pad control to the key it presses: controls are SDL GameController button names (``SDL_GameControllerGetString
ForButton``: a, b, x, y, back, guide, start, leftstick, rightstick, leftshoulder, rightshoulder, dpup, dpdown,
dpleft, dpright) and stick/trigger directions (``leftx-``, ``leftx+``, ``lefty-``, ``lefty+``, the same for
``rightx``/``righty``, and ``lefttrigger``, ``righttrigger``); keys are ``exeplay run --input`` script key names
(``app.session.key_code``: "Return", "Escape", "Space", "Up", "PageUp", "A", "F1", "LControl", ...), as
``exeplay run --pad-map`` takes them (``app.gamepad``). A control left out of a saved table presses nothing.

The file is read with ``tomllib`` and written with ``tomli_w`` (atomically: a temporary file renamed over it).
A file that cannot be parsed is moved aside to ``config.toml.broken`` and the defaults are used.
"""
from __future__ import annotations

import copy
import math
import os
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

FILE_NAME = "config.toml"

PAD_CONTROLS: tuple[str, ...] = (
    "a", "b", "x", "y", "start", "back", "guide", "leftshoulder", "rightshoulder", "leftstick", "rightstick",
    "dpup", "dpdown", "dpleft", "dpright", "leftx-", "leftx+", "lefty-", "lefty+",
    "rightx-", "rightx+", "righty-", "righty+", "lefttrigger", "righttrigger",
)
"""Pad controls a mapping may name (SDL GameController button names, stick/trigger directions)."""

DEFAULT_GAMEPAD: dict[str, str] = {
    "dpup": "Up", "dpdown": "Down", "dpleft": "Left", "dpright": "Right",
    "leftx-": "Left", "leftx+": "Right", "lefty-": "Up", "lefty+": "Down",
    "a": "Return", "b": "Escape", "x": "Space", "start": "Return",
}
"""The keys pad controls press in programs that only read the keyboard (d-pad and left stick: arrows)."""

SCALINGS = ("integer", "fit")

DEFAULT_PROGRAM: dict[str, Any] = {
    "fullscreen": False,
    "scaling": "integer",
    "scale": 0,
    "expose": [],
    "sound": True,
    "gamepad": DEFAULT_GAMEPAD,
}
"""A program's settings when the user has not changed them."""

MAX_RECENT = 200


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/exeplay`` (``~/.config/exeplay`` when the variable is unset or not absolute)."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "exeplay"


def config_path() -> Path:
    """Where the settings file lives."""
    return config_dir() / FILE_NAME


def program_key(path: str | os.PathLike[str]) -> str:
    """The key a program is stored under: its absolute real path."""
    return os.path.realpath(os.path.abspath(os.fspath(path)))


def _clean_program(raw: Any) -> dict[str, Any]:
    """A program's settings from a parsed table: known keys with values of the right type, defaults else."""
    out = copy.deepcopy(DEFAULT_PROGRAM)
    if not isinstance(raw, dict):
        return out
    for k in ("fullscreen", "sound"):
        if isinstance(raw.get(k), bool):
            out[k] = raw[k]
    if raw.get("scaling") in SCALINGS:
        out["scaling"] = raw["scaling"]
    scale = raw.get("scale")
    if isinstance(scale, int) and not isinstance(scale, bool) and 0 <= scale <= 16:
        out["scale"] = scale
    expose = raw.get("expose")
    if isinstance(expose, list):
        out["expose"] = [e for e in expose if isinstance(e, str) and e]
    pad = raw.get("gamepad")
    if isinstance(pad, dict):  # a saved table is the whole mapping: controls left out press nothing
        out["gamepad"] = {c: k for c, k in pad.items() if c in PAD_CONTROLS and isinstance(k, str) and k}
    return out


class Config:
    """The settings file in memory; ``save()`` writes it back."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else config_path()
        self.folders: list[str] = []
        self.files: list[str] = []
        self.recent: dict[str, float] = {}
        self.programs: dict[str, dict[str, Any]] = {}
        self.load()

    def load(self) -> None:
        """Read the file (a missing file: empty library, defaults everywhere)."""
        try:
            with open(self.path, "rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError:
            data = {}
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            sys.stderr.write(f"exeplay: settings file {self.path} unreadable ({e}); using defaults\n")
            try:
                os.replace(self.path, str(self.path) + ".broken")
            except OSError:
                pass
            data = {}
        lib = data.get("library") if isinstance(data.get("library"), dict) else {}
        self.folders = [p for p in lib.get("folders", []) if isinstance(p, str)] if isinstance(
            lib.get("folders"), list) else []
        self.files = [p for p in lib.get("files", []) if isinstance(p, str)] if isinstance(
            lib.get("files"), list) else []
        rec = data.get("recent") if isinstance(data.get("recent"), dict) else {}
        self.recent = {p: float(t) for p, t in rec.items()
                       if isinstance(t, (int, float)) and not isinstance(t, bool) and math.isfinite(t)}
        progs = data.get("programs") if isinstance(data.get("programs"), dict) else {}
        self.programs = {p: _clean_program(s) for p, s in progs.items()}

    def to_dict(self) -> dict[str, Any]:
        """The file's contents."""
        return {
            "library": {"folders": list(self.folders), "files": list(self.files)},
            "recent": dict(self.recent),
            "programs": copy.deepcopy(self.programs),
        }

    def save(self) -> None:
        """Write the file atomically (a temporary file in the same folder renamed over it)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            tomli_w.dump(self.to_dict(), f)
        os.replace(tmp, self.path)

    # ---- programs
    def program_settings(self, path: str | os.PathLike[str]) -> dict[str, Any]:
        """Every setting of a program (a copy; defaults for those never set)."""
        return copy.deepcopy(self.programs.get(program_key(path)) or DEFAULT_PROGRAM)

    def set_program_settings(self, path: str | os.PathLike[str], settings: dict[str, Any]) -> None:
        """Replace a program's settings (unknown keys and values of the wrong type are dropped)."""
        self.programs[program_key(path)] = _clean_program(settings)

    def played(self, path: str | os.PathLike[str], when: float | None = None) -> None:
        """Note that a program was started now (or at ``when``, Unix seconds)."""
        self.recent[program_key(path)] = time.time() if when is None else when
        if len(self.recent) > MAX_RECENT:
            keep = sorted(self.recent.items(), key=lambda kv: kv[1], reverse=True)[:MAX_RECENT]
            self.recent = dict(keep)

    # ---- library
    def add_folder(self, path: str | os.PathLike[str]) -> bool:
        """Add a folder to the library; False if it was there already."""
        p = program_key(path)
        if p in self.folders:
            return False
        self.folders.append(p)
        return True

    def remove_folder(self, path: str) -> None:
        """Take a folder out of the library."""
        self.folders = [f for f in self.folders if f != path]

    def add_file(self, path: str | os.PathLike[str]) -> bool:
        """Add a single program to the library; False if it was there already."""
        p = program_key(path)
        if p in self.files:
            return False
        self.files.append(p)
        return True

    def remove_file(self, path: str) -> None:
        """Take a single program out of the library."""
        self.files = [f for f in self.files if f != path]


def load() -> Config:
    """The user's settings as they are on disk now."""
    return Config()


def program_settings(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A program's settings as saved on disk now, defaults filled in (``["gamepad"]``: control -> key name)."""
    return Config().program_settings(path)
