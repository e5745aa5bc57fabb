"""msvcrt: the names of the older CRTDLL.DLL (loaded as msvcrt) — __GetMainArgs, the *_dll variables and
CRTDLL's single-byte _str* helpers."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import INT, PTR, UINT, cdecl, data_export
from .crt import sibling_data
from .startup import _addr, _u32, ensure, env_arrays

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"


@cdecl(D)
def __GetMainArgs(m: "Machine", argc: PTR, argv: PTR, env: PTR, expand_wildcards: INT) -> INT:
    """CRTDLL's __getmainargs (no start-up info argument)."""
    ensure(m, bool(expand_wildcards))
    sync_dll_vars(m)
    mem = m.mem
    mem.w32(argc, mem.u32(_addr(m, "__argc")))
    mem.w32(argv, mem.u32(_addr(m, "__argv")))
    mem.w32(env, mem.u32(_addr(m, "_environ")))
    return 0


def sync_dll_vars(m: "Machine") -> None:
    """Copy the command-line variables into their CRTDLL names."""
    for dll_name, name in (("__argc_dll", "__argc"), ("__argv_dll", "__argv"), ("_acmdln_dll", "_acmdln"),
                           ("_pgmptr_dll", "_pgmptr")):
        m.mem.w32(_addr(m, dll_name), m.mem.u32(_addr(m, name)))


for _n in ("__argc_dll", "__argv_dll", "_acmdln_dll", "_pgmptr_dll"):
    data_export(D, _n, 4)
data_export(D, "_environ_dll", 4, lambda m, a: m.mem.w32(a, env_arrays(m)[0]))
data_export(D, "_fmode_dll", 4)
data_export(D, "_commode_dll", 4)
data_export(D, "__mb_cur_max_dll", 4, _u32(1))
data_export(D, "_sys_nerr_dll", 4, _u32(43))
data_export(D, "_osver_dll", 4, _u32(2600))
data_export(D, "_osmajor_dll", 4, _u32(5))
data_export(D, "_osminor_dll", 4, _u32(1))
data_export(D, "_osmode_dll", 4, _u32(2))
data_export(D, "_winver_dll", 4, _u32(0x0501))
data_export(D, "_winmajor_dll", 4, _u32(5))
data_export(D, "_winminor_dll", 4, _u32(1))
data_export(D, "_daylight_dll", 4, lambda m, a: m.mem.w32(a, __import__("time").daylight))
data_export(D, "_timezone_dll", 4, lambda m, a: m.mem.w32(a, __import__("time").timezone & 0xFFFFFFFF))
data_export(D, "_HUGE_dll", 8, lambda m, a: m.mem.write(a, struct.pack("<d", float("inf"))))
data_export(D, "_pctype_dll", 4, lambda m, a: m.mem.w32(a, sibling_data(a, "_pctype_dll", "_ctype") + 2))
data_export(D, "_pwctype_dll", 4, lambda m, a: m.mem.w32(a, sibling_data(a, "_pwctype_dll", "_wctype") + 2))


@cdecl(D)
def _strdec(m: "Machine", start: PTR, current: PTR) -> PTR:
    """The previous character."""
    return current - 1


@cdecl(D)
def _strninc(m: "Machine", string: PTR, count: UINT) -> PTR:
    """Advance count characters."""
    return string + count


@cdecl(D)
def _strnextc(m: "Machine", string: PTR) -> UINT:
    """The character at string."""
    return m.mem.u8(string)


@cdecl(D)
def _strncnt(m: "Machine", string: PTR, count: UINT) -> UINT:
    """Characters in the first count bytes."""
    return min(count, len(m.mem.cstr_bytes(string)))


@cdecl(D)
def _strspnp(m: "Machine", string: PTR, charset: PTR) -> PTR:
    """First character not in charset, or NULL if there is none."""
    s = m.mem.cstr_bytes(string)
    cs = set(m.mem.cstr_bytes(charset))
    for i, c in enumerate(s):
        if c not in cs:
            return string + i
    return 0
