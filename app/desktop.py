"""File-manager integration for the current user (``exeplay --install-desktop`` / ``--uninstall-desktop``).

``install()`` writes, under ``$XDG_DATA_HOME`` (``~/.local/share``):

* ``applications/exeplay.desktop``: runs a file (``Exec=<exeplay> run %f``), declared for the Windows program
  MIME types (``MIME_TYPES``) and hidden from menus; file managers list it in "Open with";
* ``applications/exeplay-launcher.desktop``: the launcher (``Exec=<exeplay>``) in the Games menu;
* ``icons/hicolor/<N>x<N>/apps/exeplay.png`` for N in ``ICON_SIZES`` (drawn here with Pillow);

then makes exeplay.desktop the default application for those types: with ``xdg-mime default`` when it is
installed, else by editing ``$XDG_CONFIG_HOME/mimeapps.list`` (``[Default Applications]`` and ``[Added
Associations]``) itself; ``update-desktop-database`` and ``gtk-update-icon-cache`` refresh the caches when
present. ``<exeplay>`` is the real path of the ``exeplay`` command that is running (or found on PATH), else
this Python running ``-m app.cli`` with the source folder on PYTHONPATH.

``uninstall()`` removes those files and exeplay's lines from mimeapps.list (other applications' lines stay).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw

DESKTOP_FILE = "exeplay.desktop"
LAUNCHER_FILE = "exeplay-launcher.desktop"
ICON_NAME = "exeplay"
ICON_SIZES = (32, 48, 64, 128, 256)
MIME_TYPES = ("application/x-ms-dos-executable", "application/x-msdownload", "application/x-dosexec")
SOURCE_ROOT = Path(__file__).resolve().parent.parent


def data_home() -> Path:
    """``$XDG_DATA_HOME`` (``~/.local/share`` when unset or not absolute)."""
    d = os.environ.get("XDG_DATA_HOME", "")
    return Path(d) if os.path.isabs(d) else Path.home() / ".local" / "share"


def config_home() -> Path:
    """``$XDG_CONFIG_HOME`` (``~/.config`` when unset or not absolute)."""
    d = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(d) if os.path.isabs(d) else Path.home() / ".config"


def _quote(arg: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks (then escaped as a string value)."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        q = arg
    else:
        q = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return q.replace("\\", "\\\\").replace("%", "%%")


def exeplay_command() -> list[str]:
    """The command that starts exeplay: the real path of the ``exeplay`` script, else this Python with -m."""
    cands = []
    if os.path.basename(sys.argv[0] or "") == "exeplay":
        cands.append(sys.argv[0])
    found = shutil.which("exeplay")
    if found:
        cands.append(found)
    for c in cands:
        if os.path.isfile(c) and os.access(c, os.X_OK):
            return [os.path.realpath(os.path.abspath(c))]
    return ["env", f"PYTHONPATH={SOURCE_ROOT}", os.path.realpath(sys.executable), "-m", "app.cli"]


def desktop_entries(cmd: list[str] | None = None) -> dict[str, str]:
    """File name -> contents of the two .desktop files."""
    exe = " ".join(_quote(a) for a in (cmd or exeplay_command()))
    mimes = "".join(t + ";" for t in MIME_TYPES)
    run = ("[Desktop Entry]\n"
           "Type=Application\n"
           "Name=exeplay\n"
           "GenericName=Windows program runner\n"
           "Comment=Run a 32-bit Windows program\n"
           f"Exec={exe} run %f\n"
           f"Icon={ICON_NAME}\n"
           "Terminal=false\n"
           "NoDisplay=true\n"
           f"MimeType={mimes}\n"
           "Categories=Game;Emulator;\n")
    launcher = ("[Desktop Entry]\n"
                "Type=Application\n"
                "Name=exeplay\n"
                "GenericName=Old Windows games and demos\n"
                "Comment=Play old 32-bit Windows games and demos\n"
                f"Exec={exe}\n"
                f"Icon={ICON_NAME}\n"
                "Terminal=false\n"
                "Categories=Game;Emulator;\n"
                "Keywords=windows;exe;games;demos;emulator;\n")
    return {DESKTOP_FILE: run, LAUNCHER_FILE: launcher}


def app_icon(size: int) -> Image.Image:
    """exeplay's icon: an old-style program window with a play button."""
    s = size / 64
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)

    def r(*v: float) -> tuple[int, ...]:
        return tuple(round(x * s) for x in v)
    d.rectangle(r(6, 10, 61, 59), fill=(0, 0, 0, 90))
    d.rectangle(r(3, 6, 58, 56), fill=(192, 192, 192, 255), outline=(0, 0, 0, 255), width=max(1, round(s)))
    d.rectangle(r(6, 9, 55, 18), fill=(0, 0, 128, 255))
    d.rectangle(r(48, 11, 53, 16), fill=(192, 192, 192, 255))
    d.rectangle(r(7, 21, 54, 53), fill=(0, 128, 128, 255))
    d.polygon([r(22, 27)[0:2], r(22, 47)[0:2], r(42, 37)[0:2]], fill=(255, 255, 0, 255), outline=(0, 0, 0, 255))
    return im


