"""Guest address space: regions backed by host mmaps shared zero-copy with Unicorn.

Every mapping is an anonymous host ``mmap`` handed to Unicorn with ``mem_map_ptr``, so Python reads and
writes guest memory by slicing the mmap (no ``uc.mem_read`` copies) and numpy can view it without copying.
Allocation follows Windows rules: 64 KiB allocation granularity, 4 KiB pages, reserve vs commit per page.
"""
from __future__ import annotations

import bisect
import ctypes
import mmap
import struct
from dataclasses import dataclass, field
from contextlib import AbstractContextManager, nullcontext
from typing import Callable

import numpy as np

from unicorn import UC_PROT_ALL, UC_PROT_EXEC, UC_PROT_NONE, UC_PROT_READ, Uc

PAGE = 0x1000
GRANULARITY = 0x10000
USER_MIN = 0x10000
USER_MAX = 0x7FFE0000

# Windows PAGE_* protections and their Unicorn equivalents.
PAGE_NOACCESS = 0x01
PAGE_READONLY = 0x02
PAGE_READWRITE = 0x04
PAGE_WRITECOPY = 0x08
PAGE_EXECUTE = 0x10
PAGE_EXECUTE_READ = 0x20
PAGE_EXECUTE_READWRITE = 0x40
PAGE_EXECUTE_WRITECOPY = 0x80
PAGE_GUARD = 0x100

MEM_COMMIT = 0x1000
MEM_RESERVE = 0x2000
MEM_FREE = 0x10000
MEM_PRIVATE = 0x20000
MEM_MAPPED = 0x40000
MEM_IMAGE = 0x1000000


def uc_prot(protect: int) -> int:
    """Map a PAGE_* value to Unicorn permissions (write implies read; all guest data is executable,
    as on the non-NX machines these programs were written for)."""
    p = protect & 0xFF
    if p == PAGE_NOACCESS or p == 0 or protect & PAGE_GUARD:
        return UC_PROT_NONE
    if p in (PAGE_READONLY, PAGE_EXECUTE, PAGE_EXECUTE_READ):
        return UC_PROT_READ | UC_PROT_EXEC
    return UC_PROT_ALL


class GuestMemoryError(Exception):
    """A host-side access to guest memory that is not mapped."""

    def __init__(self, addr: int, size: int) -> None:
        super().__init__(f"guest address 0x{addr:08x} (+{size}) is not mapped")
        self.addr = addr


@dataclass(eq=False)
class Region:
    """One reservation: a contiguous host mmap mapped at ``base`` in the guest."""

    base: int
    size: int
    mm: mmap.mmap
    kind: int = MEM_PRIVATE
    alloc_protect: int = PAGE_READWRITE
    tag: str = ""
    # per-page protection, 0 = reserved (not committed)
    pages: bytearray = field(default_factory=bytearray)
    pageprot: list[int] = field(default_factory=list)
    wruns: list[tuple[int, int]] | None = None  # writable page runs (cache for Memory.writable_runs)

    @property
    def end(self) -> int:
        return self.base + self.size


