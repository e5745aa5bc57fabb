"""shell32: special folders and item ID lists, file information and operations, drag and drop, ShellExecute,
ShellAbout and CommandLineToArgvW.

Special folders (CSIDL_*) are the Windows XP layout on the guest's private C: drive, for the user "player":
C:\\Documents and Settings\\player\\..., C:\\Documents and Settings\\All Users\\..., C:\\WINDOWS,
C:\\Program Files. A profile has all of them, so a folder is created in the sandbox when it is asked for
(unless CSIDL_FLAG_DONT_VERIFY). Item ID lists (PIDLs) made here are process-heap blocks holding one
SHITEMID ("XPLY", a kind byte, then a UTF-16 path or a virtual folder's CSIDL) and the zero terminator; the
desktop is the empty list. Callers free them with CoTaskMemFree / ILFree (process-heap blocks).

There is one guest process and no other program to run: ShellExecute(Ex) fails with SE_ERR_NOASSOC /
ERROR_NO_ASSOCIATION and says so on stderr. SHBrowseForFolder has no dialog yet: it reports that and returns
NULL (as if cancelled). ShellAbout shows "About <app>" as a message box with the application line and the
extra text (an approximation of the Windows about box). SHFileOperation works without UI: no progress
window and no confirmation prompts (FOF_ALLOWUNDO deletes permanently: there is no recycle bin).
"""
from __future__ import annotations

import fnmatch
import os
import shutil
import struct
from typing import TYPE_CHECKING

from .api import BOOL, DWORD, HANDLE, HWND, INT, LPCSTR, LPCWSTR, PTR, UINT, stdcall
from .sandbox import PathError

if TYPE_CHECKING:
    from .machine import Machine

S_OK, S_FALSE = 0, 1
E_FAIL = 0x80004005
E_INVALIDARG = 0x80070057
E_OUTOFMEMORY = 0x8007000E
MAX_PATH = 260
ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_NO_ASSOCIATION = 1155
SE_ERR_NOASSOC = 31

USER = "player"
PROFILE = f"C:\\Documents and Settings\\{USER}"
ALL_USERS = "C:\\Documents and Settings\\All Users"
MY_DOCS = PROFILE + "\\My Documents"

# CSIDL -> guest path (None: a virtual folder without a file system path)
FOLDERS: dict[int, str | None] = {
    0x00: PROFILE + "\\Desktop",  # CSIDL_DESKTOP (the namespace root; its path is the desktop directory)
    0x01: None,  # CSIDL_INTERNET
    0x02: PROFILE + "\\Start Menu\\Programs",
    0x03: None,  # CSIDL_CONTROLS
    0x04: None,  # CSIDL_PRINTERS
    0x05: MY_DOCS,  # CSIDL_PERSONAL
    0x06: PROFILE + "\\Favorites",
    0x07: PROFILE + "\\Start Menu\\Programs\\Startup",
    0x08: PROFILE + "\\Recent",
    0x09: PROFILE + "\\SendTo",
    0x0A: None,  # CSIDL_BITBUCKET
    0x0B: PROFILE + "\\Start Menu",
    0x0C: MY_DOCS,  # CSIDL_MYDOCUMENTS
    0x0D: MY_DOCS + "\\My Music",
    0x0E: MY_DOCS + "\\My Videos",
    0x10: PROFILE + "\\Desktop",  # CSIDL_DESKTOPDIRECTORY
    0x11: None,  # CSIDL_DRIVES
    0x12: None,  # CSIDL_NETWORK
    0x13: PROFILE + "\\NetHood",
    0x14: "C:\\WINDOWS\\Fonts",
    0x15: PROFILE + "\\Templates",
    0x16: ALL_USERS + "\\Start Menu",
    0x17: ALL_USERS + "\\Start Menu\\Programs",
    0x18: ALL_USERS + "\\Start Menu\\Programs\\Startup",
    0x19: ALL_USERS + "\\Desktop",
    0x1A: PROFILE + "\\Application Data",  # CSIDL_APPDATA
    0x1B: PROFILE + "\\PrintHood",
    0x1C: PROFILE + "\\Local Settings\\Application Data",  # CSIDL_LOCAL_APPDATA
    0x1D: PROFILE + "\\Start Menu\\Programs\\Startup",  # CSIDL_ALTSTARTUP
    0x1E: ALL_USERS + "\\Start Menu\\Programs\\Startup",  # CSIDL_COMMON_ALTSTARTUP
    0x1F: ALL_USERS + "\\Favorites",
    0x20: PROFILE + "\\Local Settings\\Temporary Internet Files",
    0x21: PROFILE + "\\Cookies",
    0x22: PROFILE + "\\Local Settings\\History",
    0x23: ALL_USERS + "\\Application Data",  # CSIDL_COMMON_APPDATA
    0x24: "C:\\WINDOWS",  # CSIDL_WINDOWS
    0x25: "C:\\WINDOWS\\system32",  # CSIDL_SYSTEM
    0x26: "C:\\Program Files",  # CSIDL_PROGRAM_FILES
    0x27: MY_DOCS + "\\My Pictures",
    0x28: PROFILE,  # CSIDL_PROFILE
    0x29: "C:\\WINDOWS\\system32",  # CSIDL_SYSTEMX86
    0x2A: "C:\\Program Files",  # CSIDL_PROGRAM_FILESX86
    0x2B: "C:\\Program Files\\Common Files",
    0x2C: "C:\\Program Files\\Common Files",
    0x2D: ALL_USERS + "\\Templates",
    0x2E: ALL_USERS + "\\Documents",
    0x2F: ALL_USERS + "\\Start Menu\\Programs\\Administrative Tools",
    0x30: PROFILE + "\\Start Menu\\Programs\\Administrative Tools",
    0x31: None,  # CSIDL_CONNECTIONS
    0x35: ALL_USERS + "\\Documents\\My Music",
    0x36: ALL_USERS + "\\Documents\\My Pictures",
    0x37: ALL_USERS + "\\Documents\\My Videos",
    0x38: "C:\\WINDOWS\\Resources",
    0x3B: PROFILE + "\\Local Settings\\Application Data\\Microsoft\\CD Burning",
}
CSIDL_FLAG_DONT_VERIFY = 0x4000
CSIDL_FLAG_CREATE = 0x8000
CSIDL_MASK = 0xFF


