"""msvcrt: low-level I/O on file descriptors (_open/_read/_write/_lseek/...), each fd wrapping a Win32
handle as msvcrt's lowio does, with text-mode CR LF translation and Ctrl+Z end of file."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..api import DWORD, INT, LONG, LPCSTR, LPCWSTR, PTR, QWORD, UINT, cdecl
from ..kernel32 import file as k32file
from ..kernel32.console import console_read, std_handle
from ..kernel32.fileobj import File, NullDevice, win_error
from ..objects import INVALID_HANDLE_VALUE
from .crt import EBADF, EINVAL, EMFILE, ESPIPE, crt, dosmaperr, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

# _open flags
O_RDONLY, O_WRONLY, O_RDWR, O_APPEND = 0, 1, 2, 8
O_TEMPORARY, O_NOINHERIT, O_CREAT, O_TRUNC, O_EXCL = 0x40, 0x80, 0x100, 0x200, 0x400
O_TEXT, O_BINARY, O_WTEXT, O_U16TEXT, O_U8TEXT = 0x4000, 0x8000, 0x10000, 0x20000, 0x40000
S_IWRITE = 0x80
# ioinfo osfile flags
FOPEN, FEOFLAG, FCRLF, FPIPE, FNOINHERIT, FAPPEND, FDEV, FTEXT = 1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80
NHANDLE = 2048
CTRLZ = 0x1A


class Fd:
    """One msvcrt file descriptor (an ioinfo entry)."""

    __slots__ = ("handle", "flags", "pipech")

    def __init__(self, handle: int, flags: int) -> None:
        self.handle = handle
        self.flags = flags | FOPEN
        self.pipech: int | None = None  # look-ahead byte of a pipe/device after a lone CR

    @property
    def text(self) -> bool:
        return bool(self.flags & FTEXT)


def fds(m: "Machine") -> list[Fd | None]:
    c = crt(m)
    t = c.extra.get("fds")
    if t is None:
        t = []
        for i, slot in enumerate((0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4)):
            h = std_handle(m, slot)
            f = m.handles.get(h)
            flags = FTEXT
            if isinstance(f, File):
                flags |= FDEV if f.ftype == 2 else FPIPE if f.ftype == 3 else 0
            t.append(Fd(h, flags) if h else None)
            del i
        c.extra["fds"] = t
    return t  # type: ignore[no-any-return]


def get_fd(m: "Machine", fd: int) -> Fd | None:
    t = fds(m)
    if 0 <= fd < len(t):
        f = t[fd]
        if f is not None:
            return f
    set_errno(m, EBADF)
    return None


def alloc_fd(m: "Machine", handle: int, flags: int, at: int | None = None) -> int:
    """Lowest free descriptor for ``handle`` (or ``at``); -1 and EMFILE when the table is full."""
    t = fds(m)
    if at is None:
        at = next((i for i, f in enumerate(t) if f is None), len(t))
    if at >= NHANDLE:
        set_errno(m, EMFILE)
        return -1
    while len(t) <= at:
        t.append(None)
    t[at] = Fd(handle, flags)
    if at <= 2:
        _set_std(m, at, handle)  # as msvcrt's _set_osfhnd: fds 0-2 are the standard handles
    return at


def _set_std(m: "Machine", fd: int, handle: int) -> None:
    from ..kernel32.console import _std  # noqa: PLC0415
    _std(m)[(0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4)[fd]] = handle


def file_of(m: "Machine", fdo: Fd) -> File | None:
    f = m.handles.get(fdo.handle)
    return f if isinstance(f, File) else None


# ---- raw transfers (shared with stdio) ---------------------------------------------------------
def raw_read(m: "Machine", fdo: Fd, n: int) -> bytes | None:
    """Read up to n bytes without translation; b'' at end of file/pipe, None on error (errno set)."""
    f = file_of(m, fdo)
    if f is None:
        set_errno(m, EBADF)
        return None
    if f.ftype == 1 and f.access & 0xC0000000 == 0x40000000:
        dosmaperr(m, 5)
        set_errno(m, EBADF)
        return None
    try:
        if f.is_console:
            return console_read(m, f, n)
        return f.read(n)
    except OSError as e:
        if f.ftype == 3 and e.errno in (32, 104):
            return b""
        dosmaperr(m, win_error(e))
        return None


def raw_write(m: "Machine", fdo: Fd, data: bytes | bytearray | memoryview) -> int | None:
    """Write all of data (appending if the fd is in append mode); None on error (errno set)."""
    f = file_of(m, fdo)
    if f is None:
        set_errno(m, EBADF)
        return None
    try:
        if fdo.flags & FAPPEND and f.ftype == 1:
            f.seek(0, os.SEEK_END)
        return f.write(bytes(data))
    except OSError as e:
        dosmaperr(m, win_error(e) if e.errno != 32 else 232)
        return None


def text_in(data: bytes) -> bytes:
    """CR LF -> LF (whole buffers whose last byte is not a lone CR)."""
    return data.replace(b"\r\n", b"\n") if b"\r" in data else data


def fd_read(m: "Machine", fdo: Fd, n: int) -> bytes | None:
    """msvcrt _read: binary, or text mode with CR LF -> LF and Ctrl+Z as end of file."""
    if n == 0:
        return b""
    if fdo.flags & FEOFLAG:
        return b""
    pre = b""
    if fdo.pipech is not None:
        pre = bytes((fdo.pipech,))
        fdo.pipech = None
        n -= 1
    data = raw_read(m, fdo, n) if n > 0 else b""
    if data is None:
        return None
    data = pre + data
    if not fdo.text or not data:
        return data
    z = data.find(CTRLZ.to_bytes(1, "little"))
    if z >= 0:
        if not fdo.flags & FDEV:
            fdo.flags |= FEOFLAG
        data = data[:z]
        if not data:
            return data
    if data[-1] == 13:  # lone CR at the end: peek at the next byte
        body = text_in(data[:-1])
        peek = raw_read(m, fdo, 1)
        if not peek:
            return body + b"\r"
        if fdo.flags & (FDEV | FPIPE):
            if peek == b"\n":
                return body + b"\n"
            fdo.pipech = peek[0]
            return body + b"\r"
        if not body and peek == b"\n":
            return b"\n"
        f = file_of(m, fdo)
        if f is not None:
            f.seek(-1, os.SEEK_CUR)
        return body if peek == b"\n" else body + b"\r"
    return text_in(data)


def fd_write(m: "Machine", fdo: Fd, data: bytes) -> int:
    """msvcrt _write: returns the number of source bytes written (LF -> CR LF in text mode), -1 on error."""
    if not data:
        return 0
    out = data.replace(b"\n", b"\r\n") if fdo.text else data
    r = raw_write(m, fdo, out)
    if r is None:
        return -1
    return len(data)


def fd_seek(m: "Machine", fdo: Fd, off: int, whence: int) -> int:
    """msvcrt _lseeki64: new position, or -1 with errno."""
    f = file_of(m, fdo)
    if f is None:
        set_errno(m, EBADF)
        return -1
    if f.ftype != 1 and not isinstance(f, NullDevice):
        set_errno(m, ESPIPE if f.ftype == 3 else EINVAL)
        return -1 if f.ftype == 3 else 0
    if whence not in (0, 1, 2):
        set_errno(m, EINVAL)
        return -1
    try:
        if whence == 1:
            target = f.seek(0, os.SEEK_CUR) + off
        elif whence == 2:
            target = f.size() + off
        else:
            target = off
        if target < 0:
            set_errno(m, EINVAL)
            dosmaperr(m, 131)
            return -1
        pos = f.seek(target, os.SEEK_SET)
    except OSError as e:
        dosmaperr(m, win_error(e))
        return -1
    fdo.flags &= ~FEOFLAG
    return pos


def fd_close(m: "Machine", fd: int) -> int:
    t = fds(m)
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    t[fd] = None
    if fd <= 2 and fdo.handle == std_handle(m, (0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4)[fd]):
        _set_std(m, fd, 0)  # msvcrt's _free_osfhnd: SetStdHandle(..., NULL)
    if not m.handles.close(fdo.handle) and fd > 2:
        dosmaperr(m, 6)
        return -1
    return 0


# ---- opening --------------------------------------------------------------------------------------
def default_text(m: "Machine") -> bool:
    from .startup import fmode  # noqa: PLC0415
    return fmode(m) != O_BINARY


def open_path(m: "Machine", name: str | int | None, oflag: int, pmode: int = 0o666) -> int:
    """msvcrt _open / _sopen: returns an fd or -1 with errno."""
    acc = oflag & 3
    access = {O_RDONLY: 0x80000000, O_WRONLY: 0x40000000, O_RDWR: 0xC0000000}.get(acc)
    if access is None:
        set_errno(m, EINVAL)
        return -1
    disp = {0: 3, O_EXCL: 3, O_CREAT: 4, O_CREAT | O_EXCL: 1, O_CREAT | O_TRUNC | O_EXCL: 1, O_TRUNC: 5,
            O_TRUNC | O_EXCL: 5, O_CREAT | O_TRUNC: 2}[oflag & (O_CREAT | O_EXCL | O_TRUNC)]
    fflags = 0x04000000 if oflag & O_TEMPORARY else 0
    if oflag & O_TEMPORARY:
        access |= 0x10000  # DELETE
    hp = None
    existed = True
    if isinstance(name, str) and not m.fs.is_device(name):
        try:
            hp = m.fs.host_path(name)
            existed = os.path.lexists(hp)
        except Exception:  # noqa: BLE001 - open_file reports the path error
            hp = None
    h = k32file.open_file(m, name, access, disp, fflags)
    if h == INVALID_HANDLE_VALUE:
        dosmaperr(m)
        return -1
    f = m.handles.get(h)
    flags = 0
    if isinstance(f, File):
        if f.ftype == 2:
            flags |= FDEV
        elif f.ftype == 3:
            flags |= FPIPE
    if oflag & O_APPEND:
        flags |= FAPPEND
    text = not (oflag & O_BINARY) and (bool(oflag & (O_TEXT | O_WTEXT | O_U16TEXT | O_U8TEXT)) or default_text(m))
    if text:
        flags |= FTEXT
    fd = alloc_fd(m, h, flags)
    if fd < 0:
        m.handles.close(h)
        return -1
    pmode &= ~crt(m).extra.get("umask", 0)
    if hp is not None and not existed and oflag & O_CREAT and not pmode & S_IWRITE:
        try:
            os.chmod(hp, 0o444)
        except OSError:
            pass
    if text and acc == O_RDWR and isinstance(f, File) and f.ftype == 1:
        # a trailing Ctrl+Z is removed so appended text follows the real end
        try:
            size = f.size()
            if size:
                f.seek(size - 1, os.SEEK_SET)
                if f.read(1) == b"\x1a":
                    os.ftruncate(f.fd, size - 1)
                f.seek(0, os.SEEK_SET)
        except OSError:
            pass
    return fd


@cdecl("msvcrt")
def _open(m: "Machine", filename: LPCSTR, oflag: INT, pmode: INT) -> INT:
    """Open a file and return a file descriptor (pmode used with _O_CREAT); -1 and errno on failure."""
    return open_path(m, filename, oflag, pmode)


@cdecl("msvcrt")
def _wopen(m: "Machine", filename: LPCWSTR, oflag: INT, pmode: INT) -> INT:
    """Wide _open."""
    return open_path(m, filename, oflag, pmode)


@cdecl("msvcrt")
def _sopen(m: "Machine", filename: LPCSTR, oflag: INT, shflag: INT, pmode: INT) -> INT:
    """_open with a sharing mode (sharing is not enforced)."""
    return open_path(m, filename, oflag, pmode)


@cdecl("msvcrt")
def _wsopen(m: "Machine", filename: LPCWSTR, oflag: INT, shflag: INT, pmode: INT) -> INT:
    """Wide _sopen."""
    return open_path(m, filename, oflag, pmode)


@cdecl("msvcrt")
def _creat(m: "Machine", filename: LPCSTR, pmode: INT) -> INT:
    """_open(filename, _O_CREAT|_O_TRUNC|_O_RDWR, pmode)."""
    return open_path(m, filename, O_CREAT | O_TRUNC | O_RDWR, pmode)


@cdecl("msvcrt")
def _wcreat(m: "Machine", filename: LPCWSTR, pmode: INT) -> INT:
    """Wide _creat."""
    return open_path(m, filename, O_CREAT | O_TRUNC | O_RDWR, pmode)


@cdecl("msvcrt")
def _umask(m: "Machine", pmode: INT) -> INT:
    """Set the permission mask applied to new files (_S_IWRITE makes them read-only); returns the old one."""
    ex = crt(m).extra
    old = ex.get("umask", 0)
    ex["umask"] = pmode & 0x180
    return old


@cdecl("msvcrt")
def _close(m: "Machine", fd: INT) -> INT:
    """Close a file descriptor and its handle; 0, or -1 with errno EBADF."""
    return fd_close(m, fd)


@cdecl("msvcrt")
def _read(m: "Machine", fd: INT, buffer: PTR, count: UINT) -> INT:
    """Read up to count bytes (text mode: CR LF -> LF, Ctrl+Z ends the file); bytes read, 0 at EOF, -1 on error."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    if count > 0x7FFFFFFF:
        set_errno(m, EINVAL)
        return -1
    data = fd_read(m, fdo, count)
    if data is None:
        return -1
    if data:
        m.mem.write(buffer, data)
    return len(data)


