"""msvcrt: process-level odds and ends — _getpid, _sleep, system()."""
from __future__ import annotations

from .. import clock
from typing import TYPE_CHECKING

from ..api import INT, LPCSTR, LPCWSTR, PTR, UINT, cdecl
from ..threads import Block, WaitSpec
from .crt import ENOENT, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"


@cdecl(D)
def _getpid(m: "Machine") -> INT:
    """The process id."""
    return m.proc.pid


@cdecl(D)
def _sleep(m: "Machine", duration: UINT) -> None:
    """Suspend the calling thread for duration milliseconds."""
    if duration:
        raise Block(WaitSpec([], False, clock.now() + duration / 1000, result=lambda r: 0))


def _system(m: "Machine", command: str | int | None) -> int:
    # exeplay starts no child processes: there is no command interpreter to run commands with
    if command is None:
        return 0
    set_errno(m, ENOENT)
    return -1


@cdecl(D)
def system(m: "Machine", command: LPCSTR) -> INT:
    """system(NULL) reports whether a command interpreter exists (0: none in exeplay); a command fails
    with -1 and ENOENT, as when COMSPEC cannot be run."""
    return _system(m, command)


@cdecl(D)
def _wsystem(m: "Machine", command: LPCWSTR) -> INT:
    """Wide system()."""
    return _system(m, command)


@cdecl(D)
def __threadid(m: "Machine") -> UINT:
    """The calling thread's id."""
    return m.thread.tid if m.thread else 0


@cdecl(D)
def __threadhandle(m: "Machine") -> UINT:
    """Pseudo-handle of the calling thread (as GetCurrentThread)."""
    return 0xFFFFFFFE


@cdecl(D)
def _loaddll(m: "Machine", filename: PTR) -> INT:
    """LoadLibrary; the module handle or 0."""
    from ..kernel32.module import LoadLibraryA  # noqa: PLC0415
    return LoadLibraryA(m, m.mem.cstr(filename, m.ansi) if filename else None)


@cdecl(D)
def _unloaddll(m: "Machine", handle: INT) -> INT:
    """FreeLibrary; 0 on success, else the Windows error."""
    from ..kernel32.module import FreeLibrary  # noqa: PLC0415
    return 0 if FreeLibrary(m, handle & 0xFFFFFFFF) else m.get_last_error()


@cdecl(D)
def _getdllprocaddr(m: "Machine", handle: INT, name: PTR, ordinal: INT) -> PTR:
    """GetProcAddress by name, or by ordinal when name is NULL."""
    from ..kernel32.module import GetProcAddress  # noqa: PLC0415
    if name:
        if ordinal != -1:
            return 0
        return GetProcAddress(m, handle & 0xFFFFFFFF, m.mem.cstr(name, m.ansi))
    if ordinal < 0 or ordinal > 0xFFFF:
        return 0
    return GetProcAddress(m, handle & 0xFFFFFFFF, ordinal)


@cdecl(D)
def _beep(m: "Machine", frequency: UINT, duration: UINT) -> None:
    """Beep (kernel32 Beep), then wait for its duration as Windows does."""
    from ..kernel32.sysinfo import Beep  # noqa: PLC0415
    Beep(m, frequency, duration)
    _sleep(m, duration)


@cdecl(D)
def _set_error_mode(m: "Machine", mode: INT) -> INT:
    """Where run-time error messages go (_OUT_TO_DEFAULT/STDERR/MSGBOX); _REPORT_ERRMODE (3) queries."""
    from .crt import crt  # noqa: PLC0415
    ex = crt(m).extra
    old = ex.get("error_mode", 0)
    if mode == 3:
        return old
    if mode not in (0, 1, 2):
        set_errno(m, 22)
        return -1
    ex["error_mode"] = mode
    return old


@cdecl(D)
def _get_sbh_threshold(m: "Machine") -> UINT:
    """Small-block heap threshold (0: the small-block heap is not used, as on NT)."""
    from .crt import crt  # noqa: PLC0415
    return crt(m).extra.get("sbh", 0)


@cdecl(D)
def _set_sbh_threshold(m: "Machine", threshold: UINT) -> INT:
    """Set the small-block threshold (at most 1016 bytes); 1, or 0 if too large."""
    from .crt import crt  # noqa: PLC0415
    if threshold > 1016:
        return 0
    crt(m).extra["sbh"] = threshold
    return 1


@cdecl(D)
def _set_SSE2_enable(m: "Machine", flag: INT) -> INT:
    """Choose the SSE2 versions of the math functions; the CPU has SSE2, so the request is granted."""
    return 1 if flag else 0


@cdecl(D)
def _seterrormode(m: "Machine", mode: INT) -> None:
    """SetErrorMode(mode)."""
    from ..kernel32.sysinfo import SetErrorMode  # noqa: PLC0415
    SetErrorMode(m, mode & 0xFFFFFFFF)


@cdecl(D)
def _set_security_error_handler(m: "Machine", handler: PTR) -> PTR:
    """Install the /GS failure handler; returns the old one."""
    from .crt import crt  # noqa: PLC0415
    ex = crt(m).extra
    old = ex.get("gs_handler", 0)
    ex["gs_handler"] = handler
    return old


@cdecl(D)
def __set_buffer_overrun_handler(m: "Machine", handler: PTR) -> PTR:
    """VC7.0 name of _set_security_error_handler."""
    return _set_security_error_handler(m, handler)


def _security_failure(m: "Machine", code: int, data: int) -> None:
    from ..threads import ProcessExit  # noqa: PLC0415
    from .crt import crt  # noqa: PLC0415
    from .startup import error_out  # noqa: PLC0415
    h = crt(m).extra.get("gs_handler", 0)
    if h:
        m.call(h, code, data)
    else:
        error_out(m, "\r\nBuffer overrun detected!\r\n\r\nA buffer overrun has been detected which has corrupted "
                     "the program's\r\ninternal state.  The program cannot safely continue execution and must\r\n"
                     "now be terminated.\r\n")
    raise ProcessExit(3)


@cdecl(D)
def __security_error_handler(m: "Machine", code: INT, data: PTR) -> None:
    """A /GS security check failed: the installed handler, or the "Buffer overrun detected!" message;
    then the process ends with exit code 3."""
    _security_failure(m, code, data)


@cdecl(D)
def __buffer_overrun(m: "Machine") -> None:
    """VC7.0 /GS failure: as __security_error_handler(_SECERR_BUFFER_OVERRUN)."""
    _security_failure(m, 1, 0)
