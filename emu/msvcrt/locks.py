"""msvcrt: the CRT's internal locks (_lock/_unlock by number, _lock_file/_unlock_file per stream).

They are real CRITICAL_SECTIONs in the DLL's data, entered and left with kernel32's guest-code
EnterCriticalSection/LeaveCriticalSection (called through a pointer table filled at load), so a thread
that holds one blocks the others exactly as on Windows. Streams _iob[0..19] use locks 64..83; other FILEs
carry their lock right after the 32-byte FILE (msvcrt's _FILEX layout).
"""
from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from ..api import data_export, native

if TYPE_CHECKING:
    from ..machine import Machine

D = "msvcrt"
NLOCKS = 64 + 20
CS = 24


def _init_locks(m: "Machine", a: int) -> None:
    m.mem.write(a, struct.pack("<6I", 0, 0xFFFFFFFF, 0, 0, 0, 0) * NLOCKS)


def _init_k32(m: "Machine", a: int) -> None:
    k = m.proc.by_key["kernel32"]
    m.mem.pack("<II", a, k.exports["EnterCriticalSection"], k.exports["LeaveCriticalSection"])


data_export(D, "_exeplay_locks", CS * NLOCKS, _init_locks)
data_export(D, "_exeplay_k32", 8, _init_k32)

native(D, "_lock", """
    mov eax, dword ptr [esp+4]
    and eax, 63
    imul eax, eax, 24
    add eax, {data:_exeplay_locks}
    push eax
    mov eax, {data:_exeplay_k32}
    call dword ptr [eax]
    ret
""", doc="enter CRT lock number n")

native(D, "_unlock", """
    mov eax, dword ptr [esp+4]
    and eax, 63
    imul eax, eax, 24
    add eax, {data:_exeplay_locks}
    push eax
    mov eax, {data:_exeplay_k32}
    call dword ptr [eax+4]
    ret
""", doc="leave CRT lock number n")

_FILE_LOCK = """
    mov eax, dword ptr [esp+4]
    mov ecx, eax
    sub ecx, {export:_iob}
    cmp ecx, 640
    jae heapfile
    shr ecx, 5
    add ecx, 64
    imul ecx, ecx, 24
    lea eax, [ecx + {data:_exeplay_locks}]
    jmp enter
heapfile:
    add eax, 32
enter:
    push eax
    mov eax, {data:_exeplay_k32}
    call dword ptr [eax+OFF]
    ret
"""
native(D, "_lock_file", _FILE_LOCK.replace("OFF", "0"), doc="lock a stream for the calling thread")
native(D, "_unlock_file", _FILE_LOCK.replace("OFF", "4"), doc="unlock a stream")
