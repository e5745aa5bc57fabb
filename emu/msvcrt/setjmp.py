"""msvcrt: setjmp/longjmp in guest code (x86 _JUMP_BUFFER: Ebp, Ebx, Edi, Esi, Esp, Eip, Registration,
TryLevel, Cookie, UnwindFunc, UnwindData[6]). longjmp unwinds the SEH frames registered since the
setjmp (_global_unwind2), then the frame's own try levels (the UnwindFunc recorded by _setjmp3, or
_local_unwind2 for the old _setjmp buffers), like msvcrt."""
from __future__ import annotations

from ..api import alias, native

D = "msvcrt"
COOKIE = 0x56433230  # 'VC20'

_SAVE = """
    mov edx, dword ptr [esp+4]
    mov dword ptr [edx], ebp
    mov dword ptr [edx+4], ebx
    mov dword ptr [edx+8], edi
    mov dword ptr [edx+12], esi
    lea ecx, [esp+4]
    mov dword ptr [edx+16], ecx
    mov ecx, dword ptr [esp]
    mov dword ptr [edx+20], ecx
    mov ecx, dword ptr fs:[0]
    mov dword ptr [edx+24], ecx
"""

native(D, "_setjmp", _SAVE + """
    mov dword ptr [edx+28], 0xffffffff
    cmp ecx, 0xffffffff
    je done
    mov eax, dword ptr [ecx+12]
    mov dword ptr [edx+28], eax
done:
    xor eax, eax
    ret
""", doc="save the calling context (old-style buffer); returns 0")

native(D, "_setjmp3", _SAVE + f"""
    mov dword ptr [edx+32], {COOKIE:#x}
    mov dword ptr [edx+36], 0
    mov dword ptr [edx+28], 0xffffffff
    cmp ecx, 0xffffffff
    je done
    push esi
    push edi
    mov esi, dword ptr [esp+16]
    test esi, esi
    jz trylevel_from_frame
    mov eax, dword ptr [esp+20]
    mov dword ptr [edx+36], eax
    cmp esi, 1
    je trylevel_from_frame
    mov eax, dword ptr [esp+24]
    mov dword ptr [edx+28], eax
    sub esi, 2
    cmp esi, 6
    jbe copy
    mov esi, 6
copy:
    lea edi, [edx+40]
    xor eax, eax
next:
    cmp eax, esi
    jae restore
    mov ecx, dword ptr [esp+28+eax*4]
    mov dword ptr [edi+eax*4], ecx
    inc eax
    jmp next
trylevel_from_frame:
    mov ecx, dword ptr [edx+24]
    mov eax, dword ptr [ecx+12]
    mov dword ptr [edx+28], eax
restore:
    pop edi
    pop esi
done:
    xor eax, eax
    ret
""", doc="save the calling context with count extra values (UnwindFunc, TryLevel, data); returns 0")

native(D, "longjmp", f"""
    mov ebx, dword ptr [esp+4]
    mov eax, dword ptr [ebx+24]
    test eax, eax
    jz restore
    cmp eax, 0xffffffff
    je restore
    cmp eax, dword ptr fs:[0]
    je local
    push eax
    call {{export:_global_unwind2}}
    add esp, 4
local:
    cmp dword ptr [ebx+32], {COOKIE:#x}
    jne old
    mov eax, dword ptr [ebx+36]
    test eax, eax
    jz restore
    push ebx
    call eax
    jmp restore
old:
    push dword ptr [ebx+28]
    push dword ptr [ebx+24]
    call {{export:_local_unwind2}}
    add esp, 8
restore:
    mov eax, dword ptr [esp+8]
    test eax, eax
    jnz nonzero
    inc eax
nonzero:
    mov ebp, dword ptr [ebx]
    mov edi, dword ptr [ebx+8]
    mov esi, dword ptr [ebx+12]
    mov esp, dword ptr [ebx+16]
    mov edx, dword ptr [ebx+20]
    mov ebx, dword ptr [ebx+4]
    jmp edx
""", doc="return to a setjmp point with value (1 if 0), unwinding the SEH frames in between")

alias(D, D, [], rename={"_longjmpex": "longjmp"})
