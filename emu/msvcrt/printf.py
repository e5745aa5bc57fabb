"""msvcrt: the printf family, with msvcrt's own formatting rules.

One engine serves the narrow and wide functions: arguments are read from the guest's va_list. msvcrt
specifics kept: 3-digit exponents (1.000000e+000), at most 17 significant digits then zeros, rounding
half away from zero on the decimal digits, 1.#INF00 / -1.#IND00 / 1.#QNAN0 for special values (with the
famous 1.#J for %.2f), %p as 8 upper-case hex digits, I64/I32/I sizes, %S/%C for the other width,
'0' padding of strings, "(null)" for NULL strings, and _snprintf returning -1 when the output is cut.
"""
from __future__ import annotations

import math
import struct
from typing import TYPE_CHECKING

from ..api import INT, PTR, UINT, VARARGS, alias, cdecl
from .crt import EINVAL, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

FL_LEFT, FL_SIGN, FL_SPACE, FL_ALT, FL_ZERO = 1, 2, 4, 8, 16


class Args:
    """Sequential reader of a guest va_list."""

    __slots__ = ("m", "ap")

    def __init__(self, m: "Machine", ap: int) -> None:
        self.m = m
        self.ap = ap

    def u32(self) -> int:
        v = self.m.mem.u32(self.ap)
        self.ap += 4
        return v

    def s32(self) -> int:
        v = self.u32()
        return v - (1 << 32) if v & 0x80000000 else v

    def u64(self) -> int:
        lo, hi = self.m.mem.unpack("<II", self.ap)
        self.ap += 8
        return lo | (hi << 32)

    def f64(self) -> float:
        v = self.m.mem.unpack("<d", self.ap)[0]
        self.ap += 8
        return v


# ---- floating point ------------------------------------------------------------------------------
def _digits(x: float) -> tuple[str, int, bool]:
    """(digit string, decimal exponent of the first digit, negative) with at most 17 significant digits;
    special values give msvcrt's "1#INF", "1#IND", "1#QNAN", "1#SNAN" strings."""
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    neg = bool(bits >> 63)
    if math.isinf(x):
        return "1#INF", 0, neg
    if math.isnan(x):
        frac = bits & ((1 << 52) - 1)
        if not frac & (1 << 51):
            return "1#SNAN", 0, neg
        if neg and frac == 1 << 51:
            return "1#IND", 0, neg
        return "1#QNAN", 0, neg
    if x == 0:
        return "0" * 17, 0, neg
    s = "%.16e" % abs(x)
    return s[0] + s[2:18], int(s[19:]), neg


def _round(digs: str, n: int) -> tuple[str, bool]:
    """Keep n characters of digs (padding with '0'); if the next one is >= '5' increment the last kept one
    (carrying through '9's) as msvcrt's _fptostr does. Returns (string, carried into a new leading 1)."""
    if n < 0:
        return "", False
    if n >= len(digs):
        return digs + "0" * (n - len(digs)), False
    s = list(digs[:n])
    if digs[n] >= "5":
        i = n - 1
        while i >= 0 and s[i] == "9":
            s[i] = "0"
            i -= 1
        if i < 0:
            return "1" + "".join(s), True
        s[i] = chr(ord(s[i]) + 1)
    return "".join(s), False


def _fmt_e(digs: str, e10: int, prec: int, alt: bool, upper: bool) -> str:
    s, carry = _round(digs, prec + 1)
    if carry:
        s = s[:prec + 1]
        e10 += 1
    body = s[0] + ("." if prec > 0 or alt else "") + s[1:]
    if digs[0] == "0":
        e10 = 0
    return body + ("E" if upper else "e") + ("-" if e10 < 0 else "+") + "%03d" % abs(e10)


def _fmt_f(digs: str, e10: int, prec: int, alt: bool) -> str:
    intd = e10 + 1
    n = intd + prec
    if n < 0 or (n == 0 and digs[0] < "5"):
        return "0" + ("." if prec > 0 or alt else "") + "0" * prec
    s, carry = _round(digs, n)
    if carry:
        intd += 1
    if intd <= 0:
        ip, fp = "0", ("0" * -intd + s)[:prec]
    else:
        ip, fp = s[:intd], s[intd:]
    return ip + ("." if prec > 0 or alt else "") + fp


