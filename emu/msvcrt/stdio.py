"""msvcrt: the <stdio.h> stream functions (fopen/fread/fwrite/fgets/fseek/...). The buffering, text
translation and the character windows lent to guest code live in stream.py."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import INT, LONG, LPCSTR, LPCWSTR, PTR, QWORD, UINT, cdecl, data_export, native
from .crt import EBADF, EINVAL, crt, set_errno
from .io import FTEXT, O_BINARY, O_CREAT, O_RDONLY, O_RDWR, O_TEMPORARY, O_TEXT, O_TRUNC, O_WRONLY, O_APPEND, \
    fd_close, fds, get_fd, open_path
from .stream import (BUFSIZE, EOF, FILE_SIZE, IOEOF, IOERR, IOMYBUF, IONBF, IOREAD, IORW, IOSETVBUF, IOWRT,
                     IOYOURBUF, clear_flag, close_stream, flush, flush_all, get_stream, getc, iob,
                     open_stream, read_bytes, read_line, seek, set_buffer, stage_read, streams, sync, tell,
                     write_bytes)

if TYPE_CHECKING:
    from ..machine import Machine

IOFBF_MODE, IOLBF_MODE, IONBF_MODE = 0, 0x40, 4
NIOB = 20


def parse_mode(mode: str) -> tuple[int, int] | None:
    """fopen mode string -> (_open flags, stream flags)."""
    mode = mode.lstrip(" ")
    if not mode or mode[0] not in "rwa":
        return None
    oflag = {"r": O_RDONLY, "w": O_WRONLY | O_CREAT | O_TRUNC, "a": O_WRONLY | O_CREAT | O_APPEND}[mode[0]]
    sflag = IOREAD if mode[0] == "r" else IOWRT
    seen_tb = False
    for ch in mode[1:]:
        if ch == "+":
            oflag = (oflag & ~(O_RDONLY | O_WRONLY)) | O_RDWR
            sflag = IORW
        elif ch in "tb":
            if seen_tb:
                return None
            seen_tb = True
            oflag |= O_TEXT if ch == "t" else O_BINARY
        elif ch == "D":
            oflag |= O_TEMPORARY
        elif ch in "cnSRT ":
            continue
        elif ch == ",":
            break  # ",ccs=..." encodings are accepted as text
        else:
            return None
    return oflag, sflag


def fopen_path(m: "Machine", name: str | int | None, mode: str | int | None, fp: int = 0) -> int:
    if not isinstance(name, str) or not isinstance(mode, str):
        set_errno(m, EINVAL)
        return 0
    pm = parse_mode(mode)
    if pm is None:
        set_errno(m, EINVAL)
        return 0
    fd = open_path(m, name, pm[0], 0o600 | 0x80 | 0x100)
    if fd < 0:
        return 0
    a = open_stream(m, fd, pm[1], fp)
    if not a:
        fd_close(m, fd)
    return a


@cdecl("msvcrt")
def fopen(m: "Machine", filename: LPCSTR, mode: LPCSTR) -> PTR:
    """Open a stream ("r", "w", "a", "+", "t"/"b"); NULL and errno on failure."""
    return fopen_path(m, filename, mode)


@cdecl("msvcrt")
def _wfopen(m: "Machine", filename: LPCWSTR, mode: LPCWSTR) -> PTR:
    """Wide fopen."""
    return fopen_path(m, filename, mode)


@cdecl("msvcrt")
def _fsopen(m: "Machine", filename: LPCSTR, mode: LPCSTR, shflag: INT) -> PTR:
    """fopen with a sharing mode (not enforced)."""
    return fopen_path(m, filename, mode)


@cdecl("msvcrt")
def _wfsopen(m: "Machine", filename: LPCWSTR, mode: LPCWSTR, shflag: INT) -> PTR:
    """Wide _fsopen."""
    return fopen_path(m, filename, mode)


@cdecl("msvcrt")
def freopen(m: "Machine", filename: LPCSTR, mode: LPCSTR, stream: PTR) -> PTR:
    """Close stream and reopen the same FILE on another file."""
    st = streams(m).get(stream)
    if st is not None:
        close_stream(m, st)
    return fopen_path(m, filename, mode, fp=stream)


@cdecl("msvcrt")
def _wfreopen(m: "Machine", filename: LPCWSTR, mode: LPCWSTR, stream: PTR) -> PTR:
    """Wide freopen."""
    st = streams(m).get(stream)
    if st is not None:
        close_stream(m, st)
    return fopen_path(m, filename, mode, fp=stream)


@cdecl("msvcrt")
def _fdopen(m: "Machine", fd: INT, mode: LPCSTR) -> PTR:
    """A stream on an open file descriptor."""
    pm = parse_mode(mode) if isinstance(mode, str) else None
    if pm is None or get_fd(m, fd) is None:
        set_errno(m, EINVAL if pm is None else EBADF)
        return 0
    fdo = fds(m)[fd]
    assert fdo is not None
    if pm[0] & O_BINARY:
        fdo.flags &= ~FTEXT
    elif pm[0] & O_TEXT:
        fdo.flags |= FTEXT
    return open_stream(m, fd, pm[1])


@cdecl("msvcrt")
def _wfdopen(m: "Machine", fd: INT, mode: LPCWSTR) -> PTR:
    """Wide _fdopen."""
    return _fdopen(m, fd, mode)


@cdecl("msvcrt")
def fclose(m: "Machine", stream: PTR) -> INT:
    """Flush and close a stream; 0 or EOF."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    return close_stream(m, st)