def folder_path(m: Machine, csidl: int) -> str | None:
    """The guest path of a special folder (None for virtual or unknown ones), created when missing."""
    path = FOLDERS.get(csidl & CSIDL_MASK)
    if path is None:
        return None
    if not csidl & CSIDL_FLAG_DONT_VERIFY:
        try:
            os.makedirs(m.fs.host_path(path, for_write=True), exist_ok=True)
        except (PathError, OSError):
            pass
    return path


def _put_path(m: Machine, buf: int, s: str, wide: bool) -> None:
    """Write a MAX_PATH buffer."""
    if wide:
        m.mem.write(buf, s.encode("utf-16-le")[:2 * (MAX_PATH - 1)] + b"\0\0")
    else:
        m.mem.write(buf, s.encode(m.ansi, "replace")[:MAX_PATH - 1] + b"\0")


def _folder_path_api(m: Machine, csidl: int, out: int, wide: bool) -> int:
    if (csidl & CSIDL_MASK) not in FOLDERS:
        return E_INVALIDARG
    path = folder_path(m, csidl)
    if path is None:
        if out:
            m.mem.write(out, b"\0\0" if wide else b"\0")
        return E_INVALIDARG
    if out:
        _put_path(m, out, path, wide)
    return S_OK


@stdcall("shell32", "shfolder")
def SHGetFolderPathA(m: Machine, hwnd: HWND, csidl: INT, hToken: HANDLE, dwFlags: DWORD, pszPath: PTR) -> DWORD:
    """Path of a special folder (CSIDL_*) into a MAX_PATH buffer; S_OK or E_INVALIDARG for virtual ones."""
    return _folder_path_api(m, csidl, pszPath, False)


@stdcall("shell32", "shfolder")
def SHGetFolderPathW(m: Machine, hwnd: HWND, csidl: INT, hToken: HANDLE, dwFlags: DWORD, pszPath: PTR) -> DWORD:
    """Wide SHGetFolderPath."""
    return _folder_path_api(m, csidl, pszPath, True)


def _special_path(m: Machine, out: int, csidl: int, wide: bool) -> int:
    path = folder_path(m, csidl)
    if path is None:
        return 0
    _put_path(m, out, path, wide)
    return 1


@stdcall("shell32")
def SHGetSpecialFolderPathA(m: Machine, hwndOwner: HWND, lpszPath: PTR, csidl: INT, fCreate: BOOL) -> BOOL:
    """Path of a special folder into a MAX_PATH buffer; FALSE for virtual folders."""
    return _special_path(m, lpszPath, csidl, False)


