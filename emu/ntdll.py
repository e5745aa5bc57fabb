"""ntdll: exception dispatch (guest code), unwinding, NtContinue and the few Rtl* functions programs import."""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from . import seh
from .api import DWORD, PTR, alias, native, stdcall
from .cpu import EAX, EIP, ESP

if TYPE_CHECKING:
    from .machine import Machine

# KiUserExceptionDispatcher(rec, ctx) -- entered with [esp]=rec, [esp+4]=ctx, as on Windows.
native("ntdll", "KiUserExceptionDispatcher", """
    mov ebx, dword ptr [esp]
    mov edi, dword ptr [esp+4]
    push edi
    push ebx
    call {stub:_exeplay_vectored}
    test eax, eax
    jnz cont
    mov esi, dword ptr fs:[0]
next:
    cmp esi, 0xffffffff
    je unhandled
    mov ebp, esp
    sub esp, 8
    push esp
    push edi
    push esi
    push ebx
    call dword ptr [esi+4]
    mov esp, ebp
    test eax, eax
    jz cont
    mov esi, dword ptr [esi]
    jmp next
cont:
    push 0
    push edi
    call {stub:NtContinue}
unhandled:
    push edi
    push ebx
    call {stub:_exeplay_unhandled}
    int3
""", doc="Walk vectored handlers and the FS:[0] chain for an exception")


def _pointers(m: "Machine", rec: int, ctx: int) -> int:
    """EXCEPTION_POINTERS in the thread's scratch page (TEB+0x1000)."""
    assert m.thread is not None
    p = m.thread.teb + 0x1000
    m.mem.pack("<II", p, rec, ctx)
    return p


@stdcall("ntdll")
def _exeplay_vectored(m: "Machine", rec: PTR, ctx: PTR) -> DWORD:
    """Internal: call AddVectoredExceptionHandler handlers; 1 if one continued execution."""
    handlers = m.state.get("vectored", [])
    for h in list(handlers):
        if m.call(h, _pointers(m, rec, ctx)) == 0xFFFFFFFF:  # EXCEPTION_CONTINUE_EXECUTION
            return 1
    return 0


@stdcall("ntdll")
def _exeplay_unhandled(m: "Machine", rec: PTR, ctx: PTR) -> DWORD:
    """Internal: no frame handled the exception: the top-level filter, then a crash report."""
    from .machine import GuestCrash  # noqa: PLC0415
    from .threads import ProcessExit  # noqa: PLC0415
    flt = m.state.get("unhandled_filter", 0)
    code = m.mem.u32(rec)
    if flt:
        r = m.call(flt, _pointers(m, rec, ctx))
        if r == 0xFFFFFFFF:
            seh.load_context(m, ctx)
            return m.cpu.reg(EAX)
        if r == 1:
            raise ProcessExit(code)
    code, report = seh.crash_report(m, rec, ctx)
    raise GuestCrash(code, report)


@stdcall("ntdll")
def NtContinue(m: "Machine", ctx: PTR, alert: DWORD) -> DWORD:
    """Resume execution with the registers in CONTEXT ``ctx``."""
    seh.load_context(m, ctx)
    return m.cpu.reg(EAX)


@stdcall("ntdll")
def RtlUnwind(m: "Machine", target_frame: PTR, target_ip: PTR, rec: PTR, retval: DWORD) -> None:
    """Call the handlers of frames above ``target_frame`` with EXCEPTION_UNWINDING and unlink them."""
    mem = m.mem
    assert m.thread is not None
    teb = m.thread.teb
    cpu = m.cpu
    esp = cpu.reg(ESP)
    ret_addr = mem.u32(esp)
    if rec == 0:
        rec = m.thread.teb + 0x1100
        mem.write(rec, struct.pack("<IIIII", 0xC0000027, 0, 0, ret_addr, 0))
    flags = mem.u32(rec + 4) | seh.EXCEPTION_UNWINDING
    if target_frame == 0:
        flags |= seh.EXCEPTION_EXIT_UNWIND
    mem.w32(rec + 4, flags)
    ctx = m.thread.teb + 0x1200
    seh.write_context(m, ctx, ret_addr, esp + 20)
    frame = mem.u32(teb)
    while frame != 0xFFFFFFFF and frame != target_frame:
        handler = mem.u32(frame + 4)
        dc = m.thread.teb + 0x1180
        m.call(handler, rec, frame, ctx, dc)
        frame = mem.u32(frame)
        mem.w32(teb, frame)
    if target_ip:
        cpu.set_reg(EAX, retval)
        cpu.set_reg(ESP, esp + 20)
        cpu.set_reg(EIP, target_ip)
    else:
        cpu.set_reg(EAX, retval)


@stdcall("ntdll")
def RtlGetVersion(m: "Machine", info: PTR) -> DWORD:
    """Fill RTL_OSVERSIONINFOW with Windows XP SP3 (5.1.2600); STATUS_SUCCESS."""
    size = m.mem.u32(info)
    m.mem.pack("<IIIII", info + 4, 5, 1, 2600, 2, 0)
    m.mem.write_wstr(info + 20, "Service Pack 3")
    if size >= 0x11C:
        m.mem.pack("<HHHBB", info + 0x114, 3, 0, 0x100, 1, 0)
    return 0


@stdcall("ntdll")
def RtlRaiseException(m: "Machine", rec: PTR) -> None:
    """Raise the exception described by ``rec`` (continuable: returns after its handler says so)."""
    esp = m.cpu.reg(ESP)
    ret = m.mem.u32(esp)
    data = m.mem.read(rec, seh.RECORD_SIZE)
    code, flags, _inner, addr, n = struct.unpack_from("<IIIII", data)
    params = list(struct.unpack_from(f"<{min(n, 15)}I", data, 20)) if n else []
    seh.dispatch(m, code, addr or ret, params, eip=ret, esp=esp + 8, flags=flags)


native("ntdll", "RtlMoveMemory", """
    push esi
    push edi
    mov edi, dword ptr [esp+12]
    mov esi, dword ptr [esp+16]
    mov ecx, dword ptr [esp+20]
    cmp edi, esi
    jbe forward
    lea eax, [esi+ecx]
    cmp edi, eax
    jae forward
    lea esi, [esi+ecx-1]
    lea edi, [edi+ecx-1]
    std
    rep movsb
    cld
    jmp done
forward:
    rep movsb
done:
    pop edi
    pop esi
    ret 12
""", 12, doc="memmove")
native("ntdll", "RtlZeroMemory", """
    push edi
    mov edi, dword ptr [esp+8]
    mov ecx, dword ptr [esp+12]
    xor eax, eax
    rep stosb
    pop edi
    ret 8
""", 8, doc="memset to zero")
native("ntdll", "RtlFillMemory", """
    push edi
    mov edi, dword ptr [esp+8]
    mov ecx, dword ptr [esp+12]
    mov eax, dword ptr [esp+16]
    rep stosb
    pop edi
    ret 12
""", 12, doc="memset")

# kernel32 exports these ntdll functions (forwarders on Windows).
alias("kernel32", "ntdll", ["RtlUnwind", "RtlMoveMemory", "RtlZeroMemory", "RtlFillMemory"])
