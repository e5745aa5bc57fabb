"""msvcrt: <conio.h> console I/O (_getch/_getche/_kbhit/_ungetch/_putch/_cputs/_cprintf/_cgets and the
wide _getwch/_putwch). The console is the host terminal behind the standard handles: keys are read one at a
time without echo (the terminal is switched to non-canonical mode for the read), Enter gives '\\r', and
cursor/function keys become msvcrt's two-code sequences (0xE0 or 0 followed by a scan code)."""
from __future__ import annotations

import os
import select
from typing import TYPE_CHECKING

from ..api import INT, PTR, UINT, VARARGS, cdecl
from ..kernel32.console import std_object
from .crt import crt

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
STD_INPUT, STD_OUTPUT = 0xFFFFFFF6, 0xFFFFFFF5
# ANSI escape sequences of the host terminal -> (prefix, scan code) of _getch
KEYS = {
    b"[A": (0xE0, 0x48), b"[B": (0xE0, 0x50), b"[C": (0xE0, 0x4D), b"[D": (0xE0, 0x4B), b"[H": (0xE0, 0x47),
    b"[F": (0xE0, 0x4F), b"[2~": (0xE0, 0x52), b"[3~": (0xE0, 0x53), b"[5~": (0xE0, 0x49), b"[6~": (0xE0, 0x51),
    b"[1~": (0xE0, 0x47), b"[4~": (0xE0, 0x4F), b"OP": (0, 0x3B), b"OQ": (0, 0x3C), b"OR": (0, 0x3D),
    b"OS": (0, 0x3E), b"[15~": (0, 0x3F), b"[17~": (0, 0x40), b"[18~": (0, 0x41), b"[19~": (0, 0x42),
    b"[20~": (0, 0x43), b"[21~": (0, 0x44), b"[23~": (0, 0x85), b"[24~": (0, 0x86), b"OH": (0xE0, 0x47),
    b"OF": (0xE0, 0x4F),
}


def _pending(m: "Machine") -> list[int]:
    return crt(m).extra.setdefault("conin", [])  # type: ignore[no-any-return]


