"""msvcrt: wide-character stream I/O (fgetwc/fputwc/fgetws/fputws/...). As in msvcrt, a text-mode stream
converts between wide characters and bytes (wctomb/mbtowc of the C locale: only U+0000..U+00FF fit), a
binary stream reads and writes the two bytes of each WCHAR."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import INT, PTR, UINT, cdecl
from .crt import EILSEQ, set_errno
from .io import FTEXT, fds
from .stream import (EOF, FILE_SIZE, IOEOF, IOERR, Stream, clear_flag, get_stream, getc, iob, set_flag,
                     write_bytes)

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
WEOF = 0xFFFF


def _text(m: "Machine", st: Stream) -> bool:
    t = fds(m)
    fdo = t[st.fd] if 0 <= st.fd < len(t) else None
    return fdo is not None and bool(fdo.flags & FTEXT)


def put_wc(m: "Machine", st: Stream, wc: int) -> int:
    wc &= 0xFFFF
    if _text(m, st):
        if wc > 0xFF:
            set_errno(m, EILSEQ)
            set_flag(m, st, IOERR)
            return WEOF
        data = bytes((wc,))
    else:
        data = struct.pack("<H", wc)
    return wc if write_bytes(m, st, data) else WEOF


def get_wc(m: "Machine", st: Stream) -> int:
    c = getc(m, st)
    if c == EOF:
        return WEOF
    if _text(m, st):
        return c
    c2 = getc(m, st)
    if c2 == EOF:
        return WEOF
    return c | (c2 << 8)


def _put(m: "Machine", wc: int, fp: int) -> int:
    st = get_stream(m, fp)
    return WEOF if st is None else put_wc(m, st, wc)


def _get(m: "Machine", fp: int) -> int:
    st = get_stream(m, fp)
    return WEOF if st is None else get_wc(m, st)


@cdecl(D)
def fputwc(m: "Machine", c: UINT, stream: PTR) -> UINT:
    """Write a wide character (as one byte in text mode); it, or WEOF."""
    return _put(m, c, stream)


@cdecl(D)
def putwc(m: "Machine", c: UINT, stream: PTR) -> UINT:
    """Same as fputwc."""
    return _put(m, c, stream)


@cdecl(D)
def putwchar(m: "Machine", c: UINT) -> UINT:
    """fputwc(c, stdout)."""
    return _put(m, c, iob(m) + FILE_SIZE)


@cdecl(D)
def _fputwchar(m: "Machine", c: UINT) -> UINT:
    """fputwc(c, stdout)."""
    return _put(m, c, iob(m) + FILE_SIZE)


@cdecl(D)
def fgetwc(m: "Machine", stream: PTR) -> UINT:
    """Read a wide character (one byte in text mode); WEOF at the end."""
    return _get(m, stream)


@cdecl(D)
def getwc(m: "Machine", stream: PTR) -> UINT:
    """Same as fgetwc."""
    return _get(m, stream)


@cdecl(D)
def getwchar(m: "Machine") -> UINT:
    """fgetwc(stdin)."""
    return _get(m, iob(m))


@cdecl(D)
def _fgetwchar(m: "Machine") -> UINT:
    """fgetwc(stdin)."""
    return _get(m, iob(m))


@cdecl(D)
def ungetwc(m: "Machine", c: UINT, stream: PTR) -> UINT:
    """Push a wide character back; WEOF cannot be pushed."""
    st = get_stream(m, stream)
    if st is None or c & 0xFFFF == WEOF:
        return WEOF
    c &= 0xFFFF
    if _text(m, st):
        if c > 0xFF:
            return WEOF
        st.ungot.append(c)
    else:
        st.ungot.append(c >> 8)
        st.ungot.append(c & 0xFF)
    clear_flag(m, st, IOEOF)
    return c


@cdecl(D)
def fgetws(m: "Machine", string: PTR, n: INT, stream: PTR) -> PTR:
    """Read a line of at most n-1 wide characters (keeping the LF); NULL at EOF with nothing read."""
    st = get_stream(m, stream)
    if st is None or n <= 0:
        return 0
    out = []
    while len(out) < n - 1:
        c = get_wc(m, st)
        if c == WEOF:
            break
        out.append(c)
        if c == 10:
            break
    if not out and n > 1:
        return 0
    m.mem.write(string, struct.pack(f"<{len(out) + 1}H", *out, 0))
    return string


@cdecl(D)
def fputws(m: "Machine", string: PTR, stream: PTR) -> INT:
    """Write a wide string; 0, or WEOF if a character cannot be written."""
    st = get_stream(m, stream)
    if st is None:
        return WEOF
    for ch in m.mem.wstr(string):
        if put_wc(m, st, ord(ch)) == WEOF:
            return WEOF
    return 0


@cdecl(D)
def _getws(m: "Machine", buffer: PTR) -> PTR:
    """Read a line from stdin without its LF; NULL at EOF."""
    st = get_stream(m, iob(m))
    if st is None:
        return 0
    out = []
    c = 0
    while True:
        c = get_wc(m, st)
        if c in (WEOF, 10):
            break
        out.append(c)
    if c == WEOF and not out:
        return 0
    m.mem.write(buffer, struct.pack(f"<{len(out) + 1}H", *out, 0))
    return buffer


@cdecl(D)
def _putws(m: "Machine", string: PTR) -> INT:
    """Write a wide string and a LF to stdout; 0 or WEOF."""
    st = get_stream(m, iob(m) + FILE_SIZE)
    if st is None:
        return WEOF
    for ch in m.mem.wstr(string) + "\n":
        if put_wc(m, st, ord(ch)) == WEOF:
            return WEOF
    return 0
