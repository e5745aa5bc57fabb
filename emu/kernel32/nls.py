"""kernel32: code pages, string conversion, locale and lstr* string functions."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, INT, LPCSTR, LPCWSTR, PTR, stdcall

if TYPE_CHECKING:
    from ..machine import Machine

CP_ACP, CP_OEMCP, CP_MACCP, CP_THREAD_ACP, CP_UTF7, CP_UTF8 = 0, 1, 2, 3, 65000, 65001
ERROR_INSUFFICIENT_BUFFER = 122
ERROR_INVALID_PARAMETER = 87
LCID_EN_US = 0x409


def codec(m: "Machine", cp: int) -> str:
    if cp in (CP_ACP, CP_THREAD_ACP):
        return m.ansi
    if cp == CP_OEMCP:
        return m.oem
    if cp == CP_UTF8:
        return "utf-8"
    if cp == CP_UTF7:
        return "utf-7"
    if cp == CP_MACCP:
        return "mac-roman"
    return f"cp{cp}"


@stdcall("kernel32")
def GetACP(m: "Machine") -> DWORD:
    """ANSI code page: 1252."""
    return 1252


@stdcall("kernel32")
def GetOEMCP(m: "Machine") -> DWORD:
    """OEM code page: 437."""
    return 437


@stdcall("kernel32")
def IsValidCodePage(m: "Machine", CodePage: DWORD) -> BOOL:
    """TRUE for code pages Python can encode."""
    import codecs  # noqa: PLC0415
    try:
        codecs.lookup(codec(m, CodePage))
        return 1
    except LookupError:
        return 0


@stdcall("kernel32")
def GetCPInfo(m: "Machine", CodePage: DWORD, lpCPInfo: PTR) -> BOOL:
    """CPINFO: single-byte code pages (UTF-8: 4 bytes max)."""
    maxlen = 4 if CodePage == CP_UTF8 else 1
    m.mem.write(lpCPInfo, struct.pack("<I2s12s", maxlen, b"?\0", bytes(12)))
    return 1


@stdcall("kernel32")
def IsDBCSLeadByte(m: "Machine", TestChar: DWORD) -> BOOL:
    """No lead bytes in single-byte code pages."""
    return 0


@stdcall("kernel32")
def IsDBCSLeadByteEx(m: "Machine", CodePage: DWORD, TestChar: DWORD) -> BOOL:
    """No lead bytes in single-byte code pages."""
    return 0


@stdcall("kernel32")
def MultiByteToWideChar(m: "Machine", CodePage: DWORD, dwFlags: DWORD, lpMultiByteStr: PTR, cbMultiByte: INT,
                        lpWideCharStr: PTR, cchWideChar: INT) -> INT:
    """Convert to UTF-16; cbMultiByte=-1 includes the NUL; cchWideChar=0 returns the size needed."""
    if lpMultiByteStr == 0 or cbMultiByte == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    raw = m.mem.cstr_bytes(lpMultiByteStr) + b"\0" if cbMultiByte < 0 else m.mem.read(lpMultiByteStr, cbMultiByte)
    try:
        text = raw.decode(codec(m, CodePage), "replace")
    except LookupError:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    out = text.encode("utf-16-le", "surrogatepass")
    n = len(out) // 2
    if cchWideChar == 0:
        return n
    if n > cchWideChar:
        m.mem.write(lpWideCharStr, out[:2 * cchWideChar])
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(lpWideCharStr, out)
    return n


@stdcall("kernel32")
def WideCharToMultiByte(m: "Machine", CodePage: DWORD, dwFlags: DWORD, lpWideCharStr: PTR, cchWideChar: INT,
                        lpMultiByteStr: PTR, cbMultiByte: INT, lpDefaultChar: PTR, lpUsedDefaultChar: PTR) -> INT:
    """Convert from UTF-16; unmappable characters become '?' (or *lpDefaultChar)."""
    if lpWideCharStr == 0 or cchWideChar == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    raw = m.mem.wstr_bytes(lpWideCharStr) + b"\0\0" if cchWideChar < 0 else m.mem.read(lpWideCharStr, 2 * cchWideChar)
    text = raw.decode("utf-16-le", "replace")
    enc = codec(m, CodePage)
    default = m.mem.read(lpDefaultChar, 1) if lpDefaultChar else b"?"
    used = False
    try:
        out = text.encode(enc)
    except UnicodeEncodeError:
        parts = []
        for ch in text:
            try:
                parts.append(ch.encode(enc))
            except UnicodeEncodeError:
                parts.append(default)
                used = True
        out = b"".join(parts)
    except LookupError:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if lpUsedDefaultChar:
        m.mem.w32(lpUsedDefaultChar, int(used))
    if cbMultiByte == 0:
        return len(out)
    if len(out) > cbMultiByte:
        m.mem.write(lpMultiByteStr, out[:cbMultiByte])
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(lpMultiByteStr, out)
    return len(out)


# ---- lstr* ---------------------------------------------------------------------------------------
@stdcall("kernel32")
def lstrlenA(m: "Machine", lpString: PTR) -> INT:
    """Length in bytes (0 for NULL)."""
    return len(m.mem.cstr_bytes(lpString)) if lpString else 0


@stdcall("kernel32")
def lstrlenW(m: "Machine", lpString: PTR) -> INT:
    """Length in WCHARs (0 for NULL)."""
    return len(m.mem.wstr_bytes(lpString)) // 2 if lpString else 0


@stdcall("kernel32")
def lstrcpyA(m: "Machine", lpString1: PTR, lpString2: PTR) -> PTR:
    """strcpy; returns the destination."""
    m.mem.write(lpString1, m.mem.cstr_bytes(lpString2) + b"\0")
    return lpString1


@stdcall("kernel32")
def lstrcpyW(m: "Machine", lpString1: PTR, lpString2: PTR) -> PTR:
    """wcscpy; returns the destination."""
    m.mem.write(lpString1, m.mem.wstr_bytes(lpString2) + b"\0\0")
    return lpString1


@stdcall("kernel32")
def lstrcpynA(m: "Machine", lpString1: PTR, lpString2: PTR, iMaxLength: INT) -> PTR:
    """Copy at most iMaxLength-1 bytes and a NUL."""
    if iMaxLength <= 0:
        return lpString1
    m.mem.write(lpString1, m.mem.cstr_bytes(lpString2)[:iMaxLength - 1] + b"\0")
    return lpString1


@stdcall("kernel32")
def lstrcpynW(m: "Machine", lpString1: PTR, lpString2: PTR, iMaxLength: INT) -> PTR:
    """Copy at most iMaxLength-1 WCHARs and a NUL."""
    if iMaxLength <= 0:
        return lpString1
    m.mem.write(lpString1, m.mem.wstr_bytes(lpString2)[:2 * (iMaxLength - 1)] + b"\0\0")
    return lpString1


@stdcall("kernel32")
def lstrcatA(m: "Machine", lpString1: PTR, lpString2: PTR) -> PTR:
    """strcat; returns the destination."""
    n = len(m.mem.cstr_bytes(lpString1))
    m.mem.write(lpString1 + n, m.mem.cstr_bytes(lpString2) + b"\0")
    return lpString1


@stdcall("kernel32")
def lstrcatW(m: "Machine", lpString1: PTR, lpString2: PTR) -> PTR:
    """wcscat; returns the destination."""
    n = len(m.mem.wstr_bytes(lpString1))
    m.mem.write(lpString1 + n, m.mem.wstr_bytes(lpString2) + b"\0\0")
    return lpString1


def _sortkey(s: str, ignore_case: bool) -> tuple:
    """Approximates Windows word-sort: case-insensitive first, then lower before upper."""
    return (s.lower(), s.swapcase()) if not ignore_case else (s.lower(),)


def compare(a: str, b: str, ignore_case: bool) -> int:
    ka, kb = _sortkey(a, ignore_case), _sortkey(b, ignore_case)
    return -1 if ka < kb else int(ka > kb)


@stdcall("kernel32")
def lstrcmpA(m: "Machine", lpString1: LPCSTR, lpString2: LPCSTR) -> INT:
    """Locale-aware comparison: <0, 0, >0."""
    return compare(str(lpString1 or ""), str(lpString2 or ""), False)


@stdcall("kernel32")
def lstrcmpW(m: "Machine", lpString1: LPCWSTR, lpString2: LPCWSTR) -> INT:
    """Wide lstrcmp."""
    return compare(str(lpString1 or ""), str(lpString2 or ""), False)


@stdcall("kernel32")
def lstrcmpiA(m: "Machine", lpString1: LPCSTR, lpString2: LPCSTR) -> INT:
    """Case-insensitive comparison."""
    return compare(str(lpString1 or ""), str(lpString2 or ""), True)


@stdcall("kernel32")
def lstrcmpiW(m: "Machine", lpString1: LPCWSTR, lpString2: LPCWSTR) -> INT:
    """Wide lstrcmpi."""
    return compare(str(lpString1 or ""), str(lpString2 or ""), True)


def _cmp_args(m: "Machine", p: int, n: int, wide: bool) -> str:
    if wide:
        raw = m.mem.wstr_bytes(p) if n < 0 else m.mem.read(p, 2 * n)
        return raw.decode("utf-16-le", "replace")
    raw = m.mem.cstr_bytes(p) if n < 0 else m.mem.read(p, n)
    return raw.decode(m.ansi, "replace")


@stdcall("kernel32")
def CompareStringA(m: "Machine", Locale: DWORD, dwCmpFlags: DWORD, lpString1: PTR, cchCount1: INT, lpString2: PTR,
                   cchCount2: INT) -> INT:
    """CSTR_LESS_THAN (1), CSTR_EQUAL (2) or CSTR_GREATER_THAN (3)."""
    a, b = _cmp_args(m, lpString1, cchCount1, False), _cmp_args(m, lpString2, cchCount2, False)
    return 2 + compare(a.rstrip("\0"), b.rstrip("\0"), bool(dwCmpFlags & 1))


@stdcall("kernel32")
def CompareStringW(m: "Machine", Locale: DWORD, dwCmpFlags: DWORD, lpString1: PTR, cchCount1: INT, lpString2: PTR,
                   cchCount2: INT) -> INT:
    """Wide CompareString."""
    a, b = _cmp_args(m, lpString1, cchCount1, True), _cmp_args(m, lpString2, cchCount2, True)
    return 2 + compare(a.rstrip("\0"), b.rstrip("\0"), bool(dwCmpFlags & 1))


@stdcall("kernel32")
def GetUserDefaultLCID(m: "Machine") -> DWORD:
    """en-US."""
    return LCID_EN_US


@stdcall("kernel32")
def GetSystemDefaultLCID(m: "Machine") -> DWORD:
    """en-US."""
    return LCID_EN_US


@stdcall("kernel32")
def GetThreadLocale(m: "Machine") -> DWORD:
    """en-US."""
    return LCID_EN_US


@stdcall("kernel32")
def GetUserDefaultLangID(m: "Machine") -> DWORD:
    """en-US."""
    return LCID_EN_US


@stdcall("kernel32")
def GetSystemDefaultLangID(m: "Machine") -> DWORD:
    """en-US."""
    return LCID_EN_US


@stdcall("kernel32")
def GetUserDefaultUILanguage(m: "Machine") -> DWORD:
    """en-US."""
    return LCID_EN_US


@stdcall("kernel32")
def IsValidLocale(m: "Machine", Locale: DWORD, dwFlags: DWORD) -> BOOL:
    """Only en-US (and the neutral/default ids) are installed."""
    return int(Locale & 0x3FF in (0x09, 0x00))


LOCALE_INFO = {
    0x1: "0409", 0x2: "English (United States)", 0x3: "ENU", 0x4: "English", 0x5: "1", 0x6: "United States",
    0x7: "USA", 0x9: "0409", 0xB: "437", 0xC: ",", 0xD: "0", 0xE: ".", 0xF: ",", 0x10: "3;0", 0x11: "2",
    0x14: "$", 0x15: ".", 0x16: ",", 0x17: "3;0", 0x18: "2", 0x19: "2", 0x1A: "0", 0x1B: "0", 0x1C: "0",
    0x1D: "/", 0x1E: ":", 0x1F: "M/d/yyyy", 0x20: "dddd, MMMM dd, yyyy", 0x21: "0", 0x22: "0", 0x23: "0",
    0x24: "0", 0x25: "1", 0x26: "0", 0x27: "0", 0x28: "AM", 0x29: "PM", 0x1001: "English",
    0x1002: "United States", 0x1003: "h:mm:ss tt", 0x1004: "1252", 0x1009: "1", 0x100C: "6",
    0x1014: "2", 0x1015: "0", 0x1016: "0", 0x1017: "1", 0x1018: "0", 0x1019: "3", 0x1059: "en",
    0x105A: "US", 0x5C: "en-US",
}
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
for i, d in enumerate(DAY_NAMES):
    LOCALE_INFO[0x2A + i] = d
    LOCALE_INFO[0x31 + i] = d[:3]
for i, mo in enumerate(MONTH_NAMES):
    LOCALE_INFO[0x38 + i] = mo
    LOCALE_INFO[0x44 + i] = mo[:3]


def _locale_info(m: "Machine", lctype: int, buf: int, n: int, wide: bool) -> int:
    v = LOCALE_INFO.get(lctype & 0x0FFFFFFF & ~0x80000000)
    if v is None:
        m.set_last_error(1004)  # ERROR_INVALID_FLAGS
        return 0
    if lctype & 0x20000000:  # LOCALE_RETURN_NUMBER
        if n < (2 if wide else 4):
            return 2 if wide else 4
        m.mem.w32(buf, int(v))
        return 2 if wide else 4
    data = v.encode("utf-16-le") + b"\0\0" if wide else v.encode(m.ansi) + b"\0"
    need = len(data) // (2 if wide else 1)
    if n == 0:
        return need
    if need > n:
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(buf, data)
    return need


@stdcall("kernel32")
def GetLocaleInfoA(m: "Machine", Locale: DWORD, LCType: DWORD, lpLCData: PTR, cchData: INT) -> INT:
    """en-US locale data."""
    return _locale_info(m, LCType, lpLCData, cchData, False)


@stdcall("kernel32")
def GetLocaleInfoW(m: "Machine", Locale: DWORD, LCType: DWORD, lpLCData: PTR, cchData: INT) -> INT:
    """Wide GetLocaleInfo."""
    return _locale_info(m, LCType, lpLCData, cchData, True)


def _map(m: "Machine", flags: int, s: str) -> str:
    if flags & 0x200:  # LCMAP_UPPERCASE
        return s.upper()
    if flags & 0x100:  # LCMAP_LOWERCASE
        return s.lower()
    return s


@stdcall("kernel32")
def LCMapStringA(m: "Machine", Locale: DWORD, dwMapFlags: DWORD, lpSrcStr: PTR, cchSrc: INT, lpDestStr: PTR,
                 cchDest: INT) -> INT:
    """Upper/lower-case mapping (LCMAP_SORTKEY produces the case-folded bytes)."""
    s = _cmp_args(m, lpSrcStr, cchSrc, False)
    out = _map(m, dwMapFlags, s).encode(m.ansi, "replace")
    if dwMapFlags & 0x400:  # LCMAP_SORTKEY
        out = s.lower().encode(m.ansi, "replace") + b"\0"
    if cchDest == 0:
        return len(out)
    if len(out) > cchDest:
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(lpDestStr, out)
    return len(out)


@stdcall("kernel32")
def LCMapStringW(m: "Machine", Locale: DWORD, dwMapFlags: DWORD, lpSrcStr: PTR, cchSrc: INT, lpDestStr: PTR,
                 cchDest: INT) -> INT:
    """Wide LCMapString."""
    s = _cmp_args(m, lpSrcStr, cchSrc, True)
    if dwMapFlags & 0x400:
        out = s.lower().encode("utf-8") + b"\0"
        if cchDest == 0:
            return len(out)
        m.mem.write(lpDestStr, out[:cchDest])
        return min(len(out), cchDest)
    out = _map(m, dwMapFlags, s).encode("utf-16-le", "surrogatepass")
    n = len(out) // 2
    if cchDest == 0:
        return n
    if n > cchDest:
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(lpDestStr, out)
    return n


def _ctype1(ch: str) -> int:
    v = 0
    if ch.isupper():
        v |= 0x1
    if ch.islower():
        v |= 0x2
    if ch.isdigit():
        v |= 0x4
    if ch.isspace():
        v |= 0x8
    if not ch.isalnum() and ch.isprintable() and not ch.isspace():
        v |= 0x10
    if ord(ch) < 32 or ord(ch) == 127:
        v |= 0x20
    if ch == " ":
        v |= 0x40
    if ch in "0123456789abcdefABCDEF":
        v |= 0x80
    if ch.isalpha():
        v |= 0x100
    return v


def _string_type(m: "Machine", info: int, s: str, out: int) -> int:
    vals = [_ctype1(c) if info == 1 else 0 for c in s]
    m.mem.write(out, struct.pack(f"<{len(vals)}H", *vals))
    return 1


@stdcall("kernel32")
def GetStringTypeW(m: "Machine", dwInfoType: DWORD, lpSrcStr: PTR, cchSrc: INT, lpCharType: PTR) -> BOOL:
    """CT_CTYPE1 classification (C1_UPPER, C1_DIGIT, ...)."""
    return _string_type(m, dwInfoType, _cmp_args(m, lpSrcStr, cchSrc, True), lpCharType)


@stdcall("kernel32")
def GetStringTypeA(m: "Machine", Locale: DWORD, dwInfoType: DWORD, lpSrcStr: PTR, cchSrc: INT,
                   lpCharType: PTR) -> BOOL:
    """ANSI GetStringType (with the legacy locale parameter)."""
    return _string_type(m, dwInfoType, _cmp_args(m, lpSrcStr, cchSrc, False), lpCharType)


@stdcall("kernel32")
def GetStringTypeExA(m: "Machine", Locale: DWORD, dwInfoType: DWORD, lpSrcStr: PTR, cchSrc: INT,
                     lpCharType: PTR) -> BOOL:
    """GetStringTypeA."""
    return _string_type(m, dwInfoType, _cmp_args(m, lpSrcStr, cchSrc, False), lpCharType)
