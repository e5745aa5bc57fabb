"""``exeplay info``: a PE summary and the imports grouped by DLL, each marked implemented or missing."""
from __future__ import annotations

import os

from .api import DATA_EXPORTS, FORWARDS, REGISTRY
from .pe import open_pe
from .process import ALIASES, apiset_host, dll_key

SUBSYSTEMS = {1: "native", 2: "Windows GUI", 3: "Windows console", 9: "Windows CE GUI"}


def _forwarded(dll: str, name: str, depth: int = 0) -> bool:
    """Whether ``dll!name`` is a PE forwarder to an implemented function."""
    target = FORWARDS.get(dll, {}).get(name)
    if target is None or depth > 4:
        return False
    tdll, _, tname = target.partition(".")
    return tname in REGISTRY.get(tdll, {}) or tname in DATA_EXPORTS.get(tdll, {}) or _forwarded(tdll, tname, depth + 1)


def describe(path: str) -> str:
    pf = open_pe(path)
    pe = pf.pe
    sections = ", ".join(s.Name.rstrip(b"\0").decode("latin-1") for s in pe.sections)
    lines = [f"{os.path.basename(path)}: PE32 {'DLL' if pf.is_dll else 'executable'} for i386, "
             f"{SUBSYSTEMS.get(pf.subsystem, f'subsystem {pf.subsystem}')}",
             f"  image base 0x{pf.image_base:08x}, size 0x{pf.size:x}, "
             f"entry point 0x{pf.image_base + pf.entry_rva:08x}",
             f"  sections: {sections}",
             f"  stack reserve 0x{pf.stack_reserve:x}, relocations: "
             f"{'yes' if hasattr(pe, 'DIRECTORY_ENTRY_BASERELOC') else 'no'}, "
             f"TLS: {'yes' if hasattr(pe, 'DIRECTORY_ENTRY_TLS') else 'no'}"]
    total = ok = 0
    by_dll: dict[str, list[tuple[str, bool | None]]] = {}
    order: list[str] = []
    here = os.path.dirname(os.path.abspath(path))
    local = {f.lower() for f in os.listdir(here)}
    for ref in pf.imports:
        if ref.dll not in by_dll:
            by_dll[ref.dll] = []
            order.append(ref.dll)
        key = dll_key(ref.dll)
        key = apiset_host(key) or ALIASES.get(key, key)
        name = ref.name if ref.name is not None else f"#{ref.ordinal}"
        if ref.dll.lower() in local or (ref.dll.lower() + ".dll") in local:
            by_dll[ref.dll].append((name, None))
            continue
        table = REGISTRY.get(key, {})
        if ref.name is not None:
            impl = ref.name in table or ref.name in DATA_EXPORTS.get(key, {}) or _forwarded(key, ref.name)
        else:
            impl = any(f.ordinal == ref.ordinal for f in table.values())
        by_dll[ref.dll].append((name, impl))
    lines.append("imports:")
    for dll in order:
        entries = by_dll[dll]
        if all(v is None for _, v in entries):
            lines.append(f"  {dll} (the program's own DLL, {len(entries)} functions)")
            continue
        n_ok = sum(1 for _, v in entries if v)
        lines.append(f"  {dll}: {n_ok}/{len(entries)} implemented")
        for name, v in entries:
            total += 1
            ok += bool(v)
            lines.append(f"    {'ok     ' if v else 'MISSING'} {name}")
    lines.append(f"{ok} of {total} imported functions implemented, {total - ok} missing")
    return "\n".join(lines) + "\n"
