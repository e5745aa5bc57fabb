"""kernel32: resources (FindResource/LoadResource/LockResource/SizeofResource)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import resources
from ..api import BOOL, DWORD, HMODULE, LPCSTR, LPCWSTR, PTR, WORD, stdcall

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_RESOURCE_DATA_NOT_FOUND = 1812
ERROR_RESOURCE_TYPE_NOT_FOUND = 1813
ERROR_RESOURCE_NAME_NOT_FOUND = 1814


def _find(m: "Machine", hModule: int, rtype: str | int | None, name: str | int | None, lang: int | None) -> int:
    base = hModule or (m.proc.exe.base if m.proc.exe else 0)
    if rtype is None or name is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return 0
    r = resources.find(m, base, rtype, name, lang)
    if r is None:
        m.set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND)
        return 0
    table = m.state.setdefault("resinfo", {})
    h = m.proc.alloc_static(16)
    m.mem.pack("<II", h, r[0], r[1])
    table[h] = r
    return h


@stdcall("kernel32")
def FindResourceA(m: "Machine", hModule: HMODULE, lpName: LPCSTR, lpType: LPCSTR) -> PTR:
    """Locate a resource by name/id and type; returns an HRSRC."""
    return _find(m, hModule, lpType, lpName, None)


@stdcall("kernel32")
def FindResourceW(m: "Machine", hModule: HMODULE, lpName: LPCWSTR, lpType: LPCWSTR) -> PTR:
    """Wide FindResource."""
    return _find(m, hModule, lpType, lpName, None)


@stdcall("kernel32")
def FindResourceExA(m: "Machine", hModule: HMODULE, lpType: LPCSTR, lpName: LPCSTR, wLanguage: WORD) -> PTR:
    """FindResource for a language (falls back to en-US / neutral)."""
    return _find(m, hModule, lpType, lpName, wLanguage)


@stdcall("kernel32")
def FindResourceExW(m: "Machine", hModule: HMODULE, lpType: LPCWSTR, lpName: LPCWSTR, wLanguage: WORD) -> PTR:
    """Wide FindResourceEx."""
    return _find(m, hModule, lpType, lpName, wLanguage)


@stdcall("kernel32")
def LoadResource(m: "Machine", hModule: HMODULE, hResInfo: PTR) -> PTR:
    """The resource's data address (resources are mapped with the image)."""
    r = m.state.get("resinfo", {}).get(hResInfo)
    if r is None:
        m.set_last_error(ERROR_RESOURCE_DATA_NOT_FOUND)
        return 0
    return r[0]


@stdcall("kernel32")
def LockResource(m: "Machine", hResData: PTR) -> PTR:
    """The pointer to the data (same as the handle)."""
    return hResData


@stdcall("kernel32")
def FreeResource(m: "Machine", hResData: PTR) -> BOOL:
    """Nothing to free; FALSE as on Win32."""
    return 0


@stdcall("kernel32")
def SizeofResource(m: "Machine", hModule: HMODULE, hResInfo: PTR) -> DWORD:
    """Size in bytes of a resource."""
    r = m.state.get("resinfo", {}).get(hResInfo)
    return 0 if r is None else r[1]
