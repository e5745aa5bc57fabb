"""Reading PE files (with pefile) and mapping them into guest memory.

Covers what the Windows loader does for a 32-bit image: header checks with one-line errors, section
mapping, base relocations when the preferred base is taken, import descriptors (by name and ordinal),
delay-load descriptors, the TLS directory and the export table (with forwarders).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field

import pefile

from .memory import MEM_IMAGE, PAGE_EXECUTE_READWRITE, Memory, Region


class BadImage(Exception):
    """The file is not a loadable 32-bit Windows program; the message is one line for the user."""


DIRS = [pefile.DIRECTORY_ENTRY[n] for n in ("IMAGE_DIRECTORY_ENTRY_IMPORT", "IMAGE_DIRECTORY_ENTRY_EXPORT",
                                             "IMAGE_DIRECTORY_ENTRY_TLS", "IMAGE_DIRECTORY_ENTRY_BASERELOC",
                                             "IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT")]


@dataclass
class ImportRef:
    dll: str
    name: str | None
    ordinal: int | None
    iat: int  # RVA of the IAT slot
    delay: bool = False


@dataclass
class PEFile:
    path: str
    pe: pefile.PE
    image_base: int
    size: int
    entry_rva: int
    is_dll: bool
    subsystem: int
    stack_reserve: int
    stack_commit: int
    imports: list[ImportRef] = field(default_factory=list)
    dll_order: list[str] = field(default_factory=list)


def open_pe(path: str, data: bytes | None = None) -> PEFile:
    """Parse and validate; raises BadImage with a user-facing message."""
    try:
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        raise BadImage(f"cannot read {path}: {e.strerror}") from None
    if len(data) < 64 or data[:2] != b"MZ":
        raise BadImage(f"{path}: not a Windows program (no MZ header)")
    try:
        pe = pefile.PE(data=data, fast_load=True)
    except pefile.PEFormatError as e:
        raise BadImage(f"{path}: malformed PE file ({e.value})") from None
    except Exception as e:  # noqa: BLE001 - pefile raises assorted errors on garbage
        raise BadImage(f"{path}: malformed PE file ({e})") from None
    fh, oh = pe.FILE_HEADER, pe.OPTIONAL_HEADER
    if oh.Magic == 0x20B or fh.Machine == 0x8664:
        raise BadImage(f"{path}: 64-bit programs are not supported (exeplay runs 32-bit Windows programs)")
    if fh.Machine != 0x14C:
        raise BadImage(f"{path}: unsupported machine type 0x{fh.Machine:x} (not i386)")
    if oh.Magic != 0x10B:
        raise BadImage(f"{path}: malformed PE optional header")
    com = pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR"]
    if len(oh.DATA_DIRECTORY) > com and oh.DATA_DIRECTORY[com].VirtualAddress:
        raise BadImage(f"{path}: .NET programs are not supported")
    try:
        pe.parse_data_directories(directories=DIRS)
    except Exception as e:  # noqa: BLE001
        raise BadImage(f"{path}: malformed PE directories ({e})") from None
    if oh.SizeOfImage == 0 or oh.SizeOfImage > 0x40000000:
        raise BadImage(f"{path}: bad SizeOfImage 0x{oh.SizeOfImage:x}")
    end = max((s.PointerToRawData + s.SizeOfRawData for s in pe.sections if s.SizeOfRawData), default=0)
    slack = max(0x200, min(oh.FileAlignment, 0x1000))
    headers_end = pe.DOS_HEADER.e_lfanew + 24 + fh.SizeOfOptionalHeader + 40 * fh.NumberOfSections
    if headers_end > len(data):
        raise BadImage(f"{path}: file is truncated ({len(data)} bytes, headers need {headers_end})")
    if end > len(data) + slack and pe.sections:
        raise BadImage(f"{path}: file is truncated ({len(data)} bytes, sections need {end})")
    pf = PEFile(path=path, pe=pe, image_base=oh.ImageBase, size=oh.SizeOfImage, entry_rva=oh.AddressOfEntryPoint,
                is_dll=bool(fh.Characteristics & 0x2000), subsystem=oh.Subsystem,
                stack_reserve=oh.SizeOfStackReserve or 0x100000, stack_commit=oh.SizeOfStackCommit)
    for desc in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
        dll = desc.dll.decode("latin-1")
        pf.dll_order.append(dll)
        for imp in desc.imports:
            pf.imports.append(ImportRef(dll, imp.name.decode("latin-1") if imp.name else None,
                                        None if imp.name else imp.ordinal, imp.address - oh.ImageBase))
    for desc in getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", []):
        dll = desc.dll.decode("latin-1")
        pf.dll_order.append(dll)
        for imp in desc.imports:
            pf.imports.append(ImportRef(dll, imp.name.decode("latin-1") if imp.name else None,
                                        None if imp.name else imp.ordinal, imp.address - oh.ImageBase, delay=True))
    return pf


def map_image(mem: Memory, pf: PEFile, tag: str) -> tuple[Region, int]:
    """Map the image at its preferred base, or elsewhere with relocations; returns (region, base)."""
    pe = pf.pe
    base = pf.image_base
    if base % 0x10000 or base < 0x10000 or base + pf.size > 0x7FFE0000 or not mem.is_free(base, pf.size):
        has_relocs = hasattr(pe, "DIRECTORY_ENTRY_BASERELOC")
        if not has_relocs or pe.FILE_HEADER.Characteristics & 0x1:
            raise BadImage(f"{pf.path}: preferred base 0x{base:x} is taken and the image has no relocations")
        base = mem.find_free(pf.size, lo=0x400000)
    region = mem.map(base, pf.size, PAGE_EXECUTE_READWRITE, kind=MEM_IMAGE, tag=tag)
    data = pe.__data__
    hdr = min(pe.OPTIONAL_HEADER.SizeOfHeaders, len(data), pf.size)
    region.mm[0:hdr] = bytes(data[:hdr])
    for s in pe.sections:
        va = s.VirtualAddress
        ptr = s.PointerToRawData & ~0x1FF if pe.OPTIONAL_HEADER.FileAlignment >= 0x200 else s.PointerToRawData
        vsize = (s.Misc_VirtualSize + 0xFFF) & ~0xFFF if s.Misc_VirtualSize else s.SizeOfRawData
        raw = bytes(data[ptr:ptr + min(s.SizeOfRawData, vsize)])
        raw = raw[:max(0, pf.size - va)]
        region.mm[va:va + len(raw)] = raw
    if base != pf.image_base:
        _relocate(region, pe, base - pf.image_base)
        # ImageBase in the mapped header reflects the new base, as on Windows.
        off = pe.DOS_HEADER.e_lfanew + 4 + 20 + 28
        struct.pack_into("<I", region.mm, off, base)
    return region, base


def _relocate(region: Region, pe: pefile.PE, delta: int) -> None:
    mm = region.mm
    for block in getattr(pe, "DIRECTORY_ENTRY_BASERELOC", []):
        for e in block.entries:
            if e.type == 3:  # HIGHLOW
                rva = e.rva
                v = struct.unpack_from("<I", mm, rva)[0]
                struct.pack_into("<I", mm, rva, (v + delta) & 0xFFFFFFFF)
            elif e.type == 0:
                continue
            elif e.type == 1:
                v = struct.unpack_from("<H", mm, e.rva)[0]
                struct.pack_into("<H", mm, e.rva, (v + ((delta >> 16) & 0xFFFF)) & 0xFFFF)
            elif e.type == 2:
                v = struct.unpack_from("<H", mm, e.rva)[0]
                struct.pack_into("<H", mm, e.rva, (v + delta) & 0xFFFF)


def parse_exports(mem: Memory, base: int) -> tuple[dict[str, int], dict[int, int], dict[str, str], dict[int, str]]:
    """Read the export directory of a mapped image: (by name, by ordinal, forwarders by name/ordinal)."""
    e_lfanew = mem.u32(base + 0x3C)
    opt = base + e_lfanew + 24
    exp_rva, exp_size = mem.unpack("<II", opt + 96)
    names: dict[str, int] = {}
    ords: dict[int, int] = {}
    fwd_n: dict[str, str] = {}
    fwd_o: dict[int, str] = {}
    if not exp_rva:
        return names, ords, fwd_n, fwd_o
    (_, _, _, _, _, obase, nfun, nnames, aof, aon, aoo) = mem.unpack("<IIHHIIIIIII", base + exp_rva)
    funcs = mem.unpack(f"<{nfun}I", base + aof) if nfun else ()
    for i, rva in enumerate(funcs):
        if not rva:
            continue
        if exp_rva <= rva < exp_rva + exp_size:
            fwd_o[obase + i] = mem.cstr(base + rva, "latin-1")
        else:
            ords[obase + i] = base + rva
    if nnames:
        nrvas = mem.unpack(f"<{nnames}I", base + aon)
        idxs = mem.unpack(f"<{nnames}H", base + aoo)
        for nrva, idx in zip(nrvas, idxs):
            n = mem.cstr(base + nrva, "latin-1")
            if obase + idx in fwd_o:
                fwd_n[n] = fwd_o[obase + idx]
            elif obase + idx in ords:
                names[n] = ords[obase + idx]
    return names, ords, fwd_n, fwd_o


def tls_info(pf: PEFile, base: int) -> tuple[int, int, int, int, int] | None:
    """(raw data start VA, raw data end VA, index VA, callbacks VA, zero fill) relocated to ``base``."""
    tls = getattr(pf.pe, "DIRECTORY_ENTRY_TLS", None)
    if tls is None:
        return None
    s = tls.struct
    d = base - pf.image_base
    fix = (lambda v: (v + d) & 0xFFFFFFFF if v else 0)
    return (fix(s.StartAddressOfRawData), fix(s.EndAddressOfRawData), fix(s.AddressOfIndex),
            fix(s.AddressOfCallBacks), s.SizeOfZeroFill)
