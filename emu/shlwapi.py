"""shlwapi: path helpers (Path*), string search and comparison (Str*), wnsprintf and IsOS.

The Path* functions work in place on the caller's buffer or return pointers into it, as on Windows.
String comparisons use kernel32's CompareString rules (``kernel32/nls.py``); wnsprintf uses user32's
wsprintf dialect and returns -1 when the output had to be truncated.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .api import BOOL, DWORD, INT, LPCSTR, LPCWSTR, PTR, VARARGS, cdecl, stdcall
from .kernel32.nls import compare

if TYPE_CHECKING:
    from .machine import Machine

MAX_PATH = 260
INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF


# ---- reading and writing the caller's string -------------------------------------------------------
def _read(m: Machine, p: int, wide: bool) -> str:
    return m.mem.wstr(p) if wide else m.mem.cstr(p, m.ansi)


def _units(m: Machine, s: str, wide: bool) -> int:
    """Length of ``s`` in the caller's code units (WCHARs or bytes)."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2 if wide else len(s.encode(m.ansi, "replace"))


def _ptr(m: Machine, p: int, s: str, i: int, wide: bool) -> int:
    """Address of character ``i`` of the string ``s`` stored at ``p``."""
    return p + _units(m, s[:i], wide) * (2 if wide else 1)


def _write(m: Machine, p: int, s: str, wide: bool) -> None:
    m.mem.write(p, s.encode("utf-16-le", "surrogatepass") + b"\0\0" if wide else s.encode(m.ansi, "replace") + b"\0")


# ---- path parsing (shared by the A and W forms) ----------------------------------------------------------
def file_name_index(s: str) -> int:
    """Index where the last path component starts (a trailing backslash belongs to the component)."""
    start = 0
    for i, c in enumerate(s):
        if c in "\\/:" and i + 1 < len(s) and s[i + 1] not in "\\/":
            start = i + 1
    return start


def extension_index(s: str) -> int:
    """Index of the '.' of the extension of the last component, or len(s) when it has none."""
    dot = -1
    for i, c in enumerate(s):
        if c in "\\ ":
            dot = -1
        elif c == ".":
            dot = i
    return dot if dot >= 0 else len(s)


def remove_file_spec(s: str) -> str:
    """PathRemoveFileSpec: drop the last component and its backslash, keeping "C:\\" and "\\" roots."""
    cut = 0
    i = 0
    if s.startswith("\\"):
        i = cut = 1
        if s.startswith("\\\\"):
            i = cut = 2
    while i < len(s):
        if s[i] == "\\":
            cut = i
        elif s[i] == ":":  # the drive stays, with its root backslash
            cut = i + 1
            if i + 1 < len(s) and s[i + 1] == "\\":
                cut = i + 2
                i += 1
        i += 1
    return s[:cut]


# ---- Path* -----------------------------------------------------------------------------------------------
@stdcall("shlwapi")
def PathFindFileNameA(m: Machine, pszPath: PTR) -> PTR:
    """Pointer to the file name part of a path (the whole string when it has no separator)."""
    s = _read(m, pszPath, False)
    return _ptr(m, pszPath, s, file_name_index(s), False)


@stdcall("shlwapi")
def PathFindFileNameW(m: Machine, pszPath: PTR) -> PTR:
    """Wide PathFindFileName."""
    s = _read(m, pszPath, True)
    return _ptr(m, pszPath, s, file_name_index(s), True)


@stdcall("shlwapi")
def PathFindExtensionA(m: Machine, pszPath: PTR) -> PTR:
    """Pointer to the '.' of the extension, or to the terminating NUL when there is none."""
    if not pszPath:
        return 0
    s = _read(m, pszPath, False)
    return _ptr(m, pszPath, s, extension_index(s), False)


@stdcall("shlwapi")
def PathFindExtensionW(m: Machine, pszPath: PTR) -> PTR:
    """Wide PathFindExtension."""
    if not pszPath:
        return 0
    s = _read(m, pszPath, True)
    return _ptr(m, pszPath, s, extension_index(s), True)


def _remove_file_spec(m: Machine, p: int, wide: bool) -> int:
    if not p:
        return 0
    s = _read(m, p, wide)
    t = remove_file_spec(s)
    if t == s:
        return 0
    _write(m, p, t, wide)
    return 1


@stdcall("shlwapi")
def PathRemoveFileSpecA(m: Machine, pszPath: PTR) -> BOOL:
    """Remove the trailing file name and backslash in place; TRUE if something was removed."""
    return _remove_file_spec(m, pszPath, False)


@stdcall("shlwapi")
def PathRemoveFileSpecW(m: Machine, pszPath: PTR) -> BOOL:
    """Wide PathRemoveFileSpec."""
    return _remove_file_spec(m, pszPath, True)


def _strip_path(m: Machine, p: int, wide: bool) -> None:
    if p:
        s = _read(m, p, wide)
        i = file_name_index(s)
        if i:
            _write(m, p, s[i:], wide)