class _Raw:
    """Non-canonical, no-echo terminal mode for the duration of a key read."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.old = None

    def __enter__(self) -> "_Raw":
        try:
            import termios  # noqa: PLC0415
            if os.isatty(self.fd):
                self.old = termios.tcgetattr(self.fd)
                new = termios.tcgetattr(self.fd)
                new[3] &= ~(termios.ICANON | termios.ECHO)
                new[0] &= ~termios.ICRNL
                new[6][termios.VMIN] = 1
                new[6][termios.VTIME] = 0
                termios.tcsetattr(self.fd, termios.TCSANOW, new)
        except Exception:  # noqa: BLE001 - not a terminal we can switch: read as is
            self.old = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.old is not None:
            import termios  # noqa: PLC0415
            termios.tcsetattr(self.fd, termios.TCSANOW, self.old)


def _in_fd(m: "Machine") -> int:
    f = std_object(m, STD_INPUT)
    return f.fd if f is not None else 0


def _ready(fd: int, timeout: float) -> bool:
    try:
        return bool(select.select([fd], [], [], timeout)[0])
    except (OSError, ValueError):
        return False


def read_key(m: "Machine") -> int:
    """The next key code as _getch returns it (blocking), -1 at end of input."""
    back = crt(m).extra.pop("ungetch", None)
    if back is not None:
        return back  # type: ignore[no-any-return]
    q = _pending(m)
    if q:
        return q.pop(0)
    fd = _in_fd(m)
    with _Raw(fd):
        try:
            b = os.read(fd, 1)
        except OSError:
            b = b""
        if not b:
            return -1
        if b == b"\x1b" and _ready(fd, 0.02):
            seq = b""
            while _ready(fd, 0.01) and len(seq) < 6:
                seq += os.read(fd, 1)
                if seq in KEYS:
                    break
            if seq in KEYS:
                pre, code = KEYS[seq]
                q.append(code)
                return pre
            q.extend(seq)
            return 0x1B
    c = b[0]
    if c == 0x0A:
        return 0x0D
    if c == 0x7F:
        return 0x08
    return c


def _out(m: "Machine", data: bytes) -> None:
    from .stream import FILE_SIZE, flush, iob, streams  # noqa: PLC0415
    st = streams(m).get(iob(m) + FILE_SIZE)
    if st is not None and st.autoflush:
        flush(m, st)
    f = std_object(m, STD_OUTPUT)
    if f is not None:
        try:
            f.write(data)
        except OSError:
            pass


@cdecl(D)
def _getch(m: "Machine") -> INT:
    """Read a key without echo (extended keys as 0 or 0xE0 and then a scan code)."""
    return read_key(m)


@cdecl(D)
def _getche(m: "Machine") -> INT:
    """Read a key and echo it."""
    c = read_key(m)
    if 0 < c < 256 and c not in (0, 0xE0):
        _out(m, bytes((c,)))
    return c


@cdecl(D)
def _getwch(m: "Machine") -> UINT:
    """Wide _getch."""
    c = read_key(m)
    return 0xFFFF if c < 0 else c


@cdecl(D)
def _kbhit(m: "Machine") -> INT:
    """Nonzero if a key is waiting."""
    if _pending(m) or "ungetch" in crt(m).extra:
        return 1
    fd = _in_fd(m)
    with _Raw(fd):
        return int(_ready(fd, 0))


@cdecl(D)
def _ungetch(m: "Machine", c: INT) -> INT:
    """Push back one key for the next _getch; EOF if one is already pushed back."""
    ex = crt(m).extra
    if "ungetch" in ex or c == -1:
        return -1
    ex["ungetch"] = c & 0xFF
    return c & 0xFF


@cdecl(D)
def _putch(m: "Machine", c: INT) -> INT:
    """Write a character to the console."""
    _out(m, bytes((c & 0xFF,)))
    return c & 0xFF


@cdecl(D)
def _putwch(m: "Machine", c: UINT) -> UINT:
    """Write a wide character to the console (UTF-8 on the host terminal)."""
    _out(m, chr(c & 0xFFFF).encode("utf-8", "replace"))
    return c & 0xFFFF


@cdecl(D)
def _cputs(m: "Machine", string: PTR) -> INT:
    """Write a string to the console; 0."""
    _out(m, m.mem.cstr_bytes(string))
    return 0


@cdecl(D)
def _cputws(m: "Machine", string: PTR) -> INT:
    """Write a wide string to the console; 0."""
    _out(m, m.mem.wstr(string).encode("utf-8", "replace"))
    return 0


@cdecl(D)
def _cprintf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """printf to the console (no LF translation); the number of bytes written."""
    from .printf import fmt_narrow  # noqa: PLC0415
    data = fmt_narrow(m, format, args)
    if data is None:
        return -1
    _out(m, data)
    return len(data)


@cdecl(D)
def _cgets(m: "Machine", buffer: PTR) -> PTR:
    """Read a console line into buffer+2 (buffer[0] = room, buffer[1] = length read); returns buffer+2."""
    room = m.mem.u8(buffer)
    out = bytearray()
    f = std_object(m, STD_INPUT)
    while len(out) < room:
        try:
            b = os.read(f.fd, 1) if f is not None else b""
        except OSError:
            b = b""
        if not b or b == b"\n":
            break
        if b == b"\r":
            continue
        out += b
    m.mem.w8(buffer + 1, len(out))
    m.mem.write(buffer + 2, bytes(out) + b"\0")
    return buffer + 2


@cdecl(D)
def _getwche(m: "Machine") -> UINT:
    """Wide _getche."""
    c = _getche(m)
    return 0xFFFF if c < 0 else c


@cdecl(D)
def _ungetwch(m: "Machine", c: UINT) -> UINT:
    """Wide _ungetch."""
    r = _ungetch(m, c & 0xFFFF if c != 0xFFFF else -1)
    return 0xFFFF if r < 0 else r


@cdecl(D)
def _cwprintf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide _cprintf; the number of characters written."""
    from .printf import fmt_wide  # noqa: PLC0415
    text = fmt_wide(m, format, args)
    if text is None:
        return -1
    _out(m, text.encode("utf-8", "replace"))
    return len(text)


@cdecl(D)
def _vcprintf(m: "Machine", format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """_cprintf with a va_list."""
    from .printf import fmt_narrow  # noqa: PLC0415
    data = fmt_narrow(m, format, argptr)
    if data is None:
        return -1
    _out(m, data)
    return len(data)


@cdecl(D)
def _vcwprintf(m: "Machine", format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """_cwprintf with a va_list."""
    from .printf import fmt_wide  # noqa: PLC0415
    text = fmt_wide(m, format, argptr)
    if text is None:
        return -1
    _out(m, text.encode("utf-8", "replace"))
    return len(text)
