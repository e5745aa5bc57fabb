"""kernel32: heaps (HeapCreate/HeapAlloc/...), LocalAlloc and GlobalAlloc."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, PTR, SIZE_T, stdcall
from ..heap import Heap

if TYPE_CHECKING:
    from ..machine import Machine

HEAP_ZERO_MEMORY = 0x8
HEAP_REALLOC_IN_PLACE_ONLY = 0x10
LMEM_ZEROINIT = 0x40
ERROR_NOT_ENOUGH_MEMORY = 8
ERROR_INVALID_HANDLE = 6


def heaps(m: "Machine") -> dict[int, Heap]:
    hs = m.state.get("heaps")
    if hs is None:
        h = Heap(m.mem, "process heap")
        hs = {h.base: h}
        m.state["heaps"] = hs
        m.state["process_heap"] = h
        m.mem.w32(m.proc.peb + 0x18, h.base)
    return hs


def process_heap(m: "Machine") -> Heap:
    heaps(m)
    return m.state["process_heap"]


def process_heap_alloc(m: "Machine", n: int, zero: bool = False) -> int:
    return process_heap(m).alloc(n, zero)


def process_heap_free(m: "Machine", p: int) -> bool:
    return process_heap(m).free(p)


def _heap(m: "Machine", h: int) -> Heap | None:
    return heaps(m).get(h)


@stdcall("kernel32")
def HeapCreate(m: "Machine", flOptions: DWORD, dwInitialSize: SIZE_T, dwMaximumSize: SIZE_T) -> HANDLE:
    """Create a private heap; its handle is its base address."""
    h = Heap(m.mem, "heap", max(dwInitialSize, 0x10000), maximum=dwMaximumSize)
    heaps(m)[h.base] = h
    return h.base


@stdcall("kernel32")
def HeapDestroy(m: "Machine", hHeap: HANDLE) -> BOOL:
    """Free a private heap and all its blocks."""
    h = heaps(m).pop(hHeap, None)
    if h is None or h is m.state.get("process_heap"):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    h.destroy()
    return 1


@stdcall("kernel32")
def HeapAlloc(m: "Machine", hHeap: HANDLE, dwFlags: DWORD, dwBytes: SIZE_T) -> PTR:
    """Allocate dwBytes (zeroed with HEAP_ZERO_MEMORY); NULL on failure."""
    h = _heap(m, hHeap)
    if h is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    try:
        return h.alloc(dwBytes, bool(dwFlags & HEAP_ZERO_MEMORY))
    except MemoryError:
        m.set_last_error(ERROR_NOT_ENOUGH_MEMORY)
        return 0


@stdcall("kernel32")
def HeapFree(m: "Machine", hHeap: HANDLE, dwFlags: DWORD, lpMem: PTR) -> BOOL:
    """Free a block (NULL is allowed and succeeds)."""
    if lpMem == 0:
        return 1
    h = _heap(m, hHeap)
    if h is None or not h.free(lpMem):
        m.set_last_error(87)
        return 0
    return 1


@stdcall("kernel32")
def HeapReAlloc(m: "Machine", hHeap: HANDLE, dwFlags: DWORD, lpMem: PTR, dwBytes: SIZE_T) -> PTR:
    """Resize a block, moving it unless HEAP_REALLOC_IN_PLACE_ONLY."""
    h = _heap(m, hHeap)
    if h is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    r = h.realloc(lpMem, dwBytes, bool(dwFlags & HEAP_ZERO_MEMORY), bool(dwFlags & HEAP_REALLOC_IN_PLACE_ONLY))
    if not r:
        m.set_last_error(ERROR_NOT_ENOUGH_MEMORY)
    return r


@stdcall("kernel32")
def HeapSize(m: "Machine", hHeap: HANDLE, dwFlags: DWORD, lpMem: PTR) -> SIZE_T:
    """Requested size of a block; (SIZE_T)-1 for a bad pointer."""
    h = _heap(m, hHeap)
    s = h.size(lpMem) if h else None
    return 0xFFFFFFFF if s is None else s


@stdcall("kernel32")
def HeapValidate(m: "Machine", hHeap: HANDLE, dwFlags: DWORD, lpMem: PTR) -> BOOL:
    """TRUE if the heap (or block) is valid."""
    h = _heap(m, hHeap)
    return int(h is not None and (lpMem == 0 or h.owns(lpMem)))


@stdcall("kernel32")
def HeapCompact(m: "Machine", hHeap: HANDLE, dwFlags: DWORD) -> SIZE_T:
    """Size of the largest free block."""
    h = _heap(m, hHeap)
    if h is None:
        m.set_last_error(ERROR_INVALID_HANDLE)
        return 0
    return max(h.free_at.values(), default=0)


@stdcall("kernel32")
def GetProcessHeaps(m: "Machine", n: DWORD, out: PTR) -> DWORD:
    """Handles of all heaps."""
    hs = list(heaps(m))
    for i, h in enumerate(hs[:n]):
        m.mem.w32(out + 4 * i, h)
    return len(hs)


def _local_alloc(m: "Machine", flags: int, n: int) -> int:
    return process_heap(m).alloc(n, bool(flags & LMEM_ZEROINIT))


@stdcall("kernel32")
def LocalAlloc(m: "Machine", uFlags: DWORD, uBytes: SIZE_T) -> PTR:
    """Allocate from the process heap (fixed memory: the handle is the pointer)."""
    return _local_alloc(m, uFlags, uBytes)


@stdcall("kernel32")
def LocalFree(m: "Machine", hMem: PTR) -> PTR:
    """Free; returns NULL on success."""
    if hMem and not process_heap_free(m, hMem):
        m.set_last_error(ERROR_INVALID_HANDLE)
        return hMem
    return 0


@stdcall("kernel32")
def LocalReAlloc(m: "Machine", hMem: PTR, uBytes: SIZE_T, uFlags: DWORD) -> PTR:
    """Resize a local block."""
    return process_heap(m).realloc(hMem, uBytes, bool(uFlags & LMEM_ZEROINIT), not (uFlags & 0x2))


@stdcall("kernel32")
def LocalSize(m: "Machine", hMem: PTR) -> SIZE_T:
    """Size of a local block."""
    return process_heap(m).size(hMem) or 0


@stdcall("kernel32")
def LocalLock(m: "Machine", hMem: PTR) -> PTR:
    """Fixed memory: the handle is the pointer."""
    return hMem


@stdcall("kernel32")
def LocalUnlock(m: "Machine", hMem: PTR) -> BOOL:
    """No-op for fixed memory; returns FALSE (not locked) as Windows does."""
    return 0


@stdcall("kernel32")
def GlobalAlloc(m: "Machine", uFlags: DWORD, dwBytes: SIZE_T) -> PTR:
    """Allocate from the process heap (GMEM_MOVEABLE handles are pointers too)."""
    return _local_alloc(m, uFlags, dwBytes)


@stdcall("kernel32")
def GlobalFree(m: "Machine", hMem: PTR) -> PTR:
    """Free; NULL on success."""
    if hMem and not process_heap_free(m, hMem):
        return hMem
    return 0


@stdcall("kernel32")
def GlobalReAlloc(m: "Machine", hMem: PTR, dwBytes: SIZE_T, uFlags: DWORD) -> PTR:
    """Resize a global block."""
    return process_heap(m).realloc(hMem, dwBytes, bool(uFlags & LMEM_ZEROINIT))


@stdcall("kernel32")
def GlobalSize(m: "Machine", hMem: PTR) -> SIZE_T:
    """Size of a global block."""
    return process_heap(m).size(hMem) or 0


@stdcall("kernel32")
def GlobalLock(m: "Machine", hMem: PTR) -> PTR:
    """The handle is the pointer."""
    return hMem


@stdcall("kernel32")
def GlobalUnlock(m: "Machine", hMem: PTR) -> BOOL:
    """No-op; FALSE means no longer locked."""
    return 0


@stdcall("kernel32")
def GlobalHandle(m: "Machine", pMem: PTR) -> PTR:
    """The handle of a pointer is the pointer."""
    return pMem
