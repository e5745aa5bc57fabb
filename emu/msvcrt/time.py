"""msvcrt: <time.h> — time/_time64, localtime/gmtime/mktime (32- and 64-bit time_t), clock, strftime and
asctime/ctime with the C-locale formats, _ftime, _strdate/_strtime, difftime. Local time is the host's."""
from __future__ import annotations

import calendar
import time as _t
from typing import TYPE_CHECKING

from .. import clock as gclock
from ..api import INT, PTR, QWORD, UINT, cdecl
from .convert import double_native, double_result
from .crt import EINVAL, TD_ASCTIME, TD_TM, TD_WASCTIME, set_errno, tdata

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MAX32 = 0x7FFFFFFF
MAX64 = 32535215999  # 3000-12-31 23:59:59, msvcrt's _MAX__TIME64_T


def _s64(v: int) -> int:
    return v - (1 << 64) if v >> 63 else v


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >> 31 else v


# ---- current time -----------------------------------------------------------------------------------
@cdecl(D, name="time")
def time_(m: "Machine", timer: PTR) -> INT:
    """Seconds since 1970-01-01 UTC (also stored in *timer)."""
    t = int(gclock.current().unix())
    if timer:
        m.mem.w32(timer, t)
    return t


@cdecl(D)
def _time32(m: "Machine", timer: PTR) -> INT:
    """32-bit time."""
    return time_(m, timer)


@cdecl(D)
def _time64(m: "Machine", timer: PTR) -> QWORD:
    """64-bit time."""
    t = int(gclock.current().unix())
    if timer:
        m.mem.w64(timer, t)
    return t


@cdecl(D)
def clock(m: "Machine") -> INT:
    """Milliseconds since the process started (CLOCKS_PER_SEC is 1000)."""
    return int(gclock.now() * 1000)


def _ftime_impl(m: "Machine", buf: int, is64: bool) -> None:
    now = gclock.current().unix()
    t = int(now)
    ms = int((now - t) * 1000)
    lt = _t.localtime(t)
    tz = _t.timezone // 60
    if is64:
        m.mem.pack("<qHhh", buf, t, ms, tz, 1 if lt.tm_isdst > 0 else 0)
    else:
        m.mem.pack("<iHhh", buf, t, ms, tz, 1 if lt.tm_isdst > 0 else 0)


@cdecl(D)
def _ftime(m: "Machine", timeptr: PTR) -> None:
    """struct _timeb: time, milliseconds, minutes west of UTC, DST flag."""
    _ftime_impl(m, timeptr, False)


@cdecl(D)
def _ftime64(m: "Machine", timeptr: PTR) -> None:
    """struct __timeb64."""
    _ftime_impl(m, timeptr, True)


# ---- broken-down time -------------------------------------------------------------------------------
def _put_tm(m: "Machine", a: int, st: _t.struct_time) -> int:
    m.mem.pack("<9i", a, st.tm_sec, st.tm_min, st.tm_hour, st.tm_mday, st.tm_mon - 1, st.tm_year - 1900,
               (st.tm_wday + 1) % 7, st.tm_yday - 1, 1 if st.tm_isdst > 0 else 0)
    return a


def _convert(m: "Machine", timer: int, is64: bool, local: bool) -> int:
    if not timer:
        set_errno(m, EINVAL)
        return 0
    t = _s64(m.mem.u64(timer)) if is64 else m.mem.s32(timer)
    if t < 0 or t > (MAX64 if is64 else MAX32):
        set_errno(m, EINVAL)
        return 0
    try:
        st = _t.localtime(t) if local else _t.gmtime(t)
    except (OverflowError, OSError, ValueError):
        set_errno(m, EINVAL)
        return 0
    return _put_tm(m, tdata(m) + TD_TM, st)


@cdecl(D)
def localtime(m: "Machine", timer: PTR) -> PTR:
    """Local broken-down time (per-thread struct tm); NULL for negative times."""
    return _convert(m, timer, False, True)


