"""msvcrt: FILE* streams (fopen/fread/fwrite/fgets/fseek/...).

Each guest FILE (the 32-byte msvcrt ``_iobuf``: _ptr, _cnt, _base, _flag, _file, _charbuf, _bufsiz,
_tmpfname) has a Python ``Stream`` holding its buffers. The guest struct keeps ``_cnt`` at 0 so the
getc/putc macros of MSVC headers always call _filbuf/_flsbuf, and ``_flag``/``_file`` are kept current
for the feof/ferror/_fileno macros. Text streams translate CR LF <-> LF and stop at Ctrl+Z like msvcrt.
Buffering follows msvcrt: stdout to a file or pipe is fully buffered (4 KiB), stdout to a console and
stderr are written at the end of each call.
"""
from __future__ import annotations

import bisect
import struct
from typing import TYPE_CHECKING

from ..api import INT, LONG, LPCSTR, LPCWSTR, PTR, QWORD, UINT, cdecl, data_export
from .crt import EBADF, EINVAL, crt, heap, set_errno
from .io import (FDEV, FTEXT, O_APPEND, O_BINARY, O_CREAT, O_RDONLY, O_RDWR, O_TEMPORARY, O_TEXT, O_TRUNC,
                 O_WRONLY, Fd, fd_close, fd_seek, fds, get_fd, open_path, raw_read, raw_write)

if TYPE_CHECKING:
    from ..machine import Machine

IOREAD, IOWRT, IONBF, IOMYBUF, IOEOF, IOERR, IOSTRG, IORW = 1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80
IOYOURBUF, IOSETVBUF = 0x100, 0x400
IOFBF_MODE, IOLBF_MODE, IONBF_MODE = 0, 0x40, 4
BUFSIZE = 4096
NIOB = 20
FILE_SIZE = 32
EOF = -1


class Stream:
    __slots__ = ("addr", "fd", "flag", "rbuf", "rpos", "crlf", "pend", "ungot", "wbuf", "bufsize", "autoflush",
                 "tmpfname", "hard_eof")

    def __init__(self, addr: int, fd: int, flag: int, autoflush: bool = False) -> None:
        self.addr = addr
        self.fd = fd
        self.flag = flag
        self.rbuf = b""  # translated read buffer
        self.rpos = 0
        self.crlf: list[int] = []  # indices in rbuf of LFs that were CR LF in the file
        self.pend = b""  # raw bytes read ahead (a CR whose successor is not known yet)
        self.ungot = bytearray()  # ungetc stack
        self.wbuf = bytearray()  # raw (already translated) pending output
        self.bufsize = BUFSIZE
        self.autoflush = autoflush
        self.tmpfname = 0
        self.hard_eof = False  # Ctrl+Z seen in a text file


def iob(m: "Machine") -> int:
    c = crt(m)
    a = c.extra.get("iob")
    if a is None:
        a = m.proc.export_addr("msvcrt", "_iob")
        c.extra["iob"] = a
    return a  # type: ignore[no-any-return]


def streams(m: "Machine") -> dict[int, Stream]:
    c = crt(m)
    t = c.extra.get("streams")
    if t is None:
        t = {}
        c.extra["streams"] = t
        # like msvcrt's DLL_PROCESS_DETACH: buffered output is written when the process ends any other way
        m.state.setdefault("exit_hooks", []).append(lambda: flush_all(m))
        base = iob(m)
        t2 = fds(m)
        for i, flag in ((0, IOREAD), (1, IOWRT), (2, IOWRT)):
            fdo = t2[i]
            tty = fdo is not None and bool(fdo.flags & FDEV)
            st = Stream(base + FILE_SIZE * i, i, flag, autoflush=(i == 2 or (i == 1 and tty)))
            if i == 2:
                st.flag |= IONBF
            t[st.addr] = st
            sync(m, st)
    return t  # type: ignore[no-any-return]


def sync(m: "Machine", st: Stream) -> None:
    m.mem.pack("<IiIiiiiI", st.addr, 0, 0, 0, st.flag, st.fd, 0, st.bufsize, st.tmpfname)


def set_flag(m: "Machine", st: Stream, bits: int) -> None:
    st.flag |= bits
    m.mem.w32(st.addr + 12, st.flag)


def clear_flag(m: "Machine", st: Stream, bits: int) -> None:
    st.flag &= ~bits
    m.mem.w32(st.addr + 12, st.flag)


