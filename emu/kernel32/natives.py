"""kernel32 functions that run as guest code inside the DLL image (no trap into Python).

These are the per-frame / per-lock hot paths. They read the TEB through FS and the tick count from
KUSER_SHARED_DATA (0x7FFE0000), as Windows does. Slow paths tail-jump to Python stubs.
"""
from __future__ import annotations

from ..api import native

native("kernel32", "GetLastError", "mov eax, dword ptr fs:[0x34]; ret")
native("kernel32", "SetLastError", "mov eax, dword ptr [esp+4]; mov dword ptr fs:[0x34], eax; ret 4", 4)
native("kernel32", "GetCurrentThreadId", "mov eax, dword ptr fs:[0x24]; ret")
native("kernel32", "GetCurrentProcessId", "mov eax, dword ptr fs:[0x20]; ret")
native("kernel32", "GetCurrentProcess", "mov eax, 0xffffffff; ret")
native("kernel32", "GetCurrentThread", "mov eax, 0xfffffffe; ret")
native("kernel32", "GetProcessHeap", "mov eax, dword ptr fs:[0x30]; mov eax, dword ptr [eax+0x18]; ret")
native("kernel32", "GetTickCount", "mov eax, dword ptr [0x7ffe0000]; ret")
native("kernel32", "TlsGetValue", """
    mov ecx, dword ptr [esp+4]
    cmp dword ptr fs:[0x34], 0
    je cleared
    mov dword ptr fs:[0x34], 0
cleared:
    cmp ecx, 64
    jae expansion
    mov eax, dword ptr fs:[ecx*4+0xe10]
    ret 4
expansion:
    mov eax, dword ptr fs:[0xf94]
    test eax, eax
    jz done
    mov eax, dword ptr [eax+ecx*4-256]
done:
    ret 4
""", 4)
native("kernel32", "TlsSetValue", """
    mov ecx, dword ptr [esp+4]
    cmp ecx, 64
    jae slow
    mov eax, dword ptr [esp+8]
    mov dword ptr fs:[ecx*4+0xe10], eax
    mov eax, 1
    ret 8
slow:
    jmp {stub:_exeplay_TlsSetValue_slow}
""", 8)
# CRITICAL_SECTION: +4 LockCount (waiters, -1 = none), +8 RecursionCount, +0xC OwningThread.
# The owner field is the lock word: one lock cmpxchg acquires it, so preemption cannot split it.
native("kernel32", "EnterCriticalSection", """
    mov ecx, dword ptr [esp+4]
    mov edx, dword ptr fs:[0x24]
    xor eax, eax
    lock cmpxchg dword ptr [ecx+0xc], edx
    jnz busy
    mov dword ptr [ecx+8], 1
    ret 4
busy:
    cmp eax, edx
    jne wait
    inc dword ptr [ecx+8]
    ret 4
wait:
    jmp {stub:_exeplay_cs_wait}
""", 4)
native("kernel32", "TryEnterCriticalSection", """
    mov ecx, dword ptr [esp+4]
    mov edx, dword ptr fs:[0x24]
    xor eax, eax
    lock cmpxchg dword ptr [ecx+0xc], edx
    jnz busy
    mov dword ptr [ecx+8], 1
    mov eax, 1
    ret 4
busy:
    cmp eax, edx
    jne fail
    inc dword ptr [ecx+8]
    mov eax, 1
    ret 4
fail:
    xor eax, eax
    ret 4
""", 4)
native("kernel32", "LeaveCriticalSection", """
    mov ecx, dword ptr [esp+4]
    mov edx, dword ptr fs:[0x24]
    cmp dword ptr [ecx+0xc], edx
    jne done
    dec dword ptr [ecx+8]
    jnz done
    mov dword ptr [ecx+0xc], 0
    cmp dword ptr [ecx+4], -1
    jne wake
done:
    ret 4
wake:
    jmp {stub:_exeplay_cs_wake}
""", 4)
native("kernel32", "InterlockedIncrement", """
    mov ecx, dword ptr [esp+4]
    mov eax, 1
    lock xadd dword ptr [ecx], eax
    inc eax
    ret 4
""", 4)
native("kernel32", "InterlockedDecrement", """
    mov ecx, dword ptr [esp+4]
    mov eax, -1
    lock xadd dword ptr [ecx], eax
    dec eax
    ret 4
""", 4)
native("kernel32", "InterlockedExchange", """
    mov ecx, dword ptr [esp+4]
    mov eax, dword ptr [esp+8]
    xchg dword ptr [ecx], eax
    ret 8
""", 8)
native("kernel32", "InterlockedExchangeAdd", """
    mov ecx, dword ptr [esp+4]
    mov eax, dword ptr [esp+8]
    lock xadd dword ptr [ecx], eax
    ret 8
""", 8)
native("kernel32", "InterlockedCompareExchange", """
    mov ecx, dword ptr [esp+4]
    mov edx, dword ptr [esp+8]
    mov eax, dword ptr [esp+12]
    lock cmpxchg dword ptr [ecx], edx
    ret 12
""", 12)
# Every thread starts here, as in kernel32's BaseThreadStart: the start routine is called inside a standard EBP
# frame (size-coded programs return from their entry with an extra LEAVE that unwinds this frame).
native("kernel32", "$exeplay_ThreadStart", """
    push ebp
    mov ebp, esp
    push dword ptr [ebp+12]
    call dword ptr [ebp+8]
    leave
    ret
""", doc="Thread start thunk: call start(param) in a frame, then return into _exeplay_thread_return.")
native("kernel32", "_exeplay_thread_return", """
    push eax
    call {stub:ExitThread}
    int3
""")
