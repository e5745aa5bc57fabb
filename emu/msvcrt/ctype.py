"""msvcrt: character classification (<ctype.h>, <wctype.h>) for the C locale.

The exported tables (_ctype, _pctype, _pwctype, _mbctype) hold msvcrt's values, and the narrow is*/to*
functions are guest code reading _ctype, so both the functions and the header macros agree. Wide
characters above 0xFF are classified like GetStringTypeW (CT_CTYPE1) from Unicode categories.
"""
from __future__ import annotations

import struct
import unicodedata
from typing import TYPE_CHECKING

from ..api import INT, UINT, cdecl, data_export, native
from .crt import sibling_data

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
UPPER, LOWER, DIGIT, SPACE, PUNCT, CONTROL, BLANK, HEX, ALPHA = 1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80, 0x100


def _narrow_class(c: int) -> int:
    """msvcrt's C-locale _ctype value of byte c (0 above 0x7F)."""
    if c >= 0x80:
        return 0
    ch = chr(c)
    v = 0
    if c < 0x20 or c == 0x7F:
        v |= CONTROL
    if c in (9, 10, 11, 12, 13, 32):
        v |= SPACE
    if c in (9, 32):
        v |= BLANK
    if ch.isdigit():
        v |= DIGIT | HEX
    elif ch in "abcdefABCDEF":
        v |= HEX
    if ch.isupper():
        v |= UPPER | ALPHA
    elif ch.islower():
        v |= LOWER | ALPHA
    if 0x21 <= c <= 0x7E and not ch.isalnum():
        v |= PUNCT
    return v


def wide_class(c: int) -> int:
    """CT_CTYPE1 flags of a UTF-16 unit, as GetStringTypeW reports them."""
    if c < 0x80:
        return _narrow_class(c)
    ch = chr(c)
    cat = unicodedata.category(ch)
    v = 0
    if cat == "Cc":
        v |= CONTROL
    if ch.isspace() or cat == "Zs":
        v |= SPACE
        if cat == "Zs":
            v |= BLANK
    if cat == "Nd":
        v |= DIGIT
    if cat == "Lu":
        v |= UPPER | ALPHA
    elif cat == "Ll":
        v |= LOWER | ALPHA
    elif cat[0] == "L":
        v |= ALPHA
    if cat[0] in "PS" or (cat[0] == "N" and cat != "Nd"):
        v |= PUNCT
    return v


def _init_ctype(m: "Machine", a: int) -> None:
    m.mem.write(a, struct.pack("<257H", 0, *[_narrow_class(c) for c in range(256)]))


def _init_wctype(m: "Machine", a: int) -> None:
    m.mem.write(a, struct.pack("<257H", 0, *[wide_class(c) for c in range(256)]))


data_export(D, "_ctype", 514, _init_ctype)
data_export(D, "_wctype", 514, _init_wctype)
data_export(D, "_mbctype", 257)
data_export(D, "_mbcasemap", 257)
data_export(D, "_pctype", 4, lambda m, a: m.mem.w32(a, sibling_data(a, "_pctype", "_ctype") + 2))
data_export(D, "_pwctype", 4, lambda m, a: m.mem.w32(a, sibling_data(a, "_pwctype", "_wctype") + 2))


def _ex(m: "Machine", name: str) -> int:
    return m.proc.by_key[D].exports[name]


@cdecl(D)
def __pctype_func(m: "Machine") -> UINT:
    """The C-locale classification table (_pctype: 256 entries, index = character)."""
    return _ex(m, "_ctype") + 2


@cdecl(D)
def __pwctype_func(m: "Machine") -> UINT:
    """The wide classification table for characters 0..255 (_pwctype)."""
    return _ex(m, "_wctype") + 2


@cdecl(D)
def __p__pctype(m: "Machine") -> UINT:
    """Address of the _pctype pointer."""
    return _ex(m, "_pctype")


@cdecl(D)
def __p__pwctype(m: "Machine") -> UINT:
    """Address of the _pwctype pointer."""
    return _ex(m, "_pwctype")


@cdecl(D)
def __p__mbcasemap(m: "Machine") -> UINT:
    """Address of _mbcasemap (no case pairs beyond ASCII in a single-byte code page)."""
    return _ex(m, "_mbcasemap")


@cdecl(D)
def __p__mbctype(m: "Machine") -> UINT:
    """Address of _mbctype (all zero: no lead bytes in the C locale)."""
    return _ex(m, "_mbctype")


_IS = """
    mov eax, dword ptr [esp+4]
    cmp eax, 0xff
    ja out
    movzx eax, word ptr [eax*2+{data:_ctype}+2]
    and eax, MASK
    ret
out:
    xor eax, eax
    ret
"""
for _name, _mask in (("isupper", UPPER), ("islower", LOWER), ("isdigit", DIGIT), ("isspace", SPACE),
                     ("ispunct", PUNCT), ("iscntrl", CONTROL), ("isxdigit", HEX),
                     ("isalpha", ALPHA | UPPER | LOWER), ("isalnum", ALPHA | UPPER | LOWER | DIGIT),
                     ("isprint", BLANK | PUNCT | ALPHA | UPPER | LOWER | DIGIT),
                     ("isgraph", PUNCT | ALPHA | UPPER | LOWER | DIGIT), ("isblank", BLANK)):
    native(D, _name, _IS.replace("MASK", hex(_mask)), doc=f"C-locale {_name}")

