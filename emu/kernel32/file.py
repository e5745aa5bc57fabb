"""kernel32: files and directories through the sandboxed guest file system (``sandbox.py``)."""
from __future__ import annotations

import os
import shutil
import struct
import time as _time
from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, LONG, LPCSTR, LPCWSTR, PTR, QWORD, stdcall
from ..objects import INVALID_HANDLE_VALUE
from ..sandbox import PathError
from ..strings import put_a, put_w
from .fileobj import File, NullDevice, win_error

if TYPE_CHECKING:
    from ..machine import Machine

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
FILE_APPEND_DATA = 0x4
CREATE_NEW, CREATE_ALWAYS, OPEN_EXISTING, OPEN_ALWAYS, TRUNCATE_EXISTING = 1, 2, 3, 4, 5
FILE_FLAG_BACKUP_SEMANTICS = 0x02000000
FILE_FLAG_DELETE_ON_CLOSE = 0x04000000
FILE_ATTRIBUTE_READONLY = 0x1
FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_ARCHIVE = 0x20
FILE_ATTRIBUTE_NORMAL = 0x80
INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF
ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_HANDLE = 6
ERROR_NO_MORE_FILES = 18
ERROR_FILE_EXISTS = 80
ERROR_INVALID_PARAMETER = 87
ERROR_ALREADY_EXISTS = 183
ERROR_NEGATIVE_SEEK = 131
EPOCH_DELTA = 11644473600


def filetime(t: float) -> int:
    return int((t + EPOCH_DELTA) * 10_000_000)


def unix_time(ft: int) -> float:
    return ft / 10_000_000 - EPOCH_DELTA


def resolve(m: "Machine", path: str | int | None, *, write: bool = False) -> str | None:
    """Host path for a guest path, or None with the last error set."""
    if not isinstance(path, str) or path == "":
        m.set_last_error(ERROR_PATH_NOT_FOUND if path == "" else ERROR_INVALID_PARAMETER)
        return None
    try:
        return m.fs.host_path(path, for_write=write)
    except PathError as e:
        m.set_last_error(e.code)
        if m.trace_on:
            m.log(f"path refused: {path!r}: {e}")
        return None


def _missing_code(hp: str) -> int:
    return ERROR_FILE_NOT_FOUND if os.path.isdir(os.path.dirname(hp) or ".") else ERROR_PATH_NOT_FOUND


def get_file(m: "Machine", h: int) -> File | None:
    from .console import std_object  # noqa: PLC0415
    obj = std_object(m, h) if h in (0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4) else m.handles.get(h)
    if isinstance(obj, File):
        return obj
    m.set_last_error(ERROR_INVALID_HANDLE)
    return None


