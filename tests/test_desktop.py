"""exeplay --install-desktop / --uninstall-desktop (app/desktop.py) with temporary XDG folders."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import REPO

from app import desktop


def _entry(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(ln.split("=", 1) for ln in lines[1:] if ln and not ln.startswith("#"))


def _exec_args(value: str) -> list[str]:
    """Exec= as the Desktop Entry spec reads it: string escapes, then words and double-quoted arguments (inside
    quotes a backslash takes the next of " ` $ \\ literally); field codes stay words."""
    text = value.replace("\\\\", "\\")
    args: list[str] = []
    cur, quoted, has, i = "", False, False, 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
                cur += text[i + 1]
                i += 1
            elif c == '"':
                quoted = False
            else:
                cur += c
        elif c == '"':
            quoted = has = True
        elif c == " ":
            if cur or has:
                args.append(cur)
            cur, has = "", False
        else:
            cur += c
        i += 1
    if cur or has:
        args.append(cur)
    return [a.replace("%%", "%") for a in args]


@pytest.fixture
def xdg(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    # a PATH with a fake `exeplay` script (the installed command) and no xdg-mime: mimeapps.list is ours to write
    bindir = tmp_path / "bin dir"
    bindir.mkdir()
    exe = bindir / "exeplay"
    exe.write_text(f"#!/bin/sh\nexec {sys.executable} -m app.cli \"$@\"\n")
    exe.chmod(0o755)
    env["PATH"] = f"{bindir}:/usr/bin:/bin"
    return env


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(env["PATH"].split(":")[0]) / "exeplay"
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=60, cwd="/")


def test_install_and_uninstall(xdg: dict[str, str], tmp_path: Path) -> None:
    data, conf = Path(xdg["XDG_DATA_HOME"]), Path(xdg["XDG_CONFIG_HOME"])
    conf.mkdir(parents=True)
    # another application's associations must survive both steps
    (conf / "mimeapps.list").write_text("[Default Applications]\ntext/plain=gedit.desktop;\n"
                                        "application/x-msdownload=wine.desktop;\n")
    r = _cli(xdg, "--install-desktop")
    assert r.returncode == 0, r.stderr
    apps = data / "applications"
    run = _entry((apps / "exeplay.desktop").read_text())
    exe = str(Path(xdg["PATH"].split(":")[0]) / "exeplay")
    assert _exec_args(run["Exec"]) == [exe, "run", "%f"]          # the real command, quoted (its folder has a space)
    assert run["Exec"] == f'"{exe}" run %f'
    assert run["MimeType"] == "application/x-ms-dos-executable;application/x-msdownload;application/x-dosexec;"
    assert run["Type"] == "Application" and run["Icon"] == "exeplay" and run["Terminal"] == "false"
    assert run["NoDisplay"] == "true"
    menu = _entry((apps / "exeplay-launcher.desktop").read_text())
    assert _exec_args(menu["Exec"]) == [exe] and "Game;" in menu["Categories"] and "NoDisplay" not in menu
    for n in desktop.ICON_SIZES:
        icon = data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "exeplay.png"
        with Image.open(icon) as im:
            assert im.size == (n, n) and im.mode == "RGBA"
    assert stat.S_IMODE((apps / "exeplay.desktop").stat().st_mode) == 0o644
    # the default application for the three types; wine stays as a second choice, gedit untouched
    mime = (conf / "mimeapps.list").read_text()
    lines = mime.splitlines()
    defaults = lines[lines.index("[Default Applications]") + 1:]
    assert "text/plain=gedit.desktop;" in defaults
    assert "application/x-msdownload=exeplay.desktop;wine.desktop;" in defaults
    assert "application/x-ms-dos-executable=exeplay.desktop;" in defaults
    assert "application/x-dosexec=exeplay.desktop;" in lines
    assert "[Added Associations]" in lines
    # installing twice changes nothing
    assert _cli(xdg, "--install-desktop").returncode == 0
    assert (conf / "mimeapps.list").read_text() == mime
    # uninstall removes the files and exeplay's associations only
    r = _cli(xdg, "--uninstall-desktop")
    assert r.returncode == 0, r.stderr
    assert not (apps / "exeplay.desktop").exists() and not (apps / "exeplay-launcher.desktop").exists()
    assert not list((data / "icons").rglob("exeplay.png"))
    left = (conf / "mimeapps.list").read_text()
    assert "exeplay" not in left
    assert "text/plain=gedit.desktop;" in left and "application/x-msdownload=wine.desktop;" in left
    assert _cli(xdg, "--uninstall-desktop").returncode == 0  # nothing left to remove: fine


def test_exec_quoting_and_fallback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ent = desktop.desktop_entries(["/opt/my $games/exeplay"])
    run = _entry(ent[desktop.DESKTOP_FILE])
    assert run["Exec"] == '"/opt/my \\\\$games/exeplay" run %f'
    assert _exec_args(run["Exec"]) == ["/opt/my $games/exeplay", "run", "%f"]
    # not installed as a command: this Python runs the source folder's app.cli
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["pytest"])
    cmd = desktop.exeplay_command()
    assert cmd == ["env", f"PYTHONPATH={REPO}", os.path.realpath(sys.executable), "-m", "app.cli"]
    args = _exec_args(_entry(desktop.desktop_entries(cmd)[desktop.DESKTOP_FILE])["Exec"])
    assert args[:-2] == cmd and args[-2:] == ["run", "%f"]


def test_install_with_xdg_mime(xdg: dict[str, str]) -> None:
    """When xdg-mime is installed it registers the default (here a stand-in that records its arguments)."""
    bindir = Path(xdg["PATH"].split(":")[0])
    log = bindir.parent / "xdg-mime.log"
    (bindir / "xdg-mime").write_text(f"#!/bin/sh\necho \"$@\" >> '{log}'\n")
    (bindir / "xdg-mime").chmod(0o755)
    assert _cli(xdg, "--install-desktop").returncode == 0
    assert log.read_text().split() == ["default", "exeplay.desktop", *desktop.MIME_TYPES]
    assert not (Path(xdg["XDG_CONFIG_HOME"]) / "mimeapps.list").exists()