@cdecl("msvcrt")
def _fcloseall(m: "Machine") -> INT:
    """Close every stream except stdin/stdout/stderr; returns how many were closed."""
    base = iob(m)
    n = 0
    for st in list(streams(m).values()):
        if not (base <= st.addr < base + 3 * FILE_SIZE):
            close_stream(m, st)
            n += 1
    return n


@cdecl("msvcrt")
def tmpfile(m: "Machine") -> PTR:
    """A temporary binary stream ("w+b") deleted when closed."""
    c = crt(m)
    n = c.extra.get("tmpfile_n", 0)
    for _ in range(1000):
        n += 1
        name = f"C:\\WINDOWS\\TEMP\\t{m.proc.pid:x}.{n}"
        fd = open_path(m, name, O_RDWR | O_CREAT | 0x400 | O_BINARY | O_TEMPORARY, 0x180)
        if fd >= 0:
            c.extra["tmpfile_n"] = n
            a = open_stream(m, fd, IORW)
            if a:
                c.extra.setdefault("tmpfiles", set()).add(a)
            return a
    return 0


@cdecl("msvcrt")
def _rmtmp(m: "Machine") -> INT:
    """Close (and so delete) the streams opened by tmpfile; returns how many."""
    tmp = crt(m).extra.get("tmpfiles", set())
    n = 0
    for a in list(tmp):
        st = streams(m).get(a)
        if st is not None:
            close_stream(m, st)
            n += 1
    tmp.clear()
    return n


native("msvcrt", "__p__iob", "mov eax, {export:_iob}; ret", doc="address of _iob")


# ---- reading ------------------------------------------------------------------------------------
def _getc_staged(m: "Machine", stream: int) -> int:
    st = get_stream(m, stream)
    if st is None:
        return EOF
    c = getc(m, st)
    stage_read(m, st)
    return c


@cdecl("msvcrt")
def _exeplay_fgetc(m: "Machine", stream: PTR) -> INT:
    """fgetc/getc/getchar when the guest's read window is empty: next byte (or EOF), then a new window."""
    return _getc_staged(m, stream)


@cdecl("msvcrt")
def _fgetchar(m: "Machine") -> INT:
    """getc(stdin)."""
    return _getc_staged(m, iob(m))


@cdecl("msvcrt")
def _filbuf(m: "Machine", stream: PTR) -> INT:
    """Refill for the getc macro: the next byte, with the following ones lent through _ptr/_cnt."""
    return _getc_staged(m, stream)