def _paths() -> tuple[Path, list[Path]]:
    apps = data_home() / "applications"
    icons = [data_home() / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{ICON_NAME}.png" for n in ICON_SIZES]
    return apps, icons


def _refresh(apps: Path) -> None:
    """Refresh the desktop database and icon cache when their tools are installed."""
    for cmd in (["update-desktop-database", "-q", str(apps)],
                ["gtk-update-icon-cache", "-q", "-t", "-f", str(data_home() / "icons" / "hicolor")]):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=30)


def _mimeapps() -> Path:
    return config_home() / "mimeapps.list"


def _edit_mimeapps(add: bool) -> None:
    """Set (add) or drop exeplay.desktop as the default application of MIME_TYPES in mimeapps.list."""
    path = _mimeapps()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        if not add:
            return
        lines = []
    sections: list[tuple[str, list[str]]] = [("", [])]
    for ln in lines:
        s = ln.strip()
        if s.startswith("[") and s.endswith("]"):
            sections.append((s, []))
        else:
            sections[-1][1].append(ln)

    def edit(name: str, first: bool) -> None:
        for sec, body in sections:
            if sec == name:
                break
        else:
            if not add:
                return
            sections.append((name, []))
            sec, body = sections[-1]
        for t in MIME_TYPES:
            idx = next((i for i, ln in enumerate(body) if ln.split("=", 1)[0].strip() == t), None)
            apps = []
            if idx is not None:
                apps = [a for a in body[idx].split("=", 1)[1].strip().split(";") if a and a != DESKTOP_FILE]
            if add:
                apps = [DESKTOP_FILE, *apps] if first else [*apps, DESKTOP_FILE]
            new = f"{t}={';'.join(apps)};" if apps else None
            if idx is None:
                if new:
                    while body and not body[-1].strip():
                        body.pop()
                    body.append(new)
            elif new:
                body[idx] = new
            else:
                del body[idx]
    edit("[Default Applications]", True)
    edit("[Added Associations]", True)
    out: list[str] = []
    for sec, body in sections:
        if sec:
            if out and out[-1].strip():
                out.append("")
            out.append(sec)
        out.extend(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(out).strip("\n") + "\n", encoding="utf-8")
    os.replace(tmp, path)


def install() -> int:
    """``exeplay --install-desktop``: the .desktop entries, icons and default-application association."""
    apps, icons = _paths()
    try:
        apps.mkdir(parents=True, exist_ok=True)
        for name, text in desktop_entries().items():
            p = apps / name
            p.write_text(text, encoding="utf-8")
            p.chmod(0o644)
        for n, p in zip(ICON_SIZES, icons):
            p.parent.mkdir(parents=True, exist_ok=True)
            app_icon(n).save(p)
        registered = False
        if shutil.which("xdg-mime"):
            r = subprocess.run(["xdg-mime", "default", DESKTOP_FILE, *MIME_TYPES], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=False, timeout=30)
            registered = r.returncode == 0
        if not registered:
            _edit_mimeapps(True)
        _refresh(apps)
    except OSError as e:
        sys.stderr.write(f"exeplay: --install-desktop failed: {e}\n")
        return 1
    sys.stdout.write(f"exeplay: installed {apps / DESKTOP_FILE} (default for {', '.join(MIME_TYPES)}) "
                     f"and {apps / LAUNCHER_FILE}\n")
    return 0


def uninstall() -> int:
    """``exeplay --uninstall-desktop``: remove what install() added."""
    apps, icons = _paths()
    try:
        for p in [apps / DESKTOP_FILE, apps / LAUNCHER_FILE, *icons]:
            p.unlink(missing_ok=True)
        _edit_mimeapps(False)
        if apps.is_dir():
            _refresh(apps)
    except OSError as e:
        sys.stderr.write(f"exeplay: --uninstall-desktop failed: {e}\n")
        return 1
    sys.stdout.write("exeplay: desktop integration removed\n")
    return 0