@stdcall("shlwapi")
def PathStripPathA(m: Machine, pszPath: PTR) -> None:
    """Keep only the file name part of a path, in place."""
    _strip_path(m, pszPath, False)


@stdcall("shlwapi")
def PathStripPathW(m: Machine, pszPath: PTR) -> None:
    """Wide PathStripPath."""
    _strip_path(m, pszPath, True)


def _file_exists(m: Machine, path: str | int | None) -> int:
    from .kernel32.file import get_attributes
    if not isinstance(path, str):
        return 0
    return int(get_attributes(m, path) != INVALID_FILE_ATTRIBUTES)


@stdcall("shlwapi")
def PathFileExistsA(m: Machine, pszPath: LPCSTR) -> BOOL:
    """TRUE if the file or directory exists (GetFileAttributes succeeds)."""
    return _file_exists(m, pszPath)


@stdcall("shlwapi")
def PathFileExistsW(m: Machine, pszPath: LPCWSTR) -> BOOL:
    """Wide PathFileExists."""
    return _file_exists(m, pszPath)


def _add_extension(m: Machine, p: int, ext: str | int | None, wide: bool) -> int:
    if not p:
        return 0
    s = _read(m, p, wide)
    if extension_index(s) < len(s):
        return 0  # it already has one
    e = ext if isinstance(ext, str) and ext else ".exe"
    if _units(m, s + e, wide) >= MAX_PATH:
        return 0
    _write(m, p, s + e, wide)
    return 1


@stdcall("shlwapi")
def PathAddExtensionA(m: Machine, pszPath: PTR, pszExt: LPCSTR) -> BOOL:
    """Append an extension (".exe" when NULL) unless the path already has one; FALSE if none was added."""
    return _add_extension(m, pszPath, pszExt, False)


@stdcall("shlwapi")
def PathAddExtensionW(m: Machine, pszPath: PTR, pszExt: LPCWSTR) -> BOOL:
    """Wide PathAddExtension."""
    return _add_extension(m, pszPath, pszExt, True)


def _remove_extension(m: Machine, p: int, wide: bool) -> None:
    if p:
        s = _read(m, p, wide)
        i = extension_index(s)
        if i < len(s):
            _write(m, p, s[:i], wide)


@stdcall("shlwapi")
def PathRemoveExtensionA(m: Machine, pszPath: PTR) -> None:
    """Remove the extension (from its '.') in place."""
    _remove_extension(m, pszPath, False)


@stdcall("shlwapi")
def PathRemoveExtensionW(m: Machine, pszPath: PTR) -> None:
    """Wide PathRemoveExtension."""
    _remove_extension(m, pszPath, True)


# ---- Str* ------------------------------------------------------------------------------------------------
def _find(hay: str, needle: str, ignore_case: bool) -> int:
    if ignore_case:
        return hay.lower().find(needle.lower())
    return hay.find(needle)


def _str_str(m: Machine, p: int, q: int, ignore_case: bool, wide: bool) -> int:
    if not p or not q:
        return 0
    hay, needle = _read(m, p, wide), _read(m, q, wide)
    if not needle:
        return 0
    i = _find(hay, needle, ignore_case)
    return _ptr(m, p, hay, i, wide) if i >= 0 else 0


@stdcall("shlwapi")
def StrStrA(m: Machine, pszFirst: PTR, pszSrch: PTR) -> PTR:
    """Pointer to the first occurrence of pszSrch in pszFirst, or NULL."""
    return _str_str(m, pszFirst, pszSrch, False, False)


@stdcall("shlwapi")
def StrStrW(m: Machine, pszFirst: PTR, pszSrch: PTR) -> PTR:
    """Wide StrStr."""
    return _str_str(m, pszFirst, pszSrch, False, True)


@stdcall("shlwapi")
def StrStrIA(m: Machine, pszFirst: PTR, pszSrch: PTR) -> PTR:
    """Case-insensitive StrStr."""
    return _str_str(m, pszFirst, pszSrch, True, False)


@stdcall("shlwapi")
def StrStrIW(m: Machine, pszFirst: PTR, pszSrch: PTR) -> PTR:
    """Wide case-insensitive StrStr."""
    return _str_str(m, pszFirst, pszSrch, True, True)


