"""Structured exception handling, as Windows does it on x86.

A CPU fault (or RaiseException) builds a real EXCEPTION_RECORD and CONTEXT on the faulting thread's
stack and continues at ``ntdll!KiUserExceptionDispatcher``, guest code (see ``ntdll.py``) that calls
the vectored handlers, walks the FS:[0] registration chain calling each handler, and either continues
with NtContinue or reaches the unhandled-exception path (the top-level filter, then a crash report).
Handlers that unwind (``RtlUnwind``) and jump into ``__except`` blocks simply never return to it.
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from unicorn import UC_ERR_OK
from unicorn import unicorn_const as ucc
from unicorn import x86_const as X

from .cpu import EAX, EBP, EBX, ECX, EDI, EDX, EFLAGS, EIP, ESI, ESP

if TYPE_CHECKING:
    from .machine import Machine

EXCEPTION_ACCESS_VIOLATION = 0xC0000005
EXCEPTION_INT_DIVIDE_BY_ZERO = 0xC0000094
EXCEPTION_INT_OVERFLOW = 0xC0000095
EXCEPTION_BREAKPOINT = 0x80000003
EXCEPTION_SINGLE_STEP = 0x80000004
EXCEPTION_ILLEGAL_INSTRUCTION = 0xC000001D
EXCEPTION_PRIV_INSTRUCTION = 0xC0000096
EXCEPTION_STACK_OVERFLOW = 0xC00000FD
EXCEPTION_FLT_DIVIDE_BY_ZERO = 0xC000008E
EXCEPTION_NONCONTINUABLE = 0x1
EXCEPTION_UNWINDING = 0x2
EXCEPTION_EXIT_UNWIND = 0x4

NAMES = {
    EXCEPTION_ACCESS_VIOLATION: "access violation", EXCEPTION_INT_DIVIDE_BY_ZERO: "integer divide by zero",
    EXCEPTION_INT_OVERFLOW: "integer overflow", EXCEPTION_BREAKPOINT: "breakpoint",
    EXCEPTION_ILLEGAL_INSTRUCTION: "illegal instruction", EXCEPTION_PRIV_INSTRUCTION: "privileged instruction",
    EXCEPTION_STACK_OVERFLOW: "stack overflow", EXCEPTION_SINGLE_STEP: "single step",
    0xE06D7363: "C++ exception", 0xC0000409: "stack buffer overrun", 0xC0000025: "noncontinuable exception",
}

CONTEXT_SIZE = 0x2CC
RECORD_SIZE = 0x50
CONTEXT_FULL = 0x10007
CONTEXT_FLOATING_POINT = 0x10008
CONTEXT_EXTENDED = 0x10020
# CONTEXT field offsets
C_GS, C_FS, C_ES, C_DS = 0x8C, 0x90, 0x94, 0x98
C_EDI, C_ESI, C_EBX, C_EDX, C_ECX, C_EAX = 0x9C, 0xA0, 0xA4, 0xA8, 0xAC, 0xB0
C_EBP, C_EIP, C_CS, C_EFLAGS, C_ESP, C_SS = 0xB4, 0xB8, 0xBC, 0xC0, 0xC4, 0xC8
_REGS = ((C_EDI, EDI), (C_ESI, ESI), (C_EBX, EBX), (C_EDX, EDX), (C_ECX, ECX), (C_EAX, EAX), (C_EBP, EBP),
         (C_EIP, EIP), (C_EFLAGS, EFLAGS), (C_ESP, ESP))


def write_context(m: "Machine", addr: int, eip: int, esp: int | None = None) -> None:
    cpu = m.cpu
    buf = bytearray(CONTEXT_SIZE)
    struct.pack_into("<I", buf, 0, CONTEXT_FULL | 0x8)
    for off, reg in _REGS:
        struct.pack_into("<I", buf, off, cpu.reg(reg))
    struct.pack_into("<I", buf, C_EIP, eip)
    if esp is not None:
        struct.pack_into("<I", buf, C_ESP, esp)
    # The selectors a 32-bit Windows user-mode thread has (ours run with private GDT selectors).
    for off, sel in ((C_GS, 0), (C_FS, 0x3B), (C_ES, 0x23), (C_DS, 0x23), (C_CS, 0x1B), (C_SS, 0x23)):
        struct.pack_into("<I", buf, off, sel)
    fpcw = m.uc.reg_read(X.UC_X86_REG_FPCW)
    struct.pack_into("<I", buf, 0x1C, fpcw)
    m.mem.write(addr, bytes(buf))


def load_context(m: "Machine", addr: int) -> None:
    """Set the CPU registers from a CONTEXT (NtContinue / SetThreadContext semantics)."""
    ctx = m.mem.read(addr, CONTEXT_SIZE)
    flags = struct.unpack_from("<I", ctx, 0)[0]
    cpu = m.cpu
    if flags & 0x2 or flags == 0:  # integer
        for off, reg in ((C_EDI, EDI), (C_ESI, ESI), (C_EBX, EBX), (C_EDX, EDX), (C_ECX, ECX), (C_EAX, EAX)):
            cpu.set_reg(reg, struct.unpack_from("<I", ctx, off)[0])
    if flags & 0x1 or flags == 0:  # control
        cpu.set_reg(EBP, struct.unpack_from("<I", ctx, C_EBP)[0])
        cpu.set_reg(ESP, struct.unpack_from("<I", ctx, C_ESP)[0])
        cpu.set_reg(EFLAGS, struct.unpack_from("<I", ctx, C_EFLAGS)[0] | 0x2)
        cpu.set_reg(EIP, struct.unpack_from("<I", ctx, C_EIP)[0])


def dispatch(m: "Machine", code: int, addr: int, params: list[int], *, eip: int, esp: int | None = None,
             flags: int = 0) -> None:
    """Start dispatching an exception on the current thread: build the record and context below the
    stack pointer and point EIP at KiUserExceptionDispatcher."""
    cpu = m.cpu
    cur_esp = cpu.reg(ESP) if esp is None else esp
    base = (cur_esp - CONTEXT_SIZE - RECORD_SIZE - 0x40) & ~0xF
    ctx = base
    rec = base + CONTEXT_SIZE + 4
    write_context(m, ctx, eip, esp)
    params = params[:15]
    recbuf = struct.pack(f"<IIIII{len(params)}I", code, flags, 0, addr, len(params), *params)
    m.mem.write(rec, recbuf.ljust(RECORD_SIZE, b"\0"))
    frame = ctx - 8
    m.mem.write(frame, struct.pack("<II", rec, ctx))
    cpu.set_reg(ESP, frame)
    cpu.set_reg(EIP, m.proc.export_addr("ntdll", "KiUserExceptionDispatcher"))


def raise_from_fault(m: "Machine", err: int) -> None:
    """Turn a Unicorn stop (memory fault, invalid instruction, interrupt) into a guest exception."""
    cpu = m.cpu
    eip = cpu.reg(EIP)
    intr = m._intr
    m._intr = None
    fault = m._fault
    m._fault = None
    if intr is not None and err == UC_ERR_OK:
        if intr == 0:
            dispatch(m, EXCEPTION_INT_DIVIDE_BY_ZERO, eip, [], eip=eip)
        elif intr == 3:
            dispatch(m, EXCEPTION_BREAKPOINT, eip - 1, [0], eip=eip - 1)
        elif intr == 4:
            dispatch(m, EXCEPTION_INT_OVERFLOW, eip, [], eip=eip)
        elif intr == 1:
            dispatch(m, EXCEPTION_SINGLE_STEP, eip, [], eip=eip)
        elif intr == 6:
            dispatch(m, EXCEPTION_ILLEGAL_INSTRUCTION, eip, [], eip=eip)
        elif intr == 0x2D:
            dispatch(m, EXCEPTION_BREAKPOINT, eip - 2, [0], eip=eip)
        else:  # int nn without a handler is a GP fault on Windows
            dispatch(m, EXCEPTION_ACCESS_VIOLATION, eip - 2, [0, 0xFFFFFFFF], eip=eip - 2)
        return
    if err in (ucc.UC_ERR_READ_UNMAPPED, ucc.UC_ERR_WRITE_UNMAPPED, ucc.UC_ERR_FETCH_UNMAPPED,
               ucc.UC_ERR_READ_PROT, ucc.UC_ERR_WRITE_PROT, ucc.UC_ERR_FETCH_PROT,
               ucc.UC_ERR_READ_UNALIGNED, ucc.UC_ERR_WRITE_UNALIGNED):
        kind = 0
        addr = fault[1] if fault else 0
        if err in (ucc.UC_ERR_WRITE_UNMAPPED, ucc.UC_ERR_WRITE_PROT):
            kind = 1
        elif err in (ucc.UC_ERR_FETCH_UNMAPPED, ucc.UC_ERR_FETCH_PROT):
            kind = 8
            addr = addr or eip
        t = m.thread
        if t is not None and t.stack.base <= addr < t.stack.base + 0x3000 and m.proc.stack_guard_hit(t, addr):
            # Guard page hit: it is now committed and the dispatcher runs on it.
            dispatch(m, EXCEPTION_STACK_OVERFLOW, eip, [kind, addr], eip=eip)
            return
        dispatch(m, EXCEPTION_ACCESS_VIOLATION, eip, [kind, addr], eip=eip)
        return
    if err == ucc.UC_ERR_INSN_INVALID:
        dispatch(m, EXCEPTION_ILLEGAL_INSTRUCTION, eip, [], eip=eip)
        return
    if err == ucc.UC_ERR_EXCEPTION:
        dispatch(m, EXCEPTION_PRIV_INSTRUCTION, eip, [], eip=eip)
        return
    from .machine import EmulatorStop  # noqa: PLC0415
    raise EmulatorStop(f"CPU error at {m.describe(eip)}: {ucc.__dict__.get('UC_ERR_', '')}{err}")


def crash_report(m: "Machine", rec: int, ctx: int) -> tuple[int, str]:
    """The text printed for an unhandled exception: code, address, registers, disassembly, last calls."""
    code, _flags, _inner, addr, nparams = m.mem.unpack("<IIIII", rec)
    params = list(m.mem.unpack(f"<{min(nparams, 15)}I", rec + 20)) if nparams else []
    c = m.mem.read(ctx, CONTEXT_SIZE)
    reg = {n: struct.unpack_from("<I", c, o)[0] for n, o in (("eax", C_EAX), ("ebx", C_EBX), ("ecx", C_ECX),
                                                           ("edx", C_EDX), ("esi", C_ESI), ("edi", C_EDI),
                                                           ("ebp", C_EBP), ("esp", C_ESP), ("eip", C_EIP),
                                                           ("eflags", C_EFLAGS))}
    name = NAMES.get(code, "exception")
    lines = [f"unhandled exception 0x{code:08x} ({name}) at {m.describe(addr)}"]
    if code == EXCEPTION_ACCESS_VIOLATION and len(params) >= 2:
        op = {0: "reading", 1: "writing", 8: "executing"}.get(params[0], "accessing")
        lines.append(f"  {op} address 0x{params[1]:08x}")
    tid = m.thread.tid if m.thread else 0
    lines.append(f"thread 0x{tid:x}")
    lines.append("registers:")
    names = list(reg)
    for i in range(0, len(names), 4):
        lines.append("  " + "  ".join(f"{n}={reg[n]:08x}" for n in names[i:i + 4]))
    lines.append("code:")
    lines.extend(disassemble(m, reg["eip"]))
    lines.append(m.crash_context())
    return code, "\n".join(lines)


def disassemble(m: "Machine", eip: int, before: int = 24, count: int = 10) -> list[str]:
    try:
        import capstone  # noqa: PLC0415
    except ImportError:
        return ["  (capstone not installed)"]
    md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_32)
    out: list[str] = []
    # Find an instruction boundary before EIP by trying start offsets until one decodes onto EIP.
    start = eip
    for back in range(before, 0, -1):
        try:
            code = m.mem.read(eip - back, back)
        except Exception:  # noqa: BLE001
            continue
        addrs = [i.address for i in md.disasm(code, eip - back)]
        total = sum(i.size for i in md.disasm(code, eip - back))
        if addrs and total == back:
            start = eip - back
            break
    try:
        code = m.mem.read(start, (eip - start) + 48)
    except Exception:  # noqa: BLE001
        return [f"  (code at 0x{eip:08x} is not readable)"]
    insns = list(md.disasm(code, start))
    at = next((i for i, ins in enumerate(insns) if ins.address == eip), 0)
    for ins in insns[max(0, at - count // 2):at + count // 2 + 1]:
        mark = "=>" if ins.address == eip else "  "
        out.append(f"  {mark} {ins.address:08x}: {ins.bytes.hex():<16} {ins.mnemonic} {ins.op_str}")
    return out