@cdecl("msvcrt")
def _write(m: "Machine", fd: INT, buffer: PTR, count: UINT) -> INT:
    """Write count bytes (text mode: LF -> CR LF); returns count, or -1 with errno."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    if count == 0:
        return 0
    return fd_write(m, fdo, m.mem.read(buffer, count))


@cdecl("msvcrt")
def _lseek(m: "Machine", fd: INT, offset: LONG, origin: INT) -> LONG:
    """Move the file pointer; new position or -1."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    r = fd_seek(m, fdo, offset, origin)
    if r > 0x7FFFFFFF:
        set_errno(m, EINVAL)
        return -1
    return r


@cdecl("msvcrt")
def _lseeki64(m: "Machine", fd: INT, offset: QWORD, origin: INT) -> QWORD:
    """64-bit _lseek."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return 0xFFFFFFFFFFFFFFFF
    off = offset - (1 << 64) if offset >> 63 else offset
    r = fd_seek(m, fdo, off, origin)
    return r & 0xFFFFFFFFFFFFFFFF


@cdecl("msvcrt")
def _tell(m: "Machine", fd: INT) -> LONG:
    """Current position of a file descriptor."""
    return _lseek(m, fd, 0, 1)


@cdecl("msvcrt")
def _telli64(m: "Machine", fd: INT) -> QWORD:
    """64-bit _tell."""
    return _lseeki64(m, fd, 0, 1)


@cdecl("msvcrt")
def _eof(m: "Machine", fd: INT) -> INT:
    """1 at end of file, 0 if not, -1 on error."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    f = file_of(m, fdo)
    if f is None or f.ftype != 1:
        return 0 if f is not None else -1
    try:
        return int(f.seek(0, os.SEEK_CUR) >= f.size())
    except OSError:
        return -1


