"""msvcrt: _beginthread/_beginthreadex and _endthread/_endthreadex on top of kernel32 threads."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import PTR, UINT, cdecl, native
from ..kernel32.thread import create_thread
from ..threads import ThreadExit
from .crt import EAGAIN, EINVAL, heap, set_errno

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"

# _beginthread's thread body: call the cdecl start(arg) from a {start, arg} block, then _endthread()
native(D, "_exeplay_beginthread_start", """
    mov eax, dword ptr [esp+4]
    push dword ptr [eax+4]
    call dword ptr [eax]
    add esp, 4
    call {stub:_endthread}
    ret 4
""", 4, doc="thread body of _beginthread")


@cdecl(D)
def _beginthreadex(m: "Machine", security: PTR, stack_size: UINT, start_address: PTR, arglist: PTR,
                   initflag: UINT, thrdaddr: PTR) -> PTR:
    """Start a thread at the __stdcall start_address(arglist); its handle (closed by the caller), or 0."""
    if not start_address:
        set_errno(m, EINVAL)
        return 0
    try:
        return create_thread(m, start_address, arglist, stack_size, initflag, thrdaddr)
    except MemoryError:
        set_errno(m, EAGAIN)
        return 0


@cdecl(D)
def _beginthread(m: "Machine", start_address: PTR, stack_size: UINT, arglist: PTR) -> PTR:
    """Start a thread at the __cdecl start_address(arglist); returns its handle, or -1."""
    if not start_address:
        set_errno(m, EINVAL)
        return 0xFFFFFFFF
    block = heap(m).alloc(8)
    m.mem.pack("<II", block, start_address, arglist)
    entry = m.proc.by_key[D].exports["_exeplay_beginthread_start"]
    try:
        return create_thread(m, entry, block, stack_size, 0, 0)
    except MemoryError:
        set_errno(m, EAGAIN)
        return 0xFFFFFFFF


@cdecl(D)
def _endthread(m: "Machine") -> None:
    """End the calling thread with exit code 0."""
    raise ThreadExit(0)


@cdecl(D)
def _endthreadex(m: "Machine", retval: UINT) -> None:
    """End the calling thread with exit code retval."""
    raise ThreadExit(retval)
