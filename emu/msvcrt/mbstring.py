"""msvcrt: <mbstring.h> multibyte-string functions. The C locale and the emulated system's ANSI code page
(1252) are single-byte, so each byte is a character (_mbctype has no lead bytes) and these functions
are their str* counterparts; _setmbcp accepts single-byte code pages only."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import INT, PTR, UINT, alias, cdecl, lookup, native
from . import string as _string, strnative as _strnative  # noqa: F401  (declare the originals first)
from .crt import EINVAL, set_errno
from .ctype import _narrow_class

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"

# guest-code str* functions, assembled again under their _mbs names
for _new, _old in (("_mbscpy", "strcpy"), ("_mbscat", "strcat"), ("_mbscmp", "strcmp"), ("_mbsncmp", "strncmp"),
                   ("_mbsnbcmp", "strncmp"), ("_mbschr", "strchr"), ("_mbsrchr", "strrchr"), ("_mbslen", "strlen"),
                   ("_mbsncpy", "strncpy"), ("_mbsnbcpy", "strncpy"), ("_mbsncat", "strncat"),
                   ("_mbsnbcat", "strncat")):
    _f = lookup(D, _old)
    assert _f is not None and _f.native_asm is not None
    native(D, _new, _f.native_asm, doc=f"{_old} (single-byte code page)")

alias(D, D, [], rename={
    "_mbsicmp": "_stricmp", "_mbsnicmp": "_strnicmp", "_mbsnbicmp": "_strnicmp", "_mbsstr": "strstr",
    "_mbsspn": "strspn", "_mbscspn": "strcspn", "_mbspbrk": "strpbrk", "_mbstok": "strtok", "_mbslwr": "_strlwr",
    "_mbsupr": "_strupr", "_mbsrev": "_strrev", "_mbsdup": "_strdup", "_mbsset": "_strset", "_mbsnset": "_strnset",
    "_mbsnbset": "_strnset", "_mbscoll": "strcoll", "_mbsicoll": "_stricoll", "_mbsncoll": "_strncoll",
    "_mbsnbcoll": "_strncoll", "_mbsnicoll": "_strnicoll", "_mbsnbicoll": "_strnicoll",
})


@cdecl(D)
def _mbsinc(m: "Machine", current: PTR) -> PTR:
    """The next character."""
    return current + 1 if current else 0


@cdecl(D)
def _mbsninc(m: "Machine", string: PTR, count: UINT) -> PTR:
    """Advance count characters (not past the terminator)."""
    if not string:
        return 0
    return string + min(count, len(m.mem.cstr_bytes(string)))


@cdecl(D)
def _mbsdec(m: "Machine", start: PTR, current: PTR) -> PTR:
    """The previous character, or NULL at the start."""
    return current - 1 if current > start else 0


@cdecl(D)
def _mbsnextc(m: "Machine", string: PTR) -> UINT:
    """The character at string."""
    return m.mem.u8(string)


@cdecl(D)
def _mbclen(m: "Machine", c: PTR) -> UINT:
    """Bytes in the character: 1."""
    return 1


@cdecl(D)
def _mbccpy(m: "Machine", dest: PTR, src: PTR) -> None:
    """Copy one character."""
    m.mem.w8(dest, m.mem.u8(src))


@cdecl(D)
def _mbsnbcnt(m: "Machine", string: PTR, number: UINT) -> UINT:
    """Bytes in the first number characters."""
    return min(number, len(m.mem.cstr_bytes(string)))


@cdecl(D)
def _mbsnccnt(m: "Machine", string: PTR, number: UINT) -> UINT:
    """Characters in the first number bytes."""
    return min(number, len(m.mem.cstr_bytes(string)))


@cdecl(D)
def _mbsbtype(m: "Machine", string: PTR, count: UINT) -> INT:
    """_MBC_SINGLE (0) for a byte of the string, _MBC_ILLEGAL (-1) past its end."""
    return 0 if count < len(m.mem.cstr_bytes(string)) else -1


@cdecl(D)
def _mbbtype(m: "Machine", c: UINT, ctype: INT) -> INT:
    """_MBC_SINGLE (0): no lead or trail bytes."""
    return 0


@cdecl(D)
def _ismbblead(m: "Machine", c: UINT) -> INT:
    """No lead bytes."""
    return 0


@cdecl(D)
def _ismbbtrail(m: "Machine", c: UINT) -> INT:
    """No trail bytes."""
    return 0


@cdecl(D)
def _ismbslead(m: "Machine", string: PTR, current: PTR) -> INT:
    """No lead bytes."""
    return 0


@cdecl(D)
def _ismbstrail(m: "Machine", string: PTR, current: PTR) -> INT:
    """No trail bytes."""
    return 0


def _mbc_is(name: str, mask: int) -> None:
    def fn(m: "Machine", c: UINT) -> INT:
        return _narrow_class(c) & mask if c < 256 else 0

    fn.__name__ = name
    fn.__doc__ = f"{name}: the single-byte classification."
    cdecl(D, name=name)(fn)


for _n, _mask in (("_ismbcalpha", 0x103), ("_ismbcdigit", 0x4), ("_ismbcalnum", 0x107), ("_ismbcspace", 0x8),
                  ("_ismbcupper", 0x1), ("_ismbclower", 0x2), ("_ismbcpunct", 0x10), ("_ismbcprint", 0x157),
                  ("_ismbcgraph", 0x117)):
    _mbc_is(_n, _mask)


@cdecl(D)
def _mbctolower(m: "Machine", c: UINT) -> UINT:
    """A-Z to a-z."""
    return c + 32 if 0x41 <= c <= 0x5A else c


@cdecl(D)
def _mbctoupper(m: "Machine", c: UINT) -> UINT:
    """a-z to A-Z."""
    return c - 32 if 0x61 <= c <= 0x7A else c


@cdecl(D)
def _setmbcp(m: "Machine", codepage: INT) -> INT:
    """Select the multibyte code page: single-byte ones (and _MB_CP_SBCS/ANSI/OEM/LOCALE) succeed; DBCS code
    pages (932, 936, 949, 950, 1361) are not available and fail with EINVAL."""
    if codepage in (932, 936, 949, 950, 1361):
        set_errno(m, EINVAL)
        return -1
    return 0


@cdecl(D)
def _mbsspnp(m: "Machine", string: PTR, charset: PTR) -> PTR:
    """First character not in charset, or NULL."""
    s = m.mem.cstr_bytes(string)
    cs = set(m.mem.cstr_bytes(charset))
    for i, c in enumerate(s):
        if c not in cs:
            return string + i
    return 0


@cdecl(D)
def _mbbtombc(m: "Machine", c: UINT) -> UINT:
    """Single-byte to double-byte form: unchanged (no DBCS code page)."""
    return c


@cdecl(D)
def _mbctombb(m: "Machine", c: UINT) -> UINT:
    """Double-byte to single-byte form: unchanged (no DBCS code page)."""
    return c


for _n, _mask in (("_ismbbalnum", 0x107), ("_ismbbalpha", 0x103), ("_ismbbgraph", 0x117), ("_ismbbprint", 0x157),
                  ("_ismbbpunct", 0x10)):
    _mbc_is(_n, _mask)


def _never(name: str, what: str) -> None:
    def fn(m: "Machine", c: UINT) -> INT:
        return 0

    fn.__name__ = name
    fn.__doc__ = f"0: {what} do not exist in a single-byte code page."
    cdecl(D, name=name)(fn)


for _n, _what in (("_ismbbkana", "katakana bytes"), ("_ismbbkalnum", "kana letters"), ("_ismbbkprint", "kana"),
                  ("_ismbbkpunct", "kana punctuation"), ("_ismbchira", "hiragana characters"),
                  ("_ismbckata", "katakana characters"), ("_ismbcl0", "JIS non-kanji double-byte characters"),
                  ("_ismbcl1", "JIS level-1 kanji"), ("_ismbcl2", "JIS level-2 kanji"),
                  ("_ismbclegal", "double-byte characters"), ("_ismbcsymbol", "double-byte symbols"),
                  ("_mbcjistojms", "JIS codes"), ("_mbcjmstojis", "Shift-JIS codes")):
    _never(_n, _what)


@cdecl(D)
def _mbctohira(m: "Machine", c: UINT) -> UINT:
    """Katakana to hiragana: unchanged (no kana in a single-byte code page)."""
    return c


@cdecl(D)
def _mbctokata(m: "Machine", c: UINT) -> UINT:
    """Hiragana to katakana: unchanged."""
    return c


@cdecl(D)
def _mbsnlen(m: "Machine", string: PTR, maxsize: UINT) -> UINT:
    """Characters in string, at most maxsize."""
    return len(m.mem.cstr_bytes(string, maxsize)) if maxsize else 0


@cdecl(D)
def _mbstrnlen(m: "Machine", string: PTR, maxsize: UINT) -> UINT:
    """Characters in string, at most maxsize."""
    return len(m.mem.cstr_bytes(string, maxsize)) if maxsize else 0
