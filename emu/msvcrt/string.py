"""msvcrt: the <string.h> functions that are not guest code (see strnative.py): case-insensitive
comparisons, duplication, case mapping, searching and tokenising, for narrow and wide strings, with
C-locale rules (only A-Z/a-z change case; collation is byte order)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import INT, PTR, UINT, cdecl
from .crt import TD_STRTOK, TD_WCSTOK, heap, set_errno, tdata

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_UPPER = bytes.maketrans(b"abcdefghijklmnopqrstuvwxyz", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _cs(m: "Machine", p: int) -> bytes:
    return m.mem.cstr_bytes(p)


def _ws(m: "Machine", p: int) -> bytes:
    return m.mem.wstr_bytes(p)


def _wlow(c: int) -> int:
    return c + 32 if 0x41 <= c <= 0x5A else c


def _wup(c: int) -> int:
    return c - 32 if 0x61 <= c <= 0x7A else c


def _icmp(a: bytes, b: bytes) -> int:
    """__ascii_stricmp: difference of the first differing lower-cased bytes."""
    la, lb = a.translate(_LOWER), b.translate(_LOWER)
    for x, y in zip(la, lb):
        if x != y:
            return x - y
    if len(la) == len(lb):
        return 0
    return la[len(lb)] if len(la) > len(lb) else -lb[len(la)]


def _wunits(b: bytes) -> list[int]:
    return [b[i] | (b[i + 1] << 8) for i in range(0, len(b) - 1, 2)]


def _wicmp(a: list[int], b: list[int]) -> int:
    for x, y in zip(a, b):
        x, y = _wlow(x), _wlow(y)
        if x != y:
            return x - y
    if len(a) == len(b):
        return 0
    return _wlow(a[len(b)]) if len(a) > len(b) else -_wlow(b[len(a)])


# ---- case-insensitive comparison ------------------------------------------------------------------
@cdecl(D)
def _stricmp(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Compare ignoring ASCII case; <0, 0 or >0."""
    return _icmp(_cs(m, string1), _cs(m, string2))