@stdcall("shell32")
def SHGetSpecialFolderPathW(m: Machine, hwndOwner: HWND, lpszPath: PTR, csidl: INT, fCreate: BOOL) -> BOOL:
    """Wide SHGetSpecialFolderPath."""
    return _special_path(m, lpszPath, csidl, True)


# ---- item ID lists -----------------------------------------------------------------------------------
PIDL_MAGIC = b"XPLY"


def make_pidl(m: Machine, path: str | None, csidl: int = 0) -> int:
    """A new PIDL for a file system path (or, with path None, the virtual folder ``csidl``)."""
    from .kernel32.heap import process_heap_alloc
    if path is None and csidl == 0:
        item = b""  # the desktop: the empty list
    elif path is None:
        body = PIDL_MAGIC + b"V" + struct.pack("<H", csidl)
        item = struct.pack("<H", len(body) + 2) + body
    else:
        body = PIDL_MAGIC + b"F" + path.encode("utf-16-le") + b"\0\0"
        item = struct.pack("<H", len(body) + 2) + body
    data = item + b"\0\0"
    p = process_heap_alloc(m, len(data))
    if p:
        m.mem.write(p, data)
    return p


def pidl_path(m: Machine, pidl: int) -> str | None:
    """The file system path of a PIDL made here; the desktop's path for the empty list; None otherwise."""
    if not pidl:
        return None
    cb = m.mem.u16(pidl)
    if cb == 0:
        return FOLDERS[0x10]
    if cb < 7 or m.mem.read(pidl + 2, 4) != PIDL_MAGIC or m.mem.read(pidl + 6, 1) != b"F":
        return None
    return m.mem.wstr(pidl + 7)


@stdcall("shell32")
def SHGetSpecialFolderLocation(m: Machine, hwndOwner: HWND, nFolder: INT, ppidl: PTR) -> DWORD:
    """A new item ID list for a special folder (the caller frees it with CoTaskMemFree)."""
    csidl = nFolder & CSIDL_MASK
    if csidl not in FOLDERS:
        m.mem.w32(ppidl, 0)
        return E_INVALIDARG
    path = folder_path(m, nFolder) if csidl != 0 else None
    p = make_pidl(m, path, csidl)
    m.mem.w32(ppidl, p)
    return S_OK if p else E_OUTOFMEMORY


def _path_from_pidl(m: Machine, pidl: int, out: int, wide: bool) -> int:
    path = pidl_path(m, pidl)
    if path is None:
        if out:
            m.mem.write(out, b"\0\0" if wide else b"\0")
        return 0
    if pidl and m.mem.u16(pidl) == 0:
        folder_path(m, 0x10)
    _put_path(m, out, path, wide)
    return 1


@stdcall("shell32")
def SHGetPathFromIDListA(m: Machine, pidl: PTR, pszPath: PTR) -> BOOL:
    """File system path of an item ID list into a MAX_PATH buffer; FALSE for virtual items."""
    return _path_from_pidl(m, pidl, pszPath, False)


@stdcall("shell32")
def SHGetPathFromIDListW(m: Machine, pidl: PTR, pszPath: PTR) -> BOOL:
    """Wide SHGetPathFromIDList."""
    return _path_from_pidl(m, pidl, pszPath, True)


@stdcall("shell32", ordinal=155)
def ILFree(m: Machine, pidl: PTR) -> None:
    """Free an item ID list."""
    from .kernel32.heap import process_heap_free
    if pidl:
        process_heap_free(m, pidl)


def _browse(m: Machine) -> int:
    m.log("SHBrowseForFolder: exeplay has no folder browser dialog yet; returned NULL (as if cancelled)")
    return 0


@stdcall("shell32")
def SHBrowseForFolderA(m: Machine, lpbi: PTR) -> PTR:
    """Folder picker dialog: not available yet, so it reports that and returns NULL (cancelled)."""
    return _browse(m)


@stdcall("shell32")
def SHBrowseForFolderW(m: Machine, lpbi: PTR) -> PTR:
    """Wide SHBrowseForFolder (returns NULL, see SHBrowseForFolderA)."""
    return _browse(m)