def _str_rstr_i(m: Machine, p: int, last: int, q: int, wide: bool) -> int:
    if not p or not q:
        return 0
    hay, needle = _read(m, p, wide), _read(m, q, wide)
    if not needle:
        return 0
    end = len(hay)
    if last:  # code units before pszLast (single-byte ANSI, BMP UTF-16)
        end = min(end, max(0, (last - p) // (2 if wide else 1)))
    low, nl = hay.lower(), needle.lower()
    for i in range(end - 1, -1, -1):  # the match starts before pszLast (it may run past it)
        if low.startswith(nl, i):
            return _ptr(m, p, hay, i, wide)
    return 0


@stdcall("shlwapi")
def StrRStrIA(m: Machine, pszSource: PTR, pszLast: PTR, pszSrch: PTR) -> PTR:
    """Last case-insensitive occurrence of pszSrch starting before pszLast (NULL: the end), or NULL."""
    return _str_rstr_i(m, pszSource, pszLast, pszSrch, False)


@stdcall("shlwapi")
def StrRStrIW(m: Machine, pszSource: PTR, pszLast: PTR, pszSrch: PTR) -> PTR:
    """Wide StrRStrI."""
    return _str_rstr_i(m, pszSource, pszLast, pszSrch, True)


def _cmp_n(m: Machine, a: int, b: int, n: int, ignore_case: bool, wide: bool) -> int:
    sa = _read(m, a, wide)[:max(n, 0)] if a else ""
    sb = _read(m, b, wide)[:max(n, 0)] if b else ""
    return compare(sa, sb, ignore_case)


@stdcall("shlwapi")
def StrCmpNA(m: Machine, psz1: PTR, psz2: PTR, nChar: INT) -> INT:
    """Compare at most nChar characters (CompareString rules): <0, 0, >0."""
    return _cmp_n(m, psz1, psz2, nChar, False, False)


@stdcall("shlwapi")
def StrCmpNW(m: Machine, psz1: PTR, psz2: PTR, nChar: INT) -> INT:
    """Wide StrCmpN."""
    return _cmp_n(m, psz1, psz2, nChar, False, True)


@stdcall("shlwapi")
def StrCmpNIA(m: Machine, psz1: PTR, psz2: PTR, nChar: INT) -> INT:
    """Case-insensitive StrCmpN."""
    return _cmp_n(m, psz1, psz2, nChar, True, False)


@stdcall("shlwapi")
def StrCmpNIW(m: Machine, psz1: PTR, psz2: PTR, nChar: INT) -> INT:
    """Wide case-insensitive StrCmpN."""
    return _cmp_n(m, psz1, psz2, nChar, True, True)


# ---- wnsprintf -------------------------------------------------------------------------------------------
def wvnsprintf(m: Machine, out: int, limit: int, fmt: int, ap: int, wide: bool) -> int:
    """wsprintf into at most ``limit`` characters (with the NUL); -1 when truncated or limit <= 0."""
    from gdi.user32_text import format_ws
    pos = [ap]

    def arg() -> int:
        v = m.mem.u32(pos[0])
        pos[0] += 4
        return v
    if limit <= 0:
        if limit < 0 and out:
            m.mem.write(out, b"\0\0" if wide else b"\0")
        return -1
    s = format_ws(m, _read(m, fmt, wide), arg, wide)
    unit = 2 if wide else 1
    b = s.encode("utf-16-le", "surrogatepass") if wide else s.encode(m.ansi, "replace")
    if len(b) // unit >= limit:
        m.mem.write(out, b[:unit * (limit - 1)] + b"\0" * unit)
        return -1
    m.mem.write(out, b + b"\0" * unit)
    return len(b) // unit


@cdecl("shlwapi")
def wnsprintfA(m: Machine, pszDest: PTR, cchDest: INT, pszFmt: PTR, args: VARARGS) -> INT:
    """wsprintf limited to cchDest characters; the length written, -1 if truncated."""
    return wvnsprintf(m, pszDest, cchDest, pszFmt, args, False)


@cdecl("shlwapi")
def wnsprintfW(m: Machine, pszDest: PTR, cchDest: INT, pszFmt: PTR, args: VARARGS) -> INT:
    """Wide wnsprintf."""
    return wvnsprintf(m, pszDest, cchDest, pszFmt, args, True)


@stdcall("shlwapi")
def wvnsprintfA(m: Machine, pszDest: PTR, cchDest: INT, pszFmt: PTR, arglist: PTR) -> INT:
    """wnsprintf with a va_list."""
    return wvnsprintf(m, pszDest, cchDest, pszFmt, arglist, False)


@stdcall("shlwapi")
def wvnsprintfW(m: Machine, pszDest: PTR, cchDest: INT, pszFmt: PTR, arglist: PTR) -> INT:
    """Wide wvnsprintf."""
    return wvnsprintf(m, pszDest, cchDest, pszFmt, arglist, True)


# ---- IsOS ------------------------------------------------------------------------------------------------
# The guest is Windows XP Professional SP3 (kernel32 GetVersionEx), a workstation outside any domain.
IS_OS_TRUE = {
    1,   # OS_NT
    2,   # OS_WIN95ORGREATER
    3,   # OS_NT4ORGREATER
    7,   # OS_WIN2000ORGREATER
    8,   # OS_WIN2000PRO
    18,  # OS_XPORGREATER
    20,  # OS_PROFESSIONAL
    26,  # OS_FASTUSERSWITCHING
    27,  # OS_WELCOMELOGONUI
}


@stdcall("shlwapi", ordinal=437)
def IsOS(m: Machine, dwOS: DWORD) -> BOOL:
    """Whether the running system matches an OS_* feature or version (Windows XP Professional)."""
    return int(dwOS in IS_OS_TRUE)
