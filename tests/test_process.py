"""Process basics: exit codes, the command line and argv quoting, standard handles and pipes."""
from __future__ import annotations

import pytest

from conftest import assert_no_traceback, failures_in


def parse_cmdline(s: str) -> list[str]:
    """Split a command line the way the MSVC C runtime (and CommandLineToArgvW) do.

    argv[0] is taken literally up to whitespace or between quotes; then for each argument: 2n
    backslashes before a quote give n backslashes and the quote toggles quoting, 2n+1 give n
    backslashes and a literal quote; other backslashes are literal; whitespace outside quotes splits.
    """
    i, n = 0, len(s)
    args: list[str] = []
    if i < n and s[i] == '"':
        j = s.find('"', i + 1)
        j = n if j < 0 else j
        args.append(s[i + 1:j])
        i = j + 1
    else:
        j = i
        while j < n and s[j] not in " \t":
            j += 1
        args.append(s[i:j])
        i = j
    while True:
        while i < n and s[i] in " \t":
            i += 1
        if i >= n:
            return args
        cur = ""
        quoted = False
        while i < n and (quoted or s[i] not in " \t"):
            if s[i] == "\\":
                j = i
                while j < n and s[j] == "\\":
                    j += 1
                k = j - i
                if j < n and s[j] == '"':
                    cur += "\\" * (k // 2)
                    if k % 2:
                        cur += '"'
                        i = j + 1
                    else:
                        i = j
                else:
                    cur += "\\" * k
                    i = j
            elif s[i] == '"':
                if quoted and i + 1 < n and s[i + 1] == '"':
                    cur += '"'
                    i += 2
                    continue
                quoted = not quoted
                i += 1
            else:
                cur += s[i]
                i += 1
        args.append(cur)


def test_parse_cmdline_reference() -> None:
    # the reference parser itself, on the classic examples from Microsoft's documentation
    assert parse_cmdline('p "a b c" d e') == ["p", "a b c", "d", "e"]
    assert parse_cmdline('p "ab\\"c" "\\\\" d') == ["p", 'ab"c', "\\", "d"]
    assert parse_cmdline('p a\\\\\\b d"e f"g h') == ["p", "a\\\\\\b", "de fg", "h"]
    assert parse_cmdline('p a\\\\\\"b c d') == ["p", 'a\\"b', "c", "d"]
    assert parse_cmdline('p a\\\\\\\\"b c" d e') == ["p", "a\\\\b c", "d", "e"]
    assert parse_cmdline('"C:\\Program Files\\p.exe" x') == ["C:\\Program Files\\p.exe", "x"]


# ---- exit codes -------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", [0, 1, 7, 255])
def test_nocrt_return_from_entry(run_program, code: int) -> None:
    r = run_program("basic.exe", "ret", str(code))
    assert r.rc == code, r.describe()


def test_nocrt_exitprocess(run_program) -> None:
    r = run_program("basic.exe", "exit", "300")
    assert r.rc == 300 & 0xFF, r.describe()  # Linux keeps the low 8 bits of the Windows exit code


def test_nocrt_exitprocess_from_other_thread(run_program) -> None:
    r = run_program("basic.exe", "threadexit", "9")
    assert r.rc == 9, r.describe()
    assert "not reached" not in r.text


def test_nocrt_process_ends_with_last_thread(run_program) -> None:
    # the main thread calls ExitThread; the process lives on until its last thread returns 6
    r = run_program("basic.exe", "lastthread", "6")
    assert r.rc == 6, r.describe()
    assert r.text.splitlines() == ["main thread exits", "late thread returns 6"], r.describe()


def test_crt_return_from_main_runs_atexit(run_program) -> None:
    r = run_program("exitcode.exe", "ret", "7")
    assert r.rc == 7, r.describe()
    assert r.text.splitlines() == ["mode ret 7", "atexit: second registered", "atexit: first registered"], r.describe()


def test_crt_exit(run_program) -> None:
    r = run_program("exitcode.exe", "exit", "42")
    assert r.rc == 42, r.describe()
    assert r.text.splitlines() == ["mode exit 42", "calling exit(42)", "atexit: second registered",
                                   "atexit: first registered"], r.describe()


def test_crt_exitprocess_skips_atexit(run_program) -> None:
    r = run_program("exitcode.exe", "ExitProcess", "3")
    assert r.rc == 3, r.describe()
    assert r.text.splitlines() == ["mode ExitProcess 3"], r.describe()


def test_crt__exit_skips_atexit(run_program) -> None:
    r = run_program("exitcode.exe", "_exit", "4")
    assert r.rc == 4, r.describe()
    assert r.text.splitlines() == ["mode _exit 4"], r.describe()


def test_crt_exit_from_thread(run_program) -> None:
    r = run_program("exitcode.exe", "thread", "5")
    assert r.rc == 5, r.describe()
    assert "thread calls exit(5)" in r.text and "not reached" not in r.text, r.describe()


def test_crt_abort(run_program) -> None:
    r = run_program("exitcode.exe", "abort")
    assert r.rc == 3, r.describe()  # msvcrt's abort() exits with status 3
    assert_no_traceback(r)


# ---- command line ---------------------------------------------------------------------------------------
ARG_CASES = [
    pytest.param(["simple"], id="simple"),
    pytest.param(["two words"], id="space"),
    pytest.param(["a", "b", "c"], id="three"),
    pytest.param([""], id="empty"),
    pytest.param(["a", "", "b"], id="empty-middle"),
    pytest.param(['say "hi"'], id="quotes"),
    pytest.param(['"'], id="lone-quote"),
    pytest.param(["back\\slash"], id="backslash"),
    pytest.param(["trail\\"], id="trailing-backslash"),
    pytest.param(["trail\\\\"], id="two-trailing-backslashes"),
    pytest.param(["with space\\"], id="space-trailing-backslash"),
    pytest.param(['\\"quoted\\"'], id="backslash-quote"),
    pytest.param(['a\\\\"b'], id="two-backslashes-quote"),
    pytest.param(["C:\\Program Files\\x\\"], id="windows-path"),
    pytest.param(["\\\\server\\share"], id="unc"),
    pytest.param(["tab\there"], id="tab"),
    pytest.param(["many   spaces"], id="spaces"),
    pytest.param(["%PATH%", "*.txt", "?"], id="no-expansion-no-globbing"),
    pytest.param(["-x", "--long=value", "/switch"], id="switches"),
]


@pytest.mark.parametrize("args", ARG_CASES)
def test_command_line_reaches_the_guest(run_program, args: list[str]) -> None:
    """kernel32 level: GetCommandLineA/W carry the arguments, quoted so that the C runtime rules recover them."""
    r = run_program("basic.exe", "cmdline", *args)
    assert r.rc == 0, r.describe()
    lines = dict(ln.split("=", 1) for ln in r.text.splitlines() if "=" in ln)
    cmd = lines["cmdline"].removesuffix("|")
    assert parse_cmdline(cmd)[1:] == ["cmdline", *args], r.describe()
    assert lines["cmdlineW"].removesuffix("|") == cmd, r.describe()
    assert lines["module"].removesuffix("|").lower() == "d:\\basic.exe", r.describe()
    assert lines["moduleW"].removesuffix("|") == lines["module"].removesuffix("|")
    assert parse_cmdline(cmd)[0].lower().endswith("basic.exe")
    assert lines["cwd"].removesuffix("|") == "E:\\", r.describe()


def _argv(r) -> list[bytes]:
    out: dict[int, bytes] = {}
    for ln in r.text.splitlines():
        if ln.startswith("argv[") and " hex=" in ln:
            idx = int(ln[5:ln.index("]")])
            out[idx] = bytes.fromhex(ln.rsplit(" hex=", 1)[1])
    return [out[i] for i in sorted(out)]


@pytest.mark.parametrize("args", ARG_CASES)
def test_crt_argv(run_program, args: list[str]) -> None:
    """msvcrt's __getmainargs splits the command line into argv as the MSVC runtime does."""
    r = run_program("args.exe", *args)
    assert r.rc == len(args) + 1, r.describe()
    argv = _argv(r)
    assert argv[1:] == [a.encode("cp1252") for a in args], r.describe()
    assert argv[0].lower().endswith(b"args.exe"), r.describe()
    assert "argv[argc] is NULL" in r.text


def test_crt_argv_non_ascii(run_program) -> None:
    # ANSI code page 1252: the guest sees e-acute as byte 0xE9
    r = run_program("args.exe", "caf\u00e9", "na\u00efve x")
    assert _argv(r)[1:] == [b"caf\xe9", b"na\xefve x"], r.describe()


# ---- standard handles and pipes ----------------------------------------------------------------------------
def test_stdout_and_stderr_are_separate(run_program) -> None:
    r = run_program("basic.exe", "stdio")
    assert r.rc == 0, r.describe()
    assert r.out == b"to stdout\n"
    assert b"to stderr\n" in r.err


def test_stdin_pipe_binary_exact(run_program) -> None:
    data = bytes(range(256)) * 600 + b"\r\n\x1a end"  # every byte value, CRLF and ^Z pass unchanged
    r = run_program("basic.exe", "cat", input=data)
    assert r.rc == 0, r.describe()
    assert r.out == data + f"\n{len(data)} bytes\n".encode(), r.describe()


def test_stdin_empty(run_program) -> None:
    r = run_program("basic.exe", "cat", input=b"")
    assert r.rc == 0 and r.out == b"\n0 bytes\n", r.describe()


def test_environment(run_program) -> None:
    r = run_program("basic.exe", "env")
    assert r.rc == 0 and not failures_in(r), r.describe()
