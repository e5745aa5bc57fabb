"""msvcrt: exception handling for MSVC-built programs (SEH scope tables and C++ exceptions).

SEH (``__try``/``__except``/``__finally``): ``_except_handler3`` reads the VC scope table of its EH3
registration (``[ebp-18h]`` saved ESP, ``[ebp-14h]`` exception pointers, ``[ebp-10h]`` the registration:
next, handler, scope table, try level), calls filters with the frame's EBP and jumps into the
``__except`` block after a global and local unwind.

C++: ``_CxxThrowException`` raises 0xE06D7363 with (magic, object, ThrowInfo). ``__CxxFrameHandler``
gets the function's FuncInfo in EAX, finds a try block around the frame's state and a catch block
whose type matches a catchable type of the thrown object, copies the object into the frame, unwinds
the frames above and the function's own state, and enters the catch funclet through a guest
trampoline (``_exeplay_catch_call``) that runs it under a guard registration and continues at the
address it returns. Nothing of the catch stays on the host stack, so exceptions thrown inside a
catch block are dispatched and unwound like any other.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..api import DWORD, PTR, cdecl, native, stdcall
from ..cpu import EAX, EBP, ECX, EIP, ESP
from ..seh import (
    CONTEXT_SIZE,
    EXCEPTION_EXIT_UNWIND,
    EXCEPTION_UNWINDING,
    dispatch,
    write_context,
)
from ..threads import ProcessExit

if TYPE_CHECKING:
    from ..machine import Machine

CXX_EXCEPTION = 0xE06D7363
CXX_MAGIC_VC6, CXX_MAGIC_VC7, CXX_MAGIC_VC8 = 0x19930520, 0x19930521, 0x19930522
CXX_MAGICS = (CXX_MAGIC_VC6, CXX_MAGIC_VC7, CXX_MAGIC_VC8)
FUNC_DESCR_SYNCHRONOUS = 1  # FuncInfo.EHFlags (VC8+): catch(...) does not catch SEH exceptions
TYPE_FLAG_CONST, TYPE_FLAG_VOLATILE, TYPE_FLAG_REFERENCE = 1, 2, 8
CLASS_IS_SIMPLE_TYPE, CLASS_HAS_VIRTUAL_BASE_CLASS = 1, 4
CONTINUE_EXECUTION, CONTINUE_SEARCH = 0, 1
END_OF_CHAIN = 0xFFFFFFFF
UNWIND_FLAGS = EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND


def _s32(v: int) -> int:
    return v - (1 << 32) if v & 0x80000000 else v


def _teb(m: "Machine") -> int:
    assert m.thread is not None
    return m.thread.teb


def call_regs(m: "Machine", addr: int, *args: int, ebp: int | None = None, ecx: int | None = None,
              reserve: int = 0) -> int:
    """Call guest code with EBP/ECX preset (funclets, thiscall) ``reserve`` bytes below ESP; registers restored."""
    cpu = m.cpu
    saved = (cpu.reg(EBP), cpu.reg(ECX), cpu.reg(ESP))
    try:
        if ebp is not None:
            cpu.set_reg(EBP, ebp)
        if ecx is not None:
            cpu.set_reg(ECX, ecx)
        if reserve:
            cpu.set_reg(ESP, (saved[2] - reserve) & ~0xF)
        return m.call(addr, *args)
    finally:
        cpu.set_reg(EBP, saved[0])
        cpu.set_reg(ECX, saved[1])
        cpu.set_reg(ESP, saved[2])


def global_unwind(m: "Machine", target: int, rec: int) -> None:
    """RtlUnwind(target, 0, rec, 0): call each frame's handler above ``target`` with EXCEPTION_UNWINDING
    and unlink it from FS:[0]."""
    mem = m.mem
    teb = _teb(m)
    flags = mem.u32(rec + 4) | EXCEPTION_UNWINDING | (EXCEPTION_EXIT_UNWIND if target == 0 else 0)
    mem.w32(rec + 4, flags)
    cpu = m.cpu
    esp = cpu.reg(ESP)
    area = (esp - CONTEXT_SIZE - 0x40) & ~0xF  # CONTEXT + dispatcher context below the caller's stack
    write_context(m, area, mem.u32(esp), esp)
    dc = area + CONTEXT_SIZE + 8
    try:
        cpu.set_reg(ESP, area - 0x10)
        frame = mem.u32(teb)
        while frame not in (END_OF_CHAIN, target, 0):
            m.call(mem.u32(frame + 4), rec, frame, area, dc)
            frame = mem.u32(frame)
            mem.w32(teb, frame)
    finally:
        cpu.set_reg(ESP, esp)


# ---- SEH: VC scope tables (_except_handler3) ---------------------------------------------------------
def local_unwind2(m: "Machine", reg: int, stop: int) -> None:
    """Run the __finally blocks of an EH3 frame from its try level down to ``stop``."""
    mem = m.mem
    table = mem.u32(reg + 8)
    while True:
        level = _s32(mem.u32(reg + 12))
        if level == -1 or level == stop:
            return
        prev, flt, handler = mem.unpack("<iII", table + 12 * level)
        mem.w32(reg + 12, prev & 0xFFFFFFFF)
        if flt == 0 and handler:
            call_regs(m, handler, ebp=reg + 0x10)


@cdecl("msvcrt")
def _except_handler3(m: "Machine", rec: PTR, reg: PTR, ctx: PTR, dc: PTR) -> DWORD:
    """VC SEH frame handler: evaluate __except filters of the scope table, run __finally blocks when unwinding."""
    mem = m.mem
    if mem.u32(rec + 4) & UNWIND_FLAGS:
        local_unwind2(m, reg, -1)
        return CONTINUE_SEARCH
    esp = m.cpu.reg(ESP)
    ptrs = (esp - 0x20) & ~0xF  # EXCEPTION_POINTERS for GetExceptionInformation(): [ebp-14h]
    mem.pack("<II", ptrs, rec, ctx)
    mem.w32(reg - 4, ptrs)
    table = mem.u32(reg + 8)
    ebp = reg + 0x10
    level = _s32(mem.u32(reg + 12))
    while level != -1:
        prev, flt, handler = mem.unpack("<iII", table + 12 * level)
        if flt:
            r = _s32(call_regs(m, flt, ebp=ebp, reserve=0x40))
            if r < 0:
                return CONTINUE_EXECUTION
            if r > 0:
                global_unwind(m, reg, rec)
                local_unwind2(m, reg, level)
                mem.w32(reg + 12, prev & 0xFFFFFFFF)
                cpu = m.cpu
                cpu.set_reg(ESP, mem.u32(reg - 8))
                cpu.set_reg(EBP, ebp)
                cpu.set_reg(EIP, handler)
                return None  # type: ignore[return-value]  # execution continues in the __except block
        level = prev
    return CONTINUE_SEARCH


@cdecl("msvcrt")
def _local_unwind2(m: "Machine", reg: PTR, stop: DWORD) -> None:
    """Run the __finally blocks of EH3 frame ``reg`` down to try level ``stop``."""
    local_unwind2(m, reg, _s32(stop))


@cdecl("msvcrt")
def _global_unwind2(m: "Machine", reg: PTR) -> None:
    """Unwind every SEH frame above ``reg``."""
    rec = _teb(m) + 0x1100
    m.mem.pack("<IIIII", rec, 0xC0000027, 0, 0, 0, 0)  # STATUS_UNWIND
    global_unwind(m, reg, rec)


# Exceptions the CRT turns into signals: code -> (signal, _fpecode for SIGFPE handlers).
_XCPT_SIGNALS = {0xC0000005: (11, 0), 0xC000001D: (4, 0), 0xC0000096: (4, 0), 0xC000008D: (8, 0x82),
                 0xC000008E: (8, 0x83), 0xC000008F: (8, 0x86), 0xC0000090: (8, 0x81), 0xC0000091: (8, 0x84),
                 0xC0000092: (8, 0x8A), 0xC0000093: (8, 0x85)}


@cdecl("msvcrt")
def _XcptFilter(m: "Machine", xcptnum: DWORD, pxcptinfoptrs: PTR) -> DWORD:
    """CRT __except filter: call the signal() handler installed for the exception (SIGSEGV, SIGILL, SIGFPE) and
    continue execution, ignore it for SIG_IGN, else EXCEPTION_CONTINUE_SEARCH (UnhandledExceptionFilter's answer
    without a debugger: the unhandled path then runs the top-level filter or reports the crash)."""
    sig = _XCPT_SIGNALS.get(xcptnum)
    if sig is None:
        return 0
    from .signal import SIG_DFL, SIG_IGN, _table  # noqa: PLC0415
    table = _table(m)
    h = table.get(sig[0], SIG_DFL)
    if h == SIG_DFL:
        return 0
    if h == SIG_IGN:
        return 0xFFFFFFFF  # EXCEPTION_CONTINUE_EXECUTION
    table[sig[0]] = SIG_DFL  # the handler is reset before it runs, as signal() semantics require
    if sig[0] == 8:
        call_regs(m, h, 8, sig[1])
    else:
        call_regs(m, h, sig[0])
    return 0xFFFFFFFF


# ---- C++ exceptions ----------------------------------------------------------------------------------
@dataclass
class Catch:
    """A catch funclet running under the guard registration ``reg``."""

    reg: int
    frame: int
    descr: int
    catch_level: int  # try blocks nested in this catch start at or after this state
    obj: int
    info: int
    save_esp: int


def _catches(m: "Machine") -> list[Catch]:
    assert m.thread is not None
    return m.state.setdefault("cxx_catches", {}).setdefault(m.thread.tid, [])  # type: ignore[no-any-return]


@stdcall("msvcrt")
def _CxxThrowException(m: "Machine", pExceptionObject: PTR, pThrowInfo: PTR) -> None:
    """Throw a C++ object: RaiseException(0xE06D7363, NONCONTINUABLE, {magic, object, ThrowInfo});
    ``throw;`` (both NULL) rethrows the exception of the innermost running catch block."""
    if pExceptionObject == 0 and pThrowInfo == 0:
        active = _catches(m)
        if active:
            pExceptionObject, pThrowInfo = active[-1].obj, active[-1].info
    esp = m.cpu.reg(ESP)
    ret = m.mem.u32(esp)
    dispatch(m, CXX_EXCEPTION, ret, [CXX_MAGIC_VC6, pExceptionObject, pThrowInfo], eip=ret, esp=esp + 12,
             flags=1)


def _this_pointer(m: "Machine", ctype: int, obj: int) -> int:
    """Adjust an object pointer to the base class described by CatchableType ``ctype`` (PMD)."""
    if obj == 0:
        return 0
    mdisp, pdisp, vdisp = m.mem.unpack("<iii", ctype + 8)
    p = (obj + mdisp) & 0xFFFFFFFF
    if pdisp >= 0:
        p = (p + pdisp) & 0xFFFFFFFF
        p = (p + _s32(m.mem.u32((m.mem.u32(p) + vdisp) & 0xFFFFFFFF))) & 0xFFFFFFFF
    return p


def _type_name(m: "Machine", ti: int) -> bytes:
    return m.mem.cstr_bytes(ti + 8) if ti else b""


def _find_caught_type(m: "Machine", info: int, cb_flags: int, cb_type: int) -> int | None:
    """The CatchableType of the thrown object that a catch block of type ``cb_type`` accepts, or None."""
    mem = m.mem
    attrs = mem.u32(info)
    cta = mem.u32(info + 12)
    n = mem.u32(cta)
    want = _type_name(m, cb_type)
    for ctype in mem.unpack(f"<{n}I", cta + 4) if n else ():
        if not cb_type or not want:
            return ctype  # catch(...)
        ti = mem.u32(ctype + 4)
        if ti != cb_type and _type_name(m, ti) != want:
            continue
        if attrs & TYPE_FLAG_CONST and not cb_flags & TYPE_FLAG_CONST:
            continue
        if attrs & TYPE_FLAG_VOLATILE and not cb_flags & TYPE_FLAG_VOLATILE:
            continue
        return ctype
    return None


def _copy_exception(m: "Machine", obj: int, frame: int, cb_flags: int, cb_type: int, offset: int,
                    ctype: int) -> None:
    """Store the thrown object where the catch block expects its parameter (reference, value or copy)."""
    mem = m.mem
    if not cb_type or not _type_name(m, cb_type) or not offset:
        return
    dest = (frame + 12 + offset) & 0xFFFFFFFF
    props, _ti, _m, _p, _v, size, copy_ctor = mem.unpack("<IIiiiII", ctype)
    if cb_flags & TYPE_FLAG_REFERENCE:
        mem.w32(dest, _this_pointer(m, ctype, obj))
    elif props & CLASS_IS_SIMPLE_TYPE:
        mem.write(dest, mem.read(obj, size))
        if size == 4:
            mem.w32(dest, _this_pointer(m, ctype, mem.u32(dest)))
    elif copy_ctor:
        src = _this_pointer(m, ctype, obj)
        if props & CLASS_HAS_VIRTUAL_BASE_CLASS:
            call_regs(m, copy_ctor, src, 1, ecx=dest)
        else:
            call_regs(m, copy_ctor, src, ecx=dest)
    else:
        mem.write(dest, mem.read(_this_pointer(m, ctype, obj), size))


def cxx_local_unwind(m: "Machine", frame: int, descr: int, last: int) -> None:
    """Run the unwind-map actions (destructors) of a C++ frame from its state down to ``last``."""
    mem = m.mem
    count, table = mem.unpack("<II", descr + 4)
    level = _s32(mem.u32(frame + 8))
    while level != last:
        if level < 0 or level >= count:
            _fatal(m, f"C++ unwind: invalid state {level} in frame 0x{frame:x}")
        prev, action = mem.unpack("<iI", table + 8 * level)
        mem.w32(frame + 8, prev & 0xFFFFFFFF)
        if action:
            call_regs(m, action, ebp=frame + 12)
        level = prev
    mem.w32(frame + 8, last & 0xFFFFFFFF)


def _destroy(m: "Machine", obj: int, info: int) -> None:
    if obj and info:
        dtor = m.mem.u32(info + 4)
        if dtor:
            call_regs(m, dtor, ecx=obj)


def cxx_frame_handler(m: "Machine", rec: int, frame: int, descr: int, guard: Catch | None) -> int | None:
    """__CxxFrameHandler for ``frame`` (``guard``: called for an exception leaving that catch block);
    None when a catch block was entered."""
    mem = m.mem
    magic, _count, _unwind, ntry, trymap = mem.unpack("<IIIII", descr)
    if magic not in CXX_MAGICS:
        return CONTINUE_SEARCH
    if mem.u32(rec + 4) & UNWIND_FLAGS:
        if guard is None:
            cxx_local_unwind(m, frame, descr, -1)
        return CONTINUE_SEARCH
    if ntry == 0:
        return CONTINUE_SEARCH
    code, _fl, _inner, _addr, nparams = mem.unpack("<IIIII", rec)
    obj = info = 0
    if code == CXX_EXCEPTION and nparams >= 3:
        magic_p, obj, info = mem.unpack("<III", rec + 20)
        if magic_p not in CXX_MAGICS or info == 0:
            return CONTINUE_SEARCH
    elif magic >= CXX_MAGIC_VC8 and mem.u32(descr + 32) & FUNC_DESCR_SYNCHRONOUS:
        return CONTINUE_SEARCH
    level = _s32(mem.u32(frame + 8))
    for i in range(ntry):
        start, end, _catch_high, ncatch, cmap = mem.unpack("<iiiII", trymap + 20 * i)
        if guard is not None and start < guard.catch_level:
            continue  # only try blocks inside the running catch block
        if not start <= level <= end:
            continue
        for j in range(ncatch):
            cb_flags, cb_type, offset, handler = mem.unpack("<IIiI", cmap + 16 * j)
            if info:
                ctype = _find_caught_type(m, info, cb_flags, cb_type)
                if ctype is None:
                    continue
                _copy_exception(m, obj, frame, cb_flags, cb_type, offset, ctype)
            elif cb_type and _type_name(m, cb_type):
                continue  # an SEH exception: only catch(...) takes it
            _enter_catch(m, rec, frame, descr, start, end, handler, obj, info, guard)
            return None
    return CONTINUE_SEARCH


def _enter_catch(m: "Machine", rec: int, frame: int, descr: int, start: int, end: int, handler: int, obj: int,
                 info: int, guard: Catch | None) -> None:
    """Unwind to the catching frame, then continue in guest code at the catch trampoline."""
    mem = m.mem
    global_unwind(m, guard.reg if guard else frame, rec)
    cxx_local_unwind(m, frame, descr, start)
    mem.w32(frame + 8, (end + 1) & 0xFFFFFFFF)
    teb = _teb(m)
    cpu = m.cpu
    reg = (cpu.reg(ESP) - 0x40) & ~0xF
    mem.pack("<II", reg, mem.u32(teb), m.proc.export_addr("msvcrt", "_exeplay_catch_guard"))
    mem.w32(teb, reg)
    _catches(m).append(Catch(reg, frame, descr, end + 1, obj, info, mem.u32(frame - 4)))
    cpu.set_reg(ESP, reg)
    cpu.set_reg(EBP, frame + 12)
    cpu.set_reg(EAX, handler)
    cpu.set_reg(EIP, m.proc.export_addr("msvcrt", "_exeplay_catch_call"))


# Entered with ESP at the guard registration, EBP = the function's frame, EAX = the catch funclet.
native("msvcrt", "_exeplay_catch_call", """
    call eax
    push eax
    call {stub:_exeplay_catch_end}
    int3