def _length(m: "Machine", fd: int) -> int:
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    f = file_of(m, fdo)
    if f is None:
        return -1
    try:
        return f.size() if f.ftype == 1 else 0
    except OSError:
        return -1


@cdecl("msvcrt")
def _filelength(m: "Machine", fd: INT) -> LONG:
    """Size of the open file in bytes, or -1."""
    return _length(m, fd)


@cdecl("msvcrt")
def _filelengthi64(m: "Machine", fd: INT) -> QWORD:
    """64-bit _filelength."""
    return _length(m, fd) & 0xFFFFFFFFFFFFFFFF


@cdecl("msvcrt")
def _chsize(m: "Machine", fd: INT, size: LONG) -> INT:
    """Truncate or zero-extend the file to size bytes."""
    fdo = get_fd(m, fd)
    f = file_of(m, fdo) if fdo else None
    if f is None or size < 0:
        set_errno(m, EBADF if f is None else EINVAL)
        return -1
    try:
        os.ftruncate(f.fd, size)
    except OSError as e:
        dosmaperr(m, win_error(e))
        return -1
    return 0


@cdecl("msvcrt")
def _dup(m: "Machine", fd: INT) -> INT:
    """A new descriptor for the same open file (the handle is duplicated)."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    obj = m.handles.get(fdo.handle)
    if obj is None:
        set_errno(m, EBADF)
        return -1
    h = m.handles.add(obj)
    r = alloc_fd(m, h, fdo.flags & ~FNOINHERIT)
    if r < 0:
        m.handles.close(h)
    return r


@cdecl("msvcrt")
def _dup2(m: "Machine", fd1: INT, fd2: INT) -> INT:
    """Make fd2 refer to fd1's open file (closing fd2 first); 0 or -1."""
    fdo = get_fd(m, fd1)
    if fdo is None:
        return -1
    if fd2 < 0 or fd2 >= NHANDLE:
        set_errno(m, EBADF)
        return -1
    if fd1 == fd2:
        return 0
    t = fds(m)
    if fd2 < len(t) and t[fd2] is not None:
        fd_close(m, fd2)
    obj = m.handles.get(fdo.handle)
    if obj is None:
        set_errno(m, EBADF)
        return -1
    h = m.handles.add(obj)
    alloc_fd(m, h, fdo.flags & ~FNOINHERIT, at=fd2)
    return 0


