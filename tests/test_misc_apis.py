"""INI files, date/time formats, MulDiv, code pages, monitors and display modes, version resources, shell32
folders, file operations, drops and argv, shlwapi and delay loading, through misc_apis.exe.

Expected values are Windows' documented answers (en-US, Windows XP layout of special folders); the program
runs with --deterministic so "now" is 2001-03-11 12:00:00 UTC.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, PROGRAMS, REPO, _run, assert_no_traceback
from test_process import parse_cmdline

CMDLINE = '"C:\\Program Files\\p.exe" x "y z" a\\\\"b c" d\\e ""'


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path, Path, str]:
    """Run misc_apis.exe once: (name -> value, work folder, private C: folder, stderr)."""
    base = tmp_path_factory.mktemp("misc")
    bin_dir, work, xdg = base / "bin", base / "work", base / "xdg"
    for d in (bin_dir, work, xdg):
        d.mkdir()
    for n in ("misc_apis.exe", "misc_dl.dll"):
        shutil.copy(PROGRAMS / n, bin_dir / n)
    r = _run(["run", "--deterministic", bin_dir / "misc_apis.exe"], work, xdg, 60, None, None)
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    assert r.text.rstrip().endswith("done"), r.describe()
    values: dict[str, str] = {}
    for line in r.text.splitlines():
        k, sep, v = line.partition("=")
        if sep:
            values[k] = v
    return values, work, xdg / "exeplay" / "drives" / "misc_apis" / "c", r.errtext


def test_ini_private_file(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v, work, _c, _err = result
    assert v["ini.write1"] == "1"
    assert v["ini.read"] == "Value ret=5"  # section and key match case-insensitively
    assert v["ini.quoted"] == "quoted value ret=12"  # enclosing quotes are dropped
    assert v["ini.default"] == "[def] ret=3"  # the default loses its trailing blanks
    assert v["ini.trunc"] == "Val ret=3"  # nSize-1 characters and a NUL
    assert v["ini.keys"] == "Key|Key2 ret=9"  # NULL key: the key names, double-NUL terminated
    assert v["ini.sections"] == "Section|Other ret=14"  # NULL section: the section names
    assert v["ini.sections_trunc"] == "Sectio ret=6 last=0,0"  # truncated list: nSize-2, two NULs
    assert v["ini.int"] == "42,31,-7,12,5"  # decimal, 0x hex, negative, leading digits, default
    assert v["ini.section"] == "Number=42|Hex=0x1F|Neg=-7|Junk=12abc ret=37"
    assert v["ini.replaced"] == "New"
    assert v["ini.deleted_key"] == "gone"  # NULL value deletes the key
    assert v["ini.after_delete"] == "Section|Third"  # NULL key deletes the section
    assert v["ini.nofile"] == "dflt ret=4 err=2"
    expected = ("[Section]\\r\\nKey=New\\r\\nKey2=\"quoted value\"\\r\\n\\r\\n[Other]\\r\\nNumber=42\\r\\nHex=0x1F"
                "\\r\\nNeg=-7\\r\\n\\r\\n[Third]\\r\\na=1\\r\\nb=2\\r\\n")
    assert v["ini.file"] == expected
    # ".\test.ini" is the current folder (E:), the host's work folder
    text = (work / "test.ini").read_bytes().decode("cp1252")
    assert text == "[Section]\r\nKey=New\r\nKey2=\"quoted value\"\r\n\r\n[Third]\r\na=1\r\nb=2\r\n"


def test_ini_windows_directory(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v, work, c_drive, _err = result
    assert v["ini.winini_write"] == "1"
    assert v["ini.winini"] == "yes"
    assert v["ini.winini_private"] == "yes"  # GetProfileString is WIN.INI in the Windows directory
    assert v["ini.winini_int"] == "17"
    assert v["ini.winini_exists"] == "1"
    assert v["ini.wide"] == "W\u00e9rt ret=4"
    assert v["ini.wide_in_windir"] == "1"  # a bare file name means C:\WINDOWS
    assert v["ini.wide_int"] == "99"
    win = {p.name.lower(): p for p in (c_drive / "WINDOWS").iterdir()}
    assert "[exeplay]\r\ntest=yes\r\nnum=17\r\n" in win["win.ini"].read_bytes().decode("cp1252")
    assert not (work / "wide.ini").exists()


def test_date_time_formats(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    assert v["date.short"] == "5/4/2002"
    assert v["date.long"] == "Saturday, May 04, 2002"  # the day of week is computed, not taken
    assert v["date.picture"] == "Sat, May 04 '02 ret=16"
    assert v["date.size"] == "16"
    assert v["date.wide"] == "Saturday 4 May 2002 A.D."
    assert v["date.small"] == "0 err=122"
    assert v["date.flags_and_format"] == "0 err=1004"
    assert v["time.default"] == "8:56:13 AM"
    assert v["time.noseconds"] == "8:56 AM"
    assert v["time.nominutes"] == "8 AM"
    assert v["time.nomarker"] == "8:56:13"
    assert v["time.force24"] == "14:05:03 PM"
    assert v["time.picture"] == "2 02 14 14 5 05 3 03 P PM"
    assert v["time.invalid"] == "0 err=87"
    assert v["date.now"] == "3/11/2001"
    assert v["time.now"] == "12:00 PM"


def test_muldiv_and_code_pages(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    # half away from zero; -1 for division by zero and overflow; 64-bit intermediate product
    assert v["muldiv"] == "1,-1,1,12,-1,-1,-13,-8,900000"
    assert v["cpinfoex.a"] == "1 max=1 cp=1252 name=1252  (ANSI - Latin I)"
    assert v["cpinfoex.w"].startswith("1 max=4 cp=65001 ")
    assert v["cpinfoex.w"].endswith(" name=65001 (UTF-8)")


def test_monitors_and_display_modes(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    assert v["mon.point"] == "1 far=0 far_primary=1"
    assert v["mon.rect"] == "1 window_null=0"
    assert v["mon.info"] == "1"
    assert v["mon.rc"] == "0,0,800,600 work=0,0,800,600 flags=1 device=\\\\.\\DISPLAY1"
    assert v["mon.badsize"] == "0"
    assert v["mon.enum"] == "1 rect=0,0,800,600"
    assert v["mon.enum_clip"] == "1 rect=700,500,800,600"
    assert v["dm.current"] == "1 800x600x32@60 fields=1"
    assert v["dm.count"] == "9"
    assert v["dm.first"] == "640x480x8"
    assert v["dd.0"] == "1 name=\\\\.\\DISPLAY1 primary=1"
    assert v["dd.1"] == "0"


def test_version_resource(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    assert v["ver.size"] == "1 handle=0"
    assert v["ver.info"] == "1"
    assert v["ver.fixed"] == "1 len=52 sig=feef04bd file=1.2.3.4 product=5.6"  # VS_FIXEDFILEINFO
    assert v["ver.translation"] == "1 len=4 0409 04b0"
    assert v["ver.product"] == "1 len=12 Misc \u00e9 APIs inside=1"  # converted to ANSI inside the block
    assert v["ver.company"] == "1 len=14 exeplay tests"  # keys match case-insensitively
    assert v["ver.missing"] == "0"
    assert v["ver.nofile"] == "0 err=2"


def test_shell_folders(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v, _work, c_drive, _err = result
    assert v["sh.appdata"] == "0x0 C:\\Documents and Settings\\player\\Application Data exists=1"
    assert (c_drive / "Documents and Settings" / "player" / "Application Data").is_dir()
    assert v["sh.progfiles"] == "0x0 C:\\Program Files"
    assert v["sh.drives"] == "0x80070057"  # a virtual folder has no path: E_INVALIDARG
    assert v["sh.special"] == "1 C:\\WINDOWS"
    assert v["sh.system"] == "C:\\WINDOWS\\system32"
    assert v["sh.location"] == "0x0 1 C:\\Documents and Settings\\player\\My Documents"
    assert v["sh.desktop"] == "C:\\Documents and Settings\\player\\Desktop cb=0"  # the root: an empty list
    assert v["sh.virtual"] == "0"


def test_shell_files(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v, work, _c, err = result
    assert v["sh.fileinfo"] == "1 name=src.txt type=Text Document stream=1 folder=0"
    assert v["sh.typename_generic"] == "ZZZ File"
    assert v["sh.exetype"] == "0x4550"  # a console program: 'PE'
    assert v["sh.copy"] == "0 exists=1"
    assert v["sh.rename"] == "0 exists=1"
    assert v["sh.copy_collision"] == "0 exists=1"  # "Copy of renamed.txt"
    assert v["sh.delete"] == "0 left=0"  # wildcards
    assert v["sh.move"] == "0 src=0 dst=1"
    assert v["sh.delete_tree"] == "0 left=0"
    assert v["sh.delete_missing"] == "0x402"
    assert not (work / "sub").exists() and not (work / "src.txt").exists()
    assert v["sh.execute"] == "31"  # SE_ERR_NOASSOC: no other program can be started
    assert v["sh.executeex"] == "0 err=1155 inst=31"
    assert "ShellExecute: cannot open 'readme.txt'" in err


def test_drop_and_argv(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    assert v["drop.count"] == "2 len=16 got=16 name=D:\\two files.doc trunc=4:C:\\o pt=12,34 client=1"
    assert v["drop.accept"] == "1,0 monitor=1"  # WS_EX_ACCEPTFILES set and cleared
    want = parse_cmdline(CMDLINE)
    assert v["argv.n"] == f"{len(want)} " + " ".join(f"[{a}]" for a in want)
    assert v["argv.empty"] == "1 1"  # an empty command line gives the program's path


def test_shell_about(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    # the "About <app>" box: a modal box with the application line, the system line and szOtherStuff
    head, _, texts = v["about"].partition(" texts=")
    assert head == "1 found=1"
    assert sorted(texts.split("|")[1:]) == [  # the text and the OK button, in either child order
        "Microsoft (R) Misc Test/Microsoft Windows XP, Version 5.1 (Build 2600.xpsp_sp3)//Other stuff", "OK"]
    assert v["admin"] == "1"


def test_shlwapi(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v = result[0]
    assert v["path.filename"] == "file.txt ext=.txt"
    assert v["path.noext"] == "[] space=[]"
    assert v["path.removespec"] == "1 C:\\dir C:\\ 0 C:\\"
    assert v["path.strip"] == "file.txt"
    assert v["path.addext"] == "1 C:\\a\\b.exe 0 C:\\a\\b.exe"
    assert v["path.exists"] == "1,0"
    assert v["pathw.filename"] == "Notepad.EXE"
    assert v["pathw.removespec"] == "C:\\Windows"
    assert v["str.strw"] == "14 stri=4 rstri=14 rstri_last=4 none=1"
    assert v["str.cmpn"] == "0,1,1 cmpni=0"
    assert v["wnsprintf"] == "15 name--12-00ab-Z"
    assert v["wnsprintf.trunc"] == "-1 tool"
    assert v["wnsprintfa"] == "3 7/x"
    assert v["isos"] == "1 nt=1 xp=1 server=0"


def test_delay_load(result: tuple[dict[str, str], Path, Path, str]) -> None:
    v, _w, _c, err = result
    assert v["delay.before"] == "0"
    assert v["delay.add"] == "5"
    assert v["delay.loaded"] == "1"
    assert v["delay.resolver"] == "1"
    assert v["delay.resolve"] == "1 patched=1 same=1 mul=42"  # the IAT slot now holds dl_mul
    assert v["delay.is_export"] == "1"
    # a DLL that does not exist: the DLL hook sees dliFailLoadLib with the names, the system hook's answer is
    # stored in the slot
    assert v["delay.fail hook"] == "3 dll=misc_nodll.dll byname=1 proc=nd_func fallback=1 patched=1005"
    assert "delay load of misc_nodll.dll!nd_func failed" in err


@pytest.mark.corpus
@pytest.mark.parametrize("exe, names", [
    ("notepad.exe", ["GetCPInfoExW", "GetDateFormatW", "GetTimeFormatW", "MulDiv", "DragAcceptFiles", "DragFinish",
                     "DragQueryFileW", "ShellAboutW", "PathFindFileNameW", "StrCmpNIW", "StrCmpNW", "StrRStrIW",
                     "StrStrIW", "StrStrW", "wnsprintfW", "WinHelpW"]),
    ("nsis-hello-setup.exe", ["CreateProcessW", "GetExitCodeProcess", "GetPrivateProfileStringW", "MulDiv",
                              "WritePrivateProfileStringW", "SHBrowseForFolderW", "SHFileOperationW", "SHGetFileInfoW",
                              "SHGetPathFromIDListW", "SHGetSpecialFolderLocation", "ShellExecuteExW"]),
    ("winemine.exe", ["DelayLoadFailureHook", "ResolveDelayLoadedAPI"]),
    ("clock.exe", ["GetDateFormatW", "GetTimeFormatW", "ShellAboutW"]),
    ("ski32.exe", ["GetPrivateProfileStringA", "WritePrivateProfileStringA"]),
])
def test_corpus_imports_implemented(exe: str, names: list[str]) -> None:
    path = CORPUS / "gui" / exe
    if not path.exists():
        pytest.skip(f"corpus file {path} not present")
    out = subprocess.run([sys.executable, "-m", "app.cli", "info", str(path)], cwd=REPO, capture_output=True,
                         text=True, timeout=60, check=False).stdout
    missing = [n for n in names if f"MISSING {n}\n" in out + "\n"]
    assert not missing, out
