"""msvcrt: the scanf family (sscanf, fscanf, scanf, swscanf, fwscanf, wscanf, _snscanf), with msvcrt's
_input rules: %d %i %u %o %x %X %p %n %c %s %S %C %[...] (ranges, ^), %e %f %g (float unless l/L),
sizes h, l, L, I64, ll, w; '*' suppresses assignment; a result of EOF only when input ends before the
first conversion. Fields are read with one character of look-ahead, given back at the end like ungetc."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Callable

from ..api import INT, PTR, UINT, VARARGS, cdecl
from .printf import Args

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
WS = " \t\n\v\f\r"


class Source:
    """Characters from a string or a stream, with one character of push-back."""

    def __init__(self, get: Callable[[], str | None], unget: Callable[[str], None] | None = None) -> None:
        self._get = get
        self._unget = unget
        self.back: str | None = None
        self.count = 0

    def get(self) -> str | None:
        if self.back is not None:
            c, self.back = self.back, None
        else:
            c = self._get()
        if c is not None:
            self.count += 1
        return c

    def unget(self, c: str | None) -> None:
        if c is not None:
            self.back = c
            self.count -= 1

    def finish(self) -> None:
        if self.back is not None and self._unget is not None:
            self._unget(self.back)
            self.back = None


def _scanset(fmt: str, i: int) -> tuple[set[str] | None, bool, int]:
    """Parse a [...] set starting after '['; returns (chars, negated, index after ']')."""
    neg = False
    if i < len(fmt) and fmt[i] == "^":
        neg = True
        i += 1
    chars: set[str] = set()
    first = True
    prev = ""
    while i < len(fmt) and (fmt[i] != "]" or first):
        c = fmt[i]
        if c == "-" and not first and i + 1 < len(fmt) and fmt[i + 1] != "]" and chars:
            lo = prev
            hi = fmt[i + 1]
            if lo > hi:
                lo, hi = hi, lo
            for o in range(ord(lo), ord(hi) + 1):
                chars.add(chr(o))
            i += 2
            continue
        chars.add(c)
        prev = c
        first = False
        i += 1
    return chars, neg, i + 1


def _digit(c: str | None, base: int) -> int:
    if c is None:
        return -1
    o = ord(c)
    if 48 <= o <= 57:
        d = o - 48
    elif 97 <= o <= 102:
        d = o - 87
    elif 65 <= o <= 70:
        d = o - 55
    else:
        return -1
    return d if d < base else -1


def scan(m: "Machine", src: Source, fmt: str, args: Args, wide: bool) -> int:
    assigned = 0
    converted_any = False
    i, n = 0, len(fmt)
    while i < n:
        f = fmt[i]
        if f in WS:
            while i < n and fmt[i] in WS:
                i += 1
            c = src.get()
            while c is not None and c in WS:
                c = src.get()
            src.unget(c)
            continue
        if f != "%":
            c = src.get()
            if c is None:
                return assigned if converted_any else -1
            if c != f:
                src.unget(c)
                return assigned
            i += 1
            continue
        i += 1
        if i < n and fmt[i] == "%":
            c = src.get()
            while c is not None and c in WS:
                c = src.get()
            if c != "%":
                src.unget(c)
                return assigned if c is not None or converted_any else -1
            i += 1
            continue
        suppress = False
        if i < n and fmt[i] == "*":
            suppress = True
            i += 1
        width = 0
        while i < n and fmt[i].isdigit():
            width = width * 10 + ord(fmt[i]) - 48
            i += 1
        size = ""
        while i < n:
            c = fmt[i]
            if c == "h":
                size = "h"
                i += 1
            elif c == "l":
                size = "ll" if size == "l" else "l"
                i += 1
            elif c == "L":
                size = "L"
                i += 1
            elif c == "w":
                size = "l"
                i += 1
            elif c == "I" and fmt.startswith("64", i + 1):
                size = "ll"
                i += 3
            elif c == "I" and fmt.startswith("32", i + 1):
                i += 3
            elif c == "I":
                i += 1
            else:
                break
        if i >= n:
            break
        conv = fmt[i]
        i += 1
        if conv == "n":
            if not suppress:
                p = args.u32()
                if size == "h":
                    m.mem.w16(p, src.count)
                else:
                    m.mem.w32(p, src.count)
            continue
        if conv not in "c[C":
            c = src.get()
            while c is not None and c in WS:
                c = src.get()
            src.unget(c)
        if width == 0:
            width = 1 if conv in "cC" else 1 << 30
        if conv in "cCsS[":
            if conv == "[":
                chars, neg, i = _scanset(fmt, i)
            if wide:
                is_wide = size != "h" if conv in "cs[" else size == "l"
            else:
                is_wide = size == "l" if conv in "cs[" else size != "h"
            text = []
            while len(text) < width:
                c = src.get()
                if c is None:
                    break
                if conv in "sS" and c in WS:
                    src.unget(c)
                    break
                if conv == "[" and ((c in chars) == neg):  # type: ignore[operator]
                    src.unget(c)
                    break
                text.append(c)
            if not text:
                return assigned if (converted_any or src.back is not None) else -1
            converted_any = True
            if not suppress:
                p = args.u32()
                s = "".join(text)
                term = conv not in "cC"
                if is_wide:
                    m.mem.write(p, s.encode("utf-16-le", "surrogatepass") + (b"\0\0" if term else b""))
                else:
                    m.mem.write(p, s.encode("latin-1", "replace") + (b"\0" if term else b""))
                assigned += 1
            continue
        if conv in "dioxXupP":
            base = {"d": 10, "u": 10, "o": 8, "x": 16, "X": 16, "p": 16, "P": 16, "i": 0}[conv]
            got = 0
            neg = False
            c = src.get()
            if c is not None and c in "+-" and got < width:
                neg = c == "-"
                got += 1
                c = src.get()
            value = 0
            digits = 0
            if base in (0, 16) and c == "0" and got < width:
                got += 1
                digits += 1
                c2 = src.get()
                if c2 is not None and c2 in "xX" and got < width:
                    got += 1
                    base = 16
                    c = src.get()
                    digits = 0
                    if _digit(c, 16) < 0:
                        digits = 1  # "0x" alone reads as 0
                else:
                    if base == 0:
                        base = 8
                    c = c2
            if base == 0:
                base = 10
            while got < width:
                d = _digit(c, base)
                if d < 0:
                    break
                value = value * base + d
                digits += 1
                got += 1
                c = src.get()
            src.unget(c)
            if digits == 0:
                return assigned if (converted_any or c is not None) else -1
            converted_any = True
            if neg:
                value = -value
            if not suppress:
                p = args.u32()
                if size == "ll":
                    m.mem.w64(p, value)
                elif size == "h":
                    m.mem.w16(p, value)
                else:
                    m.mem.w32(p, value)
                assigned += 1
            continue
        if conv in "eEfFgGaA":
            txt = ""
            c = src.get()

            def take(ch: str | None) -> str | None:
                nonlocal txt
                txt += ch  # type: ignore[operator]
                return src.get() if len(txt) < width else None

            if c is not None and c in "+-":
                c = take(c)
            nd = 0
            while c is not None and c.isdigit() and c in "0123456789":
                nd += 1
                c = take(c)
            if c == ".":
                c = take(c)
                while c is not None and c in "0123456789":
                    nd += 1
                    c = take(c)
            if nd and c is not None and c in "eE":
                c = take(c)
                if c is not None and c in "+-":
                    c = take(c)
                while c is not None and c in "0123456789":
                    c = take(c)
            src.unget(c)
            if not nd:
                return assigned if (converted_any or c is not None) else -1
            converted_any = True
            t = txt
            if t[-1] in "eE+-":
                t = t.rstrip("+-").rstrip("eE")
            v = float(t) if t not in ("+", "-", ".", "") else 0.0
            if not suppress:
                p = args.u32()
                if size in ("l", "L", "ll"):
                    m.mem.write(p, struct.pack("<d", v))
                else:
                    try:
                        m.mem.write(p, struct.pack("<f", v))
                    except OverflowError:
                        m.mem.write(p, struct.pack("<f", float("inf") if v > 0 else float("-inf")))
                assigned += 1
            continue
        # unknown conversion: msvcrt treats it as a literal to match
        c = src.get()
        if c != conv:
            src.unget(c)
            return assigned
    return assigned


# ---- sources -------------------------------------------------------------------------------------
def _string_source(m: "Machine", p: int, wide: bool, limit: int | None = None) -> Source:
    if wide:
        s = m.mem.wstr_bytes(p, limit if limit is not None else 1 << 20).decode("utf-16-le", "surrogatepass")
    else:
        s = m.mem.cstr_bytes(p, limit if limit is not None else 1 << 20).decode("latin-1")
    it = iter(s)
    return Source(lambda: next(it, None))


def _stream_source(m: "Machine", fp: int, wide: bool) -> Source | None:
    from .stream import EOF, get_stream, getc  # noqa: PLC0415
    st = get_stream(m, fp)
    if st is None:
        return None

    def get() -> str | None:
        c = getc(m, st)
        if c == EOF:
            return None
        return chr(c)

    def unget(ch: str) -> None:
        st.ungot.append(ord(ch) & 0xFF)
        from .stream import IOEOF, clear_flag  # noqa: PLC0415
        clear_flag(m, st, IOEOF)

    return Source(get, unget)


def _fmt(m: "Machine", p: int, wide: bool) -> str:
    return m.mem.wstr(p) if wide else m.mem.cstr_bytes(p).decode("latin-1")


def _run(m: "Machine", src: Source | None, fmt: int, ap: int, wide: bool) -> int:
    if src is None or not fmt:
        from .crt import EINVAL, set_errno  # noqa: PLC0415
        set_errno(m, EINVAL)
        return -1
    r = scan(m, src, _fmt(m, fmt, wide), Args(m, ap), wide)
    src.finish()
    return r


@cdecl(D)
def sscanf(m: "Machine", buffer: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Read formatted data from a string; the number of fields assigned, or EOF."""
    return _run(m, _string_source(m, buffer, False) if buffer else None, format, args, False)


