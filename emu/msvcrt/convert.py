"""msvcrt: number <-> text conversions (atoi/strtol/strtod/_itoa/_ecvt/... and wide twins) and the C-locale
multibyte <-> wide conversions (mbstowcs, wctomb, ...).

Functions returning double (atof, strtod, wcstod, _wtof) are guest-code wrappers: the Python part stores
the result in the thread's CRT block and the wrapper loads it into ST0, where cdecl returns doubles.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..api import DOUBLE, INT, LONG, PTR, QWORD, UINT, cdecl, native
from .crt import EILSEQ, ERANGE, TD_CVT, TD_DRET, set_errno, tdata
from .printf import _digits, _fmt_e, _fmt_f, _round

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
_SPACE = " \t\n\v\f\r"


def double_result(m: "Machine", v: float) -> int:
    """Store a double for a guest-code wrapper to load; returns its address."""
    a = tdata(m) + TD_DRET
    m.mem.pack("<d", a, v)
    return a


def double_native(name: str, stub: str, argdwords: int, doc: str) -> None:
    """Declare ``name`` as guest code calling the Python ``stub`` (same arguments, returns the address of a
    double) and returning that double in ST0."""
    pushes = "\n".join(f"    push dword ptr [esp+{4 * argdwords}]" for _ in range(argdwords))
    native(D, name, f"{pushes}\n    call {{stub:{stub}}}\n    add esp, {4 * argdwords}\n"
                    "    fld qword ptr [eax]\n    ret", doc=doc)


# ---- integers --------------------------------------------------------------------------------------
def _digit(ch: str) -> int:
    o = ord(ch)
    if 48 <= o <= 57:
        return o - 48
    if 97 <= o <= 122:
        return o - 87
    if 65 <= o <= 90:
        return o - 55
    return 99


def parse_int(m: "Machine", s: str, base: int, unsigned: bool, bits: int) -> tuple[int, int]:
    """msvcrt strtoxl: (value as an unsigned bits-wide number, characters consumed or 0 when none)."""
    limit = (1 << bits) - 1
    i, n = 0, len(s)
    while i < n and s[i] in _SPACE:
        i += 1
    neg = False
    if i < n and s[i] in "+-":
        neg = s[i] == "-"
        i += 1
    if base < 0 or base == 1 or base > 36:
        return 0, 0
    if base == 0:
        if i >= n or s[i] != "0":
            base = 10
        elif i + 1 < n and s[i + 1] in "xX":
            base = 16
        else:
            base = 8
    if base == 16 and i + 1 < n and s[i] == "0" and s[i + 1] in "xX":
        i += 2
    num = 0
    got = False
    overflow = False
    while i < n:
        d = _digit(s[i])
        if d >= base:
            break
        got = True
        if not overflow:
            num = num * base + d
            if num > limit:
                overflow = True
        i += 1
    if not got:
        return 0, 0
    half = 1 << (bits - 1)
    if overflow or (not unsigned and ((neg and num > half) or (not neg and num > half - 1))):
        set_errno(m, ERANGE)
        num = limit if unsigned else (half if neg else half - 1)
    if neg:
        num = -num & limit
    return num, i


def _strto(m: "Machine", p: int, endptr: int, base: int, unsigned: bool, bits: int, wide: bool) -> int:
    s = m.mem.wstr(p) if wide else m.mem.cstr_bytes(p).decode("latin-1")
    v, used = parse_int(m, s, base, unsigned, bits)
    if endptr:
        m.mem.w32(endptr, p + (2 if wide else 1) * used)
    return v


@cdecl(D)
def strtol(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> LONG:
    """String to long (base 0 detects 0x/0 prefixes); LONG_MAX/LONG_MIN and ERANGE on overflow."""
    return _strto(m, nptr, endptr, base, False, 32, False)


@cdecl(D)
def strtoul(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> UINT:
    """String to unsigned long (a leading '-' negates); ULONG_MAX and ERANGE on overflow."""
    return _strto(m, nptr, endptr, base, True, 32, False)


@cdecl(D)
def _strtoi64(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> QWORD:
    """String to __int64."""
    return _strto(m, nptr, endptr, base, False, 64, False)


@cdecl(D)
def _strtoui64(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> QWORD:
    """String to unsigned __int64."""
    return _strto(m, nptr, endptr, base, True, 64, False)


@cdecl(D)
def wcstol(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> LONG:
    """Wide strtol."""
    return _strto(m, nptr, endptr, base, False, 32, True)


@cdecl(D)
def wcstoul(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> UINT:
    """Wide strtoul."""
    return _strto(m, nptr, endptr, base, True, 32, True)


@cdecl(D)
def _wcstoi64(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> QWORD:
    """Wide _strtoi64."""
    return _strto(m, nptr, endptr, base, False, 64, True)


@cdecl(D)
def _wcstoui64(m: "Machine", nptr: PTR, endptr: PTR, base: INT) -> QWORD:
    """Wide _strtoui64."""
    return _strto(m, nptr, endptr, base, True, 64, True)


def _atox(s: str, bits: int) -> int:
    """msvcrt atol: whitespace, sign, decimal digits; no overflow checks (wraps)."""
    i, n = 0, len(s)
    while i < n and s[i] in _SPACE:
        i += 1
    neg = i < n and s[i] == "-"
    if i < n and s[i] in "+-":
        i += 1
    total = 0
    while i < n and "0" <= s[i] <= "9":
        total = total * 10 + ord(s[i]) - 48
        i += 1
    if neg:
        total = -total
    return total & ((1 << bits) - 1)


@cdecl(D)
def atoi(m: "Machine", string: PTR) -> INT:
    """Decimal string to int (no overflow detection, as msvcrt)."""
    return _atox(m.mem.cstr_bytes(string).decode("latin-1"), 32)


@cdecl(D)
def atol(m: "Machine", string: PTR) -> LONG:
    """Decimal string to long."""
    return _atox(m.mem.cstr_bytes(string).decode("latin-1"), 32)


@cdecl(D)
def _atoi64(m: "Machine", string: PTR) -> QWORD:
    """Decimal string to __int64."""
    return _atox(m.mem.cstr_bytes(string).decode("latin-1"), 64)


@cdecl(D)
def _wtoi(m: "Machine", string: PTR) -> INT:
    """Wide atoi."""
    return _atox(m.mem.wstr(string), 32)


@cdecl(D)
def _wtol(m: "Machine", string: PTR) -> LONG:
    """Wide atol."""
    return _atox(m.mem.wstr(string), 32)


@cdecl(D)
def _wtoi64(m: "Machine", string: PTR) -> QWORD:
    """Wide _atoi64."""
    return _atox(m.mem.wstr(string), 64)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_text(v: int, radix: int, bits: int, signed: bool) -> str:
    """_itoa rules: a '-' only for negative values in radix 10; otherwise the unsigned bit pattern."""
    v &= (1 << bits) - 1
    neg = signed and radix == 10 and v >> (bits - 1)
    if neg:
        v = (1 << bits) - v
    if radix < 2 or radix > 36:
        radix = 10
    out = ""
    while True:
        v, d = divmod(v, radix)
        out = _DIGITS[d] + out
        if not v:
            break
    return ("-" if neg else "") + out


def _itoa_store(m: "Machine", buf: int, text: str, wide: bool) -> int:
    if wide:
        m.mem.write_wstr(buf, text)
    else:
        m.mem.write(buf, text.encode("ascii") + b"\0")
    return buf


@cdecl(D)
def _itoa(m: "Machine", value: INT, buffer: PTR, radix: INT) -> PTR:
    """int to text in radix 2..36 (negative only in radix 10); returns buffer."""
    return _itoa_store(m, buffer, to_text(value, radix, 32, True), False)


@cdecl(D)
def _ltoa(m: "Machine", value: LONG, buffer: PTR, radix: INT) -> PTR:
    """long to text."""
    return _itoa_store(m, buffer, to_text(value, radix, 32, True), False)


@cdecl(D)
def _ultoa(m: "Machine", value: UINT, buffer: PTR, radix: INT) -> PTR:
    """unsigned long to text."""
    return _itoa_store(m, buffer, to_text(value, radix, 32, False), False)


@cdecl(D)
def _i64toa(m: "Machine", value: QWORD, buffer: PTR, radix: INT) -> PTR:
    """__int64 to text."""
    return _itoa_store(m, buffer, to_text(value, radix, 64, True), False)


@cdecl(D)
def _ui64toa(m: "Machine", value: QWORD, buffer: PTR, radix: INT) -> PTR:
    """unsigned __int64 to text."""
    return _itoa_store(m, buffer, to_text(value, radix, 64, False), False)


@cdecl(D)
def _itow(m: "Machine", value: INT, buffer: PTR, radix: INT) -> PTR:
    """Wide _itoa."""
    return _itoa_store(m, buffer, to_text(value, radix, 32, True), True)


@cdecl(D)
def _ltow(m: "Machine", value: LONG, buffer: PTR, radix: INT) -> PTR:
    """Wide _ltoa."""
    return _itoa_store(m, buffer, to_text(value, radix, 32, True), True)


@cdecl(D)
def _ultow(m: "Machine", value: UINT, buffer: PTR, radix: INT) -> PTR:
    """Wide _ultoa."""
    return _itoa_store(m, buffer, to_text(value, radix, 32, False), True)


@cdecl(D)
def _i64tow(m: "Machine", value: QWORD, buffer: PTR, radix: INT) -> PTR:
    """Wide _i64toa."""
    return _itoa_store(m, buffer, to_text(value, radix, 64, True), True)


@cdecl(D)
def _ui64tow(m: "Machine", value: QWORD, buffer: PTR, radix: INT) -> PTR:
    """Wide _ui64toa."""
    return _itoa_store(m, buffer, to_text(value, radix, 64, False), True)


# ---- floating point ----------------------------------------------------------------------------------
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eEdD][+-]?[0-9]+)?")


def parse_double(m: "Machine", s: str) -> tuple[float, int]:
    """msvcrt strtod: (value, characters consumed or 0). Exponents may use d/D; no inf/nan/hex forms."""
    i = 0
    while i < len(s) and s[i] in _SPACE:
        i += 1
    mo = _FLOAT.match(s, i)
    if mo is None:
        return 0.0, 0
    text = mo.group(0)
    v = float(text.replace("d", "e").replace("D", "e"))
    if math.isinf(v):
        set_errno(m, ERANGE)
    elif v == 0.0 and any(c in "123456789" for c in text.split("e")[0].split("E")[0].split("d")[0].split("D")[0]):
        set_errno(m, ERANGE)
    return v, mo.end()


@cdecl(D)
def _exeplay_strtod(m: "Machine", nptr: PTR, endptr: PTR) -> PTR:
    """strtod's Python half: parse and store the double for the guest-code wrapper."""
    v, used = parse_double(m, m.mem.cstr_bytes(nptr).decode("latin-1"))
    if endptr:
        m.mem.w32(endptr, nptr + used)
    return double_result(m, v)