def open_file(m: "Machine", name: str | int | None, access: int, disposition: int, flags: int) -> int:
    if isinstance(name, str) and m.fs.is_device(name) == "NUL":
        return m.handles.add(NullDevice())
    if isinstance(name, str) and m.fs.is_device(name) in ("CON", "CONOUT$", "CONIN$"):
        from .console import std_object  # noqa: PLC0415
        dev = m.fs.is_device(name)
        std = std_object(m, 0xFFFFFFF6 if dev == "CONIN$" or (dev == "CON" and not access & GENERIC_WRITE)
                         else 0xFFFFFFF5)
        f = File(std.fd, None, "CON", access, owns_fd=False)
        return m.handles.add(f)
    writing = bool(access & (GENERIC_WRITE | FILE_APPEND_DATA | 0x10000000)) or disposition in (
        CREATE_NEW, CREATE_ALWAYS, TRUNCATE_EXISTING) or bool(flags & FILE_FLAG_DELETE_ON_CLOSE)
    hp = resolve(m, name, write=writing)
    if hp is None:
        return INVALID_HANDLE_VALUE
    exists = os.path.lexists(hp)
    if os.path.isdir(hp):
        if not flags & FILE_FLAG_BACKUP_SEMANTICS or disposition not in (OPEN_EXISTING, OPEN_ALWAYS):
            m.set_last_error(ERROR_ACCESS_DENIED)
            return INVALID_HANDLE_VALUE
        fd = os.open(hp, os.O_RDONLY | os.O_DIRECTORY)
        return m.handles.add(File(fd, hp, str(name), access, is_dir=True))
    oflags = os.O_RDWR if (access & GENERIC_READ or access & 0x10000000) and writing else (
        os.O_WRONLY if writing and not access & GENERIC_READ else os.O_RDONLY)
    if writing and oflags == os.O_RDONLY:
        oflags = os.O_RDWR
    err = 0
    if disposition == CREATE_NEW:
        if exists:
            m.set_last_error(ERROR_FILE_EXISTS)
            return INVALID_HANDLE_VALUE
        oflags |= os.O_CREAT | os.O_EXCL
    elif disposition == CREATE_ALWAYS:
        oflags |= os.O_CREAT | os.O_TRUNC
        err = ERROR_ALREADY_EXISTS if exists else 0
    elif disposition == OPEN_EXISTING:
        if not exists:
            m.set_last_error(_missing_code(hp))
            return INVALID_HANDLE_VALUE
    elif disposition == OPEN_ALWAYS:
        oflags |= os.O_CREAT
        err = ERROR_ALREADY_EXISTS if exists else 0
    elif disposition == TRUNCATE_EXISTING:
        if not exists:
            m.set_last_error(_missing_code(hp))
            return INVALID_HANDLE_VALUE
        oflags |= os.O_TRUNC
    else:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return INVALID_HANDLE_VALUE
    try:
        fd = os.open(hp, oflags | os.O_NOFOLLOW if not exists else oflags, 0o644)
    except OSError as e:
        m.set_last_error(win_error(e) if e.errno != 2 else _missing_code(hp))
        return INVALID_HANDLE_VALUE
    f = File(fd, hp, str(name), access, append=bool(access & FILE_APPEND_DATA and not access & GENERIC_WRITE),
             delete_on_close=bool(flags & FILE_FLAG_DELETE_ON_CLOSE))
    m.set_last_error(err)
    return m.handles.add(f)


@stdcall("kernel32")
def CreateFileA(m: "Machine", lpFileName: LPCSTR, dwDesiredAccess: DWORD, dwShareMode: DWORD,
                lpSecurityAttributes: PTR, dwCreationDisposition: DWORD, dwFlagsAndAttributes: DWORD,
                hTemplateFile: HANDLE) -> HANDLE:
    """Open or create a file inside the exposed folders; INVALID_HANDLE_VALUE and an error otherwise."""
    return open_file(m, lpFileName, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes)


@stdcall("kernel32")
def CreateFileW(m: "Machine", lpFileName: LPCWSTR, dwDesiredAccess: DWORD, dwShareMode: DWORD,
                lpSecurityAttributes: PTR, dwCreationDisposition: DWORD, dwFlagsAndAttributes: DWORD,
                hTemplateFile: HANDLE) -> HANDLE:
    """Wide CreateFile."""
    return open_file(m, lpFileName, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes)


