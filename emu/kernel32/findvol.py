"""kernel32: directory searches (FindFirstFile), volumes and drives, handle utilities, SearchPath, _lopen."""
from __future__ import annotations

import fnmatch
import os
import struct
from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, INT, LONG, LPCSTR, LPCWSTR, PTR, stdcall
from ..objects import INVALID_HANDLE_VALUE, KObject
from ..sandbox import PathError
from ..strings import put_a, put_w
from .file import (ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NO_MORE_FILES,
                   ERROR_PATH_NOT_FOUND, FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_NORMAL, GENERIC_READ, GENERIC_WRITE,
                   OPEN_EXISTING, _attrs, _seek, filetime, get_file, open_file, resolve)
from .fileobj import win_error

if TYPE_CHECKING:
    from ..machine import Machine


# ---- find files ----------------------------------------------------------------------------
class FindHandle(KObject):
    kind = "find"

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        super().__init__()
        self.entries = entries  # (name, host path)
        self.pos = 0


def _match(pattern: str, name: str) -> bool:
    p = pattern.lower()
    n = name.lower()
    if p in ("*", "*.*"):
        return True
    if p.endswith(".*") and "." not in n and fnmatch.fnmatchcase(n, p[:-2]):
        return True
    return fnmatch.fnmatchcase(n, p.replace("[", "[[]"))


def _find_data(m: "Machine", out: int, name: str, hp: str, wide: bool) -> None:
    try:
        st = os.stat(hp)
        a = _attrs(hp)
    except OSError:
        st = None
        a = FILE_ATTRIBUTE_NORMAL
    size = 0 if (a & FILE_ATTRIBUTE_DIRECTORY or st is None) else st.st_size
    times = (filetime(st.st_ctime), filetime(st.st_atime), filetime(st.st_mtime)) if st else (0, 0, 0)
    head = struct.pack("<IQQQIIII", a, *times, size >> 32, size & 0xFFFFFFFF, 0, 0)
    if wide:
        fn = name.encode("utf-16-le")[:518].ljust(520, b"\0")
        m.mem.write(out, head + fn + bytes(28))
    else:
        fn = name.encode(m.ansi, "replace")[:259].ljust(260, b"\0")
        m.mem.write(out, head + fn + bytes(14))