@cdecl(D)
def _exeplay_wcstod(m: "Machine", nptr: PTR, endptr: PTR) -> PTR:
    """wcstod's Python half."""
    v, used = parse_double(m, m.mem.wstr(nptr))
    if endptr:
        m.mem.w32(endptr, nptr + 2 * used)
    return double_result(m, v)


double_native("strtod", "_exeplay_strtod", 2, "string to double (ST0); HUGE_VAL/0 and ERANGE out of range")
double_native("wcstod", "_exeplay_wcstod", 2, "wide strtod")
native(D, "atof", """
    push 0
    push dword ptr [esp+8]
    call {stub:_exeplay_strtod}
    add esp, 8
    fld qword ptr [eax]
    ret
""", doc="string to double (ST0)")
native(D, "_wtof", """
    push 0
    push dword ptr [esp+8]
    call {stub:_exeplay_wcstod}
    add esp, 8
    fld qword ptr [eax]
    ret
""", doc="wide atof")


@cdecl(D)
def _atodbl(m: "Machine", value: PTR, string: PTR) -> INT:
    """Parse a double into *value; 0, or _OVERFLOW (3) / _UNDERFLOW (4)."""
    v, _ = parse_double(m, m.mem.cstr_bytes(string).decode("latin-1"))
    m.mem.pack("<d", value, v)
    return 3 if math.isinf(v) else 0