""", doc="Run a catch funclet and continue where it says")


@stdcall("msvcrt")
def _exeplay_catch_end(m: "Machine", cont: PTR) -> None:
    """Internal: a catch funclet returned ``cont``: drop its guard, destroy the exception object, continue."""
    mem = m.mem
    reg = m.cpu.reg(ESP) + 8
    active = _catches(m)
    while active and active[-1].reg != reg:
        active.pop()
    if not active:
        _fatal(m, f"C++ catch block at 0x{reg:x} ended without its guard")
    c = active.pop()
    mem.w32(_teb(m), mem.u32(reg))
    mem.w32(c.frame - 4, c.save_esp)
    _destroy(m, c.obj, c.info)
    cpu = m.cpu
    cpu.set_reg(ESP, c.save_esp)
    cpu.set_reg(EBP, c.frame + 12)
    cpu.set_reg(EIP, cont)


@cdecl("msvcrt")
def _exeplay_catch_guard(m: "Machine", rec: PTR, reg: PTR, ctx: PTR, dc: PTR) -> DWORD:
    """Internal: frame handler of a running catch block: try blocks nested in it, cleanup when left by unwinding."""
    mem = m.mem
    active = _catches(m)
    idx = next((i for i in range(len(active) - 1, -1, -1) if active[i].reg == reg), None)
    if idx is None:
        return CONTINUE_SEARCH
    c = active[idx]
    if mem.u32(rec + 4) & UNWIND_FLAGS:
        del active[idx:]
        mem.w32(c.frame - 4, c.save_esp)
        code, _f, _i, _a, n = mem.unpack("<IIIII", rec)
        rethrown = code == CXX_EXCEPTION and n >= 3 and mem.u32(rec + 24) == c.obj
        if not rethrown:
            _destroy(m, c.obj, c.info)
        return CONTINUE_SEARCH
    return cxx_frame_handler(m, rec, c.frame, c.descr, c)  # type: ignore[return-value]


@cdecl("msvcrt", name="__CxxFrameHandler")
def CxxFrameHandler(m: "Machine", rec: PTR, frame: PTR, ctx: PTR, dc: PTR) -> DWORD:
    """C++ frame handler (FuncInfo in EAX): find a matching catch block, or run destructors when unwinding."""
    return cxx_frame_handler(m, rec, frame, m.cpu.reg(EAX), None)  # type: ignore[return-value]


@cdecl("msvcrt", name="__CxxFrameHandler3")
def CxxFrameHandler3(m: "Machine", rec: PTR, frame: PTR, ctx: PTR, dc: PTR) -> DWORD:
    """__CxxFrameHandler for VC7+ FuncInfo (magic 0x19930521/22)."""
    return cxx_frame_handler(m, rec, frame, m.cpu.reg(EAX), None)  # type: ignore[return-value]


@stdcall("msvcrt", name="__CxxLongjmpUnwind@4")
def CxxLongjmpUnwind(m: "Machine", buf: PTR) -> None:
    """longjmp's unwind function for a C++ frame (_setjmp3): run its destructors down to the saved state."""
    frame, level = m.mem.unpack("<Ii", buf + 24)
    cxx_local_unwind(m, frame, m.mem.u32(buf + 40), level)