@stdcall("kernel32")
def ReadFile(m: "Machine", hFile: HANDLE, lpBuffer: PTR, nNumberOfBytesToRead: DWORD, lpNumberOfBytesRead: PTR,
             lpOverlapped: PTR) -> BOOL:
    """Read up to n bytes; 0 bytes read at end of file is success."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    if f.is_console:
        from .console import console_read  # noqa: PLC0415
        data = console_read(m, f, nNumberOfBytesToRead)
    else:
        try:
            if lpOverlapped:
                off = m.mem.u32(lpOverlapped + 8) | (m.mem.u32(lpOverlapped + 12) << 32)
                f.seek(off, os.SEEK_SET)
            data = f.read(nNumberOfBytesToRead)
        except OSError as e:
            if f.ftype == 3 and e.errno in (32, 104):
                data = b""
            else:
                m.set_last_error(win_error(e))
                if lpNumberOfBytesRead:
                    m.mem.w32(lpNumberOfBytesRead, 0)
                return 0
    if data:
        m.mem.write(lpBuffer, data)
    if lpNumberOfBytesRead:
        m.mem.w32(lpNumberOfBytesRead, len(data))
    if f.ftype == 3 and not data and nNumberOfBytesToRead:
        m.set_last_error(109)  # ERROR_BROKEN_PIPE: end of a pipe
        return 0
    return 1


@stdcall("kernel32")
def WriteFile(m: "Machine", hFile: HANDLE, lpBuffer: PTR, nNumberOfBytesToWrite: DWORD,
              lpNumberOfBytesWritten: PTR, lpOverlapped: PTR) -> BOOL:
    """Write n bytes (binary-safe for standard streams too)."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    data = m.mem.read(lpBuffer, nNumberOfBytesToWrite) if nNumberOfBytesToWrite else b""
    try:
        if lpOverlapped:
            off = m.mem.u32(lpOverlapped + 8) | (m.mem.u32(lpOverlapped + 12) << 32)
            f.seek(off, os.SEEK_SET)
        n = f.write(data)
    except OSError as e:
        m.set_last_error(win_error(e) if e.errno != 32 else 232)
        return 0
    if lpNumberOfBytesWritten:
        m.mem.w32(lpNumberOfBytesWritten, n)
    return 1


@stdcall("kernel32")
def CloseHandle(m: "Machine", hObject: HANDLE) -> BOOL:
    """Close a handle; the object goes away with its last handle."""
    if hObject in (0xFFFFFFFF, 0xFFFFFFFE):
        return 1
    if not m.handles.close(hObject):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    return 1


def _seek(m: "Machine", h: int, dist: int, method: int) -> int | None:
    f = get_file(m, h)
    if f is None:
        return None
    if method not in (0, 1, 2):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    try:
        if method == 1:
            cur = f.seek(0, os.SEEK_CUR)
            target = cur + dist
        elif method == 2:
            target = f.size() + dist
        else:
            target = dist
        if target < 0:
            m.set_last_error(ERROR_NEGATIVE_SEEK)
            return None
        return f.seek(target, os.SEEK_SET)
    except OSError as e:
        m.set_last_error(win_error(e))
        return None


@stdcall("kernel32")
def SetFilePointer(m: "Machine", hFile: HANDLE, lDistanceToMove: LONG, lpDistanceToMoveHigh: PTR,
                   dwMoveMethod: DWORD) -> DWORD:
    """Move the file pointer (64-bit when lpDistanceToMoveHigh is given); returns the low 32 bits."""
    dist = lDistanceToMove
    if lpDistanceToMoveHigh:
        hi = m.mem.s32(lpDistanceToMoveHigh)
        dist = (hi << 32) | (lDistanceToMove & 0xFFFFFFFF)
    pos = _seek(m, hFile, dist, dwMoveMethod)
    if pos is None:
        return 0xFFFFFFFF
    if lpDistanceToMoveHigh:
        m.mem.w32(lpDistanceToMoveHigh, pos >> 32)
    m.set_last_error(0)
    return pos & 0xFFFFFFFF


@stdcall("kernel32")
def SetFilePointerEx(m: "Machine", hFile: HANDLE, liDistanceToMove: QWORD, lpNewFilePointer: PTR,
                     dwMoveMethod: DWORD) -> BOOL:
    """64-bit SetFilePointer."""
    dist = liDistanceToMove - (1 << 64) if liDistanceToMove >> 63 else liDistanceToMove
    pos = _seek(m, hFile, dist, dwMoveMethod)
    if pos is None:
        return 0
    if lpNewFilePointer:
        m.mem.w64(lpNewFilePointer, pos)
    return 1


