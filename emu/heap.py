"""A guest heap allocator (Windows heaps, malloc): blocks in guest memory, bookkeeping in Python.

Blocks are 8-byte aligned (16 for large ones) and carved from 1 MiB+ segments reserved with the
Memory allocator. Free blocks are kept per exact size (small sizes) and in a size-sorted list (large
sizes); adjacent free blocks are merged when freed.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .memory import PAGE_READWRITE

if TYPE_CHECKING:
    from .memory import Memory, Region

SEGMENT = 1 << 20
SMALL = 1024
HEADER = 0x580  # bytes at a heap's base reserved like Windows' HEAP structure
SLACK = 8  # per block, like the 8-byte HEAP_ENTRY: small overruns land here, not in the next block


def _block(n: int) -> int:
    return max(16, (n + SLACK + 7) & ~7)


class Heap:
    def __init__(self, mem: "Memory", handle_tag: str = "heap", initial: int = SEGMENT, maximum: int = 0) -> None:
        """``maximum`` > 0 makes a fixed-size heap (HeapCreate with dwMaximumSize): it never grows."""
        self.mem = mem
        self.fixed = maximum > 0
        self.tag = handle_tag
        self.segments: list["Region"] = []
        self.used: dict[int, tuple[int, int]] = {}  # addr -> (block size, requested size)
        self.free_small: dict[int, list[int]] = {}
        self.free_large: list[tuple[int, int]] = []  # sorted (size, addr)
        self.free_at: dict[int, int] = {}  # addr -> size for every free block (for merging)
        self.free_end: dict[int, int] = {}  # end addr -> start addr
        self.base = 0
        self._grow(max(initial, maximum) if maximum else initial, exact=bool(maximum))

    def _grow(self, need: int, exact: bool = False) -> None:
        if self.segments and self.fixed:
            raise MemoryError("fixed-size heap is full")
        size = (need + 0xFFFF) & ~0xFFFF if exact else max(SEGMENT, (need + 0xFFFF) & ~0xFFFF)
        r = self.mem.alloc(size, PAGE_READWRITE, tag=self.tag)
        self.segments.append(r)
        start = r.base
        if not self.base:
            self.base = r.base
            start += HEADER  # where Windows keeps the HEAP structure; the heap handle is the base
        self._add_free(start, r.end - start)

    def _add_free(self, addr: int, size: int) -> None:
        # merge with neighbours
        nxt = self.free_at.get(addr + size)
        if nxt is not None:
            self._remove_free(addr + size, nxt)
            size += nxt
        prev = self.free_end.get(addr)
        if prev is not None:
            psize = self.free_at[prev]
            self._remove_free(prev, psize)
            addr, size = prev, psize + size
        self.free_at[addr] = size
        self.free_end[addr + size] = addr
        if size <= SMALL:
            self.free_small.setdefault(size, []).append(addr)
        else:
            bisect.insort(self.free_large, (size, addr))

    def _remove_free(self, addr: int, size: int) -> None:
        del self.free_at[addr]
        del self.free_end[addr + size]
        if size <= SMALL:
            self.free_small[size].remove(addr)
        else:
            i = bisect.bisect_left(self.free_large, (size, addr))
            del self.free_large[i]

    def alloc(self, n: int, zero: bool = False) -> int:
        size = _block(n)
        addr = 0
        lst = self.free_small.get(size) if size <= SMALL else None
        if lst:
            addr = lst[-1]
            self._remove_free(addr, size)
        else:
            i = bisect.bisect_left(self.free_large, (size, 0))
            if i == len(self.free_large):
                # try a small block big enough
                for s in range(size + 8, SMALL + 1, 8):
                    lst2 = self.free_small.get(s)
                    if lst2:
                        addr = lst2[-1]
                        self._remove_free(addr, s)
                        if s > size:
                            self._add_free(addr + size, s - size)
                        break
                if not addr:
                    self._grow(size)
                    i = bisect.bisect_left(self.free_large, (size, 0))
            if not addr:
                bsize, addr = self.free_large[i]
                self._remove_free(addr, bsize)
                if bsize > size:
                    self._add_free(addr + size, bsize - size)
        self.used[addr] = (size, n)
        if zero:
            self.mem.write(addr, bytes(size))
        return addr

    def free(self, addr: int) -> bool:
        info = self.used.pop(addr, None)
        if info is None:
            return False
        self._add_free(addr, info[0])
        return True

    def size(self, addr: int) -> int | None:
        info = self.used.get(addr)
        return None if info is None else info[1]

    def realloc(self, addr: int, n: int, zero: bool = False, in_place_only: bool = False) -> int:
        info = self.used.get(addr)
        if info is None:
            return 0
        bsize, old = info
        size = _block(n)
        if size <= bsize:
            if bsize - size >= 64:
                self.used[addr] = (size, n)
                self._add_free(addr + size, bsize - size)
            else:
                self.used[addr] = (bsize, n)
            if zero and n > old:
                self.mem.write(addr + old, bytes(n - old))
            return addr
        # grow in place if the next block is free
        nxt = self.free_at.get(addr + bsize)
        if nxt is not None and bsize + nxt >= size:
            self._remove_free(addr + bsize, nxt)
            total = bsize + nxt
            if total - size >= 16:
                self._add_free(addr + size, total - size)
                total = size
            self.used[addr] = (total, n)
            if zero:
                self.mem.write(addr + old, bytes(n - old))
            return addr
        if in_place_only:
            return 0
        new = self.alloc(n, zero)
        self.mem.write(new, self.mem.read(addr, min(old, n)))
        self.free(addr)
        return new

    def owns(self, addr: int) -> bool:
        return addr in self.used

    def destroy(self) -> None:
        for r in self.segments:
            self.mem.unmap(r)
        self.segments.clear()
        self.used.clear()
