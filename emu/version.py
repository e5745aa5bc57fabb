"""version.dll: reading a file's version resource (GetFileVersionInfoSize, GetFileVersionInfo, VerQueryValue).

The VS_VERSIONINFO resource (RT_VERSION) is read from the PE file in the guest file system. A bare file
name is looked for the way LoadLibrary looks for a DLL: the program's folder, the current folder, then
C:\\WINDOWS\\system32 and C:\\WINDOWS. exeplay's built-in system DLLs have no file, so asking about them
fails with ERROR_FILE_NOT_FOUND as for any missing file.

The buffer GetFileVersionInfoSize asks for is twice the resource: VerQueryValueA converts a string value
to ANSI into the second half (at the same offset as the value), so its pointer stays valid with the buffer.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .api import BOOL, DWORD, LPCSTR, LPCWSTR, PTR, stdcall
from .sandbox import PathError

if TYPE_CHECKING:
    from .machine import Machine

RT_VERSION = 16
ERROR_FILE_NOT_FOUND = 2
ERROR_BAD_FORMAT = 11
ERROR_INVALID_PARAMETER = 87
ERROR_RESOURCE_DATA_NOT_FOUND = 1812
ERROR_RESOURCE_TYPE_NOT_FOUND = 1813


def _find_file(m: Machine, name: str) -> str | None:
    """Host path of the file a version query names."""
    candidates = [name]
    if not any(c in name for c in "\\/:"):
        exe_dir = m.proc.exe.path.rsplit("\\", 1)[0] if m.proc.exe else ""
        candidates = [d + "\\" + name for d in (exe_dir, m.fs.getcwd().rstrip("\\"), "C:\\WINDOWS\\system32",
                                                 "C:\\WINDOWS") if d]
    for c in candidates:
        try:
            hp = m.fs.host_path(c)
        except PathError:
            continue
        if os.path.isfile(hp):
            return hp
    return None


def version_resource(m: Machine, name: str | int | None) -> bytes | None:
    """The raw VS_VERSIONINFO of a file, or None with the last error set."""
    import pefile
    if not isinstance(name, str) or not name:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return None
    hp = _find_file(m, name)
    if hp is None:
        m.set_last_error(ERROR_FILE_NOT_FOUND)
        return None
    try:
        pe = pefile.PE(hp, fast_load=True)
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
    except (pefile.PEFormatError, OSError):
        m.set_last_error(ERROR_BAD_FORMAT)
        return None
    root = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
    for t in (root.entries if root else []):
        if t.id != RT_VERSION:
            continue
        for n in t.directory.entries:
            for lang in n.directory.entries:
                d = lang.data.struct
                return pe.get_data(d.OffsetToData, d.Size)
        break
    m.set_last_error(ERROR_RESOURCE_TYPE_NOT_FOUND)
    return None


def _size(m: Machine, name: str | int | None, handle: int) -> int:
    if handle:
        m.mem.w32(handle, 0)
    data = version_resource(m, name)
    if data is None:
        return 0
    return 2 * ((len(data) + 3) & ~3)


def _info(m: Machine, name: str | int | None, length: int, out: int) -> int:
    data = version_resource(m, name)
    if data is None:
        return 0
    if not out:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    m.mem.write(out, data[:length])
    return 1


@stdcall("version")
def GetFileVersionInfoSizeA(m: Machine, lptstrFilename: LPCSTR, lpdwHandle: PTR) -> DWORD:
    """Bytes needed for GetFileVersionInfo of a file (0 if it has no version resource)."""
    return _size(m, lptstrFilename, lpdwHandle)


@stdcall("version")
def GetFileVersionInfoSizeW(m: Machine, lptstrFilename: LPCWSTR, lpdwHandle: PTR) -> DWORD:
    """Wide GetFileVersionInfoSize."""
    return _size(m, lptstrFilename, lpdwHandle)


@stdcall("version")
def GetFileVersionInfoA(m: Machine, lptstrFilename: LPCSTR, dwHandle: DWORD, dwLen: DWORD, lpData: PTR) -> BOOL:
    """Copy a file's VS_VERSIONINFO resource (up to dwLen bytes) into lpData."""
    return _info(m, lptstrFilename, dwLen, lpData)


@stdcall("version")
def GetFileVersionInfoW(m: Machine, lptstrFilename: LPCWSTR, dwHandle: DWORD, dwLen: DWORD, lpData: PTR) -> BOOL:
    """Wide GetFileVersionInfo."""
    return _info(m, lptstrFilename, dwLen, lpData)