@stdcall("msvcrt", name="_seh_longjmp_unwind@4")
def seh_longjmp_unwind(m: "Machine", buf: PTR) -> None:
    """longjmp's unwind function for an EH3 frame (_setjmp3): run its __finally blocks down to the saved level."""
    frame, level = m.mem.unpack("<Ii", buf + 24)
    local_unwind2(m, frame, level)


@cdecl("msvcrt")
def __CxxDetectRethrow(m: "Machine", ptrs: PTR) -> DWORD:
    """TRUE if the exception in EXCEPTION_POINTERS is a C++ rethrow (``throw;``)."""
    if not ptrs:
        return 0
    rec = m.mem.u32(ptrs)
    code, _f, _i, _a, n = m.mem.unpack("<IIIII", rec)
    return int(code == CXX_EXCEPTION and n == 3 and m.mem.u32(rec + 20) in CXX_MAGICS and m.mem.u32(rec + 28) == 0)


# ---- terminate, purecall, type_info ----------------------------------------------------------------
def _fatal(m: "Machine", msg: str) -> None:
    from ..machine import EmulatorStop  # noqa: PLC0415
    raise EmulatorStop(msg)


def _stderr(m: "Machine", text: str) -> None:
    from ..kernel32.console import STD_ERROR, std_object  # noqa: PLC0415
    f = std_object(m, STD_ERROR)
    try:
        f.write(text.encode(m.ansi, "replace"))
    except OSError:
        sys.stderr.write(text)