@cdecl(D)
def _localtime32(m: "Machine", timer: PTR) -> PTR:
    """32-bit localtime."""
    return _convert(m, timer, False, True)


@cdecl(D)
def _localtime64(m: "Machine", timer: PTR) -> PTR:
    """localtime for a 64-bit time_t."""
    return _convert(m, timer, True, True)


@cdecl(D)
def gmtime(m: "Machine", timer: PTR) -> PTR:
    """UTC broken-down time (per-thread struct tm)."""
    return _convert(m, timer, False, False)


@cdecl(D)
def _gmtime32(m: "Machine", timer: PTR) -> PTR:
    """32-bit gmtime."""
    return _convert(m, timer, False, False)


@cdecl(D)
def _gmtime64(m: "Machine", timer: PTR) -> PTR:
    """gmtime for a 64-bit time_t."""
    return _convert(m, timer, True, False)


def _mktime(m: "Machine", tm: int, is64: bool, utc: bool) -> int:
    sec, mi, hour, mday, mon, year, _wd, _yd, isdst = m.mem.unpack("<9i", tm)
    try:
        if utc:
            t = calendar.timegm((year + 1900, mon + 1, mday, hour, mi, sec, 0, 0, 0))
        else:
            t = int(_t.mktime((year + 1900, mon + 1, mday, hour, mi, sec, 0, 0, isdst if isdst >= 0 else -1)))
    except (OverflowError, ValueError):
        return -1
    if t < 0 or t > (MAX64 if is64 else MAX32):
        return -1
    _put_tm(m, tm, _t.gmtime(t) if utc else _t.localtime(t))
    return t


@cdecl(D)
def mktime(m: "Machine", timeptr: PTR) -> INT:
    """Local struct tm to time_t, normalising the fields; -1 if out of range."""
    return _mktime(m, timeptr, False, False)


@cdecl(D)
def _mktime32(m: "Machine", timeptr: PTR) -> INT:
    """32-bit mktime."""
    return _mktime(m, timeptr, False, False)


@cdecl(D)
def _mktime64(m: "Machine", timeptr: PTR) -> QWORD:
    """64-bit mktime."""
    return _mktime(m, timeptr, True, False) & 0xFFFFFFFFFFFFFFFF


@cdecl(D)
def _mkgmtime(m: "Machine", timeptr: PTR) -> INT:
    """UTC struct tm to time_t."""
    return _mktime(m, timeptr, False, True)


@cdecl(D)
def _mkgmtime64(m: "Machine", timeptr: PTR) -> QWORD:
    """64-bit _mkgmtime."""
    return _mktime(m, timeptr, True, True) & 0xFFFFFFFFFFFFFFFF


@cdecl(D)
def _exeplay_difftime(m: "Machine", t1: INT, t0: INT) -> PTR:
    """difftime's Python half."""
    return double_result(m, float(t1 - t0))


@cdecl(D)
def _exeplay_difftime64(m: "Machine", t1: QWORD, t0: QWORD) -> PTR:
    """_difftime64's Python half."""
    return double_result(m, float(_s64(t1) - _s64(t0)))


double_native("difftime", "_exeplay_difftime", 2, "t1 - t0 in seconds (double)")
double_native("_difftime32", "_exeplay_difftime", 2, "t1 - t0 in seconds (double)")
double_native("_difftime64", "_exeplay_difftime64", 4, "t1 - t0 in seconds (double)")


# ---- formatting ---------------------------------------------------------------------------------------
def _tm(m: "Machine", a: int) -> tuple[int, ...]:
    return m.mem.unpack("<9i", a)


def asctime_text(tmv: tuple[int, ...]) -> str:
    sec, mi, hour, mday, mon, year, wday = tmv[:7]
    return "%s %s %02d %02d:%02d:%02d %d\n" % (DAYS[wday % 7][:3], MONTHS[mon % 12][:3], mday, hour, mi, sec,
                                                year + 1900)


