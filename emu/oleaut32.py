"""oleaut32: BSTRs and VARIANTs (the automation types console programs such as 7-Zip use).

A BSTR points at UTF-16 text preceded by its byte length (DWORD) and followed by a NUL WCHAR; the
block lives in the process heap. VARIANT is 16 bytes: vt (WORD), three reserved WORDs, 8 data bytes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .api import DWORD, PTR, UINT, stdcall
from .kernel32.heap import process_heap_alloc, process_heap_free

if TYPE_CHECKING:
    from .machine import Machine

S_OK = 0
E_INVALIDARG = 0x80070057
E_OUTOFMEMORY = 0x8007000E
DISP_E_BADVARTYPE = 0x80020008
DISP_E_ARRAYISLOCKED = 0x8002000D

VT_EMPTY, VT_NULL, VT_BSTR, VT_DISPATCH, VT_UNKNOWN, VT_RECORD = 0, 1, 8, 9, 13, 36
VT_ARRAY, VT_BYREF = 0x2000, 0x4000
# Types a VARIANT may hold (VariantClear/VariantCopy reject others with DISP_E_BADVARTYPE).
_PLAIN = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23}
_MAX_LEN = 0x7FFFFFF0


# ---- BSTR ----------------------------------------------------------------------------------------------
def alloc_bstr(m: "Machine", data: bytes | None, nbytes: int) -> int:
    """A new BSTR of ``nbytes`` bytes (copied from ``data`` when given, else zeroed); 0 when out of memory."""
    if nbytes > _MAX_LEN:
        return 0
    try:
        p = process_heap_alloc(m, 4 + nbytes + 2, zero=data is None)
    except MemoryError:
        return 0
    if not p:
        return 0
    m.mem.w32(p, nbytes)
    if data is not None:
        m.mem.write(p + 4, data[:nbytes])
    m.mem.write(p + 4 + nbytes, b"\0\0")
    return p + 4


def bstr_bytes(m: "Machine", bstr: int) -> int:
    return m.mem.u32(bstr - 4) if bstr else 0


def free_bstr(m: "Machine", bstr: int) -> None:
    if bstr:
        process_heap_free(m, bstr - 4)


@stdcall("oleaut32", ordinal=2)
def SysAllocString(m: "Machine", psz: PTR) -> PTR:
    """Copy a NUL-terminated UTF-16 string into a new BSTR; NULL for NULL or out of memory."""
    if not psz:
        return 0
    raw = m.mem.wstr_bytes(psz)
    return alloc_bstr(m, raw, len(raw))


@stdcall("oleaut32", ordinal=4)
def SysAllocStringLen(m: "Machine", strIn: PTR, ui: UINT) -> PTR:
    """A BSTR of ``ui`` characters copied from ``strIn`` (zeroed when NULL)."""
    if ui > _MAX_LEN // 2:
        return 0
    data = m.mem.read(strIn, 2 * ui) if strIn else None
    return alloc_bstr(m, data, 2 * ui)


@stdcall("oleaut32", ordinal=150)
def SysAllocStringByteLen(m: "Machine", psz: PTR, len_: UINT) -> PTR:
    """A BSTR of ``len_`` bytes copied from ``psz`` (zeroed when NULL)."""
    data = m.mem.read(psz, len_) if psz else None
    return alloc_bstr(m, data, len_)


@stdcall("oleaut32", ordinal=3)
def SysReAllocString(m: "Machine", pbstr: PTR, psz: PTR) -> DWORD:
    """Replace *pbstr by a new BSTR copied from ``psz``; FALSE when out of memory."""
    if not pbstr:
        return 0
    raw = m.mem.wstr_bytes(psz) if psz else None
    new = alloc_bstr(m, raw, len(raw)) if raw is not None else 0
    if psz and not new:
        return 0
    free_bstr(m, m.mem.u32(pbstr))
    m.mem.w32(pbstr, new)
    return 1


@stdcall("oleaut32", ordinal=5)
def SysReAllocStringLen(m: "Machine", pbstr: PTR, psz: PTR, len_: UINT) -> DWORD:
    """Replace *pbstr by a BSTR of ``len_`` characters copied from ``psz`` (may overlap the old one)."""
    if not pbstr or len_ > _MAX_LEN // 2:
        return 0
    data = m.mem.read(psz, 2 * len_) if psz else None
    new = alloc_bstr(m, data, 2 * len_)
    if not new:
        return 0
    free_bstr(m, m.mem.u32(pbstr))
    m.mem.w32(pbstr, new)
    return 1


@stdcall("oleaut32", ordinal=6)
def SysFreeString(m: "Machine", bstrString: PTR) -> None:
    """Free a BSTR (NULL is ignored)."""
    free_bstr(m, bstrString)


@stdcall("oleaut32", ordinal=7)
def SysStringLen(m: "Machine", pbstr: PTR) -> UINT:
    """Length of a BSTR in characters (0 for NULL)."""
    return bstr_bytes(m, pbstr) // 2


@stdcall("oleaut32", ordinal=149)
def SysStringByteLen(m: "Machine", bstr: PTR) -> UINT:
    """Length of a BSTR in bytes (0 for NULL)."""
    return bstr_bytes(m, bstr)


# ---- VARIANT ---------------------------------------------------------------------------------------------
def _valid(vt: int) -> bool:
    if vt & VT_BYREF:
        return (vt & ~(VT_BYREF | VT_ARRAY)) in _PLAIN | {12}
    if vt & VT_ARRAY:
        return False  # SAFEARRAYs are not implemented
    return vt in _PLAIN


def _release(m: "Machine", punk: int) -> None:
    if punk:
        m.call(m.mem.u32(m.mem.u32(punk) + 8), punk)  # IUnknown::Release


def _addref(m: "Machine", punk: int) -> None:
    if punk:
        m.call(m.mem.u32(m.mem.u32(punk) + 4), punk)  # IUnknown::AddRef


@stdcall("oleaut32", ordinal=8)
def VariantInit(m: "Machine", pvarg: PTR) -> None:
    """Set vt to VT_EMPTY (the data is left alone)."""
    m.mem.pack("<HHHH", pvarg, VT_EMPTY, 0, 0, 0)


@stdcall("oleaut32", ordinal=9)
def VariantClear(m: "Machine", pvarg: PTR) -> DWORD:
    """Free what the VARIANT owns (BSTR, interface reference) and set VT_EMPTY; DISP_E_BADVARTYPE for bad types."""
    if not pvarg:
        return E_INVALIDARG
    vt = m.mem.u16(pvarg)
    if not _valid(vt):
        return DISP_E_BADVARTYPE
    if not vt & VT_BYREF:
        if vt == VT_BSTR:
            free_bstr(m, m.mem.u32(pvarg + 8))
        elif vt in (VT_DISPATCH, VT_UNKNOWN):
            _release(m, m.mem.u32(pvarg + 8))
    m.mem.pack("<HHHH", pvarg, VT_EMPTY, 0, 0, 0)
    return S_OK


@stdcall("oleaut32", ordinal=10)
def VariantCopy(m: "Machine", pvargDest: PTR, pvargSrc: PTR) -> DWORD:
    """Clear the destination, then copy the source deeply (new BSTR, AddRef'd interface)."""
    if not pvargDest or not pvargSrc:
        return E_INVALIDARG
    vt = m.mem.u16(pvargSrc)
    if not _valid(vt):
        return DISP_E_BADVARTYPE
    if pvargDest == pvargSrc:
        return S_OK
    hr = VariantClear(m, pvargDest)
    if hr:
        return hr
    src = m.mem.read(pvargSrc, 16)
    if vt == VT_BSTR:
        b = m.mem.u32(pvargSrc + 8)
        if b:
            n = bstr_bytes(m, b)
            new = alloc_bstr(m, m.mem.read(b, n), n)
            if not new:
                return E_OUTOFMEMORY
            src = src[:8] + new.to_bytes(4, "little") + src[12:]
    m.mem.write(pvargDest, src)
    if vt in (VT_DISPATCH, VT_UNKNOWN):
        _addref(m, m.mem.u32(pvargDest + 8))
    return S_OK