def _eh_state(m: "Machine") -> dict[str, int]:
    return m.state.setdefault("cxx_handlers", {"terminate": 0, "unexpected": 0, "purecall": 0})  # type: ignore


@cdecl("msvcrt", name="?terminate@@YAXXZ")
def terminate(m: "Machine") -> None:
    """std::terminate: call the set_terminate handler, then abort() (exit code 3)."""
    h = _eh_state(m)["terminate"]
    if h:
        _eh_state(m)["terminate"] = 0
        call_regs(m, h)
    _stderr(m, "\r\nabnormal program termination\r\n")
    raise ProcessExit(3)


@cdecl("msvcrt", name="?unexpected@@YAXXZ")
def unexpected(m: "Machine") -> None:
    """std::unexpected: call the set_unexpected handler, else terminate()."""
    h = _eh_state(m)["unexpected"]
    if h:
        call_regs(m, h)
    terminate(m)


@cdecl("msvcrt", name="?set_terminate@@YAP6AXXZP6AXXZ@Z")
def set_terminate(m: "Machine", func: PTR) -> PTR:
    """Install the terminate handler; returns the previous one."""
    st = _eh_state(m)
    old, st["terminate"] = st["terminate"], func
    return old


@cdecl("msvcrt", name="?set_unexpected@@YAP6AXXZP6AXXZ@Z")
def set_unexpected(m: "Machine", func: PTR) -> PTR:
    """Install the unexpected handler; returns the previous one."""
    st = _eh_state(m)
    old, st["unexpected"] = st["unexpected"], func
    return old


@cdecl("msvcrt")
def _purecall(m: "Machine") -> None:
    """A pure virtual function was called: the _set_purecall_handler handler, else runtime error R6025 (exit 255)."""
    h = _eh_state(m)["purecall"]
    if h:
        call_regs(m, h)
    _stderr(m, "\r\nruntime error R6025\r\n- pure virtual function call\r\n")
    raise ProcessExit(255)


@cdecl("msvcrt")
def _set_purecall_handler(m: "Machine", func: PTR) -> PTR:
    """Install the pure-virtual-call handler; returns the previous one."""
    st = _eh_state(m)
    old, st["purecall"] = st["purecall"], func
    return old


@cdecl("msvcrt", name="??1type_info@@UAE@XZ")
def type_info_dtor(m: "Machine") -> None:
    """type_info::~type_info (thiscall); exeplay's type_info::name() caches nothing, so there is nothing to free."""