@cdecl(D)
def _snscanf(m: "Machine", input: PTR, length: UINT, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """sscanf reading at most length characters."""
    return _run(m, _string_source(m, input, False, length) if input else None, format, args, False)


@cdecl(D)
def swscanf(m: "Machine", buffer: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide sscanf."""
    return _run(m, _string_source(m, buffer, True) if buffer else None, format, args, True)


@cdecl(D)
def _snwscanf(m: "Machine", input: PTR, length: UINT, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide _snscanf."""
    return _run(m, _string_source(m, input, True, length) if input else None, format, args, True)


@cdecl(D)
def fscanf(m: "Machine", stream: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Read formatted data from a stream."""
    return _run(m, _stream_source(m, stream, False), format, args, False)


@cdecl(D)
def fwscanf(m: "Machine", stream: PTR, format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """Wide-format fscanf (the stream's bytes are the characters, as in the C locale)."""
    return _run(m, _stream_source(m, stream, True), format, args, True)


@cdecl(D)
def scanf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """fscanf(stdin, ...)."""
    from .stream import iob  # noqa: PLC0415
    return _run(m, _stream_source(m, iob(m), False), format, args, False)


@cdecl(D)
def wscanf(m: "Machine", format: PTR, args: VARARGS) -> INT:  # noqa: A002
    """fwscanf(stdin, ...)."""
    from .stream import iob  # noqa: PLC0415
    return _run(m, _stream_source(m, iob(m), True), format, args, True)