class Memory:
    """The guest's 4 GiB address space."""

    def __init__(self, uc: Uc) -> None:
        self.uc = uc
        self.regions: list[Region] = []
        self._starts: list[int] = []
        self._last: Region | None = None
        self.on_change: Callable[[], None] | None = None  # called after the layout or a protection changes
        # Context for Unicorn map/unmap/protect calls over [base, base+size) (emu/paging.py: the pages must be
        # fetchable while Unicorn looks up their translated code).
        self.uc_window: Callable[[int, int], AbstractContextManager[None]] = lambda base, size: nullcontext()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def writable_runs(self) -> list[tuple[int, int]]:
        """[start, end) address ranges whose pages the guest may write (merged, sorted)."""
        runs: list[tuple[int, int]] = []
        for r in self.regions:
            if r.wruns is None:
                prot = np.asarray(r.pageprot, dtype=np.int64)
                low = prot & 0xFF
                w = (np.frombuffer(r.pages, np.uint8) != 0) & ((prot & PAGE_GUARD) == 0) & ~np.isin(
                    low, (0, PAGE_NOACCESS, PAGE_READONLY, PAGE_EXECUTE, PAGE_EXECUTE_READ))
                edges = np.flatnonzero(np.diff(np.concatenate(([0], w.view(np.int8), [0]))))
                r.wruns = [(r.base + int(a) * PAGE, r.base + int(b) * PAGE) for a, b in zip(edges[::2], edges[1::2])]
            for a, b in r.wruns:
                if runs and runs[-1][1] == a:
                    runs[-1] = (runs[-1][0], b)
                else:
                    runs.append((a, b))
        return runs

    # ---- mapping -------------------------------------------------------------------------
    def find_free(self, size: int, lo: int = USER_MIN, hi: int = USER_MAX, top_down: bool = False) -> int:
        size = (size + GRANULARITY - 1) & ~(GRANULARITY - 1)
        gaps: list[tuple[int, int]] = []
        cur = lo
        for r in self.regions:
            if r.end <= lo:
                continue
            if r.base >= hi:
                break
            if r.base > cur:
                gaps.append((cur, r.base))
            cur = max(cur, (r.end + GRANULARITY - 1) & ~(GRANULARITY - 1))
        if cur < hi:
            gaps.append((cur, hi))
        if top_down:
            for a, b in reversed(gaps):
                if b - a >= size:
                    return (b - size) & ~(GRANULARITY - 1)
        else:
            for a, b in gaps:
                if b - a >= size:
                    return a
        raise MemoryError(f"no free guest range of 0x{size:x} bytes")

    def is_free(self, base: int, size: int) -> bool:
        for r in self.regions:
            if r.base < base + size and base < r.end:
                return False
        return True

    def map(self, base: int, size: int, protect: int = PAGE_READWRITE, *, commit: bool = True,
            kind: int = MEM_PRIVATE, tag: str = "") -> Region:
        """Map [base, base+size) (page-aligned). Committed pages get ``protect``, others are reserved."""
        assert base % PAGE == 0
        size = (size + PAGE - 1) & ~(PAGE - 1)
        if not self.is_free(base, size):
            raise MemoryError(f"guest range 0x{base:08x}+0x{size:x} overlaps a mapping")
        mm = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
        ptr = ctypes.addressof(ctypes.c_char.from_buffer(mm))
        npages = size // PAGE
        r = Region(base, size, mm, kind, protect, tag)
        r.pages = bytearray([1 if commit else 0]) * npages
        r.pageprot = [protect if commit else 0] * npages
        with self.uc_window(base, size):
            self.uc.mem_map_ptr(base, size, uc_prot(protect) if commit else UC_PROT_NONE, ptr)
        i = bisect.bisect(self._starts, base)
        self._starts.insert(i, base)
        self.regions.insert(i, r)
        self._changed()
        return r

    def alloc(self, size: int, protect: int = PAGE_READWRITE, *, commit: bool = True, top_down: bool = False,
              lo: int = USER_MIN, hi: int = USER_MAX, kind: int = MEM_PRIVATE, tag: str = "") -> Region:
        base = self.find_free(size, lo, hi, top_down)
        return self.map(base, size, protect, commit=commit, kind=kind, tag=tag)

    def unmap(self, r: Region) -> None:
        with self.uc_window(r.base, r.size):
            self.uc.mem_unmap(r.base, r.size)
        i = self.regions.index(r)
        del self.regions[i]
        del self._starts[i]
        if self._last is r:
            self._last = None
        self._changed()
        # The mmap is left to the garbage collector: numpy views of it may still exist.

    def protect(self, addr: int, size: int, protect: int) -> int:
        """Set PAGE_* protection on committed pages; returns the old protection of the first page."""
        r = self.region(addr)
        if r is None:
            raise GuestMemoryError(addr, size)
        first = (addr - r.base) // PAGE
        last = (min(addr + size, r.end) - r.base + PAGE - 1) // PAGE
        old = r.pageprot[first]
        for p in range(first, last):
            r.pageprot[p] = protect
            r.pages[p] = 1
        with self.uc_window(r.base, r.size):
            self.uc.mem_protect(r.base + first * PAGE, (last - first) * PAGE, uc_prot(protect))
        r.wruns = None
        self._changed()
        return old

    def commit(self, addr: int, size: int, protect: int) -> None:
        self.protect(addr, size, protect)

    def decommit(self, addr: int, size: int) -> None:
        r = self.region(addr)
        if r is None:
            raise GuestMemoryError(addr, size)
        first = (addr - r.base) // PAGE
        last = (min(addr + size, r.end) - r.base + PAGE - 1) // PAGE
        for p in range(first, last):
            r.pageprot[p] = 0
            r.pages[p] = 0
        r.mm[first * PAGE:last * PAGE] = bytes((last - first) * PAGE)
        with self.uc_window(r.base, r.size):
            self.uc.mem_protect(r.base + first * PAGE, (last - first) * PAGE, UC_PROT_NONE)
        r.wruns = None
        self._changed()

    def region(self, addr: int) -> Region | None:
        r = self._last
        if r is not None and r.base <= addr < r.base + r.size:
            return r
        i = bisect.bisect(self._starts, addr) - 1
        if i >= 0:
            r = self.regions[i]
            if addr < r.base + r.size:
                self._last = r
                return r
        return None

    # ---- access (host side; ignores guest page protections like the kernel does) ----------
    def read(self, addr: int, n: int) -> bytes:
        r = self.region(addr)
        if r is not None and addr + n <= r.base + r.size:
            o = addr - r.base
            return r.mm[o:o + n]
        if n == 0:
            return b""
        try:
            return bytes(self.uc.mem_read(addr, n))
        except Exception:
            raise GuestMemoryError(addr, n) from None

    def write(self, addr: int, data: bytes | bytearray | memoryview) -> None:
        n = len(data)
        r = self.region(addr)
        if r is not None and addr + n <= r.base + r.size:
            o = addr - r.base
            r.mm[o:o + n] = data
            return
        if n == 0:
            return
        try:
            self.uc.mem_write(addr, bytes(data))
        except Exception:
            raise GuestMemoryError(addr, n) from None

    def view(self, addr: int, n: int) -> memoryview:
        """A zero-copy view of n guest bytes (must lie in one region)."""
        r = self.region(addr)
        if r is None or addr + n > r.end:
            raise GuestMemoryError(addr, n)
        o = addr - r.base
        return memoryview(r.mm)[o:o + n]

    def unpack(self, fmt: str, addr: int) -> tuple:
        r = self.region(addr)
        n = struct.calcsize(fmt)
        if r is not None and addr + n <= r.base + r.size:
            return struct.unpack_from(fmt, r.mm, addr - r.base)
        return struct.unpack(fmt, self.read(addr, n))

    def pack(self, fmt: str, addr: int, *vals: int) -> None:
        r = self.region(addr)
        n = struct.calcsize(fmt)
        if r is not None and addr + n <= r.base + r.size:
            struct.pack_into(fmt, r.mm, addr - r.base, *vals)
        else:
            self.write(addr, struct.pack(fmt, *vals))

    def u8(self, addr: int) -> int:
        return self.read(addr, 1)[0]

    def u16(self, addr: int) -> int:
        return self.unpack("<H", addr)[0]

    def u32(self, addr: int) -> int:
        r = self.region(addr)
        if r is not None and addr + 4 <= r.base + r.size:
            return int.from_bytes(r.mm[addr - r.base:addr - r.base + 4], "little")
        return int.from_bytes(self.read(addr, 4), "little")

    def s32(self, addr: int) -> int:
        return self.unpack("<i", addr)[0]

    def w8(self, addr: int, v: int) -> None:
        self.write(addr, bytes((v & 0xFF,)))

    def w16(self, addr: int, v: int) -> None:
        self.write(addr, (v & 0xFFFF).to_bytes(2, "little"))

    def w32(self, addr: int, v: int) -> None:
        self.write(addr, (v & 0xFFFFFFFF).to_bytes(4, "little"))

    def w64(self, addr: int, v: int) -> None:
        self.write(addr, (v & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little"))

    def u64(self, addr: int) -> int:
        return int.from_bytes(self.read(addr, 8), "little")

    def is_mapped(self, addr: int, n: int = 1) -> bool:
        r = self.region(addr)
        return r is not None and addr + n <= r.end and r.pages[(addr - r.base) // PAGE] != 0

    # ---- strings ---------------------------------------------------------------------------
    def cstr_bytes(self, addr: int, limit: int = 1 << 20) -> bytes:
        r = self.region(addr)
        if r is None:
            raise GuestMemoryError(addr, 1)
        o = addr - r.base
        end = r.mm.find(b"\0", o, min(r.size, o + limit))
        if end < 0:
            if r.size - o >= limit:
                return r.mm[o:o + limit]
            # continues into the next region
            out = bytearray(r.mm[o:r.size])
            a = r.end
            while len(out) < limit:
                b = self.read(a, 1)
                if b == b"\0":
                    break
                out += b
                a += 1
            return bytes(out)
        return r.mm[o:end]

    def cstr(self, addr: int, encoding: str = "cp1252") -> str:
        return self.cstr_bytes(addr).decode(encoding, "replace")

    def wstr_bytes(self, addr: int, limit: int = 1 << 20) -> bytes:
        r = self.region(addr)
        if r is None:
            raise GuestMemoryError(addr, 2)
        o = addr - r.base
        pos = o
        stop = min(r.size, o + 2 * limit)
        while True:
            end = r.mm.find(b"\0\0", pos, stop)
            if end < 0:
                return r.mm[o:stop]
            if (end - o) % 2 == 0:
                return r.mm[o:end]
            pos = end + 1

    def wstr(self, addr: int) -> str:
        return self.wstr_bytes(addr).decode("utf-16-le", "replace")

    def write_cstr(self, addr: int, s: str | bytes, encoding: str = "cp1252") -> int:
        b = s.encode(encoding, "replace") if isinstance(s, str) else s
        self.write(addr, b + b"\0")
        return len(b)

    def write_wstr(self, addr: int, s: str) -> int:
        b = s.encode("utf-16-le", "surrogatepass")
        self.write(addr, b + b"\0\0")
        return len(b) // 2
