"""ole32: COM library start-up, task memory, GUID strings and CoCreateInstance (through com/factory.py;
classes exeplay does not provide answer REGDB_E_CLASSNOTREG, as Windows does for unregistered classes)."""
from __future__ import annotations

import re

import uuid
from typing import TYPE_CHECKING

from .api import DWORD, LPCWSTR, PTR, stdcall

if TYPE_CHECKING:
    from .machine import Machine

S_OK, S_FALSE = 0, 1
E_INVALIDARG, E_OUTOFMEMORY = 0x80070057, 0x8007000E
CO_E_CLASSSTRING, REGDB_E_CLASSNOTREG = 0x800401F3, 0x80040154
RPC_E_CHANGED_MODE = 0x80010106


def _heap(m: "Machine"):  # noqa: ANN202 - the process heap object
    from .kernel32.heap import process_heap  # noqa: PLC0415
    return process_heap(m)


def _init(m: "Machine", mode: int) -> int:
    st = m.state.setdefault("com", {})
    key = m.thread.tid if m.thread else 0
    count, old_mode = st.get(key, (0, mode))
    if count and old_mode != mode:
        return RPC_E_CHANGED_MODE
    st[key] = (count + 1, mode)
    return S_FALSE if count else S_OK


def _uninit(m: "Machine") -> None:
    st = m.state.setdefault("com", {})
    key = m.thread.tid if m.thread else 0
    count, mode = st.get(key, (0, 0))
    if count > 1:
        st[key] = (count - 1, mode)
    else:
        st.pop(key, None)


@stdcall("ole32")
def CoInitialize(m: "Machine", pvReserved: PTR) -> DWORD:
    """Start COM on this thread (apartment-threaded); S_FALSE if already started."""
    return _init(m, 2)


@stdcall("ole32")
def CoInitializeEx(m: "Machine", pvReserved: PTR, dwCoInit: DWORD) -> DWORD:
    """Start COM on this thread with a threading model; RPC_E_CHANGED_MODE if it differs from an earlier call."""
    return _init(m, 2 if dwCoInit & 2 else 0)


@stdcall("ole32")
def CoUninitialize(m: "Machine") -> None:
    """Balance one CoInitialize."""
    _uninit(m)


@stdcall("ole32")
def OleInitialize(m: "Machine", pvReserved: PTR) -> DWORD:
    """Start OLE (COM apartment-threaded) on this thread."""
    return _init(m, 2)


@stdcall("ole32")
def OleUninitialize(m: "Machine") -> None:
    """Balance one OleInitialize."""
    _uninit(m)


@stdcall("ole32")
def CoTaskMemAlloc(m: "Machine", cb: DWORD) -> PTR:
    """Allocate task memory (the process heap)."""
    return _heap(m).alloc(max(cb, 1)) or 0


@stdcall("ole32")
def CoTaskMemFree(m: "Machine", pv: PTR) -> None:
    """Free task memory (NULL is allowed)."""
    if pv:
        _heap(m).free(pv)


@stdcall("ole32")
def CoTaskMemRealloc(m: "Machine", pv: PTR, cb: DWORD) -> PTR:
    """Resize task memory."""
    h = _heap(m)
    if not pv:
        return h.alloc(max(cb, 1)) or 0
    if cb == 0:
        h.free(pv)
        return 0
    return h.realloc(pv, cb) or 0


_GUID_RE = re.compile(r"^\{([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})\}$")


def parse_guid(s: str) -> bytes | None:
    """``{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}`` to the 16 bytes of a GUID (None if malformed)."""
    mo = _GUID_RE.match(s.strip())
    if mo is None:
        return None
    return uuid.UUID("".join(mo.groups())).bytes_le


def guid_str(data: bytes) -> str:
    return "{" + str(uuid.UUID(bytes_le=bytes(data))).upper() + "}"


def _from_string(m: "Machine", lpsz: str | int | None, out: int) -> int:
    g = parse_guid(lpsz) if isinstance(lpsz, str) else None
    if g is None:
        return CO_E_CLASSSTRING
    m.mem.write(out, g)
    return S_OK


@stdcall("ole32")
def IIDFromString(m: "Machine", lpsz: LPCWSTR, lpiid: PTR) -> DWORD:
    """Parse "{...}" into an IID."""
    return _from_string(m, lpsz, lpiid) if lpsz is not None else E_INVALIDARG


@stdcall("ole32")
def CLSIDFromString(m: "Machine", lpsz: LPCWSTR, pclsid: PTR) -> DWORD:
    """Parse "{...}" into a CLSID (ProgIDs are not registered here)."""
    if lpsz is None:
        m.mem.write(pclsid, b"\0" * 16)
        return S_OK
    return _from_string(m, lpsz, pclsid)


@stdcall("ole32")
def StringFromGUID2(m: "Machine", rguid: PTR, lpsz: PTR, cchMax: DWORD) -> DWORD:
    """Format a GUID as "{...}"; returns the characters written including the NUL, 0 if it does not fit."""
    s = guid_str(m.mem.read(rguid, 16))
    if cchMax < len(s) + 1:
        return 0
    m.mem.write_wstr(lpsz, s)
    return len(s) + 1


@stdcall("ole32")
def CoCreateInstance(m: "Machine", rclsid: PTR, pUnkOuter: PTR, dwClsContext: DWORD, riid: PTR, ppv: PTR) -> DWORD:
    """Create a COM object of a class exeplay provides (com/factory.py: DirectDraw...); REGDB_E_CLASSNOTREG
    (logged) for the others."""
    from com import factory  # noqa: PLC0415
    clsid = m.mem.read(rclsid, 16)
    hr, ptr = factory.create_instance(m, clsid, m.mem.read(riid, 16), pUnkOuter)
    if ppv:
        m.mem.w32(ppv, ptr if hr == S_OK else 0)
    if hr == REGDB_E_CLASSNOTREG:
        m.log(f"CoCreateInstance: class {guid_str(clsid)} is not available (REGDB_E_CLASSNOTREG)")
    return hr