def _cvt(m: "Machine", value: float, ndig: int, dec: int, sign: int, fixed: bool) -> int:
    digs, e10, neg = _digits(value)
    zero = value == 0
    decpt = 0 if zero else e10 + 1
    n = decpt + ndig if fixed else ndig
    n = max(0, min(n, 348))
    s, carry = _round(digs, n)
    if carry:
        decpt += 1
        if not fixed:
            s = s[:n]
    elif fixed and n == 0 and not zero:
        s = ""
    buf = tdata(m) + TD_CVT
    m.mem.write(buf, s.encode("latin-1") + b"\0")
    if dec:
        m.mem.w32(dec, decpt)
    if sign:
        m.mem.w32(sign, int(neg))
    return buf


@cdecl(D)
def _ecvt(m: "Machine", value: DOUBLE, count: INT, dec: PTR, sign: PTR) -> PTR:
    """count significant digits of value (rounded), the decimal point position and the sign."""
    return _cvt(m, value, count, dec, sign, False)


@cdecl(D)
def _fcvt(m: "Machine", value: DOUBLE, count: INT, dec: PTR, sign: PTR) -> PTR:
    """Digits of value with count digits after the decimal point."""
    return _cvt(m, value, count, dec, sign, True)


@cdecl(D)
def _gcvt(m: "Machine", value: DOUBLE, digits: INT, buffer: PTR) -> PTR:
    """digits significant digits, fixed or exponent form (e+000), trailing zeros removed, '.' kept."""
    digs, e10, neg = _digits(value)
    mag = 0 if value == 0 else e10
    if mag < -1 or mag > digits - 1:
        text = _fmt_e(digs, e10, max(digits - 1, 0), False, False)
    else:
        text = _fmt_f(digs, e10, max(digits - (mag + 1), 0), False)
    if "." in text:
        mant, e, ex = text.partition("e")
        ip, _, fp = mant.partition(".")
        text = ip + "." + fp.rstrip("0") + (e + ex)
    m.mem.write(buffer, (("-" if neg else "") + text).encode("latin-1") + b"\0")
    return buffer


