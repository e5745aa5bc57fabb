"""msvcrt: locale helpers used by the C++ library DLLs of the era (msvcp50/msvcp60 import them):
__crtLCMapString*/__crtCompareString*/__crtGetStringTypeW/__crtGetLocaleInfoW (thin wrappers over
kernel32's NLS functions) and the C-locale time names (_Getdays, _Getmonths, _Gettnames, _Strftime)."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import DWORD, INT, PTR, UINT, cdecl, data_export
from ..kernel32 import nls
from .crt import heap
from .time import DAYS, MONTHS, _tm, strftime_text

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"


@cdecl(D)
def __crtLCMapStringA(m: "Machine", lcid: DWORD, flags: DWORD, src: PTR, cchsrc: INT, dst: PTR, cchdst: INT,
                      code_page: INT, berror: INT) -> INT:
    """LCMapStringA."""
    return nls.LCMapStringA(m, lcid, flags, src, cchsrc, dst, cchdst)


@cdecl(D)
def __crtLCMapStringW(m: "Machine", lcid: DWORD, flags: DWORD, src: PTR, cchsrc: INT, dst: PTR, cchdst: INT,
                      code_page: INT) -> INT:
    """LCMapStringW."""
    return nls.LCMapStringW(m, lcid, flags, src, cchsrc, dst, cchdst)


@cdecl(D)
def __crtCompareStringA(m: "Machine", lcid: DWORD, flags: DWORD, s1: PTR, n1: INT, s2: PTR, n2: INT,
                        code_page: INT) -> INT:
    """CompareStringA."""
    return nls.CompareStringA(m, lcid, flags, s1, n1, s2, n2)


@cdecl(D)
def __crtCompareStringW(m: "Machine", lcid: DWORD, flags: DWORD, s1: PTR, n1: INT, s2: PTR, n2: INT,
                        code_page: INT) -> INT:
    """CompareStringW."""
    return nls.CompareStringW(m, lcid, flags, s1, n1, s2, n2)


@cdecl(D)
def __crtGetStringTypeW(m: "Machine", info_type: DWORD, src: PTR, cchsrc: INT, chartype: PTR, code_page: INT,
                        lcid: INT) -> INT:
    """GetStringTypeW."""
    return nls.GetStringTypeW(m, info_type, src, cchsrc, chartype)


@cdecl(D)
def __crtGetLocaleInfoW(m: "Machine", lcid: DWORD, lctype: DWORD, data: PTR, cchdata: INT) -> INT:
    """GetLocaleInfoW."""
    return nls.GetLocaleInfoW(m, lcid, lctype, data, cchdata)


def _names(pairs: list[tuple[str, str]]) -> bytes:
    return b"".join(b":" + a.encode() + b":" + b.encode() for a, b in pairs) + b"\0"


def _malloc_bytes(m: "Machine", data: bytes) -> int:
    p = heap(m).alloc(len(data))
    m.mem.write(p, data)
    return p


@cdecl(D)
def _Getdays(m: "Machine") -> PTR:
    """malloc'ed ":Sun:Sunday:Mon:Monday:..." of the C locale."""
    return _malloc_bytes(m, _names([(d[:3], d) for d in DAYS]))


@cdecl(D)
def _Getmonths(m: "Machine") -> PTR:
    """malloc'ed ":Jan:January:..." of the C locale."""
    return _malloc_bytes(m, _names([(mo[:3], mo) for mo in MONTHS]))


@cdecl(D)
def _Gettnames(m: "Machine") -> PTR:
    """A malloc'ed copy of the C locale's __lc_time_data (day/month names, AM/PM, date and time formats)."""
    strings = [d[:3] for d in DAYS] + DAYS + [mo[:3] for mo in MONTHS] + MONTHS + ["AM", "PM",
                                                                                      "MM/dd/yy", "dddd, MMMM dd, yyyy",
                                                                                      "HH:mm:ss"]
    head = 4 * len(strings) + 12
    blob = bytearray()
    ptrs = []
    p = heap(m).alloc(head + sum(len(s) + 1 for s in strings))
    for s in strings:
        ptrs.append(p + head + len(blob))
        blob += s.encode() + b"\0"
    m.mem.write(p, struct.pack(f"<{len(ptrs)}I", *ptrs) + struct.pack("<Iii", 0x409, 1, 0) + bytes(blob))
    return p


@cdecl(D)
def _Strftime(m: "Machine", dest: PTR, maxsize: UINT, format: PTR, timeptr: PTR, lc_time: PTR) -> UINT:  # noqa: A002
    """strftime with explicit time names (the C locale's)."""
    text = strftime_text(m.mem.cstr_bytes(format).decode("latin-1"), _tm(m, timeptr))
    if text is None:
        return 0
    b = text.encode("latin-1", "replace")
    if len(b) + 1 > maxsize:
        return 0
    m.mem.write(dest, b + b"\0")
    return len(b)


data_export(D, "__lc_clike", 4, lambda m, a: m.mem.w32(a, 1))
data_export(D, "__setlc_active", 4)
data_export(D, "__unguarded_readlc_active", 4)


@cdecl(D)
def ___setlc_active_func(m: "Machine") -> INT:
    """Whether a setlocale call is in progress (never, calls are atomic here): 0."""
    return m.mem.u32(m.proc.by_key[D].exports["__setlc_active"])


@cdecl(D)
def ___unguarded_readlc_active_add_func(m: "Machine") -> PTR:
    """Address of __unguarded_readlc_active."""
    return m.proc.by_key[D].exports["__unguarded_readlc_active"]
