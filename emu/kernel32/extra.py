"""kernel32: odds and ends console archivers import — file API code page, named file mappings, DeviceIoControl."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, LPCSTR, LPCWSTR, PTR, stdcall
from .file import get_file

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_INVALID_FUNCTION = 1
ERROR_FILE_NOT_FOUND = 2
ERROR_INVALID_HANDLE = 6
ERROR_NOT_A_REPARSE_POINT = 4390
FSCTL_GET_REPARSE_POINT = 0x900A8


@stdcall("kernel32")
def SetFileApisToOEM(m: "Machine") -> None:
    """Make the A file functions use the OEM code page (recorded; the paths exeplay maps are ASCII-safe either way)."""
    m.state["file_apis_oem"] = True


@stdcall("kernel32")
def SetFileApisToANSI(m: "Machine") -> None:
    """Make the A file functions use the ANSI code page (the default)."""
    m.state["file_apis_oem"] = False


@stdcall("kernel32")
def AreFileApisANSI(m: "Machine") -> BOOL:
    """TRUE unless SetFileApisToOEM was called."""
    return 0 if m.state.get("file_apis_oem") else 1


def _open_mapping(m: "Machine", name: str | int | None) -> int:
    # Named mappings come from CreateFileMapping in this or another process; exeplay runs one process and
    # does not create mappings, so no name exists.
    m.set_last_error(ERROR_FILE_NOT_FOUND)
    return 0


@stdcall("kernel32")
def OpenFileMappingW(m: "Machine", dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: LPCWSTR) -> HANDLE:
    """Open a named file mapping; NULL with ERROR_FILE_NOT_FOUND when no mapping has that name."""
    return _open_mapping(m, lpName)


@stdcall("kernel32")
def OpenFileMappingA(m: "Machine", dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: LPCSTR) -> HANDLE:
    """Open a named file mapping; NULL with ERROR_FILE_NOT_FOUND when no mapping has that name."""
    return _open_mapping(m, lpName)


@stdcall("kernel32")
def DeviceIoControl(m: "Machine", hDevice: HANDLE, dwIoControlCode: DWORD, lpInBuffer: PTR, nInBufferSize: DWORD,
                    lpOutBuffer: PTR, nOutBufferSize: DWORD, lpBytesReturned: PTR, lpOverlapped: PTR) -> BOOL:
    """Device/file-system control codes: files carry no reparse points (ERROR_NOT_A_REPARSE_POINT); other
    codes are not supported by exeplay's files (ERROR_INVALID_FUNCTION)."""
    if get_file(m, hDevice) is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if lpBytesReturned:
        m.mem.w32(lpBytesReturned, 0)
    if dwIoControlCode == FSCTL_GET_REPARSE_POINT:
        m.set_last_error(ERROR_NOT_A_REPARSE_POINT)
        return 0
    m.set_last_error(ERROR_INVALID_FUNCTION)
    return 0
