"""The Machine: one guest process on one Unicorn CPU.

It owns the CPU, memory, loaded modules, handles and threads; it dispatches API traps to the typed
Python declarations (``api.py``), runs the thread scheduler, and turns CPU faults into structured
exceptions (``seh.py``). ``run()`` executes the guest on a dedicated host thread ("CPU thread").
"""
from __future__ import annotations

import collections
import fnmatch
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from unicorn import UC_ERR_OK
from unicorn import x86_const as X

from . import api as api_mod
from . import clock as clock_mod
from .api import ApiFunc, Unimplemented
from .cpu import EAX, EDX, EIP, ESP, FS, Cpu
from .memory import PAGE_EXECUTE_READWRITE, PAGE_READWRITE, Memory
from .objects import HandleTable
from .threads import Block, ProcessExit, Thread, ThreadExit, WaitSpec, Yield

RET_TRAP_BASE = 0x7FFA0000  # internal page: nested-call return address and stubs for missing imports
RET_TRAP = RET_TRAP_BASE
MISSING_BASE = RET_TRAP_BASE + 0x100
NOP_ADDR = RET_TRAP_BASE + 0x10  # one "nop": a harmless run that clears Unicorn's stop request
GDT_BASE = 0x7FFB0000
KUSER = 0x7FFE0000
QUANTUM = 400_000  # instructions per time slice when several threads are runnable
STACK_GUARD_PAGES = 2
VIRTUAL_IPS = 400e6  # deterministic runs: guest instructions per guest second (for time slices)


@dataclass
class Options:
    trace: list[str] = field(default_factory=list)  # patterns like "kernel32!Create*", "msvcrt", "*"
    unimplemented: str = "stop"  # "stop" or "zero" (log and return 0)
    timeout: float | None = None
    stdin: Any = None
    stdout: Any = None
    stderr: Any = None
    trace_out: Any = None
    data_dir: str | None = None  # per-program writable C: drive root on the host
    expose: list[str] = field(default_factory=list)  # extra host folders visible to the guest
    env: dict[str, str] | None = None
    deterministic: bool = False  # guest time from guest progress, not the wall clock (emu/clock.py)
    strict_preemption: bool = False  # real-time runs: preempt by instruction count for timed waits (see _slice)
    interactive: bool = False  # host input can arrive while every guest thread waits (a window is open)
    start_in_program_dir: bool = False  # current folder D: (the program's own, as Explorer starts programs)


class GuestCrash(Exception):
    """An unhandled guest exception; ``report`` is the crash report text."""

    def __init__(self, code: int, report: str) -> None:
        super().__init__(report)
        self.code = code
        self.report = report


class EmulatorStop(Exception):
    """A run that cannot continue (unimplemented API, deadlock, timeout); message is one line."""

    def __init__(self, msg: str, code: int = 1, report: str = "") -> None:
        super().__init__(msg)
        self.code = code
        self.report = report


