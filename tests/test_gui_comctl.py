"""Common controls and common dialogs, driven by tests/programs/gui_comctl.exe: progress bar, status bar, list
view, image list and window subclassing (what the getters return, pixels read back with GetPixel), and the
Open / Save As / Find / Font dialogs operated with --input scripts (keys typed into the dialogs, files written
into a folder exposed as the guest's F: drive)."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import PROGRAMS, REPO, assert_no_traceback, corpus_file, exeplay_command

EXE = PROGRAMS / "gui_comctl.exe"


def parse(text: str) -> dict[str, dict[str, str]]:
    """The program's 'tag k=v k=[v w]' lines as {tag: {k: v}}."""
    res: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        tag, _, rest = line.partition(" ")
        res[tag] = {k: v.strip("[]") for k, v in re.findall(r"(\S+?)=(\[[^]]*\]|\S*)", rest)}
    return res


def run(run_exeplay, tmp_path: Path, *args: str, script: str | None = None, expose: Path | None = None,
        exit_after: int = 6000, shots: tuple[tuple[int, Path], ...] = ()) -> dict[str, dict[str, str]]:
    cmd: list[str | Path] = ["run", "--headless", "--deterministic", "--exit-after", str(exit_after)]
    if script is not None:
        sp = tmp_path / "input.txt"
        sp.write_text(script)
        cmd += ["--input", sp]
    if expose is not None:
        cmd += ["--expose", expose]
    for t, p in shots:
        cmd += ["--screenshot-at", f"{t}:{p}"]
    r = run_exeplay([*cmd, EXE, *args], cwd=tmp_path, timeout=60)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    return parse(r.text)


@pytest.fixture(scope="module")
def controls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("comctl")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp), PYTHONPATH=str(REPO), PYTHONWARNINGS="ignore")
    p = subprocess.run(exeplay_command(["run", "--headless", "--deterministic", EXE, "controls"]), cwd=tmp, env=env,
                       capture_output=True, timeout=60, check=False)
    out = p.stdout.decode("cp1252").replace("\r\n", "\n")
    assert p.returncode == 0, out + p.stderr.decode("utf-8", "replace")
    return parse(out)


def test_init_common_controls(controls: dict) -> None:
    assert controls["init"] == {"ok": "1", "bad": "0"}  # a wrong dwSize is refused


def test_window_subclass_chain(controls: dict) -> None:
    s = controls["subclass"]
    assert s["ok"] == "1,1" and s["changed"] == "1"  # GetWindowLong shows comctl32's procedure
    assert s["r1"] == "105"  # Sub1 adds its reference data (100) to the original's 5
    assert s["r2"] == "1050"  # the newest callback runs first: Sub2 -> Sub1 -> original
    assert s["got"] == "1" and s["ref"] == "100" and s["wrong"] == "0"
    assert s["len"] == "1000"  # WM_GETTEXTLENGTH answered by the subclass
    assert s["r3"] == "120"  # SetWindowSubclass again with the same id only replaces the reference data
    assert s["r4"] == "12"  # Sub2 removed
    assert s["restored"] == "1" and s["r5"] == "5"  # last one removed: the original procedure is back
    assert s["calls"] == "4,2"
    assert s["text"] == "hello"  # text converted ANSI -> Unicode -> ANSI on its way to the original procedure
    assert s["unicode_during"] == "1" and s["unicode"] == "0"  # Unicode while subclassed, ANSI again after


def test_image_list(controls: dict) -> None:
    il = controls["imagelist"]
    assert il["first"] == "0" and il["count"] == "2" and il["size"] == "16x16"
    assert il["src00"] == "000000"  # AddMasked turned the mask colour black in the source bitmap
    assert il["draw"] == "1,1,1,1,0"  # drawing a missing image fails
    assert il["oldbk"] == "ffffffff"  # CLR_NONE
    px = controls["ilpix"]
    assert px["t0"] == "ffffff" and px["t8"] == "0000ff"  # ILD_TRANSPARENT: white shows around the red square
    assert px["n0"] == "ffffff" and px["n8"] == "ff0000"  # ILD_NORMAL with CLR_NONE background: transparent too
    assert px["g0"] == "00ff00" and px["g8"] == "ff0000"  # background colour set: masked part drawn green
    assert px["m0"] == "ffffff" and px["m8"] == "000000"  # ILD_MASK: white where transparent, black where opaque
    assert controls["ilicon"] == {"index": "2", "count": "3", "geticon": "1", "info": "1"}  # AddIcon, GetIcon
    assert controls["ilremove"] == {"rm": "1", "count1": "1", "all": "1", "count2": "0", "destroy": "1"}


