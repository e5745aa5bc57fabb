"""msvcrt: the machinery behind FILE* streams (stdio.py declares the functions).

Each guest FILE (the 32-byte msvcrt ``_iobuf``: _ptr, _cnt, _base, _flag, _file, _charbuf, _bufsiz,
_tmpfname) has a Python ``Stream`` holding its buffers; ``_flag`` and ``_file`` are kept current for the
feof/ferror/_fileno macros of MSVC headers.

Character I/O without a trap: like msvcrt, a stream lends the guest a window in guest memory through
_ptr/_cnt/_base, so the getc/putc macros of MSVC headers and the guest-code fgetc/fputc below work on it
directly. A write window collects up to the space left in the 4 KiB buffer; a read window holds the
next buffered (already translated) bytes. Every Python operation first takes the window back
(``absorb``); _filbuf/_flsbuf and the slow paths run when a window is exhausted. Unbuffered streams
(stderr, console output) never get a write window: every call writes through.

Text streams translate CR LF <-> LF and stop at Ctrl+Z. Buffered output is written in whole multiples
of the buffer size, as msvcrt's 4 KiB buffer does, so output interleaves like it does on Windows.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..api import native
from .crt import EBADF, EINVAL, crt, heap, set_errno
from .io import FDEV, FTEXT, Fd, fd_close, fd_seek, fds, raw_read, raw_write

if TYPE_CHECKING:
    from ..machine import Machine

IOREAD, IOWRT, IONBF, IOMYBUF, IOEOF, IOERR, IOSTRG, IORW = 1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80
IOYOURBUF, IOSETVBUF = 0x100, 0x400
BUFSIZE = 4096
NIOB = 20
FILE_SIZE = 32
EOF = -1


class Stream:
    __slots__ = ("addr", "fd", "flag", "rbuf", "rpos", "crlf", "pend", "ungot", "wbuf", "bufsize", "autoflush",
                 "tmpfname", "hard_eof", "gbuf", "stage")

    def __init__(self, addr: int, fd: int, flag: int, autoflush: bool = False) -> None:
        self.addr = addr
        self.fd = fd
        self.flag = flag
        self.rbuf = b""  # translated read buffer
        self.rpos = 0
        self.crlf: list[int] = []  # indices in rbuf of LFs that were CR LF in the file
        self.pend = b""  # raw bytes read ahead (a CR whose successor is not known yet)
        self.ungot = bytearray()  # ungetc stack
        self.wbuf = bytearray()  # pending output, untranslated
        self.bufsize = BUFSIZE
        self.autoflush = autoflush
        self.tmpfname = 0
        self.hard_eof = False  # Ctrl+Z seen in a text file
        self.gbuf = 0  # guest memory for the character window
        self.stage = ""  # "", "r" or "w": the window lent to the guest


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
            tty = fdo is not None and bool(fdo.flags & FDEV) and _is_console(m, fdo)
            st = Stream(base + FILE_SIZE * i, i, flag, autoflush=(i == 2 or (i == 1 and tty)))
            if i == 2:
                st.flag |= IONBF
            t[st.addr] = st
            sync(m, st)
    return t  # type: ignore[no-any-return]


def _is_console(m: "Machine", fdo: Fd) -> bool:
    """A character device that shows output (a terminal), not a sink like NUL or /dev/null, whose output
    nobody can watch arrive: those may as well be buffered."""
    from .io import file_of  # noqa: PLC0415
    f = file_of(m, fdo)
    return f is None or f.is_console


def sync(m: "Machine", st: Stream) -> None:
    """Rewrite the guest FILE (no window lent)."""
    m.mem.pack("<IiIiiiiI", st.addr, 0, 0, 0, st.flag, st.fd, 0, st.bufsize, st.tmpfname)


def set_flag(m: "Machine", st: Stream, bits: int) -> None:
    st.flag |= bits
    m.mem.w32(st.addr + 12, st.flag)


def clear_flag(m: "Machine", st: Stream, bits: int) -> None:
    st.flag &= ~bits
    m.mem.w32(st.addr + 12, st.flag)


def absorb(m: "Machine", st: Stream) -> None:
    """Take back the window lent to the guest: bytes it wrote join the output, bytes it read are consumed."""
    if st.stage:
        ptr = m.mem.u32(st.addr)
        n = ptr - st.gbuf
        if st.stage == "w":
            if n > 0:
                st.wbuf += m.mem.read(st.gbuf, n)
        elif n > 0:
            st.rpos += n
        st.stage = ""
        m.mem.pack("<IiI", st.addr, 0, 0, 0)


def get_stream(m: "Machine", fp: int) -> Stream | None:
    st = streams(m).get(fp)
    if st is None:
        set_errno(m, EINVAL)
        return None
    if st.stage:
        absorb(m, st)
    # the guest may have changed _flag (EOF/error bits); pick that up
    g = m.mem.s32(fp + 12)
    if g != st.flag and (g ^ st.flag) & ~(IOEOF | IOERR) == 0:
        st.flag = g
    return st


def _window(m: "Machine", st: Stream) -> int:
    if not st.gbuf:
        st.gbuf = heap(m).alloc(st.bufsize)
    return st.gbuf


def stage_write(m: "Machine", st: Stream) -> None:
    """Lend the guest the rest of the output buffer (buffered, writing streams only)."""
    if st.autoflush or st.stage or not st.flag & (IOWRT | IORW) or st.rbuf or st.ungot or st.pend:
        return
    room = st.bufsize - len(st.wbuf)
    if room <= 0:
        return
    g = _window(m, st)
    st.stage = "w"
    m.mem.pack("<IiI", st.addr, g, room, g)


def stage_read(m: "Machine", st: Stream) -> None:
    """Lend the guest the buffered input that follows."""
    if st.stage or st.ungot:
        return
    n = min(len(st.rbuf) - st.rpos, st.bufsize)
    if n <= 0:
        return
    g = _window(m, st)
    m.mem.write(g, st.rbuf[st.rpos:st.rpos + n])
    st.stage = "r"
    m.mem.pack("<IiI", st.addr, g, n, g)


# ---- output -------------------------------------------------------------------------------------
def _fdo(m: "Machine", st: Stream) -> Fd | None:
    t = fds(m)
    return t[st.fd] if 0 <= st.fd < len(t) else None


def _emit(m: "Machine", st: Stream, data: bytes) -> int:
    fdo = _fdo(m, st)
    if fdo is not None and fdo.flags & FTEXT and b"\n" in data:
        data = data.replace(b"\n", b"\r\n")
    r = raw_write(m, fdo, data) if fdo is not None else None
    if r is None:
        set_flag(m, st, IOERR)
        return EOF
    return 0


def flush(m: "Machine", st: Stream) -> int:
    """Write all pending output; 0 or EOF (sets the error flag)."""
    if st.stage:
        absorb(m, st)
    if not st.wbuf:
        return 0
    data = bytes(st.wbuf)
    st.wbuf.clear()
    return _emit(m, st, data)


def _drop_read(m: "Machine", st: Stream) -> None:
    """Forget read-ahead, moving the file position back to the logical position."""
    unread = _unread_raw(m, st)
    st.rbuf, st.rpos, st.crlf, st.pend = b"", 0, [], b""
    st.ungot.clear()
    if unread:
        fdo = _fdo(m, st)
        if fdo is not None and fdo.flags & 0x48 == 0:  # not a pipe/device
            fd_seek(m, fdo, -unread, 1)


def _unread_raw(m: "Machine", st: Stream) -> int:
    n = len(st.rbuf) - st.rpos
    if st.crlf:
        n += len(st.crlf) - bisect.bisect_left(st.crlf, st.rpos)
    return n + len(st.pend) + len(st.ungot)


def write_bytes(m: "Machine", st: Stream, data: bytes) -> bool:
    """Append output; full buffers go out in multiples of the buffer size. False on error."""
    if st.stage:
        absorb(m, st)
    if st.rbuf or st.pend or st.ungot:
        _drop_read(m, st)
    if st.flag & IORW:
        st.flag |= IOWRT
        st.flag &= ~IOREAD
    elif not st.flag & IOWRT:
        set_flag(m, st, IOERR)
        set_errno(m, EBADF)
        return False
    if _fdo(m, st) is None:
        set_flag(m, st, IOERR)
        set_errno(m, EBADF)
        return False
    st.wbuf += data
    if st.autoflush:
        return flush(m, st) == 0
    if len(st.wbuf) >= st.bufsize:
        k = len(st.wbuf) // st.bufsize * st.bufsize
        chunk = bytes(st.wbuf[:k])
        del st.wbuf[:k]
        if _emit(m, st, chunk):
            return False
    stage_write(m, st)
    return True


# ---- input --------------------------------------------------------------------------------------
def fill(m: "Machine", st: Stream) -> bool:
    """Refill the read buffer; False at end of file or on error (flags set)."""
    if st.wbuf or st.stage == "w":
        if flush(m, st):
            return False
    if st.flag & IORW:
        st.flag |= IOREAD
        st.flag &= ~IOWRT
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
        if out is not None and out.autoflush and (out.wbuf or out.stage):
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
                    and st.flag & (IOREAD | IORW) and not st.hard_eof:
                if st.flag & IORW:
                    st.flag = (st.flag | IOREAD) & ~IOWRT
                data = raw_read(m, fdo, need - need % st.bufsize)
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


# ---- position -----------------------------------------------------------------------------------
def tell(m: "Machine", st: Stream) -> int:
    if st.stage:
        absorb(m, st)
    fdo = _fdo(m, st)
    if fdo is None:
        set_errno(m, EBADF)
        return -1
    pos = fd_seek(m, fdo, 0, 1)
    if pos < 0:
        return -1
    if st.wbuf:
        extra = st.wbuf.count(b"\n") if fdo.flags & FTEXT else 0
        return pos + len(st.wbuf) + extra
    return max(0, pos - _unread_raw(m, st))


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


def flush_all(m: "Machine") -> int:
    n = 0
    for st in list(streams(m).values()):
        if st.wbuf or st.stage == "w":
            flush(m, st)
            n += 1
    return n


def mode_changed(m: "Machine", fd: int) -> None:
    """_setmode: output buffered so far is written under the old mode."""
    for st in streams(m).values():
        if st.fd == fd and (st.wbuf or st.stage == "w"):
            flush(m, st)
            stage_write(m, st)


# ---- opening and closing -------------------------------------------------------------------------
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
    st = Stream(a, fd, sflag, autoflush=bool(fdo and fdo.flags & FDEV and _is_console(m, fdo)))
    streams(m)[a] = st
    sync(m, st)
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
    if st.gbuf:
        heap(m).free(st.gbuf)
    base = iob(m)
    if base <= st.addr < base + FILE_SIZE * NIOB:
        m.mem.write(st.addr, bytes(FILE_SIZE))
    else:
        heap(m).free(st.addr)
    return r


def set_buffer(m: "Machine", st: Stream, size: int, unbuffered: bool) -> None:
    """setvbuf: write out pending output and switch the buffering."""
    flush(m, st)
    if st.gbuf and size != st.bufsize:
        heap(m).free(st.gbuf)
        st.gbuf = 0
    st.autoflush = unbuffered
    if not unbuffered:
        st.bufsize = size


# ---- character I/O in guest code -------------------------------------------------------------------
D = "msvcrt"
# Slots in the window are reserved with lock xadd (first _cnt, then _ptr), so a thread switch between the
# instructions cannot make two threads use the same byte.
_PUT = """
    mov ecx, dword ptr [esp+8]
    mov eax, -1
    lock xadd dword ptr [ecx+4], eax
    test eax, eax
    jle slow
    mov edx, 1
    lock xadd dword ptr [ecx], edx
    mov eax, dword ptr [esp+4]
    mov byte ptr [edx], al
    movzx eax, al
    ret