def _fmt_g(digs: str, e10: int, prec: int, alt: bool, upper: bool) -> str:
    if prec == 0:
        prec = 1
    _, carry = _round(digs, prec)
    exp = e10 + (1 if carry else 0)
    if digs[0] == "0":
        exp = 0
    if exp < -4 or exp >= prec:
        s = _fmt_e(digs, e10, prec - 1, alt, upper)
        if not alt:
            mant, _, ex = s.partition("E" if upper else "e")
            if "." in mant:
                mant = mant.rstrip("0").rstrip(".")
            s = mant + ("E" if upper else "e") + ex
        return s
    s = _fmt_f(digs, e10, prec - 1 - exp, alt)
    if not alt and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _fmt_a(x: float, prec: int, alt: bool, upper: bool) -> str:
    if math.isinf(x) or math.isnan(x):
        digs, _, _ = _digits(x)
        return digs[0] + "." + digs[1:]
    bits = struct.unpack("<Q", struct.pack("<d", abs(x)))[0]
    e = (bits >> 52) & 0x7FF
    frac = bits & ((1 << 52) - 1)
    lead = 0 if e == 0 else 1
    exp = 0 if x == 0 else (-1022 if e == 0 else e - 1023)
    if prec < 0:
        prec = 13
    if prec < 13:
        shift = 4 * (13 - prec)
        q, r = divmod(frac, 1 << shift)
        if r >= 1 << (shift - 1):
            q += 1
        if q >> (4 * prec):
            lead += 1
            q &= (1 << (4 * prec)) - 1
        hexd = ("%0*x" % (prec, q)) if prec else ""
    else:
        hexd = ("%013x" % frac) + "0" * (prec - 13)
    s = "0x%d" % lead + ("." if prec > 0 or alt else "") + hexd + "p" + ("-" if exp < 0 else "+") + str(abs(exp))
    return s.upper() if upper else s


# ---- the engine ------------------------------------------------------------------------------------
def _pad(out: list[str], prefix: str, text: str, flags: int, width: int) -> None:
    n = width - len(prefix) - len(text)
    if n <= 0:
        out.append(prefix)
        out.append(text)
        return
    if flags & FL_LEFT:
        out.append(prefix + text + " " * n)
    elif flags & FL_ZERO:
        out.append(prefix + "0" * n + text)
    else:
        out.append(" " * n + prefix + text)


def _narrow_str(m: "Machine", p: int, prec: int) -> str:
    if p == 0:
        return "(null)"[:prec] if prec >= 0 else "(null)"
    b = m.mem.cstr_bytes(p, prec if prec >= 0 else 1 << 24)
    return b.decode("latin-1")


def _wide_str(m: "Machine", p: int, prec: int) -> str:
    if p == 0:
        return "(null)"[:prec] if prec >= 0 else "(null)"
    return m.mem.wstr_bytes(p, prec if prec >= 0 else 1 << 24).decode("utf-16-le", "surrogatepass")


def _w2c(s: str) -> str:
    """wctomb in the C locale: characters above 0xFF cannot be converted; output stops there."""
    for i, ch in enumerate(s):
        if ord(ch) > 0xFF:
            return s[:i]
    return s