def _find_first(m: "Machine", pattern: str | int | None, out: int, wide: bool) -> int:
    if not isinstance(pattern, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return INVALID_HANDLE_VALUE
    p = pattern.replace("/", "\\")
    d, _, pat = p.rpartition("\\")
    if not pat:
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return INVALID_HANDLE_VALUE
    dir_guest = (d + "\\") if d else (p[:2] if len(p) > 1 and p[1] == ":" else ".")
    if not d and len(p) > 1 and p[1] == ":":
        pat = p[2:]
    hd = resolve(m, dir_guest)
    if hd is None:
        return INVALID_HANDLE_VALUE
    if not os.path.isdir(hd):
        m.set_last_error(ERROR_PATH_NOT_FOUND)
        return INVALID_HANDLE_VALUE
    entries: list[tuple[str, str]] = []
    if any(c in pat for c in "*?"):
        names = sorted(os.listdir(hd))
        if m.fs.normalize(dir_guest).rstrip("\\")[2:]:
            names = [".", ".."] + names
        for n in names:
            if _match(pat, n):
                entries.append((n, os.path.join(hd, n)))
    else:
        hp = resolve(m, p)
        if hp is not None and os.path.lexists(hp):
            entries.append((os.path.basename(hp), hp))
    if not entries:
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return INVALID_HANDLE_VALUE
    fh = FindHandle(entries)
    _find_data(m, out, *entries[0], wide)
    fh.pos = 1
    return m.handles.add(fh)


def _find_next(m: "Machine", h: int, out: int, wide: bool) -> int:
    fh = m.handles.get(h)
    if not isinstance(fh, FindHandle):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if fh.pos >= len(fh.entries):
        m.set_last_error(ERROR_NO_MORE_FILES)
        return 0
    _find_data(m, out, *fh.entries[fh.pos], wide)
    fh.pos += 1
    return 1


@stdcall("kernel32")
def FindFirstFileA(m: "Machine", lpFileName: LPCSTR, lpFindFileData: PTR) -> HANDLE:
    """Start a directory search with * and ? wildcards."""
    return _find_first(m, lpFileName, lpFindFileData, False)


@stdcall("kernel32")
def FindFirstFileW(m: "Machine", lpFileName: LPCWSTR, lpFindFileData: PTR) -> HANDLE:
    """Wide FindFirstFile."""
    return _find_first(m, lpFileName, lpFindFileData, True)


@stdcall("kernel32")
def FindNextFileA(m: "Machine", hFindFile: HANDLE, lpFindFileData: PTR) -> BOOL:
    """Next match; FALSE with ERROR_NO_MORE_FILES at the end."""
    return _find_next(m, hFindFile, lpFindFileData, False)


@stdcall("kernel32")
def FindNextFileW(m: "Machine", hFindFile: HANDLE, lpFindFileData: PTR) -> BOOL:
    """Wide FindNextFile."""
    return _find_next(m, hFindFile, lpFindFileData, True)


@stdcall("kernel32")
def FindClose(m: "Machine", hFindFile: HANDLE) -> BOOL:
    """End a search."""
    if not isinstance(m.handles.get(hFindFile), FindHandle):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    m.handles.close(hFindFile)
    return 1


# ---- volumes ----------------------------------------------------------------------------------
def _disk_free(m: "Machine", root: str | int | None) -> tuple[int, int] | None:
    hp = resolve(m, root if isinstance(root, str) else m.fs.getcwd()[:3])
    if hp is None:
        return None
    try:
        st = os.statvfs(hp)
    except OSError as e:
        m.set_last_error(win_error(e))
        return None
    free, total = st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize
    if m.det:
        # deterministic runs must not depend on the host's disk: a fixed 2 GB free of 4 GB (capped by reality)
        free, total = min(free, 2 << 30), 4 << 30
    return free, total


@stdcall("kernel32")
def GetDiskFreeSpaceA(m: "Machine", lpRootPathName: LPCSTR, spc: PTR, bps: PTR, free: PTR, total: PTR) -> BOOL:
    """Free space in 512-byte sectors, 8 per cluster (clamped to 2 GiB as old Windows did)."""
    r = _disk_free(m, lpRootPathName)
    if r is None:
        return 0
    fr, tot = (min(x // 4096, 0x7FFFF) for x in r)
    for p, v in ((spc, 8), (bps, 512), (free, fr), (total, tot)):
        if p:
            m.mem.w32(p, v)
    return 1


@stdcall("kernel32")
def GetDiskFreeSpaceW(m: "Machine", lpRootPathName: LPCWSTR, spc: PTR, bps: PTR, free: PTR, total: PTR) -> BOOL:
    """Wide GetDiskFreeSpace."""
    return GetDiskFreeSpaceA(m, lpRootPathName, spc, bps, free, total)


def _disk_free_ex(m: "Machine", root: str | int | None, avail: int, total: int, free: int) -> int:
    r = _disk_free(m, root)
    if r is None:
        return 0
    for p, v in ((avail, r[0]), (total, r[1]), (free, r[0])):
        if p:
            m.mem.w64(p, v)
    return 1


@stdcall("kernel32")
def GetDiskFreeSpaceExA(m: "Machine", lpDirectoryName: LPCSTR, avail: PTR, total: PTR, free: PTR) -> BOOL:
    """64-bit free space of the drive holding a guest path."""
    return _disk_free_ex(m, lpDirectoryName, avail, total, free)


@stdcall("kernel32")
def GetDiskFreeSpaceExW(m: "Machine", lpDirectoryName: LPCWSTR, avail: PTR, total: PTR, free: PTR) -> BOOL:
    """Wide GetDiskFreeSpaceEx."""
    return _disk_free_ex(m, lpDirectoryName, avail, total, free)


@stdcall("kernel32")
def GetLogicalDrives(m: "Machine") -> DWORD:
    """Bit mask of the guest's drives."""
    return sum(1 << (ord(k) - ord("A")) for k in m.fs.drives)


@stdcall("kernel32")
def GetLogicalDriveStringsA(m: "Machine", nBufferLength: DWORD, lpBuffer: PTR) -> DWORD:
    """'C:\\<NUL>D:\\<NUL>...<NUL>'."""
    s = "".join(f"{k}:\\\0" for k in sorted(m.fs.drives))
    if len(s) + 1 > nBufferLength:
        return len(s) + 1
    m.mem.write(lpBuffer, s.encode() + b"\0")
    return len(s)


@stdcall("kernel32")
def GetLogicalDriveStringsW(m: "Machine", nBufferLength: DWORD, lpBuffer: PTR) -> DWORD:
    """Wide GetLogicalDriveStrings."""
    s = "".join(f"{k}:\\\0" for k in sorted(m.fs.drives))
    if len(s) + 1 > nBufferLength:
        return len(s) + 1
    m.mem.write(lpBuffer, s.encode("utf-16-le") + b"\0\0")
    return len(s)


def _drive_type(m: "Machine", root: str | int | None) -> int:
    letter = (root if isinstance(root, str) and root else m.fs.getcwd())[0].upper()
    return 3 if letter in m.fs.drives else 1  # DRIVE_FIXED / DRIVE_NO_ROOT_DIR


@stdcall("kernel32")
def GetDriveTypeA(m: "Machine", lpRootPathName: LPCSTR) -> DWORD:
    """DRIVE_FIXED for the guest's drives."""
    return _drive_type(m, lpRootPathName)


@stdcall("kernel32")
def GetDriveTypeW(m: "Machine", lpRootPathName: LPCWSTR) -> DWORD:
    """Wide GetDriveType."""
    return _drive_type(m, lpRootPathName)


def _volume(m: "Machine", root: str | int | None, name: int, nsize: int, serial: int, maxlen: int, flags: int,
            fsname: int, fssize: int, wide: bool) -> int:
    letter = (root if isinstance(root, str) and root else m.fs.getcwd())[0].upper()
    if letter not in m.fs.drives:
        m.set_last_error(ERROR_PATH_NOT_FOUND)
        return 0
    put = put_w if wide else put_a
    if name:
        put(m, name, nsize, f"EXEPLAY_{letter}")
    if serial:
        m.mem.w32(serial, 0x1234_0000 | ord(letter))
    if maxlen:
        m.mem.w32(maxlen, 255)
    if flags:
        m.mem.w32(flags, 0x3)  # case sensitive search | case preserved names
    if fsname:
        put(m, fsname, fssize, "NTFS")
    return 1


@stdcall("kernel32")
def GetVolumeInformationA(m: "Machine", lpRootPathName: LPCSTR, lpVolumeNameBuffer: PTR, nVolumeNameSize: DWORD,
                          lpVolumeSerialNumber: PTR, lpMaximumComponentLength: PTR, lpFileSystemFlags: PTR,
                          lpFileSystemNameBuffer: PTR, nFileSystemNameSize: DWORD) -> BOOL:
    """Volume label EXEPLAY_X, file system NTFS."""
    return _volume(m, lpRootPathName, lpVolumeNameBuffer, nVolumeNameSize, lpVolumeSerialNumber,
                   lpMaximumComponentLength, lpFileSystemFlags, lpFileSystemNameBuffer, nFileSystemNameSize, False)


@stdcall("kernel32")
def GetVolumeInformationW(m: "Machine", lpRootPathName: LPCWSTR, lpVolumeNameBuffer: PTR, nVolumeNameSize: DWORD,
                          lpVolumeSerialNumber: PTR, lpMaximumComponentLength: PTR, lpFileSystemFlags: PTR,
                          lpFileSystemNameBuffer: PTR, nFileSystemNameSize: DWORD) -> BOOL:
    """Wide GetVolumeInformation."""
    return _volume(m, lpRootPathName, lpVolumeNameBuffer, nVolumeNameSize, lpVolumeSerialNumber,
                   lpMaximumComponentLength, lpFileSystemFlags, lpFileSystemNameBuffer, nFileSystemNameSize, True)


@stdcall("kernel32")
def SetHandleCount(m: "Machine", uNumber: DWORD) -> DWORD:
    """Win32 ignores this and returns the argument."""
    return uNumber


@stdcall("kernel32")
def DuplicateHandle(m: "Machine", hSourceProcessHandle: HANDLE, hSourceHandle: HANDLE, hTargetProcessHandle: HANDLE,
                    lpTargetHandle: PTR, dwDesiredAccess: DWORD, bInheritHandle: BOOL, dwOptions: DWORD) -> BOOL:
    """Duplicate a handle within this process (DUPLICATE_CLOSE_SOURCE honoured)."""
    from .console import std_object  # noqa: PLC0415
    if hSourceHandle == 0xFFFFFFFE and m.thread is not None:
        obj: KObject | None = m.thread
    elif hSourceHandle in (0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4):
        obj = std_object(m, hSourceHandle)
    else:
        obj = m.handles.get(hSourceHandle)
    if obj is None or hSourceProcessHandle != 0xFFFFFFFF:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    h = m.handles.add(obj)
    if lpTargetHandle:
        m.mem.w32(lpTargetHandle, h)
    if dwOptions & 1:
        m.handles.close(hSourceHandle)
    return 1


@stdcall("kernel32")
def GetHandleInformation(m: "Machine", hObject: HANDLE, lpdwFlags: PTR) -> BOOL:
    """Handle flags (always 0)."""
    if m.handles.get(hObject) is None and hObject not in (0xFFFFFFF6, 0xFFFFFFF5, 0xFFFFFFF4):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    if lpdwFlags:
        m.mem.w32(lpdwFlags, 0)
    return 1


@stdcall("kernel32")
def SetHandleInformation(m: "Machine", hObject: HANDLE, dwMask: DWORD, dwFlags: DWORD) -> BOOL:
    """Accepted (inheritance has no meaning without child processes)."""
    return 1


@stdcall("kernel32")
def PeekNamedPipe(m: "Machine", hNamedPipe: HANDLE, lpBuffer: PTR, nBufferSize: DWORD, lpBytesRead: PTR,
                  lpTotalBytesAvail: PTR, lpBytesLeftThisMessage: PTR) -> BOOL:
    """Bytes available on a pipe without reading (uses select on the host fd)."""
    import select  # noqa: PLC0415
    f = get_file(m, hNamedPipe)
    if f is None or f.ftype != 3:
        m.set_last_error(ERROR_INVALID_HANDLE if f is None else 1)
        return 0
    r, _, _ = select.select([f.fd], [], [], 0)
    avail = 1 if r else 0
    for p in (lpBytesRead,):
        if p:
            m.mem.w32(p, 0)
    if lpTotalBytesAvail:
        m.mem.w32(lpTotalBytesAvail, avail)
    if lpBytesLeftThisMessage:
        m.mem.w32(lpBytesLeftThisMessage, 0)
    return 1


@stdcall("kernel32")
def LockFile(m: "Machine", hFile: HANDLE, lo: DWORD, hi: DWORD, nlo: DWORD, nhi: DWORD) -> BOOL:
    """Byte-range locks always succeed (single process)."""
    return 1


@stdcall("kernel32")
def UnlockFile(m: "Machine", hFile: HANDLE, lo: DWORD, hi: DWORD, nlo: DWORD, nhi: DWORD) -> BOOL:
    """Byte-range unlock always succeeds."""
    return 1


@stdcall("kernel32")
def SearchPathA(m: "Machine", lpPath: LPCSTR, lpFileName: LPCSTR, lpExtension: LPCSTR, nBufferLength: DWORD,
                lpBuffer: PTR, lpFilePart: PTR) -> DWORD:
    """Look for a file in the current directory and the program's folder."""
    return _search(m, lpPath, lpFileName, lpExtension, nBufferLength, lpBuffer, lpFilePart, False)


@stdcall("kernel32")
def SearchPathW(m: "Machine", lpPath: LPCWSTR, lpFileName: LPCWSTR, lpExtension: LPCWSTR, nBufferLength: DWORD,
                lpBuffer: PTR, lpFilePart: PTR) -> DWORD:
    """Wide SearchPath."""
    return _search(m, lpPath, lpFileName, lpExtension, nBufferLength, lpBuffer, lpFilePart, True)


def _search(m: "Machine", path: str | int | None, name: str | int | None, ext: str | int | None, n: int, buf: int,
            part: int, wide: bool) -> int:
    if not isinstance(name, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    cands = [name]
    if isinstance(ext, str) and "." not in name.rsplit("\\", 1)[-1]:
        cands.insert(0, name + ext)
    dirs = [d for d in (path.split(";") if isinstance(path, str) else []) if d]
    exe_dir = (m.proc.exe.path.rsplit("\\", 1)[0] + "\\") if m.proc.exe else ""
    dirs += [m.fs.getcwd(), exe_dir, "C:\\WINDOWS\\system32\\"]
    for d in dirs:
        for c in cands:
            g = c if (len(c) > 1 and c[1] == ":") or c.startswith("\\") else d.rstrip("\\") + "\\" + c
            try:
                hp = m.fs.host_path(g)
            except PathError:
                continue
            if os.path.isfile(hp):
                full = m.fs.normalize(g)
                r = (put_w if wide else put_a)(m, buf, n, full)
                if part and r < n:
                    fp = full.rfind("\\") + 1
                    m.mem.w32(part, buf + (2 * fp if wide else len(full[:fp].encode(m.ansi, "replace"))))
                return r
    m.set_last_error(ERROR_FILE_NOT_FOUND)
    return 0


@stdcall("kernel32")
def _lopen(m: "Machine", lpPathName: LPCSTR, iReadWrite: INT) -> HANDLE:
    """16-bit style open: OF_READ / OF_WRITE / OF_READWRITE."""
    acc = {0: GENERIC_READ, 1: GENERIC_WRITE, 2: GENERIC_READ | GENERIC_WRITE}.get(iReadWrite & 3, GENERIC_READ)
    return open_file(m, lpPathName, acc, OPEN_EXISTING, 0)


@stdcall("kernel32")
def _lclose(m: "Machine", hFile: HANDLE) -> HANDLE:
    """Close a file from _lopen; 0 on success."""
    return 0 if m.handles.close(hFile) else 0xFFFFFFFF


@stdcall("kernel32")
def _lread(m: "Machine", hFile: HANDLE, lpBuffer: PTR, uBytes: DWORD) -> DWORD:
    """Read; returns bytes read or HFILE_ERROR."""
    f = get_file(m, hFile)
    if f is None:
        return 0xFFFFFFFF
    data = f.read(uBytes)
    m.mem.write(lpBuffer, data)
    return len(data)


@stdcall("kernel32")
def _llseek(m: "Machine", hFile: HANDLE, lOffset: LONG, iOrigin: INT) -> DWORD:
    """Seek; returns the new position."""
    pos = _seek(m, hFile, lOffset, iOrigin)
    return 0xFFFFFFFF if pos is None else pos