slow:
    lock inc dword ptr [ecx+4]
    jmp {stub:_exeplay_fputc}
"""
native(D, "fputc", _PUT, doc="write a byte; it or EOF")
native(D, "putc", _PUT, doc="same as fputc")
native(D, "putchar", """
    mov ecx, {export:_iob}
    add ecx, 32
    mov eax, -1
    lock xadd dword ptr [ecx+4], eax
    test eax, eax
    jle slow
    mov edx, 1
    lock xadd dword ptr [ecx], edx
    mov eax, dword ptr [esp+4]
    mov byte ptr [edx], al
    movzx eax, al
    ret
slow:
    lock inc dword ptr [ecx+4]
    push ecx
    push dword ptr [esp+8]
    call {stub:_exeplay_fputc}
    add esp, 8
    ret
""", doc="putc(c, stdout)")
_GET = """
    mov ecx, dword ptr [esp+4]
    mov eax, -1
    lock xadd dword ptr [ecx+4], eax
    test eax, eax
    jle slow
    mov edx, 1
    lock xadd dword ptr [ecx], edx
    movzx eax, byte ptr [edx]
    ret
slow:
    lock inc dword ptr [ecx+4]
    jmp {stub:_exeplay_fgetc}
"""
native(D, "fgetc", _GET, doc="next byte as unsigned char, or EOF")
native(D, "getc", _GET, doc="same as fgetc")
native(D, "getchar", """
    mov ecx, {export:_iob}
    mov eax, -1
    lock xadd dword ptr [ecx+4], eax
    test eax, eax
    jle slow
    mov edx, 1
    lock xadd dword ptr [ecx], edx
    movzx eax, byte ptr [edx]
    ret
slow:
    lock inc dword ptr [ecx+4]
    push ecx
    call {stub:_exeplay_fgetc}
    add esp, 4
    ret
""", doc="getc(stdin)")
