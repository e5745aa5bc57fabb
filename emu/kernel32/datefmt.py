"""kernel32: date and time formatting (GetDateFormat/GetTimeFormat, en-US), MulDiv and GetCPInfoEx.

The picture strings follow Windows: ``d dd ddd dddd``, ``M MM MMM MMMM``, ``y yy yyyy``, ``g gg`` for dates and
``h hh H HH m mm s ss t tt`` for times; text in single quotes is literal (``''`` inside quotes is a quote);
other characters are copied. When TIME_NOSECONDS / TIME_NOMINUTESORSECONDS / TIME_NOTIMEMARKER drop an
element, the literal text between it and the previous element is dropped with it, and so is the text
after it up to the next element or space (so "h:mm:ss tt" without seconds is "h:mm tt").
"""
from __future__ import annotations

import datetime as _dt
import struct
from typing import TYPE_CHECKING

from .. import clock
from ..api import BOOL, DWORD, INT, LPCSTR, LPCWSTR, PTR, stdcall
from .nls import LOCALE_INFO, codec
from .time import local_offset

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_INSUFFICIENT_BUFFER = 122
ERROR_INVALID_PARAMETER = 87
ERROR_INVALID_FLAGS = 1004

LOCALE_NOUSEROVERRIDE = 0x80000000
LOCALE_USE_CP_ACP = 0x40000000
DATE_SHORTDATE, DATE_LONGDATE, DATE_USE_ALT_CALENDAR, DATE_YEARMONTH = 0x1, 0x2, 0x4, 0x8
DATE_LTRREADING, DATE_RTLREADING, DATE_AUTOLAYOUT = 0x10, 0x20, 0x40
TIME_NOMINUTESORSECONDS, TIME_NOSECONDS, TIME_NOTIMEMARKER, TIME_FORCE24HOURFORMAT = 0x1, 0x2, 0x4, 0x8
LOCALE_INVARIANT = 0x7F

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
YEARMONTH = "MMMM, yyyy"  # LOCALE_SYEARMONTH of en-US (Windows XP)
INVARIANT = {"short": "MM/dd/yyyy", "long": "dddd, dd MMMM yyyy", "yearmonth": "yyyy MMMM", "time": "HH:mm:ss"}


def _locale_ok(lcid: int) -> bool:
    """en-US (or the user/system default, which is en-US) and the invariant locale are installed."""
    lang = lcid & 0x3FF
    return lcid in (0, 0x400, 0x800, LOCALE_INVARIANT) or lang in (0x09, 0x00)


def _tokens(fmt: str, letters: str) -> list[tuple[str, str]]:
    """Split a picture string into ("lit", text) and (letter, repeated letters) pieces."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c == "'":
            i += 1
            lit = ""
            while i < n:
                if fmt[i] == "'":
                    if i + 1 < n and fmt[i + 1] == "'":
                        lit += "'"
                        i += 2
                        continue
                    i += 1
                    break
                lit += fmt[i]
                i += 1
            out.append(("lit", lit))
        elif c in letters:
            j = i
            while j < n and fmt[j] == c:
                j += 1
            out.append((c, fmt[i:j]))
            i = j
        else:
            out.append(("lit", c))
            i += 1
    return out


def format_date(fmt: str, y: int, mo: int, d: int) -> str:
    """Expand a date picture string (month names and days in English)."""
    dow = _dt.date(y, mo, d).weekday()
    out = []
    for kind, text in _tokens(fmt, "dMyg"):
        n = len(text)
        if kind == "lit":
            out.append(text)
        elif kind == "d":
            out.append(str(d) if n == 1 else f"{d:02d}" if n == 2 else DAYS[dow][:3] if n == 3 else DAYS[dow])
        elif kind == "M":
            out.append(str(mo) if n == 1 else f"{mo:02d}" if n == 2 else MONTHS[mo - 1][:3] if n == 3
                       else MONTHS[mo - 1])
        elif kind == "y":
            out.append(str(y % 100) if n == 1 else f"{y % 100:02d}" if n == 2 else str(y))
        else:  # g, gg: the era of the Gregorian calendar
            out.append("A.D.")
    return "".join(out)


def format_time(fmt: str, h: int, mi: int, s: int, flags: int) -> str:
    """Expand a time picture string, honouring the TIME_* flags."""
    text = ""
    last_end = 0  # length of ``text`` right after the last element written
    skipping = False  # an element was just dropped: drop literal text up to the next element or space
    for kind, piece in _tokens(fmt, "hHmst"):
        n = len(piece)
        if kind == "lit":
            if skipping:
                idx = piece.find(" ")
                if idx < 0:
                    continue
                piece = piece[idx:]
                skipping = False
            text += piece
            continue
        if ((kind == "m" and flags & TIME_NOMINUTESORSECONDS)
                or (kind == "s" and flags & (TIME_NOSECONDS | TIME_NOMINUTESORSECONDS))
                or (kind == "t" and flags & TIME_NOTIMEMARKER)):
            text = text[:last_end]  # with the separator that led to it
            skipping = True
            continue
        skipping = False
        if kind in "hH":
            hh = h if kind == "H" or flags & TIME_FORCE24HOURFORMAT else (h % 12 or 12)
            text += str(hh) if n == 1 else f"{hh:02d}"
        elif kind == "m":
            text += str(mi) if n == 1 else f"{mi:02d}"
        elif kind == "s":
            text += str(s) if n == 1 else f"{s:02d}"
        else:
            marker = "AM" if h < 12 else "PM"
            text += marker[0] if n == 1 else marker
        last_end = len(text)
    return text


def _systemtime(m: Machine, p: int) -> tuple[int, int, int, int, int, int, int, int]:
    if p:
        return struct.unpack("<8H", m.mem.read(p, 16))  # type: ignore[return-value]
    t = _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=clock.current().unix() + local_offset())
    return (t.year, t.month, (t.weekday() + 1) % 7, t.day, t.hour, t.minute, t.second, t.microsecond // 1000)


def _out(m: Machine, s: str, buf: int, size: int, wide: bool) -> int:
    """The *Format functions' buffer convention: size 0 asks for the length (with the NUL)."""
    data = s.encode("utf-16-le", "surrogatepass") + b"\0\0" if wide else s.encode(m.ansi, "replace") + b"\0"
    u = 2 if wide else 1
    need = len(data) // u
    if size == 0:
        return need
    if need > size:
        m.mem.write(buf, data[:u * size])
        m.set_last_error(ERROR_INSUFFICIENT_BUFFER)
        return 0
    m.mem.write(buf, data)
    return need


