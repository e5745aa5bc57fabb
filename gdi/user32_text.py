"""user32: the string functions console programs import (case mapping, character classes, character
stepping, wsprintf, LoadString).

``wsprintf`` is user32's own printf dialect: flags ``-``, ``#``, ``0``, a width and a precision (no
``*``), size prefixes ``h``, ``l`` and ``I64``, and the types c C d i u x X s S p; no floating point.
Its output stops at 1024 characters.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from emu import resources
from emu.api import BOOL, DWORD, INT, PTR, UINT, VARARGS, WORD, cdecl, stdcall

if TYPE_CHECKING:
    from emu.machine import Machine

ERROR_RESOURCE_NAME_NOT_FOUND = 1814
WSPRINTF_MAX = 1024
_DBCS_LEADS = {932: ((0x81, 0x9F), (0xE0, 0xFC)), 936: ((0x81, 0xFE),), 949: ((0x81, 0xFE),),
               950: ((0x81, 0xFE),)}


# ---- case mapping ---------------------------------------------------------------------------------------
def _map_w(c: int, fn: Callable[[str], str]) -> int:
    r = fn(chr(c))
    return ord(r) if len(r) == 1 and ord(r) < 0x10000 else c


def _map_a(m: "Machine", b: int, fn: Callable[[str], str]) -> int:
    ch = bytes([b]).decode(m.ansi, "replace")
    r = fn(ch)
    if len(r) != 1:
        return b
    enc = r.encode(m.ansi, "replace")
    return enc[0] if len(enc) == 1 and r != "\ufffd" else b


def _buf_w(m: "Machine", p: int, n: int, fn: Callable[[str], str]) -> None:
    if n:
        data = m.mem.read(p, 2 * n)
        chars = [_map_w(c, fn) for c in memoryview(data).cast("H")]
        m.mem.write(p, b"".join(c.to_bytes(2, "little") for c in chars))


def _buf_a(m: "Machine", p: int, n: int, fn: Callable[[str], str]) -> None:
    if n:
        m.mem.write(p, bytes(_map_a(m, b, fn) for b in m.mem.read(p, n)))


def _wlen(m: "Machine", p: int) -> int:
    return len(m.mem.wstr_bytes(p)) // 2


@stdcall("user32")
def CharUpperW(m: "Machine", lpsz: PTR) -> PTR:
    """Upper-case a string in place (returns it), or one character passed in the low word."""
    if lpsz < 0x10000:
        return _map_w(lpsz, str.upper)
    _buf_w(m, lpsz, _wlen(m, lpsz), str.upper)
    return lpsz


@stdcall("user32")
def CharLowerW(m: "Machine", lpsz: PTR) -> PTR:
    """Lower-case a string in place (returns it), or one character passed in the low word."""
    if lpsz < 0x10000:
        return _map_w(lpsz, str.lower)
    _buf_w(m, lpsz, _wlen(m, lpsz), str.lower)
    return lpsz


@stdcall("user32")
def CharUpperA(m: "Machine", lpsz: PTR) -> PTR:
    """Upper-case an ANSI string in place (returns it), or one character passed in the low byte."""
    if lpsz < 0x10000:
        return _map_a(m, lpsz & 0xFF, str.upper)
    _buf_a(m, lpsz, len(m.mem.cstr_bytes(lpsz)), str.upper)
    return lpsz


@stdcall("user32")
def CharLowerA(m: "Machine", lpsz: PTR) -> PTR:
    """Lower-case an ANSI string in place (returns it), or one character passed in the low byte."""
    if lpsz < 0x10000:
        return _map_a(m, lpsz & 0xFF, str.lower)
    _buf_a(m, lpsz, len(m.mem.cstr_bytes(lpsz)), str.lower)
    return lpsz


@stdcall("user32")
def CharUpperBuffW(m: "Machine", lpsz: PTR, cchLength: DWORD) -> DWORD:
    """Upper-case ``cchLength`` characters in place; returns the count."""
    _buf_w(m, lpsz, cchLength, str.upper)
    return cchLength


@stdcall("user32")
def CharLowerBuffW(m: "Machine", lpsz: PTR, cchLength: DWORD) -> DWORD:
    """Lower-case ``cchLength`` characters in place; returns the count."""
    _buf_w(m, lpsz, cchLength, str.lower)
    return cchLength


@stdcall("user32")
def CharUpperBuffA(m: "Machine", lpsz: PTR, cchLength: DWORD) -> DWORD:
    """Upper-case ``cchLength`` ANSI bytes in place; returns the count."""
    _buf_a(m, lpsz, cchLength, str.upper)
    return cchLength


@stdcall("user32")
def CharLowerBuffA(m: "Machine", lpsz: PTR, cchLength: DWORD) -> DWORD:
    """Lower-case ``cchLength`` ANSI bytes in place; returns the count."""
    _buf_a(m, lpsz, cchLength, str.lower)
    return cchLength


# ---- character classes ------------------------------------------------------------------------------------
def _ach(m: "Machine", ch: int) -> str:
    return bytes([ch & 0xFF]).decode(m.ansi, "replace")


@stdcall("user32")
def IsCharAlphaW(m: "Machine", ch: WORD) -> BOOL:
    """TRUE for a letter."""
    return int(chr(ch).isalpha())


@stdcall("user32")
def IsCharAlphaNumericW(m: "Machine", ch: WORD) -> BOOL:
    """TRUE for a letter or digit."""
    return int(chr(ch).isalnum())


@stdcall("user32")
def IsCharUpperW(m: "Machine", ch: WORD) -> BOOL:
    """TRUE for an upper-case letter."""
    return int(chr(ch).isupper())


@stdcall("user32")
def IsCharLowerW(m: "Machine", ch: WORD) -> BOOL:
    """TRUE for a lower-case letter."""
    return int(chr(ch).islower())


@stdcall("user32")
def IsCharAlphaA(m: "Machine", ch: DWORD) -> BOOL:
    """TRUE for a letter of the ANSI code page."""
    return int(_ach(m, ch).isalpha())


@stdcall("user32")
def IsCharAlphaNumericA(m: "Machine", ch: DWORD) -> BOOL:
    """TRUE for a letter or digit of the ANSI code page."""
    return int(_ach(m, ch).isalnum())


@stdcall("user32")
def IsCharUpperA(m: "Machine", ch: DWORD) -> BOOL:
    """TRUE for an upper-case letter of the ANSI code page."""
    return int(_ach(m, ch).isupper())


@stdcall("user32")
def IsCharLowerA(m: "Machine", ch: DWORD) -> BOOL:
    """TRUE for a lower-case letter of the ANSI code page."""
    return int(_ach(m, ch).islower())


# ---- stepping through strings ---------------------------------------------------------------------------
def _codepage(m: "Machine", cp: int) -> int:
    if cp == 0:
        cp = int(m.ansi[2:]) if m.ansi.startswith("cp") and m.ansi[2:].isdigit() else 1252
    elif cp == 1:
        cp = int(m.oem[2:]) if m.oem.startswith("cp") and m.oem[2:].isdigit() else 437
    return cp


def _is_lead(cp: int, b: int) -> bool:
    return any(lo <= b <= hi for lo, hi in _DBCS_LEADS.get(cp, ()))


def _next(m: "Machine", cp: int, p: int) -> int:
    b = m.mem.u8(p)
    if b == 0:
        return p
    if _is_lead(cp, b) and m.mem.u8(p + 1):
        return p + 2
    return p + 1


def _prev(m: "Machine", cp: int, start: int, cur: int) -> int:
    if cur <= start:
        return start
    if not _DBCS_LEADS.get(cp):
        return cur - 1
    p = start
    while True:
        q = _next(m, cp, p)
        if q >= cur or q == p:
            return p
        p = q


@stdcall("user32")
def CharNextA(m: "Machine", lpsz: PTR) -> PTR:
    """The next character of an ANSI string (stays on the terminating NUL)."""
    return _next(m, _codepage(m, 0), lpsz)


@stdcall("user32")
def CharPrevA(m: "Machine", lpszStart: PTR, lpszCurrent: PTR) -> PTR:
    """The character before ``lpszCurrent`` (not before ``lpszStart``)."""
    return _prev(m, _codepage(m, 0), lpszStart, lpszCurrent)


@stdcall("user32")
def CharNextExA(m: "Machine", CodePage: WORD, lpCurrentChar: PTR, dwFlags: DWORD) -> PTR:
    """The next character in code page ``CodePage``."""
    return _next(m, _codepage(m, CodePage), lpCurrentChar)


@stdcall("user32")
def CharPrevExA(m: "Machine", CodePage: WORD, lpStart: PTR, lpCurrentChar: PTR, dwFlags: DWORD) -> PTR:
    """The previous character in code page ``CodePage``."""
    return _prev(m, _codepage(m, CodePage), lpStart, lpCurrentChar)


@stdcall("user32")
def CharNextW(m: "Machine", lpsz: PTR) -> PTR:
    """The next UTF-16 unit (stays on the terminating NUL)."""
    return lpsz if m.mem.u16(lpsz) == 0 else lpsz + 2


@stdcall("user32")
def CharPrevW(m: "Machine", lpszStart: PTR, lpszCurrent: PTR) -> PTR:
    """The UTF-16 unit before ``lpszCurrent`` (not before ``lpszStart``)."""
    return lpszCurrent - 2 if lpszCurrent > lpszStart else lpszStart


# ---- wsprintf -------------------------------------------------------------------------------------------
def format_ws(m: "Machine", fmt: str, arg: Callable[[], int], wide: bool) -> str:
    """Format with user32's printf dialect; ``arg()`` yields the next 32-bit argument."""
    out: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        i += 1
        left = alt = zero = False
        while i < n and fmt[i] in "-#0":
            left |= fmt[i] == "-"
            alt |= fmt[i] == "#"
            zero |= fmt[i] == "0"
            i += 1
        width = 0
        while i < n and fmt[i].isdigit():
            width = width * 10 + int(fmt[i])
            i += 1
        prec = -1
        if i < n and fmt[i] == ".":
            i += 1
            prec = 0
            while i < n and fmt[i].isdigit():
                prec = prec * 10 + int(fmt[i])
                i += 1
        size = ""
        if fmt.startswith("I64", i):
            size, i = "I64", i + 3
        elif i < n and fmt[i] in "hlL":
            size, i = fmt[i].lower(), i + 1
        if i >= n:
            break
        t = fmt[i]
        i += 1
        body = ""
        if t in "cC":
            ch = arg()
            narrow = (t == "c") != wide if size == "" else size == "h"
            body = _ach(m, ch) if narrow else chr(ch & 0xFFFF)
        elif t in "sS":
            p = arg()
            narrow = (t == "s") != wide if size == "" else size == "h"
            if p == 0:
                body = "(null)"
            else:
                body = m.mem.cstr(p, m.ansi) if narrow else m.mem.wstr(p)
            if prec >= 0:
                body = body[:prec]
        elif t in "diuxXp":
            v = arg()
            if size == "I64":
                v |= arg() << 32
                bits = 64
            else:
                bits = 32
            if t in "di" and v >> (bits - 1):
                v -= 1 << bits
            if t == "p":
                digits, prec, alt = f"{v:08X}", -1, False
            elif t in "xX":
                digits = f"{v:x}" if t == "x" else f"{v:X}"
            else:
                digits = str(abs(v))
            if prec >= 0:
                digits = digits.rjust(prec, "0")
            sign = "-" if v < 0 and t in "di" else ""
            prefix = ("0x" if t == "x" else "0X") if alt and t in "xX" and v else ""
            head = sign + prefix
            if zero and not left and prec < 0 and len(head + digits) < width:
                digits = digits.rjust(width - len(head), "0")
            body = head + digits
        else:  # unknown type: the character itself (%% gives %)
            body = t
        out.append(body.ljust(width) if left else body.rjust(width))
    return "".join(out)