class Machine:
    """One emulated Windows process."""

    def __init__(self, opts: Options | None = None) -> None:
        self.opts = opts or Options()
        self.cpu = Cpu()
        self.uc = self.cpu.uc
        self._esp = self.cpu.read_cell(ESP)  # register cells for the API dispatcher (see Cpu.read_cell)
        self._eax = self.cpu.write_cell(EAX)
        self._edx = self.cpu.write_cell(EDX)
        self.mem = Memory(self.uc)
        self.ansi = "cp1252"
        self.oem = "cp437"
        self.handles = HandleTable()
        self.threads: list[Thread] = []
        self.thread: Thread | None = None
        self.depth = 0  # nesting of guest calls made from Python
        self.stubs: dict[int, ApiFunc] = {}
        self.calls: collections.deque[tuple[ApiFunc, int]] = collections.deque(maxlen=20)
        self.exit_code: int | None = None
        self._trace_cache: dict[int, bool] = {}
        self.trace_on = bool(self.opts.trace)
        self._missing_next = MISSING_BASE
        self._missing: dict[int, tuple[str, str]] = {}
        self._next_tid = 0x100
        self.state: dict[str, Any] = {}  # per-area state owned by API modules (e.g. "crt", "heap")
        self._stop_reason: BaseException | None = None
        self.started = time.monotonic()
        self.clock = clock_mod.Clock(self.opts.deterministic)
        clock_mod.install(self.clock)
        self.det = self.opts.deterministic
        from . import builtin  # noqa: PLC0415
        builtin.DETERMINISTIC = self.det
        # Host-side happenings polled at API calls and while idle (session timeline, window input):
        # ``timeline_due`` is the guest time of the next timed event (None: nothing scheduled);
        # ``on_timeline()`` handles what is due; ``idle_sources`` give deadlines that keep an idle process alive;
        # ``host_wake`` is set by other host threads when they queue input for the guest.
        self.timeline_due: float | None = None
        self.on_timeline: Any = None
        self.idle_sources: list[Any] = []
        self.host_wake = threading.Event()
        self._kuser_ms = -1
        self._setup_cpu()
        from . import process  # noqa: PLC0415 - process imports machine types
        self.proc = process.Process(self)

    # ---- CPU setup --------------------------------------------------------------------------
    def _setup_cpu(self) -> None:
        mem = self.mem
        page = mem.map(RET_TRAP_BASE, 0x10000, PAGE_EXECUTE_READWRITE, tag="exeplay")
        page.mm[:] = b"\xcc" * 0x10000
        page.mm[NOP_ADDR - RET_TRAP_BASE] = 0x90
        self.cpu.hook_code(self._missing_trap, MISSING_BASE, RET_TRAP_BASE + 0xFFFF)
        gdt = mem.map(GDT_BASE, 0x10000, PAGE_READWRITE, tag="gdt")
        self._gdt = gdt
        self._gdt_next = 3

        def desc(base: int, limit: int, access: int, flags: int) -> bytes:
            return struct.pack("<HHBBBB", limit & 0xFFFF, base & 0xFFFF, (base >> 16) & 0xFF, access,
                               (flags << 4) | ((limit >> 16) & 0xF), (base >> 24) & 0xFF)

        self._desc = desc
        gdt.mm[8:16] = desc(0, 0xFFFFF, 0x9B, 0xC)  # 0x08 flat code
        gdt.mm[16:24] = desc(0, 0xFFFFF, 0x93, 0xC)  # 0x10 flat data
        self.uc.reg_write(X.UC_X86_REG_GDTR, (0, GDT_BASE, 0xFFFF, 0))
        for r in (X.UC_X86_REG_SS, X.UC_X86_REG_DS, X.UC_X86_REG_ES):
            self.uc.reg_write(r, 0x10)
        kuser = mem.map(KUSER, 0x1000, PAGE_READWRITE, tag="KUSER_SHARED_DATA")
        self._kuser = kuser
        struct.pack_into("<I", kuser.mm, 4, 1 << 24)  # TickCountMultiplier: ticks are milliseconds
        struct.pack_into("<III", kuser.mm, 0x26C, 5, 1, 0)  # NtMajorVersion, NtMinorVersion
        self.cpu.hook_intr(self._on_interrupt)
        self.cpu.hook_mem_invalid(self._on_mem_invalid)
        self._fault: tuple[int, int, int] | None = None
        self._intr: int | None = None
        # Real-time runs: when another thread's timed wait is due, the running thread yields at its next API call
        # (``_trap``); None when no such wait is pending (see ``_slice``).
        self._soft_due: float | None = None
        self.api_count = 0  # API calls so far (a thread's slices compare it)
        from . import paging  # noqa: PLC0415
        self.paging = paging.enable(self.cpu, mem)
        if self.paging is not None:
            # the invalid-access hook covers only what can fault (see emu/paging.py)
            mem.on_change = self._narrow_fault_hook
            self._narrow_fault_hook()

    def _narrow_fault_hook(self) -> None:
        ranges: list[tuple[int, int]] = []
        cur = 0
        for a, b in self.mem.writable_runs():
            if a > cur:
                ranges.append((cur, a - 1))
            cur = b
        if cur <= 0xFFFFFFFF:
            ranges.append((cur, 0xFFFFFFFF))
        self.cpu.set_fault_ranges(ranges)

    def new_fs_selector(self, teb: int) -> int:
        idx = self._gdt_next
        self._gdt_next += 1
        self._gdt.mm[idx * 8:idx * 8 + 8] = self._desc(teb, 0xFFF, 0xF3, 0x4)
        return (idx << 3) | 3

    def tick_ms(self) -> int:
        return self.clock.ms()

    def update_clock(self) -> None:
        """Refresh KUSER_SHARED_DATA's tick count, read by guest-code GetTickCount/timeGetTime."""
        ms = self.tick_ms() & 0xFFFFFFFF
        if ms == self._kuser_ms:
            return
        self._kuser_ms = ms
        struct.pack_into("<I", self._kuser.mm, 0, ms)
        struct.pack_into("<III", self._kuser.mm, 0x320, ms, 0, 0)

    # ---- builtin DLL stubs -------------------------------------------------------------------
    def add_stub_range(self, stubs: dict[int, ApiFunc], lo: int, hi: int) -> None:
        self.stubs.update(stubs)
        if stubs:
            self.cpu.hook_code(self._trap, lo, hi)

    def missing_stub(self, dll: str, name: str) -> int:
        """A guest address that, when called, reports ``dll!name`` as unimplemented."""
        a = self._missing_next
        self._missing_next += 2
        self.mem.write(a, b"\xc3\xcc")
        self._missing[a] = (dll, name)
        return a

    def _missing_trap(self, addr: int) -> None:
        dll, name = self._missing.get(addr, ("?", f"0x{addr:x}"))
        caller = self.mem.u32(self.cpu.reg(ESP))
        if self.opts.unimplemented == "zero":
            self.log(f"unimplemented: {dll}!{name} called from {self.describe(caller)} (returning 0)")
            self.cpu.set_reg(EAX, 0)
            return
        raise Unimplemented(f"{dll}!{name}", caller)

    # ---- API dispatch (hot path) --------------------------------------------------------------
    def _trap(self, addr: int) -> None:
        af = self.stubs[addr]
        esp = self._esp.value
        n = af.nslots
        # The stack words [ret, arg1..argN] with one unpack straight from the region's mmap;
        # mem.unpack (same result) when they are not inside one region or the region is not cached.
        end = esp + 4 * n + 4
        mem = self.mem
        rg = mem._last
        if rg is None or not (rg.base <= esp and end <= rg.base + rg.size):
            rg = mem.region(esp)
        if rg is not None and end <= rg.base + rg.size:
            vals = _STRUCTS[n].unpack_from(rg.mm, esp - rg.base)
        else:
            vals = mem.unpack(_FMT[n], esp)
        ret_addr = vals[0]
        self.calls.append((af, ret_addr))
        self.api_count += 1
        if self.det:
            self.clock.t += clock_mod.API_COST
            self.update_clock()
        if self.timeline_due is not None and self.clock.now() >= self.timeline_due:
            self.on_timeline()
        if af.all_raw:
            args: Any = vals[1:]
        else:
            args = self._decode(af, vals, esp)
        while True:
            try:
                r = af.fn(self, *args)  # type: ignore[misc]
            except Block as b:
                if self.trace_on and self._traced(af):
                    self._trace(af, args, "(blocks)")
                if b.retry:
                    # wake up by calling the function again (GetMessage and friends)
                    if self.depth == 0:
                        self._block_retry(b.spec, esp, addr)
                        return
                    self._nested_wait(b.spec)
                    continue
                self._block(af, b.spec, esp, ret_addr)
                return
            except Yield as y:
                self._block(af, WaitSpec(deadline=self.clock.now(), result=lambda _r, v=y.value: v), esp, ret_addr)
                return
            break
        if self.trace_on and self._traced(af):
            self._trace(af, args, r)
        if self._soft_due is not None and self.depth == 0 and af.ret != "QWORD" and self.clock.now() >= self._soft_due \
                and self._esp.value == esp and self.cpu.reg(EIP) == addr:
            # another thread's deadline passed while this thread ran unsliced: let it run now (unless the function
            # sent the thread elsewhere: a nested call, an exception dispatch)
            self._soft_due = None
            v = (r if r is not None else self._eax.value) & 0xFFFFFFFF
            self._block(af, WaitSpec(deadline=self.clock.now(), result=lambda _r, v=v: v), esp, ret_addr)
            return
        if r is not None:
            if af.ret == "QWORD":
                self._eax.value = r & 0xFFFFFFFF
                self._edx.value = (r >> 32) & 0xFFFFFFFF
            else:
                self._eax.value = r & 0xFFFFFFFF

    def _decode(self, af: ApiFunc, vals: tuple[int, ...], esp: int) -> list[Any]:
        out: list[Any] = []
        i = 1
        for _, t in af.params:
            if t.slots == 1:
                out.append(t.decode(self, vals[i]) if not t.raw else vals[i])
                i += 1
            elif t is api_mod.QWORD:
                out.append(vals[i] | (vals[i + 1] << 32))
                i += 2
            elif t is api_mod.DOUBLE:
                out.append(struct.unpack("<d", struct.pack("<II", vals[i], vals[i + 1]))[0])
                i += 2
            else:  # VARARGS
                out.append(esp + 4 * i)
        return out

    def _traced(self, af: ApiFunc) -> bool:
        k = id(af)
        v = self._trace_cache.get(k)
        if v is None:
            q = af.qualname.lower()
            v = any(fnmatch.fnmatchcase(q, p.lower()) or fnmatch.fnmatchcase(af.dll.lower(), p.lower())
                    or fnmatch.fnmatchcase(af.name.lower(), p.lower()) for p in self.opts.trace)
            self._trace_cache[k] = v
        return v

    def _trace(self, af: ApiFunc, args: Any, r: Any) -> None:
        shown = api_mod.show_args(af, args)
        if isinstance(r, int):
            rs = f"0x{r & 0xFFFFFFFF:x}" if af.ret != "QWORD" else f"0x{r:x}"
        else:
            rs = "" if r is None else str(r)
        tid = self.thread.tid if self.thread else 0
        out = self.opts.trace_out or sys.stderr
        out.write(f"[{tid:x}] {af.qualname}({shown}){' -> ' + rs if rs else ''}\n")
        out.flush()

    def log(self, msg: str) -> None:
        out = self.opts.trace_out or sys.stderr
        out.write(f"exeplay: {msg}\n")
        out.flush()

    def _block(self, af: ApiFunc, spec: WaitSpec, esp: int, ret_addr: int) -> None:
        """Block the current thread in API ``af``: at top level stop the CPU and switch threads,
        inside a nested guest call run the other threads until the wait is satisfied."""
        t = self.thread
        assert t is not None
        new_esp = esp + 4 + af.argbytes
        if self.depth == 0:
            t.wait = spec
            t.resume = (0, new_esp, ret_addr, spec)
            self.cpu.stop()
            return
        r = self._nested_wait(spec)
        self.cpu.set_reg(EAX, spec.result(r))

    def _block_retry(self, spec: WaitSpec, esp: int, stub: int) -> None:
        """Block the current (top-level) thread; when the wait is satisfied it calls the API at ``stub`` again."""
        t = self.thread
        assert t is not None
        t.wait = spec
        t.resume = (0, esp, stub, spec)
        self.cpu.stop()

    def wait_here(self, spec: WaitSpec) -> int:
        """Wait from Python code (a modal loop inside an API) while other guest threads run; returns the
        wait result."""
        r = spec.poll(self.thread)  # type: ignore[arg-type]
        if r is not None:
            return r
        return self._nested_wait(spec)

    # ---- nested guest calls ------------------------------------------------------------------
    def call(self, addr: int, *args: int) -> int:
        """Call guest code at ``addr`` with 32-bit ``args`` (stdcall or cdecl) and return EAX.
        Registers are restored afterwards; the guest runs on the current thread's stack."""
        uc = self.uc
        ctx = uc.context_save()
        try:
            esp = (self.cpu.reg(ESP) - 4 * len(args) - 4 - 16) & ~3
            self.mem.write(esp, struct.pack(f"<{len(args) + 1}I", RET_TRAP, *[a & 0xFFFFFFFF for a in args]))
            self.cpu.set_reg(ESP, esp)
            self.depth += 1
            try:
                self._run_until(addr)
            finally:
                self.depth -= 1
            return self.cpu.reg(EAX)
        finally:
            uc.context_restore(ctx)

    def _run_until(self, eip: int) -> None:
        """Run the current thread from ``eip`` until it returns to RET_TRAP, handling faults."""
        from . import seh  # noqa: PLC0415
        while True:
            err = self.cpu.run(eip, RET_TRAP)
            if err != UC_ERR_OK or self._intr is not None:
                seh.raise_from_fault(self, err)
            eip = self.cpu.reg(EIP)
            if eip == RET_TRAP:
                return

    def _nested_wait(self, spec: WaitSpec) -> int:
        """Wait inside a nested guest call: run other threads (each as a nested time slice)."""
        me = self.thread
        assert me is not None
        # While this thread waits here its state lives on the host stack (below the slices run for the
        # others), so no nested scheduler may resume it from its saved context.
        prev = me.in_host_wait
        me.in_host_wait = True
        try:
            while True:
                r = spec.poll(me)
                if r is not None:
                    return r
                others = [t for t in self.threads if t is not me and self._can_run(t)]
                if not others:
                    self._idle([me], spec)
                    continue
                ctx = self.uc.context_save()
                for t in others:
                    if self._can_run(t):
                        self._slice(t, nested=True)
                self.thread = me
                self.clear_stop_request()
                self.uc.context_restore(ctx)
        finally:
            me.in_host_wait = prev

    def clear_stop_request(self) -> None:
        """A nested slice that ended with emu_stop() leaves Unicorn's stop request set, and the outer emulation
        would then run on with every hook skipped (API traps silently become plain ``ret``s). A one-instruction
        run clears it."""
        self.cpu.run(NOP_ADDR, NOP_ADDR + 1)

    # ---- scheduling --------------------------------------------------------------------------
    def _can_run(self, t: Thread) -> bool:
        if t.done or t.suspended or t.in_host_wait:
            return False
        if t.wait is None:
            return True
        r = t.wait.poll(t)
        if r is None:
            return False
        val, esp, eip, spec = t.resume  # type: ignore[misc]
        t.resume = (spec.result(r), esp, eip, spec)
        t.wait = None
        return True

    def _idle(self, waiting: list[Thread], extra: WaitSpec | None = None) -> None:
        """Nothing can run: sleep until the earliest deadline, or report a deadlock."""
        deadlines = [t.wait.deadline for t in self.threads if t.wait and t.wait.deadline is not None
                     and not t.done and not t.suspended]
        if extra is not None and extra.deadline is not None:
            deadlines.append(extra.deadline)
        if self.timeline_due is not None:
            deadlines.append(self.timeline_due)
        for src in self.idle_sources:
            d = src()
            if d is not None:
                deadlines.append(d)
        target = min(deadlines) if deadlines else None
        if target is None and not self.opts.interactive:
            raise EmulatorStop("deadlock: every guest thread is waiting forever",
                               report=self.thread_report())
        if self.det and target is not None:
            self.clock.idle_until(target)
        else:
            delay = 0.05 if target is None else min(0.05, target - self.clock.now())
            if delay > 0:
                self.host_wake.wait(delay)
            self.host_wake.clear()
        self.update_clock()
        if self.timeline_due is not None and self.clock.now() >= self.timeline_due:
            self.on_timeline()

    def _slice(self, t: Thread, nested: bool = False) -> None:
        """Run thread ``t`` for one slice (until it blocks, ends, yields or its quantum expires)."""
        self.thread = t
        uc = self.uc
        if t.ctx is not None:
            uc.context_restore(t.ctx)
        if not t.started:
            t.started = True
            self.cpu.set_reg(ESP, t.start_esp)
            self.cpu.set_reg(EIP, t.start_eip)
            uc.reg_write(FS, t.fs_sel)
            self.proc.fpu_init()
            if t is not self.proc.main:
                self.depth += 1
                try:
                    self.proc.thread_attach(t)
                finally:
                    self.depth -= 1
        if t.resume is not None and t.wait is None:
            val, esp, eip, _spec = t.resume
            t.resume = None
            self.cpu.set_reg(EAX, val)
            self.cpu.set_reg(ESP, esp)
            self.cpu.set_reg(EIP, eip)
        runnable = sum(1 for x in self.threads if x.runnable)
        self._soft_due = None
        if nested:
            # Nested slices (run from inside an API while its thread waits in Python) run until they block:
            # Unicorn 2.1.4 crashes when an instruction-count limit is added and removed inside a hook.
            count = 0
        elif runnable > 1:
            count = QUANTUM
        else:
            timed = [x for x in self.threads if x.wait is not None and x.wait.deadline is not None and not x.done]
            if not timed:
                count = 0  # alone: run unsliced at full speed until it blocks
            elif not self.det and not self.opts.strict_preemption and t.api_active:
                # Counted slices would halve the guest's speed (Unicorn counts with a per-instruction hook): in
                # real-time runs a thread that calls Windows often (seen in its previous counted slice) runs
                # unsliced and yields to the waiters at its first API call after their deadline (``_trap``). A
                # thread that computes without API calls keeps counted slices. A thread that calls Windows and
                # later spins without API calls waiting for one of the waiters needs --strict-preemption.
                count = 0
                self._soft_due = min(x.wait.deadline for x in timed)  # type: ignore[union-attr, type-var]
            else:
                count = QUANTUM * 8  # a timed wait must be able to expire while this thread computes
        eip = self.cpu.reg(EIP)
        saved_depth = self.depth
        self.depth = 0
        try:
            from . import seh  # noqa: PLC0415
            if self.paging is not None:
                # A counted run that meets a no-execute page ends there without the #PF reaching the interrupt
                # hook (Unicorn 2.1.4): the page the thread resumes on is made executable up front.
                self.paging.ensure_exec(eip)
            calls_before = self.api_count
            err = self.cpu.run(eip, RET_TRAP, count)
            if count:
                t.api_active = self.api_count != calls_before
            if count and self.det and err == UC_ERR_OK and self._intr is None and t.wait is None \
                    and t.resume is None and not t.done:
                # the quantum ran out (a thread that blocked or yielded early is not charged a whole quantum)
                self.clock.advance(count / VIRTUAL_IPS)
            if err != UC_ERR_OK or self._intr is not None:
                seh.raise_from_fault(self, err)
        except ThreadExit as e:
            self.end_thread(t, e.code)
            return
        finally:
            self.depth = saved_depth
        if t.ctx is None:
            t.ctx = uc.context_save()
        else:
            uc.context_update(t.ctx)  # type: ignore[attr-defined]

    def schedule(self) -> None:
        """The top-level loop of the CPU thread: run threads until the process exits."""
        i = 0
        while True:
            live = [t for t in self.threads if not t.done]
            if not live:
                raise ProcessExit(self.exit_code or 0)
            n = len(self.threads)
            picked = None
            for k in range(n):
                t = self.threads[(i + k) % n]
                if self._can_run(t):
                    picked = t
                    i = (i + k + 1) % n
                    break
            if picked is None:
                self._idle(live)
                continue
            self._slice(picked)

    def end_thread(self, t: Thread, code: int) -> None:
        from . import process  # noqa: PLC0415
        if len([x for x in self.threads if not x.done]) > 1:
            process.thread_detach(self, t)
        elif t is self.thread:
            self.proc.process_detach()  # the last thread ends the process
        t.done = True
        t.exit_code = code
        if all(x.done for x in self.threads):
            raise ProcessExit(code)

    def thread_report(self) -> str:
        lines = []
        for t in self.threads:
            st = "done" if t.done else ("waiting" if t.wait else "ready")
            what = ""
            if t.wait:
                what = ", ".join(o.kind for o in t.wait.objects) or "timeout"
            lines.append(f"  thread {t.tid:#x}: {st} {what}")
        return "\n".join(lines)

    # ---- faults ------------------------------------------------------------------------------
    def _on_interrupt(self, intno: int) -> None:
        if self.paging is not None and self.paging.on_fault(intno):
            return  # the first fetch from a page: it is executable now
        self._intr = intno
        self.cpu.stop()

    def _on_mem_invalid(self, access: int, addr: int, size: int) -> bool:
        self._fault = (access, addr, size)
        return False

    # ---- helpers for API modules -------------------------------------------------------------
    def set_last_error(self, code: int) -> None:
        t = self.thread
        if t is not None:
            self.mem.w32(t.teb + 0x34, code)

    def get_last_error(self) -> int:
        t = self.thread
        return self.mem.u32(t.teb + 0x34) if t is not None else 0

    def describe(self, addr: int) -> str:
        """``module+0xoffset`` for a guest address."""
        mod = self.proc.module_at(addr)
        if mod is None:
            return f"0x{addr:08x}"
        return f"0x{addr:08x} ({mod.name}+0x{addr - mod.base:x})"

    # ---- loading -----------------------------------------------------------------------------
    def load(self, program: str, args: list[str]) -> None:
        """Load ``program`` (a host path) with guest arguments; raises BadImage / LoadError."""
        import os  # noqa: PLC0415

        from . import sandbox  # noqa: PLC0415
        from .kernel32 import heap  # noqa: PLC0415
        data_dir = self.opts.data_dir or os.path.join(
            os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "exeplay", "drives",
            os.path.splitext(os.path.basename(program))[0].lower())
        drives, cwd = sandbox.default_drives(program, os.path.join(data_dir, "c"), self.opts.expose,
                                             self.opts.start_in_program_dir)
        self.fs = sandbox.FileSystem(drives, cwd)
        env = {"PATH": "C:\\WINDOWS\\system32;C:\\WINDOWS", "SYSTEMROOT": "C:\\WINDOWS", "WINDIR": "C:\\WINDOWS",
               "TEMP": "C:\\WINDOWS\\TEMP", "TMP": "C:\\WINDOWS\\TEMP", "COMSPEC": "C:\\WINDOWS\\system32\\cmd.exe",
               "USERNAME": "player", "USERPROFILE": "C:\\Documents and Settings\\player", "HOMEDRIVE": "C:",
               "HOMEPATH": "\\Documents and Settings\\player",
               "APPDATA": "C:\\Documents and Settings\\player\\Application Data",
               "ALLUSERSPROFILE": "C:\\Documents and Settings\\All Users",
               "ProgramFiles": "C:\\Program Files", "CommonProgramFiles": "C:\\Program Files\\Common Files",
               "OS": "Windows_NT", "NUMBER_OF_PROCESSORS": "1", "PROCESSOR_ARCHITECTURE": "x86",
               "PATHEXT": ".COM;.EXE;.BAT;.CMD", "PROMPT": "$P$G"}
        if self.opts.env:
            env.update(self.opts.env)
        self.proc.env = env
        self.proc.setup(program, args)
        heap.heaps(self)

    # ---- running -----------------------------------------------------------------------------
    def run(self, ui: Any = None) -> int:
        """Run the loaded program to completion on the CPU thread; returns the exit code.
        ``ui()`` (a presenter step) is called repeatedly on this thread while the guest runs.
        Raises GuestCrash or EmulatorStop."""
        result: dict[str, Any] = {}

        def cpu_main() -> None:
            try:
                self.proc.start()
                self.schedule()
            except ProcessExit as e:
                result["code"] = e.code & 0xFFFFFFFF
                # process-exit work of DLLs (DLL_PROCESS_DETACH of built-ins), e.g. msvcrt flushing its streams
                for hook in self.state.get("exit_hooks", ()):
                    try:
                        hook()
                    except Exception as he:  # noqa: BLE001 - the process is gone; report and go on
                        self.log(f"exit hook failed: {he}")
            except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
                result["exc"] = e

        th = threading.Thread(target=cpu_main, name="exeplay-cpu", daemon=True)
        stop_clock = threading.Event()

        def clock() -> None:
            while not stop_clock.wait(0.002):
                self.update_clock()

        self.update_clock()
        if not self.det:
            ck = threading.Thread(target=clock, name="exeplay-clock", daemon=True)
            ck.start()
        th.start()
        deadline = None if not self.opts.timeout else time.monotonic() + self.opts.timeout
        try:
            while th.is_alive():
                if ui is not None:
                    ui()
                else:
                    th.join(0.1 if deadline is None else max(0.0, min(0.1, deadline - time.monotonic())))
                if deadline is not None and time.monotonic() >= deadline and th.is_alive():
                    # Terminating, not resuming: stopping from this thread is acceptable here.
                    self._stop_reason = EmulatorStop(f"timeout: the program ran longer than {self.opts.timeout:g} s",
                                                     code=124)
                    self.cpu.pending_exc = self._stop_reason
                    self.cpu.stop()
                    th.join(2.0)
                    raise self._stop_reason
        finally:
            stop_clock.set()
        if "exc" in result:
            e = result["exc"]
            if isinstance(e, Unimplemented):
                raise EmulatorStop(f"unimplemented: {e.what} called from {self.describe(e.caller)}",
                                   code=3, report=self.crash_context()) from None
            raise e
        return result.get("code", 0)

    def crash_context(self) -> str:
        lines = ["last API calls:"]
        for af, ret in list(self.calls):
            name = af.qualname
            if af.name.startswith("_exeplay_I"):  # a COM method thunk: IFace::Method
                name = af.name[len("_exeplay_"):].replace("_", "::", 1)
            elif af.name.startswith("_exeplay_"):
                continue
            lines.append(f"  {name} from {self.describe(ret)}")
        return "\n".join(lines)


_FMT = [f"<{n + 1}I" for n in range(64)]
_STRUCTS = [struct.Struct(f) for f in _FMT]