def get_date_format(m: Machine, lcid: int, flags: int, date: int, fmt: str | int | None, buf: int, size: int,
                    wide: bool) -> int:
    if size < 0 or (size and not buf):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    kinds = flags & (DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH)
    if (isinstance(fmt, str) and flags & (LOCALE_NOUSEROVERRIDE | DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH)) \
            or kinds & (kinds - 1) or (flags & DATE_LTRREADING and flags & DATE_RTLREADING):
        m.set_last_error(ERROR_INVALID_FLAGS)
        return 0
    if not _locale_ok(lcid):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    y, mo, _dow, d = _systemtime(m, date)[:4]
    try:
        if y < 1601:
            raise ValueError
        _dt.date(y, mo, d)
    except ValueError:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if not isinstance(fmt, str):
        inv = lcid == LOCALE_INVARIANT
        if flags & DATE_LONGDATE:
            fmt = INVARIANT["long"] if inv else LOCALE_INFO[0x20]
        elif flags & DATE_YEARMONTH:
            fmt = INVARIANT["yearmonth"] if inv else YEARMONTH
        else:
            fmt = INVARIANT["short"] if inv else LOCALE_INFO[0x1F]
    return _out(m, format_date(fmt, y, mo, d), buf, size, wide)


def get_time_format(m: Machine, lcid: int, flags: int, time: int, fmt: str | int | None, buf: int, size: int,
                    wide: bool) -> int:
    if size < 0 or (size and not buf):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if isinstance(fmt, str) and flags & LOCALE_NOUSEROVERRIDE:
        m.set_last_error(ERROR_INVALID_FLAGS)
        return 0
    if not _locale_ok(lcid):
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    h, mi, s = _systemtime(m, time)[4:7]
    if h > 23 or mi > 59 or s > 59:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if not isinstance(fmt, str):
        fmt = INVARIANT["time"] if lcid == LOCALE_INVARIANT else LOCALE_INFO[0x1003]
    return _out(m, format_time(fmt, h, mi, s, flags), buf, size, wide)


@stdcall("kernel32")
def GetDateFormatA(m: Machine, Locale: DWORD, dwFlags: DWORD, lpDate: PTR, lpFormat: LPCSTR, lpDateStr: PTR,
                   cchDate: INT) -> INT:
    """Format a SYSTEMTIME date (NULL: today) with a picture string or the locale's short/long date."""
    return get_date_format(m, Locale, dwFlags, lpDate, lpFormat, lpDateStr, cchDate, False)


@stdcall("kernel32")
def GetDateFormatW(m: Machine, Locale: DWORD, dwFlags: DWORD, lpDate: PTR, lpFormat: LPCWSTR, lpDateStr: PTR,
                   cchDate: INT) -> INT:
    """Wide GetDateFormat."""
    return get_date_format(m, Locale, dwFlags, lpDate, lpFormat, lpDateStr, cchDate, True)


