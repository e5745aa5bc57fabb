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

# A second handle on Unicorn's library for register calls (its own function objects, no argtypes).
_lib = ctypes.CDLL(uclib._name)


def _readable_rw() -> list[tuple[int, int]]:
    """Sorted (start, end) of this process's readable+writable mappings."""
    out = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[1].startswith("rw"):
                    lo, hi = parts[0].split("-")
                    out.append((int(lo, 16), int(hi, 16)))
    except OSError:
        return []
    out.sort()
    return out


def _locate_gprs(cpu: "Cpu") -> int | None:
    """Host address of the emulated CPU's general-purpose registers, or None.

    Unicorn keeps EAX..EDI as eight consecutive 64-bit slots at the start of CPUX86State (QEMU's
    ``env->regs[]``); in 32-bit mode ``uc_reg_read`` returns the low half and ``uc_reg_write`` stores the
    zero-extended value, nothing else. Inside hooks TCG has synced its registers to env (that is what
    makes ``uc_reg_read`` work there), so reading/writing env directly is the same operation without
    a ~0.5 us foreign call. The env lies inside the X86CPU object that a pointer in ``uc_struct``
    refers to: write distinctive values with ``uc_reg_write``, look for them behind each pointer
    (reading only readable+writable mappings), then verify both directions. Any doubt: None, and
    callers keep using the Unicorn API.
    """
    import bisect  # noqa: PLC0415
    import struct  # noqa: PLC0415
    try:
        maps = _readable_rw()
        if not maps:
            return None
        starts = [a for a, _ in maps]

        def span(p: int) -> int:
            i = bisect.bisect(starts, p) - 1
            if i < 0 or p >= maps[i][1]:
                return 0
            return maps[i][1] - p

        saved = [cpu._uc_reg(r) for r in GPRS]
        magic = [0x3C5A0000 | (0x1111 * (i + 1)) for i in range(8)]
        for r, v in zip(GPRS, magic):
            cpu._uc_set_reg(r, v)
        pattern = struct.pack("<8Q", *magic)
        found = None
        h = cpu._h.value
        n = span(h)
        if n:
            words = struct.unpack_from(f"<{min(n, 0x4000) // 8}Q", ctypes.string_at(h, min(n, 0x4000)))
            seen = set()
            for p in words:
                if p & 7 or p in seen:
                    continue
                seen.add(p)
                m = min(span(p), 0x40000)
                if m < 64:
                    continue
                blob = ctypes.string_at(p, m)
                k = blob.find(pattern)
                while k >= 0 and (p + k) & 7:
                    k = blob.find(pattern, k + 1)
                if k >= 0:
                    found = p + k
                    break
        ok = False
        if found is not None:
            r32 = [ctypes.c_uint32.from_address(found + 8 * i) for i in range(8)]
            w64 = [ctypes.c_uint64.from_address(found + 8 * i) for i in range(8)]
            ok = True
            for trial in (0x01234567, 0xFEDCBA98):
                for i, r in enumerate(GPRS):  # Unicorn writes, we read
                    cpu._uc_set_reg(r, trial ^ (i * 0x10001))
                ok = ok and all(r32[i].value == trial ^ (i * 0x10001) for i in range(8))
                for i, r in enumerate(GPRS):  # we write, Unicorn reads
                    w64[i].value = (trial ^ 0xFFFFFFFF ^ i) & 0xFFFFFFFF
                ok = ok and all(cpu._uc_reg(r) == (trial ^ 0xFFFFFFFF ^ i) & 0xFFFFFFFF for i, r in enumerate(GPRS))
        for r, v in zip(GPRS, saved):
            cpu._uc_set_reg(r, v)
        return found if ok else None
    except Exception:  # noqa: BLE001 - fall back to the Unicorn API
        return None


class _SlowCell:
    """Register access through the Unicorn API, shaped like a ctypes scalar (``.value``)."""

    __slots__ = ("_cpu", "_rid")

    def __init__(self, cpu: "Cpu", rid: int) -> None:
        self._cpu = cpu
        self._rid = rid

    @property
    def value(self) -> int:
        return self._cpu.reg(self._rid)

    @value.setter
    def value(self, v: int) -> None:
        self._cpu.set_reg(self._rid, v)