def format_string(m: "Machine", fmt: str, args: Args, wide: bool) -> str:
    """Format like msvcrt's _output/_woutput. ``fmt`` and the result are str: for narrow formats each
    character is one byte (latin-1), for wide ones a UTF-16 unit."""
    out: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        j = fmt.find("%", i)
        if j < 0:
            out.append(fmt[i:])
            break
        if j > i:
            out.append(fmt[i:j])
        i = j + 1
        if i >= n:
            break
        flags = 0
        while i < n and fmt[i] in "-+ #0":
            flags |= {"-": FL_LEFT, "+": FL_SIGN, " ": FL_SPACE, "#": FL_ALT, "0": FL_ZERO}[fmt[i]]
            i += 1
        width = 0
        if i < n and fmt[i] == "*":
            width = args.s32()
            if width < 0:
                flags |= FL_LEFT
                width = -width
            i += 1
        else:
            while i < n and fmt[i].isdigit():
                width = width * 10 + ord(fmt[i]) - 48
                i += 1
        prec = -1
        if i < n and fmt[i] == ".":
            i += 1
            prec = 0
            if i < n and fmt[i] == "*":
                prec = args.s32()
                if prec < 0:
                    prec = -1
                i += 1
            else:
                while i < n and fmt[i].isdigit():
                    prec = prec * 10 + ord(fmt[i]) - 48
                    i += 1
        size = ""  # "", "h", "hh", "l", "ll", "L", "w"
        bits = 32
        while i < n:
            c = fmt[i]
            if c == "h":
                size = "h"  # msvcrt knows no "hh": a second h is still short
                i += 1
            elif c == "l":
                if size == "l":
                    size, bits = "ll", 64
                else:
                    size = "l"
                i += 1
            elif c == "L":
                size = "L"
                i += 1
            elif c == "w":
                size = "w"
                i += 1
            elif c == "I":
                if fmt.startswith("64", i + 1):
                    bits, i = 64, i + 3
                elif fmt.startswith("32", i + 1):
                    bits, i = 32, i + 3
                else:
                    i += 1
                size = size or "I"
            elif c in "zt":
                i += 1
            elif c == "j":
                bits = 64
                i += 1
            else:
                break
        if i >= n:
            break
        conv = fmt[i]
        i += 1
        if conv in "di":
            v = args.u64() if bits == 64 else args.u32()
            nb = 64 if bits == 64 else 32
            if size == "h":
                v &= 0xFFFF
                nb = 16
            elif size == "hh":
                v &= 0xFF
                nb = 8
            if v >> (nb - 1):
                v -= 1 << nb
            prefix = "-" if v < 0 else "+" if flags & FL_SIGN else " " if flags & FL_SPACE else ""
            _int(out, prefix, str(abs(v)), abs(v), flags, width, prec)
        elif conv in "uoxXp":
            if conv == "p":
                v = args.u32()
                text = "%X" % v
                prec = 8
                _int(out, "", text, v, flags & ~FL_ALT, width, prec)
            else:
                v = args.u64() if bits == 64 else args.u32()
                if size == "h":
                    v &= 0xFFFF
                elif size == "hh":
                    v &= 0xFF
                if conv == "u":
                    _int(out, "", str(v), v, flags, width, prec)
                elif conv == "o":
                    text = "%o" % v
                    if flags & FL_ALT:
                        _int(out, "", text, v, flags, width, prec, force_octal=True)
                    else:
                        _int(out, "", text, v, flags, width, prec)
                else:
                    text = ("%x" if conv == "x" else "%X") % v
                    prefix = ("0" + conv) if flags & FL_ALT and v else ""
                    _int(out, prefix, text, v, flags, width, prec)
        elif conv in "eEfFgGaA":
            x = args.f64()
            digs, e10, neg = _digits(x)
            p = 6 if prec < 0 else prec
            alt = bool(flags & FL_ALT)
            if conv in "eE":
                text = _fmt_e(digs, e10, p, alt, conv == "E")
            elif conv in "fF":
                text = _fmt_f(digs, e10, p, alt)
            elif conv in "gG":
                text = _fmt_g(digs, e10, p, alt, conv == "G")
            else:
                text = _fmt_a(x, prec, alt, conv == "A")
            prefix = "-" if neg else "+" if flags & FL_SIGN else " " if flags & FL_SPACE else ""
            if conv in "aA" and text.startswith(("0x", "0X")):
                prefix += text[:2]
                text = text[2:]
            _pad(out, prefix, text, flags, width)
        elif conv in "cCsS":
            v = args.u32()
            upper = conv in "CS"
            if wide:
                is_wide = (size != "h") if not upper else size in ("l", "w")
            else:
                is_wide = size in ("l", "w") if not upper else size != "h"
            if conv in "cC":
                if wide:
                    ch = chr(v & 0xFFFF) if is_wide else chr(v & 0xFF)
                else:
                    ch = _w2c(chr(v & 0xFFFF)) if is_wide else chr(v & 0xFF)
                _pad(out, "", ch, flags, width)
            else:
                if is_wide:
                    text = _wide_str(m, v, prec)
                    if not wide:
                        text = _w2c(text)
                else:
                    text = _narrow_str(m, v, prec)
                _pad(out, "", text, flags, width)
        elif conv == "n":
            p = args.u32()
            cnt = sum(len(x) for x in out)
            if size == "h":
                m.mem.w16(p, cnt)
            else:
                m.mem.w32(p, cnt)
        elif conv == "%":
            out.append("%")
        else:
            out.append(conv)  # msvcrt prints an unknown conversion character as itself
    return "".join(out)


