"""kernel32: virtual memory (VirtualAlloc, VirtualFree, VirtualProtect, VirtualQuery)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, PTR, SIZE_T, stdcall
from ..memory import (GRANULARITY, MEM_COMMIT, MEM_FREE, MEM_RESERVE, PAGE, USER_MAX, USER_MIN, GuestMemoryError)

if TYPE_CHECKING:
    from ..machine import Machine

MEM_DECOMMIT = 0x4000
MEM_RELEASE = 0x8000
MEM_TOP_DOWN = 0x100000
ERROR_INVALID_ADDRESS = 487
ERROR_INVALID_PARAMETER = 87
ERROR_NOT_ENOUGH_MEMORY = 8


@stdcall("kernel32")
def VirtualAlloc(m: "Machine", lpAddress: PTR, dwSize: SIZE_T, flAllocationType: DWORD, flProtect: DWORD) -> PTR:
    """Reserve and/or commit pages; returns the base or NULL with the error set."""
    mem = m.mem
    if dwSize == 0:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    reserve = bool(flAllocationType & MEM_RESERVE)
    commit = bool(flAllocationType & MEM_COMMIT)
    if lpAddress:
        r = mem.region(lpAddress)
        if r is not None and not reserve:
            start = lpAddress & ~(PAGE - 1)
            end = (lpAddress + dwSize + PAGE - 1) & ~(PAGE - 1)
            if end > r.end:
                m.set_last_error(ERROR_INVALID_ADDRESS)
                return 0
            if commit:
                first = (start - r.base) // PAGE
                fresh = [p for p in range(first, (end - r.base) // PAGE) if not r.pages[p]]
                mem.commit(start, end - start, flProtect)
                del fresh
            return start
        if r is not None:
            m.set_last_error(ERROR_INVALID_ADDRESS)
            return 0
        base = lpAddress & ~(GRANULARITY - 1)
        size = ((lpAddress + dwSize + PAGE - 1) & ~(PAGE - 1)) - base
        if not mem.is_free(base, size) or base < USER_MIN or base + size > USER_MAX:
            m.set_last_error(ERROR_INVALID_ADDRESS)
            return 0
        mem.map(base, size, flProtect, commit=commit)
        return lpAddress & ~(PAGE - 1) if commit and not reserve else base
    if not reserve and not commit:
        m.set_last_error(ERROR_INVALID_PARAMETER)
        return 0
    try:
        r = mem.alloc(dwSize, flProtect, commit=commit, top_down=bool(flAllocationType & MEM_TOP_DOWN))
    except MemoryError:
        m.set_last_error(ERROR_NOT_ENOUGH_MEMORY)
        return 0
    return r.base


@stdcall("kernel32")
def VirtualFree(m: "Machine", lpAddress: PTR, dwSize: SIZE_T, dwFreeType: DWORD) -> BOOL:
    """Decommit pages or release a whole reservation."""
    r = m.mem.region(lpAddress)
    if r is None:
        m.set_last_error(ERROR_INVALID_ADDRESS)
        return 0
    if dwFreeType & MEM_RELEASE:
        if lpAddress != r.base or dwSize != 0:
            m.set_last_error(ERROR_INVALID_PARAMETER)
            return 0
        m.mem.unmap(r)
        return 1
    if dwFreeType & MEM_DECOMMIT:
        size = dwSize or (r.end - lpAddress)
        m.mem.decommit(lpAddress & ~(PAGE - 1), size)
        return 1
    m.set_last_error(ERROR_INVALID_PARAMETER)
    return 0


@stdcall("kernel32")
def VirtualProtect(m: "Machine", lpAddress: PTR, dwSize: SIZE_T, flNewProtect: DWORD, lpflOldProtect: PTR) -> BOOL:
    """Change page protection; the old protection of the first page goes to *lpflOldProtect."""
    try:
        start = lpAddress & ~(PAGE - 1)
        old = m.mem.protect(start, (lpAddress + dwSize) - start, flNewProtect)
    except GuestMemoryError:
        m.set_last_error(ERROR_INVALID_ADDRESS)
        return 0
    if lpflOldProtect:
        m.mem.w32(lpflOldProtect, old)
    return 1


@stdcall("kernel32")
def VirtualQuery(m: "Machine", lpAddress: PTR, lpBuffer: PTR, dwLength: SIZE_T) -> SIZE_T:
    """Fill MEMORY_BASIC_INFORMATION for the run of pages with equal state at lpAddress."""
    if dwLength < 28:
        m.set_last_error(24)
        return 0
    mem = m.mem
    addr = lpAddress & ~(PAGE - 1)
    r = mem.region(addr)
    if r is None:
        nxt = min((x.base for x in mem.regions if x.base > addr), default=0x80000000)
        prev_end = max((x.end for x in mem.regions if x.end <= addr), default=0)
        mem.pack("<IIIIIII", lpBuffer, prev_end, 0, 0, nxt - prev_end, MEM_FREE, 1, 0)
        return 28
    p = (addr - r.base) // PAGE
    state, prot = r.pages[p], r.pageprot[p]
    q = p
    while q < len(r.pages) and r.pages[q] == state and r.pageprot[q] == prot:
        q += 1
    mem.pack("<IIIIIII", lpBuffer, addr, r.base, r.alloc_protect, (q - p) * PAGE,
             MEM_COMMIT if state else MEM_RESERVE, prot if state else 0, r.kind)
    return 28


@stdcall("kernel32")
def IsBadReadPtr(m: "Machine", lp: PTR, ucb: SIZE_T) -> BOOL:
    """TRUE unless every byte of the range is committed."""
    return int(ucb != 0 and not m.mem.is_mapped(lp, ucb))


@stdcall("kernel32")
def IsBadWritePtr(m: "Machine", lp: PTR, ucb: SIZE_T) -> BOOL:
    """TRUE unless every byte of the range is committed."""
    return int(ucb != 0 and not m.mem.is_mapped(lp, ucb))


@stdcall("kernel32")
def IsBadCodePtr(m: "Machine", lp: PTR) -> BOOL:
    """TRUE unless the address is committed."""
    return int(not m.mem.is_mapped(lp, 1))


@stdcall("kernel32")
def IsBadStringPtrA(m: "Machine", lp: PTR, ucchMax: SIZE_T) -> BOOL:
    """TRUE if the string's first byte is not readable."""
    return int(not m.mem.is_mapped(lp, 1))


@stdcall("kernel32")
def IsBadStringPtrW(m: "Machine", lp: PTR, ucchMax: SIZE_T) -> BOOL:
    """TRUE if the string's first character is not readable."""
    return int(not m.mem.is_mapped(lp, 2))