class Cpu:
    """One Unicorn engine; all guest threads share it (contexts are swapped at switches)."""

    def __init__(self) -> None:
        self.uc = Uc(UC_ARCH_X86, UC_MODE_32)
        import os as _os
        if _os.environ.get('XTLB'):
            from unicorn import UC_TLB_VIRTUAL
            self.uc.ctl_set_tlb_mode(UC_TLB_VIRTUAL)
        self._h = self.uc._uch
        self._buf = ctypes.c_uint32(0)
        self._bufref = ctypes.byref(self._buf)
        # Our own function objects without argtypes: ctypes' argtypes conversion doubles the call cost.
        self._read = _lib.uc_reg_read
        self._write = _lib.uc_reg_write
        self._callbacks: list[object] = []
        self.pending_exc: BaseException | None = None
        # Fast general-purpose registers: ctypes views of CPUX86State.regs[] (see _locate_gprs), or None.
        self._rcell: dict[int, ctypes.c_uint32] = {}
        self._wcell: dict[int, ctypes.c_uint64] = {}
        env = _locate_gprs(self)
        self.env = env  # address of CPUX86State.regs[0] (None: not found, the Unicorn API is used)
        self._fault_cb: object = None
        self._fault_hooks: dict[tuple[int, int], int] = {}  # (begin, end) -> Unicorn hook handle
        if env is not None:
            for i, rid in enumerate(GPRS):
                self._rcell[rid] = ctypes.c_uint32.from_address(env + 8 * i)
                self._wcell[rid] = ctypes.c_uint64.from_address(env + 8 * i)
        self.fast_regs = env is not None

    # ---- registers ----------------------------------------------------------------------
    def reg(self, rid: int) -> int:
        c = self._rcell.get(rid)
        if c is not None:
            return c.value
        self._read(self._h, rid, self._bufref)
        return self._buf.value

    def set_reg(self, rid: int, value: int) -> None:
        c = self._wcell.get(rid)
        if c is not None:
            c.value = value & 0xFFFFFFFF
            return
        self._buf.value = value & 0xFFFFFFFF
        self._write(self._h, rid, self._bufref)

    def read_cell(self, rid: int) -> ctypes.c_uint32 | _SlowCell:
        """An object whose ``.value`` reads register ``rid`` (what ``reg`` returns), for hot paths:
        a ctypes view of the CPU state for EAX..EDI when available, else a wrapper around ``reg``."""
        c = self._rcell.get(rid)  # (not `or`: a ctypes scalar holding 0 is falsy)
        return c if c is not None else _SlowCell(self, rid)

    def write_cell(self, rid: int) -> ctypes.c_uint64 | _SlowCell:
        """An object whose ``.value = v`` sets register ``rid`` like ``set_reg``; v must be 0..0xFFFFFFFF."""
        c = self._wcell.get(rid)
        return c if c is not None else _SlowCell(self, rid)

    def _uc_reg(self, rid: int) -> int:
        self._read(self._h, rid, self._bufref)
        return self._buf.value

    def _uc_set_reg(self, rid: int, value: int) -> None:
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
        """fn(access, address, size) for unmapped/protected accesses (return False to fault), over the whole
        address space until ``set_fault_ranges`` narrows it."""
        fail = self._fail

        def cb(_h: int, access: int, addr: int, size: int, _value: int, _ud: int) -> bool:
            try:
                return fn(access, addr, size)
            except BaseException as e:  # noqa: BLE001
                fail(e)
                return False

        self._fault_cb = _MEMINV_CB(cb)
        self._callbacks.append(self._fault_cb)
        self.set_fault_ranges([(1, 0)])

    def set_fault_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Cover exactly these inclusive (begin, end) ranges with the invalid-access hook.

        Unicorn 2.1.4 keeps every store to a page covered by a memory hook on its slow path (~30 ns a store
        instead of ~3), so the hook covers only what can fault: unmapped and non-writable addresses."""
        want = set(ranges)
        for r in [r for r in self._fault_hooks if r not in want]:
            uclib.uc_hook_del(self._h, ctypes.c_size_t(self._fault_hooks.pop(r)))
        for r in sorted(want - self._fault_hooks.keys()):
            handle = ctypes.c_size_t()
            err = uclib.uc_hook_add(self._h, ctypes.byref(handle), ucc.UC_HOOK_MEM_INVALID, self._fault_cb, None,
                                    ctypes.c_uint64(r[0]), ctypes.c_uint64(r[1]))
            if err != ucc.UC_ERR_OK:
                raise UcError(err)
            self._fault_hooks[r] = handle.value

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