@stdcall("kernel32")
def GetFileSize(m: "Machine", hFile: HANDLE, lpFileSizeHigh: PTR) -> DWORD:
    """File size: low 32 bits returned, high 32 bits stored."""
    f = get_file(m, hFile)
    if f is None:
        return 0xFFFFFFFF
    size = f.size() if f.ftype == 1 else 0
    if lpFileSizeHigh:
        m.mem.w32(lpFileSizeHigh, size >> 32)
    m.set_last_error(0)
    return size & 0xFFFFFFFF


@stdcall("kernel32")
def GetFileSizeEx(m: "Machine", hFile: HANDLE, lpFileSize: PTR) -> BOOL:
    """64-bit file size."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    m.mem.w64(lpFileSize, f.size() if f.ftype == 1 else 0)
    return 1


@stdcall("kernel32")
def GetFileType(m: "Machine", hFile: HANDLE) -> DWORD:
    """FILE_TYPE_DISK, _CHAR (console/device) or _PIPE."""
    f = get_file(m, hFile)
    return 0 if f is None else f.ftype


@stdcall("kernel32")
def FlushFileBuffers(m: "Machine", hFile: HANDLE) -> BOOL:
    """Flush to the host file."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    if f.ftype == 1 and f.fd >= 0:
        try:
            os.fsync(f.fd)
        except OSError:
            pass
    return 1


@stdcall("kernel32")
def SetEndOfFile(m: "Machine", hFile: HANDLE) -> BOOL:
    """Truncate or extend the file at the current pointer."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    try:
        os.ftruncate(f.fd, f.seek(0, os.SEEK_CUR))
    except OSError as e:
        m.set_last_error(win_error(e))
        return 0
    return 1


def _attrs(hp: str) -> int:
    st = os.stat(hp)
    a = 0
    if os.path.isdir(hp):
        a |= FILE_ATTRIBUTE_DIRECTORY
    else:
        a |= FILE_ATTRIBUTE_ARCHIVE
    if not st.st_mode & 0o200:
        a |= FILE_ATTRIBUTE_READONLY
    return a


def get_attributes(m: "Machine", name: str | int | None) -> int:
    hp = resolve(m, name)
    if hp is None:
        return INVALID_FILE_ATTRIBUTES
    try:
        return _attrs(hp)
    except OSError as e:
        m.set_last_error(win_error(e) if e.errno != 2 else _missing_code(hp))
        return INVALID_FILE_ATTRIBUTES


@stdcall("kernel32")
def GetFileAttributesA(m: "Machine", lpFileName: LPCSTR) -> DWORD:
    """Attributes of a file or directory; INVALID_FILE_ATTRIBUTES if absent."""
    return get_attributes(m, lpFileName)


@stdcall("kernel32")
def GetFileAttributesW(m: "Machine", lpFileName: LPCWSTR) -> DWORD:
    """Wide GetFileAttributes."""
    return get_attributes(m, lpFileName)


def _attr_data(m: "Machine", name: str | int | None, out: int) -> int:
    hp = resolve(m, name)
    if hp is None:
        return 0
    try:
        st = os.stat(hp)
        a = _attrs(hp)
    except OSError as e:
        m.set_last_error(win_error(e) if e.errno != 2 else _missing_code(hp))
        return 0
    size = 0 if a & FILE_ATTRIBUTE_DIRECTORY else st.st_size
    m.mem.write(out, struct.pack("<IQQQII", a, filetime(st.st_ctime), filetime(st.st_atime),
                                 filetime(st.st_mtime), size >> 32, size & 0xFFFFFFFF))
    return 1


@stdcall("kernel32")
def GetFileAttributesExA(m: "Machine", lpFileName: LPCSTR, fInfoLevelId: DWORD, lpFileInformation: PTR) -> BOOL:
    """WIN32_FILE_ATTRIBUTE_DATA for a path."""
    return _attr_data(m, lpFileName, lpFileInformation)


@stdcall("kernel32")
def GetFileAttributesExW(m: "Machine", lpFileName: LPCWSTR, fInfoLevelId: DWORD, lpFileInformation: PTR) -> BOOL:
    """Wide GetFileAttributesEx."""
    return _attr_data(m, lpFileName, lpFileInformation)


def _set_attrs(m: "Machine", name: str | int | None, attrs: int) -> int:
    hp = resolve(m, name, write=True)
    if hp is None:
        return 0
    try:
        mode = os.stat(hp).st_mode
        os.chmod(hp, (mode & ~0o222) if attrs & FILE_ATTRIBUTE_READONLY else (mode | 0o200))
    except OSError as e:
        m.set_last_error(win_error(e))
        return 0
    return 1


@stdcall("kernel32")
def SetFileAttributesA(m: "Machine", lpFileName: LPCSTR, dwFileAttributes: DWORD) -> BOOL:
    """Only FILE_ATTRIBUTE_READONLY maps to the host (write permission)."""
    return _set_attrs(m, lpFileName, dwFileAttributes)


@stdcall("kernel32")
def SetFileAttributesW(m: "Machine", lpFileName: LPCWSTR, dwFileAttributes: DWORD) -> BOOL:
    """Wide SetFileAttributes."""
    return _set_attrs(m, lpFileName, dwFileAttributes)


@stdcall("kernel32")
def GetFileInformationByHandle(m: "Machine", hFile: HANDLE, lpFileInformation: PTR) -> BOOL:
    """BY_HANDLE_FILE_INFORMATION from fstat."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    try:
        st = os.fstat(f.fd) if f.fd >= 0 else None
    except OSError as e:
        m.set_last_error(win_error(e))
        return 0
    if st is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    a = FILE_ATTRIBUTE_DIRECTORY if f.is_dir else FILE_ATTRIBUTE_ARCHIVE
    size = 0 if f.is_dir else st.st_size
    m.mem.write(lpFileInformation, struct.pack("<IQQQIIIIII", a, filetime(st.st_ctime), filetime(st.st_atime),
                                               filetime(st.st_mtime), st.st_dev & 0xFFFFFFFF, size >> 32,
                                               size & 0xFFFFFFFF, st.st_nlink, (st.st_ino >> 32) & 0xFFFFFFFF,
                                               st.st_ino & 0xFFFFFFFF))
    return 1


