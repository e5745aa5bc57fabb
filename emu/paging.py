"""Fast guest stores: identity paging whose pages are no-execute until code runs on them.

Unicorn 2.1.4 (the newest on PyPI) sends every guest store through QEMU's slow "not dirty" path (~30 ns a
store instead of ~3) unless the store's TLB entry is for a page the x86 MMU says is not executable and no
memory hook covers the address. With paging off every page is executable, so every store was slow.

So the guest runs with PAE paging on: page tables (in a read-only region above the user address space) map
every 4 KiB page to itself, present, writable, user, with Accessed/Dirty preset (the MMU never writes
them), and with the NX bit set. The first instruction fetch from a page raises #PF; the interrupt hook
(``on_fault``) clears that page's NX bit, flushes the TLB and lets the fetch run again. Data pages keep NX
and get fast stores; pages that hold code keep QEMU's self-modifying-code checks, exactly as before.
Faulting addresses are reported by Unicorn as before (the page tables never fault; Unicorn's own mapping and
protections still decide), and the invalid-access hook covers only unmapped and non-writable addresses
(``Machine`` keeps it narrowed, see ``Cpu.set_fault_ranges``).

QEMU keeps the last exception in flight in ``CPUX86State.old_exception`` and only clears it when it
delivers an interrupt through the IDT, which Unicorn skips when a hook takes it; a second #PF would then
become a double fault. ``_old_exception_offset`` finds that field once per process (a probe engine takes a
#PF and the field that changed from -1 to 14 is it) and ``clear_exception`` resets it after every hooked
exception. If anything does not check out, paging stays off and the guest runs as before (slower).
``EXEPLAY_SLOW_STORES=1`` turns it off for comparison.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import struct
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
from unicorn import x86_const as X

from .memory import PAGE_READONLY

if TYPE_CHECKING:
    from .cpu import Cpu
    from .memory import Memory

PT_BASE = 0xF0000000  # page tables: PDPT, 4 page directories, 2048 page tables (8 MiB)
PD_OFF, PTE_OFF = 0x1000, 0x5000
PT_SIZE = PTE_OFF + (1 << 20) * 8
NX = np.uint64(1 << 63)
PTE_FLAGS = 0x1 | 0x2 | 0x4 | 0x20 | 0x40  # present, writable, user, accessed, dirty
EFER = 0xC0000080
EFER_NXE = 1 << 11
CR0_PG, CR0_PE = 0x80000000, 0x1
CR4_PAE = 0x20
PF, DF = 14, 8

_offset_cache: list[int | None] = []


def _old_exception_offset() -> int | None:
    """Offset of CPUX86State.old_exception from regs[0], found on a probe engine (None: not found)."""
    if _offset_cache:
        return _offset_cache[0]
    _offset_cache.append(None)
    try:
        from unicorn import UC_HOOK_INTR, UC_PROT_ALL  # noqa: PLC0415

        from .cpu import Cpu, _readable_rw  # noqa: PLC0415
        probe = Cpu()
        env = probe.env
        if env is None:
            return None
        span = next((b - env for a, b in _readable_rw() if a <= env < b), 0)
        scan = min(span, 0x8000) & ~3
        if scan < 0x100:
            return None
        uc = probe.uc
        uc.mem_map(0, 0x10000, UC_PROT_ALL)
        uc.mem_write(0x1000, b"\xe8\xfb\x0f\x00\x00\xf4")  # call 0x2000; hlt
        uc.mem_write(0x2000, b"\xc3")  # ret
        tables = np.zeros((PTE_OFF + 16 * 8) // 8, np.uint64)
        tables[:4] = [(PT_BASE + PD_OFF) | 1, 0, 0, 0]
        tables[PD_OFF // 8] = (PT_BASE + PTE_OFF) | 7
        tables[PTE_OFF // 8:] = (np.arange(16, dtype=np.uint64) << np.uint64(12)) | np.uint64(PTE_FLAGS) | NX
        uc.mem_map(PT_BASE, 0x10000, UC_PROT_ALL)
        uc.mem_write(PT_BASE, tables.tobytes())
        before = np.frombuffer(ctypes.string_at(env, scan), np.int32).copy()
        seen: list[int] = []
        cands: list[int] = []

        def intr(uc_: object, intno: int, _ud: object) -> None:
            seen.append(intno)
            if intno not in (PF, DF) or len(seen) > 4:
                uc.emu_stop()
                return
            if not cands:
                now = np.frombuffer(ctypes.string_at(env, scan), np.int32)
                cands.extend(int(k) * 4 for k in np.nonzero((before == -1) & (now == PF))[0])
                if len(cands) != 1:
                    uc.emu_stop()
                    return
            ctypes.c_int32.from_address(env + cands[0]).value = -1
            page = uc.reg_read(X.UC_X86_REG_CR2) >> 12
            pte = PT_BASE + PTE_OFF + page * 8
            (e,) = struct.unpack("<Q", uc.mem_read(pte, 8))
            uc.mem_write(pte, struct.pack("<Q", e & ~(1 << 63)))
            uc.reg_write(X.UC_X86_REG_CR3, PT_BASE)

        uc.hook_add(UC_HOOK_INTR, intr)
        _enable_mmu(uc)
        uc.reg_write(X.UC_X86_REG_ESP, 0x8000)
        uc.emu_start(0x1000, 0x1005)
        ok = seen == [PF, PF] and uc.reg_read(X.UC_X86_REG_EIP) == 0x1005 and len(cands) == 1
        _offset_cache[0] = cands[0] if ok else None
    except Exception:  # noqa: BLE001 - no paging: the guest runs as before
        _offset_cache[0] = None
    return _offset_cache[0]


def _enable_mmu(uc: object) -> None:
    uc.reg_write(X.UC_X86_REG_MSR, (EFER, EFER_NXE))  # type: ignore[attr-defined]
    uc.reg_write(X.UC_X86_REG_CR4, uc.reg_read(X.UC_X86_REG_CR4) | CR4_PAE)  # type: ignore[attr-defined]
    uc.reg_write(X.UC_X86_REG_CR3, PT_BASE)  # type: ignore[attr-defined]
    uc.reg_write(X.UC_X86_REG_CR0, uc.reg_read(X.UC_X86_REG_CR0) | CR0_PG | CR0_PE)  # type: ignore[attr-defined]


class Paging:
    """The identity page tables of one machine and the lazily cleared NX bits."""

    def __init__(self, cpu: "Cpu", mem: "Memory", old_exception: int) -> None:
        self.cpu = cpu
        self.uc = cpu.uc
        assert cpu.env is not None
        self._old_exc = ctypes.c_int32.from_address(cpu.env + old_exception)
        region = mem.map(PT_BASE, PT_SIZE, PAGE_READONLY, tag="page tables")
        tables = np.frombuffer(region.mm, np.uint64)
        tables[:4] = [(PT_BASE + PD_OFF + 0x1000 * i) | 1 for i in range(4)]
        tables[PD_OFF // 8:PD_OFF // 8 + 2048] = (
            (np.uint64(PT_BASE + PTE_OFF) + (np.arange(2048, dtype=np.uint64) << np.uint64(12))) | np.uint64(7))
        self.pte = tables[PTE_OFF // 8:]
        self.pte[:] = (np.arange(1 << 20, dtype=np.uint64) << np.uint64(12)) | np.uint64(PTE_FLAGS) | NX
        _enable_mmu(self.uc)
        mem.uc_window = self.fetchable

    def on_fault(self, intno: int) -> bool:
        """A #PF (or the double fault a #PF became): if it is the first fetch from a no-execute page, make the
        page executable and retry (True); otherwise it is the guest's own fault (False)."""
        self.clear_exception()
        if intno not in (PF, DF):
            return False
        page = self.uc.reg_read(X.UC_X86_REG_CR2) >> 12
        if not int(self.pte[page]) >> 63:
            return False
        self.pte[page] &= ~NX
        self.uc.reg_write(X.UC_X86_REG_CR3, PT_BASE)  # flush the TLB
        return True

    def ensure_exec(self, eip: int) -> None:
        """Make the page at ``eip`` (and the next, for an instruction that crosses) executable."""
        pte = self.pte
        lo = eip >> 12
        if (int(pte[lo]) | int(pte[(lo + 1) & 0xFFFFF])) >> 63:
            pte[lo] &= ~NX
            pte[(lo + 1) & 0xFFFFF] &= ~NX
            self.uc.reg_write(X.UC_X86_REG_CR3, PT_BASE)

    @contextlib.contextmanager
    def fetchable(self, base: int, size: int) -> Iterator[None]:
        """Pages [base, base+size) executable for the duration (Unicorn's map/unmap/protect look up translated
        code there with an instruction fetch; on a no-execute page that fetch faults and Unicorn restarts the
        instruction being run, which from inside an API call means calling the API twice)."""
        lo, hi = base >> 12, (base + size + 0xFFF) >> 12
        saved = self.pte[lo:hi].copy()
        self.pte[lo:hi] &= ~NX
        self.uc.reg_write(X.UC_X86_REG_CR3, PT_BASE)
        try:
            yield
        finally:
            self.pte[lo:hi] = saved
            self.uc.reg_write(X.UC_X86_REG_CR3, PT_BASE)
            self.clear_exception()

    def clear_exception(self) -> None:
        """Forget the exception in flight (QEMU clears it only when it delivers through the IDT)."""
        self._old_exc.value = -1


def enable(cpu: "Cpu", mem: "Memory") -> Paging | None:
    """Turn paging on for this machine (None when disabled or unavailable)."""
    if os.environ.get("EXEPLAY_SLOW_STORES"):
        return None
    off = _old_exception_offset()
    if off is None or cpu.env is None:
        return None
    return Paging(cpu, mem, off)
