"""kernel32: time — system/local time, FILETIME conversions, performance counter."""
from __future__ import annotations

import datetime as _dt
import struct
import time as _time
from typing import TYPE_CHECKING

from .. import clock
from ..api import BOOL, DWORD, PTR, deterministic_twin, stdcall

if TYPE_CHECKING:
    from ..machine import Machine

EPOCH_DELTA = 11644473600
QPC_FREQ = 10_000_000


def now_filetime(m: "Machine") -> int:
    return int((clock.current().unix() + EPOCH_DELTA) * 10_000_000)


def local_offset() -> int:
    """Local time offset from UTC in seconds (host time zone; UTC in deterministic runs)."""
    if clock.current().deterministic:
        return 0
    return int(_dt.datetime.now().astimezone().utcoffset().total_seconds())  # type: ignore[union-attr]


def ft_to_systemtime(ft: int) -> bytes:
    try:
        d = _dt.datetime(1601, 1, 1) + _dt.timedelta(microseconds=ft // 10)
    except OverflowError:
        raise ValueError("FILETIME out of range") from None
    return struct.pack("<8H", d.year, d.month, (d.weekday() + 1) % 7, d.day, d.hour, d.minute, d.second,
                       d.microsecond // 1000)


def systemtime_to_ft(data: bytes) -> int:
    y, mo, _dow, d, h, mi, s, ms = struct.unpack("<8H", data)
    dt = _dt.datetime(y, mo, d, h, mi, s, ms * 1000)
    delta = dt - _dt.datetime(1601, 1, 1)
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


@stdcall("kernel32")
def GetSystemTimeAsFileTime(m: "Machine", lpSystemTimeAsFileTime: PTR) -> None:
    """Current UTC time as a FILETIME."""
    m.mem.w64(lpSystemTimeAsFileTime, now_filetime(m))


@stdcall("kernel32")
def GetSystemTimePreciseAsFileTime(m: "Machine", lpSystemTimeAsFileTime: PTR) -> None:
    """Current UTC time as a FILETIME."""
    m.mem.w64(lpSystemTimeAsFileTime, now_filetime(m))


@stdcall("kernel32")
def GetSystemTime(m: "Machine", lpSystemTime: PTR) -> None:
    """Current UTC time as SYSTEMTIME."""
    m.mem.write(lpSystemTime, ft_to_systemtime(now_filetime(m)))


@stdcall("kernel32")
def GetLocalTime(m: "Machine", lpSystemTime: PTR) -> None:
    """Current local time as SYSTEMTIME."""
    m.mem.write(lpSystemTime, ft_to_systemtime(now_filetime(m) + local_offset() * 10_000_000))


@stdcall("kernel32")
def FileTimeToSystemTime(m: "Machine", lpFileTime: PTR, lpSystemTime: PTR) -> BOOL:
    """Split a FILETIME into SYSTEMTIME fields."""
    try:
        m.mem.write(lpSystemTime, ft_to_systemtime(m.mem.u64(lpFileTime)))
    except ValueError:
        m.set_last_error(87)
        return 0
    return 1


@stdcall("kernel32")
def SystemTimeToFileTime(m: "Machine", lpSystemTime: PTR, lpFileTime: PTR) -> BOOL:
    """Combine SYSTEMTIME fields into a FILETIME."""
    try:
        m.mem.w64(lpFileTime, systemtime_to_ft(m.mem.read(lpSystemTime, 16)))
    except ValueError:
        m.set_last_error(87)
        return 0
    return 1


@stdcall("kernel32")
def FileTimeToLocalFileTime(m: "Machine", lpFileTime: PTR, lpLocalFileTime: PTR) -> BOOL:
    """UTC FILETIME to local."""
    m.mem.w64(lpLocalFileTime, m.mem.u64(lpFileTime) + local_offset() * 10_000_000)
    return 1


@stdcall("kernel32")
def LocalFileTimeToFileTime(m: "Machine", lpLocalFileTime: PTR, lpFileTime: PTR) -> BOOL:
    """Local FILETIME to UTC."""
    m.mem.w64(lpFileTime, m.mem.u64(lpLocalFileTime) - local_offset() * 10_000_000)
    return 1


@stdcall("kernel32")
def CompareFileTime(m: "Machine", lpFileTime1: PTR, lpFileTime2: PTR) -> DWORD:
    """-1, 0 or 1."""
    a, b = m.mem.u64(lpFileTime1), m.mem.u64(lpFileTime2)
    return 0xFFFFFFFF if a < b else int(a > b)


@stdcall("kernel32")
def FileTimeToDosDateTime(m: "Machine", lpFileTime: PTR, lpFatDate: PTR, lpFatTime: PTR) -> BOOL:
    """FILETIME to MS-DOS date and time words."""
    y, mo, _w, d, h, mi, s, _ms = struct.unpack("<8H", ft_to_systemtime(m.mem.u64(lpFileTime)))
    if y < 1980 or y > 2107:
        m.set_last_error(87)
        return 0
    m.mem.w16(lpFatDate, ((y - 1980) << 9) | (mo << 5) | d)
    m.mem.w16(lpFatTime, (h << 11) | (mi << 5) | (s // 2))
    return 1


@stdcall("kernel32")
def DosDateTimeToFileTime(m: "Machine", wFatDate: DWORD, wFatTime: DWORD, lpFileTime: PTR) -> BOOL:
    """MS-DOS date and time words to FILETIME."""
    y = ((wFatDate >> 9) & 0x7F) + 1980
    mo = max(1, (wFatDate >> 5) & 0xF)
    d = max(1, wFatDate & 0x1F)
    h, mi, s = (wFatTime >> 11) & 0x1F, (wFatTime >> 5) & 0x3F, (wFatTime & 0x1F) * 2
    try:
        m.mem.w64(lpFileTime, systemtime_to_ft(struct.pack("<8H", y, mo, 0, d, h, mi, min(s, 59), 0)))
    except ValueError:
        m.set_last_error(87)
        return 0
    return 1


@stdcall("kernel32")
def QueryPerformanceCounter(m: "Machine", lpPerformanceCount: PTR) -> BOOL:
    """A 10 MHz counter."""
    m.mem.w64(lpPerformanceCount, int(clock.now() * QPC_FREQ) + QPC_FREQ)
    return 1


@stdcall("kernel32")
def QueryPerformanceFrequency(m: "Machine", lpFrequency: PTR) -> BOOL:
    """10,000,000 counts per second."""
    m.mem.w64(lpFrequency, QPC_FREQ)
    return 1


@stdcall("kernel32")
def GetTimeZoneInformation(m: "Machine", lpTimeZoneInformation: PTR) -> DWORD:
    """The host's current offset as a zone without daylight saving (TIME_ZONE_ID_UNKNOWN)."""
    bias = -local_offset() // 60
    buf = bytearray(172)
    struct.pack_into("<i", buf, 0, bias)
    name = "Local Time".encode("utf-16-le")
    buf[4:4 + len(name)] = name
    buf[88:88 + len(name)] = name
    m.mem.write(lpTimeZoneInformation, bytes(buf))
    return 0


@stdcall("kernel32")
def GetProcessTimes(m: "Machine", hProcess: PTR, lpCreationTime: PTR, lpExitTime: PTR, lpKernelTime: PTR,
                    lpUserTime: PTR) -> BOOL:
    """Creation time and the host CPU time used so far."""
    t = clock.now() if clock.current().deterministic else _time.process_time()
    m.mem.w64(lpCreationTime, int((clock.current().unix() - clock.now() + EPOCH_DELTA) * 10_000_000))
    m.mem.w64(lpExitTime, 0)
    m.mem.w64(lpKernelTime, 0)
    m.mem.w64(lpUserTime, int(t * 10_000_000))
    return 1


@stdcall("kernel32")
def GetThreadTimes(m: "Machine", hThread: PTR, lpCreationTime: PTR, lpExitTime: PTR, lpKernelTime: PTR,
                   lpUserTime: PTR) -> BOOL:
    """Approximated by the process times."""
    return GetProcessTimes(m, hThread, lpCreationTime, lpExitTime, lpKernelTime, lpUserTime)


@deterministic_twin("kernel32", "GetTickCount")
def _det_GetTickCount(m: "Machine") -> DWORD:
    """Milliseconds since boot, from the deterministic clock."""
    return m.clock.ms() & 0xFFFFFFFF
