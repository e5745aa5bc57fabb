"""The x86 CPU: a Unicorn engine with fast register access and exception-safe hooks.

Unicorn's Python wrapper costs several microseconds per register access; API traps read ESP and write
EAX on every call, so this module talks to the C library directly through ctypes with preallocated
buffers. Hooks registered here catch Python exceptions, stop the engine and re-raise them from
``run`` (the same contract as Unicorn's wrapper, with less overhead).
"""
from __future__ import annotations

import ctypes
from typing import Callable

from unicorn import UC_ARCH_X86, UC_HOOK_CODE, UC_MODE_32, Uc, UcError
from unicorn import unicorn_const as ucc
from unicorn import x86_const as X
from unicorn.unicorn_py3.unicorn import uclib

EAX, ECX, EDX, EBX = X.UC_X86_REG_EAX, X.UC_X86_REG_ECX, X.UC_X86_REG_EDX, X.UC_X86_REG_EBX
ESP, EBP, ESI, EDI = X.UC_X86_REG_ESP, X.UC_X86_REG_EBP, X.UC_X86_REG_ESI, X.UC_X86_REG_EDI
EIP, EFLAGS = X.UC_X86_REG_EIP, X.UC_X86_REG_EFLAGS
CS, DS, ES, FS, GS, SS = (X.UC_X86_REG_CS, X.UC_X86_REG_DS, X.UC_X86_REG_ES, X.UC_X86_REG_FS,
                          X.UC_X86_REG_GS, X.UC_X86_REG_SS)
GPRS = (EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI)
GPR_NAMES = ("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi")

_CODE_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint32, ctypes.c_void_p)
_INTR_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p)
_MEMINV_CB = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, ctypes.c_int, ctypes.c_uint64, ctypes.c_int,
                              ctypes.c_int64, ctypes.c_void_p)
_INSN_INV_CB = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, ctypes.c_void_p)


class Cpu:
    """One Unicorn engine; all guest threads share it (contexts are swapped at switches)."""

    def __init__(self) -> None:
        self.uc = Uc(UC_ARCH_X86, UC_MODE_32)
        self._h = self.uc._uch
        self._buf = ctypes.c_uint32(0)
        self._bufref = ctypes.byref(self._buf)
        self._read = uclib.uc_reg_read
        self._write = uclib.uc_reg_write
        self._callbacks: list[object] = []
        self.pending_exc: BaseException | None = None

    # ---- registers ----------------------------------------------------------------------
    def reg(self, rid: int) -> int:
        self._read(self._h, rid, self._bufref)
        return self._buf.value

    def set_reg(self, rid: int, value: int) -> None:
        self._buf.value = value & 0xFFFFFFFF
        self._write(self._h, rid, self._bufref)

    def regs(self) -> dict[str, int]:
        d = {n: self.reg(r) for n, r in zip(GPR_NAMES, GPRS)}
        d["eip"] = self.reg(EIP)
        d["eflags"] = self.reg(EFLAGS)
        return d

    # ---- hooks -------------------------------------------------------------------------
    def _fail(self, e: BaseException) -> None:
        if self.pending_exc is None:
            self.pending_exc = e
        uclib.uc_emu_stop(self._h)

    def hook_code(self, fn: Callable[[int], None], begin: int, end: int) -> None:
        """Call fn(address) before each instruction in [begin, end]."""
        fail = self._fail

        def cb(_h: int, addr: int, _size: int, _ud: int) -> None:
            try:
                fn(addr)
            except BaseException as e:  # noqa: BLE001 - re-raised from run()
                fail(e)

        self._add(UC_HOOK_CODE, _CODE_CB(cb), begin, end)

    def hook_intr(self, fn: Callable[[int], None]) -> None:
        fail = self._fail

        def cb(_h: int, intno: int, _ud: int) -> None:
            try:
                fn(intno)
            except BaseException as e:  # noqa: BLE001
                fail(e)

        self._add(ucc.UC_HOOK_INTR, _INTR_CB(cb), 1, 0)

    def hook_mem_invalid(self, fn: Callable[[int, int, int], bool]) -> None:
        """fn(access, address, size) for unmapped/protected accesses; return False to fault."""
        fail = self._fail

        def cb(_h: int, access: int, addr: int, size: int, _value: int, _ud: int) -> bool:
            try:
                return fn(access, addr, size)
            except BaseException as e:  # noqa: BLE001
                fail(e)
                return False

        self._add(ucc.UC_HOOK_MEM_INVALID, _MEMINV_CB(cb), 1, 0)

    def hook_insn_invalid(self, fn: Callable[[], bool]) -> None:
        fail = self._fail

        def cb(_h: int, _ud: int) -> bool:
            try:
                return fn()
            except BaseException as e:  # noqa: BLE001
                fail(e)
                return False

        self._add(ucc.UC_HOOK_INSN_INVALID, _INSN_INV_CB(cb), 1, 0)

    def _add(self, htype: int, cfn: object, begin: int, end: int) -> None:
        handle = ctypes.c_size_t()
        err = uclib.uc_hook_add(self._h, ctypes.byref(handle), htype, cfn, None,
                                ctypes.c_uint64(begin), ctypes.c_uint64(end))
        if err != ucc.UC_ERR_OK:
            raise UcError(err)
        self._callbacks.append(cfn)

    # ---- running -------------------------------------------------------------------------
    def run(self, begin: int, until: int, count: int = 0) -> int:
        """Run guest code; returns Unicorn's status (UC_ERR_OK or a fault). Hook exceptions re-raise."""
        saved = self.pending_exc
        self.pending_exc = None
        err = uclib.uc_emu_start(self._h, ctypes.c_uint64(begin), ctypes.c_uint64(until), ctypes.c_uint64(0),
                                 ctypes.c_size_t(count))
        exc = self.pending_exc
        self.pending_exc = saved
        if exc is not None:
            raise exc
        return err

    def stop(self) -> None:
        uclib.uc_emu_stop(self._h)
