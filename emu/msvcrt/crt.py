"""msvcrt: per-process C runtime state shared by the CRT modules — errno and per-thread data, the
malloc heap, Windows-error to errno mapping, and small helpers for reading/writing guest strings."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..kernel32.heap import process_heap

if TYPE_CHECKING:
    from ..heap import Heap
    from ..machine import Machine

# errno values of the Microsoft C runtime
EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF, ECHILD = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR, EISDIR = 11, 12, 13, 14, 16, 17, 18, 19, 20, 21
EINVAL, ENFILE, EMFILE, ENOTTY, EFBIG, ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE = 22, 23, 24, 25, 27, 28, 29, 30, 31, 32
EDOM, ERANGE, EDEADLK, ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY, EILSEQ = 33, 34, 36, 38, 39, 40, 41, 42

SYS_ERRLIST = [
    "No error", "Operation not permitted", "No such file or directory", "No such process",
    "Interrupted function call", "Input/output error", "No such device or address", "Arg list too long",
    "Exec format error", "Bad file descriptor", "No child processes", "Resource temporarily unavailable",
    "Not enough space", "Permission denied", "Bad address", "Unknown error", "Resource device", "File exists",
    "Improper link", "No such device", "Not a directory", "Is a directory", "Invalid argument",
    "Too many open files in system", "Too many open files", "Inappropriate I/O control operation",
    "Unknown error", "File too large", "No space left on device", "Invalid seek", "Read-only file system",
    "Too many links", "Broken pipe", "Domain error", "Result too large", "Unknown error",
    "Resource deadlock avoided", "Unknown error", "Filename too long", "No locks available",
    "Function not implemented", "Directory not empty", "Illegal byte sequence", "Unknown error",
]
SYS_NERR = 43

# _dosmaperr: Win32 error -> errno (msvcrt's table; anything else is EINVAL)
_DOSMAP = {
    1: EINVAL, 2: ENOENT, 3: ENOENT, 4: EMFILE, 5: EACCES, 6: EBADF, 7: ENOMEM, 8: ENOMEM, 9: ENOMEM,
    10: E2BIG, 11: ENOEXEC, 12: EINVAL, 13: EINVAL, 15: ENOENT, 16: EACCES, 17: EXDEV, 18: ENOENT,
    33: EACCES, 53: ENOENT, 65: EACCES, 67: ENOENT, 80: EEXIST, 82: EACCES, 83: EACCES, 87: EINVAL,
    89: EAGAIN, 108: EACCES, 109: EPIPE, 112: ENOSPC, 114: EBADF, 128: ECHILD, 129: ECHILD, 130: EBADF,
    131: EINVAL, 132: EACCES, 145: ENOTEMPTY, 158: EACCES, 161: ENOENT, 164: EAGAIN, 167: EACCES,
    183: EEXIST, 206: ENOENT, 215: EAGAIN, 232: EPIPE, 1816: ENOMEM,
}

# per-thread data block (allocated on first use): offsets
TD_ERRNO = 0
TD_DOSERRNO = 4
TD_HOLDRAND = 8
TD_STRTOK = 12
TD_WCSTOK = 16
TD_MBSTOK = 20
TD_TM = 32  # struct tm (36 bytes) for gmtime/localtime
TD_ASCTIME = 80  # 26 chars
TD_WASCTIME = 112  # 26 WCHARs
TD_FPECODE = 24
TD_XCPTINFO = 28
TD_CVT = 168  # _ecvt/_fcvt buffer (349 bytes)
TD_DRET = 520  # double results handed to guest-code wrappers (fld qword ptr [eax])
TD_ERRMSG = 528  # _strerror buffer (134 bytes)
TD_SIZE = 1024


class Crt:
    """Process-wide C runtime state."""

    def __init__(self, m: "Machine") -> None:
        self.m = m
        self.tdata: dict[int, int] = {}  # tid -> per-thread block
        self.exiting = False
        self.onexit: list[int] = []  # atexit/_onexit functions, called in reverse order
        self.extra: dict[str, Any] = {}


def crt(m: "Machine") -> Crt:
    c = m.state.get("crt")
    if c is None:
        c = Crt(m)
        m.state["crt"] = c
    return c  # type: ignore[no-any-return]


def heap(m: "Machine") -> "Heap":
    """The heap behind malloc (the process heap, as msvcrt on NT uses a Windows heap)."""
    return process_heap(m)


def tdata(m: "Machine") -> int:
    """The calling thread's CRT data block (errno, rand seed, strtok position, static result buffers)."""
    c = crt(m)
    tid = m.thread.tid if m.thread is not None else 0
    a = c.tdata.get(tid)
    if a is None:
        a = heap(m).alloc(TD_SIZE, zero=True)
        m.mem.w32(a + TD_HOLDRAND, 1)
        c.tdata[tid] = a
        idx = c.extra.get("tls_index")
        if idx is not None and idx < 64 and m.thread is not None:
            m.mem.w32(m.thread.teb + 0xE10 + 4 * idx, a)  # guest-code _errno finds it there
    return a


def init_tls_index(m: "Machine", addr: int) -> None:
    """Data init of _exeplay_tls: msvcrt takes a TLS index for its per-thread data at load, as msvcrt.dll
    does in its DllMain."""
    from ..kernel32.thread import TlsAlloc  # noqa: PLC0415
    idx = TlsAlloc(m)
    crt(m).extra["tls_index"] = idx
    m.mem.w32(addr, idx if idx < 64 else 0xFFFFFFFF)


def set_errno(m: "Machine", e: int) -> None:
    m.mem.w32(tdata(m) + TD_ERRNO, e)


def get_errno(m: "Machine") -> int:
    return m.mem.s32(tdata(m) + TD_ERRNO)


def dosmaperr(m: "Machine", winerr: int | None = None) -> None:
    """Set _doserrno and errno from a Windows error (the thread's last error by default)."""
    if winerr is None:
        winerr = m.get_last_error()
    td = tdata(m)
    m.mem.w32(td + TD_DOSERRNO, winerr)
    if winerr in _DOSMAP:
        e = _DOSMAP[winerr]
    elif 19 <= winerr <= 36:
        e = EACCES
    elif 188 <= winerr <= 202:
        e = ENOEXEC
    else:
        e = EINVAL
    m.mem.w32(td + TD_ERRNO, e)


def strerror_text(e: int) -> str:
    return SYS_ERRLIST[e] if 0 <= e < SYS_NERR else SYS_ERRLIST[SYS_NERR]


# ---- guest string helpers --------------------------------------------------------------------
def sibling_data(self_addr: int, self_name: str, other: str) -> int:
    """Address of msvcrt's data export ``other`` computed from one's own address during image set-up
    (exports are not registered yet then). Data exports are laid out sorted by name, 8-byte aligned."""
    from ..api import DATA_EXPORTS  # noqa: PLC0415
    off: dict[str, int] = {}
    pos = 0
    for name, (size, _) in sorted(DATA_EXPORTS["msvcrt"].items()):
        off[name] = pos
        pos += (size + 7) & ~7
    return self_addr - off[self_name] + off[other]


def cbytes(m: "Machine", p: int) -> bytes:
    return m.mem.cstr_bytes(p)


def wtext(m: "Machine", p: int) -> str:
    return m.mem.wstr(p)


def ansi(m: "Machine", b: bytes) -> str:
    return b.decode(m.ansi, "replace")


def to_ansi(m: "Machine", s: str) -> bytes:
    return s.encode(m.ansi, "replace")


def to_s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v