@cdecl("msvcrt")
def _getw(m: "Machine", stream: PTR) -> INT:
    """Read a binary int; EOF at end."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    b = read_bytes(m, st, 4)
    if len(b) < 4:
        return EOF
    return struct.unpack("<i", b)[0]


@cdecl("msvcrt")
def ungetc(m: "Machine", c: INT, stream: PTR) -> INT:
    """Push a byte back; the next read returns it. EOF cannot be pushed."""
    st = get_stream(m, stream)
    if st is None or c == EOF:
        return EOF
    if st.wbuf:
        flush(m, st)
    st.ungot.append(c & 0xFF)
    clear_flag(m, st, IOEOF)
    return c & 0xFF


@cdecl("msvcrt")
def fgets(m: "Machine", string: PTR, n: INT, stream: PTR) -> PTR:
    """Read a line (at most n-1 bytes, keeping the LF); NULL at EOF with nothing read."""
    st = get_stream(m, stream)
    if st is None or n <= 0:
        return 0
    if n == 1:
        m.mem.w8(string, 0)
        return string
    data = read_line(m, st, n - 1)
    if not data:
        return 0
    m.mem.write(string, data + b"\0")
    return string


@cdecl("msvcrt")
def gets(m: "Machine", buffer: PTR) -> PTR:
    """Read a line from stdin without its LF; NULL at EOF."""
    st = get_stream(m, iob(m))
    if st is None:
        return 0
    data = read_line(m, st, 1 << 20)
    if not data:
        return 0
    if data.endswith(b"\n"):
        data = data[:-1]
    m.mem.write(buffer, data + b"\0")
    return buffer


@cdecl("msvcrt")
def fread(m: "Machine", buffer: PTR, size: UINT, count: UINT, stream: PTR) -> UINT:
    """Read up to count items of size bytes; returns the number of whole items read."""
    st = get_stream(m, stream)
    if st is None or size == 0 or count == 0:
        return 0
    total = size * count
    data = read_bytes(m, st, total)
    if data:
        m.mem.write(buffer, data)
    return len(data) // size


# ---- writing ------------------------------------------------------------------------------------
def _putc(m: "Machine", c: int, stream: int) -> int:
    st = get_stream(m, stream)
    if st is None:
        return EOF
    return c & 0xFF if write_bytes(m, st, bytes((c & 0xFF,))) else EOF


@cdecl("msvcrt")
def _exeplay_fputc(m: "Machine", c: INT, stream: PTR) -> INT:
    """fputc/putc/putchar when the guest's write window is full or absent."""
    return _putc(m, c, stream)


@cdecl("msvcrt")
def _fputchar(m: "Machine", c: INT) -> INT:
    """putc(c, stdout)."""
    return _putc(m, c, iob(m) + FILE_SIZE)


@cdecl("msvcrt")
def _flsbuf(m: "Machine", ch: INT, stream: PTR) -> INT:
    """Flush for the putc macro: writes ch and lends the guest a new window; ch or EOF."""
    return _putc(m, ch, stream)


@cdecl("msvcrt")
def _putw(m: "Machine", binint: INT, stream: PTR) -> INT:
    """Write a binary int; returns it, or EOF."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    return binint if write_bytes(m, st, struct.pack("<i", binint)) else EOF


@cdecl("msvcrt")
def fputs(m: "Machine", string: PTR, stream: PTR) -> INT:
    """Write a string (no LF added); 0 or EOF."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    return 0 if write_bytes(m, st, m.mem.cstr_bytes(string)) else EOF


@cdecl("msvcrt")
def puts(m: "Machine", string: PTR) -> INT:
    """Write a string and a LF to stdout; 0 or EOF."""
    st = get_stream(m, iob(m) + FILE_SIZE)
    if st is None:
        return EOF
    return 0 if write_bytes(m, st, m.mem.cstr_bytes(string) + b"\n") else EOF


@cdecl("msvcrt")
def fwrite(m: "Machine", buffer: PTR, size: UINT, count: UINT, stream: PTR) -> UINT:
    """Write count items of size bytes; returns the number of items written."""
    st = get_stream(m, stream)
    if st is None or size == 0 or count == 0:
        return 0
    ok = write_bytes(m, st, m.mem.read(buffer, size * count))
    return count if ok else 0


# ---- positioning and state ----------------------------------------------------------------------
@cdecl("msvcrt")
def fflush(m: "Machine", stream: PTR) -> INT:
    """Write a stream's buffered output (all streams for NULL); 0 or EOF."""
    if stream == 0:
        flush_all(m)
        return 0
    st = get_stream(m, stream)
    if st is None:
        return EOF
    r = flush(m, st)
    if not r:
        # msvcrt discards buffered input (the file position stays after it: typed-ahead console input is gone)
        st.rbuf, st.rpos, st.crlf, st.pend = b"", 0, [], b""
        st.ungot.clear()
        if st.flag & IORW:
            st.flag &= ~(IOREAD | IOWRT)
    return r


@cdecl("msvcrt")
def _flushall(m: "Machine") -> INT:
    """Flush every stream; returns the number of open streams."""
    flush_all(m)
    return len(streams(m))


@cdecl("msvcrt")
def fseek(m: "Machine", stream: PTR, offset: LONG, origin: INT) -> INT:
    """Move the stream position (SEEK_SET/CUR/END); clears EOF; 0 or -1."""
    st = get_stream(m, stream)
    return -1 if st is None else seek(m, st, offset, origin)