@cdecl(D)
def asctime(m: "Machine", timeptr: PTR) -> PTR:
    """"Wed Jan 02 02:03:55 1980\\n" (per-thread buffer)."""
    a = tdata(m) + TD_ASCTIME
    m.mem.write(a, asctime_text(_tm(m, timeptr)).encode() + b"\0")
    return a


@cdecl(D)
def _wasctime(m: "Machine", timeptr: PTR) -> PTR:
    """Wide asctime."""
    a = tdata(m) + TD_WASCTIME
    m.mem.write_wstr(a, asctime_text(_tm(m, timeptr)))
    return a


def _ctime(m: "Machine", timer: int, is64: bool, wide: bool) -> int:
    p = _convert(m, timer, is64, True)
    if not p:
        return 0
    return _wasctime(m, p) if wide else asctime(m, p)


@cdecl(D)
def ctime(m: "Machine", timer: PTR) -> PTR:
    """asctime(localtime(timer)); NULL for negative times."""
    return _ctime(m, timer, False, False)


@cdecl(D)
def _ctime32(m: "Machine", timer: PTR) -> PTR:
    """32-bit ctime."""
    return _ctime(m, timer, False, False)


@cdecl(D)
def _ctime64(m: "Machine", timer: PTR) -> PTR:
    """ctime of a 64-bit time_t."""
    return _ctime(m, timer, True, False)


@cdecl(D)
def _wctime(m: "Machine", timer: PTR) -> PTR:
    """Wide ctime."""
    return _ctime(m, timer, False, True)


@cdecl(D)
def _wctime64(m: "Machine", timer: PTR) -> PTR:
    """Wide _ctime64."""
    return _ctime(m, timer, True, True)


