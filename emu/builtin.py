"""Built-in DLLs as genuine PE images in guest memory.

Each DLL that has declared functions becomes a small PE image at a fixed base: DOS and NT headers, one
section holding the trap stubs (``ret N`` per Python-implemented function: a code hook limited to the
stub range turns execution of a stub into a call of the Python function, then the ``ret N`` runs
natively), native x86 functions, exported data, and a real export directory. Programs that walk
PEB->Ldr and parse export tables (packers, 4 KB intros) find everything by name or ordinal.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .api import DATA_EXPORTS, DET_OVERRIDES, FORWARDS, REGISTRY, ApiFunc

if TYPE_CHECKING:
    pass

# Fixed bases, close to Windows XP's so addresses in traces look familiar.
BASES: dict[str, int] = {
    "ntdll": 0x7C900000, "kernel32": 0x7C800000, "msvcrt": 0x77C10000, "ucrtbase": 0x7A000000,
    "advapi32": 0x77DD0000, "user32": 0x7E410000, "gdi32": 0x77F10000, "oleaut32": 0x77120000,
    "ole32": 0x774E0000, "shell32": 0x7C9C0000, "winmm": 0x76B40000, "ddraw": 0x73760000,
    "dsound": 0x73F10000, "dinput": 0x7C0A0000, "comctl32": 0x773D0000, "version": 0x77C00000,
    "ws2_32": 0x71AB0000, "comdlg32": 0x763B0000, "shlwapi": 0x77F60000, "imm32": 0x76390000,
    "msimg32": 0x76380000, "dinput8": 0x6C9A0000,
}
STUB = 4  # bytes per trap stub
DETERMINISTIC = False  # set for --deterministic runs: native clock readers are replaced by Python twins
HEADERS = 0x400
TEXT_RVA = 0x1000


@dataclass
class BuiltinImage:
    dll: str
    base: int
    size: int
    data: bytearray
    stubs: dict[int, ApiFunc] = field(default_factory=dict)  # address -> function
    exports: dict[str, int] = field(default_factory=dict)  # name -> address
    ordinals: dict[int, int] = field(default_factory=dict)  # ordinal -> address
    stub_lo: int = 0
    stub_hi: int = 0
    data_inits: list[tuple[int, object]] = field(default_factory=list)
    forwards: dict[str, str] = field(default_factory=dict)  # name -> "dll.name"
    fwd_ords: dict[int, str] = field(default_factory=dict)


def _align(v: int, a: int) -> int:
    return (v + a - 1) & ~(a - 1)


_SYM = re.compile(r"\{(stub|data|export):([A-Za-z0-9_@?$]+)\}")


def build(dll: str, base: int, assemble: "callable") -> BuiltinImage:  # type: ignore[valid-type]
    """Lay out and encode the image for ``dll`` at ``base``."""
    funcs = REGISTRY.get(dll, {})
    if DETERMINISTIC and dll in DET_OVERRIDES:
        funcs = {**funcs, **DET_OVERRIDES[dll]}
    datas = DATA_EXPORTS.get(dll, {})
    py = sorted((f for f in funcs.values() if f.fn is not None), key=lambda f: f.name)
    nat = sorted((f for f in funcs.values() if f.native_asm is not None), key=lambda f: f.name)

    img = BuiltinImage(dll, base, 0, bytearray())
    # 1. stubs
    text = bytearray()
    addr_of: dict[str, int] = {}
    for f in py:
        a = base + TEXT_RVA + len(text)
        stub = b"\xc2" + struct.pack("<H", f.argbytes) if f.argbytes else b"\xc3"
        text += stub.ljust(STUB, b"\xcc")
        img.stubs[a] = f
        addr_of[f.name] = a
    img.stub_lo = base + TEXT_RVA
    img.stub_hi = base + TEXT_RVA + len(text) - 1
    # 2. data exports (8-byte aligned)
    text += b"\0" * (_align(len(text), 16) - len(text))
    data_addr: dict[str, int] = {}
    for name, (size, init) in sorted(datas.items()):
        a = base + TEXT_RVA + len(text)
        data_addr[name] = a
        addr_of[name] = a
        img.data_inits.append((a, init))
        text += b"\0" * _align(size, 8)
    # 3. native functions
    for f in nat:
        text += b"\xcc" * (_align(len(text), 16) - len(text))
        a = base + TEXT_RVA + len(text)

        def sub(mo: re.Match[str]) -> str:
            kind, sym = mo.group(1), mo.group(2)
            table = data_addr if kind == "data" else addr_of
            if sym not in table:
                raise KeyError(f"{dll}!{f.name}: unknown {kind} symbol {sym}")
            return hex(table[sym])

        code = assemble(_SYM.sub(sub, f.native_asm or ""), a)
        addr_of[f.name] = a
        text += code
    # 4. export directory
    text += b"\0" * (_align(len(text), 4) - len(text))
    exp_rva = TEXT_RVA + len(text)
    fwds = {n: t for n, t in FORWARDS.get(dll, {}).items() if n not in addr_of}
    names = sorted(list(addr_of) + list(fwds), key=lambda s: s.encode())
    explicit = {f.ordinal: f.name for f in funcs.values() if f.ordinal is not None}
    ord_of: dict[str, int] = {v: k for k, v in explicit.items()}
    nxt = max(explicit, default=0) + 1
    for n in names:
        if n not in ord_of:
            ord_of[n] = nxt
            nxt += 1
    nfuncs = max(ord_of.values(), default=0)
    dllname = (dll + ".dll").encode() + b"\0"
    hdr = 40
    eat = exp_rva + hdr
    npt = eat + 4 * nfuncs
    ordt = npt + 4 * len(names)
    strs = ordt + 2 * len(names)
    strblob = bytearray(dllname)
    name_rvas = []
    for n in names:
        name_rvas.append(strs + len(strblob))
        strblob += n.encode() + b"\0"
    funcs_arr = [0] * nfuncs
    for n, o in ord_of.items():
        if n in fwds:  # a forwarder's address is its "DLL.name" string inside the export directory
            funcs_arr[o - 1] = strs + len(strblob)
            strblob += fwds[n].encode() + b"\0"
            img.forwards[n] = fwds[n]
            img.fwd_ords[o] = fwds[n]
            continue
        funcs_arr[o - 1] = addr_of[n] - base
        img.ordinals[o] = addr_of[n]
    exp = struct.pack("<IIHHIIIIIII", 0, 0, 0, 0, strs, 1, nfuncs, len(names), eat, npt, ordt)
    exp += struct.pack(f"<{nfuncs}I", *funcs_arr)
    exp += struct.pack(f"<{len(names)}I", *name_rvas)
    exp += struct.pack(f"<{len(names)}H", *(ord_of[n] - 1 for n in names))
    exp += strblob
    exp_size = len(exp)
    text += exp
    img.exports = {n: addr_of[n] for n in names if n in addr_of}
    # 5. headers
    vsize = len(text)
    size = _align(TEXT_RVA + vsize, 0x10000)
    dos = bytearray(0x40)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x40)
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x14C, 1, 0, 0, 0, 0xE0, 0x2102)
    opt = struct.pack("<HBBIIIIIIIIIHHHHHHIIIIHHIIIIII",
                      0x10B, 6, 0, vsize, 0, 0, 0, TEXT_RVA, TEXT_RVA, base, 0x1000, 0x200,
                      5, 1, 5, 1, 4, 0, 0, size, HEADERS, 0, 3, 0, 0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    dirs = [(0, 0)] * 16
    dirs[0] = (exp_rva, exp_size)
    opt += b"".join(struct.pack("<II", *d) for d in dirs)
    sect = struct.pack("<8sIIIIIIHHI", b".text", vsize, TEXT_RVA, _align(vsize, 0x200), HEADERS, 0, 0, 0, 0,
                       0xE0000060)
    head = bytes(dos) + coff + opt + sect
    data = bytearray(size)
    data[:len(head)] = head
    data[TEXT_RVA:TEXT_RVA + vsize] = text
    img.data = data
    img.size = size
    return img
