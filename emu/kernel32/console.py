"""kernel32: the console — standard handles mapped to the host's stdin/stdout/stderr, byte for byte."""
from __future__ import annotations

import os
import shutil
import struct
from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, LPCSTR, LPCWSTR, PTR, WORD, stdcall
from ..strings import put_a, put_w
from .fileobj import File

if TYPE_CHECKING:
    from ..machine import Machine

STD_INPUT, STD_OUTPUT, STD_ERROR = 0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4


def _std(m: "Machine") -> dict[int, int]:
    """Standard handle slots -> handle values; created at first use from the host fds."""
    st = m.state.get("std")
    if st is None:
        st = {}
        fds = {STD_INPUT: m.opts.stdin, STD_OUTPUT: m.opts.stdout, STD_ERROR: m.opts.stderr}
        for slot, default in ((STD_INPUT, 0), (STD_OUTPUT, 1), (STD_ERROR, 2)):
            fd = fds[slot] if isinstance(fds[slot], int) else default
            f = File(fd, None, "CON", 0xC0000000, owns_fd=False)
            st[slot] = m.handles.add(f)
        m.state["std"] = st
    return st


def std_handle(m: "Machine", n: int) -> int:
    return _std(m).get(n & 0xFFFFFFFF, 0)


def std_object(m: "Machine", n: int) -> File:
    return m.handles.get(std_handle(m, n))  # type: ignore[return-value]


def console_read(m: "Machine", f: File, n: int) -> bytes:
    """Read from an interactive console: one line at a time, LF turned into CR LF as Windows does."""
    data = os.read(f.fd, n)
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")[:n] if data else data


@stdcall("kernel32")
def GetStdHandle(m: "Machine", nStdHandle: DWORD) -> HANDLE:
    """STD_INPUT_HANDLE / STD_OUTPUT_HANDLE / STD_ERROR_HANDLE."""
    h = _std(m).get(nStdHandle)
    if h is None:
        m.set_last_error(6)
        return 0xFFFFFFFF
    return h


@stdcall("kernel32")
def SetStdHandle(m: "Machine", nStdHandle: DWORD, hHandle: HANDLE) -> BOOL:
    """Redirect a standard handle slot."""
    st = _std(m)
    if nStdHandle not in st:
        m.set_last_error(6)
        return 0
    st[nStdHandle] = hHandle
    return 1


def _console_file(m: "Machine", h: int) -> File | None:
    f = m.handles.get(h)
    if isinstance(f, File) and f.ftype == 2:
        return f
    m.set_last_error(6)
    return None


@stdcall("kernel32")
def GetConsoleMode(m: "Machine", hConsoleHandle: HANDLE, lpMode: PTR) -> BOOL:
    """Succeeds only for console (character device) handles, as programs use it to detect a console."""
    f = _console_file(m, hConsoleHandle)
    if f is None or not f.is_console:
        m.set_last_error(6)
        return 0
    m.mem.w32(lpMode, m.state.setdefault("conmode", {}).get(hConsoleHandle, 0x7 if f.fd == 0 else 0x3))
    return 1


@stdcall("kernel32")
def SetConsoleMode(m: "Machine", hConsoleHandle: HANDLE, dwMode: DWORD) -> BOOL:
    """Remember the mode of a console handle."""
    f = _console_file(m, hConsoleHandle)
    if f is None or not f.is_console:
        m.set_last_error(6)
        return 0
    m.state.setdefault("conmode", {})[hConsoleHandle] = dwMode
    return 1


def _write_console(m: "Machine", h: int, data: bytes, written: int, nchars: int) -> int:
    f = m.handles.get(h)
    if not isinstance(f, File):
        m.set_last_error(6)
        return 0
    f.write(data)
    if written:
        m.mem.w32(written, nchars)
    return 1


@stdcall("kernel32")
def WriteConsoleA(m: "Machine", hConsoleOutput: HANDLE, lpBuffer: PTR, nNumberOfCharsToWrite: DWORD,
                  lpNumberOfCharsWritten: PTR, lpReserved: PTR) -> BOOL:
    """Write ANSI characters to the console."""
    data = m.mem.read(lpBuffer, nNumberOfCharsToWrite)
    return _write_console(m, hConsoleOutput, data, lpNumberOfCharsWritten, nNumberOfCharsToWrite)


@stdcall("kernel32")
def WriteConsoleW(m: "Machine", hConsoleOutput: HANDLE, lpBuffer: PTR, nNumberOfCharsToWrite: DWORD,
                  lpNumberOfCharsWritten: PTR, lpReserved: PTR) -> BOOL:
    """Write UTF-16 characters to the console (as UTF-8 on the host)."""
    text = m.mem.read(lpBuffer, 2 * nNumberOfCharsToWrite).decode("utf-16-le", "replace")
    return _write_console(m, hConsoleOutput, text.encode("utf-8"), lpNumberOfCharsWritten, nNumberOfCharsToWrite)