# ---- multibyte (C locale: bytes are the first 256 code points) ----------------------------------------
@cdecl(D)
def mbstowcs(m: "Machine", wcstr: PTR, mbstr: PTR, count: UINT) -> UINT:
    """Bytes to wide characters; the count converted (without the NUL)."""
    s = m.mem.cstr_bytes(mbstr)
    if not wcstr:
        return len(s)
    s = s[:count]
    out = s.decode("latin-1").encode("utf-16-le")
    if len(s) < count:
        out += b"\0\0"
    m.mem.write(wcstr, out)
    return len(s)


@cdecl(D)
def wcstombs(m: "Machine", mbstr: PTR, wcstr: PTR, count: UINT) -> UINT:
    """Wide characters to bytes; (size_t)-1 and EILSEQ for characters above 0xFF."""
    u = m.mem.wstr(wcstr)
    if any(ord(c) > 0xFF for c in u):
        set_errno(m, EILSEQ)
        return 0xFFFFFFFF
    b = u.encode("latin-1")
    if not mbstr:
        return len(b)
    b = b[:count]
    m.mem.write(mbstr, b + (b"\0" if len(b) < count else b""))
    return len(b)


@cdecl(D)
def mbtowc(m: "Machine", wchar: PTR, mbchar: PTR, count: UINT) -> INT:
    """One byte to a wide character: 1, 0 for the NUL, -1 if count is 0."""
    if not mbchar:
        return 0
    if count == 0:
        return -1
    c = m.mem.u8(mbchar)
    if wchar:
        m.mem.w16(wchar, c)
    return 1 if c else 0


@cdecl(D)
def wctomb(m: "Machine", mbchar: PTR, wchar: UINT) -> INT:
    """A wide character to one byte; -1 and EILSEQ above 0xFF."""
    if not mbchar:
        return 0
    wchar &= 0xFFFF
    if wchar > 0xFF:
        set_errno(m, EILSEQ)
        return -1
    m.mem.w8(mbchar, wchar)
    return 1


@cdecl(D)
def mblen(m: "Machine", mbchar: PTR, count: UINT) -> INT:
    """Length of a multibyte character: 1, 0 for the NUL, -1 if count is 0."""
    if not mbchar:
        return 0
    if count == 0:
        return -1
    return 1 if m.mem.u8(mbchar) else 0


@cdecl(D)
def btowc(m: "Machine", c: INT) -> UINT:
    """A byte as a wide character; WEOF for EOF."""
    return 0xFFFF if c == -1 else c & 0xFF


@cdecl(D)
def _mbstrlen(m: "Machine", string: PTR) -> UINT:
    """Number of multibyte characters (bytes in a single-byte code page)."""
    return len(m.mem.cstr_bytes(string))