def _int(out: list[str], prefix: str, text: str, v: int, flags: int, width: int, prec: int,
         force_octal: bool = False) -> None:
    if prec < 0:
        prec = 1
    else:
        flags &= ~FL_ZERO
    if v == 0 and prec == 0:
        text = ""
    if len(text) < prec:
        text = "0" * (prec - len(text)) + text
    if force_octal and (not text or text[0] != "0"):
        text = "0" + text
    _pad(out, prefix, text, flags, width)


# ---- output helpers ----------------------------------------------------------------------------------
def fmt_narrow(m: "Machine", fmt: int, ap: int) -> bytes | None:
    """The formatted bytes, or None (errno EINVAL) for a NULL format."""
    if fmt == 0:
        set_errno(m, EINVAL)
        return None
    return format_string(m, m.mem.cstr_bytes(fmt).decode("latin-1"), Args(m, ap), False).encode("latin-1")


def fmt_wide(m: "Machine", fmt: int, ap: int) -> str | None:
    """The formatted text, or None (errno EINVAL) for a NULL format."""
    if fmt == 0:
        set_errno(m, EINVAL)
        return None
    return format_string(m, m.mem.wstr_bytes(fmt).decode("utf-16-le", "surrogatepass"), Args(m, ap), True)


def _to_stream(m: "Machine", fp: int, data: bytes, nchars: int) -> int:
    from .stream import get_stream, write_bytes  # noqa: PLC0415
    st = get_stream(m, fp)
    if st is None:
        return -1
    return nchars if write_bytes(m, st, data) else -1


def _stdout(m: "Machine") -> int:
    from .stream import FILE_SIZE, iob  # noqa: PLC0415
    return iob(m) + FILE_SIZE


def _wide_bytes(s: str) -> bytes:
    """Wide output to a byte stream: wctomb per character (C locale: above 0xFF becomes '?')."""
    return s.encode("latin-1", "replace")


def _store(m: "Machine", buf: int, data: bytes, count: int | None, unit: int) -> int:
    """sprintf-style store: NUL-terminated; with count, _snprintf rules (-1 when cut, NUL only if room)."""
    n = len(data) // unit
    if count is None:
        m.mem.write(buf, data + b"\0" * unit)
        return n
    if n < count:
        m.mem.write(buf, data + b"\0" * unit)
        return n
    if count > 0:
        m.mem.write(buf, data[:count * unit])
    return n if n == count else -1


# narrow
@cdecl("msvcrt")
def printf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002 - the C name
    """Formatted output to stdout; number of bytes written, or -1."""
    data = fmt_narrow(m, format, args)
    if data is None:
        return -1
    return _to_stream(m, _stdout(m), data, len(data))