def _read_console(m: "Machine", h: int, n: int, wide: bool) -> tuple[bytes, int] | None:
    f = m.handles.get(h)
    if not isinstance(f, File):
        m.set_last_error(6)
        return None
    data = console_read(m, f, n)
    if wide:
        text = data.decode("utf-8", "replace")
        return text.encode("utf-16-le"), len(text)
    return data, len(data)


@stdcall("kernel32")
def ReadConsoleA(m: "Machine", hConsoleInput: HANDLE, lpBuffer: PTR, nNumberOfCharsToRead: DWORD,
                 lpNumberOfCharsRead: PTR, pInputControl: PTR) -> BOOL:
    """Read a line of input."""
    r = _read_console(m, hConsoleInput, nNumberOfCharsToRead, False)
    if r is None:
        return 0
    m.mem.write(lpBuffer, r[0])
    if lpNumberOfCharsRead:
        m.mem.w32(lpNumberOfCharsRead, r[1])
    return 1


@stdcall("kernel32")
def ReadConsoleW(m: "Machine", hConsoleInput: HANDLE, lpBuffer: PTR, nNumberOfCharsToRead: DWORD,
                 lpNumberOfCharsRead: PTR, pInputControl: PTR) -> BOOL:
    """Read a line of input as UTF-16."""
    r = _read_console(m, hConsoleInput, nNumberOfCharsToRead, True)
    if r is None:
        return 0
    m.mem.write(lpBuffer, r[0][:2 * nNumberOfCharsToRead])
    if lpNumberOfCharsRead:
        m.mem.w32(lpNumberOfCharsRead, min(r[1], nNumberOfCharsToRead))
    return 1


@stdcall("kernel32")
def GetConsoleScreenBufferInfo(m: "Machine", hConsoleOutput: HANDLE, lpInfo: PTR) -> BOOL:
    """Size of the host terminal (80x25 when not a terminal); fails for non-console handles."""
    f = _console_file(m, hConsoleOutput)
    if f is None or not f.is_console:
        m.set_last_error(6)
        return 0
    cols, rows = shutil.get_terminal_size((80, 25))
    m.mem.write(lpInfo, struct.pack("<hhhhHhhhhhh", cols, rows, 0, 0, 7, 0, 0, cols - 1, rows - 1, cols, rows))
    return 1


@stdcall("kernel32")
def SetConsoleCtrlHandler(m: "Machine", HandlerRoutine: PTR, Add: BOOL) -> BOOL:
    """Register a Ctrl+C handler (remembered; Ctrl+C ends the run)."""
    m.state.setdefault("ctrl_handlers", []).append(HandlerRoutine)
    return 1


@stdcall("kernel32")
def GetConsoleCP(m: "Machine") -> DWORD:
    """Input code page (437 unless SetConsoleCP changed it)."""
    return m.state.get("console_cp", 437)


@stdcall("kernel32")
def GetConsoleOutputCP(m: "Machine") -> DWORD:
    """Output code page (437 unless SetConsoleOutputCP changed it)."""
    return m.state.get("console_output_cp", 437)


@stdcall("kernel32")
def SetConsoleCP(m: "Machine", wCodePageID: DWORD) -> BOOL:
    """Remember the input code page (reported by GetConsoleCP; input bytes pass through unchanged)."""
    m.state["console_cp"] = wCodePageID
    return 1


@stdcall("kernel32")
def SetConsoleOutputCP(m: "Machine", wCodePageID: DWORD) -> BOOL:
    """Remember the output code page (reported by GetConsoleOutputCP; output bytes pass through unchanged)."""
    m.state["console_output_cp"] = wCodePageID
    return 1


@stdcall("kernel32")
def SetConsoleTitleA(m: "Machine", lpConsoleTitle: LPCSTR) -> BOOL:
    """Remember the title."""
    m.state["console_title"] = lpConsoleTitle
    return 1


@stdcall("kernel32")
def SetConsoleTitleW(m: "Machine", lpConsoleTitle: LPCWSTR) -> BOOL:
    """Remember the title."""
    m.state["console_title"] = lpConsoleTitle
    return 1


@stdcall("kernel32")
def GetConsoleTitleA(m: "Machine", lpConsoleTitle: PTR, nSize: DWORD) -> DWORD:
    """The remembered title."""
    return put_a(m, lpConsoleTitle, nSize, str(m.state.get("console_title") or ""))


@stdcall("kernel32")
def GetConsoleTitleW(m: "Machine", lpConsoleTitle: PTR, nSize: DWORD) -> DWORD:
    """The remembered title."""
    return put_w(m, lpConsoleTitle, nSize, str(m.state.get("console_title") or ""))


@stdcall("kernel32")
def SetConsoleTextAttribute(m: "Machine", hConsoleOutput: HANDLE, wAttributes: WORD) -> BOOL:
    """Colours are not rendered; accepted for console handles."""
    return int(_console_file(m, hConsoleOutput) is not None)


@stdcall("kernel32")
def FlushConsoleInputBuffer(m: "Machine", hConsoleInput: HANDLE) -> BOOL:
    """Nothing is buffered on our side."""
    return 1
