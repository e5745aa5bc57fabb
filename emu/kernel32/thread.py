"""kernel32: threads and thread-local storage."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import BOOL, DWORD, HANDLE, INT, PTR, SIZE_T, stdcall
from ..threads import Thread, ThreadExit

if TYPE_CHECKING:
    from ..machine import Machine

CREATE_SUSPENDED = 0x4
TLS_OUT_OF_INDEXES = 0xFFFFFFFF


def create_thread(m: "Machine", start: int, param: int, stack: int, flags: int, tid_out: int) -> int:
    t = m.proc.create_thread(start, param, stack or (m.proc.exe.pf.stack_reserve if m.proc.exe and m.proc.exe.pf
                                                     else 0x100000), suspended=bool(flags & CREATE_SUSPENDED))
    if tid_out:
        m.mem.w32(tid_out, t.tid)
    return m.handles.add(t)


@stdcall("kernel32")
def CreateThread(m: "Machine", lpThreadAttributes: PTR, dwStackSize: SIZE_T, lpStartAddress: PTR,
                 lpParameter: PTR, dwCreationFlags: DWORD, lpThreadId: PTR) -> HANDLE:
    """Start a guest thread at lpStartAddress(lpParameter); its handle is signalled when it ends."""
    return create_thread(m, lpStartAddress, lpParameter, dwStackSize, dwCreationFlags, lpThreadId)


@stdcall("kernel32")
def ExitThread(m: "Machine", dwExitCode: DWORD) -> None:
    """End the calling thread (the process ends with the last thread)."""
    raise ThreadExit(dwExitCode)


def _thread(m: "Machine", h: int) -> Thread | None:
    if h == 0xFFFFFFFE:
        return m.thread
    t = m.handles.get(h)
    if isinstance(t, Thread):
        return t
    m.set_last_error(6)
    return None


@stdcall("kernel32")
def TerminateThread(m: "Machine", hThread: HANDLE, dwExitCode: DWORD) -> BOOL:
    """End a thread immediately."""
    t = _thread(m, hThread)
    if t is None:
        return 0
    if t is m.thread:
        raise ThreadExit(dwExitCode)
    m.end_thread(t, dwExitCode)
    return 1


@stdcall("kernel32")
def GetExitCodeThread(m: "Machine", hThread: HANDLE, lpExitCode: PTR) -> BOOL:
    """STILL_ACTIVE (259) while running."""
    t = _thread(m, hThread)
    if t is None:
        return 0
    m.mem.w32(lpExitCode, t.exit_code)
    return 1


@stdcall("kernel32")
def ResumeThread(m: "Machine", hThread: HANDLE) -> DWORD:
    """Decrement the suspend count; returns the previous count."""
    t = _thread(m, hThread)
    if t is None:
        return 0xFFFFFFFF
    prev = t.suspended
    if t.suspended:
        t.suspended -= 1
    return prev


@stdcall("kernel32")
def SuspendThread(m: "Machine", hThread: HANDLE) -> DWORD:
    """Increment the suspend count; returns the previous count."""
    t = _thread(m, hThread)
    if t is None:
        return 0xFFFFFFFF
    prev = t.suspended
    t.suspended += 1
    if t is m.thread:
        from ..threads import Yield  # noqa: PLC0415
        raise Yield(prev)
    return prev


@stdcall("kernel32")
def SetThreadPriority(m: "Machine", hThread: HANDLE, nPriority: INT) -> BOOL:
    """Remembered; scheduling is round-robin."""
    t = _thread(m, hThread)
    if t is None:
        return 0
    t.priority = nPriority
    return 1


@stdcall("kernel32")
def GetThreadPriority(m: "Machine", hThread: HANDLE) -> INT:
    """The remembered priority."""
    t = _thread(m, hThread)
    return 0x7FFFFFFF if t is None else t.priority


@stdcall("kernel32")
def SetThreadAffinityMask(m: "Machine", hThread: HANDLE, dwThreadAffinityMask: DWORD) -> DWORD:
    """One emulated processor: the previous mask is 1."""
    return 1 if dwThreadAffinityMask & 1 else 0


@stdcall("kernel32")
def SetProcessAffinityMask(m: "Machine", hProcess: HANDLE, dwProcessAffinityMask: DWORD) -> BOOL:
    """Only processor 0 exists."""
    return 1 if dwProcessAffinityMask & 1 else 0


@stdcall("kernel32")
def GetProcessAffinityMask(m: "Machine", hProcess: HANDLE, lpProcessAffinityMask: PTR,
                           lpSystemAffinityMask: PTR) -> BOOL:
    """One processor."""
    m.mem.w32(lpProcessAffinityMask, 1)
    m.mem.w32(lpSystemAffinityMask, 1)
    return 1


# ---- TLS -------------------------------------------------------------------------------------
def _tls_bits(m: "Machine") -> list[bool]:
    return m.state.setdefault("tls_used", [False] * 1088)


@stdcall("kernel32")
def TlsAlloc(m: "Machine") -> DWORD:
    """A free TLS index (0..1087), its slot zeroed in every thread."""
    bits = _tls_bits(m)
    for i, used in enumerate(bits):
        if not used:
            bits[i] = True
            for t in m.threads:
                _tls_write(m, t, i, 0)
            return i
    m.set_last_error(8)
    return TLS_OUT_OF_INDEXES


def _tls_write(m: "Machine", t: Thread, i: int, v: int) -> None:
    if i < 64:
        m.mem.w32(t.teb + 0xE10 + 4 * i, v)
        return
    exp = m.mem.u32(t.teb + 0xF94)
    if not exp:
        exp = m.proc.alloc_static(4 * 1024)
        m.mem.w32(t.teb + 0xF94, exp)
    m.mem.w32(exp + 4 * (i - 64), v)


@stdcall("kernel32")
def TlsFree(m: "Machine", dwTlsIndex: DWORD) -> BOOL:
    """Release an index."""
    bits = _tls_bits(m)
    if dwTlsIndex >= len(bits) or not bits[dwTlsIndex]:
        m.set_last_error(87)
        return 0
    bits[dwTlsIndex] = False
    return 1


@stdcall("kernel32")
def _exeplay_TlsSetValue_slow(m: "Machine", dwTlsIndex: DWORD, lpTlsValue: PTR) -> BOOL:
    """Internal: TlsSetValue for expansion slots (index >= 64)."""
    if dwTlsIndex >= 1088 or m.thread is None:
        m.set_last_error(87)
        return 0
    _tls_write(m, m.thread, dwTlsIndex, lpTlsValue)
    return 1