@cdecl(D)
def _strcmpi(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Same as _stricmp."""
    return _icmp(_cs(m, string1), _cs(m, string2))


@cdecl(D)
def _stricoll(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Case-insensitive collation (C locale: _stricmp)."""
    return _icmp(_cs(m, string1), _cs(m, string2))


@cdecl(D)
def _strnicmp(m: "Machine", string1: PTR, string2: PTR, count: UINT) -> INT:
    """Compare at most count bytes ignoring ASCII case."""
    return _icmp(m.mem.cstr_bytes(string1, count), m.mem.cstr_bytes(string2, count)) if count else 0


@cdecl(D)
def _strnicoll(m: "Machine", string1: PTR, string2: PTR, count: UINT) -> INT:
    """_strnicmp in the C locale."""
    return _strnicmp(m, string1, string2, count)


@cdecl(D)
def _memicmp(m: "Machine", buf1: PTR, buf2: PTR, count: UINT) -> INT:
    """Compare count bytes ignoring ASCII case."""
    a = m.mem.read(buf1, count).translate(_LOWER)
    b = m.mem.read(buf2, count).translate(_LOWER)
    for x, y in zip(a, b):
        if x != y:
            return x - y
    return 0


@cdecl(D)
def strcoll(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Collate (C locale: byte order like strcmp)."""
    a, b = _cs(m, string1), _cs(m, string2)
    return (a > b) - (a < b)


@cdecl(D)
def _strncoll(m: "Machine", string1: PTR, string2: PTR, count: UINT) -> INT:
    """Collate at most count bytes (C locale)."""
    a, b = m.mem.cstr_bytes(string1, count), m.mem.cstr_bytes(string2, count)
    return (a > b) - (a < b)


@cdecl(D)
def strxfrm(m: "Machine", strDest: PTR, strSource: PTR, count: UINT) -> UINT:
    """Transform for strcmp-collation (C locale: a copy); returns the needed length."""
    s = _cs(m, strSource)
    if len(s) < count and strDest:
        m.mem.write(strDest, s + b"\0")
    return len(s)


@cdecl(D)
def _wcsicmp(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Wide compare ignoring ASCII case."""
    return _wicmp(_wunits(_ws(m, string1)), _wunits(_ws(m, string2)))


@cdecl(D)
def _wcsicoll(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Wide case-insensitive collation (C locale)."""
    return _wcsicmp(m, string1, string2)


@cdecl(D)
def _wcsnicmp(m: "Machine", string1: PTR, string2: PTR, count: UINT) -> INT:
    """Wide compare of at most count characters ignoring ASCII case."""
    if not count:
        return 0
    return _wicmp(_wunits(m.mem.wstr_bytes(string1, count)), _wunits(m.mem.wstr_bytes(string2, count)))


@cdecl(D)
def _wcsncoll(m: "Machine", string1: PTR, string2: PTR, count: UINT) -> INT:
    """Wide collation of at most count characters (C locale)."""
    a = _wunits(m.mem.wstr_bytes(string1, count)) if count else []
    b = _wunits(m.mem.wstr_bytes(string2, count)) if count else []
    return (a > b) - (a < b)


@cdecl(D)
def _wcsnicoll(m: "Machine", string1: PTR, string2: PTR, count: UINT) -> INT:
    """Wide case-insensitive collation of at most count characters (C locale)."""
    return _wcsnicmp(m, string1, string2, count)


@cdecl(D)
def wcscoll(m: "Machine", string1: PTR, string2: PTR) -> INT:
    """Wide collation (C locale: code unit order)."""
    a, b = _wunits(_ws(m, string1)), _wunits(_ws(m, string2))
    return (a > b) - (a < b)


@cdecl(D)
def wcsxfrm(m: "Machine", strDest: PTR, strSource: PTR, count: UINT) -> UINT:
    """Wide strxfrm (C locale: a copy)."""
    s = _ws(m, strSource)
    if len(s) // 2 < count and strDest:
        m.mem.write(strDest, s + b"\0\0")
    return len(s) // 2


# ---- duplication and case mapping ---------------------------------------------------------------------
@cdecl(D)
def _strdup(m: "Machine", strSource: PTR) -> PTR:
    """malloc'ed copy of a string (NULL for NULL)."""
    if not strSource:
        return 0
    s = _cs(m, strSource) + b"\0"
    p = heap(m).alloc(len(s))
    m.mem.write(p, s)
    return p


@cdecl(D)
def _wcsdup(m: "Machine", strSource: PTR) -> PTR:
    """malloc'ed copy of a wide string."""
    if not strSource:
        return 0
    s = _ws(m, strSource) + b"\0\0"
    p = heap(m).alloc(len(s))
    m.mem.write(p, s)
    return p


def _map_inplace(m: "Machine", p: int, table: bytes) -> int:
    s = _cs(m, p)
    m.mem.write(p, s.translate(table))
    return p


@cdecl(D)
def _strlwr(m: "Machine", string: PTR) -> PTR:
    """Lower-case A-Z in place."""
    return _map_inplace(m, string, _LOWER)


@cdecl(D)
def _strupr(m: "Machine", string: PTR) -> PTR:
    """Upper-case a-z in place."""
    return _map_inplace(m, string, _UPPER)


def _wmap_inplace(m: "Machine", p: int, f: "callable") -> int:  # type: ignore[valid-type]
    u = _wunits(_ws(m, p))
    m.mem.write(p, b"".join(f(c).to_bytes(2, "little") for c in u))  # type: ignore[misc]
    return p


@cdecl(D)
def _wcslwr(m: "Machine", string: PTR) -> PTR:
    """Wide lower-case (A-Z) in place."""
    return _wmap_inplace(m, string, _wlow)


@cdecl(D)
def _wcsupr(m: "Machine", string: PTR) -> PTR:
    """Wide upper-case (a-z) in place."""
    return _wmap_inplace(m, string, _wup)


@cdecl(D)
def _strrev(m: "Machine", string: PTR) -> PTR:
    """Reverse in place."""
    m.mem.write(string, _cs(m, string)[::-1])
    return string


@cdecl(D)
def _wcsrev(m: "Machine", string: PTR) -> PTR:
    """Reverse a wide string in place."""
    u = _wunits(_ws(m, string))[::-1]
    m.mem.write(string, b"".join(c.to_bytes(2, "little") for c in u))
    return string


@cdecl(D)
def _strset(m: "Machine", string: PTR, c: INT) -> PTR:
    """Set every character to c."""
    m.mem.write(string, bytes([c & 0xFF]) * len(_cs(m, string)))
    return string


@cdecl(D)
def _strnset(m: "Machine", string: PTR, c: INT, count: UINT) -> PTR:
    """Set the first count characters to c."""
    n = min(count, len(_cs(m, string)))
    m.mem.write(string, bytes([c & 0xFF]) * n)
    return string


@cdecl(D)
def _wcsset(m: "Machine", string: PTR, c: UINT) -> PTR:
    """Set every wide character to c."""
    m.mem.write(string, (c & 0xFFFF).to_bytes(2, "little") * (len(_ws(m, string)) // 2))
    return string


@cdecl(D)
def _wcsnset(m: "Machine", string: PTR, c: UINT, count: UINT) -> PTR:
    """Set the first count wide characters to c."""
    n = min(count, len(_ws(m, string)) // 2)
    m.mem.write(string, (c & 0xFFFF).to_bytes(2, "little") * n)
    return string


@cdecl(D)
def _memccpy(m: "Machine", dest: PTR, src: PTR, c: INT, count: UINT) -> PTR:
    """Copy up to and including the first byte c (at most count); returns the byte after it in dest, or NULL."""
    data = m.mem.read(src, count)
    i = data.find(bytes([c & 0xFF]))
    if i < 0:
        m.mem.write(dest, data)
        return 0
    m.mem.write(dest, data[:i + 1])
    return dest + i + 1


# ---- searching ---------------------------------------------------------------------------------------
@cdecl(D)
def strstr(m: "Machine", string: PTR, strCharSet: PTR) -> PTR:
    """First occurrence of a substring (the string itself for an empty one), or NULL."""
    i = _cs(m, string).find(_cs(m, strCharSet))
    return string + i if i >= 0 else 0


@cdecl(D)
def wcsstr(m: "Machine", string: PTR, strCharSet: PTR) -> PTR:
    """Wide strstr."""
    hay, needle = _ws(m, string), _ws(m, strCharSet)
    i = hay.find(needle)
    while i >= 0 and i % 2:
        i = hay.find(needle, i + 1)
    return string + i if i >= 0 else 0


def _span(s: bytes, chars: bytes, accept: bool) -> int:
    st = set(chars)
    for i, c in enumerate(s):
        if (c in st) != accept:
            return i
    return len(s)


@cdecl(D)
def strspn(m: "Machine", string: PTR, strCharSet: PTR) -> UINT:
    """Length of the leading run of characters from the set."""
    return _span(_cs(m, string), _cs(m, strCharSet), True)


@cdecl(D)
def strcspn(m: "Machine", string: PTR, strCharSet: PTR) -> UINT:
    """Length of the leading run of characters not in the set."""
    return _span(_cs(m, string), _cs(m, strCharSet), False)


@cdecl(D)
def strpbrk(m: "Machine", string: PTR, strCharSet: PTR) -> PTR:
    """First character that is in the set, or NULL."""
    s = _cs(m, string)
    i = _span(s, _cs(m, strCharSet), False)
    return string + i if i < len(s) else 0


@cdecl(D)
def wcsspn(m: "Machine", string: PTR, strCharSet: PTR) -> UINT:
    """Wide strspn."""
    s, cs = _wunits(_ws(m, string)), set(_wunits(_ws(m, strCharSet)))
    return next((i for i, c in enumerate(s) if c not in cs), len(s))


@cdecl(D)
def wcscspn(m: "Machine", string: PTR, strCharSet: PTR) -> UINT:
    """Wide strcspn."""
    s, cs = _wunits(_ws(m, string)), set(_wunits(_ws(m, strCharSet)))
    return next((i for i, c in enumerate(s) if c in cs), len(s))


@cdecl(D)
def wcspbrk(m: "Machine", string: PTR, strCharSet: PTR) -> PTR:
    """Wide strpbrk."""
    s, cs = _wunits(_ws(m, string)), set(_wunits(_ws(m, strCharSet)))
    i = next((i for i, c in enumerate(s) if c in cs), -1)
    return string + 2 * i if i >= 0 else 0


@cdecl(D)
def strtok(m: "Machine", strToken: PTR, strDelimit: PTR) -> PTR:
    """Next token delimited by characters of the set (the position is kept per thread)."""
    slot = tdata(m) + TD_STRTOK
    p = strToken or m.mem.u32(slot)
    if not p:
        return 0
    delim = set(_cs(m, strDelimit))
    s = _cs(m, p)
    i = 0
    while i < len(s) and s[i] in delim:
        i += 1
    if i == len(s):
        m.mem.w32(slot, p + i)
        return 0
    j = i
    while j < len(s) and s[j] not in delim:
        j += 1
    if j < len(s):
        m.mem.w8(p + j, 0)
        m.mem.w32(slot, p + j + 1)
    else:
        m.mem.w32(slot, p + j)
    return p + i


@cdecl(D)
def wcstok(m: "Machine", strToken: PTR, strDelimit: PTR) -> PTR:
    """Wide strtok (msvcrt's two-argument form)."""
    slot = tdata(m) + TD_WCSTOK
    p = strToken or m.mem.u32(slot)
    if not p:
        return 0
    delim = set(_wunits(_ws(m, strDelimit)))
    s = _wunits(_ws(m, p))
    i = 0
    while i < len(s) and s[i] in delim:
        i += 1
    if i == len(s):
        m.mem.w32(slot, p + 2 * i)
        return 0
    j = i
    while j < len(s) and s[j] not in delim:
        j += 1
    if j < len(s):
        m.mem.w16(p + 2 * j, 0)
        m.mem.w32(slot, p + 2 * j + 2)
    else:
        m.mem.w32(slot, p + 2 * j)
    return p + 2 * i


@cdecl(D)
def _strinc(m: "Machine", current: PTR) -> PTR:
    """Next character (single-byte code page)."""
    return current + 1


@cdecl(D)
def strnlen(m: "Machine", string: PTR, maxlen: UINT) -> UINT:
    """Length, at most maxlen."""
    return len(m.mem.cstr_bytes(string, maxlen)) if maxlen else 0


@cdecl(D)
def wcsnlen(m: "Machine", string: PTR, maxlen: UINT) -> UINT:
    """Wide length, at most maxlen."""
    return len(m.mem.wstr_bytes(string, maxlen)) // 2 if maxlen else 0


@cdecl(D)
def strcpy_s(m: "Machine", dest: PTR, size: UINT, src: PTR) -> INT:
    """Checked strcpy: EINVAL for NULL pointers, ERANGE (and dest[0] = 0) if it does not fit."""
    if not dest or not size:
        set_errno(m, 22)
        return 22
    if not src:
        m.mem.w8(dest, 0)
        set_errno(m, 22)
        return 22
    s = _cs(m, src)
    if len(s) >= size:
        m.mem.w8(dest, 0)
        set_errno(m, 34)
        return 34
    m.mem.write(dest, s + b"\0")
    return 0


@cdecl(D)
def strcat_s(m: "Machine", dest: PTR, size: UINT, src: PTR) -> INT:
    """Checked strcat."""
    if not dest or not size:
        set_errno(m, 22)
        return 22
    if not src:
        m.mem.w8(dest, 0)
        set_errno(m, 22)
        return 22
    d = m.mem.cstr_bytes(dest, size)
    s = _cs(m, src)
    if len(d) >= size or len(d) + len(s) >= size:
        m.mem.w8(dest, 0)
        set_errno(m, 34 if len(d) < size else 22)
        return 34 if len(d) < size else 22
    m.mem.write(dest + len(d), s + b"\0")
    return 0


@cdecl(D)
def _swab(m: "Machine", src: PTR, dest: PTR, n: INT) -> None:
    """Copy n bytes (rounded down to even) swapping each pair."""
    if n < 2:
        return
    n &= ~1
    b = bytearray(m.mem.read(src, n))
    b[0::2], b[1::2] = b[1::2], b[0::2]
    m.mem.write(dest, bytes(b))
