"""Unicorn 2.1.4 guest stores with and without exeplay's paging (emu/paging.py), on a bare engine.

A loop of 4 dword stores to a data page (10M iterations), run with paging off (every page executable: stores take
QEMU's slow "not dirty" path) and with PAE identity paging whose data page is no-execute (stores take the fast
path). Prints nanoseconds per iteration. Usage: ``.venv/bin/python bench/unicorn_stores.py``.
"""
from __future__ import annotations

import time

import numpy as np
from unicorn import UC_ARCH_X86, UC_MODE_32, UC_PROT_ALL, Uc
from unicorn import x86_const as X

PT = 0xF0000000
N = 10_000_000
# mov ecx, N; loop: mov [esi],ecx; mov [esi+4],ecx; mov [esi+8],ecx; mov [esi+12],ecx; dec ecx; jnz loop; hlt
CODE = (b"\xb9" + N.to_bytes(4, "little") + b"\x89\x0e\x89\x4e\x04\x89\x4e\x08\x89\x4e\x0c\x49\x75\xf2\xf4")


def run(paging: bool) -> float:
    uc = Uc(UC_ARCH_X86, UC_MODE_32)
    uc.mem_map(0, 0x10000, UC_PROT_ALL)
    uc.mem_map(0x400000, 0x10000, UC_PROT_ALL)
    uc.mem_write(0x1000, CODE)
    uc.reg_write(X.UC_X86_REG_ESI, 0x400000)
    if paging:
        uc.mem_map(PT, 0x5000 + (1 << 20) * 8, UC_PROT_ALL)
        uc.mem_write(PT, np.array([(PT + 0x1000 * (i + 1)) | 1 for i in range(4)], np.uint64).tobytes())
        pd = (np.uint64(PT + 0x5000) + (np.arange(2048, dtype=np.uint64) << np.uint64(12))) | np.uint64(7)
        uc.mem_write(PT + 0x1000, pd.tobytes())
        pte = (np.arange(1 << 20, dtype=np.uint64) << np.uint64(12)) | np.uint64(0x67)
        pte[0x400:0x600] |= np.uint64(1 << 63)  # the data pages: no-execute
        uc.mem_write(PT + 0x5000, pte.tobytes())
        uc.reg_write(X.UC_X86_REG_MSR, (0xC0000080, 1 << 11))
        uc.reg_write(X.UC_X86_REG_CR4, uc.reg_read(X.UC_X86_REG_CR4) | 0x20)
        uc.reg_write(X.UC_X86_REG_CR3, PT)
        uc.reg_write(X.UC_X86_REG_CR0, uc.reg_read(X.UC_X86_REG_CR0) | 0x80000001)
    t = time.perf_counter()
    uc.emu_start(0x1000, 0x1000 + len(CODE) - 1)
    dt = time.perf_counter() - t
    assert uc.reg_read(X.UC_X86_REG_ECX) == 0
    return dt / N * 1e9


if __name__ == "__main__":
    print(f"4 stores per iteration, paging off: {run(False):6.1f} ns")
    print(f"4 stores per iteration, paging on (data page NX): {run(True):6.1f} ns")