def get_stream(m: "Machine", fp: int) -> Stream | None:
    st = streams(m).get(fp)
    if st is None:
        set_errno(m, EINVAL)
    else:
        # the guest may have touched _flag (clearerr macros, _IOEOF tests); pick up EOF/ERR changes
        g = m.mem.s32(fp + 12)
        if g != st.flag and (g ^ st.flag) & ~(IOEOF | IOERR) == 0:
            st.flag = g
    return st


# ---- buffer mechanics -------------------------------------------------------------------------
def _fdo(m: "Machine", st: Stream) -> Fd | None:
    t = fds(m)
    return t[st.fd] if 0 <= st.fd < len(t) else None


def flush(m: "Machine", st: Stream) -> int:
    """Write pending output; 0 or EOF (sets the error flag)."""
    if not st.wbuf:
        return 0
    data = bytes(st.wbuf)
    st.wbuf.clear()
    fdo = _fdo(m, st)
    r = raw_write(m, fdo, data) if fdo is not None else None
    if r is None:
        set_flag(m, st, IOERR)
        return EOF
    return 0


def _drop_read(m: "Machine", st: Stream) -> None:
    """Forget read-ahead, moving the file position back to the logical position."""
    unread = _unread_raw(st)
    st.rbuf, st.rpos, st.crlf, st.pend = b"", 0, [], b""
    st.ungot.clear()
    if unread:
        fdo = _fdo(m, st)
        if fdo is not None and fdo.flags & 0x48 == 0:  # not a pipe/device
            fd_seek(m, fdo, -unread, 1)


def _unread_raw(st: Stream) -> int:
    n = len(st.rbuf) - st.rpos
    if st.crlf:
        n += len(st.crlf) - bisect.bisect_left(st.crlf, st.rpos)
    return n + len(st.pend) + len(st.ungot)


def write_bytes(m: "Machine", st: Stream, data: bytes) -> bool:
    """Append output to the stream; False on error."""
    if st.rbuf or st.pend or st.ungot:
        _drop_read(m, st)
    if st.flag & IORW:
        st.flag |= IOWRT
    elif not st.flag & IOWRT:
        set_flag(m, st, IOERR)
        set_errno(m, EBADF)
        return False
    fdo = _fdo(m, st)
    if fdo is None:
        set_flag(m, st, IOERR)
        set_errno(m, EBADF)
        return False
    if fdo.flags & FTEXT and b"\n" in data:
        data = data.replace(b"\n", b"\r\n")
    st.wbuf += data
    if st.autoflush or len(st.wbuf) >= st.bufsize:
        return flush(m, st) == 0
    return True


def fill(m: "Machine", st: Stream) -> bool:
    """Refill the read buffer; False at end of file or on error (flags set)."""
    if st.wbuf:
        if flush(m, st):
            return False
    if st.flag & IORW:
        st.flag |= IOREAD
    elif not st.flag & IOREAD:
        set_flag(m, st, IOERR)
        set_errno(m, EBADF)
        return False
    fdo = _fdo(m, st)
    if fdo is None:
        set_flag(m, st, IOERR)
        set_errno(m, EBADF)
        return False
    if st.hard_eof:
        set_flag(m, st, IOEOF)
        return False
    if st.fd == 0 or fdo.flags & FDEV:
        # reading interactive input: pending console output goes first, as on a real console
        out = streams(m).get(iob(m) + FILE_SIZE)
        if out is not None and out.wbuf and out.autoflush:
            flush(m, out)
    raw = raw_read(m, fdo, st.bufsize)
    if raw is None:
        set_flag(m, st, IOERR)
        return False
    if st.pend:
        raw = st.pend + raw
        st.pend = b""
    st.rpos = 0
    st.crlf = []
    if not raw:
        st.rbuf = b""
        set_flag(m, st, IOEOF)
        return False
    if fdo.flags & FTEXT:
        z = raw.find(b"\x1a")
        if z >= 0:
            raw = raw[:z]
            if not fdo.flags & FDEV:
                st.hard_eof = True
        if raw.endswith(b"\r") and z < 0:
            more = raw_read(m, fdo, 1)
            if more:
                raw += more
                if more == b"\r":
                    st.pend = b"\r"
                    raw = raw[:-1]
        if b"\r\n" in raw:
            parts = raw.split(b"\r\n")
            pos = -1
            for p in parts[:-1]:
                pos += len(p) + 1
                st.crlf.append(pos)
            raw = b"\n".join(parts)
        if not raw:
            st.rbuf = b""
            set_flag(m, st, IOEOF)
            return False
    st.rbuf = raw
    return True


def getc(m: "Machine", st: Stream) -> int:
    if st.ungot:
        return st.ungot.pop()
    if st.rpos >= len(st.rbuf) and not fill(m, st):
        return EOF
    c = st.rbuf[st.rpos]
    st.rpos += 1
    return c


