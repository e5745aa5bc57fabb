"""kernel32: starting other processes. exeplay runs exactly one guest process, so CreateProcess fails with
ERROR_NOT_SUPPORTED (and says so on stderr); GetExitCodeProcess answers for the running process."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, LPCSTR, LPCWSTR, PTR, stdcall

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_INVALID_HANDLE = 6
ERROR_NOT_SUPPORTED = 50
STILL_ACTIVE = 259
CURRENT_PROCESS = 0xFFFFFFFF


def _refuse(m: Machine, app: str | int | None, cmdline: str | int | None) -> int:
    what = cmdline if isinstance(cmdline, str) and cmdline else app
    m.log(f"CreateProcess: cannot start {what!r}: exeplay runs a single process (returned FALSE, "
          f"ERROR_NOT_SUPPORTED)")
    m.set_last_error(ERROR_NOT_SUPPORTED)
    return 0


@stdcall("kernel32")
def CreateProcessA(m: Machine, lpApplicationName: LPCSTR, lpCommandLine: LPCSTR, lpProcessAttributes: PTR,
                   lpThreadAttributes: PTR, bInheritHandles: BOOL, dwCreationFlags: DWORD, lpEnvironment: PTR,
                   lpCurrentDirectory: LPCSTR, lpStartupInfo: PTR, lpProcessInformation: PTR) -> BOOL:
    """Start a program: not possible here (one guest process); FALSE with ERROR_NOT_SUPPORTED."""
    return _refuse(m, lpApplicationName, lpCommandLine)


@stdcall("kernel32")
def CreateProcessW(m: Machine, lpApplicationName: LPCWSTR, lpCommandLine: LPCWSTR, lpProcessAttributes: PTR,
                   lpThreadAttributes: PTR, bInheritHandles: BOOL, dwCreationFlags: DWORD, lpEnvironment: PTR,
                   lpCurrentDirectory: LPCWSTR, lpStartupInfo: PTR, lpProcessInformation: PTR) -> BOOL:
    """Wide CreateProcess (fails: one guest process)."""
    return _refuse(m, lpApplicationName, lpCommandLine)


@stdcall("kernel32")
def GetExitCodeProcess(m: Machine, hProcess: HANDLE, lpExitCode: PTR) -> BOOL:
    """STILL_ACTIVE for the running process (the only process there is); other handles are invalid."""
    if hProcess != CURRENT_PROCESS:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    m.mem.w32(lpExitCode, STILL_ACTIVE)
    return 1