def strftime_text(fmt: str, tmv: tuple[int, ...]) -> str | None:
    """msvcrt strftime in the C locale ('#' removes leading zeros / selects long date forms)."""
    sec, mi, hour, mday, mon, year, wday, yday, isdst = tmv
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        i += 1
        if c != "%":
            out.append(c)
            continue
        alt = False
        if i < len(fmt) and fmt[i] == "#":
            alt = True
            i += 1
        if i >= len(fmt):
            return None
        c = fmt[i]
        i += 1

        def num(v: int, w: int = 2) -> str:
            return str(v) if alt else "%0*d" % (w, v)

        if c == "a":
            out.append(DAYS[wday % 7][:3])
        elif c == "A":
            out.append(DAYS[wday % 7])
        elif c == "b":
            out.append(MONTHS[mon % 12][:3])
        elif c == "B":
            out.append(MONTHS[mon % 12])
        elif c == "c":
            if alt:
                out.append("%s, %s %d, %d, %02d:%02d:%02d" % (DAYS[wday % 7], MONTHS[mon % 12], mday, year + 1900,
                                                               hour, mi, sec))
            else:
                out.append("%02d/%02d/%02d %02d:%02d:%02d" % (mon + 1, mday, year % 100, hour, mi, sec))
        elif c == "d":
            out.append(num(mday))
        elif c == "H":
            out.append(num(hour))
        elif c == "I":
            out.append(num((hour % 12) or 12))
        elif c == "j":
            out.append(num(yday + 1, 3))
        elif c == "m":
            out.append(num(mon + 1))
        elif c == "M":
            out.append(num(mi))
        elif c == "p":
            out.append("AM" if hour < 12 else "PM")
        elif c == "S":
            out.append(num(sec))
        elif c == "U":
            out.append(num((yday + 7 - wday) // 7))
        elif c == "w":
            out.append(str(wday))
        elif c == "W":
            out.append(num((yday + 7 - ((wday + 6) % 7)) // 7))
        elif c == "x":
            if alt:
                out.append("%s, %s %d, %d" % (DAYS[wday % 7], MONTHS[mon % 12], mday, year + 1900))
            else:
                out.append("%02d/%02d/%02d" % (mon + 1, mday, year % 100))
        elif c == "X":
            out.append("%02d:%02d:%02d" % (hour, mi, sec))
        elif c == "y":
            out.append(num(year % 100))
        elif c == "Y":
            out.append(num(year + 1900, 4) if not alt else str(year + 1900))
        elif c in "zZ":
            out.append(_t.tzname[1 if isdst > 0 else 0])
        elif c == "%":
            out.append("%")
        else:
            return None  # invalid conversion: msvcrt fails the whole call
    return "".join(out)


@cdecl(D)
def strftime(m: "Machine", strDest: PTR, maxsize: UINT, format: PTR, timeptr: PTR) -> UINT:  # noqa: A002
    """Format a struct tm; the length written, or 0 if it does not fit (or the format is invalid)."""
    text = strftime_text(m.mem.cstr_bytes(format).decode("latin-1"), _tm(m, timeptr))
    if text is None:
        set_errno(m, EINVAL)
        return 0
    b = text.encode("latin-1", "replace")
    if len(b) + 1 > maxsize:
        if maxsize:
            m.mem.w8(strDest, 0)
        return 0
    m.mem.write(strDest, b + b"\0")
    return len(b)


@cdecl(D)
def wcsftime(m: "Machine", strDest: PTR, maxsize: UINT, format: PTR, timeptr: PTR) -> UINT:  # noqa: A002
    """Wide strftime (sizes in WCHARs)."""
    text = strftime_text(m.mem.wstr(format), _tm(m, timeptr))
    if text is None:
        set_errno(m, EINVAL)
        return 0
    if len(text) + 1 > maxsize:
        if maxsize:
            m.mem.w16(strDest, 0)
        return 0
    m.mem.write_wstr(strDest, text)
    return len(text)


@cdecl(D)
def _strdate(m: "Machine", datestr: PTR) -> PTR:
    """Local date as "mm/dd/yy"."""
    m.mem.write(datestr, _t.strftime("%m/%d/%y", _t.localtime(gclock.current().unix())).encode() + b"\0")
    return datestr


@cdecl(D)
def _strtime(m: "Machine", timestr: PTR) -> PTR:
    """Local time as "hh:mm:ss"."""
    m.mem.write(timestr, _t.strftime("%H:%M:%S", _t.localtime(gclock.current().unix())).encode() + b"\0")
    return timestr


@cdecl(D)
def _wstrdate(m: "Machine", datestr: PTR) -> PTR:
    """Wide _strdate."""
    m.mem.write_wstr(datestr, _t.strftime("%m/%d/%y", _t.localtime(gclock.current().unix())))
    return datestr


@cdecl(D)
def _wstrtime(m: "Machine", timestr: PTR) -> PTR:
    """Wide _strtime."""
    m.mem.write_wstr(timestr, _t.strftime("%H:%M:%S", _t.localtime(gclock.current().unix())))
    return timestr


@cdecl(D)
def _wctime32(m: "Machine", timer: PTR) -> PTR:
    """Wide ctime of a 32-bit time_t."""
    return _ctime(m, timer, False, True)


@cdecl(D)
def _mkgmtime32(m: "Machine", timeptr: PTR) -> INT:
    """32-bit _mkgmtime."""
    return _mktime(m, timeptr, False, True)


@cdecl(D)
def _ftime32(m: "Machine", timeptr: PTR) -> None:
    """struct __timeb32."""
    _ftime_impl(m, timeptr, False)


@cdecl(D)
def _tzset(m: "Machine") -> None:
    """Refresh _timezone, _daylight and _tzname from the (host) time zone."""
    _t.tzset()
    ex = m.proc.by_key[D].exports
    m.mem.w32(ex["_timezone"], _t.timezone & 0xFFFFFFFF)
    m.mem.w32(ex["_daylight"], _t.daylight)
