"""The guest's file system view: Windows paths mapped onto exposed host folders only.

Drives: C: is the program's private writable drive under the user's data directory (with
C:\\WINDOWS\\system32 and C:\\WINDOWS\\TEMP), D: is the program's own folder, E: the host's current
directory, F: onwards the folders given with ``--expose``. Nothing else on the host can be reached:
``..`` stops at a drive's root (as on Windows), absolute host paths are not Windows paths, ``\\\\?\\X:\\``
paths are plain drive paths (without ``.``/``..`` steps), other ``\\\\?\\``, ``\\\\.\\`` and UNC paths are
refused, and a path whose real location (after symlinks) leaves its drive's folder is refused with
ERROR_ACCESS_DENIED.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_NAME = 123
ERROR_BAD_NETPATH = 53
ERROR_INVALID_DRIVE = 15

DEVICES = {"NUL", "CON", "CONIN$", "CONOUT$", "AUX", "PRN"}


class PathError(Exception):
    """A guest path that cannot be mapped; ``code`` is the Windows error."""

    def __init__(self, code: int, msg: str = "") -> None:
        super().__init__(msg or f"error {code}")
        self.code = code


@dataclass
class Drive:
    letter: str
    root: str  # host folder (real path)
    writable: bool = True


class FileSystem:
    def __init__(self, drives: list[Drive], cwd: str) -> None:
        self.drives = {d.letter.upper(): d for d in drives}
        self.cwd = cwd  # guest path, e.g. "E:\\"

    # ---- guest <-> host ----------------------------------------------------------------------
    def getcwd(self) -> str:
        return self.cwd

    def normalize(self, path: str) -> str:
        """Absolute, normalised guest path ('X:\\a\\b'); raises PathError for device/UNC paths."""
        p = path.replace("/", "\\")
        if p.startswith("\\\\?\\") and len(p) >= 6 and p[4].isalpha() and p[5] == ":":
            # \\?\X:\... names the same file as X:\... (the prefix only lifts MAX_PATH); such paths are not
            # normalised, so "." and ".." components are invalid names rather than steps
            p = p[4:]
            if any(c in (".", "..") for c in p[2:].split("\\")):
                raise PathError(ERROR_INVALID_NAME, f"path {path!r}")
        if p.startswith("\\\\"):
            if p.startswith("\\\\?\\") or p.startswith("\\\\.\\"):
                raise PathError(ERROR_ACCESS_DENIED, f"device path {path!r}")
            raise PathError(ERROR_BAD_NETPATH, f"network path {path!r}")
        if "\0" in p:
            raise PathError(ERROR_INVALID_NAME)
        if len(p) >= 2 and p[1] == ":":
            drive = p[0].upper()
            rest = p[2:]
            if not rest.startswith("\\"):
                base = self.cwd if self.cwd[0].upper() == drive else drive + ":\\"
                rest = base[2:].rstrip("\\") + "\\" + rest
        elif p.startswith("\\"):
            drive = self.cwd[0].upper()
            rest = p
        else:
            drive = self.cwd[0].upper()
            rest = self.cwd[2:].rstrip("\\") + "\\" + p
        parts: list[str] = []
        for comp in rest.split("\\"):
            if comp in ("", "."):
                continue
            if comp == "..":
                if parts:
                    parts.pop()
                continue
            comp = comp.rstrip(" .") or comp  # Windows drops trailing dots and spaces
            parts.append(comp)
        return drive + ":\\" + "\\".join(parts)

    def is_device(self, path: str) -> str | None:
        base = path.replace("/", "\\").split("\\")[-1].upper()
        base = base.split(".")[0] if base.split(".")[0] in DEVICES else base
        return base if base in DEVICES else None

    def host_path(self, path: str, *, for_write: bool = False) -> str:
        """Map a guest path to a host path inside its drive's folder; raises PathError."""
        g = self.normalize(path)
        drive = self.drives.get(g[0])
        if drive is None:
            raise PathError(ERROR_PATH_NOT_FOUND, f"no drive {g[0]}:")
        if for_write and not drive.writable:
            raise PathError(ERROR_ACCESS_DENIED)
        cur = drive.root
        comps = [c for c in g[3:].split("\\") if c]
        for i, comp in enumerate(comps):
            cand = os.path.join(cur, comp)
            if not os.path.lexists(cand):
                try:
                    low = comp.lower()
                    for f in os.listdir(cur):
                        if f.lower() == low:
                            cand = os.path.join(cur, f)
                            break
                except OSError:
                    pass
            cur = cand
            del i
        real = os.path.realpath(cur)
        root = drive.root
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            raise PathError(ERROR_ACCESS_DENIED, f"{path!r} leads outside its drive")
        return cur

    def guest_path(self, host: str) -> str:
        """The guest path of a host file inside an exposed folder (best match: longest root)."""
        real = os.path.realpath(host)
        best: tuple[int, str] | None = None
        for letter in sorted(self.drives, key=lambda k: (k != "D", k)):
            root = self.drives[letter].root
            if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
                if best is None or len(root) > best[0]:
                    rel = os.path.relpath(real, root)
                    rel = "" if rel == "." else rel.replace(os.sep, "\\")
                    best = (len(root), f"{letter}:\\{rel}")
        if best is None:
            return "C:\\" + os.path.basename(host)
        return best[1]

    def chdir(self, path: str) -> None:
        g = self.normalize(path)
        hp = self.host_path(g)
        if not os.path.isdir(hp):
            raise PathError(ERROR_FILE_NOT_FOUND if os.path.lexists(os.path.dirname(hp)) else ERROR_PATH_NOT_FOUND)
        self.cwd = g if g.endswith("\\") else g


def default_drives(program: str, data_dir: str, expose: list[str], start_in_program_dir: bool = False
                   ) -> tuple[list[Drive], str]:
    """C: private drive, D: program folder, E: host cwd, F:.. exposed; returns (drives, initial cwd): E:, or D:
    for programs started the way Explorer starts them (in their own folder)."""
    c = os.path.realpath(data_dir)
    profile = "Documents and Settings\\player"  # USERPROFILE (emu/machine.py); its folders exist as on Windows
    for sub in ("WINDOWS\\system32", "WINDOWS\\TEMP", "Program Files", profile + "\\Application Data",
                profile + "\\Local Settings\\Application Data", profile + "\\Local Settings\\Temp",
                profile + "\\My Documents", profile + "\\Desktop",
                "Documents and Settings\\All Users\\Application Data"):
        os.makedirs(os.path.join(c, *sub.split("\\")), exist_ok=True)
    drives = [Drive("C", c), Drive("D", os.path.realpath(os.path.dirname(os.path.abspath(program)))),
              Drive("E", os.path.realpath(os.getcwd()))]
    for i, d in enumerate(expose):
        drives.append(Drive(chr(ord("F") + i), os.path.realpath(d)))
    return drives, "D:\\" if start_in_program_dir else "E:\\"