def read_bytes(m: "Machine", st: Stream, n: int) -> bytes:
    """Up to n bytes (fewer only at end of file or on error)."""
    out = bytearray()
    while st.ungot and len(out) < n:
        out.append(st.ungot.pop())
    while len(out) < n:
        if st.rpos >= len(st.rbuf):
            fdo = _fdo(m, st)
            need = n - len(out)
            if need >= st.bufsize and fdo is not None and not fdo.flags & FTEXT and not st.pend and not st.wbuf \
                    and st.flag & (IOREAD | IORW):
                st.flag |= IOREAD if st.flag & IORW else 0
                data = raw_read(m, fdo, need)
                if data is None:
                    set_flag(m, st, IOERR)
                    break
                if not data:
                    set_flag(m, st, IOEOF)
                    break
                out += data
                continue
            if not fill(m, st):
                break
        take = min(n - len(out), len(st.rbuf) - st.rpos)
        out += st.rbuf[st.rpos:st.rpos + take]
        st.rpos += take
    return bytes(out)


def read_line(m: "Machine", st: Stream, limit: int) -> bytes:
    """fgets: up to limit bytes, through the first LF."""
    out = bytearray()
    while st.ungot and len(out) < limit:
        c = st.ungot.pop()
        out.append(c)
        if c == 10:
            return bytes(out)
    while len(out) < limit:
        if st.rpos >= len(st.rbuf) and not fill(m, st):
            break
        end = min(len(st.rbuf), st.rpos + limit - len(out))
        i = st.rbuf.find(b"\n", st.rpos, end)
        if i >= 0:
            out += st.rbuf[st.rpos:i + 1]
            st.rpos = i + 1
            break
        out += st.rbuf[st.rpos:end]
        st.rpos = end
    return bytes(out)


def tell(m: "Machine", st: Stream) -> int:
    fdo = _fdo(m, st)
    if fdo is None:
        set_errno(m, EBADF)
        return -1
    pos = fd_seek(m, fdo, 0, 1)
    if pos < 0:
        return -1
    if st.wbuf:
        return pos + len(st.wbuf)
    return max(0, pos - _unread_raw(st))


def seek(m: "Machine", st: Stream, off: int, whence: int) -> int:
    if whence not in (0, 1, 2):
        set_errno(m, EINVAL)
        return -1
    if whence == 1:
        cur = tell(m, st)
        if cur < 0:
            return -1
        off, whence = cur + off, 0
    if flush(m, st):
        return -1
    st.rbuf, st.rpos, st.crlf, st.pend = b"", 0, [], b""
    st.ungot.clear()
    st.hard_eof = False
    clear_flag(m, st, IOEOF)
    if st.flag & IORW:
        st.flag &= ~(IOREAD | IOWRT)
    fdo = _fdo(m, st)
    if fdo is None:
        set_errno(m, EBADF)
        return -1
    return 0 if fd_seek(m, fdo, off, whence) >= 0 else -1


def after_call(m: "Machine", st: Stream) -> None:
    """Unbuffered streams are written out at the end of each call."""
    if st.wbuf and st.autoflush:
        flush(m, st)


def flush_all(m: "Machine") -> int:
    n = 0
    for st in list(streams(m).values()):
        if st.wbuf:
            flush(m, st)
            n += 1
    return n


def mode_changed(m: "Machine", fd: int) -> None:
    """_setmode: output already buffered was translated under the old mode; write it out first."""
    for st in streams(m).values():
        if st.fd == fd and st.wbuf:
            flush(m, st)


# ---- opening and closing -------------------------------------------------------------------------
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


def new_file(m: "Machine") -> int:
    """A free FILE: one of _iob[3..19] first, then a heap FILE followed by its lock."""
    t = streams(m)
    base = iob(m)
    for i in range(3, NIOB):
        a = base + FILE_SIZE * i
        if a not in t:
            return a
    if len(t) >= crt(m).extra.get("maxstdio", 512):
        return 0
    a = heap(m).alloc(FILE_SIZE + 24, zero=True)
    m.mem.w32(a + FILE_SIZE + 4, 0xFFFFFFFF)  # CRITICAL_SECTION.LockCount
    return a


def open_stream(m: "Machine", fd: int, sflag: int, fp: int = 0) -> int:
    a = fp or new_file(m)
    if not a:
        set_errno(m, 24)
        return 0
    fdo = fds(m)[fd]
    st = Stream(a, fd, sflag, autoflush=bool(fdo and fdo.flags & FDEV))
    streams(m)[a] = st
    sync(m, st)
    return a


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


