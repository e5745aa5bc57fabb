"""kernel32: delay-load support (ResolveDelayLoadedAPI, DelayLoadFailureHook).

A delay-loaded import is an IAT slot that first points at a helper; the helper calls ResolveDelayLoadedAPI
with the module's IMAGE_DELAYLOAD_DESCRIPTOR and the slot. We load the DLL (storing its handle in the
descriptor's module-handle slot), look the function up by name or ordinal in the descriptor's name table,
write it into the slot and return it. On failure the caller's DLL hook is called with dliFailLoadLib (3)
or dliFailGetProc (4) and a DELAYLOAD_INFO, then the system hook (DelayLoadFailureHook) with the DLL and
procedure names; a non-NULL answer is stored and returned. When both give nothing the delay-load
exception of the Visual C++ helper is raised (0xC06D007E module, 0xC06D007F procedure; parameter: the
DELAYLOAD_INFO, which has the layout of the helper's DelayLoadInfo).
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from .. import seh
from ..api import DWORD, LPCSTR, PTR, stdcall
from ..cpu import ESP
from ..process import LoadError
from .heap import process_heap_alloc, process_heap_free

if TYPE_CHECKING:
    from ..machine import Machine

ERROR_MOD_NOT_FOUND = 126
ERROR_PROC_NOT_FOUND = 127
DLI_FAIL_LOAD_LIB, DLI_FAIL_GET_PROC = 3, 4
EXC_MOD_NOT_FOUND = 0xC06D007E
EXC_PROC_NOT_FOUND = 0xC06D007F


def _va(base: int, attrs: int, v: int) -> int:
    """Descriptor fields are RVAs when Attributes.RvaBased is set (all modern linkers), VAs otherwise."""
    return (base + v) & 0xFFFFFFFF if attrs & 1 else v


def _load(m: Machine, name: str) -> int:
    try:
        return m.proc.load_library(name).base
    except LoadError as e:
        if m.trace_on:
            m.log(str(e))
        return 0
    except Exception as e:
        from ..pe import BadImage
        if isinstance(e, BadImage):
            return 0
        raise


@stdcall("kernel32")
def ResolveDelayLoadedAPI(m: Machine, ParentModuleBase: PTR, DelayloadDescriptor: PTR, FailureDllHook: PTR,
                          FailureSystemHook: PTR, ThunkAddress: PTR, Flags: DWORD) -> PTR:
    """Load the delay-loaded DLL if needed, resolve the import of ``ThunkAddress`` and patch that IAT slot."""
    base = ParentModuleBase
    attrs, name_rva, hmod_rva, iat_rva, int_rva = m.mem.unpack("<5I", DelayloadDescriptor)
    dll_name_addr = _va(base, attrs, name_rva)
    dll_name = m.mem.cstr(dll_name_addr, "latin-1")
    hmod_slot = _va(base, attrs, hmod_rva)
    iat = _va(base, attrs, iat_rva)
    index = (ThunkAddress - iat) // 4
    entry = m.mem.u32(_va(base, attrs, int_rva) + 4 * index)
    by_name = not entry & 0x80000000
    name_addr = _va(base, attrs, entry) + 2 if by_name else 0
    proc = m.mem.cstr(name_addr, "latin-1") if by_name else None
    ordinal = None if by_name else entry & 0xFFFF

    hmod = m.mem.u32(hmod_slot) if hmod_slot else 0
    addr = 0
    reason = 0
    if not hmod:
        hmod = _load(m, dll_name)
        if hmod and hmod_slot:
            m.mem.w32(hmod_slot, hmod)
    if not hmod:
        reason, err = DLI_FAIL_LOAD_LIB, ERROR_MOD_NOT_FOUND
    else:
        mod = m.proc.module_at(hmod)
        found = m.proc.resolve_export(mod, proc, ordinal) if mod is not None else None
        if found:
            addr = found
        else:
            reason, err = DLI_FAIL_GET_PROC, ERROR_PROC_NOT_FOUND
    if not addr:
        m.log(f"delay load of {dll_name}!{proc if by_name else f'#{ordinal}'} failed "
              f"({'module not found' if reason == DLI_FAIL_LOAD_LIB else 'no such export'})")
        # DELAYLOAD_INFO (the Visual C++ helper's DelayLoadInfo has the same layout)
        info = process_heap_alloc(m, 36, zero=True)
        m.mem.write(info, struct.pack("<9I", 36, DelayloadDescriptor, ThunkAddress, dll_name_addr, int(by_name),
                                      name_addr if by_name else ordinal or 0, hmod, 0, err))
        m.set_last_error(err)
        if FailureDllHook:
            r = m.call(FailureDllHook, reason, info) & 0xFFFFFFFF
            if r and reason == DLI_FAIL_LOAD_LIB:  # the hook loaded the library itself
                if hmod_slot:
                    m.mem.w32(hmod_slot, r)
                mod = m.proc.module_at(r)
                addr = (m.proc.resolve_export(mod, proc, ordinal) or 0) if mod is not None else 0
            elif r:
                addr = r
        if not addr and FailureSystemHook:
            addr = m.call(FailureSystemHook, dll_name_addr, name_addr if by_name else ordinal or 0) & 0xFFFFFFFF
        if not addr:
            esp = m.cpu.reg(ESP)
            ret = m.mem.u32(esp)
            code = EXC_MOD_NOT_FOUND if reason == DLI_FAIL_LOAD_LIB else EXC_PROC_NOT_FOUND
            seh.dispatch(m, code, ret, [info], eip=ret, esp=esp + 28, flags=0)
            return None  # type: ignore[return-value]
        process_heap_free(m, info)
    m.mem.w32(ThunkAddress, addr)
    return addr


@stdcall("kernel32")
def DelayLoadFailureHook(m: Machine, pszDllName: LPCSTR, pszProcName: LPCSTR) -> PTR:
    """The system failure hook: exeplay has no per-function failure stubs, so it reports the failure and
    returns NULL (ResolveDelayLoadedAPI then raises the delay-load exception)."""
    what = f"#{pszProcName}" if isinstance(pszProcName, int) else pszProcName
    m.log(f"DelayLoadFailureHook: no failure stub for {pszDllName}!{what}")
    m.set_last_error(ERROR_PROC_NOT_FOUND)
    return 0