def _arg_reader(m: "Machine", ap: int) -> Callable[[], int]:
    pos = [ap]

    def nxt() -> int:
        v = m.mem.u32(pos[0])
        pos[0] += 4
        return v

    return nxt


def _wsprintf(m: "Machine", out: int, fmt: int, ap: int, wide: bool) -> int:
    f = m.mem.wstr(fmt) if wide else m.mem.cstr(fmt, m.ansi)
    s = format_ws(m, f, _arg_reader(m, ap), wide)
    if wide:
        b = s.encode("utf-16-le", "surrogatepass")[:2 * (WSPRINTF_MAX - 1)]
        m.mem.write(out, b + b"\0\0")
        return len(b) // 2
    b = s.encode(m.ansi, "replace")[:WSPRINTF_MAX - 1]
    m.mem.write(out, b + b"\0")
    return len(b)


@cdecl("user32")
def wsprintfA(m: "Machine", lpOut: PTR, lpFmt: PTR, args: VARARGS) -> INT:
    """Format into a buffer (at most 1024 chars); returns the length written."""
    return _wsprintf(m, lpOut, lpFmt, args, False)


@cdecl("user32")
def wsprintfW(m: "Machine", lpOut: PTR, lpFmt: PTR, args: VARARGS) -> INT:
    """Wide wsprintf."""
    return _wsprintf(m, lpOut, lpFmt, args, True)