@cdecl("msvcrt")
def _isatty(m: "Machine", fd: INT) -> INT:
    """Nonzero if the descriptor is a character device (console, NUL)."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return 0
    return FDEV if fdo.flags & FDEV else 0


@cdecl("msvcrt")
def _setmode(m: "Machine", fd: INT, mode: INT) -> INT:
    """Set _O_TEXT or _O_BINARY translation; returns the previous mode, or -1."""
    fdo = get_fd(m, fd)
    if fdo is None:
        return -1
    old = O_TEXT if fdo.flags & FTEXT else O_BINARY
    if mode == O_BINARY:
        fdo.flags &= ~FTEXT
    elif mode in (O_TEXT, O_WTEXT, O_U16TEXT, O_U8TEXT):
        fdo.flags |= FTEXT
    else:
        set_errno(m, EINVAL)
        return -1
    from .stream import mode_changed  # noqa: PLC0415
    mode_changed(m, fd)
    return old


@cdecl("msvcrt")
def _get_osfhandle(m: "Machine", fd: INT) -> DWORD:
    """The Win32 handle behind a descriptor; INVALID_HANDLE_VALUE and EBADF if none."""
    fdo = get_fd(m, fd)
    return INVALID_HANDLE_VALUE if fdo is None else fdo.handle


@cdecl("msvcrt")
def _open_osfhandle(m: "Machine", osfhandle: DWORD, flags: INT) -> INT:
    """A descriptor for an existing Win32 handle (flags: _O_APPEND, _O_RDONLY, _O_TEXT)."""
    from ..kernel32.file import get_file  # noqa: PLC0415
    f = get_file(m, osfhandle)
    if f is None:
        set_errno(m, EBADF)
        return -1
    fl = 0
    if f.ftype == 2:
        fl |= FDEV
    elif f.ftype == 3:
        fl |= FPIPE
    if flags & O_APPEND:
        fl |= FAPPEND
    if flags & O_TEXT:
        fl |= FTEXT
    return alloc_fd(m, osfhandle, fl)


@cdecl("msvcrt")
def _commit(m: "Machine", fd: INT) -> INT:
    """Flush the descriptor's file to disk."""
    fdo = get_fd(m, fd)
    f = file_of(m, fdo) if fdo else None
    if f is None:
        set_errno(m, EBADF)
        return -1
    if f.ftype == 1 and f.fd >= 0:
        try:
            os.fsync(f.fd)
        except OSError:
            pass
    return 0


@cdecl("msvcrt")
def _locking(m: "Machine", fd: INT, mode: INT, nbytes: LONG) -> INT:
    """Byte-range locks: a single process owns all its files, so locking always succeeds."""
    return 0 if get_fd(m, fd) is not None else -1


@cdecl("msvcrt")
def _getmaxstdio(m: "Machine") -> INT:
    """Maximum number of simultaneously open streams (512 by default)."""
    return crt(m).extra.get("maxstdio", 512)


@cdecl("msvcrt")
def _setmaxstdio(m: "Machine", newmax: INT) -> INT:
    """Set the stream limit (20..2048); returns it, or -1."""
    if newmax < 20 or newmax > NHANDLE:
        set_errno(m, EINVAL)
        return -1
    crt(m).extra["maxstdio"] = newmax
    return newmax