@cdecl("msvcrt")
def _fseeki64(m: "Machine", stream: PTR, offset: QWORD, origin: INT) -> INT:
    """64-bit fseek."""
    st = get_stream(m, stream)
    off = offset
    if off >> 63:
        off -= 1 << 64
    return -1 if st is None else seek(m, st, off, origin)


@cdecl("msvcrt")
def ftell(m: "Machine", stream: PTR) -> LONG:
    """Current stream position, or -1."""
    st = get_stream(m, stream)
    return -1 if st is None else tell(m, st)


@cdecl("msvcrt")
def _ftelli64(m: "Machine", stream: PTR) -> QWORD:
    """64-bit ftell."""
    st = get_stream(m, stream)
    return 0xFFFFFFFFFFFFFFFF if st is None else tell(m, st) & 0xFFFFFFFFFFFFFFFF


@cdecl("msvcrt")
def fgetpos(m: "Machine", stream: PTR, pos: PTR) -> INT:
    """Store the position (a 64-bit fpos_t); 0 or nonzero."""
    st = get_stream(m, stream)
    if st is None:
        return -1
    p = tell(m, st)
    if p < 0:
        return -1
    m.mem.w64(pos, p)
    return 0


@cdecl("msvcrt")
def fsetpos(m: "Machine", stream: PTR, pos: PTR) -> INT:
    """Restore a position saved by fgetpos."""
    st = get_stream(m, stream)
    if st is None:
        return -1
    return seek(m, st, m.mem.u64(pos), 0)


@cdecl("msvcrt")
def rewind(m: "Machine", stream: PTR) -> None:
    """fseek(stream, 0, SEEK_SET) and clear the error flag."""
    st = get_stream(m, stream)
    if st is not None:
        seek(m, st, 0, 0)
        clear_flag(m, st, IOERR | IOEOF)


@cdecl("msvcrt")
def feof(m: "Machine", stream: PTR) -> INT:
    """Nonzero once a read hit end of file."""
    st = get_stream(m, stream)
    return 0 if st is None else st.flag & IOEOF


@cdecl("msvcrt")
def ferror(m: "Machine", stream: PTR) -> INT:
    """Nonzero after an I/O error."""
    st = get_stream(m, stream)
    return 0 if st is None else st.flag & IOERR


@cdecl("msvcrt")
def clearerr(m: "Machine", stream: PTR) -> None:
    """Clear the EOF and error flags."""
    st = get_stream(m, stream)
    if st is not None:
        clear_flag(m, st, IOEOF | IOERR)


@cdecl("msvcrt")
def _fileno(m: "Machine", stream: PTR) -> INT:
    """The file descriptor of a stream."""
    st = get_stream(m, stream)
    return -1 if st is None else st.fd


@cdecl("msvcrt")
def setvbuf(m: "Machine", stream: PTR, buffer: PTR, mode: INT, size: UINT) -> INT:
    """Choose full (_IOFBF), line (_IOLBF, same as full in msvcrt) or no buffering; 0 or -1."""
    st = get_stream(m, stream)
    if st is None:
        return -1
    if mode == IONBF_MODE:
        set_buffer(m, st, st.bufsize, True)
        st.flag = (st.flag & ~(IOMYBUF | IOYOURBUF | IOSETVBUF)) | IONBF
    elif mode in (IOFBF_MODE, IOLBF_MODE):
        if size < 2 or size > 0x7FFFFFFF:
            set_errno(m, EINVAL)
            return -1
        set_buffer(m, st, size & ~1, False)
        st.flag = (st.flag & ~IONBF) | (IOYOURBUF if buffer else IOMYBUF) | IOSETVBUF
    else:
        set_errno(m, EINVAL)
        return -1
    sync(m, st)
    return 0


@cdecl("msvcrt")
def setbuf(m: "Machine", stream: PTR, buffer: PTR) -> None:
    """setvbuf(stream, buffer, buffer ? _IOFBF : _IONBF, BUFSIZ)."""
    setvbuf(m, stream, buffer, IOFBF_MODE if buffer else IONBF_MODE, 512)


native("msvcrt", "__iob_func", "mov eax, {export:_iob}; ret", doc="address of _iob (stdin, stdout, stderr, ...)")


def _init_iob(m: "Machine", addr: int) -> None:
    for i, flag in ((0, IOREAD), (1, IOWRT), (2, IOWRT | IONBF)):
        m.mem.pack("<IiIiiiiI", addr + FILE_SIZE * i, 0, 0, 0, flag, i, 0, BUFSIZE, 0)


data_export("msvcrt", "_iob", FILE_SIZE * NIOB, _init_iob)