native(D, "_isctype", """
    mov eax, dword ptr [esp+4]
    cmp eax, 0xff
    ja out
    movzx eax, word ptr [eax*2+{data:_ctype}+2]
    and eax, dword ptr [esp+8]
    ret
out:
    xor eax, eax
    ret
""", doc="test c against a _ctype mask")

native(D, "toupper", """
    mov eax, dword ptr [esp+4]
    lea ecx, [eax-0x61]
    cmp ecx, 25
    ja done
    sub eax, 0x20
done:
    ret
""", doc="C-locale toupper")
native(D, "tolower", """
    mov eax, dword ptr [esp+4]
    lea ecx, [eax-0x41]
    cmp ecx, 25
    ja done
    add eax, 0x20
done:
    ret
""", doc="C-locale tolower")
native(D, "_toupper", "mov eax, dword ptr [esp+4]; sub eax, 0x20; ret", doc="c - 'a' + 'A' without checking")
native(D, "_tolower", "mov eax, dword ptr [esp+4]; add eax, 0x20; ret", doc="c - 'A' + 'a' without checking")
native(D, "__isascii", "mov eax, dword ptr [esp+4]; cmp eax, 0x80; sbb eax, eax; neg eax; ret", doc="c < 0x80")
native(D, "__toascii", "mov eax, dword ptr [esp+4]; and eax, 0x7f; ret", doc="c & 0x7f")
native(D, "__iscsym", """
    mov eax, dword ptr [esp+4]
    cmp eax, 0x5f
    je yes
    cmp eax, 0xff
    ja no
    movzx eax, word ptr [eax*2+{data:_ctype}+2]
    and eax, 0x107
    ret
yes:
    ret
no:
    xor eax, eax
    ret
""", doc="letter, digit or underscore")
native(D, "__iscsymf", """
    mov eax, dword ptr [esp+4]
    cmp eax, 0x5f
    je yes
    cmp eax, 0xff
    ja no
    movzx eax, word ptr [eax*2+{data:_ctype}+2]
    and eax, 0x103
    ret
yes:
    ret
no:
    xor eax, eax
    ret
""", doc="letter or underscore")


# ---- wide ------------------------------------------------------------------------------------------
def _wclass(c: int) -> int:
    return wide_class(c & 0xFFFF) if 0 <= c <= 0xFFFF else 0


@cdecl(D)
def iswctype(m: "Machine", c: UINT, desc: UINT) -> INT:
    """Test a wide character against a _ctype mask."""
    return _wclass(c) & desc & 0xFFFF if c != 0xFFFF else 0


@cdecl(D)
def is_wctype(m: "Machine", c: UINT, desc: UINT) -> INT:
    """Obsolete name of iswctype."""
    return iswctype(m, c, desc)


def _wis(name: str, mask: int) -> None:
    def fn(m: "Machine", c: UINT) -> INT:
        return _wclass(c) & mask if c != 0xFFFF else 0

    fn.__name__ = name
    fn.__doc__ = f"Wide {name[1:]} (C locale / Unicode classes)."
    cdecl(D, name=name)(fn)


for _name, _mask in (("iswupper", UPPER), ("iswlower", LOWER), ("iswdigit", DIGIT), ("iswspace", SPACE),
                     ("iswpunct", PUNCT), ("iswcntrl", CONTROL), ("iswxdigit", HEX),
                     ("iswalpha", ALPHA | UPPER | LOWER), ("iswalnum", ALPHA | UPPER | LOWER | DIGIT),
                     ("iswprint", BLANK | PUNCT | ALPHA | UPPER | LOWER | DIGIT),
                     ("iswgraph", PUNCT | ALPHA | UPPER | LOWER | DIGIT), ("iswascii", 0)):
    if _name == "iswascii":
        continue
    _wis(_name, _mask)


@cdecl(D)
def iswascii(m: "Machine", c: UINT) -> INT:
    """c < 0x80."""
    return int(c < 0x80)


@cdecl(D)
def towupper(m: "Machine", c: UINT) -> UINT:
    """C locale: only a-z change."""
    c &= 0xFFFF
    return c - 32 if 0x61 <= c <= 0x7A else c


@cdecl(D)
def towlower(m: "Machine", c: UINT) -> UINT:
    """C locale: only A-Z change."""
    c &= 0xFFFF
    return c + 32 if 0x41 <= c <= 0x5A else c


@cdecl(D)
def isleadbyte(m: "Machine", c: INT) -> INT:
    """No DBCS lead bytes in the C locale."""
    return 0