def test_progress_bar(controls: dict) -> None:
    p = controls["progress"]
    assert p["setrange"] == "00640000"  # the previous range 0..100 as MAKELONG(low, high)
    assert (p["setpos"], p["delta"], p["pos1"]) == ("0", "50", "75")
    assert p["setstep"] == "10" and p["stepit1"] == "75" and p["pos2"] == "175"
    assert p["stepit2"] == "175" and p["pos3"] == "75"  # past the end: starts over from the beginning
    assert p["over"] == "75" and p["pos4"] == "200"  # PBM_SETPOS clamps to the range
    assert p["range32"] == "00c80000" and p["lo"] == "0" and p["hi"] == "1000" and p["rg"] == "0,1000"
    f = controls["progressframe"]
    assert f == {"staticedge": "1", "client": "198x16", "window": "200x18"}  # a one-pixel sunken border
    px = controls["progresspix"]
    assert px["left"] == "800000"  # COLOR_HIGHLIGHT blocks (navy) up to the position
    assert px["right"] == "c0c0c0"  # button face after it
    assert px["gap"] == "c0c0c0"  # the 2-pixel gap between the first two blocks


def test_status_bar(controls: dict) -> None:
    s = controls["status"]
    assert s["setparts"] == "1" and s["text0"] == "Ready" and s["r0"] == "00000005"
    assert s["text2"] == "Three" and s["r2"] == "02000005"  # SBT_POPOUT in the high word
    assert s["len1"] == "00000008"
    assert s["nparts"] == "3" and s["parts"] == "100,200,-1"
    assert s["rect1"] == "102,2,200,20"  # parts 2 pixels apart, below the 2-pixel top border
    assert s["borders"] == "0,2,2"
    assert controls["statuspos"] == {"bottom": "1", "width": "1", "height": "20"}
    assert controls["statusresize"] == {"bottom": "1", "width": "1"}  # follows the parent's WM_SIZE
    simple = controls["statussimple"]
    assert simple == {"is": "1", "text": "Simple text", "after": "0", "window": "Ready"}
    assert controls["drawstatus"] == {"tl": "808080", "br": "ffffff"}  # DrawStatusText: a sunken part border


def test_list_view(controls: dict) -> None:
    v = controls["listview"]
    assert v["cols"] == "0,1" and v["count"] == "23"
    assert v["text0"] == "gamma.txt" and v["len0"] == "9"  # inserted at index 0 after the others
    assert v["text2sub1"] == "20 KB"
    assert (v["sel"], v["foc"], v["selcount"], v["state"]) == ("2", "2", "1", "2")
    assert v["found"] == "8" and v["foundp"] == "2"
    assert v["perpage"] == "6"  # (120 - 4 border - 19 header) / 14-pixel rows
    assert v["top"] == "17" and v["vscroll"] == "1"  # EnsureVisible(22) scrolled the last item into view
    v2 = controls["listview2"]
    assert v2["ex0"] == "0" and v2["ex1"] == "21"
    assert v2["cw"] == "1" and v2["cwv"] == "70"
    assert v2["del"] == "1" and v2["count"] == "22" and v2["sel"] == "1"  # selection moved up with its item
    assert v2["sorted"] == "1" and v2["first"] == "file19.dat"  # LVM_SORTITEMS with the program's comparison
    assert v2["rect"] == "1:0,33,190,47"  # second row under the 19-pixel header; both columns wide
    assert v2["hit"] == "1" and v2["flags"] == "4"  # LVHT_ONITEMLABEL
    assert v2["inserts"] == "23" and v2["changed"] == "1" and v2["deletes"] == "1"


def test_misc_dialog_functions(run_exeplay, tmp_path: Path) -> None:
    r = run(run_exeplay, tmp_path, "misc")
    assert r["title"] == {"r": "0", "t": "name.txt"}
    assert r["titles"] == {"small": "9", "dir": "-1", "plain": "0", "t": "plain"}  # too small: the size needed
    assert r["print"] == {"ok": "0", "err": "1008", "bad": "0", "err2": "1"}  # PDERR_NODEFAULTPRN, CDERR_STRUCTSIZE
    assert r["badsize"] == {"ok": "0", "err": "1"}  # CDERR_STRUCTSIZE


def _exposed(tmp_path: Path) -> Path:
    d = tmp_path / "exposed"
    d.mkdir()
    return d