def close_stream(m: "Machine", st: Stream) -> int:
    r = flush(m, st)
    t = streams(m)
    t.pop(st.addr, None)
    if fd_close(m, st.fd) < 0:
        r = EOF
    if st.tmpfname:
        from .fs import remove_path  # noqa: PLC0415
        remove_path(m, m.mem.cstr(st.tmpfname, m.ansi))
        heap(m).free(st.tmpfname)
    base = iob(m)
    if base <= st.addr < base + FILE_SIZE * NIOB:
        m.mem.write(st.addr, bytes(FILE_SIZE))
    else:
        heap(m).free(st.addr)
    return r


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
            return open_stream(m, fd, IORW)
    return 0


# ---- reading ------------------------------------------------------------------------------------
@cdecl("msvcrt")
def fgetc(m: "Machine", stream: PTR) -> INT:
    """Next byte as unsigned char, or EOF."""
    st = get_stream(m, stream)
    return EOF if st is None else getc(m, st)


@cdecl("msvcrt", name="getc")
def getc_(m: "Machine", stream: PTR) -> INT:
    """Same as fgetc."""
    st = get_stream(m, stream)
    return EOF if st is None else getc(m, st)


@cdecl("msvcrt", name="_fgetchar")
def fgetchar_(m: "Machine") -> INT:
    """getc(stdin)."""
    st = get_stream(m, iob(m))
    return EOF if st is None else getc(m, st)


@cdecl("msvcrt")
def getchar(m: "Machine") -> INT:
    """getc(stdin)."""
    st = get_stream(m, iob(m))
    return EOF if st is None else getc(m, st)


@cdecl("msvcrt")
def _filbuf(m: "Machine", stream: PTR) -> INT:
    """Refill for the getc macro: returns the next byte (the FILE's _cnt stays 0)."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    m.mem.w32(stream + 4, 0)
    return getc(m, st)


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
def put(m: "Machine", st: Stream, data: bytes) -> bool:
    ok = write_bytes(m, st, data)
    return ok


@cdecl("msvcrt")
def fputc(m: "Machine", c: INT, stream: PTR) -> INT:
    """Write a byte; returns it, or EOF."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    return c & 0xFF if write_bytes(m, st, bytes((c & 0xFF,))) else EOF


@cdecl("msvcrt", name="putc")
def putc_(m: "Machine", c: INT, stream: PTR) -> INT:
    """Same as fputc."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    return c & 0xFF if write_bytes(m, st, bytes((c & 0xFF,))) else EOF


@cdecl("msvcrt")
def putchar(m: "Machine", c: INT) -> INT:
    """putc(c, stdout)."""
    st = get_stream(m, iob(m) + FILE_SIZE)
    if st is None:
        return EOF
    return c & 0xFF if write_bytes(m, st, bytes((c & 0xFF,))) else EOF


@cdecl("msvcrt", name="_fputchar")
def fputchar_(m: "Machine", c: INT) -> INT:
    """putc(c, stdout)."""
    return putchar(m, c)


@cdecl("msvcrt")
def _flsbuf(m: "Machine", ch: INT, stream: PTR) -> INT:
    """Flush for the putc macro: writes ch (the FILE's _cnt stays 0); returns it, or EOF."""
    st = get_stream(m, stream)
    if st is None:
        return EOF
    m.mem.w32(stream + 4, 0)
    return ch & 0xFF if write_bytes(m, st, bytes((ch & 0xFF,))) else EOF


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
    if not r and (st.rbuf or st.pend or st.ungot):
        _drop_read(m, st)
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
        flush(m, st)
        st.autoflush = True
        st.flag = (st.flag & ~(IOMYBUF | IOYOURBUF | IOSETVBUF)) | IONBF
    elif mode in (IOFBF_MODE, IOLBF_MODE):
        if size < 2 or size > 0x7FFFFFFF:
            set_errno(m, EINVAL)
            return -1
        flush(m, st)
        st.autoflush = False
        st.bufsize = size & ~1
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


@cdecl("msvcrt")
def __iob_func(m: "Machine") -> PTR:
    """Address of _iob (stdin, stdout, stderr, ...)."""
    streams(m)
    return iob(m)


def _init_iob(m: "Machine", addr: int) -> None:
    for i, flag in ((0, IOREAD), (1, IOWRT), (2, IOWRT | IONBF)):
        m.mem.pack("<IiIiiiiI", addr + FILE_SIZE * i, 0, 0, 0, flag, i, 0, BUFSIZE, 0)


data_export("msvcrt", "_iob", FILE_SIZE * NIOB, _init_iob)