@stdcall("kernel32")
def GetFileTime(m: "Machine", hFile: HANDLE, lpCreationTime: PTR, lpLastAccessTime: PTR,
                lpLastWriteTime: PTR) -> BOOL:
    """File times as FILETIMEs."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    st = os.fstat(f.fd)
    for p, t in ((lpCreationTime, st.st_ctime), (lpLastAccessTime, st.st_atime), (lpLastWriteTime, st.st_mtime)):
        if p:
            m.mem.w64(p, filetime(t))
    return 1


@stdcall("kernel32")
def SetFileTime(m: "Machine", hFile: HANDLE, lpCreationTime: PTR, lpLastAccessTime: PTR,
                lpLastWriteTime: PTR) -> BOOL:
    """Set access/write times on the host file (creation time has no host equivalent)."""
    f = get_file(m, hFile)
    if f is None:
        return 0
    try:
        st = os.fstat(f.fd)
        at = unix_time(m.mem.u64(lpLastAccessTime)) if lpLastAccessTime else st.st_atime
        mt = unix_time(m.mem.u64(lpLastWriteTime)) if lpLastWriteTime else st.st_mtime
        os.utime(f.fd if not f.is_dir else f.host_path, (at, mt))  # type: ignore[arg-type]
    except (OSError, ValueError, OverflowError) as e:
        m.set_last_error(win_error(e) if isinstance(e, OSError) else ERROR_INVALID_PARAMETER)
        return 0
    return 1


def _delete(m: "Machine", name: str | int | None) -> int:
    hp = resolve(m, name, write=True)
    if hp is None:
        return 0
    try:
        if os.path.isdir(hp) and not os.path.islink(hp):
            m.set_last_error(ERROR_ACCESS_DENIED)
            return 0
        os.unlink(hp)
    except OSError as e:
        m.set_last_error(win_error(e) if e.errno != 2 else _missing_code(hp))
        return 0
    return 1


@stdcall("kernel32")
def DeleteFileA(m: "Machine", lpFileName: LPCSTR) -> BOOL:
    """Delete a file."""
    return _delete(m, lpFileName)


@stdcall("kernel32")
def DeleteFileW(m: "Machine", lpFileName: LPCWSTR) -> BOOL:
    """Wide DeleteFile."""
    return _delete(m, lpFileName)


def _move(m: "Machine", src: str | int | None, dst: str | int | None, flags: int) -> int:
    hs = resolve(m, src, write=True)
    hd = resolve(m, dst, write=True)
    if hs is None or hd is None:
        return 0
    if not os.path.lexists(hs):
        m.set_last_error(_missing_code(hs))
        return 0
    if os.path.lexists(hd) and not flags & 1:  # MOVEFILE_REPLACE_EXISTING
        m.set_last_error(ERROR_ALREADY_EXISTS)
        return 0
    try:
        os.replace(hs, hd)
    except OSError as e:
        if e.errno == 18 and flags & 2:  # cross-device with MOVEFILE_COPY_ALLOWED
            shutil.move(hs, hd)
            return 1
        m.set_last_error(win_error(e))
        return 0
    return 1


@stdcall("kernel32")
def MoveFileA(m: "Machine", lpExistingFileName: LPCSTR, lpNewFileName: LPCSTR) -> BOOL:
    """Rename a file or directory (fails if the target exists)."""
    return _move(m, lpExistingFileName, lpNewFileName, 2)


@stdcall("kernel32")
def MoveFileW(m: "Machine", lpExistingFileName: LPCWSTR, lpNewFileName: LPCWSTR) -> BOOL:
    """Wide MoveFile."""
    return _move(m, lpExistingFileName, lpNewFileName, 2)


@stdcall("kernel32")
def MoveFileExA(m: "Machine", lpExistingFileName: LPCSTR, lpNewFileName: LPCSTR, dwFlags: DWORD) -> BOOL:
    """Rename with MOVEFILE_REPLACE_EXISTING / COPY_ALLOWED."""
    return _move(m, lpExistingFileName, lpNewFileName, dwFlags)


@stdcall("kernel32")
def MoveFileExW(m: "Machine", lpExistingFileName: LPCWSTR, lpNewFileName: LPCWSTR, dwFlags: DWORD) -> BOOL:
    """Wide MoveFileEx."""
    return _move(m, lpExistingFileName, lpNewFileName, dwFlags)


def _copy(m: "Machine", src: str | int | None, dst: str | int | None, fail_if_exists: int) -> int:
    hs = resolve(m, src)
    hd = resolve(m, dst, write=True)
    if hs is None or hd is None:
        return 0
    if fail_if_exists and os.path.lexists(hd):
        m.set_last_error(ERROR_FILE_EXISTS)
        return 0
    try:
        shutil.copyfile(hs, hd)
        shutil.copystat(hs, hd)
    except OSError as e:
        m.set_last_error(win_error(e))
        return 0
    return 1


@stdcall("kernel32")
def CopyFileA(m: "Machine", lpExistingFileName: LPCSTR, lpNewFileName: LPCSTR, bFailIfExists: BOOL) -> BOOL:
    """Copy a file."""
    return _copy(m, lpExistingFileName, lpNewFileName, bFailIfExists)


@stdcall("kernel32")
def CopyFileW(m: "Machine", lpExistingFileName: LPCWSTR, lpNewFileName: LPCWSTR, bFailIfExists: BOOL) -> BOOL:
    """Wide CopyFile."""
    return _copy(m, lpExistingFileName, lpNewFileName, bFailIfExists)


def _mkdir(m: "Machine", name: str | int | None) -> int:
    hp = resolve(m, name, write=True)
    if hp is None:
        return 0
    try:
        os.mkdir(hp)
    except OSError as e:
        m.set_last_error(ERROR_ALREADY_EXISTS if e.errno == 17 else win_error(e) if e.errno != 2 else 3)
        return 0
    return 1


@stdcall("kernel32")
def CreateDirectoryA(m: "Machine", lpPathName: LPCSTR, lpSecurityAttributes: PTR) -> BOOL:
    """Create one directory."""
    return _mkdir(m, lpPathName)


@stdcall("kernel32")
def CreateDirectoryW(m: "Machine", lpPathName: LPCWSTR, lpSecurityAttributes: PTR) -> BOOL:
    """Wide CreateDirectory."""
    return _mkdir(m, lpPathName)


def _rmdir(m: "Machine", name: str | int | None) -> int:
    hp = resolve(m, name, write=True)
    if hp is None:
        return 0
    try:
        os.rmdir(hp)
    except OSError as e:
        m.set_last_error(win_error(e) if e.errno != 2 else 2)
        return 0
    return 1


@stdcall("kernel32")
def RemoveDirectoryA(m: "Machine", lpPathName: LPCSTR) -> BOOL:
    """Remove an empty directory."""
    return _rmdir(m, lpPathName)


@stdcall("kernel32")
def RemoveDirectoryW(m: "Machine", lpPathName: LPCWSTR) -> BOOL:
    """Wide RemoveDirectory."""
    return _rmdir(m, lpPathName)


# ---- directories and names ------------------------------------------------------------------
@stdcall("kernel32")
def GetCurrentDirectoryA(m: "Machine", nBufferLength: DWORD, lpBuffer: PTR) -> DWORD:
    """The guest current directory."""
    return put_a(m, lpBuffer, nBufferLength, m.fs.getcwd())


@stdcall("kernel32")
def GetCurrentDirectoryW(m: "Machine", nBufferLength: DWORD, lpBuffer: PTR) -> DWORD:
    """Wide GetCurrentDirectory."""
    return put_w(m, lpBuffer, nBufferLength, m.fs.getcwd())


def _chdir(m: "Machine", path: str | int | None) -> int:
    if not isinstance(path, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    try:
        m.fs.chdir(path)
    except PathError as e:
        m.set_last_error(e.code)
        return 0
    return 1


@stdcall("kernel32")
def SetCurrentDirectoryA(m: "Machine", lpPathName: LPCSTR) -> BOOL:
    """Change the guest current directory (must exist inside an exposed folder)."""
    return _chdir(m, lpPathName)


@stdcall("kernel32")
def SetCurrentDirectoryW(m: "Machine", lpPathName: LPCWSTR) -> BOOL:
    """Wide SetCurrentDirectory."""
    return _chdir(m, lpPathName)


def _full(m: "Machine", name: str | int | None) -> tuple[str, int] | None:
    if not isinstance(name, str) or not name:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    try:
        full = m.fs.normalize(name)
    except PathError as e:
        m.set_last_error(e.code)
        return None
    if name.endswith(("\\", "/")) and not full.endswith("\\"):
        full += "\\"
    return full, full.rfind("\\") + 1


@stdcall("kernel32")
def GetFullPathNameA(m: "Machine", lpFileName: LPCSTR, nBufferLength: DWORD, lpBuffer: PTR, lpFilePart: PTR) -> DWORD:
    """Absolute normalised path; *lpFilePart points at the last component."""
    r = _full(m, lpFileName)
    if r is None:
        return 0
    full, fp = r
    n = put_a(m, lpBuffer, nBufferLength, full)
    if lpFilePart and n < nBufferLength:
        m.mem.w32(lpFilePart, lpBuffer + len(full[:fp].encode(m.ansi, "replace")) if fp < len(full) else 0)
    return n


@stdcall("kernel32")
def GetFullPathNameW(m: "Machine", lpFileName: LPCWSTR, nBufferLength: DWORD, lpBuffer: PTR, lpFilePart: PTR) -> DWORD:
    """Wide GetFullPathName."""
    r = _full(m, lpFileName)
    if r is None:
        return 0
    full, fp = r
    n = put_w(m, lpBuffer, nBufferLength, full)
    if lpFilePart and n < nBufferLength:
        m.mem.w32(lpFilePart, lpBuffer + 2 * fp if fp < len(full) else 0)
    return n


@stdcall("kernel32")
def GetShortPathNameA(m: "Machine", lpszLongPath: LPCSTR, lpszShortPath: PTR, cchBuffer: DWORD) -> DWORD:
    """Long names are returned unchanged (no 8.3 aliases)."""
    if get_attributes(m, lpszLongPath) == INVALID_FILE_ATTRIBUTES:
        return 0
    return put_a(m, lpszShortPath, cchBuffer, str(lpszLongPath))


@stdcall("kernel32")
def GetShortPathNameW(m: "Machine", lpszLongPath: LPCWSTR, lpszShortPath: PTR, cchBuffer: DWORD) -> DWORD:
    """Long names are returned unchanged (no 8.3 aliases)."""
    if get_attributes(m, lpszLongPath) == INVALID_FILE_ATTRIBUTES:
        return 0
    return put_w(m, lpszShortPath, cchBuffer, str(lpszLongPath))


@stdcall("kernel32")
def GetTempPathA(m: "Machine", nBufferLength: DWORD, lpBuffer: PTR) -> DWORD:
    """C:\\WINDOWS\\TEMP\\ on the program's private drive."""
    return put_a(m, lpBuffer, nBufferLength, "C:\\WINDOWS\\TEMP\\")


