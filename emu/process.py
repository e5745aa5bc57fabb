"""The guest process: modules (loader), PEB/TEB structures, threads, command line and environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import builtin, pe
from .api import REGISTRY
from .cpu import ESP, FS
from .memory import PAGE, PAGE_NOACCESS, PAGE_READWRITE, Region
from .threads import Thread

if TYPE_CHECKING:
    from .machine import Machine

PEB_ADDR = 0x7FFDF000
SYSTEM_DIR = "C:\\WINDOWS\\system32"

# API-set contract DLLs resolve to their host DLL, as the Windows loader does.
def apiset_host(name: str) -> str | None:
    n = name.lower()
    if n.endswith(".dll"):
        n = n[:-4]
    if n.startswith("api-ms-win-crt-"):
        return "ucrtbase"
    if n.startswith("api-ms-win-core-") or n.startswith("ext-ms-win-"):
        return "kernel32"
    return None


ALIASES = {"msvcrt40": "msvcrt", "msvcr70": "msvcrt", "msvcr71": "msvcrt", "crtdll": "msvcrt",
           "kernelbase": "kernel32"}


def dll_key(name: str) -> str:
    """Normalised module key: lower-case base name without .dll ('KERNEL32.DLL' -> 'kernel32')."""
    n = name.replace("/", "\\").split("\\")[-1].lower()
    if n.endswith(".dll"):
        n = n[:-4]
    return n


@dataclass(eq=False)
class Module:
    name: str  # file name as Windows reports it, e.g. "kernel32.dll"
    key: str
    path: str  # guest path
    base: int
    size: int
    entry: int = 0
    host_path: str | None = None
    builtin: builtin.BuiltinImage | None = None
    pf: pe.PEFile | None = None
    exports: dict[str, int] = field(default_factory=dict)
    ordinals: dict[int, int] = field(default_factory=dict)
    fwd_names: dict[str, str] = field(default_factory=dict)
    fwd_ords: dict[int, str] = field(default_factory=dict)
    refcount: int = 1
    ldr: int = 0
    tls_index: int = -1
    tls_template: tuple[int, int, int] | None = None  # (start, end, zerofill)
    tls_callbacks: int = 0
    initialized: bool = False
    thread_calls: bool = True  # DllMain gets DLL_THREAD_ATTACH/DETACH (DisableThreadLibraryCalls clears it)
    region: Region | None = None
    deps: list["Module"] = field(default_factory=list)


class LoadError(Exception):
    """A module could not be loaded; the message is one line."""


class Process:
    def __init__(self, m: "Machine") -> None:
        self.m = m
        self.modules: list[Module] = []
        self.by_key: dict[str, Module] = {}
        self.exe: Module | None = None
        self.pid = 0x2A0
        self.cmdline = ""
        self.env: dict[str, str] = {}
        self._static = m.mem.alloc(0x100000, PAGE_READWRITE, top_down=True, tag="loader data")
        self._static_used = 0
        self.peb = PEB_ADDR
        m.mem.map(PEB_ADDR, 0x1000, PAGE_READWRITE, tag="PEB")
        self.tls_modules: list[Module] = []
        self.init_order: list[Module] = []  # program DLLs in DllMain attach order
        self.detaching = False
        self.ldr = self.alloc_static(0x30)
        for off in (0x0C, 0x14, 0x1C):  # empty circular lists
            m.mem.pack("<II", self.ldr + off, self.ldr + off, self.ldr + off)
        m.mem.pack("<II", self.ldr, 0x30, 1)
        self.params = self.alloc_static(0x300)
        self.assembler = None
        self._load_builtin("ntdll")
        self._load_builtin("kernel32")

    # ---- static allocations for loader structures ---------------------------------------------
    def alloc_static(self, size: int) -> int:
        a = self._static.base + self._static_used
        self._static_used += (size + 15) & ~15
        if self._static_used > self._static.size:
            raise MemoryError("loader data area exhausted")
        return a

    def static_wstr(self, s: str) -> int:
        b = s.encode("utf-16-le") + b"\0\0"
        a = self.alloc_static(len(b))
        self.m.mem.write(a, b)
        return a

    def static_cstr(self, s: str | bytes) -> int:
        b = (s.encode(self.m.ansi, "replace") if isinstance(s, str) else s) + b"\0"
        a = self.alloc_static(len(b))
        self.m.mem.write(a, b)
        return a

    def unicode_string(self, addr: int, s: str) -> None:
        buf = self.static_wstr(s)
        n = len(s.encode("utf-16-le"))
        self.m.mem.pack("<HHI", addr, n, n + 2, buf)

    # ---- modules -----------------------------------------------------------------------------
    def _assemble(self, asm: str, addr: int) -> bytes:
        if self.assembler is None:
            from keystone import KS_ARCH_X86, KS_MODE_32, Ks  # noqa: PLC0415
            self.assembler = Ks(KS_ARCH_X86, KS_MODE_32)
        enc, _ = self.assembler.asm(asm, addr)
        return bytes(enc or b"")

    def _load_builtin(self, key: str) -> Module:
        base = builtin.BASES.get(key)
        if base is None or not self.m.mem.is_free(base, 0x10000):
            base = self.m.mem.find_free(0x40000, lo=0x70000000, hi=0x7F000000)
        img = builtin.build(key, base, self._assemble)
        region = self.m.mem.map(base, img.size, 0x40, kind=0x1000000, tag=key)
        region.mm[:img.size] = bytes(img.data)
        name = key + ".dll"
        mod = Module(name=name, key=key, path=f"{SYSTEM_DIR}\\{name}", base=base, size=img.size, builtin=img,
                     exports=dict(img.exports), ordinals=dict(img.ordinals), fwd_names=dict(img.forwards),
                     fwd_ords=dict(img.fwd_ords), region=region, initialized=True)
        self.m.add_stub_range(img.stubs, img.stub_lo, img.stub_hi)
        for addr, init in img.data_inits:
            if init is not None:
                init(self.m, addr)  # type: ignore[operator]
        self._register(mod)
        return mod

    def _register(self, mod: Module) -> None:
        self.modules.append(mod)
        self.by_key[mod.key] = mod
        mod.ldr = self._ldr_entry(mod)

    def _ldr_entry(self, mod: Module) -> int:
        mem = self.m.mem
        e = self.alloc_static(0x50)
        mem.pack("<III", e + 0x18, mod.base, mod.entry, mod.size)
        self.unicode_string(e + 0x24, mod.path)
        self.unicode_string(e + 0x2C, mod.name)
        mem.pack("<IH", e + 0x34, 0x4 if mod.key != "exe" else 0, 0xFFFF if mod.builtin else 1)
        lists = [(0x0C, 0x00), (0x14, 0x08)]
        if mod is not self.exe:
            lists.append((0x1C, 0x10))
        else:
            mem.pack("<II", e + 0x10, 0, 0)
        for head_off, link_off in lists:
            head = self.ldr + head_off
            node = e + link_off
            if mod is self.exe:  # the exe is always first in load and memory order
                first = mem.u32(head)
                mem.pack("<II", node, first, head)  # Flink = old first, Blink = head
                mem.w32(first + 4, node)
                mem.w32(head, node)
                continue
            last = mem.u32(head + 4)
            mem.pack("<II", node, head, last)  # Flink = head, Blink = old last
            mem.w32(last, node)
            mem.w32(head + 4, node)
        return e

    def unload(self, mod: Module) -> None:
        """Remove a program DLL whose last reference is gone: unlink it from PEB->Ldr and unmap it."""
        mem = self.m.mem
        for link_off in (0x00, 0x08, 0x10):
            node = mod.ldr + link_off
            flink, blink = mem.unpack("<II", node)
            if flink and blink:
                mem.w32(blink, flink)
                mem.w32(flink + 4, blink)
        self.modules.remove(mod)
        if self.by_key.get(mod.key) is mod:
            del self.by_key[mod.key]
        if mod in self.tls_modules:
            self.tls_modules.remove(mod)
        if mod.region is not None:
            mem.unmap(mod.region)

    def find_module(self, name: str) -> Module | None:
        key = dll_key(name)
        key = apiset_host(key) or ALIASES.get(key, key)
        if self.exe is not None and key == dll_key(self.exe.name):
            return self.exe
        return self.by_key.get(key)

    def module_at(self, addr: int) -> Module | None:
        for mod in self.modules:
            if mod.base <= addr < mod.base + mod.size:
                return mod
        return None

    def export_addr(self, dll: str, name: str) -> int:
        """The address of a built-in DLL's export; the DLL is loaded first if the program has not loaded it (the
        audio thread's winmm code when MessageBeep plays a sound in a program that never imported winmm)."""
        mod = self.by_key.get(dll) or self.load_library(dll)
        return mod.exports[name]

    def program_dir_host(self) -> str:
        return os.path.dirname(self.exe.host_path) if self.exe and self.exe.host_path else os.getcwd()

    def _find_dll_file(self, name: str) -> str | None:
        """A path (absolute or relative) is opened through the guest file system; a bare name is searched in the
        program's folder, then the guest's current directory (case-insensitive)."""
        norm = name.replace("/", "\\")
        base = norm.split("\\")[-1]
        if "." not in base:
            base += ".dll"
        fs = getattr(self.m, "fs", None)
        if "\\" in norm or ":" in norm:
            if fs is None:
                return None
            guest = norm if "." in norm.split("\\")[-1] else norm + ".dll"
            try:
                host = fs.host_path(guest)
            except Exception:  # noqa: BLE001 - outside the exposed folders or malformed: not found
                return None
            return host if os.path.isfile(host) else None
        dirs = [self.program_dir_host()]
        if fs is not None:
            try:
                dirs.append(fs.host_path(fs.getcwd()))
            except Exception:  # noqa: BLE001
                pass
        for d in dirs:
            p = os.path.join(d, base)
            if os.path.isfile(p):
                return p
            try:
                for f in os.listdir(d):
                    if f.lower() == base.lower() and os.path.isfile(os.path.join(d, f)):
                        return os.path.join(d, f)
            except OSError:
                pass
        return None

    def load_library(self, name: str, *, init: bool = True) -> Module:
        """LoadLibrary semantics: an already-loaded module gains a reference; a file in the program's
        folder is loaded as a real DLL; otherwise a built-in DLL. Raises LoadError."""
        mod = self.find_module(name)
        if mod is not None:
            mod.refcount += 1
            return mod
        key = dll_key(name)
        key = apiset_host(key) or ALIASES.get(key, key)
        path = None
        if key not in ("ntdll", "kernel32"):
            path = self._find_dll_file(name)
        if path is not None:
            mod = self.load_pe(path, is_exe=False)
            if init:
                self.init_modules()
            return mod
        if key in REGISTRY or key in builtin.BASES:
            # A known system DLL: built in, even if few of its functions are implemented yet; calls to
            # the missing ones stop the run when (and only when) they happen.
            return self._load_builtin(key)
        raise LoadError(f"missing DLL: {name} (not built into exeplay and not found next to the program)")

    def load_pe(self, host_path: str, is_exe: bool) -> Module:
        m = self.m
        pf = pe.open_pe(host_path)
        if is_exe and pf.is_dll:
            raise pe.BadImage(f"{host_path}: is a DLL, not a program")
        name = os.path.basename(host_path)
        region, base = pe.map_image(m.mem, pf, name)
        mod = Module(name=name, key="exe" if is_exe else dll_key(name),
                     path=m.fs.guest_path(host_path), base=base, size=pf.size,
                     entry=(base + pf.entry_rva) if pf.entry_rva else 0, host_path=host_path, pf=pf, region=region)
        if is_exe:
            self.exe = mod
        self._register(mod)
        names, ords, fn, fo = pe.parse_exports(m.mem, base)
        mod.exports, mod.ordinals, mod.fwd_names, mod.fwd_ords = names, ords, fn, fo
        tls = pe.tls_info(pf, base)
        if tls is not None:
            start, end, index_va, cbs, zf = tls
            mod.tls_index = len(self.tls_modules)
            self.tls_modules.append(mod)
            mod.tls_template = (start, end, zf)
            mod.tls_callbacks = cbs
            if index_va:
                m.mem.w32(index_va, mod.tls_index)
        self._bind_imports(mod, pf, base)
        return mod

    def _bind_imports(self, mod: Module, pf: pe.PEFile, base: int) -> None:
        m = self.m
        cache: dict[str, Module] = {}
        for ref in pf.imports:
            k = ref.dll.lower()
            dep = cache.get(k)
            if dep is None:
                dep = self.load_library(ref.dll, init=False)
                cache[k] = dep
                if dep not in mod.deps:
                    mod.deps.append(dep)
            addr = self.resolve_export(dep, ref.name, ref.ordinal)
            if addr is None:
                what = ref.name if ref.name is not None else f"#{ref.ordinal}"
                addr = m.missing_stub(dep.name.rsplit(".", 1)[0].lower(), what)
            m.mem.w32(base + ref.iat, addr)

    def resolve_export(self, mod: Module, name: str | None, ordinal: int | None, depth: int = 0) -> int | None:
        """GetProcAddress semantics, following forwarders ('NTDLL.RtlAllocateHeap')."""
        if name is not None:
            a = mod.exports.get(name)
            fwd = mod.fwd_names.get(name)
        else:
            a = mod.ordinals.get(ordinal or 0)
            fwd = mod.fwd_ords.get(ordinal or 0)
        if a is not None:
            return a
        if fwd and depth < 8:
            dll, _, sym = fwd.partition(".")
            try:
                target = self.load_library(dll, init=False)
            except LoadError:
                return None
            if sym.startswith("#"):
                return self.resolve_export(target, None, int(sym[1:]), depth + 1)
            return self.resolve_export(target, sym, None, depth + 1)
        return None

    # ---- startup -----------------------------------------------------------------------------
    def setup(self, host_exe: str, args: list[str]) -> None:
        """Load the program and build the PEB; the main thread is created but not started."""
        m = self.m
        exe = self.load_pe(host_exe, is_exe=True)
        guest = exe.path
        quoted = f'"{guest}"' if " " in guest else guest
        self.cmdline = " ".join([quoted] + [quote_arg(a) for a in args])
        mem = m.mem
        mem.pack("<I", self.peb + 0x08, exe.base)
        mem.pack("<II", self.peb + 0x0C, self.ldr, self.params)
        mem.pack("<I", self.peb + 0x64, 1)
        mem.pack("<IIHHI", self.peb + 0xA4, 5, 1, 2600, 0x0200, 2)
        pp = self.params
        mem.pack("<II", pp, 0x300, 0x300)
        self.unicode_string(pp + 0x24, m.fs.getcwd())
        self.unicode_string(pp + 0x38, guest)
        self.unicode_string(pp + 0x40, self.cmdline)
        pf = exe.pf
        assert pf is not None
        self.main = self.create_thread(exe.entry, 0, pf.stack_reserve, main=True)

    def init_modules(self, static: bool = False) -> None:
        """Run TLS callbacks and DllMain(DLL_PROCESS_ATTACH) for loaded DLLs not yet initialised,
        dependencies first (must run on the CPU thread). ``static``: the load-time DLLs, whose
        lpReserved is non-NULL as on Windows."""
        order: list[Module] = []
        seen: set[int] = set()

        def visit(mod: Module) -> None:
            if id(mod) in seen:
                return
            seen.add(id(mod))
            for d in mod.deps:
                visit(d)
            order.append(mod)

        for mod in list(self.modules):
            visit(mod)
        for mod in order:
            if mod.initialized or mod is self.exe:
                continue
            mod.initialized = True
            self.init_order.append(mod)
            self._ensure_thread_tls()
            self._tls_callbacks(mod, 1, static)
            if mod.entry:
                ok = self.m.call(mod.entry, mod.base, 1, int(static))
                if not ok:
                    raise LoadError(f"{mod.name}: DllMain failed during process attach")

    def _tls_callbacks(self, mod: Module, reason: int, reserved: bool = False) -> None:
        if not mod.tls_callbacks:
            return
        a = mod.tls_callbacks
        for _ in range(64):
            cb = self.m.mem.u32(a)
            if not cb:
                break
            self.m.call(cb, mod.base, reason, int(reserved))
            a += 4

    def process_detach(self) -> None:
        """At process exit, on the exiting thread: the exe's TLS callbacks, then DllMain(DLL_PROCESS_DETACH,
        lpReserved non-NULL) of the program's DLLs in reverse initialisation order. Runs once."""
        if self.detaching or self.m.thread is None:
            return
        self.detaching = True
        if self.exe is not None:
            self._tls_callbacks(self.exe, 0, True)
        for mod in reversed(self.init_order):
            if mod.initialized and mod.entry and mod in self.modules:
                mod.initialized = False
                self._tls_callbacks(mod, 0, True)
                self.m.call(mod.entry, mod.base, 0, 1)

    def start(self) -> None:
        """Runs first on the CPU thread: initialise DLLs and TLS, then the main thread proceeds."""
        m = self.m
        t = self.main
        m.thread = t
        m.cpu.set_reg(ESP, t.start_esp)
        m.uc.reg_write(FS, t.fs_sel)
        self.fpu_init()
        self.init_modules(static=True)
        self._ensure_thread_tls()
        if self.exe is not None:
            self._tls_callbacks(self.exe, 1, True)
        t.ctx = None

    def fpu_init(self) -> None:
        from unicorn import x86_const as X  # noqa: PLC0415
        self.m.uc.reg_write(X.UC_X86_REG_FPCW, 0x27F)
        self.m.uc.reg_write(X.UC_X86_REG_MXCSR, 0x1F80)

    # ---- threads -----------------------------------------------------------------------------
    def create_thread(self, start: int, param: int, stack_size: int, *, main: bool = False,
                      suspended: bool = False) -> Thread:
        m = self.m
        mem = m.mem
        stack_size = max(0x10000, (stack_size + 0xFFFF) & ~0xFFFF)
        stack = mem.alloc(stack_size, PAGE_READWRITE, tag="stack")
        # guard: lowest page never accessible, next pages raise STATUS_STACK_OVERFLOW once
        mem.protect(stack.base, PAGE * 3, PAGE_NOACCESS)
        teb_r = mem.alloc(0x2000, PAGE_READWRITE, top_down=True, hi=PEB_ADDR, tag="TEB")
        teb = teb_r.base
        tid = m._next_tid
        m._next_tid += 4
        top = stack.base + stack.size
        mem.pack("<IIII", teb, 0xFFFFFFFF, top, stack.base + 3 * PAGE, 0)
        mem.pack("<I", teb + 0x18, teb)
        mem.pack("<II", teb + 0x20, self.pid, tid)
        mem.pack("<I", teb + 0x30, self.peb)
        fs = m.new_fs_selector(teb)
        t = Thread(tid, teb, stack, fs)
        exit_stub = self.export_addr("kernel32", "_exeplay_thread_return")
        esp = top - 16
        mem.pack("<III", esp, exit_stub, start, param)
        t.start_esp = esp
        t.start_eip = self.export_addr("kernel32", "$exeplay_ThreadStart")
        t.entry = start
        t.suspended = 1 if suspended else 0
        m.threads.append(t)
        return t

    def _ensure_thread_tls(self, t: Thread | None = None) -> None:
        """Allocate the static TLS blocks (ThreadLocalStoragePointer) of thread ``t``."""
        m = self.m
        t = t or m.thread
        if t is None or not self.tls_modules:
            return
        arr = m.mem.u32(t.teb + 0x2C)
        n = len(self.tls_modules)
        if arr == 0:
            arr = self.alloc_static(4 * 64)
            m.mem.w32(t.teb + 0x2C, arr)
        for mod in self.tls_modules:
            slot = arr + 4 * mod.tls_index
            if mod.tls_index >= 64 or m.mem.u32(slot):
                continue
            start, end, zf = mod.tls_template  # type: ignore[misc]
            size = max(0, end - start) + zf
            blk = self.alloc_static(max(size, 4))
            if end > start:
                m.mem.write(blk, m.mem.read(start, end - start))
            m.mem.w32(slot, blk)
        del n

    def thread_attach(self, t: Thread) -> None:
        """DLL_THREAD_ATTACH for a new thread (runs on that thread, before its start routine)."""
        self._ensure_thread_tls(t)
        for mod in self.modules:
            if mod.pf is not None and mod is not self.exe and mod.entry and mod.initialized:
                self._tls_callbacks(mod, 2)
                if mod.thread_calls:
                    self.m.call(mod.entry, mod.base, 2, 0)
        if self.exe is not None:
            self._tls_callbacks(self.exe, 2)

    def stack_guard_hit(self, t: Thread, addr: int) -> bool:
        """A fault in the stack's guard pages: commit them (once) so the handler can run."""
        g_lo = t.stack.base + PAGE
        if g_lo <= addr < t.stack.base + 3 * PAGE and t.stack.pageprot[1] == PAGE_NOACCESS:
            self.m.mem.protect(g_lo, 2 * PAGE, PAGE_READWRITE)
            return True
        return False


def thread_detach(m: "Machine", t: Thread) -> None:
    """DLL_THREAD_DETACH for an exiting thread (runs on that thread, whose registers are still loaded)."""
    if t is m.thread and not t.done:
        proc = m.proc
        for mod in proc.modules:
            if mod.pf is not None and mod is not proc.exe and mod.entry and mod.initialized:
                proc._tls_callbacks(mod, 3)
                if mod.thread_calls:
                    m.call(mod.entry, mod.base, 3, 0)
        if proc.exe is not None:
            proc._tls_callbacks(proc.exe, 3)


def quote_arg(a: str) -> str:
    """Quote one argument the way CommandLineToArgvW / the MSVC CRT parse it."""
    if a and not any(c in a for c in ' \t"'):
        return a
    out = '"'
    bs = 0
    for c in a:
        if c == "\\":
            bs += 1
        elif c == '"':
            out += "\\" * (2 * bs + 1) + '"'
            bs = 0
        else:
            out += "\\" * bs + c
            bs = 0
    return out + "\\" * (2 * bs) + '"'