@cdecl("msvcrt")
def vprintf(m: "Machine", format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """printf with a va_list."""
    data = fmt_narrow(m, format, argptr)
    if data is None:
        return -1
    return _to_stream(m, _stdout(m), data, len(data))


@cdecl("msvcrt")
def fprintf(m: "Machine", stream: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Formatted output to a stream."""
    data = fmt_narrow(m, format, args)
    if data is None:
        return -1
    return _to_stream(m, stream, data, len(data))


@cdecl("msvcrt")
def vfprintf(m: "Machine", stream: PTR, format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """fprintf with a va_list."""
    data = fmt_narrow(m, format, argptr)
    if data is None:
        return -1
    return _to_stream(m, stream, data, len(data))


@cdecl("msvcrt")
def sprintf(m: "Machine", buffer: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Formatted output to a buffer (NUL-terminated); returns the length."""
    data = fmt_narrow(m, format, args)
    return -1 if data is None else _store(m, buffer, data, None, 1)


@cdecl("msvcrt")
def vsprintf(m: "Machine", buffer: PTR, format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """sprintf with a va_list."""
    data = fmt_narrow(m, format, argptr)
    return -1 if data is None else _store(m, buffer, data, None, 1)


@cdecl("msvcrt")
def _snprintf(m: "Machine", buffer: PTR, count: UINT, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """At most count bytes; NUL only if there is room; -1 if the output was cut."""
    data = fmt_narrow(m, format, args)
    return -1 if data is None else _store(m, buffer, data, count, 1)


@cdecl("msvcrt")
def _vsnprintf(m: "Machine", buffer: PTR, count: UINT, format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """_snprintf with a va_list."""
    data = fmt_narrow(m, format, argptr)
    return -1 if data is None else _store(m, buffer, data, count, 1)


@cdecl("msvcrt")
def _scprintf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Length printf would produce."""
    data = fmt_narrow(m, format, args)
    return -1 if data is None else len(data)


@cdecl("msvcrt")
def _vscprintf(m: "Machine", format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """_scprintf with a va_list."""
    data = fmt_narrow(m, format, argptr)
    return -1 if data is None else len(data)


# wide
@cdecl("msvcrt")
def wprintf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide printf to stdout (characters converted to bytes with wctomb)."""
    s = fmt_wide(m, format, args)
    if s is None:
        return -1
    return _to_stream(m, _stdout(m), _wide_bytes(s), len(s))


@cdecl("msvcrt")
def vwprintf(m: "Machine", format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """wprintf with a va_list."""
    s = fmt_wide(m, format, argptr)
    if s is None:
        return -1
    return _to_stream(m, _stdout(m), _wide_bytes(s), len(s))


@cdecl("msvcrt")
def fwprintf(m: "Machine", stream: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide fprintf."""
    s = fmt_wide(m, format, args)
    if s is None:
        return -1
    return _to_stream(m, stream, _wide_bytes(s), len(s))


@cdecl("msvcrt")
def vfwprintf(m: "Machine", stream: PTR, format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """Wide vfprintf."""
    s = fmt_wide(m, format, argptr)
    if s is None:
        return -1
    return _to_stream(m, stream, _wide_bytes(s), len(s))


@cdecl("msvcrt")
def swprintf(m: "Machine", buffer: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """msvcrt's swprintf (no count argument): wide sprintf."""
    s = fmt_wide(m, format, args)
    if s is None:
        return -1
    return _store(m, buffer, s.encode("utf-16-le", "surrogatepass"), None, 2)


@cdecl("msvcrt")
def vswprintf(m: "Machine", buffer: PTR, format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """msvcrt's vswprintf (no count argument)."""
    s = fmt_wide(m, format, argptr)
    if s is None:
        return -1
    return _store(m, buffer, s.encode("utf-16-le", "surrogatepass"), None, 2)


@cdecl("msvcrt")
def _swprintf(m: "Machine", buffer: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Same as msvcrt's swprintf."""
    s = fmt_wide(m, format, args)
    if s is None:
        return -1
    return _store(m, buffer, s.encode("utf-16-le", "surrogatepass"), None, 2)


@cdecl("msvcrt")
def _snwprintf(m: "Machine", buffer: PTR, count: UINT, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide _snprintf (count in WCHARs)."""
    s = fmt_wide(m, format, args)
    if s is None:
        return -1
    return _store(m, buffer, s.encode("utf-16-le", "surrogatepass"), count, 2)


@cdecl("msvcrt")
def _vsnwprintf(m: "Machine", buffer: PTR, count: UINT, format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """Wide _vsnprintf."""
    s = fmt_wide(m, format, argptr)
    if s is None:
        return -1
    return _store(m, buffer, s.encode("utf-16-le", "surrogatepass"), count, 2)


@cdecl("msvcrt")
def _scwprintf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Length wprintf would produce (WCHARs)."""
    s = fmt_wide(m, format, args)
    return -1 if s is None else len(s.encode("utf-16-le", "surrogatepass")) // 2


@cdecl("msvcrt")
def _vscwprintf(m: "Machine", format: PTR, argptr: PTR) -> INT:  # noqa: A002
    """_scwprintf with a va_list."""
    s = fmt_wide(m, format, argptr)
    return -1 if s is None else len(s.encode("utf-16-le", "surrogatepass")) // 2


alias("msvcrt", "msvcrt", [], rename={"_vswprintf": "vswprintf"})