# ---- SHGetFileInfo -----------------------------------------------------------------------------------
SHGFI_ICON, SHGFI_DISPLAYNAME, SHGFI_TYPENAME, SHGFI_ATTRIBUTES = 0x100, 0x200, 0x400, 0x800
SHGFI_ICONLOCATION, SHGFI_EXETYPE, SHGFI_SYSICONINDEX = 0x1000, 0x2000, 0x4000
SHGFI_PIDL, SHGFI_USEFILEATTRIBUTES = 0x8, 0x10
FILE_ATTRIBUTE_READONLY, FILE_ATTRIBUTE_DIRECTORY = 0x1, 0x10
SFGAO_CANCOPY, SFGAO_CANMOVE, SFGAO_CANLINK, SFGAO_CANRENAME, SFGAO_CANDELETE = 0x1, 0x2, 0x4, 0x10, 0x20
SFGAO_HASPROPSHEET, SFGAO_READONLY, SFGAO_STREAM = 0x40, 0x40000, 0x400000
SFGAO_FILESYSANCESTOR, SFGAO_FOLDER = 0x10000000, 0x20000000
SFGAO_FILESYSTEM, SFGAO_HASSUBFOLDER = 0x40000000, 0x80000000
TYPE_NAMES = {
    ".txt": "Text Document", ".exe": "Application", ".com": "Application", ".dll": "Application Extension",
    ".ini": "Configuration Settings", ".bat": "MS-DOS Batch File", ".bmp": "Bitmap Image",
    ".hlp": "Help File", ".inf": "Setup Information", ".log": "Text Document", ".wav": "Wave Sound",
    ".zip": "Compressed (zipped) Folder", ".htm": "HTML Document", ".html": "HTML Document",
    ".sys": "System file", ".ttf": "TrueType font file", ".lnk": "Shortcut",
}


def type_name(name: str, is_dir: bool) -> str:
    """The Explorer "Type" column text for a file name."""
    if is_dir:
        return "File Folder"
    ext = os.path.splitext(name)[1].lower()
    if not ext:
        return "File"
    return TYPE_NAMES.get(ext, ext[1:].upper() + " File")


def exe_type(hp: str) -> int:
    """SHGFI_EXETYPE: MAKELONG('PE', subsystem version) for GUI programs, 'PE' for console, 'MZ' for DOS."""
    try:
        with open(hp, "rb") as f:
            head = f.read(0x40)
            if len(head) < 0x40 or head[:2] != b"MZ":
                return 0
            off = struct.unpack_from("<I", head, 0x3C)[0]
            f.seek(off)
            nt = f.read(0x60)
    except OSError:
        return 0
    if len(nt) < 0x60 or nt[:4] != b"PE\0\0":
        return 0x5A4D
    characteristics = struct.unpack_from("<H", nt, 22)[0]
    if characteristics & 0x2000:  # a DLL is not an executable
        return 0
    subsys_major, subsys_minor = struct.unpack_from("<HH", nt, 24 + 48)
    subsystem = struct.unpack_from("<H", nt, 24 + 68)[0]
    if subsystem == 3:  # console
        return 0x4550
    return 0x4550 | (((subsys_major << 8) | subsys_minor) << 16)


def _file_info(m: Machine, path_arg: int, attrs: int, out: int, size: int, flags: int, wide: bool) -> int:
    from .kernel32.file import get_attributes
    if flags & SHGFI_PIDL:
        path = pidl_path(m, path_arg)
    elif path_arg:
        path = m.mem.wstr(path_arg) if wide else m.mem.cstr(path_arg, m.ansi)
    else:
        path = None
    if path is None:
        return 0
    if flags & SHGFI_USEFILEATTRIBUTES:
        fattrs = attrs
        hp = None
    else:
        fattrs = get_attributes(m, path) if path else 0xFFFFFFFF
        if fattrs == 0xFFFFFFFF:
            return 0
        try:
            hp = m.fs.host_path(path)
        except PathError:
            hp = None
    is_dir = bool(fattrs & FILE_ATTRIBUTE_DIRECTORY)
    name = path.rstrip("\\/").replace("/", "\\").split("\\")[-1] or path
    if len(path.rstrip("\\")) == 2 and path[1:2] == ":":
        name = f"Local Disk ({path[:2].upper()})"
    if flags & (SHGFI_ICON | SHGFI_SYSICONINDEX | SHGFI_ICONLOCATION):
        m.log("SHGetFileInfo: file icons are not available yet (returned 0)")
        return 0
    if flags & SHGFI_EXETYPE:
        return exe_type(hp) if hp and not is_dir else 0
    if out:
        unit = 2 if wide else 1
        if flags & SHGFI_ATTRIBUTES:
            a = SFGAO_CANCOPY | SFGAO_CANMOVE | SFGAO_CANLINK | SFGAO_CANRENAME | SFGAO_CANDELETE | \
                SFGAO_HASPROPSHEET | SFGAO_FILESYSTEM
            if is_dir:
                a |= SFGAO_FOLDER | SFGAO_FILESYSANCESTOR
                if hp and any(os.path.isdir(os.path.join(hp, e)) for e in _listdir(hp)):
                    a |= SFGAO_HASSUBFOLDER
            else:
                a |= SFGAO_STREAM
            if fattrs & FILE_ATTRIBUTE_READONLY:
                a |= SFGAO_READONLY
            m.mem.w32(out + 8, a)
        if flags & SHGFI_DISPLAYNAME:
            _put_fixed(m, out + 12, name, MAX_PATH, wide)
        if flags & SHGFI_TYPENAME:
            _put_fixed(m, out + 12 + MAX_PATH * unit, type_name(name, is_dir), 80, wide)
    return 1