@stdcall("kernel32")
def GetTimeFormatA(m: Machine, Locale: DWORD, dwFlags: DWORD, lpTime: PTR, lpFormat: LPCSTR, lpTimeStr: PTR,
                   cchTime: INT) -> INT:
    """Format a SYSTEMTIME time (NULL: now) with a picture string or the locale's "h:mm:ss tt"."""
    return get_time_format(m, Locale, dwFlags, lpTime, lpFormat, lpTimeStr, cchTime, False)


@stdcall("kernel32")
def GetTimeFormatW(m: Machine, Locale: DWORD, dwFlags: DWORD, lpTime: PTR, lpFormat: LPCWSTR, lpTimeStr: PTR,
                   cchTime: INT) -> INT:
    """Wide GetTimeFormat."""
    return get_time_format(m, Locale, dwFlags, lpTime, lpFormat, lpTimeStr, cchTime, True)


def muldiv(a: int, b: int, c: int) -> int:
    """a*b/c with a 64-bit product, rounded half away from zero; -1 on overflow or division by zero."""
    if c == 0:
        return -1
    p = a * b
    q, r = divmod(abs(p), abs(c))
    if 2 * r >= abs(c):
        q += 1
    if (p < 0) != (c < 0):
        q = -q
    if not -0x7FFFFFFF <= q <= 0x7FFFFFFF:
        return -1
    return q


@stdcall("kernel32")
def MulDiv(m: Machine, nNumber: INT, nNumerator: INT, nDenominator: INT) -> INT:
    """(nNumber*nNumerator)/nDenominator with a 64-bit intermediate, rounded; -1 on overflow or /0."""
    return muldiv(nNumber, nNumerator, nDenominator)


CP_NAMES = {
    437: "OEM - United States", 850: "OEM - Multilingual Latin I", 852: "OEM - Latin II", 866: "OEM - Russian",
    874: "ANSI/OEM - Thai", 932: "ANSI/OEM - Japanese Shift-JIS", 936: "ANSI/OEM - Simplified Chinese GBK",
    949: "ANSI/OEM - Korean", 950: "ANSI/OEM - Traditional Chinese Big5", 1250: "ANSI - Central Europe",
    1251: "ANSI - Cyrillic", 1252: "ANSI - Latin I", 1253: "ANSI - Greek", 1254: "ANSI - Turkish",
    1255: "ANSI - Hebrew", 1256: "ANSI - Arabic", 1257: "ANSI - Baltic", 1258: "ANSI/OEM - Viet Nam",
    20127: "US-ASCII", 28591: "ISO 8859-1 Latin I", 65000: "UTF-7", 65001: "UTF-8",
}
LEAD_BYTES = {932: [(0x81, 0x9F), (0xE0, 0xFC)], 936: [(0x81, 0xFE)], 949: [(0x81, 0xFE)], 950: [(0x81, 0xFE)]}


def _cpinfoex(m: Machine, cp: int, out: int, wide: bool) -> int:
    import codecs
    real = {0: 1252, 3: 1252, 1: 437, 2: 10000}.get(cp, cp)
    try:
        codecs.lookup(codec(m, cp))
    except LookupError:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    if real in (65000, 65001):
        maxlen, default_w = (5 if real == 65000 else 4), 0xFFFD
    else:
        maxlen, default_w = (2 if real in LEAD_BYTES else 1), ord("?")
    lead = bytearray(12)
    for i, (lo, hi) in enumerate(LEAD_BYTES.get(real, [])):
        lead[2 * i], lead[2 * i + 1] = lo, hi
    name = f"{real:<5} ({CP_NAMES[real]})" if real in CP_NAMES else str(real)
    head = struct.pack("<I2s12sHI", maxlen, b"?\0", bytes(lead), default_w, real)
    if wide:
        nm = name.encode("utf-16-le")[:518] + b"\0\0"
        m.mem.write(out, head + nm.ljust(520, b"\0"))
    else:
        nm = name.encode(m.ansi, "replace")[:259] + b"\0"
        m.mem.write(out, head + nm.ljust(260, b"\0"))
    return 1


@stdcall("kernel32")
def GetCPInfoExA(m: Machine, CodePage: DWORD, dwFlags: DWORD, lpCPInfoEx: PTR) -> BOOL:
    """CPINFOEXA: max char size, default characters, DBCS lead-byte ranges, code page number and name."""
    return _cpinfoex(m, CodePage, lpCPInfoEx, False)


@stdcall("kernel32")
def GetCPInfoExW(m: Machine, CodePage: DWORD, dwFlags: DWORD, lpCPInfoEx: PTR) -> BOOL:
    """Wide GetCPInfoEx (CPINFOEXW)."""
    return _cpinfoex(m, CodePage, lpCPInfoEx, True)