def test_save_as_typed_path(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    r = run(run_exeplay, tmp_path, "save", expose=exp, script="500 type F:\\out\n1200 key Return\n")
    s = r["save"]
    assert s["ok"] == "1" and s["err"] == "0"
    assert s["path"] == "F:\\out.txt"  # lpstrDefExt appended
    assert s["title"] == "out.txt" and s["offset"] == "3" and s["ext"] == "7" and s["filter"] == "1"
    assert r["write"]["ok"] == "1"
    assert (exp / "out.txt").read_bytes() == b"saved by gui_comctl\r\n"


def test_save_as_overwrite_prompt_yes(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    (exp / "old.txt").write_bytes(b"old")
    # "old.txt" exists: Enter asks whether to replace it; Enter again answers Yes (the default button)
    r = run(run_exeplay, tmp_path, "save", expose=exp, script="500 type F:\\old\n1000 key Return\n1500 key Return\n")
    assert r["save"]["ok"] == "1" and r["save"]["path"] == "F:\\old.txt"
    assert (exp / "old.txt").read_bytes() == b"saved by gui_comctl\r\n"


def test_save_as_overwrite_prompt_no(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    (exp / "old.txt").write_bytes(b"old")
    # No (Tab to it, Enter) leaves the Save As dialog open; Esc then cancels it: nothing is written
    script = "500 type F:\\old\n1000 key Return\n1500 key Tab\n1700 key Return\n2200 key Escape\n"
    r = run(run_exeplay, tmp_path, "save", expose=exp, script=script)
    assert r["save"]["ok"] == "0" and r["save"]["err"] == "0"
    assert (exp / "old.txt").read_bytes() == b"old"


def test_save_as_cancel(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    r = run(run_exeplay, tmp_path, "save", expose=exp, script="500 type F:\\nothing\n1200 key Escape\n")
    assert r["save"]["ok"] == "0" and r["save"]["err"] == "0"  # cancelled: FALSE, no extended error
    assert "write" not in r
    assert list(exp.iterdir()) == []


def test_save_as_explorer_hook(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    r = run(run_exeplay, tmp_path, "save", "hook", expose=exp, script="500 type F:\\hooked\n1200 key Return\n")
    h = r["hook"]
    assert h["init"] == "1"  # WM_INITDIALOG carried the OPENFILENAME (lCustData checked)
    assert h["initdone"] == "1" and h["fileok"] == "1"
    assert h["path"] == "F:\\hooked.txt" and h["spec"] == "F:\\hooked"  # CDM_GETFILEPATH / CDM_GETSPEC
    s = r["save"]
    assert s["ok"] == "1" and s["path"] == "F:\\hooked.txt" and s["filter"] == "2"
    assert (exp / "hooked.txt").exists()


def test_open_existing_file(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    (exp / "notes.txt").write_bytes(b"first line\r\nsecond\r\n")
    r = run(run_exeplay, tmp_path, "open", expose=exp, script="500 type F:\\notes.txt\n1500 key Return\n")
    o = r["open"]
    assert o["ok"] == "1" and o["path"] == "F:\\notes.txt" and o["offset"] == "3" and o["ext"] == "9"
    assert r["content"] == {"text": "first line"}


def test_open_missing_file_is_refused(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    # OFN_FILEMUSTEXIST: "File not found" (Enter closes it), the dialog stays; Esc cancels
    script = "500 type F:\\missing.txt\n1500 key Return\n2000 key Return\n2500 key Escape\n"
    r = run(run_exeplay, tmp_path, "open", expose=exp, script=script)
    assert r["open"]["ok"] == "0" and r["open"]["err"] == "0"


def test_open_navigates_folders(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    (exp / "sub").mkdir()
    (exp / "sub" / "deep.txt").write_bytes(b"deep\r\n")
    # a typed folder opens it; then a name relative to it
    script = "500 type F:\\sub\n1000 key Return\n1500 type deep.txt\n2000 key Return\n"
    r = run(run_exeplay, tmp_path, "open", expose=exp, script=script)
    assert r["open"]["ok"] == "1" and r["open"]["path"] == "F:\\sub\\deep.txt"


def test_open_with_the_keyboard_in_the_file_list(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    (exp / "a.txt").write_bytes(b"aaa\r\n")
    (exp / "b.txt").write_bytes(b"bbb\r\n")
    # starts in F:\ (lpstrInitialDir); Shift+Tab to the list, Down twice selects b.txt (its name goes to the
    # File name box), Enter opens it
    script = "500 key Shift down\n520 key Tab\n560 key Shift up\n800 key Down\n1000 key Down\n1200 key Return\n"
    r = run(run_exeplay, tmp_path, "open", "F:\\", expose=exp, script=script)
    assert r["open"]["ok"] == "1" and r["open"]["path"] == "F:\\b.txt"
    assert r["content"] == {"text": "bbb"}


def test_open_several_files(run_exeplay, tmp_path: Path) -> None:
    exp = _exposed(tmp_path)
    (exp / "a.txt").write_bytes(b"a")
    (exp / "b.txt").write_bytes(b"b")
    # F:\ typed opens the folder; "quoted" names select several files: "folder\0name\0name\0\0"
    script = '500 type F:\\\n900 key Return\n1200 type "a.txt" "b.txt"\n2500 key Return\n'
    r = run(run_exeplay, tmp_path, "multi", expose=exp, script=script)
    assert r["multi"] == {"ok": "1", "offset": "4", "names": "F:\\|a.txt|b.txt"}


def test_save_as_dialog_pixels(run_exeplay, tmp_path: Path) -> None:
    from PIL import Image
    exp = _exposed(tmp_path)
    (exp / "folder").mkdir()
    (exp / "doc.txt").write_bytes(b"x")
    shot = tmp_path / "saveas.png"
    run(run_exeplay, tmp_path, "save", expose=exp, script="200 type F:\\\n600 key Return\n1500 key Escape\n",
        shots=((1200, shot),))
    px = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    # a navy active caption, the white file list with a yellow folder icon and the document icon's outline
    assert ((px[..., 0] == 0) & (px[..., 1] == 0) & (px[..., 2] == 128)).sum() > 1000
    assert ((px[..., 0] == 255) & (px[..., 1] == 255) & (px[..., 2] == 0)).sum() >= 50
    assert ((px == 255).all(axis=2)).sum() > 20000


def test_find_dialog_reports_to_owner(run_exeplay, tmp_path: Path) -> None:
    r = run(run_exeplay, tmp_path, "find", script="500 type needle\n1200 key Return\n")
    assert r["find"] == {"hwnd": "1", "title": "Find", "msg": "1"}
    f = r["findmsg"]
    assert f == {"same": "1", "what": "needle", "next": "1", "down": "1", "case": "0", "word": "0", "term": "0"}


def test_find_dialog_cancel_terminates(run_exeplay, tmp_path: Path) -> None:
    r = run(run_exeplay, tmp_path, "find", script="800 key Escape\n")
    assert r["findmsg"]["term"] == "1" and r["findmsg"]["next"] == "0"


def test_font_dialog(run_exeplay, tmp_path: Path) -> None:
    r = run(run_exeplay, tmp_path, "font", script="500 key Return\n")
    f = r["font"]
    assert f["ok"] == "1" and f["face"] == "Arial" and f["height"] == "-16" and f["weight"] == "700"
    assert f["points"] == "120" and f["color"] == "0000ff" and f["type"] == "2100"  # SCREEN|BOLD_FONTTYPE


def test_font_dialog_typed_face(run_exeplay, tmp_path: Path) -> None:
    r = run(run_exeplay, tmp_path, "font", script="500 type Courier New\n1500 key Return\n")
    f = r["font"]
    assert f["ok"] == "1" and f["face"] == "Courier New" and f["weight"] == "700" and f["height"] == "-16"


# ---- corpus programs --------------------------------------------------------------------------------------
@pytest.mark.corpus
def test_notepad_save_as_writes_the_file(run_exeplay, tmp_path: Path) -> None:
    exe = corpus_file("gui", "notepad.exe")
    exp = _exposed(tmp_path)
    # Wine Notepad: text, Ctrl+S on an untitled document opens Save As (explorer hook + "Encoding" template),
    # a typed F:\ path without extension gets ".txt"
    script = "1000 type Hello notepad\n1500 key Ctrl down\n1520 key S\n1600 key Ctrl up\n2500 type F:\\note\n" \
             "3000 key Return\n"
    (tmp_path / "np.txt").write_text(script)
    shot = tmp_path / "np.png"
    r = run_exeplay(["run", "--headless", "--deterministic", "--expose", exp, "--input", tmp_path / "np.txt",
                     "--exit-after", "4000", "--screenshot-at", f"3900:{shot}", exe], cwd=tmp_path, timeout=60)
    assert_no_traceback(r)
    assert (exp / "note.txt").read_bytes() == b"Hello notepad"
    from PIL import Image
    px = np.asarray(Image.open(shot).convert("RGB"))
    assert (px[0:30, 0:570] == (0, 0, 128)).all(axis=2).sum() > 2000  # the main window's caption is active again


@pytest.mark.corpus
def test_nsis_installer_runs_its_install_page(run_exeplay, tmp_path: Path) -> None:
    exe = corpus_file("gui", "nsis-hello-setup.exe")
    data = tmp_path / "data"
    data.mkdir()
    # Next, Install: the install page (progress bar, details list view) runs the sections and moves on
    (tmp_path / "ns.txt").write_text("1500 click 512 466\n2500 click 512 466\n")
    r = run_exeplay(["run", "--headless", "--deterministic", "--data-dir", data, "--input", tmp_path / "ns.txt",
                     "--exit-after", "5000", exe], cwd=tmp_path, timeout=60)
    assert_no_traceback(r)
    inst = data / "c" / "Program Files" / "CorpusHello"
    assert (inst / "readme.txt").exists() and (inst / "uninstall.exe").exists()
