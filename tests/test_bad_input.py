"""Bad input: files that are not runnable 32-bit programs, and programs that cannot be loaded. Each must
end quickly with a single `exeplay: ...` error line on stderr, a non-zero exit status and no traceback."""
from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from conftest import PROGRAMS, assert_no_traceback


def pe32plus() -> bytes:
    """A minimal, well-formed 64-bit (PE32+, AMD64) console program whose entry point is `ret`."""
    dos = bytearray(0x40)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x40)
    fh = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 0xF0, 0x22)
    oh = struct.pack("<HBBIIIII", 0x20B, 1, 0, 0x200, 0, 0, 0x1000, 0x1000)
    oh += struct.pack("<Q", 0x140000000) + struct.pack("<II", 0x1000, 0x200)
    oh += struct.pack("<HHHHHH", 6, 0, 0, 0, 6, 0) + struct.pack("<IIII", 0, 0x2000, 0x200, 0)
    oh += struct.pack("<HH", 3, 0) + struct.pack("<QQQQ", 0x100000, 0x1000, 0x100000, 0x1000)
    oh += struct.pack("<II", 0, 16) + b"\0" * 128
    assert len(oh) == 0xF0
    sh = b".text\0\0\0" + struct.pack("<IIIIIIHHI", 0x200, 0x1000, 0x200, 0x200, 0, 0, 0, 0, 0x60000020)
    hdr = bytes(dos) + b"PE\0\0" + fh + oh + sh
    return hdr.ljust(0x200, b"\0") + b"\xc3".ljust(0x200, b"\0")


def _basic() -> bytes:
    return (PROGRAMS / "basic.exe").read_bytes()


def _bad_lfanew() -> bytes:
    d = bytearray(b"MZ" + b"\0" * 126)
    struct.pack_into("<I", d, 0x3C, 0x7FFFFFF0)
    return bytes(d)


def _wrong_machine() -> bytes:
    d = bytearray(_basic())
    off = struct.unpack_from("<I", d, 0x3C)[0]
    struct.pack_into("<H", d, off + 4, 0x1C0)  # ARM
    return bytes(d)


BAD_FILES = {
    "text.exe": lambda: b"This is not a program.\r\nJust some text.\r\n",
    "empty.exe": lambda: b"",
    "mz-only.exe": lambda: b"MZ" + b"\0" * 62,
    "bad-lfanew.exe": _bad_lfanew,
    "headers-truncated.exe": lambda: _basic()[:300],
    "sections-truncated.exe": lambda: _basic()[:2000],
    "half.exe": lambda: _basic()[:len(_basic()) // 2],
    "pe64.exe": pe32plus,
    "arm.exe": _wrong_machine,
    "random.exe": lambda: bytes((i * 7919 + 13) % 251 for i in range(5000)),
}


def _check_one_error_line(r) -> None:
    assert_no_traceback(r)
    assert r.rc != 0, r.describe()
    lines = [ln for ln in r.errtext.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("exeplay:"), r.describe()
    assert r.out == b"", r.describe()


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_run_bad_file(run_exeplay, tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(BAD_FILES[name]())
    r = run_exeplay(["run", p], cwd=tmp_path, timeout=60)
    _check_one_error_line(r)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_info_bad_file(run_exeplay, tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(BAD_FILES[name]())
    r = run_exeplay(["info", p], cwd=tmp_path, timeout=60)
    _check_one_error_line(r)


def test_pe64_is_named_as_64_bit(run_exeplay, tmp_path: Path) -> None:
    p = tmp_path / "pe64.exe"
    p.write_bytes(pe32plus())
    r = run_exeplay(["run", p], cwd=tmp_path)
    assert "64-bit" in r.errtext, r.describe()


def test_missing_file(run_exeplay, tmp_path: Path) -> None:
    _check_one_error_line(run_exeplay(["run", tmp_path / "nonexistent.exe"], cwd=tmp_path))


def test_directory_as_program(run_exeplay, tmp_path: Path) -> None:
    (tmp_path / "folder.exe").mkdir()
    _check_one_error_line(run_exeplay(["run", tmp_path / "folder.exe"], cwd=tmp_path))


def test_dll_as_program(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("testdll.dll")
    r = run_exeplay(["run", d / "testdll.dll"], cwd=tmp_path)
    _check_one_error_line(r)
    assert "DLL" in r.errtext


def test_missing_dll_import(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("missingdll.exe")
    r = run_exeplay(["run", d / "missingdll.exe"], cwd=tmp_path)
    _check_one_error_line(r)
    assert "nosuchdll.dll" in r.errtext.lower(), r.describe()


def test_missing_program_dll(run_exeplay, stage, tmp_path: Path) -> None:
    # importdll.exe without testdll.dll next to it
    d = stage("importdll.exe")
    r = run_exeplay(["run", d / "importdll.exe"], cwd=tmp_path)
    _check_one_error_line(r)
    assert "testdll.dll" in r.errtext.lower(), r.describe()


def test_info_lists_missing_dll(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("missingdll.exe")
    r = run_exeplay(["info", d / "missingdll.exe"], cwd=tmp_path)
    assert_no_traceback(r)
    assert r.rc == 0 and "nosuchdll.dll" in r.text.lower() and "MISSING nosuch_function" in r.text, r.describe()


def test_unimplemented_function_stops_with_report(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("missingfn.exe")
    r = run_exeplay(["run", d / "missingfn.exe"], cwd=tmp_path)
    assert_no_traceback(r)
    assert r.rc == 3, r.describe()
    assert r.text == "before the call\n", r.describe()
    first = r.errtext.splitlines()[0]
    assert first.startswith("exeplay: unimplemented: kernel32!ExeplayNoSuchFunction called from 0x"), r.describe()
    assert "missingfn.exe+0x" in first, r.describe()


def test_info_marks_unimplemented_import(run_exeplay, stage, tmp_path: Path) -> None:
    d = stage("missingfn.exe")
    r = run_exeplay(["info", d / "missingfn.exe"], cwd=tmp_path)
    assert r.rc == 0 and "MISSING ExeplayNoSuchFunction" in r.text, r.describe()


def test_dll_in_program_folder_is_found(run_exeplay, stage, tmp_path: Path) -> None:
    # control for test_missing_program_dll: with the DLL beside it, the same program runs
    d = stage("importdll.exe", "testdll.dll")
    r = run_exeplay(["run", d / "importdll.exe"], cwd=tmp_path)
    assert r.rc == 0, r.describe()
    shutil.rmtree(d)