# ---- VerQueryValue -------------------------------------------------------------------------------------
def _node(m: Machine, p: int, wide: bool) -> tuple[int, int, int, str, int, int]:
    """(wLength, wValueLength, wType, key, value address, children address) of a version block node.
    Windows NT blocks have wType and UTF-16 keys; 16-bit (Windows 3.x) blocks have ANSI keys and no wType."""
    if wide:
        length, vlen, vtype = m.mem.unpack("<HHH", p)
        key = m.mem.wstr(p + 6)
        vaddr = (p + 6 + 2 * (len(key) + 1) + 3) & ~3
        vsize = vlen * 2 if vtype == 1 else vlen
    else:
        length, vlen = m.mem.unpack("<HH", p)
        vtype = 1
        key = m.mem.cstr(p + 4, m.ansi)
        vaddr = (p + 4 + len(key) + 1 + 3) & ~3
        vsize = vlen
    return length, vlen, vtype, key, vaddr, (vaddr + vsize + 3) & ~3


def _is_unicode_block(m: Machine, block: int) -> bool:
    """NT version blocks start with the UTF-16 key "VS_VERSION_INFO" after three WORDs."""
    return m.mem.read(block + 6, 4) == "VS".encode("utf-16-le")


def query(m: Machine, block: int, sub: str) -> tuple[int, int, bool, int] | None:
    """Find ``sub`` ("\\\\", "\\\\VarFileInfo\\\\Translation", "\\\\StringFileInfo\\\\040904b0\\\\Name"):
    (value address, wValueLength, is text, node offset) or None."""
    wide = _is_unicode_block(m, block)
    length, vlen, vtype, _key, vaddr, child = _node(m, block, wide)
    parts = [s for s in sub.replace("/", "\\").split("\\") if s]
    cur, cur_len, cur_vlen, cur_type, cur_vaddr, cur_child = block, length, vlen, vtype, vaddr, child
    for part in parts:
        end = cur + cur_len
        p = cur_child
        found = None
        while p + (6 if wide else 4) <= end:
            n_len, n_vlen, n_type, n_key, n_vaddr, n_child = _node(m, p, wide)
            if n_len == 0:
                break
            if n_key.lower() == part.lower():
                found = (p, n_len, n_vlen, n_type, n_vaddr, n_child)
                break
            p = (p + n_len + 3) & ~3
        if found is None:
            return None
        cur, cur_len, cur_vlen, cur_type, cur_vaddr, cur_child = found
    return cur_vaddr, cur_vlen, bool(wide and parts and cur_type == 1), cur - block


def _ver_query(m: Machine, block: int, sub: str | int | None, out_ptr: int, out_len: int, ansi: bool) -> int:
    if not block or not isinstance(sub, str):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    q = query(m, block, sub)
    if q is None:
        m.set_last_error(ERROR_RESOURCE_TYPE_NOT_FOUND)
        return 0
    vaddr, vlen, is_text, _off = q
    if vlen == 0 and sub.strip("\\") == "":
        m.set_last_error(ERROR_RESOURCE_DATA_NOT_FOUND)
        return 0
    if is_text and ansi:
        text = m.mem.wstr(vaddr)[:max(vlen - 1, 0)] if vlen else ""
        data = text.encode(m.ansi, "replace") + b"\0"
        root_len = (m.mem.u16(block) + 3) & ~3
        dst = block + root_len + (vaddr - block)
        m.mem.write(dst, data)
        vaddr, vlen = dst, len(data)
    if out_ptr:
        m.mem.w32(out_ptr, vaddr)
    if out_len:
        m.mem.w32(out_len, vlen)
    return 1


@stdcall("version")
def VerQueryValueA(m: Machine, pBlock: PTR, lpSubBlock: LPCSTR, lplpBuffer: PTR, puLen: PTR) -> BOOL:
    """Pointer to and length of a version value: "\\\\" (VS_FIXEDFILEINFO), "\\\\VarFileInfo\\\\Translation",
    "\\\\StringFileInfo\\\\<lang><cp>\\\\<name>" (string converted to ANSI, length in characters with NUL)."""
    return _ver_query(m, pBlock, lpSubBlock, lplpBuffer, puLen, True)


@stdcall("version")
def VerQueryValueW(m: Machine, pBlock: PTR, lpSubBlock: LPCWSTR, lplpBuffer: PTR, puLen: PTR) -> BOOL:
    """Wide VerQueryValue (strings stay UTF-16 in the block)."""
    return _ver_query(m, pBlock, lpSubBlock, lplpBuffer, puLen, False)