@stdcall("kernel32")
def GetTempPathW(m: "Machine", nBufferLength: DWORD, lpBuffer: PTR) -> DWORD:
    """Wide GetTempPath."""
    return put_w(m, lpBuffer, nBufferLength, "C:\\WINDOWS\\TEMP\\")


def _temp_name(m: "Machine", path: str | int | None, prefix: str | int | None, unique: int) -> tuple[str, int] | None:
    if not isinstance(path, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    pre = (prefix if isinstance(prefix, str) else "")[:3]
    n = unique or (int(_time.time() * 1000) & 0xFFFF) or 1
    for _ in range(0x10000):
        num = n & 0xFFFF or 1
        name = path.rstrip("\\/") + "\\" + f"{pre}{num:X}.tmp"
        hp = resolve(m, name, write=True)
        if hp is None:
            return None
        if unique:
            return name, num
        if not os.path.lexists(hp):
            try:
                os.close(os.open(hp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            except OSError as e:
                m.set_last_error(win_error(e))
                return None
            return name, num
        n += 1
    return None


@stdcall("kernel32")
def GetTempFileNameA(m: "Machine", lpPathName: LPCSTR, lpPrefixString: LPCSTR, uUnique: DWORD,
                     lpTempFileName: PTR) -> DWORD:
    """Create (unless uUnique) and name a unique PREFXXXX.tmp file."""
    r = _temp_name(m, lpPathName, lpPrefixString, uUnique)
    if r is None:
        return 0
    m.mem.write_cstr(lpTempFileName, r[0], m.ansi)
    return r[1]


@stdcall("kernel32")
def GetTempFileNameW(m: "Machine", lpPathName: LPCWSTR, lpPrefixString: LPCWSTR, uUnique: DWORD,
                     lpTempFileName: PTR) -> DWORD:
    """Wide GetTempFileName."""
    r = _temp_name(m, lpPathName, lpPrefixString, uUnique)
    if r is None:
        return 0
    m.mem.write_wstr(lpTempFileName, r[0])
    return r[1]