def _listdir(hp: str) -> list[str]:
    try:
        return os.listdir(hp)
    except OSError:
        return []


def _put_fixed(m: Machine, p: int, s: str, n: int, wide: bool) -> None:
    if wide:
        m.mem.write(p, s.encode("utf-16-le")[:2 * (n - 1)] + b"\0\0")
    else:
        m.mem.write(p, s.encode(m.ansi, "replace")[:n - 1] + b"\0")


@stdcall("shell32")
def SHGetFileInfoA(m: Machine, pszPath: PTR, dwFileAttributes: DWORD, psfi: PTR, cbFileInfo: UINT,
                   uFlags: UINT) -> DWORD:
    """Display name, type name, attributes or executable type of a file (icons: not available, 0)."""
    return _file_info(m, pszPath, dwFileAttributes, psfi, cbFileInfo, uFlags, False)


@stdcall("shell32")
def SHGetFileInfoW(m: Machine, pszPath: PTR, dwFileAttributes: DWORD, psfi: PTR, cbFileInfo: UINT,
                   uFlags: UINT) -> DWORD:
    """Wide SHGetFileInfo."""
    return _file_info(m, pszPath, dwFileAttributes, psfi, cbFileInfo, uFlags, True)


# ---- SHFileOperation -----------------------------------------------------------------------------------
FO_MOVE, FO_COPY, FO_DELETE, FO_RENAME = 1, 2, 3, 4
FOF_MULTIDESTFILES, FOF_RENAMEONCOLLISION, FOF_FILESONLY = 0x1, 0x8, 0x80
DE_INVALIDFILES = 0x402  # "unknown error": a source that does not exist, or an invalid path
DE_SAMEFILE = 0x71
DE_DESTSUBTREE = 0x76


