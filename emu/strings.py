"""Helpers for the Windows conventions of returning strings into caller buffers."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .machine import Machine


def put_a(m: "Machine", buf: int, size: int, s: str) -> int:
    """GetXxxA convention: fits -> chars written (no NUL); too small -> size needed including the NUL."""
    b = s.encode(m.ansi, "replace")
    if buf == 0 or len(b) + 1 > size:
        return len(b) + 1
    m.mem.write(buf, b + b"\0")
    return len(b)


def put_w(m: "Machine", buf: int, size: int, s: str) -> int:
    """GetXxxW convention, sizes in WCHARs."""
    b = s.encode("utf-16-le", "surrogatepass")
    n = len(b) // 2
    if buf == 0 or n + 1 > size:
        return n + 1
    m.mem.write(buf, b + b"\0\0")
    return n


def put_trunc_a(m: "Machine", buf: int, size: int, s: str) -> int:
    """GetModuleFileNameA convention: truncate to size-1 chars (+NUL); returns chars copied."""
    b = s.encode(m.ansi, "replace")
    if size == 0:
        return 0
    b = b[:size - 1]
    m.mem.write(buf, b + b"\0")
    return len(b)


def put_trunc_w(m: "Machine", buf: int, size: int, s: str) -> int:
    b = s.encode("utf-16-le", "surrogatepass")
    if size == 0:
        return 0
    b = b[:2 * (size - 1)]
    m.mem.write(buf, b + b"\0\0")
    return len(b) // 2