@stdcall("user32")
def wvsprintfA(m: "Machine", lpOutput: PTR, lpFmt: PTR, arglist: PTR) -> INT:
    """wsprintf with a va_list."""
    return _wsprintf(m, lpOutput, lpFmt, arglist, False)


@stdcall("user32")
def wvsprintfW(m: "Machine", lpOutput: PTR, lpFmt: PTR, arglist: PTR) -> INT:
    """Wide wsprintf with a va_list."""
    return _wsprintf(m, lpOutput, lpFmt, arglist, True)


# ---- LoadString ------------------------------------------------------------------------------------------
def _string_res(m: "Machine", hInstance: int, uid: int) -> tuple[int, int] | None:
    """Address and length (chars) of string ``uid`` in the module's RT_STRING tables."""
    base = hInstance or (m.proc.exe.base if m.proc.exe else 0)
    r = resources.find(m, base, resources.RT_STRING, ((uid & 0xFFFF) >> 4) + 1) if base else None
    if r is None:
        return None
    p = r[0]
    for _ in range(uid & 15):
        p += 2 + 2 * m.mem.u16(p)
    n = m.mem.u16(p)
    return (p + 2, n) if n else None


@stdcall("user32")
def LoadStringW(m: "Machine", hInstance: PTR, uID: UINT, lpBuffer: PTR, cchBufferMax: INT) -> INT:
    """Copy string resource ``uID`` (truncated, NUL-terminated); with cchBufferMax 0 store a read-only
    pointer to it. Returns its length, 0 when absent."""
    s = _string_res(m, hInstance, uID)
    if s is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        if lpBuffer and cchBufferMax > 0:
            m.mem.w16(lpBuffer, 0)
        return 0
    p, n = s
    if cchBufferMax == 0:
        m.mem.w32(lpBuffer, p)
        return n
    if not lpBuffer or cchBufferMax < 0:
        return 0
    k = min(n, cchBufferMax - 1)
    m.mem.write(lpBuffer, m.mem.read(p, 2 * k) + b"\0\0")
    return k


@stdcall("user32")
def LoadStringA(m: "Machine", hInstance: PTR, uID: UINT, lpBuffer: PTR, cchBufferMax: INT) -> INT:
    """Copy string resource ``uID`` converted to ANSI (truncated, NUL-terminated); returns its length."""
    if not lpBuffer or cchBufferMax <= 0:
        return 0
    s = _string_res(m, hInstance, uID)
    if s is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        m.mem.w8(lpBuffer, 0)
        return 0
    p, n = s
    b = m.mem.read(p, 2 * n).decode("utf-16-le", "replace").encode(m.ansi, "replace")[:cchBufferMax - 1]
    m.mem.write(lpBuffer, b + b"\0")
    return len(b)