def _multi(m: Machine, p: int, wide: bool) -> list[str]:
    out: list[str] = []
    if not p:
        return out
    while True:
        s = m.mem.wstr(p) if wide else m.mem.cstr(p, m.ansi)
        if not s:
            return out
        out.append(s)
        p += 2 * (len(s.encode("utf-16-le")) // 2 + 1) if wide else len(s.encode(m.ansi, "replace")) + 1


def _expand(m: Machine, src: str, files_only: bool) -> list[tuple[str, str]] | None:
    """(guest path, host path) of each source; wildcards in the last component; None if one is missing."""
    g = m.fs.normalize(src)
    head, _, pat = g.rpartition("\\")
    if any(c in pat for c in "*?"):
        hd = m.fs.host_path(head + "\\" if len(head) == 2 else head)
        out = []
        for e in sorted(_listdir(hd)):
            hp = os.path.join(hd, e)
            if fnmatch.fnmatch(e.lower(), pat.lower()) and not (files_only and os.path.isdir(hp)):
                out.append((head + "\\" + e, hp))
        return out
    hp = m.fs.host_path(g)
    return [(g, hp)] if os.path.lexists(hp) else None


def _collision_name(dest: str) -> str:
    d, base = os.path.split(dest)
    cand = os.path.join(d, f"Copy of {base}")
    k = 2
    while os.path.lexists(cand):
        cand = os.path.join(d, f"Copy ({k}) of {base}")
        k += 1
    return cand


def _copy_item(src: str, dst: str) -> None:
    if os.path.isdir(src):
        shutil.copytree(src, dst, dirs_exist_ok=True)
    else:
        shutil.copy2(src, dst)


def _remove(hp: str) -> None:
    if os.path.isdir(hp) and not os.path.islink(hp):
        shutil.rmtree(hp)
    else:
        os.unlink(hp)


def file_operation(m: Machine, func: int, sources: list[str], targets: list[str], flags: int) -> int:
    """Do one SHFileOperation; returns 0 or an error code."""
    try:
        items: list[tuple[str, str]] = []
        for s in sources:
            got = _expand(m, s, bool(flags & FOF_FILESONLY))
            if got is None:
                return DE_INVALIDFILES
            items += got
        if func == FO_DELETE:
            for _g, hp in items:
                m.fs.host_path(_g, for_write=True)
                _remove(hp)
            return 0
        if func == FO_RENAME:
            if len(items) != 1 or len(targets) != 1:
                return DE_INVALIDFILES
            dst = m.fs.host_path(targets[0], for_write=True)
            if os.path.lexists(dst):
                return 0xB7  # ERROR_ALREADY_EXISTS
            os.rename(items[0][1], dst)
            return 0
        if func not in (FO_COPY, FO_MOVE) or not targets:
            return DE_INVALIDFILES
        multi = bool(flags & FOF_MULTIDESTFILES) and len(targets) == len(items)
        for i, (_g, hp) in enumerate(items):
            tgt = m.fs.host_path(targets[i] if multi else targets[0], for_write=True)
            if not multi and (os.path.isdir(tgt) or len(items) > 1):
                os.makedirs(tgt, exist_ok=True)
                dst = os.path.join(tgt, os.path.basename(hp))
            else:
                os.makedirs(os.path.dirname(tgt) or ".", exist_ok=True)
                dst = tgt
            if os.path.realpath(dst) == os.path.realpath(hp):
                if not flags & FOF_RENAMEONCOLLISION:
                    return DE_SAMEFILE
                dst = _collision_name(dst)
            elif os.path.lexists(dst) and flags & FOF_RENAMEONCOLLISION:
                dst = _collision_name(dst)
            if os.path.isdir(hp) and os.path.realpath(dst).startswith(os.path.realpath(hp) + os.sep):
                return DE_DESTSUBTREE
            if func == FO_COPY:
                _copy_item(hp, dst)
            else:
                if os.path.isdir(dst) and os.path.isdir(hp):
                    _copy_item(hp, dst)
                    _remove(hp)
                else:
                    if os.path.lexists(dst) and not os.path.isdir(dst):
                        os.unlink(dst)
                    shutil.move(hp, dst)
        return 0
    except PathError as e:
        return e.code
    except OSError as e:
        from .kernel32.fileobj import win_error
        return win_error(e)


def _sh_file_operation(m: Machine, p: int, wide: bool) -> int:
    _hwnd, func, pfrom, pto, flags = struct.unpack("<IIIIH", m.mem.read(p, 18))
    r = file_operation(m, func, _multi(m, pfrom, wide), _multi(m, pto, wide), flags)
    m.mem.w32(p + 18, 0)  # fAnyOperationsAborted
    return r


@stdcall("shell32")
def SHFileOperationA(m: Machine, lpFileOp: PTR) -> INT:
    """Copy, move, rename or delete files and folders (wildcards, recursive); 0 on success."""
    return _sh_file_operation(m, lpFileOp, False)


@stdcall("shell32")
def SHFileOperationW(m: Machine, lpFileOp: PTR) -> INT:
    """Wide SHFileOperation."""
    return _sh_file_operation(m, lpFileOp, True)


# ---- ShellExecute ----------------------------------------------------------------------------------------
def _no_exec(m: Machine, verb: str | int | None, target: str | int | None, params: str | int | None) -> None:
    m.log(f"ShellExecute: cannot {verb or 'open'} {target!r}{' ' + str(params) if params else ''}: "
          f"exeplay runs a single program (SE_ERR_NOASSOC)")
    m.set_last_error(ERROR_NO_ASSOCIATION)


@stdcall("shell32")
def ShellExecuteA(m: Machine, hwnd: HWND, lpOperation: LPCSTR, lpFile: LPCSTR, lpParameters: LPCSTR,
                  lpDirectory: LPCSTR, nShowCmd: INT) -> DWORD:
    """Open a document or start a program: nothing else can run here, so SE_ERR_NOASSOC (31)."""
    _no_exec(m, lpOperation, lpFile, lpParameters)
    return SE_ERR_NOASSOC


@stdcall("shell32")
def ShellExecuteW(m: Machine, hwnd: HWND, lpOperation: LPCWSTR, lpFile: LPCWSTR, lpParameters: LPCWSTR,
                  lpDirectory: LPCWSTR, nShowCmd: INT) -> DWORD:
    """Wide ShellExecute (SE_ERR_NOASSOC)."""
    _no_exec(m, lpOperation, lpFile, lpParameters)
    return SE_ERR_NOASSOC


def _shell_execute_ex(m: Machine, p: int, wide: bool) -> int:
    def s(a: int) -> str | None:
        if not a:
            return None
        return m.mem.wstr(a) if wide else m.mem.cstr(a, m.ansi)
    _cb, _mask, _hwnd, verb, file, params = struct.unpack("<6I", m.mem.read(p, 24))
    _no_exec(m, s(verb), s(file), s(params))
    m.mem.w32(p + 32, SE_ERR_NOASSOC)  # hInstApp
    m.mem.w32(p + 56, 0)  # hProcess
    return 0


@stdcall("shell32")
def ShellExecuteExA(m: Machine, pExecInfo: PTR) -> BOOL:
    """ShellExecute with SHELLEXECUTEINFO: FALSE, hInstApp SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION."""
    return _shell_execute_ex(m, pExecInfo, False)


@stdcall("shell32")
def ShellExecuteExW(m: Machine, pExecInfo: PTR) -> BOOL:
    """Wide ShellExecuteEx."""
    return _shell_execute_ex(m, pExecInfo, True)


# ---- drag and drop ---------------------------------------------------------------------------------------
WS_EX_ACCEPTFILES = 0x10


@stdcall("shell32")
def DragAcceptFiles(m: Machine, hWnd: HWND, fAccept: BOOL) -> None:
    """Mark a window as a drop target for files (WS_EX_ACCEPTFILES) or clear the mark."""
    from gdi import window as wm
    w = wm.get(m, hWnd)
    if w is None:
        return
    if fAccept:
        w.exstyle |= WS_EX_ACCEPTFILES
    else:
        w.exstyle &= ~WS_EX_ACCEPTFILES


def make_hdrop(m: Machine, files: list[str], pt: tuple[int, int] = (0, 0), nonclient: bool = False) -> int:
    """An HDROP (global memory with DROPFILES and a wide double-NUL file list), as a drop source builds it."""
    from .kernel32.heap import process_heap_alloc
    names = b"".join(f.encode("utf-16-le") + b"\0\0" for f in files) + b"\0\0"
    data = struct.pack("<IiiII", 20, pt[0], pt[1], int(nonclient), 1) + names
    h = process_heap_alloc(m, len(data))
    m.mem.write(h, data)
    return h


def drop_files(m: Machine, hdrop: int) -> list[str]:
    """The file names of an HDROP (ANSI or wide DROPFILES)."""
    off, _x, _y, _nc, wide = struct.unpack("<IiiII", m.mem.read(hdrop, 20))
    return _multi(m, hdrop + off, bool(wide))


def _drag_query_file(m: Machine, hdrop: int, i: int, buf: int, n: int, wide: bool) -> int:
    files = drop_files(m, hdrop)
    if i == 0xFFFFFFFF:
        return len(files)
    if i >= len(files):
        return 0
    f = files[i]
    b = f.encode("utf-16-le") if wide else f.encode(m.ansi, "replace")
    unit = 2 if wide else 1
    if not buf:
        return len(b) // unit
    if n == 0:
        return 0
    b = b[:unit * (n - 1)]
    m.mem.write(buf, b + b"\0" * unit)
    return len(b) // unit


@stdcall("shell32")
def DragQueryFileA(m: Machine, hDrop: HANDLE, iFile: UINT, lpszFile: PTR, cch: UINT) -> UINT:
    """File iFile of a drop (0xFFFFFFFF: the count; NULL buffer: its length); chars copied."""
    return _drag_query_file(m, hDrop, iFile, lpszFile, cch, False)


@stdcall("shell32")
def DragQueryFileW(m: Machine, hDrop: HANDLE, iFile: UINT, lpszFile: PTR, cch: UINT) -> UINT:
    """Wide DragQueryFile."""
    return _drag_query_file(m, hDrop, iFile, lpszFile, cch, True)


@stdcall("shell32")
def DragQueryPoint(m: Machine, hDrop: HANDLE, lppt: PTR) -> BOOL:
    """Where the files were dropped (client coordinates); TRUE if in the client area."""
    _off, x, y, nc, _wide = struct.unpack("<IiiII", m.mem.read(hDrop, 20))
    m.mem.pack("<ii", lppt, x, y)
    return int(not nc)


@stdcall("shell32")
def DragFinish(m: Machine, hDrop: HANDLE) -> None:
    """Release the memory of a drop."""
    from .kernel32.heap import process_heap_free
    if hDrop:
        process_heap_free(m, hDrop)


# ---- ShellAbout --------------------------------------------------------------------------------------
def _shell_about(m: Machine, hwnd: int, app: str | int | None, other: str | int | None, unicode: bool) -> int:
    from gdi.msgbox import message_box
    app = app if isinstance(app, str) else ""
    title, _, line = app.partition("#")
    first = line if line else f"Microsoft (R) {title}"
    text = first + "\nMicrosoft Windows XP, Version 5.1 (Build 2600.xpsp_sp3)"
    if isinstance(other, str) and other:
        text += "\n\n" + other
    message_box(m, hwnd, text, f"About {title}", 0, unicode)
    return 1


@stdcall("shell32")
def ShellAboutA(m: Machine, hWnd: HWND, szApp: LPCSTR, szOtherStuff: LPCSTR, hIcon: HANDLE) -> INT:
    """The "About <app>" box (shown as a message box with the application line and szOtherStuff)."""
    return _shell_about(m, hWnd, szApp, szOtherStuff, False)


@stdcall("shell32")
def ShellAboutW(m: Machine, hWnd: HWND, szApp: LPCWSTR, szOtherStuff: LPCWSTR, hIcon: HANDLE) -> INT:
    """Wide ShellAbout."""
    return _shell_about(m, hWnd, szApp, szOtherStuff, True)


# ---- the user --------------------------------------------------------------------------------------------
@stdcall("shell32", ordinal=680)
def IsUserAnAdmin(m: Machine) -> BOOL:
    """TRUE: the guest user "player" is an administrator (the first account on Windows XP is one, and the
    sandbox lets it write C:\\WINDOWS and C:\\Program Files)."""
    return 1


# ---- CommandLineToArgvW ----------------------------------------------------------------------------------
def split_args(cmdline: str, exe: str) -> list[str]:
    """CommandLineToArgvW's split: argv[0] runs to the closing quote or the first blank; the rest follow the
    C runtime rules (backslashes before quotes, "" inside quotes); an empty line gives the program path."""
    from .cmdline import split
    if cmdline == "":
        return [exe]
    if cmdline.startswith('"'):
        j = cmdline.find('"', 1)
        j = len(cmdline) if j < 0 else j
        first, rest = cmdline[1:j], cmdline[j + 1:]
    else:
        j = 0
        while j < len(cmdline) and cmdline[j] not in " \t":
            j += 1
        first, rest = cmdline[:j], cmdline[j:]
    return [first] + split("x " + rest)[1:]


@stdcall("shell32")
def CommandLineToArgvW(m: Machine, lpCmdLine: LPCWSTR, pNumArgs: PTR) -> PTR:
    """Split a command line into an argv array in one LocalAlloc block (free it with LocalFree)."""
    from .kernel32.heap import process_heap_alloc
    if not pNumArgs:
        m.set_last_error(87)
        return 0
    exe = m.proc.exe.path if m.proc.exe else ""
    args = split_args(lpCmdLine if isinstance(lpCmdLine, str) else "", exe)
    strs = [a.encode("utf-16-le") + b"\0\0" for a in args]
    table = 4 * (len(args) + 1)
    block = process_heap_alloc(m, table + sum(len(s) for s in strs))
    if not block:
        m.set_last_error(8)
        return 0
    ptrs = []
    pos = block + table
    for s in strs:
        m.mem.write(pos, s)
        ptrs.append(pos)
        pos += len(s)
    m.mem.write(block, struct.pack(f"<{len(ptrs) + 1}I", *ptrs, 0))
    m.mem.w32(pNumArgs, len(args))
    return block
