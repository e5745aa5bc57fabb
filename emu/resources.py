"""PE resources read from a module's mapped image (works for packed programs too).

``find(m, base, type, name, lang)`` walks the three-level resource directory (type / name / language)
of the image at ``base`` and returns (data address, size) of the entry. Types and names are ints
(MAKEINTRESOURCE ids) or case-insensitive strings.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .machine import Machine

RT_CURSOR, RT_BITMAP, RT_ICON, RT_MENU, RT_DIALOG, RT_STRING = 1, 2, 3, 4, 5, 6
RT_ACCELERATOR, RT_RCDATA, RT_GROUP_CURSOR, RT_GROUP_ICON, RT_VERSION = 9, 10, 12, 14, 16

Key = int | str


def _root(m: "Machine", base: int) -> int | None:
    e_lfanew = m.mem.u32(base + 0x3C)
    rva = m.mem.u32(base + e_lfanew + 24 + 96 + 8 * 2)
    return base + rva if rva else None


def _entries(m: "Machine", root: int, d: int) -> list[tuple[Key, int, bool]]:
    """(id or name, offset, is_directory) of one directory."""
    named, ids = m.mem.unpack("<HH", d + 12)
    out: list[tuple[Key, int, bool]] = []
    for i in range(named + ids):
        nm, off = m.mem.unpack("<II", d + 16 + 8 * i)
        if nm & 0x80000000:
            p = root + (nm & 0x7FFFFFFF)
            n = m.mem.u16(p)
            key: Key = m.mem.read(p + 2, 2 * n).decode("utf-16-le", "replace").upper()
        else:
            key = nm & 0xFFFF
        out.append((key, off & 0x7FFFFFFF, bool(off & 0x80000000)))
    return out


def _pick(entries: list[tuple[Key, int, bool]], key: Key | None) -> tuple[Key, int, bool] | None:
    if key is None:
        return entries[0] if entries else None
    k = key.upper() if isinstance(key, str) else key
    if isinstance(k, str) and k.startswith("#") and k[1:].isdigit():
        k = int(k[1:])
    for e in entries:
        if e[0] == k:
            return e
    return None


def find(m: "Machine", base: int, rtype: Key, name: Key, lang: int | None = None) -> tuple[int, int] | None:
    root = _root(m, base)
    if root is None:
        return None
    t = _pick(_entries(m, root, root), rtype)
    if t is None or not t[2]:
        return None
    n = _pick(_entries(m, root, root + t[1]), name)
    if n is None or not n[2]:
        return None
    langs = _entries(m, root, root + n[1])
    chosen = None
    if lang is not None:
        chosen = _pick(langs, lang)
    if chosen is None:
        chosen = _pick(langs, 0x409) or _pick(langs, 0) or (langs[0] if langs else None)
    if chosen is None or chosen[2]:
        return None
    rva, size = m.mem.unpack("<II", root + chosen[1])
    return base + rva, size


def names(m: "Machine", base: int, rtype: Key) -> list[Key]:
    root = _root(m, base)
    if root is None:
        return []
    t = _pick(_entries(m, root, root), rtype)
    if t is None or not t[2]:
        return []
    return [e[0] for e in _entries(m, root, root + t[1])]


def load_string(m: "Machine", base: int, uid: int) -> str | None:
    """The string ``uid`` from the RT_STRING tables (16 strings per block)."""
    r = find(m, base, RT_STRING, (uid >> 4) + 1)
    if r is None:
        return None
    p, _size = r
    for _ in range(uid & 15):
        p += 2 + 2 * m.mem.u16(p)
    n = m.mem.u16(p)
    if n == 0:
        return None
    return m.mem.read(p + 2, 2 * n).decode("utf-16-le", "replace")
