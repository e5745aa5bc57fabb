"""Files: the kernel32 file API (files.exe, no C runtime) and C stdio (crt_stdio.exe)."""
from __future__ import annotations

from pathlib import Path

from conftest import assert_no_traceback, failures_in


def _pattern(i: int) -> int:
    return (i * 7 + (i >> 8) * 13 + 1) & 0xFF


def test_kernel32_file_api(run_program, workdir: Path) -> None:
    r = run_program("files.exe")
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    # what the guest left behind is there on the host, byte for byte
    assert (workdir / "keep.txt").read_bytes() == b"hello from files.exe\r\n"
    data = (workdir / "ftest" / "final.bin").read_bytes()
    assert len(data) == 1_000_000
    assert data == bytes(_pattern(i) for i in range(1_000_000))
    assert (workdir / "ftest" / "sub2" / "moved.dat").stat().st_size == 100
    assert not (workdir / "ftest" / "a.txt").exists()
    # names keep the case they were created with
    assert "Mixed.TXT" in {p.name for p in (workdir / "ftest").iterdir()}


def test_crt_stdio_files(run_program, workdir: Path) -> None:
    r = run_program("crt_stdio.exe", "files")
    assert_no_traceback(r)
    assert failures_in(r) == [] and r.rc == 0, r.describe()
    text = (workdir / "text.txt").read_bytes()
    assert text == (b"line 1 of 5: odd\r\nline 2 of 5: even\r\nline 3 of 5: odd\r\nline 4 of 5: even\r\n"
                    b"line 5 of 5: odd\r\nlast line without newline\r\nappended\r\n"), text
    data = (workdir / "bin.dat").read_bytes()
    assert data == bytes((i * 131 + (i >> 8)) & 0xFF for i in range(100000))
    assert not (workdir / "renamed.txt").exists() and not (workdir / "upd.txt").exists()


def test_crt_stdio_formatting(run_program) -> None:
    r = run_program("crt_stdio.exe", "format")
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    assert r.text.splitlines() == [
        "int: [-42] [   42] [42   ] [00042] [+42] [3000000000]",
        "hex: [beef] [BEEF] [0000beef] [0xff] [10]",
        "str: [abc] [     right] [left      ] [tru] [Z]",
        "float: [3.14] [  -2.500] [0.333333] [3] [0.0001]",
        "percent: [%]",
        "sprintf: [sp-7-ff]",
        "sscanf: 3 12 34 word",
        "strtol: -123 255 16 4294967295",
        "rest: [abc]",
        "atoi: 77 atof: 2.718",
        "qsort: 1 2 3 5 7 8 9",
        "bsearch: 4",
        "string: 5 1 0 stack",
        "strcat: concat toupper: Q memcmp: 0",
    ], r.describe()


def test_crt_stdin_text_mode(run_program) -> None:
    r = run_program("crt_stdio.exe", "upper", input=b"hello\r\nworld\nlast")
    assert_no_traceback(r)
    assert r.rc == 0, r.describe()
    # stdin and stdout are in text mode: CRLF in becomes LF, LF out becomes CRLF
    assert r.out == b"HELLO\r\nWORLD\r\nLAST3 lines\r\n", r.describe()
